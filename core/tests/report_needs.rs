//! The needs map, the plan drawn from it and the votes, and the page of difficulties with
//! services: on crafted records whose answers are known, and on the demo year.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeMap;

use entraide_core::model::{
    AdminArea, Day, Difficulty, GroupId, GroupRecord, Member, PersonId, RecordId, Session,
    SessionState, Skills, TopicLevel, Track,
};
use entraide_core::report::{
    demo_year, difficulties, needs_map, plan_next, Cell, Period, DEMO_SEED, DEMO_YEAR,
};

fn d(m: u32, day: u32) -> Day {
    Day::from_ymd(2025, m, day).unwrap()
}

fn skills(on: Day, topics: &[(&str, u8, bool)]) -> Skills {
    Skills {
        on,
        topics: topics
            .iter()
            .map(|(t, level, wants)| {
                (
                    (*t).to_string(),
                    TopicLevel {
                        level: *level,
                        stars: *level,
                        wants: *wants,
                    },
                )
            })
            .collect::<BTreeMap<_, _>>(),
    }
}

fn group(people: u8) -> GroupRecord {
    let mut r = GroupRecord::new(GroupId([3; 16]));
    for n in 0..people {
        let mut m = Member::new(PersonId([n; 16]));
        m.nickname = Some(format!("P{n}"));
        r.members.insert(m.person, m);
    }
    r
}

#[test]
fn the_map_reads_each_members_latest_assessment() {
    let mut r = group(8);
    for n in 0..8u8 {
        // Early: everyone wants e-mail. Later: six of them can show it.
        let mut history = vec![skills(
            d(1, 10),
            &[("email", 1, true), ("passwords", 0, n < 2)],
        )];
        if n < 6 {
            history.push(skills(
                d(6, 10),
                &[("email", 3, false), ("passwords", 1, true)],
            ));
        }
        r.skills.insert(PersonId([n; 16]), history);
    }
    let early = needs_map(&r, d(3, 1));
    assert_eq!(early.members_assessed, Cell::Count(8));
    let email = early.topics.iter().find(|t| t.topic == "email").unwrap();
    assert_eq!(
        (email.want_to_learn, email.can_show),
        (Cell::Count(8), Cell::Count(0))
    );
    let pw = early
        .topics
        .iter()
        .find(|t| t.topic == "passwords")
        .unwrap();
    assert_eq!(pw.want_to_learn, Cell::Fewer);
    let late = needs_map(&r, d(7, 1));
    let email = late.topics.iter().find(|t| t.topic == "email").unwrap();
    assert_eq!(
        (email.want_to_learn, email.can_show),
        (Cell::Fewer, Cell::Count(6))
    );
    let pw = late.topics.iter().find(|t| t.topic == "passwords").unwrap();
    assert_eq!(pw.want_to_learn, Cell::Count(6));
    // A member who left is not in the map any more.
    r.members.get_mut(&PersonId([7; 16])).unwrap().left_on = Some(d(6, 20));
    assert_eq!(needs_map(&r, d(7, 1)).members_assessed, Cell::Count(7));

    // Votes count twice: passwords (8 wants) against video calls (5 votes → 10).
    let s = RecordId([1; 16]);
    r.sessions.insert(
        s,
        Session {
            id: s,
            date: d(6, 24),
            place: String::new(),
            track: Track::Beginners,
            themes: vec![],
            state: SessionState::Closed,
        },
    );
    for n in 0..5u8 {
        r.votes.insert((s, PersonId([n; 16]), "video_calls".into()));
    }
    let plan = plan_next(&r, Period::month(2025, 6).unwrap(), 5);
    let order: Vec<&str> = plan.iter().map(|p| p.topic.as_str()).collect();
    assert_eq!(order, ["video_calls", "passwords", "email"]);
    assert_eq!(plan[0].votes, Cell::Count(5));
    assert!(!plan[0].has_helper && !plan[1].has_helper);
    assert_eq!(plan_next(&r, Period::month(2025, 6).unwrap(), 1).len(), 1);
    // Votes of another period do not count.
    let july = plan_next(&r, Period::month(2025, 7).unwrap(), 5);
    assert!(july.iter().all(|p| p.topic != "video_calls"));
}

#[test]
fn difficulties_are_grouped_by_service_and_area_without_who() {
    let mut r = group(2);
    let mut add = |n: u8, on: Day, service: &str, area: Option<AdminArea>, what: &str| {
        let id = RecordId([n; 16]);
        r.difficulties.insert(
            id,
            Difficulty {
                id,
                session: None,
                on,
                service: service.into(),
                area,
                what: what.into(),
                author: PersonId([n % 2; 16]),
            },
        );
    };
    add(
        1,
        d(2, 4),
        "CAF",
        Some(AdminArea::SocialHealth),
        "Code trop lent",
    );
    add(
        2,
        d(3, 4),
        "caf ",
        Some(AdminArea::SocialHealth),
        "Code trop lent",
    );
    add(
        3,
        d(3, 4),
        "CAF",
        Some(AdminArea::SocialHealth),
        "Document refusé",
    );
    add(4, d(5, 6), "ANTS", Some(AdminArea::Papers), "Photo refusée");
    add(5, d(5, 6), "La Poste", None, "Compte obligatoire");
    add(6, d(12, 1), "ANTS", Some(AdminArea::Papers), "Hors période");
    let page = difficulties(&r, Period::new(d(1, 1), d(6, 30)).unwrap());
    assert_eq!(page.total, 5);
    let caf = &page.by_service[0];
    assert_eq!(caf.service, "CAF");
    assert_eq!(caf.count, 3);
    assert_eq!(caf.dates, vec![d(2, 4), d(3, 4)]);
    assert_eq!(caf.what, vec!["Code trop lent", "Document refusé"]);
    assert_eq!(page.by_area[0].area, Some(AdminArea::Papers));
    assert_eq!(page.by_area.last().unwrap().area, None);
    let json = serde_json::to_string(&page).unwrap();
    assert!(!json.contains("author") && !json.contains("P0"), "{json}");
}

#[test]
fn the_demo_year_has_a_map_a_plan_and_a_page_of_difficulties() {
    let r = demo_year(DEMO_SEED).unwrap();
    let year = Period::year(DEMO_YEAR).unwrap();
    let map = needs_map(&r, year.to());
    assert!(map.members_assessed.shown().unwrap() >= 20);
    assert!(map
        .topics
        .iter()
        .any(|t| t.can_show.shown().is_some_and(|n| n >= 5)));
    let plan = plan_next(&r, Period::month(DEMO_YEAR, 12).unwrap(), 5);
    assert_eq!(plan.len(), 5);
    let page = difficulties(&r, year);
    assert_eq!(page.total as usize, r.difficulties.len());
    assert!(page.by_service.len() >= 5 && page.by_area.len() >= 4);
    assert_eq!(
        page.by_area.iter().map(|a| a.count).sum::<u32>(),
        page.total
    );
}
