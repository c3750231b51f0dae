//! The routes, the checks every request passes, and the answers.

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, Request, State};
use axum::http::header::{
    CACHE_CONTROL, CONTENT_LENGTH, CONTENT_SECURITY_POLICY, CONTENT_TYPE, HOST, ORIGIN,
    REFERRER_POLICY, SET_COOKIE, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::{HeaderMap, HeaderValue, Method};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::Value;

use super::ctx::{Ctx, DEVICE_COOKIE};
use super::events;
use super::lang::{Lang, cookie};
use super::ledger::Contribution;
use super::page;
use super::refusal::Refusal;

/// How long a phone stays in without scanning again: a long workshop day.
const COOKIE_SECONDS: u32 = 16 * 60 * 60;
/// Only files from the laptop; no inline script or style, no frames, no plugins.
const CSP: &str = "default-src 'self'; base-uri 'none'; form-action 'self'; \
                   frame-ancestors 'none'; object-src 'none'";

/// All routes, behind the host and origin checks.
pub(crate) fn router(ctx: Arc<Ctx>) -> Router {
    Router::new()
        .route("/", get(index))
        .route("/j/{token}", get(join))
        .route("/app.js", get(app_js))
        .route("/style.css", get(style_css))
        .route("/icon.svg", get(icon_svg))
        .route("/api/state", get(state))
        .route("/api/events", get(events::events))
        .route("/api/card", post(card))
        .route("/api/dot", post(dot))
        .route("/api/undot", post(undot))
        .route("/api/rating", post(rating))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(Arc::clone(&ctx), guard))
        .with_state(ctx)
}

/// Refuses a request for another host (DNS rebinding) or from another site, and adds the
/// security headers to every answer.
async fn guard(State(ctx): State<Arc<Ctx>>, request: Request, next: Next) -> Response {
    let headers = request.headers();
    let lang = Lang::of(headers);
    let is_api = request.uri().path().starts_with("/api/");
    let host_ok = headers
        .get(HOST)
        .and_then(|h| h.to_str().ok())
        .is_some_and(|h| is_host(h, &ctx.host))
        && request
            .uri()
            .authority()
            .is_none_or(|a| is_host(a.as_str(), &ctx.host));
    let origin_ok = headers.get_all(ORIGIN).iter().all(|o| {
        o.to_str()
            .is_ok_and(|o| o.eq_ignore_ascii_case(&ctx.origin))
    });
    // A link from another site may open the page (a navigation, no Origin), but it may not
    // post to it.
    let cross_site = request.method() != Method::GET
        && headers
            .get("sec-fetch-site")
            .is_some_and(|s| s.as_bytes() == b"cross-site");
    let mut response = if !host_ok {
        refuse(Refusal::WrongHost, lang, is_api)
    } else if !origin_ok || cross_site {
        refuse(Refusal::ForeignOrigin, lang, is_api)
    } else {
        next.run(request).await
    };
    let headers = response.headers_mut();
    headers.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers
        .entry(CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    response
}

/// Whether a `Host` value names the server's address (browsers leave out port 80).
fn is_host(value: &str, host: &str) -> bool {
    value.eq_ignore_ascii_case(host)
        || host
            .strip_suffix(":80")
            .is_some_and(|bare| value.eq_ignore_ascii_case(bare))
}

/// A refusal as JSON for the API, as a page for a browser.
fn refuse(refusal: Refusal, lang: Lang, is_api: bool) -> Response {
    if is_api {
        return refusal.answer(lang);
    }
    let body = if refusal == Refusal::NotJoined {
        page::scan_again(lang)
    } else {
        page::message(lang, "Moderato", &refusal.message(lang), None)
    };
    (refusal.status(), Html(body)).into_response()
}

/// A file of the page: public (the refusal pages need the style too), revalidated on reload.
fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [(CONTENT_TYPE, content_type), (CACHE_CONTROL, "no-cache")],
        body,
    )
        .into_response()
}

async fn app_js() -> Response {
    asset("text/javascript; charset=utf-8", page::APP_JS)
}

async fn style_css() -> Response {
    asset("text/css; charset=utf-8", page::STYLE_CSS)
}

async fn icon_svg() -> Response {
    asset("image/svg+xml", page::ICON_SVG)
}

async fn not_found(headers: HeaderMap, request: Request) -> Response {
    let is_api = request.uri().path().starts_with("/api/");
    refuse(Refusal::NotFound, Lang::of(&headers), is_api)
}

/// `GET /`: the page, for a phone that joined.
async fn index(State(ctx): State<Arc<Ctx>>, headers: HeaderMap) -> Response {
    let lang = Lang::of(&headers);
    match ctx.room.admit(cookie(&headers, DEVICE_COOKIE)) {
        Ok(_) => Html(page::index(lang)).into_response(),
        Err(refusal) => refuse(refusal, lang, false),
    }
}

/// `GET /j/{token}`: swaps the join token for a device cookie, then on to the page.
///
/// A page that moves on (rather than a 303) so that the cookie, `SameSite=Strict`, is sent
/// with the next request even when the scan opened the browser from another app.
async fn join(
    State(ctx): State<Arc<Ctx>>,
    token: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    let lang = Lang::of(&headers);
    // A token that isn't even text (bad percent-encoding) is as wrong as any other.
    let token = token.map(|Path(t)| t).unwrap_or_default();
    let key = match ctx.room.join(&token, cookie(&headers, DEVICE_COOKIE)) {
        Ok(key) => key,
        Err(refusal) => return refuse(refusal, lang, false),
    };
    let set_cookie = format!(
        "{DEVICE_COOKIE}={}; Path=/; HttpOnly; SameSite=Strict; Max-Age={COOKIE_SECONDS}",
        key.encode()
    );
    let body = page::message(
        lang,
        lang.pick("Willkommen", "Welcome"),
        lang.pick("Du bist dabei.", "You're in."),
        Some("/"),
    );
    let mut response = Html(body).into_response();
    if let Ok(value) = HeaderValue::from_str(&set_cookie) {
        response.headers_mut().insert(SET_COOKIE, value);
    }
    response
}

/// `GET /api/state`: the phase, what this phone gave and what it has left.
async fn state(State(ctx): State<Arc<Ctx>>, headers: HeaderMap) -> Response {
    let lang = Lang::of(&headers);
    let view = ctx
        .room
        .admit(cookie(&headers, DEVICE_COOKIE))
        .and_then(|key| ctx.room.view(&key));
    match view {
        Ok(view) => axum::Json(view).into_response(),
        Err(refusal) => refusal.answer(lang),
    }
}

async fn card(State(ctx): State<Arc<Ctx>>, headers: HeaderMap, body: Body) -> Response {
    submit(&ctx, &headers, body, Contribution::card).await
}

async fn dot(State(ctx): State<Arc<Ctx>>, headers: HeaderMap, body: Body) -> Response {
    submit(&ctx, &headers, body, Contribution::dot).await
}

async fn undot(State(ctx): State<Arc<Ctx>>, headers: HeaderMap, body: Body) -> Response {
    submit(&ctx, &headers, body, Contribution::take_back).await
}

async fn rating(State(ctx): State<Arc<Ctx>>, headers: HeaderMap, body: Body) -> Response {
    submit(&ctx, &headers, body, Contribution::rating).await
}

type Make = fn(&[u8]) -> serde_json::Result<Contribution>;

/// A POST: the phone's new view, or a refusal in its language.
async fn submit(ctx: &Ctx, headers: &HeaderMap, body: Body, make: Make) -> Response {
    match accept(ctx, headers, body, make).await {
        Ok(view) => {
            (ctx.wake)();
            axum::Json(view).into_response()
        }
        Err(refusal) => refusal.answer(Lang::of(headers)),
    }
}

async fn accept(ctx: &Ctx, headers: &HeaderMap, body: Body, make: Make) -> Result<Value, Refusal> {
    let key = ctx.room.admit(cookie(headers, DEVICE_COOKIE))?;
    if !is_json(headers) {
        return Err(Refusal::WrongContentType);
    }
    let limit = ctx.room.limits().body_bytes;
    let declared = headers
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return Err(Refusal::TooLarge);
    }
    let bytes = axum::body::to_bytes(body, limit)
        .await
        .map_err(|_| Refusal::TooLarge)?;
    let contribution = Contribution::parse(make, &bytes)?;
    ctx.room.contribute(&key, contribution, |arrival| {
        ctx.arrivals.send(arrival).is_ok()
    })
}

/// Whether the body is declared JSON (`application/json`, with or without a charset).
fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("application/json"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_must_be_the_address() {
        assert!(is_host("192.168.1.20:8080", "192.168.1.20:8080"));
        assert!(!is_host("evil.example:8080", "192.168.1.20:8080"));
        assert!(!is_host("192.168.1.20", "192.168.1.20:8080"));
        assert!(is_host("192.168.1.20", "192.168.1.20:80"));
        assert!(is_host("[::1]:8080", "[::1]:8080"));
    }
}
