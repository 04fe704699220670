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
    let text =
        sources.files.get(file).and_then(|f| f.text.get(span.offset..span.offset + span.len)).unwrap_or("");
    let plain = explain(&message, text.trim());
    Diagnostic::error(plain.code, Some(span), plain.message).with_help(plain.help)
}

/// A YAML or field error in plain English.
struct Plain {
    code: &'static str,
    message: String,
    help: String,
}

fn plain(code: &'static str, message: impl Into<String>, help: impl Into<String>) -> Plain {
    Plain { code, message: message.into(), help: help.into() }
}

/// The names after "expected" in a serde message (`expected one of a, b, c`, `expected `a` or
/// `b``), without backticks.
fn expected_names(message: &str) -> Vec<String> {
    let Some(i) = message.find("expected ") else { return Vec::new() };
    let list = message[i + "expected ".len()..].trim_start_matches("one of ");
    list.split(", ")
        .flat_map(|part| part.split(" or "))
        .map(|n| n.trim().trim_matches('`').to_string())
        .filter(|n| !n.is_empty())
        .collect()
}

/// The name between the first pair of backticks.
fn quoted(message: &str) -> &str {
    message.split('`').nth(1).unwrap_or("")
}

/// "`2025-02-30`", or "this value" if the place has no text.
fn shown(text: &str) -> String {
    if text.is_empty() { "this value".to_string() } else { format!("`{text}`") }
}

/// Turns a message from the YAML reader (serde-saphyr, serde, jiff) into one a clerk can act
/// on, with its stable code. `text` is the text at the place of the error, if any.
fn explain(message: &str, text: &str) -> Plain {
    use crate::diagnostics::closest;
    const SYNTAX: &str = "check the YAML here: indentation with spaces, a colon and a space after each field \
                          name, and quotes around text that contains a colon followed by a space or starts \
                          with [ or {";
    if message.contains("is not a paragraph of Schedule 12A") {
        return plain(
            "exempt-paragraph-invalid",
            message,
            "exempt information is described by paragraphs 1 to 7 of Schedule 12A",
        );
    }
    if message.starts_with("duplicate mapping key") {
        let key = message.trim_start_matches("duplicate mapping key:").split(',').next().unwrap_or("").trim();
        return plain(
            "yaml",
            format!("the field `{key}` is given twice"),
            "keep one of them; a list item's fields are indented under its `- `, so check the indentation too",
        );
    }
    if message.starts_with("unknown field") {
        let field = quoted(message);
        let allowed = expected_names(message);
        let list = if allowed.is_empty() {
            "this part of the file has no fields".to_string()
        } else {
            format!("the fields here are: {}", allowed.join(", "))
        };
        let help = match closest(field, allowed.iter().map(String::as_str)) {
            Some(c) => format!("did you mean `{c}`? {list}"),
            None => format!("remove the field or correct its spelling; {list}"),
        };
        return plain("unknown-field", format!("unknown field `{field}`"), help);
    }
    if message.starts_with("missing field") {
        let field = quoted(message);
        return plain(
            "missing-field",
            format!("missing field `{field}`, which is required here"),
            format!("add `{field}:`; docs/content-format.md lists the fields of each file, with an example"),
        );
    }
    if message.starts_with("unknown variant") {
        let value = quoted(message);
        let allowed = expected_names(message);
        let list = format!("the values allowed here are: {}", allowed.join(", "));
        let help = match closest(value, allowed.iter().map(String::as_str)) {
            Some(c) => format!("did you mean `{c}`? {list}"),
            None => list,
        };
        return plain("unknown-value", format!("`{value}` is not one of the values allowed here"), help);
    }
    let date_part = ["year", "month", "day"].iter().any(|p| message.contains(&format!("as {p}")))
        || message.contains("parameter 'day'")
        || message.contains("parameter 'month'")
        || message.contains("date");
    if date_part {
        let why = if message.contains("parameter 'day'") {
            match message.rsplit_once("1..=") {
                Some((_, n)) => format!(": that month has {} days", n.trim_end_matches('`').trim()),
                None => ": that month does not have that day".to_string(),
            }
        } else if message.contains("parameter 'month'") {
            ": months are numbered 01 to 12".to_string()
        } else {
            ", or is not written yyyy-mm-dd".to_string()
        };
        return plain(
            "bad-date",
            format!("{} is not a date that exists{why}", shown(text)),
            "write dates as yyyy-mm-dd, for example 2026-01-20, and check that the day exists in that month",
        );
    }
    if message.contains("time") || message.contains("hour") || message.contains("minute") {
        return plain(
            "bad-time",
            format!("{} is not a time on the 24-hour clock", shown(text)),
            "write times on the 24-hour clock in quotes, for example \"18:30\" for 6.30 pm",
        );
    }
    let number = [
        "invalid u8",
        "invalid u16",
        "invalid u32",
        "invalid u64",
        "invalid usize",
        "invalid i32",
        "invalid i64",
    ];
    if number.iter().any(|n| message.starts_with(n)) {
        return plain(
            "yaml",
            format!("{} is not a whole number", shown(text)),
            "write the number in digits, for example 2",
        );
    }
    if message.starts_with("invalid boolean") {
        return plain("yaml", format!("{} is not true or false", shown(text)), "write true or false");
    }
    if message.starts_with("expected sequence") {
        return plain(
            "yaml",
            "a list is expected here",
            "write the list in square brackets, [first, second], or one entry a line, each starting with `- `",
        );
    }
    if message.starts_with("expected mapping") || message.contains("expected struct") {
        return plain("yaml", "fields are expected here, each written `name: value`", SYNTAX);
    }
    if message.contains("expected string scalar") || message.contains("expected scalar") {
        return plain(
            "yaml",
            "expected a single value here, such as text or a number",
            format!(
                "a value that starts with [ or {{ is a list or a group of fields and must be closed with ] or }}; \
                     put text that starts with one of them in quotes. Otherwise, {SYNTAX}"
            ),
        );
    }
    if message.starts_with("mapping values are not allowed") {
        return plain(
            "yaml",
            "a colon followed by a space cannot appear here",
            "if it is part of the text, put the whole text in quotes, for example name: \"Council Chamber: Town Hall\"; \
             otherwise check the indentation: a field inside another is indented by two more spaces",
        );
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "something else"));
        let words = |s: &str| -> String {
            let s = s.trim();
            if s.contains("sequence") {
                "a list".into()
            } else if s.contains("map") || s.starts_with("struct") {
                "fields (`name: value`)".into()
            } else if s.starts_with("string") || s == "a string" {
                "text".into()
            } else if s.contains("integer")
                || s.starts_with('u') && s[1..].chars().all(|c| c.is_ascii_digit())
            {
                "a whole number".into()
            } else if s.contains("boolean") {
                "true or false".into()
            } else {
                s.to_string()
            }
        };
        return plain(
            "yaml",
            format!("found {} where {} is expected", words(found), words(expected)),
            SYNTAX,
        );
    }
    if message.contains("expected scalar or mapping") {
        return plain(
            "yaml",
            "expected a single value here",
            "use one of the values listed in docs/content-format.md",
        );
    }
    plain("yaml", message, SYNTAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_plain_english() {
        let p = explain("unknown field `wrd`, expected one of kind, name, title, party, ward", "wrd");
        assert_eq!((p.code, p.message.as_str()), ("unknown-field", "unknown field `wrd`"));
        assert!(p.help.starts_with("did you mean `ward`? the fields here are: kind, name"), "{}", p.help);
        let p =
            explain("unknown variant `hled`, expected one of scheduled, held, cancelled, postponed", "hled");
        assert_eq!(p.code, "unknown-value");
        assert!(p.help.starts_with("did you mean `held`?"), "{}", p.help);
        let p = explain(
            "parsed date is not valid: parameter 'day' for `2025-02` is invalid, must be in range `1..=28`",
            "2025-02-30",
        );
        assert_eq!(
            (p.code, p.message.as_str()),
            ("bad-date", "`2025-02-30` is not a date that exists: that month has 28 days")
        );
        let p = explain(
            "failed to parse four digit integer as year: invalid digit, expected 0-9 but got ",
            "2 June 2025",
        );
        assert_eq!(p.code, "bad-date");
        let p = explain("failed to parse two digit integer as hour: invalid digit", "6.30pm");
        assert_eq!((p.code, p.message.as_str()), ("bad-time", "`6.30pm` is not a time on the 24-hour clock"));
        assert_eq!(explain("invalid u32", "two").message, "`two` is not a whole number");
        assert_eq!(
            explain("duplicate mapping key: title, set DuplicateKeyPolicy in Options", "").message,
            "the field `title` is given twice"
        );
        for m in [
            "invalid u8",
            "invalid boolean",
            "expected sequence start",
            "expected string scalar",
            "mapping values are not allowed in this context",
        ] {
            let p = explain(m, "x");
            assert!(
                !p.message.contains("u8") && !p.message.contains("scalar") && !p.message.contains("mapping"),
                "{m}: {}",
                p.message
            );
        }
    }
}
