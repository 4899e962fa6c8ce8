//! The ledger's bookkeeping through real envelopes, as a room lives it: phones that joined
//! hold nothing until the animator's first hand-back; then each participant writes, hands
//! over, and the next hand-back carries only what the phones lack; nothing is re-sent once
//! acknowledged, a replay changes nothing, two animators sync both ways, and a stored
//! ledger reads back the same.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::needless_range_loop
)]

mod common;

use common::group::{anchor, identity, join_ops, name, person, Phone, T0};
use entraide_core::merge::ledger::{Ledger, LedgerError, LEDGER_FORMAT};
use entraide_core::merge::summary::summary;
use entraide_core::merge::wire::WireError;
use entraide_core::merge::{Op, OpKind, Replica};
use entraide_core::model::{Day, MemberRole, RecordId};
use entraide_core::transfer::envelope::EnvelopeError;

/// A founder whose record lists `count - 1` members, and their phones as a first unlock
/// after joining leaves them: anchored on the founder, empty.
fn room(count: u8, co_animators: &[u8]) -> Vec<(Phone, Ledger)> {
    let mut founder = Phone {
        n: 0,
        identity: identity(0),
        replica: Replica::new(anchor(), person(0)),
    };
    let mut ops = vec![Op::GroupName("Les Clics du Mardi".into())];
    ops.extend(join_ops(0, "Nadia"));
    ops.push(Op::MemberRole {
        person: person(0),
        role: MemberRole::Animator,
    });
    for n in 1..count {
        ops.extend(join_ops(n, &name(n)));
    }
    for n in co_animators {
        ops.push(Op::MemberRole {
            person: person(*n),
            role: MemberRole::CoAnimator,
        });
    }
    founder.write(T0, ops);
    let mut phones = vec![(founder, Ledger::new())];
    for n in 1..count {
        phones.push((
            Phone {
                n,
                identity: identity(n),
                replica: Replica::new(anchor(), person(n)),
            },
            Ledger::new(),
        ));
    }
    phones
}

fn tip(n: u8, k: u8) -> Op {
    Op::Tip {
        tip: RecordId([n.wrapping_mul(16).wrapping_add(k); 16]),
        text: format!("Astuce {k} de {}", name(n)),
        topic: None,
        session: None,
        on: Day::from_unix_ms(T0),
    }
}

/// The animator (phone 0) shows a hand-back; phones `to` scan it.
fn hand_back(phones: &mut [(Phone, Ledger)], seq: u64, to: &[usize], now: u64) -> usize {
    let (animator, ledger) = &mut phones[0];
    let bytes = ledger
        .seal_handback(&animator.replica, &animator.identity, seq)
        .unwrap();
    for &n in to {
        let (phone, ledger) = &mut phones[n];
        let got = ledger
            .receive_handback(&bytes, &mut phone.replica, &phone.identity, now)
            .unwrap();
        assert_eq!(got.from, person(0));
        assert!(got.report.rejected.is_empty(), "{:?}", got.report.rejected);
    }
    bytes.len()
}

/// Phone `n` hands over to phone `to`; returns the summary lines and the code's size.
fn hand_over(
    phones: &mut [(Phone, Ledger)],
    n: usize,
    to: usize,
    seq: u64,
    now: u64,
) -> (Vec<String>, usize) {
    let bytes = {
        let (phone, ledger) = &phones[n];
        ledger
            .seal_handover(&phone.replica, &phone.identity, seq)
            .unwrap()
    };
    let (animator, ledger) = &mut phones[to];
    let got = ledger
        .receive_handover(&bytes, &mut animator.replica, &animator.identity, now)
        .unwrap();
    assert_eq!(got.from, person(n as u8));
    (
        summary(&got.report, animator.replica.record(), true),
        bytes.len(),
    )
}

#[test]
fn a_room_exchanges_only_what_each_phone_lacks() {
    let mut phones = room(4, &[]);
    // Before the first hand-back a joined phone knows no one and cannot write.
    assert!(phones[1]
        .0
        .replica
        .write(&identity(1), T0 + 10, vec![tip(1, 1)])
        .is_err());
    let first = hand_back(&mut phones, 1, &[1, 2, 3], T0 + 100);
    for n in 1..4 {
        let record = phones[n].0.replica.record();
        assert_eq!(record.members.len(), 4, "phone {n} knows the whole group");
        assert_eq!(record.info.name, "Les Clics du Mardi");
    }
    // Marcel writes two tips, Sophie one; both hand over.
    phones[1].0.write(T0 + 200, vec![tip(1, 1), tip(1, 2)]);
    phones[2].0.write(T0 + 210, vec![tip(2, 1)]);
    assert_eq!(phones[1].1.unacknowledged(&phones[1].0.replica), 1);
    let (lines, _) = hand_over(&mut phones, 1, 0, 1, T0 + 300);
    assert_eq!(lines, vec!["Marcel\u{202f}: 2 astuces.".to_string()]);
    let (lines, _) = hand_over(&mut phones, 2, 0, 1, T0 + 310);
    assert_eq!(lines, vec!["Sophie\u{202f}: 1 astuce.".to_string()]);
    assert_eq!(phones[0].0.replica.record().tips.len(), 3);
    // The second hand-back: everyone sees every tip; it is smaller than the first for the
    // phones known, and Paul (who never handed over) still gets everything.
    let second = hand_back(&mut phones, 2, &[1, 2, 3], T0 + 400);
    for n in 1..4 {
        assert_eq!(phones[n].0.replica.record().tips.len(), 3, "phone {n}");
        assert_eq!(phones[n].1.received(), Some((person(0), 2)));
    }
    assert!(second > 0 && first > 0);
    // Nothing is re-sent once acknowledged: Marcel's next hand-over is empty.
    assert_eq!(phones[1].1.unacknowledged(&phones[1].0.replica), 0);
    let (lines, _) = hand_over(&mut phones, 1, 0, 2, T0 + 500);
    assert!(lines.is_empty(), "{lines:?}");
    // Paul hands over once; now every phone is known and the next hand-back carries only
    // Paul's tip.
    phones[3].0.write(T0 + 510, vec![tip(3, 1)]);
    let (lines, _) = hand_over(&mut phones, 3, 0, 1, T0 + 520);
    assert_eq!(lines, vec!["Paul\u{202f}: 1 astuce.".to_string()]);
    let third = hand_back(&mut phones, 3, &[1, 2, 3], T0 + 600);
    assert!(
        third < first,
        "an incremental hand-back ({third} B) is smaller than the first ({first} B)"
    );
    println!("hand-back sizes: first {first} B, second {second} B, third {third} B");
    for n in 1..4 {
        assert_eq!(phones[n].0.replica.record().tips.len(), 4);
    }
}

#[test]
fn a_phone_that_missed_hand_backs_still_gets_everything() {
    let mut phones = room(3, &[]);
    hand_back(&mut phones, 1, &[1], T0 + 100);
    phones[1].0.write(T0 + 200, vec![tip(1, 1)]);
    hand_over(&mut phones, 1, 0, 1, T0 + 300);
    // Sophie missed the first hand-back: the second still brings her the members and the tip.
    hand_back(&mut phones, 2, &[1, 2], T0 + 400);
    let record = phones[2].0.replica.record();
    assert_eq!(record.members.len(), 3);
    assert_eq!(record.tips.len(), 1);
}

#[test]
fn a_replayed_code_changes_nothing() {
    let mut phones = room(2, &[]);
    hand_back(&mut phones, 1, &[1], T0 + 100);
    phones[1].0.write(T0 + 200, vec![tip(1, 1)]);
    let bytes = phones[1]
        .1
        .seal_handover(&phones[1].0.replica, &phones[1].0.identity, 1)
        .unwrap();
    let (animator, ledger) = &mut phones[0];
    ledger
        .receive_handover(&bytes, &mut animator.replica, &animator.identity, T0 + 300)
        .unwrap();
    let again =
        ledger.receive_handover(&bytes, &mut animator.replica, &animator.identity, T0 + 301);
    assert_eq!(
        again.unwrap_err(),
        WireError::Envelope(EnvelopeError::Replayed)
    );
    // The replay guard survives storage.
    let mut stored = Ledger::from_bytes(&ledger.to_bytes()).unwrap();
    assert_eq!(&stored, ledger);
    let again =
        stored.receive_handover(&bytes, &mut animator.replica, &animator.identity, T0 + 302);
    assert!(again.is_err());
}

#[test]
fn two_animators_sync_both_ways() {
    let mut phones = room(3, &[1]);
    hand_back(&mut phones, 1, &[1, 2], T0 + 100);
    // Sophie hands over to the co-animator Marcel, who then syncs with Nadia, and back.
    phones[2].0.write(T0 + 200, vec![tip(2, 1)]);
    let (lines, _) = hand_over(&mut phones, 2, 1, 1, T0 + 300);
    assert_eq!(lines, vec!["Sophie\u{202f}: 1 astuce.".to_string()]);
    phones[0].0.write(T0 + 310, vec![tip(0, 1)]);
    let (lines, _) = hand_over(&mut phones, 1, 0, 2, T0 + 400);
    assert!(
        lines.iter().any(|l| l.starts_with("Sophie")),
        "Marcel relays Sophie's tip: {lines:?}"
    );
    let (lines, _) = hand_over(&mut phones, 0, 1, 2, T0 + 500);
    assert!(lines.iter().any(|l| l.starts_with("Nadia")), "{lines:?}");
    assert_eq!(phones[0].0.replica.record().tips.len(), 2);
    assert_eq!(phones[1].0.replica.record().tips.len(), 2);
    // A second sync carries nothing new.
    let before = phones[0].0.replica.len();
    let (lines, _) = hand_over(&mut phones, 1, 0, 3, T0 + 600);
    assert!(lines.is_empty(), "{lines:?}");
    assert_eq!(phones[0].0.replica.len(), before);
    let kinds = phones[0]
        .0
        .replica
        .own_kinds_after(&entraide_core::merge::VersionVector::new());
    assert!(kinds.contains_key(&OpKind::Member));
}

#[test]
fn a_damaged_or_newer_ledger_is_refused() {
    assert_eq!(Ledger::from_bytes(&[]), Err(LedgerError::Damaged));
    assert_eq!(
        Ledger::from_bytes(&[LEDGER_FORMAT + 1, 0, 0]),
        Err(LedgerError::NewerVersion(LEDGER_FORMAT + 1))
    );
    let mut bytes = Ledger::new().to_bytes();
    bytes.push(0);
    assert_eq!(Ledger::from_bytes(&bytes), Err(LedgerError::Damaged));
}

#[test]
fn a_first_hand_back_counts_people_not_fields() {
    let mut phones = room(4, &[]);
    let (animator, ledger) = &mut phones[0];
    let bytes = ledger
        .seal_handback(&animator.replica, &animator.identity, 1)
        .unwrap();
    let (phone, ledger) = &mut phones[1];
    let got = ledger
        .receive_handback(&bytes, &mut phone.replica, &phone.identity, T0 + 100)
        .unwrap();
    let lines = summary(&got.report, phone.replica.record(), true);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].starts_with("Nadia\u{202f}: "), "{lines:?}");
    assert!(lines[0].contains("4 membres"), "{lines:?}");
}
