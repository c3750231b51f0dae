//! The words of messages about errors and problems. `{}` are filled in order by
//! [`super::describe`].

use super::{Lang, texts};

texts! {
    /// A text of a message about an error or a problem.
    M;
    ExportInsideSession => "{} liegt in einem Sitzungsordner. Berichte und Tabellen werden nie dorthin geschrieben (sie könnten die Sitzung oder ihre Fotos ersetzen); wählen Sie einen Ort außerhalb.", "{} lies in a session folder. Reports and tables are never written there (they could replace the session or its photos); choose a place outside it.";
    ExportNotAFile => "{} ist keine gewöhnliche Datei (ein Ordner, ein Gerät, eine Verknüpfung); der Export ersetzt nur gewöhnliche Dateien. Wählen Sie einen anderen Namen.", "{} is not a plain file (a folder, a device, a link); an export replaces plain files only. Choose another name.";
    NotAFile => "{} ist keine gewöhnliche Datei (vielleicht eine Pipe oder ein Gerät); Moderato liest und schreibt nur gewöhnliche Dateien.", "{} is not a plain file (perhaps a pipe or a device); Moderato reads and writes plain files only.";
    WriteProtected => "{} ist schreibgeschützt. Moderato ersetzt die Datei nicht; nichts wurde gespeichert. Heben Sie den Schutz auf oder speichern Sie unter einem anderen Namen.", "{} is write-protected. Moderato does not replace it; nothing was saved. Lift the protection or save under another name.";
    NotSessionFile => "{} ist nicht die Datei session.ron einer Sitzung. Geben Sie den Sitzungsordner oder seine session.ron an; sonst würde eine andere Datei geschrieben als gelesen.", "{} is not a session's session.ron. Give the session folder or its session.ron; otherwise another file would be written than the one read.";
    SessionBusy => "Die Sitzung in {} wird gerade von {} bearbeitet. Nichts wurde geändert; versuchen Sie es, wenn das andere Programm fertig ist (oder schließen Sie die Sitzung dort).", "The session in {} is being changed by {}. Nothing was changed; try again when the other program is done (or close the session there).";
    AnotherProgram => "einem anderen Programm", "another program";
    ProcessNumber => "Prozess {}", "process {}";
    // What the system refused to do, with the file and the reason.
    IoRead => "{} konnte nicht gelesen werden: {}.", "Could not read {}: {}.";
    IoWrite => "{} konnte nicht geschrieben werden: {}.", "Could not write {}: {}.";
    IoReplace => "{} konnte nicht ersetzt werden: {}.", "Could not replace {}: {}.";
    IoRemove => "{} konnte nicht entfernt werden: {}.", "Could not remove {}: {}.";
    IoCreateFolder => "Der Ordner {} konnte nicht angelegt werden: {}.", "Could not create the folder {}: {}.";
    IoCreateTemp => "In {} konnte keine Arbeitsdatei angelegt werden: {}.", "Could not create a working file in {}: {}.";
    IoSyncFolder => "{} konnte nicht dauerhaft gespeichert werden: {}.", "Could not store {} safely on the disk: {}.";
    IoListFolder => "Der Ordner {} konnte nicht gelesen werden: {}.", "Could not list the folder {}: {}.";
    IoRename => "{} konnte nicht an seinen Platz gebracht werden: {}.", "Could not move {} into place: {}.";
    SourcesMoved => "Die Entscheidungen lassen sich nicht anwenden: Quellen sind nicht mehr dort, wo sie beim Zusammenführen lagen. Legen Sie sie zurück oder führen Sie neu zusammen.", "The decisions cannot be applied: sources are no longer where they were when consolidated. Put them back, or consolidate again.";
    SourceMoved => "„{}“, gesucht in: {}", "\"{}\", looked in: {}";
    // Cards imported from a file.
    ImportLine => "Zeile {}: {}", "Line {}: {}";
    ImportNoTextColumn => "die Kopfzeile hat keine Spalte „text“", "the header has no column \"text\"";
    ImportUnknownColumn => "unbekannte Spalte „{}“ (möglich: text, author, colour, topic)", "unknown column \"{}\" (possible: text, author, colour, topic)";
    ImportColumns => "{} Felder statt {} wie in der Kopfzeile", "{} fields instead of {} as in the header";
    ImportOpenQuote => "ein Anführungszeichen wird nicht geschlossen", "a quotation mark is not closed";
    ImportEmptyText => "die Karte hat keinen Text", "the card has no text";
    ImportTooLong => "der Text ist {} Zeichen lang, eine Karte fasst {}", "the text is {} characters long, a card holds {}";
    ImportUnknownColour => "„{}“ ist keine Kartenfarbe (weiß, gelb, orange, rosa, grün, blau)", "\"{}\" is not a card colour (white, yellow, orange, pink, green, blue)";
    ImportTooMany => "mehr als {} Karten", "more than {} cards";
    ImportNoCards => "die Datei enthält keine Karten", "the file holds no cards";
    ImportNotText => "{} ist keine Textdatei (UTF-8).", "{} is not a text file (UTF-8).";
    ImportFileTooLarge => "{} ist größer als {} MB; so viele Karten fasst keine Pinnwand.", "{} is larger than {} MB; no board holds that many cards.";
    NoSuchBoard => "Die Sitzung hat keine Pinnwand „{}“. Vorhanden: {}", "The session has no board \"{}\". It has: {}";
    // Why, in words.
    WhyNotFound => "Ordner oder Datei gibt es nicht", "there is no such folder or file";
    WhyPermission => "keine Berechtigung", "permission denied";
    WhyDiskFull => "die Festplatte ist voll", "the disk is full";
    WhyReadOnly => "der Datenträger ist schreibgeschützt", "the disk is write-protected";
    WhyExists => "dort liegt schon etwas", "something is already there";
    WhyNotAFolder => "ein Teil des Pfads ist kein Ordner", "part of the path is not a folder";
    WhyIsAFolder => "das ist ein Ordner, keine Datei", "that is a folder, not a file";
    WhyFolderNotEmpty => "der Ordner ist nicht leer", "the folder is not empty";
    WhyBadName => "der Name ist hier nicht erlaubt", "the name is not allowed here";
    WhyOtherDisk => "es liegt auf einem anderen Datenträger", "it is on another disk";
    WhyInterrupted => "der Vorgang wurde unterbrochen", "it was interrupted";
    WhySystem => "das System meldet: {}", "the system says: {}";
    // Reading sessions.
    NotASession => "{} ist keine Moderato-Sitzung: Dort gibt es keine session.ron.", "{} is not a Moderato session: it has no session.ron.";
    Missing => "Unter {} gibt es weder Ordner noch Datei.", "There is nothing at {}: no such folder or file.";
    SyntaxAt => "{}, Zeile {}, Spalte {}: {}", "{}, line {}, column {}: {}";
    TooNew => "{} stammt aus einer neueren Moderato-Version (Dateiformat {}; diese Version liest bis {}). Bitte Moderato aktualisieren. Die Datei wurde nicht verändert.", "{} was written by a newer version of Moderato (file format {}; this version reads up to {}). Please update Moderato to open it. The file was not changed.";
    Invalid => "{} lässt sich nicht sicher öffnen:", "{} cannot be opened safely:";
    NoFolder => "Die neue Sitzung hat noch keinen Ordner.", "The new session has no folder yet.";
    FixHint => "Die Datei wurde nicht verändert. Eine ältere Fassung liegt meist als session.ron.bak daneben.", "The file was not changed. An earlier version is usually kept beside it as session.ron.bak.";
    // What is wrong with the text of a session file.
    CutOff => "Die Datei endet zu früh – wurde sie beim Kopieren abgeschnitten?", "the file ends too early – was it cut off while copying?";
    NotText => "Hier steht etwas, das kein Text ist (keine UTF-8-Zeichen); die Datei ist beschädigt oder keine Sitzung.", "there is something here that is not text (not UTF-8); the file is damaged or not a session.";
    ExpectedHere => "Hier wird {} erwartet.", "{} was expected here.";
    UnknownField => "Das Feld „{}“ kennt diese Version nicht (falsch geschrieben?).", "this version does not know the field “{}” (misspelt?).";
    RepeatedField => "Das Feld „{}“ steht doppelt da.", "the field “{}” is given twice.";
    MissingField => "Das Feld „{}“ fehlt.", "the field “{}” is missing.";
    UnknownChoice => "„{}“ ist hier nicht möglich; möglich sind: {}.", "“{}” is not possible here; possible are: {}.";
    NumberOutOfRange => "Die Zahl ist zu groß, zu klein oder enthält fremde Zeichen.", "the number is too large, too small or has stray characters.";
    WrongKind => "Der Wert passt nicht an diese Stelle (zum Beispiel Text, wo eine Zahl hingehört).", "the value does not fit here (for example text where a number belongs).";
    WrongLength => "Hier gehört eine andere Anzahl Einträge hin ({}), nicht {}.", "a different number of entries belongs here ({}), not {}.";
    WrongLengthPlain => "Hier gehört eine andere Anzahl Einträge hin.", "a different number of entries belongs here.";
    BadId => "Das ist keine gültige Kennung (UUID).", "this is not a valid id (UUID).";
    BadDate => "Datum oder Uhrzeit lassen sich nicht lesen.", "the date or time cannot be read.";
    BadEscape => "Im Text steht ein ungültiges Zeichen nach „\\“.", "the text has an invalid character after “\\”.";
    UnexpectedChar => "Das Zeichen „{}“ gehört nicht hierher.", "the character “{}” does not belong here.";
    TrailingText => "Nach dem Ende der Sitzung steht noch Text.", "there is more text after the end of the session.";
    UnclosedComment => "Ein Kommentar wird nicht geschlossen.", "a comment is never closed.";
    TooDeep => "Die Datei ist tiefer verschachtelt, als eine Sitzung sein kann.", "the file is nested more deeply than any session can be.";
    WrongName => "Hier gehört „{}“ hin, nicht „{}“.", "“{}” belongs here, not “{}”.";
    RepeatedRating => "Ein Reflexions-Eintrag bewertet dieselbe Dimension zweimal; bitte eine der beiden Bewertungen löschen.", "a reflection entry rates the same dimension twice; please delete one of the two ratings.";
    SessionTooLarge => "{} ist mit {} MB größer als jede Sitzung; das ist keine Moderato-Sitzung oder sie ist beschädigt.", "{} is {} MB, larger than any session; it is not a Moderato session or it is damaged.";
    Unreadable => "Die Datei lässt sich an dieser Stelle nicht als Sitzung lesen.", "the file cannot be read as a session at this point.";
    // What was expected.
    ExpList => "eine Liste in eckigen Klammern [ … ]", "a list in square brackets [ … ]";
    ExpListEnd => "ein Komma oder das Ende der Liste „]“", "a comma or the end of the list “]”";
    ExpGroup => "eine Gruppe von Feldern in runden Klammern ( … )", "a group of fields in round brackets ( … )";
    ExpGroupEnd => "ein Komma oder die schließende Klammer „)“", "a comma or the closing bracket “)”";
    ExpMap => "eine Zuordnung in geschweiften Klammern { … }", "a map in curly brackets { … }";
    ExpMapEnd => "ein Komma oder das Ende der Zuordnung „}“", "a comma or the end of the map “}”";
    ExpColon => "ein Doppelpunkt", "a colon";
    ExpComma => "ein Komma", "a comma";
    ExpText => "ein Text in Anführungszeichen", "a text in double quotes";
    ExpTextEnd => "das schließende Anführungszeichen", "the closing double quote";
    ExpWholeNumber => "eine ganze Zahl", "a whole number";
    ExpNumber => "eine Zahl", "a number";
    ExpYesNo => "true oder false", "true or false";
    ExpOptional => "Some( … ) oder None", "Some( … ) or None";
    ExpName => "ein Name", "a name";
    ExpCharacter => "ein einzelnes Zeichen", "a single character";
    ExpValue => "ein Wert", "a value";
    // Problems in a session that was read.
    ProblemNoId => "{} „{}“ hat keine Kennung.", "{} “{}” has no id.";
    ProblemRepeatedId => "{} „{}“ wiederholt die Kennung {}.", "{} “{}” repeats the id {}.";
    ProblemPhotoEmpty => "Foto „{}“ hat einen leeren Pfad.", "Photo “{}” has an empty path.";
    ProblemPhotoAbsolute => "Foto „{}“ hat einen absoluten Pfad; Fotopfade müssen im Sitzungsordner beginnen.", "Photo “{}” has an absolute path; photo paths must be relative to the session folder.";
    ProblemPhotoLeaves => "Foto „{}“ zeigt aus dem Sitzungsordner hinaus („..“).", "Photo “{}” points outside the session folder (“..”).";
    ProblemTextTooLong => "{} „{}“: Ein Text ist {} Zeichen lang; höchstens {} sind möglich.", "{} “{}”: a text is {} characters long; at most {} are possible.";
    ProblemNotFinite => "{} „{}“: {} ist keine Zahl (NaN oder unendlich).", "{} “{}”: {} is not a number (NaN or infinite).";
    ProblemTooLarge => "{} „{}“: {} ist {}; möglich sind höchstens {}.", "{} “{}”: {} is {}; at most {} is possible.";
    ProblemScaleEmpty => "Die Skala der Reflexion reicht von {} bis {}; der kleinste Wert muss unter dem größten liegen.", "The reflection scale runs from {} to {}; its lowest value must be below its highest.";
    ProblemScaleTooLong => "Die Skala der Reflexion reicht von {} bis {}; sie darf höchstens 21 Stufen haben (etwa −10 bis 10).", "The reflection scale runs from {} to {}; it may have at most 21 steps (say −10 to 10).";
    ProblemTooMany => "Zu viele Einträge der Art „{}“ ({}): {}; möglich sind höchstens {}.", "Too many of the kind “{}” ({}): {}; at most {} are possible.";
    ProblemAtLine => "Zeile {}: {}", "line {}: {}";
    FieldVotes => "die Zahl der Punkte", "the number of dots";
    FieldDotsPerPerson => "die Zahl der Punkte pro Person", "the number of dots per person";
    FieldPlannedMinutes => "die geplante Zeit in Minuten", "the planned time in minutes";
    FieldExtension => "eine Verlängerung in Sekunden", "an extension in seconds";
    FieldPosition => "die Position", "the position";
    // What loading put right.
    RepairsIntro => "Beim Öffnen wurde Folgendes berichtigt (die Datei ändert sich erst beim Speichern):", "Opening put these things right (the file changes only when you save):";
    RepairRatingOutside => "{} „{}“: Die Bewertung {} für „{}“ lag außerhalb der Skala und wurde entfernt.", "{} “{}”: the rating {} for “{}” was outside the scale and was removed.";
    RepairRatingUnknown => "{} „{}“: Eine Bewertung für eine Dimension, die es nicht gibt, wurde entfernt.", "{} “{}”: a rating for a dimension that does not exist was removed.";
    RepairMembersMissing => "{} „{}“: {} Karten, die es auf der Pinnwand nicht gibt (oder doppelt), wurden aus dem Cluster genommen.", "{} “{}”: {} cards that are not on the board (or listed twice) were taken out of the cluster.";
    RepairCardInTwoClusters => "{} „{}“ stand in zwei Clustern und bleibt nur in „{}“.", "{} “{}” was in two clusters and stays only in “{}”.";
    RepairLinkMissing => "{} „{}“: Ein Verweis auf etwas, das es nicht gibt, wurde entfernt.", "{} “{}”: a link to something that does not exist was removed.";
    RepairTimingBackwards => "{} „{}“: {} Zeitmarken lagen vor der vorigen und wurden auf deren Zeit gesetzt.", "{} “{}”: {} timing entries lay before the one before them and were set to its time.";
    RepairPositionMoved => "{} „{}“ lag weit außerhalb der Pinnwand und wurde an ihren Rand gerückt.", "{} “{}” lay far outside the board and was moved to its edge.";
    RepairsMore => "… und {} weitere.", "… and {} more.";
    ElementSession => "Die Sitzung", "The session";
    ElementParticipant => "Teilnehmende", "Participant";
    ElementAgendaDay => "Agenda-Tag", "Agenda day";
    ElementAgendaItem => "Agendapunkt", "Agenda item";
    ElementBoard => "Pinnwand", "Board";
    ElementCard => "Karte", "Card";
    ElementCluster => "Cluster", "Cluster";
    ElementDimension => "Reflexions-Dimension", "Reflection dimension";
    ElementReflectionEntry => "Reflexions-Eintrag", "Reflection entry";
    ElementPhoto => "Foto", "Photo";
    ElementResult => "Ergebnis", "Result";
    ElementActionItem => "Aufgabe", "Action item";
    ElementReflection => "Reflexion", "Reflection";
    ElementDissent => "Dissens", "Dissent";
    ElementTimingEvent => "Zeitmarke", "Timing entry";
    ElementNextMeeting => "Nächstes Treffen", "Next meeting";
    // Files a session names.
    FileMissing => "{} fehlt im Sitzungsordner.", "{} is missing from the session folder.";
    FileOutside => "{} liegt außerhalb des Sitzungsordners (über einen Verweis oder Pfad) und wird nicht gelesen.", "{} lies outside the session folder (through a link or its path) and is not read.";
    FilePhotosFolder => "Der Ordner photos/ dieser Sitzung ist ein Verweis auf einen anderen Ort; seine Fotos werden nicht gelesen.", "This session's photos/ folder is a link to another place; its photos are not read.";
    FileNotAFile => "{} ist keine Datei.", "{} is not a file.";
    NoPhotosInFolder => "Im Ordner {} liegt kein Foto (JPEG oder PNG).", "The folder {} holds no photo (JPEG or PNG).";
    FileTooLarge => "{} ist mit {} MB größer als jedes Foto, das Moderato liest.", "{} is {} MB, larger than any photo Moderato reads.";
    FileUnreadable => "{} konnte nicht gelesen werden: {}.", "Could not read {}: {}.";
    // Photos.
    PhotoUnreadable => "{} konnte nicht gelesen werden: {}.", "{} could not be read: {}.";
    PhotoEmpty => "{} ist leer (0 Bytes).", "{} is empty (0 bytes).";
    PhotoHeic => "{} ist ein HEIC/HEIF-Foto, das Moderato nicht lesen kann. Bitte zuerst als JPEG exportieren.", "{} is a HEIC/HEIF photo, which Moderato cannot read. Please export it as JPEG first.";
    PhotoNotAnImage => "{} ist kein JPEG- oder PNG-Bild.", "{} is not a JPEG or PNG image.";
    PhotoTooLarge => "{} gibt {} × {} Pixel an, mehr als Moderato annimmt (20000 pro Seite, 320 MB entpackt, etwa 110 Megapixel).", "{} claims to be {} × {} pixels, more than Moderato accepts (20,000 per side, 320 MB decoded, about 110 megapixels).";
    PhotoDamaged => "{} ist beschädigt oder abgeschnitten; das Bild lässt sich nicht vollständig lesen.", "{} is damaged or cut off; the picture cannot be read completely.";
    PhotoMissing => "Das Foto {} fehlt im Sitzungsordner.", "The photo {} is missing from the session folder.";
    // The lock between windows.
    LockHeld => "Diese Sitzung ist in einem anderen Moderato-Fenster geöffnet (Prozess {}). Wer hier speichert, kann die dortigen Änderungen überschreiben.", "This session is open in another Moderato window (process {}). Saving here could overwrite the changes made there.";
    LockHolderUnknown => "unbekannt", "unknown";
    LockIo => "Die Sperre für {} ließ sich nicht setzen: {}.", "Could not lock {}: {}.";
    // Exports.
    ExportLayout => "Der Bericht ließ sich nicht setzen ({}). Das ist ein Fehler in Moderato; bitte melden.", "The report could not be laid out ({}). This is a fault in Moderato; please report it.";
    ExportPdf => "Das PDF ließ sich nicht erzeugen ({}). Das ist ein Fehler in Moderato; bitte melden.", "The PDF could not be made ({}). This is a fault in Moderato; please report it.";
    ExportFolderMissing => "Den Ordner {} gibt es nicht. Bitte einen vorhandenen Ordner wählen.", "The folder {} does not exist. Please choose a folder that exists.";
    // Consolidation.
    ConsolidateTooFew => "Zum Konsolidieren braucht es mindestens zwei Sitzungen.", "Consolidating needs at least two sessions.";
    ConsolidateUnreadable => "{} von {} Eingaben ließen sich nicht lesen; es wurde nichts geschrieben:", "{} of {} inputs could not be read; nothing was written:";
    ConsolidateTwice => "{} ist dieselbe Sitzung wie {}; jede Sitzung zählt nur einmal. Es wurde nichts geschrieben.", "{} is the same session as {}; each session counts once. Nothing was written.";
    ConsolidateOutSame => "Der Ergebnisordner {} ist die Eingabe {}; er würde sie überschreiben. Bitte einen anderen Ordner wählen.", "The output folder {} is the input {}; it would overwrite it. Please choose another folder.";
    ConsolidateOutInside => "Der Ergebnisordner {} liegt in der Eingabe {}. Bitte einen Ordner außerhalb der Eingaben wählen.", "The output folder {} lies inside the input {}. Please choose a folder outside the inputs.";
    ConsolidateOutContains => "Der Ergebnisordner {} enthält die Eingabe {}. Bitte einen Ordner außerhalb der Eingaben wählen.", "The output folder {} contains the input {}. Please choose a folder outside the inputs.";
    ConsolidateOutHoldsSession => "{} enthält schon eine Sitzung; mit --force (in der App: erneut konsolidieren) wird sie aktualisiert, frühere Entscheidungen bleiben.", "{} already holds a session; add --force to replace it (earlier merge decisions are kept).";
    ConsolidateOutNotEmpty => "{} ist nicht leer. Bitte einen leeren oder neuen Ordner wählen.", "{} is not empty. Please choose an empty or new folder.";
    ConsolidateOutNotConsolidation => "{} enthält Dateien, aber keine Konsolidierung, die sich aktualisieren ließe. Bitte einen leeren oder neuen Ordner wählen.", "{} holds files but no consolidation to update. Please choose an empty or new folder.";
    ConsolidateForeign => "In {} liegt {}, das nicht von der Konsolidierung stammt und ersetzt würde. Es wurde nichts geschrieben.", "{} holds {}, which consolidation did not write and would replace. Nothing was written.";
    ConsolidateOutUnreadable => "Das bisherige Ergebnis lässt sich nicht lesen und bleibt unverändert:", "The existing result cannot be read, so it is left alone:";
    ConsolidateResultInvalid => "Das Ergebnis wäre größer, als eine Sitzung sein kann; es wurde nichts geschrieben. Bitte weniger Sitzungen auf einmal konsolidieren:", "The result would be larger than a session can be; nothing was written. Please consolidate fewer sessions at once:";
    ConsolidateCancelled => "Die Konsolidierung wurde abgebrochen; es wurde nichts geschrieben.", "The consolidation was cancelled; nothing was written.";
    ConsolidatePhotoNotCopied => "Ein Foto wurde nicht übernommen: {}", "A photo was not copied: {}";
    // Background work.
    JobPanicked => "Bei dieser Arbeit ist ein interner Fehler aufgetreten ({}); gespeicherte Daten sind unverändert.", "An internal fault stopped this work ({}); nothing saved was changed.";
    JobGone => "Diese Arbeit wurde unerwartet beendet; gespeicherte Daten sind unverändert.", "This work stopped unexpectedly; nothing saved was changed.";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        super::super::assert_complete(M::ALL);
    }
}
