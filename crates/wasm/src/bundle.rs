//! JS API for pseudonym codes, coded profile bundles and the disclosure log.
//!
//! The code key travels through JS as its key-file text (`woonkans-sleutel`, with checksum): one
//! string the vault can store and the backup can export, checked every time it is used.

use crate::boundary::{JsResult, bytes_arg, core, from_js, random, string_arg, to_js, write_error};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use woonkans_core::bundle::{self, BundleRequest};
use woonkans_core::code::{self, CodeKey};
use woonkans_core::disclosure::{self, DisclosureEntry};

fn key(key_file: &JsValue, name: &str) -> JsResult<CodeKey> {
    core(code::import_key(&string_arg(key_file, name)?))
}

/// A new secret code key, as key-file text (32 bytes from the browser's crypto).
#[wasm_bindgen(js_name = newCodeKey)]
pub fn new_code_key() -> JsResult<String> {
    Ok(code::new_key_file(random::<32>()?))
}

/// The code of a resident (BSN or random dossier id) for one recipient, as `WK-XXXXX-XXXXX-C`.
#[wasm_bindgen(js_name = deriveCode)]
pub fn derive_code(
    key_file: JsValue,
    recipient_id: JsValue,
    stable_id: JsValue,
) -> JsResult<String> {
    let key = key(&key_file, "keyFile")?;
    let recipient_id = string_arg(&recipient_id, "recipientId")?;
    let stable_id = string_arg(&stable_id, "stableId")?;
    core(code::derive_checked(&key, &recipient_id, &stable_id)).map(|c| c.to_string())
}

/// A typed or read-aloud code in its written form; throws `CODE_INVALID` or `CODE_CHECK_FAILED`.
#[wasm_bindgen(js_name = parseCode)]
pub fn parse_code(text: JsValue) -> JsResult<String> {
    core(code::parse(&string_arg(&text, "text")?)).map(|c| c.to_string())
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Candidate {
    local_id: String,
    stable_id: String,
}

/// The local id of the dossier a code belongs to, or `undefined`; candidates are
/// `[{ localId, stableId }]`.
#[wasm_bindgen(js_name = resolveCode)]
pub fn resolve_code(
    key_file: JsValue,
    recipient_id: JsValue,
    code_text: JsValue,
    candidates: JsValue,
) -> JsResult<Option<String>> {
    let key = key(&key_file, "keyFile")?;
    let recipient_id = string_arg(&recipient_id, "recipientId")?;
    let code = core(code::parse(&string_arg(&code_text, "code")?))?;
    let candidates: Vec<Candidate> = from_js(candidates, "de dossiers om in te zoeken")?;
    let pairs = candidates
        .iter()
        .map(|c| (c.local_id.as_str(), c.stable_id.as_str()));
    Ok(code::resolve(&key, &recipient_id, code, pairs).map(str::to_string))
}

/// The backup file of the key: `{ fileName, text }`. The key is checked before it is written.
#[wasm_bindgen(js_name = exportKey)]
pub fn export_key(key_file: JsValue) -> JsResult<JsValue> {
    let key = key(&key_file, "keyFile")?;
    to_js(&code::key_export(&key))
}

/// Reads a backed-up key file; returns the key-file text to keep, or throws a Dutch error
/// (`KEY_FILE_INVALID`, `KEY_FILE_FORMAT`, `KEY_FILE_VERSION`, `KEY_FILE_LENGTH`,
/// `KEY_FILE_CHECKSUM`).
#[wasm_bindgen(js_name = importKey)]
pub fn import_key(text: JsValue) -> JsResult<String> {
    core(code::normalise_key_file(&string_arg(&text, "text")?))
}

/// Builds a bundle and runs the leak guard over its bytes. Returns `{ fileName, bytes
/// (Uint8Array), bundleId, codes, categories, disclosureEntry }`; on a leak throws an Error with
/// code `LEAK_GUARD` and a `findings` array (`{ code, field, kind, message }`), and no bytes.
#[wasm_bindgen(js_name = writeBundle)]
pub fn write_bundle(input: JsValue) -> JsResult<JsValue> {
    let request: BundleRequest = from_js(input, "de bundel")?;
    let written = bundle::write_request(request, random::<16>()?).map_err(write_error)?;
    let out = to_js(&written)?;
    let bytes = js_sys::Uint8Array::from(written.bytes.as_slice());
    let _ = js_sys::Reflect::set(&out, &"bytes".into(), &bytes);
    Ok(out)
}

/// Opens and checks a bundle file (format, version, structure, digest, canonical bytes).
#[wasm_bindgen(js_name = verifyBundle)]
pub fn verify_bundle(bytes: JsValue) -> JsResult<JsValue> {
    to_js(&core(bundle::verify_bundle(&bytes_arg(&bytes, "bytes")?))?)
}

/// The disclosure log as CSV text (with BOM) for a Dutch spreadsheet.
#[wasm_bindgen(js_name = disclosureCsv)]
pub fn disclosure_csv(entries: JsValue) -> JsResult<String> {
    let entries: Vec<DisclosureEntry> = from_js(entries, "het verstrekkingenlog")?;
    Ok(disclosure::to_csv(&entries))
}
