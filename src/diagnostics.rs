//! Located, human-readable errors and warnings.
//!
//! Every problem a user can cause becomes a [`Diagnostic`]: which file, where in it (byte span,
//! from which line and column are derived), what is wrong and how to fix it. Stages collect them
//! into a [`Diagnostics`] list so that one run reports everything.

pub mod json;

use std::fmt;
use std::path::PathBuf;

use crate::model::FileId;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth fixing; the build still succeeds.
    Warning,
    /// The build fails.
    Error,
}

/// Where in a source file a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// The file.
    pub file: FileId,
    /// Byte offset from the start of the file.
    pub offset: usize,
    /// Length in bytes (0 for a point).
    pub len: usize,
}

/// One problem found in the content.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable code, for example `ref-unknown`; listed in `docs/content-format.md`.
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// Where, if the problem is in a file.
    pub span: Option<Span>,
}

impl Diagnostic {
    /// An error at a place.
    pub fn error(code: &'static str, span: Option<Span>, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Error, code, message: message.into(), help: None, span }
    }

    /// A warning at a place.
    pub fn warning(code: &'static str, span: Option<Span>, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, code, message: message.into(), help: None, span }
    }

    /// Adds advice on how to fix the problem.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// A collection of diagnostics from one run.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Adds one.
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    /// Adds many.
    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    /// Whether any is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|d| d.severity == Severity::Error)
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.0.iter().filter(|d| d.severity == Severity::Error).count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.0.iter().filter(|d| d.severity == Severity::Warning).count()
    }

    /// Sorts by file and position so output is stable whatever order stages ran in.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            let key = |d: &Diagnostic| d.span.map(|s| (s.file, s.offset));
            key(a).cmp(&key(b)).then_with(|| a.message.cmp(&b.message))
        });
        self.0.dedup_by(|a, b| a.span == b.span && a.message == b.message);
    }
}

/// A source file as read, kept for locating diagnostics.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the content root, `/`-separated.
    pub rel: String,
    /// Full path on disk.
    pub path: PathBuf,
    /// Text (with any invalid UTF-8 replaced, for showing the error).
    pub text: String,
    /// Byte offset at which the YAML of this file starts (after a front matter `---` line).
    pub yaml_offset: usize,
}

/// All source files of a run, indexed by [`FileId`].
#[derive(Debug, Default, Clone)]
pub struct Sources {
    /// The files.
    pub files: Vec<SourceFile>,
}

impl Sources {
    /// The span of a YAML location (from serde-saphyr) in a file, allowing for front matter.
    pub fn span_of(&self, file: FileId, loc: &serde_saphyr::Location) -> Span {
        if loc.line() == 0 {
            return Span { file, offset: 0, len: 0 };
        }
        let s = loc.span();
        let offset = s.byte_offset().unwrap_or(s.offset()) as usize;
        let len = s.byte_len().unwrap_or(s.len()) as usize;
        Span { file, offset: self.files[file].yaml_offset + offset, len }
    }

    /// Adds a file and returns its id.
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        self.files.len() - 1
    }

    /// The text of a file read again from disk (invalid UTF-8 replaced; empty if unreadable).
    pub fn read_again(&self, file: FileId) -> String {
        std::fs::read(&self.files[file].path)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default()
    }

    /// Reads again the texts of these files where loading moved them into the model (report
    /// and minutes bodies, Markdown appendices), so that their diagnostics can be shown.
    pub fn restore_texts_of(&mut self, files: impl IntoIterator<Item = FileId>) {
        let files: std::collections::BTreeSet<FileId> = files.into_iter().collect();
        for file in files {
            if file < self.files.len() && self.files[file].text.is_empty() {
                self.files[file].text = self.read_again(file);
            }
        }
    }

    /// Frees the text of every file except these (their diagnostics can still be printed).
    pub fn keep_texts_of(&mut self, keep: impl IntoIterator<Item = FileId>) {
        let keep: std::collections::HashSet<FileId> = keep.into_iter().collect();
        for (i, f) in self.files.iter_mut().enumerate() {
            if !keep.contains(&i) {
                f.text = String::new();
            }
        }
    }

    /// Line and column (both from 1, column counted in characters) of a byte offset.
    pub fn line_col(&self, file: FileId, offset: usize) -> (usize, usize) {
        let text = &self.files[file].text;
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = text[line_start..offset].chars().count() + 1;
        (line, col)
    }

    /// Renders diagnostics for a terminal: `file:line:col`, the message, the source line with
    /// the problem underlined, and the help.
    pub fn render(&self, diagnostics: &Diagnostics, color: bool) -> String {
        let mut out = String::new();
        for d in &diagnostics.0 {
            out.push_str(&self.render_one(d, color));
            out.push('\n');
        }
        out
    }

    /// Renders one diagnostic with miette: the message, `file:line:col`, the source line with
    /// the problem underlined, and the help. `color` turns on terminal colours.
    pub fn render_one(&self, d: &Diagnostic, color: bool) -> String {
        let theme =
            if color { miette::GraphicalTheme::unicode() } else { miette::GraphicalTheme::unicode_nocolor() };
        let handler = miette::GraphicalReportHandler::new_themed(theme).with_width(100).with_links(false);
        let named = d.span.map(|s| {
            let f = &self.files[s.file];
            miette::NamedSource::new(format!("content/{}", f.rel), f.text.clone())
        });
        let report = Report { d, sources: self, named };
        let mut out = String::new();
        if handler.render_report(&mut out, &report).is_err() {
            out = format!("{}: {}", d.code, d.message);
        }
        if let Some(span) = d.span {
            // A plain, greppable location line as well (editors jump to it).
            let (line, col) = self.line_col(span.file, span.offset);
            out.push_str(&format!("  at content/{}:{line}:{col}\n", self.files[span.file].rel));
        }
        out
    }
}

/// Adapter that lets miette render a [`Diagnostic`] with its source text.
struct Report<'a> {
    d: &'a Diagnostic,
    sources: &'a Sources,
    named: Option<miette::NamedSource<String>>,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.d.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.d.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.named.as_ref().map(|n| n as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let span = self.d.span?;
        let text = &self.sources.files[span.file].text;
        let start = floor_char_boundary(text, span.offset.min(text.len()));
        let end = floor_char_boundary(text, (span.offset + span.len).min(text.len()));
        Some(Box::new(std::iter::once(miette::LabeledSpan::new(
            Some("here".to_string()),
            start,
            end - start,
        ))))
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Suggests the closest of `candidates` to `wanted` (Levenshtein distance, case-insensitive),
/// if any is close enough to be a plausible typo.
pub fn closest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wanted_l = wanted.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let d = levenshtein(&wanted_l, &c.to_lowercase());
        if best.is_none_or(|(bd, bc)| d < bd || (d == bd && c < bc)) {
            best = Some((d, c));
        }
    }
    let limit = (wanted.chars().count() / 3).max(2);
    best.filter(|(d, _)| *d <= limit).map(|(_, c)| c)
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_finds_typos_only() {
        let c = ["priya-shah", "dan-okafor", "cabinet"];
        assert_eq!(closest("priya-sha", c), Some("priya-shah"));
        assert_eq!(closest("cabniet", c), Some("cabinet"));
        assert_eq!(closest("zzzzzzzz", c), None);
    }
}
