//! Opening hours in plain words: the national schema stores them in OpenStreetMap's
//! `opening_hours` syntax ("Mo-Fr 09:00-12:00,13:30-17:00; Sa 09:00-12:00"), which a
//! person reading a relay's card should never have to decode. [`plain`] turns the common
//! part of that syntax (day ranges and lists, time ranges, `off`, `PH off`) into French or
//! English lines, one rule per line, and gives the text back unchanged, trimmed, when it
//! holds anything else (so nothing is ever lost or invented).

use crate::matching::reasons::Lang;

const DAYS: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
const DAYS_FR: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];
const DAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The opening hours `hours` as plain lines in `lang`, or the text itself (trimmed) as its
/// only line when it is not in the part of the syntax understood here. Empty text: no line.
pub fn plain(hours: &str, lang: Lang) -> Vec<String> {
    let hours = hours.trim();
    if hours.is_empty() {
        return Vec::new();
    }
    let rules: Option<Vec<String>> = hours
        .split(';')
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(|r| rule(r, lang))
        .collect();
    match rules {
        Some(lines) if !lines.is_empty() => lines,
        _ => vec![hours.to_string()],
    }
}

/// One rule: "Mo-Fr 09:00-12:00,13:30-17:00", "Sa off", "PH off", "24/7".
fn rule(text: &str, lang: Lang) -> Option<String> {
    if text == "24/7" {
        return Some(
            match lang {
                Lang::Fr => "tous les jours, jour et nuit",
                Lang::En => "every day, day and night",
            }
            .to_string(),
        );
    }
    let (days_text, times_text) = match text.split_once(' ') {
        Some((d, t)) => (d.trim(), t.trim()),
        None => (text, ""),
    };
    let days = if days_text == "PH" {
        match lang {
            Lang::Fr => "jours fériés".to_string(),
            Lang::En => "public holidays".to_string(),
        }
    } else {
        day_list(days_text, lang)?
    };
    let times = if times_text == "off" || times_text == "closed" {
        match lang {
            Lang::Fr => "fermé".to_string(),
            Lang::En => "closed".to_string(),
        }
    } else {
        let ranges: Option<Vec<String>> = times_text
            .split(',')
            .map(|r| time_range(r.trim(), lang))
            .collect();
        let ranges = ranges?;
        let and = match lang {
            Lang::Fr => " et ",
            Lang::En => " and ",
        };
        ranges.join(and)
    };
    let line = match lang {
        Lang::Fr => format!("{days} : {times}"),
        Lang::En => format!("{days}: {times}"),
    };
    Some(capitalised(&line))
}

/// "Mo-Fr" → "du lundi au vendredi"; "Mo,We,Fr" → "lundi, mercredi et vendredi".
fn day_list(text: &str, lang: Lang) -> Option<String> {
    let parts: Option<Vec<String>> = text.split(',').map(|p| day_part(p.trim(), lang)).collect();
    let parts = parts?;
    Some(match parts.as_slice() {
        [] => return None,
        [one] => one.clone(),
        [rest @ .., last] => {
            let and = match lang {
                Lang::Fr => " et ",
                Lang::En => " and ",
            };
            format!("{}{and}{last}", rest.join(", "))
        }
    })
}

fn day_part(text: &str, lang: Lang) -> Option<String> {
    let names = match lang {
        Lang::Fr => &DAYS_FR,
        Lang::En => &DAYS_EN,
    };
    match text.split_once('-') {
        Some((from, to)) => {
            let (from, to) = (day(from)?, day(to)?);
            Some(match lang {
                Lang::Fr => format!("du {} au {}", names[from], names[to]),
                Lang::En => format!("{} to {}", names[from], names[to]),
            })
        }
        None => Some(names[day(text)?].to_string()),
    }
}

fn day(text: &str) -> Option<usize> {
    DAYS.iter().position(|d| *d == text)
}

/// "13:30-17:00" → "13 h 30 à 17 h" (French) or "13:30 to 17:00".
fn time_range(text: &str, lang: Lang) -> Option<String> {
    let (from, to) = text.split_once('-')?;
    let (from, to) = (time(from.trim())?, time(to.trim())?);
    Some(match lang {
        Lang::Fr => format!("{} à {}", french_time(from), french_time(to)),
        Lang::En => format!("{:02}:{:02} to {:02}:{:02}", from.0, from.1, to.0, to.1),
    })
}

fn time(text: &str) -> Option<(u8, u8)> {
    let (h, m) = text.split_once(':')?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    let h: u8 = h.parse().ok()?;
    let m: u8 = m.parse().ok()?;
    (h <= 24 && m < 60).then_some((h, m))
}

fn french_time((h, m): (u8, u8)) -> String {
    if m == 0 {
        format!("{h} h")
    } else {
        format!("{h} h {m:02}")
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
