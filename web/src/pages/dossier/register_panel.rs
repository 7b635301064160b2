//! What the processing register says about one step, rendered from the core's register (never
//! retyped): who processes, which data, grondslag with article, doel, and the gates before the
//! step with their recorded date and actor.

use crate::state::use_app;
use woonkans_core::register::{Step, required_gates, row};
use woonkans_core::vocab::{self, Dutch};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RegisterPanelProps {
    pub id: AttrValue,
    pub step: Step,
}

#[function_component(RegisterPanel)]
pub fn register_panel(p: &RegisterPanelProps) -> Html {
    let app = use_app();
    let dossier = app
        .workspace()
        .and_then(|ws| ws.case(&p.id).ok())
        .map(|c| &c.dossier);
    let r = row(p.step);
    let gates = required_gates(p.step);
    html! {
        <div class="kaart register-stap">
            <h3>{ "Wat het verwerkingsregister voor deze stap zegt" }</h3>
            <dl class="gegevens">
                <dt>{ "Verwerking" }</dt>
                <dd>{ r.verwerking }</dd>
                <dt>{ "Wie verwerkt" }</dt>
                <dd>{ r.processor }<br /><span class="hint">{ format!("Ontvanger: {}", r.recipient.dutch()) }</span></dd>
                <dt>{ "Welke gegevens" }</dt>
                <dd>
                    <ul class="gegevens-lijst">
                        { for r.categories.iter().map(|c| html! {
                            <li>
                                { c.dutch() }
                                { if c.special_category() { html! { <>{ " " }<span class="label">{ "bijzonder persoonsgegeven, art. 9 AVG" }</span></> } } else { html! {} } }
                            </li>
                        }) }
                    </ul>
                    { if r.derived.is_empty() { html! {} } else { html! {
                        <>
                            <p class="hint">{ "Afgeleid (gegeneraliseerd) uit het dossier:" }</p>
                            <ul class="compact">{ for r.derived.iter().map(|x| html! { <li>{ x.dutch() }</li> }) }</ul>
                        </>
                    } } }
                    { if r.coded { html! { <p class="label">{ "Onder een unieke code per corporatie, zonder direct herleidbare gegevens" }</p> } } else { html! {} } }
                </dd>
                <dt>{ "Grondslag" }</dt>
                <dd>
                    { r.grondslag_text }
                    <ul class="compact">
                        { for r.grondslagen.iter().map(|g| html! { <li>{ format!("{} ({})", g.dutch(), g.article()) }</li> }) }
                    </ul>
                </dd>
                <dt>{ "Doel" }</dt>
                <dd>{ r.doel }</dd>
                <dt>{ "Poorten vooraf" }</dt>
                <dd>
                    { if gates.is_empty() { html! {
                        <p class="geen-marge">{ "Geen: de inwoner beslist zelf, eventueel met de zorgaanbieder." }</p>
                    } } else { html! {
                        <ul class="compact poorten">
                            { for gates.iter().map(|g| {
                                let record = dossier.and_then(|d| d.gate_record(*g));
                                html! {
                                    <li>
                                        { match record {
                                            Some(_) => html! { <span aria-hidden="true">{ "✓ " }</span> },
                                            None => html! { <span aria-hidden="true">{ "— " }</span> },
                                        } }
                                        { g.dutch() }
                                        { ": " }
                                        { match record {
                                            Some(rec) => format!("vastgelegd op {} door {}", vocab::date(rec.date), rec.actor),
                                            None => "nog niet vastgelegd".to_string(),
                                        } }
                                    </li>
                                }
                            }) }
                        </ul>
                    } } }
                </dd>
            </dl>
        </div>
    }
}
