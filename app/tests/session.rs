//! Component tests of the session board in headless Chromium: the same board works for a
//! session of 2 people and of 60.

use entraide_app::i18n::*;
use entraide_app::pages::session::SessionBoard;
use entraide_app::services::session::SessionPlan;
use entraide_app::state::AppState;
use entraide_core::matching::{Instance, Person, RepeatPolicy, Topic};
use leptos::prelude::*;
use std::collections::BTreeMap;
use wasm_bindgen_test::*;

mod common;
use common::{document, sleep, text_of};

wasm_bindgen_test_configure!(run_in_browser);

fn mount_board(plan: SessionPlan) -> leptos::mount::UnmountHandle<impl Mountable> {
    let host = common::fresh_host("board-under-test");
    leptos::mount::mount_to(host, move || {
        provide_context(AppState::new());
        view! {
            <I18nSubContextProvider initial_locale=Signal::stored(Locale::fr)>
                <SessionBoard plan=Ok(plan.clone()) />
            </I18nSubContextProvider>
        }
    })
}

fn count(selector: &str) -> u32 {
    document()
        .query_selector_all(selector)
        .unwrap_or_else(|_| panic!("a valid selector"))
        .length()
}

/// A plan for Martine (`a`, can show e-mails, helps, needs `a_need`) and Paul (`b`, wants
/// e-mails), on `topics`.
fn martine_and_paul(topics: &[&str], a_need: Option<&str>) -> SessionPlan {
    let mut levels = BTreeMap::new();
    levels.insert("email".to_string(), 3);
    let person = |id: &str, levels, need: Option<&str>, helps| Person {
        id: id.into(),
        levels,
        need: need.map(str::to_string),
        helps,
        capacity: 2,
        role: None,
    };
    let instance = Instance {
        topics: topics
            .iter()
            .map(|id| Topic {
                id: (*id).into(),
                sensitive: false,
            })
            .collect(),
        people: vec![
            person("a", levels, a_need, true),
            person("b", BTreeMap::new(), Some("email"), false),
        ],
        history: Vec::new(),
        repeat: RepeatPolicy::Prefer,
        fixed: Vec::new(),
    };
    let names = [("a", "Martine"), ("b", "Paul")]
        .into_iter()
        .map(|(i, n)| (i.to_string(), n.to_string()))
        .collect();
    SessionPlan::new(instance, names).unwrap_or_else(|e| panic!("two people solve: {e}"))
}

fn two_people() -> SessionPlan {
    martine_and_paul(&["email"], None)
}

#[wasm_bindgen_test]
async fn two_people_make_one_group_with_its_reason() {
    let _board = mount_board(two_people());
    sleep(20).await;
    assert_eq!(count("#board-under-test [data-testid=groups] > li"), 1);
    let reason = text_of("#board-under-test .reason");
    assert_eq!(
        reason,
        "Martine aide Paul\u{a0}: «\u{a0}Les e-mails\u{a0}». Martine sait le montrer. Paul veut apprendre."
    );
    assert_eq!(count("#board-under-test [data-testid=unplaced]"), 0);
}

#[wasm_bindgen_test]
async fn sixty_people_fill_the_board() {
    let plan = SessionPlan::large_demo(60).unwrap_or_else(|e| panic!("large demo: {e}"));
    let groups = plan.solution().groups.len() as u32;
    assert!(groups > 10);
    let _board = mount_board(plan);
    sleep(50).await;
    assert_eq!(count("#board-under-test [data-testid=groups] > li"), groups);
    assert!(count("#board-under-test button.person") > groups);
}

#[wasm_bindgen_test]
fn demo_plan_offers_only_actions_that_apply() {
    let plan = SessionPlan::demo().unwrap_or_else(|e| panic!("demo: {e}"));
    for id in ["d-04", "d-12", "d-13", "d-02"] {
        for action in plan.actions(id, true) {
            let mut copy = plan.clone();
            copy.change(action.change.clone())
                .unwrap_or_else(|e| panic!("{id} {action:?}: {e}"));
        }
    }
}

/// Martine can show e-mails and wants to learn photos; Paul wants e-mails; nobody knows
/// photos. Martine helps Paul, so she is in a group, and her own need waits.
fn helper_with_a_need() -> SessionPlan {
    martine_and_paul(&["email", "photos_files"], Some("photos_files"))
}

#[wasm_bindgen_test]
async fn a_helper_whose_need_waits_is_listed_as_need_not_covered() {
    let _board = mount_board(helper_with_a_need());
    sleep(20).await;
    assert_eq!(count("#board-under-test [data-testid=groups] > li"), 1);
    // In a group, so not "Sans groupe aujourd'hui".
    assert_eq!(count("#board-under-test [data-testid=unplaced]"), 0);
    assert_eq!(count("#board-under-test [data-testid=uncovered] > li"), 1);
    let section = text_of("#board-under-test [data-testid=uncovered]");
    assert!(section.contains("Martine"), "{section}");
    let titles: Vec<String> = {
        let list = document()
            .query_selector_all("#board-under-test h2")
            .unwrap_or_else(|_| panic!("a valid selector"));
        (0..list.length())
            .filter_map(|i| list.item(i).and_then(|n| n.text_content()))
            .collect()
    };
    assert!(
        titles.iter().any(|t| t == "Besoin non couvert aujourd'hui"),
        "{titles:?}"
    );
    assert!(
        !titles.iter().any(|t| t == "Sans groupe aujourd'hui"),
        "{titles:?}"
    );
    let reason = text_of("#board-under-test [data-testid=uncovered] p");
    assert!(
        reason.starts_with("Besoin non couvert aujourd'hui\u{a0}: Martine aide Paul"),
        "{reason}"
    );
    assert!(reason.contains("attendra"), "{reason}");
}
