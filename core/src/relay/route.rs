//! Which relays a sensitive need points to: the places of the directory that handle what
//! the topic asks for (administrative procedures for the public-service sites, the same
//! and safe use of digital tools for money matters), those of the national programmes
//! that do it (France Services, Aidants Connect) first.

use super::directory::Relay;

/// The schema services that take over a need on `topic`, most fitting first. A topic the
/// catalog does not name (an animator's own sensitive topic) goes to administrative help.
pub fn services_for(topic: &str) -> &'static [&'static str] {
    match topic {
        "online_payment" => &[
            "Aide aux démarches administratives",
            "Utilisation sécurisée du numérique",
        ],
        _ => &["Aide aux démarches administratives"],
    }
}

/// Programmes whose places take over procedures on a person's behalf, with a mandate.
const TAKING_OVER: [&str; 2] = ["France Services", "Aidants Connect"];

/// The relays of `relays` for a need on `topic`: those handling one of its services,
/// ranked by the first service they handle, then programme, then name. Empty when none
/// does (the screen then lists the whole directory).
pub fn relays_for<'a>(topic: &str, relays: impl IntoIterator<Item = &'a Relay>) -> Vec<&'a Relay> {
    let services = services_for(topic);
    let mut ranked: Vec<(usize, bool, &Relay)> = relays
        .into_iter()
        .filter_map(|relay| {
            let rank = services.iter().position(|s| relay.handles(s))?;
            let programme = relay
                .programmes
                .iter()
                .any(|p| TAKING_OVER.contains(&p.as_str()));
            Some((rank, !programme, relay))
        })
        .collect();
    ranked.sort_by(|a, b| (a.0, a.1, &a.2.name, &a.2.id).cmp(&(b.0, b.1, &b.2.name, &b.2.id)));
    ranked.into_iter().map(|(_, _, r)| r).collect()
}
