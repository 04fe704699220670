//! Pages for work programmes, the forward plan, decisions and matters, and the matter history
//! shown on other pages.

use std::collections::BTreeMap;

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use super::{Builder, DocLink, ExemptCtx, Link, PageOut, PersonLink};
use crate::link::{
    CallInState, DecisionSource, ItemKey, Maker, MinuteKey, Node, OriginLink, Taken, WorkKey, WorkTarget,
};
use crate::model::{ExemptParagraph, PlanEntry, PlanStatus, WorkStatus};
use crate::render::format::Day;
use crate::render::markdown::Render;

/// One event in a matter's history.
#[derive(Debug, Clone, Serialize)]
pub struct EventCtx {
    date: Day,
    what: String,
    title: String,
    url: Option<String>,
    current: bool,
}

/// "History of this matter" on a record's page.
#[derive(Debug, Clone, Serialize)]
pub struct HistoryCtx {
    matter: Link,
    events: Vec<EventCtx>,
    total: usize,
}

/// A forward plan entry in a list.
#[derive(Debug, Clone, Serialize)]
pub struct PlanRow {
    reference: String,
    title: String,
    url: String,
    maker: String,
    expected: Day,
    status: PlanStatus,
    status_label: &'static str,
    private: bool,
    exempt: bool,
}

/// A decision in a list.
#[derive(Debug, Clone, Serialize)]
pub struct DecisionRow {
    title: String,
    url: String,
    maker: String,
    date: Day,
    key: Option<String>,
    call_in: String,
    exempt: bool,
}

#[derive(Serialize)]
struct WorkItemCtx {
    id: String,
    topic: String,
    purpose_html: Option<String>,
    origin: Option<String>,
    origin_link: Option<Link>,
    origin_note_html: Option<String>,
    priority: Option<String>,
    action: Option<String>,
    target: Option<String>,
    target_url: Option<String>,
    status: WorkStatus,
    status_label: &'static str,
    history: Vec<StatusCtx>,
    considered: Vec<Link>,
    reason: Option<String>,
    matter: Option<Link>,
    changed: Option<Day>,
}

#[derive(Serialize)]
struct StatusCtx {
    date: Day,
    status: String,
    note: Option<String>,
}

fn status_history<S: crate::model::StatusLabel>(history: &[crate::model::StatusChange<S>]) -> Vec<StatusCtx> {
    history
        .iter()
        .map(|h| StatusCtx {
            date: Day::of(h.date.value),
            status: h.status.label().into(),
            note: h.note.clone(),
        })
        .collect()
}

/// The effective expected date of a forward plan entry (the new date if deferred).
pub fn plan_expected(p: &PlanEntry) -> Date {
    match (p.data.status, &p.data.deferred_to) {
        (PlanStatus::Deferred, Some(d)) => d.value,
        _ => p.data.expected.value,
    }
}

#[derive(Serialize)]
struct DecisionPage {
    row: DecisionRow,
    maker_url: Option<String>,
    published: Option<Day>,
    plan: Option<Link>,
    exempt: Option<ExemptCtx>,
    resolutions: Vec<String>,
    decision_html: Option<String>,
    reasons_html: Option<String>,
    alternatives_html: Option<String>,
    declarations: Vec<String>,
    minute: Option<Link>,
    item: Option<Link>,
    reports: Vec<DocLink>,
    wards: Option<String>,
    matter: Option<HistoryCtx>,
}

impl Builder<'_> {
    fn maker_name(&self, m: Maker) -> String {
        match m {
            Maker::Committee(c) => self.content.committees[c].data.name.clone(),
            Maker::Person(p) => {
                let person = &self.content.people[p];
                let role = person
                    .data
                    .roles
                    .iter()
                    .find(|r| r.contains("Cabinet Member") || r.contains("Portfolio"))
                    .or(person.data.roles.first());
                match (&person.data.job_title, role) {
                    (Some(j), _) => format!("{} ({j})", person.display_name()),
                    (None, Some(r)) => format!("{} ({r})", person.display_name()),
                    _ => person.display_name(),
                }
            }
            Maker::Unknown => "Not known".into(),
        }
    }

    fn maker_slug_ref(&self, m: Maker) -> Option<&str> {
        match m {
            Maker::Committee(c) => Some(self.content.committees[c].slug.as_str()),
            Maker::Person(p) => Some(self.content.people[p].slug.as_str()),
            Maker::Unknown => None,
        }
    }

    fn maker_slug(&self, m: Maker) -> Option<String> {
        match m {
            Maker::Committee(c) => Some(self.content.committees[c].slug.clone()),
            Maker::Person(p) => Some(self.content.people[p].slug.clone()),
            Maker::Unknown => None,
        }
    }

    pub(super) fn plan_row(&self, pi: usize) -> PlanRow {
        let p = &self.content.forward_plan[pi];
        PlanRow {
            reference: p.data.reference.value.clone(),
            title: p.data.title.clone(),
            url: self.urls.plan_entry(&p.slug),
            maker: self.maker_name(self.graph.records.plan_maker[pi]),
            expected: Day::of(plan_expected(p)),
            status: p.data.status,
            status_label: p.data.status.label(),
            private: p.data.private.is_some(),
            exempt: p.data.exempt_paragraph.is_some(),
        }
    }

    pub(super) fn plan_link(&self, pi: usize) -> Link {
        let p = &self.content.forward_plan[pi];
        Link {
            title: format!("{}: {}", p.data.reference.value, p.data.title),
            url: self.urls.plan_entry(&p.slug),
        }
    }

    fn decision_title(&self, di: usize) -> String {
        let d = &self.graph.records.decisions[di];
        match d.source {
            DecisionSource::Minute((m, n)) => {
                let meeting = &self.content.meetings[m];
                meeting.minutes.as_ref().map_or_else(String::new, |min| min.minutes[n].title.clone())
            }
            DecisionSource::Officer(o) => self.content.officer_decisions[o].data.title.clone(),
        }
    }

    pub(super) fn decision_link(&self, di: usize) -> Link {
        let d = &self.graph.records.decisions[di];
        Link { title: format!("Decision: {}", self.decision_title(di)), url: self.urls.decision(&d.id) }
    }

    fn call_in_text(&self, s: CallInState) -> String {
        match s {
            CallInState::NotApplicable => "Not subject to call-in".into(),
            CallInState::NotPublished => "The decision notice has not yet been published".into(),
            CallInState::Urgent => "Urgent: not subject to call-in".into(),
            CallInState::Open(d) => format!("Open for call-in until the end of {}", Day::of(d).long),
            CallInState::Closed(d) => format!("Call-in period ended on {}; not called in", Day::of(d).text),
            CallInState::CalledIn(Some(d)) => {
                format!("Called in (the call-in period ended on {})", Day::of(d).text)
            }
            CallInState::CalledIn(None) => "Called in".into(),
        }
    }

    fn decision_row(&self, di: usize) -> DecisionRow {
        let d = &self.graph.records.decisions[di];
        DecisionRow {
            title: self.decision_title(di),
            url: self.urls.decision(&d.id),
            maker: self.maker_name(d.maker),
            date: Day::of(d.date),
            key: d.plan.map(|p| self.content.forward_plan[p].data.reference.value.clone()),
            call_in: self.call_in_text(d.call_in),
            exempt: d.exempt,
        }
    }

    fn node_event(&self, node: Node) -> (String, String, Option<String>) {
        let content = self.content;
        match node {
            Node::Work((w, i)) => {
                let wp = &content.work_programmes[w];
                let committee = self
                    .graph
                    .committees
                    .get(&wp.committee)
                    .map_or_else(|| wp.committee.clone(), |&c| content.committees[c].data.name.clone());
                (
                    format!("Planned in the work programme of {committee}"),
                    wp.data.items[i].topic.clone(),
                    Some(self.urls.work_item(&wp.committee, &wp.data.items[i].id.value)),
                )
            }
            Node::Plan(p) => (
                format!("Published in the forward plan ({})", content.forward_plan[p].data.reference.value),
                content.forward_plan[p].data.title.clone(),
                Some(self.urls.plan_entry(&content.forward_plan[p].slug)),
            ),
            Node::Report(rk) => {
                let l = self.report_link(rk);
                ("Report published".into(), l.label.trim_start_matches("Report: ").to_string(), l.url)
            }
            Node::Item(ik) => {
                let l = self.item_link(ik);
                (
                    format!("Considered by {}", self.committee_name(&content.meetings[ik.0])),
                    l.title,
                    Some(l.url),
                )
            }
            Node::Decision(d) => {
                let rec = &self.graph.records.decisions[d];
                (
                    format!("Decided by {}", self.maker_name(rec.maker)),
                    self.decision_title(d),
                    Some(self.urls.decision(&rec.id)),
                )
            }
        }
    }

    /// The neighbours of a record in its matter's history.
    pub(super) fn history(&self, node: Node) -> Option<HistoryCtx> {
        let (m, events) = self.graph.records.matter_neighbours(node, 3)?;
        let matter = &self.graph.records.matters[m];
        Some(HistoryCtx {
            matter: Link { title: matter.title.clone(), url: self.urls.matter(&matter.slug) },
            total: matter.events.len(),
            events: events.into_iter().map(|(date, n)| self.event_ctx(date, n, n == node)).collect(),
        })
    }

    fn event_ctx(&self, date: Date, n: Node, current: bool) -> EventCtx {
        let (what, title, url) = self.node_event(n);
        EventCtx { date: Day::of(date), what, title, url, current }
    }

    /// Work programme items and monitoring items that reached an agenda item.
    pub(super) fn item_work_links(&self, key: ItemKey) -> Vec<Link> {
        let r = &self.graph.records;
        let mut out: Vec<Link> = r
            .item_work
            .get(&key)
            .into_iter()
            .flatten()
            .map(|&(w, i)| {
                let wp = &self.content.work_programmes[w];
                Link {
                    title: format!("Work programme: {}", wp.data.items[i].topic),
                    url: self.urls.work_item(&wp.committee, &wp.data.items[i].id.value),
                }
            })
            .collect();
        out.extend(r.item_monitor.get(&key).into_iter().flatten().map(|&(w, i)| {
            let wp = &self.content.work_programmes[w];
            Link {
                title: format!("Work programme (monitoring): {}", wp.data.monitoring[i].topic),
                url: self.urls.work_item(&wp.committee, &wp.data.monitoring[i].id.value),
            }
        }));
        out
    }

    /// Work programme items created by a minute's resolutions.
    pub(super) fn minute_creates(&self, mk: MinuteKey) -> Vec<Link> {
        self.graph
            .records
            .minute_work
            .get(&mk)
            .into_iter()
            .flatten()
            .map(|&(w, i)| {
                let wp = &self.content.work_programmes[w];
                Link {
                    title: wp.data.items[i].topic.clone(),
                    url: self.urls.work_item(&wp.committee, &wp.data.items[i].id.value),
                }
            })
            .collect()
    }

    fn work_item_ctx(&self, key: WorkKey) -> WorkItemCtx {
        let (w, i) = key;
        let wp = &self.content.work_programmes[w];
        let item = &wp.data.items[i];
        let r = &self.graph.records;
        let (origin, origin_link) = match (item.origin.as_ref(), r.work_origin.get(&key)) {
            (None, _) => (None, None),
            (Some(o), link) => {
                let what = match o.kind {
                    crate::model::OriginKind::Resolution => "Resolution",
                    crate::model::OriginKind::MemberRequest => "Member request",
                    crate::model::OriginKind::ForwardPlan => "Forward plan",
                    crate::model::OriginKind::Other => "Other",
                };
                let text = what.to_string();
                let link = link.map(|l| match *l {
                    OriginLink::Resolution((m, n), res) => {
                        let meeting = &self.content.meetings[m];
                        let min = meeting.minutes.as_ref();
                        let number = min.map_or(0, |x| x.minutes[n].number);
                        let label = res.and_then(|ri| {
                            min.and_then(|x| x.minutes[n].resolutions().nth(ri)).map(|r| r.label.clone())
                        });
                        Link {
                            title: match label {
                                Some(lb) => format!("Minute {number}({lb}), {}", self.meeting_title(m)),
                                None => format!("Minute {number}, {}", self.meeting_title(m)),
                            },
                            url: self.urls.minute(&meeting.committee, meeting.date, number),
                        }
                    }
                    OriginLink::Person(p) => {
                        let pl = self.person_link(&self.content.people[p].slug);
                        Link { title: pl.name, url: pl.url }
                    }
                    OriginLink::Plan(p) => self.plan_link(p),
                });
                (Some(text), link)
            }
        };
        let (target, target_url) = match r.work_target.get(&key) {
            Some(WorkTarget::Meeting(m)) => (Some(self.meeting_title(*m)), Some(self.meeting_link(*m).url)),
            Some(WorkTarget::Month(d)) => (Some(d.strftime("%B %Y").to_string()), None),
            None => (None, None),
        };
        WorkItemCtx {
            id: item.id.value.clone(),
            topic: item.topic.clone(),
            purpose_html: item.purpose.as_ref().map(|p| self.md(p, wp.file, Render::default())),
            origin,
            origin_link,
            origin_note_html: item
                .origin
                .as_ref()
                .and_then(|o| o.note.as_ref())
                .map(|n| self.md(n, wp.file, Render { inline: true, ..Render::default() })),
            priority: item.priority.clone(),
            action: item.action.clone(),
            target,
            target_url,
            status: item.status,
            status_label: item.status.label(),
            history: status_history(&item.history),
            considered: r
                .work_considered
                .get(&key)
                .into_iter()
                .flatten()
                .map(|&k| self.item_link_with_meeting(k))
                .collect(),
            reason: item.reason.clone(),
            matter: r.node_matter.get(&Node::Work(key)).map(|&m| {
                let mt = &r.matters[m];
                Link { title: mt.title.clone(), url: self.urls.matter(&mt.slug) }
            }),
            changed: item.history.last().map(|h| Day::of(h.date.value)),
        }
    }

    fn item_link_with_meeting(&self, k: ItemKey) -> Link {
        let l = self.item_link(k);
        Link { title: format!("{}, {}", l.title, self.meeting_title(k.0)), url: l.url }
    }

    /// `/committees/<slug>/work-programme/`.
    pub fn work_programme(&self, w: usize) -> Result<PageOut, String> {
        #[derive(Serialize)]
        struct ByMeeting {
            meeting: Link,
            date: Day,
            items: Vec<Link>,
        }
        #[derive(Serialize)]
        struct Cell {
            due: bool,
            considered: Option<Link>,
        }
        #[derive(Serialize)]
        struct MonitorRow {
            id: String,
            topic: String,
            frequency: String,
            cells: Vec<Cell>,
        }
        #[derive(Serialize)]
        struct Future {
            topic: String,
            note_html: Option<String>,
            suggested_by: Option<String>,
        }
        #[derive(Serialize)]
        struct ProgressCtx {
            date: Day,
            html: String,
        }
        #[derive(Serialize)]
        struct Group {
            id: String,
            name: String,
            status: String,
            scope_html: Option<String>,
            lead: Option<PersonLink>,
            members: Vec<PersonLink>,
            progress: Vec<ProgressCtx>,
            reports: Vec<DocLink>,
        }
        #[derive(Serialize)]
        struct WorkProgrammePage {
            committee: Link,
            introduction_html: Option<String>,
            record: Vec<ByMeeting>,
            upcoming: Vec<WorkItemCtx>,
            completed: Vec<WorkItemCtx>,
            discontinued: Vec<WorkItemCtx>,
            grid_meetings: Vec<Link>,
            monitoring: Vec<MonitorRow>,
            future: Vec<Future>,
            groups: Vec<Group>,
        }
        let wp = &self.content.work_programmes[w];
        let r = &self.graph.records;
        let committee_name = self
            .graph
            .committees
            .get(&wp.committee)
            .map_or_else(|| wp.committee.clone(), |&c| self.content.committees[c].data.name.clone());
        let committee = Link { title: committee_name.clone(), url: self.urls.committee(&wp.committee) };

        // The historical record: agenda items reached by work programme items, by meeting.
        let mut reached: Vec<(ItemKey, String)> = Vec::new();
        for (i, item) in wp.data.items.iter().enumerate() {
            for &k in r.work_considered.get(&(w, i)).into_iter().flatten() {
                reached.push((k, item.topic.clone()));
            }
        }
        for (i, mon) in wp.data.monitoring.iter().enumerate() {
            for &k in r.monitor_considered.get(&(w, i)).into_iter().flatten() {
                reached.push((k, mon.topic.clone()));
            }
        }
        reached.sort_by_key(|(k, _)| (self.content.meetings[k.0].date, *k));
        let mut record: Vec<ByMeeting> = Vec::new();
        for (k, _) in reached {
            let link = self.item_link(k);
            match record.last_mut() {
                Some(b) if b.meeting.url == self.meeting_link(k.0).url => {
                    if !b.items.iter().any(|x| x.url == link.url) {
                        b.items.push(link);
                    }
                }
                _ => record.push(ByMeeting {
                    meeting: self.meeting_link(k.0),
                    date: Day::of(self.content.meetings[k.0].date),
                    items: vec![link],
                }),
            }
        }

        let mut upcoming = Vec::new();
        let mut completed = Vec::new();
        let mut discontinued = Vec::new();
        for i in 0..wp.data.items.len() {
            let ctx = self.work_item_ctx((w, i));
            match ctx.status {
                WorkStatus::Completed => completed.push(ctx),
                WorkStatus::Discontinued => discontinued.push(ctx),
                _ => upcoming.push(ctx),
            }
        }

        // The monitoring grid: a column for every meeting any monitoring item is due at or
        // was considered at.
        let mut columns: Vec<usize> = Vec::new();
        for i in 0..wp.data.monitoring.len() {
            columns.extend(r.monitor_due.get(&(w, i)).into_iter().flatten());
            columns.extend(r.monitor_considered.get(&(w, i)).into_iter().flatten().map(|k| k.0));
        }
        columns.sort_by_key(|&m| (self.content.meetings[m].date, m));
        columns.dedup();
        let monitoring = wp
            .data
            .monitoring
            .iter()
            .enumerate()
            .map(|(i, mon)| {
                let due = r.monitor_due.get(&(w, i)).cloned().unwrap_or_default();
                let considered = r.monitor_considered.get(&(w, i)).cloned().unwrap_or_default();
                MonitorRow {
                    id: mon.id.value.clone(),
                    topic: mon.topic.clone(),
                    frequency: mon.frequency.clone(),
                    cells: columns
                        .iter()
                        .map(|&m| Cell {
                            due: due.contains(&m),
                            considered: considered.iter().find(|k| k.0 == m).map(|&k| self.item_link(k)),
                        })
                        .collect(),
                }
            })
            .collect();
        let grid_meetings = columns
            .iter()
            .map(|&m| Link {
                title: Day::of(self.content.meetings[m].date).text,
                url: self.meeting_link(m).url,
            })
            .collect();
        let groups = wp
            .data
            .task_groups
            .iter()
            .enumerate()
            .map(|(gi, g)| Group {
                id: g.id.value.clone(),
                name: g.name.clone(),
                status: format!("{:?}", g.status),
                scope_html: g.scope.as_ref().map(|s| self.md(s, wp.file, Render::default())),
                lead: g.lead.as_ref().or(g.members.first()).map(|p| self.person_link(&p.value)),
                members: g.members.iter().map(|p| self.person_link(&p.value)).collect(),
                progress: g
                    .progress
                    .iter()
                    .map(|p| ProgressCtx {
                        date: Day::of(p.date),
                        html: self.md(&p.note, wp.file, Render { inline: true, ..Render::default() }),
                    })
                    .collect(),
                reports: r
                    .group_reports
                    .get(&(w, gi))
                    .into_iter()
                    .flatten()
                    .map(|&rk| self.report_link(rk))
                    .collect(),
            })
            .collect();
        let updated = wp
            .data
            .items
            .iter()
            .flat_map(|i| i.history.iter().map(|h| h.date.value))
            .chain(wp.data.task_groups.iter().flat_map(|g| g.progress.iter().map(|p| p.date)))
            .max();
        let url = self.urls.work_programme(&wp.committee);
        let meta = self.meta(
            format!("Work programme: {committee_name}"),
            &url,
            vec![self.home_crumb(), self.committees_crumb(), committee.clone()],
            updated,
            format!("The work programme of {committee_name}: planned items, monitoring and task groups"),
        );
        let page = WorkProgrammePage {
            committee,
            introduction_html: wp.data.introduction.as_ref().map(|t| self.md(t, wp.file, Render::default())),
            record,
            upcoming,
            completed,
            discontinued,
            grid_meetings,
            monitoring,
            future: wp
                .data
                .future
                .iter()
                .map(|f| Future {
                    topic: f.topic.clone(),
                    note_html: f.note.as_ref().map(|n| self.md(n, wp.file, Render::default())),
                    suggested_by: f.suggested_by.clone(),
                })
                .collect(),
            groups,
        };
        self.page("work-programme.html", url, meta, page)
    }

    fn plan_crumb(&self) -> Link {
        Link { title: "Forward plan".into(), url: self.urls.forward_plan() }
    }

    fn plan_updated(&self) -> Option<Date> {
        self.content
            .forward_plan
            .iter()
            .flat_map(|p| {
                std::iter::once(p.data.first_published.value)
                    .chain(p.data.history.iter().map(|h| h.date.value))
            })
            .max()
    }

    /// `/forward-plan/`: decisions expected in the next four months, later ones, and the archive.
    pub fn forward_plan(&self) -> Result<PageOut, String> {
        #[derive(Serialize)]
        struct Period {
            label: String,
            entries: Vec<PlanRow>,
        }
        #[derive(Serialize)]
        struct PlanPage {
            as_of: Day,
            until: Day,
            current: Vec<PlanRow>,
            later: Vec<PlanRow>,
            archive: Vec<Period>,
            makers: Vec<Link>,
            scrutiny: Vec<Link>,
            /// The forward plan's Atom feed.
            feed: Link,
        }
        let as_of = self.graph.as_of().unwrap_or(jiff::civil::date(2000, 1, 1));
        let until = as_of.checked_add(4.months()).unwrap_or(as_of);
        let mut order: Vec<usize> = (0..self.content.forward_plan.len()).collect();
        order.sort_by_key(|&p| (plan_expected(&self.content.forward_plan[p]), p));
        let mut current = Vec::new();
        let mut later = Vec::new();
        let mut archive: Vec<Period> = Vec::new();
        for &p in order.iter().rev() {
            let e = &self.content.forward_plan[p];
            let expected = plan_expected(e);
            let open = matches!(e.data.status, PlanStatus::Pending | PlanStatus::Deferred);
            if open && expected >= as_of && expected <= until {
                current.push(self.plan_row(p));
            } else if open && expected > until {
                later.push(self.plan_row(p));
            } else {
                let label = expected.strftime("%B %Y").to_string();
                match archive.last_mut() {
                    Some(per) if per.label == label => per.entries.push(self.plan_row(p)),
                    _ => archive.push(Period { label, entries: vec![self.plan_row(p)] }),
                }
            }
        }
        current.reverse();
        later.reverse();
        let (makers, scrutiny) = self.plan_filters();
        let url = self.urls.forward_plan();
        let meta = self.meta(
            "Forward plan of key decisions".into(),
            &url,
            vec![self.home_crumb()],
            self.plan_updated(),
            format!("Key decisions {} expects to take in the next four months", self.content.site.name),
        );
        let mut meta = meta;
        self.mark_exempt_plan(&mut meta);
        let page = PlanPage {
            as_of: Day::of(as_of),
            until: Day::of(until),
            current,
            later,
            archive,
            makers,
            scrutiny,
            feed: Link { title: "Forward plan feed (Atom)".into(), url: self.urls.forward_plan_feed() },
        };
        self.page("forward-plan.html", url, meta, page)
    }

    /// Marks a forward plan list in the members' edition if any entry in the plan is exempt.
    fn mark_exempt_plan(&self, meta: &mut super::Meta) {
        let paragraphs: Vec<Option<ExemptParagraph>> = self
            .content
            .forward_plan
            .iter()
            .filter_map(|p| p.data.exempt_paragraph.as_ref().map(|x| Some(x.value)))
            .collect();
        self.mark_exempt(meta, &paragraphs);
    }

    /// Filter pages: by decision maker and by scrutiny committee.
    pub(crate) fn plan_filters(&self) -> (Vec<Link>, Vec<Link>) {
        let r = &self.graph.records;
        let mut makers: Vec<Link> = Vec::new();
        for &m in &r.plan_maker {
            if let Some(slug) = self.maker_slug(m) {
                let l = Link {
                    title: self.maker_name(m),
                    url: self.path_of_plan_filter("decision-maker", &slug),
                };
                if !makers.iter().any(|x| x.url == l.url) {
                    makers.push(l);
                }
            }
        }
        makers.sort_by(|a, b| a.title.cmp(&b.title));
        let mut scrutiny: Vec<Link> = Vec::new();
        for c in r.plan_scrutiny.iter().flatten() {
            let com = &self.content.committees[*c];
            let l =
                Link { title: com.data.name.clone(), url: self.path_of_plan_filter("scrutiny", &com.slug) };
            if !scrutiny.iter().any(|x| x.url == l.url) {
                scrutiny.push(l);
            }
        }
        scrutiny.sort_by(|a, b| a.title.cmp(&b.title));
        (makers, scrutiny)
    }

    fn path_of_plan_filter(&self, kind: &str, slug: &str) -> String {
        self.urls.path(&format!("forward-plan/{kind}/{slug}/"))
    }

    /// The filter pages' (kind, slug) pairs.
    pub fn plan_filter_keys(&self) -> Vec<(&'static str, String)> {
        let r = &self.graph.records;
        let mut out: Vec<(&'static str, String)> = Vec::new();
        for &m in &r.plan_maker {
            if let Some(s) = self.maker_slug(m) {
                out.push(("decision-maker", s));
            }
        }
        for c in r.plan_scrutiny.iter().flatten() {
            out.push(("scrutiny", self.content.committees[*c].slug.clone()));
        }
        out.sort();
        out.dedup();
        out
    }

    /// `/forward-plan/decision-maker/<slug>/` and `/forward-plan/scrutiny/<slug>/`.
    pub fn plan_filter(&self, kind: &str, slug: &str) -> Result<PageOut, String> {
        #[derive(Serialize)]
        struct FilterPage {
            heading: String,
            entries: Vec<PlanRow>,
        }
        let r = &self.graph.records;
        let mut entries: Vec<usize> = (0..self.content.forward_plan.len())
            .filter(|&p| match kind {
                "decision-maker" => self.maker_slug(r.plan_maker[p]).as_deref() == Some(slug),
                _ => r.plan_scrutiny[p].is_some_and(|c| self.content.committees[c].slug == slug),
            })
            .collect();
        entries.sort_by_key(|&p| (std::cmp::Reverse(plan_expected(&self.content.forward_plan[p])), p));
        let name = match kind {
            "decision-maker" => {
                entries.first().map(|&p| self.maker_name(r.plan_maker[p])).unwrap_or_default()
            }
            _ => self
                .graph
                .committees
                .get(slug)
                .map(|&c| self.content.committees[c].data.name.clone())
                .unwrap_or_default(),
        };
        let heading = match kind {
            "decision-maker" => format!("Forward plan: decisions by {name}"),
            _ => format!("Forward plan: decisions scrutinised by {name}"),
        };
        let url = self.path_of_plan_filter(kind, slug);
        let meta = self.meta(
            heading.clone(),
            &url,
            vec![self.home_crumb(), self.plan_crumb()],
            self.plan_updated(),
            heading.clone(),
        );
        let mut meta = meta;
        self.mark_exempt_plan(&mut meta);
        self.page(
            "forward-plan-filter.html",
            url,
            meta,
            FilterPage { heading, entries: entries.into_iter().map(|p| self.plan_row(p)).collect() },
        )
    }

    /// `/forward-plan/<reference-slug>/`.
    pub fn plan_entry(&self, pi: usize) -> Result<PageOut, String> {
        #[derive(Serialize)]
        struct PrivateCtx {
            paragraph: u8,
            meaning: Option<String>,
            reason: String,
        }
        #[derive(Serialize)]
        struct EntryPage {
            row: PlanRow,
            decision_html: String,
            maker: String,
            maker_url: Option<String>,
            first_published: Day,
            originally_expected: Option<Day>,
            consultation_html: Option<String>,
            scrutiny: Option<Link>,
            contact: PersonLink,
            documents: Vec<String>,
            wards: String,
            private: Option<PrivateCtx>,
            taken: Option<Link>,
            history: Vec<StatusCtx>,
            reports: Vec<DocLink>,
            decisions: Vec<Link>,
            work_items: Vec<Link>,
            matter: Option<HistoryCtx>,
            exempt: Option<ExemptCtx>,
        }
        let p = &self.content.forward_plan[pi];
        let exempt = p.data.exempt_paragraph.as_ref().map(|x| ExemptCtx {
            paragraph: Some(x.value.0),
            meaning: x.value.meaning().map(str::to_string),
            public_interest: p.data.public_interest.clone(),
            at_meeting: false,
        });
        let r = &self.graph.records;
        let maker = r.plan_maker[pi];
        let taken = r.plan_taken[pi].map(|t| match t {
            Taken::Item(k) => self.item_link_with_meeting(k),
            Taken::Decision(d) => self.decision_link(d),
        });
        let url = self.urls.plan_entry(&p.slug);
        let title = format!("{}: {}", p.data.reference.value, p.data.title);
        let updated = p.data.history.iter().map(|h| h.date.value).chain([p.data.first_published.value]).max();
        let mut meta = self.meta(
            title,
            &url,
            vec![self.home_crumb(), self.plan_crumb()],
            updated,
            format!("Forward plan entry {}", p.data.reference.value),
        );
        self.set_published(&mut meta, &format!("forward-plan/{}", p.slug));
        let page = EntryPage {
            row: self.plan_row(pi),
            decision_html: self.md(&p.data.decision, p.file, Render::default()),
            maker: self.maker_name(maker),
            maker_url: match maker {
                Maker::Committee(c) => Some(self.urls.committee(&self.content.committees[c].slug)),
                Maker::Person(x) => Some(self.urls.person(&self.content.people[x].slug)),
                Maker::Unknown => None,
            },
            first_published: Day::of(p.data.first_published.value),
            originally_expected: (plan_expected(p) != p.data.expected.value)
                .then(|| Day::of(p.data.expected.value)),
            consultation_html: p.data.consultation.as_ref().map(|c| self.md(c, p.file, Render::default())),
            scrutiny: r.plan_scrutiny[pi].map(|c| {
                let com = &self.content.committees[c];
                Link { title: com.data.name.clone(), url: self.urls.committee(&com.slug) }
            }),
            contact: self.person_link(&p.data.contact.value),
            documents: p.data.documents.clone(),
            wards: if p.data.wards.is_empty() { "Not specified".into() } else { p.data.wards.join(", ") },
            private: p.data.private.as_ref().map(|x| PrivateCtx {
                paragraph: x.paragraph.value.0,
                meaning: ExemptParagraph::meaning(x.paragraph.value).map(str::to_string),
                reason: x.reason.clone(),
            }),
            taken,
            history: status_history(&p.data.history),
            reports: r.plan_reports[pi].iter().map(|&rk| self.report_link(rk)).collect(),
            decisions: r.plan_decisions[pi].iter().map(|&d| self.decision_link(d)).collect(),
            work_items: r.plan_work[pi]
                .iter()
                .map(|&(w, i)| {
                    let wp = &self.content.work_programmes[w];
                    Link {
                        title: format!("{} (work programme)", wp.data.items[i].topic),
                        url: self.urls.work_item(&wp.committee, &wp.data.items[i].id.value),
                    }
                })
                .collect(),
            matter: self.history(Node::Plan(pi)),
            exempt,
        };
        let paragraphs: Vec<Option<ExemptParagraph>> =
            p.data.exempt_paragraph.iter().map(|x| Some(x.value)).collect();
        self.mark_exempt(&mut meta, &paragraphs);
        self.page("plan-entry.html", url, meta, page)
    }

    fn decisions_crumb(&self) -> Link {
        Link { title: "Decisions".into(), url: self.urls.decisions() }
    }

    /// The decision register and its filters: `None` for all, or ("key", ""), ("call-in", ""),
    /// ("maker", slug).
    pub fn decisions(&self, filter: Option<(&str, &str)>) -> Result<PageOut, String> {
        #[derive(Serialize)]
        struct DecisionsPage {
            heading: String,
            intro: String,
            rows: Vec<DecisionRow>,
            filters: Vec<Link>,
            as_of: Day,
            /// The decisions' Atom feed.
            feed: Link,
        }
        let r = &self.graph.records;
        // Every maker once, by slug, with the first of their decisions: one pass over the
        // decisions, so a page costs O(decisions), not O(makers × decisions).
        let mut makers: BTreeMap<&str, Maker> = BTreeMap::new();
        for d in &r.decisions {
            if let Some(slug) = self.maker_slug_ref(d.maker) {
                makers.entry(slug).or_insert(d.maker);
            }
        }
        let keep = |di: usize| -> bool {
            let d = &r.decisions[di];
            match filter {
                None => true,
                Some(("key", _)) => d.plan.is_some(),
                Some(("call-in", _)) => matches!(d.call_in, CallInState::Open(_)),
                Some((_, slug)) => self.maker_slug_ref(d.maker) == Some(slug),
            }
        };
        let rows: Vec<DecisionRow> =
            (0..r.decisions.len()).filter(|&d| keep(d)).map(|d| self.decision_row(d)).collect();
        let (heading, intro, url) = match filter {
            None => ("Decisions".to_string(), "Every decision of the cabinet, the council and its regulatory committees, and decisions taken by officers and individual members, newest first.".to_string(), self.urls.decisions()),
            Some(("key", _)) => ("Key decisions".to_string(), "Decisions that were key decisions, with their forward plan references.".to_string(), self.urls.path("decisions/key/")),
            Some(("call-in", _)) => ("Decisions open for call-in".to_string(), "Executive decisions that can still be called in for scrutiny. The period is five clear working days from publication of the decision.".to_string(), self.urls.path("decisions/call-in/")),
            Some((_, slug)) => {
                let name = makers.get(slug).map(|&m| self.maker_name(m)).unwrap_or_default();
                (format!("Decisions by {name}"), format!("Decisions taken by {name}, newest first."), self.urls.path(&format!("decisions/maker/{slug}/")))
            }
        };
        let mut filters = vec![
            Link { title: "All decisions".into(), url: self.urls.decisions() },
            Link { title: "Key decisions".into(), url: self.urls.path("decisions/key/") },
            Link { title: "Open for call-in".into(), url: self.urls.path("decisions/call-in/") },
        ];
        for (slug, &maker) in &makers {
            filters.push(Link {
                title: format!("By {}", self.maker_name(maker)),
                url: self.urls.path(&format!("decisions/maker/{slug}/")),
            });
        }
        let crumbs = if filter.is_some() {
            vec![self.home_crumb(), self.decisions_crumb()]
        } else {
            vec![self.home_crumb()]
        };
        let updated = r.decisions.iter().map(|d| d.published.unwrap_or(d.date)).max();
        let meta = self.meta(heading.clone(), &url, crumbs, updated, intro.clone());
        let as_of = Day::of(self.graph.as_of().unwrap_or(jiff::civil::date(2000, 1, 1)));
        let mut meta = meta;
        let paragraphs: Vec<Option<ExemptParagraph>> =
            rows.iter().filter(|r| r.exempt).map(|_| None).collect();
        self.mark_exempt(&mut meta, &paragraphs);
        let feed = Link { title: "Decisions feed (Atom)".into(), url: self.urls.decisions_feed() };
        self.page("decisions.html", url, meta, DecisionsPage { heading, intro, rows, filters, as_of, feed })
    }

    /// Slugs of every decision maker, sorted.
    pub fn decision_makers(&self) -> Vec<String> {
        let mut v: Vec<String> =
            self.graph.records.decisions.iter().filter_map(|d| self.maker_slug(d.maker)).collect();
        v.sort();
        v.dedup();
        v
    }

    /// `/decisions/<id>/`.
    pub fn decision(&self, di: usize) -> Result<PageOut, String> {
        let d = &self.graph.records.decisions[di];
        let mut page = DecisionPage {
            row: self.decision_row(di),
            maker_url: match d.maker {
                Maker::Committee(c) => Some(self.urls.committee(&self.content.committees[c].slug)),
                Maker::Person(p) => Some(self.urls.person(&self.content.people[p].slug)),
                Maker::Unknown => None,
            },
            published: d.published.map(Day::of),
            plan: d.plan.map(|p| self.plan_link(p)),
            exempt: None,
            resolutions: Vec::new(),
            decision_html: None,
            reasons_html: None,
            alternatives_html: None,
            declarations: Vec::new(),
            minute: None,
            item: None,
            reports: Vec::new(),
            wards: None,
            matter: self.history(Node::Decision(di)),
        };
        match d.source {
            DecisionSource::Minute((m, n)) => {
                let meeting = &self.content.meetings[m];
                let min = meeting.minutes.as_ref().ok_or("decision without minutes")?;
                let minute = &min.minutes[n];
                page.minute = Some(Link {
                    title: format!("Minute {}, {}", minute.number, self.meeting_title(m)),
                    url: self.urls.minute(&meeting.committee, meeting.date, minute.number),
                });
                let item = self.graph.minute_item.get(&(m, n)).copied();
                page.item = item.map(|k| self.item_link(k));
                if d.exempt {
                    page.exempt = self.minute_exempt_ctx(m, n);
                }
                if !self.withhold(d.exempt) {
                    let prefix = format!("m{}-", minute.number);
                    page.resolutions = minute
                        .resolutions()
                        .map(|r| {
                            let html = self.md(
                                &min.body[r.text.clone()],
                                min.file,
                                Render { inline: true, id_prefix: &prefix, ..Render::default() },
                            );
                            if minute.resolutions().count() > 1 {
                                format!("({}) {html}", r.label)
                            } else {
                                html
                            }
                        })
                        .collect();
                    let details = min.front.decisions.iter().find(|x| x.minute.value == minute.number);
                    page.reasons_html = details
                        .and_then(|x| x.reasons.as_ref())
                        .map(|t| self.md(t, min.file, Render::default()));
                    page.alternatives_html = details
                        .and_then(|x| x.alternatives.as_ref())
                        .map(|t| self.md(t, min.file, Render::default()));
                    if let Some(k) = item {
                        page.reports = self
                            .graph
                            .item_reports
                            .get(&k)
                            .into_iter()
                            .flatten()
                            .map(|&rk| self.report_link(rk))
                            .collect();
                        let number = meeting.data.agenda[k.1].number.value;
                        page.declarations = min
                            .front
                            .declarations
                            .iter()
                            .filter(|x| x.item.value == number)
                            .map(|x| format!("{}: {}", self.person_link(&x.person.value).name, x.nature))
                            .collect();
                    }
                }
            }
            DecisionSource::Officer(o) => {
                let od = &self.content.officer_decisions[o];
                if let Some(p) = &od.data.exempt_paragraph {
                    page.exempt = Some(ExemptCtx {
                        paragraph: Some(p.value.0),
                        meaning: p.value.meaning().map(str::to_string),
                        public_interest: od.data.public_interest.clone(),
                        at_meeting: false,
                    });
                }
                if self.withhold(d.exempt) {
                    return self.decision_page(di, page);
                }
                page.decision_html = Some(self.md(&od.data.decision, od.file, Render::default()));
                page.reasons_html = Some(self.md(&od.data.reasons, od.file, Render::default()));
                page.alternatives_html =
                    od.data.alternatives.as_ref().map(|t| self.md(t, od.file, Render::default()));
                page.declarations = od.data.declarations.iter().cloned().collect();
                page.wards = (!od.data.wards.is_empty()).then(|| od.data.wards.join(", "));
            }
        }
        self.decision_page(di, page)
    }

    fn decision_page(&self, di: usize, page: DecisionPage) -> Result<PageOut, String> {
        let d = &self.graph.records.decisions[di];
        let url = self.urls.decision(&d.id);
        let meta = self.meta(
            format!("Decision: {}", page.row.title),
            &url,
            vec![self.home_crumb(), self.decisions_crumb()],
            Some(d.published.unwrap_or(d.date)),
            format!("Decision of {} on {}", page.row.maker, page.row.date.text),
        );
        let mut meta = meta;
        meta.head_title = format!(
            "Decision: {} - {}, {} - {}",
            page.row.title, page.row.maker, page.row.date.text, self.content.site.name
        );
        let mut paragraphs = Vec::new();
        if d.exempt {
            paragraphs.push(page.exempt.as_ref().and_then(|e| e.paragraph).map(ExemptParagraph));
        }
        if let DecisionSource::Minute((m, n)) = d.source {
            if let Some(&k) = self.graph.minute_item.get(&(m, n)) {
                paragraphs.extend(self.exempt_reports_of(k));
            }
        }
        self.mark_exempt(&mut meta, &paragraphs);
        self.set_published(&mut meta, &format!("decisions/{}", d.id));
        self.page("decision.html", url, meta, page)
    }

    /// `/matters/`: matters by last activity.
    pub fn matters(&self) -> Result<PageOut, String> {
        #[derive(Serialize)]
        struct Row {
            title: String,
            url: String,
            last: Option<Day>,
            count: usize,
        }
        #[derive(Serialize)]
        struct MattersPage {
            rows: Vec<Row>,
        }
        let mut order: Vec<usize> = (0..self.graph.records.matters.len()).collect();
        order.sort_by_key(|&m| {
            (std::cmp::Reverse(self.graph.records.matters[m].events.last().map(|e| e.0)), m)
        });
        let rows = order
            .into_iter()
            .map(|m| {
                let mt = &self.graph.records.matters[m];
                Row {
                    title: mt.title.clone(),
                    url: self.urls.matter(&mt.slug),
                    last: mt.events.last().map(|e| Day::of(e.0)),
                    count: mt.events.len(),
                }
            })
            .collect();
        let url = self.urls.matters();
        let updated = self.graph.records.matters.iter().filter_map(|m| m.events.last().map(|e| e.0)).max();
        let meta = self.meta(
            "Matters".into(),
            &url,
            vec![self.home_crumb()],
            updated,
            "Subjects followed across committees and years".into(),
        );
        self.page("matters.html", url, meta, MattersPage { rows })
    }

    /// `/matters/<slug>/`: one matter's history.
    pub fn matter(&self, m: usize) -> Result<PageOut, String> {
        #[derive(Serialize)]
        struct MatterPage {
            title: String,
            summary_html: Option<String>,
            events: Vec<EventCtx>,
        }
        let mt = &self.graph.records.matters[m];
        let summary_html = mt.file.and_then(|f| {
            let file = &self.content.matters[f];
            file.data.summary.as_ref().map(|s| self.md(s, file.file, Render::default()))
        });
        let url = self.urls.matter(&mt.slug);
        let meta = self.meta(
            mt.title.clone(),
            &url,
            vec![self.home_crumb(), Link { title: "Matters".into(), url: self.urls.matters() }],
            mt.events.last().map(|e| e.0),
            format!("The history of {} across committees and years", mt.title),
        );
        let page = MatterPage {
            title: mt.title.clone(),
            summary_html,
            events: mt.events.iter().map(|&(d, n)| self.event_ctx(d, n, false)).collect(),
        };
        self.page("matter.html", url, meta, page)
    }
}
