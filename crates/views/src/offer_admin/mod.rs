//! What the offer page (Aanbod & criteria) shows and how its forms become offer changes: Dutch
//! labels, euro and decimal formatting, dwelling filters and paging, export files, import
//! previews, and the edit forms for an association's criteria, a dwelling and the score weights.
//!
//! Every change goes through the offer's own validation ([`Offer::validate`]) and returns a new
//! offer; the loaded one is never touched, so a refused edit loses nothing. Error messages name
//! the field, never the value typed.

mod export;
mod forms;
mod import_preview;
mod listing;

pub use export::*;
pub use forms::*;
pub use import_preview::*;
pub use listing::*;

use std::collections::BTreeMap;
use woonkans_core::date::Date;
use woonkans_core::error::{Error, Result};
use woonkans_core::import::{self, ImportKind, ImportReport, parse_amount_cents, parse_decimal};
use woonkans_core::matching::{ComponentKind, Weights};
use woonkans_core::offer::{
    AgeLabel, Criteria, Dwelling, DwellingType, HousingAssociation, MergeCounts, MergeMode,
    MergeSummary, Offer,
};
use woonkans_core::profile::{ContractForm, History};
use woonkans_core::region::canonical_gemeente;
use woonkans_core::rentlimits::RentLimits;
use woonkans_core::vocab::{self, Dutch};

pub use crate::select::{from_key, key};

pub const CONTRACT_FORMS: [ContractForm; 3] = [
    ContractForm::RegularLease,
    ContractForm::LeaseWithCareAgreement,
    ContractForm::LeaseInCareProviderName,
];

pub const HISTORIES: [History; 3] = [History::None, History::Resolved, History::Current];

/// How far back an association accepts arrears or nuisance, as a sentence.
fn history_line(what: &str, max: History, condition: bool, condition_text: &str) -> String {
    let accepted = match max {
        History::None => return format!("{what} in het verleden: niet geaccepteerd"),
        History::Resolved => "geaccepteerd als die is opgelost",
        History::Current => "geaccepteerd, ook als die nu speelt",
    };
    let condition = if condition { condition_text } else { "" };
    format!("{what}: {accepted}{condition}")
}

/// Short Dutch summary of an association's Woonkans criteria, one line per criterion.
pub fn criteria_summary(c: &Criteria) -> Vec<String> {
    let forms: Vec<&str> = c
        .accepted_contract_forms
        .iter()
        .map(|f| f.dutch())
        .collect();
    let arrears = history_line(
        "Huurachterstand",
        c.max_rent_arrears,
        c.arrears_requires_budget_management,
        ", met bewindvoering",
    );
    let nuisance = history_line(
        "Overlast",
        c.max_nuisance,
        c.nuisance_requires_safety_plan,
        ", met veiligheidsplan",
    );
    let relapse = if c.relapse_plan_required {
        "Terugvalplan vereist"
    } else {
        "Terugvalplan niet vereist"
    };
    let support = if c.min_support_hours > 0.0 {
        format!(
            "Minimaal {} uur ondersteuning per week",
            vocab::decimal(c.min_support_hours, 2)
        )
    } else {
        "Geen minimum aan ondersteuning".to_string()
    };
    let placements = match c.max_placements_per_neighbourhood {
        Some(m) => {
            let full = c
                .current_placements
                .keys()
                .filter(|k| c.placements_in(k) >= m)
                .count();
            let mut s = format!(
                "Maximaal {} per wijk",
                vocab::count(m as usize, "Woonkans-plaatsing", "Woonkans-plaatsingen")
            );
            if full > 0 {
                s.push_str(&format!(" ({} vol)", vocab::count(full, "wijk", "wijken")));
            }
            s
        }
        None => "Geen maximum aantal plaatsingen per wijk".to_string(),
    };
    vec![
        format!("Contractvormen: {}", forms.join(", ")),
        arrears,
        nuisance,
        relapse.to_string(),
        support,
        placements,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use woonkans_core::import::ImportKind;
    use woonkans_core::sample::sample_offer;

    fn date(y: i32, m: u8, d: u8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    #[test]
    fn keys_round_trip() {
        for t in DwellingType::ALL {
            assert_eq!(from_key::<DwellingType>(&key(&t)), Some(t));
        }
        for h in HISTORIES {
            assert_eq!(from_key::<History>(&key(&h)), Some(h));
        }
        assert_eq!(
            key(&DwellingType::GroundFloorApartment),
            "groundFloorApartment"
        );
        assert_eq!(from_key::<DwellingType>("villa"), None);
    }

    #[test]
    fn criteria_summary_names_every_criterion() {
        let offer = sample_offer();
        for a in &offer.associations {
            let lines = criteria_summary(&a.criteria);
            assert_eq!(lines.len(), 6);
            assert!(lines[0].starts_with("Contractvormen: "));
        }
        let mut c = offer.associations[0].criteria.clone();
        c.max_rent_arrears = History::Resolved;
        c.arrears_requires_budget_management = true;
        c.max_nuisance = History::None;
        c.relapse_plan_required = true;
        c.min_support_hours = 2.5;
        c.max_placements_per_neighbourhood = Some(2);
        c.current_placements = BTreeMap::from([("Blerick".into(), 2), ("Tegelen".into(), 1)]);
        let lines = criteria_summary(&c);
        assert_eq!(
            lines[1],
            "Huurachterstand: geaccepteerd als die is opgelost, met bewindvoering"
        );
        assert_eq!(lines[2], "Overlast in het verleden: niet geaccepteerd");
        assert_eq!(lines[3], "Terugvalplan vereist");
        assert_eq!(lines[4], "Minimaal 2,5 uur ondersteuning per week");
        assert_eq!(
            lines[5],
            "Maximaal 2 Woonkans-plaatsingen per wijk (1 wijk vol)"
        );
    }

    #[test]
    fn filters_combine_and_pages_clamp() {
        let offer = sample_offer();
        let all = filter_dwellings(&offer, &DwellingFilter::default());
        assert_eq!(all.len(), offer.dwellings.len());
        let venlo = DwellingFilter {
            gemeente: "Venlo".into(),
            ..Default::default()
        };
        let v = filter_dwellings(&offer, &venlo);
        assert!(!v.is_empty() && v.iter().all(|d| d.gemeente == "Venlo"));
        let studio_venlo = DwellingFilter {
            dwelling_type: Some(DwellingType::Studio),
            ..venlo.clone()
        };
        let s = filter_dwellings(&offer, &studio_venlo);
        assert!(s.len() < v.len());
        assert!(s.iter().all(|d| d.dwelling_type == DwellingType::Studio));
        let on = date(2026, 6, 1);
        let avail = filter_dwellings(
            &offer,
            &DwellingFilter {
                available_on: Some(on),
                ..Default::default()
            },
        );
        assert!(avail.iter().all(|d| d.available_from <= on));
        assert!(avail.len() < all.len() && !avail.is_empty());

        assert_eq!(
            page_slice(480, 0, 50),
            PageSlice {
                page: 0,
                pages: 10,
                start: 0,
                end: 50
            }
        );
        assert_eq!(
            page_slice(480, 9, 50),
            PageSlice {
                page: 9,
                pages: 10,
                start: 450,
                end: 480
            }
        );
        assert_eq!(page_slice(480, 99, 50).page, 9);
        assert_eq!(
            page_slice(0, 3, 50),
            PageSlice {
                page: 0,
                pages: 1,
                start: 0,
                end: 0
            }
        );
        assert_eq!(page_slice(5, 0, 0).pages, 5);
    }

    #[test]
    fn exports_are_named_by_date_and_read_back() {
        let offer = sample_offer();
        let today = date(2026, 11, 28);
        let json = export(&offer, ExportKind::Json, today);
        assert_eq!(json.file_name, "woonkans-aanbod-2026-11-28.json");
        let back = import::import_file(&json.bytes).unwrap();
        assert_eq!(back.offer_part, offer);
        let d = export(&offer, ExportKind::DwellingsCsv, today);
        assert_eq!(d.file_name, "woonkans-woningen-2026-11-28.csv");
        let back = import::import_file(&d.bytes).unwrap();
        assert_eq!(back.kind, ImportKind::Dwellings);
        assert_eq!(back.offer_part.dwellings, offer.dwellings);
        let a = export(&offer, ExportKind::AssociationsCsv, today);
        assert_eq!(a.file_name, "woonkans-corporaties-2026-11-28.csv");
        assert_eq!(
            import::import_file(&a.bytes).unwrap().kind,
            ImportKind::Associations
        );
    }

    #[test]
    fn size_check_matches_the_import() {
        assert!(check_import_size(import::MAX_BYTES as f64).is_ok());
        let e = check_import_size(import::MAX_BYTES as f64 + 1.0).unwrap_err();
        let big = vec![b'a'; import::MAX_BYTES + 1];
        let from_import = import::import_file(&big).unwrap_err();
        assert_eq!((e.code, e.message), (from_import.code, from_import.message));
    }

    #[test]
    fn preview_counts_both_choices_without_changing_anything() {
        let offer = sample_offer();
        let before = offer.clone();
        let mut part = Offer::default();
        let mut changed = offer.dwellings[0].clone();
        changed.rent_cents += 100;
        let mut new = offer.dwellings[1].clone();
        new.id = "NIEUW-1".into();
        part.dwellings = vec![changed, new, offer.dwellings[2].clone()];
        let report = ImportReport {
            kind: ImportKind::Dwellings,
            offer_part: part,
            accepted_rows: 3,
            errors: vec![],
            ignored_columns: vec![],
        };
        let p = import_preview(&offer, &report);
        assert_eq!(offer, before);
        let add = p.add_and_update.unwrap();
        assert_eq!((add.dwellings.added, add.dwellings.updated), (1, 1));
        assert_eq!(add.dwellings.unchanged, offer.dwellings.len() - 1);
        let rep = p.replace.unwrap();
        assert_eq!(rep.dwellings.removed, offer.dwellings.len() - 2);
        let lines = merge_summary_lines(&rep);
        assert!(lines[1].starts_with("Woningen: 1 toegevoegd, 1 bijgewerkt, 1 ongewijzigd, "));
        assert!(lines[1].ends_with(" verwijderd"));
        assert!(!merge_summary_lines(&add)[1].contains("verwijderd"));
    }

    #[test]
    fn criteria_form_round_trips_and_edits() {
        let offer = sample_offer();
        let a = &offer.associations[0];
        let form = CriteriaForm::of(a);
        let same = apply_criteria(&offer, &a.id, &form).unwrap();
        assert_eq!(same, offer, "an untouched form changes nothing");

        let mut form = CriteriaForm::of(a);
        form.min_support_hours = "3,5".into();
        form.max_placements = "4".into();
        form.current_placements = "Blerick: 2\n\nTegelen : 1; blerick: 1".into();
        form.contract_forms = vec![
            ContractForm::LeaseInCareProviderName,
            ContractForm::RegularLease,
        ];
        form.working_area = vec!["venray".into(), "Venlo".into()];
        let next = apply_criteria(&offer, &a.id, &form).unwrap();
        let c = &next.associations[0].criteria;
        assert_eq!(c.min_support_hours, 3.5);
        assert_eq!(c.max_placements_per_neighbourhood, Some(4));
        assert_eq!(c.placements_in("Blerick"), 3);
        assert_eq!(c.placements_in("Tegelen"), 1);
        assert_eq!(
            c.accepted_contract_forms,
            vec![
                ContractForm::RegularLease,
                ContractForm::LeaseInCareProviderName
            ]
        );
        assert_eq!(next.associations[0].working_area, vec!["Venlo", "Venray"]);
        assert_eq!(offer.associations[0], *a, "the input offer is untouched");
    }

    #[test]
    fn criteria_form_reports_every_bad_field_without_values() {
        let offer = sample_offer();
        let a = &offer.associations[0];
        let mut form = CriteriaForm::of(a);
        form.min_support_hours = "veel uren".into();
        form.max_placements = "drie".into();
        form.current_placements = "Blerick twee".into();
        form.contract_forms.clear();
        form.working_area.clear();
        form.name = "  ".into();
        let errors = apply_criteria(&offer, &a.id, &form).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "minSupportHours",
                "maxPlacementsPerNeighbourhood",
                "currentPlacements",
                "workingArea",
                "acceptedContractForms",
                "name"
            ]
        );
        for e in &errors {
            assert!(!e.message.contains("veel") && !e.message.contains("drie"));
            assert!(!e.message.contains("Blerick"));
        }
        // Values that parse but break the offer's own rules come back from its validation.
        let mut form = CriteriaForm::of(a);
        form.min_support_hours = "200".into();
        let errors = apply_criteria(&offer, &a.id, &form).unwrap_err();
        assert_eq!(errors[0].field, "minSupportHours");
        let mut form = CriteriaForm::of(a);
        form.max_placements = "0".into();
        let errors = apply_criteria(&offer, &a.id, &form).unwrap_err();
        assert_eq!(errors[0].field, "maxPlacementsPerNeighbourhood");
        let mut form = CriteriaForm::of(a);
        form.working_area = vec!["Maastricht".into()];
        assert_eq!(
            apply_criteria(&offer, &a.id, &form).unwrap_err()[0].field,
            "workingArea"
        );
        assert_eq!(
            apply_criteria(&offer, "bestaat-niet", &CriteriaForm::of(a)).unwrap_err()[0].field,
            ""
        );
    }

    #[test]
    fn dwelling_form_round_trips_and_validates() {
        let offer = sample_offer();
        let d = &offer.dwellings[5];
        let form = DwellingForm::of(d);
        assert_eq!(apply_dwelling(&offer, &d.id, &form).unwrap(), offer);

        let mut form = DwellingForm::of(d);
        form.rent = "€ 612,50".into();
        form.rooms = "3".into();
        form.gemeente = "bergen l".into();
        form.neighbourhood = " Centrum ".into();
        form.available_from = "01-02-2027".into();
        form.wheelchair = true;
        form.step_free = true;
        let next = apply_dwelling(&offer, &d.id, &form).unwrap();
        let e = &next.dwellings[5];
        assert_eq!(e.rent_cents, 61_250);
        assert_eq!(e.rooms, 3);
        assert_eq!(e.gemeente, "Bergen (L.)");
        assert_eq!(e.neighbourhood, "Centrum");
        assert_eq!(e.available_from, date(2027, 2, 1));
        assert!(e.wheelchair && e.step_free);

        let mut form = DwellingForm::of(d);
        form.rent = "veel".into();
        form.rooms = "0".into();
        form.gemeente = "Maastricht".into();
        form.dwelling_type = "villa".into();
        form.age_label = "".into();
        form.min_household = "x".into();
        form.max_household = "-1".into();
        form.available_from = "morgen".into();
        form.association_id = "onbekend".into();
        let errors = apply_dwelling(&offer, &d.id, &form).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "associationId",
                "gemeente",
                "dwellingType",
                "rooms",
                "rent",
                "ageLabel",
                "minHousehold",
                "maxHousehold",
                "availableFrom"
            ]
        );
        assert!(errors.iter().all(|e| !e.message.contains("Maastricht")));

        let mut form = DwellingForm::of(d);
        form.min_household = "3".into();
        form.max_household = "2".into();
        let errors = apply_dwelling(&offer, &d.id, &form).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "minHousehold");
        assert_eq!(
            errors[0].message,
            "De minimale huishoudgrootte is groter dan de maximale."
        );
        let mut form = DwellingForm::of(d);
        form.neighbourhood = "  ".into();
        assert_eq!(
            apply_dwelling(&offer, &d.id, &form).unwrap_err()[0].field,
            "neighbourhood"
        );
    }

    #[test]
    fn weights_parse_and_must_add_up() {
        let texts = |v: [&str; 6]| v.map(String::from);
        assert_eq!(
            parse_weights(&texts(["30", "20", "20", "15", "10", "5"])).unwrap(),
            Weights::default()
        );
        let errors = parse_weights(&texts(["30", "20", "20", "15", "10", "6"])).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "gewichten");
        assert!(errors[0].message.contains("100"));
        let errors = parse_weights(&texts(["dertig", "20", "101", "15", "-1", "5"])).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["area", "rentHeadroom", "spreading"]);
        assert!(errors[0].message.contains("Voorkeursgemeente"));
        let fields = weight_fields(&Weights::default());
        assert_eq!(fields[0], ("area", "Voorkeursgemeente", 30));
        assert_eq!(fields[5].2, 5);
    }

    #[test]
    fn rent_limits_in_euro() {
        let rows = rent_limit_rows(&woonkans_core::rentlimits::for_year(2026));
        assert_eq!(rows.len(), 10);
        assert!(rows.iter().all(|(_, v)| v.starts_with("€ ")));
        assert!(rows[0].1.contains(','));
        // The young people's limit says the ages of its own year.
        assert!(rows[0].0.contains("18 tot en met 20 jaar"));
        let rows = rent_limit_rows(&woonkans_core::rentlimits::for_year(2025));
        assert!(rows[0].0.contains("18 tot en met 22 jaar"));
        assert_eq!(rows[8].1, "€ 49.669");
        assert!(rent_limits_note(2025).contains("Meegeleverd met de app: 2025 en 2026"));
    }

    #[test]
    fn field_keys_drop_paths_and_indices() {
        assert_eq!(field_key("woningen[3].minHousehold"), "minHousehold");
        assert_eq!(field_key("corporaties[0].workingArea[2]"), "workingArea");
        assert_eq!(
            field_key("corporaties[0].criteria.currentPlacements[1]"),
            "currentPlacements"
        );
        assert_eq!(field_key("gewichten"), "gewichten");
    }
}
