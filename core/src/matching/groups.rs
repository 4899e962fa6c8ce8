//! The set-packing view of a component: every candidate group (one helper, one topic,
//! one or two helped people) with its combined weight, over local person indices, so
//! that "one role per person" and "one topic per group" are built into the model.

use super::problem::{Assignment, Component};

/// Beyond this many candidate groups a component is left to the flow engine.
pub(crate) const MAX_CANDIDATES: usize = 60_000;

/// One candidate group.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Candidate {
    /// Local person indices: the helper first, then the helped people.
    pub members: [u32; 3],
    /// Number of members (2 or 3).
    pub len: u8,
    /// Combined weight: `group_gain` plus the gains of its arcs.
    pub weight: i64,
    /// Arcs (indices in the component) of the helped people; `u32::MAX` when absent.
    pub arcs: [u32; 2],
    /// Criteria: helped, helped at level 3, groups (1), repeat term.
    pub score: Score,
    /// Topic of the group.
    pub topic: u32,
}

/// The four criteria of a candidate or a solution, in priority order.
pub(crate) type Score = [i64; 4];

/// The first `k` criteria combined with base `b`: `k = 4` is the full combined weight,
/// and every prefix is bounded by the prefix of the lexicographic optimum.
pub(crate) fn prefix(score: &Score, k: usize, b: i64) -> i64 {
    score[..k].iter().fold(0, |v, &s| v * b + s)
}

/// Criteria of one arc from its gain `b³ + [level 3]·b² ± [repeat]`.
fn arc_score(gain: i64, b: i64) -> Score {
    let rest = gain - b * b * b;
    let level3 = (rest + 1).div_euclid(b * b);
    [1, level3, 0, rest - level3 * b * b]
}

fn add(a: Score, b: Score) -> Score {
    [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]]
}

impl Candidate {
    /// Local person indices of the members.
    pub fn members(&self) -> &[u32] {
        &self.members[..usize::from(self.len)]
    }
}

/// All candidate groups of a component.
#[derive(Clone, Debug, Default)]
pub(crate) struct Packing {
    /// Number of local persons (needers first, then helpers who need nothing here).
    pub n_persons: usize,
    pub groups: Vec<Candidate>,
    /// Candidate indices containing each local person, in increasing order.
    pub by_person: Vec<Vec<u32>>,
    /// Base of the combined weights.
    pub b: i64,
}

impl Packing {
    /// Enumerate the candidates of `c`, or `None` beyond `limit` of them.
    pub fn build(c: &Component, limit: usize) -> Option<Packing> {
        let nn = c.needers.len();
        let mut person_of_helper = Vec::with_capacity(c.helpers.len());
        let mut n_persons = nn;
        for h in 0..c.helpers.len() {
            match c.helper_as_needer[h] {
                Some(n) => person_of_helper.push(n),
                None => {
                    person_of_helper.push(n_persons as u32);
                    n_persons += 1;
                }
            }
        }
        let mut groups = Vec::new();
        for (h, &(s, e)) in c.helper_arcs.iter().enumerate() {
            let hp = person_of_helper[h];
            let (s, e) = (s as usize, e as usize);
            for i in s..e {
                let a = c.arcs[i];
                let sa = add(arc_score(a.gain, c.group_gain), [0, 0, 1, 0]);
                groups.push(Candidate {
                    members: [hp, a.n, u32::MAX],
                    len: 2,
                    weight: c.group_gain + a.gain,
                    arcs: [i as u32, u32::MAX],
                    score: sa,
                    topic: a.topic,
                });
                if c.cap[h] < 2 {
                    continue;
                }
                // Arcs are sorted by (helper, topic, needer): pairs share a topic.
                for j in i + 1..e {
                    let b = c.arcs[j];
                    if b.topic != a.topic {
                        break;
                    }
                    groups.push(Candidate {
                        members: [hp, a.n, b.n],
                        len: 3,
                        weight: c.group_gain + a.gain + b.gain,
                        arcs: [i as u32, j as u32],
                        score: add(sa, arc_score(b.gain, c.group_gain)),
                        topic: a.topic,
                    });
                }
                if groups.len() > limit {
                    return None;
                }
            }
        }
        if groups.len() > limit {
            return None;
        }
        let mut by_person: Vec<Vec<u32>> = vec![Vec::new(); n_persons];
        for (g, cand) in groups.iter().enumerate() {
            for &p in cand.members() {
                by_person[p as usize].push(g as u32);
            }
        }
        Some(Packing {
            n_persons,
            groups,
            by_person,
            b: c.group_gain,
        })
    }

    /// Criteria of an assignment of the component.
    pub fn score_of(&self, c: &Component, assign: &Assignment) -> Score {
        let mut used = vec![false; c.helpers.len()];
        let mut score = [0; 4];
        for a in assign.iter().flatten() {
            let arc = c.arcs[*a as usize];
            score = add(score, arc_score(arc.gain, self.b));
            if !used[arc.h as usize] {
                used[arc.h as usize] = true;
                score[2] += 1;
            }
        }
        score
    }

    /// The assignment (needer → arc) of a set of disjoint candidates.
    pub fn assignment(&self, nn: usize, chosen: &[u32]) -> Assignment {
        let mut assign: Assignment = vec![None; nn];
        for &g in chosen {
            let cand = self.groups[g as usize];
            for (k, &a) in cand.arcs.iter().enumerate() {
                if a != u32::MAX {
                    assign[cand.members[k + 1] as usize] = Some(a);
                }
            }
        }
        assign
    }
}
