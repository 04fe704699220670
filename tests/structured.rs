//! schema.org JSON-LD on meeting pages (Event) and report pages (Report).

mod common;

use common::*;
use tempfile::TempDir;

fn json_ld(doc: &scraper::Html) -> serde_json::Value {
    let scripts: Vec<String> =
        doc.select(&sel("script[type='application/ld+json']")).map(|s| s.text().collect()).collect();
    assert_eq!(scripts.len(), 1, "one JSON-LD block per page");
    serde_json::from_str(&scripts[0]).expect("valid JSON-LD")
}

#[test]
fn meetings_are_events_and_reports_are_reports() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("public");
    build_ok(&project_root(), &out, &["--as-of", "2026-11-23"]);
    let site = Site { dir: out, base: "/".into() };
    let (mut meetings, mut reports, mut cancelled) = (0, 0, 0);
    for (rel, doc) in site.pages() {
        let parts: Vec<&str> = rel.split('/').collect();
        let dated =
            parts.len() > 3 && parts[0] == "committees" && parts[2].parse::<jiff::civil::Date>().is_ok();
        let is_meeting = dated && parts.len() == 4 && parts[3] == "index.html";
        let is_report = dated && parts.len() == 6 && parts[3] == "reports";
        if !(is_meeting || is_report) {
            continue;
        }
        let ld = json_ld(&doc);
        assert_eq!(ld["@context"], "https://schema.org", "{rel}");
        let url = format!("https://democracy.ashcombe.gov.uk/{}", rel.trim_end_matches("index.html"));
        assert_eq!(ld["url"], url.as_str(), "{rel}");
        if is_meeting {
            meetings += 1;
            assert_eq!(ld["@type"], "Event", "{rel}");
            let start = ld["startDate"].as_str().unwrap();
            // Local time with its UTC offset: +00:00 in winter, +01:00 in summer.
            assert!(start.ends_with("+00:00") || start.ends_with("+01:00"), "{rel}: {start}");
            assert!(start.starts_with(parts[2]), "{rel}: {start}");
            assert_eq!(ld["location"]["@type"], "Place");
            assert!(ld["location"]["name"].as_str().is_some_and(|n| !n.is_empty()));
            assert_eq!(ld["organizer"]["name"], "Ashcombe Borough Council");
            let status = ld["eventStatus"].as_str().unwrap();
            let page_says_cancelled = text(&doc, "main").unwrap().contains("This meeting has been cancelled");
            assert_eq!(status == "https://schema.org/EventCancelled", page_says_cancelled, "{rel}");
            cancelled += usize::from(page_says_cancelled);
        } else {
            reports += 1;
            assert_eq!(ld["@type"], "Report", "{rel}");
            assert_eq!(ld["name"].as_str().unwrap(), text(&doc, "h1").unwrap().trim(), "{rel}");
            assert!(ld["datePublished"].as_str().is_some_and(|d| d.len() == 10));
            assert_eq!(ld["isPartOf"]["@type"], "Event");
        }
    }
    assert!(meetings >= 10 && reports >= 10, "{meetings} meetings, {reports} reports");
    assert!(cancelled >= 1, "the sample has a cancelled meeting");
}
