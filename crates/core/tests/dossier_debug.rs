//! `Debug` of every type that holds personal data prints field names only: a full dossier with
//! marker values, its views and its hand-over are formatted and no marker may appear.

use woonkans_core::code::Code;
use woonkans_core::date::Date;
use woonkans_core::dossier::{
    Address, Contact, DocumentStatus, Dossier, Income, IncomeSource, PersonName,
};
use woonkans_core::handover::{HandoverConfirmation, handover};
use woonkans_core::minimise::{Coded, ViewContext, view};
use woonkans_core::profile::{
    AgeBand, ContractForm, Gender, History, HousingForm, IncomeBand, LivingSituation, Mobility,
    PlacementProfile, SafetyPlan, SelfReliance,
};
use woonkans_core::region::Region;
use woonkans_core::register::{Gate, Step};
use woonkans_core::rentlimits;
use woonkans_core::targetgroup::{TargetGroupAnswers, check_target_group};

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// Every value is a marker that occurs nowhere else.
const MARKERS: [&str; 22] = [
    "Voornaammarker",
    "Tweedenaammarker",
    "Achternaammarker",
    "Straatmarker",
    "Woonplaatsmarker",
    "Opleidingmarker",
    "Werkmarker",
    "Netwerkmarker",
    "Financienmarker",
    "Gezondheidmarker",
    "Zorgorgmarker",
    "Zorgpersoonmarker",
    "Wmoorgmarker",
    "Wmopersoonmarker",
    "Actormarker",
    "mailmarker@example.org",
    "999994669",
    "NL91ABNA0417164300",
    "0687654321",
    "5913 XY",
    "27431",
    "1987-11-23",
];

fn full_dossier() -> Dossier {
    let mut x = Dossier::new("dossier-7f3a");
    x.name = PersonName {
        first_names: "Voornaammarker Tweedenaammarker".into(),
        tussenvoegsel: "van".into(),
        surname: "Achternaammarker".into(),
        call_name: String::new(),
    };
    x.address = Address {
        kind: Default::default(),
        street: "Straatmarker".into(),
        house_number: 8123,
        house_number_addition: "bis".into(),
        postcode: "5913 XY".into(),
        place: "Woonplaatsmarker".into(),
    };
    x.gemeente = "Venlo".into();
    x.phones = vec!["0687654321".into()];
    x.email = Some("mailmarker@example.org".into());
    x.birth_date = Some(d("1987-11-23"));
    x.bsn = Some("999994669".into());
    x.gender = Some(Gender::Other);
    x.education = "Opleidingmarker".into();
    x.work = "Werkmarker".into();
    x.income = Some(Income {
        yearly_amount_euros: 27_431,
        source: IncomeSource::Work,
    });
    x.household_size = 2;
    x.social_network = "Netwerkmarker".into();
    x.living_situation = Some(LivingSituation::ShelteredHousing);
    x.finances = "Financienmarker".into();
    x.has_debts = true;
    x.budget_management = true;
    x.health = "Gezondheidmarker".into();
    x.iban = Some("NL91ABNA0417164300".into());
    x.documents.bewindvoering_ruling.status = DocumentStatus::Received;
    x.documents.bewindvoering_ruling.date = Some(d("2026-01-15"));
    // The others follow; the hand-over goes with that reason.
    x.documents.missing_reason = Some(woonkans_core::dossier::MissingDocumentsReason::FollowsLater);
    x.care_provider = Some(Contact {
        organisation: "Zorgorgmarker".into(),
        person: "Zorgpersoonmarker".into(),
    });
    x.wmo_consultant = Some(Contact {
        organisation: "Wmoorgmarker".into(),
        person: "Wmopersoonmarker".into(),
    });
    x.target_group = TargetGroupAnswers {
        status_holder: Some(false),
        labour_migrant: Some(false),
        regular_route_impossible: Some(true),
        support_need_independent_living: Some(true),
    };
    for g in Gate::ALL {
        x.record_gate(g, d("2026-02-01"), "Actormarker").unwrap();
    }
    x
}

fn profile() -> PlacementProfile {
    PlacementProfile {
        gender: Gender::Other,
        living_situation: LivingSituation::ShelteredHousing,
        mobility: Mobility::None,
        self_reliance: SelfReliance {
            household_care: 4,
            work_day_activities: 4,
            social_network: 3,
            social_self_reliance: 3,
            finances_debts: 2,
        },
        notes: Default::default(),
        search_area: vec!["Venlo".into()],
        excluded_neighbourhoods: vec![],
        housing_form: HousingForm::Independent,
        rent_arrears: History::Resolved,
        nuisance: History::None,
        budget_management: true,
        contract_form: ContractForm::RegularLease,
        support_hours_per_week: 2.0,
        reachable_24_7: false,
        relapse_plan: None,
        safety_plan: SafetyPlan::NotNeeded,
        household_size: 2,
        age_band: AgeBand::From28To54,
        income_band: IncomeBand::AtOrBelowLimit,
        max_rent_cents: 68_296,
    }
}

fn assert_clean(what: &str, text: &str) {
    for m in MARKERS {
        assert!(!text.contains(m), "{what} shows {m}: {text}");
    }
    // Digits of the BSN, phone and postcode in any grouping.
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    for m in ["999994669", "687654321"] {
        assert!(!digits.contains(m), "{what} shows {m}");
    }
}

#[test]
fn the_markers_are_really_in_the_dossier() {
    // Guards the test itself: the JSON of the dossier holds every marker, so their absence from
    // Debug means something.
    let json = serde_json::to_string(&full_dossier()).unwrap();
    for m in MARKERS {
        assert!(json.contains(m), "{m}");
    }
}

#[test]
fn dossier_debug_shows_no_value() {
    let x = full_dossier();
    assert!(x.validate().is_empty(), "{:?}", x.validate());
    for text in [format!("{x:?}"), format!("{x:#?}")] {
        assert_clean("Dossier", &text);
        for field in ["name", "address", "bsn", "health", "documents", "gates"] {
            assert!(text.contains(field), "field name {field} missing");
        }
        // The id is not personal and helps debugging.
        assert!(text.contains("dossier-7f3a"));
    }
    assert_clean("PersonName", &format!("{:?}", x.name));
    assert_clean("Address", &format!("{:#?}", x.address));
    assert_clean("Income", &format!("{:?}", x.income));
    assert_clean("Contact", &format!("{:?}", x.care_provider));
    assert_clean("GateRecord", &format!("{:?}", x.gates));
    assert_clean("TargetGroupAnswers", &format!("{:?}", x.target_group));
}

#[test]
fn views_handover_and_results_debug_show_no_value() {
    let x = full_dossier();
    let limits = rentlimits::current();
    let p = profile();
    let ctx = ViewContext {
        reference_date: d("2026-03-01"),
        region: Region::NoordLimburg,
        rent_limits: &limits,
        coded: Some(Coded {
            code: Code::from_value(99),
            profile: &p,
        }),
    };
    for step in &Step::ALL[..5] {
        let v = view(*step, &x, &ctx).unwrap();
        assert_clean(&format!("view {step:?}"), &format!("{v:?}"));
        assert_clean(&format!("view {step:?}"), &format!("{v:#?}"));
    }
    let h = handover(
        &x,
        &p,
        "woonwaard",
        "Woonwaard",
        HandoverConfirmation {
            grondslag_confirmed: true,
            confirmed_by: "Actormarker".into(),
            date: d("2026-03-01"),
        },
    )
    .unwrap();
    assert_clean("Handover", &format!("{h:?}"));
    assert_clean("Handover", &format!("{:?}", h.confirmation));
    // The file itself of course does hold the identity: that is the point of step 6.
    assert!(h.to_json().contains("999994669"));
    let r = check_target_group(&x, d("2026-03-01"), Region::NoordLimburg);
    assert!(r.eligible);
    assert_clean("TargetGroupResult", &format!("{r:?}"));
}

#[test]
fn errors_name_fields_not_values() {
    let mut x = full_dossier();
    x.bsn = Some("999994668".into());
    x.phones = vec!["0687654321x".into()];
    x.email = Some("mailmarker@@example.org".into());
    x.iban = Some("NL91ABNA0417164301".into());
    x.address.postcode = "5913 XYZ".into();
    x.name.surname = "Achternaammarker7".into();
    let errors = x.validate();
    assert_eq!(errors.len(), 6, "{errors:?}");
    for e in &errors {
        assert!(e.field.is_some());
        assert_clean("Error", &format!("{e} {e:?}"));
        assert!(!e.message.contains("999994668") && !e.message.contains("5913"));
    }
}
