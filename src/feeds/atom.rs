//! Atom feeds (RFC 4287), written with `atom_syndication`.
//!
//! Every entry has a title, an alternate link to its page, `updated` from the content's own
//! dates (midnight in Europe/London), an id that never changes between builds (the page's
//! absolute URL, or for a forward plan change a `tag:` URI made from the entry's id, date and
//! status), a plain-text summary and the council as author. Entries are newest first, ties
//! broken by id; each feed holds the newest [`MAX_ENTRIES`].

use atom_syndication::{Category, Entry, Feed, FixedDateTime, Generator, Link, Person, Text, WriteConfig};
use jiff::civil::Date;

use super::{MAX_ENTRIES, Source, local_midnight, one_line, plain_text, shorten};
use crate::link::{DecisionSource, MeetingIx};
use crate::model::{MeetingStatus, Minute, Minutes, MinutesStatus, PlanStatus};
use crate::render::format::{Day, time};

/// The longest summary, in characters.
const SUMMARY_MAX: usize = 600;

/// One entry, before it becomes XML.
struct Item {
    /// Permanent id.
    id: String,
    /// Title.
    title: String,
    /// Absolute URL of the page.
    url: String,
    /// The date the entry last changed.
    updated: Date,
    /// Plain text.
    summary: String,
    /// Category term and label: ("agenda", "Agenda").
    category: (&'static str, &'static str),
    /// The committee the paper is for (committee feeds).
    committee: Option<String>,
}

/// A feed to write.
struct Spec<'i> {
    /// Its root-relative URL.
    url: String,
    /// Its title.
    title: String,
    /// What it holds.
    subtitle: String,
    /// The page it is the feed of (root-relative).
    page: String,
    /// Its entries, in any order.
    items: Vec<&'i Item>,
}

/// Every feed: (root-relative URL, bytes).
pub(super) fn feeds(src: &Source<'_>) -> Result<Vec<(String, Vec<u8>)>, Vec<String>> {
    let site = &src.content.site.name;
    let papers = papers(src);
    let decisions = decisions(src);
    let plan = forward_plan(src);
    let mut specs = vec![Spec {
        url: src.urls.papers_feed(),
        title: format!("New papers - {site}"),
        subtitle: format!("Agendas, reports and minutes of {site}, newest first"),
        page: src.urls.meetings(),
        items: papers.iter().collect(),
    }];
    for c in &src.content.committees {
        specs.push(Spec {
            url: src.urls.committee_feed(&c.slug),
            title: format!("{}: papers - {site}", c.data.name),
            subtitle: format!("Agendas, reports and minutes of the {}, newest first", c.data.name),
            page: src.urls.committee(&c.slug),
            items: papers.iter().filter(|p| p.committee.as_deref() == Some(c.slug.as_str())).collect(),
        });
    }
    specs.push(Spec {
        url: src.urls.decisions_feed(),
        title: format!("Decisions - {site}"),
        subtitle: format!("Decisions of {site}: its cabinet, council and committees, officers and members"),
        page: src.urls.decisions(),
        items: decisions.iter().collect(),
    });
    specs.push(Spec {
        url: src.urls.forward_plan_feed(),
        title: format!("Forward plan of key decisions - {site}"),
        subtitle: format!(
            "Key decisions {site} expects to take, as they are published, and every change to them"
        ),
        page: src.urls.forward_plan(),
        items: plan.iter().collect(),
    });
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for spec in specs {
        match feed(src, &spec) {
            Ok(bytes) => out.push((spec.url, bytes)),
            Err(e) => errors.push(format!("cannot write the feed {}: {e}", spec.url)),
        }
    }
    if errors.is_empty() { Ok(out) } else { Err(errors) }
}

/// One feed as XML.
fn feed(src: &Source<'_>, spec: &Spec<'_>) -> Result<Vec<u8>, String> {
    let url = &spec.url;
    let mut items = spec.items.clone();
    items.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.id.cmp(&b.id)));
    items.truncate(MAX_ENTRIES);
    let site = &src.content.site;
    let mut feed = Feed {
        title: Text::plain(clean(&spec.title)),
        id: src.absolute(url),
        updated: match items.first() {
            Some(newest) => datetime(newest.updated)?,
            None => epoch()?,
        },
        authors: vec![author(src)],
        generator: Some(Generator { value: "Agendum".into(), uri: None, version: None }),
        links: vec![
            Link {
                href: src.absolute(url),
                rel: "self".into(),
                mime_type: Some("application/atom+xml".into()),
                ..Link::default()
            },
            Link {
                href: src.absolute(&spec.page),
                rel: "alternate".into(),
                mime_type: Some("text/html".into()),
                ..Link::default()
            },
        ],
        subtitle: Some(Text::plain(clean(&spec.subtitle))),
        lang: Some(clean(&site.language)),
        ..Feed::default()
    };
    let licence = plain_text(&site.licence);
    if !licence.is_empty() {
        feed.rights = Some(Text::plain(clean(&licence)));
    }
    feed.entries = items.iter().map(|i| entry(src, i)).collect::<Result<_, _>>()?;
    let config = WriteConfig { write_document_declaration: true, indent_size: Some(2) };
    let mut bytes = feed.write_with_config(Vec::new(), config).map_err(|e| e.to_string())?;
    bytes.push(b'\n');
    Ok(bytes)
}

fn entry(src: &Source<'_>, item: &Item) -> Result<Entry, String> {
    let (term, label) = item.category;
    Ok(Entry {
        title: Text::plain(clean(&item.title)),
        id: item.id.clone(),
        updated: datetime(item.updated)?,
        authors: vec![author(src)],
        categories: vec![Category { term: term.into(), scheme: None, label: Some(label.into()) }],
        links: vec![Link {
            href: item.url.clone(),
            rel: "alternate".into(),
            mime_type: Some("text/html".into()),
            ..Link::default()
        }],
        summary: Some(Text::plain(clean(&shorten(&item.summary, SUMMARY_MAX)))),
        ..Entry::default()
    })
}

/// The council, with its home page.
fn author(src: &Source<'_>) -> Person {
    Person {
        name: clean(&src.content.site.name),
        uri: Some(src.absolute(&src.urls.home())),
        ..Person::default()
    }
}

/// Midnight at the start of a date, in Europe/London.
fn datetime(d: Date) -> Result<FixedDateTime, String> {
    FixedDateTime::parse_from_rfc3339(&local_midnight(d)).map_err(|e| format!("date {d}: {e}"))
}

/// The `updated` of a feed with no entries: a fixed instant, so the bytes never change.
fn epoch() -> Result<FixedDateTime, String> {
    FixedDateTime::parse_from_rfc3339("1970-01-01T00:00:00Z").map_err(|e| e.to_string())
}

/// Removes the characters XML 1.0 does not allow (control characters other than tab and line
/// breaks, and U+FFFE and U+FFFF).
fn clean(s: &str) -> String {
    s.chars()
        .filter(|&c| matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}'))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Papers.

/// Every published agenda, public report and minutes.
fn papers(src: &Source<'_>) -> Vec<Item> {
    let mut out = Vec::new();
    for (m, meeting) in src.content.meetings.iter().enumerate() {
        let committee = Some(meeting.committee.clone());
        if let Some(d) = src.agenda_out(m) {
            out.push(Item {
                id: src.absolute(&src.urls.meeting(&meeting.committee, meeting.date)),
                title: format!("Agenda: {}", src.meeting_label(m)),
                url: src.absolute(&src.urls.meeting(&meeting.committee, meeting.date)),
                updated: d,
                summary: agenda_summary(src, m),
                category: ("agenda", "Agenda"),
                committee: committee.clone(),
            });
        }
        for (r, report) in meeting.reports.iter().enumerate() {
            let Some(d) = src.report_out((m, r)) else { continue };
            let url = src.absolute(&src.urls.report(&meeting.committee, meeting.date, &report.slug));
            let f = &report.front;
            let mut summary = format!("Report of the {} to {}.", f.report_of.trim(), src.meeting_label(m));
            if !f.wards.is_empty() {
                summary.push_str(&format!(" Wards: {}.", f.wards.join(", ")));
            }
            if let Some(k) = &f.key_decision {
                summary.push_str(&format!(" Key decision: {}.", k.value));
            }
            out.push(Item {
                id: url.clone(),
                title: format!("Report: {}", f.title),
                url,
                updated: d,
                summary,
                category: ("report", "Report"),
                committee: committee.clone(),
            });
        }
        if let Some((min, d)) = src.minutes_out(m) {
            let url = src.absolute(&src.urls.minutes(&meeting.committee, meeting.date));
            let status = match min.front.status {
                MinutesStatus::Draft => "Draft minutes, not yet approved as a correct record,",
                MinutesStatus::Approved => "Minutes, approved as a correct record,",
            };
            let list: Vec<String> = (0..min.minutes.len())
                .map(|n| format!("{}. {}", min.minutes[n].number, src.minute_title((m, n))))
                .collect();
            let mut summary =
                format!("{status} of {} held on {}.", src.meeting_name(m), Day::of(meeting.date).long);
            if !list.is_empty() {
                summary.push_str(&format!(" Minutes: {}.", list.join("; ")));
            }
            out.push(Item {
                id: url.clone(),
                title: format!("Minutes: {}", src.meeting_label(m)),
                url,
                updated: d,
                summary,
                category: ("minutes", "Minutes"),
                committee,
            });
        }
    }
    out
}

/// "Agenda for Cabinet on Tuesday 10 November 2026 at 5.30 pm, Council Chamber. Items: 1. …".
fn agenda_summary(src: &Source<'_>, m: MeetingIx) -> String {
    let meeting = &src.content.meetings[m];
    let mut s = format!(
        "Agenda for {} on {} at {}, {}.",
        src.meeting_name(m),
        Day::of(meeting.date).long,
        time(meeting.data.time),
        one_line(&meeting.data.venue.name)
    );
    match meeting.data.status {
        MeetingStatus::Cancelled => s.push_str(" The meeting has been cancelled."),
        MeetingStatus::Postponed => s.push_str(" The meeting has been postponed."),
        MeetingStatus::Scheduled | MeetingStatus::Held => {}
    }
    let lines = src.agenda_lines(m);
    if !lines.is_empty() {
        s.push_str(&format!(" Items: {}.", lines.join("; ")));
    }
    s
}

// ---------------------------------------------------------------------------------------------
// Decisions.

/// Every decision in the register that is out, exempt ones under their neutral titles.
fn decisions(src: &Source<'_>) -> Vec<Item> {
    let mut out = Vec::new();
    for d in &src.graph.records.decisions {
        let updated = d.published.unwrap_or(d.date);
        if !src.is_out(updated) {
            continue;
        }
        let mut summary = format!("Decision of {} on {}", src.maker_name(d.maker), Day::of(d.date).long);
        let (title, paragraph, details) = match d.source {
            DecisionSource::Minute((m, n)) => {
                let Some((min, _)) = src.minutes_out(m) else { continue };
                let minute = &min.minutes[n];
                summary.push_str(&format!(" (minute {})", minute.number));
                let paragraph = minute.exempt.map(|p| p.0).or_else(|| {
                    let &(im, ii) = src.graph.minute_item.get(&(m, n))?;
                    src.content.meetings[im].data.agenda[ii].exempt_paragraph.as_ref().map(|p| p.value.0)
                });
                let details = if d.exempt {
                    min.front
                        .exempt_summaries
                        .iter()
                        .find(|s| s.minute.value == minute.number)
                        .map(|s| format!("Public summary: {}", plain_text(&s.summary)))
                        .unwrap_or_default()
                } else {
                    resolved(min, minute)
                };
                (src.minute_title((m, n)), paragraph, details)
            }
            DecisionSource::Officer(o) => {
                let od = &src.content.officer_decisions[o].data;
                let paragraph = od.exempt_paragraph.as_ref().map(|p| p.value.0);
                if d.exempt {
                    (
                        src.neutral(&od.title, od.public_title.as_deref(), "Exempt decision"),
                        paragraph,
                        String::new(),
                    )
                } else {
                    (od.title.clone(), paragraph, plain_text(&od.decision))
                }
            }
        };
        summary.push('.');
        if let Some(p) = d.plan {
            summary
                .push_str(&format!(" Key decision: {}.", src.content.forward_plan[p].data.reference.value));
        }
        if d.exempt {
            match paragraph {
                Some(p) => summary.push_str(&format!(
                    " The details are not for publication (Schedule 12A, paragraph {p})."
                )),
                None => summary.push_str(" The details are not for publication."),
            }
        }
        if !details.is_empty() {
            summary.push(' ');
            summary.push_str(&details);
        }
        let url = src.absolute(&src.urls.decision(&d.id));
        out.push(Item {
            id: url.clone(),
            title,
            url,
            updated,
            summary,
            category: ("decision", "Decision"),
            committee: None,
        });
    }
    out
}

/// "Resolved: (a) That …; (b) That …", from a minute's resolutions, as plain text.
fn resolved(min: &Minutes, minute: &Minute) -> String {
    let many = minute.resolutions().count() > 1;
    let texts: Vec<String> = minute
        .resolutions()
        .map(|r| {
            let text = plain_text(min.body.get(r.text.clone()).unwrap_or(""));
            if many { format!("({}) {text}", r.label) } else { text }
        })
        .filter(|t| !t.is_empty())
        .collect();
    if texts.is_empty() { String::new() } else { format!("Resolved: {}", texts.join(" ")) }
}

// ---------------------------------------------------------------------------------------------
// Forward plan.

/// Each forward plan entry as first published, and each later change of status.
fn forward_plan(src: &Source<'_>) -> Vec<Item> {
    let mut out = Vec::new();
    for (pi, p) in src.content.forward_plan.iter().enumerate() {
        let data = &p.data;
        let exempt = data.exempt_paragraph.is_some();
        let title = if exempt {
            src.neutral(&data.title, data.public_title.as_deref(), "Exempt key decision")
        } else {
            data.title.clone()
        };
        let reference = data.reference.value.trim();
        let url = src.absolute(&src.urls.plan_entry(&p.slug));
        let first = data.first_published.value;
        if src.is_out(first) {
            let mut summary = format!(
                "Published in the forward plan on {}. Decision maker: {}. Expected: {}.",
                Day::of(first).text,
                src.maker_name(src.graph.records.plan_maker[pi]),
                Day::of(data.expected.value).text
            );
            match &data.exempt_paragraph {
                Some(x) => summary.push_str(&format!(
                    " The details are not for publication (Schedule 12A, paragraph {}).",
                    x.value.0
                )),
                None => {
                    let decision = plain_text(&data.decision);
                    if !decision.is_empty() {
                        summary.push_str(&format!(" The decision: {decision}"));
                    }
                }
            }
            if let Some(private) = &data.private {
                summary.push_str(&format!(
                    " The decision is expected to be taken in private (Schedule 12A, paragraph {}).",
                    private.paragraph.value.0
                ));
            }
            out.push(Item {
                id: url.clone(),
                title: format!("{reference}: {title}"),
                url: url.clone(),
                updated: first,
                summary,
                category: ("forward-plan-entry", "Forward plan entry"),
                committee: None,
            });
        }
        // The first record of the history is usually the publication itself.
        let skip = usize::from(
            data.history.first().is_some_and(|h| h.status == PlanStatus::Pending && h.date.value == first),
        );
        let mut seen: Vec<String> = Vec::new();
        for (k, h) in data.history.iter().enumerate().skip(skip) {
            let date = h.date.value;
            if !src.is_out(date) {
                continue;
            }
            let status = status_slug(h.status);
            let mut what = format!("forward-plan/{}/{status}", p.slug);
            // The same status twice on one day: number the later ones.
            let twice = seen.iter().filter(|s| **s == what).count();
            seen.push(what.clone());
            if twice > 0 {
                what.push_str(&format!("-{}", twice + 1));
            }
            let mut summary = format!("{reference}: {} on {}.", h.status.label(), Day::of(date).text);
            let latest = k + 1 == data.history.len();
            if let (true, PlanStatus::Deferred, PlanStatus::Deferred, Some(to)) =
                (latest, h.status, data.status, &data.deferred_to)
            {
                summary.push_str(&format!(" Now expected: {}.", Day::of(to.value).text));
            }
            if let Some(note) = h.note.as_deref().filter(|_| !exempt) {
                summary.push(' ');
                summary.push_str(&one_line(note));
            }
            out.push(Item {
                id: src.tag(date, &what),
                title: format!("{reference} {}: {title}", change_label(h.status)),
                url: url.clone(),
                updated: date,
                summary,
                category: ("forward-plan-change", "Forward plan change"),
                committee: None,
            });
        }
    }
    out
}

/// The status as written in the content, for ids.
fn status_slug(s: PlanStatus) -> &'static str {
    match s {
        PlanStatus::Pending => "pending",
        PlanStatus::Taken => "taken",
        PlanStatus::Deferred => "deferred",
        PlanStatus::Withdrawn => "withdrawn",
    }
}

/// "KD 2026/27-04 deferred: …".
fn change_label(s: PlanStatus) -> &'static str {
    match s {
        PlanStatus::Pending => "pending again",
        PlanStatus::Taken => "decision taken",
        PlanStatus::Deferred => "deferred",
        PlanStatus::Withdrawn => "withdrawn",
    }
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn clean_drops_what_xml_cannot_hold() {
        assert_eq!(clean("a\u{0}b\u{7}c\td\u{FFFF}é"), "abc\tdé");
    }
}
