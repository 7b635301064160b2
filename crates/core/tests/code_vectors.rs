//! Frozen code vectors, and the guarantees of the check symbol tested exhaustively.

use proptest::prelude::*;
use serde::Deserialize;
use woonkans_core::code::{self, Code, CodeKey};

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Vectors {
    key_hex: String,
    key_file: String,
    vectors: Vec<Vector>,
    lenient: Vec<Lenient>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Vector {
    recipient_id: String,
    stable_id: String,
    code: String,
}

#[derive(Deserialize)]
struct Lenient {
    typed: String,
    code: String,
}

fn vectors() -> Vectors {
    serde_json::from_str(include_str!("../data/code-vectors.json")).expect("vector file parses")
}

fn fixed_key() -> CodeKey {
    let mut b = [0u8; 32];
    for (i, x) in b.iter_mut().enumerate() {
        *x = i as u8;
    }
    CodeKey::from_bytes(b)
}

const ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U";

#[test]
fn frozen_vectors_reproduce() {
    let v = vectors();
    let key = fixed_key();
    let hex: String = key
        .expose_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(hex, v.key_hex);
    assert!(v.vectors.len() >= 10);
    for t in &v.vectors {
        let got = code::derive(&key, &t.recipient_id, &t.stable_id);
        assert_eq!(
            got.to_string(),
            t.code,
            "{} / {}",
            t.recipient_id,
            t.stable_id
        );
        assert_eq!(code::parse(&t.code).unwrap(), got);
    }
    // Every check-only symbol occurs, so another implementation's check table is exercised.
    for sym in ['*', '~', '$', '=', 'U'] {
        assert!(v.vectors.iter().any(|t| t.code.ends_with(sym)), "{sym}");
    }
}

#[test]
fn frozen_key_file() {
    let v = vectors();
    assert_eq!(code::export_key(&fixed_key()), v.key_file);
    assert_eq!(code::import_key(&v.key_file).unwrap(), fixed_key());
}

#[test]
fn lenient_forms_parse_to_the_frozen_code() {
    for l in vectors().lenient {
        assert_eq!(
            code::parse(&l.typed).unwrap().to_string(),
            l.code,
            "{}",
            l.typed
        );
    }
}

/// The value a typed symbol stands for, with Crockford's aliases.
fn meaning(c: char) -> char {
    match c.to_ascii_uppercase() {
        'O' => '0',
        'I' | 'L' => '1',
        other => other,
    }
}

/// Positions of the ten data symbols and the check symbol in `WK-XXXXX-XXXXX-C`.
const DATA_POS: [usize; 10] = [3, 4, 5, 6, 7, 9, 10, 11, 12, 13];
const CHECK_POS: usize = 15;

fn assert_every_substitution_rejected(c: Code) {
    let s: Vec<char> = c.to_string().chars().collect();
    let candidates: Vec<char> = ALPHABET.chars().chain("OIL".chars()).collect();
    for &pos in DATA_POS.iter().chain([CHECK_POS].iter()) {
        for &sub in &candidates {
            if meaning(sub) == s[pos] {
                continue; // the same symbol, or an alias of it: not a substitution
            }
            let mut t = s.clone();
            t[pos] = sub;
            let typed: String = t.iter().collect();
            let err = code::parse(&typed).expect_err(&typed);
            assert!(
                err.code == "CODE_CHECK_FAILED" || err.code == "CODE_INVALID",
                "{typed}: {}",
                err.code
            );
            // A data symbol replaced by another data symbol is caught by the check itself.
            if pos != CHECK_POS && ALPHABET[..32].contains(meaning(sub)) {
                assert_eq!(err.code, "CODE_CHECK_FAILED", "{typed}");
            }
        }
    }
}

fn assert_every_adjacent_transposition_rejected(c: Code) {
    let s: Vec<char> = c.to_string().chars().collect();
    for w in DATA_POS.windows(2) {
        let (a, b) = (w[0], w[1]);
        if s[a] == s[b] {
            continue;
        }
        let mut t = s.clone();
        t.swap(a, b);
        let typed: String = t.iter().collect();
        assert_eq!(
            code::parse(&typed).expect_err(&typed).code,
            "CODE_CHECK_FAILED",
            "{typed}"
        );
    }
}

#[test]
fn every_substitution_and_transposition_of_the_vectors_is_rejected() {
    for t in vectors().vectors {
        let c = code::parse(&t.code).unwrap();
        assert_every_substitution_rejected(c);
        assert_every_adjacent_transposition_rejected(c);
    }
}

#[test]
fn every_substitution_and_transposition_of_many_codes_is_rejected() {
    let key = fixed_key();
    for i in 0..300 {
        let c = code::derive(&key, "wonen-limburg", &format!("d-{i:05}"));
        assert_every_substitution_rejected(c);
        assert_every_adjacent_transposition_rejected(c);
    }
    // Edge values, where leading zeros and all-equal symbols occur.
    for v in [0u64, 1, 31, 32, (1 << 50) - 1, 0x0002_AAAA_AAAA_AAAA] {
        let c = Code::from_value(v);
        assert_every_substitution_rejected(c);
        assert_every_adjacent_transposition_rejected(c);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn two_recipients_never_share_a_code(
        key in proptest::array::uniform32(any::<u8>()),
        r1 in "[a-z0-9-]{1,24}",
        r2 in "[a-z0-9-]{1,24}",
        stable in prop_oneof!["[0-9]{9}", "d-[0-9a-f]{16}"],
    ) {
        prop_assume!(r1 != r2);
        let key = CodeKey::from_bytes(key);
        prop_assert_ne!(code::derive(&key, &r1, &stable), code::derive(&key, &r2, &stable));
    }

    #[test]
    fn two_residents_never_share_a_code(
        r in "[a-z0-9-]{1,24}",
        s1 in "[0-9]{9}",
        s2 in "[0-9]{9}",
    ) {
        prop_assume!(s1 != s2);
        let key = fixed_key();
        prop_assert_ne!(code::derive(&key, &r, &s1), code::derive(&key, &r, &s2));
    }

    #[test]
    fn every_code_round_trips(v in 0u64..(1 << 50)) {
        let c = Code::from_value(v);
        let s = c.to_string();
        prop_assert_eq!(code::parse(&s).unwrap(), c);
        prop_assert_eq!(code::parse(&s.to_lowercase()).unwrap(), c);
        let json = serde_json::to_string(&c).unwrap();
        prop_assert_eq!(serde_json::from_str::<Code>(&json).unwrap(), c);
    }

    #[test]
    fn parse_never_panics(s in "\\PC{0,40}") {
        let _ = code::parse(&s);
        let _ = code::import_key(&s);
    }
}
