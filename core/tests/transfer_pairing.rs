//! Pairing by two codes: an invitation and its encrypted answer give both phones the same
//! confirmation code; answers to another offer, another group or another phone are refused;
//! a pairing card fits in one QR code a phone reads easily.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::{alice, bob};
use entraide_core::transfer::envelope::{EnvelopeError, Kind};
use entraide_core::transfer::frames::{Density, Outgoing, SINGLE_CODE_MAX};
use entraide_core::transfer::pairing::{
    make_answer, make_offer, read_answer, read_offer, PairRole, PairingError, Purpose,
    MAX_NAME_CHARS,
};
use entraide_core::transfer::qr::{encode, Correction};
use entraide_core::transfer::{DeviceIdentity, GroupId, PersonId, Seen};

const GROUP: GroupId = GroupId([3; 16]);

fn join(name: &str) -> Purpose {
    Purpose::Join {
        group_name: name.to_string(),
        charter: 1,
    }
}

#[test]
fn joining_a_group_gives_both_phones_the_same_code() {
    let (animator, participant) = (alice(), bob());
    let invitation = make_offer(
        &animator,
        GROUP,
        1,
        join("Les Lilas"),
        PersonId([1; 16]),
        "Sophie",
    )
    .unwrap();

    let read = read_offer(&invitation, &participant, None, &[Kind::Invitation]).unwrap();
    assert_eq!(read.group, GROUP);
    assert_eq!(read.offer.name, "Sophie");
    assert_eq!(read.offer.purpose, join("Les Lilas"));
    assert_eq!(read.offer.recipient, animator.recipient());

    let (answer, participant_code) =
        make_answer(&participant, &read, 7, PersonId([2; 16]), "Marcel").unwrap();
    let accepted = read_answer(&answer, &animator, &invitation, &Seen::new()).unwrap();
    assert_eq!(accepted.code, participant_code);
    assert_eq!(accepted.answer.name, "Marcel");
    assert_eq!(accepted.answer.person, PersonId([2; 16]));
    assert_eq!(accepted.answer.recipient, participant.recipient());
    assert_eq!(accepted.sender, participant.signer());
    assert_eq!(accepted.group, GROUP);
    assert_eq!(participant_code.to_string().len(), 7);
}

#[test]
fn answers_are_bound_to_their_offer_group_and_phone() {
    let (animator, participant) = (alice(), bob());
    let stranger = DeviceIdentity::generate().unwrap();
    let invitation = make_offer(
        &animator,
        GROUP,
        1,
        join("Les Lilas"),
        PersonId([1; 16]),
        "Sophie",
    )
    .unwrap();
    let read = read_offer(&invitation, &participant, None, &[Kind::Invitation]).unwrap();
    let (answer, _) = make_answer(&participant, &read, 7, PersonId([2; 16]), "Marcel").unwrap();

    // Another invitation of the same animator and group (e.g. made again): the answer
    // names the first one, so it is refused.
    let other = make_offer(
        &animator,
        GROUP,
        2,
        join("Les Lilas"),
        PersonId([1; 16]),
        "Sophie",
    )
    .unwrap();
    assert_eq!(
        read_answer(&answer, &animator, &other, &Seen::new()),
        Err(PairingError::OtherOffer)
    );
    // Another group's invitation.
    let elsewhere = make_offer(
        &animator,
        GroupId([4; 16]),
        3,
        join("Les Roses"),
        PersonId([1; 16]),
        "Sophie",
    )
    .unwrap();
    assert_eq!(
        read_answer(&answer, &animator, &elsewhere, &Seen::new()),
        Err(PairingError::Envelope(EnvelopeError::WrongGroup))
    );
    // Another phone cannot read it.
    assert_eq!(
        read_answer(&answer, &stranger, &invitation, &Seen::new()),
        Err(PairingError::Envelope(EnvelopeError::NotForMe))
    );
    // Accepted once only.
    let mut seen = Seen::new();
    let accepted = read_answer(&answer, &animator, &invitation, &seen).unwrap();
    seen.record(accepted.sender, accepted.seq);
    assert_eq!(
        read_answer(&answer, &animator, &invitation, &seen),
        Err(PairingError::Envelope(EnvelopeError::Replayed))
    );
    // The guard survives being stored as JSON in the vault.
    let stored = serde_json::to_string(&seen).unwrap();
    assert_eq!(serde_json::from_str::<Seen>(&stored).unwrap(), seen);
    // After an undo the same answer may be accepted again.
    seen.forget(accepted.sender, accepted.seq);
    assert!(read_answer(&answer, &animator, &invitation, &seen).is_ok());
}

#[test]
fn a_swapped_code_shows_different_numbers() {
    // Someone shows their own answer instead of the participant's: the animator's phone
    // computes its code from what it scanned, the participant's from what it showed.
    let (animator, participant) = (alice(), bob());
    let intruder = DeviceIdentity::generate().unwrap();
    let invitation = make_offer(
        &animator,
        GROUP,
        1,
        join("Les Lilas"),
        PersonId([1; 16]),
        "Sophie",
    )
    .unwrap();
    let read_p = read_offer(&invitation, &participant, None, &[Kind::Invitation]).unwrap();
    let read_i = read_offer(&invitation, &intruder, None, &[Kind::Invitation]).unwrap();
    let (_, participant_code) =
        make_answer(&participant, &read_p, 7, PersonId([2; 16]), "Marcel").unwrap();
    let (intruder_answer, _) =
        make_answer(&intruder, &read_i, 1, PersonId([9; 16]), "Marcel").unwrap();
    let accepted = read_answer(&intruder_answer, &animator, &invitation, &Seen::new()).unwrap();
    assert_ne!(accepted.code, participant_code);
}

#[test]
fn session_pairing_works_the_same_way_with_roles() {
    let (helper, helped) = (alice(), bob());
    let purpose = Purpose::Pair {
        role: PairRole::Helper,
        topic: Some("email".into()),
    };
    let card = make_offer(
        &helper,
        GROUP,
        5,
        purpose.clone(),
        PersonId([1; 16]),
        "Sophie",
    )
    .unwrap();
    // A pairing card is not an invitation.
    assert_eq!(
        read_offer(&card, &helped, None, &[Kind::Invitation]),
        Err(PairingError::Envelope(EnvelopeError::UnexpectedKind(
            Kind::PairOffer
        )))
    );
    // Nor from another group.
    assert_eq!(
        read_offer(&card, &helped, Some(GroupId([4; 16])), &[Kind::PairOffer]),
        Err(PairingError::Envelope(EnvelopeError::WrongGroup))
    );
    let read = read_offer(&card, &helped, Some(GROUP), &[Kind::PairOffer]).unwrap();
    assert_eq!(read.offer.purpose, purpose);
    let (answer, code) = make_answer(&helped, &read, 3, PersonId([2; 16]), "Marcel").unwrap();
    let accepted = read_answer(&answer, &helper, &card, &Seen::new()).unwrap();
    assert_eq!(accepted.code, code);
    assert_eq!(accepted.offer.purpose, purpose);
    // Scanning one's own card is refused with a clear reason.
    assert_eq!(
        read_offer(&card, &helper, Some(GROUP), &[Kind::PairOffer]),
        Err(PairingError::OwnCode)
    );
}

#[test]
fn names_are_checked() {
    let alice = alice();
    for bad in [
        "",
        "   ",
        "a\u{7}b",
        &"é".repeat(MAX_NAME_CHARS + 1),
        &"𝔐".repeat(21),
    ] {
        assert_eq!(
            make_offer(&alice, GROUP, 1, join("Les Lilas"), PersonId([1; 16]), bad),
            Err(PairingError::InvalidName),
            "{bad:?}"
        );
        assert_eq!(
            make_offer(&alice, GROUP, 1, join(bad), PersonId([1; 16]), "Sophie"),
            Err(PairingError::InvalidName)
        );
    }
    assert!(make_offer(
        &alice,
        GROUP,
        1,
        join("  Les Lilas  "),
        PersonId([1; 16]),
        &"é".repeat(MAX_NAME_CHARS)
    )
    .is_ok());
}

/// The largest pairing cards (longest names, every letter accented) still fit in one code.
#[test]
fn the_largest_pairing_card_fits_in_one_qr_code() {
    let (animator, participant) = (alice(), bob());
    let long = "é".repeat(MAX_NAME_CHARS);
    let invitation = make_offer(
        &animator,
        GROUP,
        u64::MAX,
        join(&long),
        PersonId([1; 16]),
        &long,
    )
    .unwrap();
    let read = read_offer(&invitation, &participant, None, &[Kind::Invitation]).unwrap();
    let mut largest = (0, 0);
    for _ in 0..20 {
        // age adds a random "grease" stanza some of the time: try several answers.
        let (answer, _) =
            make_answer(&participant, &read, u64::MAX, PersonId([2; 16]), &long).unwrap();
        for card in [&invitation, &answer] {
            assert!(card.len() <= SINGLE_CODE_MAX, "{} bytes", card.len());
            let out = Outgoing::new(card, Density::Low).unwrap();
            assert!(out.is_single());
            let matrix = encode(&out.frame(0), Correction::Medium).unwrap();
            largest = largest.max((card.len(), matrix.version));
        }
    }
    println!(
        "largest pairing card: {} bytes, QR version {} (medium correction)",
        largest.0, largest.1
    );
    assert!(largest.1 <= 22, "QR version {}", largest.1);
}
