//! Work programmes, the forward plan, decisions and matters, built from `tests/fixtures/small`
//! with the `records` overlay.

mod common;

use std::path::Path;

use common::*;
use tempfile::TempDir;

fn records_site(extra: Option<&str>) -> TempDir {
    let tmp = TempDir::new().unwrap();
    copy_dir(&fixture("small"), tmp.path());
    copy_dir(&fixture("records"), tmp.path());
    if let Some(case) = extra {
        copy_dir(&fixture("invalid-records").join(case), tmp.path());
    }
    tmp
}

fn build_as_of(root: &Path, as_of: &str) -> Site {
    let out = root.join(format!("out-{as_of}"));
    build_ok(root, &out, &["--as-of", as_of]);
    Site { dir: out, base: "/".into() }
}

fn row_refs(doc: &scraper::Html, table_caption_id: &str) -> Vec<String> {
    let region = format!("[aria-labelledby='{table_caption_id}'] tbody tr th");
    doc.select(&sel(&region)).map(|th| th.text().collect::<String>()).collect()
}

#[test]
fn record_pages_exist_and_links_resolve() {
    let tmp = records_site(None);
    let site = build_as_of(tmp.path(), "2026-04-10");
    for url in [
        "/committees/scrutiny/work-programme/",
        "/forward-plan/",
        "/forward-plan/kd-25-02/",
        "/forward-plan/decision-maker/cabinet/",
        "/forward-plan/scrutiny/scrutiny/",
        "/decisions/",
        "/decisions/key/",
        "/decisions/call-in/",
        "/decisions/cabinet-2026-04-01-4/",
        "/decisions/depot-lease/",
        "/matters/",
        "/matters/school-transport/",
    ] {
        assert!(site.file_for(url).is_some(), "missing {url}");
    }
    let (broken, checked) = broken_links(&site);
    assert!(checked > 200);
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn forward_plan_shows_the_next_four_months_as_of_a_date() {
    let tmp = records_site(None);
    let site = build_as_of(tmp.path(), "2026-01-15");
    let doc = site.page("/forward-plan/");
    // 15 January to 15 May 2026: KD 26-01 (10 February) and KD 26-03 (deferred to 15 May).
    assert_eq!(row_refs(&doc, "current-caption"), ["KD 26-01", "KD 26-03"]);
    assert_eq!(row_refs(&doc, "later-caption"), ["KD 26-02"]);
    let main = text(&doc, "main").unwrap();
    assert!(main.contains("Thursday 15 January 2026"), "{main}");

    // Six weeks later KD 26-01's date has passed, so it leaves the current plan.
    let later = build_as_of(tmp.path(), "2026-03-01");
    let doc = later.page("/forward-plan/");
    // By then the local plan (20 June) is within four months too.
    assert_eq!(row_refs(&doc, "current-caption"), ["KD 26-03", "KD 26-02"]);
    assert_eq!(row_refs(&doc, "later-caption"), Vec::<String>::new());
    let archive = text(&doc, "main").unwrap();
    assert!(archive.contains("February 2026") && archive.contains("KD 26-01"), "{archive}");
}

#[test]
fn call_in_runs_five_clear_working_days_across_easter() {
    let tmp = records_site(None);
    // Published Thursday 2 April 2026; Good Friday and Easter Monday are bank holidays.
    let site = build_as_of(tmp.path(), "2026-04-13");
    let doc = site.page("/decisions/cabinet-2026-04-01-4/");
    let summary = text(&doc, ".summary-list").unwrap();
    assert!(summary.contains("Open for call-in until the end of Monday 13 April 2026"), "{summary}");
    let open = site.page("/decisions/call-in/");
    assert!(hrefs(&open, "main table a").contains(&"/decisions/cabinet-2026-04-01-4/".to_string()));

    let after = build_as_of(tmp.path(), "2026-04-14");
    let doc = after.page("/decisions/cabinet-2026-04-01-4/");
    assert!(text(&doc, ".summary-list").unwrap().contains("Call-in period ended on 13 April 2026"));
    let open = after.page("/decisions/call-in/");
    assert!(!hrefs(&open, "main a").contains(&"/decisions/cabinet-2026-04-01-4/".to_string()));
}

#[test]
fn records_link_both_ways() {
    let tmp = records_site(None);
    let site = build_as_of(tmp.path(), "2026-04-10");
    let links = |url: &str| hrefs(&site.page(url), "main a");

    // Work programme item ↔ the agenda item where it was considered.
    let wp = "/committees/scrutiny/work-programme/";
    assert!(links(wp).contains(&"/committees/scrutiny/2025-06-03/items/1/".to_string()));
    assert!(links("/committees/scrutiny/2025-06-03/items/1/").contains(&format!("{wp}#transport-review")));
    // A resolution created a work programme item, and the item names the resolution.
    assert!(links("/committees/cabinet/2025-06-10/minutes/").contains(&format!("{wp}#budget-follow-up")));
    assert!(links(wp).contains(&"/committees/cabinet/2025-06-10/minutes/#minute-2".to_string()));
    // The committee page links its work programme.
    assert!(links("/committees/scrutiny/").contains(&wp.to_string()));

    // Report ↔ forward plan entry; entry ↔ the item where it was taken and the decision.
    let entry = "/forward-plan/kd-25-02/";
    let report = "/committees/cabinet/2026-04-01/reports/transport-policy/";
    assert!(links(report).contains(&entry.to_string()));
    assert!(links(entry).contains(&report.to_string()));
    assert!(links(entry).contains(&"/committees/cabinet/2026-04-01/items/1/".to_string()));
    assert!(links("/committees/cabinet/2026-04-01/items/1/").contains(&entry.to_string()));
    let decision = "/decisions/cabinet-2026-04-01-4/";
    assert!(links(entry).contains(&decision.to_string()));
    assert!(links(decision).contains(&entry.to_string()));
    // Decision ↔ minute.
    assert!(links(decision).contains(&"/committees/cabinet/2026-04-01/minutes/#minute-4".to_string()));
    assert!(links("/committees/cabinet/2026-04-01/minutes/").contains(&decision.to_string()));
    // Task group ↔ its report.
    let scrutiny_report = "/committees/scrutiny/2025-06-03/reports/transport-review/";
    assert!(links(wp).contains(&scrutiny_report.to_string()));
    assert!(links(scrutiny_report).contains(&format!("{wp}#attendance-group")));
}

#[test]
fn work_programme_sections_and_monitoring_grid() {
    let tmp = records_site(None);
    let site = build_as_of(tmp.path(), "2026-04-10");
    let doc = site.page("/committees/scrutiny/work-programme/");
    let ids = |sel_: &str| {
        doc.select(&sel(sel_)).map(|e| e.value().attr("id").unwrap().to_string()).collect::<Vec<_>>()
    };
    assert_eq!(ids("#upcoming article.work-item"), ["budget-follow-up", "parking", "depot"]);
    assert_eq!(ids("#completed article.work-item"), ["transport-review"]);
    assert_eq!(ids("#discontinued li"), ["libraries"]);
    let grid = text(&doc, "#monitoring table").unwrap();
    assert!(grid.contains("Quarterly performance") && grid.contains("Considered"), "{grid}");
    assert!(text(&doc, "#future").unwrap().contains("Youth services"));
    assert!(text(&doc, "#task-groups").unwrap().contains("School Attendance Task and Finish Group"));
}

#[test]
fn matter_history_runs_in_date_order_across_committees() {
    let tmp = records_site(None);
    let site = build_as_of(tmp.path(), "2026-04-10");
    let doc = site.page("/matters/school-transport/");
    let dates: Vec<String> = doc
        .select(&sel("ol.timeline time"))
        .map(|t| t.value().attr("datetime").unwrap().to_string())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    let t = text(&doc, "ol.timeline").unwrap();
    for what in [
        "Planned in the work programme",
        "Published in the forward plan (KD 25-02)",
        "Considered by Overview and Scrutiny Committee",
        "Considered by Cabinet",
        "Decided by Cabinet",
    ] {
        assert!(t.contains(what), "{what} missing from {t}");
    }
    // Inferred: the cabinet item never names the matter, but its report's forward plan entry does.
    let item = site.page("/committees/cabinet/2026-04-01/items/1/");
    assert!(hrefs(&item, ".matter-history a").contains(&"/matters/school-transport/".to_string()));
    // Nothing from unrelated business is pulled in.
    assert!(!t.contains("Budget monitoring"), "{t}");
}

fn must_fail_with(case: &str, code: &str, at: &str) {
    let tmp = records_site(Some(case));
    let o = agendum(&["check", "--root", tmp.path().to_str().unwrap(), "--as-of", "2026-04-10"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success(), "{case}: check passed");
    assert!(err.contains(code), "{case}: no {code} in\n{err}");
    assert!(err.contains(&format!("at {at}")), "{case}: no {at} in\n{err}");
}

#[test]
fn record_checks_are_located() {
    must_fail_with(
        "work-target-missing",
        "there is no meeting `scrutiny/2025-06-04`",
        "content/committees/scrutiny/work-programme.yaml:11:13",
    );
    must_fail_with(
        "work-completed-unlinked",
        "work-completed-unlinked",
        "content/committees/scrutiny/work-programme.yaml:3:9",
    );
    must_fail_with(
        "plan-reference-duplicate",
        "plan-reference-duplicate",
        "content/forward-plan/kd-26-04.yaml:1:12",
    );
    must_fail_with(
        "plan-reference-missing",
        "plan-reference-missing",
        "content/committees/cabinet/2026-04-01/reports/transport-policy.md:6:15",
    );
    must_fail_with(
        "published-before-decision",
        "published-before-decision",
        "content/committees/cabinet/2026-04-01/minutes.md:8:22",
    );
}

#[test]
fn urgent_and_clashing_decisions() {
    let tmp = records_site(None);
    let site = build_as_of(tmp.path(), "2026-04-10");
    let doc = site.page("/decisions/depot-lease/");
    assert!(text(&doc, ".summary-list").unwrap().contains("Urgent: not subject to call-in"));

    // An officer decision may not take the address of a register page or of another decision.
    let decisions = tmp.path().join("content/decisions");
    std::fs::copy(decisions.join("depot-lease.yaml"), decisions.join("key.yaml")).unwrap();
    std::fs::copy(decisions.join("depot-lease.yaml"), decisions.join("cabinet-2026-04-01-4.yaml")).unwrap();
    let o = agendum(&["check", "--root", tmp.path().to_str().unwrap(), "--as-of", "2026-04-10"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(err.contains("at content/decisions/key.yaml:1:1"), "{err}");
    assert!(err.contains("at content/decisions/cabinet-2026-04-01-4.yaml:1:1"), "{err}");
    assert!(err.contains("decision-id-clash"), "{err}");
}
