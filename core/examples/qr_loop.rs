//! Benchmark of the render → camera → decode loop, natively: for payloads of 2, 10 and
//! 50 KB with 0 % and 20 % of frames lost, how many frames are shown until the payload is
//! whole (versus the minimum), the payload throughput at the app's display speeds (8 frames a second by default, 12 when "fast"; one camera shot per shown frame, which is pessimistic: phone cameras film at 30 frames a second), and the
//! decode time of one 640×480 camera frame. The browser figures come from the Playwright
//! benchmark (`make bench-qr`). Run: `cargo run --release -p entraide-core --example qr_loop`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "../tests/common/camera.rs"]
mod camera;
#[path = "../tests/common/mod.rs"]
mod common;

use std::time::Instant;

use camera::{film, Noise, HEIGHT, WIDTH};
use common::Rng;
use entraide_core::transfer::envelope::{seal, Kind};
use entraide_core::transfer::frames::{Density, Incoming, Outgoing, Reception};
use entraide_core::transfer::pairing::{make_answer, make_offer, read_offer, Purpose};
use entraide_core::transfer::qr::{decode_gray, encode, Correction};
use entraide_core::transfer::{DeviceIdentity, GroupId, PersonId};

fn main() {
    let sender = DeviceIdentity::generate().unwrap();
    let receiver = DeviceIdentity::generate().unwrap();
    println!("size    loss density  min frames  shown (mean / worst of 5)  payload B/s at 8 fps / 12 fps   decode ms/frame");
    for size in [2 * 1024usize, 10 * 1024, 50 * 1024] {
        for loss in [0.0, 0.2] {
            for density in [Density::Low, Density::Medium, Density::High] {
                let mut shown_counts = Vec::new();
                let mut decode_ms = Vec::new();
                let mut envelope_len = 0;
                let mut min = 0;
                for seed in 0..5u64 {
                    let mut rng = Rng(seed * 7919 + size as u64);
                    let body: Vec<u8> = (0..size).map(|_| (rng.unit() * 256.0) as u8).collect();
                    let payload = seal(
                        &sender,
                        Kind::Sample,
                        GroupId([1; 16]),
                        seed,
                        &[receiver.recipient()],
                        &body,
                    )
                    .unwrap();
                    envelope_len = payload.len();
                    let out = Outgoing::new(&payload, density).unwrap();
                    min = out.fragment_count();
                    let mut incoming = Incoming::new();
                    let mut noise = Noise(seed + 1);
                    let mut n = 0u32;
                    'shown: loop {
                        n += 1;
                        if rng.unit() < loss {
                            continue;
                        }
                        let matrix = encode(&out.frame(n - 1), Correction::Medium).unwrap();
                        let frame = film(&matrix, 0.9, 1, 12, &mut noise);
                        let start = Instant::now();
                        let texts = decode_gray(WIDTH, HEIGHT, &frame).unwrap();
                        decode_ms.push(start.elapsed().as_secs_f64() * 1000.0);
                        for text in texts {
                            if let Ok(Reception::Complete(bytes)) = incoming.receive(&text) {
                                assert_eq!(bytes, payload);
                                break 'shown;
                            }
                        }
                    }
                    shown_counts.push(n);
                }
                let mean = shown_counts.iter().sum::<u32>() as f64 / shown_counts.len() as f64;
                let worst = *shown_counts.iter().max().unwrap();
                decode_ms.sort_by(f64::total_cmp);
                let median_ms = decode_ms[decode_ms.len() / 2];
                let rate = |fps: f64| envelope_len as f64 / (mean / fps);
                println!(
                    "{:>3} KB  {:>3.0} % {:<8} {:>5}       {:>6.1} / {:<4}                 {:>6.0} / {:<6.0}                {:.1}",
                    size / 1024,
                    loss * 100.0,
                    format!("{density:?}"),
                    min,
                    mean,
                    worst,
                    rate(8.0),
                    rate(12.0),
                    median_ms
                );
            }
        }
    }
    // Pairing cards: a typical one (short names) and the largest (40 accented letters).
    for (label, group_name, name) in [
        ("typical", "Les Lilas", "Marcel"),
        ("largest", &*"é".repeat(40), &*"é".repeat(40)),
    ] {
        let invitation = make_offer(
            &sender,
            GroupId([1; 16]),
            1,
            Purpose::Join {
                group_name: group_name.to_string(),
                charter: 1,
            },
            PersonId([1; 16]),
            name,
        )
        .unwrap();
        let read = read_offer(&invitation, &receiver, None, &[Kind::Invitation]).unwrap();
        let mut worst_answer = 0;
        let mut worst_version = 0;
        for _ in 0..50 {
            let (answer, _) = make_answer(&receiver, &read, 2, PersonId([2; 16]), name).unwrap();
            let out = Outgoing::new(&answer, Density::Medium).unwrap();
            let version = encode(&out.frame(0), Correction::Medium).unwrap().version;
            worst_answer = worst_answer.max(answer.len());
            worst_version = worst_version.max(version);
        }
        let out = Outgoing::new(&invitation, Density::Medium).unwrap();
        let invitation_version = encode(&out.frame(0), Correction::Medium).unwrap().version;
        println!(
            "pairing card, {label}: invitation {} B (QR version {invitation_version}), answer up to {worst_answer} B (QR version up to {worst_version}, 50 tries)",
            invitation.len()
        );
    }
}
