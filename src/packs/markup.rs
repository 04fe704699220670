//! Markdown to Typst markup, for print: headings, paragraphs, lists, block quotes, code, tables
//! with captions and repeating header rows, footnotes, images and links.
//!
//! Every piece of text is written as a Typst string literal (`#"…"`), so nothing a paper says
//! can be read by Typst as markup or code.

use std::fmt::Write as _;

use pulldown_cmark::{Alignment, Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::link::is_external;
use crate::load::resolve_relative;
use crate::render::markdown::{LinkContext, options, rewrite, table_caption};

/// The content files a pack embeds (images, attached PDFs), in the order first used.
#[derive(Debug, Default)]
pub struct Embeds {
    /// Paths inside `content/`.
    pub files: Vec<String>,
    /// Files that could not be read while the document was generated (the build fails).
    pub unreadable: Vec<String>,
}

impl Embeds {
    /// The virtual name Typst sees for a content file.
    pub fn add(&mut self, rel: &str) -> String {
        let i = match self.files.iter().position(|f| f == rel) {
            Some(i) => i,
            None => {
                self.files.push(rel.to_string());
                self.files.len() - 1
            }
        };
        virtual_name(i, rel)
    }
}

/// The virtual path under which the `i`th embedded file of a pack is visible to Typst:
/// `/f/3.pdf`. Names are reused by every pack, so the engine's global file table stays small
/// however large the archive.
pub fn virtual_name(i: usize, real: &str) -> String {
    let ext = real.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    format!("/f/{i}.{ext}")
}

/// A Typst string literal holding `s`.
pub fn lit(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text as Typst markup: `#"…"`.
pub fn text(s: &str) -> String {
    if s.is_empty() { String::new() } else { format!("#{}", lit(s)) }
}

/// Converts Markdown to Typst markup. Headings are shifted so that the highest one in the text
/// becomes level `top`. With `inline`, a single paragraph comes out without a paragraph break.
pub fn to_typst(md: &str, ctx: &LinkContext<'_>, embeds: &mut Embeds, top: u8, inline: bool) -> String {
    let events: Vec<Event<'_>> = Parser::new_ext(md, options()).collect();
    let highest = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(*level as u8),
            _ => None,
        })
        .min()
        .unwrap_or(top.max(1));
    let shift = i16::from(top.max(1)) - i16::from(highest);
    // Footnote definitions are set where they are referenced.
    let mut notes: Vec<(String, std::ops::Range<usize>)> = Vec::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::FootnoteDefinition(label)) = &events[i] {
            let start = i + 1;
            let mut depth = 1;
            let mut j = start;
            while j < events.len() {
                match &events[j] {
                    Event::Start(Tag::FootnoteDefinition(_)) => depth += 1,
                    Event::End(TagEnd::FootnoteDefinition) => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            notes.push((label.to_string(), start..j));
            i = j + 1;
        } else {
            i += 1;
        }
    }
    let mut w = Writer { ctx, embeds, shift, events: &events, notes: &notes, out: String::new() };
    w.run(0..events.len());
    let out = w.out;
    if inline { out.trim_end().to_string() } else { out }
}

struct Writer<'a, 'e> {
    ctx: &'a LinkContext<'a>,
    embeds: &'a mut Embeds,
    shift: i16,
    events: &'a [Event<'e>],
    notes: &'a [(String, std::ops::Range<usize>)],
    out: String,
}

impl Writer<'_, '_> {
    fn run(&mut self, range: std::ops::Range<usize>) {
        let mut i = range.start;
        let mut dropped_links = Vec::new();
        let mut table: Option<TableState> = None;
        let mut in_head = false;
        while i < range.end {
            // A "Table: …" paragraph directly before a table is its caption.
            if let Some((caption, len)) = table_caption(&self.events[i..range.end]) {
                if matches!(self.events.get(i + len), Some(Event::Start(Tag::Table(_)))) {
                    table = Some(TableState { caption: Some(caption), ..TableState::default() });
                    i += len;
                    continue;
                }
            }
            let ev = &self.events[i];
            i += 1;
            match ev {
                Event::Start(tag) => match tag {
                    Tag::Paragraph => {}
                    Tag::Heading { level, .. } => {
                        let level = (i16::from(heading_number(*level)) + self.shift).clamp(1, 6);
                        let _ = write!(self.out, "\n#heading(level: {level})[");
                    }
                    Tag::BlockQuote(_) => self.out.push_str("\n#quote(block: true)["),
                    Tag::CodeBlock(_) => {
                        let mut code = String::new();
                        while i < range.end {
                            match &self.events[i] {
                                Event::Text(t) => code.push_str(t),
                                Event::End(TagEnd::CodeBlock) => break,
                                _ => {}
                            }
                            i += 1;
                        }
                        i += 1;
                        let _ = writeln!(self.out, "\n#raw(block: true, {})\n", lit(code.trim_end()));
                    }
                    Tag::List(None) => self.out.push_str("\n#list("),
                    Tag::List(Some(start)) => {
                        let _ = write!(self.out, "\n#enum(start: {start}, ");
                    }
                    Tag::Item => self.out.push('['),
                    Tag::FootnoteDefinition(_) => {
                        // Set at the reference; skip the definition here.
                        let mut depth = 1;
                        while i < range.end && depth > 0 {
                            match &self.events[i] {
                                Event::Start(Tag::FootnoteDefinition(_)) => depth += 1,
                                Event::End(TagEnd::FootnoteDefinition) => depth -= 1,
                                _ => {}
                            }
                            i += 1;
                        }
                    }
                    Tag::Table(aligns) => {
                        let mut t = table.take().unwrap_or_default();
                        t.columns = aligns.len();
                        let cols: Vec<&str> = aligns
                            .iter()
                            .map(|a| match a {
                                Alignment::Right => "right",
                                Alignment::Center => "center",
                                _ => "left",
                            })
                            .collect();
                        let caption = match &t.caption {
                            Some(c) => format!("caption: [{}], ", text(c)),
                            None => String::new(),
                        };
                        let size = if t.columns > 8 {
                            "7pt"
                        } else if t.columns > 5 {
                            "8.5pt"
                        } else {
                            "10pt"
                        };
                        let _ = write!(
                            self.out,
                            "\n#figure(kind: table, {caption}supplement: [Table])[#set text(size: {size})\n#table(columns: {}, align: ({},), ",
                            t.columns,
                            cols.join(", ")
                        );
                        table = Some(t);
                    }
                    Tag::TableHead => {
                        in_head = true;
                        self.out.push_str("table.header(");
                    }
                    Tag::TableRow => {}
                    Tag::TableCell if in_head => self.out.push_str("[#strong["),
                    Tag::TableCell => self.out.push('['),
                    Tag::Emphasis => self.out.push_str("#emph["),
                    Tag::Strong => self.out.push_str("#strong["),
                    Tag::Strikethrough => self.out.push_str("#strike["),
                    Tag::Link { dest_url, .. } => match rewrite(dest_url, self.ctx) {
                        Some(url) => {
                            let _ = write!(self.out, "#link({})[", lit(&self.absolute(&url)));
                            dropped_links.push(false);
                        }
                        None => dropped_links.push(true),
                    },
                    Tag::Image { dest_url, .. } => {
                        let mut alt = String::new();
                        while i < range.end {
                            match &self.events[i] {
                                Event::Text(t) | Event::Code(t) => alt.push_str(t),
                                Event::End(TagEnd::Image) => break,
                                _ => {}
                            }
                            i += 1;
                        }
                        i += 1;
                        self.image(dest_url, &alt);
                    }
                    _ => {}
                },
                Event::End(tag) => match tag {
                    TagEnd::Paragraph => self.out.push_str("\n\n"),
                    TagEnd::Heading(_) => self.out.push_str("]\n"),
                    TagEnd::BlockQuote(_) => self.out.push_str("]\n"),
                    TagEnd::List(_) => self.out.push_str(")\n"),
                    TagEnd::Item => {
                        let trimmed = self.out.trim_end().len();
                        self.out.truncate(trimmed);
                        self.out.push_str("], ");
                    }
                    TagEnd::Table => {
                        self.out.push_str(")]\n");
                        table = None;
                    }
                    TagEnd::TableHead => {
                        in_head = false;
                        self.out.push_str("), ");
                    }
                    TagEnd::TableCell if in_head => self.out.push_str("]], "),
                    TagEnd::TableCell => self.out.push_str("], "),
                    TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => self.out.push(']'),
                    TagEnd::Link if dropped_links.pop() == Some(false) => self.out.push(']'),
                    _ => {}
                },
                Event::Text(t) => self.out.push_str(&text(t)),
                Event::Code(t) => {
                    let _ = write!(self.out, "#raw({})", lit(t));
                }
                // Raw HTML is shown as text, as on the web page.
                Event::Html(t) | Event::InlineHtml(t) => self.out.push_str(&text(t)),
                Event::SoftBreak => self.out.push(' '),
                Event::HardBreak => self.out.push_str("#linebreak()"),
                Event::Rule => self.out.push_str("\n#line(length: 100%, stroke: 0.5pt)\n"),
                Event::FootnoteReference(label) => {
                    let note = self.notes.iter().find(|(l, _)| l.as_str() == label.as_ref()).cloned();
                    match note {
                        Some((_, r)) => {
                            self.out.push_str("#footnote[");
                            let before = self.out.len();
                            self.run(r);
                            let trimmed = before + self.out[before..].trim_end().len();
                            self.out.truncate(trimmed);
                            self.out.push(']');
                        }
                        None => self.out.push_str(&text(&format!("[{label}]"))),
                    }
                }
                Event::TaskListMarker(done) => self.out.push_str(if *done { "☑ " } else { "☐ " }),
                _ => {}
            }
        }
        let _ = table;
    }

    fn absolute(&self, url: &str) -> String {
        if url.starts_with('/') { self.ctx.urls.absolute(url) } else { url.to_string() }
    }

    fn image(&mut self, dest: &str, alt: &str) {
        let local = (!is_external(dest) && !dest.starts_with('@'))
            .then(|| resolve_relative(self.ctx.file_rel, dest).ok())
            .flatten()
            .filter(|rel| self.ctx.files.contains(rel))
            .filter(|rel| {
                let lower = rel.to_ascii_lowercase();
                [".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"].iter().any(|e| lower.ends_with(e))
            });
        match local {
            Some(rel) => {
                let name = self.embeds.add(&rel);
                let _ = write!(
                    self.out,
                    "#box(image({}, alt: {}, width: auto))",
                    lit(&name),
                    lit(if alt.is_empty() { "Image" } else { alt })
                );
            }
            None => {
                self.out.push_str(&text(&format!("[Image: {alt}]")));
            }
        }
    }
}

#[derive(Default)]
struct TableState {
    caption: Option<String>,
    columns: usize,
}

fn heading_number(level: HeadingLevel) -> u8 {
    level as u8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::{Graph, Resolver};
    use crate::model::Content;
    use crate::render::urls::Urls;

    fn convert(md: &str, top: u8) -> String {
        let content = Content::default();
        let graph = Graph::default();
        let resolver = Resolver { content: &content, graph: &graph };
        let urls = Urls::new("https://example.gov.uk/");
        let files = std::collections::BTreeSet::new();
        let ctx = LinkContext { resolver: &resolver, urls: &urls, file_rel: "a.md", files: &files };
        to_typst(md, &ctx, &mut Embeds::default(), top, false)
    }

    #[test]
    fn text_cannot_become_markup() {
        let t = convert("A #set page(width: 1pt) and \"quotes\" and \\ and [x](y) // no", 2);
        assert!(t.contains("#\"A #set page(width: 1pt) and "), "{t}");
        assert!(!t.contains("#set page"[..1].repeat(2).as_str()));
    }

    #[test]
    fn headings_tables_lists_and_footnotes() {
        let t = convert(
            "## Background\n\nSee note[^1].\n\n[^1]: The note.\n\nTable: Spend\n\n| Service | £ |\n|---|---:|\n| Housing | 10 |\n\n1. One\n2. Two\n",
            2,
        );
        assert!(t.contains("#heading(level: 2)[#\"Background\"]"), "{t}");
        assert!(t.contains("#footnote[#\"The note.\"]"), "{t}");
        assert!(t.contains("caption: [#\"Spend\"], "), "{t}");
        assert!(t.contains("table.header([#strong[#\"Service\"]], [#strong[#\"£\"]], )"), "{t}");
        assert!(t.contains("align: (left, right,)"), "{t}");
        assert!(t.contains("#enum(start: 1, [#\"One\"], [#\"Two\"], )"), "{t}");
    }
}
