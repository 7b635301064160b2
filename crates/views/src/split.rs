//! The page that splits a vault made before roles (`core::split`): what stays, what goes to the
//! Wmo consultant, to whom it can go, and where the split stands.

use crate::caselist::label;
use woonkans_core::date::Date;
use woonkans_core::keys::Role;
use woonkans_core::workspace::Workspace;

/// One case on the page: its id (for the link) and its name as this vault still holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseLine {
    pub id: String,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitPage {
    /// Cases that stay as step-4 cases, without name, BSN, address, income or health.
    pub keeps: Vec<CaseLine>,
    /// Cases that leave this vault: their whole dossier goes to the Wmo consultant.
    pub leaves: Vec<CaseLine>,
    /// Confirmed Wmo consultants of the contact book: (fingerprint, "organisation").
    pub recipients: Vec<(String, String)>,
    /// When the teruggave was made, if it was.
    pub exported_at: Option<String>,
}

pub const EXPLANATION: &str = "Sinds de rollen houdt elke partij alleen de gegevens van haar \
     eigen stappen. Deze kluis is gemaakt voordat er rollen waren en bevat nog namen, BSN's, \
     adressen, inkomens en gezondheidsgegevens, die bij de Wmo-consulent horen. Splitsen gaat \
     in twee stappen: eerst maakt u een teruggave, een versleutelde envelop met alle dossiers \
     voor de Wmo-consulent. Pas als die de envelop heeft geopend, bevestigt u hier het \
     splitsen; dan verwijdert de app die gegevens uit deze kluis en wordt dit de kluis van de \
     regisseur.";

pub const NO_WMO_CONTACT: &str = "Er staat nog geen bevestigde sleutelkaart van een \
     Wmo-consulent in uw adresboek. Importeer en bevestig die bij ‘Sleutels en adresboek’; \
     zonder ontvanger gaat er niets weg.";

pub const CONFIRMATION: &str = "De Wmo-consulent heeft de teruggave ontvangen en geopend; \
     verwijder de gegevens van stap 1 tot en met 3 uit deze kluis.";

/// The page, or `None` when this vault has nothing to split.
pub fn page(ws: &Workspace, today: Date) -> Option<SplitPage> {
    let plan = ws.split_plan(today).ok()?;
    let line = |id: &String| CaseLine {
        id: id.clone(),
        label: ws.case(id).map(|c| label(&c.dossier)).unwrap_or_default(),
    };
    let recipients = ws
        .parties()
        .contacts()
        .contacts()
        .iter()
        .filter(|c| c.confirmed && c.card.identity.role == Role::WmoConsulent)
        .map(|c| {
            (
                c.fingerprint().to_string(),
                c.card.identity.organisation.clone(),
            )
        })
        .collect();
    Some(SplitPage {
        keeps: plan.keeps.iter().map(line).collect(),
        leaves: plan.leaves.iter().map(line).collect(),
        recipients,
        exported_at: ws.settings().split_export.as_ref().map(|e| e.at.clone()),
    })
}

/// What the split did, in one sentence.
pub fn done_message(kept: usize, left: usize) -> String {
    format!(
        "De kluis is gesplitst: {} als regisseursdossier zonder identiteit, {} naar de Wmo-consulent en uit deze kluis verwijderd. Deze kluis is nu van de regisseur.",
        woonkans_core::vocab::count(kept, "dossier blijft", "dossiers blijven"),
        woonkans_core::vocab::count(left, "dossier is", "dossiers zijn"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use woonkans_core::fixtures::{self, RESIDENTS, introduce, role_vault};

    fn today() -> Date {
        Date::new(2026, 11, 2).unwrap()
    }

    #[test]
    fn the_page_lists_what_stays_what_goes_and_to_whom() {
        let mut old = fixtures::workspace();
        fixtures::add_ready_case(&mut old, "oud1", &RESIDENTS[0]);
        fixtures::add_ready_case(&mut old, "oud2", &RESIDENTS[1]);
        old.add_case("oud3").unwrap();
        fixtures::coordinator_keys(&mut old, today());
        let p = page(&old, today()).unwrap();
        assert_eq!(
            p.keeps.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(),
            ["oud1", "oud2"]
        );
        assert_eq!(p.keeps[1].label, "Noël Johannes van der Berg");
        assert_eq!(p.leaves[0].label, "naam nog niet ingevuld");
        assert!(p.recipients.is_empty() && p.exported_at.is_none());
        // Only confirmed Wmo consultants are recipients; a care provider is not.
        let mut wmo = role_vault(Role::WmoConsulent, "Wmo Venlo", 12, today());
        let mut zorg = role_vault(Role::Zorgaanbieder, "De Brug", 11, today());
        introduce(&mut old, &mut wmo, today());
        introduce(&mut old, &mut zorg, today());
        let p = page(&old, today()).unwrap();
        assert_eq!(p.recipients.len(), 1);
        assert_eq!(p.recipients[0].1, "Wmo Venlo");
    }

    #[test]
    fn a_vault_with_a_role_has_no_page() {
        let regie = role_vault(Role::Regisseur, "Ketenregie", 13, today());
        assert!(page(&regie, today()).is_none());
        assert!(page(&fixtures::workspace(), today()).is_none());
    }

    #[test]
    fn the_done_message_counts() {
        assert!(done_message(2, 1).starts_with("De kluis is gesplitst: 2 dossiers blijven"));
        assert!(done_message(1, 0).contains("1 dossier blijft"));
    }
}
