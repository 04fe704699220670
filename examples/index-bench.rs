//! Search indexer benchmark: indexes one bundle's worth of a built site's pages on one thread.
//!
//! ```sh
//! cargo run --release --example index-bench -- --site DIR [--pages 3000] [--runs 5]
//! ```
//!
//! `DIR` is the output folder of a build (`agendum build --no-pdfs --output DIR`, of the
//! generated archive for realistic pages). It takes `--pages` of the site's searchable pages
//! (those with `data-pagefind-body`), spread evenly over the whole site in file-name order, reads
//! them into memory, then indexes them `--runs` times as one bundle (`search::index::build`, what
//! the build runs once per bundle on each core) and prints each run's time and the median, per
//! page, and the bundle's size. Reading the pages back and writing the bundle are not timed.

use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut site = None;
    let mut pages = 3000usize;
    let mut runs = 5usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let value = args.next();
        match (a.as_str(), value) {
            ("--site", Some(v)) => site = Some(PathBuf::from(v)),
            ("--pages", Some(v)) => pages = v.parse().unwrap_or(pages),
            ("--runs", Some(v)) => runs = v.parse().unwrap_or(runs),
            _ => {
                eprintln!("usage: index-bench --site DIR [--pages 3000] [--runs 5]");
                std::process::exit(2);
            }
        }
    }
    let Some(site) = site else {
        eprintln!("usage: index-bench --site DIR [--pages 3000] [--runs 5]");
        std::process::exit(2);
    };
    let mut found = Vec::new();
    for e in walkdir::WalkDir::new(&site).sort_by_file_name() {
        let Ok(e) = e else { continue };
        if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "html") {
            found.push(e.into_path());
        }
    }
    let mut html = Vec::new();
    for p in &found {
        if let Ok(bytes) = std::fs::read(p)
            && bytes.windows(18).any(|w| w == b"data-pagefind-body")
        {
            let url = p.strip_prefix(&site).unwrap_or(p).display().to_string();
            html.push((url, bytes));
        }
    }
    let step = (html.len() / pages.max(1)).max(1);
    let chosen: Vec<(String, Vec<u8>)> = html.into_iter().step_by(step).take(pages).collect();
    let input_bytes: usize = chosen.iter().map(|(_, b)| b.len()).sum();
    println!(
        "{} pages of {} ({} MB of HTML) from {}",
        chosen.len(),
        found.len(),
        input_bytes >> 20,
        site.display()
    );
    let client = match agendum::search::client::load("en") {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let mut times = Vec::new();
    for run in 1..=runs {
        let input: Vec<(&str, Vec<u8>)> = chosen.iter().map(|(u, b)| (u.as_str(), b.clone())).collect();
        let started = Instant::now();
        let files = match agendum::search::index::build(input, "en", &client.entry) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        };
        let took = started.elapsed();
        let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
        println!("run {run}: {:.3} s, {} files, {} bytes", took.as_secs_f64(), files.len(), bytes);
        times.push(took);
    }
    times.sort();
    let median = times[times.len() / 2];
    println!(
        "median {:.3} s, {:.3} ms a page (one thread)",
        median.as_secs_f64(),
        median.as_secs_f64() * 1000.0 / chosen.len().max(1) as f64
    );
}
