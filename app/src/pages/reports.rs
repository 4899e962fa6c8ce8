//! "Bilan": the group's figures for its funders, over the period the animator picks, as
//! large numbers and bar charts (each with the same figures as a table for screen readers),
//! compared with the previous period, and printable as an A4 report. Any figure about fewer
//! than five people reads "moins de 5" everywhere.

use crate::components::page::Page;
use crate::i18n::*;
use crate::services::report::{self, parse_month, Chart, PeriodChoice, ReportView};
use crate::services::vault::{now_ms, yield_to_browser};
use crate::state::use_app_state;
use entraide_core::model::{Day, GroupRecord, Track};
use entraide_core::screens::Screen;
use leptos::prelude::*;

/// The reports screen.
#[component]
pub fn ReportsPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let today = Day::from_unix_ms(now_ms());
    // The record to report on: the demo year, or the first group this phone animates.
    let record = LocalResource::new(move || {
        let demo = state.demo.get();
        let own = state.records.with(|book| {
            book.as_ref().and_then(|b| {
                b.groups()
                    .iter()
                    .filter(|g| g.animates)
                    .find_map(|g| {
                        entraide_core::transfer::GroupId::from_hex(&g.group)
                            .and_then(|id| b.replica(id))
                    })
                    .map(|r| r.record().clone())
            })
        });
        async move {
            if demo {
                // Let the "working" line paint before the demo year is written.
                yield_to_browser().await;
                report::demo_record(today).map(|r| (r, true))
            } else {
                own.map(|r| (r, false)).ok_or_else(String::new)
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
                            Ok((record, demo)) => {
                                view! { <ReportBoard record=record demo=demo today=today /> }.into_any()
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
    /// Whether it is the demo year (the default period is then last year).
    demo: bool,
    /// The phone's date.
    today: Day,
) -> impl IntoView {
    let i18n = use_i18n();
    let french = move || i18n.get_locale() == Locale::fr;
    let group_name = record.info.name.clone();
    let record = StoredValue::new(record);
    let choice = RwSignal::new(if demo {
        PeriodChoice::LastYear
    } else {
        PeriodChoice::ThisYear
    });
    let track = RwSignal::new(None::<Track>);
    let month = RwSignal::new(format!("{}-{:02}", today.year(), today.ymd().1));
    let from = RwSignal::new(today.month_start().to_iso());
    let to = RwSignal::new(today.to_iso());
    let note = RwSignal::new(String::new());

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
        <div class="report" data-testid="report">
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
                Ok(view) => view! { <Figures view=view note=note /> }.into_any(),
                Err(sentence) => view! { <p class="card error" role="alert">{sentence}</p> }.into_any(),
            }}
            <label class="field no-print">
                <span>{t!(i18n, reports_note)}</span>
                <textarea
                    rows="4"
                    data-testid="report-note"
                    prop:value=move || note.get()
                    on:input=move |ev| note.set(event_target_value(&ev))
                ></textarea>
            </label>
            <div class="actions no-print">
                <button
                    class="button button-primary button-wide"
                    data-testid="print-report"
                    on:click=move |_| {
                        if let Some(w) = web_sys::window() {
                            let _ = w.print();
                        }
                    }
                >
                    {t!(i18n, reports_print)}
                </button>
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
fn Figures(view: ReportView, note: RwSignal<String>) -> impl IntoView {
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
                <figure class="report-table card">
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

/// Height of one line of a bar's label, in SVG units.
const LINE: f64 = 20.0;
/// Height of the bar under its label, with the space after it.
const BAR_ROW: f64 = 30.0;
/// Characters per label line (15 px text in a 320-unit-wide chart).
const LINE_CHARS: usize = 36;
/// Width of the chart, in SVG units (about the screen's pixels on a phone).
const WIDTH: f64 = 320.0;
/// Longest bar, leaving room for the figure after it.
const BAR_MAX: f64 = 230.0;

/// Splits `text` into lines of at most `width` characters, at spaces (a longer word keeps
/// its own line).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// A bar chart drawn by the app, and the same figures as a table for screen readers.
#[component]
fn BarChart(chart: Chart) -> impl IntoView {
    let i18n = use_i18n();
    let Chart {
        title,
        unit,
        bars,
        withheld,
    } = chart;
    // Each bar: its label on one or more lines, then the bar and its figure.
    let layout: Vec<(f64, Vec<String>)> = {
        let mut y = 0.0;
        bars.iter()
            .map(|bar| {
                let lines = wrap(&bar.label, LINE_CHARS);
                let top = y;
                y += LINE * lines.len() as f64 + BAR_ROW;
                (top, lines)
            })
            .collect()
    };
    let height = layout.last().map_or(BAR_ROW, |(top, lines)| {
        top + LINE * lines.len() as f64 + BAR_ROW
    });
    let empty = bars.is_empty();
    let table_title = title.clone();
    let unit_header = unit.clone();
    view! {
        <figure class="chart card">
            <figcaption>{title}</figcaption>
            {if withheld {
                view! { <p class="hint">{t!(i18n, reports_withheld)}</p> }.into_any()
            } else if empty {
                view! { <p class="hint">{t!(i18n, reports_nothing)}</p> }.into_any()
            } else {
                view! {
                    <svg
                        class="bars"
                        viewBox=format!("0 0 {WIDTH} {height}")
                        aria-hidden="true"
                        focusable="false"
                    >
                        {bars
                            .iter()
                            .zip(layout)
                            .map(|(bar, (top, lines))| {
                                let below = top + LINE * lines.len() as f64;
                                let width = (bar.fraction * BAR_MAX).max(if bar.fraction > 0.0 { 3.0 } else { 0.0 });
                                view! {
                                    <g>
                                        <text class="bar-label">
                                            {lines
                                                .into_iter()
                                                .enumerate()
                                                .map(|(i, line)| {
                                                    view! { <tspan x="0" y=top + 16.0 + LINE * i as f64>{line}</tspan> }
                                                })
                                                .collect_view()}
                                        </text>
                                        <rect x="0" y=below + 4.0 width=width height="16" rx="3" class="bar" />
                                        <text x=width + 6.0 y=below + 17.0 class="bar-value">{bar.text.clone()}</text>
                                    </g>
                                }
                            })
                            .collect_view()}
                    </svg>
                    <div class="visually-hidden">
                    <table>
                        <caption>{table_title}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, reports_category)}</th>
                                <th scope="col">{unit_header}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {bars
                                .into_iter()
                                .map(|bar| {
                                    view! {
                                        <tr>
                                            <th scope="row">{bar.label}</th>
                                            <td>{bar.text}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                    </div>
                }
                    .into_any()
            }}
        </figure>
    }
}
