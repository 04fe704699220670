//! `content/committees/<slug>/<yyyy-mm-dd>/meeting.yaml`: a meeting and its agenda.

use jiff::civil::{Date, Time};
use serde::{Deserialize, Serialize};

use super::{FileId, Minutes, Report, Spanned};

/// Whether a meeting has happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MeetingStatus {
    /// To be held.
    Scheduled,
    /// Has been held.
    Held,
    /// Will not be held.
    Cancelled,
    /// Moved to a date not yet fixed, or to another meeting.
    Postponed,
}

impl MeetingStatus {
    /// "Scheduled".
    pub fn label(self) -> &'static str {
        match self {
            MeetingStatus::Scheduled => "Scheduled",
            MeetingStatus::Held => "Held",
            MeetingStatus::Cancelled => "Cancelled",
            MeetingStatus::Postponed => "Postponed",
        }
    }
}

/// Where a meeting is held.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Venue {
    /// Room and building, for example "Council Chamber, Ashcombe Town Hall".
    pub name: String,
    /// Postal address lines.
    #[serde(default)]
    pub address: Vec<String>,
}

/// A file attached to an agenda item or a report (a PDF, a spreadsheet), copied into the site.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    /// Descriptive title used as link text, for example "Appendix B: Site plan".
    pub title: String,
    /// Path relative to the file that names it; must stay inside `content/`.
    pub file: Spanned<String>,
    /// The file is exempt under this Schedule 12A paragraph: it is left out of the public site.
    #[serde(default)]
    pub exempt_paragraph: Option<Spanned<ExemptParagraph>>,
    /// A neutral title shown to the public in place of `title` when the file is exempt.
    #[serde(default)]
    pub public_title: Option<String>,
}

/// The Schedule 12A paragraph (1–7) under which information is exempt. Reading one from YAML
/// rejects any other number, wherever the field is, with the file's line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct ExemptParagraph(pub u8);

impl<'de> Deserialize<'de> for ExemptParagraph {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = u8::deserialize(d)?;
        let p = ExemptParagraph(n);
        if p.meaning().is_none() {
            return Err(serde::de::Error::custom(format!("{n} is not a paragraph of Schedule 12A Part 1")));
        }
        Ok(p)
    }
}

impl ExemptParagraph {
    /// Plain-English meaning of the paragraph (Local Government Act 1972, Schedule 12A, Part 1).
    pub fn meaning(self) -> Option<&'static str> {
        Some(match self.0 {
            1 => "Information relating to any individual.",
            2 => "Information which is likely to reveal the identity of an individual.",
            3 => {
                "Information relating to the financial or business affairs of any particular person \
                 (including the authority holding that information)."
            }
            4 => {
                "Information relating to any consultations or negotiations, or contemplated \
                 consultations or negotiations, in connection with any labour relations matter \
                 arising between the authority or a Minister of the Crown and employees of, or \
                 office-holders under, the authority."
            }
            5 => {
                "Information in respect of which a claim to legal professional privilege could be \
                 maintained in legal proceedings."
            }
            6 => {
                "Information which reveals that the authority proposes to give a notice under an \
                 enactment, or to make an order or direction under an enactment."
            }
            7 => {
                "Information relating to any action taken or to be taken in connection with the \
                 prevention, investigation or prosecution of crime."
            }
            _ => return None,
        })
    }
}

/// One item on an agenda, as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    /// Item number, unique within the meeting (1, 2, 3 …).
    pub number: Spanned<u32>,
    /// Title, for example "Budget Monitoring 2025/26 – Quarter 2".
    pub title: String,
    /// For a Part 2 item whose title would itself disclose exempt information: the neutral
    /// title the public sees instead.
    #[serde(default)]
    pub public_title: Option<String>,
    /// What the committee is asked to do (Markdown), for example "To consider the report of
    /// the Director of Finance."
    #[serde(default)]
    pub purpose: Option<Spanned<String>>,
    /// 1 for the public part of the agenda, 2 for exempt business.
    #[serde(default = "default_part")]
    pub part: Spanned<u8>,
    /// Schedule 12A paragraph for a Part 2 item.
    #[serde(default)]
    pub exempt_paragraph: Option<Spanned<ExemptParagraph>>,
    /// Why the public interest in keeping the information exempt outweighs that in disclosing it.
    #[serde(default)]
    pub public_interest: Option<String>,
    /// Reports considered under this item: a slug in this meeting's `reports/` folder, or
    /// `committee/yyyy-mm-dd/slug` for a report first published for another meeting.
    #[serde(default)]
    pub reports: Vec<Spanned<String>>,
    /// Other documents for the item (attached files).
    #[serde(default)]
    pub documents: Vec<Attachment>,
    /// For "Minutes of the previous meeting": the meeting (`committee/yyyy-mm-dd`) whose minutes
    /// are to be approved.
    #[serde(default)]
    pub minutes_of: Option<Spanned<String>>,
    /// The item is a verbal update: no written report is expected.
    #[serde(default)]
    pub verbal: bool,
    /// Procedural business (apologies, exclusion of the press and public, announcements): its
    /// resolutions are not entered in the decisions register. Items confirming minutes are
    /// always procedural.
    #[serde(default)]
    pub procedural: bool,
    /// The papers for this item will be published later than the agenda.
    #[serde(default)]
    pub to_follow: bool,
    /// The item was added after the agenda was published (a supplementary item).
    #[serde(default)]
    pub supplementary: bool,
    /// Why a late item is urgent and cannot wait for the next meeting (section 100B(4)(b) of
    /// the Local Government Act 1972).
    #[serde(default)]
    pub urgency: Option<String>,
    /// The matter the item belongs to (a matter slug).
    #[serde(default)]
    pub matter: Option<Spanned<String>>,
    /// Officer or member who introduces the item (person slug).
    #[serde(default)]
    pub presenter: Option<Spanned<String>>,
}

fn default_part() -> Spanned<u8> {
    let loc = serde_saphyr::Location::UNKNOWN;
    Spanned::new(1, loc, loc)
}

/// `meeting.yaml` as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingFile {
    /// Optional description shown after the committee name, for example "Annual Meeting" or
    /// "Extraordinary meeting".
    #[serde(default)]
    pub title: Option<String>,
    /// Start time, 24-hour clock ("18:30").
    pub time: Time,
    /// Where the meeting is held.
    pub venue: Venue,
    /// Scheduled, held, cancelled or postponed.
    pub status: MeetingStatus,
    /// Date the agenda was published (summons despatched).
    #[serde(default)]
    pub agenda_published: Option<Spanned<Date>>,
    /// Date the page content last changed; defaults to the latest date known for the meeting.
    #[serde(default)]
    pub updated: Option<Date>,
    /// The agenda, in order.
    #[serde(default)]
    pub agenda: Vec<AgendaItem>,
}

/// A meeting folder: `meeting.yaml`, `reports/*.md`, `minutes.md`.
#[derive(Debug, Clone)]
pub struct Meeting {
    /// Committee slug (the parent folder).
    pub committee: String,
    /// Meeting date (the folder name).
    pub date: Date,
    /// The `meeting.yaml` file.
    pub file: FileId,
    /// What was written.
    pub data: MeetingFile,
    /// Reports in `reports/`, sorted by slug.
    pub reports: Vec<Report>,
    /// `minutes.md`, if written.
    pub minutes: Option<Minutes>,
}

impl Meeting {
    /// `cabinet/2025-06-10`.
    pub fn id(&self) -> String {
        format!("{}/{}", self.committee, self.date)
    }
}
