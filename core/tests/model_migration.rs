//! The move of earlier versions' documents into the group's record (golden): a stored
//! membership document, as the previous app wrote it (`golden/legacy-membership.json`),
//! becomes records whose contents are `golden/migrated-records.txt`, with nothing lost:
//! every group, member, nickname and key, the charter they accepted and the group's topics.
//! Regenerate the record golden with `ENTRAIDE_UPDATE_GOLDEN=1` after a deliberate change.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::{alice, bob};
use entraide_core::assessment::GroupTopics;
use entraide_core::model::legacy::{migrate, LegacyMembership, LegacyRole};
use entraide_core::model::MemberRole;
use entraide_core::transfer::PersonId;

const LEGACY: &str = include_str!("golden/legacy-membership.json");
const GOLDEN: &str = "tests/golden/migrated-records.txt";
const NOW: u64 = 1_767_603_600_000;

#[test]
fn legacy_documents_move_into_the_record_with_nothing_lost() {
    let legacy: LegacyMembership = serde_json::from_str(LEGACY).unwrap();
    let me = PersonId([0xa1; 16]);
    let topics = GroupTopics {
        hidden: vec!["spreadsheets".into()],
        ..GroupTopics::new()
    };
    let migrated = migrate(&legacy, Some(&topics), me, &alice(), "Nadia", NOW).unwrap();
    assert_eq!(migrated.len(), legacy.groups.len());
    for (old, new) in legacy.groups.iter().zip(&migrated) {
        assert_eq!(new.name, old.name);
        assert_eq!(new.shown, old.shown);
        assert_eq!(new.code, old.code);
        let record = new.replica.record();
        assert_eq!(record.group, old.id);
        match old.role {
            LegacyRole::Animator => {
                assert!(new.animates);
                assert_eq!(record.info.name, old.name);
                assert_eq!(record.info.topics, topics);
                assert_eq!(record.role_of(me), Some(MemberRole::Animator));
                assert_eq!(record.info.current_charter().unwrap().version, 1);
                for member in &old.members {
                    let m = &record.members[&member.contact.person];
                    assert_eq!(m.nickname.as_deref(), Some(member.contact.name.as_str()));
                    assert_eq!(m.signer, Some(member.contact.signer));
                    assert_eq!(m.recipient, Some(member.contact.recipient));
                    assert_eq!(m.charter.unwrap().version, 1);
                    assert!(m.active());
                }
                assert_eq!(record.members.len(), old.members.len() + 1);
            }
            LegacyRole::Member => {
                assert!(!new.animates);
                assert_eq!(new.replica.anchor().founder, old.animator.person);
                assert_eq!(new.replica.anchor().founder_key, old.animator.signer);
                assert!(new.replica.is_empty(), "filled by the animator's hand-back");
            }
        }
        // The record survives a save and a reopening.
        let reopened =
            entraide_core::merge::Replica::from_bytes(&new.replica.to_bytes().unwrap()).unwrap();
        assert_eq!(reopened.record(), record);
    }
    let records: Vec<_> = migrated.iter().map(|m| m.replica.record()).collect();
    let actual = format!("{records:#?}\n");
    if std::env::var_os("ENTRAIDE_UPDATE_GOLDEN").is_some() {
        std::fs::write(GOLDEN, &actual).unwrap();
    }
    let expected = std::fs::read_to_string(GOLDEN).unwrap();
    assert_eq!(actual, expected, "migrated record differs from the golden");
    // The legacy pairings and replay guard are read whole (the app keeps them).
    assert_eq!(legacy.pairings.len(), 1);
    assert!(legacy.seen.contains(bob().signer(), 7));
}

#[test]
fn a_founded_record_catches_up_with_members_who_joined_or_were_removed_since() {
    use entraide_core::model::legacy::catch_up;
    let mut legacy: LegacyMembership = serde_json::from_str(LEGACY).unwrap();
    let me = PersonId([0xa1; 16]);
    let mut migrated = migrate(&legacy, None, me, &alice(), "Nadia", NOW).unwrap();
    let founded = &mut migrated[0];
    let group = &mut legacy.groups[0];
    assert_eq!(group.role, LegacyRole::Animator);
    // Nothing changed: nothing written.
    let before = founded.replica.len();
    assert_eq!(
        catch_up(group, &mut founded.replica, &alice(), NOW + 1).unwrap(),
        0
    );
    assert_eq!(founded.replica.len(), before);
    // One member left the legacy list, a new one joined.
    let gone = group.members.remove(0);
    let mut newcomer = group.members[0].clone();
    newcomer.contact.person = PersonId([0x77; 16]);
    newcomer.contact.name = "Yvette".into();
    group.members.push(newcomer.clone());
    assert_eq!(
        catch_up(group, &mut founded.replica, &alice(), NOW + 2).unwrap(),
        2
    );
    let record = founded.replica.record();
    let added = &record.members[&newcomer.contact.person];
    assert_eq!(added.nickname.as_deref(), Some("Yvette"));
    assert!(added.active());
    let removed = &record.members[&gone.contact.person];
    assert!(removed.removed);
    assert_eq!(
        removed.nickname, None,
        "a removed member's nickname is erased"
    );
    let saved = founded.replica.to_bytes().unwrap();
    assert!(!saved
        .windows(gone.contact.name.len())
        .any(|w| w == gone.contact.name.as_bytes()));
    // Catching up again changes nothing.
    assert_eq!(
        catch_up(group, &mut founded.replica, &alice(), NOW + 3).unwrap(),
        0
    );
    // A joined group has nothing to catch up.
    let joined = legacy.groups[1].clone();
    assert_eq!(
        catch_up(&joined, &mut migrated[1].replica, &alice(), NOW + 4).unwrap(),
        0
    );
}
