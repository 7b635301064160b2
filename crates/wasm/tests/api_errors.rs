//! The error sweep over the whole JS API, in headless Chromium: every exported function once
//! with good input, then with bad input of every kind (undefined, null, wrong shapes, garbage
//! text and bytes, huge and non-finite numbers, very large inputs).
//!
//! What must hold for every call: it returns, or it throws a JS `Error` with a non-empty
//! upper-case `code` and a Dutch `message` that does not repeat the input. A panic would be an
//! `unreachable` trap, which fails this test run, so "no trap" is checked by reaching the end.
//!
//! Every text, byte and number parameter is also given values of the wrong type one at a time,
//! the other arguments good: the function itself must refuse it with `INPUT_INVALID` at that
//! parameter (not the wasm-bindgen glue with a code-less English error), and numbers must be
//! whole and in range rather than wrapped or truncated.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JSON, Object, Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use woonkans_wasm::{bundle, dossier, matching, profile, scan};

wasm_bindgen_test_configure!(run_in_browser);

/// Planted in bad input; no error message may contain it.
const MARK: &str = "Markeerwaardezqx";

const VECTORS: &str = include_str!("../../core/data/code-vectors.json");

const DOSSIER: &str = r#"{
  "id": "d-9",
  "name": { "firstNames": "Noor", "surname": "Markeerwaardezqx" },
  "address": { "street": "Kerkstraat", "houseNumber": 12, "postcode": "5911 AB", "place": "Venlo" },
  "gemeente": "Venlo", "phones": ["06-12345678"], "email": "noor@example.nl",
  "birthDate": "2001-04-03", "bsn": "999994669", "gender": "vrouw",
  "income": { "yearlyAmountEuros": 16000, "source": "uitkering" },
  "householdSize": 1, "livingSituation": "beschermdWonen",
  "documents": {
    "landlordStatement": { "status": "received", "date": "2026-01-10" },
    "brpExtract": { "status": "received", "date": "2026-01-10" },
    "incomeStatement": { "status": "received", "date": "2026-01-10" },
    "bewindvoeringRuling": { "status": "notApplicable" }
  },
  "targetGroup": { "statusHolder": false, "labourMigrant": false,
                   "regularRouteImpossible": true, "supportNeedIndependentLiving": true },
  "gates": [
    { "gate": "consentToRegister", "date": "2026-01-02", "actor": "Zorgaanbieder" },
    { "gate": "eligibilityAndSupportPlan", "date": "2026-02-01", "actor": "Wmo Venlo" },
    { "gate": "consentToShareWithCoordinator", "date": "2026-02-01", "actor": "Wmo Venlo" },
    { "gate": "matchAccepted", "date": "2026-04-01", "actor": "Ketenregisseur" }
  ],
  "step": "agreement"
}"#;

const DRAFT: &str = r#"{
  "assessments": { "householdCare": { "level": 3 }, "workDayActivities": { "level": 3 },
    "socialNetwork": { "level": 3 }, "socialSelfReliance": { "level": 3 },
    "financesDebts": { "level": 2 } },
  "mobility": "none", "searchArea": ["Venlo"], "housingForm": "noPreference",
  "rentArrears": "none", "nuisance": "none", "budgetManagement": false,
  "contractForm": "regularLease", "supportHoursPerWeek": 4, "reachable247": true,
  "relapsePlan": { "signals": "Post blijft liggen.", "agreements": [
    { "party": "careProvider", "action": "Huisbezoek." },
    { "party": "housingAssociation", "action": "Belt de zorgaanbieder." } ] },
  "safetyPlan": "notNeeded"
}"#;

const FACTS: &str = r#"{ "gender": "vrouw", "livingSituation": "beschermdWonen",
  "ageBand": "23-27", "incomeBand": "atOrBelowLimit", "householdSize": 1 }"#;

// ------------------------------------------------------------------ checks

fn parse(text: &str) -> JsValue {
    JSON::parse(text).unwrap()
}

/// Bytes as JS passes them: a `Uint8Array`.
fn u8a(bytes: &[u8]) -> JsValue {
    js_sys::Uint8Array::from(bytes).into()
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap()
}

fn stringify(v: &JsValue) -> String {
    JSON::stringify(v)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// Words that (nearly) every Dutch sentence of the API holds, and English serde phrases that
/// must never reach a user.
const DUTCH: [&str; 24] = [
    " de ",
    " het ",
    " een ",
    " is ",
    " niet ",
    " geen ",
    " moet ",
    " van ",
    " voor ",
    " kies ",
    " of ",
    " en ",
    " in ",
    " op ",
    " met ",
    " bij ",
    " deze ",
    " dit ",
    " zijn ",
    " kan ",
    " vul ",
    " staat ",
    " ontbreekt",
    " heeft ",
];
const ENGLISH: [&str; 6] = [
    "invalid type",
    "expected",
    "missing field",
    "unknown variant",
    "unreachable",
    "panicked",
];

/// Checks the thrown value; returns its code.
fn check_error(call: &str, err: &JsValue) -> String {
    assert!(
        err.is_instance_of::<js_sys::Error>(),
        "{call}: threw a non-Error {err:?}"
    );
    assert!(
        !err.is_instance_of::<js_sys::WebAssembly::RuntimeError>(),
        "{call}: trapped"
    );
    let code = get(err, "code").as_string().unwrap_or_default();
    assert!(
        !code.is_empty()
            && code
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'),
        "{call}: code {code:?}"
    );
    let message = get(err, "message").as_string().unwrap_or_default();
    let padded = format!(" {} ", message.to_lowercase());
    assert!(
        DUTCH.iter().any(|w| padded.contains(w)),
        "{call}: message not Dutch: {message}"
    );
    for e in ENGLISH {
        assert!(
            !padded.contains(e),
            "{call}: English or internal text: {message}"
        );
    }
    let field = get(err, "field").as_string().unwrap_or_default();
    let findings = stringify(&get(err, "findings"));
    for shown in [&message, &field, &findings] {
        assert!(!shown.contains(MARK), "{call}: repeats the input: {shown}");
    }
    code
}

/// The call must throw a proper error.
fn fails<T>(call: &str, r: Result<T, JsValue>) -> String {
    match r {
        Ok(_) => panic!("{call}: accepted bad input"),
        Err(e) => check_error(call, &e),
    }
}

/// The call may succeed (the input happens to be acceptable) or throw a proper error.
fn returns_or_fails<T>(call: &str, r: Result<T, JsValue>) {
    if let Err(e) = r {
        check_error(call, &e);
    }
}

// ------------------------------------------------------------------ bad input

/// Values that are no object of any of the API's shapes.
fn non_objects() -> Vec<(&'static str, JsValue)> {
    vec![
        ("undefined", JsValue::UNDEFINED),
        ("null", JsValue::NULL),
        ("true", JsValue::TRUE),
        ("0", JsValue::from(0)),
        ("-1", JsValue::from(-1)),
        ("1e300", JsValue::from(1e300)),
        ("NaN", JsValue::from(f64::NAN)),
        ("-Infinity", JsValue::from(f64::NEG_INFINITY)),
        ("string", JsValue::from(format!("rommel {MARK}"))),
        ("empty string", JsValue::from("")),
        ("bigint", js_sys::BigInt::from(u64::MAX).into()),
        ("symbol", js_sys::Symbol::for_(MARK).into()),
        ("function", js_sys::Function::new_no_args("return 1").into()),
    ]
}

/// Objects and arrays of the wrong shape (some may happen to be acceptable: `{}` is an empty
/// dossier), plus very large ones.
fn wrong_shapes() -> Vec<(&'static str, JsValue)> {
    let big_array = Array::new();
    for i in 0..100_000 {
        big_array.push(&JsValue::from(i));
    }
    let mut nested = String::new();
    for _ in 0..500 {
        nested.push_str("{\"a\":[");
    }
    for _ in 0..500 {
        nested.push_str("]}");
    }
    vec![
        ("{}", parse("{}")),
        // Objects without own fields read as empty objects.
        ("date", js_sys::Date::new_0().into()),
        ("bytes", Uint8Array::new_with_length(8).into()),
        ("[]", parse("[]")),
        ("[1,2,3]", parse("[1,2,3]")),
        (
            "marked object",
            parse(&format!(r#"{{"x": "{MARK}", "{MARK}": 1}}"#)),
        ),
        (
            "numbers as text",
            parse(r#"{"householdSize": "een", "gates": "alle", "searchArea": 7}"#),
        ),
        (
            "huge numbers",
            parse(r#"{"householdSize": 1e300, "maxRentCents": -1e300, "level": 1e20}"#),
        ),
        (
            "null fields",
            parse(r#"{"id": null, "name": null, "profiles": null, "dwellings": null}"#),
        ),
        ("100k array", big_array.into()),
        ("nested 500 deep", parse(&nested)),
        ("1 MB string field", {
            let o = Object::new();
            Reflect::set(&o, &"id".into(), &"x".repeat(1 << 20).into()).unwrap();
            o.into()
        }),
    ]
}

fn bad_values() -> Vec<(&'static str, JsValue)> {
    let mut all = non_objects();
    all.extend(wrong_shapes());
    all
}

fn bad_strings() -> Vec<(&'static str, String)> {
    vec![
        ("empty", String::new()),
        ("spaces", "   ".into()),
        ("garbage", format!("rommel {MARK} ?!")),
        ("control", format!("\u{0}\u{1}\u{7f}{MARK}")),
        ("digits", "9".repeat(10_000)),
        ("emoji", "😀".repeat(1_000)),
        ("number", "1e308".into()),
        ("impossible date", "2026-02-30".into()),
        ("1 MB", format!("{MARK}{}", "a".repeat(1 << 20))),
    ]
}

fn bad_bytes() -> Vec<(&'static str, Vec<u8>)> {
    let mut random = Vec::with_capacity(4096);
    let mut x: u32 = 0x9e37_79b9;
    for _ in 0..4096 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        random.push((x & 0xff) as u8);
    }
    vec![
        ("empty", Vec::new()),
        ("random", random),
        ("invalid utf-8", vec![0xff, 0xfe, 0xfd, 0x80, 0x81]),
        ("utf-16 bom only", vec![0xff, 0xfe]),
        ("utf-8 bom only", vec![0xef, 0xbb, 0xbf]),
        ("json null", b"null".to_vec()),
        ("json object", b"{}".to_vec()),
        ("json array", b"[1,2,3]".to_vec()),
        (
            "bundle head only",
            br#"{"format":"woonkans-bundel","version":1}"#.to_vec(),
        ),
        (
            "future version",
            br#"{"format":"woonkans-bundel","version":99}"#.to_vec(),
        ),
        ("marked text", format!("{MARK};{MARK}\n1;2\n").into_bytes()),
        ("1 MB of digits", vec![b'9'; 1 << 20]),
    ]
}

// ------------------------------------------------------------------ good fixtures

fn key_file() -> String {
    get(&parse(VECTORS), "keyFile").as_string().unwrap()
}

fn good_profile() -> JsValue {
    profile::build_profile(parse(DRAFT), parse(FACTS), JsValue::UNDEFINED).unwrap()
}

fn good_offer() -> JsValue {
    matching::sample_offer().unwrap()
}

fn write_input() -> JsValue {
    let p = Object::new();
    Reflect::set(&p, &"code".into(), &"WK-W68Q9-NRZH0-6".into()).unwrap();
    Reflect::set(&p, &"profile".into(), &good_profile()).unwrap();
    Reflect::set(
        &p,
        &"known".into(),
        &dossier::known_values(parse(DOSSIER)).unwrap(),
    )
    .unwrap();
    let input = parse(
        r#"{"date": "2026-06-01", "at": "2026-06-01T10:00:00Z", "region": "noordLimburg",
            "recipientId": "wonen-limburg", "recipientName": "Voorbeeld Wonen"}"#,
    );
    Reflect::set(&input, &"profiles".into(), &Array::of1(&p)).unwrap();
    input
}

fn written_bytes() -> Vec<u8> {
    let out = bundle::write_bundle(write_input()).unwrap();
    Uint8Array::new(&get(&out, "bytes")).to_vec()
}

// ------------------------------------------------------------------ the sweep

#[wasm_bindgen_test]
fn functions_without_input_return_their_values() {
    assert!(!woonkans_wasm::version().is_empty());
    assert_eq!(profile::bundle_format_version(), 1);
    assert_eq!(profile::bundle_format(), "woonkans-bundel");
    assert_eq!(
        Array::from(&dossier::processing_register().unwrap()).length(),
        6
    );
    assert!(Array::from(&get(&good_offer(), "dwellings")).length() > 100);
    assert_eq!(
        get(&matching::default_weights().unwrap(), "area").as_f64(),
        Some(30.0)
    );
    assert!(
        get(&matching::rent_limits().unwrap(), "year")
            .as_f64()
            .is_some()
    );
    let key = bundle::new_code_key().unwrap();
    assert_eq!(bundle::import_key(JsValue::from(&key)).unwrap(), key);
}

#[wasm_bindgen_test]
fn dossier_functions_sweep() {
    let d = parse(DOSSIER);
    // Good input first: each function works on the fixture.
    let problems = dossier::validate_dossier(d.clone()).unwrap();
    assert_eq!(
        Array::from(&problems).length(),
        0,
        "{}",
        stringify(&problems)
    );
    let tg = dossier::target_group_check(d.clone(), "2026-06-01".into(), "Noord-Limburg".into())
        .unwrap();
    assert_eq!(get(&tg, "eligible"), JsValue::TRUE);
    let v = dossier::minimised_view(
        JsValue::from(4),
        d.clone(),
        "2026-06-01".into(),
        "noordLimburg".into(),
        JsValue::UNDEFINED,
        JsValue::NULL,
    )
    .unwrap();
    assert_eq!(get(&v, "view").as_string().as_deref(), Some("step4"));
    let known = dossier::known_values(d.clone()).unwrap();
    assert!(stringify(&known).contains(MARK));
    let confirmation =
        parse(r#"{"grondslagConfirmed": true, "confirmedBy": "K", "date": "2026-06-01"}"#);
    let h = dossier::make_handover(
        d.clone(),
        good_profile(),
        "wl".into(),
        "Wonen".into(),
        confirmation.clone(),
    )
    .unwrap();
    assert!(
        get(&h, "json")
            .as_string()
            .unwrap()
            .contains("woonkans-overdracht")
    );
    let fresh = parse(r#"{"id": "n"}"#);
    let g = dossier::record_gate(
        fresh,
        "consentToRegister".into(),
        "2026-01-02".into(),
        "Zorg".into(),
    )
    .unwrap();
    assert_eq!(Array::from(&get(&g, "gates")).length(), 1);

    for (what, bad) in non_objects() {
        let call = |f: &str| format!("{f}({what})");
        fails(
            &call("validateDossier"),
            dossier::validate_dossier(bad.clone()),
        );
        fails(&call("knownValues"), dossier::known_values(bad.clone()));
        fails(
            &call("targetGroupCheck"),
            dossier::target_group_check(bad.clone(), "2026-06-01".into(), "Noord-Limburg".into()),
        );
        for step in [1u8, 4, 5] {
            fails(
                &call(&format!("minimisedView {step}")),
                dossier::minimised_view(
                    JsValue::from(step),
                    bad.clone(),
                    "2026-06-01".into(),
                    "Noord-Limburg".into(),
                    JsValue::UNDEFINED,
                    JsValue::NULL,
                ),
            );
        }
        fails(
            &call("makeHandover dossier"),
            dossier::make_handover(
                bad.clone(),
                good_profile(),
                "wl".into(),
                "W".into(),
                confirmation.clone(),
            ),
        );
        fails(
            &call("makeHandover profile"),
            dossier::make_handover(
                d.clone(),
                bad.clone(),
                "wl".into(),
                "W".into(),
                confirmation.clone(),
            ),
        );
        fails(
            &call("makeHandover confirmation"),
            dossier::make_handover(
                d.clone(),
                good_profile(),
                "wl".into(),
                "W".into(),
                bad.clone(),
            ),
        );
        fails(
            &call("recordGate dossier"),
            dossier::record_gate(
                bad.clone(),
                "consentToRegister".into(),
                "2026-01-02".into(),
                "Z".into(),
            ),
        );
        fails(
            &call("recordGate gate"),
            dossier::record_gate(parse("{}"), bad.clone(), "2026-01-02".into(), "Z".into()),
        );
        // Step 5 with a bad profile.
        if !(bad.is_undefined() || bad.is_null()) {
            fails(
                &call("minimisedView 5 profile"),
                dossier::minimised_view(
                    JsValue::from(5),
                    d.clone(),
                    "2026-06-01".into(),
                    "Noord-Limburg".into(),
                    JsValue::from("WK-W68Q9-NRZH0-6"),
                    bad.clone(),
                ),
            );
        }
    }
    for (what, bad) in wrong_shapes() {
        let call = |f: &str| format!("{f}({what})");
        returns_or_fails(
            &call("validateDossier"),
            dossier::validate_dossier(bad.clone()),
        );
        returns_or_fails(&call("knownValues"), dossier::known_values(bad.clone()));
        returns_or_fails(
            &call("targetGroupCheck"),
            dossier::target_group_check(bad.clone(), "2026-06-01".into(), "Noord-Limburg".into()),
        );
        returns_or_fails(
            &call("minimisedView"),
            dossier::minimised_view(
                JsValue::from(3),
                bad.clone(),
                "2026-06-01".into(),
                "Noord-Limburg".into(),
                JsValue::UNDEFINED,
                bad.clone(),
            ),
        );
        fails(
            &call("makeHandover"),
            dossier::make_handover(bad.clone(), bad.clone(), "".into(), "".into(), bad.clone()),
        );
        fails(
            &call("recordGate"),
            dossier::record_gate(bad.clone(), bad.clone(), "2026-01-02".into(), "Z".into()),
        );
    }
    for (what, s) in bad_strings() {
        let call = |f: &str| format!("{f}({what})");
        fails(
            &call("targetGroupCheck date"),
            dossier::target_group_check(d.clone(), JsValue::from(&s), "Noord-Limburg".into()),
        );
        fails(
            &call("targetGroupCheck region"),
            dossier::target_group_check(d.clone(), "2026-06-01".into(), JsValue::from(&s)),
        );
        fails(
            &call("minimisedView date"),
            dossier::minimised_view(
                JsValue::from(1),
                d.clone(),
                JsValue::from(&s),
                "Noord-Limburg".into(),
                JsValue::UNDEFINED,
                JsValue::NULL,
            ),
        );
        fails(
            &call("minimisedView code"),
            dossier::minimised_view(
                JsValue::from(5),
                d.clone(),
                "2026-06-01".into(),
                "Noord-Limburg".into(),
                JsValue::from(s.clone()),
                good_profile(),
            ),
        );
        fails(
            &call("recordGate date"),
            dossier::record_gate(
                parse("{}"),
                "consentToRegister".into(),
                JsValue::from(&s),
                "Zorg".into(),
            ),
        );
        returns_or_fails(
            &call("recordGate actor"),
            dossier::record_gate(
                parse("{}"),
                "consentToRegister".into(),
                "2026-01-02".into(),
                JsValue::from(&s),
            ),
        );
        returns_or_fails(
            &call("makeHandover association"),
            dossier::make_handover(
                d.clone(),
                good_profile(),
                JsValue::from(&s),
                JsValue::from(&s),
                confirmation.clone(),
            ),
        );
    }
    for step in [0u8, 6, 7, 255] {
        fails(
            &format!("minimisedView step {step}"),
            dossier::minimised_view(
                JsValue::from(step),
                d.clone(),
                "2026-06-01".into(),
                "Noord-Limburg".into(),
                JsValue::UNDEFINED,
                JsValue::NULL,
            ),
        );
    }
    // Gates out of order, and an unconfirmed hand-over.
    fails(
        "recordGate out of order",
        dossier::record_gate(
            parse("{}"),
            "matchAccepted".into(),
            "2026-01-02".into(),
            "Z".into(),
        ),
    );
    let unconfirmed =
        parse(r#"{"grondslagConfirmed": false, "confirmedBy": "K", "date": "2026-06-01"}"#);
    fails(
        "makeHandover unconfirmed",
        dossier::make_handover(d, good_profile(), "wl".into(), "W".into(), unconfirmed),
    );
}

#[wasm_bindgen_test]
fn scanner_and_validator_sweep() {
    let found = scan::scan_text("Bel 06-12345678.".into(), JsValue::NULL).unwrap();
    assert_eq!(Array::from(&found).length(), 1);
    assert_eq!(
        scan::redact_text("Bel 06-12345678.".into(), found).unwrap(),
        "Bel [TELEFOON]."
    );
    assert_eq!(scan::validate_bsn("999994669".into()).unwrap(), "999994669");
    assert_eq!(scan::validate_postcode("5911ab".into()).unwrap(), "5911 AB");
    assert!(scan::validate_phone("06-12345678".into()).is_ok());
    assert!(scan::validate_email("a@example.nl".into()).is_ok());
    assert!(scan::validate_iban("NL91ABNA0417164300".into()).is_ok());
    assert_eq!(
        scan::validate_date("03-04-2001".into()).unwrap(),
        "2001-04-03"
    );

    for (what, bad) in non_objects() {
        // No known values is allowed: undefined and null.
        if !(bad.is_undefined() || bad.is_null()) {
            fails(
                &format!("scanText known {what}"),
                scan::scan_text("tekst".into(), bad.clone()),
            );
        }
        fails(
            &format!("redactText findings {what}"),
            scan::redact_text("tekst".into(), bad),
        );
    }
    for (what, bad) in wrong_shapes() {
        returns_or_fails(
            &format!("scanText known {what}"),
            scan::scan_text("tekst".into(), bad.clone()),
        );
        returns_or_fails(
            &format!("redactText {what}"),
            scan::redact_text("tekst".into(), bad),
        );
    }
    // Findings out of range or inside a character are skipped, never sliced.
    let odd =
        parse(r#"[{"kind":"name","start":1,"end":2},{"kind":"bsn","start":4,"end":4000000000}]"#);
    assert_eq!(scan::redact_text("😀ab".into(), odd).unwrap(), "😀ab");
    for (what, s) in bad_strings() {
        returns_or_fails(
            &format!("scanText {what}"),
            scan::scan_text(JsValue::from(&s), JsValue::NULL),
        );
        let call = |f: &str| format!("{f}({what})");
        fails(&call("validateBsn"), scan::validate_bsn(JsValue::from(&s)));
        fails(
            &call("validatePostcode"),
            scan::validate_postcode(JsValue::from(&s)),
        );
        fails(
            &call("validatePhone"),
            scan::validate_phone(JsValue::from(&s)),
        );
        fails(
            &call("validateEmail"),
            scan::validate_email(JsValue::from(&s)),
        );
        fails(
            &call("validateIban"),
            scan::validate_iban(JsValue::from(&s)),
        );
        fails(
            &call("validateDate"),
            scan::validate_date(JsValue::from(&s)),
        );
    }
}

#[wasm_bindgen_test]
fn profile_functions_sweep() {
    for (what, bad) in bad_values() {
        let call = |f: &str| format!("{f}({what})");
        // The draft may be empty (undefined, null, {}), so only the facts must fail.
        returns_or_fails(
            &call("profileMissing draft"),
            profile::profile_missing(bad.clone(), parse(FACTS), JsValue::NULL),
        );
        fails(
            &call("profileMissing facts"),
            profile::profile_missing(parse(DRAFT), bad.clone(), JsValue::NULL),
        );
        fails(
            &call("buildProfile facts"),
            profile::build_profile(parse(DRAFT), bad.clone(), JsValue::NULL),
        );
        returns_or_fails(
            &call("buildProfile draft"),
            profile::build_profile(bad.clone(), parse(FACTS), JsValue::NULL),
        );
        returns_or_fails(
            &call("buildProfile options"),
            profile::build_profile(parse(DRAFT), parse(FACTS), bad.clone()),
        );
        fails(
            &call("derivedFacts dossier"),
            profile::derived_facts(
                bad.clone(),
                "2026-06-01".into(),
                "Noord-Limburg".into(),
                JsValue::NULL,
            ),
        );
        fails(
            &call("derivedFacts date"),
            profile::derived_facts(
                parse(DOSSIER),
                bad.clone(),
                "Noord-Limburg".into(),
                JsValue::NULL,
            ),
        );
        fails(
            &call("derivedFacts region"),
            profile::derived_facts(
                parse(DOSSIER),
                "2026-06-01".into(),
                bad.clone(),
                JsValue::NULL,
            ),
        );
        returns_or_fails(
            &call("derivedFacts limits"),
            profile::derived_facts(
                parse(DOSSIER),
                "2026-06-01".into(),
                "Noord-Limburg".into(),
                bad.clone(),
            ),
        );
    }
    for (what, bad) in non_objects() {
        if !(bad.is_undefined() || bad.is_null()) {
            fails(
                &format!("buildProfile draft {what}"),
                profile::build_profile(bad.clone(), parse(FACTS), JsValue::NULL),
            );
            fails(
                &format!("buildProfile options {what}"),
                profile::build_profile(parse(DRAFT), parse(FACTS), bad.clone()),
            );
            fails(
                &format!("derivedFacts limits {what}"),
                profile::derived_facts(
                    parse(DOSSIER),
                    "2026-06-01".into(),
                    "Noord-Limburg".into(),
                    bad,
                ),
            );
        }
    }
}

#[wasm_bindgen_test]
fn code_and_bundle_functions_sweep() {
    let kf = key_file();
    assert_eq!(
        bundle::derive_code(
            JsValue::from(&kf),
            "wonen-limburg".into(),
            "123456782".into()
        )
        .unwrap(),
        "WK-W68Q9-NRZH0-6"
    );
    assert_eq!(
        bundle::parse_code("wk w68q9 nrzh0 6".into()).unwrap(),
        "WK-W68Q9-NRZH0-6"
    );
    let candidates = parse(r#"[{"localId": "d-1", "stableId": "123456782"}]"#);
    assert_eq!(
        bundle::resolve_code(
            JsValue::from(&kf),
            "wonen-limburg".into(),
            "WK-W68Q9-NRZH0-6".into(),
            candidates.clone()
        )
        .unwrap(),
        Some("d-1".to_string())
    );
    assert!(
        get(&bundle::export_key(JsValue::from(&kf)).unwrap(), "text")
            .as_string()
            .is_some()
    );
    let bytes = written_bytes();
    let verified = bundle::verify_bundle(u8a(&bytes)).unwrap();
    assert_eq!(get(&verified, "version").as_f64(), Some(1.0));
    let out = bundle::write_bundle(write_input()).unwrap();
    let csv = bundle::disclosure_csv(Array::of1(&get(&out, "disclosureEntry")).into()).unwrap();
    assert!(csv.starts_with('\u{feff}'));

    for (what, s) in bad_strings() {
        let call = |f: &str| format!("{f}({what})");
        fails(
            &call("deriveCode key"),
            bundle::derive_code(
                JsValue::from(&s),
                "wonen-limburg".into(),
                "123456782".into(),
            ),
        );
        if s.trim().is_empty() {
            fails(
                &call("deriveCode recipient"),
                bundle::derive_code(JsValue::from(&kf), JsValue::from(&s), "123456782".into()),
            );
            fails(
                &call("deriveCode stable id"),
                bundle::derive_code(
                    JsValue::from(&kf),
                    "wonen-limburg".into(),
                    JsValue::from(&s),
                ),
            );
        } else {
            returns_or_fails(
                &call("deriveCode recipient"),
                bundle::derive_code(JsValue::from(&kf), JsValue::from(&s), "123456782".into()),
            );
        }
        fails(&call("parseCode"), bundle::parse_code(JsValue::from(&s)));
        fails(
            &call("resolveCode key"),
            bundle::resolve_code(
                JsValue::from(&s),
                "wl".into(),
                "WK-W68Q9-NRZH0-6".into(),
                candidates.clone(),
            ),
        );
        fails(
            &call("resolveCode code"),
            bundle::resolve_code(
                JsValue::from(&kf),
                "wl".into(),
                JsValue::from(&s),
                candidates.clone(),
            ),
        );
        returns_or_fails(
            &call("resolveCode recipient"),
            bundle::resolve_code(
                JsValue::from(&kf),
                JsValue::from(&s),
                "WK-W68Q9-NRZH0-6".into(),
                candidates.clone(),
            ),
        );
        fails(&call("exportKey"), bundle::export_key(JsValue::from(&s)));
        fails(&call("importKey"), bundle::import_key(JsValue::from(&s)));
    }
    for (what, bad) in non_objects() {
        fails(
            &format!("resolveCode candidates {what}"),
            bundle::resolve_code(
                JsValue::from(&kf),
                "wl".into(),
                "WK-W68Q9-NRZH0-6".into(),
                bad.clone(),
            ),
        );
        fails(
            &format!("writeBundle {what}"),
            bundle::write_bundle(bad.clone()),
        );
        fails(
            &format!("disclosureCsv {what}"),
            bundle::disclosure_csv(bad),
        );
    }
    for (what, bad) in wrong_shapes() {
        returns_or_fails(
            &format!("resolveCode candidates {what}"),
            bundle::resolve_code(
                JsValue::from(&kf),
                "wl".into(),
                "WK-W68Q9-NRZH0-6".into(),
                bad.clone(),
            ),
        );
        fails(
            &format!("writeBundle {what}"),
            bundle::write_bundle(bad.clone()),
        );
        returns_or_fails(
            &format!("disclosureCsv {what}"),
            bundle::disclosure_csv(bad),
        );
    }
    // A bundle input with one field wrong at a time.
    for (field, value) in [
        ("date", JsValue::from("2026-13-01")),
        ("region", JsValue::from("Limburg")),
        ("profiles", parse("[{}]")),
        ("profiles", JsValue::from(1e300)),
        ("recipientId", JsValue::NULL),
    ] {
        let input = write_input();
        Reflect::set(&input, &field.into(), &value).unwrap();
        fails(&format!("writeBundle {field}"), bundle::write_bundle(input));
    }
    // The leak guard: the resident's surname in a note.
    let input = write_input();
    let p = Array::from(&get(&input, "profiles")).get(0);
    let prof = get(&p, "profile");
    Reflect::set(
        &prof,
        &"notes".into(),
        &parse(&format!(r#"{{"socialNetwork": "Zus van {MARK}"}}"#)),
    )
    .unwrap();
    let err = bundle::write_bundle(input).unwrap_err();
    assert_eq!(check_error("writeBundle leak", &err), "LEAK_GUARD");
    assert!(Array::from(&get(&err, "findings")).length() >= 1);

    for (what, b) in bad_bytes() {
        fails(
            &format!("verifyBundle({what})"),
            bundle::verify_bundle(u8a(&b)),
        );
    }
    // Every truncation of a real bundle, in 97-byte steps, and a changed last byte.
    let mut cut = 0;
    while cut < bytes.len() {
        fails(
            &format!("verifyBundle(cut at {cut})"),
            bundle::verify_bundle(u8a(&bytes[..cut])),
        );
        cut += 97;
    }
    let mut changed = bytes.clone();
    let last = changed.len() - 2;
    changed[last] ^= 0x01;
    fails(
        "verifyBundle(changed byte)",
        bundle::verify_bundle(u8a(&changed)),
    );
}

#[wasm_bindgen_test]
fn offer_and_matching_functions_sweep() {
    let offer = good_offer();
    let p = good_profile();
    let m = matching::match_profile(
        p.clone(),
        offer.clone(),
        JsValue::UNDEFINED,
        "2026-06-01".into(),
    )
    .unwrap();
    assert!(Array::from(&get(&m, "eligible")).length() > 0);
    let a = matching::assign_caseload(
        Array::of2(&p, &p).into(),
        offer.clone(),
        JsValue::NULL,
        "2026-06-01".into(),
    )
    .unwrap();
    assert!(get(&a, "total").as_f64().is_some());
    let json = matching::export_offer_json(offer.clone()).unwrap();
    let report = matching::import_offer_json(JsValue::from(&json)).unwrap();
    assert_eq!(Array::from(&get(&report, "errors")).length(), 0);
    let csv = matching::export_offer_csv(offer.clone()).unwrap();
    let dwellings = Uint8Array::new(&get(&csv, "dwellings")).to_vec();
    assert!(matching::import_offer_csv(u8a(&dwellings)).is_ok());
    assert!(matching::import_offer_file(u8a(json.as_bytes())).is_ok());
    assert!(
        matching::merge_offer(
            offer.clone(),
            get(&report, "offerPart"),
            "addAndUpdate".into()
        )
        .is_ok()
    );
    assert!(
        matching::max_rent(JsValue::from(1), "23-27".into(), "atOrBelowLimit".into()).unwrap() > 0
    );

    for (what, bad) in non_objects() {
        let call = |f: &str| format!("{f}({what})");
        fails(
            &call("exportOfferCsv"),
            matching::export_offer_csv(bad.clone()),
        );
        fails(
            &call("exportOfferJson"),
            matching::export_offer_json(bad.clone()),
        );
        fails(
            &call("mergeOffer current"),
            matching::merge_offer(bad.clone(), offer.clone(), "replace".into()),
        );
        fails(
            &call("mergeOffer incoming"),
            matching::merge_offer(offer.clone(), bad.clone(), "replace".into()),
        );
        fails(
            &call("matchProfile profile"),
            matching::match_profile(
                bad.clone(),
                offer.clone(),
                JsValue::NULL,
                "2026-06-01".into(),
            ),
        );
        fails(
            &call("matchProfile offer"),
            matching::match_profile(p.clone(), bad.clone(), JsValue::NULL, "2026-06-01".into()),
        );
        fails(
            &call("assignCaseload profiles"),
            matching::assign_caseload(
                bad.clone(),
                offer.clone(),
                JsValue::NULL,
                "2026-06-01".into(),
            ),
        );
        fails(
            &call("assignCaseload offer"),
            matching::assign_caseload(
                Array::of1(&p).into(),
                bad.clone(),
                JsValue::NULL,
                "2026-06-01".into(),
            ),
        );
        fails(
            &call("maxRent age band"),
            matching::max_rent(JsValue::from(1), bad.clone(), "atOrBelowLimit".into()),
        );
        fails(
            &call("maxRent income band"),
            matching::max_rent(JsValue::from(1), "23-27".into(), bad.clone()),
        );
        if !(bad.is_undefined() || bad.is_null()) {
            fails(
                &call("matchProfile weights"),
                matching::match_profile(p.clone(), offer.clone(), bad.clone(), "2026-06-01".into()),
            );
            fails(
                &call("assignCaseload weights"),
                matching::assign_caseload(
                    Array::of1(&p).into(),
                    offer.clone(),
                    bad.clone(),
                    "2026-06-01".into(),
                ),
            );
        }
    }
    for (what, bad) in wrong_shapes() {
        let call = |f: &str| format!("{f}({what})");
        returns_or_fails(
            &call("exportOfferCsv"),
            matching::export_offer_csv(bad.clone()),
        );
        returns_or_fails(
            &call("exportOfferJson"),
            matching::export_offer_json(bad.clone()),
        );
        returns_or_fails(
            &call("mergeOffer"),
            matching::merge_offer(bad.clone(), bad.clone(), "addAndUpdate".into()),
        );
        fails(
            &call("matchProfile profile"),
            matching::match_profile(
                bad.clone(),
                offer.clone(),
                JsValue::NULL,
                "2026-06-01".into(),
            ),
        );
        returns_or_fails(
            &call("matchProfile offer"),
            matching::match_profile(p.clone(), bad.clone(), JsValue::NULL, "2026-06-01".into()),
        );
        returns_or_fails(
            &call("assignCaseload"),
            matching::assign_caseload(
                bad.clone(),
                offer.clone(),
                JsValue::NULL,
                "2026-06-01".into(),
            ),
        );
        fails(
            &call("matchProfile weights"),
            matching::match_profile(p.clone(), offer.clone(), bad.clone(), "2026-06-01".into()),
        );
    }
    // Weights whose sum overflows u32 must not wrap around to 100.
    let overflow = parse(
        r#"{"area": 4294967295, "housingForm": 101, "rentHeadroom": 0, "supportFit": 0, "spreading": 0, "sizeFit": 0}"#,
    );
    fails(
        "matchProfile overflowing weights",
        matching::match_profile(p.clone(), offer.clone(), overflow, "2026-06-01".into()),
    );
    for (what, s) in bad_strings() {
        let call = |f: &str| format!("{f}({what})");
        fails(
            &call("importOfferJson"),
            matching::import_offer_json(JsValue::from(&s)),
        );
        fails(
            &call("mergeOffer mode"),
            matching::merge_offer(offer.clone(), offer.clone(), JsValue::from(&s)),
        );
        fails(
            &call("matchProfile date"),
            matching::match_profile(p.clone(), offer.clone(), JsValue::NULL, JsValue::from(&s)),
        );
        fails(
            &call("assignCaseload date"),
            matching::assign_caseload(
                Array::of1(&p).into(),
                offer.clone(),
                JsValue::NULL,
                JsValue::from(&s),
            ),
        );
    }
    for (what, b) in bad_bytes() {
        returns_or_fails(
            &format!("importOfferCsv({what})"),
            matching::import_offer_csv(u8a(&b)),
        );
        returns_or_fails(
            &format!("importOfferFile({what})"),
            matching::import_offer_file(u8a(&b)),
        );
    }
    for size in [0u8, 13, 255] {
        fails(
            &format!("maxRent({size})"),
            matching::max_rent(JsValue::from(size), "23-27".into(), "atOrBelowLimit".into()),
        );
    }
}

#[wasm_bindgen_test]
fn the_module_still_works_after_the_sweep() {
    // A failed call leaves nothing behind: the same good calls give the same answers.
    let bytes = written_bytes();
    for b in bad_bytes() {
        let _ = bundle::verify_bundle(u8a(&b.1));
    }
    let verified = bundle::verify_bundle(u8a(&bytes)).unwrap();
    assert_eq!(
        get(&verified, "digest").as_string().map(|d| d.len()),
        Some(64)
    );
}

// ------------------------------------------------------------------ wrongly typed arguments

/// One parameter of one export: the call with every other argument good.
struct Param {
    function: &'static str,
    name: &'static str,
    good: JsValue,
    call: Box<dyn Fn(JsValue) -> Result<(), JsValue>>,
}

fn param<T: 'static>(
    function: &'static str,
    name: &'static str,
    good: impl Into<JsValue>,
    call: impl Fn(JsValue) -> Result<T, JsValue> + 'static,
) -> Param {
    Param {
        function,
        name,
        good: good.into(),
        call: Box::new(move |v| call(v).map(|_| ())),
    }
}

fn js_eval(expr: &str) -> JsValue {
    js_sys::Function::new_no_args(&format!("return {expr};"))
        .call0(&JsValue::UNDEFINED)
        .unwrap()
}

/// Every value here is something other than a JS string.
fn not_text() -> Vec<(&'static str, JsValue)> {
    let mut all: Vec<(&'static str, JsValue)> = non_objects()
        .into_iter()
        .filter(|(_, v)| v.as_string().is_none())
        .collect();
    all.extend([
        ("{}", parse("{}")),
        ("[]", parse("[]")),
        ("array of text", Array::of1(&MARK.into()).into()),
        ("bytes", u8a(MARK.as_bytes())),
        ("date", js_sys::Date::new_0().into()),
        ("String object", js_eval(&format!("new String('{MARK}')"))),
    ]);
    all
}

/// Every value here is something other than bytes.
fn not_bytes() -> Vec<(&'static str, JsValue)> {
    let mut all = non_objects();
    all.extend([
        ("{}", parse("{}")),
        (
            "marked object",
            parse(&format!(r#"{{"0": 1, "{MARK}": 2}}"#)),
        ),
        ("[256]", parse("[1, 256]")),
        ("[-1]", parse("[-1]")),
        ("[1.5]", parse("[1.5]")),
        ("[\"1\"]", parse(r#"["1"]"#)),
        ("[null]", parse("[null]")),
        ("[NaN]", js_eval("[NaN]")),
        ("hole", js_eval("[1, , 3]")),
        ("Uint16Array", js_eval("new Uint16Array([1, 2])")),
        ("DataView", js_eval("new DataView(new ArrayBuffer(2))")),
        ("date", js_sys::Date::new_0().into()),
    ]);
    all
}

/// Every value here is something other than a whole number from 1 to 12.
fn not_1_to_12() -> Vec<(&'static str, JsValue)> {
    let mut all: Vec<(&'static str, JsValue)> = non_objects()
        .into_iter()
        .filter(|(_, v)| v.as_f64().is_none())
        .collect();
    all.extend([
        ("0", JsValue::from(0)),
        ("-0", JsValue::from(-0.0)),
        ("-1", JsValue::from(-1)),
        ("13", JsValue::from(13)),
        ("257 (1 mod 256)", JsValue::from(257)),
        ("260 (4 mod 256)", JsValue::from(260)),
        ("65537", JsValue::from(65_537)),
        ("3.7", JsValue::from(3.7)),
        ("1.5", JsValue::from(1.5)),
        ("1 + 2^-52", JsValue::from(1.0 + f64::EPSILON)),
        ("NaN", JsValue::from(f64::NAN)),
        ("Infinity", JsValue::from(f64::INFINITY)),
        ("-Infinity", JsValue::from(f64::NEG_INFINITY)),
        ("1e300", JsValue::from(1e300)),
        ("2^53 + 4", JsValue::from(9_007_199_254_740_996.0)),
        ("\"1\"", JsValue::from("1")),
        ("[1]", parse("[1]")),
        ("{}", parse("{}")),
        ("Number object", js_eval("new Number(1)")),
    ]);
    all
}

fn text_params() -> Vec<Param> {
    let d = parse(DOSSIER);
    let kf = key_file();
    let offer = good_offer();
    let p = good_profile();
    let json = matching::export_offer_json(offer.clone()).unwrap();
    let confirmation =
        parse(r#"{"grondslagConfirmed": true, "confirmedBy": "K", "date": "2026-06-01"}"#);
    let candidates = parse(r#"[{"localId": "d-1", "stableId": "123456782"}]"#);
    let mut all = vec![
        param("scanText", "text", "tekst", |v| {
            scan::scan_text(v, JsValue::NULL)
        }),
        param("redactText", "text", "tekst", |v| {
            scan::redact_text(v, parse("[]"))
        }),
        param("validateBsn", "value", "999994669", scan::validate_bsn),
        param(
            "validatePostcode",
            "value",
            "5911ab",
            scan::validate_postcode,
        ),
        param(
            "validatePhone",
            "value",
            "06-12345678",
            scan::validate_phone,
        ),
        param(
            "validateEmail",
            "value",
            "a@example.nl",
            scan::validate_email,
        ),
        param(
            "validateIban",
            "value",
            "NL91ABNA0417164300",
            scan::validate_iban,
        ),
        param("validateDate", "value", "03-04-2001", scan::validate_date),
        param("importOfferJson", "text", json, matching::import_offer_json),
        param("parseCode", "text", "WK-W68Q9-NRZH0-6", bundle::parse_code),
        param("exportKey", "keyFile", kf.clone(), bundle::export_key),
        param("importKey", "text", kf.clone(), bundle::import_key),
    ];
    {
        let d2 = d.clone();
        all.push(param(
            "targetGroupCheck",
            "referenceDate",
            "2026-06-01",
            move |v| dossier::target_group_check(d2.clone(), v, "Noord-Limburg".into()),
        ));
        let d2 = d.clone();
        all.push(param(
            "targetGroupCheck",
            "region",
            "Noord-Limburg",
            move |v| dossier::target_group_check(d2.clone(), "2026-06-01".into(), v),
        ));
        let d2 = d.clone();
        all.push(param(
            "minimisedView",
            "referenceDate",
            "2026-06-01",
            move |v| {
                dossier::minimised_view(
                    4.into(),
                    d2.clone(),
                    v,
                    "Noord-Limburg".into(),
                    JsValue::UNDEFINED,
                    JsValue::UNDEFINED,
                )
            },
        ));
        let d2 = d.clone();
        all.push(param("minimisedView", "region", "noordLimburg", move |v| {
            dossier::minimised_view(
                4.into(),
                d2.clone(),
                "2026-06-01".into(),
                v,
                JsValue::UNDEFINED,
                JsValue::UNDEFINED,
            )
        }));
        let (d2, p2, c2) = (d.clone(), p.clone(), confirmation.clone());
        all.push(param("makeHandover", "associationId", "wl", move |v| {
            dossier::make_handover(d2.clone(), p2.clone(), v, "Wonen".into(), c2.clone())
        }));
        let (d2, p2, c2) = (d.clone(), p.clone(), confirmation.clone());
        all.push(param(
            "makeHandover",
            "associationName",
            "Wonen",
            move |v| dossier::make_handover(d2.clone(), p2.clone(), "wl".into(), v, c2.clone()),
        ));
        all.push(param("recordGate", "date", "2026-01-02", |v| {
            dossier::record_gate(
                parse(r#"{"id": "n"}"#),
                "consentToRegister".into(),
                v,
                "Zorg".into(),
            )
        }));
        all.push(param("recordGate", "actor", "Zorg", |v| {
            dossier::record_gate(
                parse(r#"{"id": "n"}"#),
                "consentToRegister".into(),
                "2026-01-02".into(),
                v,
            )
        }));
        all.push(param("derivedFacts", "referenceDate", "2026-06-01", |v| {
            profile::derived_facts(parse(DOSSIER), v, "Noord-Limburg".into(), JsValue::NULL)
        }));
        all.push(param("derivedFacts", "region", "Noord-Limburg", |v| {
            profile::derived_facts(parse(DOSSIER), "2026-06-01".into(), v, JsValue::NULL)
        }));
    }
    {
        let o = offer.clone();
        all.push(param("mergeOffer", "mode", "replace", move |v| {
            matching::merge_offer(o.clone(), o.clone(), v)
        }));
        let (o, p2) = (offer.clone(), p.clone());
        all.push(param(
            "matchProfile",
            "referenceDate",
            "2026-06-01",
            move |v| matching::match_profile(p2.clone(), o.clone(), JsValue::NULL, v),
        ));
        let (o, p2) = (offer.clone(), p.clone());
        all.push(param(
            "assignCaseload",
            "referenceDate",
            "2026-06-01",
            move |v| matching::assign_caseload(Array::of1(&p2).into(), o.clone(), JsValue::NULL, v),
        ));
    }
    {
        let k = kf.clone();
        all.push(param("deriveCode", "keyFile", kf.clone(), |v| {
            bundle::derive_code(v, "wonen-limburg".into(), "123456782".into())
        }));
        all.push(param(
            "deriveCode",
            "recipientId",
            "wonen-limburg",
            move |v| bundle::derive_code(k.as_str().into(), v, "123456782".into()),
        ));
        let k = kf.clone();
        all.push(param("deriveCode", "stableId", "123456782", move |v| {
            bundle::derive_code(k.as_str().into(), "wonen-limburg".into(), v)
        }));
        let c = candidates.clone();
        all.push(param("resolveCode", "keyFile", kf.clone(), move |v| {
            bundle::resolve_code(v, "wl".into(), "WK-W68Q9-NRZH0-6".into(), c.clone())
        }));
        let (k, c) = (kf.clone(), candidates.clone());
        all.push(param("resolveCode", "recipientId", "wl", move |v| {
            bundle::resolve_code(k.as_str().into(), v, "WK-W68Q9-NRZH0-6".into(), c.clone())
        }));
        let (k, c) = (kf, candidates);
        all.push(param("resolveCode", "code", "WK-W68Q9-NRZH0-6", move |v| {
            bundle::resolve_code(k.as_str().into(), "wl".into(), v, c.clone())
        }));
    }
    all
}

fn bytes_params() -> Vec<Param> {
    let csv = matching::export_offer_csv(good_offer()).unwrap();
    let dwellings = Uint8Array::new(&get(&csv, "dwellings")).to_vec();
    vec![
        param(
            "importOfferCsv",
            "bytes",
            u8a(&dwellings),
            matching::import_offer_csv,
        ),
        param(
            "importOfferFile",
            "bytes",
            u8a(&dwellings),
            matching::import_offer_file,
        ),
        param(
            "verifyBundle",
            "bytes",
            u8a(&written_bytes()),
            bundle::verify_bundle,
        ),
    ]
}

/// Throws `INPUT_INVALID` at `name`, with a message that names it.
fn refused_at(call: &str, name: &str, r: Result<(), JsValue>) {
    let err = match r {
        Ok(()) => panic!("{call}: accepted"),
        Err(e) => e,
    };
    assert_eq!(check_error(call, &err), "INPUT_INVALID", "{call}");
    assert_eq!(
        get(&err, "field").as_string().as_deref(),
        Some(name),
        "{call}"
    );
    let message = get(&err, "message").as_string().unwrap_or_default();
    assert!(message.contains(name), "{call}: {message}");
}

#[wasm_bindgen_test]
fn wrongly_typed_text_arguments_throw_input_invalid_at_the_parameter() {
    let params = text_params();
    assert_eq!(params.len(), 31);
    for p in &params {
        let call = format!("{}({} = good)", p.function, p.name);
        if let Err(e) = (p.call)(p.good.clone()) {
            panic!("{call}: {}", stringify(&e));
        }
        for (what, bad) in not_text() {
            let call = format!("{}({} = {what})", p.function, p.name);
            refused_at(&call, p.name, (p.call)(bad));
        }
    }
}

#[wasm_bindgen_test]
fn the_optional_code_of_minimised_view_is_text_or_absent() {
    let step5 = |code: JsValue| {
        dossier::minimised_view(
            5.into(),
            parse(DOSSIER),
            "2026-06-01".into(),
            "Noord-Limburg".into(),
            code,
            good_profile(),
        )
    };
    let v = step5("WK-W68Q9-NRZH0-6".into()).unwrap();
    assert_eq!(get(&v, "view").as_string().as_deref(), Some("step5"));
    // Absent: the profile alone is not enough for step 5.
    for absent in [JsValue::UNDEFINED, JsValue::NULL] {
        assert_eq!(
            check_error("minimisedView(code absent)", &step5(absent).unwrap_err()),
            "PROFILE_MISSING"
        );
    }
    for (what, bad) in not_text() {
        if bad.is_undefined() || bad.is_null() {
            continue;
        }
        refused_at(
            &format!("minimisedView(code = {what})"),
            "code",
            step5(bad).map(|_| ()),
        );
    }
    // Before step 5 the code is not used, but its type is still checked.
    let step1 = dossier::minimised_view(
        1.into(),
        parse(DOSSIER),
        "2026-06-01".into(),
        "Noord-Limburg".into(),
        7.into(),
        JsValue::UNDEFINED,
    );
    refused_at("minimisedView(1, code = 7)", "code", step1.map(|_| ()));
}

#[wasm_bindgen_test]
fn wrongly_typed_byte_arguments_throw_input_invalid_at_the_parameter() {
    for p in bytes_params() {
        let good = (p.call)(p.good.clone());
        assert!(good.is_ok(), "{}: good bytes refused", p.function);
        for (what, bad) in not_bytes() {
            let call = format!("{}({} = {what})", p.function, p.name);
            refused_at(&call, p.name, (p.call)(bad));
        }
    }
}

#[wasm_bindgen_test]
fn bytes_may_be_a_uint8_array_an_array_buffer_or_an_array_of_numbers() {
    let bytes = written_bytes();
    let digest = |v: JsValue| get(&bundle::verify_bundle(v).unwrap(), "digest").as_string();
    let want = digest(u8a(&bytes));
    assert_eq!(want.as_ref().map(String::len), Some(64));
    let buffer = Uint8Array::from(bytes.as_slice()).buffer();
    assert_eq!(digest(buffer.into()), want);
    let numbers: Array = bytes.iter().map(|b| JsValue::from(*b)).collect();
    assert_eq!(digest(numbers.into()), want);
    // A view on part of a larger buffer reads only its own bytes.
    let mut padded = vec![b'x'; 5];
    padded.extend_from_slice(&bytes);
    padded.extend_from_slice(b"yyy");
    let view = Uint8Array::new_with_byte_offset_and_length(
        &Uint8Array::from(padded.as_slice()).buffer(),
        5,
        bytes.len() as u32,
    );
    assert_eq!(digest(view.into()), want);
    // An empty array is empty bytes, refused by the importer for what they are.
    let e = matching::import_offer_csv(Array::new().into()).unwrap_err();
    assert_eq!(check_error("importOfferCsv([])", &e), "IMPORT_EMPTY");
}

#[wasm_bindgen_test]
fn max_rent_takes_a_whole_household_size_from_1_to_12() {
    let rent = |size: JsValue| matching::max_rent(size, "28-54".into(), "atOrBelowLimit".into());
    let small = rent(1.into()).unwrap();
    let large = rent(12.into()).unwrap();
    assert!(small > 0 && large > 0);
    // A whole double is the same number.
    assert_eq!(rent(JsValue::from(1.0)).unwrap(), small);
    // 3 and 4 straddle the two-person limit; nothing on the way wraps or truncates.
    assert_eq!(rent(2.into()).unwrap(), small);
    assert_eq!(rent(3.into()).unwrap(), large);
    for (what, bad) in not_1_to_12() {
        let call = format!("maxRent({what})");
        refused_at(&call, "householdSize", rent(bad).map(|_| ()));
    }
}

#[wasm_bindgen_test]
fn minimised_view_takes_a_whole_step_number() {
    let view = |step: JsValue| {
        dossier::minimised_view(
            step,
            parse(DOSSIER),
            "2026-06-01".into(),
            "Noord-Limburg".into(),
            JsValue::UNDEFINED,
            JsValue::UNDEFINED,
        )
    };
    let v = view(JsValue::from(4.0)).unwrap();
    assert_eq!(get(&v, "view").as_string().as_deref(), Some("step4"));
    for (what, bad) in not_1_to_12() {
        let call = format!("minimisedView({what})");
        let err = match view(bad.clone()) {
            Ok(v) => panic!("{call}: accepted as {}", stringify(&get(&v, "view"))),
            Err(e) => e,
        };
        let code = check_error(&call, &err);
        assert_eq!(
            get(&err, "field").as_string().as_deref(),
            Some("step"),
            "{call}"
        );
        // A whole number in range is the core's question (no such step); anything else is
        // no step number at all.
        let whole = bad
            .as_f64()
            .is_some_and(|n| n.fract() == 0.0 && n.abs() < 9e15);
        let want = if whole {
            "STEP_INVALID"
        } else {
            "INPUT_INVALID"
        };
        assert_eq!(code, want, "{call}");
    }
    for step in [6, 7, 255, 256, -6] {
        let err = view(step.into()).unwrap_err();
        let want = if step == 6 {
            "HANDOVER_ONLY"
        } else {
            "STEP_INVALID"
        };
        assert_eq!(check_error(&format!("minimisedView({step})"), &err), want);
    }
}
