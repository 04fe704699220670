//! Permanent URLs. Every page is a folder with an `index.html`, under the site's base path.

use jiff::civil::Date;

use crate::link::{Graph, Target};
use crate::model::Content;

/// Builds URLs under the base URL's path (so a site can live at `https://example.gov.uk/democracy/`).
#[derive(Debug, Clone)]
pub struct Urls {
    /// Scheme and host, without a trailing slash: `https://democracy.example.gov.uk`.
    origin: String,
    /// Path, starting and ending with `/`: `/` or `/democracy/`.
    base_path: String,
}

impl Urls {
    /// From the base URL in `site.yaml` or `--base-url`.
    pub fn new(base_url: &str) -> Self {
        let trimmed = base_url.trim();
        let (origin, path) = match trimmed.find("://") {
            Some(i) => {
                let after = &trimmed[i + 3..];
                match after.find('/') {
                    Some(j) => (trimmed[..i + 3 + j].to_string(), after[j..].to_string()),
                    None => (trimmed.to_string(), "/".to_string()),
                }
            }
            None => (String::new(), trimmed.to_string()),
        };
        let mut base_path = if path.starts_with('/') { path } else { format!("/{path}") };
        if !base_path.ends_with('/') {
            base_path.push('/');
        }
        Urls { origin, base_path }
    }

    /// The path prefix, `/` or `/democracy/`.
    pub fn base_path(&self) -> &str {
        &self.base_path
    }

    /// A site path (no leading slash) as a root-relative URL.
    pub fn path(&self, p: &str) -> String {
        format!("{}{p}", self.base_path)
    }

    /// The absolute URL of a root-relative URL made by this builder.
    pub fn absolute(&self, url: &str) -> String {
        format!("{}{url}", self.origin)
    }

    /// Home page.
    pub fn home(&self) -> String {
        self.path("")
    }

    /// `/committees/`.
    pub fn committees(&self) -> String {
        self.path("committees/")
    }

    /// `/committees/<slug>/`.
    pub fn committee(&self, slug: &str) -> String {
        self.path(&format!("committees/{slug}/"))
    }

    /// `/committees/<slug>/<date>/`.
    pub fn meeting(&self, committee: &str, date: Date) -> String {
        self.path(&format!("committees/{committee}/{date}/"))
    }

    /// `/committees/<slug>/<date>/items/<n>/`.
    pub fn item(&self, committee: &str, date: Date, n: u32) -> String {
        self.path(&format!("committees/{committee}/{date}/items/{n}/"))
    }

    /// `/committees/<slug>/<date>/minutes/`.
    pub fn minutes(&self, committee: &str, date: Date) -> String {
        self.path(&format!("committees/{committee}/{date}/minutes/"))
    }

    /// `/committees/<slug>/<date>/minutes/#minute-<n>`.
    pub fn minute(&self, committee: &str, date: Date, n: u32) -> String {
        format!("{}#minute-{n}", self.minutes(committee, date))
    }

    /// `/committees/<slug>/<date>/reports/<slug>/`.
    pub fn report(&self, committee: &str, date: Date, slug: &str) -> String {
        self.path(&format!("committees/{committee}/{date}/reports/{slug}/"))
    }

    /// `/people/` and `/people/<slug>/`.
    pub fn people(&self) -> String {
        self.path("people/")
    }

    /// `/people/<slug>/`.
    pub fn person(&self, slug: &str) -> String {
        self.path(&format!("people/{slug}/"))
    }

    /// `/meetings/`.
    pub fn meetings(&self) -> String {
        self.path("meetings/")
    }

    /// `/committees/<slug>/work-programme/`.
    pub fn work_programme(&self, committee: &str) -> String {
        self.path(&format!("committees/{committee}/work-programme/"))
    }

    /// `/committees/<slug>/work-programme/#<id>`.
    pub fn work_item(&self, committee: &str, id: &str) -> String {
        format!("{}#{id}", self.work_programme(committee))
    }

    /// `/forward-plan/`.
    pub fn forward_plan(&self) -> String {
        self.path("forward-plan/")
    }

    /// `/forward-plan/<reference-slug>/`.
    pub fn plan_entry(&self, slug: &str) -> String {
        self.path(&format!("forward-plan/{slug}/"))
    }

    /// `/decisions/`.
    pub fn decisions(&self) -> String {
        self.path("decisions/")
    }

    /// `/decisions/<id>/`.
    pub fn decision(&self, id: &str) -> String {
        self.path(&format!("decisions/{id}/"))
    }

    /// `/matters/`.
    pub fn matters(&self) -> String {
        self.path("matters/")
    }

    /// `/matters/<slug>/`.
    pub fn matter(&self, slug: &str) -> String {
        self.path(&format!("matters/{slug}/"))
    }

    /// `/feeds/papers.atom`: the Atom feed of newly published papers.
    pub fn papers_feed(&self) -> String {
        self.path("feeds/papers.atom")
    }

    /// `/committees/<slug>/feed.atom`: the Atom feed of one committee's papers.
    pub fn committee_feed(&self, slug: &str) -> String {
        self.path(&format!("committees/{slug}/feed.atom"))
    }

    /// `/decisions/feed.atom`.
    pub fn decisions_feed(&self) -> String {
        self.path("decisions/feed.atom")
    }

    /// `/forward-plan/feed.atom`.
    pub fn forward_plan_feed(&self) -> String {
        self.path("forward-plan/feed.atom")
    }

    /// `/meetings.ics`: every meeting, as an iCalendar file.
    pub fn meetings_calendar(&self) -> String {
        self.path("meetings.ics")
    }

    /// `/committees/<slug>/meetings.ics`: one committee's meetings.
    pub fn committee_calendar(&self, slug: &str) -> String {
        self.path(&format!("committees/{slug}/meetings.ics"))
    }

    /// The host of the base URL, lower case and without a port (`democracy.example.gov.uk`),
    /// or `None` if the base URL has no scheme and host.
    pub fn host(&self) -> Option<String> {
        let after = self.origin.split_once("://")?.1;
        let authority = after.rsplit_once('@').map_or(after, |(_, h)| h);
        let host = match authority.strip_prefix('[') {
            // An IPv6 literal keeps its brackets.
            Some(v6) => v6.split_once(']').map(|(h, _)| format!("[{h}]"))?,
            None => authority.split(':').next().unwrap_or("").to_string(),
        };
        (!host.is_empty()).then(|| host.to_ascii_lowercase())
    }

    /// A copied file, at its path inside `content/`.
    pub fn file(&self, rel: &str) -> String {
        self.path(rel)
    }

    /// A theme static file.
    pub fn static_file(&self, name: &str) -> String {
        self.path(&format!("static/{name}"))
    }

    /// The URL of anything an id can name.
    pub fn target(&self, content: &Content, graph: &Graph, t: Target) -> String {
        match t {
            Target::WorkProgramme(w) => self.work_programme(&content.work_programmes[w].committee),
            Target::WorkItem((w, i)) => {
                let wp = &content.work_programmes[w];
                self.work_item(&wp.committee, &wp.data.items[i].id.value)
            }
            Target::PlanEntry(p) => self.plan_entry(&content.forward_plan[p].slug),
            Target::Decision(d) => self.decision(&graph.records.decisions[d].id),
            Target::Matter(m) => self.matter(&graph.records.matters[m].slug),
            Target::Person(p) => self.person(&content.people[p].slug),
            Target::Committee(c) => self.committee(&content.committees[c].slug),
            Target::Meeting(m) => {
                let m = &content.meetings[m];
                self.meeting(&m.committee, m.date)
            }
            Target::Item((m, i)) => {
                let m = &content.meetings[m];
                self.item(&m.committee, m.date, m.data.agenda[i].number.value)
            }
            Target::Report((m, r)) => {
                let m = &content.meetings[m];
                self.report(&m.committee, m.date, &m.reports[r].slug)
            }
            Target::Minutes(m) => {
                let m = &content.meetings[m];
                self.minutes(&m.committee, m.date)
            }
            Target::Minute((m, n)) => {
                let mt = &content.meetings[m];
                let number = mt.minutes.as_ref().map_or(0, |x| x.minutes[n].number);
                self.minute(&mt.committee, mt.date, number)
            }
        }
    }

    /// The file a root-relative page URL is written to, relative to the output folder.
    pub fn output_path(&self, url: &str) -> String {
        let p = url.strip_prefix(&self.base_path).unwrap_or(url.trim_start_matches('/'));
        let p = p.split('#').next().unwrap_or("");
        if p.is_empty() || p.ends_with('/') { format!("{p}index.html") } else { p.to_string() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_path_sites() {
        let u = Urls::new("https://example.gov.uk/democracy");
        assert_eq!(u.committee("cabinet"), "/democracy/committees/cabinet/");
        assert_eq!(u.absolute(&u.home()), "https://example.gov.uk/democracy/");
        assert_eq!(u.output_path("/democracy/committees/cabinet/"), "committees/cabinet/index.html");
        let root = Urls::new("https://democracy.example.gov.uk/");
        assert_eq!(root.home(), "/");
        assert_eq!(root.output_path("/"), "index.html");
    }

    #[test]
    fn feeds_calendars_and_host() {
        let u = Urls::new("https://Example.gov.uk:8443/democracy/");
        assert_eq!(u.host().as_deref(), Some("example.gov.uk"));
        assert_eq!(u.committee_feed("cabinet"), "/democracy/committees/cabinet/feed.atom");
        assert_eq!(u.output_path(&u.meetings_calendar()), "meetings.ics");
        assert_eq!(u.output_path(&u.papers_feed()), "feeds/papers.atom");
        assert_eq!(Urls::new("/").host(), None);
    }
}
