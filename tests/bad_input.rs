//! Each bad-input case is a fixture under `tests/fixtures/invalid/<case>/` holding only the
//! files that differ from `tests/fixtures/small/`. The test overlays it on a copy of the small
//! site, runs `agendum check` and `agendum build`, and checks the located error and that the
//! previous output survives.

mod common;

use std::fs;
use std::path::Path;

use common::*;
use tempfile::TempDir;

/// Copies the small site and overlays a case.
fn site_with(case: &str) -> TempDir {
    let tmp = TempDir::new().unwrap();
    copy_dir(&fixture("small"), tmp.path());
    if !case.is_empty() {
        copy_dir(&fixture("invalid").join(case), tmp.path());
    }
    tmp
}

/// Runs check and build on a site that must fail; returns stderr of the check.
fn must_fail(root: &Path) -> String {
    let check = agendum(&["check", "--root", root.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&check.stderr).into_owned();
    assert!(!check.status.success(), "check passed but should fail:\n{err}");

    // A failed build leaves the previous output as it was and no temporary folder behind.
    let out = root.join("public");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("marker.txt"), "previous build").unwrap();
    let build = agendum(&["build", "--root", root.to_str().unwrap(), "--output", out.to_str().unwrap()]);
    assert!(!build.status.success());
    assert_eq!(fs::read_to_string(out.join("marker.txt")).unwrap(), "previous build");
    assert_eq!(fs::read_dir(&out).unwrap().count(), 1, "the failed build wrote into the output folder");
    let leftovers: Vec<_> = fs::read_dir(root)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("partial"))
        .collect();
    assert!(leftovers.is_empty(), "temporary folder left behind");
    err
}

/// Asserts stderr has an error with this code at this place, and help text.
fn assert_error(err: &str, code: &str, at: &str, says: &str) {
    assert!(err.contains(code), "no `{code}` in:\n{err}");
    assert!(err.contains(&format!("at {at}")), "no location {at} in:\n{err}");
    assert!(err.contains(says), "no `{says}` in:\n{err}");
    assert!(err.contains("help:"), "no help in:\n{err}");
}

#[test]
fn the_small_site_itself_is_valid() {
    let tmp = site_with("");
    let o = agendum(&["check", "--root", tmp.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn malformed_yaml() {
    let tmp = site_with("malformed-yaml");
    let err = must_fail(tmp.path());
    assert_error(&err, "yaml", "content/committees/cabinet/committee.yaml:4:10", "expected");
    // The broken committee is not reported again by every file that names it.
    assert!(!err.contains("committee-missing"), "{err}");
}

#[test]
fn unknown_field() {
    let err = must_fail(site_with("unknown-field").path());
    assert_error(&err, "unknown-field", "content/people/bob-cole.yaml:4:1", "unknown field `wrd`");
    assert!(err.contains("ward"), "the allowed fields are listed: {err}");
}

#[test]
fn missing_required_field() {
    let err = must_fail(site_with("missing-field").path());
    assert_error(
        &err,
        "missing-field",
        "content/committees/cabinet/2025-07-15/meeting.yaml:3:1",
        "missing field `venue`",
    );
}

#[test]
fn date_that_does_not_exist() {
    let err = must_fail(site_with("impossible-date").path());
    assert_error(&err, "bad-date", "content/committees/cabinet/2025-06-10/reports/budget.md:5:7", "2025-02");
    assert!(!err.contains("report-missing"), "{err}");
}

#[test]
fn duplicate_minute_number() {
    let err = must_fail(site_with("duplicate-minute-number").path());
    assert_error(
        &err,
        "minute-number-duplicate",
        "content/committees/cabinet/2025-06-10/minutes.md:40:1",
        "minute number 2 is already used",
    );
}

#[test]
fn agenda_item_whose_report_is_missing() {
    let err = must_fail(site_with("missing-report").path());
    assert_error(
        &err,
        "report-missing",
        "content/committees/cabinet/2025-06-10/meeting.yaml:13:15",
        "`budgte`",
    );
    assert!(err.contains("did you mean `budget`?"), "{err}");
}

#[test]
fn reference_to_a_missing_id_suggests_the_closest() {
    let err = must_fail(site_with("missing-reference").path());
    assert_error(&err, "ref-unknown", "content/committees/cabinet/committee.yaml:3:40", "`@ann-le`");
    assert!(err.contains("did you mean `@ann-lee`?"), "{err}");
}

#[test]
fn file_that_is_not_utf8() {
    let err = must_fail(site_with("not-utf8").path());
    assert_error(&err, "not-utf8", "content/people/bob-cole.yaml:2:14", "not UTF-8");
    assert!(!err.contains("there is no person `bob-cole`"), "{err}");
}

#[test]
fn attachment_path_outside_content() {
    let err = must_fail(site_with("path-outside-content").path());
    assert_error(
        &err,
        "path-outside-content",
        "content/committees/cabinet/2025-06-10/reports/budget.md:11:11",
        "leads outside content/",
    );
}

#[test]
fn markdown_link_outside_content() {
    let err = must_fail(site_with("link-outside-content").path());
    assert_error(
        &err,
        "path-outside-content",
        "content/committees/cabinet/2025-06-10/minutes.md:32:19",
        "leads outside content/",
    );
}

#[cfg(unix)]
#[test]
fn symbolic_link_outside_content() {
    let tmp = site_with("");
    let secret = TempDir::new().unwrap();
    fs::write(secret.path().join("secret.pdf"), "%PDF-1.4 secret").unwrap();
    std::os::unix::fs::symlink(
        secret.path().join("secret.pdf"),
        tmp.path().join("content/committees/cabinet/2025-06-10/leak.pdf"),
    )
    .unwrap();
    let err = must_fail(tmp.path());
    assert_error(
        &err,
        "path-outside-content",
        "content/committees/cabinet/2025-06-10/leak.pdf:1:1",
        "symbolic link leads outside content/",
    );
}

#[test]
fn all_errors_are_reported_in_one_run() {
    let err = must_fail(site_with("several-errors").path());
    assert_error(&err, "unknown-field", "content/people/bob-cole.yaml:4:1", "`wrd`");
    assert_error(&err, "ref-unknown", "content/committees/cabinet/committee.yaml:3:40", "`@ann-le`");
    assert!(err.contains("2 error(s)"), "{err}");
}

#[test]
fn exempt_paragraph_out_of_range() {
    let err = must_fail(site_with("exempt-paragraph-out-of-range").path());
    assert_error(
        &err,
        "exempt-paragraph-invalid",
        "content/committees/cabinet/2025-06-10/meeting.yaml:17:23",
        "9 is not a paragraph of Schedule 12A",
    );
    // The meeting could not be read, so nothing that names its papers is reported again.
    assert!(!err.contains("report-missing"), "{err}");
}
