//! YAML and front matter parsing with located errors.

use serde::de::DeserializeOwned;

use crate::diagnostics::{Diagnostic, Sources, Span};
use crate::model::FileId;

/// Splits `---\n<yaml>\n---\n<body>`; returns (yaml start offset, yaml text, body start offset).
pub fn split_front_matter(text: &str) -> Option<(usize, &str, usize)> {
    let first_len = if text.starts_with("---\n") {
        4
    } else if text.starts_with("---\r\n") {
        5
    } else {
        return None;
    };
    let mut pos = first_len;
    for line in text[first_len..].split_inclusive('\n') {
        if line.trim_end() == "---" {
            let yaml = &text[first_len..pos];
            return Some((first_len, yaml, pos + line.len()));
        }
        pos += line.len();
    }
    None
}

/// Parses a whole YAML file.
pub fn parse<T: DeserializeOwned>(sources: &Sources, file: FileId, text: &str) -> Result<T, Diagnostic> {
    serde_saphyr::from_str::<T>(text).map_err(|e| yaml_error(sources, file, &e))
}

/// Parses a Markdown file with YAML front matter; returns the front matter, the body and the
/// body's byte offset in the file.
pub fn parse_front_matter<'t, T: DeserializeOwned>(
    sources: &Sources,
    file: FileId,
    text: &'t str,
) -> Result<(T, &'t str, usize), Diagnostic> {
    let Some((_, yaml, body_offset)) = split_front_matter(text) else {
        return Err(Diagnostic::error(
            "front-matter-missing",
            Some(Span { file, offset: 0, len: 0 }),
            "this file has no front matter",
        )
        .with_help(
            "start the file with a line `---`, the YAML fields, then another line `---` before the text",
        ));
    };
    let front = serde_saphyr::from_str::<T>(yaml).map_err(|e| yaml_error(sources, file, &e))?;
    Ok((front, &text[body_offset..], body_offset))
}

fn yaml_error(sources: &Sources, file: FileId, e: &serde_saphyr::Error) -> Diagnostic {
    let span = e.location().map_or(Span { file, offset: 0, len: 0 }, |l| sources.span_of(file, &l));
    let raw = e.without_snippet().to_string();
    // serde-saphyr appends " at line N, column M"; we show the place ourselves.
    let message = match raw.rfind(" at line ") {
        Some(i) => raw[..i].to_string(),
        None => raw,
    };
    let (code, help) = classify_yaml_error(&message);
    Diagnostic::error(code, Some(span), message).with_help(help)
}

fn classify_yaml_error(message: &str) -> (&'static str, String) {
    if message.contains("is not a paragraph of Schedule 12A") {
        ("exempt-paragraph-invalid", "exempt information is described by paragraphs 1 to 7".into())
    } else if message.starts_with("unknown field") {
        (
            "unknown-field",
            "remove the field or correct its spelling; the fields this file may have are listed above \
             and in docs/content-format.md"
                .into(),
        )
    } else if message.starts_with("missing field") {
        ("missing-field", "add the field; docs/content-format.md shows an example of each file".into())
    } else if message.contains("date")
        || message.contains("parameter 'day'")
        || message.contains("parameter 'month'")
    {
        ("bad-date", "write dates as yyyy-mm-dd and check that the day exists in that month".into())
    } else if message.contains("time") || message.contains("hour") || message.contains("minute") {
        ("bad-time", "write times on the 24-hour clock in quotes, for example \"18:30\"".into())
    } else if message.contains("unknown variant") {
        ("unknown-value", "use one of the values listed above".into())
    } else {
        (
            "yaml",
            "check the YAML syntax here: indentation with spaces, a colon and space after each field \
             name, and quotes around text that contains a colon"
                .into(),
        )
    }
}
