//! `agendum new minutes <meeting>`: draft minutes pre-filled from the agenda — one numbered
//! minute per item, in order, numbered on from the committee's earlier minutes — with the
//! attendance lists filled from the committee's membership for the municipal year, to be
//! edited. A scheduled meeting is marked `held`.

use super::{Change, Context, Error, FileChange, Plan, day, field};
use crate::model::{MeetingStatus, MemberRole, MinutesFront, PersonKind};

/// Plans `minutes.md` for a meeting.
pub fn plan(ctx: &Context, meeting_id: &str) -> Result<Plan, Error> {
    let mi = ctx.meeting(meeting_id)?;
    let content = &ctx.loaded.content;
    let meeting = &content.meetings[mi];
    let meeting_rel = ctx.loaded.sources.files[meeting.file].rel.clone();
    let folder = meeting_rel.trim_end_matches("meeting.yaml");
    let minutes_rel = format!("{folder}minutes.md");
    if meeting.minutes.is_some() || ctx.loaded.broken.contains(&format!("{meeting_id}/minutes")) {
        return Err(Error::new(format!("{meeting_id} already has minutes, in content/{minutes_rel}"))
            .help("edit that file; agendum new never overwrites one"));
    }
    match meeting.data.status {
        MeetingStatus::Cancelled | MeetingStatus::Postponed => {
            return Err(Error::new(format!(
                "the meeting {meeting_id} is {}, so it has no minutes",
                meeting.data.status.label().to_lowercase()
            ))
            .help(format!("if it took place after all, set `status: held` in content/{meeting_rel} first")));
        }
        MeetingStatus::Scheduled | MeetingStatus::Held => {}
    }
    if meeting.data.agenda.is_empty() {
        return Err(Error::new(format!("the meeting {meeting_id} has no agenda items to minute")).help(
            format!("write the agenda in content/{meeting_rel} first: the minutes have one minute per item"),
        ));
    }
    let c = ctx.committee(&meeting.committee)?;
    let committee = &content.committees[c];
    let year = ctx.year_of(meeting.date);
    let mut plan = Plan::default();

    // Attendance: everyone who was a member that year, as present, for the clerk to correct.
    let members: Vec<(String, MemberRole)> = committee
        .data
        .membership
        .iter()
        .zip(&committee.years)
        .filter(|(_, y)| **y == Some(year))
        .flat_map(|(m, _)| &m.members)
        .filter(|m| m.role != MemberRole::Substitute)
        .map(|m| (m.person.value.clone(), m.role))
        .collect();
    if members.is_empty() {
        plan.notes.push(format!(
            "{} has no membership for {}, so `present` is empty: add the membership to content/{}, or the members \
             present to the minutes",
            committee.data.name,
            year.label(),
            ctx.loaded.sources.files[committee.file].rel
        ));
    } else {
        plan.notes.push(format!(
            "`present` lists all {} members for {}: move anyone who sent apologies to `apologies`, and delete anyone \
             absent",
            members.len(),
            year.label()
        ));
    }
    // Officers: the committee's democratic services officer, then the presenters and report
    // authors who are officers, in agenda order.
    let is_officer = |slug: &str| {
        ctx.graph.people.get(slug).is_some_and(|&p| content.people[p].data.kind == PersonKind::Officer)
    };
    let mut officers: Vec<String> = Vec::new();
    let mut add_officer = |slug: &str| {
        if is_officer(slug) && !officers.iter().any(|o| o == slug) {
            officers.push(slug.to_string());
        }
    };
    add_officer(&committee.data.contact.value);
    for (ii, item) in meeting.data.agenda.iter().enumerate() {
        if let Some(p) = &item.presenter {
            add_officer(&p.value);
        }
        for &(rm, ri) in ctx.graph.item_reports.get(&(mi, ii)).into_iter().flatten() {
            add_officer(&content.meetings[rm].reports[ri].front.author.value);
        }
    }

    let first = ctx.next_minute(c, meeting.date);
    plan.notes.push(format!("the minutes start at minute {}: {}", first.number, first.basis));

    let mut front = String::new();
    super::meeting::comment(
        &mut front,
        &format!(
            "Draft minutes of the {}, {}, made by `agendum new minutes` from the agenda and the {} membership: \
             check every line.",
            committee.data.name,
            crate::render::format::Day::of(meeting.date).long,
            year.label()
        ),
    );
    front.push_str("status: draft\n");
    let start = meeting.data.time.strftime("%H:%M").to_string();
    front.push_str(&format!("started: \"{start}\"\n"));
    front.push_str("# The time the meeting closed: change it.\n");
    front.push_str(&format!("closed: \"{start}\"\n"));
    if members.is_empty() {
        front.push_str("present: []\n");
    } else {
        front.push_str("present:\n");
        for (person, role) in &members {
            field(&mut front, 2, "- person", person);
            match role {
                MemberRole::Chair => front.push_str("    role: chair\n"),
                MemberRole::ViceChair => front.push_str("    role: vice-chair\n"),
                _ => {}
            }
        }
    }
    front.push_str("# Members who sent apologies; a substitute goes under present with substitute_for:.\n");
    front.push_str("apologies: []\n");
    front.push_str(
        "# Councillors who are not members (a portfolio holder, a ward councillor) who attended.\n",
    );
    front.push_str("also_present: []\n");
    if officers.is_empty() {
        front.push_str("officers: []\n");
    } else {
        front.push_str("officers:\n");
        for o in &officers {
            front.push_str(&format!("  - {}\n", super::scalar(o)));
        }
    }
    super::parses::<MinutesFront>(&front, "minutes front matter")?;

    let mut body = String::new();
    let mut number = first.number;
    let agenda = &meeting.data.agenda;
    for (ii, item) in agenda.iter().enumerate() {
        body.push_str(&format!("## {number}. {} {{item={}}}\n\n", item.title.trim(), item.number.value));
        body.push_str(&minute_text(ctx, mi, ii));
        body.push('\n');
        number += 1;
    }
    plan.notes.push(format!(
        "one minute for each of the {} agenda items: {} to {}",
        agenda.len(),
        first.number,
        number - 1
    ));

    let mut plan_next = Vec::new();
    plan.create(ctx.root.join("content").join(&minutes_rel), format!("---\n{front}---\n{body}"));

    if meeting.data.status == MeetingStatus::Scheduled {
        let was = ctx.loaded.sources.files[meeting.file].text.clone();
        match mark_held(&was) {
            Some(text) => {
                plan.files.push(FileChange {
                    path: ctx.root.join("content").join(&meeting_rel),
                    contents: text,
                    change: Change::Update { was },
                });
                plan.notes.push(format!("the meeting's status in content/{meeting_rel} is now `held`"));
            }
            None => plan_next.push(format!("set `status: held` in content/{meeting_rel}")),
        }
    }
    for (ii, item) in agenda.iter().enumerate() {
        if item.minutes_of.is_none() {
            continue;
        }
        if let Some(&prev) = ctx.graph.item_minutes_of.get(&(mi, ii)) {
            let p = &content.meetings[prev];
            if p.minutes.as_ref().is_some_and(|m| m.front.status == crate::model::MinutesStatus::Draft) {
                plan_next.push(format!(
                    "if the committee approved the minutes of {} at item {}, set `status: approved` and \
                     `approved_at: {meeting_id}` in them",
                    day(p.date),
                    item.number.value
                ));
            }
        }
    }
    plan.next.push(format!(
        "edit content/{minutes_rel}: the attendance, the closing time, and each minute's text and resolutions"
    ));
    plan.next.extend(plan_next);
    plan.next.push("then run `agendum build` (or `agendum check`)".into());
    ctx.caution(&mut plan);
    Ok(plan)
}

/// The starting text of the minute of an agenda item: the standard wording for procedural
/// items, otherwise a prompt in square brackets.
fn minute_text(ctx: &Context, mi: usize, ii: usize) -> String {
    let content = &ctx.loaded.content;
    let meeting = &content.meetings[mi];
    let item = &meeting.data.agenda[ii];
    let title = item.title.to_lowercase();
    if item.minutes_of.is_some() {
        let when = ctx
            .graph
            .item_minutes_of
            .get(&(mi, ii))
            .map_or_else(|| "[date]".to_string(), |&p| day(content.meetings[p].date));
        return format!(
            "RESOLVED – That the minutes of the meeting held on {when} be approved as a correct record and signed \
             by the Chair.\n"
        );
    }
    if title.contains("apologies") {
        return "[Apologies for absence were received from … . Councillor … attended as substitute for Councillor … .]\n"
            .to_string();
    }
    if title.contains("declarations of interest") {
        return "[There were no declarations of interest.] [Or: Councillor … declared the interest recorded above.]\n"
            .to_string();
    }
    if title.contains("exclusion of the press and public") {
        let mut paragraphs: Vec<u8> = meeting.data.agenda[ii + 1..]
            .iter()
            .filter(|i| i.part.value == 2)
            .filter_map(|i| i.exempt_paragraph.as_ref().map(|p| p.value.0))
            .collect();
        paragraphs.sort_unstable();
        paragraphs.dedup();
        let list: Vec<String> = paragraphs.iter().map(u8::to_string).collect();
        let (para, items) = match list.len() {
            0 => ("paragraph [N]".to_string(), "item"),
            1 => (format!("paragraph {}", list[0]), "item"),
            _ => (
                format!("paragraphs {} and {}", list[..list.len() - 1].join(", "), list[list.len() - 1]),
                "items",
            ),
        };
        return format!(
            "RESOLVED – That under section 100A(4) of the Local Government Act 1972 the press and public be excluded \
             from the meeting for the following {items} of business on the grounds that it involves the likely \
             disclosure of exempt information as defined in {para} of Part 1 of Schedule 12A to the Act.\n"
        );
    }
    let mut out = String::new();
    let reports: Vec<String> = ctx
        .graph
        .item_reports
        .get(&(mi, ii))
        .into_iter()
        .flatten()
        .map(|&(rm, ri)| {
            let r = &content.meetings[rm].reports[ri];
            format!("[report of the {}](@{}/{})", r.front.report_of, content.meetings[rm].id(), r.slug)
        })
        .collect();
    if !reports.is_empty() {
        let kind = ctx.graph.committees.get(&meeting.committee).map(|&c| content.committees[c].data.kind);
        let body = match kind {
            Some(crate::model::CommitteeKind::Cabinet) => "Cabinet",
            Some(crate::model::CommitteeKind::FullCouncil) => "Council",
            _ => "Committee",
        };
        out.push_str(&format!("The {body} considered the {}.\n\n", reports.join(" and the ")));
    }
    out.push_str("[Record the discussion, then the decision, starting RESOLVED – .]\n");
    out
}

/// `meeting.yaml` with `status: scheduled` made `status: held`, if the line can be found.
fn mark_held(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut done = false;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        if !done && bare.trim_end() == "status: scheduled" {
            out.push_str("status: held");
            out.push_str(&line[bare.len()..]);
            done = true;
        } else {
            out.push_str(line);
        }
    }
    (done
        && serde_saphyr::from_str::<crate::model::MeetingFile>(&out)
            .is_ok_and(|m| m.status == MeetingStatus::Held))
    .then_some(out)
}

#[cfg(test)]
mod tests {
    use super::mark_held;

    #[test]
    fn marks_a_scheduled_meeting_held() {
        let text = "time: \"18:30\"\nvenue:\n  name: Room 1\nstatus: scheduled\nagenda: []\n";
        let out = mark_held(text).unwrap();
        assert!(out.contains("status: held\n") && !out.contains("scheduled"));
        assert!(mark_held("time: \"18:30\"\nvenue:\n  name: Room 1\nstatus: \"scheduled\"\n").is_none());
    }
}
