//! Codes, bundles and the disclosure log through the JS API, in headless Chromium.

#[path = "../../core/tests/bundle_fixtures.rs"]
mod fixtures;

use js_sys::{Array, Reflect, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use woonkans_wasm::bundle::*;

wasm_bindgen_test_configure!(run_in_browser);

const VECTORS: &str = include_str!("../../core/data/code-vectors.json");

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

fn code_of(err: JsValue) -> String {
    get(&err, "code").as_string().unwrap()
}

fn vectors() -> JsValue {
    js_sys::JSON::parse(VECTORS).unwrap()
}

fn key_file() -> String {
    get(&vectors(), "keyFile").as_string().unwrap()
}

#[wasm_bindgen_test]
fn frozen_vectors_match_in_the_browser() {
    let v = vectors();
    let kf = key_file();
    let list = Array::from(&get(&v, "vectors"));
    assert!(list.length() >= 10);
    for t in list.iter() {
        let r = get(&t, "recipientId").as_string().unwrap();
        let s = get(&t, "stableId").as_string().unwrap();
        let want = get(&t, "code").as_string().unwrap();
        assert_eq!(
            derive_code(JsValue::from(&kf), JsValue::from(&r), JsValue::from(&s)).unwrap(),
            want
        );
        assert_eq!(parse_code(JsValue::from(&want)).unwrap(), want);
    }
    for t in Array::from(&get(&v, "lenient")).iter() {
        let typed = get(&t, "typed").as_string().unwrap();
        assert_eq!(
            parse_code(JsValue::from(&typed)).unwrap(),
            get(&t, "code").as_string().unwrap()
        );
    }
    assert_eq!(import_key(JsValue::from(&kf)).unwrap(), kf);
}

#[wasm_bindgen_test]
fn getrandom_gives_fresh_keys_in_the_browser() {
    let a = new_code_key().unwrap();
    let b = new_code_key().unwrap();
    assert_ne!(a, b);
    assert_eq!(import_key(JsValue::from(&a)).unwrap(), a);
    assert_ne!(
        derive_code(
            JsValue::from(&a),
            "wonen-limburg".into(),
            "123456782".into()
        )
        .unwrap(),
        derive_code(
            JsValue::from(&b),
            "wonen-limburg".into(),
            "123456782".into()
        )
        .unwrap()
    );
}

#[wasm_bindgen_test]
fn a_wrong_check_character_is_rejected() {
    let kf = key_file();
    let code = derive_code(
        JsValue::from(&kf),
        "wonen-limburg".into(),
        "123456782".into(),
    )
    .unwrap();
    let last = code.chars().last().unwrap();
    let other = if last == '0' { '1' } else { '0' };
    let bad = format!("{}{other}", &code[..code.len() - 1]);
    let err = parse_code(JsValue::from(&bad)).unwrap_err();
    assert_eq!(code_of(err.clone()), "CODE_CHECK_FAILED");
    assert_eq!(
        get(&err, "message").as_string().unwrap(),
        "Deze code klopt niet: controleer de tekens."
    );
    assert_eq!(
        code_of(parse_code("WK-123".into()).unwrap_err()),
        "CODE_INVALID"
    );
    assert_eq!(code_of(parse_code("".into()).unwrap_err()), "CODE_INVALID");
}

#[wasm_bindgen_test]
fn derive_code_refuses_bad_input() {
    let kf = key_file();
    assert_eq!(
        code_of(derive_code("geen sleutel".into(), "r".into(), "1".into()).unwrap_err()),
        "KEY_FILE_INVALID"
    );
    assert_eq!(
        code_of(derive_code(JsValue::from(&kf), " ".into(), "1".into()).unwrap_err()),
        "CODE_INPUT"
    );
    assert_eq!(
        code_of(derive_code(JsValue::from(&kf), "r".into(), "".into()).unwrap_err()),
        "CODE_INPUT"
    );
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Candidate {
    local_id: &'static str,
    stable_id: &'static str,
}

#[wasm_bindgen_test]
fn resolve_code_good_and_bad() {
    let kf = key_file();
    let candidates = js(&vec![
        Candidate {
            local_id: "d1",
            stable_id: "111222333",
        },
        Candidate {
            local_id: "d2",
            stable_id: "123456782",
        },
    ]);
    let code = derive_code(JsValue::from(&kf), "woonwenz".into(), "123456782".into()).unwrap();
    assert_eq!(
        resolve_code(
            JsValue::from(&kf),
            "woonwenz".into(),
            JsValue::from(&code),
            candidates.clone()
        )
        .unwrap(),
        Some("d2".to_string())
    );
    // The same resident's code for another recipient does not resolve here.
    assert_eq!(
        resolve_code(
            JsValue::from(&kf),
            "wonen-limburg".into(),
            JsValue::from(&code),
            candidates.clone()
        )
        .unwrap(),
        None
    );
    assert_eq!(
        code_of(
            resolve_code(
                JsValue::from(&kf),
                "woonwenz".into(),
                "WK-1".into(),
                candidates
            )
            .unwrap_err()
        ),
        "CODE_INVALID"
    );
    assert_eq!(
        code_of(
            resolve_code(
                JsValue::from(&kf),
                "woonwenz".into(),
                JsValue::from(&code),
                JsValue::from(3)
            )
            .unwrap_err()
        ),
        "INPUT_INVALID"
    );
}

#[wasm_bindgen_test]
fn export_and_import_key_good_and_bad() {
    let kf = key_file();
    let out = export_key(JsValue::from(&kf)).unwrap();
    assert_eq!(
        get(&out, "fileName").as_string().unwrap(),
        "woonkans-sleutel.json"
    );
    assert_eq!(get(&out, "text").as_string().unwrap(), kf);
    assert_eq!(
        code_of(export_key("{}".into()).unwrap_err()),
        "KEY_FILE_FORMAT"
    );
    let damaged = kf.replace("\"key\": \"00", "\"key\": \"01");
    assert_eq!(
        code_of(import_key(JsValue::from(&damaged)).unwrap_err()),
        "KEY_FILE_CHECKSUM"
    );
    let newer = kf.replace("\"version\": 1", "\"version\": 7");
    assert_eq!(
        code_of(import_key(JsValue::from(&newer)).unwrap_err()),
        "KEY_FILE_VERSION"
    );
    assert_eq!(
        code_of(import_key("".into()).unwrap_err()),
        "KEY_FILE_INVALID"
    );
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ProfileIn {
    code: String,
    profile: woonkans_core::profile::PlacementProfile,
    matches: Vec<woonkans_core::bundle::MatchSummary>,
    known: woonkans_core::known::Known,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WriteIn {
    date: &'static str,
    at: &'static str,
    region: &'static str,
    recipient_id: String,
    recipient_name: String,
    profiles: Vec<ProfileIn>,
}

fn write_input(seed: u64, n: usize) -> WriteIn {
    let inp = fixtures::input(&mut fixtures::Rng(seed), n);
    WriteIn {
        date: "2026-11-28",
        at: "2026-11-28T10:00:00+01:00",
        region: "noordLimburg",
        recipient_id: inp.recipient_id,
        recipient_name: inp.recipient_name,
        profiles: inp
            .profiles
            .into_iter()
            .map(|p| ProfileIn {
                code: p.code.to_string(),
                profile: p.profile,
                matches: p.matches,
                known: p.known,
            })
            .collect(),
    }
}

#[wasm_bindgen_test]
fn write_and_verify_a_bundle() {
    let out = write_bundle(js(&write_input(3, 6))).unwrap();
    assert_eq!(
        get(&out, "fileName").as_string().unwrap(),
        "woonkans-wonen-limburg-2026-11-28.json"
    );
    let bundle_id = get(&out, "bundleId").as_string().unwrap();
    assert_eq!(bundle_id.len(), 32);
    let bytes = Uint8Array::new(&get(&out, "bytes")).to_vec();
    let verified = verify_bundle(u8a(&bytes)).unwrap();
    assert_eq!(get(&verified, "bundleId").as_string().unwrap(), bundle_id);
    assert_eq!(Array::from(&get(&verified, "profiles")).length(), 6);

    // Two bundles of the same input differ only by their random id.
    let again = write_bundle(js(&write_input(3, 6))).unwrap();
    assert_ne!(get(&again, "bundleId").as_string().unwrap(), bundle_id);

    let entry = get(&out, "disclosureEntry");
    assert_eq!(get(&entry, "bundleId").as_string().unwrap(), bundle_id);
    let csv = disclosure_csv(Array::of1(&entry).into()).unwrap();
    assert!(csv.starts_with("\u{feff}Datum-tijd;Stap;Ontvanger;"));
    assert!(csv.contains(&bundle_id));

    let mut tampered = bytes.clone();
    let i = tampered.len() / 2;
    tampered[i] ^= 1;
    assert!(verify_bundle(u8a(&tampered)).is_err());
}

#[wasm_bindgen_test]
fn a_leak_throws_with_findings() {
    let mut input = write_input(4, 3);
    let surname = input.profiles[1].known.name_parts[1].clone();
    input.profiles[1].profile.notes.insert(
        woonkans_core::profile::ProfileCategory::HouseholdCare,
        format!("Familie {surname} helpt met koken."),
    );
    let code = input.profiles[1].code.clone();
    let err = write_bundle(js(&input)).unwrap_err();
    assert_eq!(code_of(err.clone()), "LEAK_GUARD");
    let findings = Array::from(&get(&err, "findings"));
    assert!(findings.length() >= 1);
    let f = findings.get(0);
    assert_eq!(get(&f, "code").as_string().unwrap(), code);
    assert!(
        get(&f, "field")
            .as_string()
            .unwrap()
            .ends_with("notes.householdCare")
    );
    assert!(!get(&err, "message").as_string().unwrap().contains(&surname));
    assert!(get(&err, "bytes").is_undefined());
}

#[wasm_bindgen_test]
fn no_bundle_without_known_values_and_codes_in_input_order() {
    // Without a profile's known values the guard would search for nothing: refused.
    let mut blind = write_input(7, 3);
    blind.profiles[2].known = woonkans_core::known::Known::default();
    let err = write_bundle(js(&blind)).unwrap_err();
    assert_eq!(code_of(err), "BUNDLE_INPUT");

    // codes[i] is profiles[i].code, whatever order the file keeps.
    let input = write_input(7, 5);
    let expected: Vec<String> = input.profiles.iter().map(|p| p.code.clone()).collect();
    let out = write_bundle(js(&input)).unwrap();
    let codes: Vec<String> = Array::from(&get(&out, "codes"))
        .iter()
        .map(|c| c.as_string().unwrap())
        .collect();
    assert_eq!(codes, expected);

    // Another resident of the caseload, named in a note, is found although not in the bundle.
    let mut input = write_input(7, 2);
    let other = fixtures::known(&mut fixtures::Rng(99));
    let name = other
        .name_parts
        .iter()
        .find(|p| !p.contains(' ') && p.chars().count() >= 4)
        .cloned()
        .unwrap_or_else(|| "Pietersma".into());
    input.profiles[0].profile.notes.insert(
        woonkans_core::profile::ProfileCategory::SocialNetwork,
        format!("Gaat om met {name}."),
    );
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct KnownIn {
        name_parts: Vec<String>,
    }
    let value = js(&input);
    Reflect::set(
        &value,
        &"caseload".into(),
        &js(&vec![KnownIn {
            name_parts: vec![name],
        }]),
    )
    .unwrap();
    assert_eq!(code_of(write_bundle(value).unwrap_err()), "LEAK_GUARD");
}

#[wasm_bindgen_test]
fn bad_input_for_bundles_and_logs() {
    assert_eq!(
        code_of(write_bundle(JsValue::from("x")).unwrap_err()),
        "INPUT_INVALID"
    );
    let mut empty = write_input(5, 1);
    empty.profiles.clear();
    assert_eq!(
        code_of(write_bundle(js(&empty)).unwrap_err()),
        "BUNDLE_INPUT"
    );
    assert_eq!(
        code_of(verify_bundle(u8a(b"nee")).unwrap_err()),
        "BUNDLE_NOT_JSON"
    );
    assert_eq!(
        code_of(verify_bundle(u8a(br#"{"format":"x"}"#)).unwrap_err()),
        "BUNDLE_FORMAT"
    );
    assert_eq!(
        code_of(disclosure_csv(JsValue::from(1)).unwrap_err()),
        "INPUT_INVALID"
    );
    assert_eq!(
        disclosure_csv(Array::new().into()).unwrap().lines().count(),
        1
    );
}

#[wasm_bindgen_test]
fn timing_of_a_200_profile_bundle() {
    // Seven runs; the minimum is the figure to compare (BENCHMARKS.md), the median shows spread.
    let mut write = Vec::new();
    let mut verify = Vec::new();
    let mut size = 0;
    for _ in 0..7 {
        let input = js(&write_input(6, 200));
        let start = now();
        let out = write_bundle(input).unwrap();
        let written = now();
        let bytes = Uint8Array::new(&get(&out, "bytes")).to_vec();
        verify_bundle(u8a(&bytes)).unwrap();
        let verified = now();
        size = bytes.len();
        write.push(written - start);
        verify.push(verified - written);
    }
    write.sort_by(f64::total_cmp);
    verify.sort_by(f64::total_cmp);
    console_log!(
        "bundle of 200 profiles ({size} bytes): write + leak guard min {:.1} ms, median {:.1} ms; verify min {:.1} ms, median {:.1} ms",
        write[0],
        write[3],
        verify[0],
        verify[3]
    );
}

fn now() -> f64 {
    let perf = js_sys::Reflect::get(&js_sys::global(), &"performance".into())
        .unwrap_or(JsValue::UNDEFINED);
    let f: Option<js_sys::Function> = js_sys::Reflect::get(&perf, &"now".into())
        .ok()
        .and_then(|f| f.dyn_into().ok());
    match f.and_then(|f| f.call0(&perf).ok()).and_then(|v| v.as_f64()) {
        Some(t) => t,
        None => js_sys::Date::now(),
    }
}
