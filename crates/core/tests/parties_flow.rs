//! Coordinator and association, each in its own workspace: cards exchanged and confirmed, a
//! sealed bundle, the association's sealed reply, the answers on the right cases, a replay, and
//! the hand-over as an envelope. The expected code of each case is derived here from the key.

use woonkans_core::bundle::{WriteError, WrittenBundle};
use woonkans_core::code::{self, CodeKey};
use woonkans_core::date::Date;
use woonkans_core::envelope::{self, MessageType};
use woonkans_core::fixtures::{self, RESIDENTS};
use woonkans_core::handover::HandoverConfirmation;
use woonkans_core::keys::{Identity, Imported, Role};
use woonkans_core::parties::SealedFile;
use woonkans_core::region::Region;
use woonkans_core::reply::{AnswerKind, CodeAnswer, NoOfferReason};
use woonkans_core::sample::sample_offer;
use woonkans_core::workspace::Workspace;

const ASSOCIATION: &str = "vb-maasdal";
const AT: &str = "2026-12-07T10:00:00";

fn today() -> Date {
    Date::new(2026, 12, 7).unwrap()
}

fn key() -> CodeKey {
    CodeKey::from_bytes([3; 32])
}

fn identity(role: Role, organisation: &str, id: &str) -> Identity {
    Identity {
        role,
        organisation: organisation.into(),
        organisation_id: id.into(),
        region: Some(Region::NoordLimburg),
    }
}

/// The coordinator with three ready cases, the association, cards exchanged and confirmed.
fn two_vaults() -> (Workspace, Workspace) {
    let mut coordinator = fixtures::workspace();
    for (i, r) in RESIDENTS.iter().take(3).enumerate() {
        fixtures::add_ready_case(&mut coordinator, &format!("c{i}"), r);
    }
    coordinator
        .create_keys(
            identity(
                Role::Regisseur,
                "Ketenregie Noord-Limburg",
                "ketenregie-noord-limburg",
            ),
            today(),
            [1; 64],
        )
        .unwrap();
    let mut association = Workspace::new(sample_offer());
    association
        .create_keys(
            identity(
                Role::Woningcorporatie,
                "Voorbeeld Woonstichting Maasdal",
                ASSOCIATION,
            ),
            today(),
            [2; 64],
        )
        .unwrap();
    exchange(&mut coordinator, &mut association);
    (coordinator, association)
}

fn exchange(coordinator: &mut Workspace, association: &mut Workspace) {
    let (_, a_card) = association.own_card_file().unwrap();
    let (_, c_card) = coordinator.own_card_file().unwrap();
    assert_eq!(
        coordinator
            .import_card(a_card.as_bytes(), None, today())
            .unwrap(),
        Imported::New
    );
    assert_eq!(
        association
            .import_card(c_card.as_bytes(), None, today())
            .unwrap(),
        Imported::New
    );
    let a_fp = association.parties().keys().unwrap().fingerprint();
    let c_fp = coordinator.parties().keys().unwrap().fingerprint();
    coordinator
        .confirm_contact(a_fp, &a_fp.to_string())
        .unwrap();
    association
        .confirm_contact(c_fp, &c_fp.to_string())
        .unwrap();
    // Linked to the offer's association by the card's id.
    assert_eq!(
        coordinator
            .parties()
            .contacts()
            .get(a_fp)
            .unwrap()
            .association_id
            .as_deref(),
        Some(ASSOCIATION)
    );
}

/// The bundle of `ids` for the association, sealed with the fixed ids and randomness.
fn seal(ws: &mut Workspace, ids: &[String]) -> Result<(SealedFile, WrittenBundle), WriteError> {
    ws.seal_bundle(&key(), ASSOCIATION, ids, [7; 16], [8; 32], today(), AT)
}

fn ids() -> Vec<String> {
    vec!["c2".into(), "c0".into(), "c1".into()]
}

#[test]
fn bundle_reply_and_answers_on_the_right_cases() {
    let (mut coordinator, mut association) = two_vaults();
    let (file, written) = seal(&mut coordinator, &ids()).unwrap();
    assert!(file.file_name.starts_with("woonkans-bundel-2026-12-07-"));
    assert!(!String::from_utf8_lossy(&file.bytes).contains("profiles"));
    // The sealed payload is the guarded bundle, byte for byte.
    let i = association.open_bundle(&file.bytes, AT).unwrap();
    let received = association.parties().inbox()[i].clone();
    assert_eq!(received.payload.as_bytes(), written.bytes.as_slice());
    assert_eq!(received.organisation, "Ketenregie Noord-Limburg");
    let bundle = received.bundle().unwrap();
    // Opening it again keeps one copy.
    assert_eq!(association.open_bundle(&file.bytes, AT).unwrap(), i);
    assert_eq!(association.parties().inbox().len(), 1);

    // Every case's code, derived here from the key and the resident's BSN.
    let expected: Vec<(String, code::Code)> = ["c0", "c1", "c2"]
        .iter()
        .map(|id| {
            let stable = coordinator.case(id).unwrap().stable_id().to_string();
            (id.to_string(), code::derive(&key(), ASSOCIATION, &stable))
        })
        .collect();
    let mut in_bundle: Vec<_> = bundle.profiles.iter().map(|p| p.code).collect();
    let mut want: Vec<_> = expected.iter().map(|(_, c)| *c).collect();
    in_bundle.sort_by_key(|c| c.value());
    want.sort_by_key(|c| c.value());
    assert_eq!(in_bundle, want);

    // Three different answers, one per case.
    let answer_for = |id: &str| -> CodeAnswer {
        let code = expected.iter().find(|(i, _)| i == id).unwrap().1;
        match id {
            "c0" => CodeAnswer {
                code,
                answer: AnswerKind::Interest,
                dwelling_id: None,
                reason: None,
            },
            "c1" => CodeAnswer {
                code,
                answer: AnswerKind::DwellingOffered,
                dwelling_id: Some("VM-0012".into()),
                reason: None,
            },
            _ => CodeAnswer {
                code,
                answer: AnswerKind::NoOffer,
                dwelling_id: None,
                reason: Some(NoOfferReason::QuotaFull),
            },
        }
    };
    let answers: Vec<CodeAnswer> = ["c2", "c0", "c1"].iter().map(|id| answer_for(id)).collect();
    let reply = association
        .seal_reply(
            &received.envelope_id,
            answers,
            [9; 16],
            [10; 32],
            today(),
            AT,
        )
        .unwrap();
    assert!(association.parties().inbox()[i].replied.is_some());

    let receipt = coordinator
        .open_reply(&reply.bytes, Some(&key()), AT)
        .unwrap();
    assert_eq!(receipt.association_id, ASSOCIATION);
    assert_eq!(receipt.unknown, 0);
    assert_eq!(receipt.answered.len(), 3);
    for id in ["c0", "c1", "c2"] {
        let got = &coordinator.case(id).unwrap().replies[ASSOCIATION];
        assert_eq!(got.answer, answer_for(id), "{id}");
        assert!(
            coordinator
                .case(id)
                .unwrap()
                .log
                .iter()
                .any(|e| e.bundle_id == got.envelope_id)
        );
    }
    // A replayed reply: refused as processed, nothing changes.
    let before = coordinator.clone();
    let e = coordinator
        .open_reply(&reply.bytes, Some(&key()), AT)
        .unwrap_err();
    assert_eq!(e.code, "ENVELOPE_ALREADY_PROCESSED");
    assert_eq!(coordinator, before);
}

#[test]
fn no_card_no_bundle_and_nothing_changes() {
    let mut coordinator = fixtures::workspace();
    fixtures::add_ready_case(&mut coordinator, "c0", &RESIDENTS[0]);
    let before = coordinator.clone();
    let e = seal(&mut coordinator, &["c0".into()])
        .unwrap_err()
        .to_error();
    assert_eq!(e.code, "KEYS_MISSING");
    coordinator
        .create_keys(
            identity(Role::Regisseur, "Ketenregie", "ketenregie"),
            today(),
            [1; 64],
        )
        .unwrap();
    let before_keys = coordinator.clone();
    let e = seal(&mut coordinator, &["c0".into()])
        .unwrap_err()
        .to_error();
    assert_eq!(e.code, "CONTACT_MISSING");
    assert!(e.message.contains("Voorbeeld Woonstichting Maasdal"));
    assert!(e.message.contains("sleutelkaart"));
    assert_eq!(coordinator, before_keys);
    assert_eq!(coordinator.cases(), before.cases());
    assert!(coordinator.log().is_empty());
}

#[test]
fn a_bundle_for_another_association_is_not_for_you() {
    let (mut coordinator, _) = two_vaults();
    let mut other = Workspace::new(sample_offer());
    other
        .create_keys(
            identity(Role::Woningcorporatie, "Woonbedrijf Thuis", "vb-thuis"),
            today(),
            [4; 64],
        )
        .unwrap();
    let (_, c_card) = coordinator.own_card_file().unwrap();
    other.import_card(c_card.as_bytes(), None, today()).unwrap();
    let c_fp = coordinator.parties().keys().unwrap().fingerprint();
    other.confirm_contact(c_fp, &c_fp.to_string()).unwrap();
    let (file, _) = seal(&mut coordinator, &ids()).unwrap();
    let before = other.clone();
    let e = other.open_bundle(&file.bytes, AT).unwrap_err();
    assert_eq!(e.code, "ENVELOPE_NOT_FOR_YOU");
    assert_eq!(other, before);
}

#[test]
fn a_reply_about_codes_not_in_the_bundle_is_refused() {
    let (mut coordinator, mut association) = two_vaults();
    let (file, _) = seal(&mut coordinator, &["c0".into()]).unwrap();
    association.open_bundle(&file.bytes, AT).unwrap();
    let env = association.parties().inbox()[0].envelope_id.clone();
    let stranger = code::derive(&key(), ASSOCIATION, "999999990");
    let e = association
        .seal_reply(
            &env,
            vec![CodeAnswer {
                code: stranger,
                answer: AnswerKind::Interest,
                dwelling_id: None,
                reason: None,
            }],
            [9; 16],
            [10; 32],
            today(),
            AT,
        )
        .unwrap_err();
    assert_eq!(e.code, "REPLY_UNKNOWN_CODE");
}

#[test]
fn the_hand_over_is_sealed_to_the_accepted_association() {
    let (mut coordinator, association) = two_vaults();
    seal(&mut coordinator, &["c0".into()]).unwrap();
    let d = &mut coordinator.case_mut("c0").unwrap().dossier;
    d.address.street = "Kerkstraat".into();
    d.address.house_number = 3;
    d.address.postcode = "5911 AB".into();
    d.address.place = "Venlo".into();
    d.phones = vec!["0612345678".into()];
    woonkans_core::routeplanner::accept_match(
        &mut coordinator,
        "c0",
        ASSOCIATION,
        None,
        today(),
        "Inwoner",
    )
    .unwrap();
    fixtures::documents_in(&mut coordinator.case_mut("c0").unwrap().dossier);
    let (file, handover) = coordinator
        .seal_handover(
            "c0",
            HandoverConfirmation {
                grondslag_confirmed: true,
                confirmed_by: "Ketenregisseur".into(),
                date: today(),
            },
            [11; 16],
            [12; 32],
            AT,
        )
        .unwrap();
    let surname = RESIDENTS[0].surname;
    assert!(!String::from_utf8_lossy(&file.bytes).contains(surname));
    let opened = envelope::open_expecting(
        &file.bytes,
        association.parties().keys().unwrap(),
        association.parties().contacts(),
        MessageType::Huurgegevens,
    )
    .unwrap();
    assert_eq!(opened.payload, handover.to_json().into_bytes());
    assert!(String::from_utf8(opened.payload).unwrap().contains(surname));
    assert!(
        coordinator
            .case("c0")
            .unwrap()
            .handed_over
            .contains_key(ASSOCIATION)
    );
    // Step 6 is the care provider's with the resident now: the association refuses the
    // coordinator's old hand-over by its sender, and keeps nothing.
    let mut association = association;
    association.choose_role(Role::Woningcorporatie).unwrap();
    assert_eq!(
        association
            .open_huurgegevens(&file.bytes, AT)
            .unwrap_err()
            .code,
        "ENVELOPE_SENDER_ROLE"
    );
    assert!(association.parties().huurgegevens().is_empty());
}

#[test]
fn new_keys_name_who_must_get_the_new_card() {
    let (mut coordinator, association) = two_vaults();
    let old = coordinator.parties().keys().unwrap().fingerprint();
    let tell = coordinator.renew_keys(today(), [21; 64]).unwrap();
    assert_eq!(tell.len(), 1);
    assert_eq!(
        tell[0].card.identity.organisation,
        "Voorbeeld Woonstichting Maasdal"
    );
    assert_ne!(coordinator.parties().keys().unwrap().fingerprint(), old);
    // A bundle signed by the new key is refused by the association until it confirms the new card.
    let (file, _) = seal(&mut coordinator, &["c0".into()]).unwrap();
    let mut a = association.clone();
    assert_eq!(
        a.open_bundle(&file.bytes, AT).unwrap_err().code,
        "ENVELOPE_SENDER_UNKNOWN"
    );
    let (_, card) = coordinator.own_card_file().unwrap();
    assert!(matches!(
        a.import_card(card.as_bytes(), None, today()).unwrap(),
        Imported::ChangedKey { previous } if previous == old
    ));
    assert_eq!(
        a.open_bundle(&file.bytes, AT).unwrap_err().code,
        "ENVELOPE_SENDER_UNCONFIRMED"
    );
    let new = coordinator.parties().keys().unwrap().fingerprint();
    a.confirm_contact(new, &new.to_string()).unwrap();
    assert!(a.open_bundle(&file.bytes, AT).is_ok());
}

#[test]
fn keys_travel_in_the_stored_workspace() {
    let (coordinator, _) = two_vaults();
    let back = Workspace::from_json(&coordinator.to_json()).unwrap();
    assert_eq!(back, coordinator);
    // A workspace stored before envelopes reads as one without keys.
    let mut old: serde_json::Value = serde_json::from_str(&coordinator.to_json()).unwrap();
    old.as_object_mut().unwrap().remove("parties");
    let back = Workspace::from_json(&old.to_string()).unwrap();
    assert!(back.parties().keys().is_none());
    assert_eq!(back.cases(), coordinator.cases());
}
