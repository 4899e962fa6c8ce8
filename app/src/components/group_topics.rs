//! The animator's adaptation of the group's topic list: hide built-in topics, add the
//! group's own (checked with the same content rules as the built-in ones).

use crate::i18n::*;
use crate::services::catalog;
use crate::services::group_topics::{self, LocalTopicForm};
use entraide_core::assessment::frameworks::{DIGCOMP_COMPETENCES, PIX_COMPETENCES};
use entraide_core::assessment::GroupTopics;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The settings section.
#[component]
pub fn GroupTopicsSetting() -> impl IntoView {
    let i18n = use_i18n();
    let french = move || i18n.get_locale() == Locale::fr;
    let group = RwSignal::new(None::<GroupTopics>);
    let status = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<String>);
    spawn_local(async move {
        match group_topics::load().await {
            Ok(g) => group.set(Some(g)),
            Err(e) => failure.set(Some(e.to_string())),
        }
    });
    let store = move |next: GroupTopics| {
        spawn_local(async move {
            match group_topics::save(&next).await {
                Ok(()) => {
                    group.set(Some(next));
                    failure.set(None);
                    status.set(Some(t_string!(i18n, gt_saved).to_string()));
                }
                Err(e) => failure.set(Some(e.to_string())),
            }
        });
    };
    let builtin: Vec<(String, String, String)> = catalog::catalog()
        .map(|c| {
            c.topics()
                .iter()
                .map(|t| (t.id.clone(), t.title.fr.clone(), t.title.en.clone()))
                .collect()
        })
        .unwrap_or_default();
    let form = RwSignal::new(LocalTopicForm {
        pix: PIX_COMPETENCES[0].code.to_string(),
        digcomp: DIGCOMP_COMPETENCES[0].code.to_string(),
        ..LocalTopicForm::default()
    });
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(mut next) = group.get_untracked() else {
            return;
        };
        match group_topics::local_topic(&form.get_untracked()) {
            Ok(topic) => {
                next.local.retain(|t| t.id != topic.id);
                next.local.push(topic);
                form.update(|f| {
                    f.title_fr.clear();
                    f.title_en.clear();
                    f.levels_fr = Default::default();
                    f.levels_en = Default::default();
                });
                store(next);
            }
            Err(group_topics::GroupTopicsError::Sensitive(refusal)) => {
                failure.set(Some(refusal.message(i18n.get_locale() == Locale::fr)))
            }
            Err(e) => failure.set(Some(format!("{} {e}", t_string!(i18n, gt_refused)))),
        }
    };
    view! {
        <section class="card form" data-testid="group-topics">
            <h2>{t!(i18n, gt_title)}</h2>
            <p>{t!(i18n, gt_intro)}</p>
            <fieldset>
                <legend>{t!(i18n, gt_shown)}</legend>
                {builtin
                    .into_iter()
                    .map(|(id, fr, en)| {
                        let key = id.clone();
                        view! {
                            <label class="choice">
                                <input
                                    type="checkbox"
                                    prop:checked=move || group.with(|g| g.as_ref().is_none_or(|g| !g.hidden.contains(&key)))
                                    on:change=move |_| {
                                        if let Some(mut next) = group.get_untracked() {
                                            if next.hidden.contains(&id) {
                                                next.hidden.retain(|h| *h != id);
                                            } else {
                                                next.hidden.push(id.clone());
                                            }
                                            store(next);
                                        }
                                    }
                                />
                                <span>{move || if french() { fr.clone() } else { en.clone() }}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <Show when=move || group.with(|g| g.as_ref().is_some_and(|g| !g.local.is_empty()))>
                <h3>{t!(i18n, gt_local)}</h3>
                <ul class="stack" data-testid="local-topics">
                    {move || {
                        group
                            .get()
                            .map(|g| g.local)
                            .unwrap_or_default()
                            .into_iter()
                            .map(|t| {
                                let id = t.id.clone();
                                let title = if french() { t.title.fr.clone() } else { t.title.en.clone() };
                                view! {
                                    <li>
                                        <button type="button" class="button button-wide" on:click=move |_| {
                                            if let Some(mut next) = group.get_untracked() {
                                                next.local.retain(|l| l.id != id);
                                                store(next);
                                            }
                                        }>
                                            {t!(i18n, gt_remove, title = move || title.clone())}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </Show>
        </section>
        <form class="card form" on:submit=add data-testid="add-topic">
            <h3>{t!(i18n, gt_add_title)}</h3>
            <label for="gt-title-fr">{t!(i18n, gt_title_fr)}</label>
            <input id="gt-title-fr" type="text" prop:value=move || form.with(|f| f.title_fr.clone()) on:input=move |ev| form.update(|f| f.title_fr = event_target_value(&ev)) />
            <label for="gt-title-en">{t!(i18n, gt_title_en)}</label>
            <input id="gt-title-en" type="text" lang="en" prop:value=move || form.with(|f| f.title_en.clone()) on:input=move |ev| form.update(|f| f.title_en = event_target_value(&ev)) />
            {(0..3usize)
                .map(|i| {
                    let id = format!("gt-level-{i}");
                    let id_en = format!("gt-level-en-{i}");
                    view! {
                        <label for=id.clone()>{t!(i18n, gt_level, n = move || i + 1)}</label>
                        <input id=id type="text" prop:value=move || form.with(|f| f.levels_fr[i].clone()) on:input=move |ev| form.update(|f| f.levels_fr[i] = event_target_value(&ev)) />
                        <label for=id_en.clone()>{t!(i18n, gt_level_en, n = move || i + 1)}</label>
                        <input id=id_en type="text" lang="en" prop:value=move || form.with(|f| f.levels_en[i].clone()) on:input=move |ev| form.update(|f| f.levels_en[i] = event_target_value(&ev)) />
                    }
                })
                .collect_view()}
            <label for="gt-pix">{t!(i18n, gt_pix)}</label>
            <select id="gt-pix" on:change=move |ev| form.update(|f| f.pix = event_target_value(&ev))>
                {PIX_COMPETENCES
                    .iter()
                    .map(|c| view! { <option value=c.code>{move || format!("{} {}", c.code, if french() { c.fr } else { c.en })}</option> })
                    .collect_view()}
            </select>
            <label for="gt-digcomp">{t!(i18n, gt_digcomp)}</label>
            <select id="gt-digcomp" on:change=move |ev| form.update(|f| f.digcomp = event_target_value(&ev))>
                {DIGCOMP_COMPETENCES
                    .iter()
                    .map(|c| view! { <option value=c.code>{move || format!("{} {}", c.code, if french() { c.fr } else { c.en })}</option> })
                    .collect_view()}
            </select>
            {move || failure.get().map(|f| view! { <p class="error-text" role="alert" data-testid="error">{f}</p> })}
            <p class="status" role="status" data-testid="group-topics-status">{move || status.get()}</p>
            <button type="submit" class="button button-primary button-wide">{t!(i18n, gt_add)}</button>
        </form>
    }
}
