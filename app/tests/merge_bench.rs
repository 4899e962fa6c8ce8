//! Benchmark (prints figures, asserts nothing about time): the group's record in
//! WebAssembly in headless Chromium, on the same room as the native
//! `cargo run --release -p entraide-core --example merge_bench` (a five-year group, 30
//! phones handing over their session and receiving the hand-back); then the same record in
//! the real vault: saved whole, reopened as an unlock does, and one tap saved.
//! Run with `make bench-merge` (ignored in the normal test run).

use entraide_app::services::record;
use entraide_app::services::vault;
use entraide_core::merge::Op;
use entraide_core::model::{Day, RecordId};
use entraide_core::report::room::{exchange_figures, large_room};
use wasm_bindgen_test::*;

mod common;
use common::now_ms;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
#[ignore]
async fn a_five_year_group_and_a_room_of_thirty_phones() {
    room_figures(60, 250, 4000, 30).await;
}

/// The size the record's budget is set for: 500 members, 250 sessions, 20,000 help
/// records, 50 phones in the room.
#[wasm_bindgen_test]
#[ignore]
async fn the_budget_case_five_hundred_members_and_fifty_phones() {
    room_figures(500, 250, 20_000, 50).await;
}

async fn room_figures(members: usize, sessions: usize, help: usize, phones: usize) {
    let start = now_ms();
    let mut room =
        large_room(members, sessions, help, phones).unwrap_or_else(|e| panic!("room: {e}"));
    console_log!(
        "five-year group built in {:.0} ms: {} members, {} sessions, {} help, {} tips; {phones} phones",
        now_ms() - start,
        room.animator.record().members.len(),
        room.animator.record().sessions.len(),
        room.animator.record().help.len(),
        room.animator.record().tips.len()
    );
    let figures = exchange_figures(&mut room, &now_ms).unwrap_or_else(|e| panic!("exchange: {e}"));
    for f in figures {
        console_log!("{:<52} {:>10.1} {}", f.label, f.value, f.unit);
    }

    // The same record in the vault, as the animator's phone keeps it.
    let _ = vault::delete_everything().await;
    vault::create("Martine", "pomme lune vélo cerise")
        .await
        .unwrap_or_else(|e| panic!("create: {e}"));
    let group = room.animator.anchor().group;
    let (mut book, _) = record::open().await.unwrap_or_else(|e| panic!("open: {e}"));
    book.add(room.animator, "Groupe de référence", true, 0);
    let start = now_ms();
    book.save(group).unwrap_or_else(|e| panic!("save: {e}"));
    record::flush()
        .await
        .unwrap_or_else(|e| panic!("flush: {e}"));
    console_log!(
        "vault: five years saved whole                       {:>10.1} ms",
        now_ms() - start
    );
    let start = now_ms();
    let (mut book, _) = record::open()
        .await
        .unwrap_or_else(|e| panic!("reopen: {e}"));
    console_log!(
        "vault: five years read back (after unlock)          {:>10.1} ms",
        now_ms() - start
    );
    let mut worst: f64 = 0.0;
    let mut total = 0.0;
    for i in 0..10u8 {
        let start = now_ms();
        let replica = book.replica_mut(group).unwrap_or_else(|| panic!("record"));
        // Written with the key the record knows for its animator (the benchmark's).
        let tip = Op::Tip {
            tip: RecordId([i; 16]),
            text: "Une astuce de plus.".into(),
            topic: None,
            session: None,
            on: Day::from_unix_ms(1_900_000_200_000),
        };
        replica
            .write(
                &room.animator_identity,
                1_900_000_200_000 + u64::from(i),
                vec![tip],
            )
            .unwrap_or_else(|e| panic!("tap: {e}"));
        book.save(group).unwrap_or_else(|e| panic!("save: {e}"));
        record::flush()
            .await
            .unwrap_or_else(|e| panic!("flush: {e}"));
        let ms = now_ms() - start;
        worst = worst.max(ms);
        total += ms;
    }
    console_log!(
        "vault: one tap written and stored, mean {:.1} ms, worst {:.1} ms",
        total / 10.0,
        worst
    );
    let _ = vault::delete_everything().await;
}
