//! Shared helpers for the integration tests: run the real binary, read the built site.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scraper::{Html, Selector};

/// The project folder (holds the sample site's `content/`).
pub fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture folder under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    project_root().join("tests").join("fixtures").join(name)
}

/// Runs `agendum` with arguments.
pub fn agendum(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_agendum")).args(args).output().expect("run agendum")
}

/// Builds `root` into `out`, panicking with the diagnostics if the build fails. Unless `extra`
/// names a `--cache`, the PDF cache is off, so tests never write into the source tree.
pub fn build_ok(root: &Path, out: &Path, extra: &[&str]) {
    let mut args = vec!["build", "--root", root.to_str().unwrap(), "--output", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    if !extra.contains(&"--cache") {
        args.push("--no-cache");
    }
    let o = agendum(&args);
    assert!(
        o.status.success(),
        "build of {} failed:\n{}",
        root.display(),
        String::from_utf8_lossy(&o.stderr)
    );
}

/// A built site on disk.
pub struct Site {
    /// Output folder.
    pub dir: PathBuf,
    /// URL path prefix (`/` or `/democracy/`).
    pub base: String,
}

impl Site {
    /// Every file, relative path → bytes.
    pub fn files(&self) -> BTreeMap<String, Vec<u8>> {
        let mut out = BTreeMap::new();
        for e in walk(&self.dir) {
            let rel = e.strip_prefix(&self.dir).unwrap().to_string_lossy().replace('\\', "/");
            out.insert(rel, fs::read(&e).unwrap());
        }
        out
    }

    /// Every HTML page, relative path → parsed document.
    pub fn pages(&self) -> Vec<(String, Html)> {
        self.files()
            .into_iter()
            .filter(|(k, _)| k.ends_with(".html"))
            .map(|(k, v)| (k, Html::parse_document(&String::from_utf8(v).unwrap())))
            .collect()
    }

    /// The file a site URL maps to, if it exists.
    pub fn file_for(&self, url: &str) -> Option<PathBuf> {
        let path = url.split('#').next().unwrap();
        let rel = path.strip_prefix(&self.base)?;
        let rel =
            if rel.is_empty() || rel.ends_with('/') { format!("{rel}index.html") } else { rel.to_string() };
        let p = self.dir.join(rel);
        p.is_file().then_some(p)
    }

    /// The parsed page at a site URL; panics if it does not exist.
    pub fn page(&self, url: &str) -> Html {
        let p = self.file_for(url).unwrap_or_else(|| panic!("no page for {url}"));
        Html::parse_document(&fs::read_to_string(p).unwrap())
    }

    /// The URL of a page file (`committees/cabinet/index.html` → `/committees/cabinet/`).
    pub fn url_of(&self, rel: &str) -> String {
        format!("{}{}", self.base, rel.strip_suffix("index.html").unwrap_or(rel))
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Parses a CSS selector.
pub fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// All `href` values matching a selector.
pub fn hrefs(doc: &Html, selector: &str) -> Vec<String> {
    doc.select(&sel(selector)).filter_map(|a| a.value().attr("href").map(str::to_string)).collect()
}

/// Text of the first element matching a selector.
pub fn text(doc: &Html, selector: &str) -> Option<String> {
    doc.select(&sel(selector)).next().map(|e| e.text().collect::<String>())
}

/// Copies a folder tree.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            fs::copy(e.path(), target).unwrap();
        }
    }
}

/// Every internal link, stylesheet and image on every page, checked: the target file exists
/// and, where there is a fragment, the target page has an element with that id. Returns the
/// broken ones as "page -> url" and the number of links checked.
pub fn broken_links(site: &Site) -> (Vec<String>, usize) {
    let pages = site.pages();
    let ids: BTreeMap<String, std::collections::BTreeSet<String>> = pages
        .iter()
        .map(|(rel, doc)| {
            let set =
                doc.select(&sel("[id]")).filter_map(|e| e.value().attr("id").map(str::to_string)).collect();
            (rel.clone(), set)
        })
        .collect();
    let mut broken = Vec::new();
    let mut checked = 0;
    for (rel, doc) in &pages {
        for el in doc.select(&sel("a[href], link[href], img[src]")) {
            let url = el.value().attr("href").or_else(|| el.value().attr("src")).unwrap();
            if url.starts_with("http://")
                || url.starts_with("https://")
                || url.starts_with("mailto:")
                || url.starts_with("tel:")
            {
                continue;
            }
            checked += 1;
            let (path, frag) = match url.split_once('#') {
                Some((p, f)) => (p, Some(f)),
                None => (url, None),
            };
            let target_rel = if path.is_empty() {
                Some(rel.clone())
            } else {
                site.file_for(path)
                    .map(|p| p.strip_prefix(&site.dir).unwrap().to_string_lossy().replace('\\', "/"))
            };
            match target_rel {
                None => broken.push(format!("{rel} -> {url} (no such file)")),
                Some(t) => {
                    if let Some(f) = frag {
                        if !ids.get(&t).is_some_and(|s| s.contains(f)) {
                            broken.push(format!("{rel} -> {url} (no id {f} in {t})"));
                        }
                    }
                }
            }
        }
    }
    (broken, checked)
}
