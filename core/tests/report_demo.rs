//! The demo year is a realistic, signed, deterministic record: the counts the issue asks
//! for (about 25 sessions on two tracks, 30 people, 400 help, 150 tips…), written by several
//! phones and merged without a refusal, the same for the same seed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeSet;

use entraide_core::merge::Replica;
use entraide_core::model::{MemberRole, Track};
use entraide_core::report::{demo_replica, demo_year, large_history, DEMO_SEED, DEMO_YEAR};

#[test]
fn the_demo_year_looks_like_a_real_group() {
    let replica = demo_replica(DEMO_YEAR, DEMO_SEED).unwrap();
    let r = replica.record();
    println!(
        "sessions {} members {} help {} tips {} votes {} evaluations {} difficulties {} skills {}",
        r.sessions.len(),
        r.members.len(),
        r.help.len(),
        r.tips.len(),
        r.votes.len(),
        r.evaluations.len(),
        r.difficulties.len(),
        r.skills.values().map(Vec::len).sum::<usize>()
    );
    assert_eq!(r.info.name, "Les Clics du Mardi");
    assert!((23..=28).contains(&r.sessions.len()));
    let tracks: BTreeSet<Track> = r.sessions.values().map(|s| s.track).collect();
    assert_eq!(tracks.len(), 2);
    assert!(r.sessions.values().all(|s| s.date.year() == DEMO_YEAR));
    assert_eq!(r.members.len(), 30);
    assert_eq!(
        r.members
            .values()
            .filter(|m| m.role == MemberRole::CoAnimator)
            .count(),
        1
    );
    assert!(r.members.values().filter(|m| !m.has_phone).count() >= 4);
    let with_facts = r.members.values().filter(|m| m.facts.is_some()).count();
    assert!((10..30).contains(&with_facts), "{with_facts} gave facts");
    assert!((330..=480).contains(&r.help.len()), "{} help", r.help.len());
    assert!((110..=200).contains(&r.tips.len()), "{} tips", r.tips.len());
    assert!(!r.votes.is_empty() && !r.evaluations.is_empty());
    let services: BTreeSet<&str> = r
        .difficulties
        .values()
        .map(|d| d.service.as_str())
        .collect();
    let areas: BTreeSet<_> = r.difficulties.values().filter_map(|d| d.area).collect();
    assert!(
        services.len() >= 5 && areas.len() >= 4,
        "{services:?} {areas:?}"
    );
    // Help carries every field the reports count.
    assert!(r.help.values().all(|h| h.topic.is_some()));
    assert!(r.help.values().filter(|h| h.referred.is_some()).count() >= 5);
    assert!(r.help.values().any(|h| h.autonomy.is_none()));
    // Several phones wrote: tips have many authors; someone's level rose.
    let authors: BTreeSet<_> = r.tips.values().map(|t| t.author).collect();
    assert!(authors.len() >= 8, "{} tip authors", authors.len());
    let rose = r.skills.values().filter(|history| {
        let (Some(first), Some(last)) = (history.first(), history.last()) else {
            return false;
        };
        last.topics
            .iter()
            .any(|(t, l)| first.topics.get(t).is_some_and(|f| l.level > f.level))
    });
    assert!(rose.count() >= 5);
    // Every member who left is inactive; the record survives a save.
    assert_eq!(
        r.members.values().filter(|m| m.left_on.is_some()).count(),
        2
    );
    let reopened = Replica::from_bytes(&replica.to_bytes().unwrap()).unwrap();
    assert_eq!(reopened.record(), r);
}

#[test]
fn the_same_seed_gives_the_same_year_and_another_seed_another() {
    let a = demo_year(DEMO_SEED).unwrap();
    assert_eq!(a, demo_year(DEMO_SEED).unwrap());
    assert_ne!(a.help.len() + a.tips.len(), 0);
    assert_ne!(a, demo_year(DEMO_SEED + 1).unwrap());
}

#[test]
fn a_large_history_has_what_was_asked() {
    let r = large_history(60, 30, 900).unwrap();
    assert_eq!(r.members.len(), 60);
    assert_eq!(r.sessions.len(), 30);
    assert_eq!(r.help.len(), 900);
    assert!(!r.tips.is_empty());
}
