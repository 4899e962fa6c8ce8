//! A relay (a local place or professional that takes over a sensitive need) and the
//! animator's directory of them.

use serde::{Deserialize, Serialize};

/// A place's street address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Address {
    /// Number and street ("2 rue de la Gare"), with its complement if any.
    pub street: String,
    /// Five-digit postcode.
    pub postcode: String,
    /// Town.
    pub town: String,
}

/// One relay of the directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relay {
    /// Identifier in the source file (or given on import).
    pub id: String,
    /// Name shown ("France Services de Vesoul").
    pub name: String,
    /// Where it is.
    pub address: Address,
    /// Opening hours in OpenStreetMap `opening_hours` syntax ("Mo-Fr 09:00-12:00"), as
    /// published; empty when unknown.
    pub hours: String,
    /// What it handles: labels of the schema's `services`.
    pub services: Vec<String>,
    /// Publics it addresses specifically.
    pub publics: Vec<String>,
    /// National programmes it belongs to (France Services, Point d'accès numérique CAF…).
    pub programmes: Vec<String>,
    /// How to reach it: labels of `modalites_acces`.
    pub access: Vec<String>,
    /// Fees: Gratuit, Gratuit sous condition, Payant; empty when unknown.
    pub fees: String,
    /// Public phone number, written "03 84 75 12 34".
    pub phone: Option<String>,
    /// Public e-mail addresses.
    pub emails: Vec<String>,
    /// Web site.
    pub website: Option<String>,
    /// Short presentation.
    pub summary: String,
}

impl Relay {
    /// Whether it handles the schema service `service` (a label of
    /// [`super::vocabulary::SERVICES`]).
    pub fn handles(&self, service: &str) -> bool {
        self.services.iter().any(|s| s == service)
    }
}

/// The animator's directory of relays.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Directory {
    /// The relays, in the order added.
    pub relays: Vec<Relay>,
}

impl Directory {
    /// The relay with this id.
    pub fn get(&self, id: &str) -> Option<&Relay> {
        self.relays.iter().find(|r| r.id == id)
    }

    /// Adds or replaces (same id) a relay.
    pub fn upsert(&mut self, relay: Relay) {
        match self.relays.iter_mut().find(|r| r.id == relay.id) {
            Some(r) => *r = relay,
            None => self.relays.push(relay),
        }
    }

    /// The relays that handle `service`, in the directory's order.
    pub fn handling<'a>(&'a self, service: &'a str) -> impl Iterator<Item = &'a Relay> + 'a {
        self.relays.iter().filter(move |r| r.handles(service))
    }
}
