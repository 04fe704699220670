//! Plain text from the Markdown that papers are written in, for open data: the words only.
//!
//! Link and image destinations are dropped (only their text is kept), so no file name or
//! internal id reaches the data through a link; raw HTML is kept as text, as pages show it.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// The text of a Markdown fragment: paragraphs separated by a blank line, list items on lines
/// of their own starting "- ", table cells separated by " | ". Empty input gives "".
pub fn plain(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut cells_in_row = 0usize;
    for ev in Parser::new_ext(markdown, crate::render::markdown::options()) {
        match ev {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => out.push_str(&t),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::FootnoteReference(label) => {
                out.push('[');
                out.push_str(&label);
                out.push(']');
            }
            Event::Start(Tag::Item) => {
                end_line(&mut out);
                out.push_str("- ");
            }
            Event::Start(Tag::TableRow | Tag::TableHead) => {
                end_line(&mut out);
                cells_in_row = 0;
            }
            Event::Start(Tag::TableCell) => {
                if cells_in_row > 0 {
                    out.push_str(" | ");
                }
                cells_in_row += 1;
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                end_block(&mut out);
                out.push('[');
                out.push_str(&label);
                out.push_str("] ");
            }
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::List(_)
                | TagEnd::Table,
            )
            | Event::Rule => end_block(&mut out),
            Event::End(TagEnd::Item | TagEnd::TableRow | TagEnd::TableHead) => end_line(&mut out),
            _ => {}
        }
    }
    tidy(&out)
}

/// Plain text, or `None` if there is none.
pub fn plain_opt(markdown: &str) -> Option<String> {
    Some(plain(markdown)).filter(|s| !s.is_empty())
}

fn end_line(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn end_block(out: &mut String) {
    end_line(out);
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
}

/// Trims trailing spaces from lines, keeps at most one blank line between blocks, and trims
/// the whole.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn keeps_words_and_drops_destinations() {
        let md = "To consider the report of the [Head of Legal](@cara-diaz), with\n\
                  [the plan](appendices/secret-file.pdf) and ![a map](map.png).";
        assert_eq!(plain(md), "To consider the report of the Head of Legal, with the plan and a map.");
    }

    #[test]
    fn blocks_lists_and_tables() {
        let md = "# Heading\n\nFirst paragraph.\n\n- one\n- two\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\nLast.";
        assert_eq!(plain(md), "Heading\n\nFirst paragraph.\n\n- one\n- two\n\nA | B\n1 | 2\n\nLast.");
    }

    #[test]
    fn raw_html_is_text_and_empty_is_empty() {
        assert_eq!(plain("a <b>bold</b> move"), "a <b>bold</b> move");
        assert_eq!(plain("   \n\n"), "");
    }
}
