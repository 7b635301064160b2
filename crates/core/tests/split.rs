//! Splitting a vault made before roles: a stored vault of the old shape (no role, every step's
//! data) gives its dossiers to the Wmo consultant in a teruggave, and only after that and an
//! explicit confirmation keeps the step-4 row of the cases past step 4 and nothing else.

use woonkans_core::date::Date;
use woonkans_core::dossier::Contact;
use woonkans_core::fixtures::{self, RESIDENTS, introduce, role_vault};
use woonkans_core::keys::{Fingerprint, Role};
use woonkans_core::register::{Gate, Step};
use woonkans_core::text::{fold, squash};
use woonkans_core::workspace::Workspace;

fn today() -> Date {
    Date::new(2026, 11, 2).unwrap()
}

fn fp(ws: &Workspace) -> Fingerprint {
    ws.parties().keys().unwrap().card().fingerprint()
}

/// The coordinator's vault as it was stored before roles: three cases past step 4 and one at
/// step 2, every step's data in each, and no `role` in the stored settings.
fn old_vault() -> Workspace {
    let mut ws = fixtures::workspace();
    for (i, id) in ["oud-aa01", "oud-bb02", "oud-cc03"].iter().enumerate() {
        let case = fixtures::add_ready_case(&mut ws, id, &RESIDENTS[i]);
        case.dossier.phones = vec![format!("06-2233445{i}")];
        case.dossier.iban = Some("NL91ABNA0417164300".into());
        case.dossier.health = "Astma, gebruikt een inhalator.".into();
        case.dossier.care_provider = Some(Contact {
            organisation: "De Brug Zorg".into(),
            person: "Sanne Verhoeven".into(),
        });
    }
    let case = ws.add_case("oud-dd04").unwrap();
    case.dossier = fixtures::dossier("oud-dd04", &RESIDENTS[3]);
    case.dossier
        .record_gate(Gate::ConsentToRegister, today(), "Zorgaanbieder")
        .unwrap();
    let mut stored: serde_json::Value = serde_json::from_str(&ws.to_json()).unwrap();
    let settings = stored["settings"].as_object_mut().unwrap();
    settings.remove("role");
    settings.remove("coordinatorTitle");
    assert!(!stored.to_string().contains("\"role\""));
    let mut old = Workspace::from_json(&stored.to_string()).expect("the old shape reads");
    fixtures::coordinator_keys(&mut old, today());
    old
}

#[test]
fn the_old_vault_splits_only_after_the_teruggave_and_the_confirmation() {
    let mut old = old_vault();
    let mut wmo = role_vault(Role::WmoConsulent, "Wmo Venlo", 12, today());
    introduce(&mut old, &mut wmo, today());
    assert!(old.needs_split());
    let plan = old.split_plan(today()).unwrap();
    assert_eq!(plan.keeps, ["oud-aa01", "oud-bb02", "oud-cc03"]);
    assert_eq!(plan.leaves, ["oud-dd04"]);
    let facts_before: Vec<_> = plan
        .keeps
        .iter()
        .map(|id| old.facts(id, today()).unwrap())
        .collect();

    // Nothing goes before the teruggave, nor without the confirmation.
    let before = old.clone();
    assert_eq!(
        old.finish_split(true, [1; 32], today()).unwrap_err().code,
        "SPLIT_NOT_EXPORTED"
    );
    let file = old
        .seal_teruggave(fp(&wmo), [2; 16], [3; 32], today(), "t1")
        .unwrap();
    assert_eq!(old.cases().len(), 4, "the teruggave itself drops nothing");
    assert_eq!(
        old.finish_split(false, [1; 32], today()).unwrap_err().code,
        "CONFIRMATION_MISSING"
    );
    // A change after the teruggave: it must be made again.
    old.case_mut("oud-bb02").unwrap().dossier.work = "Vrijwilliger".into();
    assert_eq!(
        old.finish_split(true, [1; 32], today()).unwrap_err().code,
        "SPLIT_EXPORT_OUTDATED"
    );
    assert!(old.cases().len() == before.cases().len() && old.role().is_none());
    let file2 = old
        .seal_teruggave(fp(&wmo), [4; 16], [3; 32], today(), "t2")
        .unwrap();

    // The Wmo consultant gets every dossier whole.
    let ids = wmo.open_teruggave(&file2.bytes, "t3").unwrap();
    assert_eq!(ids.len(), 4);
    for (i, id) in ["oud-aa01", "oud-bb02", "oud-cc03", "oud-dd04"]
        .iter()
        .enumerate()
    {
        let d = &wmo.case(id).unwrap().dossier;
        assert_eq!(d.name, RESIDENTS[i].name(), "{id}");
        assert_eq!(d.bsn.as_deref(), Some(RESIDENTS[i].bsn));
        assert!(d.step <= Step::Investigation);
    }
    assert_eq!(wmo.case("oud-bb02").unwrap().dossier.work, "Vrijwilliger");
    // The older teruggave is another envelope: its dossiers are there already.
    assert_eq!(
        wmo.open_teruggave(&file.bytes, "t4").unwrap_err().code,
        "CASE_ID_TAKEN"
    );

    let done = old.finish_split(true, [5; 32], today()).unwrap();
    assert_eq!(done, plan);
    assert_eq!(old.role(), Some(Role::Regisseur));
    assert!(!old.needs_split());
    assert!(
        old.case("oud-dd04").is_err(),
        "the step-2 case left the vault"
    );
    for (id, facts) in plan.keeps.iter().zip(&facts_before) {
        let case = old.case(id).unwrap();
        assert!(case.overdracht.is_some());
        assert_eq!(&old.facts(id, today()).unwrap(), facts, "{id}");
        assert!(
            old.profile(id, today()).is_ok(),
            "{id}: the profile still builds"
        );
        assert!(case.dossier.has_gate(Gate::ConsentToShareWithCoordinator));
    }
    // Nothing of any resident's identity or step-3 data is left in the stored vault (the offer
    // of dwellings aside: Weert has a neighbourhood called Fatima).
    let mut stored: serde_json::Value = serde_json::from_str(&old.to_json()).unwrap();
    stored.as_object_mut().unwrap().remove("offer");
    let stored = stored.to_string() + &serde_json::to_string(old.parties()).unwrap();
    let words: Vec<String> = fold(&stored)
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_string)
        .collect();
    let squashed = squash(&stored);
    for (i, r) in RESIDENTS[..4].iter().enumerate() {
        assert!(!squashed.contains(r.bsn), "BSN {i}");
        for w in r.first_names.split(' ').chain([r.surname]) {
            assert!(!words.contains(&fold(w)), "name {i}");
        }
        assert!(!squashed.contains(&format!("2233445{i}")), "phone {i}");
    }
    assert!(!squashed.contains("nl91abna0417164300") && !stored.contains("Astma"));
    // And a note with a resident's name is still refused, by the prints made during the split.
    let mut draft = fixtures::ready_draft();
    draft
        .assessments
        .get_mut(&woonkans_core::profile::ProfileCategory::SocialNetwork)
        .unwrap()
        .note = format!("Belde met {}.", RESIDENTS[0].surname);
    old.case_mut("oud-aa01").unwrap().profile = draft;
    assert!(
        !old.profile("oud-aa01", today())
            .unwrap_err()
            .findings
            .is_empty()
    );
}

#[test]
fn a_vault_with_a_role_or_without_cases_has_nothing_to_split() {
    let empty = fixtures::workspace();
    assert!(!empty.needs_split());
    let mut regie = role_vault(Role::Regisseur, "Ketenregie", 13, today());
    assert_eq!(
        regie.split_plan(today()).unwrap_err().code,
        "SPLIT_NOT_NEEDED"
    );
    assert_eq!(
        regie.finish_split(true, [0; 32], today()).unwrap_err().code,
        "SPLIT_NOT_NEEDED"
    );
}
