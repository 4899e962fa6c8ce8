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
/// three.
pub(super) fn read_code(bitmap: &Bitmap, corners: &Corners) -> Option<Vec<u8>> {
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
        let finders = [
            Point { x: 3.5, y: 3.5 },
            Point { x: s - 3.5, y: 3.5 },
            Point { x: 3.5, y: s - 3.5 },
        ];
        let mut fourths = Vec::with_capacity(2);
        if side > 21 {
            // The bottom-right alignment pattern's centre is 3 modules in from the
            // bottom-right finder's would-be centre.
            let k = (s - 10.0) / (s - 7.0);
            let estimate = Point {
                x: tl.x + (tr.x - tl.x + bl.x - tl.x) * k,
                y: tl.y + (tr.y - tl.y + bl.y - tl.y) * k,
            };
            for reach in [4.0, 10.0] {
                if let Some(found) = alignment(bitmap, estimate, module, module * reach) {
                    fourths.push((
                        Point {
                            x: s - 6.5,
                            y: s - 6.5,
                        },
                        found,
                    ));
                    break;
                }
            }
        }
        fourths.push((
            Point {
                x: s - 3.5,
                y: s - 3.5,
            },
            Point {
                x: tr.x + bl.x - tl.x,
                y: tr.y + bl.y - tl.y,
            },
        ));
        for (from, to) in fourths {
            let Some(perspective) =
                Perspective::between([finders[0], finders[1], finders[2], from], [tl, tr, bl, to])
            else {
                continue;
            };
            let modules = read_modules(bitmap, &perspective, side);
            if let Some(bytes) = decode_modules(&modules, side) {
                return Some(bytes);
            }
        }
    }
    None
}
