//! The gentle help-time marker of step 4: the animator may start it for 30 to 45 minutes;
//! it never rings and never ends anything. It only says how long the help has lasted, and
//! kindly, once the planned time has passed, that the animator ends when the group is
//! ready. Pure arithmetic on milliseconds, so the screen and the tests agree.

/// The durations the animator may choose, in minutes (the field's 30–45).
pub const CHOICES: [u16; 3] = [30, 40, 45];

/// A started marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HelpTimer {
    /// When it was started (Unix milliseconds).
    pub started_ms: u64,
    /// The planned minutes.
    pub planned: u16,
}

/// Where the help time stands at a given moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HelpTime {
    /// Whole minutes since the start.
    pub elapsed: u16,
    /// The planned minutes.
    pub planned: u16,
    /// The planned time has passed (nothing rings: the screen says it gently).
    pub over: bool,
}

impl HelpTimer {
    /// Starts `planned` minutes (clamped to 30–45) at `now_ms`.
    pub fn start(now_ms: u64, planned: u16) -> Self {
        HelpTimer {
            started_ms: now_ms,
            planned: planned.clamp(CHOICES[0], CHOICES[CHOICES.len() - 1]),
        }
    }

    /// The help time at `now_ms` (a clock set back reads as no time passed).
    pub fn at(&self, now_ms: u64) -> HelpTime {
        let minutes = now_ms.saturating_sub(self.started_ms) / 60_000;
        let elapsed = u16::try_from(minutes).unwrap_or(u16::MAX);
        HelpTime {
            elapsed,
            planned: self.planned,
            over: elapsed >= self.planned,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_counts_whole_minutes_and_says_when_the_time_has_passed() {
        let t = HelpTimer::start(1_000, 40);
        assert_eq!(t.at(1_000).elapsed, 0);
        assert_eq!(t.at(1_000 + 59_999).elapsed, 0);
        assert_eq!(t.at(1_000 + 12 * 60_000).elapsed, 12);
        assert!(!t.at(1_000 + 39 * 60_000 + 59_999).over);
        assert!(t.at(1_000 + 40 * 60_000).over);
        // A clock set back is no time passed, not a wrap-around.
        assert_eq!(t.at(0).elapsed, 0);
    }

    #[test]
    fn the_planned_time_stays_within_the_fields_range() {
        assert_eq!(HelpTimer::start(0, 5).planned, 30);
        assert_eq!(HelpTimer::start(0, 90).planned, 45);
        assert_eq!(HelpTimer::start(0, 40).planned, 40);
    }
}
