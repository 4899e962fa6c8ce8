//! My skills: the self-assessment (resumable) and its results, kept in the vault.

use crate::components::page::Page;
use crate::components::questionnaire::Questionnaire;
use crate::components::results::Results;
use crate::components::vault_forms::LockedScreen;
use crate::i18n::*;
use crate::services::assessment::{self, Skills};
use crate::services::group_topics;
use crate::services::vault::VaultStatus;
use crate::state::use_app_state;
use entraide_core::assessment::Assessment;
use entraide_core::screens::Screen;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The skills screen.
#[component]
pub fn SkillsPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    view! {
        <Page screen=Screen::Skills>
            <Show
                when=move || state.vault.get() == VaultStatus::Unlocked
                fallback=move || view! { <LockedScreen testid="skills-locked">{t!(i18n, skills_locked)}</LockedScreen> }
            >
                <SkillsBoard />
            </Show>
        </Page>
    }
}

#[component]
fn SkillsBoard() -> impl IntoView {
    let i18n = use_i18n();
    let skills = RwSignal::new(None::<Skills>);
    let failure = RwSignal::new(None::<String>);
    spawn_local(async move {
        // The group's topic list (if the animator adapted it) drives the questionnaire.
        if let Err(e) = group_topics::load().await {
            failure.set(Some(e.to_string()));
        }
        match assessment::load().await {
            Ok(s) => skills.set(Some(s)),
            Err(e) => failure.set(Some(e.to_string())),
        }
    });
    let save = move |a: Assessment| {
        spawn_local(async move {
            if a.is_finished() {
                let Some(mut history) =
                    skills.with_untracked(|s| s.as_ref().map(|s| s.history.clone()))
                else {
                    return;
                };
                match assessment::finish(&a, &mut history).await {
                    Ok(()) => skills.set(Some(Skills {
                        in_progress: None,
                        history,
                    })),
                    Err(e) => failure.set(Some(e.to_string())),
                }
            } else {
                // Keep the page's copy current without redrawing the question on screen.
                skills.update_untracked(|s| {
                    if let Some(s) = s {
                        s.in_progress = Some(a.clone());
                    }
                });
                if let Err(e) = assessment::save_in_progress(Some(&a)).await {
                    failure.set(Some(e.to_string()));
                }
            }
        });
    };
    let begin = move |_| match assessment::start() {
        Ok(a) => {
            skills.update(|s| {
                if let Some(s) = s {
                    s.in_progress = Some(a.clone());
                }
            });
            save(a);
        }
        Err(e) => failure.set(Some(e.to_string())),
    };
    view! {
        {move || failure.get().map(|f| view! { <p class="error-text" role="alert">{t!(i18n, error_other)} " " {f}</p> })}
        {move || {
            let Some(current) = skills.get() else {
                return view! { <p class="hint">{t!(i18n, vault_checking)}</p> }.into_any();
            };
            match current.in_progress {
                Some(a) => {
                    let signal = RwSignal::new(a);
                    view! {
                        <p class="hint">{t!(i18n, skills_resume_note)}</p>
                        <Questionnaire assessment=signal on_step=Callback::new(save) />
                    }
                    .into_any()
                }
                None if current.history.latest().is_some() => view! {
                    <Results history=current.history.clone() />
                    <button class="button button-primary button-wide" data-testid="start-assessment" on:click=begin>
                        {t!(i18n, skills_again)}
                    </button>
                }
                .into_any(),
                None => view! {
                    <div class="card">
                        <p>{t!(i18n, skills_intro)}</p>
                        <button class="button button-primary button-wide" data-testid="start-assessment" on:click=begin>
                            {t!(i18n, skills_start)}
                        </button>
                    </div>
                }
                .into_any(),
            }
        }}
    }
}
