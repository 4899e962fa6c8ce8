//! The keys and checksums of the identifiers the guard refuses. A number is refused only
//! when its key is right, so a random number of the same length passes (about 96 times
//! in 97 for mod-97 keys, 9 times in 10 for Luhn).

/// Remainder modulo 97 of a string of ASCII digits, however long.
fn mod97_digits(digits: &str) -> Option<u32> {
    let mut r: u32 = 0;
    for c in digits.chars() {
        r = (r * 10 + c.to_digit(10)?) % 97;
    }
    Some(r)
}

/// French NIR (social security number): 15 characters, sex digit (1, 2, or 7, 8 for
/// temporary numbers), year, month (01–12, or 20–42 and 50–99 when unknown), department
/// (01–99, or 2A / 2B for Corsica), commune, order, then the key `97 − (n mod 97)` where
/// `n` is the 13-digit number with 2A read as 19 and 2B as 18.
pub fn nir_valid(value: &str) -> bool {
    let b = value.as_bytes();
    if b.len() != 15 || !value.is_ascii() {
        return false;
    }
    if !matches!(b[0], b'1' | b'2' | b'7' | b'8') {
        return false;
    }
    let dept = &value[5..7];
    let body = match dept {
        "2A" => format!("{}19{}", &value[..5], &value[7..13]),
        "2B" => format!("{}18{}", &value[..5], &value[7..13]),
        _ => value[..13].to_string(),
    };
    if !body.bytes().all(|c| c.is_ascii_digit()) || !value[13..].bytes().all(|c| c.is_ascii_digit())
    {
        return false;
    }
    let month: u32 = value[3..5].parse().unwrap_or(0);
    if !(matches!(month, 1..=12 | 20..=42 | 50..=99)) {
        return false;
    }
    if dept == "00" {
        return false;
    }
    let key: u32 = value[13..].parse().unwrap_or(0);
    match mod97_digits(&body) {
        Some(r) => key == 97 - r,
        None => false,
    }
}

/// Belgian national register number: 11 digits, birth date YYMMDD (month may carry +20 or
/// +40 for "bis" numbers, day or month 00 when unknown), a 3-digit order, and the check
/// `97 − (first 9 digits mod 97)`, or for births from 2000 `97 − ((2 followed by the first 9
/// digits) mod 97)`.
pub fn belgian_number_valid(value: &str) -> bool {
    if value.len() != 11 || !value.bytes().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let month: u32 = value[2..4].parse().unwrap_or(99);
    let day: u32 = value[4..6].parse().unwrap_or(99);
    if !matches!(month, 0..=12 | 20..=32 | 40..=52) || day > 31 {
        return false;
    }
    let check: u32 = value[9..].parse().unwrap_or(0);
    let before = mod97_digits(&value[..9]);
    let after = mod97_digits(&format!("2{}", &value[..9]));
    before.is_some_and(|r| check == 97 - r) || after.is_some_and(|r| check == 97 - r)
}

/// Luhn check of a string of ASCII digits.
pub fn luhn_valid(digits: &str) -> bool {
    let mut sum = 0u32;
    for (i, c) in digits.bytes().rev().enumerate() {
        if !c.is_ascii_digit() {
            return false;
        }
        let mut d = u32::from(c - b'0');
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    !digits.is_empty() && sum.is_multiple_of(10)
}

/// IBAN length of each country that has one (ISO 13616 registry).
pub fn iban_length(country: &str) -> Option<usize> {
    let len = match country {
        "NO" => 15,
        "BE" => 16,
        "DK" | "FI" | "FO" | "GL" | "NL" => 18,
        "MK" | "SI" => 19,
        "AT" | "BA" | "EE" | "KZ" | "LT" | "LU" | "XK" => 20,
        "CH" | "CR" | "HR" | "LI" | "LV" => 21,
        "BG" | "BH" | "DE" | "GB" | "GE" | "IE" | "ME" | "RS" | "VA" => 22,
        "AE" | "GI" | "IL" | "IQ" | "TL" => 23,
        "AD" | "CZ" | "ES" | "MD" | "PK" | "RO" | "SA" | "SE" | "SK" | "TN" | "VG" => 24,
        "PT" | "ST" => 25,
        "IS" | "TR" => 26,
        "FR" | "GR" | "IT" | "MC" | "MR" | "SM" => 27,
        "AL" | "AZ" | "BY" | "CY" | "DO" | "GT" | "HU" | "LB" | "PL" | "SV" => 28,
        "BR" | "EG" | "PS" | "QA" | "UA" => 29,
        "JO" | "KW" | "MU" => 30,
        "MT" | "SC" => 31,
        "LC" => 32,
        "RU" => 33,
        _ => return None,
    };
    Some(len)
}

/// Remainder modulo 97 of an alphanumeric string read with A = 10 … Z = 35.
fn mod97_alnum(chars: impl Iterator<Item = char>) -> Option<u32> {
    let mut r: u32 = 0;
    for c in chars {
        if let Some(d) = c.to_digit(10) {
            r = (r * 10 + d) % 97;
        } else if c.is_ascii_uppercase() {
            let v = c as u32 - 'A' as u32 + 10;
            r = (r * 100 + v) % 97;
        } else {
            return None;
        }
    }
    Some(r)
}

/// IBAN: two letters of a country that has IBANs, two check digits, the national account
/// number, the length of that country, and `mod 97 = 1` once the first four characters
/// are moved to the end. `value` is uppercase without spaces.
pub fn iban_valid(value: &str) -> bool {
    if !value.is_ascii() || value.len() < 15 {
        return false;
    }
    let b = value.as_bytes();
    if !b[0].is_ascii_uppercase() || !b[1].is_ascii_uppercase() {
        return false;
    }
    if !b[2].is_ascii_digit() || !b[3].is_ascii_digit() {
        return false;
    }
    if iban_length(&value[..2]) != Some(value.len()) {
        return false;
    }
    let rotated = value[4..].chars().chain(value[..4].chars());
    mod97_alnum(rotated) == Some(1)
}

/// French RIB: bank (5 digits), branch (5), account (11, letters allowed), key (2) with
/// `97 − ((89 × bank + 15 × branch + 3 × account) mod 97)`, letters of the account read
/// as digits (A, J → 1; B, K, S → 2; …).
pub fn rib_valid(value: &str) -> bool {
    if value.len() != 23 || !value.is_ascii() {
        return false;
    }
    let digit = |c: char| -> Option<u64> {
        if let Some(d) = c.to_digit(10) {
            return Some(u64::from(d));
        }
        match c {
            'A' | 'J' => Some(1),
            'B' | 'K' | 'S' => Some(2),
            'C' | 'L' | 'T' => Some(3),
            'D' | 'M' | 'U' => Some(4),
            'E' | 'N' | 'V' => Some(5),
            'F' | 'O' | 'W' => Some(6),
            'G' | 'P' | 'X' => Some(7),
            'H' | 'Q' | 'Y' => Some(8),
            'I' | 'R' | 'Z' => Some(9),
            _ => None,
        }
    };
    let num = |s: &str, letters: bool| -> Option<u64> {
        let mut n = 0u64;
        for c in s.chars() {
            if !letters && !c.is_ascii_digit() {
                return None;
            }
            n = n * 10 + digit(c)?;
        }
        Some(n)
    };
    let (Some(bank), Some(branch), Some(account), Some(key)) = (
        num(&value[..5], false),
        num(&value[5..10], false),
        num(&value[10..21], true),
        num(&value[21..], false),
    ) else {
        return false;
    };
    // A RIB has at least one digit in its account and is not all zeros.
    if bank == 0 || account == 0 {
        return false;
    }
    let total = (89 * bank + 15 * branch + 3 * (account % 97)) % 97;
    key == 97 - total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_vectors() {
        // Checksums computed by hand from the published rules.
        assert!(luhn_valid("79927398713"));
        assert!(!luhn_valid("79927398710"));
        assert!(iban_valid("FR1420041010050500013M02606"));
        assert!(iban_valid("BE68539007547034"));
        assert!(iban_valid("GB82WEST12345698765432"));
        assert!(!iban_valid("GB82WEST12345698765433"));
    }
}
