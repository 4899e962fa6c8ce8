//! Opening hours in plain words: what the schema's OpenStreetMap syntax says, read as a
//! person reads it, and anything else given back as typed.

use entraide_core::matching::reasons::Lang;
use entraide_core::relay::hours::plain;
use proptest::prelude::*;

#[test]
fn the_schema_s_usual_hours_read_as_sentences() {
    assert_eq!(
        plain("Mo-Fr 09:00-12:00,13:30-17:00; Sa 09:00-12:00", Lang::Fr),
        [
            "Du lundi au vendredi : 9 h à 12 h et 13 h 30 à 17 h",
            "Samedi : 9 h à 12 h"
        ]
    );
    assert_eq!(
        plain("Mo,We,Fr 14:00-18:00; PH off", Lang::Fr),
        [
            "Lundi, mercredi et vendredi : 14 h à 18 h",
            "Jours fériés : fermé"
        ]
    );
    assert_eq!(
        plain("Mo-Fr 09:00-12:00,13:30-17:00", Lang::En),
        ["Monday to Friday: 09:00 to 12:00 and 13:30 to 17:00"]
    );
    assert_eq!(plain("24/7", Lang::Fr), ["tous les jours, jour et nuit"]);
}

#[test]
fn anything_else_is_given_back_as_typed() {
    for text in [
        "Sur rendez-vous",
        "Mo-Fr 9h-12h",
        "Mo-Fr 09:00-12:00 \"sauf vacances\"",
        "Xx 09:00-12:00",
        "Mo 25:00-26:00",
        "week 1-53/2 Fr 09:00-12:00",
    ] {
        assert_eq!(plain(text, Lang::Fr), [text.trim().to_string()], "{text}");
    }
    assert!(plain("   ", Lang::Fr).is_empty());
}

fn day() -> impl Strategy<Value = usize> {
    0usize..7
}

const OSM: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

/// A rule in the understood part of the syntax: a day or a day range, one or two ranges.
fn rule() -> impl Strategy<Value = String> {
    (
        day(),
        day(),
        prop::collection::vec((0u8..24, 0u8..60, 0u8..24, 0u8..60), 1..3),
    )
        .prop_map(|(a, b, ranges)| {
            let days = if a == b {
                OSM[a].to_string()
            } else {
                format!("{}-{}", OSM[a], OSM[b])
            };
            let times: Vec<String> = ranges
                .iter()
                .map(|(h1, m1, h2, m2)| format!("{h1:02}:{m1:02}-{h2:02}:{m2:02}"))
                .collect();
            format!("{days} {}", times.join(","))
        })
}

proptest! {
    #[test]
    fn every_understood_rule_is_one_plain_line(rules in prop::collection::vec(rule(), 1..4)) {
        let text = rules.join("; ");
        let lines = plain(&text, Lang::Fr);
        prop_assert_eq!(lines.len(), rules.len());
        for line in &lines {
            prop_assert!(!line.contains(':') || line.contains(" : "), "{}", line);
            let words: Vec<&str> = line.split(|c: char| !c.is_alphanumeric()).collect();
            for code in OSM {
                prop_assert!(!words.contains(&code), "{} in {}", code, line);
            }
        }
    }

    #[test]
    fn any_text_gives_lines_without_losing_it(text in "\\PC{0,60}") {
        let lines = plain(&text, Lang::Fr);
        if text.trim().is_empty() {
            prop_assert!(lines.is_empty());
        } else {
            prop_assert!(!lines.is_empty());
        }
    }
}
