//! Passphrase (scrypt) encryption and decryption of whole age files, shared by the wrapped
//! key and the backup. The work factor is set explicitly on encryption and bounded on
//! decryption twice: by reading the age header before any work, and by age's own
//! `set_max_work_factor`.

use std::io::{Read, Write};
use std::iter;

use age::armor::{ArmoredReader, ArmoredWriter, Format};
use age::secrecy::SecretString;
use age::DecryptError;
use zeroize::Zeroizing;

use super::work_factor::{age_scrypt_work_factors, MAX_WORK_FACTOR};

/// How decrypting an age file failed; each caller maps it to its own [`super::VaultError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AgeFailure {
    /// Does not start like an age v1 file (binary or armored).
    NotAge,
    /// An age file, but not encrypted to a passphrase.
    NotPassphrase,
    /// Work factor above [`MAX_WORK_FACTOR`]; no scrypt was run.
    TooMuchWork(u32),
    /// The passphrase does not open the file key.
    WrongPassphrase,
    /// Header, armor or payload damaged.
    Damaged(&'static str),
    /// Encryption machinery failed (should not happen).
    Internal(&'static str),
}

const ARMOR_BEGIN: &[u8] = b"-----BEGIN AGE ENCRYPTED FILE-----";
const BINARY_BEGIN: &[u8] = b"age-encryption.org/";

/// Encrypts `plaintext` to `passphrase` with scrypt at `log_n` (already checked by caller).
/// `armor` gives the ASCII-armored (PEM-like) form that survives copy and paste.
pub(crate) fn encrypt(
    passphrase: &str,
    log_n: u8,
    plaintext: &[u8],
    armor: bool,
) -> Result<Vec<u8>, AgeFailure> {
    let mut recipient = age::scrypt::Recipient::new(SecretString::from(passphrase.to_owned()));
    recipient.set_work_factor(log_n);
    let encryptor = age::Encryptor::with_recipients(iter::once(&recipient as &dyn age::Recipient))
        .map_err(|_| AgeFailure::Internal("age encryptor"))?;
    let format = if armor {
        Format::AsciiArmor
    } else {
        Format::Binary
    };
    let io_err = |_| AgeFailure::Internal("age write");
    let armored = ArmoredWriter::wrap_output(Vec::new(), format).map_err(io_err)?;
    let mut writer = encryptor.wrap_output(armored).map_err(io_err)?;
    writer.write_all(plaintext).map_err(io_err)?;
    writer.finish().and_then(|a| a.finish()).map_err(io_err)
}

/// Turns armored input into the binary age file; binary input is returned as is.
/// Tolerates what copy and paste does to text: surrounding whitespace and CRLF line ends.
pub(crate) fn dearmor(input: &[u8]) -> Result<Vec<u8>, AgeFailure> {
    let start = input
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(input.len());
    let trimmed = &input[start..];
    if trimmed.starts_with(BINARY_BEGIN) {
        return Ok(trimmed.to_vec());
    }
    if !trimmed.starts_with(ARMOR_BEGIN) {
        return Err(AgeFailure::NotAge);
    }
    let text: Vec<u8> = trimmed.iter().copied().filter(|b| *b != b'\r').collect();
    let mut binary = Vec::new();
    ArmoredReader::new(&text[..])
        .read_to_end(&mut binary)
        .map_err(|_| AgeFailure::Damaged("age armor"))?;
    Ok(binary)
}

/// Decrypts a binary age file encrypted to `passphrase`. Refuses work factors above
/// [`MAX_WORK_FACTOR`] before running scrypt.
pub(crate) fn decrypt(passphrase: &str, age_file: &[u8]) -> Result<Zeroizing<Vec<u8>>, AgeFailure> {
    let factors = age_scrypt_work_factors(age_file).ok_or(AgeFailure::NotAge)?;
    if factors.is_empty() {
        return Err(AgeFailure::NotPassphrase);
    }
    if let Some(too_high) = factors
        .iter()
        .copied()
        .find(|f| *f > u32::from(MAX_WORK_FACTOR))
    {
        return Err(AgeFailure::TooMuchWork(too_high));
    }
    let decryptor = age::Decryptor::new_buffered(age_file).map_err(map_decrypt_error)?;
    if !decryptor.is_scrypt() {
        // A scrypt stanza mixed with others: not something we or rage write.
        return Err(AgeFailure::Damaged("age header"));
    }
    let mut identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_owned()));
    identity.set_max_work_factor(MAX_WORK_FACTOR);
    let mut reader = decryptor
        .decrypt(iter::once(&identity as &dyn age::Identity))
        .map_err(map_decrypt_error)?;
    let mut plaintext = Zeroizing::new(Vec::new());
    reader
        .read_to_end(&mut plaintext)
        .map_err(|_| AgeFailure::Damaged("age payload"))?;
    Ok(plaintext)
}

fn map_decrypt_error(e: DecryptError) -> AgeFailure {
    match e {
        DecryptError::DecryptionFailed | DecryptError::KeyDecryptionFailed => {
            AgeFailure::WrongPassphrase
        }
        DecryptError::ExcessiveWork { required, .. } => {
            AgeFailure::TooMuchWork(u32::from(required))
        }
        DecryptError::NoMatchingKeys => AgeFailure::NotPassphrase,
        DecryptError::InvalidMac => AgeFailure::Damaged("age header mac"),
        DecryptError::UnknownFormat => AgeFailure::Damaged("unknown age version"),
        _ => AgeFailure::Damaged("age header"),
    }
}
