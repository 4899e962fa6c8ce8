//! The merge is a CRDT: over random histories of 2 to 10 phones writing concurrently
//! (needs, help on both sides, tips created, edited and deleted, votes, evaluations,
//! sessions, check-ins, help groups, self-assessments, a removal), exchanging deltas in
//! random order, every phone ends with the same record; and merging any sets of changes
//! is commutative, associative and idempotent.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::group::{anchor, group, person, Phone, T0};
use entraide_core::merge::{Audience, Change, HelpFields, Op, Replica};
use entraide_core::model::{
    Autonomy, Day, Device, HelpGroup, Need, RecordId, Skills, TopicLevel, Track,
};
use proptest::prelude::*;

const TOPICS: [&str; 4] = ["email", "attachments", "video_calls", "passwords"];

#[derive(Debug, Clone)]
enum Action {
    Write { phone: u8, kind: u8, a: u8, b: u8 },
    Sync { from: u8, to: u8, mode: u8 },
    Tick(u8),
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        5 => (any::<u8>(), 0u8..16, any::<u8>(), any::<u8>())
            .prop_map(|(phone, kind, a, b)| Action::Write { phone, kind, a, b }),
        3 => (any::<u8>(), any::<u8>(), 0u8..3).prop_map(|(from, to, mode)| Action::Sync { from, to, mode }),
        1 => any::<u8>().prop_map(Action::Tick),
    ]
}

fn session(a: u8) -> RecordId {
    RecordId([200 + a % 3; 16])
}

/// A tip id: each phone writes its own tips (ids are random in the app, so two phones
/// never make the same one); the founder also edits and deletes other people's.
fn tip_id(phones: &[Phone], p: usize, a: u8, b: u8) -> RecordId {
    if p == 0 && b.is_multiple_of(3) {
        let known: Vec<RecordId> = phones[0].replica.record().tips.keys().copied().collect();
        if !known.is_empty() {
            return known[usize::from(a) % known.len()];
        }
    }
    RecordId([1 + phones[p].n * 4 + a % 4; 16])
}

/// The op phone `p` (of `n`) tries to write for a `Write` action.
fn op_for(phones: &[Phone], p: usize, kind: u8, a: u8, b: u8) -> Op {
    let n = phones.len() as u8;
    let me = person(phones[p].n);
    let other = person((phones[p].n + 1 + a % (n - 1).max(1)) % n);
    let day = Day::from_unix_ms(T0);
    let topic = TOPICS[usize::from(b) % TOPICS.len()].to_string();
    match kind {
        0 => Op::Need {
            session: session(a),
            person: me,
            need: Need {
                topic: Some(topic),
                device: Some(Device::ALL[usize::from(b) % 5]),
                helps: b.is_multiple_of(2),
            },
        },
        1 | 2 => {
            let (helper, helped) = if kind == 1 { (me, other) } else { (other, me) };
            Op::Help {
                session: session(a),
                helper,
                helped,
                fields: HelpFields {
                    topic: (b.is_multiple_of(3)).then(|| topic.clone()),
                    minutes: Some(u16::from(b % 60) + 1),
                    autonomy: Some(Autonomy::ALL[usize::from(a) % 3]),
                    device: (b.is_multiple_of(2)).then_some(Device::Phone),
                    referred: None,
                },
            }
        }
        3 => Op::Tip {
            tip: tip_id(phones, p, a, b),
            text: format!("Astuce {b} de {}", phones[p].n),
            topic: Some(topic),
            session: Some(session(a)),
            on: day,
        },
        4 => Op::TipDeleted {
            tip: tip_id(phones, p, a, b),
        },
        5 => Op::Vote {
            session: session(a),
            person: me,
            topic,
        },
        6 => Op::Evaluation {
            session: session(a),
            person: me,
            answers: vec![1 + b % 5, 1 + a % 5],
        },
        7 => Op::SessionPlan {
            session: session(a),
            date: day.plus(u32::from(b % 30)),
            place: format!("Salle {b}"),
            track: if b.is_multiple_of(2) {
                Track::Beginners
            } else {
                Track::Confirmed
            },
        },
        8 => Op::Attend {
            session: session(a),
            person: other,
        },
        9 => Op::HelpGroups {
            session: session(a),
            groups: vec![HelpGroup {
                helper: me,
                helped: vec![other],
                topic,
            }],
        },
        10 if b.is_multiple_of(8) => Op::SessionDeleted {
            session: session(a),
        },
        11 if b.is_multiple_of(4) => Op::RemoveMember {
            person: other,
            vouched: Vec::new(),
        },
        12 => Op::MemberNickname {
            person: me,
            nickname: format!("Pseudo {b}"),
        },
        13 => Op::Skills {
            person: me,
            skills: Skills {
                on: day.plus(u32::from(a % 4)),
                topics: [(
                    topic,
                    TopicLevel {
                        level: b % 4,
                        stars: b % 6,
                        wants: a.is_multiple_of(2),
                    },
                )]
                .into_iter()
                .collect(),
            },
        },
        14 => Op::Difficulty {
            id: RecordId([100 + phones[p].n * 4 + a % 4; 16]),
            session: None,
            on: day,
            service: "CAF".into(),
            area: None,
            what: format!("Le site ne s'ouvre pas ({b})"),
        },
        _ => Op::HelpDeleted {
            help: RecordId::help(session(a), me, other),
        },
    }
}

/// A removal vouches for every change the remover holds from the removed member.
fn with_vouches(phone: &Phone, op: Op) -> Op {
    match op {
        Op::RemoveMember { person, .. } => {
            let vouched = phone
                .replica
                .delta(&Default::default(), None)
                .iter()
                .filter(|c| c.author == person)
                .map(|c| c.digest(anchor().group))
                .collect();
            Op::RemoveMember { person, vouched }
        }
        other => other,
    }
}

/// In an honest run nothing is refused except what a removal makes invalid.
fn prop_assert_no_rejection(report: &entraide_core::merge::MergeReport) {
    for (_, rejection) in &report.rejected {
        assert!(
            matches!(
                rejection,
                entraide_core::merge::Rejection::Refused(
                    entraide_core::merge::Refused::RemovedAuthor
                )
            ),
            "{rejection:?}"
        );
    }
}

struct Run {
    phones: Vec<Phone>,
    universe: Vec<Change>,
}

fn run(count: u8, co_animators: &[u8], actions: &[Action], skews: &[u8]) -> Run {
    let mut phones = group(count, co_animators);
    // Merges start from a checkpoint a few changes back, as they do 512 back in long records.
    for (i, phone) in phones.iter_mut().enumerate() {
        phone
            .replica
            .set_checkpoint_back(1 + (i * 3 + usize::from(skews[0])) % 12);
    }
    let mut universe = phones[0].replica.delta(&Default::default(), None);
    let n = phones.len();
    let mut t = T0 + 1000;
    for action in actions {
        match *action {
            Action::Tick(d) => t += u64::from(d % 5),
            Action::Write { phone, kind, a, b } => {
                let p = usize::from(phone) % n;
                let op = with_vouches(&phones[p], op_for(&phones, p, kind, a, b));
                let now = t + u64::from(skews[p % skews.len()] % 40);
                let phone = &mut phones[p];
                if let Ok(changes) = phone.replica.write(&phone.identity, now, vec![op]) {
                    universe.extend(changes);
                }
            }
            Action::Sync { from, to, mode } => {
                let (f, to) = (usize::from(from) % n, usize::from(to) % n);
                if f == to {
                    continue;
                }
                let delta = match mode {
                    // A participant's hand-over: only its own changes.
                    0 => {
                        let acked = phones[to].replica.version_vector().clone();
                        phones[f].replica.own_after(&acked)
                    }
                    // A hand-back: the shared part only.
                    1 => phones[f]
                        .replica
                        .delta(phones[to].replica.version_vector(), Some(Audience::Group)),
                    // Two animators syncing: everything.
                    _ => phones[f]
                        .replica
                        .delta(phones[to].replica.version_vector(), None),
                };
                let report = phones[to].replica.merge(delta, t);
                prop_assert_no_rejection(&report);
            }
        }
    }
    // Everyone syncs with everyone until nothing moves.
    for _ in 0..3 {
        for f in 0..n {
            for to in 0..n {
                if f != to {
                    let delta = phones[f]
                        .replica
                        .delta(phones[to].replica.version_vector(), None);
                    phones[to].replica.merge(delta, t + 10_000);
                }
            }
        }
    }
    Run { phones, universe }
}

fn fresh_from(changes: &[Change], now: u64) -> Replica {
    let mut r = Replica::new(anchor(), person(0));
    r.merge(changes.to_vec(), now);
    r
}

fn copy(r: &Replica) -> Replica {
    Replica::from_bytes(&r.to_bytes().unwrap()).unwrap()
}

/// The state-based join: everything `from` holds goes into `into` (arbitrary subsets are
/// not prefix-closed, so version vectors do not apply; the convergence test covers them).
fn pull(into: &mut Replica, from: &Replica) {
    let delta = from.delta(&Default::default(), None);
    into.merge(delta, T0 + 1_000_000);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn phones_converge(
        count in 2u8..=10,
        with_co in any::<bool>(),
        actions in proptest::collection::vec(action(), 10..70),
        skews in proptest::collection::vec(any::<u8>(), 1..10),
    ) {
        let co: Vec<u8> = if with_co && count > 2 { vec![1] } else { vec![] };
        let Run { phones, .. } = run(count, &co, &actions, &skews);
        let first = phones[0].replica.record();
        for phone in &phones[1..] {
            prop_assert_eq!(phone.replica.record(), first, "phone {} differs", phone.n);
        }
        // A saved and reopened replica computes the same record.
        let reopened = copy(&phones[0].replica);
        prop_assert_eq!(reopened.record(), first);
    }

    #[test]
    fn merge_is_commutative_associative_idempotent(
        count in 2u8..=8,
        actions in proptest::collection::vec(action(), 10..60),
        skews in proptest::collection::vec(any::<u8>(), 1..8),
        order_seed in any::<u64>(),
        cut1 in any::<prop::sample::Index>(),
        cut2 in any::<prop::sample::Index>(),
    ) {
        let Run { phones, universe } = run(count, &[], &actions, &skews);
        // Everything at once, in two different orders.
        let mut shuffled = universe.clone();
        let mut rng = common::Rng(order_seed);
        rng.shuffle(&mut shuffled);
        let all = fresh_from(&universe, T0 + 1_000_000);
        let all_shuffled = fresh_from(&shuffled, T0 + 1_000_000);
        prop_assert_eq!(all.record(), all_shuffled.record());
        prop_assert_eq!(all.record(), phones[0].replica.record());
        // Three parts merged as (X ⊔ Y) ⊔ Z and X ⊔ (Y ⊔ Z), and Y ⊔ X.
        let (mut i, mut j) = (cut1.index(shuffled.len() + 1), cut2.index(shuffled.len() + 1));
        if i > j { std::mem::swap(&mut i, &mut j); }
        let x = fresh_from(&shuffled[..i], T0 + 1_000_000);
        let y = fresh_from(&shuffled[i..j], T0 + 1_000_000);
        let z = fresh_from(&shuffled[j..], T0 + 1_000_000);
        let mut xy_z = copy(&x);
        pull(&mut xy_z, &y);
        pull(&mut xy_z, &z);
        let mut yz = copy(&y);
        pull(&mut yz, &z);
        let mut x_yz = copy(&x);
        pull(&mut x_yz, &yz);
        prop_assert_eq!(xy_z.record(), x_yz.record());
        prop_assert_eq!(xy_z.record(), all.record());
        let mut yx = copy(&y);
        pull(&mut yx, &x);
        let mut xy = copy(&x);
        pull(&mut xy, &y);
        prop_assert_eq!(xy.record(), yx.record());
        // Idempotent: merging again changes nothing and counts everything as already had.
        let mut again = copy(&all);
        let before = again.record().clone();
        let report = again.merge(universe.clone(), T0 + 2_000_000);
        prop_assert_eq!(again.record(), &before);
        prop_assert_eq!(report.applied_count(), 0);
    }
}
