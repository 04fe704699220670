//! Rebuilds: a build with nothing changed does nothing; after an edit, only the files whose bytes
//! changed are written (the rest keep their modification times), and the result is byte-identical
//! to a clean build of the edited content.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use common::*;
use tempfile::TempDir;

const AS_OF: &str = "2026-11-23";

fn build(root: &Path, out: &Path, cache: &Path) -> String {
    build_with(root, out, cache, &[])
}

/// Runs a build into `out` with the cache in `cache`.
fn run(root: &Path, out: &Path, cache: &Path, extra: &[&str]) -> std::process::Output {
    run_as_of(root, out, cache, AS_OF, extra)
}

/// Runs a build into `out` with the cache in `cache`, as at `as_of`.
fn run_as_of(root: &Path, out: &Path, cache: &Path, as_of: &str, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--as-of",
        as_of,
        "--cache",
        cache.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    agendum(&args)
}

fn build_with(root: &Path, out: &Path, cache: &Path, extra: &[&str]) -> String {
    succeeded(run(root, out, cache, extra))
}

/// The standard error of a build that must have succeeded.
fn succeeded(o: std::process::Output) -> String {
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

/// A copy of the sample site in a temporary folder: (the folder, the site, its output folder,
/// its cache folder).
fn sample_site() -> (TempDir, PathBuf, PathBuf, PathBuf) {
    let tmp = TempDir::new().unwrap();
    let root = tmp.path().join("site");
    copy_dir(&project_root().join("content"), &root.join("content"));
    let (out, cache) = (tmp.path().join("out"), tmp.path().join("cache"));
    (tmp, root, out, cache)
}

#[test]
fn rebuilds_write_only_what_changed_and_match_a_clean_build() {
    let (tmp, root, out, cache) = sample_site();
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
    // Only the pages made from what changed are rendered again: the report's page, and its
    // meeting's pages, which show the agenda pack's size and page ranges.
    let (pages, rendered) = rendered(&rebuilt);
    assert!(rendered >= 1 && rendered * 10 < pages, "{rebuilt}");
    // The report's PDF and its meeting's pack are laid out again; the other PDFs are left as
    // they were, their sources not even generated.
    let line = summary(&rebuilt);
    let pdfs: usize =
        line.split(" PDFs (").next().and_then(|s| s.rsplit(' ').next()).unwrap().parse().unwrap();
    assert!(line.contains(&format!(" PDFs (2 laid out, 0 reused, {} unchanged)", pdfs - 2)), "{rebuilt}");
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
    assert_same_as_clean(&out, &clean, "after one report edited");
}

/// (pages, pages rendered) from a build's summary: "N pages (M rendered, K unchanged)", or
/// "N pages" when all were rendered.
fn rendered(stderr: &str) -> (usize, usize) {
    let line = summary(stderr);
    let rest = line.split(": ").nth(1).expect("a summary");
    let number =
        |s: &str| s.split(|c: char| !c.is_ascii_digit()).find(|s| !s.is_empty()).and_then(|n| n.parse().ok());
    let pages = number(rest).expect("a page count");
    let rendered = rest.split(" pages (").nth(1).and_then(number).unwrap_or(pages);
    (pages, rendered)
}

/// The last line of a build's summary, "built …".
fn summary(stderr: &str) -> &str {
    stderr.lines().rfind(|l| l.starts_with("built")).unwrap_or(stderr)
}

/// Asserts that the output folder `out` holds the same files, byte for byte, as the clean build
/// in `clean`; `when` says which rebuild this is.
fn assert_same_as_clean(out: &Path, clean: &Path, when: &str) {
    let a = Site { dir: out.to_path_buf(), base: "/".into() }.files();
    let b = Site { dir: clean.to_path_buf(), base: "/".into() }.files();
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>(), "{when}: not the same files");
    for (k, v) in &a {
        assert!(b[k] == *v, "{when}: {k} differs from a clean build");
    }
}

#[test]
fn an_update_in_place_removes_what_is_no_longer_made_and_repairs_the_output() {
    let (tmp, root, out, cache) = sample_site();
    let first = build(&root, &out, &cache);
    assert!(!first.contains("updated in place"), "the first build writes the output afresh: {first}");
    let decision = "decisions/hollins-lane-depot-final-terms/index.html";
    assert!(out.join(decision).is_file());

    // Someone changes the output by hand: a page edited, a page deleted, a file added.
    let edited = out.join("people/index.html");
    let original = std::fs::read(&edited).unwrap();
    std::fs::write(&edited, b"defaced").unwrap();
    let deleted = out.join("committees/planning/2026-11-04/index.html");
    let deleted_bytes = std::fs::read(&deleted).unwrap();
    std::fs::remove_file(&deleted).unwrap();
    std::fs::write(out.join("stray.txt"), "not made by agendum").unwrap();
    // And the content loses a decision.
    std::fs::remove_file(root.join("content/decisions/hollins-lane-depot-final-terms.yaml")).unwrap();

    let rebuilt = build(&root, &out, &cache);
    let line = summary(&rebuilt);
    assert!(line.contains("updated in place"), "{rebuilt}");
    assert_eq!(std::fs::read(&edited).unwrap(), original, "the edited page is restored");
    assert_eq!(std::fs::read(&deleted).unwrap(), deleted_bytes, "the deleted page is restored");
    assert!(!out.join("stray.txt").exists(), "files the build does not make are removed");
    assert!(!out.join(decision).exists(), "the removed decision's page is gone");
    assert!(!out.join("decisions/hollins-lane-depot-final-terms").exists(), "and its folder");

    // A build that fails leaves the updated output exactly as it was.
    let before = Site { dir: out.clone(), base: "/".into() }.files();
    let times = mtimes(&out);
    let site_yaml = root.join("content/site.yaml");
    let yaml = std::fs::read_to_string(&site_yaml).unwrap();
    std::fs::write(&site_yaml, format!("{yaml}\nnot_a_field: true\n")).unwrap();
    assert!(!run(&root, &out, &cache, &[]).status.success());
    assert_eq!(Site { dir: out.clone(), base: "/".into() }.files(), before);
    assert_eq!(mtimes(&out), times);
    std::fs::write(&site_yaml, yaml).unwrap();

    // Without its manifest (a build killed while moving files in) the next build writes the
    // output afresh, and the result is still a clean build's.
    for e in std::fs::read_dir(&cache).unwrap().flatten() {
        if e.file_name().to_string_lossy().ends_with(".manifest") {
            std::fs::remove_file(e.path()).unwrap();
        }
    }
    std::fs::write(out.join("people/index.html"), b"half-written").unwrap();
    let fresh = build(&root, &out, &cache);
    assert!(!summary(&fresh).contains("updated in place"), "{fresh}");
    let clean = tmp.path().join("clean");
    build_ok(&root, &clean, &["--as-of", AS_OF]);
    assert_same_as_clean(&out, &clean, "after the manifest was lost");

    // Without PDFs, editing a report's text renders that report's page and nothing else.
    let no_pdfs = ["--no-pdfs"];
    let all = build_with(&root, &out, &cache, &no_pdfs);
    let (pages, rendered_all) = rendered(&all);
    // Pages that show a PDF are rendered again; those that show none are the same as before.
    assert!(rendered_all > 0 && rendered_all < pages, "{all}");
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let report = root.join("content/committees/cabinet/2026-11-10/reports/food-waste-collections.md");
    let text = std::fs::read_to_string(&report).unwrap();
    // Near the start of the body, so the links after it move.
    let body_start = text.match_indices("\n---\n").next().map(|(i, _)| i + 5).unwrap();
    let (front, body) = text.split_at(body_start);
    std::fs::write(&report, format!("{front}{}", body.replacen("\n\n", "\n\nA sentence put in.\n\n", 1)))
        .unwrap();
    let one = build_with(&root, &out, &cache, &no_pdfs);
    assert_eq!(rendered(&one), (pages, 1), "{one}");
    std::fs::remove_dir_all(&clean).unwrap();
    build_ok(&root, &clean, &["--as-of", AS_OF, "--no-pdfs"]);
    assert_same_as_clean(&out, &clean, "after an edit without PDFs");
}

/// Builds into `out` with the cache in `cache` as at `as_of`, without PDFs.
fn build_as_of(root: &Path, out: &Path, cache: &Path, as_of: &str) -> String {
    succeeded(run_as_of(root, out, cache, as_of, &["--no-pdfs"]))
}

#[test]
fn a_new_day_renders_only_the_pages_that_show_the_date() {
    let (tmp, root, out, cache) = sample_site();
    let clean = tmp.path().join("clean");
    build_as_of(&root, &out, &cache, AS_OF);
    // The next day, and a day a month on (when call-in periods have ended and meetings have
    // passed): each rebuild matches a clean build as at that day.
    for day in ["2026-11-24", "2026-12-20"] {
        let next = build_as_of(&root, &out, &cache, day);
        let (pages, rendered) = rendered(&next);
        assert!(rendered > 0, "the meetings page and the forward plan move on: {next}");
        if day == "2026-11-24" {
            assert!(rendered < pages / 2, "a day on, most pages are kept: {next}");
        }
        let _ = std::fs::remove_dir_all(&clean);
        build_ok(&root, &clean, &["--as-of", day, "--no-pdfs"]);
        assert_same_as_clean(&out, &clean, &format!("as at {day}"));
    }
}

#[test]
fn editing_an_appendix_renders_only_the_pages_that_show_it() {
    let (tmp, root, out, cache) = sample_site();
    build(&root, &out, &cache);
    let before = mtimes(&out);
    let appendix =
        root.join("content/committees/children-and-young-people-scrutiny/2025-10-14/reports/appendices/consultation-summary.md");
    let clean_matches = |what: &str| {
        let clean = tmp.path().join(format!("clean-{what}"));
        build_ok(&root, &clean, &["--as-of", AS_OF]);
        assert_same_as_clean(&out, &clean, &format!("after {what}"));
    };

    // A sentence added to a Markdown appendix: the report's page shows it, and its PDF and
    // the meeting's pack hold it; nothing else is rendered or laid out again.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let text = std::fs::read_to_string(&appendix).unwrap();
    std::fs::write(&appendix, format!("{text}\nOne late response is summarised in the covering note.\n"))
        .unwrap();
    let rebuilt = build(&root, &out, &cache);
    let (pages, rendered) = rendered(&rebuilt);
    assert!(rendered >= 1 && rendered * 10 < pages, "{rebuilt}");
    assert!(summary(&rebuilt).contains(" laid out, 0 reused, "), "{rebuilt}");
    let changed: Vec<String> =
        mtimes(&out).into_iter().filter(|(k, t)| before.get(k) != Some(t)).map(|(k, _)| k).collect();
    let page = "committees/children-and-young-people-scrutiny/2025-10-14/reports/home-to-school-transport-review/index.html";
    assert!(changed.iter().any(|c| c == page), "{changed:?}");
    assert!(!changed.iter().any(|c| c == "people/index.html"), "{changed:?}");
    clean_matches("a sentence");

    // A link added to the appendix: the page it links to lists the report among what links
    // to it, so the output is again a clean build's.
    let text = std::fs::read_to_string(&appendix).unwrap();
    std::fs::write(
        &appendix,
        format!("{text}\nSee also the [food waste report](@cabinet/2026-11-10/food-waste-collections).\n"),
    )
    .unwrap();
    build(&root, &out, &cache);
    clean_matches("a link");
}

#[test]
fn files_and_folders_added_by_hand_deep_in_the_output_are_found_and_removed() {
    let (tmp, root, out, cache) = sample_site();
    build(&root, &out, &cache);
    // A folder changed in the last second before a build ends is listed by the next build
    // whatever its time; wait, and build again, so that the manifest records the times.
    std::thread::sleep(std::time::Duration::from_millis(1200));
    let touched = root.join("content/site.yaml");
    let yaml = std::fs::read_to_string(&touched).unwrap();
    std::fs::write(&touched, format!("{yaml}\n")).unwrap();
    assert!(summary(&build(&root, &out, &cache)).contains("updated in place"));
    let meeting = out.join("committees/planning/2026-11-04");
    assert!(meeting.join("index.html").is_file());
    std::fs::write(meeting.join("stray.html"), "not made by agendum").unwrap();
    std::fs::create_dir_all(out.join("committees/planning/extra/nested")).unwrap();
    std::fs::write(out.join("committees/planning/extra/nested/a.txt"), "a").unwrap();
    std::fs::create_dir_all(out.join("people/empty-by-hand")).unwrap();
    let removed = out.join("committees/index.html");
    std::fs::remove_file(&removed).unwrap();
    // A content change, so that the build runs.
    std::fs::remove_file(root.join("content/decisions/hollins-lane-depot-final-terms.yaml")).unwrap();

    let rebuilt = build(&root, &out, &cache);
    assert!(summary(&rebuilt).contains("updated in place"), "{rebuilt}");
    assert!(!meeting.join("stray.html").exists(), "a file added deep in the output is removed");
    assert!(!out.join("committees/planning/extra").exists(), "and a folder of files added by hand");
    assert!(!out.join("people/empty-by-hand").exists(), "and an empty folder made by hand");
    assert!(removed.is_file(), "a page deleted by hand is made again");
    let clean = tmp.path().join("clean");
    build_ok(&root, &clean, &["--as-of", AS_OF]);
    assert_same_as_clean(&out, &clean, "after files were added by hand");

    // Once more, in a folder the last build did not change.
    std::fs::write(out.join("matters/stray.txt"), "again").unwrap();
    std::fs::write(&touched, format!("{yaml}\n\n")).unwrap();
    build(&root, &out, &cache);
    assert!(!out.join("matters/stray.txt").exists());
    std::fs::remove_dir_all(&clean).unwrap();
    build_ok(&root, &clean, &["--as-of", AS_OF]);
    assert_same_as_clean(&out, &clean, "after a second file was added by hand");
}
