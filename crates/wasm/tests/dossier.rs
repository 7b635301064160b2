//! The dossier, register, target-group, minimiser and hand-over functions through the JS API, in
//! headless Chromium: good and bad input for each.

use js_sys::{Array, JSON, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use woonkans_wasm::dossier::*;

wasm_bindgen_test_configure!(run_in_browser);

const DOSSIER: &str = r#"{
  "id": "d-42",
  "name": { "firstNames": "Anna Maria", "tussenvoegsel": "van der", "surname": "Berg" },
  "address": { "street": "Kerkstraat", "houseNumber": 12, "houseNumberAddition": "a",
               "postcode": "5911ab", "place": "Venlo" },
  "gemeente": "Venlo",
  "phones": ["06-12345678"],
  "email": "anna@example.nl",
  "birthDate": "03-04-2001",
  "bsn": "999994669",
  "gender": "female",
  "education": "mbo 2",
  "work": "dagbesteding",
  "income": { "yearlyAmountEuros": 16000, "source": "benefits" },
  "householdSize": 1,
  "socialNetwork": "zus in de buurt",
  "livingSituation": "shelteredHousing",
  "finances": "schuldhulp loopt",
  "hasDebts": true,
  "health": "GEZONDHEIDSNOTITIE",
  "documents": {
    "brpExtract": { "status": "received", "date": "2026-01-10" },
    "bewindvoeringRuling": { "status": "notApplicable" }
  },
  "targetGroup": { "statusHolder": false, "labourMigrant": false,
                   "regularRouteImpossible": true, "supportNeedIndependentLiving": true },
  "gates": [
    { "gate": "consentToRegister", "date": "2026-01-02", "actor": "Zorgaanbieder De Brug" },
    { "gate": "eligibilityAndSupportPlan", "date": "2026-02-01", "actor": "Wmo Venlo" },
    { "gate": "consentToShareWithCoordinator", "date": "2026-02-01", "actor": "Wmo Venlo" },
    { "gate": "matchAccepted", "date": "2026-04-01", "actor": "Ketenregisseur" }
  ]
}"#;

const PROFILE: &str = r#"{
  "gender": "female", "livingSituation": "shelteredHousing", "mobility": "none",
  "selfReliance": { "householdCare": 3, "workDayActivities": 3, "socialNetwork": 3,
                    "socialSelfReliance": 3, "financesDebts": 2 },
  "searchArea": ["Venlo"], "housingForm": "independent", "rentArrears": "none",
  "nuisance": "none", "budgetManagement": false, "contractForm": "regularLease",
  "supportHoursPerWeek": 4, "reachable247": false, "relapsePlan": null,
  "safetyPlan": "notNeeded", "householdSize": 1, "ageBand": "23-27",
  "incomeBand": "atOrBelowLimit", "maxRentCents": 68296
}"#;

fn parse(text: &str) -> JsValue {
    JSON::parse(text).unwrap()
}

fn dossier() -> JsValue {
    parse(DOSSIER)
}

/// The dossier with only the first `n` gates.
fn dossier_with_gates(n: u32) -> JsValue {
    let d = dossier();
    let gates = Array::from(&get(&d, "gates"));
    Reflect::set(&d, &"gates".into(), &gates.slice(0, n)).unwrap();
    d
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap()
}

fn s(v: &JsValue, key: &str) -> String {
    get(v, key).as_string().unwrap_or_default()
}

fn code_of(err: JsValue) -> String {
    s(&err, "code")
}

fn text(v: &JsValue) -> String {
    JSON::stringify(v).unwrap().as_string().unwrap()
}

#[wasm_bindgen_test]
fn validate_good_and_bad() {
    let errors = Array::from(&validate_dossier(dossier()).unwrap());
    assert_eq!(errors.length(), 0, "{}", text(&errors));

    let bad = dossier();
    Reflect::set(&bad, &"bsn".into(), &"123456789".into()).unwrap();
    Reflect::set(&get(&bad, "address"), &"postcode".into(), &"0123 AB".into()).unwrap();
    let errors = Array::from(&validate_dossier(bad).unwrap());
    assert_eq!(errors.length(), 2);
    let fields: Vec<String> = errors.iter().map(|e| s(&e, "field")).collect();
    assert_eq!(fields, vec!["adres.postcode", "bsn"]);
    assert_eq!(s(&errors.get(1), "code"), "BSN_INVALID");
    assert!(!text(&errors).contains("123456789"));

    assert_eq!(
        code_of(validate_dossier("geen dossier".into()).unwrap_err()),
        "INPUT_INVALID"
    );
    assert_eq!(
        code_of(validate_dossier(parse(r#"{"birthDate": "31-02-2001"}"#)).unwrap_err()),
        "INPUT_INVALID"
    );
}

#[wasm_bindgen_test]
fn target_group_good_and_bad() {
    let r = target_group_check(dossier(), "2026-06-01".into(), "noordLimburg".into()).unwrap();
    assert_eq!(get(&r, "eligible"), JsValue::TRUE, "{}", text(&r));
    assert_eq!(get(&r, "youngAdult"), JsValue::TRUE);

    let r = target_group_check(dossier(), "2026-06-01".into(), "Midden-Limburg".into()).unwrap();
    assert_eq!(get(&r, "eligible"), JsValue::FALSE);
    let failures = Array::from(&get(&r, "failures"));
    assert_eq!(failures.length(), 1);
    assert_eq!(s(&failures.get(0), "condition"), "gemeente");

    let r = target_group_check(
        parse(r#"{"id":"x"}"#),
        "2026-06-01".into(),
        "noord limburg".into(),
    )
    .unwrap();
    assert_eq!(Array::from(&get(&r, "failures")).length(), 5);

    let e = target_group_check(dossier(), "2026-13-01".into(), "noordLimburg".into()).unwrap_err();
    assert_eq!(code_of(e.clone()), "DATE_INVALID");
    assert_eq!(s(&e, "field"), "peildatum");
    assert_eq!(
        code_of(target_group_check(dossier(), "2026-06-01".into(), "Limburg".into()).unwrap_err()),
        "REGION_INVALID"
    );
}

#[wasm_bindgen_test]
fn register_has_six_rows_with_labels() {
    let rows = Array::from(&processing_register().unwrap());
    assert_eq!(rows.length(), 6);
    let step4 = rows.get(3);
    assert_eq!(get(&step4, "step").as_f64(), Some(4.0));
    assert_eq!(s(&step4, "stepName"), "Bemiddelingsprofiel");
    let keys: Vec<String> = Array::from(&get(&step4, "categories"))
        .iter()
        .map(|c| s(&c, "key"))
        .collect();
    assert_eq!(keys.len(), 8);
    assert!(!keys.contains(&"bsn".to_string()) && !keys.contains(&"health".to_string()));
    assert_eq!(Array::from(&get(&step4, "requiredGates")).length(), 3);
    let step3 = rows.get(2);
    let health = Array::from(&get(&step3, "categories"))
        .iter()
        .find(|c| s(c, "key") == "health")
        .unwrap();
    assert_eq!(get(&health, "specialCategory"), JsValue::TRUE);
    let step6 = rows.get(5);
    let g = Array::from(&get(&step6, "grondslagen")).get(0);
    assert_eq!(s(&g, "article"), "art. 6 lid 1 sub b AVG");
}

#[wasm_bindgen_test]
fn minimised_views_good_and_bad() {
    let v = minimised_view(
        JsValue::from(1),
        dossier_with_gates(0),
        "2026-06-01".into(),
        "noordLimburg".into(),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert_eq!(s(&v, "view"), "step1");
    assert_eq!(s(&get(&v, "name"), "surname"), "Berg");
    assert!(!text(&v).contains("999994669"));

    let e = minimised_view(
        JsValue::from(4),
        dossier_with_gates(2),
        "2026-06-01".into(),
        "noordLimburg".into(),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    )
    .unwrap_err();
    assert_eq!(code_of(e.clone()), "GATE_MISSING");
    assert!(s(&e, "message").starts_with("Stap 4 kan pas na de poort"));

    let v = minimised_view(
        JsValue::from(4),
        dossier(),
        "2026-06-01".into(),
        "noordLimburg".into(),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert_eq!(s(&v, "ageBand"), "23-27");
    assert_eq!(s(&v, "incomeBand"), "atOrBelowLimit");
    let t = text(&v);
    for leak in [
        "Berg",
        "999994669",
        "2001",
        "16000",
        "GEZONDHEIDSNOTITIE",
        "Kerkstraat",
    ] {
        assert!(!t.contains(leak), "{leak} in {t}");
    }

    let e = minimised_view(
        JsValue::from(5),
        dossier(),
        "2026-06-01".into(),
        "noordLimburg".into(),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    )
    .unwrap_err();
    assert_eq!(code_of(e), "PROFILE_MISSING");
    let e = minimised_view(
        JsValue::from(5),
        dossier(),
        "2026-06-01".into(),
        "noordLimburg".into(),
        JsValue::from("geen code"),
        parse(PROFILE),
    )
    .unwrap_err();
    assert_eq!(s(&e, "field"), "code");

    assert_eq!(
        code_of(
            minimised_view(
                JsValue::from(6),
                dossier(),
                "2026-06-01".into(),
                "noordLimburg".into(),
                JsValue::UNDEFINED,
                JsValue::UNDEFINED
            )
            .unwrap_err()
        ),
        "HANDOVER_ONLY"
    );
    assert_eq!(
        code_of(
            minimised_view(
                JsValue::from(7),
                dossier(),
                "2026-06-01".into(),
                "noordLimburg".into(),
                JsValue::UNDEFINED,
                JsValue::UNDEFINED
            )
            .unwrap_err()
        ),
        "STEP_INVALID"
    );
    assert_eq!(
        code_of(
            minimised_view(
                JsValue::from(1),
                JsValue::NULL,
                "2026-06-01".into(),
                "noordLimburg".into(),
                JsValue::UNDEFINED,
                JsValue::UNDEFINED
            )
            .unwrap_err()
        ),
        "INPUT_INVALID"
    );
}

#[wasm_bindgen_test]
fn step5_view_with_a_real_code() {
    // A code written by the core itself, so its check character is right.
    let code = woonkans_core::code::Code::from_value(123_456_789).to_string();
    let v = minimised_view(
        JsValue::from(5),
        dossier(),
        "2026-06-01".into(),
        "noordLimburg".into(),
        JsValue::from(code.clone()),
        parse(PROFILE),
    )
    .unwrap();
    assert_eq!(s(&v, "view"), "step5");
    assert_eq!(s(&v, "code"), code);
    assert_eq!(s(&get(&v, "profile"), "ageBand"), "23-27");
    assert!(!text(&v).contains("Berg") && !text(&v).contains("999994669"));
    // One character changed: the check symbol catches it and nothing is shown.
    let last = code.chars().last().unwrap();
    let other = if last == 'A' { 'B' } else { 'A' };
    let typo = format!("{}{other}", &code[..code.len() - 1]);
    let e = minimised_view(
        JsValue::from(5),
        dossier(),
        "2026-06-01".into(),
        "noordLimburg".into(),
        JsValue::from(typo),
        parse(PROFILE),
    )
    .unwrap_err();
    assert_eq!(code_of(e.clone()), "CODE_CHECK_FAILED");
    assert_eq!(s(&e, "field"), "code");
    let mut p = parse(PROFILE);
    Reflect::set(&p, &"searchArea".into(), &Array::new()).unwrap();
    let e = minimised_view(
        JsValue::from(5),
        dossier(),
        "2026-06-01".into(),
        "noordLimburg".into(),
        JsValue::from(code),
        p.clone(),
    )
    .unwrap_err();
    assert_eq!(code_of(e), "PROFILE_INVALID");
    p = JsValue::from("geen profiel");
    let e = minimised_view(
        JsValue::from(5),
        dossier(),
        "2026-06-01".into(),
        "noordLimburg".into(),
        JsValue::UNDEFINED,
        p,
    )
    .unwrap_err();
    assert_eq!(code_of(e), "INPUT_INVALID");
}

fn confirmation(confirmed: bool) -> JsValue {
    parse(&format!(
        r#"{{"grondslagConfirmed": {confirmed}, "confirmedBy": "Ketenregisseur", "date": "2026-04-02"}}"#
    ))
}

#[wasm_bindgen_test]
fn handover_good_and_bad() {
    // Two documents for the lease are still missing: refused until a reason is chosen.
    let e = make_handover(
        dossier(),
        parse(PROFILE),
        "woonwaard".into(),
        "Woonwaard".into(),
        confirmation(true),
    )
    .unwrap_err();
    assert_eq!(code_of(e), "DOCUMENTS_INCOMPLETE");
    let with_reason = DOSSIER.replace(
        r#""documents": {"#,
        r#""documents": { "missingReason": "followsLater","#,
    );
    let r = make_handover(
        parse(&with_reason),
        parse(PROFILE),
        "woonwaard".into(),
        "Woonwaard".into(),
        confirmation(true),
    )
    .unwrap();
    assert_eq!(
        s(&r, "fileName"),
        "woonkans-overdracht-woonwaard-2026-04-02.json"
    );
    let h = get(&r, "handover");
    assert_eq!(s(&h, "bsn"), "999994669");
    assert_eq!(s(&h, "missingDocuments"), "followsLater");
    assert!(s(&h, "grondslag").contains("art. 6 lid 1 sub b AVG"));
    let json = s(&r, "json");
    assert!(json.contains("\"postcode\": \"5911 AB\""));
    assert!(!json.contains("GEZONDHEIDSNOTITIE"));
    assert!(!s(&r, "fileName").contains("Berg"));

    let e = make_handover(
        dossier(),
        parse(PROFILE),
        "woonwaard".into(),
        "Woonwaard".into(),
        confirmation(false),
    )
    .unwrap_err();
    assert_eq!(code_of(e), "CONFIRMATION_MISSING");
    let e = make_handover(
        dossier_with_gates(3),
        parse(PROFILE),
        "woonwaard".into(),
        "Woonwaard".into(),
        confirmation(true),
    )
    .unwrap_err();
    assert_eq!(code_of(e.clone()), "GATE_MISSING");
    assert!(s(&e, "message").contains("Match aanvaard"));
    let e = make_handover(
        dossier(),
        parse("{}"),
        "woonwaard".into(),
        "Woonwaard".into(),
        confirmation(true),
    )
    .unwrap_err();
    assert_eq!(code_of(e), "INPUT_INVALID");
    let e = make_handover(
        dossier(),
        parse(PROFILE),
        "".into(),
        "Woonwaard".into(),
        confirmation(true),
    )
    .unwrap_err();
    assert_eq!(code_of(e), "ASSOCIATION_INVALID");
}

#[wasm_bindgen_test]
fn known_values_good_and_bad() {
    let k = known_values(dossier()).unwrap();
    let names: Vec<String> = Array::from(&get(&k, "nameParts"))
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    assert_eq!(names, vec!["Anna", "Maria", "Berg", "van der Berg"]);
    assert_eq!(s(&k, "bsn"), "999994669");
    assert_eq!(s(&k, "birthDate"), "2001-04-03");
    let phones = Array::from(&get(&k, "phones"));
    assert!(
        phones
            .iter()
            .any(|p| p.as_string().as_deref() == Some("+31612345678"))
    );
    assert_eq!(
        code_of(known_values(JsValue::from(42)).unwrap_err()),
        "INPUT_INVALID"
    );
}

#[wasm_bindgen_test]
fn record_gate_good_and_bad() {
    let d = record_gate(
        dossier_with_gates(0),
        "consentToRegister".into(),
        "2026-01-02".into(),
        "Zorgaanbieder".into(),
    )
    .unwrap();
    assert_eq!(Array::from(&get(&d, "gates")).length(), 1);
    let e = record_gate(
        dossier_with_gates(0),
        "matchAccepted".into(),
        "2026-01-02".into(),
        "Corporatie".into(),
    )
    .unwrap_err();
    assert_eq!(code_of(e), "GATE_ORDER");
    let e = record_gate(
        dossier_with_gates(0),
        "nonsense".into(),
        "2026-01-02".into(),
        "X".into(),
    )
    .unwrap_err();
    assert_eq!(code_of(e), "INPUT_INVALID");
}
