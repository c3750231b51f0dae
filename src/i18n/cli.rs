//! The words of the command line's output.

use super::{Lang, texts};

texts! {
    /// A text of the command line.
    C;
    Valid => "OK: {} ist eine gültige Sitzung.", "OK: {} is a valid session.";
    Location => "Ort: {}", "Location: {}";
    People => "{} Teilnehmende aus {} Organisationen", "{} participants from {} organisations";
    Agenda => "Agenda: {} Punkte, {} min geplant", "Agenda: {} items, {} min planned";
    AgendaHeld => "Agenda: {} Punkte, {} min geplant, {} min gehalten, {} überzogen", "Agenda: {} items, {} min planned, {} min held, {} over time";
    Boards => "Pinnwände: {} mit {} Karten, {} Clustern, {} Punkten", "Boards: {} with {} cards, {} clusters, {} votes";
    Reflection => "Reflexion: {} Einträge zu {} Dimensionen", "Reflection: {} entries on {} dimensions";
    Counts => "Fotos: {}, Ergebnisse: {}, Aufgaben: {}", "Photos: {}, results: {}, action items: {}";
    NextMeeting => "Nächstes Treffen: {} in {}", "Next meeting: {} in {}";
    Warning => "Warnung: {}", "Warning: {}";
    PhotoLeftOut => "Warnung: nicht im Bericht: {}", "Warning: left out of the report: {}";
    PhotoShownAsPlaceholder => "Warnung: {} Die Sitzung lässt sich öffnen; das Foto erscheint als Platzhalter und fehlt im Bericht.", "Warning: {} The session opens; the photo shows as a placeholder and is left out of the report.";
    Reading => "Lese {}/{} …", "Reading {}/{} …";
    Consolidated => "{} Sitzungen konsolidiert in {}", "Consolidated {} sessions into {}";
    SourcesHeading => "Quellen:", "Sources:";
    ConflictsHeading => "{} Unterschiede zwischen den Quellen (nichts weggelassen; im Ergebnis steht, was dahinter steht):", "{} differences between the sources (nothing left out; the result holds what each line says):";
    Proposed => "{} ähnliche Titel werden zum Zusammenführen vorgeschlagen; entschieden wird in der App (Rückblick).", "{} similar titles are proposed for merging; decide in the app (Review).";
    Attached => "Angehängt: {}", "Attached: {}";
    AlreadyAttached => "Schon in der Sitzung: {}", "Already in the session: {}";
    NotAttached => "Nicht angehängt: {}", "Not attached: {}";
    Imported => "{} Karten auf die Pinnwand „{}“ gesetzt, {} davon in {} Clustern.", "Put {} cards on the board \"{}\", {} of them in {} clusters.";
    NothingImported => "Nichts importiert; die Sitzung ist unverändert.", "Nothing imported; the session is unchanged.";
    SuggestedByMeaning => "Vorschläge nach Bedeutung (Sprachmodell), {} Gruppen aus {} freien Karten:", "Suggestions by meaning (language model), {} groups from {} free cards:";
    SuggestedByWords => "Vorschläge nach gemeinsamen Wörtern (kein Sprachmodell in diesem Programm), {} Gruppen aus {} freien Karten:", "Suggestions by shared words (no language model in this build), {} groups from {} free cards:";
    SuggestedGroup => "Gruppe {}: {}", "Group {}: {}";
    Wrote => "{} geschrieben ({} KB)", "Wrote {} ({} KB)";
    BadLang => "--lang nimmt de oder en, nicht „{}“.", "--lang takes de or en, not \"{}\".";
    OutputFailed => "Die Ausgabe ließ sich nicht schreiben: {}", "Could not write the output: {}";
    WindowFailed => "Das Fenster ließ sich nicht öffnen: {}", "The window could not be opened: {}";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        super::super::assert_complete(C::ALL);
    }
}
