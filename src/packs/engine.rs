//! The typesetting engine: Typst, used as a library. A [`PackWorld`] gives Typst one generated
//! source file, the fonts shipped in `fonts/`, and the content files a pack embeds (images,
//! attached PDFs) under neutral virtual names; nothing else on the machine is visible to it.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use typst::WorldExt as _;
use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::Duration;
use typst::foundations::{Bytes, Datetime, Smart};
use typst::introspection::Introspector;
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use super::Laid;
use typst_layout::PagedDocument;

/// The fonts every pack is set in (Liberation Sans, metric-compatible with Arial, and
/// Liberation Mono; SIL Open Font License). Shipped in the binary so that output never depends
/// on the fonts installed on the machine.
const FONT_FILES: [&[u8]; 5] = [
    include_bytes!("../../fonts/LiberationSans-Regular.ttf"),
    include_bytes!("../../fonts/LiberationSans-Bold.ttf"),
    include_bytes!("../../fonts/LiberationSans-Italic.ttf"),
    include_bytes!("../../fonts/LiberationSans-BoldItalic.ttf"),
    include_bytes!("../../fonts/LiberationMono-Regular.ttf"),
];

struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

fn shared() -> &'static Shared {
    static SHARED: OnceLock<Shared> = OnceLock::new();
    SHARED.get_or_init(|| {
        let fonts: Vec<Font> =
            FONT_FILES.iter().flat_map(|data| Font::iter(Bytes::new(data.to_vec()))).collect();
        Shared {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    })
}

fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

struct PackWorld<'a> {
    main: Source,
    files: &'a [PathBuf],
    date: Datetime,
}

impl World for PackWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &shared().library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &shared().book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() { Ok(self.main.clone()) } else { Err(FileError::AccessDenied) }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        let path = id.get().vpath().get_with_slash();
        let index = path
            .strip_prefix("/f/")
            .and_then(|rest| rest.split('.').next())
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|i| self.files.get(i));
        match index {
            Some(real) => std::fs::read(real).map(Bytes::new).map_err(|e| FileError::from_io(e, real)),
            None => Err(FileError::AccessDenied),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        shared().fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.date)
    }
}

/// Lays out a generated Typst source and writes it as a tagged PDF (PDF/UA-1 unless it embeds
/// another PDF) with `title`
/// and `date` in its metadata. `files` are the real paths of the files the source embeds under
/// [`virtual_name`]s. `ident` keeps the PDF's document id stable between builds.
pub fn lay_out(
    source: &str,
    files: &[PathBuf],
    date: jiff::civil::Date,
    ident: &str,
) -> Result<Laid, String> {
    let Some(main_id) = file_id("/pack.typ") else {
        return Err("cannot name the generated source".to_string());
    };
    let date = Datetime::from_ymd(i32::from(date.year()), date.month() as u8, date.day() as u8)
        .ok_or_else(|| "document date out of range".to_string())?;
    let world = PackWorld { main: Source::new(main_id, source.to_string()), files, date };
    let warned = typst::compile::<PagedDocument>(&world);
    let document = warned.output.map_err(|errors| describe(&world, errors.as_slice()))?;
    let introspector = document.introspector();
    let mut labels = BTreeMap::new();
    for element in introspector.query_labelled().iter() {
        let (Some(label), Some(location)) = (element.label(), element.location()) else { continue };
        let name = label.resolve().to_string();
        if name.starts_with("agendum-") {
            if let Some(page) = introspector.page(location) {
                labels.insert(name, page.get());
            }
        }
    }
    // PDF/UA-1 where we can vouch for every page. The engine refuses to claim it for a
    // document that embeds another PDF (an officer's appendix, whose own structure it cannot
    // check); those are still written tagged, with the same structure for our own pages.
    let embeds_pdf = files.iter().any(|f| f.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")));
    let standards: &[typst_pdf::PdfStandard] = if embeds_pdf { &[] } else { &[typst_pdf::PdfStandard::Ua_1] };
    let options = typst_pdf::PdfOptions {
        ident: Smart::Custom(ident.to_string()),
        timestamp: Some(typst_pdf::Timestamp::new_utc(date)),
        standards: typst_pdf::PdfStandards::new(standards).map_err(|e| format!("{e:?}"))?,
        tagged: true,
        ..typst_pdf::PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&document, &options).map_err(|errors| describe(&world, errors.as_slice()))?;
    Ok(Laid { pdf, pages: document.pages().len(), labels })
}

fn describe(world: &PackWorld<'_>, errors: &[SourceDiagnostic]) -> String {
    errors
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            let at = world
                .range(d.span)
                .map(|r| {
                    let text = world.main.text();
                    let line = text[..r.start.min(text.len())].matches('\n').count() + 1;
                    format!(" (generated source line {line})")
                })
                .unwrap_or_default();
            let hints: String = d.hints.iter().map(|h| format!("; hint: {}", h.v)).collect();
            format!("{}{at}{hints}", d.message)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Number of pages in a PDF file, or `None` if it cannot be read.
pub fn pdf_page_count(bytes: &[u8]) -> Option<usize> {
    let pdf = hayro_syntax::Pdf::new(bytes.to_vec()).ok()?;
    Some(pdf.pages().len())
}

/// Whether any page of a PDF shows text: its content draws text (`Tj`, `TJ`, `'`, `"`) or
/// its resources hold a font. `None` if the file cannot be read.
pub fn pdf_text_layer(bytes: &[u8]) -> Option<bool> {
    let pdf = hayro_syntax::Pdf::new(bytes.to_vec()).ok()?;
    let pages = pdf.pages();
    Some(pages.iter().any(|page| {
        !page.resources().fonts.is_empty()
            || page.page_stream().is_some_and(|s| {
                s.windows(2).any(|w| w == b"Tj" || w == b"TJ")
                    || s.windows(2).any(|w| w == b"' " || w == b"\" ")
            })
    }))
}

/// Frees the engine's caches (call after a batch of packs).
pub fn evict_caches() {
    typst::comemo::evict(0);
}

/// Frees what the engine cached for documents laid out a while ago. Typst memoises across
/// compilations; without this, memory grows with every PDF of a build (thousands of packs took
/// a 2-core machine's 24 GB). Entries used in the last few compilations stay.
pub fn evict_old_caches() {
    typst::comemo::evict(4);
}
