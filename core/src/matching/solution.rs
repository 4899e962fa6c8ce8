//! Output of the matching: groups, unplaced people with their reason, the objective
//! vector, and the helpers that recompute the objective and build the output in a fixed order.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::instance::{Instance, Prepared, RepeatPolicy, Role, HELPER_MIN_LEVEL, MAX_LEVEL};

/// One help group: a helper and one or two helped people on one topic.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Person id of the helper.
    pub helper: String,
    /// Person ids of the helped people (sorted in outputs).
    pub helped: Vec<String>,
    /// Topic id (the need of every helped person).
    pub topic: String,
}

/// Why a person with a need has no peer helping them today.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum UnplacedReason {
    /// The need is a sensitive topic: for the animator or a professional relay.
    Sensitive,
    /// Nobody present could ever help them on that topic under the level rules.
    NoHelper,
    /// Somebody could, but the optimum uses them elsewhere.
    HelpersFull,
}

/// A person with a need who is not helped by a peer today.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Unplaced {
    /// Person id.
    pub id: String,
    /// Why.
    pub reason: UnplacedReason,
}

/// A person placed as a helper whose own need (not sensitive) is therefore not covered
/// today: they are in a group, so they are not [`Unplaced`].
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct UncoveredNeed {
    /// Person id (the helper of `group`).
    pub id: String,
    /// Topic id of their own need.
    pub need: String,
    /// The group they help in instead.
    pub group: Group,
}

/// The four criteria, in priority order.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Objective {
    /// Number of helped people.
    pub helped: u32,
    /// Number of helped people whose helper is at level 3 on their topic.
    pub level3: u32,
    /// Number of groups.
    pub groups: u32,
    /// Number of (helper, helped) pairs found in the history (unordered).
    pub repeated: u32,
}

impl Objective {
    /// Sort key: larger is better, lexicographically, for the given repeat policy.
    pub fn key(&self, repeat: RepeatPolicy) -> (u32, u32, u32, i64) {
        let r = i64::from(self.repeated);
        let r = match repeat {
            RepeatPolicy::Prefer => r,
            RepeatPolicy::Avoid => -r,
        };
        (self.helped, self.level3, self.groups, r)
    }

    /// Compare two objectives under a repeat policy (`Greater` = better).
    pub fn cmp_with(&self, other: &Objective, repeat: RepeatPolicy) -> Ordering {
        self.key(repeat).cmp(&other.key(repeat))
    }

    /// `[n_helped, n_with_level3, n_groups, n_repeated_pairs]`, as in the JSON output.
    pub fn as_array(&self) -> [u32; 4] {
        [self.helped, self.level3, self.groups, self.repeated]
    }
}

/// Result of a solve.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Solution {
    /// Groups, sorted by helper id, helped ids sorted.
    pub groups: Vec<Group>,
    /// People with a need and no peer helping them, sorted by id.
    pub unplaced: Vec<Unplaced>,
    /// Objective of `groups`.
    pub objective: Objective,
    /// Helpers whose own need is not covered today, sorted by id.
    #[serde(default)]
    pub uncovered: Vec<UncoveredNeed>,
    /// The search proved no better set of groups exists.
    pub optimal: bool,
    /// Proven upper bound on the number of helped people: equal to `objective.helped`
    /// once the first criterion is proven (always when `optimal`), larger when the search
    /// stopped before; see [`Solution::more_helped_at_most`].
    #[serde(default)]
    pub helped_bound: u32,
    /// Search nodes explored (bounds computed).
    pub nodes: u64,
}

impl Solution {
    /// Ids of the people with a (non-sensitive) need who help someone instead today
    /// (the ids of [`Solution::uncovered`]).
    pub fn needs_set_aside(&self, _instance: &Instance) -> Vec<String> {
        self.uncovered.iter().map(|u| u.id.clone()).collect()
    }

    /// When the search stopped before its proof: at most how many more people could be
    /// helped than in this solution (0 when that count is proven but a lower criterion
    /// is not). `None` when the solution is proven optimal.
    pub fn more_helped_at_most(&self) -> Option<u32> {
        if self.optimal {
            None
        } else {
            Some(self.helped_bound.saturating_sub(self.objective.helped))
        }
    }
}

/// Helpers whose own non-sensitive need is not covered, sorted by id.
fn uncovered_needs(instance: &Instance, groups: &[Group]) -> Vec<UncoveredNeed> {
    let sensitive: BTreeMap<&str, bool> = instance
        .topics
        .iter()
        .map(|t| (t.id.as_str(), t.sensitive))
        .collect();
    let people: BTreeMap<&str, &super::instance::Person> =
        instance.people.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut out: Vec<UncoveredNeed> = groups
        .iter()
        .filter_map(|g| {
            let need = people.get(g.helper.as_str())?.need.as_deref()?;
            if sensitive.get(need).copied().unwrap_or(false) {
                return None;
            }
            Some(UncoveredNeed {
                id: g.helper.clone(),
                need: need.to_string(),
                group: g.clone(),
            })
        })
        .collect();
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

/// Recompute the objective of a set of groups from the instance (no rule checking).
/// Unknown ids count as level 0 / not repeated.
pub fn evaluate(instance: &Instance, groups: &[Group]) -> Objective {
    let people: BTreeMap<&str, &super::instance::Person> =
        instance.people.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut history = std::collections::BTreeSet::new();
    for (a, b) in &instance.history {
        history.insert((a.as_str().min(b.as_str()), a.as_str().max(b.as_str())));
    }
    let mut o = Objective::default();
    for g in groups {
        o.groups += 1;
        o.helped += g.helped.len() as u32;
        let hl = people
            .get(g.helper.as_str())
            .map_or(0, |p| p.level(&g.topic));
        if hl == MAX_LEVEL {
            o.level3 += g.helped.len() as u32;
        }
        for x in &g.helped {
            let key = (
                g.helper.as_str().min(x.as_str()),
                g.helper.as_str().max(x.as_str()),
            );
            if history.contains(&key) {
                o.repeated += 1;
            }
        }
    }
    o
}

/// Internal assignment: groups as (helper, helped, topic) over person indices.
pub(crate) type RawGroups = Vec<(usize, Vec<usize>, usize)>;

/// Build the public [`Solution`] from index-based groups (fixed groups included).
pub(crate) fn build_solution(
    instance: &Instance,
    prep: &Prepared,
    raw: &RawGroups,
    optimal: bool,
    helped_bound: u32,
    nodes: u64,
) -> Solution {
    let n = prep.n_people();
    let mut placed = vec![false; n];
    let mut groups: Vec<Group> = raw
        .iter()
        .map(|(h, helped, t)| {
            placed[*h] = true;
            let mut ids: Vec<String> = helped
                .iter()
                .map(|&x| {
                    placed[x] = true;
                    instance.people[x].id.clone()
                })
                .collect();
            ids.sort();
            Group {
                helper: instance.people[*h].id.clone(),
                helped: ids,
                topic: instance.topics[*t].id.clone(),
            }
        })
        .collect();
    groups.sort();
    let mut unplaced: Vec<Unplaced> = (0..n)
        .filter_map(|x| {
            let t = prep.need[x]?;
            if prep.sensitive[t] {
                return Some(Unplaced {
                    id: instance.people[x].id.clone(),
                    reason: UnplacedReason::Sensitive,
                });
            }
            if placed[x] {
                return None;
            }
            let reason = unplaced_reason(prep, x);
            Some(Unplaced {
                id: instance.people[x].id.clone(),
                reason,
            })
        })
        .collect();
    unplaced.sort_by(|a, b| a.id.cmp(&b.id));
    let objective = evaluate(instance, &groups);
    let uncovered = uncovered_needs(instance, &groups);
    Solution {
        groups,
        unplaced,
        objective,
        uncovered,
        optimal,
        helped_bound: if optimal {
            objective.helped
        } else {
            helped_bound.max(objective.helped)
        },
        nodes,
    }
}

/// Reason for a person with a need who is not placed.
pub(crate) fn unplaced_reason(prep: &Prepared, x: usize) -> UnplacedReason {
    match prep.need[x] {
        Some(t) if prep.sensitive[t] => UnplacedReason::Sensitive,
        Some(t) => {
            // Level rules and willingness only (a role forced on `x` itself is ignored:
            // the question is whether anybody here could have helped them).
            let could = (0..prep.n_people()).any(|h| {
                h != x
                    && prep.helps[h]
                    && prep.role[h] != Some(Role::Helped)
                    && prep.level(h, t) >= HELPER_MIN_LEVEL
                    && prep.level(h, t) > prep.level(x, t)
            });
            if could {
                UnplacedReason::HelpersFull
            } else {
                UnplacedReason::NoHelper
            }
        }
        None => UnplacedReason::NoHelper,
    }
}
