//! The content model: plain typed records, as a democratic services officer writes them.
//!
//! Each record is deserialised straight from YAML (or Markdown front matter) by the `load`
//! stage. Fields that refer to another record are kept as [`Spanned`] strings so that the `link`
//! stage can report a dangling reference at its file, line and column. Nothing here does I/O.
//!
//! The YAML shape of every record is documented field by field in `docs/content-format.md`.

mod committee;
mod meeting;
mod minutes;
mod person;
mod records;
mod report;
mod site;

pub use committee::{
    Committee, CommitteeFile, CommitteeKind, Member, MemberRole, Membership, StandingItem, StandingPosition,
    default_standing_items,
};
pub use meeting::{AgendaItem, Attachment, ExemptParagraph, Meeting, MeetingFile, MeetingStatus, Venue};
pub use minutes::{
    Attendee, Declaration, ExemptSummary, Minute, MinuteBlock, Minutes, MinutesFront, MinutesStatus,
    RecordedVote, Resolution, TimedNote, Vote,
};
pub use person::{Person, PersonFile, PersonKind};
pub use records::{
    CallIn, DecisionFile, FutureItem, GroupStatus, Matter, MatterFile, MinuteDecision, MonitoringItem,
    OfficerDecision, Origin, OriginKind, PlanEntry, PlanEntryFile, PlanStatus, PrivateNotice, Progress,
    StatusChange, StatusLabel, TaskGroup, WorkItem, WorkProgramme, WorkProgrammeFile, WorkStatus,
};
pub use report::{
    Appendix, AppendixText, Body, MarkdownLink, Report, ReportFront, ReportSection, text_hash, tracking_reads,
};
pub use site::{Accessibility, Compliance, Contact, KnownProblem, MinuteNumbering, Region, RuleLevel, Site};

pub use serde_saphyr::Spanned;

/// Index of a source file in [`crate::load::Sources`].
pub type FileId = usize;

/// A municipal year, named by the calendar year in which it starts (2025 is "2025/26").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MunicipalYear(pub i16);

impl MunicipalYear {
    /// The municipal year a date falls in, given the month (1–12) in which years start.
    pub fn of(date: jiff::civil::Date, start_month: i8) -> Self {
        if date.month() >= start_month { MunicipalYear(date.year()) } else { MunicipalYear(date.year() - 1) }
    }

    /// Parses "2025/26" (the usual form) or "2025-26".
    pub fn parse(text: &str) -> Option<Self> {
        let (a, b) = text.split_once(['/', '-'])?;
        let start: i16 = a.trim().parse().ok()?;
        let end: i16 = b.trim().parse().ok()?;
        if !(1000..=9999).contains(&start) || end != (start + 1) % 100 || b.trim().len() != 2 {
            return None;
        }
        Some(MunicipalYear(start))
    }

    /// "2025/26".
    pub fn label(self) -> String {
        format!("{}/{:02}", self.0, (self.0 + 1) % 100)
    }

    /// "2025-26", for URLs and element ids.
    pub fn slug(self) -> String {
        format!("{}-{:02}", self.0, (self.0 + 1) % 100)
    }
}

/// Everything loaded from `content/`, before linking.
#[derive(Debug, Default)]
pub struct Content {
    /// `site.yaml`.
    pub site: Site,
    /// `people/*.yaml`, sorted by slug.
    pub people: Vec<Person>,
    /// `committees/<slug>/committee.yaml`, sorted by slug.
    pub committees: Vec<Committee>,
    /// `committees/<slug>/<date>/meeting.yaml`, sorted by committee then date.
    pub meetings: Vec<Meeting>,
    /// `committees/<slug>/work-programme.yaml`, sorted by committee.
    pub work_programmes: Vec<WorkProgramme>,
    /// `forward-plan/*.yaml`, sorted by slug.
    pub forward_plan: Vec<PlanEntry>,
    /// `decisions/*.yaml`, sorted by slug.
    pub officer_decisions: Vec<OfficerDecision>,
    /// `matters/*.yaml`, sorted by slug.
    pub matters: Vec<Matter>,
}
