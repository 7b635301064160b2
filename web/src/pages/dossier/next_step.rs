//! The way on: what the next step still needs (from the core), or the button that moves the
//! case there.

use crate::browser;
use crate::state::{try_change, use_app};
use woonkans_core::register::Step;
use woonkans_core::routeplanner;
use woonkans_core::vocab::Dutch;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NextStepProps {
    pub id: AttrValue,
    pub on_check: Callback<()>,
    pub on_show: Callback<Step>,
}

#[function_component(NextStep)]
pub fn next_step(p: &NextStepProps) -> Html {
    let app = use_app();
    let refusal = use_state(|| None::<String>);
    let Some(ws) = app.workspace() else {
        return html! {};
    };
    let today = browser::today();
    let Ok(Some((next, reasons))) = routeplanner::next_step(ws, &p.id, today) else {
        return html! {};
    };
    let title = format!("stap {} {}", next.number(), next.dutch());
    if !reasons.is_empty() {
        return html! {
            <div class="kaart volgende-stap" id="voortgang">
                <h3>{ format!("Nog nodig voor {title}") }</h3>
                <ul>{ for reasons.iter().map(|r| html! { <li>{ r.message.clone() }</li> }) }</ul>
                // Only data can be shown at the fields; a missing gate is recorded above.
                { if reasons.iter().any(|r| r.gate.is_none()) { html! {
                    <button type="button" class="knop knop-secundair" onclick={p.on_check.reform(|_| ())}>
                        { "Toon wat ontbreekt" }
                    </button>
                } } else { html! {} } }
            </div>
        };
    }
    let onclick = {
        let app = app.clone();
        let id = p.id.to_string();
        let refusal = refusal.clone();
        let on_show = p.on_show.clone();
        Callback::from(move |_| {
            let id = id.clone();
            match try_change(&app, move |ws| {
                routeplanner::advance(ws, &id, today).map(|_| ())
            }) {
                Ok(()) => {
                    refusal.set(None);
                    on_show.emit(next);
                }
                Err(e) => refusal.set(Some(e.message)),
            }
        })
    };
    html! {
        <div class="kaart volgende-stap" id="voortgang">
            <p>{ format!("Alles wat stap {} ({}) nodig heeft, is er.", next.number(), next.dutch()) }</p>
            { for refusal.iter().map(|m| html! { <p class="foutmelding" role="alert">{ m.clone() }</p> }) }
            <button type="button" class="knop" {onclick}>{ format!("Verder naar {title}") }</button>
        </div>
    }
}
