//! Output: full-text search over the built pages, in Pagefind's format, searched in the
//! browser by Pagefind's own client.
//!
//! The index is partitioned: one bundle per municipal year for everything that belongs to a
//! meeting (meeting, agenda items, minutes, reports, decisions), and one bundle, `site`, for the
//! other documents (committees, people, work programmes, forward plan entries, matters); lists
//! are not indexed. Bundles are built one per thread, so the memory indexing holds is bounded by
//! a few years, not the archive; the search page loads `site` and merges the year bundles in
//! the browser (`mergeIndex`).
//!
//! The index reads the pages as written (only `<main data-pagefind-body>`, so headers, footers
//! and navigation are not indexed: `fossick.rs`); the public edition's pages come from the
//! redacted view, so the index cannot hold exempt text. `words.rs` splits and stems as Pagefind
//! does, `index.rs` writes the files, `client.rs` takes Pagefind's client files from the crate.

use std::collections::BTreeMap;

use crate::render::Sink;

mod cache;
pub mod client;
mod fossick;
pub mod index;
mod words;

/// The bundle for pages that belong to no municipal year.
pub const SITE: &str = "site";

/// The most pages one bundle holds. Pagefind keeps a bundle's pages in memory while it builds it
/// (about 75 KB a page for the sample's pages, 200–260 KB for long reports), so a year with more
/// pages than this is split into `y2025`, `y2025-2`, … to bound the build's memory.
pub const MAX_BUNDLE_PAGES: usize = 3000;

/// The bundles a group of `pages` pages called `base` is split into.
pub fn split_names(base: &str, pages: usize) -> Vec<String> {
    let n = pages.div_ceil(MAX_BUNDLE_PAGES).max(1);
    (1..=n).map(|i| if i == 1 { base.to_string() } else { format!("{base}-{i}") }).collect()
}

/// The bundle a municipal year's pages go in: `y2025` for 2025/26.
pub fn year_bundle(year: crate::model::MunicipalYear) -> String {
    format!("y{}", year.0)
}

/// The folder of a bundle inside the site: `pagefind/site/`.
pub fn bundle_path(bundle: &str) -> String {
    format!("pagefind/{bundle}/")
}

/// The bundles the search page loads, in order: `site` first, then years newest first, each
/// year split as [`split_names`] splits it. `bases` is the base bundle of every indexed page.
pub fn order(bases: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for b in bases {
        *counts.entry(b).or_default() += 1;
    }
    let mut list: Vec<(String, usize)> = counts.into_iter().collect();
    list.sort_by(|(a, _), (b, _)| match (a.as_str() == SITE, b.as_str() == SITE) {
        (true, false) => std::cmp::Ordering::Less,
        (false, true) => std::cmp::Ordering::Greater,
        _ => b.cmp(a),
    });
    list.into_iter().flat_map(|(base, n)| split_names(&base, n)).collect()
}

/// A page to index: its URL, the bundle it goes in and the SHA-256 of its bytes (which, with the
/// URLs, keys the bundle cache).
#[derive(Debug, Clone)]
pub struct Page {
    /// Root-relative URL.
    pub url: String,
    /// Base bundle (`site`, `y2025`).
    pub bundle: String,
    /// SHA-256 of the page as written.
    pub hash: [u8; 32],
}

/// What the search stage needs from a render: the pages to index and how. It holds no
/// content, so the build frees the model before indexing starts.
#[derive(Debug, Default)]
pub struct Pending {
    /// Every page to index.
    pub pages: Vec<Page>,
    /// The site's language (`en`), for stemming.
    pub language: String,
    /// The address the site is built for.
    pub base_url: String,
    /// Which edition.
    pub edition: crate::access::Edition,
}

/// Where the bundles go.
struct Target<'a> {
    sink: &'a dyn Sink,
    urls: &'a crate::render::urls::Urls,
    edition: crate::access::Edition,
}

/// One bundle to build: its name and pages, in URL order.
struct Work<'p> {
    name: String,
    pages: Vec<&'p Page>,
}

/// What [`write`] did.
#[derive(Debug, Clone, Copy, Default)]
pub struct Written {
    /// Files written.
    pub files: usize,
    /// Bundles written.
    pub bundles: usize,
    /// Bundles copied from the cache.
    pub reused: usize,
}

/// Indexes every page and writes the bundles.
///
/// Bundles are independent, so they are built in parallel, one per thread, biggest first; each
/// thread holds one bundle in memory at a time. With `cache`, a bundle whose pages (URLs and
/// bytes) are the same as in an earlier build is copied from the cache instead of indexed again,
/// so editing one paper re-indexes only its municipal year.
pub fn write(
    pending: &Pending,
    sink: &dyn Sink,
    cache: Option<&std::path::Path>,
) -> Result<Written, Vec<String>> {
    let mut by_bundle: BTreeMap<&str, Vec<&Page>> = BTreeMap::new();
    for p in &pending.pages {
        by_bundle.entry(p.bundle.as_str()).or_default().push(p);
    }
    let language = pending.language.as_str();
    let urls = crate::render::urls::Urls::new(&pending.base_url);
    let target = Target { sink, urls: &urls, edition: pending.edition };
    let ctx = &target;
    let mut work = Vec::new();
    for (base, mut list) in by_bundle {
        list.sort_unstable_by(|a, b| a.url.cmp(&b.url));
        let names = split_names(base, list.len());
        for (name, chunk) in names.into_iter().zip(list.chunks(MAX_BUNDLE_PAGES)) {
            work.push(Work { name, pages: chunk.to_vec() });
        }
    }
    // Biggest first, so the last bundle to finish is a small one.
    work.sort_by(|a, b| b.pages.len().cmp(&a.pages.len()).then_with(|| a.name.cmp(&b.name)));
    let store = cache.map(|dir| cache::Store::new(dir, ctx.edition, ctx.urls, language));
    // Pagefind's client files, asked for only if a bundle has to be indexed.
    let client: std::sync::OnceLock<Result<client::Client, String>> = std::sync::OnceLock::new();
    let client = &client;
    // The bundles the previous build left in the output, by name: their keys and files.
    let previous = sink.previous_note(NOTE).map(|t| parse_note(&t)).unwrap_or_default();
    let made: std::sync::Mutex<Vec<Placed>> = Default::default();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(work.len()).max(1);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<Result<Vec<(usize, bool)>, String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(w) = work.get(i) else { break };
                        let n = build_bundle(ctx, store.as_ref(), client, w, language, &previous, &made)
                            .map_err(|e| format!("while building the search index {}: {e}", w.name))?;
                        done.push(n);
                    }
                    Ok(done)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| Err("the search indexer failed".to_string())))
            .collect()
    });
    let mut written = Written { bundles: work.len(), ..Written::default() };
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok(done) => {
                written.files += done.iter().map(|(n, _)| n).sum::<usize>();
                written.reused += done.iter().filter(|(_, reused)| *reused).count();
            }
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        errors.sort();
        return Err(errors);
    }
    if let Some(store) = &store {
        let keys: Vec<String> = work.iter().map(|w| store.key(&w.name, &w.pages)).collect();
        store.prune(&keys);
        if sink.keeps_notes() {
            let mut made = made.into_inner().unwrap_or_else(|e| e.into_inner());
            made.sort();
            sink.leave_note(NOTE, note_text(&made));
        }
    }
    Ok(written)
}

/// The note the search stage leaves with the output: each bundle's name and cache key, and its
/// files with their SHA-256, so that the next build can leave a bundle whose pages are unchanged
/// in place without even reading it from the cache.
pub const NOTE: &str = "search";

/// A bundle this build put in the output: its name, key, and files with their hashes.
type Placed = (String, String, Vec<(String, [u8; 32])>);

/// A bundle as the previous build left it: its key and files.
type Left = std::collections::HashMap<String, (String, Vec<(String, [u8; 32])>)>;

fn parse_note(text: &str) -> Left {
    let mut out = Left::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        let mut f = line.split('\t');
        match (f.next(), f.next(), f.next()) {
            (Some("b"), Some(name), Some(key)) => {
                out.insert(name.to_string(), (key.to_string(), Vec::new()));
                current = Some(name.to_string());
            }
            (Some("f"), Some(file), Some(hash)) => {
                let (Some(name), Some(hash)) = (&current, crate::hex::decode32(hash)) else {
                    return Left::new();
                };
                if let Some(b) = out.get_mut(name) {
                    b.1.push((file.to_string(), hash));
                }
            }
            _ => return Left::new(),
        }
    }
    out
}

fn note_text(made: &[Placed]) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    for (name, key, files) in made {
        let _ = writeln!(s, "b\t{name}\t{key}");
        for (file, hash) in files {
            let _ = writeln!(s, "f\t{file}\t{}", crate::hex::encode(hash));
        }
    }
    s
}

/// Writes a bundle's files; with `hashing` (a build with the cache, which notes what it
/// placed), returns them with their hashes, and otherwise nothing.
fn put(
    ctx: &Target<'_>,
    dir: &str,
    files: &[(String, Vec<u8>)],
    hashing: bool,
) -> Result<Vec<(String, [u8; 32])>, String> {
    use sha2::Digest;
    let mut out = Vec::with_capacity(if hashing { files.len() } else { 0 });
    for (name, bytes) in files {
        let rel = format!("{dir}{name}");
        let written = if hashing {
            let hash: [u8; 32] = sha2::Sha256::digest(bytes).into();
            out.push((name.clone(), hash));
            ctx.sink.write_hashed(&rel, bytes, &hash)
        } else {
            ctx.sink.write(&rel, bytes)
        };
        written.map_err(|e| format!("cannot write {rel}: {e}"))?;
    }
    Ok(out)
}

/// Builds one bundle, copies it from the cache, or leaves it in the output where the previous
/// build put it; returns the number of files written and whether they were reused.
fn build_bundle(
    ctx: &Target<'_>,
    store: Option<&cache::Store>,
    client: &std::sync::OnceLock<Result<client::Client, String>>,
    work: &Work<'_>,
    language: &str,
    previous: &Left,
    made: &std::sync::Mutex<Vec<Placed>>,
) -> Result<(usize, bool), String> {
    let dir = bundle_path(&work.name);
    let key = store.map(|s| s.key(&work.name, &work.pages));
    let note = |key: &Option<String>, files: Vec<(String, [u8; 32])>| {
        if let (Some(key), Ok(mut m)) = (key, made.lock()) {
            m.push((work.name.clone(), key.clone(), files));
        }
    };
    if let Some(key) = &key
        && let Some((was, files)) = previous.get(&work.name)
        && was == key
        && files.iter().all(|(name, hash)| ctx.sink.keep(&format!("{dir}{name}"), hash))
    {
        note(&Some(key.clone()), files.clone());
        return Ok((files.len(), true));
    }
    if let (Some(store), Some(k)) = (store, &key)
        && let Some(files) = store.get(k)
    {
        let hashed = put(ctx, &dir, &files, key.is_some())?;
        note(&key, hashed);
        return Ok((files.len(), true));
    }
    let client = client.get_or_init(|| client::load(language)).as_ref().map_err(Clone::clone)?;
    let files = index_bundle(ctx.sink, ctx.urls, &work.pages, language, client)?;
    let hashed = put(ctx, &dir, &files, key.is_some())?;
    if let (Some(store), Some(key)) = (store, &key) {
        // A cache that cannot be written only makes the next build slower.
        let _ = store.put(key, &files);
    }
    note(&key, hashed);
    Ok((files.len(), false))
}

/// Indexes pages into a bundle in Pagefind's format, with Pagefind's client files; returns
/// the bundle's files (name inside the bundle, bytes), sorted by name.
fn index_bundle(
    sink: &dyn Sink,
    urls: &crate::render::urls::Urls,
    pages: &[&Page],
    language: &str,
    client: &client::Client,
) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut failed = None;
    let read = pages.iter().map_while(|p| {
        let rel = urls.output_path(&p.url);
        match sink.read(&rel) {
            Ok(html) => Some((p.url.as_str(), html)),
            Err(e) => {
                failed = Some(format!("cannot read {rel}: {e}"));
                None
            }
        }
    });
    let mut files = index::build(read, language, &client.entry)?;
    if let Some(e) = failed {
        return Err(e);
    }
    files.extend(client.files.iter().cloned());
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_years_are_split_and_the_site_bundle_comes_first() {
        let mut bases = vec!["y2024".to_string(); MAX_BUNDLE_PAGES * 2 + 1];
        bases.extend(vec!["site".to_string(); 3]);
        bases.extend(vec!["y2025".to_string(); 10]);
        assert_eq!(order(bases), vec!["site", "y2025", "y2024", "y2024-2", "y2024-3"]);
        assert_eq!(split_names("y2025", 0), vec!["y2025"]);
    }
}
