//! QR codes end to end without a browser: the frames a phone shows are rendered, filmed by a
//! simulated camera (blur, noise, low contrast, lost frames) and decoded by the Rust decoder
//! the app uses on iPhones; the payload comes back exact.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "common/camera.rs"]
mod camera;
mod common;

use camera::{film, Noise, HEIGHT, WIDTH};
use common::{alice, bob, Rng};
use entraide_core::transfer::envelope::{seal, Kind};
use entraide_core::transfer::frames::{Density, Incoming, Outgoing, Reception};
use entraide_core::transfer::qr::{decode_gray, encode, Correction, QrError};
use entraide_core::transfer::GroupId;

#[test]
fn a_rendered_code_decodes_to_the_same_text() {
    let text = "EN1".to_string() + &"ABC123 $%*+-./:".repeat(20);
    let matrix = encode(&text, Correction::Medium).unwrap();
    let (side, pixels) = matrix.rasterize(3);
    assert_eq!(decode_gray(side, side, &pixels).unwrap(), vec![text]);
}

#[test]
fn bad_images_are_refused() {
    assert_eq!(decode_gray(0, 10, &[]), Err(QrError::BadImage));
    assert_eq!(decode_gray(10, 10, &[0; 99]), Err(QrError::BadImage));
    assert_eq!(decode_gray(5000, 1, &[0; 5000]), Err(QrError::BadImage));
    assert_eq!(decode_gray(8, 8, &[128; 64]).unwrap(), Vec::<String>::new());
    assert_eq!(
        encode(&"A".repeat(5000), Correction::Medium),
        Err(QrError::TooLong)
    );
}

#[test]
fn animated_transfer_survives_a_bad_camera_and_lost_frames() {
    let mut rng = Rng(11);
    let payload = seal(
        &alice(),
        Kind::Sample,
        GroupId([1; 16]),
        1,
        &[bob().recipient()],
        &rng.bytes(10 * 1024),
    )
    .unwrap();
    let out = Outgoing::new(&payload, Density::Medium).unwrap();
    let mut incoming = Incoming::new();
    let mut noise = Noise(99);
    let mut shown = 0;
    let mut decoded = 0;
    let received = loop {
        let n = shown;
        shown += 1;
        assert!(shown < 10 * out.fragment_count() as u32, "never completed");
        if rng.unit() < 0.2 {
            continue; // the camera missed this frame
        }
        let matrix = encode(&out.frame(n), Correction::Medium).unwrap();
        let frame = film(&matrix, 0.9, 1, 12, &mut noise);
        let texts = decode_gray(WIDTH, HEIGHT, &frame).unwrap();
        decoded += texts.len();
        let mut done = None;
        for text in texts {
            if let Reception::Complete(bytes) = incoming.receive(&text).unwrap() {
                done = Some(bytes);
            }
        }
        if let Some(bytes) = done {
            break bytes;
        }
    };
    assert_eq!(received, payload);
    assert!(decoded > 0);
}
