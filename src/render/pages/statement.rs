//! `/accessibility/`: the accessibility statement, in the structure of the UK government's
//! model statement, from `accessibility:` in `site.yaml` and the problems the build finds itself.

use serde::Serialize;

use super::{Builder, PageOut};
use crate::check::accessibility::Problem;
use crate::model::Compliance;
use crate::render::format::Day;
use crate::render::markdown::Render;

#[derive(Serialize)]
struct ProblemCtx {
    title: String,
    url: Option<String>,
    detail_html: String,
    fix_by: Option<Day>,
}

#[derive(Serialize)]
struct ContactCtx {
    name: String,
    email: String,
    phone: Option<String>,
    address: Vec<String>,
}

#[derive(Serialize)]
struct StatementPage {
    site_url: String,
    status: &'static str,
    status_text: String,
    found: Vec<ProblemCtx>,
    problems: Vec<ProblemCtx>,
    contact: ContactCtx,
    reply_days: u32,
    outside_scope_html: Option<String>,
    testing_html: Option<String>,
    prepared: Option<Day>,
    reviewed: Option<Day>,
}

impl Builder<'_> {
    /// `/accessibility/`.
    pub fn accessibility(&self) -> Result<PageOut, String> {
        let site = &self.content.site;
        let a = &site.accessibility;
        let site_file = self.sources.files.iter().position(|f| f.rel == "site.yaml").unwrap_or(0);
        let md = |text: &str| self.md(text, site_file, Render::default());
        let files = self.graph.files_for(self.edition);
        let mut found = Vec::new();
        for f in self.findings {
            // Only what this edition publishes.
            if f.report.is_some_and(|r| self.withhold(self.graph.exempt_reports.contains(&(f.meeting, r)))) {
                continue;
            }
            let meeting = &self.content.meetings[f.meeting];
            match f.problem {
                Problem::PdfWithoutText if files.contains(&f.file) => found.push(ProblemCtx {
                    title: format!("{} (PDF)", f.title),
                    url: Some(self.urls.file(&f.file)),
                    detail_html: md(
                        "This PDF is a scanned image with no text, so screen readers cannot read it and its text \
                         cannot be enlarged or searched. This fails WCAG 2.2 success criteria 1.1.1 (non-text \
                         content) and 1.4.5 (images of text).",
                    ),
                    fix_by: None,
                }),
                Problem::ImageWithoutAlt => found.push(ProblemCtx {
                    title: format!("An image in “{}”", f.title),
                    url: Some(match f.report {
                        Some(r) => self.urls.report(&meeting.committee, meeting.date, &meeting.reports[r].slug),
                        None => self.urls.minutes(&meeting.committee, meeting.date),
                    }),
                    detail_html: md(
                        "The image has no text alternative, so people who cannot see it are not told what it \
                         shows. This fails WCAG 2.2 success criterion 1.1.1 (non-text content).",
                    ),
                    fix_by: None,
                }),
                Problem::PdfWithoutText => {}
            }
        }
        let problems = a
            .problems
            .iter()
            .map(|p| ProblemCtx {
                title: p.title.clone(),
                url: None,
                detail_html: md(&p.detail),
                fix_by: p.fix_by.map(Day::of),
            })
            .collect();
        let c = a.contact.clone().unwrap_or_else(|| site.democratic_services.clone());
        let (status, status_text) = match a.status {
            Compliance::Full => (
                "full",
                "This website is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard."
                    .to_string(),
            ),
            Compliance::Partial => (
                "partial",
                "This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA \
                 standard, due to the non-compliances listed below."
                    .to_string(),
            ),
            Compliance::None => (
                "none",
                "This website is not compliant with the Web Content Accessibility Guidelines version 2.2 AA \
                 standard. The non-compliances are listed below."
                    .to_string(),
            ),
        };
        let url = self.urls.path("accessibility/");
        let meta = self.meta(
            "Accessibility statement".into(),
            &url,
            vec![self.home_crumb()],
            a.reviewed.or(a.prepared).or_else(|| self.latest_date()),
            format!("Accessibility statement for the committee papers of {}", site.name),
        );
        let page = StatementPage {
            site_url: self.urls.absolute(&self.urls.home()),
            status,
            status_text,
            found,
            problems,
            contact: ContactCtx { name: c.name, email: c.email, phone: c.phone, address: c.address },
            reply_days: a.reply_days,
            outside_scope_html: a.outside_scope.as_deref().map(md),
            testing_html: a.testing.as_deref().map(md),
            prepared: a.prepared.map(Day::of),
            reviewed: a.reviewed.map(Day::of),
        };
        self.page("accessibility.html", url, meta, page)
    }
}
