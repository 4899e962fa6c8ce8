//! The demo group offered on the first screen ("Try with a demo group"): made-up people,
//! so a newcomer or a trainer can explore every screen without creating anything.

/// A made-up member of the demo group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoMember {
    /// A random-looking stable id, as real members have.
    pub id: &'static str,
    /// The nickname shown on screen.
    pub nickname: &'static str,
    /// Whether this person leads the group.
    pub animator: bool,
}

/// The demo group's members, animator first.
pub fn members() -> &'static [DemoMember] {
    const MEMBERS: &[DemoMember] = &[
        DemoMember {
            id: "d-01",
            nickname: "Nadia",
            animator: true,
        },
        DemoMember {
            id: "d-02",
            nickname: "Martine",
            animator: false,
        },
        DemoMember {
            id: "d-03",
            nickname: "Paul",
            animator: false,
        },
        DemoMember {
            id: "d-04",
            nickname: "Yvette",
            animator: false,
        },
        DemoMember {
            id: "d-05",
            nickname: "Ahmed",
            animator: false,
        },
        DemoMember {
            id: "d-06",
            nickname: "Josiane",
            animator: false,
        },
        DemoMember {
            id: "d-07",
            nickname: "Bernard",
            animator: false,
        },
        DemoMember {
            id: "d-08",
            nickname: "Colette",
            animator: false,
        },
    ];
    MEMBERS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_animator_and_unique_ids() {
        let m = members();
        assert_eq!(m.iter().filter(|p| p.animator).count(), 1);
        let mut ids: Vec<_> = m.iter().map(|p| p.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), m.len());
    }
}
