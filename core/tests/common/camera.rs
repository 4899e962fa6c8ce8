//! A simulated camera for the render → camera → decode loop: a QR image placed in a
//! 640×480 grey frame at a given scale, blurred and noised like a phone filming a screen.
#![allow(dead_code, clippy::indexing_slicing)]

use entraide_core::transfer::qr::QrMatrix;

/// Camera frame size.
pub const WIDTH: usize = 640;
/// Camera frame size.
pub const HEIGHT: usize = 480;

/// Small deterministic noise source (xorshift).
pub struct Noise(pub u64);

impl Noise {
    pub fn next(&mut self) -> i32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % 41) as i32 - 20
    }
}

/// The camera's view of `matrix` filling `fill` of the frame's height (0.0–1.0), with a
/// box blur of `blur` pixels, noise of ±`noise`, and contrast squeezed to 40–215.
pub fn film(matrix: &QrMatrix, fill: f64, blur: usize, noise: i32, rng: &mut Noise) -> Vec<u8> {
    let (side, code) = matrix.rasterize(1);
    let target = ((HEIGHT as f64 * fill) as usize).max(side);
    let (x0, y0) = (
        (WIDTH - target.min(WIDTH)) / 2,
        (HEIGHT - target.min(HEIGHT)) / 2,
    );
    let mut frame = vec![160u8; WIDTH * HEIGHT];
    for y in 0..target.min(HEIGHT) {
        for x in 0..target.min(WIDTH) {
            let (sx, sy) = (x * side / target, y * side / target);
            let value = code[sy * side + sx];
            frame[(y0 + y) * WIDTH + x0 + x] = if value == 0 { 40 } else { 215 };
        }
    }
    if blur > 0 {
        frame = box_blur(&frame, blur);
    }
    if noise > 0 {
        for pixel in &mut frame {
            let n = rng.next() * noise / 20;
            *pixel = (i32::from(*pixel) + n).clamp(0, 255) as u8;
        }
    }
    frame
}

fn box_blur(frame: &[u8], r: usize) -> Vec<u8> {
    let mut horizontal = vec![0u8; frame.len()];
    for y in 0..HEIGHT {
        for x in 0..WIDTH {
            let (a, b) = (x.saturating_sub(r), (x + r).min(WIDTH - 1));
            let sum: u32 = (a..=b).map(|i| u32::from(frame[y * WIDTH + i])).sum();
            horizontal[y * WIDTH + x] = (sum / (b - a + 1) as u32) as u8;
        }
    }
    let mut out = vec![0u8; frame.len()];
    for y in 0..HEIGHT {
        for x in 0..WIDTH {
            let (a, b) = (y.saturating_sub(r), (y + r).min(HEIGHT - 1));
            let sum: u32 = (a..=b).map(|j| u32::from(horizontal[j * WIDTH + x])).sum();
            out[y * WIDTH + x] = (sum / (b - a + 1) as u32) as u8;
        }
    }
    out
}
