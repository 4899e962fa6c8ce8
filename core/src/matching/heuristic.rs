//! Feasible solutions without proof: the greedy fill (also the public comparison
//! baseline [`greedy`]) and the repair of a relaxed solution used as search incumbent.

use super::error::MatchingError;
use super::instance::Instance;
use super::problem::{components, Assignment, Component, State, Weights};
use super::solution::{build_solution, RawGroups, Solution};

/// Make a relaxed assignment feasible (one topic per helper, one role per person),
/// then fill greedily.
pub(crate) fn repair(c: &Component, state: &State, relaxed: &Assignment) -> Assignment {
    let mut assign = relaxed.clone();
    let nh = c.helpers.len();
    // One topic per helper: keep the topic with the largest total gain.
    let mut by_helper: Vec<Vec<u32>> = vec![Vec::new(); nh];
    for a in assign.iter().flatten() {
        by_helper[c.arcs[*a as usize].h as usize].push(*a);
    }
    for arcs in &by_helper {
        if arcs.len() < 2 {
            continue;
        }
        let mut best_topic = u32::MAX;
        let mut best_sum = i64::MIN;
        for &a in arcs {
            let t = c.arcs[a as usize].topic;
            let sum: i64 = arcs
                .iter()
                .filter(|&&b| c.arcs[b as usize].topic == t)
                .map(|&b| c.arcs[b as usize].gain)
                .sum();
            if sum > best_sum || (sum == best_sum && t < best_topic) {
                best_sum = sum;
                best_topic = t;
            }
        }
        for &a in arcs {
            let arc = c.arcs[a as usize];
            if arc.topic != best_topic {
                assign[arc.n as usize] = None;
            }
        }
    }
    // One role per person.
    for n in 0..assign.len() {
        let Some(a) = assign[n] else { continue };
        let Some(h) = c.needer_as_helper[n] else {
            continue;
        };
        let h = h as usize;
        let helping: Vec<usize> = (0..assign.len())
            .filter(|&m| assign[m].is_some_and(|b| c.arcs[b as usize].h as usize == h))
            .collect();
        if helping.is_empty() {
            continue;
        }
        let as_helper: i64 = c.group_gain
            + helping
                .iter()
                .filter_map(|&m| assign[m])
                .map(|b| c.arcs[b as usize].gain)
                .sum::<i64>();
        if as_helper >= c.arcs[a as usize].gain {
            assign[n] = None;
        } else {
            for m in helping {
                assign[m] = None;
            }
        }
    }
    fill(c, state, &mut assign);
    assign
}

/// Add helped people greedily to a feasible assignment, hardest needers first.
pub(crate) fn fill(c: &Component, state: &State, assign: &mut Assignment) {
    let nh = c.helpers.len();
    let mut load = vec![0u8; nh];
    let mut topic: Vec<Option<u32>> = vec![None; nh];
    for a in assign.iter().flatten() {
        let arc = c.arcs[*a as usize];
        load[arc.h as usize] += 1;
        topic[arc.h as usize] = Some(arc.topic);
    }
    let mut order: Vec<usize> = (0..c.needers.len()).collect();
    order.sort_by_key(|&n| {
        let options = c.needer_arcs[n]
            .iter()
            .filter(|&&a| state.usable(c, a as usize))
            .count();
        (options, n)
    });
    for n in order {
        if assign[n].is_some() || !state.need_on[n] {
            continue;
        }
        if let Some(h) = c.needer_as_helper[n] {
            if load[h as usize] > 0 {
                continue;
            }
        }
        let mut best: Option<(i64, u32)> = None;
        for &a in &c.needer_arcs[n] {
            if !state.usable(c, a as usize) {
                continue;
            }
            let arc = c.arcs[a as usize];
            let h = arc.h as usize;
            if load[h] >= c.cap[h] || topic[h].is_some_and(|t| t != arc.topic) {
                continue;
            }
            if let Some(m) = c.helper_as_needer[h] {
                if assign[m as usize].is_some() {
                    continue;
                }
            }
            let score = arc.gain + if load[h] == 0 { c.group_gain } else { 0 };
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, a));
            }
        }
        if let Some((_, a)) = best {
            let arc = c.arcs[a as usize];
            assign[n] = Some(a);
            load[arc.h as usize] += 1;
            topic[arc.h as usize] = Some(arc.topic);
        }
    }
}

/// Groups (person indices) of an assignment of one component.
pub(crate) fn groups_of(c: &Component, assign: &Assignment, out: &mut RawGroups) {
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); c.helpers.len()];
    let mut topic = vec![0usize; c.helpers.len()];
    for (n, a) in assign.iter().enumerate() {
        if let Some(a) = a {
            let arc = c.arcs[*a as usize];
            members[arc.h as usize].push(c.needers[n]);
            topic[arc.h as usize] = arc.topic as usize;
        }
    }
    for (h, m) in members.into_iter().enumerate() {
        if !m.is_empty() {
            out.push((c.helpers[h], m, topic[h]));
        }
    }
}

/// Comparison baseline: fixed groups, then each person with a need, fewest possible
/// helpers first, gets the free helper that adds most (level 3 first, a new group
/// rather than a second place, then the repeat policy). No search, no proof:
/// `optimal` is always false.
pub fn greedy(instance: &Instance) -> Result<Solution, MatchingError> {
    let prep = instance.prepare()?;
    let w = Weights::new(prep.n_people());
    let mut raw: RawGroups = prep.fixed.clone();
    let mut bound: usize = prep.fixed.iter().map(|g| g.1.len()).sum();
    for c in components(&prep, w) {
        bound += c.needers.len();
        let state = State::new(&c);
        let mut assign: Assignment = vec![None; c.needers.len()];
        fill(&c, &state, &mut assign);
        groups_of(&c, &assign, &mut raw);
    }
    Ok(build_solution(
        instance,
        &prep,
        &raw,
        false,
        bound as u32,
        0,
    ))
}
