//! The public competence frameworks the topics are tagged with: Pix / CRCN (France) and
//! DigComp 2.2 (European Union). Codes and names only; reports roll results up by these codes.

/// One competence of a framework: its code ("1.1") and its name in French and English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Competence {
    /// Code as written in the framework, for example "2.1".
    pub code: &'static str,
    /// Name in French.
    pub fr: &'static str,
    /// Name in English.
    pub en: &'static str,
}

/// Highest proficiency level in both frameworks (levels run from 1 to 8).
pub const MAX_FRAMEWORK_LEVEL: u8 = 8;

const fn c(code: &'static str, fr: &'static str, en: &'static str) -> Competence {
    Competence { code, fr, en }
}

/// Pix / CRCN: 5 areas, 16 competences.
pub const PIX_COMPETENCES: [Competence; 16] = [
    c(
        "1.1",
        "Mener une recherche et une veille d'information",
        "Searching and monitoring information",
    ),
    c("1.2", "Gérer des données", "Managing data"),
    c("1.3", "Traiter des données", "Processing data"),
    c("2.1", "Interagir", "Interacting"),
    c("2.2", "Partager et publier", "Sharing and publishing"),
    c("2.3", "Collaborer", "Collaborating"),
    c(
        "2.4",
        "S'insérer dans le monde numérique",
        "Taking part in the digital world",
    ),
    c(
        "3.1",
        "Développer des documents textuels",
        "Creating text documents",
    ),
    c(
        "3.2",
        "Développer des documents multimédia",
        "Creating multimedia documents",
    ),
    c(
        "3.3",
        "Adapter les documents à leur finalité",
        "Adapting documents to their purpose",
    ),
    c("3.4", "Programmer", "Programming"),
    c(
        "4.1",
        "Sécuriser l'environnement numérique",
        "Securing the digital environment",
    ),
    c(
        "4.2",
        "Protéger les données personnelles et la vie privée",
        "Protecting personal data and privacy",
    ),
    c(
        "4.3",
        "Protéger la santé, le bien-être et l'environnement",
        "Protecting health, well-being and the environment",
    ),
    c(
        "5.1",
        "Résoudre des problèmes techniques",
        "Solving technical problems",
    ),
    c(
        "5.2",
        "Construire un environnement numérique",
        "Building a digital environment",
    ),
];

/// DigComp 2.2: 5 areas, 21 competences.
pub const DIGCOMP_COMPETENCES: [Competence; 21] = [
    c(
        "1.1",
        "Naviguer, rechercher et filtrer des données, des informations et des contenus numériques",
        "Browsing, searching and filtering data, information and digital content",
    ),
    c(
        "1.2",
        "Évaluer des données, des informations et des contenus numériques",
        "Evaluating data, information and digital content",
    ),
    c(
        "1.3",
        "Gérer des données, des informations et des contenus numériques",
        "Managing data, information and digital content",
    ),
    c(
        "2.1",
        "Interagir par le biais des technologies numériques",
        "Interacting through digital technologies",
    ),
    c(
        "2.2",
        "Partager par le biais des technologies numériques",
        "Sharing through digital technologies",
    ),
    c(
        "2.3",
        "S'engager dans la citoyenneté par le biais des technologies numériques",
        "Engaging in citizenship through digital technologies",
    ),
    c(
        "2.4",
        "Collaborer par le biais des technologies numériques",
        "Collaborating through digital technologies",
    ),
    c("2.5", "Nétiquette", "Netiquette"),
    c(
        "2.6",
        "Gérer son identité numérique",
        "Managing digital identity",
    ),
    c(
        "3.1",
        "Développer des contenus numériques",
        "Developing digital content",
    ),
    c(
        "3.2",
        "Intégrer et réélaborer des contenus numériques",
        "Integrating and re-elaborating digital content",
    ),
    c(
        "3.3",
        "Droits d'auteur et licences",
        "Copyright and licences",
    ),
    c("3.4", "Programmer", "Programming"),
    c("4.1", "Protéger les appareils", "Protecting devices"),
    c(
        "4.2",
        "Protéger les données personnelles et la vie privée",
        "Protecting personal data and privacy",
    ),
    c(
        "4.3",
        "Protéger la santé et le bien-être",
        "Protecting health and well-being",
    ),
    c(
        "4.4",
        "Protéger l'environnement",
        "Protecting the environment",
    ),
    c(
        "5.1",
        "Résoudre des problèmes techniques",
        "Solving technical problems",
    ),
    c(
        "5.2",
        "Identifier les besoins et les réponses technologiques",
        "Identifying needs and technological responses",
    ),
    c(
        "5.3",
        "Utiliser de manière créative les technologies numériques",
        "Creatively using digital technologies",
    ),
    c(
        "5.4",
        "Identifier les lacunes en matière de compétences numériques",
        "Identifying digital competence gaps",
    ),
];

/// The Pix / CRCN competence with this code, if any.
pub fn pix_competence(code: &str) -> Option<&'static Competence> {
    PIX_COMPETENCES.iter().find(|c| c.code == code)
}

/// The DigComp 2.2 competence with this code, if any.
pub fn digcomp_competence(code: &str) -> Option<&'static Competence> {
    DIGCOMP_COMPETENCES.iter().find(|c| c.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_counted() {
        for list in [&PIX_COMPETENCES[..], &DIGCOMP_COMPETENCES[..]] {
            let mut codes: Vec<_> = list.iter().map(|c| c.code).collect();
            codes.sort_unstable();
            codes.dedup();
            assert_eq!(codes.len(), list.len());
        }
        assert!(pix_competence("3.4").is_some());
        assert!(pix_competence("2.5").is_none());
        assert!(digcomp_competence("2.5").is_some());
        assert!(digcomp_competence("5.5").is_none());
    }
}
