//! Rebuilds: a build with nothing changed does nothing; after an edit, only the files whose bytes
//! changed are written (the rest keep their modification times), and the result is byte-identical
//! to a clean build of the edited content.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::SystemTime;

use common::*;
use tempfile::TempDir;

const AS_OF: &str = "2026-11-23";

fn build(root: &Path, out: &Path, cache: &Path) -> String {
    let o = agendum(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--as-of",
        AS_OF,
        "--cache",
        cache.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "{err}");
    err
}

/// (bundles, reused) from the build's summary line: "search index in N bundles (M reused)".
fn search_bundles(summary: &str) -> (usize, usize) {
    let rest = summary.split("search index in ").nth(1).expect("a search index summary");
    let mut numbers = rest.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty());
    let mut next = || numbers.next().and_then(|n| n.parse().ok()).expect("a number");
    (next(), next())
}

fn mtimes(dir: &Path) -> BTreeMap<String, SystemTime> {
    let site = Site { dir: dir.to_path_buf(), base: "/".into() };
    site.files()
        .into_keys()
        .map(|rel| {
            let t = std::fs::metadata(dir.join(&rel)).unwrap().modified().unwrap();
            (rel, t)
        })
        .collect()
}

#[test]
fn rebuilds_write_only_what_changed_and_match_a_clean_build() {
    let tmp = TempDir::new().unwrap();
    let root = tmp.path().join("site");
    copy_dir(&project_root().join("content"), &root.join("content"));
    let out = tmp.path().join("out");
    let cache = tmp.path().join("cache");
    let first = build(&root, &out, &cache);
    let (bundles, reused) = search_bundles(&first);
    assert!(bundles >= 3 && reused == 0, "{first}");
    let before = mtimes(&out);

    // Nothing changed: nothing is done.
    let again = build(&root, &out, &cache);
    assert!(again.contains("up to date"), "{again}");
    assert_eq!(mtimes(&out), before);

    // Edit one report; wait so that a rewritten file would get a later time.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let report = root.join("content/committees/cabinet/2026-11-10/reports/food-waste-collections.md");
    let text = std::fs::read_to_string(&report).unwrap();
    std::fs::write(&report, format!("{text}\nA sentence added to the report after publication.\n")).unwrap();
    let rebuilt = build(&root, &out, &cache);
    assert!(rebuilt.contains("built"), "{rebuilt}");
    // Only the edited report's municipal year is indexed again; the other search bundles come
    // from the cache.
    assert_eq!(search_bundles(&rebuilt), (bundles, bundles - 1), "{rebuilt}");
    let after = mtimes(&out);
    let changed: Vec<&String> =
        after.iter().filter(|(k, t)| before.get(*k) != Some(*t)).map(|(k, _)| k).collect();
    assert!(
        changed.contains(
            &&"committees/cabinet/2026-11-10/reports/food-waste-collections/index.html".to_string()
        ),
        "{changed:?}"
    );
    // Pages the edit does not touch keep their times.
    for unchanged in ["committees/planning/2026-11-04/index.html", "people/index.html", "static/style.css"] {
        assert!(!changed.contains(&&unchanged.to_string()), "{unchanged} was rewritten: {changed:?}");
    }
    assert!(changed.len() < after.len() / 10, "{} of {} files rewritten", changed.len(), after.len());

    // The same bytes as a clean build of the edited content.
    let clean = tmp.path().join("clean");
    build_ok(&root, &clean, &["--as-of", AS_OF]);
    let a = Site { dir: out, base: "/".into() }.files();
    let b = Site { dir: clean, base: "/".into() }.files();
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (k, v) in &a {
        assert!(b[k] == *v, "{k} differs from a clean build");
    }
}
