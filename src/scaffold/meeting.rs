//! `agendum new meeting <committee> <yyyy-mm-dd>`: a meeting folder whose `meeting.yaml` has
//! the committee's standing items (from `standing_items` in `committee.yaml`, or the default
//! ones), with "Minutes of the previous meeting" linked to the committee's previous meeting,
//! and notes the minute number its minutes will start at.

use jiff::civil::{Date, Time};

use super::{Context, Error, Plan, day, field, fill, scalar};
use crate::model::{MeetingFile, StandingItem, StandingPosition, default_standing_items};

/// Choices the clerk can make on the command line.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Start time; by default that of the committee's previous meeting.
    pub time: Option<Time>,
    /// Venue name; by default that of the committee's previous meeting.
    pub venue: Option<String>,
}

/// One agenda item to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Title.
    pub title: String,
    /// Purpose (Markdown).
    pub purpose: Option<String>,
    /// Procedural business.
    pub procedural: bool,
    /// The meeting whose minutes it approves.
    pub minutes_of: Option<String>,
    /// Who introduces it (person slug).
    pub presenter: Option<String>,
}

impl Item {
    /// The item as a YAML list entry under `agenda:`.
    pub fn yaml(&self, number: u32) -> String {
        let mut out = format!("  - number: {number}\n");
        field(&mut out, 4, "title", &self.title);
        if let Some(p) = &self.purpose {
            field(&mut out, 4, "purpose", p);
        }
        if self.procedural && self.minutes_of.is_none() {
            out.push_str("    procedural: true\n");
        }
        if let Some(m) = &self.minutes_of {
            field(&mut out, 4, "minutes_of", m);
        }
        if let Some(p) = &self.presenter {
            field(&mut out, 4, "presenter", p);
        }
        out
    }
}

/// What goes into a new `meeting.yaml`.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The first comment line: which meeting this is.
    pub heading: String,
    /// Start time.
    pub time: Time,
    /// Venue name and address.
    pub venue: (String, Vec<String>),
    /// The last day to publish the agenda.
    pub agenda_published: Date,
    /// The first minute number, and why.
    pub first_minute: super::NextMinute,
    /// Standing items at the start of the agenda, then those at the end.
    pub items: (Vec<Item>, Vec<Item>),
}

impl Draft {
    /// The text of `meeting.yaml`.
    pub fn yaml(&self) -> String {
        let mut out = String::new();
        comment(&mut out, &self.heading);
        comment(
            &mut out,
            "Made by `agendum new meeting`: check the time, the venue and agenda_published, and add the \
             business of the meeting after the standing items (`agendum new report` adds an item with its report).",
        );
        out.push_str(&format!("time: \"{}\"\n", self.time.strftime("%H:%M")));
        out.push_str("venue:\n");
        field(&mut out, 2, "name", &self.venue.0);
        if !self.venue.1.is_empty() {
            out.push_str("  address:\n");
            for line in &self.venue.1 {
                out.push_str(&format!("    - {}\n", scalar(line)));
            }
        }
        out.push_str("status: scheduled\n");
        comment(
            &mut out,
            "The last day to publish the agenda with five clear working days' notice. The public site \
             shows the agenda from this date: change it to the day the agenda is actually published.",
        );
        out.push_str(&format!("agenda_published: {}\n", self.agenda_published));
        comment(
            &mut out,
            &format!(
                "The minutes of this meeting start at minute {}: {}.",
                self.first_minute.number, self.first_minute.basis
            ),
        );
        let all: Vec<&Item> = self.items.0.iter().chain(&self.items.1).collect();
        if all.is_empty() {
            out.push_str("agenda: []\n");
        } else {
            out.push_str("agenda:\n");
            for (i, item) in all.into_iter().enumerate() {
                out.push_str(&item.yaml(i as u32 + 1));
            }
        }
        out
    }
}

/// Writes `text` as `#` comment lines of at most about 96 characters.
pub(super) fn comment(out: &mut String, text: &str) {
    let mut line = String::from("#");
    for word in text.split_whitespace() {
        if line.len() > 1 && line.chars().count() + 1 + word.chars().count() > 96 {
            out.push_str(&line);
            out.push('\n');
            line = String::from("#");
        }
        line.push(' ');
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
}

/// The standing items of a committee for a meeting, with placeholders filled in: those at the
/// start and those at the end. The "previous minutes" item is left out when there is no
/// previous meeting.
pub fn standing_agenda(
    items: &[StandingItem],
    date: Date,
    year: crate::model::MunicipalYear,
    previous: Option<(String, Date)>,
    committee_file: &str,
) -> Result<(Vec<Item>, Vec<Item>), Error> {
    let values = [
        ("date", day(date)),
        ("year", year.label()),
        ("previous_date", previous.as_ref().map_or_else(String::new, |(_, d)| day(*d))),
    ];
    let mut start = Vec::new();
    let mut end = Vec::new();
    for s in items {
        if s.previous_minutes && previous.is_none() {
            continue;
        }
        let item = Item {
            title: fill(&s.title, &values, committee_file)?,
            purpose: s.purpose.as_deref().map(|p| fill(p, &values, committee_file)).transpose()?,
            procedural: s.procedural,
            minutes_of: if s.previous_minutes { previous.as_ref().map(|(id, _)| id.clone()) } else { None },
            presenter: s.presenter.as_ref().map(|p| p.value.clone()),
        };
        match s.position {
            StandingPosition::Start => start.push(item),
            StandingPosition::End => end.push(item),
        }
    }
    Ok((start, end))
}

/// Plans `content/committees/<committee>/<date>/meeting.yaml`.
pub fn plan(ctx: &Context, committee: &str, date: Date, options: &Options) -> Result<Plan, Error> {
    let c = ctx.committee(committee)?;
    let content = &ctx.loaded.content;
    let id = format!("{committee}/{date}");
    let rel = format!("committees/{committee}/{date}/meeting.yaml");
    if ctx.graph.meeting(&id).is_some() || ctx.loaded.broken.contains(&id) {
        return Err(Error::new(format!("there is already a meeting {id}, in content/{rel}")).help(format!(
            "edit that file, or give another date; `agendum new minutes {id}` writes its minutes"
        )));
    }
    let committee_rec = &content.committees[c];
    let committee_file = format!("content/{}", ctx.loaded.sources.files[committee_rec.file].rel);
    let mut plan = Plan::default();

    let previous = ctx.previous_meeting(c, date);
    let standing = committee_rec.data.standing_items.clone().unwrap_or_else(default_standing_items);
    let prev = previous.map(|m| (content.meetings[m].id(), content.meetings[m].date));
    let items = standing_agenda(&standing, date, ctx.year_of(date), prev, &committee_file)?;
    let has_minutes_item = standing.iter().any(|s| s.previous_minutes);
    match previous {
        Some(m) if has_minutes_item => plan.notes.push(format!(
            "\"Minutes of the previous meeting\" approves the minutes of {} ({})",
            content.meetings[m].id(),
            day(content.meetings[m].date)
        )),
        None if has_minutes_item => plan.notes.push(format!(
            "{} has no earlier meeting, so the agenda has no \"Minutes of the previous meeting\"",
            committee_rec.data.name
        )),
        _ => {}
    }
    if committee_rec.data.standing_items.is_none() {
        plan.notes.push(format!(
            "the standing items are the default ones; give {committee_file} `standing_items:` to change them"
        ));
    }

    // Time and venue: as at the committee's last meeting before this one, or its latest, or
    // the site's latest meeting of any committee.
    let model = previous
        .or_else(|| {
            ctx.graph.committee_meetings[c].iter().rev().copied().find(|&m| content.meetings[m].date < date)
        })
        .or_else(|| ctx.graph.committee_meetings[c].last().copied())
        .or_else(|| (0..content.meetings.len()).max_by_key(|&m| content.meetings[m].date));
    let time = match (options.time, model) {
        (Some(t), _) => t,
        (None, Some(m)) => content.meetings[m].data.time,
        (None, None) => {
            plan.notes.push(
                "no other meeting to copy the time from: it is 6.30 pm; change it in meeting.yaml".into(),
            );
            Time::constant(18, 30, 0, 0)
        }
    };
    let venue = match (&options.venue, model) {
        (Some(name), _) => (name.clone(), site_address_for(&content.site.address, name)),
        (None, Some(m)) => {
            let v = &content.meetings[m].data.venue;
            (v.name.clone(), v.address.clone())
        }
        (None, None) => {
            plan.notes
                .push("no other meeting to copy the venue from: check the venue in meeting.yaml".into());
            let name = match content.site.address.first() {
                Some(building) => format!("Council Chamber, {building}"),
                None => "Council Chamber".to_string(),
            };
            (name.clone(), site_address_for(&content.site.address, &name))
        }
    };
    if let Some(m) = model {
        let copied = match (options.time.is_none(), options.venue.is_none()) {
            (true, true) => Some("time and venue are those"),
            (true, false) => Some("time is that"),
            (false, true) => Some("venue is that"),
            (false, false) => None,
        };
        if let Some(what) = copied {
            plan.notes.push(format!("the {what} of {}", content.meetings[m].id()));
        }
    }

    let agenda_published = ctx.calendar.clear_working_days_before(date, 5);
    if let Some(today) = ctx.graph.as_of_quietly() {
        if agenda_published < today {
            plan.notes.push(format!(
                "the last day to publish the agenda with five clear working days' notice was {}: \
                 publish it at once, or move the meeting",
                day(agenda_published)
            ));
        }
    }
    let first_minute = ctx.next_minute(c, date);
    plan.notes
        .push(format!("its minutes will start at minute {}: {}", first_minute.number, first_minute.basis));

    let draft = Draft {
        heading: format!("{}, {}.", committee_rec.data.name, crate::render::format::Day::of(date).long),
        time,
        venue,
        agenda_published,
        first_minute,
        items,
    };
    let text = draft.yaml();
    super::parses::<MeetingFile>(&text, "meeting.yaml")?;
    plan.create(ctx.root.join("content").join(&rel), text);
    plan.next.push(format!(
        "add the business: `agendum new report {id} <report-name>` adds an item with its report, or edit content/{rel}"
    ));
    plan.next.push("then run `agendum build` (or `agendum check`)".into());
    ctx.caution(&mut plan);
    Ok(plan)
}

/// The site's postal address under a venue name, without a line the name already gives.
fn site_address_for(address: &[String], name: &str) -> Vec<String> {
    address.iter().filter(|l| !name.contains(l.as_str())).cloned().collect()
}
