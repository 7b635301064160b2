//! Property tests: export → import gives the same offer, and no input makes the importers panic.

use proptest::prelude::*;
use std::collections::BTreeMap;
use woonkans_core::date::Date;
use woonkans_core::import::{
    decode_text, export_associations_csv, export_dwellings_csv, export_json, import_csv,
    import_file, import_json, parse_amount_cents,
};
use woonkans_core::offer::{
    AgeLabel, Criteria, Dwelling, DwellingType, HousingAssociation, MergeMode, Offer,
};
use woonkans_core::profile::{ContractForm, History};
use woonkans_core::region::all_gemeenten;

fn gemeente() -> impl Strategy<Value = String> {
    (0usize..15).prop_map(|i| all_gemeenten().nth(i).unwrap_or("Venlo").to_string())
}

/// Names as people write them: letters (also with accents), spaces, apostrophes, hyphens,
/// commas and quotes, trimmed.
fn name() -> impl Strategy<Value = String> {
    "[A-Za-zëéïöüÉ][A-Za-zëéïöü '’\"(),.-]{0,14}[A-Za-z]".prop_map(|s| s.trim().to_string())
}

/// Neighbourhood names in the placements list additionally avoid the list's own separators.
fn placement_name() -> impl Strategy<Value = String> {
    "[A-Za-zëé][A-Za-zëé '-]{0,10}[a-z]".prop_map(|s| s.trim().to_string())
}

fn history() -> impl Strategy<Value = History> {
    prop_oneof![
        Just(History::None),
        Just(History::Resolved),
        Just(History::Current)
    ]
}

fn association(id: String) -> impl Strategy<Value = HousingAssociation> {
    (
        name(),
        proptest::sample::subsequence((0..15).collect::<Vec<usize>>(), 1..5),
        proptest::sample::subsequence(
            vec![
                ContractForm::RegularLease,
                ContractForm::LeaseWithCareAgreement,
                ContractForm::LeaseInCareProviderName,
            ],
            1..=3,
        ),
        (
            history(),
            any::<bool>(),
            history(),
            any::<bool>(),
            any::<bool>(),
        ),
        (0u32..=16_800).prop_map(|k| f64::from(k) / 100.0),
        proptest::option::of(1u32..50),
        proptest::collection::btree_map(placement_name(), 0u32..20, 0..4),
        any::<bool>(),
    )
        .prop_map(
            move |(
                name,
                area,
                forms,
                (arrears, budget, nuisance, plan, relapse),
                hours,
                max,
                current,
                example,
            )| {
                HousingAssociation {
                    id: id.clone(),
                    name,
                    working_area: area
                        .into_iter()
                        .map(|i| all_gemeenten().nth(i).unwrap_or("Venlo").to_string())
                        .collect(),
                    criteria: Criteria {
                        accepted_contract_forms: forms,
                        max_rent_arrears: arrears,
                        arrears_requires_budget_management: budget,
                        max_nuisance: nuisance,
                        nuisance_requires_safety_plan: plan,
                        relapse_plan_required: relapse,
                        min_support_hours: hours,
                        max_placements_per_neighbourhood: max,
                        current_placements: current.into_iter().collect::<BTreeMap<_, _>>(),
                    },
                    example,
                }
            },
        )
}

fn dwelling(id: String, association_id: String) -> impl Strategy<Value = Dwelling> {
    (
        gemeente(),
        name(),
        proptest::sample::select(DwellingType::ALL.to_vec()),
        any::<bool>(),
        1u8..=20,
        any::<u32>(),
        (any::<bool>(), any::<bool>()),
        proptest::sample::select(AgeLabel::ALL.to_vec()),
        (1u8..=12, 0u8..12),
        0i64..36_500,
    )
        .prop_map(
            move |(
                gemeente,
                neighbourhood,
                dwelling_type,
                in_complex,
                rooms,
                rent_cents,
                (step_free, wheelchair),
                age_label,
                (min, extra),
                day,
            )| {
                Dwelling {
                    id: id.clone(),
                    association_id: association_id.clone(),
                    gemeente,
                    neighbourhood,
                    dwelling_type,
                    in_complex,
                    rooms,
                    rent_cents,
                    step_free,
                    wheelchair,
                    age_label,
                    min_household: min,
                    max_household: (min + extra).min(12),
                    available_from: Date::from_days_since_epoch(day),
                }
            },
        )
}

fn offer() -> impl Strategy<Value = Offer> {
    (1usize..4, 0usize..12)
        .prop_flat_map(|(n_assoc, n_dwell)| {
            let assocs: Vec<_> = (0..n_assoc)
                .map(|i| association(format!("corp-{i}")))
                .collect();
            let dwellings: Vec<_> = (0..n_dwell)
                .map(|i| dwelling(format!("W {i}/x"), format!("corp-{}", i % n_assoc)))
                .collect();
            (assocs, dwellings)
        })
        .prop_map(|(associations, dwellings)| Offer {
            associations,
            dwellings,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn json_round_trip(o in offer()) {
        prop_assert!(o.validate().is_ok());
        let back = import_json(&export_json(&o)).unwrap();
        prop_assert_eq!(back.offer_part, o);
    }

    #[test]
    fn csv_round_trip(o in offer()) {
        let a = import_csv(&export_associations_csv(&o)).unwrap();
        prop_assert!(a.errors.is_empty(), "{:?}", a.errors);
        let (merged, _) = Offer::default().merge(&a.offer_part, MergeMode::AddAndUpdate).unwrap();
        let merged = if o.dwellings.is_empty() {
            merged
        } else {
            let d = import_csv(&export_dwellings_csv(&o)).unwrap();
            prop_assert!(d.errors.is_empty(), "{:?}", d.errors);
            prop_assert_eq!(d.accepted_rows, o.dwellings.len());
            merged.merge(&d.offer_part, MergeMode::AddAndUpdate).unwrap().0
        };
        prop_assert_eq!(merged, o);
    }

    #[test]
    fn amounts_round_trip(cents in any::<u32>()) {
        let dutch = format!("{},{:02}", cents / 100, cents % 100);
        prop_assert_eq!(parse_amount_cents(&dutch), Some(cents));
        let english = format!("{}.{:02}", cents / 100, cents % 100);
        prop_assert_eq!(parse_amount_cents(&english), Some(cents));
        // Thousands grouped with dots, as a Dutch spreadsheet shows money.
        let digits = (cents / 100).to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push('.');
            }
            grouped.push(c);
        }
        let grouped = format!("€ {grouped},{:02}", cents % 100);
        prop_assert_eq!(parse_amount_cents(&grouped), Some(cents), "{}", grouped);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = decode_text(&bytes);
        let _ = import_csv(&bytes);
        let _ = import_file(&bytes);
        if let Ok(s) = std::str::from_utf8(&bytes) {
            let _ = import_json(s);
            let _ = parse_amount_cents(s);
        }
    }

    #[test]
    fn csv_like_text_never_panics(
        header in proptest::sample::subsequence(
            vec!["Woning-id", "Corporatie", "Gemeente", "Wijk", "Type", "Kamers", "Huur",
                 "Traploos", "Rolstoel", "Label", "Min huishouden", "Max huishouden",
                 "Beschikbaar per", "Werkgebied", "Contractvormen", "Max huurachterstand",
                 "Huidige plaatsingen", "Min uren ondersteuning", "Max overlast"],
            0..19),
        rows in proptest::collection::vec(
            proptest::collection::vec("[ -~ëé€\"\n;,]{0,8}", 0..16), 0..8),
        sep in proptest::sample::select(vec![";", ",", "\t"]),
    ) {
        let mut text = header.join(sep);
        for r in rows {
            text.push('\n');
            text.push_str(&r.join(sep));
        }
        if let Ok(report) = import_csv(text.as_bytes()) {
            let lines = text.lines().count().max(1);
            for e in &report.errors {
                prop_assert!(e.line >= 1 && e.line <= lines + 1, "line {} of {}", e.line, lines);
            }
        }
    }
}
