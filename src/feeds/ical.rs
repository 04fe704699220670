//! iCalendar files (RFC 5545), written by hand: the `icalendar` crate writes no `VTIMEZONE`
//! and stamps each event with the time of the build, and both matter here.
//!
//! Each calendar has the Europe/London `VTIMEZONE` (GMT and BST, with their yearly rules) and
//! one `VEVENT` per meeting, sorted by date, time and committee. An event's `UID` is
//! `<committee>-<yyyy-mm-dd>@<host>`, its `DTSTAMP` the last date its content changed (at
//! 00:00:00 UTC), its start the meeting's date and time in Europe/London, its end the time the
//! minutes say the meeting closed, or two hours after the start. Lines end in CRLF and are
//! folded at 75 octets, never inside a UTF-8 character; text values are escaped.

use jiff::ToSpan;
use jiff::civil::{Date, DateTime};

use super::{Source, one_line};
use crate::link::MeetingIx;
use crate::model::MeetingStatus;
use crate::render::format::{Day, time};

/// The most octets on one line, excluding the line break.
const LINE_MAX: usize = 75;

/// Europe/London since 1996: BST from 01:00 UTC on the last Sunday of March, GMT from 02:00
/// BST (01:00 UTC) on the last Sunday of October. Each `DTSTART` is the first change under
/// the rule, in the local time it changes from.
const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/London",
    "X-LIC-LOCATION:Europe/London",
    "BEGIN:DAYLIGHT",
    "TZNAME:BST",
    "TZOFFSETFROM:+0000",
    "TZOFFSETTO:+0100",
    "DTSTART:19810329T010000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZNAME:GMT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0000",
    "DTSTART:19961027T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// Every calendar: (root-relative URL, bytes).
pub(super) fn calendars(src: &Source<'_>) -> Vec<(String, Vec<u8>)> {
    let site = &src.content.site.name;
    let mut all: Vec<MeetingIx> = (0..src.content.meetings.len()).collect();
    all.sort_by(|&a, &b| {
        let (ma, mb) = (&src.content.meetings[a], &src.content.meetings[b]);
        (ma.date, ma.data.time, &ma.committee, a).cmp(&(mb.date, mb.data.time, &mb.committee, b))
    });
    let mut out = vec![(
        src.urls.meetings_calendar(),
        calendar(
            src,
            &format!("Meetings - {site}"),
            &format!("Council and committee meetings of {site}"),
            &all,
        ),
    )];
    for c in &src.content.committees {
        let mine: Vec<MeetingIx> =
            all.iter().copied().filter(|&m| src.content.meetings[m].committee == c.slug).collect();
        out.push((
            src.urls.committee_calendar(&c.slug),
            calendar(
                src,
                &format!("{} meetings - {site}", c.data.name),
                &format!("Meetings of the {} of {site}", c.data.name),
                &mine,
            ),
        ));
    }
    out
}

/// One calendar of these meetings.
fn calendar(src: &Source<'_>, name: &str, description: &str, meetings: &[MeetingIx]) -> Vec<u8> {
    let mut w = Writer::default();
    w.line("BEGIN:VCALENDAR");
    w.line("VERSION:2.0");
    w.line("PRODID:-//Agendum//Agendum//EN");
    w.line("CALSCALE:GREGORIAN");
    w.prop("X-WR-CALNAME", &text(name));
    w.prop("X-WR-CALDESC", &text(description));
    w.line("X-WR-TIMEZONE:Europe/London");
    for l in VTIMEZONE {
        w.line(l);
    }
    for &m in meetings {
        event(src, &mut w, m);
    }
    w.line("END:VCALENDAR");
    w.out.into_bytes()
}

/// One meeting as a `VEVENT`.
fn event(src: &Source<'_>, w: &mut Writer, m: MeetingIx) {
    let meeting = &src.content.meetings[m];
    let data = &meeting.data;
    let start = meeting.date.to_datetime(data.time);
    let end = match src.minutes_out(m) {
        Some((min, _)) if min.front.closed > data.time => meeting.date.to_datetime(min.front.closed),
        // Closed at or after midnight.
        Some((min, _)) if min.front.closed < data.time => meeting
            .date
            .tomorrow()
            .map_or_else(|_| two_hours_after(start), |d| d.to_datetime(min.front.closed)),
        _ => two_hours_after(start),
    };
    let url = src.absolute(&src.urls.meeting(&meeting.committee, meeting.date));

    w.line("BEGIN:VEVENT");
    w.prop("UID", &format!("{}-{}@{}", meeting.committee, meeting.date, src.host));
    let stamp = format!("{}T000000Z", compact(stamp_date(src, m)));
    w.prop("DTSTAMP", &stamp);
    w.prop("LAST-MODIFIED", &stamp);
    w.prop("DTSTART;TZID=Europe/London", &local(start));
    w.prop("DTEND;TZID=Europe/London", &local(end));
    let mut summary = src.meeting_name(m);
    match data.status {
        MeetingStatus::Cancelled => summary.push_str(" (cancelled)"),
        MeetingStatus::Postponed => summary.push_str(" (postponed)"),
        MeetingStatus::Scheduled | MeetingStatus::Held => {}
    }
    w.prop("SUMMARY", &text(&summary));
    let location: Vec<String> = std::iter::once(data.venue.name.as_str())
        .chain(data.venue.address.iter().map(String::as_str))
        .map(one_line)
        .filter(|l| !l.is_empty())
        .collect();
    if !location.is_empty() {
        w.prop("LOCATION", &text(&location.join(", ")));
    }
    w.prop(
        "STATUS",
        match data.status {
            MeetingStatus::Scheduled | MeetingStatus::Held => "CONFIRMED",
            MeetingStatus::Cancelled => "CANCELLED",
            MeetingStatus::Postponed => "TENTATIVE",
        },
    );
    w.prop("URL", &url);
    w.prop("DESCRIPTION", &text(&description(src, m, &url)));
    w.line("END:VEVENT");
}

/// What the event's notes say: when, the status, the agenda, and where the papers are.
fn description(src: &Source<'_>, m: MeetingIx, url: &str) -> String {
    let meeting = &src.content.meetings[m];
    let data = &meeting.data;
    let mut lines =
        vec![format!("{}, {}, {}.", src.meeting_name(m), Day::of(meeting.date).long, time(data.time))];
    match data.status {
        MeetingStatus::Cancelled => lines.push("This meeting has been cancelled.".into()),
        MeetingStatus::Postponed => lines.push("This meeting has been postponed.".into()),
        MeetingStatus::Scheduled | MeetingStatus::Held => {}
    }
    if src.agenda_out(m).is_some() {
        lines.push(String::new());
        lines.push("Agenda:".into());
        lines.extend(src.agenda_lines(m));
    } else if matches!(data.status, MeetingStatus::Scheduled | MeetingStatus::Postponed) {
        lines.push("The agenda has not yet been published.".into());
    }
    lines.push(String::new());
    lines.push(format!("Agenda and papers: {url}"));
    if src.minutes_out(m).is_some() {
        lines.push(format!("Minutes: {}", src.absolute(&src.urls.minutes(&meeting.committee, meeting.date))));
    }
    lines.join("\n")
}

/// The date a meeting's entry last changed: its `updated`, or the latest publication of its
/// agenda or minutes, or else the meeting date.
fn stamp_date(src: &Source<'_>, m: MeetingIx) -> Date {
    let meeting = &src.content.meetings[m];
    if let Some(u) = meeting.data.updated {
        return u;
    }
    [src.agenda_out(m), src.minutes_out(m).map(|(_, d)| d)]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(meeting.date)
}

fn two_hours_after(start: DateTime) -> DateTime {
    start.checked_add(2.hours()).unwrap_or(start)
}

/// `20261110T173000`.
fn local(dt: DateTime) -> String {
    dt.strftime("%Y%m%dT%H%M%S").to_string()
}

/// `20261110`.
fn compact(d: Date) -> String {
    d.strftime("%Y%m%d").to_string()
}

/// A TEXT value (RFC 5545, 3.3.11): backslashes, semicolons, commas and line breaks escaped,
/// other control characters dropped.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes content lines, folded, with CRLF.
#[derive(Default)]
struct Writer {
    out: String,
}

impl Writer {
    /// `NAME:value` (the value already escaped).
    fn prop(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{value}"));
    }

    /// One content line, folded at [`LINE_MAX`] octets: each continuation line starts with a
    /// space, and neither a UTF-8 character nor an escape (`\,`, `\n`) is split.
    fn line(&mut self, line: &str) {
        let mut used = 0;
        let mut rest = line;
        while let Some(c) = rest.chars().next() {
            // An escape stays whole: the backslash and the character after it.
            let len =
                if c == '\\' { 1 + rest[1..].chars().next().map_or(0, char::len_utf8) } else { c.len_utf8() };
            if used + len > LINE_MAX {
                self.out.push_str("\r\n ");
                used = 1;
            }
            self.out.push_str(&rest[..len]);
            used += len;
            rest = &rest[len..];
        }
        self.out.push_str("\r\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let mut w = Writer::default();
        let value = "é".repeat(100);
        w.prop("SUMMARY", &value);
        for l in w.out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= LINE_MAX, "{} octets", l.len());
        }
        let unfolded = w.out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{value}\r\n"));
    }

    #[test]
    fn folding_keeps_escapes_whole() {
        let mut w = Writer::default();
        // "DESCRIPTION:" and 62 characters take 74 octets: the escape goes on the next line.
        let value = format!("{}\\n{}", "x".repeat(62), "y".repeat(20));
        w.prop("DESCRIPTION", &value);
        assert!(w.out.starts_with(&format!("DESCRIPTION:{}\r\n \\n", "x".repeat(62))), "{}", w.out);
    }

    #[test]
    fn escapes_text() {
        assert_eq!(text("a, b; c\\d\ne\u{7}"), "a\\, b\\; c\\\\d\\ne");
    }
}
