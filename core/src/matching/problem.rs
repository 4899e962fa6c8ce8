//! The search graph: who may help whom (arcs with combined lexicographic weights),
//! split into independent connected components.

use super::instance::{Prepared, RepeatPolicy, Role, MAX_LEVEL};

/// Combined integer weights: `helped * b3 + level3 * b2 + groups * b + repeat_term`.
/// `b` exceeds twice the number of people, so every criterion strictly dominates the
/// sum of all lower ones: maximising the sum is the lexicographic optimum.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Weights {
    pub b: i64,
    pub b2: i64,
    pub b3: i64,
}

impl Weights {
    pub fn new(n_people: usize) -> Self {
        let b = ((2 * n_people + 2).next_power_of_two()).max(4) as i64;
        Weights {
            b,
            b2: b * b,
            b3: b * b * b,
        }
    }
}

/// "`helper` may help `needer`" with the gain of that pairing.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Arc {
    /// Local helper index.
    pub h: u32,
    /// Local needer index.
    pub n: u32,
    /// Topic index (the needer's need).
    pub topic: u32,
    /// `b3 + [helper at level 3] * b2 ± [repeated pair]`.
    pub gain: i64,
}

/// One connected component of the "may help" graph over free people.
#[derive(Clone, Debug, Default)]
pub(crate) struct Component {
    /// Person index of each local helper.
    pub helpers: Vec<usize>,
    /// Capacity (1 or 2) of each local helper.
    pub cap: Vec<u8>,
    /// Person index of each local needer.
    pub needers: Vec<usize>,
    /// Arcs sorted by (helper, topic, needer).
    pub arcs: Vec<Arc>,
    /// `helper_arcs[h]` = range of `arcs` leaving helper `h`.
    pub helper_arcs: Vec<(u32, u32)>,
    /// Arc indices entering each needer.
    pub needer_arcs: Vec<Vec<u32>>,
    /// Local needer index of the person behind helper `h`, if they also need help.
    pub helper_as_needer: Vec<Option<u32>>,
    /// Local helper index of the person behind needer `n`, if they may also help.
    pub needer_as_helper: Vec<Option<u32>>,
    /// Gain of opening a group (`b`).
    pub group_gain: i64,
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Build the components of the free part of the instance (people not in fixed groups),
/// in a deterministic order (by smallest person index).
pub(crate) fn components(prep: &Prepared, w: Weights) -> Vec<Component> {
    let n = prep.n_people();
    let t_count = prep.n_topics;
    // Helpers able to teach each topic (level >= 2), free and allowed.
    let mut teachers: Vec<Vec<usize>> = vec![Vec::new(); t_count];
    for p in 0..n {
        if prep.in_fixed[p] || !prep.helps[p] || prep.role[p] == Some(Role::Helped) {
            continue;
        }
        for (t, list) in teachers.iter_mut().enumerate() {
            if !prep.sensitive[t] && prep.level(p, t) >= 2 {
                list.push(p);
            }
        }
    }
    // Raw arcs over person indices.
    let mut raw: Vec<(usize, usize, usize)> = Vec::new();
    for x in 0..n {
        if prep.in_fixed[x] || prep.role[x] == Some(Role::Helper) {
            continue;
        }
        let Some(t) = prep.need[x] else { continue };
        if prep.sensitive[t] {
            continue;
        }
        for &h in &teachers[t] {
            if prep.can_help(h, x) {
                raw.push((h, x, t));
            }
        }
    }
    let mut parent: Vec<usize> = (0..n).collect();
    for &(h, x, _) in &raw {
        let (a, b) = (find(&mut parent, h), find(&mut parent, x));
        if a != b {
            parent[a.max(b)] = a.min(b);
        }
    }
    // Component id per root, in order of smallest member.
    let mut comp_of_root: Vec<Option<usize>> = vec![None; n];
    let mut in_arc = vec![false; n];
    for &(h, x, _) in &raw {
        in_arc[h] = true;
        in_arc[x] = true;
    }
    let mut comps: Vec<Component> = Vec::new();
    let mut helper_local: Vec<Option<u32>> = vec![None; n];
    let mut needer_local: Vec<Option<u32>> = vec![None; n];
    let mut comp_of_person: Vec<usize> = vec![usize::MAX; n];
    for p in 0..n {
        if !in_arc[p] {
            continue;
        }
        let r = find(&mut parent, p);
        let c = match comp_of_root[r] {
            Some(c) => c,
            None => {
                comps.push(Component {
                    group_gain: w.b,
                    ..Component::default()
                });
                comp_of_root[r] = Some(comps.len() - 1);
                comps.len() - 1
            }
        };
        comp_of_person[p] = c;
    }
    // Local indices: helpers = people with an outgoing arc, needers = with incoming arc.
    let mut is_helper = vec![false; n];
    let mut is_needer = vec![false; n];
    for &(h, x, _) in &raw {
        is_helper[h] = true;
        is_needer[x] = true;
    }
    for p in 0..n {
        if is_helper[p] {
            let c = &mut comps[comp_of_person[p]];
            helper_local[p] = Some(c.helpers.len() as u32);
            c.helpers.push(p);
            c.cap.push(prep.cap[p]);
        }
        if is_needer[p] {
            let c = &mut comps[comp_of_person[p]];
            needer_local[p] = Some(c.needers.len() as u32);
            c.needers.push(p);
        }
    }
    for &(h, x, t) in &raw {
        let c = &mut comps[comp_of_person[h]];
        let level = prep.level(h, t);
        let mut gain = w.b3;
        if level == MAX_LEVEL {
            gain += w.b2;
        }
        if prep.is_repeat(h, x) {
            gain += match prep.repeat {
                RepeatPolicy::Prefer => 1,
                RepeatPolicy::Avoid => -1,
            };
        }
        if let (Some(hl), Some(nl)) = (helper_local[h], needer_local[x]) {
            c.arcs.push(Arc {
                h: hl,
                n: nl,
                topic: t as u32,
                gain,
            });
        }
    }
    for c in &mut comps {
        c.arcs.sort_by_key(|a| (a.h, a.topic, a.n));
        c.helper_arcs = vec![(0, 0); c.helpers.len()];
        c.needer_arcs = vec![Vec::new(); c.needers.len()];
        let mut i = 0;
        while i < c.arcs.len() {
            let h = c.arcs[i].h as usize;
            let start = i;
            while i < c.arcs.len() && c.arcs[i].h as usize == h {
                i += 1;
            }
            c.helper_arcs[h] = (start as u32, i as u32);
        }
        for (k, a) in c.arcs.iter().enumerate() {
            c.needer_arcs[a.n as usize].push(k as u32);
        }
        c.helper_as_needer = c.helpers.iter().map(|&p| needer_local[p]).collect();
        c.needer_as_helper = c.needers.iter().map(|&p| helper_local[p]).collect();
    }
    comps
}

/// What the search currently allows: arcs, needers that may be helped, people that may help.
#[derive(Clone, Debug)]
pub(crate) struct State {
    pub arc_on: Vec<bool>,
    pub need_on: Vec<bool>,
    pub helper_on: Vec<bool>,
}

impl State {
    pub fn new(c: &Component) -> Self {
        State {
            arc_on: vec![true; c.arcs.len()],
            need_on: vec![true; c.needers.len()],
            helper_on: vec![true; c.helpers.len()],
        }
    }

    /// The arc may be used in this state.
    pub fn usable(&self, c: &Component, a: usize) -> bool {
        let arc = c.arcs[a];
        self.arc_on[a] && self.need_on[arc.n as usize] && self.helper_on[arc.h as usize]
    }
}

/// A feasible assignment: for each local needer, the arc helping them (if any).
pub(crate) type Assignment = Vec<Option<u32>>;

/// Value (combined weight) of an assignment: gains plus one `b` per helper used.
pub(crate) fn value_of(c: &Component, assign: &Assignment) -> i64 {
    let mut used = vec![false; c.helpers.len()];
    let mut v = 0;
    for a in assign.iter().flatten() {
        let arc = c.arcs[*a as usize];
        v += arc.gain;
        if !used[arc.h as usize] {
            used[arc.h as usize] = true;
            v += c.group_gain;
        }
    }
    v
}
