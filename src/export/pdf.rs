//! The PDF report through typst: a small in-memory "world" with the template, the DejaVu
//! fonts, and the session's photos downscaled for print.

use std::collections::HashMap;
use std::path::Path;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Dict, Duration, Smart, Str, Value};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt as _, World};
use typst_layout::PagedDocument;

use super::report_data;
use crate::i18n::{Describe as _, Lang};
use crate::photos::PhotoError;
use crate::photos::print::print_copies;
use crate::session::Session;

/// The report template.
const TEMPLATE: &str = include_str!("../../assets/report.typ");

pub use super::error::ExportError;

struct ReportWorld {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: Source,
    files: HashMap<FileId, Bytes>,
}

fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("a fixed, valid virtual path");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotFound(
                id.get().vpath().get_with_slash().into(),
            ))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.get().vpath().get_with_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        // A report does not print "today": the same session gives the same PDF.
        None
    }
}

/// A laid-out report and the photos it had to leave out.
#[derive(Debug)]
pub struct Report {
    pub bytes: Vec<u8>,
    /// Photos that could not be read, each with its reason; the report's notes name them.
    pub left_out: Vec<PhotoError>,
}

/// Lays out and writes the report of a session. `folder` is where its photos are; without
/// it (an unsaved session) the photos are left out.
pub fn pdf(
    session: &Session,
    folder: Option<&Path>,
    lang: Lang,
    now: jiff::Timestamp,
) -> Result<Report, ExportError> {
    let mut data = report_data(session, lang, now);
    let mut files = HashMap::new();
    let mut left_out = Vec::new();
    // Photos that cannot be read are left out of the report rather than failing it; the
    // report says which, so nobody wonders where the flipchart went.
    let mut notes = Vec::new();
    {
        let mut lists = data.photo_lists();
        if let Some(folder) = folder {
            let sources: Vec<String> = lists
                .iter()
                .flat_map(|list| list.iter().map(|p| p.source.clone()))
                .collect();
            let cache = crate::photos::print::cache_dir();
            let mut copies = print_copies(folder, &sources, cache.as_deref()).into_iter();
            for list in &mut lists {
                list.retain(|photo| match copies.next() {
                    Some(Ok(bytes)) => {
                        files.insert(file_id(&photo.file), Bytes::new(bytes));
                        true
                    }
                    Some(Err(error)) => {
                        notes.push(error.describe(lang));
                        left_out.push(error);
                        false
                    }
                    None => false,
                });
            }
            crate::photos::print::trim_cache();
        } else {
            for list in &mut lists {
                list.clear();
            }
        }
    }
    card_pictures(&mut data, folder, &mut files);
    data.photos_left_out = notes;
    let mut value = serde_json::to_value(&data).map_err(|e| ExportError::Layout(e.to_string()))?;
    for_document(&mut value);
    let json = value.to_string();
    let mut inputs = Dict::new();
    inputs.insert(Str::from("data"), Value::Str(Str::from(json)));
    let fonts: Vec<Font> = [
        &include_bytes!("../../assets/fonts/DejaVuSans.ttf")[..],
        &include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf")[..],
        &include_bytes!("../../assets/fonts/DejaVuSans-Oblique.ttf")[..],
        &include_bytes!("../../assets/fonts/DejaVuSansMono.ttf")[..],
    ]
    .into_iter()
    .flat_map(|bytes| Font::iter(Bytes::new(bytes)))
    .collect();
    let world = ReportWorld {
        library: LazyHash::new(Library::builder().with_inputs(inputs).build()),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
        main: Source::new(file_id("/report.typ"), TEMPLATE.to_owned()),
        files,
    };
    let document: PagedDocument = typst::compile(&world).output.map_err(|errors| {
        ExportError::Layout(
            errors
                .iter()
                .map(|e| e.message.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })?;
    let options = typst_pdf::PdfOptions {
        ident: Smart::Custom(session.id.to_string()),
        ..typst_pdf::PdfOptions::default()
    };
    // PDF/UA-1 where the document meets it: tagged, every figure described, and viewers are
    // asked to show the document's title rather than its file name. A report that does not
    // (a session's own odd content) is still written, as plain tagged PDF.
    let accessible = typst_pdf::PdfStandards::new(&[typst_pdf::PdfStandard::Ua_1])
        .ok()
        .and_then(|standards| {
            let options = typst_pdf::PdfOptions {
                ident: Smart::Custom(session.id.to_string()),
                standards,
                ..typst_pdf::PdfOptions::default()
            };
            typst_pdf::pdf(&document, &options).ok()
        });
    if let Some(bytes) = accessible {
        return Ok(Report { bytes, left_out });
    }
    let bytes = typst_pdf::pdf(&document, &options).map_err(|errors| {
        ExportError::Pdf(
            errors
                .iter()
                .map(|e| e.message.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })?;
    Ok(Report { bytes, left_out })
}

/// Cards read off a photo and not typed yet print their picture (at most print size, from
/// the same cache as photos); one that cannot be read prints as an empty card, its list
/// entry saying it is not typed yet.
fn card_pictures(
    data: &mut super::data::ReportData,
    folder: Option<&Path>,
    files: &mut HashMap<FileId, Bytes>,
) {
    let cards: Vec<&mut super::board::CardData> = data
        .boards
        .iter_mut()
        .filter_map(|b| b.picture.as_mut())
        .flat_map(|p| p.cards.iter_mut())
        .filter(|c| c.picture.is_some())
        .collect();
    let Some(folder) = folder else {
        cards.into_iter().for_each(|c| c.picture = None);
        return;
    };
    let sources: Vec<String> = cards.iter().filter_map(|c| c.picture.clone()).collect();
    let cache = crate::photos::print::cache_dir();
    let copies = print_copies(folder, &sources, cache.as_deref());
    for (n, (card, copy)) in cards.into_iter().zip(copies).enumerate() {
        card.picture = copy.ok().map(|bytes| {
            let file = format!("/card-pictures/{n}.jpg");
            files.insert(file_id(&file), Bytes::new(bytes));
            file
        });
    }
}

/// Every text of the report's data as a document shows it (see `text::for_document`): no
/// control characters, no unclosed right-to-left override reversing a footer.
fn for_document(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::String(text) => {
            if let std::borrow::Cow::Owned(shown) = crate::text::for_document(text) {
                *text = shown;
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(for_document),
        serde_json::Value::Object(fields) => fields.values_mut().for_each(for_document),
        _ => {}
    }
}
