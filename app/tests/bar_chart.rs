//! The Bilan's bar chart in headless Chromium: a hidden cell reads "moins de 5" and draws no
//! bar, a long label wraps onto lines that fit the chart, and the table for screen readers
//! holds the same figures as the bars.

use entraide_app::components::bar_chart::BarChart;
use entraide_app::i18n::*;
use entraide_app::services::report::{Bar, Chart};
use leptos::prelude::*;
use wasm_bindgen_test::*;

mod common;
use common::{document, sleep};

wasm_bindgen_test_configure!(run_in_browser);

fn texts(selector: &str) -> Vec<String> {
    let list = document()
        .query_selector_all(selector)
        .unwrap_or_else(|_| panic!("a valid selector"));
    (0..list.length())
        .filter_map(|i| list.item(i).and_then(|n| n.text_content()))
        .collect()
}

#[wasm_bindgen_test]
async fn hidden_cells_draw_no_bar_and_long_labels_wrap() {
    let chart = Chart {
        title: "Aides par thème".into(),
        unit: "aides".into(),
        bars: vec![
            Bar {
                label: "Les e-mails".into(),
                text: "36".into(),
                fraction: 1.0,
            },
            Bar {
                label: "Sécuriser son appareil et éviter les arnaques en ligne".into(),
                text: "moins de 5".into(),
                fraction: 0.0,
            },
        ],
        withheld: false,
    };
    let host = common::fresh_host("chart-under-test");
    let _mounted = leptos::mount::mount_to(host, move || {
        view! {
            <I18nSubContextProvider initial_locale=Signal::stored(Locale::fr)>
                <BarChart chart=chart.clone() />
            </I18nSubContextProvider>
        }
    });
    sleep(20).await;
    let rects = document()
        .query_selector_all("#chart-under-test rect.bar")
        .unwrap_or_else(|_| panic!("a valid selector"));
    assert_eq!(rects.length(), 2);
    let width = |i: u32| {
        rects
            .item(i)
            .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
            .and_then(|e| e.get_attribute("width"))
            .unwrap_or_default()
    };
    assert_eq!(width(0), "230");
    assert_eq!(width(1), "0");
    // The long label is on two lines, each short enough for the 320-unit chart.
    let lines = texts("#chart-under-test text.bar-label tspan");
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines.iter().all(|l| l.chars().count() <= 36), "{lines:?}");
    assert_eq!(
        texts("#chart-under-test text.bar-value"),
        texts("#chart-under-test table td")
    );
    assert_eq!(
        texts("#chart-under-test table td"),
        vec!["36".to_string(), "moins de 5".to_string()]
    );
}
