//! Step 6 (Overeenkomst): the hand-over of the identifying data to the association of the
//! accepted match, for the lease. Only after an explicit confirmation naming the grondslag;
//! the core makes the hand-over, seals it in an envelope for that association's confirmed key
//! card and logs the disclosure; the browser downloads the envelope. Without this vault's keys
//! or the association's confirmed card the step says so and links to "Sleutels en adresboek".

use super::fields::{ParsedField, date_text, read_date};
use super::{StepProps, field_id};
use crate::browser;
use crate::components::form::{SelectField, TextField, checked_of};
use crate::pages::bundels::keys_link::KeysLink;
use crate::state::{try_change, use_app};
use woonkans_core::Error;
use woonkans_core::dossier::{DocumentStatus, MissingDocumentsReason};
use woonkans_core::handover::HandoverConfirmation;
use woonkans_core::register::Step;
use woonkans_core::routeplanner::form_step;
use woonkans_core::vocab::{self, Dutch};
use woonkans_views::envelopes::NO_KEYS;
use woonkans_views::{huur, select};
use yew::prelude::*;

const CONFIRMATION: &str = "Ik bevestig dat deze gegevens worden overgedragen voor het aangaan van de huurovereenkomst, op grond van art. 6 lid 1 sub b AVG";

#[function_component(HandoverStep)]
pub fn handover_step(p: &StepProps) -> Html {
    let app = use_app();
    let confirmed = use_state(|| false);
    let by = use_state(String::new);
    let date = use_state(|| date_text(Some(browser::today())));
    let outcome = use_state(|| None::<Result<String, String>>);
    let missing_reason = use_state(|| None::<String>);
    let Some(ws) = app.workspace() else {
        return html! {};
    };
    let Ok(case) = ws.case(&p.id) else {
        return html! {};
    };
    let Some(accepted) = &case.accepted else {
        return html! {
            <div class="stap-formulier">
                <p class="melding">{ "De overdracht kan pas na een aanvaarde match (stap 5): dan weet u aan welke corporatie, en mag het op grond van de huurovereenkomst." }</p>
            </div>
        };
    };
    let association = ws
        .offer()
        .association(&accepted.association_id)
        .map_or_else(|| accepted.association_id.clone(), |a| a.name.clone());
    // The envelope needs this vault's keys and the association's confirmed card.
    let sealing_blocker = if ws.parties().keys().is_none() {
        Some(NO_KEYS.to_string())
    } else {
        ws.association_contact(&accepted.association_id)
            .err()
            .map(|e| e.message)
    };
    let d = &case.dossier;
    let lacking = !d
        .documents
        .missing_for_lease(d.budget_management)
        .is_empty();
    // What the dossier recorded before, until the user chooses here.
    let reason_key = (*missing_reason).clone().unwrap_or_else(|| {
        d.documents
            .missing_reason
            .map(|r| select::key(&r))
            .unwrap_or_default()
    });
    let on_reason = {
        let (missing_reason, outcome) = (missing_reason.clone(), outcome.clone());
        Callback::from(move |v: String| {
            missing_reason.set(Some(v));
            outcome.set(None);
        })
    };
    let documents: Vec<_> = d
        .documents
        .entries()
        .into_iter()
        .filter(|(_, e)| e.status != DocumentStatus::NotApplicable)
        .collect();
    let incomplete: Vec<_> = d
        .validate_for(Step::Agreement)
        .into_iter()
        .filter(|e| e.field.as_deref().and_then(form_step).is_some())
        .collect();
    let on_confirm = {
        let confirmed = confirmed.clone();
        let outcome = outcome.clone();
        Callback::from(move |e: Event| {
            confirmed.set(checked_of(&e));
            // An earlier refusal no longer applies once the answer changed.
            outcome.set(None);
        })
    };
    let on_by = {
        let by = by.clone();
        Callback::from(move |v: String| by.set(v))
    };
    let apply_date = {
        let date = date.clone();
        Callback::from(move |text: String| {
            date.set(text.clone());
            read_date(&text).err()
        })
    };
    let onclick = {
        let app = app.clone();
        let id = p.id.to_string();
        let (confirmed, by, date, outcome) =
            (confirmed.clone(), by.clone(), date.clone(), outcome.clone());
        let reason = select::from_key::<MissingDocumentsReason>(&reason_key);
        Callback::from(move |_| {
            let when = match read_date(&date) {
                Ok(Some(d)) => d,
                Ok(None) => {
                    outcome.set(Some(Err("Vul de datum van de bevestiging in.".into())));
                    return;
                }
                Err(m) => {
                    outcome.set(Some(Err(m)));
                    return;
                }
            };
            let confirmation = HandoverConfirmation {
                grondslag_confirmed: *confirmed,
                confirmed_by: (*by).clone(),
                date: when,
            };
            let envelope_id = browser::random_bytes::<16>();
            let random = browser::random_bytes::<32>();
            let at = browser::now_iso();
            // The envelope is offered only when the core agrees, and the hand-over (with its
            // disclosure logged) is committed only when the download started.
            let offered = try_change(&app, |ws| {
                ws.choose_missing_reason(&id, reason)?;
                let (file, _) = ws.seal_handover(&id, confirmation, envelope_id, random, &at)?;
                browser::download(&file.file_name, &file.bytes, "application/json")
                    .map_err(|m| Error::new("DOWNLOAD_FAILED", m))?;
                Ok::<_, Error>(file.file_name)
            });
            outcome.set(Some(offered.map_err(|e| e.message)));
        })
    };
    let on_show = p.on_show.clone();
    html! {
        <div class="stap-formulier">
            <div class="kaart">
                <h3>{ format!("Overdracht aan {association}") }</h3>
                <p>{ format!("Match aanvaard op {}. Voor de huurovereenkomst gaan naar de corporatie: NAW- en contactgegevens, geboortedatum, geslacht, BSN, het bemiddelingsprofiel en de documenten hieronder.", vocab::date(accepted.date)) }</p>
                <h4>{ "Documenten om over te dragen" }</h4>
                { if documents.is_empty() { html! { <p>{ "Geen documenten van toepassing." }</p> } } else { html! {
                    <ul class="compact documenten-overdracht">
                        { for documents.iter().map(|(kind, e)| html! {
                            <li>
                                { kind.dutch() }{ ": " }{ e.status.dutch().to_lowercase() }
                                { for e.date.map(|d| format!(" ({})", vocab::date(d))) }
                            </li>
                        }) }
                    </ul>
                } } }
                if lacking {
                    <SelectField id="overdracht-ontbrekend" label={huur::MISSING_LABEL}
                        hint={huur::MISSING_HINT} options={huur::missing_reason_options()}
                        value={reason_key.clone()} onchange={on_reason} />
                }
                <p class="hint">{ "Gezondheidsgegevens en de notities van het onderzoek gaan nooit mee. De overdracht gaat als envelop: versleuteld voor deze corporatie en door u ondertekend." }</p>
            </div>
            { for sealing_blocker.iter().map(|m| html! {
                <div class="melding melding-fout" id="overdracht-sleutel">
                    <p>{ m.clone() }</p>
                    <p><KeysLink /></p>
                </div>
            }) }
            { if incomplete.is_empty() { html! {} } else { html! {
                <div class="kaart open-punten">
                    <h3>{ "Nog aan te vullen voor de overdracht" }</h3>
                    <ul>
                        { for incomplete.iter().map(|e| {
                            let field = e.field.clone().unwrap_or_default();
                            let step = form_step(&field).unwrap_or(Step::Investigation);
                            let cb = on_show.clone();
                            html! {
                                <li id={format!("ontbreekt-{}", field_id(&field))}>
                                    { e.message.clone() }{ " " }
                                    <button type="button" class="knop-link" onclick={Callback::from(move |_| cb.emit(step))}>
                                        { format!("Naar stap {}", step.number()) }
                                    </button>
                                </li>
                            }
                        }) }
                    </ul>
                </div>
            } } }
            <fieldset class="kaart poort" disabled={!p.open}>
                <legend class="poort-titel">{ "Bevestiging van de overdracht" }</legend>
                <div class="veld vinkje">
                    <div class="vinkje-regel">
                        <input type="checkbox" id="overdracht-bevestiging" checked={*confirmed} onchange={on_confirm} />
                        <label for="overdracht-bevestiging">{ CONFIRMATION }</label>
                    </div>
                </div>
                <div class="veld-rij">
                    <TextField id="overdracht-door" label="Bevestigd door" hint="Naam en rol, bijvoorbeeld 'M. Janssen, ketenregisseur'"
                        value={(*by).clone()} onchange={on_by.clone()} oninput={Some(on_by)} />
                    <ParsedField id="overdracht-datum" label="Datum" hint="Bijvoorbeeld 28-11-2026"
                        inputmode="numeric" value={(*date).clone()} apply={apply_date} />
                </div>
                <div role="status">
                    { match &*outcome {
                        Some(Ok(name)) => html! {
                            <p class="melding melding-goed">
                                { format!("De overdracht is versleuteld voor {association}, gedownload als ") }
                                <code id="overdracht-bestand">{ name.clone() }</code>
                                { " en vastgelegd in het verwerkingslog. Stuur deze envelop zelf naar de corporatie." }
                            </p>
                        },
                        Some(Err(m)) => html! { <p class="melding melding-fout">{ m.clone() }</p> },
                        None => html! {},
                    } }
                </div>
                <button type="button" class="knop" {onclick}>{ "Overdracht downloaden" }</button>
            </fieldset>
        </div>
    }
}
