//! `content/committees/<slug>/<yyyy-mm-dd>/reports/<slug>.md`: a report, front matter plus body.

use jiff::civil::Date;
use serde::Deserialize;

use super::{Attachment, ExemptParagraph, FileId, Spanned};

/// The YAML front matter of a report.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportFront {
    /// Title of the report.
    pub title: String,
    /// Whose report it is, by role: "Director of Children's Services".
    pub report_of: String,
    /// Report author and access-to-information contact (person slug).
    pub author: Spanned<String>,
    /// Portfolio holder (person slug), for executive reports.
    #[serde(default)]
    pub portfolio_holder: Option<Spanned<String>>,
    /// Wards affected: ward names, or `["All wards"]`.
    #[serde(default)]
    pub wards: Vec<String>,
    /// Key decision reference from the forward plan, for example "CE 25/26-04".
    #[serde(default)]
    pub key_decision: Option<Spanned<String>>,
    /// Date of the report (the date it was published with the agenda).
    pub date: Spanned<Date>,
    /// The whole report is exempt under this Schedule 12A paragraph.
    #[serde(default)]
    pub exempt_paragraph: Option<Spanned<ExemptParagraph>>,
    /// For an exempt report: a neutral title the public sees instead of `title`.
    #[serde(default)]
    pub public_title: Option<String>,
    /// For an exempt report: why the public interest in keeping it exempt outweighs disclosure.
    #[serde(default)]
    pub public_interest: Option<String>,
    /// The date the report is published; until then it is left out of the public site. Defaults
    /// to the meeting's `agenda_published`, or else `date`.
    #[serde(default)]
    pub published: Option<Spanned<Date>>,
    /// A draft: never published until this is removed.
    #[serde(default)]
    pub draft: bool,
    /// The matter it belongs to (a matter slug).
    #[serde(default)]
    pub matter: Option<Spanned<String>>,
    /// Appendices: Markdown files (shown in the report page) or other files (copied and linked).
    #[serde(default)]
    pub appendices: Vec<Attachment>,
}

/// A `##` section of a report body ("Recommendations", "Financial implications"). Kept between
/// builds in the load cache (`load::Scans`), hence `Serialize`.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct ReportSection {
    /// Heading text.
    pub title: String,
    /// Anchor used in the page.
    pub anchor: String,
}

/// An appendix after loading: Markdown appendices carry their text.
#[derive(Debug, Clone)]
pub struct Appendix {
    /// Title as written.
    pub title: String,
    /// Path inside `content/`, `/`-separated.
    pub path: String,
    /// File size in bytes, of an appendix that is not Markdown (0 for a Markdown one, which is
    /// shown as text, not as a file to download).
    pub bytes: u64,
    /// The text, for `.md` appendices.
    pub markdown: Option<AppendixText>,
    /// The appendix is exempt under this Schedule 12A paragraph.
    pub exempt: Option<super::ExemptParagraph>,
    /// The neutral title the public sees when it is exempt.
    pub public_title: Option<String>,
}

/// A Markdown appendix's text. Appendices are short, so the model holds the text, but like a
/// [`Body`] its `Debug` form leaves the text out (it names the file and the links in it, which
/// other pages show as backlinks), and [`AppendixText::read`] notes the read inside
/// [`tracking_reads`]: a page or PDF that shows the appendix is compared by the text's hash, so
/// editing an appendix makes only those again.
#[derive(Clone)]
pub struct AppendixText {
    /// The appendix file.
    pub file: FileId,
    /// Its path on disk, by which reads are noted and hashes kept.
    path: std::sync::Arc<std::path::Path>,
    text: String,
    /// SHA-256 of the text.
    hash: [u8; 32],
    /// Links and images in the text (found when it is loaded).
    pub links: Vec<MarkdownLink>,
}

impl AppendixText {
    /// The text `text` of the appendix file `file` at `path`, with its links and its hash
    /// ([`text_hash`] of the text).
    pub fn new(
        file: FileId,
        path: &std::path::Path,
        text: String,
        hash: [u8; 32],
        links: Vec<MarkdownLink>,
    ) -> Self {
        AppendixText { file, path: path.into(), text, hash, links }
    }

    /// The text, for a page or PDF that shows it: inside [`tracking_reads`] the read is noted.
    pub fn read(&self) -> &str {
        note_body_read(&self.path);
        &self.text
    }

    /// The text, for the checks and the scaffolding, which make no page from it.
    pub fn text_unnoted(&self) -> &str {
        &self.text
    }

    /// The file on disk, with the SHA-256 of the text: what a page that read it is compared by.
    pub fn path_and_hash(&self) -> (&std::sync::Arc<std::path::Path>, [u8; 32]) {
        (&self.path, self.hash)
    }
}

impl std::fmt::Debug for AppendixText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppendixText")
            .field("file", &self.file)
            .field("path", &self.path)
            .field("links", &self.links)
            .finish_non_exhaustive()
    }
}

/// A report file.
#[derive(Debug, Clone)]
pub struct Report {
    /// File stem: `reports/budget-monitoring-q2.md` is `budget-monitoring-q2`.
    pub slug: String,
    /// The report file.
    pub file: FileId,
    /// Front matter.
    pub front: ReportFront,
    /// Markdown body (after the front matter), read from the file when a page or PDF needs it.
    pub body: Body,
    /// Every link and image in the body, found when the file was loaded.
    pub links: Vec<MarkdownLink>,
    /// Byte offset of the body within the file, for locating errors.
    pub body_offset: usize,
    /// `##` sections, in order, for the page contents list.
    pub sections: Vec<ReportSection>,
    /// Appendices resolved against the file system (same order as `front.appendices`).
    pub appendices: Vec<Appendix>,
}

/// A link or image in Markdown. Its `Debug` form leaves out `range`: the render stage hashes
/// the model's `Debug` form to tell whether pages can be reused (`render::reuse`), and text
/// moving inside a report body must not count as a change to the pages around it.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
pub struct MarkdownLink {
    /// Destination as written.
    pub dest: String,
    /// Byte range of the whole link in the text.
    pub range: std::ops::Range<usize>,
    /// For an image, its text alternative (possibly empty); `None` for a link.
    pub alt: Option<String>,
}

/// Where a report's Markdown body is. Bodies are the bulk of an archive (about 1.2 GB of the
/// 1.4 GB of a large council's twenty years), so the model keeps only this and each stage that
/// needs the text (the report page, its PDF) reads it from the file. Its `Debug` form names the
/// file only, for the same reason as [`MarkdownLink`]'s: the pages that read the text compare
/// the text itself.
#[derive(Clone, Default)]
pub struct Body {
    /// The file; `None` for a body withheld from this edition.
    path: Option<std::sync::Arc<std::path::Path>>,
    /// Where the body starts in the file (after the front matter).
    offset: usize,
    /// The file's length when it was loaded.
    file_len: usize,
    /// The SHA-256 of the body's text as loaded, which a rebuild compares (`render::reuse`).
    hash: [u8; 32],
}

impl std::fmt::Debug for MarkdownLink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MarkdownLink")
            .field("dest", &self.dest)
            .field("alt", &self.alt)
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for Body {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Body").field("path", &self.path).finish_non_exhaustive()
    }
}

/// The SHA-256 of a body's or an appendix's text: what pages are compared by, and what the load
/// cache finds its scans by.
pub fn text_hash(text: &str) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(text.as_bytes()).into()
}

thread_local! {
    static BODY_READS: std::cell::RefCell<Option<Vec<std::sync::Arc<std::path::Path>>>> =
        const { std::cell::RefCell::new(None) };
}

/// Notes, inside [`tracking_reads`], that the text of the file at `path` was read.
fn note_body_read(path: &std::sync::Arc<std::path::Path>) {
    BODY_READS.with(|r| {
        if let Some(reads) = r.borrow_mut().as_mut() {
            reads.push(path.clone());
        }
    });
}

/// Runs `f` noting which report bodies it reads on this thread (see [`Body::read`]): returns
/// its result and the files read, each once, in order. This is how a rebuild knows which
/// bodies a page or PDF was made from (`render::reuse`).
pub fn tracking_reads<T>(f: impl FnOnce() -> T) -> (T, Vec<std::sync::Arc<std::path::Path>>) {
    let outer = BODY_READS.with(|r| r.borrow_mut().replace(Vec::new()));
    let out = f();
    let mut reads = BODY_READS.with(|r| std::mem::replace(&mut *r.borrow_mut(), outer)).unwrap_or_default();
    let mut seen = std::collections::HashSet::new();
    reads.retain(|p| seen.insert(p.clone()));
    (out, reads)
}

impl Body {
    /// The body of the file at `path` from byte `offset`, the file being `file_len` bytes long,
    /// the body's text hashing to `hash` ([`text_hash`], taken while the text is in memory).
    pub fn in_file(path: &std::path::Path, offset: usize, file_len: usize, hash: [u8; 32]) -> Self {
        Body { path: Some(path.into()), offset, file_len, hash }
    }

    /// The SHA-256 of the body's text as it was loaded (`None` for a withheld body).
    pub fn hash(&self) -> Option<[u8; 32]> {
        self.path.as_ref().map(|_| self.hash)
    }

    /// No body: withheld from the public edition.
    pub fn withheld() -> Self {
        Body::default()
    }

    /// The file the body is in, if it is not withheld.
    pub fn path(&self) -> Option<&std::sync::Arc<std::path::Path>> {
        self.path.as_ref()
    }

    /// The Markdown text. A file that has changed since it was loaded is an error, so that no
    /// page is ever made from two versions of a report. Inside [`tracking_reads`] the read is
    /// noted.
    pub fn read(&self) -> Result<String, String> {
        let Some(path) = &self.path else { return Ok(String::new()) };
        note_body_read(path);
        let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        if bytes.len() != self.file_len {
            return Err(format!("{} changed while the site was being built; build again", path.display()));
        }
        let mut text = String::from_utf8(bytes)
            .map_err(|_| format!("{} changed while the site was being built; build again", path.display()))?;
        text.drain(..self.offset.min(text.len()));
        Ok(text)
    }
}
