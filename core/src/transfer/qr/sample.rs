//! From three finder patterns to text: the perspective that maps the code's modules onto
//! the image, the modules read through it, and rqrr's decoder (error correction and data
//! segments) on the resulting grid. Mapping points ourselves, with every division checked,
//! is what keeps a degenerate perspective from panicking (rqrr's own grid detection
//! asserts on one, WanzenBug/rqrr#54).

use super::binarize::Bitmap;
use super::locate::{alignment, Corners, Point};

/// A projective map from module coordinates to image coordinates.
#[derive(Debug, Clone, Copy)]
struct Perspective([f64; 8]);

impl Perspective {
    /// The map that sends each `from[i]` to `to[i]`, or `None` when the points are
    /// degenerate (three in a line).
    fn between(from: [Point; 4], to: [Point; 4]) -> Option<Perspective> {
        // x' = (a x + b y + c) / (g x + h y + 1), y' = (d x + e y + f) / (g x + h y + 1):
        // two linear equations per point pair in (a, b, c, d, e, f, g, h).
        let mut rows = [[0f64; 9]; 8];
        for (i, (p, q)) in from.iter().zip(to.iter()).enumerate() {
            if let Some(row) = rows.get_mut(2 * i) {
                *row = [p.x, p.y, 1.0, 0.0, 0.0, 0.0, -p.x * q.x, -p.y * q.x, q.x];
            }
            if let Some(row) = rows.get_mut(2 * i + 1) {
                *row = [0.0, 0.0, 0.0, p.x, p.y, 1.0, -p.x * q.y, -p.y * q.y, q.y];
            }
        }
        solve(&mut rows).map(Perspective)
    }

    /// Where module coordinates `(u, v)` fall in the image, or `None` on the line at
    /// infinity.
    fn map(&self, u: f64, v: f64) -> Option<Point> {
        let [a, b, c, d, e, f, g, h] = self.0;
        let den = g * u + h * v + 1.0;
        if den.abs() < 1e-9 {
            return None;
        }
        let (x, y) = ((a * u + b * v + c) / den, (d * u + e * v + f) / den);
        (x.is_finite() && y.is_finite()).then_some(Point { x, y })
    }
}

/// Gaussian elimination with partial pivoting on an 8 × 9 augmented matrix.
fn solve(rows: &mut [[f64; 9]; 8]) -> Option<[f64; 8]> {
    for column in 0..8 {
        let pivot =
            (column..8).max_by(|&i, &j| rows[i][column].abs().total_cmp(&rows[j][column].abs()))?;
        if rows[pivot][column].abs() < 1e-12 {
            return None;
        }
        rows.swap(column, pivot);
        let lead = rows[column];
        for (i, row) in rows.iter_mut().enumerate() {
            if i == column {
                continue;
            }
            let factor = row[column] / lead[column];
            if factor != 0.0 {
                for (cell, l) in row.iter_mut().zip(lead.iter()) {
                    *cell -= factor * l;
                }
            }
        }
    }
    let mut out = [0f64; 8];
    for (i, value) in out.iter_mut().enumerate() {
        *value = rows[i][8] / rows[i][i];
        if !value.is_finite() {
            return None;
        }
    }
    Some(out)
}

/// The modules of a code of `side` modules read through `perspective` (light where a
/// module falls outside the image).
fn read_modules(bitmap: &Bitmap, perspective: &Perspective, side: usize) -> Vec<bool> {
    let mut modules = vec![false; side * side];
    for (i, module) in modules.iter_mut().enumerate() {
        let (u, v) = ((i % side) as f64 + 0.5, (i / side) as f64 + 0.5);
        if let Some(p) = perspective.map(u, v) {
            *module = bitmap.dark(p.x.floor() as i64, p.y.floor() as i64);
        }
    }
    modules
}

/// Whether the module at `(x, y)` of every code of `side` modules is dark, for the modules
/// whose colour does not depend on the data: the finder patterns, their separators and
/// the timing patterns (`None` elsewhere).
fn fixed_module(x: usize, y: usize, side: usize) -> Option<bool> {
    let finder = |fx: usize, fy: usize| -> Option<bool> {
        let (dx, dy) = (x.checked_sub(fx)?, y.checked_sub(fy)?);
        if dx > 6 || dy > 6 {
            return None;
        }
        let ring = dx == 0 || dy == 0 || dx == 6 || dy == 6;
        let stone = (2..=4).contains(&dx) && (2..=4).contains(&dy);
        Some(ring || stone)
    };
    let corner = side - 7;
    if let Some(dark) = finder(0, 0).or(finder(corner, 0)).or(finder(0, corner)) {
        return Some(dark);
    }
    let separator = (x == 7 && (y < 8 || y >= side - 8))
        || (y == 7 && (x < 8 || x >= side - 8))
        || (x == side - 8 && y < 8)
        || (y == side - 8 && x < 8);
    if separator {
        return Some(false);
    }
    if x == 6 || y == 6 {
        return Some((x + y).is_multiple_of(2));
    }
    None
}

/// Share of the fixed modules a grid must have right before rqrr's decoder (error
/// correction is costly on large grids, and a frame without a code has many false ones).
const DECODE_AGREEMENT: f64 = 0.8;

/// Share of the fixed modules below which the corners are not worth refining.
const REFINE_AGREEMENT: f64 = 0.6;

/// The fixed modules of a code of `side` modules: `(x, y, dark)`.
fn fixed_cells(side: usize) -> Vec<(usize, usize, bool)> {
    (0..side * side)
        .filter_map(|i| {
            let (x, y) = (i % side, i / side);
            fixed_module(x, y, side).map(|dark| (x, y, dark))
        })
        .collect()
}

/// How well `perspective` puts the fixed modules where `bitmap` has them: +1 for each
/// sample of the right colour, −1 for each of the wrong one.
fn fitness(bitmap: &Bitmap, perspective: &Perspective, cells: &[(usize, usize, bool)]) -> i64 {
    const OFFSETS: [f64; 3] = [0.3, 0.5, 0.7];
    let mut score = 0;
    for &(x, y, dark) in cells {
        for dv in OFFSETS {
            for du in OFFSETS {
                let Some(p) = perspective.map(x as f64 + du, y as f64 + dv) else {
                    score -= 1;
                    continue;
                };
                score += if bitmap.dark(p.x.floor() as i64, p.y.floor() as i64) == dark {
                    1
                } else {
                    -1
                };
            }
        }
    }
    score
}

/// The perspective through `from` → `to` after moving each of the four image points in
/// turn (by a module, then half, …) wherever that fits the fixed modules better.
fn refine(
    bitmap: &Bitmap,
    from: [Point; 4],
    to: &mut [Point; 4],
    cells: &[(usize, usize, bool)],
    module: f64,
) -> Option<Perspective> {
    let mut best_map = Perspective::between(from, *to)?;
    let mut best = fitness(bitmap, &best_map, cells);
    let mut step = module;
    for _pass in 0..5 {
        for coordinate in 0..8 {
            for sign in [1.0, -1.0] {
                let mut moved = *to;
                let Some(point) = moved.get_mut(coordinate / 2) else {
                    continue;
                };
                if coordinate % 2 == 0 {
                    point.x += sign * step;
                } else {
                    point.y += sign * step;
                }
                let Some(map) = Perspective::between(from, moved) else {
                    continue;
                };
                let score = fitness(bitmap, &map, cells);
                if score > best {
                    (best, best_map, *to) = (score, map, moved);
                }
            }
        }
        step /= 2.0;
    }
    Some(best_map)
}

/// The bytes of the code of `side` modules whose modules `modules` holds, if it decodes.
fn decode_modules(modules: &[bool], side: usize) -> Option<Vec<u8>> {
    let grid = rqrr::SimpleGrid::from_func(side, |x, y| {
        modules.get(y * side + x).copied().unwrap_or(false)
    });
    let mut bytes = Vec::new();
    rqrr::Grid::new(grid).decode_to(&mut bytes).ok()?;
    Some(bytes)
}

/// The bytes of the code whose finder patterns are `corners`, trying the estimated size,
/// its neighbours, and the fourth corner from the alignment pattern or from the other
/// three. `refine_corners` allows the slower search for the corners of a bent code, kept
/// for the likeliest groups so that a frame with no code stays cheap.
pub(super) fn read_code(
    bitmap: &Bitmap,
    corners: &Corners,
    refine_corners: bool,
) -> Option<Vec<u8>> {
    let estimated = corners.side();
    let module = corners.module();
    let (tl, tr, bl) = (
        corners.top_left.center,
        corners.top_right.center,
        corners.bottom_left.center,
    );
    for side in [estimated, estimated + 4, estimated.saturating_sub(4)] {
        if !(21..=177).contains(&side) {
            continue;
        }
        let s = side as f64;
        let cells = fixed_cells(side);
        let from = [
            Point { x: 3.5, y: 3.5 },
            Point { x: s - 3.5, y: 3.5 },
            Point { x: 3.5, y: s - 3.5 },
            Point {
                x: s - 3.5,
                y: s - 3.5,
            },
        ];
        // First the fourth corner that completes the parallelogram: if even the fixed
        // modules near the three finders do not fit, this is no code of this size.
        let parallelogram = [
            tl,
            tr,
            bl,
            Point {
                x: tr.x + bl.x - tl.x,
                y: tr.y + bl.y - tl.y,
            },
        ];
        let Some(flat) = Perspective::between(from, parallelogram) else {
            continue;
        };
        let flat_share = fitness_share(bitmap, &flat, &cells);
        if flat_share < REFINE_AGREEMENT {
            continue;
        }
        let mut candidates = Vec::with_capacity(2);
        if side > 21 {
            // The bottom-right alignment pattern's centre is 3 modules in from the
            // bottom-right finder's would-be centre.
            let k = (s - 10.0) / (s - 7.0);
            let estimate = Point {
                x: tl.x + (tr.x - tl.x + bl.x - tl.x) * k,
                y: tl.y + (tr.y - tl.y + bl.y - tl.y) * k,
            };
            let found = alignment(bitmap, estimate, module, module * 4.0)
                .or_else(|| alignment(bitmap, estimate, module, module * 10.0));
            if let Some(found) = found {
                let from = [
                    from[0],
                    from[1],
                    from[2],
                    Point {
                        x: s - 6.5,
                        y: s - 6.5,
                    },
                ];
                let to = [tl, tr, bl, found];
                if let Some(map) = Perspective::between(from, to) {
                    let share = fitness_share(bitmap, &map, &cells);
                    candidates.push((share, map, from, to));
                }
            }
        }
        candidates.push((flat_share, flat, from, parallelogram));
        for (share, map, from, mut to) in candidates {
            if share >= DECODE_AGREEMENT {
                if let Some(bytes) = decode_modules(&read_modules(bitmap, &map, side), side) {
                    return Some(bytes);
                }
            }
            // Paper bends and lenses distort: nudge the four corners until the patterns
            // every code has (finders, separators, timing) are where the map expects them.
            if !refine_corners || side != estimated || share < REFINE_AGREEMENT {
                continue;
            }
            if let Some(map) = refine(bitmap, from, &mut to, &cells, module) {
                if fitness_share(bitmap, &map, &cells) >= DECODE_AGREEMENT {
                    if let Some(bytes) = decode_modules(&read_modules(bitmap, &map, side), side) {
                        return Some(bytes);
                    }
                }
            }
        }
    }
    None
}

/// The share of the fixed modules `cells` that `perspective` finds of the right colour,
/// one sample at each module's centre.
fn fitness_share(
    bitmap: &Bitmap,
    perspective: &Perspective,
    cells: &[(usize, usize, bool)],
) -> f64 {
    let right = cells
        .iter()
        .filter(|&&(x, y, dark)| {
            perspective
                .map(x as f64 + 0.5, y as f64 + 0.5)
                .is_some_and(|p| bitmap.dark(p.x.floor() as i64, p.y.floor() as i64) == dark)
        })
        .count();
    right as f64 / cells.len().max(1) as f64
}
