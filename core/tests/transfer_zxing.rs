//! The decoder on real photos: zxing's public QR photo test set (179 photos of codes on
//! paper, screens and products, each with the text it holds). The photos are not in this
//! repository: `scripts/zxing-photos.sh` brings them into `target/zxing-blackbox/` (or set
//! `ENTRAIDE_ZXING_DIR`); without them these tests say they were skipped and pass.
//! Decode times: `cargo run --release -p entraide-core --example qr_photos`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "common/photos.rs"]
mod photos;

use std::panic::{catch_unwind, AssertUnwindSafe};

use entraide_core::transfer::qr::decode_gray;
use photos::{folder, load_all, HOW_TO_BRING, TOTAL};

/// Photos read today; the test fails below it (raise it when the decoder improves).
const FLOOR: usize = 152;

fn skipped(test: &str) {
    println!("{test}: SKIPPED, zxing photos absent; to bring them, {HOW_TO_BRING}");
}

#[test]
fn zxing_photos_read_at_least_the_floor_and_none_panics() {
    let Some(dir) = folder() else {
        return skipped("zxing photos");
    };
    let all = load_all(&dir);
    assert_eq!(all.len(), TOTAL, "photos found in {}", dir.display());
    let mut read = 0;
    let mut panics = Vec::new();
    let mut missed = Vec::new();
    for photo in &all {
        let result = catch_unwind(AssertUnwindSafe(|| {
            decode_gray(photo.width, photo.height, &photo.gray)
        }));
        match result {
            Err(_) => panics.push(photo.name.clone()),
            Ok(Err(e)) => panic!("{}: refused: {e}", photo.name),
            Ok(Ok(texts)) => {
                if texts.iter().any(|t| t.as_bytes() == photo.expected) {
                    read += 1;
                } else {
                    missed.push(photo.name.clone());
                }
            }
        }
    }
    println!("zxing photos read: {read} / {TOTAL}");
    println!("not read: {}", missed.join(" "));
    assert!(panics.is_empty(), "the decoder panicked on {panics:?}");
    assert!(read >= FLOOR, "only {read} photos read, floor {FLOOR}");
}

#[test]
fn the_photo_that_made_rqrr_panic_gives_no_wrong_text() {
    let Some(dir) = folder() else {
        return skipped("qrcode-6/7.png");
    };
    let (width, height, gray) = photos::read_png_gray(&dir.join("qrcode-6/7.png"));
    let expected = std::fs::read(dir.join("qrcode-6/7.txt")).unwrap();
    let texts = decode_gray(width, height, &gray).unwrap();
    assert!(texts.iter().all(|t| t.as_bytes() == expected), "{texts:?}");
}
