//! The animator's changes survive a recompute, and the result still keeps every rule.

use entraide_core::matching::{
    bench, move_targets, other_role, solve, AdjustError, Adjustments, Change, Instance, Role,
    Solution, SolveOptions,
};
use proptest::prelude::*;

fn solved(instance: &Instance) -> Solution {
    solve(instance, &SolveOptions::default()).unwrap_or_else(|e| panic!("solves: {e}"))
}

fn role_of(solution: &Solution, id: &str) -> Option<Role> {
    if solution.groups.iter().any(|g| g.helper == id) {
        Some(Role::Helper)
    } else if solution
        .groups
        .iter()
        .any(|g| g.helped.iter().any(|h| h == id))
    {
        Some(Role::Helped)
    } else {
        None
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_move_is_kept_by_the_recompute(seed in 0u64..100_000, pick in 0usize..1000, pick2 in 0usize..1000) {
        let base = bench::instance(14, 4, seed);
        let first = solved(&base);
        let movable: Vec<(String, Vec<String>)> = base
            .people
            .iter()
            .map(|p| (p.id.clone(), move_targets(&base, &first, &p.id)))
            .filter(|(_, t)| !t.is_empty())
            .collect();
        prop_assume!(!movable.is_empty());
        let (person, targets) = &movable[pick % movable.len()];
        let helper = targets[pick2 % targets.len()].clone();
        let mut adjustments = Adjustments::new();
        adjustments
            .apply(&base, &first, Change::MoveInto { person: person.clone(), helper: helper.clone() })
            .unwrap_or_else(|e| panic!("a proposed target is accepted: {e}"));
        let second = solved(&adjustments.instance(&base));
        let group = second.groups.iter().find(|g| g.helper == helper);
        prop_assert!(group.is_some_and(|g| g.helped.contains(person)), "{person} is with {helper}");
        // Another change later keeps the first one.
        let other = base.people.iter().find(|p| p.id != *person && p.id != helper && role_of(&second, &p.id).is_some());
        if let Some(other) = other {
            adjustments
                .apply(&base, &second, Change::SetAside { person: other.id.clone() })
                .unwrap_or_else(|e| panic!("set aside: {e}"));
            let third = solved(&adjustments.instance(&base));
            prop_assert!(third.groups.iter().any(|g| g.helper == helper && g.helped.contains(person)));
            prop_assert_eq!(role_of(&third, &other.id), None);
            prop_assert!(third.unplaced.iter().all(|u| u.id != other.id));
        }
    }

    #[test]
    fn a_role_swap_is_respected(seed in 0u64..100_000, pick in 0usize..1000) {
        let base = bench::instance(14, 4, seed);
        let first = solved(&base);
        let swappable: Vec<(String, Role)> = base
            .people
            .iter()
            .filter_map(|p| other_role(&base, &first, &p.id).map(|r| (p.id.clone(), r)))
            .collect();
        prop_assume!(!swappable.is_empty());
        let (person, role) = swappable[pick % swappable.len()].clone();
        let mut adjustments = Adjustments::new();
        adjustments
            .apply(&base, &first, Change::ForceRole { person: person.clone(), role })
            .unwrap_or_else(|e| panic!("an offered role is accepted: {e}"));
        let second = solved(&adjustments.instance(&base));
        let now = role_of(&second, &person);
        prop_assert!(now.is_none() || now == Some(role), "{person} is {now:?}, asked {role:?}");
    }

    #[test]
    fn kept_groups_stay_exactly(seed in 0u64..100_000, pick in 0usize..1000) {
        let base = bench::instance(14, 4, seed);
        let first = solved(&base);
        prop_assume!(!first.groups.is_empty());
        let kept = first.groups[pick % first.groups.len()].clone();
        let mut adjustments = Adjustments::new();
        adjustments
            .apply(&base, &first, Change::Keep { helper: kept.helper.clone() })
            .unwrap_or_else(|e| panic!("keep: {e}"));
        let second = solved(&adjustments.instance(&base));
        prop_assert!(second.groups.contains(&kept));
        prop_assert_eq!(second.objective, first.objective, "keeping an optimal group costs nothing");
    }
}

#[test]
fn impossible_changes_say_why() {
    let base = bench::instance(14, 4, 7);
    let first = solved(&base);
    let mut adjustments = Adjustments::new();
    assert_eq!(
        adjustments.apply(
            &base,
            &first,
            Change::SetAside {
                person: "nobody".into()
            }
        ),
        Err(AdjustError::NotPresent("nobody".into()))
    );
    assert_eq!(
        adjustments.apply(
            &base,
            &first,
            Change::Keep {
                helper: "nobody".into()
            }
        ),
        Err(AdjustError::NoGroup("nobody".into()))
    );
    let no_need = base
        .people
        .iter()
        .find(|p| p.need.is_none())
        .unwrap_or_else(|| panic!("someone without a need"));
    let any_helper = base
        .people
        .iter()
        .find(|p| p.helps && p.id != no_need.id)
        .unwrap_or_else(|| panic!("a helper"));
    assert_eq!(
        adjustments.apply(
            &base,
            &first,
            Change::MoveInto {
                person: no_need.id.clone(),
                helper: any_helper.id.clone()
            }
        ),
        Err(AdjustError::NoNeed(no_need.id.clone()))
    );
    let not_helping = base
        .people
        .iter()
        .find(|p| !p.helps)
        .unwrap_or_else(|| panic!("someone not helping"));
    assert_eq!(
        adjustments.apply(
            &base,
            &first,
            Change::ForceRole {
                person: not_helping.id.clone(),
                role: Role::Helper
            }
        ),
        Err(AdjustError::RoleNotPossible {
            person: not_helping.id.clone(),
            role: Role::Helper
        })
    );
    assert!(adjustments.is_empty(), "a refused change changes nothing");
}
