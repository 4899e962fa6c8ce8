//! Deflate for transfer bodies: used only when it makes the body shorter, and inflated with
//! a hard output limit so a small hostile payload cannot expand into a huge one.

use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};
use thiserror::Error;

/// Why a body could not be inflated.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CompressError {
    /// It inflates to more than the limit.
    #[error("the content inflates to more than {max} bytes")]
    TooLarge {
        /// The limit.
        max: usize,
    },
    /// Not valid deflate data.
    #[error("the compressed content is damaged")]
    Damaged,
}

/// The raw-deflate form of `bytes` if it is shorter, `None` otherwise.
pub fn deflate(bytes: &[u8]) -> Option<Vec<u8>> {
    let packed = miniz_oxide::deflate::compress_to_vec(bytes, 9);
    (packed.len() < bytes.len()).then_some(packed)
}

/// Inflates raw-deflate `bytes`, refusing output over `max` bytes.
pub fn inflate(bytes: &[u8], max: usize) -> Result<Vec<u8>, CompressError> {
    decompress_to_vec_with_limit(bytes, max).map_err(|e| match e.status {
        TINFLStatus::HasMoreOutput => CompressError::TooLarge { max },
        _ => CompressError::Damaged,
    })
}
