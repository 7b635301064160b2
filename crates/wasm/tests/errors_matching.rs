//! The error sweep over the offer and matching functions of the JS API
//! (`crates/wasm/src/matching.rs`), in headless Chromium: each function once with good input, then
//! with bad input of every kind; the household size of `maxRent`. The checks are in
//! `common/mod.rs`.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use woonkans_wasm::matching;

wasm_bindgen_test_configure!(run_in_browser);

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
        JsValue::UNDEFINED,
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
                JsValue::UNDEFINED,
            ),
        );
        fails(
            &call("assignCaseload offer"),
            matching::assign_caseload(
                Array::of1(&p).into(),
                bad.clone(),
                JsValue::NULL,
                "2026-06-01".into(),
                JsValue::UNDEFINED,
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
                    JsValue::UNDEFINED,
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
                JsValue::UNDEFINED,
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
                JsValue::UNDEFINED,
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
