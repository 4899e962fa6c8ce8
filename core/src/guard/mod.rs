//! The guard: every free-text field (tips, notes, difficulties, group and place names,
//! nicknames, the animator's report) goes through [`check`] before it is stored or sent.
//! Volunteers never keep anyone's secrets or identifiers, so the guard refuses text that
//! looks like a password or a one-time code, an e-mail address, a phone number, a French
//! social security number (NIR), a Belgian national register number, an IBAN or RIB, a
//! payment card number, a CAF or France Travail identifier, or a person's postal address.
//!
//! It works from each format's own rules, not from lists of examples: keys and checksums
//! (NIR and Belgian keys, IBAN and RIB mod 97, Luhn for cards), lengths and groupings
//! (phone numbers), and context words (a CAF number is seven digits after "CAF" or
//! "allocataire"; a password is a value after "mot de passe"). Ordinary French passes:
//! site names, dates, times, prices, counts, versions, and tips *about* passwords.
//!
//! - [`text`]: Unicode spaces, dashes and apostrophes made plain; folded words;
//! - [`checksums`]: the keys and checksums of each format;
//! - [`numbers`]: grouped numbers (phones, NIR, Belgian numbers, IBAN, RIB, cards, CAF,
//!   France Travail);
//! - [`email`], [`secrets`] (passwords, one-time codes), [`address`];
//! - [`refusal`]: what was found and the kind sentence that says why it is not kept.

pub mod address;
pub mod checksums;
pub mod email;
pub mod numbers;
pub mod refusal;
pub mod secrets;
pub mod text;

pub use refusal::{Finding, FindingKind, Refusal};

/// Which field a text is typed in: a relay's public contact fields may keep what a
/// person's text may not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldKind {
    /// A tip shared with the group.
    Tip,
    /// A note of help given or received.
    Note,
    /// A difficulty met with a service.
    Difficulty,
    /// The name of a group.
    GroupName,
    /// The name of a place where sessions happen.
    PlaceName,
    /// A person's nickname.
    Nickname,
    /// The animator's report text.
    Report,
    /// The group's charter, written by the animator.
    Charter,
    /// A relay's name, hours or description (public place, but no contact data).
    RelayText,
    /// A relay's street address: a public place's address is allowed here, and only here.
    RelayAddress,
    /// A relay's public phone number or e-mail: allowed here, and only here.
    RelayContact,
}

impl FieldKind {
    /// Whether a finding of `kind` is allowed in this field.
    pub fn allows(self, kind: FindingKind) -> bool {
        match self {
            FieldKind::RelayAddress => kind == FindingKind::PostalAddress,
            FieldKind::RelayContact => matches!(kind, FindingKind::Phone | FindingKind::Email),
            _ => false,
        }
    }
}

/// Everything in `text` that looks sensitive, in order, without overlaps (the widest
/// finding wins; on equal spans, the more specific kind).
pub fn findings(text: &str) -> Vec<Finding> {
    let prepared = text::Prepared::new(text);
    let mut found = Vec::new();
    numbers::scan(&prepared, &mut found);
    email::scan(&prepared, &mut found);
    secrets::scan(&prepared, &mut found);
    address::scan(&prepared, &mut found);
    refusal::settle(found)
}

/// Checks `text` typed in `field`: `Ok` when nothing in it looks sensitive, otherwise the
/// [`Refusal`] that says what looked sensitive (never the value itself) and why.
pub fn check(text: &str, field: FieldKind) -> Result<(), Refusal> {
    let found: Vec<Finding> = findings(text)
        .into_iter()
        .filter(|f| !field.allows(f.kind))
        .collect();
    if found.is_empty() {
        Ok(())
    } else {
        Err(Refusal::new(found))
    }
}
