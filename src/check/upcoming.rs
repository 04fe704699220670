//! What is still to do for the meetings coming up, as at a date: the day each agenda must be
//! published by, papers not yet in, and minutes overdue. `agendum check` prints it after the
//! diagnostics (and `--format json` includes it as `upcoming`).
//!
//! - **Upcoming meetings**: every `scheduled` meeting from the as-of date to `weeks` weeks
//!   after it. For each: the last working day that leaves five clear working days before the
//!   meeting (the `agenda-late` rule), whether the agenda is published, and the agenda items
//!   whose papers are not in: a report named in `reports` that has not been written (there is no
//!   such file yet), a report still marked `draft: true`, or an item marked `to_follow: true`.
//! - **Minutes overdue**: meetings before the as-of date, not cancelled or postponed, whose
//!   minutes are still `status: draft` more than `draft_minutes_weeks` after the meeting (as the
//!   `minutes-draft-overdue` rule), or, for meetings in the year before the as-of date, have
//!   not been written at all by then.

use std::fmt;

use jiff::civil::Date;
use serde::Serialize;

use super::publication::{AGENDA_CLEAR_DAYS, agenda_first_published, minutes_due};
use crate::dates::Calendar;
use crate::link::Graph;
use crate::load::Loaded;
use crate::model::{Meeting, MeetingStatus, MinutesStatus};

/// How far ahead to look unless told otherwise, in weeks.
pub const DEFAULT_WEEKS: u32 = 8;

/// How far back to look for meetings whose minutes have not been written, in days.
const MISSING_MINUTES_LOOKBACK_DAYS: i64 = 365;

/// What is still to do, as at a date.
#[derive(Debug, Clone, Serialize)]
pub struct Upcoming {
    /// The date treated as today.
    pub as_of: Date,
    /// The last date looked at: meetings from `as_of` to this date are listed.
    pub until: Date,
    /// Scheduled meetings from `as_of` to `until`, in date order.
    pub meetings: Vec<MeetingPapers>,
    /// Meetings before `as_of` whose minutes are overdue, oldest first.
    pub minutes_overdue: Vec<MinutesOverdue>,
}

/// One upcoming meeting: its deadline, its agenda and the papers not yet in.
#[derive(Debug, Clone, Serialize)]
pub struct MeetingPapers {
    /// `committee/yyyy-mm-dd`.
    pub meeting: String,
    /// The committee's name.
    pub committee: String,
    /// The meeting's own title ("Annual Meeting"), if any.
    pub title: Option<String>,
    /// The day of the meeting.
    pub date: Date,
    /// The meeting's file, relative to the site folder (`content/…/meeting.yaml`).
    pub file: String,
    /// The last working day the agenda can be published and still leave five clear working days.
    pub publish_by: Date,
    /// Whether the agenda is published.
    pub agenda: AgendaState,
    /// How many items the agenda has so far.
    pub agenda_items: usize,
    /// The agenda items whose papers are not in, in agenda order.
    pub outstanding: Vec<Outstanding>,
}

impl MeetingPapers {
    /// Whether anything is left to do: the agenda is not yet published, was published late, or
    /// has papers not yet in.
    pub fn has_work(&self) -> bool {
        !self.outstanding.is_empty() || !matches!(self.agenda, AgendaState::Published { late: false, .. })
    }
}

/// Where an upcoming meeting's agenda stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum AgendaState {
    /// Published on or before the as-of date (`late`: after the deadline).
    Published {
        /// The day it was published (from the publication record if it has it).
        on: Date,
        /// Whether that was after `publish_by`.
        late: bool,
    },
    /// `agenda_published` is a date after the as-of date.
    Planned {
        /// The day it is to be published.
        on: Date,
        /// Whether that is after `publish_by`.
        late: bool,
    },
    /// No `agenda_published` yet.
    NotPublished {
        /// Whether `publish_by` has already passed.
        overdue: bool,
    },
}

/// An agenda item whose papers are not in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outstanding {
    /// The item's number.
    pub item: u32,
    /// The item's title.
    pub title: String,
    /// What is missing.
    #[serde(flatten)]
    pub missing: Missing,
}

/// What an agenda item is waiting for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "missing", rename_all = "kebab-case")]
pub enum Missing {
    /// `reports` names a report whose file does not exist yet.
    Report {
        /// The report as the item names it.
        report: String,
    },
    /// The report exists but is marked `draft: true`.
    DraftReport {
        /// The report as the item names it.
        report: String,
        /// The report's title.
        report_title: String,
    },
    /// The item is marked `to_follow: true`.
    ToFollow,
}

/// A past meeting whose minutes are overdue.
#[derive(Debug, Clone, Serialize)]
pub struct MinutesOverdue {
    /// `committee/yyyy-mm-dd`.
    pub meeting: String,
    /// The committee's name.
    pub committee: String,
    /// The day of the meeting.
    pub date: Date,
    /// The minutes file, or the meeting's file if there are no minutes, relative to the site
    /// folder.
    pub file: String,
    /// The last day the minutes could stay in draft (`draft_minutes_weeks` after the meeting).
    pub due: Date,
    /// Still in draft, or not written.
    pub state: MinutesState,
}

/// Why minutes are overdue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MinutesState {
    /// `status: draft`.
    Draft,
    /// There is no `minutes.md`.
    Missing,
}

/// Works out what is still to do as at `as_of`, looking `weeks` weeks ahead.
pub fn upcoming(loaded: &Loaded, graph: &Graph, calendar: &Calendar, as_of: Date, weeks: u32) -> Upcoming {
    let content = &loaded.content;
    let until = add_days(as_of, i64::from(weeks) * 7);
    let lookback = add_days(as_of, -MISSING_MINUTES_LOOKBACK_DAYS);
    let history = crate::access::record::history(&loaded.publication);
    let file_of = |file: usize| format!("content/{}", loaded.sources.files[file].rel);
    let committee_name = |m: &Meeting| {
        graph
            .committees
            .get(&m.committee)
            .map_or_else(|| m.committee.clone(), |&c| content.committees[c].data.name.clone())
    };
    let mut meetings = Vec::new();
    let mut minutes_overdue = Vec::new();
    for m in &content.meetings {
        if m.date >= as_of {
            if m.data.status != MeetingStatus::Scheduled || m.date > until {
                continue;
            }
            let publish_by = calendar.clear_working_days_before(m.date, AGENDA_CLEAR_DAYS);
            let agenda = match agenda_first_published(&history, m) {
                Some((on, _)) if on <= as_of => AgendaState::Published { on, late: on > publish_by },
                Some((on, _)) => AgendaState::Planned { on, late: on > publish_by },
                None => AgendaState::NotPublished { overdue: as_of > publish_by },
            };
            meetings.push(MeetingPapers {
                meeting: m.id(),
                committee: committee_name(m),
                title: m.data.title.clone(),
                date: m.date,
                file: file_of(m.file),
                publish_by,
                agenda,
                agenda_items: m.data.agenda.len(),
                outstanding: outstanding(loaded, graph, m),
            });
        } else if matches!(m.data.status, MeetingStatus::Held | MeetingStatus::Scheduled) {
            let due = minutes_due(m.date, content.site.draft_minutes_weeks);
            if as_of <= due {
                continue;
            }
            let (state, file) = match &m.minutes {
                Some(min) if min.front.status == MinutesStatus::Draft => (MinutesState::Draft, min.file),
                Some(_) => continue,
                None if m.date >= lookback && !loaded.broken.contains(&format!("{}/minutes", m.id())) => {
                    (MinutesState::Missing, m.file)
                }
                None => continue,
            };
            minutes_overdue.push(MinutesOverdue {
                meeting: m.id(),
                committee: committee_name(m),
                date: m.date,
                file: file_of(file),
                due,
                state,
            });
        }
    }
    meetings.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.meeting.cmp(&b.meeting)));
    minutes_overdue.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.meeting.cmp(&b.meeting)));
    Upcoming { as_of, until, meetings, minutes_overdue }
}

/// The agenda items of a meeting whose papers are not in.
fn outstanding(loaded: &Loaded, graph: &Graph, m: &Meeting) -> Vec<Outstanding> {
    let content = &loaded.content;
    let mut out = Vec::new();
    for item in &m.data.agenda {
        let entry = |missing| Outstanding { item: item.number.value, title: item.title.clone(), missing };
        for r in &item.reports {
            let full =
                if r.value.contains('/') { r.value.clone() } else { format!("{}/{}", m.id(), r.value) };
            if loaded.broken.contains(&full) {
                // The file is there but cannot be read; its own error says so.
                continue;
            }
            let report = full.rsplit_once('/').and_then(|(meeting, slug)| {
                let &mi = graph.meetings.get(meeting)?;
                let reports = &content.meetings[mi].reports;
                reports.binary_search_by(|x| x.slug.as_str().cmp(slug)).ok().map(|ri| &reports[ri])
            });
            match report {
                None => out.push(entry(Missing::Report { report: r.value.clone() })),
                Some(rep) if rep.front.draft => out.push(entry(Missing::DraftReport {
                    report: r.value.clone(),
                    report_title: rep.front.title.clone(),
                })),
                Some(_) => {}
            }
        }
        if item.to_follow {
            out.push(entry(Missing::ToFollow));
        }
    }
    out
}

fn add_days(d: Date, days: i64) -> Date {
    let fallback = if days < 0 { Date::MIN } else { Date::MAX };
    jiff::Span::new().try_days(days).ok().and_then(|s| d.checked_add(s).ok()).unwrap_or(fallback)
}

/// `Tue 15 December 2026`.
fn day(d: Date) -> String {
    d.strftime("%a %-d %B %Y").to_string()
}

fn meeting_name(committee: &str, title: &Option<String>, date: Date) -> String {
    match title {
        Some(t) => format!("{committee} ({t}), {}", day(date)),
        None => format!("{committee}, {}", day(date)),
    }
}

/// The summary in plain English, as `agendum check` prints it.
impl fmt::Display for Upcoming {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Upcoming meetings (as of {}, up to {}):", day(self.as_of), day(self.until))?;
        let (busy, done): (Vec<_>, Vec<_>) = self.meetings.iter().partition(|m| m.has_work());
        if self.meetings.is_empty() {
            writeln!(f, "  none scheduled")?;
        }
        for m in busy {
            let state = match &m.agenda {
                AgendaState::Published { on, late: false } => format!("published on {}", day(*on)),
                AgendaState::Published { on, late: true } => format!("published late, on {}", day(*on)),
                AgendaState::Planned { on, late: false } => format!("to be published on {}", day(*on)),
                AgendaState::Planned { on, late: true } => {
                    format!("to be published on {}, which is too late", day(*on))
                }
                AgendaState::NotPublished { overdue: false } => "not yet published".to_string(),
                AgendaState::NotPublished { overdue: true } => {
                    "not yet published, and the deadline has passed".to_string()
                }
            };
            let empty = if m.agenda_items == 0 { "; no agenda items yet" } else { "" };
            writeln!(
                f,
                "  {} — agenda must be published by {} ({state}{empty})",
                meeting_name(&m.committee, &m.title, m.date),
                day(m.publish_by)
            )?;
            for o in &m.outstanding {
                let what = match &o.missing {
                    Missing::Report { report } => format!("report `{report}` not yet in"),
                    Missing::DraftReport { report_title, .. } if *report_title == o.title => {
                        "report still in draft".to_string()
                    }
                    Missing::DraftReport { report_title, .. } => {
                        format!("report \"{report_title}\" still in draft")
                    }
                    Missing::ToFollow => "marked to follow".to_string(),
                };
                writeln!(f, "    - item {} \"{}\": {what}", o.item, o.title)?;
            }
        }
        if !done.is_empty() {
            let names: Vec<String> =
                done.iter().map(|m| meeting_name(&m.committee, &m.title, m.date)).collect();
            writeln!(f, "  Agenda published and all papers in: {}", names.join("; "))?;
        }
        if self.minutes_overdue.is_empty() {
            writeln!(f, "Minutes overdue: none")?;
        } else {
            writeln!(f, "Minutes overdue:")?;
            for m in &self.minutes_overdue {
                let state = match m.state {
                    MinutesState::Draft => "minutes still draft",
                    MinutesState::Missing => "no minutes yet",
                };
                writeln!(
                    f,
                    "  {} — {state} (due by {})",
                    meeting_name(&m.committee, &None, m.date),
                    day(m.due)
                )?;
            }
        }
        Ok(())
    }
}
