//! The error sweep over the dossier functions of the JS API (`crates/wasm/src/dossier.rs`), in
//! headless Chromium: each function once with good input, then with bad input of every kind
//! (undefined, null, wrong shapes, garbage text, very large inputs); the step number and the
//! optional code of `minimisedView`. The checks are in `common/mod.rs`.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use woonkans_wasm::dossier;

wasm_bindgen_test_configure!(run_in_browser);

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
