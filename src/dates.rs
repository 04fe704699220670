//! Working days and bank holidays, for statutory periods such as the five clear working days of
//! call-in.
//!
//! Bank holidays come from `data/bank-holidays/england-and-wales.txt`, compiled in, plus any a
//! site adds in `content/bank-holidays.txt` (same format). Nothing is fetched from the network.

use std::collections::BTreeSet;

use jiff::civil::{Date, Weekday};

const ENGLAND_AND_WALES: &str = include_str!("../data/bank-holidays/england-and-wales.txt");
const SCOTLAND: &str = include_str!("../data/bank-holidays/scotland.txt");
const NORTHERN_IRELAND: &str = include_str!("../data/bank-holidays/northern-ireland.txt");

/// Which days are working days.
#[derive(Debug, Clone)]
pub struct Calendar {
    holidays: BTreeSet<Date>,
}

/// A line of a bank holiday file that could not be read: (line number from 1, the line).
pub type BadLine = (usize, String);

/// Parses a bank holiday file: `yyyy-mm-dd name`, `#` comments, blank lines.
pub fn parse_holidays(text: &str) -> (Vec<Date>, Vec<BadLine>) {
    let mut dates = Vec::new();
    let mut bad = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let first = line.split_whitespace().next().unwrap_or("");
        match first.parse::<Date>() {
            Ok(d) => dates.push(d),
            Err(_) => bad.push((i + 1, line.to_string())),
        }
    }
    (dates, bad)
}

impl Default for Calendar {
    fn default() -> Self {
        let (dates, _) = parse_holidays(ENGLAND_AND_WALES);
        Calendar { holidays: dates.into_iter().collect() }
    }
}

impl Calendar {
    /// England and Wales with extra dates added.
    pub fn with_extra(extra: impl IntoIterator<Item = Date>) -> Self {
        Calendar::for_region(crate::model::Region::EnglandAndWales, extra)
    }

    /// A region's bank holidays with extra dates added.
    pub fn for_region(region: crate::model::Region, extra: impl IntoIterator<Item = Date>) -> Self {
        let text = match region {
            crate::model::Region::EnglandAndWales => ENGLAND_AND_WALES,
            crate::model::Region::Scotland => SCOTLAND,
            crate::model::Region::NorthernIreland => NORTHERN_IRELAND,
        };
        let (dates, _) = parse_holidays(text);
        let mut holidays: BTreeSet<Date> = dates.into_iter().collect();
        holidays.extend(extra);
        Calendar { holidays }
    }

    /// Whether a date is a bank holiday.
    pub fn is_bank_holiday(&self, d: Date) -> bool {
        self.holidays.contains(&d)
    }

    /// Monday to Friday and not a bank holiday.
    pub fn is_working_day(&self, d: Date) -> bool {
        !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) && !self.is_bank_holiday(d)
    }

    /// The last of `n` clear working days after `from`: `from` itself does not count, and the
    /// period ends at the end of the day returned. Five clear working days after a decision
    /// notice published on Thursday 2 April 2026 end on Monday 13 April (Good Friday and Easter
    /// Monday are not working days).
    pub fn clear_working_days_after(&self, from: Date, n: u32) -> Date {
        let mut d = from;
        let mut counted = 0;
        while counted < n {
            d = d.tomorrow().unwrap_or(d);
            if self.is_working_day(d) {
                counted += 1;
            }
        }
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn call_in_across_easter() {
        let c = Calendar::default();
        assert!(c.is_bank_holiday(date("2026-04-03")) && c.is_bank_holiday(date("2026-04-06")));
        assert_eq!(c.clear_working_days_after(date("2026-04-02"), 5), date("2026-04-13"));
    }

    #[test]
    fn ordinary_week_and_substitute_days() {
        let c = Calendar::default();
        // Published on a Monday: Tuesday to Monday.
        assert_eq!(c.clear_working_days_after(date("2026-11-23"), 5), date("2026-11-30"));
        // Christmas 2026 falls on a Friday; Boxing Day is substituted on Monday 28 December.
        assert!(c.is_bank_holiday(date("2026-12-28")));
        assert_eq!(c.clear_working_days_after(date("2026-12-23"), 5), date("2027-01-04"));
    }

    #[test]
    fn data_covers_2009_to_2030() {
        for (name, text) in [
            ("england-and-wales", ENGLAND_AND_WALES),
            ("scotland", SCOTLAND),
            ("northern-ireland", NORTHERN_IRELAND),
        ] {
            let (dates, bad) = parse_holidays(text);
            assert!(bad.is_empty(), "{name}");
            for y in 2009..=2030 {
                let n = dates.iter().filter(|d| d.year() == y).count();
                assert!((8..=12).contains(&n), "{name} {y}: {n} bank holidays");
            }
        }
    }

    #[test]
    fn regions_differ() {
        use crate::model::Region;
        let scotland = Calendar::for_region(Region::Scotland, []);
        let ni = Calendar::for_region(Region::NorthernIreland, []);
        let ew = Calendar::default();
        assert!(scotland.is_bank_holiday(date("2026-11-30")) && !ew.is_bank_holiday(date("2026-11-30")));
        assert!(!scotland.is_bank_holiday(date("2026-04-06")) && ew.is_bank_holiday(date("2026-04-06")));
        assert!(ni.is_bank_holiday(date("2026-07-13")) && ni.is_bank_holiday(date("2026-03-17")));
    }
}
