//! Archive browsing: meetings by municipal year with a month calendar, every published paper
//! by year and type, and reports by ward. Long lists are split into pages (`list_page_size` in `site.yaml`).

use std::collections::BTreeMap;

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use serde::Serialize;

use super::{Builder, Link, MeetingRow, PageOut};
use crate::link::MeetingIx;
use crate::model::{ExemptParagraph, MunicipalYear};
use crate::render::format::Day;

/// Kinds of paper on `/papers/`: URL segment, heading, and the kind each entry carries.
pub const PAPER_KINDS: [(&str, &str); 3] =
    [("agendas", "Agendas"), ("reports", "Reports"), ("minutes", "Minutes")];

/// The entry kind a `/papers/` segment lists.
fn entry_kind(segment: &str) -> Option<&'static str> {
    match segment {
        "agendas" => Some("Agenda"),
        "reports" => Some("Report"),
        "minutes" => Some("Minutes"),
        _ => None,
    }
}

/// One published paper in a list.
#[derive(Debug, Clone, Serialize)]
pub struct PaperEntry {
    kind: &'static str,
    title: String,
    url: String,
    committee: String,
    date: Day,
    /// Members' edition: the paper is exempt (under this paragraph, if known).
    #[serde(skip)]
    exempt: Option<Option<ExemptParagraph>>,
}

/// Links to the pages of a long list.
#[derive(Debug, Serialize)]
struct Pager {
    current: usize,
    pages: Vec<Link>,
}

#[derive(Serialize)]
struct CalendarMonth {
    label: String,
    id: String,
    weeks: Vec<Vec<Option<CalendarDay>>>,
}

#[derive(Serialize)]
struct CalendarDay {
    day: i8,
    iso: String,
    meetings: Vec<Link>,
}

impl Builder<'_> {
    /// The most entries one list page holds (`list_page_size` in `site.yaml`, default 200).
    fn page_size(&self) -> usize {
        self.content.site.list_page_size.max(1)
    }

    /// Municipal years that have meetings, newest first.
    pub fn meeting_years(&self) -> Vec<MunicipalYear> {
        let mut years: Vec<MunicipalYear> = self.graph.meeting_year.clone();
        years.sort();
        years.dedup();
        years.reverse();
        years
    }

    fn meetings_of_year(&self, year: MunicipalYear) -> Vec<MeetingIx> {
        let mut list: Vec<MeetingIx> =
            (0..self.content.meetings.len()).filter(|&m| self.graph.meeting_year[m] == year).collect();
        list.sort_by_key(|&m| (self.content.meetings[m].date, self.content.meetings[m].committee.clone()));
        list
    }

    /// `/meetings/<yyyy-yy>/`: a municipal year's meetings, as a month calendar and a list.
    pub fn meetings_year(&self, year: MunicipalYear) -> Result<PageOut, String> {
        #[derive(Serialize)]
        struct YearPage {
            label: String,
            months: Vec<CalendarMonth>,
            meetings: Vec<MeetingRow>,
            previous: Option<Link>,
            next: Option<Link>,
        }
        let meetings = self.meetings_of_year(year);
        let start_month = self.content.site.municipal_year_start_month;
        let mut months = Vec::new();
        for i in 0..12 {
            let first = Date::new(year.0, start_month, 1)
                .map_err(|e| e.to_string())?
                .checked_add(i.months())
                .map_err(|e| e.to_string())?;
            months.push(self.calendar_month(first, &meetings));
        }
        let years = self.meeting_years();
        let pos = years.iter().position(|y| *y == year);
        let link = |y: &MunicipalYear| Link {
            title: format!("Meetings in {}", y.label()),
            url: self.urls.path(&format!("meetings/{}/", y.slug())),
        };
        let url = self.urls.path(&format!("meetings/{}/", year.slug()));
        let meta = self.meta(
            format!("Meetings in {}", year.label()),
            &url,
            vec![self.home_crumb(), Link { title: "Meetings".into(), url: self.urls.meetings() }],
            meetings.iter().map(|&m| self.meeting_updated(m)).max(),
            format!("Every meeting of {} in the municipal year {}", self.content.site.name, year.label()),
        );
        let page = YearPage {
            label: year.label(),
            months,
            meetings: meetings.iter().map(|&m| self.meeting_row(m)).collect(),
            // Years are listed newest first: the "previous" year is the next one in the list.
            previous: pos.and_then(|p| years.get(p + 1)).map(link),
            next: pos.and_then(|p| p.checked_sub(1)).and_then(|p| years.get(p)).map(link),
        };
        self.page("meetings-year.html", url, meta, page)
    }

    fn calendar_month(&self, first: Date, meetings: &[MeetingIx]) -> CalendarMonth {
        let mut by_day: BTreeMap<Date, Vec<Link>> = BTreeMap::new();
        for &m in meetings {
            let meeting = &self.content.meetings[m];
            if meeting.date.year() == first.year() && meeting.date.month() == first.month() {
                by_day.entry(meeting.date).or_default().push(Link {
                    title: match &meeting.data.title {
                        Some(t) => format!("{}: {t}", self.committee_name(meeting)),
                        None => self.committee_name(meeting),
                    },
                    url: self.urls.meeting(&meeting.committee, meeting.date),
                });
            }
        }
        let mut weeks: Vec<Vec<Option<CalendarDay>>> = Vec::new();
        let mut week: Vec<Option<CalendarDay>> = Vec::new();
        let lead = first.weekday().to_monday_zero_offset() as usize;
        week.extend((0..lead).map(|_| None));
        let mut day = first;
        while day.month() == first.month() {
            week.push(Some(CalendarDay {
                day: day.day(),
                iso: day.to_string(),
                meetings: by_day.remove(&day).unwrap_or_default(),
            }));
            if day.weekday() == Weekday::Sunday {
                weeks.push(std::mem::take(&mut week));
            }
            match day.tomorrow() {
                Ok(d) => day = d,
                Err(_) => break,
            }
        }
        if !week.is_empty() {
            while week.len() < 7 {
                week.push(None);
            }
            weeks.push(week);
        }
        CalendarMonth {
            label: first.strftime("%B %Y").to_string(),
            id: first.strftime("month-%Y-%m").to_string(),
            weeks,
        }
    }

    /// A report in a list; in the members' edition an exempt one is marked.
    fn report_entry(&self, key: crate::link::ReportKey, committee: &str) -> PaperEntry {
        let meeting = &self.content.meetings[key.0];
        let report = &meeting.reports[key.1];
        let exempt = self.graph.exempt_reports.contains(&key).then(|| self.report_paragraph(key));
        let mut title = report.front.title.clone();
        if exempt.is_some() {
            title.push_str(" [exempt: not for publication]");
        }
        PaperEntry {
            kind: "Report",
            title,
            url: self.urls.report(&meeting.committee, meeting.date, &report.slug),
            committee: committee.to_string(),
            date: Day::of(meeting.date),
            exempt,
        }
    }

    /// Every published paper, newest first: agendas, reports (not withheld ones) and minutes.
    fn papers_list(&self) -> &[(MunicipalYear, PaperEntry)] {
        self.memo.papers.get_or_init(|| self.make_papers_list())
    }

    fn make_papers_list(&self) -> Vec<(MunicipalYear, PaperEntry)> {
        let mut out = Vec::new();
        for (m, meeting) in self.content.meetings.iter().enumerate() {
            let year = self.graph.meeting_year[m];
            let committee = self.committee_name(meeting);
            if !meeting.data.agenda.is_empty() {
                out.push((
                    year,
                    PaperEntry {
                        kind: "Agenda",
                        title: format!("Agenda: {}", self.meeting_title(m)),
                        url: self.urls.meeting(&meeting.committee, meeting.date),
                        committee: committee.clone(),
                        date: Day::of(meeting.date),
                        exempt: None,
                    },
                ));
            }
            for r in 0..meeting.reports.len() {
                let exempt = self.graph.exempt_reports.contains(&(m, r));
                if self.withhold(exempt) {
                    continue;
                }
                out.push((year, self.report_entry((m, r), &committee)));
            }
            if meeting.minutes.is_some() {
                out.push((
                    year,
                    PaperEntry {
                        kind: "Minutes",
                        title: format!("Minutes: {}", self.meeting_title(m)),
                        url: self.urls.minutes(&meeting.committee, meeting.date),
                        committee,
                        date: Day::of(meeting.date),
                        exempt: None,
                    },
                ));
            }
        }
        out.sort_by(|a, b| b.1.date.iso.cmp(&a.1.date.iso).then_with(|| a.1.url.cmp(&b.1.url)));
        out
    }

    fn papers_filtered(&self, year: Option<MunicipalYear>, kind: Option<&str>) -> Vec<&PaperEntry> {
        let want = kind.and_then(entry_kind);
        self.papers_list()
            .iter()
            .filter(|(y, _)| year.is_none_or(|w| *y == w))
            .filter(|(_, p)| want.is_none_or(|k| k == p.kind))
            .map(|(_, p)| p)
            .collect()
    }

    /// The `/papers/…` list pages that exist: (year, kind, page number from 1).
    pub fn papers_pages(&self) -> Vec<(MunicipalYear, Option<&'static str>, usize)> {
        let mut out = Vec::new();
        for year in self.meeting_years() {
            for kind in std::iter::once(None).chain(PAPER_KINDS.iter().map(|(s, _)| Some(*s))) {
                let n = self.papers_filtered(Some(year), kind).len();
                for page in 1..=n.div_ceil(self.page_size()).max(1) {
                    out.push((year, kind, page));
                }
            }
        }
        out
    }

    fn papers_url(&self, year: MunicipalYear, kind: Option<&str>, page: usize) -> String {
        let mut p = format!("papers/{}/", year.slug());
        if let Some(k) = kind {
            p.push_str(k);
            p.push('/');
        }
        if page > 1 {
            p.push_str(&format!("page-{page}/"));
        }
        self.urls.path(&p)
    }

    /// `/papers/`: the years and kinds of paper, with counts.
    pub fn papers_index(&self) -> Result<PageOut, String> {
        #[derive(Serialize)]
        struct YearRow {
            label: String,
            all: Link,
            kinds: Vec<Link>,
        }
        #[derive(Serialize)]
        struct PapersIndex {
            years: Vec<YearRow>,
        }
        let mut years = Vec::new();
        for year in self.meeting_years() {
            let all = self.papers_filtered(Some(year), None).len();
            years.push(YearRow {
                label: year.label(),
                all: Link {
                    title: format!("All papers, {} ({all})", year.label()),
                    url: self.papers_url(year, None, 1),
                },
                kinds: PAPER_KINDS
                    .iter()
                    .map(|(slug, label)| Link {
                        title: format!(
                            "{label}, {} ({})",
                            year.label(),
                            self.papers_filtered(Some(year), Some(slug)).len()
                        ),
                        url: self.papers_url(year, Some(slug), 1),
                    })
                    .collect(),
            });
        }
        let url = self.urls.path("papers/");
        let meta = self.meta(
            "Papers".into(),
            &url,
            vec![self.home_crumb()],
            self.latest_date(),
            format!("Every published agenda, report and set of minutes of {}", self.content.site.name),
        );
        self.page("papers.html", url, meta, PapersIndex { years })
    }

    /// `/papers/<yyyy-yy>/[<kind>/][page-N/]`: one page of a year's papers.
    pub fn papers(&self, year: MunicipalYear, kind: Option<&str>, page: usize) -> Result<PageOut, String> {
        #[derive(Serialize)]
        struct PapersPage {
            heading: String,
            papers: Vec<PaperEntry>,
            kinds: Vec<Link>,
            pager: Option<Pager>,
        }
        let all = self.papers_filtered(Some(year), kind);
        let pages = all.len().div_ceil(self.page_size()).max(1);
        let papers: Vec<PaperEntry> =
            all.into_iter().skip((page - 1) * self.page_size()).take(self.page_size()).cloned().collect();
        let kind_label =
            kind.and_then(|k| PAPER_KINDS.iter().find(|(s, _)| *s == k)).map_or("Papers", |(_, l)| *l);
        let mut heading = format!("{kind_label}, {}", year.label());
        if page > 1 {
            heading.push_str(&format!(" (page {page} of {pages})"));
        }
        let url = self.papers_url(year, kind, page);
        let meta = self.meta(
            heading.clone(),
            &url,
            vec![self.home_crumb(), Link { title: "Papers".into(), url: self.urls.path("papers/") }],
            self.latest_date(),
            format!("{kind_label} published by {} in {}", self.content.site.name, year.label()),
        );
        let mut meta = meta;
        let marks: Vec<Option<ExemptParagraph>> = papers.iter().filter_map(|p| p.exempt).collect();
        self.mark_exempt(&mut meta, &marks);
        let kinds = std::iter::once(Link { title: "All papers".into(), url: self.papers_url(year, None, 1) })
            .chain(
                PAPER_KINDS
                    .iter()
                    .map(|(s, l)| Link { title: (*l).to_string(), url: self.papers_url(year, Some(s), 1) }),
            )
            .collect();
        let pager = (pages > 1).then(|| Pager {
            current: page,
            pages: (1..=pages)
                .map(|p| Link { title: format!("Page {p}"), url: self.papers_url(year, kind, p) })
                .collect(),
        });
        self.page("papers-list.html", url, meta, PapersPage { heading, papers, kinds, pager })
    }

    /// Reports by ward: ward slug → (ward name, reports newest first). "All wards" is a ward of
    /// its own, so that every ward page does not repeat the borough-wide reports.
    fn wards_reports(&self) -> &BTreeMap<String, (String, Vec<PaperEntry>)> {
        self.memo.wards.get_or_init(|| self.make_wards_reports())
    }

    fn make_wards_reports(&self) -> BTreeMap<String, (String, Vec<PaperEntry>)> {
        let mut out: BTreeMap<String, (String, Vec<PaperEntry>)> = BTreeMap::new();
        for (m, meeting) in self.content.meetings.iter().enumerate() {
            for (r, report) in meeting.reports.iter().enumerate() {
                if self.withhold(self.graph.exempt_reports.contains(&(m, r))) {
                    continue;
                }
                for ward in &report.front.wards {
                    let name = ward.trim();
                    let slug = crate::slugs::slugify(name);
                    if slug.is_empty() {
                        continue;
                    }
                    let entry = out.entry(slug).or_insert_with(|| (name.to_string(), Vec::new()));
                    entry.1.push(self.report_entry((m, r), &self.committee_name(meeting)));
                }
            }
        }
        for (_, list) in out.values_mut() {
            list.sort_by(|a, b| b.date.iso.cmp(&a.date.iso).then_with(|| a.url.cmp(&b.url)));
        }
        out
    }

    /// The `/wards/<slug>/` pages that exist: (slug, page number from 1).
    pub fn ward_pages(&self) -> Vec<(String, usize)> {
        self.wards_reports()
            .iter()
            .flat_map(|(slug, (_, list))| {
                (1..=list.len().div_ceil(self.page_size()).max(1)).map(move |p| (slug.clone(), p))
            })
            .collect()
    }

    fn ward_url(&self, slug: &str, page: usize) -> String {
        if page > 1 {
            self.urls.path(&format!("wards/{slug}/page-{page}/"))
        } else {
            self.urls.path(&format!("wards/{slug}/"))
        }
    }

    /// `/wards/`: every ward named by a report.
    pub fn wards(&self) -> Result<PageOut, String> {
        #[derive(Serialize)]
        struct WardsPage {
            wards: Vec<Link>,
        }
        let all = self.wards_reports();
        let marks: Vec<Option<ExemptParagraph>> =
            all.values().flat_map(|(_, list)| list.iter().filter_map(|p| p.exempt)).collect();
        let wards = all
            .iter()
            .map(|(slug, (name, list))| Link {
                title: format!("{name} ({} report{})", list.len(), if list.len() == 1 { "" } else { "s" }),
                url: self.ward_url(slug, 1),
            })
            .collect();
        let url = self.urls.path("wards/");
        let meta = self.meta(
            "Wards".into(),
            &url,
            vec![self.home_crumb()],
            self.latest_date(),
            format!("Reports to {} by the ward they affect", self.content.site.name),
        );
        let mut meta = meta;
        self.mark_exempt(&mut meta, &marks);
        self.page("wards.html", url, meta, WardsPage { wards })
    }

    /// `/wards/<slug>/[page-N/]`: reports affecting a ward.
    pub fn ward(&self, slug: &str, page: usize) -> Result<PageOut, String> {
        #[derive(Serialize)]
        struct WardPage {
            heading: String,
            name: String,
            papers: Vec<PaperEntry>,
            pager: Option<Pager>,
            all_wards: Option<Link>,
        }
        let all = self.wards_reports();
        let (name, list) = all.get(slug).ok_or_else(|| format!("no ward {slug}"))?;
        let name = name.clone();
        let pages = list.len().div_ceil(self.page_size()).max(1);
        let papers: Vec<PaperEntry> =
            list.iter().skip((page - 1) * self.page_size()).take(self.page_size()).cloned().collect();
        let mut heading = format!("Reports affecting {name}");
        if page > 1 {
            heading.push_str(&format!(" (page {page} of {pages})"));
        }
        let url = self.ward_url(slug, page);
        let meta = self.meta(
            heading.clone(),
            &url,
            vec![self.home_crumb(), Link { title: "Wards".into(), url: self.urls.path("wards/") }],
            self.latest_date(),
            format!("Reports to {} that affect {name}", self.content.site.name),
        );
        let pager = (pages > 1).then(|| Pager {
            current: page,
            pages: (1..=pages)
                .map(|p| Link { title: format!("Page {p}"), url: self.ward_url(slug, p) })
                .collect(),
        });
        let mut meta = meta;
        let marks: Vec<Option<ExemptParagraph>> = papers.iter().filter_map(|p| p.exempt).collect();
        self.mark_exempt(&mut meta, &marks);
        let all_wards = (slug != "all-wards" && all.contains_key("all-wards")).then(|| Link {
            title: "Reports affecting all wards".into(),
            url: self.ward_url("all-wards", 1),
        });
        self.page("ward.html", url, meta, WardPage { heading, name, papers, pager, all_wards })
    }

    /// Meetings from `as_of` on, soonest first, for the meetings page.
    pub fn upcoming(&self) -> Vec<MeetingRow> {
        let Some(today) = self.graph.as_of() else { return Vec::new() };
        let mut list: Vec<MeetingIx> =
            (0..self.content.meetings.len()).filter(|&m| self.content.meetings[m].date >= today).collect();
        list.sort_by_key(|&m| (self.content.meetings[m].date, self.content.meetings[m].committee.clone()));
        list.into_iter().take(self.page_size()).map(|m| self.meeting_row(m)).collect()
    }
}
