//! Publication rules from the access to information legislation. Each has a stable code and a
//! default level that `site.yaml` can change (`rules: { agenda-late: warning }`).
//!
//! | code | default | law |
//! |---|---|---|
//! | `agenda-late` | error | LGA 1972 s.100B(3), s.100A(6)(a): five clear working days |
//! | `report-late` | error | LGA 1972 s.100B(4): late items only if urgent, with reasons |
//! | `key-decision-notice` | error | 2012 Regulations, reg. 9: 28 clear days' notice |
//! | `exempt-paragraph-missing` | error | LGA 1972 s.100A(4) and Schedule 12A |
//! | `minutes-draft-overdue` | warning | LGA 1972 s.100C: minutes open to inspection |

use jiff::civil::Date;

use super::at;
use crate::access::report_published;
use crate::dates::Calendar;
use crate::diagnostics::{Diagnostic, Diagnostics, Severity, Span};
use crate::link::{Graph, Taken};
use crate::load::Loaded;
use crate::model::{MinutesStatus, RuleLevel};

/// The configurable rules and their default levels.
pub const RULES: &[(&str, RuleLevel)] = &[
    ("agenda-late", RuleLevel::Error),
    ("report-late", RuleLevel::Error),
    ("key-decision-notice", RuleLevel::Error),
    ("exempt-paragraph-missing", RuleLevel::Error),
    ("minutes-draft-overdue", RuleLevel::Warning),
];

/// The clear working days an agenda must be published before its meeting (s.100B(3)).
pub const AGENDA_CLEAR_DAYS: u32 = 5;

/// The day after which a meeting's minutes are overdue if still in draft: `weeks` weeks after
/// the meeting (`draft_minutes_weeks` in `site.yaml`).
pub fn minutes_due(meeting: Date, weeks: u32) -> Date {
    jiff::Span::new()
        .try_days(i64::from(weeks) * 7)
        .ok()
        .and_then(|span| meeting.checked_add(span).ok())
        .unwrap_or(Date::MAX)
}

/// The date a meeting's agenda was first published, and whether that comes from the
/// publication record (`false`: from `agenda_published`). The record, where it has the agenda,
/// is the proof; a record that starts after the meeting (an archive recorded later) proves
/// nothing about it, so the typed date stands. `history` is
/// [`crate::access::record::history`] of the record.
pub fn agenda_first_published(
    history: &std::collections::BTreeMap<String, Vec<Date>>,
    m: &crate::model::Meeting,
) -> Option<(Date, bool)> {
    let typed = m.data.agenda_published.as_ref()?.value;
    let recorded = history.get(&m.id()).and_then(|d| d.first().copied()).filter(|d| *d <= m.date);
    Some(recorded.map_or((typed, false), |d| (d, true)))
}

/// Days strictly between two dates.
fn clear_days(from: Date, to: Date) -> i64 {
    i64::from((to - from).get_days()) - 1
}

/// Runs the publication rules.
pub fn check(loaded: &Loaded, graph: &Graph, calendar: &Calendar, as_of: Date, d: &mut Diagnostics) {
    let content = &loaded.content;
    let history = crate::access::record::history(&loaded.publication);
    for (mi, m) in content.meetings.iter().enumerate() {
        if let Some(min) = &m.minutes {
            let weeks = content.site.draft_minutes_weeks;
            if min.front.status == MinutesStatus::Draft && as_of > minutes_due(m.date, weeks) {
                d.push(
                    Diagnostic::warning(
                        "minutes-draft-overdue",
                        Some(Span { file: min.file, offset: 0, len: 0 }),
                        format!("these minutes are still in draft more than {weeks} weeks after the meeting on {}", m.date),
                    )
                    .with_help("have the minutes approved at the next meeting and set `status: approved` with `approved_at:`"),
                );
            }
        }
        let Some(published) = &m.data.agenda_published else { continue };
        let Some((first, recorded)) = agenda_first_published(&history, m) else { continue };
        let days = calendar.clear_working_days_between(first, m.date);
        if days < i64::from(AGENDA_CLEAR_DAYS) {
            d.push(
                Diagnostic::error(
                    "agenda-late",
                    at(loaded, m.file, &published.referenced),
                    format!(
                        "the agenda was published on {first}{} with {days} clear working day(s) before the meeting on {}; the law requires five",
                        if recorded { " (from the publication record)" } else { "" },
                        m.date
                    ),
                )
                .with_help(
                    "publish the agenda at least five clear working days before the meeting (not counting the day of publication, \
                     the day of the meeting, weekends and bank holidays), or move the meeting",
                ),
            );
        }
        // Papers published after the agenda belong to supplementary, urgent items only.
        let agenda_date = published.value;
        for (ri, r) in m.reports.iter().enumerate() {
            let report_date = report_published(Some(agenda_date), &r.front);
            if report_date <= agenda_date {
                continue;
            }
            let items = graph.report_items.get(&(mi, ri)).cloned().unwrap_or_default();
            let excused = !items.is_empty()
                && items.iter().all(|&(im, ii)| {
                    let item = &content.meetings[im].data.agenda[ii];
                    im != mi
                        || (item.supplementary
                            && item.urgency.as_deref().is_some_and(|u| !u.trim().is_empty()))
                });
            if !excused {
                let span =
                    r.front.published.as_ref().map_or(Some(Span { file: r.file, offset: 0, len: 0 }), |p| {
                        at(loaded, r.file, &p.referenced)
                    });
                d.push(
                    Diagnostic::error(
                        "report-late",
                        span,
                        format!(
                            "this report is published on {report_date}, after the agenda ({agenda_date}), but its item is not a supplementary item with reasons for urgency"
                        ),
                    )
                    .with_help(
                        "mark the agenda item `supplementary: true` and give `urgency:` (why it cannot wait for the next meeting), \
                         or defer the report",
                    ),
                );
            }
        }
    }
    // Key decisions: 28 clear days' notice in the forward plan.
    for (pi, p) in content.forward_plan.iter().enumerate() {
        let decided = match graph.records.plan_taken.get(pi).copied().flatten() {
            Some(Taken::Item((m, _))) => Some(content.meetings[m].date),
            Some(Taken::Decision(di)) => Some(graph.records.decisions[di].date),
            None => None,
        };
        let decision_date = decided.unwrap_or(p.data.expected.value);
        let days = clear_days(p.data.first_published.value, decision_date);
        if days < 28 {
            d.push(
                Diagnostic::error(
                    "key-decision-notice",
                    at(loaded, p.file, &p.data.first_published.referenced),
                    format!(
                        "{} was first published on {}, {days} clear day(s) before the decision on {decision_date}; a key decision needs 28",
                        p.data.reference.value, p.data.first_published.value
                    ),
                )
                .with_help(
                    "publish key decisions in the forward plan at least 28 clear days ahead, or record the general exception or \
                     special urgency procedure used (regulations 10 and 11)",
                ),
            );
        }
    }
}

/// Applies the levels set in `site.yaml` to the rules' diagnostics, and reports unknown rule
/// names.
pub fn apply_levels(loaded: &Loaded, diags: Diagnostics) -> Diagnostics {
    let rules = &loaded.content.site.rules;
    let mut out = Diagnostics::default();
    for mut d in diags.0 {
        let level =
            rules.get(d.code).copied().or_else(|| RULES.iter().find(|(c, _)| *c == d.code).map(|(_, l)| *l));
        match level {
            Some(RuleLevel::Off) => continue,
            Some(RuleLevel::Warning) => d.severity = Severity::Warning,
            Some(RuleLevel::Error) => d.severity = Severity::Error,
            None => {}
        }
        out.push(d);
    }
    let site_file = loaded.sources.files.iter().position(|f| f.rel == "site.yaml");
    for name in rules.keys() {
        if !RULES.iter().any(|(c, _)| c == name) {
            let span = site_file.map(|file| {
                let text = &loaded.sources.files[file].text;
                Span { file, offset: text.find(name.as_str()).unwrap_or(0), len: name.len() }
            });
            out.push(
                Diagnostic::error("unknown-rule", span, format!("`{name}` is not a rule that can be set"))
                    .with_help(format!(
                        "the rules are: {}",
                        RULES.iter().map(|(c, _)| *c).collect::<Vec<_>>().join(", ")
                    )),
            );
        }
    }
    out
}
