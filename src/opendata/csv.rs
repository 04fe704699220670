//! CSV registers, for spreadsheets: `data/decisions.csv`, `data/forward-plan.csv` and
//! `data/attendance.csv`. UTF-8, a header row, comma-separated, quoted where needed, `\n` line
//! ends. The decision and forward plan registers are made from the same export records as the
//! JSON, so they withhold exactly what it withholds.

use super::types::{AttendanceKind, DecisionRecord, PlanEntryRecord};
use super::{Export, Files, json};
use crate::link::members_in_year;

/// Columns of `decisions.csv`.
pub const DECISION_COLUMNS: [&str; 15] = [
    "id",
    "date",
    "title",
    "classification",
    "decision_maker_id",
    "decision_maker",
    "key_decision",
    "forward_plan_reference",
    "published",
    "call_in_status",
    "call_in_ends",
    "exempt_paragraph",
    "decision",
    "reasons",
    "url",
];

/// Columns of `forward-plan.csv`.
pub const PLAN_COLUMNS: [&str; 15] = [
    "reference",
    "title",
    "decision_maker_id",
    "decision_maker",
    "expected",
    "first_published",
    "status",
    "scrutiny_committee_id",
    "contact_id",
    "wards",
    "private_paragraph",
    "exempt_paragraph",
    "decision",
    "taken",
    "url",
];

/// Columns of `attendance.csv`.
pub const ATTENDANCE_COLUMNS: [&str; 10] = [
    "meeting_id",
    "date",
    "committee_id",
    "committee",
    "person_id",
    "person",
    "attendance",
    "role",
    "substitute_for",
    "minutes_url",
];

/// Builds and adds the three registers.
pub(super) fn write_all(ex: &Export<'_>, out: &mut Files<'_>) {
    let decisions = json::decisions(ex);
    let plan = json::forward_plan(ex);
    let tables = [
        ("data/decisions.csv", table(&DECISION_COLUMNS, decisions.decisions.iter().map(decision_row))),
        ("data/forward-plan.csv", table(&PLAN_COLUMNS, plan.entries.iter().map(plan_row))),
        ("data/attendance.csv", table(&ATTENDANCE_COLUMNS, attendance_rows(ex).into_iter())),
    ];
    for (rel, result) in tables {
        match result {
            Ok(bytes) => out.add(rel, bytes),
            Err(e) => out.errors.push(format!("cannot write {rel}: {e}")),
        }
    }
}

/// A CSV file from its header and rows.
fn table(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> Result<Vec<u8>, ::csv::Error> {
    let mut w = ::csv::WriterBuilder::new().terminator(::csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    w.write_record(header)?;
    for row in rows {
        w.write_record(&row)?;
    }
    w.into_inner().map_err(|e| ::csv::Error::from(e.into_error()))
}

/// An optional value as a cell.
fn cell<T: ToString>(v: Option<T>) -> String {
    v.map_or_else(String::new, |x| x.to_string())
}

/// A serialised enum value ("called-in") as a cell.
fn kebab<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn decision_row(d: &DecisionRecord) -> Vec<String> {
    vec![
        d.id.clone(),
        d.date.as_str().to_string(),
        d.title.clone(),
        kebab(&d.classification),
        cell(d.decision_maker.id.as_ref()),
        d.decision_maker.name.clone(),
        if d.key_decision { "yes" } else { "no" }.to_string(),
        cell(d.forward_plan_reference.as_ref()),
        cell(d.published.as_ref().map(|p| p.as_str())),
        kebab(&d.call_in.status),
        cell(d.call_in.ends.as_ref().map(|p| p.as_str())),
        cell(d.exempt_paragraph),
        cell(d.text.as_ref()),
        cell(d.reasons.as_ref()),
        d.url.as_str().to_string(),
    ]
}

fn plan_row(p: &PlanEntryRecord) -> Vec<String> {
    let taken = p.taken.as_ref().map(|t| match (&t.agenda_item, &t.decision_id) {
        (Some(i), _) => format!("{}#{}", i.event_id, i.order),
        (None, Some(d)) => format!("decisions/{d}"),
        (None, None) => String::new(),
    });
    vec![
        p.reference.clone(),
        p.title.clone(),
        cell(p.decision_maker.id.as_ref()),
        p.decision_maker.name.clone(),
        p.expected.as_str().to_string(),
        p.first_published.as_str().to_string(),
        kebab(&p.status),
        cell(p.scrutiny_organization_id.as_ref()),
        p.contact_person_id.clone(),
        p.wards.join("; "),
        cell(p.private.as_ref().map(|x| x.paragraph)),
        cell(p.exempt_paragraph),
        cell(p.decision.as_ref()),
        cell(taken),
        p.url.as_str().to_string(),
    ]
}

/// One row per person per meeting whose minutes record attendance: present (or substitute),
/// apologies, absent (a member of the committee that year who did neither), also present and
/// officers. By meeting date, meeting, kind of attendance, then person.
fn attendance_rows(ex: &Export<'_>) -> Vec<Vec<String>> {
    let mut rows: Vec<(jiff::civil::Date, String, AttendanceKind, String, Vec<String>)> = Vec::new();
    for (mi, m) in ex.content.meetings.iter().enumerate() {
        let Some(min) = &m.minutes else { continue };
        let f = &min.front;
        let committee = ex.graph.committees.get(&m.committee).copied();
        let minutes_url = ex.abs(&ex.urls.minutes(&m.committee, m.date)).0;
        let mut push =
            |person: &str, kind: AttendanceKind, role: Option<&str>, substitute_for: Option<&str>| {
                let row = vec![
                    m.id(),
                    m.date.to_string(),
                    m.committee.clone(),
                    ex.committee_name(&m.committee),
                    person.to_string(),
                    crate::link::person_name(ex.content, ex.graph, person),
                    kebab(&kind),
                    role.unwrap_or_default().to_string(),
                    substitute_for.unwrap_or_default().to_string(),
                    minutes_url.clone(),
                ];
                rows.push((m.date, m.id(), kind, person.to_string(), row));
            };
        let mut seen: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
        for a in &f.present {
            let kind =
                if a.substitute_for.is_some() { AttendanceKind::Substitute } else { AttendanceKind::Present };
            let role = a.role.map(|r| kebab(&super::types::Role::from(r)));
            push(&a.person.value, kind, role.as_deref(), a.substitute_for.as_ref().map(|s| s.value.as_str()));
            seen.insert(&a.person.value);
        }
        for a in &f.apologies {
            push(&a.value, AttendanceKind::Apologies, None, None);
            seen.insert(&a.value);
        }
        if let Some(c) = committee {
            let year = ex.graph.meeting_year[mi];
            for member in members_in_year(&ex.content.committees[c], year) {
                if !seen.contains(member.as_str()) {
                    push(&member, AttendanceKind::Absent, None, None);
                }
            }
        }
        for a in &f.also_present {
            push(&a.value, AttendanceKind::AlsoPresent, None, None);
        }
        for a in &f.officers {
            push(&a.value, AttendanceKind::Officer, None, None);
        }
    }
    rows.sort_by(|a, b| (a.0, &a.1, a.2, &a.3).cmp(&(b.0, &b.1, b.2, &b.3)));
    rows.dedup_by(|a, b| a.1 == b.1 && a.2 == b.2 && a.3 == b.3);
    rows.into_iter().map(|r| r.4).collect()
}
