//! "Un souci avec un service ?": a participant notes a difficulty met with a public service
//! or a company (the service, its area if they know it, what went wrong). The guard refuses
//! file numbers, names, addresses and contacts, with its kind sentence, and nothing is
//! stored then; what is noted goes to the animators in the hand-over, for the report.

use entraide_core::model::{AdminArea, RecordId};
use entraide_core::transfer::GroupId;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::confirm_code::ExchangeFailure;
use crate::i18n::*;
use crate::services::today;
use crate::state::use_app_state;

/// The form, folded until the person opens it, and what they noted so far.
#[component]
pub fn DifficultyForm(
    group: GroupId,
    /// Today's session, if one is on.
    #[prop(into)]
    session: Signal<Option<RecordId>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let french = move || i18n.get_locale() == Locale::fr;
    let service = RwSignal::new(String::new());
    let area = RwSignal::new(String::new());
    let what = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<(&'static str, String)>);
    let saved = RwSignal::new(false);
    let noted = move || today::my_difficulties(state, group);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        saved.set(false);
        let chosen = AdminArea::from_code(&area.get_untracked());
        let (s, w) = (service.get_untracked(), what.get_untracked());
        let session = session.get_untracked();
        spawn_local(async move {
            match today::note_difficulty(state, group, session, s, chosen, w).await {
                Ok(()) => {
                    service.set(String::new());
                    area.set(String::new());
                    what.set(String::new());
                    saved.set(true);
                }
                Err(e) => failure.set(Some((e.code(), e.detail()))),
            }
        });
    };
    view! {
        <details class="difficulty" data-testid="difficulty">
            <summary data-testid="difficulty-open">{t!(i18n, difficulty_title)}</summary>
            <form class="form" on:submit=submit>
                <p>{t!(i18n, difficulty_intro)}</p>
                <label for="difficulty-service">{t!(i18n, difficulty_service)}</label>
                <input id="difficulty-service" data-testid="difficulty-service" type="text" maxlength="80"
                    autocomplete="off"
                    prop:value=move || service.get()
                    on:input=move |ev| service.set(event_target_value(&ev)) />
                <label for="difficulty-area">{t!(i18n, difficulty_area)}</label>
                <select id="difficulty-area" data-testid="difficulty-area"
                    prop:value=move || area.get()
                    on:change=move |ev| area.set(event_target_value(&ev))>
                    <option value="">{t!(i18n, difficulty_area_unknown)}</option>
                    {move || AdminArea::ALL.iter().map(|a| view! {
                        <option value=a.code()>{a.label(french())}</option>
                    }).collect_view()}
                </select>
                <label for="difficulty-what">{t!(i18n, difficulty_what)}</label>
                <textarea id="difficulty-what" data-testid="difficulty-what" rows="3" maxlength="1000"
                    prop:value=move || what.get()
                    on:input=move |ev| what.set(event_target_value(&ev))></textarea>
                <p class="reassurance">{t!(i18n, difficulty_no_personal_data)}</p>
                <ExchangeFailure failure=failure />
                <Show when=move || saved.get()>
                    <p class="success" role="status" data-testid="difficulty-saved">{t!(i18n, difficulty_saved)}</p>
                </Show>
                <button type="submit" class="button button-primary button-wide" data-testid="difficulty-submit">
                    {t!(i18n, difficulty_submit)}
                </button>
            </form>
            <Show when=move || !noted().is_empty()>
                <h4>{t!(i18n, difficulty_noted)}</h4>
                <ul class="difficulty-list" data-testid="difficulty-list">
                    {move || noted().into_iter().map(|(service, what)| view! {
                        <li><strong>{service}</strong>" : "{what}</li>
                    }).collect_view()}
                </ul>
            </Show>
        </details>
    }
}
