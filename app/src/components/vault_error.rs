//! A vault or storage failure in plain words, with the technical detail kept for helpers.

use crate::i18n::*;
use crate::services::vault::VaultServiceError;
use leptos::prelude::*;

/// A failure to show: its code and the full technical detail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// Stable code (see `VaultServiceError::code`), or a form check's own code.
    pub code: &'static str,
    /// The full technical message (shown for "storage" and unknown cases).
    pub detail: String,
}

impl From<VaultServiceError> for Failure {
    fn from(e: VaultServiceError) -> Self {
        match &e {
            VaultServiceError::Sensitive(refusal) => Failure::refused(refusal),
            _ => Failure {
                code: e.code(),
                detail: e.to_string(),
            },
        }
    }
}

impl Failure {
    /// Text the guard refused (`code` "sensitive"): its sentences, in both languages.
    pub fn refused(refusal: &entraide_core::guard::Refusal) -> Self {
        Failure {
            code: "sensitive",
            detail: refusal_detail(refusal),
        }
    }

    /// A form check that failed (no technical detail).
    pub fn check(code: &'static str) -> Self {
        Failure {
            code,
            detail: String::new(),
        }
    }
}

/// A sentence from core carried as a failure's detail: the French one (`message(true)`), a
/// line break, the English one. [`refusal_sentence`] picks the person's language back.
pub fn bilingual_detail(message: impl Fn(bool) -> String) -> String {
    format!("{}\n{}", message(true), message(false))
}

/// A guard refusal carried as a failure's detail (see [`bilingual_detail`]).
pub fn refusal_detail(refusal: &entraide_core::guard::Refusal) -> String {
    bilingual_detail(|french| refusal.message(french))
}

/// The sentence of a [`refusal_detail`] in the person's language.
pub fn refusal_sentence(detail: &str, locale: Locale) -> String {
    let mut lines = detail.splitn(2, '\n');
    let fr = lines.next().unwrap_or_default();
    let en = lines.next().unwrap_or(fr);
    if locale == Locale::fr { fr } else { en }.to_string()
}

/// Shows `failure` as an alert (nothing when `None`).
#[component]
pub fn FailureText(
    /// The failure to show, if any.
    #[prop(into)]
    failure: Signal<Option<Failure>>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        failure.get().map(|f| {
            let text = match f.code {
                "wrong_passphrase" => t_string!(i18n, error_wrong_passphrase).to_string(),
                "empty_passphrase" => t_string!(i18n, error_empty_passphrase).to_string(),
                "damaged" => t_string!(i18n, error_damaged).to_string(),
                "newer_version" => t_string!(i18n, error_newer_version).to_string(),
                "not_a_backup" => t_string!(i18n, error_not_a_backup).to_string(),
                "work_factor_too_high" | "work_factor_too_low" => {
                    t_string!(i18n, error_work_factor).to_string()
                }
                "empty_nickname" => t_string!(i18n, error_empty_nickname).to_string(),
                "sensitive" => refusal_sentence(&f.detail, i18n.get_locale()),
                "mismatch" => t_string!(i18n, error_mismatch).to_string(),
                "weak" => t_string!(i18n, error_weak).to_string(),
                "not_noted" => t_string!(i18n, error_not_noted).to_string(),
                "no_file" => t_string!(i18n, error_no_file).to_string(),
                // The technical detail goes to the console, never on the screen.
                "storage" => {
                    web_sys::console::warn_1(&f.detail.clone().into());
                    t_string!(i18n, error_storage).to_string()
                }
                _ => {
                    web_sys::console::warn_1(&f.detail.clone().into());
                    t_string!(i18n, error_other).to_string()
                }
            };
            view! { <p class="error-text" role="alert" data-testid="error">{text}</p> }
        })
    }
}
