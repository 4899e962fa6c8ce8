//! Who may write what: every permission rule, each with a forged write that must be
//! refused on merge (a participant's phone that signs what it may not write), plus forged
//! signatures, re-signed changes, strangers and removed members.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::group::{group, identity, person, Phone, GROUP, T0};
use entraide_core::merge::{Audience, Change, HelpFields, Hlc, MergeError, Op, Refused, Rejection};
use entraide_core::model::{
    CharterVersion, Day, HelpGroup, MemberRole, Need, RecordId, SessionState, Settings, Skills,
    Track,
};

fn today() -> Day {
    Day::from_unix_ms(T0)
}

/// Signs `op` as `phone`, bypassing its own checks (what a tampered phone could send).
fn forge(phone: &Phone, seq: u64, op: Op) -> Change {
    Change::sign(
        &phone.identity,
        GROUP,
        phone.id(),
        seq,
        Hlc {
            ms: T0 + 10_000,
            n: 0,
        },
        op.audience(),
        op.personal_subject(),
        vec![op],
    )
    .unwrap()
}

fn refused_on_merge(phones: &mut [Phone], author: usize, op: Op) -> Rejection {
    // A fresh number each time: an author never reuses one (a refused change is kept,
    // outside the record, in case an earlier change that has not arrived makes it valid).
    static FORGED: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(100);
    let seq = phones[author].replica.next_seq()
        + FORGED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let change = forge(&phones[author], seq, op.clone());
    // The author's own phone refuses to write it…
    let written = phones[author]
        .replica
        .write(&identity(phones[author].n), T0 + 20_000, vec![op]);
    assert!(
        matches!(written, Err(MergeError::NotAllowed(_))),
        "{written:?}"
    );
    // …and the animator's phone refuses the forged change.
    let before = phones[0].replica.record().clone();
    let report = phones[0].replica.merge(vec![change], T0 + 30_000);
    assert_eq!(phones[0].replica.record(), &before, "nothing merged");
    assert_eq!(report.applied_count(), 0);
    assert_eq!(report.rejected.len(), 1, "{report:?}");
    report.rejected[0].1.clone()
}

#[test]
fn participants_may_not_write_what_animators_write() {
    let mut phones = group(4, &[2]);
    let session = RecordId([9; 16]);
    let forbidden = vec![
        Op::GroupName("Pirates".into()),
        Op::GroupPlace("Ailleurs".into()),
        Op::GroupSettings(Settings::default()),
        Op::Charter(CharterVersion {
            version: 2,
            text: "Tout est permis.".into(),
            published: today(),
        }),
        Op::MemberRole {
            person: person(1),
            role: MemberRole::Animator,
        },
        Op::MemberJoined {
            person: person(9),
            on: today(),
            has_phone: true,
        },
        Op::MemberKeys {
            person: person(3),
            signer: identity(1).signer(),
            recipient: identity(1).recipient(),
        },
        Op::RemoveMember {
            person: person(3),
            vouched: vec![],
        },
        Op::SessionPlan {
            session,
            date: today(),
            place: "Salle".into(),
            track: Track::Beginners,
        },
        Op::SessionThemes {
            session,
            themes: vec!["email".into()],
        },
        Op::SessionState {
            session,
            state: SessionState::Open,
        },
        Op::SessionDeleted { session },
        Op::Attend {
            session,
            person: person(1),
        },
        Op::HelpGroups {
            session,
            groups: vec![HelpGroup {
                helper: person(1),
                helped: vec![person(3)],
                topic: "email".into(),
            }],
        },
        Op::HelpDeleted {
            help: RecordId::help(session, person(1), person(3)),
        },
    ];
    for op in forbidden {
        let rejection = refused_on_merge(&mut phones, 1, op.clone());
        assert!(
            matches!(rejection, Rejection::Refused(Refused::NotAllowed(_))),
            "{op:?}: {rejection:?}"
        );
    }
}

#[test]
fn participants_may_not_write_for_someone_else() {
    let mut phones = group(4, &[]);
    let session = RecordId([9; 16]);
    let other = person(3);
    let forbidden = vec![
        Op::MemberNickname {
            person: other,
            nickname: "Moqueur".into(),
        },
        Op::MemberFacts {
            person: other,
            facts: None,
        },
        Op::CharterAccepted {
            person: other,
            version: 1,
            on: today(),
        },
        Op::MemberLeft {
            person: other,
            on: today(),
        },
        Op::Skills {
            person: other,
            skills: Skills {
                on: today(),
                topics: Default::default(),
            },
        },
        Op::Need {
            session,
            person: other,
            need: Need::default(),
        },
        Op::Help {
            session,
            helper: person(2),
            helped: other,
            fields: HelpFields {
                minutes: Some(30),
                ..HelpFields::default()
            },
        },
        Op::Vote {
            session,
            person: other,
            topic: "email".into(),
        },
        Op::Evaluation {
            session,
            person: other,
            answers: vec![5, 5, 5],
        },
    ];
    for op in forbidden {
        let rejection = refused_on_merge(&mut phones, 1, op.clone());
        assert!(
            matches!(rejection, Rejection::Refused(Refused::NotAllowed(_))),
            "{op:?}: {rejection:?}"
        );
    }
}

/// Writes tip `tip` with `text`, on e-mail.
fn tip_op(tip: RecordId, text: &str) -> Op {
    Op::Tip {
        tip,
        text: text.into(),
        topic: Some("email".into()),
        session: None,
        on: today(),
    }
}

#[test]
fn only_a_tips_author_or_an_animator_edits_it() {
    let mut phones = group(4, &[]);
    let tip = RecordId([7; 16]);
    let write_tip = |text: &str| tip_op(tip, text);
    let changes = phones[3].write(T0 + 100, vec![write_tip("Appuyez longtemps sur la photo.")]);
    phones[0].replica.merge(changes.clone(), T0 + 200);
    phones[1].replica.merge(changes, T0 + 200);
    let rejection = refused_on_merge(&mut phones, 1, write_tip("Ne faites rien."));
    assert!(matches!(
        rejection,
        Rejection::Refused(Refused::NotAllowed(_))
    ));
    let rejection = refused_on_merge(&mut phones, 1, Op::TipDeleted { tip });
    assert!(matches!(
        rejection,
        Rejection::Refused(Refused::NotAllowed(_))
    ));
    // The author and the animator may.
    phones[3].write(
        T0 + 300,
        vec![write_tip("Appuyez longtemps, puis « Partager ».")],
    );
    phones[0].write(
        T0 + 400,
        vec![write_tip("Appuyez longtemps, puis « Partager ».")],
    );
    assert_eq!(phones[0].replica.record().tips[&tip].edits, 1);
}

/// Found by the property test: a tip's author edits it; a phone that receives the edit
/// and an animator's edit before the tip itself sees the author editing "the animator's"
/// tip, and refuses. Once the tip arrives, the edit is valid after all: every phone must
/// end with the same tip, whatever came first.
#[test]
fn a_refused_change_that_an_earlier_one_makes_valid_is_applied_when_it_arrives() {
    let mut phones = group(3, &[]);
    let tip = RecordId([8; 16]);
    let write_tip = |text: &str| tip_op(tip, text);
    let first = phones[1].write(T0 + 100, vec![write_tip("Version de Marcel")]);
    let animator = phones[0].write(T0 + 200, vec![write_tip("Version de Nadia")]);
    let again = phones[1].write(T0 + 300, vec![write_tip("Marcel corrige")]);
    // Phone 2 gets the animator's edit and Marcel's correction first: Marcel seems to edit
    // someone else's tip.
    let mut late = animator.clone();
    late.extend(again.clone());
    let report = phones[2].replica.merge(late, T0 + 400);
    assert_eq!(report.rejected.len(), 1, "{report:?}");
    assert_eq!(
        phones[2].replica.record().tips[&tip].text,
        "Version de Nadia"
    );
    // Then the tip itself.
    phones[2].replica.merge(first.clone(), T0 + 500);
    let mut all = first;
    all.extend(animator);
    all.extend(again);
    phones[0].replica.merge(all, T0 + 600);
    for phone in [&phones[0], &phones[2]] {
        let record = phone.replica.record();
        assert_eq!(
            record.tips[&tip].text, "Marcel corrige",
            "phone {}",
            phone.n
        );
        assert_eq!(record.tips[&tip].author, person(1));
        assert_eq!(record.tips[&tip].edits, 2);
    }
    assert_eq!(phones[0].replica.record(), phones[2].replica.record());
}

#[test]
fn co_animators_animate_but_do_not_change_roles() {
    let mut phones = group(4, &[2]);
    let session = RecordId([9; 16]);
    phones[2].write(
        T0 + 100,
        vec![Op::SessionPlan {
            session,
            date: today(),
            place: "Salle Rivière".into(),
            track: Track::Confirmed,
        }],
    );
    for op in [
        Op::MemberRole {
            person: person(1),
            role: MemberRole::CoAnimator,
        },
        Op::RemoveMember {
            person: person(1),
            vouched: vec![],
        },
    ] {
        let rejection = refused_on_merge(&mut phones, 2, op);
        assert!(matches!(
            rejection,
            Rejection::Refused(Refused::NotAllowed(_))
        ));
    }
}

#[test]
fn nobody_removes_or_demotes_the_founder() {
    let mut phones = group(3, &[]);
    phones[0].write(
        T0 + 100,
        vec![Op::MemberRole {
            person: person(1),
            role: MemberRole::Animator,
        }],
    );
    let delta = phones[0]
        .replica
        .delta(phones[1].replica.version_vector(), None);
    phones[1].replica.merge(delta, T0 + 200);
    for op in [
        Op::RemoveMember {
            person: person(0),
            vouched: vec![],
        },
        Op::MemberRole {
            person: person(0),
            role: MemberRole::Participant,
        },
    ] {
        let rejection = refused_on_merge(&mut phones, 1, op);
        assert!(matches!(
            rejection,
            Rejection::Refused(Refused::NotAllowed(_))
        ));
    }
}

#[test]
fn forged_signatures_and_re_signed_changes_are_refused() {
    let mut phones = group(3, &[]);
    let session = RecordId([9; 16]);
    let need = |topic: &str| Op::Need {
        session,
        person: person(1),
        need: Need {
            topic: Some(topic.into()),
            device: None,
            helps: false,
        },
    };
    // Signed by member 2's key but claiming to be member 1.
    let mut forged = forge(&phones[2], 1, need("email"));
    forged.author = person(1);
    let report = phones[0].replica.merge(vec![forged], T0 + 100);
    assert_eq!(
        report.rejected[0].1,
        Rejection::Refused(Refused::BadSignature),
        "{report:?}"
    );
    // A real change, then the same author and number with other content.
    let real = phones[1].write(T0 + 200, vec![need("email")]);
    phones[0].replica.merge(real.clone(), T0 + 300);
    let mut altered = real[0].clone();
    altered.ops = vec![need("spreadsheets")];
    let report = phones[0].replica.merge(vec![altered], T0 + 400);
    assert_eq!(report.rejected[0].1, Rejection::Conflicting);
    let resigned = forge(&phones[1], real[0].seq, need("spreadsheets"));
    let report = phones[0].replica.merge(vec![resigned], T0 + 500);
    assert_eq!(report.rejected[0].1, Rejection::Conflicting);
    let need_now = &phones[0].replica.record().needs[&(session, person(1))];
    assert_eq!(
        need_now.topic.as_deref(),
        Some("email"),
        "nothing stored is lost"
    );
    // A replayed change is only counted as already had.
    let report = phones[0].replica.merge(real, T0 + 600);
    assert_eq!(report.already_had, 1);
    assert!(report.is_empty());
}

#[test]
fn strangers_changes_wait_and_never_apply() {
    let mut phones = group(2, &[]);
    let stranger = Phone {
        n: 77,
        identity: identity(77),
        replica: entraide_core::merge::Replica::new(common::group::anchor(), person(77)),
    };
    let change = forge(
        &stranger,
        1,
        Op::Tip {
            tip: RecordId([5; 16]),
            text: "Cliquez ici pour gagner".into(),
            topic: None,
            session: None,
            on: today(),
        },
    );
    let report = phones[0].replica.merge(vec![change], T0 + 100);
    assert_eq!(report.pending, 1);
    assert!(phones[0].replica.record().tips.is_empty());
}

#[test]
fn malformed_changes_are_refused() {
    let mut phones = group(2, &[]);
    // Personal data mixed with other ops: the signature is valid but the form is not.
    let mut change = forge(
        &phones[1],
        5,
        Op::MemberNickname {
            person: person(1),
            nickname: "Marcel".into(),
        },
    );
    change.ops.push(Op::Vote {
        session: RecordId([1; 16]),
        person: person(1),
        topic: "email".into(),
    });
    let report = phones[0].replica.merge(vec![change], T0 + 100);
    assert!(matches!(report.rejected[0].1, Rejection::Malformed(_)));
    // Private data sent to the whole group.
    let mut change = forge(
        &phones[1],
        6,
        Op::Need {
            session: RecordId([1; 16]),
            person: person(1),
            need: Need::default(),
        },
    );
    change.audience = Audience::Group;
    let report = phones[0].replica.merge(vec![change], T0 + 100);
    assert!(matches!(report.rejected[0].1, Rejection::Malformed(_)));
}
