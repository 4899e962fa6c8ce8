//! Exactness on mixed-role sessions (most people both need help and can help): the
//! engine's proven optimum equals the lexicographic optimum of an independent MILP solved
//! by `microlp`, and every rule is re-checked on the engine's groups from the instance
//! alone; stopped early, the engine keeps the rules and states a bound on the helped
//! people at least the MILP's optimum. The MILP is the compact model (a variable per "may help" pair and per helper
//! and topic), unlike the engine's candidate groups.
//!
//! `ENTRAIDE_ORACLE_SESSIONS` (default 200) sets the number of sessions,
//! `ENTRAIDE_ORACLE_MAX_PEOPLE` (default 30) their largest size (at least 4), and
//! `ENTRAIDE_ORACLE_SEED` the first seed (default 0).
#![allow(clippy::expect_used, clippy::unwrap_used)] // test helpers: a panic is a failing test
#![allow(clippy::needless_range_loop)] // the MILP is written over person and stage indices

use std::collections::{BTreeMap, BTreeSet};

use entraide_core::matching::bench::{mixed_instance, SplitMix64};
use entraide_core::matching::{
    greedy, solve, Group, Instance, RepeatPolicy, Role, Solution, SolveOptions,
};
use microlp::{ComparisonOp, OptimizationDirection, Problem, TerminationReason, Variable};

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A mixed-role session of 4 to `max_people` people, sometimes with sensitive topics,
/// forced roles and a fixed group.
fn session(seed: u64, max_people: u64) -> Instance {
    let mut rng = SplitMix64::new(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x0AC1E);
    let n = 4 + rng.below(max_people - 3) as usize;
    let mut inst = mixed_instance(n, seed);
    if rng.chance(30) {
        for _ in 0..1 + rng.below(2) {
            let t = rng.below(inst.topics.len() as u64) as usize;
            inst.topics[t].sensitive = true;
        }
    }
    if rng.chance(40) {
        for p in &mut inst.people {
            match rng.below(10) {
                0 if p.helps => p.role = Some(Role::Helper),
                1 if p.need.is_some() => p.role = Some(Role::Helped),
                _ => {}
            }
        }
    }
    if rng.chance(30) {
        if let Ok(g) = greedy(&inst) {
            if !g.groups.is_empty() {
                let k = rng.below(g.groups.len() as u64) as usize;
                inst.fixed.push(g.groups[k].clone());
            }
        }
    }
    inst
}

/// The instance read as plain tables.
struct Tables<'a> {
    inst: &'a Instance,
    topic: BTreeMap<&'a str, usize>,
    person: BTreeMap<&'a str, usize>,
    history: BTreeSet<(usize, usize)>,
}

impl<'a> Tables<'a> {
    fn new(inst: &'a Instance) -> Self {
        let topic = inst
            .topics
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.as_str(), i))
            .collect();
        let person: BTreeMap<&str, usize> = inst
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        let history = inst
            .history
            .iter()
            .map(|(a, b)| {
                let (a, b) = (person[a.as_str()], person[b.as_str()]);
                (a.min(b), a.max(b))
            })
            .collect();
        Tables {
            inst,
            topic,
            person,
            history,
        }
    }

    fn level(&self, p: usize, t: usize) -> u8 {
        self.inst.people[p]
            .levels
            .get(&self.inst.topics[t].id)
            .copied()
            .unwrap_or(0)
    }

    fn need(&self, p: usize) -> Option<usize> {
        self.inst.people[p].need.as_deref().map(|t| self.topic[t])
    }

    fn cap(&self, p: usize) -> usize {
        (self.inst.people[p].capacity as usize).min(2)
    }

    fn repeated(&self, a: usize, b: usize) -> bool {
        self.history.contains(&(a.min(b), a.max(b)))
    }

    /// `[helped, level3, groups, repeated]` of groups given as (helper, helped, topic).
    fn criteria(&self, groups: &[(usize, Vec<usize>, usize)]) -> [i64; 4] {
        let mut c = [0i64; 4];
        for (h, helped, t) in groups {
            c[2] += 1;
            for &x in helped {
                c[0] += 1;
                c[1] += i64::from(self.level(*h, *t) == 3);
                c[3] += i64::from(self.repeated(*h, x));
            }
        }
        c
    }

    fn group(&self, g: &Group) -> (usize, Vec<usize>, usize) {
        (
            self.person[g.helper.as_str()],
            g.helped.iter().map(|x| self.person[x.as_str()]).collect(),
            self.topic[g.topic.as_str()],
        )
    }
}

/// Lexicographic optimum `[helped, level3, groups, repeated]` of the compact MILP:
/// `x[h→p]` for every pair allowed by the rules among people outside fixed groups,
/// `y[h,t]` for a helper's group on topic `t`; each person is helped once or helps on one
/// topic at most; a group has 1 to `cap` helped people, all on its topic. Each criterion is
/// optimised in turn with the earlier ones held at their optimum.
fn oracle(tables: &Tables) -> [i64; 4] {
    let inst = tables.inst;
    let n = inst.people.len();
    let mut in_fixed = vec![false; n];
    let fixed: Vec<(usize, Vec<usize>, usize)> =
        inst.fixed.iter().map(|g| tables.group(g)).collect();
    for (h, helped, _) in &fixed {
        in_fixed[*h] = true;
        for &x in helped {
            in_fixed[x] = true;
        }
    }
    let base = tables.criteria(&fixed);
    // Allowed pairs (helper, helped, topic).
    let mut arcs: Vec<(usize, usize, usize)> = Vec::new();
    for x in 0..n {
        let px = &inst.people[x];
        let Some(t) = tables.need(x) else { continue };
        if in_fixed[x] || inst.topics[t].sensitive || px.role == Some(Role::Helper) {
            continue;
        }
        for h in 0..n {
            let ph = &inst.people[h];
            if h == x || in_fixed[h] || !ph.helps || ph.role == Some(Role::Helped) {
                continue;
            }
            let (lh, lx) = (tables.level(h, t), tables.level(x, t));
            if lh >= 2 && lh > lx {
                arcs.push((h, x, t));
            }
        }
    }
    if arcs.is_empty() {
        return base;
    }
    let mut best = [0i64; 4];
    let mut fixed_criteria: Vec<(usize, f64)> = Vec::new();
    for stage in 0..4 {
        let direction = if stage == 3 && inst.repeat == RepeatPolicy::Avoid {
            OptimizationDirection::Minimize
        } else {
            OptimizationDirection::Maximize
        };
        let mut pb = Problem::new(direction);
        let weight = |criterion: usize, arc: (usize, usize, usize)| -> f64 {
            let (h, x, t) = arc;
            match criterion {
                0 => 1.0,
                1 => f64::from(u8::from(tables.level(h, t) == 3)),
                3 => f64::from(u8::from(tables.repeated(h, x))),
                _ => 0.0,
            }
        };
        let xs: Vec<Variable> = arcs
            .iter()
            .map(|&a| pb.add_binary_var(weight(stage, a)))
            .collect();
        let mut y: BTreeMap<(usize, usize), Variable> = BTreeMap::new();
        for &(h, _, t) in &arcs {
            y.entry((h, t))
                .or_insert_with(|| pb.add_binary_var(if stage == 2 { 1.0 } else { 0.0 }));
        }
        // One role, one group per person.
        let mut per_person: Vec<Vec<(Variable, f64)>> = vec![Vec::new(); n];
        for (k, &(_, x, _)) in arcs.iter().enumerate() {
            per_person[x].push((xs[k], 1.0));
        }
        for (&(h, _), &v) in &y {
            per_person[h].push((v, 1.0));
        }
        for terms in per_person.iter().filter(|t| t.len() > 1) {
            pb.add_constraint(terms.as_slice(), ComparisonOp::Le, 1.0);
        }
        // A group: its helped people on its topic, 1 to `cap` of them.
        for (&(h, t), &v) in &y {
            let mut terms: Vec<(Variable, f64)> = Vec::new();
            for (k, &(ah, _, at)) in arcs.iter().enumerate() {
                if ah == h && at == t {
                    terms.push((xs[k], 1.0));
                    pb.add_constraint([(xs[k], 1.0), (v, -1.0)], ComparisonOp::Le, 0.0);
                }
            }
            let mut upper = terms.clone();
            upper.push((v, -(tables.cap(h) as f64)));
            pb.add_constraint(upper.as_slice(), ComparisonOp::Le, 0.0);
            let mut lower = terms;
            lower.push((v, -1.0));
            pb.add_constraint(lower.as_slice(), ComparisonOp::Ge, 0.0);
        }
        // Earlier criteria at their optimum.
        for &(criterion, value) in &fixed_criteria {
            let terms: Vec<(Variable, f64)> = if criterion == 2 {
                y.values().map(|&v| (v, 1.0)).collect()
            } else {
                arcs.iter()
                    .enumerate()
                    .map(|(k, &a)| (xs[k], weight(criterion, a)))
                    .filter(|&(_, w)| w != 0.0)
                    .collect()
            };
            if !terms.is_empty() {
                pb.add_constraint(terms.as_slice(), ComparisonOp::Eq, value);
            }
        }
        let outcome = pb.solve().expect("the oracle's MILP solves");
        assert_eq!(
            outcome.termination_reason(),
            TerminationReason::ProvenOptimal,
            "the oracle proves its optimum"
        );
        let solution = outcome.into_solution().expect("a solution");
        let value = solution.objective().round();
        best[stage] = value as i64;
        fixed_criteria.push((stage, value));
    }
    [
        base[0] + best[0],
        base[1] + best[1],
        base[2] + best[2],
        base[3] + best[3],
    ]
}

/// Every rule, re-checked on the engine's output from the instance alone.
fn check_rules(tables: &Tables, sol: &Solution, label: &str) {
    let inst = tables.inst;
    let mut seen = BTreeSet::new();
    let mut helped_set = BTreeSet::new();
    let mut raw = Vec::new();
    for g in &sol.groups {
        let (h, helped, t) = tables.group(g);
        let ph = &inst.people[h];
        assert!(
            !inst.topics[t].sensitive,
            "{label}: sensitive topic matched: {g:?}"
        );
        assert!(ph.helps, "{label}: helper not willing: {g:?}");
        assert_ne!(
            ph.role,
            Some(Role::Helped),
            "{label}: forced helped person helps: {g:?}"
        );
        assert!(
            tables.level(h, t) >= 2,
            "{label}: helper below level 2: {g:?}"
        );
        assert!(
            !helped.is_empty() && helped.len() <= tables.cap(h),
            "{label}: group size: {g:?}"
        );
        assert!(seen.insert(h), "{label}: {} in two groups", g.helper);
        for &x in &helped {
            let px = &inst.people[x];
            assert_eq!(
                tables.need(x),
                Some(t),
                "{label}: helped on another topic: {g:?}"
            );
            assert_ne!(
                px.role,
                Some(Role::Helper),
                "{label}: forced helper is helped: {g:?}"
            );
            assert!(
                tables.level(h, t) > tables.level(x, t),
                "{label}: helper not above the helped person: {g:?}"
            );
            assert!(seen.insert(x), "{label}: {} in two groups", px.id);
            helped_set.insert(x);
        }
        raw.push((h, helped, t));
    }
    for f in &inst.fixed {
        let mut f = f.clone();
        f.helped.sort();
        assert!(sol.groups.contains(&f), "{label}: fixed group lost: {f:?}");
    }
    let c = tables.criteria(&raw);
    let o = sol.objective;
    assert_eq!(
        [
            i64::from(o.helped),
            i64::from(o.level3),
            i64::from(o.groups),
            i64::from(o.repeated)
        ],
        c,
        "{label}: objective does not match the groups"
    );
    // Every need not met is accounted for: unplaced, or (a helper) uncovered.
    let unplaced: BTreeSet<&str> = sol.unplaced.iter().map(|u| u.id.as_str()).collect();
    let uncovered: BTreeSet<&str> = sol.uncovered.iter().map(|u| u.id.as_str()).collect();
    for (p, person) in inst.people.iter().enumerate() {
        let Some(t) = tables.need(p) else { continue };
        if helped_set.contains(&p) {
            assert!(
                !unplaced.contains(person.id.as_str()),
                "{label}: helped and unplaced"
            );
            continue;
        }
        let helper = seen.contains(&p);
        if helper && !inst.topics[t].sensitive {
            assert!(
                uncovered.contains(person.id.as_str()),
                "{label}: need not listed"
            );
        } else {
            assert!(
                unplaced.contains(person.id.as_str()),
                "{label}: need not listed"
            );
        }
    }
}

#[test]
fn engine_equals_milp_oracle_on_mixed_sessions() {
    let sessions = env_u64("ENTRAIDE_ORACLE_SESSIONS", 200);
    let max_people = env_u64("ENTRAIDE_ORACLE_MAX_PEOPLE", 30).max(4);
    let first = env_u64("ENTRAIDE_ORACLE_SEED", 0);
    let options = SolveOptions::default();
    let mut sizes = BTreeMap::new();
    for seed in first..first + sessions {
        let inst = session(seed, max_people);
        let label = format!("seed {seed} ({} people)", inst.people.len());
        let tables = Tables::new(&inst);
        let sol = solve(&inst, &options).expect("a valid session");
        assert!(sol.optimal, "{label}: not proven optimal");
        check_rules(&tables, &sol, &label);
        let expected = oracle(&tables);
        let o = sol.objective;
        assert_eq!(
            [
                i64::from(o.helped),
                i64::from(o.level3),
                i64::from(o.groups),
                i64::from(o.repeated)
            ],
            expected,
            "{label}: engine vs MILP"
        );
        // Stopped early, the engine never claims a proof it lacks, keeps every rule, and
        // its bound on helped people is at least the optimum.
        let stopped = solve(
            &inst,
            &SolveOptions {
                node_limit: 100_000,
                work_limit: 1 + seed % 7 * 20_000,
            },
        )
        .expect("a valid session");
        check_rules(&tables, &stopped, &format!("{label}, stopped"));
        if stopped.optimal {
            assert_eq!(stopped.objective, sol.objective, "{label}: stopped, proven");
        } else {
            assert!(
                i64::from(stopped.helped_bound) >= expected[0],
                "{label}: stated bound {} below the optimum {}",
                stopped.helped_bound,
                expected[0]
            );
        }
        *sizes.entry(inst.people.len()).or_insert(0) += 1;
    }
    assert_eq!(sizes.values().sum::<u64>(), sessions);
}
