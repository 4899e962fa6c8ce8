//! [`Period`]: the days a report covers (from and to, both included), as the period picker
//! offers them (this year, last year, a month, from–to), and the previous period of the
//! same length that figures are compared with.

use serde::{Deserialize, Serialize};

use super::error::ReportError;
use crate::model::day::days_in_month;
use crate::model::Day;

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
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

/// The days a report covers, both ends included; `from <= to` always.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    from: Day,
    to: Day,
}

impl Period {
    /// From `from` to `to`, both included.
    pub fn new(from: Day, to: Day) -> Result<Period, ReportError> {
        if from > to {
            return Err(ReportError::PeriodReversed);
        }
        Ok(Period { from, to })
    }

    /// A calendar year.
    pub fn year(year: i32) -> Result<Period, ReportError> {
        let from = Day::from_ymd(year, 1, 1).ok_or(ReportError::NoSuchDate)?;
        let to = Day::from_ymd(year, 12, 31).ok_or(ReportError::NoSuchDate)?;
        Period::new(from, to)
    }

    /// A calendar month (`month` 1–12).
    pub fn month(year: i32, month: u32) -> Result<Period, ReportError> {
        let from = Day::from_ymd(year, month, 1).ok_or(ReportError::NoSuchDate)?;
        let to = Day::from_ymd(year, month, days_in_month(year, month))
            .ok_or(ReportError::NoSuchDate)?;
        Period::new(from, to)
    }

    /// The calendar year of `today`.
    pub fn this_year(today: Day) -> Result<Period, ReportError> {
        Period::year(today.year())
    }

    /// The calendar year before `today`'s.
    pub fn last_year(today: Day) -> Result<Period, ReportError> {
        Period::year(today.year() - 1)
    }

    /// The calendar month of `today`.
    pub fn this_month(today: Day) -> Result<Period, ReportError> {
        let (y, m, _) = today.ymd();
        Period::month(y, m)
    }

    /// The first day.
    pub fn from(&self) -> Day {
        self.from
    }

    /// The last day (included).
    pub fn to(&self) -> Day {
        self.to
    }

    /// How many days it covers.
    pub fn days(&self) -> u32 {
        self.to.0 - self.from.0 + 1
    }

    /// Whether `day` is in it.
    pub fn contains(&self, day: Day) -> bool {
        self.from <= day && day <= self.to
    }

    /// Whole calendar months from the first of a month to the last day of a month: how many.
    fn whole_months(&self) -> Option<u32> {
        let (fy, fm, fd) = self.from.ymd();
        let (ty, tm, td) = self.to.ymd();
        if fd != 1 || td != days_in_month(ty, tm) {
            return None;
        }
        let months = (ty - fy) * 12 + tm as i32 - fm as i32 + 1;
        u32::try_from(months).ok()
    }

    /// The period of the same length just before: the previous months or year when the
    /// period is whole months (so that last year compares with the year before), else as many
    /// days just before. Starts at 1970-01-01 at the earliest.
    pub fn previous(&self) -> Period {
        if let Some(months) = self.whole_months() {
            let (fy, fm, _) = self.from.ymd();
            let index = fy * 12 + fm as i32 - 1 - months as i32;
            let (y, m) = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
            if let (Some(from), Some(to)) =
                (Day::from_ymd(y, m, 1), self.from.0.checked_sub(1).map(Day))
            {
                return Period { from, to };
            }
        }
        let to = Day(self.from.0.saturating_sub(1));
        let from = Day(self.from.0.saturating_sub(self.days()));
        Period { from, to }
    }

    /// How the period reads on screen: "année 2025", "mars 2025", "du 03/02/2025 au
    /// 14/02/2025".
    pub fn label(&self, french: bool) -> String {
        let (fy, fm, _) = self.from.ymd();
        match (self.whole_months(), french) {
            (Some(12), true) if fm == 1 => format!("année {fy}"),
            (Some(12), false) if fm == 1 => format!("year {fy}"),
            (Some(1), true) => format!("{} {fy}", MONTHS_FR[(fm - 1) as usize % 12]),
            (Some(1), false) => format!("{} {fy}", MONTHS_EN[(fm - 1) as usize % 12]),
            (_, true) => format!("du {} au {}", self.from, self.to),
            (_, false) => format!("from {} to {}", self.from, self.to),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> Day {
        Day::from_ymd(y, m, day).unwrap_or_default()
    }

    #[test]
    fn periods_of_the_picker() {
        let today = d(2026, 3, 14);
        let year = Period::this_year(today).unwrap_or(Period::year(1970).unwrap_or(Period {
            from: Day(0),
            to: Day(0),
        }));
        assert_eq!((year.from(), year.to()), (d(2026, 1, 1), d(2026, 12, 31)));
        assert_eq!(Period::last_year(today).map(|p| p.days()), Ok(365));
        assert_eq!(
            Period::last_year(today).map(|p| p.previous()),
            Period::year(2024)
        );
        assert_eq!(Period::this_month(today).map(|p| p.days()), Ok(31));
        assert_eq!(
            Period::month(2026, 3).map(|p| p.previous()),
            Period::month(2026, 2)
        );
        assert_eq!(
            Period::month(2026, 1).map(|p| p.previous()),
            Period::month(2025, 12)
        );
        assert_eq!(Period::month(2026, 13), Err(ReportError::NoSuchDate));
        assert_eq!(
            Period::new(d(2026, 2, 3), d(2026, 2, 1)),
            Err(ReportError::PeriodReversed)
        );
        let span = Period::new(d(2026, 2, 3), d(2026, 2, 14)).unwrap_or(Period {
            from: Day(0),
            to: Day(0),
        });
        assert_eq!(
            Ok(span.previous()),
            Period::new(d(2026, 1, 22), d(2026, 2, 2))
        );
        assert_eq!(
            Ok(span.label(true)),
            Ok::<_, ReportError>("du 03/02/2026 au 14/02/2026".to_string())
        );
        assert_eq!(
            Period::year(2025).map(|p| p.label(true)),
            Ok("année 2025".into())
        );
        assert_eq!(
            Period::month(2025, 8).map(|p| p.label(true)),
            Ok("août 2025".into())
        );
    }

    proptest! {
        #[test]
        fn the_previous_period_ends_the_day_before(from in 2000u32..40_000, len in 0u32..800) {
            let p = Period::new(Day(from), Day(from + len)).unwrap_or(Period { from: Day(0), to: Day(0) });
            let prev = p.previous();
            prop_assert_eq!(prev.to().0 + 1, p.from().0);
            if p.whole_months().is_none() {
                prop_assert_eq!(prev.days(), p.days());
            } else {
                prop_assert_eq!(prev.whole_months(), p.whole_months());
            }
        }
    }
}
