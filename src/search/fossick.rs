//! Reading a built page for the index: the text of its `<main data-pagefind-body>`, with each
//! word's position and weight, its headings and other elements with an `id` (Pagefind's
//! anchors, for sub-results), and its `data-pagefind-meta` and `data-pagefind-filter` values.
//!
//! This follows Pagefind 1.6's own reader (`fossick/parser.rs` and `fossick/mod.rs`) rule for
//! rule, so that the index is the one Pagefind would make of the same page, but in one pass
//! over the page's bytes, without building a document tree. It reads what Agendum writes:
//! well-formed HTML whose elements are closed explicitly. Elements Pagefind leaves out (`nav`,
//! `form`, `script`, `svg`, …, and anything marked `data-pagefind-ignore`) are left out; block
//! elements end a sentence; headings weigh more (`h1` 7 down to `h6` 2) and so does anything
//! with `data-pagefind-weight`.

use std::collections::BTreeMap;

use super::words::{Analyzer, Indexable};

/// A word at a place on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    /// The stemmed word.
    pub word: u32,
    /// Its form with diacritics, or [`super::words::NONE`].
    pub original: u32,
    /// Its position: the number of words before it.
    pub position: u32,
    /// Its weight: 24 for normal text.
    pub weight: u8,
}

/// An element with an `id`, which a result can link into.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Anchor {
    /// Its tag (`h2`).
    pub element: String,
    /// Its `id`.
    pub id: String,
    /// Its own text (and that of inline elements inside it).
    pub text: String,
    /// Its `data-pagefind-title`, if it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The position of the first word after it.
    pub location: u32,
}

/// What the index holds of one page.
#[derive(Debug, Default)]
pub struct Page {
    /// The page's text, words separated by single spaces.
    pub content: String,
    /// Its number of words.
    pub word_count: usize,
    /// Every word, in order of position (a compound token's parts share its position).
    pub postings: Vec<Posting>,
    /// Its anchors, in document order.
    pub anchors: Vec<Anchor>,
    /// `data-pagefind-meta` values (the title: from the first `h1` if none is given).
    pub meta: BTreeMap<String, String>,
    /// `data-pagefind-filter` values, in document order.
    pub filters: BTreeMap<String, Vec<String>>,
}

/// Elements that end a sentence: a space before and after, and a full stop unless the text
/// already ends in punctuation.
const BLOCKS: &[&str] =
    &["h1", "h2", "h3", "h4", "h5", "h6", "p", "td", "div", "ul", "li", "article", "section"];
/// Elements whose text counts as their parent's anchor text.
const INLINE: &[&str] = &[
    "a", "abbr", "acronym", "b", "bdo", "big", "br", "button", "cite", "code", "dfn", "em", "i", "img",
    "input", "kbd", "label", "map", "object", "output", "q", "samp", "script", "select", "small", "span",
    "strong", "sub", "sup", "textarea", "time", "tt", "var",
];
/// Elements left out of the index.
const REMOVE: &[&str] =
    &["head", "style", "script", "noscript", "label", "form", "svg", "footer", "nav", "iframe", "template"];
/// Elements that have no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
    "wbr",
];

/// Text weights are multiples of this (Pagefind's `weight_multiplier`).
const WEIGHT_UNIT: f32 = 24.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Indexing,
    Ignored,
    Excluded,
}

struct Open {
    tag: String,
    status: Status,
    block: bool,
    weighted: bool,
    /// Anchors this element's text counts towards.
    anchors: Vec<usize>,
    meta: Vec<String>,
    filters: Vec<String>,
    default_meta: Vec<String>,
    /// The element's indexed text so far, kept only when a bare `data-pagefind-meta="key"`
    /// needs it, or for the first `h1`.
    capture: Option<String>,
}

/// Reads a page. Returns `None` if it has no `data-pagefind-body` (Pagefind indexes only the
/// pages that have one when any page does).
pub fn read(html: &str, analyzer: &mut Analyzer) -> Option<Page> {
    let mut r = Reader {
        analyzer,
        page: Page {
            content: String::with_capacity(html.len() / 2),
            postings: Vec::with_capacity(html.len() / 8),
            ..Page::default()
        },
        stack: Vec::new(),
        suppressed: 0,
        excluded: 0,
        captures: 0,
        weights: vec![WEIGHT_UNIT as u8],
        token: String::new(),
        last_raw: ' ',
        words: 0,
        anchor_text: Vec::new(),
        auto_title: None,
        default_meta: BTreeMap::new(),
        auto_image: None,
    };
    r.run(html)?;
    Some(r.finish())
}

struct Reader<'a> {
    analyzer: &'a mut Analyzer,
    page: Page,
    stack: Vec<Open>,
    /// Open elements that are ignored or excluded.
    suppressed: usize,
    /// Open elements that are excluded.
    excluded: usize,
    /// Open elements that keep their text.
    captures: usize,
    weights: Vec<u8>,
    token: String,
    /// The last character of the text as written (entities not decoded), or a space after an
    /// element boundary: what decides whether a block gets a full stop.
    last_raw: char,
    words: u32,
    anchor_text: Vec<String>,
    auto_title: Option<String>,
    default_meta: BTreeMap<String, String>,
    auto_image: Option<(String, String)>,
}

/// Where the `<main data-pagefind-body>` start tag begins.
fn find_body(html: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(k) = html[from..].find("data-pagefind-body") {
        let at = from + k;
        let open = html[..at].rfind('<')?;
        if !html[open..at].contains('>') {
            return Some(open);
        }
        from = at + 1;
    }
    None
}

struct Tag<'h> {
    name: String,
    attrs: Vec<(&'h str, String)>,
    self_closing: bool,
}

impl Tag<'_> {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// Parses a start tag at `html[i..]` (just after `<`); returns it and the index after `>`.
fn start_tag(html: &str, i: usize) -> Option<(Tag<'_>, usize)> {
    let b = html.as_bytes();
    let mut j = i;
    while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' && b[j] != b'/' {
        j += 1;
    }
    let name = html[i..j].to_ascii_lowercase();
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        match b.get(j)? {
            b'>' => return Some((Tag { name, attrs, self_closing }, j + 1)),
            b'/' => {
                self_closing = true;
                j += 1;
                continue;
            }
            _ => {}
        }
        self_closing = false;
        let start = j;
        while j < b.len() && !b[j].is_ascii_whitespace() && !matches!(b[j], b'=' | b'>' | b'/') {
            j += 1;
        }
        let attr = &html[start..j];
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        let mut value = String::new();
        if b.get(j) == Some(&b'=') {
            j += 1;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            match b.get(j)? {
                q @ (b'"' | b'\'') => {
                    let end = j + 1 + html[j + 1..].find(*q as char)?;
                    value = html_escape::decode_html_entities(&html[j + 1..end]).into_owned();
                    j = end + 1;
                }
                _ => {
                    let s = j;
                    while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                        j += 1;
                    }
                    value = html_escape::decode_html_entities(&html[s..j]).into_owned();
                }
            }
        }
        if !attr.is_empty() {
            attrs.push((attr, value));
        }
    }
}

/// Pagefind's `parse_attr_string`: `key:value` stays whole (the value may hold commas and
/// colons); otherwise a comma-separated list of bare keys.
fn attr_list(input: &str) -> Vec<String> {
    if let Some((keys, literal)) = input.split_once(':') {
        let mut list = attr_list(keys);
        if let Some(last) = list.last_mut() {
            last.push(':');
            last.push_str(literal);
        }
        return list;
    }
    input.split(',').map(|c| c.trim().to_string()).collect()
}

/// Pagefind's `normalize_content`: entities decoded, ends trimmed, newlines made spaces, runs
/// of spaces made one.
pub fn normalize(text: &str) -> String {
    let decoded = html_escape::decode_html_entities(text);
    // A run of newlines, `\n` or `\r\n`, becomes a space, then so does any run of two or more
    // whitespace characters; a single tab or no-break space stays as it is.
    let lines = decoded.trim_matches(char::is_whitespace).replace("\r\n", "\n");
    let mut out = String::with_capacity(lines.len());
    let mut run = String::new();
    for c in lines.chars() {
        if c.is_whitespace() {
            run.push(c);
            continue;
        }
        match run.chars().count() {
            0 => {}
            1 if !run.starts_with('\n') => out.push_str(&run),
            _ => out.push(' '),
        }
        run.clear();
        out.push(c);
    }
    out
}

fn sentence_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '\'' | '"' | ')' | '$' | '*')
}

impl Reader<'_> {
    fn run(&mut self, html: &str) -> Option<()> {
        let body = find_body(html)?;
        let (tag, mut i) = start_tag(html, body + 1)?;
        self.stack.push(Self::element(&tag, Status::Indexing));
        let b = html.as_bytes();
        while i < b.len() {
            let Some(lt) = html[i..].find('<').map(|k| i + k) else {
                self.text(&html[i..]);
                break;
            };
            if lt > i {
                self.text(&html[i..lt]);
            }
            i = lt;
            match b.get(i + 1) {
                Some(b'!') => {
                    i = if html[i..].starts_with("<!--") {
                        html[i + 4..].find("-->").map_or(b.len(), |k| i + 4 + k + 3)
                    } else {
                        html[i..].find('>').map_or(b.len(), |k| i + k + 1)
                    };
                }
                Some(b'?') => i = html[i..].find('>').map_or(b.len(), |k| i + k + 1),
                Some(b'/') => {
                    let end = html[i..].find('>').map_or(b.len(), |k| i + k);
                    let name = html[i + 2..end].trim().to_ascii_lowercase();
                    i = (end + 1).min(b.len());
                    if let Some(at) = self.stack.iter().rposition(|o| o.tag == name) {
                        while self.stack.len() > at {
                            self.close();
                        }
                        if self.stack.is_empty() {
                            return Some(());
                        }
                    }
                }
                Some(c) if c.is_ascii_alphabetic() => {
                    let Some((tag, next)) = start_tag(html, i + 1) else {
                        // A tag cut off at the end of the page is dropped, as Pagefind drops it.
                        break;
                    };
                    i = next;
                    if matches!(tag.name.as_str(), "script" | "style") {
                        // Raw text: skip to its end tag.
                        let close = format!("</{}", tag.name);
                        let rest = html[i..].to_ascii_lowercase();
                        i = rest.find(&close).map_or(b.len(), |k| i + k);
                        continue;
                    }
                    self.start(&tag);
                }
                _ => {
                    self.text("<");
                    i += 1;
                }
            }
        }
        // Elements never closed end with the page, without a full stop, metadata or filters
        // (Pagefind folds them into their parents the same way).
        self.stack.clear();
        Some(())
    }

    fn parent_status(&self) -> Status {
        self.stack.last().map_or(Status::Indexing, |o| o.status)
    }

    /// The open element a start tag makes (its weight is set by [`Reader::start`]).
    fn element(tag: &Tag<'_>, status: Status) -> Open {
        let split = |name: &str| tag.attr(name).map(attr_list).unwrap_or_default();
        Open {
            tag: tag.name.clone(),
            status,
            block: BLOCKS.contains(&tag.name.as_str()),
            weighted: false,
            anchors: Vec::new(),
            meta: split("data-pagefind-meta"),
            filters: split("data-pagefind-filter"),
            default_meta: split("data-pagefind-default-meta"),
            capture: None,
        }
    }

    fn start(&mut self, tag: &Tag<'_>) {
        let own = match tag.attr("data-pagefind-ignore").map(str::to_ascii_lowercase).as_deref() {
            None if REMOVE.contains(&tag.name.as_str()) => Status::Ignored,
            None => Status::Indexing,
            Some("" | "index" | "true") => Status::Ignored,
            Some(_) => Status::Excluded,
        };
        let status = if self.parent_status() == Status::Excluded { Status::Excluded } else { own };
        let quiet = self.suppressed > 0;
        let mut anchor = None;
        if status == Status::Indexing && !quiet {
            if let Some(id) = tag.attr("id") {
                let id: String = id.chars().filter(|c| !c.is_whitespace()).collect();
                self.flush();
                let title = tag.attr("data-pagefind-title").map(normalize).filter(|t| !t.is_empty());
                self.page.anchors.push(Anchor {
                    element: tag.name.clone(),
                    id,
                    text: String::new(),
                    title,
                    location: self.words,
                });
                self.anchor_text.push(String::new());
                self.last_raw = ' ';
                anchor = Some(self.page.anchors.len() - 1);
            }
        }
        if status != Status::Excluded && !quiet && tag.name == "br" {
            self.flush();
            self.last_raw = ' ';
        }
        let void = VOID.contains(&tag.name.as_str()) || tag.self_closing;
        let mut open = Self::element(tag, status);
        if let Some(parent) = self.stack.last()
            && INLINE.contains(&tag.name.as_str())
        {
            open.anchors = parent.anchors.clone();
        }
        open.anchors.extend(anchor);
        if void {
            if status == Status::Excluded {
                return;
            }
            self.element_values(&open, "");
            if tag.name == "img"
                && self.auto_image.is_none()
                && (self.auto_title.is_some() || self.page.meta.contains_key("title"))
                && let Some(src) = tag.attr("src")
            {
                self.auto_image = Some((normalize(src), tag.attr("alt").map(normalize).unwrap_or_default()));
            }
            return;
        }
        let suppressing = status != Status::Indexing;
        if suppressing {
            self.suppressed += 1;
        }
        if status == Status::Excluded {
            self.excluded += 1;
        }
        let bare = |list: &[String]| list.iter().any(|v| !v.contains(':'));
        if bare(&open.meta)
            || bare(&open.filters)
            || bare(&open.default_meta)
            || (tag.name == "h1" && self.auto_title.is_none())
        {
            open.capture = Some(String::new());
            self.captures += 1;
        }
        if !quiet && !suppressing {
            if let Some(w) = tag.attr("data-pagefind-weight") {
                let w = w.trim().parse::<f32>().unwrap_or(1.0);
                let w = if w <= 0.0 { 0 } else { ((w.clamp(0.0, 10.0) * WEIGHT_UNIT) as u8).max(1) };
                self.flush();
                self.weights.push(w);
                open.weighted = true;
            } else if let Some(level) = heading(&tag.name) {
                self.flush();
                let w = if self.weights.len() == 1 {
                    (level.clamp(0.0, 10.0) * WEIGHT_UNIT) as u8
                } else {
                    self.weights.last().copied().unwrap_or_default()
                };
                self.weights.push(w);
                open.weighted = true;
            }
            if open.block {
                self.flush();
                self.last_raw = ' ';
            }
        }
        self.stack.push(open);
    }

    /// The `data-pagefind-meta` and `-filter` values an element gives, at its end.
    fn element_values(&mut self, open: &Open, content: &str) {
        let pair = |item: &str| -> Option<(String, String)> {
            match item.split_once(':') {
                Some((k, v)) => Some((k.to_string(), normalize(v))),
                None if !content.is_empty() => Some((item.to_string(), normalize(content))),
                None => None,
            }
        };
        for f in &open.filters {
            if let Some((k, v)) = pair(f) {
                self.page.filters.entry(k).or_default().push(v);
            }
        }
        for m in &open.meta {
            if let Some((k, v)) = pair(m) {
                self.page.meta.insert(k, v);
            }
        }
        for m in &open.default_meta {
            if let Some((k, v)) = pair(m) {
                self.default_meta.insert(k, v);
            }
        }
    }

    fn close(&mut self) {
        let Some(open) = self.stack.pop() else { return };
        if open.capture.is_some() {
            self.captures -= 1;
        }
        if open.status != Status::Indexing {
            self.suppressed -= 1;
        }
        if open.status == Status::Excluded {
            self.excluded -= 1;
            return;
        }
        let content = open.capture.clone().unwrap_or_default();
        self.element_values(&open, &content);
        if open.tag == "h1" && self.auto_title.is_none() && !content.trim().is_empty() {
            self.auto_title = Some(normalize(&content));
        }
        if open.status != Status::Indexing || self.suppressed > 0 {
            return;
        }
        if open.block {
            if sentence_char(self.last_raw) {
                self.token.push('.');
                self.last_raw = '.';
            }
            self.flush();
            self.last_raw = ' ';
        }
        if open.weighted {
            self.flush();
            self.weights.pop();
            self.last_raw = ' ';
        }
    }

    fn text(&mut self, raw: &str) {
        if raw.is_empty() || self.excluded > 0 {
            return;
        }
        if self.captures > 0 {
            for c in self.stack.iter_mut().filter_map(|o| o.capture.as_mut()) {
                c.push_str(raw);
            }
        }
        if self.suppressed > 0 {
            return;
        }
        if let Some(open) = self.stack.last() {
            for &a in &open.anchors {
                self.anchor_text[a].push_str(raw);
            }
        }
        if let Some(c) = raw.chars().next_back() {
            self.last_raw = c;
        }
        let decoded = html_escape::decode_html_entities(raw);
        for c in decoded.chars() {
            if c.is_whitespace() {
                self.flush();
            } else if c != '\u{200B}' {
                self.token.push(c);
            }
        }
    }

    /// Ends the current token: adds it to the text and indexes it.
    fn flush(&mut self) {
        if self.token.is_empty() {
            return;
        }
        if !self.page.content.is_empty() {
            self.page.content.push(' ');
        }
        self.page.content.push_str(&self.token);
        let weight = self.weights.last().copied().unwrap_or(1);
        let position = self.words;
        let list: &[Indexable] = self.analyzer.token(&self.token);
        let parts = list.iter().filter(|w| w.compound).count();
        let partial = if parts > 0 && weight > 0 { (weight / parts.min(255) as u8).max(1) } else { 0 };
        for w in list {
            self.page.postings.push(Posting {
                word: w.word,
                original: w.original,
                position,
                weight: if w.compound { partial } else { weight },
            });
        }
        self.words += 1;
        self.token.clear();
    }

    fn finish(mut self) -> Page {
        self.flush();
        for (anchor, text) in self.page.anchors.iter_mut().zip(&self.anchor_text) {
            // Twice, as Pagefind does (it normalises the anchor's text when it is collected).
            anchor.text = normalize(&normalize(text));
        }
        if let Some((src, alt)) = self.auto_image.take()
            && !self.page.meta.contains_key("image")
        {
            self.page.meta.insert("image".into(), src);
            self.page.meta.insert("image_alt".into(), alt);
        }
        if let Some(title) = self.auto_title.take() {
            self.page.meta.entry("title".into()).or_insert(title);
        }
        let mut meta = std::mem::take(&mut self.default_meta);
        meta.extend(std::mem::take(&mut self.page.meta));
        self.page.meta = meta;
        self.page.word_count = self.words.max(1) as usize;
        self.page
    }
}

fn heading(tag: &str) -> Option<f32> {
    match tag {
        "h1" => Some(7.0),
        "h2" => Some(6.0),
        "h3" => Some(5.0),
        "h4" => Some(4.0),
        "h5" => Some(3.0),
        "h6" => Some(2.0),
        _ => None,
    }
}
