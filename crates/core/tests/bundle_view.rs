//! The bundle page's decisions: which cases may go into a bundle, to whom they fit, and which
//! code each will carry.

use woonkans_core::bundle_view::{bundle_candidates, case_label, planned_codes};
use woonkans_core::code::{self, CodeKey};
use woonkans_core::date::Date;
use woonkans_core::dossier::{Income, IncomeSource, PersonName};
use woonkans_core::profile::{
    Assessment, ContractForm, Gender, History, HousingForm, LivingSituation, Mobility, Party,
    RelapseAgreement, RelapsePlan, SCORED, SafetyPlan,
};
use woonkans_core::region::Region;
use woonkans_core::register::Gate;
use woonkans_core::sample::sample_offer;
use woonkans_core::workspace::Workspace;

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

fn today() -> Date {
    d(2026, 11, 28)
}

/// A case with a complete profile; `gates` says whether the gates up to step 4 are recorded.
fn add_case(ws: &mut Workspace, id: &str, bsn: Option<&str>, gates: bool) {
    let case = ws.add_case(id).unwrap();
    let dossier = &mut case.dossier;
    dossier.name = PersonName {
        first_names: "Anna".into(),
        tussenvoegsel: "de".into(),
        surname: "Vries".into(),
        call_name: String::new(),
    };
    dossier.gemeente = "Venlo".into();
    dossier.birth_date = Some(d(2001, 3, 12));
    dossier.bsn = bsn.map(String::from);
    dossier.gender = Some(Gender::Female);
    dossier.household_size = 1;
    dossier.living_situation = Some(LivingSituation::ShelteredHousing);
    dossier.income = Some(Income {
        yearly_amount_euros: 18_000,
        source: IncomeSource::Benefits,
    });
    let draft = &mut case.profile;
    for c in SCORED {
        draft.assessments.insert(
            c,
            Assessment {
                level: Some(3),
                note: String::new(),
            },
        );
    }
    draft.mobility = Some(Mobility::None);
    draft.search_area = vec!["Venlo".into()];
    draft.housing_form = Some(HousingForm::NoPreference);
    draft.rent_arrears = Some(History::None);
    draft.nuisance = Some(History::None);
    draft.budget_management = Some(false);
    draft.contract_form = Some(ContractForm::LeaseWithCareAgreement);
    draft.support_hours_per_week = Some(6.0);
    draft.reachable_24_7 = Some(true);
    draft.relapse_plan = RelapsePlan {
        signals: "Post blijft liggen.".into(),
        agreements: vec![
            RelapseAgreement {
                party: Party::CareProvider,
                action: "Huisbezoek binnen twee werkdagen.".into(),
            },
            RelapseAgreement {
                party: Party::HousingAssociation,
                action: "Meldt een huurachterstand na een maand.".into(),
            },
        ],
    };
    draft.safety_plan = Some(SafetyPlan::NotNeeded);
    if gates {
        for g in [
            Gate::ConsentToRegister,
            Gate::EligibilityAndSupportPlan,
            Gate::ConsentToShareWithCoordinator,
        ] {
            dossier_gate(ws, id, g);
        }
    }
}

fn dossier_gate(ws: &mut Workspace, id: &str, g: Gate) {
    ws.case_mut(id)
        .unwrap()
        .dossier
        .record_gate(g, d(2026, 10, 1), "Wmo-consulent")
        .unwrap();
}

fn workspace() -> Workspace {
    let mut ws = Workspace::new(sample_offer());
    ws.settings.region = Some(Region::NoordLimburg);
    add_case(&mut ws, "klaar01", Some("999994669"), true);
    add_case(&mut ws, "zonderpoort", None, false);
    ws
}

#[test]
fn only_cases_with_gates_and_a_complete_profile_are_ready() {
    let ws = workspace();
    let c = bundle_candidates(&ws, today());
    assert_eq!(c.len(), 2);
    assert_eq!(c[0].id, "klaar01");
    assert!(c[0].ready, "{:?}", c[0].blockers);
    assert!(c[0].blockers.is_empty());
    assert!(
        !c[0].eligible_associations.is_empty(),
        "the sample offer has associations in Venlo"
    );
    for a in &c[0].eligible_associations {
        assert!(ws.offer.association(a).is_some());
    }
    assert!(!c[1].ready);
    assert!(
        c[1].blockers.iter().any(|b| b.contains("poort")),
        "{:?}",
        c[1].blockers
    );
    assert!(c[1].eligible_associations.is_empty());
}

#[test]
fn an_identifying_note_or_archiving_takes_a_case_out() {
    let mut ws = workspace();
    ws.case_mut("klaar01")
        .unwrap()
        .profile
        .assessments
        .values_mut()
        .next()
        .unwrap()
        .note = "Bel 06-12345678.".into();
    let c = bundle_candidates(&ws, today());
    assert!(!c[0].ready);
    assert!(c[0].blockers.iter().any(|b| b.contains("herleidbaar")));
    ws.case_mut("klaar01").unwrap().dossier.archived = true;
    let c = bundle_candidates(&ws, today());
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].id, "zonderpoort");
}

#[test]
fn planned_codes_are_the_codes_the_bundle_will_carry() {
    let mut ws = workspace();
    let key = CodeKey::from_bytes([9; 32]);
    let association = bundle_candidates(&ws, today())[0].eligible_associations[0].clone();
    let ids = vec!["klaar01".to_string(), "bestaatniet".to_string()];
    let planned = planned_codes(&ws, &key, &association, &ids);
    assert_eq!(planned.len(), 1, "unknown ids are skipped");
    assert_eq!(planned[0].0, "klaar01");
    assert_eq!(
        planned[0].1,
        code::derive(&key, &association, "999994669").to_string()
    );
    let written = ws
        .write_bundle(
            &key,
            &association,
            &ids[..1],
            [3; 16],
            today(),
            "2026-11-28T10:00:00",
        )
        .unwrap();
    assert_eq!(written.codes[0].to_string(), planned[0].1);
    // A case without a BSN is coded by its dossier id: still a code, per recipient.
    let other = planned_codes(&ws, &key, &association, &["zonderpoort".to_string()]);
    assert_eq!(
        other[0].1,
        code::derive(&key, &association, "zonderpoort").to_string()
    );
}

#[test]
fn labels_name_the_dossier_for_the_coordinator_only() {
    let ws = workspace();
    assert_eq!(
        case_label(ws.case("klaar01").unwrap()),
        "Anna de Vries (dossier klaar01)"
    );
    let mut blank = ws.clone();
    blank.case_mut("klaar01").unwrap().dossier.name = PersonName::default();
    assert_eq!(
        case_label(blank.case("klaar01").unwrap()),
        "Dossier klaar01"
    );
}
