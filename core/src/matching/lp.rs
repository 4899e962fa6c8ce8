//! Linear relaxation of the set packing (each person in at most one chosen candidate,
//! plus capped criteria and odd-set cuts, stored sparsely by candidate): a dense revised
//! primal simplex over the rows, warm-started from a saved basis (a first phase drives
//! removed candidates out of it; rows added to a basis start with their slacks and a
//! dual simplex repairs the ones the current point violates), with a tiny
//! right-hand-side perturbation and Bland's rule against stalling. It returns duals
//! clamped to be non-negative: whatever the floating point did, their Lagrangian value
//! is a valid upper bound by weak duality (the search computes it).

use super::groups::Packing;

/// Pivots before giving up on one relaxation (the Lagrangian bound is still valid).
const MAX_PIVOTS_PER_ROW: usize = 40;
/// Consecutive degenerate pivots after which Bland's rule is used (no cycling).
const DEGENERATE_BEFORE_BLAND: usize = 25;
const EPS_PIVOT: f64 = 1e-9;
/// Pivots between two computations of the duals from scratch.
const REFRESH_DUALS: usize = 32;
const EPS_VALUE: f64 = 1e-9;

/// The linear program of one stage: maximise `cost · x` over the packing rows (one per
/// person, right-hand side 1) and extra rows `coef · x <= rhs` (the earlier criteria
/// capped at their optimum, and the odd-set cuts), stored sparsely by candidate.
#[derive(Clone, Debug, Default)]
pub(crate) struct Model {
    pub cost: Vec<f64>,
    /// Right-hand side of each extra row.
    pub extra_rhs: Vec<f64>,
    /// For each candidate, its extra rows and coefficients.
    pub extra_of: Vec<Vec<(u32, f64)>>,
}

impl Model {
    /// A model with the given weights and no extra row.
    pub fn new(cost: Vec<f64>) -> Model {
        let n = cost.len();
        Model {
            cost,
            extra_rhs: Vec::new(),
            extra_of: vec![Vec::new(); n],
        }
    }

    /// Add the row `coef · x <= rhs` (coefficients by candidate, zeros skipped).
    pub fn add_row(&mut self, coef: impl IntoIterator<Item = (usize, f64)>, rhs: f64) {
        let k = self.extra_rhs.len() as u32;
        for (g, a) in coef {
            if a != 0.0 {
                self.extra_of[g].push((k, a));
            }
        }
        self.extra_rhs.push(rhs);
    }

    /// Number of rows: persons, then extra rows.
    pub fn rows(&self, p: &Packing) -> usize {
        p.n_persons + self.extra_rhs.len()
    }

    /// `y · a_g`: the weight the duals `y` charge to candidate `g`.
    pub fn charge(&self, p: &Packing, g: usize, y: &[f64]) -> f64 {
        let mut d = 0.0;
        for &q in p.groups[g].members() {
            d += y[q as usize];
        }
        for &(k, a) in &self.extra_of[g] {
            d += a * y[p.n_persons + k as usize];
        }
        d
    }

    /// Reduced weight of candidate `g` under the duals `y`.
    pub fn reduced(&self, p: &Packing, g: usize, y: &[f64]) -> f64 {
        self.cost[g] - self.charge(p, g, y)
    }

    /// Tiny deterministic increase of the right-hand side of a row, against the
    /// stalling of degenerate pivots. Small enough that the duals' value on the true
    /// right-hand sides stays within the rounding tolerance of the bound.
    fn perturbation(&self, p: &Packing, row: usize) -> f64 {
        let m = self.rows(p) as f64;
        let scale = 1.0 + self.cost.iter().copied().fold(0.0, f64::max);
        let spread = 1.0 + ((row as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 54) as f64 / 1024.0;
        let rhs = self.rhs(p, row).max(1.0);
        rhs * spread * 2e-5 / (m * scale)
    }

    /// Right-hand side of a row.
    pub fn rhs(&self, p: &Packing, row: usize) -> f64 {
        if row < p.n_persons {
            1.0
        } else {
            self.extra_rhs[row - p.n_persons]
        }
    }
}

/// A simplex basis: which column is basic in each row, its inverse and the values.
#[derive(Clone, Debug, Default)]
pub(crate) struct Basis {
    /// Row-major `m × m` inverse of the basis matrix.
    binv: Vec<f64>,
    /// Column basic in each row: a candidate index, or `n + k` for the slack of row `k`.
    basic: Vec<u32>,
    /// Values of the basic columns.
    xb: Vec<f64>,
}

impl Basis {
    /// The all-slack basis (every person uncovered).
    pub fn slack(p: &Packing, model: &Model) -> Basis {
        let m = model.rows(p);
        let n = p.groups.len() as u32;
        let mut binv = vec![0.0; m * m];
        for k in 0..m {
            binv[k * m + k] = 1.0;
        }
        Basis {
            binv,
            basic: (0..m as u32).map(|k| n + k).collect(),
            xb: (0..m)
                .map(|r| model.rhs(p, r) + model.perturbation(p, r))
                .collect(),
        }
    }

    /// Add the rows of `model` beyond this basis (new extra rows) with their slacks
    /// basic: the inverse grows by the block `[-a_B B⁻¹, I]`, and a slack starts at its
    /// row's right-hand side less what the basic candidates use (negative when the
    /// current point violates the new row: [`Simplex::solve`] repairs it first).
    pub fn extend(&mut self, p: &Packing, model: &Model) {
        let old = self.xb.len();
        let m = model.rows(p);
        if m <= old {
            return;
        }
        let n = p.groups.len();
        let mut binv = vec![0.0; m * m];
        for i in 0..old {
            binv[i * m..i * m + old].copy_from_slice(&self.binv[i * old..(i + 1) * old]);
        }
        let mut xb = self.xb.clone();
        xb.resize(m, 0.0);
        for r in old..m {
            let k = (r - p.n_persons) as u32;
            let mut value = model.rhs(p, r) + model.perturbation(p, r);
            for i in 0..old {
                let j = self.basic[i] as usize;
                if j >= n {
                    continue;
                }
                let Some(&(_, a)) = model.extra_of[j].iter().find(|e| e.0 == k) else {
                    continue;
                };
                value -= a * self.xb[i];
                for c in 0..old {
                    binv[r * m + c] -= a * self.binv[i * old + c];
                }
            }
            binv[r * m + r] = 1.0;
            xb[r] = value;
        }
        self.binv = binv;
        self.xb = xb;
        self.basic.extend((old..m).map(|r| (n + r) as u32));
    }

    /// Value of every basic candidate `(candidate, x)` with `x > 0`.
    pub fn positive(&self, n: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        self.basic
            .iter()
            .zip(&self.xb)
            .filter(move |&(&j, &x)| (j as usize) < n && x > EPS_VALUE)
            .map(|(&j, &x)| (j as usize, x))
    }
}

/// Scratch buffers of the simplex.
#[derive(Default, Debug)]
pub(crate) struct Simplex {
    is_basic: Vec<bool>,
    y: Vec<f64>,
    alpha: Vec<f64>,
    row: Vec<f64>,
}

enum Phase {
    /// Drive removed candidates out of the basis.
    Clean,
    /// Maximise the weight.
    Optimise,
}

impl Simplex {
    /// Re-optimise `basis` for the candidates with `on[g]` and return non-negative
    /// duals (one per row) of the result; `work` counts operations, and pivoting stops
    /// once it reaches `ops_limit`.
    pub fn solve(
        &mut self,
        p: &Packing,
        model: &Model,
        on: &[bool],
        basis: &mut Basis,
        work: &mut u64,
        ops_limit: u64,
    ) -> Vec<f64> {
        let m = model.rows(p);
        let n = p.groups.len();
        self.is_basic.clear();
        self.is_basic.resize(n + m, false);
        for &j in &basis.basic {
            self.is_basic[j as usize] = true;
        }
        self.y.clear();
        self.y.resize(m, 0.0);
        self.alpha.clear();
        self.alpha.resize(m, 0.0);
        if basis.xb.iter().any(|&v| v < -EPS_VALUE) {
            self.dual_repair(p, model, on, basis, work, ops_limit);
        }
        let mut phase = Phase::Clean;
        let mut pivots = 0usize;
        let mut degenerate = 0usize;
        let max_pivots = MAX_PIVOTS_PER_ROW * m.max(4);
        let max_weight = model.cost.iter().copied().fold(0.0, f64::max);
        // Pivots since the duals were last computed from scratch (`None`: stale).
        let mut fresh: Option<usize> = None;
        loop {
            if matches!(phase, Phase::Clean) {
                let dirty = basis
                    .basic
                    .iter()
                    .zip(&basis.xb)
                    .any(|(&j, &x)| (j as usize) < n && !on[j as usize] && x > EPS_VALUE);
                if !dirty {
                    self.pivot_out_removed(p, model, on, basis, work);
                    phase = Phase::Optimise;
                    fresh = None;
                }
            }
            // Duals of the current costs.
            let cost = |j: u32| -> f64 {
                let j = j as usize;
                if j >= n {
                    return 0.0;
                }
                match phase {
                    Phase::Clean => {
                        if on[j] {
                            0.0
                        } else {
                            -1.0
                        }
                    }
                    Phase::Optimise => model.cost[j],
                }
            };
            if fresh.is_none_or(|k| k >= REFRESH_DUALS) {
                self.y.iter_mut().for_each(|v| *v = 0.0);
                for (i, &j) in basis.basic.iter().enumerate() {
                    let c = cost(j);
                    if c != 0.0 {
                        let r = &basis.binv[i * m..(i + 1) * m];
                        for (yk, &b) in self.y.iter_mut().zip(r) {
                            *yk += c * b;
                        }
                    }
                }
                *work += (m * m) as u64;
                fresh = Some(0);
            }
            *work += (4 * n) as u64;
            // Pricing: Dantzig, or Bland after a run of degenerate pivots.
            let bland = degenerate >= DEGENERATE_BEFORE_BLAND;
            let scale = match phase {
                Phase::Clean => 1.0,
                Phase::Optimise => 1.0 + max_weight,
            };
            let eps_d = 1e-12 * scale + 1e-9;
            let mut enter: Option<(usize, f64)> = None;
            for (g, cand) in p.groups.iter().enumerate() {
                if !on[g] || self.is_basic[g] {
                    continue;
                }
                let mut d = cost(g as u32);
                for &q in cand.members() {
                    d -= self.y[q as usize];
                }
                for &(k, a) in &model.extra_of[g] {
                    d -= a * self.y[p.n_persons + k as usize];
                }
                if d > eps_d && enter.is_none_or(|(_, b)| d > b) {
                    enter = Some((g, d));
                    if bland {
                        break;
                    }
                }
            }
            if enter.is_none() || !bland {
                for k in 0..m {
                    if self.is_basic[n + k] {
                        continue;
                    }
                    let d = -self.y[k];
                    if d > eps_d && enter.is_none_or(|(_, b)| d > b) {
                        enter = Some((n + k, d));
                        if bland {
                            break;
                        }
                    }
                }
            }
            let Some((q, dq)) = enter else {
                match phase {
                    // No candidate can leave any more: the removed ones stay at zero.
                    Phase::Clean => {
                        self.pivot_out_removed(p, model, on, basis, work);
                        phase = Phase::Optimise;
                        fresh = None;
                        if basis
                            .basic
                            .iter()
                            .zip(&basis.xb)
                            .any(|(&j, &x)| (j as usize) < n && !on[j as usize] && x > EPS_VALUE)
                        {
                            *basis = Basis::slack(p, model);
                            fresh = None;
                            self.is_basic.iter_mut().for_each(|b| *b = false);
                            for &j in &basis.basic {
                                self.is_basic[j as usize] = true;
                            }
                        }
                        continue;
                    }
                    Phase::Optimise => break,
                }
            };
            if pivots >= max_pivots || *work >= ops_limit {
                break;
            }
            self.column(p, model, basis, q);
            // Ratio test.
            let mut leave: Option<(usize, f64)> = None;
            for i in 0..m {
                let a = self.alpha[i];
                if a <= EPS_PIVOT {
                    continue;
                }
                let ratio = basis.xb[i].max(0.0) / a;
                let better = match leave {
                    None => true,
                    Some((r, best)) => {
                        if ratio < best - 1e-12 {
                            true
                        } else if ratio <= best + 1e-12 {
                            if bland {
                                basis.basic[i] < basis.basic[r]
                            } else {
                                a > self.alpha[r]
                            }
                        } else {
                            false
                        }
                    }
                };
                if better {
                    leave = Some((i, ratio));
                }
            }
            let Some((r, ratio)) = leave else {
                // Unbounded cannot happen for a packing: numerical trouble, stop here.
                break;
            };
            // No meaningful progress counts as degenerate (Bland's rule soon follows).
            if ratio * dq <= 1e-9 * scale {
                degenerate += 1;
            } else {
                degenerate = 0;
            }
            self.pivot(basis, r, q as u32, work);
            pivots += 1;
            // Duals follow the pivot: y += d_q · (new row r of the inverse).
            let row = &basis.binv[r * m..(r + 1) * m];
            for (yk, &b) in self.y.iter_mut().zip(row) {
                *yk += dq * b;
            }
            fresh = fresh.map(|k| k + 1);
        }
        // Duals of the true weights from scratch, clamped at zero: any such duals
        // give a valid bound (weak duality), whatever the simplex reached.
        self.y.iter_mut().for_each(|v| *v = 0.0);
        for (i, &j) in basis.basic.iter().enumerate() {
            if (j as usize) < n {
                let c = model.cost[j as usize];
                let r = &basis.binv[i * m..(i + 1) * m];
                for (yk, &b) in self.y.iter_mut().zip(r) {
                    *yk += c * b;
                }
            }
        }
        self.y.iter_mut().for_each(|v| {
            *v = if v.is_finite() {
                v.max(0.0)
            } else {
                f64::INFINITY
            }
        });
        self.y.clone()
    }

    /// Dual simplex pivots until no basic value is negative (rows added to an optimal
    /// basis): the leaving row is the most negative one, the entering column keeps
    /// every reduced weight non-positive. Falls back to the all-slack basis when it
    /// cannot finish (numerical trouble, or a basis that was not dual feasible).
    fn dual_repair(
        &mut self,
        p: &Packing,
        model: &Model,
        on: &[bool],
        basis: &mut Basis,
        work: &mut u64,
        ops_limit: u64,
    ) {
        let m = model.rows(p);
        let n = p.groups.len();
        let max_pivots = MAX_PIVOTS_PER_ROW * m.max(4);
        let scale = 1.0 + model.cost.iter().copied().fold(0.0, f64::max);
        let mut done = false;
        for _ in 0..max_pivots {
            if *work >= ops_limit {
                break;
            }
            let mut leave: Option<(usize, f64)> = None;
            for (i, &v) in basis.xb.iter().enumerate() {
                if v < -EPS_VALUE && leave.is_none_or(|(_, b)| v < b) {
                    leave = Some((i, v));
                }
            }
            let Some((r, _)) = leave else {
                done = true;
                break;
            };
            // Duals of the current basis.
            self.y.iter_mut().for_each(|v| *v = 0.0);
            for (i, &j) in basis.basic.iter().enumerate() {
                if (j as usize) < n {
                    let c = model.cost[j as usize];
                    let row = &basis.binv[i * m..(i + 1) * m];
                    for (yk, &b) in self.y.iter_mut().zip(row) {
                        *yk += c * b;
                    }
                }
            }
            *work += (m * m) as u64 + (4 * n) as u64;
            let row_r = &basis.binv[r * m..(r + 1) * m];
            // Smallest ratio; among near ties (relative to the weights), the largest
            // pivot, which is the most stable and removes the most infeasibility.
            let tol = 1e-9 * scale;
            let mut enter: Option<(usize, f64, f64)> = None;
            let mut consider = |j: usize, alpha: f64, d: f64| {
                if alpha < -1e-9 {
                    let ratio = d.min(0.0) / alpha;
                    let better = match enter {
                        None => true,
                        Some((_, b, a)) => ratio < b - tol || (ratio <= b + tol && alpha < a),
                    };
                    if better {
                        enter = Some((j, ratio, alpha));
                    }
                }
            };
            for (g, cand) in p.groups.iter().enumerate() {
                if !on[g] || self.is_basic[g] {
                    continue;
                }
                let mut alpha = 0.0;
                let mut charge = 0.0;
                for &q in cand.members() {
                    alpha += row_r[q as usize];
                    charge += self.y[q as usize];
                }
                for &(k, a) in &model.extra_of[g] {
                    let row = p.n_persons + k as usize;
                    alpha += a * row_r[row];
                    charge += a * self.y[row];
                }
                consider(g, alpha, model.cost[g] - charge);
            }
            for (k, &alpha) in row_r.iter().enumerate() {
                if !self.is_basic[n + k] {
                    consider(n + k, alpha, -self.y[k]);
                }
            }
            let Some((q, _, _)) = enter else { break };
            self.column(p, model, basis, q);
            if self.alpha[r].abs() < EPS_PIVOT * scale.min(1.0) {
                break;
            }
            self.pivot_signed(basis, r, q as u32, work);
        }
        if !done {
            *basis = Basis::slack(p, model);
            self.is_basic.iter_mut().for_each(|b| *b = false);
            for &j in &basis.basic {
                self.is_basic[j as usize] = true;
            }
        }
    }

    /// Pivot without clamping the values at zero (the dual simplex goes through
    /// negative values).
    fn pivot_signed(&mut self, basis: &mut Basis, r: usize, q: u32, work: &mut u64) {
        let m = basis.xb.len();
        let piv = self.alpha[r];
        self.row.clear();
        self.row
            .extend(basis.binv[r * m..(r + 1) * m].iter().map(|v| v / piv));
        let xr = basis.xb[r] / piv;
        let mut touched = 1u64;
        for i in 0..m {
            let f = self.alpha[i];
            if i == r || f == 0.0 {
                continue;
            }
            touched += 1;
            let dst = &mut basis.binv[i * m..(i + 1) * m];
            for (d, &s) in dst.iter_mut().zip(&self.row) {
                *d -= f * s;
            }
            basis.xb[i] -= f * xr;
        }
        basis.binv[r * m..(r + 1) * m].copy_from_slice(&self.row);
        basis.xb[r] = xr;
        let old = basis.basic[r];
        self.is_basic[old as usize] = false;
        self.is_basic[q as usize] = true;
        basis.basic[r] = q;
        *work += touched * m as u64;
    }

    /// `alpha = B⁻¹ a_q`.
    fn column(&mut self, p: &Packing, model: &Model, basis: &Basis, q: usize) {
        let m = model.rows(p);
        let n = p.groups.len();
        self.alpha.iter_mut().for_each(|v| *v = 0.0);
        if q >= n {
            let k = q - n;
            for i in 0..m {
                self.alpha[i] = basis.binv[i * m + k];
            }
        } else {
            for &k in p.groups[q].members() {
                for i in 0..m {
                    self.alpha[i] += basis.binv[i * m + k as usize];
                }
            }
            for &(k, a) in &model.extra_of[q] {
                let k = p.n_persons + k as usize;
                for i in 0..m {
                    self.alpha[i] += a * basis.binv[i * m + k];
                }
            }
        }
    }

    /// Column `q` enters in row `r` (uses `self.alpha`).
    fn pivot(&mut self, basis: &mut Basis, r: usize, q: u32, work: &mut u64) {
        let m = basis.xb.len();
        let piv = self.alpha[r];
        self.row.clear();
        self.row
            .extend(basis.binv[r * m..(r + 1) * m].iter().map(|v| v / piv));
        let xr = basis.xb[r] / piv;
        let mut touched = 1u64;
        for i in 0..m {
            let f = self.alpha[i];
            if i == r || f == 0.0 {
                continue;
            }
            touched += 1;
            let dst = &mut basis.binv[i * m..(i + 1) * m];
            for (d, &s) in dst.iter_mut().zip(&self.row) {
                *d -= f * s;
            }
            basis.xb[i] = (basis.xb[i] - f * xr).max(0.0);
        }
        basis.binv[r * m..(r + 1) * m].copy_from_slice(&self.row);
        basis.xb[r] = xr.max(0.0);
        let old = basis.basic[r];
        self.is_basic[old as usize] = false;
        self.is_basic[q as usize] = true;
        basis.basic[r] = q;
        *work += touched * m as u64;
    }

    /// Replace removed candidates still basic (at zero) by slacks: degenerate pivots.
    fn pivot_out_removed(
        &mut self,
        p: &Packing,
        model: &Model,
        on: &[bool],
        basis: &mut Basis,
        work: &mut u64,
    ) {
        let m = model.rows(p);
        let n = p.groups.len();
        for r in 0..m {
            let j = basis.basic[r] as usize;
            if j >= n || on[j] || basis.xb[r] > EPS_VALUE {
                continue;
            }
            let mut best: Option<(usize, f64)> = None;
            for k in 0..m {
                if self.is_basic[n + k] {
                    continue;
                }
                let a = basis.binv[r * m + k].abs();
                if a > 1e-7 && best.is_none_or(|(_, b)| a > b) {
                    best = Some((k, a));
                }
            }
            if let Some((k, _)) = best {
                self.column(p, model, basis, n + k);
                basis.xb[r] = 0.0;
                self.pivot(basis, r, (n + k) as u32, work);
            }
        }
    }
}
