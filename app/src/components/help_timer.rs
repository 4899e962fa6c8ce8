//! Step 4's gentle help-time marker on the animator's phone: 30, 40 or 45 minutes, started
//! if the animator wants it, never ringing. It shows the minutes passed on a calm bar and,
//! once the planned time has passed, says that the animator ends when the group is ready.
//! The marker is kept per group for the time the app stays open (leaving the screen and
//! coming back keeps it; it is a landmark, not data, so it is not saved).

use std::cell::RefCell;
use std::collections::HashMap;
use std::time::Duration;

use entraide_core::session::timer::{HelpTimer as Marker, CHOICES};
use entraide_core::transfer::GroupId;
use leptos::prelude::*;

use crate::i18n::*;

thread_local! {
    static STARTED: RefCell<HashMap<GroupId, Marker>> = RefCell::new(HashMap::new());
}

fn now_ms() -> u64 {
    // Whole milliseconds since 1970: positive and far below 2^53.
    js_sys::Date::now().max(0.0) as u64
}

/// The marker's card.
#[component]
pub fn HelpTimer(group: GroupId, planned: u16) -> impl IntoView {
    let i18n = use_i18n();
    let marker = RwSignal::new(STARTED.with(|s| s.borrow().get(&group).copied()));
    let chosen = RwSignal::new(if CHOICES.contains(&planned) {
        planned
    } else {
        CHOICES[1]
    });
    let now = RwSignal::new(now_ms());
    if let Ok(handle) = set_interval_with_handle(move || now.set(now_ms()), Duration::from_secs(5))
    {
        on_cleanup(move || handle.clear());
    }
    let start = move |_| {
        let m = Marker::start(now_ms(), chosen.get_untracked());
        STARTED.with(|s| s.borrow_mut().insert(group, m));
        now.set(now_ms());
        marker.set(Some(m));
    };
    let stop = move |_| {
        STARTED.with(|s| s.borrow_mut().remove(&group));
        marker.set(None);
    };
    view! {
        <section class="help-timer" data-testid="help-timer">
            <h3>{t!(i18n, timer_title)}</h3>
            {move || match marker.get() {
                None => view! {
                    <p>{t!(i18n, timer_intro)}</p>
                    <fieldset class="choices timer-choices">
                        <legend>{t!(i18n, timer_choose)}</legend>
                        {CHOICES.iter().map(|&m| view! {
                            <label class="choice">
                                <input type="radio" name="help-minutes" data-testid="timer-choice" value=m.to_string()
                                    prop:checked=move || chosen.get() == m on:change=move |_| chosen.set(m) />
                                <span>{t_string!(i18n, timer_minutes).to_string().replace("{n}", &m.to_string())}</span>
                            </label>
                        }).collect_view()}
                    </fieldset>
                    <button type="button" class="button button-wide" data-testid="timer-start" on:click=start>
                        {t!(i18n, timer_start)}
                    </button>
                }.into_any(),
                Some(m) => {
                    let at = move || m.at(now.get());
                    view! {
                        <p class="timer-figure" data-testid="timer-elapsed" aria-live="polite">
                            {move || {
                                let t = at();
                                t_string!(i18n, timer_elapsed)
                                    .to_string()
                                    .replace("{elapsed}", &t.elapsed.to_string())
                                    .replace("{planned}", &t.planned.to_string())
                            }}
                        </p>
                        <progress class="timer-bar" max=m.planned.to_string()
                            value=move || at().elapsed.min(m.planned).to_string()
                            aria-label=move || t_string!(i18n, timer_bar).to_string()></progress>
                        <p class="hint" data-testid="timer-note">
                            {move || if at().over { t_string!(i18n, timer_over) } else { t_string!(i18n, timer_running) }}
                        </p>
                        <button type="button" class="button button-quiet button-wide" data-testid="timer-stop" on:click=stop>
                            {t!(i18n, timer_stop)}
                        </button>
                    }.into_any()
                }
            }}
        </section>
    }
}
