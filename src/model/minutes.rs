//! `content/committees/<slug>/<yyyy-mm-dd>/minutes.md`: minutes, front matter plus body.
//!
//! The body is ordinary Markdown. Each minute is a level-2 heading that starts with its
//! number (`## 45. Budget Monitoring {item=6}`); resolutions follow a paragraph that starts
//! with `RESOLVED`. The loader recovers that structure into [`Minute`]s.

use std::ops::Range;

use jiff::civil::Time;
use serde::{Deserialize, Serialize};

use super::{FileId, MemberRole, Spanned};

/// Whether the minutes have been confirmed as a correct record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MinutesStatus {
    /// Not yet approved by the committee.
    Draft,
    /// Approved as a correct record.
    Approved,
}

/// Someone present at the meeting.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attendee {
    /// Person slug.
    pub person: Spanned<String>,
    /// Chair or vice-chair at this meeting (others may be left out).
    #[serde(default)]
    pub role: Option<MemberRole>,
    /// The member this person substituted for (person slug).
    #[serde(default)]
    pub substitute_for: Option<Spanned<String>>,
}

/// A declaration of interest.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Declaration {
    /// Person slug.
    pub person: Spanned<String>,
    /// Agenda item number the interest relates to.
    pub item: Spanned<u32>,
    /// Kind and nature of the interest, for example "Other registrable interest: governor of
    /// Millbrook Primary School".
    pub nature: String,
    /// What the member did: "left the room for the item", "took part and voted".
    #[serde(default)]
    pub action: Option<String>,
}

/// Named votes on a recorded vote.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RecordedVote {
    /// Members voting for (person slugs).
    #[serde(default, rename = "for")]
    pub for_: Vec<Spanned<String>>,
    /// Members voting against.
    #[serde(default)]
    pub against: Vec<Spanned<String>>,
    /// Members abstaining.
    #[serde(default)]
    pub abstained: Vec<Spanned<String>>,
}

/// A vote taken on a minute (or one resolution of it).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vote {
    /// Minute number.
    pub minute: Spanned<u32>,
    /// Resolution label ("a"), if the vote was on one resolution only.
    #[serde(default)]
    pub resolution: Option<Spanned<String>>,
    /// What was voted on, if not the resolution itself ("The amendment moved by Councillor …").
    #[serde(default)]
    pub motion: Option<String>,
    /// Number for. With a recorded vote, left out or equal to the names listed.
    #[serde(default, rename = "for")]
    pub for_: Option<u32>,
    /// Number against.
    #[serde(default)]
    pub against: Option<u32>,
    /// Number abstaining.
    #[serde(default)]
    pub abstained: Option<u32>,
    /// Names, when a recorded vote was requested.
    #[serde(default)]
    pub recorded: Option<RecordedVote>,
    /// Outcome: "carried", "lost".
    #[serde(default)]
    pub result: Option<String>,
}

/// A timed note, for example a member leaving the meeting.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimedNote {
    /// Time of day.
    pub time: Time,
    /// The minute during which it happened.
    pub minute: Spanned<u32>,
    /// The person concerned (person slug), if any.
    #[serde(default)]
    pub person: Option<Spanned<String>>,
    /// What happened, for example "left the meeting".
    pub text: String,
}

/// The YAML front matter of minutes.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MinutesFront {
    /// Draft or approved.
    pub status: MinutesStatus,
    /// The meeting at which they were approved as a correct record (`committee/yyyy-mm-dd`).
    #[serde(default)]
    pub approved_at: Option<Spanned<String>>,
    /// Time the meeting started.
    pub started: Time,
    /// Time the meeting closed.
    pub closed: Time,
    /// Members present (with chair and vice-chair marked).
    #[serde(default)]
    pub present: Vec<Attendee>,
    /// Members who sent apologies.
    #[serde(default)]
    pub apologies: Vec<Spanned<String>>,
    /// Others in attendance (councillors who are not members, portfolio holders, co-optees).
    #[serde(default)]
    pub also_present: Vec<Spanned<String>>,
    /// Officers in attendance (their job titles come from their person files).
    #[serde(default)]
    pub officers: Vec<Spanned<String>>,
    /// Declarations of interest.
    #[serde(default)]
    pub declarations: Vec<Declaration>,
    /// Votes taken.
    #[serde(default)]
    pub votes: Vec<Vote>,
    /// Timed notes.
    #[serde(default)]
    pub notes: Vec<TimedNote>,
    /// Date the decisions were published (the decision notice); starts the call-in period for
    /// executive decisions.
    #[serde(default)]
    pub decisions_published: Option<Spanned<jiff::civil::Date>>,
    /// Reasons, alternatives and forward plan references of decisions, by minute.
    #[serde(default)]
    pub decisions: Vec<super::MinuteDecision>,
    /// The date the minutes are published; until then they are left out of the public site.
    /// Defaults to publication with the site.
    #[serde(default)]
    pub published: Option<Spanned<jiff::civil::Date>>,
    /// Short public summaries of exempt (Part 2) minutes, shown in their place.
    #[serde(default)]
    pub exempt_summaries: Vec<ExemptSummary>,
}

/// A public summary of an exempt minute.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExemptSummary {
    /// Minute number.
    pub minute: Spanned<u32>,
    /// What the public may know, for example "The Cabinet agreed the terms of the disposal."
    pub summary: String,
}

/// One resolution within a minute.
#[derive(Debug, Clone)]
pub struct Resolution {
    /// "a", "b" … (given or assigned in order).
    pub label: String,
    /// Markdown source range in the body.
    pub text: Range<usize>,
}

/// A block of a minute: narrative Markdown, or the resolutions.
#[derive(Debug, Clone)]
pub enum MinuteBlock {
    /// Narrative Markdown (a source range in the body).
    Text(Range<usize>),
    /// `RESOLVED –` and what follows.
    Resolved(Vec<Resolution>),
}

/// One numbered minute.
#[derive(Debug, Clone)]
pub struct Minute {
    /// Minute number (runs on through the municipal year).
    pub number: u32,
    /// Heading text after the number.
    pub title: String,
    /// Agenda item number, from `{item=N}` or matched by title.
    pub item: Option<u32>,
    /// The minute is exempt under this Schedule 12A paragraph (`{exempt=N}` in its heading),
    /// even if its item is public. Minutes of Part 2 items are exempt anyway.
    pub exempt: Option<super::ExemptParagraph>,
    /// Byte range of the heading in the body, for locating errors.
    pub heading: Range<usize>,
    /// Narrative and resolutions, in order.
    pub blocks: Vec<MinuteBlock>,
}

impl Minute {
    /// All resolutions of the minute, in order.
    pub fn resolutions(&self) -> impl Iterator<Item = &Resolution> {
        self.blocks.iter().flat_map(|b| match b {
            MinuteBlock::Resolved(r) => r.as_slice(),
            MinuteBlock::Text(_) => &[],
        })
    }
}

/// A minutes file.
#[derive(Debug, Clone)]
pub struct Minutes {
    /// The file.
    pub file: FileId,
    /// Front matter.
    pub front: MinutesFront,
    /// Markdown body.
    pub body: String,
    /// Byte offset of the body within the file.
    pub body_offset: usize,
    /// Markdown before the first minute (rare), as a range in the body.
    pub preamble: Option<Range<usize>>,
    /// The minutes in order.
    pub minutes: Vec<Minute>,
}
