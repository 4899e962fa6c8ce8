//! Upper bound of the search: a max-weight flow relaxation (helpers → helped people)
//! that keeps capacities and the concave "one more group" gain but drops role
//! exclusivity and the one-topic-per-group rule. Solved by successive shortest paths.

use std::collections::VecDeque;

use super::problem::{Assignment, Component, State};

/// Result of the relaxation.
#[derive(Clone, Debug)]
pub(crate) struct Relaxation {
    /// Optimal value of the relaxation (an upper bound for the node).
    pub value: i64,
    /// Arc used by each needer in the relaxed optimum.
    pub assign: Assignment,
    /// Stopped early: `value` is only an upper bound, already `<=` the incumbent.
    pub pruned: bool,
}

#[derive(Clone, Copy, Debug)]
struct Edge {
    to: u32,
    cap: i32,
    cost: i64,
    /// Arc index for helper → needer edges, `u32::MAX` otherwise.
    arc: u32,
}

/// Reusable buffers for the flow computation.
#[derive(Default, Debug)]
pub(crate) struct FlowBound {
    edges: Vec<Edge>,
    adj_start: Vec<u32>,
    adj: Vec<u32>,
    dist: Vec<i64>,
    prev_edge: Vec<u32>,
    in_queue: Vec<bool>,
    queue: VecDeque<u32>,
    tmp_from: Vec<u32>,
}

impl FlowBound {
    fn add_edge(&mut self, from: u32, to: u32, cap: i32, cost: i64, arc: u32) {
        self.tmp_from.push(from);
        self.edges.push(Edge { to, cap, cost, arc });
        self.tmp_from.push(to);
        self.edges.push(Edge {
            to: from,
            cap: 0,
            cost: -cost,
            arc,
        });
    }

    /// Max-weight flow under `state`. Stops early (with `pruned`) once the flow cannot
    /// beat `incumbent`: path gains never increase, so `value + gain * remaining` bounds
    /// the rest. `work` is increased by the number of edge scans.
    pub fn solve(
        &mut self,
        c: &Component,
        state: &State,
        incumbent: i64,
        work: &mut u64,
    ) -> Relaxation {
        let nh = c.helpers.len();
        let nn = c.needers.len();
        let source = 0u32;
        let sink = (nh + nn + 1) as u32;
        let n_nodes = nh + nn + 2;
        self.edges.clear();
        self.tmp_from.clear();
        // Helper nodes 1..=nh, needer nodes nh+1..=nh+nn.
        let mut helper_has_arc = vec![false; nh];
        for (k, arc) in c.arcs.iter().enumerate() {
            if state.usable(c, k) {
                helper_has_arc[arc.h as usize] = true;
            }
        }
        for (h, (&has_arc, &cap)) in helper_has_arc.iter().zip(&c.cap).enumerate() {
            if !has_arc {
                continue;
            }
            let node = (h + 1) as u32;
            self.add_edge(source, node, 1, -c.group_gain, u32::MAX);
            if cap >= 2 {
                self.add_edge(source, node, i32::from(cap) - 1, 0, u32::MAX);
            }
        }
        for (k, arc) in c.arcs.iter().enumerate() {
            if state.usable(c, k) {
                let from = arc.h + 1;
                let to = (nh as u32) + 1 + arc.n;
                self.add_edge(from, to, 1, -arc.gain, k as u32);
            }
        }
        for n in 0..nn {
            if state.need_on[n] {
                self.add_edge((nh + 1 + n) as u32, sink, 1, 0, u32::MAX);
            }
        }
        // Adjacency in CSR form, in edge order (deterministic).
        self.adj_start.clear();
        self.adj_start.resize(n_nodes + 1, 0);
        for &f in &self.tmp_from {
            self.adj_start[f as usize + 1] += 1;
        }
        for i in 0..n_nodes {
            self.adj_start[i + 1] += self.adj_start[i];
        }
        self.adj.clear();
        self.adj.resize(self.edges.len(), 0);
        let mut fill = self.adj_start.clone();
        for (e, &f) in self.tmp_from.iter().enumerate() {
            self.adj[fill[f as usize] as usize] = e as u32;
            fill[f as usize] += 1;
        }
        let mut remaining = {
            let needers = (0..nn)
                .filter(|&n| state.need_on[n])
                .filter(|&n| {
                    c.needer_arcs[n]
                        .iter()
                        .any(|&a| state.usable(c, a as usize))
                })
                .count() as i64;
            let capacity: i64 = (0..nh)
                .filter(|&h| helper_has_arc[h])
                .map(|h| i64::from(c.cap[h]))
                .sum();
            needers.min(capacity)
        };
        let mut total = 0i64;
        let mut pruned = false;
        loop {
            // Shortest path (costs are negated gains) with SPFA.
            self.dist.clear();
            self.dist.resize(n_nodes, i64::MAX);
            self.prev_edge.clear();
            self.prev_edge.resize(n_nodes, u32::MAX);
            self.in_queue.clear();
            self.in_queue.resize(n_nodes, false);
            self.queue.clear();
            self.dist[source as usize] = 0;
            self.queue.push_back(source);
            self.in_queue[source as usize] = true;
            while let Some(u) = self.queue.pop_front() {
                let u = u as usize;
                self.in_queue[u] = false;
                let du = self.dist[u];
                let (s, e) = (self.adj_start[u] as usize, self.adj_start[u + 1] as usize);
                *work += (e - s) as u64;
                for i in s..e {
                    let ei = self.adj[i] as usize;
                    let edge = self.edges[ei];
                    if edge.cap <= 0 {
                        continue;
                    }
                    let v = edge.to as usize;
                    let nd = du + edge.cost;
                    if nd < self.dist[v] {
                        self.dist[v] = nd;
                        self.prev_edge[v] = ei as u32;
                        if !self.in_queue[v] {
                            self.in_queue[v] = true;
                            self.queue.push_back(v as u32);
                        }
                    }
                }
            }
            let d = self.dist[sink as usize];
            if d == i64::MAX || d >= 0 {
                break;
            }
            total -= d;
            let mut v = sink as usize;
            while v != source as usize {
                let ei = self.prev_edge[v] as usize;
                self.edges[ei].cap -= 1;
                self.edges[ei ^ 1].cap += 1;
                v = self.edges[ei ^ 1].to as usize;
            }
            remaining -= 1;
            if total.saturating_add((-d).saturating_mul(remaining)) <= incumbent {
                total = total.saturating_add((-d).saturating_mul(remaining));
                pruned = true;
                break;
            }
            if remaining <= 0 {
                break;
            }
        }
        let mut assign: Assignment = vec![None; nn];
        for e in (0..self.edges.len()).step_by(2) {
            let edge = self.edges[e];
            if edge.arc != u32::MAX && edge.cap == 0 {
                let arc = c.arcs[edge.arc as usize];
                assign[arc.n as usize] = Some(edge.arc);
            }
        }
        Relaxation {
            value: total,
            assign,
            pruned,
        }
    }
}
