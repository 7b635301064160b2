//! Keys, key cards and envelopes through the JS API (`crates/wasm/src/envelope.rs`), in headless
//! Chromium: parties made by `createKeys`, cards exchanged as file text, an envelope sealed to
//! one party and opened by it, and every way opening must refuse.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JSON, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use woonkans_wasm::envelope::*;

wasm_bindgen_test_configure!(run_in_browser);

fn parse(text: &str) -> JsValue {
    JSON::parse(text).unwrap()
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap()
}

fn text(v: &JsValue, key: &str) -> String {
    get(v, key).as_string().unwrap_or_default()
}

fn code_of(err: JsValue) -> String {
    text(&err, "code")
}

fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in fields {
        Reflect::set(&o, &(*k).into(), v).unwrap();
    }
    o.into()
}

fn strings<S: AsRef<str>>(items: &[S]) -> JsValue {
    items
        .iter()
        .map(|s| JsValue::from(s.as_ref()))
        .collect::<Array>()
        .into()
}

/// An organisation as the JS caller knows it: its secret keys (a plain object) and its card.
struct Party {
    keys: JsValue,
    card: String,
}

fn party(role: &str, organisation: &str, id: &str) -> Party {
    let identity = parse(&format!(
        r#"{{"role": "{role}", "organisation": "{organisation}", "organisationId": "{id}",
            "region": "noordLimburg"}}"#
    ));
    let keys = create_keys(identity, "2026-06-01".into()).unwrap();
    let card = key_card(keys.clone()).unwrap();
    Party { keys, card }
}

fn coordinator() -> Party {
    party("regisseur", "Regio Noord-Limburg", "regio-nl")
}

fn association() -> Party {
    party("woningcorporatie", "Voorbeeld Wonen", "voorbeeld-wonen")
}

fn care_provider() -> Party {
    party("zorgaanbieder", "Zorg Noord", "zorg-noord")
}

fn seal(from: &Party, kind: &str, payload: JsValue, to: &[&Party]) -> Result<Vec<u8>, JsValue> {
    let cards: Vec<&str> = to.iter().map(|p| p.card.as_str()).collect();
    seal_envelope(object(&[
        ("keys", from.keys.clone()),
        ("type", kind.into()),
        ("date", "2026-06-02".into()),
        ("payload", payload),
        ("recipients", strings(&cards)),
    ]))
    .map(|a| a.to_vec())
}

fn open(
    by: &Party,
    bytes: &[u8],
    trusted: &[&Party],
    expected: Option<&str>,
) -> Result<JsValue, JsValue> {
    let cards: Vec<&str> = trusted.iter().map(|p| p.card.as_str()).collect();
    let mut fields = vec![
        ("keys", by.keys.clone()),
        ("bytes", Uint8Array::from(bytes).into()),
        ("contacts", strings(&cards)),
    ];
    if let Some(kind) = expected {
        fields.push(("expectedType", kind.into()));
    }
    open_envelope(object(&fields))
}

const PAYLOAD: &[u8] = br#"{"format":"woonkans-bundel","version":1,"profiles":[]}"#;

#[wasm_bindgen_test]
fn keys_are_a_plain_json_object_and_new_every_time() {
    let a = coordinator();
    for field in ["signingSecret", "encryptionSecret"] {
        let secret = text(&a.keys, field);
        assert_eq!(secret.len(), 44, "{field}: 32 bytes in base64");
    }
    assert_eq!(text(&a.keys, "created"), "2026-06-01");
    assert_eq!(text(&get(&a.keys, "identity"), "role"), "regisseur");
    // Stored as JSON text and read back, the keys still make the same card.
    let stored = JSON::stringify(&a.keys).unwrap().as_string().unwrap();
    assert_eq!(key_card(parse(&stored)).unwrap(), a.card);
    let b = coordinator();
    assert_ne!(
        text(&a.keys, "signingSecret"),
        text(&b.keys, "signingSecret")
    );
    assert_ne!(a.card, b.card);
}

#[wasm_bindgen_test]
fn a_card_reads_back_with_its_fingerprint() {
    let a = association();
    assert!(a.card.contains("\"format\": \"woonkans-sleutelkaart\""));
    let info = read_key_card(a.card.as_str().into(), JsValue::UNDEFINED).unwrap();
    let identity = get(&info, "identity");
    assert_eq!(text(&identity, "organisation"), "Voorbeeld Wonen");
    assert_eq!(text(&identity, "organisationId"), "voorbeeld-wonen");
    assert_eq!(text(&identity, "region"), "noordLimburg");
    assert_eq!(text(&info, "created"), "2026-06-01");
    let fp = text(&info, "fingerprint");
    assert_eq!(fp.len(), 39);
    assert_eq!(fp.split('-').count(), 8);
    assert!(
        fp.chars()
            .all(|c| c == '-' || c.is_ascii_digit() || c.is_ascii_uppercase())
    );
    assert!(read_key_card(a.card.as_str().into(), "woningcorporatie".into()).is_ok());
    assert_eq!(
        code_of(read_key_card(a.card.as_str().into(), "regisseur".into()).unwrap_err()),
        "CARD_WRONG_ROLE"
    );
    let edited = a.card.replace("Voorbeeld Wonen", "Voorbeeld Wanen");
    assert_eq!(
        code_of(read_key_card(edited.as_str().into(), JsValue::NULL).unwrap_err()),
        "CARD_SIGNATURE_INVALID"
    );
}

#[wasm_bindgen_test]
fn sealed_to_one_party_opened_by_it() {
    let (from, to) = (coordinator(), association());
    let bytes = seal(&from, "bundel", Uint8Array::from(PAYLOAD).into(), &[&to]).unwrap();
    assert!(bytes.starts_with(b"{"));
    let opened = open(&to, &bytes, &[&from], None).unwrap();
    assert_eq!(text(&opened, "type"), "bundel");
    assert_eq!(text(&opened, "date"), "2026-06-02");
    let id = text(&opened, "id");
    assert!(id.len() == 32 && id.chars().all(|c| c.is_ascii_hexdigit()));
    let sender = get(&opened, "sender");
    let from_info = read_key_card(from.card.as_str().into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(
        text(&sender, "fingerprint"),
        text(&from_info, "fingerprint")
    );
    assert_eq!(text(&get(&sender, "identity"), "role"), "regisseur");
    let payload = get(&opened, "payload");
    assert!(payload.is_instance_of::<Uint8Array>());
    assert_eq!(Uint8Array::new(&payload).to_vec(), PAYLOAD);
    // The same payload sealed again is another envelope: a new id, new ephemeral keys.
    let again = seal(&from, "bundel", Uint8Array::from(PAYLOAD).into(), &[&to]).unwrap();
    assert_ne!(again, bytes);
    assert_ne!(text(&open(&to, &again, &[&from], None).unwrap(), "id"), id);
}

#[wasm_bindgen_test]
fn text_payload_is_sealed_as_utf8_and_every_recipient_opens() {
    let (from, a, b) = (coordinator(), association(), care_provider());
    let bytes = seal(&from, "koppeling", "Koppeling één".into(), &[&a, &b]).unwrap();
    for to in [&a, &b] {
        let opened = open(to, &bytes, &[&from], Some("koppeling")).unwrap();
        assert_eq!(
            Uint8Array::new(&get(&opened, "payload")).to_vec(),
            "Koppeling één".as_bytes()
        );
    }
}

#[wasm_bindgen_test]
fn a_third_party_cannot_open_it() {
    let (from, to, third) = (coordinator(), association(), care_provider());
    let bytes = seal(&from, "bundel", Uint8Array::from(PAYLOAD).into(), &[&to]).unwrap();
    assert_eq!(
        code_of(open(&third, &bytes, &[&from], None).unwrap_err()),
        "ENVELOPE_NOT_FOR_YOU"
    );
    // Nor the sender itself, when it did not seal to itself.
    assert_eq!(
        code_of(open(&from, &bytes, &[&from], None).unwrap_err()),
        "ENVELOPE_NOT_FOR_YOU"
    );
}

#[wasm_bindgen_test]
fn a_one_byte_change_is_refused_anywhere() {
    let (from, to) = (coordinator(), association());
    let bytes = seal(&from, "bundel", Uint8Array::from(PAYLOAD).into(), &[&to]).unwrap();
    let positions: Vec<usize> = (0..bytes.len())
        .step_by(5)
        .chain([bytes.len() - 1])
        .collect();
    for i in positions {
        for change in [1u8, 0x20] {
            let mut changed = bytes.clone();
            changed[i] ^= change;
            let err = match open(&to, &changed, &[&from], None) {
                Ok(_) => panic!("byte {i} ^ {change:#x}: the changed envelope opened"),
                Err(e) => e,
            };
            let code = code_of(err);
            assert!(
                code.starts_with("ENVELOPE_"),
                "byte {i} ^ {change:#x}: {code}"
            );
        }
    }
    // The untouched envelope still opens.
    assert!(open(&to, &bytes, &[&from], None).is_ok());
}

#[wasm_bindgen_test]
fn an_unknown_sender_is_refused() {
    let (from, to, other) = (coordinator(), association(), coordinator());
    let bytes = seal(&from, "bundel", Uint8Array::from(PAYLOAD).into(), &[&to]).unwrap();
    assert_eq!(
        code_of(open(&to, &bytes, &[], None).unwrap_err()),
        "ENVELOPE_SENDER_UNKNOWN"
    );
    // Another coordinator's card (same organisation, other keys) is not the sender's.
    assert_eq!(
        code_of(open(&to, &bytes, &[&other], None).unwrap_err()),
        "ENVELOPE_SENDER_UNKNOWN"
    );
    // The sender's card beside an unrelated trusted card: opens.
    assert!(open(&to, &bytes, &[&care_provider(), &from], None).is_ok());
}

#[wasm_bindgen_test]
fn the_wrong_expected_type_is_refused() {
    let (from, to) = (coordinator(), association());
    let bytes = seal(&from, "bundel", Uint8Array::from(PAYLOAD).into(), &[&to]).unwrap();
    assert!(open(&to, &bytes, &[&from], Some("bundel")).is_ok());
    let err = open(&to, &bytes, &[&from], Some("reactie")).unwrap_err();
    assert_eq!(code_of(err.clone()), "ENVELOPE_WRONG_TYPE");
    assert!(text(&err, "message").contains("bundel"));
    // null and undefined expect nothing.
    let fields = |expected: JsValue| {
        object(&[
            ("keys", to.keys.clone()),
            ("bytes", Uint8Array::from(bytes.as_slice()).into()),
            ("contacts", strings(&[&from.card])),
            ("expectedType", expected),
        ])
    };
    assert!(open_envelope(fields(JsValue::NULL)).is_ok());
    assert!(open_envelope(fields(JsValue::UNDEFINED)).is_ok());
}

#[wasm_bindgen_test]
fn a_reply_travels_back_in_a_reactie_envelope() {
    let (coordinator, association) = (coordinator(), association());
    let answers = parse(
        r#"[{"code": "WK-W68Q9-NRZH0-6", "answer": "dwellingOffered", "dwellingId": "VL-0042"},
            {"code": "WK-5X8TR-G307G-6", "answer": "noOffer", "reason": "quotaFull"}]"#,
    );
    let reply = make_reply(object(&[
        ("bundleId", "00112233445566778899aabbccddeeff".into()),
        ("associationId", "voorbeeld-wonen".into()),
        ("date", "02-06-2026".into()),
        ("answers", answers),
    ]))
    .unwrap();
    let bytes = seal(&association, "reactie", reply.into(), &[&coordinator]).unwrap();
    let opened = open(&coordinator, &bytes, &[&association], Some("reactie")).unwrap();
    let read = read_reply(get(&opened, "payload")).unwrap();
    assert_eq!(text(&read, "format"), "woonkans-reactie");
    assert_eq!(text(&read, "associationId"), "voorbeeld-wonen");
    assert_eq!(text(&read, "date"), "2026-06-02");
    let list = Array::from(&get(&read, "answers"));
    assert_eq!(list.length(), 2);
    assert_eq!(text(&list.get(0), "dwellingId"), "VL-0042");
    assert_eq!(text(&list.get(1), "reason"), "quotaFull");
    assert!(get(&list.get(0), "reason").is_undefined());
}
