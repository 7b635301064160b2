//! "Wat wordt gedeeld": the minimised placement profile exactly as an association reads it in a
//! bundle (the same Dutch wording, from `woonkans_views::bundles::readable_profile`), and what is not in it.
//! Free texts appear as they leave: only when released (here: those released for every
//! association; one released for some associations only goes to those alone).

use crate::browser;
use crate::components::print::Printable;
use crate::state::use_app;
use woonkans_views::bundles::{
    PROFILE_PRINT_BUTTON, PROFILE_PRINT_INTRO, PROFILE_PRINT_SIGN, PROFILE_PRINT_TITLE,
    profile_print_subtitle, readable_profile,
};
use woonkans_views::dossier_form::NOT_SHARED;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SharedPanelProps {
    pub id: AttrValue,
}

#[function_component(SharedPanel)]
pub fn shared_panel(p: &SharedPanelProps) -> Html {
    let app = use_app();
    let Some(ws) = app.workspace() else {
        return html! {};
    };
    let released = ws
        .case(&p.id)
        .map(|c| c.profile.released.clone())
        .unwrap_or_default();
    let profile = ws
        .profile(&p.id, browser::today())
        .map(|pr| pr.released_to_all(&released));
    html! {
        <section class="kaart gedeeld" id="wat-wordt-gedeeld" aria-labelledby="gedeeld-titel">
            <h3 id="gedeeld-titel">{ "Wat wordt gedeeld" }</h3>
            <p>{ "Zo ziet een woningcorporatie dit profiel in een bundel: onder een eigen code per corporatie, zonder direct herleidbare gegevens." }</p>
            { match &profile {
                Err(_) => html! {
                    <p class="melding">{ "Het profiel is nog niet compleet. Zodra het compleet is en de notities niets herleidbaars bevatten, staat hier precies wat een corporatie te zien krijgt." }</p>
                },
                Ok(profile) => {
                    let r = readable_profile(profile);
                    let subtitle = ws
                        .case(&p.id)
                        .map(|c| profile_print_subtitle(c, browser::today()))
                        .unwrap_or_default();
                    html! {
                        <Printable id="profiel-document" button={PROFILE_PRINT_BUTTON}>
                            <div class="alleen-printen">
                                <h2>{ PROFILE_PRINT_TITLE }</h2>
                                <p>{ subtitle }</p>
                                <p>{ PROFILE_PRINT_INTRO }</p>
                            </div>
                            <dl class="gegevens gedeeld-profiel">
                                <dt>{ "Code" }</dt>
                                <dd>{ "Per corporatie een eigen code (pas bij het maken van een bundel)" }</dd>
                                { for r.categories.iter().map(|c| html! {
                                    <>
                                        <dt>{ c.category }</dt>
                                        <dd>
                                            { c.value.clone() }
                                            { for c.note.iter().map(|n| html! { <><br /><span class="notitie-gedeeld">{ n.clone() }</span></> }) }
                                        </dd>
                                    </>
                                }) }
                                { for r.facts.iter().map(|l| html! { <><dt>{ l.label }</dt><dd>{ l.value.clone() }</dd></> }) }
                                { for r.relapse_plan.iter().map(|plan| html! {
                                    <>
                                        <dt>{ "Afspraken bij terugval" }</dt>
                                        <dd>
                                            { format!("Signalen: {}", plan.signals) }
                                            <ul class="compact">
                                                { for plan.agreements.iter().map(|(party, action)| html! { <li>{ format!("{party}: {action}") }</li> }) }
                                            </ul>
                                        </dd>
                                    </>
                                }) }
                            </dl>
                            <p class="hint niet-printen">{ "Een vrije tekst staat hier alleen als u hem voor alle corporaties hebt vrijgegeven. Een tekst die alleen voor sommige corporaties is vrijgegeven, gaat alleen naar die corporaties; een tekst die niet is vrijgegeven, gaat nergens heen." }</p>
                            <div class="alleen-printen">
                                <h3>{ "Niet in het profiel" }</h3>
                                <ul class="compact">
                                    { for NOT_SHARED.iter().map(|x| html! { <li>{ *x }</li> }) }
                                </ul>
                                { for PROFILE_PRINT_SIGN.iter().map(|line| html! { <p>{ *line }</p> }) }
                            </div>
                        </Printable>
                    }
                }
            } }
            <div class="niet-gedeeld">
                <h4>{ "Niet in het profiel" }</h4>
                <ul class="compact">
                    { for NOT_SHARED.iter().map(|x| html! { <li>{ *x }</li> }) }
                </ul>
            </div>
        </section>
    }
}
