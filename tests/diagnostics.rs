//! Diagnostics a clerk can act on: `--format json` for editors and CI, the location and the
//! "did you mean" suggestion in the human output, and the summary of what is still to do that
//! `agendum check --as-of` prints.

mod common;

use std::fs;
use std::path::Path;

use common::*;
use serde_json::Value;
use tempfile::TempDir;

/// Copies the small site and overlays `fixture` (a folder under `tests/fixtures/`), if any.
fn site_with(fixture_dir: Option<&Path>) -> TempDir {
    let tmp = TempDir::new().unwrap();
    copy_dir(&fixture("small"), tmp.path());
    if let Some(dir) = fixture_dir {
        copy_dir(dir, tmp.path());
    }
    tmp
}

fn invalid(case: &str) -> TempDir {
    site_with(Some(&fixture("invalid").join(case)))
}

fn upcoming_site() -> TempDir {
    site_with(Some(&fixture("upcoming")))
}

/// Runs agendum; returns (success, stdout, stderr).
fn run(args: &[&str]) -> (bool, String, String) {
    let o = agendum(args);
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// Runs agendum with `--format json`; returns (success, the document).
fn run_json(args: &[&str]) -> (bool, Value) {
    let mut args = args.to_vec();
    args.extend(["--format", "json"]);
    let (ok, out, err) = run(&args);
    assert!(err.is_empty(), "--format json wrote to standard error:\n{err}");
    let doc: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}):\n{out}"));
    (ok, doc)
}

/// The diagnostics with a code.
fn with_code<'a>(doc: &'a Value, code: &str) -> Vec<&'a Value> {
    doc["diagnostics"].as_array().unwrap().iter().filter(|d| d["code"] == code).collect()
}

#[test]
fn json_gives_the_place_the_text_and_the_suggestion() {
    let tmp = invalid("missing-reference");
    let root = tmp.path().to_str().unwrap();
    let (ok, doc) = run_json(&["check", "--root", root]);
    assert!(!ok, "check should fail");
    assert_eq!(doc["command"], "check");
    assert_eq!(doc["ok"], false);
    let found = with_code(&doc, "ref-unknown");
    assert_eq!(found.len(), 1, "{doc:#}");
    let d = found[0];
    assert_eq!(d["severity"], "error");
    assert_eq!(d["file"], "content/committees/cabinet/committee.yaml");
    // `remit: The executive. See [the leader](@ann-le).`: the link starts in column 40.
    assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(3), Some(40)));
    assert_eq!((d["end_line"].as_u64(), d["end_column"].as_u64()), (Some(3), Some(47)));
    assert_eq!(d["text"], "@ann-le");
    assert!(d["message"].as_str().unwrap().contains("`@ann-le`"), "{d:#}");
    assert!(d["help"].as_str().unwrap().contains("did you mean `@ann-lee`?"), "{d:#}");
    assert_eq!(doc["summary"]["errors"], 1);
    assert_eq!(doc["summary"]["warnings"], 0);
    assert!(doc["summary"]["written"].is_null());
}

#[test]
fn json_columns_count_characters_not_bytes() {
    let tmp = invalid("missing-reference");
    let file = tmp.path().join("content/committees/cabinet/committee.yaml");
    let text = fs::read_to_string(&file).unwrap();
    // Four two-byte characters before the link on the same line: four more bytes, no more columns.
    let accented = text.replace("The executive.", "The éxécutivé.");
    assert_ne!(accented, text);
    fs::write(&file, accented).unwrap();
    let (_, doc) = run_json(&["check", "--root", tmp.path().to_str().unwrap()]);
    let d = with_code(&doc, "ref-unknown")[0];
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64(), d["end_column"].as_u64()),
        (Some(3), Some(40), Some(47))
    );
    assert_eq!(d["text"], "@ann-le");
}

#[test]
fn json_suggests_the_report_meant() {
    let tmp = invalid("missing-report");
    let (ok, doc) = run_json(&["check", "--root", tmp.path().to_str().unwrap()]);
    assert!(!ok);
    let d = with_code(&doc, "report-missing")[0];
    assert_eq!(d["file"], "content/committees/cabinet/2025-06-10/meeting.yaml");
    assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(13), Some(15)));
    assert_eq!(d["text"], "budgte");
    assert_eq!(d["help"], "did you mean `budget`?");
}

#[test]
fn human_output_has_the_location_and_a_suggestion_for_a_misspelt_field() {
    let tmp = invalid("unknown-field");
    let (ok, out, err) = run(&["check", "--root", tmp.path().to_str().unwrap()]);
    assert!(!ok);
    assert!(err.contains("at content/people/bob-cole.yaml:4:1"), "{err}");
    assert!(err.contains("unknown field `wrd`"), "{err}");
    assert!(err.contains("did you mean `ward`?"), "{err}");
    // The source line is shown with the field underlined.
    assert!(err.contains("4 │ wrd:"), "{err}");
    // The human format keeps standard output for the summary of what is still to do.
    assert!(out.starts_with("Upcoming meetings"), "{out}");
}

#[test]
fn yaml_mistakes_are_explained_without_jargon() {
    let tmp = site_with(None);
    let meeting = tmp.path().join("content/committees/cabinet/2025-06-10/meeting.yaml");
    let text = fs::read_to_string(&meeting).unwrap();
    let broken = text.replace("status: held", "status: hled");
    assert_ne!(broken, text);
    fs::write(&meeting, broken).unwrap();
    let (ok, doc) = run_json(&["check", "--root", tmp.path().to_str().unwrap()]);
    assert!(!ok);
    let d = with_code(&doc, "unknown-value")[0];
    assert_eq!(d["text"], "hled");
    assert_eq!(d["message"], "`hled` is not one of the values allowed here");
    let help = d["help"].as_str().unwrap();
    assert!(help.starts_with("did you mean `held`?"), "{help}");
    assert!(!d["message"].as_str().unwrap().contains("variant"), "{d:#}");
}

#[test]
fn build_and_publish_report_in_json() {
    // A failed build: nothing written.
    let tmp = invalid("missing-report");
    let root = tmp.path().to_str().unwrap();
    let out = tmp.path().join("out");
    let (ok, doc) = run_json(&["build", "--root", root, "--output", out.to_str().unwrap(), "--no-pdfs"]);
    assert!(!ok);
    assert_eq!(doc["command"], "build");
    assert_eq!(doc["summary"]["errors"], 1);
    assert!(doc["summary"]["written"].is_null(), "{doc:#}");
    assert!(!out.exists());
    let (ok, doc) = run_json(&["publish", "--root", root, "--output", out.to_str().unwrap(), "--no-cache"]);
    assert!(!ok);
    assert_eq!(doc["command"], "publish");
    assert!(doc["summary"]["written"].is_null(), "{doc:#}");
    assert_eq!(with_code(&doc, "report-missing").len(), 1);

    // A build that succeeds: what it wrote.
    let tmp = site_with(None);
    let root = tmp.path().to_str().unwrap();
    let out = tmp.path().join("out");
    let (ok, doc) =
        run_json(&["build", "--root", root, "--output", out.to_str().unwrap(), "--no-pdfs", "--no-cache"]);
    assert!(ok, "{doc:#}");
    assert_eq!(doc["ok"], true);
    assert!(doc.get("upcoming").is_none(), "only check has the summary of what is to do");
    let written = &doc["summary"]["written"];
    assert_eq!(written["output"], out.to_str().unwrap());
    assert_eq!(written["pdfs"], 0);
    let site = Site { dir: out.clone(), base: "/".into() };
    let html = site.files().keys().filter(|k| k.ends_with(".html")).count();
    assert_eq!(written["pages"].as_u64(), Some(html as u64), "{doc:#}");
}

#[test]
fn check_as_of_lists_what_is_still_to_do() {
    let tmp = upcoming_site();
    let (ok, out, err) = run(&["check", "--root", tmp.path().to_str().unwrap(), "--as-of", "2026-12-01"]);
    assert!(ok, "{err}");
    // Cabinet on Tuesday 5 January 2027. Counting back the working days before it: Monday 4
    // January; Friday 1 January is New Year's Day; Thursday 31, Wednesday 30 and Tuesday 29
    // December; Monday 28 December is the substitute for Boxing Day and Friday 25 December is
    // Christmas Day; Thursday 24 December. Those five are the clear days, so the agenda must be
    // published by the working day before them: Wednesday 23 December 2026.
    assert!(
        out.contains(
            "  Cabinet, Tue 5 January 2027 — agenda must be published by Wed 23 December 2026 (not yet published)\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("    - item 2 \"Budget monitoring, quarter 2\": report \"Budget monitoring 2026/27, quarter 2\" still in draft\n"),
        "{out}"
    );
    assert!(out.contains("    - item 3 \"Leisure centre contract\": marked to follow\n"), "{out}");
    // Draft minutes of 15 September 2026: six weeks later is 27 October.
    assert!(out.contains("Minutes overdue:\n  Cabinet, Tue 15 September 2026 — minutes still draft (due by Tue 27 October 2026)\n"), "{out}");
    // Cabinet on 8 December 2026 has its agenda out and every paper in: no entry of its own.
    assert!(!out.contains("Cabinet, Tue 8 December 2026 —"), "{out}");
    assert!(out.contains("Agenda published and all papers in: Cabinet, Tue 8 December 2026\n"), "{out}");
    // 2 March 2027 is more than eight weeks ahead; thirteen weeks (to 2 March) take it in.
    assert!(!out.contains("March 2027"), "{out}");
    let (_, out, _) =
        run(&["check", "--root", tmp.path().to_str().unwrap(), "--as-of", "2026-12-01", "--weeks", "13"]);
    assert!(
        out.contains("  Cabinet, Tue 2 March 2027 — agenda must be published by Mon 22 February 2027"),
        "{out}"
    );
    // The meeting of 15 July 2025 is more than a year before and has no minutes: not listed.
    assert!(!out.contains("July 2025"), "{out}");
}

#[test]
fn check_as_of_in_json() {
    let tmp = upcoming_site();
    let (ok, doc) = run_json(&["check", "--root", tmp.path().to_str().unwrap(), "--as-of", "2026-12-01"]);
    assert!(ok, "{doc:#}");
    let u = &doc["upcoming"];
    assert_eq!((u["as_of"].as_str(), u["until"].as_str()), (Some("2026-12-01"), Some("2027-01-26")));
    let meetings = u["meetings"].as_array().unwrap();
    let ids: Vec<&str> = meetings.iter().map(|m| m["meeting"].as_str().unwrap()).collect();
    assert_eq!(ids, ["cabinet/2026-12-08", "cabinet/2027-01-05"]);
    let done = &meetings[0];
    // Tuesday 8 December: Tuesday 1 to Monday 7 December are the clear days.
    assert_eq!(done["publish_by"], "2026-11-30");
    assert_eq!(done["agenda"], serde_json::json!({"state": "published", "on": "2026-11-27", "late": false}));
    assert_eq!(done["outstanding"], serde_json::json!([]));
    let next = &meetings[1];
    assert_eq!(next["publish_by"], "2026-12-23");
    assert_eq!(next["file"], "content/committees/cabinet/2027-01-05/meeting.yaml");
    assert_eq!(next["agenda"], serde_json::json!({"state": "not-published", "overdue": false}));
    let missing: Vec<(u64, &str)> = next["outstanding"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["item"].as_u64().unwrap(), o["missing"].as_str().unwrap()))
        .collect();
    assert_eq!(missing, [(2, "draft-report"), (3, "to-follow")]);
    let minutes = u["minutes_overdue"].as_array().unwrap();
    assert_eq!(minutes.len(), 1, "{u:#}");
    assert_eq!(minutes[0]["meeting"], "cabinet/2026-09-15");
    assert_eq!(minutes[0]["state"], "draft");
    assert_eq!(minutes[0]["due"], "2026-10-27");
    // The same minutes are the one warning.
    assert_eq!(doc["summary"]["warnings"], 1);
    assert_eq!(with_code(&doc, "minutes-draft-overdue").len(), 1);

    // Once the deadline has passed without an agenda, it says so.
    let (_, doc) = run_json(&["check", "--root", tmp.path().to_str().unwrap(), "--as-of", "2026-12-24"]);
    let next = &doc["upcoming"]["meetings"][0];
    assert_eq!(next["meeting"], "cabinet/2027-01-05");
    assert_eq!(next["agenda"], serde_json::json!({"state": "not-published", "overdue": true}));
}

#[test]
fn check_as_of_lists_a_report_not_yet_written() {
    let tmp = upcoming_site();
    let meeting = tmp.path().join("content/committees/cabinet/2027-01-05/meeting.yaml");
    let mut text = fs::read_to_string(&meeting).unwrap();
    text.push_str(
        "  - number: 4\n    title: Treasury management strategy\n    reports: [treasury-strategy]\n",
    );
    fs::write(&meeting, text).unwrap();
    let root = tmp.path().to_str().unwrap();
    let (ok, out, err) = run(&["check", "--root", root, "--as-of", "2026-12-01"]);
    // Naming a report that does not exist is still an error …
    assert!(!ok);
    assert!(err.contains("report-missing"), "{err}");
    // … and the summary counts it among the papers not yet in.
    assert!(
        out.contains(
            "    - item 4 \"Treasury management strategy\": report `treasury-strategy` not yet in\n"
        ),
        "{out}"
    );
    let (_, doc) = run_json(&["check", "--root", root, "--as-of", "2026-12-01"]);
    let outstanding = doc["upcoming"]["meetings"][1]["outstanding"].as_array().unwrap();
    assert_eq!(
        outstanding.last().unwrap(),
        &serde_json::json!({"item": 4, "title": "Treasury management strategy", "missing": "report", "report": "treasury-strategy"})
    );
}
