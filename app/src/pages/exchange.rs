//! Exchange: helper and helped pair for a session by scanning each other's code (offer,
//! answer, the same confirmation code on both phones, undo), and a trial of the animated
//! codes to check two phones' cameras before a session hand-over.

use entraide_core::screens::Screen;
use entraide_core::transfer::pairing::PairRole;
use entraide_core::transfer::PersonId;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::confirm_code::{ConfirmCode, ExchangeFailure};
use crate::components::page::Page;
use crate::components::qr_display::QrDisplay;
use crate::components::record_exchange::PasswordsStayYours;
use crate::components::scanner::Scanner;
use crate::components::vault_forms::LockedScreen;
use crate::i18n::*;
use crate::services::membership::{self, MembershipError, Pairing};
use crate::services::transfer::{self, Sample, SAMPLE_SIZES};
use crate::services::vault::VaultStatus;
use crate::state::use_app_state;

/// The exchange screen.
#[component]
pub fn ExchangePage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    view! {
        <Page screen=Screen::Exchange>
            <Show
                when=move || state.vault.get() == VaultStatus::Unlocked
                fallback=move || view! { <LockedScreen testid="exchange-locked">{t!(i18n, exchange_locked)}</LockedScreen> }
            >
                <PairingBoard />
                <Trial />
            </Show>
        </Page>
    }
}

#[derive(Debug, Clone, PartialEq)]
enum PairStep {
    Menu,
    Offer(PairRole, Vec<u8>),
    ScanAnswer(PairRole, Vec<u8>),
    ScanOffer,
    Paired(Pairing, Option<Vec<u8>>),
}

type Failure = Option<(&'static str, String)>;

fn failed(failure: RwSignal<Failure>, error: &MembershipError) {
    failure.set(Some((error.code(), error.to_string())));
}

fn role_sentence(i18n: leptos_i18n::I18nContext<Locale>, pairing: &Pairing) -> String {
    let text = match pairing.role {
        PairRole::Helper => t_string!(i18n, pair_you_help).to_string(),
        PairRole::Helped => t_string!(i18n, pair_helps_you).to_string(),
    };
    text.replace("{name}", &pairing.partner.name)
}

#[component]
fn PairingBoard() -> impl IntoView {
    let i18n = use_i18n();
    let step = RwSignal::new(PairStep::Menu);
    let failure = RwSignal::new(None::<(&'static str, String)>);
    let pairings = RwSignal::new(Vec::<Pairing>::new());
    let reload = move || {
        spawn_local(async move {
            match membership::load().await {
                Ok(m) => pairings.set(m.pairings),
                Err(e) => failed(failure, &e),
            }
        });
    };
    reload();
    let go = move |next: PairStep| {
        failure.set(None);
        step.set(next);
    };
    let offer = move |role: PairRole| {
        spawn_local(async move {
            match membership::pair_offer(role).await {
                Ok(bytes) => go(PairStep::Offer(role, bytes)),
                Err(e) => failed(failure, &e),
            }
        });
    };
    let undo = move |partner: PersonId| {
        spawn_local(async move {
            match membership::undo_pairing(partner).await {
                Ok(()) => {
                    reload();
                    go(PairStep::Menu);
                }
                Err(e) => failed(failure, &e),
            }
        });
    };
    view! {
        <section class="card" data-testid="pairing">
            <h2>{t!(i18n, pair_title)}</h2>
            <ExchangeFailure failure=failure />
            {move || match step.get() {
                PairStep::Menu => view! {
                    <p>{t!(i18n, pair_intro)}</p>
                    <button type="button" class="button button-primary button-wide" data-testid="pair-show-helper" on:click=move |_| offer(PairRole::Helper)>
                        {t!(i18n, pair_show_helper)}
                    </button>
                    <button type="button" class="button button-wide" data-testid="pair-show-helped" on:click=move |_| offer(PairRole::Helped)>
                        {t!(i18n, pair_show_helped)}
                    </button>
                    <button type="button" class="button button-wide" data-testid="pair-scan" on:click=move |_| go(PairStep::ScanOffer)>
                        {t!(i18n, pair_scan)}
                    </button>
                }.into_any(),
                PairStep::Offer(role, bytes) => view! {
                    <p>{t!(i18n, pair_offer_intro)}</p>
                    <QrDisplay payload=bytes.clone() label=t_string!(i18n, pair_offer_label).to_string() />
                    <button type="button" class="button button-primary button-wide" data-testid="pair-scan-answer" on:click=move |_| go(PairStep::ScanAnswer(role, bytes.clone()))>
                        {t!(i18n, pair_scan_answer)}
                    </button>
                    <button type="button" class="button button-quiet button-wide" on:click=move |_| go(PairStep::Menu)>
                        {t!(i18n, common_back)}
                    </button>
                }.into_any(),
                PairStep::ScanAnswer(role, bytes) => {
                    let shown = bytes.clone();
                    let on_payload = Callback::new(move |answer: Vec<u8>| {
                        let shown = shown.clone();
                        spawn_local(async move {
                            match membership::accept_pair_answer(&answer).await {
                                Ok(pairing) => { reload(); go(PairStep::Paired(pairing, None)) }
                                Err(e) => { go(PairStep::Offer(role, shown)); failed(failure, &e) }
                            }
                        });
                    });
                    view! {
                        <Scanner on_payload=on_payload hint=t_string!(i18n, pair_scan_answer_hint).to_string() />
                        <button type="button" class="button button-quiet button-wide" on:click=move |_| go(PairStep::Offer(role, bytes.clone()))>
                            {t!(i18n, common_back)}
                        </button>
                    }.into_any()
                }
                PairStep::ScanOffer => {
                    let on_payload = Callback::new(move |bytes: Vec<u8>| {
                        spawn_local(async move {
                            match membership::answer_pair(&bytes).await {
                                Ok((answer, pairing)) => { reload(); go(PairStep::Paired(pairing, Some(answer))) }
                                Err(e) => { go(PairStep::Menu); failed(failure, &e) }
                            }
                        });
                    });
                    view! {
                        <Scanner on_payload=on_payload hint=t_string!(i18n, pair_scan_hint).to_string() />
                        <button type="button" class="button button-quiet button-wide" on:click=move |_| go(PairStep::Menu)>
                            {t!(i18n, common_back)}
                        </button>
                    }.into_any()
                }
                PairStep::Paired(pairing, answer) => {
                    let partner = pairing.partner.person;
                    let name = pairing.partner.name.clone();
                    view! {
                        <div data-testid="paired">
                            <h3>{role_sentence(i18n, &pairing)}</h3>
                            <PasswordsStayYours />
                            {answer.map(|bytes| view! {
                                <p>{t_string!(i18n, pair_answer_intro).to_string().replace("{name}", &name)}</p>
                                <QrDisplay payload=bytes label=t_string!(i18n, pair_answer_label).to_string() />
                            })}
                            <ConfirmCode code=pairing.code.clone() partner=pairing.partner.name.clone() />
                            <button type="button" class="button button-primary button-wide" on:click=move |_| go(PairStep::Menu)>
                                {t!(i18n, common_done)}
                            </button>
                            <button type="button" class="button button-quiet button-wide" data-testid="undo" on:click=move |_| undo(partner)>
                                {t!(i18n, pair_undo)}
                            </button>
                        </div>
                    }.into_any()
                }
            }}
            <Show when=move || !pairings.get().is_empty()>
                <h3>{t!(i18n, pair_list_title)}</h3>
                <ul class="people" data-testid="pairings">
                    <For each=move || pairings.get() key=|p| (p.partner.person, p.code.clone()) let:pairing>
                        {
                            let partner = pairing.partner.person;
                            view! {
                                <li>
                                    <span>{role_sentence(i18n, &pairing)}</span>
                                    <span class="hint">{format!(" · {}", pairing.code.replace(' ', "\u{a0}"))}</span>
                                    <button type="button" class="button button-small" on:click=move |_| undo(partner)>
                                        {t!(i18n, pair_undo_short)}
                                    </button>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </Show>
        </section>
    }
}

#[derive(Debug, Clone, PartialEq)]
enum TrialStep {
    Menu,
    Show(Sample),
    Receive,
    Received(Result<Sample, String>),
}

fn kilobytes(size: usize) -> String {
    format!("{} Ko", size / 1024)
}

/// Try the animated codes between two phones: one shows a random payload, the other scans
/// it and checks it arrived whole (same fingerprint).
#[component]
fn Trial() -> impl IntoView {
    let i18n = use_i18n();
    let step = RwSignal::new(TrialStep::Menu);
    let busy = RwSignal::new(false);
    let show = move |size: usize| {
        busy.set(true);
        spawn_local(async move {
            match transfer::sample(size).await {
                Ok(sample) => step.set(TrialStep::Show(sample)),
                Err(e) => step.set(TrialStep::Received(Err(e.to_string()))),
            }
            busy.set(false);
        });
    };
    view! {
        <section class="card" data-testid="trial">
            <h2>{t!(i18n, trial_title)}</h2>
            {move || match step.get() {
                TrialStep::Menu => view! {
                    <p>{t!(i18n, trial_intro)}</p>
                    <div class="actions">
                        {SAMPLE_SIZES.iter().map(|&size| view! {
                            <button type="button" class="button" disabled=busy data-testid=format!("trial-show-{}", size / 1024) on:click=move |_| show(size)>
                                {format!("{} {}", t_string!(i18n, trial_show), kilobytes(size))}
                            </button>
                        }).collect_view()}
                    </div>
                    <button type="button" class="button button-primary button-wide" data-testid="trial-receive" on:click=move |_| step.set(TrialStep::Receive)>
                        {t!(i18n, trial_receive)}
                    </button>
                }.into_any(),
                TrialStep::Show(sample) => view! {
                    <QrDisplay payload=sample.envelope.clone() label=format!("{} {}", t_string!(i18n, trial_label), kilobytes(sample.size)) />
                    <p class="hint" data-testid="trial-sent" data-sha256=sample.digest.clone() data-size=sample.size>
                        {format!("{} {}", t_string!(i18n, trial_fingerprint), &sample.digest[..8])}
                    </p>
                    <button type="button" class="button button-quiet button-wide" on:click=move |_| step.set(TrialStep::Menu)>
                        {t!(i18n, common_back)}
                    </button>
                }.into_any(),
                TrialStep::Receive => {
                    let on_payload = Callback::new(move |bytes: Vec<u8>| {
                        step.set(TrialStep::Received(transfer::open_sample(&bytes).map_err(|e| e.to_string())));
                    });
                    view! {
                        <Scanner on_payload=on_payload hint=t_string!(i18n, trial_scan_hint).to_string() />
                        <button type="button" class="button button-quiet button-wide" on:click=move |_| step.set(TrialStep::Menu)>
                            {t!(i18n, common_back)}
                        </button>
                    }.into_any()
                }
                TrialStep::Received(result) => view! {
                    {match result {
                        Ok(sample) => view! {
                            <p class="confirmed" role="status" data-testid="trial-received" data-sha256=sample.digest.clone() data-size=sample.size>
                                {format!("{} {} · {} {}", t_string!(i18n, trial_received), kilobytes(sample.size), t_string!(i18n, trial_fingerprint), &sample.digest[..8])}
                            </p>
                        }.into_any(),
                        Err(detail) => view! {
                            <p class="error" role="alert" data-testid="trial-error">{format!("{} ({detail})", t_string!(i18n, exchange_error_damaged))}</p>
                        }.into_any(),
                    }}
                    <button type="button" class="button button-wide" on:click=move |_| step.set(TrialStep::Menu)>
                        {t!(i18n, common_done)}
                    </button>
                }.into_any(),
            }}
        </section>
    }
}
