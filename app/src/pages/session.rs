//! Today's session: the engine's proposal of help groups as cards, each with its reason;
//! the animator taps a name to move the person, swap their role or set them aside, and the
//! groups are recomputed around every choice made; then they confirm. No dragging.

use crate::components::page::Page;
use crate::i18n::*;
use crate::services::session::{ActionLabel, ActionView, PersonView, SessionPlan, UnplacedView};
use crate::state::use_app_state;
use entraide_core::matching::{Change, Solution};
use entraide_core::screens::Screen;
use leptos::prelude::*;

/// The session screen.
#[component]
pub fn SessionPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let start_demo = move |_| state.demo.set(true);
    view! {
        <Page screen=Screen::Session>
            <Show
                when=move || state.demo.get()
                fallback=move || {
                    view! {
                        <div class="card">
                            <p>{t!(i18n, session_demo_needed)}</p>
                            <button class="button button-primary button-wide" on:click=start_demo>
                                {t!(i18n, home_demo)}
                            </button>
                        </div>
                    }
                }
            >
                <SessionBoard plan=SessionPlan::demo() />
            </Show>
        </Page>
    }
}

/// The animator's board for one session: proposal, changes, confirmation.
#[component]
pub fn SessionBoard(
    /// The session to shape, or why it could not be prepared.
    plan: Result<SessionPlan, String>,
    /// On a real session: the groups the animator confirmed, to write into the record (the
    /// demo board has none, and offers its size switch instead).
    #[prop(optional)]
    on_confirm: Option<Callback<Solution>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let plan = match plan {
        Ok(p) => p,
        Err(e) => {
            return view! {
                <p class="card error" role="alert">{t!(i18n, session_error)} " " {e}</p>
            }
            .into_any()
        }
    };
    let plan = RwSignal::new(plan);
    let selected = RwSignal::new(None::<PersonView>);
    let status = RwSignal::new(None::<String>);
    let confirmed = RwSignal::new(false);
    let french = move || i18n.get_locale() == Locale::fr;

    let apply = move |change: Change| {
        let result = plan.try_update(|p| p.change(change)).unwrap_or(Ok(()));
        selected.set(None);
        status.set(Some(match result {
            Ok(()) => t_string!(i18n, session_recomputed).to_string(),
            Err(e) => format!("{} ({e})", t_string!(i18n, session_refused)),
        }));
    };
    let switch_size = move |_| {
        let large = plan.with(|p| p.needing()) < 20;
        let next = if large {
            SessionPlan::large_demo(60)
        } else {
            SessionPlan::demo()
        };
        match next {
            Ok(p) => plan.set(p),
            Err(e) => status.set(Some(e)),
        }
        selected.set(None);
        confirmed.set(false);
    };
    let undo_all = move |_| {
        if let Some(Err(e)) = plan.try_update(|p| p.reset()) {
            status.set(Some(e.to_string()));
        } else {
            status.set(None);
        }
    };

    let helped = move || plan.with(|p| p.solution().objective.helped);
    let groups = move || plan.with(|p| p.solution().groups.len());
    let needing = move || plan.with(|p| p.needing());
    let optimal = move || plan.with(|p| p.solution().optimal);

    view! {
        <div class="session" data-testid="session-board">
            <p class="summary" data-testid="session-summary">
                {t!(i18n, session_summary, helped = helped, needing = needing, groups = groups)}
            </p>
            <p class="hint">
                {move || {
                    if optimal() {
                        t_string!(i18n, session_optimal).to_string()
                    } else {
                        plan.with(|p| p.gap(french()))
                            .unwrap_or_else(|| t_string!(i18n, session_not_optimal).to_string())
                    }
                }}
            </p>
            <p class="status" role="status" data-testid="session-status">
                {move || status.get().unwrap_or_default()}
            </p>
            <Show when=move || confirmed.get()>
                <div class="card confirmed" data-testid="session-confirmed">
                    <p>{t!(i18n, session_confirmed)}</p>
                    <button class="button" on:click=move |_| confirmed.set(false)>
                        {t!(i18n, session_edit_again)}
                    </button>
                </div>
            </Show>
            <ActionSheet selected=selected plan=plan apply=Callback::new(apply) />
            <h2>{t!(i18n, session_groups_title)}</h2>
            <Show when=move || !confirmed.get()>
                <p class="hint">{t!(i18n, session_tap_hint)}</p>
            </Show>
            <ol class="groups" data-testid="groups">
                <For
                    each=move || plan.with(|p| p.groups(french()))
                    key=|g| (g.helper.id.clone(), g.helped.clone(), g.reason.clone(), g.kept)
                    let:group
                >
                    <GroupCard group=group selected=selected confirmed=confirmed apply=Callback::new(apply) />
                </For>
            </ol>
            <Show when=move || plan.with(|p| p.solution().groups.is_empty())>
                <p class="card">{t!(i18n, session_no_group)}</p>
            </Show>
            <Show when=move || plan.with(|p| !p.solution().unplaced.is_empty())>
                <h2>{t!(i18n, session_unplaced_title)}</h2>
                <ReasonList
                    testid="unplaced"
                    items=Signal::derive(move || plan.with(|p| p.unplaced(french())))
                    selected=selected
                    confirmed=confirmed
                />
            </Show>
            <Show when=move || plan.with(|p| !p.solution().uncovered.is_empty())>
                <h2>{t!(i18n, session_uncovered_title)}</h2>
                <ReasonList
                    testid="uncovered"
                    items=Signal::derive(move || plan.with(|p| p.uncovered(french())))
                    selected=selected
                    confirmed=confirmed
                />
            </Show>
            <Show when=move || plan.with(|p| !p.set_aside().is_empty())>
                <h2>{t!(i18n, session_set_aside_title)}</h2>
                <ul class="set-aside" data-testid="set-aside">
                    <For each=move || plan.with(|p| p.set_aside()) key=|p| p.id.clone() let:person>
                        <li>
                            <button
                                class="button"
                                on:click={
                                    let id = person.id.clone();
                                    move |_| apply(Change::BringBack { person: id.clone() })
                                }
                            >
                                {
                                    let name = person.name.clone();
                                    t!(i18n, session_bring_back, name = move || name.clone())
                                }
                            </button>
                        </li>
                    </For>
                </ul>
            </Show>
            <div class="actions">
                <Show when=move || !confirmed.get()>
                    <button
                        class="button button-primary button-wide"
                        data-testid="confirm-groups"
                        on:click=move |_| {
                            selected.set(None);
                            confirmed.set(true);
                            if let Some(confirm) = on_confirm {
                                confirm.run(plan.with_untracked(|p| p.solution().clone()));
                            }
                        }
                    >
                        {t!(i18n, session_confirm)}
                    </button>
                </Show>
                <Show when=move || plan.with(|p| p.changed())>
                    <button class="button button-wide" on:click=undo_all>
                        {t!(i18n, session_undo_all)}
                    </button>
                </Show>
                <Show when=move || on_confirm.is_none()>
                    <button class="button button-wide" data-testid="switch-size" on:click=switch_size>
                        {move || {
                            if plan.with(|p| p.needing()) < 20 {
                                t_string!(i18n, session_large_demo)
                            } else {
                                t_string!(i18n, session_small_demo)
                            }
                        }}
                    </button>
                </Show>
            </div>
        </div>
    }
    .into_any()
}

/// People listed apart with the reason (no group today, or a need that waits).
#[component]
fn ReasonList(
    /// The list's `data-testid` and class.
    testid: &'static str,
    /// Who, and why.
    items: Signal<Vec<UnplacedView>>,
    /// The person whose actions are open.
    selected: RwSignal<Option<PersonView>>,
    /// Once confirmed, names are plain text.
    confirmed: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <ul class=testid data-testid=testid>
            <For each=move || items.get() key=|u| (u.person.id.clone(), u.reason.clone()) let:item>
                <li class="card">
                    <PersonButton person=item.person.clone() selected=selected confirmed=confirmed />
                    <p>{item.reason.clone()}</p>
                </li>
            </For>
        </ul>
    }
}

/// A name that opens the person's actions when tapped.
#[component]
fn PersonButton(
    /// Who.
    person: PersonView,
    /// The person whose actions are open.
    selected: RwSignal<Option<PersonView>>,
    /// Once confirmed, names are plain text.
    confirmed: RwSignal<bool>,
) -> impl IntoView {
    let name = person.name.clone();
    let id = person.id.clone();
    let open = move |_| selected.set(Some(person.clone()));
    view! {
        <button
            class="person"
            data-person=id
            disabled=move || confirmed.get()
            aria-haspopup="dialog"
            on:click=open
        >
            {name}
        </button>
    }
}

/// One proposed group.
#[component]
fn GroupCard(
    /// The group.
    group: crate::services::session::GroupView,
    /// The person whose actions are open.
    selected: RwSignal<Option<PersonView>>,
    /// Whether the groups are confirmed.
    confirmed: RwSignal<bool>,
    /// Applies a change.
    apply: Callback<Change>,
) -> impl IntoView {
    let i18n = use_i18n();
    let helper_id = group.helper.id.clone();
    let kept = group.kept;
    let toggle = move |_| {
        let helper = helper_id.clone();
        apply.run(if kept {
            Change::Release { helper }
        } else {
            Change::Keep { helper }
        });
    };
    view! {
        <li class="card group" class:kept=kept data-helper=group.helper.id.clone()>
            <h3>{group.topic.clone()}</h3>
            <p class="role-line">
                <span class="role">{t!(i18n, session_helper)}</span>
                <PersonButton person=group.helper.clone() selected=selected confirmed=confirmed />
            </p>
            <p class="role-line">
                <span class="role">{t!(i18n, session_helped)}</span>
                {group
                    .helped
                    .iter()
                    .map(|p| view! { <PersonButton person=p.clone() selected=selected confirmed=confirmed /> })
                    .collect_view()}
            </p>
            <p class="reason">{group.reason.clone()}</p>
            <Show when=move || !confirmed.get()>
                <button class="button keep" aria-pressed=if kept { "true" } else { "false" } on:click=toggle.clone()>
                    {if kept { t_string!(i18n, session_kept) } else { t_string!(i18n, session_keep) }}
                </button>
            </Show>
        </li>
    }
}

/// The actions for the selected person, as large buttons (a sheet, not a menu to drag).
#[component]
fn ActionSheet(
    /// The person whose actions are open.
    selected: RwSignal<Option<PersonView>>,
    /// The session.
    plan: RwSignal<SessionPlan>,
    /// Applies a change.
    apply: Callback<Change>,
) -> impl IntoView {
    let i18n = use_i18n();
    let french = move || i18n.get_locale() == Locale::fr;
    // Move the focus to the sheet when it opens, so screen readers and keyboards follow.
    Effect::new(move |_| {
        if selected.get().is_some() {
            request_animation_frame(|| {
                let title = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id("action-sheet-title"))
                    .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
                if let Some(title) = title {
                    let _ = title.focus();
                }
            });
        }
    });
    let label = move |action: &ActionView, name: &str| {
        let name = name.to_string();
        match action.label.clone() {
            ActionLabel::MoveTo(helper, topic) => t!(
                i18n,
                session_move_to,
                helper = move || helper.clone(),
                topic = move || topic.clone()
            )
            .into_any(),
            ActionLabel::MakeHelper => {
                t!(i18n, session_make_helper, name = move || name.clone()).into_any()
            }
            ActionLabel::MakeHelped => {
                t!(i18n, session_make_helped, name = move || name.clone()).into_any()
            }
            ActionLabel::SetAside => {
                t!(i18n, session_set_aside, name = move || name.clone()).into_any()
            }
        }
    };
    view! {
        {move || {
            selected
                .get()
                .map(|person| {
                    let actions = plan.with(|p| p.actions(&person.id, french()));
                    let name = person.name.clone();
                    view! {
                        <section
                            class="sheet card"
                            role="dialog"
                            aria-labelledby="action-sheet-title"
                            data-testid="action-sheet"
                        >
                            <h2 id="action-sheet-title" tabindex="-1">
                                {t!(i18n, session_actions_title, name = move || name.clone())}
                            </h2>
                            {actions
                                .into_iter()
                                .map(|action| {
                                    let text = label(&action, &person.name);
                                    let change = action.change.clone();
                                    view! {
                                        <button class="button button-wide" on:click=move |_| apply.run(change.clone())>
                                            {text}
                                        </button>
                                    }
                                })
                                .collect_view()}
                            <button class="button button-quiet button-wide" on:click=move |_| selected.set(None)>
                                {t!(i18n, session_close)}
                            </button>
                        </section>
                    }
                })
        }}
    }
}
