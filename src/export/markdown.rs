//! The session as Markdown: what retrospective tools' users paste into wikis and mails. It
//! carries everything the PDF carries in words: introduction, agenda, boards, results and
//! tasks, notes with their links, the reflection with its summary, the photos as image
//! links with caption and credit, and for a consolidation its sources and where they
//! differ.
//!
//! Everything a user typed is text here, never markup: characters Markdown or HTML would
//! read are escaped, line breaks inside a text never start a block of their own, and link
//! targets are percent-encoded so that nothing typed can leave them. No HTML is written.

use super::data::{PhotoData, ReportData};
use super::report_data;
use super::sections::Block;
use crate::i18n::Lang;
use crate::session::Session;

/// Escapes what Markdown or HTML would read as formatting, and keeps a text on one line.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in crate::text::for_document(value).chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '<' | '>' | '!' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// A text that begins a line: also what would open a list, a heading or a rule there.
fn line_start(value: &str) -> String {
    let escaped = text(value);
    let trimmed = escaped.trim_start();
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    let opens_block = trimmed.starts_with(['-', '+', '=', '>'])
        || (digits > 0 && trimmed[digits..].starts_with(['.', ')']));
    if opens_block {
        if digits > 0 {
            format!("{}\\{}", &trimmed[..digits], &trimmed[digits..])
        } else {
            format!("\\{trimmed}")
        }
    } else {
        trimmed.to_owned()
    }
}

/// A link target that nothing typed can leave: spaces, angle brackets, parentheses and
/// control characters percent-encoded; only web addresses and relative paths.
fn target(url: &str) -> String {
    let lower = url.trim().to_ascii_lowercase();
    let is_scheme = lower
        .split_once(':')
        .is_some_and(|(scheme, _)| scheme.chars().all(|c| c.is_ascii_alphanumeric()));
    if is_scheme && !(lower.starts_with("https:") || lower.starts_with("http:")) {
        return String::new();
    }
    let mut out = String::with_capacity(url.len());
    for c in url.trim().chars() {
        match c {
            ' ' | '<' | '>' | '(' | ')' | '"' | '\\' | '`' => {
                out.push_str(&format!("%{:02X}", c as u32));
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Paragraphs and list items, links as Markdown links.
fn blocks(out: &mut String, blocks: &[Block]) {
    for (n, block) in blocks.iter().enumerate() {
        let line: String = block
            .parts
            .iter()
            .enumerate()
            .map(|(i, part)| {
                let words = if i == 0 && !block.item {
                    line_start(&part.text)
                } else {
                    text(&part.text)
                };
                match part.url.as_deref().map(target) {
                    Some(url) if !url.is_empty() => format!("[{words}](<{url}>)"),
                    _ => words,
                }
            })
            .collect();
        if block.item {
            out.push_str(&format!("- {line}\n"));
        } else {
            if n > 0 {
                out.push('\n');
            }
            out.push_str(&format!("{line}\n"));
        }
    }
}

fn photos(out: &mut String, photos: &[PhotoData], link: &Link<'_>) {
    for photo in photos {
        // Without the photo beside the document its caption and credit still say what
        // was photographed and by whom.
        match link(photo) {
            Some(to) => out.push_str(&format!(
                "\n![{}](<{}>)\n\n_{}_\n",
                text(&photo.alt),
                target(&to),
                text(&photo.caption)
            )),
            None => out.push_str(&format!("\n_{}_\n", text(&photo.caption))),
        }
    }
}

/// Where the Markdown links a photo (relative to the Markdown file); `None` leaves it out.
pub type Link<'a> = dyn Fn(&PhotoData) -> Option<String> + 'a;

/// The session (or consolidation) as one Markdown document without its photos.
pub fn markdown(session: &Session, lang: Lang, now: jiff::Timestamp) -> String {
    markdown_linking(session, lang, now, &|_| None)
}

/// The Markdown file and, beside it, a folder with the photos it shows at print size
/// (`bericht.md` and `bericht-fotos/`), linked relative to the file: the two travel together.
/// Photos that cannot be read are left out and returned with their reason.
pub(super) fn markdown_with_photos(
    session: &Session,
    folder: &std::path::Path,
    target: &std::path::Path,
    lang: Lang,
    now: jiff::Timestamp,
) -> (
    Vec<(std::path::PathBuf, Vec<u8>)>,
    Vec<crate::photos::PhotoError>,
) {
    let stem = target.file_stem().map_or_else(
        || "bericht".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    );
    let word = match lang {
        Lang::De => "fotos",
        Lang::En => "photos",
    };
    let dir_name = format!("{stem}-{word}");
    let dir = target.with_file_name(&dir_name);
    let sources: Vec<String> = session.photos.iter().map(|p| p.path.clone()).collect();
    let cache = crate::photos::print::cache_dir();
    let copies = crate::photos::print::print_copies(folder, &sources, cache.as_deref());
    let mut files = Vec::new();
    let mut names = std::collections::HashMap::new();
    let mut left_out = Vec::new();
    for (n, (source, copy)) in sources.iter().zip(copies).enumerate() {
        match copy {
            Ok(bytes) => {
                let base = std::path::Path::new(source)
                    .file_stem()
                    .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
                let name = format!("{:02}-{}.jpg", n + 1, crate::text::slug(&base, word));
                names.insert(source.clone(), format!("{dir_name}/{name}"));
                files.push((dir.join(name), bytes));
            }
            Err(error) => left_out.push(error),
        }
    }
    let text = markdown_linking(session, lang, now, &|photo| {
        names.get(&photo.source).cloned()
    });
    files.insert(0, (target.to_owned(), text.into_bytes()));
    (files, left_out)
}

/// The session as Markdown, each photo linked where `link` says.
pub fn markdown_linking(
    session: &Session,
    lang: Lang,
    now: jiff::Timestamp,
    link: &Link<'_>,
) -> String {
    let d = report_data(session, lang, now);
    let mut out = String::new();
    front(&mut out, &d);
    agenda(&mut out, &d, link);
    boards(&mut out, &d, link);
    outcomes(&mut out, &d, link);
    reflection(&mut out, &d, link);
    closing(&mut out, &d, link);
    out
}

fn label<'a>(d: &'a ReportData, name: &str) -> &'a str {
    d.labels.get(name).copied().unwrap_or_default()
}

/// Title, kind, series, facts, sources and introduction.
fn front(out: &mut String, d: &ReportData) {
    out.push_str(&format!(
        "# {}\n\n_{}_\n\n",
        line_start(&d.title),
        text(&d.kind)
    ));
    if !d.series.is_empty() {
        out.push_str(&format!("{}\n\n", line_start(&d.series)));
    }
    if !d.content_note.is_empty() {
        out.push_str(&format!("*{}*\n\n", text(&d.content_note)));
    }
    for (label, value) in &d.facts {
        out.push_str(&format!("- **{}:** {}\n", text(label), text(value)));
    }
    if !d.legend.is_empty() {
        out.push_str(&format!("\n**{}:**\n\n", label(d, "sources")));
        for (source, name) in &d.legend {
            if source.is_empty() {
                out.push_str(&format!("\n_{}_\n", text(name)));
            } else {
                out.push_str(&format!("- **{}:** {}\n", text(source), text(name)));
            }
        }
    }
    if !d.introduction.is_empty() {
        out.push_str(&format!("\n## {}\n\n", label(d, "introduction")));
        blocks(out, &d.introduction);
    }
}

/// Each day as a table, its speaking rounds below it.
fn agenda(out: &mut String, d: &ReportData, link: &Link<'_>) {
    if d.agenda.is_empty() {
        return;
    }
    out.push_str(&format!("\n## {}\n", label(d, "agenda")));
    for day in &d.agenda {
        out.push_str(&format!("\n### {}\n\n", line_start(&day.heading)));
        table(
            out,
            &[
                label(d, "time"),
                label(d, "item"),
                label(d, "method"),
                label(d, "planned"),
                label(d, "held"),
                "\u{b1}",
            ],
            day.items.iter().map(|i| {
                vec![
                    text(&i.time),
                    text(&i.title),
                    text(&i.method),
                    text(&i.planned),
                    text(&i.held),
                    text(&i.diff),
                ]
            }),
        );
        // Each outcome under the table, named by its item.
        for item in day.items.iter().filter(|i| !i.outcome.is_empty()) {
            out.push_str(&format!(
                "\n- **{}** ({}): {}\n",
                label(d, "outcome"),
                text(&item.title),
                text(&item.outcome)
            ));
        }
        // Each speaking round as a sentence of its own; the item named only when the day
        // has several.
        let rounds: Vec<_> = day.items.iter().filter(|i| !i.round.is_empty()).collect();
        for item in &rounds {
            let of = if rounds.len() > 1 {
                format!(" ({})", text(&item.title))
            } else {
                String::new()
            };
            out.push_str(&format!("\n- {}{of}\n", text(&item.round)));
        }
        out.push_str(&format!("\n{}\n", line_start(&day.total)));
        photos(out, &day.photos, link);
    }
}

/// Each board with its clusters and their cards.
fn boards(out: &mut String, d: &ReportData, link: &Link<'_>) {
    for (board, board_photos) in d.boards.iter().zip(&d.board_photos) {
        out.push_str(&format!("\n## {}\n\n", line_start(&board.title)));
        if !board.question.is_empty() {
            out.push_str(&format!("_{}_\n\n", text(&board.question)));
        }
        for cluster in &board.clusters {
            out.push_str(&format!(
                "### {} (\u{25cf} {})\n\n",
                line_start(&cluster.title),
                cluster.votes
            ));
            for card in &cluster.cards {
                out.push_str(&format!("- {}\n", text(&card.text)));
            }
            out.push('\n');
        }
        if !board.loose.is_empty() {
            out.push_str(&format!("### {}\n\n", label(d, "unclustered")));
            for card in &board.loose {
                out.push_str(&format!("- {}\n", text(&card.text)));
            }
        }
        photos(out, board_photos, link);
    }
}

/// Results, tasks, the next meeting and notes.
fn outcomes(out: &mut String, d: &ReportData, link: &Link<'_>) {
    if !d.results.is_empty() {
        out.push_str(&format!("\n## {}\n\n", label(d, "decisions")));
        for (n, r) in d.results.iter().enumerate() {
            out.push_str(&format!("{}. {}\n", n + 1, text(r)));
        }
    }
    if !d.actions.is_empty() {
        out.push_str(&format!("\n## {}\n\n", label(d, "actions")));
        // When every task is due alike, that is said once above the table.
        if let Some(due) = &d.actions_due {
            out.push_str(&format!("{}\n\n", line_start(due)));
        }
        let with_due = d.actions_due.is_none();
        let mut header = vec![label(d, "task"), label(d, "owner")];
        header.extend(with_due.then(|| label(d, "due")));
        header.push(label(d, "status"));
        table(
            out,
            &header,
            d.actions.iter().map(|a| {
                let mut row = vec![text(&a.title), text(&a.owner)];
                row.extend(with_due.then(|| text(&a.due)));
                row.push(text(&a.status));
                row
            }),
        );
    }
    photos(out, &d.results_photos, link);
    if let Some(next) = &d.next {
        out.push_str(&format!(
            "\n## {}\n\n{}, {}\n\n",
            label(d, "next"),
            line_start(&next.when),
            text(&next.place)
        ));
        blocks(out, &next.note);
    }
    if !d.notes.is_empty() {
        out.push_str(&format!("\n## {}\n\n", label(d, "notes")));
        blocks(out, &d.notes);
    }
}

/// The reflection's figures, comments, dissent and summary.
fn reflection(out: &mut String, d: &ReportData, link: &Link<'_>) {
    let r = &d.reflection;
    if r.figures.dimensions.is_empty() || r.count == 0 {
        return;
    }
    out.push_str(&format!("\n## {}\n\n", label(d, "reflection")));
    out.push_str(&format!(
        "{} {} {}\n\n",
        line_start(&r.figures.scale),
        text(&r.figures.positive),
        text(&r.figures.n_means)
    ));
    for dim in &r.figures.dimensions {
        out.push_str(&format!(
            "- **{}:** {} \u{2013} {}\n",
            text(&dim.name),
            text(&dim.line),
            text(&dim.verdict)
        ));
        for line in &dim.by_source {
            out.push_str(&format!("  - {}\n", text(line)));
        }
    }
    for (heading, items) in [("comments", &r.comments), ("dissent", &r.dissent)] {
        if !items.is_empty() {
            out.push_str(&format!("\n### {}\n\n", label(d, heading)));
            for item in items {
                out.push_str(&format!("- {}\n", text(item)));
            }
        }
    }
    if !r.summary.is_empty() {
        out.push_str(&format!("\n### {}\n\n", label(d, "summary")));
        blocks(out, &r.summary);
    }
    photos(out, &r.photos, link);
}

/// The closing photos, where the sources differ, and the imprint.
fn closing(out: &mut String, d: &ReportData, link: &Link<'_>) {
    if !d.photos.is_empty() {
        out.push_str(&format!("\n## {}\n", label(d, "photos")));
        photos(out, &d.photos, link);
    }
    if !d.conflicts.is_empty() {
        out.push_str(&format!("\n## {}\n\n", label(d, "conflicts")));
        out.push_str(&format!("{}\n\n", line_start(label(d, "conflicts_intro"))));
        for conflict in &d.conflicts {
            out.push_str(&format!("- {}\n", text(conflict)));
        }
    }
    if !d.imprint.is_empty() {
        out.push_str(&format!("\n---\n\n**{}**\n\n", label(d, "imprint")));
        for (label, value) in &d.imprint {
            out.push_str(&format!("- {}: {}\n", text(label), text(value)));
        }
    }
}

/// A Markdown table: the header, its rule, one line per row.
fn table(out: &mut String, header: &[&str], rows: impl Iterator<Item = Vec<String>>) {
    out.push_str(&format!("| {} |\n", header.join(" | ")));
    out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
    for row in rows {
        out.push_str(&format!("| {} |\n", row.join(" | ")));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_never_becomes_markup() {
        assert_eq!(text("a\n---\nb"), "a --- b");
        assert_eq!(
            text("<script>alert(1)</script>"),
            "\\<script\\>alert(1)\\</script\\>"
        );
        assert_eq!(line_start("- no list"), "\\- no list");
        assert_eq!(line_start("1. no list"), "1\\. no list");
        assert_eq!(line_start("--- no rule"), "\\--- no rule");
        assert_eq!(
            text("[x](javascript:alert(1))"),
            "\\[x\\](javascript:alert(1))"
        );
    }

    #[test]
    fn link_targets_cannot_be_left() {
        assert_eq!(
            target("https://example.org/a>b <c>"),
            "https://example.org/a%3Eb%20%3Cc%3E"
        );
        assert_eq!(target("javascript:alert(1)"), "");
        assert_eq!(target("JavaScript:alert(1)"), "");
        assert_eq!(target("photos/a (1).jpg"), "photos/a%20%281%29.jpg");
    }
}
