//! Saving the record in parts: a header and segments of changes in stamp order, so a save
//! after one tap writes only the last segment; reopening from the parts gives the same
//! record; a removal rewrites every segment (the removed member's key is forgotten).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::group::{group, person, T0};
use entraide_core::merge::replica::SEGMENT_LEN;
use entraide_core::merge::{Op, Replica};
use entraide_core::model::RecordId;

fn vote(n: u8, i: usize) -> Op {
    Op::Vote {
        session: RecordId([3; 16]),
        person: person(n),
        topic: format!("theme_{i}"),
    }
}

#[test]
fn only_what_changed_is_saved_again() {
    let mut phones = group(3, &[]);
    let mut saved: Vec<Vec<u8>> = Vec::new();
    let mut header = Vec::new();
    let mut apply = |parts: entraide_core::merge::replica::SaveParts, saved: &mut Vec<Vec<u8>>| {
        saved.truncate(parts.segment_count);
        saved.resize(parts.segment_count, Vec::new());
        for (i, bytes) in &parts.segments {
            saved[*i] = bytes.clone();
        }
        header = parts.header;
        parts.segments.len()
    };
    let first = phones[0].replica.save_parts().unwrap();
    assert_eq!(apply(first, &mut saved), 1, "a new replica is saved whole");
    // 1,200 taps, one change each: several segments.
    for i in 0..1200 {
        phones[0].write(T0 + 100 + i as u64, vec![vote(0, i)]);
        let written = apply(phones[0].replica.save_parts().unwrap(), &mut saved);
        assert_eq!(written, 1, "tap {i}: only the last segment");
    }
    assert_eq!(saved.len(), phones[0].replica.len().div_ceil(SEGMENT_LEN));
    let reopened = Replica::from_parts(&header, &saved).unwrap();
    assert_eq!(reopened.record(), phones[0].replica.record());
    assert_eq!(reopened.next_seq(), phones[0].replica.next_seq());
    // Nothing changed: nothing to write.
    assert_eq!(phones[0].replica.save_parts().unwrap().segments.len(), 0);
    // A removal rewrites everything.
    phones[0].write(
        T0 + 10_000,
        vec![Op::RemoveMember {
            person: person(2),
            vouched: vec![],
        }],
    );
    let parts = phones[0].replica.save_parts().unwrap();
    assert_eq!(parts.segments.len(), parts.segment_count);
    // Damaged parts are refused.
    assert!(Replica::from_parts(&header, &[vec![1, 2, 3]]).is_err());
    assert!(Replica::from_parts(&[9], &[]).is_err());
}

#[test]
fn a_failed_save_is_written_whole_next_time() {
    let mut phones = group(2, &[]);
    let first = phones[0].replica.save_parts().unwrap();
    phones[0].write(T0 + 100, vec![vote(0, 1)]);
    // This save's parts are lost (the storage refused them): mark everything unsaved.
    let _lost = phones[0].replica.save_parts().unwrap();
    phones[0].replica.mark_unsaved();
    let again = phones[0].replica.save_parts().unwrap();
    assert_eq!(again.segments.len(), again.segment_count);
    let segments: Vec<Vec<u8>> = again.segments.into_iter().map(|(_, b)| b).collect();
    let reopened = Replica::from_parts(&again.header, &segments).unwrap();
    assert_eq!(reopened.record(), phones[0].replica.record());
    assert_ne!(first.header, again.header);
}
