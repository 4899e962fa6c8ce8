//! Golden figures on the demo year (`golden/report-demo-figures.txt`), and the headline
//! figures checked against counts made here straight from the record. Regenerate the golden
//! with `ENTRAIDE_UPDATE_GOLDEN=1` after a deliberate change.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeSet;

use entraide_core::model::{Day, Track};
use entraide_core::report::{
    compare, demo_year, thanks, Cell, Figures, Period, DEMO_SEED, DEMO_YEAR,
};

const GOLDEN: &str = "tests/golden/report-demo-figures.txt";

#[test]
fn golden_figures_of_the_demo_year() {
    let record = demo_year(DEMO_SEED).unwrap();
    let year = Period::year(DEMO_YEAR).unwrap();
    let mut out = String::new();
    for (period, track) in [
        (year, None),
        (year, Some(Track::Beginners)),
        (year, Some(Track::Confirmed)),
        (Period::month(DEMO_YEAR, 3).unwrap(), None),
        (
            Period::new(
                Day::from_ymd(DEMO_YEAR, 9, 1).unwrap(),
                Day::from_ymd(DEMO_YEAR, 10, 15).unwrap(),
            )
            .unwrap(),
            Some(Track::Confirmed),
        ),
    ] {
        let c = compare(&record, period, track);
        out.push_str(&format!(
            "== {} {:?}\n{:#?}\n",
            period.label(true),
            track,
            c
        ));
    }
    let list = thanks(&record, year, None);
    out.push_str(&format!("== thanks\n{list:#?}\n"));
    if std::env::var_os("ENTRAIDE_UPDATE_GOLDEN").is_some() {
        std::fs::write(GOLDEN, &out).unwrap();
    }
    let expected = std::fs::read_to_string(GOLDEN).unwrap();
    assert_eq!(out, expected, "figures differ from the golden");
}

#[test]
fn headline_figures_match_counts_made_from_the_record() {
    let record = demo_year(DEMO_SEED).unwrap();
    let year = Period::year(DEMO_YEAR).unwrap();
    let f = Figures::compute(&record, year, None);
    let staff: BTreeSet<_> = record
        .members
        .values()
        .filter(|m| m.role.animates())
        .map(|m| m.person)
        .collect();
    let in_year: BTreeSet<_> = record
        .sessions
        .values()
        .filter(|s| s.date.year() == DEMO_YEAR)
        .map(|s| s.id)
        .collect();
    let help: Vec<_> = record
        .help
        .values()
        .filter(|h| in_year.contains(&h.session))
        .collect();
    assert_eq!(f.help, Cell::Count(help.len() as u32));
    let minutes: u32 = help.iter().map(|h| u32::from(h.minutes.unwrap_or(0))).sum();
    assert_eq!(f.help_minutes, Cell::Count(minutes));
    let mut people: BTreeSet<_> = record
        .attendance
        .iter()
        .filter(|(s, _)| in_year.contains(s))
        .map(|(_, p)| *p)
        .collect();
    people.extend(help.iter().flat_map(|h| [h.helper, h.helped]));
    people.retain(|p| !staff.contains(p));
    assert_eq!(f.people_reached, Cell::Count(people.len() as u32));
    assert_eq!(f.sessions_held as usize, in_year.len());
    assert_eq!(
        f.new_people, f.people_reached,
        "the demo group starts this year"
    );
    assert_eq!(f.tips as usize, record.tips.len());
    let referred = help.iter().filter(|h| h.referred.is_some()).count() as u32;
    assert_eq!(f.referrals.shown().unwrap_or(referred), referred);
    assert!(f.progressed.shown().unwrap_or(5) >= 5);
    // The tracks add up to the year.
    let b = Figures::compute(&record, year, Some(Track::Beginners));
    let c = Figures::compute(&record, year, Some(Track::Confirmed));
    assert_eq!(b.sessions_held + c.sessions_held, f.sessions_held);
    assert_eq!(
        b.help.shown().unwrap() + c.help.shown().unwrap(),
        f.help.shown().unwrap()
    );
    // The year before the demo is empty, and the comparison says so.
    let cmp = compare(&record, year, None);
    assert_eq!(cmp.previous.sessions_held, 0);
    assert_eq!(cmp.previous.help, Cell::Count(0));
    assert!(f.mean_attendance().is_some_and(|m| m > 5.0));
    // The thank-you list holds nicknames only, and no animator.
    let list = thanks(&record, year, None);
    assert!(!list.is_empty());
    assert!(list
        .iter()
        .all(|t| t.nickname != "Nadia" && t.nickname != "Martine"));
}
