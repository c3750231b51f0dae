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
    BadAllow => "„{}“ ist keine Wahl für --allow: cards, dots, ratings oder nothing.", "\"{}\" is not a choice for --allow: cards, dots, ratings or nothing.";
    ServeNoAddress => "Dieser Computer hat keine Netzwerkadresse; mit --address 127.0.0.1 geht es nur auf ihm selbst.", "This computer has no network address; with --address 127.0.0.1 it works on itself only.";
    ServeOpen => "Offen für Telefone: QR-Code scannen oder {} öffnen. Unverschlüsselt (HTTP) im lokalen Netz.", "Open to phones: scan the QR code or open {}. Unencrypted (HTTP) on the local network.";
    ServeAllows => "Telefone dürfen jetzt: {}", "Phones may now: {}";
    ServeCommands => "Befehle: cards [PINNWAND], dots [PINNWAND], ratings, nothing, rotate, phones, quit (oder Strg+C).", "Commands: cards [BOARD], dots [BOARD], ratings, nothing, rotate, phones, quit (or Ctrl+C).";
    ServeUnknown => "Unbekannter Befehl „{}“.", "Unknown command \"{}\".";
    ServeCard => "Karte von Telefon {}: {}", "Card from phone {}: {}";
    ServeDot => "Punkt von Telefon {}", "Dot from phone {}";
    ServeDotBack => "Punkt zurückgenommen von Telefon {}", "Dot taken back by phone {}";
    ServeRating => "Bewertung von Telefon {}", "Rating from phone {}";
    ServeRotated => "Neuer Code; bisherige Telefone sind draußen: {}", "New code; phones so far are out: {}";
    ServeConnected => "Telefone verbunden: {}", "Phones connected: {}";
    ServeClosed => "Geschlossen; {} Beiträge gespeichert.", "Closed; {} contributions saved.";
    CardsFound => "{} Karten gefunden:", "{} cards found:";
    NoCardsFound => "In {} ließ sich keine Pinnwand auswerten: {}", "No board could be read in {}: {}";
    BoardTitleMissing => "Bitte mit --board einen Titel für die Pinnwand angeben.", "Please give the board a title with --board.";
    ColumnTitle => "Spalte {}", "Column {}";
    PhotoImported => "{} Karten auf die Pinnwand „{}“ gesetzt, {} Spalten als Cluster; das Foto hängt an der Pinnwand. Die Texte sind noch abzuschreiben.", "Put {} cards on the board \"{}\", {} columns as clusters; the photo is attached to the board. The texts are still to be typed.";
    NothingImported => "Nichts importiert; die Sitzung ist unverändert.", "Nothing imported; the session is unchanged.";
    SuggestedByMeaning => "Vorschläge nach Bedeutung (Sprachmodell), {} Gruppen aus {} freien Karten:", "Suggestions by meaning (language model), {} groups from {} free cards:";
    SuggestedByWordsMany => "Vorschläge nach gemeinsamen Wörtern (für mehr als {} Karten bräuchte das Sprachmodell länger als zehn Sekunden), {} Gruppen aus {} freien Karten:", "Suggestions by shared words (for more than {} cards the language model would take longer than ten seconds), {} groups from {} free cards:";
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
