//! `GET /api/events`: server-sent events, so that pages follow the moderator without polling.
//!
//! Events: `phase` (data `{"generation": n}`) first on connecting and on every change of
//! phase: the page then fetches `/api/state`; `gone` when the phone is no longer in the room
//! (the token was rotated), after which the stream ends. A comment every 15 s keeps the
//! connection alive.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream;
use tokio::sync::watch;

use super::ctx::{Ctx, DEVICE_COOKIE};
use super::lang::{Lang, cookie};
use super::room::{Signal, StreamGuard};

/// How often a comment keeps an idle stream open (and proxies and phones awake).
const KEEP_ALIVE: Duration = Duration::from_secs(15);

struct Watch {
    signals: watch::Receiver<Signal>,
    guard: StreamGuard,
    /// The phase generation last sent; `None` before the first event.
    sent: Option<u64>,
    done: bool,
}

/// Opens the phone's event stream.
pub(crate) async fn events(State(ctx): State<Arc<Ctx>>, headers: HeaderMap) -> Response {
    let lang = Lang::of(&headers);
    let guard = ctx
        .room
        .admit(cookie(&headers, DEVICE_COOKIE))
        .and_then(|key| ctx.room.open_stream(key));
    let guard = match guard {
        Ok(guard) => guard,
        Err(refusal) => return refusal.answer(lang),
    };
    let watch = Watch {
        signals: ctx.room.subscribe(),
        guard,
        sent: None,
        done: false,
    };
    Sse::new(stream::unfold(watch, next))
        .keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
        .into_response()
}

/// The next event of a stream, or its end.
async fn next(mut watch: Watch) -> Option<(Result<Event, Infallible>, Watch)> {
    if watch.done {
        return None;
    }
    loop {
        if watch.sent.is_some() && watch.signals.changed().await.is_err() {
            // The room is gone.
            return None;
        }
        let signal = *watch.signals.borrow_and_update();
        if !watch.guard.is_member() {
            watch.done = true;
            return Some((Ok(Event::default().event("gone").data("{}")), watch));
        }
        if watch.sent != Some(signal.phase) {
            watch.sent = Some(signal.phase);
            let data = format!("{{\"generation\":{}}}", signal.phase);
            return Some((Ok(Event::default().event("phase").data(data)), watch));
        }
    }
}
