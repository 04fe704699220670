//! Records beyond the meeting: work programmes, the forward plan of key decisions, officer
//! decisions and matters.
//!
//! - `content/committees/<slug>/work-programme.yaml`: a committee's work programme.
//! - `content/forward-plan/<reference-slug>.yaml`: one forward plan (notice of key decisions) entry.
//! - `content/decisions/<slug>.yaml`: a decision taken by an officer or a single member.
//! - `content/matters/<slug>.yaml` (optional): the title and summary of a matter that records
//!   name with `matter: <slug>`.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{ExemptParagraph, FileId, Spanned};

/// A dated change of status, with a note.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusChange<S> {
    /// When the status changed.
    pub date: Spanned<Date>,
    /// The new status.
    pub status: S,
    /// Why, or what happened.
    #[serde(default)]
    pub note: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Work programme.

/// Where a work programme item came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OriginKind {
    /// A resolution of this or another committee (`from` names it: `committee/yyyy-mm-dd/minutes#45`
    /// for a minute, `…#45b` for one resolution).
    Resolution,
    /// A member asked for it (`from` may name the member, a person slug).
    MemberRequest,
    /// A forward plan entry (`from` is its reference).
    ForwardPlan,
    /// Anything else (described in `note`).
    Other,
}

/// The origin of a work programme item.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Origin {
    /// What kind of origin.
    pub kind: OriginKind,
    /// The resolution id, person slug or forward plan reference.
    #[serde(default)]
    pub from: Option<Spanned<String>>,
    /// A description, for `other` or to add detail.
    #[serde(default)]
    pub note: Option<String>,
}

/// Status of a planned work programme item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum WorkStatus {
    /// Scheduled for a meeting.
    Scheduled,
    /// In hand and on track for its target.
    OnTrack,
    /// Put back to a later meeting.
    Deferred,
    /// Considered; done.
    Completed,
    /// Dropped, with a reason.
    Discontinued,
}

/// A status with a label for pages.
pub trait StatusLabel: Copy {
    /// "On track", "Decision taken".
    fn label(self) -> &'static str;
}

impl StatusLabel for WorkStatus {
    fn label(self) -> &'static str {
        WorkStatus::label(self)
    }
}

impl StatusLabel for PlanStatus {
    fn label(self) -> &'static str {
        PlanStatus::label(self)
    }
}

impl WorkStatus {
    /// "On track".
    pub fn label(self) -> &'static str {
        match self {
            WorkStatus::Scheduled => "Scheduled",
            WorkStatus::OnTrack => "On track",
            WorkStatus::Deferred => "Deferred",
            WorkStatus::Completed => "Completed",
            WorkStatus::Discontinued => "Discontinued",
        }
    }
}

/// A planned item of a committee's work programme.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkItem {
    /// Short id, unique in this work programme (`home-to-school-transport`); the item's id
    /// elsewhere is `committee/work-programme#id`.
    pub id: Spanned<String>,
    /// Topic, as the committee would list it.
    pub topic: String,
    /// Purpose and key issues (Markdown).
    #[serde(default)]
    pub purpose: Option<String>,
    /// Where the item came from.
    #[serde(default)]
    pub origin: Option<Origin>,
    /// The corporate priority it relates to.
    #[serde(default)]
    pub priority: Option<String>,
    /// Suggested action: "Pre-decision scrutiny", "Performance report", "Review".
    #[serde(default)]
    pub action: Option<String>,
    /// Target meeting (`committee/yyyy-mm-dd`) or month (`yyyy-mm`).
    #[serde(default)]
    pub target: Option<Spanned<String>>,
    /// Current status.
    pub status: WorkStatus,
    /// Earlier statuses, oldest first, each with its date and a note.
    #[serde(default)]
    pub history: Vec<StatusChange<WorkStatus>>,
    /// Agenda items (`committee/yyyy-mm-dd#N`) where the item was considered.
    #[serde(default)]
    pub considered_at: Vec<Spanned<String>>,
    /// The matter it belongs to (a matter slug).
    #[serde(default)]
    pub matter: Option<Spanned<String>>,
    /// For a deferred or discontinued item: why.
    #[serde(default)]
    pub reason: Option<String>,
}

/// A standing monitoring item that comes back at a set frequency.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonitoringItem {
    /// Short id, unique in this work programme.
    pub id: Spanned<String>,
    /// Topic.
    pub topic: String,
    /// How often: "Quarterly", "Every meeting", "Annually".
    pub frequency: String,
    /// Meetings (`committee/yyyy-mm-dd`) at which it is due.
    #[serde(default)]
    pub due: Vec<Spanned<String>>,
    /// Agenda items where it was considered.
    #[serde(default)]
    pub considered_at: Vec<Spanned<String>>,
}

/// A possible future item, not yet scheduled.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FutureItem {
    /// Topic.
    pub topic: String,
    /// Notes (Markdown).
    #[serde(default)]
    pub note: Option<String>,
    /// Who suggested it (free text: "Councillor Reed", "Healthwatch Ashcombe").
    #[serde(default)]
    pub suggested_by: Option<String>,
}

/// Status of a task and finish group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GroupStatus {
    /// Not yet started.
    Planned,
    /// Meeting.
    Active,
    /// Reported and finished.
    Completed,
}

/// A dated progress note.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// Date.
    pub date: Date,
    /// What happened (Markdown).
    pub note: String,
}

/// A task and finish group set up by the committee.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskGroup {
    /// Short id, unique in this work programme.
    pub id: Spanned<String>,
    /// Name, for example "School Attendance Task and Finish Group".
    pub name: String,
    /// Scope (Markdown).
    #[serde(default)]
    pub scope: Option<String>,
    /// Members (person slugs); the first listed leads unless `lead` is given.
    #[serde(default)]
    pub members: Vec<Spanned<String>>,
    /// The lead member (person slug).
    #[serde(default)]
    pub lead: Option<Spanned<String>>,
    /// Planned, active or completed.
    pub status: GroupStatus,
    /// Progress notes, oldest first.
    #[serde(default)]
    pub progress: Vec<Progress>,
    /// Reports the group produced (report ids, `committee/yyyy-mm-dd/slug`).
    #[serde(default)]
    pub reports: Vec<Spanned<String>>,
}

/// `work-programme.yaml` as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkProgrammeFile {
    /// Introduction (Markdown): how the committee plans its work.
    #[serde(default)]
    pub introduction: Option<String>,
    /// Planned items.
    #[serde(default)]
    pub items: Vec<WorkItem>,
    /// Standing monitoring items.
    #[serde(default)]
    pub monitoring: Vec<MonitoringItem>,
    /// Possible future items.
    #[serde(default)]
    pub future: Vec<FutureItem>,
    /// Task and finish groups.
    #[serde(default)]
    pub task_groups: Vec<TaskGroup>,
}

/// A committee's work programme.
#[derive(Debug, Clone)]
pub struct WorkProgramme {
    /// Committee slug (the folder it is in).
    pub committee: String,
    /// The file.
    pub file: FileId,
    /// What was written.
    pub data: WorkProgrammeFile,
}

// ---------------------------------------------------------------------------------------------
// Forward plan.

/// Status of a forward plan entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlanStatus {
    /// Still to be decided.
    Pending,
    /// Decided (`taken` names where).
    Taken,
    /// Put back (`deferred_to` gives the new expected date).
    Deferred,
    /// No longer to be decided.
    Withdrawn,
}

impl PlanStatus {
    /// "Pending".
    pub fn label(self) -> &'static str {
        match self {
            PlanStatus::Pending => "Pending",
            PlanStatus::Taken => "Decision taken",
            PlanStatus::Deferred => "Deferred",
            PlanStatus::Withdrawn => "Withdrawn",
        }
    }
}

/// Why a decision is expected to be taken in private.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrivateNotice {
    /// Schedule 12A paragraph.
    pub paragraph: Spanned<ExemptParagraph>,
    /// Why (the notice under regulation 5 of the 2012 regulations).
    pub reason: String,
}

/// A forward plan entry as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanEntryFile {
    /// Reference, unique, for example "KD 2025/26-07"; the file is named after its slug
    /// (`kd-2025-26-07.yaml`).
    pub reference: Spanned<String>,
    /// Title.
    pub title: String,
    /// The decision to be taken (Markdown).
    pub decision: String,
    /// Who takes it: a committee slug (cabinet, council) or a person slug (a portfolio holder
    /// or an officer).
    pub decision_maker: Spanned<String>,
    /// Expected date of the decision.
    pub expected: Spanned<Date>,
    /// Date the entry was first published in the forward plan.
    pub first_published: Spanned<Date>,
    /// Proposed consultation (Markdown).
    #[serde(default)]
    pub consultation: Option<String>,
    /// The relevant scrutiny committee (committee slug).
    #[serde(default)]
    pub scrutiny: Option<Spanned<String>>,
    /// Contact officer (person slug).
    pub contact: Spanned<String>,
    /// Documents to be considered (descriptions).
    #[serde(default)]
    pub documents: Vec<String>,
    /// Wards affected.
    #[serde(default)]
    pub wards: Vec<String>,
    /// Set if the decision is expected to be taken in private.
    #[serde(default)]
    pub private: Option<PrivateNotice>,
    /// The entry's details are exempt under this Schedule 12A paragraph: the public sees its
    /// reference, (neutral) title, decision maker and dates, with the grounds.
    #[serde(default)]
    pub exempt_paragraph: Option<Spanned<ExemptParagraph>>,
    /// A neutral title the public sees instead of `title` when exempt.
    #[serde(default)]
    pub public_title: Option<String>,
    /// Why the public interest in keeping the details exempt outweighs disclosure.
    #[serde(default)]
    pub public_interest: Option<String>,
    /// Current status.
    pub status: PlanStatus,
    /// For a taken decision: the agenda item (`committee/yyyy-mm-dd#N`) or officer decision
    /// (`decisions/<slug>`) where it was taken.
    #[serde(default)]
    pub taken: Option<Spanned<String>>,
    /// For a deferred decision: the new expected date.
    #[serde(default)]
    pub deferred_to: Option<Spanned<Date>>,
    /// Earlier statuses, oldest first.
    #[serde(default)]
    pub history: Vec<StatusChange<PlanStatus>>,
    /// The matter it belongs to.
    #[serde(default)]
    pub matter: Option<Spanned<String>>,
}

/// A forward plan entry.
#[derive(Debug, Clone)]
pub struct PlanEntry {
    /// File stem (the slug of the reference).
    pub slug: String,
    /// The file.
    pub file: FileId,
    /// What was written.
    pub data: PlanEntryFile,
}

// ---------------------------------------------------------------------------------------------
// Decisions.

/// Whether a decision was called in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CallIn {
    /// Called in for scrutiny; not to be implemented until reconsidered.
    CalledIn,
    /// Taken as urgent under the constitution: not subject to call-in.
    Urgent,
}

/// An officer or single-member decision as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionFile {
    /// Title.
    pub title: String,
    /// The decision (Markdown).
    pub decision: String,
    /// Reasons for the decision (Markdown).
    pub reasons: String,
    /// Alternatives considered and rejected (Markdown).
    #[serde(default)]
    pub alternatives: Option<String>,
    /// Who took it (person slug: an officer or a portfolio holder).
    pub decision_maker: Spanned<String>,
    /// Date taken.
    pub taken: Spanned<Date>,
    /// Date the decision notice was published.
    #[serde(default)]
    pub published: Option<Spanned<Date>>,
    /// Forward plan reference, for a key decision.
    #[serde(default)]
    pub key_decision: Option<Spanned<String>>,
    /// Interests declared and any dispensation.
    #[serde(default)]
    pub declarations: Option<String>,
    /// Called in, or urgent; left out otherwise.
    #[serde(default)]
    pub call_in: Option<CallIn>,
    /// Wards affected.
    #[serde(default)]
    pub wards: Vec<String>,
    /// The matter it belongs to.
    #[serde(default)]
    pub matter: Option<Spanned<String>>,
    /// The decision is exempt under this Schedule 12A paragraph: the public sees its (neutral)
    /// title, the grounds and the public interest statement only.
    #[serde(default)]
    pub exempt_paragraph: Option<Spanned<ExemptParagraph>>,
    /// A neutral title the public sees instead of `title` when exempt.
    #[serde(default)]
    pub public_title: Option<String>,
    /// Why the public interest in keeping it exempt outweighs disclosure.
    #[serde(default)]
    pub public_interest: Option<String>,
}

/// An officer or single-member decision.
#[derive(Debug, Clone)]
pub struct OfficerDecision {
    /// File stem.
    pub slug: String,
    /// The file.
    pub file: FileId,
    /// What was written.
    pub data: DecisionFile,
}

/// Details of a decision recorded in minutes, in the minutes' front matter (`decisions:`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MinuteDecision {
    /// Minute number.
    pub minute: Spanned<u32>,
    /// Reasons for the decision (Markdown).
    #[serde(default)]
    pub reasons: Option<String>,
    /// Alternatives considered and rejected (Markdown).
    #[serde(default)]
    pub alternatives: Option<String>,
    /// Forward plan reference, for a key decision (otherwise taken from the item's report).
    #[serde(default)]
    pub key_decision: Option<Spanned<String>>,
    /// Called in, or urgent.
    #[serde(default)]
    pub call_in: Option<CallIn>,
}

// ---------------------------------------------------------------------------------------------
// Matters.

/// `matters/<slug>.yaml`: what a matter is called. Optional: without it the title is made
/// from the slug.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatterFile {
    /// Title: "Home to school transport".
    pub title: String,
    /// Summary (Markdown).
    #[serde(default)]
    pub summary: Option<String>,
}

/// A matter with a file.
#[derive(Debug, Clone)]
pub struct Matter {
    /// Slug.
    pub slug: String,
    /// The file.
    pub file: FileId,
    /// What was written.
    pub data: MatterFile,
}
