//! The Bilan's sections beside the figures: the group's needs map with what to plan next,
//! and the difficulties met with services (printable alone for a meeting).

use crate::i18n::*;
use crate::services::report;
use leptos::prelude::*;

/// The group's needs map and what to plan next.
#[component]
pub fn Needs(view: report::NeedsView) -> impl IntoView {
    let i18n = use_i18n();
    let report::NeedsView {
        as_of,
        assessed,
        rows,
        plan,
    } = view;
    let has_plan = !plan.is_empty();
    view! {
        <section class="needs" data-testid="needs">
            <h2>{t!(i18n, reports_needs_title)}</h2>
            <p class="hint">
                {t!(i18n, reports_needs_hint, as_of = move || as_of.clone(), assessed = move || assessed.clone())}
            </p>
            <figure class="report-table card" tabindex="0">
                <figcaption>{t!(i18n, reports_needs_table)}</figcaption>
                <table data-testid="needs-table">
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, reports_topic)}</th>
                            <th scope="col">{t!(i18n, reports_want_to_learn)}</th>
                            <th scope="col">{t!(i18n, reports_can_show)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|(topic, learn, show)| {
                                view! {
                                    <tr>
                                        <th scope="row">{topic}</th>
                                        <td class="number">{learn}</td>
                                        <td class="number">{show}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </figure>
            <Show when=move || has_plan>
                <div class="card">
                    <h3>{t!(i18n, reports_plan_title)}</h3>
                    <ol data-testid="plan-next">
                        {plan.clone().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                    </ol>
                </div>
            </Show>
        </section>
    }
}

/// Difficulties with services: by area and by service, with dates; no personal data.
#[component]
pub fn Difficulties(view: report::DifficultiesView) -> impl IntoView {
    let i18n = use_i18n();
    let report::DifficultiesView {
        total,
        areas,
        services,
    } = view;
    view! {
        <section class="difficulties" data-testid="difficulties">
            <h2>{t!(i18n, reports_difficulties_title)}</h2>
            <p>{t!(i18n, reports_difficulties_total, total = move || total)}</p>
            <Show when=move || { total > 0 }>
                <figure class="report-table card" tabindex="0">
                    <figcaption>{t!(i18n, reports_by_area)}</figcaption>
                    <table data-testid="difficulties-areas">
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, reports_area)}</th>
                                <th scope="col">{t!(i18n, reports_difficulties_count)}</th>
                                <th scope="col">{t!(i18n, reports_services_count)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {areas
                                .clone()
                                .into_iter()
                                .map(|(area, count, services)| {
                                    view! {
                                        <tr>
                                            <th scope="row">{area}</th>
                                            <td class="number">{count}</td>
                                            <td class="number">{services}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </figure>
                <ul class="service-difficulties" data-testid="difficulties-services">
                    {services
                        .clone()
                        .into_iter()
                        .map(|(service, area, count, dates, what)| {
                            view! {
                                <li class="card">
                                    <h3>{service}</h3>
                                    <p class="hint">
                                        {area} " · " {t!(i18n, reports_times, count = move || count)} " · " {dates}
                                    </p>
                                    <ul>
                                        {what.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
                                    </ul>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </Show>
        </section>
    }
}
