//! JS API for the free-text scanner and the field validators.
//!
//! Findings carry UTF-8 byte offsets (`start`, `end`: what `redactText` takes back) and, for
//! JavaScript's own string indexing, UTF-16 offsets (`startUtf16`, `endUtf16`), so that
//! `text.slice(f.startUtf16, f.endUtf16)` is the found text.

use crate::boundary::{JsResult, core, from_js, from_js_or_default, string_arg, to_js};
use wasm_bindgen::prelude::*;
use woonkans_core::known::Known;
use woonkans_core::scan::{self, Finding};
use woonkans_core::validate;

/// Scans free text for identifying data and special-category hints. `known` is the resident's
/// own values (as `knownValues` returns them, any field may be left out), or undefined/null.
/// Returns `[{ kind, label, placeholder, start, end, startUtf16, endUtf16 }]`, sorted.
#[wasm_bindgen(js_name = scanText)]
pub fn scan_text(text: JsValue, known: JsValue) -> JsResult<JsValue> {
    let text = string_arg(&text, "text")?;
    // Every field of `Known` may be left out, so `{ nameParts: ["Noël"] }` is enough.
    let known: Known = from_js_or_default(known, "de bekende gegevens van de inwoner")?;
    to_js(&scan::scan_described(&text, &known))
}

/// Replaces each finding (as `scanText` returned it; `start`/`end` are read) with its
/// placeholder, such as "[NAAM]" or "[BSN]".
#[wasm_bindgen(js_name = redactText)]
pub fn redact_text(text: JsValue, findings: JsValue) -> JsResult<String> {
    let text = string_arg(&text, "text")?;
    let findings: Vec<Finding> = from_js(findings, "de vondsten van de scanner")?;
    Ok(scan::redact(&text, &findings))
}

/// A BSN, normalised to 9 digits; throws `BSN_INVALID`.
#[wasm_bindgen(js_name = validateBsn)]
pub fn validate_bsn(value: JsValue) -> JsResult<String> {
    core(validate::bsn(&string_arg(&value, "value")?))
}

/// A postcode, normalised to "1234 AB"; throws `POSTCODE_INVALID`.
#[wasm_bindgen(js_name = validatePostcode)]
pub fn validate_postcode(value: JsValue) -> JsResult<String> {
    core(validate::postcode(&string_arg(&value, "value")?))
}

/// A Dutch phone number, normalised to "+31612345678"; throws `PHONE_INVALID`.
#[wasm_bindgen(js_name = validatePhone)]
pub fn validate_phone(value: JsValue) -> JsResult<String> {
    core(validate::phone(&string_arg(&value, "value")?))
}

/// An e-mail address, normalised to lowercase; throws `EMAIL_INVALID`.
#[wasm_bindgen(js_name = validateEmail)]
pub fn validate_email(value: JsValue) -> JsResult<String> {
    core(validate::email(&string_arg(&value, "value")?))
}

/// An IBAN, normalised to uppercase without spaces; throws `IBAN_INVALID`.
#[wasm_bindgen(js_name = validateIban)]
pub fn validate_iban(value: JsValue) -> JsResult<String> {
    core(validate::iban(&string_arg(&value, "value")?))
}

/// A date (dd-mm-jjjj or jjjj-mm-dd), normalised to ISO; throws `DATE_INVALID`.
#[wasm_bindgen(js_name = validateDate)]
pub fn validate_date(value: JsValue) -> JsResult<String> {
    core(validate::date(&string_arg(&value, "value")?))
}
