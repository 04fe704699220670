//! Stage 5 (between check and render): access to information. Decides what each edition may
//! contain.
//!
//! The public edition is rendered from a [`PublicView`], which can only be made by
//! [`public_view`]: it takes the loaded content by value and
//!
//! - removes documents that are not yet published (drafts, and papers whose publication date
//!   is after the as-at date) as if they did not exist;
//! - overwrites every exempt (Schedule 12A) text in place: Part 2 items keep only their (neutral)
//!   title and grounds, exempt reports and decisions their neutral title, exempt appendices and
//!   attachments their neutral title, and exempt minutes lose their text (the bytes of the
//!   minutes body are blanked), votes, notes and decision details;
//! - empties the text of every source file (kept only for file names).
//!
//! It then links the redacted content again. Nothing exempt is left in memory that the public
//! renderer can reach, so no template or output format can leak it, whatever it reads.

pub mod record;

use std::collections::BTreeSet;

use jiff::civil::Date;

use crate::dates::Calendar;
use crate::diagnostics::Sources;
use crate::link::{self, Graph, ReportKey};
use crate::load::Loaded;
use crate::model::{Content, MinuteBlock, Spanned};

/// Which edition of the site to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Edition {
    /// Everything the public may see, and nothing else.
    #[default]
    Public,
    /// Everything, with exempt material marked "Not for publication" (for members and officers).
    Members,
}

/// Content that has been through [`public_view`]: the only input the public edition renders.
#[derive(Debug)]
pub struct PublicView {
    loaded: Loaded,
    graph: Graph,
}

impl PublicView {
    /// The redacted content.
    pub fn loaded(&self) -> &Loaded {
        &self.loaded
    }

    /// The graph of the redacted content.
    pub fn graph(&self) -> &Graph {
        &self.graph
    }
}

/// Every public document of a view: (id, root-relative URL, output file). These are what the
/// publication record tracks.
pub fn documents(view: &PublicView, base_url: &str) -> Vec<(String, String, String)> {
    let urls = crate::render::urls::Urls::new(base_url);
    let content = &view.loaded.content;
    let graph = &view.graph;
    let mut out = Vec::new();
    let mut push = |id: String, url: String| {
        let file = urls.output_path(&url);
        out.push((id, url, file));
    };
    for (mi, m) in content.meetings.iter().enumerate() {
        if !m.data.agenda.is_empty() {
            push(m.id(), urls.meeting(&m.committee, m.date));
        }
        for (ri, r) in m.reports.iter().enumerate() {
            if !graph.exempt_reports.contains(&(mi, ri)) {
                push(format!("{}/{}", m.id(), r.slug), urls.report(&m.committee, m.date, &r.slug));
            }
        }
        if m.minutes.is_some() {
            push(format!("{}/minutes", m.id()), urls.minutes(&m.committee, m.date));
        }
    }
    for d in &graph.records.decisions {
        push(format!("decisions/{}", d.id), urls.decision(&d.id));
    }
    for p in &content.forward_plan {
        push(format!("forward-plan/{}", p.slug), urls.plan_entry(&p.slug));
    }
    out
}

/// The date a report is published: its own `published`, else the agenda's, else its date.
pub fn report_published(agenda_published: Option<Date>, front: &crate::model::ReportFront) -> Date {
    front.published.as_ref().map(|p| p.value).or(agenda_published).unwrap_or(front.date.value)
}

/// Redacts the content for the public edition as at `as_of`.
pub fn public_view(mut loaded: Loaded, graph: &Graph, as_of: Date, calendar: &Calendar) -> PublicView {
    let exempt_reports: BTreeSet<ReportKey> = graph.exempt_reports.clone();
    let exempt_items = graph.exempt_items.clone();
    let exempt_minutes = graph.exempt_minutes.clone();
    redact(&mut loaded.content, &exempt_items, &exempt_reports, &exempt_minutes);
    withhold_unpublished(&mut loaded.content, as_of);
    loaded.sources = blank_sources(&loaded.sources);
    loaded.diagnostics = Default::default();
    // Link again: references to what was removed now lead nowhere, silently.
    let (graph, _) = link::link(&loaded, as_of, calendar);
    PublicView { loaded, graph }
}

/// The same files with their texts emptied: renderers need only their names.
pub fn blank_sources(sources: &Sources) -> Sources {
    let mut out = Sources::default();
    for f in &sources.files {
        out.add(crate::diagnostics::SourceFile {
            rel: f.rel.clone(),
            path: f.path.clone(),
            text: String::new(),
            yaml_offset: 0,
        });
    }
    out
}

fn blank(s: &mut String) {
    s.clear();
}

fn neutral(title: &mut String, public_title: &Option<String>, fallback: &str) {
    *title = public_title.clone().unwrap_or_else(|| fallback.to_string());
}

fn redact(
    content: &mut Content,
    exempt_items: &BTreeSet<(usize, usize)>,
    exempt_reports: &BTreeSet<ReportKey>,
    exempt_minutes: &BTreeSet<(usize, usize)>,
) {
    for (mi, m) in content.meetings.iter_mut().enumerate() {
        for (ii, item) in m.data.agenda.iter_mut().enumerate() {
            if exempt_items.contains(&(mi, ii)) {
                if let Some(p) = item.public_title.take() {
                    item.title = p;
                }
                item.purpose = None;
                item.documents.clear();
                item.urgency = None;
            }
            for d in item.documents.iter_mut().filter(|d| d.exempt_paragraph.is_some()) {
                neutral(&mut d.title, &d.public_title, "Exempt document");
                blank(&mut d.file.value);
            }
            item.public_title = None;
        }
        for (ri, r) in m.reports.iter_mut().enumerate() {
            if exempt_reports.contains(&(mi, ri)) {
                neutral(&mut r.front.title, &r.front.public_title, "Exempt report");
                blank(&mut r.front.report_of);
                r.front.wards.clear();
                r.front.appendices.clear();
                r.body = crate::model::Body::withheld();
                r.links.clear();
                r.sections.clear();
                r.appendices.clear();
            } else {
                for a in r.appendices.iter_mut().filter(|a| a.exempt.is_some()) {
                    neutral(&mut a.title, &a.public_title, "Exempt appendix");
                    a.markdown = None;
                    blank(&mut a.path);
                }
                for a in r.front.appendices.iter_mut().filter(|a| a.exempt_paragraph.is_some()) {
                    neutral(&mut a.title, &a.public_title, "Exempt appendix");
                    blank(&mut a.file.value);
                }
            }
            r.front.public_title = None;
        }
        if let Some(min) = &mut m.minutes {
            let mut body = std::mem::take(&mut min.body).into_bytes();
            let count = min.minutes.len();
            let mut exempt_numbers = Vec::new();
            for ni in 0..count {
                if !exempt_minutes.contains(&(mi, ni)) {
                    continue;
                }
                let start = min.minutes[ni].heading.start;
                let end = min.minutes.get(ni + 1).map_or(body.len(), |x| x.heading.start);
                // Same length, all ASCII: every other minute's byte ranges stay valid.
                body[start..end].fill(b' ');
                let minute = &mut min.minutes[ni];
                exempt_numbers.push(minute.number);
                // Keep the fact that something was resolved (so the decision stays in the
                // register, as exempt), but none of the words.
                let resolved = minute.resolutions().next().is_some();
                minute.blocks = Vec::<MinuteBlock>::new();
                if resolved {
                    minute.blocks.push(MinuteBlock::Resolved(vec![crate::model::Resolution {
                        label: "a".into(),
                        text: 0..0,
                    }]));
                }
                // The public sees the item's (neutral) title, set below.
                minute.title.clear();
            }
            min.body = String::from_utf8(body).unwrap_or_default();
            min.front.votes.retain(|v| !exempt_numbers.contains(&v.minute.value));
            min.front.notes.retain(|n| !exempt_numbers.contains(&n.minute.value));
            for d in min.front.decisions.iter_mut().filter(|d| exempt_numbers.contains(&d.minute.value)) {
                d.reasons = None;
                d.alternatives = None;
            }
        }
        // Exempt minutes take their item's public title.
        let titles: Vec<(usize, String)> = exempt_minutes
            .iter()
            .filter(|(m2, _)| *m2 == mi)
            .filter_map(|&(_, ni)| {
                let min = m.minutes.as_ref()?;
                let n = min.minutes[ni].item?;
                let item = m.data.agenda.iter().find(|i| i.number.value == n)?;
                Some((ni, item.title.clone()))
            })
            .collect();
        if let Some(min) = &mut m.minutes {
            for (ni, t) in titles {
                min.minutes[ni].title = t;
            }
            for minute in min.minutes.iter_mut().filter(|x| x.title.is_empty()) {
                minute.title = "Exempt business".into();
            }
        }
    }
    for p in &mut content.forward_plan {
        if p.data.exempt_paragraph.is_some() {
            neutral(&mut p.data.title, &p.data.public_title, "Exempt key decision");
            blank(&mut p.data.decision);
            p.data.consultation = None;
            p.data.documents.clear();
            for h in &mut p.data.history {
                h.note = None;
            }
        }
        p.data.public_title = None;
    }
    for d in &mut content.officer_decisions {
        if d.data.exempt_paragraph.is_some() {
            neutral(&mut d.data.title, &d.data.public_title, "Exempt decision");
            blank(&mut d.data.decision);
            blank(&mut d.data.reasons);
            d.data.alternatives = None;
            d.data.declarations = None;
            d.data.wards.clear();
        }
        d.data.public_title = None;
    }
}

/// Removes what is not yet published, as if it did not exist.
fn withhold_unpublished(content: &mut Content, as_of: Date) {
    for m in &mut content.meetings {
        let agenda_published = m.data.agenda_published.as_ref().map(|p| p.value);
        if agenda_published.is_some_and(|p| p > as_of) {
            m.data.agenda.clear();
        }
        m.reports.retain(|r| !r.front.draft && report_published(agenda_published, &r.front) <= as_of);
        if m.minutes
            .as_ref()
            .is_some_and(|x| x.front.published.as_ref().is_some_and(|p: &Spanned<Date>| p.value > as_of))
        {
            m.minutes = None;
        }
    }
    content.officer_decisions.retain(|d| d.data.published.as_ref().is_none_or(|p| p.value <= as_of));
}
