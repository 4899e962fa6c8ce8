//! Store keys: the opaque names under which the app files blobs in IndexedDB. A store key
//! is HMAC-SHA256, keyed with the vault's store-key sub-key, over the namespace and the
//! logical key, written as 64 lowercase hex characters. It reveals neither (as in
//! matrix-rust-sdk's store cipher `hash_key`), is the same every time for one vault, and
//! differs between vaults.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::keys::KEY_LEN;

pub(crate) fn store_key(key: &[u8; KEY_LEN], namespace: &str, logical_key: &str) -> String {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key) else {
        // HMAC accepts keys of any length; this branch cannot be taken.
        return String::new();
    };
    // Length-prefixed so ("ab", "c") and ("a", "bc") differ.
    mac.update(&(namespace.len() as u64).to_be_bytes());
    mac.update(namespace.as_bytes());
    mac.update(logical_key.as_bytes());
    let digest = mac.finalize().into_bytes();
    let mut hex = String::with_capacity(digest.len() * 2);
    for byte in digest {
        hex.push(char::from(HEX[usize::from(byte >> 4)]));
        hex.push(char::from(HEX[usize::from(byte & 0x0f)]));
    }
    hex
}

const HEX: &[u8; 16] = b"0123456789abcdef";

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn separates_namespace_from_key() {
        let k = [1u8; KEY_LEN];
        assert_ne!(store_key(&k, "ab", "c"), store_key(&k, "a", "bc"));
        assert_eq!(store_key(&k, "a", "b"), store_key(&k, "a", "b"));
        assert_eq!(store_key(&k, "a", "b").len(), 64);
    }

    #[test]
    fn matches_hmac_sha256_reference() {
        let k = [9u8; KEY_LEN];
        let mut mac = Hmac::<Sha256>::new_from_slice(&k).unwrap();
        mac.update(&[0, 0, 0, 0, 0, 0, 0, 2]);
        mac.update(b"nsid");
        let expected: String = mac
            .finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(store_key(&k, "ns", "id"), expected);
    }
}
