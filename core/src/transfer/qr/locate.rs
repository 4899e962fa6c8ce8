//! Where QR codes are in a black-and-white image: the three finder patterns (the 1:1:3:1:1
//! squares in three corners) found by scanning rows and checking across columns, grouped
//! in threes that could be one code, and the alignment pattern near the fourth corner.

use super::binarize::Bitmap;

/// A point in image coordinates (pixels, sub-pixel precision).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    fn distance(self, other: Point) -> f64 {
        ((self.x - other.x).powi(2) + (self.y - other.y).powi(2)).sqrt()
    }
}

/// A finder pattern seen in the image: its centre, module size, how many scans saw it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Finder {
    pub center: Point,
    pub module: f64,
    pub seen: u32,
}

/// Three finder patterns that could be one code: the corner one and the two it points to,
/// ordered so that `top_right` is clockwise from `top_left` (as a code is read).
#[derive(Debug, Clone, Copy)]
pub(super) struct Corners {
    pub top_left: Finder,
    pub top_right: Finder,
    pub bottom_left: Finder,
}

impl Corners {
    /// The mean module size of the three patterns.
    pub fn module(&self) -> f64 {
        (self.top_left.module + self.top_right.module + self.bottom_left.module) / 3.0
    }

    /// Modules per side estimated from the distances between the patterns (the finder
    /// centres are 7 modules less than the side apart), rounded to a valid QR size.
    pub fn side(&self) -> usize {
        let tl = self.top_left.center;
        let across = (tl.distance(self.top_right.center) / self.module()
            + tl.distance(self.bottom_left.center) / self.module())
            / 2.0;
        let side = (across + 7.0).round().max(21.0) as usize;
        // Valid sides are 17 + 4 × version.
        match side % 4 {
            0 => side + 1,
            2 => side - 1,
            3 => side + 2,
            _ => side,
        }
    }
}

/// Every finder pattern in `bitmap`, most often seen first.
pub(super) fn finders(bitmap: &Bitmap) -> Vec<Finder> {
    let mut found: Vec<Finder> = Vec::new();
    let step = if bitmap.height > 1200 { 2 } else { 1 };
    let mut runs: Vec<(i64, i64)> = Vec::new();
    for y in (0..bitmap.height as i64).step_by(step) {
        runs.clear();
        row_runs(bitmap, y, &mut runs);
        // Windows of five runs starting on a dark one: dark, light, dark, light, dark.
        for window in runs.windows(5) {
            let [a, b, c, d, e] = match window {
                [a, b, c, d, e] => [*a, *b, *c, *d, *e],
                _ => continue,
            };
            if !bitmap.dark(a.0, y) {
                continue;
            }
            let lengths = [a.1, b.1, c.1, d.1, e.1];
            if !finder_ratio(lengths) {
                continue;
            }
            let total: i64 = lengths.iter().sum();
            let x = c.0 as f64 + c.1 as f64 / 2.0;
            if let Some(finder) = confirm_finder(bitmap, x, y as f64, total as f64) {
                merge(&mut found, finder);
            }
        }
    }
    found.sort_by_key(|f| std::cmp::Reverse(f.seen));
    found
}

/// The runs of one row as `(start, length)`, alternating colours from the first pixel.
fn row_runs(bitmap: &Bitmap, y: i64, runs: &mut Vec<(i64, i64)>) {
    let row = bitmap.row(y as usize);
    let mut start = 0usize;
    for (x, pair) in row.windows(2).enumerate() {
        if pair.first() != pair.get(1) {
            runs.push((start as i64, (x + 1 - start) as i64));
            start = x + 1;
        }
    }
    if !row.is_empty() {
        runs.push((start as i64, (row.len() - start) as i64));
    }
}

/// Whether five run lengths look like 1:1:3:1:1.
fn finder_ratio(lengths: [i64; 5]) -> bool {
    let total: i64 = lengths.iter().sum();
    if total < 7 {
        return false;
    }
    let module = total as f64 / 7.0;
    let tolerance = module * 0.7;
    let [a, b, c, d, e] = lengths.map(|l| l as f64);
    (a - module).abs() < tolerance
        && (b - module).abs() < tolerance
        && (d - module).abs() < tolerance
        && (e - module).abs() < tolerance
        && (c - 3.0 * module).abs() < 3.0 * tolerance
}

/// The 1:1:3:1:1 runs through `(x, y)` along `(dx, dy)`: the centre's offset along the line
/// and the pattern's length, or `None` when the pattern is not there.
fn cross_check(
    bitmap: &Bitmap,
    x: f64,
    y: f64,
    dx: i64,
    dy: i64,
    longest: f64,
) -> Option<(f64, f64)> {
    let (x, y) = (x.floor() as i64, y.floor() as i64);
    if !bitmap.dark(x, y) {
        return None;
    }
    let limit = longest.ceil() as i64 + 2;
    // Runs from the centre outwards: [centre half, light, dark] on each side.
    let walk = |sign: i64| -> Option<[i64; 3]> {
        let mut counts = [0i64; 3];
        let mut t = 0i64;
        for (index, want_dark) in [(0usize, true), (1, false), (2, true)] {
            loop {
                let (px, py) = (x + sign * t * dx, y + sign * t * dy);
                if bitmap.dark(px, py) != want_dark || counts[index] > limit {
                    break;
                }
                // Leaving the image inside the pattern: not a whole pattern.
                if px < 0 || py < 0 || px >= bitmap.width as i64 || py >= bitmap.height as i64 {
                    return None;
                }
                counts[index] += 1;
                t += 1;
            }
            if counts[index] == 0 || counts[index] > limit {
                return None;
            }
        }
        Some(counts)
    };
    let [c_plus, b_plus, a_plus] = walk(1)?;
    let [c_minus, b_minus, a_minus] = walk(-1)?;
    let lengths = [a_minus, b_minus, c_minus + c_plus - 1, b_plus, a_plus];
    if !finder_ratio(lengths) {
        return None;
    }
    let total: i64 = lengths.iter().sum();
    // Centre of the middle run, relative to the starting pixel.
    let offset = (c_plus - c_minus) as f64 / 2.0;
    Some((offset, total as f64))
}

/// A finder pattern confirmed across the column and again along the row and a diagonal.
fn confirm_finder(bitmap: &Bitmap, x: f64, y: f64, width: f64) -> Option<Finder> {
    let (dy, height) = cross_check(bitmap, x, y, 0, 1, width)?;
    if (height - width).abs() * 5.0 > 2.0 * width.max(height) {
        return None;
    }
    let y = y.floor() + 0.5 + dy;
    let (dx, width2) = cross_check(bitmap, x, y, 1, 0, width)?;
    let x = x.floor() + 0.5 + dx;
    // The diagonal rejects most of the 1:1:3:1:1 runs that data modules make.
    let (_, diagonal) = cross_check(bitmap, x, y, 1, 1, width.max(height))?;
    // A diagonal step is √2 pixels long; chords through the centre of a square are 1 to √2
    // times its side, whatever its rotation.
    let (diagonal, straight) = (diagonal * std::f64::consts::SQRT_2, (width2 + height) / 2.0);
    if diagonal < straight * 0.6 || diagonal > straight * 1.65 {
        return None;
    }
    Some(Finder {
        center: Point { x, y },
        module: straight / 7.0,
        seen: 1,
    })
}

/// Adds `finder` to `found`, averaging it into a pattern already seen at the same place.
fn merge(found: &mut Vec<Finder>, finder: Finder) {
    for known in found.iter_mut() {
        let close = known.center.distance(finder.center) < known.module.max(finder.module) * 2.0;
        let same_size =
            (known.module - finder.module).abs() < known.module.max(finder.module) * 0.5;
        if close && same_size {
            let n = f64::from(known.seen);
            known.center = Point {
                x: (known.center.x * n + finder.center.x) / (n + 1.0),
                y: (known.center.y * n + finder.center.y) / (n + 1.0),
            };
            known.module = (known.module * n + finder.module) / (n + 1.0);
            known.seen += 1;
            return;
        }
    }
    // A texture can look like thousands of patterns: past this many, only merge.
    if found.len() < MAX_FINDERS {
        found.push(finder);
    }
}

/// Distinct finder patterns kept per image.
const MAX_FINDERS: usize = 64;

/// Groups of three finder patterns that could be one code, the likeliest first.
pub(super) fn groups(finders: &[Finder]) -> Vec<Corners> {
    // Patterns seen on one row only are mostly noise, unless nothing better was found.
    let mut pool: Vec<Finder> = finders.iter().copied().filter(|f| f.seen >= 2).collect();
    if pool.len() < 3 {
        pool = finders.to_vec();
    }
    pool.truncate(16);
    let mut scored: Vec<(f64, Corners)> = Vec::new();
    for i in 0..pool.len() {
        for j in i + 1..pool.len() {
            for k in j + 1..pool.len() {
                let (Some(a), Some(b), Some(c)) = (pool.get(i), pool.get(j), pool.get(k)) else {
                    continue;
                };
                if let Some(found) = group_of(*a, *b, *c) {
                    scored.push(found);
                }
            }
        }
    }
    scored.sort_by(|a, b| a.0.total_cmp(&b.0));
    scored.into_iter().map(|(_, corners)| corners).collect()
}

/// Three patterns as the corners of one code, with a score (lower is likelier), or `None`
/// when their sizes or the triangle they make cannot be a code.
fn group_of(a: Finder, b: Finder, c: Finder) -> Option<(f64, Corners)> {
    let modules = [a.module, b.module, c.module];
    let (small, large) = modules
        .iter()
        .fold((f64::MAX, 0f64), |(s, l), &m| (s.min(m), l.max(m)));
    if small <= 0.0 || large / small > 1.8 {
        return None;
    }
    // The corner is opposite the longest side.
    let (ab, bc, ca) = (
        a.center.distance(b.center),
        b.center.distance(c.center),
        a.center.distance(c.center),
    );
    let (corner, p, q, hypotenuse) = if bc >= ab && bc >= ca {
        (a, b, c, bc)
    } else if ca >= ab && ca >= bc {
        (b, a, c, ca)
    } else {
        (c, a, b, ab)
    };
    let (leg1, leg2) = (
        corner.center.distance(p.center),
        corner.center.distance(q.center),
    );
    let module = (a.module + b.module + c.module) / 3.0;
    if leg1.min(leg2) < 10.0 * module || leg1.max(leg2) / leg1.min(leg2) > 1.8 {
        return None;
    }
    // Modules across: a code has 21 to 177, so the legs are 14 to 170 modules.
    if leg1.max(leg2) / module > 190.0 {
        return None;
    }
    let right_angle =
        (hypotenuse.powi(2) - leg1.powi(2) - leg2.powi(2)).abs() / (leg1.powi(2) + leg2.powi(2));
    if right_angle > 0.5 {
        return None;
    }
    let cross = (p.center.x - corner.center.x) * (q.center.y - corner.center.y)
        - (p.center.y - corner.center.y) * (q.center.x - corner.center.x);
    let (top_right, bottom_left) = if cross > 0.0 { (p, q) } else { (q, p) };
    let score = right_angle + (leg1.max(leg2) / leg1.min(leg2) - 1.0) + (large / small - 1.0);
    Some((
        score,
        Corners {
            top_left: corner,
            top_right,
            bottom_left,
        },
    ))
}

/// The centre of the alignment pattern (a dark module in a light ring in a dark ring) near
/// `estimate`, searched within `reach` pixels, for a code whose modules are `module` wide.
pub(super) fn alignment(
    bitmap: &Bitmap,
    estimate: Point,
    module: f64,
    reach: f64,
) -> Option<Point> {
    let (x0, x1) = (
        (estimate.x - reach).floor().max(0.0) as i64,
        (estimate.x + reach).ceil().min(bitmap.width as f64) as i64,
    );
    let (y0, y1) = (
        (estimate.y - reach).floor().max(0.0) as i64,
        (estimate.y + reach).ceil().min(bitmap.height as f64) as i64,
    );
    let fits = |length: i64, factor: f64| {
        let length = length as f64;
        length >= module * 0.5 * factor && length <= module * 1.7 * factor
    };
    let mut best: Option<(f64, Point)> = None;
    for y in y0..y1 {
        // Light, dark, light runs along the row, each about one module.
        let mut x = x0;
        while x < x1 {
            if bitmap.dark(x, y) {
                x += 1;
                continue;
            }
            let light_start = x;
            while x < x1 && !bitmap.dark(x, y) {
                x += 1;
            }
            let dark_start = x;
            while x < x1 && bitmap.dark(x, y) {
                x += 1;
            }
            let dark_end = x;
            let mut light_end = x;
            while light_end < x1 && !bitmap.dark(light_end, y) {
                light_end += 1;
            }
            if dark_end >= x1 || light_end >= x1 {
                break;
            }
            let (before, dark, after) = (
                dark_start - light_start,
                dark_end - dark_start,
                light_end - dark_end,
            );
            if !(fits(dark, 1.0) && fits(after, 1.0)) || (before as f64) < module * 0.5 {
                continue;
            }
            let cx = (dark_start + dark_end) as f64 / 2.0;
            if let Some(cy) = alignment_column(bitmap, cx, y, module) {
                let center = Point { x: cx, y: cy };
                let distance = center.distance(estimate);
                if best.is_none_or(|(d, _)| distance < d) {
                    best = Some((distance, center));
                }
            }
        }
    }
    best.map(|(_, p)| p)
}

/// The vertical centre of an alignment pattern's dark centre through `(x, y)`: the dark
/// run there must have a light run of about one module above and below it.
fn alignment_column(bitmap: &Bitmap, x: f64, y: i64, module: f64) -> Option<f64> {
    let x = x.floor() as i64;
    if !bitmap.dark(x, y) {
        return None;
    }
    let limit = (module * 2.0).ceil() as i64 + 1;
    let mut ends = [0f64; 2];
    for (slot, sign) in ends.iter_mut().zip([-1i64, 1]) {
        let mut t = 0;
        while t <= limit && bitmap.dark(x, y + sign * t) {
            t += 1;
        }
        let dark = t;
        let mut light = 0;
        while light <= limit && !bitmap.dark(x, y + sign * (t + light)) {
            light += 1;
        }
        if dark > limit || light == 0 || light > limit || !bitmap.dark(x, y + sign * (t + light)) {
            return None;
        }
        *slot = (y + sign * dark) as f64;
    }
    let [top, bottom] = ends;
    let height = bottom - top - 1.0;
    if height < module * 0.5 || height > module * 1.7 {
        return None;
    }
    Some((top + bottom) / 2.0 + 0.5)
}
