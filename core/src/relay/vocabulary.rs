//! The allowed values of the national schema of places offering digital help
//! (`LaMednum/standard-mediation-num`), as listed in the field categories reference.
//! Values are matched without case, accents or punctuation, so "aide aux demarches
//! administratives" is read as « Aide aux démarches administratives ».

/// `services`: what a place handles.
pub const SERVICES: &[&str] = &[
    "Aide aux démarches administratives",
    "Maîtrise des outils numériques du quotidien",
    "Insertion professionnelle via le numérique",
    "Utilisation sécurisée du numérique",
    "Parentalité et éducation avec le numérique",
    "Loisirs et créations numériques",
    "Compréhension du monde numérique",
    "Accès internet et matériel informatique",
    "Acquisition de matériel informatique à prix solidaire",
];

/// `publics_specifiquement_adresses`.
pub const PUBLICS: &[&str] = &[
    "Jeunes",
    "Étudiants",
    "Familles et/ou enfants",
    "Seniors",
    "Femmes",
];

/// `frais_a_charge`.
pub const FEES: &[&str] = &["Gratuit", "Gratuit sous condition", "Payant"];

/// `modalites_acces`: how to reach the place.
pub const ACCESS: &[&str] = &[
    "Se présenter",
    "Téléphoner",
    "Contacter par mail",
    "Prendre un RDV en ligne",
    "Ce lieu n'accueille pas de public",
    "Envoyer un mail avec une fiche de prescription",
];

/// `modalites_accompagnement`.
pub const SUPPORT: &[&str] = &[
    "En autonomie",
    "Accompagnement individuel",
    "Dans un atelier collectif",
    "À distance",
];

/// `dispositif_programmes_nationaux`.
pub const PROGRAMMES: &[&str] = &[
    "Aidants Connect",
    "Bibliothèques numérique de référence",
    "Certification PIX",
    "Conseillers numériques",
    "Emmaüs Connect",
    "France Services",
    "Grande école du numérique",
    "La Croix Rouge",
    "Point d'accès numérique CAF",
    "Promeneurs du net",
    "Relais numérique (Emmaüs Connect)",
];

/// A value reduced to lowercase letters and digits without accents.
pub fn key(value: &str) -> String {
    value
        .chars()
        .map(crate::guard::text::fold_char)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The allowed label `value` stands for, if any.
pub fn canonical(value: &str, allowed: &[&'static str]) -> Option<&'static str> {
    let k = key(value);
    if k.is_empty() {
        return None;
    }
    allowed.iter().copied().find(|a| key(a) == k)
}
