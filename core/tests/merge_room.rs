//! The merge benchmark's room, small: a history, three phones, the first hand-back, their
//! sessions handed over and the hand-backs that follow all go through without a refusal,
//! and the hand-back after the session is smaller than the first (only what phones lack).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use entraide_core::report::room::{exchange_figures, large_room};

#[test]
fn the_benchmark_room_exchanges_everything_and_then_only_what_is_new() {
    let mut room = large_room(8, 6, 20, 3).unwrap();
    let figures = exchange_figures(&mut room, &|| 0.0).unwrap();
    let value = |label: &str| {
        figures
            .iter()
            .find(|f| f.label == label)
            .map(|f| f.value)
            .unwrap_or_else(|| panic!("{label} measured"))
    };
    let first = value("first hand-back (everything)");
    let next = value("hand-back after the second round");
    assert!(next < first, "{next} < {first}");
    // Every phone's session reached the animator: 3 needs, help, tips, votes.
    let record = room.animator.record();
    assert_eq!(
        record
            .needs
            .keys()
            .filter(|(s, _)| *s == room.session)
            .count(),
        3
    );
    assert_eq!(
        record
            .help
            .values()
            .filter(|h| h.session == room.session)
            .count(),
        3
    );
    // And every phone holds every phone's tips after the last hand-back.
    let tips = record.tips.len();
    for phone in &room.phones {
        assert_eq!(phone.replica.record().tips.len(), tips);
    }
}
