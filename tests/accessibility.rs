//! Accessibility in a real browser: axe-core (WCAG 2.0/2.1 A and AA, best practice) on one page
//! of every page type at 1280 px and 320 px in the light and dark colour schemes, the Nu Html
//! Checker on the same pages, a keyboard walk through the meeting page, no sideways scrolling
//! at 320 px or at 200% text size; and the accessibility statement with the problems the build
//! finds itself. Tools are installed by `scripts/install-test-tools.sh`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use tempfile::TempDir;

const AS_OF: &str = "2026-11-23";

/// One page of every page type in the sample site (the meeting page first: it gets the
/// keyboard walk).
const PAGES: &[&str] = &[
    "/committees/cabinet/2025-11-11/",
    "/",
    "/committees/",
    "/committees/cabinet/",
    "/committees/cabinet/2025-11-11/items/6/",
    "/committees/cabinet/2025-11-11/minutes/",
    // The report with the 13-column scorecard table.
    "/committees/children-and-young-people-scrutiny/2026-10-13/reports/performance-scorecard-q1/",
    "/people/",
    "/people/alison-reed/",
    "/meetings/",
    "/meetings/2025-26/",
    "/committees/children-and-young-people-scrutiny/work-programme/",
    "/forward-plan/",
    "/forward-plan/kd-2025-26-07/",
    "/decisions/",
    "/decisions/cabinet-2025-09-16-5/",
    "/matters/",
    "/matters/budget-2026-27/",
    "/search/",
    "/search/?q=budget",
    "/papers/",
    "/papers/2025-26/",
    "/wards/",
    "/wards/riverside/",
    "/accessibility/",
    "/404.html",
];

fn browser_dir() -> PathBuf {
    project_root().join("tests/browser")
}

#[test]
fn every_page_type_passes_axe_vnu_and_the_keyboard_walk() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("public");
    build_ok(&project_root(), &out, &["--as-of", AS_OF]);
    let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("accessibility-screenshots");
    let _ = std::fs::remove_dir_all(&shots);
    println!("screenshots of every page type at 1280 px and 320 px: {}", shots.display());
    eprintln!("screenshots of every page type at 1280 px and 320 px: {}", shots.display());
    let o = Command::new("node")
        .arg(browser_dir().join("a11y.mjs"))
        .arg(&out)
        .arg(&shots)
        .args(PAGES)
        .output()
        .expect("run node (scripts/install-test-tools.sh installs it)");
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "browser test failed:\n{stdout}\n{}", String::from_utf8_lossy(&o.stderr));
    let report: serde_json::Value = serde_json::from_str(stdout.trim()).expect("JSON from a11y.mjs");

    let violations: Vec<String> = report["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| format!("{} on {} ({}): {} {}", v["rule"], v["url"], v["view"], v["help"], v["nodes"]))
        .collect();
    assert!(violations.is_empty(), "accessibility violations:\n{}", violations.join("\n"));
    let zoom = report["zoom"].as_array().unwrap();
    assert!(zoom.is_empty(), "pages that scroll sideways at 200% text size: {zoom:?}");
    assert_eq!(report["shots"].as_u64().unwrap() as usize, PAGES.len() * 2);

    // Keyboard: the skip link comes first and moves focus to the main content; every control
    // is reached, each with a visible focus indicator.
    let k = &report["keyboard"];
    assert_eq!(k["first"]["href"], "#main", "{k}");
    assert_eq!(k["afterSkip"], "main", "{k}");
    let stops = k["stops"].as_array().unwrap();
    let controls = k["controls"].as_u64().unwrap() as usize;
    assert!(controls > 20, "{controls}");
    assert!(stops.len() >= controls, "only {} of {controls} controls reached by Tab", stops.len());
    let invisible: Vec<_> = stops.iter().filter(|s| s["visible"] != true).collect();
    assert!(invisible.is_empty(), "focus not visible on: {invisible:?}");

    // The Nu Html Checker finds no errors on the same pages.
    let files: Vec<PathBuf> = PAGES
        .iter()
        .filter(|p| !p.contains('?'))
        .map(|p| {
            let rel = p.trim_start_matches('/');
            if rel.is_empty() || rel.ends_with('/') {
                out.join(rel).join("index.html")
            } else {
                out.join(rel)
            }
        })
        .collect();
    let errors = vnu_errors(&files);
    assert!(errors.is_empty(), "Nu Html Checker errors:\n{}", errors.join("\n"));
}

fn vnu_errors(files: &[PathBuf]) -> Vec<String> {
    let jar = browser_dir().join("node_modules/vnu-jar/build/dist/vnu.jar");
    let o = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--format", "json"])
        .args(files)
        .output()
        .expect("run java (scripts/install-test-tools.sh installs it)");
    // vnu writes its JSON report to stderr.
    let text = String::from_utf8_lossy(&o.stderr);
    let json: serde_json::Value =
        serde_json::from_str(text.trim()).unwrap_or_else(|e| panic!("vnu output: {e}: {text}"));
    json["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["type"] == "error")
        .map(|m| format!("{}:{}: {}", m["url"], m["lastLine"], m["message"]))
        .collect()
}

/// A one-page PDF that draws a grey square and no text, like a scan.
fn scanned_pdf() -> Vec<u8> {
    let content = "0.5 g 50 50 200 200 re f";
    let stream = format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len());
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents 4 0 R /Resources << >> >>",
        stream.as_str(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1)
            .as_bytes(),
    );
    out
}

/// A 1×1 PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00,
    0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00,
    0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0x00, 0x05,
    0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42,
    0x60, 0x82,
];

fn site_with_problems(root: &Path) {
    copy_dir(&fixture("small"), root);
    let meeting = root.join("content/committees/cabinet/2025-06-10");
    std::fs::write(meeting.join("reports/appendices/scanned-letter.pdf"), scanned_pdf()).unwrap();
    std::fs::write(meeting.join("reports/appendices/chart.png"), PNG).unwrap();
    let yaml = std::fs::read_to_string(meeting.join("meeting.yaml")).unwrap();
    let yaml = yaml.replace(
        "    reports: [budget]\n",
        "    reports: [budget]\n    documents:\n      - title: Letter from the auditor\n        file: reports/appendices/scanned-letter.pdf\n",
    );
    std::fs::write(meeting.join("meeting.yaml"), yaml).unwrap();
    let report = meeting.join("reports/budget.md");
    let body = std::fs::read_to_string(&report).unwrap();
    std::fs::write(&report, format!("{body}\n![](appendices/chart.png)\n")).unwrap();
}

#[test]
fn check_warns_about_scans_and_images_without_alt_and_the_statement_lists_them() {
    let tmp = TempDir::new().unwrap();
    site_with_problems(tmp.path());
    let root = tmp.path().to_str().unwrap();
    let o = agendum(&["check", "--root", root, "--as-of", AS_OF]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("pdf-no-text"), "{err}");
    assert!(err.contains("content/committees/cabinet/2025-06-10/meeting.yaml:"), "{err}");
    assert!(err.contains("image-no-alt"), "{err}");
    assert!(err.contains("content/committees/cabinet/2025-06-10/reports/budget.md:"), "{err}");

    let out = tmp.path().join("public");
    build_ok(tmp.path(), &out, &["--as-of", AS_OF]);
    let site = Site { dir: out, base: "/".into() };
    let statement = site.page("/accessibility/");
    let problems = text(&statement, "main").unwrap();
    assert!(problems.contains("Letter from the auditor (PDF)"), "{problems}");
    assert!(problems.contains("An image in “Budget monitoring 2025/26”"), "{problems}");
    let links = hrefs(&statement, ".a11y-problems a");
    assert!(
        links.contains(&"/committees/cabinet/2025-06-10/reports/appendices/scanned-letter.pdf".to_string())
    );
    assert!(links.contains(&"/committees/cabinet/2025-06-10/reports/budget/".to_string()));
    // Every page links the statement.
    for (rel, doc) in site.pages() {
        assert_eq!(hrefs(&doc, "footer a[href='/accessibility/']").len(), 1, "{rel}");
    }
}

#[test]
fn the_statement_follows_the_model_structure() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("public");
    build_ok(&project_root(), &out, &["--as-of", AS_OF]);
    let site = Site { dir: out, base: "/".into() };
    let doc = site.page("/accessibility/");
    let headings: Vec<String> = doc.select(&sel("main h2")).map(|h| h.text().collect()).collect();
    for h in [
        "How accessible this website is",
        "Feedback and contact information",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Technical information about this website's accessibility",
        "Non-accessible content",
        "What we're doing to improve accessibility",
        "Preparation of this accessibility statement",
    ] {
        assert!(headings.iter().any(|x| x == h), "missing {h:?} in {headings:?}");
    }
    let main = text(&doc, "main").unwrap();
    assert!(main.contains("partially compliant"), "{main}");
    assert!(main.contains("Planning committee site plans"));
    assert!(main.contains("31 March 2027"));
    assert!(main.contains("democratic.services@ashcombe.gov.uk"));
    assert!(main.contains("10 working days"));
    assert!(main.contains("2 November 2026"));
}
