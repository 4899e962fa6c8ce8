//! The set-packing engine against the flow engine it replaces: on 400 seeded
//! sessions of 20 to 40 people (forced roles, fixed groups, both repeat policies), both
//! prove their optimum and the objectives are equal.

use super::bench::{self, SplitMix64};
use super::instance::{RepeatPolicy, Role};
use super::solver::{solve_with, Engine, SolveOptions};
use super::{greedy, Group};

fn session(seed: u64) -> super::Instance {
    let mut rng = SplitMix64::new(seed.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ 0xC0FFEE);
    let n = 20 + rng.below(21) as usize;
    let topics = 3 + rng.below(10) as usize;
    let mut inst = bench::instance(n, topics, seed);
    if rng.chance(50) {
        inst.repeat = RepeatPolicy::Avoid;
    }
    for p in &mut inst.people {
        match rng.below(12) {
            0 if p.helps => p.role = Some(Role::Helper),
            1 if p.need.is_some() => p.role = Some(Role::Helped),
            _ => {}
        }
    }
    if rng.chance(30) {
        if let Ok(g) = greedy(&inst) {
            if let Some(first) = g.groups.first() {
                inst.fixed.push(Group {
                    helper: first.helper.clone(),
                    helped: first.helped.clone(),
                    topic: first.topic.clone(),
                });
            }
        }
    }
    inst
}

#[test]
fn packing_engine_equals_flow_engine() {
    let options = SolveOptions {
        node_limit: 5_000_000,
        work_limit: 4_000_000_000,
    };
    let mut compared = 0;
    for seed in 0..400u64 {
        let inst = session(seed);
        let (Ok(new), Ok(old)) = (
            solve_with(&inst, &options, Engine::Packing),
            solve_with(&inst, &options, Engine::Flow),
        ) else {
            panic!("seed {seed}: invalid session");
        };
        assert!(new.optimal && old.optimal, "seed {seed}: not proven");
        assert_eq!(
            new.objective.key(inst.repeat),
            old.objective.key(inst.repeat),
            "seed {seed}: packing {:?} vs flow {:?}",
            new.objective,
            old.objective
        );
        compared += 1;
    }
    assert_eq!(compared, 400);
}
