//! The dwellings table: filters, fifty rows a page, and a form to edit one dwelling.

use super::{CheckField, error_for, summary};
use crate::browser;
use crate::components::form::{ErrorSummary, SelectField, TextField};
use crate::state::{change, use_app};
use woonkans_core::offer::{AgeLabel, DwellingType};
use woonkans_core::vocab::{self, Dutch};
use woonkans_views::offer_admin::{
    DwellingFilter, DwellingForm, FieldError, PAGE_SIZE, apply_dwelling, association_name,
    filter_dwellings, from_key, gemeenten_in, key, page_slice,
};
use yew::prelude::*;

#[derive(Clone, PartialEq, Default)]
struct Filters {
    gemeente: String,
    dwelling_type: String,
    association: String,
    available_now: bool,
}

#[function_component(Dwellings)]
pub fn dwellings() -> Html {
    let app = use_app();
    let filters = use_state(Filters::default);
    let page = use_state(|| 0usize);
    let editing = use_state(|| None::<String>);
    let message = use_state(|| None::<String>);
    let Some(ws) = app.workspace() else {
        return html! {};
    };
    let today = browser::today();
    let filter = DwellingFilter {
        gemeente: filters.gemeente.clone(),
        dwelling_type: from_key(&filters.dwelling_type),
        association_id: filters.association.clone(),
        available_on: filters.available_now.then_some(today),
    };
    let found = filter_dwellings(ws.offer(), &filter);
    let slice = page_slice(found.len(), *page, PAGE_SIZE);

    let set_filter = |f: fn(&mut Filters, String)| {
        let (filters, page) = (filters.clone(), page.clone());
        Callback::from(move |v: String| {
            let mut next = (*filters).clone();
            f(&mut next, v);
            filters.set(next);
            page.set(0);
        })
    };
    let on_available = {
        let (filters, page) = (filters.clone(), page.clone());
        Callback::from(move |on: bool| {
            filters.set(Filters {
                available_now: on,
                ..(*filters).clone()
            });
            page.set(0);
        })
    };
    let go = |to: usize| {
        let page = page.clone();
        Callback::from(move |_: MouseEvent| page.set(to))
    };
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

    let mut gemeente_options = vec![(String::new(), "Alle gemeenten".to_string())];
    gemeente_options.extend(
        gemeenten_in(ws.offer())
            .into_iter()
            .map(|g| (g.to_string(), g.to_string())),
    );
    let mut type_options = vec![(String::new(), "Alle woningtypen".to_string())];
    type_options.extend(
        DwellingType::ALL
            .iter()
            .map(|t| (key(t), t.dutch().to_string())),
    );
    let mut association_options = vec![(String::new(), "Alle corporaties".to_string())];
    association_options.extend(
        ws.offer()
            .associations
            .iter()
            .map(|a| (a.id.clone(), a.name.clone())),
    );

    let editor = editing
        .as_ref()
        .and_then(|id| ws.offer().dwellings.iter().find(|d| &d.id == id))
        .map(|d| html! { <DwellingEditor key={d.id.clone()} id={d.id.clone()} form={DwellingForm::of(d)} onclose={close.clone()} /> });

    html! {
        <section aria-labelledby="woningen" class="aanbod-deel">
            <h2 id="woningen">{ "Woningen" }</h2>
            <div class="filters" role="group" aria-labelledby="woningen-filters">
                <p id="woningen-filters" class="filters-kop">{ "Filters" }</p>
                <SelectField id="filter-gemeente" label="Gemeente" options={gemeente_options}
                    value={filters.gemeente.clone()} onchange={set_filter(|f, v| f.gemeente = v)} />
                <SelectField id="filter-type" label="Woningtype" options={type_options}
                    value={filters.dwelling_type.clone()} onchange={set_filter(|f, v| f.dwelling_type = v)} />
                <SelectField id="filter-corporatie" label="Corporatie" options={association_options}
                    value={filters.association.clone()} onchange={set_filter(|f, v| f.association = v)} />
                <CheckField id="filter-beschikbaar" label={format!("Alleen beschikbaar op {}", vocab::date(today))}
                    checked={filters.available_now} onchange={on_available} />
            </div>
            <p aria-live="polite" class="aantal">
                { match found.len() {
                    0 => "Geen woningen gevonden met deze filters.".to_string(),
                    1 => "1 woning gevonden.".to_string(),
                    n => format!("{n} woningen gevonden; {} tot en met {} worden getoond.", slice.start + 1, slice.end),
                } }
            </p>
            if let Some(m) = (*message).clone() {
                <p class="melding melding-goed" role="status">{ m }</p>
            }
            if !found.is_empty() {
                <p class="hint">{ "Kies een woningnummer om die woning te bewerken." }</p>
                <div class="tabel-scroll" role="region" aria-labelledby="woningen-tabel" tabindex="0">
                    <table class="woningen">
                        <caption id="woningen-tabel">{ format!("Woningen, pagina {} van {}", slice.page + 1, slice.pages) }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ "Woning" }</th>
                                <th scope="col">{ "Corporatie" }</th>
                                <th scope="col">{ "Gemeente" }</th>
                                <th scope="col">{ "Wijk" }</th>
                                <th scope="col">{ "Type" }</th>
                                <th scope="col" class="getal">{ "Kamers" }</th>
                                <th scope="col" class="getal">{ "Netto huur" }</th>
                                <th scope="col">{ "Toegang" }</th>
                                <th scope="col">{ "Leeftijd" }</th>
                                <th scope="col">{ "Huishouden" }</th>
                                <th scope="col">{ "Vrij per" }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for found[slice.start..slice.end].iter().map(|d| html! {
                                <tr>
                                    <th scope="row">
                                        <button type="button" class="link-knop" onclick={open_editor(d.id.clone())}>
                                            { d.id.clone() }<span class="visueel-verborgen">{ " bewerken" }</span>
                                        </button>
                                    </th>
                                    <td>{ association_name(ws.offer(), &d.association_id) }</td>
                                    <td>{ d.gemeente.clone() }</td>
                                    <td>{ d.neighbourhood.clone() }</td>
                                    <td>{ d.dwelling_type.dutch() }{ if d.in_complex { ", in complex" } else { "" } }</td>
                                    <td class="getal">{ d.rooms }</td>
                                    <td class="getal">{ vocab::euro(d.rent_cents) }</td>
                                    <td>{ match (d.wheelchair, d.step_free) {
                                        (true, _) => "rolstoel",
                                        (false, true) => "traploos",
                                        _ => "nee",
                                    } }</td>
                                    <td>{ d.age_label.dutch() }</td>
                                    <td>{ if d.min_household == d.max_household {
                                        format!("{}", d.min_household)
                                    } else {
                                        format!("{}–{}", d.min_household, d.max_household)
                                    } }</td>
                                    <td>{ vocab::date(d.available_from) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
                if slice.pages > 1 {
                    <nav class="paginering" aria-label="Pagina's met woningen">
                        <button type="button" class="knop knop-secundair knop-klein" disabled={slice.page == 0} onclick={go(0)}>{ "Eerste" }</button>
                        <button type="button" class="knop knop-secundair knop-klein" disabled={slice.page == 0} onclick={go(slice.page.saturating_sub(1))}>{ "Vorige" }</button>
                        <span class="paginering-stand">{ format!("Pagina {} van {}", slice.page + 1, slice.pages) }</span>
                        <button type="button" class="knop knop-secundair knop-klein" disabled={slice.page + 1 >= slice.pages} onclick={go(slice.page + 1)}>{ "Volgende" }</button>
                        <button type="button" class="knop knop-secundair knop-klein" disabled={slice.page + 1 >= slice.pages} onclick={go(slice.pages - 1)}>{ "Laatste" }</button>
                    </nav>
                }
            }
            { for editor }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct EditorProps {
    id: String,
    form: DwellingForm,
    onclose: Callback<Option<String>>,
}

const PREFIX: &str = "woning";

#[function_component(DwellingEditor)]
fn dwelling_editor(p: &EditorProps) -> Html {
    let app = use_app();
    let form = use_state(|| p.form.clone());
    let errors = use_state(Vec::<FieldError>::new);
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let Some(ws) = app.workspace() else {
        return html! {};
    };
    let edit = |f: fn(&mut DwellingForm, String)| {
        let form = form.clone();
        Callback::from(move |v: String| {
            let mut next = (*form).clone();
            f(&mut next, v);
            form.set(next);
        })
    };
    let tick = |f: fn(&mut DwellingForm, bool)| {
        let form = form.clone();
        Callback::from(move |v: bool| {
            let mut next = (*form).clone();
            f(&mut next, v);
            form.set(next);
        })
    };
    let onsubmit = {
        let (app, form, errors, id, onclose) = (
            app.clone(),
            form.clone(),
            errors.clone(),
            p.id.clone(),
            p.onclose.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(ws) = app.workspace() else { return };
            match apply_dwelling(ws.offer(), &id, &form) {
                Ok(offer) => {
                    errors.set(Vec::new());
                    let _ = change(&app, |ws| ws.replace_offer(offer));
                    onclose.emit(Some(format!("Woning {id} is opgeslagen.")));
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
    let associations: Vec<(String, String)> = ws
        .offer()
        .associations
        .iter()
        .map(|a| (a.id.clone(), a.name.clone()))
        .collect();
    let gemeenten: Vec<(String, String)> = woonkans_core::region::all_gemeenten()
        .map(|g| (g.to_string(), g.to_string()))
        .collect();
    let types: Vec<(String, String)> = DwellingType::ALL
        .iter()
        .map(|t| (key(t), t.dutch().to_string()))
        .collect();
    let labels: Vec<(String, String)> = AgeLabel::ALL
        .iter()
        .map(|l| (key(l), l.dutch().to_string()))
        .collect();
    html! {
        <section class="kaart bewerkpaneel" aria-labelledby="woning-bewerken-titel">
            <h3 id="woning-bewerken-titel" tabindex="-1" ref={heading}>{ format!("Woning {} bewerken", p.id) }</h3>
            <ErrorSummary id="foutsamenvatting-woning" errors={summary(&errors, PREFIX, "woning-associationId")} />
            <form {onsubmit} novalidate=true>
                <SelectField id="woning-associationId" label="Corporatie" options={associations}
                    value={f.association_id.clone()} error={err("associationId")} onchange={edit(|f, v| f.association_id = v)} />
                <SelectField id="woning-gemeente" label="Gemeente" options={gemeenten}
                    value={f.gemeente.clone()} error={err("gemeente")} onchange={edit(|f, v| f.gemeente = v)} />
                <TextField id="woning-neighbourhood" label="Wijk" value={f.neighbourhood.clone()}
                    error={err("neighbourhood")} onchange={edit(|f, v| f.neighbourhood = v)} />
                <SelectField id="woning-dwellingType" label="Woningtype" options={types}
                    value={f.dwelling_type.clone()} error={err("dwellingType")} onchange={edit(|f, v| f.dwelling_type = v)} />
                <CheckField id="woning-inComplex" label="In een complex" checked={f.in_complex} onchange={tick(|f, v| f.in_complex = v)} />
                <TextField id="woning-rooms" label="Aantal kamers" kind="number" value={f.rooms.clone()}
                    error={err("rooms")} onchange={edit(|f, v| f.rooms = v)} />
                <TextField id="woning-rent" label="Netto huur per maand (euro)" hint="Bijvoorbeeld 612,50."
                    value={f.rent.clone()} error={err("rent")} onchange={edit(|f, v| f.rent = v)} />
                <CheckField id="woning-stepFree" label="Traploos bereikbaar" checked={f.step_free} onchange={tick(|f, v| f.step_free = v)} />
                <CheckField id="woning-wheelchair" label="Rolstoeltoegankelijk" checked={f.wheelchair} onchange={tick(|f, v| f.wheelchair = v)} />
                <SelectField id="woning-ageLabel" label="Leeftijdslabel" options={labels}
                    value={f.age_label.clone()} error={err("ageLabel")} onchange={edit(|f, v| f.age_label = v)} />
                <TextField id="woning-minHousehold" label="Kleinste huishouden (personen)" kind="number"
                    value={f.min_household.clone()} error={err("minHousehold")} onchange={edit(|f, v| f.min_household = v)} />
                <TextField id="woning-maxHousehold" label="Grootste huishouden (personen)" kind="number"
                    value={f.max_household.clone()} error={err("maxHousehold")} onchange={edit(|f, v| f.max_household = v)} />
                <TextField id="woning-availableFrom" label="Beschikbaar per" kind="date"
                    value={f.available_from.clone()} error={err("availableFrom")} onchange={edit(|f, v| f.available_from = v)} />
                <div class="knoppen-rij">
                    <button type="submit" class="knop">{ "Woning opslaan" }</button>
                    <button type="button" class="knop knop-secundair" onclick={cancel}>{ "Annuleren" }</button>
                </div>
            </form>
        </section>
    }
}
