//! The page where a coordinator hands cases to another coordinator (`core::transfer::caseload`):
//! which cases can go, to whom, and which went and wait for the confirmation that they arrived.

use crate::caselist::case_label;
use woonkans_core::envelope::MessageType;
use woonkans_core::keys::Role;
use woonkans_core::vocab::{self, count};
use woonkans_core::workspace::Workspace;

/// The select's value for "every case of this vault".
pub const ALL: &str = "alle";

pub const INTRO: &str = "Draag zaken over aan een andere regisseur, bijvoorbeeld bij ziekte of \
     een andere baan: één zaak of alle zaken van deze kluis. Ze gaan in een envelop die alleen \
     die regisseur kan openen, met het bemiddelingsprofiel, de codes, de bundels, de reacties \
     van de corporaties, de gesprekken, de waarborgen en het verwerkingslog. Naam, BSN en adres \
     heeft u niet, dus die gaan ook niet mee.";

pub const WHAT_STAYS: &str = "Uw adresboek, het aanbod en uw instellingen gaan niet mee. De andere \
     regisseur bevestigt de sleutelkaarten van de corporaties zelf; hun codes blijven dezelfde, \
     zodat een corporatie de bewoner herkent.";

pub const AFTER_SENDING: &str = "Na het maken van de envelop staan de zaken niet meer in uw \
     werk. Ze blijven apart bewaard tot u hieronder bevestigt dat de andere regisseur de \
     envelop heeft geopend; dan worden ze uit deze kluis verwijderd. Is de envelop niet \
     aangekomen, dan zet u ze terug.";

pub const NO_COORDINATOR: &str = "Er staat nog geen bevestigde sleutelkaart van een andere \
     regisseur in uw adresboek. Importeer en bevestig die bij ‘Sleutels en adresboek’; zonder \
     ontvanger gaat er niets weg.";

pub const NO_CASES: &str = "Deze kluis heeft geen zaken om over te dragen.";

pub const NOT_HERE: &str = "Zaken overdragen aan een andere regisseur hoort bij de kluis van de \
     regisseur.";

pub const CONFIRMATION: &str = "De andere regisseur heeft de overdracht geopend; verwijder deze \
     zaken uit deze kluis.";

/// Zaken overgedragen en nog niet verwijderd: one line per envelope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MovedLine {
    pub envelope_id: String,
    pub sentence: String,
    pub cases: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseloadPage {
    /// (value, label) for the choice of what goes: every case, then each case alone.
    pub choices: Vec<(String, String)>,
    /// Confirmed coordinators of the contact book other than this vault: (fingerprint, name).
    pub recipients: Vec<(String, String)>,
    pub moved: Vec<MovedLine>,
}

/// The page, or `None` for a vault whose role does not hand cases to a coordinator.
pub fn page(ws: &Workspace) -> Option<CaseloadPage> {
    if !ws
        .role()
        .is_some_and(|r| r.sends().contains(&MessageType::OverdrachtRegisseur))
    {
        return None;
    }
    let cases = ws.cases();
    let mut choices = Vec::new();
    if !cases.is_empty() {
        choices.push((
            ALL.to_string(),
            format!("Alle zaken van deze kluis ({})", cases.len()),
        ));
    }
    choices.extend(cases.iter().map(|c| (c.dossier.id.clone(), case_label(c))));
    let own = ws.parties().keys().map(|k| k.card().fingerprint());
    let recipients = ws
        .parties()
        .contacts()
        .contacts()
        .iter()
        .filter(|c| c.confirmed && c.card.identity.role == Role::Regisseur)
        .filter(|c| Some(c.fingerprint()) != own)
        .map(|c| {
            (
                c.fingerprint().to_string(),
                c.card.identity.organisation.clone(),
            )
        })
        .collect();
    let moved = ws
        .parties()
        .moved_out()
        .iter()
        .map(|m| MovedLine {
            envelope_id: m.envelope_id.clone(),
            sentence: format!(
                "{} op {} overgedragen aan {}.",
                count(m.cases.len(), "zaak", "zaken"),
                vocab::date(m.on),
                m.to
            ),
            cases: m.cases.iter().map(case_label).collect(),
        })
        .collect();
    Some(CaseloadPage {
        choices,
        recipients,
        moved,
    })
}

/// The case ids a choice of the select stands for.
pub fn chosen(ws: &Workspace, choice: &str) -> Vec<String> {
    if choice == ALL {
        ws.cases().iter().map(|c| c.dossier.id.clone()).collect()
    } else {
        ws.case(choice)
            .map(|c| vec![c.dossier.id.clone()])
            .unwrap_or_default()
    }
}

pub fn sent_message(cases: usize, to: &str, file_name: &str) -> String {
    format!(
        "{} versleuteld voor {to}, door u ondertekend en gedownload als {file_name}. Stuur deze \
         envelop zelf naar de andere regisseur en vraag of die hem heeft geopend.",
        count(cases, "zaak is", "zaken zijn")
    )
}

pub fn erased_message(cases: usize) -> String {
    format!(
        "{} uit deze kluis verwijderd. Het verwerkingslog houdt vast dat en wanneer ze zijn \
         overgedragen.",
        count(cases, "overgedragen zaak is", "overgedragen zaken zijn")
    )
}

pub fn taken_back_message(cases: usize) -> String {
    format!(
        "{} terug in uw werk.",
        count(cases, "zaak staat", "zaken staan")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use woonkans_core::date::Date;
    use woonkans_core::fixtures::{introduce, role_vault};

    fn today() -> Date {
        Date::new(2026, 11, 2).unwrap()
    }

    fn typed_case(ws: &mut Workspace, id: &str) {
        let age = woonkans_core::profile::AgeBand::From23To27;
        ws.add_typed_case(
            id,
            woonkans_core::fixtures::typed_intake("Venlo", age, today()),
            "t",
        )
        .unwrap();
    }

    #[test]
    fn the_page_offers_every_case_or_one_to_a_confirmed_other_coordinator() {
        let mut regie = role_vault(Role::Regisseur, "Ketenregie Noord", 13, today());
        assert!(page(&regie).unwrap().choices.is_empty());
        typed_case(&mut regie, "zk-1");
        typed_case(&mut regie, "zk-2");
        let p = page(&regie).unwrap();
        assert_eq!(
            p.choices[0],
            (ALL.into(), "Alle zaken van deze kluis (2)".into())
        );
        assert_eq!(p.choices[1].1, "Dossiernummer zk-1, gemeente Venlo");
        assert_eq!(chosen(&regie, ALL), ["zk-1", "zk-2"]);
        assert_eq!(chosen(&regie, "zk-2"), ["zk-2"]);
        assert!(chosen(&regie, "zk-9").is_empty());
        assert!(p.recipients.is_empty());
        // Only a confirmed coordinator is a recipient; a Wmo consultant is not.
        let mut other = role_vault(Role::Regisseur, "Procesregie Noord", 14, today());
        let mut wmo = role_vault(Role::WmoConsulent, "Wmo Venlo", 12, today());
        introduce(&mut regie, &mut other, today());
        introduce(&mut regie, &mut wmo, today());
        let p = page(&regie).unwrap();
        assert_eq!(p.recipients.len(), 1);
        assert_eq!(p.recipients[0].1, "Procesregie Noord");
        // After sending: the line that waits for the confirmation.
        let fp = woonkans_core::keys::Fingerprint::parse(&p.recipients[0].0).unwrap();
        regie
            .seal_caseload(&chosen(&regie, ALL), fp, [1; 16], [2; 32], today(), "t")
            .unwrap();
        let p = page(&regie).unwrap();
        assert!(p.choices.is_empty());
        assert_eq!(
            p.moved[0].sentence,
            "2 zaken op 02-11-2026 overgedragen aan Procesregie Noord."
        );
        assert_eq!(p.moved[0].cases.len(), 2);
    }

    #[test]
    fn other_roles_have_no_page() {
        for role in [
            Role::Zorgaanbieder,
            Role::WmoConsulent,
            Role::Woningcorporatie,
        ] {
            assert!(
                page(&role_vault(role, "Org", 3, today())).is_none(),
                "{role:?}"
            );
        }
        assert!(page(&woonkans_core::fixtures::workspace()).is_none());
    }

    #[test]
    fn the_messages_count_in_dutch() {
        assert!(
            sent_message(1, "Procesregie", "x.envelop.json").starts_with("1 zaak is versleuteld")
        );
        assert!(erased_message(3).starts_with("3 overgedragen zaken zijn uit"));
        assert_eq!(taken_back_message(1), "1 zaak staat terug in uw werk.");
    }
}
