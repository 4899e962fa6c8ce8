//! Grey camera frames turned black and white in several ways, because no single threshold
//! suits every photo: a running average along each row (fast, good on sharp frames), the
//! mean of a square around each pixel (uneven light, soft edges) at two sizes, and one
//! global threshold chosen from the histogram (Otsu; small codes on flat backgrounds).

/// A black-and-white image; pixels outside it are light.
#[derive(Debug, Clone)]
pub(super) struct Bitmap {
    pub width: usize,
    pub height: usize,
    dark: Vec<bool>,
}

impl Bitmap {
    /// Whether the pixel at `(x, y)` is dark (outside the image: light).
    pub fn dark(&self, x: i64, y: i64) -> bool {
        if x < 0 || y < 0 {
            return false;
        }
        let (x, y) = (x as usize, y as usize);
        x < self.width
            && y < self.height
            && self.dark.get(y * self.width + x).copied().unwrap_or(false)
    }

    /// The same image with dark and light swapped (codes printed light on dark).
    pub fn inverted(&self) -> Bitmap {
        Bitmap {
            width: self.width,
            height: self.height,
            dark: self.dark.iter().map(|d| !d).collect(),
        }
    }
}

/// The thresholds [`decode_gray`](super::decode_gray) tries, cheapest and most common first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Threshold {
    /// Darker than the running average of the row around it.
    RowAverage,
    /// Darker than the mean of a square of side about `min(width, height) / divisor`.
    LocalMean { divisor: usize },
    /// Darker than one threshold for the whole image (Otsu's).
    Global,
}

/// The thresholds in the order they are tried.
pub(super) const THRESHOLDS: [Threshold; 4] = [
    Threshold::RowAverage,
    Threshold::LocalMean { divisor: 8 },
    Threshold::Global,
    Threshold::LocalMean { divisor: 24 },
];

/// `pixels` (`width × height`, row-major) in black and white by `threshold`.
pub(super) fn binarize(width: usize, height: usize, pixels: &[u8], threshold: Threshold) -> Bitmap {
    let dark = match threshold {
        Threshold::RowAverage => row_average(width, height, pixels),
        Threshold::LocalMean { divisor } => local_mean(
            width,
            height,
            pixels,
            (width.min(height) / divisor / 2).max(4),
        ),
        Threshold::Global => {
            let level = otsu(pixels);
            pixels.iter().map(|&p| p < level).collect()
        }
    };
    Bitmap {
        width,
        height,
        dark,
    }
}

fn pixel(pixels: &[u8], i: usize) -> u32 {
    u32::from(pixels.get(i).copied().unwrap_or(255))
}

/// Dark where a pixel is below 95 % of the mean of a window of about an eighth of the
/// width centred on it, the mean taken along the row (an exponential average of
/// `2^shift` pixels, run both ways).
fn row_average(width: usize, height: usize, pixels: &[u8]) -> Vec<bool> {
    // The power of two nearest to width / 8.
    let shift = (width * 3 / 16).max(1).ilog2();
    let mut dark = vec![false; width * height];
    let mut forward = vec![0u32; width];
    for y in 0..height {
        let row = y * width;
        // Running sums of about `2^shift` pixels, left to right then right to left.
        let mut sum = pixel(pixels, row) << shift;
        for (x, slot) in forward.iter_mut().enumerate() {
            sum = sum - (sum >> shift) + pixel(pixels, row + x);
            *slot = sum;
        }
        let mut back = pixel(pixels, row + width - 1) << shift;
        for x in (0..width).rev() {
            back = back - (back >> shift) + pixel(pixels, row + x);
            let both = forward.get(x).copied().unwrap_or(0) + back;
            // pixel < 0.95 × both / 2^(shift + 1), in integers.
            let value = pixel(pixels, row + x) << (shift + 1);
            if let Some(cell) = dark.get_mut(row + x) {
                *cell = u64::from(value) * 100 < u64::from(both) * 95;
            }
        }
    }
    dark
}

/// Dark where a pixel is darker than the mean of the square of `radius` around it,
/// computed with an integral image.
fn local_mean(width: usize, height: usize, pixels: &[u8], radius: usize) -> Vec<bool> {
    let stride = width + 1;
    let mut integral = vec![0u64; stride * (height + 1)];
    for y in 0..height {
        let mut row = 0u64;
        for x in 0..width {
            row += u64::from(pixel(pixels, y * width + x));
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
            let value = u64::from(pixel(pixels, y * width + x));
            if let Some(cell) = dark.get_mut(y * width + x) {
                *cell = value * count < sum;
            }
        }
    }
    dark
}

/// The grey level that best splits the histogram in two classes (Otsu's method).
fn otsu(pixels: &[u8]) -> u8 {
    let mut histogram = [0u64; 256];
    for &p in pixels {
        if let Some(count) = histogram.get_mut(usize::from(p)) {
            *count += 1;
        }
    }
    let total = pixels.len() as f64;
    let sum_all: f64 = histogram
        .iter()
        .enumerate()
        .map(|(level, &count)| level as f64 * count as f64)
        .sum();
    let (mut below, mut sum_below) = (0f64, 0f64);
    let (mut best, mut best_level) = (-1f64, 128u8);
    for (level, &count) in histogram.iter().enumerate() {
        below += count as f64;
        sum_below += level as f64 * count as f64;
        let above = total - below;
        if below == 0.0 || above <= 0.0 {
            continue;
        }
        let (mean_below, mean_above) = (sum_below / below, (sum_all - sum_below) / above);
        let between = below * above * (mean_below - mean_above).powi(2);
        if between > best {
            best = between;
            // Dark is strictly below the threshold: the level just above the lower class.
            best_level = u8::try_from(level + 1).unwrap_or(255);
        }
    }
    best_level
}
