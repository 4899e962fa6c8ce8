//! The confirmation code both phones show after a pairing, large, with what to check, and
//! the plain sentence for any failure of a group or pairing action.

use crate::components::vault_error::refusal_sentence;
use crate::i18n::*;
use leptos::prelude::*;

/// The six-digit code in big figures and the sentence asking to compare it.
#[component]
pub fn ConfirmCode(
    /// The code, as `482 913`.
    #[prop(into)]
    code: Signal<String>,
    /// Who must see the same code.
    #[prop(into)]
    partner: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="confirm" data-testid="confirm">
            <p>{t!(i18n, confirm_intro)}</p>
            <p class="confirm-code" data-testid="confirm-code">{move || code.get()}</p>
            <p>
                {move || {
                    t_string!(i18n, confirm_check).to_string().replace("{name}", &partner.get())
                }}
            </p>
        </div>
    }
}

/// A failed group or pairing action (`code` from `MembershipError::code` or a form check),
/// in plain words; the technical detail is added only for storage failures.
#[component]
pub fn ExchangeFailure(
    /// The failure: its code and technical detail.
    #[prop(into)]
    failure: Signal<Option<(&'static str, String)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        failure.get().map(|(code, detail)| {
            let text = match code {
                "wrong_kind" => t_string!(i18n, exchange_error_wrong_kind).to_string(),
                "wrong_group" => t_string!(i18n, exchange_error_wrong_group).to_string(),
                "replayed" => t_string!(i18n, exchange_error_replayed).to_string(),
                "not_for_me" => t_string!(i18n, exchange_error_not_for_me).to_string(),
                "newer_version" => t_string!(i18n, exchange_error_newer).to_string(),
                "damaged" => t_string!(i18n, exchange_error_damaged).to_string(),
                "invalid_name" => t_string!(i18n, exchange_error_name).to_string(),
                "other_offer" => t_string!(i18n, exchange_error_other_offer).to_string(),
                "own_code" => t_string!(i18n, exchange_error_own_code).to_string(),
                "already_member" => t_string!(i18n, exchange_error_already_member).to_string(),
                "locked" => t_string!(i18n, exchange_error_locked).to_string(),
                "stranger" => t_string!(i18n, exchange_error_stranger).to_string(),
                "removed_sender" => t_string!(i18n, exchange_error_removed).to_string(),
                "not_animator" => t_string!(i18n, exchange_error_not_animator).to_string(),
                "no_recipient" => t_string!(i18n, exchange_error_no_recipient).to_string(),
                "not_yet_member" => t_string!(i18n, exchange_error_not_yet_member).to_string(),
                "tip_empty" => t_string!(i18n, exchange_error_tip_empty).to_string(),
                "tip_long" => t_string!(i18n, exchange_error_tip_long).to_string(),
                "no_place" => t_string!(i18n, exchange_error_no_place).to_string(),
                "topics_differ" => t_string!(i18n, exchange_error_topics_differ).to_string(),
                "other_day" => t_string!(i18n, exchange_error_other_day).to_string(),
                "empty_nickname" => t_string!(i18n, exchange_error_empty_nickname).to_string(),
                "not_allowed" => t_string!(i18n, exchange_error_not_allowed).to_string(),
                "charter_empty" => t_string!(i18n, exchange_error_charter_empty).to_string(),
                "charter_unchanged" => {
                    t_string!(i18n, exchange_error_charter_unchanged).to_string()
                }
                "import_no_file" => t_string!(i18n, exchange_error_import_no_file).to_string(),
                // The guard's or the import's sentence: French on the first line, English
                // on the second.
                "sensitive" | "import_empty" | "import_format" | "difficulty" => {
                    refusal_sentence(&detail, i18n.get_locale())
                }
                // The technical detail goes to the console, never on the screen.
                _ => {
                    web_sys::console::warn_1(&detail.into());
                    t_string!(i18n, error_storage).to_string()
                }
            };
            view! { <p class="error" role="alert" data-testid="exchange-error">{text}</p> }
        })
    }
}
