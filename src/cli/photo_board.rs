//! `detect-cards` and `import-photo`: a pinboard photo read with every check of attaching a
//! photo, the board and its cards found, printed or put on a board of the session.

use std::path::Path;

use super::Output;
use super::commands::for_change;
use crate::i18n::{C, Describe as _};
use crate::photos::PhotoLink;
use crate::photos::edit::PhotoEdit;
use crate::pinboard::{self, Detection};
use crate::storage;

/// Reads, checks and decodes a photo and finds the board and cards in it; the decoded photo
/// comes back with them.
fn detect_in(photo: &Path, o: &mut Output) -> Result<(Detection, image::RgbImage), ()> {
    let image = crate::photos::import::decode_file(photo)
        .map_err(|e| o.fail(&e.describe(o.lang)))?
        .to_rgb8();
    let detection = pinboard::detect(&image, &mut |_| true).map_err(|e| {
        let shown = photo.display().to_string();
        o.fail(&o.say(C::NoCardsFound, &[&shown, &e.to_string()]));
    })?;
    Ok((detection, image))
}

/// `detect-cards PHOTO [--json]`.
pub(super) fn detect_cards(photo: &Path, json: bool, o: &mut Output) -> Result<(), ()> {
    let (detection, _) = detect_in(photo, o)?;
    if json {
        let _ = o.json_line(&pinboard::import::to_json(&detection));
        return Ok(());
    }
    let _ = o.line(&o.say(C::CardsFound, &[&detection.cards.len().to_string()]));
    for (n, card) in detection.cards.iter().enumerate() {
        let [x, y] = card.centre_on_board;
        let line = format!(
            "{:>3}. {} {} \u{2192} {:.0} % / {:.0} %",
            n + 1,
            card.colour.name(),
            card.shape.name(),
            x * 100.0,
            y * 100.0
        );
        let _ = o.line(&line);
    }
    Ok(())
}

/// `import-photo SESSION --board TITLE PHOTO`: the photo attached (and shown with the
/// board), its cards on the board at their places, the columns under a header as clusters.
pub(super) fn import_photo(
    path: &Path,
    title: &str,
    photo: &Path,
    o: &mut Output,
) -> Result<(), ()> {
    if title.trim().is_empty() {
        o.fail(&o.say(C::BoardTitleMissing, &[]));
        return Err(());
    }
    let (detection, image) = detect_in(photo, o)?;
    let columns = pinboard::propose_columns(&detection.cards);
    let (folder, _lock, mut session) = for_change(path, o)?;
    let mut attached =
        crate::photos::import::import(&folder, photo).map_err(|e| o.fail(&e.describe(o.lang)))?;
    // Each card's picture, for the board and the report until its text is typed.
    let pictures =
        pinboard::crops::write_crops(&folder, &attached.path, &image, &detection, &mut |_| true)
            .map_err(|e| o.fail(&e.describe(o.lang)))?
            .unwrap_or_default();
    drop(image);
    let lang = o.lang;
    let found = pinboard::import::Found {
        detection: &detection,
        columns: &columns,
        pictures: &pictures,
    };
    let plan = pinboard::import::plan(&session.boards, title, &found, &|n| {
        crate::i18n::fill(C::ColumnTitle.get(lang), &[&n.to_string()])
    });
    for edit in plan.edits {
        edit.apply(&mut session);
    }
    attached.link = Some(PhotoLink::Board(plan.board));
    PhotoEdit::attach(&session, vec![attached]).apply(&mut session);
    // What would be refused when the session is opened again is not saved.
    let problems = session.problems();
    if !problems.is_empty() {
        for problem in &problems {
            o.fail(&problem.describe(o.lang));
        }
        o.fail(&o.say(C::NothingImported, &[]));
        return Err(());
    }
    storage::save(&folder, &session).map_err(|e| o.fail(&e.describe(o.lang)))?;
    let _ = o.line(&o.say(
        C::PhotoImported,
        &[
            &plan.cards.len().to_string(),
            title.trim(),
            &plan.clusters.to_string(),
        ],
    ));
    Ok(())
}
