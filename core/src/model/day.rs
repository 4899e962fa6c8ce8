//! A calendar day, as the group's record keeps dates: the number of days since 1970-01-01
//! (proleptic Gregorian), so that dates sort, subtract and travel in two or three bytes.
//! Core has no clock: the app gives today's day.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One calendar day.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
pub struct Day(pub u32);

/// Milliseconds in a day.
pub const MS_PER_DAY: u64 = 86_400_000;

impl Day {
    /// The day of a Unix time in milliseconds (UTC).
    pub fn from_unix_ms(ms: u64) -> Day {
        Day(u32::try_from(ms / MS_PER_DAY).unwrap_or(u32::MAX))
    }

    /// The day of a civil date, if it exists (`month` 1–12, `day` 1–31, years 1970–9999).
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Day> {
        if !(1970..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        if day > days_in_month(year, month) {
            return None;
        }
        // Howard Hinnant's days_from_civil.
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
        let doe = i64::from(yoe) * 365 + i64::from(yoe) / 4 - i64::from(yoe) / 100 + doy;
        let days = i64::from(era) * 146_097 + doe - 719_468;
        u32::try_from(days).ok().map(Day)
    }

    /// Year, month (1–12) and day of month (1–31).
    pub fn ymd(self) -> (i32, u32, u32) {
        let z = i64::from(self.0) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        (y as i32, m as u32, d as u32)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.ymd().0
    }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday.
        (self.0 + 3) % 7
    }

    /// `dd/MM/yyyy`, as French spreadsheets and the Coop's exports write dates.
    pub fn to_french(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{d:02}/{m:02}/{y:04}")
    }

    /// `yyyy-MM-dd` (ISO 8601), as date inputs give and take them.
    pub fn to_iso(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// Reads `yyyy-MM-dd` (an `<input type="date">` value) or `dd/MM/yyyy`.
    pub fn parse(text: &str) -> Option<Day> {
        let text = text.trim();
        let parts: Vec<&str> = if text.contains('-') {
            text.split('-').collect()
        } else {
            let mut p: Vec<&str> = text.split('/').collect();
            p.reverse();
            p
        };
        let [y, m, d] = parts.as_slice() else {
            return None;
        };
        if y.len() != 4 || m.is_empty() || m.len() > 2 || d.is_empty() || d.len() > 2 {
            return None;
        }
        Day::from_ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// The day `n` days later.
    pub fn plus(self, n: u32) -> Day {
        Day(self.0.saturating_add(n))
    }

    /// The first day of this day's month.
    pub fn month_start(self) -> Day {
        let (y, m, _) = self.ymd();
        Day::from_ymd(y, m, 1).unwrap_or(self)
    }
}

/// Days in a month of a year (leap years included).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Debug for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Day({})", self.to_iso())
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_french())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_dates() {
        assert_eq!(Day::from_ymd(1970, 1, 1), Some(Day(0)));
        assert_eq!(Day::from_ymd(2000, 3, 1).map(Day::ymd), Some((2000, 3, 1)));
        assert_eq!(
            Day::from_ymd(2024, 2, 29).map(Day::to_french).as_deref(),
            Some("29/02/2024")
        );
        assert_eq!(Day::from_ymd(2023, 2, 29), None);
        assert_eq!(Day::from_ymd(2026, 12, 2).map(Day::weekday), Some(2)); // a Wednesday
        assert_eq!(Day::parse("2026-12-02"), Day::from_ymd(2026, 12, 2));
        assert_eq!(Day::parse("02/12/2026"), Day::from_ymd(2026, 12, 2));
        assert_eq!(Day::parse("2026-13-02"), None);
        assert_eq!(Day::parse("hier"), None);
        assert_eq!(
            Some(Day::from_unix_ms(1_764_633_600_000)),
            Day::from_ymd(2025, 12, 2)
        );
    }

    proptest! {
        #[test]
        fn civil_round_trip(n in 0u32..2_900_000) {
            let (y, m, d) = Day(n).ymd();
            prop_assert_eq!(Day::from_ymd(y, m, d), Some(Day(n)));
            prop_assert_eq!(Day::parse(&Day(n).to_iso()), Some(Day(n)));
            prop_assert_eq!(Day::parse(&Day(n).to_french()), Some(Day(n)));
        }
    }
}
