//! `ContactBook::trusting`: a book of cards the caller vouches for, as the JS module's
//! `openEnvelope` builds it. Every card is confirmed; one key per organisation still holds.

use woonkans_core::date::Date;
use woonkans_core::envelope::{self, MessageType, Sealing};
use woonkans_core::keys::{ContactBook, Identity, OwnKeys, Role};

fn keys(role: Role, id: &str, byte: u8) -> OwnKeys {
    OwnKeys::new(
        Identity {
            role,
            organisation: format!("Organisatie {id}"),
            organisation_id: id.into(),
            region: None,
        },
        Date::new(2026, 3, 1).unwrap(),
        [byte; 64],
    )
    .unwrap()
}

fn sealed(from: &OwnKeys, to: &OwnKeys) -> Vec<u8> {
    envelope::seal(
        from,
        &Sealing {
            kind: MessageType::Bundel,
            id: [9; 16],
            date: Date::new(2026, 3, 2).unwrap(),
            payload: b"inhoud",
            recipients: vec![&to.card()],
            random: [5; 32],
        },
    )
    .unwrap()
}

#[test]
fn every_card_is_confirmed_and_dated_by_the_card() {
    let a = keys(Role::Regisseur, "regio", 1);
    let b = keys(Role::Woningcorporatie, "wonen", 2);
    let book = ContactBook::trusting([a.card(), b.card()]).unwrap();
    assert_eq!(book.contacts().len(), 2);
    for (contact, k) in book.contacts().iter().zip([&a, &b]) {
        assert!(contact.confirmed);
        assert_eq!(contact.card, k.card());
        assert_eq!(contact.imported, k.created);
        assert_eq!(contact.association_id, None);
        assert!(book.trusted(k.fingerprint()).is_some());
    }
    assert_eq!(ContactBook::trusting([]).unwrap(), ContactBook::default());
}

#[test]
fn the_same_card_twice_counts_once() {
    let a = keys(Role::Regisseur, "regio", 1);
    let book = ContactBook::trusting([a.card(), a.card()]).unwrap();
    assert_eq!(book.contacts().len(), 1);
}

#[test]
fn two_keys_of_one_organisation_are_refused() {
    let old = keys(Role::Regisseur, "regio", 1);
    let new = keys(Role::Regisseur, "regio", 3);
    let err = ContactBook::trusting([old.card(), new.card()]).unwrap_err();
    assert_eq!(err.code, "CARD_SAME_ORGANISATION");
    // The same id under another role is another organisation.
    let other_role = keys(Role::Zorgaanbieder, "regio", 4);
    assert!(ContactBook::trusting([old.card(), other_role.card()]).is_ok());
}

#[test]
fn an_envelope_opens_from_a_trusted_card_and_from_no_other() {
    let sender = keys(Role::Regisseur, "regio", 1);
    let own = keys(Role::Woningcorporatie, "wonen", 2);
    let bytes = sealed(&sender, &own);
    let book = ContactBook::trusting([sender.card()]).unwrap();
    let opened = envelope::open(&bytes, &own, &book).unwrap();
    assert_eq!(opened.payload, b"inhoud");
    assert_eq!(opened.sender.card, sender.card());
    let other = keys(Role::Regisseur, "andere-regio", 6);
    let strangers = ContactBook::trusting([other.card()]).unwrap();
    assert_eq!(
        envelope::open(&bytes, &own, &strangers).unwrap_err().code,
        "ENVELOPE_SENDER_UNKNOWN"
    );
}

#[test]
fn a_trusting_book_is_a_book_like_any_other() {
    // Stored and read back, it stays what it was; importing into it keeps its rules.
    let a = keys(Role::Woningcorporatie, "wonen", 2);
    let mut book = ContactBook::trusting([a.card()]).unwrap();
    let json = serde_json::to_string(&book).unwrap();
    assert_eq!(serde_json::from_str::<ContactBook>(&json).unwrap(), book);
    let renewed = keys(Role::Woningcorporatie, "wonen", 7);
    let imported = book
        .import(renewed.card(), None, Date::new(2026, 4, 1).unwrap(), None)
        .unwrap();
    assert!(matches!(
        imported,
        woonkans_core::keys::Imported::ChangedKey { .. }
    ));
    assert!(book.trusted(renewed.fingerprint()).is_none());
    assert!(book.trusted(a.fingerprint()).is_some());
}

#[test]
fn keys_check_accepts_new_keys_and_refuses_a_bad_identity() {
    let a = keys(Role::Regisseur, "regio", 1);
    assert!(a.check().is_ok());
    let mut value = serde_json::to_value(&a).unwrap();
    value["identity"]["organisationId"] = "Geen Id!".into();
    let bad: OwnKeys = serde_json::from_value(value).unwrap();
    assert_eq!(bad.check().unwrap_err().code, "KEYS_DAMAGED");
}
