//! The embedded sample offer: counts and coverage.

use std::collections::{BTreeSet, HashSet};
use woonkans_core::date::Date;
use woonkans_core::matching::{Weights, match_profile};
use woonkans_core::offer::{AgeLabel, DwellingType};
use woonkans_core::region::all_gemeenten;
use woonkans_core::rentlimits;
use woonkans_core::sample::{neighbourhoods, sample_offer, synthetic_offer, synthetic_profiles};

#[test]
fn associations_are_examples_and_cover_both_regions() {
    let o = sample_offer();
    assert!(o.associations.len() >= 6);
    for a in &o.associations {
        assert!(a.example);
        assert!(a.name.starts_with("Voorbeeld "), "clearly fictitious");
    }
    let covered: BTreeSet<&str> = o
        .associations
        .iter()
        .flat_map(|a| a.working_area.iter().map(String::as_str))
        .collect();
    assert_eq!(covered, all_gemeenten().collect::<BTreeSet<_>>());
    // Criteria vary: no two associations have the same policy.
    let policies: HashSet<String> = o
        .associations
        .iter()
        .map(|a| serde_json::to_string(&a.criteria).unwrap())
        .collect();
    assert_eq!(policies.len(), o.associations.len());
    assert!(
        o.associations
            .iter()
            .any(|a| a.criteria.max_placements_per_neighbourhood.is_some())
    );
    assert!(
        o.associations
            .iter()
            .any(|a| a.criteria.max_placements_per_neighbourhood.is_none())
    );
    assert!(
        o.associations
            .iter()
            .any(|a| a.criteria.relapse_plan_required)
    );
    assert!(
        o.associations
            .iter()
            .any(|a| !a.criteria.relapse_plan_required)
    );
    // One association lists no dwellings (selectable on policy alone).
    assert!(
        o.associations
            .iter()
            .any(|a| !o.dwellings.iter().any(|d| d.association_id == a.id))
    );
}

#[test]
fn dwellings_cover_everything() {
    let o = sample_offer();
    o.validate().unwrap();
    assert!(o.dwellings.len() >= 400);
    let gemeenten: BTreeSet<&str> = o.dwellings.iter().map(|d| d.gemeente.as_str()).collect();
    assert_eq!(gemeenten, all_gemeenten().collect::<BTreeSet<_>>());
    for g in all_gemeenten() {
        let n = o.dwellings.iter().filter(|d| d.gemeente == g).count();
        assert!(n >= 5, "{g}: {n}");
    }
    let types: BTreeSet<DwellingType> = o.dwellings.iter().map(|d| d.dwelling_type).collect();
    assert_eq!(types, DwellingType::ALL.into_iter().collect());
    let labels: BTreeSet<AgeLabel> = o.dwellings.iter().map(|d| d.age_label).collect();
    assert_eq!(labels, AgeLabel::ALL.into_iter().collect());
    let access: BTreeSet<(bool, bool)> = o
        .dwellings
        .iter()
        .map(|d| (d.step_free, d.wheelchair))
        .collect();
    for level in [(false, false), (true, false), (true, true)] {
        assert!(access.contains(&level), "{level:?}");
    }
    for d in &o.dwellings {
        assert!(neighbourhoods(&d.gemeente).contains(&d.neighbourhood.as_str()));
        let a = o.association(&d.association_id).unwrap();
        assert!(a.working_area.contains(&d.gemeente), "owner works there");
        assert!(d.available_from >= Date::new(2026, 1, 1).unwrap());
        assert!(d.available_from <= Date::new(2027, 12, 31).unwrap());
    }
    let years: BTreeSet<i32> = o
        .dwellings
        .iter()
        .map(|d| d.available_from.year())
        .collect();
    assert_eq!(years, BTreeSet::from([2026, 2027]));
    let ids: HashSet<&str> = o.dwellings.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids.len(), o.dwellings.len());
}

#[test]
fn rents_are_realistic_for_the_rent_limits() {
    let o = sample_offer();
    let l = rentlimits::current();
    let rents: Vec<u32> = o.dwellings.iter().map(|d| d.rent_cents).collect();
    assert!(
        rents.iter().all(|r| *r <= l.liberalisatiegrens_cents),
        "all social rent"
    );
    let below_kk = rents
        .iter()
        .filter(|r| **r <= l.kwaliteitskortingsgrens_cents)
        .count();
    let below_low = rents
        .iter()
        .filter(|r| **r <= l.aftoppingsgrens_laag_cents)
        .count();
    let between = rents
        .iter()
        .filter(|r| **r > l.aftoppingsgrens_laag_cents && **r <= l.aftoppingsgrens_hoog_cents)
        .count();
    let above_high = rents
        .iter()
        .filter(|r| **r > l.aftoppingsgrens_hoog_cents)
        .count();
    assert!(below_kk >= 20, "affordable for young adults: {below_kk}");
    assert!(
        below_low * 2 > rents.len(),
        "most within the lower aftoppingsgrens: {below_low}"
    );
    assert!(between >= 10 && above_high >= 10, "{between} {above_high}");
}

#[test]
fn sample_is_usable_for_matching() {
    let o = sample_offer();
    let reference = Date::new(2026, 9, 1).unwrap();
    let profiles = synthetic_profiles(30, 11);
    let matched = profiles
        .iter()
        .filter(|p| {
            !match_profile(p, &o, &Weights::default(), reference)
                .unwrap()
                .eligible
                .is_empty()
        })
        .count();
    assert!(matched >= 5, "{matched} of 30 profiles find a dwelling");
}

#[test]
fn synthetic_offers_scale_and_stay_valid() {
    let o = synthetic_offer(2_000, 99);
    o.validate().unwrap();
    assert_eq!(o.dwellings.len(), 2_000);
    assert_eq!(o, synthetic_offer(2_000, 99));
    assert_ne!(o, synthetic_offer(2_000, 98));
    for p in synthetic_profiles(50, 5) {
        p.validate().unwrap();
    }
}
