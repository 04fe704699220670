//! Part 2 (exempt) items: only the title and grounds reach the public site. The small fixture
//! plants `CANARY` strings in an exempt item's purpose, its report, its attachment and its
//! minute; none may appear in any output file.

mod common;

use common::*;
use tempfile::TempDir;

fn built() -> (TempDir, Site) {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("out");
    build_ok(&fixture("small"), &out, &[]);
    (tmp, Site { dir: out, base: "/".into() })
}

#[test]
fn no_exempt_content_in_any_output_file() {
    let (_tmp, site) = built();
    let files = site.files();
    assert!(files.len() > 10);
    for (rel, bytes) in &files {
        assert!(!rel.contains("depot-sale") && !rel.contains("valuation"), "exempt file written: {rel}");
        assert!(!bytes.windows(6).any(|w| w == b"CANARY"), "{rel} contains exempt content");
    }
}

#[test]
fn exempt_item_shows_title_paragraph_and_meaning() {
    let (_tmp, site) = built();
    let doc = site.page("/committees/cabinet/2025-06-10/items/3/");
    assert_eq!(text(&doc, "h1").unwrap(), "Item 3. Sale of the old depot");
    let notice = text(&doc, "main .exempt-notice").unwrap();
    assert!(notice.contains("paragraph 3 of Part 1 of Schedule 12A"), "{notice}");
    assert!(notice.contains("financial or business affairs"), "{notice}");
    let meeting = site.page("/committees/cabinet/2025-06-10/");
    let part2 = text(&meeting, "main").unwrap();
    assert!(part2.contains("Part 2: items likely to be considered in private"));
    assert!(part2.contains("Exempt report") || !part2.contains("Depot sale terms"));
}

#[test]
fn raw_html_in_papers_is_shown_as_text() {
    let (_tmp, site) = built();
    let doc = site.page("/committees/cabinet/2025-06-10/reports/budget/");
    assert_eq!(doc.select(&sel("main script")).count(), 0);
    assert!(text(&doc, "main").unwrap().contains("<script>alert(1)</script>"));
}

#[test]
fn minutes_structure_is_recovered() {
    let (_tmp, site) = built();
    let doc = site.page("/committees/cabinet/2025-06-10/minutes/");
    let ids: Vec<String> =
        doc.select(&sel("section.minute")).map(|s| s.value().attr("id").unwrap().to_string()).collect();
    assert_eq!(ids, ["minute-1", "minute-2", "minute-3"]);
    let res: Vec<String> = doc
        .select(&sel("#minute-2 ol.resolutions li"))
        .map(|li| li.value().attr("id").unwrap().to_string())
        .collect();
    assert_eq!(res, ["minute-2-a", "minute-2-b"]);
    let vote = text(&doc, "#minute-2 .vote").unwrap();
    assert!(vote.contains("Vote – Resolution (b): 1 for, 0 against"), "{vote}");
    assert!(
        text(&doc, "#minute-2 .timed-note")
            .unwrap()
            .contains("7.00 pm: Councillor Ann Lee left the meeting.")
    );
    // The later meeting's item confirms these minutes, and the minutes say so.
    let status = text(&doc, ".summary-list").unwrap();
    assert!(status.contains("Approved as a correct record at the meeting on 15 July 2025"), "{status}");
    assert!(hrefs(&doc, ".summary-list a").contains(&"/committees/cabinet/2025-07-15/items/1/".to_string()));
    let item = site.page("/committees/cabinet/2025-07-15/items/1/");
    assert!(hrefs(&item, "main a").contains(&"/committees/cabinet/2025-06-10/minutes/".to_string()));
}

#[test]
fn report_considered_twice_links_both_items() {
    let (_tmp, site) = built();
    let doc = site.page("/committees/cabinet/2025-06-10/reports/budget/");
    let items = hrefs(&doc, "main dd a[href*='/items/']");
    assert_eq!(items, ["/committees/cabinet/2025-06-10/items/2/", "/committees/cabinet/2025-07-15/items/2/"]);
    let later = site.page("/committees/cabinet/2025-07-15/items/2/");
    assert!(
        hrefs(&later, "main a").contains(&"/committees/cabinet/2025-06-10/items/2/".to_string()),
        "earlier consideration"
    );
}
