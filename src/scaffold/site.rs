//! `agendum new site DIR`: a minimal site that builds at once — `site.yaml`, two people, one
//! committee with its standing items and membership, one meeting, and the council's report
//! template (`templates/report.md`) — for the clerk to replace with the council's own.

use std::path::Path;

use jiff::civil::{Date, Time, Weekday};

use super::meeting::{Draft, standing_agenda};
use super::{Error, NextMinute, Plan, field, scalar};
use crate::model::{MunicipalYear, StandingPosition, default_standing_items};

/// Choices the clerk can make on the command line.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The council's full name; by default "Example Borough Council".
    pub name: Option<String>,
}

/// Plans a new site in `dir`. `today` decides the date of the sample meeting (a Tuesday four
/// weeks or more ahead) and so the municipal year of the membership.
pub fn plan(dir: &Path, today: Date, options: &Options) -> Result<Plan, Error> {
    let content = dir.join("content");
    if content.exists() {
        return Err(Error::new(format!("{} already exists", content.display()))
            .help("agendum new site makes a new site: give it a new or empty folder"));
    }
    let name = options.name.clone().unwrap_or_else(|| "Example Borough Council".to_string());
    if name.trim().is_empty() {
        return Err(Error::new("the council's name is empty")
            .help("give it with --name \"Ashcombe Borough Council\""));
    }
    let short = name.split_whitespace().next().unwrap_or("Council").to_string();
    let domain = crate::slugs::slugify(&short);
    let mut plan = Plan::default();

    // The sample meeting: the first Tuesday at least four weeks from today.
    let mut date = today.checked_add(jiff::Span::new().days(28)).unwrap_or(today);
    while date.weekday() != Weekday::Tuesday {
        date = date.tomorrow().unwrap_or(date);
    }
    let year = MunicipalYear::of(date, 5);

    let mut site = String::new();
    site.push_str("# The council and site-wide settings: see docs/content-format.md, section 2.\n");
    field(&mut site, 0, "name", &name);
    field(&mut site, 0, "short_name", &short);
    site.push_str("# The address the site will be served from.\n");
    site.push_str(&format!("base_url: https://democracy.{domain}.gov.uk/\n"));
    site.push_str("address:\n  - Town Hall\n  - High Street\n");
    site.push_str(&format!("  - {}\n  - AB1 2CD\n", scalar(&short)));
    site.push_str("democratic_services:\n  name: Democratic Services\n");
    site.push_str(&format!("  email: democratic.services@{domain}.gov.uk\n"));
    site.push_str("licence: >-\n  Papers are available under the\n");
    site.push_str(
        "  [Open Government Licence v3.0](https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/).\n",
    );
    site.push_str("# Month the municipal year starts (5, May, in England).\nmunicipal_year_start_month: 5\n");
    site.push_str(
        "# Minute numbers start again at 1 each municipal year (municipal-year), or run on (continuous).\n\
         minute_numbering: municipal-year\n",
    );
    super::parses::<crate::model::Site>(&site, "site.yaml")?;
    plan.create(content.join("site.yaml"), site);

    plan.create(
        content.join("people").join("pat-example.yaml"),
        "kind: councillor\nname: Pat Example\nparty: Independent\nward: Central\nroles:\n  - Chair of the Council\n"
            .to_string(),
    );
    plan.create(
        content.join("people").join("sam-example.yaml"),
        format!(
            "kind: officer\nname: Sam Example\njob_title: Democratic Services Officer\ndepartment: Legal and Governance\n\
             email: sam.example@{domain}.gov.uk\n"
        ),
    );

    let mut committee = String::from(
        "name: Council\nkind: full-council\nremit: |\n  The Council is made up of all the councillors. It sets the budget and the policy\n  \
         framework, and appoints the Leader and the committees.\ncontact: sam-example\nmembership:\n",
    );
    committee.push_str(&format!(
        "  - year: \"{}\"\n    members:\n      - person: pat-example\n        role: chair\n",
        year.label()
    ));
    committee.push_str(
        "# The business on every agenda, put on each new agenda by `agendum new meeting`. {previous_date}\n\
         # is the date of the previous meeting, {date} the meeting's, {year} its municipal year.\n\
         standing_items:\n",
    );
    for s in default_standing_items() {
        let mut entry = String::new();
        field(&mut entry, 4, "title", &s.title);
        entry.replace_range(0..4, "  - ");
        committee.push_str(&entry);
        if let Some(p) = &s.purpose {
            field(&mut committee, 4, "purpose", p);
        }
        if s.previous_minutes {
            committee.push_str("    previous_minutes: true\n");
        } else if s.procedural {
            committee.push_str("    procedural: true\n");
        }
        if s.position == StandingPosition::End {
            committee.push_str("    position: end\n");
        }
    }
    let parsed: crate::model::CommitteeFile = serde_saphyr::from_str(&committee)
        .map_err(|e| Error::new(format!("agendum made a committee.yaml it cannot read back: {e}")))?;
    plan.create(content.join("committees").join("council").join("committee.yaml"), committee);

    let standing = parsed.standing_items.unwrap_or_default();
    let items = standing_agenda(&standing, date, year, None, "committee.yaml")?;
    let draft = Draft {
        heading: format!("Council, {}.", crate::render::format::Day::of(date).long),
        time: Time::constant(18, 30, 0, 0),
        venue: (
            "Council Chamber, Town Hall".to_string(),
            vec!["High Street".to_string(), short.clone(), "AB1 2CD".into()],
        ),
        agenda_published: crate::dates::Calendar::default().clear_working_days_before(date, 5),
        first_minute: NextMinute {
            number: 1,
            basis: "the first minutes of the committee, so numbering starts at 1".into(),
        },
        items,
    };
    let meeting = draft.yaml();
    super::parses::<crate::model::MeetingFile>(&meeting, "meeting.yaml")?;
    plan.create(
        content.join("committees").join("council").join(date.to_string()).join("meeting.yaml"),
        meeting,
    );

    plan.create(dir.join("templates").join("report.md"), super::report::DEFAULT_TEMPLATE.to_string());
    if !dir.join(".gitignore").exists() {
        plan.create(dir.join(".gitignore"), "/public/\n/private/\n/.agendum-cache/\n".to_string());
    }

    plan.notes.push(format!(
        "a sample meeting of the Council on {} ({}), with its standing items",
        super::day(date),
        year.label()
    ));
    plan.notes.push(
        "the people (Pat Example, Sam Example), the addresses and base_url are placeholders: replace them"
            .into(),
    );
    plan.next.push(format!(
        "edit {}, then add people, committees and meetings (`agendum new meeting council <yyyy-mm-dd>`)",
        content.join("site.yaml").display()
    ));
    plan.next.push(format!("build it: agendum build --root {}", dir.display()));
    Ok(plan)
}
