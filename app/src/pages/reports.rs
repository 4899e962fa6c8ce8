//! "Bilan": the group's figures for its funders, over the period the animator picks, as
//! large numbers and bar charts (each with the same figures as a table for screen readers),
//! compared with the previous period, and printable as an A4 report. Any figure about fewer
//! than five people reads "moins de 5" everywhere.

use crate::components::bar_chart::BarChart;
use crate::components::page::Page;
use crate::components::report_sections::{Difficulties, Needs};
use crate::i18n::*;
use crate::services::report::{self, parse_month, PeriodChoice, ReportView};
use crate::services::vault::{now_ms, yield_to_browser, VaultStatus};
use crate::state::use_app_state;
use crate::state::RecordsStoreFields;
use entraide_core::model::{Day, GroupRecord, Track};
use entraide_core::screens::Screen;
use leptos::prelude::*;

/// The reports screen.
#[component]
pub fn ReportsPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let today = Day::from_unix_ms(now_ms());
    // Catch up with what the group screens wrote since the last opening.
    if !state.demo.get_untracked() && state.records.book().with_untracked(Option::is_some) {
        leptos::task::spawn_local(async move { state.load_records().await });
    }
    // The record to report on: the demo year, or the first group this phone animates.
    let record = LocalResource::new(move || {
        let demo = state.demo.get();
        let own = state.records.book().with(|book| {
            book.as_ref().and_then(|b| {
                b.groups().iter().filter(|g| g.animates).find_map(|g| {
                    let id = entraide_core::transfer::GroupId::from_hex(&g.group)?;
                    b.replica(id).map(|r| (r.record().clone(), id))
                })
            })
        });
        async move {
            if demo {
                // Let the "working" line paint before the demo year is written.
                yield_to_browser().await;
                report::demo_record(today).map(|r| (r, None, String::new()))
            } else {
                let (record, group) = own.ok_or_else(String::new)?;
                let note = report::load_note(group).await.unwrap_or_else(|e| {
                    web_sys::console::warn_1(&format!("report note: {e}").into());
                    String::new()
                });
                Ok((record, Some(group), note))
            }
        }
    });
    let start_demo = move |_| state.demo.set(true);
    view! {
        <Page screen=Screen::Reports>
            <Suspense fallback=move || {
                view! { <p class="card" role="status">{t!(i18n, reports_working)}</p> }
            }>
                {move || {
                    record
                        .get()
                        .map(|loaded| match loaded {
                            Ok((record, group, note)) => {
                                view! { <ReportBoard record=record group=group note=note today=today /> }
                                    .into_any()
                            }
                            Err(_) if state.vault.get() != VaultStatus::Unlocked && !state.demo.get() => {
                                view! {
                                    <p class="card" data-testid="reports-locked">{t!(i18n, reports_locked)}</p>
                                }
                                    .into_any()
                            }
                            Err(e) if e.is_empty() => {
                                view! {
                                    <div class="card">
                                        <p>{t!(i18n, reports_no_group)}</p>
                                        <button class="button button-primary button-wide" on:click=start_demo>
                                            {t!(i18n, home_demo)}
                                        </button>
                                    </div>
                                }
                                    .into_any()
                            }
                            Err(e) => {
                                web_sys::console::warn_1(&format!("report: {e}").into());
                                view! { <p class="card error" role="alert">{t!(i18n, reports_failed)}</p> }
                                    .into_any()
                            }
                        })
                }}
            </Suspense>
        </Page>
    }
}

/// The period picker, the figures and the print button for one record.
#[component]
pub fn ReportBoard(
    /// The group's record.
    record: GroupRecord,
    /// The group this phone animates, or `None` for the demo year (whose default period is
    /// then last year, and whose note is not kept).
    group: Option<entraide_core::transfer::GroupId>,
    /// The animator's words for the partners, as last saved.
    note: String,
    /// The phone's date.
    today: Day,
) -> impl IntoView {
    let i18n = use_i18n();
    let french = move || i18n.get_locale() == Locale::fr;
    let group_name = record.info.name.clone();
    let record = StoredValue::new(record);
    let demo = group.is_none();
    let choice = RwSignal::new(if demo {
        PeriodChoice::LastYear
    } else {
        PeriodChoice::ThisYear
    });
    let track = RwSignal::new(None::<Track>);
    let month = RwSignal::new(format!("{}-{:02}", today.year(), today.ymd().1));
    let from = RwSignal::new(today.month_start().to_iso());
    let to = RwSignal::new(today.to_iso());
    let note = RwSignal::new(note);
    let note_status = RwSignal::new(None::<String>);
    // The animator's words go through the guard: refused words are neither kept nor printed.
    let note_refusal = Memo::new(move |_| {
        let french = french();
        note.with(|n| entraide_core::guard::check(n, entraide_core::guard::FieldKind::Report))
            .err()
            .map(|r| r.message(french))
    });
    let printable = Signal::derive(move || {
        if note_refusal.get().is_some() {
            String::new()
        } else {
            note.get()
        }
    });
    let save_note = move |text: String| {
        let Some(group) = group else { return };
        if note_refusal.get_untracked().is_some() {
            note_status.set(None);
            return;
        }
        let fr = french();
        leptos::task::spawn_local(async move {
            note_status.set(Some(match report::save_note(group, &text).await {
                Ok(()) if fr => "Votre mot est enregistré.".to_string(),
                Ok(()) => "Your words are saved.".to_string(),
                Err(e) => {
                    web_sys::console::warn_1(&format!("report note: {e}").into());
                    if fr {
                        "Votre mot n'a pas pu être enregistré. Il reste à l'écran : réessayez."
                            .to_string()
                    } else {
                        "Your words could not be saved. They stay on screen: try again.".to_string()
                    }
                }
            }));
        });
    };

    let kind = move || match choice.get() {
        PeriodChoice::ThisYear => "this_year",
        PeriodChoice::LastYear => "last_year",
        PeriodChoice::Month(..) => "month",
        PeriodChoice::Range(..) => "range",
    };
    let pick = move |k: &'static str| {
        let next = match k {
            "this_year" => Some(PeriodChoice::ThisYear),
            "last_year" => Some(PeriodChoice::LastYear),
            "month" => parse_month(&month.get_untracked()).map(|(y, m)| PeriodChoice::Month(y, m)),
            _ => match (
                Day::parse(&from.get_untracked()),
                Day::parse(&to.get_untracked()),
            ) {
                (Some(a), Some(b)) => Some(PeriodChoice::Range(a, b)),
                _ => None,
            },
        };
        if let Some(next) = next {
            choice.set(next);
        }
    };
    let shown = Memo::new(move |_| {
        let french = french();
        choice
            .get()
            .period(today)
            .map(|period| record.with_value(|r| report::view(r, period, track.get(), french)))
            .map_err(|e| e.sentence(french))
    });
    let period = Memo::new(move |_| choice.get().period(today).ok());
    let needs = Memo::new(move |_| {
        let french = french();
        period
            .get()
            .map(|p| record.with_value(|r| report::needs(r, p, french)))
    });
    let difficulties = Memo::new(move |_| {
        let french = french();
        period
            .get()
            .map(|p| record.with_value(|r| report::difficulties(r, p, french)))
    });
    let only_difficulties = RwSignal::new(false);
    let show_thanks = RwSignal::new(false);
    let thanks = Memo::new(move |_| {
        let french = french();
        match (show_thanks.get(), period.get()) {
            (true, Some(p)) => record.with_value(|r| report::thanks(r, p, track.get(), french)),
            _ => Vec::new(),
        }
    });
    let print = move |difficulties_only: bool| {
        only_difficulties.set(difficulties_only);
        if let Some(w) = web_sys::window() {
            // The class is on the page before the print dialog reads it.
            request_animation_frame(move || {
                let _ = w.print();
                only_difficulties.set(false);
            });
        }
    };
    let csv_status = RwSignal::new(None::<String>);
    // `tables`: the aggregate tables; else one row per help given.
    let download_csv = move |tables: bool| {
        let Some(p) = period.get_untracked() else {
            return;
        };
        let (text, name) = record.with_value(|r| {
            if tables {
                report::tables_csv(r, p, track.get_untracked())
            } else {
                report::help_csv(r, p, track.get_untracked())
            }
        });
        let fr = french();
        csv_status.set(Some(
            match crate::platform::download::offer_file(
                text.as_bytes(),
                &name,
                "text/csv;charset=utf-8",
            ) {
                Ok(()) if fr => format!("Fichier « {name} » prêt dans vos téléchargements."),
                Ok(()) => format!("File “{name}” is ready in your downloads."),
                Err(e) => {
                    web_sys::console::warn_1(&e);
                    if fr {
                        "Le fichier n'a pas pu être préparé. Réessayez.".to_string()
                    } else {
                        "The file could not be prepared. Try again.".to_string()
                    }
                }
            },
        ));
    };
    let radio = move |value: &'static str, label: String| {
        view! {
            <label class="choice">
                <input
                    type="radio"
                    name="report-period"
                    value=value
                    prop:checked=move || kind() == value
                    on:change=move |_| pick(value)
                />
                <span>{label}</span>
            </label>
        }
    };
    let track_radio = move |value: Option<Track>, label: String| {
        view! {
            <label class="choice">
                <input
                    type="radio"
                    name="report-track"
                    prop:checked=move || track.get() == value
                    on:change=move |_| track.set(value)
                />
                <span>{label}</span>
            </label>
        }
    };
    view! {
        <div class="report" class:print-difficulties=move || only_difficulties.get() data-testid="report">
            <p class="report-group" data-testid="report-group">{group_name}</p>
            <Show when=move || demo>
                <p class="hint no-print">{t!(i18n, reports_demo_hint)}</p>
            </Show>
            <fieldset class="card no-print" data-testid="period-picker">
                <legend>{t!(i18n, reports_period)}</legend>
                {radio("this_year", t_string!(i18n, reports_this_year).to_string())}
                {radio("last_year", t_string!(i18n, reports_last_year).to_string())}
                {radio("month", t_string!(i18n, reports_a_month).to_string())}
                <Show when=move || kind() == "month">
                    <DateField
                        kind="month"
                        testid="period-month"
                        label=t_string!(i18n, reports_month).to_string()
                        value=month
                        changed=Callback::new(move |()| pick("month"))
                    />
                </Show>
                {radio("range", t_string!(i18n, reports_range).to_string())}
                <Show when=move || kind() == "range">
                    <DateField
                        kind="date"
                        testid="period-from"
                        label=t_string!(i18n, reports_from).to_string()
                        value=from
                        changed=Callback::new(move |()| pick("range"))
                    />
                    <DateField
                        kind="date"
                        testid="period-to"
                        label=t_string!(i18n, reports_to).to_string()
                        value=to
                        changed=Callback::new(move |()| pick("range"))
                    />
                </Show>
            </fieldset>
            <fieldset class="card no-print">
                <legend>{t!(i18n, reports_track)}</legend>
                {track_radio(None, t_string!(i18n, reports_both_tracks).to_string())}
                {track_radio(Some(Track::Beginners), Track::Beginners.label(french()).to_string())}
                {track_radio(Some(Track::Confirmed), Track::Confirmed.label(french()).to_string())}
            </fieldset>
            {move || match shown.get() {
                Ok(view) => view! { <Figures view=view note=printable /> }.into_any(),
                Err(sentence) => view! { <p class="card error" role="alert">{sentence}</p> }.into_any(),
            }}
            <label class="choice no-print">
                <input
                    type="checkbox"
                    data-testid="show-thanks"
                    prop:checked=move || show_thanks.get()
                    on:change=move |ev| show_thanks.set(event_target_checked(&ev))
                />
                <span>{t!(i18n, reports_show_thanks)}</span>
            </label>
            <Show when=move || show_thanks.get()>
                <section class="card thanks" data-testid="thanks">
                    <h2>{t!(i18n, reports_thanks_title)}</h2>
                    <ul>{move || thanks.get().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                </section>
            </Show>
            {move || needs.get().map(|n| view! { <Needs view=n /> })}
            {move || difficulties.get().map(|d| view! { <Difficulties view=d /> })}
            <label class="field no-print">
                <span>{t!(i18n, reports_note)}</span>
                <textarea
                    rows="4"
                    data-testid="report-note"
                    prop:value=move || note.get()
                    on:input=move |ev| note.set(event_target_value(&ev))
                    on:change=move |ev| save_note(event_target_value(&ev))
                ></textarea>
            </label>
            {move || {
                note_refusal
                    .get()
                    .map(|m| view! { <p class="error no-print" role="alert" data-testid="note-refused">{m}</p> })
            }}
            <p class="hint no-print" role="status" data-testid="note-status">
                {move || note_status.get().unwrap_or_default()}
            </p>
            <div class="actions no-print">
                <button
                    class="button button-primary button-wide"
                    data-testid="print-report"
                    on:click=move |_| print(false)
                >
                    {t!(i18n, reports_print)}
                </button>
                <button
                    class="button button-wide"
                    data-testid="print-difficulties"
                    on:click=move |_| print(true)
                >
                    {t!(i18n, reports_print_difficulties)}
                </button>
                <button class="button button-wide" data-testid="download-csv" on:click=move |_| download_csv(false)>
                    {t!(i18n, reports_csv)}
                </button>
                <button class="button button-wide" data-testid="download-tables" on:click=move |_| download_csv(true)>
                    {t!(i18n, reports_tables_csv)}
                </button>
                <p class="status" role="status" data-testid="csv-status">
                    {move || csv_status.get().unwrap_or_default()}
                </p>
                <p class="hint">{t!(i18n, reports_print_hint)}</p>
            </div>
        </div>
    }
}

/// A date or month field of the period picker.
#[component]
fn DateField(
    /// `"date"` or `"month"`.
    kind: &'static str,
    /// Its test id.
    testid: &'static str,
    /// Its label.
    label: String,
    /// Its value, as the input gives it ("2025-03-14", "2025-03").
    value: RwSignal<String>,
    /// Called after a change.
    changed: Callback<()>,
) -> impl IntoView {
    view! {
        <label class="field">
            <span>{label}</span>
            <input
                type=kind
                data-testid=testid
                prop:value=move || value.get()
                on:change=move |ev| {
                    value.set(event_target_value(&ev));
                    changed.run(());
                }
            />
        </label>
    }
}

/// The figures of one period: large numbers, charts, sessions, the animator's words.
#[component]
fn Figures(view: ReportView, note: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let ReportView {
        period,
        previous,
        headlines,
        charts,
        sessions,
    } = view;
    let has_sessions = !sessions.is_empty();
    view! {
        <section class="report-figures" data-testid="report-figures" aria-live="polite">
            <h2 data-testid="report-period">{period}</h2>
            <p class="hint">{t!(i18n, reports_compared, previous = move || previous.clone())}</p>
            <Show when=move || !note.get().trim().is_empty()>
                <p class="report-note print-only">{move || note.get()}</p>
            </Show>
            <ul class="headlines" data-testid="headlines">
                {headlines
                    .into_iter()
                    .map(|h| {
                        view! {
                            <li class="headline card">
                                <span class="headline-value">{h.value}</span>
                                <span class="headline-label">{h.label}</span>
                                {h.change.map(|c| view! { <span class="headline-change">{c}</span> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {charts.into_iter().map(|chart| view! { <BarChart chart=chart /> }).collect_view()}
            <Show when=move || has_sessions>
                <figure class="report-table card" tabindex="0">
                    <figcaption>{t!(i18n, reports_sessions)}</figcaption>
                    <table data-testid="sessions-table">
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, reports_date)}</th>
                                <th scope="col">{t!(i18n, reports_track)}</th>
                                <th scope="col">{t!(i18n, reports_present)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {sessions
                                .clone()
                                .into_iter()
                                .map(|(date, track, people)| {
                                    view! {
                                        <tr>
                                            <td>{date}</td>
                                            <td>{track}</td>
                                            <td class="number">{people}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </figure>
            </Show>
        </section>
    }
}
