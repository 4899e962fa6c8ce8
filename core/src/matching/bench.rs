//! Seeded generators of sessions for benchmarks and tests (native and WebAssembly share
//! them): [`instance`], realistic sessions (about 40 % of people with a need, 50 % willing
//! to help, levels skewed low, a couple of sensitive topics, some history), and
//! [`mixed_instance`], the sessions of the field's first rule where most people both need
//! help and can help, so the engine must choose roles. A self-contained splitmix64, no
//! `rand`: the same sessions on every platform.

use std::collections::BTreeMap;

use super::instance::{Instance, Person, RepeatPolicy, Topic};

/// splitmix64: tiny, fast, good enough for test data; same sequence on every platform.
#[derive(Clone, Debug)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// Generator starting from `seed`.
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    /// Next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform integer in `0..n` (`n > 0`; returns 0 when `n == 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// True with probability `percent / 100`.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// Index drawn with the given integer weights.
    pub fn weighted(&mut self, weights: &[u64]) -> usize {
        let total: u64 = weights.iter().sum();
        let mut r = self.below(total);
        for (i, &w) in weights.iter().enumerate() {
            if r < w {
                return i;
            }
            r -= w;
        }
        weights.len().saturating_sub(1)
    }
}

/// A realistic session of `n_people` people over `n_topics` topics, the same for the
/// same arguments on every platform. Topic `t3` is sensitive (when it exists), and one
/// topic in ten after it; popular topics are the first ones.
pub fn instance(n_people: usize, n_topics: usize, seed: u64) -> Instance {
    let mut rng = SplitMix64::new(seed ^ 0x5EED_0000_0000_0000);
    let topics: Vec<Topic> = (0..n_topics)
        .map(|t| Topic {
            id: format!("t{t}"),
            sensitive: t % 10 == 3,
        })
        .collect();
    // Popularity of topics for needs: 1/(rank+2), scaled.
    let popularity: Vec<u64> = (0..n_topics).map(|t| 1000 / (t as u64 + 2)).collect();
    let mut people = Vec::with_capacity(n_people);
    for p in 0..n_people {
        let mut levels = BTreeMap::new();
        for topic in &topics {
            // Levels skewed low: 45 % none, 30 % with help, 17 % alone, 8 % can show.
            let level = rng.weighted(&[45, 30, 17, 8]) as u8;
            if level > 0 {
                levels.insert(topic.id.clone(), level);
            }
        }
        let need = if n_topics > 0 && rng.chance(40) {
            let t = rng.weighted(&popularity);
            let id = topics[t].id.clone();
            let level = rng.weighted(&[50, 35, 15]) as u8;
            if level > 0 {
                levels.insert(id.clone(), level);
            } else {
                levels.remove(&id);
            }
            Some(id)
        } else {
            None
        };
        people.push(Person {
            id: format!("p{p:04}"),
            levels,
            need,
            helps: rng.chance(50),
            capacity: if rng.chance(25) { 1 } else { 2 },
            role: None,
        });
    }
    let mut history = Vec::new();
    if n_people >= 2 {
        for _ in 0..n_people / 2 {
            let a = rng.below(n_people as u64) as usize;
            let b = rng.below(n_people as u64) as usize;
            if a != b {
                history.push((people[a].id.clone(), people[b].id.clone()));
            }
        }
    }
    Instance {
        topics,
        people,
        history,
        repeat: RepeatPolicy::Prefer,
        fixed: Vec::new(),
    }
}

/// Number of topics of [`mixed_instance`].
pub const MIXED_TOPICS: usize = 20;

/// A mixed-role session of `n_people` people over [`MIXED_TOPICS`] topics (none
/// sensitive), the same for the same arguments on every platform:
///
/// - each topic has a level 0, 1, 2, 3 with probabilities 35, 25, 20, 20 %;
/// - 60 % of people have a need, on a topic drawn uniformly among those where they are
///   weak (level 0 or 1; a person weak nowhere gets level 1 on the topic drawn);
/// - 70 % of the people strong somewhere (level 2 or more on a topic) are willing to help;
/// - 20 % have a capacity of 1, the others 2;
/// - a history of `n_people` earlier pairs, each a person willing to help with another
///   person, and the repeat policy `"avoid"` or `"prefer"` with even odds.
pub fn mixed_instance(n_people: usize, seed: u64) -> Instance {
    let mut rng = SplitMix64::new(seed ^ 0x4D1C_ED00_0000_0000);
    let topics: Vec<Topic> = (0..MIXED_TOPICS)
        .map(|t| Topic {
            id: format!("t{t:02}"),
            sensitive: false,
        })
        .collect();
    let mut people = Vec::with_capacity(n_people);
    for p in 0..n_people {
        let levels: Vec<u8> = (0..MIXED_TOPICS)
            .map(|_| rng.weighted(&[35, 25, 20, 20]) as u8)
            .collect();
        let mut levels = levels;
        let need = if rng.chance(60) {
            let weak: Vec<usize> = (0..MIXED_TOPICS).filter(|&t| levels[t] <= 1).collect();
            let t = if weak.is_empty() {
                let t = rng.below(MIXED_TOPICS as u64) as usize;
                levels[t] = 1;
                t
            } else {
                weak[rng.below(weak.len() as u64) as usize]
            };
            Some(t)
        } else {
            None
        };
        let strong = levels.iter().any(|&l| l >= 2);
        let helps = strong && rng.chance(70);
        let capacity = if rng.chance(20) { 1 } else { 2 };
        people.push(Person {
            id: format!("p{p:04}"),
            levels: levels
                .iter()
                .enumerate()
                .filter(|(_, &l)| l > 0)
                .map(|(t, &l)| (topics[t].id.clone(), l))
                .collect(),
            need: need.map(|t| topics[t].id.clone()),
            helps,
            capacity,
            role: None,
        });
    }
    let willing: Vec<usize> = (0..n_people).filter(|&p| people[p].helps).collect();
    let mut history = Vec::new();
    if n_people >= 2 && !willing.is_empty() {
        for _ in 0..n_people {
            let a = willing[rng.below(willing.len() as u64) as usize];
            let b = rng.below(n_people as u64) as usize;
            if a != b {
                history.push((people[a].id.clone(), people[b].id.clone()));
            }
        }
    }
    let repeat = if rng.chance(50) {
        RepeatPolicy::Avoid
    } else {
        RepeatPolicy::Prefer
    };
    Instance {
        topics,
        people,
        history,
        repeat,
        fixed: Vec::new(),
    }
}
