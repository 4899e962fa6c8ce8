//! CRC-32/IEEE (the zlib / PNG / Ethernet checksum): reflected, polynomial
//! 0xEDB88320, initial value and final xor 0xFFFFFFFF. Used for the
//! whole-message checksum and the per-frame checksum of fountain parts.

/// Reflected IEEE polynomial.
const POLY: u32 = 0xEDB8_8320;

/// Byte-at-a-time lookup table, computed at compile time.
const TABLE: [u32; 256] = make_table();

const fn make_table() -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut n: u32 = 0;
    while n < 256 {
        let mut c = n;
        let mut bit = 0;
        while bit < 8 {
            c = if c & 1 != 0 { (c >> 1) ^ POLY } else { c >> 1 };
            bit += 1;
        }
        // `n < 256` by the loop condition; const evaluation would reject
        // an out-of-range index at compile time anyway.
        #[allow(clippy::indexing_slicing)]
        {
            table[n as usize] = c;
        }
        n += 1;
    }
    table
}

/// CRC-32/IEEE of `bytes`. `crc32(b"123456789") == 0xCBF4_3926`.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        let slot = usize::from((crc as u8) ^ b);
        // `slot` is a u8 value, always < 256: `get` never misses.
        let entry = TABLE.get(slot).copied().unwrap_or(0);
        crc = (crc >> 8) ^ entry;
    }
    crc ^ 0xFFFF_FFFF
}
