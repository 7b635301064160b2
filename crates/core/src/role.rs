//! The party a vault acts for, and what that party may hold, do and send (PARTIES.md, "Roles").
//!
//! A vault is created for one role. Every screen and every stored shape follows from the answers
//! here, so a role's reach is decided once: which steps of the register it works on, which
//! envelopes it makes and which it opens.

use crate::envelope::MessageType;
use crate::region::{CoordinatorRole, Region};
use crate::register::Step;
use crate::vocab::Dutch;
use serde::{Deserialize, Serialize};

/// The party a vault acts for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Role {
    Zorgaanbieder,
    WmoConsulent,
    Regisseur,
    Woningcorporatie,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Zorgaanbieder,
        Role::WmoConsulent,
        Role::Regisseur,
        Role::Woningcorporatie,
    ];

    /// The steps of the routeplanner whose data this role processes (the register's rows).
    /// The care provider registers the resident (1) and hands the lease data over with the
    /// resident (6); the Wmo consultant does the access conversation (2) and the investigation
    /// (3); the coordinator builds the profile (4) and leads the talks (5); an association reads
    /// coded profiles (5) and receives the lease data (6).
    pub fn steps(self) -> &'static [Step] {
        match self {
            Role::Zorgaanbieder => &[Step::Orientation, Step::Agreement],
            Role::WmoConsulent => &[Step::WmoReport, Step::Investigation],
            Role::Regisseur => &[Step::PlacementProfile, Step::AssociationTalks],
            Role::Woningcorporatie => &[Step::AssociationTalks, Step::Agreement],
        }
    }

    pub fn works_on(self, step: Step) -> bool {
        self.steps().contains(&step)
    }

    /// The envelopes this role makes.
    pub fn sends(self) -> &'static [MessageType] {
        match self {
            Role::Zorgaanbieder => &[MessageType::Aanmelding, MessageType::Huurgegevens],
            Role::WmoConsulent => &[MessageType::Overdracht],
            Role::Regisseur => &[
                MessageType::Bundel,
                MessageType::Koppeling,
                MessageType::OverdrachtRegisseur,
                MessageType::Afmelding,
            ],
            Role::Woningcorporatie => &[MessageType::Reactie],
        }
    }

    /// The envelopes this role opens: exactly those another role sends to it.
    pub fn receives(self) -> &'static [MessageType] {
        match self {
            Role::Zorgaanbieder => &[MessageType::Koppeling],
            Role::WmoConsulent => &[MessageType::Aanmelding, MessageType::Teruggave],
            Role::Regisseur => &[
                MessageType::Overdracht,
                MessageType::Reactie,
                MessageType::OverdrachtRegisseur,
            ],
            Role::Woningcorporatie => &[
                MessageType::Bundel,
                MessageType::Koppeling,
                MessageType::Huurgegevens,
                MessageType::Afmelding,
            ],
        }
    }

    /// Whether this role keeps the resident's own dossier (name, address and the rest of
    /// steps 1-3). The coordinator and the associations never do.
    pub fn keeps_dossiers(self) -> bool {
        matches!(self, Role::Zorgaanbieder | Role::WmoConsulent)
    }

    /// One sentence for the role choice: what a vault of this role holds.
    pub fn description(self) -> &'static str {
        match self {
            Role::Zorgaanbieder => {
                "Meldt de inwoner aan (stap 1) en geeft bij stap 6 samen met de inwoner de \
                 huurgegevens aan de corporatie."
            }
            Role::WmoConsulent => {
                "Voert het toegangsgesprek en het onderzoek (stap 2 en 3) en draagt het dossier \
                 zonder naam, BSN of gezondheid over aan de regisseur."
            }
            Role::Regisseur => {
                "Maakt het plaatsingsprofiel (stap 4) en voert de gesprekken met de corporaties \
                 (stap 5), alleen met gecodeerde gegevens: nooit naam, BSN of adres."
            }
            Role::Woningcorporatie => {
                "Ontvangt gecodeerde profielen, reageert per code en ontvangt bij stap 6 de \
                 huurgegevens."
            }
        }
    }
}

impl Dutch for Role {
    fn dutch(&self) -> &'static str {
        match self {
            Role::Zorgaanbieder => "Zorgaanbieder",
            Role::WmoConsulent => "Wmo-consulent",
            Role::Regisseur => "Regisseur",
            Role::Woningcorporatie => "Woningcorporatie",
        }
    }
}

/// The title a vault shows in its header: the coordinator is a Ketenregisseur or a
/// Procesregisseur by region, unless the settings name another (Noord-Limburg may get a
/// Procesregisseur of its own).
pub fn title(
    role: Role,
    region: Option<Region>,
    coordinator: Option<CoordinatorRole>,
) -> &'static str {
    match role {
        Role::Regisseur => match coordinator.or(region.map(Region::role)) {
            Some(c) => c.name(),
            None => Role::Regisseur.dutch(),
        },
        other => other.dutch(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_has_a_role_and_only_step_five_and_six_are_shared() {
        for step in Step::ALL {
            let holders: Vec<Role> = Role::ALL.into_iter().filter(|r| r.works_on(step)).collect();
            assert!(!holders.is_empty(), "{step:?}");
            let shared = matches!(step, Step::AssociationTalks | Step::Agreement);
            assert_eq!(holders.len() > 1, shared, "{step:?}: {holders:?}");
        }
    }

    #[test]
    fn every_envelope_has_one_sender_role_and_is_received_by_another() {
        use MessageType::*;
        // The teruggave comes from a vault made before roles, which has none.
        assert!(Role::ALL.iter().all(|r| !r.sends().contains(&Teruggave)));
        assert!(Role::WmoConsulent.receives().contains(&Teruggave));
        for kind in [
            Aanmelding,
            Overdracht,
            Bundel,
            Reactie,
            Koppeling,
            Huurgegevens,
            OverdrachtRegisseur,
        ] {
            let senders: Vec<Role> = Role::ALL
                .into_iter()
                .filter(|r| r.sends().contains(&kind))
                .collect();
            let receivers: Vec<Role> = Role::ALL
                .into_iter()
                .filter(|r| r.receives().contains(&kind))
                .collect();
            assert_eq!(senders.len(), 1, "{kind:?}");
            assert!(!receivers.is_empty(), "{kind:?}");
            // Only a caseload moves between two coordinators.
            if kind != OverdrachtRegisseur {
                assert!(!receivers.contains(&senders[0]), "{kind:?}");
            }
        }
    }

    #[test]
    fn only_the_first_three_steps_keep_a_dossier() {
        for role in Role::ALL {
            let early = role
                .steps()
                .iter()
                .any(|s| matches!(s, Step::Orientation | Step::WmoReport | Step::Investigation));
            assert_eq!(role.keeps_dossiers(), early, "{role:?}");
        }
    }

    #[test]
    fn the_coordinator_title_follows_the_region_unless_set() {
        assert_eq!(
            title(Role::Regisseur, Some(Region::NoordLimburg), None),
            "Ketenregisseur"
        );
        assert_eq!(
            title(Role::Regisseur, Some(Region::MiddenLimburg), None),
            "Procesregisseur"
        );
        assert_eq!(
            title(
                Role::Regisseur,
                Some(Region::NoordLimburg),
                Some(CoordinatorRole::Procesregisseur)
            ),
            "Procesregisseur"
        );
        assert_eq!(
            title(Role::Woningcorporatie, Some(Region::NoordLimburg), None),
            "Woningcorporatie"
        );
    }
}
