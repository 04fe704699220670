//! Links and images in Markdown texts, found once when a file is loaded.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::model::{MarkdownLink, ReportSection};

/// Every link and image in a Markdown text, images with their text alternatives.
pub fn markdown_links(text: &str) -> Vec<MarkdownLink> {
    scan(text, false).1
}

/// A report body's `##` sections (with anchors) and its links and images, in one pass of the
/// Markdown parser: bodies are most of an archive's text, and load reads every one.
pub fn report_body(text: &str) -> (Vec<ReportSection>, Vec<MarkdownLink>) {
    scan(text, true)
}

fn scan(text: &str, with_sections: bool) -> (Vec<ReportSection>, Vec<MarkdownLink>) {
    let mut out: Vec<MarkdownLink> = Vec::new();
    let mut sections = Vec::new();
    let mut used = Vec::new();
    let mut heading: Option<String> = None;
    let mut image: Option<usize> = None;
    for (ev, range) in Parser::new_ext(text, crate::render::markdown::options()).into_offset_iter() {
        match ev {
            Event::Start(Tag::Link { dest_url, .. }) => {
                out.push(MarkdownLink { dest: dest_url.to_string(), range, alt: None });
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                image = Some(out.len());
                out.push(MarkdownLink { dest: dest_url.to_string(), range, alt: Some(String::new()) });
            }
            Event::Start(Tag::Heading { level: HeadingLevel::H2, .. }) if with_sections => {
                heading = Some(String::new());
            }
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => {
                if let Some(title) = heading.take() {
                    let title = title.trim().to_string();
                    let anchor =
                        crate::render::markdown::unique_anchor(&mut used, &crate::slugs::slugify(&title));
                    sections.push(ReportSection { anchor, title });
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(alt) = image.and_then(|i| out[i].alt.as_mut()) {
                    alt.push_str(&t);
                }
                if let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            Event::End(TagEnd::Image) => image = None,
            _ => {}
        }
    }
    (sections, out)
}
