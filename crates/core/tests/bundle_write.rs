//! The bundle writer: shape, determinism, ordering, input errors and the guard's refusal.

#[path = "bundle_fixtures.rs"]
mod fixtures;

use fixtures::{Rng, input, key};
use woonkans_core::bundle::{self, WriteError};
use woonkans_core::code;
use woonkans_core::profile::ProfileCategory;
use woonkans_core::text::squash;

#[test]
fn written_bundle_verifies_and_carries_the_profiles() {
    let mut rng = Rng(1);
    let inp = input(&mut rng, 12);
    let w = bundle::write_bundle(&inp).unwrap();
    assert_eq!(w.file_name, "woonkans-wonen-limburg-2026-11-28.json");
    assert_eq!(w.bundle_id_hex.len(), 32);
    assert_eq!(w.categories, ProfileCategory::ALL.to_vec());
    let v = bundle::verify_bundle(&w.bytes).unwrap();
    assert_eq!(v.bundle_id, w.bundle_id_hex);
    assert_eq!(v.recipient.id, "wonen-limburg");
    assert_eq!(v.sender.region_name, "Noord-Limburg");
    assert_eq!(v.sender.role, "Ketenregisseur");
    assert_eq!(v.profiles.len(), 12);
    for p in &inp.profiles {
        let got = v.profiles.iter().find(|q| q.code == p.code).unwrap();
        assert_eq!(got.profile, p.profile);
        assert_eq!(got.matches.len(), p.matches.len());
        assert!(got.matches.windows(2).all(|m| m[0].score >= m[1].score));
    }
    let text = String::from_utf8(w.bytes.clone()).unwrap();
    assert!(text.starts_with(r#"{"bundleId":""#));
    assert!(!text.contains(": ") && !text.contains('\n'));
    assert!(text.contains(r#""integrity":{"algorithm":"SHA-256","digest":""#));
}

#[test]
fn same_input_same_bytes_and_order_does_not_show_through() {
    let inp = input(&mut Rng(2), 8);
    let a = bundle::write_bundle(&inp).unwrap();
    let mut reversed = inp.clone();
    reversed.profiles.reverse();
    let b = bundle::write_bundle(&reversed).unwrap();
    assert_eq!(a.bytes, b.bytes);
    let v = bundle::verify_bundle(&a.bytes).unwrap();
    let codes: Vec<String> = v.profiles.iter().map(|p| p.code.to_string()).collect();
    let mut sorted = codes.clone();
    sorted.sort();
    assert_eq!(codes, sorted);
}

#[test]
fn written_bytes_hold_no_identifying_value() {
    let inp = input(&mut Rng(3), 30);
    let w = bundle::write_bundle(&inp).unwrap();
    let squashed = squash(std::str::from_utf8(&w.bytes).unwrap());
    for p in &inp.profiles {
        let k = &p.known;
        for v in k
            .bsn
            .iter()
            .chain(&k.phones)
            .chain(&k.emails)
            .chain(&k.ibans)
            .chain(&k.postcodes)
        {
            assert!(!squashed.contains(&squash(v)));
        }
    }
}

#[test]
fn a_planted_name_refuses_the_export_and_names_code_and_field() {
    let mut inp = input(&mut Rng(4), 5);
    let target = 3;
    let surname = inp.profiles[target].known.name_parts[1].clone();
    inp.profiles[target].profile.notes.insert(
        ProfileCategory::SocialNetwork,
        format!(
            "Ziet zijn zus, mevrouw {}, elke week.",
            surname.to_uppercase()
        ),
    );
    let Err(WriteError::Leak(report)) = bundle::write_bundle(&inp) else {
        panic!("expected a leak report");
    };
    let code = inp.profiles[target].code.to_string();
    let f = report
        .findings
        .iter()
        .find(|f| f.kind == "NAME")
        .expect("a name finding");
    assert_eq!(f.code, code);
    assert!(
        f.field.ends_with("].profile.notes.socialNetwork"),
        "{}",
        f.field
    );
    assert!(f.message.contains(&code));
    assert!(!f.message.to_lowercase().contains(&surname.to_lowercase()));
    assert_eq!(WriteError::Leak(report).to_error().code, "LEAK_GUARD");
}

#[test]
fn a_value_of_another_dossier_is_caught_too() {
    let mut inp = input(&mut Rng(5), 4);
    let other_bsn = inp.profiles[0].known.bsn.clone().unwrap();
    let spaced = format!(
        "{} {} {}",
        &other_bsn[..3],
        &other_bsn[3..6],
        &other_bsn[6..]
    );
    inp.profiles[2]
        .profile
        .notes
        .insert(ProfileCategory::FinancesDebts, format!("dossier {spaced}"));
    let Err(WriteError::Leak(report)) = bundle::write_bundle(&inp) else {
        panic!("expected a leak report");
    };
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.kind == "BSN" && f.code == inp.profiles[2].code.to_string())
    );
}

#[test]
fn unusable_input_is_refused_with_a_dutch_error() {
    let base = input(&mut Rng(6), 3);
    let err = |inp: &bundle::BundleInput| match bundle::write_bundle(inp) {
        Err(WriteError::Invalid(e)) => e,
        other => panic!("expected an input error, got {other:?}"),
    };

    let mut empty = base.clone();
    empty.profiles.clear();
    assert_eq!(err(&empty).code, "BUNDLE_INPUT");

    let mut dup = base.clone();
    dup.profiles[1].code = dup.profiles[0].code;
    assert!(err(&dup).message.contains("twee keer"));

    let mut no_id = base.clone();
    no_id.recipient_id = " -/- ".into();
    assert_eq!(err(&no_id).field.as_deref(), Some("recipient.id"));

    let mut no_name = base.clone();
    no_name.recipient_name = "  ".into();
    assert_eq!(err(&no_name).field.as_deref(), Some("recipient.name"));

    let mut bad_level = base.clone();
    bad_level.profiles[0].profile.self_reliance.finances_debts = 0;
    assert_eq!(err(&bad_level).code, "BUNDLE_INPUT");

    let mut nan = base.clone();
    nan.profiles[0].profile.support_hours_per_week = f64::NAN;
    assert_eq!(err(&nan).code, "BUNDLE_INPUT");

    let mut score = base.clone();
    score.profiles[0].matches = vec![bundle::MatchSummary {
        dwelling_id: "WL-1".into(),
        score: 101,
    }];
    assert!(err(&score).message.contains("boven 100"));
}

#[test]
fn codes_in_the_bundle_are_the_recipients_codes() {
    let inp = input(&mut Rng(8), 6);
    let w = bundle::write_bundle(&inp).unwrap();
    let key = key();
    // `codes[i]` belongs to `profiles[i]`: callers pair them by index, so the list keeps the
    // input order, not the file's order by code.
    assert_eq!(w.codes.len(), inp.profiles.len());
    for (p, written) in inp.profiles.iter().zip(&w.codes) {
        let stable = p.known.bsn.as_deref().unwrap();
        assert_eq!(code::derive(&key, fixtures::RECIPIENT, stable), p.code);
        assert_eq!(*written, p.code);
    }
    let mut reversed = inp.clone();
    reversed.profiles.reverse();
    let r = bundle::write_bundle(&reversed).unwrap();
    assert_eq!(r.bytes, w.bytes, "the file does not show the order");
    let mut back = r.codes.clone();
    back.reverse();
    assert_eq!(back, w.codes, "the codes follow the input order");
}
