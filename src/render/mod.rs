//! Stage 5: turn the graph into pages through Tera templates, in parallel.
//!
//! Renderers read the graph and write through a [`Sink`]; they never read another output.

pub mod format;
pub mod markdown;
pub mod pages;
pub mod reuse;
pub mod theme;
pub mod urls;

use std::io;
use std::path::Path;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use sha2::Digest;

use crate::access::{Edition, PublicView};
use crate::link::{Graph, Resolver};
use crate::load::Loaded;
use pages::{Builder, PageOut, SiteCtx};
use urls::Urls;

/// Where rendered files go.
pub trait Sink: Sync {
    /// Writes a file at a path relative to the output root.
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()>;
    /// Copies a file from disk to a path relative to the output root.
    fn copy(&self, rel: &str, from: &Path) -> io::Result<()>;
    /// [`Sink::write`] for bytes whose SHA-256 the caller has already computed, so that a sink
    /// that hashes what it writes need not hash them again.
    fn write_hashed(&self, rel: &str, bytes: &[u8], _hash: &[u8; 32]) -> io::Result<()> {
        self.write(rel, bytes)
    }
    /// Reads back a file written earlier in this build (the search indexer reads the pages).
    fn read(&self, rel: &str) -> io::Result<Vec<u8>>;
    /// Keeps the previous build's file at `rel` as this build's, if it is still there with the
    /// bytes whose SHA-256 is `hash`; returns whether it did. A sink that keeps nothing from
    /// earlier builds says no.
    fn keep(&self, _rel: &str, _hash: &[u8; 32]) -> bool {
        false
    }
    /// The note called `name` that the previous build left with its output (see
    /// [`reuse`]), if the output is still the one that build committed.
    fn previous_note(&self, _name: &str) -> Option<String> {
        None
    }
    /// Whether notes left with [`Sink::leave_note`] are kept for the next build (otherwise
    /// there is no point making them).
    fn keeps_notes(&self) -> bool {
        false
    }
    /// Leaves a note for the next build, kept only if this build's output is committed.
    fn leave_note(&self, _name: &str, _text: String) {}
}

/// What the outputs that are not HTML pages (feeds, calendars, open data, search) read: the
/// same content and graph the pages were rendered from, so the public edition's outputs come
/// from the redacted view too.
pub struct OutputCtx<'a> {
    /// The content (redacted, for the public edition).
    pub loaded: &'a Loaded,
    /// Its graph.
    pub graph: &'a Graph,
    /// URLs.
    pub urls: &'a Urls,
    /// Which edition.
    pub edition: Edition,
    /// Where files go.
    pub sink: &'a dyn Sink,
    /// The PDFs written (packs and reports), with their URLs.
    pub packs: &'a crate::packs::Packs,
    /// Every HTML page written, by root-relative URL, sorted (404.html included).
    pub page_urls: &'a [String],
}

/// What a render produced.
#[derive(Debug, Default, Clone)]
pub struct Stats {
    /// HTML pages written.
    pub pages: usize,
    /// Of those, pages kept from the previous build because nothing they are made from had
    /// changed (see [`reuse`]).
    pub pages_kept: usize,
    /// Files copied (attachments and theme files).
    pub files: usize,
    /// PDFs written (agenda packs and reports).
    pub pdfs: usize,
    /// PDFs laid out in this build (the rest were reused from the cache).
    pub pdfs_laid_out: usize,
    /// PDFs kept from the previous build without generating their sources.
    pub pdfs_kept: usize,
    /// Time spent on PDFs.
    pub packs_time: Duration,
    /// The PDFs laid out in this build, slowest first: URL, pages, layout time.
    pub pdf_timings: Vec<(String, usize, Duration)>,
    /// Time spent building the search index.
    pub search_time: Duration,
    /// Search index bundles written.
    pub search_bundles: usize,
    /// Of those, bundles copied from the cache because their pages had not changed.
    pub search_bundles_reused: usize,
    /// Time spent writing feeds and calendars.
    pub feeds_time: Duration,
    /// Time spent writing open data, the sitemap and robots.txt.
    pub data_time: Duration,
    /// Time spent putting the finished output in place.
    pub commit_time: Duration,
    /// How the output was put in place: files changed, kept and removed.
    pub output: crate::output::Committed,
}

#[derive(Debug, Clone)]
enum Job {
    Home,
    Committees,
    Meetings,
    People,
    NotFound,
    Committee(usize),
    Meeting(usize),
    Item((usize, usize)),
    Minutes(usize),
    Report((usize, usize)),
    Person(usize),
    WorkProgramme(usize),
    ForwardPlan,
    PlanFilter(&'static str, String),
    PlanEntry(usize),
    Decisions(Option<(&'static str, String)>),
    Decision(usize),
    Matters,
    Matter(usize),
    Search,
    MeetingsYear(crate::model::MunicipalYear),
    PapersIndex,
    Papers(crate::model::MunicipalYear, Option<&'static str>, usize),
    Wards,
    Ward(String, usize),
    Accessibility,
}

impl Job {
    /// The search bundle a page goes in: its municipal year for a meeting's pages and decisions,
    /// `site` for the other documents; `None` for pages that are not indexed.
    fn bundle(&self, content: &crate::model::Content, graph: &Graph) -> Option<String> {
        let year = |m: usize| crate::search::year_bundle(graph.meeting_year[m]);
        Some(match self {
            Job::Meeting(m) | Job::Minutes(m) => year(*m),
            Job::Item((m, _)) | Job::Report((m, _)) => year(*m),
            Job::Decision(d) => crate::search::year_bundle(crate::model::MunicipalYear::of(
                graph.records.decisions[*d].date,
                content.site.municipal_year_start_month,
            )),
            Job::Committee(_)
            | Job::Person(_)
            | Job::WorkProgramme(_)
            | Job::PlanEntry(_)
            | Job::Matter(_) => crate::search::SITE.to_string(),
            // Lists, the home page, the search page and 404 are not indexed: they only repeat
            // the titles of the documents they list.
            _ => return None,
        })
    }
}

/// What a render leaves to do: the search index, built by [`crate::search::write`] after the
/// content has been freed.
#[derive(Debug)]
pub struct Rendered {
    /// Pages and files written so far.
    pub stats: Stats,
    /// The pages to index.
    pub search: crate::search::Pending,
}

/// Renders the public edition. It can only be given a [`PublicView`], whose content has been
/// redacted by [`crate::access::public_view`].
/// `previous` is the page note the previous build left in `sink` ([`reuse::Previous::take`]).
pub fn render_public(
    view: &PublicView,
    theme: &theme::Theme,
    base_url: &str,
    sink: &dyn Sink,
    previous: reuse::Previous,
    pdfs: crate::packs::Settings<'_>,
    build_key: &str,
) -> Result<Rendered, Vec<String>> {
    render(view.loaded(), view.graph(), theme, base_url, Edition::Public, sink, previous, pdfs, build_key)
}

/// Renders the members' edition: everything, with exempt material marked.
#[allow(clippy::too_many_arguments)]
pub fn render_members(
    loaded: &Loaded,
    graph: &Graph,
    theme: &theme::Theme,
    base_url: &str,
    sink: &dyn Sink,
    previous: reuse::Previous,
    pdfs: crate::packs::Settings<'_>,
    build_key: &str,
) -> Result<Rendered, Vec<String>> {
    render(loaded, graph, theme, base_url, Edition::Members, sink, previous, pdfs, build_key)
}

/// The inputs digest of [`reuse`]: everything pages are made from except report bodies, the
/// text of Markdown appendices and PDFs.
fn inputs_digest(
    loaded: &Loaded,
    graph: &Graph,
    findings: &[crate::check::accessibility::Finding],
    theme: &theme::Theme,
    base_url: &str,
    edition: Edition,
    build_key: &str,
) -> [u8; 32] {
    let mut h = reuse::Hasher::new();
    h.bytes(build_key.as_bytes());
    h.bytes(base_url.as_bytes());
    h.debug(&edition);
    // Meetings (with their reports and minutes) are nearly all of it: their `Debug` forms are
    // hashed in parallel. Every field is named, so a field added to `Content` must be added here.
    let crate::model::Content {
        site,
        people,
        committees,
        meetings,
        work_programmes,
        forward_plan,
        officer_decisions,
        matters,
    } = &loaded.content;
    h.debug(&(site, people, committees, work_programmes, forward_plan, officer_decisions, matters));
    let meeting_hashes: Vec<[u8; 32]> = meetings
        .par_chunks(64)
        .map(|chunk| {
            let mut h = reuse::Hasher::new();
            h.debug(&chunk);
            h.finish()
        })
        .collect();
    h.debug(&meetings.len());
    for m in &meeting_hashes {
        h.bytes(m);
    }
    // The graph follows from the content and the calendar, except the call-in states, which
    // also follow from the build's date (which pages read only through `Graph::as_of`).
    let call_ins: Vec<_> = graph.records.decisions.iter().map(|d| (&d.id, &d.call_in)).collect();
    h.debug(&call_ins);
    h.debug(&loaded.sources);
    h.debug(&loaded.assets);
    h.debug(&loaded.publication);
    // Without their positions, like the model's links.
    let findings: Vec<_> =
        findings.iter().map(|f| (&f.problem, &f.title, &f.file, f.meeting, f.report)).collect();
    h.debug(&findings);
    h.debug(&theme.templates);
    for (name, bytes) in &theme.statics {
        h.bytes(name.as_bytes());
        h.bytes(bytes);
    }
    h.finish()
}

/// The digest of every PDF written and of the build's date, on which open data and the feeds
/// (the outputs kept as a whole) depend besides the inputs digest.
fn feeds_and_data_digest(packs: &crate::packs::Packs, as_of: Option<jiff::civil::Date>) -> [u8; 32] {
    let mut h = reuse::Hasher::new();
    h.debug(&as_of);
    let mut meetings: Vec<_> = packs.meetings.iter().collect();
    meetings.sort_unstable_by_key(|(k, _)| **k);
    h.debug(&meetings);
    let mut reports: Vec<_> = packs.reports.iter().collect();
    reports.sort_unstable_by_key(|(k, _)| **k);
    h.debug(&reports);
    h.finish()
}

/// A sink that passes everything on and notes what was written, with its hash, so a later
/// build can keep the same files (see [`reuse`]).
struct Recorder<'a> {
    inner: &'a dyn Sink,
    files: std::sync::Mutex<Vec<(String, [u8; 32])>>,
    /// Set if anything was copied rather than written: such a stage is not kept whole.
    copied: std::sync::atomic::AtomicBool,
}

impl Sink for Recorder<'_> {
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        self.write_hashed(rel, bytes, &sha2::Sha256::digest(bytes).into())
    }
    fn write_hashed(&self, rel: &str, bytes: &[u8], hash: &[u8; 32]) -> io::Result<()> {
        self.inner.write_hashed(rel, bytes, hash)?;
        if let Ok(mut f) = self.files.lock() {
            f.push((rel.to_string(), *hash));
        }
        Ok(())
    }
    fn copy(&self, rel: &str, from: &Path) -> io::Result<()> {
        self.copied.store(true, std::sync::atomic::Ordering::Relaxed);
        self.inner.copy(rel, from)
    }
    fn read(&self, rel: &str) -> io::Result<Vec<u8>> {
        self.inner.read(rel)
    }
}

#[allow(clippy::too_many_arguments)]
fn render(
    loaded: &Loaded,
    graph: &Graph,
    theme: &theme::Theme,
    base_url: &str,
    edition: Edition,
    sink: &dyn Sink,
    previous: reuse::Previous,
    pdfs: crate::packs::Settings<'_>,
    build_key: &str,
) -> Result<Rendered, Vec<String>> {
    let content = &loaded.content;
    let mut tera = tera::Tera::new();
    if let Err(e) = tera.add_raw_templates(theme.templates.iter().map(|(n, s)| (n.as_str(), s.as_str()))) {
        return Err(vec![format!("in the theme's templates: {}", tera_error_text(&e))]);
    }
    let urls = Urls::new(base_url);
    // PDFs first: the HTML agenda shows the page ranges the laid-out packs give.
    let findings = crate::check::accessibility::findings(loaded);
    let digest = inputs_digest(loaded, graph, &findings, theme, base_url, edition, build_key);
    // Whether to note how each page and PDF is made, for the next build.
    let noting = sink.keeps_notes();
    // What the report bodies hash to now, to compare with what pages and PDFs read last time.
    let bodies = if noting { reuse::body_hashes(content) } else { reuse::Bodies::default() };
    let reusing = reuse::Inputs { digest, bodies: &bodies, noting };
    let started = Instant::now();
    let packs = crate::packs::build(loaded, graph, edition, &urls, sink, pdfs, &reusing)?;
    let packs_time = started.elapsed();
    let resolver = Resolver { content, graph };
    let feeds_and_data = feeds_and_data_digest(&packs, graph.as_of_quietly());
    // The previous build's pages, if they were made from the same inputs.
    let previous = previous.made_under(&digest);
    let site = &content.site;
    let licence_html = {
        let ctx = markdown::LinkContext {
            resolver: &resolver,
            urls: &urls,
            file_rel: "site.yaml",
            files: graph.files_for(edition),
        };
        markdown::to_html(&site.licence, &ctx, markdown::Render::default())
    };
    let builder = Builder {
        content,
        graph,
        urls: &urls,
        sources: &loaded.sources,
        sizes: &loaded.assets,
        site: SiteCtx {
            name: site.name.clone(),
            short_name: site.short_name.clone(),
            lang: site.language.clone(),
            home: urls.home(),
            committees: urls.committees(),
            meetings: urls.meetings(),
            people: urls.people(),
            forward_plan: urls.forward_plan(),
            decisions: urls.decisions(),
            matters: urls.matters(),
            search: urls.path("search/"),
            papers: urls.path("papers/"),
            wards: urls.path("wards/"),
            accessibility: urls.path("accessibility/"),
            search_script: urls.static_file("search.js"),
            css: urls.static_file("style.css"),
            script: urls.static_file("agendum.js"),
            address: site.address.clone(),
            contact_name: site.democratic_services.name.clone(),
            contact_email: site.democratic_services.email.clone(),
            contact_phone: site.democratic_services.phone.clone(),
            contact_address: site.democratic_services.address.clone(),
            licence_html,
            members: edition == Edition::Members,
            publication_record: urls.path("data/publication-record.json"),
        },
        edition,
        published: crate::access::record::history(&loaded.publication),
        packs: reuse::TrackedPacks::new(&packs, graph.as_of_quietly()),
        findings: &findings,
        memo: Default::default(),
    };

    let mut jobs = vec![
        Job::Home,
        Job::Committees,
        Job::Meetings,
        Job::People,
        Job::NotFound,
        Job::ForwardPlan,
        Job::Decisions(None),
        Job::Decisions(Some(("key", String::new()))),
        Job::Decisions(Some(("call-in", String::new()))),
        Job::Matters,
        Job::Search,
        Job::PapersIndex,
        Job::Wards,
        Job::Accessibility,
    ];
    jobs.extend(builder.meeting_years().into_iter().map(Job::MeetingsYear));
    jobs.extend(builder.papers_pages().into_iter().map(|(y, k, p)| Job::Papers(y, k, p)));
    jobs.extend(builder.ward_pages().into_iter().map(|(s, p)| Job::Ward(s, p)));
    jobs.extend(builder.decision_makers().into_iter().map(|s| Job::Decisions(Some(("maker", s)))));
    jobs.extend(builder.plan_filter_keys().into_iter().map(|(k, s)| Job::PlanFilter(k, s)));
    jobs.extend((0..content.work_programmes.len()).map(Job::WorkProgramme));
    jobs.extend((0..content.forward_plan.len()).map(Job::PlanEntry));
    jobs.extend((0..graph.records.decisions.len()).map(Job::Decision));
    jobs.extend((0..graph.records.matters.len()).map(Job::Matter));
    jobs.extend((0..content.committees.len()).map(Job::Committee));
    jobs.extend((0..content.people.len()).map(Job::Person));
    for (mi, m) in content.meetings.iter().enumerate() {
        jobs.push(Job::Meeting(mi));
        jobs.extend((0..m.data.agenda.len()).map(|i| Job::Item((mi, i))));
        if m.minutes.is_some() {
            jobs.push(Job::Minutes(mi));
        }
        for ri in 0..m.reports.len() {
            if edition == Edition::Members || !graph.exempt_reports.contains(&(mi, ri)) {
                jobs.push(Job::Report((mi, ri)));
            }
        }
    }

    let bundles: Vec<String> = crate::search::order(jobs.iter().filter_map(|j| j.bundle(content, graph)))
        .iter()
        .map(|b| urls.path(&crate::search::bundle_path(b)))
        .collect();
    // The URL, the page to index, the job's key, how it was made and whether it was kept.
    type Done = (String, Option<crate::search::Page>, String, Option<reuse::Made>, bool);
    let results: Vec<Result<Done, String>> = jobs
        .par_iter()
        .map(|job| {
            let key = format!("{job:?}");
            if let Some(made) = previous.as_ref().and_then(|p| p.pages.get(&key))
                && reuse::same_bodies(&made.bodies, &bodies)
                && builder.packs.digest_of(&made.packs.0) == Some(made.packs.1)
                && sink.keep(&urls.output_path(&made.url), &made.page)
            {
                let indexed = job.bundle(content, graph).map(|bundle| crate::search::Page {
                    url: made.url.clone(),
                    bundle,
                    hash: made.page,
                });
                return Ok((made.url.clone(), indexed, key, Some(made.clone()), true));
            }
            let ((page, reads, read_hash), read_bodies) = crate::model::tracking_reads(|| {
                builder.packs.tracking(|| match job.clone() {
                    Job::Home => builder.home(),
                    Job::Committees => builder.committees(),
                    Job::Meetings => builder.meetings(),
                    Job::People => builder.people(),
                    Job::NotFound => builder.not_found(),
                    Job::Committee(c) => builder.committee(c),
                    Job::Meeting(m) => builder.meeting(m),
                    Job::Item(k) => builder.item(k),
                    Job::Minutes(m) => builder.minutes(m),
                    Job::Report(k) => builder.report(k),
                    Job::Person(p) => builder.person(p),
                    Job::WorkProgramme(w) => builder.work_programme(w),
                    Job::ForwardPlan => builder.forward_plan(),
                    Job::PlanFilter(k, s) => builder.plan_filter(k, &s),
                    Job::PlanEntry(p) => builder.plan_entry(p),
                    Job::Decisions(f) => builder.decisions(f.as_ref().map(|(k, s)| (*k, s.as_str()))),
                    Job::Decision(d) => builder.decision(d),
                    Job::Matters => builder.matters(),
                    Job::Matter(m) => builder.matter(m),
                    Job::Search => builder.search(&bundles),
                    Job::MeetingsYear(y) => builder.meetings_year(y),
                    Job::PapersIndex => builder.papers_index(),
                    Job::Papers(y, k, p) => builder.papers(y, k, p),
                    Job::Wards => builder.wards(),
                    Job::Ward(s, p) => builder.ward(&s, p),
                    Job::Accessibility => builder.accessibility(),
                })
            });
            let page: PageOut = page?;
            let html = match tera.render(page.template, &page.context) {
                Ok(h) => h,
                Err(e) => {
                    return Err(format!(
                        "while rendering {} with {}: {}",
                        page.url,
                        page.template,
                        tera_error_text(&e)
                    ));
                }
            };
            let path = urls.output_path(&page.url);
            let hash: [u8; 32] = sha2::Sha256::digest(html.as_bytes()).into();
            sink.write_hashed(&path, html.as_bytes(), &hash)
                .map_err(|e| format!("cannot write {path}: {e}"))?;
            let bundle = job.bundle(content, graph);
            let indexed =
                bundle.clone().map(|bundle| crate::search::Page { url: page.url.clone(), bundle, hash });
            // A page that read a body that could not be hashed is not noted: it is made again.
            let made = reuse::bodies_read(&read_bodies, &bodies).map(|bodies| reuse::Made {
                bodies,
                packs: (reads, read_hash),
                page: hash,
                url: page.url.clone(),
                bundle,
            });
            Ok((page.url, indexed, key, made, false))
        })
        .collect();
    let mut page_urls = Vec::with_capacity(results.len());
    let mut indexed = Vec::with_capacity(results.len());
    let mut errors = Vec::new();
    let mut note = reuse::Note { digest, packs: feeds_and_data, ..reuse::Note::default() };
    let mut pages_kept = 0;
    for r in results {
        match r {
            Ok((u, page, key, made, kept)) => {
                pages_kept += usize::from(kept);
                indexed.extend(page);
                page_urls.push(u);
                if let (true, Some(made)) = (noting, made) {
                    note.pages.insert(key, made);
                }
            }
            Err(e) => errors.push(e),
        }
    }
    page_urls.sort();
    if !errors.is_empty() {
        let mut errors = errors;
        errors.sort();
        return Err(errors);
    }

    let mut files = 0;
    let feeds_time;
    let data_time;
    // Outputs other than pages, from the same content.
    // They depend on no report body, so with the same inputs they are the same files.
    let kept = previous.as_ref().is_some_and(|p| {
        p.packs == feeds_and_data
            && !p.outputs.is_empty()
            && p.outputs.iter().all(|(rel, hash)| sink.keep(rel, hash))
    });
    if let (true, Some(p)) = (kept, &previous) {
        files += p.output_count;
        note.outputs.clone_from(&p.outputs);
        note.output_count = p.output_count;
        feeds_time = Duration::ZERO;
        data_time = Duration::ZERO;
    } else {
        let recorder = Recorder { inner: sink, files: Default::default(), copied: Default::default() };
        let ctx = OutputCtx {
            loaded,
            graph,
            urls: &urls,
            edition,
            sink: &recorder,
            packs: &packs,
            page_urls: &page_urls,
        };
        let mut errors = Vec::new();
        let started = Instant::now();
        let feeds = crate::feeds::write(&ctx);
        feeds_time = started.elapsed();
        let started = Instant::now();
        let data = crate::opendata::write(&ctx);
        data_time = started.elapsed();
        let before = files;
        for result in [feeds, data] {
            match result {
                Ok(n) => files += n,
                Err(e) => errors.extend(e),
            }
        }
        if !errors.is_empty() {
            errors.sort();
            return Err(errors);
        }
        if !recorder.copied.load(std::sync::atomic::Ordering::Relaxed) {
            let mut outputs = recorder.files.into_inner().unwrap_or_else(|e| e.into_inner());
            outputs.sort();
            note.outputs = outputs;
            note.output_count = files - before;
        }
    }
    let mut copy_errors = Vec::new();
    // The publication record, for anyone to verify a downloaded paper against.
    match serde_json::to_vec_pretty(&loaded.publication) {
        Ok(json) => {
            if let Err(e) = sink.write("data/publication-record.json", &json) {
                copy_errors.push(format!("cannot write data/publication-record.json: {e}"));
            }
            files += 1;
        }
        Err(e) => copy_errors.push(format!("cannot write the publication record: {e}")),
    }
    for (name, bytes) in &theme.statics {
        if let Err(e) = sink.write(&format!("static/{name}"), bytes) {
            copy_errors.push(format!("cannot write static/{name}: {e}"));
        }
        files += 1;
    }
    let copied: Vec<String> = graph
        .files_for(edition)
        .par_iter()
        .filter_map(|rel| {
            sink.copy(rel, &loaded.content_dir.join(rel))
                .err()
                .map(|e| format!("cannot copy content/{rel}: {e}"))
        })
        .collect();
    files += graph.files_for(edition).len();
    copy_errors.extend(copied);
    if !copy_errors.is_empty() {
        return Err(copy_errors);
    }
    if noting {
        sink.leave_note(reuse::NOTE, note.to_text());
    }
    let search = crate::search::Pending {
        pages: indexed,
        language: site.language.split('-').next().unwrap_or("en").to_ascii_lowercase(),
        base_url: base_url.to_string(),
        edition,
    };
    Ok(Rendered {
        search,
        stats: Stats {
            pages: jobs.len(),
            pages_kept,
            files,
            pdfs: packs.laid_out + packs.reused + packs.kept,
            pdfs_laid_out: packs.laid_out,
            pdfs_kept: packs.kept,
            packs_time,
            pdf_timings: packs.timings.clone(),
            search_time: Duration::ZERO,
            search_bundles: 0,
            search_bundles_reused: 0,
            feeds_time,
            data_time,
            commit_time: Duration::ZERO,
            output: Default::default(),
        },
    })
}

fn tera_error_text(e: &tera::Error) -> String {
    use std::error::Error;
    let mut s = e.to_string();
    let mut src = e.source();
    while let Some(inner) = src {
        s.push_str(": ");
        s.push_str(&inner.to_string());
        src = inner.source();
    }
    s
}
