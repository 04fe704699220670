//! Archive browsing: meetings by municipal year with month calendars, papers by year and type,
//! reports by ward.

mod common;

use common::*;
use tempfile::TempDir;

fn built() -> (TempDir, Site) {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("public");
    build_ok(&project_root(), &out, &["--as-of", "2026-11-23"]);
    (tmp, Site { dir: out, base: "/".into() })
}

#[test]
fn every_meeting_is_on_its_year_page_and_in_its_calendar() {
    let (_tmp, site) = built();
    let meetings: Vec<String> = site
        .files()
        .keys()
        .filter(|k| {
            let p: Vec<&str> = k.split('/').collect();
            p.len() == 4
                && p[0] == "committees"
                && p[3] == "index.html"
                && p[2].parse::<jiff::civil::Date>().is_ok()
        })
        .map(|k| format!("/{}", k.trim_end_matches("index.html")))
        .collect();
    assert!(meetings.len() >= 10);
    let index = site.page("/meetings/");
    let years = hrefs(&index, "nav .year-links a");
    assert_eq!(years, vec!["/meetings/2026-27/".to_string(), "/meetings/2025-26/".to_string()]);
    let mut listed = Vec::new();
    for y in &years {
        let page = site.page(y);
        // Twelve month tables, each captioned, with the days of the week as column headers.
        assert_eq!(page.select(&sel("table.calendar")).count(), 12, "{y}");
        assert_eq!(page.select(&sel("table.calendar caption")).count(), 12);
        assert_eq!(page.select(&sel("table.calendar thead th[scope=col]")).count(), 84);
        let in_calendar = hrefs(&page, "table.calendar td a");
        let in_list = hrefs(&page, "ul.meeting-list a");
        let mut a = in_calendar.clone();
        let mut b = in_list.clone();
        a.sort();
        b.sort();
        assert_eq!(a, b, "{y}: calendar and list differ");
        listed.extend(in_list);
    }
    listed.sort();
    let mut all = meetings.clone();
    all.sort();
    assert_eq!(listed, all, "every meeting is on exactly one year page");
}

#[test]
fn papers_are_listed_by_year_and_type() {
    let (_tmp, site) = built();
    let reports: Vec<String> = site
        .files()
        .keys()
        .filter(|k| k.starts_with("committees/") && k.contains("/reports/") && k.ends_with("/index.html"))
        .map(|k| format!("/{}", k.trim_end_matches("index.html")))
        .collect();
    let mut listed = Vec::new();
    for y in ["2025-26", "2026-27"] {
        let all = hrefs(&site.page(&format!("/papers/{y}/")), "main tbody th a");
        let only = hrefs(&site.page(&format!("/papers/{y}/reports/")), "main tbody th a");
        assert!(only.iter().all(|u| all.contains(u)), "{y}");
        let minutes = hrefs(&site.page(&format!("/papers/{y}/minutes/")), "main tbody th a");
        assert!(!minutes.is_empty() && minutes.iter().all(|u| u.ends_with("/minutes/")), "{y}");
        listed.extend(only);
    }
    listed.sort();
    let mut expected = reports;
    expected.sort();
    assert_eq!(listed, expected, "every public report is listed once, under its year");
    let index = site.page("/papers/");
    assert_eq!(hrefs(&index, "main a").len(), 8, "a link per year and kind");
}

#[test]
fn ward_pages_list_the_reports_that_name_them() {
    let (_tmp, site) = built();
    let wards = site.page("/wards/");
    let links = hrefs(&wards, "main li a");
    assert!(links.contains(&"/wards/riverside/".to_string()), "{links:?}");
    let riverside = site.page("/wards/riverside/");
    let reports = hrefs(&riverside, "main tbody th a");
    assert!(reports.contains(
        &"/committees/planning/2026-11-04/reports/26-00512-ful-former-riverside-works/".to_string()
    ));
    assert_eq!(hrefs(&riverside, "main p a"), vec!["/wards/all-wards/".to_string()]);
}

#[test]
fn long_lists_are_split_into_pages() {
    let tmp = TempDir::new().unwrap();
    copy_dir(&project_root().join("content"), &tmp.path().join("content"));
    let site_yaml = tmp.path().join("content/site.yaml");
    let yaml = std::fs::read_to_string(&site_yaml).unwrap();
    std::fs::write(&site_yaml, format!("{yaml}\nlist_page_size: 3\n")).unwrap();
    let out = tmp.path().join("public");
    build_ok(tmp.path(), &out, &["--as-of", "2026-11-23"]);
    let site = Site { dir: out, base: "/".into() };
    let first = site.page("/papers/2026-27/");
    let pages = hrefs(&first, "nav.pager a");
    assert!(pages.len() >= 2, "{pages:?}");
    assert_eq!(pages[0], "/papers/2026-27/page-2/");
    let mut seen = hrefs(&first, "main tbody th a");
    assert_eq!(seen.len(), 3);
    for p in &pages {
        let doc = site.page(p);
        let rows = hrefs(&doc, "main tbody th a");
        assert!(!rows.is_empty() && rows.len() <= 3, "{p}");
        seen.extend(rows);
    }
    let count = seen.len();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), count, "no paper on two pages");
    // Every page is in the same list as the unsplit one: compare with the index's count.
    let index = text(&site.page("/papers/"), "main").unwrap();
    assert!(index.contains(&format!("All papers, 2026/27 ({count})")), "{index}");
}
