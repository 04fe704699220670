//! The id grammar and Markdown link extraction.

use super::{Graph, ItemKey, MeetingIx, MinuteKey, ReportKey};
use crate::diagnostics::closest;
use crate::model::Content;

/// What an id leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A person.
    Person(usize),
    /// A committee.
    Committee(usize),
    /// A meeting.
    Meeting(MeetingIx),
    /// An agenda item.
    Item(ItemKey),
    /// A report.
    Report(ReportKey),
    /// A meeting's minutes.
    Minutes(MeetingIx),
    /// One minute.
    Minute(MinuteKey),
    /// A committee's work programme.
    WorkProgramme(usize),
    /// A planned work programme item.
    WorkItem(super::WorkKey),
    /// A forward plan entry.
    PlanEntry(usize),
    /// A decision in the register.
    Decision(usize),
    /// A matter.
    Matter(usize),
}

/// Resolves an id, or explains what is wrong with it (with the closest id that exists).
pub fn resolve(content: &Content, graph: &Graph, id: &str) -> Result<Target, String> {
    resolve_link(content, graph, id)
}

/// As [`resolve`], for an id written in a YAML field rather than as an `@` link: a suggestion
/// is written without the `@`.
pub fn resolve_field(content: &Content, graph: &Graph, id: &str) -> Result<Target, String> {
    resolve_link(content, graph, id).map_err(|help| help.replace("`@", "`"))
}

fn resolve_link(content: &Content, graph: &Graph, id: &str) -> Result<Target, String> {
    let (base, frag) = match id.split_once('#') {
        Some((b, f)) => (b, Some(f)),
        None => (id, None),
    };
    let parts: Vec<&str> = base.split('/').collect();
    // `part` is the part of `id` that names nothing; a suggestion is `id` with that part
    // replaced by the closest candidate, so a fragment or a report slug after it is kept.
    let suggest_part = |what: &str, part: &str, candidates: Vec<String>| -> String {
        match closest(part, candidates.iter().map(String::as_str)) {
            Some(c) => format!("there is no {what} `{part}`; did you mean `@{}`?", id.replacen(part, c, 1)),
            None => format!("there is no {what} `{part}`; see docs/content-format.md for how to write ids"),
        }
    };
    let suggest = |what: &str, candidates: Vec<String>| suggest_part(what, base, candidates);
    match (parts.as_slice(), frag) {
        (["forward-plan", slug], None) => {
            match content.forward_plan.binary_search_by(|p| p.slug.as_str().cmp(slug)) {
                Ok(i) => Ok(Target::PlanEntry(i)),
                Err(_) => Err(suggest(
                    "forward plan entry",
                    content.forward_plan.iter().map(|p| format!("forward-plan/{}", p.slug)).collect(),
                )),
            }
        }
        (["decisions", id], None) => match graph.records.decision_ids.get(*id) {
            Some(&d) => Ok(Target::Decision(d)),
            None => Err(suggest(
                "decision",
                sorted(graph.records.decision_ids.keys())
                    .into_iter()
                    .map(|k| format!("decisions/{k}"))
                    .collect(),
            )),
        },
        (["matters", slug], None) => match graph.records.matter_ix.get(*slug) {
            Some(&m) => Ok(Target::Matter(m)),
            None => Err(suggest(
                "matter",
                sorted(graph.records.matter_ix.keys()).into_iter().map(|k| format!("matters/{k}")).collect(),
            )),
        },
        ([c, "work-programme"], frag) => {
            let Some(&w) = graph.records.work_programme_of.get(*c) else {
                return Err(format!(
                    "the committee `{c}` has no work programme (content/committees/{c}/work-programme.yaml)"
                ));
            };
            match frag {
                None => Ok(Target::WorkProgramme(w)),
                Some(f) => match graph.records.work_items.get(id) {
                    Some(&k) => Ok(Target::WorkItem(k)),
                    None => Err(format!("the work programme of `{c}` has no item `{f}`")),
                },
            }
        }
        ([one], None) => {
            if let Some(&p) = graph.people.get(*one) {
                Ok(Target::Person(p))
            } else if let Some(&c) = graph.committees.get(*one) {
                Ok(Target::Committee(c))
            } else {
                let mut all: Vec<String> = graph.people.keys().cloned().collect();
                all.extend(graph.committees.keys().cloned());
                all.sort();
                Err(suggest("person or committee", all))
            }
        }
        ([c, d], frag) => {
            let mid = format!("{c}/{d}");
            let Some(&m) = graph.meetings.get(&mid) else {
                return Err(suggest_part("meeting", &mid, sorted(graph.meetings.keys())));
            };
            match frag {
                None => Ok(Target::Meeting(m)),
                Some(n) => {
                    let agenda = &content.meetings[m].data.agenda;
                    match n.parse::<u32>().ok().and_then(|n| agenda.iter().position(|i| i.number.value == n))
                    {
                        Some(i) => Ok(Target::Item((m, i))),
                        None => Err(format!(
                            "the meeting {mid} has no agenda item {n}; its items are numbered {}",
                            agenda.iter().map(|i| i.number.value.to_string()).collect::<Vec<_>>().join(", ")
                        )),
                    }
                }
            }
        }
        ([c, d, "minutes"], frag) => {
            let mid = format!("{c}/{d}");
            let Some(&m) = graph.meetings.get(&mid) else {
                return Err(suggest_part("meeting", &mid, sorted(graph.meetings.keys())));
            };
            let Some(min) = &content.meetings[m].minutes else {
                return Err(format!("the meeting {mid} has no minutes yet"));
            };
            match frag {
                None => Ok(Target::Minutes(m)),
                Some(n) => {
                    match n.parse::<u32>().ok().and_then(|n| min.minutes.iter().position(|x| x.number == n)) {
                        Some(i) => Ok(Target::Minute((m, i))),
                        None => Err(format!("the minutes of {mid} have no minute {n}")),
                    }
                }
            }
        }
        ([c, d, slug], None) => {
            let mid = format!("{c}/{d}");
            let Some(&m) = graph.meetings.get(&mid) else {
                return Err(suggest_part("meeting", &mid, sorted(graph.meetings.keys())));
            };
            let reports = &content.meetings[m].reports;
            match reports.iter().position(|r| r.slug == *slug) {
                Some(r) => Ok(Target::Report((m, r))),
                None => {
                    let all = reports.iter().map(|r| format!("{mid}/{}", r.slug)).collect();
                    Err(suggest("report", all))
                }
            }
        }
        _ => Err(format!(
            "`{id}` is not an id: write a person or committee slug, committee/yyyy-mm-dd for a meeting, \
             committee/yyyy-mm-dd#N for an item, committee/yyyy-mm-dd/report-slug for a report or \
             committee/yyyy-mm-dd/minutes#N for a minute"
        )),
    }
}

fn sorted<'a>(keys: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut v: Vec<String> = keys.cloned().collect();
    v.sort();
    v
}

pub use crate::load::markdown_links;
pub use crate::model::MarkdownLink;

/// Whether a link leaves the site or stays in the page (left as written).
pub fn is_external(dest: &str) -> bool {
    let lower = dest.get(..8).unwrap_or(dest).to_ascii_lowercase();
    dest.starts_with('#')
        || lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("mailto:")
        || lower.starts_with("tel:")
}
