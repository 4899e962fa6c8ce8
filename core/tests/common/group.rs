//! A group of phones for the merge tests: deterministic identities, a founder who creates
//! the group and records its members, and helpers to hand changes from phone to phone.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use bech32::{ToBase32, Variant};
use entraide_core::merge::{Anchor, Audience, Change, MergeReport, Op, Replica};
use entraide_core::model::{Day, MemberRole};
use entraide_core::transfer::{DeviceIdentity, GroupId, PersonId, StoredIdentity};

/// The phone of member number `n` (deterministic keys).
pub fn identity(n: u8) -> DeviceIdentity {
    let secret = [n.wrapping_mul(7).wrapping_add(3); 32];
    let text = bech32::encode("age-secret-key-", secret.to_base32(), Variant::Bech32)
        .unwrap()
        .to_uppercase();
    DeviceIdentity::from_stored(&StoredIdentity {
        receiving: text,
        signing: [n.wrapping_add(100); 32],
    })
    .unwrap()
}

/// Member number `n`'s id.
pub fn person(n: u8) -> PersonId {
    PersonId([n; 16])
}

/// The test group's id.
pub const GROUP: GroupId = GroupId([42; 16]);

/// A start time: 2026-01-05 09:00 UTC.
pub const T0: u64 = 1_767_603_600_000;

/// One phone.
pub struct Phone {
    pub n: u8,
    pub identity: DeviceIdentity,
    pub replica: Replica,
}

impl Phone {
    pub fn id(&self) -> PersonId {
        person(self.n)
    }

    /// Writes `ops`, panicking on refusal.
    pub fn write(&mut self, now: u64, ops: Vec<Op>) -> Vec<Change> {
        self.replica.write(&self.identity, now, ops).unwrap()
    }

    /// Merges everything `from` has that this phone has not seen, of `audience`.
    pub fn pull(&mut self, from: &Phone, audience: Option<Audience>, now: u64) -> MergeReport {
        let delta = from.replica.delta(self.replica.version_vector(), audience);
        self.replica.merge(delta, now)
    }
}

/// The anchor of the test group, founded by member 0.
pub fn anchor() -> Anchor {
    Anchor {
        group: GROUP,
        founder: person(0),
        founder_key: identity(0).signer(),
    }
}

/// Ops that record member `n` as having joined.
pub fn join_ops(n: u8, nickname: &str) -> Vec<Op> {
    let id = identity(n);
    vec![
        Op::MemberJoined {
            person: person(n),
            on: Day::from_unix_ms(T0),
            has_phone: true,
        },
        Op::MemberNickname {
            person: person(n),
            nickname: nickname.to_string(),
        },
        Op::MemberKeys {
            person: person(n),
            signer: id.signer(),
            recipient: id.recipient(),
        },
    ]
}

/// A group of `count` phones: 0 founds it, 1..count join; `co_animators` lists members the
/// founder names co-animators. Every phone then holds the whole record.
pub fn group(count: u8, co_animators: &[u8]) -> Vec<Phone> {
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
    let mut phones = vec![founder];
    for n in 1..count {
        let mut phone = Phone {
            n,
            identity: identity(n),
            replica: Replica::new(anchor(), person(n)),
        };
        phone.pull(&phones[0], None, T0 + 1);
        phones.push(phone);
    }
    phones
}

/// A nickname for member `n`.
pub fn name(n: u8) -> String {
    const NAMES: [&str; 12] = [
        "Nadia", "Marcel", "Sophie", "Paul", "Yvette", "Ahmed", "Josiane", "Bernard", "Colette",
        "Lucien", "Fatou", "Gérard",
    ];
    NAMES[usize::from(n) % NAMES.len()].to_string()
}
