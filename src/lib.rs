//! Agendum: a static site generator for local-government committee papers.
//!
//! The pipeline runs in one direction, one module per stage:
//!
//! ```text
//! load → model → link → check → render → output
//! ```
//!
//! [`build`] and [`check`] run it; the CLI in `main.rs` only parses arguments and prints.

pub mod access;
pub mod check;
pub mod dates;
pub mod diagnostics;
pub mod feeds;
pub mod hex;
pub mod link;
pub mod load;
pub mod model;
pub mod opendata;
pub mod output;
pub mod packs;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod slugs;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use diagnostics::{Diagnostics, Sources};

/// What to build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder: holds `content/` and optionally `themes/`.
    pub root: PathBuf,
    /// The output folder (default `<root>/public`).
    pub output: PathBuf,
    /// Overrides `base_url` from `site.yaml`.
    pub base_url: Option<String>,
    /// The date to treat as today: decides the forward plan's current window and whether
    /// decisions are open for call-in.
    pub as_of: jiff::civil::Date,
    /// Public (the default) or members'.
    pub edition: access::Edition,
    /// Where laid-out PDFs are kept for reuse (`None`: lay out every PDF again).
    pub cache: Option<PathBuf>,
    /// Make agenda packs and report PDFs (`--no-pdfs` turns them off).
    pub pdfs: bool,
    /// Skip the build when no input has changed since the last successful build into the same
    /// output folder (needs `cache`, where the record of that build is kept).
    pub skip_if_unchanged: bool,
}

/// Today's date in England (Europe/London).
pub fn today() -> jiff::civil::Date {
    let now = jiff::Timestamp::now();
    match now.in_tz("Europe/London") {
        Ok(z) => z.date(),
        Err(_) => now.to_zoned_datetime(jiff::tz::TimeZone::UTC).date(),
    }
}

/// Time spent in each stage.
#[derive(Debug, Default, Clone)]
pub struct Timings {
    /// Reading and parsing files.
    pub load: Duration,
    /// Resolving references.
    pub link: Duration,
    /// Running rules.
    pub check: Duration,
    /// Rendering and writing pages.
    pub render: Duration,
}

/// The outcome of a run: diagnostics (with their sources, for printing) and, for a build that
/// succeeded, what was written.
#[derive(Debug)]
pub struct Outcome {
    /// Errors and warnings, sorted by file and position.
    pub diagnostics: Diagnostics,
    /// The files the diagnostics point into.
    pub sources: Sources,
    /// Pages and files written (builds only).
    pub stats: Option<render::Stats>,
    /// Stage timings.
    pub timings: Timings,
    /// Errors that are not about the content (a template, the file system).
    pub fatal: Vec<String>,
    /// The public documents written: (id, URL, output file), for the publication record.
    pub documents: Vec<(String, String, String)>,
    /// Nothing had changed since the last build into the same folder, so nothing was done.
    pub up_to_date: bool,
}

impl Outcome {
    /// Whether the run succeeded.
    pub fn ok(&self) -> bool {
        !self.diagnostics.has_errors() && self.fatal.is_empty()
    }
}

type Analysed = (load::Loaded, link::Graph, Diagnostics, Timings, dates::Calendar);

/// Loads, links and checks. With a cache folder, load takes what it knows of the Markdown texts
/// from there ([`load::Scans`]) and leaves what it found for the next build.
fn analyse(root: &Path, as_of: jiff::civil::Date, cache: Option<&Path>) -> Analysed {
    let mut timings = Timings::default();
    let t = Instant::now();
    let scans = load::Scans::open(cache, &executable_identity());
    let mut loaded = load::load_with(&root.join("content"), &scans);
    scans.save(&loaded.content);
    timings.load = t.elapsed();
    let t = Instant::now();
    let calendar = load::calendar(&mut loaded);
    load::publication_record(&mut loaded);
    let (graph, link_diags) = link::link(&loaded, as_of, &calendar);
    timings.link = t.elapsed();
    let t = Instant::now();
    let check_diags = check::check(&loaded, &graph, &calendar, as_of);
    timings.check = t.elapsed();
    let mut diags = std::mem::take(&mut loaded.diagnostics);
    diags.extend(link_diags);
    diags.extend(check_diags);
    diags.sort();
    loaded.sources.restore_texts_of(diags.0.iter().filter_map(|d| d.span.map(|s| s.file)));
    (loaded, graph, diags, timings, calendar)
}

/// Loads, links and checks everything; writes nothing.
pub fn check(root: &Path, as_of: jiff::civil::Date) -> Outcome {
    let (loaded, _graph, diagnostics, timings, _) = analyse(root, as_of, None);
    checked(loaded, diagnostics, timings)
}

/// The outcome of a run that loaded, linked and checked and wrote nothing.
fn checked(loaded: load::Loaded, diagnostics: Diagnostics, timings: Timings) -> Outcome {
    Outcome {
        diagnostics,
        sources: loaded.sources,
        stats: None,
        timings,
        fatal: Vec::new(),
        documents: Vec::new(),
        up_to_date: false,
    }
}

/// Loads, links and checks everything as [`check`] does, and works out what is still to do for
/// the meetings from `as_of` to `weeks` weeks after it, and which minutes are overdue (see
/// [`check::upcoming`]); writes nothing.
pub fn check_upcoming(
    root: &Path,
    as_of: jiff::civil::Date,
    weeks: u32,
) -> (Outcome, check::upcoming::Upcoming) {
    let (loaded, graph, diagnostics, timings, calendar) = analyse(root, as_of, None);
    let upcoming = check::upcoming::upcoming(&loaded, &graph, &calendar, as_of, weeks);
    (checked(loaded, diagnostics, timings), upcoming)
}

/// Refuses an output folder that is, contains or is inside the content folder, or that holds
/// the cache (a build replaces the output folder's contents, so either would be deleted); and a
/// members' edition output folder inside (or the same as) the public output folder.
fn check_output(options: &BuildOptions) -> Result<(), String> {
    let absolute = |p: &Path| -> PathBuf {
        let p = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(p)
        };
        // Resolve what exists (symbolic links, `..`) and keep the rest as written.
        let mut existing = p.clone();
        let mut rest = Vec::new();
        while !existing.exists() {
            match (existing.file_name().map(|n| n.to_os_string()), existing.parent()) {
                (Some(name), Some(parent)) => {
                    rest.push(name);
                    existing = parent.to_path_buf();
                }
                _ => break,
            }
        }
        let mut out = std::fs::canonicalize(&existing).unwrap_or(existing);
        for r in rest.into_iter().rev() {
            out.push(r);
        }
        out
    };
    let output = absolute(&options.output);
    let content = absolute(&options.root.join("content"));
    if output.starts_with(&content) || content.starts_with(&output) {
        return Err(format!(
            "refusing to write the site to {}: it is, contains or is inside the content folder {}, which a build \
             would overwrite; give it its own folder, for example --output {}",
            options.output.display(),
            content.display(),
            options.root.join("public").display()
        ));
    }
    if let Some(cache) = &options.cache
        && absolute(cache).starts_with(&output)
    {
        return Err(format!(
            "refusing to write the site to {}: the cache folder {} is inside it, and a build replaces everything \
             in the output folder; keep the cache outside, for example --cache {}",
            options.output.display(),
            cache.display(),
            options.root.join(".agendum-cache").display()
        ));
    }
    if options.edition != access::Edition::Members {
        return Ok(());
    }
    let members = output;
    let public = absolute(&options.root.join("public"));
    if members.starts_with(&public) || public.starts_with(&members) {
        return Err(format!(
            "refusing to write the members' edition to {}: it is, contains or is inside the public output folder {}; \
             give it its own folder, for example --output {}",
            options.output.display(),
            public.display(),
            options.root.join("private").display()
        ));
    }
    Ok(())
}

/// Builds an edition of the site into `options.output`, atomically: on any error the previous
/// output is left untouched.
pub fn build(options: &BuildOptions) -> Outcome {
    if let Err(e) = check_output(options) {
        return Outcome {
            diagnostics: Diagnostics::default(),
            sources: Sources::default(),
            stats: None,
            timings: Timings::default(),
            fatal: vec![e],
            documents: Vec::new(),
            up_to_date: false,
        };
    }
    let stamp = options.cache.as_ref().map(|dir| build_stamp_path(dir, options));
    let fingerprint = inputs_fingerprint(options);
    if let (true, Some(stamp), Some(fp)) = (options.skip_if_unchanged, &stamp, &fingerprint) {
        if options.output.is_dir() && std::fs::read_to_string(stamp).is_ok_and(|s| s == *fp) {
            return Outcome {
                diagnostics: Diagnostics::default(),
                sources: Sources::default(),
                stats: None,
                timings: Timings::default(),
                fatal: Vec::new(),
                documents: Vec::new(),
                up_to_date: true,
            };
        }
    }
    // The output folder is opened (its manifest and notes read, and the previous build's page
    // note parsed) on a thread of its own while the content loads: none of it depends on the
    // content, and load leaves part of the machine idle.
    let opening = {
        let (output, cache) = (options.output.clone(), options.cache.clone());
        std::thread::spawn(move || {
            let staging = output::Staging::new(&output, cache.as_deref());
            let previous = staging.as_ref().map(|s| render::reuse::Previous::take(s)).unwrap_or_default();
            (staging, previous)
        })
    };
    let (mut loaded, graph, diagnostics, mut timings, calendar) =
        analyse(&options.root, options.as_of, options.cache.as_deref());
    let mut outcome = Outcome {
        diagnostics,
        sources: Sources::default(),
        stats: None,
        timings: Timings::default(),
        fatal: Vec::new(),
        documents: Vec::new(),
        up_to_date: false,
    };
    if outcome.diagnostics.has_errors() {
        // Nothing is written: the staging folder goes when the opened output is dropped.
        drop(opening.join());
        outcome.sources = loaded.sources;
        outcome.timings = timings;
        return outcome;
    }
    let t = Instant::now();
    // Renderers need file names only. Keep the texts of the files that warnings point into,
    // for printing them, and free the rest before rendering (the records hold what they need).
    let mut sources = std::mem::take(&mut loaded.sources);
    loaded.sources = access::blank_sources(&sources);
    sources.keep_texts_of(outcome.diagnostics.0.iter().filter_map(|d| d.span.map(|s| s.file)));
    let mut documents = Vec::new();
    let result = (|| -> Result<render::Stats, Vec<String>> {
        let (staging, previous) =
            opening.join().map_err(|_| vec!["the thread opening the output folder failed".to_string()])?;
        let staging = staging
            .map_err(|e| vec![format!("cannot create a folder beside {}: {e}", options.output.display())])?;
        let theme =
            render::theme::load(&options.root, loaded.content.site.theme.as_deref()).map_err(|e| vec![e])?;
        let base_url = options.base_url.clone().unwrap_or_else(|| loaded.content.site.base_url.clone());
        let pdfs = packs::Settings { enabled: options.pdfs, cache: options.cache.as_deref() };
        // What the pages are made from besides the content (see `render::reuse`).
        // Not the build's date: the pages that read it note it (see `render::reuse`).
        let build_key = format!("{} {:?}", executable_identity(), calendar);
        let rendered = match options.edition {
            access::Edition::Public => {
                let view = access::public_view(loaded, &graph, options.as_of, &calendar);
                drop(graph);
                documents = access::documents(&view, &base_url);
                render::render_public(&view, &theme, &base_url, &staging, previous, pdfs, &build_key)?
            }
            access::Edition::Members => {
                let rendered = render::render_members(
                    &loaded, &graph, &theme, &base_url, &staging, previous, pdfs, &build_key,
                )?;
                drop((loaded, graph));
                rendered
            }
        };
        // The content is gone by now: the indexer has the memory to itself.
        let mut stats = rendered.stats;
        let started = Instant::now();
        let index = search::write(&rendered.search, &staging, options.cache.as_deref())?;
        stats.files += index.files;
        stats.search_bundles = index.bundles;
        stats.search_bundles_reused = index.reused;
        stats.search_time = started.elapsed();
        drop(rendered.search);
        let started = Instant::now();
        stats.output = staging.commit().map_err(|e| {
            vec![format!("cannot move the finished site into {}: {e}", options.output.display())]
        })?;
        stats.commit_time = started.elapsed();
        Ok(stats)
    })();
    timings.render = t.elapsed();
    match result {
        Ok(stats) => {
            outcome.stats = Some(stats);
            // Remember what this build was made from. Only a clean build is remembered, so
            // that a build with warnings prints them again next time.
            if let (Some(stamp), Some(fp)) = (&stamp, &fingerprint) {
                if outcome.diagnostics.warning_count() == 0 {
                    let _ = std::fs::create_dir_all(stamp.parent().unwrap_or(Path::new(".")))
                        .and_then(|_| std::fs::write(stamp, fp));
                } else {
                    let _ = std::fs::remove_file(stamp);
                }
            }
        }
        Err(errors) => outcome.fatal = errors,
    }
    outcome.sources = sources;
    outcome.timings = timings;
    outcome.documents = documents;
    outcome
}

/// Where the record of the last build into `options.output` is kept.
fn build_stamp_path(cache: &Path, options: &BuildOptions) -> PathBuf {
    cache.join(format!("build-{}.stamp", output::manifest::folder_key(&options.output)))
}

/// A fingerprint of everything a build reads: Agendum's version, the options, and the path,
/// size and modification time of every file under `content/` and `themes/`. `None` if a folder
/// cannot be read (the build then always runs).
fn inputs_fingerprint(options: &BuildOptions) -> Option<String> {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(env!("CARGO_PKG_VERSION"));
    h.update(format!(
        "\0{}\0{}\0{:?}\0{:?}\0{}\0",
        options.pdfs,
        options.as_of,
        options.base_url,
        options.edition,
        options.output.display()
    ));
    h.update(executable_identity());
    for dir in ["content", "themes"] {
        let root = options.root.join(dir);
        if !root.exists() {
            continue;
        }
        let mut entries = Vec::new();
        for e in walkdir::WalkDir::new(&root).sort_by_file_name() {
            let e = e.ok()?;
            let meta = e.metadata().ok()?;
            let modified = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?.as_nanos();
            entries.push(format!("{}\0{}\0{}\n", e.path().display(), meta.len(), modified));
        }
        for line in entries {
            h.update(line.as_bytes());
        }
    }
    Some(crate::hex::encode(&h.finalize()))
}

/// Agendum's version and the running executable's time and size, so that a rebuilt binary
/// never reuses what an older one made.
fn executable_identity() -> String {
    let exe = std::env::current_exe().and_then(std::fs::metadata);
    format!(
        "{} {:?} {:?}",
        env!("CARGO_PKG_VERSION"),
        exe.as_ref().ok().and_then(|m| m.modified().ok()),
        exe.as_ref().ok().map(std::fs::Metadata::len)
    )
}

/// What `publish` recorded.
#[derive(Debug, Default)]
pub struct Published {
    /// Lines appended to the publication record.
    pub appended: usize,
}

/// Builds the public edition for release and records every public document that first
/// appears or has changed in `content/publication-record.jsonl`, then builds again so that
/// pages show their publication dates. Refuses to run on a record that has been edited.
pub fn publish(options: &BuildOptions) -> (Outcome, Published) {
    let mut published = Published::default();
    let first = build(options);
    if !first.ok() {
        return (first, published);
    }
    let record_path = options.root.join("content").join(access::record::FILE);
    let existing = std::fs::read_to_string(&record_path).unwrap_or_default();
    // The build has already verified the record; read it again as it is on disk now.
    let entries = match access::record::parse(&existing) {
        Ok(e) => e,
        Err(problems) => {
            let mut o = first;
            o.fatal = problems
                .into_iter()
                .map(|(l, m)| format!("content/{}:{l}: {m}", access::record::FILE))
                .collect();
            return (o, published);
        }
    };
    let mut hashed = Vec::new();
    let mut unreadable = Vec::new();
    for (id, url, file) in &first.documents {
        match std::fs::read(options.output.join(file)) {
            Ok(bytes) => hashed.push((id.clone(), url.clone(), access::record::page_hash(&bytes))),
            Err(e) => unreadable.push(format!("cannot read {file} from the built site: {e}")),
        }
    }
    if !unreadable.is_empty() {
        let mut o = first;
        o.fatal = unreadable;
        return (o, published);
    }
    let lines = access::record::new_lines(&existing, &entries, &hashed, jiff::Timestamp::now());
    if lines.is_empty() {
        return (first, published);
    }
    published.appended = lines.lines().count();
    let mut text = existing;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(&lines);
    // Write beside and rename, so an interrupted publish never leaves half a line.
    let temp = record_path.with_extension("jsonl.partial");
    if let Err(e) = std::fs::write(&temp, &text).and_then(|_| std::fs::rename(&temp, &record_path)) {
        let mut o = first;
        o.fatal = vec![format!("cannot write {}: {e}", record_path.display())];
        return (o, published);
    }
    (build(options), published)
}
