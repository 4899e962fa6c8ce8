//! The group's charter on the group screen: the version in force, the animator's editor
//! (publishing a new version, from the current text or the one the app proposes), and the
//! card that asks a member to accept a newer version at their next opening.

use entraide_core::transfer::GroupId;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::confirm_code::ExchangeFailure;
use crate::i18n::*;
use crate::services::safety::{self, CharterView};
use crate::state::use_app_state;

/// The rules of a charter version, one per line, with its number and date.
#[component]
fn CharterText(charter: CharterView) -> impl IntoView {
    let i18n = use_i18n();
    let dated = t_string!(i18n, charter_version_of)
        .to_string()
        .replace("{version}", &charter.version.to_string())
        .replace("{date}", &charter.published);
    view! {
        <p class="hint" data-testid="charter-version">{dated}</p>
        <ul class="charter" data-testid="charter-lines">
            {charter.lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
        </ul>
    }
}

/// "La charte du groupe a changé": shown on the group card until the member accepts the
/// version in force.
#[component]
pub fn CharterToAccept(group: GroupId) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let failure = RwSignal::new(None::<(&'static str, String)>);
    let pending = move || safety::charter_to_accept(state, group);
    move || {
        pending().map(|charter| {
            let version = charter.version;
            let accept = move |_| {
                spawn_local(async move {
                    if let Err(e) = safety::accept_charter(state, group, version).await {
                        failure.set(Some((e.code(), e.detail())));
                    }
                });
            };
            view! {
                <section class="notice" data-testid="charter-to-accept" aria-labelledby="charter-changed">
                    <h3 id="charter-changed">{t!(i18n, charter_changed_title)}</h3>
                    <p>{t!(i18n, charter_changed_intro)}</p>
                    <CharterText charter=charter />
                    <ExchangeFailure failure=failure />
                    <button type="button" class="button button-primary button-wide" data-testid="charter-accept-new" on:click=accept>
                        {t!(i18n, charter_accept_new)}
                    </button>
                </section>
            }
        })
    }
}

/// The charter screen: everyone reads the version in force; the animator may write and
/// publish the next one.
#[component]
pub fn GroupCharter(group: GroupId, animates: bool, done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let current = move || safety::charter(state, group);
    let draft = RwSignal::new(
        untrack(current)
            .map(|c| c.text)
            .unwrap_or_else(|| safety::proposed_charter().to_string()),
    );
    let failure = RwSignal::new(None::<(&'static str, String)>);
    let published = RwSignal::new(None::<u16>);
    let working = RwSignal::new(false);
    let publish = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        published.set(None);
        working.set(true);
        spawn_local(async move {
            match safety::publish_charter(state, group, &draft.get_untracked()).await {
                Ok(version) => published.set(Some(version)),
                Err(e) => failure.set(Some((e.code(), e.detail()))),
            }
            working.set(false);
        });
    };
    view! {
        <section class="card" data-testid="group-charter">
            <h2>{t!(i18n, charter_title)}</h2>
            {move || match current() {
                Some(charter) => view! { <CharterText charter=charter /> }.into_any(),
                None => view! { <p class="hint">{t!(i18n, charter_none)}</p> }.into_any(),
            }}
            <Show when=move || animates>
                <form class="form" on:submit=publish data-testid="charter-editor">
                    <h3>{t!(i18n, charter_edit_title)}</h3>
                    <p class="hint" id="charter-edit-hint">{t!(i18n, charter_edit_hint)}</p>
                    <label for="charter-text">{t!(i18n, charter_edit_label)}</label>
                    <textarea
                        id="charter-text"
                        data-testid="charter-text"
                        rows="10"
                        maxlength="8000"
                        aria-describedby="charter-edit-hint"
                        prop:value=move || draft.get()
                        on:input=move |ev| draft.set(event_target_value(&ev))
                    ></textarea>
                    <button type="button" class="button button-wide" data-testid="charter-proposed"
                        on:click=move |_| draft.set(safety::proposed_charter().to_string())>
                        {t!(i18n, charter_use_proposed)}
                    </button>
                    <ExchangeFailure failure=failure />
                    {move || published.get().map(|v| view! {
                        <p class="success" role="status" data-testid="charter-published">
                            {t_string!(i18n, charter_published).to_string().replace("{version}", &v.to_string())}
                        </p>
                    })}
                    <button type="submit" class="button button-primary button-wide" disabled=working data-testid="charter-publish">
                        {t!(i18n, charter_publish)}
                    </button>
                </form>
            </Show>
            <button type="button" class="button button-quiet button-wide" data-testid="charter-done" on:click=move |_| done.run(())>
                {t!(i18n, record_back)}
            </button>
        </section>
    }
}
