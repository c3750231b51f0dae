//! Why a request was refused: a status, a code for the page and a message in plain words.

use axum::Json;
use axum::http::StatusCode;
use axum::http::header::CACHE_CONTROL;
use axum::response::{IntoResponse, Response};

use super::lang::Lang;

/// A refusal; answered as `{"error": "<message>", "code": "<code>"}` with a 4xx (or 503).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Refusal {
    NotJoined,
    WrongHost,
    ForeignOrigin,
    TooFast,
    WrongContentType,
    TooLarge,
    Malformed,
    NotFound,
    WrongPhase,
    CardEmpty,
    CardTooLong { max: usize },
    NameTooLong { max: usize },
    CommentTooLong { max: usize },
    ControlCharacter { code: u32, in_name: bool },
    CardLimit { max: u32 },
    UnknownTarget,
    BudgetUsed { budget: u32 },
    NothingToTakeBack,
    UnknownDimension,
    RatedTwice,
    OutOfScale { min: i32, max: i32 },
    NoRating,
    NameNotAsked,
    Full,
    Closed,
}

impl Refusal {
    /// The HTTP status.
    pub(crate) fn status(self) -> StatusCode {
        use Refusal::*;
        match self {
            NotJoined | WrongHost | ForeignOrigin => StatusCode::FORBIDDEN,
            TooFast => StatusCode::TOO_MANY_REQUESTS,
            WrongContentType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Malformed => StatusCode::BAD_REQUEST,
            NotFound => StatusCode::NOT_FOUND,
            WrongPhase | CardLimit { .. } | BudgetUsed { .. } | NothingToTakeBack | RatedTwice => {
                StatusCode::CONFLICT
            }
            CardEmpty
            | CardTooLong { .. }
            | NameTooLong { .. }
            | CommentTooLong { .. }
            | ControlCharacter { .. }
            | UnknownTarget
            | UnknownDimension
            | OutOfScale { .. }
            | NoRating
            | NameNotAsked => StatusCode::UNPROCESSABLE_ENTITY,
            Full | Closed => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// A stable word for the page and the tests.
    pub(crate) fn code(self) -> &'static str {
        use Refusal::*;
        match self {
            NotJoined => "not_joined",
            WrongHost => "wrong_host",
            ForeignOrigin => "foreign_origin",
            TooFast => "too_fast",
            WrongContentType => "wrong_content_type",
            TooLarge => "too_large",
            Malformed => "malformed",
            NotFound => "not_found",
            WrongPhase => "wrong_phase",
            CardEmpty => "card_empty",
            CardTooLong { .. } => "card_too_long",
            NameTooLong { .. } => "name_too_long",
            CommentTooLong { .. } => "comment_too_long",
            ControlCharacter { .. } => "control_character",
            CardLimit { .. } => "card_limit",
            UnknownTarget => "unknown_target",
            BudgetUsed { .. } => "budget_used",
            NothingToTakeBack => "nothing_to_take_back",
            UnknownDimension => "unknown_dimension",
            RatedTwice => "rated_twice",
            OutOfScale { .. } => "out_of_scale",
            NoRating => "no_rating",
            NameNotAsked => "name_not_asked",
            Full => "full",
            Closed => "closed",
        }
    }

    /// The message in plain words.
    pub(crate) fn message(self, lang: Lang) -> String {
        use Refusal::*;
        let de = lang == Lang::De;
        match self {
            CardTooLong { max } if de => format!("Die Karte ist zu lang: höchstens {max} Zeichen."),
            CardTooLong { max } => format!("The card is too long: at most {max} characters."),
            NameTooLong { max } if de => format!("Der Name ist zu lang: höchstens {max} Zeichen."),
            NameTooLong { max } => format!("The name is too long: at most {max} characters."),
            CommentTooLong { max } if de => {
                format!("Der Kommentar ist zu lang: höchstens {max} Zeichen.")
            }
            CommentTooLong { max } => format!("The comment is too long: at most {max} characters."),
            ControlCharacter {
                code,
                in_name: false,
            } if de => format!(
                "Der Text enthält ein unsichtbares Steuerzeichen (U+{code:04X}). Bitte ohne es schreiben."
            ),
            ControlCharacter {
                code,
                in_name: false,
            } => format!(
                "The text contains an invisible control character (U+{code:04X}). Please write it without."
            ),
            CardLimit { max } if de => format!(
                "Du hast in diesem Schritt schon {max} Karten geschrieben – mehr gehen nicht."
            ),
            CardLimit { max } => {
                format!("You have already written {max} cards in this step – that is the limit.")
            }
            BudgetUsed { budget } if de => format!("Du hast alle deine {budget} Punkte vergeben."),
            BudgetUsed { budget } => format!("You have placed all your {budget} dots."),
            OutOfScale { min, max } if de => format!("Bitte wähle einen Wert von {min} bis {max}."),
            OutOfScale { min, max } => format!("Please choose a value from {min} to {max}."),
            _ => {
                let (german, english) = self.plain();
                lang.pick(german, english).to_owned()
            }
        }
    }

    /// The German and English messages of the refusals without a number in them.
    fn plain(self) -> (&'static str, &'static str) {
        use Refusal::*;
        match self {
            NotJoined => (
                "Dieses Telefon ist nicht (mehr) angemeldet. Bitte scanne den QR-Code an der Projektion noch einmal.",
                "This phone isn't (or is no longer) signed in. Please scan the QR code on the projector again.",
            ),
            WrongHost => (
                "Diese Adresse ist hier nicht zugelassen. Bitte scanne den QR-Code noch einmal.",
                "This address isn't allowed here. Please scan the QR code again.",
            ),
            ForeignOrigin => (
                "Anfragen von anderen Seiten werden nicht angenommen.",
                "Requests from other sites are not accepted.",
            ),
            TooFast => (
                "Zu viele Anfragen auf einmal. Bitte warte einen Moment und versuche es dann noch einmal.",
                "Too many requests at once. Please wait a moment and try again.",
            ),
            WrongContentType => ("Die Anfrage muss JSON sein.", "The request must be JSON."),
            TooLarge => ("Die Anfrage ist zu groß.", "The request is too large."),
            Malformed => (
                "Die Anfrage ist nicht lesbar.",
                "The request can't be read.",
            ),
            NotFound => ("Diese Seite gibt es nicht.", "There is no such page."),
            WrongPhase => (
                "Das geht gerade nicht – die Moderation ist schon weiter. Die Seite zeigt jetzt, was möglich ist.",
                "That isn't possible now – the moderator has moved on. The page now shows what you can do.",
            ),
            CardEmpty => ("Die Karte ist leer.", "The card is empty."),
            ControlCharacter { .. } => (
                "Der Name muss eine einzige Zeile ohne Steuerzeichen sein.",
                "The name must be a single line without control characters.",
            ),
            UnknownTarget => (
                "Diese Karte ist nicht (mehr) auf der Pinnwand.",
                "That card is not (or no longer) on the board.",
            ),
            NothingToTakeBack => (
                "Auf dieser Karte ist kein Punkt von dir.",
                "You have no dot on this card.",
            ),
            UnknownDimension => (
                "Diese Frage gehört nicht zur Reflexion.",
                "That question is not part of the reflection.",
            ),
            RatedTwice => (
                "Das hast du schon bewertet.",
                "You have already rated that.",
            ),
            NoRating => (
                "Bitte wähle mindestens eine Bewertung.",
                "Please choose at least one rating.",
            ),
            NameNotAsked => (
                "Diese Reflexion ist anonym – bitte ohne Namen.",
                "This reflection is anonymous – no name, please.",
            ),
            Full => (
                "Es sind schon zu viele Telefone verbunden.",
                "Too many phones are connected already.",
            ),
            Closed => (
                "Moderato nimmt gerade nichts an.",
                "Moderato isn't taking contributions right now.",
            ),
            CardTooLong { .. }
            | NameTooLong { .. }
            | CommentTooLong { .. }
            | CardLimit { .. }
            | BudgetUsed { .. }
            | OutOfScale { .. } => ("Das geht nicht.", "That isn't possible."),
        }
    }

    /// The JSON answer in the phone's language.
    pub(crate) fn answer(self, lang: Lang) -> Response {
        let body = serde_json::json!({ "error": self.message(lang), "code": self.code() });
        (self.status(), [(CACHE_CONTROL, "no-store")], Json(body)).into_response()
    }
}
