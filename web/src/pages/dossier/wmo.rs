//! Step 2 (Melding Wmo): what goes to the Wmo access team of the resident's gemeente — the NAW
//! and contact details only, shown read-only — and the Wmo consultant who takes it up.

use super::{FieldErrors, StepProps, edit};
use crate::components::form::{ErrorSummary, TextField};
use crate::state::use_app;
use woonkans_core::dossier::Contact;
use woonkans_core::register::Step;
use woonkans_core::routeplanner::form_errors;
use woonkans_views::caselist::display_name;
use yew::prelude::*;

#[function_component(WmoReport)]
pub fn wmo_report(p: &StepProps) -> Html {
    let app = use_app();
    let Some(case) = app.workspace().and_then(|ws| ws.case(&p.id).ok()) else {
        return html! {};
    };
    let d = &case.dossier;
    let errors = FieldErrors::visible(form_errors(d, Step::WmoReport), &p.touched, p.show_all);
    let a = &d.address;
    let or_dash = |s: String| {
        if s.trim().is_empty() {
            "—".to_string()
        } else {
            s
        }
    };
    let street = if a.street.trim().is_empty() {
        String::new()
    } else {
        format!(
            "{} {} {}",
            a.street,
            if a.house_number > 0 {
                a.house_number.to_string()
            } else {
                String::new()
            },
            a.house_number_addition
        )
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
    };
    let consultant = d.wmo_consultant.clone().unwrap_or_default();
    let set = |person: bool| {
        edit(
            &app,
            &p.id,
            &p.touched,
            &["wmoConsulent.organisatie", "wmoConsulent"],
            move |c, v: String| {
                let mut k = c.dossier.wmo_consultant.clone().unwrap_or_default();
                if person {
                    k.person = v.trim().to_string();
                } else {
                    k.organisation = v.trim().to_string();
                }
                c.dossier.wmo_consultant = if k == Contact::default() {
                    None
                } else {
                    Some(k)
                };
                Ok(())
            },
        )
    };
    let to = if d.gemeente.trim().is_empty() {
        "de woongemeente".to_string()
    } else {
        format!("de gemeente {}", d.gemeente)
    };
    html! {
        <div class="stap-formulier">
            <ErrorSummary errors={errors.summary()} />
            <div class="kaart">
                <h3>{ format!("Wat bij de melding naar het toegangsteam Wmo van {to} gaat") }</h3>
                <p class="hint">{ "Alleen NAW- en contactgegevens, zodat de Wmo-consulent contact kan opnemen. U wijzigt ze in stap 1." }</p>
                <dl class="gegevens">
                    <dt>{ "Naam" }</dt><dd>{ or_dash(display_name(&d.name)) }</dd>
                    <dt>{ "Adres" }</dt><dd>{ or_dash(street) }</dd>
                    <dt>{ "Postcode en woonplaats" }</dt><dd>{ or_dash(format!("{} {}", a.postcode, a.place)) }</dd>
                    <dt>{ "Woongemeente" }</dt><dd>{ or_dash(d.gemeente.clone()) }</dd>
                    <dt>{ "Telefoon" }</dt><dd>{ or_dash(d.phones.join(", ")) }</dd>
                    <dt>{ "E-mail" }</dt><dd>{ or_dash(d.email.clone().unwrap_or_default()) }</dd>
                </dl>
            </div>
            <fieldset class="kaal" disabled={!p.open}>
                <fieldset class="groep" id="wmoConsulent">
                    <legend>{ "Wmo-consulent" }</legend>
                    <p class="hint">{ "De vaste Wmo-consulent of het aanspreekpunt Woonkans van de gemeente, die het onderzoek (stap 3) doet." }</p>
                    { for errors.at("wmoConsulent").map(|e| html! { <p class="foutmelding">{ e }</p> }) }
                    <TextField id="wmoConsulent-organisatie" label="Organisatie" hint="Bijvoorbeeld 'Gemeente Venlo, Wmo-loket'"
                        value={consultant.organisation.clone()} error={errors.at("wmoConsulent.organisatie")}
                        onchange={set(false)} />
                    <TextField id="wmoConsulent-persoon" label="Naam consulent (niet verplicht)"
                        value={consultant.person.clone()} onchange={set(true)} />
                </fieldset>
            </fieldset>
        </div>
    }
}
