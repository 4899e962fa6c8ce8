//! A long-running mutation fuzzer over every parser a hostile QR code reaches: frame text,
//! frame bytes, the receiver of animated codes, the envelope, pairing payloads and Base45.
//! No input may panic. It runs for `ENTRAIDE_FUZZ_SECONDS` (default 3; `make test` gives
//! it 60) from a seed printed on failure, so any crash is reproducible.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::time::{Duration, Instant};

use common::{alice, bob, Rng};
use entraide_core::transfer::envelope::{open, peek, seal, Expect, Kind};
use entraide_core::transfer::fountain::Part;
use entraide_core::transfer::frames::{Density, Incoming, Outgoing};
use entraide_core::transfer::pairing::{make_answer, make_offer, read_answer, read_offer, Purpose};
use entraide_core::transfer::text::part_from_text;
use entraide_core::transfer::{base45, qr, GroupId, PersonId, Seen};

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..=rng.below(4) {
        match rng.below(7) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            1 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] = rng.next_u64() as u8;
            }
            2 => {
                let i = rng.below(out.len() + 1);
                out.insert(i, rng.next_u64() as u8);
            }
            3 if !out.is_empty() => {
                let i = rng.below(out.len());
                out.remove(i);
            }
            4 => out.truncate(rng.below(out.len() + 1)),
            5 if out.len() > 8 => {
                // Overwrite a field-sized window with extreme values.
                let i = rng.below(out.len() - 4);
                let pick = rng.below(4);
                let value = [0x00, 0xff, 0x7f, 0x80][pick];
                out[i..i + 4].fill(value);
            }
            _ => {
                let len = rng.below(16);
                let extra = rng.bytes(len);
                out.extend(extra);
            }
        }
    }
    out
}

#[test]
fn no_input_panics_any_parser() {
    let seconds: u64 = std::env::var("ENTRAIDE_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let seed: u64 = std::env::var("ENTRAIDE_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed);
    let (alice, bob) = (alice(), bob());
    let group = GroupId([3; 16]);
    let invitation = make_offer(
        &alice,
        group,
        1,
        Purpose::Join {
            group_name: "Les Lilas".into(),
            charter: 1,
        },
        PersonId([1; 16]),
        "Sophie",
    )
    .unwrap();
    let read = read_offer(&invitation, &bob, None, &[Kind::Invitation]).unwrap();
    let (answer, _) = make_answer(&bob, &read, 2, PersonId([2; 16]), "Marcel").unwrap();
    let big = seal(
        &alice,
        Kind::Sample,
        group,
        3,
        &[bob.recipient()],
        &Rng(9).bytes(3000),
    )
    .unwrap();
    let out = Outgoing::new(&big, Density::Low).unwrap();
    let frames: Vec<String> = (0..12).map(|n| out.frame(n)).collect();
    let envelopes = [invitation.clone(), answer.clone(), big.clone()];
    let kinds = [
        Kind::Invitation,
        Kind::JoinAnswer,
        Kind::PairOffer,
        Kind::PairAnswer,
        Kind::Sample,
    ];

    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut iterations = 0u64;
    let mut accepted = 0u64;
    while Instant::now() < deadline {
        let case_seed = seed.wrapping_add(iterations);
        let mut rng = Rng(case_seed);
        let guard = format!(
            "fuzz case seed {case_seed} (ENTRAIDE_FUZZ_SEED={seed}, iteration {iterations})"
        );
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            // Envelopes and pairing payloads.
            let base = &envelopes[rng.below(envelopes.len())];
            let bytes = mutate(&mut rng, base);
            let _ = peek(&bytes);
            let expect = Expect {
                kinds: &kinds,
                group: None,
                identity: Some(&alice),
            };
            if open(&bytes, &expect, &Seen::new()).is_ok() && bytes != *base {
                accepted += 1;
            }
            let _ = read_offer(&bytes, &bob, None, &kinds);
            let _ = read_answer(&bytes, &alice, &invitation, &Seen::new());
            let _ = read_answer(&answer, &alice, &bytes, &Seen::new());
            // Frame texts, bytes and the receiver.
            let text = &frames[rng.below(frames.len())];
            let mutated = String::from_utf8_lossy(&mutate(&mut rng, text.as_bytes())).into_owned();
            let _ = part_from_text(&mutated);
            let _ = base45::decode(&mutated);
            let raw = base45::decode(&text[3..]).unwrap_or_default();
            let _ = Part::from_bytes(&mutate(&mut rng, &raw));
            let mut incoming = Incoming::new();
            for _ in 0..rng.below(6) {
                let _ = incoming.receive(&frames[rng.below(frames.len())]);
            }
            let _ = incoming.receive(&mutated);
            // Random small images for the QR decoder.
            if rng.below(50) == 0 {
                let (w, h) = (1 + rng.below(64), 1 + rng.below(64));
                let pixels = rng.bytes(w * h);
                let _ = qr::decode_gray(w, h, &pixels);
            }
        }));
        assert!(result.is_ok(), "panic in {guard}");
        iterations += 1;
    }
    // Mutations that still verify would mean a signature accepted changed bytes.
    assert_eq!(accepted, 0, "changed envelopes were accepted");
    println!("fuzz: {iterations} cases in {seconds} s without a panic");
    assert!(iterations > 0);
}
