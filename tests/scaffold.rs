//! `agendum new`: each command's output builds with no errors; `new meeting` links the right
//! previous meeting and continues or restarts the minute numbers across a municipal year; files
//! are never overwritten; unknown names get suggestions.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::{Site, agendum, copy_dir, fixture, hrefs, project_root, sel};

/// A copy of a content folder in a temporary site folder.
fn site_from(content: &Path) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_dir(content, &root.join("content"));
    (tmp, root)
}

fn run(args: &[&str]) -> Output {
    agendum(args)
}

fn ok(args: &[&str]) -> String {
    let o = run(args);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "agendum {} failed:\n{err}", args.join(" "));
    err
}

fn fails(args: &[&str]) -> String {
    let o = run(args);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(!o.status.success(), "agendum {} should have failed:\n{err}", args.join(" "));
    err
}

/// Builds without PDFs as at a date; returns stderr after checking there are no errors.
fn build(root: &Path, as_of: &str) -> (Site, String) {
    let out = root.join("public");
    let err = ok(&["build", "--root", root.to_str().unwrap(), "--no-cache", "--no-pdfs", "--as-of", as_of]);
    (Site { dir: out, base: "/".into() }, err)
}

fn read(root: &Path, rel: &str) -> String {
    fs::read_to_string(root.join("content").join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The minute numbers of the `## N.` headings of a minutes file, in order.
fn minute_numbers(minutes: &str) -> Vec<u32> {
    minutes
        .lines()
        .filter_map(|l| l.strip_prefix("## "))
        .filter_map(|l| l.split('.').next()?.parse().ok())
        .collect()
}

#[test]
fn new_site_builds_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("council");
    let d = dir.to_str().unwrap();
    let err = ok(&["new", "site", d, "--name", "Fernhill Borough Council"]);
    assert!(err.contains("created") && err.contains("site.yaml"), "{err}");
    for f in ["content/site.yaml", "content/committees/council/committee.yaml", "templates/report.md"] {
        assert!(dir.join(f).is_file(), "{f} missing");
    }
    let out = dir.join("public");
    let o = run(&["build", "--root", d, "--no-cache"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("0 warning(s)"), "a new site should build without warnings:\n{err}");
    let site = Site { dir: out, base: "/".into() };
    let home = site.page("/");
    assert!(home.root_element().text().collect::<String>().contains("Fernhill Borough Council"));
    let meetings: Vec<String> = hrefs(&site.page("/committees/council/"), "main a[href]")
        .into_iter()
        .filter(|h| h.starts_with("/committees/council/2"))
        .collect();
    assert!(!meetings.is_empty(), "the council's page should list the sample meeting");
    assert!(site.file_for(&meetings[0]).is_some(), "no meeting page at {}", meetings[0]);

    // A second time, into the same folder: refused, and nothing changed.
    let before = fs::read_to_string(dir.join("content/site.yaml")).unwrap();
    let err = fails(&["new", "site", d]);
    assert!(err.contains("content") && err.contains("already exists"), "{err}");
    assert_eq!(fs::read_to_string(dir.join("content/site.yaml")).unwrap(), before);
}

#[test]
fn new_site_refuses_to_overwrite_a_file_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("council");
    fs::create_dir_all(dir.join("templates")).unwrap();
    fs::write(dir.join("templates/report.md"), "our own template\n").unwrap();
    let err = fails(&["new", "site", dir.to_str().unwrap()]);
    assert!(err.contains("report.md") && err.contains("already exists"), "{err}");
    assert_eq!(fs::read_to_string(dir.join("templates/report.md")).unwrap(), "our own template\n");
    assert!(!dir.join("content").exists(), "nothing should be written when one file is refused");
}

#[test]
fn new_meeting_in_a_new_municipal_year_links_the_last_meeting_and_restarts_numbers() {
    let (_tmp, root) = site_from(&fixture("scaffold").join("content"));
    let r = root.to_str().unwrap();
    let err = ok(&["new", "meeting", "licensing", "2026-06-09", "--root", r]);
    assert!(err.contains("start at minute 1"), "{err}");
    let meeting = read(&root, "committees/licensing/2026-06-09/meeting.yaml");
    // The meeting of 12 May 2026 was cancelled: the previous one is 17 March, in 2025/26.
    assert!(meeting.contains("minutes_of: licensing/2026-03-17"), "{meeting}");
    assert!(meeting.contains("held on 17 March 2026"), "{meeting}");
    assert!(meeting.contains("start at minute 1:"), "{meeting}");
    assert!(meeting.contains("time: \"10:00\"") && meeting.contains("Committee Room A, Civic Offices"));
    for title in ["Apologies for absence", "Declarations of interest", "Public speaking time"] {
        assert!(meeting.contains(title), "{title} missing:\n{meeting}");
    }

    ok(&["new", "minutes", "licensing/2026-06-09", "--root", r]);
    let minutes = read(&root, "committees/licensing/2026-06-09/minutes.md");
    assert_eq!(minute_numbers(&minutes), vec![1, 2, 3, 4], "{minutes}");
    assert!(minutes.contains("## 3. Minutes of the previous meeting {item=3}"), "{minutes}");
    // Attendance from the 2026/27 membership, without the substitute.
    assert!(minutes.contains("- person: colin-marsh\n    role: chair"), "{minutes}");
    assert!(minutes.contains("- person: dilys-evans\n    role: vice-chair"), "{minutes}");
    assert!(minutes.contains("- person: ruth-akande"), "{minutes}");
    assert!(!minutes.contains("person: hannah-ward"), "a substitute is not present by default:\n{minutes}");
    assert!(read(&root, "committees/licensing/2026-06-09/meeting.yaml").contains("status: held"));

    let (site, err) = build(&root, "2026-06-10");
    assert!(!err.contains("minute-number"), "{err}");
    let item = site.page("/committees/licensing/2026-06-09/items/3/");
    assert!(
        hrefs(&item, "main a[href]").iter().any(|h| h.starts_with("/committees/licensing/2026-03-17/")),
        "item 3 should link to the meeting of 17 March 2026"
    );
    let page = site.page("/committees/licensing/2026-06-09/minutes/");
    for n in 1..=4 {
        assert!(page.select(&sel(&format!("#minute-{n}"))).next().is_some(), "no minute {n}");
    }
    // The minutes it approves now link to the meeting that approved them.
    let approved = site.page("/committees/licensing/2026-03-17/minutes/");
    assert!(
        hrefs(&approved, "main a[href]").iter().any(|h| h.starts_with("/committees/licensing/2026-06-09/"))
    );
}

#[test]
fn new_meeting_in_the_same_municipal_year_continues_numbers() {
    let (_tmp, root) = site_from(&fixture("scaffold").join("content"));
    let r = root.to_str().unwrap();
    ok(&["new", "meeting", "licensing", "2026-04-21", "--root", r]);
    let meeting = read(&root, "committees/licensing/2026-04-21/meeting.yaml");
    assert!(meeting.contains("minutes_of: licensing/2026-03-17"), "{meeting}");
    assert!(meeting.contains("start at minute 38:"), "{meeting}");

    // A meeting after one whose minutes are not written yet: its previous meeting is that one,
    // and its numbers allow one minute for each of that meeting's four items.
    ok(&["new", "meeting", "licensing", "2026-04-28", "--root", r, "--time", "14:00"]);
    let next = read(&root, "committees/licensing/2026-04-28/meeting.yaml");
    assert!(next.contains("minutes_of: licensing/2026-04-21"), "{next}");
    assert!(next.contains("start at minute 42:"), "{next}");
    assert!(next.contains("time: \"14:00\""), "{next}");

    ok(&["new", "minutes", "licensing/2026-04-21", "--root", r]);
    ok(&["new", "minutes", "licensing/2026-04-28", "--root", r]);
    let a = read(&root, "committees/licensing/2026-04-21/minutes.md");
    let b = read(&root, "committees/licensing/2026-04-28/minutes.md");
    assert_eq!(minute_numbers(&a), vec![38, 39, 40, 41], "{a}");
    assert_eq!(minute_numbers(&b), vec![42, 43, 44, 45], "{b}");
    assert!(a.contains("held on 17 March 2026 be approved"), "{a}");
    let (_site, err) = build(&root, "2026-04-29");
    assert!(!err.contains("minute-number"), "{err}");
}

#[test]
fn continuous_numbering_runs_on_into_the_new_year() {
    let (_tmp, root) = site_from(&fixture("scaffold").join("content"));
    let r = root.to_str().unwrap();
    let site_yaml = root.join("content/site.yaml");
    let mut text = fs::read_to_string(&site_yaml).unwrap();
    text.push_str("minute_numbering: continuous\n");
    fs::write(&site_yaml, text).unwrap();
    ok(&["new", "meeting", "licensing", "2026-06-09", "--root", r]);
    let meeting = read(&root, "committees/licensing/2026-06-09/meeting.yaml");
    assert!(meeting.contains("start at minute 38:"), "{meeting}");
    ok(&["new", "minutes", "licensing/2026-06-09", "--root", r]);
    let minutes = read(&root, "committees/licensing/2026-06-09/minutes.md");
    assert_eq!(minute_numbers(&minutes), vec![38, 39, 40, 41], "{minutes}");
    build(&root, "2026-06-10");
}

#[test]
fn new_report_joins_the_agenda_before_closing_items_and_builds() {
    // The sample scrutiny committee has its own standing items, ending with its work programme.
    let (_tmp, root) = site_from(&project_root().join("content"));
    let r = root.to_str().unwrap();
    let committee = "children-and-young-people-scrutiny";
    ok(&["new", "meeting", committee, "2027-03-16", "--root", r]);
    let meeting_rel = format!("committees/{committee}/2027-03-16/meeting.yaml");
    let meeting = read(&root, &meeting_rel);
    assert!(meeting.contains(&format!("minutes_of: {committee}/2027-01-19")), "{meeting}");
    assert!(meeting.contains("title: Public questions") && meeting.contains("title: Work Programme 2026/27"));

    // Without --author and without a terminal: an error that lists the officers.
    let err = fails(&["new", "report", &format!("{committee}/2027-03-16"), "send-places", "--root", r]);
    assert!(err.contains("--author") && err.contains("amara-nwosu"), "{err}");
    assert!(!root.join(format!("content/committees/{committee}/2027-03-16/reports")).exists());

    ok(&[
        "new",
        "report",
        &format!("{committee}/2027-03-16"),
        "send-places",
        "--root",
        r,
        "--author",
        "amara-nwosu",
        "--title",
        "Specialist SEND Places: Progress",
    ]);
    let report = read(&root, &format!("committees/{committee}/2027-03-16/reports/send-places.md"));
    assert!(report.contains("author: amara-nwosu") && report.contains("draft: true"), "{report}");
    assert!(report.contains("report_of: Director of Children's Services"), "{report}");
    for heading in [
        "## Report summary",
        "## Recommendations",
        "## Reasons for recommendations",
        "## Financial implications",
        "## Legal implications",
        "## Background and options considered",
        "## Access to information",
    ] {
        assert!(report.contains(heading), "{heading} missing:\n{report}");
    }
    assert!(report.contains("Contact: [Amara Nwosu](@amara-nwosu)"), "{report}");
    let meeting = read(&root, &meeting_rel);
    let report_item = meeting.find("title: \"Specialist SEND Places: Progress\"").expect("new item");
    let work_programme = meeting.find("title: Work Programme 2026/27").unwrap();
    assert!(report_item < work_programme, "the report should come before the work programme:\n{meeting}");
    assert!(meeting.contains("  - number: 6\n    title: Work Programme 2026/27"), "{meeting}");

    let (site, _) = build(&root, "2027-03-10");
    let agenda = site.page(&format!("/committees/{committee}/2027-03-16/"));
    let text: String = agenda.root_element().text().collect();
    assert!(text.contains("Specialist SEND Places: Progress"), "the item should be on the agenda");
    assert!(
        site.file_for(&format!("/committees/{committee}/2027-03-16/reports/send-places/")).is_none(),
        "a draft report is not published"
    );

    // Its minutes: the report's item gets its minute, citing the report.
    ok(&["new", "minutes", &format!("{committee}/2027-03-16"), "--root", r]);
    let minutes = read(&root, &format!("committees/{committee}/2027-03-16/minutes.md"));
    assert!(
        minutes.contains("{item=5}") && minutes.contains(&format!("(@{committee}/2027-03-16/send-places)"))
    );
    build(&root, "2027-03-17");
}

#[test]
fn new_report_on_an_existing_item_and_from_the_councils_template() {
    let (_tmp, root) = site_from(&fixture("scaffold").join("content"));
    let r = root.to_str().unwrap();
    fs::create_dir_all(root.join("templates")).unwrap();
    fs::write(root.join("templates/report.md"), "## Summary\n\nFor the {{committee}}, by {{author_name}}.\n")
        .unwrap();
    ok(&["new", "meeting", "licensing", "2026-04-21", "--root", r]);
    ok(&[
        "new",
        "report",
        "licensing/2026-04-21",
        "taxi-fares",
        "--root",
        r,
        "--author",
        "hannah-ward",
        "--item",
        "4",
    ]);
    let report = read(&root, "committees/licensing/2026-04-21/reports/taxi-fares.md");
    assert!(report.contains("For the Licensing Committee, by Hannah Ward."), "{report}");
    let meeting = read(&root, "committees/licensing/2026-04-21/meeting.yaml");
    assert!(meeting.contains("title: Public speaking time\n"), "{meeting}");
    assert!(meeting.trim_end().ends_with("reports:\n      - taxi-fares"), "{meeting}");
    let err = fails(&[
        "new",
        "report",
        "licensing/2026-04-21",
        "more",
        "--root",
        r,
        "--author",
        "hannah-ward",
        "--item",
        "9",
    ]);
    assert!(err.contains("no agenda item 9"), "{err}");
    let err = fails(&[
        "new",
        "report",
        "licensing/2026-04-21",
        "Taxi Fares",
        "--root",
        r,
        "--author",
        "hannah-ward",
    ]);
    assert!(err.contains("`taxi-fares`"), "{err}");
    build(&root, "2026-04-20");
}

#[test]
fn never_overwrites_and_suggests_names() {
    let (_tmp, root) = site_from(&fixture("scaffold").join("content"));
    let r = root.to_str().unwrap();
    ok(&["new", "meeting", "licensing", "2026-06-09", "--root", r]);
    let path = root.join("content/committees/licensing/2026-06-09/meeting.yaml");
    fs::write(&path, fs::read_to_string(&path).unwrap() + "# edited by the clerk\n").unwrap();
    let before = fs::read_to_string(&path).unwrap();
    let err = fails(&["new", "meeting", "licensing", "2026-06-09", "--root", r]);
    assert!(err.contains("already") && err.contains("2026-06-09/meeting.yaml"), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), before);

    let err = fails(&["new", "minutes", "licensing/2026-03-17", "--root", r]);
    assert!(err.contains("already has minutes") && err.contains("2026-03-17/minutes.md"), "{err}");

    let err = fails(&["new", "meeting", "licencing", "2026-07-14", "--root", r]);
    assert!(err.contains("no committee `licencing`") && err.contains("did you mean `licensing`"), "{err}");
    let err = fails(&["new", "minutes", "licensing/2026-03-18", "--root", r]);
    assert!(err.contains("did you mean `licensing/2026-03-17`"), "{err}");
    let err =
        fails(&["new", "report", "licensing/2026-06-09", "fares", "--root", r, "--author", "hanah-ward"]);
    assert!(err.contains("did you mean `hannah-ward`"), "{err}");
    let err = fails(&["new", "minutes", "licensing/2026-05-12", "--root", r]);
    assert!(err.contains("cancelled"), "{err}");
    let err = fails(&[
        "new",
        "meeting",
        "licensing",
        "2026-07-14",
        "--root",
        root.join("nowhere").to_str().unwrap(),
    ]);
    assert!(err.contains("does not exist") && err.contains("--root"), "{err}");
}
