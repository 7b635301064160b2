//! Every case in a bundle keeps its own code.
//!
//! `Workspace::write_bundle` once zipped the requested case ids with `WrittenBundle::codes`,
//! which the writer had sorted by code text: in a bundle of more than one resident, cases stored
//! each other's codes and `resolve_code` named the wrong dossier. These tests build random
//! caseloads (some residents without a BSN, so their random dossier id is the stable id), write
//! bundles for two associations with the cases requested in random order, and check every case
//! against a code computed here, independently of the core: HMAC-SHA-256 over the message of
//! docs/CODES.md, written in Crockford base32 with the mod-37 check symbol.

use hmac::{Hmac, KeyInit, Mac};
use proptest::prelude::*;
use sha2::Sha256;
use std::collections::{BTreeMap, BTreeSet};
use woonkans_core::bundle::{self, WrittenBundle};
use woonkans_core::code::{self, CodeKey};
use woonkans_core::date::Date;
use woonkans_core::dossier::{Income, IncomeSource, PersonName};
use woonkans_core::fixtures;
use woonkans_core::register::Step;
use woonkans_core::workspace::Workspace;

/// Two associations of the sample offer that work in Venlo, where every resident looks.
const ASSOCIATIONS: [&str; 2] = ["vb-maasdal", "vb-thuis"];

/// Names that are no word of the fixed profile texts below, so the leak guard passes them.
const FIRST_NAMES: &[&str] = &[
    "Lotte", "Sanne", "Daan", "Noël", "Fatima", "Yusuf", "Bram", "Femke", "Gijs", "Inês", "Esmée",
    "Thijs",
];
const SURNAMES: &[&str] = &[
    "Hendriks",
    "Janssen",
    "Peeters",
    "Claessens",
    "Verstappen",
    "Gielen",
    "Schreurs",
    "Coolen",
    "Hermans",
    "Dijkstra",
    "Kowalski",
    "Öztürk",
    "Nowak",
    "Lefèvre",
];

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

fn today() -> Date {
    d(2026, 11, 28)
}

// ---------------------------------------------------------------------------------------------
// The code, computed independently of `woonkans_core::code`.

/// docs/CODES.md: a stable id made only of digits, spaces, dots and hyphens counts by its digits.
fn normalised(stable: &str) -> String {
    let t = stable.trim();
    if t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-'))
    {
        t.chars().filter(char::is_ascii_digit).collect()
    } else {
        t.to_string()
    }
}

/// `WK-s0..s4-s5..s9-check` for `HMAC-SHA-256(key, "woonkans/code/v1\0" || u32be(len) ||
/// recipient || u32be(len) || stable)`, its first 50 bits in Crockford base32 and `v mod 37`.
fn expected_code(key: &[u8; 32], recipient: &str, stable: &str) -> String {
    const ALPHABET: &[u8; 37] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U";
    let recipient = recipient.trim();
    let stable = normalised(stable);
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key).unwrap();
    mac.update(b"woonkans/code/v1\0");
    for field in [recipient.as_bytes(), stable.as_bytes()] {
        mac.update(&u32::try_from(field.len()).unwrap().to_be_bytes());
        mac.update(field);
    }
    let tag = mac.finalize().into_bytes();
    let v = u64::from_be_bytes(tag[..8].try_into().unwrap()) >> 14;
    let symbols: String = (0..10)
        .map(|i| char::from(ALPHABET[((v >> (5 * (9 - i))) & 31) as usize]))
        .collect();
    format!(
        "WK-{}-{}-{}",
        &symbols[..5],
        &symbols[5..],
        char::from(ALPHABET[(v % 37) as usize])
    )
}

#[test]
fn the_independent_code_matches_the_frozen_vectors() {
    let mut key = [0u8; 32];
    for (i, b) in key.iter_mut().enumerate() {
        *b = u8::try_from(i).unwrap();
    }
    assert_eq!(
        expected_code(&key, "wonen-limburg", "123456782"),
        "WK-W68Q9-NRZH0-6"
    );
    assert_eq!(
        expected_code(&key, "woonwenz", "123456782"),
        "WK-5X8TR-G307G-6"
    );
    assert_eq!(
        expected_code(&key, "wonen-limburg", "1234.56.782"),
        "WK-W68Q9-NRZH0-6"
    );
}

// ---------------------------------------------------------------------------------------------
// Builders.

/// One resident as generated: a random local id, maybe a BSN, a name and a birth date.
#[derive(Clone, Debug)]
struct Resident {
    id: String,
    bsn: Option<String>,
    first: &'static str,
    surname: &'static str,
    born: Date,
}

impl Resident {
    /// The stable id as docs/CODES.md defines it: the BSN, else the dossier id.
    fn stable(&self) -> &str {
        self.bsn.as_deref().unwrap_or(&self.id)
    }
}

/// The ninth digit that makes `eight` pass the 11-test, if there is one.
fn bsn_from(eight: u32) -> Option<String> {
    let digits: Vec<u32> = format!("{eight:08}")
        .bytes()
        .map(|b| u32::from(b - b'0'))
        .collect();
    let sum: u32 = digits.iter().zip((2..=9).rev()).map(|(x, w)| x * w).sum();
    let last = sum % 11;
    (last < 10).then(|| format!("{eight:08}{last}"))
}

fn passes_11_test(bsn: &str) -> bool {
    let d: Vec<i64> = bsn.bytes().map(|c| i64::from(c - b'0')).collect();
    d.len() == 9 && ((0..8).map(|i| d[i] * (9 - i as i64)).sum::<i64>() - d[8]) % 11 == 0
}

/// Adds a case with every gate to step 5 and a complete, clean profile: the fixture's ready case
/// with this resident's name, birth date and BSN.
fn add_ready_case(ws: &mut Workspace, r: &Resident) {
    let case = fixtures::add_ready_case(ws, &r.id, &fixtures::RESIDENTS[0]);
    let dossier = &mut case.dossier;
    dossier.name = PersonName {
        first_names: r.first.into(),
        tussenvoegsel: String::new(),
        surname: r.surname.into(),
        ..PersonName::default()
    };
    dossier.birth_date = Some(r.born);
    dossier.bsn = r.bsn.clone();
    dossier.income = Some(Income {
        yearly_amount_euros: 17_500,
        source: IncomeSource::Benefits,
    });
    dossier.step = Step::AssociationTalks;
    case.profile.support_hours_per_week = Some(4.0);
    case.profile.relapse_plan.signals = "Afspraken worden gemist.".into();
}

fn workspace(residents: &[Resident]) -> Workspace {
    let mut ws = fixtures::workspace();
    for a in ASSOCIATIONS {
        assert!(ws.offer().association(a).is_some(), "{a} is in the sample");
    }
    for r in residents {
        add_ready_case(&mut ws, r);
    }
    ws
}

/// Residents from generated raw values: BSNs are made valid and distinct here.
fn residents(raw: Vec<(String, Option<u32>, usize, usize, Date)>) -> Vec<Resident> {
    let mut used = BTreeSet::new();
    raw.into_iter()
        .map(|(id, eight, first, surname, born)| {
            let bsn = eight.map(|mut e| {
                loop {
                    if let Some(b) = bsn_from(e)
                        && used.insert(b.clone())
                    {
                        break b;
                    }
                    e = if e >= 99_999_999 { 10_000_000 } else { e + 1 };
                }
            });
            Resident {
                id,
                bsn,
                first: FIRST_NAMES[first],
                surname: SURNAMES[surname],
                born,
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The checks.

/// Writes one bundle and checks every requested case, the log and the file against the
/// independently computed codes; cases not requested get nothing for this association.
fn write_and_check(
    ws: &mut Workspace,
    key: &[u8; 32],
    residents: &[Resident],
    association: &str,
    requested: &[String],
    bundle_id: [u8; 16],
) -> WrittenBundle {
    let code_key = CodeKey::from_bytes(*key);
    let by_id: BTreeMap<&str, &Resident> = residents.iter().map(|r| (r.id.as_str(), r)).collect();
    let expected: BTreeMap<&str, String> = residents
        .iter()
        .map(|r| (r.id.as_str(), expected_code(key, association, r.stable())))
        .collect();
    let log_before = ws.log().len();
    let written = ws
        .write_bundle(
            &code_key,
            association,
            requested,
            bundle_id,
            today(),
            "2026-11-28T10:00:00",
        )
        .unwrap_or_else(|e| panic!("bundle for {association} refused: {e:?}"));
    let bundle_hex = written.bundle_id_hex.clone();

    // The writer's codes pair with the requested ids by index (its documented contract).
    assert_eq!(written.codes.len(), requested.len());
    for (id, c) in requested.iter().zip(&written.codes) {
        assert_eq!(
            c.to_string(),
            expected[id.as_str()],
            "written.codes for {id}"
        );
        // The core's own derivation from the BSN (or id) generated here agrees.
        assert_eq!(
            *c,
            code::derive(&code_key, association, by_id[id.as_str()].stable())
        );
    }

    // The file carries exactly the requested residents' codes.
    let verified = bundle::verify_bundle(&written.bytes).unwrap();
    let in_file: BTreeSet<String> = verified
        .profiles
        .iter()
        .map(|p| p.code.to_string())
        .collect();
    let wanted: BTreeSet<String> = requested
        .iter()
        .map(|id| expected[id.as_str()].clone())
        .collect();
    assert_eq!(in_file, wanted);

    // The global log: one entry for this bundle with the set of all its codes (sorted).
    assert_eq!(ws.log().len(), log_before + 1);
    let global = ws.log().last().unwrap();
    assert_eq!(global.bundle_id, bundle_hex);
    assert_eq!(global.recipient_id, association);
    assert_eq!(global.codes.len(), requested.len());
    assert!(global.codes.is_sorted(), "the log lists codes sorted");
    assert_eq!(
        global.codes.iter().cloned().collect::<BTreeSet<_>>(),
        wanted
    );

    let requested_set: BTreeSet<&str> = requested.iter().map(String::as_str).collect();
    for r in residents {
        let case = ws.case(&r.id).unwrap();
        let own = &expected[r.id.as_str()];
        let code = code::parse(own).unwrap();
        let entries: Vec<_> = case
            .log
            .iter()
            .filter(|e| e.bundle_id == bundle_hex)
            .collect();
        if requested_set.contains(r.id.as_str()) {
            assert_eq!(
                case.codes.get(association),
                Some(own),
                "case {} stores its own code for {association}",
                r.id
            );
            assert_eq!(
                ws.resolve_code(Some(&code_key), association, code),
                Some(r.id.as_str())
            );
            assert_eq!(
                ws.resolve_code(None, association, code),
                Some(r.id.as_str()),
                "the kept code resolves to its own case without the key"
            );
            assert_eq!(entries.len(), 1, "one case entry for the bundle");
            assert_eq!(entries[0].codes, vec![own.clone()], "case {} log", r.id);
            assert_eq!(entries[0].recipient_id, association);
        } else {
            assert!(!case.codes.contains_key(association), "{} not sent", r.id);
            assert!(entries.is_empty());
            assert_eq!(
                ws.resolve_code(None, association, code),
                None,
                "no kept code for a case that was not sent"
            );
            // With the key, the code is still recomputed for the resident.
            assert_eq!(
                ws.resolve_code(Some(&code_key), association, code),
                Some(r.id.as_str())
            );
        }
    }
    written
}

fn check_caseload(key: [u8; 32], residents: &[Resident], first: &[String], second: &[String]) {
    let mut ws = workspace(residents);
    for r in residents {
        if let Some(b) = &r.bsn {
            assert!(passes_11_test(b), "{b}");
        }
        assert!(ws.profile(&r.id, today()).is_ok(), "case {} ready", r.id);
    }
    write_and_check(&mut ws, &key, residents, ASSOCIATIONS[0], first, [0xa1; 16]);
    write_and_check(
        &mut ws,
        &key,
        residents,
        ASSOCIATIONS[1],
        second,
        [0xb2; 16],
    );

    // Both bundles: each case keeps one code per association it went to, each its own.
    for r in residents {
        let case = ws.case(&r.id).unwrap();
        for (association, requested) in ASSOCIATIONS.iter().zip([first, second]) {
            let sent = requested.contains(&r.id);
            assert_eq!(
                case.codes.get(*association).cloned(),
                sent.then(|| expected_code(&key, association, r.stable()))
            );
        }
        let in_bundles = [first, second]
            .iter()
            .filter(|req| req.contains(&r.id))
            .count();
        assert_eq!(case.log.len(), in_bundles);
    }
    assert_eq!(ws.log().len(), 2);
}

fn raw_residents() -> impl Strategy<Value = Vec<(String, Option<u32>, usize, usize, Date)>> {
    prop::collection::btree_set("[a-z2-7]{8}", 1..=30).prop_flat_map(|ids| {
        let n = ids.len();
        (
            Just(ids.into_iter().collect::<Vec<_>>()),
            prop::collection::vec(
                (
                    prop::option::weighted(0.7, 10_000_000u32..100_000_000),
                    0..FIRST_NAMES.len(),
                    0..SURNAMES.len(),
                    (1960i32..2006, 1u8..=12, 1u8..=28),
                ),
                n,
            ),
        )
            .prop_map(|(ids, rest)| {
                ids.into_iter()
                    .zip(rest)
                    .map(|(id, (bsn, f, s, (y, m, day)))| (id, bsn, f, s, d(y, m, day)))
                    .collect()
            })
    })
}

/// A caseload, the order the first bundle requests all cases in, and a non-empty subset in
/// another order for the second.
#[allow(clippy::type_complexity)]
fn scenario() -> impl Strategy<Value = (Vec<Resident>, Vec<String>, Vec<String>)> {
    raw_residents().prop_flat_map(|raw| {
        let people = residents(raw);
        let ids: Vec<String> = people.iter().map(|r| r.id.clone()).collect();
        let n = ids.len();
        (
            Just(people),
            Just(ids.clone()).prop_shuffle(),
            (Just(ids).prop_shuffle(), 1..=n).prop_map(|(mut order, keep)| {
                order.truncate(keep);
                order
            }),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn every_case_keeps_the_code_of_its_own_stable_id(
        key in any::<[u8; 32]>(),
        (people, first, second) in scenario(),
    ) {
        check_caseload(key, &people, &first, &second);
    }
}

/// The order the old bug needed: the cases requested in the reverse of their codes' sort order,
/// so a sorted list paired by position gives every case another's code.
#[test]
fn cases_requested_against_code_order_keep_their_own_codes() {
    let key = [0x3c; 32];
    let raw = [
        ("k7f3q9ab", Some(99_999_466), 0, 0, d(1990, 6, 1)),
        ("m2x5c7de", Some(11_122_233), 1, 1, d(1985, 2, 14)),
        ("p4r6t2fg", None, 2, 2, d(1999, 12, 3)),
        ("q3s5u7hj", Some(23_456_789), 3, 3, d(1972, 8, 20)),
        ("w6y2z4kl", None, 4, 4, d(2001, 3, 12)),
    ];
    let people = residents(
        raw.iter()
            .map(|(id, b, f, s, born)| (id.to_string(), *b, *f, *s, *born))
            .collect(),
    );
    let mut order: Vec<&Resident> = people.iter().collect();
    order.sort_by_key(|r| std::cmp::Reverse(expected_code(&key, ASSOCIATIONS[0], r.stable())));
    let first: Vec<String> = order.iter().map(|r| r.id.clone()).collect();
    let second: Vec<String> = first.iter().rev().take(3).cloned().collect();
    check_caseload(key, &people, &first, &second);
}
