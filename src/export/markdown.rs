//! The session as Markdown: what retrospective tools' users paste into wikis and mails.

use super::report_data;
use crate::i18n::Lang;
use crate::model::Session;

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

/// The session (or consolidation) as one Markdown document.
pub fn markdown(session: &Session, lang: Lang, now: jiff::Timestamp) -> String {
    let d = report_data(session, lang, now);
    let l = &d.labels;
    let mut out = format!("# {}\n\n", text(&d.title));
    if !d.series.is_empty() {
        out.push_str(&format!("{}\n\n", text(&d.series)));
    }
    for (label, value) in &d.facts {
        out.push_str(&format!("- **{}:** {}\n", text(label), text(value)));
    }
    if !d.agenda.is_empty() {
        out.push_str(&format!("\n## {}\n", l.agenda));
        for day in &d.agenda {
            out.push_str(&format!(
                "\n### {}\n\n| {} | {} | {} | {} | {} |\n|---|---|---|---|---|\n",
                text(&day.heading),
                l.time,
                l.item,
                l.method,
                l.planned,
                l.held
            ));
            for i in &day.items {
                out.push_str(&format!(
                    "| {} | {} | {} | {} | {} {} |\n",
                    i.time,
                    text(&i.title),
                    i.method,
                    i.planned,
                    i.held,
                    i.diff
                ));
            }
        }
    }
    for board in &d.boards {
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
            out.push_str(&format!("### {}\n\n", l.unclustered));
            for card in &board.loose {
                out.push_str(&format!("- {}\n", text(&card.text)));
            }
        }
    }
    if !d.results.is_empty() {
        out.push_str(&format!("\n## {}\n\n", l.decisions));
        for (n, r) in d.results.iter().enumerate() {
            out.push_str(&format!("{}. {}\n", n + 1, text(r)));
        }
    }
    if !d.actions.is_empty() {
        out.push_str(&format!(
            "\n## {}\n\n| {} | {} | {} | {} |\n|---|---|---|---|\n",
            l.actions, l.task, l.owner, l.due, l.status
        ));
        for a in &d.actions {
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                text(&a.title),
                text(&a.owner),
                a.due,
                a.status
            ));
        }
    }
    if let Some(next) = &d.next {
        out.push_str(&format!("\n## {}\n\n{}\n", l.next, text(next)));
    }
    if !d.reflection.dimensions.is_empty() && d.reflection.count > 0 {
        out.push_str(&format!("\n## {}\n\n", l.reflection));
        for dim in &d.reflection.dimensions {
            out.push_str(&format!(
                "- **{}:** {}, {}\n",
                text(&dim.name),
                dim.line,
                dim.verdict
            ));
        }
        for c in &d.reflection.comments {
            out.push_str(&format!("- {}\n", text(c)));
        }
        if !d.reflection.dissent.is_empty() {
            out.push_str(&format!("\n### {}\n\n", l.dissent));
            for x in &d.reflection.dissent {
                out.push_str(&format!("- {}\n", text(x)));
            }
        }
    }
    if !d.credits.is_empty() {
        out.push_str(&format!("\n---\n{}\n", text(&d.credits)));
    }
    out
}
