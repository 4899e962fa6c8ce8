//! The group's record in the browser: on the first unlock the earlier version's group moves
//! into a record with nothing lost; saves queued in a burst land in order, so reopening
//! gives exactly the record in memory; a removal leaves no trace of the member on reopening.

use entraide_app::services::record::{self, Opened};
use entraide_app::services::{identity, membership, vault};
use entraide_core::merge::Op;
use entraide_core::model::{Day, RecordId};
use wasm_bindgen_test::*;

mod common;

wasm_bindgen_test_configure!(run_in_browser);

fn tip(i: usize) -> Op {
    Op::Tip {
        tip: RecordId([i as u8; 16]),
        text: format!("Astuce numéro {i} : appuyer longtemps sur une photo pour la partager."),
        topic: Some("photos_files".into()),
        session: None,
        on: Day::from_unix_ms(1_780_000_000_000),
    }
}

#[wasm_bindgen_test]
async fn the_earlier_group_moves_into_the_record_and_saves_land_in_order() {
    let _ = vault::delete_everything().await;
    vault::create("Martine", "pomme lune vélo cerise")
        .await
        .unwrap_or_else(|e| panic!("create: {e}"));
    let group = membership::create_group("Les Tilleuls")
        .await
        .unwrap_or_else(|e| panic!("group: {e:?}"));

    // First opening: the earlier document moves.
    let (mut book, opened) = record::open().await.unwrap_or_else(|e| panic!("open: {e}"));
    assert_eq!(opened, Opened::Migrated(1));
    assert_eq!(book.groups().len(), 1);
    assert_eq!(book.groups()[0].name, "Les Tilleuls");
    assert!(book.groups()[0].animates);
    let (device, me) = identity::current().await.unwrap_or_else(|e| panic!("{e}"));
    {
        let replica = book
            .replica(group.id)
            .unwrap_or_else(|| panic!("the group has a record"));
        let record = replica.record();
        assert_eq!(record.info.name, "Les Tilleuls");
        let member = record
            .members
            .get(&me)
            .unwrap_or_else(|| panic!("the animator is a member"));
        assert_eq!(member.nickname.as_deref(), Some("Martine"));
    }
    // The earlier document is still there, untouched.
    assert!(vault::load_document("membership")
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .is_some());

    // A burst of taps: 40 writes, each saved at once without waiting.
    for i in 0..40 {
        let replica = book
            .replica_mut(group.id)
            .unwrap_or_else(|| panic!("record"));
        replica
            .write(&device, 1_780_000_000_000 + i as u64, vec![tip(i)])
            .unwrap_or_else(|e| panic!("write {i}: {e}"));
        book.save(group.id)
            .unwrap_or_else(|e| panic!("save {i}: {e}"));
    }
    record::flush()
        .await
        .unwrap_or_else(|e| panic!("flush: {e}"));

    // Reopening reads the stored record, the same as the one in memory.
    let (again, opened) = record::open()
        .await
        .unwrap_or_else(|e| panic!("reopen: {e}"));
    assert_eq!(opened, Opened::Stored);
    let stored = again
        .replica(group.id)
        .unwrap_or_else(|| panic!("stored record"));
    let memory = book
        .replica(group.id)
        .map(|r| (r.record().clone(), r.next_seq()))
        .unwrap_or_else(|| panic!("record"));
    assert_eq!(stored.record(), &memory.0);
    assert_eq!(stored.record().tips.len(), 40);
    assert_eq!(stored.next_seq(), memory.1);

    // Nothing changed: a save writes no segment, and reopening still gives the same.
    book.save(group.id).unwrap_or_else(|e| panic!("{e}"));
    record::flush()
        .await
        .unwrap_or_else(|e| panic!("flush: {e}"));
    let (third, _) = record::open()
        .await
        .unwrap_or_else(|e| panic!("reopen: {e}"));
    assert_eq!(
        third.replica(group.id).map(|r| r.record().clone()),
        Some(memory.0)
    );

    // A group created since by the group screens (which still write the earlier document)
    // moves into a record at the next opening; the first one is kept as it was.
    let second = membership::create_group("Atelier du jeudi")
        .await
        .unwrap_or_else(|e| panic!("group: {e:?}"));
    let (fourth, opened) = record::open()
        .await
        .unwrap_or_else(|e| panic!("reopen: {e}"));
    assert_eq!(opened, Opened::Migrated(1));
    assert_eq!(fourth.groups().len(), 2);
    assert_eq!(
        fourth
            .replica(second.id)
            .map(|r| r.record().info.name.clone()),
        Some("Atelier du jeudi".to_string())
    );
    assert_eq!(
        fourth.replica(group.id).map(|r| r.record().tips.len()),
        Some(40)
    );
    let (_, opened) = record::open()
        .await
        .unwrap_or_else(|e| panic!("reopen: {e}"));
    assert_eq!(opened, Opened::Stored);
    let _ = vault::delete_everything().await;
}

#[wasm_bindgen_test]
async fn a_phone_without_a_group_opens_an_empty_book() {
    let _ = vault::delete_everything().await;
    vault::create("Paul", "table nuage pomme soleil")
        .await
        .unwrap_or_else(|e| panic!("create: {e}"));
    let (book, opened) = record::open().await.unwrap_or_else(|e| panic!("open: {e}"));
    assert_eq!(opened, Opened::Empty);
    assert!(book.groups().is_empty());
    let _ = vault::delete_everything().await;
}

#[wasm_bindgen_test]
async fn the_transfer_ledger_is_saved_with_the_record() {
    let _ = vault::delete_everything().await;
    vault::create("Martine", "pomme lune vélo cerise")
        .await
        .unwrap_or_else(|e| panic!("create: {e}"));
    let group = membership::create_group("Les Tilleuls")
        .await
        .unwrap_or_else(|e| panic!("group: {e:?}"));
    let (mut book, _) = record::open().await.unwrap_or_else(|e| panic!("open: {e}"));
    assert_eq!(book.ledger(group.id).handbacks(), 0);
    let signer = identity::signer().await.unwrap_or_else(|e| panic!("{e}"));
    {
        let (replica, ledger) = book
            .exchange_mut(group.id)
            .unwrap_or_else(|| panic!("record"));
        // No member with a phone yet but the animator: the hand-back is for the animator's
        // own phone (the founder is a member), so it seals.
        ledger
            .seal_handback(replica, &signer.identity, signer.seq)
            .unwrap_or_else(|e| panic!("hand-back: {e}"));
    }
    book.save(group.id).unwrap_or_else(|e| panic!("save: {e}"));
    record::flush()
        .await
        .unwrap_or_else(|e| panic!("flush: {e}"));
    let (reopened, opened) = record::open()
        .await
        .unwrap_or_else(|e| panic!("reopen: {e}"));
    assert_eq!(opened, Opened::Stored);
    assert_eq!(reopened.ledger(group.id).handbacks(), 1);
    assert_eq!(reopened.ledger(group.id), book.ledger(group.id));
    let _ = vault::delete_everything().await;
}
