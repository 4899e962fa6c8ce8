//! The exact engine on the set-packing view: one depth-first branch and bound per
//! criterion (helped, then level 3, then groups, then repeats), each bounded by the
//! linear relaxation of its own prefix objective with the earlier criteria capped at
//! their proven optimum (a better solution meets them exactly), so that integrality
//! rounds the bound at every level. When people can both help and be helped, the
//! relaxation shares roles around odd cycles (Ann helps Bea, Bea helps Cid, Cid helps
//! Ann, each by half): three-person odd-set cuts ("at most one chosen group holds two
//! of these three people") remove that at the root and at search nodes, and close the
//! gap on such sessions. Each stage starts from the previous stage's basis; a dive
//! (fixing what the relaxation takes) gives the incumbent; the search then looks for a
//! solution at the root bound first (the strongest pruning), lowering that target once
//! it is exhausted. Warm-started simplex, reduced-cost fixing, LP rounding; branching
//! first on what the relaxation mixes (a person both helping and helped, a helper on
//! two topics), then on "which candidate covers this person, or none".

use super::groups::{prefix, Packing, Score};
use super::lp::{Basis, Model, Simplex};
use super::problem::{Assignment, Component};
use super::solver::Budget;

/// Simplex operations per work unit: a unit costs about what an edge scan of the
/// flow engine costs, so that a budget means the same time for both engines.
const OPS_PER_WORK_UNIT: u64 = 3;

/// Slack on reduced costs before a candidate is fixed out (floating point safety).
const FIX_TOL: f64 = 1e-3;

struct Search<'a> {
    p: &'a Packing,
    /// Criterion prefix being maximised (1..=4).
    stage: usize,
    model: Model,
    /// Candidate still allowed in the current subtree.
    on: Vec<bool>,
    lp: Simplex,
    /// Criteria of the candidates chosen along the current path.
    offset: Score,
    path: Vec<u32>,
    best_score: Score,
    best: Option<Vec<u32>>,
    aborted: bool,
    /// Scratch: person already taken by the rounding.
    taken: Vec<bool>,
    /// Person covered by a candidate of the current path.
    person_used: Vec<bool>,
    /// Left-hand side of each extra row used by the current path.
    used: Vec<f64>,
    /// Odd sets already cut (sorted members).
    cut_sets: std::collections::BTreeSet<[u32; 3]>,
    /// Bound of the current stage's root (its value, path included).
    root_bound: Option<i64>,
    /// Search only for solutions above this value (a target below the root bound).
    floor: i64,
}

/// Base of a stage's objective. Any positive weights on the criteria already proven
/// give a valid bound (a better solution meets them exactly); large ones keep the
/// relaxation at their caps, small ones keep the floating point exact to well below
/// one unit: the combined base up to 254 people, and never larger than 512.
fn stage_base(p: &Packing) -> i64 {
    p.b.min(512)
}

/// Largest integer not above a floating bound, with a tolerance for rounding errors;
/// anything not finite bounds nothing.
fn floor_bound(v: f64) -> i64 {
    const NONE: i64 = i64::MAX / 4;
    if !v.is_finite() {
        return NONE;
    }
    let tol = FIX_TOL + 1e-12 * v.abs();
    let f = (v + tol).floor();
    if f >= NONE as f64 {
        NONE
    } else {
        f as i64
    }
}

fn add(a: &mut Score, b: &Score) {
    for (x, y) in a.iter_mut().zip(b) {
        *x += y;
    }
}

fn sub(a: &mut Score, b: &Score) {
    for (x, y) in a.iter_mut().zip(b) {
        *x -= y;
    }
}

impl Search<'_> {
    /// Choose candidate `g` on the current path (its members' candidates are switched
    /// off by the caller).
    fn push(&mut self, g: u32) {
        let cand = self.p.groups[g as usize];
        add(&mut self.offset, &cand.score);
        for &q in cand.members() {
            self.person_used[q as usize] = true;
        }
        for &(k, a) in &self.model.extra_of[g as usize] {
            self.used[k as usize] += a;
        }
        self.path.push(g);
    }

    /// Undo the last [`Search::push`].
    fn pop(&mut self) {
        let Some(g) = self.path.pop() else { return };
        let cand = self.p.groups[g as usize];
        sub(&mut self.offset, &cand.score);
        for &q in cand.members() {
            self.person_used[q as usize] = false;
        }
        for &(k, a) in &self.model.extra_of[g as usize] {
            self.used[k as usize] -= a;
        }
    }

    /// Add the row of a new extra constraint, with what the current path uses of it.
    fn add_row(&mut self, coef: Vec<(usize, f64)>, rhs: f64) {
        let k = self.model.extra_rhs.len() as u32;
        self.model.add_row(coef, rhs);
        let used = self
            .path
            .iter()
            .flat_map(|&g| self.model.extra_of[g as usize].iter())
            .filter(|e| e.0 == k)
            .map(|e| e.1)
            .sum();
        self.used.push(used);
    }

    /// Odd-set cuts violated by the relaxation `x`: for three persons, at most one
    /// chosen candidate holds two of them (each of the person rows of the set counts
    /// the candidate; their sum, halved and rounded down). Adds up to `limit` of the
    /// most violated ones and returns how many.
    fn separate_triangles(&mut self, x: &[(usize, f64)], limit: usize) -> usize {
        let p = self.p;
        // Mass shared by each pair of persons, and mass of each triple (3-candidates).
        let mut pair: std::collections::BTreeMap<(u32, u32), f64> = Default::default();
        let mut triple: std::collections::BTreeMap<[u32; 3], f64> = Default::default();
        for &(g, v) in x {
            let m = p.groups[g].members();
            for i in 0..m.len() {
                for j in i + 1..m.len() {
                    let (a, b) = (m[i].min(m[j]), m[i].max(m[j]));
                    *pair.entry((a, b)).or_default() += v;
                }
            }
            if m.len() == 3 {
                let mut t = [m[0], m[1], m[2]];
                t.sort_unstable();
                *triple.entry(t).or_default() += v;
            }
        }
        let mut adj: Vec<Vec<u32>> = vec![Vec::new(); p.n_persons];
        for &(a, b) in pair.keys() {
            adj[a as usize].push(b);
            adj[b as usize].push(a);
        }
        let w = |a: u32, b: u32| pair.get(&(a.min(b), a.max(b))).copied().unwrap_or(0.0);
        let mut found: Vec<(f64, [u32; 3])> = Vec::new();
        for (&(a, b), &wab) in &pair {
            for &c in &adj[a as usize] {
                if c <= b {
                    continue;
                }
                let wbc = w(b, c);
                if wbc <= 0.0 {
                    continue;
                }
                let set = [a, b, c];
                let lhs = wab + wbc + w(a, c) - 2.0 * triple.get(&set).copied().unwrap_or(0.0);
                if lhs > 1.0 + 1e-3 && !self.cut_sets.contains(&set) {
                    found.push((lhs, set));
                }
            }
        }
        found.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        found.truncate(limit);
        for &(_, set) in &found {
            self.cut_sets.insert(set);
            let mut coef = Vec::new();
            for &q in &set {
                for &g in &p.by_person[q as usize] {
                    let inside = p.groups[g as usize]
                        .members()
                        .iter()
                        .filter(|m| set.contains(m))
                        .count();
                    // Count each candidate once: from its first member in the set.
                    let first = p.groups[g as usize]
                        .members()
                        .iter()
                        .find(|m| set.contains(m))
                        .copied();
                    if inside >= 2 && first == Some(q) {
                        coef.push((g as usize, 1.0));
                    }
                }
            }
            self.add_row(coef, 1.0);
        }
        found.len()
    }

    /// The value a node must beat: the incumbent's, or the target being searched for.
    fn goal(&self) -> i64 {
        self.value(&self.best_score).max(self.floor)
    }

    fn value(&self, s: &Score) -> i64 {
        prefix(s, self.stage, stage_base(self.p))
    }

    /// Turn off every allowed candidate in `list`, recording them in `changed`.
    fn switch_off(&mut self, list: &[u32], changed: &mut Vec<u32>) {
        for &g in list {
            if self.on[g as usize] {
                self.on[g as usize] = false;
                changed.push(g);
            }
        }
    }

    fn restore(&mut self, changed: &[u32]) {
        for &g in changed {
            self.on[g as usize] = true;
        }
    }

    /// Incumbent from the relaxation: positive candidates by decreasing value, then
    /// every other allowed candidate by decreasing reduced weight, when disjoint.
    fn round(&mut self, x: &[(usize, f64)], d: &[f64]) {
        let p = self.p;
        self.taken.iter_mut().for_each(|t| *t = false);
        let mut chosen = self.path.clone();
        let mut score = self.offset;
        let mut by_x: Vec<(usize, f64)> = x.to_vec();
        by_x.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut order: Vec<usize> = by_x.iter().map(|&(g, _)| g).collect();
        let mut rest: Vec<usize> = (0..p.groups.len()).filter(|&g| self.on[g]).collect();
        rest.sort_by(|&a, &b| {
            d[b].total_cmp(&d[a])
                .then(p.groups[b].weight.cmp(&p.groups[a].weight))
                .then(a.cmp(&b))
        });
        order.extend(rest);
        for g in order {
            let cand = p.groups[g];
            if !self.on[g] || cand.members().iter().any(|&q| self.taken[q as usize]) {
                continue;
            }
            for &q in cand.members() {
                self.taken[q as usize] = true;
            }
            chosen.push(g as u32);
            add(&mut score, &cand.score);
        }
        if prefix(&score, 4, p.b) > prefix(&self.best_score, 4, p.b) {
            self.best_score = score;
            self.best = Some(chosen);
        }
    }

    /// A binary split on the structure the relaxation mixes: a person both helping and
    /// helped (children: "not helper", "not helped"), else a helper spread over two
    /// topics (children: "only this topic", "not this topic"). Each child is given as
    /// the candidates it removes, the more promising child first.
    fn structural_branch(&self, x: &[(usize, f64)]) -> Option<[Vec<u32>; 2]> {
        let p = self.p;
        let mut as_helper = vec![0.0f64; p.n_persons];
        let mut as_helped = vec![0.0f64; p.n_persons];
        for &(g, v) in x {
            let m = p.groups[g].members();
            as_helper[m[0] as usize] += v;
            for &q in &m[1..] {
                as_helped[q as usize] += v;
            }
        }
        let mut role: Option<(f64, usize)> = None;
        for q in 0..p.n_persons {
            let stake = as_helper[q].min(as_helped[q]);
            if stake > 1e-6 && role.is_none_or(|(s, _)| stake > s + 1e-9) {
                role = Some((stake, q));
            }
        }
        let allowed = |q: usize, helper: bool| -> Vec<u32> {
            p.by_person[q]
                .iter()
                .copied()
                .filter(|&g| {
                    self.on[g as usize]
                        && ((p.groups[g as usize].members[0] as usize == q) == helper)
                })
                .collect()
        };
        if let Some((_, q)) = role {
            let not_helper = allowed(q, true);
            let not_helped = allowed(q, false);
            return Some(if as_helper[q] >= as_helped[q] {
                [not_helped, not_helper]
            } else {
                [not_helper, not_helped]
            });
        }
        // Topic spread: mass per (helper, topic).
        let mut topic_mass: Vec<(u32, u32, f64)> = x
            .iter()
            .map(|&(g, v)| (p.groups[g].members[0], p.groups[g].topic, v))
            .collect();
        topic_mass.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        let mut merged: Vec<(u32, u32, f64)> = Vec::new();
        for (h, t, v) in topic_mass {
            match merged.last_mut() {
                Some(last) if last.0 == h && last.1 == t => last.2 += v,
                _ => merged.push((h, t, v)),
            }
        }
        let mut spread: Option<(f64, u32, u32)> = None;
        let mut i = 0;
        while i < merged.len() {
            let h = merged[i].0;
            let mut j = i;
            let mut top: Option<(f64, u32)> = None;
            let mut total = 0.0;
            while j < merged.len() && merged[j].0 == h {
                total += merged[j].2;
                if top.is_none_or(|(v, _)| merged[j].2 > v + 1e-9) {
                    top = Some((merged[j].2, merged[j].1));
                }
                j += 1;
            }
            if let Some((v, t)) = top {
                let rest = total - v;
                if j - i >= 2 && rest > 1e-6 && spread.is_none_or(|(s, _, _)| rest > s + 1e-9) {
                    spread = Some((rest, h, t));
                }
            }
            i = j;
        }
        let (_, h, t) = spread?;
        let mut other = Vec::new();
        let mut this = Vec::new();
        for &g in &p.by_person[h as usize] {
            let cand = p.groups[g as usize];
            if !self.on[g as usize] || cand.members[0] != h {
                continue;
            }
            if cand.topic == t {
                this.push(g);
            } else {
                other.push(g);
            }
        }
        Some([other, this])
    }

    /// Primal heuristic at the root of a stage: choose the candidate the relaxation
    /// likes most, re-solve (warm), and repeat until nothing is left, offering the
    /// rounding of every relaxation on the way.
    fn dive(&mut self, root: &Basis, budget: &mut Budget) {
        let p = self.p;
        let n = p.groups.len();
        let mut basis = root.clone();
        let mut changed = Vec::new();
        let (offset, depth) = (self.offset, self.path.len());
        let mut d = vec![0.0f64; n];
        while !budget.exhausted() {
            budget.nodes += 1;
            let mut ops = 0u64;
            let ops_limit = budget.work_left().saturating_mul(OPS_PER_WORK_UNIT);
            let y = self
                .lp
                .solve(p, &self.model, &self.on, &mut basis, &mut ops, ops_limit);
            for (g, dg) in d.iter_mut().enumerate() {
                *dg = if self.on[g] {
                    self.model.reduced(p, g, &y)
                } else {
                    0.0
                };
            }
            ops += 4 * n as u64;
            budget.work += ops.div_ceil(OPS_PER_WORK_UNIT);
            let x: Vec<(usize, f64)> = basis.positive(n).filter(|&(g, _)| self.on[g]).collect();
            self.round(&x, &d);
            // Fix every candidate the relaxation takes whole, and the most taken of the
            // others: one relaxation per fractional decision.
            let fractional = x
                .iter()
                .filter(|&&(_, v)| v <= 1.0 - 1e-6)
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
                .map(|&(g, _)| g);
            let Some(fractional) = fractional else {
                break;
            };
            let mut fix: Vec<usize> = x
                .iter()
                .filter(|&&(_, v)| v > 1.0 - 1e-6)
                .map(|&(g, _)| g)
                .collect();
            fix.push(fractional);
            for g in fix {
                if !self.on[g] {
                    continue;
                }
                let cand = p.groups[g];
                for &q in cand.members() {
                    self.switch_off(&p.by_person[q as usize], &mut changed);
                }
                self.push(g as u32);
            }
        }
        self.restore(&changed);
        while self.path.len() > depth {
            self.pop();
        }
        debug_assert_eq!(self.offset, offset);
    }

    /// Solve the relaxation of the current node from `basis` and return the reduced
    /// weights and their Lagrangian bound on what the rest of the path can add, or
    /// `None` when the path already breaks a capped criterion.
    fn relax(
        &mut self,
        basis: &mut Basis,
        budget: &mut Budget,
    ) -> Option<(Vec<f64>, Vec<f64>, f64)> {
        let p = self.p;
        let n = p.groups.len();
        basis.extend(p, &self.model);
        let mut ops = 0u64;
        let ops_limit = budget.work_left().saturating_mul(OPS_PER_WORK_UNIT);
        let y = self
            .lp
            .solve(p, &self.model, &self.on, basis, &mut ops, ops_limit);
        // Persons of the path are covered: their rows bound nothing more; the extra
        // rows bound what the path leaves of them.
        let mut lagrange: f64 = y[..p.n_persons]
            .iter()
            .zip(&self.person_used)
            .filter(|(_, &used)| !used)
            .map(|(v, _)| v)
            .sum();
        for (k, &rhs) in self.model.extra_rhs.iter().enumerate() {
            let rest = rhs - self.used[k];
            if rest < -0.5 {
                // The path already exceeds a criterion every better solution meets.
                budget.work += ops.div_ceil(OPS_PER_WORK_UNIT);
                return None;
            }
            lagrange += rest.max(0.0) * y[p.n_persons + k];
        }
        let mut d = vec![0.0f64; n];
        for (g, dg) in d.iter_mut().enumerate() {
            if self.on[g] {
                *dg = self.model.reduced(p, g, &y);
                lagrange += dg.max(0.0);
            }
        }
        ops += 4 * n as u64;
        budget.work += ops.div_ceil(OPS_PER_WORK_UNIT);
        Some((y, d, lagrange))
    }

    fn dfs(&mut self, parent: &Basis, budget: &mut Budget) {
        if budget.exhausted() {
            self.aborted = true;
            return;
        }
        budget.nodes += 1;
        let p = self.p;
        let n = p.groups.len();
        let mut basis = parent.clone();
        let base = self.value(&self.offset);
        let mut rounds = 0;
        let (y, d, lagrange, bound, x) = loop {
            let Some((y, d, lagrange)) = self.relax(&mut basis, budget) else {
                return;
            };
            let bound = floor_bound(lagrange);
            let x: Vec<(usize, f64)> = basis.positive(n).filter(|&(g, _)| self.on[g]).collect();
            if base.saturating_add(bound) <= self.goal()
                || rounds >= NODE_CUT_ROUNDS
                || self.model.extra_rhs.len() >= p.n_persons * MAX_CUTS_PER_PERSON
                || budget.exhausted()
                || self.separate_triangles(&x, NODE_CUTS) == 0
            {
                break (y, d, lagrange, bound, x);
            }
            rounds += 1;
        };
        if base.saturating_add(bound) <= self.goal() {
            return;
        }
        self.round(&x, &d);
        let target = self.goal() - base;
        if bound <= target {
            return;
        }
        // Reduced-cost fixing: candidates that cannot be in a better solution.
        let mut fixed_out = Vec::new();
        for (g, &dg) in d.iter().enumerate() {
            if self.on[g] && floor_bound(lagrange - dg.max(0.0) + dg) <= target {
                self.on[g] = false;
                fixed_out.push(g as u32);
            }
        }
        let mut xval = vec![0.0f64; n];
        for &(g, v) in &x {
            xval[g] = v;
        }
        if let Some(split) = self.structural_branch(&x) {
            for off in split {
                if self.aborted || base.saturating_add(bound) <= self.goal() {
                    break;
                }
                let mut changed = Vec::new();
                self.switch_off(&off, &mut changed);
                self.dfs(&basis, budget);
                self.restore(&changed);
            }
            self.restore(&fixed_out);
            return;
        }
        // Branching person: a member of the most fractional candidate.
        let mut frac: Option<(usize, f64)> = None;
        for &(g, v) in &x {
            let f = v.min(1.0 - v);
            if f > 1e-6 && frac.is_none_or(|(_, b)| f > b + 1e-9) {
                frac = Some((g, f));
            }
        }
        let count_on = |q: u32, on: &[bool]| {
            p.by_person[q as usize]
                .iter()
                .filter(|&&g| on[g as usize])
                .count()
        };
        let person = match frac {
            Some((g, _)) => p.groups[g].members().iter().copied().max_by_key(|&q| {
                let mass: f64 = p.by_person[q as usize]
                    .iter()
                    .map(|&h| xval[h as usize])
                    .filter(|&v| v > 1e-6 && v < 1.0 - 1e-6)
                    .sum();
                ((mass * 1e6) as i64, std::cmp::Reverse(q))
            }),
            // Integral relaxation (already offered by the rounding): the bound only
            // exceeds it when the simplex stopped early; branch on the busiest person.
            None => (0..p.n_persons as u32)
                .filter(|&q| count_on(q, &self.on) > 0)
                .max_by_key(|&q| (count_on(q, &self.on), std::cmp::Reverse(q))),
        };
        let Some(person) = person else {
            self.restore(&fixed_out);
            return;
        };
        if count_on(person, &self.on) == 0 && fixed_out.is_empty() {
            // Cannot happen (the branching person has an allowed candidate); never
            // loop on the same node, give up the proof instead.
            self.aborted = true;
            return;
        }
        // Children: each allowed candidate covering `person`, then "uncovered".
        let mut children: Vec<(f64, i64, u32)> = Vec::new();
        let mut cover = 0.0;
        let mut positive_d = 0.0;
        for &g in &p.by_person[person as usize] {
            let gi = g as usize;
            if !self.on[gi] {
                continue;
            }
            cover += xval[gi];
            positive_d += d[gi].max(0.0);
            let cb = floor_bound(lagrange - d[gi].max(0.0) + d[gi]);
            children.push((xval[gi], cb, g));
        }
        let uncovered = floor_bound(lagrange - y[person as usize] - positive_d);
        children.push((1.0 - cover, uncovered, u32::MAX));
        children.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        for (_, cb, g) in children {
            if self.aborted {
                break;
            }
            if base.saturating_add(cb.min(bound)) <= self.goal() {
                continue;
            }
            let mut changed = Vec::new();
            if g == u32::MAX {
                self.switch_off(&p.by_person[person as usize], &mut changed);
                self.dfs(&basis, budget);
                self.restore(&changed);
            } else {
                let cand = p.groups[g as usize];
                for &q in cand.members() {
                    self.switch_off(&p.by_person[q as usize], &mut changed);
                }
                self.push(g);
                self.dfs(&basis, budget);
                self.pop();
                self.restore(&changed);
            }
        }
        self.restore(&fixed_out);
    }
}

/// Rounds of odd-set cuts at the root of a stage, and cuts added per round.
const CUT_ROUNDS: usize = 6;
const CUTS_PER_ROUND: usize = 60;
/// Rounds of odd-set cuts at a search node, and cuts added per round there.
const NODE_CUT_ROUNDS: usize = 1;
/// Searches aimed at one value (the root bound, then one less) before the plain search.
const TARGET_SEARCHES: usize = 2;
const NODE_CUTS: usize = 10;
/// Extra rows allowed per person of the component (the relaxation's size).
const MAX_CUTS_PER_PERSON: usize = 3;

impl Search<'_> {
    /// The root relaxation of the current stage, tightened by odd-set cuts: solved
    /// from scratch after each round of cuts (the new rows start with their slacks).
    fn root(&mut self, start: Option<(Basis, Vec<f64>)>, budget: &mut Budget) -> (Basis, i64) {
        let p = self.p;
        let n = p.groups.len();
        let mut basis = match start {
            Some((mut b, previous_cost)) => {
                // The new cap row first, under the weights the basis is optimal for
                // (dual simplex), then the new weights (primal simplex).
                let cost = std::mem::replace(&mut self.model.cost, previous_cost);
                b.extend(p, &self.model);
                let mut ops = 0u64;
                let ops_limit = budget.work_left().saturating_mul(OPS_PER_WORK_UNIT);
                self.lp
                    .solve(p, &self.model, &self.on, &mut b, &mut ops, ops_limit);
                budget.work += ops.div_ceil(OPS_PER_WORK_UNIT);
                self.model.cost = cost;
                b
            }
            None => Basis::slack(p, &self.model),
        };
        // Cut until the bound meets the incumbent, or no triangle is violated.
        let mut bound = i64::MAX;
        for round in 0..=CUT_ROUNDS {
            let Some((_, _, lagrange)) = self.relax(&mut basis, budget) else {
                break;
            };
            bound = floor_bound(lagrange);
            if bound <= self.value(&self.best_score) {
                break;
            }
            if round == CUT_ROUNDS || budget.exhausted() {
                break;
            }
            let x: Vec<(usize, f64)> = basis.positive(n).filter(|&(g, _)| self.on[g]).collect();
            if x.iter().all(|&(_, v)| v > 1.0 - 1e-6) {
                break;
            }
            if self.separate_triangles(&x, CUTS_PER_ROUND) == 0 {
                break;
            }
        }
        (basis, bound)
    }
}

/// Exact search of one component over its candidates, starting from the incumbent
/// `start`. Returns the best assignment, whether it is proven optimal, and a proven
/// upper bound on the number of helped people.
pub(crate) fn solve_packing(
    c: &Component,
    p: &Packing,
    start: Assignment,
    budget: &mut Budget,
) -> (Assignment, bool, i64) {
    let mut search = Search {
        p,
        stage: 1,
        model: Model::new(vec![0.0; p.groups.len()]),
        on: vec![true; p.groups.len()],
        lp: Simplex::default(),
        offset: [0; 4],
        path: Vec::new(),
        best_score: p.score_of(c, &start),
        best: None,
        aborted: false,
        taken: vec![false; p.n_persons],
        person_used: vec![false; p.n_persons],
        used: Vec::new(),
        cut_sets: Default::default(),
        root_bound: None,
        floor: i64::MIN,
    };
    let mut helped_bound = i64::MAX;
    let mut previous: Option<Basis> = None;
    for stage in 1..=4 {
        search.stage = stage;
        let previous_cost = std::mem::take(&mut search.model.cost);
        search.model.cost = p
            .groups
            .iter()
            .map(|g| prefix(&g.score, stage, stage_base(p)) as f64)
            .collect();
        let (root, root_bound) = search.root(previous.take().map(|b| (b, previous_cost)), budget);
        search.root_bound = Some(root_bound);
        if root_bound > search.value(&search.best_score) {
            search.dive(&root, budget);
        }
        // Look for a solution at the root bound first (the strongest pruning), then one
        // below: the bound proven so far falls by one after each exhausted search.
        let mut target = root_bound;
        for _ in 0..TARGET_SEARCHES {
            if search.aborted || search.value(&search.best_score) >= target {
                break;
            }
            search.floor = target - 1;
            search.dfs(&root, budget);
            if !search.aborted && search.value(&search.best_score) < target {
                target -= 1;
            }
        }
        search.floor = i64::MIN;
        search.root_bound = Some(target);
        if !search.aborted && search.value(&search.best_score) < target {
            search.dfs(&root, budget);
        }
        previous = Some(root.clone());
        if stage == 1 {
            helped_bound = if search.aborted {
                search.root_bound.unwrap_or(i64::MAX)
            } else {
                search.best_score[0]
            };
        }
        if search.aborted {
            break;
        }
        // Every better solution now meets this criterion with equality: cap it.
        let criterion: Vec<(usize, f64)> = p
            .groups
            .iter()
            .enumerate()
            .map(|(g, cand)| (g, cand.score[stage - 1] as f64))
            .collect();
        search.add_row(criterion, search.best_score[stage - 1] as f64);
    }
    let proven = !search.aborted;
    match search.best {
        Some(chosen) => (p.assignment(c.needers.len(), &chosen), proven, helped_bound),
        None => (start, proven, helped_bound),
    }
}
