//! Search: the built sample site's search page, driven in headless Chromium
//! (`tests/browser/search.mjs`, playwright-core with Debian's chromium, installed by
//! `scripts/install-test-tools.sh`).

mod common;

use std::path::Path;
use std::process::Command;

use common::*;
use tempfile::TempDir;

const AS_OF: &str = "2026-11-23";

#[derive(Debug)]
struct Hit {
    url: String,
    title: String,
    tags: Vec<String>,
}

/// Runs the browser scenario and returns each step's results.
fn search(site: &Path, steps: &str) -> Vec<Vec<Hit>> {
    let script = project_root().join("tests/browser/search.mjs");
    let o = Command::new("node")
        .arg(&script)
        .arg(site)
        .arg(steps)
        .output()
        .expect("run node (scripts/install-test-tools.sh installs it)");
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "browser test failed:\n{stdout}\n{}", String::from_utf8_lossy(&o.stderr));
    let json: serde_json::Value = serde_json::from_str(stdout.trim()).expect("JSON from search.mjs");
    let mut out = Vec::new();
    for step in json.as_array().unwrap() {
        assert!(step.get("errors").is_none(), "script errors in the page: {step}");
        let hits = step["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| Hit {
                url: r["url"].as_str().unwrap().to_string(),
                title: r["title"].as_str().unwrap().to_string(),
                tags: r["tags"].as_array().unwrap().iter().map(|t| t.as_str().unwrap().to_string()).collect(),
            })
            .collect();
        out.push(hits);
    }
    out
}

#[test]
fn search_finds_papers_across_partitions_and_filters_them() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("public");
    build_ok(&project_root(), &out, &["--as-of", AS_OF]);
    // One bundle per municipal year plus one for the rest of the site.
    for bundle in ["site", "y2025", "y2026"] {
        assert!(out.join("pagefind").join(bundle).join("pagefind-entry.json").is_file(), "{bundle}");
    }
    let steps = r#"[
        {"query": "fees and charges"},
        {"query": "fair funding"},
        {"query": "budget", "filter": {"group": "type", "value": "Minutes"}}
    ]"#;
    let results = search(&out, steps);
    // A report in the oldest partition (2025/26) …
    let oldest = "/committees/cabinet/2025-11-11/reports/fees-and-charges-2026-27/";
    assert!(results[0].iter().any(|h| h.url == oldest), "{:?}", results[0]);
    // … and one in the newest (2026/27), both through the one merged search.
    let newest = "/committees/cabinet/2026-11-10/reports/fair-funding-review-consultation-response/";
    assert!(results[1].iter().any(|h| h.url == newest), "{:?}", results[1]);
    // Results show the title, committee and meeting date.
    let hit = results[1].iter().find(|h| h.url == newest).unwrap();
    assert!(hit.title.starts_with("Fair Funding Review"), "{hit:?}");
    assert!(hit.tags.contains(&"Committee: Cabinet".to_string()), "{hit:?}");
    assert!(hit.tags.contains(&"Date: 10 November 2026".to_string()), "{hit:?}");
    // The type filter leaves only minutes.
    assert!(!results[2].is_empty());
    for h in &results[2] {
        assert!(h.url.ends_with("/minutes/"), "{h:?}");
        assert!(h.tags.contains(&"Type: Minutes".to_string()), "{h:?}");
    }
}

#[test]
fn search_page_works_without_javascript_and_every_page_has_the_search_box() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("public");
    build_ok(&project_root(), &out, &["--as-of", AS_OF]);
    let site = Site { dir: out, base: "/".into() };
    let page = site.page("/search/");
    let noscript = text(&page, "noscript").unwrap();
    assert!(noscript.contains("Search needs JavaScript"), "{noscript}");
    for (rel, doc) in site.pages() {
        assert_eq!(doc.select(&sel("search form[action='/search/'] input[name=q]")).count(), 1, "{rel}");
        // Only the main content of documents is indexed; lists, search and 404 are not.
        let indexed = doc.select(&sel("main[data-pagefind-body]")).count() == 1;
        let document = rel.starts_with("committees/")
            && ["/reports/", "/minutes/", "/items/"].iter().any(|d| rel.contains(d));
        if document {
            assert!(indexed, "{rel} is not indexed");
        }
        let list = ["search/", "papers/", "wards/", "meetings/"].iter().any(|l| rel.starts_with(l))
            || ["404.html", "index.html", "committees/index.html"].contains(&rel.as_str());
        if list {
            assert!(!indexed, "{rel} is indexed");
        }
    }
}

#[test]
fn search_index_is_byte_identical_between_builds() {
    let tmp = TempDir::new().unwrap();
    let a = tmp.path().join("a");
    let b = tmp.path().join("b");
    build_ok(&project_root(), &a, &["--as-of", AS_OF]);
    build_ok(&project_root(), &b, &["--as-of", AS_OF]);
    let index = |dir: &Path| {
        Site { dir: dir.to_path_buf(), base: "/".into() }
            .files()
            .into_iter()
            .filter(|(k, _)| k.starts_with("pagefind/"))
            .collect::<Vec<_>>()
    };
    let first = index(&a);
    assert!(first.len() > 20);
    assert_eq!(first, index(&b));
}
