//! Typed template contexts, built from the graph. Templates get ids, titles, dates and URLs of
//! other records, never their bodies. Exempt (Part 2) content is never put into a context.

mod archive;
mod records;
mod statement;

use serde::Serialize;

use super::format::{Day, format_of, size, time};
use super::markdown::{LinkContext, Render, to_html};
use super::urls::Urls;
use crate::diagnostics::Sources;
use crate::link::{Attendance, Graph, ItemKey, MeetingIx, ReportKey, Resolver, members_in_year};
use crate::model::{
    AgendaItem, Committee, Content, ExemptParagraph, Meeting, MeetingStatus, MemberRole, MinuteBlock,
    MinutesStatus, MunicipalYear, Person, PersonKind, Spanned,
};

/// Everything page builders share.
pub struct Builder<'a> {
    /// The content.
    pub content: &'a Content,
    /// The graph.
    pub graph: &'a Graph,
    /// URLs.
    pub urls: &'a Urls,
    /// Sources (for relative link resolution).
    pub sources: &'a Sources,
    /// Sizes of files in `content/` that are not text, by path.
    pub sizes: &'a std::collections::BTreeMap<String, u64>,
    /// Site-wide context.
    pub site: SiteCtx,
    /// Which edition is being built.
    pub edition: crate::access::Edition,
    /// Publication dates by document id, from the publication record.
    pub published: std::collections::BTreeMap<String, Vec<jiff::civil::Date>>,
    /// The PDFs written: agenda packs with their page ranges, and report PDFs.
    pub packs: super::reuse::TrackedPacks<'a>,
    /// Accessibility problems the build found (for the accessibility statement).
    pub findings: &'a [crate::check::accessibility::Finding],
    /// Lists many pages share, made once by whichever page needs them first.
    pub memo: Memo,
}

/// Lists that many pages need, computed once per build (list pages would otherwise each rebuild
/// the whole archive's list: quadratic at archive scale). What makes them must not read the
/// PDFs or the build's date (`Graph::as_of`): only the page that happened to make a list would
/// have the read noted (see `reuse`), and the others would be kept when the date moves on.
#[derive(Debug, Default)]
pub struct Memo {
    latest: std::sync::OnceLock<Option<jiff::civil::Date>>,
    pub(super) papers: std::sync::OnceLock<Vec<(crate::model::MunicipalYear, archive::PaperEntry)>>,
    pub(super) wards:
        std::sync::OnceLock<std::collections::BTreeMap<String, (String, Vec<archive::PaperEntry>)>>,
}

/// Site-wide values every page shows.
#[derive(Debug, Serialize)]
pub struct SiteCtx {
    /// Authority name.
    pub name: String,
    /// Short name.
    pub short_name: String,
    /// Language tag.
    pub lang: String,
    /// Home URL.
    pub home: String,
    /// Committees list URL.
    pub committees: String,
    /// Meetings archive URL.
    pub meetings: String,
    /// People list URL.
    pub people: String,
    /// Forward plan URL.
    pub forward_plan: String,
    /// Decisions register URL.
    pub decisions: String,
    /// Matters URL.
    pub matters: String,
    /// Stylesheet URL.
    pub css: String,
    /// The search page.
    pub search: String,
    /// `/papers/`.
    pub papers: String,
    /// `/wards/`.
    pub wards: String,
    /// The accessibility statement.
    pub accessibility: String,
    /// The search page's script.
    pub search_script: String,
    /// Script URL (progressive enhancements only).
    pub script: String,
    /// Authority address lines.
    pub address: Vec<String>,
    /// Democratic services team.
    pub contact_name: String,
    /// Its email.
    pub contact_email: String,
    /// Its phone.
    pub contact_phone: Option<String>,
    /// Its postal address, if different from the authority's.
    pub contact_address: Vec<String>,
    /// The members' edition (exempt material included and marked).
    pub members: bool,
    /// The publication record's address.
    pub publication_record: String,
    /// Licence (HTML).
    pub licence_html: String,
}

/// A link.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    /// Text.
    pub title: String,
    /// URL.
    pub url: String,
}

/// Per-page values for `<head>`, the breadcrumb and the footer.
#[derive(Debug, Serialize)]
pub struct Meta {
    /// The document's own title (the `<h1>`).
    pub title: String,
    /// `<title>`: the document and the authority.
    pub head_title: String,
    /// Absolute canonical URL.
    pub canonical: String,
    /// Breadcrumb trail, home first, not including this page.
    pub breadcrumbs: Vec<Link>,
    /// When the content last changed.
    pub updated: Option<Day>,
    /// Meta description.
    pub description: String,
    /// For a page with exempt material in the members' edition: the "not for publication" mark.
    pub exempt: Option<String>,
    /// When the document was published and revised, from the publication record.
    pub publication: Option<PublicationCtx>,
    /// What the search index records about the page; `None` keeps it out of the index.
    pub search: Option<SearchMeta>,
}

/// A page's search filters and result details (Pagefind `data-pagefind-filter`/`-meta`).
#[derive(Debug, Serialize)]
pub struct SearchMeta {
    /// Document type: "Report", "Minutes", "Agenda item" …
    pub kind: &'static str,
    /// The committee's name.
    pub committee: Option<String>,
    /// Municipal year, "2025/26".
    pub year: Option<String>,
    /// Meeting date, "10 June 2025".
    pub date: Option<String>,
}

/// "Published on …; revised on …".
#[derive(Debug, Serialize)]
pub struct PublicationCtx {
    first: Day,
    revised: Vec<Day>,
}

/// A rendered page: template name, URL and context.
pub struct PageOut {
    /// Template to render.
    pub template: &'static str,
    /// Root-relative URL.
    pub url: String,
    /// Context as a Tera context.
    pub context: tera::Context,
}

#[derive(Serialize)]
struct Envelope<'a, T: Serialize> {
    site: &'a SiteCtx,
    meta: Meta,
    page: T,
}

impl Builder<'_> {
    fn page<T: Serialize>(
        &self,
        template: &'static str,
        url: String,
        meta: Meta,
        page: T,
    ) -> Result<PageOut, String> {
        let mut meta = meta;
        meta.search = self.search_meta(template, &url);
        let env = Envelope { site: &self.site, meta, page };
        let context =
            tera::Context::from_serialize(&env).map_err(|e| format!("while preparing {url}: {e}"))?;
        Ok(PageOut { template, url, context })
    }

    /// Search filters from the template and the URL: `/committees/<slug>/<date>/…` names the
    /// committee and the meeting.
    fn search_meta(&self, template: &str, url: &str) -> Option<SearchMeta> {
        // Only documents are indexed; lists only repeat their titles.
        let kind = match template {
            "meeting.html" => "Agenda",
            "item.html" => "Agenda item",
            "minutes.html" => "Minutes",
            "report.html" => "Report",
            "decision.html" => "Decision",
            "plan-entry.html" => "Forward plan",
            "person.html" => "Person",
            "committee.html" => "Committee",
            "work-programme.html" => "Work programme",
            "matter.html" => "Matter",
            _ => return None,
        };
        let rest = url.strip_prefix(self.urls.base_path()).unwrap_or(url);
        let mut parts = rest.strip_prefix("committees/").map(|r| r.split('/')).into_iter().flatten();
        let committee = parts
            .next()
            .filter(|s| !s.is_empty())
            .and_then(|slug| self.graph.committees.get(slug))
            .map(|&c| self.content.committees[c].data.name.clone());
        let date = parts.next().and_then(|d| d.parse::<jiff::civil::Date>().ok());
        Some(SearchMeta {
            kind,
            committee,
            year: date.map(|d| {
                crate::model::MunicipalYear::of(d, self.content.site.municipal_year_start_month).label()
            }),
            date: date.map(|d| Day::of(d).text),
        })
    }

    fn meta(
        &self,
        title: String,
        url: &str,
        breadcrumbs: Vec<Link>,
        updated: Option<jiff::civil::Date>,
        description: String,
    ) -> Meta {
        Meta {
            head_title: format!("{title} - {}", self.content.site.name),
            title,
            canonical: self.urls.absolute(url),
            breadcrumbs,
            updated: updated.map(Day::of),
            description,
            exempt: None,
            publication: None,
            search: None,
        }
    }

    /// Items and reports repeat titles across meetings ("Apologies for absence"), so their
    /// `<title>` names the meeting too.
    fn add_meeting_to_head_title(&self, meta: &mut Meta, m: MeetingIx) {
        meta.head_title = format!("{} - {} - {}", meta.title, self.meeting_title(m), self.content.site.name);
    }

    /// Sets the page's publication notice from the record.
    fn set_published(&self, meta: &mut Meta, id: &str) {
        meta.publication = self.published.get(id).and_then(|dates| {
            let (first, rest) = dates.split_first()?;
            Some(PublicationCtx {
                first: Day::of(*first),
                revised: rest.iter().map(|d| Day::of(*d)).collect(),
            })
        });
    }

    /// Whether exempt material must be withheld (the public edition).
    fn withhold(&self, exempt: bool) -> bool {
        exempt && self.edition == crate::access::Edition::Public
    }

    /// The members' edition mark for a page with exempt material under these paragraphs.
    fn mark_exempt(&self, meta: &mut Meta, paragraphs: &[Option<ExemptParagraph>]) {
        if self.edition != crate::access::Edition::Members || paragraphs.is_empty() {
            return;
        }
        let mut ps: Vec<u8> = paragraphs.iter().flatten().map(|p| p.0).collect();
        ps.sort_unstable();
        ps.dedup();
        let which = match ps.as_slice() {
            [] => String::new(),
            [one] => format!(" under paragraph {one}"),
            many => {
                format!(" under paragraphs {}", many.iter().map(u8::to_string).collect::<Vec<_>>().join(", "))
            }
        };
        meta.exempt = Some(format!(
            "Not for publication — exempt information{which} of Schedule 12A to the Local Government Act 1972"
        ));
        meta.head_title = format!("NOT FOR PUBLICATION: {}", meta.head_title);
    }

    /// The paragraphs of the exempt reports an item considers.
    fn exempt_reports_of(&self, key: ItemKey) -> Vec<Option<ExemptParagraph>> {
        self.graph
            .item_reports
            .get(&key)
            .into_iter()
            .flatten()
            .filter(|rk| self.graph.exempt_reports.contains(rk))
            .map(|&rk| self.report_paragraph(rk))
            .collect()
    }

    /// The paragraph that makes a report exempt.
    fn report_paragraph(&self, key: ReportKey) -> Option<ExemptParagraph> {
        let r = &self.content.meetings[key.0].reports[key.1];
        r.front.exempt_paragraph.as_ref().map(|p| p.value).or_else(|| self.item_paragraph_for_report(key))
    }

    fn home_crumb(&self) -> Link {
        Link { title: "Home".into(), url: self.urls.home() }
    }

    fn committees_crumb(&self) -> Link {
        Link { title: "Committees".into(), url: self.urls.committees() }
    }

    fn md(&self, text: &str, file: usize, opts: Render<'_>) -> String {
        let resolver = Resolver { content: self.content, graph: self.graph };
        let ctx = LinkContext {
            resolver: &resolver,
            urls: self.urls,
            file_rel: &self.sources.files[file].rel,
            files: self.graph.files_for(self.edition),
        };
        to_html(text, &ctx, opts)
    }

    fn person_link(&self, slug: &str) -> PersonLink {
        match self.graph.people.get(slug) {
            Some(&i) => {
                let p = &self.content.people[i];
                PersonLink {
                    name: p.display_name(),
                    url: self.urls.person(&p.slug),
                    detail: person_detail(p),
                    email: p.data.email.clone(),
                    phone: p.data.phone.clone(),
                }
            }
            None => PersonLink {
                name: slug.to_string(),
                url: String::new(),
                detail: None,
                email: None,
                phone: None,
            },
        }
    }

    fn meeting_title(&self, m: MeetingIx) -> String {
        let meeting = &self.content.meetings[m];
        format!("{}, {}", self.committee_name(meeting), Day::of(meeting.date).text)
    }

    fn committee_name(&self, m: &Meeting) -> String {
        self.graph
            .committees
            .get(&m.committee)
            .map_or_else(|| m.committee.clone(), |&c| self.content.committees[c].data.name.clone())
    }

    fn committee_link(&self, m: &Meeting) -> Link {
        Link { title: self.committee_name(m), url: self.urls.committee(&m.committee) }
    }

    fn meeting_link(&self, m: MeetingIx) -> Link {
        let meeting = &self.content.meetings[m];
        Link { title: self.meeting_title(m), url: self.urls.meeting(&meeting.committee, meeting.date) }
    }

    fn meeting_row(&self, m: MeetingIx) -> MeetingRow {
        let meeting = &self.content.meetings[m];
        MeetingRow {
            url: self.urls.meeting(&meeting.committee, meeting.date),
            committee: self.committee_name(meeting),
            committee_url: self.urls.committee(&meeting.committee),
            title: meeting.data.title.clone(),
            date: Day::of(meeting.date),
            time: time(meeting.data.time),
            status: meeting.data.status,
            status_label: meeting.data.status.label(),
            has_minutes: meeting.minutes.is_some(),
        }
    }

    fn item_link(&self, key: ItemKey) -> Link {
        let m = &self.content.meetings[key.0];
        let item = &m.data.agenda[key.1];
        Link {
            title: format!("Item {}: {}", item.number.value, item.title),
            url: self.urls.item(&m.committee, m.date, item.number.value),
        }
    }

    fn report_link(&self, key: ReportKey) -> DocLink {
        let m = &self.content.meetings[key.0];
        let r = &m.reports[key.1];
        let exempt = self.graph.exempt_reports.contains(&key);
        if exempt && !self.withhold(exempt) {
            let para = self.report_paragraph(key).map_or(String::new(), |p| format!(", paragraph {}", p.0));
            return DocLink {
                label: format!("Report (exempt: not for publication{para}): {}", r.front.title),
                url: Some(self.urls.report(&m.committee, m.date, &r.slug)),
            };
        }
        if exempt {
            let para = self.report_paragraph(key);
            let mut label = match para {
                Some(p) => {
                    format!("{} (not for publication: Schedule 12A, paragraph {})", r.front.title, p.0)
                }
                None => format!("{} (not for publication)", r.front.title),
            };
            if let Some(pi) = &r.front.public_interest {
                label.push_str(&format!(". Public interest test: {pi}"));
            }
            return DocLink { label, url: None };
        }
        let draft = if r.front.draft { " [draft: not published]" } else { "" };
        DocLink {
            label: format!("Report: {}{draft}", r.front.title),
            url: Some(self.urls.report(&m.committee, m.date, &r.slug)),
        }
    }

    fn item_paragraph_for_report(&self, key: ReportKey) -> Option<ExemptParagraph> {
        self.graph.report_items.get(&key)?.iter().find_map(|(m, i)| {
            self.content.meetings[*m].data.agenda[*i].exempt_paragraph.as_ref().map(|p| p.value)
        })
    }

    fn exempt_ctx(&self, item: &AgendaItem) -> ExemptCtx {
        let p = item.exempt_paragraph.as_ref().map(|p| p.value);
        ExemptCtx {
            paragraph: p.map(|p| p.0),
            meaning: p.and_then(ExemptParagraph::meaning).map(str::to_string),
            public_interest: item.public_interest.clone(),
            at_meeting: true,
        }
    }

    /// Why a minute is exempt: its own `{exempt=N}`, or its Part 2 item's grounds.
    fn minute_exempt_ctx(&self, m: MeetingIx, n: usize) -> Option<ExemptCtx> {
        let minute = &self.content.meetings[m].minutes.as_ref()?.minutes[n];
        if let Some(p) = minute.exempt {
            return Some(ExemptCtx {
                paragraph: Some(p.0),
                meaning: p.meaning().map(str::to_string),
                public_interest: None,
                at_meeting: true,
            });
        }
        let k = self.graph.minute_item.get(&(m, n))?;
        Some(self.exempt_ctx(&self.content.meetings[k.0].data.agenda[k.1]))
    }

    fn item_row(&self, key: ItemKey) -> ItemRow {
        let m = &self.content.meetings[key.0];
        let item = &m.data.agenda[key.1];
        let exempt = self.graph.exempt_items.contains(&key);
        let minute = self.graph.item_minute.get(&key).and_then(|mk| {
            let min = self.content.meetings[mk.0].minutes.as_ref()?;
            let n = min.minutes[mk.1].number;
            Some(Link { title: format!("Minute {n}"), url: self.urls.minute(&m.committee, m.date, n) })
        });
        let minutes_of = self.graph.item_minutes_of.get(&key).map(|&prev| {
            let pm = &self.content.meetings[prev];
            Link {
                title: format!("Minutes of the meeting held on {}", Day::of(pm.date).text),
                url: if pm.minutes.is_some() {
                    self.urls.minutes(&pm.committee, pm.date)
                } else {
                    self.urls.meeting(&pm.committee, pm.date)
                },
            }
        });
        let mut row = ItemRow {
            number: item.number.value,
            title: item.title.clone(),
            url: self.urls.item(&m.committee, m.date, item.number.value),
            purpose_html: None,
            reports: Vec::new(),
            documents: Vec::new(),
            verbal: item.verbal,
            to_follow: item.to_follow,
            minutes_of,
            exempt: None,
            minute,
            presenter: None,
            supplementary: item.supplementary,
            urgency: item.urgency.clone(),
            pages: self.packs.meeting(key.0).and_then(|p| p.items.get(&item.number.value)).map(|p| {
                let range = if p.first == p.last {
                    format!("page {}", p.first)
                } else {
                    format!("pages {} – {}", p.first, p.last)
                };
                if p.supplementary {
                    format!("Supplementary agenda pack, {range}")
                } else {
                    format!("Agenda pack, {range}")
                }
            }),
        };
        if exempt {
            row.exempt = Some(self.exempt_ctx(item));
            if self.withhold(exempt) {
                // Part 2 in the public edition: the title and the grounds only.
                return row;
            }
        }
        row.purpose_html = item
            .purpose
            .as_ref()
            .map(|p| self.md(&p.value, m.file, Render { inline: true, ..Render::default() }));
        row.reports = self
            .graph
            .item_reports
            .get(&key)
            .map_or_else(Vec::new, |rs| rs.iter().map(|&r| self.report_link(r)).collect());
        row.documents = item
            .documents
            .iter()
            .map(|d| match (&d.exempt_paragraph, self.edition) {
                (Some(p), crate::access::Edition::Public) => DocLink {
                    label: format!(
                        "{} (exempt: not published, Schedule 12A paragraph {})",
                        d.title, p.value.0
                    ),
                    url: None,
                },
                (Some(p), crate::access::Edition::Members) => {
                    let mut l = self.attachment_link(m.file, &d.title, &d.file);
                    l.label = format!("{} [exempt: not for publication, paragraph {}]", l.label, p.value.0);
                    l
                }
                (None, _) => self.attachment_link(m.file, &d.title, &d.file),
            })
            .collect();
        row.presenter = item.presenter.as_ref().map(|p| self.person_link(&p.value));
        row
    }

    fn attachment_link(&self, file: usize, title: &str, path: &Spanned<String>) -> DocLink {
        let from = &self.sources.files[file].rel;
        let rel = crate::load::resolve_relative(from, &path.value).unwrap_or_default();
        self.file_link(title, &rel, None)
    }

    fn file_link(&self, title: &str, rel: &str, bytes: Option<u64>) -> DocLink {
        let bytes = bytes.or_else(|| self.asset_size(rel));
        let format = format_of(rel);
        let label = match bytes {
            Some(b) => format!("{title} ({format}, {})", size(b)),
            None => format!("{title} ({format})"),
        };
        DocLink { label, url: Some(self.urls.file(rel)) }
    }

    /// "Agenda pack (PDF, 42 pages, 1.2 MB)".
    fn pdf_link(&self, title: &str, f: &crate::packs::PdfFile) -> DocLink {
        let pages = if f.pages == 1 { "1 page".to_string() } else { format!("{} pages", f.pages) };
        DocLink { label: format!("{title} (PDF, {pages}, {})", size(f.bytes)), url: Some(f.url.clone()) }
    }

    fn asset_size(&self, rel: &str) -> Option<u64> {
        self.sizes.get(rel).copied()
    }
}

fn person_detail(p: &Person) -> Option<String> {
    match p.data.kind {
        PersonKind::Councillor => match (&p.data.party, &p.data.ward) {
            (Some(party), Some(ward)) => Some(format!("{party}, {ward} ward")),
            (Some(party), None) => Some(party.clone()),
            (None, Some(ward)) => Some(format!("{ward} ward")),
            (None, None) => None,
        },
        PersonKind::Officer => p.data.job_title.clone(),
        PersonKind::CoOptee => p.data.roles.first().cloned().or_else(|| Some("Co-opted member".into())),
    }
}

/// A person link with a short description.
#[derive(Debug, Clone, Serialize)]
pub struct PersonLink {
    /// Display name.
    pub name: String,
    /// Page URL.
    pub url: String,
    /// Party and ward, or job title.
    pub detail: Option<String>,
    /// Email.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
}

/// A link to a document; `url` is absent for exempt documents.
#[derive(Debug, Clone, Serialize)]
pub struct DocLink {
    /// Link text that makes sense on its own: "Report: …", "Appendix B: Site plan (PDF, 245 KB)".
    pub label: String,
    /// URL, if published.
    pub url: Option<String>,
}

/// A meeting in a list.
#[derive(Debug, Clone, Serialize)]
pub struct MeetingRow {
    url: String,
    committee: String,
    committee_url: String,
    title: Option<String>,
    date: Day,
    time: String,
    status: MeetingStatus,
    status_label: &'static str,
    has_minutes: bool,
}

/// Why an item is exempt.
#[derive(Debug, Clone, Serialize)]
pub struct ExemptCtx {
    paragraph: Option<u8>,
    meaning: Option<String>,
    public_interest: Option<String>,
    /// Business at a meeting (the press and public may be excluded), not a paper or decision.
    at_meeting: bool,
}

/// An agenda item in a meeting page (and the head of an item page).
#[derive(Debug, Clone, Serialize)]
pub struct ItemRow {
    number: u32,
    title: String,
    url: String,
    purpose_html: Option<String>,
    reports: Vec<DocLink>,
    documents: Vec<DocLink>,
    verbal: bool,
    to_follow: bool,
    minutes_of: Option<Link>,
    exempt: Option<ExemptCtx>,
    minute: Option<Link>,
    presenter: Option<PersonLink>,
    supplementary: bool,
    urgency: Option<String>,
    /// Where the item's papers are in the agenda pack: "Pages 9 – 30".
    pages: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Home, committees, meetings archive, people.

#[derive(Serialize)]
struct PaperRow {
    title: String,
    url: String,
    meeting: Link,
    date: Day,
}

#[derive(Serialize)]
struct CommitteeRow {
    name: String,
    url: String,
}

#[derive(Serialize)]
struct CommitteeGroup {
    heading: &'static str,
    committees: Vec<CommitteeRow>,
}

impl Builder<'_> {
    fn committee_groups(&self) -> Vec<CommitteeGroup> {
        let mut sorted: Vec<&Committee> = self.content.committees.iter().collect();
        sorted.sort_by(|a, b| a.data.kind.cmp(&b.data.kind).then(a.data.name.cmp(&b.data.name)));
        let mut groups: Vec<CommitteeGroup> = Vec::new();
        for c in sorted {
            let row = CommitteeRow { name: c.data.name.clone(), url: self.urls.committee(&c.slug) };
            match groups.last_mut() {
                Some(g) if g.heading == c.data.kind.heading() => g.committees.push(row),
                _ => groups.push(CommitteeGroup { heading: c.data.kind.heading(), committees: vec![row] }),
            }
        }
        groups
    }

    fn public_reports(&self) -> Vec<ReportKey> {
        let mut v = Vec::new();
        for (mi, m) in self.content.meetings.iter().enumerate() {
            for ri in 0..m.reports.len() {
                if !self.withhold(self.graph.exempt_reports.contains(&(mi, ri))) {
                    v.push((mi, ri));
                }
            }
        }
        v
    }

    fn paper_row(&self, key: ReportKey) -> PaperRow {
        let m = &self.content.meetings[key.0];
        let r = &m.reports[key.1];
        PaperRow {
            title: r.front.title.clone(),
            url: self.urls.report(&m.committee, m.date, &r.slug),
            meeting: self.meeting_link(key.0),
            date: Day::of(r.front.date.value),
        }
    }

    /// The latest date anything in the content changed.
    pub(super) fn latest_date(&self) -> Option<jiff::civil::Date> {
        *self
            .memo
            .latest
            .get_or_init(|| (0..self.content.meetings.len()).map(|m| self.meeting_updated(m)).max())
    }

    /// The date a meeting's page last changed, from its content.
    pub fn meeting_updated(&self, m: MeetingIx) -> jiff::civil::Date {
        let meeting = &self.content.meetings[m];
        if let Some(u) = meeting.data.updated {
            return u;
        }
        let mut d = meeting.data.agenda_published.as_ref().map_or(meeting.date, |p| p.value);
        for r in &meeting.reports {
            d = d.max(r.front.date.value);
        }
        if meeting.minutes.is_some() {
            d = d.max(self.minutes_updated(m));
        }
        d
    }

    fn minutes_updated(&self, m: MeetingIx) -> jiff::civil::Date {
        let meeting = &self.content.meetings[m];
        let approved = meeting
            .minutes
            .as_ref()
            .and_then(|min| min.front.approved_at.as_ref())
            .and_then(|a| self.graph.meeting(&a.value))
            .map(|a| self.content.meetings[a].date);
        approved.unwrap_or(meeting.date)
    }

    /// `/`.
    pub fn home(&self) -> Result<PageOut, String> {
        #[derive(Serialize)]
        struct Home {
            upcoming: Vec<MeetingRow>,
            recent: Vec<PaperRow>,
            groups: Vec<CommitteeGroup>,
        }
        let mut upcoming: Vec<MeetingIx> = (0..self.content.meetings.len())
            .filter(|&m| {
                matches!(
                    self.content.meetings[m].data.status,
                    MeetingStatus::Scheduled | MeetingStatus::Postponed
                )
            })
            .collect();
        upcoming.sort_by_key(|&m| (self.content.meetings[m].date, m));
        upcoming.truncate(10);
        let mut recent = self.public_reports();
        recent.sort_by(|a, b| {
            let da = self.content.meetings[a.0].reports[a.1].front.date.value;
            let db = self.content.meetings[b.0].reports[b.1].front.date.value;
            db.cmp(&da).then(a.cmp(b))
        });
        recent.truncate(10);
        let url = self.urls.home();
        let meta = self.meta(
            "Council meetings and papers".into(),
            &url,
            Vec::new(),
            self.latest_date(),
            format!("Agendas, reports, minutes and decisions of {}", self.content.site.name),
        );
        let mut meta = meta;
        let paragraphs: Vec<Option<ExemptParagraph>> = recent
            .iter()
            .filter(|rk| self.graph.exempt_reports.contains(rk))
            .map(|&rk| self.report_paragraph(rk))
            .collect();
        self.mark_exempt(&mut meta, &paragraphs);
        let page = Home {
            upcoming: upcoming.into_iter().map(|m| self.meeting_row(m)).collect(),
            recent: recent.into_iter().map(|r| self.paper_row(r)).collect(),
            groups: self.committee_groups(),
        };
        self.page("home.html", url, meta, page)
    }

    /// `/committees/`.
    pub fn committees(&self) -> Result<PageOut, String> {
        #[derive(Serialize)]
        struct Committees {
            groups: Vec<CommitteeGroup>,
        }
        let url = self.urls.committees();
        let meta = self.meta(
            "Committees".into(),
            &url,
            vec![self.home_crumb()],
            self.latest_date(),
            format!("The council, cabinet and committees of {}", self.content.site.name),
        );
        self.page("committees.html", url, meta, Committees { groups: self.committee_groups() })
    }

    /// `/meetings/`.
    pub fn meetings(&self) -> Result<PageOut, String> {
        #[derive(Serialize)]
        struct Month {
            label: String,
            meetings: Vec<MeetingRow>,
        }
        #[derive(Serialize)]
        struct Year {
            label: String,
            slug: String,
            months: Vec<Month>,
        }
        #[derive(Serialize)]
        struct Meetings {
            committees: Vec<Link>,
            years: Vec<Year>,
            /// Every meeting as an iCalendar file.
            calendar: Link,
            /// The Atom feed of newly published papers.
            feed: Link,
            /// Every municipal year's page.
            year_pages: Vec<Link>,
            /// Meetings to come, soonest first.
            upcoming: Vec<MeetingRow>,
        }
        let mut all: Vec<MeetingIx> = (0..self.content.meetings.len()).collect();
        all.sort_by_key(|&m| (std::cmp::Reverse(self.content.meetings[m].date), m));
        let mut years: Vec<Year> = Vec::new();
        for m in all {
            let y = self.graph.meeting_year[m];
            let date = self.content.meetings[m].date;
            let month = date.strftime("%B %Y").to_string();
            if years.last().is_none_or(|last| last.slug != y.slug()) {
                years.push(Year { label: y.label(), slug: y.slug(), months: Vec::new() });
            }
            let Some(year) = years.last_mut() else { continue };
            if year.months.last().is_none_or(|last| last.label != month) {
                year.months.push(Month { label: month, meetings: Vec::new() });
            }
            if let Some(last) = year.months.last_mut() {
                last.meetings.push(self.meeting_row(m));
            }
        }
        let mut committees: Vec<Link> = self
            .content
            .committees
            .iter()
            .map(|c| Link {
                title: c.data.name.clone(),
                url: format!("{}#meetings", self.urls.committee(&c.slug)),
            })
            .collect();
        committees.sort_by(|a, b| a.title.cmp(&b.title));
        let url = self.urls.meetings();
        let meta = self.meta(
            "Meetings".into(),
            &url,
            vec![self.home_crumb()],
            self.latest_date(),
            format!("Meetings of {}: coming up, this year and last, and every year", self.content.site.name),
        );
        let calendar =
            Link { title: "All meetings calendar (iCalendar)".into(), url: self.urls.meetings_calendar() };
        let feed = Link { title: "New papers feed (Atom)".into(), url: self.urls.papers_feed() };
        // This page shows the two latest years; every year has a page of its own.
        years.truncate(2);
        let year_pages = self
            .meeting_years()
            .into_iter()
            .map(|y| Link {
                title: format!("Meetings in {}", y.label()),
                url: self.urls.path(&format!("meetings/{}/", y.slug())),
            })
            .collect();
        let upcoming = self.upcoming();
        self.page(
            "meetings.html",
            url,
            meta,
            Meetings { committees, years, calendar, feed, year_pages, upcoming },
        )
    }

    /// `/people/`.
    pub fn people(&self) -> Result<PageOut, String> {
        #[derive(Serialize)]
        struct People {
            councillors: Vec<PersonLink>,
            co_optees: Vec<PersonLink>,
            officers: Vec<PersonLink>,
        }
        let mut people: Vec<&Person> = self.content.people.iter().collect();
        people.sort_by_key(|p| surname_key(p));
        let of = |kind: PersonKind| {
            people.iter().filter(|p| p.data.kind == kind).map(|p| self.person_link(&p.slug)).collect()
        };
        let url = self.urls.people();
        let meta = self.meta(
            "Councillors and officers".into(),
            &url,
            vec![self.home_crumb()],
            self.latest_date(),
            format!("Councillors, co-opted members and officers of {}", self.content.site.name),
        );
        let page = People {
            councillors: of(PersonKind::Councillor),
            co_optees: of(PersonKind::CoOptee),
            officers: of(PersonKind::Officer),
        };
        self.page("people.html", url, meta, page)
    }

    /// `404.html`.
    /// `/search/`: the search page. `bundles` are the search index bundles' URLs, the one to load
    /// first first.
    pub fn search(&self, bundles: &[String]) -> Result<PageOut, String> {
        #[derive(Serialize)]
        struct SearchPage<'b> {
            bundles: String,
            primary: &'b str,
        }
        let url = self.urls.path("search/");
        let meta = self.meta(
            "Search".into(),
            &url,
            vec![self.home_crumb()],
            self.latest_date(),
            format!("Search the meetings, papers and decisions of {}", self.content.site.name),
        );
        let page = SearchPage {
            bundles: serde_json::to_string(bundles).map_err(|e| e.to_string())?,
            primary: bundles.first().map_or("", String::as_str),
        };
        self.page("search.html", url, meta, page)
    }

    pub fn not_found(&self) -> Result<PageOut, String> {
        let url = self.urls.path("404.html");
        let meta = self.meta(
            "Page not found".into(),
            &url,
            vec![self.home_crumb()],
            None,
            "The page you asked for is not on this site".into(),
        );
        self.page("404.html", url, meta, ())
    }
}

/// JSON that is safe inside `<script>`: `<` is escaped, so no text can close the element.
fn json_for_script(v: &serde_json::Value) -> String {
    serde_json::to_string(v).unwrap_or_default().replace('<', "\\u003c")
}

fn surname_key(p: &Person) -> (String, String) {
    let last = p.data.name.rsplit(' ').next().unwrap_or("").to_lowercase();
    (last, p.data.name.to_lowercase())
}

// ---------------------------------------------------------------------------------------------
// Committee.

#[derive(Serialize)]
struct MemberRow {
    person: PersonLink,
    role: &'static str,
}

#[derive(Serialize)]
struct MembershipCtx {
    year: String,
    members: Vec<MemberRow>,
}

impl Builder<'_> {
    fn membership(&self, c: &Committee) -> Vec<MembershipCtx> {
        let mut v: Vec<(MunicipalYear, MembershipCtx)> = c
            .data
            .membership
            .iter()
            .zip(&c.years)
            .filter_map(|(m, y)| {
                let y = (*y)?;
                let mut members: Vec<(MemberRole, String, MemberRow)> = m
                    .members
                    .iter()
                    .map(|mem| {
                        let person = self.person_link(&mem.person.value);
                        (mem.role, person.name.clone(), MemberRow { person, role: mem.role.label() })
                    })
                    .collect();
                members.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
                Some((
                    y,
                    MembershipCtx { year: y.label(), members: members.into_iter().map(|x| x.2).collect() },
                ))
            })
            .collect();
        v.sort_by_key(|x| std::cmp::Reverse(x.0));
        v.into_iter().map(|x| x.1).collect()
    }

    /// `/committees/<slug>/`.
    pub fn committee(&self, ci: usize) -> Result<PageOut, String> {
        #[derive(Serialize)]
        struct YearMeetings {
            label: String,
            slug: String,
            meetings: Vec<MeetingRow>,
        }
        #[derive(Serialize)]
        struct CommitteePage {
            name: String,
            kind: &'static str,
            remit_html: String,
            current: Option<MembershipCtx>,
            previous: Vec<MembershipCtx>,
            contact: PersonLink,
            portfolio_holder: Option<PersonLink>,
            years: Vec<YearMeetings>,
            work_programme: Option<Link>,
            /// The committee's meetings as an iCalendar file.
            calendar: Link,
            /// The Atom feed of the committee's papers.
            feed: Link,
        }
        let c = &self.content.committees[ci];
        let mut memberships = self.membership(c);
        let current = if memberships.is_empty() { None } else { Some(memberships.remove(0)) };
        let mut years: Vec<YearMeetings> = Vec::new();
        for &m in self.graph.committee_meetings[ci].iter().rev() {
            let y = self.graph.meeting_year[m];
            if years.last().is_none_or(|l| l.slug != y.slug()) {
                years.push(YearMeetings { label: y.label(), slug: y.slug(), meetings: Vec::new() });
            }
            if let Some(l) = years.last_mut() {
                l.meetings.push(self.meeting_row(m));
            }
        }
        let updated = self.graph.committee_meetings[ci].iter().map(|&m| self.meeting_updated(m)).max();
        let url = self.urls.committee(&c.slug);
        let meta = self.meta(
            c.data.name.clone(),
            &url,
            vec![self.home_crumb(), self.committees_crumb()],
            updated,
            format!("{}: remit, membership and meetings", c.data.name),
        );
        let page = CommitteePage {
            name: c.data.name.clone(),
            kind: c.data.kind.heading(),
            remit_html: self.md(&c.data.remit.value, c.file, Render::default()),
            current,
            previous: memberships,
            contact: self.person_link(&c.data.contact.value),
            portfolio_holder: c.data.portfolio_holder.as_ref().map(|p| self.person_link(&p.value)),
            years,
            work_programme: self.graph.records.work_programme_of.get(&c.slug).map(|_| Link {
                title: format!("Work programme of the {}", c.data.name),
                url: self.urls.work_programme(&c.slug),
            }),
            calendar: Link {
                title: format!("{} meetings calendar (iCalendar)", c.data.name),
                url: self.urls.committee_calendar(&c.slug),
            },
            feed: Link {
                title: format!("{} papers feed (Atom)", c.data.name),
                url: self.urls.committee_feed(&c.slug),
            },
        };
        self.page("committee.html", url, meta, page)
    }
}

// ---------------------------------------------------------------------------------------------
// Meeting, item, minutes.

#[derive(Serialize)]
struct AttendeeRow {
    person: PersonLink,
    role: Option<&'static str>,
    substitute_for: Option<PersonLink>,
}

#[derive(Serialize)]
struct AttendanceCtx {
    present: Vec<AttendeeRow>,
    apologies: Vec<PersonLink>,
    also_present: Vec<PersonLink>,
    officers: Vec<PersonLink>,
}

#[derive(Serialize)]
struct DeclarationCtx {
    person: PersonLink,
    item: Option<Link>,
    nature: String,
    action: Option<String>,
}

#[derive(Serialize)]
struct ResolutionCtx {
    label: String,
    id: String,
    html: String,
}

#[derive(Serialize)]
struct BlockCtx {
    html: Option<String>,
    resolutions: Option<Vec<ResolutionCtx>>,
}

#[derive(Serialize)]
struct RecordedCtx {
    for_: Vec<PersonLink>,
    against: Vec<PersonLink>,
    abstained: Vec<PersonLink>,
}

#[derive(Serialize)]
struct VoteCtx {
    on: String,
    for_: Option<u32>,
    against: Option<u32>,
    abstained: Option<u32>,
    result: Option<String>,
    recorded: Option<RecordedCtx>,
}

#[derive(Serialize)]
struct NoteCtx {
    time: String,
    iso: String,
    text: String,
}

#[derive(Serialize)]
struct MinuteCtx {
    number: u32,
    id: String,
    url: String,
    title: String,
    item: Option<Link>,
    exempt: Option<ExemptCtx>,
    blocks: Vec<BlockCtx>,
    votes: Vec<VoteCtx>,
    notes: Vec<NoteCtx>,
    creates: Vec<Link>,
    decision: Option<Link>,
    summary: Option<String>,
}

impl Builder<'_> {
    fn attendance(&self, m: MeetingIx) -> Option<AttendanceCtx> {
        let min = self.content.meetings[m].minutes.as_ref()?;
        let f = &min.front;
        let links = |v: &[Spanned<String>]| v.iter().map(|p| self.person_link(&p.value)).collect::<Vec<_>>();
        Some(AttendanceCtx {
            present: f
                .present
                .iter()
                .map(|a| AttendeeRow {
                    person: self.person_link(&a.person.value),
                    role: a
                        .role
                        .filter(|r| matches!(r, MemberRole::Chair | MemberRole::ViceChair))
                        .map(MemberRole::label),
                    substitute_for: a.substitute_for.as_ref().map(|s| self.person_link(&s.value)),
                })
                .collect(),
            apologies: links(&f.apologies),
            also_present: links(&f.also_present),
            officers: links(&f.officers),
        })
    }

    fn declarations(&self, m: MeetingIx, only_item: Option<u32>) -> Vec<DeclarationCtx> {
        let meeting = &self.content.meetings[m];
        let Some(min) = &meeting.minutes else { return Vec::new() };
        min.front
            .declarations
            .iter()
            .filter(|d| only_item.is_none_or(|n| d.item.value == n))
            .map(|d| DeclarationCtx {
                person: self.person_link(&d.person.value),
                item: meeting
                    .data
                    .agenda
                    .iter()
                    .position(|i| i.number.value == d.item.value)
                    .map(|i| self.item_link((m, i))),
                nature: d.nature.clone(),
                action: d.action.clone(),
            })
            .collect()
    }

    fn minute_ctx(&self, m: MeetingIx, n: usize) -> Option<MinuteCtx> {
        let meeting = &self.content.meetings[m];
        let min = meeting.minutes.as_ref()?;
        let minute = &min.minutes[n];
        let id = format!("minute-{}", minute.number);
        let item_key = self.graph.minute_item.get(&(m, n)).copied();
        let mut ctx = MinuteCtx {
            number: minute.number,
            url: self.urls.minute(&meeting.committee, meeting.date, minute.number),
            title: minute.title.clone(),
            item: item_key.map(|k| self.item_link(k)),
            exempt: None,
            blocks: Vec::new(),
            votes: Vec::new(),
            notes: Vec::new(),
            creates: Vec::new(),
            summary: None,
            decision: self.graph.records.minute_decision.get(&(m, n)).map(|&d| self.decision_link(d)),
            id,
        };
        if self.graph.minute_is_exempt((m, n)) {
            ctx.exempt = self.minute_exempt_ctx(m, n);
            ctx.summary = min
                .front
                .exempt_summaries
                .iter()
                .find(|s| s.minute.value == minute.number)
                .map(|s| self.md(&s.summary, min.file, Render::default()));
            if self.withhold(true) {
                return Some(ctx);
            }
        }
        ctx.creates = self.minute_creates((m, n));
        let prefix = format!("m{}-", minute.number);
        for b in &minute.blocks {
            ctx.blocks.push(match b {
                MinuteBlock::Text(r) => BlockCtx {
                    html: Some(self.md(
                        &min.body[r.clone()],
                        min.file,
                        Render { id_prefix: &prefix, ..Render::default() },
                    )),
                    resolutions: None,
                },
                MinuteBlock::Resolved(list) => BlockCtx {
                    html: None,
                    resolutions: Some(
                        list.iter()
                            .map(|r| ResolutionCtx {
                                label: r.label.clone(),
                                id: format!("minute-{}-{}", minute.number, r.label),
                                html: self.md(
                                    &min.body[r.text.clone()],
                                    min.file,
                                    Render { inline: true, id_prefix: &prefix, ..Render::default() },
                                ),
                            })
                            .collect(),
                    ),
                },
            });
        }
        for v in min.front.votes.iter().filter(|v| v.minute.value == minute.number) {
            let on = match (&v.motion, &v.resolution) {
                (Some(mo), _) => mo.clone(),
                (None, Some(r)) => format!("Resolution ({})", r.value),
                (None, None) => "The recommendations".to_string(),
            };
            let rec = v.recorded.as_ref().map(|r| {
                let l =
                    |v: &[Spanned<String>]| v.iter().map(|p| self.person_link(&p.value)).collect::<Vec<_>>();
                RecordedCtx { for_: l(&r.for_), against: l(&r.against), abstained: l(&r.abstained) }
            });
            let count = |c: Option<u32>, names: Option<usize>| c.or(names.map(|n| n as u32));
            ctx.votes.push(VoteCtx {
                on,
                for_: count(v.for_, v.recorded.as_ref().map(|r| r.for_.len())),
                against: count(v.against, v.recorded.as_ref().map(|r| r.against.len())),
                abstained: count(v.abstained, v.recorded.as_ref().map(|r| r.abstained.len())),
                result: v.result.clone(),
                recorded: rec,
            });
        }
        for note in min.front.notes.iter().filter(|x| x.minute.value == minute.number) {
            let text = match &note.person {
                Some(p) => format!("{} {}", self.person_link(&p.value).name, note.text),
                None => note.text.clone(),
            };
            ctx.notes.push(NoteCtx {
                time: time(note.time),
                iso: note.time.strftime("%H:%M").to_string(),
                text,
            });
        }
        Some(ctx)
    }

    fn minutes_status(&self, m: MeetingIx) -> Option<(String, Option<Link>)> {
        let min = self.content.meetings[m].minutes.as_ref()?;
        Some(match min.front.status {
            MinutesStatus::Draft => ("Draft: not yet approved as a correct record".to_string(), None),
            MinutesStatus::Approved => {
                let at = min.front.approved_at.as_ref().and_then(|a| self.graph.meeting(&a.value));
                match at {
                    Some(a) => (
                        format!(
                            "Approved as a correct record at the meeting on {}",
                            Day::of(self.content.meetings[a].date).text
                        ),
                        Some(self.meeting_link(a)),
                    ),
                    None => ("Approved as a correct record".to_string(), None),
                }
            }
        })
    }

    /// The council as a schema.org organisation.
    fn organisation_ld(&self) -> serde_json::Value {
        serde_json::json!({
            "@type": "GovernmentOrganization",
            "name": self.content.site.name,
            "url": self.urls.absolute(&self.urls.home()),
        })
    }

    /// schema.org `Event` for a meeting page, as JSON for a `<script type="application/ld+json">`.
    fn meeting_json_ld(&self, m: MeetingIx) -> String {
        let meeting = &self.content.meetings[m];
        let london = |t: jiff::civil::Time| {
            meeting
                .date
                .to_datetime(t)
                .in_tz("Europe/London")
                .map(|z| z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string())
                .unwrap_or_else(|_| format!("{}T{}", meeting.date, t))
        };
        let status = match meeting.data.status {
            MeetingStatus::Cancelled => "https://schema.org/EventCancelled",
            MeetingStatus::Postponed => "https://schema.org/EventPostponed",
            MeetingStatus::Scheduled | MeetingStatus::Held => "https://schema.org/EventScheduled",
        };
        let mut address = meeting.data.venue.address.clone();
        address.retain(|l| !l.trim().is_empty());
        let mut ld = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.meeting_title(m),
            "startDate": london(meeting.data.time),
            "eventStatus": status,
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": {
                "@type": "Place",
                "name": meeting.data.venue.name,
                "address": { "@type": "PostalAddress", "streetAddress": address.join(", "), "addressCountry": "GB" },
            },
            "organizer": self.organisation_ld(),
            "url": self.urls.absolute(&self.urls.meeting(&meeting.committee, meeting.date)),
        });
        if let Some(min) = &meeting.minutes {
            ld["endDate"] = serde_json::Value::String(london(min.front.closed));
        }
        json_for_script(&ld)
    }

    /// schema.org `Report` for a report page.
    fn report_json_ld(&self, key: ReportKey) -> String {
        let meeting = &self.content.meetings[key.0];
        let report = &meeting.reports[key.1];
        let ld = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "Report",
            "name": report.front.title,
            "datePublished": crate::access::report_published(
                meeting.data.agenda_published.as_ref().map(|d| d.value),
                &report.front,
            ).to_string(),
            "author": { "@type": "Person", "name": self.person_link(&report.front.author.value).name },
            "publisher": self.organisation_ld(),
            "inLanguage": self.content.site.language,
            "url": self.urls.absolute(&self.urls.report(&meeting.committee, meeting.date, &report.slug)),
            "isPartOf": {
                "@type": "Event",
                "name": self.meeting_title(key.0),
                "url": self.urls.absolute(&self.urls.meeting(&meeting.committee, meeting.date)),
            },
        });
        json_for_script(&ld)
    }

    /// `/committees/<slug>/<date>/`.
    pub fn meeting(&self, m: MeetingIx) -> Result<PageOut, String> {
        #[derive(Serialize)]
        struct VenueCtx {
            name: String,
            address: Vec<String>,
        }
        #[derive(Serialize)]
        struct MeetingPage {
            committee: Link,
            title: Option<String>,
            date: Day,
            time: String,
            venue: VenueCtx,
            status: MeetingStatus,
            status_label: &'static str,
            agenda_published: Option<Day>,
            agenda_due: bool,
            part1: Vec<ItemRow>,
            part2: Vec<ItemRow>,
            attendance: Option<AttendanceCtx>,
            declarations: Vec<DeclarationCtx>,
            minutes: Option<Link>,
            minutes_status: Option<String>,
            previous: Option<Link>,
            next: Option<Link>,
            contact: Option<PersonLink>,
            pack: Option<DocLink>,
            supplementary_pack: Option<DocLink>,
            json_ld: String,
        }
        let meeting = &self.content.meetings[m];
        let committee_ix = self.graph.committees.get(&meeting.committee).copied();
        let (previous, next) = committee_ix.map_or((None, None), |c| {
            let list = &self.graph.committee_meetings[c];
            let pos = list.iter().position(|&x| x == m);
            let prev = pos.and_then(|p| p.checked_sub(1)).map(|p| self.meeting_link(list[p]));
            let next = pos.and_then(|p| list.get(p + 1)).map(|&x| self.meeting_link(x));
            (prev, next)
        });
        let rows: Vec<ItemRow> = (0..meeting.data.agenda.len()).map(|i| self.item_row((m, i))).collect();
        let (part2, part1): (Vec<ItemRow>, Vec<ItemRow>) = rows.into_iter().partition(|r| r.exempt.is_some());
        let minutes_link = meeting.minutes.as_ref().map(|_| Link {
            title: format!("Minutes of {}", self.meeting_title(m)),
            url: self.urls.minutes(&meeting.committee, meeting.date),
        });
        let url = self.urls.meeting(&meeting.committee, meeting.date);
        let committee_link = self.committee_link(meeting);
        let meta = self.meta(
            self.meeting_title(m),
            &url,
            vec![self.home_crumb(), self.committees_crumb(), committee_link.clone()],
            Some(self.meeting_updated(m)),
            format!(
                "Agenda and papers for {} on {}",
                self.committee_name(meeting),
                Day::of(meeting.date).long
            ),
        );
        let page = MeetingPage {
            committee: committee_link,
            title: meeting.data.title.clone(),
            date: Day::of(meeting.date),
            time: time(meeting.data.time),
            venue: VenueCtx {
                name: meeting.data.venue.name.clone(),
                address: meeting.data.venue.address.clone(),
            },
            status: meeting.data.status,
            status_label: meeting.data.status.label(),
            agenda_published: meeting.data.agenda_published.as_ref().map(|d| Day::of(d.value)),
            agenda_due: meeting
                .data
                .agenda_published
                .as_ref()
                .is_some_and(|d| self.graph.as_of().is_some_and(|a| d.value > a)),
            part1,
            part2,
            attendance: self.attendance(m),
            declarations: self.declarations(m, None),
            minutes: minutes_link,
            minutes_status: self.minutes_status(m).map(|s| s.0),
            previous,
            next,
            contact: committee_ix.map(|c| self.person_link(&self.content.committees[c].data.contact.value)),
            pack: self
                .packs
                .meeting(m)
                .and_then(|p| p.main.as_ref())
                .map(|f| self.pdf_link(&format!("Agenda pack: {}", self.meeting_title(m)), f)),
            supplementary_pack: self
                .packs
                .meeting(m)
                .and_then(|p| p.supplementary.as_ref())
                .map(|f| self.pdf_link(&format!("Supplementary agenda pack: {}", self.meeting_title(m)), f)),
            json_ld: self.meeting_json_ld(m),
        };
        let mut meta = meta;
        let paragraphs: Vec<Option<ExemptParagraph>> = meeting
            .data
            .agenda
            .iter()
            .enumerate()
            .filter(|(i, _)| self.graph.exempt_items.contains(&(m, *i)))
            .map(|(_, it)| it.exempt_paragraph.as_ref().map(|p| p.value))
            .chain(meeting.data.agenda.iter().flat_map(|it| {
                it.documents.iter().filter_map(|d| d.exempt_paragraph.as_ref().map(|p| Some(p.value)))
            }))
            .chain((0..meeting.data.agenda.len()).flat_map(|i| self.exempt_reports_of((m, i))))
            .collect();
        self.mark_exempt(&mut meta, &paragraphs);
        self.set_published(&mut meta, &meeting.id());
        self.page("meeting.html", url, meta, page)
    }

    /// `/committees/<slug>/<date>/items/<n>/`.
    pub fn item(&self, key: ItemKey) -> Result<PageOut, String> {
        #[derive(Serialize)]
        struct Consideration {
            item: Link,
            meeting: Link,
            date: Day,
            when: &'static str,
        }
        #[derive(Serialize)]
        struct ItemPage {
            meeting: Link,
            work: Vec<Link>,
            decision: Option<Link>,
            plan: Vec<Link>,
            history: Option<records::HistoryCtx>,
            item: ItemRow,
            part: u8,
            minute: Option<MinuteCtx>,
            declarations: Vec<DeclarationCtx>,
            considerations: Vec<Consideration>,
            approved_minutes: Option<Link>,
        }
        let (m, i) = key;
        let meeting = &self.content.meetings[m];
        let item = &meeting.data.agenda[i];
        let exempt = self.graph.exempt_items.contains(&key);
        // Other items that considered the same reports: the history of the matter.
        let mut others: Vec<ItemKey> = Vec::new();
        if !self.withhold(exempt) {
            for r in self.graph.item_reports.get(&key).into_iter().flatten() {
                for &other in self.graph.report_items.get(r).into_iter().flatten() {
                    if other != key && !others.contains(&other) {
                        others.push(other);
                    }
                }
            }
        }
        others.sort_by_key(|k| (self.content.meetings[k.0].date, *k));
        let this_date = meeting.date;
        let considerations = others
            .into_iter()
            .map(|k| Consideration {
                item: self.item_link(k),
                meeting: self.meeting_link(k.0),
                date: Day::of(self.content.meetings[k.0].date),
                when: if self.content.meetings[k.0].date < this_date { "Earlier" } else { "Later" },
            })
            .collect();
        let url = self.urls.item(&meeting.committee, meeting.date, item.number.value);
        let meeting_link = self.meeting_link(m);
        let committee_link = self.committee_link(meeting);
        let mut meta = self.meta(
            format!("Item {}: {}", item.number.value, item.title),
            &url,
            vec![self.home_crumb(), self.committees_crumb(), committee_link, meeting_link.clone()],
            Some(self.meeting_updated(m)),
            format!("Agenda item {} at {}", item.number.value, self.meeting_title(m)),
        );
        self.add_meeting_to_head_title(&mut meta, m);
        let minute = self.graph.item_minute.get(&key).and_then(|mk| self.minute_ctx(mk.0, mk.1));
        let approved_minutes = self.graph.item_minutes_of.get(&key).map(|&p| self.meeting_link(p));
        let decision = self
            .graph
            .item_minute
            .get(&key)
            .and_then(|mk| self.graph.records.minute_decision.get(mk))
            .map(|&d| self.decision_link(d));
        let mut plan: Vec<Link> = Vec::new();
        if !self.withhold(exempt) {
            for rk in self.graph.item_reports.get(&key).into_iter().flatten() {
                if let Some(&p) = self.graph.records.report_plan.get(rk) {
                    let l = self.plan_link(p);
                    if !plan.iter().any(|x| x.url == l.url) {
                        plan.push(l);
                    }
                }
            }
        }
        let page = ItemPage {
            work: self.item_work_links(key),
            decision,
            plan,
            history: self.history(crate::link::Node::Item(key)),
            meeting: meeting_link,
            item: self.item_row(key),
            part: if exempt { 2 } else { 1 },
            minute,
            declarations: self.declarations(m, Some(item.number.value)),
            considerations,
            approved_minutes,
        };
        let mut paragraphs: Vec<Option<ExemptParagraph>> = Vec::new();
        if exempt {
            paragraphs.push(item.exempt_paragraph.as_ref().map(|p| p.value));
        }
        paragraphs
            .extend(item.documents.iter().filter_map(|d| d.exempt_paragraph.as_ref().map(|p| Some(p.value))));
        paragraphs.extend(self.exempt_reports_of(key));
        if let Some(&(mm, n)) = self.graph.item_minute.get(&key) {
            if self.graph.minute_is_exempt((mm, n)) {
                paragraphs.push(self.minute_exempt_ctx(mm, n).and_then(|e| e.paragraph).map(ExemptParagraph));
            }
        }
        self.mark_exempt(&mut meta, &paragraphs);
        self.page("item.html", url, meta, page)
    }

    /// `/committees/<slug>/<date>/minutes/`.
    pub fn minutes(&self, m: MeetingIx) -> Result<PageOut, String> {
        #[derive(Serialize)]
        struct MinutesPage {
            meeting: Link,
            committee: Link,
            date: Day,
            status: String,
            draft: bool,
            approved_at: Option<Link>,
            approved_by_item: Option<Link>,
            started: String,
            closed: String,
            venue: String,
            attendance: Option<AttendanceCtx>,
            declarations: Vec<DeclarationCtx>,
            preamble_html: Option<String>,
            minutes: Vec<MinuteCtx>,
        }
        let meeting = &self.content.meetings[m];
        let Some(min) = &meeting.minutes else { return Err("no minutes".into()) };
        let (status, approved_at) = self.minutes_status(m).unwrap_or_default();
        let url = self.urls.minutes(&meeting.committee, meeting.date);
        let meeting_link = self.meeting_link(m);
        let committee_link = self.committee_link(meeting);
        let meta = self.meta(
            format!("Minutes: {}", self.meeting_title(m)),
            &url,
            vec![self.home_crumb(), self.committees_crumb(), committee_link.clone(), meeting_link.clone()],
            Some(self.minutes_updated(m)),
            format!("Minutes of {} held on {}", self.committee_name(meeting), Day::of(meeting.date).long),
        );
        let page = MinutesPage {
            meeting: meeting_link,
            committee: committee_link,
            date: Day::of(meeting.date),
            status,
            draft: min.front.status == MinutesStatus::Draft,
            approved_at,
            approved_by_item: self.graph.minutes_approved_by_item.get(&m).map(|&k| self.item_link(k)),
            started: time(min.front.started),
            closed: time(min.front.closed),
            venue: meeting.data.venue.name.clone(),
            attendance: self.attendance(m),
            declarations: self.declarations(m, None),
            preamble_html: min
                .preamble
                .as_ref()
                .map(|r| self.md(&min.body[r.clone()], min.file, Render::default())),
            minutes: (0..min.minutes.len()).filter_map(|n| self.minute_ctx(m, n)).collect(),
        };
        let mut meta = meta;
        let paragraphs: Vec<Option<ExemptParagraph>> = (0..min.minutes.len())
            .filter(|&n| self.graph.minute_is_exempt((m, n)))
            .map(|n| self.minute_exempt_ctx(m, n).and_then(|e| e.paragraph).map(ExemptParagraph))
            .collect();
        self.mark_exempt(&mut meta, &paragraphs);
        self.set_published(&mut meta, &format!("{}/minutes", meeting.id()));
        self.page("minutes.html", url, meta, page)
    }

    /// `/committees/<slug>/<date>/reports/<slug>/` (public reports only).
    pub fn report(&self, key: ReportKey) -> Result<PageOut, String> {
        #[derive(Serialize)]
        struct Appendix {
            title: String,
            id: String,
            html: Option<String>,
            link: Option<DocLink>,
            exempt: Option<String>,
        }
        #[derive(Serialize)]
        struct Considered {
            item: Link,
            meeting: Link,
            date: Day,
        }
        #[derive(Serialize)]
        struct ReportPage {
            title: String,
            report_of: String,
            author: PersonLink,
            portfolio_holder: Option<PersonLink>,
            wards: String,
            key_decision: Option<String>,
            plan: Option<Link>,
            task_group: Option<Link>,
            history: Option<records::HistoryCtx>,
            date: Day,
            meeting: Link,
            considered: Vec<Considered>,
            sections: Vec<Link>,
            body_html: String,
            appendices: Vec<Appendix>,
            pdf: Option<DocLink>,
            json_ld: String,
        }
        let (m, r) = key;
        let meeting = &self.content.meetings[m];
        let report = &meeting.reports[r];
        let mut considered: Vec<ItemKey> = self.graph.report_items.get(&key).cloned().unwrap_or_default();
        considered.sort_by_key(|k| (self.content.meetings[k.0].date, *k));
        let considered = considered
            .into_iter()
            .filter(|k| !self.withhold(self.graph.exempt_items.contains(k)))
            .map(|k| Considered {
                item: self.item_link(k),
                meeting: self.meeting_link(k.0),
                date: Day::of(self.content.meetings[k.0].date),
            })
            .collect();
        let appendices = report
            .appendices
            .iter()
            .enumerate()
            .map(|(n, a)| {
                let id = format!("appendix-{}", n + 1);
                let exempt = a.exempt.map(|p| {
                    format!(
                        "Exempt: not for publication under paragraph {} of Schedule 12A to the Local Government Act 1972. {}",
                        p.0,
                        p.meaning().unwrap_or("")
                    )
                });
                if self.withhold(a.exempt.is_some()) {
                    return Appendix { title: a.title.clone(), html: None, link: None, id, exempt };
                }
                match &a.markdown {
                    Some(md) => Appendix {
                        title: a.title.clone(),
                        html: Some(self.md(
                            md.read(),
                            md.file,
                            Render { top: 4, id_prefix: &format!("{id}-"), ..Render::default() },
                        )),
                        link: None,
                        id,
                        exempt,
                    },
                    None => Appendix {
                        title: a.title.clone(),
                        html: None,
                        link: Some(self.file_link(&a.title, &a.path, Some(a.bytes))),
                        id,
                        exempt,
                    },
                }
            })
            .collect();
        let url = self.urls.report(&meeting.committee, meeting.date, &report.slug);
        let meeting_link = self.meeting_link(m);
        let committee_link = self.committee_link(meeting);
        let mut meta = self.meta(
            report.front.title.clone(),
            &url,
            vec![self.home_crumb(), self.committees_crumb(), committee_link, meeting_link.clone()],
            Some(report.front.date.value),
            format!("Report of the {} to {}", report.front.report_of, self.meeting_title(m)),
        );
        self.add_meeting_to_head_title(&mut meta, m);
        let page = ReportPage {
            title: report.front.title.clone(),
            report_of: report.front.report_of.clone(),
            author: self.person_link(&report.front.author.value),
            portfolio_holder: report.front.portfolio_holder.as_ref().map(|p| self.person_link(&p.value)),
            wards: if report.front.wards.is_empty() {
                "None specified".into()
            } else {
                report.front.wards.join(", ")
            },
            key_decision: report.front.key_decision.as_ref().map(|k| k.value.clone()),
            plan: self.graph.records.report_plan.get(&key).map(|&p| self.plan_link(p)),
            task_group: self.graph.records.report_group.get(&key).map(|&(w, g)| {
                let wp = &self.content.work_programmes[w];
                Link {
                    title: wp.data.task_groups[g].name.clone(),
                    url: self.urls.work_item(&wp.committee, &wp.data.task_groups[g].id.value),
                }
            }),
            history: self.history(crate::link::Node::Report(key)),
            date: Day::of(report.front.date.value),
            meeting: meeting_link,
            considered,
            sections: report
                .sections
                .iter()
                .map(|s| Link { title: s.title.clone(), url: format!("#{}", s.anchor) })
                .collect(),
            body_html: self.md(
                &report.body.read()?,
                report.file,
                Render { anchor_h2: true, ..Render::default() },
            ),
            appendices,
            pdf: self.packs.report(key).map(|f| self.pdf_link(&format!("Report: {}", report.front.title), f)),
            json_ld: self.report_json_ld(key),
        };
        let mut paragraphs: Vec<Option<ExemptParagraph>> = Vec::new();
        if self.graph.exempt_reports.contains(&key) {
            paragraphs.push(self.report_paragraph(key));
        }
        paragraphs.extend(report.appendices.iter().filter_map(|a| a.exempt.map(Some)));
        self.mark_exempt(&mut meta, &paragraphs);
        self.set_published(&mut meta, &format!("{}/{}", meeting.id(), report.slug));
        self.page("report.html", url, meta, page)
    }
}

// ---------------------------------------------------------------------------------------------
// Person.

impl Builder<'_> {
    /// `/people/<slug>/`.
    pub fn person(&self, pi: usize) -> Result<PageOut, String> {
        #[derive(Serialize)]
        struct Role {
            committee: Link,
            year: String,
            role: &'static str,
        }
        #[derive(Serialize)]
        struct Summary {
            committee: Link,
            expected: usize,
            present: usize,
            apologies: usize,
            absent: usize,
        }
        #[derive(Serialize)]
        struct Attended {
            meeting: Link,
            date: Day,
            attendance: &'static str,
        }
        #[derive(Serialize)]
        struct PersonPage {
            name: String,
            kind: PersonKind,
            detail: Option<String>,
            party: Option<String>,
            ward: Option<String>,
            roles: Vec<String>,
            job_title: Option<String>,
            department: Option<String>,
            email: Option<String>,
            phone: Option<String>,
            memberships: Vec<Role>,
            summary: Vec<Summary>,
            meetings: Vec<Attended>,
            reports: Vec<PaperRow>,
            items: Vec<Link>,
        }
        let p = &self.content.people[pi];
        let mut memberships = Vec::new();
        for (ci, c) in self.content.committees.iter().enumerate() {
            let mut rows: Vec<(MunicipalYear, MemberRole)> = c
                .data
                .membership
                .iter()
                .zip(&c.years)
                .filter_map(|(ms, y)| {
                    Some(((*y)?, ms.members.iter().find(|mm| mm.person.value == p.slug)?.role))
                })
                .collect();
            rows.sort_by_key(|x| std::cmp::Reverse(x.0));
            for (y, role) in rows {
                memberships.push((
                    y,
                    ci,
                    Role {
                        committee: Link { title: c.data.name.clone(), url: self.urls.committee(&c.slug) },
                        year: y.label(),
                        role: role.label(),
                    },
                ));
            }
        }
        memberships.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        // Attendance summary per committee, over meetings with minutes where the person was a member.
        let mut summary: Vec<Summary> = Vec::new();
        for (ci, c) in self.content.committees.iter().enumerate() {
            let mut s = Summary {
                committee: Link { title: c.data.name.clone(), url: self.urls.committee(&c.slug) },
                expected: 0,
                present: 0,
                apologies: 0,
                absent: 0,
            };
            for &(m, a) in &self.graph.person_meetings[pi] {
                if self.graph.committees.get(&self.content.meetings[m].committee) != Some(&ci) {
                    continue;
                }
                let member = members_in_year(c, self.graph.meeting_year[m]).contains(&p.slug);
                match a {
                    Attendance::Present if member => {
                        s.expected += 1;
                        s.present += 1;
                    }
                    Attendance::Apologies => {
                        s.expected += 1;
                        s.apologies += 1;
                    }
                    Attendance::Absent => {
                        s.expected += 1;
                        s.absent += 1;
                    }
                    _ => {}
                }
            }
            if s.expected > 0 {
                summary.push(s);
            }
        }
        let meetings = self.graph.person_meetings[pi]
            .iter()
            .rev()
            .map(|&(m, a)| Attended {
                meeting: self.meeting_link(m),
                date: Day::of(self.content.meetings[m].date),
                attendance: match a {
                    Attendance::Present => "Present",
                    Attendance::Substitute => "Present as a substitute",
                    Attendance::Apologies => "Apologies",
                    Attendance::Absent => "Absent",
                    Attendance::AlsoPresent => "In attendance",
                    Attendance::Officer => "In attendance (officer)",
                },
            })
            .collect();
        let mut reports: Vec<ReportKey> = self.graph.person_reports[pi]
            .iter()
            .copied()
            .filter(|k| !self.withhold(self.graph.exempt_reports.contains(k)))
            .collect();
        reports.sort_by_key(|k| {
            (std::cmp::Reverse(self.content.meetings[k.0].reports[k.1].front.date.value), *k)
        });
        let mut items = self.graph.person_items[pi].clone();
        items.sort_by_key(|k| (std::cmp::Reverse(self.content.meetings[k.0].date), *k));
        let updated = self.graph.person_meetings[pi].iter().map(|&(m, _)| self.meeting_updated(m)).max();
        let url = self.urls.person(&p.slug);
        let meta = self.meta(
            p.display_name(),
            &url,
            vec![
                self.home_crumb(),
                Link { title: "Councillors and officers".into(), url: self.urls.people() },
            ],
            updated,
            match person_detail(p) {
                Some(d) => format!("{}, {d}", p.display_name()),
                None => p.display_name(),
            },
        );
        let page = PersonPage {
            name: p.display_name(),
            kind: p.data.kind,
            detail: person_detail(p),
            party: p.data.party.clone(),
            ward: p.data.ward.clone(),
            roles: p.data.roles.clone(),
            job_title: p.data.job_title.clone(),
            department: p.data.department.clone(),
            email: p.data.email.clone(),
            phone: p.data.phone.clone(),
            memberships: memberships.into_iter().map(|x| x.2).collect(),
            summary,
            meetings,
            reports: reports.into_iter().map(|k| self.paper_row(k)).collect(),
            items: items
                .into_iter()
                .map(|k| {
                    let l = self.item_link(k);
                    Link { title: format!("{} ({})", l.title, self.meeting_title(k.0)), url: l.url }
                })
                .collect(),
        };
        let mut meta = meta;
        let paragraphs: Vec<Option<ExemptParagraph>> = self.graph.person_items[pi]
            .iter()
            .filter(|k| self.graph.exempt_items.contains(k))
            .map(|k| self.content.meetings[k.0].data.agenda[k.1].exempt_paragraph.as_ref().map(|p| p.value))
            .chain(
                self.graph.person_reports[pi]
                    .iter()
                    .filter(|rk| self.graph.exempt_reports.contains(rk))
                    .map(|&rk| self.report_paragraph(rk)),
            )
            .collect();
        self.mark_exempt(&mut meta, &paragraphs);
        self.page("person.html", url, meta, page)
    }
}
