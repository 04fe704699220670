//! `agendum new report <meeting> <slug>`: a report from the council's template, marked
//! `draft: true` so that it is never published until the clerk says it is ready, and added to
//! the meeting's agenda (a new item before the closing standing items and Part 2 business, or
//! `--item N`, an item already there).
//!
//! The template is `templates/report.md` in the site folder if there is one (`agendum new
//! site` writes it), or [`DEFAULT_TEMPLATE`]: the body of the report, with `{{title}}`,
//! `{{report_of}}`, `{{author}}`, `{{author_name}}`, `{{job_title}}`, `{{contact}}`,
//! `{{committee}}` and `{{meeting_date}}` filled in.

use std::io::{BufRead, Write};
use std::ops::Range;

use jiff::civil::Date;

use super::meeting::Item;
use super::{Change, Context, Error, FileChange, Plan, day, field};
use crate::diagnostics::closest;
use crate::model::{MeetingFile, PersonKind, ReportFront, StandingPosition, default_standing_items};

/// The council's standard report, as the sample reports and `docs/content-format.md` set it
/// out. Words in square brackets are for the author to replace.
pub const DEFAULT_TEMPLATE: &str = "\
## Report summary

[What the report is about and what the {{committee}} is asked to do, in two or three short paragraphs.]

## Recommendations

The {{committee}} is recommended:

(a) [to …]

## Reasons for recommendations

[Why these recommendations are made.]

## Wards affected

[The wards affected, or \"All wards\". Give the same wards in `wards:` above.]

## Local ward members

[Which ward councillors have been consulted, and what they said.]

## Policy implications

[How the recommendations fit the Council Plan and the policy framework.]

## Financial implications

[The costs and savings, and how they are funded. Cleared with the Director of Finance.]

## Legal implications

[The powers relied on and any legal risks. Cleared with the Monitoring Officer.]

## Risk management

[The main risks and how they are managed, including equality and climate impacts.]

## Background and options considered

[The background, and the alternative options considered and why they are not recommended.]

## Access to information

Background papers: [list them, or write \"none\"].

Contact: {{contact}}
";

/// Choices the clerk can make on the command line.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The report's title; by default made from its file name.
    pub title: Option<String>,
    /// Person slug of the author (required: see [`ask_author`]).
    pub author: Option<String>,
    /// Whose report it is, by role; by default the author's job title.
    pub report_of: Option<String>,
    /// Add the report to this agenda item instead of a new one.
    pub item: Option<u32>,
    /// The report's date; by default the meeting's `agenda_published`, or today.
    pub date: Option<Date>,
}

/// The officers, as (slug, "Name, Job title"), for choosing an author.
pub fn officers(ctx: &Context) -> Vec<(String, String)> {
    ctx.loaded
        .content
        .people
        .iter()
        .filter(|p| p.data.kind == PersonKind::Officer)
        .map(|p| {
            let label = match &p.data.job_title {
                Some(j) => format!("{}, {j}", p.display_name()),
                None => p.display_name(),
            };
            (p.slug.clone(), label)
        })
        .collect()
}

/// The error when no author is given and there is no one to ask.
pub fn author_needed(ctx: &Context) -> Error {
    let list: Vec<String> = officers(ctx).into_iter().map(|(s, l)| format!("{s} ({l})")).collect();
    Error::new("give the report's author with --author PERSON").help(if list.is_empty() {
        "the author is a person slug: the file name of content/people/<slug>.yaml".to_string()
    } else {
        format!("the officers are: {}", list.join("; "))
    })
}

/// Asks for the author on a terminal: lists the officers, reads a number or a person slug.
pub fn ask_author(ctx: &Context, input: &mut impl BufRead, output: &mut impl Write) -> Result<String, Error> {
    let list = officers(ctx);
    let io = |e: std::io::Error| Error::new(format!("cannot ask for the author: {e}"));
    writeln!(output, "Who is the report's author?").map_err(io)?;
    for (i, (slug, label)) in list.iter().enumerate() {
        writeln!(output, "  {:>2}. {label} ({slug})", i + 1).map_err(io)?;
    }
    for _ in 0..3 {
        write!(output, "Number or person id: ").map_err(io)?;
        output.flush().map_err(io)?;
        let mut line = String::new();
        if input.read_line(&mut line).map_err(io)? == 0 {
            break;
        }
        let answer = line.trim();
        if let Ok(n) = answer.parse::<usize>() {
            if let Some((slug, _)) = n.checked_sub(1).and_then(|i| list.get(i)) {
                return Ok(slug.clone());
            }
        } else if ctx.graph.people.contains_key(answer) {
            return Ok(answer.to_string());
        }
        let hint = closest(answer, ctx.graph.people.keys().map(String::as_str))
            .map_or_else(String::new, |c| format!(" (did you mean {c}?)"));
        writeln!(output, "`{answer}` is not one of the numbers or a person id{hint}").map_err(io)?;
    }
    Err(author_needed(ctx))
}

/// "budget-monitoring-q2" → "Budget monitoring q2".
fn title_from_slug(slug: &str) -> String {
    let words = slug.replace('-', " ");
    let mut c = words.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().collect::<String>() + c.as_str())
}

/// Plans `reports/<slug>.md` in a meeting folder and the change to its agenda.
pub fn plan(
    ctx: &Context,
    meeting_id: &str,
    slug: &str,
    options: &Options,
    today: Date,
) -> Result<Plan, Error> {
    let mi = ctx.meeting(meeting_id)?;
    let content = &ctx.loaded.content;
    let meeting = &content.meetings[mi];
    if !crate::slugs::is_slug(slug) {
        return Err(Error::new(format!(
            "`{slug}` cannot be a report's name: names are lower-case letters, digits and hyphens"
        ))
        .help(format!("use `{}`", crate::slugs::slugify(slug))));
    }
    let meeting_rel = ctx.loaded.sources.files[meeting.file].rel.clone();
    let folder = meeting_rel.trim_end_matches("meeting.yaml");
    let report_rel = format!("{folder}reports/{slug}.md");
    if meeting.reports.iter().any(|r| r.slug == slug)
        || ctx.loaded.broken.contains(&format!("{meeting_id}/{slug}"))
    {
        return Err(Error::new(format!(
            "there is already a report {meeting_id}/{slug}, in content/{report_rel}"
        ))
        .help("edit that file, or choose another name"));
    }
    let Some(author_slug) = options.author.clone() else { return Err(author_needed(ctx)) };
    let Some(&pi) = ctx.graph.people.get(&author_slug) else {
        let e = Error::new(format!("there is no person `{author_slug}`"));
        return Err(match closest(&author_slug, ctx.graph.people.keys().map(String::as_str)) {
            Some(c) => e.help(format!("did you mean `{c}`? People are the file names in content/people/")),
            None => author_needed(ctx),
        });
    };
    let author = &content.people[pi];
    let report_of = match (&options.report_of, &author.data.job_title) {
        (Some(r), _) => r.clone(),
        (None, Some(j)) => j.clone(),
        (None, None) => {
            return Err(Error::new(format!(
                "{} has no job title to give as whose report it is",
                author.display_name()
            ))
            .help("give it with --report-of, for example --report-of \"Director of Finance\""));
        }
    };
    let title = options.title.clone().unwrap_or_else(|| title_from_slug(slug));
    let date = options.date.or(meeting.data.agenda_published.as_ref().map(|d| d.value)).unwrap_or(today);
    let committee = &content.committees[ctx.committee(&meeting.committee)?];

    // The body, from the council's template.
    let template_path = ctx.root.join("templates").join("report.md");
    let (template, template_name) = match std::fs::read_to_string(&template_path) {
        Ok(t) => (t, template_path.display().to_string()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (DEFAULT_TEMPLATE.to_string(), String::new()),
        Err(e) => return Err(Error::new(format!("cannot read {}: {e}", template_path.display()))),
    };
    let mut contact = format!("[{}](@{author_slug})", author.data.name);
    for extra in [&author.data.job_title, &author.data.email, &author.data.phone].into_iter().flatten() {
        contact.push_str(&format!(", {extra}"));
    }
    contact.push('.');
    let values = [
        ("title", title.clone()),
        ("report_of", report_of.clone()),
        ("author", author_slug.clone()),
        ("author_name", author.data.name.clone()),
        ("job_title", author.data.job_title.clone().unwrap_or_default()),
        ("contact", contact),
        ("committee", committee.data.name.clone()),
        ("meeting_date", day(meeting.date)),
    ];
    let body = fill_template(&template, &values, &template_name)?;

    let mut front = String::new();
    field(&mut front, 0, "title", &title);
    field(&mut front, 0, "report_of", &report_of);
    field(&mut front, 0, "author", &author_slug);
    front.push_str("# The wards affected, for example [Millbrook, Riverside], or [\"All wards\"].\n");
    front.push_str("wards: [\"All wards\"]\n");
    front.push_str(&format!("date: {date}\n"));
    front.push_str("# Remove this line when the report is ready: until then it is never published.\n");
    front.push_str("draft: true\n");
    super::parses::<ReportFront>(&front, "report front matter")?;
    let text = format!("---\n{front}---\n\n{}", body.trim_start());

    let mut plan = Plan::default();
    plan.create(ctx.root.join("content").join(&report_rel), text);
    plan.notes.push(format!(
        "the report is by {} ({author_slug}) and is marked `draft: true`, so it is not published until that line is removed",
        author.display_name()
    ));
    if !template_name.is_empty() {
        plan.notes.push(format!("made from the council's template, {template_name}"));
    }

    // The agenda.
    let item = Item {
        title: title.clone(),
        purpose: Some(format!("To consider the report of the {report_of}.")),
        procedural: false,
        minutes_of: None,
        presenter: Some(author_slug.clone()),
    };
    let meeting_path = ctx.root.join("content").join(&meeting_rel);
    let was = ctx.loaded.sources.files[meeting.file].text.clone();
    let edited = match options.item {
        Some(n) => add_to_item(ctx, mi, n, slug, &was),
        None => add_item(ctx, mi, &item, slug, &was),
    };
    match edited {
        Ok((new_text, note)) => {
            plan.files.push(FileChange {
                path: meeting_path,
                contents: new_text,
                change: Change::Update { was },
            });
            plan.notes.push(note);
        }
        Err(e) => {
            if let Some(n) = options.item {
                if !meeting.data.agenda.iter().any(|i| i.number.value == n) {
                    return Err(e);
                }
            }
            plan.notes.push(format!(
                "could not add the report to the agenda of content/{meeting_rel} ({}): add `- {slug}` under the \
                 item's `reports:` by hand",
                e.message
            ));
        }
    }
    plan.next.push(format!("write the report in content/{report_rel}, then remove `draft: true`"));
    plan.next.push("then run `agendum build` (or `agendum check`)".into());
    ctx.caution(&mut plan);
    Ok(plan)
}

/// The template with `{{name}}` placeholders filled in.
fn fill_template(template: &str, values: &[(&str, String)], file: &str) -> Result<String, Error> {
    let mut out = String::new();
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            out.push_str("{{");
            rest = after;
            continue;
        };
        let name = after[..end].trim();
        match values.iter().find(|(k, _)| *k == name) {
            Some((_, v)) => out.push_str(v),
            None => {
                let names: Vec<String> = values.iter().map(|(k, _)| format!("{{{{{k}}}}}")).collect();
                let where_ =
                    if file.is_empty() { "the report template".to_string() } else { file.to_string() };
                return Err(Error::new(format!("{where_} has an unknown placeholder `{{{{{name}}}}}`"))
                    .help(format!("the placeholders are {}", names.join(", "))));
            }
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Where each agenda item is written in `meeting.yaml`: its lines, from its `- ` to the end of
/// its last line, and the columns of the `-` and of its keys.
struct ItemText {
    lines: Range<usize>,
    dash: usize,
    key: usize,
}

fn line_start(text: &str, offset: usize) -> usize {
    text[..offset].rfind('\n').map_or(0, |i| i + 1)
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The lines of `text` from `from`, as (start offset, line without its newline).
fn lines_from(text: &str, from: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut at = from;
    std::iter::from_fn(move || {
        if at >= text.len() {
            return None;
        }
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        let line = (at, text[at..end].trim_end_matches(['\n', '\r']));
        at = end;
        Some(line)
    })
}

fn item_texts(ctx: &Context, mi: usize, text: &str) -> Result<Vec<ItemText>, Error> {
    let meeting = &ctx.loaded.content.meetings[mi];
    let mut out: Vec<ItemText> = Vec::new();
    for item in &meeting.data.agenda {
        let span = ctx.loaded.sources.span_of(meeting.file, &item.number.referenced);
        if span.offset == 0 || span.offset > text.len() {
            return Err(Error::new("the agenda items could not be located in the file"));
        }
        // Back from the number to the line with this item's `- `.
        let mut start = line_start(text, span.offset);
        let number_col = span.offset - start;
        loop {
            let line = lines_from(text, start).next().map_or("", |(_, l)| l);
            let trimmed = line.trim_start_matches(' ');
            if (trimmed.starts_with("- ") || trimmed == "-") && indent(line) < number_col {
                break;
            }
            if start == 0 {
                return Err(Error::new("the agenda items could not be located in the file"));
            }
            start = line_start(text, start - 1);
        }
        let line = lines_from(text, start).next().map_or("", |(_, l)| l);
        let dash = indent(line);
        let key = dash + 1 + indent(&line[dash + 1..]);
        if let Some(prev) = out.last_mut() {
            prev.lines.end = start;
        }
        out.push(ItemText { lines: start..text.len(), dash, key });
    }
    // The last item ends before the first line at or left of its `-` that is not blank.
    if let Some(last) = out.last_mut() {
        let mut end = last.lines.start;
        for (at, line) in lines_from(text, last.lines.start).skip(1) {
            let t = line.trim_start_matches(' ');
            if t.is_empty() || t.starts_with('#') {
                continue;
            }
            if indent(line) <= last.dash {
                break;
            }
            end = at;
        }
        last.lines.end = lines_from(text, end).next().map_or(text.len(), |(at, l)| at + l.len());
        if text[last.lines.end..].starts_with("\r\n") {
            last.lines.end += 2;
        } else if text[last.lines.end..].starts_with('\n') {
            last.lines.end += 1;
        }
    }
    Ok(out)
}

/// An item's YAML, re-indented to the file's own `-` and key columns.
fn reindent(yaml: &str, dash: usize, key: usize) -> String {
    let mut out = String::new();
    for line in yaml.lines() {
        if let Some(rest) = line.strip_prefix("  - ") {
            out.push_str(&" ".repeat(dash));
            out.push('-');
            out.push_str(&" ".repeat(key.saturating_sub(dash + 1).max(1)));
            out.push_str(rest);
        } else if let Some(rest) = line.strip_prefix("    ") {
            out.push_str(&" ".repeat(key));
            out.push_str(rest);
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// Adds a new item for the report: before the closing standing items, the exclusion of the
/// press and public and Part 2 business, renumbering those, unless the meeting already has
/// minutes or something else refers to them by number; then at the end.
fn add_item(
    ctx: &Context,
    mi: usize,
    item: &Item,
    slug: &str,
    text: &str,
) -> Result<(String, String), Error> {
    let content = &ctx.loaded.content;
    let meeting = &content.meetings[mi];
    let agenda = &meeting.data.agenda;
    let mut with_report = item.yaml(0);
    with_report.push_str(&format!("    reports:\n      - {slug}\n"));
    if agenda.is_empty() {
        let new_item = with_report.replacen("number: 0", "number: 1", 1);
        let mut out = String::new();
        let mut replaced = false;
        for (_, line) in lines_from(text, 0) {
            if !replaced
                && (line == "agenda:" || line.starts_with("agenda: ") || line.starts_with("agenda:\t"))
            {
                out.push_str("agenda:\n");
                out.push_str(&new_item);
                replaced = true;
            } else {
                out.push_str(line);
                out.push('\n');
            }
        }
        if !replaced {
            out.push_str("agenda:\n");
            out.push_str(&new_item);
        }
        return check_added(out, 1, slug, agenda.len() + 1, "as item 1");
    }

    // The trailing business the report goes before.
    let committee = ctx.graph.committees.get(&meeting.committee).map(|&c| &content.committees[c]);
    let standing =
        committee.and_then(|c| c.data.standing_items.clone()).unwrap_or_else(default_standing_items);
    let values = [
        ("date", day(meeting.date)),
        ("year", ctx.year_of(meeting.date).label()),
        ("previous_date", String::new()),
    ];
    let closing: Vec<String> = standing
        .iter()
        .filter(|s| s.position == StandingPosition::End)
        .filter_map(|s| super::fill(&s.title, &values, "").ok())
        .map(|t| t.to_lowercase())
        .collect();
    let is_closing = |i: &crate::model::AgendaItem| {
        i.part.value == 2
            || closing.contains(&i.title.to_lowercase())
            || i.title.to_lowercase().contains("exclusion of the press and public")
    };
    let mut first_closing = agenda.len();
    while first_closing > 0 && is_closing(&agenda[first_closing - 1]) {
        first_closing -= 1;
    }
    let places = item_texts(ctx, mi, text)?;
    let renumber_ok = first_closing < agenda.len() && meeting.minutes.is_none() && {
        let id = meeting.id();
        !agenda[first_closing..].iter().any(|i| {
            let r = format!("{id}#{}", i.number.value);
            mentions(ctx, &r)
        })
    };
    let (dash, key) = (places[0].dash, places[0].key);
    if renumber_ok {
        let number = agenda[first_closing].number.value;
        let mut out = text.to_string();
        // Renumber from the end, so earlier offsets stay right.
        for i in agenda[first_closing..].iter().rev() {
            let span = ctx.loaded.sources.span_of(meeting.file, &i.number.referenced);
            out.replace_range(span.offset..span.offset + span.len, &(i.number.value + 1).to_string());
        }
        let at = places[first_closing].lines.start;
        out.insert_str(
            at,
            &reindent(&with_report.replacen("number: 0", &format!("number: {number}"), 1), dash, key),
        );
        let moved: Vec<String> = agenda[first_closing..].iter().map(|i| format!("\"{}\"", i.title)).collect();
        return check_added(
            out,
            number,
            slug,
            agenda.len() + 1,
            &format!("as item {number}, before {} (renumbered)", moved.join(", ")),
        );
    }
    let number = agenda.iter().map(|i| i.number.value).max().unwrap_or(0) + 1;
    let mut out = text.to_string();
    let at = places.last().map_or(text.len(), |p| p.lines.end);
    if at == out.len() && !out.ends_with('\n') {
        out.push('\n');
    }
    let at = at.min(out.len());
    out.insert_str(
        at,
        &reindent(&with_report.replacen("number: 0", &format!("number: {number}"), 1), dash, key),
    );
    let why = if first_closing < agenda.len() {
        " (the items after it were not renumbered, because the meeting has minutes or they are referred to by number: move it by hand if it should come earlier)"
    } else {
        ""
    };
    check_added(
        out,
        number,
        slug,
        agenda.len() + 1,
        &format!("as item {number}, at the end of the agenda{why}"),
    )
}

/// Adds the report to the `reports` of an existing item.
fn add_to_item(ctx: &Context, mi: usize, n: u32, slug: &str, text: &str) -> Result<(String, String), Error> {
    let meeting = &ctx.loaded.content.meetings[mi];
    let Some(ix) = meeting.data.agenda.iter().position(|i| i.number.value == n) else {
        let numbers: Vec<String> = meeting.data.agenda.iter().map(|i| i.number.value.to_string()).collect();
        return Err(Error::new(format!("{} has no agenda item {n}", meeting.id())).help(
            if numbers.is_empty() {
                "its agenda is empty: leave out --item to add a new item".to_string()
            } else {
                format!("its items are {}; leave out --item to add a new item", numbers.join(", "))
            },
        ));
    };
    let places = item_texts(ctx, mi, text)?;
    let place = &places[ix];
    let block = &text[place.lines.clone()];
    let mut out = text.to_string();
    // An existing `reports:` key of this item, if any.
    let mut reports_line = None;
    for (at, line) in lines_from(block, 0) {
        let key_col = if at == 0 { place.key } else { indent(line) };
        if key_col == place.key && line[key_col.min(line.len())..].starts_with("reports:") {
            reports_line = Some((at, line));
        }
    }
    match reports_line {
        None => {
            let at = place.lines.end;
            let lines = format!("{}reports:\n{}  - {slug}\n", " ".repeat(place.key), " ".repeat(place.key));
            if at == out.len() && !out.ends_with('\n') {
                out.push('\n');
            }
            out.insert_str(at.min(out.len()), &lines);
        }
        Some((at, line)) => {
            let value = line[place.key..].trim_start_matches("reports:").trim();
            if value.starts_with('[') && value.ends_with(']') {
                let close = place.lines.start + at + line.rfind(']').unwrap_or(line.len());
                let empty = value[1..value.len() - 1].trim().is_empty();
                out.insert_str(close, &if empty { slug.to_string() } else { format!(", {slug}") });
            } else if value.is_empty() {
                // Entries follow on deeper lines (or at the key's column, starting `- `).
                let mut end = place.lines.start + at + line.len() + 1;
                let mut entry_indent = place.key + 2;
                for (lat, l) in lines_from(block, at).skip(1) {
                    let t = l.trim_start_matches(' ');
                    if t.is_empty() || t.starts_with('#') {
                        continue;
                    }
                    let i = indent(l);
                    if i > place.key || (i == place.key && t.starts_with("- ")) {
                        if t.starts_with("- ") {
                            entry_indent = i;
                        }
                        end = place.lines.start + lat + l.len() + 1;
                    } else {
                        break;
                    }
                }
                let end = end.min(out.len());
                if end == out.len() && !out.ends_with('\n') {
                    out.push('\n');
                }
                out.insert_str(end.min(out.len()), &format!("{}- {slug}\n", " ".repeat(entry_indent)));
            } else {
                return Err(Error::new("its `reports:` is not written as a list"));
            }
        }
    }
    check_added(
        out,
        n,
        slug,
        meeting.data.agenda.len(),
        &format!("to item {n}, \"{}\"", meeting.data.agenda[ix].title),
    )
}

/// Reads the edited `meeting.yaml` back and makes sure it says what was meant.
fn check_added(
    text: String,
    number: u32,
    slug: &str,
    items: usize,
    how: &str,
) -> Result<(String, String), Error> {
    let parsed: MeetingFile = serde_saphyr::from_str(&text)
        .map_err(|e| Error::new(format!("the edited meeting.yaml could not be read back: {e}")))?;
    let ok = parsed.agenda.len() == items
        && parsed
            .agenda
            .iter()
            .any(|i| i.number.value == number && i.reports.iter().any(|r| r.value == slug));
    if !ok {
        return Err(Error::new("the edited meeting.yaml did not come out as intended"));
    }
    Ok((text, format!("added the report to the agenda {how}")))
}

/// Whether any file mentions `id`: the YAML files' texts are in the sources; report and minutes
/// bodies and Markdown appendices were moved into the model when they were loaded.
fn mentions(ctx: &Context, id: &str) -> bool {
    let content = &ctx.loaded.content;
    ctx.loaded.sources.files.iter().any(|f| f.text.contains(id))
        || content.meetings.iter().any(|m| {
            m.minutes.as_ref().is_some_and(|min| min.body.contains(id))
                || m.reports.iter().any(|r| {
                    r.links.iter().any(|l| l.dest.contains(id))
                        || r.appendices
                            .iter()
                            .any(|a| a.markdown.as_ref().is_some_and(|t| t.text_unnoted().contains(id)))
                })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_placeholders() {
        let v = [("title", "Budget".to_string()), ("committee", "Cabinet".to_string())];
        assert_eq!(fill_template("# {{title}} for {{ committee }}", &v, "").unwrap(), "# Budget for Cabinet");
        let e = fill_template("{{author_nam}}", &v, "templates/report.md").unwrap_err();
        assert!(e.message.contains("templates/report.md") && e.message.contains("{{author_nam}}"), "{e}");
        assert!(e.help.unwrap().contains("{{title}}"));
    }

    #[test]
    fn titles_from_slugs() {
        assert_eq!(title_from_slug("budget-monitoring-q2"), "Budget monitoring q2");
    }

    #[test]
    fn reindent_to_the_files_columns() {
        let yaml = "  - number: 4\n    title: A\n    reports:\n      - a\n";
        assert_eq!(reindent(yaml, 0, 2), "- number: 4\n  title: A\n  reports:\n    - a\n");
        assert_eq!(reindent(yaml, 2, 4), yaml);
    }
}
