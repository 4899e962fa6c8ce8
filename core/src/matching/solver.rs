//! The exact engines, per connected component: the set-packing branch and bound over
//! candidate groups (see `packing`), and beyond `MAX_CANDIDATES` candidates the flow
//! branch and bound kept here (bounded by the flow relaxation, branching on role
//! conflicts and on helpers spread over two topics, with repaired relaxations as
//! incumbents). Budgeted by nodes and work units (never wall-clock), so it is
//! deterministic and runs the same in WebAssembly.

use serde::{Deserialize, Serialize};

use super::bounds::FlowBound;
use super::error::MatchingError;
use super::groups::{Packing, MAX_CANDIDATES};
use super::heuristic::{fill, groups_of, repair};
use super::instance::Instance;
use super::packing::solve_packing;
use super::problem::{components, value_of, Assignment, Component, State, Weights};
use super::solution::{build_solution, RawGroups, Solution};

/// Search limits. When one is reached the best solution found so far is returned with
/// `optimal: false`.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct SolveOptions {
    /// Maximum number of search nodes (flow bounds computed), over all components.
    pub node_limit: u64,
    /// Maximum number of work units (edge scans in the flow computations; simplex
    /// operations, scaled to cost about the same, in the set-packing engine).
    pub work_limit: u64,
}

impl Default for SolveOptions {
    fn default() -> Self {
        SolveOptions {
            node_limit: 100_000,
            work_limit: 40_000_000,
        }
    }
}

/// Shared search limits of all components.
pub(crate) struct Budget {
    pub nodes: u64,
    pub work: u64,
    node_limit: u64,
    work_limit: u64,
}

impl Budget {
    pub fn exhausted(&self) -> bool {
        self.nodes >= self.node_limit || self.work >= self.work_limit
    }

    /// Work units left.
    pub fn work_left(&self) -> u64 {
        self.work_limit.saturating_sub(self.work)
    }
}

enum Branch {
    /// Person is both helper `h` and needer `n` in the relaxation.
    Role {
        h: usize,
        n: usize,
        helper_first: bool,
    },
    /// Helper `h` helps on two topics; `topic` is the one with the larger gain.
    Topic { h: usize, topic: u32 },
}

struct Search<'a> {
    c: &'a Component,
    state: State,
    flow: FlowBound,
    best_value: i64,
    best: Assignment,
    aborted: bool,
}

impl Search<'_> {
    fn offer(&mut self, assign: Assignment) {
        let v = value_of(self.c, &assign);
        if v > self.best_value {
            self.best_value = v;
            self.best = assign;
        }
    }

    fn find_branch(&self, assign: &Assignment) -> Option<Branch> {
        let c = self.c;
        let nh = c.helpers.len();
        let mut load = vec![0u32; nh];
        let mut helper_gain = vec![0i64; nh];
        for a in assign.iter().flatten() {
            let arc = c.arcs[*a as usize];
            load[arc.h as usize] += 1;
            helper_gain[arc.h as usize] += arc.gain;
        }
        // Role conflict with the most at stake first.
        let mut role: Option<(i64, Branch)> = None;
        for (n, a) in assign.iter().enumerate() {
            let (Some(a), Some(h)) = (a, c.needer_as_helper[n]) else {
                continue;
            };
            let h = h as usize;
            if load[h] == 0 {
                continue;
            }
            let as_helper = c.group_gain + helper_gain[h];
            let as_helped = c.arcs[*a as usize].gain;
            let stake = as_helper.min(as_helped);
            if role.as_ref().is_none_or(|(s, _)| stake > *s) {
                role = Some((
                    stake,
                    Branch::Role {
                        h,
                        n,
                        helper_first: as_helper >= as_helped,
                    },
                ));
            }
        }
        if let Some((_, b)) = role {
            return Some(b);
        }
        let mut first: Vec<Option<(u32, i64)>> = vec![None; nh];
        for a in assign.iter().flatten() {
            let arc = c.arcs[*a as usize];
            let h = arc.h as usize;
            match first[h] {
                None => first[h] = Some((arc.topic, arc.gain)),
                Some((t, g)) if t != arc.topic => {
                    let topic = if g >= arc.gain { t } else { arc.topic };
                    return Some(Branch::Topic { h, topic });
                }
                Some(_) => {}
            }
        }
        None
    }

    fn dfs(&mut self, budget: &mut Budget) {
        if budget.exhausted() {
            self.aborted = true;
            return;
        }
        budget.nodes += 1;
        let relax = self
            .flow
            .solve(self.c, &self.state, self.best_value, &mut budget.work);
        if relax.pruned || relax.value <= self.best_value {
            return;
        }
        let Some(branch) = self.find_branch(&relax.assign) else {
            self.offer(relax.assign);
            return;
        };
        let repaired = repair(self.c, &self.state, &relax.assign);
        self.offer(repaired);
        if relax.value <= self.best_value {
            return;
        }
        match branch {
            Branch::Role { h, n, helper_first } => {
                for step in 0..2 {
                    if relax.value <= self.best_value || self.aborted {
                        break;
                    }
                    let drop_need = (step == 0) == helper_first;
                    if drop_need {
                        self.state.need_on[n] = false;
                        self.dfs(budget);
                        self.state.need_on[n] = true;
                    } else {
                        self.state.helper_on[h] = false;
                        self.dfs(budget);
                        self.state.helper_on[h] = true;
                    }
                }
            }
            Branch::Topic { h, topic } => {
                let (s, e) = self.c.helper_arcs[h];
                for keep_only in [true, false] {
                    if relax.value <= self.best_value || self.aborted {
                        break;
                    }
                    let mut changed = Vec::new();
                    for a in s as usize..e as usize {
                        let on_topic = self.c.arcs[a].topic == topic;
                        if self.state.arc_on[a] && (on_topic != keep_only) {
                            self.state.arc_on[a] = false;
                            changed.push(a);
                        }
                    }
                    self.dfs(budget);
                    for a in changed {
                        self.state.arc_on[a] = true;
                    }
                }
            }
        }
    }
}

/// Which exact engine solves the components.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Engine {
    /// Branch and bound on the flow relaxation only (the reference the tests compare with).
    #[cfg_attr(not(test), allow(dead_code))]
    Flow,
    /// Set packing over candidate groups, the flow engine beyond [`MAX_CANDIDATES`].
    Packing,
}

/// Solve one component; returns the best assignment, whether it is proven optimal, and
/// a proven upper bound on its helped people.
fn solve_component(
    c: &Component,
    engine: Engine,
    budget: &mut Budget,
) -> (Assignment, bool, usize) {
    let state = State::new(c);
    let mut start: Assignment = vec![None; c.needers.len()];
    fill(c, &state, &mut start);
    let start_value = value_of(c, &start);
    if engine == Engine::Packing {
        let built = Packing::build(c, MAX_CANDIDATES);
        if let Some(p) = built {
            let (assign, proven, bound) = solve_packing(c, &p, start, budget);
            let bound = usize::try_from(bound.max(0)).unwrap_or(usize::MAX);
            return (assign, proven, bound.min(c.needers.len()));
        }
    }
    let mut search = Search {
        c,
        best_value: start_value,
        best: start,
        state,
        flow: FlowBound::default(),
        aborted: false,
    };
    search.dfs(budget);
    let helped = search.best.iter().flatten().count();
    let bound = if search.aborted {
        c.needers.len()
    } else {
        helped
    };
    (search.best, !search.aborted, bound)
}

/// Find the best set of groups: the exact lexicographic optimum when the search
/// finishes within the limits (`optimal: true`), else the best found.
pub fn solve(instance: &Instance, options: &SolveOptions) -> Result<Solution, MatchingError> {
    solve_with(instance, options, Engine::Packing)
}

/// [`solve`] with a chosen engine (the flow engine is kept as a reference).
pub(crate) fn solve_with(
    instance: &Instance,
    options: &SolveOptions,
    engine: Engine,
) -> Result<Solution, MatchingError> {
    let prep = instance.prepare()?;
    let w = Weights::new(prep.n_people());
    let mut budget = Budget {
        nodes: 0,
        work: 0,
        node_limit: options.node_limit,
        work_limit: options.work_limit,
    };
    let comps = components(&prep, w);
    let mut raw: RawGroups = prep.fixed.clone();
    let mut optimal = true;
    let mut bound: usize = prep.fixed.iter().map(|g| g.1.len()).sum();
    for c in &comps {
        let (assign, proven, helped_bound) = solve_component(c, engine, &mut budget);
        optimal &= proven;
        bound += helped_bound;
        groups_of(c, &assign, &mut raw);
    }
    Ok(build_solution(
        instance,
        &prep,
        &raw,
        optimal,
        bound as u32,
        budget.nodes,
    ))
}
