//! `agendum new`: scaffolding. Each command works out, from the real loaded and linked content,
//! what to write — a [`Plan`] of files with their contents and a summary for the clerk — and
//! [`write`] writes it, refusing to overwrite any file that already exists.
//!
//! - [`site`]: a minimal working site (`new site DIR`);
//! - [`meeting`]: a meeting folder with the committee's standing items (`new meeting`);
//! - [`report`]: a report from the council's template, added to the agenda (`new report`);
//! - [`minutes`]: minutes pre-filled from the agenda and the membership (`new minutes`).

pub mod meeting;
pub mod minutes;
pub mod report;
pub mod site;

use std::fmt;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::diagnostics::{Severity, closest};
use crate::link::{Graph, MeetingIx};
use crate::load::Loaded;
use crate::model::{MeetingStatus, MinuteNumbering, MunicipalYear};

/// A problem that stops a scaffolding command: what is wrong and how to put it right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// What is wrong, naming the file or id concerned.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

impl Error {
    fn new(message: impl Into<String>) -> Self {
        Error { message: message.into(), help: None }
    }

    fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message)?;
        if let Some(h) = &self.help {
            write!(f, "\n  help: {h}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// How a file of a plan is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A new file; refused if anything is already at the path.
    Create,
    /// An existing file is rewritten; refused if it no longer holds `was`.
    Update {
        /// The text the plan was made from.
        was: String,
    },
}

/// One file to write.
#[derive(Debug, Clone)]
pub struct FileChange {
    /// Where.
    pub path: PathBuf,
    /// The whole new text.
    pub contents: String,
    /// Create or update.
    pub change: Change,
}

/// What a command will write, and what to tell the clerk.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// The files, in the order they are written.
    pub files: Vec<FileChange>,
    /// What was worked out (the previous meeting, the minute numbers, defaults used).
    pub notes: Vec<String>,
    /// What to do next.
    pub next: Vec<String>,
}

impl Plan {
    fn create(&mut self, path: PathBuf, contents: String) {
        self.files.push(FileChange { path, contents, change: Change::Create });
    }

    /// The report printed after writing: each file, the notes and the next steps.
    pub fn describe(&self) -> String {
        let mut out = String::new();
        for f in &self.files {
            let verb = match f.change {
                Change::Create => "created",
                Change::Update { .. } => "updated",
            };
            out.push_str(&format!("{verb} {}\n", f.path.display()));
        }
        for n in &self.notes {
            out.push_str(&format!("note: {n}\n"));
        }
        for n in &self.next {
            out.push_str(&format!("next: {n}\n"));
        }
        out
    }
}

/// Writes a plan: first checks that no file to create exists and that no file to update has
/// changed, so that nothing is written unless everything can be; then writes every file.
pub fn write(plan: &Plan) -> Result<(), Error> {
    for f in &plan.files {
        match &f.change {
            Change::Create => {
                if std::fs::symlink_metadata(&f.path).is_ok() {
                    return Err(Error::new(format!("{} already exists", f.path.display())).help(
                        "agendum new never overwrites a file: choose another name or date, or move the existing file \
                         out of the way first",
                    ));
                }
            }
            Change::Update { was } => {
                let now = std::fs::read_to_string(&f.path)
                    .map_err(|e| Error::new(format!("cannot read {}: {e}", f.path.display())))?;
                if &now != was {
                    return Err(Error::new(format!(
                        "{} changed while agendum new was running",
                        f.path.display()
                    ))
                    .help("run the command again"));
                }
            }
        }
    }
    for f in &plan.files {
        if let Some(dir) = f.path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| Error::new(format!("cannot create the folder {}: {e}", dir.display())))?;
        }
        let result = match f.change {
            Change::Create => {
                use std::io::Write;
                std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(&f.path)
                    .and_then(|mut file| file.write_all(f.contents.as_bytes()))
            }
            Change::Update { .. } => std::fs::write(&f.path, &f.contents),
        };
        result.map_err(|e| Error::new(format!("cannot write {}: {e}", f.path.display())))?;
    }
    Ok(())
}

/// The loaded and linked content of a site, for the commands that add to one.
pub struct Context {
    /// The site folder (holding `content/`).
    pub root: PathBuf,
    /// Everything read.
    pub loaded: Loaded,
    /// Everything linked.
    pub graph: Graph,
    /// Working days, for the agenda publication date.
    pub calendar: crate::dates::Calendar,
    /// How many errors loading and linking found (the rules of `agendum check` are not run).
    pub errors: usize,
}

impl Context {
    /// Loads and links `root/content`. Problems in the content are not errors here (the
    /// commands need only the records they use), except a missing content folder or site.yaml.
    pub fn load(root: &Path, today: Date) -> Result<Context, Error> {
        let mut loaded = crate::load::load(&root.join("content"));
        if let Some(d) =
            loaded.diagnostics.0.iter().find(|d| {
                d.severity == Severity::Error && matches!(d.code, "content-missing" | "site-missing")
            })
        {
            let mut e = Error::new(d.message.clone());
            e.help = d.help.clone().or_else(|| Some("pass the site folder with --root DIR".into()));
            return Err(e);
        }
        let calendar = crate::load::calendar(&mut loaded);
        let (graph, link_diags) = crate::link::link(&loaded, today, &calendar);
        let errors = loaded.diagnostics.error_count() + link_diags.error_count();
        Ok(Context { root: root.to_path_buf(), loaded, graph, calendar, errors })
    }

    /// A plan made from content with errors may have missed records: say so.
    fn caution(&self, plan: &mut Plan) {
        if self.errors > 0 {
            plan.notes.push(format!(
                "the content has {} error(s), so a file Agendum could not read may be missing from what was worked \
                 out here: run `agendum check`",
                self.errors
            ));
        }
    }

    /// The index of a committee, or an error with a suggestion.
    pub fn committee(&self, slug: &str) -> Result<usize, Error> {
        if let Some(&c) = self.graph.committees.get(slug) {
            return Ok(c);
        }
        if self.loaded.broken.contains(slug) {
            return Err(Error::new(format!("content/committees/{slug}/committee.yaml cannot be read"))
                .help("run `agendum check` to see what is wrong with it, and fix it first"));
        }
        let slugs = self.loaded.content.committees.iter().map(|c| c.slug.as_str());
        let e = Error::new(format!("there is no committee `{slug}`"));
        Err(match closest(slug, slugs.clone()) {
            Some(c) => {
                e.help(format!("did you mean `{c}`? Committees are the folder names in content/committees/"))
            }
            None => e.help(format!("the committees are: {}", slugs.collect::<Vec<_>>().join(", "))),
        })
    }

    /// The index of a meeting named `committee/yyyy-mm-dd`, or an error with a suggestion.
    pub fn meeting(&self, id: &str) -> Result<MeetingIx, Error> {
        if let Some(m) = self.graph.meeting(id) {
            return Ok(m);
        }
        let Some((committee, date)) = id.split_once('/') else {
            return Err(Error::new(format!("`{id}` is not a meeting id"))
                .help("name a meeting as committee/yyyy-mm-dd, for example cabinet/2026-06-16"));
        };
        let c = self.committee(committee)?;
        if self.loaded.broken.contains(id) {
            return Err(Error::new(format!("content/committees/{id}/meeting.yaml cannot be read"))
                .help("run `agendum check` to see what is wrong with it, and fix it first"));
        }
        let ids: Vec<String> =
            self.graph.committee_meetings[c].iter().map(|&m| self.loaded.content.meetings[m].id()).collect();
        let e = Error::new(format!("there is no meeting `{id}`"));
        if let Some(s) = closest(id, ids.iter().map(String::as_str)) {
            return Err(e.help(format!("did you mean `{s}`?")));
        }
        let hint = match date.parse::<Date>() {
            Ok(_) => format!("create it with `agendum new meeting {committee} {date}`"),
            Err(_) => "write the date as yyyy-mm-dd".to_string(),
        };
        let recent: Vec<&str> = ids.iter().rev().take(5).map(String::as_str).collect();
        Err(e.help(if recent.is_empty() {
            format!("{committee} has no meetings yet; {hint}")
        } else {
            format!("{hint}; the latest meetings of {committee} are {}", recent.join(", "))
        }))
    }

    /// The municipal year of a date.
    pub fn year_of(&self, date: Date) -> MunicipalYear {
        MunicipalYear::of(date, self.loaded.content.site.municipal_year_start_month)
    }

    /// The committee's latest meeting before `date` that was not cancelled or postponed: the
    /// one whose minutes the meeting on `date` approves.
    pub fn previous_meeting(&self, committee: usize, date: Date) -> Option<MeetingIx> {
        self.graph.committee_meetings[committee].iter().rev().copied().find(|&m| {
            let meeting = &self.loaded.content.meetings[m];
            meeting.date < date
                && !matches!(meeting.data.status, MeetingStatus::Cancelled | MeetingStatus::Postponed)
        })
    }

    /// The first minute number of the committee's meeting on `date`.
    pub fn next_minute(&self, committee: usize, date: Date) -> NextMinute {
        let content = &self.loaded.content;
        let per_year = content.site.minute_numbering == MinuteNumbering::MunicipalYear;
        let year = self.year_of(date);
        let earlier: Vec<MeetingIx> = self.graph.committee_meetings[committee]
            .iter()
            .copied()
            .filter(|&m| {
                let meeting = &content.meetings[m];
                meeting.date < date
                    && (!per_year || self.year_of(meeting.date) == year)
                    && !matches!(meeting.data.status, MeetingStatus::Cancelled | MeetingStatus::Postponed)
            })
            .collect();
        let mut highest = 0;
        let mut last_minuted = None;
        for (i, &m) in earlier.iter().enumerate() {
            if let Some(min) = &content.meetings[m].minutes {
                if let Some(n) = min.minutes.iter().map(|x| x.number).max() {
                    highest = highest.max(n);
                    last_minuted = Some(i);
                }
            }
        }
        // Meetings after the last one with minutes have not been minuted yet: count one minute
        // for each of their agenda items, as `agendum new minutes` will write them.
        let mut assumed = Vec::new();
        let mut extra = 0;
        for &m in &earlier[last_minuted.map_or(0, |i| i + 1)..] {
            let meeting = &content.meetings[m];
            if meeting.minutes.is_none() && !meeting.data.agenda.is_empty() {
                extra += meeting.data.agenda.len() as u32;
                assumed.push((meeting.date, meeting.data.agenda.len()));
            }
        }
        let number = highest + extra + 1;
        let period = if per_year {
            format!("the {} municipal year", year.label())
        } else {
            "the committee's minutes (numbering is continuous)".to_string()
        };
        let mut basis = if highest == 0 && extra == 0 {
            if per_year {
                format!("the first minutes of {period}, so numbering starts at 1")
            } else {
                "the committee's first minutes, so numbering starts at 1".to_string()
            }
        } else if highest > 0 {
            format!("numbers run on through {period}, and the highest used so far is {highest}")
        } else {
            format!("numbers run on through {period}")
        };
        for (d, n) in assumed {
            basis.push_str(&format!(
                "; the meeting on {} has no minutes yet, so one minute is assumed for each of its {n} agenda items",
                day(d)
            ));
        }
        // Later meetings of the period that already have minutes will clash with these.
        let later = self.graph.committee_meetings[committee].iter().copied().find(|&m| {
            let meeting = &content.meetings[m];
            meeting.date > date
                && (!per_year || self.year_of(meeting.date) == year)
                && meeting.minutes.is_some()
        });
        if let Some(m) = later {
            let meeting = &content.meetings[m];
            let first = meeting.minutes.iter().flat_map(|x| &x.minutes).map(|x| x.number).min().unwrap_or(0);
            basis.push_str(&format!(
                "; but the minutes of the later meeting on {} already start at minute {first}, so one set will have \
                 to be renumbered",
                day(meeting.date)
            ));
        }
        NextMinute { number, basis }
    }
}

/// The first minute number of a meeting, and how it was worked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextMinute {
    /// The number.
    pub number: u32,
    /// Why, for the clerk.
    pub basis: String,
}

/// "18 November 2025".
pub fn day(d: Date) -> String {
    crate::render::format::Day::of(d).text
}

/// The standing items' placeholders filled in: `{previous_date}`, `{date}` and `{year}`. An
/// unknown `{name}` is an error, so that a mistyped placeholder never reaches an agenda.
fn fill(text: &str, values: &[(&str, String)], committee_file: &str) -> Result<String, Error> {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let end = after
            .find('}')
            .filter(|&e| after[..e].bytes().all(|b| b.is_ascii_lowercase() || b == b'_') && e > 0);
        match end {
            Some(e) => {
                let name = &after[..e];
                match values.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        return Err(Error::new(format!(
                            "the standing item text `{text}` in {committee_file} has an unknown placeholder `{{{name}}}`"
                        ))
                        .help("the placeholders are {previous_date}, {date} and {year}"));
                    }
                }
                rest = &after[e + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Ok(out)
}

/// A YAML scalar for `text`: plain where that reads back as the same string, otherwise
/// double-quoted.
fn scalar(text: &str) -> String {
    let plain = !text.is_empty()
        && text.trim() == text
        && !text.contains(['\n', '"', '\\', '\t'])
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.ends_with(':')
        && text.chars().next().is_some_and(|c| c.is_alphabetic() || c == '(')
        && !matches!(
            text.to_ascii_lowercase().as_str(),
            "yes" | "no" | "true" | "false" | "null" | "on" | "off" | "y" | "n" | "~"
        );
    if plain {
        return text.to_string();
    }
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `key: value` at an indentation, folding long text (`>-`) and keeping line breaks (`|-`) in
/// text that has them.
fn field(out: &mut String, indent: usize, key: &str, value: &str) {
    let pad = " ".repeat(indent);
    let one_line = format!("{pad}{key}: {}", scalar(value));
    if value.contains('\n') {
        out.push_str(&format!("{pad}{key}: |-\n"));
        for line in value.trim_end().lines() {
            if line.is_empty() {
                out.push('\n');
            } else {
                out.push_str(&format!("{pad}  {line}\n"));
            }
        }
    } else if one_line.chars().count() <= 100 || value.trim() != value {
        out.push_str(&one_line);
        out.push('\n');
    } else {
        out.push_str(&format!("{pad}{key}: >-\n"));
        let mut line = String::new();
        for word in value.split(' ') {
            if !line.is_empty() && pad.len() + 2 + line.chars().count() + 1 + word.chars().count() > 96 {
                out.push_str(&format!("{pad}  {line}\n"));
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push_str(&format!("{pad}  {line}\n"));
    }
}

/// Reads text back as the record it should be, to be sure a generated file parses.
fn parses<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<(), Error> {
    serde_saphyr::from_str::<T>(text).map(|_| ()).map_err(|e| {
        Error::new(format!("agendum made a {what} it cannot read back: {e}"))
            .help("this is a bug in agendum; please report it with the command you ran")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_read_back_as_written() {
        #[derive(serde::Deserialize)]
        struct T {
            v: String,
        }
        for s in [
            "Apologies for absence",
            "Appendix A: Audits",
            "26/00512/FUL – Former Riverside Works",
            "yes",
            "Say \"no\" # not a comment",
            "2026-01-20",
            "@cabinet",
            "[draft]",
            "Work Programme 2026/27",
            "a\\b",
        ] {
            let mut out = String::new();
            field(&mut out, 0, "v", s);
            let t: T = serde_saphyr::from_str(&out).unwrap();
            assert_eq!(t.v, s, "{out}");
        }
    }

    #[test]
    fn long_text_is_folded_and_reads_back() {
        #[derive(serde::Deserialize)]
        struct T {
            v: String,
        }
        let s = "To receive any declarations of disclosable pecuniary interests, other registrable \
                 interests or non-registrable interests in matters on the agenda, and any declarations of a party whip.";
        let mut out = String::new();
        field(&mut out, 4, "v", s);
        assert!(out.contains(">-"), "{out}");
        let t: T = serde_saphyr::from_str(out.trim_start()).unwrap();
        assert_eq!(t.v, s);
    }

    #[test]
    fn placeholders_are_filled_and_unknown_ones_refused() {
        let v = [("year", "2026/27".to_string()), ("previous_date", "7 July 2026".into())];
        assert_eq!(fill("Work Programme {year}", &v, "c").unwrap(), "Work Programme 2026/27");
        assert_eq!(fill("held on {previous_date}.", &v, "c").unwrap(), "held on 7 July 2026.");
        assert_eq!(fill("a {b c} d", &v, "c").unwrap(), "a {b c} d");
        let e = fill("held on {previous}", &v, "committee.yaml").unwrap_err();
        assert!(e.message.contains("{previous}") && e.message.contains("committee.yaml"));
    }
}
