//! The self-assessment questionnaire, one question per screen: devices, topics, then one
//! "I can…" sentence at a time with four large answers, then the wishes. Every screen can be
//! read aloud; the person can go back, skip a topic, stop and come back later.

use crate::i18n::*;
use crate::platform::speech;
use crate::services::catalog;
use entraide_core::assessment::{
    Answer, Assessment, AssessmentError, Device, Question, TopicChoice,
};
use leptos::prelude::*;

fn device_label(i18n: leptos_i18n::I18nContext<Locale>, d: Device) -> &'static str {
    match d {
        Device::Phone => t_string!(i18n, device_phone),
        Device::Computer => t_string!(i18n, device_computer),
        Device::Tablet => t_string!(i18n, device_tablet),
    }
}

fn answer_label(answer: Answer, french: bool) -> String {
    catalog::catalog()
        .ok()
        .and_then(|c| c.answer_label(answer))
        .map(|t| if french { t.fr.clone() } else { t.en.clone() })
        .unwrap_or_default()
}

fn level_sentence(topic: &str, index: u8, french: bool) -> String {
    catalog::with_topic(topic, |t| {
        t.levels.get(usize::from(index)).map(|l| {
            if french {
                l.can.fr.clone()
            } else {
                l.can.en.clone()
            }
        })
    })
    .flatten()
    .unwrap_or_default()
}

/// The questionnaire. `on_step` receives the questionnaire after each change (to save it).
#[component]
pub fn Questionnaire(
    /// The questionnaire being answered.
    assessment: RwSignal<Assessment>,
    /// Called after every step with the new state.
    on_step: Callback<Assessment>,
) -> impl IntoView {
    let i18n = use_i18n();
    let french = move || i18n.get_locale() == Locale::fr;
    let failure = RwSignal::new(None::<String>);
    let step = move |f: StepFn| {
        let mut next = assessment.get_untracked();
        match f(&mut next) {
            Ok(()) => {
                failure.set(None);
                assessment.set(next.clone());
                on_step.run(next);
            }
            Err(e) => failure.set(Some(e.to_string())),
        }
    };
    let progress = move || assessment.with(|a| a.progress());
    view! {
        <div class="questionnaire" data-testid="questionnaire">
            <p class="hint" data-testid="progress">
                {move || {
                    let p = progress();
                    t!(i18n, q_progress, done = move || p.answered, left = move || p.remaining_estimate)
                }}
            </p>
            <progress
                max=move || (progress().answered + progress().remaining_estimate).max(1).to_string()
                value=move || progress().answered.to_string()
                aria-hidden="true"
            ></progress>
            {move || {
                match assessment.with(|a| a.next_question()) {
                    Some(Question::Devices) => view! { <DevicesQuestion step=step /> }.into_any(),
                    Some(Question::Topics { available }) => view! { <TopicsQuestion available=available step=step /> }.into_any(),
                    Some(Question::Level { topic, level_index, .. }) => {
                        let title = catalog::topic_title(&topic, french());
                        let sentence = level_sentence(&topic, level_index, french());
                        let lang = if french() { "fr-FR" } else { "en-GB" };
                        let spoken = format!(
                            "{title}. {sentence} {}",
                            Answer::ALL.iter().map(|a| answer_label(*a, french())).collect::<Vec<_>>().join(". ")
                        );
                        let topic_for_skip = topic.clone();
                        view! {
                            <section class="question card" data-testid="level-question" data-topic=topic.clone() data-level=level_index>
                                <h2>{title}</h2>
                                <p class="hint">{t!(i18n, q_level_intro)}</p>
                                <p class="sentence">{sentence}</p>
                                <button type="button" class="button button-wide" on:click=move |_| speech::speak(&spoken, lang)>
                                    <svg class="icon" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                                        <path d="M4 12 H10 L17 6 V26 L10 20 H4 Z M21 11 C24 14 24 18 21 21 M24 7 C29 12 29 20 24 25" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" />
                                    </svg>
                                    {t!(i18n, q_read_aloud)}
                                </button>
                                <div class="answers">
                                    {Answer::ALL
                                        .into_iter()
                                        .map(|answer| {
                                            let topic = topic.clone();
                                            view! {
                                                <button
                                                    type="button"
                                                    class="button button-primary button-wide answer"
                                                    data-answer=format!("{answer:?}")
                                                    on:click=move |_| {
                                                        let topic = topic.clone();
                                                        step(Box::new(move |a| a.answer(&topic, level_index, answer)))
                                                    }
                                                >
                                                    {answer_label(answer, french())}
                                                </button>
                                            }
                                        })
                                        .collect_view()}
                                </div>
                                <button type="button" class="button button-quiet button-wide" on:click=move |_| {
                                    let topic = topic_for_skip.clone();
                                    step(Box::new(move |a| a.skip_topic(&topic)))
                                }>
                                    {t!(i18n, q_skip)}
                                </button>
                            </section>
                        }
                        .into_any()
                    }
                    Some(Question::Wishes { offered }) => view! { <WishesQuestion offered=offered step=step /> }.into_any(),
                    None => ().into_any(),
                }
            }}
            <Show when=move || assessment.with(|a| !a.steps().is_empty())>
                <button type="button" class="button button-quiet button-wide" data-testid="back" on:click=move |_| step(Box::new(|a| a.back().map(|_| ())))>
                    <span aria-hidden="true">"← "</span>
                    {t!(i18n, q_back)}
                </button>
            </Show>
            {move || failure.get().map(|f| view! { <p class="error-text" role="alert">{f}</p> })}
        </div>
    }
}

/// One change to the questionnaire, applied by the step handler.
type StepFn = Box<dyn FnOnce(&mut Assessment) -> Result<(), AssessmentError>>;

#[component]
fn DevicesQuestion(step: impl Fn(StepFn) + Copy + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let chosen = RwSignal::new(Vec::<Device>::new());
    view! {
        <section class="question card" data-testid="devices-question">
            <h2>{t!(i18n, q_devices)}</h2>
            <p class="hint">{t!(i18n, q_devices_hint)}</p>
            {[Device::Phone, Device::Computer, Device::Tablet]
                .into_iter()
                .map(|d| {
                    view! {
                        <label class="choice">
                            <input
                                type="checkbox"
                                prop:checked=move || chosen.with(|c| c.contains(&d))
                                on:change=move |_| chosen.update(|c| if c.contains(&d) { c.retain(|x| *x != d) } else { c.push(d) })
                            />
                            <span>{move || device_label(i18n, d)}</span>
                        </label>
                    }
                })
                .collect_view()}
            <button type="button" class="button button-primary button-wide" on:click=move |_| {
                let devices = chosen.get_untracked();
                step(Box::new(move |a| a.choose_devices(&devices)))
            }>
                {t!(i18n, q_continue)}
            </button>
        </section>
    }
}

/// Topics as large checkboxes, ticked ones collected in `chosen`.
#[component]
fn TopicChecklist(
    /// Topic ids, in the order shown.
    topics: Vec<String>,
    /// The ticked ones.
    chosen: RwSignal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let french = move || i18n.get_locale() == Locale::fr;
    topics
        .into_iter()
        .map(|id| {
            let key = id.clone();
            let toggle = id.clone();
            view! {
                <label class="choice">
                    <input
                        type="checkbox"
                        prop:checked=move || chosen.with(|c| c.contains(&key))
                        on:change=move |_| {
                            chosen.update(|c| {
                                if c.contains(&toggle) {
                                    c.retain(|x| *x != toggle)
                                } else {
                                    c.push(toggle.clone())
                                }
                            })
                        }
                    />
                    <span>{move || catalog::topic_title(&id, french())}</span>
                </label>
            }
        })
        .collect_view()
}

#[component]
fn TopicsQuestion(available: Vec<String>, step: impl Fn(StepFn) + Copy + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let chosen = RwSignal::new(Vec::<String>::new());
    view! {
        <section class="question card" data-testid="topics-question">
            <h2>{t!(i18n, q_topics)}</h2>
            <button type="button" class="button button-primary button-wide" data-testid="all-topics" on:click=move |_| step(Box::new(|a| a.choose_topics(TopicChoice::All)))>
                {t!(i18n, q_all_topics)}
            </button>
            <TopicChecklist topics=available chosen=chosen />
            <button type="button" class="button button-wide" on:click=move |_| {
                let topics = chosen.get_untracked();
                step(Box::new(move |a| a.choose_topics(TopicChoice::Some(topics))))
            }>
                {t!(i18n, q_these_topics)}
            </button>
        </section>
    }
}

#[component]
fn WishesQuestion(offered: Vec<String>, step: impl Fn(StepFn) + Copy + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let chosen = RwSignal::new(Vec::<String>::new());
    view! {
        <section class="question card" data-testid="wishes-question">
            <h2>{t!(i18n, q_wishes)}</h2>
            <p class="hint">{t!(i18n, q_wishes_hint)}</p>
            <TopicChecklist topics=offered chosen=chosen />
            <button type="button" class="button button-primary button-wide" data-testid="finish" on:click=move |_| {
                let topics = chosen.get_untracked();
                step(Box::new(move |a| a.choose_wishes(&topics)))
            }>
                {t!(i18n, q_finish)}
            </button>
        </section>
    }
}
