pub mod aanbod;
pub mod afmeldingen;
pub mod bundel_openen;
pub mod bundels;
pub mod dossier;
pub mod dossiers;
pub mod envelop_openen;
pub mod matching;
pub mod overdragen;
pub mod privacy;
pub mod sleutels;
pub mod splitsen;
pub mod stap4_typen;
pub mod verwerkingslog;

use crate::route::Route;
use crate::state::{navigate, use_app};
use woonkans_views::nav;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PageProps {
    pub route: Route,
}

/// Renders the page for a route.
#[function_component(Page)]
pub fn page(props: &PageProps) -> Html {
    let app = use_app();
    if !props.route.allowed(app.role()) {
        return html! { <OutsideRole /> };
    }
    if props.route == Route::Dossiers {
        return html! { <dossiers::DossiersPage /> };
    }
    if let Route::Dossier(id) = &props.route {
        return html! { <dossier::DossierPage key={id.clone()} id={id.clone()} /> };
    }
    if let Route::DossierProfile(id, field) = &props.route {
        // Keyed by the field too: a second link to another field opens the page afresh, so it
        // shows the field's step and moves the focus again.
        let key = format!("{id}#{}", field.map_or("", |f| f.element_id()));
        let step = field.map_or(woonkans_core::register::Step::PlacementProfile, |f| {
            f.step()
        });
        return html! {
            <dossier::DossierPage {key} id={id.clone()} step={Some(step)}
                focus={field.map(|f| f.element_id())} />
        };
    }
    if props.route == Route::Aanbod {
        return html! { <aanbod::AanbodPage /> };
    }
    if props.route == Route::Matching {
        return html! { <matching::MatchingPage /> };
    }
    if props.route == Route::Privacy {
        return html! { <privacy::PrivacyPage /> };
    }
    if props.route == Route::Bundels {
        return html! { <bundels::BundelsPage /> };
    }
    if props.route == Route::BundelOpenen {
        return html! { <bundel_openen::BundelOpenenPage /> };
    }
    if props.route == Route::EnvelopOpenen {
        return html! { <envelop_openen::EnvelopOpenenPage /> };
    }
    if props.route == Route::Sleutels {
        return html! { <sleutels::SleutelsPage /> };
    }
    if props.route == Route::Stap4Typen {
        return html! { <stap4_typen::Stap4TypenPage /> };
    }
    if props.route == Route::Overdragen {
        return html! { <overdragen::OverdragenPage /> };
    }
    if props.route == Route::Splitsen {
        return html! { <splitsen::SplitsenPage /> };
    }
    if props.route == Route::Verwerkingslog {
        return html! { <verwerkingslog::VerwerkingslogPage /> };
    }
    let title = props.route.title();
    let intro = match props.route {
        Route::Dossiers => {
            "Dossiers van inwoners, met de voortgang door de zes stappen van de routeplanner."
        }
        Route::Aanbod => "Woningcorporaties, hun Woonkans-criteria en hun woningen.",
        Route::Matching => {
            "Welke corporaties en woningen passen bij een bemiddelingsprofiel, en waarom."
        }
        Route::Bundels => "Gecodeerde profielbundels per corporatie: het enige dat gedeeld wordt.",
        Route::Verwerkingslog => "Wat is wanneer met wie gedeeld, op welke grondslag.",
        Route::Privacy
        | Route::Sleutels
        | Route::Dossier(_)
        | Route::DossierProfile(..)
        | Route::BundelOpenen
        | Route::Splitsen
        | Route::Stap4Typen
        | Route::Overdragen
        | Route::EnvelopOpenen
        | Route::NotFound => "Deze pagina bestaat niet. Kies een onderdeel in het menu.",
    };
    html! {
        <section aria-labelledby="pagina-titel">
            <h1 id="pagina-titel">{ title }</h1>
            <p class="inleiding">{ intro }</p>
        </section>
    }
}

/// A page that is not for this vault's role (a typed or old link): what it is and the way back.
#[function_component(OutsideRole)]
fn outside_role() -> Html {
    let app = use_app();
    let start = Route::start(app.role());
    let onclick = {
        let app = app.clone();
        let start = start.clone();
        Callback::from(move |e: MouseEvent| {
            if !(e.ctrl_key() || e.meta_key() || e.shift_key()) {
                e.prevent_default();
                navigate(&app, start.clone());
            }
        })
    };
    html! {
        <section aria-labelledby="pagina-titel">
            <h1 id="pagina-titel">{ nav::OUTSIDE_ROLE }</h1>
            <p class="inleiding">
                <a href={start.path()} {onclick}>{ format!("{}: {}", nav::TO_START, start.title()) }</a>
            </p>
        </section>
    }
}
