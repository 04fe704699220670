//! Links and images in Markdown texts, found once when a file is loaded.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::model::MarkdownLink;

/// Every link and image in a Markdown text, images with their text alternatives.
pub fn markdown_links(text: &str) -> Vec<MarkdownLink> {
    let mut out: Vec<MarkdownLink> = Vec::new();
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
            Event::Text(t) | Event::Code(t) => {
                if let Some(alt) = image.and_then(|i| out[i].alt.as_mut()) {
                    alt.push_str(&t);
                }
            }
            Event::End(TagEnd::Image) => image = None,
            _ => {}
        }
    }
    out
}
