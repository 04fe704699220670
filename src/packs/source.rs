//! The Typst source of a pack: cover, agenda with computed page ranges, then the papers in
//! agenda order (minutes, reports with their appendices, attached PDFs).

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::access::Edition;
use crate::link::{self, Graph, ItemKey, MeetingIx, ReportKey, Resolver};
use crate::load::resolve_relative;
use crate::model::{Content, ExemptParagraph, MinuteBlock, MinutesStatus};
use crate::render::format::{Day, time};
use crate::render::markdown::LinkContext;
use crate::render::urls::Urls;

use super::markup::{Embeds, lit, text, to_typst};
use super::pdf_page_count;

/// The layout preamble every document starts with.
const PREAMBLE: &str = include_str!("pack.typ");

/// What a pack generator reads.
pub struct Ctx<'a> {
    pub content: &'a Content,
    pub graph: &'a Graph,
    pub sources: &'a crate::diagnostics::Sources,
    pub urls: &'a Urls,
    pub edition: Edition,
    pub content_dir: &'a std::path::Path,
}

/// Which pack of a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The agenda as published, with every paper that came with it.
    Main,
    /// Items added, or papers published, after the agenda.
    Supplementary,
}

/// One paper in a pack.
#[derive(Debug, Clone)]
enum Paper {
    /// The minutes of an earlier meeting, for approval.
    Minutes(MeetingIx),
    /// A report with its appendices.
    Report(ReportKey),
    /// A PDF attached to the agenda item.
    Attachment { title: String, rel: String },
}

/// A generated document: its source, the files it embeds and, for packs, which papers belong to
/// which agenda item (item number → paper indexes).
pub struct Generated {
    pub source: String,
    pub embeds: Embeds,
    pub items: Vec<(u32, Vec<usize>)>,
}

/// The label at the start or end of paper `k`.
pub fn label(k: usize, end: bool) -> String {
    format!("agendum-p{k}-{}", if end { "end" } else { "start" })
}

impl Ctx<'_> {
    fn resolver(&self) -> Resolver<'_> {
        Resolver { content: self.content, graph: self.graph }
    }

    fn markdown(&self, md: &str, file: usize, embeds: &mut Embeds, top: u8, inline: bool) -> String {
        let resolver = self.resolver();
        let ctx = LinkContext {
            resolver: &resolver,
            urls: self.urls,
            file_rel: &self.sources.files[file].rel,
            files: self.graph.files_for(self.edition),
        };
        to_typst(md, &ctx, embeds, top, inline)
    }

    fn person(&self, slug: &str) -> String {
        link::person_name(self.content, self.graph, slug)
    }

    fn committee_name(&self, m: MeetingIx) -> String {
        let meeting = &self.content.meetings[m];
        self.graph
            .committees
            .get(&meeting.committee)
            .map(|&c| self.content.committees[c].data.name.clone())
            .unwrap_or_else(|| meeting.committee.clone())
    }

    fn members(&self) -> bool {
        self.edition == Edition::Members
    }

    /// Whether an item's papers go in the supplementary pack: it was added after the agenda, its
    /// papers were to follow, or one of its reports was published after the agenda.
    pub fn is_supplementary(&self, key: ItemKey) -> bool {
        let meeting = &self.content.meetings[key.0];
        let item = &meeting.data.agenda[key.1];
        if item.supplementary || item.to_follow {
            return true;
        }
        let agenda = meeting.data.agenda_published.as_ref().map(|d| d.value);
        self.graph.item_reports.get(&key).is_some_and(|rs| {
            rs.iter().any(|&(rm, ri)| {
                let r = &self.content.meetings[rm].reports[ri];
                let published = crate::access::report_published(
                    self.content.meetings[rm].data.agenda_published.as_ref().map(|d| d.value),
                    &r.front,
                );
                agenda.is_some_and(|a| published > a)
            })
        })
    }

    /// The papers an item brings to the pack, in order.
    fn papers(&self, key: ItemKey) -> Vec<Paper> {
        let meeting = &self.content.meetings[key.0];
        let item = &meeting.data.agenda[key.1];
        if !self.members() && self.graph.exempt_items.contains(&key) {
            return Vec::new();
        }
        let mut out = Vec::new();
        if let Some(&prev) = self.graph.item_minutes_of.get(&key) {
            if self.content.meetings[prev].minutes.is_some() {
                out.push(Paper::Minutes(prev));
            }
        }
        for &rk in self.graph.item_reports.get(&key).map_or(&[][..], |v| v.as_slice()) {
            if self.members() || !self.graph.exempt_reports.contains(&rk) {
                out.push(Paper::Report(rk));
            }
        }
        let from = &self.sources.files[meeting.file].rel;
        for d in &item.documents {
            let Ok(rel) = resolve_relative(from, &d.file.value) else { continue };
            if is_pdf(&rel) && self.graph.files_for(self.edition).contains(&rel) {
                out.push(Paper::Attachment { title: d.title.clone(), rel });
            }
        }
        out
    }

    /// Why a paper of an item is exempt, for the members' banner: the item's paragraph, the
    /// report's or the attachment's.
    fn paper_exempt(&self, key: ItemKey, paper: &Paper) -> Option<ExemptParagraph> {
        let meeting = &self.content.meetings[key.0];
        let item = &meeting.data.agenda[key.1];
        let item_p = item.exempt_paragraph.as_ref().map(|p| p.value);
        let own =
            match paper {
                Paper::Minutes(_) => None,
                Paper::Report((rm, ri)) => {
                    let r = &self.content.meetings[*rm].reports[*ri];
                    r.front.exempt_paragraph.as_ref().map(|p| p.value).or_else(|| {
                        self.graph.exempt_reports.contains(&(*rm, *ri)).then_some(item_p).flatten()
                    })
                }
                Paper::Attachment { rel, .. } => {
                    let from = &self.sources.files[meeting.file].rel;
                    item.documents
                        .iter()
                        .find(|d| resolve_relative(from, &d.file.value).ok().as_deref() == Some(rel.as_str()))
                        .and_then(|d| d.exempt_paragraph.as_ref().map(|p| p.value))
                }
            };
        if self.graph.exempt_items.contains(&key) { item_p.or(own) } else { own }
    }

    /// The Typst source of a meeting's pack, or `None` if it would hold no papers (a
    /// supplementary pack with nothing in it).
    pub fn pack(&self, m: MeetingIx, kind: Kind) -> Option<Generated> {
        let meeting = &self.content.meetings[m];
        let committee = self.committee_name(m);
        let day = Day::of(meeting.date);
        let heading = match kind {
            Kind::Main => "Agenda",
            Kind::Supplementary => "Supplementary agenda",
        };
        let title = format!("{committee}, {}: {heading}", day.long);
        let mut embeds = Embeds::default();
        let mut s = String::with_capacity(64 * 1024);
        s.push_str(PREAMBLE);
        self.document_settings(&mut s, &title, meeting.data.agenda_published.as_ref().map(|d| d.value));
        let footer = format!("{committee}, {} – {heading}", day.text);
        let _ = writeln!(
            s,
            "#set page(paper: \"a4\", margin: (x: 2.2cm, top: 2.2cm, bottom: 2.6cm), header: agendum-header, \
             background: agendum-blank, footer: agendum-footer({}))",
            text_block(&footer)
        );

        // Which items, and their papers.
        let items: Vec<usize> = (0..meeting.data.agenda.len())
            .filter(|&i| kind == Kind::Main || self.is_supplementary((m, i)))
            .collect();
        let mut papers: Vec<(ItemKey, Paper)> = Vec::new();
        let mut by_item: Vec<(u32, Vec<usize>)> = Vec::new();
        for &i in &items {
            let key = (m, i);
            let mut ks = Vec::new();
            // In the main pack, an item whose papers came later lists them in the supplementary pack.
            if kind == Kind::Main && self.is_supplementary(key) {
                by_item.push((meeting.data.agenda[i].number.value, ks));
                continue;
            }
            for p in self.papers(key) {
                ks.push(papers.len());
                papers.push((key, p));
            }
            by_item.push((meeting.data.agenda[i].number.value, ks));
        }
        if kind == Kind::Supplementary && papers.is_empty() {
            return None;
        }

        self.cover(&mut s, m, heading);
        // The agenda starts on a right-hand page.
        s.push_str("\n#metadata(none) <agendum-end>\n#pagebreak(to: \"odd\")\n");
        let _ = writeln!(s, "#heading(level: 1)[{}]\n#metadata(none) <agendum-start>", text(heading));
        let mut part2_started = false;
        for (&i, (number, ks)) in items.iter().zip(&by_item) {
            let key = (m, i);
            let item = &meeting.data.agenda[i];
            let exempt = self.graph.exempt_items.contains(&key);
            if exempt && !part2_started {
                part2_started = true;
                s.push_str("\n#v(1em)\n#agendum-notice[#strong[#\"Part 2: items which may be considered in private\"]\n\n");
                s.push_str(&text(
                    "The committee is asked to consider passing a resolution to exclude the press and public \
                     from the meeting for the following items, because they are likely to involve the \
                     disclosure of exempt information as defined in the paragraphs of Part 1 of Schedule \
                     12A to the Local Government Act 1972 shown beside each item.",
                ));
                s.push_str("]\n");
            }
            let shown_title = if exempt && !self.members() {
                item.public_title.clone().unwrap_or_else(|| item.title.clone())
            } else {
                item.title.clone()
            };
            let _ = writeln!(s, "\n#heading(level: 2)[{}]", text(&format!("{number}. {shown_title}")));
            if let (true, Some(p)) = (exempt, item.exempt_paragraph.as_ref()) {
                let _ = writeln!(
                    s,
                    "{}\n",
                    text(&format!(
                        "Exempt information: paragraph {} of Part 1 of Schedule 12A. {}",
                        p.value.0,
                        p.value.meaning().unwrap_or("")
                    ))
                );
            }
            if !exempt || self.members() {
                if let Some(purpose) = &item.purpose {
                    let _ = writeln!(
                        s,
                        "{}\n",
                        self.markdown(&purpose.value, meeting.file, &mut embeds, 3, true)
                    );
                }
                if let Some(p) = &item.presenter {
                    let _ = writeln!(s, "{}\n", text(&format!("Presented by: {}", self.person(&p.value))));
                }
            }
            let mut notes: Vec<String> = Vec::new();
            if item.verbal {
                notes.push("Verbal update".to_string());
            }
            if kind == Kind::Main && self.is_supplementary(key) && !item.verbal {
                notes.push("Papers in the supplementary agenda pack".to_string());
            }
            if let Some(u) = &item.urgency {
                notes.push(format!("Urgent item: {u}"));
            }
            for n in &notes {
                let _ = writeln!(s, "#emph[{}]\n", text(n));
            }
            if let (Some(&first), Some(&last)) = (ks.first(), ks.last()) {
                let _ = writeln!(
                    s,
                    "#align(right)[#strong[(#agendum-pages({}, {}))]]",
                    lit(&label(first, false)),
                    lit(&label(last, true))
                );
            }
        }

        s.push_str("\n#metadata(none) <agendum-end>\n");
        for (k, (key, paper)) in papers.iter().enumerate() {
            let exempt = if self.members() { self.paper_exempt(*key, paper) } else { None };
            s.push_str("\n#pagebreak(to: \"odd\")\n");
            if let Some(p) = exempt {
                // Every page up to the matching end marker carries the banner.
                let _ = writeln!(s, "#metadata({}) <agendum-xstart>", lit(&exempt_reason(p.0)));
            }
            let item_no = self.content.meetings[key.0].data.agenda[key.1].number.value;
            match paper {
                Paper::Minutes(prev) => self.minutes(&mut s, &mut embeds, *prev, item_no, k),
                Paper::Report(rk) => self.report(&mut s, &mut embeds, *rk, Some(item_no), Some(k)),
                Paper::Attachment { title, rel } => {
                    let kicker = format!("Agenda item {item_no}");
                    self.attached_pdf(&mut s, &mut embeds, title, rel, 1, Some(k), None, Some(&kicker));
                }
            }
            let _ = writeln!(s, "\n#metadata(none) <{}>\n#metadata(none) <agendum-end>", label(k, true));
            if exempt.is_some() {
                s.push_str("#metadata(none) <agendum-xend>\n");
            }
        }
        Some(Generated { source: s, embeds, items: by_item })
    }

    /// The Typst source of one report as a PDF of its own.
    pub fn report_pdf(&self, rk: ReportKey) -> Generated {
        let r = &self.content.meetings[rk.0].reports[rk.1];
        let mut embeds = Embeds::default();
        let mut s = String::with_capacity(32 * 1024);
        s.push_str(PREAMBLE);
        let title = r.front.title.clone();
        let meeting = &self.content.meetings[rk.0];
        self.document_settings(
            &mut s,
            &title,
            Some(crate::access::report_published(
                meeting.data.agenda_published.as_ref().map(|d| d.value),
                &r.front,
            )),
        );
        let exempt = self.members() && self.graph.exempt_reports.contains(&rk);
        let banner = if exempt {
            let p = r.front.exempt_paragraph.as_ref().map(|p| p.value.0).or_else(|| {
                self.graph.report_items.get(&rk).and_then(|items| {
                    items.iter().find_map(|(m, i)| {
                        self.content.meetings[*m].data.agenda[*i].exempt_paragraph.as_ref().map(|p| p.value.0)
                    })
                })
            });
            Some(match p {
                Some(p) => exempt_reason(p),
                None => "exempt information under Schedule 12A to the Local Government Act 1972".to_string(),
            })
        } else {
            None
        };
        let footer = format!("{} – {}", self.committee_name(rk.0), Day::of(meeting.date).text);
        let _ = writeln!(
            s,
            "#set page(paper: \"a4\", margin: (x: 2.2cm, top: 2.2cm, bottom: 2.6cm), header: agendum-header, \
             footer: agendum-footer-all({}))",
            text_block(&footer)
        );
        if let Some(b) = &banner {
            let _ = writeln!(s, "#metadata({}) <agendum-xstart>", lit(b));
        }
        let item = self
            .graph
            .report_items
            .get(&rk)
            .and_then(|v| v.iter().find(|(m, _)| *m == rk.0))
            .map(|&(m, i)| self.content.meetings[m].data.agenda[i].number.value);
        self.report(&mut s, &mut embeds, rk, item, None);
        if banner.is_some() {
            s.push_str("\n#metadata(none) <agendum-xend>\n");
        }
        Generated { source: s, embeds, items: Vec::new() }
    }

    fn document_settings(&self, s: &mut String, title: &str, date: Option<jiff::civil::Date>) {
        let _ =
            write!(s, "\n#set document(title: {}, author: ({},)", lit(title), lit(&self.content.site.name));
        if let Some(d) = date {
            let _ = write!(s, ", date: datetime(year: {}, month: {}, day: {})", d.year(), d.month(), d.day());
        }
        s.push_str(")\n");
        let lang = self.content.site.language.split('-').next().unwrap_or("en").to_ascii_lowercase();
        if lang.len() == 2 && lang.chars().all(|c| c.is_ascii_lowercase()) && lang != "en" {
            let _ = writeln!(s, "#set text(lang: {}, region: none)", lit(&lang));
        }
    }

    fn cover(&self, s: &mut String, m: MeetingIx, heading: &str) {
        let meeting = &self.content.meetings[m];
        let site = &self.content.site;
        let day = Day::of(meeting.date);
        let committee = self.committee_name(m);
        let _ = writeln!(s, "#align(right, text(size: 14pt, weight: \"bold\")[{}])", text(&site.name));
        s.push_str("#v(1.5cm)\n");
        let mut name = committee.clone();
        if let Some(t) = &meeting.data.title {
            name = format!("{name}: {t}");
        }
        let _ = writeln!(s, "#text(size: 13pt)[{}]", text(heading));
        let _ = writeln!(s, "#heading(level: 1)[{}]", text(&format!("{name}, {}", day.long)));
        let mut facts = vec![
            ("Date".to_string(), day.long.clone()),
            ("Time".to_string(), time(meeting.data.time)),
            ("Venue".to_string(), {
                let mut v = meeting.data.venue.name.clone();
                for a in &meeting.data.venue.address {
                    v.push_str(", ");
                    v.push_str(a);
                }
                v
            }),
        ];
        if meeting.data.status != crate::model::MeetingStatus::Scheduled
            && meeting.data.status != crate::model::MeetingStatus::Held
        {
            facts.push(("Status".to_string(), meeting.data.status.label().to_string()));
        }
        if let Some(p) = &meeting.data.agenda_published {
            facts.push(("Agenda published".to_string(), Day::of(p.value).text));
        }
        let committee_ix = self.graph.committees.get(&meeting.committee).copied();
        if let Some(c) = committee_ix {
            let contact = &self.content.committees[c].data.contact.value;
            let mut line = self.person(contact);
            if let Some(&pi) = self.graph.people.get(contact) {
                let p = &self.content.people[pi].data;
                for v in [&p.job_title, &p.phone, &p.email].into_iter().flatten() {
                    line.push_str(", ");
                    line.push_str(v);
                }
            }
            facts.push(("Contact".to_string(), line));
        }
        s.push_str("#agendum-facts(");
        for (k, v) in &facts {
            let _ = write!(s, "({}, {}), ", text_block(k), text_block(v));
        }
        s.push_str(")\n");
        if let Some(c) = committee_ix {
            let year = self.graph.meeting_year[m];
            let committee = &self.content.committees[c];
            let members: Vec<String> = committee
                .data
                .membership
                .iter()
                .zip(&committee.years)
                .filter(|(_, y)| **y == Some(year))
                .flat_map(|(ms, _)| ms.members.iter())
                .filter(|mb| mb.role != crate::model::MemberRole::Substitute)
                .map(|mb| match mb.role {
                    crate::model::MemberRole::Member => self.person(&mb.person.value),
                    role => format!("{} ({})", self.person(&mb.person.value), role.label()),
                })
                .collect();
            if !members.is_empty() {
                let _ = writeln!(s, "\n#strong[{}]", text(&format!("Membership {}", year.label())));
                let _ = writeln!(
                    s,
                    "#columns(2, gutter: 1em)[#set par(spacing: 0.4em)\n{}]",
                    members.iter().map(|n| format!("{}\n\n", text(n))).collect::<String>()
                );
            }
        }
        s.push_str("\n#agendum-notice[");
        s.push_str(&text(
            "This agenda is in two parts. Part 1 is business the public may attend and whose papers are \
             published. Part 2 is business the committee may consider in private, with the press and \
             public excluded, because it involves exempt information as defined in Schedule 12A to the \
             Local Government Act 1972; the papers for Part 2 items are not published.",
        ));
        if self.members() {
            s.push_str("\n\n#strong[");
            s.push_str(&text(
                "Members' edition: this pack includes Part 2 papers, marked NOT FOR PUBLICATION on every \
                 page. Do not disclose them.",
            ));
            s.push(']');
        }
        s.push_str("]\n");
        let _ = writeln!(
            s,
            "#v(1fr)\n#text(size: 9pt)[{}]",
            text(&format!(
                "Papers are also published at {}",
                self.urls.absolute(&self.urls.meeting(&meeting.committee, meeting.date))
            ))
        );
    }

    fn report(
        &self,
        s: &mut String,
        embeds: &mut Embeds,
        rk: ReportKey,
        item: Option<u32>,
        k: Option<usize>,
    ) {
        let meeting = &self.content.meetings[rk.0];
        let r = &meeting.reports[rk.1];
        let exempt = self.graph.exempt_reports.contains(&rk);
        let mut kicker = format!("{}, {}", self.committee_name(rk.0), Day::of(meeting.date).text);
        if let Some(n) = item {
            kicker.push_str(&format!(" – agenda item {n}"));
        }
        let _ = writeln!(s, "#text(size: 9pt)[{}]", text(&kicker));
        let _ = writeln!(s, "#heading(level: 1)[{}]", text(&r.front.title));
        if let Some(k) = k {
            let _ = writeln!(s, "#metadata(none) <{}>\n#metadata(none) <agendum-start>", label(k, false));
        }
        let mut facts = vec![("Report of".to_string(), r.front.report_of.clone())];
        let mut author = self.person(&r.front.author.value);
        if let Some(&pi) = self.graph.people.get(&r.front.author.value) {
            let p = &self.content.people[pi].data;
            for v in [&p.job_title, &p.email, &p.phone].into_iter().flatten() {
                author.push_str(", ");
                author.push_str(v);
            }
        }
        facts.push(("Contact officer".to_string(), author));
        if let Some(p) = &r.front.portfolio_holder {
            facts.push(("Portfolio holder".to_string(), self.person(&p.value)));
        }
        if !r.front.wards.is_empty() {
            facts.push(("Wards affected".to_string(), r.front.wards.join(", ")));
        }
        facts.push((
            "Key decision".to_string(),
            match &r.front.key_decision {
                Some(k) => format!("Yes (forward plan reference {})", k.value),
                None => "No".to_string(),
            },
        ));
        facts.push(("Date".to_string(), Day::of(r.front.date.value).text));
        if r.front.draft {
            facts.push(("Status".to_string(), "Draft: not yet published".to_string()));
        }
        if exempt {
            let p = r.front.exempt_paragraph.as_ref().map(|p| p.value.0);
            facts.push((
                "Exempt".to_string(),
                match p {
                    Some(p) => format!(
                        "Yes: paragraph {p} of Part 1 of Schedule 12A to the Local Government Act 1972"
                    ),
                    None => "Yes: the agenda item is exempt under Schedule 12A".to_string(),
                },
            ));
        }
        s.push_str("#agendum-facts(");
        for (k, v) in &facts {
            let _ = write!(s, "({}, {}), ", text_block(k), text_block(v));
        }
        s.push_str(")\n");
        let body = r.body.read().unwrap_or_else(|e| {
            embeds.unreadable.push(e);
            String::new()
        });
        s.push_str(&self.markdown(&body, r.file, embeds, 2, false));
        // Appendices: Markdown ones are set here, PDFs included page by page, others listed.
        for a in &r.appendices {
            let withheld = a.exempt.is_some() && !self.members();
            if withheld {
                let _ = writeln!(
                    s,
                    "\n#agendum-notice[{}]\n",
                    text(&format!(
                        "{}: not for publication by virtue of paragraph {} of Part 1 of Schedule 12A to the Local Government Act 1972.",
                        a.public_title.as_deref().unwrap_or(&a.title),
                        a.exempt.map_or(0, |p| p.0)
                    ))
                );
                continue;
            }
            // An exempt appendix of a public report (members' edition): its pages carry the banner.
            let banner = (a.exempt.is_some() && !(exempt && self.members())).then(|| {
                format!("#metadata({}) <agendum-xstart>\n", lit(&exempt_reason(a.exempt.map_or(0, |p| p.0))))
            });
            if let Some(md) = &a.markdown {
                s.push_str("\n#pagebreak(weak: true)\n");
                let _ = writeln!(s, "#heading(level: 2)[{}]", text(&a.title));
                if let Some(b) = &banner {
                    s.push_str(b);
                }
                s.push_str(&self.markdown(md.read(), md.file, embeds, 3, false));
                if banner.is_some() {
                    s.push_str("\n#metadata(none) <agendum-xend>\n");
                }
            } else if is_pdf(&a.path) && self.graph.files_for(self.edition).contains(&a.path) {
                self.attached_pdf(s, embeds, &a.title, &a.path, 2, None, banner.as_deref(), None);
                if banner.is_some() {
                    s.push_str("#metadata(none) <agendum-xend>\n");
                }
            } else if self.graph.files_for(self.edition).contains(&a.path) {
                let url = self.urls.absolute(&self.urls.file(&a.path));
                let _ = writeln!(
                    s,
                    "\n#agendum-notice[{} #link({})[{}]]\n",
                    text(&format!(
                        "{} ({}) is published online:",
                        a.title,
                        crate::render::format::format_of(&a.path)
                    )),
                    lit(&url),
                    text(&url)
                );
            }
        }
    }

    /// An attached PDF, page by page, scaled to fit inside the pack's margins so that the pack's
    /// page numbers still show.
    #[allow(clippy::too_many_arguments)]
    fn attached_pdf(
        &self,
        s: &mut String,
        embeds: &mut Embeds,
        title: &str,
        rel: &str,
        level: u8,
        k: Option<usize>,
        banner: Option<&str>,
        kicker: Option<&str>,
    ) {
        let real = self.content_dir.join(rel);
        let count = std::fs::read(&real).ok().and_then(|b| pdf_page_count(&b));
        s.push_str("\n#pagebreak(weak: true)\n");
        if let Some(kicker) = kicker {
            let _ = writeln!(s, "#text(size: 9pt)[{}]", text(kicker));
        }
        let _ = writeln!(s, "#heading(level: {level})[{}]", text(title));
        if let Some(b) = banner {
            s.push_str(b);
        }
        if let Some(k) = k {
            let _ = writeln!(s, "#metadata(none) <{}>\n#metadata(none) <agendum-start>", label(k, false));
        }
        match count {
            Some(n) if n > 0 => {
                let name = embeds.add(rel);
                for page in 1..=n {
                    if page > 1 {
                        s.push_str("#pagebreak()\n");
                    }
                    let _ = writeln!(
                        s,
                        "#block(width: 100%, height: 1fr, image({}, page: {page}, width: 100%, height: 100%, fit: \"contain\", alt: {}))",
                        lit(&name),
                        lit(&format!("{title}, page {page} of {n}"))
                    );
                }
            }
            _ => {
                let url = self.urls.absolute(&self.urls.file(rel));
                let _ = writeln!(
                    s,
                    "#agendum-notice[{} #link({})[{}]]",
                    text("This document could not be included in the pack. It is published at"),
                    lit(&url),
                    text(&url)
                );
            }
        }
    }

    fn minutes(&self, s: &mut String, embeds: &mut Embeds, prev: MeetingIx, item: u32, k: usize) {
        let meeting = &self.content.meetings[prev];
        let Some(min) = &meeting.minutes else { return };
        let _ = writeln!(s, "#text(size: 9pt)[{}]", text(&format!("Agenda item {item}")));
        let _ = writeln!(
            s,
            "#heading(level: 1)[{}]",
            text(&format!(
                "Minutes of the meeting of the {} held on {}",
                self.committee_name(prev),
                Day::of(meeting.date).long
            ))
        );
        let _ = writeln!(s, "#metadata(none) <{}>\n#metadata(none) <agendum-start>", label(k, false));
        let status = match min.front.status {
            MinutesStatus::Draft => "Draft minutes, to be approved as a correct record",
            MinutesStatus::Approved => "Approved as a correct record",
        };
        let mut facts = vec![
            ("Status".to_string(), status.to_string()),
            ("Time".to_string(), format!("{} to {}", time(min.front.started), time(min.front.closed))),
            ("Venue".to_string(), meeting.data.venue.name.clone()),
        ];
        let names = |list: &mut dyn Iterator<Item = String>| list.collect::<Vec<_>>().join(", ");
        let present = names(&mut min.front.present.iter().map(|a| match a.role {
            Some(r) if r != crate::model::MemberRole::Member => {
                format!("{} ({})", self.person(&a.person.value), r.label())
            }
            _ => self.person(&a.person.value),
        }));
        if !present.is_empty() {
            facts.push(("Present".to_string(), present));
        }
        let apologies = names(&mut min.front.apologies.iter().map(|p| self.person(&p.value)));
        if !apologies.is_empty() {
            facts.push(("Apologies".to_string(), apologies));
        }
        let also = names(&mut min.front.also_present.iter().map(|p| self.person(&p.value)));
        if !also.is_empty() {
            facts.push(("Also present".to_string(), also));
        }
        let officers = names(&mut min.front.officers.iter().map(|p| self.person(&p.value)));
        if !officers.is_empty() {
            facts.push(("Officers".to_string(), officers));
        }
        s.push_str("#agendum-facts(");
        for (k, v) in &facts {
            let _ = write!(s, "({}, {}), ", text_block(k), text_block(v));
        }
        s.push_str(")\n");
        if let Some(p) = &min.preamble {
            s.push_str(&self.markdown(&min.body[p.clone()], min.file, embeds, 2, false));
        }
        for (n, minute) in min.minutes.iter().enumerate() {
            let _ = writeln!(
                s,
                "\n#heading(level: 2)[{}]",
                text(&format!("{}. {}", minute.number, minute.title))
            );
            if self.graph.minute_is_exempt((prev, n)) {
                if !self.members() {
                    s.push_str("#agendum-notice[");
                    s.push_str(&text(
                        "This minute is not for publication: it records business taken in private under \
                         Schedule 12A to the Local Government Act 1972.",
                    ));
                    if let Some(sum) =
                        min.front.exempt_summaries.iter().find(|x| x.minute.value == minute.number)
                    {
                        s.push_str("\n\n");
                        s.push_str(&self.markdown(&sum.summary, min.file, embeds, 3, true));
                    }
                    s.push_str("]\n");
                    continue;
                }
                s.push_str(
                    "#agendum-notice[#strong[#\"NOT FOR PUBLICATION: exempt minute (Schedule 12A)\"]]\n",
                );
            }
            for b in &minute.blocks {
                match b {
                    MinuteBlock::Text(r) => {
                        s.push_str(&self.markdown(&min.body[r.clone()], min.file, embeds, 3, false))
                    }
                    MinuteBlock::Resolved(list) => {
                        s.push_str(
                            "\n#strong[#\"RESOLVED –\"]\n\n#grid(columns: (2.2em, 1fr), row-gutter: 0.7em, ",
                        );
                        for res in list {
                            let text_md =
                                self.markdown(&min.body[res.text.clone()], min.file, embeds, 3, true);
                            let _ = write!(s, "[{}], [{}], ", text(&format!("({})", res.label)), text_md);
                        }
                        s.push_str(")\n\n");
                    }
                }
            }
        }
    }
}

/// The reason on the members' banner: "by virtue of paragraph 3 of …".
fn exempt_reason(paragraph: u8) -> String {
    format!("by virtue of paragraph {paragraph} of Part 1 of Schedule 12A to the Local Government Act 1972")
}

/// A piece of plain text as a Typst content block argument: `[#"…"]`.
fn text_block(s: &str) -> String {
    format!("[{}]", text(s))
}

fn is_pdf(rel: &str) -> bool {
    rel.to_ascii_lowercase().ends_with(".pdf")
}

/// Meetings that get a pack: an agenda that has been published.
pub fn has_pack(content: &Content, m: MeetingIx) -> bool {
    let meeting = &content.meetings[m];
    meeting.data.agenda_published.is_some() && !meeting.data.agenda.is_empty()
}

/// The set of report keys that get a PDF of their own in this edition.
pub fn reports(content: &Content, graph: &Graph, edition: Edition) -> Vec<ReportKey> {
    let exempt: &BTreeSet<ReportKey> = &graph.exempt_reports;
    let mut out = Vec::new();
    for (mi, m) in content.meetings.iter().enumerate() {
        for ri in 0..m.reports.len() {
            if edition == Edition::Members || !exempt.contains(&(mi, ri)) {
                out.push((mi, ri));
            }
        }
    }
    out
}
