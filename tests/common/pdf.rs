//! Reading an exported PDF back: every page's words with their size and place, and its
//! filled shapes with their colour and bounding box.

use pdf_extract::{
    ColorSpace, MediaBox, OutputDev, OutputError, Path as PdfPath, PathOp, Transform,
};

#[derive(Debug, Default)]
pub struct Page {
    /// Each word with its size in points.
    pub words: Vec<(String, f64)>,
    /// Each word's first character's position (x, y), PDF coordinates (y grows up).
    pub at: Vec<(f64, f64)>,
    /// Filled shapes: colour (0..1 RGB) and bounding box (x0, y0, x1, y1) in points.
    pub fills: Vec<([f64; 3], [f64; 4])>,
}

/// Collects words and filled shapes per page.
#[derive(Default)]
struct Reader {
    word_at: (f64, f64),
    pages: Vec<Page>,
    word: String,
    word_size: f64,
    /// Where the next character would follow on from the last one.
    next_x: Option<(f64, f64)>,
}

impl Reader {
    fn end(&mut self) {
        if !self.word.trim().is_empty() {
            let word = std::mem::take(&mut self.word);
            let size = self.word_size;
            if let Some(page) = self.pages.last_mut() {
                page.words.push((word.trim().to_owned(), size));
                page.at.push(self.word_at);
            }
        }
        self.word.clear();
        self.word_size = f64::INFINITY;
    }
}

fn scale(t: &Transform) -> f64 {
    (t.m11 * t.m22 - t.m12 * t.m21).abs().sqrt()
}

impl OutputDev for Reader {
    fn begin_page(
        &mut self,
        _: u32,
        _: &MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.pages.push(Page::default());
        self.word_size = f64::INFINITY;
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        self.end();
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        let size = font_size * scale(trm);
        let (x, y) = (trm.m31, trm.m32);
        // A jump away from where the last character ended starts a new word.
        let continues = self
            .next_x
            .is_some_and(|(nx, ny)| (x - nx).abs() < size * 0.3 && (y - ny).abs() < size * 0.3);
        if !continues {
            self.end();
        }
        if char.trim().is_empty() {
            self.end();
        } else {
            if self.word.is_empty() {
                self.word_at = (x, y);
            }
            self.word.push_str(char);
            self.word_size = self.word_size.min(size);
        }
        self.next_x = Some((x + (width * font_size + spacing) * scale(trm), y));
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        self.end();
        Ok(())
    }
    fn fill(
        &mut self,
        ctm: &Transform,
        _: &ColorSpace,
        color: &[f64],
        path: &PdfPath,
    ) -> Result<(), OutputError> {
        let mut points = Vec::new();
        for op in &path.ops {
            match *op {
                PathOp::MoveTo(x, y) | PathOp::LineTo(x, y) => points.push((x, y)),
                PathOp::CurveTo(_, _, _, _, x, y) => points.push((x, y)),
                PathOp::Rect(x, y, w, h) => points.extend([(x, y), (x + w, y + h)]),
                PathOp::Close => {}
            }
        }
        let points: Vec<(f64, f64)> = points
            .into_iter()
            .map(|(x, y)| {
                (
                    x * ctm.m11 + y * ctm.m21 + ctm.m31,
                    x * ctm.m12 + y * ctm.m22 + ctm.m32,
                )
            })
            .collect();
        if points.is_empty() || color.len() < 3 {
            return Ok(());
        }
        let bbox = points
            .iter()
            .fold([f64::MAX, f64::MAX, f64::MIN, f64::MIN], |b, p| {
                [b[0].min(p.0), b[1].min(p.1), b[2].max(p.0), b[3].max(p.1)]
            });
        if let Some(page) = self.pages.last_mut() {
            page.fills.push(([color[0], color[1], color[2]], bbox));
        }
        Ok(())
    }
}

/// Every page's words (with their size and place) and filled shapes.
pub fn read(pdf: &[u8]) -> Vec<Page> {
    let doc = pdf_extract::Document::load_mem(pdf).expect("a PDF");
    let mut reader = Reader::default();
    pdf_extract::output_doc(&doc, &mut reader).expect("readable pages");
    reader.end();
    reader.pages
}
