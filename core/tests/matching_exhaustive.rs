//! Exactness: on random small sessions (≤ 10 people), the solver's objective equals the
//! optimum of an independent brute force that enumerates every set of groups.
#![allow(clippy::expect_used, clippy::unwrap_used)] // test helpers: a panic is a failing test

use std::collections::{BTreeMap, BTreeSet};

use entraide_core::matching::{
    solve, Group, Instance, Person, RepeatPolicy, Role, SolveOptions, Topic,
};

/// Tiny xorshift so the test does not depend on the library's generator.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn random_instance(seed: u64, max_people: u64) -> Instance {
    let mut r = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let n_topics = 1 + r.below(4) as usize;
    let topics: Vec<Topic> = (0..n_topics)
        .map(|t| Topic {
            id: format!("t{t}"),
            sensitive: r.below(6) == 0,
        })
        .collect();
    let n = 1 + r.below(max_people) as usize;
    let mut people: Vec<Person> = (0..n)
        .map(|p| {
            let mut levels = BTreeMap::new();
            for t in &topics {
                let l = r.below(4) as u8;
                if l > 0 || r.below(2) == 0 {
                    levels.insert(t.id.clone(), l);
                }
            }
            Person {
                id: format!("p{p}"),
                levels,
                need: if r.below(10) < 6 {
                    Some(topics[r.below(n_topics as u64) as usize].id.clone())
                } else {
                    None
                },
                helps: r.below(10) < 6,
                capacity: 1 + r.below(3) as u32,
                role: None,
            }
        })
        .collect();
    for p in &mut people {
        match r.below(8) {
            0 if p.helps => p.role = Some(Role::Helper),
            1 if p.need.is_some() => p.role = Some(Role::Helped),
            _ => {}
        }
    }
    let mut history = Vec::new();
    for _ in 0..r.below(2 * n as u64 + 1) {
        let a = r.below(n as u64) as usize;
        let b = r.below(n as u64) as usize;
        if a != b {
            history.push((people[a].id.clone(), people[b].id.clone()));
        }
    }
    let mut inst = Instance {
        topics,
        people,
        history,
        repeat: if r.below(2) == 0 {
            RepeatPolicy::Prefer
        } else {
            RepeatPolicy::Avoid
        },
        fixed: Vec::new(),
    };
    // Sometimes fix one valid group.
    if r.below(3) == 0 {
        let groups = candidate_groups(&inst, &BTreeSet::new());
        if !groups.is_empty() {
            let g = &groups[r.below(groups.len() as u64) as usize];
            inst.fixed.push(Group {
                helper: inst.people[g.0].id.clone(),
                helped: g.1.iter().map(|&x| inst.people[x].id.clone()).collect(),
                topic: inst.topics[g.2].id.clone(),
            });
        }
    }
    inst
}

fn level(inst: &Instance, p: usize, t: usize) -> u8 {
    inst.people[p]
        .levels
        .get(&inst.topics[t].id)
        .copied()
        .unwrap_or(0)
}

fn need(inst: &Instance, p: usize) -> Option<usize> {
    let n = inst.people[p].need.as_ref()?;
    inst.topics.iter().position(|t| &t.id == n)
}

/// Every valid group (helper, helped, topic) among people not in `used`.
fn candidate_groups(inst: &Instance, used: &BTreeSet<usize>) -> Vec<(usize, Vec<usize>, usize)> {
    let n = inst.people.len();
    let mut out = Vec::new();
    for h in 0..n {
        let hp = &inst.people[h];
        if used.contains(&h) || !hp.helps || hp.role == Some(Role::Helped) {
            continue;
        }
        for t in 0..inst.topics.len() {
            if inst.topics[t].sensitive || level(inst, h, t) < 2 {
                continue;
            }
            let ok: Vec<usize> = (0..n)
                .filter(|&x| {
                    x != h
                        && !used.contains(&x)
                        && need(inst, x) == Some(t)
                        && inst.people[x].role != Some(Role::Helper)
                        && level(inst, x, t) < level(inst, h, t)
                })
                .collect();
            let size = hp.capacity.min(2) as usize;
            for (i, &a) in ok.iter().enumerate() {
                out.push((h, vec![a], t));
                if size >= 2 {
                    for &b in &ok[i + 1..] {
                        out.push((h, vec![a, b], t));
                    }
                }
            }
        }
    }
    out
}

type Key = (u32, u32, u32, i64);

fn key_of(inst: &Instance, groups: &[(usize, Vec<usize>, usize)]) -> Key {
    let hist: BTreeSet<(String, String)> = inst
        .history
        .iter()
        .map(|(a, b)| (a.clone().min(b.clone()), a.clone().max(b.clone())))
        .collect();
    let (mut helped, mut l3, mut rep) = (0u32, 0u32, 0i64);
    for (h, xs, t) in groups {
        helped += xs.len() as u32;
        if level(inst, *h, *t) == 3 {
            l3 += xs.len() as u32;
        }
        for x in xs {
            let a = inst.people[*h].id.clone();
            let b = inst.people[*x].id.clone();
            if hist.contains(&(a.clone().min(b.clone()), a.max(b))) {
                rep += 1;
            }
        }
    }
    let rep = match inst.repeat {
        RepeatPolicy::Prefer => rep,
        RepeatPolicy::Avoid => -rep,
    };
    (helped, l3, groups.len() as u32, rep)
}

/// Brute force: person by person, either in no group or in a group whose smallest
/// member they are.
fn brute(inst: &Instance) -> Key {
    let mut used = BTreeSet::new();
    let mut chosen = Vec::new();
    for g in &inst.fixed {
        let pos = |id: &str| inst.people.iter().position(|p| p.id == id).unwrap();
        let h = pos(&g.helper);
        let xs: Vec<usize> = g.helped.iter().map(|x| pos(x)).collect();
        used.insert(h);
        used.extend(xs.iter().copied());
        chosen.push((
            h,
            xs,
            inst.topics.iter().position(|t| t.id == g.topic).unwrap(),
        ));
    }
    let all = candidate_groups(inst, &used);
    let mut best = key_of(inst, &chosen);
    rec(inst, &all, 0, &mut used, &mut chosen, &mut best);
    best
}

fn rec(
    inst: &Instance,
    all: &[(usize, Vec<usize>, usize)],
    i: usize,
    used: &mut BTreeSet<usize>,
    chosen: &mut Vec<(usize, Vec<usize>, usize)>,
    best: &mut Key,
) {
    if i == inst.people.len() {
        let k = key_of(inst, chosen);
        if k > *best {
            *best = k;
        }
        return;
    }
    if used.contains(&i) {
        rec(inst, all, i + 1, used, chosen, best);
        return;
    }
    // i stays out of any group.
    rec(inst, all, i + 1, used, chosen, best);
    for g in all {
        let members: Vec<usize> = std::iter::once(g.0).chain(g.1.iter().copied()).collect();
        if members.iter().min() != Some(&i) || members.iter().any(|m| used.contains(m)) {
            continue;
        }
        for m in &members {
            used.insert(*m);
        }
        chosen.push(g.clone());
        rec(inst, all, i + 1, used, chosen, best);
        chosen.pop();
        for m in &members {
            used.remove(m);
        }
    }
}

#[test]
fn solver_matches_brute_force_on_small_sessions() {
    let mut checked = 0;
    for seed in 0..6000u64 {
        let inst = random_instance(seed, 10);
        let sol = solve(&inst, &SolveOptions::default()).expect("valid instance");
        let expected = brute(&inst);
        assert_eq!(
            sol.objective.key(inst.repeat),
            expected,
            "seed {seed}: solver {:?} vs brute force {:?}\n{}",
            sol.objective,
            expected,
            serde_json::to_string(&inst).unwrap()
        );
        assert!(sol.optimal, "seed {seed}: not proven optimal");
        checked += 1;
    }
    assert_eq!(checked, 6000);
}

#[test]
fn brute_force_itself_finds_something() {
    // Guard against a brute force that always answers zero.
    let total: u32 = (0..200u64).map(|s| brute(&random_instance(s, 10)).0).sum();
    assert!(total > 100, "brute force found only {total} helped people");
}
