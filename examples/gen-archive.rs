//! Generates a large, realistic archive in Agendum's content format, for benchmarking builds at
//! the scale of a council's twenty-year archive.
//!
//! ```sh
//! cargo run --release --example gen-archive -- --committees 40 --years 20 --out DIR \
//!     [--seed N] [--scale F] [--no-pdfs]
//! ```
//!
//! It writes `DIR/content/` (replacing any `content/` already there, and nothing else) for a
//! fictional council, Brackenford Borough Council: people (councillors who come and go at
//! elections, officers who change posts, co-opted members), committees with a membership for
//! every municipal year, about ten meetings a committee a year with agendas of 8 to 14 items,
//! reports of 1,500 to 4,000 words with captioned tables and appendices (Markdown, and small
//! PDFs with a text layer), minutes of every meeting held with minute numbers running on through
//! each committee's municipal year, work programmes for the scrutiny committees, the forward plan
//! of key decisions, decisions taken by officers and cabinet members, matters that run across
//! committees and years, and Part 2 items with exempt reports. The last municipal year is
//! 2025/26; `--years N` goes back N municipal years from it.
//!
//! `--scale F` multiplies the number of years (rounded, at least one), so `--scale 0.25` of the
//! default 40 committees × 20 years writes 40 committees × 5 years: a quarter of the items, with
//! the same committees and the same size of municipal year.
//!
//! The same flags and seed give byte-identical output. The generator prints the `--as-of` date
//! to build with: the day after the last meeting.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use rayon::prelude::*;

/// The last municipal year of the archive (2025/26).
const LAST_YEAR: i32 = 2025;
const COUNCIL: &str = "Brackenford Borough Council";
const TOWN: &str = "Brackenford";
const MAIL: &str = "brackenford.gov.uk";
/// Work programmes cover this many of the latest municipal years.
const WP_YEARS: i32 = 3;

// ---------------------------------------------------------------------------------------------
// Randomness and dates
// ---------------------------------------------------------------------------------------------

/// SplitMix64: small, fast and the same on every machine.
#[derive(Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        let mut r = Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B);
        r.next();
        r
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        ((self.next() >> 11) % n.max(1) as u64) as usize
    }

    /// A number from `lo` to `hi`, both included.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % ((hi - lo + 1).max(1) as u64)) as i64
    }

    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    fn word(&mut self, xs: &[&'static str]) -> &'static str {
        xs[self.below(xs.len())]
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i + 1);
            xs.swap(i, j);
        }
    }
}

/// Combines seeds, so that each file's text depends only on the seed and what it is.
fn mix(a: u64, b: u64) -> u64 {
    Rng::new(a ^ b.wrapping_mul(0xA24B_AED4_963E_E407)).next()
}

/// A calendar date, as days since 1 January 1970.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
struct Day(i32);

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Day {
    fn ymd(y: i32, m: u32, d: u32) -> Day {
        let (m, d) = (m as i32, d as i32);
        let y = if m <= 2 { y - 1 } else { y };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Day(era * 146_097 + doe - 719_468)
    }

    fn civil(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        (if m <= 2 { y + 1 } else { y }, m as u32, d as u32)
    }

    /// 0 is Monday, 6 Sunday.
    fn weekday(self) -> u32 {
        (self.0 + 3).rem_euclid(7) as u32
    }

    fn plus(self, n: i32) -> Day {
        Day(self.0 + n)
    }

    fn year(self) -> i32 {
        self.civil().0
    }

    fn month(self) -> u32 {
        self.civil().1
    }

    /// "3 November 2025".
    fn long(self) -> String {
        let (y, m, d) = self.civil();
        format!("{d} {} {y}", MONTHS[m as usize - 1])
    }

    /// The municipal year (starting in May) the date falls in.
    fn municipal_year(self) -> i32 {
        let (y, m, _) = self.civil();
        if m >= 5 { y } else { y - 1 }
    }
}

impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (y, m, d) = self.civil();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

/// "2025/26".
fn fy(y: i32) -> String {
    format!("{y}/{:02}", (y + 1) % 100)
}

/// Working days: England and Wales bank holidays, as Agendum has them built in (2009 to 2030),
/// and computed for the years outside that range (written to `content/bank-holidays.txt`).
struct Calendar {
    holidays: HashSet<Day>,
    extra: Vec<(Day, &'static str)>,
}

const BUILT_IN_HOLIDAYS: &str = include_str!("../data/bank-holidays/england-and-wales.txt");

fn easter(y: i32) -> Day {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Day::ymd(y, month as u32, day as u32)
}

impl Calendar {
    fn new(first: i32, last: i32) -> Calendar {
        let mut holidays = HashSet::new();
        for line in BUILT_IN_HOLIDAYS.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let d = &line[..10];
            let (y, m, dd) = (d[..4].parse().unwrap(), d[5..7].parse().unwrap(), d[8..10].parse().unwrap());
            holidays.insert(Day::ymd(y, m, dd));
        }
        let mut extra = Vec::new();
        for y in first..=last {
            if (2009..=2030).contains(&y) {
                continue;
            }
            let mut add = |d: Day, name: &'static str| {
                holidays.insert(d);
                extra.push((d, name));
            };
            let weekday_on_or_after = |d: Day| {
                let mut d = d;
                while d.weekday() >= 5 {
                    d = d.plus(1);
                }
                d
            };
            add(weekday_on_or_after(Day::ymd(y, 1, 1)), "New Year's Day");
            let e = easter(y);
            add(e.plus(-2), "Good Friday");
            add(e.plus(1), "Easter Monday");
            let first_monday = |m: u32| {
                let mut d = Day::ymd(y, m, 1);
                while d.weekday() != 0 {
                    d = d.plus(1);
                }
                d
            };
            let last_monday = |m: u32, days: u32| {
                let mut d = Day::ymd(y, m, days);
                while d.weekday() != 0 {
                    d = d.plus(-1);
                }
                d
            };
            add(first_monday(5), "Early May bank holiday");
            add(last_monday(5, 31), "Spring bank holiday");
            add(last_monday(8, 31), "Summer bank holiday");
            let xmas = Day::ymd(y, 12, 25);
            let (c, b) = match xmas.weekday() {
                5 => (xmas.plus(2), xmas.plus(3)),
                6 => (xmas.plus(2), xmas.plus(1)),
                4 => (xmas, xmas.plus(3)),
                _ => (xmas, xmas.plus(1)),
            };
            add(c, "Christmas Day");
            add(b, "Boxing Day");
        }
        extra.sort();
        Calendar { holidays, extra }
    }

    fn working(&self, d: Day) -> bool {
        d.weekday() < 5 && !self.holidays.contains(&d)
    }

    /// The `n`th working day after `d`.
    fn add_working(&self, d: Day, n: u32) -> Day {
        let mut d = d;
        let mut k = 0;
        while k < n {
            d = d.plus(1);
            if self.working(d) {
                k += 1;
            }
        }
        d
    }

    /// A working day leaving `clear` clear working days before the meeting.
    fn publish_before(&self, meeting: Day, clear: u32) -> Day {
        let mut d = meeting;
        let mut k = 0;
        while k < clear {
            d = d.plus(-1);
            if self.working(d) {
                k += 1;
            }
        }
        d = d.plus(-1);
        while !self.working(d) {
            d = d.plus(-1);
        }
        d
    }
}

// ---------------------------------------------------------------------------------------------
// Small text helpers
// ---------------------------------------------------------------------------------------------

/// A YAML double-quoted scalar.
fn q(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for ch in s.chars() {
        match ch {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            _ => o.push(ch),
        }
    }
    o.push('"');
    o
}

fn slugify(s: &str, max: usize) -> String {
    let mut o = String::new();
    let mut dash = false;
    for ch in s.chars() {
        if ch.is_ascii_alphanumeric() {
            if dash && !o.is_empty() {
                o.push('-');
            }
            dash = false;
            o.push(ch.to_ascii_lowercase());
        } else if ch != '\'' && ch != '’' {
            dash = true;
        }
    }
    if o.len() > max {
        let cut = o[..max].rfind('-').unwrap_or(max);
        o.truncate(cut);
    }
    if o.is_empty() { "item".to_string() } else { o }
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Title case for a topic: "home-to-school transport" → "Home-to-School Transport".
fn title_case(s: &str) -> String {
    const SMALL: &[&str] = &["and", "of", "the", "for", "in", "to", "on", "a", "an", "with", "at", "by"];
    let mut out = String::with_capacity(s.len());
    let mut word = String::new();
    let mut first = true;
    let flush = |word: &mut String, out: &mut String, first: &mut bool| {
        if word.is_empty() {
            return;
        }
        if !*first && SMALL.contains(&word.as_str()) {
            out.push_str(word);
        } else {
            out.push_str(&cap(word));
        }
        *first = false;
        word.clear();
    };
    for ch in s.chars() {
        if ch == ' ' || ch == '-' || ch == '/' {
            flush(&mut word, &mut out, &mut first);
            out.push(ch);
        } else {
            word.push(ch);
        }
    }
    flush(&mut word, &mut out, &mut first);
    out
}

fn thousands(n: i64) -> String {
    let s = n.abs().to_string();
    let mut o = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            o.push(',');
        }
        o.push(ch);
    }
    if n < 0 { format!("-{o}") } else { o }
}

fn money(r: &mut Rng) -> String {
    match r.below(3) {
        0 => format!("£{},000", r.range(15, 950)),
        1 => format!("£{}.{} million", r.range(1, 9), r.range(0, 9)),
        _ => format!("£{}", thousands(r.range(12, 480) * 1000 + r.range(0, 9) * 100)),
    }
}

fn percent(r: &mut Rng) -> String {
    if r.chance(0.5) {
        format!("{} per cent", r.range(2, 38))
    } else {
        format!("{}.{} per cent", r.range(1, 24), r.range(1, 9))
    }
}

fn list_and(xs: &[String]) -> String {
    match xs.len() {
        0 => String::new(),
        1 => xs[0].clone(),
        n => format!("{} and {}", xs[..n - 1].join(", "), xs[n - 1]),
    }
}

fn word_count(s: &str) -> usize {
    s.split_ascii_whitespace().count()
}

fn parse_time(t: &str) -> i32 {
    t[..2].parse::<i32>().unwrap() * 60 + t[3..5].parse::<i32>().unwrap()
}

fn fmt_time(m: i32) -> String {
    let m = m.min(23 * 60 + 45);
    format!("{:02}:{:02}", m / 60, m % 60)
}

// ---------------------------------------------------------------------------------------------
// The model of the archive
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum PKind {
    Councillor,
    Officer,
    Coopted,
}

struct Person {
    slug: String,
    first: String,
    last: String,
    kind: PKind,
    party: usize,
    ward: usize,
    job: String,
    dept: String,
    coopt_role: String,
    to: i32,
    phone: String,
    roles: Vec<String>,
}

impl Person {
    fn name(&self) -> String {
        format!("{} {}", self.first, self.last)
    }

    /// "Councillor Reed", or the full name for others.
    fn short(&self) -> String {
        match self.kind {
            PKind::Councillor => format!("Councillor {}", self.last),
            _ => self.name(),
        }
    }
}

/// An officer post and who held it when.
struct Post {
    def: usize,
    holders: Vec<(i32, i32, usize)>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Special {
    Council,
    Cabinet,
    Scrutiny,
    Planning,
    Licensing,
    LicensingSub,
    Regulatory,
    Other,
    Area,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Role {
    Chair,
    Vice,
    Member,
    Coopt,
}

#[derive(Default, Clone)]
struct YearMembers {
    members: Vec<(usize, Role)>,
    subs: Vec<usize>,
}

struct Committee {
    slug: String,
    name: String,
    kind: &'static str,
    special: Special,
    domains: Vec<usize>,
    size: usize,
    per_year: usize,
    n_subs: usize,
    time: &'static str,
    weekday: u32,
    week: u32,
    venue: (String, Vec<String>),
    dso: usize,
    wards: Vec<usize>,
    coopt_slots: Vec<Vec<(i32, i32, usize)>>,
    membership: Vec<YearMembers>,
    meetings: Vec<usize>,
}

impl Committee {
    /// How papers refer to the body: "the Cabinet", "the Committee", "the Board".
    fn the(&self) -> &'static str {
        match self.special {
            Special::Council => "the Council",
            Special::Cabinet => "the Cabinet",
            _ => {
                let n = self.name.as_str();
                if n.ends_with("Board") {
                    "the Board"
                } else if n.ends_with("Panel") {
                    "the Panel"
                } else if n.ends_with("Group") {
                    "the Group"
                } else if n.ends_with("Sub-Committee") {
                    "the Sub-Committee"
                } else if n.ends_with("Forum") {
                    "the Forum"
                } else {
                    "the Committee"
                }
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
enum Kind {
    #[default]
    Narrative,
    Apologies,
    Declarations,
    Minutes(usize),
    Report,
    Verbal,
    Exclusion,
    Motion,
    Planning,
    Licensing,
    WorkProgramme,
    Scorecard,
    TaskGroup,
    Election,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum RRef {
    Own(usize),
    Other(usize, usize),
}

struct Doc {
    title: String,
    file: String,
}

#[derive(Default)]
struct Item {
    title: String,
    public_title: Option<String>,
    purpose: Option<String>,
    kind: Kind,
    part2: Option<u8>,
    public_interest: Option<String>,
    reports: Vec<RRef>,
    documents: Vec<Doc>,
    presenter: Option<usize>,
    matter: Option<usize>,
    procedural: bool,
    urgency: Option<String>,
    domain: usize,
    subject: String,
    key: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Style {
    General,
    Budget,
    Planning,
    Licensing,
    WorkProgramme,
    Scorecard,
    TaskGroup,
}

struct Appx {
    title: String,
    file: String,
    pdf: bool,
    exempt: Option<(u8, String)>,
}

struct Site {
    reference: String,
    address: String,
    ward: usize,
    applicant: String,
    proposal: String,
    grant: bool,
}

struct Report {
    slug: String,
    title: String,
    report_of: String,
    author: usize,
    portfolio_holder: Option<usize>,
    wards: Vec<String>,
    key: Option<usize>,
    date: Day,
    published: Option<Day>,
    exempt: Option<(u8, String, String)>,
    matter: Option<usize>,
    appendices: Vec<Appx>,
    style: Style,
    domain: usize,
    subject: String,
    words: usize,
    seed: u64,
    site: Option<Site>,
}

struct Meeting {
    c: usize,
    date: Day,
    year: i32,
    held: bool,
    published: Day,
    title: Option<String>,
    items: Vec<Item>,
    reports: Vec<Report>,
    /// Reports first published here for the Cabinet's later key decision.
    requests: Vec<usize>,
    prev: Option<usize>,
    next: Option<usize>,
    first_minute: u32,
    seed: u64,
}

impl Meeting {
    fn id(&self, w: &World) -> String {
        format!("{}/{}", w.committees[self.c].slug, self.date)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum PlanStatus {
    Pending,
    Taken,
    Deferred,
    Withdrawn,
}

impl PlanStatus {
    fn yaml(self) -> &'static str {
        match self {
            PlanStatus::Pending => "pending",
            PlanStatus::Taken => "taken",
            PlanStatus::Deferred => "deferred",
            PlanStatus::Withdrawn => "withdrawn",
        }
    }
}

struct Plan {
    reference: String,
    title: String,
    decision: String,
    maker: String,
    expected: Day,
    first_published: Day,
    consultation: Option<String>,
    scrutiny: Option<usize>,
    contact: usize,
    documents: Vec<String>,
    wards: Vec<String>,
    private: Option<(u8, String)>,
    status: PlanStatus,
    taken: Option<String>,
    deferred_to: Option<Day>,
    history: Vec<(Day, PlanStatus, String)>,
    matter: Option<usize>,
    domain: usize,
}

struct Decision {
    slug: String,
    title: String,
    public_title: Option<String>,
    maker: usize,
    taken: Day,
    published: Day,
    key: Option<usize>,
    call_in: Option<&'static str>,
    wards: Vec<String>,
    matter: Option<usize>,
    exempt: Option<u8>,
    domain: usize,
    subject: String,
    seed: u64,
}

struct Matter {
    slug: String,
    title: String,
    summary: String,
    subject: String,
    from: i32,
    to: i32,
}

struct Exec {
    leader: usize,
    /// Portfolio holders, by `PORTFOLIOS` index.
    holders: Vec<usize>,
}

struct World {
    seed: u64,
    first_year: i32,
    last_year: i32,
    cal: Calendar,
    wards: Vec<String>,
    areas: Vec<(String, Vec<usize>)>,
    people: Vec<Person>,
    posts: Vec<Post>,
    council_by_year: Vec<Vec<usize>>,
    ruling: Vec<usize>,
    execs: Vec<Exec>,
    mayors: Vec<(usize, usize)>,
    committees: Vec<Committee>,
    meetings: Vec<Meeting>,
    plans: Vec<Plan>,
    decisions: Vec<Decision>,
    matters: Vec<Matter>,
    /// Matters of each domain.
    domain_matters: Vec<Vec<usize>>,
    budget_matters: BTreeMap<i32, usize>,
    wps: Vec<String>,
    wp_of: Vec<Option<usize>>,
    as_of: Day,
    used_names: HashSet<String>,
    phones: u32,
}

// ---------------------------------------------------------------------------------------------
// Building the archive's structure
// ---------------------------------------------------------------------------------------------

impl World {
    fn yi(&self, y: i32) -> usize {
        (y - self.first_year) as usize
    }

    fn new_name(&mut self, r: &mut Rng) -> (String, String, String) {
        loop {
            let first = r.pick(FIRST_NAMES).to_string();
            let last = r.pick(SURNAMES).to_string();
            let slug = slugify(&format!("{first} {last}"), 80);
            if self.used_names.insert(slug.clone()) {
                return (first, last, slug);
            }
        }
    }

    fn new_person(&mut self, r: &mut Rng, kind: PKind, to: i32) -> usize {
        let (first, last, slug) = self.new_name(r);
        self.phones += 1;
        let phone = match kind {
            PKind::Councillor => format!("07700 900 {:03}", self.phones % 1000),
            _ => format!("01632 960 {:03}", self.phones % 1000),
        };
        self.people.push(Person {
            slug,
            first,
            last,
            kind,
            party: 0,
            ward: 0,
            job: String::new(),
            dept: String::new(),
            coopt_role: String::new(),
            to,
            phone,
            roles: Vec::new(),
        });
        self.people.len() - 1
    }

    fn holder(&self, post: usize, y: i32) -> usize {
        let p = &self.posts[post];
        p.holders.iter().find(|h| h.0 <= y && y <= h.1).map_or(p.holders[0].2, |h| h.2)
    }

    /// Post indices serving a domain.
    fn posts_for(&self, domain: usize) -> Vec<usize> {
        (0..self.posts.len()).filter(|&i| POSTS[self.posts[i].def].domains.contains(&domain)).collect()
    }

    fn director_post(&self, domain: usize) -> usize {
        let ps = self.posts_for(domain);
        ps.iter().copied().find(|&p| POSTS[self.posts[p].def].director).unwrap_or(ps[0])
    }

    fn post_named(&self, title: &str) -> usize {
        self.posts.iter().position(|p| POSTS[p.def].title == title).expect("post exists")
    }

    /// An author for a report in a domain, and the title the report is "of".
    fn author(&self, r: &mut Rng, domain: usize, y: i32) -> (usize, String) {
        let director = self.director_post(domain);
        let ps = self.posts_for(domain);
        let others: Vec<usize> = ps.iter().copied().filter(|&p| p != director).collect();
        let post = if others.is_empty() || r.chance(0.3) { director } else { *r.pick(&others) };
        (self.holder(post, y), POSTS[self.posts[director].def].title.to_string())
    }

    fn build(args: &Args) -> World {
        let last_year = LAST_YEAR;
        let first_year = LAST_YEAR - args.years as i32 + 1;
        let mut w = World {
            seed: args.seed,
            first_year,
            last_year,
            cal: Calendar::new(first_year, last_year + 1),
            wards: Vec::new(),
            areas: Vec::new(),
            people: Vec::new(),
            posts: Vec::new(),
            council_by_year: Vec::new(),
            ruling: Vec::new(),
            execs: Vec::new(),
            mayors: Vec::new(),
            committees: Vec::new(),
            meetings: Vec::new(),
            plans: Vec::new(),
            decisions: Vec::new(),
            matters: Vec::new(),
            domain_matters: vec![Vec::new(); DOMAINS.len()],
            budget_matters: BTreeMap::new(),
            wps: Vec::new(),
            wp_of: Vec::new(),
            as_of: Day(0),
            used_names: HashSet::new(),
            phones: 0,
        };
        let mut r = Rng::new(args.seed);
        w.make_wards(&mut r, args.committees);
        w.make_councillors(&mut r);
        w.make_officers(&mut r);
        w.make_committees(&mut r, args.committees);
        w.make_memberships(&mut r);
        w.make_matters(&mut r);
        w.schedule(&mut r);
        // The Cabinet first: its key decisions ask scrutiny committees for pre-decision scrutiny.
        let order: Vec<usize> = {
            let mut v: Vec<usize> = (0..w.meetings.len()).collect();
            v.sort_by_key(|&m| (w.committees[w.meetings[m].c].special != Special::Cabinet, m));
            v
        };
        for m in order {
            if w.meetings[m].held {
                let mut mr = Rng::new(mix(w.meetings[m].seed, 1));
                w.build_agenda(m, &mut mr);
            }
        }
        w.number_minutes();
        w.as_of = w.meetings.iter().filter(|m| m.held).map(|m| m.date).max().expect("a meeting").plus(1);
        w.make_plans(&mut r);
        w.make_decisions(&mut r);
        w.make_other_plans(&mut r);
        w.assign_references();
        w.make_roles();
        w.make_work_programmes(&mut r);
        w
    }

    fn make_wards(&mut self, r: &mut Rng, committees: usize) {
        let n = (committees * 2 / 3).clamp(10, 27);
        let mut names = Vec::new();
        let mut seen = HashSet::new();
        while names.len() < n {
            let name = format!("{}{}", r.pick(WARD_PREFIX), r.pick(WARD_SUFFIX));
            let name = if r.chance(0.15) {
                format!("{} {name}", r.pick(&["North", "South", "East", "West", "Upper", "Lower"]))
            } else {
                name
            };
            if seen.insert(name.clone()) {
                names.push(name);
            }
        }
        self.wards = names;
        let n_areas = n.div_ceil(5).min(AREAS.len());
        let mut areas: Vec<(String, Vec<usize>)> =
            AREAS[..n_areas].iter().map(|a| (a.to_string(), Vec::new())).collect();
        for i in 0..n {
            areas[i % n_areas].1.push(i);
        }
        self.areas = areas;
    }

    fn make_councillors(&mut self, r: &mut Rng) {
        let years = (self.last_year - self.first_year + 1) as usize;
        let n_wards = self.wards.len();
        // Each seat's holders: (from, to, person).
        let mut seats: Vec<Vec<(i32, i32, usize)>> = vec![Vec::new(); n_wards * 3];
        let mut weights: Vec<f64> = PARTIES.iter().map(|p| p.1).collect();
        for y in self.first_year..=self.last_year {
            let election = (y - 2003) % 4 == 0;
            if election || y == self.first_year {
                for (i, wgt) in weights.iter_mut().enumerate() {
                    *wgt = PARTIES[i].1 * (0.55 + r.next() as f64 / u64::MAX as f64 * 0.9);
                }
            }
            for (s, holders) in seats.iter_mut().enumerate() {
                let change = match holders.last() {
                    None => true,
                    Some(_) if election => r.chance(0.33),
                    Some(_) => r.chance(0.015),
                };
                if !change {
                    continue;
                }
                if let Some(last) = holders.last_mut() {
                    last.1 = y - 1;
                }
                let total: f64 = weights.iter().sum();
                let mut x = r.next() as f64 / u64::MAX as f64 * total;
                let mut party = 0;
                for (i, wgt) in weights.iter().enumerate() {
                    if x < *wgt {
                        party = i;
                        break;
                    }
                    x -= wgt;
                }
                let p = self.new_person(r, PKind::Councillor, self.last_year);
                self.people[p].party = party;
                self.people[p].ward = s / 3;
                holders.push((y, self.last_year, p));
            }
        }
        for y in self.first_year..=self.last_year {
            let mut v: Vec<usize> =
                seats.iter().filter_map(|h| h.iter().find(|x| x.0 <= y && y <= x.1).map(|x| x.2)).collect();
            v.sort_unstable();
            self.council_by_year.push(v);
        }
        for holders in &seats {
            for &(_, to, p) in holders {
                self.people[p].to = to;
            }
        }
        // Political control, the executive and the Mayor, year by year.
        let mut prev_exec: Option<Exec> = None;
        let mut mayors_done = HashSet::new();
        for yi in 0..years {
            let cllrs = self.council_by_year[yi].clone();
            let mut seats_by_party = vec![0usize; PARTIES.len()];
            for &p in &cllrs {
                seats_by_party[self.people[p].party] += 1;
            }
            let ruling = (0..PARTIES.len()).max_by_key(|&i| (seats_by_party[i], PARTIES.len() - i)).unwrap();
            self.ruling.push(ruling);
            let mut pool: Vec<usize> =
                cllrs.iter().copied().filter(|&p| self.people[p].party == ruling).collect();
            let others: Vec<usize> =
                cllrs.iter().copied().filter(|&p| self.people[p].party != ruling).collect();
            pool.extend(others);
            let alive = |p: usize| cllrs.contains(&p);
            let leader = match &prev_exec {
                Some(e) if alive(e.leader) && self.people[e.leader].party == ruling && !r.chance(0.08) => {
                    e.leader
                }
                _ => pool[r.below(pool.len().min(6))],
            };
            let mut holders: Vec<usize> = Vec::new();
            for k in 0..PORTFOLIOS.len() {
                let keep = prev_exec.as_ref().map(|e| e.holders[k]).filter(|&p| {
                    alive(p)
                        && p != leader
                        && !holders.contains(&p)
                        && self.people[p].party == self.people[leader].party
                });
                let p = match keep {
                    Some(p) if !r.chance(0.15) => p,
                    _ => *pool
                        .iter()
                        .take(pool.len().min(20))
                        .filter(|&&p| p != leader && !holders.contains(&p))
                        .nth(r.below(5))
                        .or_else(|| pool.iter().find(|&&p| p != leader && !holders.contains(&p)))
                        .expect("enough councillors for a cabinet"),
                };
                holders.push(p);
            }
            let exec = Exec { leader, holders };
            let in_exec = |p: usize| p == exec.leader || exec.holders.contains(&p);
            let candidates: Vec<usize> =
                cllrs.iter().copied().filter(|&p| !in_exec(p) && !mayors_done.contains(&p)).collect();
            let candidates = if candidates.len() < 2 { cllrs.clone() } else { candidates };
            let mayor = *r.pick(&candidates);
            mayors_done.insert(mayor);
            let deputy =
                *candidates.iter().filter(|&&p| p != mayor).nth(r.below(candidates.len() - 1)).unwrap();
            self.mayors.push((mayor, deputy));
            self.execs.push(Exec { leader: exec.leader, holders: exec.holders.clone() });
            prev_exec = Some(exec);
        }
    }

    fn make_officers(&mut self, r: &mut Rng) {
        for (d, def) in POSTS.iter().enumerate() {
            for _ in 0..def.count {
                let mut holders = Vec::new();
                let mut y = self.first_year - r.range(0, 6) as i32;
                while y <= self.last_year {
                    let to = (y + r.range(3, 10) as i32).min(self.last_year);
                    let p = self.new_person(r, PKind::Officer, to);
                    self.people[p].job = def.title.to_string();
                    self.people[p].dept = def.department.to_string();
                    holders.push((y, to, p));
                    y = to + 1;
                }
                self.posts.push(Post { def: d, holders });
            }
        }
    }

    fn make_committees(&mut self, r: &mut Rng, n: usize) {
        let mut defs: Vec<(String, String, &CommitteeDef)> =
            COMMITTEES.iter().map(|d| (d.slug.to_string(), d.name.to_string(), d)).collect();
        let mut area_wards = Vec::new();
        for (name, wards) in &self.areas {
            defs.push((
                slugify(&format!("{name} area committee"), 60),
                format!("{name} Area Committee"),
                &AREA_COMMITTEE,
            ));
            area_wards.push(wards.clone());
        }
        for (i, ward) in self.wards.iter().enumerate() {
            defs.push((
                slugify(&format!("{ward} neighbourhood forum"), 60),
                format!("{ward} Neighbourhood Forum"),
                &NEIGHBOURHOOD_FORUM,
            ));
            area_wards.push(vec![i]);
        }
        if n > defs.len() {
            eprintln!("gen-archive: at most {} committees with this many wards", defs.len());
            std::process::exit(2);
        }
        let dsos: Vec<usize> = (0..self.posts.len())
            .filter(|&p| POSTS[self.posts[p].def].title == "Democratic Services Officer")
            .collect();
        let n_fixed = COMMITTEES.len();
        for (i, d) in defs.into_iter().take(n).enumerate() {
            let (slug, name, def) = d;
            let special = def.special;
            let venue = match special {
                Special::Area => {
                    let wards = &area_wards[i - n_fixed];
                    let ward = &self.wards[wards[0]];
                    (
                        format!("{ward} Community Centre"),
                        vec![
                            format!("{} {}", r.pick(STREET_A), r.pick(STREET_B)),
                            TOWN.to_string(),
                            postcode(r),
                        ],
                    )
                }
                Special::Council => (format!("Council Chamber, {TOWN} Civic Centre"), civic_address()),
                _ => (format!("{}, {TOWN} Civic Centre", r.pick(ROOMS)), civic_address()),
            };
            let wards = if special == Special::Area { area_wards[i - n_fixed].clone() } else { Vec::new() };
            let weekday = match special {
                Special::Council => 2,
                Special::Cabinet => 1,
                _ => r.below(4) as u32,
            };
            let week = match special {
                Special::Council => 3,
                Special::Cabinet => 2,
                _ => 1 + r.below(4) as u32,
            };
            let mut coopt_slots = Vec::new();
            for role in def.coopt {
                let mut slot = Vec::new();
                let mut y = self.first_year - r.range(0, 3) as i32;
                while y <= self.last_year {
                    let to = (y + r.range(3, 7) as i32).min(self.last_year);
                    let p = self.new_person(r, PKind::Coopted, to);
                    self.people[p].coopt_role = role.to_string();
                    slot.push((y, to, p));
                    y = to + 1;
                }
                coopt_slots.push(slot);
            }
            self.committees.push(Committee {
                slug,
                name,
                kind: def.kind,
                special,
                domains: def.domains.to_vec(),
                size: def.size,
                per_year: def.per_year,
                n_subs: def.subs,
                time: def.time,
                weekday,
                week,
                venue,
                dso: dsos[i % dsos.len()],
                wards,
                coopt_slots,
                membership: Vec::new(),
                meetings: Vec::new(),
            });
        }
    }

    fn make_memberships(&mut self, r: &mut Rng) {
        let years = (self.last_year - self.first_year + 1) as usize;
        for yi in 0..years {
            let y = self.first_year + yi as i32;
            let cllrs = self.council_by_year[yi].clone();
            let exec = &self.execs[yi];
            let in_exec: HashSet<usize> = exec.holders.iter().copied().chain([exec.leader]).collect();
            let ruling = self.ruling[yi];
            let mut load: BTreeMap<usize, usize> = cllrs.iter().map(|&p| (p, 0)).collect();
            let mut seats = vec![0usize; PARTIES.len()];
            for &p in &cllrs {
                seats[self.people[p].party] += 1;
            }
            for c in 0..self.committees.len() {
                let com = &self.committees[c];
                let mut ym = YearMembers::default();
                match com.special {
                    Special::Council => {
                        let (mayor, deputy) = self.mayors[yi];
                        for &p in &cllrs {
                            let role = if p == mayor {
                                Role::Chair
                            } else if p == deputy {
                                Role::Vice
                            } else {
                                Role::Member
                            };
                            ym.members.push((p, role));
                        }
                    }
                    Special::Cabinet => {
                        ym.members.push((exec.leader, Role::Chair));
                        for (k, &p) in exec.holders.iter().enumerate() {
                            ym.members.push((p, if k == 0 { Role::Vice } else { Role::Member }));
                        }
                    }
                    Special::Area => {
                        let mut ms: Vec<usize> = cllrs
                            .iter()
                            .copied()
                            .filter(|&p| com.wards.contains(&self.people[p].ward))
                            .collect();
                        ms.sort_unstable();
                        let prev = yi.checked_sub(1).map(|p| &com.membership[p]);
                        let prev_chair =
                            prev.and_then(|m| m.members.iter().find(|x| x.1 == Role::Chair)).map(|x| x.0);
                        let chair = match prev_chair {
                            Some(p) if ms.contains(&p) && r.chance(0.7) => p,
                            _ => ms[r.below(ms.len())],
                        };
                        let vice = ms
                            .iter()
                            .copied()
                            .filter(|&p| p != chair)
                            .nth(r.below(ms.len().saturating_sub(1)));
                        for p in ms {
                            let role = if p == chair {
                                Role::Chair
                            } else if Some(p) == vice {
                                Role::Vice
                            } else {
                                Role::Member
                            };
                            ym.members.push((p, role));
                        }
                    }
                    _ => {
                        let scrutiny = com.special == Special::Scrutiny;
                        let mut eligible: Vec<usize> =
                            cllrs.iter().copied().filter(|p| !(scrutiny && in_exec.contains(p))).collect();
                        r.shuffle(&mut eligible);
                        let size = com.size.min(eligible.len());
                        let prev = yi.checked_sub(1).map(|p| com.membership[p].clone());
                        let mut chosen: Vec<usize> = Vec::new();
                        if let Some(prev) = &prev {
                            for &(p, role) in &prev.members {
                                if role != Role::Coopt
                                    && eligible.contains(&p)
                                    && chosen.len() < size
                                    && r.chance(0.72)
                                {
                                    chosen.push(p);
                                }
                            }
                        }
                        while chosen.len() < size {
                            let mut count = vec![0usize; PARTIES.len()];
                            for &p in &chosen {
                                count[self.people[p].party] += 1;
                            }
                            let total = cllrs.len() as f64;
                            let want = (0..PARTIES.len())
                                .filter(|&i| {
                                    eligible
                                        .iter()
                                        .any(|&p| self.people[p].party == i && !chosen.contains(&p))
                                })
                                .max_by(|&a, &b| {
                                    let da = seats[a] as f64 / total * size as f64 - count[a] as f64;
                                    let db = seats[b] as f64 / total * size as f64 - count[b] as f64;
                                    da.partial_cmp(&db).unwrap().then(b.cmp(&a))
                                })
                                .unwrap();
                            let p = eligible
                                .iter()
                                .copied()
                                .filter(|&p| self.people[p].party == want && !chosen.contains(&p))
                                .min_by_key(|p| load[p])
                                .unwrap();
                            chosen.push(p);
                        }
                        chosen.sort_unstable();
                        let prev_role = |role: Role| {
                            prev.as_ref().and_then(|m| m.members.iter().find(|x| x.1 == role)).map(|x| x.0)
                        };
                        let ruling_members: Vec<usize> =
                            chosen.iter().copied().filter(|&p| self.people[p].party == ruling).collect();
                        let from = if ruling_members.is_empty() { chosen.clone() } else { ruling_members };
                        let chair = match prev_role(Role::Chair) {
                            Some(p) if chosen.contains(&p) && r.chance(0.75) => p,
                            _ => from[r.below(from.len())],
                        };
                        let vice = match prev_role(Role::Vice) {
                            Some(p) if chosen.contains(&p) && p != chair && r.chance(0.6) => Some(p),
                            _ => chosen
                                .iter()
                                .copied()
                                .filter(|&p| p != chair)
                                .nth(r.below(chosen.len().max(2) - 1)),
                        };
                        for &p in &chosen {
                            let role = if p == chair {
                                Role::Chair
                            } else if Some(p) == vice {
                                Role::Vice
                            } else {
                                Role::Member
                            };
                            ym.members.push((p, role));
                            *load.get_mut(&p).unwrap() += 1;
                        }
                        for slot in &com.coopt_slots {
                            if let Some(h) = slot.iter().find(|h| h.0 <= y && y <= h.1) {
                                ym.members.push((h.2, Role::Coopt));
                            }
                        }
                        let mut subs: Vec<usize> =
                            eligible.iter().copied().filter(|p| !chosen.contains(p)).collect();
                        subs.sort_by_key(|p| load[p]);
                        ym.subs = subs.into_iter().take(com.n_subs).collect();
                        ym.subs.sort_unstable();
                    }
                }
                ym.members.sort_by_key(|&(_, role)| match role {
                    Role::Chair => 0,
                    Role::Vice => 1,
                    Role::Member => 2,
                    Role::Coopt => 3,
                });
                self.committees[c].membership.push(ym);
            }
        }
    }

    fn make_matters(&mut self, r: &mut Rng) {
        for (d, dom) in DOMAINS.iter().enumerate() {
            let n = if dom.subjects.len() > 6 { 3 } else { 1 };
            let mut idx: Vec<usize> = (0..dom.subjects.len()).collect();
            r.shuffle(&mut idx);
            for &s in idx.iter().take(n) {
                let len = r.range(2, 6) as i32;
                let from = r.range(self.first_year as i64 - 2, self.last_year as i64) as i32;
                let to = (from + len - 1).min(self.last_year);
                let from = from.max(self.first_year);
                let subject = dom.subjects[s].to_string();
                let m = self.matters.len();
                self.matters.push(Matter {
                    slug: slugify(&subject, 60),
                    title: cap(&subject),
                    summary: format!(
                        "How the Council reviewed and changed its approach to {subject} from {} to {}: the reports, \
                         scrutiny and decisions of every committee that considered it.",
                        fy(from),
                        fy(to)
                    ),
                    subject,
                    from,
                    to,
                });
                self.domain_matters[d].push(m);
            }
        }
        for y in self.first_year..=self.last_year {
            let m = self.matters.len();
            self.matters.push(Matter {
                slug: format!("budget-{}-{:02}", y + 1, (y + 2) % 100),
                title: format!("Budget {}", fy(y + 1)),
                summary: format!(
                    "Setting the Council's revenue budget, capital programme and council tax for {}: the draft \
                     proposals, consultation, scrutiny and the decisions of the Cabinet and the Council.",
                    fy(y + 1)
                ),
                subject: format!("the budget for {}", fy(y + 1)),
                from: y,
                to: y,
            });
            self.budget_matters.insert(y, m);
        }
    }

    fn schedule(&mut self, r: &mut Rng) {
        for c in 0..self.committees.len() {
            let com = &self.committees[c];
            let months: &[u32] = if com.special == Special::Council {
                &[5, 7, 9, 10, 12, 2, 3]
            } else {
                months_for(com.per_year)
            };
            let (weekday, week) = (com.weekday, com.week);
            let is_council = com.special == Special::Council;
            let mut list = Vec::new();
            for y in self.first_year..=self.last_year {
                for &mo in months {
                    let cy = if mo >= 5 { y } else { y + 1 };
                    let mut d = Day::ymd(cy, mo, 1);
                    while d.weekday() != weekday {
                        d = d.plus(1);
                    }
                    d = d.plus(7 * (week as i32 - 1));
                    let (_, _, dd) = d.civil();
                    if mo == 12 && dd > 17 {
                        d = d.plus(-7);
                    }
                    if mo == 1 && dd < 7 {
                        d = d.plus(7);
                    }
                    while !self.cal.working(d) {
                        d = d.plus(1);
                    }
                    list.push(d);
                }
            }
            list.sort();
            list.dedup();
            let n = list.len();
            for (k, d) in list.into_iter().enumerate() {
                let held = k == 0 || k + 3 >= n || (d.month() == 5 && is_council) || !r.chance(0.015);
                let clear = 5 + r.below(4) as u32;
                let seed = mix(self.seed, (c as u64) << 32 | d.0 as u64);
                let m = self.meetings.len();
                self.meetings.push(Meeting {
                    c,
                    date: d,
                    year: d.municipal_year(),
                    held,
                    published: self.cal.publish_before(d, clear),
                    title: None,
                    items: Vec::new(),
                    reports: Vec::new(),
                    requests: Vec::new(),
                    prev: None,
                    next: None,
                    first_minute: 0,
                    seed,
                });
                self.committees[c].meetings.push(m);
            }
            let held: Vec<usize> =
                self.committees[c].meetings.iter().copied().filter(|&m| self.meetings[m].held).collect();
            for k in 0..held.len() {
                self.meetings[held[k]].prev = k.checked_sub(1).map(|j| held[j]);
                self.meetings[held[k]].next = held.get(k + 1).copied();
            }
        }
    }

    /// A topic for an item: (domain, subject, matter).
    fn topic(&self, r: &mut Rng, domains: &[usize], y: i32) -> (usize, String, Option<usize>) {
        let d = *r.pick(domains);
        let active: Vec<usize> = self.domain_matters[d]
            .iter()
            .copied()
            .filter(|&m| self.matters[m].from <= y && y <= self.matters[m].to)
            .collect();
        if !active.is_empty() && r.chance(0.3) {
            let m = *r.pick(&active);
            return (d, self.matters[m].subject.clone(), Some(m));
        }
        (d, r.pick(DOMAINS[d].subjects).to_string(), None)
    }

    fn fresh_topic(
        &self,
        r: &mut Rng,
        domains: &[usize],
        y: i32,
        used: &mut HashSet<String>,
    ) -> (usize, String, Option<usize>) {
        let mut t = self.topic(r, domains, y);
        for _ in 0..6 {
            if used.insert(t.1.clone()) {
                return t;
            }
            t = self.topic(r, domains, y);
        }
        t
    }

    fn topic_title(&self, r: &mut Rng, subject: &str, meeting: Day) -> String {
        let y = meeting.municipal_year();
        let s = title_case(subject);
        match r.below(14) {
            0 | 1 => s,
            2 => format!("{s} – Annual Report {}", fy(y - 1)),
            3 => format!("{s}: Progress Update"),
            4 => format!("{s} Strategy {}–{}", y + 1, y + 5),
            5 => format!("Review of {s}"),
            6 => format!("{s}: Outcome of Consultation"),
            7 => format!("{s}: Proposed Changes from April {}", y + 1),
            8 => format!("{s} Policy {}", fy(y + 1)),
            9 => format!("{s}: Options Appraisal"),
            10 => format!("{s} Action Plan {}", fy(y)),
            11 => format!("{s}: Performance Report {}", fy(y)),
            12 => format!("{s}: Update on Implementation"),
            _ => format!("{s}: Funding and Delivery {}", fy(y)),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn new_report(
        &self,
        r: &mut Rng,
        m: usize,
        title: &str,
        domain: usize,
        subject: &str,
        style: Style,
        matter: Option<usize>,
        pdfs: bool,
    ) -> Report {
        let mt = &self.meetings[m];
        let com = &self.committees[mt.c];
        let y = mt.year;
        let (author, report_of) = match style {
            Style::WorkProgramme => {
                let p = self.post_named("Scrutiny and Policy Officer");
                (self.holder(p, y), "Head of Democratic Services".to_string())
            }
            Style::TaskGroup => {
                let p = self.post_named("Scrutiny and Policy Officer");
                (self.holder(p, y), format!("Chair of the {}", title.trim_start_matches("Report of the ")))
            }
            _ => self.author(r, domain, y),
        };
        let portfolio_holder =
            if com.special == Special::Cabinet || (com.special == Special::Scrutiny && r.chance(0.3)) {
                Some(self.portfolio_holder(domain, y))
            } else {
                None
            };
        let wards = if !com.wards.is_empty() {
            vec![self.wards[*r.pick(&com.wards)].clone()]
        } else if r.chance(0.25) {
            let a = r.below(self.wards.len());
            let b = r.below(self.wards.len());
            let mut v = vec![self.wards[a].clone()];
            if b != a && r.chance(0.4) {
                v.push(self.wards[b].clone());
            }
            v
        } else {
            vec!["All wards".to_string()]
        };
        let slug = slugify(title, 60);
        let mut appendices = Vec::new();
        let letters = ['A', 'B', 'C', 'D'];
        let heavy = matches!(style, Style::General | Style::Budget | Style::Planning | Style::TaskGroup);
        if heavy {
            let n_md = if r.chance(0.35) { 1 + r.below(2) } else { 0 };
            for _ in 0..n_md {
                let k = appendices.len();
                let t = *r.pick(APPENDIX_TITLES);
                appendices.push(Appx {
                    title: format!("Appendix {}: {t}", letters[k]),
                    file: format!("appendices/{slug}-appendix-{}.md", letters[k].to_ascii_lowercase()),
                    pdf: false,
                    exempt: None,
                });
            }
            // The same draws with or without --no-pdfs, so that only the PDFs differ.
            let pdf_title = r.word(PDF_TITLES);
            if r.chance(0.12) && pdfs {
                let k = appendices.len();
                let t = if style == Style::Planning { "Site location plan and schedule" } else { pdf_title };
                appendices.push(Appx {
                    title: format!("Appendix {}: {t}", letters[k]),
                    file: format!("appendices/{slug}-appendix-{}.pdf", letters[k].to_ascii_lowercase()),
                    pdf: true,
                    exempt: None,
                });
            }
            if r.chance(0.02) {
                let k = appendices.len();
                appendices.push(Appx {
                    title: format!("Appendix {}: Financial evaluation of the options", letters[k]),
                    file: format!("appendices/{slug}-appendix-{}.md", letters[k].to_ascii_lowercase()),
                    pdf: false,
                    exempt: Some((3, format!("Appendix {}: Financial evaluation (exempt)", letters[k]))),
                });
            }
        }
        let words = match style {
            Style::WorkProgramme | Style::Scorecard => r.range(1500, 2000) as usize,
            _ => r.range(1500, 4000) as usize,
        };
        Report {
            slug,
            title: title.to_string(),
            report_of,
            author,
            portfolio_holder,
            wards,
            key: None,
            date: mt.published.plus(-(r.below(4) as i32)),
            published: None,
            exempt: None,
            matter,
            appendices,
            style,
            domain,
            subject: subject.to_string(),
            words,
            seed: r.next(),
            site: None,
        }
    }

    fn portfolio_holder(&self, domain: usize, y: i32) -> usize {
        let e = &self.execs[self.yi(y)];
        match DOMAINS[domain].portfolio {
            Some(k) => e.holders[k],
            None => e.leader,
        }
    }

    fn build_agenda(&mut self, m: usize, r: &mut Rng) {
        let pdfs = PDFS.load(Ordering::Relaxed) != 0;
        let c = self.meetings[m].c;
        let special = self.committees[c].special;
        let date = self.meetings[m].date;
        let y = self.meetings[m].year;
        let domains = self.committees[c].domains.clone();
        let annual = special == Special::Council && date.month() == 5;
        let mut items: Vec<Item> = Vec::new();
        let mut reports: Vec<Report> = std::mem::take(&mut self.meetings[m].reports);
        let n_target = 8 + r.below(7).max(r.below(7));
        let mut used: HashSet<String> = HashSet::new();
        let has_subs = !self.committees[c].membership[self.yi(y)].subs.is_empty();

        if annual {
            self.meetings[m].title = Some("Annual Meeting".to_string());
            items.push(Item {
                title: format!("Election of the Mayor for {}", fy(y)),
                kind: Kind::Election,
                purpose: Some(format!("To elect the Mayor of the Borough for the municipal year {}.", fy(y))),
                procedural: true,
                ..Default::default()
            });
            items.push(Item {
                title: format!("Appointment of the Deputy Mayor for {}", fy(y)),
                kind: Kind::Election,
                purpose: Some(format!("To appoint the Deputy Mayor for the municipal year {}.", fy(y))),
                procedural: true,
                ..Default::default()
            });
        }
        items.push(Item {
            title: if has_subs { "Apologies for absence and substitutions" } else { "Apologies for absence" }
                .to_string(),
            purpose: Some(
                if has_subs {
                    "To receive any apologies for absence and to note any substitute members."
                } else {
                    "To receive any apologies for absence."
                }
                .to_string(),
            ),
            kind: Kind::Apologies,
            procedural: true,
            ..Default::default()
        });
        items.push(Item {
            title: "Declarations of interest".to_string(),
            purpose: Some(
                "To receive any declarations of disclosable pecuniary interests, other registrable interests or \
                 non-registrable interests in matters on the agenda."
                    .to_string(),
            ),
            kind: Kind::Declarations,
            procedural: true,
            ..Default::default()
        });
        if let Some(p) = self.meetings[m].prev {
            items.push(Item {
                title: "Minutes of the previous meeting".to_string(),
                purpose: Some(format!(
                    "To approve as a correct record the minutes of the meeting held on {}.",
                    self.meetings[p].date.long()
                )),
                kind: Kind::Minutes(p),
                ..Default::default()
            });
        }
        // Closing business, decided now so the substantive items fill the rest.
        let mut closing: Vec<Item> = Vec::new();
        let part2_p = match special {
            Special::Cabinet => 0.25,
            Special::LicensingSub => 0.35,
            Special::Regulatory => 0.12,
            Special::Planning => 0.08,
            Special::Council => 0.05,
            Special::Other => 0.06,
            Special::Scrutiny => 0.04,
            _ => 0.0,
        };
        let n_part2 = if r.chance(part2_p) { 1 + (r.chance(0.3) as usize) } else { 0 };

        match special {
            Special::Council if annual => {
                items
                    .push(narrative("Mayor's announcements", "To receive any announcements from the Mayor."));
                let leader = self.execs[self.yi(y)].leader;
                items.push(Item {
                    title: if (y - 2003) % 4 == 0 {
                        "Election of the Leader of the Council"
                    } else {
                        "Leader's report"
                    }
                    .to_string(),
                    purpose: Some("To receive the report of the Leader of the Council.".to_string()),
                    kind: Kind::Narrative,
                    presenter: Some(leader),
                    ..Default::default()
                });
                for t in [
                    format!("Appointment of Committees and Allocation of Seats {}", fy(y)),
                    format!("Appointment of Chairs and Vice-Chairs {}", fy(y)),
                    format!("Appointments to Outside Bodies {}", fy(y)),
                    format!("Calendar of Meetings {}", fy(y + 1)),
                ] {
                    let rep = self.new_report(
                        r,
                        m,
                        &t,
                        GOV,
                        "the appointment of committees",
                        Style::General,
                        None,
                        pdfs,
                    );
                    reports.push(rep);
                    items.push(Item {
                        title: t,
                        purpose: Some(
                            "To consider the report of the Director of Legal and Governance.".to_string(),
                        ),
                        kind: Kind::Report,
                        reports: vec![RRef::Own(reports.len() - 1)],
                        presenter: Some(reports.last().unwrap().author),
                        domain: GOV,
                        subject: "the appointment of committees".to_string(),
                        ..Default::default()
                    });
                }
            }
            Special::Council => {
                items
                    .push(narrative("Mayor's announcements", "To receive any announcements from the Mayor."));
                items.push(narrative(
                    "Public questions",
                    "To answer questions from members of the public received in accordance with the Council procedure rules.",
                ));
                items.push(narrative(
                    "Questions from members",
                    "To answer questions from members to the Leader and members of the Cabinet.",
                ));
                if date.month() == 2 {
                    let t = format!("Budget and Council Tax {}", fy(y + 1));
                    let bm = self.budget_matters.get(&y).copied();
                    let rep = self.new_report(
                        r,
                        m,
                        &t,
                        FIN,
                        &format!("the budget for {}", fy(y + 1)),
                        Style::Budget,
                        bm,
                        pdfs,
                    );
                    reports.push(rep);
                    items.push(report_item(&t, &reports, reports.len() - 1, FIN, bm));
                }
                let n_motions = 1 + r.below(2);
                let fixed = items.len() + n_motions + n_part2 + (n_part2 > 0) as usize;
                let n_sub = n_target.saturating_sub(fixed).max(1);
                for _ in 0..n_sub {
                    let (d, s, mat) = self.fresh_topic(r, &[GOV, FIN, HR, PLA, HOU, ENV], y, &mut used);
                    let t = format!("Recommendations from the Cabinet: {}", self.topic_title(r, &s, date));
                    let rep = self.new_report(r, m, &t, d, &s, Style::General, mat, pdfs);
                    reports.push(rep);
                    items.push(report_item(&t, &reports, reports.len() - 1, d, mat));
                }
                for _ in 0..n_motions {
                    let (d, s, _) = self.fresh_topic(r, &[ENV, HOU, SAF, ECO, CHI, ADU], y, &mut used);
                    items.push(Item {
                        title: format!("Notice of Motion: {}", title_case(&s)),
                        purpose: Some("To consider the motion of which notice has been given.".to_string()),
                        kind: Kind::Motion,
                        domain: d,
                        subject: s,
                        ..Default::default()
                    });
                }
            }
            Special::Cabinet => {
                if r.chance(0.3) {
                    items.push(narrative(
                        "Public questions",
                        "To answer questions from members of the public received in accordance with the Cabinet procedure rules.",
                    ));
                }
                let mo = date.month();
                let quarter = match mo {
                    6 | 7 => Some("Outturn".to_string()),
                    9 => Some("Quarter 1".to_string()),
                    11 => Some("Quarter 2".to_string()),
                    2 => Some("Quarter 3".to_string()),
                    _ => None,
                };
                if let Some(qr) = quarter {
                    let t = if qr == "Outturn" {
                        format!("Revenue and Capital Outturn {}", fy(y - 1))
                    } else {
                        format!("Budget Monitoring {} – {qr}", fy(y))
                    };
                    let rep = self.new_report(
                        r,
                        m,
                        &t,
                        FIN,
                        "revenue and capital budget monitoring",
                        Style::Budget,
                        None,
                        pdfs,
                    );
                    reports.push(rep);
                    items.push(report_item(&t, &reports, reports.len() - 1, FIN, None));
                }
                if mo == 2 {
                    let t = format!("Budget {} and Medium Term Financial Strategy", fy(y + 1));
                    let bm = self.budget_matters.get(&y).copied();
                    let rep = self.new_report(
                        r,
                        m,
                        &t,
                        FIN,
                        &format!("the budget for {}", fy(y + 1)),
                        Style::Budget,
                        bm,
                        pdfs,
                    );
                    reports.push(rep);
                    items.push(report_item(&t, &reports, reports.len() - 1, FIN, bm));
                }
                let fixed = items.len() + n_part2 + (n_part2 > 0) as usize;
                let n_sub = n_target.saturating_sub(fixed).max(2);
                let mut keys = 0;
                for _ in 0..n_sub {
                    let all: Vec<usize> = (0..DOMAINS.len()).filter(|&d| d != PEN && d != LIC).collect();
                    let (d, s, mat) = self.fresh_topic(r, &all, y, &mut used);
                    let t = self.topic_title(r, &s, date);
                    let key = keys < 3 && r.chance(0.3);
                    keys += key as usize;
                    // Pre-decision scrutiny: the report is first published for a scrutiny meeting.
                    let scrutiny =
                        if key && r.chance(0.35) { self.scrutiny_meeting(r, d, date) } else { None };
                    let rref = match scrutiny {
                        Some(sm) => {
                            let mut rr = Rng::new(mix(
                                self.meetings[sm].seed,
                                99 + self.meetings[sm].requests.len() as u64,
                            ));
                            let mut rep = self.new_report(&mut rr, sm, &t, d, &s, Style::General, mat, pdfs);
                            rep.portfolio_holder = Some(self.portfolio_holder(d, self.meetings[sm].year));
                            let sm_reports = &mut self.meetings[sm].reports;
                            let mut slug = rep.slug.clone();
                            let mut k = 2;
                            while sm_reports.iter().any(|x| x.slug == slug) {
                                slug = format!("{}-{k}", rep.slug);
                                k += 1;
                            }
                            rep.slug = slug;
                            sm_reports.push(rep);
                            let ri = sm_reports.len() - 1;
                            self.meetings[sm].requests.push(ri);
                            RRef::Other(sm, ri)
                        }
                        None => {
                            let rep = self.new_report(r, m, &t, d, &s, Style::General, mat, pdfs);
                            reports.push(rep);
                            RRef::Own(reports.len() - 1)
                        }
                    };
                    let ph = self.portfolio_holder(d, y);
                    items.push(Item {
                        title: t,
                        purpose: Some(format!("To consider the report of the {}.", dom_director(d))),
                        kind: Kind::Report,
                        reports: vec![rref],
                        presenter: Some(ph),
                        matter: mat,
                        domain: d,
                        subject: s,
                        key,
                        ..Default::default()
                    });
                }
            }
            Special::Planning => {
                let enforcement = r.chance(0.5);
                let n_apps = n_target
                    .saturating_sub(items.len() + 1 + enforcement as usize + n_part2 + (n_part2 > 0) as usize)
                    .max(3);
                for _ in 0..n_apps {
                    let site = self.planning_site(r, date);
                    let t = format!("{} – {}", site.reference, site.address);
                    let mut rep = self.new_report(
                        r,
                        m,
                        &t,
                        PLA,
                        "the planning application",
                        Style::Planning,
                        None,
                        pdfs,
                    );
                    rep.wards = vec![self.wards[site.ward].clone()];
                    rep.report_of = "Head of Planning and Building Control".to_string();
                    rep.slug = slugify(&format!("{} {}", site.reference, site.address), 60);
                    let purpose = format!(
                        "To consider the report of the Head of Planning and Building Control on an application for {}.",
                        site.proposal
                    );
                    rep.site = Some(site);
                    reports.push(rep);
                    let author = reports.last().unwrap().author;
                    items.push(Item {
                        title: t,
                        purpose: Some(purpose),
                        kind: Kind::Planning,
                        reports: vec![RRef::Own(reports.len() - 1)],
                        presenter: Some(author),
                        domain: PLA,
                        subject: "the planning application".to_string(),
                        ..Default::default()
                    });
                }
                let head = self.holder(self.post_named("Head of Planning and Building Control"), y);
                let mut appeals = Item {
                    title: "Planning appeals update".to_string(),
                    purpose: Some(
                        "To receive a verbal update on appeal decisions received since the last meeting."
                            .to_string(),
                    ),
                    kind: Kind::Verbal,
                    presenter: Some(head),
                    domain: PLA,
                    subject: "planning appeals".to_string(),
                    ..Default::default()
                };
                if r.chance(0.2) && pdfs {
                    appeals.documents.push(Doc {
                        title: format!("Appeal decisions received, {}", month_year(date.plus(-20))),
                        file: "documents/appeal-decisions.pdf".to_string(),
                    });
                }
                closing.push(appeals);
                if enforcement {
                    closing.push(Item {
                        title: "Planning enforcement update".to_string(),
                        purpose: Some("To receive a verbal update on current enforcement cases.".to_string()),
                        kind: Kind::Verbal,
                        presenter: Some(head),
                        domain: PLA,
                        subject: "planning enforcement".to_string(),
                        ..Default::default()
                    });
                }
            }
            Special::LicensingSub => {
                let n_h = n_target.saturating_sub(items.len() + n_part2 + (n_part2 > 0) as usize).max(2);
                for _ in 0..n_h {
                    let (t, site) = self.licensing_case(r, date);
                    let mut rep = self.new_report(
                        r,
                        m,
                        &t,
                        LIC,
                        "the licensing application",
                        Style::Licensing,
                        None,
                        pdfs,
                    );
                    rep.wards = vec![self.wards[site.ward].clone()];
                    rep.report_of = "Head of Licensing and Regulatory Services".to_string();
                    rep.site = Some(site);
                    reports.push(rep);
                    let author = reports.last().unwrap().author;
                    items.push(Item {
                        title: t,
                        purpose: Some(
                            "To determine the application in accordance with the Licensing Act 2003."
                                .to_string(),
                        ),
                        kind: Kind::Licensing,
                        reports: vec![RRef::Own(reports.len() - 1)],
                        presenter: Some(author),
                        domain: LIC,
                        subject: "the licensing application".to_string(),
                        ..Default::default()
                    });
                }
            }
            _ => {
                if r.chance(0.3) {
                    items.push(if special == Special::Area {
                        narrative("Open forum", "To hear from residents on matters affecting the area.")
                    } else {
                        narrative("Public questions", "To answer any questions from members of the public.")
                    });
                }
                let mut extra: Vec<Item> = Vec::new();
                // Pre-decision scrutiny asked for by the Cabinet.
                for &ri in &self.meetings[m].requests.clone() {
                    let rep = &reports[ri];
                    extra.push(Item {
                        title: format!("Pre-decision Scrutiny: {}", rep.title),
                        purpose: Some(format!(
                            "To comment on the proposals in the report of the {} before the Cabinet takes the decision.",
                            rep.report_of
                        )),
                        kind: Kind::Report,
                        reports: vec![RRef::Own(ri)],
                        presenter: Some(rep.author),
                        matter: rep.matter,
                        domain: rep.domain,
                        subject: rep.subject.clone(),
                        ..Default::default()
                    });
                }
                if special == Special::Scrutiny {
                    let mo = date.month();
                    if [7, 10, 1, 4].contains(&mo) {
                        let qn = match mo {
                            7 => 4,
                            10 => 1,
                            1 => 2,
                            _ => 3,
                        };
                        let fyq = if qn == 4 { y - 1 } else { y };
                        let t = format!("Performance Scorecard {} – Quarter {qn}", fy(fyq));
                        let d = domains[0];
                        let rep = self.new_report(
                            r,
                            m,
                            &t,
                            d,
                            "performance against the Council Plan",
                            Style::Scorecard,
                            None,
                            pdfs,
                        );
                        reports.push(rep);
                        let mut it = report_item(&t, &reports, reports.len() - 1, d, None);
                        it.kind = Kind::Scorecard;
                        extra.push(it);
                    }
                    if mo == 3 {
                        let d = domains[0];
                        let s = *r.pick(DOMAINS[d].subjects);
                        let t = format!("Report of the {} Task and Finish Group", title_case(s));
                        let rep = self.new_report(r, m, &t, d, s, Style::TaskGroup, None, pdfs);
                        reports.push(rep);
                        let mut it = report_item(&t, &reports, reports.len() - 1, d, None);
                        it.kind = Kind::TaskGroup;
                        extra.push(it);
                    }
                    if r.chance(0.4) {
                        let d = domains[0];
                        let ph = self.portfolio_holder(d, y);
                        closing.push(Item {
                            title: "Cabinet Member update".to_string(),
                            purpose: Some("To receive a verbal update from the Cabinet Member.".to_string()),
                            kind: Kind::Verbal,
                            presenter: Some(ph),
                            domain: d,
                            subject: DOMAINS[d].subjects[0].to_string(),
                            ..Default::default()
                        });
                    }
                    let t = format!("Work Programme {}", fy(y));
                    let rep = self.new_report(
                        r,
                        m,
                        &t,
                        GOV,
                        "the Committee's work programme",
                        Style::WorkProgramme,
                        None,
                        pdfs,
                    );
                    reports.push(rep);
                    let mut it = report_item(&t, &reports, reports.len() - 1, GOV, None);
                    it.kind = Kind::WorkProgramme;
                    closing.push(it);
                }
                if special == Special::Area {
                    closing.push(Item {
                        title: "Police and community safety update".to_string(),
                        purpose: Some(
                            "To receive a verbal update from the neighbourhood policing team.".to_string(),
                        ),
                        kind: Kind::Verbal,
                        domain: SAF,
                        subject: "community safety in the area".to_string(),
                        ..Default::default()
                    });
                }
                if special != Special::Scrutiny && r.chance(0.3) {
                    let (d, s, _) = self.fresh_topic(r, &domains, y, &mut used);
                    let (author, _) = self.author(r, d, y);
                    let mut it = Item {
                        title: format!("{}: Verbal Update", title_case(&s)),
                        purpose: Some("To receive a verbal update.".to_string()),
                        kind: Kind::Verbal,
                        presenter: Some(author),
                        domain: d,
                        subject: s,
                        ..Default::default()
                    };
                    if r.chance(0.15) && pdfs {
                        it.documents.push(Doc {
                            title: format!(
                                "Presentation slides: {}",
                                it.title.trim_end_matches(": Verbal Update")
                            ),
                            file: "documents/presentation.pdf".to_string(),
                        });
                    }
                    closing.push(it);
                }
                let fixed = items.len() + extra.len() + closing.len() + n_part2 + (n_part2 > 0) as usize;
                let n_sub = n_target.saturating_sub(fixed).max(1);
                items.extend(extra);
                for _ in 0..n_sub {
                    let (d, s, mat) = self.fresh_topic(r, &domains, y, &mut used);
                    let t = self.topic_title(r, &s, date);
                    let t = if special == Special::Area {
                        format!(
                            "{t} in the {}",
                            self.committees[c]
                                .name
                                .trim_end_matches(" Committee")
                                .trim_end_matches(" Neighbourhood Forum")
                        )
                    } else {
                        t
                    };
                    let rep = self.new_report(r, m, &t, d, &s, Style::General, mat, pdfs);
                    reports.push(rep);
                    let mut it = report_item(&t, &reports, reports.len() - 1, d, mat);
                    it.presenter = Some(reports.last().unwrap().author);
                    items.push(it);
                }
            }
        }
        items.extend(closing);
        // Part 2 business.
        if n_part2 > 0 {
            let mut p2 = Vec::new();
            for _ in 0..n_part2 {
                let (d, s, _) = self.fresh_topic(r, &domains, y, &mut used);
                let (para, title, public_title, interest) = self.part2_topic(r, special, d, &s, date);
                let mut rep = self.new_report(r, m, &title, d, &s, Style::General, None, pdfs);
                rep.appendices.retain(|a| a.exempt.is_none());
                rep.exempt = Some((para, public_title.clone(), interest.clone()));
                reports.push(rep);
                let author = reports.last().unwrap().author;
                let key = special == Special::Cabinet && para == 3 && r.chance(0.5);
                p2.push(Item {
                    title,
                    public_title: Some(public_title),
                    purpose: Some(format!("To consider the exempt report of the {}.", dom_director(d))),
                    kind: if special == Special::LicensingSub { Kind::Licensing } else { Kind::Report },
                    part2: Some(para),
                    public_interest: Some(interest),
                    reports: vec![RRef::Own(reports.len() - 1)],
                    presenter: Some(author),
                    domain: d,
                    subject: s,
                    key,
                    ..Default::default()
                });
            }
            let mut paras: Vec<u8> = p2.iter().filter_map(|i| i.part2).collect();
            paras.sort_unstable();
            paras.dedup();
            let ps = paras.iter().map(|p| p.to_string()).collect::<Vec<_>>();
            items.push(Item {
                title: "Exclusion of the press and public".to_string(),
                purpose: Some(format!(
                    "To consider passing the following resolution: That under section 100A(4) of the Local Government Act \
                     1972 the press and public be excluded from the meeting for the following {} of business on the grounds \
                     that {} the likely disclosure of exempt information as defined in {} {} of Part 1 of Schedule 12A to the Act.",
                    if p2.len() > 1 { "items" } else { "item" },
                    if p2.len() > 1 { "they involve" } else { "it involves" },
                    if ps.len() > 1 { "paragraphs" } else { "paragraph" },
                    list_and(&ps)
                )),
                kind: Kind::Exclusion,
                procedural: true,
                ..Default::default()
            });
            items.extend(p2);
        }
        // Now and then a late, urgent item.
        if special != Special::Council && r.chance(0.02) {
            if let Some(pos) = items.iter().position(|i| {
                i.kind == Kind::Report && i.part2.is_none() && matches!(i.reports.first(), Some(RRef::Own(_)))
            }) {
                let Some(RRef::Own(ri)) = items[pos].reports.first().copied() else { unreachable!() };
                if !self.meetings[m].requests.contains(&ri) {
                    let published = self.cal.add_working(self.meetings[m].published, 1 + r.below(2) as u32);
                    if published < date {
                        reports[ri].published = Some(published);
                        reports[ri].date = published;
                        items[pos].urgency = Some(format!(
                            "The report could not be published with the agenda because {}, and the decision cannot wait \
                             until the next meeting on {}.",
                            r.pick(URGENCY),
                            self.meetings[m]
                                .next
                                .map_or("a date to be fixed".to_string(), |n| self.meetings[n].date.long())
                        ));
                        let it = items.remove(pos);
                        let at = items.iter().position(|i| i.kind == Kind::Exclusion).unwrap_or(items.len());
                        items.insert(at, it);
                    }
                }
            }
        }
        self.meetings[m].items = items;
        self.meetings[m].reports = reports;
        // Report slugs are unique within a meeting.
        let mut seen = HashSet::new();
        for rep in &mut self.meetings[m].reports {
            let base = rep.slug.clone();
            let mut k = 2;
            while !seen.insert(rep.slug.clone()) {
                rep.slug = format!("{base}-{k}");
                k += 1;
            }
            for a in &mut rep.appendices {
                let letter = a.file.rsplit('-').next().unwrap().to_string();
                a.file = format!("appendices/{}-appendix-{letter}", rep.slug);
            }
        }
    }

    /// A held scrutiny meeting two to eight weeks before a Cabinet meeting, for pre-decision
    /// scrutiny of a key decision in a domain.
    fn scrutiny_meeting(&self, r: &mut Rng, domain: usize, cabinet: Day) -> Option<usize> {
        let candidates: Vec<usize> = (0..self.committees.len())
            .filter(|&c| {
                self.committees[c].special == Special::Scrutiny
                    && self.committees[c].domains.contains(&domain)
            })
            .collect();
        let candidates = if candidates.is_empty() {
            (0..self.committees.len())
                .filter(|&c| self.committees[c].special == Special::Scrutiny)
                .take(1)
                .collect()
        } else {
            candidates
        };
        let c = *candidates.get(r.below(candidates.len().max(1)))?;
        self.committees[c].meetings.iter().copied().rfind(|&m| {
            let mt = &self.meetings[m];
            mt.held && mt.date < cabinet.plus(-13) && mt.date > cabinet.plus(-57) && mt.requests.len() < 2
        })
    }

    fn planning_site(&self, r: &mut Rng, date: Day) -> Site {
        let ward = r.below(self.wards.len());
        let kind = *r.pick(&["FUL", "FUL", "FUL", "OUT", "REM", "HOU", "LBC", "VAR"]);
        let reference = format!("{:02}/{:05}/{kind}", (date.year() % 100), r.range(100, 1800));
        let street = format!("{} {}", r.pick(STREET_A), r.pick(STREET_B));
        let (address, proposal) = match kind {
            "HOU" => (
                format!("{} {street}, {}", r.range(1, 140), self.wards[ward]),
                format!(
                    "a two-storey side extension and single-storey rear extension at {} {street}",
                    r.range(1, 140)
                ),
            ),
            "LBC" => (
                format!(
                    "{} House, {street}, {}",
                    r.pick(&["Old", "Manor", "Grange", "Priory", "Mill"]),
                    self.wards[ward]
                ),
                "listed building consent for internal alterations and the replacement of windows".to_string(),
            ),
            "OUT" => (
                format!("Land off {street}, {}", self.wards[ward]),
                format!(
                    "outline planning permission for up to {} dwellings, with all matters reserved except access",
                    r.range(20, 320)
                ),
            ),
            "REM" => (
                format!("Land at {street}, {}", self.wards[ward]),
                format!(
                    "approval of reserved matters for {} dwellings, with associated landscaping and open space",
                    r.range(20, 240)
                ),
            ),
            "VAR" => (
                format!("{}, {street}, {}", r.pick(PREMISES), self.wards[ward]),
                "the variation of a condition to extend the opening hours to 23:00 on Fridays and Saturdays"
                    .to_string(),
            ),
            _ => (
                format!(
                    "Former {} site, {street}, {}",
                    r.pick(&["works", "depot", "garage", "dairy", "chapel", "school", "warehouse"]),
                    self.wards[ward]
                ),
                format!(
                    "the demolition of the existing buildings and the erection of {} dwellings, with access from {street}",
                    r.range(4, 90)
                ),
            ),
        };
        Site { reference, address, ward, applicant: company(r), proposal, grant: r.chance(0.78) }
    }

    fn licensing_case(&self, r: &mut Rng, _date: Day) -> (String, Site) {
        let ward = r.below(self.wards.len());
        let street = format!("{} {}", r.pick(STREET_A), r.pick(STREET_B));
        let premises = format!("{}, {} {street}", r.pick(PREMISES), r.range(1, 180));
        let (t, proposal) = match r.below(4) {
            0 => (
                format!("Application for a Premises Licence – {premises}"),
                "a new premises licence for the sale of alcohol and late night refreshment",
            ),
            1 => (
                format!("Application to Vary a Premises Licence – {premises}"),
                "the variation of a premises licence to extend the hours for the sale of alcohol",
            ),
            2 => (
                format!("Review of a Premises Licence – {premises}"),
                "a review of the premises licence following representations from the police",
            ),
            _ => (
                format!("Temporary Event Notice – {premises}"),
                "a temporary event notice to which the police have objected",
            ),
        };
        (
            t,
            Site {
                reference: format!("LIC/{}", r.range(1000, 9999)),
                address: premises,
                ward,
                applicant: company(r),
                proposal: proposal.to_string(),
                grant: r.chance(0.7),
            },
        )
    }

    fn part2_topic(
        &self,
        r: &mut Rng,
        special: Special,
        d: usize,
        s: &str,
        date: Day,
    ) -> (u8, String, String, String) {
        let ward = r.pick(&self.wards).clone();
        let street = format!("{} {}", r.pick(STREET_A), r.pick(STREET_B));
        let para: u8 = match special {
            Special::LicensingSub => *r.pick(&[1, 1, 7]),
            Special::Planning => 6,
            Special::Cabinet => *r.pick(&[3, 3, 3, 5, 1]),
            Special::Regulatory => *r.pick(&[1, 3, 4, 5, 7]),
            _ => *r.pick(&[1, 3, 5]),
        };
        let ts = title_case(s);
        let (title, public) = match para {
            1 if special == Special::LicensingSub => (
                format!("Private Hire Driver Licence {} – Fitness to Hold a Licence", r.range(1000, 9999)),
                "Private hire driver licence: fitness to hold a licence".to_string(),
            ),
            1 => (
                format!("{ts}: Staffing Structure and Proposed Redundancies"),
                format!("{ts}: staffing matter"),
            ),
            3 if r.chance(0.5) => (
                format!("Disposal of Land at {street}, {ward}: Selection of Preferred Bidder"),
                format!("Disposal of land at {street}"),
            ),
            3 => {
                (format!("Award of Contract for {ts} to {}", company(r)), format!("Award of contract: {ts}"))
            }
            4 => (
                "Pay and Grading Review: Negotiations with the Trade Unions".to_string(),
                "Employee relations matter".to_string(),
            ),
            5 => (
                format!("{ts}: Legal Advice on the Claim Against the Council"),
                format!("{ts}: legal advice"),
            ),
            6 => (
                format!("Planning Enforcement: Proposed Enforcement Notice at {street}, {ward}"),
                "Proposed planning enforcement action".to_string(),
            ),
            _ => (format!("Counter-Fraud Investigation {}", date.year()), "Investigation update".to_string()),
        };
        let interest = PUBLIC_INTEREST[(para - 1) as usize].to_string();
        let _ = d;
        (para, title, public, interest)
    }

    fn number_minutes(&mut self) {
        for c in 0..self.committees.len() {
            let mut year = i32::MIN;
            let mut next = 1;
            for &m in &self.committees[c].meetings.clone() {
                let mt = &mut self.meetings[m];
                if !mt.held {
                    continue;
                }
                if mt.year != year {
                    year = mt.year;
                    next = 1;
                }
                mt.first_minute = next;
                next += mt.items.len() as u32;
            }
        }
    }

    fn report_of_ref(&self, m: usize, rr: RRef) -> (usize, usize) {
        match rr {
            RRef::Own(i) => (m, i),
            RRef::Other(om, i) => (om, i),
        }
    }

    fn make_plans(&mut self, r: &mut Rng) {
        let cabinet_meetings: Vec<usize> = (0..self.meetings.len())
            .filter(|&m| {
                self.meetings[m].held && self.committees[self.meetings[m].c].special == Special::Cabinet
            })
            .collect();
        for (k, &m) in cabinet_meetings.iter().enumerate() {
            let date = self.meetings[m].date;
            for i in 0..self.meetings[m].items.len() {
                let item = &self.meetings[m].items[i];
                if !item.key {
                    continue;
                }
                let (rm, ri) = self.report_of_ref(m, item.reports[0]);
                let rep = &self.meetings[rm].reports[ri];
                // Now and then the decision was put back from an earlier meeting.
                let deferred_from = if k > 0 && rm == m && r.chance(0.1) {
                    Some(self.meetings[cabinet_meetings[k - 1]].date)
                } else {
                    None
                };
                let expected = deferred_from.unwrap_or(date);
                let mut first_published = expected.plus(-(r.range(35, 120) as i32));
                if rm != m {
                    first_published = first_published.min(self.meetings[rm].date.plus(-21));
                }
                let minute = self.meetings[m].first_minute + i as u32;
                let title = item.public_title.clone().unwrap_or_else(|| item.title.clone());
                let mut history = vec![(
                    first_published,
                    PlanStatus::Pending,
                    "First published in the Forward Plan.".to_string(),
                )];
                if let Some(d) = deferred_from {
                    history.push((
                        d.plus(-(r.range(3, 10) as i32)),
                        PlanStatus::Deferred,
                        format!("Deferred to {} to allow {}.", date.long(), r.pick(DEFER_REASONS)),
                    ));
                }
                history.push((date, PlanStatus::Taken, format!("Decided by the Cabinet (minute {minute}).")));
                let scrutiny = if rm != m {
                    Some(self.meetings[rm].c)
                } else {
                    (0..self.committees.len()).find(|&c| {
                        self.committees[c].special == Special::Scrutiny
                            && self.committees[c].domains.contains(&item.domain)
                    })
                };
                let private = item.part2.map(|p| (p, PRIVATE_REASON[(p - 1) as usize].to_string()));
                let plan = Plan {
                    reference: String::new(),
                    title: title.clone(),
                    decision: format!(
                        "To consider {} and to agree the recommendations of the {}, including any changes to policy, \
                         spending or contracts that follow from them.",
                        if item.part2.is_some() { title.to_lowercase() } else { item.subject.clone() },
                        rep.report_of
                    ),
                    maker: "cabinet".to_string(),
                    expected,
                    first_published,
                    consultation: Some(format!(
                        "{} The relevant scrutiny committee will be offered the opportunity to comment before the decision \
                         is taken.",
                        r.pick(CONSULTATION)
                    )),
                    scrutiny,
                    contact: rep.author,
                    documents: vec![
                        format!("Report of the {}", rep.report_of),
                        "Equality impact assessment".to_string(),
                    ],
                    wards: rep.wards.clone(),
                    private,
                    status: PlanStatus::Taken,
                    taken: Some(format!("cabinet/{date}#{}", i + 1)),
                    deferred_to: None,
                    history,
                    matter: item.matter,
                    domain: item.domain,
                };
                let p = self.plans.len();
                self.plans.push(plan);
                self.meetings[rm].reports[ri].key = Some(p);
            }
        }
        // Key decisions that were withdrawn.
        for &m in &cabinet_meetings {
            if !r.chance(0.12) {
                continue;
            }
            let date = self.meetings[m].date;
            let d = r.below(DOMAINS.len() - 2);
            let s = r.pick(DOMAINS[d].subjects).to_string();
            let first_published = date.plus(-(r.range(40, 100) as i32));
            let (author, report_of) = self.author(r, d, self.meetings[m].year);
            self.plans.push(Plan {
                reference: String::new(),
                title: self.topic_title(r, &s, date),
                decision: format!("To agree the proposals of the {report_of} for {s}."),
                maker: "cabinet".to_string(),
                expected: date,
                first_published,
                consultation: None,
                scrutiny: None,
                contact: author,
                documents: vec![format!("Report of the {report_of}")],
                wards: vec!["All wards".to_string()],
                private: None,
                status: PlanStatus::Withdrawn,
                taken: None,
                deferred_to: None,
                history: vec![
                    (
                        first_published,
                        PlanStatus::Pending,
                        "First published in the Forward Plan.".to_string(),
                    ),
                    (
                        date.plus(-(r.range(5, 25) as i32)),
                        PlanStatus::Withdrawn,
                        format!("Withdrawn: {}.", r.pick(WITHDRAW_REASONS)),
                    ),
                ],
                matter: None,
                domain: d,
            });
        }
    }

    fn make_decisions(&mut self, r: &mut Rng) {
        let per_year = 2 + self.committees.len() / 3;
        let last_meeting = self.as_of.plus(-1);
        for y in self.first_year..=self.last_year {
            let start = Day::ymd(y, 5, 1);
            let end = Day::ymd(y + 1, 4, 30).min(last_meeting);
            for k in 0..per_year {
                let mut taken = start.plus(r.below((end.0 - start.0).max(1) as usize) as i32);
                while !self.cal.working(taken) {
                    taken = taken.plus(-1);
                }
                let d = r.below(DOMAINS.len());
                let (_, s, mat) = self.topic(r, &[d], y);
                let ward = r.pick(&self.wards).clone();
                let street = format!("{} {}", r.pick(STREET_A), r.pick(STREET_B));
                let title = match r.below(7) {
                    0 => format!("Award of Contract for {}", title_case(&s)),
                    1 => format!("{}: Approval of Revised Policy", title_case(&s)),
                    2 => format!("Acceptance of Grant Funding for {}", title_case(&s)),
                    3 => format!("{}: Fees and Charges {}", title_case(&s), fy(y + 1)),
                    4 => format!("Traffic Regulation Order: {street}, {ward}"),
                    5 => format!("Disposal of Land at {street}, {ward}"),
                    _ => format!("{}: Extension of Contract", title_case(&s)),
                };
                let member = r.chance(0.35);
                let maker = if member {
                    self.portfolio_holder(d, y)
                } else {
                    let p = self.director_post(d);
                    self.holder(p, y)
                };
                let key = r.chance(0.3);
                let exempt = if r.chance(0.05) { Some(3) } else { None };
                let slug = format!("{}-{}", slugify(&title, 50), taken.to_string().replace('-', ""));
                let published = self.cal.add_working(taken, 1 + r.below(2) as u32);
                let wards =
                    if title.contains(&ward) { vec![ward.clone()] } else { vec!["All wards".to_string()] };
                let call_in = if member || key {
                    match r.below(40) {
                        0 => Some("urgent"),
                        1 => Some("called-in"),
                        _ => None,
                    }
                } else {
                    None
                };
                let di = self.decisions.len();
                let key = if key {
                    let first_published = taken.plus(-(r.range(35, 100) as i32));
                    let (contact, report_of) = self.author(r, d, y);
                    self.plans.push(Plan {
                        reference: String::new(),
                        title: if exempt.is_some() {
                            format!("Commercial decision: {}", title_case(&s))
                        } else {
                            title.clone()
                        },
                        decision: format!("To decide on {}, under delegated powers.", title.to_lowercase()),
                        maker: self.people[maker].slug.clone(),
                        expected: taken,
                        first_published,
                        consultation: Some(r.pick(CONSULTATION).to_string()),
                        scrutiny: None,
                        contact,
                        documents: vec![format!("Report of the {report_of}")],
                        wards: wards.clone(),
                        private: exempt.map(|p| (p, PRIVATE_REASON[(p - 1) as usize].to_string())),
                        status: PlanStatus::Taken,
                        taken: Some(format!("decisions/{slug}")),
                        deferred_to: None,
                        history: vec![
                            (
                                first_published,
                                PlanStatus::Pending,
                                "First published in the Forward Plan.".to_string(),
                            ),
                            (
                                taken,
                                PlanStatus::Taken,
                                "Decision taken and published in the decisions register.".to_string(),
                            ),
                        ],
                        matter: mat,
                        domain: d,
                    });
                    Some(self.plans.len() - 1)
                } else {
                    None
                };
                self.decisions.push(Decision {
                    slug,
                    public_title: exempt.map(|_| format!("Commercial decision: {}", title_case(&s))),
                    title,
                    maker,
                    taken,
                    published,
                    key,
                    call_in,
                    wards,
                    matter: mat,
                    exempt,
                    domain: d,
                    subject: s,
                    seed: mix(self.seed, 0xDEC0_0000 + (y as u64) * 1000 + k as u64 + di as u64),
                });
            }
        }
        // Slugs are unique.
        let mut seen = HashSet::new();
        for i in 0..self.decisions.len() {
            let base = self.decisions[i].slug.clone();
            let mut k = 2;
            while !seen.insert(self.decisions[i].slug.clone()) {
                self.decisions[i].slug = format!("{base}-{k}");
                k += 1;
            }
            if let Some(p) = self.decisions[i].key {
                self.plans[p].taken = Some(format!("decisions/{}", self.decisions[i].slug));
            }
        }
    }

    /// Key decisions still to come after the archive ends.
    fn make_other_plans(&mut self, r: &mut Rng) {
        let as_of = self.as_of;
        let n = 6 + self.committees.len() / 5;
        for k in 0..n {
            let d = r.below(DOMAINS.len() - 2);
            let s = r.pick(DOMAINS[d].subjects).to_string();
            let first_published = as_of.plus(-(r.range(1, 30) as i32));
            let mut expected = as_of.plus(r.range(20, 180) as i32);
            while expected.weekday() != 1 {
                expected = expected.plus(1);
            }
            let (contact, report_of) = self.author(r, d, self.last_year);
            let scrutiny = (0..self.committees.len()).find(|&c| {
                self.committees[c].special == Special::Scrutiny && self.committees[c].domains.contains(&d)
            });
            let deferred = k % 5 == 4;
            let mut history = vec![(
                first_published,
                PlanStatus::Pending,
                "First published in the Forward Plan.".to_string(),
            )];
            let deferred_to = if deferred {
                let to = expected.plus(28);
                history.push((
                    as_of.plus(-1),
                    PlanStatus::Deferred,
                    format!("Deferred to allow {}.", r.pick(DEFER_REASONS)),
                ));
                Some(to)
            } else {
                None
            };
            let private = if r.chance(0.15) { Some((3u8, PRIVATE_REASON[2].to_string())) } else { None };
            self.plans.push(Plan {
                reference: String::new(),
                title: self.topic_title(r, &s, as_of),
                decision: format!("To agree the recommendations of the {report_of} on {s}."),
                maker: "cabinet".to_string(),
                expected,
                first_published,
                consultation: Some(r.pick(CONSULTATION).to_string()),
                scrutiny,
                contact,
                documents: vec![
                    format!("Report of the {report_of}"),
                    "Equality impact assessment".to_string(),
                ],
                wards: vec!["All wards".to_string()],
                private,
                status: if deferred { PlanStatus::Deferred } else { PlanStatus::Pending },
                taken: None,
                deferred_to,
                history,
                matter: None,
                domain: d,
            });
        }
    }

    fn assign_references(&mut self) {
        let mut order: Vec<usize> = (0..self.plans.len()).collect();
        order.sort_by_key(|&p| (self.plans[p].first_published, p));
        let mut count: BTreeMap<i32, u32> = BTreeMap::new();
        for p in order {
            let y = self.plans[p].first_published.municipal_year();
            let n = count.entry(y).or_insert(0);
            *n += 1;
            self.plans[p].reference = format!("KD {}-{:02}", fy(y), n);
        }
    }

    fn make_roles(&mut self) {
        let yi = self.yi(self.last_year);
        let e = &self.execs[yi];
        let mut roles: Vec<(usize, String)> = vec![(e.leader, "Leader of the Council".to_string())];
        for (k, &p) in e.holders.iter().enumerate() {
            if k == 0 {
                roles.push((p, "Deputy Leader of the Council".to_string()));
            }
            roles.push((p, format!("Cabinet Member for {}", PORTFOLIOS[k])));
        }
        let (mayor, deputy) = self.mayors[yi];
        roles.push((mayor, format!("Mayor of {TOWN} {}", fy(self.last_year))));
        roles.push((deputy, format!("Deputy Mayor {}", fy(self.last_year))));
        for c in &self.committees {
            if matches!(c.special, Special::Council | Special::Cabinet) {
                continue;
            }
            for &(p, role) in &c.membership[yi].members {
                match role {
                    Role::Chair => roles.push((p, format!("Chair of the {}", c.name))),
                    Role::Vice => roles.push((p, format!("Vice-Chair of the {}", c.name))),
                    _ => {}
                }
            }
        }
        for (p, role) in roles {
            self.people[p].roles.push(role);
        }
        for p in &mut self.people {
            if p.kind == PKind::Coopted {
                p.roles.insert(0, p.coopt_role.clone());
            }
        }
    }
}

fn narrative(title: &str, purpose: &str) -> Item {
    Item {
        title: title.to_string(),
        purpose: Some(purpose.to_string()),
        kind: Kind::Narrative,
        procedural: title.contains("announcements"),
        ..Default::default()
    }
}

fn report_item(title: &str, reports: &[Report], ri: usize, domain: usize, matter: Option<usize>) -> Item {
    let rep = &reports[ri];
    Item {
        title: title.to_string(),
        purpose: Some(format!("To consider the report of the {}.", rep.report_of)),
        kind: Kind::Report,
        reports: vec![RRef::Own(ri)],
        presenter: Some(rep.author),
        matter,
        domain,
        subject: rep.subject.clone(),
        ..Default::default()
    }
}

fn months_for(n: usize) -> &'static [u32] {
    match n {
        12.. => &[5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3, 4],
        11 => &[5, 6, 7, 9, 10, 11, 12, 1, 2, 3, 4],
        10 => &[6, 7, 9, 10, 11, 12, 1, 2, 3, 4],
        9 => &[6, 7, 9, 10, 11, 1, 2, 3, 4],
        8 => &[6, 7, 9, 10, 11, 1, 2, 3],
        7 => &[6, 7, 9, 11, 1, 2, 3],
        _ => &[6, 7, 9, 11, 1, 3],
    }
}

fn month_year(d: Day) -> String {
    let (y, m, _) = d.civil();
    format!("{} {y}", MONTHS[m as usize - 1])
}

fn civic_address() -> Vec<String> {
    vec!["Civic Centre".to_string(), "Market Street".to_string(), TOWN.to_string(), "BK1 1CC".to_string()]
}

fn postcode(r: &mut Rng) -> String {
    let letters = b"ABDEFGHJLNPQRSTUWXYZ";
    format!(
        "BK{} {}{}{}",
        r.range(1, 14),
        r.range(1, 9),
        letters[r.below(letters.len())] as char,
        letters[r.below(letters.len())] as char
    )
}

fn company(r: &mut Rng) -> String {
    format!("{} {}", r.pick(COMPANY_A), r.pick(COMPANY_B))
}

// ---------------------------------------------------------------------------------------------
// Work programmes (written as YAML while the structure is built: they are small)
// ---------------------------------------------------------------------------------------------

struct WpItem {
    id: String,
    topic: String,
    purpose: String,
    origin: (&'static str, Option<String>, Option<String>),
    priority: &'static str,
    action: &'static str,
    target: String,
    status: &'static str,
    history: Vec<(Day, &'static str, String)>,
    considered: Vec<String>,
    matter: Option<String>,
    reason: Option<String>,
}

impl WpItem {
    fn yaml(&self, o: &mut String) {
        let _ = writeln!(
            o,
            "  - id: {}\n    topic: {}\n    purpose: {}",
            self.id,
            q(&self.topic),
            q(&self.purpose)
        );
        let _ = writeln!(o, "    origin:\n      kind: {}", self.origin.0);
        if let Some(f) = &self.origin.1 {
            let _ = writeln!(o, "      from: {}", q(f));
        }
        if let Some(n) = &self.origin.2 {
            let _ = writeln!(o, "      note: {}", q(n));
        }
        let _ = writeln!(
            o,
            "    priority: {}\n    action: {}\n    target: {}\n    status: {}",
            q(self.priority),
            q(self.action),
            q(&self.target),
            self.status
        );
        if !self.history.is_empty() {
            o.push_str("    history:\n");
            for (d, s, note) in &self.history {
                let _ = writeln!(o, "      - date: {d}\n        status: {s}");
                if !note.is_empty() {
                    let _ = writeln!(o, "        note: {}", q(note));
                }
            }
        }
        if !self.considered.is_empty() {
            o.push_str("    considered_at:\n");
            for c in &self.considered {
                let _ = writeln!(o, "      - {c}");
            }
        }
        if let Some(m) = &self.matter {
            let _ = writeln!(o, "    matter: {m}");
        }
        if let Some(r) = &self.reason {
            let _ = writeln!(o, "    reason: {}", q(r));
        }
    }
}

fn unique_id(ids: &mut HashSet<String>, base: &str) -> String {
    let base = slugify(base, 50);
    let mut id = base.clone();
    let mut k = 2;
    while !ids.insert(id.clone()) {
        id = format!("{base}-{k}");
        k += 1;
    }
    id
}

impl World {
    fn make_work_programmes(&mut self, r: &mut Rng) {
        self.wp_of = vec![None; self.committees.len()];
        let from_year = (self.last_year - WP_YEARS + 1).max(self.first_year);
        for c in 0..self.committees.len() {
            let com = &self.committees[c];
            if com.special != Special::Scrutiny {
                continue;
            }
            let d0 = com.domains[0];
            let meetings: Vec<usize> = com
                .meetings
                .iter()
                .copied()
                .filter(|&m| self.meetings[m].held && self.meetings[m].year >= from_year)
                .collect();
            let mut ids = HashSet::new();
            let mut items: Vec<WpItem> = Vec::new();
            let mut due = Vec::new();
            let mut monitored = Vec::new();
            let mut groups = String::new();
            let mut last_minute: Option<String> = None;
            for &m in &meetings {
                let mut this_meeting: Option<String> = None;
                let mt = &self.meetings[m];
                let mid = mt.id(self);
                for (i, it) in mt.items.iter().enumerate() {
                    let number = i + 1;
                    let minute = mt.first_minute + i as u32;
                    let at = format!("{mid}#{number}");
                    match it.kind {
                        Kind::Report if it.part2.is_none() => {
                            let (rm, ri) = self.report_of_ref(m, it.reports[0]);
                            let rep = &self.meetings[rm].reports[ri];
                            let scheduled = mt.date.plus(-(r.range(30, 150) as i32));
                            let mut wi = WpItem {
                                id: unique_id(&mut ids, &rep.title),
                                topic: rep.title.clone(),
                                purpose: format!(
                                    "To examine {} and to make any recommendations to the Cabinet or the Council.",
                                    rep.subject
                                ),
                                origin: (
                                    "other",
                                    None,
                                    Some("Suggested at the Committee's work programme workshop.".to_string()),
                                ),
                                priority: DOMAINS[rep.domain].priority,
                                action: "Review",
                                target: mid.clone(),
                                status: "completed",
                                history: vec![
                                    (scheduled, "scheduled", String::new()),
                                    (
                                        mt.date,
                                        "completed",
                                        format!("Considered by the Committee (minute {minute})."),
                                    ),
                                ],
                                considered: vec![at.clone()],
                                matter: rep.matter.or(it.matter).map(|x| self.matters[x].slug.clone()),
                                reason: None,
                            };
                            if let Some(p) = rep.key {
                                wi.origin = ("forward-plan", Some(self.plans[p].reference.clone()), None);
                                wi.action = "Pre-decision scrutiny";
                                wi.purpose = format!(
                                    "Pre-decision scrutiny of the proposals on {} before the Cabinet decides.",
                                    rep.subject
                                );
                                items.push(wi);
                            } else if r.chance(0.5) {
                                match r.below(3) {
                                    0 if last_minute.is_some() => {
                                        wi.origin = ("resolution", last_minute.clone(), None);
                                    }
                                    1 => {
                                        let ms = &com.membership[self.yi(mt.year)].members;
                                        let cllrs: Vec<usize> =
                                            ms.iter().filter(|x| x.1 != Role::Coopt).map(|x| x.0).collect();
                                        let p = *r.pick(&cllrs);
                                        wi.origin =
                                            ("member-request", Some(self.people[p].slug.clone()), None);
                                    }
                                    _ => {}
                                }
                                items.push(wi);
                            }
                            this_meeting = Some(format!("{mid}/minutes#{minute}"));
                        }
                        Kind::Scorecard => {
                            due.push(mid.clone());
                            monitored.push(at);
                        }
                        Kind::TaskGroup => {
                            let (rm, ri) = self.report_of_ref(m, it.reports[0]);
                            let rep = &self.meetings[rm].reports[ri];
                            let name = rep.title.trim_start_matches("Report of the ").to_string();
                            let id = unique_id(&mut ids, &name);
                            let ms = &com.membership[self.yi(mt.year)].members;
                            let mut cllrs: Vec<usize> =
                                ms.iter().filter(|x| x.1 != Role::Coopt).map(|x| x.0).collect();
                            r.shuffle(&mut cllrs);
                            cllrs.truncate(3 + r.below(2));
                            let start = Day::ymd(mt.date.year() - 1, 9, 10 + r.below(15) as u32);
                            let _ = writeln!(groups, "  - id: {id}\n    name: {}", q(&name));
                            let _ = writeln!(
                                groups,
                                "    scope: {}",
                                q(&format!(
                                    "To review {} in {TOWN}: what works, what does not, and what the Council and its \
                                     partners could do differently.",
                                    rep.subject
                                ))
                            );
                            groups.push_str("    members:\n");
                            for &p in &cllrs {
                                let _ = writeln!(groups, "      - {}", self.people[p].slug);
                            }
                            let _ = writeln!(
                                groups,
                                "    lead: {}\n    status: completed\n    progress:",
                                self.people[cllrs[0]].slug
                            );
                            let notes = [
                                "First meeting: scope and timetable agreed.",
                                "Evidence session with officers and partners.",
                                "Visits to services and meetings with residents who use them.",
                                "Draft findings and recommendations agreed.",
                            ];
                            for (k, n) in notes.iter().enumerate() {
                                let _ = writeln!(
                                    groups,
                                    "      - date: {}\n        note: {}",
                                    start.plus(k as i32 * 35),
                                    q(n)
                                );
                            }
                            let _ = writeln!(
                                groups,
                                "      - date: {}\n        note: {}",
                                mt.date,
                                q(&format!("Final report considered by the Committee (minute {minute})."))
                            );
                            let _ = writeln!(
                                groups,
                                "    reports:\n      - {}/{}",
                                self.meetings[rm].id(self),
                                rep.slug
                            );
                        }
                        _ => {}
                    }
                }
                if this_meeting.is_some() {
                    last_minute = this_meeting;
                }
            }
            // Items still to come.
            let as_of = self.as_of;
            let future_month = |d: Day| {
                let (y, m, _) = d.civil();
                format!("{y}-{m:02}")
            };
            for p in &self.plans {
                if p.scrutiny == Some(c) && matches!(p.status, PlanStatus::Pending | PlanStatus::Deferred) {
                    let target = p.deferred_to.unwrap_or(p.expected).plus(-30).max(as_of.plus(10));
                    items.push(WpItem {
                        id: unique_id(&mut ids, &p.title),
                        topic: p.title.clone(),
                        purpose: format!(
                            "Pre-decision scrutiny before the Cabinet decides ({}).",
                            p.reference
                        ),
                        origin: ("forward-plan", Some(p.reference.clone()), None),
                        priority: DOMAINS[p.domain].priority,
                        action: "Pre-decision scrutiny",
                        target: future_month(target),
                        status: "scheduled",
                        history: vec![(
                            p.first_published.max(as_of.plus(-20)),
                            "scheduled",
                            "Added when the entry was published in the Forward Plan.".to_string(),
                        )],
                        considered: vec![],
                        matter: None,
                        reason: None,
                    });
                }
            }
            let ms = &com.membership[self.yi(self.last_year)].members;
            let cllrs: Vec<usize> = ms.iter().filter(|x| x.1 != Role::Coopt).map(|x| x.0).collect();
            let s1 = r.pick(DOMAINS[d0].subjects).to_string();
            items.push(WpItem {
                id: unique_id(&mut ids, &format!("{s1} review")),
                topic: format!("{}: Review", title_case(&s1)),
                purpose: format!("To review {s1}, including the views of the people who use the service."),
                origin: ("member-request", Some(self.people[*r.pick(&cllrs)].slug.clone()), None),
                priority: DOMAINS[d0].priority,
                action: "Review",
                target: future_month(as_of.plus(75)),
                status: "on-track",
                history: vec![
                    (as_of.plus(-90), "scheduled", String::new()),
                    (as_of.plus(-20), "on-track", "The report is being prepared.".to_string()),
                ],
                considered: vec![],
                matter: None,
                reason: None,
            });
            let s2 = r.pick(DOMAINS[d0].subjects).to_string();
            items.push(WpItem {
                id: unique_id(&mut ids, &format!("{s2} deferred")),
                topic: format!("{}: Lessons from the First Year", title_case(&s2)),
                purpose: format!("To look back at the first year of the changes to {s2}."),
                origin: ("other", None, Some("Requested by the Cabinet Member.".to_string())),
                priority: DOMAINS[d0].priority,
                action: "Performance report",
                target: future_month(as_of.plus(150)),
                status: "deferred",
                history: vec![
                    (as_of.plus(-200), "scheduled", String::new()),
                    (as_of.plus(-40), "deferred", String::new()),
                ],
                considered: vec![],
                matter: None,
                reason: Some(format!(
                    "A full year's data will not be available until {}.",
                    month_year(as_of.plus(120))
                )),
            });
            let s3 = r.pick(DOMAINS[d0].subjects).to_string();
            items.push(WpItem {
                id: unique_id(&mut ids, &format!("{s3} discontinued")),
                topic: format!("{}: Benchmarking Study", title_case(&s3)),
                purpose: format!("To compare the cost and performance of {s3} with similar councils."),
                origin: ("member-request", Some(self.people[*r.pick(&cllrs)].slug.clone()), None),
                priority: DOMAINS[d0].priority,
                action: "Review",
                target: future_month(as_of.plus(-60)),
                status: "discontinued",
                history: vec![
                    (as_of.plus(-300), "scheduled", String::new()),
                    (as_of.plus(-60), "discontinued", String::new()),
                ],
                considered: vec![],
                matter: None,
                reason: Some("The Local Government Association's benchmarking service now publishes the comparison every year.".to_string()),
            });
            let mut o = String::new();
            let _ = writeln!(
                o,
                "introduction: |\n  The Committee agrees its work programme at the first meeting of each municipal year and reviews\n  \
                 it at every meeting. Topics come from the Forward Plan of key decisions, the Committee's own\n  \
                 recommendations, performance reports and suggestions from members, partners and residents.\n\n  \
                 To suggest a topic, contact [{}](@{}).",
                self.people[self.holder(com.dso, self.last_year)].name(),
                self.people[self.holder(com.dso, self.last_year)].slug
            );
            o.push_str("items:\n");
            for it in &items {
                it.yaml(&mut o);
            }
            if !due.is_empty() {
                let _ = writeln!(
                    o,
                    "monitoring:\n  - id: {}\n    topic: {}\n    frequency: Quarterly\n    due:",
                    unique_id(&mut ids, "performance scorecard"),
                    q("Performance scorecard")
                );
                for d in &due {
                    let _ = writeln!(o, "      - {d}");
                }
                o.push_str("    considered_at:\n");
                for d in &monitored {
                    let _ = writeln!(o, "      - {d}");
                }
            }
            o.push_str("future:\n");
            for _ in 0..3 {
                let s = r.pick(DOMAINS[d0].subjects);
                let by = if r.chance(0.5) {
                    self.people[*r.pick(&cllrs)].short()
                } else {
                    cap(r.word(DOMAINS[d0].partners))
                };
                let _ = writeln!(
                    o,
                    "  - topic: {}\n    note: {}\n    suggested_by: {}",
                    q(&title_case(s)),
                    q(&format!("Raised because of {}.", r.pick(DOMAINS[d0].issues))),
                    q(&by)
                );
            }
            // An active task group in the current year.
            let s = r.pick(DOMAINS[d0].subjects);
            let name = format!("{} Task and Finish Group", title_case(s));
            let id = unique_id(&mut ids, &format!("{name} active"));
            let mut members = cllrs.clone();
            r.shuffle(&mut members);
            members.truncate(3);
            let _ = writeln!(
                groups,
                "  - id: {id}\n    name: {}\n    scope: {}\n    members:",
                q(&name),
                q(&format!("To look at {s} and report to the Committee in the next municipal year."))
            );
            for &p in &members {
                let _ = writeln!(groups, "      - {}", self.people[p].slug);
            }
            let _ = writeln!(
                groups,
                "    status: active\n    progress:\n      - date: {}\n        note: {}",
                as_of.plus(-45),
                q("Group set up and scope agreed.")
            );
            o.push_str("task_groups:\n");
            o.push_str(&groups);
            self.wp_of[c] = Some(self.wps.len());
            self.wps.push(o);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Prose
// ---------------------------------------------------------------------------------------------

/// Fills sentence templates in the voice of council papers.
struct Text<'w> {
    r: Rng,
    w: &'w World,
    d: usize,
    s: String,
    y: i32,
    my: i32,
    the: &'static str,
    n: i64,
    site: String,
    prop: String,
    names: Vec<String>,
    /// Each bank's sentences in a shuffled order, so none repeats until all have been used.
    decks: Vec<(usize, Vec<u16>, usize)>,
}

impl<'w> Text<'w> {
    fn new(w: &'w World, seed: u64, d: usize, s: &str, date: Day, the: &'static str) -> Text<'w> {
        Text {
            r: Rng::new(seed),
            w,
            d,
            s: s.to_string(),
            y: date.year(),
            my: date.municipal_year(),
            the,
            n: 3,
            site: String::new(),
            prop: String::new(),
            names: Vec::new(),
            decks: Vec::new(),
        }
    }

    fn expand(&mut self, out: &mut String, tpl: &str) {
        let mut rest = tpl;
        while let Some(i) = rest.find('{') {
            out.push_str(&rest[..i]);
            let j = i + rest[i..].find('}').expect("closed slot");
            self.slot(out, &rest[i + 1..j]);
            rest = &rest[j + 1..];
        }
        out.push_str(rest);
    }

    fn slot(&mut self, out: &mut String, key: &str) {
        let dom = &DOMAINS[self.d];
        match key {
            "s" => out.push_str(&self.s),
            "S" => out.push_str(&cap(&self.s)),
            "c" => out.push_str(self.the),
            "C" => out.push_str(&cap(self.the)),
            "g" => out.push_str(self.r.word(dom.groups)),
            "pa" => out.push_str(self.r.word(dom.partners)),
            "i" => out.push_str(self.r.word(dom.issues)),
            "w" => out.push_str(self.r.pick(&self.w.wards).as_str()),
            "t" => out.push_str(TOWN),
            "y" => {
                let _ = write!(out, "{}", self.y);
            }
            "yp" => {
                let _ = write!(out, "{}", self.y - self.r.range(1, 4) as i32);
            }
            "ny" => {
                let _ = write!(out, "{}", self.y + 1);
            }
            "fy" => out.push_str(&fy(self.my)),
            "fyn" => out.push_str(&fy(self.my + 1)),
            "fyp" => out.push_str(&fy(self.my - 1)),
            "mo" => out.push_str(self.r.word(&MONTHS)),
            "n" => {
                self.n = self.r.range(2, 12);
                let _ = write!(out, "{}", NUMBER_WORDS[self.n as usize]);
            }
            "n2" => {
                let _ = write!(out, "{}", NUMBER_WORDS[(self.n + self.r.range(1, 7)) as usize]);
            }
            "N" => out.push_str(&thousands(self.r.range(120, 9500))),
            "p" => out.push_str(&percent(&mut self.r)),
            "m" => out.push_str(&money(&mut self.r)),
            "few" => {
                let _ = write!(out, "{}", self.r.range(3, 60));
            }
            "pl" => {
                let _ = write!(out, "{}.{} per cent", self.r.range(1, 5), self.r.range(0, 9));
            }
            "act" => {
                let acts: Vec<&str> = dom.acts.iter().filter(|a| a.1 <= self.y).map(|a| a.0).collect();
                out.push_str(if acts.is_empty() {
                    "the Local Government Act 1972"
                } else {
                    self.r.word(&acts)
                });
            }
            "q" => {
                let _ = write!(out, "{}", self.r.range(1, 4));
            }
            "fund" => out.push_str(self.r.word(FUNDS)),
            "post" => out.push_str(dom_director(self.d)),
            "pr" => out.push_str(dom.priority),
            "cl" => {
                if self.names.is_empty() {
                    out.push_str("a member");
                } else {
                    out.push_str(self.r.pick(&self.names).as_str());
                }
            }
            "site" => out.push_str(&self.site),
            "prop" => out.push_str(&self.prop),
            "lp" => {
                let _ = write!(
                    out,
                    "Policy {}{}",
                    self.r.pick(&["H", "D", "EN", "T", "CC", "EC"]),
                    self.r.range(1, 14)
                );
            }
            "aspect" => {
                let t = *self.r.pick(ASPECTS);
                self.expand(out, t);
            }
            "explain" => {
                let t = *self.r.pick(EXPLAIN);
                self.expand(out, t);
            }
            _ => out.push_str(key),
        }
    }

    /// The next sentence of a bank.
    fn deal(&mut self, bank: &[&str]) -> usize {
        let key = bank.as_ptr() as usize;
        let pos = match self.decks.iter().position(|d| d.0 == key) {
            Some(p) => p,
            None => {
                let mut v: Vec<u16> = (0..bank.len() as u16).collect();
                self.r.shuffle(&mut v);
                self.decks.push((key, v, 0));
                self.decks.len() - 1
            }
        };
        let d = &mut self.decks[pos];
        if d.2 >= d.1.len() {
            self.r.shuffle(&mut d.1);
            d.2 = 0;
        }
        d.2 += 1;
        d.1[d.2 - 1] as usize
    }

    /// `k` sentences from a bank, as one paragraph; returns the words written.
    fn para(&mut self, out: &mut String, bank: &[&str], lo: usize, hi: usize) -> usize {
        let start = out.len();
        let k = lo + self.r.below(hi - lo + 1);
        for i in 0..k {
            if i > 0 {
                out.push(' ');
            }
            let t = self.deal(bank);
            self.expand(out, bank[t]);
        }
        out.push_str("\n\n");
        word_count(&out[start..])
    }

    /// A paragraph that opens with a sentence from `lead`.
    fn para_lead(&mut self, out: &mut String, lead: &[&str], bank: &[&str], lo: usize, hi: usize) -> usize {
        let start = out.len();
        let t = self.deal(lead);
        self.expand(out, lead[t]);
        out.push(' ');
        self.para(out, bank, lo, hi);
        word_count(&out[start..])
    }

    fn table(&mut self, out: &mut String, kind: usize) -> usize {
        let start = out.len();
        let r = &mut self.r;
        let dom = &DOMAINS[self.d];
        match kind {
            0 => {
                let _ = writeln!(out, "Table: Budget and forecast outturn for {}, {}\n", self.s, fy(self.my));
                out.push_str(
                    "| Service area | Budget £000 | Forecast £000 | Variance £000 |\n|---|---:|---:|---:|\n",
                );
                let (mut tb, mut tf) = (0, 0);
                let n = 4 + r.below(5);
                let mut subs: Vec<&str> = dom.subjects.to_vec();
                r.shuffle(&mut subs);
                for s in subs.iter().take(n) {
                    let b = r.range(150, 12_000);
                    let f = b + r.range(-b / 10, b / 8);
                    tb += b;
                    tf += f;
                    let _ = writeln!(
                        out,
                        "| {} | {} | {} | {} |",
                        cap(s),
                        thousands(b),
                        thousands(f),
                        thousands(f - b)
                    );
                }
                let _ = writeln!(
                    out,
                    "| **Total** | **{}** | **{}** | **{}** |\n",
                    thousands(tb),
                    thousands(tf),
                    thousands(tf - tb)
                );
            }
            1 => {
                let _ = writeln!(
                    out,
                    "Table: Performance indicators for {}, {} and {}\n",
                    self.s,
                    fy(self.my - 1),
                    fy(self.my)
                );
                let _ = writeln!(
                    out,
                    "| Indicator | Target | {} | {} | Status |\n|---|---:|---:|---:|---|",
                    fy(self.my - 1),
                    fy(self.my)
                );
                let n = 4 + r.below(4);
                let mut ms: Vec<&str> = MEASURES.to_vec();
                r.shuffle(&mut ms);
                for m in ms.iter().take(n) {
                    let (t, a, b) = (r.range(60, 95), r.range(50, 99), r.range(50, 99));
                    let status = if b >= t {
                        "On target"
                    } else if b > a {
                        "Improving"
                    } else {
                        "Below target"
                    };
                    let _ = writeln!(out, "| {} | {t}% | {a}% | {b}% | {status} |", cap(m));
                }
                out.push('\n');
            }
            2 => {
                let _ = writeln!(out, "Table: Principal risks and how they will be managed\n");
                out.push_str("| Risk | Likelihood | Impact | Mitigation |\n|---|---|---|---|\n");
                let n = 3 + r.below(3);
                for _ in 0..n {
                    let _ = writeln!(
                        out,
                        "| {} | {} | {} | {} |",
                        cap(&format!("{} increases the cost of {}", r.pick(dom.issues), self.s)),
                        r.pick(&["Low", "Medium", "High"]),
                        r.pick(&["Low", "Medium", "High"]),
                        r.pick(MITIGATIONS)
                    );
                }
                out.push('\n');
            }
            3 => {
                let _ = writeln!(out, "Table: Responses to the consultation on {}\n", self.s);
                out.push_str(
                    "| Proposal | Agree | Disagree | Neither or no answer |\n|---|---:|---:|---:|\n",
                );
                let n = 3 + r.below(4);
                for k in 1..=n {
                    let a = r.range(25, 80);
                    let d = r.range(5, 100 - a);
                    let _ = writeln!(out, "| Proposal {k} | {a}% | {d}% | {}% |", 100 - a - d);
                }
                out.push('\n');
            }
            _ => {
                let _ = writeln!(out, "Table: Timetable for implementation\n");
                out.push_str("| Milestone | Target date |\n|---|---|\n");
                let mut d = Day::ymd(self.y, 1 + r.below(12) as u32, 1);
                for m in MILESTONES {
                    d = d.plus(r.range(20, 90) as i32);
                    let _ = writeln!(out, "| {m} | {} |", month_year(d));
                }
                out.push('\n');
            }
        }
        word_count(&out[start..])
    }
}

fn dom_director(d: usize) -> &'static str {
    POSTS.iter().find(|p| p.director && p.domains.contains(&d)).map_or("Chief Executive", |p| p.title)
}

/// The recommendations of a report, in the report's words and in the minutes' words.
fn recommendations(w: &World, rep: &Report, the: &str) -> Vec<(String, String)> {
    let mut r = Rng::new(mix(rep.seed, 5));
    let s = &rep.subject;
    let post = &rep.report_of;
    let y = rep.date.year();
    match rep.style {
        Style::Planning => {
            let site = rep.site.as_ref().unwrap();
            if site.grant {
                let mut v = vec![(
                    "grant planning permission subject to the conditions set out in the report".to_string(),
                    "That planning permission be granted subject to the conditions set out in the report".to_string(),
                )];
                if r.chance(0.4) {
                    v.push((
                        "delegate authority to the Head of Planning and Building Control to finalise the wording of the conditions".to_string(),
                        "That authority be delegated to the Head of Planning and Building Control to finalise the wording of the conditions".to_string(),
                    ));
                }
                v
            } else {
                vec![(
                    "refuse planning permission for the reasons set out in the report".to_string(),
                    "That planning permission be refused for the reasons set out in the report".to_string(),
                )]
            }
        }
        Style::Licensing => {
            if rep.site.as_ref().is_some_and(|s| s.grant) {
                vec![(
                    "grant the application subject to the conditions offered by the applicant and those agreed with the police".to_string(),
                    "That the application be granted subject to the conditions offered by the applicant and those agreed with the police".to_string(),
                )]
            } else {
                vec![(
                    "determine the application having regard to the licensing objectives".to_string(),
                    "That the application be refused, as granting it would undermine the licensing objectives".to_string(),
                )]
            }
        }
        Style::WorkProgramme => vec![
            ("agree the work programme set out in the report, subject to any changes the Committee wishes to make".to_string(),
             "That the work programme be agreed".to_string()),
            ("note the key decisions in the Forward Plan that fall within the Committee's remit".to_string(),
             "That the key decisions in the Forward Plan be noted".to_string()),
        ],
        Style::Scorecard => vec![(
            "note the performance set out in the scorecard and identify any areas for further scrutiny".to_string(),
            "That the performance scorecard be noted".to_string(),
        )],
        Style::TaskGroup => vec![
            (format!("endorse the findings of the task and finish group on {s}"), format!("That the findings of the task and finish group on {s} be endorsed")),
            ("refer the group's recommendations to the Cabinet for a response within two months".to_string(),
             "That the group's recommendations be referred to the Cabinet for a response within two months".to_string()),
            ("thank the witnesses who gave evidence to the group".to_string(), "That the witnesses who gave evidence to the group be thanked".to_string()),
        ],
        _ => {
            let ph = rep.portfolio_holder.map_or("the Chair".to_string(), |p| {
                let yi = w.yi(rep.date.municipal_year().clamp(w.first_year, w.last_year));
                let k = w.execs[yi].holders.iter().position(|&h| h == p);
                k.map_or("the Leader of the Council".to_string(), |k| format!("the Cabinet Member for {}", PORTFOLIOS[k]))
            });
            let month = MONTHS[r.below(12)];
            let money_s = money(&mut r);
            let fund = r.pick(FUNDS).to_string();
            let all = [
                (format!("approve the proposed changes to {s} set out in the report, with effect from 1 April {}", y + 1),
                 format!("That the proposed changes to {s} be approved with effect from 1 April {}", y + 1)),
                (format!("delegate authority to the {post}, in consultation with {ph}, to agree the detailed arrangements"),
                 format!("That authority be delegated to the {post}, in consultation with {ph}, to agree the detailed arrangements")),
                (format!("ask for a further report to {the} in {month} {}", y + 1),
                 format!("That a further report be made to {the} in {month} {}", y + 1)),
                (format!("approve expenditure of up to {money_s} from {fund}"),
                 format!("That expenditure of up to {money_s} from {fund} be approved")),
                ("endorse the action plan summarised in the report".to_string(), "That the action plan be endorsed".to_string()),
                ("note the results of the consultation".to_string(), "That the results of the consultation be noted".to_string()),
                (format!("agree that the arrangements for {s} be reviewed every year"),
                 format!("That the arrangements for {s} be reviewed every year")),
                (format!("thank the officers and partners involved for their work on {s}"),
                 format!("That the officers and partners involved be thanked for their work on {s}")),
            ];
            let mut v = vec![(
                format!("note the contents of the report and the progress made on {s}"),
                format!("That the report and the progress made on {s} be noted"),
            )];
            let mut idx: Vec<usize> = (0..all.len()).collect();
            r.shuffle(&mut idx);
            for &i in idx.iter().take(r.below(4)) {
                v.push(all[i].clone());
            }
            v
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Reports and appendices
// ---------------------------------------------------------------------------------------------

fn report_front(w: &World, rep: &Report) -> String {
    let mut o = String::from("---\n");
    let _ = writeln!(
        o,
        "title: {}\nreport_of: {}\nauthor: {}",
        q(&rep.title),
        q(&rep.report_of),
        w.people[rep.author].slug
    );
    if let Some(p) = rep.portfolio_holder {
        let _ = writeln!(o, "portfolio_holder: {}", w.people[p].slug);
    }
    let wards: Vec<String> = rep.wards.iter().map(|x| q(x)).collect();
    let _ = writeln!(o, "wards: [{}]", wards.join(", "));
    if let Some(p) = rep.key {
        let _ = writeln!(o, "key_decision: {}", q(&w.plans[p].reference));
    }
    if let Some(m) = rep.matter {
        let _ = writeln!(o, "matter: {}", w.matters[m].slug);
    }
    let _ = writeln!(o, "date: {}", rep.date);
    if let Some(p) = rep.published {
        let _ = writeln!(o, "published: {p}");
    }
    if let Some((para, pt, pi)) = &rep.exempt {
        let _ = writeln!(o, "exempt_paragraph: {para}\npublic_title: {}\npublic_interest: {}", q(pt), q(pi));
    }
    if !rep.appendices.is_empty() {
        o.push_str("appendices:\n");
        for a in &rep.appendices {
            let _ = writeln!(o, "  - title: {}\n    file: {}", q(&a.title), a.file);
            if let Some((p, pt)) = &a.exempt {
                let _ = writeln!(o, "    exempt_paragraph: {p}\n    public_title: {}", q(pt));
            }
        }
    }
    o.push_str("---\n\n");
    o
}

fn rec_list(o: &mut String, the: &str, recs: &[(String, String)]) {
    let _ = writeln!(o, "{} is recommended to:\n", cap(the));
    for (i, (rec, _)) in recs.iter().enumerate() {
        let end = if i + 1 == recs.len() { "." } else { ";" };
        let _ = writeln!(o, "{}. {rec}{end}", i + 1);
    }
    o.push('\n');
}

fn contact_line(w: &World, p: usize) -> String {
    let person = &w.people[p];
    format!("Contact: [{}](@{}), {}, telephone {}.\n", person.name(), person.slug, person.job, person.phone)
}

fn render_report(w: &World, m: &Meeting, rep: &Report) -> String {
    let com = &w.committees[m.c];
    let the = com.the();
    let mut t = Text::new(w, rep.seed, rep.domain, &rep.subject, m.date, the);
    let recs = recommendations(w, rep, the);
    let mut out = report_front(w, rep);
    let mut pre = String::new();
    let mut post = String::new();
    let (fill_heading, fill_bank, sub_headings): (&str, &[&str], &[&str]) = match rep.style {
        Style::Planning => {
            let site = rep.site.as_ref().unwrap();
            t.site = site.address.clone();
            t.prop = site.proposal.clone();
            let _ = writeln!(pre, "## Application summary\n\nTable: Application {}\n", site.reference);
            pre.push_str("| | |\n|---|---|\n");
            let _ = writeln!(pre, "| Application number | {} |", site.reference);
            let _ = writeln!(pre, "| Site | {} |", site.address);
            let _ = writeln!(pre, "| Ward | {} |", w.wards[site.ward]);
            let _ = writeln!(pre, "| Applicant | {} |", site.applicant);
            let _ = writeln!(pre, "| Proposal | {} |", cap(&site.proposal));
            let _ = writeln!(
                pre,
                "| Recommendation | {} |\n",
                if site.grant { "Grant, subject to conditions" } else { "Refuse" }
            );
            pre.push_str("## Recommendation\n\n");
            rec_list(&mut pre, the, &recs);
            pre.push_str("## Site and surroundings\n\n");
            t.para(&mut pre, PLANNING_SITE, 4, 6);
            pre.push_str("## The proposal\n\n");
            t.para(&mut pre, PLANNING_PROPOSAL, 3, 5);
            pre.push_str("## Relevant planning history\n\nTable: Planning history of the site\n\n| Reference | Proposal | Decision |\n|---|---|---|\n");
            for _ in 0..(1 + t.r.below(3)) {
                let _ = writeln!(
                    pre,
                    "| {:02}/{:05}/FUL | {} | {} |",
                    (t.y - t.r.range(2, 15) as i32) % 100,
                    t.r.range(100, 1800),
                    t.r.pick(&[
                        "Change of use",
                        "Single-storey extension",
                        "Erection of a boundary wall",
                        "Demolition of outbuildings",
                        "Advertisement consent"
                    ]),
                    t.r.pick(&["Approved", "Refused", "Withdrawn", "Approved with conditions"])
                );
            }
            pre.push_str("\n## Consultation responses\n\nTable: Responses from consultees\n\n| Consultee | Response |\n|---|---|\n");
            let mut cs = CONSULTEES.to_vec();
            t.r.shuffle(&mut cs);
            for c in cs.iter().take(4 + t.r.below(3)) {
                let _ = writeln!(pre, "| {c} | {} |", t.r.pick(CONSULTEE_RESPONSES));
            }
            pre.push_str("\n## Representations\n\n");
            t.para(&mut pre, PLANNING_REPS, 3, 5);
            pre.push_str("## Planning policy\n\n");
            t.para(&mut pre, PLANNING_POLICY, 3, 5);
            post.push_str("## Conclusion\n\n");
            t.para(&mut post, PLANNING_ASSESS, 2, 4);
            if site.grant {
                post.push_str("## Conditions\n\n");
                for (i, c) in PLANNING_CONDITIONS.iter().enumerate().take(5 + t.r.below(5)) {
                    let _ = writeln!(post, "{}. {c}", i + 1);
                }
            } else {
                post.push_str("## Reasons for refusal\n\n");
                let _ = writeln!(post, "1. {}", t.r.pick(REFUSALS));
                let _ = writeln!(post, "2. {}", t.r.pick(REFUSALS));
            }
            post.push('\n');
            ("## Assessment", PLANNING_ASSESS, PLANNING_HEADINGS)
        }
        Style::Licensing => {
            let site = rep.site.as_ref().unwrap();
            t.site = site.address.clone();
            t.prop = site.proposal.clone();
            let _ = writeln!(pre, "## Summary of the application\n\nTable: Application {}\n", site.reference);
            pre.push_str("| | |\n|---|---|\n");
            let _ = writeln!(pre, "| Premises | {} |", site.address);
            let _ = writeln!(pre, "| Ward | {} |", w.wards[site.ward]);
            let _ = writeln!(pre, "| Applicant | {} |", site.applicant);
            let _ = writeln!(pre, "| Application | {} |\n", cap(&site.proposal));
            pre.push_str("## Recommendation\n\n");
            rec_list(&mut pre, the, &recs);
            pre.push_str("## The premises and the application\n\n");
            t.para(&mut pre, LICENSING, 4, 6);
            pre.push_str("## Representations received\n\nTable: Representations\n\n| From | Licensing objective | Summary |\n|---|---|---|\n");
            for _ in 0..(2 + t.r.below(4)) {
                let _ = writeln!(
                    pre,
                    "| {} | {} | {} |",
                    t.r.pick(&[
                        "Brackenford Police",
                        "Environmental Health",
                        "A local resident",
                        "Two local residents",
                        "The licensing authority",
                        "Trading Standards"
                    ]),
                    t.r.pick(LICENSING_OBJECTIVES),
                    t.r.pick(&[
                        "Concern about noise late at night",
                        "Concern about crime and disorder",
                        "Conditions proposed and agreed",
                        "Objection to the hours sought",
                        "Concern about sales to under-18s"
                    ])
                );
            }
            pre.push('\n');
            post.push_str("## Options available to the Sub-Committee\n\n");
            for (i, o) in LICENSING_OPTIONS.iter().enumerate() {
                let _ = writeln!(post, "{}. {o}", i + 1);
            }
            post.push_str("\n## Legal implications\n\n");
            t.para(&mut post, LEGAL, 2, 3);
            ("## The licensing objectives", LICENSING, LICENSING_OBJECTIVES)
        }
        Style::WorkProgramme => {
            pre.push_str("## Purpose of the report\n\n");
            t.para(&mut pre, WORK_PROGRAMME, 3, 4);
            pre.push_str("## Recommendations\n\n");
            rec_list(&mut pre, the, &recs);
            let _ = writeln!(
                pre,
                "## The work programme for {}\n\nTable: Items planned for the rest of the year\n",
                fy(m.year)
            );
            pre.push_str("| Meeting | Item | Lead officer |\n|---|---|---|\n");
            for &nm in com
                .meetings
                .iter()
                .filter(|&&x| w.meetings[x].date > m.date && w.meetings[x].year == m.year)
                .take(5)
            {
                let s = *t.r.pick(DOMAINS[com.domains[0]].subjects);
                let _ = writeln!(
                    pre,
                    "| {} | {} | {} |",
                    w.meetings[nm].date.long(),
                    title_case(s),
                    dom_director(com.domains[0])
                );
            }
            pre.push('\n');
            post.push_str("## Access to information\n\n");
            ("## Background", WORK_PROGRAMME, BG_HEADINGS)
        }
        Style::Scorecard => {
            pre.push_str("## Report summary\n\n");
            t.para_lead(&mut pre, SUMMARY_LEAD, SCORECARD, 3, 4);
            pre.push_str("## Recommendations\n\n");
            rec_list(&mut pre, the, &recs);
            t.table(&mut pre, 1);
            ("## Performance by priority", SCORECARD, BG_HEADINGS)
        }
        Style::TaskGroup => {
            pre.push_str("## Foreword by the Chair of the Group\n\n");
            t.para(&mut pre, TASK_GROUP, 4, 6);
            pre.push_str("## Recommendations\n\n");
            rec_list(&mut pre, the, &recs);
            pre.push_str("## Scope of the review\n\n");
            t.para(&mut pre, TASK_GROUP, 3, 4);
            pre.push_str(
                "## How the group worked\n\nTable: Evidence sessions\n\n| Date | Witnesses |\n|---|---|\n",
            );
            let mut d = Day::ymd(m.date.year() - 1, 9, 15);
            for _ in 0..(3 + t.r.below(3)) {
                d = d.plus(t.r.range(14, 40) as i32);
                let _ = writeln!(pre, "| {} | {} |", d.long(), cap(t.r.word(DOMAINS[rep.domain].partners)));
            }
            pre.push('\n');
            post.push_str("## Conclusions\n\n");
            t.para(&mut post, TASK_GROUP, 3, 5);
            ("## Findings", BACKGROUND, BG_HEADINGS)
        }
        Style::General | Style::Budget => {
            pre.push_str("## Report summary\n\n");
            t.para_lead(&mut pre, SUMMARY_LEAD, SUMMARY, 2, 4);
            t.para(&mut pre, BACKGROUND, 3, 4);
            pre.push_str("## Recommendations\n\n");
            rec_list(&mut pre, the, &recs);
            pre.push_str("## Reasons for recommendations\n\n");
            t.para(&mut pre, REASONS, 2, 4);
            if rep.style == Style::Budget {
                t.table(&mut pre, 0);
            }
            post.push_str("## Options considered\n\n");
            for (k, o) in OPTIONS.iter().enumerate().take(2 + t.r.below(2)) {
                let _ = writeln!(post, "### Option {}: {o}\n", k + 1);
                t.para(&mut post, BACKGROUND, 2, 3);
            }
            post.push_str("## Consultation\n\n");
            t.para(&mut post, CONSULT, 2, 4);
            if t.r.chance(0.4) {
                t.table(&mut post, 3);
            }
            post.push_str("## Policy implications\n\n");
            t.para(&mut post, POLICY, 2, 3);
            post.push_str("## Financial implications\n\n");
            t.para(&mut post, FINANCE, 3, 5);
            if rep.style == Style::General && t.r.chance(0.5) {
                t.table(&mut post, 0);
            }
            post.push_str("## Legal implications\n\n");
            t.para(&mut post, LEGAL, 2, 4);
            post.push_str("## Risk management\n\n");
            t.para(&mut post, RISK, 2, 3);
            t.table(&mut post, 2);
            post.push_str("## Equality implications\n\n");
            t.para(&mut post, EQUALITY, 2, 3);
            if m.date.year() >= 2019 {
                post.push_str("## Climate and environmental implications\n\n");
            } else {
                post.push_str("## Environmental implications\n\n");
            }
            t.para(&mut post, CLIMATE, 2, 3);
            post.push_str("## Wards affected\n\n");
            let _ = writeln!(post, "{}.\n", list_and(&rep.wards));
            post.push_str("## Local ward members\n\n");
            if rep.wards.iter().any(|x| x == "All wards") {
                post.push_str("The report concerns the whole borough. All members receive the Council's weekly members' bulletin, which summarised the proposals.\n\n");
            } else {
                let _ = writeln!(
                    post,
                    "The ward members for {} have been briefed on the proposals.\n",
                    list_and(&rep.wards)
                );
            }
            post.push_str("## Access to information\n\n");
            ("## Background", BACKGROUND, BG_HEADINGS)
        }
    };
    if rep.style != Style::General && rep.style != Style::Budget && !post.contains("## Access to information")
    {
        post.push_str("## Access to information\n\n");
    }
    // Background papers and the contact, at the end.
    let _ = writeln!(post, "The background papers used in preparing this report are:\n");
    let prev = m.prev.filter(|_| t.r.chance(0.5));
    if let Some(p) = prev {
        let pm = &w.meetings[p];
        let _ =
            writeln!(post, "- the papers for the meeting of {the} on [{}](@{})", pm.date.long(), pm.id(w));
    }
    let _ = writeln!(post, "- {}", t.r.pick(BACKGROUND_PAPERS));
    let _ = writeln!(post, "- {}\n", t.r.pick(BACKGROUND_PAPERS));
    post.push_str(&contact_line(w, rep.author));
    let fixed = word_count(&pre) + word_count(&post);
    let target = rep.words.saturating_sub(fixed);
    let mut fill = String::with_capacity(target * 7);
    let _ = writeln!(fill, "{fill_heading}\n");
    let mut words = 0;
    let mut k = 0;
    let offset = t.r.below(sub_headings.len());
    while words < target || k < 2 {
        if k % 3 == 0 {
            let h = sub_headings[(offset + k / 3) % sub_headings.len()];
            let round = (offset + k / 3) / sub_headings.len();
            if round == 0 {
                let _ = writeln!(fill, "### {}\n", cap(h));
            } else {
                let _ = writeln!(fill, "### {} ({})\n", cap(h), round + 1);
            }
        }
        words += t.para(&mut fill, fill_bank, 3, 6);
        if k % 6 == 4 {
            let kind = t.r.below(5);
            words += t.table(&mut fill, kind);
        }
        if k % 7 == 5 {
            fill.push_str("The main points are:\n\n");
            for _ in 0..3 {
                fill.push_str("- ");
                let start = fill.len();
                let tpl = *t.r.pick(POINTS);
                t.expand(&mut fill, tpl);
                words += word_count(&fill[start..]);
                fill.push('\n');
            }
            fill.push('\n');
        }
        k += 1;
    }
    out.reserve(pre.len() + fill.len() + post.len());
    out.push_str(&pre);
    out.push_str(&fill);
    out.push_str(&post);
    out
}

fn render_appendix(w: &World, m: &Meeting, rep: &Report, k: usize) -> String {
    let a = &rep.appendices[k];
    let mut t = Text::new(
        w,
        mix(rep.seed, 100 + k as u64),
        rep.domain,
        &rep.subject,
        m.date,
        w.committees[m.c].the(),
    );
    let mut o = String::new();
    if rep.style == Style::Planning {
        o.push_str("## Schedule of conditions\n\n");
        for (i, c) in PLANNING_CONDITIONS.iter().enumerate() {
            let _ = writeln!(
                o,
                "{}. **{}** {}",
                i + 1,
                c.split('.').next().unwrap_or(c),
                t.r.pick(CONDITION_DETAIL)
            );
        }
        o.push('\n');
    }
    let _ = writeln!(o, "## {}\n", a.title.split(": ").nth(1).unwrap_or("Summary"));
    t.para(&mut o, BACKGROUND, 3, 5);
    let kind = t.r.below(5);
    t.table(&mut o, kind);
    for _ in 0..(2 + t.r.below(4)) {
        t.para(&mut o, BACKGROUND, 3, 5);
    }
    o.push_str("## Next steps\n\n");
    for _ in 0..(3 + t.r.below(3)) {
        o.push_str("- ");
        let tpl = *t.r.pick(POINTS);
        t.expand(&mut o, tpl);
        o.push('\n');
    }
    o
}

/// Text for a PDF: standard characters only.
fn pdf_escape(s: &str, out: &mut Vec<u8>) {
    for ch in s.chars() {
        match ch {
            '(' | ')' | '\\' => {
                out.push(b'\\');
                out.push(ch as u8);
            }
            '£' => out.extend_from_slice(b"\\243"),
            '–' | '—' => out.push(b'-'),
            '‘' | '’' => out.push(b'\''),
            c if c.is_ascii() && !c.is_ascii_control() => out.push(c as u8),
            _ => out.push(b'?'),
        }
    }
}

fn wrap(s: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A small PDF with a text layer: Helvetica, A4, one or more pages.
fn text_pdf(title: &str, paragraphs: &[String]) -> Vec<u8> {
    let mut lines: Vec<(bool, String)> = Vec::new();
    for p in paragraphs {
        for l in wrap(p, 92) {
            lines.push((false, l));
        }
        lines.push((false, String::new()));
    }
    let per_page = 52;
    let pages: Vec<&[(bool, String)]> = lines.chunks(per_page).collect();
    let n = pages.len();
    let mut objects: Vec<Vec<u8>> = Vec::new();
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 6 + 2 * i)).collect();
    objects.push(b"<< /Type /Catalog /Pages 2 0 R /Lang (en-GB) >>".to_vec());
    objects.push(format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")).into_bytes());
    objects
        .push(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec());
    objects.push(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>".to_vec(),
    );
    let mut info = b"<< /Title (".to_vec();
    pdf_escape(title, &mut info);
    info.extend_from_slice(format!(") /Author ({COUNCIL}) /Producer (gen-archive) >>").as_bytes());
    objects.push(info);
    for (i, page) in pages.iter().enumerate() {
        let mut s: Vec<u8> = Vec::new();
        if i == 0 {
            s.extend_from_slice(b"BT /F2 14 Tf 56 790 Td (");
            pdf_escape(title, &mut s);
            s.extend_from_slice(b") Tj ET\n");
        }
        s.extend_from_slice(b"BT /F1 10 Tf 14 TL 56 760 Td\n");
        for (_, l) in page.iter() {
            s.push(b'(');
            pdf_escape(l, &mut s);
            s.extend_from_slice(b") Tj T*\n");
        }
        s.extend_from_slice(b"ET\n");
        s.extend_from_slice(format!("BT /F1 8 Tf 56 30 Td (Page {} of {n}) Tj ET\n", i + 1).as_bytes());
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {} 0 R >>",
                7 + 2 * i
            )
            .into_bytes(),
        );
        let mut stream = format!("<< /Length {} >>\nstream\n", s.len()).into_bytes();
        stream.extend_from_slice(&s);
        stream.extend_from_slice(b"\nendstream");
        objects.push(stream);
    }
    let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R /Info 5 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn pdf_body(
    w: &World,
    seed: u64,
    d: usize,
    s: &str,
    date: Day,
    lines: usize,
    the: &'static str,
) -> Vec<String> {
    let mut t = Text::new(w, seed, d, s, date, the);
    let mut paras = vec![COUNCIL.to_string()];
    let mut n = 0;
    while n < lines {
        let mut p = String::new();
        t.para(&mut p, BACKGROUND, 3, 5);
        n += p.len() / 90 + 2;
        paras.push(p.trim().to_string());
    }
    paras
}

// ---------------------------------------------------------------------------------------------
// Meetings and minutes
// ---------------------------------------------------------------------------------------------

fn report_ref(w: &World, mi: usize, rr: RRef) -> String {
    match rr {
        RRef::Own(i) => w.meetings[mi].reports[i].slug.clone(),
        RRef::Other(om, i) => format!("{}/{}", w.meetings[om].id(w), w.meetings[om].reports[i].slug),
    }
}

fn render_meeting(w: &World, mi: usize) -> String {
    let m = &w.meetings[mi];
    let com = &w.committees[m.c];
    let mut o = String::new();
    if let Some(t) = &m.title {
        let _ = writeln!(o, "title: {}", q(t));
    }
    let _ = writeln!(o, "time: \"{}\"\nvenue:\n  name: {}\n  address:", com.time, q(&com.venue.0));
    for l in &com.venue.1 {
        let _ = writeln!(o, "    - {}", q(l));
    }
    if !m.held {
        o.push_str("status: cancelled\n");
        return o;
    }
    let _ = writeln!(o, "status: held\nagenda_published: {}\nagenda:", m.published);
    for (i, it) in m.items.iter().enumerate() {
        let _ = writeln!(o, "  - number: {}\n    title: {}", i + 1, q(&it.title));
        if let Some(pt) = &it.public_title {
            let _ = writeln!(o, "    public_title: {}", q(pt));
        }
        if let Some(p) = &it.purpose {
            let _ = writeln!(o, "    purpose: {}", q(p));
        }
        if let Some(para) = it.part2 {
            let _ = writeln!(o, "    part: 2\n    exempt_paragraph: {para}");
            if let Some(pi) = &it.public_interest {
                let _ = writeln!(o, "    public_interest: {}", q(pi));
            }
        }
        if !it.reports.is_empty() {
            o.push_str("    reports:\n");
            for &rr in &it.reports {
                let _ = writeln!(o, "      - {}", report_ref(w, mi, rr));
            }
        }
        if !it.documents.is_empty() {
            o.push_str("    documents:\n");
            for d in &it.documents {
                let _ = writeln!(o, "      - title: {}\n        file: {}", q(&d.title), d.file);
            }
        }
        if let Kind::Minutes(p) = it.kind {
            let _ = writeln!(o, "    minutes_of: {}", w.meetings[p].id(w));
        }
        if it.kind == Kind::Verbal {
            o.push_str("    verbal: true\n");
        }
        if it.procedural {
            o.push_str("    procedural: true\n");
        }
        if let Some(u) = &it.urgency {
            let _ = writeln!(o, "    supplementary: true\n    urgency: {}", q(u));
        }
        if let Some(mt) = it.matter {
            let _ = writeln!(o, "    matter: {}", w.matters[mt].slug);
        }
        if let Some(p) = it.presenter {
            let _ = writeln!(o, "    presenter: {}", w.people[p].slug);
        }
    }
    o
}

fn who(w: &World, p: usize, y: i32) -> String {
    let person = &w.people[p];
    match person.kind {
        PKind::Councillor => {
            let e = &w.execs[w.yi(y)];
            if e.leader == p {
                format!("Councillor {}, Leader of the Council,", person.last)
            } else if let Some(k) = e.holders.iter().position(|&h| h == p) {
                format!("Councillor {}, Cabinet Member for {},", person.last, PORTFOLIOS[k])
            } else {
                format!("Councillor {}", person.last)
            }
        }
        _ => format!("the {}", person.job),
    }
}

fn resolved(body: &mut String, res: &[String]) {
    if res.len() == 1 {
        let _ = writeln!(body, "RESOLVED – {}.\n", res[0]);
    } else {
        body.push_str("RESOLVED –\n\n");
        for (k, x) in res.iter().enumerate() {
            let _ = writeln!(body, "({}) {x}.\n", (b'a' + k as u8) as char);
        }
    }
}

fn render_minutes(w: &World, mi: usize) -> String {
    let m = &w.meetings[mi];
    let com = &w.committees[m.c];
    let ym = &com.membership[w.yi(m.year)];
    let mut r = Rng::new(mix(m.seed, 7));
    let the = com.the();
    let annual = m.title.is_some();
    let members = &ym.members;
    let n = members.len();
    let max_apol = if com.special == Special::Council { 8 } else { (n / 3).min(3) };
    let n_apol = if max_apol == 0 { 0 } else { r.below(max_apol + 1) };
    let mut order: Vec<usize> = (0..n).collect();
    r.shuffle(&mut order);
    let mut apologies: Vec<usize> = Vec::new();
    for &i in &order {
        if apologies.len() >= n_apol || apologies.len() + 2 > n {
            break;
        }
        let (p, role) = members[i];
        if matches!(role, Role::Chair | Role::Vice) && (annual || !r.chance(0.15)) {
            continue;
        }
        apologies.push(p);
    }
    apologies.sort_unstable();
    let present: Vec<(usize, Role)> =
        members.iter().copied().filter(|(p, _)| !apologies.contains(p)).collect();
    let mut subs: Vec<(usize, usize)> = Vec::new();
    let mut free_subs = ym.subs.iter().copied();
    for &a in &apologies {
        if w.people[a].kind == PKind::Councillor && r.chance(0.5) {
            if let Some(s) = free_subs.next() {
                subs.push((s, a));
            }
        }
    }
    let chairing = present
        .iter()
        .find(|x| x.1 == Role::Chair)
        .or_else(|| present.iter().find(|x| x.1 == Role::Vice))
        .map_or(present[0].0, |x| x.0);
    let vice_present = present.iter().find(|x| x.1 == Role::Vice && x.0 != chairing).map(|x| x.0);
    let councillors_present: Vec<usize> = present
        .iter()
        .map(|x| x.0)
        .chain(subs.iter().map(|s| s.0))
        .filter(|&p| w.people[p].kind == PKind::Councillor)
        .collect();
    let names: Vec<String> =
        councillors_present.iter().filter(|&&p| p != chairing).map(|&p| w.people[p].short()).collect();
    let names = if names.is_empty() { vec![w.people[chairing].short()] } else { names };
    let y = m.year;
    let e = &w.execs[w.yi(y)];
    // Others attending.
    let mut also: Vec<usize> = Vec::new();
    let cllrs = &w.council_by_year[w.yi(y)];
    let is_member = |p: usize| members.iter().any(|x| x.0 == p) || subs.iter().any(|s| s.0 == p);
    match com.special {
        Special::Scrutiny => {
            for d in com.domains.iter().take(2) {
                let ph = match DOMAINS[*d].portfolio {
                    Some(k) => e.holders[k],
                    None => e.leader,
                };
                if !also.contains(&ph) && !is_member(ph) {
                    also.push(ph);
                }
            }
        }
        Special::Council => {}
        _ => {
            for _ in 0..r.below(3) {
                let p = *r.pick(cllrs);
                if !also.contains(&p) && !is_member(p) {
                    also.push(p);
                }
            }
        }
    }
    let mut officers: Vec<usize> = Vec::new();
    let mut add_officer = |p: usize| {
        if !officers.contains(&p) {
            officers.push(p);
        }
    };
    if matches!(com.special, Special::Council | Special::Cabinet) {
        add_officer(w.holder(w.post_named("Chief Executive"), y));
        add_officer(w.holder(w.post_named("Director of Finance (Section 151 Officer)"), y));
        add_officer(w.holder(w.post_named("Director of Legal and Governance (Monitoring Officer)"), y));
    }
    if matches!(
        com.special,
        Special::Planning | Special::Licensing | Special::LicensingSub | Special::Regulatory
    ) {
        add_officer(w.holder(w.post_named("Principal Solicitor"), y));
    }
    for it in &m.items {
        for &rr in &it.reports {
            let (rm, ri) = w.report_of_ref(mi, rr);
            add_officer(w.meetings[rm].reports[ri].author);
        }
        if let Some(p) = it.presenter {
            if w.people[p].kind == PKind::Officer {
                add_officer(p);
            }
        }
    }
    add_officer(w.holder(com.dso, y));

    // Timing.
    let start = parse_time(com.time);
    let durations: Vec<i32> = m
        .items
        .iter()
        .map(|it| match it.kind {
            Kind::Apologies | Kind::Declarations | Kind::Minutes(_) | Kind::Exclusion | Kind::Election => {
                r.range(1, 5) as i32
            }
            Kind::Planning | Kind::Motion => r.range(15, 40) as i32,
            Kind::Narrative | Kind::Verbal => r.range(5, 20) as i32,
            _ => r.range(8, 30) as i32,
        })
        .collect();
    let total: i32 = durations.iter().sum();
    let avail = (23 * 60 + 30 - start).max(60);
    let scale = if total > avail { avail as f64 / total as f64 } else { 1.0 };
    let mut at = Vec::new();
    let mut clock = start as f64;
    for d in &durations {
        at.push(clock as i32);
        clock += *d as f64 * scale;
    }
    let closed = (clock as i32).max(start + 15);

    let substantive: Vec<usize> = (0..m.items.len())
        .filter(|&i| {
            matches!(m.items[i].kind, Kind::Report | Kind::Planning | Kind::Licensing | Kind::Motion)
                && m.items[i].part2.is_none()
        })
        .collect();
    // Declarations.
    let mut declarations: Vec<(usize, usize, String, String)> = Vec::new();
    let p_decl = if com.special == Special::Council { 0.4 } else { 0.2 };
    if !substantive.is_empty() && !councillors_present.is_empty() && r.chance(p_decl) {
        let p = *r.pick(&councillors_present);
        let i = *r.pick(&substantive);
        let nature = r.pick(DECLARATIONS).to_string();
        let action = r.pick(DECLARATION_ACTIONS).to_string();
        declarations.push((p, i + 1, nature, action));
    }
    let decision_maker = matches!(com.kind, "cabinet" | "full-council" | "regulatory");
    let mut votes = String::new();
    let mut notes = String::new();
    let mut decisions = String::new();
    let mut summaries = String::new();
    let mut body = String::new();
    let mut t = Text::new(w, mix(m.seed, 8), com.domains[0], "", m.date, the);
    for (i, it) in m.items.iter().enumerate() {
        let num = m.first_minute + i as u32;
        let _ = writeln!(body, "## {num}. {} {{item={}}}\n", it.title, i + 1);
        t.d = if it.subject.is_empty() { com.domains[0] } else { it.domain };
        t.s = if it.subject.is_empty() { DOMAINS[t.d].subjects[0].to_string() } else { it.subject.clone() };
        let mut res: Vec<String> = Vec::new();
        match it.kind {
            Kind::Apologies => {
                if apologies.is_empty() {
                    body.push_str("There were no apologies for absence.\n\n");
                } else {
                    let names: Vec<String> = apologies.iter().map(|&p| w.people[p].short()).collect();
                    let _ =
                        writeln!(body, "Apologies for absence were received from {}.\n", list_and(&names));
                    for (s, a) in &subs {
                        let _ = writeln!(
                            body,
                            "{} attended as a substitute for {}.\n",
                            w.people[*s].short(),
                            w.people[*a].short()
                        );
                    }
                }
            }
            Kind::Declarations => {
                if declarations.is_empty() {
                    body.push_str("There were no declarations of interest.\n\n");
                } else {
                    for (p, item, nature, action) in &declarations {
                        let _ = writeln!(
                            body,
                            "{} declared an interest in item {item}, {} ({}), and {}.\n",
                            w.people[*p].short(),
                            m.items[item - 1].title,
                            nature.to_lowercase(),
                            action
                        );
                    }
                }
            }
            Kind::Minutes(p) => {
                res.push(format!(
                    "That the minutes of the meeting held on {} be approved as a correct record and signed by the Chair",
                    w.meetings[p].date.long()
                ));
            }
            Kind::Election => {
                let (mayor, deputy) = w.mayors[w.yi(y)];
                let who_p = if i == 0 { mayor } else { deputy };
                let office = if i == 0 { "Mayor of the Borough" } else { "Deputy Mayor" };
                let a = r.pick(&names).clone();
                let b = r.pick(&names).clone();
                let _ = writeln!(
                    body,
                    "{} was nominated by {a} and seconded by {b}. There being no other nominations, it was\n",
                    w.people[who_p].short()
                );
                res.push(format!(
                    "That {} be elected {office} for the municipal year {}",
                    w.people[who_p].short(),
                    fy(y)
                ));
            }
            Kind::Narrative => {
                if r.chance(0.35) && it.title.contains("questions") {
                    body.push_str("No questions had been received.\n\n");
                } else {
                    t.names = names.clone();
                    t.para(&mut body, NARRATIVE, 2, 5);
                }
            }
            Kind::Verbal => {
                let by = it.presenter.map_or_else(
                    || format!("Sergeant {} of the neighbourhood policing team", r.pick(SURNAMES)),
                    |p| who(w, p, y),
                );
                let _ = write!(body, "{} gave a verbal update on {}. ", cap(&by), t.s);
                t.names = names.clone();
                t.para(&mut body, VERBAL_DISCUSS, 2, 4);
                res.push("That the update be noted".to_string());
            }
            Kind::Exclusion => {
                let paras: Vec<String> = {
                    let mut v: Vec<u8> = m.items.iter().filter_map(|x| x.part2).collect();
                    v.sort_unstable();
                    v.dedup();
                    v.iter().map(|p| p.to_string()).collect()
                };
                res.push(format!(
                    "That under section 100A(4) of the Local Government Act 1972 the press and public be excluded from the \
                     meeting for the following business on the grounds that it involves the likely disclosure of exempt \
                     information as defined in {} {} of Part 1 of Schedule 12A to the Act, and that in all the circumstances \
                     the public interest in maintaining the exemption outweighs the public interest in disclosing the information",
                    if paras.len() > 1 { "paragraphs" } else { "paragraph" },
                    list_and(&paras)
                ));
            }
            Kind::Motion => {
                let a = r.pick(&councillors_present).to_owned();
                let b = *councillors_present.iter().find(|&&p| p != a).unwrap_or(&a);
                let _ = writeln!(
                    body,
                    "{} moved and {} seconded the following motion:\n\n> This Council notes the concern of residents about {}. \
                     It asks the Cabinet to review the Council's approach and to report back to the Council within six months.\n",
                    w.people[a].short(),
                    w.people[b].short(),
                    t.s
                );
                t.names = names.clone();
                t.para(&mut body, MOTION_DEBATE, 2, 4);
                let mut voters = councillors_present.clone();
                r.shuffle(&mut voters);
                let n_for = voters.len() * (40 + r.below(35)) / 100;
                let n_abs = r.below(3).min(voters.len() - n_for);
                let (f, rest) = voters.split_at(n_for);
                let (ab, ag) = rest.split_at(n_abs);
                let carried = f.len() > ag.len();
                let _ = writeln!(
                    votes,
                    "  - minute: {num}\n    motion: {}\n    recorded:",
                    q(&format!("The motion moved by {}", w.people[a].short()))
                );
                for (label, set) in [("for", f), ("against", ag), ("abstained", ab)] {
                    if set.is_empty() {
                        continue;
                    }
                    let mut s: Vec<&str> = set.iter().map(|&p| w.people[p].slug.as_str()).collect();
                    s.sort_unstable();
                    let _ = writeln!(votes, "      {label}: [{}]", s.join(", "));
                }
                let _ = writeln!(votes, "    result: {}", if carried { "carried" } else { "lost" });
                if carried {
                    body.push_str("A recorded vote was requested. The motion was carried, and it was\n\n");
                    res.push(format!(
                        "That the Council notes the concern of residents about {} and asks the Cabinet to review the Council's \
                         approach and report back within six months",
                        t.s
                    ));
                } else {
                    body.push_str(
                        "A recorded vote was requested. On being put to the vote, the motion was lost.\n\n",
                    );
                }
            }
            Kind::Report
            | Kind::Planning
            | Kind::Licensing
            | Kind::WorkProgramme
            | Kind::Scorecard
            | Kind::TaskGroup => {
                let (rm, ri) = w.report_of_ref(mi, it.reports[0]);
                let rep = &w.meetings[rm].reports[ri];
                let exempt = it.part2.is_some() || rep.exempt.is_some();
                let by = it.presenter.map_or_else(|| format!("the {}", rep.report_of), |p| who(w, p, y));
                if exempt {
                    let _ = writeln!(
                        body,
                        "{} considered the exempt report of the {}.\n",
                        cap(the),
                        rep.report_of
                    );
                } else {
                    let _ = write!(
                        body,
                        "{} introduced the [report of the {}](@{}/{}).",
                        cap(&by),
                        rep.report_of,
                        w.meetings[rm].id(w),
                        rep.slug
                    );
                    if let Some(site) = &rep.site {
                        let addr = if site.address.starts_with("Former") || site.address.starts_with("Land") {
                            format!("the {}{}", site.address[..1].to_lowercase(), &site.address[1..])
                        } else {
                            site.address.clone()
                        };
                        let _ = writeln!(
                            body,
                            " The application, for {}, related to {addr}. {}\n",
                            site.proposal,
                            if it.kind == Kind::Planning {
                                format!(
                                    "{} objectors and the applicant's agent addressed the Committee.",
                                    cap(NUMBER_WORDS[1 + r.below(4)])
                                )
                            } else {
                                "The Sub-Committee heard from the applicant and from those who had made representations."
                                    .to_string()
                            }
                        );
                    } else {
                        body.push('\n');
                        body.push('\n');
                    }
                }
                t.names = names.clone();
                let (discuss, why): (&[&str], &[&str]) = match it.kind {
                    Kind::Planning => (PLANNING_DISCUSS, PLANNING_REASONS),
                    Kind::Licensing => (LICENSING_DISCUSS, LICENSING_REASONS),
                    _ => (MINUTES_DISCUSS, REASONS),
                };
                for _ in 0..(1 + r.below(3)) {
                    t.para(&mut body, discuss, 2, 5);
                }
                if com.special == Special::Cabinet && !exempt && r.chance(0.6) {
                    body.push_str("*Reason for the decision:* ");
                    t.para(&mut body, REASONS, 1, 1);
                    body.push_str("*Alternative options considered:* ");
                    t.para(&mut body, ALTERNATIVES, 1, 1);
                }
                if exempt && it.kind == Kind::Licensing {
                    res.push(
                        r.pick(&[
                            "That no further action be taken, and that the driver be reminded of the Council's policy",
                            "That the driver's licence be suspended for three months",
                            "That the driver's licence be revoked with immediate effect in the interests of public safety",
                        ])
                        .to_string(),
                    );
                } else {
                    for (_, mf) in recommendations(w, rep, the) {
                        res.push(mf);
                    }
                }
                if rm != mi {
                    // A report first published for a scrutiny meeting, now decided on.
                } else if !w.meetings[mi].requests.is_empty() && w.meetings[mi].requests.contains(&ri) {
                    res.push(
                        "That the Committee's comments be reported to the Cabinet when it takes the decision"
                            .to_string(),
                    );
                }
                if it.kind == Kind::Planning && r.chance(0.6) {
                    let voters = present.len() + subs.len();
                    let against = r.below(voters / 3 + 1);
                    let abstained = r.below(2).min(voters - against);
                    let _ = writeln!(
                        votes,
                        "  - minute: {num}\n    resolution: a\n    for: {}\n    against: {against}\n    abstained: {abstained}\n    result: carried",
                        voters - against - abstained
                    );
                }
                if decision_maker {
                    let key = rep.key.is_some() && com.special == Special::Cabinet;
                    if key || r.chance(if com.special == Special::Cabinet { 0.3 } else { 0.08 }) {
                        let mut reasons = String::new();
                        t.para(&mut reasons, why, 2, 3);
                        let mut alts = String::new();
                        if std::ptr::eq(why, REASONS) {
                            t.para(&mut alts, ALTERNATIVES, 1, 2);
                        } else {
                            alts.push_str("The other options available to the Committee were considered and rejected for the reasons given in the report.");
                        }
                        let _ = writeln!(
                            decisions,
                            "  - minute: {num}\n    reasons: {}\n    alternatives: {}",
                            q(reasons.trim()),
                            q(alts.trim())
                        );
                        if key {
                            match r.below(60) {
                                0 => decisions.push_str("    call_in: called-in\n"),
                                1 => decisions.push_str("    call_in: urgent\n"),
                                _ => {}
                            }
                        }
                    }
                }
                if it.part2.is_some() && r.chance(0.6) {
                    let _ = writeln!(
                        summaries,
                        "  - minute: {num}\n    summary: {}",
                        q(&format!(
                            "{} considered the matter in private and agreed the recommendations in the exempt report. The \
                             outcome will be published when it is no longer commercially or personally sensitive.",
                            cap(the)
                        ))
                    );
                }
            }
        }
        if !res.is_empty() {
            resolved(&mut body, &res);
        }
    }
    // Someone leaves the meeting.
    if !substantive.is_empty() && names.len() > 2 && r.chance(0.12) {
        let i = *r.pick(&substantive);
        let p = *councillors_present.iter().find(|&&p| p != chairing).unwrap();
        let _ = writeln!(
            notes,
            "  - time: \"{}\"\n    minute: {}\n    person: {}\n    text: {}",
            fmt_time(at[i] + 2),
            m.first_minute + i as u32,
            w.people[p].slug,
            q("left the meeting.")
        );
    }
    // The front matter.
    let mut o = String::from("---\n");
    match m.next {
        Some(nx) => {
            let _ = writeln!(o, "status: approved\napproved_at: {}", w.meetings[nx].id(w));
        }
        None => o.push_str("status: draft\n"),
    }
    let _ = writeln!(o, "started: \"{}\"\nclosed: \"{}\"\npresent:", com.time, fmt_time(closed));
    let mut present = present.clone();
    present.sort_by_key(|&(p, _)| (p != chairing, Some(p) != vice_present));
    for &(p, _) in &present {
        let _ = writeln!(o, "  - person: {}", w.people[p].slug);
        if p == chairing {
            o.push_str("    role: chair\n");
        } else if Some(p) == vice_present {
            o.push_str("    role: vice-chair\n");
        }
    }
    for (s, a) in &subs {
        let _ = writeln!(o, "  - person: {}\n    substitute_for: {}", w.people[*s].slug, w.people[*a].slug);
    }
    let slugs = |v: &[usize]| v.iter().map(|&p| w.people[p].slug.clone()).collect::<Vec<_>>().join(", ");
    if !apologies.is_empty() {
        let _ = writeln!(o, "apologies: [{}]", slugs(&apologies));
    }
    if !also.is_empty() {
        let _ = writeln!(o, "also_present: [{}]", slugs(&also));
    }
    let _ = writeln!(o, "officers: [{}]", slugs(&officers));
    if !declarations.is_empty() {
        o.push_str("declarations:\n");
        for (p, item, nature, action) in &declarations {
            let _ = writeln!(
                o,
                "  - person: {}\n    item: {item}\n    nature: {}\n    action: {}",
                w.people[*p].slug,
                q(nature),
                q(&cap(action))
            );
        }
    }
    if !votes.is_empty() {
        o.push_str("votes:\n");
        o.push_str(&votes);
    }
    if !notes.is_empty() {
        o.push_str("notes:\n");
        o.push_str(&notes);
    }
    if decision_maker {
        let _ = writeln!(o, "decisions_published: {}", w.cal.add_working(m.date, 2));
    }
    if !decisions.is_empty() {
        o.push_str("decisions:\n");
        o.push_str(&decisions);
    }
    let mut published = w.cal.add_working(m.date, 3 + r.below(5) as u32);
    if let Some(nx) = m.next {
        published = published.min(w.meetings[nx].published).max(m.date);
    }
    let _ = writeln!(o, "published: {published}");
    if !summaries.is_empty() {
        o.push_str("exempt_summaries:\n");
        o.push_str(&summaries);
    }
    o.push_str("---\n\n");
    o.push_str(&body);
    o
}

// ---------------------------------------------------------------------------------------------
// The other files
// ---------------------------------------------------------------------------------------------

fn render_person(p: &Person, parties: &[(&str, f64)], wards: &[String]) -> String {
    let mut o = String::new();
    let email = format!("{}@{MAIL}", p.slug.replace('-', "."));
    match p.kind {
        PKind::Councillor => {
            let _ = writeln!(
                o,
                "kind: councillor\nname: {}\nparty: {}\nward: {}",
                q(&p.name()),
                q(parties[p.party].0),
                q(&wards[p.ward])
            );
        }
        PKind::Officer => {
            let _ = writeln!(
                o,
                "kind: officer\nname: {}\njob_title: {}\ndepartment: {}",
                q(&p.name()),
                q(&p.job),
                q(&p.dept)
            );
        }
        PKind::Coopted => {
            let _ = writeln!(o, "kind: co-optee\nname: {}", q(&p.name()));
        }
    }
    if !p.roles.is_empty() {
        o.push_str("roles:\n");
        for r in &p.roles {
            let _ = writeln!(o, "  - {}", q(r));
        }
    }
    let email = if p.kind == PKind::Councillor { format!("cllr.{email}") } else { email };
    if p.to >= LAST_YEAR {
        let _ = writeln!(o, "email: {email}\nphone: {}", q(&p.phone));
    }
    o
}

fn render_committee(w: &World, c: usize) -> String {
    let com = &w.committees[c];
    let mut o = String::new();
    let _ = writeln!(o, "name: {}\nkind: {}\nremit: |", q(&com.name), com.kind);
    let remit = match com.special {
        Special::Council => REMIT_COUNCIL.to_string(),
        Special::Cabinet => REMIT_CABINET.to_string(),
        Special::Scrutiny => format!(
            "The Committee scrutinises the policies, performance and decisions of the Cabinet and the Council on {}.\n\n\
             It may review any decision of the Cabinet in its area before or after it is taken, call in decisions that \
             have not yet been implemented, and make recommendations to the Cabinet, the Council and partner bodies.",
            list_and(&com.domains.iter().map(|&d| DOMAINS[d].area.to_string()).collect::<Vec<_>>())
        ),
        Special::Planning => REMIT_PLANNING.to_string(),
        Special::Licensing | Special::LicensingSub => REMIT_LICENSING.to_string(),
        Special::Area => format!(
            "The {} brings together the councillors for {} wards with residents, the police and local groups.\n\n\
             It allocates the community grants budget for the area, is consulted on highways and environmental schemes, \
             and raises local concerns with the Cabinet.",
            com.name,
            list_and(&com.wards.iter().map(|&i| w.wards[i].clone()).collect::<Vec<_>>())
        ),
        _ => format!(
            "The {} oversees the Council's arrangements for {}.\n\nIt receives regular reports on performance and risk, \
             approves policies within its remit, and may make recommendations to the Cabinet and the Council.",
            com.name,
            list_and(&com.domains.iter().map(|&d| DOMAINS[d].area.to_string()).collect::<Vec<_>>())
        ),
    };
    for line in remit.lines() {
        if line.is_empty() {
            o.push('\n');
        } else {
            let _ = writeln!(o, "  {line}");
        }
    }
    let _ = writeln!(o, "contact: {}", w.people[w.holder(com.dso, w.last_year)].slug);
    if com.special == Special::Cabinet {
        let _ = writeln!(o, "portfolio_holder: {}", w.people[w.execs[w.yi(w.last_year)].leader].slug);
    }
    o.push_str("membership:\n");
    for (yi, ym) in com.membership.iter().enumerate() {
        let _ = writeln!(o, "  - year: \"{}\"\n    members:", fy(w.first_year + yi as i32));
        for &(p, role) in &ym.members {
            let _ = writeln!(o, "      - person: {}", w.people[p].slug);
            match role {
                Role::Chair => o.push_str("        role: chair\n"),
                Role::Vice => o.push_str("        role: vice-chair\n"),
                Role::Coopt => o.push_str("        role: co-optee\n"),
                Role::Member => {}
            }
        }
        for &p in &ym.subs {
            let _ = writeln!(o, "      - person: {}\n        role: substitute", w.people[p].slug);
        }
    }
    o
}

fn render_plan(w: &World, p: &Plan) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "reference: {}\ntitle: {}\ndecision: {}\ndecision_maker: {}\nexpected: {}\nfirst_published: {}",
        q(&p.reference),
        q(&p.title),
        q(&p.decision),
        p.maker,
        p.expected,
        p.first_published
    );
    if let Some(c) = &p.consultation {
        let _ = writeln!(o, "consultation: {}", q(c));
    }
    if let Some(s) = p.scrutiny {
        let _ = writeln!(o, "scrutiny: {}", w.committees[s].slug);
    }
    let _ = writeln!(o, "contact: {}\ndocuments:", w.people[p.contact].slug);
    for d in &p.documents {
        let _ = writeln!(o, "  - {}", q(d));
    }
    let wards: Vec<String> = p.wards.iter().map(|x| q(x)).collect();
    let _ = writeln!(o, "wards: [{}]", wards.join(", "));
    if let Some((para, reason)) = &p.private {
        let _ = writeln!(o, "private:\n  paragraph: {para}\n  reason: {}", q(reason));
    }
    let _ = writeln!(o, "status: {}", p.status.yaml());
    if let Some(t) = &p.taken {
        let _ = writeln!(o, "taken: {t}");
    }
    if let Some(d) = p.deferred_to {
        let _ = writeln!(o, "deferred_to: {d}");
    }
    o.push_str("history:\n");
    for (d, s, note) in &p.history {
        let _ = writeln!(o, "  - date: {d}\n    status: {}\n    note: {}", s.yaml(), q(note));
    }
    if let Some(m) = p.matter {
        let _ = writeln!(o, "matter: {}", w.matters[m].slug);
    }
    o
}

fn render_decision(w: &World, d: &Decision) -> String {
    let mut t = Text::new(w, d.seed, d.domain, &d.subject, d.taken, "the Cabinet");
    let mut decision = String::new();
    let _ = write!(
        decision,
        "To approve the {}, as set out in the report of the {}. ",
        d.title.to_lowercase(),
        dom_director(d.domain)
    );
    t.para(&mut decision, DECISION_DETAIL, 2, 3);
    let mut reasons = String::new();
    t.para(&mut reasons, REASONS, 2, 4);
    let mut alts = String::new();
    t.para(&mut alts, ALTERNATIVES, 1, 2);
    let mut o = String::new();
    let _ = writeln!(
        o,
        "title: {}\ndecision: {}\nreasons: {}\nalternatives: {}\ndecision_maker: {}\ntaken: {}\npublished: {}",
        q(&d.title),
        q(decision.trim()),
        q(reasons.trim()),
        q(alts.trim()),
        w.people[d.maker].slug,
        d.taken,
        d.published
    );
    if let Some(p) = d.key {
        let _ = writeln!(o, "key_decision: {}", q(&w.plans[p].reference));
    }
    let _ = writeln!(
        o,
        "declarations: {}",
        q(&format!("{} declared no interests.", cap(&who(w, d.maker, d.taken.municipal_year()))))
    );
    if let Some(c) = d.call_in {
        let _ = writeln!(o, "call_in: {c}");
    }
    let wards: Vec<String> = d.wards.iter().map(|x| q(x)).collect();
    let _ = writeln!(o, "wards: [{}]", wards.join(", "));
    if let Some(m) = d.matter {
        let _ = writeln!(o, "matter: {}", w.matters[m].slug);
    }
    if let Some(p) = d.exempt {
        let _ = writeln!(
            o,
            "exempt_paragraph: {p}\npublic_title: {}\npublic_interest: {}",
            q(d.public_title.as_deref().unwrap_or("Exempt decision")),
            q(PUBLIC_INTEREST[(p - 1) as usize])
        );
    }
    o
}

fn render_site() -> String {
    format!(
        "name: {COUNCIL}\nshort_name: {TOWN}\nbase_url: https://democracy.{MAIL}/\naddress:\n  - Civic Centre\n  - Market Street\n  \
         - {TOWN}\n  - BK1 1CC\ndemocratic_services:\n  name: Democratic Services\n  email: democratic.services@{MAIL}\n  \
         phone: \"01632 960 000\"\nlicence: >-\n  Committee papers published on this site are © {COUNCIL} and are available under the\n  \
         [Open Government Licence v3.0](https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/),\n  \
         except where otherwise stated.\nmunicipal_year_start_month: 5\nlanguage: en-GB\nbank_holidays: england-and-wales\n\
         # Some committees meet every two or three months, so draft minutes can wait up to twelve weeks.\n\
         draft_minutes_weeks: 12\n"
    )
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

static PDFS: AtomicU64 = AtomicU64::new(1);

#[derive(Default)]
struct Stats {
    files: AtomicU64,
    bytes: AtomicU64,
    items: AtomicU64,
    reports: AtomicU64,
    exempt_reports: AtomicU64,
    report_words: AtomicU64,
    md_appendices: AtomicU64,
    pdfs: AtomicU64,
    minutes: AtomicU64,
}

struct Out {
    root: PathBuf,
    stats: Stats,
}

impl Out {
    fn put(&self, rel: &str, data: &[u8]) {
        let path = self.root.join(rel);
        // Most folders exist already: create one only when the write says it is missing.
        if let Err(e) = fs::write(&path, data) {
            if e.kind() != std::io::ErrorKind::NotFound {
                panic!("cannot write {}: {e}", path.display());
            }
            let dir = path.parent().expect("a file in a folder");
            fs::create_dir_all(dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
            fs::write(&path, data).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        }
        self.stats.files.fetch_add(1, Ordering::Relaxed);
        self.stats.bytes.fetch_add(data.len() as u64, Ordering::Relaxed);
    }
}

fn write_meeting(w: &World, out: &Out, mi: usize) {
    let m = &w.meetings[mi];
    let base = format!("committees/{}/{}", w.committees[m.c].slug, m.date);
    out.put(&format!("{base}/meeting.yaml"), render_meeting(w, mi).as_bytes());
    if !m.held {
        return;
    }
    out.stats.items.fetch_add(m.items.len() as u64, Ordering::Relaxed);
    for rep in &m.reports {
        let text = render_report(w, m, rep);
        out.stats
            .report_words
            .fetch_add(word_count(text.split("\n---\n").nth(1).unwrap_or("")) as u64, Ordering::Relaxed);
        out.put(&format!("{base}/reports/{}.md", rep.slug), text.as_bytes());
        out.stats.reports.fetch_add(1, Ordering::Relaxed);
        if rep.exempt.is_some() {
            out.stats.exempt_reports.fetch_add(1, Ordering::Relaxed);
        }
        for (k, a) in rep.appendices.iter().enumerate() {
            if a.pdf {
                let paras = pdf_body(
                    w,
                    mix(rep.seed, 200 + k as u64),
                    rep.domain,
                    &rep.subject,
                    m.date,
                    30 + (rep.seed % 50) as usize,
                    w.committees[m.c].the(),
                );
                out.put(&format!("{base}/reports/{}", a.file), &text_pdf(&a.title, &paras));
                out.stats.pdfs.fetch_add(1, Ordering::Relaxed);
            } else {
                out.put(&format!("{base}/reports/{}", a.file), render_appendix(w, m, rep, k).as_bytes());
                out.stats.md_appendices.fetch_add(1, Ordering::Relaxed);
            }
        }
    }
    for (i, it) in m.items.iter().enumerate() {
        for d in &it.documents {
            let paras = pdf_body(
                w,
                mix(m.seed, 300 + i as u64),
                it.domain,
                &it.subject,
                m.date,
                20,
                w.committees[m.c].the(),
            );
            out.put(&format!("{base}/{}", d.file), &text_pdf(&d.title, &paras));
            out.stats.pdfs.fetch_add(1, Ordering::Relaxed);
        }
    }
    out.put(&format!("{base}/minutes.md"), render_minutes(w, mi).as_bytes());
    out.stats.minutes.fetch_add(1, Ordering::Relaxed);
}

fn write_all(w: &World, out: &Out) {
    out.put("site.yaml", render_site().as_bytes());
    if !w.cal.extra.is_empty() {
        let mut o = String::from(
            "# Bank holidays in England and Wales in years Agendum does not have built in (it has 2009 to 2030).\n",
        );
        for (d, name) in &w.cal.extra {
            let _ = writeln!(o, "{d} {name}");
        }
        out.put("bank-holidays.txt", o.as_bytes());
    }
    w.people.par_iter().for_each(|p| {
        out.put(&format!("people/{}.yaml", p.slug), render_person(p, PARTIES, &w.wards).as_bytes());
    });
    (0..w.committees.len()).into_par_iter().for_each(|c| {
        let com = &w.committees[c];
        out.put(&format!("committees/{}/committee.yaml", com.slug), render_committee(w, c).as_bytes());
        if let Some(wp) = w.wp_of[c] {
            out.put(&format!("committees/{}/work-programme.yaml", com.slug), w.wps[wp].as_bytes());
        }
    });
    w.plans.par_iter().for_each(|p| {
        out.put(&format!("forward-plan/{}.yaml", slugify(&p.reference, 80)), render_plan(w, p).as_bytes());
    });
    w.decisions.par_iter().for_each(|d| {
        out.put(&format!("decisions/{}.yaml", d.slug), render_decision(w, d).as_bytes());
    });
    for m in &w.matters {
        out.put(
            &format!("matters/{}.yaml", m.slug),
            format!("title: {}\nsummary: {}\n", q(&m.title), q(&m.summary)).as_bytes(),
        );
    }
    (0..w.meetings.len()).into_par_iter().for_each(|mi| write_meeting(w, out, mi));
}

struct Args {
    committees: usize,
    years: usize,
    out: PathBuf,
    seed: u64,
    pdfs: bool,
}

const USAGE: &str = "usage: gen-archive --out DIR [--committees N (40)] [--years N (20)] [--seed N (1)] [--scale F (1.0)] [--no-pdfs]";

fn parse_args() -> Args {
    let mut committees = 40;
    let mut years = 20;
    let mut out = None;
    let mut seed = 1;
    let mut scale = 1.0f64;
    let mut pdfs = true;
    let mut it = std::env::args().skip(1);
    let fail = |msg: &str| -> ! {
        eprintln!("gen-archive: {msg}\n{USAGE}");
        std::process::exit(2)
    };
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().unwrap_or_else(|| fail(&format!("{name} needs a value")));
        match a.as_str() {
            "--committees" => {
                committees = value("--committees").parse().unwrap_or_else(|_| fail("bad --committees"))
            }
            "--years" => years = value("--years").parse().unwrap_or_else(|_| fail("bad --years")),
            "--out" => out = Some(PathBuf::from(value("--out"))),
            "--seed" => seed = value("--seed").parse().unwrap_or_else(|_| fail("bad --seed")),
            "--scale" => scale = value("--scale").parse().unwrap_or_else(|_| fail("bad --scale")),
            "--no-pdfs" => pdfs = false,
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            other => fail(&format!("unknown argument `{other}`")),
        }
    }
    let out = out.unwrap_or_else(|| fail("--out is required"));
    if committees < 3 {
        fail("--committees must be at least 3 (the Council, the Cabinet and a scrutiny committee)");
    }
    if scale.is_nan() || scale <= 0.0 {
        fail("--scale must be more than 0");
    }
    let years = ((years as f64 * scale).round() as usize).max(1);
    Args { committees, years, out, seed, pdfs }
}

fn main() {
    let args = parse_args();
    PDFS.store(args.pdfs as u64, Ordering::Relaxed);
    let t0 = Instant::now();
    let world = World::build(&args);
    let planned = t0.elapsed();
    let content = args.out.join("content");
    if content.exists() {
        fs::remove_dir_all(&content).unwrap_or_else(|e| panic!("cannot remove {}: {e}", content.display()));
    }
    let out = Out { root: content.clone(), stats: Stats::default() };
    write_all(&world, &out);
    let took = t0.elapsed();
    let s = &out.stats;
    let get = |a: &AtomicU64| a.load(Ordering::Relaxed);
    let held = world.meetings.iter().filter(|m| m.held).count();
    let count = |k: PKind| world.people.iter().filter(|p| p.kind == k).count();
    println!(
        "gen-archive: {} committees, municipal years {} to {} ({} years), seed {}",
        world.committees.len(),
        fy(world.first_year),
        fy(world.last_year),
        world.last_year - world.first_year + 1,
        args.seed
    );
    println!(
        "  people: {} ({} councillors, {} officers, {} co-optees)",
        world.people.len(),
        count(PKind::Councillor),
        count(PKind::Officer),
        count(PKind::Coopted)
    );
    println!(
        "  meetings: {} ({held} held with minutes, {} cancelled)",
        world.meetings.len(),
        world.meetings.len() - held
    );
    println!("  agenda items: {}", get(&s.items));
    println!(
        "  reports: {} ({} exempt), {} words in all, {} on average",
        get(&s.reports),
        get(&s.exempt_reports),
        thousands(get(&s.report_words) as i64),
        get(&s.report_words) / get(&s.reports).max(1)
    );
    println!(
        "  appendices: {} Markdown, {} PDF files (appendices and item documents)",
        get(&s.md_appendices),
        get(&s.pdfs)
    );
    println!(
        "  forward plan entries: {}, decision files: {}, matters: {}, work programmes: {}",
        world.plans.len(),
        world.decisions.len(),
        world.matters.len(),
        world.wps.len()
    );
    println!("  files: {} ({:.1} MB) in {}", get(&s.files), get(&s.bytes) as f64 / 1e6, content.display());
    println!("  took {:.2?} ({:.2?} planning, {:.2?} writing)", took, planned, took - planned);
    println!("build it with: agendum build --root {} --as-of {}", args.out.display(), world.as_of);
}

// ---------------------------------------------------------------------------------------------
// Word lists, committees, posts and subjects (all fictional)
// ---------------------------------------------------------------------------------------------

const FIN: usize = 0;
const CHI: usize = 1;
const ADU: usize = 2;
const ENV: usize = 3;
const HOU: usize = 4;
const ECO: usize = 5;
const SAF: usize = 6;
const GOV: usize = 7;
const HR: usize = 8;
const PLA: usize = 9;
const LIC: usize = 10;
const PEN: usize = 11;

const PORTFOLIOS: &[&str] = &[
    "Finance and Resources",
    "Children and Young People",
    "Adult Social Care and Health",
    "Environment and Transport",
    "Housing and Planning",
    "Economy and Regeneration",
    "Communities and Safety",
];

const PARTIES: &[(&str, f64)] = &[
    ("Labour", 3.0),
    ("Conservative", 3.0),
    ("Liberal Democrats", 1.6),
    ("Green Party", 0.7),
    ("Independent", 0.5),
];

struct PostDef {
    title: &'static str,
    department: &'static str,
    domains: &'static [usize],
    director: bool,
    count: usize,
}

const fn post(
    title: &'static str,
    department: &'static str,
    domains: &'static [usize],
    director: bool,
    count: usize,
) -> PostDef {
    PostDef { title, department, domains, director, count }
}

const POSTS: &[PostDef] = &[
    post("Chief Executive", "Chief Executive's Office", &[], false, 1),
    post("Director of Finance (Section 151 Officer)", "Finance", &[FIN, PEN], true, 1),
    post("Director of Legal and Governance (Monitoring Officer)", "Legal and Governance", &[GOV], true, 1),
    post("Director of Children's Services", "Children's Services", &[CHI], true, 1),
    post("Director of Adult Social Care and Health", "Adult Social Care and Health", &[ADU], true, 1),
    post("Director of Place", "Place", &[ENV, ECO, PLA, LIC], true, 1),
    post("Director of Housing and Communities", "Housing and Communities", &[HOU, SAF], true, 1),
    post("Director of Resources", "Resources", &[HR], true, 1),
    post("Chief Accountant", "Finance", &[FIN], false, 1),
    post("Head of Revenues and Benefits", "Finance", &[FIN], false, 1),
    post("Head of Internal Audit", "Finance", &[GOV, FIN], false, 1),
    post("Head of Pensions", "Finance", &[PEN], false, 1),
    post("Head of Education and Inclusion", "Children's Services", &[CHI], false, 1),
    post("Head of Children's Social Care", "Children's Services", &[CHI], false, 1),
    post("Head of Adult Social Care", "Adult Social Care and Health", &[ADU], false, 1),
    post("Director of Public Health", "Adult Social Care and Health", &[ADU], false, 1),
    post("Head of Environmental Services", "Place", &[ENV], false, 1),
    post("Head of Highways and Transport", "Place", &[ENV], false, 1),
    post("Climate Change Manager", "Place", &[ENV], false, 1),
    post("Head of Regeneration and Economy", "Place", &[ECO], false, 1),
    post("Head of Planning and Building Control", "Place", &[PLA], false, 1),
    post("Principal Planning Officer", "Place", &[PLA], false, 3),
    post("Head of Licensing and Regulatory Services", "Place", &[LIC], false, 1),
    post("Senior Licensing Officer", "Place", &[LIC], false, 1),
    post("Head of Housing", "Housing and Communities", &[HOU], false, 1),
    post("Head of Communities and Partnerships", "Housing and Communities", &[SAF], false, 1),
    post("Head of Human Resources", "Resources", &[HR], false, 1),
    post("Head of Democratic Services", "Legal and Governance", &[GOV], false, 1),
    post("Principal Solicitor", "Legal and Governance", &[GOV], false, 1),
    post("Democratic Services Officer", "Legal and Governance", &[], false, 5),
    post("Scrutiny and Policy Officer", "Legal and Governance", &[], false, 1),
];

struct CommitteeDef {
    slug: &'static str,
    name: &'static str,
    kind: &'static str,
    special: Special,
    domains: &'static [usize],
    size: usize,
    per_year: usize,
    subs: usize,
    coopt: &'static [&'static str],
    time: &'static str,
}

#[allow(clippy::too_many_arguments)]
const fn com(
    slug: &'static str,
    name: &'static str,
    kind: &'static str,
    special: Special,
    domains: &'static [usize],
    size: usize,
    per_year: usize,
    subs: usize,
    coopt: &'static [&'static str],
    time: &'static str,
) -> CommitteeDef {
    CommitteeDef { slug, name, kind, special, domains, size, per_year, subs, coopt, time }
}

const AREA_COMMITTEE: CommitteeDef =
    com("", "", "other", Special::Area, &[ENV, HOU, SAF], 0, 10, 0, &[], "18:30");
const NEIGHBOURHOOD_FORUM: CommitteeDef =
    com("", "", "other", Special::Area, &[ENV, SAF], 0, 10, 0, &[], "19:00");

const COMMITTEES: &[CommitteeDef] = &[
    com("council", "Council", "full-council", Special::Council, &[GOV, FIN], 0, 7, 0, &[], "18:30"),
    com("cabinet", "Cabinet", "cabinet", Special::Cabinet, &[FIN, GOV], 0, 11, 0, &[], "17:30"),
    com(
        "overview-and-scrutiny-management-board",
        "Overview and Scrutiny Management Board",
        "scrutiny",
        Special::Scrutiny,
        &[FIN, GOV, HR],
        11,
        10,
        2,
        &[],
        "18:00",
    ),
    com(
        "children-and-young-people-scrutiny",
        "Children and Young People Scrutiny Committee",
        "scrutiny",
        Special::Scrutiny,
        &[CHI],
        9,
        10,
        2,
        &[
            "Church of England diocesan representative",
            "Roman Catholic diocesan representative",
            "Parent governor representative",
        ],
        "18:00",
    ),
    com(
        "adult-social-care-and-health-scrutiny",
        "Adult Social Care and Health Scrutiny Committee",
        "scrutiny",
        Special::Scrutiny,
        &[ADU],
        9,
        10,
        2,
        &[],
        "14:00",
    ),
    com("planning", "Planning Committee", "regulatory", Special::Planning, &[PLA], 13, 12, 3, &[], "18:00"),
    com(
        "licensing",
        "Licensing Committee",
        "regulatory",
        Special::Licensing,
        &[LIC],
        15,
        10,
        0,
        &[],
        "18:00",
    ),
    com(
        "audit-and-governance",
        "Audit and Governance Committee",
        "regulatory",
        Special::Regulatory,
        &[GOV, FIN],
        8,
        8,
        0,
        &["Independent member"],
        "18:30",
    ),
    com(
        "communities-and-environment-scrutiny",
        "Communities and Environment Scrutiny Committee",
        "scrutiny",
        Special::Scrutiny,
        &[ENV, SAF],
        9,
        10,
        2,
        &[],
        "18:00",
    ),
    com(
        "housing-scrutiny",
        "Housing Scrutiny Committee",
        "scrutiny",
        Special::Scrutiny,
        &[HOU],
        9,
        10,
        2,
        &[],
        "18:00",
    ),
    com(
        "licensing-sub-committee",
        "Licensing Sub-Committee",
        "regulatory",
        Special::LicensingSub,
        &[LIC],
        3,
        12,
        0,
        &[],
        "10:00",
    ),
    com(
        "economy-and-regeneration-scrutiny",
        "Economy and Regeneration Scrutiny Committee",
        "scrutiny",
        Special::Scrutiny,
        &[ECO, PLA],
        9,
        10,
        2,
        &[],
        "18:00",
    ),
    com(
        "standards",
        "Standards Committee",
        "regulatory",
        Special::Regulatory,
        &[GOV],
        7,
        8,
        0,
        &["Independent person", "Independent person"],
        "14:00",
    ),
    com(
        "health-and-wellbeing-board",
        "Health and Wellbeing Board",
        "other",
        Special::Other,
        &[ADU, CHI],
        5,
        10,
        0,
        &[
            "Integrated care board representative",
            "Healthwatch representative",
            "Voluntary sector representative",
        ],
        "14:00",
    ),
    com(
        "corporate-parenting-board",
        "Corporate Parenting Board",
        "other",
        Special::Other,
        &[CHI],
        8,
        10,
        0,
        &[],
        "16:00",
    ),
    com(
        "pension-fund",
        "Pension Fund Committee",
        "other",
        Special::Other,
        &[PEN],
        8,
        9,
        0,
        &["Employer representative", "Scheme member representative"],
        "10:00",
    ),
    com(
        "planning-sub-committee-north",
        "Planning Sub-Committee (North)",
        "regulatory",
        Special::Planning,
        &[PLA],
        9,
        12,
        2,
        &[],
        "18:00",
    ),
    com(
        "planning-sub-committee-south",
        "Planning Sub-Committee (South)",
        "regulatory",
        Special::Planning,
        &[PLA],
        9,
        12,
        2,
        &[],
        "18:00",
    ),
    com(
        "resources-scrutiny",
        "Resources Scrutiny Committee",
        "scrutiny",
        Special::Scrutiny,
        &[FIN, HR],
        9,
        10,
        2,
        &[],
        "18:00",
    ),
    com(
        "employment",
        "Employment Committee",
        "regulatory",
        Special::Regulatory,
        &[HR],
        7,
        10,
        0,
        &[],
        "17:00",
    ),
    com(
        "rights-of-way",
        "Rights of Way Committee",
        "regulatory",
        Special::Regulatory,
        &[ENV],
        9,
        10,
        0,
        &[],
        "14:00",
    ),
    com(
        "community-safety-partnership-board",
        "Community Safety Partnership Board",
        "other",
        Special::Other,
        &[SAF],
        6,
        10,
        0,
        &["Police representative", "Fire and rescue service representative"],
        "10:00",
    ),
    com(
        "joint-waste-committee",
        "Joint Waste Committee",
        "other",
        Special::Other,
        &[ENV],
        6,
        10,
        0,
        &[],
        "10:00",
    ),
    com(
        "climate-change-board",
        "Climate Change Board",
        "other",
        Special::Other,
        &[ENV],
        8,
        10,
        0,
        &[],
        "18:00",
    ),
    com(
        "shareholder-committee",
        "Shareholder Committee",
        "other",
        Special::Other,
        &[FIN, ECO],
        6,
        10,
        0,
        &[],
        "17:00",
    ),
    com(
        "constitution-working-group",
        "Constitution Working Group",
        "other",
        Special::Other,
        &[GOV],
        7,
        10,
        0,
        &[],
        "17:30",
    ),
    com(
        "local-plan-working-group",
        "Local Plan Working Group",
        "other",
        Special::Other,
        &[PLA],
        9,
        10,
        0,
        &[],
        "18:00",
    ),
    com(
        "crime-and-disorder-scrutiny-panel",
        "Crime and Disorder Scrutiny Panel",
        "scrutiny",
        Special::Scrutiny,
        &[SAF],
        9,
        10,
        1,
        &[],
        "18:00",
    ),
    com(
        "budget-scrutiny-panel",
        "Budget Scrutiny Panel",
        "scrutiny",
        Special::Scrutiny,
        &[FIN],
        9,
        10,
        1,
        &[],
        "18:00",
    ),
    com(
        "member-development-steering-group",
        "Member Development Steering Group",
        "other",
        Special::Other,
        &[GOV, HR],
        7,
        10,
        0,
        &[],
        "17:00",
    ),
    com(
        "flood-risk-management-committee",
        "Flood Risk Management Committee",
        "other",
        Special::Other,
        &[ENV],
        8,
        10,
        0,
        &[],
        "14:00",
    ),
    com(
        "education-standards-board",
        "Education Standards Board",
        "other",
        Special::Other,
        &[CHI],
        8,
        10,
        0,
        &["Headteacher representative"],
        "16:30",
    ),
    com(
        "transport-advisory-panel",
        "Transport Advisory Panel",
        "other",
        Special::Other,
        &[ENV, ECO],
        8,
        10,
        0,
        &[],
        "18:00",
    ),
    com(
        "tenants-and-leaseholders-panel",
        "Tenants' and Leaseholders' Panel",
        "other",
        Special::Other,
        &[HOU],
        8,
        10,
        0,
        &["Tenant representative", "Leaseholder representative"],
        "18:00",
    ),
];

struct DomainInfo {
    area: &'static str,
    subjects: &'static [&'static str],
    groups: &'static [&'static str],
    partners: &'static [&'static str],
    issues: &'static [&'static str],
    acts: &'static [(&'static str, i32)],
    priority: &'static str,
    portfolio: Option<usize>,
}

const DOMAINS: [DomainInfo; 12] = [
    DomainInfo {
        area: "finance and corporate resources",
        subjects: &[
            "the medium term financial strategy",
            "treasury management",
            "the capital programme",
            "council tax support",
            "fees and charges",
            "income collection",
            "business rates relief",
            "the procurement strategy",
            "the asset management plan",
            "the digital strategy",
            "customer services",
            "the corporate risk register",
            "reserves and balances",
        ],
        groups: &["council taxpayers", "local businesses", "residents on low incomes", "service users"],
        partners: &[
            "the Council's external auditor",
            "the other councils in the county",
            "the Local Government Association",
            "the Council's treasury advisers",
        ],
        issues: &[
            "inflation in pay and contract costs",
            "reductions in government grant",
            "uncertainty about future funding",
            "higher interest rates",
            "rising demand for statutory services",
        ],
        acts: &[
            ("the Local Government Finance Act 1992", 1992),
            ("the Local Government Act 2003", 2003),
            ("the Localism Act 2011", 2011),
        ],
        priority: "A well-run council",
        portfolio: Some(0),
    },
    DomainInfo {
        area: "children's services, schools and young people",
        subjects: &[
            "school place planning",
            "home-to-school transport",
            "children's social care",
            "special educational needs provision",
            "the youth service",
            "early help",
            "the fostering service",
            "the adoption service",
            "support for children in care",
            "school attendance",
            "childcare sufficiency",
            "educational standards",
            "support for care leavers",
            "the children's centres network",
        ],
        groups: &[
            "families",
            "children and young people",
            "foster carers",
            "parents and carers",
            "schools",
            "care leavers",
        ],
        partners: &[
            "local schools",
            "the Brackenford Safeguarding Children Partnership",
            "the Parent Carer Forum",
            "the Youth Council",
            "the health visiting service",
        ],
        issues: &[
            "the rising number of children with complex needs",
            "difficulty recruiting experienced social workers",
            "the cost of external placements",
            "longer journeys to specialist schools",
            "falling rolls in some primary schools",
        ],
        acts: &[
            ("the Children Act 1989", 1989),
            ("the Education Act 1996", 1996),
            ("the Children Act 2004", 2004),
            ("the Children and Families Act 2014", 2014),
        ],
        priority: "Giving children the best start in life",
        portfolio: Some(1),
    },
    DomainInfo {
        area: "adult social care and public health",
        subjects: &[
            "adult social care charging",
            "the quality of care homes",
            "support for carers",
            "the Better Care Fund",
            "hospital discharge arrangements",
            "extra care housing",
            "the public health grant",
            "drug and alcohol services",
            "healthy weight",
            "the safeguarding adults board",
            "dementia support",
            "mental health services",
            "home care commissioning",
        ],
        groups: &[
            "older people",
            "carers",
            "adults with learning disabilities",
            "people leaving hospital",
            "care providers",
        ],
        partners: &[
            "the local NHS trust",
            "the integrated care board",
            "Healthwatch Brackenford",
            "care providers in the borough",
            "the voluntary and community sector",
        ],
        issues: &[
            "an ageing population",
            "shortages of care workers",
            "the rising cost of residential care",
            "pressure on hospital beds over the winter",
            "the increase in the national living wage",
        ],
        acts: &[
            ("the National Health Service Act 2006", 2006),
            ("the Health and Social Care Act 2012", 2012),
            ("the Care Act 2014", 2014),
        ],
        priority: "Supporting people to live independently",
        portfolio: Some(2),
    },
    DomainInfo {
        area: "the environment, highways and transport",
        subjects: &[
            "waste and recycling collections",
            "food waste collections",
            "street cleansing",
            "grounds maintenance",
            "parks and open spaces",
            "air quality",
            "the climate emergency action plan",
            "flood risk management",
            "highways maintenance",
            "car parking",
            "the local transport plan",
            "bus services",
            "street lighting",
            "cycling and walking routes",
            "cemeteries and the crematorium",
        ],
        groups: &["residents", "households", "bus users", "local businesses", "cyclists and pedestrians"],
        partners: &[
            "the Environment Agency",
            "the county's bus operators",
            "the Joint Waste Partnership",
            "town and parish councils",
            "the Canal and River Trust",
        ],
        issues: &[
            "the rising cost of fuel and materials",
            "more frequent heavy rainfall",
            "changes in national waste policy",
            "the condition of the road network",
            "falling bus patronage",
        ],
        acts: &[
            ("the Highways Act 1980", 1980),
            ("the Environmental Protection Act 1990", 1990),
            ("the Traffic Management Act 2004", 2004),
            ("the Flood and Water Management Act 2010", 2010),
            ("the Environment Act 2021", 2021),
        ],
        priority: "A clean, green and safe borough",
        portfolio: Some(3),
    },
    DomainInfo {
        area: "housing",
        subjects: &[
            "the housing strategy",
            "homelessness and rough sleeping",
            "temporary accommodation",
            "the housing allocations policy",
            "council housing repairs",
            "the housing revenue account business plan",
            "private rented sector enforcement",
            "disabled facilities grants",
            "empty homes",
            "tenant involvement",
            "affordable housing delivery",
            "damp and mould in council homes",
        ],
        groups: &[
            "tenants",
            "leaseholders",
            "households on the housing register",
            "homeless households",
            "private landlords",
        ],
        partners: &[
            "registered housing providers",
            "the Tenants' Federation",
            "local letting agents",
            "the Probation Service",
            "homelessness charities",
        ],
        issues: &[
            "the shortage of affordable homes",
            "rising private rents",
            "the cost of temporary accommodation",
            "the age of the council's housing stock",
            "changes to welfare benefits",
        ],
        acts: &[
            ("the Housing Act 1985", 1985),
            ("the Housing Act 1996", 1996),
            ("the Housing Act 2004", 2004),
            ("the Homelessness Reduction Act 2017", 2017),
        ],
        priority: "Good homes for everyone",
        portfolio: Some(4),
    },
    DomainInfo {
        area: "the economy, regeneration and culture",
        subjects: &[
            "town centre regeneration",
            "the economic development strategy",
            "skills and employment",
            "the markets service",
            "the visitor economy",
            "business support",
            "the Station Quarter masterplan",
            "digital infrastructure",
            "the culture and heritage strategy",
            "leisure centres",
            "the Riverside enterprise zone",
        ],
        groups: &[
            "local businesses",
            "market traders",
            "jobseekers",
            "young people leaving school",
            "visitors",
        ],
        partners: &[
            "the Chamber of Commerce",
            "Brackenford College",
            "the local enterprise partnership",
            "the Business Improvement District",
            "Historic England",
        ],
        issues: &[
            "the decline of town centre retail",
            "vacant shop units",
            "skills shortages in construction",
            "the rising cost of borrowing",
            "competition from out-of-town retail",
        ],
        acts: &[("the Local Government Act 2000", 2000), ("the Localism Act 2011", 2011)],
        priority: "A thriving local economy",
        portfolio: Some(5),
    },
    DomainInfo {
        area: "community safety",
        subjects: &[
            "the community safety plan",
            "antisocial behaviour",
            "domestic abuse services",
            "CCTV",
            "public spaces protection orders",
            "the Prevent duty",
            "serious violence",
            "hate crime",
            "road safety",
        ],
        groups: &["victims of crime", "young people at risk", "residents", "survivors of domestic abuse"],
        partners: &[
            "Brackenford Police",
            "the fire and rescue service",
            "the Probation Service",
            "the Police and Crime Commissioner",
            "local schools",
        ],
        issues: &[
            "the rise in reported antisocial behaviour",
            "pressure on refuge places",
            "the cost of maintaining the CCTV network",
            "exploitation of young people",
        ],
        acts: &[
            ("the Crime and Disorder Act 1998", 1998),
            ("the Anti-social Behaviour, Crime and Policing Act 2014", 2014),
            ("the Domestic Abuse Act 2021", 2021),
        ],
        priority: "Safe and strong communities",
        portfolio: Some(6),
    },
    DomainInfo {
        area: "governance, audit and standards",
        subjects: &[
            "internal audit",
            "the external audit plan",
            "the annual governance statement",
            "the statement of accounts",
            "counter-fraud arrangements",
            "risk management",
            "information governance",
            "code of conduct complaints",
            "members' allowances",
            "the Constitution",
            "the whistleblowing policy",
            "the use of surveillance powers",
        ],
        groups: &["members", "officers", "residents", "the Council's partners"],
        partners: &[
            "the Council's external auditor",
            "the Independent Remuneration Panel",
            "the Information Commissioner's Office",
            "neighbouring councils",
        ],
        issues: &[
            "the delay in the national audit timetable",
            "the increasing number of information requests",
            "changes in the accounting code",
            "cyber security threats",
        ],
        acts: &[
            ("the Local Government Act 1972", 1972),
            ("the Accounts and Audit Regulations 2015", 2015),
            ("the Localism Act 2011", 2011),
            ("the Data Protection Act 2018", 2018),
        ],
        priority: "A well-run council",
        portfolio: None,
    },
    DomainInfo {
        area: "the workforce and employment",
        subjects: &[
            "the workforce strategy",
            "the pay policy statement",
            "sickness absence",
            "health and safety",
            "equality in employment",
            "apprenticeships",
            "the gender pay gap",
        ],
        groups: &["employees", "managers", "trade union representatives", "apprentices"],
        partners: &[
            "the recognised trade unions",
            "Brackenford College",
            "the regional employers' organisation",
        ],
        issues: &[
            "difficulty recruiting to specialist posts",
            "the national pay award",
            "an ageing workforce",
            "rising sickness absence",
        ],
        acts: &[
            ("the Health and Safety at Work etc. Act 1974", 1974),
            ("the Localism Act 2011", 2011),
            ("the Equality Act 2010", 2010),
        ],
        priority: "A well-run council",
        portfolio: Some(0),
    },
    DomainInfo {
        area: "planning policy",
        subjects: &[
            "the Local Plan review",
            "the statement of community involvement",
            "the design code",
            "conservation area appraisals",
            "the community infrastructure levy",
            "the five-year housing land supply",
            "neighbourhood plans",
            "the planning enforcement plan",
            "the brownfield land register",
        ],
        groups: &["residents", "developers", "parish councils", "landowners"],
        partners: &[
            "town and parish councils",
            "Historic England",
            "the highways authority",
            "neighbouring planning authorities",
        ],
        issues: &[
            "changes to national planning policy",
            "the shortage of land for housing",
            "delays in the planning inspectorate",
            "the viability of brownfield sites",
        ],
        acts: &[
            ("the Town and Country Planning Act 1990", 1990),
            ("the Planning and Compulsory Purchase Act 2004", 2004),
            ("the Localism Act 2011", 2011),
        ],
        priority: "Good homes for everyone",
        portfolio: Some(4),
    },
    DomainInfo {
        area: "licensing",
        subjects: &[
            "the statement of licensing policy",
            "the gambling statement of principles",
            "taxi and private hire licensing",
            "street trading",
            "cumulative impact",
            "licensing fees",
            "sex establishment licensing",
        ],
        groups: &["licence holders", "residents", "taxi drivers", "licensed premises"],
        partners: &[
            "Brackenford Police",
            "Trading Standards",
            "the fire and rescue service",
            "Environmental Health",
        ],
        issues: &[
            "late-night noise in the town centre",
            "the number of drivers licensed elsewhere",
            "the cost of enforcement",
        ],
        acts: &[
            ("the Local Government (Miscellaneous Provisions) Act 1976", 1976),
            ("the Licensing Act 2003", 2003),
            ("the Gambling Act 2005", 2005),
        ],
        priority: "Safe and strong communities",
        portfolio: Some(6),
    },
    DomainInfo {
        area: "the pension fund",
        subjects: &[
            "the pension fund investment strategy",
            "the pension fund annual report",
            "the funding strategy statement",
            "pension administration",
            "responsible investment",
            "the triennial valuation",
        ],
        groups: &["scheme members", "employers in the fund", "pensioners"],
        partners: &[
            "the fund's actuary",
            "the investment pool",
            "the Local Pension Board",
            "the fund's custodian",
        ],
        issues: &[
            "volatility in investment markets",
            "changes in the scheme regulations",
            "the growing number of employers in the fund",
        ],
        acts: &[
            ("the Local Government Pension Scheme Regulations 2013", 2013),
            ("the Public Service Pensions Act 2013", 2013),
        ],
        priority: "A well-run council",
        portfolio: Some(0),
    },
];

const NUMBER_WORDS: [&str; 21] = [
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

const FIRST_NAMES: &[&str] = &[
    "Alison",
    "Amara",
    "Andrew",
    "Angela",
    "Anita",
    "Ben",
    "Bernard",
    "Beth",
    "Bilal",
    "Brian",
    "Carol",
    "Catherine",
    "Charles",
    "Chloe",
    "Christine",
    "Claire",
    "Colin",
    "Craig",
    "Daniel",
    "David",
    "Deborah",
    "Declan",
    "Denise",
    "Derek",
    "Diane",
    "Elaine",
    "Eleanor",
    "Emma",
    "Farah",
    "Fiona",
    "Frances",
    "Gareth",
    "Gemma",
    "Geoffrey",
    "Gillian",
    "Graham",
    "Hannah",
    "Harjit",
    "Hazel",
    "Helen",
    "Ian",
    "Imran",
    "Irene",
    "Jack",
    "James",
    "Janet",
    "Jason",
    "Jennifer",
    "Joanne",
    "John",
    "Jonathan",
    "Joyce",
    "Julie",
    "Karen",
    "Kate",
    "Keith",
    "Kevin",
    "Lesley",
    "Linda",
    "Lorraine",
    "Louise",
    "Lucy",
    "Malcolm",
    "Margaret",
    "Mark",
    "Martin",
    "Mary",
    "Matthew",
    "Michael",
    "Mohammed",
    "Nadia",
    "Neil",
    "Nicola",
    "Nigel",
    "Owen",
    "Pamela",
    "Patricia",
    "Paul",
    "Peter",
    "Philip",
    "Priya",
    "Rachel",
    "Rajesh",
    "Raymond",
    "Rebecca",
    "Richard",
    "Robert",
    "Rosemary",
    "Ruth",
    "Sally",
    "Samuel",
    "Sandra",
    "Sarah",
    "Shaun",
    "Sheila",
    "Simon",
    "Sophie",
    "Stephen",
    "Stuart",
    "Susan",
    "Tariq",
    "Teresa",
    "Thomas",
    "Tracey",
    "Trevor",
    "Vanessa",
    "Victoria",
    "Wendy",
    "William",
    "Yasmin",
    "Zoe",
];

const SURNAMES: &[&str] = &[
    "Abbott",
    "Ahmed",
    "Ainsworth",
    "Akhtar",
    "Allen",
    "Ashworth",
    "Atkinson",
    "Bailey",
    "Barker",
    "Barnes",
    "Barraclough",
    "Baxter",
    "Begum",
    "Bennett",
    "Booth",
    "Bradley",
    "Brennan",
    "Briggs",
    "Brooks",
    "Butterworth",
    "Carr",
    "Chadwick",
    "Chapman",
    "Clarke",
    "Collins",
    "Cooper",
    "Crossley",
    "Dawson",
    "Dixon",
    "Doyle",
    "Duckworth",
    "Dunn",
    "Ellis",
    "Fairclough",
    "Farrell",
    "Fielding",
    "Fletcher",
    "Foster",
    "Gallagher",
    "Gibson",
    "Goodwin",
    "Greenwood",
    "Hall",
    "Hamer",
    "Hargreaves",
    "Harris",
    "Haworth",
    "Heaton",
    "Hewitt",
    "Hill",
    "Holden",
    "Holt",
    "Howarth",
    "Hughes",
    "Hussain",
    "Iqbal",
    "Jackson",
    "Jennings",
    "Kaur",
    "Kelly",
    "Kenyon",
    "Khan",
    "Knowles",
    "Lawson",
    "Lees",
    "Lord",
    "Marsden",
    "Marshall",
    "Mason",
    "Mellor",
    "Mitchell",
    "Moss",
    "Nolan",
    "Nuttall",
    "Ogden",
    "Okafor",
    "Parker",
    "Patel",
    "Pearson",
    "Pickup",
    "Quinn",
    "Ramsbottom",
    "Rawlinson",
    "Riley",
    "Robinson",
    "Rothwell",
    "Schofield",
    "Shah",
    "Sharples",
    "Singh",
    "Slater",
    "Stansfield",
    "Sutcliffe",
    "Taylor",
    "Thornton",
    "Tomlinson",
    "Turner",
    "Wadsworth",
    "Walsh",
    "Ward",
    "Whitehead",
    "Whittaker",
    "Wilkinson",
    "Wood",
    "Worthington",
    "Wright",
    "Yates",
];

const WARD_PREFIX: &[&str] = &[
    "Ash", "Bram", "Brook", "Castle", "Church", "Elm", "Fern", "Hall", "Hollin", "Kings", "Lark", "Mill",
    "Oak", "Priory", "Queens", "Rose", "Stone", "Thorn", "Wood", "Bridge", "Moor", "Well", "Wick", "Heath",
    "Marsh", "Lea", "Hawk", "Cross",
];
const WARD_SUFFIX: &[&str] =
    &["field", "ley", "ton", "wood", "bury", "gate", "hill", "side", "dale", "brook", "croft", "holme"];
const AREAS: &[&str] = &["North", "South", "East", "West", "Central", "Rural", "Valley", "Riverside"];
const STREET_A: &[&str] = &[
    "Mill", "Station", "Church", "Park", "Victoria", "Albert", "High", "Chapel", "School", "Manor",
    "Orchard", "Meadow", "Bridge", "Green", "Kings", "Queens", "Moor", "Brook", "Canal", "Sandy", "Oak",
    "Willow", "Cedar", "Quarry", "Holly",
];
const STREET_B: &[&str] =
    &["Lane", "Road", "Street", "Avenue", "Close", "Way", "Drive", "Place", "Terrace", "Row"];
const ROOMS: &[&str] = &[
    "Committee Room 1",
    "Committee Room 2",
    "Committee Room 3",
    "The Council Chamber",
    "The Reception Room",
];
const PREMISES: &[&str] = &[
    "The Red Lion",
    "The Black Horse",
    "The Crown",
    "The Plough",
    "The Royal Oak",
    "The White Hart",
    "The Wheatsheaf",
    "The Swan",
    "Corner Stores",
    "Station Convenience Store",
    "The Late Night Kitchen",
    "Riverside Bar and Grill",
    "The Old Mill Bar",
    "Kings Mini Market",
    "The Coach House",
];
const COMPANY_A: &[&str] = &[
    "Northvale",
    "Pennine",
    "Calder",
    "Ridgeway",
    "Harrow",
    "Meridian",
    "Oakfield",
    "Summit",
    "Greystone",
    "Blackthorn",
    "Eastgate",
    "Westfield",
    "Highmoor",
    "Larchwood",
];
const COMPANY_B: &[&str] = &[
    "Homes Ltd",
    "Developments Ltd",
    "Construction Ltd",
    "Services Ltd",
    "Estates Ltd",
    "Leisure Ltd",
    "Land Ltd",
    "Group plc",
];

const FUNDS: &[&str] = &[
    "the capital programme",
    "the transformation reserve",
    "developer contributions",
    "external grant funding",
    "the invest to save reserve",
    "the service's existing budget",
];

const MEASURES: &[&str] = &[
    "cases completed within the target time",
    "customer satisfaction with the service",
    "requests resolved at first contact",
    "complaints responded to on time",
    "reviews completed on time",
    "people reporting a good outcome",
    "invoices paid within 30 days",
    "inspections completed on schedule",
    "repairs completed at the first visit",
];

const MITIGATIONS: &[&str] = &[
    "Monthly monitoring by the management team",
    "Contingency included in the budget",
    "Early engagement with partners",
    "Regular reports to the Cabinet Member",
    "Phased implementation with a review point",
    "Contract terms that share the risk with the provider",
];

const MILESTONES: &[&str] = &[
    "Consultation closes",
    "Decision",
    "Procurement completed",
    "Implementation begins",
    "First-year review",
];

const APPENDIX_TITLES: &[&str] = &[
    "Summary of consultation responses",
    "Equality impact assessment",
    "Performance indicators",
    "Action plan",
    "Detailed financial information",
    "Risk register",
    "Evidence from other councils",
    "Draft policy",
    "Terms of reference",
];

const PDF_TITLES: &[&str] =
    &["Map of the area affected", "Letter from the Department", "Independent review", "Survey results"];

const URGENCY: &[&str] = &[
    "the final figures from the Government were received only after the agenda was published",
    "the contractor's revised price was received after the agenda was published",
    "the legal advice on the proposals was received after the agenda was published",
];

const PUBLIC_INTEREST: [&str; 7] = [
    "The report contains information about named individuals. Their right to privacy outweighs the public interest in disclosure.",
    "The report contains information that would be likely to identify individuals. The public interest in protecting their identity outweighs the public interest in disclosure.",
    "The report contains commercially sensitive information about bids, prices and valuations. Publishing it before the contract is agreed would weaken the Council's position, so the public interest in keeping it exempt outweighs the public interest in disclosure.",
    "The report concerns negotiations with the recognised trade unions. Publishing it while the negotiations continue could prejudice them.",
    "The report contains legal advice to the Council, which is subject to legal professional privilege. The public interest in the Council obtaining full and frank advice outweighs the public interest in disclosure.",
    "The report concerns action the Council proposes to take under an enactment. Publishing it before notice is given could prejudice that action.",
    "The report concerns an investigation that may lead to a prosecution. Publishing it now could prejudice the investigation.",
];

const PRIVATE_REASON: [&str; 7] = [
    "The report will contain information about named individuals.",
    "The report will contain information likely to identify individuals.",
    "The report will contain commercially sensitive information about bids and prices, which would prejudice the Council's position if it were published before the contract is agreed.",
    "The report will concern negotiations with the trade unions.",
    "The report will contain legal advice to the Council.",
    "The report will concern action the Council proposes to take under an enactment.",
    "The report will concern a criminal investigation.",
];

const DEFER_REASONS: &[&str] = &[
    "further consultation with partners",
    "the outcome of the Government's funding announcement to be taken into account",
    "more time to assess the responses to the consultation",
    "the Scrutiny Committee's recommendations to be considered",
];

const WITHDRAW_REASONS: &[&str] = &[
    "the proposals have been overtaken by a change in national policy",
    "the service has been reviewed and the decision is no longer needed",
    "the matter will be dealt with as part of the budget",
];

const CONSULTATION: &[&str] = &[
    "A public consultation will run for eight weeks, with drop-in sessions in libraries and an online survey.",
    "Ward members, partners and the people who use the service will be consulted before the decision is taken.",
    "The proposals will be discussed with the relevant scrutiny committee and the trade unions.",
    "Consultation with the statutory consultees and the town and parish councils.",
];

const DECLARATIONS: &[&str] = &[
    "Other registrable interest: member of a local residents' association",
    "Non-registrable interest: lives near the site",
    "Other registrable interest: governor of a school mentioned in the report",
    "Other registrable interest: trustee of a charity that receives funding from the Council",
    "Non-registrable interest: a relative uses the service",
];

const DECLARATION_ACTIONS: &[&str] = &[
    "took part and voted",
    "left the room for the item and did not vote",
    "took part in the debate but did not vote",
];

const CONSULTEES: &[&str] = &[
    "Highways authority",
    "Environment Agency",
    "Lead local flood authority",
    "Environmental Health",
    "Conservation officer",
    "Tree officer",
    "County ecologist",
    "Parish council",
    "Police designing-out-crime officer",
    "Housing strategy team",
];

const CONSULTEE_RESPONSES: &[&str] = &[
    "No objection",
    "No objection, subject to conditions",
    "No objection, subject to a construction management plan",
    "Objection: insufficient information",
    "Comments made on the layout",
    "No comments received",
];

const PLANNING_CONDITIONS: &[&str] = &[
    "Time limit. The development must begin within three years of the date of the permission.",
    "Approved plans. The development must be carried out in accordance with the approved plans.",
    "Materials. Samples of the external materials to be approved before work above slab level.",
    "Construction management plan. No development until a plan covering working hours, deliveries and parking has been approved.",
    "Contaminated land. A site investigation and remediation scheme to be approved before development.",
    "Drainage. A sustainable drainage scheme to be approved and carried out before occupation.",
    "Access. The access and visibility splays to be provided before the first occupation.",
    "Landscaping. A landscaping scheme to be approved, with any plants that die within five years replaced.",
    "Biodiversity. A biodiversity enhancement plan to be approved and carried out.",
    "Electric vehicle charging. Each dwelling to have a charging point before it is occupied.",
];

const CONDITION_DETAIL: &[&str] = &[
    "To ensure a satisfactory appearance, in accordance with the Local Plan.",
    "In the interests of highway safety.",
    "To protect the living conditions of neighbouring residents.",
    "To reduce the risk of flooding on and off the site.",
    "To protect and enhance biodiversity.",
];

const REFUSALS: &[&str] = &[
    "The proposal, by reason of its scale and massing, would be harmful to the character and appearance of the area, contrary to the Local Plan.",
    "The proposal would result in an unacceptable loss of light and outlook to neighbouring properties.",
    "The applicant has not demonstrated that the site can be safely accessed, to the detriment of highway safety.",
    "The proposal would be at unacceptable risk of flooding, and the sequential test has not been passed.",
];

const LICENSING_OBJECTIVES: &[&str] = &[
    "the prevention of crime and disorder",
    "public safety",
    "the prevention of public nuisance",
    "the protection of children from harm",
];

const LICENSING_OPTIONS: &[&str] = &[
    "Grant the application as applied for.",
    "Grant the application subject to conditions that are appropriate to promote the licensing objectives.",
    "Exclude from the scope of the licence any of the licensable activities applied for.",
    "Refuse the application in whole or in part.",
];

const OPTIONS: &[&str] = &[
    "Do nothing",
    "Implement the proposals in full",
    "Implement the proposals in phases",
    "Commission an external provider",
];

const BG_HEADINGS: &[&str] = &[
    "national context",
    "local context",
    "current arrangements",
    "performance",
    "demand and costs",
    "working with partners",
    "the proposals",
    "implementation",
    "lessons from elsewhere",
    "next steps",
];

const PLANNING_HEADINGS: &[&str] = &[
    "principle of development",
    "design and effect on the character of the area",
    "residential amenity",
    "highways, access and parking",
    "flood risk and drainage",
    "ecology and trees",
    "planning obligations",
    "other matters",
];

const BACKGROUND_PAPERS: &[&str] = &[
    "the Council Plan",
    "the Medium Term Financial Strategy",
    "the equality impact assessment",
    "the consultation responses, held by the service",
    "the relevant government guidance",
    "the report of the external auditor",
];

const ASPECTS: &[&str] = &[
    "the timetable for implementation",
    "the cost of the proposals",
    "the effect on {g}",
    "staffing levels in the service",
    "the response to the consultation",
    "how performance would be measured",
    "the arrangements in {w} ward",
    "the role of {pa}",
];

const EXPLAIN: &[&str] = &[
    "the timetable had been agreed with partners and was on track",
    "the costs had been included in the Medium Term Financial Strategy",
    "a further update would be provided at the next meeting",
    "the figures would be circulated to members after the meeting",
    "the service had recruited to all but two of its vacant posts",
    "the issue had been raised with {pa}",
    "the proposals had been tested with a group of {g}",
    "the position would be monitored monthly",
];

const SUMMARY_LEAD: &[&str] = &[
    "This report sets out the Council's approach to {s} and asks {c} to agree the next steps.",
    "This report updates {c} on {s} and sets out the progress made since {yp}.",
    "The purpose of this report is to seek the agreement of {c} to changes in {s}.",
    "This report presents the findings of the review of {s} carried out over the last year.",
    "This report asks {c} to consider the proposals for {s} in the light of the consultation.",
];

const SUMMARY: &[&str] = &[
    "This report sets out the Council's approach to {s} and asks {c} to agree the next steps.",
    "The report summarises the progress made on {s} since the last report in {yp}.",
    "Over the last year the Council has worked with {pa} to improve {s}.",
    "The proposals respond to {i}, which has affected {s} across the borough.",
    "If agreed, the changes would take effect from 1 April {ny}.",
    "The report also sets out the results of the consultation with {g}.",
    "{S} is one of the priorities in the Council Plan under the heading \"{pr}\".",
    "The financial implications are set out later in the report and can be met from the existing budget.",
];

const BACKGROUND: &[&str] = &[
    "{S} remains a priority for the Council, and the proposals in this report build on the work agreed by {c} in {yp}.",
    "Pressure on {s} has grown by {p} since {yp}, driven largely by {i}.",
    "Officers have worked closely with {pa} to develop the approach set out in this report.",
    "Members will recall that {c} last considered {s} in {mo} {yp}, when it asked for a further report once the review was complete.",
    "The service currently supports around {N} {g} each year, and the number is expected to grow over the next three years.",
    "Benchmarking against similar councils shows that spending on {s} in {t} is {p} below the average, while outcomes are broadly in line.",
    "In {w} ward, for example, the number of {g} in contact with the service has doubled since {yp}.",
    "A review of current arrangements identified {n} areas for improvement, which are summarised below.",
    "The national picture continues to change, and {i} has added to the pressure on councils across the country.",
    "It is proposed that the new arrangements take effect from 1 April {ny}, subject to the decisions set out in this report.",
    "Feedback from {g} has been broadly positive, although some concern was expressed about {i}.",
    "The Council's approach is consistent with national guidance and with the practice of neighbouring authorities.",
    "Progress has been slower than planned in some areas, mainly because of {i}.",
    "An action plan has been agreed with {pa}, and progress against it will be reported to {c} every six months.",
    "The proposals were developed with a working group of officers and representatives of {g}.",
    "Since the last report, {n} of the {n2} actions in the plan have been completed and the rest are on track.",
    "Officers will continue to monitor the position and will report further to {c} in {mo} {ny}.",
    "The cost of delivering {s} has increased by {p} over the last two years, largely as a result of {i}.",
    "A pilot in {w} ward showed that earlier help can reduce the need for more costly support later on.",
    "The Council is not alone in facing these pressures, and the Local Government Association has highlighted them as a concern for councils nationally.",
    "Performance improved in {n} of the {n2} measures reported in {fy}, and the remaining measures are subject to improvement plans.",
    "The service was last inspected in {yp}, when two areas were found to need improvement; both have since been addressed.",
    "The revised approach would allow resources to be targeted at the {g} in greatest need.",
    "Data for the year to {mo} {y} show a continued improvement, with {N} cases completed within the target time.",
    "Engagement with {g} will continue throughout the implementation period, through the existing forums and the Council's website.",
    "The options available to the Council are set out in the section on options considered.",
    "The Council has a statutory duty in relation to {s}, and the proposals would ensure that it continues to be met.",
    "Experience elsewhere suggests that a phased introduction would reduce the risk of disruption to {g}.",
    "Further work is needed to understand the longer-term effect of {i} on {s}.",
    "The budget for {s} in {fy} is {m}, of which {p} is committed to existing contracts.",
    "The current contract for {s} ends in March {ny}, and a decision on its replacement is needed by the autumn.",
    "Members have asked for more information about {aspect}, and this is provided in the appendices.",
    "The Government's guidance on {s} was revised in {yp}, and the Council's arrangements have been updated to reflect it.",
    "Around {p} of the {g} who responded to the residents' survey said they were satisfied with {s}.",
    "The service employs {n} full-time equivalent staff and works closely with {pa}.",
    "Waiting times have fallen from {n2} weeks to {n} weeks over the last year.",
    "A business case will be brought to {c} before any contract is awarded.",
    "The approach has been shaped by what {g} told the Council during the engagement sessions held in {mo} {yp}.",
    "The Council's internal auditors reviewed the arrangements for {s} in {yp} and gave a reasonable level of assurance.",
    "Changes in national policy mean that the Council will need to review its approach to {s} again within two years.",
    "The number of complaints about {s} fell from {n2} in {fyp} to {n} in {fy}.",
    "The proposals would bring the Council into line with neighbouring authorities, most of which changed their approach in {yp}.",
    "Demand is highest in {w} and {w} wards, where the service has concentrated its outreach work.",
    "The Council has bid for {m} of government funding to accelerate the programme, and the outcome is expected in {mo}.",
    "Staff have been involved in developing the proposals through a series of workshops.",
    "The proposals have been reviewed by the Council's Corporate Leadership Team, which supports them.",
    "A small number of {g} have raised concerns about the proposals, and officers have met them to discuss those concerns.",
    "It is estimated that the changes would benefit around {N} {g} in the first year.",
    "The arrangements for {s} were last changed in {yp}, and the review found that they had largely achieved their aims.",
    "Some of the targets set in {yp} have not been met, and the reasons are explained below.",
    "The proposals include a commitment to review progress with {pa} every quarter.",
    "Savings of {m} have already been achieved by sharing management arrangements with a neighbouring council.",
    "The contract with the current provider has been extended twice, and a further extension would not be permitted under the procurement rules.",
    "Residents can find out more about {s} on the Council's website or by contacting the customer service centre.",
    "The number of {g} waiting for support has fallen by {p} since the new arrangements were introduced.",
    "The Council will continue to press the Government for a fairer funding settlement for {s}.",
    "An independent review commissioned in {yp} made {n} recommendations, all of which have been accepted.",
];

const REASONS: &[&str] = &[
    "The recommendations will allow the Council to meet its statutory duties in relation to {s} within the resources available.",
    "Agreeing the proposals now gives {g} and {pa} time to prepare before the changes take effect.",
    "The proposals respond to the views expressed in the consultation and to {i}.",
    "Regular reporting allows {c} to take early action if performance or spending moves away from the plan.",
    "The recommended option offers the best balance of cost, risk and outcomes for {g}.",
    "Without a decision, the Council would be unable to let the new contract before the current one ends.",
];

const ALTERNATIVES: &[&str] = &[
    "Making no changes was rejected, because it would leave the pressure from {i} unaddressed.",
    "Introducing all the changes at once was rejected because of the risk of disruption to {g}.",
    "Commissioning the service from an external provider was considered but would cost more over five years.",
    "Deferring the decision for a year was rejected, because the current arrangements cannot be sustained.",
];

const CONSULT: &[&str] = &[
    "A public consultation ran for eight weeks and received {N} responses, of which {p} supported the proposals.",
    "Officers met {pa} and representatives of {g} during the consultation period.",
    "The consultation was publicised through the Council's website, social media and libraries, and an easy-read version was available.",
    "Most respondents agreed with the overall approach, although some raised concerns about {aspect}.",
    "The responses have been taken into account in the final proposals, as described in the appendices.",
    "Ward members were briefed on the proposals before the consultation began.",
];

const POLICY: &[&str] = &[
    "The proposals support the Council Plan priority \"{pr}\".",
    "The report is consistent with the Council's policy framework and does not require a decision of the Council.",
    "The proposals take account of the Council's commitment to reduce inequalities across the borough.",
    "The changes will be reflected in the service plan for {fyn}.",
];

const FINANCE: &[&str] = &[
    "The total cost of the proposals is estimated at {m} over the period to {fyn}, which can be met from the existing budget for {s}.",
    "The {fy} budget for {s} is {m}, and the current forecast is an overspend of {m}.",
    "Any additional costs arising from the proposals will be reported through the quarterly budget monitoring reports to the Cabinet.",
    "The Director of Finance has been consulted and is satisfied that the proposals are affordable within the Medium Term Financial Strategy.",
    "Savings of {m} a year are expected from {fyn} once the new arrangements are fully in place.",
    "External funding of {m} has been secured from {fund}, which must be spent by March {ny}.",
    "The one-off costs of implementation, estimated at {m}, will be met from {fund}.",
    "The figures include an allowance of {pl} for inflation.",
];

const LEGAL: &[&str] = &[
    "The Council has the power to act under {act}.",
    "The Council must have regard to the statutory guidance issued under {act} in exercising its functions in relation to {s}.",
    "The Director of Legal and Governance has been consulted and has no further comments.",
    "Any procurement will be carried out in accordance with the Council's contract procedure rules.",
    "In taking the decision, members must have due regard to the public sector equality duty.",
    "The proposals are within the powers of {c} under the Council's Constitution.",
];

const RISK: &[&str] = &[
    "The main risks and the measures to manage them are set out in the table below.",
    "There is a risk that {i} will continue to put pressure on {s}, and this is recorded on the corporate risk register.",
    "The risks of not proceeding are greater than the risks of implementing the proposals.",
    "The project will be overseen by a board chaired by the {post}.",
];

const EQUALITY: &[&str] = &[
    "An equality impact assessment has been carried out. It found that the proposals would have a positive or neutral effect on people with protected characteristics.",
    "The proposals are likely to have a greater effect on {g}, and the actions to reduce that effect are set out in the equality impact assessment.",
    "The equality impact assessment will be reviewed after the first year of implementation.",
    "Information about the changes will be made available in other languages and formats on request.",
];

const CLIMATE: &[&str] = &[
    "The proposals are expected to have a neutral effect on the Council's carbon emissions.",
    "Where vehicles are needed, the service will use electric or low-emission vehicles wherever practicable.",
    "The new arrangements reduce the need for travel, which will help to improve air quality.",
    "Any building work will meet the Council's standards for energy efficiency.",
];

const POINTS: &[&str] = &[
    "the number of {g} supported has risen by {p}",
    "{n} of the {n2} actions in the plan are complete",
    "spending is forecast to be within budget",
    "the service has worked with {pa} on a joint approach",
    "the new arrangements will be reviewed in {mo} {ny}",
    "feedback from {g} has been positive",
    "further savings of {m} are expected in {fyn}",
    "performance in {w} ward is above the borough average",
];

const MINUTES_DISCUSS: &[&str] = &[
    "Members asked about {aspect}. In reply, it was explained that {explain}.",
    "In response to a question from {cl}, the {post} confirmed that {explain}.",
    "{cl} welcomed the report and thanked officers for their work on {s}.",
    "Members noted that {i} continued to affect {s}, and asked that the position be kept under review.",
    "{cl} asked whether {g} had been consulted. It was confirmed that {explain}.",
    "{cl} expressed concern about {aspect} and asked that it be reported back to a future meeting.",
    "The Chair thanked the officers for the report and for their work over the year.",
    "Members discussed {aspect} at some length, and agreed that the approach set out in the report was the right one.",
    "{cl} suggested that the Council should learn from the approach taken in {w} ward.",
    "{cl} asked how the Council would know whether the changes had worked. It was explained that {explain}.",
    "In answer to a question about {aspect}, the {post} said that {explain}.",
    "{cl} said that residents in {w} ward had welcomed the changes.",
    "Several members praised the work of staff in difficult circumstances.",
    "The Chair summarised the discussion and proposed the recommendations in the report.",
];

const VERBAL_DISCUSS: &[&str] = &[
    "Members asked about {aspect}. In reply, it was explained that {explain}.",
    "{cl} asked whether {g} had been consulted. It was confirmed that {explain}.",
    "{cl} thanked the officers for the update.",
    "Members noted that {i} continued to affect {s}.",
    "In answer to a question about {aspect}, the {post} said that {explain}.",
    "The Chair asked that a written report be brought to a future meeting.",
    "{cl} asked for the figures for {w} ward to be circulated after the meeting.",
];

const MOTION_DEBATE: &[&str] = &[
    "{cl} spoke in support of the motion, citing the experience of residents in {w} ward.",
    "{cl} said that the Council was already taking action on {s}, and that the motion was unnecessary.",
    "The Cabinet Member responded that a review of {s} was already planned for {ny}.",
    "{cl} moved an amendment, which was not accepted by the mover of the motion, and on being put to the vote the amendment was lost.",
    "Several members spoke about the effect of {i} on their wards.",
    "The mover of the motion exercised the right of reply.",
    "{cl} asked that the Council write to the Government about {i}.",
];

const PLANNING_DISCUSS: &[&str] = &[
    "Members asked about the effect of the development on traffic at peak times. The officer explained that the highways authority had assessed the transport statement and raised no objection.",
    "{cl} asked whether the number of parking spaces was sufficient. The officer confirmed that the scheme met the Council's parking standards.",
    "{cl} was concerned about the loss of trees on the site. The officer explained that replacement planting would be secured by condition.",
    "Members discussed the design of the buildings and the materials proposed.",
    "{cl} asked about drainage, given the history of flooding nearby. The officer explained that the lead local flood authority was satisfied with the drainage strategy.",
    "The ward member spoke about the concerns of local residents.",
    "{cl} asked whether construction hours could be restricted. The officer confirmed that a construction management plan would be required.",
    "Members noted that the site was allocated for housing in the Local Plan.",
    "{cl} proposed the officer recommendation, which was seconded by {cl}.",
];

const DECISION_DETAIL: &[&str] = &[
    "The total value is {m}, to be met from {fund}.",
    "The arrangements will take effect from 1 {mo} {ny}.",
    "The {post} will report progress to the Cabinet Member every quarter.",
    "The decision follows consultation with {pa} and the ward members.",
    "The contract will run for three years, with the option to extend for up to two further years.",
    "The decision is within the budget approved by the Council for {fy}.",
];

const PLANNING_REASONS: &[&str] = &[
    "The proposal accords with the development plan, and there are no material considerations that indicate that permission should be refused.",
    "The Committee gave weight to the views of residents and to the advice of the statutory consultees.",
    "The Committee was satisfied that the conditions would make the development acceptable.",
    "The decision was taken having regard to the National Planning Policy Framework and the policies of the Local Plan.",
];

const LICENSING_DISCUSS: &[&str] = &[
    "The Sub-Committee heard from the licensing officer, the applicant and those who had made representations.",
    "The applicant explained the measures in place to prevent noise and disorder.",
    "A representative of Brackenford Police outlined the incidents reported at or near the premises.",
    "Members asked about the training given to staff on age verification.",
    "A resident described the disturbance caused by customers leaving late at night.",
    "The parties were given the opportunity to sum up before the Sub-Committee retired to make its decision.",
];

const LICENSING_REASONS: &[&str] = &[
    "The Sub-Committee considered the evidence and the representations, the statutory guidance and the Council's statement of licensing policy.",
    "The Sub-Committee was satisfied that the conditions imposed were appropriate and proportionate to promote the licensing objectives.",
    "The Sub-Committee gave particular weight to the evidence of the police in relation to the prevention of crime and disorder.",
];

const NARRATIVE: &[&str] = &[
    "{cl} asked about {aspect}, and received a reply from the Chair.",
    "A resident of {w} ward asked about {s}. The Chair replied that {explain}.",
    "The Chair reminded members about the training session on {s} arranged for {mo}.",
    "The Chair congratulated staff in the {s} team on their recent national award.",
    "A written answer would be sent to the questioner and published on the Council's website.",
    "The Chair paid tribute to a former member of the Council who had died since the last meeting, and members stood in silence.",
];

const PLANNING_SITE: &[&str] = &[
    "The application site, {site}, lies within the settlement boundary as defined in the Local Plan.",
    "The site is about {n} hectares in area and is currently vacant.",
    "The surrounding area is mainly residential, with two-storey terraced and semi-detached houses.",
    "A public footpath runs along the northern boundary of the site.",
    "Part of the site lies within flood zone 2, and the application is accompanied by a flood risk assessment.",
    "There are several mature trees on the site, two of which are protected by a tree preservation order.",
    "The site is within walking distance of the town centre and of a bus route with a frequent service.",
];

const PLANNING_PROPOSAL: &[&str] = &[
    "The application seeks permission for {prop}.",
    "The layout has been amended during the application to address the comments of the highways authority.",
    "The proposal includes {p} affordable housing, in line with the Local Plan requirement.",
    "The design and access statement explains how the scheme responds to the character of the area.",
    "Parking would be provided at a rate of two spaces for each dwelling, with additional visitor spaces.",
];

const PLANNING_REPS: &[&str] = &[
    "{few} letters of objection have been received, raising concerns about traffic, parking and overlooking.",
    "The ward members have asked that the application be determined by the Committee rather than by officers.",
    "Some residents support the proposal because it would bring a vacant site back into use.",
    "The parish council has objected on the grounds of over-development.",
    "All the representations received have been taken into account in the assessment below.",
];

const PLANNING_POLICY: &[&str] = &[
    "The relevant policies of the Local Plan include {lp} and {lp}.",
    "The National Planning Policy Framework is a material consideration.",
    "The Council can demonstrate a five-year supply of housing land, so the policies of the Local Plan carry full weight.",
    "The site is allocated for housing in the Local Plan.",
    "The Council's design guide and parking standards are also relevant.",
];

const PLANNING_ASSESS: &[&str] = &[
    "The principle of development is acceptable, given the site's location within the settlement boundary.",
    "The scale and design of the buildings would respect the character of the surrounding area.",
    "The separation distances to neighbouring properties meet the Council's standards, and there would be no unacceptable overlooking.",
    "The highways authority is satisfied that the access would be safe, subject to conditions.",
    "The drainage strategy would limit surface water run-off to the greenfield rate.",
    "The loss of two trees would be outweighed by the replacement planting proposed.",
    "A contribution of {m} towards school places and open space would be secured by a legal agreement.",
    "On balance, the benefits of the proposal outweigh the harm identified, having regard to {lp}.",
    "The proposal would make efficient use of previously developed land, as the National Planning Policy Framework encourages.",
    "The density of the scheme is in keeping with the surrounding area.",
    "The Council's conservation officer considers that the proposal would preserve the setting of the nearby listed buildings.",
    "The nearest neighbours would retain adequate daylight and privacy.",
    "Refuse and recycling storage would be provided within each plot, with collection from the kerbside.",
    "The applicant's transport assessment shows that the junction would operate within its capacity.",
    "A travel plan would encourage residents to walk, cycle and use public transport.",
    "The ecological survey found no evidence of protected species on the site.",
    "The development would deliver a biodiversity net gain of {pl} through new planting and habitat creation.",
    "The affordable homes would be a mix of social rent and shared ownership, in line with the housing strategy.",
    "Noise from the adjoining road can be mitigated by acoustic glazing and ventilation, secured by condition.",
    "The site is not within an area of high flood risk, and the sequential test is passed.",
    "The materials proposed are red brick and slate, which reflect the prevailing character of the street.",
    "Objectors have raised concerns about the effect on property values, which is not a material planning consideration.",
    "The proposed boundary treatment would maintain the privacy of the gardens to the rear.",
    "The Local Plan inspector found the allocation sound, and the proposal is consistent with the site-specific policy.",
    "Construction would take about two years, and the impact on neighbours would be temporary.",
    "The proposal would contribute towards the Council's housing requirement, which carries significant weight.",
    "The scheme has been amended to reduce the height of the buildings closest to the boundary.",
    "The heritage statement concludes that the alterations would not harm the significance of the building.",
    "Concerns about construction traffic can be addressed through a construction management plan.",
];

const LICENSING: &[&str] = &[
    "The premises, {site}, are in a mixed area of shops and houses.",
    "The application is for {prop}.",
    "The applicant has offered conditions covering CCTV, staff training and the dispersal of customers.",
    "Brackenford Police have made a representation in relation to the prevention of crime and disorder.",
    "Residents living nearby are concerned about noise from customers leaving the premises late at night.",
    "The Sub-Committee must take such of the steps available to it as it considers appropriate for the promotion of the licensing objectives.",
    "The Council's statement of licensing policy and the guidance issued under section 182 of the Licensing Act 2003 are relevant.",
    "Each application must be considered on its merits.",
];

const WORK_PROGRAMME: &[&str] = &[
    "The Committee's work programme is reviewed at every meeting.",
    "The programme for {fy} was agreed at the first meeting of the municipal year, and has been updated since.",
    "Items may be added at the request of members, the Cabinet or partners, subject to the Committee's agreement.",
    "The Forward Plan of key decisions has been checked for items within the Committee's remit.",
    "Members are asked to consider whether any item should be the subject of a task and finish group.",
    "The Chair and Vice-Chair meet with officers before each meeting to review the programme.",
];

const SCORECARD: &[&str] = &[
    "The scorecard reports performance against the Council Plan for the quarter.",
    "Of the indicators reported, {n} are on target and {n2} are below target.",
    "The indicators below target are explained in the commentary, with the action being taken.",
    "Performance in {s} has improved since the last quarter.",
    "Comparisons with similar councils are included where national data are available.",
];

const TASK_GROUP: &[&str] = &[
    "The group was set up by the Committee to look in depth at {s}.",
    "The group met {n} times and heard from {pa}, officers and {g}.",
    "I would like to thank everyone who gave their time to the review, in particular {g}.",
    "The group found that {i} had made it harder for the Council to support {g}.",
    "Our recommendations are practical and, in most cases, can be delivered within existing budgets.",
];

const REMIT_COUNCIL: &str = "The Council is made up of all the councillors of the borough. It agrees the Council's budget \
and policy framework, sets the council tax, appoints the Leader, the committees and the Mayor, and adopts the Constitution.\n\n\
The Council meets about seven times a year. The annual meeting in May elects the Mayor and appoints the committees for the \
municipal year.";

const REMIT_CABINET: &str = "The Cabinet is the Council's executive: the Leader of the Council and up to nine other \
councillors appointed by the Leader, each holding a portfolio.\n\nThe Cabinet proposes the budget and policy framework to \
the Council, takes key decisions, which are published in advance in the Forward Plan, and monitors spending and performance \
every quarter. Its decisions may be called in by the scrutiny committees within five clear working days of publication.";

const REMIT_PLANNING: &str = "The Committee determines applications for planning permission, listed building consent and \
related consents that are not delegated to officers, including major applications, applications that ward members ask to \
be determined by the Committee, and applications by the Council itself.\n\nIt also receives reports on planning appeals \
and enforcement.";

const REMIT_LICENSING: &str = "The Committee carries out the Council's functions as licensing authority under the Licensing \
Act 2003, the Gambling Act 2005 and the legislation on taxis and private hire vehicles, street trading and sex \
establishments.\n\nHearings on individual applications and reviews are held by sub-committees of three members.";
