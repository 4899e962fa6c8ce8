//! "La séance d'aujourd'hui" on the group's real record. The animator opens today's
//! session (place and track), checks people in with a tap, forms the help groups with the
//! matching on the people present and confirms them, and closes. A participant sees the
//! session card, gives their need (with their own levels), learns their group once the
//! animator's hand-back arrives, and logs the help in three taps.

use crate::components::confirm_code::ExchangeFailure;
use crate::components::difficulty_form::DifficultyForm;
use crate::components::help_timer::HelpTimer;
use crate::components::qr_display::QrDisplay;
use crate::components::relays::RelaysFor;
use crate::components::scanner::Scanner;
use crate::i18n::*;
use crate::pages::session::SessionBoard;
use crate::services::catalog;
use crate::services::today::{self, MyGroupView, TodayError};
use crate::state::use_app_state;
use entraide_core::matching::Solution;
use entraide_core::model::{Autonomy, Device, Need, PersonId, RecordId, SessionState, Track};
use entraide_core::session::today::{evaluation_questions, helper_posture, HelpDraft};
use entraide_core::transfer::GroupId;
use leptos::prelude::*;
use leptos::task::spawn_local;

type Failure = Option<(&'static str, String)>;

fn failed(failure: RwSignal<Failure>, e: &TodayError) {
    web_sys::console::warn_1(&format!("today: {e}").into());
    failure.set(Some((e.code(), e.detail())));
}

/// Runs a write and reports its failure, if any.
fn run(
    failure: RwSignal<Failure>,
    work: impl std::future::Future<Output = Result<(), TodayError>> + 'static,
) {
    failure.set(None);
    spawn_local(async move {
        if let Err(e) = work.await {
            failed(failure, &e);
        }
    });
}

/// Today's session: the animator's screen, or the participant's.
#[component]
pub fn TodaySession(group: GroupId, animates: bool, done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let failure = RwSignal::new(None::<(&'static str, String)>);
    let body = if animates {
        view! { <AnimatorToday group=group failure=failure /> }.into_any()
    } else {
        view! { <MyToday group=group failure=failure /> }.into_any()
    };
    view! {
        <section class="card today" data-testid="today">
            <h2>{t!(i18n, today_title)}</h2>
            <ExchangeFailure failure=failure />
            {body}
            <button type="button" class="button button-quiet button-wide" data-testid="today-done" on:click=move |_| done.run(())>
                {t!(i18n, common_back)}
            </button>
        </section>
    }
}

fn track_words(track: Track, french: bool) -> String {
    track.label(french).to_lowercase()
}

fn session_line(template: &str, track: Track, place: &str, french: bool) -> String {
    template
        .replace("{track}", &track_words(track, french))
        .replace("{place}", place)
}

#[component]
fn AnimatorToday(group: GroupId, failure: RwSignal<Failure>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let french = move || i18n.get_locale() == Locale::fr;
    let day = move || today::animator_day(state, group, french());
    let place = RwSignal::new(String::new());
    let track = RwSignal::new(Track::Beginners);
    let forming = RwSignal::new(false);
    let scanning = RwSignal::new(false);
    let arrived = RwSignal::new(Vec::<String>::new());
    let adding = RwSignal::new(false);
    let newcomer = RwSignal::new(String::new());
    let newcomer_topic = RwSignal::new(String::new());
    let scan_hint = Signal::derive(move || t_string!(i18n, today_scan_hint).to_string());
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let place = place.get_untracked();
        run(failure, async move {
            today::open_today(state, group, &place, track.get_untracked()).await
        });
    };
    let check_in = move |session: RecordId, person: PersonId| {
        run(failure, async move {
            today::check_in(state, group, session, person).await
        });
    };
    move || {
        match day() {
        None => view! {
            <form class="form" data-testid="open-session" on:submit=open>
                <p>{t!(i18n, today_none_animator)}</p>
                <label for="session-place">{t!(i18n, today_place_label)}</label>
                <input id="session-place" type="text" maxlength="60" autocomplete="off" required=true
                    prop:value=place on:input=move |ev| place.set(event_target_value(&ev)) data-testid="session-place" />
                <fieldset class="choices">
                    <legend>{t!(i18n, today_track_label)}</legend>
                    {[Track::Beginners, Track::Confirmed].into_iter().map(|t| view! {
                        <label class="choice">
                            <input type="radio" name="track" prop:checked=move || track.get() == t on:change=move |_| track.set(t) />
                            <span>{move || t.label(french())}</span>
                        </label>
                    }).collect_view()}
                </fieldset>
                <button type="submit" class="button button-primary button-wide" data-testid="open-session-submit">
                    {t!(i18n, today_open)}
                </button>
            </form>
        }.into_any(),
        Some(d) => {
            let session = d.session;
            let line = session_line(t_string!(i18n, today_card), d.track, &d.place, french());
            let present = d.members.iter().filter(|m| m.present).count();
            let counts = t_string!(i18n, today_counts)
                .to_string()
                .replace("{present}", &present.to_string())
                .replace("{groups}", &d.groups.to_string())
                .replace("{help}", &d.help.to_string())
                .replace("{evaluations}", &d.evaluations.to_string());
            let votes = d
                .votes
                .iter()
                .map(|(t, n)| format!("{t} ({n})"))
                .collect::<Vec<_>>()
                .join(", ");
            let closed = d.state == SessionState::Closed;
            let groups = d.groups;
            let help_minutes = d.help_minutes;
            view! {
                <p class="today-card" data-testid="today-card"><strong>{line}</strong></p>
                <p class="hint" data-testid="today-counts">{counts}</p>
                {(!votes.is_empty()).then(|| view! {
                    <p class="hint" data-testid="today-votes">{t_string!(i18n, today_votes).to_string().replace("{votes}", &votes)}</p>
                })}
                <Show when=move || closed>
                    <p class="success" role="status" data-testid="session-closed">{t!(i18n, today_closed)}</p>
                </Show>
                <h3>{t!(i18n, today_who_is_here)}</h3>
                <ul class="people today-members" data-testid="today-members">
                    {d.members.into_iter().map(|m| {
                        let person = m.person;
                        let need = m.need.clone().unwrap_or_else(|| t_string!(i18n, today_need_unknown).to_string());
                        view! {
                            <li data-testid="today-member">
                                <span class="name">{m.name.clone()}</span>
                                <span class="hint">{format!(" · {need}")}</span>
                                {if m.present {
                                    view! { <span class="present" data-testid="present">{t!(i18n, today_present)}</span> }.into_any()
                                } else {
                                    view! {
                                        <button type="button" class="button button-small" data-testid="check-in" disabled=closed
                                            on:click=move |_| check_in(session, person)>
                                            {t!(i18n, today_check_in)}
                                        </button>
                                    }.into_any()
                                }}
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <Show when=move || !closed>
                    {move || if scanning.get() {
                        let on_payload = Callback::new(move |bytes: Vec<u8>| {
                            spawn_local(async move {
                                match today::scan_checkin(state, group, session, bytes, french()).await {
                                    Ok(name) => {
                                        failure.set(None);
                                        arrived.update(|a| a.insert(0, name));
                                    }
                                    Err(e) => failed(failure, &e),
                                }
                            });
                        });
                        view! {
                            <div class="checkin-scan" data-testid="checkin-scan">
                                <ul class="arrivals" aria-live="polite" data-testid="checked-in">
                                    {arrived.get().into_iter().map(|name| view! {
                                        <li class="arrival">{t_string!(i18n, today_arrived).to_string().replace("{name}", &name)}</li>
                                    }).collect_view()}
                                </ul>
                                <Scanner on_payload=on_payload hint=scan_hint />
                                <button type="button" class="button button-wide" data-testid="checkin-scan-done" on:click=move |_| scanning.set(false)>
                                    {t!(i18n, today_scan_done)}
                                </button>
                            </div>
                        }.into_any()
                    } else {
                        view! {
                            <button type="button" class="button button-primary button-wide" data-testid="scan-checkins" on:click=move |_| scanning.set(true)>
                                {t!(i18n, today_scan_checkins)}
                            </button>
                        }.into_any()
                    }}
                    {move || if adding.get() {
                        let submit = move |ev: leptos::ev::SubmitEvent| {
                            ev.prevent_default();
                            let name = newcomer.get_untracked();
                            let topic = newcomer_topic.get_untracked();
                            run(failure, async move {
                                today::add_newcomer(state, group, session, &name, (!topic.is_empty()).then_some(topic)).await?;
                                newcomer.set(String::new());
                                adding.set(false);
                                Ok(())
                            });
                        };
                        let topics = catalog::catalog()
                            .map(|c| c.topics().iter().map(|t| t.id.clone()).collect::<Vec<_>>())
                            .unwrap_or_default();
                        view! {
                            <form class="form" data-testid="newcomer" on:submit=submit>
                                <label for="newcomer-name">{t!(i18n, today_newcomer_name)}</label>
                                <input id="newcomer-name" type="text" maxlength="40" autocomplete="off" required=true
                                    prop:value=newcomer on:input=move |ev| newcomer.set(event_target_value(&ev)) data-testid="newcomer-name" />
                                <label for="newcomer-topic">{t!(i18n, today_need_topic)}</label>
                                <select id="newcomer-topic" data-testid="newcomer-topic" on:change=move |ev| newcomer_topic.set(event_target_value(&ev))>
                                    <option value="">{t!(i18n, today_need_nothing)}</option>
                                    {topics.into_iter().map(|id| view! {
                                        <option value=id.clone()>{catalog::topic_title(&id, french())}</option>
                                    }).collect_view()}
                                </select>
                                <button type="submit" class="button button-primary button-wide" data-testid="newcomer-submit">
                                    {t!(i18n, today_newcomer_save)}
                                </button>
                                <button type="button" class="button button-quiet button-wide" on:click=move |_| adding.set(false)>
                                    {t!(i18n, common_back)}
                                </button>
                            </form>
                        }.into_any()
                    } else {
                        view! {
                            <button type="button" class="button button-wide" data-testid="add-newcomer" on:click=move |_| adding.set(true)>
                                {t!(i18n, today_add_newcomer)}
                            </button>
                        }.into_any()
                    }}
                </Show>
                <Show when=move || !closed && present != 0>
                    <Show
                        when=move || forming.get()
                        fallback=move || view! {
                            <button type="button" class="button button-primary button-wide" data-testid="form-groups" on:click=move |_| forming.set(true)>
                                {t!(i18n, today_form_groups)}
                            </button>
                        }
                    >
                        {
                            let confirm = Callback::new(move |solution: Solution| {
                                forming.set(false);
                                run(failure, async move { today::confirm_groups(state, group, session, solution).await });
                            });
                            view! {
                                <SessionBoard plan=today::matching(state, group, session, french()) on_confirm=confirm />
                            }
                        }
                    </Show>
                </Show>
                <Show when=move || groups != 0>
                    <p class="hint" data-testid="groups-saved">{t!(i18n, today_groups_saved)}</p>
                </Show>
                <Show when=move || !closed && groups != 0>
                    <HelpTimer group=group planned=help_minutes />
                </Show>
                <Show when=move || !closed>
                    <button type="button" class="button button-wide" data-testid="close-session"
                        on:click=move |_| run(failure, async move { today::close(state, group, session).await })>
                        {t!(i18n, today_close)}
                    </button>
                </Show>
            }.into_any()
        }
    }
    }
}

#[component]
fn MyToday(group: GroupId, failure: RwSignal<Failure>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let french = move || i18n.get_locale() == Locale::fr;
    let day = move || today::my_day(state, group, french());
    // Outside the day's view, so that a difficulty noted (a write that re-renders the day)
    // keeps the form's confirmation.
    let session = Signal::derive(move || day().map(|d| d.session));
    let card = move || match day() {
        None => view! {
            <p data-testid="today-wait">{t!(i18n, today_wait)}</p>
            <IAmHere group=group need=None failure=failure />
        }
        .into_any(),
        Some(d) => {
            let line = session_line(t_string!(i18n, today_card), d.track, &d.place, french());
            let session = d.session;
            let helped = d.helped;
            let present = d.present;
            view! {
                <p class="today-card" data-testid="today-card"><strong>{line}</strong></p>

                {d.group.clone().map(|g| {
                    let (text, helping) = match g {
                        MyGroupView::Helped { name, topic } => (
                            t_string!(i18n, today_helped_by).to_string().replace("{name}", &name).replace("{topic}", &topic),
                            false,
                        ),
                        MyGroupView::Helping { names, topic } => (
                            t_string!(i18n, today_helping).to_string().replace("{names}", &names.join(", ")).replace("{topic}", &topic),
                            true,
                        ),
                    };
                    view! {
                        <div class="my-group" data-testid="my-group">
                            <p><strong>{text}</strong></p>
                            <p class="reassurance" data-testid="reassurance">
                                {if helping {
                                    helper_posture(french()).to_string()
                                } else {
                                    t_string!(i18n, today_passwords_yours).to_string()
                                }}
                            </p>
                        </div>
                    }
                })}
                {d.drafts.clone().into_iter().map(|(draft, logged)| view! {
                    <LogHelp group=group draft=draft logged=logged helped=helped failure=failure />
                }).collect_view()}
                <NeedForm group=group session=session need=d.need.clone() failure=failure />
                // Presence is not in the hand-back (it is personal): until this phone has its
                // group, "Je suis là" stays at hand.
                {(!present && d.group.is_none()).then(|| view! {
                    <IAmHere group=group need=d.need.clone() failure=failure compact=true />
                })}
                <VoteForm group=group session=session voted=d.voted.clone() failure=failure />
                <EvaluationForm group=group session=session given=d.evaluated failure=failure />
                <p class="hint">{t!(i18n, today_give_hint)}</p>
            }.into_any()
        }
    };
    view! {
        {card}
        <DifficultyForm group=group session=session />
    }
}

/// The need's choices: the topic (or "nothing today, I can help"), the device, and whether
/// the person can help too. A sensitive topic is kindly kept away from peers.
#[component]
fn NeedFields(
    /// The group (its relays are listed for a sensitive topic).
    group: GroupId,
    topic: RwSignal<String>,
    device: RwSignal<Device>,
    helps: RwSignal<bool>,
    /// Makes the form's ids and radio names unique on the screen.
    prefix: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let french = move || i18n.get_locale() == Locale::fr;
    let topics = catalog::catalog()
        .map(|c| {
            c.topics()
                .iter()
                .map(|t| (t.id.clone(), t.sensitive))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let sensitive = {
        let topics = topics.clone();
        move || topics.iter().any(|(id, s)| *s && *id == topic.get())
    };
    let select_id = format!("{prefix}-topic");
    view! {
        <label for=select_id.clone()>{t!(i18n, today_need_topic)}</label>
        <select id=select_id data-testid=format!("{prefix}-topic") on:change=move |ev| topic.set(event_target_value(&ev))>
            <option value="" selected=move || topic.get().is_empty()>{t!(i18n, today_need_nothing)}</option>
            {topics.into_iter().map(|(id, _)| {
                let value = id.clone();
                let selected = id.clone();
                view! {
                    <option value=value selected=move || topic.get() == selected>
                        {move || catalog::topic_title(&id, french())}
                    </option>
                }
            }).collect_view()}
        </select>
        <Show when=sensitive>
            <div class="sensitive-need" data-testid=format!("{prefix}-sensitive")>
                <p class="reassurance" role="note">{t!(i18n, today_need_sensitive)}</p>
                <RelaysFor group=group topic=topic />
            </div>
        </Show>
        <fieldset class="choices">
            <legend>{t!(i18n, today_device)}</legend>
            {[Device::Phone, Device::Computer, Device::Tablet].into_iter().map(|d| view! {
                <label class="choice">
                    <input type="radio" name=format!("{prefix}-device") prop:checked=move || device.get() == d on:change=move |_| device.set(d) />
                    <span>{move || d.label(french())}</span>
                </label>
            }).collect_view()}
        </fieldset>
        <label class="choice">
            <input type="checkbox" data-testid=format!("{prefix}-helps") prop:checked=helps on:change=move |ev| helps.set(event_target_checked(&ev)) />
            <span>{t!(i18n, today_need_helps)}</span>
        </label>
    }
}

/// The form's signals for a need: its topic ("" for "nothing today, I can help"), device
/// and whether the person helps too, filled in from the need given, if any.
fn need_signals(need: Option<&Need>) -> (RwSignal<String>, RwSignal<Device>, RwSignal<bool>) {
    (
        RwSignal::new(need.and_then(|n| n.topic.clone()).unwrap_or_default()),
        RwSignal::new(need.and_then(|n| n.device).unwrap_or(Device::Phone)),
        RwSignal::new(need.is_some_and(|n| n.helps)),
    )
}

/// The need as the form holds it.
fn need_of(topic: RwSignal<String>, device: RwSignal<Device>, helps: RwSignal<bool>) -> Need {
    let t = topic.get_untracked();
    Need {
        topic: (!t.is_empty()).then_some(t.clone()),
        device: Some(device.get_untracked()),
        helps: helps.get_untracked() || t.is_empty(),
    }
}

/// "Je suis là": the code the animator scans to check this person in, with today's need
/// and their latest self-assessment.
#[component]
fn IAmHere(
    group: GroupId,
    need: Option<Need>,
    failure: RwSignal<Failure>,
    /// Once the session is on the phone the need has its own form above: only the button.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let (topic, device, helps) = need_signals(need.as_ref());
    let payload = RwSignal::new(None::<Vec<u8>>);
    let show = move |_| {
        failure.set(None);
        let need = need_of(topic, device, helps);
        spawn_local(async move {
            match today::checkin_code(state, group, need).await {
                Ok(code) => payload.set(Some(code)),
                Err(e) => failed(failure, &e),
            }
        });
    };
    let label = Signal::derive(move || t_string!(i18n, today_checkin_label).to_string());
    view! {
        <div class="checkin" data-testid="i-am-here">
            <h3>{t!(i18n, today_checkin_title)}</h3>
            {move || match payload.get() {
                Some(code) => view! {
                    <p>{t!(i18n, today_checkin_show)}</p>
                    <QrDisplay payload=code label=label />
                    <button type="button" class="button button-wide" data-testid="checkin-hide" on:click=move |_| payload.set(None)>
                        {t!(i18n, today_checkin_hide)}
                    </button>
                }.into_any(),
                None => view! {
                    <p class="hint">{t!(i18n, today_checkin_intro)}</p>
                    <Show when=move || !compact>
                        <NeedFields group=group topic=topic device=device helps=helps prefix="checkin" />
                    </Show>
                    <button type="button" class="button button-primary button-wide" data-testid="show-checkin" on:click=show>
                        {t!(i18n, today_checkin_button)}
                    </button>
                }.into_any(),
            }}
        </div>
    }
}

/// The themes I would like next time.
#[component]
fn VoteForm(
    group: GroupId,
    session: RecordId,
    voted: Vec<String>,
    failure: RwSignal<Failure>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let french = move || i18n.get_locale() == Locale::fr;
    let chosen = RwSignal::new(Vec::<String>::new());
    let topics = catalog::catalog()
        .map(|c| c.topics().iter().map(|t| t.id.clone()).collect::<Vec<_>>())
        .unwrap_or_default();
    if !voted.is_empty() {
        let names = voted
            .iter()
            .map(|t| catalog::topic_title(t, french()))
            .collect::<Vec<_>>()
            .join(", ");
        return view! {
            <p class="success" role="status" data-testid="voted">
                {t_string!(i18n, today_voted).to_string().replace("{topics}", &names)}
            </p>
        }
        .into_any();
    }
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let topics = chosen.get_untracked();
        run(failure, async move {
            today::vote(state, group, session, topics).await
        });
    };
    view! {
        <form class="form vote" data-testid="vote" on:submit=submit>
            <fieldset class="choices">
                <legend>{t!(i18n, today_vote_title)}</legend>
                {topics.into_iter().map(|id| {
                    let key = id.clone();
                    let toggle = id.clone();
                    view! {
                        <label class="choice">
                            <input type="checkbox" prop:checked=move || chosen.with(|c| c.contains(&key))
                                on:change=move |_| chosen.update(|c| if c.contains(&toggle) { c.retain(|x| *x != toggle) } else { c.push(toggle.clone()) }) />
                            <span>{move || catalog::topic_title(&id, french())}</span>
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <button type="submit" class="button button-primary button-wide" data-testid="vote-submit" disabled=move || chosen.with(Vec::is_empty)>
                {t!(i18n, today_vote_save)}
            </button>
        </form>
    }.into_any()
}

/// A face from sad (1) to happy (5), drawn (emoji fonts differ from phone to phone).
#[component]
fn Face(value: u8) -> impl IntoView {
    // The mouth's curve: down for 1, flat for 3, up for 5.
    let bend = (i32::from(value) - 3) * 3;
    let mouth = format!("M7 15.5 Q12 {} 17 15.5", 15 + bend);
    view! {
        <svg class="face-picture" viewBox="0 0 24 24" width="40" height="40" aria-hidden="true" focusable="false">
            <circle cx="12" cy="12" r="10.5" fill="var(--accent)" stroke="var(--ink)" stroke-width="1.2" />
            <circle cx="8.5" cy="9.5" r="1.3" fill="var(--ink)" />
            <circle cx="15.5" cy="9.5" r="1.3" fill="var(--ink)" />
            <path d=mouth fill="none" stroke="var(--ink)" stroke-width="1.6" stroke-linecap="round" />
        </svg>
    }
}

/// The short evaluation: a few questions on a scale of five faces.
#[component]
fn EvaluationForm(
    group: GroupId,
    session: RecordId,
    given: bool,
    failure: RwSignal<Failure>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let french = i18n.get_locale_untracked() == Locale::fr;
    if given {
        return view! { <p class="success" role="status" data-testid="evaluated">{t!(i18n, today_evaluated)}</p> }.into_any();
    }
    let questions = evaluation_questions(french);
    let answers = RwSignal::new(vec![0u8; questions.len()]);
    let faces: [(&str, &str); 5] = [
        ("1 sur 5 : pas du tout", "1 of 5: not at all"),
        ("2 sur 5 : un peu", "2 of 5: a little"),
        ("3 sur 5 : moyennement", "3 of 5: somewhat"),
        ("4 sur 5 : bien", "4 of 5: well"),
        ("5 sur 5 : tout à fait", "5 of 5: completely"),
    ];
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let answers = answers.get_untracked();
        run(failure, async move {
            today::evaluate(state, group, session, answers).await
        });
    };
    view! {
        <form class="form evaluation" data-testid="evaluation" on:submit=submit>
            <h3>{t!(i18n, today_evaluation_title)}</h3>
            {questions.iter().enumerate().map(|(q, text)| view! {
                <fieldset class="faces" data-testid="evaluation-question">
                    <legend>{text.to_string()}</legend>
                    <div class="face-row">
                        {faces.iter().enumerate().map(|(i, (fr, en))| {
                            let value = u8::try_from(i + 1).unwrap_or(5);
                            view! {
                                <label class="face">
                                    <Face value=value />
                                    <input type="radio" name=format!("evaluation-{q}") aria-label=if french { *fr } else { *en }
                                        prop:checked=move || answers.with(|a| a.get(q) == Some(&value))
                                        on:change=move |_| answers.update(|a| if let Some(x) = a.get_mut(q) { *x = value })
                                        data-value=value.to_string() />
                                </label>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
            }).collect_view()}
            <button type="submit" class="button button-primary button-wide" data-testid="evaluation-submit"
                disabled=move || answers.with(|a| a.contains(&0))>
                {t!(i18n, today_evaluation_save)}
            </button>
        </form>
    }.into_any()
}

#[component]
fn NeedForm(
    group: GroupId,
    session: RecordId,
    need: Option<Need>,
    failure: RwSignal<Failure>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let (topic, device, helps) = need_signals(need.as_ref());
    let editing = RwSignal::new(need.is_none());
    let given = need.clone().map(|n| match n.topic {
        Some(t) => catalog::topic_title(&t, i18n.get_locale_untracked() == Locale::fr),
        None => t_string!(i18n, today_need_nothing).to_string(),
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let need = need_of(topic, device, helps);
        run(failure, async move {
            today::give_need(state, group, session, need).await
        });
    };
    view! {
        <form class="form need" data-testid="need-form" on:submit=submit>
            <h3>{t!(i18n, today_need_title)}</h3>
            {given.map(|g| view! {
                <p class="success" role="status" data-testid="need-given">
                    {t_string!(i18n, today_need_given).to_string().replace("{need}", &g)}
                </p>
            })}
            <Show when=move || !editing.get()>
                <button type="button" class="button button-wide" data-testid="need-change" on:click=move |_| editing.set(true)>
                    {t!(i18n, today_need_change)}
                </button>
            </Show>
            <div class="need-fields" hidden=move || !editing.get()>
            <NeedFields group=group topic=topic device=device helps=helps prefix="need" />
            <button type="submit" class="button button-primary button-wide" data-testid="need-submit">
                {t!(i18n, today_need_save)}
            </button>
            </div>
        </form>
    }
}

#[component]
fn LogHelp(
    group: GroupId,
    draft: HelpDraft,
    logged: bool,
    helped: bool,
    failure: RwSignal<Failure>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let french = move || i18n.get_locale() == Locale::fr;
    let device = RwSignal::new(Device::Phone);
    let autonomy = RwSignal::new(None::<Autonomy>);
    let minutes = draft.minutes;
    let topic = catalog::topic_title(&draft.topic, i18n.get_locale_untracked() == Locale::fr);
    let submit = {
        let draft = draft.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let draft = draft.clone();
            let autonomy = if helped {
                autonomy.get_untracked()
            } else {
                None
            };
            run(failure, async move {
                today::log_help(state, group, draft, device.get_untracked(), autonomy).await
            });
        }
    };
    if logged {
        return view! { <p class="success" role="status" data-testid="help-logged">{t!(i18n, today_logged)}</p> }.into_any();
    }
    view! {
        <form class="form log-help" data-testid="log-help" on:submit=submit>
            <h3>{t!(i18n, today_log_help)}</h3>
            <p class="hint">{format!("{topic} · {minutes} min")}</p>
            <fieldset class="choices">
                <legend>{t!(i18n, today_device)}</legend>
                {[Device::Phone, Device::Computer, Device::Tablet].into_iter().map(|d| view! {
                    <label class="choice">
                        <input type="radio" name="help-device" prop:checked=move || device.get() == d on:change=move |_| device.set(d) />
                        <span>{move || d.label(french())}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            <Show when=move || helped>
                <fieldset class="choices" data-testid="autonomy">
                    <legend>{t!(i18n, today_autonomy)}</legend>
                    {[Autonomy::FullyAccompanied, Autonomy::PartlyAutonomous, Autonomy::Autonomous].into_iter().map(|a| view! {
                        <label class="choice">
                            <input type="radio" name="autonomy" prop:checked=move || autonomy.get() == Some(a) on:change=move |_| autonomy.set(Some(a)) />
                            <span>{move || a.plain(french())}</span>
                        </label>
                    }).collect_view()}
                </fieldset>
            </Show>
            <button type="submit" class="button button-primary button-wide" data-testid="log-help-submit">
                {t!(i18n, today_log_save)}
            </button>
        </form>
    }.into_any()
}
