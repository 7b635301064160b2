//! Step 6 in the care provider's vault: with the resident, type the lease data the step-1
//! dossier lacks, confirm the grondslag, choose the association's confirmed card, and download
//! the sealed huurgegevens. The texts and the form's reading are `woonkans_views::huur`; the
//! checks, the sealing and the log are the core's, in one change so a refusal keeps nothing.

use crate::browser;
use crate::components::form::{SelectField, TextField, checked_of};
use crate::pages::bundels::keys_link::KeysLink;
use crate::state::{try_change, use_app};
use woonkans_core::dossier::DocumentKind;
use woonkans_core::envelope::MessageType;
use woonkans_core::handover::HandoverConfirmation;
use woonkans_views::envelopes::NO_KEYS;
use woonkans_views::huur;
use woonkans_views::transfers::{download_failed, recipient_of, sent_message};
use yew::prelude::*;

const OUTCOME_ID: &str = "huur-uitkomst";

#[derive(Properties, PartialEq)]
pub struct LeaseStepProps {
    pub id: AttrValue,
}

#[derive(Clone, PartialEq)]
enum Outcome {
    Sent(String),
    Refused(String),
}

#[function_component(LeaseStep)]
pub fn lease_step(p: &LeaseStepProps) -> Html {
    let app = use_app();
    let start = app
        .workspace()
        .and_then(|ws| ws.case(&p.id).ok().map(huur::prefilled))
        .unwrap_or_default();
    let birth_date = use_state(|| start.0.clone());
    let gender = use_state(|| start.1.clone());
    let bsn = use_state(|| start.2.clone());
    let documents = use_state(|| start.3.clone());
    let missing_reason = use_state(|| start.4.clone());
    let confirmed = use_state(|| false);
    let confirmed_by = use_state(String::new);
    let chosen = use_state(String::new);
    let outcome = use_state(|| None::<Outcome>);
    // Bumped on every press: the outcome then takes the focus.
    let attempt = use_state(|| 0u32);
    use_effect_with(*attempt, |attempt| {
        if *attempt > 0 {
            browser::focus(OUTCOME_ID);
        }
    });
    let Some(ws) = app.workspace() else {
        return html! {};
    };
    let Ok(case) = ws.case(&p.id) else {
        return html! {};
    };
    let options = huur::lease_recipients(ws, case);
    let set = |s: &UseStateHandle<String>| {
        let s = s.clone();
        Callback::from(move |v: String| s.set(v))
    };
    let document_boxes = huur::document_choices().into_iter().map(|(kind, label)| {
        let id = format!("huur-document-{}", woonkans_views::select::key(&kind));
        let onchange = {
            let documents = documents.clone();
            Callback::from(move |e: Event| {
                let mut now: Vec<DocumentKind> =
                    (*documents).iter().copied().filter(|k| *k != kind).collect();
                if checked_of(&e) {
                    now.push(kind);
                }
                documents.set(now);
            })
        };
        html! {
            <div class="veld vinkje">
                <div class="vinkje-regel">
                    <input type="checkbox" id={id.clone()} checked={documents.contains(&kind)} {onchange} />
                    <label for={id}>{ label }</label>
                </div>
            </div>
        }
    });
    let send_part = if ws.parties().keys().is_none() {
        html! {
            <div class="melding melding-fout" id="huur-geen-sleutels">
                <p>{ NO_KEYS }</p>
                <p><KeysLink /></p>
            </div>
        }
    } else if options.is_empty() {
        html! {
            <div class="melding" id="huur-geen-contact">
                <p>{ huur::NO_CONTACT }</p>
                <p><KeysLink /></p>
            </div>
        }
    } else {
        let value = options
            .iter()
            .find(|o| o.value == *chosen)
            .unwrap_or(&options[0])
            .clone();
        let send = {
            let (app, outcome, attempt) = (app.clone(), outcome.clone(), attempt.clone());
            let case_id = p.id.to_string();
            let value = value.clone();
            let input = huur::lease_input(&birth_date, &gender, &bsn, &documents, &missing_reason);
            let grondslag_confirmed = *confirmed;
            let by = (*confirmed_by).clone();
            Callback::from(move |_: MouseEvent| {
                let result = match recipient_of(&value.value) {
                    None => Err("Kies eerst een ontvanger.".to_string()),
                    Some(fp) => {
                        let envelope_id = browser::random_bytes::<16>();
                        let random = browser::random_bytes::<32>();
                        let today = browser::today();
                        let at = browser::now_iso();
                        let confirmation = HandoverConfirmation {
                            grondslag_confirmed,
                            confirmed_by: by.clone(),
                            date: today,
                        };
                        let input = input.clone();
                        try_change(&app, |ws| {
                            ws.record_lease_data(&case_id, input, today)?;
                            ws.seal_huurgegevens(
                                &case_id,
                                fp,
                                confirmation,
                                envelope_id,
                                random,
                                &at,
                            )
                        })
                        .map_err(|e| e.message)
                    }
                };
                outcome.set(Some(match result {
                    Ok(file) => {
                        match browser::download(&file.file_name, &file.bytes, "application/json") {
                            Ok(()) => Outcome::Sent(sent_message(
                                MessageType::Huurgegevens,
                                &value.label,
                                &file.file_name,
                            )),
                            Err(e) => {
                                Outcome::Refused(download_failed(MessageType::Huurgegevens, &e))
                            }
                        }
                    }
                    Err(msg) => Outcome::Refused(msg),
                }));
                attempt.set(*attempt + 1);
            })
        };
        let choices: Vec<(String, String)> = options
            .iter()
            .map(|o| (o.value.clone(), o.label.clone()))
            .collect();
        html! {
            <>
                <SelectField id="huur-ontvanger" label="Ontvanger: Woningcorporatie"
                    options={choices} value={value.value.clone()} onchange={set(&chosen)} />
                <button type="button" class="knop" id="huur-maken" onclick={send}>{ huur::BUTTON }</button>
            </>
        }
    };
    let on_confirm = {
        let confirmed = confirmed.clone();
        Callback::from(move |e: Event| confirmed.set(checked_of(&e)))
    };
    let shown = match &*outcome {
        Some(Outcome::Sent(msg)) => html! {
            <div id={OUTCOME_ID} class="melding melding-goed" role="status" tabindex="-1">
                <p>{ msg.clone() }</p>
            </div>
        },
        Some(Outcome::Refused(msg)) => html! {
            <div id={OUTCOME_ID} class="melding melding-fout" role="alert" tabindex="-1">
                <p>{ msg.clone() }</p>
            </div>
        },
        None => html! {},
    };
    html! {
        <section class="kaart verzenden" aria-labelledby="huur-titel">
            <h3 id="huur-titel">{ huur::HEADING }</h3>
            { for huur::matched_with(case).map(|m| html! { <p id="huur-match">{ m }</p> }) }
            { for huur::agreed_with(case).map(|m| html! { <p id="huur-waarborgen">{ m }</p> }) }
            <p>{ huur::INTRO }</p>
            <TextField id="huur-geboortedatum" label={huur::BIRTH_DATE_LABEL} hint={huur::BIRTH_DATE_HINT}
                value={(*birth_date).clone()} onchange={set(&birth_date)} oninput={Some(set(&birth_date))} />
            <SelectField id="huur-geslacht" label={huur::GENDER_LABEL} options={huur::gender_options()}
                value={(*gender).clone()} onchange={set(&gender)} />
            <TextField id="huur-bsn" label={huur::BSN_LABEL} value={(*bsn).clone()}
                onchange={set(&bsn)} oninput={Some(set(&bsn))} />
            <fieldset class="keuzegroep">
                <legend>{ huur::DOCUMENTS_LEGEND }</legend>
                { for document_boxes }
            </fieldset>
            <SelectField id="huur-ontbrekend" label={huur::MISSING_LABEL} hint={huur::MISSING_HINT}
                options={huur::missing_reason_options()} value={(*missing_reason).clone()}
                onchange={set(&missing_reason)} />
            <TextField id="huur-bevestigd-door" label={huur::CONFIRMED_BY_LABEL} hint={huur::CONFIRMED_BY_HINT}
                value={(*confirmed_by).clone()} onchange={set(&confirmed_by)} oninput={Some(set(&confirmed_by))} />
            <div class="veld vinkje">
                <div class="vinkje-regel">
                    <input type="checkbox" id="huur-grondslag" checked={*confirmed} onchange={on_confirm} />
                    <label for="huur-grondslag">{ huur::confirm_label() }</label>
                </div>
            </div>
            { send_part }
            <div aria-live="polite">{ shown }</div>
        </section>
    }
}
