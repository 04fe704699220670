//! Proof of publication: `content/publication-record.jsonl`.
//!
//! `agendum publish` appends one line whenever a public document first appears or its public
//! rendering changes: the document's id and address, the time, the SHA-256 of the page (with
//! the publication notice itself left out, so recording a publication does not change the
//! hash), and the SHA-256 of the previous line. The chain of hashes makes any later edit of a
//! past line detectable; the record is only ever appended to. `agendum build` only reads it.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The record's file name in `content/`.
pub const FILE: &str = "publication-record.jsonl";

/// Marks around the publication notice in a page; the hash leaves this part out.
pub const NOTICE_START: &str = "<!--publication-->";
/// End of the publication notice.
pub const NOTICE_END: &str = "<!--/publication-->";

/// One line of the record.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// 1, 2, 3 … in order.
    pub seq: u64,
    /// Document id: `cabinet/2025-06-10` (agenda), `cabinet/2025-06-10/budget` (report),
    /// `cabinet/2025-06-10/minutes`, `decisions/<id>`, `forward-plan/<slug>`.
    pub id: String,
    /// The page's address, from the site root.
    pub url: String,
    /// When it was recorded, UTC, `2026-11-23T09:30:00Z`.
    pub time: String,
    /// SHA-256 of the page, in hex.
    pub sha256: String,
    /// SHA-256 of the previous line's text (empty for the first line).
    pub prev: String,
}

/// A problem with the record: the line (from 1) and what is wrong.
pub type Problem = (usize, String);

/// Hex SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    crate::hex::encode(&digest)
}

/// The hash of a page: its bytes without the publication notice.
pub fn page_hash(html: &[u8]) -> String {
    let text = String::from_utf8_lossy(html);
    let stripped = match (text.find(NOTICE_START), text.find(NOTICE_END)) {
        (Some(a), Some(b)) if b > a => format!("{}{}", &text[..a], &text[b + NOTICE_END.len()..]),
        _ => text.into_owned(),
    };
    sha256_hex(stripped.as_bytes())
}

/// Reads and verifies the record: sequence numbers run 1, 2, 3 …, times never go backwards,
/// and each line names the hash of the one before.
pub fn parse(text: &str) -> Result<Vec<Entry>, Vec<Problem>> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut problems = Vec::new();
    let mut prev_line: Option<&str> = None;
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let entry: Entry = match serde_json::from_str(line) {
            Ok(e) => e,
            Err(e) => {
                problems.push((n, format!("this line is not a publication record entry: {e}")));
                prev_line = Some(line);
                continue;
            }
        };
        let expected_prev = prev_line.map(|p| sha256_hex(p.as_bytes())).unwrap_or_default();
        if entry.prev != expected_prev {
            problems
                .push((n, "this line does not follow the line before it: the record has been edited".into()));
        }
        if entry.seq != entries.len() as u64 + 1 {
            problems
                .push((n, format!("entry {} is out of order (expected {})", entry.seq, entries.len() + 1)));
        }
        match entry.time.parse::<jiff::Timestamp>() {
            Err(_) => problems.push((n, format!("`{}` is not a time", entry.time))),
            Ok(t) => {
                if let Some(last) = entries.last().and_then(|e| e.time.parse::<jiff::Timestamp>().ok()) {
                    if t < last {
                        problems.push((n, "this entry is earlier than the one before it".into()));
                    }
                }
            }
        }
        prev_line = Some(line);
        entries.push(entry);
    }
    if problems.is_empty() { Ok(entries) } else { Err(problems) }
}

/// When each document was first published and revised, by id (dates in England).
pub fn history(entries: &[Entry]) -> BTreeMap<String, Vec<Date>> {
    let mut out: BTreeMap<String, Vec<Date>> = BTreeMap::new();
    for e in entries {
        if let Ok(t) = e.time.parse::<jiff::Timestamp>() {
            let date = t
                .in_tz("Europe/London")
                .map(|z| z.date())
                .unwrap_or_else(|_| t.to_zoned_datetime(jiff::tz::TimeZone::UTC).date());
            out.entry(e.id.clone()).or_default().push(date);
        }
    }
    out
}

/// The lines to append for documents that are new or changed, given `(id, url, sha256)` of
/// every public document now.
pub fn new_lines(
    existing_text: &str,
    entries: &[Entry],
    documents: &[(String, String, String)],
    now: jiff::Timestamp,
) -> String {
    let mut latest: BTreeMap<&str, &str> = BTreeMap::new();
    for e in entries {
        latest.insert(e.id.as_str(), e.sha256.as_str());
    }
    let mut prev = existing_text
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .map(|l| sha256_hex(l.as_bytes()))
        .unwrap_or_default();
    let mut seq = entries.len() as u64;
    let time = now.strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
    let mut out = String::new();
    for (id, url, hash) in documents {
        if latest.get(id.as_str()) == Some(&hash.as_str()) {
            continue;
        }
        seq += 1;
        let entry = Entry {
            seq,
            id: id.clone(),
            url: url.clone(),
            time: time.clone(),
            sha256: hash.clone(),
            prev: prev.clone(),
        };
        let line = serde_json::to_string(&entry).unwrap_or_default();
        prev = sha256_hex(line.as_bytes());
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chain_detects_edits() {
        let now: jiff::Timestamp = "2026-11-23T09:30:00Z".parse().unwrap();
        let docs = vec![(
            "cabinet/2026-01-01".to_string(),
            "/committees/cabinet/2026-01-01/".to_string(),
            "aa".to_string(),
        )];
        let text = new_lines("", &[], &docs, now);
        let entries = parse(&text).unwrap();
        assert_eq!(entries.len(), 1);
        // Unchanged documents add nothing; a changed one adds a revision.
        assert_eq!(new_lines(&text, &entries, &docs, now), "");
        let changed = vec![(docs[0].0.clone(), docs[0].1.clone(), "bb".to_string())];
        let text2 = format!("{text}{}", new_lines(&text, &entries, &changed, now));
        assert_eq!(parse(&text2).unwrap().len(), 2);
        // Editing a past line breaks the chain.
        let tampered = text2.replacen("\"aa\"", "\"cc\"", 1);
        let problems = parse(&tampered).unwrap_err();
        assert_eq!(problems[0].0, 2);
    }

    #[test]
    fn the_notice_is_not_hashed() {
        let a = format!("<p>x</p>{NOTICE_START}Published on 1 May{NOTICE_END}");
        let b = format!("<p>x</p>{NOTICE_START}Published on 1 May; revised on 2 May{NOTICE_END}");
        assert_eq!(page_hash(a.as_bytes()), page_hash(b.as_bytes()));
    }
}
