//! The search index Agendum writes (`src/search/index.rs`) holds what Pagefind's own indexer
//! makes of the same pages: the sample site is built, and each bundle's pages are indexed again
//! by the `pagefind` crate; the two are decoded and compared (every word's pages, positions,
//! weights and metadata positions, every page's fragment, every filter), leaving aside only the
//! file names, which are content hashes.

mod common;

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::Path;

use common::*;
use minicbor::data::Type;
use tempfile::TempDir;

/// A decoded CBOR value.
#[derive(Debug, Clone, PartialEq)]
enum Cbor {
    Int(i64),
    Text(String),
    Array(Vec<Cbor>),
}

impl Cbor {
    fn list(&self) -> &[Cbor] {
        match self {
            Cbor::Array(a) => a,
            other => panic!("not an array: {other:?}"),
        }
    }
    fn text(&self) -> &str {
        match self {
            Cbor::Text(t) => t,
            other => panic!("not text: {other:?}"),
        }
    }
}

fn decode(d: &mut minicbor::Decoder<'_>) -> Cbor {
    match d.datatype().unwrap() {
        Type::U8 | Type::U16 | Type::U32 | Type::U64 => Cbor::Int(d.u64().unwrap() as i64),
        Type::I8 | Type::I16 | Type::I32 | Type::I64 | Type::Int => Cbor::Int(d.i64().unwrap()),
        Type::String => Cbor::Text(d.str().unwrap().to_string()),
        Type::Array => {
            let n = d.array().unwrap().expect("definite array");
            Cbor::Array((0..n).map(|_| decode(d)).collect())
        }
        other => panic!("unexpected CBOR type {other:?}"),
    }
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes).read_to_end(&mut out).unwrap();
    assert!(out.starts_with(b"pagefind_dcd"), "no pagefind_dcd marker");
    out.split_off(12)
}

fn cbor(bytes: &[u8]) -> Cbor {
    let raw = gunzip(bytes);
    decode(&mut minicbor::Decoder::new(&raw))
}

/// A bundle, decoded and keyed by content rather than file name.
#[derive(Debug, PartialEq)]
struct Decoded {
    version: String,
    /// Each page's fragment and word count, in page order.
    pages: Vec<(serde_json::Value, i64)>,
    /// Each word's entry (pages and variants), from every chunk.
    words: BTreeMap<String, Cbor>,
    /// The chunks' word ranges.
    chunks: Vec<(String, String)>,
    filters: BTreeMap<String, Cbor>,
    meta_fields: Vec<Cbor>,
    entry: serde_json::Value,
}

fn decoded(files: &BTreeMap<String, Vec<u8>>) -> Decoded {
    let mut entry: serde_json::Value = serde_json::from_slice(&files["pagefind-entry.json"]).unwrap();
    let hash = entry["languages"]["en"]["hash"].as_str().unwrap().to_string();
    entry["languages"]["en"]["hash"] = serde_json::Value::Null;
    let meta = cbor(&files[&format!("pagefind.{hash}.pf_meta")]);
    let meta = meta.list();
    let pages = meta[1]
        .list()
        .iter()
        .map(|p| {
            let p = p.list();
            let frag = gunzip(&files[&format!("fragment/{}.pf_fragment", p[0].text())]);
            let Cbor::Int(count) = p[1] else { panic!() };
            (serde_json::from_slice(&frag).unwrap(), count)
        })
        .collect();
    let mut words = BTreeMap::new();
    let mut chunks = Vec::new();
    for c in meta[2].list() {
        let c = c.list();
        chunks.push((c[0].text().to_string(), c[1].text().to_string()));
        let index = cbor(&files[&format!("index/{}.pf_index", c[2].text())]);
        for w in index.list()[0].list() {
            let w = w.list();
            words.insert(w[0].text().to_string(), Cbor::Array(w[1..].to_vec()));
        }
    }
    let mut filters = BTreeMap::new();
    for f in meta[3].list() {
        let f = f.list();
        filters.insert(f[0].text().to_string(), cbor(&files[&format!("filter/{}.pf_filter", f[1].text())]));
    }
    Decoded {
        version: meta[0].text().to_string(),
        pages,
        words,
        chunks,
        filters,
        meta_fields: meta[5].list().to_vec(),
        entry,
    }
}

fn files_under(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).into_iter().map(Result::unwrap).filter(|e| e.file_type().is_file()) {
        let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
        out.insert(rel, std::fs::read(e.path()).unwrap());
    }
    out
}

#[test]
fn the_index_holds_what_pagefind_would_make_of_the_same_pages() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("public");
    build_ok(&project_root(), &out, &["--as-of", "2026-11-23"]);
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let mut bundles = 0;
    let mut words = 0;
    for bundle in std::fs::read_dir(out.join("pagefind")).unwrap().map(|e| e.unwrap().path()) {
        let ours = files_under(&bundle);
        let decoded_ours = decoded(&ours);
        // The same pages, in the same order, through Pagefind.
        let pages: Vec<(String, String)> = decoded_ours
            .pages
            .iter()
            .map(|(frag, _)| {
                let url = frag["url"].as_str().unwrap().to_string();
                let html = std::fs::read_to_string(out.join(url.trim_start_matches('/')).join("index.html"))
                    .unwrap_or_else(|e| panic!("{url}: {e}"));
                (url, html)
            })
            .collect();
        assert!(!pages.is_empty());
        let theirs: BTreeMap<String, Vec<u8>> = runtime
            .block_on(agendum::search::client::pagefind_bundle(&pages, "en"))
            .unwrap()
            .into_iter()
            .collect();
        let decoded_theirs = decoded(&theirs);
        for (i, (a, b)) in decoded_ours.pages.iter().zip(&decoded_theirs.pages).enumerate() {
            assert_eq!(a, b, "page {i} of {}", bundle.display());
        }
        for (w, entry) in &decoded_theirs.words {
            assert_eq!(decoded_ours.words.get(w), Some(entry), "word {w:?} in {}", bundle.display());
        }
        assert_eq!(decoded_ours, decoded_theirs, "{}", bundle.display());
        // The client files are Pagefind's own.
        for (name, bytes) in &theirs {
            if !agendum::search::client::is_index_file(name) {
                assert_eq!(ours.get(name), Some(bytes), "{name}");
            }
        }
        bundles += 1;
        words += decoded_ours.words.len();
    }
    assert!(bundles >= 3, "{bundles} bundles");
    assert!(words > 1000, "{words} words");
}

/// Pages written to reach the corners of Pagefind's reading rules that the sample site does not:
/// ignored and excluded elements, bare filter keys, entities at the end of a block, weights
/// inside weights, line breaks, images, diacritics, compound and dotted tokens, a page with no
/// indexed body, and a tag cut off at the end of a page.
#[test]
fn corner_cases_are_read_as_pagefind_reads_them() {
    let pages: Vec<(String, String)> = [
        r#"<!DOCTYPE html><html lang="en"><head><title>Ignored title</title><script>var x = "<p>";</script></head><body><nav>Skip to content</nav>
<main id="main" data-pagefind-body><div hidden><span data-pagefind-meta="title:Budget &amp; Policy: 2025/26"></span><span data-pagefind-filter="type:Report" data-pagefind-meta="type:Report"></span></div>
<h1>Budget &amp; Policy</h1><!--publication--><p>Alpha says &quot;quoted&quot;</p><p>Ends with an entity &amp;</p>
<div data-pagefind-ignore>hidden words <span data-pagefind-filter="committee:Cabinet"></span></div>
<div data-pagefind-ignore="all"><span data-pagefind-filter="committee:Gone"></span>gone words</div>
<ul><li id="r-a">(a) first <em>emphasised</em> item<p>a nested paragraph</p></li><li>pre-decision scrutiny in 2025/26, e.g. agendum.build.rs and CamelCaseWords</li></ul>
<div class="resolved" data-pagefind-weight="4"><h2 id="weighted">A weighted heading</h2><p>weighted text</p></div>
<h3 id="plain heading">Heading   with
spaces</h3>line<br>break <img src="/a.png" alt="An &quot;image&quot;"> café naïve Zoë
<span data-pagefind-filter="year">2025/26</span><table><tr><th>Head</th><td>Cell one</td><td>Cell two</td></tr></table>
<form><label>Search</label><input name="q"></form><p>£1,250,000 — 12.5% – “curly” ‘quotes’ it’s</p></main><footer>Footer words</footer></body></html>"#,
        r#"<html><body><main data-pagefind-body><h1>An auto <span id="in-title">title</span></h1><p>Second page text with <a href="/x/">a link</a>.</p><p>Unclosed at the end <a href="/y/" title="cut"#,
        r#"<html><body><main><h1>No indexed body</h1><p>Not in the index.</p></main></body></html>"#,
    ]
    .iter()
    .enumerate()
    .map(|(i, html)| (format!("/page-{i}/"), html.to_string()))
    .collect();
    let client = agendum::search::client::load("en").unwrap();
    let ours: BTreeMap<String, Vec<u8>> = agendum::search::index::build(
        pages.iter().map(|(u, h)| (u.as_str(), h.as_bytes().to_vec())),
        "en",
        &client.entry,
    )
    .unwrap()
    .into_iter()
    .collect();
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let theirs: BTreeMap<String, Vec<u8>> = runtime
        .block_on(agendum::search::client::pagefind_bundle(&pages, "en"))
        .unwrap()
        .into_iter()
        .collect();
    let (ours, theirs) = (decoded(&ours), decoded(&theirs));
    assert_eq!(ours.pages.len(), 2, "the page with no data-pagefind-body is left out");
    for (i, (a, b)) in ours.pages.iter().zip(&theirs.pages).enumerate() {
        assert_eq!(a, b, "page {i}");
    }
    for (w, entry) in &theirs.words {
        assert_eq!(ours.words.get(w), Some(entry), "word {w:?}");
    }
    assert_eq!(ours, theirs);
}
