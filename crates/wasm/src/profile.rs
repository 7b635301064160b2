//! JS API for the placement-profile builder (bemiddelingsprofiel, step 4) and the API's version
//! numbers.
//!
//! The coordinator's draft (`ProfileDraft`) and the facts the minimiser derives from the dossier
//! (`DerivedFacts`) go in; what is still missing, or the finished `PlacementProfile`, comes out.
//! A profile counts as finished only when its free texts pass the scanner, exactly as in the
//! app (`core::workspace::build_profile`), so `buildProfile` scans them with the resident's own
//! values when they are given.

use crate::boundary::{
    JsResult, build_error, core, date_arg, from_js, from_js_opt, from_js_or_default, region_arg,
    to_js,
};
use wasm_bindgen::prelude::*;
use woonkans_core::bundle;
use woonkans_core::dossier::Dossier;
use woonkans_core::minimise;
use woonkans_core::profile::{DerivedFacts, ProfileDraft};
use woonkans_core::rentlimits;
use woonkans_core::workspace::{self, ProfileOptions};

/// An absent draft is an empty form: everything is still missing.
fn draft(value: JsValue) -> JsResult<ProfileDraft> {
    from_js_or_default(value, "het concept-profiel")
}

fn facts(value: JsValue) -> JsResult<DerivedFacts> {
    from_js(value, "de afgeleide gegevens")
}

fn options(value: JsValue) -> JsResult<ProfileOptions> {
    from_js_or_default(value, "de opties")
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
    let o = options(opts)?;
    to_js(&core(workspace::profile_problems(&d, &f, &o))?)
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
    let o = options(opts)?;
    to_js(&workspace::build_profile(&d, &f, &o).map_err(build_error)?)
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
    let region = region_arg(&region_name, "region")?;
    let limits = core(rentlimits::or_current(from_js_opt(
        rent_limits,
        "de huurgrenzen",
    )?))?;
    to_js(&core(minimise::derived_facts(
        &d, reference, region, &limits,
    ))?)
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
