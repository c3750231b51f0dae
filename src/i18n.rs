//! The UI's words in German and English, from one table.
//!
//! Every text the UI shows is a [`T`] key; [`T::get`] gives it in a language. A test checks
//! that no entry is empty in either language.

use serde::{Deserialize, Serialize};

/// A UI language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    De,
    #[default]
    En,
}

impl Lang {
    /// German when the system's locale says so (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English.
    pub fn from_system() -> Self {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|var| std::env::var(var).ok())
            .find(|value| !value.is_empty());
        Self::from_locale(locale.as_deref().unwrap_or(""))
    }

    /// German for `de`, `de_DE.UTF-8`, `de-AT`, …; English otherwise.
    pub fn from_locale(locale: &str) -> Self {
        let lower = locale.to_ascii_lowercase();
        if lower == "de" || lower.starts_with("de_") || lower.starts_with("de-") {
            Lang::De
        } else {
            Lang::En
        }
    }

    /// The language's own name, for the language switch.
    pub fn name(self) -> &'static str {
        match self {
            Lang::De => "Deutsch",
            Lang::En => "English",
        }
    }
}

macro_rules! texts {
    ($($key:ident => $de:literal, $en:literal;)*) => {
        /// A text of the UI.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum T { $($key,)* }

        impl T {
            /// Every key, for tests.
            pub const ALL: &[T] = &[$(T::$key,)*];

            /// The text in a language.
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((T::$key, Lang::De) => $de, (T::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

texts! {
    AppName => "Moderato", "Moderato";
    // Navigation.
    Agenda => "Agenda", "Agenda";
    Board => "Pinnwand", "Board";
    Reflection => "Reflexion", "Reflection";
    Photos => "Fotos", "Photos";
    Results => "Ergebnisse & nächste Schritte", "Results & next steps";
    Review => "Rückblick", "Review";
    // File menu and top bar.
    File => "Datei", "File";
    NewSession => "Neue Sitzung", "New session";
    Open => "Öffnen …", "Open…";
    OpenPath => "Pfad eingeben …", "Type a path…";
    Save => "Speichern", "Save";
    SaveAs => "Speichern unter …", "Save as…";
    BrowseSessions => "Sitzungen durchsuchen", "Browse sessions";
    RecentSessions => "Zuletzt geöffnet", "Recent sessions";
    NoRecent => "Noch keine", "None yet";
    Quit => "Beenden", "Quit";
    Undo => "Rückgängig", "Undo";
    Redo => "Wiederholen", "Redo";
    View => "Ansicht", "View";
    Language => "Sprache", "Language";
    Theme => "Farbschema", "Theme";
    ThemeLight => "Hell", "Light";
    ThemeDark => "Dunkel", "Dark";
    ThemeProjector => "Beamer (hoher Kontrast, große Schrift)", "Projector (high contrast, large text)";
    Untitled => "Unbenannte Sitzung", "Untitled session";
    NotSavedYet => "noch nicht gespeichert", "not saved yet";
    UnsavedChanges => "ungespeicherte Änderungen", "unsaved changes";
    SavedJustNow => "gerade gespeichert", "saved just now";
    SavedSecondsAgo => "vor {} s gespeichert", "saved {} s ago";
    SavedMinutesAgo => "vor {} min gespeichert", "saved {} min ago";
    SavedAt => "gespeichert um {}", "saved at {}";
    Saved => "Gespeichert", "Saved";
    // Dialogs.
    Cancel => "Abbrechen", "Cancel";
    Ok => "OK", "OK";
    Close => "Schließen", "Close";
    Path => "Pfad", "Path";
    OpenSessionTitle => "Sitzung öffnen", "Open session";
    SaveSessionTitle => "Sitzung speichern", "Save session";
    PathHelpOpen => "Ordner einer Sitzung oder ihre session.ron:", "A session folder or its session.ron:";
    PathHelpSave => "Ordner, in den die Sitzung gespeichert wird (wird angelegt):", "Folder to save the session in (created if needed):";
    NoFileDialog => "Auf diesem System steht kein Dateidialog zur Verfügung. Bitte den Pfad eintippen.", "No file dialog is available on this system. Please type the path.";
    ErrorTitle => "Das hat nicht geklappt", "That did not work";
    NothingChanged => "Gespeicherte Daten wurden nicht verändert.", "Nothing that was saved has been changed.";
    RecoverTitle => "Ungespeicherte Änderungen gefunden", "Unsaved changes found";
    RecoverText => "Moderato wurde beendet, bevor diese Änderungen gespeichert waren. Sie wurden automatisch gesichert um:", "Moderato stopped before these changes were saved. They were autosaved at:";
    Recover => "Wiederherstellen", "Recover";
    Discard => "Verwerfen", "Discard";
    LockTitle => "Sitzung ist schon geöffnet", "Session is already open";
    OpenAnyway => "Trotzdem öffnen", "Open anyway";
    SessionsIn => "Sitzungen in", "Sessions in";
    Refresh => "Aktualisieren", "Refresh";
    DoubleClickToOpen => "Doppelklick öffnet eine Sitzung.", "Double-click a session to open it.";
    NoSessionsFound => "Hier liegen keine Sitzungen.", "There are no sessions here.";
    Title => "Titel", "Title";
    Dates => "Termine", "Dates";
    Folder => "Ordner", "Folder";
    Contents => "Inhalt", "Contents";
    CountsLine => "{} Karten · {} Aufgaben · {} Fotos", "{} cards · {} action items · {} photos";
    Unreadable => "nicht lesbar", "unreadable";
    // Results & next steps.
    ResultsDecisions => "Ergebnisse und Beschlüsse", "Results and decisions";
    AddResult => "Ergebnis hinzufügen", "Add result";
    Result => "Ergebnis", "Result";
    ActionItems => "Nächste Aufgaben", "Action items";
    AddActionItem => "Aufgabe hinzufügen", "Add action item";
    Task => "Aufgabe", "Task";
    Owner => "Zuständig", "Owner";
    Due => "Fällig", "Due";
    Status => "Status", "Status";
    Remove => "Entfernen", "Remove";
    DueOpen => "offen", "open";
    DueOnDate => "am Datum", "on a date";
    DueNextMeeting => "bis zum nächsten Treffen", "by the next meeting";
    DueDate => "Datum (JJJJ-MM-TT)", "Date (YYYY-MM-DD)";
    StatusOpen => "offen", "open";
    StatusInProgress => "in Arbeit", "in progress";
    StatusDone => "erledigt", "done";
    StatusDropped => "verworfen", "dropped";
    NextMeeting => "Nächstes Treffen", "Next meeting";
    NextMeetingPlanned => "Ein nächstes Treffen ist geplant", "A next meeting is planned";
    Place => "Ort", "Place";
    AddDate => "Datum hinzufügen", "Add date";
    Note => "Notiz", "Note";
    Notes => "Notizen (z. B. Kommunikationswege)", "Notes (e.g. communication channels)";
    Credits => "Mitwirkende", "Credits";
    CreditsText => "Text", "Text";
    CreditsPhotos => "Fotografie", "Photography";
    CommaSeparated => "durch Kommas getrennt", "separated by commas";
    InvalidDate => "Kein gültiges Datum: bitte JJJJ-MM-TT", "Not a valid date: please use YYYY-MM-DD";
    Nothing => "Noch nichts eingetragen.", "Nothing entered yet.";
    // Read-only overviews.

    Minutes => "min", "min";
    PlannedTotal => "Geplant insgesamt", "Planned in total";
    Day => "Tag", "Day";
    Cards => "Karten", "Cards";
    Clusters => "Cluster", "Clusters";
    Votes => "Punkte", "Votes";
    Axes => "Achsen", "Axes";
    Dissent => "Abweichende Stimmen", "Dissent";
    Summary => "Zusammenfassung", "Summary";
    Entries => "Einträge", "Entries";
    Anonymous => "anonym", "anonymous";
    Caption => "Bildunterschrift", "Caption";
    Photographer => "Fotografie", "Photographer";
    MissingPhoto => "Datei fehlt", "file missing";
    Participants => "Teilnehmende", "Participants";
    Organisations => "Organisationen", "Organisations";
    Location => "Ort", "Location";
    Moderators => "Moderation", "Moderators";
    Organiser => "Veranstalter", "Organiser";
    Series => "Reihe / Projekt", "Series / project";
    SessionDetails => "Sitzung", "Session";
    NoBoards => "Diese Sitzung hat noch keine Pinnwand.", "This session has no board yet.";
    NoPhotos => "Diese Sitzung hat noch keine Fotos.", "This session has no photos yet.";
    NoAgenda => "Diese Sitzung hat noch keine Agenda.", "This session has no agenda yet.";
    // Errors; `{}` are filled in order.
    ErrCouldNot => "Konnte {} nicht {}: {}", "Could not {} {}: {}";
    ErrNotASession => "{} ist keine Moderato-Sitzung: Es gibt dort keine session.ron.", "{} is not a Moderato session: it has no session.ron.";
    ErrMissing => "Unter {} gibt es weder Ordner noch Datei.", "There is nothing at {}: no such folder or file.";
    ErrSyntax => "{}, Zeile {}, Spalte {}: {}", "{}, line {}, column {}: {}";
    ErrTooNew => "{} stammt aus einer neueren Moderato-Version (Dateiformat {}; diese Version liest bis {}). Bitte Moderato aktualisieren. Die Datei wurde nicht verändert.", "{} was written by a newer version of Moderato (file format {}; this version reads up to {}). Please update Moderato to open it. The file was not changed.";
    ErrInvalid => "{} lässt sich nicht sicher öffnen:", "{} cannot be opened safely:";
    ErrNewSessionNeedsFolder => "Die neue Sitzung hat noch keinen Ordner.", "The new session has no folder yet.";
    ErrLockHeld => "Diese Sitzung ist in einem anderen Moderato-Fenster geöffnet (Prozess {}). Wer hier speichert, kann die dortigen Änderungen überschreiben.", "This session is open in another Moderato window (process {}). Saving here could overwrite the changes made there.";
    ReviewAgenda => "{} Punkte, {} min geplant", "{} items, {} min planned";
    ReviewBoards => "{} Pinnwände mit {} Karten, {} Clustern, {} Punkten", "{} boards with {} cards, {} clusters, {} votes";
    BoardCounts => "{} Karten · {} Cluster · {} Punkte", "{} cards · {} clusters · {} votes";
    ReviewReflection => "{} Einträge zu {} Dimensionen", "{} entries on {} dimensions";
    ReviewNextMeeting => "{} in {}", "{} in {}";
    NoNextMeeting => "noch nicht vereinbart", "not agreed yet";
    SessionDetails2 => "Angaben zur Sitzung", "Session details";
    AtAGlance => "Auf einen Blick", "At a glance";
    ContentLanguage => "Sprache der Inhalte", "Content language";
    AddParticipant => "Teilnehmende hinzufügen", "Add participant";
    Name => "Name", "Name";
    Organisation => "Organisation", "Organisation";
    Role => "Rolle", "Role";
    Source => "Herkunft", "From";
    NoSource => "–", "–";
    // Agenda and live timer.
    Now => "Jetzt", "Now";
    NextUp => "Als Nächstes", "Next up";
    NoItemRunning => "Gerade läuft kein Punkt.", "No item is running.";
    PressSpaceToStart => "Leertaste startet den nächsten Punkt.", "Space starts the next item.";
    Running => "läuft", "running";
    Paused => "pausiert", "paused";
    Skipped => "ausgelassen", "skipped";
    TimesUp => "Zeit ist um", "Time's up";
    AlmostOver => "gleich vorbei", "almost over";
    TimeRunningOut => "Zeit wird knapp", "time is running out";
    MinutesBehind => "{} min im Verzug", "{} min behind";
    MinutesAhead => "{} min Vorsprung", "{} min ahead";
    OnTime => "im Zeitplan", "on time";
    ProjectedEnd => "Voraussichtliches Ende {} (geplant {})", "Projected end {} (planned {})";
    DayRunsShort => "Der Tag endet um {}: Die Zeit reicht nicht mehr für alle Punkte.", "The day ends at {}: there is no longer time for every item.";
    Start => "Start", "Start";
    Pause => "Pause", "Pause";
    Resume => "Weiter", "Resume";
    Next => "Nächster Punkt", "Next";
    Back => "Zurück", "Back";
    SkipNext => "Nächsten auslassen", "Skip next";
    PlusOne => "+1 min", "+1 min";
    PlusFive => "+5 min", "+5 min";
    MinusOne => "−1 min", "−1 min";
    ExtendBy => "Verlängern um", "Extend by";
    Extend => "Verlängern", "Extend";
    WholeMinutes => "Ganze Minuten, z. B. 45", "Whole minutes, e.g. 45";
    WholeSeconds => "Ganze Sekunden, z. B. 60", "Whole seconds, e.g. 60";
    ProjectorView => "Beamer-Ansicht", "Projector view";
    CloseProjector => "Beamer-Ansicht schließen", "Close projector view";
    Fullscreen => "Vollbild", "Fullscreen";
    LeaveFullscreen => "Vollbild verlassen", "Leave fullscreen";
    Shortcuts => "Tastenkürzel", "Shortcuts";
    SpeakingRound => "Blitzlicht (Redezeit-Runde)", "Speaking round (Blitzlicht)";
    SecondsPerSpeaker => "Sekunden pro Person", "Seconds per speaker";
    TakeParticipants => "Teilnehmende übernehmen", "Use the participants";
    SpeakersOnePerLine => "Reihenfolge, eine Person pro Zeile:", "Order, one speaker per line:";
    StartRound => "Runde starten", "Start the round";
    NextSpeaker => "Nächste Person", "Next speaker";
    StopRound => "Runde beenden", "End the round";
    TurnOver => "Redezeit vorbei", "Time is up";
    AddDay => "Tag hinzufügen", "Add day";
    RemoveDay => "Tag entfernen", "Remove day";
    Date => "Datum", "Date";
    StartTime => "Beginn", "Start time";
    EndTime => "Ende", "End time";
    InvalidTime => "Uhrzeit als HH:MM, z. B. 09:30", "Time as HH:MM, e.g. 09:30";
    PlannedOfAvailable => "{} geplant von {}", "{} planned of {}";
    PlannedOnly => "{} geplant", "{} planned";
    Overbooked => "Es ist mehr geplant, als der Tag Zeit hat.", "More is planned than the day has time for.";
    Time => "Zeit", "Time";
    Method => "Methode", "Method";
    Responsible => "Verantwortlich", "Responsible";
    NotesShort => "Notizen", "Notes";
    DragToReorder => "Ziehen zum Verschieben (oder Alt+↑/↓ im Titel)", "Drag to reorder (or Alt+↑/↓ in the title)";
    MoveUp => "Nach oben", "Move up";
    MoveDown => "Nach unten", "Move down";
    StartThisItem => "Diesen Punkt jetzt starten", "Start this item now";
    AddItem => "Punkt hinzufügen", "Add item";
    AddBreak => "Pause hinzufügen", "Add break";
    HelpTitle => "Tastenkürzel", "Keyboard shortcuts";
    HelpLines => "Leertaste\tStart / Pause / Weiter\nN\tNächster Punkt\n+ / −\tEine Minute mehr / weniger (auf der Pinnwand: zoomen)\n0\tPinnwand: alles zeigen\nEntf, Strg+D, Strg+G\tKarten löschen, duplizieren, gruppieren\nP\tBeamer-Ansicht\nF11\tVollbild (in der Beamer-Ansicht)\nEnter\tNächste Person im Blitzlicht\nAlt+↑ / Alt+↓\tPunkt verschieben (im Titel)\nStrg+Z\tRückgängig\nStrg+Umschalt+Z, Strg+Y\tWiederholen\nStrg+S\tSpeichern\nStrg+O\tÖffnen\nStrg+N\tNeue Sitzung\nF1 oder ?\tDiese Übersicht", "Space\tStart / pause / resume\nN\tNext item\n+ / −\tOne minute more / less (on the board: zoom)\n0\tBoard: fit all\nDel, Ctrl+D, Ctrl+G\tDelete, duplicate, group cards\nP\tProjector view\nF11\tFullscreen (in the projector view)\nEnter\tNext speaker in the speaking round\nAlt+↑ / Alt+↓\tMove an item (in its title)\nCtrl+Z\tUndo\nCtrl+Shift+Z, Ctrl+Y\tRedo\nCtrl+S\tSave\nCtrl+O\tOpen\nCtrl+N\tNew session\nF1 or ?\tThis overview";
    // Board.
    NewBoard => "Neue Pinnwand", "New board";
    BoardNumber => "Pinnwand {}", "Board {}";
    NewCard => "Neue Karte", "New card";
    TypeAndEnter => "tippen, Enter, nächste Karte …", "type, Enter, next card…";
    Author => "Von", "By";
    ShapeCard => "Karte", "Card";
    ShapeHeading => "Überschrift", "Heading";
    ColourWhite => "Weiß", "White";
    ColourYellow => "Gelb", "Yellow";
    ColourOrange => "Orange", "Orange";
    ColourPink => "Rosa", "Pink";
    ColourGreen => "Grün", "Green";
    ColourBlue => "Blau", "Blue";
    FitAll => "Alles zeigen", "Fit all";
    Group => "Gruppieren", "Group";
    Duplicate => "Duplizieren", "Duplicate";
    Delete => "Löschen", "Delete";
    DotVoting => "Punkte kleben", "Dot voting";
    DotVotingHelp => "Klick auf eine Karte oder Cluster-Überschrift klebt einen Punkt, Rechtsklick nimmt ihn ab.", "Click a card or cluster heading to add a dot, right-click to take one off.";
    DotsLeft => "{} Punkte übrig", "{} dots left";
    NoDotLimit => "Punkte unbegrenzt", "no dot limit";
    ShowBy => "Hervorheben", "Highlight";
    Everyone => "alle", "everyone";
    ClusterNumber => "Cluster {}", "Cluster {}";
    Cluster => "Cluster", "Cluster";
    Collapse => "Auf Überschrift einklappen", "Collapse to its heading";
    ClusterSize => "{} Karten, {} Punkte auf dem Cluster", "{} cards, {} dots on the cluster";
    Dissolve => "Auflösen", "Dissolve";
    Suggestions => "Cluster-Vorschläge", "Cluster suggestions";
    ByPosition => "Nach Lage", "By position";
    ByText => "Nach Inhalt", "By content";
    NoSuggestions => "Vorschläge betreffen nur Karten ohne Cluster.", "Suggestions only use cards without a cluster.";
    Accept => "Übernehmen", "Accept";
    Reject => "Verwerfen", "Reject";
    Ranking => "Rangfolge nach Punkten", "Ranking by dots";
    NoVotesYet => "Noch keine Punkte.", "No dots yet.";
    BoardSettings => "Pinnwand-Einstellungen", "Board settings";
    Question => "Frage", "Question";
    AgendaItem => "Agendapunkt", "Agenda item";
    WithAxes => "Achsen (Verortung)", "Axes (positioning)";
    AxisClosed => "geschlossen", "closed";
    AxisOpen => "offen", "open";
    AxisLow => "wenig", "low";
    AxisHigh => "viel", "high";
    AxisLeft => "links", "left";
    AxisRight => "rechts", "right";
    AxisBottom => "unten", "bottom";
    AxisTop => "oben", "top";
    QuadrantLabels => "Quadranten beschriften", "Quadrant labels";
    QuadrantOrder => "oben links, oben rechts, unten links, unten rechts", "top left, top right, bottom left, bottom right";
    DotsPerPerson => "Punkte pro Person", "Dots per person";
    WholeNumber => "Eine ganze Zahl, 0 = unbegrenzt", "A whole number, 0 = no limit";
    DotBudget => "für {} Teilnehmende", "for {} participants";
    SelectedCard => "Ausgewählte Karte", "Selected card";
    CardText => "Text", "Text";
    DoubleClickToEdit => "Doppelklick auf eine Karte bearbeitet sie direkt.", "Double-click a card to edit it in place.";
    // Review and consolidation.
    CompareWith => "Vergleichen mit …", "Compare with…";
    CloseComparison => "Vergleich schließen", "Close comparison";
    CompareTitle => "Sitzung zum Vergleich", "Session to compare with";
    Comparison => "Vergleich", "Comparison";
    Consolidation => "Konsolidierung", "Consolidation";
    Sources => "Quellen", "Sources";
    MergeProposals => "Zusammenführen? {} Vorschläge mit ähnlichen Titeln", "Merge? {} proposals with similar titles";
    FromAnotherSource => "(aus einer Quelle)", "(from a source)";
    Merge => "Zusammenführen", "Merge";
    KeepApart => "Getrennt lassen", "Keep apart";
    ApplyDecisions => "Entscheidungen anwenden", "Apply decisions";
    ApplyDecisionsHelp => "Liest die Quellen neu und führt nach den Entscheidungen zusammen; die Quellen bleiben unverändert.", "Reads the sources again and merges as decided; the sources stay untouched.";
    PlannedAndHeld => "Agenda: geplant und gehalten", "Agenda: planned and held";
    NothingHeldYet => "Noch kein Punkt gehalten.", "No item held yet.";
    Planned => "geplant", "planned";
    Held => "gehalten", "held";
    HeldTotal => "{} min gehalten, {} min geplant, {} Punkte überzogen", "{} min held, {} min planned, {} items over time";
    Mean => "Mittelwert", "Mean";
    ReadOnly => "Nur lesen", "Read-only";
    ReadOnlyHelp => "Diese Sitzung ist schreibgeschützt geöffnet. Zum Bearbeiten umschalten.", "This session is open read-only. Switch to edit.";
    ConsolidateSelected => "Ausgewählte konsolidieren", "Consolidate selected";
    ConsolidateTitle => "Konsolidierung speichern", "Save the consolidation";
    PathHelpConsolidate => "Ordner für das Ergebnis (ein bestehendes Ergebnis wird aktualisiert, seine Entscheidungen bleiben):", "Folder for the result (an existing result is updated; its decisions are kept):";
    Consolidating => "Konsolidiere …", "Consolidating…";
    Consolidated => "Konsolidiert", "Consolidated";
    NotAConsolidation => "{} enthält schon eine Sitzung, die keine Konsolidierung ist. Bitte einen anderen Ordner wählen.", "{} already holds a session that is not a consolidation. Please choose another folder.";
        OpenShort => "Öffnen", "Open";
        // Reflection.
    Dimensions => "Dimensionen", "Dimensions";
    AddDimension => "Dimension", "Dimension";
    ScaleFrom => "Skala von", "Scale from";
    ScaleTo => "bis", "to";
    BestIsHigh => "beste Bewertung", "best rating";
    BestIsHighHint => "der höchste Wert, in der Zielscheibe innen", "the highest value, at the centre of the target";
    WholeNumberPlain => "Eine ganze Zahl", "A whole number";
    AnonymousMode => "Anonym (Namen ausblenden)", "Anonymous (hide names)";
    AnonymousHelp => "Blendet Namen auf dem Bildschirm und in Exporten aus.", "Hides names on screen and in exports.";
    Who => "Wer", "Who";
    Comment => "Kommentar", "Comment";
    RatingInScale => "Ein Wert innerhalb der Skala (leer = keine Bewertung)", "A value within the scale (empty = no rating)";
    RateOnTarget => "Mit Klicks in die Zielscheibe bewerten", "Rate by clicking on the target";
    AddEntry => "Eintrag", "Entry";
    AddEntryHelp => "Oder Enter im Kommentar der letzten Zeile", "Or Enter in the last row's comment";
    Target => "Zielscheibe", "Target";
    TargetHelp => "Klick in einen Sektor bewertet den markierten Eintrag: innen = gut.", "Click in a sector to rate the marked entry: centre = good.";
    TargetSelectFirst => "Erst einen Eintrag markieren (◎), dann in die Zielscheibe klicken.", "Mark an entry (◎) first, then click on the target.";
    MeanShare => "Mittel {}, {} % positiv (n = {})", "mean {}, {} % positive (n = {})";
    VerdictNone => "noch keine Bewertungen", "no ratings yet";
    VerdictPositive => "überwiegend positiv", "mostly positive";
    VerdictNegative => "überwiegend negativ", "mostly negative";
    VerdictSplit => "geteilt", "split";
    VerdictMixed => "gemischt", "mixed";
    Statement => "Aussage", "Statement";
    Response => "Erwiderung", "Response";
    AddDissent => "Abweichende Stimme", "Dissent";
    ModeratorsSummary => "Zusammenfassung der Moderation", "The moderators' summary";
        // Photos.
    AttachPhotos => "Fotos anhängen …", "Attach photos…";
    DropPhotosHere => "oder Fotos auf das Fenster ziehen", "or drop photos on the window";
    Attaching => "Fotos werden geprüft und kopiert …", "Checking and copying photos…";
    SaveBeforePhotos => "Bitte die Sitzung zuerst speichern: Fotos liegen im Ordner der Sitzung.", "Please save the session first: photos live in the session's folder.";
    PathHelpPhoto => "Pfad eines Fotos (JPEG oder PNG):", "Path of a photo (JPEG or PNG):";
    NotAttached => "Diese Dateien wurden nicht angehängt:", "These files were not attached:";
    TakenAt => "Aufgenommen", "Taken";
    BelongsTo => "Gehört zu", "Belongs to";
    ShowLarge => "Groß anzeigen", "Show large";
    RemoveFromSession => "Aus der Sitzung nehmen", "Remove from the session";
    RemoveFromSessionHelp => "Die Datei bleibt im Ordner photos/.", "The file stays in the photos/ folder.";
    Previous => "Vorheriges", "Previous";
    NextPhoto => "Nächstes", "Next";
    Loading => "Wird geladen …", "Loading…";
        // Export.
    ExportPdf => "PDF-Bericht …", "PDF report…";
    ExportMarkdown => "Markdown …", "Markdown…";
    ExportCsv => "CSV-Tabellen …", "CSV tables…";
    Export => "Exportieren", "Export";
    ExportTitle => "Exportieren", "Export";
    PathHelpExport => "Datei (bei CSV: Ordner), in die exportiert wird:", "File (for CSV: folder) to export to:";
    Exporting => "Exportiere …", "Exporting…";
    Exported => "Export geschrieben", "Export written";
    OpenIt => "Öffnen", "Open";
    OpenFolder => "Ordner öffnen", "Open folder";
    MethodInput => "Input", "Input";
    MethodDiscussion => "Diskussion", "Discussion";
    MethodGroupWork => "Gruppenarbeit", "Group work";
    MethodPositioning => "Verortung", "Positioning";
    MethodClustering => "Clustern", "Clustering";
    MethodVoting => "Punktabfrage", "Dot voting";
    MethodReflection => "Reflexion", "Reflection";
    MethodBreak => "Pause", "Break";
    MethodOther => "Sonstiges", "Other";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        for key in T::ALL {
            for lang in [Lang::De, Lang::En] {
                assert!(
                    !key.get(lang).trim().is_empty(),
                    "{key:?} is empty in {lang:?}"
                );
            }
            // Placeholders must match so a translation never drops a number.
            assert_eq!(
                key.get(Lang::De).matches("{}").count(),
                key.get(Lang::En).matches("{}").count(),
                "{key:?} placeholders differ"
            );
        }
    }

    #[test]
    fn system_locale_picks_german_only_for_german() {
        assert_eq!(Lang::from_locale("de_DE.UTF-8"), Lang::De);
        assert_eq!(Lang::from_locale("de-AT"), Lang::De);
        assert_eq!(Lang::from_locale("de"), Lang::De);
        assert_eq!(Lang::from_locale("en_GB.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("dexx"), Lang::En);
        assert_eq!(Lang::from_locale(""), Lang::En);
    }
}
