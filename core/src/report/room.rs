//! A room for the merge benchmarks: an animator's phone holding years of a group's life
//! (see [`super::demo::large_replica`]), today's session open, and `phones` participants
//! who joined for it, each with its own keys and a replica that holds nothing yet (as after
//! joining: the animator's first hand-back fills it). Deterministic: the same sizes give the
//! same room.

use super::demo::{identity, large_replica_with_key, Rng};
use super::error::ReportError;
use crate::merge::{HelpFields, Op, Replica};
use crate::model::{Autonomy, Day, Device, Need, PersonId, RecordId, SessionState, Track};
use crate::transfer::DeviceIdentity;

/// One participant's phone in the room.
pub struct RoomPhone {
    /// Its replica of the group's record.
    pub replica: Replica,
    /// Its keys.
    pub identity: DeviceIdentity,
}

/// The animator's phone and the participants' phones.
pub struct LargeRoom {
    /// The animator's replica, years of history.
    pub animator: Replica,
    /// The animator's keys.
    pub animator_identity: DeviceIdentity,
    /// Today's participants.
    pub phones: Vec<RoomPhone>,
    /// Today's session.
    pub session: RecordId,
}

/// Builds the room: a history of `members`, `sessions` and `help` (as in
/// [`super::demo::large_history`]) and `phones` participants who joined for today.
pub fn large_room(
    members: usize,
    sessions: usize,
    help: usize,
    phones: usize,
) -> Result<LargeRoom, ReportError> {
    let (mut animator, animator_identity) = large_replica_with_key(members, sessions, help)?;
    let mut rng = Rng::new(0x726f_6f6d ^ phones as u64);
    let today = Day::from_unix_ms(1_900_000_000_000);
    let now = 1_900_000_000_000u64;
    let session = RecordId(rng.bytes16());
    let mut keys = Vec::new();
    let mut ops = vec![
        // The history was written before phone keys were recorded: the animator's now are,
        // so hand-overs can be encrypted to them.
        Op::MemberKeys {
            person: animator.me(),
            signer: animator_identity.signer(),
            recipient: animator_identity.recipient(),
        },
        Op::SessionPlan {
            session,
            date: today,
            place: "Salle Rivière".into(),
            track: Track::Beginners,
        },
        Op::SessionState {
            session,
            state: SessionState::Open,
        },
    ];
    for n in 0..phones {
        let person = PersonId(rng.bytes16());
        let id = identity(&mut rng)?;
        ops.push(Op::MemberJoined {
            person,
            on: today,
            has_phone: true,
        });
        ops.push(Op::MemberNickname {
            person,
            nickname: format!("Personne {n}"),
        });
        ops.push(Op::MemberKeys {
            person,
            signer: id.signer(),
            recipient: id.recipient(),
        });
        keys.push((person, id));
    }
    animator.write(&animator_identity, now, ops)?;
    let phones = keys
        .into_iter()
        .map(|(person, identity)| RoomPhone {
            replica: Replica::new(animator.anchor(), person),
            identity,
        })
        .collect();
    Ok(LargeRoom {
        animator,
        animator_identity,
        phones,
        session,
    })
}

/// One measured figure of [`exchange_figures`].
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// What was measured.
    pub label: &'static str,
    /// The value.
    pub value: f64,
    /// Its unit ("ms", "B", "codes").
    pub unit: &'static str,
}

/// What phone `n` of `persons` writes during the session: its need, the help it gave the
/// next phone, a tip, a vote and its evaluation.
fn session_ops(session: RecordId, persons: &[PersonId], n: usize, on: Day) -> Vec<Op> {
    let Some(&person) = persons.get(n) else {
        return Vec::new();
    };
    let mut ops = vec![
        Op::Need {
            session,
            person,
            need: Need {
                topic: Some("email".into()),
                device: Some(Device::Phone),
                helps: n.is_multiple_of(2),
            },
        },
        Op::Tip {
            tip: RecordId([n as u8; 16]),
            text: "Pour joindre une photo, appuyez sur le trombone.".into(),
            topic: Some("email".into()),
            session: Some(session),
            on,
        },
        Op::Vote {
            session,
            person,
            topic: "photos_files".into(),
        },
        Op::Evaluation {
            session,
            person,
            answers: vec![4, 5, 4],
        },
    ];
    if let Some(&partner) = persons
        .get((n + 1) % persons.len())
        .filter(|p| **p != person)
    {
        ops.push(Op::Help {
            session,
            helper: person,
            helped: partner,
            fields: HelpFields {
                topic: Some("email".into()),
                device: Some(Device::Phone),
                minutes: Some(30),
                autonomy: Some(Autonomy::PartlyAutonomous),
                referred: None,
            },
        });
    }
    ops
}

fn tip(id: u8, on: u64) -> Op {
    Op::Tip {
        tip: RecordId([id, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]),
        text: "Une astuce de plus, notée en fin de séance.".into(),
        topic: Some("email".into()),
        session: None,
        on: Day::from_unix_ms(on),
    }
}

/// Measures a room's exchange on the animator's phone with `clock` (milliseconds), as a
/// session lives it: the first hand-back (everything, since no phone holds anything yet)
/// merged on every phone; every phone's session handed over, then opened and merged one
/// after the other; the hand-back that follows, carrying only what the phones lack; then
/// the animator's record stored and read back, and the save of one tap. Sizes are the sealed
/// bytes and the animated codes (medium density) they take.
pub fn exchange_figures(
    room: &mut LargeRoom,
    clock: &dyn Fn() -> f64,
) -> Result<Vec<Figure>, ReportError> {
    use crate::merge::ledger::Ledger;
    use crate::transfer::frames::{Density, Outgoing};
    let codes = |bytes: &[u8]| {
        Outgoing::new(bytes, Density::Medium).map_or(0.0, |o| o.fragment_count() as f64)
    };
    let mut figures = Vec::new();
    let mut push = |label, value, unit| figures.push(Figure { label, value, unit });
    let now = 1_900_000_100_000u64;
    let today = Day::from_unix_ms(now);
    let persons: Vec<PersonId> = room.phones.iter().map(|p| p.replica.me()).collect();
    let mut ledgers: Vec<Ledger> = room.phones.iter().map(|_| Ledger::new()).collect();
    let mut animator = Ledger::new();
    for (seq, round) in (1u64..).zip(0..3u8) {
        // The animator's hand-back, merged on every phone.
        let start = clock();
        let handback = animator.seal_handback(&room.animator, &room.animator_identity, seq)?;
        let sealed = clock() - start;
        let mut merged: f64 = 0.0;
        for (phone, ledger) in room.phones.iter_mut().zip(ledgers.iter_mut()) {
            let start = clock();
            ledger.receive_handback(&handback, &mut phone.replica, &phone.identity, now)?;
            merged = merged.max(clock() - start);
        }
        let name = match round {
            0 => "first hand-back (everything)",
            1 => "hand-back after the session",
            _ => "hand-back after the second round",
        };
        push(name, handback.len() as f64, "B");
        push("  its animated codes", codes(&handback), "codes");
        push("  sealed on the animator's phone", sealed, "ms");
        push("  merged on a phone, worst", merged, "ms");
        if round == 2 {
            break;
        }
        // The phones write (the session, then one more tip) and hand over.
        let mut handovers = Vec::new();
        for (n, (phone, ledger)) in room.phones.iter_mut().zip(&ledgers).enumerate() {
            let ops = if round == 0 {
                session_ops(room.session, &persons, n, today)
            } else {
                vec![tip(n as u8, now)]
            };
            phone.replica.write(&phone.identity, now + 10, ops)?;
            handovers.push(ledger.seal_handover(&phone.replica, &phone.identity, seq)?);
        }
        let mut sizes: Vec<usize> = handovers.iter().map(Vec::len).collect();
        sizes.sort_unstable();
        let median = sizes.get(sizes.len() / 2).copied().unwrap_or(0) as f64;
        let mut worst: f64 = 0.0;
        let start = clock();
        for bytes in &handovers {
            let one = clock();
            animator.receive_handover(bytes, &mut room.animator, &room.animator_identity, now)?;
            worst = worst.max(clock() - one);
        }
        let total = clock() - start;
        push(
            if round == 0 {
                "hand-over of a session, median"
            } else {
                "hand-over of one more tip, median"
            },
            median,
            "B",
        );
        push(
            "  its animated codes",
            handovers.first().map_or(0.0, |h| codes(h)),
            "codes",
        );
        push(
            "  animator opens and merges one, mean",
            total / handovers.len().max(1) as f64,
            "ms",
        );
        push("  animator opens and merges one, worst", worst, "ms");
    }
    let start = clock();
    let stored = room.animator.to_bytes()?;
    push("animator: record to bytes", clock() - start, "ms");
    push("animator: record stored", stored.len() as f64, "B");
    let start = clock();
    let mut read = Replica::from_bytes(&stored)?;
    push(
        "animator: record read back (opening)",
        clock() - start,
        "ms",
    );
    read.save_parts()?;
    let start = clock();
    read.write(&room.animator_identity, now + 100, vec![tip(255, now)])?;
    let parts = read.save_parts()?;
    push(
        "animator: one tap written and its save prepared",
        clock() - start,
        "ms",
    );
    let saved: usize = parts.segments.iter().map(|(_, s)| s.len()).sum();
    push(
        "animator: bytes saved for one tap",
        (saved + parts.header.len()) as f64,
        "B",
    );
    Ok(figures)
}
