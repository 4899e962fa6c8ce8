//! What the guard found and how it says so: the kinds of sensitive data, where each was
//! found, and [`Refusal`], the guard's error, with a kind sentence in plain French (and
//! English) that says what looked sensitive and why the group never keeps it. The value
//! itself is never repeated.

use thiserror::Error;

/// A kind of sensitive data the guard refuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FindingKind {
    /// A password, a PIN, a login value.
    Password,
    /// A code received by SMS or e-mail to confirm a connection.
    OneTimeCode,
    /// An e-mail address.
    Email,
    /// A phone number (French, Belgian or international).
    Phone,
    /// A French social security number (NIR) with a valid key.
    Nir,
    /// A Belgian national register number with a valid check.
    BelgianNationalNumber,
    /// A bank account number (IBAN, or French RIB) with a valid key.
    Iban,
    /// A payment card number passing the Luhn check.
    PaymentCard,
    /// A CAF allocataire number.
    CafNumber,
    /// A France Travail (Pôle emploi) identifier.
    FranceTravailId,
    /// A person's postal address.
    PostalAddress,
}

impl FindingKind {
    /// Every kind, in a fixed order.
    pub const ALL: [FindingKind; 11] = [
        FindingKind::Password,
        FindingKind::OneTimeCode,
        FindingKind::Email,
        FindingKind::Phone,
        FindingKind::Nir,
        FindingKind::BelgianNationalNumber,
        FindingKind::Iban,
        FindingKind::PaymentCard,
        FindingKind::CafNumber,
        FindingKind::FranceTravailId,
        FindingKind::PostalAddress,
    ];

    /// Stable machine name (corpus files, logs).
    pub fn code(self) -> &'static str {
        match self {
            FindingKind::Password => "password",
            FindingKind::OneTimeCode => "one_time_code",
            FindingKind::Email => "email",
            FindingKind::Phone => "phone",
            FindingKind::Nir => "nir",
            FindingKind::BelgianNationalNumber => "belgian_national_number",
            FindingKind::Iban => "iban",
            FindingKind::PaymentCard => "payment_card",
            FindingKind::CafNumber => "caf_number",
            FindingKind::FranceTravailId => "france_travail_id",
            FindingKind::PostalAddress => "postal_address",
        }
    }

    /// The kind named by [`FindingKind::code`].
    pub fn from_code(code: &str) -> Option<FindingKind> {
        FindingKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// What it is, as a noun phrase ("un numéro de téléphone").
    pub fn name(self, french: bool) -> &'static str {
        match (self, french) {
            (FindingKind::Password, true) => "un mot de passe ou un code secret",
            (FindingKind::Password, false) => "a password or a secret code",
            (FindingKind::OneTimeCode, true) => "un code reçu par SMS ou par e-mail",
            (FindingKind::OneTimeCode, false) => "a code received by text message or e-mail",
            (FindingKind::Email, true) => "une adresse e-mail",
            (FindingKind::Email, false) => "an e-mail address",
            (FindingKind::Phone, true) => "un numéro de téléphone",
            (FindingKind::Phone, false) => "a phone number",
            (FindingKind::Nir, true) => "un numéro de sécurité sociale",
            (FindingKind::Nir, false) => "a social security number",
            (FindingKind::BelgianNationalNumber, true) => "un numéro de registre national",
            (FindingKind::BelgianNationalNumber, false) => "a national register number",
            (FindingKind::Iban, true) => "un numéro de compte bancaire (IBAN ou RIB)",
            (FindingKind::Iban, false) => "a bank account number (IBAN)",
            (FindingKind::PaymentCard, true) => "un numéro de carte bancaire",
            (FindingKind::PaymentCard, false) => "a payment card number",
            (FindingKind::CafNumber, true) => "un numéro d'allocataire CAF",
            (FindingKind::CafNumber, false) => "a CAF allocataire number",
            (FindingKind::FranceTravailId, true) => "un identifiant France Travail",
            (FindingKind::FranceTravailId, false) => "a France Travail identifier",
            (FindingKind::PostalAddress, true) => "une adresse postale",
            (FindingKind::PostalAddress, false) => "a postal address",
        }
    }

    /// Why the group never keeps it, in one sentence.
    pub fn reason(self, french: bool) -> &'static str {
        match (self, french) {
            (FindingKind::Password | FindingKind::OneTimeCode, true) => {
                "Un mot de passe ou un code reste à la personne : personne d'autre ne le garde, \
                 même pour aider, et on le tape soi-même au moment voulu."
            }
            (FindingKind::Password | FindingKind::OneTimeCode, false) => {
                "A password or a code belongs to its owner: nobody else keeps it, even to help, \
                 and one types it oneself when needed."
            }
            (FindingKind::Email | FindingKind::Phone | FindingKind::PostalAddress, true) => {
                "Ces coordonnées permettent de retrouver une personne : le groupe ne garde \
                 rien qui dise qui elle est ni où la joindre."
            }
            (FindingKind::Email | FindingKind::Phone | FindingKind::PostalAddress, false) => {
                "Contact details lead to a person: the group keeps nothing that tells who \
                 someone is or how to reach them."
            }
            (_, true) => {
                "Ce numéro est propre à une personne et ouvre ses droits ou son argent : il \
                 reste sur ses papiers, jamais dans le groupe."
            }
            (_, false) => {
                "This number belongs to one person and opens their rights or their money: it \
                 stays on their papers, never in the group."
            }
        }
    }

    /// On equal spans, the more specific kind wins (higher first).
    fn specificity(self) -> u8 {
        match self {
            FindingKind::Iban => 10,
            FindingKind::Nir => 9,
            FindingKind::BelgianNationalNumber => 8,
            FindingKind::PaymentCard => 7,
            FindingKind::Email => 6,
            FindingKind::Phone => 5,
            FindingKind::FranceTravailId => 4,
            FindingKind::CafNumber => 4,
            FindingKind::OneTimeCode => 3,
            FindingKind::PostalAddress => 2,
            FindingKind::Password => 1,
        }
    }
}

/// One thing that looked sensitive: its kind and where it is in the text as typed (byte
/// offsets, so the app can underline it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Finding {
    /// What it looked like.
    pub kind: FindingKind,
    /// Byte offset of its first character in the original text.
    pub start: usize,
    /// Byte offset just past its last character.
    pub end: usize,
}

/// The guard's refusal: the text was not stored or sent because of these findings.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("the text looks like it contains {}", english_list(.findings))]
pub struct Refusal {
    findings: Vec<Finding>,
}

impl Refusal {
    pub(crate) fn new(findings: Vec<Finding>) -> Refusal {
        Refusal { findings }
    }

    /// What was found, in text order.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// The distinct kinds found, in text order of first appearance.
    pub fn kinds(&self) -> Vec<FindingKind> {
        let mut kinds: Vec<FindingKind> = Vec::new();
        for f in &self.findings {
            if !kinds.contains(&f.kind) {
                kinds.push(f.kind);
            }
        }
        kinds
    }

    /// A kind sentence for the person who typed the text: what looked sensitive and why
    /// the group never keeps it, then what to do.
    pub fn message(&self, french: bool) -> String {
        let kinds = self.kinds();
        let names: Vec<&str> = kinds.iter().map(|k| k.name(french)).collect();
        let list = join(&names, if french { " et " } else { " and " });
        let mut reasons: Vec<&str> = Vec::new();
        for k in &kinds {
            let r = k.reason(french);
            if !reasons.contains(&r) {
                reasons.push(r);
            }
        }
        if french {
            format!(
                "Ce texte semble contenir {list}. {} Vous pouvez l'écrire sans ce passage, \
                 rien n'a été enregistré.",
                reasons.join(" ")
            )
        } else {
            format!(
                "This text seems to contain {list}. {} You can write it without that part; \
                 nothing was saved.",
                reasons.join(" ")
            )
        }
    }
}

fn join(items: &[&str], last: &str) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., tail] => format!("{}{last}{tail}", init.join(", ")),
    }
}

fn english_list(findings: &[Finding]) -> String {
    let r = Refusal::new(findings.to_vec());
    let names: Vec<&str> = r.kinds().iter().map(|k| k.name(false)).collect();
    join(&names, " and ")
}

/// Sorts findings and removes those inside a wider one (or on the same span as a more
/// specific one).
pub(crate) fn settle(mut found: Vec<Finding>) -> Vec<Finding> {
    found.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(b.kind.specificity().cmp(&a.kind.specificity()))
    });
    // Kept findings start at or before `f`: it is inside one of them exactly when the
    // furthest end kept so far reaches past it.
    let mut kept: Vec<Finding> = Vec::with_capacity(found.len());
    let mut furthest = 0usize;
    for f in found {
        if kept.is_empty() || f.end > furthest {
            furthest = furthest.max(f.end);
            kept.push(f);
        }
    }
    kept
}
