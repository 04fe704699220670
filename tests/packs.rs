//! Agenda packs and report PDFs, read back with poppler (`pdftotext`, `pdfinfo`, `pdftohtml`,
//! `pdffonts`) and `qpdf`, installed by `scripts/install-test-tools.sh`.
//!
//! The page ranges the HTML agenda shows are checked against where each paper's title really is
//! in the PDF, and against the ranges the PDF's own agenda prints.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use tempfile::TempDir;

const AS_OF: &str = "2026-11-23";

fn tool(name: &str, args: &[&str]) -> Vec<u8> {
    let o = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {name} (run scripts/install-test-tools.sh): {e}"));
    assert!(o.status.success(), "{name} {args:?}: {}", String::from_utf8_lossy(&o.stderr));
    o.stdout
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A PDF read back: its text page by page (whitespace normalised), page 1 first.
struct Pdf {
    path: PathBuf,
    pages: Vec<String>,
}

impl Pdf {
    fn read(path: &Path) -> Pdf {
        let p = path.to_str().unwrap();
        let info = String::from_utf8(tool("pdfinfo", &[p])).unwrap();
        let count: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .map(|n| n.trim().parse().unwrap())
            .expect("page count");
        let text = String::from_utf8(tool("pdftotext", &["-layout", p, "-"])).unwrap();
        let mut pages: Vec<String> = text.split('\u{c}').map(norm).collect();
        // pdftotext ends every page with a form feed.
        if pages.last().is_some_and(String::is_empty) {
            pages.pop();
        }
        assert_eq!(pages.len(), count, "{}", path.display());
        Pdf { path: path.to_path_buf(), pages }
    }

    fn page(&self, n: usize) -> &str {
        &self.pages[n - 1]
    }

    fn info(&self) -> String {
        String::from_utf8(tool("pdfinfo", &[self.path.to_str().unwrap()])).unwrap()
    }

    /// Bookmarks: (page, title).
    fn outline(&self) -> Vec<(usize, String)> {
        let xml =
            String::from_utf8(tool("pdftohtml", &["-xml", "-i", "-stdout", self.path.to_str().unwrap()]))
                .unwrap();
        let mut out = Vec::new();
        for part in xml.split("<item page=\"").skip(1) {
            let (page, rest) = part.split_once("\">").unwrap();
            let title = rest.split("</item>").next().unwrap();
            let title = title.replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"");
            out.push((page.parse().unwrap(), norm(&title)));
        }
        out
    }

    /// The file with its streams decompressed, for reading its structure.
    fn structure(&self) -> String {
        String::from_utf8_lossy(&tool(
            "qpdf",
            &["--qdf", "--object-streams=disable", self.path.to_str().unwrap(), "-"],
        ))
        .into_owned()
    }
}

fn is_blank_filler(page: &str) -> bool {
    page.starts_with("This page is intentionally left blank")
}

fn build(edition: &str, out: &Path) {
    build_ok(&project_root(), out, &["--as-of", AS_OF, "--edition", edition]);
}

/// (first, last, supplementary) from "Agenda pack, pages 5 – 10" / "…, page 5".
fn parse_range(s: &str) -> (usize, usize, bool) {
    let supplementary = s.starts_with("Supplementary");
    let nums: Vec<usize> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|x| !x.is_empty())
        .map(|x| x.parse().unwrap())
        .collect();
    match nums.as_slice() {
        [a] => (*a, *a, supplementary),
        [a, b] => (*a, *b, supplementary),
        _ => panic!("cannot read the range {s:?}"),
    }
}

/// Every agenda item on a meeting page that has a range: (number, range, first paper's title).
fn items_with_ranges(site: &Site, meeting_url: &str) -> Vec<(u32, (usize, usize, bool), String)> {
    let doc = site.page(meeting_url);
    let mut out = Vec::new();
    for li in doc.select(&sel("ol.agenda > li")) {
        let Some(range) = li.select(&sel(".pages")).next() else { continue };
        let number: u32 = li.value().attr("value").unwrap().parse().unwrap();
        let range = parse_range(&norm(&range.text().collect::<String>()));
        let links: Vec<String> = li.select(&sel("a")).map(|a| norm(&a.text().collect::<String>())).collect();
        let title = if links.iter().any(|l| l.starts_with("Minutes of the meeting held on")) {
            "Minutes of the meeting of the".to_string()
        } else if let Some(r) = links.iter().find_map(|l| l.strip_prefix("Report: ")) {
            r.trim_end_matches(" [draft: not published]").to_string()
        } else if let Some(r) =
            links.iter().find_map(|l| l.strip_prefix("Report (exempt: not for publication"))
        {
            r.split_once("): ").unwrap().1.to_string()
        } else {
            let d = links.iter().find(|l| l.contains("(PDF")).expect("a paper");
            d.split(" (PDF").next().unwrap().to_string()
        };
        out.push((number, range, title));
    }
    out
}

fn meeting_urls_with_packs(site: &Site) -> Vec<String> {
    let mut urls: Vec<String> = site
        .files()
        .keys()
        .filter(|k| k.ends_with("/agenda-pack.pdf"))
        .map(|k| format!("/{}", k.trim_end_matches("agenda-pack.pdf")))
        .collect();
    urls.sort();
    urls
}

/// Checks one pack: footers, odd-page starts, fillers, and every range against the papers.
fn check_pack(site: &Site, meeting: &str, edition: &str) -> usize {
    let mut checked = 0;
    for (file, supplementary) in [("agenda-pack.pdf", false), ("supplementary-pack.pdf", true)] {
        let path = site.dir.join(meeting.trim_start_matches('/')).join(file);
        if !path.exists() {
            continue;
        }
        let pdf = Pdf::read(&path);
        let n = pdf.pages.len();
        // Page numbers in every footer after the cover.
        for i in 2..=n {
            assert!(pdf.page(i).contains(&format!("Page {i}")), "{meeting}{file}: page {i} has no footer");
        }
        // No page is empty: a page left blank says so, and is followed by a right-hand page.
        for i in 1..=n {
            let body = pdf.page(i);
            assert!(body.len() > 40, "{meeting}{file}: page {i} is empty: {body:?}");
            if is_blank_filler(body) {
                assert!(i % 2 == 0 && i < n, "{meeting}{file}: filler on page {i}");
                assert!(!is_blank_filler(pdf.page(i + 1)));
            }
        }
        // The HTML meeting page names the page count.
        let doc = site.page(meeting);
        let link = doc
            .select(&sel(".pack-links a"))
            .find(|a| a.value().attr("href").unwrap().ends_with(file))
            .unwrap_or_else(|| panic!("{meeting} does not link {file}"));
        assert!(
            norm(&link.text().collect::<String>()).contains(&format!("(PDF, {n} pages,")),
            "{meeting}: link text {:?} for {n} pages",
            link.text().collect::<String>()
        );
        for (number, (first, last, supp), title) in items_with_ranges(site, meeting) {
            if supp != supplementary {
                continue;
            }
            assert!(first <= last && last <= n, "{meeting}{file} item {number}: {first}-{last} of {n}");
            assert_eq!(first % 2, 1, "{meeting}{file} item {number} starts on an even page {first}");
            let page = pdf.page(first);
            assert!(
                page.to_lowercase().contains(&format!("agenda item {number}")),
                "{meeting}{file}: page {first} is not item {number}'s paper: {page}"
            );
            assert!(
                page.contains(&norm(&title)),
                "{meeting}{file}: {title:?} is not on page {first} ({edition}): {page}"
            );
            if first > 1 {
                assert!(
                    !pdf.page(first - 1).to_lowercase().contains(&format!("agenda item {number}")),
                    "{meeting}{file}: item {number} starts before page {first}"
                );
            }
            // The paper ends on `last`: the next page is a filler, another paper or the end.
            if last < n {
                let next = pdf.page(last + 1);
                assert!(
                    is_blank_filler(next) || next.to_lowercase().contains("agenda item"),
                    "{meeting}{file}: item {number} runs past page {last}: {next}"
                );
            }
            // The pack's own agenda prints the same range.
            let printed =
                if first == last { format!("(Page {first})") } else { format!("(Pages {first} – {last})") };
            assert!(
                pdf.pages[..first - 1].iter().any(|p| p.contains(&printed)),
                "{meeting}{file}: the agenda does not print {printed} for item {number}"
            );
            checked += 1;
        }
    }
    checked
}

#[test]
fn agenda_page_ranges_point_at_the_papers() {
    let tmp = TempDir::new().unwrap();
    for edition in ["public", "members"] {
        let out = tmp.path().join(edition);
        build(edition, &out);
        let site = Site { dir: out, base: "/".into() };
        let meetings = meeting_urls_with_packs(&site);
        assert!(meetings.len() >= 8, "{meetings:?}");
        let checked: usize = meetings.iter().map(|m| check_pack(&site, m, edition)).sum();
        assert!(checked >= 20, "only {checked} ranges checked");
    }
}

#[test]
fn packs_hold_attached_pdfs_bookmarks_and_metadata() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("public");
    build("public", &out);
    let meeting = "committees/planning/2026-11-04";
    let pdf = Pdf::read(&out.join(meeting).join("agenda-pack.pdf"));
    // The officer's site plan is in the pack as pages, with its own text.
    let plan =
        project_root().join("content").join(meeting).join("reports/appendices/appendix-b-site-plan.pdf");
    let plan_text = norm(&String::from_utf8(tool("pdftotext", &[plan.to_str().unwrap(), "-"])).unwrap());
    let first_words: String = plan_text.split(' ').take(6).collect::<Vec<_>>().join(" ");
    assert!(first_words.len() > 10, "{plan_text}");
    assert!(
        pdf.pages.iter().any(|p| p.contains(&first_words)),
        "site plan text {first_words:?} not in the pack"
    );

    let outline = pdf.outline();
    let titles: Vec<&str> = outline.iter().map(|(_, t)| t.as_str()).collect();
    assert!(titles.contains(&"Agenda"), "{titles:?}");
    assert!(titles.iter().any(|t| t.starts_with("Appendix B")), "{titles:?}");
    // Every agenda item has a bookmark.
    let doc = Site { dir: out.clone(), base: "/".into() }.page(&format!("/{meeting}/"));
    for h in doc.select(&sel("ol.agenda .agenda-title")) {
        let t = norm(&h.text().collect::<String>());
        assert!(titles.contains(&t.as_str()), "no bookmark {t:?} in {titles:?}");
    }
    // Bookmarks point at the pages the papers are on.
    for (page, title) in &outline {
        if title.starts_with("26/00512/FUL") && *page > 3 {
            assert!(pdf.page(*page).contains(title.as_str()), "bookmark {title} → page {page}");
        }
    }
    let info = pdf.info();
    assert!(
        info.contains("Title:           Planning Committee, Wednesday 4 November 2026: Agenda"),
        "{info}"
    );
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(pdf.structure().contains("/Lang (en-GB)"));
    // The pack's own fonts are embedded (an attached PDF keeps whatever fonts it came with).
    let fonts = |path: &Path| -> Vec<(String, String)> {
        let listing = String::from_utf8(tool("pdffonts", &[path.to_str().unwrap()])).unwrap();
        listing
            .lines()
            .skip(2)
            .map(|row| {
                let cols: Vec<&str> = row.split_whitespace().collect();
                (cols[0].to_string(), cols[cols.len() - 5].to_string())
            })
            .collect()
    };
    let ours: Vec<_> = fonts(&pdf.path).into_iter().filter(|(name, _)| name.contains("Liberation")).collect();
    assert!(!ours.is_empty());
    assert!(ours.iter().all(|(_, emb)| emb == "yes"), "{ours:?}");
    // A pack with no attached PDFs has nothing but embedded fonts.
    let plain = out.join("committees/cabinet/2025-11-11/agenda-pack.pdf");
    let all = fonts(&plain);
    assert!(!all.is_empty() && all.iter().all(|(_, emb)| emb == "yes"), "{all:?}");
}

#[test]
fn supplementary_items_get_their_own_pack() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("public");
    build("public", &out);
    let site = Site { dir: out.clone(), base: "/".into() };
    let meeting = "/committees/cabinet/2026-11-10/";
    let supp = Pdf::read(&out.join("committees/cabinet/2026-11-10/supplementary-pack.pdf"));
    assert!(supp.page(1).contains("Supplementary agenda"), "{}", supp.page(1));
    assert!(supp.pages.iter().any(|p| p.contains("Fair Funding Review")));
    let main = Pdf::read(&out.join("committees/cabinet/2026-11-10/agenda-pack.pdf"));
    assert!(main.pages.iter().any(|p| p.contains("Papers in the supplementary agenda pack")));
    let items = items_with_ranges(&site, meeting);
    let seven = items.iter().find(|i| i.0 == 7).expect("item 7 has a range");
    assert!(seven.1.2, "item 7 is in the supplementary pack");
    // Its own numbering: cover, blank, agenda, blank, then the paper on page 5.
    assert_eq!(seven.1.0, 5, "the supplementary pack numbers its own pages");
}

#[test]
fn every_report_is_a_pdf_of_its_own() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("public");
    build("public", &out);
    let site = Site { dir: out.clone(), base: "/".into() };
    let mut seen = 0;
    for (rel, doc) in site.pages() {
        if !(rel.starts_with("committees/") && rel.contains("/reports/")) {
            continue;
        }
        let title = norm(&text(&doc, "h1").unwrap());
        let link = doc
            .select(&sel("a"))
            .find(|a| a.value().attr("href").is_some_and(|h| h.ends_with("/report.pdf")))
            .unwrap_or_else(|| panic!("{rel} has no PDF link"));
        let label = norm(&link.text().collect::<String>());
        assert!(label.starts_with(&format!("Report: {title} (PDF, ")), "{label}");
        let pdf = Pdf::read(&site.dir.join(link.value().attr("href").unwrap().trim_start_matches('/')));
        assert!(pdf.page(1).contains(&title), "{rel}: {}", pdf.page(1));
        assert!(pdf.info().contains(&format!("Title:           {title}")));
        seen += 1;
    }
    assert!(seen >= 10, "{seen}");
}

#[test]
fn members_packs_mark_every_exempt_page_and_public_packs_hold_none() {
    let tmp = TempDir::new().unwrap();
    let members = tmp.path().join("members");
    let public = tmp.path().join("public");
    build("members", &members);
    build("public", &public);
    let meeting = "committees/cabinet/2025-11-11";
    let site = Site { dir: members.clone(), base: "/".into() };
    let items = items_with_ranges(&site, &format!("/{meeting}/"));
    let (_, (first, last, _), title) =
        items.iter().find(|i| i.0 == 9).expect("Part 2 item 9 in the members' pack");
    let pdf = Pdf::read(&members.join(meeting).join("agenda-pack.pdf"));
    for p in *first..=*last {
        assert!(pdf.page(p).contains("NOT FOR PUBLICATION"), "members' page {p} unmarked");
    }
    assert!(pdf.page(*first).contains(title.as_str()));
    for p in 1..*first {
        assert!(!pdf.page(p).contains("NOT FOR PUBLICATION –"), "page {p} of public papers is marked");
    }
    let public_pdf = Pdf::read(&public.join(meeting).join("agenda-pack.pdf"));
    let all = public_pdf.pages.join("\n");
    assert!(!all.contains("NOT FOR PUBLICATION"));
    assert!(!all.contains("Marlstone"), "exempt detail in the public pack");
    assert!(all.contains("Disposal of land at Hollins Lane depot"), "neutral title");
    assert!(all.contains("paragraph 3 of Part 1 of Schedule 12A"));
}

fn pdfs(dir: &Path) -> Vec<(String, Vec<u8>)> {
    Site { dir: dir.to_path_buf(), base: "/".into() }
        .files()
        .into_iter()
        .filter(|(k, _)| k.ends_with(".pdf") && (k.ends_with("pack.pdf") || k.ends_with("report.pdf")))
        .collect()
}

#[test]
fn packs_are_byte_identical_and_reused_when_nothing_changed() {
    let tmp = TempDir::new().unwrap();
    let a = tmp.path().join("a");
    let b = tmp.path().join("b");
    build("public", &a);
    build("public", &b);
    let first = pdfs(&a);
    assert!(first.len() >= 20);
    assert_eq!(first, pdfs(&b), "two builds gave different PDFs");

    let cache = tmp.path().join("cache");
    let c = tmp.path().join("c");
    let run = |out: &Path| {
        let o = agendum(&[
            "build",
            "--root",
            project_root().to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
            "--as-of",
            AS_OF,
            "--cache",
            cache.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stderr).into_owned()
    };
    let cold = run(&c);
    assert!(cold.contains(&format!("{} PDFs ({} laid out, 0 reused)", first.len(), first.len())), "{cold}");
    // Another output folder sharing the cache: every PDF is reused, not laid out again.
    let d = tmp.path().join("d");
    let warm = run(&d);
    assert!(warm.contains(&format!("{} PDFs (0 laid out, {} reused)", first.len(), first.len())), "{warm}");
    assert_eq!(first, pdfs(&d), "reused PDFs differ from laid-out ones");
    assert_eq!(first, pdfs(&c));
}

#[test]
fn no_pdfs_builds_the_pages_without_packs() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("public");
    build_ok(&project_root(), &out, &["--as-of", AS_OF, "--no-pdfs"]);
    let site = Site { dir: out, base: "/".into() };
    assert!(pdfs(&site.dir).is_empty());
    let meeting = site.page("/committees/cabinet/2025-11-11/");
    assert_eq!(meeting.select(&sel(".pack-links, .pages")).count(), 0);
}
