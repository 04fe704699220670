//! Output: agenda packs and report PDFs, laid out in-process by Typst (the default-on `pdf`
//! cargo feature).
//!
//! For every meeting whose agenda has been published, one page-numbered PDF holds the cover, the
//! agenda and every paper in agenda order; items added or papers published after the agenda go
//! into a supplementary pack. Every report is also a PDF of its own. The page ranges printed
//! beside agenda items are read from the laid-out document (labels at each paper's start and
//! end), and the same ranges are returned for the HTML agenda.
//!
//! Packs are generated from whatever content the renderer is given: the public edition passes
//! the redacted [`crate::access::PublicView`], so a public pack cannot hold exempt text.
//!
//! A pack whose generated source and embedded files are unchanged is copied from the cache
//! folder instead of being laid out again.

pub mod markup;
mod source;

#[cfg(feature = "pdf")]
mod engine;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::access::Edition;
use crate::link::{Graph, MeetingIx, ReportKey};
use crate::load::Loaded;
use crate::render::Sink;
use crate::render::urls::Urls;
pub use source::Kind;

/// Whether this build of Agendum can make PDFs.
pub const ENABLED: bool = cfg!(feature = "pdf");

/// A PDF written to the site.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PdfFile {
    /// Root-relative URL.
    pub url: String,
    /// Number of pages.
    pub pages: usize,
    /// Size in bytes.
    pub bytes: u64,
}

/// Where an agenda item's papers are in the packs.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct ItemPages {
    /// In the supplementary pack rather than the main one.
    pub supplementary: bool,
    /// First page.
    pub first: usize,
    /// Last page.
    pub last: usize,
}

/// A meeting's packs.
#[derive(Debug, Clone, Default)]
pub struct MeetingPacks {
    /// The agenda pack.
    pub main: Option<PdfFile>,
    /// The supplementary agenda pack, if any item's papers came later.
    pub supplementary: Option<PdfFile>,
    /// Page ranges by agenda item number.
    pub items: BTreeMap<u32, ItemPages>,
}

/// Everything the PDF stage wrote, for the HTML pages to link to.
#[derive(Debug, Default)]
pub struct Packs {
    /// By meeting.
    pub meetings: HashMap<MeetingIx, MeetingPacks>,
    /// Single-report PDFs.
    pub reports: HashMap<ReportKey, PdfFile>,
    /// How many documents were laid out, and how many reused from the cache.
    pub laid_out: usize,
    /// See `laid_out`.
    pub reused: usize,
    /// PDFs left as the previous build wrote them, their sources not even generated, because
    /// nothing they are made from had changed (see `render::reuse`).
    pub kept: usize,
    /// Each PDF laid out in this build: URL, pages and layout time, slowest first.
    pub timings: Vec<(String, usize, std::time::Duration)>,
}

/// `agenda-pack.pdf`, `supplementary-pack.pdf` in the meeting's folder.
pub fn pack_url(urls: &Urls, committee: &str, date: jiff::civil::Date, kind: Kind) -> String {
    let name = match kind {
        Kind::Main => "agenda-pack.pdf",
        Kind::Supplementary => "supplementary-pack.pdf",
    };
    format!("{}{name}", urls.meeting(committee, date))
}

/// `report.pdf` in the report's folder.
pub fn report_url(urls: &Urls, committee: &str, date: jiff::civil::Date, slug: &str) -> String {
    format!("{}report.pdf", urls.report(committee, date, slug))
}

#[derive(Debug, Clone, Copy)]
enum Job {
    Pack(MeetingIx, Kind),
    Report(ReportKey),
}

/// The name of the note the PDF stage leaves with the output (see `render::reuse`).
pub const NOTE: &str = "packs";

/// How the previous build made each PDF: with the inputs digest it was made under, by job.
#[derive(Serialize, Deserialize)]
struct Note {
    digest: String,
    jobs: BTreeMap<String, Made>,
}

/// How one PDF was made: the report bodies its source read and the files it embeds, each with
/// the SHA-256 of its text or bytes, the SHA-256 of the PDF, and what the pages need to know of
/// it. With the same inputs digest, the same bodies and embedded files give the same source and
/// so the same PDF, which is then kept without generating the source again.
#[derive(Serialize, Deserialize, Clone)]
struct Made {
    bodies: Vec<(String, String)>,
    embeds: Vec<(String, String)>,
    pdf: String,
    file: PdfFile,
    labels: BTreeMap<String, usize>,
    items: Vec<(u32, Vec<usize>)>,
}

impl Made {
    /// The record of a PDF (whose SHA-256 is `pdf`) made from `read` bodies and `embeds` (paths
    /// inside `content_dir`);
    /// `None` if a body or file cannot be hashed (the PDF is then made again next time).
    #[allow(clippy::too_many_arguments)]
    fn new(
        read: &[std::sync::Arc<Path>],
        bodies: &crate::render::reuse::Bodies,
        embeds: &[String],
        content_dir: &Path,
        pdf: &[u8; 32],
        file: &PdfFile,
        labels: &BTreeMap<String, usize>,
        items: &[(u32, Vec<usize>)],
    ) -> Option<Made> {
        let bodies = crate::render::reuse::bodies_read(read, bodies)?
            .into_iter()
            .map(|(p, h)| (p, crate::hex::encode(&h)))
            .collect();
        let embeds = embeds
            .iter()
            .map(|f| Some((f.clone(), file_hash(&content_dir.join(f))?)))
            .collect::<Option<Vec<_>>>()?;
        Some(Made {
            bodies,
            embeds,
            pdf: crate::hex::encode(pdf),
            file: file.clone(),
            labels: labels.clone(),
            items: items.to_vec(),
        })
    }

    /// Whether the bodies and embedded files this PDF was made from are unchanged.
    fn still_holds(&self, bodies: &crate::render::reuse::Bodies, content_dir: &Path) -> bool {
        self.bodies
            .iter()
            .all(|(p, h)| bodies.get(Path::new(p)).is_some_and(|now| crate::hex::encode(now) == *h))
            && self.embeds.iter().all(|(f, h)| file_hash(&content_dir.join(f)).as_ref() == Some(h))
    }
}

/// The SHA-256 of a file's bytes, in hex.
fn file_hash(path: &Path) -> Option<String> {
    std::fs::read(path).ok().map(|b| crate::hex::encode(&Sha256::digest(&b)))
}

/// What the cache keeps beside each PDF.
#[derive(Serialize, Deserialize)]
struct CachedInfo {
    pages: usize,
    labels: BTreeMap<String, usize>,
}

/// Whether and how a build makes PDFs.
#[derive(Debug, Clone, Copy)]
pub struct Settings<'a> {
    /// Make agenda packs and report PDFs at all (`--no-pdfs` turns them off).
    pub enabled: bool,
    /// Where laid-out PDFs are kept for reuse.
    pub cache: Option<&'a Path>,
}

/// Lays out (or reuses) every pack and report PDF of an edition and writes them to `sink`.
pub fn build(
    loaded: &Loaded,
    graph: &Graph,
    edition: Edition,
    urls: &Urls,
    sink: &dyn Sink,
    settings: Settings<'_>,
    reusing: &crate::render::reuse::Inputs<'_>,
) -> Result<Packs, Vec<String>> {
    let mut packs = Packs::default();
    if !ENABLED || !settings.enabled {
        return Ok(packs);
    }
    // How the previous build made each PDF, if it was made from the same inputs.
    let digest = crate::hex::encode(&reusing.digest);
    let previous: Option<Note> = sink
        .previous_note(NOTE)
        // The digest is the first field: a note made under another one is not parsed at all.
        .filter(|t| t.starts_with(&format!("{{\"digest\":\"{digest}\"")))
        .and_then(|t| serde_json::from_str::<Note>(&t).ok())
        .filter(|n| n.digest == digest);
    let cache = settings.cache;
    let content = &loaded.content;
    let ctx = source::Ctx {
        content,
        graph,
        sources: &loaded.sources,
        urls,
        edition,
        content_dir: &loaded.content_dir,
    };
    let mut jobs = Vec::new();
    for m in 0..content.meetings.len() {
        if source::has_pack(content, m) {
            jobs.push(Job::Pack(m, Kind::Main));
            jobs.push(Job::Pack(m, Kind::Supplementary));
        }
    }
    jobs.extend(source::reports(content, graph, edition).into_iter().map(Job::Report));
    if let Some(dir) = cache {
        // The cache is an optimisation: a folder that cannot be made only costs time.
        let _ = std::fs::create_dir_all(dir);
    }

    // The job, its PDF, labels and items; how long it took to lay out (`None`: from the cache or
    // kept); how it was made; whether it was kept from the previous build.
    type Done = (
        Job,
        PdfFile,
        BTreeMap<String, usize>,
        Vec<(u32, Vec<usize>)>,
        Option<std::time::Duration>,
        Option<Made>,
        bool,
    );
    // Layout recurses deeply; give its threads room (the default 2 MiB is not always enough).
    let pool = rayon::ThreadPoolBuilder::new()
        .stack_size(64 << 20)
        .thread_name(|i| format!("agendum-pdf-{i}"))
        .build()
        .map_err(|e| vec![format!("cannot start the PDF layout threads: {e}")])?;
    let results: Vec<Result<Option<Done>, String>> = pool.install(|| {
        jobs.par_iter()
            .map(|&job| {
                let key = format!("{job:?}");
                if let Some(made) = previous.as_ref().and_then(|p| p.jobs.get(&key))
                    && made.still_holds(reusing.bodies, &loaded.content_dir)
                    && let Some(hash) = crate::hex::decode32(&made.pdf)
                    && sink.keep(&urls.output_path(&made.file.url), &hash)
                {
                    let m = made.clone();
                    return Ok(Some((
                        job,
                        m.file.clone(),
                        m.labels.clone(),
                        m.items.clone(),
                        None,
                        Some(m),
                        true,
                    )));
                }
                let (made_now, read) = crate::model::tracking_reads(|| match job {
                    Job::Pack(m, kind) => {
                        let meeting = &content.meetings[m];
                        let g = ctx.pack(m, kind)?;
                        let url = pack_url(urls, &meeting.committee, meeting.date, kind);
                        let date = meeting.data.agenda_published.as_ref().map_or(meeting.date, |d| d.value);
                        Some((g, url.clone(), url, date))
                    }
                    Job::Report((m, r)) => {
                        let meeting = &content.meetings[m];
                        let report = &meeting.reports[r];
                        let url = report_url(urls, &meeting.committee, meeting.date, &report.slug);
                        let date = crate::access::report_published(
                            meeting.data.agenda_published.as_ref().map(|d| d.value),
                            &report.front,
                        );
                        Some((ctx.report_pdf((m, r)), url.clone(), url, date))
                    }
                });
                let Some((generated, url, ident, date)) = made_now else { return Ok(None) };
                if let Some(e) = generated.embeds.unreadable.first() {
                    return Err(format!("cannot make {url}: {e}"));
                }
                let files: Vec<PathBuf> =
                    generated.embeds.files.iter().map(|f| loaded.content_dir.join(f)).collect();
                let key = cache_key(&generated.source, &files, &ident, date);
                let cached = cache.and_then(|dir| read_cache(dir, &key));
                let (pdf, info, took) = match cached {
                    Some((pdf, info)) => (pdf, info, None),
                    None => {
                        let started = std::time::Instant::now();
                        let laid = lay_out(&generated.source, &files, date, &ident)
                            .map_err(|e| format!("cannot lay out {url}: {e}"))?;
                        #[cfg(feature = "pdf")]
                        engine::evict_old_caches();
                        let info = CachedInfo { pages: laid.pages, labels: laid.labels };
                        if let Some(dir) = cache {
                            write_cache(dir, &key, &laid.pdf, &info);
                        }
                        (laid.pdf, info, Some(started.elapsed()))
                    }
                };
                let path = urls.output_path(&url);
                let pdf_hash: [u8; 32] = Sha256::digest(&pdf).into();
                sink.write_hashed(&path, &pdf, &pdf_hash).map_err(|e| format!("cannot write {path}: {e}"))?;
                let file = PdfFile { url, pages: info.pages, bytes: pdf.len() as u64 };
                let made = if reusing.noting {
                    Made::new(
                        &read,
                        reusing.bodies,
                        &generated.embeds.files,
                        &loaded.content_dir,
                        &pdf_hash,
                        &file,
                        &info.labels,
                        &generated.items,
                    )
                } else {
                    None
                };
                Ok(Some((job, file, info.labels, generated.items, took, made, false)))
            })
            .collect()
    });
    #[cfg(feature = "pdf")]
    engine::evict_caches();

    let mut errors = Vec::new();
    let mut note = Note { digest, jobs: BTreeMap::new() };
    for r in results {
        match r {
            Err(e) => errors.push(e),
            Ok(None) => {}
            Ok(Some((job, file, labels, items, took, made, kept))) => {
                if let Some(made) = made {
                    note.jobs.insert(format!("{job:?}"), made);
                }
                match took {
                    None if kept => packs.kept += 1,
                    None => packs.reused += 1,
                    Some(t) => {
                        packs.laid_out += 1;
                        packs.timings.push((file.url.clone(), file.pages, t));
                    }
                }
                match job {
                    Job::Report(k) => {
                        packs.reports.insert(k, file);
                    }
                    Job::Pack(m, kind) => {
                        let entry = packs.meetings.entry(m).or_default();
                        for (number, papers) in items {
                            let (Some(first), Some(last)) = (papers.first(), papers.last()) else { continue };
                            let start = labels.get(&source::label(*first, false));
                            let end = labels.get(&source::label(*last, true));
                            if let (Some(&first), Some(&last)) = (start, end) {
                                entry.items.insert(
                                    number,
                                    ItemPages { supplementary: kind == Kind::Supplementary, first, last },
                                );
                            }
                        }
                        match kind {
                            Kind::Main => entry.main = Some(file),
                            Kind::Supplementary => entry.supplementary = Some(file),
                        }
                    }
                }
            }
        }
    }
    packs.timings.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    if reusing.noting
        && let Ok(text) = serde_json::to_string(&note)
    {
        sink.leave_note(NOTE, text);
    }
    if errors.is_empty() {
        Ok(packs)
    } else {
        errors.sort();
        Err(errors)
    }
}

/// A laid-out PDF.
pub struct Laid {
    /// The PDF file.
    pub pdf: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
    /// The page each label starting `agendum-` is on, by label name.
    pub labels: BTreeMap<String, usize>,
}

#[cfg(feature = "pdf")]
fn lay_out(source: &str, files: &[PathBuf], date: jiff::civil::Date, ident: &str) -> Result<Laid, String> {
    engine::lay_out(source, files, date, ident)
}

#[cfg(not(feature = "pdf"))]
fn lay_out(
    _source: &str,
    _files: &[PathBuf],
    _date: jiff::civil::Date,
    _ident: &str,
) -> Result<Laid, String> {
    Err("this build of Agendum has no PDF support (built without the `pdf` feature)".to_string())
}

/// Whether a PDF has a text layer (some page shows text), or `None` if it cannot be read or
/// this build has no PDF support.
#[cfg(feature = "pdf")]
pub fn pdf_text_layer(bytes: &[u8]) -> Option<bool> {
    engine::pdf_text_layer(bytes)
}

/// See the `pdf` feature's version.
#[cfg(not(feature = "pdf"))]
pub fn pdf_text_layer(_bytes: &[u8]) -> Option<bool> {
    None
}

/// Number of pages in a PDF file, or `None` if it cannot be read.
#[cfg(feature = "pdf")]
fn pdf_page_count(bytes: &[u8]) -> Option<usize> {
    engine::pdf_page_count(bytes)
}

#[cfg(not(feature = "pdf"))]
fn pdf_page_count(_bytes: &[u8]) -> Option<usize> {
    None
}

/// The inputs of a PDF: the engine and fonts (by Agendum's version), the generated source, the
/// embedded files' bytes, and the id and date written into it.
fn cache_key(source: &str, files: &[PathBuf], ident: &str, date: jiff::civil::Date) -> String {
    let mut h = Sha256::new();
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    h.update(b"\0");
    h.update(ident.as_bytes());
    h.update(b"\0");
    h.update(date.to_string().as_bytes());
    h.update(b"\0");
    h.update(source.as_bytes());
    for f in files {
        h.update(b"\0");
        // An unreadable file gives a key no cache entry has: the layout then reports it.
        match std::fs::read(f) {
            Ok(bytes) => h.update(Sha256::digest(&bytes)),
            Err(_) => h.update(b"unreadable"),
        }
    }
    crate::hex::encode(&h.finalize())
}

fn read_cache(dir: &Path, key: &str) -> Option<(Vec<u8>, CachedInfo)> {
    let info: CachedInfo =
        serde_json::from_slice(&std::fs::read(dir.join(format!("{key}.json"))).ok()?).ok()?;
    let pdf = std::fs::read(dir.join(format!("{key}.pdf"))).ok()?;
    Some((pdf, info))
}

/// Writes beside and renames, so a half-written entry is never read; failures only cost time.
fn write_cache(dir: &Path, key: &str, pdf: &[u8], info: &CachedInfo) {
    let Ok(json) = serde_json::to_vec(info) else { return };
    let pid = std::process::id();
    let pdf_tmp = dir.join(format!(".{key}.pdf.{pid}"));
    let json_tmp = dir.join(format!(".{key}.json.{pid}"));
    let ok = std::fs::write(&pdf_tmp, pdf).is_ok()
        && std::fs::rename(&pdf_tmp, dir.join(format!("{key}.pdf"))).is_ok()
        && std::fs::write(&json_tmp, json).is_ok()
        && std::fs::rename(&json_tmp, dir.join(format!("{key}.json"))).is_ok();
    if !ok {
        let _ = std::fs::remove_file(pdf_tmp);
        let _ = std::fs::remove_file(json_tmp);
    }
}
