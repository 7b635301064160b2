//! What the error sweeps over the JS API share (`errors_*.rs`, one file per facade module):
//! the fixtures, the checks every thrown error must pass, and the bad input of every kind.
//!
//! What must hold for every call: it returns, or it throws a JS `Error` with a non-empty
//! upper-case `code` and a Dutch `message` that does not repeat the input. A panic would be an
//! `unreachable` trap, which fails the test run, so "no trap" is checked by reaching the end.

// Each test file uses its own part of this module.
#![allow(dead_code)]

use js_sys::{Array, JSON, Object, Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use woonkans_wasm::{bundle, dossier, matching, profile};

/// Planted in bad input; no error message may contain it.
pub const MARK: &str = "Markeerwaardezqx";

pub const VECTORS: &str = include_str!("../../../core/data/code-vectors.json");

pub const DOSSIER: &str = r#"{
  "id": "d-9",
  "name": { "firstNames": "Noor", "surname": "Markeerwaardezqx" },
  "address": { "street": "Kerkstraat", "houseNumber": 12, "postcode": "5911 AB", "place": "Venlo" },
  "gemeente": "Venlo", "phones": ["06-12345678"], "email": "noor@example.nl",
  "birthDate": "2001-04-03", "bsn": "999994669", "gender": "female",
  "income": { "yearlyAmountEuros": 16000, "source": "benefits" },
  "householdSize": 1, "livingSituation": "shelteredHousing",
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

pub const DRAFT: &str = r#"{
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

pub const FACTS: &str = r#"{ "gender": "female", "livingSituation": "shelteredHousing",
  "ageBand": "23-27", "incomeBand": "atOrBelowLimit", "householdSize": 1 }"#;

// ------------------------------------------------------------------ checks

pub fn parse(text: &str) -> JsValue {
    JSON::parse(text).unwrap()
}

/// Bytes as JS passes them: a `Uint8Array`.
pub fn u8a(bytes: &[u8]) -> JsValue {
    js_sys::Uint8Array::from(bytes).into()
}

pub fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap()
}

pub fn stringify(v: &JsValue) -> String {
    JSON::stringify(v)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// Words that (nearly) every Dutch sentence of the API holds, and English serde phrases that
/// must never reach a user.
pub const DUTCH: [&str; 25] = [
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
    " één ",
];
pub const ENGLISH: [&str; 6] = [
    "invalid type",
    "expected",
    "missing field",
    "unknown variant",
    "unreachable",
    "panicked",
];

/// Checks the thrown value; returns its code.
pub fn check_error(call: &str, err: &JsValue) -> String {
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
    let field = get(err, "field").as_string().unwrap_or_default();
    // A message names the parameter, and a parameter's name may be an English word
    // (`expectedType`): only the rest of the message is prose.
    let prose = if field.is_empty() {
        padded.clone()
    } else {
        padded.replace(&field.to_lowercase(), " ")
    };
    for e in ENGLISH {
        assert!(
            !prose.contains(e),
            "{call}: English or internal text: {message}"
        );
    }
    let findings = stringify(&get(err, "findings"));
    for shown in [&message, &field, &findings] {
        assert!(!shown.contains(MARK), "{call}: repeats the input: {shown}");
    }
    code
}

/// The call must throw a proper error.
pub fn fails<T>(call: &str, r: Result<T, JsValue>) -> String {
    match r {
        Ok(_) => panic!("{call}: accepted bad input"),
        Err(e) => check_error(call, &e),
    }
}

/// The call may succeed (the input happens to be acceptable) or throw a proper error.
pub fn returns_or_fails<T>(call: &str, r: Result<T, JsValue>) {
    if let Err(e) = r {
        check_error(call, &e);
    }
}

// ------------------------------------------------------------------ bad input

/// Values that are no object of any of the API's shapes.
pub fn non_objects() -> Vec<(&'static str, JsValue)> {
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
pub fn wrong_shapes() -> Vec<(&'static str, JsValue)> {
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

pub fn bad_values() -> Vec<(&'static str, JsValue)> {
    let mut all = non_objects();
    all.extend(wrong_shapes());
    all
}

pub fn bad_strings() -> Vec<(&'static str, String)> {
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

pub fn bad_bytes() -> Vec<(&'static str, Vec<u8>)> {
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

pub fn key_file() -> String {
    get(&parse(VECTORS), "keyFile").as_string().unwrap()
}

pub fn good_profile() -> JsValue {
    profile::build_profile(parse(DRAFT), parse(FACTS), JsValue::UNDEFINED).unwrap()
}

pub fn good_offer() -> JsValue {
    matching::sample_offer().unwrap()
}

pub fn write_input() -> JsValue {
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

pub fn written_bytes() -> Vec<u8> {
    let out = bundle::write_bundle(write_input()).unwrap();
    Uint8Array::new(&get(&out, "bytes")).to_vec()
}

// ------------------------------------------------------------------ wrongly typed arguments

/// One parameter of one export: the call with every other argument good.
pub struct Param {
    pub function: &'static str,
    pub name: &'static str,
    pub good: JsValue,
    pub call: Box<dyn Fn(JsValue) -> Result<(), JsValue>>,
}

pub fn param<T: 'static>(
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

pub fn js_eval(expr: &str) -> JsValue {
    js_sys::Function::new_no_args(&format!("return {expr};"))
        .call0(&JsValue::UNDEFINED)
        .unwrap()
}

/// Every value here is something other than a JS string.
pub fn not_text() -> Vec<(&'static str, JsValue)> {
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
pub fn not_bytes() -> Vec<(&'static str, JsValue)> {
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
pub fn not_1_to_12() -> Vec<(&'static str, JsValue)> {
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

/// Throws `INPUT_INVALID` at `name`, with a message that names it.
pub fn refused_at(call: &str, name: &str, r: Result<(), JsValue>) {
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
