//! A session's life on the animator's phone and two participants' phones: two tracks on
//! one day, check-in by code (twice, the need changed), by tap and for a newcomer without a
//! phone, the matching on the people present with their real levels, confirmed groups each
//! phone learns, a need changed after matching and a person leaving early making groups
//! stale, help logged on both sides becoming one record, tips, votes, evaluations, closing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::group::{group, identity, person, T0};
use entraide_core::assessment::Catalog;
use entraide_core::matching::{solve, SolveOptions, Topic};
use entraide_core::merge::Op;
use entraide_core::model::{
    Autonomy, Day, Device, Need, PersonId, RecordId, SessionState, Skills, TopicLevel, Track,
};
use entraide_core::session::groups::{self, Stale};
use entraide_core::session::today::{help_drafts, log_help, today, MyGroup};
use entraide_core::session::{plan, presence, Step};
use entraide_core::transfer::checkin::{self, Checkin};

fn topics() -> Vec<Topic> {
    Catalog::builtin()
        .unwrap()
        .topics()
        .iter()
        .map(|t| Topic {
            id: t.id.clone(),
            sensitive: t.sensitive,
        })
        .collect()
}

fn skills(day: Day, levels: &[(&str, u8)]) -> Skills {
    Skills {
        on: day,
        topics: levels
            .iter()
            .map(|(t, l)| {
                (
                    (*t).to_string(),
                    TopicLevel {
                        level: *l,
                        stars: *l,
                        wants: false,
                    },
                )
            })
            .collect(),
    }
}

#[test]
fn a_session_from_start_to_finish() {
    let mut phones = group(3, &[]);
    let day = Day::from_unix_ms(T0);
    let ids: Vec<String> = topics().into_iter().map(|t| t.id).collect();
    let beginners = RecordId([1; 16]);
    let confirmed = RecordId([2; 16]);
    // Plan both tracks on the same day, open the beginners'.
    let mut ops = plan::plan(beginners, day, "Salle Rivière", Track::Beginners, vec![]);
    ops.extend(plan::plan(
        confirmed,
        day,
        "Salle Océan",
        Track::Confirmed,
        vec!["spreadsheets".into()],
    ));
    ops.push(plan::open(beginners));
    phones[0].write(T0 + 10, ops);
    let record = phones[0].replica.record();
    let sessions = plan::sessions_on(record, day);
    assert_eq!(sessions.len(), 2);
    assert_eq!(sessions[0].id, beginners, "the open session comes first");
    assert_eq!(Step::Presence.number(), 2);

    // Marcel (1) can show e-mail; Sophie (2) needs e-mail. Each shows a "Je suis là" code.
    let animators = [identity(0).recipient()];
    let code_for = |n: u8, need: &str, helps: bool, levels: &[(&str, u8)], seq: u32| {
        checkin::seal(
            &identity(n),
            common::group::GROUP,
            person(n),
            seq,
            &animators,
            &ids,
            &Checkin {
                day,
                need: Some(need.to_string()),
                device: Some(Device::Phone),
                helps,
                skills: Some(skills(day, levels)),
            },
        )
        .unwrap()
    };
    let key_of = |p: PersonId| {
        phones[0]
            .replica
            .record()
            .member(p)
            .and_then(|m| m.recipient)
    };
    let mut check_in = Vec::new();
    for (n, code) in [
        (1u8, code_for(1, "photos_files", true, &[("email", 3)], 1)),
        (2u8, code_for(2, "video_calls", false, &[("email", 0)], 1)),
        // Sophie checks in a second time with another need: the latest need is kept.
        (2u8, code_for(2, "email", false, &[("email", 0)], 2)),
    ] {
        let read =
            checkin::open(&code, &identity(0), common::group::GROUP, day, key_of, &ids).unwrap();
        assert_eq!(read.person, person(n));
        check_in.extend(presence::by_code(
            phones[0].replica.record(),
            beginners,
            &read,
        ));
    }
    // Bernard comes without a phone: added by the animator with a need and a level asked aloud.
    let bernard = PersonId([0xbe; 16]);
    check_in.extend(presence::newcomer(
        beginners,
        bernard,
        "Bernard",
        day,
        Need {
            topic: Some("email".into()),
            device: Some(Device::None),
            helps: false,
        },
        Some(skills(day, &[("email", 1)])),
    ));
    phones[0].write(T0 + 20, check_in);
    let record = phones[0].replica.record();
    assert_eq!(
        record.present(beginners).len(),
        3,
        "checked in twice counts once"
    );
    assert_eq!(
        record.needs[&(beginners, person(2))].topic.as_deref(),
        Some("email")
    );
    assert!(!record.members[&bernard].has_phone);
    assert!(presence::not_yet_here(record, beginners).contains(&person(0)));

    // The matching uses the real levels from the codes.
    let instance = groups::instance(record, beginners, topics());
    assert_eq!(instance.people.len(), 3);
    let solution = solve(&instance, &SolveOptions::default()).unwrap();
    assert_eq!(
        solution.objective.helped, 2,
        "Marcel helps Sophie and Bernard"
    );
    assert!(solution.optimal);
    phones[0].write(T0 + 30, vec![groups::confirm(beginners, &solution)]);
    assert!(groups::stale(phones[0].replica.record(), beginners).is_empty());

    // Each phone learns its group from the hand-back (the shared part of the record).
    for n in [1usize, 2] {
        let (from, to) = phones.split_at_mut(n);
        to[0].pull(
            &from[0],
            Some(entraide_core::merge::Audience::Group),
            T0 + 40,
        );
    }
    let marcel_today = today(phones[1].replica.record(), person(1), day).unwrap();
    assert_eq!(marcel_today.session.place, "Salle Rivière");
    assert!(matches!(
        marcel_today.group,
        Some(MyGroup::Helping { ref helped, ref topic }) if helped.len() == 2 && topic == "email"
    ));
    let sophie_today = today(phones[2].replica.record(), person(2), day).unwrap();
    assert_eq!(
        sophie_today.group,
        Some(MyGroup::Helped {
            helper: person(1),
            topic: "email".into()
        })
    );

    // Help time: both sides log the help in three taps; it is one record after merge.
    let marcel_drafts = help_drafts(phones[1].replica.record(), beginners, person(1));
    assert_eq!(marcel_drafts.len(), 2);
    let to_sophie = marcel_drafts
        .iter()
        .find(|d| d.helped == person(2))
        .unwrap();
    assert_eq!(to_sophie.minutes, 45);
    let by_marcel = phones[1].write(T0 + 50, vec![log_help(to_sophie, Device::Phone, None, 40)]);
    let sophie_draft = &help_drafts(phones[2].replica.record(), beginners, person(2))[0];
    let by_sophie = phones[2].write(
        T0 + 60,
        vec![log_help(
            sophie_draft,
            Device::Phone,
            Some(Autonomy::PartlyAutonomous),
            40,
        )],
    );
    phones[0].replica.merge(by_marcel, T0 + 70);
    phones[0].replica.merge(by_sophie, T0 + 70);
    let help = phones[0].replica.record().help_in(beginners);
    assert_eq!(help.len(), 1, "two logs of one pairing are one help given");
    assert_eq!(help[0].autonomy, Some(Autonomy::PartlyAutonomous));

    // A need changed after matching, then a person leaving early: the groups are stale.
    phones[0].write(
        T0 + 80,
        vec![Op::Need {
            session: beginners,
            person: bernard,
            need: Need {
                topic: Some("web_search".into()),
                device: None,
                helps: false,
            },
        }],
    );
    assert_eq!(
        groups::stale(phones[0].replica.record(), beginners),
        vec![Stale::NeedChanged(bernard)]
    );
    phones[0].write(T0 + 90, vec![presence::leaves(beginners, bernard)]);
    let record = phones[0].replica.record();
    assert_eq!(groups::stale(record, beginners), vec![Stale::Left(bernard)]);
    assert_eq!(
        groups::instance(record, beginners, topics()).people.len(),
        2
    );

    // Tips, votes, evaluations, then closing.
    let tip = Op::Tip {
        tip: RecordId([7; 16]),
        text: "Le trombone sert à joindre une photo.".into(),
        topic: Some("attachments".into()),
        session: Some(beginners),
        on: day,
    };
    let vote = |n: u8, topic: &str| Op::Vote {
        session: beginners,
        person: person(n),
        topic: topic.into(),
    };
    let mut changes = phones[1].write(T0 + 100, vec![tip, vote(1, "passwords")]);
    changes.extend(phones[2].write(
        T0 + 100,
        vec![
            vote(2, "passwords"),
            vote(2, "video_calls"),
            Op::Evaluation {
                session: beginners,
                person: person(2),
                answers: vec![5, 4, 4, 5],
            },
        ],
    ));
    phones[0].replica.merge(changes, T0 + 110);
    phones[0].write(T0 + 120, vec![plan::close(beginners)]);
    let record = phones[0].replica.record();
    assert_eq!(record.sessions[&beginners].state, SessionState::Closed);
    assert_eq!(record.tips_of(beginners).len(), 1);
    assert_eq!(
        plan::vote_counts(record, beginners),
        vec![("passwords".to_string(), 2), ("video_calls".to_string(), 1)]
    );
    assert_eq!(record.evaluations.len(), 1);
}

/// A need given on the participant's own phone carries their latest self-assessment once,
/// skipped topics left out, and is accepted from them (not only from the animator).
#[test]
fn a_need_given_on_the_phone_brings_the_persons_own_levels() {
    use entraide_core::assessment::{AssessmentResult, TopicResult};
    use entraide_core::session::today::{give_need, skills_of};
    let topic = |level: u8, skipped: bool| TopicResult {
        level,
        stars: level,
        reached: level,
        of: 4,
        can_help: level == 3,
        wants_to_learn: level == 0 && !skipped,
        skipped,
    };
    let result = AssessmentResult {
        taken_at: T0 - 86_400_000,
        devices: Default::default(),
        topics: [
            ("email".to_string(), topic(3, false)),
            ("video_calls".to_string(), topic(0, false)),
            ("photos_files".to_string(), topic(0, true)),
        ]
        .into_iter()
        .collect(),
    };
    let skills = skills_of(&result);
    assert_eq!(skills.on, Day::from_unix_ms(T0 - 86_400_000));
    assert_eq!(skills.levels().get("email"), Some(&3));
    assert!(skills.topics["video_calls"].wants);
    assert!(
        !skills.topics.contains_key("photos_files"),
        "a skipped topic says nothing"
    );

    let mut phones = group(2, &[]);
    let session = RecordId([7; 16]);
    let day = Day::from_unix_ms(T0);
    let mut ops = plan::plan(session, day, "Salle Rivière", Track::Beginners, vec![]);
    ops.push(plan::open(session));
    ops.extend(presence::by_tap(session, person(1), None));
    phones[0].write(T0, ops);
    let (animator, participant) = phones.split_at_mut(1);
    participant[0].pull(&animator[0], None, T0 + 1);

    let need = Need {
        topic: None,
        device: Some(Device::Phone),
        helps: true,
    };
    let me = person(1);
    let ops = give_need(
        phones[1].replica.record(),
        session,
        me,
        need.clone(),
        Some(&result),
    );
    assert_eq!(ops.len(), 2, "the need and the levels");
    phones[1].write(T0 + 2, ops);
    let again = give_need(
        phones[1].replica.record(),
        session,
        me,
        need.clone(),
        Some(&result),
    );
    assert_eq!(
        again.len(),
        1,
        "levels already in the record are not written twice"
    );

    let (animator, participant) = phones.split_at_mut(1);
    let report = animator[0].pull(&participant[0], None, T0 + 3);
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    let record = phones[0].replica.record();
    assert_eq!(record.needs.get(&(session, me)), Some(&need));
    assert_eq!(
        record.latest_skills(me).map(Skills::levels),
        Some(skills.levels())
    );
    let instance = groups::instance(record, session, topics());
    let marcel = instance
        .people
        .iter()
        .find(|p| p.id == groups::matching_id(me))
        .unwrap();
    assert!(marcel.helps);
    assert_eq!(marcel.levels.get("email"), Some(&3));
}
