//! The Coop de la médiation numérique's themes of digital help ("Thématique(s)
//! d'accompagnement", `shared/reference/field-categories.md`), and which one each built-in
//! topic of Entraide falls under, so that exports use the words the field already reports in.

/// The Coop's 19 themes, labels copied exactly, in the reference's order.
pub const COOP_THEMES: [&str; 19] = [
    "Diagnostic numérique",
    "Prendre en main du matériel",
    "Maintenance de matériel",
    "Gérer ses contenus numériques",
    "Navigation sur internet",
    "E-mail",
    "Bureautique",
    "Réseaux sociaux communication",
    "Santé",
    "Banque et achats en ligne",
    "Accompagner un professionnel",
    "Insertion professionnelle",
    "Prévention en sécurité numérique",
    "Parentalité",
    "Scolarité et numérique",
    "Créer avec le numérique",
    "Culture numérique",
    "Intelligence artificielle (IA)",
    "Aide aux démarches administratives",
];

/// The Coop theme of a topic id of the built-in catalog (a group's own topic, unless it
/// rewords a built-in one under the same id, has none: the animator's words are not the
/// Coop's).
pub fn coop_theme(topic: &str) -> Option<&'static str> {
    let index = match topic {
        "device_basics" | "phone_plan" => 1,
        "device_cleanup" => 2,
        "photos_files" => 3,
        "web_search" => 4,
        "email" | "attachments" => 5,
        "word_processing" | "spreadsheets" => 6,
        "video_calls" | "social_networks" => 7,
        "online_payment" => 9,
        "passwords" | "device_security" | "private_browsing" => 12,
        "free_software" => 16,
        "everyday_procedures" | "public_services" => 18,
        _ => return None,
    };
    COOP_THEMES.get(index).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_topic_has_a_theme() {
        let catalog = crate::assessment::Catalog::builtin();
        assert!(catalog.is_ok());
        for topic in catalog.iter().flat_map(|c| c.topics()) {
            assert!(coop_theme(&topic.id).is_some(), "{} has no theme", topic.id);
        }
        assert_eq!(coop_theme("email"), Some("E-mail"));
        assert_eq!(coop_theme("local_tricot"), None);
    }
}
