//! What the QR components need from core: frames to show, frames read back, QR matrices,
//! the decoder for camera frames, and the test payloads of "Essayer les codes animés".

use entraide_core::transfer::envelope::{self, EnvelopeError, Expect, Kind};
use entraide_core::transfer::{qr, GroupId, Seen};
use rand_core::{OsRng, RngCore};
use sha2::{Digest, Sha256};

pub use entraide_core::transfer::frames::{
    Density, FramesError, Incoming, Outgoing, Reception, SINGLE_CODE_MAX,
};
pub use entraide_core::transfer::qr::{Correction, QrMatrix};

use crate::platform::camera::GrayFrame;
use crate::services::identity::{self, IdentityServiceError};

/// Sizes offered for a test transfer, in bytes.
pub const SAMPLE_SIZES: [usize; 3] = [2 * 1024, 10 * 1024, 50 * 1024];

/// The QR matrix of one frame's text (medium error correction).
pub fn matrix(text: &str) -> Option<QrMatrix> {
    qr::encode(text, Correction::Medium).ok()
}

/// The texts of the QR codes in a grey frame.
pub fn decode(frame: &GrayFrame) -> Vec<String> {
    qr::decode_gray(frame.width as usize, frame.height as usize, &frame.pixels).unwrap_or_default()
}

/// A test payload and what identifies it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sample {
    /// The signed envelope to show.
    pub envelope: Vec<u8>,
    /// Its random body's size.
    pub size: usize,
    /// SHA-256 of the body, hex.
    pub digest: String,
}

fn hex_digest(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A signed test payload of `size` random bytes (random bytes do not compress: the worst
/// case for the transfer).
pub async fn sample(size: usize) -> Result<Sample, IdentityServiceError> {
    let signer = identity::signer().await?;
    let mut body = vec![0u8; size];
    OsRng.fill_bytes(&mut body);
    let envelope = envelope::seal(
        &signer.identity,
        Kind::Sample,
        GroupId([0; 16]),
        signer.seq,
        &[],
        &body,
    )
    .map_err(|_| IdentityServiceError::Damaged("sample".into()))?;
    Ok(Sample {
        envelope,
        size,
        digest: hex_digest(&body),
    })
}

/// Checks a received test payload (signature included) and identifies it.
pub fn open_sample(bytes: &[u8]) -> Result<Sample, EnvelopeError> {
    let expect = Expect {
        kinds: &[Kind::Sample],
        group: None,
        identity: None,
    };
    let opened = envelope::open(bytes, &expect, &Seen::new())?;
    Ok(Sample {
        envelope: bytes.to_vec(),
        size: opened.body.len(),
        digest: hex_digest(&opened.body),
    })
}
