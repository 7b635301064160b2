//! Writing, leak-guarding and verifying a bundle of 200 profiles (see docs/CODES.md for the
//! figures). The profiles have notes in most categories, relapse plans and match summaries; each
//! dossier has names with diacritics and tussenvoegsels, an address, postcode, phone, e-mail,
//! IBAN, BSN and date of birth, so the guard searches about 200 × 20 values in every string.

#[path = "../tests/bundle_fixtures.rs"]
mod fixtures;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;
use woonkans_core::bundle::{verify_bundle, write_bundle};
use woonkans_core::code::{self, Code};
use woonkans_core::envelope::{self, MessageType, Sealing};
use woonkans_core::keys::{ContactBook, OwnKeys, Role};
use woonkans_core::known::Known;
use woonkans_core::leakguard::guard;

fn bench_bundle(c: &mut Criterion) {
    let input = fixtures::input(&mut fixtures::Rng(2026), 200);
    let written = match write_bundle(&input) {
        Ok(w) => w,
        Err(e) => panic!(
            "the benchmark bundle must pass the guard: {:?}",
            e.to_error()
        ),
    };
    eprintln!("bundle of 200 profiles: {} bytes", written.bytes.len());
    let dossiers: Vec<(Code, &Known)> = input.profiles.iter().map(|p| (p.code, &p.known)).collect();

    let mut g = c.benchmark_group("bundle_200_profiles");
    g.sample_size(20).measurement_time(Duration::from_secs(8));
    g.bench_function("write_and_guard", |b| {
        b.iter(|| write_bundle(black_box(&input)))
    });
    g.bench_function("guard_only", |b| {
        b.iter(|| guard(black_box(&written.bytes), &dossiers, &[]))
    });
    g.bench_function("verify", |b| {
        b.iter(|| verify_bundle(black_box(&written.bytes)))
    });
    g.finish();

    // The same bytes sealed as an envelope to one association and opened by it.
    let ident = |role, name: &str, id: &str| woonkans_core::keys::Identity {
        role,
        organisation: name.into(),
        organisation_id: id.into(),
        region: None,
    };
    let today = woonkans_core::date::Date::new(2026, 12, 7).unwrap();
    let sender = OwnKeys::new(
        ident(Role::Regisseur, "Ketenregie", "ketenregie"),
        today,
        [1; 64],
    )
    .unwrap();
    let recipient = OwnKeys::new(
        ident(Role::Woningcorporatie, "Wonen", "wonen"),
        today,
        [2; 64],
    )
    .unwrap();
    let card = recipient.card();
    let sealing = |random: [u8; 32]| Sealing {
        kind: MessageType::Bundel,
        id: [7; 16],
        date: today,
        payload: &written.bytes,
        recipients: vec![&card],
        random,
    };
    let sealed = envelope::seal(&sender, &sealing([3; 32])).unwrap();
    let mut contacts = ContactBook::default();
    contacts.import(sender.card(), None, today, None).unwrap();
    let fp = sender.fingerprint();
    contacts.confirm(fp, &fp.to_string()).unwrap();
    eprintln!("envelope of 200 profiles: {} bytes", sealed.len());
    let mut g = c.benchmark_group("envelope_200_profiles");
    g.sample_size(20).measurement_time(Duration::from_secs(8));
    g.bench_function("seal", |b| {
        b.iter(|| envelope::seal(&sender, black_box(&sealing([3; 32]))))
    });
    g.bench_function("open", |b| {
        b.iter(|| envelope::open(black_box(&sealed), &recipient, &contacts))
    });
    g.finish();

    let key = fixtures::key();
    c.bench_function("derive_200_codes", |b| {
        b.iter(|| {
            for p in &input.profiles {
                black_box(code::derive(
                    &key,
                    "wonen-limburg",
                    p.known.bsn.as_deref().unwrap_or(""),
                ));
            }
        })
    });
}

criterion_group!(benches, bench_bundle);
criterion_main!(benches);
