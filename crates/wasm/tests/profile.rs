//! The profile builder (`profileMissing`, `buildProfile`, `derivedFacts`) and the version
//! functions through the JS API, in headless Chromium: good and bad input for each, and the
//! path a JS tool takes from a dossier to a scored profile.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JSON, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use woonkans_wasm::profile::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A dossier whose step-4 gates are recorded: born 2001, income below the limit, alone.
const DOSSIER: &str = r#"{
  "id": "d-7",
  "name": { "firstNames": "Anna Maria", "tussenvoegsel": "van der", "surname": "Berg" },
  "address": { "street": "Kerkstraat", "houseNumber": 12, "postcode": "5911 AB", "place": "Venlo" },
  "gemeente": "Venlo",
  "phones": ["06-12345678"],
  "birthDate": "2001-04-03",
  "bsn": "999994669",
  "gender": "female",
  "income": { "yearlyAmountEuros": 16000, "source": "benefits" },
  "householdSize": 1,
  "livingSituation": "shelteredHousing",
  "budgetManagement": true,
  "gates": [
    { "gate": "consentToRegister", "date": "2026-01-02", "actor": "Zorgaanbieder De Brug" },
    { "gate": "eligibilityAndSupportPlan", "date": "2026-02-01", "actor": "Wmo Venlo" },
    { "gate": "consentToShareWithCoordinator", "date": "2026-02-01", "actor": "Wmo Venlo" }
  ],
  "step": "placementProfile"
}"#;

/// Every part of the step-4 form filled in.
const DRAFT: &str = r#"{
  "assessments": {
    "householdCare": { "level": 3 },
    "workDayActivities": { "level": 4, "note": "Werkt drie dagen bij de kringloop." },
    "socialNetwork": { "level": 3 },
    "socialSelfReliance": { "level": 3 },
    "financesDebts": { "level": 2, "note": "Schuldhulp loopt." }
  },
  "mobility": "none",
  "searchArea": ["venlo", "Venray", "VENLO"],
  "excludedNeighbourhoods": [" Blerick "],
  "housingForm": "inComplex",
  "rentArrears": "resolved",
  "nuisance": "none",
  "budgetManagement": true,
  "contractForm": "leaseWithCareAgreement",
  "supportHoursPerWeek": 4.5,
  "reachable247": true,
  "relapsePlan": {
    "signals": "Post blijft liggen, afspraken worden gemist.",
    "agreements": [
      { "party": "careProvider", "action": "Binnen twee werkdagen huisbezoek." },
      { "party": "housingAssociation", "action": "Meldt een betalingsachterstand na een maand." }
    ]
  },
  "safetyPlan": "notNeeded"
}"#;

const FACTS: &str = r#"{ "gender": "female", "livingSituation": "shelteredHousing",
  "ageBand": "23-27", "incomeBand": "atOrBelowLimit", "householdSize": 1 }"#;

fn parse(text: &str) -> JsValue {
    JSON::parse(text).unwrap()
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap()
}

fn set(v: &JsValue, key: &str, value: &JsValue) {
    Reflect::set(v, &key.into(), value).unwrap();
}

fn s(v: &JsValue, key: &str) -> String {
    get(v, key).as_string().unwrap_or_default()
}

fn text(v: &JsValue) -> String {
    JSON::stringify(v).unwrap().as_string().unwrap()
}

/// The error's code, after checking that it is a real `Error` with a Dutch message.
fn code_of(err: &JsValue) -> String {
    assert!(
        err.is_instance_of::<js_sys::Error>(),
        "not an Error: {err:?}"
    );
    assert!(!s(err, "message").is_empty());
    s(err, "code")
}

fn fields(missing: &JsValue) -> Vec<String> {
    Array::from(missing)
        .iter()
        .map(|m| s(&m, "field"))
        .collect()
}

fn rent_limits() -> JsValue {
    woonkans_wasm::matching::rent_limits().unwrap()
}

#[wasm_bindgen_test]
fn an_empty_draft_lists_every_part_in_form_order() {
    let r = profile_missing(JsValue::UNDEFINED, parse(FACTS), JsValue::UNDEFINED).unwrap();
    let f = fields(&get(&r, "missing"));
    assert_eq!(f.len(), 18, "{}", text(&r));
    assert_eq!(f[0], "niveaus.householdCare");
    for want in [
        "mobiliteit",
        "zoekgebied",
        "woonvorm",
        "huurachterstand",
        "overlast",
        "bewindvoering",
        "contractvorm",
        "ondersteuningUren",
        "bereikbaarheid",
        "terugvalplan",
        "veiligheidsplan",
    ] {
        assert!(f.contains(&want.to_string()), "{want} not in {f:?}");
    }
    assert_eq!(Array::from(&get(&r, "findings")).length(), 0);
    // null and {} are empty forms too.
    for empty in [JsValue::NULL, parse("{}")] {
        let r = profile_missing(empty, parse(FACTS), JsValue::NULL).unwrap();
        assert_eq!(fields(&get(&r, "missing")).len(), 18);
    }
}

/// Facts with the Dutch values of earlier versions still read; the profile is written in English.
#[wasm_bindgen_test]
fn facts_with_the_dutch_values_of_earlier_versions_still_build_a_profile() {
    let old = FACTS
        .replace("\"female\"", "\"vrouw\"")
        .replace("\"shelteredHousing\"", "\"beschermdWonen\"");
    assert!(old.contains("\"vrouw\"") && old.contains("\"beschermdWonen\""));
    let p = build_profile(parse(DRAFT), parse(&old), JsValue::UNDEFINED).unwrap();
    assert_eq!(s(&p, "gender"), "female");
    assert_eq!(s(&p, "livingSituation"), "shelteredHousing");
}

#[wasm_bindgen_test]
fn a_full_draft_builds_the_profile_with_table_rent_and_canonical_area() {
    let r = profile_missing(parse(DRAFT), parse(FACTS), JsValue::UNDEFINED).unwrap();
    assert_eq!(fields(&get(&r, "missing")).len(), 0, "{}", text(&r));

    let p = build_profile(parse(DRAFT), parse(FACTS), JsValue::UNDEFINED).unwrap();
    let area: Vec<String> = Array::from(&get(&p, "searchArea"))
        .iter()
        .filter_map(|g| g.as_string())
        .collect();
    assert_eq!(area, vec!["Venlo", "Venray"]);
    assert_eq!(
        get(&p, "maxRentCents").as_f64(),
        get(&rent_limits(), "aftoppingsgrensLaagCents").as_f64()
    );
    assert_eq!(s(&p, "ageBand"), "23-27");
    assert_eq!(s(&p, "gender"), "female");
    assert_eq!(get(&p, "supportHoursPerWeek").as_f64(), Some(4.5));
    assert_eq!(
        get(&get(&p, "notes"), "financesDebts")
            .as_string()
            .as_deref(),
        Some("Schuldhulp loopt.")
    );
    let excluded = Array::from(&get(&p, "excludedNeighbourhoods"));
    assert_eq!(excluded.get(0).as_string().as_deref(), Some("Blerick"));
    let selfr = get(&p, "selfReliance");
    assert_eq!(get(&selfr, "financesDebts").as_f64(), Some(2.0));
}

#[wasm_bindgen_test]
fn an_incomplete_draft_throws_with_what_is_missing() {
    let d = parse(DRAFT);
    set(&d, "mobility", &JsValue::NULL);
    set(&d, "searchArea", &parse(r#"["Maastricht"]"#));
    let e = build_profile(d, parse(FACTS), JsValue::UNDEFINED).unwrap_err();
    assert_eq!(code_of(&e), "PROFILE_INCOMPLETE");
    assert_eq!(s(&e, "name"), "WoonkansError");
    assert_eq!(
        fields(&get(&e, "missing")),
        vec!["mobiliteit", "zoekgebied"]
    );
    assert!(s(&e, "message").contains("2 punten open"));
    assert!(!s(&e, "message").contains("Maastricht"));
    assert_eq!(Array::from(&get(&e, "findings")).length(), 0);
}

#[wasm_bindgen_test]
fn identifying_notes_block_the_profile_and_are_located_not_repeated() {
    let d = parse(DRAFT);
    let notes = get(&get(&d, "assessments"), "socialNetwork");
    set(
        &notes,
        "note",
        &"Bel haar op 06-12345678 of zus Berg.".into(),
    );
    let r = profile_missing(d.clone(), parse(FACTS), JsValue::UNDEFINED).unwrap();
    assert_eq!(fields(&get(&r, "missing")).len(), 0);
    let findings = Array::from(&get(&r, "findings"));
    let kinds: Vec<String> = findings
        .iter()
        .map(|f| s(&get(&f, "finding"), "kind"))
        .collect();
    assert!(kinds.contains(&"phone".to_string()), "{kinds:?}");
    assert!(!kinds.contains(&"name".to_string()), "{kinds:?}");
    assert_eq!(s(&findings.get(0), "field"), "notities.socialNetwork");

    // With the resident's own values the scanner also finds the surname.
    let known = woonkans_wasm::dossier::known_values(parse(DOSSIER)).unwrap();
    let opts = js_sys::Object::new();
    set(&opts, "known", &known);
    let r = profile_missing(d.clone(), parse(FACTS), opts.clone().into()).unwrap();
    let kinds: Vec<String> = Array::from(&get(&r, "findings"))
        .iter()
        .map(|f| s(&get(&f, "finding"), "kind"))
        .collect();
    assert!(kinds.contains(&"name".to_string()), "{kinds:?}");

    let e = build_profile(d, parse(FACTS), opts.into()).unwrap_err();
    assert_eq!(code_of(&e), "PROFILE_INCOMPLETE");
    assert_eq!(Array::from(&get(&e, "findings")).length(), 2);
    let shown = format!("{} {}", s(&e, "message"), text(&get(&e, "findings")));
    assert!(
        !shown.contains("12345678") && !shown.contains("Berg"),
        "{shown}"
    );
}

#[wasm_bindgen_test]
fn the_maximum_rent_may_only_be_lowered() {
    let d = parse(DRAFT);
    set(&d, "maxRentOverrideCents", &JsValue::from(50_000));
    let p = build_profile(d.clone(), parse(FACTS), JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&p, "maxRentCents").as_f64(), Some(50_000.0));

    set(&d, "maxRentOverrideCents", &JsValue::from(99_000));
    let e = build_profile(d.clone(), parse(FACTS), JsValue::UNDEFINED).unwrap_err();
    assert_eq!(fields(&get(&e, "missing")), vec!["maximaleHuur"]);

    // Beyond u32: a wrong shape, not a silent wrap-around.
    set(&d, "maxRentOverrideCents", &JsValue::from(1e20));
    let e = build_profile(d, parse(FACTS), JsValue::UNDEFINED).unwrap_err();
    assert_eq!(code_of(&e), "INPUT_INVALID");
}

#[wasm_bindgen_test]
fn another_years_rent_table_can_be_passed_and_is_checked() {
    let limits = rent_limits();
    set(&limits, "aftoppingsgrensLaagCents", &JsValue::from(70_000));
    let opts = js_sys::Object::new();
    set(&opts, "rentLimits", &limits);
    let p = build_profile(parse(DRAFT), parse(FACTS), opts.clone().into()).unwrap();
    assert_eq!(get(&p, "maxRentCents").as_f64(), Some(70_000.0));

    // Out of order: the liberalisatiegrens below the aftoppingsgrens.
    set(&limits, "liberalisatiegrensCents", &JsValue::from(1));
    let e = build_profile(parse(DRAFT), parse(FACTS), opts.clone().into()).unwrap_err();
    assert_eq!(code_of(&e), "RENT_LIMITS_INVALID");

    // An unknown option is a mistake worth reporting, not ignoring.
    let e = profile_missing(parse(DRAFT), parse(FACTS), parse(r#"{"rentLimit": {}}"#)).unwrap_err();
    assert_eq!(code_of(&e), "INPUT_INVALID");
    let e = profile_missing(parse(DRAFT), parse(FACTS), "2026".into()).unwrap_err();
    assert_eq!(code_of(&e), "INPUT_INVALID");
}

#[wasm_bindgen_test]
fn bad_drafts_and_facts_are_refused_with_dutch_errors() {
    for bad in [
        JsValue::from("concept"),
        JsValue::from(42),
        parse(r#"{"assessments": 5}"#),
        parse(r#"{"assessments": {"health": {"level": 3}}}"#),
        parse(r#"{"mobility": "vliegend"}"#),
        parse(r#"{"searchArea": "Venlo"}"#),
        parse(r#"{"supportHoursPerWeek": "vier"}"#),
    ] {
        for r in [
            profile_missing(bad.clone(), parse(FACTS), JsValue::UNDEFINED),
            build_profile(bad.clone(), parse(FACTS), JsValue::UNDEFINED),
        ] {
            let e = r.unwrap_err();
            assert_eq!(code_of(&e), "INPUT_INVALID", "{}", text(&bad));
            assert!(s(&e, "message").contains("concept-profiel"));
        }
    }
    for bad in [
        JsValue::UNDEFINED,
        JsValue::NULL,
        parse("{}"),
        parse(r#"{"gender": "female"}"#),
        parse(
            r#"{"gender":"female","livingSituation":"shelteredHousing","ageBand":"12-17",
                "incomeBand":"atOrBelowLimit","householdSize":1}"#,
        ),
        parse(
            r#"{"gender":"female","livingSituation":"shelteredHousing","ageBand":"23-27",
                "incomeBand":"atOrBelowLimit","householdSize":300}"#,
        ),
    ] {
        let e = build_profile(parse(DRAFT), bad, JsValue::UNDEFINED).unwrap_err();
        assert_eq!(code_of(&e), "INPUT_INVALID");
        assert!(s(&e, "message").contains("afgeleide gegevens"));
    }
    // In range for the type, out of range for a household.
    let facts = parse(FACTS);
    set(&facts, "householdSize", &JsValue::from(0));
    let e = build_profile(parse(DRAFT), facts, JsValue::UNDEFINED).unwrap_err();
    assert_eq!(code_of(&e), "PROFILE_INVALID");
    assert_eq!(s(&e, "field"), "huishoudgrootte");
    // Hours out of range and NaN are missing parts, not crashes.
    for hours in [f64::NAN, f64::INFINITY, -1.0, 169.0] {
        let d = parse(DRAFT);
        set(&d, "supportHoursPerWeek", &JsValue::from(hours));
        let e = build_profile(d, parse(FACTS), JsValue::UNDEFINED).unwrap_err();
        assert_eq!(fields(&get(&e, "missing")), vec!["ondersteuningUren"]);
    }
}

#[wasm_bindgen_test]
fn derived_facts_come_from_the_dossier_after_the_gates() {
    let f = derived_facts(
        parse(DOSSIER),
        "2026-05-01".into(),
        "Noord-Limburg".into(),
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert_eq!(
        text(&f),
        r#"{"gender":"female","livingSituation":"shelteredHousing","ageBand":"23-27","incomeBand":"atOrBelowLimit","householdSize":1,"youngRentLimit":false,"budgetManagement":true}"#
    );
    // The same facts with another spelling of the region and a Dutch date.
    let g = derived_facts(
        parse(DOSSIER),
        "01-05-2026".into(),
        "noordLimburg".into(),
        rent_limits(),
    )
    .unwrap();
    assert_eq!(text(&f), text(&g));
    // Nothing identifying in the facts.
    assert!(!text(&f).contains("Berg") && !text(&f).contains("2001"));
}

#[wasm_bindgen_test]
fn derived_facts_refuse_bad_input() {
    let d = parse(DOSSIER);
    set(&d, "gates", &Array::new());
    let e = derived_facts(
        d,
        "2026-05-01".into(),
        "Noord-Limburg".into(),
        JsValue::NULL,
    )
    .unwrap_err();
    assert_eq!(code_of(&e), "GATE_MISSING");

    let d = parse(DOSSIER);
    set(&d, "income", &JsValue::NULL);
    let e = derived_facts(
        d,
        "2026-05-01".into(),
        "Noord-Limburg".into(),
        JsValue::NULL,
    )
    .unwrap_err();
    assert_eq!(code_of(&e), "DOSSIER_INCOMPLETE");
    assert_eq!(s(&e, "field"), "inkomen");

    let cases: [(JsValue, JsValue, JsValue, &str); 6] = [
        (
            "geen dossier".into(),
            "2026-05-01".into(),
            "Noord-Limburg".into(),
            "INPUT_INVALID",
        ),
        (
            parse(DOSSIER),
            "2026-02-30".into(),
            "Noord-Limburg".into(),
            "DATE_INVALID",
        ),
        (
            parse(DOSSIER),
            JsValue::from(20260501),
            "Noord-Limburg".into(),
            "INPUT_INVALID",
        ),
        (
            parse(DOSSIER),
            JsValue::UNDEFINED,
            "Noord-Limburg".into(),
            "INPUT_INVALID",
        ),
        (
            parse(DOSSIER),
            "2026-05-01".into(),
            "Limburg".into(),
            "REGION_INVALID",
        ),
        (
            parse(DOSSIER),
            "2026-05-01".into(),
            JsValue::NULL,
            "INPUT_INVALID",
        ),
    ];
    for (dossier, date, region, want) in cases {
        let e = derived_facts(dossier, date, region, JsValue::UNDEFINED).unwrap_err();
        assert_eq!(code_of(&e), want);
    }
    let e = derived_facts(
        parse(DOSSIER),
        "2026-05-01".into(),
        "Noord-Limburg".into(),
        parse(r#"{"year": 2026}"#),
    )
    .unwrap_err();
    assert_eq!(code_of(&e), "INPUT_INVALID");
}

#[wasm_bindgen_test]
fn from_dossier_to_a_scored_profile() {
    let facts = derived_facts(
        parse(DOSSIER),
        "2026-05-01".into(),
        "Noord-Limburg".into(),
        JsValue::UNDEFINED,
    )
    .unwrap();
    let profile = build_profile(parse(DRAFT), facts, JsValue::UNDEFINED).unwrap();
    let offer = woonkans_wasm::matching::sample_offer().unwrap();
    let m = woonkans_wasm::matching::match_profile(
        profile,
        offer,
        JsValue::UNDEFINED,
        "2026-05-01".into(),
    )
    .unwrap();
    let eligible = Array::from(&get(&m, "eligible"));
    assert!(eligible.length() > 0, "{}", text(&m));
    let score = get(&eligible.get(0), "score").as_f64().unwrap();
    assert!((0.0..=100.0).contains(&score));
}

#[wasm_bindgen_test]
fn versions_are_stable_numbers() {
    assert_eq!(bundle_format_version(), 1);
    assert_eq!(bundle_format(), "woonkans-bundel");
    let v = woonkans_wasm::version();
    assert!(v.split('.').all(|p| p.parse::<u32>().is_ok()) && v.split('.').count() == 3);
}
