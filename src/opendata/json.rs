//! The JSON documents: each is built from the content and graph into the export types of
//! [`super::types`], then written with its schema.

use super::text::{plain, plain_opt};
use super::types::*;
use super::{Export, Files};
use crate::link::{CallInState, DecisionSource, MinuteKey, Taken};
use crate::model::{ExemptParagraph, Minute, MinuteBlock, Minutes, PlanStatus, Vote};
use crate::render::format::Day;

/// Builds and adds every JSON document and its schema.
pub(super) fn write_all(ex: &Export<'_>, out: &mut Files<'_>) {
    out.json(ex, "committees", "Committees and their memberships", committees(ex));
    out.json(ex, "people", "People", people(ex));
    out.json(ex, "meetings", "Meetings and their agendas", meetings(ex));
    out.json(ex, "reports", "Reports", reports(ex));
    out.json(ex, "minutes", "Minutes", minutes(ex));
    out.json(ex, "decisions", "Decisions register", decisions(ex));
    out.json(ex, "forward-plan", "Forward plan of key decisions", forward_plan(ex));
    out.json(ex, "work-programmes", "Work programmes", work_programmes(ex));
}

/// Contact details of a person: email, then telephone.
fn contact_details(ex: &Export<'_>, slug: &str, label: Option<String>) -> Vec<ContactDetail> {
    let Some(&p) = ex.graph.people.get(slug) else { return Vec::new() };
    let data = &ex.content.people[p].data;
    let mut out = Vec::new();
    if let Some(e) = &data.email {
        out.push(ContactDetail { kind: "email".into(), label: label.clone(), value: e.clone() });
    }
    if let Some(v) = &data.phone {
        out.push(ContactDetail { kind: "voice".into(), label, value: v.clone() });
    }
    out
}

/// The first and last day of a municipal year.
fn year_dates(year: crate::model::MunicipalYear, start_month: i8) -> Option<(IsoDate, IsoDate)> {
    let start = jiff::civil::Date::new(year.0, start_month, 1).ok()?;
    let next = jiff::civil::Date::new(year.0.checked_add(1)?, start_month, 1).ok()?;
    Some((IsoDate::of(start), IsoDate::of(next.yesterday().ok()?)))
}

/// `committees.json`.
pub(super) fn committees(ex: &Export<'_>) -> CommitteesFile {
    let start_month = ex.content.site.municipal_year_start_month.clamp(1, 12);
    let mut organizations = Vec::new();
    let mut memberships = Vec::new();
    for c in &ex.content.committees {
        let contact = &c.data.contact.value;
        let label = ex.graph.people.get(contact).map(|&p| ex.content.people[p].display_name());
        let mut links = Vec::new();
        if ex.graph.records.work_programme_of.contains_key(&c.slug) {
            links.push(LinkRef {
                note: "Work programme".into(),
                url: ex.abs(&ex.urls.work_programme(&c.slug)),
            });
        }
        organizations.push(Organization {
            id: c.slug.clone(),
            name: c.data.name.clone(),
            classification: c.data.kind.into(),
            parent_id: None,
            url: ex.abs(&ex.urls.committee(&c.slug)),
            remit: plain_opt(&c.data.remit.value),
            contact_person_id: Some(contact.clone()),
            portfolio_holder_id: c.data.portfolio_holder.as_ref().map(|p| p.value.clone()),
            contact_details: contact_details(ex, contact, label),
            status: None,
            links,
        });
        for (m, year) in c.data.membership.iter().zip(&c.years) {
            let dates = year.and_then(|y| year_dates(y, start_month));
            for member in &m.members {
                memberships.push(Membership {
                    person_id: member.person.value.clone(),
                    organization_id: c.slug.clone(),
                    role: member.role.into(),
                    label: member.role.label().into(),
                    municipal_year: year.map(|y| y.label()),
                    start_date: dates.as_ref().map(|d| d.0.clone()),
                    end_date: dates.as_ref().map(|d| d.1.clone()),
                });
            }
        }
    }
    for wp in &ex.content.work_programmes {
        for g in &wp.data.task_groups {
            let id = format!("{}/work-programme#{}", wp.committee, g.id.value);
            organizations.push(Organization {
                id: id.clone(),
                name: g.name.clone(),
                classification: OrgClass::TaskGroup,
                parent_id: Some(wp.committee.clone()),
                url: ex.abs(&ex.urls.work_item(&wp.committee, &g.id.value)),
                remit: g.scope.as_deref().and_then(plain_opt),
                contact_person_id: None,
                portfolio_holder_id: None,
                contact_details: Vec::new(),
                status: Some(g.status.into()),
                links: vec![LinkRef {
                    note: "Work programme".into(),
                    url: ex.abs(&ex.urls.work_programme(&wp.committee)),
                }],
            });
            // The lead is `lead`, or else the first member listed.
            let lead = g.lead.as_ref().or(g.members.first()).map(|p| p.value.clone());
            for person in
                lead.iter().chain(g.members.iter().map(|p| &p.value).filter(|p| Some(*p) != lead.as_ref()))
            {
                let role = if Some(person) == lead.as_ref() { Role::Lead } else { Role::Member };
                memberships.push(Membership {
                    person_id: person.clone(),
                    organization_id: id.clone(),
                    role,
                    label: if role == Role::Lead { "Lead member".into() } else { "Member".into() },
                    municipal_year: None,
                    start_date: None,
                    end_date: None,
                });
            }
        }
    }
    organizations.sort_by(|a, b| a.id.cmp(&b.id));
    memberships.sort_by(|a, b| {
        (&a.organization_id, &a.start_date, a.role, &a.person_id).cmp(&(
            &b.organization_id,
            &b.start_date,
            b.role,
            &b.person_id,
        ))
    });
    memberships.dedup_by(|a, b| {
        a.organization_id == b.organization_id
            && a.start_date == b.start_date
            && a.role == b.role
            && a.person_id == b.person_id
    });
    CommitteesFile {
        schema: ex.schema_url("committees"),
        edition: ex.edition_name(),
        publisher: ex.publisher(),
        organizations,
        memberships,
    }
}

/// `people.json`.
pub(super) fn people(ex: &Export<'_>) -> PeopleFile {
    let persons = ex
        .content
        .people
        .iter()
        .map(|p| {
            let d = &p.data;
            let prefix = match (&d.title, d.kind) {
                (Some(t), _) if !t.is_empty() => Some(t.clone()),
                (_, crate::model::PersonKind::Councillor) => Some("Councillor".to_string()),
                _ => None,
            };
            PersonRecord {
                id: p.slug.clone(),
                name: d.name.clone(),
                honorific_prefix: prefix,
                classification: d.kind.into(),
                party: d.party.clone(),
                area: d.ward.as_ref().map(|w| Area { name: w.clone(), classification: "ward".into() }),
                roles: d.roles.clone(),
                job_title: d.job_title.clone(),
                department: d.department.clone(),
                contact_details: contact_details(ex, &p.slug, None),
                url: ex.abs(&ex.urls.person(&p.slug)),
            }
        })
        .collect();
    PeopleFile {
        schema: ex.schema_url("people"),
        edition: ex.edition_name(),
        publisher: ex.publisher(),
        persons,
    }
}

/// The document attached to an agenda item: in the public edition an exempt one has its
/// neutral title and no URL.
fn attachment(ex: &Export<'_>, from_file: usize, a: &crate::model::Attachment) -> DocumentRef {
    let paragraph = a.exempt_paragraph.as_ref().map(|p| p.value.0);
    if ex.withhold(paragraph.is_some()) {
        return DocumentRef {
            title: a.public_title.clone().unwrap_or_else(|| a.title.clone()),
            url: None,
            bytes: None,
            exempt_paragraph: paragraph,
        };
    }
    let rel = ex.resolve(from_file, &a.file.value);
    DocumentRef {
        title: a.title.clone(),
        url: rel.as_deref().and_then(|r| ex.file_url(r)),
        bytes: rel.as_deref().and_then(|r| ex.ctx.loaded.assets.get(r).copied()),
        exempt_paragraph: paragraph,
    }
}

/// `meetings.json`.
pub(super) fn meetings(ex: &Export<'_>) -> MeetingsFile {
    let mut order: Vec<usize> = (0..ex.content.meetings.len()).collect();
    order.sort_by_key(|&m| (ex.content.meetings[m].date, ex.content.meetings[m].id()));
    let events = order.into_iter().map(|mi| event(ex, mi)).collect();
    MeetingsFile {
        schema: ex.schema_url("meetings"),
        edition: ex.edition_name(),
        publisher: ex.publisher(),
        events,
    }
}

fn event(ex: &Export<'_>, mi: usize) -> Event {
    let m = &ex.content.meetings[mi];
    let name = format!("{}, {}", ex.committee_name(&m.committee), Day::of(m.date).text);
    let end_date = m.minutes.as_ref().map(|min| {
        // A meeting that closes after midnight closes the next day.
        let day =
            if min.front.closed < min.front.started { m.date.tomorrow().unwrap_or(m.date) } else { m.date };
        Export::datetime(day, min.front.closed)
    });
    let mut documents = Vec::new();
    if let Some(p) = ex.ctx.packs.meetings.get(&mi) {
        for (note, f) in [("Agenda pack", &p.main), ("Supplementary agenda pack", &p.supplementary)] {
            if let Some(f) = f {
                documents.push(PdfRef {
                    note: note.into(),
                    url: ex.abs(&f.url),
                    media_type: "application/pdf".into(),
                    pages: f.pages,
                    bytes: f.bytes,
                });
            }
        }
    }
    let mut links = Vec::new();
    if m.minutes.is_some() {
        links.push(LinkRef { note: "Minutes".into(), url: ex.abs(&ex.urls.minutes(&m.committee, m.date)) });
    }
    let address = m.data.venue.address.join(", ");
    Event {
        id: m.id(),
        name,
        description: m.data.title.clone(),
        organization_id: m.committee.clone(),
        start_date: Export::datetime(m.date, m.data.time),
        end_date,
        timezone: super::TIME_ZONE.into(),
        status: m.data.status.into(),
        location: Location {
            name: m.data.venue.name.clone(),
            address: (!address.is_empty()).then_some(address),
        },
        url: ex.abs(&ex.urls.meeting(&m.committee, m.date)),
        agenda_published: m.data.agenda_published.as_ref().map(|d| IsoDate::of(d.value)),
        agenda: (0..m.data.agenda.len()).map(|ii| agenda_item(ex, (mi, ii))).collect(),
        documents,
        links,
        minutes_id: m.minutes.as_ref().map(|_| format!("{}/minutes", m.id())),
    }
}

fn agenda_item(ex: &Export<'_>, key: (usize, usize)) -> AgendaItem {
    let m = &ex.content.meetings[key.0];
    let item = &m.data.agenda[key.1];
    let exempt = ex.graph.exempt_items.contains(&key);
    let withhold = ex.withhold(exempt);
    let paragraph = item.exempt_paragraph.as_ref().map(|p| p.value);
    let minute_number = ex.graph.item_minute.get(&key).and_then(|&(mm, n)| {
        ex.content.meetings[mm].minutes.as_ref().and_then(|min| min.minutes.get(n)).map(|x| x.number)
    });
    let pack_pages =
        ex.ctx.packs.meetings.get(&key.0).and_then(|p| p.items.get(&item.number.value)).map(|p| PackPages {
            supplementary: p.supplementary,
            first: p.first,
            last: p.last,
        });
    let mut out = AgendaItem {
        order: item.number.value,
        title: if withhold {
            item.public_title.clone().unwrap_or_else(|| item.title.clone())
        } else {
            item.title.clone()
        },
        public_title: if exempt && !ex.public() { item.public_title.clone() } else { None },
        description: None,
        part: if exempt { 2 } else { 1 },
        exempt_paragraph: if exempt { paragraph.map(|p| p.0) } else { None },
        exemption: exempt.then(|| Export::exemption(paragraph, item.public_interest.as_ref())),
        url: ex.abs(&ex.urls.item(&m.committee, m.date, item.number.value)),
        reports: Vec::new(),
        documents: Vec::new(),
        presenter_id: None,
        minutes_of: ex.graph.item_minutes_of.get(&key).map(|&prev| ex.content.meetings[prev].id()),
        minute_number,
        verbal: item.verbal,
        procedural: item.procedural,
        to_follow: item.to_follow,
        supplementary: item.supplementary,
        urgency: None,
        pack_pages,
    };
    if withhold {
        // Part 2 in the public edition: the title and the grounds only.
        return out;
    }
    out.description = item.purpose.as_ref().and_then(|p| plain_opt(&p.value));
    out.reports =
        ex.graph.item_reports.get(&key).into_iter().flatten().map(|&rk| ex.report_ref(rk)).collect();
    out.documents = item.documents.iter().map(|d| attachment(ex, m.file, d)).collect();
    out.presenter_id = item.presenter.as_ref().map(|p| p.value.clone());
    out.urgency = item.urgency.clone();
    out
}

/// `reports.json`.
pub(super) fn reports(ex: &Export<'_>) -> ReportsFile {
    let mut reports = Vec::new();
    for (mi, m) in ex.content.meetings.iter().enumerate() {
        for (ri, r) in m.reports.iter().enumerate() {
            let key = (mi, ri);
            let exempt = ex.graph.exempt_reports.contains(&key);
            if ex.withhold(exempt) {
                continue;
            }
            let url = ex.urls.report(&m.committee, m.date, &r.slug);
            let appendices = r
                .appendices
                .iter()
                .enumerate()
                .map(|(n, a)| {
                    let paragraph = a.exempt.map(|p| p.0);
                    if ex.withhold(paragraph.is_some()) {
                        return DocumentRef {
                            title: a.public_title.clone().unwrap_or_else(|| a.title.clone()),
                            url: None,
                            bytes: None,
                            exempt_paragraph: paragraph,
                        };
                    }
                    let (url, bytes) = match &a.markdown {
                        Some(_) => (Some(ex.abs(&format!("{url}#appendix-{}", n + 1))), None),
                        None => (ex.file_url(&a.path), Some(a.bytes)),
                    };
                    DocumentRef { title: a.title.clone(), url, bytes, exempt_paragraph: paragraph }
                })
                .collect();
            let plan = ex.graph.records.report_plan.get(&key).map(|&p| &ex.content.forward_plan[p]);
            let agenda_published = m.data.agenda_published.as_ref().map(|p| p.value);
            let paragraph = if exempt { ex.report_paragraph(key) } else { None };
            reports.push(ReportRecord {
                id: ex.report_id(key),
                title: r.front.title.clone(),
                public_title: if exempt { r.front.public_title.clone() } else { None },
                report_of: r.front.report_of.clone(),
                author_id: r.front.author.value.clone(),
                portfolio_holder_id: r.front.portfolio_holder.as_ref().map(|p| p.value.clone()),
                wards: r.front.wards.clone(),
                key_decision: r.front.key_decision.as_ref().map(|k| k.value.clone()),
                forward_plan_id: plan.map(|p| p.slug.clone()),
                date: IsoDate::of(r.front.date.value),
                published: IsoDate::of(crate::access::report_published(agenda_published, &r.front)),
                draft: r.front.draft,
                event_id: m.id(),
                url: ex.abs(&url),
                pdf_url: ex.ctx.packs.reports.get(&key).map(|f| ex.abs(&f.url)),
                considered_at: ex.item_refs(ex.graph.report_items.get(&key).map_or(&[], Vec::as_slice)),
                sections: r.sections.iter().map(|s| s.title.clone()).collect(),
                appendices,
                exempt_paragraph: paragraph.map(|p| p.0),
                exemption: exempt.then(|| Export::exemption(paragraph, r.front.public_interest.as_ref())),
            });
        }
    }
    reports.sort_by(|a, b| a.id.cmp(&b.id));
    ReportsFile {
        schema: ex.schema_url("reports"),
        edition: ex.edition_name(),
        publisher: ex.publisher(),
        reports,
    }
}

/// Why a minute is exempt: its own `{exempt=N}`, or its Part 2 item's grounds.
fn minute_exemption(ex: &Export<'_>, key: MinuteKey, minute: &Minute) -> Exemption {
    if let Some(p) = minute.exempt {
        return Export::exemption(Some(p), None);
    }
    match ex.graph.minute_item.get(&key) {
        Some(&(m, i)) => {
            let item = &ex.content.meetings[m].data.agenda[i];
            Export::exemption(item.exempt_paragraph.as_ref().map(|p| p.value), item.public_interest.as_ref())
        }
        None => Export::exemption(None, None),
    }
}

/// The text of a range of the minutes body ("" if the range is not in it).
fn body_text(min: &Minutes, range: &std::ops::Range<usize>) -> String {
    plain(min.body.get(range.clone()).unwrap_or(""))
}

/// The result of the vote on the recommendations, or on one resolution, of a minute.
fn vote_on<'v>(min: &'v Minutes, number: u32, resolution: Option<&str>) -> Option<&'v Vote> {
    min.front.votes.iter().find(|v| {
        v.minute.value == number
            && match resolution {
                Some(label) => v.resolution.as_ref().is_some_and(|r| r.value == label),
                None => v.resolution.is_none() && v.motion.is_none(),
            }
    })
}

/// Popolo counts of a vote: the numbers given, or else the names recorded.
fn counts(v: &Vote) -> Vec<Count> {
    let named = |f: fn(&crate::model::RecordedVote) -> usize| {
        v.recorded.as_ref().map(|r| u32::try_from(f(r)).unwrap_or(u32::MAX))
    };
    [
        (VoteOption::Yes, v.for_.or_else(|| named(|r| r.for_.len()))),
        (VoteOption::No, v.against.or_else(|| named(|r| r.against.len()))),
        (VoteOption::Abstain, v.abstained.or_else(|| named(|r| r.abstained.len()))),
    ]
    .into_iter()
    .filter_map(|(option, value)| value.map(|value| Count { option, value }))
    .collect()
}

/// The named votes of a recorded vote: for, then against, then abstaining, as listed.
fn person_votes(r: &crate::model::RecordedVote) -> Vec<PersonVote> {
    [(&r.for_, VoteOption::Yes), (&r.against, VoteOption::No), (&r.abstained, VoteOption::Abstain)]
        .into_iter()
        .flat_map(|(list, option)| list.iter().map(move |p| PersonVote { voter_id: p.value.clone(), option }))
        .collect()
}

/// The lettered resolutions of a minute as Popolo motions.
fn motions(ex: &Export<'_>, mi: usize, min: &Minutes, minute: &Minute) -> Vec<Motion> {
    let m = &ex.content.meetings[mi];
    minute
        .resolutions()
        .map(|r| Motion {
            id: format!("{}/minutes#{}{}", m.id(), minute.number, r.label),
            label: r.label.clone(),
            text: body_text(min, &r.text),
            date: IsoDate::of(m.date),
            organization_id: m.committee.clone(),
            result: vote_on(min, minute.number, Some(&r.label))
                .or_else(|| vote_on(min, minute.number, None))
                .and_then(|v| v.result.clone()),
        })
        .collect()
}

/// `minutes.json`.
pub(super) fn minutes(ex: &Export<'_>) -> MinutesFile {
    let mut order: Vec<usize> =
        (0..ex.content.meetings.len()).filter(|&m| ex.content.meetings[m].minutes.is_some()).collect();
    order.sort_by_key(|&m| (ex.content.meetings[m].date, ex.content.meetings[m].id()));
    let minutes = order.into_iter().filter_map(|mi| minutes_record(ex, mi)).collect();
    MinutesFile {
        schema: ex.schema_url("minutes"),
        edition: ex.edition_name(),
        publisher: ex.publisher(),
        minutes,
    }
}

fn minutes_record(ex: &Export<'_>, mi: usize) -> Option<MinutesRecord> {
    let m = &ex.content.meetings[mi];
    let min = m.minutes.as_ref()?;
    let f = &min.front;
    let id = format!("{}/minutes", m.id());
    let ids = |v: &[crate::model::Spanned<String>]| v.iter().map(|p| p.value.clone()).collect::<Vec<_>>();
    let numbered = min
        .minutes
        .iter()
        .enumerate()
        .map(|(n, minute)| {
            let key = (mi, n);
            let exempt = ex.graph.minute_is_exempt(key);
            let exemption = exempt.then(|| minute_exemption(ex, key, minute));
            let mut rec = MinuteRecord {
                number: minute.number,
                title: minute.title.clone(),
                url: ex.abs(&ex.urls.minute(&m.committee, m.date, minute.number)),
                agenda_item: ex
                    .graph
                    .minute_item
                    .get(&key)
                    .map(|&(a, i)| ex.content.meetings[a].data.agenda[i].number.value),
                exempt_paragraph: exemption.as_ref().and_then(|e| e.paragraph),
                exemption,
                exempt_summary: if exempt {
                    f.exempt_summaries
                        .iter()
                        .find(|s| s.minute.value == minute.number)
                        .and_then(|s| plain_opt(&s.summary))
                } else {
                    None
                },
                text: None,
                motions: Vec::new(),
                vote_events: Vec::new(),
                notes: Vec::new(),
                decision_id: ex
                    .graph
                    .records
                    .minute_decision
                    .get(&key)
                    .map(|&d| ex.graph.records.decisions[d].id.clone()),
            };
            if ex.withhold(exempt) {
                return rec;
            }
            let narrative: Vec<String> = minute
                .blocks
                .iter()
                .filter_map(|b| match b {
                    MinuteBlock::Text(r) => Some(body_text(min, r)),
                    MinuteBlock::Resolved(_) => None,
                })
                .filter(|t| !t.is_empty())
                .collect();
            rec.text = (!narrative.is_empty()).then(|| narrative.join("\n\n"));
            rec.motions = motions(ex, mi, min, minute);
            rec.vote_events = f
                .votes
                .iter()
                .filter(|v| v.minute.value == minute.number)
                .enumerate()
                .map(|(k, v)| VoteEvent {
                    id: format!("{id}#{}-vote-{}", minute.number, k + 1),
                    motion_id: v.resolution.as_ref().map(|r| format!("{id}#{}{}", minute.number, r.value)),
                    motion_text: v.motion.clone(),
                    start_date: IsoDate::of(m.date),
                    organization_id: m.committee.clone(),
                    result: v.result.clone(),
                    counts: counts(v),
                    votes: v.recorded.as_ref().map(person_votes).unwrap_or_default(),
                })
                .collect();
            rec.notes = f
                .notes
                .iter()
                .filter(|x| x.minute.value == minute.number)
                .map(|x| Note {
                    time: Export::datetime(m.date, x.time),
                    person_id: x.person.as_ref().map(|p| p.value.clone()),
                    text: x.text.clone(),
                })
                .collect();
            rec
        })
        .collect();
    Some(MinutesRecord {
        id: id.clone(),
        event_id: m.id(),
        organization_id: m.committee.clone(),
        date: IsoDate::of(m.date),
        status: f.status.into(),
        approved_at: f
            .approved_at
            .as_ref()
            .and_then(|a| ex.graph.meeting(&a.value))
            .map(|a| ex.content.meetings[a].id()),
        start_date: Export::datetime(m.date, f.started),
        end_date: Export::datetime(
            if f.closed < f.started { m.date.tomorrow().unwrap_or(m.date) } else { m.date },
            f.closed,
        ),
        url: ex.abs(&ex.urls.minutes(&m.committee, m.date)),
        attendance: Attendance {
            present: f
                .present
                .iter()
                .map(|a| Attendee {
                    person_id: a.person.value.clone(),
                    role: a.role.map(Role::from),
                    substitute_for: a.substitute_for.as_ref().map(|s| s.value.clone()),
                })
                .collect(),
            apologies: ids(&f.apologies),
            also_present: ids(&f.also_present),
            officers: ids(&f.officers),
        },
        declarations: f
            .declarations
            .iter()
            .map(|d| DeclarationRecord {
                person_id: d.person.value.clone(),
                agenda_item: d.item.value,
                nature: d.nature.clone(),
                action: d.action.clone(),
            })
            .collect(),
        decisions_published: f.decisions_published.as_ref().map(|d| IsoDate::of(d.value)),
        preamble: min.preamble.as_ref().map(|r| body_text(min, r)).filter(|t| !t.is_empty()),
        minutes: numbered,
    })
}

/// The call-in state, with the words the decision's page uses.
fn call_in(state: CallInState) -> CallIn {
    let (status, ends, text) = match state {
        CallInState::NotApplicable => {
            (CallInStatus::NotApplicable, None, "Not subject to call-in".to_string())
        }
        CallInState::NotPublished => {
            (CallInStatus::NotPublished, None, "The decision notice has not yet been published".to_string())
        }
        CallInState::Urgent => (CallInStatus::Urgent, None, "Urgent: not subject to call-in".to_string()),
        CallInState::Open(d) => {
            (CallInStatus::Open, Some(d), format!("Open for call-in until the end of {}", Day::of(d).long))
        }
        CallInState::Closed(d) => (
            CallInStatus::Closed,
            Some(d),
            format!("Call-in period ended on {}; not called in", Day::of(d).text),
        ),
        CallInState::CalledIn(Some(d)) => (
            CallInStatus::CalledIn,
            Some(d),
            format!("Called in (the call-in period ended on {})", Day::of(d).text),
        ),
        CallInState::CalledIn(None) => (CallInStatus::CalledIn, None, "Called in".to_string()),
    };
    CallIn { status, ends: ends.map(IsoDate::of), text }
}

/// The resolutions of a minute as one text: "(a) …" lines when there are several.
fn resolutions_text(motions: &[Motion]) -> Option<String> {
    match motions {
        [] => None,
        [one] => Some(one.text.clone()),
        many => {
            Some(many.iter().map(|m| format!("({}) {}", m.label, m.text)).collect::<Vec<_>>().join("\n\n"))
        }
    }
}

/// `decisions.json`.
pub(super) fn decisions(ex: &Export<'_>) -> DecisionsFile {
    let decisions = (0..ex.graph.records.decisions.len()).filter_map(|di| decision(ex, di)).collect();
    DecisionsFile {
        schema: ex.schema_url("decisions"),
        edition: ex.edition_name(),
        publisher: ex.publisher(),
        as_of: IsoDate::of(ex.graph.as_of_quietly().unwrap_or_default()),
        decisions,
    }
}

fn decision(ex: &Export<'_>, di: usize) -> Option<DecisionRecord> {
    let d = &ex.graph.records.decisions[di];
    let withhold = ex.withhold(d.exempt);
    let plan = d.plan.map(|p| &ex.content.forward_plan[p]);
    let mut rec = DecisionRecord {
        id: d.id.clone(),
        url: ex.abs(&ex.urls.decision(&d.id)),
        title: String::new(),
        public_title: None,
        classification: DecisionClass::CommitteeResolution,
        date: IsoDate::of(d.date),
        published: d.published.map(IsoDate::of),
        decision_maker: ex.maker(d.maker),
        organization_id: None,
        key_decision: d.plan.is_some(),
        forward_plan_reference: plan.map(|p| p.data.reference.value.clone()),
        forward_plan_id: plan.map(|p| p.slug.clone()),
        call_in: call_in(d.call_in),
        exempt_paragraph: None,
        exemption: None,
        event_id: None,
        agenda_item: None,
        minute_number: None,
        text: None,
        motions: Vec::new(),
        result: None,
        counts: Vec::new(),
        reasons: None,
        alternatives: None,
        declarations: Vec::new(),
        wards: Vec::new(),
        reports: Vec::new(),
    };
    match d.source {
        DecisionSource::Minute((m, n)) => {
            let meeting = &ex.content.meetings[m];
            let min = meeting.minutes.as_ref()?;
            let minute = min.minutes.get(n)?;
            let item = ex.graph.minute_item.get(&(m, n)).copied();
            rec.title = minute.title.clone();
            rec.organization_id = Some(meeting.committee.clone());
            rec.event_id = Some(meeting.id());
            rec.agenda_item = item.map(|k| meeting.data.agenda[k.1].number.value);
            rec.minute_number = Some(minute.number);
            if d.exempt {
                let e = minute_exemption(ex, (m, n), minute);
                rec.exempt_paragraph = e.paragraph;
                rec.exemption = Some(e);
                if !ex.public() {
                    rec.public_title = item.and_then(|k| meeting.data.agenda[k.1].public_title.clone());
                }
            }
            if withhold {
                return Some(rec);
            }
            rec.motions = motions(ex, m, min, minute);
            rec.text = resolutions_text(&rec.motions);
            if let Some(v) = vote_on(min, minute.number, None) {
                rec.result = v.result.clone();
                rec.counts = counts(v);
            }
            let details = min.front.decisions.iter().find(|x| x.minute.value == minute.number);
            rec.reasons = details.and_then(|x| x.reasons.as_deref()).and_then(plain_opt);
            rec.alternatives = details.and_then(|x| x.alternatives.as_deref()).and_then(plain_opt);
            if let Some(k) = item {
                rec.reports = ex
                    .graph
                    .item_reports
                    .get(&k)
                    .into_iter()
                    .flatten()
                    .map(|&rk| ex.report_ref(rk))
                    .collect();
                let number = meeting.data.agenda[k.1].number.value;
                rec.declarations = min
                    .front
                    .declarations
                    .iter()
                    .filter(|x| x.item.value == number)
                    .map(|x| {
                        format!(
                            "{}: {}",
                            crate::link::person_name(ex.content, ex.graph, &x.person.value),
                            x.nature
                        )
                    })
                    .collect();
            }
        }
        DecisionSource::Officer(o) => {
            let od = &ex.content.officer_decisions.get(o)?.data;
            rec.classification = DecisionClass::IndividualDecision;
            rec.title = od.title.clone();
            if let Some(p) = &od.exempt_paragraph {
                rec.exempt_paragraph = Some(p.value.0);
                rec.exemption = Some(Export::exemption(Some(p.value), od.public_interest.as_ref()));
                if !ex.public() {
                    rec.public_title = od.public_title.clone();
                }
            }
            if withhold {
                return Some(rec);
            }
            rec.text = plain_opt(&od.decision);
            rec.reasons = plain_opt(&od.reasons);
            rec.alternatives = od.alternatives.as_deref().and_then(plain_opt);
            rec.declarations = od.declarations.iter().filter_map(|t| plain_opt(t)).collect();
            rec.wards = od.wards.clone();
        }
    }
    Some(rec)
}

/// `forward-plan.json`.
pub(super) fn forward_plan(ex: &Export<'_>) -> ForwardPlanFile {
    let r = &ex.graph.records;
    let mut entries: Vec<PlanEntryRecord> = ex
        .content
        .forward_plan
        .iter()
        .enumerate()
        .map(|(pi, p)| {
            let d = &p.data;
            let paragraph = d.exempt_paragraph.as_ref().map(|x| x.value);
            let exempt = paragraph.is_some();
            let withhold = ex.withhold(exempt);
            let expected = match (d.status, &d.deferred_to) {
                (PlanStatus::Deferred, Some(to)) => to.value,
                _ => d.expected.value,
            };
            PlanEntryRecord {
                id: p.slug.clone(),
                reference: d.reference.value.clone(),
                title: if withhold {
                    d.public_title.clone().unwrap_or_else(|| d.title.clone())
                } else {
                    d.title.clone()
                },
                public_title: if exempt && !ex.public() { d.public_title.clone() } else { None },
                url: ex.abs(&ex.urls.plan_entry(&p.slug)),
                decision: if withhold { None } else { plain_opt(&d.decision) },
                decision_maker: ex
                    .maker(r.plan_maker.get(pi).copied().unwrap_or(crate::link::Maker::Unknown)),
                expected: IsoDate::of(expected),
                originally_expected: IsoDate::of(d.expected.value),
                first_published: IsoDate::of(d.first_published.value),
                status: d.status.into(),
                consultation: if withhold { None } else { d.consultation.as_deref().and_then(plain_opt) },
                scrutiny_organization_id: r
                    .plan_scrutiny
                    .get(pi)
                    .copied()
                    .flatten()
                    .map(|c| ex.content.committees[c].slug.clone()),
                contact_person_id: d.contact.value.clone(),
                documents: if withhold { Vec::new() } else { d.documents.clone() },
                wards: d.wards.clone(),
                private: d.private.as_ref().map(|x| PrivateNotice {
                    paragraph: x.paragraph.value.0,
                    grounds: ExemptParagraph::meaning(x.paragraph.value).map(str::to_string),
                    reason: x.reason.clone(),
                }),
                exempt_paragraph: paragraph.map(|x| x.0),
                exemption: exempt.then(|| Export::exemption(paragraph, d.public_interest.as_ref())),
                taken: r.plan_taken.get(pi).copied().flatten().map(|t| match t {
                    Taken::Item(k) => TakenAt { agenda_item: Some(ex.item_ref(k)), decision_id: None },
                    Taken::Decision(x) => {
                        TakenAt { agenda_item: None, decision_id: Some(r.decisions[x].id.clone()) }
                    }
                }),
                history: d
                    .history
                    .iter()
                    .map(|h| PlanStatusChange {
                        date: IsoDate::of(h.date.value),
                        status: h.status.into(),
                        note: if withhold { None } else { h.note.clone() },
                    })
                    .collect(),
                reports: r.plan_reports.get(pi).into_iter().flatten().map(|&rk| ex.report_ref(rk)).collect(),
                decision_ids: r
                    .plan_decisions
                    .get(pi)
                    .into_iter()
                    .flatten()
                    .map(|&x| r.decisions[x].id.clone())
                    .collect(),
            }
        })
        .collect();
    entries.sort_by(|a, b| a.id.cmp(&b.id));
    ForwardPlanFile {
        schema: ex.schema_url("forward-plan"),
        edition: ex.edition_name(),
        publisher: ex.publisher(),
        as_of: IsoDate::of(ex.graph.as_of_quietly().unwrap_or_default()),
        entries,
    }
}

/// `work-programmes.json`.
pub(super) fn work_programmes(ex: &Export<'_>) -> WorkProgrammesFile {
    let r = &ex.graph.records;
    let mut work_programmes: Vec<WorkProgrammeRecord> = ex
        .content
        .work_programmes
        .iter()
        .enumerate()
        .map(|(wi, wp)| {
            let items = wp
                .data
                .items
                .iter()
                .enumerate()
                .map(|(ii, it)| WorkItemRecord {
                    id: format!("{}/work-programme#{}", wp.committee, it.id.value),
                    topic: it.topic.clone(),
                    url: ex.abs(&ex.urls.work_item(&wp.committee, &it.id.value)),
                    purpose: it.purpose.as_deref().and_then(plain_opt),
                    origin: it.origin.as_ref().map(|o| WorkOrigin {
                        kind: o.kind.into(),
                        from: o.from.as_ref().map(|f| f.value.clone()),
                        note: o.note.clone(),
                    }),
                    priority: it.priority.clone(),
                    action: it.action.clone(),
                    target: it.target.as_ref().map(|t| t.value.clone()),
                    status: it.status.into(),
                    history: it
                        .history
                        .iter()
                        .map(|h| WorkStatusChange {
                            date: IsoDate::of(h.date.value),
                            status: h.status.into(),
                            note: h.note.clone(),
                        })
                        .collect(),
                    considered_at: ex.item_refs(r.work_considered.get(&(wi, ii)).map_or(&[], Vec::as_slice)),
                    reason: it.reason.clone(),
                })
                .collect();
            let monitoring = wp
                .data
                .monitoring
                .iter()
                .enumerate()
                .map(|(k, mo)| MonitoringRecord {
                    id: mo.id.value.clone(),
                    topic: mo.topic.clone(),
                    frequency: mo.frequency.clone(),
                    due: r
                        .monitor_due
                        .get(&(wi, k))
                        .into_iter()
                        .flatten()
                        .map(|&m| ex.content.meetings[m].id())
                        .collect(),
                    considered_at: ex
                        .item_refs(r.monitor_considered.get(&(wi, k)).map_or(&[], Vec::as_slice)),
                })
                .collect();
            let future = wp
                .data
                .future
                .iter()
                .map(|f| FutureRecord {
                    topic: f.topic.clone(),
                    note: f.note.as_deref().and_then(plain_opt),
                    suggested_by: f.suggested_by.clone(),
                })
                .collect();
            let task_groups = wp
                .data
                .task_groups
                .iter()
                .enumerate()
                .map(|(gi, g)| TaskGroupRecord {
                    id: format!("{}/work-programme#{}", wp.committee, g.id.value),
                    name: g.name.clone(),
                    scope: g.scope.as_deref().and_then(plain_opt),
                    member_ids: g.members.iter().map(|p| p.value.clone()).collect(),
                    lead_id: g.lead.as_ref().or(g.members.first()).map(|p| p.value.clone()),
                    status: g.status.into(),
                    progress: g
                        .progress
                        .iter()
                        .map(|p| ProgressNote { date: IsoDate::of(p.date), note: plain(&p.note) })
                        .collect(),
                    report_ids: r
                        .group_reports
                        .get(&(wi, gi))
                        .into_iter()
                        .flatten()
                        .filter(|rk| !ex.withhold(ex.graph.exempt_reports.contains(rk)))
                        .map(|&rk| ex.report_id(rk))
                        .collect(),
                })
                .collect();
            WorkProgrammeRecord {
                id: format!("{}/work-programme", wp.committee),
                organization_id: wp.committee.clone(),
                url: ex.abs(&ex.urls.work_programme(&wp.committee)),
                introduction: wp.data.introduction.as_deref().and_then(plain_opt),
                items,
                monitoring,
                future,
                task_groups,
            }
        })
        .collect();
    work_programmes.sort_by(|a, b| a.id.cmp(&b.id));
    WorkProgrammesFile {
        schema: ex.schema_url("work-programmes"),
        edition: ex.edition_name(),
        publisher: ex.publisher(),
        work_programmes,
    }
}
