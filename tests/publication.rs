//! Publication rules (five clear working days, late reports, 28 days' notice of key decisions,
//! overdue draft minutes) around bank holiday weekends, their configurable levels, and papers
//! that are not yet published.

mod common;

use std::fs;
use std::path::Path;

use common::*;
use tempfile::TempDir;

const MEETING: &str = "content/committees/cabinet/2025-06-10/meeting.yaml";

/// The small site with a single meeting moved to `date` and its agenda published on `published`.
fn site_meeting_on(date: &str, published: &str) -> TempDir {
    let tmp = TempDir::new().unwrap();
    copy_dir(&fixture("small"), tmp.path());
    let c = tmp.path().join("content/committees/cabinet");
    // Keep one meeting, renamed to the date wanted.
    fs::remove_dir_all(c.join("2025-07-15")).unwrap();
    fs::rename(c.join("2025-06-10"), c.join(date)).unwrap();
    let meeting = c.join(date).join("meeting.yaml");
    let text = fs::read_to_string(&meeting)
        .unwrap()
        .replace("agenda_published: 2025-06-02", &format!("agenda_published: {published}"));
    fs::write(&meeting, text).unwrap();
    let minutes = c.join(date).join("minutes.md");
    let text = fs::read_to_string(&minutes)
        .unwrap()
        .replace("approved_at: cabinet/2025-07-15\n", "")
        .replace("CANARY", "");
    fs::write(&minutes, text).unwrap();
    replace(
        tmp.path(),
        "content/committees/cabinet/committee.yaml",
        "\"2025/26\"",
        &format!("\"{}\"", year_of(date)),
    );
    // The report's own link to its minutes names the old meeting.
    replace(
        tmp.path(),
        &format!("content/committees/cabinet/{date}/reports/budget.md"),
        "cabinet/2025-06-10/minutes#2",
        &format!("cabinet/{date}/minutes#2"),
    );
    replace(
        tmp.path(),
        &format!("content/committees/cabinet/{date}/reports/budget.md"),
        "date: 2025-06-02",
        &format!("date: {published}"),
    );
    replace(
        tmp.path(),
        &format!("content/committees/cabinet/{date}/reports/depot-sale.md"),
        "date: 2025-06-02",
        &format!("date: {published}"),
    );
    tmp
}

fn year_of(date: &str) -> String {
    let y: i32 = date[..4].parse().unwrap();
    let m: u32 = date[5..7].parse().unwrap();
    let start = if m >= 5 { y } else { y - 1 };
    format!("{start}/{:02}", (start + 1) % 100)
}

fn replace(root: &Path, rel: &str, from: &str, to: &str) {
    let p = root.join(rel);
    let text = fs::read_to_string(&p).unwrap();
    assert!(text.contains(from), "{rel} has no {from:?}");
    fs::write(&p, text.replace(from, to)).unwrap();
}

fn check(root: &Path, as_of: &str) -> (bool, String) {
    let o = agendum(&["check", "--root", root.to_str().unwrap(), "--as-of", as_of]);
    (o.status.success(), String::from_utf8_lossy(&o.stderr).into_owned())
}

#[test]
fn five_clear_working_days_over_easter() {
    // Tuesday 14 April 2026: Good Friday (3rd) and Easter Monday (6th) are not working days.
    // Published Thursday 2 April: 7, 8, 9, 10 and 13 April are five clear working days.
    let ok = site_meeting_on("2026-04-14", "2026-04-02");
    let (pass, err) = check(ok.path(), "2026-04-20");
    assert!(pass && !err.contains("agenda-late"), "{err}");
    // Published Wednesday 8 April: only 9, 10 and 13 April.
    let late = site_meeting_on("2026-04-14", "2026-04-08");
    let (pass, err) = check(late.path(), "2026-04-20");
    assert!(!pass, "{err}");
    assert!(err.contains("agenda-late") && err.contains("3 clear working day(s)"), "{err}");
    assert!(err.contains("at content/committees/cabinet/2026-04-14/meeting.yaml:6:19"), "{err}");
}

#[test]
fn five_clear_working_days_over_the_late_may_bank_holiday() {
    // Tuesday 2 June 2026; Monday 25 May is the spring bank holiday.
    let ok = site_meeting_on("2026-06-02", "2026-05-22");
    assert!(check(ok.path(), "2026-06-10").0);
    let late = site_meeting_on("2026-06-02", "2026-05-26");
    let (pass, err) = check(late.path(), "2026-06-10");
    assert!(!pass && err.contains("4 clear working day(s)"), "{err}");
}

#[test]
fn rule_levels_come_from_site_yaml() {
    let late = site_meeting_on("2026-06-02", "2026-05-26");
    replace(
        late.path(),
        "content/site.yaml",
        "short_name: Testborough",
        "short_name: Testborough\nrules:\n  agenda-late: warning",
    );
    let (pass, err) = check(late.path(), "2026-06-10");
    assert!(pass, "{err}");
    assert!(err.contains("warning[agenda-late]") || err.contains("agenda-late"), "{err}");
    replace(late.path(), "content/site.yaml", "agenda-late: warning", "agenda-late: off");
    let (pass, err) = check(late.path(), "2026-06-10");
    assert!(pass && !err.contains("agenda-late"), "{err}");
    replace(late.path(), "content/site.yaml", "agenda-late: off", "agenda-lately: off");
    let (pass, err) = check(late.path(), "2026-06-10");
    assert!(!pass && err.contains("unknown-rule"), "{err}");
}

#[test]
fn late_reports_need_a_supplementary_item_with_urgency() {
    let tmp = site_meeting_on("2026-06-02", "2026-05-22");
    let report = "content/committees/cabinet/2026-06-02/reports/budget.md";
    replace(tmp.path(), report, "date: 2026-05-22", "date: 2026-05-22\npublished: 2026-05-29");
    let (pass, err) = check(tmp.path(), "2026-06-10");
    assert!(!pass && err.contains("report-late"), "{err}");
    let meeting = "content/committees/cabinet/2026-06-02/meeting.yaml";
    replace(
        tmp.path(),
        meeting,
        "    reports: [budget]",
        "    reports: [budget]\n    supplementary: true\n    urgency: The outturn must be reported before the accounts are signed.",
    );
    let (pass, err) = check(tmp.path(), "2026-06-10");
    assert!(pass, "{err}");
}

#[test]
fn key_decisions_need_28_clear_days_notice() {
    let tmp = TempDir::new().unwrap();
    copy_dir(&fixture("small"), tmp.path());
    copy_dir(&fixture("records"), tmp.path());
    // KD 25-02 was taken on 1 April 2026: 28 clear days back is 3 March.
    let entry = "content/forward-plan/kd-25-02.yaml";
    replace(tmp.path(), entry, "first_published: 2025-04-01", "first_published: 2026-03-03");
    assert!(check(tmp.path(), "2026-04-10").0);
    replace(tmp.path(), entry, "first_published: 2026-03-03", "first_published: 2026-03-04");
    let (pass, err) = check(tmp.path(), "2026-04-10");
    assert!(!pass && err.contains("key-decision-notice") && err.contains("27 clear day(s)"), "{err}");
}

#[test]
fn draft_minutes_become_overdue() {
    let tmp = site_meeting_on("2026-04-14", "2026-04-02");
    replace(
        tmp.path(),
        "content/committees/cabinet/2026-04-14/minutes.md",
        "status: approved",
        "status: draft",
    );
    let (_, err) = check(tmp.path(), "2026-05-20");
    assert!(!err.contains("minutes-draft-overdue"), "{err}");
    let (pass, err) = check(tmp.path(), "2026-05-27");
    assert!(pass && err.contains("minutes-draft-overdue"), "{err}");
}

#[test]
fn unpublished_papers_are_absent_from_the_public_edition() {
    let tmp = site_meeting_on("2026-04-14", "2026-04-02");
    let report = "content/committees/cabinet/2026-04-14/reports/budget.md";
    replace(tmp.path(), report, "date: 2026-04-02", "date: 2026-04-02\ndraft: true");
    replace(
        tmp.path(),
        "content/committees/cabinet/2026-04-14/minutes.md",
        "status: approved",
        "status: draft\npublished: 2026-04-30",
    );
    replace(
        tmp.path(),
        MEETING.replace("2025-06-10", "2026-04-14").as_str(),
        "    reports: [budget]",
        "    reports: [budget]\n    to_follow: true",
    );
    let out = tmp.path().join("out");
    build_ok(tmp.path(), &out, &["--as-of", "2026-04-20"]);
    let site = Site { dir: out, base: "/".into() };
    assert!(
        site.file_for("/committees/cabinet/2026-04-14/reports/budget/").is_none(),
        "draft report published"
    );
    assert!(site.file_for("/committees/cabinet/2026-04-14/minutes/").is_none(), "minutes published early");
    let item = site.page("/committees/cabinet/2026-04-14/items/2/");
    let main = text(&item, "main").unwrap();
    assert!(main.contains("Papers to follow") && !main.contains("Budget monitoring 2025/26"), "{main}");
    for (rel, bytes) in site.files() {
        let s = String::from_utf8_lossy(&bytes);
        assert!(!s.contains("reports/budget/"), "{rel} links the unpublished report");
    }
    // Once the publication date has passed, the minutes appear.
    let later = tmp.path().join("later");
    build_ok(tmp.path(), &later, &["--as-of", "2026-04-30"]);
    assert!(later.join("committees/cabinet/2026-04-14/minutes/index.html").is_file());
    // The members' edition has everything.
    let members = tmp.path().join("private");
    build_ok(tmp.path(), &members, &["--as-of", "2026-04-20", "--edition", "members"]);
    assert!(members.join("committees/cabinet/2026-04-14/reports/budget/index.html").is_file());
}

#[test]
fn publish_records_first_publication_and_revisions() {
    let tmp = site_meeting_on("2026-04-14", "2026-04-02");
    let root = tmp.path().to_str().unwrap();
    let record = tmp.path().join("content/publication-record.jsonl");
    let o = agendum(&["publish", "--root", root]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let first = fs::read_to_string(&record).unwrap();
    let ids: Vec<String> = first
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string())
        .collect();
    assert!(
        ids.contains(&"cabinet/2026-04-14".to_string())
            && ids.contains(&"cabinet/2026-04-14/budget".to_string()),
        "{ids:?}"
    );
    // Nothing changed: nothing recorded.
    assert!(agendum(&["publish", "--root", root]).status.success());
    assert_eq!(fs::read_to_string(&record).unwrap(), first);
    // A revised report is recorded again, and its page says so.
    replace(
        tmp.path(),
        "content/committees/cabinet/2026-04-14/reports/budget.md",
        "That Cabinet notes the position.",
        "That Cabinet notes the revised position.",
    );
    assert!(agendum(&["publish", "--root", root]).status.success());
    let second = fs::read_to_string(&record).unwrap();
    assert!(second.starts_with(&first) && second.lines().count() > first.lines().count());
    let site = Site { dir: tmp.path().join("public"), base: "/".into() };
    let page = site.page("/committees/cabinet/2026-04-14/reports/budget/");
    let notice = text(&page, ".publication").unwrap();
    assert!(notice.contains("Published on") && notice.contains("revised on"), "{notice}");
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(site.dir.join("data/publication-record.json")).unwrap()).unwrap();
    assert_eq!(json.as_array().unwrap().len(), second.lines().count());
    // Editing a past line is refused.
    fs::write(&record, second.replacen("\"seq\":1", "\"seq\":9", 1)).unwrap();
    let o = agendum(&["publish", "--root", root]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("at content/publication-record.jsonl:1:1"));
}

#[test]
fn the_record_is_the_proof_for_five_clear_days() {
    // The typed date (2 April) would be on time, but the record says the agenda appeared on
    // 9 April.
    let tmp = site_meeting_on("2026-04-14", "2026-04-02");
    let at: jiff::Timestamp = "2026-04-09T10:00:00Z".parse().unwrap();
    let docs = vec![(
        "cabinet/2026-04-14".to_string(),
        "/committees/cabinet/2026-04-14/".to_string(),
        "0".repeat(64),
    )];
    let lines = agendum::access::record::new_lines("", &[], &docs, at);
    fs::write(tmp.path().join("content/publication-record.jsonl"), lines).unwrap();
    let (pass, err) = check(tmp.path(), "2026-04-20");
    assert!(
        !pass && err.contains("(from the publication record)") && err.contains("2 clear working"),
        "{err}"
    );
}
