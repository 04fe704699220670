//! Builds the sample site in `content/` and checks the output a reader gets.

mod common;

use std::collections::BTreeSet;
use std::sync::OnceLock;

use common::*;
use tempfile::TempDir;

/// The sample site is written as at this date; building as of it keeps the forward plan's
/// current window and call-in periods as the content expects, whatever day the tests run.
const AS_OF: &[&str] = &["--as-of", "2026-11-23"];

struct Built {
    _tmp: TempDir,
    site: Site,
}

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

fn urls_matching(site: &Site, pattern: fn(&[&str]) -> bool) -> Vec<String> {
    site.files()
        .keys()
        .filter(|k| k.ends_with("index.html"))
        .filter(|k| pattern(&k.split('/').collect::<Vec<_>>()))
        .map(|k| site.url_of(k))
        .collect()
}

#[test]
fn every_page_type_is_built() {
    let site = sample();
    for url in ["/", "/committees/", "/meetings/", "/people/"] {
        assert!(site.file_for(url).is_some(), "missing {url}");
    }
    assert!(site.dir.join("404.html").is_file());
    assert!(site.dir.join("static/style.css").is_file());
    let committees = urls_matching(site, |p| matches!(p, ["committees", _, "index.html"]));
    let meetings = urls_matching(site, |p| matches!(p, ["committees", _, _, "index.html"]));
    let items = urls_matching(site, |p| matches!(p, ["committees", _, _, "items", _, "index.html"]));
    let minutes = urls_matching(site, |p| matches!(p, ["committees", _, _, "minutes", "index.html"]));
    let reports = urls_matching(site, |p| matches!(p, ["committees", _, _, "reports", _, "index.html"]));
    let people = urls_matching(site, |p| matches!(p, ["people", _, "index.html"]));
    assert!(committees.len() >= 3, "committees: {committees:?}");
    assert!(meetings.len() >= 8, "meetings: {meetings:?}");
    assert!(items.len() >= 30, "items: {}", items.len());
    assert!(!minutes.is_empty() && !reports.is_empty() && !people.is_empty());
    // Meetings span two municipal years.
    let archive = site.page("/meetings/");
    let years: Vec<String> = archive.select(&sel("main h2")).map(|h| h.text().collect()).collect();
    assert!(years.len() >= 2, "municipal years on /meetings/: {years:?}");
}

#[test]
fn every_internal_link_resolves() {
    let (broken, checked) = broken_links(sample());
    assert!(checked > 500, "only {checked} links checked");
    assert!(broken.is_empty(), "{} broken links:\n{}", broken.len(), broken.join("\n"));
}

#[test]
fn every_page_has_title_h1_canonical_and_breadcrumb() {
    let site = sample();
    let mut titles = BTreeSet::new();
    for (rel, doc) in site.pages() {
        let title = text(&doc, "title").unwrap_or_default();
        assert!(title.contains("Ashcombe Borough Council"), "{rel}: title {title:?}");
        assert!(titles.insert(title.clone()), "{rel}: duplicate title {title:?}");
        assert_eq!(doc.select(&sel("h1")).count(), 1, "{rel}: one h1");
        assert_eq!(doc.select(&sel("html[lang]")).count(), 1, "{rel}: lang");
        assert_eq!(doc.select(&sel("a.skip-link[href='#main']")).count(), 1, "{rel}: skip link");
        let canonical =
            doc.select(&sel("link[rel=canonical]")).next().and_then(|l| l.value().attr("href")).unwrap_or("");
        assert!(canonical.starts_with("https://democracy.ashcombe.gov.uk/"), "{rel}: canonical {canonical}");
        if rel != "index.html" {
            assert!(doc.select(&sel("nav.breadcrumbs a")).count() >= 1, "{rel}: breadcrumb");
        }
        if rel != "404.html" && rel.ends_with("index.html") {
            let updated = doc.select(&sel(".updated time[datetime]")).count();
            assert_eq!(updated, 1, "{rel}: last-updated date");
        }
    }
}

#[test]
fn reports_and_items_link_both_ways() {
    let site = sample();
    let reports = urls_matching(site, |p| matches!(p, ["committees", _, _, "reports", _, "index.html"]));
    let mut pairs = 0;
    for report in &reports {
        let doc = site.page(report);
        let items: Vec<String> = hrefs(&doc, "main a[href*='/items/']");
        assert!(!items.is_empty(), "{report} lists no agenda item that considered it");
        for item in items {
            let item_doc = site.page(&item);
            assert!(hrefs(&item_doc, "main a").contains(report), "{item} does not link back to {report}");
            pairs += 1;
        }
    }
    assert!(pairs >= reports.len());
    // At least one report was considered at more than one meeting, and each item shows the other.
    let multi = reports.iter().any(|r| {
        let doc = site.page(r);
        let meetings: BTreeSet<String> = hrefs(&doc, "main dd a[href*='/items/']")
            .iter()
            .map(|u| u.split("/items/").next().unwrap().to_string())
            .collect();
        meetings.len() >= 2
    });
    assert!(multi, "no report considered at two meetings");
}

#[test]
fn items_and_minutes_link_both_ways() {
    let site = sample();
    let minutes = urls_matching(site, |p| matches!(p, ["committees", _, _, "minutes", "index.html"]));
    let mut checked = 0;
    for m in &minutes {
        let doc = site.page(m);
        for section in doc.select(&sel("section.minute")) {
            let id = section.value().attr("id").unwrap();
            let Some(item) =
                section.select(&sel(".minute-item a")).next().and_then(|a| a.value().attr("href"))
            else {
                continue;
            };
            let item_doc = site.page(item);
            let expected = format!("{m}#{id}");
            assert!(hrefs(&item_doc, "main a").contains(&expected), "{item} does not link to {expected}");
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} minutes linked to items");
}

#[test]
fn minutes_have_numbered_minutes_and_lettered_resolutions() {
    let site = sample();
    let minutes = urls_matching(site, |p| matches!(p, ["committees", _, _, "minutes", "index.html"]));
    let mut lettered = 0;
    for m in &minutes {
        let doc = site.page(m);
        for h in doc.select(&sel("section.minute .minute-number")) {
            let t: String = h.text().collect();
            assert!(t.trim_end_matches('.').parse::<u32>().is_ok(), "{m}: minute number {t:?}");
        }
        for li in doc.select(&sel("ol.resolutions li")) {
            let label: String = li.select(&sel(".resolution-label")).next().unwrap().text().collect();
            assert!(label.starts_with('(') && label.ends_with(')'), "{m}: label {label}");
            if label == "(b)" {
                lettered += 1;
            }
        }
    }
    assert!(lettered >= 1, "no minute with more than one lettered resolution");
}

#[test]
fn people_pages_show_attendance_and_meetings_link_back() {
    let site = sample();
    let minutes = urls_matching(site, |p| matches!(p, ["committees", _, _, "minutes", "index.html"]));
    let mut checked = 0;
    for m in &minutes {
        let meeting = m.trim_end_matches("minutes/").to_string();
        let doc = site.page(&meeting);
        for person in hrefs(&doc, "dl.attendance a[href^='/people/']") {
            let pdoc = site.page(&person);
            assert!(hrefs(&pdoc, "main a").contains(&meeting), "{person} does not list {meeting}");
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} attendance links");
    // Apologies are recorded on someone's attendance record.
    let any_apologies = site.pages().iter().any(|(rel, doc)| {
        rel.starts_with("people/") && text(doc, "main").unwrap_or_default().contains("Apologies")
    });
    assert!(any_apologies);
}

#[test]
fn wide_tables_scroll_in_a_labelled_region() {
    let site = sample();
    let mut widest = 0;
    for (rel, doc) in site.pages() {
        for region in doc.select(&sel("main .table-scroll")) {
            assert_eq!(region.value().attr("tabindex"), Some("0"), "{rel}");
            let label = region.value().attr("aria-labelledby").unwrap();
            assert!(doc.select(&sel(&format!("caption#{label}"))).next().is_some(), "{rel}: caption {label}");
            for th in region.select(&sel("thead th")) {
                assert_eq!(th.value().attr("scope"), Some("col"), "{rel}");
            }
            widest = widest.max(region.select(&sel("thead th")).count());
        }
    }
    assert!(widest >= 10, "the widest table has {widest} columns");
}

#[test]
fn part_two_items_show_only_title_and_grounds() {
    let site = sample();
    let mut found = 0;
    for (rel, doc) in site.pages() {
        if !rel.contains("/items/") || doc.select(&sel("main .exempt-notice")).next().is_none() {
            continue;
        }
        found += 1;
        let main = text(&doc, "main").unwrap();
        assert!(main.contains("Schedule 12A"), "{rel}");
        assert!(
            doc.select(&sel("main a[href*='/reports/']")).next().is_none(),
            "{rel} links an exempt report"
        );
    }
    assert!(found >= 1, "the sample site has no Part 2 item");
}

#[test]
fn attachments_are_copied_and_described() {
    let site = sample();
    let mut pdfs = 0;
    for (rel, doc) in site.pages() {
        for a in doc.select(&sel("main a[href$='.pdf']")) {
            let t: String = a.text().collect();
            assert!(t.contains("(PDF, "), "{rel}: link text {t:?} should give format and size");
            let href = a.value().attr("href").unwrap();
            let file = site.file_for(href).unwrap_or_else(|| panic!("{href} not copied"));
            assert!(std::fs::read(file).unwrap().starts_with(b"%PDF"));
            pdfs += 1;
        }
    }
    assert!(pdfs >= 1);
}

#[test]
fn builds_are_byte_identical() {
    let tmp = TempDir::new().unwrap();
    let a = tmp.path().join("a");
    let b = tmp.path().join("b");
    build_ok(&project_root(), &a, AS_OF);
    build_ok(&project_root(), &b, AS_OF);
    let fa = Site { dir: a, base: "/".into() }.files();
    let fb = Site { dir: b, base: "/".into() }.files();
    assert_eq!(fa.keys().collect::<Vec<_>>(), fb.keys().collect::<Vec<_>>());
    for (k, v) in &fa {
        assert!(v == &fb[k], "{k} differs between two builds");
    }
}

#[test]
fn works_under_a_sub_path() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("out");
    build_ok(
        &project_root(),
        &out,
        &["--base-url", "https://www.example.gov.uk/democracy/", "--as-of", "2026-11-23"],
    );
    let site = Site { dir: out, base: "/democracy/".into() };
    let (broken, checked) = broken_links(&site);
    assert!(checked > 500);
    assert!(broken.is_empty(), "{}", broken.join("\n"));
    let home = site.page("/democracy/");
    let canonical =
        home.select(&sel("link[rel=canonical]")).next().unwrap().value().attr("href").unwrap().to_string();
    assert_eq!(canonical, "https://www.example.gov.uk/democracy/");
    for (rel, doc) in site.pages() {
        for h in hrefs(&doc, "a[href^='/']") {
            assert!(h.starts_with("/democracy/"), "{rel}: {h}");
        }
    }
}

#[test]
fn check_passes_on_the_sample_site_without_writing() {
    let o = agendum(&["check", "--root", project_root().to_str().unwrap(), "--as-of", "2026-11-23"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("no errors"), "{err}");
}

#[test]
fn sample_has_every_record_page() {
    let site = sample();
    for url in ["/forward-plan/", "/decisions/", "/decisions/key/", "/decisions/call-in/", "/matters/"] {
        assert!(site.file_for(url).is_some(), "missing {url}");
    }
    let wps = urls_matching(site, |p| matches!(p, ["committees", _, "work-programme", "index.html"]));
    let entries = urls_matching(site, |p| matches!(p, ["forward-plan", _, "index.html"]));
    let decisions = urls_matching(site, |p| matches!(p, ["decisions", _, "index.html"]));
    let matters = urls_matching(site, |p| matches!(p, ["matters", _, "index.html"]));
    assert!(!wps.is_empty() && entries.len() >= 4 && decisions.len() >= 5 && !matters.is_empty());
    // Every work programme and forward plan status appears.
    let wp_text: String = wps.iter().map(|u| text(&site.page(u), "main").unwrap()).collect();
    for status in ["Scheduled", "On track", "Deferred", "Completed", "Discontinued"] {
        assert!(wp_text.contains(status), "no work programme item is {status}");
    }
    let plan_text: String = entries.iter().map(|u| text(&site.page(u), ".summary-list").unwrap()).collect();
    for status in ["Pending", "Decision taken", "Deferred", "Withdrawn"] {
        assert!(plan_text.contains(status), "no forward plan entry is {status}");
    }
}

#[test]
fn a_matter_runs_through_two_committees_and_two_municipal_years() {
    let site = sample();
    let matters = urls_matching(site, |p| matches!(p, ["matters", _, "index.html"]));
    let long = matters.iter().any(|m| {
        let doc = site.page(m);
        let mut meetings = BTreeSet::new();
        let mut committees = BTreeSet::new();
        let mut years = BTreeSet::new();
        for li in doc.select(&sel("ol.timeline li")) {
            let what: String =
                li.select(&sel(".what")).next().map(|w| w.text().collect()).unwrap_or_default();
            let Some(committee) = what.strip_prefix("Considered by ") else { continue };
            let date = li.select(&sel("time")).next().unwrap().value().attr("datetime").unwrap().to_string();
            let (y, mo): (i32, i32) = (date[..4].parse().unwrap(), date[5..7].parse().unwrap());
            years.insert(if mo >= 5 { y } else { y - 1 });
            committees.insert(committee.to_string());
            meetings.insert(date);
        }
        meetings.len() >= 4 && committees.len() >= 2 && years.len() >= 2
    });
    assert!(long, "no matter is considered at four meetings of two committees in two municipal years");
}

#[test]
fn a_key_decision_goes_from_forward_plan_through_scrutiny_to_cabinet() {
    let site = sample();
    let entries = urls_matching(site, |p| matches!(p, ["forward-plan", _, "index.html"]));
    let chain = entries.iter().any(|e| {
        let doc = site.page(e);
        let links = hrefs(&doc, "main a");
        let decided = links.iter().any(|l| l.starts_with("/decisions/"));
        let items: Vec<&String> = links.iter().filter(|l| l.contains("/items/")).collect();
        let history = text(&doc, ".matter-history").unwrap_or_default();
        decided
            && !items.is_empty()
            && history.contains("Considered by")
            && history.to_lowercase().contains("scrutiny")
    });
    assert!(chain, "no forward plan entry links scrutiny, a cabinet item and the decision");
}
