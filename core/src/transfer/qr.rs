//! QR codes as plain data: the module matrix of a text (the app draws it on a canvas) and
//! the texts found in a grey camera frame (the Rust decoder the app uses where the browser
//! has no `BarcodeDetector`, as on iPhones).

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

/// The texts of the grids rqrr finds in a prepared image (its buffer type is private, so
/// a macro rather than a function).
macro_rules! read_grids {
    ($image:ident) => {
        $image
            .detect_grids()
            .into_iter()
            .filter_map(|grid| grid.decode().ok().map(|(_, text)| text))
            .collect::<Vec<String>>()
    };
}

/// The texts of every QR code found in a grey image (`width × height` bytes, row-major,
/// 0 = black). Codes that are found but cannot be read are skipped.
pub fn decode_gray(width: usize, height: usize, pixels: &[u8]) -> Result<Vec<String>, QrError> {
    if width == 0
        || height == 0
        || width > MAX_FRAME_SIDE
        || height > MAX_FRAME_SIDE
        || pixels.len() != width * height
    {
        return Err(QrError::BadImage);
    }
    // First the decoder's own row-wise threshold (fast, good on sharp images); when it finds
    // nothing, a threshold against the local 2-D mean, which copes better with the soft
    // edges of a phone filming a screen.
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| {
        pixels.get(y * width + x).copied().unwrap_or(255)
    });
    let found = read_grids!(image);
    if !found.is_empty() {
        return Ok(found);
    }
    let dark = binarize(width, height, pixels);
    let mut image = rqrr::PreparedImage::prepare_from_bitmap(width, height, |x, y| {
        dark.get(y * width + x).copied().unwrap_or(false)
    });
    Ok(read_grids!(image))
}

/// Dark where a pixel is darker than the mean of the square around it (side about an
/// eighth of the image), computed with an integral image.
fn binarize(width: usize, height: usize, pixels: &[u8]) -> Vec<bool> {
    let radius = (width.min(height) / 16).max(4);
    let stride = width + 1;
    let mut integral = vec![0u64; stride * (height + 1)];
    for y in 0..height {
        let mut row = 0u64;
        for x in 0..width {
            row += u64::from(pixels.get(y * width + x).copied().unwrap_or(255));
            let above = integral.get(y * stride + x + 1).copied().unwrap_or(0);
            if let Some(cell) = integral.get_mut((y + 1) * stride + x + 1) {
                *cell = above + row;
            }
        }
    }
    let at = |x: usize, y: usize| integral.get(y * stride + x).copied().unwrap_or(0);
    let mut dark = vec![false; width * height];
    for y in 0..height {
        let (y0, y1) = (y.saturating_sub(radius), (y + radius + 1).min(height));
        for x in 0..width {
            let (x0, x1) = (x.saturating_sub(radius), (x + radius + 1).min(width));
            let sum = at(x1, y1) + at(x0, y0) - at(x0, y1) - at(x1, y0);
            let count = ((x1 - x0) * (y1 - y0)) as u64;
            let value = u64::from(pixels.get(y * width + x).copied().unwrap_or(255));
            if let Some(cell) = dark.get_mut(y * width + x) {
                *cell = value * count < sum;
            }
        }
    }
    dark
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
