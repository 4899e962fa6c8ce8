//! Difficulties met with a service, as a participant notes them: the guard keeps file
//! numbers, e-mail addresses and phone numbers out; what passes reaches the animators in
//! the hand-over and never the other members in the hand-back.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::group::{group, T0};
use entraide_core::merge::Audience;
use entraide_core::model::{AdminArea, Day, RecordId};
use entraide_core::session::difficulties::{noted_by, write, DifficultyError};

fn day() -> Day {
    Day::from_unix_ms(T0)
}

#[test]
fn a_noted_difficulty_reaches_the_animator_and_no_other_member() {
    let mut phones = group(3, &[]);
    let op = write(
        RecordId([7; 16]),
        " la CAF ",
        Some(AdminArea::SocialHealth),
        "Le site demande un code reçu par courrier, qui n'est jamais arrivé.",
        None,
        day(),
    )
    .unwrap();
    phones[1].write(T0 + 1000, vec![op]);
    let (animator, rest) = phones.split_first_mut().unwrap();
    animator.pull(&rest[0], Some(Audience::Animators), T0 + 2000);
    let author = rest[0].id();
    let seen = noted_by(animator.replica.record(), author);
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].service, "la CAF");
    assert_eq!(seen[0].area, Some(AdminArea::SocialHealth));
    // The other member gets the animator's hand-back, without the difficulty.
    rest[1].pull(animator, Some(Audience::Group), T0 + 3000);
    assert!(rest[1].replica.record().difficulties.is_empty());
}

#[test]
fn identifiers_and_contacts_are_refused_ordinary_words_pass() {
    let refused = [
        (
            "la CAF",
            "Mon numéro d'allocataire est 1234567, ils ne le trouvent pas.",
        ),
        ("ameli", "Ils m'ont dit d'écrire à jeanne.martin@gmail.com"),
        ("la banque", "Rappeler le conseiller au 06 12 34 56 78"),
        ("Impôts", "Le mot de passe : Soleil2024!"),
    ];
    for (service, what) in refused {
        let got = write(RecordId([1; 16]), service, None, what, None, day());
        assert!(
            matches!(got, Err(DifficultyError::Sensitive(_))),
            "{what}: {got:?}"
        );
    }
    let ordinary = [
        (
            "impots.gouv.fr",
            "La page de paiement reste blanche depuis le 3 mars.",
        ),
        (
            "France Travail",
            "Il faut actualiser avant le 15 du mois, le bouton est caché.",
        ),
        (
            "La Poste",
            "L'application demande une mise à jour en version 4.2 qui ne s'installe pas.",
        ),
    ];
    for (service, what) in ordinary {
        let got = write(RecordId([1; 16]), service, None, what, None, day());
        assert!(got.is_ok(), "{what}: {got:?}");
    }
}

#[test]
fn empty_and_overlong_fields_say_what_to_do() {
    let w = |service: &str, what: &str| write(RecordId([1; 16]), service, None, what, None, day());
    assert_eq!(w("  ", "rien"), Err(DifficultyError::NoService));
    assert_eq!(w("la CAF", " "), Err(DifficultyError::NoWhat));
    assert_eq!(
        w(&"a".repeat(81), "rien"),
        Err(DifficultyError::ServiceTooLong)
    );
    assert_eq!(
        w("la CAF", &"mot ".repeat(300)),
        Err(DifficultyError::TooLong)
    );
    assert!(DifficultyError::NoService.message(true).contains("la CAF"));
}
