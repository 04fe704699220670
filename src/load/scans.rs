//! What the last load found in each Markdown text, kept in the cache folder so that the next
//! load need not parse the text again: a report body's `##` sections and its links and images,
//! and a Markdown appendix's links and images. Bodies and appendices are nearly all of an
//! archive's text, and scanning them with the Markdown parser was the largest part of a
//! rebuild's load.
//!
//! Entries are found by the SHA-256 of the text, which load computes anyway (the model keeps it:
//! [`crate::model::Body`], [`crate::model::AppendixText`]), so an entry can only ever be for the
//! same text: nothing is trusted from file sizes or times. The file is keyed by the running
//! executable as well (a new Agendum may scan differently), and written again, from the model
//! itself and sorted by hash, only when this load scanned or left unused more than a few texts.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::{Deserialize, Serialize};

use crate::model::{Content, MarkdownLink, ReportSection};

/// The cache file's name inside the cache folder.
const FILE: &str = "load-scans.json";

/// The first part of the key: bump it when the file's shape changes.
const FORMAT: &str = "agendum-load-scans 1";

/// What a report body's scan found.
type BodyScan = (Vec<ReportSection>, Vec<MarkdownLink>);

/// Kept scans by hash: report bodies', appendices'.
type Maps = (HashMap<[u8; 32], BodyScan>, HashMap<[u8; 32], Vec<MarkdownLink>>);

/// The scans from the previous load, taken as they are used, and what this load has scanned.
#[derive(Default)]
pub struct Scans {
    /// Where the file is; `None` without a cache folder (every text is scanned).
    path: Option<PathBuf>,
    /// The key the file must have: the format and the executable.
    key: String,
    /// The file being read and parsed on a thread of its own (tens of megabytes for an
    /// archive: it is read while load walks the content folder), until the first scan needs it.
    reading: Mutex<Option<std::thread::JoinHandle<Option<Maps>>>>,
    /// Set once the file's scans are in `bodies` and `appendices`.
    ready: std::sync::OnceLock<()>,
    bodies: Mutex<HashMap<[u8; 32], BodyScan>>,
    appendices: Mutex<HashMap<[u8; 32], Vec<MarkdownLink>>>,
    /// Texts scanned because they were not in the file.
    scanned: AtomicUsize,
}

/// The file as written.
#[derive(Serialize, Deserialize)]
struct Stored {
    key: String,
    bodies: Vec<StoredBody>,
    appendices: Vec<StoredAppendix>,
}

#[derive(Serialize, Deserialize)]
struct StoredBody {
    hash: String,
    sections: Vec<ReportSection>,
    links: Vec<MarkdownLink>,
}

#[derive(Serialize, Deserialize)]
struct StoredAppendix {
    hash: String,
    links: Vec<MarkdownLink>,
}

impl Scans {
    /// The scans kept in `cache` by a load run by this executable (`executable` identifies it);
    /// none if there is no cache folder or no usable file in it. The file is read on a thread
    /// of its own, and waited for when a scan is first asked for.
    pub fn open(cache: Option<&Path>, executable: &str) -> Scans {
        let key = format!("{FORMAT} {executable}");
        let Some(dir) = cache else { return Scans { key, ..Scans::default() } };
        let path = dir.join(FILE);
        let (file, wanted) = (path.clone(), key.clone());
        let reading =
            std::thread::Builder::new().name("load-scans".into()).spawn(move || read(&file, &wanted));
        Scans { path: Some(path), key, reading: Mutex::new(reading.ok()), ..Scans::default() }
    }

    /// Waits for the file to be read, once, and puts its scans in place.
    fn ready(&self) {
        self.ready.get_or_init(|| {
            let reading = self.reading.lock().ok().and_then(|mut r| r.take());
            // A thread that failed leaves no scans: everything is scanned.
            if let Some(Ok(Some((bodies, appendices)))) = reading.map(std::thread::JoinHandle::join) {
                if let Ok(mut b) = self.bodies.lock() {
                    *b = bodies;
                }
                if let Ok(mut a) = self.appendices.lock() {
                    *a = appendices;
                }
            }
        });
    }

    /// The sections and links of the report body `text`, whose SHA-256 is `hash`.
    pub fn report_body(&self, text: &str, hash: &[u8; 32]) -> BodyScan {
        self.ready();
        if let Some(found) = self.bodies.lock().ok().and_then(|mut b| b.remove(hash)) {
            return found;
        }
        self.scanned.fetch_add(1, Ordering::Relaxed);
        super::markdown::report_body(text)
    }

    /// The links of the Markdown appendix `text`, whose SHA-256 is `hash`.
    pub fn appendix(&self, text: &str, hash: &[u8; 32]) -> Vec<MarkdownLink> {
        self.ready();
        if let Some(found) = self.appendices.lock().ok().and_then(|mut a| a.remove(hash)) {
            return found;
        }
        self.scanned.fetch_add(1, Ordering::Relaxed);
        super::markdown_links(text)
    }

    /// Writes the scans of `content` for the next load, if this load scanned more than one text
    /// in 64 or left as many kept scans unused (texts removed or changed). Below that the file
    /// is left as it is: the next load scans those few texts again, which costs less than
    /// writing the whole file after every edit. A file that cannot be written is left out: the
    /// next load scans everything.
    pub fn save(self, content: &Content) {
        let Some(path) = &self.path else { return };
        self.ready();
        let unused = self.bodies.lock().map_or(usize::MAX / 4, |m| m.len())
            + self.appendices.lock().map_or(usize::MAX / 4, |m| m.len());
        let stale = self.scanned.load(Ordering::Relaxed) + unused;
        let texts: usize =
            content.meetings.iter().flat_map(|m| &m.reports).map(|r| 1 + r.appendices.len()).sum();
        if stale == 0 || (stale <= texts / 64 && path.exists()) {
            return;
        }
        let mut bodies: Vec<StoredBody> = Vec::new();
        let mut appendices: Vec<StoredAppendix> = Vec::new();
        let reports = content.meetings.iter().flat_map(|m| &m.reports);
        for r in reports {
            if let Some(hash) = r.body.hash() {
                bodies.push(StoredBody {
                    hash: crate::hex::encode(&hash),
                    sections: r.sections.clone(),
                    links: r.links.clone(),
                });
            }
            for a in r.appendices.iter().filter_map(|a| a.markdown.as_ref()) {
                let (_, hash) = a.path_and_hash();
                appendices.push(StoredAppendix { hash: crate::hex::encode(&hash), links: a.links.clone() });
            }
        }
        bodies.sort_unstable_by(|a, b| a.hash.cmp(&b.hash));
        bodies.dedup_by(|a, b| a.hash == b.hash);
        appendices.sort_unstable_by(|a, b| a.hash.cmp(&b.hash));
        appendices.dedup_by(|a, b| a.hash == b.hash);
        let stored = Stored { key: self.key, bodies, appendices };
        let Ok(bytes) = serde_json::to_vec(&stored) else { return };
        let partial = path.with_extension(format!("json.partial-{}", std::process::id()));
        let written = path.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| {
            std::fs::write(&partial, &bytes)?;
            std::fs::rename(&partial, path)
        });
        if written.is_err() {
            let _ = std::fs::remove_file(&partial);
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Reads the file at `path` if it has the key `key`.
fn read(path: &Path, key: &str) -> Option<Maps> {
    let stored = serde_json::from_slice::<Stored>(&std::fs::read(path).ok()?).ok()?;
    if stored.key != key {
        return None;
    }
    let bodies = stored
        .bodies
        .into_iter()
        .filter_map(|b| Some((crate::hex::decode32(&b.hash)?, (b.sections, b.links))));
    let appendices =
        stored.appendices.into_iter().filter_map(|a| Some((crate::hex::decode32(&a.hash)?, a.links)));
    Some((bodies.collect(), appendices.collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sha(text: &str) -> [u8; 32] {
        use sha2::Digest;
        sha2::Sha256::digest(text.as_bytes()).into()
    }

    #[test]
    fn a_kept_scan_is_used_for_the_same_text_only() {
        let text = "## Purpose\n\nSee [the plan](../plan.md).\n\n## Purpose\n\n![A map](map.png)\n";
        let scans = Scans::default();
        let (sections, links) = scans.report_body(text, &sha(text));
        assert_eq!(scans.scanned.load(Ordering::Relaxed), 1);
        let anchors: Vec<_> = sections.iter().map(|s| s.anchor.as_str()).collect();
        assert_eq!(anchors, ["purpose", "purpose-2"]);
        assert_eq!(links.len(), 2);
        scans.bodies.lock().unwrap().insert(sha(text), (sections.clone(), links.clone()));
        let again = scans.report_body(text, &sha(text));
        assert_eq!(scans.scanned.load(Ordering::Relaxed), 1, "found, not scanned");
        assert_eq!(format!("{again:?}"), format!("{:?}", (sections, links)));
        assert!(scans.bodies.lock().unwrap().is_empty(), "taken, not copied");
        let other = "## Background\n";
        assert_eq!(scans.report_body(other, &sha(other)).0[0].anchor, "background");
        assert_eq!(scans.scanned.load(Ordering::Relaxed), 2);
    }

    #[test]
    fn a_file_from_another_executable_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let stored = Stored {
            key: format!("{FORMAT} other"),
            bodies: vec![StoredBody { hash: crate::hex::encode(&[1; 32]), sections: vec![], links: vec![] }],
            appendices: vec![],
        };
        std::fs::write(dir.path().join(FILE), serde_json::to_vec(&stored).unwrap()).unwrap();
        let this = Scans::open(Some(dir.path()), "this");
        this.ready();
        assert!(this.bodies.lock().unwrap().is_empty());
        let other = Scans::open(Some(dir.path()), "other");
        other.ready();
        assert_eq!(other.bodies.lock().unwrap().len(), 1);
    }
}
