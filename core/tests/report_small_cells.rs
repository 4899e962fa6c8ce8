//! The small-cell rule, on random records and on crafted ones: every figure about 1 to 4
//! people reads "moins de 5", shown cells are the true values, and no hidden cell can be
//! worked out from the total and the cells shown (never exactly one hidden cell, and the
//! hidden cells' sum never pins them all at their least possible value).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::{BTreeMap, BTreeSet};

use entraide_core::model::{
    AgeBand, Autonomy, Day, Device, Facts, Gender, GroupId, GroupRecord, HelpGiven, Member,
    MemberRole, PersonId, RecordId, Referral, Session, SessionState, Track,
};
use entraide_core::report::{Breakdown, Cell, Counts, Figures, Period};
use proptest::prelude::*;

const TOPICS: [&str; 5] = [
    "email",
    "web_search",
    "photos_files",
    "passwords",
    "video_calls",
];

fn person(n: usize) -> PersonId {
    PersonId([n as u8 + 1; 16])
}

fn session_id(n: usize) -> RecordId {
    RecordId([0xa0 + n as u8; 16])
}

fn day(n: u32) -> Day {
    Day::from_ymd(2025, 1, 6).unwrap().plus(n * 14)
}

/// One help: (session, helper, helped, topic, device, minutes, autonomy, referral).
type HelpSpec = (usize, usize, usize, usize, usize, Option<u16>, usize, usize);

fn record(
    people: usize,
    sessions: usize,
    attendance: &[(usize, usize)],
    help: &[HelpSpec],
    facts: &[(usize, usize, usize)],
) -> GroupRecord {
    let mut r = GroupRecord::new(GroupId([9; 16]));
    let mut animator = Member::new(PersonId([0; 16]));
    animator.role = MemberRole::Animator;
    r.members.insert(animator.person, animator);
    for n in 0..people {
        let mut m = Member::new(person(n));
        m.nickname = Some(format!("P{n}"));
        r.members.insert(m.person, m);
    }
    for &(n, band, gender) in facts {
        if let Some(m) = r.members.get_mut(&person(n % people)) {
            m.facts = Some(Facts {
                age_band: AgeBand::ALL.get(band).copied(),
                gender: Gender::ALL.get(gender).copied(),
                agreed_on: day(0),
            });
        }
    }
    for s in 0..sessions {
        r.sessions.insert(
            session_id(s),
            Session {
                id: session_id(s),
                date: day(s as u32),
                place: String::new(),
                track: if s % 2 == 0 {
                    Track::Beginners
                } else {
                    Track::Confirmed
                },
                themes: Vec::new(),
                state: SessionState::Closed,
            },
        );
        r.attendance.insert((session_id(s), PersonId([0; 16])));
    }
    for &(s, p) in attendance {
        r.attendance
            .insert((session_id(s % sessions), person(p % people)));
    }
    for &(s, a, b, topic, device, minutes, autonomy, referral) in help {
        let (s, helper, helped) = (
            session_id(s % sessions),
            person(a % people),
            person(b % people),
        );
        if helper == helped {
            continue;
        }
        let id = RecordId::help(s, helper, helped);
        r.help.insert(
            id,
            HelpGiven {
                id,
                session: s,
                helper,
                helped,
                topic: TOPICS.get(topic).map(|t| (*t).to_string()),
                device: Device::ALL.get(device).copied(),
                minutes,
                autonomy: Autonomy::ALL.get(autonomy).copied(),
                referred: Referral::ALL.get(referral).copied(),
            },
        );
        r.attendance.insert((s, helper));
        r.attendance.insert((s, helped));
    }
    r
}

/// Checks a breakdown against its true rows `(people, value)` and the total: hidden rows are
/// those of 1 to 4 people plus secondary ones; shown values are true; never one hidden row;
/// the hidden sum never equals `floor` × the number of hidden rows.
fn check_additive(
    shown: &[Option<u32>],
    truth: &[(u32, u32)],
    total: Cell,
    floor: u32,
    what: &str,
) {
    let hidden: Vec<usize> = (0..shown.len()).filter(|i| shown[*i].is_none()).collect();
    for (i, (people, value)) in truth.iter().enumerate() {
        if (1..5).contains(people) {
            assert!(
                shown[i].is_none(),
                "{what}: a row of {people} people is shown"
            );
        }
        if let Some(v) = shown[i] {
            assert_eq!(v, *value, "{what}: a shown cell is not the true value");
        }
    }
    let Some(total) = total.shown() else {
        return;
    };
    let shown_sum: u32 = shown.iter().flatten().sum();
    let true_sum: u32 = truth.iter().map(|(_, v)| v).sum();
    assert_eq!(
        true_sum, total,
        "{what}: the rows do not add up to the total"
    );
    assert!(
        hidden.len() != 1,
        "{what}: one hidden cell is the total minus the others"
    );
    if !hidden.is_empty() {
        let residual = total - shown_sum;
        let any = truth.iter().any(|(_, v)| *v > 0);
        assert!(
            !(residual == floor * hidden.len() as u32 && (floor > 0 || any)),
            "{what}: the hidden cells are pinned by their sum ({residual})"
        );
    } else {
        assert_eq!(shown_sum, total, "{what}: shown cells do not add up");
    }
}

fn check_help<K: Ord + Clone + std::fmt::Debug>(
    b: &Breakdown<K>,
    truth: &BTreeMap<K, (BTreeSet<PersonId>, u32, u32)>,
    total_help: Cell,
    total_minutes: Cell,
    what: &str,
) {
    if total_help.is_hidden() {
        assert!(
            b.withheld && b.rows.is_empty(),
            "{what}: shown under a hidden total"
        );
        return;
    }
    if b.withheld {
        assert!(b.rows.is_empty());
        return;
    }
    let mut rows_help = Vec::new();
    let mut rows_minutes = Vec::new();
    let mut shown_help = Vec::new();
    let mut shown_minutes = Vec::new();
    for row in &b.rows {
        let (people, help, minutes) = truth
            .get(&row.key)
            .map(|(p, h, m)| (p.len() as u32, *h, *m))
            .unwrap_or((0, 0, 0));
        assert_eq!(row.people.is_hidden(), row.help.is_hidden());
        assert_eq!(row.help.is_hidden(), row.minutes.is_hidden());
        if let Some(p) = row.people.shown() {
            assert_eq!(p, people, "{what}: people shown are not true");
        }
        rows_help.push((people, help));
        rows_minutes.push((people, minutes));
        shown_help.push(row.help.shown());
        shown_minutes.push(row.minutes.shown());
    }
    for key in truth.keys() {
        assert!(
            b.rows.iter().any(|r| r.key == *key),
            "{what}: {key:?} is missing"
        );
    }
    check_additive(&shown_help, &rows_help, total_help, 1, what);
    check_additive(&shown_minutes, &rows_minutes, total_minutes, 0, what);
}

fn check_counts<K: Ord + Clone + std::fmt::Debug>(
    c: &Counts<K>,
    truth: &BTreeMap<K, u32>,
    total: Cell,
    what: &str,
) {
    if total.is_hidden() || c.withheld {
        assert!(c.rows.is_empty(), "{what}: withheld rows are listed");
        return;
    }
    let rows: Vec<(u32, u32)> = c
        .rows
        .iter()
        .map(|r| {
            let n = truth.get(&r.key).copied().unwrap_or(0);
            (n, n)
        })
        .collect();
    let shown: Vec<Option<u32>> = c.rows.iter().map(|r| r.people.shown()).collect();
    check_additive(&shown, &rows, total, 1, what);
}

fn check_all(r: &GroupRecord, period: Period, track: Option<Track>) {
    let f = Figures::compute(r, period, track);
    let staff = PersonId([0; 16]);
    let sessions: BTreeMap<RecordId, &Session> = r
        .sessions
        .values()
        .filter(|s| period.contains(s.date) && track.is_none_or(|t| s.track == t))
        .map(|s| (s.id, s))
        .collect();
    let help: Vec<&HelpGiven> = r
        .help
        .values()
        .filter(|h| sessions.contains_key(&h.session))
        .collect();
    type T<K> = BTreeMap<K, (BTreeSet<PersonId>, u32, u32)>;
    fn add<K: Ord>(t: &mut T<K>, k: K, h: &HelpGiven) {
        let e = t.entry(k).or_default();
        e.0.insert(h.helped);
        e.1 += 1;
        e.2 += u32::from(h.minutes.unwrap_or(0));
    }
    let mut topic: T<Option<String>> = BTreeMap::new();
    let mut device: T<Option<Device>> = BTreeMap::new();
    let mut autonomy: T<Option<Autonomy>> = BTreeMap::new();
    let mut tracks: T<Track> = BTreeMap::new();
    let mut referral: T<Referral> = BTreeMap::new();
    for h in &help {
        add(&mut topic, h.topic.clone(), h);
        add(&mut device, h.device, h);
        add(&mut autonomy, h.autonomy, h);
        add(&mut tracks, sessions[&h.session].track, h);
        if let Some(k) = h.referred {
            add(&mut referral, k, h);
        }
    }
    check_help(&f.by_topic, &topic, f.help, f.help_minutes, "topic");
    check_help(&f.by_device, &device, f.help, f.help_minutes, "device");
    check_help(
        &f.by_autonomy,
        &autonomy,
        f.help,
        f.help_minutes,
        "autonomy",
    );
    check_help(&f.by_track, &tracks, f.help, f.help_minutes, "track");
    let referral_minutes = Cell::about(
        referral.values().map(|v| v.2).sum(),
        referral
            .values()
            .flat_map(|v| v.0.iter())
            .collect::<BTreeSet<_>>()
            .len() as u32,
    );
    check_help(
        &f.by_referral,
        &referral,
        f.referrals,
        referral_minutes,
        "referral",
    );

    let mut reached: BTreeSet<PersonId> = r
        .attendance
        .iter()
        .filter(|(s, _)| sessions.contains_key(s))
        .map(|(_, p)| *p)
        .collect();
    reached.extend(help.iter().flat_map(|h| [h.helper, h.helped]));
    reached.remove(&staff);
    assert_eq!(
        f.people_reached.shown().unwrap_or(reached.len() as u32),
        reached.len() as u32
    );
    if (1..5).contains(&reached.len()) {
        assert!(f.people_reached.is_hidden());
    }
    let mut ages: BTreeMap<Option<AgeBand>, u32> = BTreeMap::new();
    let mut genders: BTreeMap<Option<Gender>, u32> = BTreeMap::new();
    for p in &reached {
        let facts = r.members[p].facts.as_ref();
        *ages.entry(facts.and_then(|f| f.age_band)).or_default() += 1;
        *genders.entry(facts.and_then(|f| f.gender)).or_default() += 1;
    }
    check_counts(&f.age_bands, &ages, f.people_reached, "age band");
    check_counts(&f.genders, &genders, f.people_reached, "gender");
    let attendance: BTreeMap<RecordId, u32> = sessions
        .keys()
        .map(|s| {
            (
                *s,
                r.attended(*s).iter().filter(|p| **p != staff).count() as u32,
            )
        })
        .collect();
    let by_line: BTreeMap<_, u32> = f
        .attendance
        .rows
        .iter()
        .map(|row| (row.key, attendance[&row.key.session]))
        .collect();
    check_counts(&f.attendance, &by_line, f.attendance_total, "attendance");
}

fn help_spec() -> impl Strategy<Value = HelpSpec> {
    (
        0usize..6,
        0usize..40,
        0usize..40,
        0usize..6,
        0usize..6,
        prop::option::weighted(0.9, 1u16..120),
        0usize..4,
        0usize..12,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn no_breakdown_reveals_a_hidden_cell(
        people in 2usize..40,
        sessions in 1usize..6,
        attendance in prop::collection::vec((0usize..6, 0usize..40), 0..80),
        help in prop::collection::vec(help_spec(), 0..120),
        facts in prop::collection::vec((0usize..40, 0usize..9, 0usize..3), 0..40),
        first in 0u32..6,
        len in 0u32..6,
        track in 0usize..3,
    ) {
        let r = record(people, sessions, &attendance, &help, &facts);
        let period = Period::new(day(first), day(first + len)).unwrap();
        let track = Track::ALL.get(track).copied();
        check_all(&r, period, track);
        check_all(&r, Period::year(2025).unwrap(), None);
    }
}

#[test]
fn a_cell_that_the_total_and_its_siblings_would_give_is_hidden_with_another() {
    // email: 10 people, web_search: 6, passwords: 3 (the small one). With the total shown,
    // hiding only passwords would give it as total − email − web_search.
    let mut help = Vec::new();
    let mut add = |topic: usize, helped: std::ops::Range<usize>| {
        for p in helped {
            help.push((0, 0, p, topic, 0, Some(30), 0, 99));
        }
    };
    add(0, 1..11);
    add(1, 11..17);
    add(3, 17..20);
    let r = record(20, 1, &[], &help, &[]);
    let f = Figures::compute(&r, Period::year(2025).unwrap(), None);
    assert_eq!(f.help, Cell::Count(19));
    let cell = |topic: &str| {
        f.by_topic
            .rows
            .iter()
            .find(|row| row.key.as_deref() == Some(topic))
            .map(|row| row.help)
    };
    assert_eq!(cell("passwords"), Some(Cell::Fewer));
    assert_eq!(
        cell("web_search"),
        Some(Cell::Fewer),
        "the next smallest is hidden too"
    );
    assert_eq!(cell("email"), Some(Cell::Count(10)));
    check_all(&r, Period::year(2025).unwrap(), None);
    // The person who helped everyone is one helper: "moins de 5", not 1.
    assert_eq!(f.helpers, Cell::Fewer);
    assert_eq!(f.helpers.text(true), "moins de 5");
}

#[test]
fn cells_hidden_by_pairs_of_ones_take_a_third() {
    // Two topics of one help each and the total shown: their sum (2) would say "1 and 1".
    let mut help: Vec<HelpSpec> = (1..9).map(|p| (0, 0, p, 0, 0, Some(15), 0, 99)).collect();
    help.push((0, 0, 9, 1, 0, Some(15), 0, 99));
    help.push((0, 0, 10, 2, 0, Some(15), 0, 99));
    help.extend((11..17).map(|p| (0, 0, p, 3, 0, Some(15), 0, 99)));
    let r = record(17, 1, &[], &help, &[]);
    let f = Figures::compute(&r, Period::year(2025).unwrap(), None);
    let hidden = f
        .by_topic
        .rows
        .iter()
        .filter(|row| row.help.is_hidden())
        .count();
    assert_eq!(hidden, 3);
    check_all(&r, Period::year(2025).unwrap(), None);
}

#[test]
fn a_hidden_cell_holds_no_number_anywhere() {
    let json = serde_json::to_string(&Cell::Fewer).unwrap();
    assert_eq!(json, "\"Fewer\"");
    assert_eq!(format!("{:?}", Cell::Fewer), "Fewer");
    assert_eq!(Cell::people(3), Cell::people(4));
}

#[test]
fn a_group_of_three_shows_no_breakdown() {
    let help: Vec<HelpSpec> = (1..3).map(|p| (0, 0, p, 0, 0, Some(15), 0, 99)).collect();
    let r = record(3, 1, &[], &help, &[(1, 6, 0)]);
    let f = Figures::compute(&r, Period::year(2025).unwrap(), None);
    assert_eq!(f.people_reached, Cell::Fewer);
    assert_eq!(f.help, Cell::Fewer);
    assert!(f.by_topic.withheld && f.age_bands.withheld && f.genders.withheld);
    assert!(f.by_device.rows.is_empty());
}
