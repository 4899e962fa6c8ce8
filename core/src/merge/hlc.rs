//! Hybrid logical clock: wall-clock milliseconds plus a counter, so that every change a
//! phone writes is stamped after everything it has seen, even when phones' clocks disagree.
//! Core has no clock: callers pass the time.

use serde::{Deserialize, Serialize};

/// How far ahead of this phone's clock a received stamp may pull it (a day): a phone with
/// a wrong date cannot push every later write into the future.
pub const MAX_DRIFT_MS: u64 = 86_400_000;

/// A hybrid logical clock reading.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub struct Hlc {
    /// Wall-clock milliseconds since 1970.
    pub ms: u64,
    /// Orders readings within one millisecond.
    pub n: u32,
}

impl Hlc {
    /// The next reading at wall time `now_ms`: later than `self` and than `now_ms`.
    pub fn tick(&mut self, now_ms: u64) -> Hlc {
        if now_ms > self.ms {
            self.ms = now_ms;
            self.n = 0;
        } else {
            self.n = self.n.saturating_add(1);
        }
        *self
    }

    /// Takes in a reading seen in a received change, unless it is more than
    /// [`MAX_DRIFT_MS`] ahead of `now_ms`.
    pub fn observe(&mut self, seen: Hlc, now_ms: u64) {
        if seen > *self && seen.ms <= now_ms.saturating_add(MAX_DRIFT_MS) {
            *self = seen;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_strictly_increasing() {
        let mut clock = Hlc::default();
        let a = clock.tick(1000);
        let b = clock.tick(1000);
        let c = clock.tick(999); // the phone's clock went back
        let d = clock.tick(2000);
        assert!(a < b && b < c && c < d);
        clock.observe(Hlc { ms: 5000, n: 3 }, 2000);
        assert!(clock.tick(2001) > Hlc { ms: 5000, n: 3 });
        let before = clock;
        clock.observe(Hlc { ms: u64::MAX, n: 0 }, 2000);
        assert_eq!(clock, before);
    }
}
