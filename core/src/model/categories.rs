//! The field's own categories, as La Coop de la médiation numérique records an activity
//! (`shared/reference/field-categories.md`): devices, autonomy after help, age bands, gender,
//! where a person was referred, the administrative areas of difficulties met with a service,
//! and the two session tracks. Each has its Coop code (for exports) and plain labels.

use serde::{Deserialize, Serialize};

/// Defines a category enum with its Coop code and French and English labels, in order.
macro_rules! category {
    (
        $(#[$meta:meta])*
        $name:ident { $( $(#[$vmeta:meta])* $variant:ident => $code:literal, $fr:literal, $en:literal; )+ }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in the order the field lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The machine value the Coop's data uses.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }

            /// The label, in French (`french`) or English.
            pub fn label(self, french: bool) -> &'static str {
                match (self, french) {
                    $(($name::$variant, true) => $fr, ($name::$variant, false) => $en,)+
                }
            }

            /// The value with this Coop code.
            pub fn from_code(code: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.code() == code)
            }
        }
    };
}

category! {
    /// The device used during the help ("Matériel numérique utilisé").
    Device {
        /// Desktop or laptop computer.
        Computer => "ordinateur", "Ordinateur", "Computer";
        /// Mobile phone.
        Phone => "telephone", "Téléphone", "Phone";
        /// Tablet.
        Tablet => "tablette", "Tablette", "Tablet";
        /// Another device.
        Other => "autre", "Autre", "Other";
        /// No device.
        None => "aucun", "Pas de matériel", "No device";
    }
}

category! {
    /// How autonomous the helped person felt after the help ("Niveau d'autonomie").
    Autonomy {
        /// Needed someone beside them all along (1 star).
        FullyAccompanied => "entierement_accompagne", "Avec guidage", "With guidance";
        /// Can do it, with help if needed (2 stars).
        PartlyAutonomous => "partiellement_autonome", "Autonome avec guidage en cas de besoin", "Autonomous with guidance if needed";
        /// Can do it alone now (3 stars).
        Autonomous => "autonome", "Autonome", "Autonomous";
    }
}

impl Autonomy {
    /// The Coop's "n/3" form.
    pub fn stars(self) -> u8 {
        match self {
            Autonomy::FullyAccompanied => 1,
            Autonomy::PartlyAutonomous => 2,
            Autonomy::Autonomous => 3,
        }
    }

    /// The person's own words for it on the help screen.
    pub fn plain(self, french: bool) -> &'static str {
        match (self, french) {
            (Autonomy::FullyAccompanied, true) => "J'ai encore besoin qu'on me montre",
            (Autonomy::PartlyAutonomous, true) => "Je sais faire, avec un peu d'aide",
            (Autonomy::Autonomous, true) => "Je sais le faire seul ou seule",
            (Autonomy::FullyAccompanied, false) => "I still need someone to show me",
            (Autonomy::PartlyAutonomous, false) => "I can do it, with a little help",
            (Autonomy::Autonomous, false) => "I can do it on my own",
        }
    }
}

category! {
    /// Age band, only given with the person's agreement. 70–79 and 80+ add up to the Coop's
    /// "70 ans et plus".
    AgeBand {
        /// Under 12.
        Under12 => "moins_de_12_ans", "Moins de 12 ans", "Under 12";
        /// 12 to 17.
        From12To17 => "de_12_a_17_ans", "12 - 17 ans", "12 - 17";
        /// 18 to 24.
        From18To24 => "de_18_a_24_ans", "18 - 24 ans", "18 - 24";
        /// 25 to 39.
        From25To39 => "de_25_a_39_ans", "25 - 39 ans", "25 - 39";
        /// 40 to 59.
        From40To59 => "de_40_a_59_ans", "40 - 59 ans", "40 - 59";
        /// 60 to 69.
        From60To69 => "de_60_a_69_ans", "60 - 69 ans", "60 - 69";
        /// 70 to 79.
        From70To79 => "de_70_a_79_ans", "70 - 79 ans", "70 - 79";
        /// 80 and over.
        From80 => "80_ans_et_plus", "80 ans et plus", "80 and over";
    }
}

impl AgeBand {
    /// The Coop's band (70–79 and 80+ both are "70 ans et plus").
    pub fn coop_label(self) -> &'static str {
        match self {
            AgeBand::From70To79 | AgeBand::From80 => "70 ans et plus",
            other => other.label(true),
        }
    }
}

category! {
    /// Gender, only given with the person's agreement.
    Gender {
        /// Woman.
        Female => "feminin", "Féminin", "Female";
        /// Man.
        Male => "masculin", "Masculin", "Male";
    }
}

category! {
    /// A session's track: beginners with the animator, or confirmed members who choose
    /// their themes. Both can run the same day.
    Track {
        /// "Débutants".
        Beginners => "debutants", "Débutants", "Beginners";
        /// "Confirmés".
        Confirmed => "confirmes", "Confirmés", "Confirmed";
    }
}

category! {
    /// Where a person was sent for what peers must not do ("Structure de redirection").
    Referral {
        /// Town hall, prefecture…
        Administration => "administration", "Administration (mairie, préfecture…)", "Administration (town hall, prefecture…)";
        /// Another digital-help place.
        DigitalHelp => "mediation_numerique", "Autre structure de médiation numérique", "Another digital-help place";
        /// The body in charge of the procedure.
        Operator => "operateur", "Opérateur ou organisme en charge de la démarche administrative", "The body in charge of the procedure";
        /// Social help.
        Social => "aide_sociale", "Structure d'aide sociale (maison des solidarités, centre social…)", "Social help (community centre…)";
        /// Employment help.
        Employment => "insertion_professionnelle", "Structure d'insertion professionnelle (France Travail, mission locale, chambre de commerce…)", "Employment help (France Travail…)";
        /// Help with procedures (France Services…).
        Procedures => "aide_demarches", "Structure d'aide aux démarches administratives (France Services…)", "Help with procedures (France Services…)";
        /// Anything else.
        Other => "autre", "Autre", "Other";
    }
}

category! {
    /// Administrative area of a difficulty met with a public service or a company (the
    /// Coop's list for "Aide aux démarches administratives").
    AdminArea {
        /// Papers, elections, citizenship.
        Papers => "papiers_elections_citoyennete", "Papiers - Élections - Citoyenneté", "Papers - Elections - Citizenship";
        /// Family, school.
        Family => "famille_scolarite", "Famille - Scolarité", "Family - School";
        /// Social, health.
        SocialHealth => "social_sante", "Social - Santé", "Social - Health";
        /// Work, training, business.
        Work => "travail_formation_entreprise", "Travail - Formation - Entreprise", "Work - Training - Business";
        /// Housing.
        Housing => "logement", "Logement", "Housing";
        /// Transport, mobility.
        Transport => "transports_mobilite", "Transports - Mobilité", "Transport - Mobility";
        /// Money, taxes.
        Money => "argent_impots", "Argent - Impôts", "Money - Taxes";
        /// Justice.
        Justice => "justice", "Justice", "Justice";
        /// Foreigners, Europe.
        Foreigners => "etrangers_europe", "Étrangers - Europe", "Foreigners - Europe";
        /// Leisure, sports, culture.
        Leisure => "loisirs_sports_culture", "Loisirs - Sports - Culture", "Leisure - Sports - Culture";
        /// Associations.
        Associations => "associations", "Associations", "Associations";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_labels_are_the_coops() {
        for d in Device::ALL {
            assert_eq!(Device::from_code(d.code()), Some(*d));
        }
        assert_eq!(Device::None.label(true), "Pas de matériel");
        assert_eq!(Autonomy::PartlyAutonomous.stars(), 2);
        assert_eq!(AgeBand::From80.coop_label(), "70 ans et plus");
        assert_eq!(AgeBand::From60To69.coop_label(), "60 - 69 ans");
        assert_eq!(AdminArea::ALL.len(), 11);
        assert_eq!(Referral::from_code("nope"), None);
    }
}
