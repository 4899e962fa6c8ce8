//! The scrypt work factor (`log_n`, scrypt `N = 2^log_n`, `r = 8`, `p = 1` as age fixes
//! them): the default, the bounds, a calibration helper, and a reader that finds the work
//! factor in an age header so a hostile file is refused *before* any scrypt work.
//!
//! Memory used by scrypt is `128 * r * N` bytes: 16 → 64 MiB, 17 → 128 MiB, 18 → 256 MiB,
//! 20 → 1 GiB. Time doubles with each step. See `examples/vault_bench.rs` for figures.

use super::error::VaultError;

/// Work factor the app wraps keys with.
///
/// Measured in headless Chromium on the team's machine (`make bench-vault`, median of 5):
/// 16 → 0.39 s, 17 → 0.78 s. 17 is the one inside the brief's 0.5–1.5 s unlock budget
/// (128 MiB of memory). Native release is about twice as fast (`examples/vault_bench.rs`).
/// A cheap phone will be slower; [`calibrate`] exists for an on-device calibration.
pub const DEFAULT_WORK_FACTOR: u8 = 17;

/// Largest work factor accepted anywhere (create, unlock, import). 18 is 256 MiB of
/// memory and ~4× the default time: above it a phone may run out of memory or hang.
pub const MAX_WORK_FACTOR: u8 = 18;

/// Smallest work factor accepted when creating a key. Low values exist only so tests run
/// fast; the app uses [`DEFAULT_WORK_FACTOR`] or [`calibrate`], never below
/// [`CALIBRATION_FLOOR`].
pub const MIN_WORK_FACTOR: u8 = 10;

/// [`calibrate`] never proposes less than this, however slow the device.
pub const CALIBRATION_FLOOR: u8 = 15;

/// Work factor [`calibrate`] measures first (cheap everywhere: 16 MiB).
pub const CALIBRATION_PROBE: u8 = 12;

/// Refuses a work factor outside `MIN_WORK_FACTOR..=MAX_WORK_FACTOR` for a new key.
pub fn check_for_create(log_n: u8) -> Result<(), VaultError> {
    if log_n > MAX_WORK_FACTOR {
        return Err(VaultError::WorkFactorTooHigh {
            found: u32::from(log_n),
            max: MAX_WORK_FACTOR,
        });
    }
    if log_n < MIN_WORK_FACTOR {
        return Err(VaultError::WorkFactorTooLow {
            found: log_n,
            min: MIN_WORK_FACTOR,
        });
    }
    Ok(())
}

/// Refuses a work factor read from stored data if it is above the bound.
pub fn check_for_open(log_n: u32) -> Result<(), VaultError> {
    if log_n > u32::from(MAX_WORK_FACTOR) {
        return Err(VaultError::WorkFactorTooHigh {
            found: log_n,
            max: MAX_WORK_FACTOR,
        });
    }
    Ok(())
}

/// Proposes a work factor so that one unlock takes at most about `target_ms`.
///
/// `measure(log_n)` runs one scrypt at `log_n` and returns the milliseconds it took (in
/// the browser: `performance.now()` around a call; core has no clock). Time scales
/// linearly with `N`, so one cheap probe at [`CALIBRATION_PROBE`] is extrapolated; if the
/// probe is too fast to measure (0 ms), the next factors are tried. The answer is the
/// largest factor whose estimate is `<= target_ms`, kept within
/// `CALIBRATION_FLOOR..=MAX_WORK_FACTOR`; [`DEFAULT_WORK_FACTOR`] if nothing measurable.
pub fn calibrate(target_ms: f64, measure: impl Fn(u8) -> f64) -> u8 {
    let mut probe = CALIBRATION_PROBE;
    let mut ms = measure(probe);
    while !(ms.is_finite() && ms > 0.0) {
        if probe >= CALIBRATION_FLOOR {
            return DEFAULT_WORK_FACTOR;
        }
        probe += 1;
        ms = measure(probe);
    }
    let mut best = CALIBRATION_FLOOR;
    for log_n in CALIBRATION_FLOOR..=MAX_WORK_FACTOR {
        let estimate = ms * 2f64.powi(i32::from(log_n) - i32::from(probe));
        if estimate <= target_ms {
            best = log_n;
        }
    }
    best
}

/// Reads the scrypt work factors of the recipient stanzas in a *binary* age header,
/// without any cryptography. Returns `None` if `age_file` does not start with an age v1
/// header; `Some(vec![])` if there is no scrypt stanza. A work factor too large for
/// `u32` is reported as `u32::MAX`.
pub fn age_scrypt_work_factors(age_file: &[u8]) -> Option<Vec<u32>> {
    const HEADER_LIMIT: usize = 64 * 1024;
    let head = &age_file[..age_file.len().min(HEADER_LIMIT)];
    let mut lines = head.split(|b| *b == b'\n');
    if lines.next()? != b"age-encryption.org/v1" {
        return None;
    }
    let mut found = Vec::new();
    for line in lines {
        if line.starts_with(b"---") {
            break;
        }
        if let Some(rest) = line.strip_prefix(b"-> scrypt ") {
            let log_n = rest.split(|b| *b == b' ').nth(1).unwrap_or(b"");
            let parsed = if !log_n.is_empty() && log_n.iter().all(u8::is_ascii_digit) {
                std::str::from_utf8(log_n)
                    .ok()
                    .and_then(|s| s.parse::<u32>().ok())
                    .unwrap_or(u32::MAX)
            } else {
                // Not a number: age itself will call the header invalid.
                0
            };
            found.push(parsed);
        }
    }
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn create_bounds() {
        assert!(check_for_create(DEFAULT_WORK_FACTOR).is_ok());
        assert_eq!(
            check_for_create(MAX_WORK_FACTOR + 1).map_err(|e| e.code()),
            Err("work_factor_too_high")
        );
        assert_eq!(
            check_for_create(MIN_WORK_FACTOR - 1).map_err(|e| e.code()),
            Err("work_factor_too_low")
        );
    }

    #[test]
    fn calibrate_picks_largest_under_target() {
        // 10 ms at 2^12 → 2^16 = 160 ms, 2^18 = 640 ms.
        assert_eq!(
            calibrate(1000.0, |n| 10.0 * f64::from(1u32 << (n - 12))),
            18
        );
        // 40 ms at 2^12 → 2^15 = 320, 2^16 = 640, 2^17 = 1280.
        assert_eq!(
            calibrate(1000.0, |n| 40.0 * f64::from(1u32 << (n - 12))),
            16
        );
        // Very slow device: never below the floor.
        assert_eq!(calibrate(1000.0, |_| 5000.0), CALIBRATION_FLOOR);
        // Unmeasurable: default.
        assert_eq!(calibrate(1000.0, |_| 0.0), DEFAULT_WORK_FACTOR);
        assert_eq!(calibrate(1000.0, |_| f64::NAN), DEFAULT_WORK_FACTOR);
        // Zero at the probe, measurable one step up.
        assert_eq!(
            calibrate(1000.0, |n| if n == 12 { 0.0 } else { 80.0 }),
            16 // 80 ms at 2^13 → 2^16 = 640 ms
        );
    }

    #[test]
    fn reads_work_factor_from_age_header() {
        let h =
            b"age-encryption.org/v1\n-> scrypt c2FsdHNhbHRzYWx0c2FsdA 22\nAAAA\n--- mac\n\x00\x01";
        assert_eq!(age_scrypt_work_factors(h), Some(vec![22]));
        let h = b"age-encryption.org/v1\n-> X25519 abc\nAAAA\n--- mac\n";
        assert_eq!(age_scrypt_work_factors(h), Some(vec![]));
        assert_eq!(age_scrypt_work_factors(b"hello"), None);
        let h = b"age-encryption.org/v1\n-> scrypt s 99999999999999\n";
        assert_eq!(age_scrypt_work_factors(h), Some(vec![u32::MAX]));
    }

    proptest! {
        #[test]
        fn calibrate_stays_in_bounds(probe_ms in 0.0f64..100_000.0, target in 0.0f64..100_000.0) {
            let n = calibrate(target, |n| probe_ms * f64::from(1u32 << (n - 12)));
            prop_assert!((CALIBRATION_FLOOR..=MAX_WORK_FACTOR).contains(&n));
        }

        #[test]
        fn calibrate_is_monotonic_in_target(probe_ms in 0.01f64..1000.0, t1 in 1.0f64..10_000.0, t2 in 1.0f64..10_000.0) {
            let (lo, hi) = if t1 <= t2 { (t1, t2) } else { (t2, t1) };
            let m = |n: u8| probe_ms * f64::from(1u32 << (n - 12));
            prop_assert!(calibrate(lo, m) <= calibrate(hi, m));
        }

        #[test]
        fn header_reader_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let mut file = b"age-encryption.org/v1\n-> scrypt ".to_vec();
            file.extend_from_slice(&bytes);
            let _ = age_scrypt_work_factors(&file);
            let _ = age_scrypt_work_factors(&bytes);
        }
    }
}
