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

/// A `##` section of a report body ("Recommendations", "Financial implications").
#[derive(Debug, Clone)]
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
    /// File size in bytes.
    pub bytes: u64,
    /// Markdown source and its file, for `.md` appendices.
    pub markdown: Option<(FileId, String)>,
    /// The appendix is exempt under this Schedule 12A paragraph.
    pub exempt: Option<super::ExemptParagraph>,
    /// The neutral title the public sees when it is exempt.
    pub public_title: Option<String>,
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
    /// Markdown body (after the front matter).
    pub body: String,
    /// Byte offset of the body within the file, for locating errors.
    pub body_offset: usize,
    /// `##` sections, in order, for the page contents list.
    pub sections: Vec<ReportSection>,
    /// Appendices resolved against the file system (same order as `front.appendices`).
    pub appendices: Vec<Appendix>,
}
