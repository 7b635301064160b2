//! The first thing a new vault needs: the region, which decides the coordinator's role. Shown
//! above every page until it is chosen, so the only hint is not a small line in the header.

use crate::components::header::choose_region;
use crate::state::use_app;
use woonkans_core::region::Region;
use yew::prelude::*;

#[function_component(RegionPrompt)]
pub fn region_prompt() -> Html {
    let app = use_app();
    if app.open().is_none() || app.region().is_some() {
        return html! {};
    }
    let onchange = choose_region(&app);
    html! {
        <section class="melding regio-vraag" aria-labelledby="regio-vraag-titel">
            <p id="regio-vraag-titel"><strong>{ "Kies eerst uw regio" }</strong></p>
            <p>{ "De regio bepaalt uw rol en welke corporaties en gemeenten u ziet:" }</p>
            <ul>
                { for Region::ALL.iter().map(|r| html! {
                    <li>{ format!("{}: {}", r.name(), r.role().name()) }</li>
                }) }
            </ul>
            <div class="veld">
                <label for="regio-eerste-keuze">{ "Uw regio" }</label>
                <select id="regio-eerste-keuze" {onchange}>
                    <option value="" selected=true disabled=true>{ "Kies een regio" }</option>
                    { for Region::ALL.iter().map(|r| html! {
                        <option value={r.key()}>{ r.name() }</option>
                    }) }
                </select>
            </div>
        </section>
    }
}
