//! Linking work programmes, the forward plan, decisions and matters into the graph.

use std::collections::{BTreeMap, HashMap};

use jiff::civil::Date;

use super::{ItemKey, Linker, MeetingIx, MinuteKey, ReportKey};
use crate::dates::Calendar;
use crate::diagnostics::{Diagnostic, Span, closest};
use crate::model::{CallIn, CommitteeKind, OriginKind, PersonKind, Spanned};

/// A planned work programme item: (index in `content.work_programmes`, index in its `items`).
pub type WorkKey = (usize, usize);

/// A monitoring item: (work programme, index in its `monitoring`).
pub type MonitorKey = (usize, usize);

/// Where a work programme item is aimed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkTarget {
    /// A meeting.
    Meeting(MeetingIx),
    /// A month, `yyyy-mm`.
    Month(Date),
}

/// Where a work programme item came from, resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OriginLink {
    /// A minute, and one resolution of it (index into its resolutions) if named.
    Resolution(MinuteKey, Option<usize>),
    /// A member.
    Person(usize),
    /// A forward plan entry.
    Plan(usize),
}

/// Who takes a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Maker {
    /// A committee (cabinet, council, a regulatory committee).
    Committee(usize),
    /// A person (a portfolio holder or an officer).
    Person(usize),
    /// Not resolved (already reported).
    Unknown,
}

/// Where a forward plan decision was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Taken {
    /// At an agenda item.
    Item(ItemKey),
    /// By an officer or member decision (index into `graph.decisions`).
    Decision(usize),
}

/// Where a decision record comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionSource {
    /// A minute of a decision-making body.
    Minute(MinuteKey),
    /// An officer or single-member decision file (index into `content.officer_decisions`).
    Officer(usize),
}

/// Call-in of an executive decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallInState {
    /// Not an executive decision.
    NotApplicable,
    /// Executive, but the decision notice has not been published, so no period has started.
    NotPublished,
    /// Taken as urgent: not subject to call-in.
    Urgent,
    /// Open for call-in until the end of this date.
    Open(Date),
    /// The period ended on this date without a call-in.
    Closed(Date),
    /// Called in (the period ended on this date, if the decision was published).
    CalledIn(Option<Date>),
}

/// A decision in the register.
#[derive(Debug, Clone)]
pub struct DecisionRecord {
    /// Id used in the URL: `cabinet-2025-11-11-9` or the officer decision's slug.
    pub id: String,
    /// Minute or file.
    pub source: DecisionSource,
    /// Date taken.
    pub date: Date,
    /// Who took it.
    pub maker: Maker,
    /// The forward plan entry, for a key decision.
    pub plan: Option<usize>,
    /// Date the decision was published.
    pub published: Option<Date>,
    /// Call-in.
    pub call_in: CallInState,
    /// The minute records a Part 2 item.
    pub exempt: bool,
}

/// A record that can belong to a matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Node {
    /// A work programme item.
    Work(WorkKey),
    /// A forward plan entry.
    Plan(usize),
    /// A report.
    Report(ReportKey),
    /// An agenda item.
    Item(ItemKey),
    /// A decision.
    Decision(usize),
}

/// A matter and its history.
#[derive(Debug, Clone)]
pub struct MatterRecord {
    /// Slug.
    pub slug: String,
    /// Title (from `matters/<slug>.yaml`, or made from the slug).
    pub title: String,
    /// Index in `content.matters`, if it has a file.
    pub file: Option<usize>,
    /// Every record of the matter with its date, in date order.
    pub events: Vec<(Date, Node)>,
}

/// What the records add to the graph.
#[derive(Debug, Default)]
pub struct Records {
    /// Work programme index by committee slug.
    pub work_programme_of: HashMap<String, usize>,
    /// Work item by `committee/work-programme#id`.
    pub work_items: HashMap<String, WorkKey>,
    /// Agenda items where each work item was considered.
    pub work_considered: HashMap<WorkKey, Vec<ItemKey>>,
    /// Work items that reached each agenda item.
    pub item_work: HashMap<ItemKey, Vec<WorkKey>>,
    /// Each work item's target.
    pub work_target: HashMap<WorkKey, WorkTarget>,
    /// Each work item's origin.
    pub work_origin: HashMap<WorkKey, OriginLink>,
    /// Work items created by each minute's resolutions.
    pub minute_work: HashMap<MinuteKey, Vec<WorkKey>>,
    /// Monitoring items: meetings due and items where considered.
    pub monitor_due: HashMap<MonitorKey, Vec<MeetingIx>>,
    /// Monitoring items: agenda items where considered.
    pub monitor_considered: HashMap<MonitorKey, Vec<ItemKey>>,
    /// Monitoring items that reached each agenda item.
    pub item_monitor: HashMap<ItemKey, Vec<MonitorKey>>,
    /// Task group reports: report → (work programme, group index).
    pub report_group: HashMap<ReportKey, (usize, usize)>,
    /// Task group reports, by (work programme, group).
    pub group_reports: HashMap<(usize, usize), Vec<ReportKey>>,
    /// Forward plan entry by reference.
    pub plan_by_ref: HashMap<String, usize>,
    /// Reports that cite each forward plan entry.
    pub plan_reports: Vec<Vec<ReportKey>>,
    /// Where each forward plan decision was taken.
    pub plan_taken: Vec<Option<Taken>>,
    /// Who takes each forward plan decision.
    pub plan_maker: Vec<Maker>,
    /// The scrutiny committee of each entry.
    pub plan_scrutiny: Vec<Option<usize>>,
    /// Work items that came from each forward plan entry.
    pub plan_work: Vec<Vec<WorkKey>>,
    /// The forward plan entry each report cites.
    pub report_plan: HashMap<ReportKey, usize>,
    /// The decision register, newest first.
    pub decisions: Vec<DecisionRecord>,
    /// Decision index by id.
    pub decision_ids: HashMap<String, usize>,
    /// The decision recorded by each minute.
    pub minute_decision: HashMap<MinuteKey, usize>,
    /// The decision for each officer decision file.
    pub officer_decision: Vec<usize>,
    /// Decisions taken on each forward plan entry.
    pub plan_decisions: Vec<Vec<usize>>,
    /// Matters, sorted by slug.
    pub matters: Vec<MatterRecord>,
    /// Matter index by slug.
    pub matter_ix: HashMap<String, usize>,
    /// The matter of each record, named or inferred.
    pub node_matter: HashMap<Node, usize>,
}

impl Records {
    /// The neighbours of a record in its matter's history: up to `n` before and after.
    pub fn matter_neighbours(&self, node: Node, n: usize) -> Option<(usize, Vec<(Date, Node)>)> {
        let &m = self.node_matter.get(&node)?;
        let events = &self.matters[m].events;
        let pos = events.iter().position(|(_, x)| *x == node)?;
        let start = pos.saturating_sub(n);
        let end = (pos + n + 1).min(events.len());
        Some((m, events[start..end].to_vec()))
    }
}

/// The title made from a matter slug with no file: "home-to-school-transport" → "Home to school transport".
pub fn title_from_slug(slug: &str) -> String {
    let words = slug.replace('-', " ");
    let mut c = words.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

impl Linker<'_> {
    fn item_ref(&mut self, file: usize, r: &Spanned<String>) -> Option<ItemKey> {
        match super::refs::resolve_field(&self.loaded.content, &self.graph, &r.value) {
            Ok(super::Target::Item(k)) => Some(k),
            Ok(_) => {
                let span = self.span(file, &r.referenced);
                self.diags.push(
                    Diagnostic::error("ref-kind", Some(span), format!("`{}` is not an agenda item", r.value))
                        .with_help("name an agenda item as committee/yyyy-mm-dd#N"),
                );
                None
            }
            Err(help) => {
                let base = r.value.split('#').next().unwrap_or("");
                if !self.loaded.broken.contains(base) {
                    let span = self.span(file, &r.referenced);
                    self.diags.push(
                        Diagnostic::error(
                            "ref-unknown",
                            Some(span),
                            format!("there is no agenda item `{}`", r.value),
                        )
                        .with_help(help),
                    );
                }
                None
            }
        }
    }

    fn committee_ref(&mut self, file: usize, r: &Spanned<String>) -> Option<usize> {
        if let Some(&c) = self.graph.committees.get(&r.value) {
            return Some(c);
        }
        if !self.loaded.broken.contains(&r.value) {
            let span = self.span(file, &r.referenced);
            let d =
                Diagnostic::error("ref-unknown", Some(span), format!("there is no committee `{}`", r.value));
            let d = match closest(&r.value, self.graph.committees.keys().map(String::as_str)) {
                Some(c) => d.with_help(format!("did you mean `{c}`?")),
                None => d.with_help("committees are the folder names in content/committees/"),
            };
            self.diags.push(d);
        }
        None
    }

    fn maker(&mut self, file: usize, r: &Spanned<String>) -> Maker {
        if let Some(&c) = self.graph.committees.get(&r.value) {
            return Maker::Committee(c);
        }
        if let Some(&p) = self.graph.people.get(&r.value) {
            return Maker::Person(p);
        }
        if !self.loaded.broken.contains(&r.value) {
            let span = self.span(file, &r.referenced);
            let mut all: Vec<&str> = self.graph.committees.keys().map(String::as_str).collect();
            all.extend(self.graph.people.keys().map(String::as_str));
            let d = Diagnostic::error(
                "ref-unknown",
                Some(span),
                format!("the decision maker `{}` is neither a committee nor a person", r.value),
            );
            let d = match closest(&r.value, all) {
                Some(c) => d.with_help(format!("did you mean `{c}`?")),
                None => d.with_help("name a committee slug (cabinet, council) or a person slug"),
            };
            self.diags.push(d);
        }
        Maker::Unknown
    }

    fn plan_ref(&mut self, file: usize, r: &Spanned<String>) -> Option<usize> {
        if let Some(&p) = self.graph.records.plan_by_ref.get(r.value.trim()) {
            return Some(p);
        }
        if self.loaded.broken.contains(&format!("forward-plan/{}", crate::slugs::slugify(&r.value))) {
            return None;
        }
        let span = self.span(file, &r.referenced);
        let d = Diagnostic::error(
            "plan-reference-missing",
            Some(span),
            format!("there is no forward plan entry with the reference `{}`", r.value),
        );
        let d = match closest(&r.value, self.graph.records.plan_by_ref.keys().map(String::as_str)) {
            Some(c) => d.with_help(format!(
                "did you mean `{c}`? A key decision must be in the forward plan (content/forward-plan/) before it is taken"
            )),
            None => d.with_help(
                "add the entry as content/forward-plan/<reference>.yaml: a key decision must be published in the forward plan before it is taken",
            ),
        };
        self.diags.push(d);
        None
    }
}

/// Links the records. Runs after meetings are linked, before Markdown.
pub(super) fn link_records(l: &mut Linker<'_>, as_of: Date, calendar: &Calendar) {
    let content = &l.loaded.content;
    let nplans = content.forward_plan.len();
    {
        let r = &mut l.graph.records;
        r.plan_reports = vec![Vec::new(); nplans];
        r.plan_taken = vec![None; nplans];
        r.plan_maker = vec![Maker::Unknown; nplans];
        r.plan_scrutiny = vec![None; nplans];
        r.plan_work = vec![Vec::new(); nplans];
        r.plan_decisions = vec![Vec::new(); nplans];
    }

    // Forward plan references.
    let mut seen_refs: HashMap<String, usize> = HashMap::new();
    for (pi, p) in content.forward_plan.iter().enumerate() {
        let reference = p.data.reference.value.trim().to_string();
        if let Some(&first) = seen_refs.get(&reference) {
            let span = l.span(p.file, &p.data.reference.referenced);
            l.diags.push(
                Diagnostic::error(
                    "plan-reference-duplicate",
                    Some(span),
                    format!(
                        "the reference `{reference}` is also used by content/{}",
                        l.loaded.sources.files[content.forward_plan[first].file].rel
                    ),
                )
                .with_help("give every forward plan entry its own reference"),
            );
            continue;
        }
        seen_refs.insert(reference.clone(), pi);
        l.graph.records.plan_by_ref.insert(reference, pi);
    }
    for (pi, p) in content.forward_plan.iter().enumerate() {
        l.graph.records.plan_maker[pi] = l.maker(p.file, &p.data.decision_maker);
        l.person(p.file, &p.data.contact);
        if let Some(s) = &p.data.scrutiny {
            l.graph.records.plan_scrutiny[pi] = l.committee_ref(p.file, s);
        }
    }

    // Reports citing the forward plan.
    for (mi, m) in content.meetings.iter().enumerate() {
        for (ri, r) in m.reports.iter().enumerate() {
            if let Some(k) = &r.front.key_decision {
                if let Some(p) = l.plan_ref(r.file, k) {
                    l.graph.records.plan_reports[p].push((mi, ri));
                    l.graph.records.report_plan.insert((mi, ri), p);
                }
            }
        }
    }

    // Work programmes.
    for (wi, wp) in content.work_programmes.iter().enumerate() {
        let f = wp.file;
        if !l.graph.committees.contains_key(&wp.committee) && !l.loaded.broken.contains(&wp.committee) {
            l.diags.push(
                Diagnostic::error(
                    "committee-missing",
                    Some(Span { file: f, offset: 0, len: 0 }),
                    format!(
                        "this work programme's committee folder `{}` has no committee.yaml",
                        wp.committee
                    ),
                )
                .with_help(format!("add content/committees/{}/committee.yaml", wp.committee)),
            );
        }
        l.graph.records.work_programme_of.insert(wp.committee.clone(), wi);
        let mut ids: HashMap<&str, ()> = HashMap::new();
        let all_ids = wp
            .data
            .items
            .iter()
            .map(|i| &i.id)
            .chain(wp.data.monitoring.iter().map(|m| &m.id))
            .chain(wp.data.task_groups.iter().map(|g| &g.id));
        let mut dup = Vec::new();
        for id in all_ids {
            if ids.insert(id.value.as_str(), ()).is_some() {
                dup.push(id.clone());
            }
            if !crate::slugs::is_slug(&id.value) {
                dup.push(id.clone());
            }
        }
        for id in dup {
            let span = l.span(f, &id.referenced);
            l.diags.push(
                Diagnostic::error("work-id", Some(span), format!("`{}` is used twice or is not a valid id", id.value))
                    .with_help("give each item, monitoring item and task group its own id of lower-case letters, digits and hyphens"),
            );
        }
        for (ii, item) in wp.data.items.iter().enumerate() {
            let key = (wi, ii);
            l.graph
                .records
                .work_items
                .insert(format!("{}/work-programme#{}", wp.committee, item.id.value), key);
            for c in &item.considered_at {
                if let Some(ik) = l.item_ref(f, c) {
                    l.graph.records.work_considered.entry(key).or_default().push(ik);
                    l.graph.records.item_work.entry(ik).or_default().push(key);
                }
            }
            if let Some(t) = &item.target {
                let target = if let Ok(month) = format!("{}-01", t.value).parse::<Date>() {
                    Some(WorkTarget::Month(month))
                } else {
                    l.meeting_ref(f, t).map(WorkTarget::Meeting)
                };
                if let Some(t) = target {
                    l.graph.records.work_target.insert(key, t);
                }
            }
            if let Some(o) = &item.origin {
                if o.from.is_none() && o.kind != OriginKind::Other {
                    let span = l.span(f, &item.id.referenced);
                    l.diags.push(
                        Diagnostic::warning(
                            "work-origin-from",
                            Some(span),
                            format!("the origin of `{}` does not say which resolution, member or forward plan entry it came from", item.id.value),
                        )
                        .with_help("add from: to the origin (a resolution id, a person slug or a forward plan reference)"),
                    );
                }
                let link = match (o.kind, &o.from) {
                    (OriginKind::Resolution, Some(from)) => resolution_ref(l, f, from),
                    (OriginKind::MemberRequest, Some(from)) => l.person(f, from).map(OriginLink::Person),
                    (OriginKind::ForwardPlan, Some(from)) => l.plan_ref(f, from).map(OriginLink::Plan),
                    _ => None,
                };
                if let Some(link) = link {
                    match link {
                        OriginLink::Resolution(mk, _) => {
                            l.graph.records.minute_work.entry(mk).or_default().push(key)
                        }
                        OriginLink::Plan(p) => l.graph.records.plan_work[p].push(key),
                        OriginLink::Person(_) => {}
                    }
                    l.graph.records.work_origin.insert(key, link);
                }
            }
        }
        for (mi_, mon) in wp.data.monitoring.iter().enumerate() {
            let key = (wi, mi_);
            for d in &mon.due {
                if let Some(m) = l.meeting_ref(f, d) {
                    l.graph.records.monitor_due.entry(key).or_default().push(m);
                }
            }
            for c in &mon.considered_at {
                if let Some(ik) = l.item_ref(f, c) {
                    l.graph.records.monitor_considered.entry(key).or_default().push(ik);
                    l.graph.records.item_monitor.entry(ik).or_default().push(key);
                }
            }
        }
        for (gi, g) in wp.data.task_groups.iter().enumerate() {
            for p in g.members.iter().chain(g.lead.iter()) {
                l.person(f, p);
            }
            for r in &g.reports {
                match super::refs::resolve_field(content, &l.graph, &r.value) {
                    Ok(super::Target::Report(rk)) => {
                        l.graph.records.report_group.insert(rk, (wi, gi));
                        l.graph.records.group_reports.entry((wi, gi)).or_default().push(rk);
                    }
                    _ if l.loaded.broken.contains(&r.value) => {}
                    other => {
                        let help = match other {
                            Err(h) => h,
                            Ok(_) => "name a report as committee/yyyy-mm-dd/report-slug".into(),
                        };
                        let span = l.span(f, &r.referenced);
                        l.diags.push(
                            Diagnostic::error(
                                "ref-unknown",
                                Some(span),
                                format!("there is no report `{}`", r.value),
                            )
                            .with_help(help),
                        );
                    }
                }
            }
        }
    }

    // Decisions: minutes of decision-making bodies, then officer decisions.
    let mut decisions: Vec<DecisionRecord> = Vec::new();
    for (mi, m) in content.meetings.iter().enumerate() {
        let Some(min) = &m.minutes else { continue };
        let Some(&ci) = l.graph.committees.get(&m.committee) else { continue };
        let kind = content.committees[ci].data.kind;
        if !matches!(kind, CommitteeKind::Cabinet | CommitteeKind::FullCouncil | CommitteeKind::Regulatory) {
            if let Some(d) = min.front.decisions.first() {
                let span = l.span(min.file, &d.minute.referenced);
                l.diags.push(
                    Diagnostic::warning(
                        "decisions-not-decision-maker",
                        Some(span),
                        format!("{} is not a decision-making body, so its minutes make no decision records", content.committees[ci].data.name),
                    )
                    .with_help("decisions are recorded for the cabinet, full council and regulatory committees; remove decisions: here"),
                );
            }
            continue;
        }
        let published = min.front.decisions_published.as_ref().map(|p| p.value);
        for (ni, minute) in min.minutes.iter().enumerate() {
            if minute.resolutions().next().is_none() {
                continue;
            }
            // Confirming minutes and other procedural business is not a decision.
            let procedural = l.graph.minute_item.get(&(mi, ni)).is_some_and(|&(m2, i2)| {
                let item = &content.meetings[m2].data.agenda[i2];
                item.procedural || item.minutes_of.is_some()
            });
            if procedural {
                continue;
            }
            let details = min.front.decisions.iter().find(|d| d.minute.value == minute.number);
            let item = l.graph.minute_item.get(&(mi, ni)).copied();
            let plan = match details.and_then(|d| d.key_decision.as_ref()) {
                Some(k) => l.plan_ref(min.file, k),
                None => item.and_then(|ik| {
                    l.graph
                        .item_reports
                        .get(&ik)
                        .into_iter()
                        .flatten()
                        .find_map(|rk| l.graph.records.report_plan.get(rk).copied())
                }),
            };
            let executive = kind == CommitteeKind::Cabinet;
            let call_in =
                call_in_state(executive, published, details.and_then(|d| d.call_in), as_of, calendar);
            decisions.push(DecisionRecord {
                id: format!("{}-{}-{}", m.committee, m.date, minute.number),
                source: DecisionSource::Minute((mi, ni)),
                date: m.date,
                maker: Maker::Committee(ci),
                plan,
                published,
                call_in,
                exempt: l.graph.minute_is_exempt((mi, ni)),
            });
        }
        for d in &min.front.decisions {
            if let Some(k) = &d.key_decision {
                l.plan_ref(min.file, k);
            }
            let with_resolutions =
                min.minutes.iter().any(|x| x.number == d.minute.value && x.resolutions().next().is_some());
            if !with_resolutions {
                let span = l.span(min.file, &d.minute.referenced);
                l.diags.push(
                    Diagnostic::error(
                        "decision-minute-missing",
                        Some(span),
                        format!("these minutes have no minute {} with resolutions", d.minute.value),
                    )
                    .with_help("give the number of a minute in this file that has resolutions"),
                );
            }
        }
        if let Some(p) = &min.front.decisions_published {
            if p.value < m.date {
                let span = l.span(min.file, &p.referenced);
                l.diags.push(
                    Diagnostic::error(
                        "published-before-decision",
                        Some(span),
                        format!("the decisions are said to be published on {}, before the meeting on {}", p.value, m.date),
                    )
                    .with_help("the call-in period runs from the publication of the decision notice, which cannot come before the decision"),
                );
            }
        }
    }
    for (oi, o) in content.officer_decisions.iter().enumerate() {
        let maker = l.maker(o.file, &o.data.decision_maker);
        let plan = o.data.key_decision.as_ref().and_then(|k| l.plan_ref(o.file, k));
        let published = o.data.published.as_ref().map(|p| p.value);
        if let Some(p) = &o.data.published {
            if p.value < o.data.taken.value {
                let span = l.span(o.file, &p.referenced);
                l.diags.push(
                    Diagnostic::error(
                        "published-before-decision",
                        Some(span),
                        format!(
                            "published on {}, before the decision was taken on {}",
                            p.value, o.data.taken.value
                        ),
                    )
                    .with_help(
                        "the call-in period runs from publication, which cannot come before the decision",
                    ),
                );
            }
        }
        let member =
            matches!(maker, Maker::Person(p) if content.people[p].data.kind == PersonKind::Councillor);
        let executive = member || plan.is_some();
        decisions.push(DecisionRecord {
            id: o.slug.clone(),
            source: DecisionSource::Officer(oi),
            date: o.data.taken.value,
            maker,
            plan,
            published,
            call_in: call_in_state(executive, published, o.data.call_in, as_of, calendar),
            exempt: o.data.exempt_paragraph.is_some(),
        });
    }
    // Officer decision slugs must not clash with minute decision ids or the register's own pages.
    let mut seen_ids: HashMap<String, usize> = HashMap::new();
    let mut clashes = Vec::new();
    for (i, d) in decisions.iter().enumerate() {
        let reserved = matches!(d.id.as_str(), "key" | "call-in" | "maker");
        if reserved || seen_ids.insert(d.id.clone(), i).is_some() {
            clashes.push(i);
        }
    }
    for &i in clashes.iter().rev() {
        if let DecisionSource::Officer(oi) = decisions[i].source {
            let f = content.officer_decisions[oi].file;
            l.diags.push(
                Diagnostic::error(
                    "decision-id-clash",
                    Some(Span { file: f, offset: 0, len: 0 }),
                    format!("the decision id `{}` is already used by another decision or page", decisions[i].id),
                )
                .with_help("rename the file: officer decision file names must not be key, call-in or maker, nor look like committee-yyyy-mm-dd-N"),
            );
        }
        decisions.remove(i);
    }
    decisions.sort_by(|a, b| b.date.cmp(&a.date).then(a.id.cmp(&b.id)));
    l.graph.records.officer_decision = vec![0; content.officer_decisions.len()];
    for (di, d) in decisions.iter().enumerate() {
        l.graph.records.decision_ids.insert(d.id.clone(), di);
        match d.source {
            DecisionSource::Minute(mk) => {
                l.graph.records.minute_decision.insert(mk, di);
            }
            DecisionSource::Officer(oi) => l.graph.records.officer_decision[oi] = di,
        }
        if let Some(p) = d.plan {
            l.graph.records.plan_decisions[p].push(di);
        }
    }
    l.graph.records.decisions = decisions;

    // Where forward plan decisions were taken.
    for (pi, p) in content.forward_plan.iter().enumerate() {
        let Some(t) = &p.data.taken else { continue };
        let taken = if let Some(slug) = t.value.strip_prefix("decisions/") {
            match l.graph.records.decision_ids.get(slug) {
                Some(&d) => Some(Taken::Decision(d)),
                None if l.loaded.broken.contains(&t.value) => None,
                None => {
                    let span = l.span(p.file, &t.referenced);
                    let d = Diagnostic::error(
                        "ref-unknown",
                        Some(span),
                        format!("there is no decision `{}`", t.value),
                    );
                    let d = match closest(slug, l.graph.records.decision_ids.keys().map(String::as_str)) {
                        Some(c) => d.with_help(format!(
                            "did you mean `decisions/{c}`? Officer decisions are the file names in content/decisions/"
                        )),
                        None => d.with_help("officer decisions are the file names in content/decisions/"),
                    };
                    l.diags.push(d);
                    None
                }
            }
        } else {
            l.item_ref(p.file, t).map(Taken::Item)
        };
        l.graph.records.plan_taken[pi] = taken;
    }

    link_matters(l);
}

fn resolution_ref(l: &mut Linker<'_>, file: usize, from: &Spanned<String>) -> Option<OriginLink> {
    // `committee/date/minutes#45` or `#45b`.
    let (base, frag) = from.value.split_once('#').unwrap_or((&from.value, ""));
    let digits: String = frag.chars().take_while(char::is_ascii_digit).collect();
    let label = &frag[digits.len()..];
    let minute_id = format!("{base}#{digits}");
    match super::refs::resolve_field(&l.loaded.content, &l.graph, &minute_id) {
        Ok(super::Target::Minute(mk)) => {
            if label.is_empty() {
                return Some(OriginLink::Resolution(mk, None));
            }
            let min = l.loaded.content.meetings[mk.0].minutes.as_ref()?;
            match min.minutes[mk.1].resolutions().position(|r| r.label == label) {
                Some(i) => Some(OriginLink::Resolution(mk, Some(i))),
                None => {
                    let span = l.span(file, &from.referenced);
                    l.diags.push(
                        Diagnostic::error(
                            "ref-unknown",
                            Some(span),
                            format!("minute {digits} has no resolution ({label})"),
                        )
                        .with_help("name the minute (…/minutes#45) or one of its lettered resolutions (…/minutes#45b)"),
                    );
                    None
                }
            }
        }
        Ok(_) | Err(_) if l.loaded.broken.contains(base.trim_end_matches("/minutes")) => None,
        _ => {
            let span = l.span(file, &from.referenced);
            l.diags.push(
                Diagnostic::error(
                    "ref-unknown",
                    Some(span),
                    format!("`{}` is not a minute or resolution", from.value),
                )
                .with_help(
                    "write committee/yyyy-mm-dd/minutes#45 for a minute, or …#45b for its resolution (b)",
                ),
            );
            None
        }
    }
}

fn call_in_state(
    executive: bool,
    published: Option<Date>,
    given: Option<CallIn>,
    as_of: Date,
    calendar: &Calendar,
) -> CallInState {
    if given == Some(CallIn::Urgent) {
        return CallInState::Urgent;
    }
    if given == Some(CallIn::CalledIn) {
        return CallInState::CalledIn(published.map(|p| calendar.clear_working_days_after(p, 5)));
    }
    if !executive {
        return CallInState::NotApplicable;
    }
    let Some(published) = published else { return CallInState::NotPublished };
    let deadline = calendar.clear_working_days_after(published, 5);
    match given {
        _ if as_of <= deadline => CallInState::Open(deadline),
        _ => CallInState::Closed(deadline),
    }
}

/// Matters: named on records, and inferred along the links between records.
fn link_matters(l: &mut Linker<'_>) {
    let content = &l.loaded.content;
    let g = &l.graph;
    let r = &g.records;
    // Named matters, with the span where each was named.
    let mut named: Vec<(Node, &Spanned<String>, usize)> = Vec::new();
    for (wi, wp) in content.work_programmes.iter().enumerate() {
        for (ii, item) in wp.data.items.iter().enumerate() {
            if let Some(m) = &item.matter {
                named.push((Node::Work((wi, ii)), m, wp.file));
            }
        }
    }
    for (pi, p) in content.forward_plan.iter().enumerate() {
        if let Some(m) = &p.data.matter {
            named.push((Node::Plan(pi), m, p.file));
        }
    }
    for (mi, m) in content.meetings.iter().enumerate() {
        for (ri, rep) in m.reports.iter().enumerate() {
            if let Some(x) = &rep.front.matter {
                named.push((Node::Report((mi, ri)), x, rep.file));
            }
        }
        for (ii, item) in m.data.agenda.iter().enumerate() {
            if let Some(x) = &item.matter {
                named.push((Node::Item((mi, ii)), x, m.file));
            }
        }
    }
    for (oi, o) in content.officer_decisions.iter().enumerate() {
        if let Some(x) = &o.data.matter {
            named.push((Node::Decision(r.officer_decision[oi]), x, o.file));
        }
    }

    // The matter list: every file, and every slug named anywhere.
    let mut slugs: BTreeMap<String, Option<usize>> = BTreeMap::new();
    for (i, m) in content.matters.iter().enumerate() {
        slugs.insert(m.slug.clone(), Some(i));
    }
    let mut bad = Vec::new();
    for (_, m, file) in &named {
        if crate::slugs::is_slug(&m.value) {
            slugs.entry(m.value.clone()).or_insert(None);
        } else {
            bad.push((*file, (*m).clone()));
        }
    }
    let matters: Vec<MatterRecord> = slugs
        .iter()
        .map(|(slug, file)| MatterRecord {
            slug: slug.clone(),
            title: file.map_or_else(|| title_from_slug(slug), |i| content.matters[i].data.title.clone()),
            file: *file,
            events: Vec::new(),
        })
        .collect();
    let matter_ix: HashMap<String, usize> =
        matters.iter().enumerate().map(|(i, m)| (m.slug.clone(), i)).collect();

    // Links between records, for inference.
    let mut edges: Vec<(Node, Node)> = Vec::new();
    for (ik, reports) in &g.item_reports {
        for rk in reports {
            edges.push((Node::Item(*ik), Node::Report(*rk)));
        }
    }
    for (mk, &d) in &r.minute_decision {
        if let Some(ik) = g.minute_item.get(mk) {
            edges.push((Node::Item(*ik), Node::Decision(d)));
        }
    }
    for (rk, &p) in &r.report_plan {
        edges.push((Node::Report(*rk), Node::Plan(p)));
    }
    for (pi, t) in r.plan_taken.iter().enumerate() {
        match t {
            Some(Taken::Item(ik)) => edges.push((Node::Plan(pi), Node::Item(*ik))),
            Some(Taken::Decision(d)) => edges.push((Node::Plan(pi), Node::Decision(*d))),
            None => {}
        }
    }
    for (di, d) in r.decisions.iter().enumerate() {
        if let Some(p) = d.plan {
            edges.push((Node::Decision(di), Node::Plan(p)));
        }
    }
    for (wk, items) in &r.work_considered {
        for ik in items {
            edges.push((Node::Work(*wk), Node::Item(*ik)));
        }
    }
    for (wk, o) in &r.work_origin {
        if let OriginLink::Plan(p) = o {
            edges.push((Node::Work(*wk), Node::Plan(*p)));
        }
    }
    edges.sort();

    // Union-find over the nodes that appear.
    let mut nodes: Vec<Node> =
        edges.iter().flat_map(|(a, b)| [*a, *b]).chain(named.iter().map(|n| n.0)).collect();
    nodes.sort();
    nodes.dedup();
    let index: HashMap<Node, usize> = nodes.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let mut parent: Vec<usize> = (0..nodes.len()).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for (a, b) in &edges {
        let (ra, rb) = (find(&mut parent, index[a]), find(&mut parent, index[b]));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut node_matter: HashMap<Node, usize> = HashMap::new();
    let mut component_matters: HashMap<usize, Vec<usize>> = HashMap::new();
    for (node, m, _) in &named {
        if let Some(&mi) = matter_ix.get(&m.value) {
            node_matter.insert(*node, mi);
            let root = find(&mut parent, index[node]);
            let list = component_matters.entry(root).or_default();
            if !list.contains(&mi) {
                list.push(mi);
            }
        }
    }
    for (i, node) in nodes.iter().enumerate() {
        if node_matter.contains_key(node) {
            continue;
        }
        let root = find(&mut parent, i);
        if let Some(list) = component_matters.get(&root) {
            if list.len() == 1 {
                node_matter.insert(*node, list[0]);
            }
        }
    }

    // Each matter's history, in date order.
    let mut matters = matters;
    for (node, &mi) in &node_matter {
        if let Some(date) = node_date(l, *node) {
            matters[mi].events.push((date, *node));
        }
    }
    for m in &mut matters {
        m.events.sort();
    }
    for (file, m) in bad {
        let span = l.span(file, &m.referenced);
        l.diags.push(
            Diagnostic::error("bad-slug", Some(span), format!("`{}` is not a matter id", m.value)).with_help(
                format!(
                    "use lower-case letters, digits and hyphens, for example `{}`",
                    crate::slugs::slugify(&m.value)
                ),
            ),
        );
    }
    l.graph.records.matters = matters;
    l.graph.records.matter_ix = matter_ix;
    l.graph.records.node_matter = node_matter;
}

/// The date a record enters a matter's history.
pub fn node_date(l: &Linker<'_>, node: Node) -> Option<Date> {
    let content = &l.loaded.content;
    Some(match node {
        Node::Work((w, i)) => {
            let item = &content.work_programmes[w].data.items[i];
            match item.history.first() {
                Some(h) => h.date.value,
                None => match l.graph.records.work_target.get(&(w, i))? {
                    WorkTarget::Meeting(m) => content.meetings[*m].date,
                    WorkTarget::Month(d) => *d,
                },
            }
        }
        Node::Plan(p) => content.forward_plan[p].data.first_published.value,
        Node::Report((m, r)) => content.meetings[m].reports[r].front.date.value,
        Node::Item((m, _)) => content.meetings[m].date,
        Node::Decision(d) => l.graph.records.decisions[d].date,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matter_titles_from_slugs() {
        assert_eq!(title_from_slug("home-to-school-transport"), "Home to school transport");
        assert_eq!(crate::slugs::slugify("KD 2025/26-07"), "kd-2025-26-07");
    }
}
