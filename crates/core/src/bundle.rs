//! Coded profile bundles: the one file per housing association that leaves the coordinator's
//! machine in step 5, and the verifier the association's side uses to open it.
//!
//! The file is canonical JSON (keys sorted, no insignificant white space, strings as serde_json
//! writes them, numbers as serde_json writes them: integers as digits, the one float
//! `supportHoursPerWeek` in ryu's shortest round-trip form). The verifier demands that the bytes
//! *are* this canonical form, so every byte of the file is significant: there is no way to change
//! one byte and keep a valid bundle.

use crate::code::{self, Code};
use crate::date::Date;
use crate::error::{Error, Result};
use crate::known::Known;
use crate::leakguard::{self, LeakReport};
use crate::profile::{PlacementProfile, ProfileCategory};
use crate::region::Region;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;

pub const FORMAT: &str = "woonkans-bundel";
pub const VERSION: u64 = 1;
/// Large enough for 10,000 profiles with long notes; small enough to open in a browser tab.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;
pub const MAX_PROFILES: usize = 10_000;
const DIGEST_ALGORITHM: &str = "SHA-256";

/// The match summary of one dwelling of the recipient for one profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct MatchSummary {
    pub dwelling_id: String,
    /// Fit score 0-100.
    pub score: u8,
}

/// One profile to put in a bundle, with the identifying values of its dossier for the guard.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct BundleProfileInput {
    pub code: Code,
    pub profile: PlacementProfile,
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<MatchSummary>>", optional = nullable))]
    pub matches: Vec<MatchSummary>,
    /// Never written: only searched for in the bytes before they are released.
    pub known: Known,
    /// The resident's identifier prints, where the sender holds those instead of the values
    /// (the coordinator's case from an overdracht). Never written either.
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub prints: Option<crate::prints::IdentifierPrints>,
}

#[derive(Clone, Debug)]
pub struct BundleInput {
    /// 16 random bytes, from the caller (the core has no random source).
    pub bundle_id: [u8; 16],
    pub date: Date,
    pub region: Region,
    pub recipient_id: String,
    pub recipient_name: String,
    pub profiles: Vec<BundleProfileInput>,
    /// The identifying values of every other resident the sender holds: never written, only
    /// searched for, so a note cannot name someone else of the caseload.
    pub caseload: Vec<Known>,
    /// Identifier prints of the other residents of the caseload whose values the sender does not
    /// hold (PARTIES.md): the coordinator's cases received through an overdracht.
    pub prints: Vec<crate::prints::IdentifierPrints>,
}

/// A bundle that passed the leak guard, ready to be offered for download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WrittenBundle {
    pub file_name: String,
    pub bytes: Vec<u8>,
    pub bundle_id_hex: String,
    pub date: Date,
    pub recipient_id: String,
    pub recipient_name: String,
    /// One code per input profile, in the order of `BundleInput::profiles` (not the file's
    /// order): `codes[i]` is the code of `profiles[i]`, so a caller pairs them by index.
    pub codes: Vec<Code>,
    /// The step-4 categories the bundle discloses (every profile carries all eight).
    pub categories: Vec<ProfileCategory>,
    /// Whether any profile carries its relapse agreements (step 5 shares them).
    pub includes_relapse_plan: bool,
}

/// Why no bundle was written: the input was unusable, or the guard found identifying data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteError {
    Invalid(Error),
    Leak(LeakReport),
}

impl WriteError {
    /// One error for callers that show one message (`LEAK_GUARD` for a leak).
    pub fn to_error(&self) -> Error {
        match self {
            WriteError::Invalid(e) => e.clone(),
            WriteError::Leak(r) => r.to_error(),
        }
    }
}

impl From<Error> for WriteError {
    fn from(e: Error) -> Self {
        WriteError::Invalid(e)
    }
}

// ---------------------------------------------------------------- the file's shape

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct Sender {
    pub region: Region,
    pub region_name: String,
    pub role: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(rename = "BundleRecipient", optional_fields = nullable)
)]
pub struct Recipient {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct BundleProfile {
    pub code: Code,
    pub profile: PlacementProfile,
    pub matches: Vec<MatchSummary>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Integrity {
    pub algorithm: String,
    pub digest: String,
}

/// The content of a bundle: everything the digest covers.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Content {
    format: String,
    version: u64,
    bundle_id: String,
    date: Date,
    sender: Sender,
    recipient: Recipient,
    profiles: Vec<BundleProfile>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct FileShape {
    /// Checked before this shape is read; declared so that `deny_unknown_fields` accepts it.
    #[serde(rename = "format")]
    _format: String,
    version: u64,
    bundle_id: String,
    date: Date,
    sender: Sender,
    recipient: Recipient,
    profiles: Vec<BundleProfile>,
    integrity: Integrity,
}

/// A bundle that passed every check of the verifier.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct VerifiedBundle {
    pub version: u64,
    pub bundle_id: String,
    pub date: Date,
    pub sender: Sender,
    pub recipient: Recipient,
    pub profiles: Vec<BundleProfile>,
    pub digest: String,
}

// ---------------------------------------------------------------- canonical JSON

/// Canonical JSON: object keys sorted by their UTF-8 bytes (explicitly, whatever map type
/// serde_json was built with), no white space, strings and numbers as serde_json writes them.
pub fn canonical_json(v: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    write_canonical(v, &mut out);
    out
}

fn write_canonical(v: &Value, out: &mut Vec<u8>) {
    match v {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(true) => out.extend_from_slice(b"true"),
        Value::Bool(false) => out.extend_from_slice(b"false"),
        Value::Number(n) => out.extend_from_slice(n.to_string().as_bytes()),
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_canonical(item, out);
            }
            out.push(b']');
        }
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
            out.push(b'{');
            for (i, (k, item)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_string(k, out);
                out.push(b':');
                write_canonical(item, out);
            }
            out.push(b'}');
        }
    }
}

fn write_string(s: &str, out: &mut Vec<u8>) {
    // serde_json's escaping is fixed: `"` `\` and control characters only, the rest raw UTF-8.
    match serde_json::to_vec(s) {
        Ok(bytes) => out.extend_from_slice(&bytes),
        Err(_) => out.extend_from_slice(b"\"\""),
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    code::hex(&Sha256::digest(bytes))
}

/// `woonkans-<association id as [a-z0-9-]>-<yyyy-mm-dd>.json`: no personal data, and safe as a
/// file name on every system.
pub fn file_name(recipient_id: &str, date: Date) -> String {
    let mut slug = String::new();
    for c in crate::text::fold(recipient_id).chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug: String = slug.chars().take(60).collect();
    format!(
        "woonkans-{}-{}.json",
        slug.trim_end_matches('-'),
        date.iso()
    )
}

// ---------------------------------------------------------------- writer

fn invalid(msg: impl Into<String>) -> Error {
    Error::new("BUNDLE_INPUT", msg)
}

/// Builds the bundle, then runs the leak guard over the exact bytes. On any finding the report is
/// returned and no bytes leave this function.
pub fn write_bundle(input: &BundleInput) -> Result<WrittenBundle, WriteError> {
    if input.profiles.is_empty() {
        return Err(invalid("Een bundel moet minstens één profiel bevatten.").into());
    }
    if input.profiles.len() > MAX_PROFILES {
        return Err(invalid(format!(
            "Een bundel kan hoogstens {MAX_PROFILES} profielen bevatten."
        ))
        .into());
    }
    let slug_source = input.recipient_id.trim();
    if !crate::text::fold(slug_source)
        .chars()
        .any(|c| c.is_ascii_alphanumeric())
    {
        return Err(
            invalid("De ontvanger heeft geen bruikbare id (letters of cijfers).")
                .at("recipient.id")
                .into(),
        );
    }
    if input.recipient_name.trim().is_empty() {
        return Err(invalid("De naam van de ontvanger ontbreekt.")
            .at("recipient.name")
            .into());
    }
    let mut seen = BTreeSet::new();
    let mut profiles = Vec::with_capacity(input.profiles.len());
    for p in &input.profiles {
        if !seen.insert(p.code) {
            return Err(invalid(format!(
                "Code {} staat twee keer in de bundel; neem elk profiel één keer op.",
                p.code
            ))
            .into());
        }
        if p.prints.is_none() && p.known.name_parts.iter().all(|n| n.trim().is_empty()) {
            // Without the resident's own values the guard would search for nothing and pass
            // everything: refuse rather than guard blind.
            return Err(invalid(format!(
                "Profiel {}: de gegevens van de inwoner voor de lekcontrole ontbreken (minstens de naam). Zonder die gegevens wordt geen bundel gemaakt.",
                p.code
            ))
            .at("profiles.known")
            .into());
        }
        p.profile.validate().map_err(|e| {
            Error::new("BUNDLE_INPUT", format!("Profiel {}: {}", p.code, e.message))
        })?;
        let mut matches = p.matches.clone();
        if let Some(m) = matches
            .iter()
            .find(|m| m.score > 100 || m.dwelling_id.trim().is_empty())
        {
            let what = if m.score > 100 {
                "een matchscore boven 100"
            } else {
                "een woning zonder id"
            };
            return Err(invalid(format!("Profiel {} heeft {what}.", p.code)).into());
        }
        matches.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then_with(|| a.dwelling_id.cmp(&b.dwelling_id))
        });
        profiles.push(BundleProfile {
            code: p.code,
            profile: p.profile.clone(),
            matches,
        });
    }
    // Sorted by code: the order the coordinator keeps dossiers in (often by surname) must not
    // show through.
    profiles.sort_by_key(|p| p.code.to_string());

    let bundle_id_hex = code::hex(&input.bundle_id);
    let content = Content {
        format: FORMAT.to_string(),
        version: VERSION,
        bundle_id: bundle_id_hex.clone(),
        date: input.date,
        sender: Sender {
            region: input.region,
            region_name: input.region.name().to_string(),
            role: input.region.role().name().to_string(),
        },
        recipient: Recipient {
            id: input.recipient_id.trim().to_string(),
            name: input.recipient_name.trim().to_string(),
        },
        profiles,
    };
    let internal = || {
        WriteError::Invalid(Error::new(
            "INTERNAL",
            "Interne fout bij het opbouwen van de bundel.",
        ))
    };
    let mut value = serde_json::to_value(&content).map_err(|_| internal())?;
    let digest = sha256_hex(&canonical_json(&value));
    let integrity = serde_json::to_value(Integrity {
        algorithm: DIGEST_ALGORITHM.to_string(),
        digest,
    })
    .map_err(|_| internal())?;
    match &mut value {
        Value::Object(map) => {
            map.insert("integrity".to_string(), integrity);
        }
        _ => return Err(internal()),
    }
    let bytes = canonical_json(&value);
    if bytes.len() > MAX_BYTES {
        return Err(invalid(
            "De bundel wordt groter dan 20 MB. Verdeel de profielen over meer bundels of maak de notities korter.",
        )
        .into());
    }

    let known: Vec<(Code, &Known)> = input.profiles.iter().map(|p| (p.code, &p.known)).collect();
    let caseload: Vec<&Known> = input.caseload.iter().collect();
    let prints: Vec<&crate::prints::IdentifierPrints> = input
        .profiles
        .iter()
        .filter_map(|p| p.prints.as_ref())
        .chain(&input.prints)
        .collect();
    leakguard::guard_with_prints(&bytes, &known, &caseload, &prints).map_err(WriteError::Leak)?;

    // Input order, not the file's sorted order: callers pair codes with their cases by index,
    // and a sorted list once gave residents each other's codes.
    let codes: Vec<Code> = input.profiles.iter().map(|p| p.code).collect();
    Ok(WrittenBundle {
        file_name: file_name(&input.recipient_id, input.date),
        bytes,
        bundle_id_hex,
        date: input.date,
        recipient_id: content.recipient.id.clone(),
        recipient_name: content.recipient.name.clone(),
        codes,
        categories: ProfileCategory::ALL.to_vec(),
        includes_relapse_plan: content
            .profiles
            .iter()
            .any(|p| p.profile.relapse_plan.is_some()),
    })
}

// ---------------------------------------------------------------- verifier

fn structure(msg: impl Into<String>) -> Error {
    Error::new("BUNDLE_STRUCTURE", msg)
}

/// Opens a bundle as the association does: every failure is a Dutch message with a stable code
/// (`BUNDLE_TOO_LARGE`, `BUNDLE_NOT_JSON`, `BUNDLE_FORMAT`, `BUNDLE_VERSION`, `BUNDLE_STRUCTURE`,
/// `BUNDLE_DIGEST`). No message quotes the file's content.
pub fn verify_bundle(bytes: &[u8]) -> Result<VerifiedBundle> {
    if bytes.len() > MAX_BYTES {
        return Err(Error::new(
            "BUNDLE_TOO_LARGE",
            "Dit bestand is groter dan 20 MB en kan geen Woonkans-bundel zijn.",
        ));
    }
    // Editors may add a byte-order mark or a final newline; neither changes the content.
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let body = body.trim_ascii_end();
    let text = std::str::from_utf8(body).map_err(|_| {
        Error::new(
            "BUNDLE_NOT_JSON",
            "Dit bestand is geen Woonkans-bundel: het is geen UTF-8-tekst.",
        )
    })?;
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let msg = if e.to_string().contains("recursion limit") {
            "Dit bestand is geen Woonkans-bundel: de JSON is te diep genest."
        } else {
            "Dit bestand is geen Woonkans-bundel: het is geen geldige JSON."
        };
        Error::new("BUNDLE_NOT_JSON", msg)
    })?;
    let Value::Object(map) = &value else {
        return Err(Error::new(
            "BUNDLE_FORMAT",
            "Dit bestand is geen Woonkans-bundel: het formaat ontbreekt.",
        ));
    };
    if map.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(Error::new(
            "BUNDLE_FORMAT",
            "Dit bestand is geen Woonkans-bundel: het formaat 'woonkans-bundel' ontbreekt.",
        )
        .at("format"));
    }
    match map.get("version").and_then(Value::as_u64) {
        Some(VERSION) => {}
        Some(v) if v > VERSION => {
            return Err(Error::new(
                "BUNDLE_VERSION",
                format!(
                    "Deze bundel heeft versie {v}; deze app kent versie {VERSION}. Werk de app bij."
                ),
            )
            .at("version"));
        }
        _ => {
            return Err(Error::new(
                "BUNDLE_VERSION",
                "Het versienummer van deze bundel ontbreekt of is ongeldig.",
            )
            .at("version"));
        }
    }
    if let Some(n) = map.get("profiles").and_then(Value::as_array).map(Vec::len)
        && n > MAX_PROFILES
    {
        return Err(structure(format!(
            "Deze bundel bevat meer dan {MAX_PROFILES} profielen en wordt niet geopend."
        ))
        .at("profiles"));
    }
    // serde's message can quote a value from the file, so it is not passed on.
    let shape: FileShape = serde_json::from_value(value.clone()).map_err(|_| {
        structure("De bundel is onvolledig of heeft velden van de verkeerde soort.")
    })?;
    if shape.profiles.is_empty() {
        return Err(structure("De bundel bevat geen profielen.").at("profiles"));
    }
    let is_hex = |s: &str, len: usize| {
        s.len() == len && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    };
    if !is_hex(&shape.bundle_id, 32) {
        return Err(structure("Het bundel-id heeft niet de juiste vorm.").at("bundleId"));
    }
    if shape.integrity.algorithm != DIGEST_ALGORITHM || !is_hex(&shape.integrity.digest, 64) {
        return Err(Error::new(
            "BUNDLE_DIGEST",
            "Het integriteitsblok van deze bundel is ongeldig; de bundel is gewijzigd of beschadigd.",
        )
        .at("integrity"));
    }
    let mut codes = BTreeSet::new();
    for (i, p) in shape.profiles.iter().enumerate() {
        if !codes.insert(p.code) {
            return Err(structure("Een code komt twee keer voor in de bundel.")
                .at(format!("profiles[{i}].code")));
        }
        if p.profile.validate().is_err() || p.matches.iter().any(|m| m.score > 100) {
            return Err(
                structure("Een profiel in de bundel heeft ongeldige waarden.")
                    .at(format!("profiles[{i}]")),
            );
        }
    }
    let changed = || {
        Error::new(
            "BUNDLE_DIGEST",
            "Deze bundel is na het maken gewijzigd of beschadigd: de controle (SHA-256) klopt niet. Vraag de afzender om de bundel opnieuw te sturen.",
        )
    };
    // Every byte counts: a re-serialisation must give back exactly the file.
    if canonical_json(&value) != body {
        return Err(changed());
    }
    let mut content = value;
    if let Value::Object(m) = &mut content {
        m.remove("integrity");
    }
    let digest = sha256_hex(&canonical_json(&content));
    if !ct_eq_str(&digest, &shape.integrity.digest) {
        return Err(changed());
    }
    Ok(VerifiedBundle {
        version: shape.version,
        bundle_id: shape.bundle_id,
        date: shape.date,
        sender: shape.sender,
        recipient: shape.recipient,
        profiles: shape.profiles,
        digest,
    })
}

/// A kept bundle without the profiles of `codes` (canonical notation), for an association that
/// received an afmelding: the digest is made again over what is left, so the verifier still
/// reads it (authenticity came from the envelope's signature, checked when it was opened, and
/// is not claimed again). Returns the new bytes, `None` when no profile is left, and the codes
/// that were removed.
pub(crate) fn without_profiles(
    payload: &[u8],
    codes: &BTreeSet<String>,
) -> Result<(Option<Vec<u8>>, Vec<String>)> {
    let verified = verify_bundle(payload)?;
    let removed: Vec<String> = verified
        .profiles
        .iter()
        .map(|p| p.code.to_string())
        .filter(|c| codes.contains(c))
        .collect();
    if removed.is_empty() {
        return Ok((Some(payload.to_vec()), removed));
    }
    if removed.len() == verified.profiles.len() {
        return Ok((None, removed));
    }
    let internal = || Error::new("INTERNAL", "Interne fout bij het wissen uit een bundel.");
    let mut value: Value =
        serde_json::from_slice(payload.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(payload))
            .map_err(|_| internal())?;
    let Value::Object(map) = &mut value else {
        return Err(internal());
    };
    map.remove("integrity");
    let Some(Value::Array(profiles)) = map.get_mut("profiles") else {
        return Err(internal());
    };
    // The verifier read the profiles in this order, so index i is verified.profiles[i].
    let mut i = 0;
    profiles.retain(|_| {
        let keep = !codes.contains(&verified.profiles[i].code.to_string());
        i += 1;
        keep
    });
    let digest = sha256_hex(&canonical_json(&value));
    let integrity = serde_json::to_value(Integrity {
        algorithm: DIGEST_ALGORITHM.to_string(),
        digest,
    })
    .map_err(|_| internal())?;
    if let Value::Object(map) = &mut value {
        map.insert("integrity".to_string(), integrity);
    }
    let bytes = canonical_json(&value);
    verify_bundle(&bytes)?;
    Ok((Some(bytes), removed))
}

fn ct_eq_str(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// A bundle as a caller outside the app asks for it: `BundleInput` without the random id, and
/// the moment it is offered for download, for the disclosure log.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct BundleRequest {
    /// The bundle's date.
    pub date: Date,
    /// When it is offered for download, ISO date-time, for the disclosure log.
    pub at: String,
    pub region: Region,
    pub recipient_id: String,
    pub recipient_name: String,
    pub profiles: Vec<BundleProfileInput>,
    /// The values of every other resident the sender holds: searched for, never written.
    #[serde(default)]
    pub caseload: Option<Vec<Known>>,
}

/// A written bundle with its disclosure-log entry; the bytes are not serialised (a caller hands
/// them over as bytes).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct BundleWritten {
    pub file_name: String,
    #[serde(skip)]
    pub bytes: Vec<u8>,
    pub bundle_id: String,
    /// One code per input profile, in the input's order.
    pub codes: Vec<String>,
    pub categories: Vec<ProfileCategory>,
    pub disclosure_entry: crate::disclosure::DisclosureEntry,
}

/// `write_bundle` for a request from outside the app, with its disclosure-log entry.
pub fn write_request(
    request: BundleRequest,
    bundle_id: [u8; 16],
) -> Result<BundleWritten, WriteError> {
    let written = write_bundle(&BundleInput {
        bundle_id,
        date: request.date,
        region: request.region,
        recipient_id: request.recipient_id,
        recipient_name: request.recipient_name,
        profiles: request.profiles,
        caseload: request.caseload.unwrap_or_default(),
        prints: Vec::new(),
    })?;
    let disclosure_entry = crate::disclosure::entries_for_bundle(&written, &request.at);
    Ok(BundleWritten {
        codes: written.codes.iter().map(ToString::to_string).collect(),
        categories: written.categories.clone(),
        file_name: written.file_name,
        bytes: written.bytes,
        bundle_id: written.bundle_id_hex,
        disclosure_entry,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_sorts_and_strips() {
        let v: Value =
            serde_json::from_str(r#"{ "b": [1, 2.5, "é\n"], "a": {"z": null, "y": true} }"#)
                .unwrap();
        assert_eq!(
            String::from_utf8(canonical_json(&v)).unwrap(),
            r#"{"a":{"y":true,"z":null},"b":[1,2.5,"é\n"]}"#
        );
    }

    #[test]
    fn file_names_carry_no_spaces_or_case() {
        let d = Date::new(2026, 11, 28).unwrap();
        assert_eq!(
            file_name("Wonen Limburg", d),
            "woonkans-wonen-limburg-2026-11-28.json"
        );
        assert_eq!(
            file_name(" Wóonwenz/../x ", d),
            "woonkans-woonwenz-x-2026-11-28.json"
        );
    }
}
