//! The three readers of what another party sends — `envelope::open`, `KeyCard::parse` and
//! `Reply::parse` — on input nobody made: arbitrary bytes, token soup that looks like their JSON,
//! and small mutations of valid files. Nothing may panic, and the checks of the fuzz targets
//! (crates/fuzz/src/lib.rs, included as in fuzz_regressions.rs) hold on every input.
//!
//! Mutations: an envelope is signed and must be canonical, so **any** change is refused. A card
//! is signed but may be re-indented, so a changed card is refused unless it reads as the very
//! same card. A reply carries no signature of its own (the envelope around it does), so a
//! changed reply may be another valid reply; it must then pass every property of one.
//!
//! The seeds of the three fuzz targets are made here from the fixed parties of the fuzz checks;
//! `WOONKANS_WRITE_SEEDS=1 cargo test -p woonkans-core --test envelope_parsers` rewrites them.

#[path = "../../fuzz/src/lib.rs"]
mod checks;

use proptest::prelude::*;
use proptest::sample::Index;
use std::path::Path;
use std::sync::OnceLock;
use woonkans_core::envelope;
use woonkans_core::keys::KeyCard;
use woonkans_core::reply::Reply;

/// Made once: sealing and signing them again for every case would be most of the run.
fn seeds() -> &'static [(&'static str, &'static str, Vec<u8>)] {
    static SEEDS: OnceLock<Vec<(&'static str, &'static str, Vec<u8>)>> = OnceLock::new();
    SEEDS.get_or_init(checks::seeds)
}

fn seed(target: &str, name: &str) -> Vec<u8> {
    seeds()
        .iter()
        .find(|(t, n, _)| *t == target && *n == name)
        .map(|(_, _, b)| b.clone())
        .expect("a known seed")
}

fn valid_envelope() -> Vec<u8> {
    seed("envelope", "reactie.envelop.json")
}

fn valid_card() -> Vec<u8> {
    seed("key_card", "sender.json")
}

fn valid_reply() -> Vec<u8> {
    seed("reply", "three-answers.json")
}

#[test]
fn the_seeds_are_what_the_fixed_parties_make() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/seeds");
    let write = std::env::var_os("WOONKANS_WRITE_SEEDS").is_some();
    for (target, name, bytes) in seeds() {
        let path = dir.join(target).join(name);
        if write {
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("seed folder");
            std::fs::write(&path, bytes).expect("write seed");
        }
        let committed = std::fs::read(&path).unwrap_or_default();
        assert!(
            committed == *bytes,
            "{} differs from what the fixed parties make; run this test with \
             WOONKANS_WRITE_SEEDS=1 and review the change",
            path.display()
        );
    }
}

#[test]
fn the_seeds_reach_what_they_are_named_for() {
    let p = checks::parties();
    let open = |name: &str| envelope::open(&seed("envelope", name), &p.own, &p.book);
    let opened = open("reactie.envelop.json").expect("the reply envelope opens");
    assert_eq!(
        Reply::parse(&opened.payload).ok(),
        Some(checks::seed_reply())
    );
    assert!(open("bundel-two-recipients.envelop.json").is_ok());
    let code = |name: &str| open(name).err().map(|e| e.code);
    assert_eq!(
        code("not-for-you.envelop.json"),
        Some("ENVELOPE_NOT_FOR_YOU")
    );
    assert_eq!(
        code("unknown-sender.envelop.json"),
        Some("ENVELOPE_SENDER_UNKNOWN")
    );
    assert_eq!(
        code("changed-byte.envelop.json"),
        Some("ENVELOPE_SIGNATURE_INVALID")
    );
    let card = |name: &str| KeyCard::parse(&seed("key_card", name), None);
    assert_eq!(card("own.json"), Ok(p.own.card()));
    assert_eq!(card("sender.json"), Ok(p.sender.card()));
    assert_eq!(
        card("organisation-edited.json").err().map(|e| e.code),
        Some("CARD_SIGNATURE_INVALID")
    );
    assert!(Reply::parse(&seed("reply", "duplicate-code.json")).is_err());
    for (target, _, bytes) in seeds() {
        let (_, check) = checks::TARGETS
            .iter()
            .find(|(t, _)| *t == *target)
            .expect("a target");
        check(bytes);
    }
}

// ------------------------------------------------------------------ mutations

#[derive(Clone, Debug)]
enum Mutation {
    Set(Index, u8),
    Insert(Index, u8),
    Remove(Index),
    /// Two bytes change places.
    Swap(Index, Index),
}

/// Bytes that keep JSON readable more often than any byte does: the mutation then gets past the
/// parser to the checks behind it.
const JSONISH: &[u8] = b" \t\n\r\"\\0123456789abcdefABCDEF+/=,:{}[]-.eEnulltrfs";

fn byte() -> impl Strategy<Value = u8> {
    prop_oneof![any::<u8>(), proptest::sample::select(JSONISH)]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<Index>(), byte()).prop_map(|(i, b)| Mutation::Set(i, b)),
        1 => (any::<Index>(), byte()).prop_map(|(i, b)| Mutation::Insert(i, b)),
        1 => any::<Index>().prop_map(Mutation::Remove),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(i, j)| Mutation::Swap(i, j)),
    ]
}

fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    proptest::collection::vec(mutation(), 1..4)
}

fn apply(data: &[u8], mutations: &[Mutation]) -> Vec<u8> {
    let mut out = data.to_vec();
    for m in mutations {
        if out.is_empty() {
            break;
        }
        match m {
            Mutation::Set(i, b) => {
                let i = i.index(out.len());
                out[i] = *b;
            }
            Mutation::Insert(i, b) => {
                let i = i.index(out.len() + 1);
                out.insert(i, *b);
            }
            Mutation::Remove(i) => {
                let i = i.index(out.len());
                out.remove(i);
            }
            Mutation::Swap(i, j) => {
                let (i, j) = (i.index(out.len()), j.index(out.len()));
                out.swap(i, j);
            }
        }
    }
    out
}

/// Pieces of the three formats, for token soup that parses as JSON more often than bytes do.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "\"",
    "null",
    "true",
    "1",
    "2",
    "0",
    "-1",
    "1e400",
    "1.0",
    "\"format\"",
    "\"version\"",
    "\"type\"",
    "\"id\"",
    "\"date\"",
    "\"sender\"",
    "\"recipients\"",
    "\"signature\"",
    "\"fingerprint\"",
    "\"enc\"",
    "\"ciphertext\"",
    "\"woonkans-envelop\"",
    "\"woonkans-sleutelkaart\"",
    "\"woonkans-reactie\"",
    "\"woonkans-bundel\"",
    "\"reactie\"",
    "\"bundel\"",
    "\"2026-02-01\"",
    "\"role\"",
    "\"regisseur\"",
    "\"organisation\"",
    "\"organisationId\"",
    "\"region\"",
    "\"created\"",
    "\"signingKey\"",
    "\"encryptionKey\"",
    "\"bundleId\"",
    "\"associationId\"",
    "\"answers\"",
    "\"code\"",
    "\"answer\"",
    "\"interest\"",
    "\"noOffer\"",
    "\"reason\"",
    "\"quotaFull\"",
    "\"dwellingId\"",
    "\"dwellingOffered\"",
    "\"WK-W68Q9-NRZH0-6\"",
    "\"00112233445566778899aabbccddeeff\"",
    "\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"",
    "\"0000-0000-0000-0000-0000-0000-0000-0000\"",
    "\u{feff}",
    " ",
];

fn token_soup() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(proptest::sample::select(TOKENS), 0..80)
        .prop_map(|t| t.concat().into_bytes())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn arbitrary_bytes_are_refused_without_a_panic(data in proptest::collection::vec(any::<u8>(), 0..2048)) {
        checks::check_envelope(&data);
        checks::check_key_card(&data);
        checks::check_reply(&data);
    }

    #[test]
    fn token_soup_is_read_without_a_panic(data in token_soup()) {
        checks::check_envelope(&data);
        checks::check_key_card(&data);
        checks::check_reply(&data);
    }
}

proptest! {
    // Most changes keep the JSON canonical and reach the signature check, which costs about
    // 50 ms in a debug build.
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_changed_envelope_is_refused(ms in mutations()) {
        let valid = valid_envelope();
        let changed = apply(&valid, &ms);
        checks::check_envelope(&changed);
        if changed != valid {
            let p = checks::parties();
            prop_assert!(envelope::open(&changed, &p.own, &p.book).is_err(), "a changed envelope opened");
        }
    }

}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn a_changed_card_is_refused_unless_it_is_the_same_card(ms in mutations()) {
        let valid = valid_card();
        let changed = apply(&valid, &ms);
        checks::check_key_card(&changed);
        if let Ok(card) = KeyCard::parse(&changed, None) {
            prop_assert_eq!(card, checks::parties().sender.card());
        }
    }

    #[test]
    fn a_changed_reply_is_refused_or_a_valid_reply(ms in mutations()) {
        let changed = apply(&valid_reply(), &ms);
        // The properties of an accepted reply are the fuzz check's.
        checks::check_reply(&changed);
    }
}
