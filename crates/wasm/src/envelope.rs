//! JS API for a vault's keys, key cards and envelopes (`core::keys`, `core::envelope`,
//! `core::reply`), for programs outside the app: a housing association's portal that receives
//! bundles and answers them.
//!
//! The secret keys travel through JS as the serde form of `core::keys::OwnKeys`: a plain object
//! that `JSON.stringify` writes and `JSON.parse` reads back. The caller keeps it as safe as any
//! secret key; the module keeps nothing between calls. Key cards travel as their file text.
//!
//! Trust: `openEnvelope` takes the cards the caller trusts and treats every one as confirmed
//! (`ContactBook::trusting`). The app confirms a card only after its fingerprint was read back
//! with the organisation; a caller of this function vouches for that check itself.

use crate::boundary::{
    JsResult, bytes_arg, core, date_arg, enum_arg, field_of, from_js, from_js_at, opt_enum_arg,
    random, string_arg, string_list_arg, text_or_bytes_arg, to_js, write_error,
};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use woonkans_core::bundle::WriteError;
use woonkans_core::date::Date;
use woonkans_core::envelope::{self, MessageType, Sealing};
use woonkans_core::keys::{ContactBook, Identity, KeyCard, KeyCardInfo, OwnKeys, Role};
use woonkans_core::reply::{CodeAnswer, Reply};

const MESSAGE_TYPES: &str = "aanmelding, overdracht, bundel, reactie, koppeling, huurgegevens of \
                             overdracht-regisseur";
const ROLES: &str = "zorgaanbieder, wmo-consulent, regisseur of woningcorporatie";

/// The secret keys, checked: a wrong shape is `INPUT_INVALID` at `name`, keys that cannot be
/// used `KEYS_DAMAGED`.
fn keys_arg(v: JsValue, name: &str) -> JsResult<OwnKeys> {
    let keys: OwnKeys = from_js_at(v, "de sleutels", name)?;
    core(keys.check().map_err(|e| e.at(name)))?;
    Ok(keys)
}

/// Card files, each checked by `KeyCard::parse`; a refused card keeps its own code, with
/// `field` set to its place in the list (`recipients[1]`).
fn cards_arg(v: &JsValue, name: &str) -> JsResult<Vec<KeyCard>> {
    string_list_arg(v, name)?
        .iter()
        .enumerate()
        .map(|(i, text)| {
            core(KeyCard::parse(text.as_bytes(), None).map_err(|e| e.at(format!("{name}[{i}]"))))
        })
        .collect()
}

/// New keys for an organisation: 64 bytes from the browser's crypto, then `OwnKeys::new`. Returns
/// the secret keys as a plain object (JSON-serialisable); throws `ORGANISATION_MISSING`,
/// `ORGANISATION_INVALID`, `ORGANISATION_ID_INVALID` or `DATE_INVALID`.
#[wasm_bindgen(js_name = createKeys)]
pub fn create_keys(identity: JsValue, date: JsValue) -> JsResult<JsValue> {
    let identity: Identity = from_js_at(identity, "de organisatie", "identity")?;
    let created = date_arg(&date, "date", "date")?;
    let keys = core(OwnKeys::new(identity, created, random::<64>()?))?;
    to_js(&keys)
}

/// The key card of these keys as file text (`sleutelkaart-….json`), signed by them.
#[wasm_bindgen(js_name = keyCard)]
pub fn key_card(keys: JsValue) -> JsResult<String> {
    let keys = keys_arg(keys, "keys")?;
    core(keys.card().to_file(&keys))
}

/// Reads and checks a card file (format, version, fingerprint, signature); with `expectedRole`
/// a card of another role is `CARD_WRONG_ROLE`. Returns who it is from and its fingerprint.
#[wasm_bindgen(js_name = readKeyCard)]
pub fn read_key_card(text: JsValue, expected_role: JsValue) -> JsResult<JsValue> {
    let text = string_arg(&text, "text")?;
    let role: Option<Role> = opt_enum_arg(&expected_role, "expectedRole", ROLES)?;
    to_js(&core(KeyCard::parse(text.as_bytes(), role))?.info())
}

/// Seals a payload from `keys` to each recipient card and signs the envelope. `{ keys, type,
/// date, payload, recipients }`; the payload is bytes or text (as UTF-8). Returns the
/// envelope's bytes.
#[wasm_bindgen(js_name = sealEnvelope)]
pub fn seal_envelope(input: JsValue) -> JsResult<js_sys::Uint8Array> {
    const WHAT: &str = "de envelop";
    let keys = keys_arg(field_of(&input, "keys", WHAT)?, "keys")?;
    let kind: MessageType = enum_arg(&field_of(&input, "type", WHAT)?, "type", MESSAGE_TYPES)?;
    let date = date_arg(&field_of(&input, "date", WHAT)?, "date", "date")?;
    let payload = text_or_bytes_arg(&field_of(&input, "payload", WHAT)?, "payload")?;
    let cards = cards_arg(&field_of(&input, "recipients", WHAT)?, "recipients")?;
    let bytes = core(envelope::seal(
        &keys,
        &Sealing {
            kind,
            id: random::<16>()?,
            date,
            payload: &payload,
            recipients: cards.iter().collect(),
            random: random::<32>()?,
        },
    ))?;
    Ok(js_sys::Uint8Array::from(bytes.as_slice()))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct OpenedOut {
    #[serde(rename = "type")]
    kind: MessageType,
    id: String,
    date: Date,
    sender: KeyCardInfo,
}

/// Opens an envelope with `keys`: `{ keys, bytes, contacts, expectedType? }`. `contacts` are the
/// card files of the senders the caller trusts, all taken as confirmed. Returns `{ type, id,
/// date, sender, payload }`, or throws the first failed check's code (`ENVELOPE_INVALID`,
/// `ENVELOPE_NOT_FOR_YOU`, `ENVELOPE_SENDER_UNKNOWN`, `ENVELOPE_SIGNATURE_INVALID`,
/// `ENVELOPE_DAMAGED`, `ENVELOPE_WRONG_TYPE`, …).
#[wasm_bindgen(js_name = openEnvelope)]
pub fn open_envelope(input: JsValue) -> JsResult<JsValue> {
    const WHAT: &str = "het openen van de envelop";
    let keys = keys_arg(field_of(&input, "keys", WHAT)?, "keys")?;
    let bytes = bytes_arg(&field_of(&input, "bytes", WHAT)?, "bytes")?;
    let contacts = cards_arg(&field_of(&input, "contacts", WHAT)?, "contacts")?;
    let expected: Option<MessageType> = opt_enum_arg(
        &field_of(&input, "expectedType", WHAT)?,
        "expectedType",
        MESSAGE_TYPES,
    )?;
    let book = core(ContactBook::trusting(contacts).map_err(|e| e.at("contacts")))?;
    let opened = core(match expected {
        Some(kind) => envelope::open_expecting(&bytes, &keys, &book, kind),
        None => envelope::open(&bytes, &keys, &book),
    })?;
    let out = to_js(&OpenedOut {
        kind: opened.kind,
        id: opened.id,
        date: opened.date,
        sender: opened.sender.card.info(),
    })?;
    let payload = js_sys::Uint8Array::from(opened.payload.as_slice());
    let _ = js_sys::Reflect::set(&out, &"payload".into(), &payload);
    Ok(out)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ReplyInput {
    bundle_id: String,
    association_id: String,
    date: Date,
    answers: Vec<CodeAnswer>,
}

/// An association's reply to a bundle, as the payload of a `reactie` envelope: `{ bundleId,
/// associationId, date, answers }` (the bundle's `bundleId` and `recipient.id`). Checked like
/// the app's reply (`REPLY_EMPTY`, `REPLY_DUPLICATE_CODE`, `REPLY_DWELLING_INVALID`,
/// `REPLY_REASON_MISSING`, `REPLY_INVALID`) and by the leak guard on its bytes.
#[wasm_bindgen(js_name = makeReply)]
pub fn make_reply(input: JsValue) -> JsResult<js_sys::Uint8Array> {
    let input: ReplyInput = from_js(input, "de reactie")?;
    let reply = core(Reply::new(
        &input.bundle_id,
        &input.association_id,
        input.date,
        input.answers,
    ))?;
    let bytes = reply.to_bytes();
    woonkans_core::leakguard::guard(&bytes, &[], &[])
        .map_err(|report| write_error(WriteError::Leak(report)))?;
    Ok(js_sys::Uint8Array::from(bytes.as_slice()))
}

/// Reads a reply out of an opened `reactie` envelope's payload; `REPLY_INVALID` otherwise.
#[wasm_bindgen(js_name = readReply)]
pub fn read_reply(bytes: JsValue) -> JsResult<JsValue> {
    to_js(&core(Reply::parse(&bytes_arg(&bytes, "bytes")?))?)
}
