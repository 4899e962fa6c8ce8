//! Writing a tip: the guard refuses what the group never keeps (with its sentence), the
//! limits hold, the text is trimmed, and the library shows the newest first.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::group::{group, T0};
use entraide_core::merge::Op;
use entraide_core::model::limits::MAX_TEXT_CHARS;
use entraide_core::model::{Day, RecordId};
use entraide_core::session::tips::{library, write, TipError};

fn day(offset: i64) -> Day {
    Day::from_unix_ms(T0 + (offset as u64) * 86_400_000)
}

#[test]
fn an_address_or_a_password_is_never_written() {
    for text in [
        "Écrivez-moi à marcel.dupont@orange.fr pour la suite",
        "Mon code de la banque c'est 482913",
        "mot de passe : Soleil2024!",
    ] {
        let error = write(RecordId([1; 16]), text, None, None, day(0)).unwrap_err();
        assert!(matches!(error, TipError::Sensitive(_)), "{text}: {error:?}");
        assert!(!error.message(true).is_empty());
    }
}

#[test]
fn ordinary_tips_about_passwords_are_written_trimmed() {
    let op = write(
        RecordId([1; 16]),
        "  Choisissez un mot de passe de 12 caractères, et notez-le dans un carnet chez vous.  ",
        Some("email".into()),
        None,
        day(0),
    )
    .unwrap();
    let Op::Tip { text, topic, .. } = op else {
        panic!("a tip op");
    };
    assert!(text.starts_with("Choisissez") && text.ends_with("chez vous."));
    assert_eq!(topic.as_deref(), Some("email"));
}

#[test]
fn empty_and_too_long_tips_are_refused() {
    assert_eq!(
        write(RecordId([1; 16]), "   ", None, None, day(0)),
        Err(TipError::Empty)
    );
    let long = "a".repeat(MAX_TEXT_CHARS + 1);
    assert_eq!(
        write(RecordId([1; 16]), &long, None, None, day(0)),
        Err(TipError::TooLong)
    );
    assert!(TipError::TooLong.message(true).contains("1000"));
}

#[test]
fn the_library_shows_the_newest_first() {
    let mut phones = group(2, &[]);
    let ops = (0..3u8)
        .map(|k| {
            write(
                RecordId([k + 1; 16]),
                &format!("Astuce numéro {k}"),
                None,
                None,
                day(i64::from(k)),
            )
            .unwrap()
        })
        .collect();
    phones[1].write(T0 + 100, ops);
    let record = phones[1].replica.record();
    let texts: Vec<&str> = library(record).iter().map(|t| t.text.as_str()).collect();
    assert_eq!(
        texts,
        vec!["Astuce numéro 2", "Astuce numéro 1", "Astuce numéro 0"]
    );
}
