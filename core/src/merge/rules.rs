//! Who may write what, checked for every op of every change when the record is computed:
//!
//! - an animator writes everything; a co-animator (an animator's signed record made them
//!   one) writes everything but roles and removals;
//! - a participant writes only their own need, help they gave or received, tips (editing
//!   only their own), votes, evaluations, charter acceptance, self-assessment, optional
//!   facts and nickname, difficulties they met, and that they leave;
//! - nobody but the founder changes the founder's role, and nobody removes the founder.

use crate::model::{GroupRecord, MemberRole, PersonId};

use super::op::Op;

/// Why an op is refused: the sentence's subject ("the author may not write …").
pub type Refusal = &'static str;

/// Checks that `author`, whose role is `role`, may write `op` in `record` (the record as
/// computed up to this change). `founder` is the group's founder.
pub fn check(
    op: &Op,
    author: PersonId,
    role: MemberRole,
    founder: PersonId,
    record: &GroupRecord,
) -> Result<(), Refusal> {
    let animates = role.animates();
    let is_self = |person: &PersonId| *person == author;
    let self_or_animator = |person: &PersonId, what: Refusal| {
        if animates || is_self(person) {
            Ok(())
        } else {
            Err(what)
        }
    };
    match op {
        Op::GroupName(_) | Op::GroupPlace(_) | Op::GroupSettings(_) | Op::GroupTopics(_) => {
            animators(animates, "the group")
        }
        Op::Charter(_) => animators(animates, "the charter"),
        Op::Relay(_) | Op::RelayDeleted { .. } => animators(animates, "the relays"),
        Op::MemberRole { person, .. } => {
            if role != MemberRole::Animator {
                Err("roles")
            } else if *person == founder && author != founder {
                Err("the founder's role")
            } else {
                Ok(())
            }
        }
        Op::RemoveMember { person, .. } => {
            if role != MemberRole::Animator {
                Err("removals")
            } else if *person == founder || *person == author {
                Err("this removal")
            } else {
                Ok(())
            }
        }
        Op::MemberJoined { .. } | Op::MemberKeys { .. } => animators(animates, "members"),
        Op::MemberNickname { person, .. } => self_or_animator(person, "another member's name"),
        Op::MemberFacts { person, .. } => self_or_animator(person, "another member's facts"),
        Op::CharterAccepted { person, .. } => self_or_animator(person, "another member's charter"),
        Op::MemberLeft { person, .. } => self_or_animator(person, "another member's leaving"),
        Op::Skills { person, .. } => self_or_animator(person, "another member's levels"),
        Op::SessionPlan { .. }
        | Op::SessionThemes { .. }
        | Op::SessionState { .. }
        | Op::SessionDeleted { .. } => animators(animates, "sessions"),
        Op::Attend { .. } => animators(animates, "check-ins"),
        Op::LeftEarly { person, .. } => self_or_animator(person, "another member's leaving"),
        Op::HelpGroups { .. } => animators(animates, "help groups"),
        Op::HelpDeleted { .. } => animators(animates, "deletions of help"),
        Op::Need { person, .. } => self_or_animator(person, "another member's need"),
        Op::Help { helper, helped, .. } => {
            if animates || is_self(helper) || is_self(helped) {
                Ok(())
            } else {
                Err("help between other people")
            }
        }
        Op::Tip { tip, .. } | Op::TipDeleted { tip } => match record.tips.get(tip) {
            Some(existing) if !animates && existing.author != author => Err("another member's tip"),
            _ => Ok(()),
        },
        Op::Vote { person, .. } => self_or_animator(person, "another member's vote"),
        Op::Evaluation { person, .. } => self_or_animator(person, "another member's evaluation"),
        Op::Difficulty { id, .. } | Op::DifficultyDeleted { id } => {
            match record.difficulties.get(id) {
                Some(existing) if !animates && existing.author != author => {
                    Err("another member's note")
                }
                _ => Ok(()),
            }
        }
    }
}

fn animators(animates: bool, what: Refusal) -> Result<(), Refusal> {
    if animates {
        Ok(())
    } else {
        Err(what)
    }
}
