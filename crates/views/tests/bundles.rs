//! The bundle page's decisions: which cases may go into a bundle, to whom they fit, and which
//! code each will carry.

use woonkans_core::code::{self, CodeKey};
use woonkans_core::date::Date;
use woonkans_core::dossier::PersonName;
use woonkans_core::fixtures::{self, RESIDENTS};
use woonkans_core::workspace::Workspace;
use woonkans_views::bundles::{bundle_candidates, case_label, planned_codes};

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

fn today() -> Date {
    d(2026, 11, 28)
}

/// Two residents with a complete profile: Anna de Vries with every gate up to step 4, and one
/// without a BSN and without gates.
fn workspace() -> Workspace {
    let mut ws = fixtures::workspace();
    fixtures::add_ready_case(&mut ws, "klaar01", &RESIDENTS[0]);
    let case = ws.add_case("zonderpoort").unwrap();
    case.dossier = fixtures::dossier("zonderpoort", &RESIDENTS[1]);
    case.dossier.bsn = None;
    case.profile = fixtures::ready_draft();
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
        assert!(ws.offer().association(a).is_some());
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
