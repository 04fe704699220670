//! The shapes of the open data files: dedicated export records, serialised with serde and
//! described by JSON Schemas that schemars derives from the same types, so the data and its
//! schema cannot drift apart. The model types are never exported directly.
//!
//! Field names follow [Popolo](https://www.popoloproject.com/specs/) (organizations, persons,
//! memberships, motions, vote events, counts) and [Open Civic Data](https://open-civic-data.readthedocs.io/)
//! (events with agendas) where they cover the same thing; the rest are Agendum's own, named as
//! in `content/`. Dates are `yyyy-mm-dd`; times are ISO 8601 date-times with the offset in force
//! in Europe/London; URLs are absolute. Optional fields are left out when there is no value.

use std::borrow::Cow;

use jiff::civil::Date;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Serialize;

use crate::model::{
    CommitteeKind, GroupStatus, MeetingStatus, MemberRole, MinutesStatus, OriginKind, PersonKind, PlanStatus,
    WorkStatus,
};

// ---------------------------------------------------------------------------------------------
// Scalars with a format.

/// A calendar date, `yyyy-mm-dd`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct IsoDate(String);

impl IsoDate {
    /// The date as `yyyy-mm-dd`.
    pub fn of(d: Date) -> Self {
        IsoDate(d.to_string())
    }

    /// The text, `yyyy-mm-dd`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl JsonSchema for IsoDate {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A calendar date, yyyy-mm-dd.",
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}

/// A date and time with its offset from UTC, `yyyy-mm-ddThh:mm:ss+hh:mm`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct DateTime(pub(super) String);

impl JsonSchema for DateTime {
    fn schema_name() -> Cow<'static, str> {
        "DateTime".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An ISO 8601 date and time with the offset in force in Europe/London.",
            "type": "string",
            "format": "date-time",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([+-][0-9]{2}:[0-9]{2}|Z)$"
        })
    }
}

/// An absolute URL (or a root-relative one, if the site has no scheme and host).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Url(pub(super) String);

impl Url {
    /// The URL as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl JsonSchema for Url {
    fn schema_name() -> Cow<'static, str> {
        "Url".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "The URL of a page or file of the site.",
            "type": "string",
            "format": "uri-reference",
            "minLength": 1
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Enumerations, mirrored from the model so that the model carries no export derives.

/// Defines an export enum with the same variants as a model enum, and the conversion.
macro_rules! mirror_enum {
    ($(#[$m:meta])* $name:ident from $src:ident { $($(#[$vm:meta])* $v:ident),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
        #[serde(rename_all = "kebab-case")]
        pub enum $name {
            $($(#[$vm])* $v),*
        }

        impl From<$src> for $name {
            fn from(v: $src) -> Self {
                match v {
                    $($src::$v => $name::$v),*
                }
            }
        }
    };
}

mirror_enum! {
    /// Whether a person is a councillor, an officer or a co-opted member.
    PersonClass from PersonKind {
        /// An elected member of the council.
        Councillor,
        /// An officer (employee) of the council.
        Officer,
        /// A co-opted member or other person.
        CoOptee,
    }
}

mirror_enum! {
    /// Whether a meeting is to be held, has been held, or will not be held.
    EventStatus from MeetingStatus {
        /// To be held.
        Scheduled,
        /// Has been held.
        Held,
        /// Will not be held.
        Cancelled,
        /// Moved to a date not yet fixed.
        Postponed,
    }
}

mirror_enum! {
    /// Whether minutes have been approved as a correct record.
    MinutesState from MinutesStatus {
        /// Not yet approved.
        Draft,
        /// Approved as a correct record.
        Approved,
    }
}

mirror_enum! {
    /// Status of a forward plan entry.
    PlanState from PlanStatus {
        /// Still to be decided.
        Pending,
        /// Decided.
        Taken,
        /// Put back to a later date.
        Deferred,
        /// No longer to be decided.
        Withdrawn,
    }
}

mirror_enum! {
    /// Status of a work programme item.
    WorkState from WorkStatus {
        /// Scheduled for a meeting.
        Scheduled,
        /// In hand and on track.
        OnTrack,
        /// Put back to a later meeting.
        Deferred,
        /// Considered; done.
        Completed,
        /// Dropped.
        Discontinued,
    }
}

mirror_enum! {
    /// Status of a task and finish group.
    GroupState from GroupStatus {
        /// Not yet started.
        Planned,
        /// Meeting.
        Active,
        /// Reported and finished.
        Completed,
    }
}

mirror_enum! {
    /// Where a work programme item came from.
    OriginClass from OriginKind {
        /// A resolution of a committee.
        Resolution,
        /// A member asked for it.
        MemberRequest,
        /// A forward plan entry.
        ForwardPlan,
        /// Anything else.
        Other,
    }
}

/// What kind of body an organization is: a committee kind from `committee.yaml`, or a task and
/// finish group set up in a work programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum OrgClass {
    /// Full council.
    FullCouncil,
    /// The executive (cabinet).
    Cabinet,
    /// An overview and scrutiny committee.
    Scrutiny,
    /// A regulatory committee (planning, licensing, audit).
    Regulatory,
    /// A task and finish group that is a committee of its own.
    TaskAndFinish,
    /// Any other committee or board.
    Other,
    /// A task and finish group of a committee's work programme (its `parent_id`).
    TaskGroup,
}

impl From<CommitteeKind> for OrgClass {
    fn from(k: CommitteeKind) -> Self {
        match k {
            CommitteeKind::FullCouncil => OrgClass::FullCouncil,
            CommitteeKind::Cabinet => OrgClass::Cabinet,
            CommitteeKind::Scrutiny => OrgClass::Scrutiny,
            CommitteeKind::Regulatory => OrgClass::Regulatory,
            CommitteeKind::TaskAndFinish => OrgClass::TaskAndFinish,
            CommitteeKind::Other => OrgClass::Other,
        }
    }
}

/// A role in an organization: a committee role, or the lead or a member of a task group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Chair.
    Chair,
    /// Vice-chair.
    ViceChair,
    /// Member.
    Member,
    /// Co-opted member.
    CoOptee,
    /// Named substitute (not counted as a member for attendance).
    Substitute,
    /// Lead member of a task and finish group.
    Lead,
}

impl From<MemberRole> for Role {
    fn from(r: MemberRole) -> Self {
        match r {
            MemberRole::Chair => Role::Chair,
            MemberRole::ViceChair => Role::ViceChair,
            MemberRole::Member => Role::Member,
            MemberRole::CoOptee => Role::CoOptee,
            MemberRole::Substitute => Role::Substitute,
        }
    }
}

/// Which edition of the site a file belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum EditionName {
    /// The public edition: nothing exempt.
    Public,
    /// The members' edition: everything, exempt material marked with `exempt_paragraph`.
    Members,
}

/// How a person took part in a meeting (also the `attendance` column of `attendance.csv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AttendanceKind {
    /// Present as a member.
    Present,
    /// Present as a substitute.
    Substitute,
    /// Sent apologies.
    Apologies,
    /// A member who was neither present nor sent apologies.
    Absent,
    /// Attended without being a member.
    AlsoPresent,
    /// Attended as an officer.
    Officer,
}

/// Who decides: a committee or a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum MakerClass {
    /// A committee (`id` is an organization id).
    Committee,
    /// A person (`id` is a person id).
    Person,
    /// Not known.
    Unknown,
}

/// The call-in state of a decision, as at the build's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CallInStatus {
    /// Not an executive decision.
    NotApplicable,
    /// The decision notice has not been published.
    NotPublished,
    /// Urgent: not subject to call-in.
    Urgent,
    /// Open for call-in until the end of `ends`.
    Open,
    /// The period ended on `ends` without a call-in.
    Closed,
    /// Called in.
    CalledIn,
}

/// Where a decision record comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DecisionClass {
    /// Resolved by a committee and recorded in its minutes.
    CommitteeResolution,
    /// Taken by an officer or a single member (a decision notice).
    IndividualDecision,
}

/// A Popolo vote option.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum VoteOption {
    /// For.
    Yes,
    /// Against.
    No,
    /// Abstained.
    Abstain,
}

// ---------------------------------------------------------------------------------------------
// Shared records.

/// The authority that publishes the papers.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Publisher {
    /// Name of the authority.
    pub name: String,
    /// The site's home page.
    pub url: Url,
    /// The democratic services team.
    pub contact_name: String,
    /// Its email address.
    pub email: String,
    /// Its telephone number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Postal address lines.
    pub address: Vec<String>,
    /// The licence the papers are published under (plain text).
    pub licence: String,
}

/// Popolo contact detail.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ContactDetail {
    /// `email` or `voice`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Whose it is, for a contact through another person ("Democratic Services Officer").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The address or number.
    pub value: String,
}

/// A link with a note (Popolo link; OCD event link or document).
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct LinkRef {
    /// What it is.
    pub note: String,
    /// Where.
    pub url: Url,
}

/// A published PDF (an agenda pack, or a report's PDF).
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PdfRef {
    /// What it is: "Agenda pack", "Supplementary agenda pack".
    pub note: String,
    /// Where.
    pub url: Url,
    /// Always `application/pdf`.
    pub media_type: String,
    /// Number of pages.
    pub pages: usize,
    /// Size in bytes.
    pub bytes: u64,
}

/// A report named from elsewhere. In the public edition an exempt report has only its neutral
/// title and its grounds (no id, no URL).
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ReportRef {
    /// Report id (`committee/yyyy-mm-dd/slug`), as in `reports.json`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Title (neutral, for an exempt report in the public edition).
    pub title: String,
    /// The report's page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<Url>,
    /// The report's PDF.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pdf_url: Option<Url>,
    /// The Schedule 12A paragraph under which the report is exempt.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exempt_paragraph: Option<u8>,
}

/// A document attached to an agenda item, or a report's appendix.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct DocumentRef {
    /// Title (neutral, if exempt, in the public edition).
    pub title: String,
    /// Where it is published: the file, or for a Markdown appendix its place in the report page.
    /// Left out for an exempt document in the public edition.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<Url>,
    /// Size in bytes, for a file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bytes: Option<u64>,
    /// The Schedule 12A paragraph under which it is exempt.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exempt_paragraph: Option<u8>,
}

/// An agenda item named from elsewhere.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ItemRef {
    /// The meeting (an event id, `committee/yyyy-mm-dd`).
    pub event_id: String,
    /// The item number.
    pub order: u32,
    /// The item's page.
    pub url: Url,
}

/// Who takes a decision.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct DecisionMaker {
    /// A committee or a person.
    #[serde(rename = "type")]
    pub kind: MakerClass,
    /// Organization id or person id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Name.
    pub name: String,
}

/// The grounds on which something is exempt (Schedule 12A to the Local Government Act 1972).
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Exemption {
    /// The paragraph of Part 1 of Schedule 12A, 1–7.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u8>,
    /// What the paragraph covers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grounds: Option<String>,
    /// Why the public interest in keeping it exempt outweighs that in disclosing it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_interest: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// committees.json

/// `committees.json`: committees and task groups as Popolo organizations, with their
/// memberships by municipal year.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct CommitteesFile {
    /// The URL of this file's JSON Schema.
    #[serde(rename = "$schema")]
    pub schema: Url,
    /// Which edition.
    pub edition: EditionName,
    /// The authority.
    pub publisher: Publisher,
    /// Committees, and task groups of work programmes, by id.
    pub organizations: Vec<Organization>,
    /// Who sat on each, by organization, start date, role and person.
    pub memberships: Vec<Membership>,
}

/// A committee (Popolo organization).
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Organization {
    /// The committee's slug, or for a task group `committee/work-programme#id`.
    pub id: String,
    /// Name.
    pub name: String,
    /// Kind of body.
    pub classification: OrgClass,
    /// For a task group, the committee that set it up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<String>,
    /// Its page.
    pub url: Url,
    /// Terms of reference, or a task group's scope (plain text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remit: Option<String>,
    /// The democratic services officer who supports it (a person id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact_person_id: Option<String>,
    /// The portfolio holder, where one applies (a person id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub portfolio_holder_id: Option<String>,
    /// How to reach it (through its contact officer).
    pub contact_details: Vec<ContactDetail>,
    /// A task group's status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<GroupState>,
    /// Other pages: the work programme.
    pub links: Vec<LinkRef>,
}

/// A person's place on an organization (Popolo membership).
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Membership {
    /// The person.
    pub person_id: String,
    /// The organization.
    pub organization_id: String,
    /// Role.
    pub role: Role,
    /// The role as shown on pages: "Vice-chair".
    pub label: String,
    /// The municipal year, "2025/26".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub municipal_year: Option<String>,
    /// First day of the municipal year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<IsoDate>,
    /// Last day of the municipal year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<IsoDate>,
}

// ---------------------------------------------------------------------------------------------
// people.json

/// `people.json`: councillors, officers and co-optees as Popolo persons (their committee places
/// are the memberships of `committees.json`).
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PeopleFile {
    /// The URL of this file's JSON Schema.
    #[serde(rename = "$schema")]
    pub schema: Url,
    /// Which edition.
    pub edition: EditionName,
    /// The authority.
    pub publisher: Publisher,
    /// Everyone, by id.
    pub persons: Vec<PersonRecord>,
}

/// A person (Popolo person).
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PersonRecord {
    /// The person's slug.
    pub id: String,
    /// Name, without a title.
    pub name: String,
    /// Title before the name ("Councillor" for councillors unless another is set).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub honorific_prefix: Option<String>,
    /// Councillor, officer or co-optee.
    pub classification: PersonClass,
    /// Political party or group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    /// The ward represented.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area: Option<Area>,
    /// Positions held ("Leader of the Council").
    pub roles: Vec<String>,
    /// Job title (officers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_title: Option<String>,
    /// Service or directorate (officers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// Email and telephone.
    pub contact_details: Vec<ContactDetail>,
    /// Their page.
    pub url: Url,
}

/// A ward (Popolo area).
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Area {
    /// Ward name, without the word "ward".
    pub name: String,
    /// Always `ward`.
    pub classification: String,
}

// ---------------------------------------------------------------------------------------------
// meetings.json

/// `meetings.json`: meetings as Open Civic Data events, with their agendas.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct MeetingsFile {
    /// The URL of this file's JSON Schema.
    #[serde(rename = "$schema")]
    pub schema: Url,
    /// Which edition.
    pub edition: EditionName,
    /// The authority.
    pub publisher: Publisher,
    /// Meetings, by date then id.
    pub events: Vec<Event>,
}

/// A meeting (OCD event).
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Event {
    /// `committee/yyyy-mm-dd`.
    pub id: String,
    /// "Cabinet, 11 November 2025".
    pub name: String,
    /// The meeting's own title ("Annual Meeting"), if it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The committee.
    pub organization_id: String,
    /// Start.
    pub start_date: DateTime,
    /// Close, once minutes record it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<DateTime>,
    /// Always `Europe/London`.
    pub timezone: String,
    /// Scheduled, held, cancelled or postponed.
    pub status: EventStatus,
    /// Where.
    pub location: Location,
    /// The agenda page.
    pub url: Url,
    /// When the agenda was published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agenda_published: Option<IsoDate>,
    /// The agenda, in order (empty until it is published).
    pub agenda: Vec<AgendaItem>,
    /// The agenda packs.
    pub documents: Vec<PdfRef>,
    /// Other pages: the minutes.
    pub links: Vec<LinkRef>,
    /// The minutes' id in `minutes.json`, once written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minutes_id: Option<String>,
}

/// Where a meeting is held (OCD location).
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Location {
    /// Room and building.
    pub name: String,
    /// Postal address, lines joined with ", ".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

/// An agenda item (OCD event agenda item). For a Part 2 item in the public edition: its
/// (neutral) title and grounds only.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct AgendaItem {
    /// The item number.
    pub order: u32,
    /// Title (the neutral public title of a Part 2 item, in the public edition).
    pub title: String,
    /// In the members' edition, the neutral title the public sees, where one is set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_title: Option<String>,
    /// What the committee is asked to do (plain text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// 1 for the public part of the agenda, 2 for exempt business.
    pub part: u8,
    /// The Schedule 12A paragraph of a Part 2 item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exempt_paragraph: Option<u8>,
    /// Why a Part 2 item is exempt.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exemption: Option<Exemption>,
    /// The item's page.
    pub url: Url,
    /// Reports considered.
    pub reports: Vec<ReportRef>,
    /// Other documents.
    pub documents: Vec<DocumentRef>,
    /// Who introduces it (a person id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub presenter_id: Option<String>,
    /// For "Minutes of the previous meeting": the meeting whose minutes are confirmed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minutes_of: Option<String>,
    /// The minute that records it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minute_number: Option<u32>,
    /// A verbal update: no written report.
    pub verbal: bool,
    /// Procedural business.
    pub procedural: bool,
    /// Papers to follow.
    pub to_follow: bool,
    /// Added after the agenda was published.
    pub supplementary: bool,
    /// Why a late item is urgent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub urgency: Option<String>,
    /// Where its papers are in the agenda packs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pack_pages: Option<PackPages>,
}

/// Pages of an item's papers in a pack.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PackPages {
    /// In the supplementary pack rather than the main one.
    pub supplementary: bool,
    /// First page.
    pub first: usize,
    /// Last page.
    pub last: usize,
}

// ---------------------------------------------------------------------------------------------
// reports.json

/// `reports.json`: reports' details and links (not their text).
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ReportsFile {
    /// The URL of this file's JSON Schema.
    #[serde(rename = "$schema")]
    pub schema: Url,
    /// Which edition.
    pub edition: EditionName,
    /// The authority.
    pub publisher: Publisher,
    /// Published reports, by id. The public edition leaves out exempt reports.
    pub reports: Vec<ReportRecord>,
}

/// A report.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ReportRecord {
    /// `committee/yyyy-mm-dd/slug`.
    pub id: String,
    /// Title.
    pub title: String,
    /// In the members' edition, the neutral title of an exempt report.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_title: Option<String>,
    /// Whose report it is, by role.
    pub report_of: String,
    /// The author (a person id).
    pub author_id: String,
    /// The portfolio holder (a person id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub portfolio_holder_id: Option<String>,
    /// Wards affected.
    pub wards: Vec<String>,
    /// The forward plan reference of a key decision.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_decision: Option<String>,
    /// That forward plan entry's id in `forward-plan.json`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub forward_plan_id: Option<String>,
    /// Date of the report.
    pub date: IsoDate,
    /// Date it was published.
    pub published: IsoDate,
    /// A draft (members' edition only).
    pub draft: bool,
    /// The meeting it was published for (an event id).
    pub event_id: String,
    /// Its page.
    pub url: Url,
    /// Its PDF.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pdf_url: Option<Url>,
    /// The agenda items that considered it, by date.
    pub considered_at: Vec<ItemRef>,
    /// Headings of its sections.
    pub sections: Vec<String>,
    /// Appendices.
    pub appendices: Vec<DocumentRef>,
    /// The Schedule 12A paragraph (members' edition).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exempt_paragraph: Option<u8>,
    /// Why it is exempt (members' edition).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exemption: Option<Exemption>,
}

// ---------------------------------------------------------------------------------------------
// minutes.json

/// `minutes.json`: minutes, with attendance, each minute's text and its lettered resolutions
/// (Popolo motions) and votes (Popolo vote events).
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct MinutesFile {
    /// The URL of this file's JSON Schema.
    #[serde(rename = "$schema")]
    pub schema: Url,
    /// Which edition.
    pub edition: EditionName,
    /// The authority.
    pub publisher: Publisher,
    /// Published minutes, by meeting date then id.
    pub minutes: Vec<MinutesRecord>,
}

/// The minutes of one meeting.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct MinutesRecord {
    /// `committee/yyyy-mm-dd/minutes`.
    pub id: String,
    /// The meeting (an event id).
    pub event_id: String,
    /// The committee.
    pub organization_id: String,
    /// Date of the meeting.
    pub date: IsoDate,
    /// Draft or approved.
    pub status: MinutesState,
    /// The meeting that approved them (an event id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approved_at: Option<String>,
    /// When the meeting started.
    pub start_date: DateTime,
    /// When it closed.
    pub end_date: DateTime,
    /// The minutes page.
    pub url: Url,
    /// Who attended.
    pub attendance: Attendance,
    /// Declarations of interest.
    pub declarations: Vec<DeclarationRecord>,
    /// When the decisions were published (the decision notice).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decisions_published: Option<IsoDate>,
    /// Text before the first minute (plain text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preamble: Option<String>,
    /// The numbered minutes, in order.
    pub minutes: Vec<MinuteRecord>,
}

/// Attendance as the minutes record it (person ids).
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Attendance {
    /// Members present.
    pub present: Vec<Attendee>,
    /// Members who sent apologies.
    pub apologies: Vec<String>,
    /// Others in attendance.
    pub also_present: Vec<String>,
    /// Officers in attendance.
    pub officers: Vec<String>,
}

/// A member present.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Attendee {
    /// The person.
    pub person_id: String,
    /// Chair or vice-chair at this meeting.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// The member substituted for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub substitute_for: Option<String>,
}

/// A declaration of interest.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct DeclarationRecord {
    /// Who declared.
    pub person_id: String,
    /// The agenda item number.
    pub agenda_item: u32,
    /// The interest.
    pub nature: String,
    /// What the member did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
}

/// One numbered minute. An exempt minute, in the public edition, has its (neutral) title, its
/// grounds and any public summary only.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct MinuteRecord {
    /// Minute number (runs on through the municipal year).
    pub number: u32,
    /// Heading.
    pub title: String,
    /// Its place in the minutes page.
    pub url: Url,
    /// The agenda item it records (item number).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agenda_item: Option<u32>,
    /// The Schedule 12A paragraph, for an exempt minute.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exempt_paragraph: Option<u8>,
    /// Why it is exempt.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exemption: Option<Exemption>,
    /// The public summary of an exempt minute.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exempt_summary: Option<String>,
    /// The narrative (plain text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The lettered resolutions.
    pub motions: Vec<Motion>,
    /// Votes taken.
    pub vote_events: Vec<VoteEvent>,
    /// Timed notes ("left the meeting").
    pub notes: Vec<Note>,
    /// The decision in `decisions.json` that this minute records.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_id: Option<String>,
}

/// A resolution (Popolo motion): what the committee resolved.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Motion {
    /// `committee/yyyy-mm-dd/minutes#<number><letter>`.
    pub id: String,
    /// The letter: "a", "b".
    pub label: String,
    /// What was resolved (plain text).
    pub text: String,
    /// The meeting's date.
    pub date: IsoDate,
    /// The committee.
    pub organization_id: String,
    /// The outcome of a vote on it, where one is recorded ("carried").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
}

/// A vote (Popolo vote event).
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct VoteEvent {
    /// `committee/yyyy-mm-dd/minutes#<number>-vote-<k>`.
    pub id: String,
    /// The resolution voted on, if the vote was on one resolution.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub motion_id: Option<String>,
    /// What was voted on, if not the resolutions ("The amendment moved by …").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub motion_text: Option<String>,
    /// The meeting's date.
    pub start_date: IsoDate,
    /// The committee.
    pub organization_id: String,
    /// Outcome ("carried", "lost").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
    /// Numbers for, against and abstaining.
    pub counts: Vec<Count>,
    /// Named votes, for a recorded vote.
    pub votes: Vec<PersonVote>,
}

/// A Popolo count.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Count {
    /// `yes`, `no` or `abstain`.
    pub option: VoteOption,
    /// How many.
    pub value: u32,
}

/// A Popolo vote: one member's.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PersonVote {
    /// The member.
    pub voter_id: String,
    /// How they voted.
    pub option: VoteOption,
}

/// A timed note.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Note {
    /// When.
    pub time: DateTime,
    /// Who (a person id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person_id: Option<String>,
    /// What happened.
    pub text: String,
}

// ---------------------------------------------------------------------------------------------
// decisions.json

/// `decisions.json`: the decisions register, newest first.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct DecisionsFile {
    /// The URL of this file's JSON Schema.
    #[serde(rename = "$schema")]
    pub schema: Url,
    /// Which edition.
    pub edition: EditionName,
    /// The authority.
    pub publisher: Publisher,
    /// The date call-in states are given as at.
    pub as_of: IsoDate,
    /// Decisions, newest first (by date, then id).
    pub decisions: Vec<DecisionRecord>,
}

/// A decision. An exempt decision, in the public edition, has its (neutral) title and grounds
/// only.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct DecisionRecord {
    /// `committee-yyyy-mm-dd-minute`, or the decision file's slug.
    pub id: String,
    /// Its page.
    pub url: Url,
    /// Title.
    pub title: String,
    /// In the members' edition, the neutral title of an exempt decision, where one is set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_title: Option<String>,
    /// A committee resolution or an individual decision.
    pub classification: DecisionClass,
    /// Date taken.
    pub date: IsoDate,
    /// Date the decision was published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<IsoDate>,
    /// Who took it.
    pub decision_maker: DecisionMaker,
    /// The committee, for a committee resolution.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// A key decision (in the forward plan).
    pub key_decision: bool,
    /// Its forward plan reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub forward_plan_reference: Option<String>,
    /// Its forward plan entry's id in `forward-plan.json`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub forward_plan_id: Option<String>,
    /// Call-in.
    pub call_in: CallIn,
    /// The Schedule 12A paragraph of an exempt decision.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exempt_paragraph: Option<u8>,
    /// Why it is exempt.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exemption: Option<Exemption>,
    /// The meeting, for a committee resolution (an event id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The agenda item number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agenda_item: Option<u32>,
    /// The minute number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minute_number: Option<u32>,
    /// The decision (plain text): the resolutions, lettered, or the decision notice's text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The resolutions (Popolo motions), for a committee resolution.
    pub motions: Vec<Motion>,
    /// The outcome of the vote on the resolutions, where one is recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
    /// Its numbers (Popolo counts).
    pub counts: Vec<Count>,
    /// Reasons (plain text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reasons: Option<String>,
    /// Alternatives considered and rejected (plain text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alternatives: Option<String>,
    /// Interests declared.
    pub declarations: Vec<String>,
    /// Wards affected.
    pub wards: Vec<String>,
    /// Reports considered.
    pub reports: Vec<ReportRef>,
}

/// Call-in of an executive decision.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct CallIn {
    /// The state as at `as_of`.
    pub status: CallInStatus,
    /// The last day of the call-in period.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ends: Option<IsoDate>,
    /// As the decision's page says it.
    pub text: String,
}

// ---------------------------------------------------------------------------------------------
// forward-plan.json

/// `forward-plan.json`: the forward plan of key decisions.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ForwardPlanFile {
    /// The URL of this file's JSON Schema.
    #[serde(rename = "$schema")]
    pub schema: Url,
    /// Which edition.
    pub edition: EditionName,
    /// The authority.
    pub publisher: Publisher,
    /// The build's date: the plan's current four months start here.
    pub as_of: IsoDate,
    /// Entries, by id.
    pub entries: Vec<PlanEntryRecord>,
}

/// A forward plan entry. An exempt entry, in the public edition, has its reference, (neutral)
/// title, decision maker, dates and grounds only.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PlanEntryRecord {
    /// The slug of the reference (`kd-2025-26-07`).
    pub id: String,
    /// The reference ("KD 2025/26-07").
    pub reference: String,
    /// Title.
    pub title: String,
    /// In the members' edition, the neutral title of an exempt entry, where one is set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_title: Option<String>,
    /// Its page.
    pub url: Url,
    /// The decision to be taken (plain text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
    /// Who takes it.
    pub decision_maker: DecisionMaker,
    /// Expected date (the new date, if deferred).
    pub expected: IsoDate,
    /// The date first given.
    pub originally_expected: IsoDate,
    /// First published in the forward plan.
    pub first_published: IsoDate,
    /// Status.
    pub status: PlanState,
    /// Proposed consultation (plain text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consultation: Option<String>,
    /// The relevant scrutiny committee (an organization id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scrutiny_organization_id: Option<String>,
    /// Contact officer (a person id).
    pub contact_person_id: String,
    /// Documents to be considered.
    pub documents: Vec<String>,
    /// Wards affected.
    pub wards: Vec<String>,
    /// Set if the decision is expected to be taken in private.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub private: Option<PrivateNotice>,
    /// The Schedule 12A paragraph of an exempt entry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exempt_paragraph: Option<u8>,
    /// Why its details are exempt.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exemption: Option<Exemption>,
    /// Where it was taken.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub taken: Option<TakenAt>,
    /// Earlier statuses, oldest first.
    pub history: Vec<PlanStatusChange>,
    /// Reports that cite it.
    pub reports: Vec<ReportRef>,
    /// Decisions taken on it (ids in `decisions.json`).
    pub decision_ids: Vec<String>,
}

/// Notice that a decision is expected to be taken in private.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PrivateNotice {
    /// The Schedule 12A paragraph.
    pub paragraph: u8,
    /// What it covers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grounds: Option<String>,
    /// Why.
    pub reason: String,
}

/// Where a forward plan decision was taken: an agenda item or a decision.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct TakenAt {
    /// The agenda item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agenda_item: Option<ItemRef>,
    /// The decision (an id in `decisions.json`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_id: Option<String>,
}

/// A forward plan entry's earlier status.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PlanStatusChange {
    /// When it changed.
    pub date: IsoDate,
    /// The status.
    pub status: PlanState,
    /// Why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// work-programmes.json

/// `work-programmes.json`: committees' work programmes.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct WorkProgrammesFile {
    /// The URL of this file's JSON Schema.
    #[serde(rename = "$schema")]
    pub schema: Url,
    /// Which edition.
    pub edition: EditionName,
    /// The authority.
    pub publisher: Publisher,
    /// Work programmes, by committee.
    pub work_programmes: Vec<WorkProgrammeRecord>,
}

/// A committee's work programme.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct WorkProgrammeRecord {
    /// `committee/work-programme`.
    pub id: String,
    /// The committee.
    pub organization_id: String,
    /// Its page.
    pub url: Url,
    /// Introduction (plain text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub introduction: Option<String>,
    /// Planned items, in the order written.
    pub items: Vec<WorkItemRecord>,
    /// Standing monitoring items.
    pub monitoring: Vec<MonitoringRecord>,
    /// Possible future items.
    pub future: Vec<FutureRecord>,
    /// Task and finish groups (also organizations in `committees.json`).
    pub task_groups: Vec<TaskGroupRecord>,
}

/// A planned item.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct WorkItemRecord {
    /// `committee/work-programme#id`.
    pub id: String,
    /// Topic.
    pub topic: String,
    /// Its place in the work programme page.
    pub url: Url,
    /// Purpose and key issues (plain text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    /// Where it came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<WorkOrigin>,
    /// The corporate priority.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<String>,
    /// Suggested action.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// Target: a meeting (an event id) or a month (`yyyy-mm`), as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// Status.
    pub status: WorkState,
    /// Earlier statuses, oldest first.
    pub history: Vec<WorkStatusChange>,
    /// Where it was considered.
    pub considered_at: Vec<ItemRef>,
    /// For a deferred or discontinued item: why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Where a work programme item came from.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct WorkOrigin {
    /// What kind.
    pub kind: OriginClass,
    /// The resolution id, person id or forward plan reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// A description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A work programme item's earlier status.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct WorkStatusChange {
    /// When it changed.
    pub date: IsoDate,
    /// The status.
    pub status: WorkState,
    /// Why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A standing monitoring item.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct MonitoringRecord {
    /// Short id, unique in the work programme.
    pub id: String,
    /// Topic.
    pub topic: String,
    /// How often.
    pub frequency: String,
    /// Meetings at which it is due (event ids).
    pub due: Vec<String>,
    /// Where it was considered.
    pub considered_at: Vec<ItemRef>,
}

/// A possible future item.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct FutureRecord {
    /// Topic.
    pub topic: String,
    /// Notes (plain text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Who suggested it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggested_by: Option<String>,
}

/// A task and finish group.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct TaskGroupRecord {
    /// `committee/work-programme#id` (its organization id in `committees.json`).
    pub id: String,
    /// Name.
    pub name: String,
    /// Scope (plain text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// Members (person ids), as listed.
    pub member_ids: Vec<String>,
    /// The lead member (a person id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead_id: Option<String>,
    /// Status.
    pub status: GroupState,
    /// Progress notes, oldest first.
    pub progress: Vec<ProgressNote>,
    /// Reports the group produced (report ids).
    pub report_ids: Vec<String>,
}

/// A dated progress note.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ProgressNote {
    /// Date.
    pub date: IsoDate,
    /// What happened (plain text).
    pub note: String,
}

// ---------------------------------------------------------------------------------------------
// Writing the files a record at a time.

/// Implements [`super::Streamed`] for a file type: its fields written whole, and its arrays of
/// records one record at a time. (Debug builds check that the result is the whole file's.)
macro_rules! streamed {
    ($file:ident { $($key:literal => $field:ident),* ; $($array:ident),* }) => {
        impl super::Streamed for $file {
            fn stream(&self, d: &mut super::Document) -> Result<(), serde_json::Error> {
                $(d.field($key, &self.$field)?;)*
                $(d.array(stringify!($array), &self.$array)?;)*
                Ok(())
            }
        }
    };
}

streamed!(CommitteesFile {
    "$schema" => schema, "edition" => edition, "publisher" => publisher; organizations, memberships
});
streamed!(PeopleFile { "$schema" => schema, "edition" => edition, "publisher" => publisher; persons });
streamed!(MeetingsFile { "$schema" => schema, "edition" => edition, "publisher" => publisher; events });
streamed!(ReportsFile { "$schema" => schema, "edition" => edition, "publisher" => publisher; reports });
streamed!(MinutesFile { "$schema" => schema, "edition" => edition, "publisher" => publisher; minutes });
streamed!(DecisionsFile {
    "$schema" => schema, "edition" => edition, "publisher" => publisher, "as_of" => as_of; decisions
});
streamed!(ForwardPlanFile {
    "$schema" => schema, "edition" => edition, "publisher" => publisher, "as_of" => as_of; entries
});
streamed!(WorkProgrammesFile {
    "$schema" => schema, "edition" => edition, "publisher" => publisher; work_programmes
});
