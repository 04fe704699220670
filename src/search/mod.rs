//! Output: full-text search over the built pages with Pagefind, used as a library.
//!
//! The index is partitioned: one Pagefind bundle per municipal year for everything that belongs
//! to a meeting (meeting, agenda items, minutes, reports, decisions), and one bundle, `site`, for
//! the other documents (committees, people, work programmes, forward plan entries, matters);
//! lists are not indexed. Bundles are built one after
//! another, so the memory Pagefind holds is bounded by the largest year, not the archive; the
//! search page loads `site` and merges the year bundles in the browser (`mergeIndex`).
//!
//! Pagefind reads the pages as written (only `<main data-pagefind-body>`, so headers, footers and
//! navigation are not indexed); the public edition's pages come from the redacted view, so the
//! index cannot hold exempt text.

use std::collections::BTreeMap;

use crate::render::{OutputCtx, Sink};

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

/// Indexes every page (URL, bundle) and writes the bundles; returns the number of files written.
pub fn write(ctx: &OutputCtx<'_>, pages: &[(String, String)]) -> Result<usize, Vec<String>> {
    let mut by_bundle: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (url, bundle) in pages {
        by_bundle.entry(bundle.as_str()).or_default().push(url.as_str());
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| vec![format!("cannot start the search indexer: {e}")])?;
    let language = ctx.loaded.content.site.language.split('-').next().unwrap_or("en").to_ascii_lowercase();
    let mut written = 0;
    // One bundle at a time: Pagefind holds each in memory until it is written. A base bundle
    // with more than MAX_BUNDLE_PAGES pages is split, pages in URL order.
    for (base, mut urls) in by_bundle {
        urls.sort_unstable();
        let names = split_names(base, urls.len());
        for (name, chunk) in names.iter().zip(urls.chunks(MAX_BUNDLE_PAGES)) {
            written += runtime
                .block_on(index_bundle(ctx.sink, ctx.urls, name, chunk, &language))
                .map_err(|e| vec![format!("while building the search index {name}: {e}")])?;
        }
    }
    Ok(written)
}

async fn index_bundle(
    sink: &dyn Sink,
    urls: &crate::render::urls::Urls,
    bundle: &str,
    pages: &[&str],
    language: &str,
) -> Result<usize, String> {
    use pagefind::api::PagefindIndex;
    use pagefind::options::PagefindServiceConfig;
    let config = PagefindServiceConfig::builder().force_language(language.to_string()).build();
    let mut index = PagefindIndex::new(Some(config)).map_err(|e| e.to_string())?;
    for url in pages {
        let rel = urls.output_path(url);
        let html = sink.read(&rel).map_err(|e| format!("cannot read {rel}: {e}"))?;
        let html = String::from_utf8(html).map_err(|_| format!("{rel} is not UTF-8"))?;
        index.add_html_file(None, Some((*url).to_string()), html).await.map_err(|e| format!("{rel}: {e}"))?;
    }
    let mut files = index.get_files().await.map_err(|e| e.to_string())?;
    files.sort_by(|a, b| a.filename.cmp(&b.filename));
    let dir = bundle_path(bundle);
    for f in &files {
        let name = f.filename.to_string_lossy().replace('\\', "/");
        let rel = format!("{dir}{name}");
        sink.write(&rel, &f.contents).map_err(|e| format!("cannot write {rel}: {e}"))?;
    }
    Ok(files.len())
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
