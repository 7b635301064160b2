//! The error sweep over the keys, key-card, envelope and reply functions of the JS API
//! (`crates/wasm/src/envelope.rs`), in headless Chromium: each function once with good input,
//! then with bad input of every kind (garbage objects, text and bytes), every field of the input
//! objects wrongly typed one at a time, and the refusals that have their own code. The checks are
//! in `common/mod.rs`.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use js_sys::{Array, JSON, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use woonkans_wasm::envelope;

wasm_bindgen_test_configure!(run_in_browser);

fn identity(role: &str, id: &str) -> JsValue {
    parse(&format!(
        r#"{{"role": "{role}", "organisation": "Organisatie {id}", "organisationId": "{id}"}}"#
    ))
}

fn keys(role: &str, id: &str) -> JsValue {
    envelope::create_keys(identity(role, id), "2026-06-01".into()).unwrap()
}

fn card(keys: &JsValue) -> String {
    envelope::key_card(keys.clone()).unwrap()
}

fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in fields {
        Reflect::set(&o, &(*k).into(), v).unwrap();
    }
    o.into()
}

fn list<S: AsRef<str>>(items: &[S]) -> JsValue {
    items
        .iter()
        .map(|s| JsValue::from(s.as_ref()))
        .collect::<Array>()
        .into()
}

/// A copy of an input object with one field replaced.
fn with(input: &JsValue, key: &str, value: JsValue) -> JsValue {
    let copy = Object::assign(&Object::new(), input.unchecked_ref());
    Reflect::set(&copy, &key.into(), &value).unwrap();
    copy.into()
}

struct Fixture {
    sender: JsValue,
    recipient: JsValue,
    seal_input: JsValue,
    open_input: JsValue,
    reply_input: JsValue,
}

fn fixture() -> Fixture {
    let sender = keys("regisseur", "regio");
    let recipient = keys("woningcorporatie", "wonen");
    let seal_input = object(&[
        ("keys", sender.clone()),
        ("type", "bundel".into()),
        ("date", "2026-06-02".into()),
        ("payload", u8a(b"{}")),
        ("recipients", list(&[&card(&recipient)])),
    ]);
    let bytes = envelope::seal_envelope(seal_input.clone()).unwrap();
    let open_input = object(&[
        ("keys", recipient.clone()),
        ("bytes", bytes.into()),
        ("contacts", list(&[&card(&sender)])),
        ("expectedType", "bundel".into()),
    ]);
    let reply_input = parse(
        r#"{"bundleId": "00112233445566778899aabbccddeeff", "associationId": "wonen",
            "date": "2026-06-03", "answers": [{"code": "WK-W68Q9-NRZH0-6", "answer": "interest"}]}"#,
    );
    Fixture {
        sender,
        recipient,
        seal_input,
        open_input,
        reply_input,
    }
}

fn envelope_bytes(f: &Fixture) -> Vec<u8> {
    Uint8Array::new(&get(&f.open_input, "bytes")).to_vec()
}

#[wasm_bindgen_test]
fn good_input_works() {
    let f = fixture();
    let opened = envelope::open_envelope(f.open_input.clone()).unwrap();
    assert_eq!(Uint8Array::new(&get(&opened, "payload")).to_vec(), b"{}");
    let info = envelope::read_key_card(card(&f.sender).into(), "regisseur".into()).unwrap();
    assert!(get(&info, "fingerprint").as_string().is_some());
    let reply = envelope::make_reply(f.reply_input.clone()).unwrap();
    assert!(envelope::read_reply(reply.into()).is_ok());
}

#[wasm_bindgen_test]
fn garbage_objects_are_refused() {
    let f = fixture();
    for (what, bad) in bad_values() {
        let call = |name: &str| format!("{name}({what})");
        fails(
            &call("createKeys identity"),
            envelope::create_keys(bad.clone(), "2026-06-01".into()),
        );
        fails(&call("keyCard"), envelope::key_card(bad.clone()));
        fails(&call("sealEnvelope"), envelope::seal_envelope(bad.clone()));
        fails(&call("openEnvelope"), envelope::open_envelope(bad.clone()));
        fails(
            &call("sealEnvelope keys"),
            envelope::seal_envelope(with(&f.seal_input, "keys", bad.clone())),
        );
        fails(
            &call("openEnvelope keys"),
            envelope::open_envelope(with(&f.open_input, "keys", bad.clone())),
        );
        returns_or_fails(&call("makeReply"), envelope::make_reply(bad.clone()));
        fails(&call("readReply"), envelope::read_reply(bad));
    }
}

#[wasm_bindgen_test]
fn garbage_text_and_bytes_are_refused() {
    let f = fixture();
    for (what, s) in bad_strings() {
        let call = |name: &str| format!("{name}({what})");
        fails(
            &call("readKeyCard"),
            envelope::read_key_card(JsValue::from(&s), JsValue::UNDEFINED),
        );
        fails(
            &call("readKeyCard expectedRole"),
            envelope::read_key_card(card(&f.sender).into(), JsValue::from(&s)),
        );
        fails(
            &call("createKeys date"),
            envelope::create_keys(identity("regisseur", "regio"), JsValue::from(&s)),
        );
        fails(
            &call("sealEnvelope recipients"),
            envelope::seal_envelope(with(&f.seal_input, "recipients", list(&[&s]))),
        );
        fails(
            &call("sealEnvelope type"),
            envelope::seal_envelope(with(&f.seal_input, "type", JsValue::from(&s))),
        );
        fails(
            &call("sealEnvelope date"),
            envelope::seal_envelope(with(&f.seal_input, "date", JsValue::from(&s))),
        );
        fails(
            &call("openEnvelope contacts"),
            envelope::open_envelope(with(&f.open_input, "contacts", list(&[&s]))),
        );
        fails(
            &call("openEnvelope expectedType"),
            envelope::open_envelope(with(&f.open_input, "expectedType", JsValue::from(&s))),
        );
        // Any text is a payload.
        assert!(envelope::seal_envelope(with(&f.seal_input, "payload", JsValue::from(&s))).is_ok());
    }
    for (what, b) in bad_bytes() {
        fails(
            &format!("openEnvelope bytes({what})"),
            envelope::open_envelope(with(&f.open_input, "bytes", u8a(&b))),
        );
        fails(&format!("readReply({what})"), envelope::read_reply(u8a(&b)));
        fails(
            &format!("readKeyCard({what})"),
            envelope::read_key_card(
                JsValue::from(String::from_utf8_lossy(&b).as_ref()),
                JsValue::UNDEFINED,
            ),
        );
    }
}

#[wasm_bindgen_test]
fn wrongly_typed_fields_throw_input_invalid_at_the_field() {
    let f = fixture();
    let seal = |key: &'static str| {
        let input = f.seal_input.clone();
        move |v: JsValue| envelope::seal_envelope(with(&input, key, v)).map(|_| ())
    };
    let open = |key: &'static str| {
        let input = f.open_input.clone();
        move |v: JsValue| envelope::open_envelope(with(&input, key, v)).map(|_| ())
    };
    let sender_card = card(&f.sender);
    let text_params = vec![
        param("createKeys", "date", "2026-06-01", |v| {
            envelope::create_keys(identity("regisseur", "regio"), v)
        }),
        param("readKeyCard", "text", sender_card.clone(), |v| {
            envelope::read_key_card(v, JsValue::UNDEFINED)
        }),
        param("sealEnvelope", "type", "bundel", seal("type")),
        param("sealEnvelope", "date", "2026-06-02", seal("date")),
    ];
    for p in &text_params {
        assert!(
            (p.call)(p.good.clone()).is_ok(),
            "{}({} = good)",
            p.function,
            p.name
        );
        for (what, bad) in not_text() {
            let call = format!("{}({} = {what})", p.function, p.name);
            refused_at(&call, p.name, (p.call)(bad));
        }
    }
    // Optional text: undefined and null are allowed.
    let optional = vec![
        param("readKeyCard", "expectedRole", "regisseur", {
            let c = sender_card.clone();
            move |v| envelope::read_key_card(c.as_str().into(), v)
        }),
        param(
            "openEnvelope",
            "expectedType",
            "bundel",
            open("expectedType"),
        ),
    ];
    for p in &optional {
        assert!(
            (p.call)(p.good.clone()).is_ok(),
            "{}({} = good)",
            p.function,
            p.name
        );
        for (what, bad) in not_text() {
            let call = format!("{}({} = {what})", p.function, p.name);
            if bad.is_undefined() || bad.is_null() {
                assert!((p.call)(bad).is_ok(), "{call}");
            } else {
                refused_at(&call, p.name, (p.call)(bad));
            }
        }
    }
    // Bytes.
    let bytes = envelope_bytes(&f);
    let byte_params = vec![
        param("openEnvelope", "bytes", u8a(&bytes), open("bytes")),
        param(
            "readReply",
            "bytes",
            envelope::make_reply(f.reply_input.clone()).unwrap(),
            envelope::read_reply,
        ),
    ];
    for p in &byte_params {
        assert!(
            (p.call)(p.good.clone()).is_ok(),
            "{}({} = good)",
            p.function,
            p.name
        );
        for (what, bad) in not_bytes() {
            let call = format!("{}({} = {what})", p.function, p.name);
            refused_at(&call, p.name, (p.call)(bad));
        }
    }
    // The payload is bytes or text: only what is neither is refused.
    let payload = param("sealEnvelope", "payload", u8a(b"{}"), seal("payload"));
    for (what, bad) in not_bytes() {
        let call = format!("sealEnvelope(payload = {what})");
        if bad.as_string().is_some() {
            assert!((payload.call)(bad).is_ok(), "{call}");
        } else {
            refused_at(&call, "payload", (payload.call)(bad));
        }
    }
    // Lists of card files.
    let lists = vec![
        param(
            "sealEnvelope",
            "recipients",
            list(&[&card(&f.recipient)]),
            seal("recipients"),
        ),
        param(
            "openEnvelope",
            "contacts",
            list(&[&sender_card]),
            open("contacts"),
        ),
    ];
    for p in &lists {
        assert!(
            (p.call)(p.good.clone()).is_ok(),
            "{}({} = good)",
            p.function,
            p.name
        );
        let mut bad: Vec<(&str, JsValue)> = non_objects();
        bad.extend([
            ("{}", parse("{}")),
            ("[1]", parse("[1]")),
            ("[null]", parse("[null]")),
            ("list of lists", parse("[[\"x\"]]")),
            ("bytes", u8a(b"{}")),
            ("text", JsValue::from(sender_card.as_str())),
        ]);
        for (what, v) in bad {
            let call = format!("{}({} = {what})", p.function, p.name);
            refused_at(&call, p.name, (p.call)(v));
        }
    }
    // Keys of the wrong shape name the field.
    for (what, bad) in bad_values() {
        let err = envelope::seal_envelope(with(&f.seal_input, "keys", bad)).unwrap_err();
        assert_eq!(check_error(what, &err), "INPUT_INVALID", "keys = {what}");
        assert_eq!(
            get(&err, "field").as_string().as_deref(),
            Some("keys"),
            "{what}"
        );
    }
}

#[wasm_bindgen_test]
fn refusals_with_their_own_code() {
    let f = fixture();
    let code = |r: Result<JsValue, JsValue>, call: &str| fails(call, r);
    // Keys whose secrets or identity are damaged.
    let damaged = parse(&JSON::stringify(&f.sender).unwrap().as_string().unwrap());
    Reflect::set(
        &get(&damaged, "identity"),
        &"organisationId".into(),
        &"Geen Id!".into(),
    )
    .unwrap();
    let err = envelope::key_card(damaged.clone()).unwrap_err();
    assert_eq!(check_error("keyCard damaged", &err), "KEYS_DAMAGED");
    assert_eq!(get(&err, "field").as_string().as_deref(), Some("keys"));
    let short = parse(&JSON::stringify(&f.sender).unwrap().as_string().unwrap());
    Reflect::set(&short, &"signingSecret".into(), &"AAAA".into()).unwrap();
    assert_eq!(
        fails("keyCard short secret", envelope::key_card(short)),
        "INPUT_INVALID"
    );
    // A bad identity for new keys.
    assert_eq!(
        fails(
            "createKeys empty name",
            envelope::create_keys(
                parse(r#"{"role": "regisseur", "organisation": " ", "organisationId": "r"}"#),
                "2026-06-01".into()
            )
        ),
        "ORGANISATION_MISSING"
    );
    assert_eq!(
        fails(
            "createKeys role",
            envelope::create_keys(identity("koning", "r"), "2026-06-01".into())
        ),
        "INPUT_INVALID"
    );
    // No recipients, too many, the same one twice.
    let recipient_card = card(&f.recipient);
    let seal = |cards: Vec<&str>| {
        envelope::seal_envelope(with(&f.seal_input, "recipients", list(&cards))).map(JsValue::from)
    };
    assert_eq!(code(seal(vec![]), "seal to none"), "ENVELOPE_RECIPIENTS");
    assert_eq!(
        code(seal(vec![recipient_card.as_str(); 2]), "seal twice"),
        "ENVELOPE_RECIPIENTS"
    );
    let many: Vec<String> = (0..9)
        .map(|i| card(&keys("zorgaanbieder", &format!("zorg-{i}"))))
        .collect();
    assert_eq!(
        code(
            seal(many.iter().map(String::as_str).collect()),
            "seal to nine"
        ),
        "ENVELOPE_RECIPIENTS"
    );
    // A refused card names its place in the list.
    let edited = recipient_card.replace("Organisatie wonen", "Organisatie wenen");
    let err = seal(vec![recipient_card.as_str(), edited.as_str()]).unwrap_err();
    assert_eq!(
        check_error("seal edited card", &err),
        "CARD_SIGNATURE_INVALID"
    );
    assert_eq!(
        get(&err, "field").as_string().as_deref(),
        Some("recipients[1]")
    );
    // Two keys of one organisation among the trusted cards.
    let renewed = card(&keys("regisseur", "regio"));
    let err = envelope::open_envelope(with(
        &f.open_input,
        "contacts",
        list(&[&card(&f.sender), &renewed]),
    ))
    .unwrap_err();
    assert_eq!(check_error("open two keys", &err), "CARD_SAME_ORGANISATION");
    assert_eq!(get(&err, "field").as_string().as_deref(), Some("contacts"));
    // The envelope's own refusals.
    let third = keys("zorgaanbieder", "zorg");
    assert_eq!(
        code(
            envelope::open_envelope(with(&f.open_input, "keys", third)),
            "open by a third party"
        ),
        "ENVELOPE_NOT_FOR_YOU"
    );
    assert_eq!(
        code(
            envelope::open_envelope(with(&f.open_input, "contacts", list::<&str>(&[]))),
            "open without contacts"
        ),
        "ENVELOPE_SENDER_UNKNOWN"
    );
    assert_eq!(
        code(
            envelope::open_envelope(with(&f.open_input, "expectedType", "reactie".into())),
            "open expecting a reply"
        ),
        "ENVELOPE_WRONG_TYPE"
    );
    let mut changed = envelope_bytes(&f);
    let last = changed.len() - 3;
    changed[last] ^= 1;
    assert!(
        code(
            envelope::open_envelope(with(&f.open_input, "bytes", u8a(&changed))),
            "open changed"
        )
        .starts_with("ENVELOPE_")
    );
    assert_eq!(
        code(
            envelope::open_envelope(with(&f.open_input, "bytes", card(&f.sender).into())),
            "open a card"
        ),
        "INPUT_INVALID"
    );
    assert_eq!(
        code(
            envelope::open_envelope(with(
                &f.open_input,
                "bytes",
                u8a(card(&f.sender).as_bytes())
            )),
            "open a card's bytes"
        ),
        "ENVELOPE_OTHER_FORMAT"
    );
    // A reply that breaks its rules.
    let reply = |answers: &str| {
        envelope::make_reply(with(&f.reply_input, "answers", parse(answers))).map(JsValue::from)
    };
    assert_eq!(code(reply("[]"), "reply without answers"), "REPLY_EMPTY");
    assert_eq!(
        code(
            reply(r#"[{"code": "WK-W68Q9-NRZH0-6", "answer": "noOffer"}]"#),
            "reply without reason"
        ),
        "REPLY_REASON_MISSING"
    );
    assert_eq!(
        code(
            reply(
                r#"[{"code": "WK-W68Q9-NRZH0-6", "answer": "interest"},
                    {"code": "WK-W68Q9-NRZH0-6", "answer": "interest"}]"#
            ),
            "reply twice"
        ),
        "REPLY_DUPLICATE_CODE"
    );
    assert_eq!(
        code(
            envelope::read_reply(u8a(b"{\"format\":\"woonkans-reactie\",\"version\":1}")),
            "read an empty reply"
        ),
        "REPLY_INVALID"
    );
}
