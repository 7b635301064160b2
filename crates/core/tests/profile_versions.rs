//! Profile versions and "gewijzigd na delen": the mark appears only for a change after sharing,
//! names exactly the changed fields and only the associations that hold an older version, and
//! clears when a new bundle goes out. The expected fields come from comparing the profiles'
//! values here, not from the core's own field list.

use std::collections::BTreeSet;
use woonkans_core::code::CodeKey;
use woonkans_core::date::Date;
use woonkans_core::fixtures::{self, RESIDENTS};
use woonkans_core::handover::HandoverConfirmation;
use woonkans_core::profile::{
    HousingForm, Mobility, PlacementProfile, ProfileCategory, SafetyPlan,
};
use woonkans_core::sharing::{SharedBy, sharing_state};
use woonkans_core::workspace::{Case, Workspace};

fn today() -> Date {
    Date::new(2026, 11, 28).unwrap()
}

fn key() -> CodeKey {
    CodeKey::from_bytes([9; 32])
}

const A: &str = "vb-maasdal";
const B: &str = "vb-thuis";

fn ids(n: std::ops::Range<usize>) -> Vec<String> {
    n.map(|i| format!("case{i}")).collect()
}

/// Five ready cases, one per fixture resident.
fn workspace() -> Workspace {
    let mut ws = fixtures::workspace();
    for (i, r) in RESIDENTS.iter().enumerate() {
        fixtures::add_ready_case(&mut ws, &format!("case{i}"), r);
    }
    ws
}

/// One saved change, as the app makes it: on a copy, then counted against the workspace before.
fn edit(ws: &mut Workspace, id: &str, f: impl FnOnce(&mut Case)) {
    let before = ws.clone();
    f(ws.case_mut(id).unwrap());
    ws.record_profile_versions(&before, today());
}

fn bundle(ws: &mut Workspace, association: &str, cases: &[String], n: u8) {
    ws.write_bundle(
        &key(),
        association,
        cases,
        [n; 16],
        today(),
        "2026-11-28T10:00:00",
    )
    .unwrap_or_else(|e| panic!("bundle for {association} refused: {e:?}"));
}

fn profile(ws: &Workspace, id: &str) -> PlacementProfile {
    ws.profile(id, today()).unwrap()
}

/// The Dutch labels of the fields that differ, from comparing the values one by one.
fn expected_labels(old: &PlacementProfile, new: &PlacementProfile) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut check = |differs: bool, label: &str| {
        if differs {
            out.insert(label.to_string());
        }
    };
    check(old.gender != new.gender, "Geslacht");
    check(old.living_situation != new.living_situation, "Woonsituatie");
    check(old.mobility != new.mobility, "Mobiliteit");
    let (s, t) = (old.self_reliance, new.self_reliance);
    check(
        s.household_care != t.household_care,
        "Huishouden / persoonlijke verzorging",
    );
    check(
        s.work_day_activities != t.work_day_activities,
        "Werk / daginvulling",
    );
    check(s.social_network != t.social_network, "Sociaal netwerk");
    check(
        s.social_self_reliance != t.social_self_reliance,
        "Sociale redzaamheid",
    );
    check(s.finances_debts != t.finances_debts, "Financiën / schulden");
    check(old.search_area != new.search_area, "Zoekgebied");
    check(
        old.excluded_neighbourhoods != new.excluded_neighbourhoods,
        "Uitgesloten buurten",
    );
    check(old.housing_form != new.housing_form, "Woonvorm");
    check(old.rent_arrears != new.rent_arrears, "Huurachterstand");
    check(old.nuisance != new.nuisance, "Overlast");
    check(
        old.budget_management != new.budget_management,
        "Bewindvoering",
    );
    check(old.contract_form != new.contract_form, "Contractvorm");
    check(
        old.support_hours_per_week != new.support_hours_per_week,
        "Ondersteuning (uur per week)",
    );
    check(
        old.reachable_24_7 != new.reachable_24_7,
        "24 uur per dag bereikbaar",
    );
    check(old.safety_plan != new.safety_plan, "Veiligheidsplan");
    check(old.household_size != new.household_size, "Huishoudgrootte");
    check(old.age_band != new.age_band, "Leeftijdsgroep");
    check(old.income_band != new.income_band, "Inkomensgroep");
    check(old.max_rent_cents != new.max_rent_cents, "Maximale huur");
    out
}

fn changed_labels(ws: &Workspace, id: &str) -> BTreeSet<String> {
    sharing_state(ws, id, today())
        .unwrap()
        .changes()
        .iter()
        .map(|c| c.label.clone())
        .collect()
}

fn outdated(ws: &Workspace, id: &str) -> Vec<String> {
    sharing_state(ws, id, today())
        .unwrap()
        .outdated
        .iter()
        .map(|h| h.association_id.clone())
        .collect()
}

fn marked(ws: &Workspace) -> Vec<String> {
    ws.cases()
        .iter()
        .filter(|c| {
            sharing_state(ws, &c.dossier.id, today())
                .unwrap()
                .changed_after_sharing()
        })
        .map(|c| c.dossier.id.clone())
        .collect()
}

#[test]
fn the_mark_follows_changes_after_sharing_and_clears_with_a_new_bundle() {
    let mut ws = workspace();
    let all = ids(0..5);

    // A change before anything was shared is no change after sharing.
    edit(&mut ws, "case0", |c| {
        c.profile.support_hours_per_week = Some(8.0)
    });
    assert_eq!(ws.case("case0").unwrap().profile_version, 1);
    assert!(marked(&ws).is_empty());
    assert!(!sharing_state(&ws, "case0", today()).unwrap().shared);

    // A: cases 0-2; B: cases 2-4.
    bundle(&mut ws, A, &all[0..3], 1);
    bundle(&mut ws, B, &all[2..5], 2);
    assert!(marked(&ws).is_empty(), "nothing changed since sharing");
    let shared_at: Vec<u32> = all
        .iter()
        .map(|id| ws.case(id).unwrap().profile_version)
        .collect();
    let before: Vec<PlacementProfile> = all.iter().map(|id| profile(&ws, id)).collect();

    // Case 0: mobility (A only holds it). Case 2: support hours and housing form (A and B).
    // Case 4: the household grows in the dossier, which the profile derives (B only).
    // Case 3: changed and changed back. Case 1: untouched.
    edit(&mut ws, "case0", |c| {
        c.profile.mobility = Some(Mobility::Wheelchair)
    });
    edit(&mut ws, "case2", |c| {
        c.profile.support_hours_per_week = Some(10.0)
    });
    edit(&mut ws, "case2", |c| {
        c.profile.housing_form = Some(HousingForm::InComplex)
    });
    edit(&mut ws, "case4", |c| c.dossier.household_size = 3);
    edit(&mut ws, "case3", |c| {
        c.profile.safety_plan = Some(SafetyPlan::Needed)
    });
    edit(&mut ws, "case3", |c| {
        c.profile.safety_plan = Some(SafetyPlan::NotNeeded)
    });
    // A change outside the profile (a phone number) is not a new version.
    edit(&mut ws, "case1", |c| {
        c.dossier.phones = vec!["0612345678".into()]
    });
    assert_eq!(ws.case("case1").unwrap().profile_version, shared_at[1]);
    assert_eq!(ws.case("case3").unwrap().profile_version, shared_at[3] + 2);
    assert_eq!(ws.case("case2").unwrap().profile_version, shared_at[2] + 2);

    assert_eq!(marked(&ws), vec!["case0", "case2", "case4"]);
    assert_eq!(outdated(&ws, "case0"), vec![A]);
    assert_eq!(outdated(&ws, "case2"), vec![A, B]);
    assert_eq!(outdated(&ws, "case4"), vec![B]);
    for i in [0, 2, 4] {
        let id = &all[i];
        let expected = expected_labels(&before[i], &profile(&ws, id));
        assert!(!expected.is_empty(), "{id}");
        assert_eq!(changed_labels(&ws, id), expected, "{id}");
        // Each holder is told the version it got.
        for h in &sharing_state(&ws, id, today()).unwrap().outdated {
            assert_eq!(h.version, shared_at[i], "{id}");
            assert_eq!(h.by, SharedBy::Bundle);
        }
    }
    assert!(expected_labels(&before[4], &profile(&ws, "case4")).contains("Huishoudgrootte"));
    let mobility = sharing_state(&ws, "case0", today()).unwrap().outdated[0].changes[0].clone();
    assert_eq!(
        (mobility.old.as_str(), mobility.new.as_str()),
        ("Geen beperking", "Rolstoeltoegankelijke woning nodig")
    );

    // A new bundle for A clears A, and only A.
    bundle(&mut ws, A, &all[0..3], 3);
    assert_eq!(marked(&ws), vec!["case2", "case4"]);
    assert_eq!(outdated(&ws, "case2"), vec![B]);
    bundle(&mut ws, B, &[all[2].clone(), all[4].clone()], 4);
    assert!(marked(&ws).is_empty());
}

#[test]
fn a_text_released_later_is_a_change_only_for_the_association_it_is_released_for() {
    let mut ws = workspace();
    let both = ids(1..2);
    bundle(&mut ws, A, &both, 1);
    bundle(&mut ws, B, &both, 2);
    edit(&mut ws, "case1", |c| {
        c.profile
            .assessments
            .get_mut(&ProfileCategory::HouseholdCare)
            .unwrap()
            .note = "Kookt zelf met wekelijkse begeleiding.".into()
    });
    // Not released: no association would get the note, so nothing is out of date.
    assert!(marked(&ws).is_empty());
    let before = ws.clone();
    ws.release_text("case1", "notities.householdCare", true, vec![B.into()])
        .unwrap();
    ws.record_profile_versions(&before, today());
    assert_eq!(outdated(&ws, "case1"), vec![B]);
    let changes = changed_labels(&ws, "case1");
    assert_eq!(
        changes,
        BTreeSet::from(["Huishouden / persoonlijke verzorging: notitie".to_string()])
    );
}

#[test]
fn an_incomplete_profile_after_sharing_counts_as_changed_for_every_holder() {
    let mut ws = workspace();
    bundle(&mut ws, A, &ids(3..4), 1);
    edit(&mut ws, "case3", |c| c.profile.mobility = None);
    let state = sharing_state(&ws, "case3", today()).unwrap();
    assert!(!state.profile_complete);
    assert_eq!(outdated(&ws, "case3"), vec![A]);
    assert!(state.changes().is_empty());
}

#[test]
fn a_change_after_the_handover_marks_the_handover_not_a_bundle() {
    let mut ws = workspace();
    bundle(&mut ws, A, &ids(0..1), 1);
    let case = ws.case_mut("case0").unwrap();
    case.dossier.address.street = "Kerkstraat".into();
    case.dossier.address.house_number = 3;
    case.dossier.address.postcode = "5911 AB".into();
    case.dossier.address.place = "Venlo".into();
    case.dossier.phones = vec!["0612345678".into()];
    woonkans_core::fixtures::documents_in(&mut case.dossier);
    woonkans_core::routeplanner::accept_match(&mut ws, "case0", A, None, today(), "Inwoner")
        .unwrap();
    ws.handover(
        "case0",
        HandoverConfirmation {
            grondslag_confirmed: true,
            confirmed_by: "Ketenregisseur".into(),
            date: today(),
        },
        "h1",
        "2026-11-28T11:00:00",
    )
    .unwrap();
    assert!(marked(&ws).is_empty());
    edit(&mut ws, "case0", |c| {
        c.profile.support_hours_per_week = Some(2.0)
    });
    let state = sharing_state(&ws, "case0", today()).unwrap();
    let by: Vec<(String, SharedBy)> = state
        .outdated
        .iter()
        .map(|h| (h.association_id.clone(), h.by))
        .collect();
    assert_eq!(
        by,
        vec![(A.into(), SharedBy::Bundle), (A.into(), SharedBy::Handover)]
    );
    // Only the bundle is renewed by a bundle.
    assert_eq!(state.bundle_recipients().len(), 1);
    bundle(&mut ws, A, &ids(0..1), 2);
    let state = sharing_state(&ws, "case0", today()).unwrap();
    assert_eq!(state.outdated.len(), 1);
    assert_eq!(state.outdated[0].by, SharedBy::Handover);
}
