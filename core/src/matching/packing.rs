//! The exact engine on the set-packing view: one depth-first branch and bound per
//! criterion (helped, then level 3, then groups, then repeats), each bounded by the
//! linear relaxation of its own prefix objective with the earlier criteria capped at
//! their proven optimum (a better solution meets them exactly), so that integrality
//! rounds the bound at every level. Warm-started simplex, reduced-cost fixing, LP
//! rounding as incumbent; branching first on what the relaxation mixes (a person both
//! helping and helped, a helper on two topics), then on "which candidate covers this
//! person, or none".

use super::groups::{prefix, Packing, Score};
use super::lp::{Basis, Model, Simplex};
use super::problem::{Assignment, Component};
use super::solver::Budget;

/// Simplex operations per work unit: a unit costs about what an edge scan of the
/// flow engine costs, so that a budget means the same time for both engines.
const OPS_PER_WORK_UNIT: u64 = 3;

/// Stages whose search starts with a dive (the first one finds most of the incumbent).
const DIVE_STAGES: usize = 2;

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
            let Some(&(g, _)) = x
                .iter()
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            else {
                break;
            };
            let cand = p.groups[g];
            for &q in cand.members() {
                self.switch_off(&p.by_person[q as usize], &mut changed);
            }
            add(&mut self.offset, &cand.score);
            self.path.push(g as u32);
        }
        self.restore(&changed);
        self.offset = offset;
        self.path.truncate(depth);
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
        let mut ops = 0u64;
        let ops_limit = budget.work_left().saturating_mul(OPS_PER_WORK_UNIT);
        let y = self
            .lp
            .solve(p, &self.model, &self.on, &mut basis, &mut ops, ops_limit);
        // Reduced weights and the Lagrangian value they certify for the rest of the
        // path: persons' rows, and the cuts less what the path already uses.
        let base = self.value(&self.offset);
        let mut d = vec![0.0f64; n];
        let mut lagrange: f64 = y[..p.n_persons].iter().sum();
        for (c, (_, rhs)) in self.model.cuts.iter().enumerate() {
            let rest = rhs - self.offset[c] as f64;
            if rest < -0.5 {
                // The path already exceeds a criterion every better solution meets.
                budget.work += ops.div_ceil(OPS_PER_WORK_UNIT);
                return;
            }
            lagrange += rest.max(0.0) * y[p.n_persons + c];
        }
        for (g, dg) in d.iter_mut().enumerate() {
            if self.on[g] {
                *dg = self.model.reduced(p, g, &y);
                lagrange += dg.max(0.0);
            }
        }
        ops += 4 * n as u64;
        budget.work += ops.div_ceil(OPS_PER_WORK_UNIT);
        let bound = floor_bound(lagrange);
        if base.saturating_add(bound) <= self.value(&self.best_score) {
            return;
        }
        let x: Vec<(usize, f64)> = basis.positive(n).filter(|&(g, _)| self.on[g]).collect();
        self.round(&x, &d);
        let target = self.value(&self.best_score) - base;
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
                if self.aborted || base.saturating_add(bound) <= self.value(&self.best_score) {
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
            if base.saturating_add(cb.min(bound)) <= self.value(&self.best_score) {
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
                add(&mut self.offset, &cand.score);
                self.path.push(g);
                self.dfs(&basis, budget);
                self.path.pop();
                sub(&mut self.offset, &cand.score);
                self.restore(&changed);
            }
        }
        self.restore(&fixed_out);
    }
}

/// Exact search of one component over its candidates, starting from the incumbent
/// `start`. Returns the best assignment and whether it is proven optimal.
pub(crate) fn solve_packing(
    c: &Component,
    p: &Packing,
    start: Assignment,
    budget: &mut Budget,
) -> (Assignment, bool) {
    let mut search = Search {
        p,
        stage: 1,
        model: Model::default(),
        on: vec![true; p.groups.len()],
        lp: Simplex::default(),
        offset: [0; 4],
        path: Vec::new(),
        best_score: p.score_of(c, &start),
        best: None,
        aborted: false,
        taken: vec![false; p.n_persons],
    };
    let mut cuts: Vec<(Vec<f64>, f64)> = Vec::new();
    for stage in 1..=4 {
        let cost: Vec<f64> = p
            .groups
            .iter()
            .map(|g| prefix(&g.score, stage, stage_base(p)) as f64)
            .collect();
        search.stage = stage;
        search.model = Model {
            cost: cost.clone(),
            cuts: cuts.clone(),
        };
        let root = Basis::slack(p, &search.model);
        if stage <= DIVE_STAGES {
            search.dive(&root, budget);
        }
        search.dfs(&root, budget);
        if search.aborted {
            break;
        }
        // Every better solution now meets this criterion with equality: cap it.
        let criterion: Vec<f64> = p.groups.iter().map(|g| g.score[stage - 1] as f64).collect();
        cuts.push((criterion, search.best_score[stage - 1] as f64));
    }
    let proven = !search.aborted;
    match search.best {
        Some(chosen) => (p.assignment(c.needers.len(), &chosen), proven),
        None => (start, proven),
    }
}
