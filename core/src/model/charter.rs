//! The default charter of good conduct ("charte du bon comportement") a new group starts
//! with, in plain French. The animator may rewrite it; every version is kept in the record
//! and each member accepts the one in force.

/// Version 1 of earlier app versions: four fixed sentences, accepted when joining.
pub const LEGACY_CHARTER: &str = "Chacun apprend à son rythme.\n\
On ne fait jamais à la place de la personne.\n\
Ce qui se dit dans le groupe reste dans le groupe.\n\
On ne demande jamais un mot de passe ou un code secret.";

/// The charter a new group starts with.
pub const DEFAULT_CHARTER: &str = "Ce qui se dit dans le groupe reste dans le groupe. \
Nous ne parlons pas des autres en dehors.\n\
Vos mots de passe et vos codes restent à vous. \
Personne du groupe ne les demande, ne les note ni ne les garde.\n\
On fait avec la personne, pas à sa place. \
C'est elle qui tient le téléphone ou la souris.\n\
Chacun apprend à son rythme. On peut poser la même question plusieurs fois.\n\
Pour les démarches importantes (impôts, CAF, santé, banque), \
un professionnel prend le relais. L'animateur vous indique où aller.";
