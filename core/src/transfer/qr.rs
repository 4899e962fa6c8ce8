//! QR codes as plain data: the module matrix of a text (the app draws it on a canvas) and
//! the texts found in a grey camera frame (the Rust decoder the app uses where the browser
//! has no `BarcodeDetector`, as on iPhones).

mod binarize;
mod locate;
mod sample;

use binarize::{binarize, Bitmap, Threshold, THRESHOLDS};
use qrcode::{Color, EcLevel, QrCode};
use thiserror::Error;

/// Largest camera frame side accepted by [`decode_gray`], in pixels.
pub const MAX_FRAME_SIDE: usize = 4096;

/// Why a QR code could not be made or read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum QrError {
    /// The text does not fit in any QR code at this error-correction level.
    #[error("too much data for one QR code")]
    TooLong,
    /// The pixel buffer does not match the given size, or the size is out of bounds.
    #[error("the image size does not match its pixels")]
    BadImage,
}

/// How much of a code may be damaged and still read. Higher levels make denser codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Correction {
    /// About 7 %.
    Low,
    /// About 15 %.
    Medium,
    /// About 25 %.
    Quartile,
}

/// A QR code's modules, row by row (`true` is dark), without the quiet zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrMatrix {
    /// Modules per side.
    pub size: usize,
    /// The QR version (1 to 40).
    pub version: u8,
    /// `size × size` modules, row-major.
    pub modules: Vec<bool>,
}

impl QrMatrix {
    /// Whether the module at column `x`, row `y` is dark (outside: light).
    pub fn dark(&self, x: usize, y: usize) -> bool {
        x < self.size
            && self
                .modules
                .get(y * self.size + x)
                .copied()
                .unwrap_or(false)
    }
}

impl QrMatrix {
    /// The code as a grey image with `module` pixels per module and the standard quiet
    /// zone of 4 modules: `(side, pixels)`, 0 for dark, 255 for light.
    pub fn rasterize(&self, module: usize) -> (usize, Vec<u8>) {
        let module = module.max(1);
        let side = (self.size + 8) * module;
        let mut pixels = vec![255u8; side * side];
        for (i, pixel) in pixels.iter_mut().enumerate() {
            let (x, y) = ((i % side) / module, (i / side) / module);
            if x >= 4 && y >= 4 && self.dark(x - 4, y - 4) {
                *pixel = 0;
            }
        }
        (side, pixels)
    }
}

/// The QR code of `text` (alphanumeric-mode text makes the smallest codes).
pub fn encode(text: &str, correction: Correction) -> Result<QrMatrix, QrError> {
    let level = match correction {
        Correction::Low => EcLevel::L,
        Correction::Medium => EcLevel::M,
        Correction::Quartile => EcLevel::Q,
    };
    let code = QrCode::with_error_correction_level(text.as_bytes(), level)
        .map_err(|_| QrError::TooLong)?;
    let version = match code.version() {
        qrcode::Version::Normal(v) | qrcode::Version::Micro(v) => u8::try_from(v).unwrap_or(0),
    };
    Ok(QrMatrix {
        size: code.width(),
        version,
        modules: code
            .to_colors()
            .into_iter()
            .map(|c| c == Color::Dark)
            .collect(),
    })
}

/// Groups of three finder patterns tried per black-and-white image, likeliest first.
const MAX_GROUPS: usize = 8;

/// Groups, among those, for which the corners of a bent code are searched.
const MAX_REFINED: usize = 3;

/// The texts of every QR code found in a grey image (`width × height` bytes, row-major,
/// 0 = black). Codes that are found but cannot be read are skipped. No image makes it
/// panic: finding the code and mapping its modules is done here, with every step checked;
/// rqrr only corrects errors and reads the data of the grid of modules.
pub fn decode_gray(width: usize, height: usize, pixels: &[u8]) -> Result<Vec<String>, QrError> {
    if width == 0
        || height == 0
        || width > MAX_FRAME_SIDE
        || height > MAX_FRAME_SIDE
        || pixels.len() != width * height
    {
        return Err(QrError::BadImage);
    }
    // The cheapest threshold first (a clean frame reads on it), the others only when it
    // found nothing, then light codes on a dark background.
    let mut texts = Vec::new();
    for threshold in THRESHOLDS {
        let bitmap = binarize(width, height, pixels, threshold);
        read_bitmap(&bitmap, &mut texts);
        if !texts.is_empty() {
            return Ok(texts);
        }
    }
    let inverted = binarize(width, height, pixels, Threshold::RowAverage).inverted();
    read_bitmap(&inverted, &mut texts);
    Ok(texts)
}

/// Adds to `texts` the text of every code read in `bitmap`.
fn read_bitmap(bitmap: &Bitmap, texts: &mut Vec<String>) {
    let finders = locate::finders(bitmap);
    let mut used: Vec<locate::Point> = Vec::new();
    for (rank, corners) in locate::groups(&finders)
        .into_iter()
        .take(MAX_GROUPS)
        .enumerate()
    {
        let centres = [
            corners.top_left.center,
            corners.top_right.center,
            corners.bottom_left.center,
        ];
        if centres.iter().any(|c| used.contains(c)) {
            continue;
        }
        if let Some(bytes) = sample::read_code(bitmap, &corners, rank < MAX_REFINED) {
            used.extend(centres);
            let text = text_of(bytes);
            if !texts.contains(&text) {
                texts.push(text);
            }
        }
    }
}

/// A code's bytes as text: UTF-8 when they are, else ISO 8859-1 (the QR default).
fn text_of(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes)
        .unwrap_or_else(|e| e.into_bytes().into_iter().map(char::from).collect())
}

/// Luminance of RGBA pixels (as read from a canvas), for [`decode_gray`].
pub fn rgba_to_gray(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .map(|p| {
            let (r, g, b) = (u32::from(p[0]), u32::from(p[1]), u32::from(p[2]));
            ((r * 77 + g * 150 + b * 29) >> 8) as u8
        })
        .collect()
}
