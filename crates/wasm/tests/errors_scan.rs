//! The error sweep over the scanner and validators of the JS API (`crates/wasm/src/scan.rs`), in
//! headless Chromium: each function once with good input, then with bad input of every kind. The
//! checks are in `common/mod.rs`.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use woonkans_wasm::scan;

wasm_bindgen_test_configure!(run_in_browser);

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
