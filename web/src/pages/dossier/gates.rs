//! Recording one gate: the date and who records it (a role or organisation). The core checks the
//! order of the gates and moves the case on when nothing else is missing.

use super::fields::{ParsedField, date_text, read_date};
use super::key;
use crate::browser;
use crate::components::form::TextField;
use crate::state::{try_change, use_app};
use woonkans_core::register::Gate;
use woonkans_core::routeplanner;
use woonkans_core::vocab::{self, Dutch};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GateRecorderProps {
    pub id: AttrValue,
    pub gate: Gate,
    /// False while the step is not open or the dossier is archived.
    #[prop_or(true)]
    pub enabled: bool,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
}

#[function_component(GateRecorder)]
pub fn gate_recorder(p: &GateRecorderProps) -> Html {
    let app = use_app();
    let date = use_state(|| date_text(Some(browser::today())));
    let actor = use_state(String::new);
    let refusal = use_state(|| None::<String>);
    let record = app
        .workspace()
        .and_then(|ws| ws.case(&p.id).ok())
        .and_then(|c| c.dossier.gate_record(p.gate).cloned());
    let base = format!("poort-{}", key(&p.gate));
    let title = html! { <h3 class="poort-titel">{ format!("Poort: {}", p.gate.dutch()) }</h3> };
    if let Some(r) = record {
        return html! {
            <div class="kaart poort poort-vastgelegd" id={base}>
                { title }
                <p class="geen-marge">
                    <span aria-hidden="true">{ "✓ " }</span>
                    { format!("Vastgelegd op {} door {}.", vocab::date(r.date), r.actor) }
                </p>
            </div>
        };
    }
    let apply_date = {
        let date = date.clone();
        Callback::from(move |text: String| {
            date.set(text.clone());
            read_date(&text).err()
        })
    };
    let on_actor = {
        let actor = actor.clone();
        Callback::from(move |v: String| actor.set(v))
    };
    let onclick = {
        let app = app.clone();
        let id = p.id.to_string();
        let gate = p.gate;
        let date = date.clone();
        let actor = actor.clone();
        let refusal = refusal.clone();
        Callback::from(move |_| {
            let when = match read_date(&date) {
                Ok(Some(d)) => d,
                Ok(None) => {
                    refusal.set(Some(
                        "Vul de datum in waarop de poort is gepasseerd.".into(),
                    ));
                    return;
                }
                Err(msg) => {
                    refusal.set(Some(msg));
                    return;
                }
            };
            let id = id.clone();
            let who = (*actor).clone();
            let today = browser::today();
            let result = try_change(&app, move |ws| {
                routeplanner::record_gate(ws, &id, gate, when, &who, today)
            });
            refusal.set(result.err().map(|e| e.message));
        })
    };
    html! {
        <fieldset class="kaart poort" id={base.clone()} disabled={!p.enabled}>
            <legend class="poort-titel">{ format!("Poort: {}", p.gate.dutch()) }</legend>
            { for p.hint.iter().map(|h| html! { <p class="hint">{ h.clone() }</p> }) }
            <p class="geen-marge">{ "Nog niet vastgelegd." }</p>
            <div class="veld-rij">
                <ParsedField id={format!("{base}-datum")} label="Datum" hint="Bijvoorbeeld 28-11-2026"
                    value={(*date).clone()} apply={apply_date} inputmode="numeric" />
                <TextField id={format!("{base}-door")} label="Vastgelegd door"
                    hint="Rol of organisatie, bijvoorbeeld 'Zorgaanbieder De Brug'"
                    value={(*actor).clone()} onchange={on_actor.clone()} oninput={Some(on_actor)} />
            </div>
            { for refusal.iter().map(|m| html! { <p class="foutmelding" role="alert">{ m.clone() }</p> }) }
            <button type="button" class="knop knop-secundair" {onclick}>{ "Poort vastleggen" }</button>
        </fieldset>
    }
}
