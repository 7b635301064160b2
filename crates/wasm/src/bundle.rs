//! JS API for pseudonym codes, coded profile bundles and the disclosure log.
//!
//! The code key travels through JS as its key-file text (`woonkans-sleutel`, with checksum): one
//! string the vault can store and the backup can export, checked every time it is used.

use crate::boundary::{JsResult, bytes_arg, core, error_to_js, from_js, string_arg, to_js};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use woonkans_core::Error;
use woonkans_core::bundle::{self, BundleInput, BundleProfileInput, MatchSummary, WriteError};
use woonkans_core::code::{self, Code, CodeKey};
use woonkans_core::date::Date;
use woonkans_core::disclosure::{self, DisclosureEntry};
use woonkans_core::known::Known;
use woonkans_core::profile::PlacementProfile;
use woonkans_core::region::Region;

fn random<const N: usize>() -> JsResult<[u8; N]> {
    let mut buf = [0u8; N];
    getrandom::fill(&mut buf).map_err(|_| {
        error_to_js(&Error::new(
            "RANDOM_UNAVAILABLE",
            "Deze browser levert geen veilige willekeurige getallen; gebruik een recente browser.",
        ))
    })?;
    Ok(buf)
}

fn key(key_file: &JsValue, name: &str) -> JsResult<CodeKey> {
    core(code::import_key(&string_arg(key_file, name)?))
}

fn required(value: &str, field: &str, what: &str) -> JsResult<()> {
    if value.trim().is_empty() {
        return Err(error_to_js(
            &Error::new("CODE_INPUT", format!("{what} ontbreekt.")).at(field),
        ));
    }
    Ok(())
}

/// A new secret code key, as key-file text (32 bytes from the browser's crypto).
#[wasm_bindgen(js_name = newCodeKey)]
pub fn new_code_key() -> JsResult<String> {
    Ok(code::export_key(&CodeKey::from_bytes(random::<32>()?)))
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
    required(&recipient_id, "recipientId", "De id van de ontvanger")?;
    required(&stable_id, "stableId", "Het vaste kenmerk van de inwoner")?;
    Ok(code::derive(&key, &recipient_id, &stable_id).to_string())
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

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct KeyExport {
    file_name: &'static str,
    text: String,
}

/// The backup file of the key: `{ fileName, text }`. The key is checked before it is written.
#[wasm_bindgen(js_name = exportKey)]
pub fn export_key(key_file: JsValue) -> JsResult<JsValue> {
    let key = key(&key_file, "keyFile")?;
    to_js(&KeyExport {
        file_name: "woonkans-sleutel.json",
        text: code::export_key(&key),
    })
}

/// Reads a backed-up key file; returns the key-file text to keep, or throws a Dutch error
/// (`KEY_FILE_INVALID`, `KEY_FILE_FORMAT`, `KEY_FILE_VERSION`, `KEY_FILE_LENGTH`,
/// `KEY_FILE_CHECKSUM`).
#[wasm_bindgen(js_name = importKey)]
pub fn import_key(text: JsValue) -> JsResult<String> {
    Ok(code::export_key(&key(&text, "text")?))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ProfileInput {
    code: Code,
    profile: PlacementProfile,
    #[serde(default)]
    matches: Vec<MatchSummary>,
    known: Known,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WriteInput {
    /// The bundle's date, `jjjj-mm-dd`.
    date: Date,
    /// When it is offered for download, ISO date-time, for the disclosure log.
    at: String,
    region: Region,
    recipient_id: String,
    recipient_name: String,
    profiles: Vec<ProfileInput>,
    #[serde(default)]
    caseload: Option<Vec<Known>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WriteOutput {
    file_name: String,
    bundle_id: String,
    codes: Vec<String>,
    categories: Vec<woonkans_core::profile::ProfileCategory>,
    disclosure_entry: DisclosureEntry,
}

/// Builds a bundle and runs the leak guard over its bytes. Returns `{ fileName, bytes
/// (Uint8Array), bundleId, codes, categories, disclosureEntry }`; on a leak throws an Error with
/// code `LEAK_GUARD` and a `findings` array (`{ code, field, kind, message }`), and no bytes.
#[wasm_bindgen(js_name = writeBundle)]
pub fn write_bundle(input: JsValue) -> JsResult<JsValue> {
    let input: WriteInput = from_js(input, "de bundel")?;
    let core_input = BundleInput {
        caseload: input.caseload.unwrap_or_default(),
        bundle_id: random::<16>()?,
        date: input.date,
        region: input.region,
        recipient_id: input.recipient_id,
        recipient_name: input.recipient_name,
        profiles: input
            .profiles
            .into_iter()
            .map(|p| BundleProfileInput {
                code: p.code,
                profile: p.profile,
                matches: p.matches,
                known: p.known,
            })
            .collect(),
    };
    let written = match bundle::write_bundle(&core_input) {
        Ok(w) => w,
        Err(WriteError::Leak(report)) => {
            let err = error_to_js(&report.to_error());
            let findings = to_js(&report.findings)?;
            // Setting an own property on a fresh Error object cannot fail.
            let _ = js_sys::Reflect::set(&err, &"findings".into(), &findings);
            return Err(err);
        }
        Err(WriteError::Invalid(e)) => return Err(error_to_js(&e)),
    };
    let out = to_js(&WriteOutput {
        file_name: written.file_name.clone(),
        bundle_id: written.bundle_id_hex.clone(),
        codes: written.codes.iter().map(ToString::to_string).collect(),
        categories: written.categories.clone(),
        disclosure_entry: disclosure::entries_for_bundle(&written, &input.at),
    })?;
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
