//! The headless commands, each over the library function the app uses too.

use std::path::{Path, PathBuf};

use super::{Command, Output};
use crate::clock::Clock;
use crate::consolidate;
use crate::export;
use crate::i18n::{self, C, Describe as _, Lang};
use crate::jobs::Progress;
use crate::session::summary::Summary;
use crate::storage;

/// `check` and `summary`: loads a session and prints its counts (as JSON with `--json`).
pub(super) fn summary(
    path: &Path,
    as_json: bool,
    is_check: bool,
    o: &mut Output,
) -> Result<(), ()> {
    let loaded = storage::load_reporting(path).map_err(|e| o.fail(&e.describe(o.lang)))?;
    let session = loaded.session;
    if is_check {
        // Repairs and damaged photos are warnings: the session still opens.
        for line in i18n::repair_lines(&loaded.repairs, 20, o.lang) {
            o.fail(&o.say(C::Warning, &[&line]));
        }
        let folder = storage::SessionPaths::resolve(path).folder;
        for error in crate::photos::check::damaged_photos(&session, &folder) {
            o.fail(&o.say(C::PhotoShownAsPlaceholder, &[&error.describe(o.lang)]));
        }
    }
    let summary = Summary::of(&session, Clock::System.now());
    let written = if as_json {
        serde_json::to_string_pretty(&summary)
            .map_err(std::io::Error::other)
            .and_then(|json| o.json_line(&json))
    } else {
        let mut lines = Vec::new();
        if is_check {
            lines.push(o.say(C::Valid, &[&path.display().to_string()]));
        }
        lines.extend(summary_lines(&summary, o.lang));
        lines.iter().try_for_each(|line| o.line(line))
    };
    match written {
        Ok(()) => Ok(()),
        // A closed pipe (`| head`) is not the session's fault; report other failures.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => {
            let reason = i18n::io_reason(&e, o.lang);
            o.fail(&o.say(C::OutputFailed, &[&reason]));
            Err(())
        }
    }
}

/// A few lines about a session, as `check` prints them.
pub fn summary_lines(s: &Summary, lang: Lang) -> Vec<String> {
    let say = |key: C, values: &[&str]| i18n::fill(key.get(lang), values);
    let mut lines = vec![format!("{} ({})", s.title, s.date_range())];
    if !s.location.is_empty() {
        lines.push(say(C::Location, &[&s.location]));
    }
    lines.push(say(
        C::People,
        &[&s.participants.to_string(), &s.organisations.to_string()],
    ));
    let (items, planned) = (s.agenda_items.to_string(), s.planned_minutes.to_string());
    lines.push(if s.actual_minutes > 0 {
        say(
            C::AgendaHeld,
            &[
                &items,
                &planned,
                &s.actual_minutes.to_string(),
                &s.items_over_time.to_string(),
            ],
        )
    } else {
        say(C::Agenda, &[&items, &planned])
    });
    lines.push(say(
        C::Boards,
        &[
            &s.boards.to_string(),
            &s.cards.to_string(),
            &s.clusters.to_string(),
            &s.votes.to_string(),
        ],
    ));
    lines.push(say(
        C::Reflection,
        &[
            &s.reflection_entries.to_string(),
            &s.reflection_dimensions.to_string(),
        ],
    ));
    lines.push(say(
        C::Counts,
        &[
            &s.photos.to_string(),
            &s.results.to_string(),
            &s.action_items.to_string(),
        ],
    ));
    if let Some(next) = &s.next_meeting {
        let dates: Vec<String> = next.dates.iter().map(ToString::to_string).collect();
        lines.push(say(C::NextMeeting, &[&dates.join(", "), &next.place]));
    }
    lines
}

/// `consolidate`: the same function and checks as the app's "Consolidate selected".
pub(super) fn consolidate(
    inputs: &[PathBuf],
    out_folder: &Path,
    force: bool,
    o: &mut Output,
) -> Result<(), ()> {
    let progress = Progress::default();
    let outcome = consolidate::run::run(inputs, out_folder, force, &progress)
        .map_err(|e| o.fail(&e.describe(o.lang)))?;
    for warning in &outcome.warnings {
        let text = o.say(C::Warning, &[&warning.describe(o.lang)]);
        o.fail(&text);
    }
    let mut lines = vec![o.say(
        C::Consolidated,
        &[&inputs.len().to_string(), &out_folder.display().to_string()],
    )];
    lines.extend(summary_lines(
        &Summary::of(&outcome.session, Clock::System.now()),
        o.lang,
    ));
    if let Some(provenance) = &outcome.session.provenance {
        lines.push(o.say(C::SourcesHeading, &[]));
        for (label, text) in i18n::source_legend(provenance, o.lang) {
            lines.push(format!("  {label}: {text}"));
        }
    }
    let conflicts = i18n::shown_conflicts(&outcome.session);
    if !conflicts.is_empty() {
        lines.push(o.say(C::ConflictsHeading, &[&conflicts.len().to_string()]));
        for conflict in conflicts {
            let line = i18n::conflict_line(conflict, &outcome.session, o.lang);
            lines.push(format!("  \u{2022} {line}"));
        }
    }
    if outcome.num_proposals > 0 {
        lines.push(o.say(C::Proposed, &[&outcome.num_proposals.to_string()]));
    }
    for line in lines {
        let _ = o.line(&line);
    }
    Ok(())
}

/// `attach`: copies photos into a session with the app's checks, one line per file, and
/// saves the session. Fails (after attaching the good ones) if any file was refused.
pub(super) fn attach(path: &Path, files: &[PathBuf], o: &mut Output) -> Result<(), ()> {
    let (folder, _lock, mut session) = for_change(path, o)?;
    let (photos, refused) = crate::photos::import::import_all(&folder, files, |_, _| {});
    let attached: Vec<String> = photos.iter().map(|p| p.path.clone()).collect();
    let known: Vec<String> = session.photos.iter().map(|p| p.path.clone()).collect();
    let edit = crate::photos::edit::PhotoEdit::attach(&session, photos);
    if edit.apply(&mut session) {
        storage::save(&folder, &session).map_err(|e| o.fail(&e.describe(o.lang)))?;
    }
    for path in &attached {
        let key = if known.contains(path) {
            C::AlreadyAttached
        } else {
            C::Attached
        };
        let _ = o.line(&o.say(key, &[path]));
    }
    for error in &refused {
        o.fail(&o.say(C::NotAttached, &[&error.describe(o.lang)]));
    }
    if refused.is_empty() { Ok(()) } else { Err(()) }
}

/// A session to change: its folder (refusing a path that names another file), its lock
/// (waiting a moment for another writer), and the session read under that lock, so that
/// nothing another writer saved in between is lost.
pub(super) fn for_change(
    path: &Path,
    o: &mut Output,
) -> Result<(PathBuf, storage::SessionLock, crate::session::Session), ()> {
    let folder = storage::SessionPaths::for_change(path)
        .map_err(|e| o.fail(&e.describe(o.lang)))?
        .folder;
    let lock = storage::SessionLock::acquire_for_change(&folder, storage::WAIT_FOR_WRITER)
        .map_err(|e| o.fail(&e.describe(o.lang)))?;
    let session = storage::load(&folder).map_err(|e| o.fail(&e.describe(o.lang)))?;
    Ok((folder, lock, session))
}

/// `export-pdf`, `export-md`, `export-csv`.
pub(super) fn export(
    command: &Command,
    path: &Path,
    target: &Path,
    lang: Option<&str>,
    o: &mut Output,
) -> Result<(), ()> {
    let session = storage::load(path).map_err(|e| o.fail(&e.describe(o.lang)))?;
    let lang = match lang {
        None => Lang::of_content(&session.meta.language),
        Some(text) => match Lang::parse(text) {
            Some(lang) => lang,
            None => {
                o.fail(&o.say(C::BadLang, &[text]));
                return Err(());
            }
        },
    };
    let folder = storage::SessionPaths::resolve(path).folder;
    let kind = match command {
        Command::ExportPdf { .. } => export::Kind::Pdf,
        Command::ExportMd { .. } => export::Kind::Markdown,
        _ => export::Kind::Csv,
    };
    let now = Clock::System.now();
    let written = export::write(kind, &session, Some(&folder), target, lang, now)
        .map_err(|e| o.fail(&e.describe(o.lang)))?;
    for error in &written.left_out {
        o.fail(&o.say(C::PhotoLeftOut, &[&error.describe(o.lang)]));
    }
    for (file, bytes) in written.files {
        let said = o.say(
            C::Wrote,
            &[
                &file.display().to_string(),
                &bytes.div_ceil(1024).to_string(),
            ],
        );
        let _ = o.line(&said);
    }
    Ok(())
}

fn read_failed(file: &Path, error: &std::io::Error, lang: Lang) -> String {
    i18n::fill(
        i18n::M::IoRead.get(lang),
        &[&file.display().to_string(), &i18n::io_reason(error, lang)],
    )
}

/// The largest card file `import-cards` reads: far more than any board holds.
const MAX_CARD_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// `import-cards`: every line checked first, then all cards in one save.
pub(super) fn import_cards(
    path: &Path,
    title: &str,
    file: &Path,
    o: &mut Output,
) -> Result<(), ()> {
    use crate::i18n::M;
    let shown = file.display().to_string();
    // A plain file of a card list's size: a pipe or a device is refused at once, never read.
    let bytes = match storage::files::read_regular(file, MAX_CARD_FILE_BYTES) {
        Ok(bytes) => bytes,
        Err(storage::FileProblem::TooLarge { .. }) => {
            let limit = (MAX_CARD_FILE_BYTES / (1024 * 1024)).to_string();
            o.fail(&i18n::fill(
                M::ImportFileTooLarge.get(o.lang),
                &[&shown, &limit],
            ));
            return Err(());
        }
        Err(storage::FileProblem::Unreadable(e)) => {
            o.fail(&read_failed(file, &e, o.lang));
            return Err(());
        }
        Err(storage::FileProblem::Missing) => {
            let e = std::io::Error::from(std::io::ErrorKind::NotFound);
            o.fail(&read_failed(file, &e, o.lang));
            return Err(());
        }
        Err(_) => {
            let error = storage::StorageError::NotAFile {
                path: file.to_owned(),
            };
            o.fail(&error.describe(o.lang));
            return Err(());
        }
    };
    let Ok(text) = String::from_utf8(bytes) else {
        o.fail(&i18n::fill(M::ImportNotText.get(o.lang), &[&shown]));
        return Err(());
    };
    let cards = match crate::board::import::parse(&text) {
        Ok(cards) => cards,
        Err(problems) => {
            for problem in &problems {
                let line = format!("{shown}: {}", problem.describe(o.lang));
                o.fail(&line);
            }
            o.fail(&o.say(C::NothingImported, &[]));
            return Err(());
        }
    };
    let (folder, _lock, mut session) = for_change(path, o)?;
    let (board, edits) = crate::board::import::edits(&session.boards, title, &cards);
    let clusters_before = session.board(board).map_or(0, |b| b.clusters.len());
    for edit in edits {
        edit.apply(&mut session);
    }
    // What would be refused when the session is opened again (more cards than a board may
    // hold) is not saved.
    let problems = session.problems();
    if !problems.is_empty() {
        for problem in &problems {
            o.fail(&problem.describe(o.lang));
        }
        o.fail(&o.say(C::NothingImported, &[]));
        return Err(());
    }
    storage::save(&folder, &session).map_err(|e| o.fail(&e.describe(o.lang)))?;
    let clusters = session.board(board).map_or(0, |b| b.clusters.len()) - clusters_before;
    let in_clusters = cards.iter().filter(|c| !c.topic.is_empty()).count();
    let _ = o.line(&o.say(
        C::Imported,
        &[
            &cards.len().to_string(),
            title.trim(),
            &in_clusters.to_string(),
            &clusters.to_string(),
        ],
    ));
    Ok(())
}

/// `suggest`: groups of the board's free cards, printed; the session is not changed.
pub(super) fn suggest(
    path: &Path,
    title: &str,
    json: bool,
    tightness: f32,
    o: &mut Output,
) -> Result<(), ()> {
    use crate::board::grouping::{self, CardText, Method};
    let session = storage::load(path).map_err(|e| o.fail(&e.describe(o.lang)))?;
    let board = board_titled(&session, title, o)?;
    let taken: std::collections::BTreeSet<_> = board
        .clusters
        .iter()
        .flat_map(|c| c.cards.iter().copied())
        .collect();
    let free: Vec<CardText<'_, _>> = board
        .cards
        .iter()
        .filter(|c| {
            c.shape == crate::board::CardShape::Card
                && !taken.contains(&c.id)
                && !c.text.trim().is_empty()
        })
        .map(|c| CardText {
            key: c.id,
            text: &c.text,
        })
        .collect();
    let cache = crate::board::embedding::Cache::default();
    let suggestion = grouping::suggest_by_meaning(&free, tightness, &cache, &mut |_, _| {});
    if json {
        let groups: Vec<Vec<String>> = suggestion
            .groups
            .iter()
            .map(|g| g.iter().map(|id| id.to_string()).collect())
            .collect();
        let value = serde_json::json!({ "method": suggestion.method.name(), "groups": groups });
        let _ = o.json_line(&value.to_string());
        return Ok(());
    }
    let groups = suggestion.groups.len().to_string();
    let cards = free.len().to_string();
    let said = match suggestion.method {
        Method::Embedding => o.say(C::SuggestedByMeaning, &[&groups, &cards]),
        Method::Lexical => o.say(C::SuggestedByWords, &[&groups, &cards]),
        Method::LexicalManyCards => {
            let limit = grouping::MEANING_MAX_NEW_CARDS.to_string();
            o.say(C::SuggestedByWordsMany, &[&limit, &groups, &cards])
        }
    };
    let _ = o.line(&said);
    for (n, group) in suggestion.groups.iter().enumerate() {
        let texts: Vec<&str> = group
            .iter()
            .filter_map(|id| board.card(*id))
            .map(|c| c.text.as_str())
            .collect();
        let heading = grouping::title_for(&texts).unwrap_or_default();
        let _ = o.line(&o.say(C::SuggestedGroup, &[&(n + 1).to_string(), &heading]));
        for id in group {
            if let Some(card) = board.card(*id) {
                let _ = o.line(&format!("  {id}  {}", card.text));
            }
        }
    }
    Ok(())
}

/// The board with this title, or a message that names the boards there are.
pub(super) fn board_titled<'s>(
    session: &'s crate::session::Session,
    title: &str,
    o: &mut Output,
) -> Result<&'s crate::board::Board, ()> {
    if let Some(board) = session
        .boards
        .iter()
        .find(|b| b.title.trim() == title.trim())
    {
        return Ok(board);
    }
    let titles: Vec<String> = session
        .boards
        .iter()
        .map(|b| match o.lang {
            Lang::De => format!("\u{201e}{}\u{201c}", b.title),
            Lang::En => format!("\"{}\"", b.title),
        })
        .collect();
    let titles = if titles.is_empty() {
        "\u{2013}".to_owned()
    } else {
        titles.join(", ")
    };
    o.fail(&i18n::fill(
        crate::i18n::M::NoSuchBoard.get(o.lang),
        &[title, &titles],
    ));
    Err(())
}
