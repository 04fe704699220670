//! Recovers the structure of minutes from ordinary Markdown.
//!
//! A minute is a level-2 heading that starts with its number: `## 45. Budget monitoring`,
//! optionally naming its agenda item: `## 45. Budget monitoring {item=6}`. Resolutions follow a
//! paragraph that starts with `RESOLVED` (then a dash or colon): either the rest of that paragraph
//! is the single resolution, or the following list items or `(a)`-labelled paragraphs are.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::diagnostics::{Diagnostic, Diagnostics, Span};
use crate::model::{FileId, Minute, MinuteBlock, Resolution};

/// A top-level block of the body.
struct Block {
    range: Range<usize>,
    kind: BlockKind,
}

enum BlockKind {
    Heading2 {
        text: String,
        item_attr: Option<String>,
        exempt_attr: Option<String>,
    },
    Paragraph,
    /// A list, with the source range of each item's content.
    List(Vec<Range<usize>>),
    Other,
}

fn blocks(body: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut depth = 0usize;
    let mut heading_text: Option<String> = None;
    let mut list_items: Vec<Range<usize>> = Vec::new();
    let mut item_start: Option<usize> = None;
    let mut in_item_content = false;
    for (ev, range) in Parser::new_ext(body, crate::render::markdown::options()).into_offset_iter() {
        match &ev {
            Event::Start(tag) => {
                if depth == 0 {
                    let kind = match tag {
                        Tag::Heading { level: HeadingLevel::H2, attrs, .. } => {
                            heading_text = Some(String::new());
                            let item_attr = attrs
                                .iter()
                                .find(|(k, _)| k.as_ref() == "item")
                                .map(|(_, v)| v.as_ref().map_or(String::new(), |v| v.to_string()));
                            let exempt_attr = attrs
                                .iter()
                                .find(|(k, _)| k.as_ref() == "exempt")
                                .map(|(_, v)| v.as_ref().map_or(String::new(), |v| v.to_string()));
                            BlockKind::Heading2 { text: String::new(), item_attr, exempt_attr }
                        }
                        Tag::Paragraph => BlockKind::Paragraph,
                        Tag::List(_) => {
                            list_items.clear();
                            BlockKind::List(Vec::new())
                        }
                        _ => BlockKind::Other,
                    };
                    out.push(Block { range: range.clone(), kind });
                } else if depth == 1 && matches!(tag, Tag::Item) {
                    item_start = None;
                    in_item_content = true;
                } else if depth == 2 && in_item_content && item_start.is_none() {
                    item_start = Some(range.start);
                }
                depth += 1;
            }
            Event::End(end) => {
                depth = depth.saturating_sub(1);
                if depth == 1 && matches!(end, TagEnd::Item) {
                    let start = item_start.unwrap_or(range.end);
                    let text_end = start + body[start..range.end].trim_end().len();
                    list_items.push(start..text_end);
                    in_item_content = false;
                }
                if depth == 0 {
                    if let Some(last) = out.last_mut() {
                        match (&mut last.kind, end) {
                            (BlockKind::Heading2 { text, .. }, TagEnd::Heading(_)) => {
                                *text = heading_text.take().unwrap_or_default();
                            }
                            (BlockKind::List(items), TagEnd::List(_)) => {
                                *items = std::mem::take(&mut list_items);
                            }
                            _ => {}
                        }
                    }
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if depth == 2 && in_item_content && item_start.is_none() {
                    item_start = Some(range.start);
                }
                if let Some(h) = heading_text.as_mut() {
                    h.push_str(t);
                }
            }
            _ => {
                if depth == 0 {
                    out.push(Block { range: range.clone(), kind: BlockKind::Other });
                } else if depth == 2 && in_item_content && item_start.is_none() {
                    item_start = Some(range.start);
                }
            }
        }
    }
    out
}

/// Splits "45. Title" into (45, "Title").
fn heading_number(text: &str) -> Option<(u32, String)> {
    let t = text.trim();
    let t = t.strip_prefix("Minute ").unwrap_or(t);
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return None;
    }
    let n = digits.parse().ok()?;
    let rest = t[digits.len()..].trim_start_matches(['.', ':', ' ', '\u{2013}', '-', '\u{2014}']);
    Some((n, rest.trim().to_string()))
}

/// If `text` starts with a label like "(a)", "(ii)" or "a)", returns it and the bytes it used.
fn label(text: &str) -> Option<(String, usize)> {
    let t = text.trim_start();
    let lead = text.len() - t.len();
    let (inner, used) = if let Some(rest) = t.strip_prefix('(') {
        let close = rest.find(')')?;
        (&rest[..close], close + 2)
    } else {
        let close = t.find(')')?;
        (&t[..close], close + 1)
    };
    let ok = !inner.is_empty()
        && inner.len() <= 4
        && inner.chars().all(|c| c.is_ascii_alphanumeric())
        && (inner.chars().all(|c| c.is_ascii_lowercase()) || inner.chars().all(|c| c.is_ascii_digit()));
    if !ok {
        return None;
    }
    let after = &t[used..];
    let ws = after.len() - after.trim_start().len();
    Some((inner.to_string(), lead + used + ws))
}

/// Where a `RESOLVED` paragraph's own resolution text starts, if it starts with RESOLVED.
fn resolved_rest(para: &str) -> Option<usize> {
    let rest = para.strip_prefix("RESOLVED")?;
    let trimmed = rest.trim_start_matches([' ', '\u{2013}', '-', '\u{2014}', ':', '\n', '\t']);
    Some(para.len() - trimmed.len())
}

/// Parses a minutes body into its minutes.
pub fn parse_body(
    file: FileId,
    body: &str,
    body_offset: usize,
) -> (Option<Range<usize>>, Vec<Minute>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let mut minutes: Vec<Minute> = Vec::new();
    let mut preamble: Option<Range<usize>> = None;
    // Whether we are inside a resolutions group (after `RESOLVED –` with nothing after it, or
    // after labelled resolutions).
    let mut resolving = false;
    let span = |r: &Range<usize>| Span { file, offset: body_offset + r.start, len: r.end - r.start };

    for block in blocks(body) {
        let range = block.range.clone();
        match block.kind {
            BlockKind::Heading2 { text, item_attr, exempt_attr } => {
                resolving = false;
                let Some((number, title)) = heading_number(&text) else {
                    diags.push(
                        Diagnostic::error(
                            "minute-number-missing",
                            Some(span(&range)),
                            format!("the minute heading `{}` does not start with a minute number", text.trim()),
                        )
                        .with_help("start each minute heading with its number, for example `## 45. Apologies for absence {item=1}`"),
                    );
                    continue;
                };
                let item = match item_attr {
                    None => None,
                    Some(v) => match v.trim().parse::<u32>() {
                        Ok(n) => Some(n),
                        Err(_) => {
                            diags.push(
                                Diagnostic::error(
                                    "minute-item",
                                    Some(span(&range)),
                                    format!("`{{item={v}}}` does not name an agenda item number"),
                                )
                                .with_help("write the agenda item's number, for example {item=6}"),
                            );
                            None
                        }
                    },
                };
                let exempt = match exempt_attr {
                    None => None,
                    Some(v) => match v.trim().parse::<u8>().ok().map(crate::model::ExemptParagraph) {
                        Some(p) if p.meaning().is_some() => Some(p),
                        _ => {
                            diags.push(
                                Diagnostic::error(
                                    "exempt-paragraph-invalid",
                                    Some(span(&range)),
                                    format!("`{{exempt={v}}}` is not a paragraph of Schedule 12A Part 1"),
                                )
                                .with_help("exempt information is described by paragraphs 1 to 7, for example {exempt=3}"),
                            );
                            None
                        }
                    },
                };
                minutes.push(Minute { number, title, item, exempt, heading: range, blocks: Vec::new() });
            }
            kind => {
                let Some(minute) = minutes.last_mut() else {
                    let start = preamble.as_ref().map_or(range.start, |p| p.start);
                    preamble = Some(start..range.end);
                    continue;
                };
                let text = &body[range.clone()];
                let mut new_resolutions: Vec<(Option<String>, Range<usize>)> = Vec::new();
                let mut is_resolution = false;
                match kind {
                    BlockKind::Paragraph => {
                        if let Some(rest) = resolved_rest(text) {
                            is_resolution = true;
                            resolving = true;
                            let start = range.start + rest;
                            if start < range.end {
                                let (l, used) =
                                    label(&body[start..range.end]).map_or((None, 0), |(l, u)| (Some(l), u));
                                new_resolutions.push((l, start + used..range.end));
                            }
                            // A fresh RESOLVED starts a fresh group.
                            minute.blocks.push(MinuteBlock::Resolved(Vec::new()));
                        } else if resolving {
                            if let Some((l, used)) = label(text) {
                                is_resolution = true;
                                new_resolutions.push((Some(l), range.start + used..range.end));
                            }
                        }
                    }
                    BlockKind::List(items) if resolving => {
                        is_resolution = true;
                        for item in items {
                            let (l, used) =
                                label(&body[item.clone()]).map_or((None, 0), |(l, u)| (Some(l), u));
                            new_resolutions.push((l, item.start + used..item.end));
                        }
                    }
                    _ => {}
                }
                if is_resolution {
                    if !matches!(minute.blocks.last(), Some(MinuteBlock::Resolved(_))) {
                        minute.blocks.push(MinuteBlock::Resolved(Vec::new()));
                    }
                    let taken: Vec<String> = minute.resolutions().map(|r| r.label.clone()).collect();
                    if let Some(MinuteBlock::Resolved(list)) = minute.blocks.last_mut() {
                        for (l, text_range) in new_resolutions {
                            let text_range = text_range.start
                                ..text_range.start + body[text_range.clone()].trim_end().len();
                            // Unlabelled resolutions are lettered on through the minute.
                            let label = l.unwrap_or_else(|| letter(taken.len() + list.len()));
                            if taken.contains(&label) || list.iter().any(|r| r.label == label) {
                                diags.push(
                                    Diagnostic::error(
                                        "resolution-duplicate",
                                        Some(span(&text_range)),
                                        format!("minute {} already has a resolution ({label})", minute.number),
                                    )
                                    .with_help("letter the resolutions of a minute (a), (b), (c) … without repeating a letter"),
                                );
                            }
                            list.push(Resolution { label, text: text_range });
                        }
                    }
                } else {
                    resolving = false;
                    match minute.blocks.last_mut() {
                        Some(MinuteBlock::Text(r)) => r.end = range.end,
                        _ => minute.blocks.push(MinuteBlock::Text(range)),
                    }
                }
            }
        }
    }
    // A `RESOLVED –` with nothing after it.
    for m in &mut minutes {
        let empty = m.blocks.iter().any(|b| matches!(b, MinuteBlock::Resolved(r) if r.is_empty()));
        if empty {
            diags.push(
                Diagnostic::error(
                    "resolution-empty",
                    Some(span(&m.heading)),
                    format!("minute {} has `RESOLVED` with no resolution after it", m.number),
                )
                .with_help(
                    "write the resolution after `RESOLVED –`, or list them as paragraphs starting (a), (b) …",
                ),
            );
            m.blocks.retain(|b| !matches!(b, MinuteBlock::Resolved(r) if r.is_empty()));
        }
    }
    (preamble, minutes, diags)
}

fn letter(i: usize) -> String {
    let letters = "abcdefghijklmnopqrstuvwxyz";
    if i < 26 {
        letters[i..=i].to_string()
    } else {
        format!("{}{}", &letters[i / 26 - 1..i / 26], &letters[i % 26..=i % 26])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(m: &Minute) -> Vec<String> {
        m.resolutions().map(|r| r.label.clone()).collect()
    }

    #[test]
    fn recovers_minutes_and_resolutions() {
        let body = "## 12. Apologies for absence {item=1}\n\nApologies were received.\n\n\
                    ## 13. Minutes {item=3}\n\nRESOLVED – That the minutes be approved.\n\n\
                    ## 14. Budget\n\nMembers asked about reserves.\n\nRESOLVED –\n\n\
                    (a) That the report be noted.\n\n(b) That a further report come back.\n\n\
                    The Chair thanked officers.\n\n## 15. Transport\n\nRESOLVED:\n\n- That X.\n- That Y.\n";
        let (pre, ms, d) = parse_body(0, body, 0);
        assert!(pre.is_none());
        assert!(d.0.is_empty(), "{d:?}");
        assert_eq!(ms.iter().map(|m| m.number).collect::<Vec<_>>(), vec![12, 13, 14, 15]);
        assert_eq!(ms[0].item, Some(1));
        assert_eq!(ms[0].title, "Apologies for absence");
        assert_eq!(labels(&ms[0]), Vec::<String>::new());
        assert_eq!(labels(&ms[1]), vec!["a"]);
        assert_eq!(&body[ms[1].resolutions().next().unwrap().text.clone()], "That the minutes be approved.");
        assert_eq!(labels(&ms[2]), vec!["a", "b"]);
        assert_eq!(
            &body[ms[2].resolutions().nth(1).unwrap().text.clone()],
            "That a further report come back."
        );
        assert!(matches!(ms[2].blocks.last(), Some(MinuteBlock::Text(_))));
        assert_eq!(labels(&ms[3]), vec!["a", "b"]);
        assert_eq!(&body[ms[3].resolutions().nth(1).unwrap().text.clone()], "That Y.");
    }

    #[test]
    fn unlabelled_resolutions_letter_on_through_the_minute() {
        let body =
            "## 7. Budget\n\nRESOLVED – That A.\n\nDebate resumed.\n\nRESOLVED –\n\n- That B.\n- That C.\n";
        let (_, ms, d) = parse_body(0, body, 0);
        assert!(d.0.is_empty(), "{d:?}");
        assert_eq!(labels(&ms[0]), vec!["a", "b", "c"]);
    }

    #[test]
    fn reports_headings_without_numbers_and_duplicate_labels() {
        let body = "## Apologies\n\ntext\n\n## 3. Item\n\nRESOLVED –\n\n(a) One.\n\n(a) Two.\n";
        let (_, ms, d) = parse_body(0, body, 0);
        assert_eq!(ms.len(), 1);
        let codes: Vec<_> = d.0.iter().map(|d| d.code).collect();
        assert_eq!(codes, vec!["minute-number-missing", "resolution-duplicate"]);
    }
}
