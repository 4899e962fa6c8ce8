//! The "Je suis là" code: round trips with one to three animators and a full
//! self-assessment, one QR code of version ≤ 10 at medium correction (figure printed),
//! and every bad input refused: another group, another phone, another day, a forged or
//! altered code, an impersonation by another member, a different topic list.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::group::{identity, person};
use entraide_core::assessment::Catalog;
use entraide_core::model::{Day, Device, Skills, TopicLevel};
use entraide_core::transfer::checkin::{open, seal, Checkin, CheckinError};
use entraide_core::transfer::frames::{Density, Outgoing};
use entraide_core::transfer::qr::{encode, Correction};
use entraide_core::transfer::{GroupId, RecipientKey};
use proptest::prelude::*;

const GROUP: GroupId = GroupId([42; 16]);

fn topics() -> Vec<String> {
    Catalog::builtin()
        .unwrap()
        .topics()
        .iter()
        .map(|t| t.id.clone())
        .collect()
}

fn today() -> Day {
    Day::from_ymd(2026, 12, 2).unwrap()
}

fn full_checkin(topics: &[String]) -> Checkin {
    Checkin {
        day: today(),
        need: Some(topics[3].clone()),
        device: Some(Device::Phone),
        helps: true,
        skills: Some(Skills {
            on: Day::from_ymd(2026, 11, 20).unwrap(),
            topics: topics
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    (
                        t.clone(),
                        TopicLevel {
                            level: (i % 4) as u8,
                            stars: (i % 6) as u8,
                            wants: i % 3 == 0,
                        },
                    )
                })
                .collect(),
        }),
    }
}

/// Member 1 (participant) shows; animators are members 0, 5 and 6.
fn key_of(p: entraide_core::transfer::PersonId) -> Option<RecipientKey> {
    (p == person(1)).then(|| identity(1).recipient())
}

#[test]
fn round_trips_in_one_small_code() {
    let topics = topics();
    let checkin = full_checkin(&topics);
    for count in 1..=3usize {
        let animators: Vec<_> = [0u8, 5, 6][..count]
            .iter()
            .map(|n| identity(*n).recipient())
            .collect();
        let code = seal(
            &identity(1),
            GROUP,
            person(1),
            7,
            &animators,
            &topics,
            &checkin,
        )
        .unwrap();
        let frames = Outgoing::new(&code, Density::Medium).unwrap();
        assert!(frames.is_single());
        let version = encode(&frames.frame(0), Correction::Medium)
            .unwrap()
            .version;
        println!(
            "« Je suis là » code, {} topics, {count} animator(s): {} bytes, QR version {version} (medium)",
            topics.len(),
            code.len()
        );
        assert!(version <= 10, "version {version}");
        for n in &[0u8, 5, 6][..count] {
            let read = open(&code, &identity(*n), GROUP, today(), key_of, &topics).unwrap();
            assert_eq!(read.person, person(1));
            assert_eq!(read.seq, 7);
            assert_eq!(read.checkin, checkin);
        }
    }
    // Without a self-assessment and without a need.
    let bare = Checkin {
        day: today(),
        need: None,
        device: None,
        helps: false,
        skills: None,
    };
    let code = seal(
        &identity(1),
        GROUP,
        person(1),
        8,
        &[identity(0).recipient()],
        &topics,
        &bare,
    )
    .unwrap();
    assert_eq!(
        open(&code, &identity(0), GROUP, today(), key_of, &topics)
            .unwrap()
            .checkin,
        bare
    );
}

#[test]
fn bad_codes_are_refused() {
    let topics = topics();
    let checkin = full_checkin(&topics);
    let to_animator = [identity(0).recipient()];
    let code = seal(
        &identity(1),
        GROUP,
        person(1),
        7,
        &to_animator,
        &topics,
        &checkin,
    )
    .unwrap();
    let read = |bytes: &[u8], id: u8, group: GroupId, day: Day, topics: &[String]| {
        open(bytes, &identity(id), group, day, key_of, topics).map(|r| r.checkin)
    };
    assert_eq!(
        read(&code, 0, GroupId([9; 16]), today(), &topics),
        Err(CheckinError::WrongGroup)
    );
    assert_eq!(
        read(&code, 5, GROUP, today(), &topics),
        Err(CheckinError::NotForMe)
    );
    assert_eq!(
        read(&code, 0, GROUP, today().plus(7), &topics),
        Err(CheckinError::OtherDay)
    );
    let mut fewer = topics.clone();
    fewer.pop();
    assert_eq!(
        read(&code, 0, GROUP, today(), &fewer),
        Err(CheckinError::TopicsDiffer)
    );
    assert_eq!(
        read(b"hello", 0, GROUP, today(), &topics),
        Err(CheckinError::NotCheckin)
    );
    // Member 2 pretends to be member 1: the animator's agreement with member 1's key fails.
    let forged = seal(
        &identity(2),
        GROUP,
        person(1),
        9,
        &to_animator,
        &topics,
        &checkin,
    )
    .unwrap();
    assert_eq!(
        read(&forged, 0, GROUP, today(), &topics),
        Err(CheckinError::Forged)
    );
    // A stranger, unknown to the animator.
    let stranger = seal(
        &identity(9),
        GROUP,
        person(9),
        1,
        &to_animator,
        &topics,
        &checkin,
    )
    .unwrap();
    assert_eq!(
        read(&stranger, 0, GROUP, today(), &topics),
        Err(CheckinError::UnknownPerson)
    );
    // Every altered byte and every truncation is refused.
    for i in 0..code.len() {
        for flip in [0x01u8, 0x80, 0xff] {
            let mut bad = code.clone();
            bad[i] ^= flip;
            assert!(
                read(&bad, 0, GROUP, today(), &topics).is_err(),
                "byte {i} ^ {flip:#x}"
            );
        }
    }
    for len in 0..code.len() {
        assert!(read(&code[..len], 0, GROUP, today(), &topics).is_err());
    }
    let mut longer = code.clone();
    longer.push(0);
    assert!(read(&longer, 0, GROUP, today(), &topics).is_err());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_checkin_round_trips(
        need in proptest::option::of(0usize..18),
        device in proptest::option::of(0usize..5),
        helps in any::<bool>(),
        levels in proptest::collection::vec(proptest::option::of((0u8..4, 0u8..6, any::<bool>())), 18),
        seq in any::<u32>(),
    ) {
        let topics = topics();
        let skills = levels.iter().any(Option::is_some).then(|| Skills {
            on: today(),
            topics: topics.iter().zip(&levels).filter_map(|(t, l)| {
                l.map(|(level, stars, wants)| (t.clone(), TopicLevel { level, stars, wants }))
            }).collect(),
        });
        let checkin = Checkin {
            day: today(),
            need: need.and_then(|i| topics.get(i).cloned()),
            device: device.map(|i| Device::ALL[i]),
            helps,
            skills,
        };
        let code = seal(&identity(1), GROUP, person(1), seq, &[identity(0).recipient()], &topics, &checkin).unwrap();
        let read = open(&code, &identity(0), GROUP, today(), key_of, &topics).unwrap();
        prop_assert_eq!(read.checkin, checkin);
        prop_assert_eq!(read.seq, seq);
    }

    #[test]
    fn random_bytes_never_open(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let mut bytes = bytes;
        if bytes.len() > 3 { bytes[0] = b'E'; bytes[1] = b'J'; bytes[2] = 1; }
        let topics = topics();
        prop_assert!(open(&bytes, &identity(0), GROUP, today(), key_of, &topics).is_err());
    }
}
