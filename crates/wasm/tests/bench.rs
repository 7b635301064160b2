//! In-browser timings of matching, caseload assignment and offer import (the same workloads as
//! crates/core/benches/matching.rs), and of sealing and opening the envelope of a 200-profile
//! bundle (the bundle of crates/core/benches/bundle.rs). Figures are printed, never asserted.
//! Build with optimisations, see BENCHMARKS.md:
//!
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --release -p woonkans-wasm --target wasm32-unknown-unknown --test bench -- --nocapture`

#[path = "../../core/tests/bundle_fixtures.rs"]
mod fixtures;

use js_sys::{Array, Function, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use woonkans_core::assign::{assign, random_score_matrix};
use woonkans_core::bundle::write_bundle;
use woonkans_core::date::Date;
use woonkans_core::envelope::{self, MessageType, Sealing};
use woonkans_core::import::{export_dwellings_csv, import_csv};
use woonkans_core::keys::{ContactBook, Identity, OwnKeys, Role};
use woonkans_core::matching::{Weights, match_profile, score_matrix};
use woonkans_core::sample::{synthetic_offer, synthetic_profiles};

wasm_bindgen_test_configure!(run_in_browser);

/// Same seed as the native benchmark and scripts/bench_assign.py.
const MATRIX_SEED: u64 = 20_260_601;

fn now() -> f64 {
    let perf = Reflect::get(&js_sys::global(), &"performance".into()).unwrap_or(JsValue::UNDEFINED);
    let f: Option<Function> = Reflect::get(&perf, &"now".into())
        .ok()
        .and_then(|f| f.dyn_into().ok());
    match f.and_then(|f| f.call0(&perf).ok()).and_then(|v| v.as_f64()) {
        Some(t) => t,
        None => js_sys::Date::now(),
    }
}

/// Runs `f` `reps` times; returns (minimum, median) in milliseconds.
fn time<T>(reps: usize, mut f: impl FnMut() -> T) -> (f64, f64) {
    let mut ms = Vec::with_capacity(reps);
    for _ in 0..reps {
        let t = now();
        let out = f();
        ms.push(now() - t);
        drop(std::hint::black_box(out));
    }
    ms.sort_by(f64::total_cmp);
    (ms[0], ms[ms.len() / 2])
}

fn reps() -> usize {
    // A debug build only checks that the workloads run; its figures mean nothing.
    if cfg!(debug_assertions) { 1 } else { 15 }
}

fn reference() -> Date {
    Date::new(2026, 9, 1).unwrap()
}

#[wasm_bindgen_test]
fn bench_a_one_profile_against_100k_dwellings() {
    let offer = synthetic_offer(100_000, 1);
    let profile = synthetic_profiles(200, 2)
        .into_iter()
        .find(|p| p.search_area.len() == 3 && !p.excluded_neighbourhoods.is_empty())
        .unwrap();
    let w = Weights::default();
    let (min, median) = time(reps(), || match_profile(&profile, &offer, &w, reference()));
    console_log!(
        "(a) 1 profile × 100,000 dwellings, full results: min {min:.1} ms, median {median:.1} ms (debug build: {})",
        cfg!(debug_assertions)
    );
}

#[wasm_bindgen_test]
fn bench_b_caseload_300_by_3000() {
    let offer = synthetic_offer(3_000, 3);
    let profiles = synthetic_profiles(300, 4);
    let w = Weights::default();
    let (min, median) = time(reps(), || score_matrix(&profiles, &offer, &w, reference()));
    console_log!("(b) score matrix 300 × 3,000: min {min:.1} ms, median {median:.1} ms");
    let (min, median) = time(reps(), || {
        score_matrix(&profiles, &offer, &w, reference()).map(|m| assign(&m))
    });
    console_log!(
        "(b) score matrix + optimal assignment 300 × 3,000: min {min:.1} ms, median {median:.1} ms"
    );
    let random = random_score_matrix(300, 3_000, 70, MATRIX_SEED);
    let total = assign(&random).total;
    let (min, median) = time(reps(), || assign(&random));
    console_log!(
        "(b) assignment only, random 300 × 3,000, 70% ineligible (seed {MATRIX_SEED}, optimal total {total}): min {min:.1} ms, median {median:.1} ms"
    );
}

#[wasm_bindgen_test]
fn bench_c_import_10000_rows() {
    let csv = export_dwellings_csv(&synthetic_offer(10_000, 5));
    let (min, median) = time(reps(), || import_csv(&csv));
    let rows = import_csv(&csv).map(|r| r.accepted_rows).unwrap_or(0);
    console_log!(
        "(c) import CSV, {rows} rows ({} bytes): min {min:.1} ms, median {median:.1} ms",
        csv.len()
    );
}

fn keys(role: Role, id: &str, byte: u8) -> OwnKeys {
    let identity = Identity {
        role,
        organisation: format!("Organisatie {id}"),
        organisation_id: id.into(),
        region: None,
    };
    OwnKeys::new(identity, reference(), [byte; 64]).unwrap()
}

#[wasm_bindgen_test]
fn bench_d_envelope_of_a_200_profile_bundle() {
    let input = fixtures::input(&mut fixtures::Rng(2026), 200);
    let payload = match write_bundle(&input) {
        Ok(w) => w.bytes,
        Err(e) => panic!(
            "the benchmark bundle must pass the guard: {:?}",
            e.to_error()
        ),
    };
    let coordinator = keys(Role::Regisseur, "regio", 1);
    let association = keys(Role::Woningcorporatie, "wonen", 2);
    let card = association.card();
    let book = ContactBook::trusting([coordinator.card()]).unwrap();
    let sealing = |n: u8| Sealing {
        kind: MessageType::Bundel,
        id: [n; 16],
        date: reference(),
        payload: &payload,
        recipients: vec![&card],
        random: [n; 32],
    };
    let sealed = envelope::seal(&coordinator, &sealing(0)).unwrap();
    let (min, median) = time(reps(), || envelope::seal(&coordinator, &sealing(1)));
    console_log!(
        "(d) seal a 200-profile bundle ({} bytes) to 1 recipient, envelope {} bytes: min {min:.1} ms, median {median:.1} ms",
        payload.len(),
        sealed.len()
    );
    let (min, median) = time(reps(), || envelope::open(&sealed, &association, &book));
    console_log!("(d) open and verify it: min {min:.1} ms, median {median:.1} ms");

    // The same through the JS API: keys as plain objects, cards as file text, bytes copied in
    // and out of wasm memory.
    let set = |o: &Object, k: &str, v: &JsValue| {
        Reflect::set(o, &k.into(), v).unwrap();
    };
    let js_keys = |k: &OwnKeys| {
        let s = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
        serde::Serialize::serialize(k, &s).unwrap()
    };
    let card_files = |k: &OwnKeys| Array::of1(&k.card().to_file(k).unwrap().into());
    let seal_input = Object::new();
    set(&seal_input, "keys", &js_keys(&coordinator));
    set(&seal_input, "type", &"bundel".into());
    set(&seal_input, "date", &"2026-09-01".into());
    set(
        &seal_input,
        "payload",
        &Uint8Array::from(payload.as_slice()).into(),
    );
    set(&seal_input, "recipients", &card_files(&association).into());
    let (min, median) = time(reps(), || {
        woonkans_wasm::envelope::seal_envelope(seal_input.clone().into())
    });
    console_log!("(d) sealEnvelope (JS API), same bundle: min {min:.1} ms, median {median:.1} ms");
    let open_input = Object::new();
    set(&open_input, "keys", &js_keys(&association));
    set(
        &open_input,
        "bytes",
        &woonkans_wasm::envelope::seal_envelope(seal_input.into())
            .unwrap()
            .into(),
    );
    set(&open_input, "contacts", &card_files(&coordinator).into());
    set(&open_input, "expectedType", &"bundel".into());
    let (min, median) = time(reps(), || {
        woonkans_wasm::envelope::open_envelope(open_input.clone().into())
    });
    console_log!("(d) openEnvelope (JS API), same bundle: min {min:.1} ms, median {median:.1} ms");
}
