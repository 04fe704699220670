//! `sitemap.xml` and `robots.txt`.
//!
//! The sitemap lists every HTML page written (except `404.html`) and every PDF (agenda packs,
//! supplementary packs, report PDFs) by absolute URL, with `<lastmod>` where the content gives
//! a date. Past [`MAX_URLS`] URLs it becomes a sitemap index naming `sitemaps/sitemap-1.xml`,
//! `sitemaps/sitemap-2.xml`, … The members' edition has no sitemap, and its robots.txt turns
//! every crawler away.

use std::collections::{BTreeMap, HashMap};

use jiff::civil::Date;

use super::{Export, Files};

/// The most URLs one sitemap file may list (the sitemaps protocol's limit).
pub const MAX_URLS: usize = 50_000;

/// A URL to list, with the date its content last changed, if known.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Entry {
    /// Absolute URL.
    pub loc: String,
    /// Last change.
    pub lastmod: Option<Date>,
}

/// Adds `robots.txt` and, in the public edition, the sitemap.
pub(super) fn write_all(ex: &Export<'_>, out: &mut Files<'_>) {
    if !ex.public() {
        out.add("robots.txt", robots(None).into_bytes());
        return;
    }
    let sitemap_url = ex.abs(&ex.urls.path("sitemap.xml")).0;
    out.add("robots.txt", robots(Some(&sitemap_url)).into_bytes());
    let base = ex.urls.path("");
    for (rel, xml) in files(&entries(ex), MAX_URLS, |name| ex.abs(&format!("{base}{name}")).0) {
        out.add(rel, xml.into_bytes());
    }
}

/// `robots.txt`: allow everything and name the sitemap, or (no sitemap) disallow everything.
pub fn robots(sitemap: Option<&str>) -> String {
    match sitemap {
        Some(url) => format!("User-agent: *\nAllow: /\n\nSitemap: {url}\n"),
        None => "User-agent: *\nDisallow: /\n".to_string(),
    }
}

/// Every page and PDF of the edition, sorted by URL.
fn entries(ex: &Export<'_>) -> Vec<Entry> {
    let dates = lastmods(ex);
    let mut out: BTreeMap<String, Option<Date>> = BTreeMap::new();
    for url in ex.ctx.page_urls {
        if ex.urls.output_path(url) == "404.html" {
            continue;
        }
        out.insert(ex.abs(url).0, dates.get(url.as_str()).copied());
    }
    let packs = ex.ctx.packs;
    let meeting_pdfs = packs.meetings.values().flat_map(|p| p.main.iter().chain(p.supplementary.iter()));
    for f in meeting_pdfs.chain(packs.reports.values()) {
        out.insert(ex.abs(&f.url).0, dates.get(f.url.as_str()).copied());
    }
    out.into_iter().map(|(loc, lastmod)| Entry { loc, lastmod }).collect()
}

/// The dates the content gives for pages and PDFs, by root-relative URL: what pages show as
/// "Page last updated", and the date each PDF carries.
fn lastmods(ex: &Export<'_>) -> HashMap<String, Date> {
    let content = ex.content;
    let urls = ex.urls;
    let mut out = HashMap::new();
    for (mi, m) in content.meetings.iter().enumerate() {
        let updated = meeting_updated(ex, mi);
        out.insert(urls.meeting(&m.committee, m.date), updated);
        for item in &m.data.agenda {
            out.insert(urls.item(&m.committee, m.date, item.number.value), updated);
        }
        // A pack is dated by the agenda's publication (a supplementary pack by nothing known).
        if let Some(f) = ex.ctx.packs.meetings.get(&mi).and_then(|p| p.main.as_ref()) {
            out.insert(f.url.clone(), m.data.agenda_published.as_ref().map_or(m.date, |p| p.value));
        }
        if m.minutes.is_some() {
            out.insert(urls.minutes(&m.committee, m.date), minutes_updated(ex, mi));
        }
        for (ri, r) in m.reports.iter().enumerate() {
            out.insert(urls.report(&m.committee, m.date, &r.slug), r.front.date.value);
            if let Some(f) = ex.ctx.packs.reports.get(&(mi, ri)) {
                let agenda_published = m.data.agenda_published.as_ref().map(|p| p.value);
                out.insert(f.url.clone(), crate::access::report_published(agenda_published, &r.front));
            }
        }
    }
    for p in &content.forward_plan {
        let updated = p.data.history.iter().map(|h| h.date.value).chain([p.data.first_published.value]).max();
        if let Some(d) = updated {
            out.insert(urls.plan_entry(&p.slug), d);
        }
    }
    for d in &ex.graph.records.decisions {
        out.insert(urls.decision(&d.id), d.published.unwrap_or(d.date));
    }
    out
}

/// The date a meeting's page last changed: `updated`, or the latest of the agenda's publication
/// (or the meeting date), its reports' dates and the approval of its minutes.
fn meeting_updated(ex: &Export<'_>, mi: usize) -> Date {
    let m = &ex.content.meetings[mi];
    if let Some(u) = m.data.updated {
        return u;
    }
    let mut d = m.data.agenda_published.as_ref().map_or(m.date, |p| p.value);
    for r in &m.reports {
        d = d.max(r.front.date.value);
    }
    if m.minutes.is_some() {
        d = d.max(minutes_updated(ex, mi));
    }
    d
}

/// The date minutes last changed: the meeting that approved them, or the meeting's own date.
fn minutes_updated(ex: &Export<'_>, mi: usize) -> Date {
    let m = &ex.content.meetings[mi];
    m.minutes
        .as_ref()
        .and_then(|min| min.front.approved_at.as_ref())
        .and_then(|a| ex.graph.meeting(&a.value))
        .map_or(m.date, |a| ex.content.meetings[a].date)
}

/// The sitemap files for a list of URLs: one `sitemap.xml` if they fit in `limit`, otherwise
/// `sitemaps/sitemap-<n>.xml` files of at most `limit` URLs each and a `sitemap.xml` index
/// naming them (by `absolute`, given the path of each below the site root).
pub fn files(entries: &[Entry], limit: usize, absolute: impl Fn(&str) -> String) -> Vec<(String, String)> {
    let limit = limit.max(1);
    if entries.len() <= limit {
        return vec![("sitemap.xml".to_string(), urlset(entries))];
    }
    let mut out = Vec::new();
    let mut index = Vec::new();
    for (n, chunk) in entries.chunks(limit).enumerate() {
        let rel = format!("sitemaps/sitemap-{}.xml", n + 1);
        index.push(Entry { loc: absolute(&rel), lastmod: chunk.iter().filter_map(|e| e.lastmod).max() });
        out.push((rel, urlset(chunk)));
    }
    out.push(("sitemap.xml".to_string(), sitemap_index(&index)));
    out
}

const HEADER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
const NAMESPACE: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

/// A `<urlset>`.
fn urlset(entries: &[Entry]) -> String {
    list("urlset", "url", entries)
}

/// A `<sitemapindex>`.
fn sitemap_index(entries: &[Entry]) -> String {
    list("sitemapindex", "sitemap", entries)
}

fn list(root: &str, element: &str, entries: &[Entry]) -> String {
    let mut s = String::with_capacity(64 + entries.len() * 120);
    s.push_str(HEADER);
    s.push_str(&format!("<{root} xmlns=\"{NAMESPACE}\">\n"));
    for e in entries {
        s.push_str(&format!("  <{element}>\n    <loc>{}</loc>\n", escape(&e.loc)));
        if let Some(d) = e.lastmod {
            s.push_str(&format!("    <lastmod>{d}</lastmod>\n"));
        }
        s.push_str(&format!("  </{element}>\n"));
    }
    s.push_str(&format!("</{root}>\n"));
    s
}

/// Escapes text for XML character data and attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(n: usize) -> Entry {
        Entry {
            loc: format!("https://example.gov.uk/p/{n}/"),
            lastmod: jiff::civil::Date::new(2026, 1, n as i8).ok(),
        }
    }

    #[test]
    fn one_file_while_the_urls_fit() {
        let entries: Vec<Entry> = (1..=3).map(entry).collect();
        let out = files(&entries, 3, |p| format!("https://example.gov.uk/{p}"));
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].0, "sitemap.xml");
        assert!(out[0].1.contains("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"));
        assert_eq!(out[0].1.matches("<url>").count(), 3);
        assert!(out[0].1.contains("<lastmod>2026-01-03</lastmod>"));
    }

    #[test]
    fn an_index_past_the_limit() {
        let entries: Vec<Entry> = (1..=5).map(entry).collect();
        let out = files(&entries, 2, |p| format!("https://example.gov.uk/{p}"));
        let names: Vec<&str> = out.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            ["sitemaps/sitemap-1.xml", "sitemaps/sitemap-2.xml", "sitemaps/sitemap-3.xml", "sitemap.xml"]
        );
        assert_eq!(out[0].1.matches("<url>").count(), 2);
        assert_eq!(out[2].1.matches("<url>").count(), 1);
        let index = &out[3].1;
        assert!(index.contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"));
        assert_eq!(index.matches("<sitemap>").count(), 3);
        assert!(index.contains(
            "<loc>https://example.gov.uk/sitemaps/sitemap-2.xml</loc>\n    <lastmod>2026-01-04</lastmod>"
        ));
        // Every URL is in exactly one file.
        let listed: usize = out[..3].iter().map(|(_, x)| x.matches("<url>").count()).sum();
        assert_eq!(listed, 5);
    }

    #[test]
    fn urls_are_escaped() {
        let e = Entry { loc: "https://example.gov.uk/a?b=1&c='<d>'".into(), lastmod: None };
        let out = files(&[e], MAX_URLS, |p| p.to_string());
        assert!(out[0].1.contains("<loc>https://example.gov.uk/a?b=1&amp;c=&apos;&lt;d&gt;&apos;</loc>"));
        assert!(!out[0].1.contains("<lastmod>"));
    }

    #[test]
    fn robots_for_each_edition() {
        assert_eq!(
            robots(Some("https://example.gov.uk/sitemap.xml")),
            "User-agent: *\nAllow: /\n\nSitemap: https://example.gov.uk/sitemap.xml\n"
        );
        assert_eq!(robots(None), "User-agent: *\nDisallow: /\n");
    }
}
