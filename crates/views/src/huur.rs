//! Step 6 on screen: the care provider's huurgegevens form (typed with the resident once the
//! koppeling brought the accepted match) and what an association shows of huurgegevens it
//! received. Whether they may be made, and every check, are the core's
//! (`Workspace::record_lease_data`, `Workspace::seal_huurgegevens`).

use woonkans_core::dossier::DocumentKind;
use woonkans_core::handover::GRONDSLAG;
use woonkans_core::profile::Gender;
use woonkans_core::role::Role;
use woonkans_core::transfer::{Huurgegevens, LeaseInput};
use woonkans_core::vocab::{self, Dutch};
use woonkans_core::workspace::{Case, Workspace};

pub const HEADING: &str = "Huurgegevens aan de corporatie";
pub const INTRO: &str = "Vul samen met de inwoner de gegevens in die de corporatie voor het \
     huurcontract nodig heeft. Naam, adres en contactgegevens komen uit stap 1. De huurgegevens \
     gaan als envelop naar de corporatie die de match aanvaardde: versleuteld voor haar sleutel \
     en door u ondertekend. U downloadt de envelop en brengt hem zelf over.";
pub const BUTTON: &str = "Huurgegevens maken";
pub const PRINT_BUTTON: &str = "Afdrukken voor het huurdossier";
pub const PRINT_INTRO: &str = "Overdracht in stap 6 van Woonkans, voor de huurovereenkomst: \
     alleen deze gegevens, alleen aan de corporatie waarmee de match is aanvaard. Bewaar deze \
     afdruk bij het huurdossier en niet langer dan daarvoor nodig is.";
pub const NO_CONTACT: &str = "De corporatie waarmee de match is aanvaard, staat nog niet \
     bevestigd in uw adresboek. Importeer haar sleutelkaart en bevestig de vingerafdruk; daarna \
     kunt u hier de huurgegevens maken.";
pub const BIRTH_DATE_LABEL: &str = "Geboortedatum";
pub const BIRTH_DATE_HINT: &str = "Als dd-mm-jjjj, bijvoorbeeld 12-03-2001.";
pub const GENDER_LABEL: &str = "Geslacht";
pub const BSN_LABEL: &str = "BSN";
pub const DOCUMENTS_LEGEND: &str = "Documenten die de inwoner nu overhandigt";
pub const CONFIRMED_BY_LABEL: &str = "Bevestigd door";
pub const CONFIRMED_BY_HINT: &str =
    "Uw naam en organisatie, bijvoorbeeld ‘S. Verhoeven, De Brug Zorg’.";

/// Whether the dossier page offers step 6 for `case`: only in the care provider's vault, and
/// only once a koppeling recorded the accepted match with the association's code.
pub fn lease_step(ws: &Workspace, case: &Case) -> bool {
    ws.role() == Some(Role::Zorgaanbieder)
        && case.accepted.as_ref().is_some_and(|a| a.code.is_some())
}

/// The line above the form: with which association the match was accepted.
pub fn matched_with(case: &Case) -> Option<String> {
    let a = case.accepted.as_ref()?;
    let name = a.association_name.as_deref().unwrap_or(&a.association_id);
    Some(format!(
        "De match met {name} is aanvaard op {}.",
        vocab::date(a.date)
    ))
}

/// The care provider's line under it: what was agreed at step 5, as the koppeling brought it.
pub fn agreed_with(case: &Case) -> Option<String> {
    case.accepted.as_ref()?;
    let list: Vec<_> = case.safeguards.iter().copied().collect();
    Some(crate::talks::agreed_safeguards(&list))
}

/// The confirmation the care provider ticks, naming the grondslag.
/// The confirmed contacts the huurgegevens can go to: only the association of the accepted
/// match (its card carries the id the koppeling names); the core refuses any other.
pub fn lease_recipients(ws: &Workspace, case: &Case) -> Vec<crate::transfers::Recipient> {
    let Some(id) = case.accepted.as_ref().map(|a| a.association_id.as_str()) else {
        return Vec::new();
    };
    let ids: Vec<String> = ws
        .parties()
        .contacts()
        .contacts()
        .iter()
        .filter(|c| c.card.identity.organisation_id == id)
        .map(|c| c.fingerprint().to_string())
        .collect();
    crate::transfers::recipients(ws, Role::Woningcorporatie)
        .into_iter()
        .filter(|r| ids.contains(&r.value))
        .collect()
}

pub fn confirm_label() -> String {
    format!(
        "De inwoner geeft deze gegevens zelf af voor de huurovereenkomst, op de grondslag \
         ‘{GRONDSLAG}’."
    )
}

pub fn gender_options() -> Vec<(String, String)> {
    crate::select::options(&Gender::ALL, "Kies")
}

pub fn document_choices() -> Vec<(DocumentKind, &'static str)> {
    DocumentKind::ALL.iter().map(|k| (*k, k.dutch())).collect()
}

/// The form's fields as the core's input; the core says what is wrong with them.
pub fn lease_input(
    birth_date: &str,
    gender: &str,
    bsn: &str,
    documents: &[DocumentKind],
    missing_reason: &str,
) -> LeaseInput {
    LeaseInput {
        birth_date: birth_date.trim().to_string(),
        gender: crate::select::from_key(gender),
        bsn: bsn.trim().to_string(),
        documents: documents.to_vec(),
        missing_reason: crate::select::from_key(missing_reason),
    }
}

pub const MISSING_LABEL: &str =
    "Als er nog een document ontbreekt: waarom gaan de huurgegevens toch nu?";
pub const MISSING_HINT: &str = "Voor het huurcontract zijn de verhuurdersverklaring, het \
     BRP-uittreksel en de inkomensverklaring nodig, en onder bewindvoering de beschikking. \
     Ontbreekt er een, dan gaan de huurgegevens alleen met een reden; die komt in de huurgegevens \
     en in de verwerkingslog van u en de corporatie.";

/// The reasons for a hand-over without every document, the empty choice first.
pub fn missing_reason_options() -> Vec<(String, String)> {
    crate::select::options(
        &woonkans_core::dossier::MissingDocumentsReason::ALL,
        "Er ontbreekt niets",
    )
}

/// The form's starting values from what the dossier already holds (typed before).
pub fn prefilled(case: &Case) -> (String, String, String, Vec<DocumentKind>, String) {
    let d = &case.dossier;
    (
        d.birth_date.map(vocab::date).unwrap_or_default(),
        d.gender.map(|g| crate::select::key(&g)).unwrap_or_default(),
        d.bsn.clone().unwrap_or_default(),
        DocumentKind::ALL
            .into_iter()
            .filter(|k| {
                d.documents.get(*k).status == woonkans_core::dossier::DocumentStatus::Received
            })
            .collect(),
        d.documents
            .missing_reason
            .map(|r| crate::select::key(&r))
            .unwrap_or_default(),
    )
}

/// One code's huurgegevens as the association's list shows them (the latest version).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeptRow {
    pub code: String,
    pub from: String,
    /// "07-12-2026 14:05".
    pub received: String,
}

/// The huurgegevens this association keeps, one row per code (the latest), in the order they
/// first came in.
pub fn kept_rows(ws: &Workspace) -> Vec<KeptRow> {
    let mut codes: Vec<&str> = Vec::new();
    for h in ws.parties().huurgegevens() {
        let code = h.huurgegevens.code();
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
        .into_iter()
        .filter_map(|code| {
            let h = ws.parties().huurgegevens_for(code)?;
            Some(KeptRow {
                code: code.to_string(),
                from: h.organisation.clone(),
                received: vocab::datetime(&h.at),
            })
        })
        .collect()
}

/// One koppeling the association received: the code, who supports the resident, since when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KoppelingRow {
    pub code: String,
    pub care_provider: String,
    pub accepted: String,
    pub received: String,
    /// The safeguards agreed at step 5, in one sentence.
    pub safeguards: String,
}

pub fn koppeling_rows(ws: &Workspace) -> Vec<KoppelingRow> {
    ws.parties()
        .koppelingen()
        .iter()
        .map(|k| KoppelingRow {
            code: k.koppeling.code.clone(),
            care_provider: k
                .koppeling
                .care_provider
                .as_ref()
                .map(|c| c.organisation.clone())
                .unwrap_or_default(),
            accepted: vocab::date(k.koppeling.accepted),
            received: vocab::datetime(&k.at),
            safeguards: crate::talks::agreed_safeguards(&k.koppeling.safeguards),
        })
        .collect()
}

pub const RECEIVED_TITLE: &str = "Ontvangen koppelingen en huurgegevens";
pub const KOPPELINGEN_CAPTION: &str = "Koppelingen: bij welke code welke zorgaanbieder hoort";
pub const KEPT_CAPTION: &str = "Huurgegevens";
pub const KEPT_EMPTY: &str = "Er zijn geen huurgegevens in deze kluis.";
pub const ERASE_INTRO: &str = "Huurgegevens zijn gegeven voor het huurcontract. Wis ze hier \
     zodra het contract in uw eigen administratie staat, of als de plaatsing niet doorgaat. In de \
     verwerkingslog blijft alleen staan dat ze zijn gewist, onder de code.";
pub const ERASE: &str = "Wissen";
pub const ERASE_CONFIRM: &str = "Ja, definitief wissen";
pub const ERASE_CANCEL: &str = "Annuleren";
pub const SHOW: &str = "Bekijken";

/// "De huurgegevens van code … worden gewist. Dit kan niet ongedaan worden gemaakt."
pub fn erase_question(code: &str) -> String {
    format!("De huurgegevens van code {code} worden gewist. Dit kan niet ongedaan worden gemaakt.")
}

pub fn erased_message(code: &str) -> String {
    format!("De huurgegevens van code {code} zijn gewist.")
}

/// The heading of huurgegevens an association received, by the code it knows the resident by.
pub fn received_heading(code: &str) -> String {
    format!("Huurgegevens voor code {code}")
}

/// The rows an association shows of huurgegevens it received.
pub fn received_rows(h: &Huurgegevens) -> Vec<(&'static str, String)> {
    let n = h.name();
    let name = [
        n.first_names.as_str(),
        n.tussenvoegsel.as_str(),
        n.surname.as_str(),
    ]
    .into_iter()
    .filter(|s| !s.trim().is_empty())
    .collect::<Vec<_>>()
    .join(" ");
    let a = h.address();
    let address = format!(
        "{} {}{}, {} {}",
        a.street, a.house_number, a.house_number_addition, a.postcode, a.place
    );
    let c = h.contact();
    let contact = c
        .phones
        .iter()
        .cloned()
        .chain(c.email.iter().cloned())
        .collect::<Vec<_>>()
        .join(", ");
    let documents = if h.documents().is_empty() {
        "Geen".to_string()
    } else {
        h.documents()
            .iter()
            .map(|d| d.label.clone())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let missing = h
        .missing_documents()
        .map(|r| {
            format!(
                " Niet alle documenten: {}.",
                vocab::lowercase_first(r.dutch())
            )
        })
        .unwrap_or_default();
    let address_label = if a.kind.is_home() {
        "Adres"
    } else {
        "Briefadres"
    };
    vec![
        ("Naam", name),
        (address_label, address),
        ("Gemeente", h.gemeente().to_string()),
        ("Contact", contact),
        ("Geboortedatum", vocab::date(h.birth_date())),
        ("Geslacht", h.gender().dutch().to_string()),
        ("BSN", h.bsn().to_string()),
        ("Overhandigde documenten", format!("{documents}.{missing}")),
        (
            "Bevestigd",
            format!(
                "{} op {}",
                h.confirmation().confirmed_by,
                vocab::date(h.confirmation().date)
            ),
        ),
        ("Grondslag", h.grondslag().to_string()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use woonkans_core::date::Date;
    use woonkans_core::workspace::AcceptedMatch;

    fn case(code: Option<&str>) -> Case {
        let mut ws = woonkans_core::fixtures::workspace();
        ws.add_case("zk-1").unwrap();
        let mut c = ws.case("zk-1").unwrap().clone();
        c.accepted = Some(AcceptedMatch {
            association_id: "vb-maasdal".into(),
            dwelling_id: None,
            date: Date::new(2026, 11, 2).unwrap(),
            code: code.map(String::from),
            association_name: Some("Woonstichting Maasdal".into()),
        });
        c
    }

    #[test]
    fn only_the_association_of_the_match_is_offered() {
        use woonkans_core::fixtures::{introduce, role_vault};
        let today = Date::new(2026, 11, 2).unwrap();
        let mut zorg = role_vault(Role::Zorgaanbieder, "De Brug Zorg", 1, today);
        // The organisation ids come from the names: "vb-maasdal" is the match's.
        let mut maasdal = role_vault(Role::Woningcorporatie, "VB Maasdal", 2, today);
        let mut peelrand = role_vault(Role::Woningcorporatie, "VB Peelrand", 3, today);
        introduce(&mut zorg, &mut peelrand, today);
        assert!(lease_recipients(&zorg, &case(Some("WK-AXNMN-T1S52-3"))).is_empty());
        introduce(&mut zorg, &mut maasdal, today);
        let offered = lease_recipients(&zorg, &case(Some("WK-AXNMN-T1S52-3")));
        assert_eq!(offered.len(), 1);
        assert_eq!(offered[0].label, "VB Maasdal");
        let mut unmatched = case(None);
        unmatched.accepted = None;
        assert!(lease_recipients(&zorg, &unmatched).is_empty());
    }

    #[test]
    fn step_six_shows_only_for_the_care_provider_after_the_koppeling() {
        let mut ws = woonkans_core::fixtures::workspace();
        ws.choose_role(Role::Zorgaanbieder).unwrap();
        assert!(lease_step(&ws, &case(Some("WK-AXNMN-T1S52-3"))));
        assert!(!lease_step(&ws, &case(None)));
        use woonkans_core::register::Step;
        let matched = case(Some("WK-AXNMN-T1S52-3"));
        assert_eq!(
            crate::nav::case_steps(&ws, &matched),
            [Step::Orientation, Step::Agreement]
        );
        assert_eq!(
            crate::nav::case_steps(&ws, &case(None)),
            [Step::Orientation]
        );
        assert_eq!(
            crate::nav::case_step(&ws, &matched, Step::Agreement),
            Step::Agreement
        );
        let mut other = woonkans_core::fixtures::workspace();
        other.choose_role(Role::WmoConsulent).unwrap();
        assert!(!lease_step(&other, &case(Some("WK-AXNMN-T1S52-3"))));
        assert_eq!(
            matched_with(&case(None)).unwrap(),
            "De match met Woonstichting Maasdal is aanvaard op 02-11-2026."
        );
        assert!(confirm_label().contains(GRONDSLAG));
    }

    #[test]
    fn the_form_becomes_the_cores_input() {
        let i = lease_input(
            " 12-03-2001 ",
            "female",
            " 999994669",
            &[DocumentKind::BrpExtract],
            "followsLater",
        );
        assert_eq!(i.birth_date, "12-03-2001");
        assert_eq!(
            i.missing_reason,
            Some(woonkans_core::dossier::MissingDocumentsReason::FollowsLater)
        );
        assert_eq!(lease_input("", "", "", &[], "").missing_reason, None);
        assert_eq!(missing_reason_options()[0].1, "Er ontbreekt niets");
        assert_eq!(i.gender, Some(Gender::Female));
        assert_eq!(i.bsn, "999994669");
        assert_eq!(lease_input("", "", "", &[], "").gender, None);
        assert_eq!(gender_options().len(), Gender::ALL.len() + 1);
        assert_eq!(document_choices().len(), 4);
    }

    #[test]
    fn an_association_sees_every_value_it_received() {
        let r = &woonkans_core::fixtures::RESIDENTS[1];
        let mut d = woonkans_core::fixtures::dossier("zk-1", r);
        d.address.street = "Kerkstraat".into();
        d.address.house_number = 12;
        d.address.postcode = "5911AB".into();
        d.address.place = "Venlo".into();
        d.phones = vec!["0612345678".into()];
        d.documents.missing_reason =
            Some(woonkans_core::dossier::MissingDocumentsReason::FollowsLater);
        let c = case(Some("WK-AXNMN-T1S52-3"));
        let h = Huurgegevens::of(
            &d,
            c.accepted.as_ref(),
            woonkans_core::handover::HandoverConfirmation {
                grondslag_confirmed: true,
                confirmed_by: "Begeleider".into(),
                date: Date::new(2026, 11, 3).unwrap(),
            },
        )
        .unwrap();
        let rows = received_rows(&h);
        let value = |label: &str| rows.iter().find(|(l, _)| *l == label).unwrap().1.clone();
        assert!(value("Naam").ends_with(r.surname));
        assert_eq!(value("Adres"), "Kerkstraat 12, 5911 AB Venlo");
        assert_eq!(value("BSN"), r.bsn);
        assert_eq!(value("Geboortedatum"), vocab::date(r.birth_date()));
        assert_eq!(value("Geslacht"), r.gender.dutch());
        assert_eq!(
            value("Overhandigde documenten"),
            "Geen. Niet alle documenten: wordt nagestuurd, afgesproken met de corporatie."
        );
        assert_eq!(
            received_heading(h.code()),
            "Huurgegevens voor code WK-AXNMN-T1S52-3"
        );
    }
}
