//! The coordinator types the step-4 row from a Wmo consultant's report, where the consultant
//! does not use the app (PARTIES.md). The form's fields are exactly the row; `views::intake_form`
//! reads them, the core checks and makes the case.

use crate::browser;
use crate::components::form::{ErrorSummary, SelectField, TextField, checked_of};
use crate::route::Route;
use crate::state::{navigate, try_change, use_app};
use woonkans_views::intake_form::{self as form, IntakeForm};
use yew::prelude::*;

#[function_component(Stap4TypenPage)]
pub fn stap4_typen_page() -> Html {
    let app = use_app();
    let typed = use_state(IntakeForm::default);
    let errors = use_state(Vec::<(String, String)>::new);
    let Some(ws) = app.workspace() else {
        return html! {};
    };
    if !form::available(ws) {
        return html! {
            <section aria-labelledby="pagina-titel">
                <h1 id="pagina-titel">{ Route::Stap4Typen.title() }</h1>
                <p class="inleiding">{ form::NOT_HERE }</p>
            </section>
        };
    }
    let region = ws.settings().region;
    let young_label = form::young_limit_label(&ws.settings().rent_limits_on(browser::today()));
    let set = |f: fn(&mut IntakeForm, String)| {
        let typed = typed.clone();
        Callback::from(move |v: String| {
            let mut next = (*typed).clone();
            f(&mut next, v);
            typed.set(next);
        })
    };
    let tick = |f: fn(&mut IntakeForm, bool)| {
        let typed = typed.clone();
        Callback::from(move |e: Event| {
            let mut next = (*typed).clone();
            f(&mut next, checked_of(&e));
            typed.set(next);
        })
    };
    let error_of = |id: &str| errors.iter().find(|(f, _)| f == id).map(|(_, m)| m.clone());
    let onsubmit = {
        let app = app.clone();
        let typed = typed.clone();
        let errors = errors.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let shown = |list: Vec<(String, String)>| {
                errors.set(list);
                browser::focus_field_soon("stap4-fouten");
            };
            match typed.read() {
                Err(list) => shown(list.into_iter().map(|(f, m)| (f.to_string(), m)).collect()),
                Ok(row) => {
                    let id = browser::random_id();
                    let at = browser::now_iso();
                    match try_change(&app, |ws| ws.add_typed_case(&id, row, &at)) {
                        Ok(()) => navigate(&app, Route::Dossier(id)),
                        Err(e) => shown(vec![(
                            form::field_of(e.field.as_deref()).to_string(),
                            e.message,
                        )]),
                    }
                }
            }
        })
    };
    let t = &*typed;
    html! {
        <section aria-labelledby="pagina-titel">
            <h1 id="pagina-titel">{ Route::Stap4Typen.title() }</h1>
            <p class="inleiding">{ form::INTRO }</p>
            <form class="kaart" {onsubmit} novalidate=true>
                <ErrorSummary id="stap4-fouten" errors={(*errors).clone()} />
                <SelectField id="stap4-woonsituatie" label="Woonsituatie" options={form::living_situation_options()}
                    value={t.living_situation.clone()} error={error_of("stap4-woonsituatie")}
                    onchange={set(|f, v| f.living_situation = v)} />
                <SelectField id="stap4-geslacht" label="Geslacht (mag leeg blijven)" options={form::gender_options()}
                    value={t.gender.clone()} onchange={set(|f, v| f.gender = v)} />
                <SelectField id="stap4-leeftijd" label="Leeftijdsgroep" options={form::age_band_options()}
                    value={t.age_band.clone()} error={error_of("stap4-leeftijd")}
                    onchange={set(|f, v| f.age_band = v)} />
                <div class={classes!("veld", "keuze", error_of("stap4-jongerengrens").is_some().then_some("veld-fout"))}>
                    { for error_of("stap4-jongerengrens").map(|m| html! { <span class="foutmelding">{ m }</span> }) }
                    <input type="checkbox" id="stap4-jongerengrens" checked={t.young_rent_limit}
                        onchange={tick(|f, v| f.young_rent_limit = v)} />
                    <label for="stap4-jongerengrens">{ young_label }</label>
                </div>
                <SelectField id="stap4-gemeente" label="Woongemeente" options={form::gemeente_options(region)}
                    value={t.gemeente.clone()} error={error_of("stap4-gemeente")}
                    onchange={set(|f, v| f.gemeente = v)} />
                <TextField id="stap4-huishouden" label="Huishoudgrootte (personen)" kind="number"
                    value={t.household_size.clone()} error={error_of("stap4-huishouden")}
                    onchange={set(|f, v| f.household_size = v)} />
                <SelectField id="stap4-inkomen" label="Inkomensgroep (passend toewijzen)" options={form::income_band_options()}
                    value={t.income_band.clone()} error={error_of("stap4-inkomen")}
                    onchange={set(|f, v| f.income_band = v)} />
                <div class="veld keuze">
                    <input type="checkbox" id="stap4-schulden" checked={t.has_debts}
                        onchange={tick(|f, v| f.has_debts = v)} />
                    <label for="stap4-schulden">{ "Er zijn schulden" }</label>
                </div>
                <div class="veld keuze">
                    <input type="checkbox" id="stap4-bewind" checked={t.budget_management}
                        onchange={tick(|f, v| f.budget_management = v)} />
                    <label for="stap4-bewind">{ "Bewindvoering of budgetbeheer" }</label>
                </div>
                <TextField id="stap4-wmo-organisatie" label="Wmo-consulent: organisatie"
                    value={t.wmo_organisation.clone()} onchange={set(|f, v| f.wmo_organisation = v)} />
                <TextField id="stap4-wmo-persoon" label="Wmo-consulent: contactpersoon"
                    value={t.wmo_person.clone()} onchange={set(|f, v| f.wmo_person = v)} />
                <TextField id="stap4-zorg-organisatie" label="Zorgaanbieder: organisatie"
                    value={t.care_organisation.clone()} onchange={set(|f, v| f.care_organisation = v)} />
                <TextField id="stap4-zorg-persoon" label="Zorgaanbieder: contactpersoon"
                    value={t.care_person.clone()} onchange={set(|f, v| f.care_person = v)} />
                <TextField id="stap4-datum-aanmelding" label="Datum aanmelding met mandaat van de inwoner" hint="dd-mm-jjjj"
                    value={t.mandate_date.clone()} error={error_of("stap4-datum-aanmelding")}
                    onchange={set(|f, v| f.mandate_date = v)} />
                <TextField id="stap4-datum-plan" label="Datum ondersteuningsplan getekend en toestemming voor de regisseur" hint="dd-mm-jjjj"
                    value={t.support_plan_date.clone()} error={error_of("stap4-datum-plan")}
                    onchange={set(|f, v| f.support_plan_date = v)} />
                <TextField id="stap4-rapport" label="Uit het rapport van" hint="Bijvoorbeeld: Wmo-consulent Venray, rapport"
                    value={t.recorded_by.clone()} error={error_of("stap4-rapport")}
                    onchange={set(|f, v| f.recorded_by = v)} />
                <button class="knop" type="submit">{ "Dossier maken" }</button>
            </form>
        </section>
    }
}
