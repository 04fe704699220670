//! Open data, sitemap and robots.txt: every JSON file validates against its JSON Schema (with
//! Python's `jsonschema`, pinned in tests/requirements.txt), the CSV registers parse, the
//! sitemap is well-formed and lists only files that exist, robots.txt names it, the members'
//! edition turns crawlers away, nothing exempt reaches the public build's data, and two builds
//! write the same bytes.

mod common;

use std::collections::BTreeSet;
use std::process::Command;

use common::*;
use tempfile::TempDir;

/// The JSON documents, each with a schema.
const DOCUMENTS: [&str; 8] = [
    "committees",
    "people",
    "meetings",
    "reports",
    "minutes",
    "decisions",
    "forward-plan",
    "work-programmes",
];

/// The sample site's origin (from content/site.yaml).
const SAMPLE_ORIGIN: &str = "https://democracy.ashcombe.gov.uk";
/// The exempt fixture's origin.
const EXEMPT_ORIGIN: &str = "https://democracy.testborough.gov.uk";

fn sample(tmp: &TempDir, name: &str) -> Site {
    let out = tmp.path().join(name);
    build_ok(&project_root(), &out, &["--as-of", "2026-11-23"]);
    Site { dir: out, base: "/".into() }
}

fn exempt(tmp: &TempDir, name: &str, edition: &str) -> Site {
    let out = tmp.path().join(name);
    build_ok(&fixture("exempt"), &out, &["--as-of", "2026-04-10", "--edition", edition]);
    Site { dir: out, base: "/".into() }
}

/// Runs a Python program with arguments; panics with its output if it fails.
fn python(program: &str, args: &[&str]) -> String {
    let o = Command::new("python3")
        .arg("-c")
        .arg(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run python3 (run scripts/install-test-tools.sh): {e}"));
    let stdout = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(o.status.success(), "python failed:\n{stdout}\n{}", String::from_utf8_lossy(&o.stderr));
    stdout
}

/// Validates each `data/<name>.json` against `data/schema/<name>.schema.json`: the schema is
/// checked against its metaschema (draft 2020-12), the document against the schema, the
/// document's `$schema` must be the schema's `$id`, and the schema must reject an unknown
/// top-level field. Every other `data/*.json` except the publication record must have a schema.
const VALIDATE: &str = r#"
import json, os, sys, copy
import jsonschema
from jsonschema import validators

data, origin = sys.argv[1], sys.argv[2]
names = sys.argv[3:]
for name in names:
    with open(os.path.join(data, name + ".json"), encoding="utf-8") as f:
        doc = json.load(f)
    with open(os.path.join(data, "schema", name + ".schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    cls = validators.validator_for(schema)
    assert cls is validators.Draft202012Validator, (name, cls)
    cls.check_schema(schema)
    cls(schema, format_checker=cls.FORMAT_CHECKER).validate(doc)
    want = origin + "/data/schema/" + name + ".schema.json"
    assert schema["$id"] == want, (name, schema["$id"])
    assert doc["$schema"] == want, (name, doc["$schema"])
    bad = copy.deepcopy(doc)
    bad["unexpected"] = 1
    try:
        cls(schema).validate(bad)
    except jsonschema.ValidationError:
        pass
    else:
        raise AssertionError(name + ": schema accepts an unknown field")
    print("ok", name)
others = sorted(f[:-5] for f in os.listdir(data) if f.endswith(".json") and f != "publication-record.json")
assert others == sorted(names), others
"#;

fn validate_all(site: &Site, origin: &str) {
    let data = site.dir.join("data");
    let mut args = vec![data.to_str().unwrap(), origin];
    args.extend(DOCUMENTS);
    let out = python(VALIDATE, &args);
    assert_eq!(out.lines().count(), DOCUMENTS.len(), "{out}");
}

#[test]
fn sample_site_data_validates_against_its_schemas() {
    let tmp = TempDir::new().unwrap();
    let site = sample(&tmp, "out");
    validate_all(&site, SAMPLE_ORIGIN);
}

#[test]
fn exempt_fixture_data_validates_in_both_editions() {
    let tmp = TempDir::new().unwrap();
    validate_all(&exempt(&tmp, "public", "public"), EXEMPT_ORIGIN);
    validate_all(&exempt(&tmp, "members", "members"), EXEMPT_ORIGIN);
}

fn json(site: &Site, rel: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(site.dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    assert!(text.ends_with("}\n"), "{rel} does not end with a newline");
    serde_json::from_str(&text).unwrap()
}

#[test]
fn documents_hold_the_sample_sites_records() {
    let tmp = TempDir::new().unwrap();
    let site = sample(&tmp, "out");
    let committees = json(&site, "data/committees.json");
    let orgs = committees["organizations"].as_array().unwrap();
    let cabinet = orgs.iter().find(|o| o["id"] == "cabinet").unwrap();
    assert_eq!(cabinet["classification"], "cabinet");
    assert_eq!(cabinet["url"], format!("{SAMPLE_ORIGIN}/committees/cabinet/"));
    let ids: Vec<&str> = orgs.iter().map(|o| o["id"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
    let chair = committees["memberships"].as_array().unwrap().iter().find(|m| m["role"] == "chair").unwrap();
    let start = chair["start_date"].as_str().unwrap();
    let end = chair["end_date"].as_str().unwrap();
    assert!(start.ends_with("-05-01") && end.ends_with("-04-30"), "{start} {end}");

    let people = json(&site, "data/people.json");
    let councillor =
        people["persons"].as_array().unwrap().iter().find(|p| p["classification"] == "councillor").unwrap();
    assert_eq!(councillor["area"]["classification"], "ward");
    assert_eq!(councillor["honorific_prefix"], "Councillor");

    let meetings = json(&site, "data/meetings.json");
    let event =
        meetings["events"].as_array().unwrap().iter().find(|e| e["id"] == "cabinet/2025-11-11").unwrap();
    assert_eq!(event["start_date"], "2025-11-11T17:30:00+00:00");
    assert_eq!(event["organization_id"], "cabinet");
    assert_eq!(event["timezone"], "Europe/London");
    assert!(event["location"]["name"].as_str().unwrap().contains("Town Hall"));
    let agenda = event["agenda"].as_array().unwrap();
    assert!(agenda.len() > 5);
    assert!(agenda.iter().any(|i| !i["reports"].as_array().unwrap().is_empty()));
    let summer =
        meetings["events"].as_array().unwrap().iter().find(|e| e["id"] == "cabinet/2026-06-16").unwrap();
    assert!(summer["start_date"].as_str().unwrap().ends_with("+01:00"), "{}", summer["start_date"]);

    let minutes = json(&site, "data/minutes.json");
    let min = minutes["minutes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "cabinet/2025-11-11/minutes")
        .unwrap();
    let m13 = min["minutes"].as_array().unwrap().iter().find(|m| m["number"] == 13).unwrap();
    let motions = m13["motions"].as_array().unwrap();
    assert!(motions.len() > 1);
    assert_eq!(motions[0]["id"], "cabinet/2025-11-11/minutes#13a");
    assert!(!motions[0]["text"].as_str().unwrap().is_empty());
    let counts = &m13["vote_events"][0]["counts"];
    assert_eq!(counts[0], serde_json::json!({"option": "yes", "value": 4}));

    let decisions = json(&site, "data/decisions.json");
    let d = decisions["decisions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "cabinet-2025-11-11-13")
        .unwrap();
    assert_eq!(d["forward_plan_reference"], "KD 2025/26-07");
    assert_eq!(d["result"], "carried");
    assert!(d["text"].as_str().unwrap().starts_with("(a) "));

    let reports = json(&site, "data/reports.json");
    for r in reports["reports"].as_array().unwrap() {
        assert!(r.get("body").is_none());
        let url = r["url"].as_str().unwrap().strip_prefix(SAMPLE_ORIGIN).unwrap();
        assert!(site.file_for(url).is_some(), "no page for {url}");
        if let Some(pdf) = r.get("pdf_url") {
            let pdf = pdf.as_str().unwrap().strip_prefix(SAMPLE_ORIGIN).unwrap();
            assert!(site.file_for(pdf).is_some(), "no PDF at {pdf}");
        }
    }
    assert!(!json(&site, "data/forward-plan.json")["entries"].as_array().unwrap().is_empty());
    assert!(!json(&site, "data/work-programmes.json")["work_programmes"].as_array().unwrap().is_empty());
}

/// The rows of a CSV file, after checking its header.
fn csv_rows(site: &Site, rel: &str, header: &[&str]) -> Vec<csv::StringRecord> {
    let bytes = std::fs::read(site.dir.join(rel)).unwrap();
    assert!(std::str::from_utf8(&bytes).is_ok(), "{rel} is not UTF-8");
    let mut r = csv::Reader::from_reader(bytes.as_slice());
    assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), header, "{rel}");
    r.records().map(|x| x.unwrap_or_else(|e| panic!("{rel}: {e}"))).collect()
}

#[test]
fn csv_registers_parse_with_a_header() {
    let tmp = TempDir::new().unwrap();
    let site = sample(&tmp, "out");
    let decisions = csv_rows(
        &site,
        "data/decisions.csv",
        &[
            "id",
            "date",
            "title",
            "classification",
            "decision_maker_id",
            "decision_maker",
            "key_decision",
            "forward_plan_reference",
            "published",
            "call_in_status",
            "call_in_ends",
            "exempt_paragraph",
            "decision",
            "reasons",
            "url",
        ],
    );
    let json_decisions = json(&site, "data/decisions.json")["decisions"].as_array().unwrap().len();
    assert_eq!(decisions.len(), json_decisions);
    assert!(decisions.iter().any(|r| &r[0] == "cabinet-2025-11-11-13" && &r[6] == "yes"));

    let plan = csv_rows(
        &site,
        "data/forward-plan.csv",
        &[
            "reference",
            "title",
            "decision_maker_id",
            "decision_maker",
            "expected",
            "first_published",
            "status",
            "scrutiny_committee_id",
            "contact_id",
            "wards",
            "private_paragraph",
            "exempt_paragraph",
            "decision",
            "taken",
            "url",
        ],
    );
    assert!(plan.iter().any(|r| &r[0] == "KD 2025/26-07" && &r[13] == "cabinet/2025-11-11#7"));

    let attendance = csv_rows(
        &site,
        "data/attendance.csv",
        &[
            "meeting_id",
            "date",
            "committee_id",
            "committee",
            "person_id",
            "person",
            "attendance",
            "role",
            "substitute_for",
            "minutes_url",
        ],
    );
    let kinds: BTreeSet<&str> = attendance.iter().map(|r| r.get(6).unwrap()).collect();
    assert!(kinds.contains("present") && kinds.contains("officer"), "{kinds:?}");
    assert!(
        attendance.iter().any(|r| &r[0] == "cabinet/2025-11-11" && &r[4] == "priya-shah" && &r[7] == "chair"),
        "the chair of the Cabinet on 11 November 2025"
    );
    // One row per person per meeting and kind.
    let keys: BTreeSet<(String, String, String)> =
        attendance.iter().map(|r| (r[0].to_string(), r[4].to_string(), r[6].to_string())).collect();
    assert_eq!(keys.len(), attendance.len());
}

/// Every `<loc>` of the sitemap (and of the sitemaps an index names), parsed by Python's XML
/// parser; asserts the root elements are in the sitemaps namespace.
fn sitemap_locs(site: &Site) -> Vec<String> {
    const PARSE: &str = r#"
import sys
import xml.etree.ElementTree as ET
NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
root = ET.parse(sys.argv[1]).getroot()
assert root.tag in (NS + "urlset", NS + "sitemapindex"), root.tag
print(root.tag[len(NS):])
for loc in root.iter(NS + "loc"):
    print(loc.text)
"#;
    let mut locs = Vec::new();
    let mut queue = vec![site.dir.join("sitemap.xml")];
    while let Some(file) = queue.pop() {
        let out = python(PARSE, &[file.to_str().unwrap()]);
        let mut lines = out.lines();
        let kind = lines.next().unwrap();
        for loc in lines {
            if kind == "sitemapindex" {
                let rel = loc.strip_prefix(&format!("{SAMPLE_ORIGIN}/")).unwrap();
                queue.push(site.dir.join(rel));
            } else {
                locs.push(loc.to_string());
            }
        }
    }
    locs
}

#[test]
fn sitemap_lists_every_page_and_pdf_that_exists() {
    let tmp = TempDir::new().unwrap();
    let site = sample(&tmp, "out");
    let locs = sitemap_locs(&site);
    let mut listed = BTreeSet::new();
    for loc in &locs {
        let path = loc.strip_prefix(SAMPLE_ORIGIN).unwrap_or_else(|| panic!("{loc} is not absolute"));
        let file =
            site.file_for(path).unwrap_or_else(|| panic!("{loc} is in the sitemap but not in the site"));
        listed.insert(file.strip_prefix(&site.dir).unwrap().to_string_lossy().replace('\\', "/"));
    }
    assert_eq!(listed.len(), locs.len(), "URLs listed twice");
    for rel in site.files().keys() {
        let page = rel.ends_with(".html") && rel != "404.html" && !rel.starts_with("static/");
        let pdf = rel.ends_with(".pdf")
            && (rel.ends_with("/agenda-pack.pdf")
                || rel.ends_with("/supplementary-pack.pdf")
                || rel.ends_with("/report.pdf"));
        if page || pdf {
            assert!(listed.contains(rel), "{rel} is not in the sitemap");
        }
    }
    assert!(!listed.contains("404.html"));
    let xml = std::fs::read_to_string(site.dir.join("sitemap.xml")).unwrap();
    assert!(xml.contains("<lastmod>"), "no content dates in the sitemap");

    let robots = std::fs::read_to_string(site.dir.join("robots.txt")).unwrap();
    assert!(robots.contains("User-agent: *"), "{robots}");
    assert!(robots.contains(&format!("Sitemap: {SAMPLE_ORIGIN}/sitemap.xml")), "{robots}");
    assert!(!robots.contains("Disallow: /\n"), "{robots}");
}

#[test]
fn members_edition_turns_crawlers_away_and_marks_exempt_records() {
    let tmp = TempDir::new().unwrap();
    let site = exempt(&tmp, "members", "members");
    let robots = std::fs::read_to_string(site.dir.join("robots.txt")).unwrap();
    assert_eq!(robots, "User-agent: *\nDisallow: /\n");
    assert!(!site.dir.join("sitemap.xml").exists());
    let reports = json(&site, "data/reports.json");
    let housing = reports["reports"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "cabinet/2026-03-10/housing-company")
        .unwrap();
    assert_eq!(housing["exempt_paragraph"], 3);
    assert_eq!(housing["public_title"], "Housing company business case");
    assert_eq!(json(&site, "data/meetings.json")["edition"], "members");

    let public = exempt(&tmp, "public", "public");
    let reports = json(&public, "data/reports.json");
    let ids: Vec<&str> =
        reports["reports"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["cabinet/2026-03-10/budget-outturn"]);
    let meetings = json(&public, "data/meetings.json");
    let item7 = &meetings["events"][0]["agenda"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["order"] == 7)
        .unwrap()
        .clone();
    assert_eq!(item7["title"], "Disposal of land at Mill Lane");
    assert_eq!(item7["part"], 2);
    assert_eq!(item7["exempt_paragraph"], 3);
    assert!(item7.get("description").is_none() && item7["reports"].as_array().unwrap().is_empty());
}

fn canaries() -> Vec<String> {
    let text = std::fs::read_to_string(fixture("exempt").join("canaries.txt")).unwrap();
    let list: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_string)
        .collect();
    assert!(list.len() >= 40, "only {} canaries", list.len());
    list
}

/// The open data, sitemap and robots files of a build, by path.
fn outputs(site: &Site) -> Vec<(String, Vec<u8>)> {
    site.files()
        .into_iter()
        .filter(|(rel, _)| {
            rel.starts_with("data/")
                || rel.starts_with("sitemaps/")
                || rel == "sitemap.xml"
                || rel == "robots.txt"
        })
        .collect()
}

#[test]
fn no_exempt_canary_in_the_public_data_sitemap_or_robots() {
    let tmp = TempDir::new().unwrap();
    let site = exempt(&tmp, "public", "public");
    let files = outputs(&site);
    assert!(files.len() >= DOCUMENTS.len() * 2 + 5, "{} files", files.len());
    let mut found = Vec::new();
    for c in canaries() {
        let needle = c.to_ascii_lowercase();
        for (rel, bytes) in &files {
            let lower = bytes.to_ascii_lowercase();
            if rel.to_ascii_lowercase().contains(&needle)
                || lower.windows(needle.len()).any(|w| w == needle.as_bytes())
            {
                found.push(format!("{c} in {rel}"));
            }
        }
    }
    assert!(found.is_empty(), "exempt material in the public data:\n{}", found.join("\n"));

    // The canaries are really in the members' data, so the search above can find them.
    let members = exempt(&tmp, "members", "members");
    let all: Vec<u8> = outputs(&members).into_iter().flat_map(|(_, b)| b).collect();
    assert!(all.windows(17).any(|w| w == b"CANARYREPORTTITLE"));
}

fn same_outputs(a: &Site, b: &Site) {
    let (x, y) = (outputs(a), outputs(b));
    assert_eq!(
        x.iter().map(|(r, _)| r.as_str()).collect::<Vec<_>>(),
        y.iter().map(|(r, _)| r.as_str()).collect::<Vec<_>>()
    );
    for ((rel, p), (_, q)) in x.iter().zip(&y) {
        assert!(p == q, "{rel} differs between two builds");
    }
}

#[test]
fn outputs_are_byte_identical_across_builds() {
    let tmp = TempDir::new().unwrap();
    same_outputs(&sample(&tmp, "a"), &sample(&tmp, "b"));
    same_outputs(&exempt(&tmp, "c", "public"), &exempt(&tmp, "d", "public"));
    same_outputs(&exempt(&tmp, "e", "members"), &exempt(&tmp, "f", "members"));
}

#[test]
fn sub_path_sites_put_the_path_in_every_url() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("out");
    build_ok(
        &fixture("exempt"),
        &out,
        &["--as-of", "2026-04-10", "--base-url", "https://example.gov.uk/democracy/"],
    );
    let site = Site { dir: out, base: "/democracy/".into() };
    let robots = std::fs::read_to_string(site.dir.join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://example.gov.uk/democracy/sitemap.xml"), "{robots}");
    let meetings = json(&site, "data/meetings.json");
    assert_eq!(meetings["$schema"], "https://example.gov.uk/democracy/data/schema/meetings.schema.json");
    let xml = std::fs::read_to_string(site.dir.join("sitemap.xml")).unwrap();
    for loc in xml.lines().filter_map(|l| l.trim().strip_prefix("<loc>")?.strip_suffix("</loc>")) {
        let path = loc.strip_prefix("https://example.gov.uk").unwrap();
        assert!(site.file_for(path).is_some(), "{loc} is not in the site");
    }
}
