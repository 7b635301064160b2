//! The scanner and the validators through the JS API, in headless Chromium: good and bad input
//! for each function, UTF-16 offsets that slice JS strings correctly, and Dutch errors with a
//! stable code that never repeat the input.

use js_sys::{Array, JSON, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use woonkans_wasm::scan::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap()
}

fn s(v: &JsValue, key: &str) -> String {
    get(v, key).as_string().unwrap_or_default()
}

fn n(v: &JsValue, key: &str) -> u32 {
    get(v, key).as_f64().unwrap_or(-1.0) as u32
}

fn code_of(err: JsValue) -> String {
    s(&err, "code")
}

fn message_of(err: &JsValue) -> String {
    s(err, "message")
}

/// `text.slice(start, end)` as JavaScript computes it, on UTF-16 code units.
fn js_slice(text: &str, start: u32, end: u32) -> String {
    js_sys::JsString::from(text)
        .slice(start, end)
        .as_string()
        .unwrap()
}

const KNOWN: &str = r#"{
  "nameParts": ["Noël", "Berg", "van der Berg"],
  "tussenvoegsels": ["van der"],
  "bsn": "999994669",
  "birthDate": "1998-03-12",
  "streetAddresses": ["Kerkstraat 12 a"],
  "postcodes": ["5911 AB"],
  "phones": ["06-12345678"],
  "emails": ["noel@example.nl"],
  "ibans": ["NL91ABNA0417164300"]
}"#;

#[wasm_bindgen_test]
fn scan_text_finds_kinds_with_utf16_offsets() {
    let text = "😀 Noël van der Berg (bsn 999994669) belde vanaf 06-12345678 over haar depressie.";
    let found = Array::from(&scan_text(text.into(), JSON::parse(KNOWN).unwrap()).unwrap());
    let kinds: Vec<String> = found.iter().map(|f| s(&f, "kind")).collect();
    assert_eq!(kinds, ["name", "bsn", "phone", "health"]);
    let name = found.get(0);
    assert_eq!(
        js_slice(text, n(&name, "startUtf16"), n(&name, "endUtf16")),
        "Noël van der Berg"
    );
    assert_eq!(s(&name, "placeholder"), "[NAAM]");
    assert_eq!(s(&name, "label"), "naam van de inwoner");
    // Byte offsets differ from UTF-16 ones after the emoji (4 bytes, 2 units) and the ë.
    assert_eq!(n(&name, "start"), 5);
    assert_eq!(n(&name, "startUtf16"), 3);
    let phone = found.get(2);
    assert_eq!(
        js_slice(text, n(&phone, "startUtf16"), n(&phone, "endUtf16")),
        "06-12345678"
    );
}

#[wasm_bindgen_test]
fn scan_text_without_known_values() {
    let text = "Zijn zus Fatima woont in Venlo, tel. 077-3201234.";
    for known in [
        JsValue::UNDEFINED,
        JsValue::NULL,
        JSON::parse("{}").unwrap(),
    ] {
        let found = Array::from(&scan_text(text.into(), known).unwrap());
        let kinds: Vec<String> = found.iter().map(|f| s(&f, "kind")).collect();
        assert_eq!(kinds, ["otherPersonName", "phone"]);
    }
    let clean = Array::from(
        &scan_text(
            "Huur € 713,00, 12 uur per week, sinds 2019.".into(),
            JsValue::NULL,
        )
        .unwrap(),
    );
    assert_eq!(clean.length(), 0);
}

#[wasm_bindgen_test]
fn scan_text_refuses_a_malformed_known_without_echoing_it() {
    let bad = JSON::parse(r#"{"nameParts": "GEHEIMENAAM"}"#).unwrap();
    let err = scan_text("tekst".into(), bad).unwrap_err();
    assert!(!message_of(&err).contains("GEHEIMENAAM"));
    assert_eq!(code_of(err), "INPUT_INVALID");
    let bad_date = JSON::parse(r#"{"birthDate": "31-02-1998"}"#).unwrap();
    assert_eq!(
        code_of(scan_text("tekst".into(), bad_date).unwrap_err()),
        "INPUT_INVALID"
    );
}

#[wasm_bindgen_test]
fn redact_text_replaces_findings() {
    let text = "Noël belde 06-12345678, mail noel@example.nl.";
    let found = scan_text(text.into(), JSON::parse(KNOWN).unwrap()).unwrap();
    assert_eq!(
        redact_text(text.into(), found).unwrap(),
        "[NAAM] belde [TELEFOON], mail [E-MAIL]."
    );
    // Hand-made findings with only the byte range work too; bad ranges are skipped.
    let manual =
        JSON::parse(r#"[{"kind":"bsn","start":0,"end":4},{"kind":"bsn","start":40,"end":900}]"#)
            .unwrap();
    assert_eq!(
        redact_text("1234 rest".into(), manual).unwrap(),
        "[BSN] rest"
    );
}

#[wasm_bindgen_test]
fn redact_text_refuses_bad_findings() {
    for bad in [
        r#"[{"kind":"geheim","start":0,"end":1}]"#,
        r#"{"kind":"bsn"}"#,
        "42",
    ] {
        let err = redact_text("tekst".into(), JSON::parse(bad).unwrap()).unwrap_err();
        assert_eq!(code_of(err), "INPUT_INVALID", "{bad}");
    }
}

#[wasm_bindgen_test]
fn validate_bsn_good_and_bad() {
    assert_eq!(validate_bsn("9999.94.669".into()).unwrap(), "999994669");
    assert_eq!(validate_bsn("12345672".into()).unwrap(), "012345672");
    let err = validate_bsn("999994668".into()).unwrap_err();
    assert!(!message_of(&err).contains("999994668"));
    assert_eq!(code_of(err), "BSN_INVALID");
    assert_eq!(
        code_of(validate_bsn("abc".into()).unwrap_err()),
        "BSN_INVALID"
    );
}

#[wasm_bindgen_test]
fn validate_postcode_good_and_bad() {
    assert_eq!(validate_postcode("5911ab".into()).unwrap(), "5911 AB");
    for bad in ["0123 AB", "1234 SA", "1234"] {
        assert_eq!(
            code_of(validate_postcode(bad.into()).unwrap_err()),
            "POSTCODE_INVALID",
            "{bad}"
        );
    }
}

#[wasm_bindgen_test]
fn validate_phone_good_and_bad() {
    assert_eq!(
        validate_phone("+31 (0)6-1234 5678".into()).unwrap(),
        "+31612345678"
    );
    assert_eq!(
        validate_phone("077-1234567".into()).unwrap(),
        "+31771234567"
    );
    for bad in ["0612345", "+32 470 12 34 56", "06-1234567x"] {
        assert_eq!(
            code_of(validate_phone(bad.into()).unwrap_err()),
            "PHONE_INVALID",
            "{bad}"
        );
    }
}

#[wasm_bindgen_test]
fn validate_email_good_and_bad() {
    assert_eq!(
        validate_email("Noel@Example.NL".into()).unwrap(),
        "noel@example.nl"
    );
    for bad in ["noel", "noel@example", "a b@example.nl"] {
        assert_eq!(
            code_of(validate_email(bad.into()).unwrap_err()),
            "EMAIL_INVALID",
            "{bad}"
        );
    }
}

#[wasm_bindgen_test]
fn validate_iban_good_and_bad() {
    assert_eq!(
        validate_iban("nl91 abna 0417 1643 00".into()).unwrap(),
        "NL91ABNA0417164300"
    );
    for bad in ["NL91ABNA0417164301", "NL91ABNA041716430", "XX"] {
        assert_eq!(
            code_of(validate_iban(bad.into()).unwrap_err()),
            "IBAN_INVALID",
            "{bad}"
        );
    }
}

#[wasm_bindgen_test]
fn validate_date_good_and_bad() {
    assert_eq!(validate_date("12-3-1998".into()).unwrap(), "1998-03-12");
    for bad in ["31-02-1998", "12 maart", ""] {
        assert_eq!(
            code_of(validate_date(bad.into()).unwrap_err()),
            "DATE_INVALID",
            "{bad}"
        );
    }
}
