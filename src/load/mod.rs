//! Stage 1: walk `content/`, read every file in parallel, parse YAML and front matter into the
//! typed records of [`crate::model`], and collect located errors.
//!
//! Nothing here knows about other records: references stay as strings for [`crate::link`].

mod markdown;
mod minutes;
mod paths;
mod scans;
mod yaml;

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile, Sources, Span};
use crate::model::{
    Appendix, Committee, CommitteeFile, Content, DecisionFile, FileId, Matter, MatterFile, Meeting,
    MeetingFile, Minutes, MinutesFront, MunicipalYear, OfficerDecision, Person, PersonFile, PlanEntry,
    PlanEntryFile, Report, ReportFront, Site, WorkProgramme, WorkProgrammeFile,
};

pub use markdown::markdown_links;
pub use paths::{missing_file as missing_file_diagnostic, resolve_relative};
pub use scans::Scans;

/// Everything read from `content/`.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The typed records.
    pub content: Content,
    /// Every text file read, for locating diagnostics.
    pub sources: Sources,
    /// Every other file (attachments, images) by path relative to `content/`, with its size.
    pub assets: BTreeMap<String, u64>,
    /// The content directory on disk.
    pub content_dir: PathBuf,
    /// Problems found while loading.
    pub diagnostics: Diagnostics,
    /// Ids of records whose files could not be read or parsed (person and committee slugs,
    /// `committee/date` meetings, `committee/date/slug` reports, `committee/date/minutes`).
    /// References to them are not reported again: the file's own error says what is wrong.
    pub broken: std::collections::HashSet<String>,
    /// The publication record (`publication-record.jsonl`), verified.
    pub publication: Vec<crate::access::record::Entry>,
    /// Whether each attached PDF asked about has no text layer (a scan), by path relative to
    /// `content/`: found when first asked (see `check::accessibility`).
    pub pdfs_without_text: std::sync::Mutex<HashMap<String, bool>>,
}

impl Loaded {
    /// The id of a text file by its path relative to `content/`.
    pub fn file_id(&self, rel: &str) -> Option<FileId> {
        self.sources.files.iter().position(|f| f.rel == rel)
    }
}

/// What a content file is, from where it sits.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    Site,
    Person(String),
    Committee(String),
    Meeting(String, String),
    Minutes(String, String),
    Report(String, String, String),
    WorkProgramme(String),
    PlanEntry(String),
    Decision(String),
    Matter(String),
    /// Markdown that may be a report appendix.
    Other,
}

impl Kind {
    /// The id of the record this file holds.
    fn id(&self) -> Option<String> {
        match self {
            Kind::Person(s) | Kind::Committee(s) => Some(s.clone()),
            Kind::Meeting(c, d) => Some(format!("{c}/{d}")),
            Kind::Minutes(c, d) => Some(format!("{c}/{d}/minutes")),
            Kind::Report(c, d, s) => Some(format!("{c}/{d}/{s}")),
            Kind::WorkProgramme(c) => Some(format!("{c}/work-programme")),
            Kind::PlanEntry(s) => Some(format!("forward-plan/{s}")),
            Kind::Decision(s) => Some(format!("decisions/{s}")),
            Kind::Matter(s) => Some(format!("matters/{s}")),
            Kind::Site | Kind::Other => None,
        }
    }
}

fn classify(rel: &str) -> Kind {
    let parts: Vec<&str> = rel.split('/').collect();
    let stem = |f: &str| f.rsplit_once('.').map_or(f, |(s, _)| s).to_string();
    match parts.as_slice() {
        ["site.yaml"] => Kind::Site,
        ["people", f] if is_yaml(f) => Kind::Person(stem(f)),
        ["committees", c, "committee.yaml"] => Kind::Committee(c.to_string()),
        ["committees", c, "work-programme.yaml"] => Kind::WorkProgramme(c.to_string()),
        ["forward-plan", f] if is_yaml(f) => Kind::PlanEntry(stem(f)),
        ["decisions", f] if is_yaml(f) => Kind::Decision(stem(f)),
        ["matters", f] if is_yaml(f) => Kind::Matter(stem(f)),
        ["committees", c, d, "meeting.yaml"] => Kind::Meeting(c.to_string(), d.to_string()),
        ["committees", c, d, "minutes.md"] => Kind::Minutes(c.to_string(), d.to_string()),
        ["committees", c, d, "reports", f] if f.ends_with(".md") => {
            Kind::Report(c.to_string(), d.to_string(), stem(f))
        }
        _ => Kind::Other,
    }
}

fn is_yaml(f: &str) -> bool {
    f.ends_with(".yaml") || f.ends_with(".yml")
}

/// Reads and parses the content folder. Never fails: problems are diagnostics.
pub fn load(content_dir: &Path) -> Loaded {
    load_with(content_dir, &Scans::default())
}

/// [`load`], taking what is already known of the Markdown texts from `scans` (the previous
/// load's, from the cache folder) instead of parsing them again.
pub fn load_with(content_dir: &Path, scans: &Scans) -> Loaded {
    let mut loaded = Loaded { content_dir: content_dir.to_path_buf(), ..Loaded::default() };
    let mut diags = Diagnostics::default();

    let Ok(canonical_root) = fs::canonicalize(content_dir) else {
        diags.push(
            Diagnostic::error(
                "content-missing",
                None,
                format!("the content folder {} does not exist", content_dir.display()),
            )
            .with_help("pass the site folder with --root DIR; it must contain content/site.yaml"),
        );
        loaded.diagnostics = diags;
        return loaded;
    };

    // Walk, in a stable order. Text files are read afterwards in parallel.
    let mut text_paths: Vec<(String, PathBuf)> = Vec::new();
    let mut escapes: Vec<(String, PathBuf, String)> = Vec::new();
    for entry in WalkDir::new(content_dir).follow_links(false).sort_by_file_name() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                diags.push(Diagnostic::error(
                    "io",
                    None,
                    format!(
                        "cannot read {}: {e}",
                        e.path().map_or_else(String::new, |p| p.display().to_string())
                    ),
                ));
                continue;
            }
        };
        let Ok(rel_path) = entry.path().strip_prefix(content_dir) else { continue };
        let rel = rel_path
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        if rel.is_empty() || rel.split('/').any(|p| p.starts_with('.')) {
            continue;
        }
        let mut file_type = entry.file_type();
        if file_type.is_symlink() {
            match fs::canonicalize(entry.path()) {
                Ok(target) if target.starts_with(&canonical_root) => match fs::metadata(&target) {
                    Ok(m) => file_type = m.file_type(),
                    Err(_) => continue,
                },
                Ok(target) => {
                    escapes.push((rel, entry.path().to_path_buf(), target.display().to_string()));
                    continue;
                }
                Err(_) => {
                    escapes.push((rel, entry.path().to_path_buf(), "nothing (it is broken)".into()));
                    continue;
                }
            }
        }
        if !file_type.is_file() {
            continue;
        }
        if rel.ends_with(".md") || is_yaml(&rel) {
            text_paths.push((rel, entry.path().to_path_buf()));
        } else {
            let size = fs::metadata(entry.path()).map(|m| m.len()).unwrap_or(0);
            loaded.assets.insert(rel, size);
        }
    }

    // Read and parse in batches, in parallel within each, registering files in walk order so
    // file ids are deterministic. Report texts are freed batch by batch (the model keeps where
    // each body is), so the archive's text is never all in memory at once.
    const BATCH: usize = 2048;
    let mut kinds: Vec<(FileId, Kind)> = Vec::with_capacity(text_paths.len());
    let mut parsed: Vec<(Parsed, Diagnostics)> = Vec::with_capacity(text_paths.len());
    for batch in text_paths.chunks(BATCH) {
        let read: Vec<(String, PathBuf, std::io::Result<Vec<u8>>)> =
            batch.par_iter().map(|(rel, path)| (rel.clone(), path.clone(), fs::read(path))).collect();
        let first = kinds.len();
        for (rel, path, bytes) in read {
            let kind = classify(&rel);
            match bytes {
                Err(e) => {
                    diags.push(Diagnostic::error("io", None, format!("cannot read content/{rel}: {e}")));
                }
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => {
                        let id = loaded.sources.add(SourceFile { rel, path, text, yaml_offset: 0 });
                        kinds.push((id, kind));
                    }
                    Err(e) => {
                        let bad = e.utf8_error().valid_up_to();
                        let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                        let id = loaded.sources.add(SourceFile { rel, path, text, yaml_offset: 0 });
                        if let Some(b) = kind.id() {
                            loaded.broken.insert(b);
                        }
                        diags.push(
                            Diagnostic::error(
                                "not-utf8",
                                Some(Span { file: id, offset: bad, len: 1 }),
                                "this file is not UTF-8 text",
                            )
                            .with_help(
                                "save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8); \
                                 the first byte that is not UTF-8 is marked",
                            ),
                        );
                    }
                },
            }
        }
        // Front matter offsets must be known before parsing (they locate YAML errors).
        for (id, _) in &kinds[first..] {
            let f = &mut loaded.sources.files[*id];
            if f.rel.ends_with(".md") {
                if let Some((offset, _, _)) = yaml::split_front_matter(&f.text) {
                    f.yaml_offset = offset;
                }
            }
        }
        let sources = &loaded.sources;
        let batch_parsed: Vec<(Parsed, Diagnostics)> =
            kinds[first..].par_iter().map(|(id, kind)| parse_file(sources, *id, kind, scans)).collect();
        for ((id, _), (p, _)) in kinds[first..].iter().zip(&batch_parsed) {
            if matches!(p, Parsed::Report(..)) {
                loaded.sources.files[*id].text = String::new();
            }
        }
        parsed.extend(batch_parsed);
    }
    for (rel, path, target) in escapes {
        let id = loaded.sources.add(SourceFile { rel, path, text: String::new(), yaml_offset: 0 });
        diags.push(
            Diagnostic::error(
                "path-outside-content",
                Some(Span { file: id, offset: 0, len: 0 }),
                format!("this symbolic link leads outside content/, to {target}"),
            )
            .with_help("copy the file into content/ instead of linking to it"),
        );
    }

    let mut site = None;
    let mut people = Vec::new();
    let mut committees = Vec::new();
    let mut meetings: BTreeMap<(String, String), Option<(FileId, MeetingFile)>> = BTreeMap::new();
    let mut reports: HashMap<(String, String), Vec<Report>> = HashMap::new();
    let mut minutes: HashMap<(String, String), Minutes> = HashMap::new();
    for ((_, kind), (p, d)) in kinds.iter().zip(parsed) {
        diags.extend(d);
        match p {
            Parsed::Nothing => {
                if let Some(b) = kind.id() {
                    loaded.broken.insert(b);
                }
                if let Kind::Meeting(c, d) = kind {
                    meetings.entry((c.clone(), d.clone())).or_insert(None);
                }
            }
            Parsed::Site(s) => site = Some(s),
            Parsed::Person(p) => people.push(p),
            Parsed::Committee(c) => committees.push(c),
            Parsed::Meeting(c, d, id, m) => {
                meetings.insert((c, d), Some((id, m)));
            }
            // The model keeps where the body is, not its text (see `Body`); the text was freed
            // after its batch was parsed.
            Parsed::Report(c, d, r) => reports.entry((c, d)).or_default().push(r),
            Parsed::Minutes(c, d, mut m) => {
                m.body = take_body(&mut loaded.sources, m.file, m.body_offset);
                minutes.insert((c, d), m);
            }
            Parsed::WorkProgramme(w) => loaded.content.work_programmes.push(w),
            Parsed::PlanEntry(e) => loaded.content.forward_plan.push(e),
            Parsed::Decision(x) => loaded.content.officer_decisions.push(x),
            Parsed::Matter(x) => loaded.content.matters.push(x),
        }
    }

    match site {
        Some(s) => loaded.content.site = s,
        None => {
            if !diags.has_errors() || !loaded.sources.files.iter().any(|f| f.rel == "site.yaml") {
                diags.push(
                    Diagnostic::error("site-missing", None, "content/site.yaml is missing")
                        .with_help("create content/site.yaml with the authority's name, short_name, base_url, democratic_services and licence"),
                );
            }
        }
    }

    // Reports and minutes belong to a meeting folder that must have a meeting.yaml.
    let orphan = |diags: &mut Diagnostics, file: FileId, what: &str| {
        diags.push(
            Diagnostic::error(
                "meeting-missing",
                Some(Span { file, offset: 0, len: 0 }),
                format!("this {what} is in a folder with no meeting.yaml"),
            )
            .with_help(
                "add meeting.yaml to the meeting folder, or move the file into the right meeting folder",
            ),
        );
    };
    for (key, rs) in &reports {
        if !meetings.contains_key(key) {
            for r in rs {
                orphan(&mut diags, r.file, "report");
            }
        }
    }
    for (key, m) in &minutes {
        if !meetings.contains_key(key) {
            orphan(&mut diags, m.file, "minutes file");
        }
    }

    for ((committee, date_text), m) in meetings {
        let Some((file, data)) = m else {
            // The meeting could not be read, so neither can its papers be linked: references to
            // them are not reported again.
            let key = (committee, date_text);
            for r in reports.remove(&key).unwrap_or_default() {
                loaded.broken.insert(format!("{}/{}/{}", key.0, key.1, r.slug));
            }
            if minutes.remove(&key).is_some() {
                loaded.broken.insert(format!("{}/{}/minutes", key.0, key.1));
            }
            continue;
        };
        let date = match date_text.parse::<jiff::civil::Date>() {
            Ok(d) if d.to_string() == date_text => d,
            _ => {
                diags.push(
                    Diagnostic::error(
                        "meeting-folder-date",
                        Some(Span { file, offset: 0, len: 0 }),
                        format!(
                            "the meeting folder name `{date_text}` is not a real date in the form yyyy-mm-dd"
                        ),
                    )
                    .with_help("name each meeting folder after the meeting's date, for example 2025-06-10"),
                );
                continue;
            }
        };
        let key = (committee.clone(), date_text);
        let mut rs = reports.remove(&key).unwrap_or_default();
        rs.sort_by(|a, b| a.slug.cmp(&b.slug));
        let mins = minutes.remove(&key);
        loaded.content.meetings.push(Meeting { committee, date, file, data, reports: rs, minutes: mins });
    }

    loaded.content.work_programmes.sort_by(|a, b| a.committee.cmp(&b.committee));
    loaded.content.forward_plan.sort_by(|a, b| a.slug.cmp(&b.slug));
    loaded.content.officer_decisions.sort_by(|a, b| a.slug.cmp(&b.slug));
    loaded.content.matters.sort_by(|a, b| a.slug.cmp(&b.slug));
    people.sort_by(|a: &Person, b| a.slug.cmp(&b.slug));
    committees.sort_by(|a: &Committee, b| a.slug.cmp(&b.slug));
    loaded.content.people = people;
    loaded.content.committees = committees;

    // Appendices: resolve paths now that all files are known. Markdown appendices' texts are
    // moved out of the sources here and hashed and scanned for links afterwards, in parallel.
    let rel_index: HashMap<String, FileId> =
        loaded.sources.files.iter().enumerate().map(|(i, f)| (f.rel.clone(), i)).collect();
    let mut appendix_diags = Diagnostics::default();
    // A Markdown appendix's file and text, for each appendix pushed below, in order.
    let mut texts_in_order: Vec<Option<(FileId, String)>> = Vec::new();
    for meeting in &mut loaded.content.meetings {
        for report in &mut meeting.reports {
            let from = loaded.sources.files[report.file].rel.clone();
            for a in &report.front.appendices {
                let span = loaded.sources.span_of(report.file, &a.file.referenced);
                let appendix = |path: String, bytes: u64| Appendix {
                    exempt: a.exempt_paragraph.as_ref().map(|p| p.value),
                    public_title: a.public_title.clone(),
                    title: a.title.clone(),
                    bytes,
                    markdown: None,
                    path,
                };
                match resolve_relative(&from, &a.file.value) {
                    Err(d) => appendix_diags.push(d.at(span)),
                    Ok(rel) => {
                        if let Some(&fid) = rel_index.get(rel.as_str()) {
                            // Moved, not copied, out of the sources, which keep file names
                            // only; an appendix shared by two reports is read again.
                            let text = match std::mem::take(&mut loaded.sources.files[fid].text) {
                                t if !t.is_empty() => t,
                                _ => loaded.sources.read_again(fid),
                            };
                            report.appendices.push(appendix(rel, 0));
                            texts_in_order.push(Some((fid, text)));
                        } else if let Some(&bytes) = loaded.assets.get(&rel) {
                            report.appendices.push(appendix(rel, bytes));
                            texts_in_order.push(None);
                        } else {
                            appendix_diags.push(paths::missing_file(span, &rel, &loaded.assets));
                        }
                    }
                }
            }
        }
    }
    // Every report's appendices are the ones pushed above, so in the same order.
    let appendices =
        loaded.content.meetings.iter_mut().flat_map(|m| &mut m.reports).flat_map(|r| &mut r.appendices);
    let texts: Vec<(&mut Appendix, FileId, String)> =
        appendices.zip(texts_in_order).filter_map(|(a, t)| t.map(|(fid, text)| (a, fid, text))).collect();
    let files = &loaded.sources.files;
    texts.into_par_iter().for_each(|(a, fid, text)| {
        let hash = crate::model::text_hash(&text);
        let links = scans.appendix(&text, &hash);
        a.markdown = Some(crate::model::AppendixText::new(fid, &files[fid].path, text, hash, links));
    });
    diags.extend(appendix_diags);
    loaded.diagnostics = diags;
    loaded
}

// One per file and short-lived: boxing would only add allocations.
#[allow(clippy::large_enum_variant)]
/// Moves the body of a Markdown file (its text after the front matter) out of the sources, so
/// that an archive's papers are held once, not twice. The sources read the text again from disk
/// if a diagnostic has to show it ([`Sources::restore_texts_of`]).
fn take_body(sources: &mut Sources, file: FileId, body_offset: usize) -> String {
    let mut text = std::mem::take(&mut sources.files[file].text);
    text.drain(..body_offset.min(text.len()));
    text
}

/// The byte offset at which a line (counted from 1) starts.
fn line_start(text: &str, line: usize) -> usize {
    text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum()
}

/// Reads and verifies `content/publication-record.jsonl`, if there is one.
pub fn publication_record(loaded: &mut Loaded) {
    use crate::access::record;
    if !loaded.assets.contains_key(record::FILE) {
        return;
    }
    let path = loaded.content_dir.join(record::FILE);
    let text = match fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            loaded.diagnostics.push(Diagnostic::error(
                "io",
                None,
                format!("cannot read content/{}: {e}", record::FILE),
            ));
            return;
        }
    };
    match record::parse(&text) {
        Ok(entries) => loaded.publication = entries,
        Err(problems) => {
            let file = loaded.sources.add(SourceFile {
                rel: record::FILE.into(),
                path,
                text: text.clone(),
                yaml_offset: 0,
            });
            for (line, message) in problems {
                let offset = line_start(&text, line);
                loaded.diagnostics.push(
                    Diagnostic::error("publication-record", Some(Span { file, offset, len: 1 }), message).with_help(
                        "the publication record is written only by `agendum publish`; restore it from version control \
                         rather than editing it",
                    ),
                );
            }
        }
    }
}

/// The working-day calendar: England and Wales bank holidays plus any in
/// `content/bank-holidays.txt`.
pub fn calendar(loaded: &mut Loaded) -> crate::dates::Calendar {
    let region = loaded.content.site.bank_holidays;
    const NAME: &str = "bank-holidays.txt";
    if !loaded.assets.contains_key(NAME) {
        return crate::dates::Calendar::for_region(region, []);
    }
    let path = loaded.content_dir.join(NAME);
    let text = match fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            loaded.diagnostics.push(Diagnostic::error(
                "io",
                None,
                format!("cannot read content/{NAME}: {e}"),
            ));
            return crate::dates::Calendar::for_region(region, []);
        }
    };
    let (dates, bad) = crate::dates::parse_holidays(&text);
    if !bad.is_empty() {
        let file =
            loaded.sources.add(SourceFile { rel: NAME.into(), path, text: text.clone(), yaml_offset: 0 });
        for (line, _) in bad {
            let offset = line_start(&text, line);
            loaded.diagnostics.push(
                Diagnostic::error(
                    "bad-date",
                    Some(Span { file, offset, len: 10 }),
                    "this line does not start with a date",
                )
                .with_help("write one bank holiday a line: the date as yyyy-mm-dd, a space, and its name"),
            );
        }
    }
    crate::dates::Calendar::for_region(region, dates)
}

// One per file and short-lived: boxing would only add allocations.
#[allow(clippy::large_enum_variant)]
enum Parsed {
    Nothing,
    Site(Site),
    Person(Person),
    Committee(Committee),
    Meeting(String, String, FileId, MeetingFile),
    Report(String, String, Report),
    Minutes(String, String, Minutes),
    WorkProgramme(WorkProgramme),
    PlanEntry(PlanEntry),
    Decision(OfficerDecision),
    Matter(Matter),
}

fn slug_problem(sources: &Sources, file: FileId, slug: &str, what: &str) -> Option<Diagnostic> {
    if crate::slugs::is_slug(slug) {
        return None;
    }
    Some(
        Diagnostic::error(
            "bad-slug",
            Some(Span { file, offset: 0, len: 0 }),
            format!("`{slug}` cannot be used as a {what} id: ids are lower-case letters, digits and hyphens"),
        )
        .with_help(format!(
            "rename content/{} to use `{}`",
            sources.files[file].rel,
            crate::slugs::slugify(slug)
        )),
    )
}

fn parse_file(sources: &Sources, id: FileId, kind: &Kind, scans: &Scans) -> (Parsed, Diagnostics) {
    let mut diags = Diagnostics::default();
    let text = &sources.files[id].text;
    let parsed = match kind {
        Kind::Site => yaml::parse::<Site>(sources, id, text).map(Parsed::Site),
        Kind::Person(slug) => {
            if let Some(d) = slug_problem(sources, id, slug, "person") {
                diags.push(d);
            }
            yaml::parse::<PersonFile>(sources, id, text)
                .map(|data| Parsed::Person(Person { slug: slug.clone(), file: id, data }))
        }
        Kind::Committee(slug) => {
            if let Some(d) = slug_problem(sources, id, slug, "committee") {
                diags.push(d);
            }
            yaml::parse::<CommitteeFile>(sources, id, text).map(|data| {
                let years = data
                    .membership
                    .iter()
                    .map(|m| {
                        let y = MunicipalYear::parse(&m.year.value);
                        if y.is_none() {
                            diags.push(
                                Diagnostic::error(
                                    "bad-municipal-year",
                                    Some(sources.span_of(id, &m.year.referenced)),
                                    format!("`{}` is not a municipal year", m.year.value),
                                )
                                .with_help("write the municipal year as \"2025/26\" (in quotes)"),
                            );
                        }
                        y
                    })
                    .collect();
                Parsed::Committee(Committee { slug: slug.clone(), file: id, data, years })
            })
        }
        Kind::Meeting(c, d) => yaml::parse::<MeetingFile>(sources, id, text)
            .map(|m| Parsed::Meeting(c.clone(), d.clone(), id, m)),
        Kind::Report(c, d, slug) => {
            if let Some(dg) = slug_problem(sources, id, slug, "report") {
                diags.push(dg);
            }
            yaml::parse_front_matter::<ReportFront>(sources, id, text).map(|(front, body, body_offset)| {
                let hash = crate::model::text_hash(body);
                let (sections, links) = scans.report_body(body, &hash);
                Parsed::Report(
                    c.clone(),
                    d.clone(),
                    Report {
                        slug: slug.clone(),
                        file: id,
                        front,
                        body: crate::model::Body::in_file(
                            &sources.files[id].path,
                            body_offset,
                            text.len(),
                            hash,
                        ),
                        links,
                        body_offset,
                        sections,
                        appendices: Vec::new(),
                    },
                )
            })
        }
        Kind::Minutes(c, d) => {
            yaml::parse_front_matter::<MinutesFront>(sources, id, text).map(|(front, body, body_offset)| {
                let (preamble, list, mut d2) = minutes::parse_body(id, body, body_offset);
                diags.extend(std::mem::take(&mut d2));
                Parsed::Minutes(
                    c.clone(),
                    d.clone(),
                    // The body is moved out of the file's text after parsing (see `take_body`).
                    Minutes { file: id, front, body: String::new(), body_offset, preamble, minutes: list },
                )
            })
        }
        Kind::WorkProgramme(c) => yaml::parse::<WorkProgrammeFile>(sources, id, text)
            .map(|data| Parsed::WorkProgramme(WorkProgramme { committee: c.clone(), file: id, data })),
        Kind::PlanEntry(slug) => yaml::parse::<PlanEntryFile>(sources, id, text).map(|data| {
            let wanted = crate::slugs::slugify(&data.reference.value);
            if &wanted != slug {
                diags.push(
                    Diagnostic::error(
                        "plan-file-name",
                        Some(sources.span_of(id, &data.reference.referenced)),
                        format!("the entry `{}` is in forward-plan/{slug}.yaml", data.reference.value),
                    )
                    .with_help(format!(
                        "name the file after its reference, forward-plan/{wanted}.yaml, so that its address stays the same"
                    )),
                );
            }
            Parsed::PlanEntry(PlanEntry { slug: slug.clone(), file: id, data })
        }),
        Kind::Decision(slug) => {
            if let Some(d) = slug_problem(sources, id, slug, "decision") {
                diags.push(d);
            }
            yaml::parse::<DecisionFile>(sources, id, text)
                .map(|data| Parsed::Decision(OfficerDecision { slug: slug.clone(), file: id, data }))
        }
        Kind::Matter(slug) => {
            if let Some(d) = slug_problem(sources, id, slug, "matter") {
                diags.push(d);
            }
            yaml::parse::<MatterFile>(sources, id, text)
                .map(|data| Parsed::Matter(Matter { slug: slug.clone(), file: id, data }))
        }
        Kind::Other => {
            if is_yaml(&sources.files[id].rel) {
                diags.push(
                    Diagnostic::warning(
                        "unknown-file",
                        Some(Span { file: id, offset: 0, len: 0 }),
                        "this YAML file is not where Agendum looks for content, so it is ignored",
                    )
                    .with_help(
                        "content files are site.yaml, people/<slug>.yaml, committees/<slug>/committee.yaml, \
                         committees/<slug>/work-programme.yaml, committees/<slug>/<yyyy-mm-dd>/meeting.yaml, \
                         forward-plan/<reference>.yaml, decisions/<slug>.yaml and matters/<slug>.yaml",
                    ),
                );
            }
            Ok(Parsed::Nothing)
        }
    };
    match parsed {
        Ok(p) => (p, diags),
        Err(d) => {
            diags.push(d);
            (Parsed::Nothing, diags)
        }
    }
}
