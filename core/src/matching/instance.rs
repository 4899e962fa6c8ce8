//! Input of the matching: topics, people present, history, the repeat policy and the
//! animator's fixed groups; plus the validation that turns it into an indexed form.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::error::MatchingError;
use super::solution::Group;

/// Highest skill level: "I can show someone".
pub const MAX_LEVEL: u8 = 3;
/// Lowest level a helper needs on the group's topic ("on my own").
pub const HELPER_MIN_LEVEL: u8 = 2;
/// A helper never has more than this many helped people, whatever their capacity.
pub const MAX_GROUP_HELPED: u32 = 2;
/// Largest number of people accepted in one request (keeps the combined weights in `i64`).
pub const MAX_PEOPLE: usize = 5000;

/// A topic people can help or be helped with.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// Stable identifier, e.g. `"email"`.
    pub id: String,
    /// Personal administrative procedures: never matched to a peer.
    #[serde(default)]
    pub sensitive: bool,
}

/// A role the animator can force for a person ("if placed, then in this role").
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// May only be placed as the helper of a group.
    Helper,
    /// May only be placed as a helped person.
    Helped,
}

fn default_capacity() -> u32 {
    2
}

/// A person present at the session.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Stable pseudonymous identifier.
    pub id: String,
    /// Level per topic id: 0 never done, 1 with help, 2 on my own, 3 can show someone.
    /// A missing topic means 0.
    #[serde(default)]
    pub levels: BTreeMap<String, u8>,
    /// Today's need (a topic id), if any.
    #[serde(default)]
    pub need: Option<String>,
    /// Willing to help today.
    #[serde(default)]
    pub helps: bool,
    /// How many people this person accepts to help (at least 1; above 2 counts as 2).
    #[serde(default = "default_capacity")]
    pub capacity: u32,
    /// Role forced by the animator, if any.
    #[serde(default)]
    pub role: Option<Role>,
}

impl Person {
    /// Level on a topic (missing = 0).
    pub fn level(&self, topic: &str) -> u8 {
        self.levels.get(topic).copied().unwrap_or(0)
    }
}

/// Whether pairs that already worked together should be kept together or mixed.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum RepeatPolicy {
    /// Maximise the number of repeated pairs (continuity).
    #[default]
    Prefer,
    /// Minimise the number of repeated pairs (mixing).
    Avoid,
}

/// Everything the engine needs for one session.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Instance {
    /// Topics known to the group.
    pub topics: Vec<Topic>,
    /// People present.
    pub people: Vec<Person>,
    /// `[helper, helped]` pairs of earlier sessions (treated as unordered pairs).
    #[serde(default)]
    pub history: Vec<(String, String)>,
    /// Tie-breaker on repeated pairs.
    #[serde(default)]
    pub repeat: RepeatPolicy,
    /// Groups fixed by the animator: kept as given, the rest is optimised around them.
    #[serde(default)]
    pub fixed: Vec<Group>,
}

/// Validated, index-based view of an [`Instance`] used by the solvers.
#[derive(Clone, Debug)]
pub(crate) struct Prepared {
    pub n_topics: usize,
    pub sensitive: Vec<bool>,
    /// `levels[p * n_topics + t]`.
    pub levels: Vec<u8>,
    pub need: Vec<Option<usize>>,
    pub helps: Vec<bool>,
    /// Capacity capped to 1..=2.
    pub cap: Vec<u8>,
    pub role: Vec<Option<Role>>,
    /// Unordered history pairs `(min, max)`.
    pub history: BTreeSet<(usize, usize)>,
    pub repeat: RepeatPolicy,
    /// Fixed groups: (helper, helped, topic).
    pub fixed: Vec<(usize, Vec<usize>, usize)>,
    /// Person is in a fixed group.
    pub in_fixed: Vec<bool>,
}

impl Prepared {
    pub fn n_people(&self) -> usize {
        self.need.len()
    }

    pub fn level(&self, person: usize, topic: usize) -> u8 {
        self.levels[person * self.n_topics + topic]
    }

    pub fn is_repeat(&self, a: usize, b: usize) -> bool {
        self.history.contains(&(a.min(b), a.max(b)))
    }

    /// `h` may ever help `x` on `x`'s need (level rules, willingness, forced roles),
    /// ignoring who is already busy.
    pub fn can_help(&self, h: usize, x: usize) -> bool {
        let Some(t) = self.need[x] else { return false };
        h != x
            && !self.sensitive[t]
            && self.helps[h]
            && self.role[h] != Some(Role::Helped)
            && self.role[x] != Some(Role::Helper)
            && self.level(h, t) >= HELPER_MIN_LEVEL
            && self.level(h, t) > self.level(x, t)
    }
}

fn check_id(id: &str, field: String) -> Result<(), MatchingError> {
    if id.is_empty() {
        return Err(MatchingError::field(field, "must not be empty"));
    }
    Ok(())
}

impl Instance {
    /// Check every rule on the input; the error names the first offending field.
    pub fn validate(&self) -> Result<(), MatchingError> {
        self.prepare().map(|_| ())
    }

    pub(crate) fn prepare(&self) -> Result<Prepared, MatchingError> {
        let mut topic_index: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, t) in self.topics.iter().enumerate() {
            check_id(&t.id, format!("topics[{i}].id"))?;
            if topic_index.insert(t.id.as_str(), i).is_some() {
                return Err(MatchingError::field(
                    format!("topics[{i}].id"),
                    format!("duplicate topic id \"{}\"", t.id),
                ));
            }
        }
        if self.people.len() > MAX_PEOPLE {
            return Err(MatchingError::field(
                "people",
                format!(
                    "{} people is more than the {MAX_PEOPLE} the engine accepts",
                    self.people.len()
                ),
            ));
        }
        let n_topics = self.topics.len();
        let n = self.people.len();
        let mut person_index: BTreeMap<&str, usize> = BTreeMap::new();
        let mut levels = vec![0u8; n * n_topics];
        let mut need = Vec::with_capacity(n);
        let mut cap = Vec::with_capacity(n);
        for (i, p) in self.people.iter().enumerate() {
            check_id(&p.id, format!("people[{i}].id"))?;
            if person_index.insert(p.id.as_str(), i).is_some() {
                return Err(MatchingError::field(
                    format!("people[{i}].id"),
                    format!("duplicate person id \"{}\"", p.id),
                ));
            }
            for (topic, &level) in &p.levels {
                let field = format!("people[{i}].levels.{topic}");
                let Some(&t) = topic_index.get(topic.as_str()) else {
                    return Err(MatchingError::field(
                        field,
                        format!("unknown topic \"{topic}\""),
                    ));
                };
                if level > MAX_LEVEL {
                    return Err(MatchingError::field(
                        field,
                        format!("level {level} is out of range 0..={MAX_LEVEL}"),
                    ));
                }
                levels[i * n_topics + t] = level;
            }
            let need_t = match &p.need {
                None => None,
                Some(topic) => match topic_index.get(topic.as_str()) {
                    Some(&t) => Some(t),
                    None => {
                        return Err(MatchingError::field(
                            format!("people[{i}].need"),
                            format!("unknown topic \"{topic}\""),
                        ))
                    }
                },
            };
            need.push(need_t);
            if p.capacity == 0 {
                return Err(MatchingError::field(
                    format!("people[{i}].capacity"),
                    "capacity must be at least 1",
                ));
            }
            cap.push(p.capacity.min(MAX_GROUP_HELPED) as u8);
            match p.role {
                Some(Role::Helper) if !p.helps => {
                    return Err(MatchingError::field(
                        format!("people[{i}].role"),
                        "role \"helper\" needs helps to be true",
                    ))
                }
                Some(Role::Helped) if p.need.is_none() => {
                    return Err(MatchingError::field(
                        format!("people[{i}].role"),
                        "role \"helped\" needs a need",
                    ))
                }
                _ => {}
            }
        }
        let mut history = BTreeSet::new();
        for (k, (a, b)) in self.history.iter().enumerate() {
            let ia = *person_index.get(a.as_str()).ok_or_else(|| {
                MatchingError::field(
                    format!("history[{k}][0]"),
                    format!("unknown person \"{a}\""),
                )
            })?;
            let ib = *person_index.get(b.as_str()).ok_or_else(|| {
                MatchingError::field(
                    format!("history[{k}][1]"),
                    format!("unknown person \"{b}\""),
                )
            })?;
            if ia == ib {
                return Err(MatchingError::field(
                    format!("history[{k}]"),
                    format!("\"{a}\" cannot be paired with themself"),
                ));
            }
            history.insert((ia.min(ib), ia.max(ib)));
        }
        let mut prepared = Prepared {
            n_topics,
            sensitive: self.topics.iter().map(|t| t.sensitive).collect(),
            levels,
            need,
            helps: self.people.iter().map(|p| p.helps).collect(),
            cap,
            role: self.people.iter().map(|p| p.role).collect(),
            history,
            repeat: self.repeat,
            fixed: Vec::new(),
            in_fixed: vec![false; n],
        };
        let mut fixed_where: Vec<Option<usize>> = vec![None; n];
        for (k, g) in self.fixed.iter().enumerate() {
            let f = |rest: &str| format!("fixed[{k}].{rest}");
            let t = *topic_index.get(g.topic.as_str()).ok_or_else(|| {
                MatchingError::field(f("topic"), format!("unknown topic \"{}\"", g.topic))
            })?;
            if prepared.sensitive[t] {
                return Err(MatchingError::field(
                    f("topic"),
                    format!(
                        "topic \"{}\" is sensitive and is never matched to a peer",
                        g.topic
                    ),
                ));
            }
            let h = *person_index.get(g.helper.as_str()).ok_or_else(|| {
                MatchingError::field(f("helper"), format!("unknown person \"{}\"", g.helper))
            })?;
            if let Some(other) = fixed_where[h] {
                return Err(MatchingError::field(
                    f("helper"),
                    format!("\"{}\" is already in fixed[{other}]", g.helper),
                ));
            }
            fixed_where[h] = Some(k);
            if !prepared.helps[h] {
                return Err(MatchingError::field(
                    f("helper"),
                    format!("\"{}\" is not willing to help today", g.helper),
                ));
            }
            if prepared.role[h] == Some(Role::Helped) {
                return Err(MatchingError::field(
                    f("helper"),
                    format!("\"{}\" has role \"helped\"", g.helper),
                ));
            }
            let hl = prepared.level(h, t);
            if hl < HELPER_MIN_LEVEL {
                return Err(MatchingError::field(
                    f("helper"),
                    format!(
                        "\"{}\" has level {hl} on \"{}\"; a helper needs at least {HELPER_MIN_LEVEL}",
                        g.helper, g.topic
                    ),
                ));
            }
            let size_limit = u32::from(prepared.cap[h]);
            if g.helped.is_empty() || g.helped.len() as u32 > size_limit {
                return Err(MatchingError::field(
                    f("helped"),
                    format!(
                        "a group has 1 to {size_limit} helped people for \"{}\", not {}",
                        g.helper,
                        g.helped.len()
                    ),
                ));
            }
            let mut helped = Vec::with_capacity(g.helped.len());
            for (j, x_id) in g.helped.iter().enumerate() {
                let field = f(&format!("helped[{j}]"));
                let x = *person_index.get(x_id.as_str()).ok_or_else(|| {
                    MatchingError::field(field.clone(), format!("unknown person \"{x_id}\""))
                })?;
                if let Some(other) = fixed_where[x] {
                    return Err(MatchingError::field(
                        field,
                        format!("\"{x_id}\" is already in fixed[{other}]"),
                    ));
                }
                fixed_where[x] = Some(k);
                if prepared.need[x] != Some(t) {
                    return Err(MatchingError::field(
                        field,
                        format!("\"{x_id}\" does not need \"{}\" today", g.topic),
                    ));
                }
                if prepared.role[x] == Some(Role::Helper) {
                    return Err(MatchingError::field(
                        field,
                        format!("\"{x_id}\" has role \"helper\""),
                    ));
                }
                let xl = prepared.level(x, t);
                if xl >= hl {
                    return Err(MatchingError::field(
                        field,
                        format!(
                            "\"{x_id}\" has level {xl} on \"{}\", not below the helper's level {hl}",
                            g.topic
                        ),
                    ));
                }
                helped.push(x);
            }
            helped.sort_unstable();
            prepared.in_fixed[h] = true;
            for &x in &helped {
                prepared.in_fixed[x] = true;
            }
            prepared.fixed.push((h, helped, t));
        }
        Ok(prepared)
    }
}
