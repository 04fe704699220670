//! Agenda pack layout benchmark: a meeting whose pack runs to about 140 pages, with a 20-page
//! attached PDF, laid out on one thread.
//!
//! ```sh
//! cargo run --release --example pack-bench -- [--runs 5]
//! ```
//!
//! It writes a small generated site to a temporary folder, builds it once to make the 20-page
//! PDF (a long report's own PDF), attaches that to the big meeting, then builds the site
//! `--runs` times with no cache and prints the big pack's layout time each run and the median.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::time::Duration;

/// A small deterministic generator (the same words every run).
struct Words(u64);

impl Words {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn sentence(&mut self) -> String {
        const WORDS: &[&str] = &[
            "the",
            "council",
            "committee",
            "budget",
            "service",
            "report",
            "residents",
            "housing",
            "forecast",
            "overspend",
            "reserves",
            "capital",
            "programme",
            "ward",
            "members",
            "officers",
            "consultation",
            "policy",
            "review",
            "delivery",
            "contract",
            "savings",
            "income",
            "demand",
            "pressure",
            "year",
            "quarter",
            "placements",
            "transport",
            "waste",
            "collection",
            "planning",
            "application",
            "and",
            "of",
            "to",
            "in",
            "for",
            "with",
            "on",
            "is",
            "will",
            "be",
            "has",
            "are",
            "by",
            "from",
        ];
        let n = 12 + (self.next() % 16) as usize;
        let mut s = String::new();
        for i in 0..n {
            let w = WORDS[(self.next() % WORDS.len() as u64) as usize];
            if i == 0 {
                let mut c = w.chars();
                s.extend(c.next().map(|c| c.to_ascii_uppercase()));
                s.push_str(c.as_str());
            } else {
                s.push(' ');
                s.push_str(w);
            }
        }
        s.push('.');
        s
    }

    fn report_body(&mut self, sections: usize) -> String {
        let mut md = String::new();
        for sec in 0..sections {
            let _ = writeln!(md, "## Section {}\n", sec + 1);
            for p in 0..5 {
                let para: Vec<String> = (0..5).map(|_| self.sentence()).collect();
                let _ = writeln!(md, "{}\n", para.join(" "));
                if p == 2 {
                    let _ = writeln!(md, "Table: Figures for section {}\n", sec + 1);
                    md.push_str(
                        "| Service | Budget £000 | Forecast £000 | Variance £000 |\n|---|---:|---:|---:|\n",
                    );
                    for r in 0..8 {
                        let b = 100 + self.next() % 9000;
                        let f = b + self.next() % 300;
                        let _ = writeln!(md, "| Service area {} | {b} | {f} | {} |", r + 1, f - b);
                    }
                    md.push('\n');
                }
            }
            md.push_str("- First point to note.\n- Second point to note.\n- Third point to note.\n\n");
        }
        md
    }
}

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn report(words: &mut Words, title: &str, sections: usize) -> String {
    format!(
        "---\ntitle: \"{title}\"\nreport_of: Director of Finance\nauthor: officer\ndate: 2026-01-05\nwards: [\"All wards\"]\n---\n{}",
        words.report_body(sections)
    )
}

fn site(root: &Path, items: usize, attach: bool) {
    let c = root.join("content");
    write(
        &c.join("site.yaml"),
        "name: Benchmark Borough Council\nshort_name: Benchmark\nbase_url: https://example.gov.uk/\n\
         address: [Town Hall]\ndemocratic_services:\n  name: Democratic Services\n  email: ds@example.gov.uk\n\
         licence: Open Government Licence v3.0\n",
    );
    write(
        &c.join("people/officer.yaml"),
        "kind: officer\nname: Pat Officer\njob_title: Democratic Services Officer\n",
    );
    write(
        &c.join("people/chair.yaml"),
        "kind: councillor\nname: Sam Chair\nparty: Independent\nward: Central\n",
    );
    write(
        &c.join("committees/cabinet/committee.yaml"),
        "name: Cabinet\nkind: cabinet\nremit: Executive decisions.\ncontact: officer\nmembership:\n  - year: 2025/26\n    members:\n      - person: chair\n        role: chair\n",
    );
    let m = c.join("committees/cabinet/2026-01-13");
    let mut words = Words(42);
    let mut agenda = String::from(
        "time: \"18:30\"\nvenue:\n  name: Council Chamber\nstatus: scheduled\nagenda_published: 2026-01-05\nagenda:\n",
    );
    for i in 1..=items {
        let slug = format!("report-{i}");
        write(&m.join(format!("reports/{slug}.md")), &report(&mut words, &format!("Report number {i}"), 11));
        let _ = writeln!(agenda, "  - number: {i}\n    title: Report number {i}\n    reports: [{slug}]");
    }
    if attach {
        let _ = writeln!(
            agenda,
            "  - number: {}\n    title: Appendix pack\n    documents:\n      - title: Twenty-page appendix\n        file: documents/appendix.pdf",
            items + 1
        );
    }
    write(&m.join("meeting.yaml"), &agenda);
}

fn build(root: &Path) -> agendum::Outcome {
    let options = agendum::BuildOptions {
        root: root.to_path_buf(),
        output: root.join("public"),
        base_url: None,
        as_of: jiff::civil::date(2026, 1, 20),
        edition: agendum::access::Edition::Public,
        cache: None,
        pdfs: true,
        skip_if_unchanged: false,
    };
    let outcome = agendum::build(&options);
    if !outcome.ok() {
        eprint!("{}", outcome.sources.render(&outcome.diagnostics, false));
        panic!("benchmark site failed to build: {:?}", outcome.fatal);
    }
    outcome
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let runs: usize = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(5);
    // One layout thread: the target is per core.
    rayon::ThreadPoolBuilder::new().num_threads(1).build_global().ok();
    // SAFETY: set before any other thread exists; the PDF stage's own pool reads it.
    unsafe { std::env::set_var("RAYON_NUM_THREADS", "1") };
    let root = std::env::temp_dir().join(format!("agendum-pack-bench-{}", std::process::id()));
    let _ = fs::remove_dir_all(&root);

    // A 20-page PDF: one long report's own PDF.
    site(&root, 1, false);
    let long = root.join("content/committees/cabinet/2026-01-13/reports/report-1.md");
    write(&long, &report(&mut Words(7), "Twenty-page appendix", 17));
    let first = build(&root).stats.unwrap();
    let appendix_pages = first.pdf_timings.iter().find(|t| t.0.ends_with("report.pdf")).map_or(0, |t| t.1);
    let pdf = root.join("public/committees/cabinet/2026-01-13/reports/report-1/report.pdf");
    let appendix = fs::read(&pdf).unwrap();
    let _ = fs::remove_dir_all(&root);

    site(&root, 8, true);
    write(&root.join("content/committees/cabinet/2026-01-13/documents/appendix.pdf"), "");
    fs::write(root.join("content/committees/cabinet/2026-01-13/documents/appendix.pdf"), &appendix).unwrap();
    let mut times = Vec::new();
    for run in 1..=runs {
        let outcome = build(&root);
        let stats = outcome.stats.unwrap();
        let (url, pages, took) = stats
            .pdf_timings
            .iter()
            .find(|(u, _, _)| u.ends_with("agenda-pack.pdf"))
            .cloned()
            .expect("the pack was laid out");
        println!(
            "run {run}: {url}: {pages} pages (with a {appendix_pages}-page attached PDF) laid out in {took:.2?} on one thread"
        );
        times.push(took);
    }
    times.sort();
    let median: Duration = times[times.len() / 2];
    println!("median of {runs}: {median:.2?}");
    let _ = fs::remove_dir_all(&root);
}
