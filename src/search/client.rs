//! Pagefind's browser client: the files every bundle carries besides its index (`pagefind.js`,
//! the worker, the UI scripts and styles, the WebAssembly that reads the index), and what its
//! `pagefind-entry.json` says about the language. They come from the `pagefind` crate itself:
//! it indexes one small page for the site's language, and everything it writes except that
//! page's index is kept. So the client always matches the crate's version, and the index
//! Agendum writes ([`super::index`]) is checked against it.

use super::index::Entry;

/// The client files and the entry's details for a language.
pub struct Client {
    /// Files (name inside the bundle, bytes).
    pub files: Vec<(String, Vec<u8>)>,
    /// The entry's language, WebAssembly and version.
    pub entry: Entry,
}

/// The Pagefind version whose index format [`super::index`] writes.
pub const FORMAT_VERSION: &str = "1.6.0";

/// Asks Pagefind for its client files for `language`.
pub fn load(language: &str) -> Result<Client, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the search indexer: {e}"))?;
    let files = runtime.block_on(probe(language))?;
    let mut entry = None;
    let mut client = Vec::new();
    for (name, bytes) in files {
        if name == "pagefind-entry.json" {
            entry = Some(parse_entry(&bytes)?);
        } else if !is_index_file(&name) {
            client.push((name, bytes));
        }
    }
    let entry = entry.ok_or("Pagefind wrote no pagefind-entry.json")?;
    if entry.version != FORMAT_VERSION {
        return Err(format!(
            "Pagefind {} is not the version whose index format Agendum writes ({FORMAT_VERSION})",
            entry.version
        ));
    }
    client.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(Client { files: client, entry })
}

/// Whether a bundle's file is part of its index (made from its pages) rather than the client.
pub fn is_index_file(name: &str) -> bool {
    name == "pagefind-entry.json"
        || name.starts_with("index/")
        || name.starts_with("fragment/")
        || name.starts_with("filter/")
        || name.ends_with(".pf_meta")
}

/// Pagefind's own bundle for `pages` (URL and HTML): what [`super::index`] is compared with.
pub async fn pagefind_bundle(
    pages: &[(String, String)],
    language: &str,
) -> Result<Vec<(String, Vec<u8>)>, String> {
    use pagefind::api::PagefindIndex;
    use pagefind::options::PagefindServiceConfig;
    let config = PagefindServiceConfig::builder().force_language(language.to_string()).build();
    let mut index = PagefindIndex::new(Some(config)).map_err(|e| e.to_string())?;
    for (url, html) in pages {
        index
            .add_html_file(None, Some(url.clone()), html.clone())
            .await
            .map_err(|e| format!("{url}: {e}"))?;
    }
    let files = index.get_files().await.map_err(|e| e.to_string())?;
    let mut files: Vec<(String, Vec<u8>)> =
        files.into_iter().map(|f| (f.filename.to_string_lossy().replace('\\', "/"), f.contents)).collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

async fn probe(language: &str) -> Result<Vec<(String, Vec<u8>)>, String> {
    let page = "<html><body><main data-pagefind-body><p>Agendum</p></main></body></html>";
    pagefind_bundle(&[("/".to_string(), page.to_string())], language).await
}

fn parse_entry(bytes: &[u8]) -> Result<Entry, String> {
    let v: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|e| format!("cannot read Pagefind's pagefind-entry.json: {e}"))?;
    let version = v["version"].as_str().unwrap_or_default().to_string();
    let languages = v["languages"].as_object().ok_or("pagefind-entry.json has no languages")?;
    let (language, details) = languages.iter().next().ok_or("pagefind-entry.json has no languages")?;
    let include_characters = v["include_characters"]
        .as_array()
        .map(|a| a.iter().filter_map(|c| c.as_str()?.chars().next()).collect())
        .unwrap_or_default();
    Ok(Entry {
        language: language.clone(),
        wasm: details["wasm"].as_str().map(str::to_string),
        version,
        include_characters,
    })
}
