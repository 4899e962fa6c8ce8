//! The group's record in the room, by QR code: "Donner ma séance à l'animateur" on a
//! participant's phone, the animator scanning phones one after the other (what came in,
//! in plain words, after each), "Rendre au groupe" for the whole room, the phone that
//! scans it, and the group's tips with a form to write one.

use entraide_core::transfer::GroupId;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::confirm_code::ExchangeFailure;
use crate::components::qr_display::QrDisplay;
use crate::components::scanner::Scanner;
use crate::i18n::*;
use crate::services::handover::{self, Arrival, HandoverError};
use crate::state::use_app_state;

type Failure = Option<(&'static str, String)>;

fn failed(failure: RwSignal<Failure>, error: &HandoverError) {
    failure.set(Some((error.code(), error.detail())));
}

/// The lines of an arrival in the person's language.
fn arrival_lines(arrival: &Arrival, locale: Locale) -> Vec<String> {
    if locale == Locale::fr {
        arrival.lines_fr.clone()
    } else {
        arrival.lines_en.clone()
    }
}

/// One arrival: who, and what came in.
#[component]
fn ArrivalCard(arrival: Arrival) -> impl IntoView {
    let i18n = use_i18n();
    let lines = arrival_lines(&arrival, i18n.get_locale_untracked());
    let empty = lines.is_empty();
    let from = arrival.from.clone();
    view! {
        <li class="arrival" data-testid="arrival">
            <Show when=move || empty>
                <p>
                    {t_string!(i18n, record_nothing_new)
                        .to_string()
                        .replace("{name}", &arrival.from)}
                </p>
            </Show>
            <Show when=move || !empty>
                <p class="arrival-from" data-testid="arrival-from">
                    {t_string!(i18n, record_from).to_string().replace("{name}", &from)}
                </p>
            </Show>
            <ul>
                {lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
        </li>
    }
}

/// The reassurance that passwords stay with their owner.
#[component]
pub fn PasswordsStayYours() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="reassurance" data-testid="reassurance">{t!(i18n, record_passwords_stay)}</p> }
}

/// "Donner ma séance à l'animateur": this phone's hand-over as one or several codes.
#[component]
pub fn GiveSession(group: GroupId, done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let payload = RwSignal::new(None::<Vec<u8>>);
    let failure = RwSignal::new(None::<(&'static str, String)>);
    let pending = handover::pending(state, group);
    let animator = handover::animates(state, group);
    spawn_local(async move {
        match handover::give(state, group).await {
            Ok(bytes) => payload.set(Some(bytes)),
            Err(e) => failed(failure, &e),
        }
    });
    let label = Signal::derive(move || t_string!(i18n, record_give_label).to_string());
    view! {
        <section class="card" data-testid="give-session">
            <h2>
                {move || if animator {
                    t_string!(i18n, record_give_peer_title)
                } else {
                    t_string!(i18n, record_give_title)
                }}
            </h2>
            <p>
                {move || {
                    if animator {
                        t_string!(i18n, record_give_peer_intro).to_string()
                    } else if pending == 0 {
                        t_string!(i18n, record_give_nothing).to_string()
                    } else {
                        t_string!(i18n, record_give_intro)
                            .to_string()
                            .replace("{count}", &pending.to_string())
                    }
                }}
            </p>
            <ExchangeFailure failure=failure />
            {move || {
                payload
                    .get()
                    .map(|bytes| view! { <QrDisplay payload=Signal::derive(move || bytes.clone()) label=label /> })
            }}
            <p class="hint">{t!(i18n, record_give_private)}</p>
            <button type="button" class="button button-primary button-wide" data-testid="give-done" on:click=move |_| done.run(())>
                {t!(i18n, record_done)}
            </button>
        </section>
    }
}

/// The animator scans the phones one after the other; after each, what came in.
#[component]
pub fn CollectSessions(group: GroupId, done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let arrivals = RwSignal::new(Vec::<Arrival>::new());
    let failure = RwSignal::new(None::<(&'static str, String)>);
    // A new scanner after each phone, so the next one can be scanned at once.
    let round = RwSignal::new(0u32);
    let on_payload = Callback::new(move |bytes: Vec<u8>| {
        spawn_local(async move {
            match handover::receive_handover(state, group, bytes).await {
                Ok(arrival) => {
                    failure.set(None);
                    arrivals.update(|a| a.push(arrival));
                }
                Err(e) => failed(failure, &e),
            }
            round.update(|r| *r += 1);
        });
    });
    let hint = Signal::derive(move || t_string!(i18n, record_collect_hint).to_string());
    // Newest first, each keyed by its place in the order of arrival.
    let newest_first = move || {
        arrivals
            .get()
            .into_iter()
            .enumerate()
            .rev()
            .collect::<Vec<_>>()
    };
    view! {
        <section class="card" data-testid="collect-sessions">
            <h2>{t!(i18n, record_collect_title)}</h2>
            <p>{t!(i18n, record_collect_intro)}</p>
            <ExchangeFailure failure=failure />
            <ul class="arrivals" data-testid="arrivals" aria-live="polite">
                <For each=newest_first key=|(i, _)| *i let:item>
                    <ArrivalCard arrival=item.1 />
                </For>
            </ul>
            <p class="hint" data-testid="collect-count">
                {move || {
                    t_string!(i18n, record_collect_count)
                        .to_string()
                        .replace("{count}", &arrivals.with(Vec::len).to_string())
                }}
            </p>
            {move || {
                round.track();
                view! { <Scanner on_payload=on_payload hint=hint /> }
            }}
            <button type="button" class="button button-primary button-wide" data-testid="collect-done" on:click=move |_| done.run(())>
                {t!(i18n, record_done)}
            </button>
        </section>
    }
}

/// "Rendre au groupe": one code for every phone in the room.
#[component]
pub fn HandBack(group: GroupId, done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let payload = RwSignal::new(None::<Vec<u8>>);
    let failure = RwSignal::new(None::<(&'static str, String)>);
    spawn_local(async move {
        match handover::hand_back(state, group).await {
            Ok(bytes) => payload.set(Some(bytes)),
            Err(e) => failed(failure, &e),
        }
    });
    let label = Signal::derive(move || t_string!(i18n, record_handback_label).to_string());
    view! {
        <section class="card" data-testid="hand-back">
            <h2>{t!(i18n, record_handback_title)}</h2>
            <p>{t!(i18n, record_handback_intro)}</p>
            <ExchangeFailure failure=failure />
            {move || {
                payload
                    .get()
                    .map(|bytes| view! { <QrDisplay payload=Signal::derive(move || bytes.clone()) label=label /> })
            }}
            <button type="button" class="button button-primary button-wide" data-testid="handback-done" on:click=move |_| done.run(())>
                {t!(i18n, record_done)}
            </button>
        </section>
    }
}

/// A member's phone scans the animator's "Rendre au groupe" code.
#[component]
pub fn ReceiveHandBack(group: GroupId, done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let arrival = RwSignal::new(None::<Arrival>);
    let failure = RwSignal::new(None::<(&'static str, String)>);
    let round = RwSignal::new(0u32);
    let on_payload = Callback::new(move |bytes: Vec<u8>| {
        spawn_local(async move {
            match handover::receive_handback(state, group, bytes).await {
                Ok(a) => {
                    failure.set(None);
                    arrival.set(Some(a));
                }
                Err(e) => {
                    failed(failure, &e);
                    round.update(|r| *r += 1);
                }
            }
        });
    });
    let hint = Signal::derive(move || t_string!(i18n, record_receive_hint).to_string());
    view! {
        <section class="card" data-testid="receive-back">
            <h2>{t!(i18n, record_receive_title)}</h2>
            <ExchangeFailure failure=failure />
            {move || match arrival.get() {
                Some(a) => view! {
                    <div data-testid="received-back">
                        <p class="success">
                            {t_string!(i18n, record_received_from).to_string().replace("{name}", &a.from)}
                        </p>
                        <ul class="arrivals"><ArrivalCard arrival=a /></ul>
                    </div>
                }
                .into_any(),
                None => {
                    round.track();
                    view! { <Scanner on_payload=on_payload hint=hint /> }.into_any()
                }
            }}
            <button type="button" class="button button-primary button-wide" data-testid="receive-done" on:click=move |_| done.run(())>
                {t!(i18n, record_done)}
            </button>
        </section>
    }
}

/// The group's tips, newest first, and the form to write one.
#[component]
pub fn TipsBoard(group: GroupId, done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let failure = RwSignal::new(None::<(&'static str, String)>);
    let text = RwSignal::new(String::new());
    let saved = RwSignal::new(false);
    let tips = move || handover::library(state, group, i18n.get_locale() == Locale::fr);
    let knows_me = move || handover::knows_me(state, group);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let typed = text.get_untracked();
        spawn_local(async move {
            match handover::write_tip(state, group, typed, None).await {
                Ok(()) => {
                    failure.set(None);
                    text.set(String::new());
                    saved.set(true);
                }
                Err(e) => failed(failure, &e),
            }
        });
    };
    view! {
        <section class="card" data-testid="tips">
            <h2>{t!(i18n, record_tips_title)}</h2>
            <Show when=move || tips().is_empty()>
                <p class="hint" data-testid="tips-empty">{t!(i18n, record_tips_empty)}</p>
            </Show>
            <ul class="tips" data-testid="tip-list">
                <For each=tips key=|tip| (tip.id.clone(), tip.text.clone()) let:tip>
                    <li class="tip">
                        <p>{tip.text.clone()}</p>
                        <p class="hint">
                            {if tip.mine {
                                t_string!(i18n, record_tip_by_me).to_string()
                            } else {
                                t_string!(i18n, record_tip_by).to_string().replace("{name}", &tip.author)
                            }}
                        </p>
                    </li>
                </For>
            </ul>
            <Show
                when=knows_me
                fallback=move || view! { <p class="hint" data-testid="tips-wait">{t!(i18n, record_tips_wait)}</p> }
            >
                <form class="form" on:submit=submit>
                    <label for="tip-text">{t!(i18n, record_tip_label)}</label>
                    <textarea
                        id="tip-text"
                        data-testid="tip-text"
                        rows="4"
                        maxlength="1000"
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                    ></textarea>
                    <PasswordsStayYours />
                    <ExchangeFailure failure=failure />
                    <Show when=move || saved.get()>
                        <p class="success" role="status" data-testid="tip-saved">{t!(i18n, record_tip_saved)}</p>
                    </Show>
                    <button type="submit" class="button button-primary button-wide" data-testid="tip-submit">
                        {t!(i18n, record_tip_submit)}
                    </button>
                </form>
            </Show>
            <button type="button" class="button button-quiet button-wide" data-testid="tips-done" on:click=move |_| done.run(())>
                {t!(i18n, record_back)}
            </button>
        </section>
    }
}
