//! Accessibility problems the build can find by itself: attached PDFs with no text layer (a
//! scan, which a screen reader cannot read) and images in papers with no alternative text. Each
//! is a warning from `agendum check`, and the accessibility statement lists them.

use super::at;
use crate::diagnostics::{Diagnostic, Diagnostics, Span};
use crate::load::{Loaded, resolve_relative};

/// What is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// A PDF whose pages have no text.
    PdfWithoutText,
    /// An image with empty alternative text.
    ImageWithoutAlt,
}

/// One problem found, with where it is.
#[derive(Debug, Clone)]
pub struct Finding {
    /// What is wrong.
    pub problem: Problem,
    /// The document's title as readers see it (the attachment's title, or the paper holding the
    /// image).
    pub title: String,
    /// The file at fault inside `content/` (the PDF, or the image's source).
    pub file: String,
    /// The meeting and, for a report, the report it belongs to.
    pub meeting: usize,
    /// See `meeting`.
    pub report: Option<usize>,
    /// Where to point the warning.
    pub span: Option<Span>,
}

/// Every problem in the content.
pub fn findings(loaded: &Loaded) -> Vec<Finding> {
    let mut out = Vec::new();
    let rel = |file: usize| loaded.sources.files[file].rel.clone();
    for (mi, m) in loaded.content.meetings.iter().enumerate() {
        for item in &m.data.agenda {
            for doc in &item.documents {
                let Ok(path) = resolve_relative(&rel(m.file), &doc.file.value) else { continue };
                if pdf_without_text(loaded, &path) {
                    out.push(Finding {
                        problem: Problem::PdfWithoutText,
                        title: doc.title.clone(),
                        file: path,
                        meeting: mi,
                        report: None,
                        span: at(loaded, m.file, &doc.file.referenced),
                    });
                }
            }
        }
        for (ri, r) in m.reports.iter().enumerate() {
            for (a, appendix) in r.front.appendices.iter().zip(&r.appendices) {
                if pdf_without_text(loaded, &appendix.path) {
                    out.push(Finding {
                        problem: Problem::PdfWithoutText,
                        title: a.title.clone(),
                        file: appendix.path.clone(),
                        meeting: mi,
                        report: Some(ri),
                        span: at(loaded, r.file, &a.file.referenced),
                    });
                }
                if let Some(md) = &appendix.markdown {
                    images_without_alt_in(
                        &md.links,
                        md.file,
                        0,
                        &rel(md.file),
                        &a.title,
                        mi,
                        Some(ri),
                        &mut out,
                    );
                }
            }
            images_without_alt_in(
                &r.links,
                r.file,
                r.body_offset,
                &rel(r.file),
                &r.front.title,
                mi,
                Some(ri),
                &mut out,
            );
        }
        if let Some(min) = &m.minutes {
            images_without_alt(
                &min.body,
                min.file,
                min.body_offset,
                &rel(min.file),
                "Minutes",
                mi,
                None,
                &mut out,
            );
        }
    }
    out
}

/// `pdf-no-text` and `image-no-alt` warnings.
pub fn check(loaded: &Loaded, d: &mut Diagnostics) {
    for f in findings(loaded) {
        d.push(match f.problem {
            Problem::PdfWithoutText => Diagnostic::warning(
                "pdf-no-text",
                f.span,
                format!("{} has no text that a screen reader can read: it looks like a scan", f.file),
            )
            .with_help(
                "publish a PDF made from the original document (File > Save as PDF) rather than a scan, or run \
                 it through text recognition (OCR); until then the accessibility statement lists it",
            ),
            Problem::ImageWithoutAlt => Diagnostic::warning(
                "image-no-alt",
                f.span,
                format!("the image {} has no alternative text", f.file),
            )
            .with_help(
                "describe what the image shows between the brackets: ![Site location plan showing the \
                 application site outlined in red](plan.png); the accessibility statement lists images without it",
            ),
        });
    }
}

fn pdf_without_text(loaded: &Loaded, rel: &str) -> bool {
    if !rel.to_ascii_lowercase().ends_with(".pdf") {
        return false;
    }
    // The check and the render both ask (of the same files): each PDF is read once a build.
    if let Some(known) = loaded.pdfs_without_text.lock().ok().and_then(|m| m.get(rel).copied()) {
        return known;
    }
    let without = std::fs::read(loaded.content_dir.join(rel))
        .ok()
        .and_then(|bytes| crate::packs::pdf_text_layer(&bytes))
        .is_some_and(|has_text| !has_text);
    if let Ok(mut m) = loaded.pdfs_without_text.lock() {
        m.insert(rel.to_string(), without);
    }
    without
}

#[allow(clippy::too_many_arguments)]
fn images_without_alt(
    md: &str,
    file: usize,
    base: usize,
    file_rel: &str,
    title: &str,
    meeting: usize,
    report: Option<usize>,
    out: &mut Vec<Finding>,
) {
    // Every Markdown image, inline or by reference, starts with `![`; most texts have none, and
    // then need not be parsed.
    if !md.contains("![") {
        return;
    }
    let links = crate::load::markdown_links(md);
    images_without_alt_in(&links, file, base, file_rel, title, meeting, report, out);
}

/// Images with an empty text alternative among a text's links (see [`crate::load::markdown_links`]).
#[allow(clippy::too_many_arguments)]
fn images_without_alt_in(
    links: &[crate::model::MarkdownLink],
    file: usize,
    base: usize,
    file_rel: &str,
    title: &str,
    meeting: usize,
    report: Option<usize>,
    out: &mut Vec<Finding>,
) {
    for link in links {
        if link.alt.as_deref().is_some_and(|alt| alt.trim().is_empty()) {
            out.push(Finding {
                problem: Problem::ImageWithoutAlt,
                title: title.to_string(),
                file: resolve_relative(file_rel, &link.dest).unwrap_or_else(|_| link.dest.clone()),
                meeting,
                report,
                span: Some(Span { file, offset: base + link.range.start, len: link.range.len() }),
            });
        }
    }
}
