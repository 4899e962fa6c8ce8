//! Words for the screens of `entraide_core::screens::Screen`, in the person's language.

use crate::i18n::*;
use entraide_core::screens::Screen;

/// The title of a screen (its `<h1>` and the window title).
pub fn screen_title(locale: Locale, screen: Screen) -> &'static str {
    match screen {
        Screen::Home => td_string!(locale, home_title),
        Screen::Skills => td_string!(locale, skills_title),
        Screen::Group => td_string!(locale, group_title),
        Screen::Session => td_string!(locale, session_title),
        Screen::Exchange => td_string!(locale, exchange_title),
        Screen::Reports => td_string!(locale, reports_title),
        Screen::Settings => td_string!(locale, settings_title),
    }
}

/// One or two plain sentences saying what a screen is for.
pub fn screen_purpose(locale: Locale, screen: Screen) -> &'static str {
    match screen {
        Screen::Home => td_string!(locale, home_purpose),
        Screen::Skills => td_string!(locale, skills_purpose),
        Screen::Group => td_string!(locale, group_purpose),
        Screen::Session => td_string!(locale, session_purpose),
        Screen::Exchange => td_string!(locale, exchange_purpose),
        Screen::Reports => td_string!(locale, reports_purpose),
        Screen::Settings => td_string!(locale, settings_purpose),
    }
}

/// The short label of a screen in the menu.
pub fn screen_nav(locale: Locale, screen: Screen) -> &'static str {
    match screen {
        Screen::Home => td_string!(locale, home_title),
        Screen::Skills => td_string!(locale, skills_nav),
        Screen::Group => td_string!(locale, group_nav),
        Screen::Session => td_string!(locale, session_nav),
        Screen::Exchange => td_string!(locale, exchange_nav),
        Screen::Reports => td_string!(locale, reports_nav),
        Screen::Settings => td_string!(locale, settings_nav),
    }
}

/// The language code written in `<html lang>`.
pub fn lang_code(locale: Locale) -> &'static str {
    match locale {
        Locale::fr => "fr",
        Locale::en => "en",
    }
}
