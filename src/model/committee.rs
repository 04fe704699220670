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
