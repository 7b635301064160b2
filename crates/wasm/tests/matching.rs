//! Offer and matching through the JS API, in headless Chromium: good and bad input for each
//! function.

use js_sys::{Array, Reflect, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use woonkans_core::sample::synthetic_profiles;
use woonkans_wasm::matching::*;

wasm_bindgen_test_configure!(run_in_browser);

fn js<T: Serialize>(v: &T) -> JsValue {
    let s = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    v.serialize(&s).unwrap()
}

/// Bytes as JS passes them: a `Uint8Array`.
fn u8a(bytes: &[u8]) -> JsValue {
    js_sys::Uint8Array::from(bytes).into()
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap()
}

fn len(v: &JsValue) -> u32 {
    Array::from(v).length()
}

fn code_of(err: JsValue) -> String {
    get(&err, "code").as_string().unwrap()
}

fn profile() -> JsValue {
    let mut p = synthetic_profiles(1, 1).remove(0);
    p.search_area = vec!["Venlo".into(), "Roermond".into(), "Weert".into()];
    p.excluded_neighbourhoods.clear();
    js(&p)
}

#[wasm_bindgen_test]
fn sample_offer_has_both_regions() {
    let o = sample_offer().unwrap();
    assert!(len(&get(&o, "associations")) >= 6);
    assert!(len(&get(&o, "dwellings")) >= 400);
    let first = Array::from(&get(&o, "dwellings")).get(0);
    assert!(get(&first, "rentCents").as_f64().is_some());
    assert!(get(&first, "availableFrom").as_string().is_some());
}

#[wasm_bindgen_test]
fn csv_import_good_and_bad() {
    let text = "Woning-id;Corporatie;Gemeente;Wijk;Type;Kamers;Huur;Beschikbaar per\n\
                A1;vb-maasdal;Venlo;Blerick;studio;1;450,00;01-01-2026\n\
                A2;vb-maasdal;Maastricht;Centrum;studio;1;450,00;01-01-2026\n";
    let r = import_offer_csv(u8a(text.as_bytes())).unwrap();
    assert_eq!(get(&r, "kind").as_string().unwrap(), "dwellings");
    assert_eq!(get(&r, "acceptedRows").as_f64(), Some(1.0));
    let errors = Array::from(&get(&r, "errors"));
    assert_eq!(errors.length(), 1);
    let e = errors.get(0);
    assert_eq!(get(&e, "line").as_f64(), Some(3.0));
    assert_eq!(get(&e, "column").as_string().unwrap(), "Gemeente");
    assert!(
        !get(&e, "message")
            .as_string()
            .unwrap()
            .contains("Maastricht")
    );

    let err = import_offer_csv(u8a(&[0x89, b'P', 0, 0, 1, 2])).unwrap_err();
    assert_eq!(code_of(err.clone()), "IMPORT_NOT_TEXT");
    assert!(err.is_instance_of::<js_sys::Error>());
    assert_eq!(
        code_of(import_offer_csv(u8a(b"")).unwrap_err()),
        "IMPORT_EMPTY"
    );
    assert_eq!(
        code_of(import_offer_file(u8a(b"")).unwrap_err()),
        "IMPORT_EMPTY"
    );
}

#[wasm_bindgen_test]
fn json_export_import_and_versions() {
    let o = sample_offer().unwrap();
    let json = export_offer_json(o.clone()).unwrap();
    let r = import_offer_json(JsValue::from(&json)).unwrap();
    assert_eq!(get(&r, "kind").as_string().unwrap(), "json");
    assert_eq!(
        len(&get(&get(&r, "offerPart"), "dwellings")),
        len(&get(&o, "dwellings"))
    );
    let r = import_offer_file(u8a(json.as_bytes())).unwrap();
    assert_eq!(get(&r, "kind").as_string().unwrap(), "json");
    let newer = json.replacen("\"version\": 1", "\"version\": 7", 1);
    assert_eq!(
        code_of(import_offer_json(JsValue::from(&newer)).unwrap_err()),
        "IMPORT_VERSION_NEWER"
    );
    assert_eq!(
        code_of(import_offer_json("{".into()).unwrap_err()),
        "IMPORT_JSON_INVALID"
    );
    assert_eq!(
        code_of(export_offer_json(JsValue::from(5)).unwrap_err()),
        "INPUT_INVALID"
    );
}

#[wasm_bindgen_test]
fn csv_export_round_trips_through_merge() {
    let o = sample_offer().unwrap();
    let files = export_offer_csv(o.clone()).unwrap();
    let assoc: Vec<u8> = Uint8Array::new(&get(&files, "associations")).to_vec();
    let dwell: Vec<u8> = Uint8Array::new(&get(&files, "dwellings")).to_vec();
    assert_eq!(&dwell[..3], &[0xEF, 0xBB, 0xBF]);
    let a = import_offer_csv(u8a(&assoc)).unwrap();
    let d = import_offer_csv(u8a(&dwell)).unwrap();
    let empty = js(&woonkans_core::offer::Offer::default());
    let step = merge_offer(empty, get(&a, "offerPart"), "addAndUpdate".into()).unwrap();
    let merged = merge_offer(get(&step, "offer"), get(&d, "offerPart"), "replace".into()).unwrap();
    let summary = get(&get(&merged, "summary"), "dwellings");
    assert_eq!(
        get(&summary, "added").as_f64().unwrap() as u32,
        len(&get(&o, "dwellings"))
    );
    assert_eq!(
        export_offer_json(get(&merged, "offer")).unwrap(),
        export_offer_json(o).unwrap()
    );
    assert_eq!(
        code_of(export_offer_csv(JsValue::NULL).unwrap_err()),
        "INPUT_INVALID"
    );
}

#[wasm_bindgen_test]
fn merge_bad_input() {
    let o = sample_offer().unwrap();
    assert_eq!(
        code_of(merge_offer(o.clone(), o.clone(), "alles".into()).unwrap_err()),
        "INPUT_INVALID"
    );
    assert_eq!(
        code_of(merge_offer(o.clone(), JsValue::from("x"), "replace".into()).unwrap_err()),
        "INPUT_INVALID"
    );
    // A dwelling whose association does not exist makes the merge fail as a whole.
    let text = "Woning-id;Corporatie;Gemeente;Wijk;Type;Kamers;Huur;Beschikbaar per\n\
                Z1;bestaat-niet;Venlo;Blerick;studio;1;450;01-01-2026\n";
    let part = get(
        &import_offer_csv(u8a(text.as_bytes())).unwrap(),
        "offerPart",
    );
    assert_eq!(
        code_of(merge_offer(o, part, "addAndUpdate".into()).unwrap_err()),
        "OFFER_INVALID"
    );
}

#[wasm_bindgen_test]
fn match_profile_good_and_bad() {
    let o = sample_offer().unwrap();
    let m = match_profile(
        profile(),
        o.clone(),
        JsValue::UNDEFINED,
        "2027-12-31".into(),
    )
    .unwrap();
    let eligible = len(&get(&m, "eligible"));
    let knocked = len(&get(&m, "knockedOut"));
    assert_eq!(eligible + knocked, len(&get(&o, "dwellings")));
    assert!(len(&get(&m, "associations")) >= 6);
    let k = Array::from(&get(&m, "knockedOut")).get(0);
    let reason = Array::from(&get(&k, "reasons")).get(0);
    assert!(
        get(&reason, "code")
            .as_string()
            .unwrap()
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == '_')
    );
    if eligible > 0 {
        let s = Array::from(&get(&m, "eligible")).get(0);
        assert_eq!(len(&get(&s, "components")), 6);
    }
    let with_weights = match_profile(
        profile(),
        o.clone(),
        default_weights().unwrap(),
        "31-12-2027".into(),
    );
    assert!(with_weights.is_ok());

    let bad_weights = js(&woonkans_core::matching::Weights {
        area: 50,
        ..Default::default()
    });
    assert_eq!(
        code_of(match_profile(profile(), o.clone(), bad_weights, "2027-01-01".into()).unwrap_err()),
        "WEIGHTS_INVALID"
    );
    assert_eq!(
        code_of(match_profile(profile(), o.clone(), JsValue::NULL, "morgen".into()).unwrap_err()),
        "DATE_INVALID"
    );
    assert_eq!(
        code_of(
            match_profile(JsValue::from(1), o, JsValue::NULL, "2027-01-01".into()).unwrap_err()
        ),
        "INPUT_INVALID"
    );
}

#[wasm_bindgen_test]
fn assign_caseload_good_and_bad() {
    let o = sample_offer().unwrap();
    let profiles = js(&synthetic_profiles(25, 9));
    let a = assign_caseload(
        profiles.clone(),
        o.clone(),
        JsValue::UNDEFINED,
        "2027-12-31".into(),
        JsValue::UNDEFINED,
    )
    .unwrap();
    let placed = len(&get(&a, "pairs"));
    let unassigned = len(&get(&a, "unassigned"));
    assert_eq!(placed + unassigned, 25);
    if placed > 0 {
        let p = Array::from(&get(&a, "pairs")).get(0);
        assert!(
            get(&p, "dwellingId")
                .as_string()
                .unwrap()
                .starts_with("VB-")
        );
    }
    if unassigned > 0 {
        let u = Array::from(&get(&a, "unassigned")).get(0);
        assert!(!get(&u, "message").as_string().unwrap().is_empty());
    }
    assert_eq!(
        code_of(
            assign_caseload(
                JsValue::from("x"),
                o.clone(),
                JsValue::NULL,
                "2027-01-01".into(),
                JsValue::UNDEFINED
            )
            .unwrap_err()
        ),
        "INPUT_INVALID"
    );
    assert_eq!(
        code_of(
            assign_caseload(profiles, o, JsValue::NULL, "".into(), JsValue::UNDEFINED).unwrap_err()
        ),
        "DATE_INVALID"
    );
}

#[wasm_bindgen_test]
fn weights_and_rent_limits() {
    let w = default_weights().unwrap();
    assert_eq!(get(&w, "area").as_f64(), Some(30.0));
    let limits = rent_limits().unwrap();
    assert!(get(&limits, "year").as_f64().unwrap() >= 2025.0);
    assert!(
        get(&limits, "source")
            .as_string()
            .unwrap()
            .contains("Rijksoverheid")
    );
    let laag = get(&limits, "aftoppingsgrensLaagCents").as_f64().unwrap() as u32;
    let kk = get(&limits, "kwaliteitskortingsgrensCents")
        .as_f64()
        .unwrap() as u32;
    assert_eq!(
        max_rent(JsValue::from(1), "28-54".into(), "atOrBelowLimit".into()).unwrap(),
        laag
    );
    // The young people's limit covers the whole 18-22 band only in tables before 2026; from
    // 2026 it stops at 20, so the band alone does not lower the maximum.
    let young_max_age = get(&limits, "youngMaxAge").as_f64().unwrap();
    assert_eq!(
        max_rent(JsValue::from(1), "18-22".into(), "atOrBelowLimit".into()).unwrap(),
        if young_max_age >= 22.0 { kk } else { laag }
    );
    assert_eq!(
        code_of(max_rent(JsValue::from(0), "28-54".into(), "aboveLimit".into()).unwrap_err()),
        "INPUT_INVALID"
    );
    assert_eq!(
        code_of(max_rent(JsValue::from(1), "30-40".into(), "aboveLimit".into()).unwrap_err()),
        "INPUT_INVALID"
    );
    assert_eq!(
        code_of(max_rent(JsValue::from(1), "28-54".into(), "rijk".into()).unwrap_err()),
        "INPUT_INVALID"
    );
}

#[wasm_bindgen_test]
fn assign_caseload_with_priority_adds_the_points_it_explains() {
    use woonkans_core::profile::AgeBand;
    let o = sample_offer().unwrap();
    let ps = synthetic_profiles(25, 9);
    // Everyone has waited since January 2025: 35 whole months on the reference date, counted
    // up to 12 at 2 points each; the 18-27 bands get 15 more.
    let expected: Vec<u32> = ps
        .iter()
        .map(|p| {
            let young = matches!(p.age_band, AgeBand::From18To22 | AgeBand::From23To27);
            24 + if young { 15 } else { 0 }
        })
        .collect();
    assert!(
        expected.contains(&39) && expected.contains(&24),
        "both kinds occur"
    );
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Weights {
        young: u32,
        per_month_waiting: u32,
        max_months: u32,
    }
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Priority {
        weights: Weights,
        waiting_since: Vec<Option<&'static str>>,
    }
    let priority = |young: u32, dates: usize| {
        js(&Priority {
            weights: Weights {
                young,
                per_month_waiting: 2,
                max_months: 12,
            },
            waiting_since: vec![Some("2025-01-01"); dates],
        })
    };
    let a = assign_caseload(
        js(&ps),
        o.clone(),
        JsValue::NULL,
        "2027-12-31".into(),
        priority(15, 25),
    )
    .unwrap();
    let pairs = Array::from(&get(&a, "pairs"));
    assert!(pairs.length() > 0);
    let mut sum = 0.0;
    for p in pairs.iter() {
        let i = get(&p, "profile").as_f64().unwrap() as usize;
        let points = get(&p, "priority").as_f64().unwrap();
        assert_eq!(points as u32, expected[i], "profile {i}");
        sum += points;
    }
    let total = get(&a, "total").as_f64().unwrap();
    assert_eq!(get(&a, "weightedTotal").as_f64().unwrap(), total + sum);
    // Without a priority the two totals agree and every pair's priority is 0.
    let plain = assign_caseload(
        js(&ps),
        o.clone(),
        JsValue::NULL,
        "2027-12-31".into(),
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert_eq!(get(&plain, "weightedTotal"), get(&plain, "total"));
    // Weights beyond the score's range, or more dates than profiles: refused.
    for bad in [priority(90, 25), priority(15, 26)] {
        assert_eq!(
            code_of(
                assign_caseload(js(&ps), o.clone(), JsValue::NULL, "2027-12-31".into(), bad)
                    .unwrap_err()
            ),
            "PRIORITY_INVALID"
        );
    }
}
