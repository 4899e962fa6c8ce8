//! The relay directory and the charter in the group's record: the animator's imported
//! directory reaches every member in the hand-back and points a sensitive need to the
//! right places; only animators write it; a new charter version is asked again of every
//! member until they accept it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::group::{group, identity, person, Phone, T0};
use entraide_core::merge::{Audience, MergeError, Op};
use entraide_core::model::{CharterVersion, Day};
use entraide_core::relay::{import, relays_for, Relay};

fn directory() -> Vec<Relay> {
    let text = std::fs::read_to_string("tests/relay/lieux.csv").unwrap();
    import(&text).unwrap().directory.relays
}

fn publish(phones: &mut [Phone], ops: Vec<Op>, at: u64) {
    phones[0].write(at, ops);
    let (founder, rest) = phones.split_first_mut().unwrap();
    for phone in rest {
        phone.pull(founder, Some(Audience::Group), at + 1);
    }
}

#[test]
fn every_imported_relay_fits_the_records_bounds() {
    let relays = directory();
    assert!(relays.len() >= 5, "{}", relays.len());
    for relay in relays {
        let op = Op::Relay(Box::new(relay.clone()));
        assert_eq!(op.check_limits(), Ok(()), "{}", relay.name);
    }
}

#[test]
fn the_directory_reaches_members_and_points_sensitive_needs_to_it() {
    let mut phones = group(3, &[]);
    let relays = directory();
    let count = relays.len();
    publish(
        &mut phones,
        relays.into_iter().map(|r| Op::Relay(Box::new(r))).collect(),
        T0 + 1000,
    );
    let member = phones[1].replica.record();
    assert_eq!(member.relays.len(), count);
    let for_sites = relays_for("public_services", member.relays.values());
    assert!(!for_sites.is_empty());
    assert!(for_sites
        .iter()
        .all(|r| r.handles("Aide aux démarches administratives")));
    // France Services comes first.
    assert!(for_sites[0]
        .programmes
        .iter()
        .any(|p| p == "France Services"));
    // A topic no relay handles gives an empty list (the screen shows them all).
    let leisure_only: Vec<&Relay> = member
        .relays
        .values()
        .filter(|r| !r.handles("Aide aux démarches administratives"))
        .collect();
    assert!(relays_for("public_services", leisure_only).is_empty());

    // A relay taken out is gone from every phone after the next hand-back.
    let gone = phones[0].replica.record().relays_by_name()[0].id.clone();
    publish(
        &mut phones,
        vec![Op::RelayDeleted { id: gone.clone() }],
        T0 + 2000,
    );
    assert!(!phones[2].replica.record().relays.contains_key(&gone));
    assert_eq!(phones[2].replica.record().relays.len(), count - 1);
}

#[test]
fn only_animators_write_the_directory() {
    let mut phones = group(3, &[]);
    let relay = directory().remove(0);
    for op in [
        Op::Relay(Box::new(relay.clone())),
        Op::RelayDeleted {
            id: relay.id.clone(),
        },
    ] {
        let written = phones[1].replica.write(&identity(1), T0 + 500, vec![op]);
        assert!(
            matches!(written, Err(MergeError::NotAllowed(_))),
            "{written:?}"
        );
    }
    // A relay whose postcode is not five digits is refused by the bounds.
    let mut bad = relay;
    bad.address.postcode = "7O100".into();
    assert!(phones[0]
        .replica
        .write(&identity(0), T0 + 600, vec![Op::Relay(Box::new(bad))])
        .is_err());
}

#[test]
fn a_new_charter_is_asked_again_until_accepted() {
    let mut phones = group(3, &[]);
    let on = Day::from_unix_ms(T0);
    let first = CharterVersion {
        version: 1,
        text: "Chacun apprend à son rythme.".into(),
        published: on,
    };
    let mut ops = vec![Op::Charter(first)];
    for n in 0..3 {
        ops.push(Op::CharterAccepted {
            person: person(n),
            version: 1,
            on,
        });
    }
    publish(&mut phones, ops, T0 + 1000);
    assert_eq!(
        phones[1].replica.record().charter_to_accept(person(1)),
        None
    );
    assert_eq!(phones[0].replica.record().info.next_charter_version(), 2);

    let second = CharterVersion {
        version: 2,
        text: "Chacun apprend à son rythme. Vos mots de passe restent à vous.".into(),
        published: on,
    };
    publish(
        &mut phones,
        vec![
            Op::Charter(second.clone()),
            Op::CharterAccepted {
                person: person(0),
                version: 2,
                on,
            },
        ],
        T0 + 2000,
    );
    for n in 1..3 {
        let asked = phones[usize::from(n)]
            .replica
            .record()
            .charter_to_accept(person(n))
            .cloned();
        assert_eq!(asked, Some(second.clone()), "member {n}");
    }
    assert_eq!(
        phones[0].replica.record().charter_to_accept(person(0)),
        None
    );
    // Both versions stay in the record.
    assert_eq!(phones[2].replica.record().info.charter.len(), 2);

    // Member 1 accepts; the animator's phone learns it from the hand-over.
    phones[1].write(
        T0 + 3000,
        vec![Op::CharterAccepted {
            person: person(1),
            version: 2,
            on,
        }],
    );
    let (founder, rest) = phones.split_first_mut().unwrap();
    founder.pull(&rest[0], None, T0 + 3001);
    let record = phones[0].replica.record();
    assert_eq!(record.charter_to_accept(person(1)), None);
    assert_eq!(record.charter_to_accept(person(2)), Some(&second));
}

#[test]
fn the_charters_written_by_the_app_pass_the_guard() {
    use entraide_core::guard::{check, FieldKind};
    use entraide_core::model::charter::{DEFAULT_CHARTER, LEGACY_CHARTER};
    for text in [DEFAULT_CHARTER, LEGACY_CHARTER] {
        assert_eq!(
            check(text, FieldKind::Charter).map(|_| ()),
            Ok(()),
            "{text}"
        );
    }
    // A charter that gives someone's phone number is refused like any other text.
    assert!(check(
        "Pour toute question, appelez Nadia au 06 12 34 56 78.",
        FieldKind::Charter
    )
    .is_err());
}
