//! A made-up year of one group, as a real signed record: the "Bilan" screen's demo, the
//! reports' golden figures, and the benchmarks' histories. Everything comes from a seed (a
//! small SplitMix64 generator), so the same seed gives the same record on every machine.
//!
//! [`demo_replica`] writes a year the way phones would: the animator founds the group,
//! records members as they join, plans and runs about 25 sessions on two tracks, checks
//! people in and notes help for those without a phone; participants with a phone write
//! their own help given, tips, votes, evaluations and self-assessments on their replica, and
//! the animator merges them after each session. [`large_history`] is a bigger, plainer
//! history written by the animator alone, for benchmarks.

use std::collections::{BTreeMap, BTreeSet};

use bech32::{ToBase32, Variant};

use super::error::ReportError;
use crate::matching::bench::SplitMix64;
use crate::merge::{Anchor, Audience, Change, HelpFields, Op, Replica};
use crate::model::charter::DEFAULT_CHARTER;
use crate::model::day::MS_PER_DAY;
use crate::model::{
    AdminArea, AgeBand, Autonomy, CharterVersion, Day, Device, Facts, Gender, GroupId, GroupRecord,
    HelpGroup, MemberRole, Need, PersonId, RecordId, Referral, SessionState, Skills, TopicLevel,
    Track,
};
use crate::transfer::{DeviceIdentity, StoredIdentity};

/// The calendar year of the demo.
pub const DEMO_YEAR: i32 = 2025;
/// The seed of the demo every screen shows.
pub const DEMO_SEED: u64 = 12;

/// A small deterministic generator over the benchmarks' SplitMix64: no `rand` dependency,
/// same numbers everywhere (its own `below`, by modulo, keeps the demo's golden figures).
#[derive(Debug, Clone)]
pub struct Rng(SplitMix64);

impl Rng {
    /// Generator starting from `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(SplitMix64::new(seed))
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// One item of a non-empty slice (the first when empty is impossible to return).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }

    /// 16 random bytes.
    pub fn bytes16(&mut self) -> [u8; 16] {
        let mut out = [0u8; 16];
        out[..8].copy_from_slice(&self.next_u64().to_le_bytes());
        out[8..].copy_from_slice(&self.next_u64().to_le_bytes());
        out
    }

    /// 32 random bytes.
    pub fn bytes32(&mut self) -> [u8; 32] {
        let mut out = [0u8; 32];
        out[..16].copy_from_slice(&self.bytes16());
        out[16..].copy_from_slice(&self.bytes16());
        out
    }
}

/// The built-in topics beginners ask about most.
const BEGINNER_TOPICS: &[&str] = &[
    "device_basics",
    "email",
    "video_calls",
    "photos_files",
    "web_search",
    "passwords",
    "public_services",
    "everyday_procedures",
    "online_payment",
    "phone_plan",
];

/// The built-in topics confirmed members choose.
const CONFIRMED_TOPICS: &[&str] = &[
    "attachments",
    "device_security",
    "private_browsing",
    "social_networks",
    "device_cleanup",
    "word_processing",
    "spreadsheets",
    "free_software",
    "public_services",
    "online_payment",
];

const NICKNAMES: &[&str] = &[
    "Nadia", "Martine", "Marcel", "Sophie", "Paul", "Yvette", "Ahmed", "Josiane", "Bernard",
    "Colette", "Lucien", "Fatou", "Gérard", "Monique", "Rachid", "Odette", "Jeannine", "Alain",
    "Simone", "Mamadou", "Huguette", "René", "Aïcha", "Roger", "Denise", "Pierre", "Lucienne",
    "Karim", "Ginette", "Jacques",
];

/// Services the group met difficulties with, their area and what went wrong.
const SERVICES: &[(&str, Option<AdminArea>, &[&str])] = &[
    (
        "CAF",
        Some(AdminArea::SocialHealth),
        &[
            "Le site demande un document déjà envoyé, sans dire lequel manque.",
            "Le code reçu par SMS arrive après la fin du délai.",
        ],
    ),
    (
        "ameli",
        Some(AdminArea::SocialHealth),
        &["Impossible de télécharger l'attestation sur un téléphone."],
    ),
    (
        "impots.gouv.fr",
        Some(AdminArea::Money),
        &[
            "Le numéro fiscal est demandé avant d'expliquer où le trouver.",
            "La déclaration se bloque à la dernière page sans message.",
        ],
    ),
    (
        "ANTS",
        Some(AdminArea::Papers),
        &["La photo d'identité est refusée sans dire pourquoi."],
    ),
    (
        "France Travail",
        Some(AdminArea::Work),
        &["Le rendez-vous ne peut se prendre qu'en ligne, la page ne s'ouvre pas."],
    ),
    (
        "La banque",
        Some(AdminArea::Money),
        &["La nouvelle application demande un téléphone récent pour valider les paiements."],
    ),
    (
        "Fournisseur d'électricité",
        Some(AdminArea::Housing),
        &["Les factures papier ont été supprimées sans prévenir."],
    ),
    (
        "SNCF Connect",
        Some(AdminArea::Transport),
        &["La réduction senior n'apparaît pas au moment de payer."],
    ),
    (
        "Préfecture",
        Some(AdminArea::Foreigners),
        &["Aucun créneau de rendez-vous pour le titre de séjour depuis des semaines."],
    ),
    (
        "Collège (ENT)",
        Some(AdminArea::Family),
        &["Le mot de passe de l'espace parents se réinitialise chaque mois."],
    ),
    (
        "La Poste",
        None,
        &["Le suivi du colis demande de créer un compte."],
    ),
];

/// Tips, by topic: the group's living library.
const TIPS: &[(&str, &[&str])] = &[
    (
        "device_basics",
        &[
            "Appui long sur le bouton du côté pour éteindre.",
            "Le rond en bas de l'écran ramène toujours à l'accueil.",
        ],
    ),
    (
        "email",
        &[
            "Pour répondre, la flèche qui part vers la gauche.",
            "Regarder les indésirables quand un mail n'arrive pas.",
        ],
    ),
    (
        "video_calls",
        &[
            "Tenir le téléphone à hauteur des yeux pour la vidéo.",
            "Le micro barré veut dire qu'on ne vous entend pas.",
        ],
    ),
    (
        "photos_files",
        &[
            "Les photos sont dans l'application Galerie, classées par date.",
            "Supprimer les vidéos reçues libère beaucoup de place.",
        ],
    ),
    (
        "web_search",
        &[
            "Écrire deux ou trois mots suffit, pas besoin de phrase.",
            "Les premiers résultats marqués « Annonce » sont des publicités.",
        ],
    ),
    (
        "passwords",
        &[
            "Une phrase de quatre mots fait un bon mot de passe.",
            "Noter les mots de passe dans un carnet rangé à la maison.",
        ],
    ),
    (
        "public_services",
        &[
            "Le site officiel finit toujours par .gouv.fr.",
            "FranceConnect permet d'utiliser le même compte partout.",
        ],
    ),
    (
        "everyday_procedures",
        &[
            "Prendre la pièce en photo à plat, près d'une fenêtre.",
            "Garder le mail de confirmation dans un dossier.",
        ],
    ),
    (
        "online_payment",
        &[
            "Le cadenas à côté de l'adresse ne suffit pas, vérifier le nom du site.",
            "La banque ne demande jamais le code par téléphone.",
        ],
    ),
    (
        "phone_plan",
        &["Regarder la consommation du mois dans l'application de l'opérateur."],
    ),
    (
        "attachments",
        &[
            "Le trombone sert à joindre une photo au mail.",
            "Un document scanné en PDF passe mieux qu'une photo.",
        ],
    ),
    (
        "device_security",
        &[
            "Un SMS qui presse de payer une amende est une arnaque.",
            "Faire les mises à jour le soir, branché.",
        ],
    ),
    (
        "private_browsing",
        &["Refuser les cookies : le bouton est souvent en petit, en bas."],
    ),
    (
        "social_networks",
        &["Mettre son profil en privé dans les réglages."],
    ),
    (
        "device_cleanup",
        &["Vider le cache de l'application qui prend le plus de place."],
    ),
    (
        "word_processing",
        &[
            "Ctrl + Z annule la dernière action.",
            "Enregistrer souvent, avec un nom qui dit ce que c'est.",
        ],
    ),
    (
        "spreadsheets",
        &["Le signe = au début pour faire un calcul."],
    ),
    (
        "free_software",
        &["LibreOffice ouvre aussi les fichiers Word."],
    ),
];

/// One person of the demo.
struct Person {
    id: PersonId,
    identity: Option<DeviceIdentity>,
    replica: Option<Replica>,
    pulled: bool,
    has_phone: bool,
    joined: Day,
    left: Option<Day>,
    track: Track,
    levels: BTreeMap<&'static str, u8>,
    wants: BTreeSet<&'static str>,
    device: Device,
    /// Own changes written since the animator last merged them.
    outbox: Vec<Change>,
    /// Self-assessments to take on these days.
    assessed_on: Vec<Day>,
}

pub(super) fn identity(rng: &mut Rng) -> Result<DeviceIdentity, ReportError> {
    let secret = rng.bytes32();
    let text = bech32::encode("age-secret-key-", secret.to_base32(), Variant::Bech32)
        .map_err(|_| ReportError::DemoKeys)?
        .to_uppercase();
    DeviceIdentity::from_stored(&StoredIdentity {
        receiving: text,
        signing: rng.bytes32(),
    })
    .map_err(|_| ReportError::DemoKeys)
}

fn ms(day: Day, hour: u64) -> u64 {
    u64::from(day.0) * MS_PER_DAY + hour * 3_600_000
}

fn day(year: i32, month: u32, dom: u32) -> Result<Day, ReportError> {
    Day::from_ymd(year, month, dom).ok_or(ReportError::NoSuchDate)
}

/// The `nth` Tuesday (1-based) of a month.
fn tuesday(year: i32, month: u32, nth: u32) -> Result<Day, ReportError> {
    let first = day(year, month, 1)?;
    let offset = (1 + 7 - first.weekday()) % 7;
    Ok(first.plus(offset + 7 * (nth.saturating_sub(1))))
}

fn stars(level: u8) -> u8 {
    match level {
        0 => 0,
        1 => 2,
        2 => 4,
        _ => 5,
    }
}

fn skills_of(person: &Person, on: Day) -> Skills {
    let topics = person
        .levels
        .iter()
        .map(|(t, l)| {
            (
                (*t).to_string(),
                TopicLevel {
                    level: *l,
                    stars: stars(*l),
                    wants: *l < 3 && person.wants.contains(t),
                },
            )
        })
        .collect();
    Skills { on, topics }
}

/// The anchor and the animator's phone of a new demo group.
fn found(rng: &mut Rng) -> Result<(Anchor, DeviceIdentity, PersonId), ReportError> {
    let group = GroupId(rng.bytes16());
    let animator = PersonId(rng.bytes16());
    let id = identity(rng)?;
    let anchor = Anchor {
        group,
        founder: animator,
        founder_key: id.signer(),
    };
    Ok((anchor, id, animator))
}

/// Writes ops in pieces small enough for one change each.
fn write_all(
    replica: &mut Replica,
    identity: &DeviceIdentity,
    now: u64,
    ops: Vec<Op>,
) -> Result<Vec<Change>, ReportError> {
    let mut out = Vec::new();
    let mut ops = ops;
    while !ops.is_empty() {
        let rest = ops.split_off(ops.len().min(400));
        out.extend(replica.write(identity, now, ops)?);
        ops = rest;
    }
    Ok(out)
}

/// The demo group's year, as the animator's phone holds it after the last session.
pub fn demo_year(seed: u64) -> Result<GroupRecord, ReportError> {
    Ok(demo_replica(DEMO_YEAR, seed)?.record().clone())
}

/// The demo group's year `year` on the animator's phone: a real replica of signed changes.
pub fn demo_replica(year: i32, seed: u64) -> Result<Replica, ReportError> {
    let mut rng = Rng::new(seed ^ 0x656e_7472_6169_6465);
    let (anchor, animator_id, animator) = found(&mut rng)?;
    let mut main = Replica::new(anchor, animator);
    let start = day(year, 1, 6)?;

    // The people: the animator, a co-animator, and 28 participants, 18 from the start.
    let mut people: Vec<Person> = Vec::new();
    for (n, _) in NICKNAMES.iter().enumerate() {
        let id = if n == 0 {
            animator
        } else {
            PersonId(rng.bytes16())
        };
        let has_phone = n < 2 || !matches!(n, 7 | 12 | 17 | 21 | 25 | 28);
        let identity = if n == 0 {
            None
        } else if has_phone {
            Some(identity(&mut rng)?)
        } else {
            None
        };
        let joined = if n < 18 {
            start
        } else {
            // Later joiners, from February to November.
            let month = 2 + (n as u32 - 18) % 10;
            day(year, month, 3 + rng.below(20) as u32)?
        };
        let experienced = n == 1 || (n >= 2 && rng.chance(40));
        let track = if experienced {
            Track::Confirmed
        } else {
            Track::Beginners
        };
        let mut levels = BTreeMap::new();
        let mut wants = BTreeSet::new();
        if n > 0 {
            for t in BEGINNER_TOPICS.iter().chain(CONFIRMED_TOPICS) {
                let base = if experienced { 2 } else { 0 };
                let level = (base + rng.below(3) as u8).min(3);
                let level = if experienced && BEGINNER_TOPICS.contains(t) {
                    3.min(level + 1)
                } else {
                    level
                };
                levels.insert(*t, level);
            }
            let pool = if experienced {
                CONFIRMED_TOPICS
            } else {
                BEGINNER_TOPICS
            };
            for _ in 0..3 {
                if let Some(t) = rng.pick(pool) {
                    if levels.get(t).copied().unwrap_or(0) < 3 {
                        wants.insert(*t);
                    }
                }
            }
        }
        let device = match rng.below(20) {
            0..=10 => Device::Phone,
            11..=15 => Device::Computer,
            16..=18 => Device::Tablet,
            _ => Device::Other,
        };
        let left = if matches!(n, 9 | 23) {
            Some(day(year, 9, 15)?)
        } else {
            None
        };
        let mut assessed_on = vec![joined];
        if n > 0 && rng.chance(70) {
            assessed_on.push(day(year, 6, 20)?);
        }
        if n > 0 && rng.chance(60) {
            assessed_on.push(day(year, 12, 12)?);
        }
        let replica = identity.as_ref().map(|_| Replica::new(anchor, id));
        people.push(Person {
            id,
            identity,
            replica,
            pulled: false,
            has_phone,
            joined,
            left,
            track,
            levels,
            wants,
            device,
            outbox: Vec::new(),
            assessed_on,
        });
    }

    // The group itself.
    let mut ops = vec![
        Op::GroupName("Les Clics du Mardi".into()),
        Op::GroupPlace("Maison de quartier, salle Rivière".into()),
        Op::Charter(CharterVersion {
            version: 1,
            text: DEFAULT_CHARTER.into(),
            published: start,
        }),
        Op::MemberRole {
            person: animator,
            role: MemberRole::Animator,
        },
    ];
    ops.extend(join_ops(&people[0], NICKNAMES[0], None));
    write_all(&mut main, &animator_id, ms(start, 9), ops)?;

    // Sessions: beginners on the second Tuesday, confirmed on the fourth, none in August,
    // and three more beginners' sessions when the group grew.
    let mut plan: Vec<(Day, Track)> = Vec::new();
    for month in (1..=12).filter(|m| *m != 8) {
        plan.push((tuesday(year, month, 2)?, Track::Beginners));
        plan.push((tuesday(year, month, 4)?, Track::Confirmed));
    }
    for month in [3, 6, 10] {
        plan.push((tuesday(year, month, 1)?, Track::Beginners));
    }
    plan.sort();

    let mut joined_done = vec![false; people.len()];
    let mut left_done = vec![false; people.len()];
    joined_done[0] = true;
    let mut last_votes: BTreeMap<Track, Vec<String>> = BTreeMap::new();
    for (date, track) in plan.iter().copied() {
        let session = RecordId(rng.bytes16());
        let mut ops = Vec::new();
        // Members who joined since the last session, and who left.
        for n in 1..people.len() {
            if !joined_done[n] && people[n].joined <= date {
                joined_done[n] = true;
                let nickname = NICKNAMES[n];
                let consent = n % 5 != 3 && rng.chance(75);
                let facts = consent.then(|| demo_facts(&mut rng, people[n].joined));
                ops.extend(join_ops(&people[n], nickname, facts));
                if n == 1 {
                    ops.push(Op::MemberRole {
                        person: people[n].id,
                        role: MemberRole::CoAnimator,
                    });
                }
            }
            if let Some(left) = people[n].left.filter(|l| *l <= date && !left_done[n]) {
                left_done[n] = true;
                ops.push(Op::MemberLeft {
                    person: people[n].id,
                    on: left,
                });
            }
        }
        let themes = last_votes.get(&track).cloned().unwrap_or_else(|| {
            let pool = if track == Track::Beginners {
                BEGINNER_TOPICS
            } else {
                CONFIRMED_TOPICS
            };
            pool.iter().take(2).map(|t| (*t).to_string()).collect()
        });
        ops.push(Op::SessionPlan {
            session,
            date,
            place: "Salle Rivière".into(),
            track,
        });
        ops.push(Op::SessionThemes {
            session,
            themes: themes.clone(),
        });
        ops.push(Op::SessionState {
            session,
            state: SessionState::Closed,
        });
        write_all(&mut main, &animator_id, ms(date, 9), ops)?;

        // Who comes: most of the track, a few of the other (helpers among beginners,
        // beginners who progressed among the confirmed).
        let present: Vec<usize> = (0..people.len())
            .filter(|&n| {
                let p = &people[n];
                if p.joined > date || p.left.is_some_and(|l| l <= date) {
                    return false;
                }
                n == 0
                    || if p.track == track {
                        rng.chance(80)
                    } else {
                        rng.chance(20)
                    }
            })
            .collect();

        // Participants with a phone fetch the group once, to write their own records.
        for &n in &present {
            let person = &mut people[n];
            if let (Some(replica), false) = (person.replica.as_mut(), person.pulled) {
                let delta = main.delta(replica.version_vector(), Some(Audience::Group));
                replica.merge(delta, ms(date, 13));
                person.pulled = true;
            }
        }

        let mut main_ops: Vec<Op> = Vec::new();
        let mut own_ops: BTreeMap<usize, Vec<Op>> = BTreeMap::new();
        let writer_of = |people: &[Person], n: usize| -> Option<usize> {
            people.get(n).and_then(|p| p.replica.as_ref()).map(|_| n)
        };
        for &n in &present {
            main_ops.push(Op::Attend {
                session,
                person: people[n].id,
            });
        }
        // Today's needs and help: learners ask on a topic they want or is chosen today.
        let mut help_load: BTreeMap<usize, usize> = BTreeMap::new();
        let mut groups: Vec<HelpGroup> = Vec::new();
        let mut help_ops: Vec<(usize, usize, Op)> = Vec::new();
        for &n in present.iter().filter(|&&n| n != 0) {
            let asks = if people[n].track == Track::Beginners {
                2
            } else {
                1
            } + rng.below(2);
            let mut asked = BTreeSet::new();
            for round in 0..asks + 1 {
                let wanted: Vec<&'static str> = people[n]
                    .levels
                    .iter()
                    .filter(|(t, l)| {
                        **l < 3
                            && (people[n].wants.contains(*t)
                                || themes.iter().any(|th| th == *t)
                                || pool_of(people[n].track).contains(*t))
                    })
                    .map(|(t, _)| *t)
                    .collect();
                let Some(topic) = rng.pick(&wanted).copied() else {
                    break;
                };
                if !asked.insert(topic) {
                    continue;
                }
                if round == 0 {
                    let need = Need {
                        topic: Some(topic.to_string()),
                        device: Some(people[n].device),
                        helps: people[n].track == Track::Confirmed,
                    };
                    let op = Op::Need {
                        session,
                        person: people[n].id,
                        need,
                    };
                    match writer_of(&people, n) {
                        Some(w) => own_ops.entry(w).or_default().push(op),
                        None => main_ops.push(op),
                    }
                }
                // A helper who can show it, not too busy; else the animator.
                let helpers: Vec<usize> = present
                    .iter()
                    .copied()
                    .filter(|&h| {
                        h != n
                            && h != 0
                            && people[h].levels.get(topic).copied().unwrap_or(0) >= 3
                            && help_load.get(&h).copied().unwrap_or(0) < 3
                    })
                    .collect();
                let helper = rng.pick(&helpers).copied().unwrap_or(0);
                *help_load.entry(helper).or_insert(0) += 1;
                let level = people[n].levels.get(topic).copied().unwrap_or(0);
                let autonomy = match (level, rng.below(10)) {
                    (0, 0..=5) | (1, 0..=1) => Autonomy::FullyAccompanied,
                    (0, _) | (1, 2..=7) | (2, 0..=2) => Autonomy::PartlyAutonomous,
                    _ => Autonomy::Autonomous,
                };
                let sensitive = matches!(
                    topic,
                    "public_services" | "everyday_procedures" | "online_payment"
                );
                let referred = if sensitive && rng.chance(22) {
                    rng.pick(&[
                        Referral::Procedures,
                        Referral::Social,
                        Referral::Administration,
                        Referral::Operator,
                        Referral::Procedures,
                    ])
                    .copied()
                } else if rng.chance(2) {
                    Some(Referral::DigitalHelp)
                } else {
                    None
                };
                let minutes = rng.pick(&[15u16, 30, 30, 45, 45, 45, 60, 90]).copied();
                let device = if rng.chance(85) {
                    Some(people[n].device)
                } else {
                    rng.pick(Device::ALL).copied()
                };
                let fields = HelpFields {
                    topic: Some(topic.to_string()),
                    device,
                    minutes: if rng.chance(95) { minutes } else { None },
                    autonomy: if rng.chance(93) { Some(autonomy) } else { None },
                    referred,
                };
                help_ops.push((
                    helper,
                    n,
                    Op::Help {
                        session,
                        helper: people[helper].id,
                        helped: people[n].id,
                        fields,
                    },
                ));
                groups.push(HelpGroup {
                    helper: people[helper].id,
                    helped: vec![people[n].id],
                    topic: topic.to_string(),
                });
                // Learning shows in the next self-assessment.
                if autonomy != Autonomy::FullyAccompanied || rng.chance(30) {
                    if let Some(l) = people[n].levels.get_mut(topic) {
                        if rng.chance(55) {
                            *l = (*l + 1).min(3);
                        }
                    }
                }
            }
        }
        groups.truncate(crate::model::limits::MAX_ITEMS);
        main_ops.push(Op::HelpGroups { session, groups });
        // The helper's phone notes the help; else the helped person's; else the animator.
        for (helper, helped, op) in help_ops {
            match writer_of(&people, helper).or_else(|| writer_of(&people, helped)) {
                Some(w) => own_ops.entry(w).or_default().push(op),
                None => main_ops.push(op),
            }
        }
        // Tips, votes and evaluations.
        for &n in &present {
            let w = writer_of(&people, n);
            let mut add = |op: Op, main_ops: &mut Vec<Op>| match w {
                Some(w) => own_ops.entry(w).or_default().push(op),
                None => main_ops.push(op),
            };
            let tip_chance = if people[n].track == Track::Confirmed {
                70
            } else {
                45
            };
            if n != 0 && rng.chance(tip_chance) {
                let known: Vec<&'static str> = people[n]
                    .levels
                    .iter()
                    .filter(|(_, l)| **l >= 2)
                    .map(|(t, _)| *t)
                    .collect();
                if let Some(topic) = rng.pick(&known).copied() {
                    if let Some((_, texts)) = TIPS.iter().find(|(t, _)| *t == topic) {
                        if let Some(text) = rng.pick(texts) {
                            add(
                                Op::Tip {
                                    tip: RecordId(rng.bytes16()),
                                    text: (*text).to_string(),
                                    topic: Some(topic.to_string()),
                                    session: Some(session),
                                    on: date,
                                },
                                &mut main_ops,
                            );
                        }
                    }
                }
            }
            if n != 0 && rng.chance(65) {
                let wanted: Vec<&'static str> = people[n].wants.iter().copied().collect();
                if let Some(topic) = rng.pick(&wanted) {
                    add(
                        Op::Vote {
                            session,
                            person: people[n].id,
                            topic: (*topic).to_string(),
                        },
                        &mut main_ops,
                    );
                }
            }
            if n != 0 && rng.chance(70) {
                let answers = (0..3).map(|_| 3 + rng.below(3) as u8).collect();
                add(
                    Op::Evaluation {
                        session,
                        person: people[n].id,
                        answers,
                    },
                    &mut main_ops,
                );
            }
        }
        // A difficulty with a service, noted about every other session.
        if rng.chance(60) {
            for _ in 0..1 + rng.below(2) {
                if let Some((service, area, whats)) = rng.pick(SERVICES) {
                    if let Some(what) = rng.pick(whats) {
                        let n = rng.pick(&present).copied().unwrap_or(0);
                        let op = Op::Difficulty {
                            id: RecordId(rng.bytes16()),
                            session: Some(session),
                            on: date,
                            service: (*service).to_string(),
                            area: *area,
                            what: (*what).to_string(),
                        };
                        match writer_of(&people, n) {
                            Some(w) => own_ops.entry(w).or_default().push(op),
                            None => main_ops.push(op),
                        }
                    }
                }
            }
        }
        // Self-assessments due by this session (asked aloud for those without a phone).
        for &n in present.iter().filter(|&&n| n != 0) {
            let due: Vec<Day> = people[n]
                .assessed_on
                .iter()
                .copied()
                .filter(|d| *d <= date)
                .collect();
            if due.is_empty() {
                continue;
            }
            people[n].assessed_on.retain(|d| *d > date);
            let skills = skills_of(&people[n], date);
            let op = Op::Skills {
                person: people[n].id,
                skills,
            };
            match writer_of(&people, n) {
                Some(w) => own_ops.entry(w).or_default().push(op),
                None => main_ops.push(op),
            }
        }
        write_all(&mut main, &animator_id, ms(date, 16), main_ops)?;
        for (n, ops) in own_ops {
            let person = &mut people[n];
            if let (Some(replica), Some(identity)) =
                (person.replica.as_mut(), person.identity.as_ref())
            {
                let changes = write_all(replica, identity, ms(date, 15), ops)?;
                person.outbox.extend(changes);
            }
        }
        // After the session, the animator scans every phone.
        let mut incoming = Vec::new();
        for person in &mut people {
            incoming.append(&mut person.outbox);
        }
        let report = main.merge(incoming, ms(date, 17));
        if !report.rejected.is_empty() || report.pending > 0 {
            return Err(ReportError::DemoRefused(
                report.rejected.len() + report.pending as usize,
            ));
        }
        // The next session of this track takes the most voted themes.
        let mut tally: BTreeMap<&str, usize> = BTreeMap::new();
        for (s, _, topic) in &main.record().votes {
            if *s == session {
                *tally.entry(topic.as_str()).or_insert(0) += 1;
            }
        }
        let mut ranked: Vec<(&str, usize)> = tally.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let next: Vec<String> = ranked
            .iter()
            .take(2)
            .map(|(t, _)| (*t).to_string())
            .collect();
        if !next.is_empty() {
            last_votes.insert(track, next);
        }
    }
    Ok(main)
}

fn pool_of(track: Track) -> &'static [&'static str] {
    match track {
        Track::Beginners => BEGINNER_TOPICS,
        Track::Confirmed => CONFIRMED_TOPICS,
    }
}

fn demo_facts(rng: &mut Rng, on: Day) -> Facts {
    let age_band = match rng.below(20) {
        0 => Some(AgeBand::From25To39),
        1..=2 => Some(AgeBand::From40To59),
        3..=7 => Some(AgeBand::From60To69),
        8..=14 => Some(AgeBand::From70To79),
        15..=17 => Some(AgeBand::From80),
        _ => None,
    };
    let gender = match rng.below(10) {
        0..=6 => Some(Gender::Female),
        7..=8 => Some(Gender::Male),
        _ => None,
    };
    Facts {
        age_band,
        gender,
        agreed_on: on,
    }
}

fn join_ops(person: &Person, nickname: &str, facts: Option<Facts>) -> Vec<Op> {
    let mut ops = vec![
        Op::MemberJoined {
            person: person.id,
            on: person.joined,
            has_phone: person.has_phone,
        },
        Op::MemberNickname {
            person: person.id,
            nickname: nickname.to_string(),
        },
        Op::CharterAccepted {
            person: person.id,
            version: 1,
            on: person.joined,
        },
    ];
    if let Some(identity) = &person.identity {
        ops.push(Op::MemberKeys {
            person: person.id,
            signer: identity.signer(),
            recipient: identity.recipient(),
        });
    }
    if let Some(facts) = facts {
        ops.push(Op::MemberFacts {
            person: person.id,
            facts: Some(facts),
        });
    }
    ops
}

/// A long history for benchmarks, written by one animator: `members` members, `sessions`
/// weekly sessions from January 2021, `help` help given spread over them, a tip per ten
/// help, votes, evaluations, difficulties and two self-assessments per member.
pub fn large_history(
    members: usize,
    sessions: usize,
    help: usize,
) -> Result<GroupRecord, ReportError> {
    Ok(large_replica(members, sessions, help)?.record().clone())
}

/// [`large_history`] as the animator's replica.
pub fn large_replica(members: usize, sessions: usize, help: usize) -> Result<Replica, ReportError> {
    Ok(large_replica_with_key(members, sessions, help)?.0)
}

/// [`large_replica`] and its animator's phone keys (to write more into it).
pub fn large_replica_with_key(
    members: usize,
    sessions: usize,
    help: usize,
) -> Result<(Replica, DeviceIdentity), ReportError> {
    let mut rng = Rng::new(0x6c61_7267_6521 ^ ((members as u64) << 32) ^ sessions as u64);
    let (anchor, animator_id, animator) = found(&mut rng)?;
    let mut main = Replica::new(anchor, animator);
    let start = day(2021, 1, 5)?;
    let topics: Vec<&str> = BEGINNER_TOPICS
        .iter()
        .chain(CONFIRMED_TOPICS)
        .copied()
        .collect();
    let members = members.max(2);
    let sessions = sessions.max(1);
    let ids: Vec<PersonId> = (0..members)
        .map(|n| {
            if n == 0 {
                animator
            } else {
                PersonId(rng.bytes16())
            }
        })
        .collect();
    let joined: Vec<Day> = (0..members)
        .map(|n| {
            if n < members / 5 {
                start
            } else {
                start.plus((n * sessions * 7 / members / 2) as u32)
            }
        })
        .collect();
    let mut ops = vec![
        Op::GroupName("Groupe de référence".into()),
        Op::MemberRole {
            person: animator,
            role: MemberRole::Animator,
        },
    ];
    for n in 0..members {
        ops.push(Op::MemberJoined {
            person: ids[n],
            on: joined[n],
            has_phone: n % 5 != 0,
        });
        ops.push(Op::MemberNickname {
            person: ids[n],
            nickname: format!("Membre {n}"),
        });
        if rng.chance(60) {
            ops.push(Op::MemberFacts {
                person: ids[n],
                facts: Some(demo_facts(&mut rng, joined[n])),
            });
        }
    }
    write_all(&mut main, &animator_id, ms(start, 8), ops)?;
    for n in 1..members {
        let mut skills = Vec::new();
        for step in 0..2u8 {
            let on = joined[n].plus(u32::from(step) * 180);
            let topics = topics
                .iter()
                .map(|t| {
                    let level = (rng.below(4) as u8 + step).min(3);
                    (
                        (*t).to_string(),
                        TopicLevel {
                            level,
                            stars: stars(level),
                            wants: level < 3 && rng.chance(25),
                        },
                    )
                })
                .collect();
            skills.push(Op::Skills {
                person: ids[n],
                skills: Skills { on, topics },
            });
        }
        write_all(&mut main, &animator_id, ms(start, 9), skills)?;
    }
    let mut remaining = help;
    for s in 0..sessions {
        let date = start.plus((s * 7) as u32);
        let session = RecordId(rng.bytes16());
        let track = if s % 2 == 0 {
            Track::Beginners
        } else {
            Track::Confirmed
        };
        let count = remaining / (sessions - s);
        remaining -= count;
        let mut ops = vec![
            Op::SessionPlan {
                session,
                date,
                place: "Salle".into(),
                track,
            },
            Op::SessionState {
                session,
                state: SessionState::Closed,
            },
        ];
        let eligible: Vec<usize> = (1..members).filter(|n| joined[*n] <= date).collect();
        let mut attended = BTreeSet::new();
        let mut pairs = BTreeSet::new();
        let mut tries = 0;
        while pairs.len() < count && tries < count * 20 + 20 {
            tries += 1;
            let (Some(&a), Some(&b)) = (rng.pick(&eligible), rng.pick(&eligible)) else {
                break;
            };
            if a == b || !pairs.insert((a, b)) {
                continue;
            }
            attended.insert(a);
            attended.insert(b);
            let topic = rng.pick(&topics).map(|t| (*t).to_string());
            ops.push(Op::Help {
                session,
                helper: ids[a],
                helped: ids[b],
                fields: HelpFields {
                    topic,
                    device: rng.pick(Device::ALL).copied(),
                    minutes: rng.pick(&[15u16, 30, 45, 60]).copied(),
                    autonomy: rng.pick(Autonomy::ALL).copied(),
                    referred: if rng.chance(4) {
                        rng.pick(Referral::ALL).copied()
                    } else {
                        None
                    },
                },
            });
            if rng.chance(10) {
                ops.push(Op::Tip {
                    tip: RecordId(rng.bytes16()),
                    text: "Une astuce notée pendant la séance.".into(),
                    topic: rng.pick(&topics).map(|t| (*t).to_string()),
                    session: Some(session),
                    on: date,
                });
            }
        }
        // What could not be placed (too few members yet) goes to the next sessions.
        remaining += count - pairs.len();
        for &n in &attended {
            ops.push(Op::Attend {
                session,
                person: ids[n],
            });
            if rng.chance(30) {
                ops.push(Op::Vote {
                    session,
                    person: ids[n],
                    topic: rng.pick(&topics).map_or("email", |t| t).to_string(),
                });
            }
            if rng.chance(30) {
                ops.push(Op::Evaluation {
                    session,
                    person: ids[n],
                    answers: vec![4, 5, 3],
                });
            }
        }
        if s % 2 == 0 {
            if let Some((service, area, whats)) = rng.pick(SERVICES) {
                ops.push(Op::Difficulty {
                    id: RecordId(rng.bytes16()),
                    session: Some(session),
                    on: date,
                    service: (*service).to_string(),
                    area: *area,
                    what: whats.first().copied().unwrap_or("—").to_string(),
                });
            }
        }
        write_all(&mut main, &animator_id, ms(date, 16), ops)?;
    }
    Ok((main, animator_id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tuesdays_are_tuesdays() {
        for month in 1..=12 {
            for nth in 1..=4 {
                let d = tuesday(2025, month, nth).unwrap_or(Day(0));
                assert_eq!(d.weekday(), 1);
                assert_eq!(d.ymd().1, month);
            }
        }
    }

    #[test]
    fn rng_is_deterministic() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        assert_eq!(a.next_u64(), b.next_u64());
        assert!(a.below(0) == 0 && a.pick::<u8>(&[]).is_none());
    }
}
