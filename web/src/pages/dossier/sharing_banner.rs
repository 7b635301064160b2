//! "Gewijzigd na delen": the banner on the profile and the step-5/6 pages when an association
//! holds an older version of the profile, with what changed and a new bundle for each of them.
//! Who is out of date is the core's (`woonkans_core::sharing`); the sentences are the views'.

use crate::browser;
use crate::state::{request_bundle, use_app};
use woonkans_core::sharing::sharing_state;
use woonkans_views::sharing::sharing_banner;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SharingBannerProps {
    pub id: AttrValue,
}

#[function_component(SharingBanner)]
pub fn sharing_banner_view(p: &SharingBannerProps) -> Html {
    let app = use_app();
    let Some(ws) = app.workspace() else {
        return html! {};
    };
    let Some(banner) = sharing_state(ws, &p.id, browser::today())
        .ok()
        .as_ref()
        .and_then(sharing_banner)
    else {
        return html! {};
    };
    html! {
        <div class="melding melding-let-op gewijzigd-na-delen" role="status" aria-labelledby="gewijzigd-titel">
            <h3 id="gewijzigd-titel">{ banner.title }</h3>
            <p>{ banner.intro.clone() }</p>
            <ul class="compact">
                { for banner.holders.iter().map(|h| html! { <li>{ h.text.clone() }</li> }) }
            </ul>
            { if banner.changes.is_empty() { html! {} } else { html! {
                <>
                    <p>{ "Wat is er veranderd:" }</p>
                    <ul class="compact wijzigingen">
                        { for banner.changes.iter().map(|c| html! { <li>{ c.clone() }</li> }) }
                    </ul>
                </>
            } } }
            { for banner.handover_note.iter().map(|n| html! { <p>{ *n }</p> }) }
            { if banner.bundles.is_empty() { html! {} } else { html! {
                <div class="knoppen-rij">
                    { for banner.bundles.iter().map(|b| {
                        let onclick = {
                            let (app, association, id) = (app.clone(), b.association_id.clone(), p.id.to_string());
                            Callback::from(move |_: MouseEvent| request_bundle(&app, &association, &id))
                        };
                        html! { <button type="button" class="knop knop-klein" {onclick}>{ b.label.clone() }</button> }
                    }) }
                </div>
            } } }
        </div>
    }
}
