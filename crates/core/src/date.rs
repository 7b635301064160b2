//! A plain calendar date. The core never reads the wall clock: every "today" is an input.

use crate::error::{Error, Result};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(type = "string", rename = "DateString")
)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

pub const DUTCH_MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Result<Date> {
        if !(1900..=2200).contains(&year) {
            return Err(Error::new(
                "DATE_INVALID",
                "Het jaar ligt buiten het bereik 1900-2200.",
            ));
        }
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(Error::new("DATE_INVALID", "Deze datum bestaat niet."));
        }
        Ok(Date { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// Parses `jjjj-mm-dd` (ISO) and the Dutch `dd-mm-jjjj` / `d-m-jjjj` with `-`, `/` or `.`.
    pub fn parse(text: &str) -> Result<Date> {
        let t = text.trim();
        let bad = || {
            Error::new(
                "DATE_INVALID",
                "Vul een datum in als dd-mm-jjjj of jjjj-mm-dd.",
            )
        };
        let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
        if parts.len() != 3
            || parts
                .iter()
                .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(bad());
        }
        let num = |s: &str| s.parse::<i32>().map_err(|_| bad());
        let (y, m, d) = if parts[0].len() == 4 {
            (num(parts[0])?, num(parts[1])?, num(parts[2])?)
        } else if parts[2].len() == 4 && parts[0].len() <= 2 && parts[1].len() <= 2 {
            (num(parts[2])?, num(parts[1])?, num(parts[0])?)
        } else {
            return Err(bad());
        };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return Err(Error::new("DATE_INVALID", "Deze datum bestaat niet."));
        }
        Date::new(y, m as u8, d as u8)
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for differences and ordering.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Whole years of age on `reference`.
    pub fn age_on(self, reference: Date) -> i32 {
        let mut age = reference.year - self.year;
        if (reference.month, reference.day) < (self.month, self.day) {
            age -= 1;
        }
        age
    }

    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The forms in which people write this date in Dutch text; used by the leak guard.
    pub fn written_forms(self) -> Vec<String> {
        let (y, m, d) = (self.year, self.month, self.day);
        let month_name = DUTCH_MONTHS[usize::from(m) - 1];
        let mut forms = vec![
            format!("{y:04}-{m:02}-{d:02}"),
            format!("{d:02}-{m:02}-{y:04}"),
            format!("{d}-{m}-{y:04}"),
            format!("{d:02}{m:02}{y:04}"),
            format!("{y:04}{m:02}{d:02}"),
            format!("{d} {month_name} {y}"),
            format!("{d:02} {month_name} {y}"),
            format!("{d} {} {y}", &month_name[..3]),
        ];
        forms.sort();
        forms.dedup();
        forms
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).map_err(|e| serde::de::Error::custom(e.message))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_iso_and_dutch_forms() {
        let want = Date::new(1999, 3, 7).unwrap();
        for s in [
            "1999-03-07",
            "07-03-1999",
            "7-3-1999",
            "7/3/1999",
            "07.03.1999",
        ] {
            assert_eq!(Date::parse(s).unwrap(), want, "{s}");
        }
        for s in [
            "",
            "1999-13-01",
            "31-02-2000",
            "2000-02-30",
            "abc",
            "1-1-99",
            "1999-3",
        ] {
            assert!(Date::parse(s).is_err(), "{s}");
        }
        assert!(Date::parse("29-02-2000").is_ok());
        assert!(Date::parse("29-02-1900").is_err());
    }

    #[test]
    fn epoch_round_trip() {
        for days in (-30_000..80_000).step_by(37) {
            let d = Date::from_days_since_epoch(days);
            assert_eq!(d.days_since_epoch(), days);
        }
        assert_eq!(Date::new(1970, 1, 1).unwrap().days_since_epoch(), 0);
    }

    #[test]
    fn age_counts_birthdays() {
        let born = Date::new(2008, 6, 15).unwrap();
        assert_eq!(born.age_on(Date::new(2026, 6, 14).unwrap()), 17);
        assert_eq!(born.age_on(Date::new(2026, 6, 15).unwrap()), 18);
    }
}
