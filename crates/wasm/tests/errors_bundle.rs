//! The error sweep over the code and bundle functions of the JS API (`crates/wasm/src/bundle.rs`),
//! in headless Chromium: each function once with good input, then with bad input of every kind
//! (garbage text and bytes, huge and non-finite numbers); the forms bytes may take; and that a
//! failed call leaves nothing behind. The checks are in `common/mod.rs`.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use woonkans_wasm::{bundle, matching};

wasm_bindgen_test_configure!(run_in_browser);

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
