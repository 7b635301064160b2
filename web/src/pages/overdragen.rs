//! The coordinator hands one case or every case to another coordinator
//! (`core::transfer::caseload`): the envelope to download, then, per envelope sent, the
//! confirmation that erases the cases kept aside or the way back for a lost envelope. The core
//! decides; this page shows `views::caseload` and sends intents.

use crate::browser;
use crate::components::form::{SelectField, checked_of};
use crate::components::outcome::{OutcomeMessage, use_outcome};
use crate::route::Route;
use crate::state::{try_change, use_app};
use woonkans_core::keys::Fingerprint;
use woonkans_views::caseload::{self, CONFIRMATION, NO_CASES, NO_COORDINATOR};
use yew::prelude::*;

const OUTCOME_ID: &str = "overdragen-uitkomst";

#[function_component(OverdragenPage)]
pub fn overdragen_page() -> Html {
    let app = use_app();
    let choice = use_state(String::new);
    let recipient = use_state(String::new);
    let (outcome, say) = use_outcome(OUTCOME_ID);
    let Some(ws) = app.workspace() else {
        return html! {};
    };
    let Some(page) = caseload::page(ws) else {
        return html! {
            <section aria-labelledby="pagina-titel">
                <h1 id="pagina-titel">{ Route::Overdragen.title() }</h1>
                <p class="inleiding">{ caseload::NOT_HERE }</p>
            </section>
        };
    };
    let pick = |options: &[(String, String)], current: &str| {
        if options.iter().any(|(v, _)| v == current) {
            current.to_string()
        } else {
            options.first().map(|(v, _)| v.clone()).unwrap_or_default()
        }
    };
    let chosen_case = pick(&page.choices, &choice);
    let chosen_to = pick(&page.recipients, &recipient);
    let on_send = {
        let app = app.clone();
        let say = say.clone();
        let chosen_case = chosen_case.clone();
        let chosen_to = chosen_to.clone();
        let to_name = page
            .recipients
            .iter()
            .find(|(fp, _)| *fp == chosen_to)
            .map(|(_, n)| n.clone())
            .unwrap_or_default();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Ok(fp) = Fingerprint::parse(&chosen_to) else {
                say.emit((false, NO_COORDINATOR.to_string()));
                return;
            };
            let Some(ids) = app.workspace().map(|ws| caseload::chosen(ws, &chosen_case)) else {
                return;
            };
            let (id, random) = (browser::random_bytes::<16>(), browser::random_bytes::<32>());
            let at = browser::now_iso();
            match try_change(&app, |ws| {
                ws.seal_caseload(&ids, fp, id, random, browser::today(), &at)
            }) {
                Ok(file) => say.emit(
                    match browser::download(&file.file_name, &file.bytes, "application/json") {
                        Ok(()) => (
                            true,
                            caseload::sent_message(ids.len(), &to_name, &file.file_name),
                        ),
                        Err(e) => (
                            false,
                            woonkans_views::transfers::download_failed(
                                woonkans_core::envelope::MessageType::OverdrachtRegisseur,
                                &e,
                            ),
                        ),
                    },
                ),
                Err(e) => say.emit((false, e.message)),
            }
        })
    };
    let on_choice = {
        let choice = choice.clone();
        Callback::from(move |v: String| choice.set(v))
    };
    let on_recipient = {
        let recipient = recipient.clone();
        Callback::from(move |v: String| recipient.set(v))
    };
    html! {
        <section aria-labelledby="pagina-titel">
            <h1 id="pagina-titel">{ Route::Overdragen.title() }</h1>
            <p class="inleiding">{ caseload::INTRO }</p>
            <p>{ caseload::WHAT_STAYS }</p>
            <OutcomeMessage id={OUTCOME_ID} outcome={outcome.clone()} />
            <form class="kaart" onsubmit={on_send} aria-labelledby="overdragen-titel">
                <h2 id="overdragen-titel">{ "Envelop maken" }</h2>
                <p class="hint">{ caseload::AFTER_SENDING }</p>
                { if page.choices.is_empty() { html! {
                    <p class="melding" id="geen-zaken">{ NO_CASES }</p>
                } } else { html! {
                    <SelectField id="overdragen-zaken" label="Wat gaat over" options={page.choices.clone()}
                        value={chosen_case.clone()} onchange={on_choice} />
                } } }
                { if page.recipients.is_empty() { html! {
                    <p class="melding melding-fout" id="geen-regisseur">{ NO_COORDINATOR }
                        { " " }<a href={Route::Sleutels.path()}>{ Route::Sleutels.title() }</a></p>
                } } else { html! {
                    <SelectField id="overdragen-ontvanger" label="Andere regisseur" options={page.recipients.clone()}
                        value={chosen_to.clone()} onchange={on_recipient} />
                } } }
                <button class="knop" type="submit" disabled={page.choices.is_empty() || page.recipients.is_empty()}>
                    { "Overdracht maken en downloaden" }
                </button>
            </form>
            { for page.moved.iter().map(|m| html! {
                <Moved line={m.clone()} say={say.clone()} />
            }) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct MovedProps {
    line: caseload::MovedLine,
    say: Callback<(bool, String)>,
}

/// One envelope sent: its cases, the confirmation that erases them, the way back.
#[function_component(Moved)]
fn moved(props: &MovedProps) -> Html {
    let app = use_app();
    let confirmed = use_state(|| false);
    let line = &props.line;
    let check_id = format!("overgedragen-bevestiging-{}", line.envelope_id);
    let title_id = format!("overgedragen-{}", line.envelope_id);
    let on_erase = {
        let app = app.clone();
        let say = props.say.clone();
        let envelope = line.envelope_id.clone();
        let confirmed = confirmed.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match try_change(&app, |ws| ws.erase_moved(&envelope, *confirmed)) {
                Ok(n) => say.emit((true, caseload::erased_message(n))),
                Err(e) => say.emit((false, e.message)),
            }
        })
    };
    let on_back = {
        let app = app.clone();
        let say = props.say.clone();
        let envelope = line.envelope_id.clone();
        Callback::from(
            move |_| match try_change(&app, |ws| ws.take_back_moved(&envelope)) {
                Ok(ids) => say.emit((true, caseload::taken_back_message(ids.len()))),
                Err(e) => say.emit((false, e.message)),
            },
        )
    };
    let on_confirm = {
        let confirmed = confirmed.clone();
        Callback::from(move |e: Event| confirmed.set(checked_of(&e)))
    };
    html! {
        <form class="kaart overgedragen" onsubmit={on_erase} aria-labelledby={title_id.clone()}>
            <h2 id={title_id}>{ "Overgedragen, wacht op bevestiging" }</h2>
            <p>{ line.sentence.clone() }</p>
            <ul>{ for line.cases.iter().map(|c| html! { <li>{ c.clone() }</li> }) }</ul>
            <div class="veld keuze">
                <input type="checkbox" id={check_id.clone()} checked={*confirmed} onchange={on_confirm} />
                <label for={check_id}>{ CONFIRMATION }</label>
            </div>
            <div class="knoppen-rij">
                <button class="knop" type="submit">{ "Uit deze kluis verwijderen" }</button>
                <button class="knop knop-secundair" type="button" onclick={on_back}>{ "Envelop niet aangekomen: terugzetten" }</button>
            </div>
        </form>
    }
}
