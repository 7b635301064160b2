//! JS API for the dossier, the processing register, the target-group check, the minimiser and
//! the step-6 hand-over.
//!
//! Dossiers go in and out as plain objects in the core's camelCase shape. Nothing here adds
//! behaviour: each function reads its input, calls the core and writes the result.

use crate::boundary::{
    JsResult, core, date_arg, from_js, from_js_opt, integer_arg, opt_string_arg, region_arg,
    string_arg, to_js,
};
use wasm_bindgen::prelude::*;
use woonkans_core::dossier::Dossier;
use woonkans_core::handover::{self, HandoverConfirmation};
use woonkans_core::minimise;
use woonkans_core::profile::PlacementProfile;
use woonkans_core::register::{self, Gate};
use woonkans_core::rentlimits;
use woonkans_core::targetgroup::check_target_group;

fn dossier_from(value: JsValue) -> JsResult<Dossier> {
    from_js(value, "het dossier")
}

/// Every problem with the dossier for its current step: `[{ code, message, field }]`, empty when
/// all is well. Throws `INPUT_INVALID` only when the input is not a dossier at all.
#[wasm_bindgen(js_name = validateDossier)]
pub fn validate_dossier(dossier: JsValue) -> JsResult<JsValue> {
    let d = dossier_from(dossier)?;
    to_js(&d.validate())
}

/// The target-group check on `referenceDate` (ISO or dd-mm-jjjj) for the coordinator's
/// `region`: `{ eligible, youngAdult, failures: [{ condition, reason, missingData }] }`.
#[wasm_bindgen(js_name = targetGroupCheck)]
pub fn target_group_check(
    dossier: JsValue,
    reference_date: JsValue,
    region: JsValue,
) -> JsResult<JsValue> {
    let d = dossier_from(dossier)?;
    let reference = date_arg(&reference_date, "referenceDate", "peildatum")?;
    let region = region_arg(&region, "region")?;
    to_js(&check_target_group(&d, reference, region))
}

/// The processing register, step 1 to 6, with Dutch labels, for rendering.
#[wasm_bindgen(js_name = processingRegister)]
pub fn processing_register() -> JsResult<JsValue> {
    to_js(&register::described())
}

/// The view of step `step` (1-5) for its recipient, tagged `view: "step1"` … `"step5"`. Step 5
/// needs `code` (this recipient's code) and `profile` (the placement profile); they are ignored
/// otherwise. Throws `GATE_MISSING` while the gates on the way to the step are not recorded,
/// and `HANDOVER_ONLY` for step 6 (use `makeHandover`).
#[wasm_bindgen(js_name = minimisedView)]
pub fn minimised_view(
    step: JsValue,
    dossier: JsValue,
    reference_date: JsValue,
    region: JsValue,
    code: JsValue,
    profile: JsValue,
) -> JsResult<JsValue> {
    let number = integer_arg(&step, "step")?;
    let d = dossier_from(dossier)?;
    let reference = date_arg(&reference_date, "referenceDate", "peildatum")?;
    let region = region_arg(&region, "region")?;
    let code = opt_string_arg(&code, "code")?;
    let profile: Option<PlacementProfile> = from_js_opt(profile, "het bemiddelingsprofiel")?;
    to_js(&core(minimise::view_of_step(
        number,
        &d,
        reference,
        region,
        &rentlimits::current(),
        code.as_deref(),
        profile.as_ref(),
    ))?)
}

/// The step-6 hand-over for one association: `{ fileName, json, handover }`. `confirmation` is
/// `{ grondslagConfirmed, confirmedBy, date }`; throws `GATE_MISSING` before the match is
/// accepted and `CONFIRMATION_MISSING` unless the grondslag is explicitly confirmed.
#[wasm_bindgen(js_name = makeHandover)]
pub fn make_handover(
    dossier: JsValue,
    profile: JsValue,
    association_id: JsValue,
    association_name: JsValue,
    confirmation: JsValue,
) -> JsResult<JsValue> {
    let d = dossier_from(dossier)?;
    let profile: PlacementProfile = from_js(profile, "het bemiddelingsprofiel")?;
    let association_id = string_arg(&association_id, "associationId")?;
    let association_name = string_arg(&association_name, "associationName")?;
    let confirmation: HandoverConfirmation = from_js(confirmation, "de bevestiging")?;
    to_js(&core(handover::handover_file(
        &d,
        &profile,
        &association_id,
        &association_name,
        confirmation,
    ))?)
}

/// The identifying values of the dossier, as the scanner and the leak guard search for them.
#[wasm_bindgen(js_name = knownValues)]
pub fn known_values(dossier: JsValue) -> JsResult<JsValue> {
    to_js(&dossier_from(dossier)?.known())
}

/// Records a gate and returns the updated dossier. `gate` is `consentToRegister`,
/// `eligibilityAndSupportPlan`, `consentToShareWithCoordinator` or `matchAccepted`.
#[wasm_bindgen(js_name = recordGate)]
pub fn record_gate(
    dossier: JsValue,
    gate: JsValue,
    date: JsValue,
    actor: JsValue,
) -> JsResult<JsValue> {
    let mut d = dossier_from(dossier)?;
    let gate: Gate = from_js(gate, "de poort")?;
    let date = date_arg(&date, "date", "poort.datum")?;
    let actor = string_arg(&actor, "actor")?;
    core(d.record_gate(gate, date, &actor))?;
    to_js(&d)
}
