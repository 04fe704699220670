//! Access to information: nothing exempt reaches the public edition, in any file; the members'
//! edition has everything, marked "Not for publication".
//!
//! `tests/fixtures/exempt/` plants a unique canary string in every exempt field and file
//! (listed in its `canaries.txt`). The public build is searched byte by byte, in file contents
//! and file names, for every canary, in any letter case.

mod common;

use std::path::Path;

use common::*;
use tempfile::TempDir;

const AS_OF: &str = "2026-04-10";

fn canaries() -> Vec<String> {
    let text = std::fs::read_to_string(fixture("exempt").join("canaries.txt")).unwrap();
    let list: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .collect();
    assert!(list.len() >= 40, "only {} canaries", list.len());
    list
}

fn build(edition: &str, out: &Path) {
    build_ok(&fixture("exempt"), out, &["--as-of", AS_OF, "--edition", edition]);
}

/// Every canary found in a file's bytes or its path, in any letter case.
fn leaks(site: &Site, canaries: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    for (rel, mut bytes) in site.files() {
        let lower_path = rel.to_ascii_lowercase();
        if lower_path.ends_with(".pdf") {
            // PDF streams are compressed: search the text as laid out, and the file with every
            // stream decompressed (metadata, bookmarks, tags).
            bytes.extend(pdf_decoded(&site.dir.join(&rel)));
        } else if bytes.starts_with(&[0x1f, 0x8b]) {
            // The search index's chunks are gzip files.
            bytes.extend(gunzip(&site.dir.join(&rel)));
        }
        let lower: Vec<u8> = bytes.to_ascii_lowercase();
        for c in canaries {
            let needle = c.to_ascii_lowercase();
            if lower_path.contains(&needle) || lower.windows(needle.len()).any(|w| w == needle.as_bytes()) {
                found.push(format!("{c} in {rel}"));
            }
        }
    }
    found
}

fn gunzip(path: &Path) -> Vec<u8> {
    let o = std::process::Command::new("python3")
        .args(["-c", "import gzip, sys; sys.stdout.buffer.write(gzip.open(sys.argv[1]).read())"])
        .arg(path)
        .output()
        .expect("run python3");
    assert!(o.status.success(), "cannot gunzip {}", path.display());
    o.stdout
}

fn pdf_decoded(path: &Path) -> Vec<u8> {
    let run = |cmd: &str, args: &[&str]| -> Vec<u8> {
        let o = std::process::Command::new(cmd)
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("cannot run {cmd} (run scripts/install-test-tools.sh): {e}"));
        assert!(o.status.success(), "{cmd} {}", path.display());
        o.stdout
    };
    let p = path.to_str().unwrap();
    let mut out = run("pdftotext", &[p, "-"]);
    out.extend(run("qpdf", &["--qdf", "--object-streams=disable", p, "-"]));
    out
}

#[test]
fn no_exempt_byte_reaches_the_public_edition() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("public");
    build("public", &out);
    let site = Site { dir: out, base: "/".into() };
    assert!(site.files().len() > 20);
    let found = leaks(&site, &canaries());
    assert!(found.is_empty(), "exempt content in the public edition:\n{}", found.join("\n"));
}

#[test]
fn public_edition_shows_neutral_titles_grounds_and_summaries() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("public");
    build("public", &out);
    let site = Site { dir: out, base: "/".into() };
    let meeting = site.page("/committees/cabinet/2026-03-10/");
    let main = text(&meeting, "main").unwrap();
    assert!(main.contains("Disposal of land at Mill Lane"), "neutral title");
    assert!(main.contains("paragraph 3 of Part 1 of Schedule 12A"), "{main}");
    let minutes = site.page("/committees/cabinet/2026-03-10/minutes/");
    assert!(text(&minutes, "#minute-47").unwrap().contains("Public summary"), "exempt summary");
    // No page is marked "not for publication" in the public edition.
    for (rel, doc) in site.pages() {
        assert_eq!(doc.select(&sel(".not-for-publication, .edition-banner")).count(), 0, "{rel}");
    }
}

#[test]
fn members_edition_has_everything_marked() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("private");
    build("members", &out);
    let site = Site { dir: out, base: "/".into() };
    let all = canaries();
    // Every canary that names something a page shows or a file copied is there (a Markdown
    // appendix's own file name never appears: its text is shown in the report page).
    let present = leaks(&site, &all);
    for c in all.iter().filter(|c| !c.contains("mdappxfile") && !c.contains("MDAPPXFILE")) {
        assert!(
            present.iter().any(|p| p.starts_with(&format!("{c} in "))),
            "{c} missing from the members' edition"
        );
    }
    // The members' agenda packs and search index hold the Part 2 papers (so the search above
    // reads PDFs and index chunks).
    assert!(
        present.iter().any(|p| p.ends_with("agenda-pack.pdf")),
        "no canary in any members' pack: {present:?}"
    );
    assert!(
        present.iter().any(|p| p.ends_with(".pf_fragment")),
        "no canary in the members' search index: {present:?}"
    );
    for (rel, doc) in site.pages() {
        assert_eq!(doc.select(&sel(".edition-banner")).count(), 1, "{rel}: no members' edition banner");
        assert_eq!(doc.select(&sel("meta[name=robots][content*=noindex]")).count(), 1, "{rel}: indexable");
        let main = text(&doc, "main").unwrap_or_default().to_ascii_lowercase();
        if all.iter().any(|c| main.contains(&c.to_ascii_lowercase())) {
            let mark = text(&doc, ".not-for-publication").unwrap_or_default();
            assert!(mark.starts_with("Not for publication"), "{rel} shows exempt material without the mark");
        }
    }
    let item = site.page("/committees/cabinet/2026-03-10/items/7/");
    let mark = text(&item, ".not-for-publication").unwrap();
    assert!(mark.contains("paragraph 3 of Schedule 12A"), "{mark}");
}

#[test]
fn members_edition_is_refused_inside_the_public_folder() {
    let tmp = TempDir::new().unwrap();
    copy_dir(&fixture("small"), tmp.path());
    let root = tmp.path().to_str().unwrap();
    for out in [tmp.path().join("public"), tmp.path().join("public/members")] {
        let o =
            agendum(&["build", "--root", root, "--edition", "members", "--output", out.to_str().unwrap()]);
        assert!(!o.status.success());
        assert!(String::from_utf8_lossy(&o.stderr).contains("refusing to write the members' edition"));
        assert!(!out.join("index.html").exists());
    }
    // Its own folder is fine, and is the default.
    let o = agendum(&["build", "--root", root, "--edition", "members"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(tmp.path().join("private/index.html").is_file());
}

#[test]
fn exempt_decisions_stay_in_the_public_register_as_exempt() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("public");
    build("public", &out);
    let site = Site { dir: out, base: "/".into() };
    let register = site.page("/decisions/");
    let rows: Vec<String> = register.select(&sel("main tbody tr")).map(|r| r.text().collect()).collect();
    assert!(
        rows.iter().any(|r| r.contains("Disposal of land at Mill Lane") && r.contains("(exempt)")),
        "{rows:?}"
    );
    let page = site.page("/decisions/cabinet-2026-03-10-47/");
    assert!(text(&page, "main .exempt-notice").unwrap().contains("paragraph 3"));
}

#[test]
fn public_text_may_not_link_an_exempt_file() {
    let tmp = TempDir::new().unwrap();
    copy_dir(&fixture("exempt"), tmp.path());
    let report = tmp.path().join("content/committees/cabinet/2026-03-10/reports/budget-outturn.md");
    let text = std::fs::read_to_string(&report).unwrap();
    std::fs::write(
        &report,
        format!("{text}\nSee [the payments](appendices/canarycontractappxfile-payments.pdf).\n"),
    )
    .unwrap();
    let o = agendum(&["check", "--root", tmp.path().to_str().unwrap(), "--as-of", AS_OF]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success() && err.contains("link-to-exempt-file"), "{err}");
}
