//! The leak guard's refusal: which field of which profile to change, never the value found.

use crate::route::Route;
use crate::state::{navigate, use_app};
use std::rc::Rc;
use woonkans_core::leakguard::LeakFinding;
use woonkans_core::vocab;
use yew::prelude::*;

/// One finding with the case its code resolves to (the coordinator's own dossiers).
#[derive(Clone, Debug, PartialEq)]
pub struct FoundCase {
    pub finding: LeakFinding,
    pub case_id: Option<String>,
}

#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    pub findings: Rc<Vec<FoundCase>>,
    pub summary: String,
}

#[function_component(Findings)]
pub fn findings(p: &FindingsProps) -> Html {
    let app = use_app();
    html! {
        <div id="bundel-uitkomst" class="foutsamenvatting lekcontrole" role="alert" tabindex="-1">
            <h2>{ "Niet gedownload: de lekcontrole vond herleidbare gegevens" }</h2>
            <p>{ p.summary.clone() }</p>
            <table>
                <caption>{ "Velden die u moet aanpassen" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Profielcode" }</th>
                        <th scope="col">{ "Veld" }</th>
                        <th scope="col">{ "Soort gegeven" }</th>
                        <th scope="col">{ "Melding" }</th>
                        <th scope="col">{ "Aanpassen (stap 4, bemiddelingsprofiel)" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for p.findings.iter().map(|f| {
                        let link = match &f.case_id {
                            Some(id) => {
                                let route = Route::Dossier(id.clone());
                                let onclick = {
                                    let (app, route) = (app.clone(), route.clone());
                                    Callback::from(move |e: MouseEvent| {
                                        e.prevent_default();
                                        navigate(&app, route.clone());
                                    })
                                };
                                html! { <a href={route.path()} {onclick}>{ "Aanpassen in het dossier" }</a> }
                            }
                            None => html! { { "—" } },
                        };
                        html! {
                            <tr>
                                <td><span class="codelabel">{ if f.finding.code.is_empty() { "—".to_string() } else { f.finding.code.clone() } }</span></td>
                                <td><code class="hexcode">{ f.finding.field.clone() }</code></td>
                                <td>{ vocab::leak_kind(&f.finding.kind) }</td>
                                <td>{ f.finding.message.clone() }</td>
                                <td>{ link }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
