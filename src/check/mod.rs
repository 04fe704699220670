//! Stage 4: rules over the linked content. Each rule has a stable code (listed in
//! `docs/content-format.md`) and a severity; all problems are collected, none stops the run.

pub mod accessibility;
mod publication;
pub mod upcoming;

pub use publication::RULES;

use std::collections::{BTreeMap, HashSet};

use crate::diagnostics::{Diagnostic, Diagnostics, Span};
use crate::link::{Graph, members_in_year};
use crate::load::Loaded;
use crate::model::{MeetingStatus, PersonKind};

/// Runs every rule.
pub fn check(
    loaded: &Loaded,
    graph: &Graph,
    calendar: &crate::dates::Calendar,
    as_of: jiff::civil::Date,
) -> Diagnostics {
    let mut d = Diagnostics::default();
    publication::check(loaded, graph, calendar, as_of, &mut d);
    site(loaded, &mut d);
    agenda(loaded, &mut d);
    minute_numbers(loaded, graph, &mut d);
    minutes_contents(loaded, graph, &mut d);
    people(loaded, &mut d);
    unused_reports(loaded, graph, &mut d);
    records(loaded, graph, &mut d);
    accessibility::check(loaded, &mut d);
    publication::apply_levels(loaded, d)
}

/// Work programmes and the forward plan.
fn records(loaded: &Loaded, graph: &Graph, d: &mut Diagnostics) {
    use crate::link::Taken;
    use crate::model::{PlanStatus, WorkStatus};
    let content = &loaded.content;
    for (wi, wp) in content.work_programmes.iter().enumerate() {
        for (ii, item) in wp.data.items.iter().enumerate() {
            if item.status == WorkStatus::Completed && !graph.records.work_considered.contains_key(&(wi, ii))
            {
                d.push(
                    Diagnostic::error(
                        "work-completed-unlinked",
                        at(loaded, wp.file, &item.id.referenced),
                        format!("the work programme item `{}` is completed but does not say where it was considered", item.id.value),
                    )
                    .with_help("add considered_at: with the agenda item (committee/yyyy-mm-dd#N) where the committee took it"),
                );
            }
            if matches!(item.status, WorkStatus::Discontinued | WorkStatus::Deferred) && item.reason.is_none()
            {
                d.push(
                    Diagnostic::warning(
                        "work-reason-missing",
                        at(loaded, wp.file, &item.id.referenced),
                        format!(
                            "the work programme item `{}` is {} without a reason",
                            item.id.value,
                            item.status.label().to_lowercase()
                        ),
                    )
                    .with_help("add reason: so readers know why"),
                );
            }
        }
    }
    for (pi, p) in content.forward_plan.iter().enumerate() {
        let span = at(loaded, p.file, &p.data.reference.referenced);
        match p.data.status {
            PlanStatus::Taken if p.data.taken.is_none() => d.push(
                Diagnostic::error("plan-taken-missing", span, format!("{} is marked taken but does not say where", p.data.reference.value))
                    .with_help("add taken: with the agenda item (committee/yyyy-mm-dd#N) or decisions/<slug> where it was decided"),
            ),
            PlanStatus::Deferred if p.data.deferred_to.is_none() => d.push(
                Diagnostic::error("plan-deferred-date", span, format!("{} is deferred but has no new date", p.data.reference.value))
                    .with_help("add deferred_to: with the date the decision is now expected"),
            ),
            _ => {}
        }
        // The item where it was taken should consider a report that cites it.
        if let Some(Taken::Item(k)) = graph.records.plan_taken[pi] {
            let cites = graph
                .item_reports
                .get(&k)
                .into_iter()
                .flatten()
                .any(|rk| graph.records.report_plan.get(rk) == Some(&pi));
            if !cites {
                let taken_span = p.data.taken.as_ref().and_then(|t| at(loaded, p.file, &t.referenced));
                d.push(
                    Diagnostic::warning(
                        "plan-taken-mismatch",
                        taken_span,
                        format!(
                            "none of the reports at {} gives the key decision reference {}",
                            p.data.taken.as_ref().map_or("", |t| t.value.as_str()),
                            p.data.reference.value
                        ),
                    )
                    .with_help("check taken:, and add key_decision: to the report that was decided there"),
                );
            }
        }
        if p.data.first_published.value > p.data.expected.value {
            d.push(
                Diagnostic::error(
                    "plan-dates",
                    at(loaded, p.file, &p.data.first_published.referenced),
                    "the entry is first published after the date the decision is expected",
                )
                .with_help("check first_published and expected"),
            );
        }
    }
}

fn at(loaded: &Loaded, file: usize, loc: &serde_saphyr::Location) -> Option<Span> {
    Some(loaded.sources.span_of(file, loc))
}

fn site(loaded: &Loaded, d: &mut Diagnostics) {
    let month = loaded.content.site.municipal_year_start_month;
    if (1..=12).contains(&month) {
        return;
    }
    let span = loaded.sources.files.iter().position(|f| f.rel == "site.yaml").map(|file| {
        let text = &loaded.sources.files[file].text;
        let offset = text.find("municipal_year_start_month").unwrap_or(0);
        Span { file, offset, len: "municipal_year_start_month".len() }
    });
    d.push(
        Diagnostic::error("bad-month", span, format!("{month} is not a month"))
            .with_help("give the month the municipal year starts in as a number from 1 to 12 (5 for May)"),
    );
}

fn agenda(loaded: &Loaded, d: &mut Diagnostics) {
    for m in &loaded.content.meetings {
        let mut seen = HashSet::new();
        for item in &m.data.agenda {
            let n = item.number.value;
            if !seen.insert(n) {
                d.push(
                    Diagnostic::error(
                        "agenda-number-duplicate",
                        at(loaded, m.file, &item.number.referenced),
                        format!("agenda item number {n} is used twice in this meeting"),
                    )
                    .with_help("number the agenda items 1, 2, 3 … without repeating a number"),
                );
            }
            match item.part.value {
                1 => {
                    if let Some(p) = &item.exempt_paragraph {
                        d.push(
                            Diagnostic::warning(
                                "exempt-paragraph-part-1",
                                at(loaded, m.file, &p.referenced),
                                format!("item {n} names an exempt paragraph but is in Part 1, so it is public"),
                            )
                            .with_help("set `part: 2` if the item is exempt, or remove exempt_paragraph"),
                        );
                    }
                }
                2 if item.exempt_paragraph.is_none() => d.push(
                    Diagnostic::error(
                        "exempt-paragraph-missing",
                        at(loaded, m.file, &item.number.referenced),
                        format!("item {n} is in Part 2 but does not say which paragraph of Schedule 12A makes it exempt"),
                    )
                    .with_help("add `exempt_paragraph: N` (1 to 7) from Schedule 12A to the Local Government Act 1972"),
                ),
                2 => {}
                other => d.push(
                    Diagnostic::error(
                        "part-invalid",
                        at(loaded, m.file, &item.part.referenced),
                        format!("`part: {other}` is not a part of the agenda"),
                    )
                    .with_help("use part: 1 for public business or part: 2 for exempt business"),
                ),
            }
        }
        if m.minutes.is_some() && m.data.status != MeetingStatus::Held {
            d.push(
                Diagnostic::warning(
                    "minutes-not-held",
                    Some(Span { file: m.file, offset: 0, len: 0 }),
                    format!(
                        "this meeting has minutes but its status is `{}`",
                        m.data.status.label().to_lowercase()
                    ),
                )
                .with_help("set `status: held` once the meeting has taken place"),
            );
        }
    }
}

/// Minute numbers run on through a committee's municipal year: unique and increasing.
fn minute_numbers(loaded: &Loaded, graph: &Graph, d: &mut Diagnostics) {
    let content = &loaded.content;
    for meetings in &graph.committee_meetings {
        let mut by_year: BTreeMap<_, Vec<usize>> = BTreeMap::new();
        for &m in meetings {
            by_year.entry(graph.meeting_year[m]).or_default().push(m);
        }
        for (year, ms) in by_year {
            let mut first_use: BTreeMap<u32, usize> = BTreeMap::new();
            let mut last_max: Option<(u32, usize)> = None;
            for m in ms {
                let Some(min) = &content.meetings[m].minutes else { continue };
                let mut this_max = None;
                for minute in &min.minutes {
                    let span = Some(Span {
                        file: min.file,
                        offset: min.body_offset + minute.heading.start,
                        len: minute.heading.len(),
                    });
                    if let Some(&prev) = first_use.get(&minute.number) {
                        let where_ = if prev == m {
                            "earlier in these minutes".to_string()
                        } else {
                            format!("in the minutes of {}", content.meetings[prev].date)
                        };
                        d.push(
                            Diagnostic::error(
                                "minute-number-duplicate",
                                span,
                                format!("minute number {} is already used {where_} ({} municipal year)", minute.number, year.label()),
                            )
                            .with_help("minute numbers run on through the municipal year: give this minute the next unused number"),
                        );
                    } else {
                        first_use.insert(minute.number, m);
                    }
                    if let Some((prev_max, prev_m)) = last_max {
                        if minute.number <= prev_max && first_use.get(&minute.number) == Some(&m) {
                            d.push(
                                Diagnostic::warning(
                                    "minute-number-order",
                                    span,
                                    format!(
                                        "minute {} comes after minute {prev_max} of the meeting on {}, but has a lower number",
                                        minute.number, content.meetings[prev_m].date
                                    ),
                                )
                                .with_help("minute numbers should increase through the municipal year"),
                            );
                        }
                    }
                    this_max = Some(this_max.map_or(minute.number, |x: u32| x.max(minute.number)));
                }
                if let Some(x) = this_max {
                    last_max = Some((x, m));
                }
            }
        }
    }
}

fn minutes_contents(loaded: &Loaded, graph: &Graph, d: &mut Diagnostics) {
    let content = &loaded.content;
    for (mi, m) in content.meetings.iter().enumerate() {
        let Some(min) = &m.minutes else { continue };
        let f = min.file;
        for (ii, item) in m.data.agenda.iter().enumerate() {
            if !graph.item_minute.contains_key(&(mi, ii)) {
                d.push(
                    Diagnostic::warning(
                        "minute-missing",
                        Some(Span { file: f, offset: 0, len: 0 }),
                        format!("agenda item {} ({}) has no minute", item.number.value, item.title),
                    )
                    .with_help(format!(
                        "add a heading `## N. {} {{item={}}}` to the minutes",
                        item.title, item.number.value
                    )),
                );
            }
        }
        let has_item = |n: u32| m.data.agenda.iter().any(|i| i.number.value == n);
        for dec in &min.front.declarations {
            if !has_item(dec.item.value) {
                d.push(
                    Diagnostic::error(
                        "declaration-item-missing",
                        at(loaded, f, &dec.item.referenced),
                        format!(
                            "this declaration is for agenda item {}, which is not on the agenda",
                            dec.item.value
                        ),
                    )
                    .with_help("use the number of the agenda item the interest relates to"),
                );
            }
        }
        let minute_by_number = |n: u32| min.minutes.iter().find(|x| x.number == n);
        for v in &min.front.votes {
            match minute_by_number(v.minute.value) {
                None => d.push(
                    Diagnostic::error(
                        "vote-minute-missing",
                        at(loaded, f, &v.minute.referenced),
                        format!("this vote is on minute {}, which these minutes do not have", v.minute.value),
                    )
                    .with_help("use the number of a minute in this file"),
                ),
                Some(minute) => {
                    if let Some(label) = &v.resolution {
                        if !minute.resolutions().any(|r| r.label == label.value) {
                            d.push(
                                Diagnostic::error(
                                    "vote-resolution-missing",
                                    at(loaded, f, &label.referenced),
                                    format!("minute {} has no resolution ({})", minute.number, label.value),
                                )
                                .with_help(format!(
                                    "its resolutions are: {}",
                                    minute
                                        .resolutions()
                                        .map(|r| format!("({})", r.label))
                                        .collect::<Vec<_>>()
                                        .join(", ")
                                )),
                            );
                        }
                    }
                }
            }
            if let Some(r) = &v.recorded {
                let pairs = [
                    ("for", v.for_, r.for_.len()),
                    ("against", v.against, r.against.len()),
                    ("abstained", v.abstained, r.abstained.len()),
                ];
                for (name, count, names) in pairs {
                    if let Some(c) = count {
                        if c as usize != names {
                            d.push(
                                Diagnostic::error(
                                    "vote-count-mismatch",
                                    at(loaded, f, &v.minute.referenced),
                                    format!("the vote records {c} {name} but names {names} members"),
                                )
                                .with_help("make the count match the names, or leave the count out"),
                            );
                        }
                    }
                }
            }
        }
        for n in &min.front.notes {
            if minute_by_number(n.minute.value).is_none() {
                d.push(
                    Diagnostic::error(
                        "note-minute-missing",
                        at(loaded, f, &n.minute.referenced),
                        format!(
                            "this note is for minute {}, which these minutes do not have",
                            n.minute.value
                        ),
                    )
                    .with_help("use the number of a minute in this file"),
                );
            }
        }
        // Attendance against the committee's membership for the year.
        let Some(&c) = graph.committees.get(&m.committee) else { continue };
        let committee = &content.committees[c];
        let year = graph.meeting_year[mi];
        if !committee.years.contains(&Some(year)) {
            d.push(
                Diagnostic::warning(
                    "membership-missing",
                    Some(Span { file: committee.file, offset: 0, len: 0 }),
                    format!(
                        "{} has minutes for {} but no membership for the {} municipal year",
                        committee.data.name,
                        m.date,
                        year.label()
                    ),
                )
                .with_help(format!("add a membership entry with year: \"{}\"", year.label())),
            );
            continue;
        }
        let members = members_in_year(committee, year);
        let known = |slug: &str| graph.people.contains_key(slug);
        for a in &min.front.present {
            if a.substitute_for.is_none() && known(&a.person.value) && !members.contains(&a.person.value) {
                d.push(
                    Diagnostic::warning(
                        "attendee-not-member",
                        at(loaded, f, &a.person.referenced),
                        format!(
                            "`{}` is listed as present but is not a member of {} in {}",
                            a.person.value,
                            committee.data.name,
                            year.label()
                        ),
                    )
                    .with_help(
                        "list non-members under also_present, or add substitute_for: for a substitute",
                    ),
                );
            }
            if let Some(s) = &a.substitute_for {
                if known(&s.value) && !members.contains(&s.value) {
                    d.push(
                        Diagnostic::warning(
                            "substitute-not-member",
                            at(loaded, f, &s.referenced),
                            format!(
                                "`{}` is not a member of {} in {}, so cannot be substituted for",
                                s.value,
                                committee.data.name,
                                year.label()
                            ),
                        )
                        .with_help("name the member who sent apologies and was substituted"),
                    );
                }
            }
        }
        for a in &min.front.apologies {
            if known(&a.value) && !members.contains(&a.value) {
                d.push(
                    Diagnostic::warning(
                        "attendee-not-member",
                        at(loaded, f, &a.referenced),
                        format!(
                            "`{}` sent apologies but is not a member of {} in {}",
                            a.value,
                            committee.data.name,
                            year.label()
                        ),
                    )
                    .with_help(
                        "only members of the committee send apologies; check the membership for the year",
                    ),
                );
            }
        }
    }
}

fn people(loaded: &Loaded, d: &mut Diagnostics) {
    for p in &loaded.content.people {
        let span = Some(Span { file: p.file, offset: 0, len: 0 });
        match p.data.kind {
            PersonKind::Councillor if p.data.party.is_none() || p.data.ward.is_none() => d.push(
                Diagnostic::warning(
                    "person-incomplete",
                    span,
                    format!("councillor `{}` has no party or no ward", p.slug),
                )
                .with_help("add party: and ward: so readers can see who they represent"),
            ),
            PersonKind::Officer if p.data.job_title.is_none() => d.push(
                Diagnostic::warning(
                    "person-incomplete",
                    span,
                    format!("officer `{}` has no job title", p.slug),
                )
                .with_help("add job_title: (minutes list officers with their job titles)"),
            ),
            _ => {}
        }
    }
}

fn unused_reports(loaded: &Loaded, graph: &Graph, d: &mut Diagnostics) {
    for (mi, m) in loaded.content.meetings.iter().enumerate() {
        for (ri, r) in m.reports.iter().enumerate() {
            if !graph.report_items.contains_key(&(mi, ri)) {
                d.push(
                    Diagnostic::warning(
                        "report-not-on-agenda",
                        Some(Span { file: r.file, offset: 0, len: 0 }),
                        format!("the report `{}` is not on any agenda item", r.slug),
                    )
                    .with_help(format!("add `reports: [{}]` to the agenda item that considers it", r.slug)),
                );
            }
        }
    }
}
