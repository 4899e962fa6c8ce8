//! From an envelope to the texts of the QR codes shown, and back: one code when the payload
//! fits, otherwise an endless loop of fountain-coded frames (the systematic fragments first,
//! then mixtures), so a receiver that missed some frames only has to keep looking.

use thiserror::Error;

use super::fountain::{fragment_len_for, Decoder, Encoder, FountainError, Part};
use super::text::{part_from_text, part_to_text, TextError};

/// Payloads up to this many bytes travel in a single code whatever the density (a pairing
/// card always does).
pub const SINGLE_CODE_MAX: usize = 600;

/// After this many frames in a row from another payload, the receiver switches to it.
pub const SWITCH_AFTER: usize = 6;

/// How much data each animated frame carries. Lower densities make sparser codes that a
/// poor camera reads more easily, at the cost of more frames.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Density {
    /// About 150 bytes per frame.
    Low,
    /// About 300 bytes per frame.
    Medium,
    /// About 450 bytes per frame.
    High,
}

impl Density {
    /// Largest fragment per frame, in bytes.
    pub fn max_fragment_len(self) -> usize {
        match self {
            Density::Low => 150,
            Density::Medium => 300,
            Density::High => 450,
        }
    }
}

/// Why frames could not be made or read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FramesError {
    /// The fountain code refused the payload or a part.
    #[error(transparent)]
    Fountain(#[from] FountainError),
    /// The scanned text is not one of our frames.
    #[error(transparent)]
    Text(#[from] TextError),
    /// A frame of another payload than the one being received.
    #[error("a code from another transfer")]
    OtherPayload,
}

/// A payload being shown.
#[derive(Debug, Clone)]
pub struct Outgoing {
    encoder: Encoder,
}

impl Outgoing {
    /// Prepares `payload` for display at `density`.
    pub fn new(payload: &[u8], density: Density) -> Result<Self, FramesError> {
        let fragment_len = if payload.len() <= SINGLE_CODE_MAX {
            payload.len().max(1)
        } else {
            fragment_len_for(payload.len(), density.max_fragment_len())
        };
        Ok(Self {
            encoder: Encoder::new(payload, fragment_len)?,
        })
    }

    /// Whether the whole payload is in one code.
    pub fn is_single(&self) -> bool {
        self.encoder.fragment_count() == 1
    }

    /// The fewest frames that can rebuild the payload.
    pub fn fragment_count(&self) -> usize {
        self.encoder.fragment_count()
    }

    /// The text of frame `n` of the loop (a single code is the same for every `n`).
    pub fn frame(&self, n: u32) -> String {
        let seq = if self.is_single() { 0 } else { n };
        part_to_text(&self.encoder.part(seq))
    }
}

/// What one scanned frame changed.
#[derive(Debug, Clone, PartialEq)]
pub enum Reception {
    /// Not complete yet; `progress` is 0.0 to 1.0.
    Progress {
        /// Share of the payload already rebuilt.
        progress: f64,
    },
    /// The whole payload.
    Complete(Vec<u8>),
}

/// A payload being received from scanned texts.
#[derive(Debug, Default)]
pub struct Incoming {
    decoder: Decoder,
    foreign_in_a_row: usize,
    frames_read: usize,
}

impl Incoming {
    /// Waiting for a first frame.
    pub fn new() -> Self {
        Self::default()
    }

    /// Takes one scanned text. A frame of another payload is refused, unless it keeps coming
    /// ([`SWITCH_AFTER`] in a row): then the receiver starts over with the new payload.
    pub fn receive(&mut self, text: &str) -> Result<Reception, FramesError> {
        let part = part_from_text(text)?;
        self.frames_read += 1;
        match self.decoder.receive(&part) {
            Ok(_) => self.foreign_in_a_row = 0,
            Err(FountainError::OtherMessage) => {
                self.foreign_in_a_row += 1;
                if self.foreign_in_a_row < SWITCH_AFTER {
                    return Err(FramesError::OtherPayload);
                }
                self.restart_with(&part)?;
            }
            Err(other) => return Err(other.into()),
        }
        Ok(match self.decoder.message() {
            Some(message) => Reception::Complete(message.to_vec()),
            None => Reception::Progress {
                progress: self.decoder.progress(),
            },
        })
    }

    fn restart_with(&mut self, part: &Part) -> Result<(), FramesError> {
        self.decoder = Decoder::new();
        self.foreign_in_a_row = 0;
        self.decoder.receive(part)?;
        Ok(())
    }

    /// Share of the payload rebuilt so far (0.0 to 1.0).
    pub fn progress(&self) -> f64 {
        self.decoder.progress()
    }

    /// Frames of ours read so far (including duplicates).
    pub fn frames_read(&self) -> usize {
        self.frames_read
    }

    /// The fewest frames needed, once the first frame was read.
    pub fn fragment_count(&self) -> Option<usize> {
        self.decoder.fragment_count()
    }
}
