//! The animator's changes to a proposal: move a person into a group, swap a person's role,
//! keep a group as it is, or set a person aside for today. Changes are kept as
//! [`Adjustments`] and turned into fixed groups and forced roles of a new [`Instance`], so
//! "recompute" re-optimises everything else around the animator's choices.

use std::collections::{BTreeMap, BTreeSet};

use thiserror::Error;

use super::instance::{Instance, Person, Role};
use super::solution::{Group, Solution};

/// Lowest level at which a person may help on a topic.
const HELPER_MIN_LEVEL: u8 = 2;
/// At most this many helped people in a group, whatever the helper's capacity.
const MAX_HELPED: usize = 2;

/// A change the animator asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// Put `person` (who has a need) in the group of `helper`, on the person's need.
    MoveInto {
        /// The person to move.
        person: String,
        /// The helper whose group takes them.
        helper: String,
    },
    /// From now on, place `person` only in this role.
    ForceRole {
        /// The person.
        person: String,
        /// The role they must have if placed.
        role: Role,
    },
    /// Keep the proposed group of `helper` exactly as it is.
    Keep {
        /// The group's helper.
        helper: String,
    },
    /// Let the engine change the group of `helper` again.
    Release {
        /// The group's helper.
        helper: String,
    },
    /// Leave `person` out of today's groups (they will be seen by the animator).
    SetAside {
        /// The person.
        person: String,
    },
    /// Bring a person set aside back into today's groups.
    BringBack {
        /// The person.
        person: String,
    },
}

/// Why a change cannot be made; each message is shown (translated) to the animator.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum AdjustError {
    /// The id is not among the people present.
    #[error("{0} is not present today")]
    NotPresent(String),
    /// The person has no need, or their need is a sensitive topic.
    #[error("{0} has no need that a peer can help with")]
    NoNeed(String),
    /// The helper cannot help on that topic (level, willingness or forced role).
    #[error("{helper} cannot help {person} on this topic")]
    CannotHelp {
        /// The helper.
        helper: String,
        /// The person.
        person: String,
    },
    /// The group already has as many helped people as allowed.
    #[error("the group of {0} is full")]
    GroupFull(String),
    /// The group of the helper is on another topic.
    #[error("the group of {0} works on another topic")]
    OtherTopic(String),
    /// The helper has no group in the proposal.
    #[error("{0} leads no group")]
    NoGroup(String),
    /// The role cannot be given to that person.
    #[error("{person} cannot be placed as {role:?}")]
    RoleNotPossible {
        /// The person.
        person: String,
        /// The role asked for.
        role: Role,
    },
}

/// Everything the animator changed, applied on top of the session's people.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Adjustments {
    /// Groups kept as they are, by helper id.
    pub fixed: BTreeMap<String, Group>,
    /// Roles forced by the animator.
    pub roles: BTreeMap<String, Role>,
    /// People left out today.
    pub set_aside: BTreeSet<String>,
}

fn person<'a>(instance: &'a Instance, id: &str) -> Result<&'a Person, AdjustError> {
    instance
        .people
        .iter()
        .find(|p| p.id == id)
        .ok_or_else(|| AdjustError::NotPresent(id.to_string()))
}

fn sensitive(instance: &Instance, topic: &str) -> bool {
    instance.topics.iter().any(|t| t.id == topic && t.sensitive)
}

/// The need of `p` that a peer may help with.
fn peer_need<'a>(instance: &Instance, p: &'a Person) -> Option<&'a str> {
    p.need.as_deref().filter(|t| !sensitive(instance, t))
}

fn can_help(helper: &Person, person: &Person, topic: &str) -> bool {
    helper.id != person.id
        && helper.helps
        && helper.level(topic) >= HELPER_MIN_LEVEL
        && helper.level(topic) > person.level(topic)
}

fn capacity(p: &Person) -> usize {
    (p.capacity as usize).clamp(1, MAX_HELPED)
}

impl Adjustments {
    /// No change yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether anything was changed.
    pub fn is_empty(&self) -> bool {
        self.fixed.is_empty() && self.roles.is_empty() && self.set_aside.is_empty()
    }

    /// Whether the group of `helper` is kept as it is.
    pub fn is_fixed(&self, helper: &str) -> bool {
        self.fixed.contains_key(helper)
    }

    /// Takes `id` out of every kept group (as helper or helped).
    fn unfix_person(&mut self, id: &str) {
        self.fixed.remove(id);
        for group in self.fixed.values_mut() {
            group.helped.retain(|h| h != id);
        }
        self.fixed.retain(|_, g| !g.helped.is_empty());
    }

    /// Applies `change` to `proposal` (the groups on screen), or says why it cannot.
    pub fn apply(
        &mut self,
        instance: &Instance,
        proposal: &Solution,
        change: Change,
    ) -> Result<(), AdjustError> {
        match change {
            Change::MoveInto {
                person: id,
                helper: helper_id,
            } => {
                let p = person(instance, &id)?;
                let helper = person(instance, &helper_id)?;
                let topic =
                    peer_need(instance, p).ok_or_else(|| AdjustError::NoNeed(id.clone()))?;
                if !can_help(helper, p, topic) || self.roles.get(&helper_id) == Some(&Role::Helped)
                {
                    return Err(AdjustError::CannotHelp {
                        helper: helper_id,
                        person: id,
                    });
                }
                let current = self
                    .fixed
                    .get(&helper_id)
                    .or_else(|| proposal.groups.iter().find(|g| g.helper == helper_id))
                    .cloned();
                let mut group = match current {
                    Some(g) if g.topic != topic => return Err(AdjustError::OtherTopic(helper_id)),
                    Some(g) => g,
                    None => Group {
                        helper: helper_id.clone(),
                        helped: Vec::new(),
                        topic: topic.to_string(),
                    },
                };
                group.helped.retain(|h| h != &id);
                if group.helped.len() >= capacity(helper) {
                    return Err(AdjustError::GroupFull(helper_id));
                }
                group.helped.push(id.clone());
                group.helped.sort();
                self.unfix_person(&id);
                self.unfix_person(&helper_id);
                self.set_aside.remove(&id);
                self.set_aside.remove(&helper_id);
                self.roles.remove(&id);
                self.roles.remove(&helper_id);
                // The others of the group stay with it.
                for other in &group.helped {
                    self.unfix_person(other);
                }
                self.fixed.insert(helper_id, group);
                Ok(())
            }
            Change::ForceRole { person: id, role } => {
                let p = person(instance, &id)?;
                let possible = match role {
                    Role::Helper => p.helps,
                    Role::Helped => peer_need(instance, p).is_some(),
                };
                if !possible {
                    return Err(AdjustError::RoleNotPossible { person: id, role });
                }
                self.unfix_person(&id);
                self.set_aside.remove(&id);
                self.roles.insert(id, role);
                Ok(())
            }
            Change::Keep { helper } => {
                let group = proposal
                    .groups
                    .iter()
                    .find(|g| g.helper == helper)
                    .cloned()
                    .ok_or_else(|| AdjustError::NoGroup(helper.clone()))?;
                self.fixed.insert(helper, group);
                Ok(())
            }
            Change::Release { helper } => {
                self.fixed.remove(&helper);
                Ok(())
            }
            Change::SetAside { person: id } => {
                person(instance, &id)?;
                self.unfix_person(&id);
                self.roles.remove(&id);
                self.set_aside.insert(id);
                Ok(())
            }
            Change::BringBack { person: id } => {
                person(instance, &id)?;
                self.set_aside.remove(&id);
                Ok(())
            }
        }
    }

    /// The session as the engine must now solve it: people set aside removed (with their
    /// history), forced roles set, kept groups fixed.
    pub fn instance(&self, base: &Instance) -> Instance {
        let present = |id: &str| !self.set_aside.contains(id);
        let people = base
            .people
            .iter()
            .filter(|p| present(&p.id))
            .map(|p| Person {
                role: self.roles.get(&p.id).copied().or(p.role),
                ..p.clone()
            })
            .collect();
        Instance {
            topics: base.topics.clone(),
            people,
            history: base
                .history
                .iter()
                .filter(|(a, b)| present(a) && present(b))
                .cloned()
                .collect(),
            repeat: base.repeat,
            fixed: base
                .fixed
                .iter()
                .chain(self.fixed.values())
                .filter(|g| present(&g.helper) && g.helped.iter().all(|h| present(h)))
                .cloned()
                .collect(),
        }
    }
}

/// Helpers whose group (or who, free, could start a group that) may take `person` on
/// their need, given the groups on screen. Sorted by helper id.
pub fn move_targets(instance: &Instance, proposal: &Solution, person_id: &str) -> Vec<String> {
    let Ok(p) = person(instance, person_id) else {
        return Vec::new();
    };
    let Some(topic) = peer_need(instance, p) else {
        return Vec::new();
    };
    let helped_somewhere: BTreeSet<&str> = proposal
        .groups
        .iter()
        .flat_map(|g| g.helped.iter().map(String::as_str))
        .collect();
    let mut out: Vec<String> = instance
        .people
        .iter()
        .filter(|h| can_help(h, p, topic) && h.role != Some(Role::Helped))
        .filter(|h| !helped_somewhere.contains(h.id.as_str()))
        .filter(
            |h| match proposal.groups.iter().find(|g| g.helper == h.id) {
                Some(g) => {
                    g.topic == topic
                        && !g.helped.iter().any(|x| x == person_id)
                        && g.helped.len() < capacity(h)
                }
                None => true,
            },
        )
        .map(|h| h.id.clone())
        .collect();
    out.sort();
    out
}

/// The role `person` could be switched to from where the proposal puts them.
pub fn other_role(instance: &Instance, proposal: &Solution, person_id: &str) -> Option<Role> {
    let p = person(instance, person_id).ok()?;
    let helps = proposal.groups.iter().any(|g| g.helper == person_id);
    if helps {
        peer_need(instance, p).map(|_| Role::Helped)
    } else if p.helps {
        Some(Role::Helper)
    } else {
        None
    }
}
