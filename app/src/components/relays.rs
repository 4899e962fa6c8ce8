//! The group's relays: the places and professionals that take over a sensitive need.
//! Everyone reads the directory (it came in the hand-back and opens offline); the animator
//! imports a file in the national schema of places offering digital help and takes relays
//! out. [`RelaysFor`] lists the relays for a sensitive need.

use entraide_core::matching::reasons::Lang;
use entraide_core::relay::{hours, Relay};
use entraide_core::transfer::GroupId;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::confirm_code::ExchangeFailure;
use crate::i18n::*;
use crate::services::safety::{self, ImportView};
use crate::state::use_app_state;

/// One relay, its name always shown, the rest opened with a tap.
#[component]
fn RelayCard(
    relay: Relay,
    /// Offers to take it out of the directory (the animator).
    #[prop(optional)]
    on_delete: Option<Callback<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let address = format!(
        "{}, {} {}",
        relay.address.street, relay.address.postcode, relay.address.town
    );
    let address = address.trim_start_matches(", ").to_string();
    let phone = relay.phone.clone();
    let id = relay.id.clone();
    view! {
        <li class="relay" data-testid="relay">
            <details>
                <summary data-testid="relay-name">{relay.name.clone()}</summary>
                <dl class="relay-facts">
                    <dt>{t!(i18n, relays_address)}</dt>
                    <dd data-testid="relay-address">{address}</dd>
                    <Show when={let h = relay.hours.is_empty(); move || !h}>
                        <dt>{t!(i18n, relays_hours)}</dt>
                        <dd data-testid="relay-hours">
                            {let hours = relay.hours.clone();
                            move || {
                                let lang = if i18n.get_locale() == Locale::fr { Lang::Fr } else { Lang::En };
                                hours::plain(&hours, lang)
                                    .into_iter()
                                    .map(|line| view! { <span class="relay-hours-line">{line}</span> })
                                    .collect_view()
                            }}
                        </dd>
                    </Show>
                    <Show when={let s = relay.services.is_empty(); move || !s}>
                        <dt>{t!(i18n, relays_services)}</dt>
                        <dd>{relay.services.join(" · ")}</dd>
                    </Show>
                    <Show when={let a = relay.access.is_empty(); move || !a}>
                        <dt>{t!(i18n, relays_access)}</dt>
                        <dd>{relay.access.join(" · ")}</dd>
                    </Show>
                    {phone.map(|p| {
                        let tel = format!("tel:{}", p.replace(' ', ""));
                        view! {
                            <dt>{t!(i18n, relays_phone)}</dt>
                            <dd><a href=tel data-testid="relay-phone">{p}</a></dd>
                        }
                    })}
                    <Show when={let e = relay.emails.is_empty(); move || !e}>
                        <dt>{t!(i18n, relays_email)}</dt>
                        <dd>{relay.emails.join(", ")}</dd>
                    </Show>
                    <Show when={let s = relay.summary.is_empty(); move || !s}>
                        <dt>{t!(i18n, relays_summary)}</dt>
                        <dd>{relay.summary.clone()}</dd>
                    </Show>
                </dl>
                {on_delete.map(|delete| {
                    let id = id.clone();
                    view! {
                        <button type="button" class="button button-small" data-testid="relay-delete"
                            on:click=move |_| delete.run(id.clone())>
                            {t!(i18n, relays_delete)}
                        </button>
                    }
                })}
            </details>
        </li>
    }
}

/// The relays for a sensitive need on `topic`, shown under the kind sentence that says the
/// animator or a professional takes over.
#[component]
pub fn RelaysFor(group: GroupId, #[prop(into)] topic: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let found = move || safety::relays_for(state, group, &topic.get());
    view! {
        {move || {
            let (relays, chosen) = found();
            if relays.is_empty() {
                return view! { <p class="hint" data-testid="need-relays-none">{t!(i18n, relays_none_yet)}</p> }.into_any();
            }
            view! {
                <div data-testid="need-relays">
                    <p>{if chosen { t_string!(i18n, relays_for_need) } else { t_string!(i18n, relays_all) }}</p>
                    <ul class="relays">
                        {relays.into_iter().map(|relay| view! { <RelayCard relay=relay /> }).collect_view()}
                    </ul>
                </div>
            }.into_any()
        }}
    }
}

/// The relay screen: the directory, and for the animator its import and upkeep.
#[component]
pub fn RelaysBoard(group: GroupId, animates: bool, done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let relays = move || safety::relays(state, group);
    let failure = RwSignal::new(None::<(&'static str, String)>);
    let report = RwSignal::new(None::<ImportView>);
    let working = RwSignal::new(false);
    let file_input = NodeRef::<leptos::html::Input>::new();
    let import = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        report.set(None);
        let file = file_input
            .get()
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        let Some(file) = file else {
            failure.set(Some(("import_no_file", String::new())));
            return;
        };
        let french = i18n.get_locale() == Locale::fr;
        working.set(true);
        spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => {
                    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                    let text = entraide_core::relay::csv::decode(&bytes);
                    match safety::import_relays(state, group, &text, french).await {
                        Ok(view) => report.set(Some(view)),
                        Err(e) => failure.set(Some((e.code(), e.detail()))),
                    }
                }
                Err(e) => failure.set(Some(("storage", format!("{e:?}")))),
            }
            working.set(false);
        });
    };
    let delete = Callback::new(move |id: String| {
        spawn_local(async move {
            if let Err(e) = safety::delete_relay(state, group, id).await {
                failure.set(Some((e.code(), e.detail())));
            }
        });
    });
    view! {
        <section class="card" data-testid="relays">
            <h2>{t!(i18n, relays_title)}</h2>
            <p>{t!(i18n, relays_intro)}</p>
            <Show when=move || relays().is_empty()>
                <p class="hint" data-testid="relays-empty">
                    {if animates { t_string!(i18n, relays_empty_animator) } else { t_string!(i18n, relays_empty) }}
                </p>
            </Show>
            <ul class="relays" data-testid="relay-list">
                <For each=relays key=|r| (r.id.clone(), r.name.clone(), r.hours.clone()) let:relay>
                    {if animates {
                        view! { <RelayCard relay=relay on_delete=delete /> }.into_any()
                    } else {
                        view! { <RelayCard relay=relay /> }.into_any()
                    }}
                </For>
            </ul>
            <Show when=move || animates>
                <form class="form" on:submit=import data-testid="relays-import">
                    <h3>{t!(i18n, relays_import_title)}</h3>
                    <p class="hint" id="relays-import-hint">{t!(i18n, relays_import_hint)}</p>
                    <label for="relays-file">{t!(i18n, relays_import_label)}</label>
                    <input id="relays-file" type="file" accept=".csv,text/csv,text/plain" node_ref=file_input
                        aria-describedby="relays-import-hint" data-testid="relays-file" />
                    <button type="submit" class="button button-primary button-wide" disabled=working data-testid="relays-import-submit">
                        {t!(i18n, relays_import_submit)}
                    </button>
                </form>
            </Show>
            <ExchangeFailure failure=failure />
            {move || report.get().map(|view| view! {
                <div class="import-report" role="status" data-testid="relays-report">
                    <p class="success">{view.summary.clone()}</p>
                    <details open=view.refused > 0>
                        <summary>{t!(i18n, relays_report_lines)}</summary>
                        <ul data-testid="relays-report-lines">
                            {view.lines.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}
                        </ul>
                    </details>
                    <p class="hint">{t!(i18n, relays_travel)}</p>
                </div>
            })}
            <button type="button" class="button button-quiet button-wide" data-testid="relays-done" on:click=move |_| done.run(())>
                {t!(i18n, record_back)}
            </button>
        </section>
    }
}
