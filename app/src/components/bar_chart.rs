//! A bar chart drawn by the app in SVG (labels wrapped to fit a phone's width; a hidden
//! "moins de 5" cell draws no bar), with the same figures as a table for screen readers.

use crate::i18n::*;
use crate::services::report::Chart;
use leptos::prelude::*;

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
pub fn BarChart(chart: Chart) -> impl IntoView {
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
