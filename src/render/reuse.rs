//! Reusing what the previous build made: a rebuild after editing one report renders that
//! report's page and lays out its PDFs, not the archive's.
//!
//! A page or PDF is made from the content and graph, the accessibility findings, the theme and
//! the build's options; a page also from what it shows of the PDFs (sizes, page ranges); and
//! either from the report bodies it reads, which are the only part of the content the model
//! does not hold, and the Markdown appendices it shows (held, but read like bodies:
//! [`crate::model::AppendixText`]). So the render stage (and `packs`, for the PDFs) keeps notes
//! beside the output manifest (notes of the [`Sink`](super::Sink), trusted only while the
//! output is as the manifest describes it):
//!
//! - the **inputs digest**: the SHA-256 of everything a page can see except report bodies, the
//!   text of Markdown appendices (their links are in it) and the PDFs (every loaded record,
//!   through its `Debug` form, which names every field, so a field added later is covered
//!   without anyone remembering to add it here; the assets' sizes;
//!   the publication record; the findings; the theme; the build key from [`crate::build`]:
//!   version, executable, calendar; the edition and address; the call-in state of every
//!   decision, which depends on the build's date);
//! - for each page: the job it was made by; the report bodies it read
//!   ([`crate::model::tracking_reads`] notes every [`crate::model::Body::read`] on the thread)
//!   with the SHA-256 of each text; which PDFs it read about ([`TrackedPacks`] notes every read:
//!   a meeting page shows its packs' sizes and page ranges, a report page its PDF's) and whether
//!   it read the build's date ([`crate::link::Graph::as_of`]: the meetings page, the forward
//!   plan, decisions), with the SHA-256 of what it read; and the SHA-256, URL and search bundle
//!   of the page written;
//! - for each PDF (`packs`' own note): the bodies its source read and the files it embeds, with
//!   their hashes, and the PDF's hash, size, pages and page labels.
//!
//! When the digest is unchanged, a page or PDF whose job is in the note, whose bodies (and
//! embedded files, and reads of the PDFs) hash the same, and whose file is still in the output
//! as written is kept, without its source or context even being made; everything else is made
//! as in a clean build. (Editing a report changes its PDF and its meeting's pack, so with PDFs
//! its meeting's pages are rendered again too.) Feeds and open data read no report body, so
//! with an unchanged digest and the same PDFs their files are kept as a whole. Anything that
//! cannot be compared (no note, a changed digest, a file edited by hand) means making it again,
//! so the output is always a clean build's.

use std::collections::HashMap;
use std::fmt::{self, Write as _};

use sha2::{Digest, Sha256};

/// The name of the note this module keeps with the output manifest.
pub const NOTE: &str = "pages";

/// The first line of a note in this format.
const HEADER: &str = "agendum-pages 1";

/// A `fmt::Write` that hashes what is written to it, so a `Debug` form is hashed without being
/// held in memory.
pub struct Hasher(Sha256);

impl Hasher {
    /// A new hasher.
    pub fn new() -> Self {
        Hasher(Sha256::new())
    }

    /// Hashes the `Debug` form of `value`, then a separator.
    pub fn debug(&mut self, value: &impl fmt::Debug) {
        // Writing into a hasher cannot fail.
        let _ = write!(self, "{value:?}\u{0}");
    }

    /// Hashes bytes, then a separator.
    pub fn bytes(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
        self.0.update([0]);
    }

    /// The digest.
    pub fn finish(self) -> [u8; 32] {
        self.0.finalize().into()
    }
}

impl Default for Hasher {
    fn default() -> Self {
        Hasher::new()
    }
}

impl fmt::Write for Hasher {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.update(s.as_bytes());
        Ok(())
    }
}

/// The PDFs as pages see them: a page learns a pack's size and page ranges, or a report PDF's,
/// only through here, and every read is noted for the page being rendered on this thread. (So
/// a list that `Builder::memo` shares between pages must not read the PDFs: only the page that
/// happened to make it would have the reads noted.)
pub struct TrackedPacks<'a> {
    packs: &'a crate::packs::Packs,
    /// The date the build treats as today: a page that reads it ([`crate::link::Graph::as_of`])
    /// depends on it as on a PDF it reads about.
    as_of: Option<jiff::civil::Date>,
}

/// What of the packs the page being rendered on a thread has read: (key, `Debug` of the value).
type Reads = Vec<(String, String)>;

thread_local! {
    static READS: std::cell::RefCell<Option<Reads>> = const { std::cell::RefCell::new(None) };
}

impl<'a> TrackedPacks<'a> {
    /// Tracks reads of `packs`, and of `as_of` through the graph.
    pub fn new(packs: &'a crate::packs::Packs, as_of: Option<jiff::civil::Date>) -> Self {
        TrackedPacks { packs, as_of }
    }

    /// A meeting's packs.
    pub fn meeting(&self, m: crate::link::MeetingIx) -> Option<&'a crate::packs::MeetingPacks> {
        let v = self.packs.meetings.get(&m);
        note_read(format!("m{m}"), &v);
        v
    }

    /// A report's PDF.
    pub fn report(&self, key: crate::link::ReportKey) -> Option<&'a crate::packs::PdfFile> {
        let v = self.packs.reports.get(&key);
        note_read(format!("r{}.{}", key.0, key.1), &v);
        v
    }

    /// The digest of what the reads `keys` (as [`tracking`] returned them) would read now.
    pub fn digest_of(&self, keys: &[String]) -> Option<[u8; 32]> {
        let mut h = Hasher::new();
        for k in keys {
            h.bytes(k.as_bytes());
            if k == AS_OF {
                h.debug(&self.as_of);
            } else if let Some(m) = k.strip_prefix('m') {
                h.debug(&self.packs.meetings.get(&m.parse().ok()?));
            } else {
                let (a, b) = k.strip_prefix('r')?.split_once('.')?;
                h.debug(&self.packs.reports.get(&(a.parse().ok()?, b.parse().ok()?)));
            }
        }
        Some(h.finish())
    }
}

fn note_read(key: String, value: &impl fmt::Debug) {
    READS.with(|r| {
        if let Some(reads) = r.borrow_mut().as_mut() {
            reads.push((key, format!("{value:?}")));
        }
    });
}

/// The key of a read of the build's `as_of` date in a page's reads.
const AS_OF: &str = "a";

impl TrackedPacks<'_> {
    /// Runs `f` noting the packs it reads through [`TrackedPacks`] and whether it read the
    /// build's date ([`crate::link::took_as_of`]): returns its result, the keys read
    /// (deduplicated, in order) and the digest of what was read, as [`TrackedPacks::digest_of`]
    /// computes it.
    pub fn tracking<T>(&self, f: impl FnOnce() -> T) -> (T, Vec<String>, [u8; 32]) {
        READS.with(|r| *r.borrow_mut() = Some(Vec::new()));
        crate::link::took_as_of();
        let out = f();
        if crate::link::took_as_of() {
            note_read(AS_OF.to_string(), &self.as_of);
        }
        tracked(out)
    }
}

/// Takes the reads noted on this thread: `out` with the keys and their digest.
fn tracked<T>(out: T) -> (T, Vec<String>, [u8; 32]) {
    let reads = READS.with(|r| r.borrow_mut().take()).unwrap_or_default();
    let mut seen = std::collections::HashSet::new();
    let mut keys = Vec::new();
    let mut h = Hasher::new();
    for (k, v) in reads {
        if seen.insert(k.clone()) {
            h.bytes(k.as_bytes());
            // The same as `Hasher::debug` of the value.
            h.bytes(v.as_bytes());
            keys.push(k);
        }
    }
    (out, keys, h.finish())
}

/// What a stage needs to reuse what the previous build made: the inputs digest, the bodies'
/// hashes, and whether to note what it makes for the next build.
pub struct Inputs<'a> {
    /// The inputs digest (see the module's documentation).
    pub digest: [u8; 32],
    /// Every report body's hash (empty when not noting).
    pub bodies: &'a Bodies,
    /// Whether the sink keeps notes.
    pub noting: bool,
}

/// The SHA-256 of every report body's text, by file: what a page or PDF that read a body is
/// compared by.
pub type Bodies = HashMap<std::sync::Arc<std::path::Path>, [u8; 32]>;

/// The hash of every report body and Markdown appendix of `content`, as load found it. (A page
/// or PDF reads a body again, and that read fails if the file has changed since, so the hash is
/// the text's; an appendix's text is the one hashed.)
pub fn body_hashes(content: &crate::model::Content) -> Bodies {
    content
        .meetings
        .iter()
        .flat_map(|m| m.reports.iter())
        .flat_map(|r| {
            let body = r.body.path().cloned().zip(r.body.hash());
            let appendices = r.appendices.iter().filter_map(|a| a.markdown.as_ref()).map(|md| {
                let (path, hash) = md.path_and_hash();
                (path.clone(), hash)
            });
            body.into_iter().chain(appendices)
        })
        .collect()
}

/// The bodies `reads` named (as [`crate::model::tracking_reads`] returns them), with their
/// hashes; `None` if one of them has no hash (it could not be read).
pub fn bodies_read(
    reads: &[std::sync::Arc<std::path::Path>],
    bodies: &Bodies,
) -> Option<Vec<(String, [u8; 32])>> {
    reads.iter().map(|p| Some((p.to_string_lossy().into_owned(), *bodies.get(p)?))).collect()
}

/// Whether every body in `read` still hashes as it did.
pub fn same_bodies(read: &[(String, [u8; 32])], bodies: &Bodies) -> bool {
    read.iter().all(|(path, hash)| bodies.get(std::path::Path::new(path)) == Some(hash))
}

/// How one page was made, as the note records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Made {
    /// The report bodies the page read, by file, with the SHA-256 of each text.
    pub bodies: Vec<(String, [u8; 32])>,
    /// The PDFs it read about (see [`TrackedPacks`]) and the digest of what it read.
    pub packs: (Vec<String>, [u8; 32]),
    /// SHA-256 of the page written.
    pub page: [u8; 32],
    /// Its URL.
    pub url: String,
    /// Its search bundle, if it is indexed.
    pub bundle: Option<String>,
}

/// The previous build's note, or the one this build is making.
#[derive(Debug, Default)]
pub struct Note {
    /// The inputs digest.
    pub digest: [u8; 32],
    /// The digest of what the feeds and open data depend on besides the inputs digest: every
    /// PDF written (open data lists them all) and the build's date.
    pub packs: [u8; 32],
    /// Each page by its job's key.
    pub pages: HashMap<String, Made>,
    /// The files the feeds and open data wrote, with their hashes, and how many they counted.
    pub outputs: Vec<(String, [u8; 32])>,
    /// The number of files feeds and open data reported writing.
    pub output_count: usize,
}

/// The previous build's page note, taken from the output before this build's inputs digest is
/// known, so that reading and parsing its 60 MB can run on a thread of its own while the
/// content loads (see `lib::build`). Rendering uses it only if it was made under the same
/// digest.
#[derive(Debug, Default)]
pub struct Previous(Option<Note>);

impl Previous {
    /// Takes the page note the previous build left with the output in `sink`, if any, and
    /// parses it whatever its digest.
    pub fn take(sink: &dyn super::Sink) -> Previous {
        Previous(sink.previous_note(NOTE).and_then(|t| Note::parse(&t, None)))
    }

    /// The note, if it was made under `digest`.
    pub fn made_under(self, digest: &[u8; 32]) -> Option<Note> {
        self.0.filter(|n| &n.digest == digest)
    }
}

impl Note {
    /// Reads a note; `None` if it is not one in this format, or, with `digest`, was made under
    /// another digest (then nothing more of it is read).
    pub fn parse(text: &str, digest: Option<&[u8; 32]>) -> Option<Note> {
        let mut lines = text.lines();
        if lines.next()? != HEADER {
            return None;
        }
        let digest = crate::hex::decode32(lines.next()?.strip_prefix("digest ")?)
            .filter(|d| digest.is_none_or(|want| d == want))?;
        let packs = crate::hex::decode32(lines.next()?.strip_prefix("packs ")?)?;
        let output_count = lines.next()?.strip_prefix("outputs ")?.parse().ok()?;
        let mut note = Note { digest, packs, output_count, ..Note::default() };
        for line in lines {
            let mut f = line.split('\t');
            match f.next()? {
                "p" => {
                    let (key, body, reads, read_hash) = (f.next()?, f.next()?, f.next()?, f.next()?);
                    let (page, url, bundle) = (f.next()?, f.next()?, f.next()?);
                    let bodies = body
                        .split('\u{1f}')
                        .filter(|b| !b.is_empty())
                        .map(|b| {
                            let (hash, path) = b.split_once(':')?;
                            Some((path.to_string(), crate::hex::decode32(hash)?))
                        })
                        .collect::<Option<Vec<_>>>()?;
                    let reads = reads.split(',').filter(|k| !k.is_empty()).map(str::to_string).collect();
                    let bundle = (bundle != "-").then(|| bundle.to_string());
                    note.pages.insert(
                        key.to_string(),
                        Made {
                            bodies,
                            packs: (reads, crate::hex::decode32(read_hash)?),
                            page: crate::hex::decode32(page)?,
                            url: url.to_string(),
                            bundle,
                        },
                    );
                }
                "o" => {
                    let (rel, hash) = (f.next()?, f.next()?);
                    note.outputs.push((rel.to_string(), crate::hex::decode32(hash)?));
                }
                _ => return None,
            }
        }
        Some(note)
    }

    /// The note as text, pages in key order. (About 60 MB for an archive's 200,000 pages,
    /// written after every build: digests go straight into the text, without a string each.)
    pub fn to_text(&self) -> String {
        let mut s = format!(
            "{HEADER}\ndigest {}\npacks {}\noutputs {}\n",
            crate::hex::encode(&self.digest),
            crate::hex::encode(&self.packs),
            self.output_count
        );
        let mut pages: Vec<(&String, &Made)> = self.pages.iter().collect();
        pages.sort_unstable_by(|a, b| a.0.cmp(b.0));
        s.reserve(pages.len() * 300);
        for (key, m) in pages {
            s.push_str("p\t");
            s.push_str(key);
            s.push('\t');
            for (i, (path, h)) in m.bodies.iter().enumerate() {
                if i > 0 {
                    s.push('\u{1f}');
                }
                crate::hex::push(&mut s, h);
                s.push(':');
                s.push_str(path);
            }
            s.push('\t');
            for (i, k) in m.packs.0.iter().enumerate() {
                if i > 0 {
                    s.push(',');
                }
                s.push_str(k);
            }
            s.push('\t');
            crate::hex::push(&mut s, &m.packs.1);
            s.push('\t');
            crate::hex::push(&mut s, &m.page);
            s.push('\t');
            s.push_str(&m.url);
            s.push('\t');
            s.push_str(m.bundle.as_deref().unwrap_or("-"));
            s.push('\n');
        }
        for (rel, hash) in &self.outputs {
            s.push_str("o\t");
            s.push_str(rel);
            s.push('\t');
            crate::hex::push(&mut s, hash);
            s.push('\n');
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_reads_back_as_written() {
        let mut note = Note { digest: [7; 32], packs: [8; 32], output_count: 3, ..Note::default() };
        note.pages.insert(
            "Report((1, 2))".into(),
            Made {
                bodies: vec![("/site/content/a.md".into(), [1; 32]), ("/site/b c.md".into(), [9; 32])],
                packs: (vec!["m1".into(), "r1.2".into()], [5; 32]),
                page: [2; 32],
                url: "/a/".into(),
                bundle: Some("y2025".into()),
            },
        );
        note.pages.insert(
            "Home".into(),
            Made {
                bodies: Vec::new(),
                packs: (Vec::new(), [6; 32]),
                page: [3; 32],
                url: "/".into(),
                bundle: None,
            },
        );
        note.outputs.push(("feeds/papers.atom".into(), [4; 32]));
        let back = Note::parse(&note.to_text(), Some(&note.digest)).unwrap();
        assert!(Note::parse(&note.to_text(), Some(&[0; 32])).is_none(), "made under another digest");
        let any = Note::parse(&note.to_text(), None).unwrap();
        assert!(Previous(Some(any)).made_under(&[0; 32]).is_none(), "made under another digest");
        assert_eq!((back.digest, back.packs, back.output_count), (note.digest, note.packs, 3));
        assert_eq!(back.outputs, note.outputs);
        assert_eq!(back.pages, note.pages);
        assert!(Note::parse("agendum-pages 0\n", Some(&note.digest)).is_none());
    }

    #[test]
    fn tracked_reads_are_digested_as_they_would_be_read_again() {
        let mut packs = crate::packs::Packs::default();
        packs.meetings.insert(3, crate::packs::MeetingPacks::default());
        let file = crate::packs::PdfFile { url: "/r.pdf".into(), pages: 4, bytes: 900 };
        packs.reports.insert((3, 1), file.clone());
        let t = TrackedPacks::new(&packs, None);
        let ((), keys, digest) = t.tracking(|| {
            t.meeting(3);
            t.report((3, 1));
            t.meeting(3);
            t.meeting(7);
        });
        assert_eq!(keys, ["m3", "r3.1", "m7"]);
        assert_eq!(t.digest_of(&keys), Some(digest));
        packs.reports.insert((3, 1), crate::packs::PdfFile { bytes: 901, ..file });
        assert_ne!(TrackedPacks::new(&packs, None).digest_of(&keys), Some(digest), "a PDF's size changed");
        // Outside `tracking` nothing is noted.
        TrackedPacks::new(&packs, None).meeting(3);
        assert_eq!(TrackedPacks::new(&packs, None).tracking(|| ()).1, Vec::<String>::new());
    }

    #[test]
    fn a_page_that_reads_the_date_depends_on_it_and_others_do_not() {
        let packs = crate::packs::Packs::default();
        let graph = crate::link::Graph::default();
        let today = Some(jiff::civil::date(2026, 12, 2));
        let t = TrackedPacks::new(&packs, today);
        // Read before tracking starts: not this page's read.
        let _ = graph.as_of();
        let ((), quiet, _) = t.tracking(|| {
            let _ = graph.as_of_quietly();
        });
        assert!(quiet.is_empty(), "{quiet:?}");
        let ((), keys, digest) = t.tracking(|| {
            let _ = graph.as_of();
        });
        assert_eq!(keys, [AS_OF]);
        assert_eq!(t.digest_of(&keys), Some(digest));
        let tomorrow = TrackedPacks::new(&packs, Some(jiff::civil::date(2026, 12, 3)));
        assert_ne!(tomorrow.digest_of(&keys), Some(digest), "the date moved on");
        assert_eq!(tomorrow.digest_of(&quiet), t.digest_of(&quiet));
    }

    #[test]
    fn the_digest_of_a_debug_form_changes_with_any_field() {
        #[derive(Debug)]
        #[allow(dead_code)] // read through `Debug` only
        struct R {
            a: u32,
            b: &'static str,
        }
        let d = |r: &R| {
            let mut h = Hasher::new();
            h.debug(r);
            h.finish()
        };
        assert_eq!(d(&R { a: 1, b: "x" }), d(&R { a: 1, b: "x" }));
        assert_ne!(d(&R { a: 1, b: "x" }), d(&R { a: 2, b: "x" }));
        assert_ne!(d(&R { a: 1, b: "x" }), d(&R { a: 1, b: "y" }));
    }
}
