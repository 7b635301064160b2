//! What spans every facade module of the JS API, in headless Chromium: the functions without
//! input, and the argument conversion of `crates/wasm/src/boundary.rs`. Every text and byte
//! parameter of every export is given values of the wrong type one at a time, the other
//! arguments good: the function itself must refuse it with `INPUT_INVALID` at that parameter
//! (not the wasm-bindgen glue with a code-less English error). The checks are in
//! `common/mod.rs`.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use woonkans_wasm::{bundle, dossier, matching, profile, scan};

wasm_bindgen_test_configure!(run_in_browser);

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
            move |v| {
                matching::assign_caseload(
                    Array::of1(&p2).into(),
                    o.clone(),
                    JsValue::NULL,
                    v,
                    JsValue::UNDEFINED,
                )
            },
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
