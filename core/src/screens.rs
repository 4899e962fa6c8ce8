//! The screens of the journeys (brief §3): one list shared by the router, the navigation bar
//! and the tests, so a screen cannot be added to one and forgotten in another.

/// One screen of the app, in the order it appears in the navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Screen {
    /// First screen: what Entraide is, start or try the demo group.
    Home,
    /// The participant's self-assessment and results.
    Skills,
    /// The group: members, charter, invitation.
    Group,
    /// Today's session: check-in, needs, help groups, timer, help logged.
    Session,
    /// Showing and scanning QR codes, the only way data moves between phones.
    Exchange,
    /// Figures for funders, charts, print and CSV.
    Reports,
    /// Language, lock, backup, delete everything.
    Settings,
}

impl Screen {
    /// Every screen, in navigation order.
    pub const ALL: [Screen; 7] = [
        Screen::Home,
        Screen::Skills,
        Screen::Group,
        Screen::Session,
        Screen::Exchange,
        Screen::Reports,
        Screen::Settings,
    ];

    /// The path of the screen in the app's router.
    pub fn path(self) -> &'static str {
        match self {
            Screen::Home => "/",
            Screen::Skills => "/skills",
            Screen::Group => "/group",
            Screen::Session => "/session",
            Screen::Exchange => "/exchange",
            Screen::Reports => "/reports",
            Screen::Settings => "/settings",
        }
    }

    /// A stable identifier (used for test ids and screenshot names).
    pub fn id(self) -> &'static str {
        match self {
            Screen::Home => "home",
            Screen::Skills => "skills",
            Screen::Group => "group",
            Screen::Session => "session",
            Screen::Exchange => "exchange",
            Screen::Reports => "reports",
            Screen::Settings => "settings",
        }
    }

    /// The screen shown at `path`, ignoring a trailing slash; `None` for an unknown path.
    pub fn from_path(path: &str) -> Option<Screen> {
        let trimmed = path.trim_end_matches('/');
        let wanted = if trimmed.is_empty() { "/" } else { trimmed };
        Screen::ALL.into_iter().find(|s| s.path() == wanted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_path_maps_back_to_its_screen() {
        for s in Screen::ALL {
            assert_eq!(Screen::from_path(s.path()), Some(s));
            assert_eq!(Screen::from_path(&format!("{}/", s.path())), Some(s));
        }
        assert_eq!(Screen::from_path("/nowhere"), None);
    }

    #[test]
    fn ids_and_paths_are_unique() {
        let mut ids: Vec<_> = Screen::ALL.iter().map(|s| s.id()).collect();
        let mut paths: Vec<_> = Screen::ALL.iter().map(|s| s.path()).collect();
        ids.sort_unstable();
        ids.dedup();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(ids.len(), Screen::ALL.len());
        assert_eq!(paths.len(), Screen::ALL.len());
    }
}
