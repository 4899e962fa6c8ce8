//! Needs not covered because the person helps instead, and the gap stated when the search
//! stops before its proof: the facts in the solution and their sentences.
#![allow(clippy::expect_used, clippy::unwrap_used)] // test helpers: a panic is a failing test

use std::collections::BTreeMap;

use entraide_core::matching::reasons::LabelMap;
use entraide_core::matching::{
    bench, solve, Gap, Instance, Lang, Person, Reason, RepeatPolicy, SolveOptions, Topic,
};

fn person(id: &str, levels: &[(&str, u8)], need: Option<&str>, helps: bool) -> Person {
    Person {
        id: id.into(),
        levels: levels.iter().map(|&(t, l)| (t.to_string(), l)).collect(),
        need: need.map(str::to_string),
        helps,
        capacity: 2,
        role: None,
    }
}

fn labels() -> LabelMap {
    LabelMap {
        people: [("s", "Sophie"), ("m", "Marcel"), ("j", "Jeanne")]
            .iter()
            .map(|&(a, b)| (a.to_string(), b.to_string()))
            .collect(),
        genders: BTreeMap::new(),
        topics: [("email", "Les e-mails"), ("photos", "Les photos")]
            .iter()
            .map(|&(a, b)| (a.to_string(), b.to_string()))
            .collect(),
    }
}

/// Sophie can show e-mails and needs photos; Marcel needs e-mails; nobody can help with
/// photos, so Sophie helps Marcel and her own need is not covered.
fn session() -> Instance {
    Instance {
        topics: vec![
            Topic {
                id: "email".into(),
                sensitive: false,
            },
            Topic {
                id: "photos".into(),
                sensitive: false,
            },
        ],
        people: vec![
            person("s", &[("email", 3)], Some("photos"), true),
            person("m", &[("email", 1)], Some("email"), false),
            person("j", &[("photos", 1)], None, true),
        ],
        history: Vec::new(),
        repeat: RepeatPolicy::Prefer,
        fixed: Vec::new(),
    }
}

#[test]
fn helper_with_a_need_is_listed_as_not_covered_with_the_group() {
    let inst = session();
    let sol = solve(&inst, &SolveOptions::default()).unwrap();
    assert_eq!(sol.groups.len(), 1);
    assert!(
        sol.unplaced.is_empty(),
        "Sophie is in a group: {:?}",
        sol.unplaced
    );
    assert_eq!(sol.uncovered.len(), 1);
    let u = &sol.uncovered[0];
    assert_eq!((u.id.as_str(), u.need.as_str()), ("s", "photos"));
    assert_eq!(u.group, sol.groups[0]);
    let reason = u.reason();
    assert_eq!(
        reason.render(Lang::Fr, &labels()),
        "Besoin non couvert aujourd'hui\u{a0}: Sophie aide Marcel pour «\u{a0}Les e-mails\u{a0}». \
         Son besoin («\u{a0}Les photos\u{a0}») attendra."
    );
    assert_eq!(
        reason.render(Lang::En, &labels()),
        "Need not covered today: Sophie helps Marcel with “Les e-mails”. \
         Their need (“Les photos”) will wait."
    );
    assert!(sol
        .reasons(&inst)
        .iter()
        .any(|r| matches!(r, Reason::NeedNotCovered { person, .. } if person == "s")));
    assert_eq!(sol.gap(), None);
    assert_eq!(sol.helped_bound, sol.objective.helped);
}

#[test]
fn gap_sentences() {
    let two = Gap { more_helped: 2 };
    assert_eq!(
        two.render(Lang::Fr),
        "Le calcul s'est arrêté avant la fin. Au plus 2 personnes de plus pourraient être aidées."
    );
    assert_eq!(
        two.render(Lang::En),
        "The search stopped before the end. At most 2 more people could be helped."
    );
    assert!(Gap { more_helped: 1 }
        .render(Lang::Fr)
        .ends_with("Au plus 1 personne de plus pourrait être aidée."));
    assert!(Gap { more_helped: 0 }
        .render(Lang::Fr)
        .contains("Personne de plus ne peut être aidé."));
}

#[test]
fn stopped_search_states_a_bound_at_least_what_the_full_search_reaches() {
    for seed in 0..4 {
        let inst = bench::mixed_instance(60, seed);
        let full = solve(&inst, &SolveOptions::default()).unwrap();
        assert!(full.optimal, "seed {seed}");
        for work_limit in [1_000u64, 300_000, 3_000_000] {
            let options = SolveOptions {
                node_limit: 100_000,
                work_limit,
            };
            let cut = solve(&inst, &options).unwrap();
            if cut.optimal {
                assert_eq!(cut.objective, full.objective, "seed {seed}");
                continue;
            }
            let gap = cut.gap().expect("a gap when unproven");
            assert_eq!(gap.more_helped, cut.helped_bound - cut.objective.helped);
            assert!(
                cut.helped_bound >= full.objective.helped,
                "seed {seed}, work {work_limit}: bound {} below the optimum {}",
                cut.helped_bound,
                full.objective.helped
            );
        }
    }
}
