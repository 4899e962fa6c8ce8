//! My group: join one by scanning the animator's invitation, or create one and invite
//! people; members, confirmation codes, and undo. In demo mode, the made-up demo group.

use entraide_core::transfer::pairing::{Purpose, ReadOffer};
use entraide_core::transfer::GroupId;
use entraide_core::{demo, screens::Screen};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::charter::{CharterToAccept, GroupCharter};
use crate::components::confirm_code::{ConfirmCode, ExchangeFailure};
use crate::components::page::Page;
use crate::components::qr_display::QrDisplay;
use crate::components::record_exchange::{
    CollectSessions, GiveSession, HandBack, ReceiveHandBack, TipsBoard,
};
use crate::components::relays::RelaysBoard;
use crate::components::scanner::Scanner;
use crate::components::session_today::TodaySession;
use crate::components::vault_forms::LockedScreen;
use crate::i18n::*;
use crate::services::handover;
use crate::services::membership::{self, Group, GroupRole, Member, Membership, MembershipError};
use crate::services::vault::VaultStatus;
use crate::state::use_app_state;

/// The group screen.
#[component]
pub fn GroupPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    view! {
        <Page screen=Screen::Group>
            <Show
                when=move || state.demo.get()
                fallback=move || view! {
                    <Show
                        when=move || state.vault.get() == VaultStatus::Unlocked
                        fallback=move || view! { <LockedScreen testid="group-locked">{t!(i18n, group_locked)}</LockedScreen> }
                    >
                        <GroupBoard />
                    </Show>
                }
            >
                <h2>{t!(i18n, group_demo_name)}</h2>
                <h3>{t!(i18n, group_members)}</h3>
                <ul class="people" data-testid="demo-members">
                    {demo::members()
                        .iter()
                        .map(|m| view! { <li>{m.nickname}</li> })
                        .collect_view()}
                </ul>
            </Show>
        </Page>
    }
}

/// Where the person is in the group screen.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    List,
    Create,
    Invite(GroupId),
    ScanAnswer(GroupId),
    Welcomed(GroupId, Member),
    ScanInvitation,
    Charter(ReadOffer),
    Answer {
        group: GroupId,
        answer: Vec<u8>,
        code: String,
        animator: String,
    },
    /// A participant shows their hand-over.
    Give(GroupId),
    /// The animator scans the phones' hand-overs.
    Collect(GroupId),
    /// The animator shows the hand-back to the room.
    HandBack(GroupId),
    /// A member scans the hand-back.
    ReceiveBack(GroupId),
    /// The group's tips.
    Tips(GroupId),
    /// Today's session.
    Today(GroupId),
    /// The group's charter (read; the animator writes the next version).
    GroupCharter(GroupId),
    /// The relays for sensitive needs.
    Relays(GroupId),
}

type Failure = Option<(&'static str, String)>;

fn failed(failure: RwSignal<Failure>, error: &MembershipError) {
    let detail = match error {
        // The guard's own sentences, French then English (see ExchangeFailure).
        MembershipError::Sensitive(refusal) => {
            crate::components::vault_error::refusal_detail(refusal)
        }
        other => other.to_string(),
    };
    failure.set(Some((error.code(), detail)));
}

#[component]
fn GroupBoard() -> impl IntoView {
    let i18n = use_i18n();
    let membership = RwSignal::new(None::<Membership>);
    let step = RwSignal::new(Step::List);
    let failure = RwSignal::new(None::<(&'static str, String)>);
    let state = crate::state::use_app_state();
    // After a change, the group's record catches up with it (the screens still write the
    // earlier document; see services::record).
    let load = move |changed: bool| {
        spawn_local(async move {
            match membership::load().await {
                Ok(m) => membership.set(Some(m)),
                Err(e) => failed(failure, &e),
            }
            if changed && !state.demo.get_untracked() {
                state.load_records().await;
            }
        });
    };
    load(false);
    let reload = move || load(true);
    let go = move |next: Step| {
        failure.set(None);
        step.set(next);
    };

    view! {
        <ExchangeFailure failure=failure />
        {move || match step.get() {
            Step::List => view! { <GroupList membership=membership go=Callback::new(go) failure=failure reload=Callback::new(move |()| reload()) /> }.into_any(),
            Step::Create => view! { <CreateGroup go=Callback::new(go) failure=failure membership=membership /> }.into_any(),
            Step::Invite(id) => {
                let group = membership.with(|m| {
                    m.as_ref().and_then(|m| m.groups.iter().find(|g| g.id == id).cloned())
                });
                match group {
                    Some(group) => view! {
                        <section class="card" data-testid="invite">
                            <h2>{t!(i18n, group_invite_title)}</h2>
                            <p>{t!(i18n, group_invite_intro)}</p>
                            <QrDisplay payload=group.shown.clone() label=t_string!(i18n, group_invite_label).to_string() />
                            <button type="button" class="button button-primary button-wide" data-testid="scan-answer" on:click=move |_| go(Step::ScanAnswer(id))>
                                {t!(i18n, group_scan_answer)}
                            </button>
                            <button type="button" class="button button-quiet button-wide" on:click=move |_| { reload(); go(Step::List) }>
                                {t!(i18n, common_back)}
                            </button>
                        </section>
                    }.into_any(),
                    None => view! { <p class="card">{t!(i18n, group_unknown)}</p> }.into_any(),
                }
            }
            Step::ScanAnswer(id) => {
                let on_payload = Callback::new(move |bytes: Vec<u8>| {
                    spawn_local(async move {
                        match membership::accept_answer(id, &bytes).await {
                            Ok(member) => { reload(); go(Step::Welcomed(id, member)) }
                            Err(e) => { go(Step::Invite(id)); failed(failure, &e) }
                        }
                    });
                });
                view! {
                    <section class="card">
                        <h2>{t!(i18n, group_scan_answer)}</h2>
                        <Scanner on_payload=on_payload hint=t_string!(i18n, group_scan_answer_hint).to_string() />
                        <button type="button" class="button button-quiet button-wide" on:click=move |_| go(Step::Invite(id))>
                            {t!(i18n, common_back)}
                        </button>
                    </section>
                }.into_any()
            }
            Step::Welcomed(id, member) => {
                let person = member.contact.person;
                let name = member.contact.name.clone();
                let undo = move |_| {
                    spawn_local(async move {
                        match membership::remove_member(id, person).await {
                            Ok(()) => { reload(); go(Step::Invite(id)) }
                            Err(e) => failed(failure, &e),
                        }
                    });
                };
                view! {
                    <section class="card" data-testid="welcomed">
                        <h2>{t_string!(i18n, group_welcomed).to_string().replace("{name}", &name)}</h2>
                        <ConfirmCode code=member.code.clone() partner=name.clone() />
                        <button type="button" class="button button-primary button-wide" on:click=move |_| go(Step::Invite(id))>
                            {t!(i18n, group_next_person)}
                        </button>
                        <button type="button" class="button button-wide" on:click=move |_| go(Step::List)>
                            {t!(i18n, common_done)}
                        </button>
                        <button type="button" class="button button-quiet button-wide" data-testid="undo" on:click=undo>
                            {t!(i18n, group_undo_member)}
                        </button>
                    </section>
                }.into_any()
            }
            Step::ScanInvitation => {
                let on_payload = Callback::new(move |bytes: Vec<u8>| {
                    spawn_local(async move {
                        match membership::read_invitation(&bytes).await {
                            Ok(offer) => go(Step::Charter(offer)),
                            Err(e) => { go(Step::List); failed(failure, &e) }
                        }
                    });
                });
                view! {
                    <section class="card">
                        <h2>{t!(i18n, group_join)}</h2>
                        <Scanner on_payload=on_payload hint=t_string!(i18n, group_scan_invitation_hint).to_string() />
                        <button type="button" class="button button-quiet button-wide" on:click=move |_| go(Step::List)>
                            {t!(i18n, common_back)}
                        </button>
                    </section>
                }.into_any()
            }
            Step::Charter(offer) => view! { <Charter offer=offer go=Callback::new(go) failure=failure /> }.into_any(),
            Step::Give(id) => view! { <GiveSession group=id done=Callback::new(move |()| go(Step::List)) /> }.into_any(),
            Step::Collect(id) => view! { <CollectSessions group=id done=Callback::new(move |()| go(Step::List)) /> }.into_any(),
            Step::HandBack(id) => view! { <HandBack group=id done=Callback::new(move |()| go(Step::List)) /> }.into_any(),
            Step::ReceiveBack(id) => view! { <ReceiveHandBack group=id done=Callback::new(move |()| go(Step::List)) /> }.into_any(),
            Step::Tips(id) => view! { <TipsBoard group=id done=Callback::new(move |()| go(Step::List)) /> }.into_any(),
            Step::Today(id) => {
                // Read once: a change to the record must not rebuild the screen (and lose
                // what the scanner or a form holds).
                let animates = untrack(|| handover::animates(state, id));
                view! { <TodaySession group=id animates=animates done=Callback::new(move |()| go(Step::List)) /> }.into_any()
            }
            Step::GroupCharter(id) => {
                let animates = untrack(|| handover::animates(state, id));
                view! { <GroupCharter group=id animates=animates done=Callback::new(move |()| go(Step::List)) /> }.into_any()
            }
            Step::Relays(id) => {
                let animates = untrack(|| handover::animates(state, id));
                view! { <RelaysBoard group=id animates=animates done=Callback::new(move |()| go(Step::List)) /> }.into_any()
            }
            Step::Answer { group, answer, code, animator } => {
                let leave = move |_| {
                    spawn_local(async move {
                        match membership::leave_group(group).await {
                            Ok(()) => { reload(); go(Step::List) }
                            Err(e) => failed(failure, &e),
                        }
                    });
                };
                view! {
                    <section class="card" data-testid="join-answer">
                        <h2>{t!(i18n, group_answer_title)}</h2>
                        <p>{t_string!(i18n, group_answer_intro).to_string().replace("{name}", &animator)}</p>
                        <QrDisplay payload=answer label=t_string!(i18n, group_answer_label).to_string() />
                        <ConfirmCode code=code partner=animator.clone() />
                        <button type="button" class="button button-primary button-wide" data-testid="answer-done" on:click=move |_| { reload(); go(Step::List) }>
                            {t!(i18n, common_done)}
                        </button>
                        <button type="button" class="button button-quiet button-wide" data-testid="undo" on:click=leave>
                            {t!(i18n, group_undo_join)}
                        </button>
                    </section>
                }.into_any()
            }
        }}
    }
}

#[component]
fn GroupList(
    membership: RwSignal<Option<Membership>>,
    go: Callback<Step>,
    failure: RwSignal<Failure>,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let groups =
        move || membership.with(|m| m.as_ref().map(|m| m.groups.clone()).unwrap_or_default());
    view! {
        <Show when=move || groups().is_empty()>
            <p class="card" data-testid="group-empty">{t!(i18n, group_empty)}</p>
        </Show>
        <ul class="group-list" data-testid="groups">
            <For each=groups key=|g| (g.id, g.members.len()) let:group>
                <GroupCard group=group go=go failure=failure reload=reload />
            </For>
        </ul>
        <div class="actions-column">
            <button type="button" class="button button-primary button-wide" data-testid="join-group" on:click=move |_| go.run(Step::ScanInvitation)>
                {t!(i18n, group_join)}
            </button>
            <button type="button" class="button button-wide" data-testid="create-group" on:click=move |_| go.run(Step::Create)>
                {t!(i18n, group_create)}
            </button>
        </div>
    }
}

#[component]
fn GroupCard(
    group: Group,
    go: Callback<Step>,
    failure: RwSignal<Failure>,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = group.id;
    let leave = move |_| {
        spawn_local(async move {
            match membership::leave_group(id).await {
                Ok(()) => reload.run(()),
                Err(e) => failed(failure, &e),
            }
        });
    };
    let remove = move |person| {
        spawn_local(async move {
            match membership::remove_member(id, person).await {
                Ok(()) => reload.run(()),
                Err(e) => failed(failure, &e),
            }
        });
    };
    let state = use_app_state();
    let name_co_animator = move |person| {
        let co = !handover::is_co_animator(state, id, person);
        spawn_local(async move {
            if let Err(e) = handover::set_co_animator(state, id, person, co).await {
                failure.set(Some((e.code(), e.detail())));
            }
        });
    };
    let body = match group.role {
        GroupRole::Animator => view! {
            <p>{t!(i18n, group_you_animate)}</p>
            <h3>{t!(i18n, group_members)}</h3>
            <Show when={let empty = group.members.is_empty(); move || empty}>
                <p class="hint">{t!(i18n, group_no_member)}</p>
            </Show>
            <ul class="people" data-testid="members">
                {group.members.iter().map(|m| {
                    let person = m.contact.person;
                    view! {
                        <li>
                            <span>{m.contact.name.clone()}</span>
                            <span class="hint">{format!(" · {}", m.code.replace(' ', "\u{a0}"))}</span>
                            <Show when=move || handover::is_co_animator(state, id, person)>
                                <span class="hint" data-testid="co-animator">{t!(i18n, group_co_animator)}</span>
                            </Show>
                            <button type="button" class="button button-small" on:click=move |_| remove(person)>
                                {t!(i18n, group_remove)}
                            </button>
                            <button
                                type="button"
                                class="button button-small"
                                data-testid="toggle-co-animator"
                                on:click=move |_| name_co_animator(person)
                            >
                                {move || if handover::is_co_animator(state, id, person) {
                                    t_string!(i18n, group_co_animator_undo)
                                } else {
                                    t_string!(i18n, group_co_animator_name)
                                }}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <button type="button" class="button button-primary button-wide" data-testid="show-invitation" on:click=move |_| go.run(Step::Invite(id))>
                {t!(i18n, group_show_invitation)}
            </button>
            <div class="actions-column" data-testid="record-actions">
                <button type="button" class="button button-primary button-wide" data-testid="today-start" on:click=move |_| go.run(Step::Today(id))>
                    {t!(i18n, today_title)}
                </button>
                <AnimatorButtons id=id go=go />
                <button type="button" class="button button-wide" data-testid="tips-start" on:click=move |_| go.run(Step::Tips(id))>
                    {t!(i18n, group_tips)}
                </button>
                <SafetyButtons id=id go=go />
                <button type="button" class="button button-wide" data-testid="give-session-start" on:click=move |_| go.run(Step::Give(id))>
                    {t!(i18n, group_give_peer)}
                </button>
            </div>
            <button type="button" class="button button-quiet button-wide" on:click=leave>
                {t!(i18n, group_delete)}
            </button>
        }.into_any(),
        GroupRole::Member => {
            let animator = group.animator.name.clone();
            let code = group.code.clone().unwrap_or_default();
            view! {
                <p>{t_string!(i18n, group_animated_by).to_string().replace("{name}", &animator)}</p>
                <p>{t_string!(i18n, group_your_code).to_string().replace("{code}", &code.replace(' ', "\u{a0}"))}</p>
                <div class="actions-column" data-testid="record-actions">
                    <button type="button" class="button button-primary button-wide" data-testid="receive-back-start" on:click=move |_| go.run(Step::ReceiveBack(id))>
                        {t!(i18n, group_receive_back)}
                    </button>
                    <button type="button" class="button button-wide" data-testid="today-start" on:click=move |_| go.run(Step::Today(id))>
                        {t!(i18n, today_title)}
                    </button>
                    <button type="button" class="button button-wide" data-testid="tips-start" on:click=move |_| go.run(Step::Tips(id))>
                        {t!(i18n, group_tips)}
                    </button>
                    <SafetyButtons id=id go=go />
                    <button type="button" class="button button-wide" data-testid="give-session-start" on:click=move |_| go.run(Step::Give(id))>
                        {t!(i18n, group_give_session)}
                    </button>
                    // A co-animator's phone also receives the sessions and hands back.
                    <Show when=move || handover::animates(state, id)>
                        <p class="hint" data-testid="you-co-animate">{t!(i18n, group_you_co_animate)}</p>
                        <AnimatorButtons id=id go=go />
                    </Show>
                </div>
                <button type="button" class="button button-quiet button-wide" data-testid="leave-group" on:click=leave>
                    {t!(i18n, group_leave)}
                </button>
            }.into_any()
        }
    };
    view! {
        <li class="card group-card" data-testid="group-card">
            <h2>{group.name.clone()}</h2>
            <CharterToAccept group=id />
            {body}
        </li>
    }
}

/// What only an animator's phone does with the record: receive the phones' sessions and
/// hand back to the room.
#[component]
fn AnimatorButtons(id: GroupId, go: Callback<Step>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button type="button" class="button button-wide" data-testid="collect-sessions-start" on:click=move |_| go.run(Step::Collect(id))>
            {t!(i18n, group_collect)}
        </button>
        <button type="button" class="button button-wide" data-testid="hand-back-start" on:click=move |_| go.run(Step::HandBack(id))>
            {t!(i18n, group_hand_back)}
        </button>
    }
}

/// The group's safety rules: its charter and the relays for sensitive needs.
#[component]
fn SafetyButtons(id: GroupId, go: Callback<Step>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button type="button" class="button button-wide" data-testid="charter-start" on:click=move |_| go.run(Step::GroupCharter(id))>
            {t!(i18n, charter_title)}
        </button>
        <button type="button" class="button button-wide" data-testid="relays-start" on:click=move |_| go.run(Step::Relays(id))>
            {t!(i18n, relays_title)}
        </button>
    }
}

#[component]
fn CreateGroup(
    go: Callback<Step>,
    failure: RwSignal<Failure>,
    membership: RwSignal<Option<Membership>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let working = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        working.set(true);
        spawn_local(async move {
            match membership::create_group(&name.get_untracked()).await {
                Ok(group) => {
                    let id = group.id;
                    membership
                        .update(|m| m.get_or_insert_with(Default::default).groups.push(group));
                    go.run(Step::Invite(id));
                }
                Err(e) => failed(failure, &e),
            }
            working.set(false);
        });
    };
    view! {
        <form class="card form" on:submit=submit>
            <h2>{t!(i18n, group_create)}</h2>
            <label for="group-name">{t!(i18n, group_name_label)}</label>
            <input id="group-name" type="text" maxlength="40" autocomplete="off" required=true
                prop:value=name on:input=move |ev| name.set(event_target_value(&ev)) data-testid="group-name" />
            <button type="submit" class="button button-primary button-wide" disabled=working data-testid="create-group-submit">
                {t!(i18n, group_create_submit)}
            </button>
            <button type="button" class="button button-quiet button-wide" on:click=move |_| go.run(Step::List)>
                {t!(i18n, common_back)}
            </button>
        </form>
    }
}

#[component]
fn Charter(offer: ReadOffer, go: Callback<Step>, failure: RwSignal<Failure>) -> impl IntoView {
    let i18n = use_i18n();
    let group_name = match &offer.offer.purpose {
        Purpose::Join { group_name, .. } => group_name.clone(),
        Purpose::Pair { .. } => String::new(),
    };
    let animator = offer.offer.name.clone();
    let working = RwSignal::new(false);
    let accept = {
        let offer = offer.clone();
        let animator = animator.clone();
        move |_| {
            working.set(true);
            let offer = offer.clone();
            let animator = animator.clone();
            spawn_local(async move {
                match membership::join(&offer).await {
                    Ok((answer, code)) => go.run(Step::Answer {
                        group: offer.group,
                        answer,
                        code: code.to_string(),
                        animator,
                    }),
                    Err(e) => failed(failure, &e),
                }
                working.set(false);
            });
        }
    };
    view! {
        <section class="card" data-testid="charter">
            <h2>{t_string!(i18n, group_join_question).to_string().replace("{group}", &group_name)}</h2>
            <p>{t_string!(i18n, group_animated_by).to_string().replace("{name}", &animator)}</p>
            <h3>{t!(i18n, charter_title)}</h3>
            <ul class="charter">
                <li>{t!(i18n, charter_1)}</li>
                <li>{t!(i18n, charter_2)}</li>
                <li>{t!(i18n, charter_3)}</li>
                <li>{t!(i18n, charter_4)}</li>
            </ul>
            <button type="button" class="button button-primary button-wide" disabled=working data-testid="accept-charter" on:click=accept>
                {t!(i18n, charter_accept)}
            </button>
            <button type="button" class="button button-quiet button-wide" on:click=move |_| go.run(Step::List)>
                {t!(i18n, common_cancel)}
            </button>
        </section>
    }
}
