//! Step 4 (Bemiddelingsprofiel): the coordinator builds the placement profile — five
//! self-reliance levels with notes (scanned as you type), mobility, search area, housing form,
//! rental history, bewindvoering, contract form, support, relapse and safety plan, and an
//! optional lower maximum rent — with the list of what is still open and the exact profile an
//! association will see.

use super::check::CheckButton;
use super::fields::{Choice, ParsedField, read_yes_no, yes_no_options};
use super::note_field::NoteField;
use super::relapse::RelapsePlanFields;
use super::search_area::{ExcludedNeighbourhoods, SearchArea};
use super::shared_panel::SharedPanel;
use super::{StepProps, edit, field_id, from_key, key, options};
use crate::browser;
use crate::components::form::SelectField;
use crate::state::use_app;
use std::collections::BTreeMap;
use woonkans_core::explain::ProfileField;
use woonkans_core::profile::{
    Assessment, ContractForm, History, HousingForm, Mobility, ProfileCategory, ProfileDraft,
    SCORED, SafetyPlan, category_key,
};
use woonkans_core::register::Step;
use woonkans_core::routeplanner::form_step;
use woonkans_core::vocab::{self, Dutch};
use woonkans_core::workspace::ProfileProblems;
use woonkans_views::dossier_form::{parse_cents, parse_hours};
use yew::prelude::*;

const MOBILITY: [Mobility; 3] = [Mobility::None, Mobility::StepFree, Mobility::Wheelchair];
const HOUSING: [HousingForm; 4] = [
    HousingForm::Independent,
    HousingForm::InComplex,
    HousingForm::Cluster,
    HousingForm::NoPreference,
];
const HISTORY: [History; 3] = [History::None, History::Resolved, History::Current];
const CONTRACTS: [ContractForm; 3] = [
    ContractForm::RegularLease,
    ContractForm::LeaseWithCareAgreement,
    ContractForm::LeaseInCareProviderName,
];
const SAFETY: [SafetyPlan; 3] = [
    SafetyPlan::NotNeeded,
    SafetyPlan::Needed,
    SafetyPlan::Present,
];

fn level_hint(c: ProfileCategory) -> &'static str {
    match c {
        ProfileCategory::HouseholdCare => "Het huishouden doen en voor zichzelf zorgen.",
        ProfileCategory::WorkDayActivities => "Werk, opleiding, dagbesteding of vrijwilligerswerk.",
        ProfileCategory::SocialNetwork => "Contacten met familie, vrienden en buren die steunen.",
        ProfileCategory::SocialSelfReliance => "Zich redden in contact met anderen en instanties.",
        ProfileCategory::FinancesDebts => "Rondkomen, rekeningen betalen, schulden.",
        _ => "",
    }
}

/// The name of a note field in the "nog niet compleet" list.
fn note_label(field: &str) -> String {
    if let Some(k) = field.strip_prefix("notities.") {
        return ProfileCategory::ALL
            .iter()
            .find(|c| category_key(**c) == k)
            .map_or_else(
                || "Een notitie".to_string(),
                |c| format!("Toelichting bij {}", c.dutch().to_lowercase()),
            );
    }
    if let Some(rest) = field.strip_prefix("uitgeslotenBuurten[") {
        let n: usize = rest.trim_end_matches(']').parse().unwrap_or(0);
        return format!("Buurt om te vermijden {}", n + 1);
    }
    if field == "terugvalplan.signalen" {
        return "Terugvalplan, signalen".to_string();
    }
    if let Some(rest) = field.strip_prefix("terugvalplan.afspraken[") {
        let n: usize = rest.trim_end_matches(']').parse().unwrap_or(0);
        return format!("Terugvalplan, afspraak {}", n + 1);
    }
    "Een tekstveld".to_string()
}

#[derive(Properties, PartialEq)]
struct OpenPointsProps {
    problems: ProfileProblems,
    on_show: Callback<Step>,
}

/// "Nog niet compleet": every missing part and every finding, each linked to its field.
#[function_component(OpenPoints)]
fn open_points(p: &OpenPointsProps) -> Html {
    let count = p.problems.missing.len() + p.problems.findings.len();
    html! {
        <div class="kaart open-punten" id="nog-niet-compleet">
            <h3>{ format!("Nog niet compleet ({count})") }</h3>
            <ul>
                { for p.problems.missing.iter().map(|m| match form_step(&m.field) {
                    // A dossier field of an earlier step: go there.
                    Some(step) => {
                        let cb = p.on_show.clone();
                        html! {
                            <li>
                                { m.message.clone() }{ " " }
                                <button type="button" class="knop-link" onclick={Callback::from(move |_| cb.emit(step))}>
                                    { format!("Naar stap {}", step.number()) }
                                </button>
                            </li>
                        }
                    }
                    None if m.field.is_empty() || m.field == "poorten" => html! { <li>{ m.message.clone() }</li> },
                    None => html! { <li><a href={format!("#{}", field_id(&m.field))}>{ m.message.clone() }</a></li> },
                }) }
                { for p.problems.findings.iter().map(|f| html! {
                    <li>
                        <a href={format!("#{}", field_id(&f.field))}>
                            { format!("{}: hierin staat een {}. Vervang of verwijder het.", note_label(&f.field), f.finding.kind.dutch()) }
                        </a>
                    </li>
                }) }
            </ul>
        </div>
    }
}

#[function_component(ProfileBuilder)]
pub fn profile_builder(p: &StepProps) -> Html {
    let app = use_app();
    let Some(ws) = app.workspace() else {
        return html! {};
    };
    let Ok(case) = ws.case(&p.id) else {
        return html! {};
    };
    let today = browser::today();
    let draft = &case.profile;
    let facts = ws.facts(&p.id, today);
    let problems = ws.profile(&p.id, today).err();
    // Messages at the fields: only for touched fields or after "Gegevens controleren".
    let missing: BTreeMap<String, String> = problems
        .iter()
        .flat_map(|pr| pr.missing.iter())
        .filter(|m| p.show_all || p.touched.has(&m.field))
        .map(|m| (m.field.clone(), m.message.clone()))
        .collect();
    let err = |f: &str| missing.get(f).cloned();
    let id = p.id.as_str();
    let t = &p.touched;
    let set = |field: &'static str, f: fn(&mut ProfileDraft, String)| -> Callback<String> {
        edit(&app, id, t, &[field], move |c, v: String| {
            f(&mut c.profile, v);
            Ok(())
        })
    };
    let table_max = facts
        .as_ref()
        .ok()
        .map(|f| f.table_max_rent_cents(&ws.settings().rent_limits_on(crate::browser::today())));
    let max_rent = {
        let cb = edit(&app, id, t, &["maximaleHuur"], |c, v: Option<u32>| {
            c.profile.max_rent_override_cents = v;
            Ok(())
        });
        Callback::from(move |text: String| {
            if text.trim().is_empty() {
                cb.emit(None);
                return None;
            }
            match parse_cents(&text) {
                Ok(c) => {
                    cb.emit(Some(c));
                    None
                }
                Err(e) => Some(e.message),
            }
        })
    };
    let support = {
        let cb = edit(&app, id, t, &["ondersteuningUren"], |c, v: Option<f64>| {
            c.profile.support_hours_per_week = v;
            Ok(())
        });
        Callback::from(move |text: String| {
            if text.trim().is_empty() {
                cb.emit(None);
                return None;
            }
            match parse_hours(&text) {
                Ok(h) => {
                    cb.emit(Some(h));
                    None
                }
                Err(e) => Some(e.message),
            }
        })
    };

    let facts_panel = match &facts {
        Ok(f) => html! {
            <div class="kaart">
                <h3>{ "Uit het dossier (stap 3), gegeneraliseerd" }</h3>
                <dl class="gegevens">
                    <dt>{ "Geslacht" }</dt><dd>{ f.gender.dutch() }</dd>
                    <dt>{ "Woonsituatie" }</dt><dd>{ f.living_situation.dutch() }</dd>
                    <dt>{ "Leeftijdscategorie" }</dt><dd>{ f.age_band.dutch() }</dd>
                    <dt>{ "Huishoudgrootte" }</dt><dd>{ f.household_size }</dd>
                    <dt>{ "Inkomensklasse" }</dt><dd>{ f.income_band.dutch() }</dd>
                    { for table_max.map(|m| html! { <><dt>{ "Maximale huur volgens de huurtabel" }</dt><dd>{ format!("{} per maand", vocab::euro(m)) }</dd></> }) }
                </dl>
                <p class="hint">{ "Wijzigen doet u in stap 3; hier staan ze zoals ze in het profiel komen." }</p>
            </div>
        },
        Err(e) => {
            let cb = p.on_show.clone();
            let step = e.field.as_deref().and_then(form_step);
            html! {
                <div class="melding">
                    <p>{ e.message.clone() }</p>
                    { for step.map(|s| html! {
                        <button type="button" class="knop knop-secundair knop-klein" onclick={Callback::from(move |_| cb.emit(s))}>
                            { format!("Naar stap {}", s.number()) }
                        </button>
                    }) }
                </div>
            }
        }
    };

    html! {
        <div class="stap-formulier profielbouwer">
            { facts_panel }
            { match &problems {
                Some(pr) => html! { <OpenPoints problems={pr.clone()} on_show={p.on_show.clone()} /> },
                None => html! { <p class="melding melding-goed" role="status">{ "Het bemiddelingsprofiel is compleet en bevat geen herleidbare gegevens." }</p> },
            } }
            <fieldset class="kaal" disabled={!p.open}>
                <fieldset class="groep">
                    <legend>{ "Zelfredzaamheid" }</legend>
                    <p class="hint">{ "Per onderdeel een niveau van 1 (acute problematiek) tot 5 (volledig zelfredzaam), in de manier van de Zelfredzaamheid-Matrix, met een korte toelichting zonder namen, nummers of gezondheidsgegevens." }</p>
                    { for SCORED.iter().map(|&c| {
                        let k = category_key(c);
                        let assessment = draft.assessments.get(&c).cloned().unwrap_or_default();
                        let level_field = format!("niveaus.{k}");
                        let on_level = edit(&app, id, t, &[level_field.as_str()], move |case, v: String| {
                            let level = v.parse::<u8>().ok().filter(|l| (1..=5).contains(l));
                            case.profile.assessments.entry(c).or_insert_with(Assessment::default).level = level;
                            Ok(())
                        });
                        let on_note = edit(&app, id, t, &[], move |case, v: String| {
                            case.profile.assessments.entry(c).or_insert_with(Assessment::default).note = v;
                            Ok(())
                        });
                        html! {
                            <div class="categorie">
                                <Choice id={field_id(&level_field)} legend={c.dutch()} hint={level_hint(c)}
                                    options={vocab::LEVELS.iter().map(|(n, d)| (n.to_string(), format!("{n} {d}"))).collect::<Vec<_>>()}
                                    value={assessment.level.map(|l| l.to_string()).unwrap_or_default()}
                                    error={err(&level_field)} onchange={on_level} />
                                <NoteField id={format!("notities-{k}")} label={format!("Toelichting bij {}", c.dutch().to_lowercase())}
                                    hint="Niet verplicht; hoogstens 500 tekens." case_id={p.id.clone()}
                                    value={assessment.note.clone()} onchange={on_note} rows={2}
                                    release={AttrValue::from(format!("notities.{k}"))} />
                            </div>
                        }
                    }) }
                </fieldset>
                <fieldset class="groep">
                    <legend>{ "Wonen" }</legend>
                    <SelectField id="mobiliteit" label="Mobiliteit" options={options(&MOBILITY, "Kies")}
                        value={draft.mobility.map(|m| key(&m)).unwrap_or_default()} error={err("mobiliteit")}
                        onchange={set("mobiliteit", |d, v| d.mobility = from_key(&v))} />
                    <SearchArea id={p.id.clone()} touched={p.touched.clone()} error={err("zoekgebied")} />
                    <ExcludedNeighbourhoods id={p.id.clone()} touched={p.touched.clone()} />
                    <SelectField id="woonvorm" label="Woonvorm" options={options(&HOUSING, "Kies")}
                        value={draft.housing_form.map(|m| key(&m)).unwrap_or_default()} error={err("woonvorm")}
                        onchange={set("woonvorm", |d, v| d.housing_form = from_key(&v))} />
                </fieldset>
                <fieldset class="groep">
                    <legend>{ "Huurverleden" }</legend>
                    <SelectField id="huurachterstand" label="Huurachterstand" options={options(&HISTORY, "Kies")}
                        value={draft.rent_arrears.map(|m| key(&m)).unwrap_or_default()} error={err("huurachterstand")}
                        onchange={set("huurachterstand", |d, v| d.rent_arrears = from_key(&v))} />
                    <SelectField id="overlast" label="Overlast" options={options(&HISTORY, "Kies")}
                        value={draft.nuisance.map(|m| key(&m)).unwrap_or_default()} error={err("overlast")}
                        onchange={set("overlast", |d, v| d.nuisance = from_key(&v))} />
                </fieldset>
                <fieldset class="groep">
                    <legend>{ "Financiën en contract" }</legend>
                    <div class="veld" id="bewindvoering">
                        <p class="label">{ "Bewindvoering" }</p>
                        <p>{ vocab::budget_management_from_dossier(case.dossier.budget_management) }</p>
                        <p class="hint">{ vocab::BUDGET_MANAGEMENT_SOURCE }</p>
                    </div>
                    <SelectField id={ProfileField::ContractForm.element_id()} label="Contractvorm" options={options(&CONTRACTS, "Kies")}
                        value={draft.contract_form.map(|m| key(&m)).unwrap_or_default()} error={err("contractvorm")}
                        onchange={set("contractvorm", |d, v| d.contract_form = from_key(&v))} />
                    <ParsedField id={ProfileField::MaxRent.element_id()} label="Lagere maximale huur (niet verplicht)"
                        hint={match table_max {
                            Some(m) => format!("Volgens de huurtabel ten hoogste {} per maand. Laat leeg om die grens te gebruiken; u kunt hem alleen verlagen.", vocab::euro(m)),
                            None => "Laat leeg om de grens uit de huurtabel te gebruiken; u kunt hem alleen verlagen.".to_string(),
                        }}
                        inputmode="decimal" value={draft.max_rent_override_cents.map(vocab::euro).unwrap_or_default()}
                        error={err("maximaleHuur")} apply={max_rent} />
                </fieldset>
                <fieldset class="groep">
                    <legend>{ "Ondersteuning" }</legend>
                    <ParsedField id={ProfileField::SupportHours.element_id()} label="Uren ambulante ondersteuning per week" hint="Bijvoorbeeld 4 of 4,5"
                        inputmode="decimal" class="veld-smal" value={draft.support_hours_per_week.map(vocab::hours).unwrap_or_default()}
                        error={err("ondersteuningUren")} apply={support} />
                    <Choice id="bereikbaarheid" legend="Is de ondersteuning 24 uur per dag, 7 dagen per week bereikbaar?"
                        options={yes_no_options(false)} inline=true
                        value={draft.reachable_24_7.map(|b| if b { "ja" } else { "nee" }).unwrap_or_default().to_string()}
                        error={err("bereikbaarheid")}
                        onchange={set("bereikbaarheid", |d, v| d.reachable_24_7 = read_yes_no(&v))} />
                </fieldset>
                <RelapsePlanFields id={p.id.clone()} touched={p.touched.clone()} error={err("terugvalplan")} />
                <fieldset class="groep">
                    <legend>{ "Veiligheid" }</legend>
                    <SelectField id={ProfileField::SafetyPlan.element_id()} label="Veiligheidsplan"
                        hint="Wmo-consulent en zorgaanbieder bespreken met de inwoner of een veiligheidsplan nodig is."
                        options={options(&SAFETY, "Kies")}
                        value={draft.safety_plan.map(|m| key(&m)).unwrap_or_default()} error={err("veiligheidsplan")}
                        onchange={set("veiligheidsplan", |d, v| d.safety_plan = from_key(&v))} />
                </fieldset>
                <CheckButton on_check={p.on_check.clone()} show_all={p.show_all} problems={missing.len()} />
            </fieldset>
            <SharedPanel id={p.id.clone()} />
        </div>
    }
}
