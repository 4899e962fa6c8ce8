//! Removing a member erases their personal data on every phone that merges the removal —
//! in the record, in the changes held, and in the saved bytes — while the anonymous
//! records they took part in stay, so reports still add up. And deltas are minimal: after
//! an acknowledgement nothing is sent twice.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::group::{anchor, group, person, T0};
use entraide_core::merge::{Audience, HelpFields, Op, Refused, Rejection, Replica};
use entraide_core::model::{AgeBand, Autonomy, Day, Facts, Gender, Need, RecordId, Skills};

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn a_removed_members_personal_data_is_gone_everywhere() {
    let mut phones = group(4, &[]);
    let session = RecordId([3; 16]);
    let day = Day::from_unix_ms(T0);
    // Marcel (member 1) gives optional facts, a self-assessment, a need, help and a tip.
    let marcel_nickname = "Marcel";
    let mut marcel_changes = phones[1].write(
        T0 + 100,
        vec![
            Op::MemberFacts {
                person: person(1),
                facts: Some(Facts {
                    age_band: Some(AgeBand::From70To79),
                    gender: Some(Gender::Male),
                    agreed_on: day,
                }),
            },
            Op::Skills {
                person: person(1),
                skills: Skills {
                    on: day,
                    topics: Default::default(),
                },
            },
            Op::Need {
                session,
                person: person(1),
                need: Need {
                    topic: Some("email".into()),
                    device: None,
                    helps: false,
                },
            },
            Op::Help {
                session,
                helper: person(2),
                helped: person(1),
                fields: HelpFields {
                    minutes: Some(30),
                    autonomy: Some(Autonomy::Autonomous),
                    ..HelpFields::default()
                },
            },
            Op::Tip {
                tip: RecordId([8; 16]),
                text: "Un appui long ouvre le menu.".into(),
                topic: None,
                session: Some(session),
                on: day,
            },
        ],
    );
    // Marcel renames himself too (a personal change he writes).
    marcel_changes.extend(phones[1].write(
        T0 + 150,
        vec![Op::MemberNickname {
            person: person(1),
            nickname: "Marcel le Grand".into(),
        }],
    ));
    phones[0].replica.merge(marcel_changes.clone(), T0 + 200);
    // Member 2 (the co-phone) has everything too.
    phones[2].replica.merge(marcel_changes, T0 + 200);
    let hand_back = phones[0]
        .replica
        .delta(phones[2].replica.version_vector(), None);
    phones[2].replica.merge(hand_back, T0 + 210);
    assert!(contains(
        &phones[2].replica.to_bytes().unwrap(),
        marcel_nickname.as_bytes()
    ));

    // The animator removes Marcel, vouching for his changes it holds.
    let vouched = phones[0]
        .replica
        .delta(&Default::default(), None)
        .iter()
        .filter(|c| c.author == person(1))
        .map(|c| c.digest(anchor().group))
        .collect();
    phones[0].write(
        T0 + 300,
        vec![Op::RemoveMember {
            person: person(1),
            vouched,
        }],
    );
    let delta = phones[0]
        .replica
        .delta(phones[2].replica.version_vector(), None);
    phones[2].replica.merge(delta, T0 + 400);

    for phone in [&phones[0], &phones[2]] {
        let record = phone.replica.record();
        let marcel = &record.members[&person(1)];
        assert!(marcel.removed);
        assert_eq!(marcel.nickname, None);
        assert_eq!(marcel.signer, None);
        assert_eq!(marcel.facts, None);
        assert!(!record.skills.contains_key(&person(1)));
        // Nowhere in memory (every field of the record, every change held)…
        assert!(!format!("{record:?}").contains(marcel_nickname));
        let held = format!("{:?}", phone.replica.delta(&Default::default(), None));
        assert!(!held.contains(marcel_nickname), "a change still names him");
        // …nor in what is saved.
        let saved = phone.replica.to_bytes().unwrap();
        assert!(!contains(&saved, marcel_nickname.as_bytes()));
        assert!(!contains(&saved, &phones[1].identity.signer().0));
        // The anonymous records stay: the help he received, his need, his tip.
        assert_eq!(record.help.len(), 1);
        assert!(record.needs.contains_key(&(session, person(1))));
        assert_eq!(record.tips.len(), 1);
    }

    // A phone that never saw Marcel's changes gets the removal first, then an old copy of
    // his nickname: it never lands.
    let mut late = Replica::new(anchor(), person(3));
    let everything = phones[0].replica.delta(&Default::default(), None);
    late.merge(everything, T0 + 500);
    let old_nickname = phones[1]
        .replica
        .delta(&Default::default(), None)
        .into_iter()
        .filter(|c| c.subject == Some(person(1)))
        .collect::<Vec<_>>();
    assert!(!old_nickname.is_empty());
    let report = late.merge(old_nickname, T0 + 600);
    assert_eq!(report.applied_count(), 0);
    assert!(report.erased > 0);
    assert!(!contains(
        &late.to_bytes().unwrap(),
        marcel_nickname.as_bytes()
    ));

    // What Marcel writes after his removal is refused.
    let after = phones[1].write(
        T0 + 700,
        vec![Op::Vote {
            session,
            person: person(1),
            topic: "email".into(),
        }],
    );
    let report = phones[0].replica.merge(after, T0 + 800);
    assert_eq!(
        report.rejected[0].1,
        Rejection::Refused(Refused::RemovedAuthor)
    );
}

#[test]
fn deltas_carry_only_what_was_not_acknowledged() {
    let mut phones = group(3, &[]);
    let session = RecordId([3; 16]);
    let day = Day::from_unix_ms(T0);
    let vote = |topic: &str| Op::Vote {
        session,
        person: person(1),
        topic: topic.into(),
    };
    let need = Op::Need {
        session,
        person: person(1),
        need: Need::default(),
    };
    phones[1].write(T0 + 100, vec![vote("email"), need.clone()]);
    // The participant's hand-over: its own changes the animator has not acknowledged.
    let ack = phones[0].replica.version_vector().clone();
    let first = phones[1].replica.own_after(&ack);
    assert_eq!(first.len(), 2, "one shared change, one for the animators");
    phones[0].replica.merge(first, T0 + 200);
    // After the animator's acknowledgement, nothing is sent again…
    let ack = phones[0].replica.version_vector().clone();
    assert!(phones[1].replica.own_after(&ack).is_empty());
    // …and only the new change next time.
    phones[1].write(T0 + 300, vec![vote("passwords")]);
    let second = phones[1].replica.own_after(&ack);
    assert_eq!(second.len(), 1);
    phones[0].replica.merge(second, T0 + 400);
    // A hand-back to a phone that acknowledged everything shared is empty of old changes.
    phones[0].write(
        T0 + 500,
        vec![Op::Tip {
            tip: RecordId([4; 16]),
            text: "Le bouton rond revient à l'accueil.".into(),
            topic: None,
            session: Some(session),
            on: day,
        }],
    );
    let back = phones[0]
        .replica
        .delta(phones[2].replica.version_vector(), Some(Audience::Group));
    // Member 2 lacks the two votes and the tip; never the need (animators only).
    assert_eq!(back.len(), 3);
    assert!(back.iter().all(|c| c.audience == Audience::Group));
    phones[2].replica.merge(back, T0 + 600);
    let again = phones[0]
        .replica
        .delta(phones[2].replica.version_vector(), Some(Audience::Group));
    assert!(again.is_empty(), "nothing is sent twice");
    assert!(phones[2].replica.record().needs.is_empty());
}

#[test]
fn the_helped_persons_autonomy_is_kept_over_the_helpers_guess() {
    let mut phones = group(3, &[]);
    let session = RecordId([3; 16]);
    let help = |autonomy: Autonomy, minutes: u16| HelpFields {
        topic: Some("email".into()),
        minutes: Some(minutes),
        autonomy: Some(autonomy),
        ..HelpFields::default()
    };
    let helped_says = phones[2].write(
        T0 + 100,
        vec![Op::Help {
            session,
            helper: person(1),
            helped: person(2),
            fields: help(Autonomy::PartlyAutonomous, 30),
        }],
    );
    // The helper logs the same help later, with another guess and another duration.
    let helper_says = phones[1].write(
        T0 + 200,
        vec![Op::Help {
            session,
            helper: person(1),
            helped: person(2),
            fields: help(Autonomy::Autonomous, 40),
        }],
    );
    for order in [[&helped_says, &helper_says], [&helper_says, &helped_says]] {
        let mut animator = Replica::new(anchor(), person(0));
        animator.merge(phones[0].replica.delta(&Default::default(), None), T0);
        let mut conflicts = 0;
        for changes in order {
            conflicts += animator.merge(changes.clone(), T0 + 300).conflicts.len();
        }
        let record = animator.record();
        assert_eq!(
            record.help.len(),
            1,
            "the two records of one pairing are one"
        );
        let h = record.help.values().next().unwrap();
        assert_eq!(h.autonomy, Some(Autonomy::PartlyAutonomous));
        assert_eq!(h.minutes, Some(40), "the latest duration is kept");
        assert!(conflicts >= 1, "the screen tells of the conflict settled");
    }
}
