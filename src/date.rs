use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::macros::{date, format_description};

/// A calendar date written as an ISO date (`2026-06-02`).
///
/// Wraps [`time::Date`] so that it (de)serialises as the ISO string and
/// orders chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoDate(time::Date);

/// Earliest date the explorer accepts (well before any model in the data).
pub const EARLIEST: IsoDate = IsoDate::from_date(date!(1950 - 01 - 01));
/// Latest date the explorer accepts.
pub const LATEST: IsoDate = IsoDate::from_date(date!(2100 - 12 - 31));

impl IsoDate {
    /// A date written in the source, checked at compile time by `time`'s
    /// `date!` macro: `IsoDate::from_date(time::macros::date!(2025-08-02))`.
    /// No range check: meant for constants, not for input.
    pub const fn from_date(date: time::Date) -> Self {
        IsoDate(date)
    }

    /// Parses `YYYY-MM-DD`, rejecting impossible dates such as `2026-02-30`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let format = format_description!("[year]-[month]-[day]");
        let date = time::Date::parse(text.trim(), format)
            .map_err(|e| format!("expected an ISO date such as 2026-06-02, got {text:?} ({e})"))?;
        Self::checked(date)
    }

    /// A calendar date from input, if it lies from [`EARLIEST`] to [`LATEST`].
    pub fn checked(date: time::Date) -> Result<Self, String> {
        let date = IsoDate(date);
        if date < EARLIEST || date > LATEST {
            return Err(format!("{date} is outside {EARLIEST} to {LATEST}"));
        }
        Ok(date)
    }

    /// The date of `year`, `month` (1 to 12) and `day`, if it is a real
    /// date from [`EARLIEST`] to [`LATEST`].
    pub fn ymd(year: i32, month: u8, day: u8) -> Option<Self> {
        let month = time::Month::try_from(month).ok()?;
        let date = time::Date::from_calendar_date(year, month, day).ok()?;
        Self::checked(date).ok()
    }

    /// The calendar year.
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        u8::from(self.0.month())
    }

    /// The date as a fractional year (2026-07-02 is about 2026.5), for charts.
    pub fn year_fraction(self) -> f64 {
        let year = self.0.year();
        let days = if time::util::is_leap_year(year) {
            366.0
        } else {
            365.0
        };
        f64::from(year) + f64::from(self.0.ordinal() - 1) / days
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.0.year(),
            u8::from(self.0.month()),
            self.0.day()
        )
    }
}

impl Serialize for IsoDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        IsoDate::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_iso_dates() {
        let d = IsoDate::parse("2026-06-02").unwrap();
        assert_eq!(d.to_string(), "2026-06-02");
        assert!(d > IsoDate::parse("2025-08-02").unwrap());
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        assert!(IsoDate::parse("2026-02-30").is_err());
        assert!(IsoDate::parse("June 2026").is_err());
        assert!(IsoDate::parse("3026-01-01").is_err());
    }

    #[test]
    fn literals_agree_with_parsing_and_bound_it() {
        assert_eq!(
            IsoDate::from_date(date!(2025 - 08 - 02)),
            IsoDate::parse("2025-08-02").unwrap()
        );
        assert_eq!(IsoDate::parse("1950-01-01"), Ok(EARLIEST));
        assert_eq!(IsoDate::parse("2100-12-31"), Ok(LATEST));
        assert!(IsoDate::parse("1949-12-31").is_err());
    }

    #[test]
    fn year_fraction_is_monotonic() {
        let a = IsoDate::parse("2026-01-01").unwrap().year_fraction();
        let b = IsoDate::parse("2026-07-02").unwrap().year_fraction();
        assert_eq!(a, 2026.0);
        assert!((b - 2026.5).abs() < 0.01);
    }
}
