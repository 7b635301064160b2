//! Envelopes and key cards under attack: every failure of PARTIES.md's opening order has its own
//! refusal, and a one-byte change anywhere is never accepted.

use ed25519_dalek::{Signer, SigningKey};
use serde_json::Value;
use woonkans_core::date::Date;
use woonkans_core::envelope::{self, MessageType, Sealing};
use woonkans_core::keys::{ContactBook, Fingerprint, Identity, Imported, KeyCard, OwnKeys, Role};
use woonkans_core::region::Region;

fn today() -> Date {
    Date::new(2026, 12, 7).unwrap()
}

fn party(role: Role, organisation: &str, seed: u8) -> OwnKeys {
    OwnKeys::new(
        Identity {
            role,
            organisation: organisation.into(),
            organisation_id: Identity::suggest_id(organisation),
            region: Some(Region::NoordLimburg),
        },
        today(),
        [seed; 64],
    )
    .unwrap()
}

/// A contact book that trusts these cards, each read from its file as a user would import it.
fn book(trusted: &[&OwnKeys]) -> ContactBook {
    let mut b = ContactBook::default();
    for k in trusted {
        let file = k.card().to_file(k).unwrap();
        let card = KeyCard::parse(file.as_bytes(), None).unwrap();
        let fp = card.fingerprint();
        assert_eq!(b.import(card, None, today(), None).unwrap(), Imported::New);
        b.confirm(fp, &fp.to_string()).unwrap();
    }
    b
}

fn seal(from: &OwnKeys, to: &[&OwnKeys], kind: MessageType, payload: &[u8]) -> Vec<u8> {
    let cards: Vec<KeyCard> = to.iter().map(|k| k.card()).collect();
    envelope::seal(
        from,
        &Sealing {
            kind,
            id: [9; 16],
            date: today(),
            payload,
            recipients: cards.iter().collect(),
            random: [5; 32],
        },
    )
    .unwrap()
}

fn code_of(r: Result<envelope::Opened, woonkans_core::Error>) -> &'static str {
    match r {
        Ok(_) => "OK",
        Err(e) => e.code,
    }
}

const PAYLOAD: &[u8] = br#"{"format":"woonkans-bundel","profiles":[]}"#;

#[test]
fn both_recipients_open_and_a_third_party_cannot() {
    let coordinator = party(Role::Regisseur, "Ketenregie Noord-Limburg", 1);
    let a = party(Role::Woningcorporatie, "Woonbedrijf Maasdal", 2);
    let b = party(Role::Zorgaanbieder, "Zorg Venlo", 3);
    let c = party(Role::Woningcorporatie, "Wonen Elders", 4);
    let bytes = seal(&coordinator, &[&a, &b], MessageType::Koppeling, PAYLOAD);
    for k in [&a, &b] {
        let opened = envelope::open(&bytes, k, &book(&[&coordinator])).unwrap();
        assert_eq!(opened.payload, PAYLOAD);
        assert_eq!(opened.kind, MessageType::Koppeling);
        assert_eq!(
            opened.sender.card.identity.organisation,
            "Ketenregie Noord-Limburg"
        );
        assert_eq!(opened.id, "09".repeat(16));
    }
    let e = envelope::open(&bytes, &c, &book(&[&coordinator])).unwrap_err();
    assert_eq!(e.code, "ENVELOPE_NOT_FOR_YOU");
    assert!(e.message.contains("niet voor u bestemd"));
    // The payload is nowhere in the file in the clear.
    let text = String::from_utf8(bytes).unwrap();
    assert!(!text.contains("woonkans-bundel"));
}

#[test]
fn every_one_byte_change_is_refused() {
    let coordinator = party(Role::Regisseur, "Ketenregie Noord-Limburg", 1);
    let a = party(Role::Woningcorporatie, "Woonbedrijf Maasdal", 2);
    let contacts = book(&[&coordinator]);
    let bytes = seal(&coordinator, &[&a], MessageType::Bundel, PAYLOAD);
    assert!(envelope::open(&bytes, &a, &contacts).is_ok());
    let mut accepted = Vec::new();
    for i in 0..bytes.len() {
        for delta in [0x01u8, 0x20, 0x80] {
            let mut m = bytes.clone();
            m[i] ^= delta;
            if envelope::open(&m, &a, &contacts).is_ok() {
                accepted.push((i, delta));
            }
        }
        // A deleted byte, and one byte too many.
        let mut m = bytes.clone();
        m.remove(i);
        assert!(
            envelope::open(&m, &a, &contacts).is_err(),
            "byte {i} removed"
        );
        let mut m = bytes.clone();
        m.insert(i, b' ');
        assert!(envelope::open(&m, &a, &contacts).is_err(), "space at {i}");
    }
    assert!(accepted.is_empty(), "accepted changes: {accepted:?}");
}

/// Re-signs `bytes` as `attacker`, optionally naming the attacker as the sender.
fn resign(bytes: &[u8], attacker_seed: u8, sender: Option<Fingerprint>) -> Vec<u8> {
    let mut v: Value = serde_json::from_slice(bytes).unwrap();
    let map = v.as_object_mut().unwrap();
    map.remove("signature");
    if let Some(fp) = sender {
        map.insert("sender".into(), Value::String(fp.to_string()));
    }
    let key = SigningKey::from_bytes(&[attacker_seed; 32]);
    let mut signed = b"woonkans/envelop-handtekening/v1\0".to_vec();
    signed.extend_from_slice(&woonkans_core::bundle::canonical_json(&v));
    let sig = key.sign(&signed).to_bytes();
    v["signature"] = Value::String(woonkans_core::base64::encode(&sig));
    woonkans_core::bundle::canonical_json(&v)
}

#[test]
fn a_re_signed_envelope_is_refused() {
    let coordinator = party(Role::Regisseur, "Ketenregie Noord-Limburg", 1);
    let a = party(Role::Woningcorporatie, "Woonbedrijf Maasdal", 2);
    let mallory = party(Role::Woningcorporatie, "Wonen Elders", 7);
    let bytes = seal(&coordinator, &[&a], MessageType::Bundel, PAYLOAD);
    // Signed by an unknown key, sender unchanged: the signature does not verify.
    let e = envelope::open(&resign(&bytes, 7, None), &a, &book(&[&coordinator])).unwrap_err();
    assert_eq!(e.code, "ENVELOPE_SIGNATURE_INVALID");
    // Signed by an unknown key that names itself as the sender: not in the contact book.
    let e = envelope::open(
        &resign(&bytes, 7, Some(mallory.fingerprint())),
        &a,
        &book(&[&coordinator]),
    )
    .unwrap_err();
    assert_eq!(e.code, "ENVELOPE_SENDER_UNKNOWN");
    // A known, trusted party that takes over someone else's envelope as its own: its signature
    // verifies, but the header (the AEAD's associated data) names another sender, so the
    // ciphertext no longer opens.
    let e = envelope::open(
        &resign(&bytes, 7, Some(mallory.fingerprint())),
        &a,
        &book(&[&coordinator, &mallory]),
    )
    .unwrap_err();
    assert_eq!(e.code, "ENVELOPE_DECRYPT_FAILED");
}

#[test]
fn an_unconfirmed_sender_is_refused() {
    let coordinator = party(Role::Regisseur, "Ketenregie Noord-Limburg", 1);
    let a = party(Role::Woningcorporatie, "Woonbedrijf Maasdal", 2);
    let mut contacts = ContactBook::default();
    contacts
        .import(coordinator.card(), None, today(), None)
        .unwrap();
    let bytes = seal(&coordinator, &[&a], MessageType::Bundel, PAYLOAD);
    assert_eq!(
        code_of(envelope::open(&bytes, &a, &contacts)),
        "ENVELOPE_SENDER_UNCONFIRMED"
    );
}

#[test]
fn bad_files_get_their_own_message() {
    let coordinator = party(Role::Regisseur, "Ketenregie Noord-Limburg", 1);
    let a = party(Role::Woningcorporatie, "Woonbedrijf Maasdal", 2);
    let contacts = book(&[&coordinator]);
    let bytes = seal(&coordinator, &[&a], MessageType::Bundel, PAYLOAD);
    let open = |b: &[u8]| code_of(envelope::open(b, &a, &contacts));
    assert_eq!(open(&bytes[..bytes.len() / 2]), "ENVELOPE_INVALID");
    assert_eq!(open(b""), "ENVELOPE_INVALID");
    assert_eq!(open(b"Naam;BSN\nJan;123456782\n"), "ENVELOPE_INVALID");
    assert_eq!(open(&[0xff, 0xfe, 0x00]), "ENVELOPE_INVALID");
    let card = coordinator.card().to_file(&coordinator).unwrap();
    assert_eq!(open(card.as_bytes()), "ENVELOPE_OTHER_FORMAT");
    assert_eq!(
        open(br#"{"format":"woonkans-bundel","version":1}"#),
        "ENVELOPE_OTHER_FORMAT"
    );
    let newer = String::from_utf8(bytes.clone())
        .unwrap()
        .replace("\"version\":1", "\"version\":2");
    assert_eq!(open(newer.as_bytes()), "ENVELOPE_VERSION_NEWER");
    let mut big = bytes.clone();
    big.resize(50 * 1024 * 1024, b' ');
    let e = envelope::open(&big, &a, &contacts).unwrap_err();
    assert_eq!(e.code, "ENVELOPE_TOO_LARGE");
    assert!(e.message.contains("Er is niets ingelezen"));
}

#[test]
fn the_expected_type_is_enforced() {
    let coordinator = party(Role::Regisseur, "Ketenregie Noord-Limburg", 1);
    let a = party(Role::Woningcorporatie, "Woonbedrijf Maasdal", 2);
    let bytes = seal(&coordinator, &[&a], MessageType::Reactie, PAYLOAD);
    let e = envelope::open_expecting(&bytes, &a, &book(&[&coordinator]), MessageType::Bundel)
        .unwrap_err();
    assert_eq!(e.code, "ENVELOPE_WRONG_TYPE");
}

#[test]
fn the_fingerprint_matches_an_independent_computation() {
    // SHA-256("woonkans/sleutelkaart/v1\0" || Ed25519 key of RFC 8032 test 1 || X25519 key pkRm
    // of RFC 9180 A.2.1), first 20 bytes, RFC 4648 base32 mapped onto Crockford's alphabet:
    // computed with Python's hashlib and base64, not with this crate.
    let hex = |s: &str| -> [u8; 32] {
        (0..32)
            .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
            .collect::<Vec<_>>()
            .try_into()
            .unwrap()
    };
    let fp = Fingerprint::of(
        &hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"),
        &hex("4310ee97d88cc1f088a5576c77ab0cf5c3ac797f3d95139c6c84b5429c59662a"),
    );
    assert_eq!(fp.to_string(), "FBN2-BC3W-82WX-3B49-1BQZ-9P05-CY4S-2GE8");
    // Read back as people type it.
    for typed in [
        "FBN2-BC3W-82WX-3B49-1BQZ-9P05-CY4S-2GE8",
        "fbn2 bc3w 82wx 3b49 1bqz 9p05 cy4s 2ge8",
        "FBN2BC3W82WX3B49IBQZ9PO5CY4S2GE8",
    ] {
        assert_eq!(Fingerprint::parse(typed).unwrap(), fp, "{typed}");
    }
    for wrong in [
        "FBN2-BC3W",
        "FBN2-BC3W-82WX-3B49-1BQZ-9P05-CY4S-2GE8-0000",
        "UBN2-BC3W-82WX-3B49-1BQZ-9P05-CY4S-2GE8",
    ] {
        assert!(Fingerprint::parse(wrong).is_err(), "{wrong}");
    }
}

fn edit_card(file: &str, field: &str, value: Value) -> String {
    let mut v: Value = serde_json::from_str(file).unwrap();
    v[field] = value;
    serde_json::to_string_pretty(&v).unwrap()
}

#[test]
fn a_changed_or_misused_card_is_refused() {
    let a = party(Role::Woningcorporatie, "Woonbedrijf Maasdal", 2);
    let other = party(Role::Woningcorporatie, "Wonen Elders", 4);
    let file = a.card().to_file(&a).unwrap();
    assert_eq!(
        KeyCard::parse(file.as_bytes(), Some(Role::Woningcorporatie)).unwrap(),
        a.card()
    );
    let e = KeyCard::parse(file.as_bytes(), Some(Role::Zorgaanbieder)).unwrap_err();
    assert_eq!(e.code, "CARD_WRONG_ROLE");
    // Another fingerprint written on the card.
    let bad = edit_card(
        &file,
        "fingerprint",
        Value::String(other.fingerprint().to_string()),
    );
    assert_eq!(
        KeyCard::parse(bad.as_bytes(), None).unwrap_err().code,
        "CARD_FINGERPRINT_MISMATCH"
    );
    // Someone else's encryption key under this organisation, fingerprint recomputed: the card's
    // own signature no longer verifies.
    let enc = woonkans_core::base64::encode(&other.public_encryption_key());
    let mut swapped: Value =
        serde_json::from_str(&edit_card(&file, "encryptionKey", Value::String(enc))).unwrap();
    swapped["fingerprint"] = Value::String(
        Fingerprint::of(&a.public_signing_key(), &other.public_encryption_key()).to_string(),
    );
    assert_eq!(
        KeyCard::parse(swapped.to_string().as_bytes(), None)
            .unwrap_err()
            .code,
        "CARD_SIGNATURE_INVALID"
    );
    // Another organisation name, or another role.
    let renamed = edit_card(&file, "organisation", Value::String("Wonen Limburg".into()));
    assert_eq!(
        KeyCard::parse(renamed.as_bytes(), None).unwrap_err().code,
        "CARD_SIGNATURE_INVALID"
    );
    let role = edit_card(&file, "role", Value::String("regisseur".into()));
    assert_eq!(
        KeyCard::parse(role.as_bytes(), None).unwrap_err().code,
        "CARD_SIGNATURE_INVALID"
    );
    let role = edit_card(&file, "role", Value::String("burgemeester".into()));
    assert_eq!(
        KeyCard::parse(role.as_bytes(), None).unwrap_err().code,
        "CARD_INVALID"
    );
    // Truncated, other formats, too large.
    assert_eq!(
        KeyCard::parse(&file.as_bytes()[..40], None)
            .unwrap_err()
            .code,
        "CARD_INVALID"
    );
    assert_eq!(
        KeyCard::parse(b"BEGIN:VCARD", None).unwrap_err().code,
        "CARD_INVALID"
    );
    let big = vec![b' '; 100_000];
    assert_eq!(KeyCard::parse(&big, None).unwrap_err().code, "CARD_INVALID");
}

#[test]
fn a_changed_key_waits_for_confirmation() {
    let a1 = party(Role::Woningcorporatie, "Woonbedrijf Maasdal", 2);
    let a2 = party(Role::Woningcorporatie, "Woonbedrijf Maasdal", 12);
    let coordinator = party(Role::Regisseur, "Ketenregie Noord-Limburg", 1);
    let mut b = book(&[&a1]);
    let old = a1.fingerprint();
    let new = a2.fingerprint();
    assert_eq!(
        b.import(a2.card(), None, today(), None).unwrap(),
        Imported::ChangedKey { previous: old }
    );
    // The old key is still the one in use; the new one is not trusted.
    assert!(b.trusted(old).is_some());
    assert!(b.trusted(new).is_none());
    let from_new = seal(&a2, &[&coordinator], MessageType::Reactie, PAYLOAD);
    assert_eq!(
        code_of(envelope::open(&from_new, &coordinator, &b)),
        "ENVELOPE_SENDER_UNCONFIRMED"
    );
    // A fingerprint that is not the card's is refused, and changes nothing.
    let before = b.clone();
    assert_eq!(
        b.confirm(new, &old.to_string()).unwrap_err().code,
        "FINGERPRINT_MISMATCH"
    );
    assert_eq!(b, before);
    b.confirm(new, &new.to_string().to_lowercase()).unwrap();
    assert!(b.trusted(new).is_some());
    assert!(b.get(old).is_none(), "the replaced key is gone");
    assert!(envelope::open(&from_new, &coordinator, &b).is_ok());
    // Importing the same card again changes nothing; removing forgets it.
    assert_eq!(
        b.import(a2.card(), None, today(), None).unwrap(),
        Imported::Known
    );
    b.remove(new).unwrap();
    assert!(b.contacts().is_empty());
    assert_eq!(b.remove(new).unwrap_err().code, "CONTACT_NOT_FOUND");
}

#[test]
fn own_keys_show_no_secret() {
    let k = party(Role::Regisseur, "Ketenregie Noord-Limburg", 1);
    let debug = format!("{k:?}");
    let json = serde_json::to_string(&k).unwrap();
    let secret = woonkans_core::base64::encode(&[1u8; 32]);
    assert!(json.contains(&secret), "the vault record keeps the seed");
    assert!(!debug.contains(&secret), "Debug shows no secret: {debug}");
    assert!(debug.contains(&k.fingerprint().to_string()));
}
