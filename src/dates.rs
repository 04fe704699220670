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

    /// The number of clear working days between two dates: working days strictly after `from`
    /// and strictly before `to`. An agenda published on Monday 23 November 2026 for a meeting on
    /// Wednesday 2 December has six (Tuesday 24 November to Tuesday 1 December, less the
    /// weekend).
    pub fn clear_working_days_between(&self, from: Date, to: Date) -> i64 {
        let mut n = 0;
        let mut d = from;
        loop {
            d = match d.tomorrow() {
                Ok(x) => x,
                Err(_) => return n,
            };
            if d >= to {
                return n;
            }
            if self.is_working_day(d) {
                n += 1;
            }
        }
    }

    /// The last working day that leaves `n` clear working days before `to`: the day by which
    /// an agenda must be published for a meeting on `to` (with `n` = 5). For Cabinet on Tuesday
    /// 15 December 2026 that is Monday 7 December: Tuesday 8 to Monday 14 December, less the
    /// weekend, are the five clear working days.
    pub fn clear_working_days_before(&self, to: Date, n: u32) -> Date {
        let mut d = to;
        let mut counted = 0;
        while counted < n {
            d = match d.yesterday() {
                Ok(x) => x,
                Err(_) => return d,
            };
            if self.is_working_day(d) {
                counted += 1;
            }
        }
        // `d` is the earliest of the clear days; publication is on a working day before it.
        loop {
            d = match d.yesterday() {
                Ok(x) => x,
                Err(_) => return d,
            };
            if self.is_working_day(d) {
                return d;
            }
        }
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
    fn agenda_deadlines() {
        let c = Calendar::default();
        // Cabinet on Tuesday 15 December 2026: Tuesday 8 to Monday 14 December are clear.
        assert_eq!(c.clear_working_days_before(date("2026-12-15"), 5), date("2026-12-07"));
        // Tuesday 5 January 2027: Christmas Day, Boxing Day (substituted on Monday 28
        // December) and New Year's Day do not count, so the clear days are 24, 29, 30 and 31
        // December and 4 January, and publication is by Wednesday 23 December.
        assert_eq!(c.clear_working_days_before(date("2027-01-05"), 5), date("2026-12-23"));
        // A meeting on a Monday: the deadline is the Friday of the week before last.
        assert_eq!(c.clear_working_days_before(date("2026-11-30"), 5), date("2026-11-20"));
        assert_eq!(c.clear_working_days_between(date("2026-11-23"), date("2026-12-02")), 6);
    }

    #[test]
    fn the_deadline_is_the_last_day_that_leaves_five_clear_days() {
        let c = Calendar::default();
        let mut meeting = date("2026-01-01");
        while meeting < date("2028-01-01") {
            let by = c.clear_working_days_before(meeting, 5);
            assert!(c.is_working_day(by), "{meeting}: {by}");
            assert_eq!(c.clear_working_days_between(by, meeting), 5, "{meeting}: {by}");
            let next = c.clear_working_days_after(by, 1);
            assert!(c.clear_working_days_between(next, meeting) < 5, "{meeting}: {by}");
            meeting = meeting.tomorrow().unwrap();
        }
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
