//! Property tests of the dossier: validation never panics and never repeats what was typed,
//! a dossier survives a JSON round trip, known values are clean, and gates stay in order
//! whatever sequence the user tries.

use proptest::prelude::*;
use woonkans_core::date::Date;
use woonkans_core::dossier::{Dossier, Income, IncomeSource};
use woonkans_core::register::{Gate, Step, required_gates};

const CASES: u32 = 1000;

fn any_text() -> impl Strategy<Value = String> {
    "\\PC{0,40}"
}

/// Text that cannot occur in a Dutch message by accident: starts with two capitals and a digit.
fn needle_text() -> impl Strategy<Value = String> {
    "[A-Z]{2}[0-9][a-z0-9@.+ -]{3,15}"
}

prop_compose! {
    fn typed_dossier(text: BoxedStrategy<String>)(
        t in prop::collection::vec(text, 16),
        house in any::<u32>(),
        household in any::<u8>(),
        income in proptest::option::of(any::<u32>()),
        step in 1u8..=6,
        birth in proptest::option::of(-25_000i64..=80_000),
        budget in any::<bool>(),
    ) -> Dossier {
        let mut x = Dossier::new(t[0].clone());
        x.name.first_names = t[1].clone();
        x.name.tussenvoegsel = t[2].clone();
        x.name.surname = t[3].clone();
        x.address.street = t[4].clone();
        x.address.house_number = house;
        x.address.house_number_addition = t[5].clone();
        x.address.postcode = t[6].clone();
        x.address.place = t[7].clone();
        x.gemeente = t[8].clone();
        x.phones = vec![t[9].clone(), t[10].clone()];
        x.email = Some(t[11].clone());
        x.bsn = Some(t[12].clone());
        x.iban = Some(t[13].clone());
        x.health = t[14].clone();
        x.finances = t[15].clone();
        x.household_size = household;
        x.income = income.map(|a| Income { yearly_amount_euros: a, source: IncomeSource::Other });
        x.step = Step::from_number(step).unwrap_or_default();
        x.birth_date = birth.map(Date::from_days_since_epoch).filter(|d| (1900..=2200).contains(&d.year()));
        x.budget_management = budget;
        x
    }
}

fn inputs(x: &Dossier) -> Vec<String> {
    let mut v = vec![
        x.id.clone(),
        x.name.first_names.clone(),
        x.name.tussenvoegsel.clone(),
        x.name.surname.clone(),
        x.address.street.clone(),
        x.address.house_number_addition.clone(),
        x.address.postcode.clone(),
        x.address.place.clone(),
        x.gemeente.clone(),
        x.health.clone(),
        x.finances.clone(),
    ];
    v.extend(x.phones.iter().cloned());
    v.extend(x.email.iter().cloned());
    v.extend(x.bsn.iter().cloned());
    v.extend(x.iban.iter().cloned());
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn validation_never_panics_and_every_error_has_a_field(x in typed_dossier(any_text().boxed())) {
        for step in Step::ALL {
            for e in x.validate_for(step) {
                prop_assert!(e.field.is_some(), "{:?}", e);
                prop_assert!(!e.message.is_empty());
            }
        }
        let _ = x.known();
    }

    #[test]
    fn validation_never_repeats_the_input(x in typed_dossier(needle_text().boxed())) {
        let typed = inputs(&x);
        for e in x.validate_for(Step::Agreement) {
            for t in &typed {
                let t = t.trim();
                prop_assert!(!e.message.contains(t), "message {:?} repeats an input", e.message);
                if let Some(f) = &e.field {
                    prop_assert!(!f.contains(t), "field {:?} repeats an input", f);
                }
            }
        }
    }

    #[test]
    fn json_round_trip(x in typed_dossier(any_text().boxed())) {
        let json = serde_json::to_string(&x).unwrap();
        let back: Dossier = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, x);
    }

    #[test]
    fn known_values_are_trimmed_and_non_empty(x in typed_dossier(any_text().boxed())) {
        let k = x.known();
        for v in k.name_parts.iter()
            .chain(&k.tussenvoegsels)
            .chain(&k.street_addresses)
            .chain(&k.postcodes)
            .chain(&k.phones)
            .chain(&k.emails)
            .chain(&k.ibans)
            .chain(k.bsn.iter())
        {
            prop_assert!(!v.is_empty() && v.trim() == v, "{:?}", v);
        }
        let surname = x.name.surname.trim();
        if !surname.is_empty() {
            prop_assert!(k.name_parts.iter().any(|p| p == surname));
        }
        for word in x.name.first_names.split_whitespace() {
            prop_assert!(k.name_parts.iter().any(|p| p == word));
        }
    }

    #[test]
    fn gates_stay_in_order(
        attempts in prop::collection::vec((0usize..4, 0i64..200, any::<bool>()), 0..12),
    ) {
        let mut x = Dossier::new("g1");
        for (gate, day, blank_actor) in attempts {
            let gate = Gate::ALL[gate];
            let date = Date::from_days_since_epoch(20_000 + day);
            let actor = if blank_actor { " " } else { "Wmo-consulent" };
            let before = x.gates.len();
            let result = x.record_gate(gate, date, actor);
            let prerequisites = required_gates(gate.from_step());
            let ok = !blank_actor
                && prerequisites.iter().all(|g| x.has_gate(*g))
                && prerequisites.iter().all(|g| x.gate_record(*g).is_some_and(|r| r.date <= date));
            prop_assert_eq!(result.is_ok(), ok, "{:?}", result);
            prop_assert_eq!(x.gates.len(), before + usize::from(ok));
        }
        // Every record follows the records of the gates before its step, in place and in time.
        for (i, r) in x.gates.iter().enumerate() {
            for g in required_gates(r.gate.from_step()) {
                let earlier = x.gates[..i].iter().rev().find(|e| e.gate == *g);
                prop_assert!(earlier.is_some_and(|e| e.date <= r.date));
            }
        }
        for step in Step::ALL {
            prop_assert_eq!(
                x.check_gates(step).is_ok(),
                required_gates(step).iter().all(|g| x.has_gate(*g))
            );
        }
    }
}
