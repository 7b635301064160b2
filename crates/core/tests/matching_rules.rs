//! Table-driven tests of docs/MATCHING.md: every knock-out alone and all together, every score
//! component at its edges, weights, ordering and the association results.

use std::collections::BTreeMap;
use woonkans_core::date::Date;
use woonkans_core::matching::{
    ComponentKind, KnockOut, ProfileMatch, Weights, match_profile, score_matrix,
};
use woonkans_core::offer::{AgeLabel, Criteria, Dwelling, DwellingType, HousingAssociation, Offer};
use woonkans_core::profile::*;
use woonkans_core::rentlimits;
use woonkans_core::sample::{sample_offer, synthetic_profiles};

fn date(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap()
}

fn reference() -> Date {
    date(2026, 6, 1)
}

fn association() -> HousingAssociation {
    HousingAssociation {
        id: "corp".into(),
        name: "Voorbeeld Corporatie".into(),
        working_area: vec![
            "Venlo".into(),
            "Venray".into(),
            "Horst aan de Maas".into(),
            "Beesel".into(),
        ],
        criteria: Criteria {
            accepted_contract_forms: vec![
                ContractForm::RegularLease,
                ContractForm::LeaseWithCareAgreement,
            ],
            max_rent_arrears: History::Resolved,
            arrears_requires_budget_management: true,
            max_nuisance: History::Resolved,
            nuisance_requires_safety_plan: true,
            relapse_plan_required: true,
            min_support_hours: 2.0,
            max_placements_per_neighbourhood: Some(4),
            current_placements: BTreeMap::from([("Blerick".to_string(), 1)]),
        },
        example: true,
    }
}

fn dwelling(id: &str) -> Dwelling {
    Dwelling {
        id: id.into(),
        association_id: "corp".into(),
        gemeente: "Venlo".into(),
        neighbourhood: "Blerick".into(),
        dwelling_type: DwellingType::Apartment,
        in_complex: false,
        rooms: 2,
        rent_cents: 50_000,
        step_free: true,
        wheelchair: false,
        age_label: AgeLabel::None,
        min_household: 1,
        max_household: 2,
        available_from: date(2026, 3, 1),
    }
}

fn complete_relapse_plan() -> RelapsePlan {
    RelapsePlan {
        signals: "Afspraken worden gemist.".into(),
        agreements: vec![
            RelapseAgreement {
                party: Party::CareProvider,
                action: "Huisbezoek.".into(),
            },
            RelapseAgreement {
                party: Party::HousingAssociation,
                action: "Belt de zorgaanbieder.".into(),
            },
        ],
    }
}

fn profile() -> PlacementProfile {
    let limits = rentlimits::current();
    PlacementProfile {
        gender: Gender::NotStated,
        living_situation: LivingSituation::ShelteredHousing,
        mobility: Mobility::StepFree,
        self_reliance: SelfReliance {
            household_care: 3,
            work_day_activities: 3,
            social_network: 3,
            social_self_reliance: 3,
            finances_debts: 3,
        },
        notes: BTreeMap::new(),
        search_area: vec!["Venlo".into(), "Venray".into()],
        excluded_neighbourhoods: vec!["Tegelen".into()],
        housing_form: HousingForm::Independent,
        rent_arrears: History::None,
        nuisance: History::None,
        budget_management: false,
        contract_form: ContractForm::RegularLease,
        support_hours_per_week: 4.0,
        reachable_24_7: false,
        relapse_plan: Some(complete_relapse_plan()),
        safety_plan: SafetyPlan::NotNeeded,
        household_size: 1,
        age_band: AgeBand::From28To54,
        income_band: IncomeBand::AtOrBelowLimit,
        max_rent_cents: limits.max_rent_cents(1, AgeBand::From28To54, IncomeBand::AtOrBelowLimit),
    }
}

struct Case {
    p: PlacementProfile,
    a: HousingAssociation,
    d: Dwelling,
}

fn baseline() -> Case {
    Case {
        p: profile(),
        a: association(),
        d: dwelling("w1"),
    }
}

fn run(c: &Case) -> ProfileMatch {
    let offer = Offer {
        associations: vec![c.a.clone()],
        dwellings: vec![c.d.clone()],
    };
    match_profile(&c.p, &offer, &Weights::default(), reference()).unwrap()
}

fn codes(m: &ProfileMatch) -> Vec<KnockOut> {
    m.knocked_out
        .iter()
        .flat_map(|k| k.reasons.iter().map(|r| r.code))
        .collect()
}

type Breaker = fn(&mut Case);

/// One or more ways to fail each code alone.
fn breakers() -> Vec<(KnockOut, &'static str, Breaker)> {
    vec![
        (KnockOut::Area, "outside search and working area", |c| {
            c.d.gemeente = "Weert".into()
        }),
        (
            KnockOut::Area,
            "in search area, outside working area",
            |c| {
                c.p.search_area.push("Gennep".into());
                c.d.gemeente = "Gennep".into();
            },
        ),
        (
            KnockOut::Area,
            "in working area, outside search area",
            |c| c.d.gemeente = "Beesel".into(),
        ),
        (KnockOut::Area, "unknown association", |c| {
            c.d.association_id = "other".into()
        }),
        (
            KnockOut::Neighbourhood,
            "excluded, other case and accents",
            |c| c.p.excluded_neighbourhoods = vec!["BLÉRICK".into()],
        ),
        (KnockOut::Contract, "contract form not accepted", |c| {
            c.p.contract_form = ContractForm::LeaseInCareProviderName
        }),
        (
            KnockOut::Arrears,
            "current arrears, worse than accepted",
            |c| {
                c.p.rent_arrears = History::Current;
                c.p.budget_management = true;
            },
        ),
        (
            KnockOut::Arrears,
            "resolved arrears without budget management",
            |c| c.p.rent_arrears = History::Resolved,
        ),
        (
            KnockOut::Nuisance,
            "current nuisance, worse than accepted",
            |c| {
                c.p.nuisance = History::Current;
                c.p.safety_plan = SafetyPlan::Present;
            },
        ),
        (
            KnockOut::Nuisance,
            "resolved nuisance, safety plan only needed",
            |c| {
                c.p.nuisance = History::Resolved;
                c.p.safety_plan = SafetyPlan::Needed;
            },
        ),
        (KnockOut::RelapsePlan, "no relapse plan", |c| {
            c.p.relapse_plan = None
        }),
        (KnockOut::RelapsePlan, "incomplete relapse plan", |c| {
            c.p.relapse_plan.as_mut().unwrap().agreements.pop();
        }),
        (KnockOut::Support, "support below minimum", |c| {
            c.p.support_hours_per_week = 1.5
        }),
        (
            KnockOut::AgeLabel,
            "young-adult dwelling, band 28-54",
            |c| c.d.age_label = AgeLabel::YoungAdults,
        ),
        (KnockOut::AgeLabel, "55+ dwelling, band 28-54", |c| {
            c.d.age_label = AgeLabel::FiftyFivePlus
        }),
        (KnockOut::Household, "household above maximum", |c| {
            c.p.household_size = 3
        }),
        (KnockOut::Household, "household below minimum", |c| {
            c.d.min_household = 2
        }),
        (
            KnockOut::Access,
            "step-free need, neither step-free nor wheelchair",
            |c| c.d.step_free = false,
        ),
        (KnockOut::Access, "wheelchair need, step-free only", |c| {
            c.p.mobility = Mobility::Wheelchair
        }),
        (KnockOut::Rent, "rent one cent above the maximum", |c| {
            c.d.rent_cents = c.p.max_rent_cents + 1
        }),
        (KnockOut::Capacity, "placement maximum reached", |c| {
            c.a.criteria.current_placements.insert("blerick".into(), 3);
        }),
        (
            KnockOut::Available,
            "available one day after the reference date",
            |c| c.d.available_from = date(2026, 6, 2),
        ),
    ]
}

#[test]
fn baseline_passes_every_knock_out() {
    let m = run(&baseline());
    assert!(m.knocked_out.is_empty(), "{:?}", m.knocked_out);
    assert_eq!(m.eligible.len(), 1);
}

#[test]
fn every_knock_out_fails_alone() {
    let mut seen = Vec::new();
    for (code, what, breaker) in breakers() {
        let mut c = baseline();
        breaker(&mut c);
        let m = run(&c);
        assert!(m.eligible.is_empty(), "{what}");
        assert_eq!(codes(&m), vec![code], "{what}");
        let r = &m.knocked_out[0].reasons[0];
        assert!(!r.message.is_empty());
        assert_eq!(
            serde_json::to_value(r.code).unwrap(),
            serde_json::Value::String(code.code().into())
        );
        seen.push(code);
    }
    seen.dedup();
    assert_eq!(seen, KnockOut::ALL.to_vec(), "every code has a case");
}

#[test]
fn boundaries_pass() {
    let passing: Vec<(&str, Breaker)> = vec![
        ("rent exactly the maximum", |c| {
            c.d.rent_cents = c.p.max_rent_cents
        }),
        ("available on the reference date", |c| {
            c.d.available_from = date(2026, 6, 1)
        }),
        ("support exactly the minimum", |c| {
            c.p.support_hours_per_week = 2.0
        }),
        ("household exactly the maximum", |c| c.p.household_size = 2),
        ("one below the placement maximum", |c| {
            c.a.criteria.current_placements.insert("Blerick".into(), 3);
        }),
        ("wheelchair dwelling for a step-free need", |c| {
            c.d.step_free = false;
            c.d.wheelchair = true;
        }),
        ("young-adult dwelling, band 23-27", |c| {
            c.d.age_label = AgeLabel::YoungAdults;
            c.p.age_band = AgeBand::From23To27;
        }),
        ("55+ dwelling, band 67+", |c| {
            c.d.age_label = AgeLabel::FiftyFivePlus;
            c.p.age_band = AgeBand::From67;
        }),
        ("resolved arrears with budget management", |c| {
            c.p.rent_arrears = History::Resolved;
            c.p.budget_management = true;
        }),
        ("resolved nuisance with a safety plan present", |c| {
            c.p.nuisance = History::Resolved;
            c.p.safety_plan = SafetyPlan::Present;
        }),
        ("gemeente spelled differently", |c| {
            c.d.gemeente = "VENLO".into()
        }),
        ("no placement maximum", |c| {
            c.a.criteria.max_placements_per_neighbourhood = None;
            c.a.criteria.current_placements.insert("Blerick".into(), 99);
        }),
    ];
    for (what, change) in passing {
        let mut c = baseline();
        change(&mut c);
        let m = run(&c);
        assert_eq!(m.eligible.len(), 1, "{what}: {:?}", m.knocked_out);
    }
}

#[test]
fn all_knock_outs_together_are_all_reported() {
    let mut c = baseline();
    c.d.gemeente = "Weert".into();
    c.p.excluded_neighbourhoods = vec!["blerick".into()];
    c.p.contract_form = ContractForm::LeaseInCareProviderName;
    c.p.rent_arrears = History::Current;
    c.p.nuisance = History::Current;
    c.p.relapse_plan = None;
    c.p.support_hours_per_week = 0.0;
    c.d.age_label = AgeLabel::FiftyFivePlus;
    c.p.household_size = 5;
    c.p.mobility = Mobility::Wheelchair;
    c.d.rent_cents = c.p.max_rent_cents + 100;
    c.a.criteria.current_placements.insert("Blerick".into(), 4);
    c.d.available_from = date(2027, 1, 1);
    let m = run(&c);
    assert_eq!(codes(&m), KnockOut::ALL.to_vec());
    // Reasons name criteria, never values from the input.
    for r in m.knocked_out[0].reasons.iter() {
        for value in ["Weert", "Blerick", "Venlo", "w1", "713", "500"] {
            assert!(!r.message.contains(value), "{}", r.message);
        }
    }
}

fn component(m: &ProfileMatch, kind: ComponentKind) -> (f64, f64) {
    let c = m.eligible[0]
        .components
        .iter()
        .find(|c| c.kind == kind)
        .unwrap();
    (c.value, c.points)
}

fn assert_close(a: f64, b: f64, what: &str) {
    assert!((a - b).abs() < 1e-12, "{what}: {a} != {b}");
}

#[test]
fn area_component_edges() {
    let mut c = baseline();
    c.p.search_area = vec![
        "Venlo".into(),
        "Venray".into(),
        "Horst aan de Maas".into(),
        "Beesel".into(),
    ];
    for (gemeente, value) in [
        ("Venlo", 1.0),
        ("Venray", 0.75),
        ("Horst aan de Maas", 0.5),
        ("Beesel", 0.25),
    ] {
        c.d.gemeente = gemeente.into();
        c.d.neighbourhood = "Centrum".into();
        let m = run(&c);
        let (v, p) = component(&m, ComponentKind::AreaPreference);
        assert_close(v, value, gemeente);
        assert_close(p, 30.0 * value, gemeente);
    }
}

#[test]
fn housing_form_component_cases() {
    let cases = [
        (
            HousingForm::NoPreference,
            DwellingType::Apartment,
            true,
            1.0,
        ),
        (
            HousingForm::NoPreference,
            DwellingType::Apartment,
            false,
            1.0,
        ),
        (
            HousingForm::Independent,
            DwellingType::Apartment,
            false,
            1.0,
        ),
        (HousingForm::Independent, DwellingType::Apartment, true, 0.5),
        (HousingForm::InComplex, DwellingType::Apartment, true, 1.0),
        (HousingForm::InComplex, DwellingType::Apartment, false, 0.3),
        (HousingForm::Cluster, DwellingType::ClusterUnit, true, 1.0),
        (HousingForm::Cluster, DwellingType::Apartment, true, 0.2),
        (HousingForm::Cluster, DwellingType::Studio, false, 0.2),
    ];
    for (form, kind, in_complex, value) in cases {
        let mut c = baseline();
        c.p.housing_form = form;
        c.d.dwelling_type = kind;
        c.d.in_complex = in_complex;
        let m = run(&c);
        let (v, p) = component(&m, ComponentKind::HousingForm);
        assert_close(v, value, &format!("{form:?} {kind:?} {in_complex}"));
        assert_close(p, 20.0 * value, "points");
    }
}

#[test]
fn rent_headroom_component_edges() {
    let max = profile().max_rent_cents;
    let cases = [
        (max, 0.0),
        (max * 3 / 4, 1.0),
        (0, 1.0),
        (max - max / 8, 0.5),
    ];
    for (rent, value) in cases {
        let mut c = baseline();
        c.d.rent_cents = rent;
        let m = run(&c);
        let (v, _) = component(&m, ComponentKind::RentHeadroom);
        let expected = if value == 0.5 {
            (f64::from(max) - f64::from(rent)) / (0.25 * f64::from(max))
        } else {
            value
        };
        assert_close(v, expected, &format!("rent {rent}"));
    }
}

#[test]
fn support_fit_component_edges() {
    // Five integer scores: a mean of 2.4 is at or below 2.5, 2.6 is above it.
    let low = SelfReliance {
        household_care: 2,
        work_day_activities: 2,
        social_network: 2,
        social_self_reliance: 3,
        finances_debts: 3,
    };
    let high = SelfReliance {
        finances_debts: 4,
        ..low
    };
    assert_close(low.mean(), 2.4, "mean");
    assert_close(high.mean(), 2.6, "mean");
    let cases = [
        (low, DwellingType::Apartment, false, 0.4),
        (low, DwellingType::Apartment, true, 1.0),
        (low, DwellingType::ClusterUnit, false, 1.0),
        (high, DwellingType::Apartment, false, 1.0),
        (high, DwellingType::Apartment, true, 1.0),
    ];
    for (sr, kind, in_complex, value) in cases {
        let mut c = baseline();
        c.p.self_reliance = sr;
        c.p.housing_form = HousingForm::NoPreference;
        c.d.dwelling_type = kind;
        c.d.in_complex = in_complex;
        let m = run(&c);
        let (v, p) = component(&m, ComponentKind::SupportFit);
        assert_close(v, value, &format!("{} {kind:?} {in_complex}", sr.mean()));
        assert_close(p, 15.0 * value, "points");
    }
}

#[test]
fn spreading_component_edges() {
    for (count, max, value) in [
        (0, Some(4), 1.0),
        (3, Some(4), 0.25),
        (2, Some(4), 0.5),
        (7, None, 1.0),
    ] {
        let mut c = baseline();
        c.a.criteria.max_placements_per_neighbourhood = max;
        c.a.criteria.current_placements = BTreeMap::from([("Blerick".to_string(), count)]);
        let m = run(&c);
        let (v, _) = component(&m, ComponentKind::Spreading);
        assert_close(v, value, &format!("c={count} m={max:?}"));
    }
}

#[test]
fn size_fit_component_edges() {
    for (rooms, value) in [(1, 1.0), (2, 1.0), (3, 0.7), (5, 0.7)] {
        let mut c = baseline();
        c.d.rooms = rooms;
        let m = run(&c);
        let (v, p) = component(&m, ComponentKind::SizeFit);
        assert_close(v, value, &format!("rooms {rooms}"));
        assert_close(p, 5.0 * value, "points");
    }
}

#[test]
fn total_is_the_rounded_sum_of_points() {
    let mut c = baseline();
    // area 1 → 30; independent, not in complex → 20; rent 0.75·max → 20; mean 3 → 15;
    // c=1, m=4 → 7.5; rooms 3 for 1 person → 3.5. Sum 96 exactly.
    c.d.rent_cents = c.p.max_rent_cents * 3 / 4;
    c.d.rooms = 3;
    let m = run(&c);
    let s = &m.eligible[0];
    let sum: f64 = s.components.iter().map(|c| c.points).sum();
    assert_close(sum, 96.0, "sum");
    assert_eq!(s.score, 96);
    // 30 + 20 + 20 + 15 + 10·(3/4) + 5 = 97.5 → 98 (halves round up).
    c.d.rooms = 2;
    assert_eq!(run(&c).eligible[0].score, 98);
    // Every component at its lowest non-zero edge.
    c.p.search_area = vec!["Venray".into(), "Venlo".into()];
    c.p.housing_form = HousingForm::Cluster;
    c.d.rent_cents = c.p.max_rent_cents;
    c.p.self_reliance = SelfReliance {
        household_care: 1,
        work_day_activities: 1,
        social_network: 1,
        social_self_reliance: 1,
        finances_debts: 1,
    };
    c.a.criteria.current_placements = BTreeMap::from([("Blerick".to_string(), 3)]);
    c.d.rooms = 4;
    // 15 + 4 + 0 + 6 + 2.5 + 3.5 = 31
    assert_eq!(run(&c).eligible[0].score, 31);
}

#[test]
fn weights_change_the_score_and_must_add_up() {
    let c = baseline();
    let offer = Offer {
        associations: vec![c.a.clone()],
        dwellings: vec![c.d.clone()],
    };
    let only_area = Weights {
        area: 100,
        housing_form: 0,
        rent_headroom: 0,
        support_fit: 0,
        spreading: 0,
        size_fit: 0,
    };
    let m = match_profile(&c.p, &offer, &only_area, reference()).unwrap();
    assert_eq!(m.eligible[0].score, 100);
    let mut p = c.p.clone();
    p.search_area = vec!["Venray".into(), "Horst aan de Maas".into(), "Venlo".into()];
    let m = match_profile(&p, &offer, &only_area, reference()).unwrap();
    assert_eq!(m.eligible[0].score, 33);
    for bad in [
        Weights {
            area: 29,
            ..Weights::default()
        },
        Weights {
            area: 31,
            ..Weights::default()
        },
        Weights {
            area: u32::MAX,
            ..Weights::default()
        },
    ] {
        let e = match_profile(&c.p, &offer, &bad, reference()).unwrap_err();
        assert_eq!(e.code, "WEIGHTS_INVALID");
        assert!(score_matrix(std::slice::from_ref(&c.p), &offer, &bad, reference()).is_err());
    }
}

#[test]
fn equal_scores_are_ordered_by_dwelling_id() {
    let c = baseline();
    let mut dwellings = Vec::new();
    for id in ["w-c", "w-a", "w-b"] {
        dwellings.push(dwelling(id));
    }
    // Lower score despite the smallest id among the eligible: rent at the maximum.
    let mut worse = dwelling("w-0");
    worse.rent_cents = c.p.max_rent_cents;
    dwellings.push(worse);
    let mut out = dwelling("w-00");
    out.gemeente = "Weert".into();
    dwellings.push(out);
    let offer = Offer {
        associations: vec![c.a.clone()],
        dwellings,
    };
    let m = match_profile(&c.p, &offer, &Weights::default(), reference()).unwrap();
    let ids: Vec<&str> = m.eligible.iter().map(|e| e.dwelling_id.as_str()).collect();
    assert_eq!(ids, ["w-a", "w-b", "w-c", "w-0"]);
    assert!(m.eligible[0].score > m.eligible[3].score);
    assert_eq!(m.eligible[0].score, m.eligible[2].score);
    assert_eq!(m.knocked_out.len(), 1);
}

#[test]
fn rent_limit_table_drives_the_rent_knock_out() {
    let limits = rentlimits::current();
    let mut c = baseline();
    c.d.max_household = 4;
    c.d.rooms = 3;
    // Just above the lower aftoppingsgrens: too expensive for one person with a low income,
    // fine for three persons (upper aftoppingsgrens) and for an income above the limit.
    c.d.rent_cents = limits.aftoppingsgrens_laag_cents + 1;
    let cases = [
        (1, AgeBand::From28To54, IncomeBand::AtOrBelowLimit, false),
        (2, AgeBand::From28To54, IncomeBand::AtOrBelowLimit, false),
        (3, AgeBand::From28To54, IncomeBand::AtOrBelowLimit, true),
        (1, AgeBand::From28To54, IncomeBand::AboveLimit, true),
        (1, AgeBand::From18To22, IncomeBand::AtOrBelowLimit, false),
    ];
    for (size, band, income, eligible) in cases {
        c.p.household_size = size;
        c.p.age_band = band;
        c.p.income_band = income;
        c.p.max_rent_cents = limits.max_rent_cents(size, band, income);
        let m = run(&c);
        assert_eq!(
            m.eligible.len() == 1,
            eligible,
            "{size} {band:?} {income:?}"
        );
        if !eligible {
            assert_eq!(codes(&m), vec![KnockOut::Rent]);
        }
    }
    // A young adult at the kwaliteitskortingsgrens passes.
    c.p.household_size = 1;
    c.p.age_band = AgeBand::From18To22;
    c.p.income_band = IncomeBand::AtOrBelowLimit;
    c.p.max_rent_cents = limits.max_rent_cents(1, AgeBand::From18To22, IncomeBand::AtOrBelowLimit);
    c.d.rent_cents = limits.kwaliteitskortingsgrens_cents;
    assert_eq!(run(&c).eligible.len(), 1);
}

#[test]
fn association_results_follow_policy_and_search_area() {
    let c = baseline();
    let mut strict = association();
    strict.id = "strict".into();
    strict.criteria.min_support_hours = 10.0;
    strict.criteria.accepted_contract_forms = vec![ContractForm::LeaseInCareProviderName];
    let mut elsewhere = association();
    elsewhere.id = "elsewhere".into();
    elsewhere.working_area = vec!["Weert".into()];
    let mut empty = association();
    empty.id = "empty".into();
    let offer = Offer {
        associations: vec![strict, elsewhere, empty, c.a.clone()],
        dwellings: vec![c.d.clone()],
    };
    let m = match_profile(&c.p, &offer, &Weights::default(), reference()).unwrap();
    let by_id = |id: &str| {
        m.associations
            .iter()
            .find(|a| a.association_id == id)
            .unwrap()
    };
    let corp = by_id("corp");
    assert!(corp.eligible && corp.reasons.is_empty());
    assert_eq!(corp.best_score, Some(m.eligible[0].score));
    let empty = by_id("empty");
    assert!(empty.eligible, "no dwellings, still selectable on policy");
    assert_eq!(empty.best_score, None);
    let strict = by_id("strict");
    assert!(!strict.eligible);
    let codes: Vec<KnockOut> = strict.reasons.iter().map(|r| r.code).collect();
    assert_eq!(codes, vec![KnockOut::Contract, KnockOut::Support]);
    let elsewhere = by_id("elsewhere");
    assert!(!elsewhere.eligible);
    assert_eq!(elsewhere.reasons[0].code, KnockOut::Area);
    // Ranked: eligible first, best score first.
    let order: Vec<&str> = m
        .associations
        .iter()
        .map(|a| a.association_id.as_str())
        .collect();
    assert_eq!(order, ["corp", "empty", "elsewhere", "strict"]);
}

#[test]
fn score_matrix_agrees_with_match_profile_on_the_sample() {
    let offer = sample_offer();
    let profiles = synthetic_profiles(40, 3);
    let w = Weights::default();
    let m = score_matrix(&profiles, &offer, &w, reference()).unwrap();
    let mut eligible_pairs = 0;
    for (i, p) in profiles.iter().enumerate() {
        let r = match_profile(p, &offer, &w, reference()).unwrap();
        assert_eq!(
            r.eligible.len() + r.knocked_out.len(),
            offer.dwellings.len()
        );
        for s in &r.eligible {
            let j = offer
                .dwellings
                .iter()
                .position(|d| d.id == s.dwelling_id)
                .unwrap();
            assert_eq!(m.get(i, j), Some(s.score));
        }
        for k in &r.knocked_out {
            let j = offer
                .dwellings
                .iter()
                .position(|d| d.id == k.dwelling_id)
                .unwrap();
            assert_eq!(m.get(i, j), None);
            assert!(!k.reasons.is_empty());
        }
        eligible_pairs += r.eligible.len();
    }
    assert_eq!(m.eligible_pairs(), eligible_pairs);
    assert!(eligible_pairs > 0, "the sample must match some profiles");
}

#[test]
fn shared_reason_lists_equal_reasons_computed_alone() {
    let offer = sample_offer();
    for p in synthetic_profiles(15, 21) {
        let m = match_profile(&p, &offer, &Weights::default(), reference()).unwrap();
        for k in &m.knocked_out {
            let d = offer
                .dwellings
                .iter()
                .find(|d| d.id == k.dwelling_id)
                .unwrap();
            let alone = Offer {
                associations: offer.associations.clone(),
                dwellings: vec![d.clone()],
            };
            let one = match_profile(&p, &alone, &Weights::default(), reference()).unwrap();
            assert_eq!(one.knocked_out[0].reasons, k.reasons, "{}", k.dwelling_id);
        }
    }
}
