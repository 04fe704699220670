//! `content/site.yaml`: the authority that publishes the papers.

use serde::Deserialize;

/// The authority and site-wide settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// Full name of the authority, for example "Ashcombe Borough Council".
    pub name: String,
    /// Short name, for example "Ashcombe": the `application-name` of every page (what a browser
    /// shows for a pinned site).
    pub short_name: String,
    /// The address the site is served from, for example `https://democracy.example.gov.uk/`.
    /// A path is allowed (`https://example.gov.uk/democracy/`); every link is made under it.
    pub base_url: String,
    /// Postal address of the authority, one line per entry.
    #[serde(default)]
    pub address: Vec<String>,
    /// The democratic services team: shown on every page footer and the contact sections.
    pub democratic_services: Contact,
    /// Licence under which the papers are published (Markdown), for example the Open Government Licence.
    pub licence: String,
    /// Month (1–12) in which the municipal year starts: 5 (May) in England.
    #[serde(default = "default_start_month")]
    pub municipal_year_start_month: i8,
    /// Name of a theme under `themes/` whose templates and static files override the default.
    #[serde(default)]
    pub theme: Option<String>,
    /// Language of the papers, as a BCP 47 tag (`en-GB` unless set).
    #[serde(default = "default_language")]
    pub language: String,
    /// Whose bank holidays count for working days: `england-and-wales` (the default),
    /// `scotland` or `northern-ireland`.
    #[serde(default)]
    pub bank_holidays: Region,
    /// The level of each publication rule, by code: `error`, `warning` or `off`.
    #[serde(default)]
    pub rules: std::collections::BTreeMap<String, RuleLevel>,
    /// Whether minute numbers start again at 1 in each municipal year (the default) or run on
    /// from year to year.
    #[serde(default)]
    pub minute_numbering: MinuteNumbering,
    /// How many weeks after a meeting its minutes may stay in draft before `minutes-draft-overdue`.
    #[serde(default = "default_draft_weeks")]
    pub draft_minutes_weeks: u32,
    /// The most entries one page of a long list holds (papers by year, ward pages); longer
    /// lists are split into numbered pages.
    #[serde(default = "default_list_page_size")]
    pub list_page_size: usize,
    /// What the accessibility statement says (`/accessibility/`).
    #[serde(default)]
    pub accessibility: Accessibility,
}

/// How far the site meets WCAG 2.2 AA, in the words of the UK government's model statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Compliance {
    /// Fully compliant.
    Full,
    /// Partially compliant: some content does not meet the standard (listed).
    #[default]
    Partial,
    /// Not compliant.
    None,
}

/// Content the council knows is not accessible, with why and when it will be fixed.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KnownProblem {
    /// What is not accessible, for example "Planning appeal decisions before 2019 (scanned PDFs)".
    pub title: String,
    /// How it fails (Markdown), naming the WCAG success criterion where known.
    pub detail: String,
    /// When it will be fixed, if planned.
    #[serde(default)]
    pub fix_by: Option<jiff::civil::Date>,
}

/// `accessibility:` in `site.yaml`: the facts of the accessibility statement that Agendum
/// cannot know. Everything is optional; the statement uses the democratic services contact
/// when no contact is given.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Accessibility {
    /// Compliance status: `full`, `partial` (the default) or `none`.
    #[serde(default)]
    pub status: Compliance,
    /// Where to ask for an accessible format; defaults to democratic services.
    #[serde(default)]
    pub contact: Option<Contact>,
    /// Working days to reply to a request for an accessible format.
    #[serde(default = "default_reply_days")]
    pub reply_days: u32,
    /// Known problems not found automatically.
    #[serde(default)]
    pub problems: Vec<KnownProblem>,
    /// Content exempt from the regulations, for example PDFs published before 23 September
    /// 2018 that are not needed for services the council provides (Markdown).
    #[serde(default)]
    pub outside_scope: Option<String>,
    /// How and when the site was tested (Markdown).
    #[serde(default)]
    pub testing: Option<String>,
    /// When the statement was prepared.
    #[serde(default)]
    pub prepared: Option<jiff::civil::Date>,
    /// When it was last reviewed.
    #[serde(default)]
    pub reviewed: Option<jiff::civil::Date>,
}

fn default_reply_days() -> u32 {
    10
}

/// A part of the United Kingdom with its own bank holidays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    /// England and Wales.
    #[default]
    EnglandAndWales,
    /// Scotland.
    Scotland,
    /// Northern Ireland.
    NorthernIreland,
}

/// How a committee's minutes are numbered from one meeting to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum MinuteNumbering {
    /// Numbers run on through the municipal year and start again at 1 in the next.
    #[default]
    MunicipalYear,
    /// Numbers run on from year to year and never start again.
    Continuous,
}

/// How a rule is enforced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RuleLevel {
    /// Fails the build.
    Error,
    /// Reported; the build succeeds.
    Warning,
    /// Not checked.
    Off,
}

fn default_draft_weeks() -> u32 {
    6
}

fn default_list_page_size() -> usize {
    200
}

impl Default for Site {
    /// An empty site (used when `site.yaml` is missing or broken, so that later stages do not
    /// report problems that are only the file's).
    fn default() -> Self {
        Site {
            name: String::new(),
            short_name: String::new(),
            base_url: "/".into(),
            address: Vec::new(),
            democratic_services: Contact::default(),
            licence: String::new(),
            municipal_year_start_month: default_start_month(),
            theme: None,
            language: default_language(),
            bank_holidays: Region::default(),
            rules: Default::default(),
            minute_numbering: MinuteNumbering::default(),
            draft_minutes_weeks: default_draft_weeks(),
            list_page_size: default_list_page_size(),
            accessibility: Accessibility::default(),
        }
    }
}

/// A contact point: a team or office.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Name of the team, for example "Democratic Services".
    pub name: String,
    /// Email address.
    pub email: String,
    /// Telephone number as it should be shown.
    #[serde(default)]
    pub phone: Option<String>,
    /// Postal address lines, if different from the authority's.
    #[serde(default)]
    pub address: Vec<String>,
}

fn default_start_month() -> i8 {
    5
}

fn default_language() -> String {
    "en-GB".to_string()
}
