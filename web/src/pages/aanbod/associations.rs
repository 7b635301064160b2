//! The associations table with a summary of each one's criteria, and the form to edit them.

use super::{CheckField, error_for, summary};
use crate::components::form::{ErrorSummary, SelectField, TextField};
use crate::state::{change, use_app};
use woonkans_core::profile::History;
use woonkans_core::region::Region;
use woonkans_core::vocab::Dutch;
use woonkans_views::offer_admin::{
    CONTRACT_FORMS, CriteriaForm, FieldError, HISTORIES, apply_criteria, criteria_summary,
    dwelling_counts, from_key, key,
};
use yew::prelude::*;

#[function_component(Associations)]
pub fn associations() -> Html {
    let app = use_app();
    let editing = use_state(|| None::<String>);
    let message = use_state(|| None::<String>);
    let Some(ws) = app.workspace() else {
        return html! {};
    };
    let counts = dwelling_counts(ws.offer());
    let open_editor = |id: String| {
        let (editing, message) = (editing.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            message.set(None);
            editing.set(Some(id.clone()));
        })
    };
    let close = {
        let (editing, message) = (editing.clone(), message.clone());
        Callback::from(move |saved: Option<String>| {
            message.set(saved);
            editing.set(None);
        })
    };
    let editor = editing
        .as_ref()
        .and_then(|id| ws.offer().association(id))
        .map(|a| html! { <CriteriaEditor key={a.id.clone()} id={a.id.clone()} name={a.name.clone()} form={CriteriaForm::of(a)} onclose={close.clone()} /> });
    html! {
        <section aria-labelledby="corporaties" class="aanbod-deel">
            <h2 id="corporaties">{ "Woningcorporaties en hun criteria" }</h2>
            if let Some(m) = (*message).clone() {
                <p class="melding melding-goed" role="status">{ m }</p>
            }
            <div class="tabel-scroll" role="region" aria-labelledby="corporaties-tabel" tabindex="0">
                <table class="corporaties">
                    <caption id="corporaties-tabel">{ format!("Corporaties ({})", ws.offer().associations.len()) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Corporatie" }</th>
                            <th scope="col">{ "Werkgebied" }</th>
                            <th scope="col">{ "Woonkans-criteria" }</th>
                            <th scope="col" class="getal">{ "Woningen" }</th>
                            <th scope="col"><span class="visueel-verborgen">{ "Actie" }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        { for ws.offer().associations.iter().map(|a| html! {
                            <tr>
                                <th scope="row">
                                    { a.name.clone() }
                                    if a.example { { " " }<span class="label">{ "voorbeeld" }</span> }
                                </th>
                                <td>{ a.working_area.join(", ") }</td>
                                <td>
                                    <ul class="compact">
                                        { for criteria_summary(&a.criteria).into_iter().map(|l| html! { <li>{ l }</li> }) }
                                    </ul>
                                </td>
                                <td class="getal">{ counts.get(a.id.as_str()).copied().unwrap_or(0) }</td>
                                <td>
                                    <button type="button" class="knop knop-secundair knop-klein" onclick={open_editor(a.id.clone())}>
                                        { "Criteria bewerken" }
                                        <span class="visueel-verborgen">{ format!(" van {}", a.name) }</span>
                                    </button>
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            { for editor }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct EditorProps {
    id: String,
    name: String,
    form: CriteriaForm,
    /// Called with the success message, or `None` when cancelled.
    onclose: Callback<Option<String>>,
}

const PREFIX: &str = "corporatie";

fn history_options() -> Vec<(String, String)> {
    HISTORIES
        .iter()
        .map(|h| {
            let label = match h {
                History::None => "geen: alleen zonder voorgeschiedenis".to_string(),
                h => format!("tot en met {}", h.dutch()),
            };
            (key(h), label)
        })
        .collect()
}

#[function_component(CriteriaEditor)]
fn criteria_editor(p: &EditorProps) -> Html {
    let app = use_app();
    let form = use_state(|| p.form.clone());
    let errors = use_state(Vec::<FieldError>::new);
    let heading = use_node_ref();
    {
        // Move the keyboard focus to the editor that just opened.
        let heading = heading.clone();
        use_effect_with((), move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let edit = |f: fn(&mut CriteriaForm, String)| {
        let form = form.clone();
        Callback::from(move |v: String| {
            let mut next = (*form).clone();
            f(&mut next, v);
            form.set(next);
        })
    };
    let tick = |f: fn(&mut CriteriaForm, bool)| {
        let form = form.clone();
        Callback::from(move |v: bool| {
            let mut next = (*form).clone();
            f(&mut next, v);
            form.set(next);
        })
    };
    let onsubmit = {
        let (app, form, errors, id, onclose, name) = (
            app.clone(),
            form.clone(),
            errors.clone(),
            p.id.clone(),
            p.onclose.clone(),
            p.name.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(ws) = app.workspace() else { return };
            match apply_criteria(ws.offer(), &id, &form) {
                Ok(offer) => {
                    errors.set(Vec::new());
                    let _ = change(&app, |ws| ws.replace_offer(offer));
                    onclose.emit(Some(format!("De criteria van {name} zijn opgeslagen.")));
                }
                Err(list) => errors.set(list),
            }
        })
    };
    let cancel = {
        let onclose = p.onclose.clone();
        Callback::from(move |_: MouseEvent| onclose.emit(None))
    };
    let f = &*form;
    let err = |k: &str| error_for(&errors, k);
    let gemeente_box = |g: &'static str, first: bool| {
        let checked = f.working_area.iter().any(|w| w == g);
        let form = form.clone();
        let id = if first {
            format!("{PREFIX}-workingArea")
        } else {
            format!(
                "{PREFIX}-werkgebied-{}",
                woonkans_core::region::fold_name(g)
            )
        };
        let onchange = Callback::from(move |on: bool| {
            let mut next = (*form).clone();
            next.working_area.retain(|w| w != g);
            if on {
                next.working_area.push(g.to_string());
            }
            form.set(next);
        });
        html! { <CheckField {id} label={g} {checked} {onchange} /> }
    };
    let mut first_gemeente = true;
    html! {
        <section class="kaart bewerkpaneel" aria-labelledby="corporatie-bewerken-titel">
            <h3 id="corporatie-bewerken-titel" tabindex="-1" ref={heading}>
                { format!("Criteria bewerken: {}", p.name) }
            </h3>
            <ErrorSummary id="foutsamenvatting-corporatie" errors={summary(&errors, PREFIX, "corporatie-name")} />
            <form {onsubmit} novalidate=true>
                <TextField id="corporatie-name" label="Naam" value={f.name.clone()} error={err("name")}
                    onchange={edit(|f, v| f.name = v)} />
                <fieldset class={classes!("veld-groep", err("workingArea").map(|_| "veld-fout"))}>
                    <legend>{ "Werkgebied (gemeenten)" }</legend>
                    if let Some(e) = err("workingArea") { <p class="foutmelding">{ e }</p> }
                    { for Region::ALL.iter().map(|r| html! {
                        <div class="vinkgroep">
                            <p class="vinkgroep-kop">{ r.name() }</p>
                            { for r.gemeenten().iter().map(|g| {
                                let first = std::mem::take(&mut first_gemeente);
                                gemeente_box(g, first)
                            }) }
                        </div>
                    }) }
                </fieldset>
                <fieldset class={classes!("veld-groep", err("acceptedContractForms").map(|_| "veld-fout"))}>
                    <legend>{ "Geaccepteerde contractvormen" }</legend>
                    if let Some(e) = err("acceptedContractForms") { <p class="foutmelding">{ e }</p> }
                    { for CONTRACT_FORMS.iter().enumerate().map(|(i, c)| {
                        let c = *c;
                        let form = form.clone();
                        let onchange = Callback::from(move |on: bool| {
                            let mut next = (*form).clone();
                            next.contract_forms.retain(|x| *x != c);
                            if on { next.contract_forms.push(c); }
                            form.set(next);
                        });
                        let id = if i == 0 { format!("{PREFIX}-acceptedContractForms") } else { format!("{PREFIX}-contract-{i}") };
                        html! { <CheckField {id} label={c.dutch()} checked={f.contract_forms.contains(&c)} {onchange} /> }
                    }) }
                </fieldset>
                <SelectField id="corporatie-maxRentArrears" label="Zwaarste huurachterstand die de corporatie accepteert"
                    options={history_options()} value={key(&f.max_rent_arrears)}
                    onchange={edit(|f, v| if let Some(h) = from_key(&v) { f.max_rent_arrears = h })} />
                <CheckField id="corporatie-arrearsRequiresBudgetManagement" label="Bij een huurachterstand is bewindvoering vereist"
                    checked={f.arrears_requires_budget_management} onchange={tick(|f, v| f.arrears_requires_budget_management = v)} />
                <SelectField id="corporatie-maxNuisance" label="Zwaarste overlast die de corporatie accepteert"
                    options={history_options()} value={key(&f.max_nuisance)}
                    onchange={edit(|f, v| if let Some(h) = from_key(&v) { f.max_nuisance = h })} />
                <CheckField id="corporatie-nuisanceRequiresSafetyPlan" label="Bij overlast is een aanwezig veiligheidsplan vereist"
                    checked={f.nuisance_requires_safety_plan} onchange={tick(|f, v| f.nuisance_requires_safety_plan = v)} />
                <CheckField id="corporatie-relapsePlanRequired" label="Een volledig terugvalplan is vereist"
                    checked={f.relapse_plan_required} onchange={tick(|f, v| f.relapse_plan_required = v)} />
                <TextField id="corporatie-minSupportHours" label="Minimum aantal uren ondersteuning per week"
                    hint="Bijvoorbeeld 2 of 2,5. Vul 0 in als er geen minimum is."
                    value={f.min_support_hours.clone()} error={err("minSupportHours")}
                    onchange={edit(|f, v| f.min_support_hours = v)} />
                <TextField id="corporatie-maxPlacementsPerNeighbourhood" label="Maximum aantal Woonkans-plaatsingen per wijk"
                    hint="Laat leeg als er geen maximum is."
                    value={f.max_placements.clone()} error={err("maxPlacementsPerNeighbourhood")}
                    onchange={edit(|f, v| f.max_placements = v)} />
                <TextField id="corporatie-currentPlacements" label="Huidige Woonkans-plaatsingen per wijk"
                    hint="Eén wijk per regel, als ‘Wijknaam: aantal’."
                    multiline=true value={f.current_placements.clone()} error={err("currentPlacements")}
                    onchange={edit(|f, v| f.current_placements = v)} />
                <div class="knoppen-rij">
                    <button type="submit" class="knop">{ "Criteria opslaan" }</button>
                    <button type="button" class="knop knop-secundair" onclick={cancel}>{ "Annuleren" }</button>
                </div>
            </form>
        </section>
    }
}
