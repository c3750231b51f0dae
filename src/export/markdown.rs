//! The session as Markdown: what retrospective tools' users paste into wikis and mails. It
//! carries everything the PDF carries in words: introduction, agenda, boards, results and
//! tasks, notes with their links, the reflection with its summary, and the photos as image
//! links (relative to the session folder) with caption and credit.

use super::data::PhotoData;
use super::report_data;
use super::sections::Block;
use crate::i18n::Lang;
use crate::session::Session;

/// Escapes characters that Markdown would read as formatting.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '<' | '>'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Paragraphs and list items, links as Markdown links.
fn blocks(out: &mut String, blocks: &[Block]) {
    for (n, block) in blocks.iter().enumerate() {
        let line: String = block
            .parts
            .iter()
            .map(|part| match &part.url {
                Some(url) => format!("[{}](<{url}>)", text(&part.text)),
                None => text(&part.text),
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

fn photos(out: &mut String, photos: &[PhotoData]) {
    for photo in photos {
        out.push_str(&format!(
            "\n![{}](<{}>)\n_{}_\n",
            text(&photo.alt),
            photo.source,
            text(&photo.caption)
        ));
    }
}

/// The session (or consolidation) as one Markdown document.
pub fn markdown(session: &Session, lang: Lang, now: jiff::Timestamp) -> String {
    let d = report_data(session, lang, now);
    let l = |name: &str| d.labels.get(name).copied().unwrap_or_default();
    let mut out = format!("# {}\n\n_{}_\n\n", text(&d.title), text(&d.kind));
    if !d.series.is_empty() {
        out.push_str(&format!("{}\n\n", text(&d.series)));
    }
    for (label, value) in &d.facts {
        out.push_str(&format!("- **{}:** {}\n", text(label), text(value)));
    }
    if !d.legend.is_empty() {
        out.push_str(&format!("\n**{}:**\n\n", l("sources")));
        for (label, name) in &d.legend {
            out.push_str(&format!("- **{label}:** {}\n", text(name)));
        }
    }
    if !d.introduction.is_empty() {
        out.push_str(&format!("\n## {}\n\n", l("introduction")));
        blocks(&mut out, &d.introduction);
    }
    if !d.agenda.is_empty() {
        out.push_str(&format!("\n## {}\n", l("agenda")));
        for day in &d.agenda {
            out.push_str(&format!(
                "\n### {}\n\n| {} | {} | {} | {} | {} | ± |\n|---|---|---|---:|---:|---:|\n",
                text(&day.heading),
                l("time"),
                l("item"),
                l("method"),
                l("planned"),
                l("held")
            ));
            for i in &day.items {
                out.push_str(&format!(
                    "| {} | {} | {} | {} | {} | {} |\n",
                    i.time,
                    if i.round.is_empty() {
                        text(&i.title)
                    } else {
                        format!("{}<br>{}", text(&i.title), text(&i.round))
                    },
                    i.method,
                    i.planned,
                    i.held,
                    i.diff
                ));
            }
            out.push_str(&format!("\n{}\n", text(&day.total)));
            photos(&mut out, &day.photos);
        }
    }
    for (board, board_photos) in d.boards.iter().zip(&d.board_photos) {
        out.push_str(&format!("\n## {}\n\n", text(&board.title)));
        if !board.question.is_empty() {
            out.push_str(&format!("_{}_\n\n", text(&board.question)));
        }
        for cluster in &board.clusters {
            out.push_str(&format!(
                "### {} (● {})\n\n",
                text(&cluster.title),
                cluster.votes
            ));
            for card in &cluster.cards {
                out.push_str(&format!("- {}\n", text(&card.text)));
            }
            out.push('\n');
        }
        if !board.loose.is_empty() {
            out.push_str(&format!("### {}\n\n", l("unclustered")));
            for card in &board.loose {
                out.push_str(&format!("- {}\n", text(&card.text)));
            }
        }
        photos(&mut out, board_photos);
    }
    if !d.results.is_empty() {
        out.push_str(&format!("\n## {}\n\n", l("decisions")));
        for (n, r) in d.results.iter().enumerate() {
            out.push_str(&format!("{}. {}\n", n + 1, text(r)));
        }
    }
    if !d.actions.is_empty() {
        out.push_str(&format!("\n## {}\n\n", l("actions")));
        // When every task is due alike, that is said once above the table.
        if let Some(due) = &d.actions_due {
            out.push_str(&format!("{}\n\n", text(due)));
        }
        let with_due = d.actions_due.is_none();
        let mut header = vec![l("task"), l("owner")];
        header.extend(with_due.then(|| l("due")));
        header.push(l("status"));
        table(
            &mut out,
            &header,
            d.actions.iter().map(|a| {
                let mut row = vec![text(&a.title), text(&a.owner)];
                row.extend(with_due.then(|| a.due.clone()));
                row.push(a.status.clone());
                row
            }),
        );
    }
    photos(&mut out, &d.results_photos);
    if let Some(next) = &d.next {
        out.push_str(&format!(
            "\n## {}\n\n{}, {}\n\n",
            l("next"),
            text(&next.when),
            text(&next.place)
        ));
        blocks(&mut out, &next.note);
    }
    if !d.notes.is_empty() {
        out.push_str(&format!("\n## {}\n\n", l("notes")));
        blocks(&mut out, &d.notes);
    }
    let r = &d.reflection;
    if !r.figures.dimensions.is_empty() && r.count > 0 {
        out.push_str(&format!("\n## {}\n\n", l("reflection")));
        out.push_str(&format!(
            "{} {}\n\n",
            text(&r.figures.scale),
            text(&r.figures.positive)
        ));
        for dim in &r.figures.dimensions {
            out.push_str(&format!(
                "- **{}:** {} – {}\n",
                text(&dim.name),
                dim.line,
                dim.verdict
            ));
            for line in &dim.by_source {
                out.push_str(&format!("  - {}\n", text(line)));
            }
        }
        if !r.comments.is_empty() {
            out.push_str(&format!("\n### {}\n\n", l("comments")));
            for c in &r.comments {
                out.push_str(&format!("- {}\n", text(c)));
            }
        }
        if !r.dissent.is_empty() {
            out.push_str(&format!("\n### {}\n\n", l("dissent")));
            for x in &r.dissent {
                out.push_str(&format!("- {}\n", text(x)));
            }
        }
        if !r.summary.is_empty() {
            out.push_str(&format!("\n### {}\n\n", l("summary")));
            blocks(&mut out, &r.summary);
        }
        photos(&mut out, &r.photos);
    }
    if !d.photos.is_empty() {
        out.push_str(&format!("\n## {}\n", l("photos")));
        photos(&mut out, &d.photos);
    }
    if !d.imprint.is_empty() {
        out.push_str(&format!("\n---\n\n**{}**\n\n", l("imprint")));
        for (label, value) in &d.imprint {
            out.push_str(&format!("{}: {}  \n", text(label), text(value)));
        }
    }
    out
}

/// A Markdown table: the header, its rule, one line per row.
fn table(out: &mut String, header: &[&str], rows: impl Iterator<Item = Vec<String>>) {
    out.push_str(&format!("| {} |\n", header.join(" | ")));
    out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
    for row in rows {
        out.push_str(&format!("| {} |\n", row.join(" | ")));
    }
}
