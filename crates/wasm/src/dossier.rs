//! JS API for the dossier, the processing register, the target-group check, the minimiser and
//! the step-6 hand-over.
//!
//! Dossiers go in and out as plain objects in the core's camelCase shape. Nothing here adds
//! behaviour: each function reads its input, calls the core and writes the result.

use crate::boundary::{
    JsResult, core, date_arg, error_to_js, from_js, integer_arg, opt_string_arg, string_arg, to_js,
};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use woonkans_core::Error;
use woonkans_core::code;
use woonkans_core::dossier::Dossier;
use woonkans_core::handover::{self, HandoverConfirmation};
use woonkans_core::minimise::{self, Coded, ViewContext};
use woonkans_core::profile::PlacementProfile;
use woonkans_core::region::{Region, fold_name};
use woonkans_core::register::{
    self, Category, Derived, Gate, Grondslag, Recipient, Step, required_gates,
};
use woonkans_core::rentlimits;
use woonkans_core::targetgroup::check_target_group;
use woonkans_core::vocab::Dutch;

fn dossier_from(value: JsValue) -> JsResult<Dossier> {
    from_js(value, "het dossier")
}

/// "noordLimburg", "Noord-Limburg", "noord limburg": any spelling of a region's name.
fn region_from(value: &JsValue) -> JsResult<Region> {
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

fn absent(v: &JsValue) -> bool {
    v.is_undefined() || v.is_null()
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
    let region = region_from(&region)?;
    to_js(&check_target_group(&d, reference, region))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Labelled<K: Serialize> {
    key: K,
    label: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CategoryJs {
    key: Category,
    label: &'static str,
    special_category: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DerivedJs {
    key: Derived,
    label: &'static str,
    source: Category,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct GrondslagJs {
    key: Grondslag,
    label: &'static str,
    article: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RowJs {
    step: u8,
    step_key: Step,
    step_name: &'static str,
    verwerking: &'static str,
    processor: &'static str,
    recipient: Labelled<Recipient>,
    categories: Vec<CategoryJs>,
    derived: Vec<DerivedJs>,
    grondslagen: Vec<GrondslagJs>,
    grondslag_text: &'static str,
    doel: &'static str,
    coded: bool,
    required_gates: Vec<Labelled<Gate>>,
}

/// The processing register, step 1 to 6, with Dutch labels, for rendering.
#[wasm_bindgen(js_name = processingRegister)]
pub fn processing_register() -> JsResult<JsValue> {
    let rows: Vec<RowJs> = register::register()
        .iter()
        .map(|r| RowJs {
            step: r.step.number(),
            step_key: r.step,
            step_name: r.step.dutch(),
            verwerking: r.verwerking,
            processor: r.processor,
            recipient: Labelled {
                key: r.recipient,
                label: r.recipient.dutch(),
            },
            categories: r
                .categories
                .iter()
                .map(|c| CategoryJs {
                    key: *c,
                    label: c.dutch(),
                    special_category: c.special_category(),
                })
                .collect(),
            derived: r
                .derived
                .iter()
                .map(|d| DerivedJs {
                    key: *d,
                    label: d.dutch(),
                    source: d.source(),
                })
                .collect(),
            grondslagen: r
                .grondslagen
                .iter()
                .map(|g| GrondslagJs {
                    key: *g,
                    label: g.dutch(),
                    article: g.article(),
                })
                .collect(),
            grondslag_text: r.grondslag_text,
            doel: r.doel,
            coded: r.coded,
            required_gates: required_gates(r.step)
                .iter()
                .map(|g| Labelled {
                    key: *g,
                    label: g.dutch(),
                })
                .collect(),
        })
        .collect();
    to_js(&rows)
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
    // A whole number outside 0..=255 is as much no step as 7 is: 0 gives the same STEP_INVALID.
    let number = u8::try_from(integer_arg(&step, "step")?).unwrap_or(0);
    let step = core(Step::from_number(number).map_err(|e| e.at("step")))?;
    let d = dossier_from(dossier)?;
    let reference = date_arg(&reference_date, "referenceDate", "peildatum")?;
    let region = region_from(&region)?;
    let code = opt_string_arg(&code, "code")?;
    let limits = rentlimits::current();
    let profile: Option<PlacementProfile> = if step == Step::AssociationTalks && !absent(&profile) {
        Some(from_js(profile, "het bemiddelingsprofiel")?)
    } else {
        None
    };
    let code = match (step, code) {
        (Step::AssociationTalks, Some(text)) => {
            Some(core(code::parse(&text).map_err(|e| e.at("code")))?)
        }
        _ => None,
    };
    let coded = match (code, profile.as_ref()) {
        (Some(code), Some(profile)) => Some(Coded { code, profile }),
        _ => None,
    };
    let ctx = ViewContext {
        reference_date: reference,
        region,
        rent_limits: &limits,
        coded,
    };
    to_js(&core(minimise::view(step, &d, &ctx))?)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct HandoverJs {
    /// The download name: association id and date only.
    file_name: String,
    /// The file's text.
    json: String,
    handover: handover::Handover,
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
    let h = core(handover::handover(
        &d,
        &profile,
        &association_id,
        &association_name,
        confirmation,
    ))?;
    to_js(&HandoverJs {
        file_name: h.file_name(),
        json: h.to_json(),
        handover: h,
    })
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
