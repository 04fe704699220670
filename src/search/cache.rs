//! The search bundle cache: a bundle whose pages are byte-for-byte the same as in an earlier
//! build is copied from `<cache>/search/` instead of being indexed again.
//!
//! An entry is one file, `<key>.bundle`, named by the SHA-256 of everything the bundle is made
//! from: the format version, the indexer's language, the bundle's name and, for each page, its
//! URL and the SHA-256 of its bytes. Entries of one edition and address live in their own
//! folder, and after each build the entries that build did not use are deleted, so the cache
//! holds one build's bundles.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::Page;
use crate::access::Edition;
use crate::render::urls::Urls;

/// Bump when the entry format changes or when `index.rs` or Pagefind (its client files) changes.
const FORMAT: &str = "agendum-search-bundle 3; written by src/search/index.rs in the pagefind 1.6 format, gzipped by libdeflate";

/// The start of every entry file.
const MAGIC: &[u8] = b"AGENDUM-SEARCH-BUNDLE\n";

/// One edition's and address's folder of cached bundles.
pub(super) struct Store {
    dir: PathBuf,
    language: String,
}

impl Store {
    /// The folder for `edition` served from `urls`, under `cache`.
    pub(super) fn new(cache: &Path, edition: Edition, urls: &Urls, language: &str) -> Self {
        let mut h = Sha256::new();
        h.update(format!("{edition:?}\0{}", urls.absolute("")).as_bytes());
        let scope = crate::hex::encode(&h.finalize())[..16].to_string();
        Store { dir: cache.join("search").join(scope), language: language.to_string() }
    }

    /// The key of a bundle made of `pages`.
    pub(super) fn key(&self, name: &str, pages: &[&Page]) -> String {
        let mut h = Sha256::new();
        h.update(FORMAT.as_bytes());
        h.update(b"\0");
        h.update(self.language.as_bytes());
        h.update(b"\0");
        h.update(name.as_bytes());
        for p in pages {
            h.update(b"\0");
            h.update(p.url.as_bytes());
            h.update(b"\0");
            h.update(p.hash);
        }
        crate::hex::encode(&h.finalize())
    }

    fn path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.bundle"))
    }

    /// The files of a cached bundle, if there is a readable entry for `key`.
    pub(super) fn get(&self, key: &str) -> Option<Vec<(String, Vec<u8>)>> {
        let bytes = std::fs::read(self.path(key)).ok()?;
        decode(&bytes)
    }

    /// Keeps a bundle's files under `key` (written to a temporary file, then renamed).
    pub(super) fn put(&self, key: &str, files: &[(String, Vec<u8>)]) -> io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let tmp = self.dir.join(format!(".{key}.tmp"));
        {
            let mut f = io::BufWriter::new(std::fs::File::create(&tmp)?);
            f.write_all(MAGIC)?;
            f.write_all(&(files.len() as u64).to_le_bytes())?;
            for (name, bytes) in files {
                f.write_all(&(name.len() as u64).to_le_bytes())?;
                f.write_all(name.as_bytes())?;
                f.write_all(&(bytes.len() as u64).to_le_bytes())?;
                f.write_all(bytes)?;
            }
            f.flush()?;
        }
        std::fs::rename(&tmp, self.path(key))
    }

    /// Deletes every entry but those in `keep`.
    pub(super) fn prune(&self, keep: &[String]) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else { return };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let key = name.strip_suffix(".bundle").unwrap_or(&name);
            if !keep.iter().any(|k| k == key) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

/// Reads an entry; `None` if it is damaged.
fn decode(bytes: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    let mut r = bytes.strip_prefix(MAGIC)?;
    let count = read_u64(&mut r)?;
    let mut files = Vec::new();
    for _ in 0..count {
        let n = usize::try_from(read_u64(&mut r)?).ok()?;
        let name = String::from_utf8(take(&mut r, n)?.to_vec()).ok()?;
        let n = usize::try_from(read_u64(&mut r)?).ok()?;
        files.push((name, take(&mut r, n)?.to_vec()));
    }
    r.is_empty().then_some(files)
}

fn read_u64(r: &mut &[u8]) -> Option<u64> {
    let mut b = [0u8; 8];
    r.read_exact(&mut b).ok()?;
    Some(u64::from_le_bytes(b))
}

fn take<'a>(r: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    if r.len() < n {
        return None;
    }
    let (head, tail) = r.split_at(n);
    *r = tail;
    Some(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_round_trip_and_damage_is_a_miss() {
        let dir = std::env::temp_dir().join(format!("agendum-search-cache-{}", std::process::id()));
        let store = Store::new(&dir, Edition::Public, &Urls::new("https://example.gov.uk/"), "en");
        let page = Page { url: "/a/".into(), bundle: "site".into(), hash: [7; 32] };
        let key = store.key("site", &[&page]);
        let files = vec![("pagefind.js".to_string(), b"js".to_vec()), ("x/y.pf".to_string(), vec![0, 1, 2])];
        store.put(&key, &files).expect("write");
        assert_eq!(store.get(&key), Some(files));
        let other = Page { hash: [8; 32], ..page.clone() };
        assert_ne!(key, store.key("site", &[&other]));
        std::fs::write(store.path(&key), b"AGENDUM-SEARCH-BUNDLE\n\x05").expect("write");
        assert_eq!(store.get(&key), None);
        store.prune(&[]);
        assert!(!store.path(&key).exists());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
