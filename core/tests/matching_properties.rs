//! Properties on random sessions (≤ 14 people, ≤ 4 topics): every rule holds in the
//! output, the objective matches the groups, every need is accounted for with the right
//! reason, the result is deterministic and does not depend on the people's order.
#![allow(clippy::expect_used, clippy::unwrap_used)] // test helpers: a panic is a failing test

use std::collections::{BTreeMap, BTreeSet};

use entraide_core::matching::reasons::LabelMap;
use entraide_core::matching::{
    evaluate, greedy, solve, Group, Instance, Lang, Person, RepeatPolicy, Role, Solution,
    SolveOptions, Topic, UnplacedReason,
};
use proptest::prelude::*;

fn arb_instance() -> impl Strategy<Value = Instance> {
    (1usize..=4, 1usize..=14).prop_flat_map(|(n_topics, n)| {
        let topics = proptest::collection::vec(any::<bool>().prop_map(|s| s), n_topics);
        let person = (
            proptest::collection::vec(0u8..=3, n_topics),
            proptest::option::weighted(0.6, 0..n_topics),
            proptest::bool::weighted(0.6),
            1u32..=3,
            0u8..8,
        );
        let people = proptest::collection::vec(person, n);
        let history = proptest::collection::vec((0..n, 0..n), 0..=2 * n);
        (topics, people, history, any::<bool>(), any::<u64>()).prop_map(
            move |(sens, people, history, avoid, fix_pick)| {
                let topics: Vec<Topic> = sens
                    .iter()
                    .enumerate()
                    .map(|(t, &s)| Topic {
                        id: format!("t{t}"),
                        sensitive: s && t % 2 == 1,
                    })
                    .collect();
                let people: Vec<Person> = people
                    .into_iter()
                    .enumerate()
                    .map(|(i, (levels, need, helps, capacity, role))| Person {
                        id: format!("p{i:02}"),
                        levels: levels
                            .iter()
                            .enumerate()
                            .filter(|(_, &l)| l > 0)
                            .map(|(t, &l)| (format!("t{t}"), l))
                            .collect(),
                        need: need.map(|t| format!("t{t}")),
                        helps,
                        capacity,
                        role: match role {
                            0 if helps => Some(Role::Helper),
                            1 if need.is_some() => Some(Role::Helped),
                            _ => None,
                        },
                    })
                    .collect();
                let history = history
                    .into_iter()
                    .filter(|(a, b)| a != b)
                    .map(|(a, b)| (people[a].id.clone(), people[b].id.clone()))
                    .collect();
                let mut inst = Instance {
                    topics,
                    people,
                    history,
                    repeat: if avoid {
                        RepeatPolicy::Avoid
                    } else {
                        RepeatPolicy::Prefer
                    },
                    fixed: Vec::new(),
                };
                // Fix the group the greedy baseline forms first, now and then.
                if fix_pick % 3 == 0 {
                    if let Ok(g) = greedy(&inst) {
                        if let Some(first) = g
                            .groups
                            .get((fix_pick as usize / 3) % g.groups.len().max(1))
                        {
                            inst.fixed.push(first.clone());
                        }
                    }
                }
                inst
            },
        )
    })
}

fn person<'a>(inst: &'a Instance, id: &str) -> &'a Person {
    inst.people
        .iter()
        .find(|p| p.id == id)
        .expect("known person")
}

fn check_rules(inst: &Instance, sol: &Solution) {
    let sensitive: BTreeSet<&str> = inst
        .topics
        .iter()
        .filter(|t| t.sensitive)
        .map(|t| t.id.as_str())
        .collect();
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for g in &sol.groups {
        let h = person(inst, &g.helper);
        assert!(h.helps, "helper {} is not willing", h.id);
        assert_ne!(h.role, Some(Role::Helped), "helper {} forced helped", h.id);
        assert!(
            !sensitive.contains(g.topic.as_str()),
            "sensitive topic matched"
        );
        let hl = h.level(&g.topic);
        assert!(hl >= 2, "helper level {hl} < 2");
        assert!(!g.helped.is_empty() && g.helped.len() <= 2);
        assert!(g.helped.len() as u32 <= h.capacity, "capacity exceeded");
        assert!(
            seen.insert(&g.helper, "helper").is_none(),
            "{} twice",
            g.helper
        );
        for x in &g.helped {
            let xp = person(inst, x);
            assert!(seen.insert(x, "helped").is_none(), "{x} twice");
            assert_eq!(
                xp.need.as_deref(),
                Some(g.topic.as_str()),
                "one topic per group"
            );
            assert!(xp.level(&g.topic) < hl, "level rule");
            assert_ne!(xp.role, Some(Role::Helper), "{x} forced helper but helped");
        }
    }
    for f in &inst.fixed {
        let mut f = f.clone();
        f.helped.sort();
        assert!(sol.groups.contains(&f), "fixed group {f:?} missing");
    }
    // Objective recomputed independently.
    let hist: BTreeSet<(String, String)> = inst
        .history
        .iter()
        .map(|(a, b)| (a.clone().min(b.clone()), a.clone().max(b.clone())))
        .collect();
    let helped: u32 = sol.groups.iter().map(|g| g.helped.len() as u32).sum();
    let l3: u32 = sol
        .groups
        .iter()
        .filter(|g| person(inst, &g.helper).level(&g.topic) == 3)
        .map(|g| g.helped.len() as u32)
        .sum();
    let rep = sol
        .groups
        .iter()
        .flat_map(|g| g.helped.iter().map(move |x| (g.helper.clone(), x.clone())))
        .filter(|(a, b)| hist.contains(&(a.clone().min(b.clone()), a.clone().max(b.clone()))))
        .count() as u32;
    assert_eq!(
        sol.objective.as_array(),
        [helped, l3, sol.groups.len() as u32, rep]
    );
    assert_eq!(sol.objective, evaluate(inst, &sol.groups));
    // Every need accounted for.
    let unplaced: BTreeMap<&str, UnplacedReason> = sol
        .unplaced
        .iter()
        .map(|u| (u.id.as_str(), u.reason))
        .collect();
    for p in &inst.people {
        let Some(t) = p.need.as_deref() else {
            assert!(
                !unplaced.contains_key(p.id.as_str()),
                "{} listed without need",
                p.id
            );
            continue;
        };
        let role = seen.get(p.id.as_str()).copied();
        if sensitive.contains(t) {
            assert_eq!(
                unplaced.get(p.id.as_str()),
                Some(&UnplacedReason::Sensitive)
            );
            assert_ne!(role, Some("helped"));
            continue;
        }
        match role {
            Some("helped") => assert!(!unplaced.contains_key(p.id.as_str())),
            Some(_) => {
                assert!(!unplaced.contains_key(p.id.as_str()));
                assert!(sol.needs_set_aside(inst).contains(&p.id));
            }
            None => {
                let could = inst.people.iter().any(|h| {
                    h.id != p.id
                        && h.helps
                        && h.role != Some(Role::Helped)
                        && h.level(t) >= 2
                        && h.level(t) > p.level(t)
                });
                let expected = if could {
                    UnplacedReason::HelpersFull
                } else {
                    UnplacedReason::NoHelper
                };
                assert_eq!(unplaced.get(p.id.as_str()), Some(&expected), "{}", p.id);
            }
        }
    }
    // Output order.
    let mut sorted = sol.groups.clone();
    sorted.sort_by(|a, b| a.helper.cmp(&b.helper));
    assert_eq!(sorted, sol.groups);
    for g in &sol.groups {
        let mut h = g.helped.clone();
        h.sort();
        assert_eq!(h, g.helped);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn every_rule_holds(inst in arb_instance()) {
        let sol = solve(&inst, &SolveOptions::default()).expect("valid");
        prop_assert!(sol.optimal);
        check_rules(&inst, &sol);
        let base = greedy(&inst).expect("valid");
        check_rules(&inst, &base);
        prop_assert!(sol.objective.cmp_with(&base.objective, inst.repeat).is_ge());
    }

    #[test]
    fn deterministic_and_order_independent(inst in arb_instance(), rot in 0usize..14) {
        let a = solve(&inst, &SolveOptions::default()).expect("valid");
        let b = solve(&inst, &SolveOptions::default()).expect("valid");
        prop_assert_eq!(&a, &b);
        let mut shuffled = inst.clone();
        let k = rot % shuffled.people.len();
        shuffled.people.rotate_left(k);
        shuffled.people.reverse();
        let c = solve(&shuffled, &SolveOptions::default()).expect("valid");
        // Same optimum; the groups may differ only among ties.
        prop_assert_eq!(a.objective, c.objective);
        check_rules(&shuffled, &c);
    }

    #[test]
    fn reasons_render_for_everyone(inst in arb_instance()) {
        let sol = solve(&inst, &SolveOptions::default()).expect("valid");
        let reasons = sol.reasons(&inst);
        prop_assert_eq!(
            reasons.len(),
            sol.groups.len() + sol.unplaced.len() + sol.needs_set_aside(&inst).len()
        );
        let labels = LabelMap::default();
        for r in &reasons {
            for lang in [Lang::Fr, Lang::En] {
                let line = r.render(lang, &labels);
                prop_assert!(!line.is_empty() && !line.contains('\n'));
                prop_assert!(line.contains(r.person()));
            }
        }
    }

    #[test]
    fn tiny_budget_still_gives_valid_groups(inst in arb_instance()) {
        let sol = solve(&inst, &SolveOptions { node_limit: 1, work_limit: 10 }).expect("valid");
        check_rules(&inst, &sol);
    }
}

#[test]
fn a_group_is_never_given_a_fixed_member_twice() {
    let inst = Instance {
        topics: vec![Topic {
            id: "email".into(),
            sensitive: false,
        }],
        people: vec![
            Person {
                id: "a".into(),
                levels: [("email".to_string(), 3)].into(),
                need: None,
                helps: true,
                capacity: 2,
                role: None,
            },
            Person {
                id: "b".into(),
                levels: BTreeMap::new(),
                need: Some("email".into()),
                helps: false,
                capacity: 2,
                role: None,
            },
        ],
        history: vec![],
        repeat: RepeatPolicy::Prefer,
        fixed: vec![Group {
            helper: "a".into(),
            helped: vec!["b".into()],
            topic: "email".into(),
        }],
    };
    let sol = solve(&inst, &SolveOptions::default()).expect("valid");
    assert_eq!(sol.groups.len(), 1);
    check_rules(&inst, &sol);
}

#[test]
fn bench_sessions_respect_the_rules() {
    for (n, seed) in [(30, 1), (60, 2), (200, 3)] {
        let inst = entraide_core::matching::bench::instance(n, 20, seed);
        let sol = solve(&inst, &SolveOptions::default()).expect("valid");
        check_rules(&inst, &sol);
        let base = greedy(&inst).expect("valid");
        assert!(sol.objective.cmp_with(&base.objective, inst.repeat).is_ge());
    }
}
