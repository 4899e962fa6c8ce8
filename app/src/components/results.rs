//! Self-assessment results: stars per topic (never percentages), "I can help with…",
//! "I would like to learn…", progress since the last time, and a bar chart drawn in SVG
//! whose figures are also given as a table for screen readers.

use crate::i18n::*;
use crate::services::catalog;
use entraide_core::assessment::{progress_since_last, AssessmentResult, History, MAX_STARS};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

fn date(ms: u64, french: bool) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    d.to_locale_date_string(if french { "fr-FR" } else { "en-GB" }, &JsValue::UNDEFINED)
        .into()
}

/// Stars drawn as text glyphs, hidden from screen readers (the label says the number).
fn stars_text(n: u8) -> String {
    (0..MAX_STARS)
        .map(|i| if i < n { '★' } else { '☆' })
        .collect()
}

/// The latest result of `history`, with the progress since the one before.
#[component]
pub fn Results(
    /// Completed assessments, oldest first (not empty).
    history: History,
) -> impl IntoView {
    let i18n = use_i18n();
    let french = move || i18n.get_locale() == Locale::fr;
    let Some(latest): Option<AssessmentResult> = history.latest().cloned() else {
        return ().into_any();
    };
    let deltas = progress_since_last(&history);
    let has_before = history.assessments().len() > 1;
    let improved = deltas.values().filter(|d| d.stars_change > 0).count();
    let mut rows: Vec<(String, u8, bool, Option<i8>)> = latest
        .topics
        .iter()
        .map(|(id, r)| {
            let change = deltas
                .get(id)
                .and_then(|d| d.stars_before.map(|_| d.stars_change));
            (id.clone(), r.stars, r.skipped, change)
        })
        .collect();
    // In the catalog's order (the order of the questions), not alphabetical by id.
    let order = |id: &str| {
        catalog::catalog()
            .ok()
            .and_then(|c| c.topics().iter().position(|t| t.id == id))
            .unwrap_or(usize::MAX)
    };
    rows.sort_by_key(|(id, ..)| order(id));
    let can_help: Vec<String> = latest
        .can_help_with()
        .into_iter()
        .map(String::from)
        .collect();
    let wants: Vec<String> = latest
        .wants_to_learn()
        .into_iter()
        .map(String::from)
        .collect();
    let taken_at = latest.taken_at;
    let topic_list = move |ids: Vec<String>| {
        if ids.is_empty() {
            view! { <p>{t!(i18n, results_none)}</p> }.into_any()
        } else {
            view! {
                <ul>
                    {ids.into_iter().map(|id| view! { <li>{move || catalog::topic_title(&id, french())}</li> }).collect_view()}
                </ul>
            }
            .into_any()
        }
    };
    let chart_rows = rows.clone();
    // Each row: the topic's title, then its bar (5 stars = full width).
    let row_height = 46.0;
    let height = chart_rows.len() as f64 * row_height + 8.0;
    view! {
        <section class="results" data-testid="results">
            <h2>{t!(i18n, results_title)}</h2>
            <p>{move || { let d = date(taken_at, french()); t!(i18n, results_date, date = move || d.clone()) }}</p>
            {has_before.then(|| view! {
                <div class="card" data-testid="progress-since-last">
                    <h3>{t!(i18n, results_progress_title)}</h3>
                    <p>{t!(i18n, results_progress_text, n = move || improved)}</p>
                </div>
            })}
            <div class="card">
                <h3>{t!(i18n, results_can_help)}</h3>
                <div data-testid="can-help">{topic_list(can_help)}</div>
                <h3>{t!(i18n, results_want_learn)}</h3>
                <div data-testid="wants-to-learn">{topic_list(wants)}</div>
            </div>
            <svg class="chart" viewBox=format!("0 0 320 {height}") width="100%" aria-hidden="true" focusable="false">
                {chart_rows
                    .into_iter()
                    .enumerate()
                    .map(|(i, (id, stars, _, _))| {
                        let y = i as f64 * row_height + 4.0;
                        let w = f64::from(stars) / f64::from(MAX_STARS) * 300.0;
                        view! {
                            <text x="10" y=y + 16.0 font-size="16" fill="#1a1a1a">
                                {move || {
                                    // The table below has the full titles; the chart keeps one line.
                                    let title = catalog::topic_title(&id, french());
                                    let short: String = if title.chars().count() > 30 {
                                        title.chars().take(29).chain(std::iter::once('…')).collect()
                                    } else {
                                        title
                                    };
                                    format!("{short} ({stars}/{MAX_STARS})")
                                }}
                            </text>
                            <rect x="10" y=y + 22.0 width="300" height="16" rx="4" fill="#e8eef2" />
                            <rect x="10" y=y + 22.0 width=w height="16" rx="4" fill="#0b4f6c" />
                        }
                    })
                    .collect_view()}
            </svg>
            <table class="results-table" data-testid="results-table">
                <caption>{t!(i18n, results_table_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, results_topic)}</th>
                        <th scope="col">{t!(i18n, results_stars_col)}</th>
                        <th scope="col">{t!(i18n, results_progress_col)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|(id, stars, skipped, change)| {
                            let attr = id.clone();
                            view! {
                                <tr data-topic=attr>
                                    <th scope="row">{move || catalog::topic_title(&id, french())}</th>
                                    <td>
                                        {if skipped {
                                            t!(i18n, results_skipped).into_any()
                                        } else {
                                            view! {
                                                <span class="stars" aria-hidden="true">{stars_text(stars)}</span>
                                                <span class="visually-hidden">{t!(i18n, results_stars, n = move || stars)}</span>
                                            }
                                            .into_any()
                                        }}
                                    </td>
                                    <td class="delta">
                                        {match change {
                                            None => t!(i18n, results_first_time).into_any(),
                                            Some(0) => t!(i18n, results_same).into_any(),
                                            Some(n) if n > 0 => t!(i18n, results_more, n = move || n).into_any(),
                                            Some(n) => t!(i18n, results_less, n = move || n).into_any(),
                                        }}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </section>
    }
    .into_any()
}
