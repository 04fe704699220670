//! Dates, times, sizes and formats as English council papers write them.

use jiff::civil::{Date, Time};
use serde::Serialize;

/// A date in the forms templates need.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Day {
    /// `2025-06-10`, for `<time datetime>`.
    pub iso: String,
    /// `10 June 2025`.
    pub text: String,
    /// `Tuesday 10 June 2025`.
    pub long: String,
}

impl Day {
    /// From a date.
    pub fn of(d: Date) -> Self {
        Day {
            iso: d.to_string(),
            text: d.strftime("%-d %B %Y").to_string(),
            long: d.strftime("%A %-d %B %Y").to_string(),
        }
    }
}

/// `6.30 pm`, `10.00 am`, `12 noon`.
pub fn time(t: Time) -> String {
    let (h, m) = (t.hour(), t.minute());
    if h == 12 && m == 0 {
        return "12 noon".to_string();
    }
    let suffix = if h < 12 { "am" } else { "pm" };
    let h12 = match h % 12 {
        0 => 12,
        x => x,
    };
    format!("{h12}.{m:02} {suffix}")
}

/// `245 KB`, `1.2 MB`.
pub fn size(bytes: u64) -> String {
    if bytes < 1024 {
        format!("{bytes} bytes")
    } else if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

/// `PDF`, `Excel spreadsheet`, from a file name.
pub fn format_of(path: &str) -> String {
    let ext = path.rsplit_once('.').map_or("", |(_, e)| e).to_ascii_lowercase();
    match ext.as_str() {
        "pdf" => "PDF".into(),
        "xlsx" | "xls" => "Excel spreadsheet".into(),
        "ods" => "OpenDocument spreadsheet".into(),
        "csv" => "CSV".into(),
        "docx" | "doc" => "Word document".into(),
        "odt" => "OpenDocument text".into(),
        "png" | "jpg" | "jpeg" | "gif" | "webp" | "svg" => "image".into(),
        "" => "file".into(),
        other => other.to_ascii_uppercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn council_style() {
        assert_eq!(time(Time::constant(18, 30, 0, 0)), "6.30 pm");
        assert_eq!(time(Time::constant(10, 0, 0, 0)), "10.00 am");
        assert_eq!(time(Time::constant(12, 0, 0, 0)), "12 noon");
        assert_eq!(Day::of(Date::constant(2025, 6, 10)).long, "Tuesday 10 June 2025");
        assert_eq!(size(250_000), "245 KB");
        assert_eq!(format_of("a/b/Site-Plan.PDF"), "PDF");
    }
}
