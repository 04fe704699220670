//! `--format json`: the outcome of `build`, `check` or `publish` as one JSON document, for
//! editors and CI. The format is described in `docs/content-format.md` ("Diagnostics as JSON").
//!
//! Lines and columns count from 1; a column counts characters (Unicode scalar values), not
//! bytes, so `é` is one column. `end_line`/`end_column` are the position just after the
//! underlined text.

use std::path::Path;

use serde::Serialize;

use super::{Diagnostic, Severity, Sources, floor_char_boundary};
use crate::check::upcoming::Upcoming;

/// The whole document.
#[derive(Debug, Serialize)]
pub struct Document<'a> {
    /// `build`, `check` or `publish`.
    pub command: &'a str,
    /// Whether there were no errors (the exit status is 0 exactly when this is true).
    pub ok: bool,
    /// Every error and warning, sorted by file and position, then any errors that are not
    /// about the content (no `code`, no `file`).
    pub diagnostics: Vec<JsonDiagnostic>,
    /// Counts, and what was written.
    pub summary: Summary,
    /// `check` only: what is still to do for the meetings coming up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub upcoming: Option<&'a Upcoming>,
}

/// One diagnostic.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct JsonDiagnostic {
    /// `error` or `warning`.
    pub severity: &'static str,
    /// The stable code (`ref-unknown`); `null` for an error that is not about the content.
    pub code: Option<&'static str>,
    /// What is wrong.
    pub message: String,
    /// How to fix it, often with a suggestion.
    pub help: Option<String>,
    /// The file, relative to the site folder (`content/people/ann-lee.yaml`), if the problem
    /// is in one.
    pub file: Option<String>,
    /// Line of the start of the problem, from 1.
    pub line: Option<usize>,
    /// Column of the start, from 1, in characters.
    pub column: Option<usize>,
    /// Line just after the end of the underlined text.
    pub end_line: Option<usize>,
    /// Column just after the end of the underlined text, from 1, in characters.
    pub end_column: Option<usize>,
    /// The underlined text (empty when the problem is with the file as a whole).
    pub text: Option<String>,
}

/// Counts, and what was written.
#[derive(Debug, Serialize)]
pub struct Summary {
    /// Errors, including those that are not about the content.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// `build` and `publish`: whether the output was left as it was because nothing had
    /// changed since the last build.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub up_to_date: Option<bool>,
    /// What was written; `null` if nothing was (always for `check`).
    pub written: Option<Written>,
    /// `publish` only: how many documents were recorded in the publication record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recorded: Option<usize>,
}

/// What a build wrote.
#[derive(Debug, Serialize)]
pub struct Written {
    /// The output folder, as given.
    pub output: String,
    /// HTML pages.
    pub pages: usize,
    /// PDFs (agenda packs and report PDFs).
    pub pdfs: usize,
    /// PDFs laid out in this build (the rest were reused from the cache).
    pub pdfs_laid_out: usize,
    /// Other files copied.
    pub files: usize,
}

impl Sources {
    /// A diagnostic with its place as lines and columns, and the underlined text.
    pub fn to_json(&self, d: &Diagnostic) -> JsonDiagnostic {
        let severity = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut out = JsonDiagnostic {
            severity,
            code: Some(d.code),
            message: d.message.clone(),
            help: d.help.clone(),
            file: None,
            line: None,
            column: None,
            end_line: None,
            end_column: None,
            text: None,
        };
        if let Some(span) = d.span {
            let f = &self.files[span.file];
            let start = floor_char_boundary(&f.text, span.offset.min(f.text.len()));
            let end = floor_char_boundary(&f.text, (span.offset + span.len).min(f.text.len())).max(start);
            let (line, column) = self.line_col(span.file, start);
            let (end_line, end_column) = self.line_col(span.file, end);
            out.file = Some(format!("content/{}", f.rel));
            out.line = Some(line);
            out.column = Some(column);
            out.end_line = Some(end_line);
            out.end_column = Some(end_column);
            out.text = Some(f.text[start..end].to_string());
        }
        out
    }
}

/// An error that is not about the content (a template, the file system).
fn fatal(message: &str) -> JsonDiagnostic {
    JsonDiagnostic {
        severity: "error",
        code: None,
        message: message.to_string(),
        help: None,
        file: None,
        line: None,
        column: None,
        end_line: None,
        end_column: None,
        text: None,
    }
}

impl<'a> Document<'a> {
    /// The document for a run. `output` is the output folder of `build` and `publish`;
    /// `recorded` the documents `publish` recorded; `upcoming` the summary of `check`.
    pub fn new(
        command: &'a str,
        outcome: &crate::Outcome,
        output: Option<&Path>,
        recorded: Option<usize>,
        upcoming: Option<&'a Upcoming>,
    ) -> Self {
        let mut diagnostics: Vec<JsonDiagnostic> =
            outcome.diagnostics.0.iter().map(|d| outcome.sources.to_json(d)).collect();
        diagnostics.extend(outcome.fatal.iter().map(|m| fatal(m)));
        let errors = outcome.diagnostics.error_count() + outcome.fatal.len();
        let written = match (&outcome.stats, output) {
            (Some(s), Some(dir)) if errors == 0 && !outcome.up_to_date => Some(Written {
                output: dir.display().to_string(),
                pages: s.pages,
                pdfs: s.pdfs,
                pdfs_laid_out: s.pdfs_laid_out,
                files: s.files,
            }),
            _ => None,
        };
        Document {
            command,
            ok: errors == 0,
            diagnostics,
            summary: Summary {
                errors,
                warnings: outcome.diagnostics.warning_count(),
                up_to_date: output.map(|_| outcome.up_to_date && errors == 0),
                written,
                recorded: recorded.filter(|_| errors == 0),
            },
            upcoming,
        }
    }

    /// The document as indented JSON, ending with a newline.
    pub fn to_json_string(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_else(|e| {
            // Serialising these plain types cannot fail; say so rather than print nothing.
            format!("{{\"ok\": false, \"diagnostics\": [], \"error\": \"cannot write JSON: {e}\"}}")
        });
        s.push('\n');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{SourceFile, Span};

    #[test]
    fn columns_count_characters_and_end_after_the_text() {
        let mut sources = Sources::default();
        let text = "name: Café Committee\nchair: fiona-blak\n".to_string();
        let file =
            sources.add(SourceFile { rel: "a.yaml".into(), path: "a.yaml".into(), text, yaml_offset: 0 });
        // "fiona-blak" starts after "name: Café Committee\nchair: " (é is two bytes).
        let offset = "name: Café Committee\nchair: ".len();
        let d = Diagnostic::error("ref-unknown", Some(Span { file, offset, len: 10 }), "there is no person")
            .with_help("did you mean `fiona-blake`?");
        let j = sources.to_json(&d);
        assert_eq!(j.file.as_deref(), Some("content/a.yaml"));
        assert_eq!((j.line, j.column, j.end_line, j.end_column), (Some(2), Some(8), Some(2), Some(18)));
        assert_eq!(j.text.as_deref(), Some("fiona-blak"));
        let cafe = "name: ".len();
        let j = sources.to_json(&Diagnostic::warning("x", Some(Span { file, offset: cafe, len: 5 }), "m"));
        assert_eq!((j.column, j.end_column, j.text.as_deref()), (Some(7), Some(11), Some("Café")));
    }
}
