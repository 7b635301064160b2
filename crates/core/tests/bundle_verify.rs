//! The verifier: every single-byte change is rejected; each failure has its own code.

#[path = "bundle_fixtures.rs"]
mod fixtures;

use fixtures::{Rng, input};
use serde_json::Value;
use woonkans_core::bundle::{self, canonical_json};

fn sample() -> Vec<u8> {
    bundle::write_bundle(&input(&mut Rng(11), 4)).unwrap().bytes
}

/// Re-signs an edited bundle, so that a test reaches the check behind the digest.
fn resign(mut v: Value) -> Vec<u8> {
    let obj = v.as_object_mut().unwrap();
    obj.remove("integrity");
    let digest: String = {
        use sha2::{Digest, Sha256};
        Sha256::digest(canonical_json(&v))
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    v.as_object_mut().unwrap().insert(
        "integrity".into(),
        serde_json::json!({"algorithm": "SHA-256", "digest": digest}),
    );
    canonical_json(&v)
}

fn code_of(bytes: &[u8]) -> &'static str {
    bundle::verify_bundle(bytes).unwrap_err().code
}

#[test]
fn every_single_byte_change_is_rejected() {
    let bytes = sample();
    assert!(bundle::verify_bundle(&bytes).is_ok());
    assert!(bytes.len() > 3000, "sample too small: {}", bytes.len());
    let replacements = |b: u8| {
        let printable = if b == b'a' { b'b' } else { b'a' };
        [
            b ^ 0x01,
            printable,
            if b == b' ' { b'!' } else { b' ' },
            b ^ 0x80,
        ]
    };
    for i in 0..bytes.len() {
        for r in replacements(bytes[i]) {
            if r == bytes[i] {
                continue;
            }
            let mut t = bytes.clone();
            t[i] = r;
            assert!(
                bundle::verify_bundle(&t).is_err(),
                "byte {i} ({:?} -> {:?}) was accepted",
                char::from(bytes[i]),
                char::from(r)
            );
        }
    }
}

#[test]
fn resigned_but_non_canonical_content_is_rejected() {
    let bytes = sample();
    let v: Value = serde_json::from_slice(&bytes).unwrap();
    // Valid digest, but pretty-printed: not the canonical bytes.
    let pretty = serde_json::to_vec_pretty(&v).unwrap();
    assert_eq!(code_of(&pretty), "BUNDLE_DIGEST");
    // The same content with an escaped é: the digest still matches, the bytes are not canonical.
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains('é'));
    let escaped = text.replacen('é', "\\u00e9", 1);
    assert_eq!(serde_json::from_str::<Value>(&escaped).unwrap(), v);
    assert_eq!(code_of(escaped.as_bytes()), "BUNDLE_DIGEST");
    // Re-signing a parsed copy gives back exactly the original bytes.
    assert_eq!(resign(v).as_slice(), text.as_bytes());
}

#[test]
fn bom_and_final_newline_are_tolerated() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(sample());
    bytes.extend(b"\r\n");
    assert!(bundle::verify_bundle(&bytes).is_ok());
}

#[test]
fn newer_version_is_refused_not_misread() {
    let mut v: Value = serde_json::from_slice(&sample()).unwrap();
    v["version"] = 2.into();
    let e = bundle::verify_bundle(&resign(v.clone())).unwrap_err();
    assert_eq!(e.code, "BUNDLE_VERSION");
    assert_eq!(
        e.message,
        "Deze bundel heeft versie 2; deze app kent versie 1. Werk de app bij."
    );
    v["version"] = 0.into();
    assert_eq!(code_of(&resign(v.clone())), "BUNDLE_VERSION");
    v["version"] = "1".into();
    assert_eq!(code_of(&resign(v)), "BUNDLE_VERSION");
}

#[test]
fn each_failure_has_its_code() {
    assert_eq!(code_of(b"\xff\xfe{}"), "BUNDLE_NOT_JSON");
    assert_eq!(code_of(b"{\"format\": "), "BUNDLE_NOT_JSON");
    assert_eq!(code_of(b"[1,2]"), "BUNDLE_FORMAT");
    assert_eq!(
        code_of(br#"{"format":"iets-anders","version":1}"#),
        "BUNDLE_FORMAT"
    );
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let e = bundle::verify_bundle(deep.as_bytes()).unwrap_err();
    assert_eq!(e.code, "BUNDLE_NOT_JSON");
    assert!(e.message.contains("diep genest"), "{}", e.message);
    assert_eq!(
        code_of(&vec![b' '; bundle::MAX_BYTES + 1]),
        "BUNDLE_TOO_LARGE"
    );

    let v: Value = serde_json::from_slice(&sample()).unwrap();
    let mut missing = v.clone();
    missing.as_object_mut().unwrap().remove("recipient");
    assert_eq!(code_of(&resign(missing)), "BUNDLE_STRUCTURE");
    let mut extra = v.clone();
    extra["profiles"][0]["naam"] = "x".into();
    assert_eq!(code_of(&resign(extra)), "BUNDLE_STRUCTURE");
    let mut bad_code = v.clone();
    bad_code["profiles"][0]["code"] = "WK-00000-00000-1".into();
    assert_eq!(code_of(&resign(bad_code)), "BUNDLE_STRUCTURE");
    let mut dup = v.clone();
    let first = dup["profiles"][0].clone();
    dup["profiles"][1] = first;
    assert_eq!(code_of(&resign(dup)), "BUNDLE_STRUCTURE");
    let mut empty = v.clone();
    empty["profiles"] = Value::Array(vec![]);
    assert_eq!(code_of(&resign(empty)), "BUNDLE_STRUCTURE");
    let mut bad_level = v.clone();
    bad_level["profiles"][0]["profile"]["selfReliance"]["financesDebts"] = 9.into();
    assert_eq!(code_of(&resign(bad_level)), "BUNDLE_STRUCTURE");
    let mut too_many = v.clone();
    too_many["profiles"] = Value::Array(vec![Value::Null; bundle::MAX_PROFILES + 1]);
    assert_eq!(code_of(&resign(too_many)), "BUNDLE_STRUCTURE");
    let mut algo = v.clone();
    algo["integrity"]["algorithm"] = "MD5".into();
    assert_eq!(code_of(&canonical_json(&algo)), "BUNDLE_DIGEST");
    let mut changed = v.clone();
    changed["recipient"]["name"] = "Andere corporatie".into();
    assert_eq!(code_of(&canonical_json(&changed)), "BUNDLE_DIGEST");
}

#[test]
fn error_messages_quote_nothing_from_the_file() {
    let v: Value = serde_json::from_slice(&sample()).unwrap();
    let mut odd = v.clone();
    odd["profiles"][0]["profile"]["gender"] = "GEHEIMEWAARDE".into();
    let e = bundle::verify_bundle(&resign(odd)).unwrap_err();
    assert_eq!(e.code, "BUNDLE_STRUCTURE");
    assert!(!e.message.contains("GEHEIMEWAARDE"));
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn arbitrary_bytes_are_refused_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            prop_assert!(bundle::verify_bundle(&bytes).is_err());
        }

        #[test]
        fn any_multi_byte_edit_is_refused(edits in proptest::collection::vec((any::<prop::sample::Index>(), 1u8..=255), 1..6)) {
            let bytes = sample();
            let mut t = bytes.clone();
            for (at, x) in &edits {
                let i = at.index(t.len());
                t[i] ^= x;
            }
            prop_assume!(t != bytes);
            prop_assert!(bundle::verify_bundle(&t).is_err());
        }
    }
}
