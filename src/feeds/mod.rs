//! Output: Atom feeds (RFC 4287) and iCalendar files (RFC 5545).
//!
//! - `/feeds/papers.atom`: newly published agendas, reports and minutes, newest first (the
//!   newest [`MAX_ENTRIES`]); `/committees/<slug>/feed.atom`: one committee's papers;
//!   `/decisions/feed.atom`: the decision register; `/forward-plan/feed.atom`: forward plan
//!   entries as they are published, and every later change of status ([`atom`]).
//! - `/meetings.ics` and `/committees/<slug>/meetings.ics`: the meetings, with a `VTIMEZONE`
//!   for Europe/London ([`ical`]).
//!
//! Everything comes from the content: entry ids are the documents' permanent URLs (or `tag:`
//! URIs made from their ids), dates are the publication dates the papers carry, never the time
//! of the build, and every list is sorted, so the same content gives the same bytes.
//!
//! Feeds and calendars hold nothing exempt in either edition: they are read by feed readers and
//! calendar services outside the council's control. Part 2 items and exempt decisions and forward
//! plan entries appear under their neutral titles only, and exempt reports not at all. The
//! public edition is given the redacted [`crate::access::PublicView`] anyway; the members'
//! edition applies the same rules here. Papers not yet published as at the build's date are
//! left out of both.

mod atom;
mod ical;

use jiff::civil::Date;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::access::Edition;
use crate::link::{Graph, ItemKey, Maker, MeetingIx, MinuteKey, ReportKey};
use crate::model::{Content, Minutes};
use crate::render::OutputCtx;
use crate::render::format::Day;
use crate::render::urls::Urls;

/// The most entries a papers feed holds (the newest).
pub const MAX_ENTRIES: usize = 200;

/// The time zone of every date and time in the content.
const TIME_ZONE: &str = "Europe/London";

/// Writes every feed and calendar; returns how many files it wrote.
pub fn write(ctx: &OutputCtx<'_>) -> Result<usize, Vec<String>> {
    let src = Source::new(ctx);
    let mut files = atom::feeds(&src)?;
    files.extend(ical::calendars(&src));
    let mut errors = Vec::new();
    for (url, bytes) in &files {
        let path = ctx.urls.output_path(url);
        if let Err(e) = ctx.sink.write(&path, bytes) {
            errors.push(format!("cannot write {path}: {e}"));
        }
    }
    if errors.is_empty() { Ok(files.len()) } else { Err(errors) }
}

/// What feeds and calendars read, with the rules for what they may show.
pub(crate) struct Source<'a> {
    /// The content (redacted, in the public edition).
    pub content: &'a Content,
    /// Its graph.
    pub graph: &'a Graph,
    /// URLs.
    pub urls: &'a Urls,
    /// Which edition.
    pub edition: Edition,
    /// The host of the base URL, for `tag:` URIs and calendar UIDs.
    pub host: String,
}

impl<'a> Source<'a> {
    fn new(ctx: &OutputCtx<'a>) -> Self {
        Source {
            content: &ctx.loaded.content,
            graph: ctx.graph,
            urls: ctx.urls,
            edition: ctx.edition,
            host: ctx.urls.host().unwrap_or_else(|| "localhost".to_string()),
        }
    }

    /// Whether something dated `d` is out as at the build's date.
    pub fn is_out(&self, d: Date) -> bool {
        self.graph.as_of_quietly().is_none_or(|as_of| d <= as_of)
    }

    /// The absolute form of a root-relative URL.
    pub fn absolute(&self, url: &str) -> String {
        self.urls.absolute(url)
    }

    /// A `tag:` URI (RFC 4151) for something with no page of its own: `tag:<host>,<date>:<what>`.
    pub fn tag(&self, date: Date, what: &str) -> String {
        format!("tag:{},{date}:{what}", self.host)
    }

    /// A committee's name, by slug (the slug if the committee is unknown).
    pub fn committee_name(&self, slug: &str) -> String {
        self.graph
            .committees
            .get(slug)
            .map_or_else(|| slug.to_string(), |&c| self.content.committees[c].data.name.clone())
    }

    /// "Cabinet", or "Council (Budget Meeting)" for a meeting with a title.
    pub fn meeting_name(&self, m: MeetingIx) -> String {
        let meeting = &self.content.meetings[m];
        let name = self.committee_name(&meeting.committee);
        match meeting.data.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            Some(t) => format!("{name} ({t})"),
            None => name,
        }
    }

    /// "Cabinet, 10 November 2026".
    pub fn meeting_label(&self, m: MeetingIx) -> String {
        format!("{}, {}", self.meeting_name(m), Day::of(self.content.meetings[m].date).text)
    }

    /// The date a meeting's agenda was published, if it has an agenda that is out: its
    /// `agenda_published`, or (for an agenda written without one) the meeting date.
    pub fn agenda_out(&self, m: MeetingIx) -> Option<Date> {
        let meeting = &self.content.meetings[m];
        if meeting.data.agenda.is_empty() {
            return None;
        }
        let d = meeting.data.agenda_published.as_ref().map_or(meeting.date, |p| p.value);
        self.is_out(d).then_some(d)
    }

    /// A meeting's minutes and their publication date (`published`, else the meeting date), if
    /// they are out.
    pub fn minutes_out(&self, m: MeetingIx) -> Option<(&'a Minutes, Date)> {
        let meeting = &self.content.meetings[m];
        let min = meeting.minutes.as_ref()?;
        let d = min.front.published.as_ref().map_or(meeting.date, |p| p.value);
        self.is_out(d).then_some((min, d))
    }

    /// A report's publication date, if it is a public paper that is out: not exempt, not a
    /// draft, and published by the build's date.
    pub fn report_out(&self, key: ReportKey) -> Option<Date> {
        if self.graph.exempt_reports.contains(&key) {
            return None;
        }
        let meeting = &self.content.meetings[key.0];
        let report = &meeting.reports[key.1];
        if report.front.draft {
            return None;
        }
        let agenda = meeting.data.agenda_published.as_ref().map(|p| p.value);
        let d = crate::access::report_published(agenda, &report.front);
        self.is_out(d).then_some(d)
    }

    /// The title the public may see of something exempt: in the public edition the content is
    /// already redacted, so the title as it stands; in the members' edition the neutral
    /// `public_title`, or `fallback`.
    pub fn neutral(&self, title: &str, public_title: Option<&str>, fallback: &str) -> String {
        match self.edition {
            Edition::Public => title.to_string(),
            Edition::Members => public_title.unwrap_or(fallback).to_string(),
        }
    }

    /// An agenda item's title: for a Part 2 item, its neutral `public_title` if it has one.
    pub fn item_title(&self, key: ItemKey) -> String {
        let item = &self.content.meetings[key.0].data.agenda[key.1];
        if self.graph.exempt_items.contains(&key) {
            item.public_title.clone().unwrap_or_else(|| item.title.clone())
        } else {
            item.title.clone()
        }
    }

    /// A minute's title: for an exempt minute, its item's public title ("Exempt business" if it
    /// records no item), as the public site shows it.
    pub fn minute_title(&self, key: MinuteKey) -> String {
        let Some(min) = &self.content.meetings[key.0].minutes else { return String::new() };
        if !self.graph.minute_is_exempt(key) {
            return min.minutes[key.1].title.clone();
        }
        match self.graph.minute_item.get(&key) {
            Some(&item) => self.item_title(item),
            None => "Exempt business".to_string(),
        }
    }

    /// The agenda as lines: "1. Apologies for absence", and Part 2 items under their public
    /// titles, marked.
    pub fn agenda_lines(&self, m: MeetingIx) -> Vec<String> {
        let meeting = &self.content.meetings[m];
        (0..meeting.data.agenda.len())
            .map(|i| {
                let n = meeting.data.agenda[i].number.value;
                let title = self.item_title((m, i));
                if self.graph.exempt_items.contains(&(m, i)) {
                    format!("{n}. {title} (Part 2: may be considered in private)")
                } else {
                    format!("{n}. {title}")
                }
            })
            .collect()
    }

    /// The name of a decision maker: a committee, or a person with their job title or role.
    pub fn maker_name(&self, maker: Maker) -> String {
        match maker {
            Maker::Committee(c) => self.content.committees[c].data.name.clone(),
            Maker::Person(p) => {
                let person = &self.content.people[p];
                let role = person
                    .data
                    .roles
                    .iter()
                    .find(|r| r.contains("Cabinet Member") || r.contains("Portfolio"))
                    .or(person.data.roles.first());
                match (&person.data.job_title, role) {
                    (Some(j), _) => format!("{} ({j})", person.display_name()),
                    (None, Some(r)) => format!("{} ({r})", person.display_name()),
                    _ => person.display_name(),
                }
            }
            Maker::Unknown => "Not known".to_string(),
        }
    }
}

/// The text of some Markdown, without markup, on one line: for summaries.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::new();
    for event in Parser::new_ext(markdown, crate::render::markdown::options()) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::Rule => out.push(' '),
            Event::Start(Tag::Item | Tag::TableCell) => out.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableRow) => {
                out.push(' ')
            }
            _ => {}
        }
    }
    one_line(&out)
}

/// Collapses every run of white space to one space, and trims.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Cuts a text to at most `max` characters, at a word boundary, with an ellipsis.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([' ', ',', ';', ':', '.']))
}

/// Midnight at the start of a date in Europe/London, as RFC 3339 (`2026-06-01T00:00:00+01:00`).
pub fn local_midnight(d: Date) -> String {
    match d.in_tz(TIME_ZONE) {
        Ok(z) => z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        Err(_) => format!("{d}T00:00:00Z"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_drops_markup() {
        let md = "To **approve** the [policy](@cabinet/2025-06-10), and:\n\n- one\n- two\n";
        assert_eq!(plain_text(md), "To approve the policy, and: one two");
    }

    #[test]
    fn shorten_cuts_at_a_word() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("one two three four five", 12), "one two…");
    }

    #[test]
    fn midnight_in_london() {
        assert_eq!(local_midnight(jiff::civil::date(2026, 1, 5)), "2026-01-05T00:00:00+00:00");
        assert_eq!(local_midnight(jiff::civil::date(2026, 6, 1)), "2026-06-01T00:00:00+01:00");
    }
}
