//! JS API for the placement-profile builder (bemiddelingsprofiel, step 4) and the API's version
//! numbers.
//!
//! The coordinator's draft (`ProfileDraft`) and the facts the minimiser derives from the dossier
//! (`DerivedFacts`) go in; what is still missing, or the finished `PlacementProfile`, comes out.
//! A profile counts as finished only when its free texts pass the scanner, exactly as in the
//! app, so `buildProfile` scans them with the resident's own values when they are given.

use crate::boundary::{JsResult, core, date_arg, error_to_js, from_js, string_arg, to_js};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use woonkans_core::Error;
use woonkans_core::bundle;
use woonkans_core::dossier::Dossier;
use woonkans_core::known::Known;
use woonkans_core::offer::Offer;
use woonkans_core::profile::{DerivedFacts, PlacementProfile, ProfileDraft, category_key};
use woonkans_core::region::{Region, fold_name};
use woonkans_core::rentlimits::{self, RentLimits};
use woonkans_core::scan;
use woonkans_core::workspace::{Case, NoteFinding, ProfileProblems, Workspace};

/// The optional third argument of `profileMissing` and `buildProfile`.
#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct ProfileOptions {
    /// Another year's table; the shipped one when absent.
    rent_limits: Option<RentLimits>,
    /// The resident's own values (from `knownValues`), so the scanner also finds their names
    /// and address in the notes. Without them it still finds BSNs, phones, e-mail, IBANs, dates
    /// and health or justice terms.
    known: Option<Known>,
}

fn absent(v: &JsValue) -> bool {
    v.is_undefined() || v.is_null()
}

fn checked_limits(limits: Option<RentLimits>) -> JsResult<RentLimits> {
    match limits {
        Some(l) => {
            core(l.validate())?;
            Ok(l)
        }
        None => Ok(rentlimits::current()),
    }
}

fn options(value: JsValue) -> JsResult<(RentLimits, Known)> {
    let o: ProfileOptions = if absent(&value) {
        ProfileOptions::default()
    } else {
        // serde-wasm-bindgen reads only the declared fields, so `deny_unknown_fields` never
        // sees a misspelt option; a misspelt `rentLimits` would silently use the shipped table.
        if let Some(obj) = value.dyn_ref::<js_sys::Object>() {
            let known_keys = ["rentLimits", "known"];
            if js_sys::Object::keys(obj).iter().any(|k| {
                !known_keys
                    .iter()
                    .any(|n| k.as_string().as_deref() == Some(*n))
            }) {
                return Err(error_to_js(
                    &Error::new(
                        "INPUT_INVALID",
                        "De opties kennen alleen rentLimits en known.",
                    )
                    .at("opties"),
                ));
            }
        }
        from_js(value, "de opties")?
    };
    Ok((checked_limits(o.rent_limits)?, o.known.unwrap_or_default()))
}

fn draft(value: JsValue) -> JsResult<ProfileDraft> {
    // An empty form is a valid draft: everything is still missing.
    if absent(&value) {
        return Ok(ProfileDraft::default());
    }
    from_js(value, "het concept-profiel")
}

fn facts(value: JsValue) -> JsResult<DerivedFacts> {
    from_js(value, "de afgeleide gegevens")
}

/// Scanner findings in every free text of the draft, with the same field paths as the app
/// (`notities.<categorie>`, `uitgeslotenBuurten[i]`, `terugvalplan.…`).
fn note_findings(d: &ProfileDraft, known: &Known) -> Vec<NoteFinding> {
    let mut texts: Vec<(String, &str)> = Vec::new();
    for (c, a) in &d.assessments {
        texts.push((format!("notities.{}", category_key(*c)), a.note.as_str()));
    }
    for (i, n) in d.excluded_neighbourhoods.iter().enumerate() {
        texts.push((format!("uitgeslotenBuurten[{i}]"), n.as_str()));
    }
    texts.push((
        "terugvalplan.signalen".into(),
        d.relapse_plan.signals.as_str(),
    ));
    for (i, a) in d.relapse_plan.agreements.iter().enumerate() {
        texts.push((format!("terugvalplan.afspraken[{i}]"), a.action.as_str()));
    }
    texts
        .into_iter()
        .flat_map(|(field, text)| {
            scan::scan(text, known)
                .into_iter()
                .map(move |finding| NoteFinding {
                    field: field.clone(),
                    finding,
                })
        })
        .collect()
}

fn problems(
    d: &ProfileDraft,
    f: &DerivedFacts,
    limits: &RentLimits,
    known: &Known,
) -> ProfileProblems {
    ProfileProblems {
        missing: d.missing(limits, f),
        findings: note_findings(d, known),
    }
}

/// What keeps the draft from being a finished profile: `{ missing: [{ field, message }],
/// findings: [{ field, finding: { kind, start, end } }] }`, both empty when it is ready.
/// `draft` may be `undefined` (an empty form); `options` is `{ rentLimits?, known? }`.
#[wasm_bindgen(js_name = profileMissing)]
pub fn profile_missing(
    draft_value: JsValue,
    facts_value: JsValue,
    opts: JsValue,
) -> JsResult<JsValue> {
    let d = draft(draft_value)?;
    let f = facts(facts_value)?;
    let (limits, known) = options(opts)?;
    to_js(&problems(&d, &f, &limits, &known))
}

/// The finished placement profile. Throws `PROFILE_INCOMPLETE` with the same `missing` and
/// `findings` arrays as `profileMissing` on the Error object while anything is open, and
/// `PROFILE_INVALID` when the facts are out of range (a household of 0).
#[wasm_bindgen(js_name = buildProfile)]
pub fn build_profile(
    draft_value: JsValue,
    facts_value: JsValue,
    opts: JsValue,
) -> JsResult<JsValue> {
    let d = draft(draft_value)?;
    let f = facts(facts_value)?;
    let (limits, known) = options(opts)?;
    let open = problems(&d, &f, &limits, &known);
    let profile: PlacementProfile = match d.complete(&limits, &f) {
        Ok(p) if open.findings.is_empty() => p,
        _ => {
            let err = error_to_js(&open.to_error());
            let missing = to_js(&open.missing)?;
            let findings = to_js(&open.findings)?;
            // Setting own properties on a fresh Error object cannot fail.
            let _ = js_sys::Reflect::set(&err, &"missing".into(), &missing);
            let _ = js_sys::Reflect::set(&err, &"findings".into(), &findings);
            return Err(err);
        }
    };
    core(profile.validate())?;
    to_js(&profile)
}

/// "noordLimburg", "Noord-Limburg", "noord limburg": any spelling of a region's name, as
/// `targetGroupCheck` accepts it.
fn region(value: &JsValue) -> JsResult<Region> {
    let folded = fold_name(&string_arg(value, "region")?);
    Region::ALL
        .into_iter()
        .find(|r| fold_name(r.name()) == folded)
        .ok_or_else(|| {
            error_to_js(
                &Error::new(
                    "REGION_INVALID",
                    "Kies de regio Noord-Limburg of Midden-Limburg.",
                )
                .at("regio"),
            )
        })
}

/// The facts for the profile that the minimiser derives from the dossier on `referenceDate`
/// for the coordinator's `region`: `{ gender, livingSituation, ageBand, incomeBand,
/// householdSize }`. Throws `GATE_MISSING` before the step-4 gates are recorded and
/// `DOSSIER_INCOMPLETE` while the living situation or the income is not filled in.
#[wasm_bindgen(js_name = derivedFacts)]
pub fn derived_facts(
    dossier: JsValue,
    reference_date: JsValue,
    region_name: JsValue,
    rent_limits: JsValue,
) -> JsResult<JsValue> {
    let d: Dossier = from_js(dossier, "het dossier")?;
    let reference = date_arg(&reference_date, "referenceDate", "peildatum")?;
    let region = region(&region_name)?;
    let limits = if absent(&rent_limits) {
        rentlimits::current()
    } else {
        checked_limits(Some(from_js(rent_limits, "de huurgrenzen")?))?
    };
    // The workspace holds the app's one rule for this; a workspace of one case reuses it.
    let id = d.id.clone();
    let mut ws = Workspace::new(Offer::default());
    ws.set_region(Some(region));
    ws.settings.rent_limits = limits;
    ws.cases.push(Case {
        dossier: d,
        profile: ProfileDraft::default(),
        codes: Default::default(),
        accepted: None,
        log: Vec::new(),
        sent_texts: Default::default(),
    });
    to_js(&core(ws.facts(&id, reference))?)
}

/// The format version of the coded profile bundles this module writes and verifies
/// (`format: "woonkans-bundel"`). `verifyBundle` refuses other versions with `BUNDLE_VERSION`.
#[wasm_bindgen(js_name = bundleFormatVersion)]
pub fn bundle_format_version() -> u32 {
    u32::try_from(bundle::VERSION).unwrap_or(u32::MAX)
}

/// The format name written in every bundle: `"woonkans-bundel"`.
#[wasm_bindgen(js_name = bundleFormat)]
pub fn bundle_format() -> String {
    bundle::FORMAT.to_string()
}
