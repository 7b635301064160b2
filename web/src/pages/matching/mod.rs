//! Matching: one complete placement profile against the offer (associations for step 4, ranked
//! dwellings with the make-up of each score, knocked-out dwellings with every reason), and the
//! caseload-wide optimal assignment, computed in steps so the page never freezes.
//!
//! The results come from the core (`Workspace::match_case`, `woonkans_views::matches`); this page renders.

mod caseload;
pub(crate) mod profile;

use crate::browser;
use crate::route::Route;
use crate::state::{AppContext, navigate, use_app};
use std::rc::Rc;
use woonkans_views::matches::{complete_cases, complete_cases_hint};
use yew::prelude::*;

/// A link inside the app: plain clicks navigate without a request.
pub(crate) fn route_link(app: &AppContext, route: Route, text: Html) -> Html {
    let onclick = {
        let (app, route) = (app.clone(), route.clone());
        Callback::from(move |e: MouseEvent| {
            if !(e.ctrl_key() || e.meta_key() || e.shift_key()) {
                e.prevent_default();
                navigate(&app, route.clone());
            }
        })
    };
    html! { <a href={route.path()} {onclick}>{ text }</a> }
}

#[function_component(MatchingPage)]
pub fn matching_page() -> Html {
    let app = use_app();
    let today = browser::today();
    let chosen = use_state(String::new);
    let choices = {
        let session = app.open().map(|o| Rc::as_ptr(o) as usize);
        let app = app.clone();
        use_memo((app.revision, session, today), move |_| {
            app.workspace()
                .map(|ws| complete_cases(ws, today))
                .unwrap_or_default()
        })
    };
    if app.workspace().is_none() {
        return html! {};
    }
    // The chosen case, or the first complete one.
    let current = choices
        .iter()
        .find(|c| c.id == *chosen)
        .or_else(|| choices.first())
        .map(|c| c.id.clone());
    let on_choose = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| chosen.set(crate::components::form::value_of(&e)))
    };
    html! {
        <section aria-labelledby="pagina-titel" class="matching">
            <h1 id="pagina-titel">{ "Matching" }</h1>
            <p class="inleiding">
                { "Welke corporaties en woningen passen bij een bemiddelingsprofiel, en waarom. De matching leest alleen het gecodeerde profiel, nooit het dossier." }
            </p>
            <section aria-labelledby="een-profiel" class="matching-deel">
                <h2 id="een-profiel">{ "Eén profiel" }</h2>
                if choices.is_empty() {
                    <p class="melding">
                        { "Er is nog geen dossier met een volledig bemiddelingsprofiel. Maak het profiel af in " }
                        { route_link(&app, Route::Dossiers, html! { "Dossiers" }) }
                        { "; daarna kunt u het hier matchen." }
                    </p>
                } else {
                    <div class="veld">
                        <label for="matching-dossier">{ "Dossier" }</label>
                        <span class="hint" id="matching-dossier-hint">
                            { complete_cases_hint(choices.len()) }
                        </span>
                        <select id="matching-dossier" aria-describedby="matching-dossier-hint" onchange={on_choose}>
                            { for choices.iter().map(|c| html! {
                                <option value={c.id.clone()} selected={Some(&c.id) == current.as_ref()}>{ c.label.clone() }</option>
                            }) }
                        </select>
                    </div>
                    if let Some(id) = current {
                        <profile::ProfileResult key={id.clone()} id={id.clone()} />
                    }
                }
            </section>
            <caseload::Caseload />
        </section>
    }
}
