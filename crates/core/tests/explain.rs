//! The explanation of a match: the summary is checked against a count over the matcher's own
//! reasons, and every suggestion against `match_profile` on a profile edited here, by this
//! file's own code, so nothing the explanation claims is only restated.

use proptest::prelude::*;
use std::collections::BTreeSet;
use woonkans_core::date::Date;
use woonkans_core::explain::{Bounds, Edit, Explanation, ProfileField, explain};
use woonkans_core::fixtures::{RESIDENTS, add_ready_case, workspace};
use woonkans_core::matching::{KnockOut, ProfileMatch, Weights, match_profile};
use woonkans_core::offer::Offer;
use woonkans_core::profile::{ContractForm, History, PlacementProfile, SafetyPlan};
use woonkans_core::region::{NOORD_LIMBURG, Region, canonical_gemeente, fold_name};
use woonkans_core::sample::{neighbourhoods, sample_offer};
use woonkans_core::vocab::Dutch;
use woonkans_core::workspace::Workspace;

fn today() -> Date {
    Date::new(2026, 11, 28).unwrap()
}

/// The five fixture residents, each with a different profile: the issue's case (arrears in the
/// past, resolved, no budget management) first.
fn cases() -> (Workspace, Vec<String>) {
    let mut ws = workspace();
    let mut ids = Vec::new();
    for (i, r) in RESIDENTS.iter().enumerate() {
        let id = format!("fixture{i}");
        let case = add_ready_case(&mut ws, &id, r);
        let d = &mut case.profile;
        match i {
            0 => d.rent_arrears = Some(History::Resolved),
            1 => {}
            2 => {
                d.contract_form = Some(ContractForm::RegularLease);
                d.support_hours_per_week = Some(2.0);
            }
            3 => {
                d.nuisance = Some(History::Resolved);
                d.safety_plan = Some(SafetyPlan::Needed);
                d.excluded_neighbourhoods = neighbourhoods("Venlo")
                    .iter()
                    .take(3)
                    .map(|n| n.to_string())
                    .collect();
            }
            _ => {
                d.search_area = vec!["Gennep".into()];
                d.max_rent_override_cents = Some(45_000);
            }
        }
        ids.push(id);
    }
    (ws, ids)
}

fn profile_and_bounds(ws: &Workspace, id: &str) -> (PlacementProfile, Bounds) {
    let p = ws.profile(id, today()).expect("a complete fixture profile");
    let bounds = Bounds {
        rent_ceiling_cents: ws
            .facts(id, today())
            .unwrap()
            .table_max_rent_cents(&ws.settings().rent_limits),
        region: ws.settings().region,
    };
    (p, bounds)
}

fn eligible_ids(m: &ProfileMatch) -> BTreeSet<String> {
    m.eligible.iter().map(|s| s.dwelling_id.clone()).collect()
}

/// The edit applied by this test's own reading of what it means.
fn apply_here(edit: &Edit, p: &mut PlacementProfile) {
    match edit {
        Edit::AddGemeente(g) => p.search_area.push(g.clone()),
        Edit::RemoveNeighbourhood(n) => p
            .excluded_neighbourhoods
            .retain(|x| fold_name(x) != fold_name(n)),
        Edit::BudgetManagement => p.budget_management = true,
        Edit::ContractForm(c) => p.contract_form = *c,
        Edit::SupportHours(h) => p.support_hours_per_week = *h,
        Edit::MaxRent(c) => p.max_rent_cents = *c,
        Edit::SafetyPlanPresent => p.safety_plan = SafetyPlan::Present,
    }
}

/// Checks the summary against a brute count, every suggestion against the matcher, and that
/// no suggestion changes a fact about the resident.
fn check(p: &PlacementProfile, offer: &Offer, bounds: &Bounds, e: &Explanation) {
    let w = Weights::default();
    let m = match_profile(p, offer, &w, today()).unwrap();
    assert_eq!(e.dwellings, offer.dwellings.len());
    assert_eq!(e.eligible, m.eligible.len());

    for k in KnockOut::ALL {
        let dwellings = m
            .knocked_out
            .iter()
            .filter(|d| d.reasons.iter().any(|r| r.code == k))
            .count();
        let only = m
            .knocked_out
            .iter()
            .filter(|d| d.reasons.len() == 1 && d.reasons[0].code == k)
            .count();
        let associations = m
            .associations
            .iter()
            .filter(|a| a.reasons.iter().any(|r| r.code == k))
            .count();
        match e.knock_outs.iter().find(|c| c.knock_out == k) {
            Some(c) => {
                assert_eq!(
                    (c.dwellings, c.only, c.associations),
                    (dwellings, only, associations),
                    "{k:?}"
                );
                assert!(dwellings + associations > 0, "{k:?} listed without effect");
            }
            None => assert_eq!((dwellings, associations), (0, 0), "{k:?} left out"),
        }
    }
    for pair in e.knock_outs.windows(2) {
        assert!(
            pair[0].dwellings >= pair[1].dwellings,
            "most-excluding first"
        );
    }

    let before = eligible_ids(&m);
    let single = e.suggestions.iter().any(|s| s.edits.len() == 1);
    for s in &e.suggestions {
        assert!(!s.edits.is_empty() && s.edits.len() <= 2);
        if single {
            assert_eq!(s.edits.len(), 1, "pairs only when no single edit works");
        }
        let mut edited = p.clone();
        for edit in &s.edits {
            apply_here(edit, &mut edited);
            match edit {
                Edit::MaxRent(c) => {
                    assert!(
                        *c <= bounds.rent_ceiling_cents,
                        "never above the rent limit"
                    );
                    assert!(*c > p.max_rent_cents);
                }
                Edit::AddGemeente(g) => {
                    assert!(
                        bounds
                            .region
                            .is_none_or(|r| r.gemeenten().contains(&g.as_str()))
                    );
                    assert!(
                        !p.search_area
                            .iter()
                            .any(|a| canonical_gemeente(a) == Some(g))
                    );
                }
                _ => {}
            }
        }
        // Facts about the resident are never edited.
        assert_eq!(edited.rent_arrears, p.rent_arrears);
        assert_eq!(edited.nuisance, p.nuisance);
        assert_eq!(edited.age_band, p.age_band);
        assert_eq!(edited.household_size, p.household_size);
        assert_eq!(edited.mobility, p.mobility);
        let after = match_profile(&edited, offer, &w, today()).unwrap();
        let gained: Vec<&str> = after
            .eligible
            .iter()
            .filter(|d| !before.contains(&d.dwelling_id))
            .map(|d| d.association_id.as_str())
            .collect();
        let associations: BTreeSet<&str> = gained.iter().copied().collect();
        assert!(s.dwellings >= 1);
        assert_eq!(s.dwellings, gained.len(), "{}", s.sentence);
        assert_eq!(s.associations, associations.len(), "{}", s.sentence);
        for edit in &s.edits {
            assert!(s.sentence.contains(&edit.sentence()));
        }
    }
    for pair in e.suggestions.windows(2) {
        assert!(
            pair[0].dwellings >= pair[1].dwellings,
            "most dwellings first"
        );
    }
}

#[test]
fn resolved_arrears_get_an_explanation_and_a_way_out() {
    let (ws, ids) = cases();
    let (p, bounds) = profile_and_bounds(&ws, &ids[0]);
    assert_eq!(p.rent_arrears, History::Resolved);
    assert!(!p.budget_management);
    let e = ws.explain_case(&ids[0], today()).unwrap();
    check(&p, ws.offer(), &bounds, &e);
    assert_eq!(
        e,
        explain(&p, ws.offer(), &Weights::default(), today(), &bounds).unwrap()
    );
    // The arrears are named among what excludes dwellings, with a Dutch label.
    let arrears = e
        .knock_outs
        .iter()
        .find(|c| c.knock_out == KnockOut::Arrears)
        .expect("arrears exclude dwellings");
    assert!(arrears.dwellings > 0);
    assert_eq!(arrears.knock_out.dutch(), "Huurachterstand");
    // Something agreed makes dwellings fit, and it is not a changed history.
    assert!(!e.suggestions.is_empty(), "{e:?}");
    assert_eq!(ws.settings().region, Some(Region::NoordLimburg));
    let best = &e.suggestions[0];
    assert!(best.dwellings >= 1);
    assert!(!best.sentence.is_empty());
}

#[test]
fn every_fixture_profile_is_explained_truthfully() {
    let (ws, ids) = cases();
    for id in &ids {
        let (p, bounds) = profile_and_bounds(&ws, id);
        let e = ws.explain_case(id, today()).unwrap();
        check(&p, ws.offer(), &bounds, &e);
    }
}

#[test]
fn a_profile_with_everything_eligible_is_summarised_too() {
    let (ws, ids) = cases();
    let (p, bounds) = profile_and_bounds(&ws, &ids[1]);
    let e = explain(&p, ws.offer(), &Weights::default(), today(), &bounds).unwrap();
    check(&p, ws.offer(), &bounds, &e);
    assert_eq!(e.knock_outs[0].knock_out, KnockOut::Area, "{e:?}");
}

#[test]
fn invalid_weights_are_refused() {
    let (ws, ids) = cases();
    let (p, bounds) = profile_and_bounds(&ws, &ids[0]);
    let w = Weights {
        area: 99,
        ..Weights::default()
    };
    assert_eq!(
        explain(&p, ws.offer(), &w, today(), &bounds)
            .unwrap_err()
            .code,
        "WEIGHTS_INVALID"
    );
}

#[test]
fn every_profile_field_has_a_unique_element_id_and_a_label() {
    let ids: BTreeSet<&str> = ProfileField::ALL.iter().map(|f| f.element_id()).collect();
    assert_eq!(ids.len(), ProfileField::ALL.len());
    for f in ProfileField::ALL {
        assert_eq!(ProfileField::from_element_id(f.element_id()), Some(f));
        assert!(!f.dutch().is_empty());
    }
    for k in KnockOut::ALL {
        assert!(!k.dutch().contains('_'), "no code as a label");
    }
}

fn any_profile() -> impl Strategy<Value = (PlacementProfile, Bounds)> {
    let (ws, ids) = cases();
    let bases: Vec<(PlacementProfile, Bounds)> =
        ids.iter().map(|id| profile_and_bounds(&ws, id)).collect();
    let history = prop_oneof![
        Just(History::None),
        Just(History::Resolved),
        Just(History::Current)
    ];
    let contract = prop_oneof![
        Just(ContractForm::RegularLease),
        Just(ContractForm::LeaseWithCareAgreement),
        Just(ContractForm::LeaseInCareProviderName)
    ];
    let safety = prop_oneof![
        Just(SafetyPlan::NotNeeded),
        Just(SafetyPlan::Needed),
        Just(SafetyPlan::Present)
    ];
    (
        0..bases.len(),
        (history.clone(), history, any::<bool>(), contract, safety),
        0u32..=12,
        proptest::sample::subsequence(NOORD_LIMBURG.to_vec(), 1..=3),
        proptest::sample::subsequence(neighbourhoods("Venlo").to_vec(), 0..=3),
        (0u32..=100, any::<bool>()),
    )
        .prop_map(
            move |(
                i,
                (arrears, nuisance, budget, contract, safety),
                hours,
                area,
                excluded,
                (pct, anywhere),
            )| {
                let (mut p, mut bounds) = bases[i].clone();
                if anywhere {
                    bounds.region = None;
                }
                p.rent_arrears = arrears;
                p.nuisance = nuisance;
                p.budget_management = budget;
                p.contract_form = contract;
                p.safety_plan = safety;
                p.support_hours_per_week = f64::from(hours);
                p.search_area = area.into_iter().map(String::from).collect();
                p.excluded_neighbourhoods = excluded.into_iter().map(String::from).collect();
                p.max_rent_cents = bounds.rent_ceiling_cents / 100 * (50 + pct / 2);
                (p, bounds)
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_claimed_gain_is_what_the_matcher_gives((p, bounds) in any_profile()) {
        let offer = sample_offer();
        let e = explain(&p, &offer, &Weights::default(), today(), &bounds).unwrap();
        check(&p, &offer, &bounds, &e);
    }
}

/// Issue #14's case on the sample offer: nothing fits, the search area and the arrears exclude
/// the most, and budget management is what helps.
#[test]
fn the_issue_case_in_numbers() {
    let (ws, ids) = cases();
    let e = ws.explain_case(&ids[0], today()).unwrap();
    assert_eq!((e.eligible, e.dwellings), (0, 480));
    let top: Vec<KnockOut> = e.knock_outs.iter().take(2).map(|c| c.knock_out).collect();
    assert_eq!(top, [KnockOut::Area, KnockOut::Arrears]);
    assert_eq!(e.suggestions[0].edits, [Edit::BudgetManagement]);
    assert_eq!(e.suggestions[0].sentence, "Spreek bewindvoering af.");
    assert_eq!(
        e.suggestions[0].edits[0].field().element_id(),
        "onderBewind"
    );
    assert_eq!(
        e.suggestions[0].edits[0].field().step(),
        woonkans_core::register::Step::Investigation
    );
}

/// When every association asks for budget management and a regular lease, neither edit helps
/// alone: the pair is suggested, and only pairs are.
#[test]
fn pairs_only_when_no_single_edit_helps() {
    let (ws, ids) = cases();
    let (mut p, bounds) = profile_and_bounds(&ws, &ids[0]);
    p.contract_form = ContractForm::LeaseWithCareAgreement;
    let mut offer = ws.offer().clone();
    for a in &mut offer.associations {
        a.criteria.accepted_contract_forms = vec![ContractForm::RegularLease];
        a.criteria.max_rent_arrears = History::Resolved;
        a.criteria.arrears_requires_budget_management = true;
    }
    let e = explain(&p, &offer, &Weights::default(), today(), &bounds).unwrap();
    check(&p, &offer, &bounds, &e);
    assert_eq!(e.eligible, 0);
    assert!(!e.suggestions.is_empty());
    assert!(e.suggestions.len() <= woonkans_core::explain::MAX_PAIRS);
    assert!(e.suggestions.iter().all(|s| s.edits.len() == 2));
    assert!(e.suggestions.iter().any(|s| s.edits
        == [
            Edit::BudgetManagement,
            Edit::ContractForm(ContractForm::RegularLease)
        ]));
}
