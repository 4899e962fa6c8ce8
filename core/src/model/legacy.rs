//! The documents earlier versions of the app kept (one "membership" document with groups,
//! members, pairings and the replay guard, and the group's topic list), and their move into
//! the group's record on first unlock: nothing is lost. A group this phone animates becomes
//! a record founded by this phone, with its members, their keys and the charter they
//! accepted; a group this phone joined becomes a record anchored on its animator, filled by
//! the animator's next hand-back. Pairings and the replay guard stay on the phone.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::charter::LEGACY_CHARTER;
use super::day::Day;
use super::entities::{CharterVersion, MemberRole};
use crate::assessment::GroupTopics;
use crate::merge::{Anchor, MergeError, Op, Replica};
use crate::transfer::{DeviceIdentity, GroupId, PersonId, RecipientKey, Seen, SignerKey};

/// Someone known through a pairing (legacy form).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegacyContact {
    /// Pseudonymous id.
    pub person: PersonId,
    /// Nickname.
    pub name: String,
    /// Their signing key.
    pub signer: SignerKey,
    /// Their receiving key.
    pub recipient: RecipientKey,
}

/// A member, as the animator's phone kept them (legacy form).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegacyMember {
    /// Who.
    pub contact: LegacyContact,
    /// The confirmation code both phones showed.
    pub code: String,
    /// When they joined (ms since 1970).
    pub joined_at: u64,
    /// Sequence number of their answer.
    pub seq: u64,
}

/// This phone's part in a legacy group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LegacyRole {
    /// Created it.
    Animator,
    /// Joined it.
    Member,
}

/// A group on this phone (legacy form).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegacyGroup {
    /// Its id.
    pub id: GroupId,
    /// Its name.
    pub name: String,
    /// This phone's role.
    pub role: LegacyRole,
    /// The animator.
    pub animator: LegacyContact,
    /// The invitation (animator) or the answer shown (member).
    pub shown: Vec<u8>,
    /// Members who joined (animator's phone only).
    pub members: Vec<LegacyMember>,
    /// The confirmation code (member's phone).
    pub code: Option<String>,
    /// When this phone created or joined it.
    pub since: u64,
}

/// The whole legacy membership document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegacyMembership {
    /// Groups, oldest first.
    pub groups: Vec<LegacyGroup>,
    /// Session pairings (kept as they are, in the app's own form).
    pub pairings: Vec<serde_json::Value>,
    /// Payloads already accepted.
    pub seen: Seen,
}

/// A legacy group moved into the record.
#[derive(Debug)]
pub struct MigratedGroup {
    /// The record.
    pub replica: Replica,
    /// The group's name as this phone knew it (a member's record is empty until the
    /// animator's hand-back).
    pub name: String,
    /// Whether this phone animates it.
    pub animates: bool,
    /// The invitation or answer shown.
    pub shown: Vec<u8>,
    /// The confirmation code (member's phone).
    pub code: Option<String>,
    /// When this phone created or joined it.
    pub since: u64,
}

/// Why the move failed (nothing is then changed in the vault).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MigrateError {
    /// A legacy value could not be written into the record.
    #[error(transparent)]
    Merge(#[from] MergeError),
}

/// Moves a legacy document into records. `me` and `identity` are this phone's, `nickname`
/// its person's, `topics` the group topic list if the animator adapted it; `now_ms` stamps
/// the changes written.
pub fn migrate(
    legacy: &LegacyMembership,
    topics: Option<&GroupTopics>,
    me: PersonId,
    identity: &DeviceIdentity,
    nickname: &str,
    now_ms: u64,
) -> Result<Vec<MigratedGroup>, MigrateError> {
    let mut out = Vec::new();
    for group in &legacy.groups {
        let replica = match group.role {
            LegacyRole::Animator => founded(group, topics, me, identity, nickname, now_ms)?,
            LegacyRole::Member => Replica::new(
                Anchor {
                    group: group.id,
                    founder: group.animator.person,
                    founder_key: group.animator.signer,
                },
                me,
            ),
        };
        out.push(MigratedGroup {
            replica,
            name: group.name.clone(),
            animates: group.role == LegacyRole::Animator,
            shown: group.shown.clone(),
            code: group.code.clone(),
            since: group.since,
        });
    }
    Ok(out)
}

/// A legacy member as record operations: joined, accepted the charter of that time,
/// nickname and keys.
fn member_ops(member: &LegacyMember) -> [Op; 4] {
    let person = member.contact.person;
    let on = Day::from_unix_ms(member.joined_at);
    [
        Op::MemberJoined {
            person,
            on,
            has_phone: true,
        },
        Op::CharterAccepted {
            person,
            version: 1,
            on,
        },
        Op::MemberNickname {
            person,
            nickname: member.contact.name.clone(),
        },
        Op::MemberKeys {
            person,
            signer: member.contact.signer,
            recipient: member.contact.recipient,
        },
    ]
}

/// Brings the record of a group this phone animates up to date with the legacy document,
/// which the group screens still write: members who joined since are added, members removed
/// since are removed (and their personal fields erased). Returns how many members changed;
/// nothing is written when none did. A group this phone joined has nothing to catch up.
pub fn catch_up(
    group: &LegacyGroup,
    replica: &mut Replica,
    identity: &DeviceIdentity,
    now_ms: u64,
) -> Result<usize, MigrateError> {
    if group.role != LegacyRole::Animator {
        return Ok(0);
    }
    let me = replica.me();
    let record = replica.record();
    let mut ops = Vec::new();
    let mut changed = 0;
    for member in &group.members {
        if !record.members.contains_key(&member.contact.person) {
            ops.extend(member_ops(member));
            changed += 1;
        }
    }
    for (person, member) in &record.members {
        let in_legacy = group.members.iter().any(|m| m.contact.person == *person);
        if *person != me && !member.removed && !member.role.animates() && !in_legacy {
            ops.push(Op::RemoveMember {
                person: *person,
                vouched: vec![],
            });
            changed += 1;
        }
    }
    if !ops.is_empty() {
        replica.write(identity, now_ms, ops)?;
    }
    Ok(changed)
}

fn founded(
    group: &LegacyGroup,
    topics: Option<&GroupTopics>,
    me: PersonId,
    identity: &DeviceIdentity,
    nickname: &str,
    now_ms: u64,
) -> Result<Replica, MergeError> {
    let mut replica = Replica::new(
        Anchor {
            group: group.id,
            founder: me,
            founder_key: identity.signer(),
        },
        me,
    );
    let since = Day::from_unix_ms(group.since);
    let mut ops = vec![
        Op::GroupName(group.name.clone()),
        Op::Charter(CharterVersion {
            version: 1,
            text: LEGACY_CHARTER.to_string(),
            published: since,
        }),
        Op::MemberJoined {
            person: me,
            on: since,
            has_phone: true,
        },
        Op::MemberRole {
            person: me,
            role: MemberRole::Animator,
        },
        Op::MemberNickname {
            person: me,
            nickname: nickname.to_string(),
        },
        Op::MemberKeys {
            person: me,
            signer: identity.signer(),
            recipient: identity.recipient(),
        },
    ];
    if let Some(topics) = topics {
        ops.push(Op::GroupTopics(topics.clone()));
    }
    for member in &group.members {
        ops.extend(member_ops(member));
    }
    replica.write(identity, now_ms, ops)?;
    Ok(replica)
}
