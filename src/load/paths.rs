//! Paths that content files name: relative to the naming file, confined to `content/`.

use std::collections::BTreeMap;

use crate::diagnostics::{Diagnostic, Span, closest};

/// A path problem, to be placed at the span where the path was written.
#[derive(Debug)]
pub struct PathProblem {
    message: String,
    help: String,
}

impl PathProblem {
    /// Places the problem in a file.
    pub fn at(self, span: Span) -> Diagnostic {
        Diagnostic::error("path-outside-content", Some(span), self.message).with_help(self.help)
    }
}

/// Resolves `target`, written in the file `from` (both relative to `content/`), to a normalised
/// path relative to `content/`. Refuses absolute paths, URLs and paths that climb out.
pub fn resolve_relative(from: &str, target: &str) -> Result<String, PathProblem> {
    let target = target.split(['#', '?']).next().unwrap_or("");
    if target.starts_with('/') || target.starts_with('\\') || target.contains(':') {
        return Err(PathProblem {
            message: format!("`{target}` is not a path inside content/"),
            help: "give the file's path relative to this file, for example appendices/site-plan.pdf".into(),
        });
    }
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in target.split(['/', '\\']) {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Err(PathProblem {
                        message: format!("`{target}` leads outside content/"),
                        help:
                            "copy the file into content/ (for example next to this file) and link to it there"
                                .into(),
                    });
                }
            }
            s => parts.push(s),
        }
    }
    Ok(parts.join("/"))
}

/// The error for a path that names no file, suggesting the nearest that exists.
pub fn missing_file(span: Span, rel: &str, assets: &BTreeMap<String, u64>) -> Diagnostic {
    let d = Diagnostic::error("file-missing", Some(span), format!("there is no file content/{rel}"));
    match closest(rel, assets.keys().map(String::as_str)) {
        Some(c) => d.with_help(format!("did you mean content/{c}? Paths are relative to the file they are written in")),
        None => d.with_help("check the file name and that the file has been added; paths are relative to the file they are written in"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_and_confines() {
        let f = "committees/cabinet/2025-06-10/reports/budget.md";
        assert_eq!(
            resolve_relative(f, "appendices/a.pdf").unwrap(),
            "committees/cabinet/2025-06-10/reports/appendices/a.pdf"
        );
        assert_eq!(resolve_relative(f, "../plan.pdf").unwrap(), "committees/cabinet/2025-06-10/plan.pdf");
        assert!(resolve_relative(f, "../../../../../etc/passwd").is_err());
        assert!(resolve_relative(f, "/etc/passwd").is_err());
        assert!(resolve_relative(f, "file:///etc/passwd").is_err());
    }
}
