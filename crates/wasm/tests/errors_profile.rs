//! The error sweep over the profile functions of the JS API (`crates/wasm/src/profile.rs`), in
//! headless Chromium: each function once with good input, then with bad input of every kind. The
//! checks are in `common/mod.rs`.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use woonkans_wasm::profile;

wasm_bindgen_test_configure!(run_in_browser);

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
