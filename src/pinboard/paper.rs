//! The colours and shapes of Metaplan cards, shared by the detector, the generator and the
//! evaluation. The integrator maps them onto the app's own card types.

/// One of the six Metaplan paper colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PaperColour {
    /// White (slightly warm) paper.
    White,
    /// Pastel yellow.
    Yellow,
    /// Pastel orange.
    Orange,
    /// Pastel pink.
    Pink,
    /// Pastel green.
    Green,
    /// Pastel blue.
    Blue,
}

impl PaperColour {
    /// All six colours in a fixed order (used for indexing and reports).
    pub const ALL: [PaperColour; 6] = [
        PaperColour::White,
        PaperColour::Yellow,
        PaperColour::Orange,
        PaperColour::Pink,
        PaperColour::Green,
        PaperColour::Blue,
    ];

    /// The lower-case English name used in the JSON output.
    pub fn name(self) -> &'static str {
        match self {
            PaperColour::White => "white",
            PaperColour::Yellow => "yellow",
            PaperColour::Orange => "orange",
            PaperColour::Pink => "pink",
            PaperColour::Green => "green",
            PaperColour::Blue => "blue",
        }
    }
}

/// The outline of a card.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PaperShape {
    /// The ordinary card, about 21 × 10 cm.
    Rectangle,
    /// An oval (ellipse), about 19 × 11.5 cm.
    Oval,
    /// A circle, 10–14 cm across.
    Circle,
    /// A header strip: a long narrow rectangle, wider than the ordinary cards.
    Header,
}

impl PaperShape {
    /// All four shapes in a fixed order.
    pub const ALL: [PaperShape; 4] = [
        PaperShape::Rectangle,
        PaperShape::Oval,
        PaperShape::Circle,
        PaperShape::Header,
    ];

    /// The lower-case English name used in the JSON output.
    pub fn name(self) -> &'static str {
        match self {
            PaperShape::Rectangle => "rectangle",
            PaperShape::Oval => "oval",
            PaperShape::Circle => "circle",
            PaperShape::Header => "header",
        }
    }
}
