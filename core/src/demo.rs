//! The demo group offered on the first screen ("Try with a demo group"): made-up people,
//! their skills and today's needs, so a newcomer or a trainer can explore every screen
//! without creating anything. Topic ids are those of the built-in catalog
//! (`content/topics.json`).

use crate::matching::{Instance, Person, RepeatPolicy, Topic};
use std::collections::BTreeMap;

/// A made-up member of the demo group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoMember {
    /// A random-looking stable id, as real members have.
    pub id: &'static str,
    /// The nickname shown on screen.
    pub nickname: &'static str,
    /// Whether this person leads the group.
    pub animator: bool,
    /// Level per topic id (0 never done … 3 can show someone); missing topics are 0.
    pub levels: &'static [(&'static str, u8)],
    /// What the person would like help with today.
    pub need: Option<&'static str>,
    /// Willing to help today.
    pub helps: bool,
}

const fn member(
    id: &'static str,
    nickname: &'static str,
    levels: &'static [(&'static str, u8)],
    need: Option<&'static str>,
    helps: bool,
) -> DemoMember {
    DemoMember {
        id,
        nickname,
        animator: false,
        levels,
        need,
        helps,
    }
}

/// The demo group's members, animator first.
pub fn members() -> &'static [DemoMember] {
    const MEMBERS: &[DemoMember] = &[
        DemoMember {
            id: "d-01",
            nickname: "Nadia",
            animator: true,
            levels: &[],
            need: None,
            helps: false,
        },
        member(
            "d-02",
            "Martine",
            &[("email", 3), ("attachments", 3), ("video_calls", 2)],
            None,
            true,
        ),
        member(
            "d-03",
            "Paul",
            &[("device_basics", 2)],
            Some("email"),
            false,
        ),
        member(
            "d-04",
            "Yvette",
            &[("email", 1), ("photos_files", 3)],
            Some("email"),
            true,
        ),
        member(
            "d-05",
            "Ahmed",
            &[
                ("device_security", 3),
                ("passwords", 3),
                ("private_browsing", 3),
            ],
            Some("spreadsheets"),
            true,
        ),
        member(
            "d-06",
            "Josiane",
            &[("video_calls", 3)],
            Some("public_services"),
            true,
        ),
        member("d-07", "Bernard", &[], Some("video_calls"), false),
        member(
            "d-08",
            "Colette",
            &[("photos_files", 1)],
            Some("photos_files"),
            false,
        ),
        member(
            "d-09",
            "Lucien",
            &[("email", 2)],
            Some("device_security"),
            false,
        ),
        member(
            "d-10",
            "Fatou",
            &[("web_search", 3), ("email", 2)],
            Some("word_processing"),
            true,
        ),
        member(
            "d-11",
            "Gérard",
            &[("web_search", 1)],
            Some("free_software"),
            false,
        ),
        member(
            "d-12",
            "Simone",
            &[("attachments", 1)],
            Some("attachments"),
            false,
        ),
        member(
            "d-13",
            "Roger",
            &[("device_basics", 3), ("passwords", 1)],
            Some("passwords"),
            true,
        ),
    ];
    MEMBERS
}

/// Pairs (helper, helped) from the demo group's earlier sessions.
pub const HISTORY: &[(&str, &str)] = &[("d-02", "d-03"), ("d-05", "d-09")];

/// Today's demo session as the matching engine sees it: every member but the animator is
/// present. `topics` are the group's topics with their sensitivity.
pub fn session_instance(topics: Vec<Topic>) -> Instance {
    let people = members()
        .iter()
        .filter(|m| !m.animator)
        .map(|m| Person {
            id: m.id.to_string(),
            levels: m
                .levels
                .iter()
                .map(|(t, l)| (t.to_string(), *l))
                .collect::<BTreeMap<_, _>>(),
            need: m.need.map(str::to_string),
            helps: m.helps,
            capacity: 2,
            role: None,
        })
        .collect();
    Instance {
        topics,
        people,
        history: HISTORY
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect(),
        repeat: RepeatPolicy::Prefer,
        fixed: Vec::new(),
    }
}

/// First names for the large demo session.
const LARGE_NAMES: &[&str] = &[
    "Anne",
    "Bruno",
    "Claire",
    "Denis",
    "Élise",
    "Farid",
    "Gisèle",
    "Henri",
    "Inès",
    "Jean",
    "Karima",
    "Louis",
    "Maryse",
    "Noël",
    "Odile",
    "Pierre",
    "Rachida",
    "Serge",
    "Thérèse",
    "Victor",
];

/// A large made-up session of `n` people on the given topics: the matching benchmark's
/// mixed-role generator (most people both need help and can show something), seeded, with
/// the group's topic ids, and a display name per person id. Nobody needs a topic they are
/// strong in, even where two generated topics fold into one of the group's.
pub fn large_session(
    topics: &[Topic],
    n: usize,
    seed: u64,
) -> (Instance, BTreeMap<String, String>) {
    let mut instance = crate::matching::bench::mixed_instance(n, seed);
    let rename = |id: &str| -> String {
        id.strip_prefix('t')
            .and_then(|i| i.parse::<usize>().ok())
            .and_then(|i| topics.get(i % topics.len().max(1)))
            .map(|t| t.id.clone())
            .unwrap_or_else(|| id.to_string())
    };
    for person in &mut instance.people {
        let mut levels: BTreeMap<String, u8> = BTreeMap::new();
        for (t, l) in &person.levels {
            let level = levels.entry(rename(t)).or_insert(*l);
            *level = (*level).max(*l);
        }
        person.need = person.need.as_deref().map(rename);
        if let Some(need) = &person.need {
            if let Some(level) = levels.get_mut(need) {
                *level = (*level).min(1);
            }
        }
        person.levels = levels;
    }
    instance.topics = topics.to_vec();
    let names = instance
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let first = LARGE_NAMES[i % LARGE_NAMES.len()];
            let initial = char::from(b'A' + (i / LARGE_NAMES.len() % 26) as u8);
            (p.id.clone(), format!("{first} {initial}."))
        })
        .collect();
    (instance, names)
}

/// Nickname of a demo member, by id.
pub fn nickname(id: &str) -> Option<&'static str> {
    members().iter().find(|m| m.id == id).map(|m| m.nickname)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Catalog;
    use crate::matching::{solve, SolveOptions, UnplacedReason};

    fn catalog_topics() -> Vec<Topic> {
        let catalog = Catalog::builtin().unwrap_or_else(|e| panic!("catalog: {e}"));
        catalog
            .topics()
            .iter()
            .map(|t| Topic {
                id: t.id.clone(),
                sensitive: t.sensitive,
            })
            .collect()
    }

    #[test]
    fn one_animator_and_unique_ids() {
        let m = members();
        assert_eq!(m.iter().filter(|p| p.animator).count(), 1);
        let mut ids: Vec<_> = m.iter().map(|p| p.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), m.len());
    }

    #[test]
    fn demo_topics_exist_in_the_catalog() {
        let topics = catalog_topics();
        let known = |t: &str| topics.iter().any(|x| x.id == t);
        for m in members() {
            for (t, level) in m.levels {
                assert!(known(t), "{} has unknown topic {t}", m.nickname);
                assert!(*level <= 3);
            }
            if let Some(need) = m.need {
                assert!(known(need), "{} needs unknown topic {need}", m.nickname);
            }
        }
    }

    #[test]
    fn large_session_uses_the_catalog_and_solves() {
        let topics = catalog_topics();
        let (instance, names) = large_session(&topics, 60, 1);
        assert_eq!(instance.people.len(), 60);
        assert_eq!(names.len(), 60);
        for p in &instance.people {
            assert!(p.levels.keys().all(|t| topics.iter().any(|x| &x.id == t)));
            assert!(p.need.iter().all(|t| topics.iter().any(|x| &x.id == t)));
            if let Some(need) = &p.need {
                assert!(p.levels.get(need).copied().unwrap_or(0) <= 1, "{p:?}");
            }
        }
        let solution = solve(&instance, &SolveOptions::default())
            .unwrap_or_else(|e| panic!("large session solves: {e}"));
        assert!(!solution.groups.is_empty());
        // Mixed roles: some helpers' own needs wait, and no one is both.
        assert!(!solution.uncovered.is_empty());
        for u in &solution.uncovered {
            assert!(solution.unplaced.iter().all(|x| x.id != u.id));
        }
    }

    #[test]
    fn demo_session_shows_every_kind_of_outcome() {
        let instance = session_instance(catalog_topics());
        let solution = solve(&instance, &SolveOptions::default())
            .unwrap_or_else(|e| panic!("demo session solves: {e}"));
        assert!(solution.optimal);
        assert!(solution.groups.len() >= 4);
        let reasons: Vec<_> = solution.unplaced.iter().map(|u| u.reason).collect();
        assert!(reasons.contains(&UnplacedReason::Sensitive));
        assert!(reasons.contains(&UnplacedReason::NoHelper));
        assert!(reasons.contains(&UnplacedReason::HelpersFull));
    }
}
