//! The matcher's settings: the yearly rent-limit table (replaceable by another year's JSON) and
//! the six score weights, which must add up to 100; and the norms for how long a case may wait.

use super::summary;
use crate::browser;
use crate::components::files::first_file;
use crate::components::form::{ErrorSummary, TextField};
use crate::state::{change, use_app};
use woonkans_core::matching::Weights;
use woonkans_core::rentlimits::{self, RentLimits};
use woonkans_views::matches as m;
use woonkans_views::offer_admin::{
    FieldError, parse_weights, rent_limit_rows, rent_limits_note, weight_fields,
};
use woonkans_views::timeline as tl;
use yew::prelude::*;

#[function_component(Settings)]
pub fn settings() -> Html {
    html! {
        <section aria-labelledby="instellingen" class="aanbod-deel">
            <h2 id="instellingen">{ "Instellingen voor de matching" }</h2>
            <RentLimitsPanel />
            <WeightsPanel />
            <NormsPanel />
            <PriorityPanel />
        </section>
    }
}

#[function_component(RentLimitsPanel)]
fn rent_limits_panel() -> Html {
    let app = use_app();
    let message = use_state(|| None::<Result<String, String>>);
    let Some(ws) = app.workspace() else {
        return html! {};
    };
    let own = &ws.settings().rent_limits;
    // The table as it counts for its year: a loaded table that only repeats the shipped one
    // shows the shipped one, with its source and DAEB limits.
    let limits = &ws.settings().rent_limits_for_year(own.year);
    let shipped = rentlimits::current();
    let is_shipped = own.year == shipped.year && own.same_figures(&shipped);
    let onchange = {
        let (app, message) = (app.clone(), message.clone());
        Callback::from(move |e: Event| {
            let Some(file) = first_file(&e) else { return };
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                input.set_value("");
            }
            let (app, message) = (app.clone(), message.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let parsed = browser::read_file(file, rentlimits::MAX_FILE_BYTES)
                    .await
                    .and_then(|bytes| RentLimits::from_file(&bytes).map_err(|e| e.message));
                // After the read: the change starts from the workspace as it is now (the vault
                // may even have been locked meanwhile).
                let loaded = parsed.and_then(|table| {
                    let year = table.year;
                    change(&app, |ws| ws.set_rent_limits(table).map(|()| year))
                        .map_err(|e| e.message)
                });
                match loaded {
                    Ok(year) => message.set(Some(Ok(format!("De tabel voor {year} is geladen. De maximale huur van de profielen volgt deze tabel.")))),
                    Err(m) => message.set(Some(Err(format!("Er is niets gewijzigd. {m}")))),
                }
            });
        })
    };
    let restore = {
        let (app, message, shipped) = (app.clone(), message.clone(), shipped.clone());
        Callback::from(move |_: MouseEvent| {
            let _ = change(&app, |ws| ws.set_rent_limits(shipped.clone()));
            message.set(Some(Ok(format!(
                "De meegeleverde tabel voor {} is teruggezet.",
                shipped.year
            ))));
        })
    };
    html! {
        <div class="instelling">
            <h3 id="huurgrenzen">{ format!("Huur- en inkomensgrenzen {}", limits.year) }</h3>
            <table class="huurgrenzen">
                <caption class="visueel-verborgen">{ format!("Huur- en inkomensgrenzen {}", limits.year) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Grens" }</th>
                        <th scope="col" class="getal">{ "Bedrag" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for rent_limit_rows(limits).into_iter().map(|(label, amount)| html! {
                        <tr>
                            <th scope="row">{ label }</th>
                            <td class="getal">{ amount }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <p class="hint">{ format!("Bron: {}", limits.source) }</p>
            <p class="hint" id="huurgrenzen-peildatum">{ rent_limits_note(limits.year) }</p>
            <div class="veld">
                <label for="huurgrenzen-bestand">{ "Tabel van een ander jaar laden (JSON)" }</label>
                <span class="hint" id="huurgrenzen-bestand-hint">{ "Een bestand met dezelfde velden als de meegeleverde tabel." }</span>
                <input type="file" id="huurgrenzen-bestand" accept=".json,application/json"
                    aria-describedby="huurgrenzen-bestand-hint" {onchange} />
            </div>
            if !is_shipped {
                <button type="button" class="knop knop-secundair" onclick={restore}>
                    { format!("Meegeleverde tabel ({}) terugzetten", shipped.year) }
                </button>
            }
            { match &*message {
                Some(Ok(m)) => html! { <p class="melding melding-goed" role="status">{ m.clone() }</p> },
                Some(Err(m)) => html! { <p class="melding melding-fout" role="alert">{ m.clone() }</p> },
                None => html! {},
            } }
        </div>
    }
}

fn texts_of(w: &Weights) -> [String; 6] {
    weight_fields(w).map(|(_, _, v)| v.to_string())
}

#[function_component(WeightsPanel)]
fn weights_panel() -> Html {
    let app = use_app();
    let current = app
        .workspace()
        .map(|ws| ws.settings().weights)
        .unwrap_or_default();
    let texts = use_state(|| texts_of(&current));
    let errors = use_state(Vec::<FieldError>::new);
    let message = use_state(|| None::<String>);
    let save = |weights: Weights, note: &'static str| {
        let (app, errors, message) = (app.clone(), errors.clone(), message.clone());
        move || {
            errors.set(Vec::new());
            let _ = change(&app, |ws| ws.set_weights(weights));
            message.set(Some(note.to_string()));
        }
    };
    let onsubmit = {
        let (texts, errors, message) = (texts.clone(), errors.clone(), message.clone());
        let app = app.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match parse_weights(&texts) {
                Ok(w) => {
                    errors.set(Vec::new());
                    let _ = change(&app, |ws| ws.set_weights(w));
                    message.set(Some("De gewichten zijn opgeslagen.".into()));
                }
                Err(list) => {
                    message.set(None);
                    errors.set(list);
                }
            }
        })
    };
    let reset = {
        let texts = texts.clone();
        let apply = save(Weights::default(), "De standaardgewichten zijn hersteld.");
        Callback::from(move |_: MouseEvent| {
            texts.set(texts_of(&Weights::default()));
            apply();
        })
    };
    let sum: Option<u32> = texts
        .iter()
        .map(|t| t.trim().parse::<u32>().ok())
        .try_fold(0u32, |acc, v| v.and_then(|v| acc.checked_add(v)));
    let fields = weight_fields(&current);
    html! {
        <div class="instelling">
            <h3 id="gewichten">{ "Gewichten van de score" }</h3>
            <p>{ "Elke passende woning krijgt een score van 0 tot 100 uit zes onderdelen. De gewichten bepalen hoe zwaar elk onderdeel telt en moeten samen 100 zijn." }</p>
            <ErrorSummary id="foutsamenvatting-gewichten" errors={summary(&errors, "gewicht", "gewicht-area")} />
            <form {onsubmit} novalidate=true class="gewichten">
                { for fields.iter().enumerate().map(|(i, (key, label, _))| {
                    let value = texts[i].clone();
                    let texts = texts.clone();
                    let onchange = Callback::from(move |v: String| {
                        let mut next = (*texts).clone();
                        next[i] = v;
                        texts.set(next);
                    });
                    let error = errors.iter().find(|e| e.field == *key).map(|e| e.message.clone());
                    html! {
                        <TextField id={format!("gewicht-{key}")} label={*label} kind="number"
                            {value} {error} onchange={onchange.clone()} oninput={Some(onchange)} />
                    }
                }) }
                <p id="gewicht-gewichten" tabindex="-1" class={classes!("gewichten-som", (sum != Some(100)).then_some("foutmelding"))}>
                    { match sum {
                        Some(100) => "Samen: 100.".to_string(),
                        Some(s) => format!("Samen: {s}; dat moet 100 zijn."),
                        None => "Samen: nog niet te berekenen; vul overal een heel getal in.".to_string(),
                    } }
                </p>
                <div class="knoppen-rij">
                    <button type="submit" class="knop knop-secundair">{ "Gewichten opslaan" }</button>
                    <button type="button" class="knop knop-secundair" onclick={reset}>{ "Standaard herstellen" }</button>
                </div>
            </form>
            if let Some(m) = (*message).clone() {
                <p class="melding melding-goed" role="status">{ m }</p>
            }
        </div>
    }
}

#[function_component(NormsPanel)]
fn norms_panel() -> Html {
    let app = use_app();
    let current = app
        .workspace()
        .map(|ws| ws.settings().norms)
        .unwrap_or_default();
    let on_save = Callback::from(move |typed: Vec<String>| {
        let typed = [typed[0].as_str(), typed[1].as_str(), typed[2].as_str()];
        tl::norms_from_fields(typed)
            .and_then(|norms| change(&app, |ws| ws.set_norms(norms)))
            .map_err(|e| e.message)
    });
    let fields = tl::norm_fields(&current)
        .map(|f| (f.id, f.label, f.value.to_string()))
        .to_vec();
    html! {
        <NumbersForm heading_id="normen" title={tl::NORMS_TITLE} intro={tl::NORMS_INTRO}
            class="normen" {fields} save={tl::NORMS_SAVE} saved={tl::NORMS_SAVED} {on_save} />
    }
}

#[function_component(PriorityPanel)]
fn priority_panel() -> Html {
    let app = use_app();
    let current = app
        .workspace()
        .map(|ws| ws.settings().priority)
        .unwrap_or_default();
    let on_save = Callback::from(move |typed: Vec<String>| {
        let typed = [typed[0].as_str(), typed[1].as_str(), typed[2].as_str()];
        m::priority_from_fields(typed)
            .and_then(|w| change(&app, |ws| ws.set_priority(w)))
            .map_err(|e| e.message)
    });
    let fields = m::priority_fields(&current)
        .map(|f| (f.id, f.label, f.value.to_string()))
        .to_vec();
    html! {
        <NumbersForm heading_id="voorrang" title={m::PRIORITY_TITLE} intro={m::PRIORITY_INTRO}
            class="normen" {fields} save={m::PRIORITY_SAVE} saved={m::PRIORITY_SAVED} {on_save} />
    }
}

#[derive(Properties, PartialEq)]
struct NumbersFormProps {
    heading_id: &'static str,
    title: &'static str,
    intro: &'static str,
    class: &'static str,
    /// Input id, label, current value.
    fields: Vec<(&'static str, &'static str, String)>,
    save: &'static str,
    saved: &'static str,
    /// Gets the typed values in the fields' order; the core's refusal comes back as its message.
    on_save: Callback<Vec<String>, Result<(), String>>,
}

/// A small settings form of whole numbers: the norms, the priority.
#[function_component(NumbersForm)]
fn numbers_form(p: &NumbersFormProps) -> Html {
    let texts = {
        let initial: Vec<String> = p.fields.iter().map(|f| f.2.clone()).collect();
        use_state(move || initial)
    };
    let result = use_state(|| None::<Result<(), String>>);
    let onsubmit = {
        let (texts, result, save) = (texts.clone(), result.clone(), p.on_save.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            result.set(Some(save.emit((*texts).clone())));
        })
    };
    html! {
        <div class="instelling">
            <h3 id={p.heading_id}>{ p.title }</h3>
            <p>{ p.intro }</p>
            <form {onsubmit} novalidate=true class={p.class}>
                { for p.fields.iter().enumerate().map(|(i, (id, label, _))| {
                    let value = texts.get(i).cloned().unwrap_or_default();
                    let texts = texts.clone();
                    let onchange = Callback::from(move |v: String| {
                        let mut next = (*texts).clone();
                        if let Some(slot) = next.get_mut(i) {
                            *slot = v;
                        }
                        texts.set(next);
                    });
                    html! {
                        <TextField id={*id} label={*label} kind="number" {value}
                            onchange={onchange.clone()} oninput={Some(onchange)} />
                    }
                }) }
                <div class="knoppen-rij">
                    <button type="submit" class="knop knop-secundair">{ p.save }</button>
                </div>
            </form>
            { match &*result {
                Some(Ok(())) => html! { <p class="melding melding-goed" role="status">{ p.saved }</p> },
                Some(Err(m)) => html! { <p class="melding melding-fout" role="alert">{ m.clone() }</p> },
                None => html! {},
            } }
        </div>
    }
}
