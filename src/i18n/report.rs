//! The words of the reports (PDF and Markdown) that the screens do not use. Words both use
//! (methods, statuses, verdicts) come from the app's table.

use super::{Lang, texts};

texts! {
    /// A text of the reports.
    R;
    Documentation => "Dokumentation", "Documentation";
    ConsolidatedDocumentation => "Konsolidierte Dokumentation", "Consolidated documentation";
    ConsolidatedOf => "Konsolidierte Dokumentation aus {} Workshops", "Consolidated documentation of {} workshops";
    Introduction => "Einleitung", "Introduction";
    Contents => "Inhalt", "Contents";
    Imprint => "Impressum", "Imprint";
    Publisher => "Herausgeber", "Publisher";
    TextBy => "Text", "Text";
    PhotosBy => "Fotos", "Photos";
    ReportDate => "Erstellt am", "Report made on";
    PeopleFromOrganisations => "{} Personen aus {} Organisationen: {}", "{} people from {} organisations: {}";
    PeopleFromOneOrganisation => "{} Personen aus einer Organisation: {}", "{} people from one organisation: {}";
    OnePersonFrom => "1 Person aus {}", "1 person from {}";
    People => "{} Personen", "{} people";
    OnePerson => "1 Person", "1 person";
    NPerOrganisation => "n ist die Zahl der Bewertungen; bewertet haben die Organisationen, nicht einzelne Personen.", "n is the number of ratings; the organisations rated, not individual people.";
    NPerPerson => "n ist die Zahl der Bewertungen; jede Person bewertete für sich.", "n is the number of ratings; each person rated on their own.";
    NRatings => "n ist die Zahl der Bewertungen.", "n is the number of ratings.";
    ContentInGerman => "Inhalte in deutscher Sprache", "Contents in German";
    ContentInEnglish => "Inhalte in englischer Sprache", "Contents in English";
    SourceDayHeading => "{} · Tag {} – {}", "{} · Day {} – {}";
    AllDueNextMeeting => "Alle Aufgaben sind bis zum nächsten Treffen fällig.", "All tasks are due by the next meeting.";
    AllDueOn => "Alle Aufgaben sind bis {} fällig.", "All tasks are due by {}.";
    AllDueOpen => "Für die Aufgaben ist kein Termin gesetzt.", "No task has a due date yet.";
    AllPositive => "durchweg positiv", "positive throughout";
    ScaleLine => "Skala von {} bis {}.", "Scale from {} to {}.";
    PositiveMeans => "„Positiv“ ist der Anteil der Bewertungen über der Mitte der Skala ({}).", "“Positive” is the share of ratings above the middle of the scale ({}).";
    CsvBoard => "Pinnwand", "Board";
    CsvCard => "Karte", "Card";
    CsvAuthor => "Von", "By";
    CsvColour => "Farbe", "Colour";
    CsvAlong => "Position waagerecht (%)", "Position across (%)";
    CsvUp => "Position senkrecht (%)", "Position up (%)";
    CsvCluster => "Cluster", "Cluster";
    CsvDots => "Punkte", "Dots";
    CsvWho => "Wer", "Who";
    CsvDueDate => "Fällig am", "Due on";
    CsvStatusBySource => "Status je Quelle", "Status by source";
    CsvSource => "Quelle", "Source";
    CsvKind => "Art", "Kind";
    CsvPlainCard => "Karte", "Card";
    CsvHeadingCard => "Überschrift", "Heading card";
    CsvClusterRow => "Cluster", "Cluster";
    CsvComment => "Kommentar", "Comment";
    DotsLegend => "Rote Zahl: Klebepunkte der Punktabfrage.", "Red number: dots given in the dot vote.";
    Dates => "Termine", "Dates";
    Place => "Ort", "Place";
    Organiser => "Veranstalter", "Organiser";
    Moderators => "Moderation", "Moderators";
    Participants => "Teilnehmende", "Participants";
    Page => "Seite", "Page";
    Of => "von", "of";
    Sources => "Quellen", "Sources";
    Agenda => "Ablauf: geplant und gehalten", "Agenda: planned and held";
    Time => "Zeit", "Time";
    Item => "Punkt", "Item";
    Method => "Methode", "Method";
    Planned => "geplant", "planned";
    Held => "gehalten", "held";
    Outcome => "Ergebnis", "Outcome";
    DayHeading => "Tag {} – {}", "Day {} – {}";
    PlannedMinutes => "Geplant {} min", "Planned {} min";
    PlannedAndHeldMinutes => "Geplant {} min, gehalten {} min", "Planned {} min, held {} min";
    Minutes => "{} min", "{} min";
    UnlabelledFromAll => "Was ohne Kürzel steht, kam aus allen Workshops.", "What carries no label came from every workshop.";
    RoundLine => "Blitzlicht mit {} Personen, zusammen {} min {} s", "Speaking round of {} people, {} min {} s in all";
    RoundOverran => "; {} Beiträge länger als vorgesehen", "; {} turns longer than planned";
    RoundOverranOne => "; 1 Beitrag länger als vorgesehen", "; 1 turn longer than planned";
    HeldTime => "Zeit (gehalten)", "Time (held)";
    PlannedTime => "Zeit (geplant)", "Time (planned)";
    Boards => "Pinnwände", "Boards";
    OtherCards => "Weitere Karten", "Other cards";
    CardsOfBoard => "Die Karten der Pinnwand „{}“", "The cards of the board “{}”";
    ListCut => "Der Bericht führt {} der {} Karten dieser Pinnwand auf, mehr fasst er nicht; alle Karten stehen in den CSV-Tabellen (Export „CSV-Tabellen …“).", "The report lists {} of this board's {} cards, as many as it holds; every card is in the CSV tables (export “CSV tables…”).";
    CardPictureOnly => "Karte ohne abgeschriebenen Text (auf der Pinnwand als Foto)", "Card not yet typed (shown as its photo on the board)";
    CardsPictureOnly => "{} Karten ohne abgeschriebenen Text (auf der Pinnwand als Foto)", "{} cards not yet typed (shown as their photos on the board)";
    CardPictureAlt => "Foto einer Karte", "Photo of a card";
    BoardNotDrawn => "Diese Pinnwand hat {} Karten, zu viele für ein lesbares Bild; sie sind unten aufgeführt.", "This board has {} cards, too many for a legible picture; they are listed below.";
    ResultsAndNextSteps => "Ergebnisse und nächste Schritte", "Results and next steps";
    ResultsAndDecisions => "Ergebnisse und Beschlüsse", "Results and decisions";
    NextTasks => "Nächste Aufgaben", "Next tasks";
    Task => "Aufgabe", "Task";
    Owner => "Zuständig", "Owner";
    Due => "Fällig", "Due";
    Status => "Status", "Status";
    NextMeeting => "Nächstes Treffen", "Next meeting";
    Notes => "Notizen", "Notes";
    Reflection => "Bilanz des Workshops", "The workshop in review";
    Comments => "Stimmen", "Comments";
    Dissent => "Abweichende Stimmen", "Dissent";
    Summary => "Zusammenfassung", "Summary";
    Photos => "Fotos", "Photos";
    PhotosLeftOut => "Nicht aufgenommene Fotos", "Photos left out";
    MeanLine => "Mittel {} · {} positiv · n = {}", "Mean {} · {} positive · n = {}";
    Conflicts => "Unterschiede zwischen den Quellen", "Where the sources differ";
    ConflictsIntro => "Diese Quellen teilen Elemente (eine Kopie, eine Vorlage), sagen aber nicht dasselbe darüber. Nichts davon ist weggelassen; hier steht, was jede Quelle sagt und was im Ergebnis steht.", "These sources share elements (a copy, a template) but do not say the same about them. Nothing was left out; this is what each source says and what the result holds.";
    PooledLine => "Zusammen ({}): {}", "Together ({}): {}";
    PhotoAbout => "Foto zu „{}“", "Photo of “{}”";
    PhotoUndescribed => "Foto ohne Beschreibung", "Photo without a description";
    BoardAlt => "Bild der Pinnwand „{}“ mit {} Karten: {}", "Picture of the board “{}” with {} cards: {}";
    BoardAltMore => " und {} weitere (alle in der Liste)", " and {} more (all in the list)";
    BoardAltNumbered => "Bild der Pinnwand „{}“ mit {} nummerierten Karten; ihre Texte stehen in der Liste darunter.", "Picture of the board “{}” with {} numbered cards; their texts are in the list below.";
    PhotoBy => "Foto:\u{a0}{}", "Photo:\u{a0}{}";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        super::super::assert_complete(R::ALL);
    }
}
