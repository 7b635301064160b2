//! JS API for the free-text scanner and the field validators.
//!
//! Findings carry UTF-8 byte offsets (`start`, `end`: what `redactText` takes back) and, for
//! JavaScript's own string indexing, UTF-16 offsets (`startUtf16`, `endUtf16`), so that
//! `text.slice(f.startUtf16, f.endUtf16)` is the found text.

use crate::boundary::{JsResult, core, from_js, string_arg, to_js};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use woonkans_core::date::Date;
use woonkans_core::known::Known;
use woonkans_core::scan::{self, Finding, FindingKind};
use woonkans_core::validate;
use woonkans_core::vocab::Dutch;

/// `Known` as JS may pass it: every field optional, so `{ nameParts: ["Noël"] }` is enough.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct KnownInput {
    name_parts: Vec<String>,
    tussenvoegsels: Vec<String>,
    bsn: Option<String>,
    birth_date: Option<Date>,
    street_addresses: Vec<String>,
    postcodes: Vec<String>,
    phones: Vec<String>,
    emails: Vec<String>,
    ibans: Vec<String>,
    contact_names: Vec<String>,
}

impl From<KnownInput> for Known {
    fn from(k: KnownInput) -> Known {
        Known {
            name_parts: k.name_parts,
            tussenvoegsels: k.tussenvoegsels,
            bsn: k.bsn,
            birth_date: k.birth_date,
            street_addresses: k.street_addresses,
            postcodes: k.postcodes,
            phones: k.phones,
            emails: k.emails,
            ibans: k.ibans,
            contact_names: k.contact_names,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsFinding {
    kind: FindingKind,
    /// Dutch description of the kind, for the coordinator.
    label: &'static str,
    placeholder: &'static str,
    start: usize,
    end: usize,
    start_utf16: usize,
    end_utf16: usize,
}

/// Adds UTF-16 offsets in one pass over the text: the findings are sorted and do not overlap,
/// so their starts and ends only grow.
fn with_utf16(text: &str, findings: &[Finding]) -> Vec<JsFinding> {
    let mut marks: Vec<usize> = Vec::with_capacity(findings.len() * 2);
    for f in findings {
        marks.push(f.start);
        marks.push(f.end);
    }
    let mut order: Vec<usize> = (0..marks.len()).collect();
    order.sort_by_key(|&i| marks[i]);
    let mut utf16 = vec![0usize; marks.len()];
    let mut chars = text.char_indices().peekable();
    let mut units = 0usize;
    for i in order {
        while let Some(&(byte, c)) = chars.peek() {
            if byte >= marks[i] {
                break;
            }
            units += c.len_utf16();
            chars.next();
        }
        utf16[i] = units;
    }
    findings
        .iter()
        .enumerate()
        .map(|(n, f)| JsFinding {
            kind: f.kind,
            label: f.kind.dutch(),
            placeholder: f.kind.placeholder(),
            start: f.start,
            end: f.end,
            start_utf16: utf16[2 * n],
            end_utf16: utf16[2 * n + 1],
        })
        .collect()
}

/// Scans free text for identifying data and special-category hints. `known` is the resident's
/// own values (as `knownValues` returns them, any field may be left out), or undefined/null.
/// Returns `[{ kind, label, placeholder, start, end, startUtf16, endUtf16 }]`, sorted.
#[wasm_bindgen(js_name = scanText)]
pub fn scan_text(text: JsValue, known: JsValue) -> JsResult<JsValue> {
    let text = string_arg(&text, "text")?;
    let known: Known = if known.is_undefined() || known.is_null() {
        Known::default()
    } else {
        from_js::<KnownInput>(known, "de bekende gegevens van de inwoner")?.into()
    };
    let findings = scan::scan(&text, &known);
    to_js(&with_utf16(&text, &findings))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_count_surrogate_pairs() {
        let text = "😀 Noël belt 06-12345678";
        let known = Known {
            name_parts: vec!["Noël".into()],
            ..Known::default()
        };
        let found = with_utf16(text, &scan::scan(text, &known));
        assert_eq!(found.len(), 2);
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let name = String::from_utf16(&utf16[found[0].start_utf16..found[0].end_utf16]).unwrap();
        assert_eq!(name, "Noël");
        assert_eq!((found[0].start, found[0].start_utf16), (5, 3));
        let phone = String::from_utf16(&utf16[found[1].start_utf16..found[1].end_utf16]).unwrap();
        assert_eq!(phone, "06-12345678");
    }
}
