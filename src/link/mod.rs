//! Stage 3: resolve every reference once into a [`Graph`] of indices and backlinks.
//!
//! Ids are the ones content authors write: a person or committee slug (`priya-shah`,
//! `cabinet`), a meeting (`cabinet/2025-06-10`), an agenda item (`cabinet/2025-06-10#3`), a
//! report (`cabinet/2025-06-10/budget-monitoring`), minutes (`cabinet/2025-06-10/minutes`) and
//! one minute (`cabinet/2025-06-10/minutes#45`). In Markdown they are link destinations with an
//! `@` in front. Every lookup is a hash lookup, so linking is linear in the size of the content.

mod records;
mod refs;

use std::collections::{BTreeSet, HashMap};

use jiff::civil::Date;
use serde_saphyr::Spanned;

use crate::diagnostics::{Diagnostic, Diagnostics, Span, closest};
use crate::load::Loaded;
use crate::model::{Content, FileId, MunicipalYear, Person};

pub use records::{
    CallInState, DecisionRecord, DecisionSource, Maker, MatterRecord, MonitorKey, Node, OriginLink, Records,
    Taken, WorkKey, WorkTarget, title_from_slug,
};
pub use refs::{MarkdownLink, Target, is_external, markdown_links};

/// Index of a meeting in `content.meetings`.
pub type MeetingIx = usize;
/// A report: (meeting, index in that meeting's `reports`).
pub type ReportKey = (MeetingIx, usize);
/// An agenda item: (meeting, index in that meeting's agenda).
pub type ItemKey = (MeetingIx, usize);
/// A minute: (meeting, index in that meeting's minutes list).
pub type MinuteKey = (MeetingIx, usize);

/// How a person took part in a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Attendance {
    /// Present.
    Present,
    /// Present as a substitute.
    Substitute,
    /// Sent apologies.
    Apologies,
    /// A member of the committee who was neither present nor sent apologies.
    Absent,
    /// Attended without being a member (a portfolio holder, another councillor).
    AlsoPresent,
    /// Attended as an officer.
    Officer,
}

/// Everything resolved: indices into [`Content`] and the backlinks between records.
#[derive(Debug, Default)]
pub struct Graph {
    /// Person index by slug.
    pub people: HashMap<String, usize>,
    /// Committee index by slug.
    pub committees: HashMap<String, usize>,
    /// Meeting index by `committee/yyyy-mm-dd`.
    pub meetings: HashMap<String, MeetingIx>,
    /// Meetings of each committee, in date order.
    pub committee_meetings: Vec<Vec<MeetingIx>>,
    /// Municipal year of each meeting.
    pub meeting_year: Vec<MunicipalYear>,
    /// For each meeting's agenda item, the reports it considers (resolved).
    pub item_reports: HashMap<ItemKey, Vec<ReportKey>>,
    /// For each report, the agenda items that considered it (the backlink).
    pub report_items: HashMap<ReportKey, Vec<ItemKey>>,
    /// The minute recording each agenda item.
    pub item_minute: HashMap<ItemKey, MinuteKey>,
    /// The agenda item each minute records.
    pub minute_item: HashMap<MinuteKey, ItemKey>,
    /// "Minutes of the previous meeting": the item that approves a meeting's minutes.
    pub minutes_approved_by_item: HashMap<MeetingIx, ItemKey>,
    /// The meeting whose minutes an item confirms.
    pub item_minutes_of: HashMap<ItemKey, MeetingIx>,
    /// Meetings each person attended, sent apologies to, or missed, in date order.
    pub person_meetings: Vec<Vec<(MeetingIx, Attendance)>>,
    /// Reports each person wrote.
    pub person_reports: Vec<Vec<ReportKey>>,
    /// Agenda items each person presented (explicitly, or as author of the item's report).
    pub person_items: Vec<Vec<ItemKey>>,
    /// Agenda items that are exempt (Part 2).
    pub exempt_items: BTreeSet<ItemKey>,
    /// Minutes that are exempt: those of Part 2 items, and those marked `{exempt=N}`.
    pub exempt_minutes: BTreeSet<MinuteKey>,
    /// Reports that are exempt: marked so, or considered only under Part 2 items.
    pub exempt_reports: BTreeSet<ReportKey>,
    /// Files (paths relative to `content/`) that public pages link to, to be copied.
    pub public_files: BTreeSet<String>,
    /// Every file any page links to, exempt or not (copied in the members' edition).
    pub all_files: BTreeSet<String>,
    /// Files that are exempt: never copied to the public edition, whatever links to them.
    pub exempt_files: BTreeSet<String>,
    /// Work programmes, the forward plan, decisions and matters.
    pub records: Records,
    /// The date the build treats as today (for the forward plan window and call-in). Read it
    /// through [`Graph::as_of`], which notes the read for `render::reuse`.
    as_of: Option<Date>,
}

thread_local! {
    /// Whether [`Graph::as_of`] was read on this thread since [`took_as_of`] last asked.
    static AS_OF_READ: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether [`Graph::as_of`] was read on this thread since the last call, which clears it. A
/// rebuild renders again only the pages that read the date (the meetings page, the forward
/// plan, decisions, a meeting whose agenda is due), so a new day does not re-render the archive.
pub fn took_as_of() -> bool {
    AS_OF_READ.with(|r| r.replace(false))
}

impl Graph {
    /// The date the build treats as today; the read is noted on this thread (see
    /// [`took_as_of`]).
    pub fn as_of(&self) -> Option<Date> {
        AS_OF_READ.with(|r| r.set(true));
        self.as_of
    }

    /// The date the build treats as today, without noting the read: for what is compared as a
    /// whole (the feeds and open data) and for the comparison itself.
    pub fn as_of_quietly(&self) -> Option<Date> {
        self.as_of
    }

    /// The files an edition copies.
    pub fn files_for(&self, edition: crate::access::Edition) -> &BTreeSet<String> {
        match edition {
            crate::access::Edition::Public => &self.public_files,
            crate::access::Edition::Members => &self.all_files,
        }
    }

    /// The meeting with an id, if any.
    pub fn meeting(&self, id: &str) -> Option<MeetingIx> {
        self.meetings.get(id).copied()
    }

    /// Whether a minute is exempt (it records a Part 2 item).
    pub fn minute_is_exempt(&self, key: MinuteKey) -> bool {
        self.exempt_minutes.contains(&key)
    }
}

/// Resolver used by the link stage and by renderers for Markdown links.
pub struct Resolver<'a> {
    /// The content.
    pub content: &'a Content,
    /// The graph (only the indices are needed).
    pub graph: &'a Graph,
}

impl Resolver<'_> {
    /// Resolves an id written by an author (without the `@`).
    pub fn resolve(&self, id: &str) -> Result<Target, String> {
        refs::resolve(self.content, self.graph, id)
    }
}

struct Linker<'a> {
    loaded: &'a Loaded,
    graph: Graph,
    diags: Diagnostics,
}

impl Linker<'_> {
    fn span(&self, file: FileId, s: &serde_saphyr::Location) -> Span {
        self.loaded.sources.span_of(file, s)
    }

    fn person(&mut self, file: FileId, r: &Spanned<String>) -> Option<usize> {
        if let Some(&i) = self.graph.people.get(&r.value) {
            return Some(i);
        }
        if self.loaded.broken.contains(&r.value) {
            return None;
        }
        let span = self.span(file, &r.referenced);
        let d = Diagnostic::error("ref-unknown", Some(span), format!("there is no person `{}`", r.value));
        let d = match closest(&r.value, self.graph.people.keys().map(String::as_str)) {
            Some(c) => {
                d.with_help(format!("did you mean `{c}`? People are the file names in content/people/"))
            }
            None => d.with_help(format!(
                "add content/people/{}.yaml, or use the slug of an existing person",
                r.value
            )),
        };
        self.diags.push(d);
        None
    }

    fn meeting_ref(&mut self, file: FileId, r: &Spanned<String>) -> Option<MeetingIx> {
        if let Some(&i) = self.graph.meetings.get(&r.value) {
            return Some(i);
        }
        if self.loaded.broken.contains(&r.value) {
            return None;
        }
        let span = self.span(file, &r.referenced);
        let d = Diagnostic::error("ref-unknown", Some(span), format!("there is no meeting `{}`", r.value));
        let d = match closest(&r.value, self.graph.meetings.keys().map(String::as_str)) {
            Some(c) => d.with_help(format!("did you mean `{c}`? Meetings are written committee/yyyy-mm-dd")),
            None => {
                d.with_help("write the meeting as committee/yyyy-mm-dd, naming a meeting folder that exists")
            }
        };
        self.diags.push(d);
        None
    }

    fn file_ref(&mut self, file: FileId, r: &Spanned<String>) -> Option<String> {
        let from = &self.loaded.sources.files[file].rel;
        let span = self.span(file, &r.referenced);
        match crate::load::resolve_relative(from, &r.value) {
            Err(p) => {
                self.diags.push(p.at(span));
                None
            }
            Ok(rel) if self.loaded.assets.contains_key(&rel) => Some(rel),
            Ok(rel) => {
                self.diags.push(crate::load::missing_file_diagnostic(span, &rel, &self.loaded.assets));
                None
            }
        }
    }
}

/// Builds the graph and reports every reference that does not resolve.
pub fn link(loaded: &Loaded, as_of: Date, calendar: &crate::dates::Calendar) -> (Graph, Diagnostics) {
    let content = &loaded.content;
    let mut l = Linker { loaded, graph: Graph::default(), diags: Diagnostics::default() };

    for (i, p) in content.people.iter().enumerate() {
        l.graph.people.insert(p.slug.clone(), i);
    }
    for (i, c) in content.committees.iter().enumerate() {
        if l.graph.people.contains_key(&c.slug) {
            l.diags.push(
                Diagnostic::error(
                    "id-clash",
                    Some(Span { file: c.file, offset: 0, len: 0 }),
                    format!("the committee `{}` has the same id as a person", c.slug),
                )
                .with_help("rename the committee folder or the person's file so that every id is unique"),
            );
        }
        l.graph.committees.insert(c.slug.clone(), i);
    }
    l.graph.committee_meetings = vec![Vec::new(); content.committees.len()];
    let start_month = content.site.municipal_year_start_month.clamp(1, 12);
    for (i, m) in content.meetings.iter().enumerate() {
        l.graph.meetings.insert(m.id(), i);
        l.graph.meeting_year.push(MunicipalYear::of(m.date, start_month));
        match l.graph.committees.get(&m.committee) {
            Some(&c) => l.graph.committee_meetings[c].push(i),
            None if l.loaded.broken.contains(&m.committee) => {}
            None => l.diags.push(
                Diagnostic::error(
                    "committee-missing",
                    Some(Span { file: m.file, offset: 0, len: 0 }),
                    format!("this meeting's committee folder `{}` has no committee.yaml", m.committee),
                )
                .with_help(format!("add content/committees/{}/committee.yaml", m.committee)),
            ),
        }
    }
    // Meetings are loaded sorted by committee then date, so each list is in date order.
    l.graph.person_meetings = vec![Vec::new(); content.people.len()];
    l.graph.person_reports = vec![Vec::new(); content.people.len()];
    l.graph.person_items = vec![Vec::new(); content.people.len()];

    l.graph.as_of = Some(as_of);
    link_committees(&mut l);
    link_meetings(&mut l);
    records::link_records(&mut l, as_of, calendar);
    link_markdown(&mut l);

    for v in l.graph.person_meetings.iter_mut() {
        v.sort_by_key(|(m, _)| (content.meetings[*m].date, *m));
        v.dedup_by_key(|(m, _)| *m);
    }
    for v in l.graph.person_items.iter_mut() {
        v.sort();
        v.dedup();
    }
    (l.graph, l.diags)
}

fn link_committees(l: &mut Linker<'_>) {
    let content = &l.loaded.content;
    for c in &content.committees {
        l.person(c.file, &c.data.contact);
        if let Some(p) = &c.data.portfolio_holder {
            l.person(c.file, p);
        }
        for m in &c.data.membership {
            for member in &m.members {
                l.person(c.file, &member.person);
            }
        }
        for item in c.data.standing_items.iter().flatten() {
            if let Some(p) = &item.presenter {
                l.person(c.file, p);
            }
        }
    }
}

fn link_meetings(l: &mut Linker<'_>) {
    let content = &l.loaded.content;
    // Report index by full id.
    let mut report_ids: HashMap<String, ReportKey> = HashMap::new();
    for (mi, m) in content.meetings.iter().enumerate() {
        for (ri, r) in m.reports.iter().enumerate() {
            report_ids.insert(format!("{}/{}", m.id(), r.slug), (mi, ri));
        }
    }

    for (mi, m) in content.meetings.iter().enumerate() {
        let file = m.file;
        // Reports: authors and portfolio holders.
        for (ri, r) in m.reports.iter().enumerate() {
            if let Some(p) = l.person(r.file, &r.front.author) {
                l.graph.person_reports[p].push((mi, ri));
            }
            if let Some(p) = &r.front.portfolio_holder {
                l.person(r.file, p);
            }
            if r.front.exempt_paragraph.is_some() {
                l.graph.exempt_reports.insert((mi, ri));
            }
        }
        // Agenda items.
        for (ii, item) in m.data.agenda.iter().enumerate() {
            let key = (mi, ii);
            if item.part.value == 2 {
                l.graph.exempt_items.insert(key);
            }
            let mut resolved = Vec::new();
            for r in &item.reports {
                let full =
                    if r.value.contains('/') { r.value.clone() } else { format!("{}/{}", m.id(), r.value) };
                match report_ids.get(&full) {
                    Some(&rk) => resolved.push(rk),
                    None if l.loaded.broken.contains(&full) => {}
                    None => {
                        let span = l.span(file, &r.referenced);
                        let local: Vec<&str> = m.reports.iter().map(|r| r.slug.as_str()).collect();
                        let mut d = Diagnostic::error(
                            "report-missing",
                            Some(span),
                            format!(
                                "agenda item {} names the report `{}`, which does not exist",
                                item.number.value, r.value
                            ),
                        );
                        let guess = if r.value.contains('/') {
                            closest(&r.value, report_ids.keys().map(String::as_str))
                        } else {
                            closest(&r.value, local.iter().copied())
                        };
                        d = match guess {
                            Some(g) => d.with_help(format!("did you mean `{g}`?")),
                            None if r.value.contains('/') => d.with_help(
                                "a report published for another meeting is written committee/yyyy-mm-dd/report-slug, \
                                 naming a file content/committees/<committee>/<yyyy-mm-dd>/reports/<report-slug>.md",
                            ),
                            None => d.with_help(format!(
                                "add the report as content/committees/{}/reports/{}.md, or for a report \
                                 published for another meeting write committee/yyyy-mm-dd/slug",
                                m.id(),
                                r.value
                            )),
                        };
                        l.diags.push(d);
                    }
                }
            }
            for rk in &resolved {
                l.graph.report_items.entry(*rk).or_default().push(key);
                let author = &content.meetings[rk.0].reports[rk.1].front.author.value;
                if let Some(&p) = l.graph.people.get(author) {
                    l.graph.person_items[p].push(key);
                }
            }
            l.graph.item_reports.insert(key, resolved);
            if let Some(p) = &item.presenter {
                if let Some(p) = l.person(file, p) {
                    l.graph.person_items[p].push(key);
                }
            }
            if let Some(of) = &item.minutes_of {
                if let Some(prev) = l.meeting_ref(file, of) {
                    l.graph.minutes_approved_by_item.insert(prev, key);
                    l.graph.item_minutes_of.insert(key, prev);
                }
            }
            let is_public = item.part.value != 2;
            for d in &item.documents {
                if let Some(rel) = l.file_ref(file, &d.file) {
                    if is_public && d.exempt_paragraph.is_none() {
                        l.graph.public_files.insert(rel.clone());
                    } else {
                        l.graph.exempt_files.insert(rel.clone());
                    }
                    l.graph.all_files.insert(rel);
                }
            }
        }
        // Minutes: attendance, and minute ↔ item.
        if let Some(min) = &m.minutes {
            let f = min.file;
            let committee = l.graph.committees.get(&m.committee).copied();
            let year = l.graph.meeting_year[mi];
            let mut seen: Vec<usize> = Vec::new();
            for a in &min.front.present {
                if let Some(p) = l.person(f, &a.person) {
                    let kind =
                        if a.substitute_for.is_some() { Attendance::Substitute } else { Attendance::Present };
                    l.graph.person_meetings[p].push((mi, kind));
                    seen.push(p);
                }
                if let Some(s) = &a.substitute_for {
                    l.person(f, s);
                }
            }
            for a in &min.front.apologies {
                if let Some(p) = l.person(f, a) {
                    l.graph.person_meetings[p].push((mi, Attendance::Apologies));
                    seen.push(p);
                }
            }
            for a in &min.front.also_present {
                if let Some(p) = l.person(f, a) {
                    l.graph.person_meetings[p].push((mi, Attendance::AlsoPresent));
                }
            }
            for a in &min.front.officers {
                if let Some(p) = l.person(f, a) {
                    l.graph.person_meetings[p].push((mi, Attendance::Officer));
                }
            }
            // Members neither present nor sending apologies were absent.
            if let Some(c) = committee {
                for member in members_in_year(&content.committees[c], year) {
                    if let Some(&p) = l.graph.people.get(&member) {
                        if !seen.contains(&p) {
                            l.graph.person_meetings[p].push((mi, Attendance::Absent));
                        }
                    }
                }
            }
            for d in &min.front.declarations {
                l.person(f, &d.person);
            }
            for v in &min.front.votes {
                if let Some(r) = &v.recorded {
                    for p in r.for_.iter().chain(&r.against).chain(&r.abstained) {
                        l.person(f, p);
                    }
                }
            }
            for n in &min.front.notes {
                if let Some(p) = &n.person {
                    l.person(f, p);
                }
            }
            if let Some(a) = &min.front.approved_at {
                l.meeting_ref(f, a);
            }
            // Each minute names its item by {item=N}, or by a title equal to the item's.
            for (ni, minute) in min.minutes.iter().enumerate() {
                let found = match minute.item {
                    Some(n) => m.data.agenda.iter().position(|i| i.number.value == n),
                    None => m.data.agenda.iter().position(|i| same_title(&i.title, &minute.title)),
                };
                if minute.exempt.is_some() {
                    l.graph.exempt_minutes.insert((mi, ni));
                }
                match found {
                    Some(ii) => {
                        l.graph.item_minute.insert((mi, ii), (mi, ni));
                        l.graph.minute_item.insert((mi, ni), (mi, ii));
                        if item_is_part2(&m.data.agenda[ii]) {
                            l.graph.exempt_minutes.insert((mi, ni));
                        }
                    }
                    None => {
                        let span = Span {
                            file: f,
                            offset: min.body_offset + minute.heading.start,
                            len: minute.heading.len(),
                        };
                        let d = match minute.item {
                            Some(n) => Diagnostic::error(
                                "minute-item-missing",
                                Some(span),
                                format!("minute {} records agenda item {n}, which is not on this meeting's agenda", minute.number),
                            )
                            .with_help("check the {item=N} number against meeting.yaml"),
                            None => Diagnostic::error(
                                "minute-item-missing",
                                Some(span),
                                format!("minute {} does not say which agenda item it records", minute.number),
                            )
                            .with_help("add {item=N} at the end of the heading, or use the agenda item's exact title"),
                        };
                        l.diags.push(d);
                    }
                }
            }
        }
    }

    // A report is exempt if it says so, or if every item that considers it is Part 2.
    for (rk, items) in &l.graph.report_items {
        if !items.is_empty() && items.iter().all(|i| l.graph.exempt_items.contains(i)) {
            l.graph.exempt_reports.insert(*rk);
        }
    }
    // File appendices are copied: public ones to the public edition, all to the members'.
    for (mi, m) in content.meetings.iter().enumerate() {
        for (ri, r) in m.reports.iter().enumerate() {
            let exempt_report = l.graph.exempt_reports.contains(&(mi, ri));
            for a in r.appendices.iter().filter(|a| a.markdown.is_none() && !a.path.is_empty()) {
                if !exempt_report && a.exempt.is_none() {
                    l.graph.public_files.insert(a.path.clone());
                } else {
                    l.graph.exempt_files.insert(a.path.clone());
                }
                l.graph.all_files.insert(a.path.clone());
            }
        }
    }
}

/// People on a committee in a municipal year (not substitutes).
pub fn members_in_year(c: &crate::model::Committee, year: MunicipalYear) -> Vec<String> {
    c.data
        .membership
        .iter()
        .zip(&c.years)
        .filter(|(_, y)| **y == Some(year))
        .flat_map(|(m, _)| m.members.iter())
        .filter(|m| m.role != crate::model::MemberRole::Substitute)
        .map(|m| m.person.value.clone())
        .collect()
}

/// Whether a minute heading names an agenda item: letters and digits compared without case,
/// so that typographic quotes and dashes in the rendered heading do not matter.
fn item_is_part2(item: &crate::model::AgendaItem) -> bool {
    item.part.value == 2
}

fn same_title(a: &str, b: &str) -> bool {
    let norm =
        |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
    norm(a) == norm(b)
}

/// Where a Markdown text sits in its file.
#[derive(Clone, Copy)]
enum At {
    /// The text starts at this byte offset (a Markdown body).
    Exact(usize),
    /// The text is a YAML field value starting at or after this offset (positions inside a
    /// YAML block scalar are not linear, so links are found by searching).
    Within(usize),
}

/// Checks every link in every Markdown text and records the files public pages link to.
fn link_markdown(l: &mut Linker<'_>) {
    let content = &l.loaded.content;
    // (file, text, where the text is in the file, public?)
    let mut texts: Vec<(FileId, &str, At, bool)> = Vec::new();
    // Reports' links were found when they were loaded (their bodies are not kept).
    let mut report_links: Vec<(FileId, &[MarkdownLink], At, bool)> = Vec::new();
    for c in &content.committees {
        let at = At::Within(l.loaded.sources.span_of(c.file, &c.data.remit.referenced).offset);
        texts.push((c.file, &c.data.remit.value, at, true));
    }
    for (mi, m) in content.meetings.iter().enumerate() {
        for (ii, item) in m.data.agenda.iter().enumerate() {
            if let Some(p) = &item.purpose {
                let at = At::Within(l.loaded.sources.span_of(m.file, &p.referenced).offset);
                texts.push((m.file, &p.value, at, !l.graph.exempt_items.contains(&(mi, ii))));
            }
        }
        for (ri, r) in m.reports.iter().enumerate() {
            let public = !l.graph.exempt_reports.contains(&(mi, ri));
            report_links.push((r.file, &r.links[..], At::Exact(r.body_offset), public));
            for a in &r.appendices {
                if let Some(md) = &a.markdown {
                    report_links.push((md.file, &md.links[..], At::Exact(0), public && a.exempt.is_none()));
                }
            }
        }
        if let Some(min) = &m.minutes {
            // Section by section, so links in an exempt minute are not treated as public.
            let first = min.minutes.first().map_or(min.body.len(), |x| x.heading.start);
            texts.push((min.file, &min.body[..first], At::Exact(min.body_offset), true));
            for (ni, minute) in min.minutes.iter().enumerate() {
                let end = min.minutes.get(ni + 1).map_or(min.body.len(), |x| x.heading.start);
                let public = !l.graph.minute_is_exempt((mi, ni));
                texts.push((
                    min.file,
                    &min.body[minute.heading.start..end],
                    At::Exact(min.body_offset + minute.heading.start),
                    public,
                ));
            }
        }
    }
    // Markdown in the records (all public: a private forward plan entry is itself a public notice).
    for wp in &content.work_programmes {
        let f = wp.file;
        let d = &wp.data;
        let texts_of_items = d.items.iter().filter_map(|i| i.purpose.as_deref());
        let notes = d.items.iter().filter_map(|i| i.origin.as_ref().and_then(|o| o.note.as_deref()));
        let future = d.future.iter().filter_map(|x| x.note.as_deref());
        let scopes = d.task_groups.iter().filter_map(|g| g.scope.as_deref());
        let progress = d.task_groups.iter().flat_map(|g| g.progress.iter().map(|p| p.note.as_str()));
        for t in d
            .introduction
            .as_deref()
            .into_iter()
            .chain(texts_of_items)
            .chain(notes)
            .chain(future)
            .chain(scopes)
            .chain(progress)
        {
            texts.push((f, t, At::Within(0), true));
        }
    }
    for p in &content.forward_plan {
        for t in std::iter::once(p.data.decision.as_str()).chain(p.data.consultation.as_deref()) {
            texts.push((p.file, t, At::Within(0), true));
        }
    }
    for o in &content.officer_decisions {
        let d = &o.data;
        for t in [d.decision.as_str(), d.reasons.as_str()].into_iter().chain(d.alternatives.as_deref()) {
            texts.push((o.file, t, At::Within(0), true));
        }
    }
    for m in &content.matters {
        if let Some(t) = &m.data.summary {
            texts.push((m.file, t, At::Within(0), true));
        }
    }
    for (mi, m) in content.meetings.iter().enumerate() {
        if let Some(min) = &m.minutes {
            for d in &min.front.decisions {
                // The details of a decision on a Part 2 item are as exempt as its minute.
                let n = min.minutes.iter().position(|x| x.number == d.minute.value);
                let public = n.is_none_or(|n| !l.graph.minute_is_exempt((mi, n)));
                for t in d.reasons.as_deref().into_iter().chain(d.alternatives.as_deref()) {
                    texts.push((min.file, t, At::Within(0), public));
                }
            }
        }
    }
    if let Some(site) = l.loaded.sources.files.iter().position(|f| f.rel == "site.yaml") {
        texts.push((site, &content.site.licence, At::Within(0), true));
    }

    let resolver = Resolver { content, graph: &l.graph };
    let mut diags = Diagnostics::default();
    let mut files = Vec::new();
    let mut all_files = Vec::new();
    let all = texts
        .into_iter()
        .map(|(file, text, at, public)| (file, std::borrow::Cow::Owned(markdown_links(text)), at, public))
        .chain(
            report_links
                .into_iter()
                .map(|(file, links, at, public)| (file, std::borrow::Cow::Borrowed(links), at, public)),
        );
    for (file, links, offset, public) in all {
        let rel = &l.loaded.sources.files[file].rel;
        for link in links.iter() {
            let span = match offset {
                At::Exact(o) => Span { file, offset: o + link.range.start, len: link.range.len() },
                At::Within(o) => {
                    // Markdown inside a YAML field: find the destination in the file's text.
                    let file_text = &l.loaded.sources.files[file].text;
                    match file_text.get(o..).and_then(|t| t.find(&link.dest)) {
                        Some(i) => Span { file, offset: o + i, len: link.dest.len() },
                        None => Span { file, offset: o, len: 0 },
                    }
                }
            };
            if let Some(id) = link.dest.strip_prefix('@') {
                let base = id.split('#').next().unwrap_or(id);
                if l.loaded.broken.contains(base) {
                    continue;
                }
                let resolved = resolver.resolve(id);
                if let (Ok(Target::Report(rk)), true) = (&resolved, public) {
                    if l.graph.exempt_reports.contains(rk) {
                        diags.push(
                            Diagnostic::warning(
                                "link-to-exempt",
                                Some(span),
                                format!("`@{id}` is an exempt report, which has no public page"),
                            )
                            .with_help("the public site shows this link's text without a link; make sure the text itself reveals nothing exempt"),
                        );
                    }
                }
                if let Err(help) = resolved {
                    diags.push(
                        Diagnostic::error(
                            "ref-unknown",
                            Some(span),
                            format!("the link `@{id}` does not lead to anything"),
                        )
                        .with_help(help),
                    );
                }
            } else if refs::is_external(&link.dest) {
                continue;
            } else {
                match crate::load::resolve_relative(rel, &link.dest) {
                    Err(p) => diags.push(p.at(span)),
                    Ok(target) => {
                        if l.loaded.assets.contains_key(&target) {
                            if public && l.graph.exempt_files.contains(&target) {
                                diags.push(
                                    Diagnostic::error(
                                        "link-to-exempt-file",
                                        Some(span),
                                        format!("public text links to content/{target}, which is exempt"),
                                    )
                                    .with_help("remove the link, or link to it only from exempt papers: the file is never published"),
                                );
                            } else if public {
                                files.push(target.clone());
                            }
                            all_files.push(target);
                        } else if target.ends_with(".md") || is_yaml_path(&target) {
                            diags.push(
                                Diagnostic::error(
                                    "link-to-source",
                                    Some(span),
                                    format!("`{}` links to a content file, not to a page", link.dest),
                                )
                                .with_help("link to a page with its @id, for example [the report](@cabinet/2025-06-10/budget-monitoring)"),
                            );
                        } else {
                            diags.push(
                                crate::load::missing_file_diagnostic(span, &target, &l.loaded.assets).with_help(
                                    "link to other papers with their @id (see docs/content-format.md), and to \
                                     files with a path relative to this file",
                                ),
                            );
                        }
                    }
                }
            }
        }
    }
    l.diags.extend(diags);
    l.graph.public_files.extend(files);
    l.graph.all_files.extend(all_files);
    // Belt and braces: an exempt file is never public.
    let exempt = std::mem::take(&mut l.graph.exempt_files);
    l.graph.public_files.retain(|f| !exempt.contains(f));
    l.graph.exempt_files = exempt;
}

fn is_yaml_path(p: &str) -> bool {
    p.ends_with(".yaml") || p.ends_with(".yml")
}

/// Meetings of a committee in one municipal year, in date order.
pub fn meetings_in_year(graph: &Graph, committee: usize, year: MunicipalYear) -> Vec<MeetingIx> {
    graph.committee_meetings[committee].iter().copied().filter(|&m| graph.meeting_year[m] == year).collect()
}

/// A person's name for display, by slug (falls back to the slug for an unknown one).
pub fn person_name(content: &Content, graph: &Graph, slug: &str) -> String {
    graph.people.get(slug).map_or_else(|| slug.to_string(), |&i| Person::display_name(&content.people[i]))
}

/// The date a meeting is on.
pub fn meeting_date(content: &Content, m: MeetingIx) -> Date {
    content.meetings[m].date
}

#[cfg(test)]
mod tests {
    use super::same_title;

    #[test]
    fn titles_match_despite_typographic_punctuation() {
        assert!(same_title("Mayor's announcements", "Mayor\u{2019}s announcements"));
        assert!(same_title("Budget -- Q2", "Budget \u{2013} Q2"));
        assert!(!same_title("Budget Q2", "Budget Q3"));
    }
}
