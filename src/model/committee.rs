//! `content/committees/<slug>/committee.yaml`: a committee and its membership by municipal year.

use serde::{Deserialize, Serialize};

use super::{FileId, MunicipalYear, Spanned};

/// What kind of body a committee is; the committee list is grouped by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum CommitteeKind {
    /// Full council.
    FullCouncil,
    /// The executive (cabinet).
    Cabinet,
    /// An overview and scrutiny committee.
    Scrutiny,
    /// A regulatory committee (planning, licensing, audit).
    Regulatory,
    /// A task and finish group.
    TaskAndFinish,
    /// Anything else (a joint committee, a board).
    Other,
}

impl CommitteeKind {
    /// Plural heading used on the committee list.
    pub fn heading(self) -> &'static str {
        match self {
            CommitteeKind::FullCouncil => "Full Council",
            CommitteeKind::Cabinet => "Cabinet and executive",
            CommitteeKind::Scrutiny => "Overview and scrutiny",
            CommitteeKind::Regulatory => "Regulatory committees",
            CommitteeKind::TaskAndFinish => "Task and finish groups",
            CommitteeKind::Other => "Other committees and boards",
        }
    }
}

/// A member's role on a committee in one municipal year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MemberRole {
    /// Chair.
    Chair,
    /// Vice-chair.
    ViceChair,
    /// Ordinary member.
    Member,
    /// Co-opted member.
    CoOptee,
    /// Named substitute.
    Substitute,
}

impl MemberRole {
    /// "Vice-chair".
    pub fn label(self) -> &'static str {
        match self {
            MemberRole::Chair => "Chair",
            MemberRole::ViceChair => "Vice-chair",
            MemberRole::Member => "Member",
            MemberRole::CoOptee => "Co-opted member",
            MemberRole::Substitute => "Substitute",
        }
    }
}

/// One member of a committee.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// Person slug.
    pub person: Spanned<String>,
    /// Role on the committee (defaults to member).
    #[serde(default = "default_role")]
    pub role: MemberRole,
}

fn default_role() -> MemberRole {
    MemberRole::Member
}

/// The membership for one municipal year.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Membership {
    /// The municipal year, written "2025/26".
    pub year: Spanned<String>,
    /// Members and their roles.
    pub members: Vec<Member>,
}

/// `committee.yaml` as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommitteeFile {
    /// Full name, for example "Children and Young People Scrutiny Committee".
    pub name: String,
    /// The kind of body.
    pub kind: CommitteeKind,
    /// Terms of reference (Markdown).
    pub remit: Spanned<String>,
    /// Democratic services officer who supports the committee (person slug).
    pub contact: Spanned<String>,
    /// Portfolio holder, where one applies (person slug).
    #[serde(default)]
    pub portfolio_holder: Option<Spanned<String>>,
    /// Membership per municipal year.
    #[serde(default)]
    pub membership: Vec<Membership>,
    /// The business on every agenda, which `agendum new meeting` puts on each new agenda;
    /// `None` (not written) means [`default_standing_items`], an empty list means none.
    #[serde(default)]
    pub standing_items: Option<Vec<StandingItem>>,
}

/// Where a standing item goes on a new agenda.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum StandingPosition {
    /// Before the other business (apologies, declarations, minutes).
    #[default]
    Start,
    /// After the other business (a scrutiny committee's work programme, say).
    End,
}

/// An item of business that comes to every meeting of a committee (`standing_items` in
/// `committee.yaml`). In `title` and `purpose`, `{previous_date}` stands for the date of the
/// previous meeting ("18 November 2025"), `{date}` for the new meeting's, and `{year}` for its
/// municipal year ("2025/26").
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StandingItem {
    /// Title, for example "Declarations of interest".
    pub title: String,
    /// What the committee is asked to do (Markdown).
    #[serde(default)]
    pub purpose: Option<String>,
    /// Procedural business: its resolutions are not entered in the decisions register.
    #[serde(default)]
    pub procedural: bool,
    /// The item approves the minutes of the previous meeting: a new agenda gives it
    /// `minutes_of` that meeting, and leaves it out when there is none.
    #[serde(default)]
    pub previous_minutes: bool,
    /// Who introduces the item (person slug).
    #[serde(default)]
    pub presenter: Option<Spanned<String>>,
    /// At the start of the agenda (the default) or at the end.
    #[serde(default)]
    pub position: StandingPosition,
}

impl StandingItem {
    fn plain(title: &str, purpose: &str) -> Self {
        StandingItem {
            title: title.to_string(),
            purpose: Some(purpose.to_string()),
            procedural: true,
            previous_minutes: false,
            presenter: None,
            position: StandingPosition::Start,
        }
    }
}

/// The standing items of a committee whose `committee.yaml` names none: apologies,
/// declarations of interest, the minutes of the previous meeting and public speaking time.
pub fn default_standing_items() -> Vec<StandingItem> {
    vec![
        StandingItem::plain(
            "Apologies for absence and substitutions",
            "To receive any apologies for absence and to note any substitute members.",
        ),
        StandingItem::plain(
            "Declarations of interest",
            "To receive any declarations of disclosable pecuniary interests, other registrable \
             interests or non-registrable interests in matters on the agenda.",
        ),
        StandingItem {
            previous_minutes: true,
            ..StandingItem::plain(
                "Minutes of the previous meeting",
                "To approve as a correct record the minutes of the meeting held on {previous_date}.",
            )
        },
        StandingItem::plain(
            "Public speaking time",
            "To hear questions and statements from members of the public who have registered to speak.",
        ),
    ]
}

/// A committee, with the slug taken from its folder name.
#[derive(Debug, Clone)]
pub struct Committee {
    /// Folder name: `committees/cabinet/` is `cabinet`.
    pub slug: String,
    /// The `committee.yaml` file.
    pub file: FileId,
    /// What was written.
    pub data: CommitteeFile,
    /// Membership years parsed from `data.membership[i].year` (same order); `None` if invalid.
    pub years: Vec<Option<MunicipalYear>>,
}
