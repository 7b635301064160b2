//! JS API for the housing offer (sample, import, export, merge) and for matching: one profile
//! against the offer, and the optimal assignment of a caseload.
//!
//! Offers, profiles and weights are plain JS objects in the shapes of the core types (camelCase).
//! Dates are `jjjj-mm-dd` or `dd-mm-jjjj` strings. `weights` may be `undefined` or `null` for the
//! default weights.

use crate::boundary::{
    JsResult, bytes_arg, core, date_arg, from_js, from_js_opt, string_arg, to_js, u8_arg,
};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use woonkans_core::assign;
use woonkans_core::date::Date;
use woonkans_core::import;
use woonkans_core::matching::{self, Weights};
use woonkans_core::offer::{MergeMode, MergeSummary, Offer};
use woonkans_core::profile::{AgeBand, IncomeBand, PlacementProfile};
use woonkans_core::rentlimits;
use woonkans_core::sample;

fn offer(value: JsValue) -> JsResult<Offer> {
    from_js(value, "het woningaanbod")
}

/// Absent: the default weights; given: checked.
fn weights(value: JsValue) -> JsResult<Weights> {
    core(Weights::or_default(from_js_opt(value, "de gewichten")?))
}

fn date(value: &JsValue) -> JsResult<Date> {
    date_arg(value, "referenceDate", "referenceDate")
}

/// The embedded sample offer (invented associations, both regions).
#[wasm_bindgen(js_name = sampleOffer)]
pub fn sample_offer() -> JsResult<JsValue> {
    to_js(&sample::sample_offer())
}

/// Reads a CSV of dwellings or of associations (bytes as the file holds them). Returns the
/// import report: `{ kind, offerPart, acceptedRows, errors: [{ line, column, message }],
/// ignoredColumns }`. Throws for a file that cannot be read at all.
#[wasm_bindgen(js_name = importOfferCsv)]
pub fn import_offer_csv(bytes: JsValue) -> JsResult<JsValue> {
    to_js(&core(import::import_csv(&bytes_arg(&bytes, "bytes")?))?)
}

/// Reads an offer in the Woonkans JSON format (`format: "woonkans-aanbod"`, `version: 1`).
#[wasm_bindgen(js_name = importOfferJson)]
pub fn import_offer_json(text: JsValue) -> JsResult<JsValue> {
    to_js(&core(import::import_json(&string_arg(&text, "text")?))?)
}

/// Reads either kind of offer file, JSON or CSV, by its content.
#[wasm_bindgen(js_name = importOfferFile)]
pub fn import_offer_file(bytes: JsValue) -> JsResult<JsValue> {
    to_js(&core(import::import_file(&bytes_arg(&bytes, "bytes")?))?)
}

/// The offer as two CSV files for spreadsheets (`;`, decimal comma, UTF-8 with BOM):
/// `{ associations: Uint8Array, dwellings: Uint8Array }`.
#[wasm_bindgen(js_name = exportOfferCsv)]
pub fn export_offer_csv(offer_value: JsValue) -> JsResult<JsValue> {
    let files = import::export_csv(&offer(offer_value)?);
    let out = js_sys::Object::new();
    for (key, bytes) in [
        ("associations", &files.associations),
        ("dwellings", &files.dwellings),
    ] {
        // Setting a property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(
            &out,
            &key.into(),
            &js_sys::Uint8Array::from(bytes.as_slice()).into(),
        );
    }
    Ok(out.into())
}

/// The offer in the Woonkans JSON format.
#[wasm_bindgen(js_name = exportOfferJson)]
pub fn export_offer_json(offer_value: JsValue) -> JsResult<String> {
    Ok(import::export_json(&offer(offer_value)?))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Merged {
    offer: Offer,
    summary: MergeSummary,
}

/// Combines the loaded offer with an imported part. `mode` is `"addAndUpdate"` or `"replace"`
/// (replace only after the coordinator confirmed). Returns `{ offer, summary }`; the inputs are
/// not changed, and on an error nothing is returned.
#[wasm_bindgen(js_name = mergeOffer)]
pub fn merge_offer(current: JsValue, incoming: JsValue, mode: JsValue) -> JsResult<JsValue> {
    let mode = core(MergeMode::parse(&string_arg(&mode, "mode")?))?;
    let current = offer(current)?;
    let incoming = offer(incoming)?;
    let (offer, summary) = core(current.merge(&incoming, mode))?;
    to_js(&Merged { offer, summary })
}

/// Matches one placement profile against the offer on the reference date: eligible dwellings with
/// their score explanation, knocked-out dwellings with every reason, and the associations.
#[wasm_bindgen(js_name = matchProfile)]
pub fn match_profile(
    profile: JsValue,
    offer_value: JsValue,
    weights_value: JsValue,
    reference_date: JsValue,
) -> JsResult<JsValue> {
    let p: PlacementProfile = from_js(profile, "het bemiddelingsprofiel")?;
    let o = offer(offer_value)?;
    let w = weights(weights_value)?;
    let d = date(&reference_date)?;
    to_js(&core(matching::match_profile(&p, &o, &w, d))?)
}

/// The optimal assignment of a caseload (an array of profiles) to the offer's dwellings:
/// `{ pairs: [{ profile, dwelling, dwellingId, score, priority }], total, weightedTotal,
/// unassigned: [{ profile, reason, message }] }`; `profile` and `dwelling` are indices into the
/// inputs. `priority` (optional): `{ weights: { young, perMonthWaiting, maxMonths },
/// waitingSince: [date | null per profile] }`, and the assignment maximises score plus priority.
#[wasm_bindgen(js_name = assignCaseload)]
pub fn assign_caseload(
    profiles: JsValue,
    offer_value: JsValue,
    weights_value: JsValue,
    reference_date: JsValue,
    priority: JsValue,
) -> JsResult<JsValue> {
    let ps: Vec<PlacementProfile> = from_js(profiles, "de bemiddelingsprofielen")?;
    let o = offer(offer_value)?;
    let w = weights(weights_value)?;
    let d = date(&reference_date)?;
    let p: Option<assign::CaseloadPriority> = from_js_opt(priority, "de voorrang")?;
    to_js(&core(assign::assign_caseload_report(
        &ps,
        &o,
        &w,
        d,
        p.as_ref(),
    ))?)
}

/// The default weights (they add up to 100).
#[wasm_bindgen(js_name = defaultWeights)]
pub fn default_weights() -> JsResult<JsValue> {
    to_js(&Weights::default())
}

/// The shipped rent- and income-limit table with its year and source.
#[wasm_bindgen(js_name = rentLimits)]
pub fn rent_limits() -> JsResult<JsValue> {
    to_js(&rentlimits::current())
}

/// The highest net rent in cents that passend toewijzen allows: `householdSize` a whole number
/// from 1 to 12, `ageBand` as `"18-22"` … `"67+"`, `incomeBand` as `"atOrBelowLimit"` or
/// `"aboveLimit"`.
#[wasm_bindgen(js_name = maxRent)]
pub fn max_rent(household_size: JsValue, age_band: JsValue, income_band: JsValue) -> JsResult<u32> {
    let household_size = u8_arg(&household_size, "householdSize", 1, 12)?;
    let band: AgeBand = from_js(age_band, "de leeftijdscategorie")?;
    let income: IncomeBand = from_js(income_band, "de inkomenscategorie")?;
    Ok(rentlimits::current().max_rent_cents(household_size, band, income))
}
