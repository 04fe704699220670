//! Atom feeds and iCalendar files: valid by real parsers, stable between builds, nothing exempt
//! in them, and linked from the pages.
//!
//! The validators are the Python packages pinned in `tests/requirements.txt` (feedparser and
//! atoma for Atom, icalendar and the stricter ical for iCalendar), installed by
//! `scripts/install-test-tools.sh`.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use common::*;
use tempfile::TempDir;

/// The sample site is written as at this date.
const AS_OF: &[&str] = &["--as-of", "2026-11-23"];

/// Reads every file given on the command line: `.atom` with feedparser (no bozo) and atoma,
/// `.ics` with icalendar and ical, and checks that every TZID has its VTIMEZONE and every
/// Atom entry has what a reader needs. Prints one line per file.
const VALIDATE: &str = r#"
import re, sys
import feedparser, atoma, icalendar
from ical.calendar_stream import IcsCalendarStream

for path in sys.argv[1:]:
    if path.endswith(".atom"):
        d = feedparser.parse(path)
        assert d.bozo == 0, f"{path}: {d.get('bozo_exception')}"
        feed = atoma.parse_atom_file(path)
        assert feed.id_ and feed.title and feed.updated, path
        seen = set()
        for e in feed.entries:
            assert e.id_ and e.id_ not in seen, f"{path}: id {e.id_}"
            seen.add(e.id_)
            assert e.title and e.title.value, f"{path}: {e.id_} has no title"
            assert e.summary and e.summary.value, f"{path}: {e.id_} has no summary"
            assert e.authors and e.authors[0].name, f"{path}: {e.id_} has no author"
            alt = [l for l in e.links if l.rel in (None, "alternate")]
            assert alt and alt[0].href.startswith("https://"), f"{path}: {e.id_} link"
        updated = [e.updated for e in feed.entries]
        assert updated == sorted(updated, reverse=True), f"{path}: not newest first"
        print(f"atom {path} {len(feed.entries)}")
    elif path.endswith(".ics"):
        text = open(path, encoding="utf-8", newline="").read()
        cal = icalendar.Calendar.from_ical(text)
        strict = IcsCalendarStream.calendar_from_ics(text)
        used = set(re.findall(r"TZID=([^:;]+)", text))
        defined = {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")}
        assert used <= defined, f"{path}: TZIDs {used - defined} have no VTIMEZONE"
        uids = [str(e["UID"]) for e in cal.walk("VEVENT")]
        assert len(uids) == len(set(uids)) == len(strict.events), path
        print(f"ics {path} {len(uids)}")
    else:
        raise SystemExit(f"not a feed or calendar: {path}")
"#;

struct Built {
    _tmp: TempDir,
    site: Site,
}

/// The sample site, built once for the tests that only read it.
fn sample() -> &'static Site {
    static SITE: OnceLock<Built> = OnceLock::new();
    &SITE
        .get_or_init(|| {
            let tmp = TempDir::new().unwrap();
            let out = tmp.path().join("public");
            build_ok(&project_root(), &out, AS_OF);
            Built { site: Site { dir: out, base: "/".into() }, _tmp: tmp }
        })
        .site
}

/// Every `.atom` and `.ics` file of a site, relative path → bytes.
fn feeds_and_calendars(site: &Site) -> BTreeMap<String, Vec<u8>> {
    site.files().into_iter().filter(|(k, _)| k.ends_with(".atom") || k.ends_with(".ics")).collect()
}

/// Runs the Python validators over files; panics with their output if any fails.
fn validate(dir: &Path, files: &[String]) -> String {
    let o = Command::new("python3")
        .arg("-c")
        .arg(VALIDATE)
        .args(files.iter().map(|f| dir.join(f)))
        .output()
        .unwrap_or_else(|e| panic!("cannot run python3 (run scripts/install-test-tools.sh): {e}"));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        !stderr.contains("ModuleNotFoundError"),
        "the validators are not installed (run scripts/install-test-tools.sh):\n{stderr}"
    );
    assert!(o.status.success(), "validation failed:\n{stderr}");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// An iCalendar file's content lines, unfolded.
fn unfold(bytes: &[u8]) -> Vec<String> {
    String::from_utf8(bytes.to_vec())
        .unwrap()
        .replace("\r\n ", "")
        .split("\r\n")
        .map(str::to_string)
        .collect()
}

/// The properties of each VEVENT, by UID.
fn events(bytes: &[u8]) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    let mut current: Option<BTreeMap<String, String>> = None;
    for line in unfold(bytes) {
        match line.as_str() {
            "BEGIN:VEVENT" => current = Some(BTreeMap::new()),
            "END:VEVENT" => {
                let ev = current.take().unwrap();
                out.insert(ev["UID"].clone(), ev);
            }
            _ => {
                if let (Some(ev), Some((name, value))) = (current.as_mut(), line.split_once(':')) {
                    ev.insert(name.to_string(), value.to_string());
                }
            }
        }
    }
    out
}

/// The text of every `<tag>…</tag>` in a feed.
fn elements(xml: &[u8], tag: &str) -> Vec<String> {
    let xml = String::from_utf8(xml.to_vec()).unwrap();
    let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
    xml.split(&open).skip(1).filter_map(|s| s.split_once(&close).map(|(v, _)| v.to_string())).collect()
}

#[test]
fn every_feed_and_calendar_is_written_and_valid() {
    let site = sample();
    let files = feeds_and_calendars(site);
    let committees: Vec<String> = std::fs::read_dir(project_root().join("content/committees"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let mut expected: BTreeSet<String> =
        ["feeds/papers.atom", "decisions/feed.atom", "forward-plan/feed.atom", "meetings.ics"]
            .map(String::from)
            .into();
    for c in &committees {
        expected.insert(format!("committees/{c}/feed.atom"));
        expected.insert(format!("committees/{c}/meetings.ics"));
    }
    assert_eq!(files.keys().cloned().collect::<BTreeSet<_>>(), expected);
    let report = validate(&site.dir, &files.keys().cloned().collect::<Vec<_>>());
    assert_eq!(report.lines().count(), files.len(), "{report}");

    for (rel, bytes) in &files {
        if rel.ends_with(".ics") {
            assert!(bytes.ends_with(b"END:VCALENDAR\r\n"), "{rel}");
            let text = String::from_utf8(bytes.clone()).unwrap();
            for line in text.split("\r\n") {
                assert!(line.len() <= 75, "{rel}: line of {} octets: {line}", line.len());
                assert!(!line.contains('\n') && !line.contains('\r'), "{rel}: bare line break");
            }
            for (uid, ev) in events(bytes) {
                assert!(uid.ends_with("@democracy.ashcombe.gov.uk"), "{uid}");
                assert!(ev["DTSTAMP"].ends_with("T000000Z"), "{uid}: DTSTAMP {}", ev["DTSTAMP"]);
                assert!(ev.contains_key("DTSTART;TZID=Europe/London"), "{uid}");
                assert!(ev.contains_key("DTEND;TZID=Europe/London"), "{uid}");
                for p in ["SUMMARY", "LOCATION", "STATUS", "URL", "DESCRIPTION"] {
                    assert!(ev.contains_key(p), "{uid}: no {p}");
                }
                assert!(ev["URL"].starts_with("https://democracy.ashcombe.gov.uk/committees/"), "{uid}");
            }
        } else {
            // Dates come from the content (midnight in London), never the build's clock, and
            // none is after the date the site is built as at.
            for u in elements(bytes, "updated") {
                assert!(u.ends_with("T00:00:00+00:00") || u.ends_with("T00:00:00+01:00"), "{rel}: {u}");
                assert!(u.as_str() <= "2026-11-23T23", "{rel}: {u} is after the as-at date");
            }
        }
    }
    // The whole-site calendar has every meeting; each committee's, its own.
    let all = events(&files["meetings.ics"]);
    let meetings = walkdir_meetings(&project_root().join("content/committees"));
    assert_eq!(all.len(), meetings.len());
    for c in &committees {
        let mine = events(&files[&format!("committees/{c}/meetings.ics")]);
        assert!(mine.keys().all(|u| u.starts_with(&format!("{c}-"))), "{c}: {mine:?}");
        assert_eq!(mine.len(), meetings.iter().filter(|m| m.starts_with(&format!("{c}/"))).count());
    }
}

/// `committee/yyyy-mm-dd` of every meeting folder of a site.
fn walkdir_meetings(committees: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for c in std::fs::read_dir(committees).unwrap() {
        let c = c.unwrap();
        if !c.path().is_dir() {
            continue;
        }
        for m in std::fs::read_dir(c.path()).unwrap() {
            let m = m.unwrap();
            if m.path().join("meeting.yaml").is_file() {
                out.push(format!("{}/{}", c.file_name().to_string_lossy(), m.file_name().to_string_lossy()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn papers_feed_holds_agendas_reports_and_minutes_with_their_dates() {
    let site = sample();
    let xml = std::fs::read(site.dir.join("feeds/papers.atom")).unwrap();
    let ids = elements(&xml, "id");
    let base = "https://democracy.ashcombe.gov.uk/committees/";
    // An agenda, a report and minutes, each by its page's address.
    assert!(ids.contains(&format!("{base}cabinet/2026-11-10/")), "{ids:?}");
    assert!(ids.iter().any(|i| i.starts_with(&format!("{base}cabinet/2026-11-10/reports/"))), "{ids:?}");
    assert!(ids.contains(&format!("{base}cabinet/2026-11-10/minutes/")), "{ids:?}");
    // The agenda is dated when it was published (2 November 2026), not when the site was built.
    let text = String::from_utf8(xml).unwrap();
    let agenda =
        text.split("<entry>").find(|e| e.contains(&format!("<id>{base}cabinet/2026-11-10/</id>"))).unwrap();
    assert!(agenda.contains("<updated>2026-11-02T00:00:00+00:00</updated>"), "{agenda}");
    // An agenda published after the as-at date is not in the feed yet.
    assert!(!ids.contains(&format!("{base}cabinet/2026-12-15/")), "{ids:?}");
}

#[test]
fn builds_are_byte_identical_with_stable_ids() {
    let tmp = TempDir::new().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    build_ok(&project_root(), &a, AS_OF);
    build_ok(&project_root(), &b, AS_OF);
    let first = feeds_and_calendars(&Site { dir: a, base: "/".into() });
    let second = feeds_and_calendars(&Site { dir: b, base: "/".into() });
    assert!(!first.is_empty());
    assert_eq!(first.keys().collect::<Vec<_>>(), second.keys().collect::<Vec<_>>());
    for (rel, bytes) in &first {
        assert!(bytes == &second[rel], "{rel} differs between two builds of the same content");
    }
    // A later build adds entries but keeps the ids and UIDs of those already there.
    let later = tmp.path().join("later");
    build_ok(&project_root(), &later, &["--as-of", "2027-03-01"]);
    let later = feeds_and_calendars(&Site { dir: later, base: "/".into() });
    for rel in ["feeds/papers.atom", "decisions/feed.atom", "forward-plan/feed.atom"] {
        let before: BTreeSet<String> = elements(&first[rel], "id").into_iter().collect();
        let after: BTreeSet<String> = elements(&later[rel], "id").into_iter().collect();
        assert!(before.is_subset(&after), "{rel}: ids changed: {:?}", before.difference(&after));
    }
    let uids = |b: &[u8]| events(b).into_keys().collect::<BTreeSet<_>>();
    assert_eq!(uids(&first["meetings.ics"]), uids(&later["meetings.ics"]));
    // Every id is a page's address or a tag: URI, never anything made at build time.
    for (rel, bytes) in first.iter().filter(|(k, _)| k.ends_with(".atom")) {
        for id in elements(bytes, "id") {
            assert!(
                id.starts_with("https://democracy.ashcombe.gov.uk/")
                    || id.starts_with("tag:democracy.ashcombe.gov.uk,"),
                "{rel}: {id}"
            );
        }
    }
}

#[test]
fn cancelled_and_postponed_meetings_keep_their_status() {
    let site = sample();
    let all = events(&std::fs::read(site.dir.join("meetings.ics")).unwrap());
    let status = |uid: &str| all[&format!("{uid}@democracy.ashcombe.gov.uk")]["STATUS"].clone();
    assert_eq!(status("children-and-young-people-scrutiny-2026-03-17"), "CANCELLED");
    assert_eq!(status("planning-2026-10-07"), "TENTATIVE");
    assert_eq!(status("cabinet-2026-11-10"), "CONFIRMED");
    assert_eq!(status("cabinet-2026-12-15"), "CONFIRMED");
    let cabinet = &all["cabinet-2026-11-10@democracy.ashcombe.gov.uk"];
    assert_eq!(cabinet["DTSTART;TZID=Europe/London"], "20261110T173000");
    // The minutes say when the meeting closed; a meeting without minutes gets two hours.
    assert_ne!(cabinet["DTEND;TZID=Europe/London"], "20261110T193000");
    assert_eq!(
        all["cabinet-2026-12-15@democracy.ashcombe.gov.uk"]["DTEND;TZID=Europe/London"],
        "20261215T193000"
    );
    assert_eq!(
        all["cabinet-2026-11-10@democracy.ashcombe.gov.uk"]["URL"],
        "https://democracy.ashcombe.gov.uk/committees/cabinet/2026-11-10/"
    );
}

#[test]
fn no_exempt_canary_in_any_feed_or_calendar() {
    let canaries: Vec<String> = std::fs::read_to_string(fixture("exempt").join("canaries.txt"))
        .unwrap()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split_whitespace().next().unwrap().to_ascii_lowercase())
        .collect();
    assert!(canaries.len() >= 40);
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("public");
    build_ok(&fixture("exempt"), &out, &["--as-of", "2026-04-10"]);
    let site = Site { dir: out, base: "/".into() };
    let files = feeds_and_calendars(&site);
    assert!(files.len() >= 6, "{:?}", files.keys());
    validate(&site.dir, &files.keys().cloned().collect::<Vec<_>>());
    for (rel, bytes) in &files {
        let lower = String::from_utf8(bytes.to_ascii_lowercase()).unwrap();
        for c in &canaries {
            assert!(!lower.contains(c.as_str()), "{rel} contains the exempt canary {c}");
        }
    }
    // Part 2 business appears under its neutral title; exempt reports not at all.
    let papers = String::from_utf8(files["feeds/papers.atom"].clone()).unwrap();
    assert!(papers.contains("Disposal of land at Mill Lane"), "{papers}");
    assert!(!papers.contains("reports/mill-lane-disposal/") && !papers.contains("reports/housing-company/"));
    assert!(papers.contains("reports/budget-outturn/"), "{papers}");
    let decisions = String::from_utf8(files["decisions/feed.atom"].clone()).unwrap();
    assert!(decisions.contains("Settlement of a legal claim"), "{decisions}");
}

#[test]
fn pages_link_their_feeds_and_calendars() {
    let site = sample();
    for c in std::fs::read_dir(project_root().join("content/committees")).unwrap() {
        let slug = c.unwrap().file_name().to_string_lossy().into_owned();
        let page = site.page(&format!("/committees/{slug}/"));
        let name = text(&page, "h1").unwrap();
        for (file, kind) in
            [("meetings.ics", "meetings calendar (iCalendar)"), ("feed.atom", "papers feed (Atom)")]
        {
            let url = format!("/committees/{slug}/{file}");
            let link = page
                .select(&sel(&format!("main a[href='{url}']")))
                .next()
                .unwrap_or_else(|| panic!("{slug}: no link to {url}"));
            let label: String = link.text().collect();
            assert_eq!(label, format!("{name} {kind}"), "{slug}: link text makes sense out of context");
            assert!(site.file_for(&url).is_some(), "{url} is not written");
        }
    }
    for (page, links) in [
        ("/meetings/", &["/meetings.ics", "/feeds/papers.atom"][..]),
        ("/decisions/", &["/decisions/feed.atom"][..]),
        ("/forward-plan/", &["/forward-plan/feed.atom"][..]),
    ] {
        let doc = site.page(page);
        let found = hrefs(&doc, "main a");
        for l in links {
            assert!(found.contains(&l.to_string()), "{page} does not link {l}");
            assert!(site.file_for(l).is_some(), "{l} is not written");
        }
    }
}

#[test]
fn a_site_under_a_sub_path_gets_absolute_links_and_its_own_host() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("public");
    build_ok(
        &project_root(),
        &out,
        &["--base-url", "https://www.example.gov.uk/democracy/", "--as-of", "2026-11-23"],
    );
    let papers = std::fs::read(out.join("feeds/papers.atom")).unwrap();
    let ids = elements(&papers, "id");
    assert_eq!(ids[0], "https://www.example.gov.uk/democracy/feeds/papers.atom");
    assert!(ids.iter().all(|i| i.starts_with("https://www.example.gov.uk/democracy/")), "{ids:?}");
    let cal = events(&std::fs::read(out.join("meetings.ics")).unwrap());
    assert!(cal.contains_key("cabinet-2026-11-10@www.example.gov.uk"), "{:?}", cal.keys());
    let site = Site { dir: out, base: "/democracy/".into() };
    let page = site.page("/democracy/committees/cabinet/");
    assert!(hrefs(&page, "main a").contains(&"/democracy/committees/cabinet/meetings.ics".to_string()));
}
