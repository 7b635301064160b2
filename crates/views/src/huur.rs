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
) -> LeaseInput {
    LeaseInput {
        birth_date: birth_date.trim().to_string(),
        gender: crate::select::from_key(gender),
        bsn: bsn.trim().to_string(),
        documents: documents.to_vec(),
    }
}

/// The form's starting values from what the dossier already holds (typed before).
pub fn prefilled(case: &Case) -> (String, String, String, Vec<DocumentKind>) {
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
    )
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
    vec![
        ("Naam", name),
        ("Adres", address),
        ("Gemeente", h.gemeente().to_string()),
        ("Contact", contact),
        ("Geboortedatum", vocab::date(h.birth_date())),
        ("Geslacht", h.gender().dutch().to_string()),
        ("BSN", h.bsn().to_string()),
        ("Overhandigde documenten", documents),
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
        );
        assert_eq!(i.birth_date, "12-03-2001");
        assert_eq!(i.gender, Some(Gender::Female));
        assert_eq!(i.bsn, "999994669");
        assert_eq!(lease_input("", "", "", &[]).gender, None);
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
        assert_eq!(value("Overhandigde documenten"), "Geen");
        assert_eq!(
            received_heading(h.code()),
            "Huurgegevens voor code WK-AXNMN-T1S52-3"
        );
    }
}
