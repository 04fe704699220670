//! Markdown to HTML for papers: ids and file links resolved, accessible tables, heading anchors.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

use super::urls::Urls;
use crate::link::{Resolver, Target, is_external};
use crate::load::resolve_relative;

/// The Markdown extensions Agendum uses everywhere (load, link and render agree on them).
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
}

/// What a Markdown text needs to turn links into URLs.
pub struct LinkContext<'a> {
    /// Resolves `@id` links.
    pub resolver: &'a Resolver<'a>,
    /// Builds URLs.
    pub urls: &'a Urls,
    /// The file the text is in, relative to `content/` (for relative file links).
    pub file_rel: &'a str,
    /// The files this edition publishes.
    pub files: &'a std::collections::BTreeSet<String>,
}

/// Options for one rendering.
#[derive(Default, Clone, Copy)]
pub struct Render<'p> {
    /// Prefix for generated element ids, so several texts can share a page.
    pub id_prefix: &'p str,
    /// Give `##` headings ids (report sections), matching [`crate::slugs::slugify`].
    pub anchor_h2: bool,
    /// Shift headings so that the highest one in the text becomes this level (appendices inside
    /// a report page, under their own heading); 0 leaves them as written.
    pub top: u8,
    /// Render as inline text (no surrounding paragraph), for purposes and one-line texts.
    pub inline: bool,
}

/// Renders Markdown to HTML. Links were validated by the link stage; one that still does not
/// resolve is rendered as plain text rather than as a broken link.
pub fn to_html(text: &str, ctx: &LinkContext<'_>, opts: Render<'_>) -> String {
    let shift = if opts.top == 0 {
        0
    } else {
        let highest = Parser::new_ext(text, options())
            .filter_map(|e| match e {
                Event::Start(Tag::Heading { level, .. }) => Some(level as u8),
                _ => None,
            })
            .min()
            .unwrap_or(opts.top);
        opts.top.saturating_sub(highest)
    };
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut in_h2: Option<usize> = None;
    let mut used_anchors: Vec<String> = Vec::new();
    let mut dropped_link_depth = 0usize;
    for ev in Parser::new_ext(text, options()) {
        match ev {
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => match rewrite(&dest_url, ctx) {
                Some(url) => {
                    events.push(Event::Start(Tag::Link { link_type, dest_url: url.into(), title, id }))
                }
                None => dropped_link_depth += 1,
            },
            Event::End(TagEnd::Link) if dropped_link_depth > 0 => dropped_link_depth -= 1,
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                let url = rewrite(&dest_url, ctx).unwrap_or_default();
                events.push(Event::Start(Tag::Image { link_type, dest_url: url.into(), title, id }));
            }
            Event::Start(Tag::Heading { level, id, classes, attrs }) => {
                let level = demote(level, shift);
                if level == HeadingLevel::H2 && opts.anchor_h2 && shift == 0 {
                    in_h2 = Some(events.len());
                }
                // Attributes such as {item=6} are for the loader, not the page.
                let _ = attrs;
                events.push(Event::Start(Tag::Heading { level, id, classes, attrs: Vec::new() }));
            }
            Event::End(TagEnd::Heading(level)) => {
                let level = demote(level, shift);
                if let Some(start) = in_h2.take() {
                    let title: String = events[start + 1..]
                        .iter()
                        .filter_map(|e| match e {
                            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                            _ => None,
                        })
                        .collect();
                    let anchor = unique_anchor(&mut used_anchors, &crate::slugs::slugify(title.trim()));
                    if let Event::Start(Tag::Heading { id, .. }) = &mut events[start] {
                        *id = Some(CowStr::from(anchor));
                    }
                }
                events.push(Event::End(TagEnd::Heading(level)));
            }
            Event::Html(h) | Event::InlineHtml(h) => {
                // Raw HTML is not allowed in papers: show it as text so nothing can inject script.
                events.push(Event::Text(h));
            }
            // Footnote ids carry the prefix too, so texts sharing a page cannot clash.
            Event::FootnoteReference(label) if !opts.id_prefix.is_empty() => {
                events.push(Event::FootnoteReference(format!("{}{label}", opts.id_prefix).into()));
            }
            Event::Start(Tag::FootnoteDefinition(label)) if !opts.id_prefix.is_empty() => {
                events
                    .push(Event::Start(Tag::FootnoteDefinition(format!("{}{label}", opts.id_prefix).into())));
            }
            other => events.push(other),
        }
    }
    let mut out = String::with_capacity(text.len() * 3 / 2);
    render_events(&events, &mut out, opts.id_prefix);
    if opts.inline {
        let trimmed = out.trim();
        if let Some(inner) = trimmed.strip_prefix("<p>").and_then(|s| s.strip_suffix("</p>")) {
            if !inner.contains("<p>") {
                return inner.to_string();
            }
        }
    }
    out
}

/// The anchor ids that [`to_html`] gives `##` headings, in order.
pub fn unique_anchor(used: &mut Vec<String>, base: &str) -> String {
    let base = if base.is_empty() { "section" } else { base };
    let mut anchor = base.to_string();
    let mut n = 2;
    while used.contains(&anchor) {
        anchor = format!("{base}-{n}");
        n += 1;
    }
    used.push(anchor.clone());
    anchor
}

fn demote(level: HeadingLevel, by: u8) -> HeadingLevel {
    let n = (level as usize + by as usize).min(6);
    match n {
        1 => HeadingLevel::H1,
        2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

pub(crate) fn rewrite(dest: &str, ctx: &LinkContext<'_>) -> Option<String> {
    if let Some(id) = dest.strip_prefix('@') {
        let target = ctx.resolver.resolve(id).ok()?;
        // An exempt report has no public page: keep the link text, drop the link.
        if let Target::Report(key) = target {
            if ctx.resolver.graph.exempt_reports.contains(&key) {
                return None;
            }
        }
        return Some(ctx.urls.target(ctx.resolver.content, ctx.resolver.graph, target));
    }
    if is_external(dest) {
        return Some(dest.to_string());
    }
    let rel = resolve_relative(ctx.file_rel, dest).ok()?;
    // Only files that public pages link to are copied.
    ctx.files.contains(&rel).then(|| ctx.urls.file(&rel))
}

/// Renders events, giving tables a caption (from a preceding `Table: …` paragraph), header
/// cells with `scope`, and a keyboard-focusable scrolling region.
fn render_events(events: &[Event<'_>], out: &mut String, prefix: &str) {
    let mut i = 0;
    let mut table_no = 0;
    let mut pending: Vec<Event<'_>> = Vec::new();
    while i < events.len() {
        if let Some((caption, len)) = table_caption(&events[i..]) {
            // Skip the caption paragraph; the table follows.
            if matches!(events.get(i + len), Some(Event::Start(Tag::Table(_)))) {
                html::push_html(out, pending.drain(..));
                i += len;
                let end = table_end(events, i);
                table_no += 1;
                push_table(out, &events[i..end], Some(&caption), prefix, table_no);
                i = end;
                continue;
            }
        }
        if matches!(events[i], Event::Start(Tag::Table(_))) {
            html::push_html(out, pending.drain(..));
            let end = table_end(events, i);
            table_no += 1;
            push_table(out, &events[i..end], None, prefix, table_no);
            i = end;
            continue;
        }
        pending.push(events[i].clone());
        i += 1;
    }
    html::push_html(out, pending.into_iter());
}

fn table_end(events: &[Event<'_>], start: usize) -> usize {
    let mut j = start;
    while j < events.len() {
        if matches!(events[j], Event::End(TagEnd::Table)) {
            return j + 1;
        }
        j += 1;
    }
    events.len()
}

/// A paragraph whose text starts "Table:" directly before a table.
pub(crate) fn table_caption(events: &[Event<'_>]) -> Option<(String, usize)> {
    if !matches!(events.first(), Some(Event::Start(Tag::Paragraph))) {
        return None;
    }
    let end = events.iter().position(|e| matches!(e, Event::End(TagEnd::Paragraph)))?;
    let text: String = events[1..end]
        .iter()
        .map(|e| match e {
            Event::Text(t) | Event::Code(t) => t.to_string(),
            Event::SoftBreak | Event::HardBreak => " ".to_string(),
            _ => String::new(),
        })
        .collect();
    let caption = text.strip_prefix("Table:")?.trim().to_string();
    Some((caption, end + 1))
}

fn push_table(out: &mut String, events: &[Event<'_>], caption: Option<&str>, prefix: &str, n: usize) {
    let mut inner = String::new();
    html::push_html(&mut inner, events.iter().cloned());
    let inner = table_cells(&inner);
    let caption_id = format!("{prefix}table-{n}-caption");
    let caption_text = caption.map(html_escape).unwrap_or_else(|| format!("Table {n}"));
    let inner = inner.replacen(
        "<table>",
        &format!("<table>\n<caption id=\"{caption_id}\">{caption_text}</caption>"),
        1,
    );
    out.push_str(&format!(
        "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"{caption_id}\" tabindex=\"0\">\n{inner}</div>\n"
    ));
}

/// Header cells get `scope="col"`, the first cell of each body row becomes a row header, and
/// alignment becomes a class (no inline styles, so a strict content security policy holds).
fn table_cells(html: &str) -> String {
    let html = html
        .replace(" style=\"text-align: right\"", " class=\"num\"")
        .replace(" style=\"text-align: center\"", " class=\"center\"")
        .replace(" style=\"text-align: left\"", "")
        .replace("<th>", "<th scope=\"col\">")
        .replace("<th class=", "<th scope=\"col\" class=");
    let Some(body_at) = html.find("<tbody>") else { return html };
    let (head, body) = html.split_at(body_at);
    let mut out = String::with_capacity(html.len() + 64);
    out.push_str(head);
    for (i, row) in body.split("<tr>").enumerate() {
        if i > 0 {
            out.push_str("<tr>");
        }
        match (i > 0).then(|| row.find("<td")).flatten() {
            Some(start) if row[..start].trim().is_empty() => {
                let close = row.find("</td>").unwrap_or(row.len());
                out.push_str(&row[..start]);
                out.push_str("<th scope=\"row\"");
                out.push_str(&row[start + 3..close]);
                out.push_str("</th>");
                out.push_str(row.get(close + 5..).unwrap_or(""));
            }
            _ => out.push_str(row),
        }
    }
    out
}

/// Escapes text for HTML.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    pulldown_cmark_escape_html(&mut out, s);
    out
}

fn pulldown_cmark_escape_html(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::Graph;
    use crate::model::Content;

    fn render(text: &str, opts: Render<'_>) -> String {
        let content = Content::default();
        let graph = Graph::default();
        let resolver = Resolver { content: &content, graph: &graph };
        let urls = Urls::new("https://example.gov.uk/");
        let files = std::collections::BTreeSet::new();
        let ctx = LinkContext { resolver: &resolver, urls: &urls, file_rel: "a.md", files: &files };
        to_html(text, &ctx, opts)
    }

    #[test]
    fn footnotes_take_the_id_prefix() {
        let html =
            render("Text[^1].\n\n[^1]: Note.\n", Render { id_prefix: "appendix-1-", ..Render::default() });
        assert!(html.contains("href=\"#appendix-1-1\""), "{html}");
        assert!(html.contains("id=\"appendix-1-1\""), "{html}");
    }

    #[test]
    fn tables_get_captions_scopes_and_row_headers() {
        let html =
            render("Table: Spend\n\n| Service | £ |\n|---|---:|\n| Housing | 10 |\n", Render::default());
        assert!(html.contains("<caption id=\"table-1-caption\">Spend</caption>"), "{html}");
        assert!(html.contains("<th scope=\"col\" class=\"num\">£</th>"), "{html}");
        assert!(html.contains("<th scope=\"row\">Housing</th><td class=\"num\">10</td>"), "{html}");
        assert!(html.contains("role=\"region\"") && html.contains("tabindex=\"0\""));
    }

    #[test]
    fn appendix_headings_start_at_the_level_given() {
        let html = render("## Detail\n\n### More\n", Render { top: 4, ..Render::default() });
        assert!(html.contains("<h4>Detail</h4>") && html.contains("<h5>More</h5>"), "{html}");
    }
}
