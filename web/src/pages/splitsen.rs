//! Splitting a vault made before roles (`core::split`): the plan, the teruggave for a confirmed
//! Wmo consultant (downloaded as an envelope), and only after the explicit confirmation the
//! split itself. Every decision is the core's; this page shows `views::split` and sends intents.

use crate::browser;
use crate::components::form::SelectField;
use crate::components::outcome::{OutcomeMessage, use_outcome};
use crate::route::Route;
use crate::state::{navigate, try_change, use_app};
use woonkans_core::keys::Fingerprint;
use woonkans_views::split::{self, CONFIRMATION, EXPLANATION, NO_WMO_CONTACT};
use yew::prelude::*;

#[function_component(SplitsenPage)]
pub fn splitsen_page() -> Html {
    let app = use_app();
    let recipient = use_state(String::new);
    let confirmed = use_state(|| false);
    let (outcome, say) = use_outcome("splitsen-uitkomst");
    let today = browser::today();
    let Some(page) = app.workspace().and_then(|ws| split::page(ws, today)) else {
        return html! {
            <section aria-labelledby="pagina-titel">
                <h1 id="pagina-titel">{ Route::Splitsen.title() }</h1>
                <p class="inleiding">{ "Deze kluis heeft een rol of bevat geen dossiers: er is niets te splitsen." }</p>
            </section>
        };
    };
    let chosen = if page.recipients.iter().any(|(fp, _)| *fp == *recipient) {
        (*recipient).clone()
    } else {
        page.recipients
            .first()
            .map(|(fp, _)| fp.clone())
            .unwrap_or_default()
    };
    let on_export = {
        let app = app.clone();
        let say = say.clone();
        let chosen = chosen.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Ok(fp) = Fingerprint::parse(&chosen) else {
                say.emit((false, NO_WMO_CONTACT.to_string()));
                return;
            };
            let (id, random) = (browser::random_bytes::<16>(), browser::random_bytes::<32>());
            let at = browser::now_iso();
            match try_change(&app, |ws| ws.seal_teruggave(fp, id, random, browser::today(), &at)) {
                Ok(file) => say.emit(
                    match browser::download(&file.file_name, &file.bytes, "application/json") {
                        Ok(()) => (true, format!("De teruggave is versleuteld voor de Wmo-consulent, door u ondertekend en gedownload als {}. Stuur deze envelop zelf naar de Wmo-consulent en vraag of die hem heeft geopend.", file.file_name)),
                        Err(e) => (false, format!("De teruggave is gemaakt en vastgelegd, maar: {e} Maak hem opnieuw om hem te downloaden.")),
                    },
                ),
                Err(e) => say.emit((false, e.message)),
            }
        })
    };
    let on_finish = {
        let app = app.clone();
        let say = say.clone();
        let confirmed = confirmed.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let random = browser::random_bytes::<32>();
            match try_change(&app, |ws| {
                ws.finish_split(*confirmed, random, browser::today())
            }) {
                Ok(plan) => {
                    say.emit((
                        true,
                        split::done_message(plan.keeps.len(), plan.leaves.len()),
                    ));
                    navigate(&app, Route::Dossiers);
                }
                Err(e) => say.emit((false, e.message)),
            }
        })
    };
    let list = |lines: &[split::CaseLine]| {
        html! {
            <ul>
                { for lines.iter().map(|l| html! {
                    <li><a href={Route::Dossier(l.id.clone()).path()}>{ l.label.clone() }</a></li>
                }) }
            </ul>
        }
    };
    let options: Vec<(String, String)> = page.recipients.clone();
    let on_pick = {
        let recipient = recipient.clone();
        Callback::from(move |v: String| recipient.set(v))
    };
    let on_confirm = {
        let confirmed = confirmed.clone();
        Callback::from(move |e: Event| confirmed.set(crate::components::form::checked_of(&e)))
    };
    html! {
        <section aria-labelledby="pagina-titel">
            <h1 id="pagina-titel">{ Route::Splitsen.title() }</h1>
            <p class="inleiding">{ EXPLANATION }</p>
            <OutcomeMessage id={"splitsen-uitkomst"} outcome={outcome.clone()} />
            <div class="kaart">
                <h2>{ format!("Blijven als regisseursdossier ({})", page.keeps.len()) }</h2>
                <p>{ "Voorbij stap 4: het profiel, de codes, de reacties en het log blijven. Naam, BSN, adres, geboortedatum, inkomen en gezondheid gaan weg; de app rekent de stap-4-gegevens en de vingerafdrukken van de identificerende gegevens vooraf uit." }</p>
                { list(&page.keeps) }
            </div>
            <div class="kaart">
                <h2>{ format!("Gaan helemaal naar de Wmo-consulent ({})", page.leaves.len()) }</h2>
                <p>{ "Nog niet voorbij stap 4, of gearchiveerd: deze dossiers verdwijnen na het splitsen uit deze kluis." }</p>
                { list(&page.leaves) }
            </div>
            <form class="kaart" onsubmit={on_export} aria-labelledby="teruggave-titel">
                <h2 id="teruggave-titel">{ "1. Teruggave aan de Wmo-consulent" }</h2>
                { if options.is_empty() { html! {
                    <p class="melding melding-fout" id="geen-wmo">{ NO_WMO_CONTACT }
                        { " " }<a href={Route::Sleutels.path()}>{ Route::Sleutels.title() }</a></p>
                } } else { html! {
                    <SelectField id="teruggave-ontvanger" label="Wmo-consulent" options={options.clone()}
                        value={chosen.clone()} onchange={on_pick} />
                } } }
                { for page.exported_at.iter().map(|at| html! {
                    <p>{ format!("Teruggave gemaakt op {}.", at.replace('T', " om ")) }</p>
                }) }
                <button class="knop" type="submit" disabled={options.is_empty()}>{ "Teruggave maken" }</button>
            </form>
            <form class="kaart" onsubmit={on_finish} aria-labelledby="splitsen-titel">
                <h2 id="splitsen-titel">{ "2. Splitsen" }</h2>
                <div class="veld keuze">
                    <input type="checkbox" id="splitsen-bevestiging" checked={*confirmed} onchange={on_confirm} />
                    <label for="splitsen-bevestiging">{ CONFIRMATION }</label>
                </div>
                <button class="knop" type="submit" disabled={page.exported_at.is_none()}>{ "Kluis splitsen" }</button>
            </form>
        </section>
    }
}
