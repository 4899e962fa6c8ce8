//! Hand-overs and hand-backs through real envelopes: a participant's session reaches the
//! animator, the animator's hand-back reaches the room and acknowledges what arrived; and
//! every bad input is refused with nothing merged: another group, a replay, a stranger,
//! a participant relaying someone else's changes, a truncated transfer, a hand-back from a
//! removed animator, and a removed member reading the next hand-back.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::group::{anchor, group, identity, person, T0};
use entraide_core::merge::wire::{
    open_handback, open_handover, seal_handback, seal_handover, WireError,
};
use entraide_core::merge::{Anchor, HelpFields, Op, OpKind, Replica, VersionVector};
use entraide_core::model::{Day, MemberRole, Need, RecordId};
use entraide_core::transfer::envelope::{self, EnvelopeError, Kind};
use entraide_core::transfer::{GroupId, Seen};

fn session_ops(n: u8) -> Vec<Op> {
    let session = RecordId([3; 16]);
    vec![
        Op::Need {
            session,
            person: person(n),
            need: Need {
                topic: Some("email".into()),
                device: None,
                helps: false,
            },
        },
        Op::Help {
            session,
            helper: person(n),
            helped: person(3 - n),
            fields: HelpFields {
                minutes: Some(30),
                ..HelpFields::default()
            },
        },
        Op::Tip {
            tip: RecordId([10 + n; 16]),
            text: format!("Astuce de {n}"),
            topic: None,
            session: Some(session),
            on: Day::from_unix_ms(T0),
        },
    ]
}

#[test]
fn a_session_goes_to_the_animator_and_back_to_the_room() {
    let mut phones = group(3, &[]);
    let mut seen = Seen::default();
    for n in [1u8, 2] {
        phones[usize::from(n)].write(T0 + 100, session_ops(n));
    }
    // Each participant hands over; the animator merges.
    for n in [1usize, 2] {
        let bytes = seal_handover(
            &phones[n].replica,
            &phones[n].identity,
            1,
            &VersionVector::new(),
            None,
            None,
        )
        .unwrap();
        let (header, handover) =
            open_handover(&bytes, &phones[0].replica, &phones[0].identity, &seen).unwrap();
        seen.record(header.sender, header.seq);
        let report = phones[0].replica.merge(handover.changes, T0 + 200);
        let kinds = &report.applied[&person(n as u8)];
        assert_eq!(kinds[&OpKind::Need], 1);
        assert_eq!(kinds[&OpKind::Help], 1);
        assert_eq!(kinds[&OpKind::Tip], 1);
        // The same code scanned twice is refused as a replay.
        let again = open_handover(&bytes, &phones[0].replica, &phones[0].identity, &seen);
        assert_eq!(
            again.unwrap_err(),
            WireError::Envelope(EnvelopeError::Replayed)
        );
    }
    assert_eq!(phones[0].replica.record().help.len(), 2);
    // The hand-back: every phone scans the same code.
    let back = seal_handback(&phones[0].replica, &phones[0].identity, 10, 1, &[]).unwrap();
    for n in [1usize, 2] {
        let (_, handback) = open_handback(
            &back,
            &phones[n].replica,
            &phones[n].identity,
            &Seen::default(),
        )
        .unwrap();
        phones[n].replica.merge(handback.changes, T0 + 300);
        let record = phones[n].replica.record();
        assert_eq!(record.tips.len(), 2, "each phone shows the other's tip");
        // Each phone keeps its own help and need; others' stay with the animators.
        assert_eq!(record.help.len(), 1);
        assert!(record.help.values().all(|h| h.helper == person(n as u8)));
        assert!(record.needs.keys().all(|(_, p)| *p == person(n as u8)));
        // Nothing is re-sent once acknowledged.
        assert!(phones[n].replica.own_after(&handback.acks).is_empty());
    }
}

#[test]
fn bad_transfers_are_refused_and_change_nothing() {
    let mut phones = group(4, &[]);
    phones[1].write(T0 + 100, session_ops(1));
    let seen = Seen::default();
    let bytes = seal_handover(
        &phones[1].replica,
        &phones[1].identity,
        1,
        &VersionVector::new(),
        None,
        None,
    )
    .unwrap();
    let before = phones[0].replica.record().clone();
    // Another group's animator.
    let other = Replica::new(
        Anchor {
            group: GroupId([9; 16]),
            ..anchor()
        },
        person(0),
    );
    assert_eq!(
        open_handover(&bytes, &other, &phones[0].identity, &seen).unwrap_err(),
        WireError::Envelope(EnvelopeError::WrongGroup)
    );
    // Cut short (a truncated animated transfer never completes; a truncated envelope is damaged).
    assert!(matches!(
        open_handover(
            &bytes[..bytes.len() - 10],
            &phones[0].replica,
            &phones[0].identity,
            &seen
        ),
        Err(WireError::Envelope(_))
    ));
    // Not for this phone (a participant scanning another's hand-over).
    assert_eq!(
        open_handover(&bytes, &phones[2].replica, &phones[2].identity, &seen).unwrap_err(),
        WireError::Envelope(EnvelopeError::NotForMe)
    );
    // A stranger who knows the animator's key.
    let stranger = identity(50);
    let body = envelope::encode_body(&entraide_core::merge::wire::Handover {
        format: 1,
        from: person(50),
        changes: vec![],
        received: None,
        seen: None,
    })
    .unwrap();
    let forged = envelope::seal(
        &stranger,
        Kind::Handover,
        anchor().group,
        1,
        &[phones[0].identity.recipient()],
        &body,
    )
    .unwrap();
    assert_eq!(
        open_handover(&forged, &phones[0].replica, &phones[0].identity, &seen).unwrap_err(),
        WireError::Stranger
    );
    // A participant relaying someone else's changes.
    let relayed_changes = phones[1].replica.own_after(&VersionVector::new());
    let body = envelope::encode_body(&entraide_core::merge::wire::Handover {
        format: 1,
        from: person(2),
        changes: relayed_changes,
        received: None,
        seen: None,
    })
    .unwrap();
    let relayed = envelope::seal(
        &phones[2].identity,
        Kind::Handover,
        anchor().group,
        1,
        &[phones[0].identity.recipient()],
        &body,
    )
    .unwrap();
    assert_eq!(
        open_handover(&relayed, &phones[0].replica, &phones[0].identity, &seen).unwrap_err(),
        WireError::Content
    );
    assert_eq!(phones[0].replica.record(), &before, "nothing merged");
    // A participant's hand-back is refused by the others.
    let fake_back = seal_handback(&phones[1].replica, &phones[1].identity, 2, 1, &[]).unwrap();
    assert_eq!(
        open_handback(&fake_back, &phones[2].replica, &phones[2].identity, &seen).unwrap_err(),
        WireError::NotAnimator
    );
}

#[test]
fn removed_people_neither_send_nor_read() {
    let mut phones = group(4, &[]);
    // Member 1 becomes an animator, then is removed; member 3 is removed too.
    phones[0].write(
        T0 + 100,
        vec![Op::MemberRole {
            person: person(1),
            role: MemberRole::Animator,
        }],
    );
    for n in 1..4 {
        let delta = phones[0]
            .replica
            .delta(phones[n].replica.version_vector(), None);
        phones[n].replica.merge(delta, T0 + 150);
    }
    let stale_back = seal_handback(&phones[1].replica, &phones[1].identity, 5, 1, &[]).unwrap();
    phones[0].write(
        T0 + 200,
        vec![
            Op::RemoveMember {
                person: person(1),
                vouched: vec![],
            },
            Op::RemoveMember {
                person: person(3),
                vouched: vec![],
            },
        ],
    );
    let delta = phones[0]
        .replica
        .delta(phones[2].replica.version_vector(), None);
    phones[2].replica.merge(delta, T0 + 300);
    // The removed animator's hand-back is refused.
    let refused = open_handback(
        &stale_back,
        &phones[2].replica,
        &phones[2].identity,
        &Seen::default(),
    );
    assert!(
        matches!(refused, Err(WireError::Stranger | WireError::Removed)),
        "{refused:?}"
    );
    // The next hand-back cannot be read by a removed member.
    let back = seal_handback(&phones[0].replica, &phones[0].identity, 6, 2, &[]).unwrap();
    let header = envelope::peek(&back).unwrap();
    assert!(!header.recipients.contains(&phones[3].identity.recipient()));
    assert!(header.recipients.contains(&phones[2].identity.recipient()));
    assert_eq!(
        open_handback(
            &back,
            &phones[3].replica,
            &phones[3].identity,
            &Seen::default()
        )
        .unwrap_err(),
        WireError::Envelope(EnvelopeError::NotForMe)
    );
}

#[test]
fn the_animator_reads_what_came_in_in_plain_words() {
    use entraide_core::merge::summary::summary;
    let mut phones = group(3, &[]);
    let changes = phones[1].write(T0 + 100, session_ops(1));
    let report = phones[0].replica.merge(changes.clone(), T0 + 200);
    let lines = summary(&report, phones[0].replica.record(), true);
    assert_eq!(
        lines,
        vec!["Marcel\u{202f}: 1 besoin, 1 aide notée, 1 astuce."]
    );
    let again = phones[0].replica.merge(changes, T0 + 300);
    assert_eq!(
        summary(&again, phones[0].replica.record(), false),
        vec!["Everything was already here: nothing new."]
    );
}
