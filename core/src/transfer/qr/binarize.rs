//! Grey camera frames turned black and white in several ways, because no single threshold
//! suits every photo: a running average along each row (fast, good on sharp frames), the
//! mean of a square around each pixel (uneven light, soft edges), and one global threshold
//! chosen from the histogram (Otsu; small codes on flat backgrounds).

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

    /// Row `y` (empty outside the image).
    pub fn row(&self, y: usize) -> &[bool] {
        self.dark
            .get(y * self.width..(y + 1) * self.width)
            .unwrap_or(&[])
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

/// The thresholds in the order they are tried. On zxing's photos the row average alone
/// reads 135, the local mean alone 146, both 152; a smaller local window (a 24th of the
/// side) and Otsu's add none there but cost a pass each on every frame without a code, so
/// only Otsu's, the cheapest, is kept, for flat scenes.
pub(super) const THRESHOLDS: [Threshold; 3] = [
    Threshold::RowAverage,
    Threshold::LocalMean { divisor: 8 },
    Threshold::Global,
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
    for (y, line) in pixels.chunks_exact(width).enumerate().take(height) {
        let (above, below) = integral.split_at_mut((y + 1) * stride);
        let above = above.get(y * stride..).unwrap_or(&[]);
        let mut row = 0u64;
        for ((cell, up), &p) in below.iter_mut().skip(1).zip(above.iter().skip(1)).zip(line) {
            row += u64::from(p);
            *cell = up + row;
        }
    }
    let mut dark = vec![false; width * height];
    for (y, (line, out)) in pixels
        .chunks_exact(width)
        .zip(dark.chunks_exact_mut(width))
        .enumerate()
    {
        let (y0, y1) = (y.saturating_sub(radius), (y + radius + 1).min(height));
        let (top, bottom) = (
            integral.get(y0 * stride..(y0 + 1) * stride).unwrap_or(&[]),
            integral.get(y1 * stride..(y1 + 1) * stride).unwrap_or(&[]),
        );
        let rows = (y1 - y0) as u64;
        for (x, (&p, cell)) in line.iter().zip(out.iter_mut()).enumerate() {
            let (x0, x1) = (x.saturating_sub(radius), (x + radius + 1).min(width));
            let at = |r: &[u64], i: usize| r.get(i).copied().unwrap_or(0);
            let sum = at(bottom, x1) + at(top, x0) - at(top, x1) - at(bottom, x0);
            let count = rows * (x1 - x0) as u64;
            *cell = u64::from(p) * count < sum;
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
