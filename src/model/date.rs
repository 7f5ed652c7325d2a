//! A calendar date, serialized as ISO 8601 `YYYY-MM-DD`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A valid proleptic Gregorian calendar date.
///
/// ```
/// use thongbao::Date;
/// let d: Date = "2024-02-29".parse().unwrap();
/// assert_eq!(d.to_string(), "2024-02-29");
/// assert!("2023-02-29".parse::<Date>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// The error of [`Date::from_str`]: the text is not a valid `YYYY-MM-DD` date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid date {0:?}: expected a valid calendar date as YYYY-MM-DD")]
pub struct DateError(String);

impl Date {
    /// The date, if `year`-`month`-`day` exists in the calendar (years 1000–9999).
    pub fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        if !(1000..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        let (year, month) = (year as u16, month as u8);
        if day < 1 || day > u32::from(days_in_month(year, month)) {
            return None;
        }
        Some(Date { year, month, day: day as u8 })
    }

    /// The last day of `month` in `year`.
    pub fn last_of_month(year: u32, month: u32) -> Option<Date> {
        let m = u8::try_from(month).ok()?;
        let y = u16::try_from(year).ok()?;
        if !(1..=12).contains(&m) {
            return None;
        }
        Date::new(year, month, u32::from(days_in_month(y, m)))
    }

    /// The year.
    pub fn year(self) -> u32 {
        u32::from(self.year)
    }

    /// The month, 1–12.
    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// The date `days` days later (saturating at year 9999).
    pub fn add_days(self, days: u32) -> Date {
        let mut d = self;
        for _ in 0..days.min(3_000_000) {
            d = d.next_day();
        }
        d
    }

    /// The day of the week, 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u32 {
        // Sakamoto's method.
        const T: [u32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
        let mut y = self.year();
        if self.month < 3 {
            y -= 1;
        }
        let t = T.get(usize::from(self.month - 1)).copied().unwrap_or(0);
        let sunday0 = (y + y / 4 - y / 100 + y / 400 + t + self.day()) % 7;
        (sunday0 + 6) % 7
    }

    fn next_day(self) -> Date {
        if self.day < days_in_month(self.year, self.month) {
            Date { day: self.day + 1, ..self }
        } else if self.month < 12 {
            Date { month: self.month + 1, day: 1, ..self }
        } else if self.year < 9999 {
            Date { year: self.year + 1, month: 1, day: 1 }
        } else {
            self
        }
    }
}

fn is_leap(y: u16) -> bool {
    (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400)
}

fn days_in_month(y: u16, m: u8) -> u8 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Date, DateError> {
        let err = || DateError(s.to_string());
        let mut parts = s.split('-');
        let (Some(y), Some(m), Some(d), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return Err(err());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(err());
        }
        let num = |p: &str| p.parse::<u32>().map_err(|_| err());
        Date::new(num(y)?, num(m)?, num(d)?).ok_or_else(err)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A string in the JSON Schema, with `format: date` (RFC 3339 `full-date`).
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A calendar date, ISO 8601 `YYYY-MM-DD`.",
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_rules() {
        let cases = [
            ((2024, 2, 29), true),
            ((2023, 2, 29), false),
            ((2100, 2, 29), false),
            ((2000, 2, 29), true),
            ((2024, 4, 31), false),
            ((2024, 13, 1), false),
            ((2024, 12, 31), true),
            ((999, 1, 1), false),
        ];
        for ((y, m, d), ok) in cases {
            assert_eq!(Date::new(y, m, d).is_some(), ok, "{y}-{m}-{d}");
        }
    }

    #[test]
    fn arithmetic_and_weekday() {
        let d = Date::new(2024, 2, 28).unwrap();
        assert_eq!(d.add_days(2).to_string(), "2024-03-01");
        assert_eq!(Date::new(2024, 12, 31).unwrap().add_days(1).to_string(), "2025-01-01");
        assert_eq!(Date::new(2024, 1, 30).unwrap().weekday(), 1); // a Tuesday
        assert_eq!(Date::last_of_month(2024, 2).unwrap().to_string(), "2024-02-29");
    }

    #[test]
    fn parse_and_print() {
        for s in ["2024-01-03", "1999-12-31"] {
            assert_eq!(s.parse::<Date>().unwrap().to_string(), s);
        }
        for s in ["2024-1-03", "2024-01-32", "x", "2024-01-03-1", ""] {
            assert!(s.parse::<Date>().is_err(), "{s}");
        }
    }
}
