//! "Aanmelding versturen" (the care provider, step 1), "Overdracht aan de regisseur" (the Wmo
//! consultant, step 3) and "Koppeling versturen" (the coordinator, step 5, after an accepted
//! match; one envelope to the association and one to the chosen care provider): choose a confirmed contact of the receiving role, and the core seals the
//! envelope, which is downloaded. Whether the section shows, and which contacts it offers, are
//! `woonkans_views::transfers`; the sealing and every refusal are the core's.

use crate::browser;
use crate::components::form::SelectField;
use crate::pages::bundels::keys_link::KeysLink;
use crate::state::{try_change, use_app};
use std::rc::Rc;
use woonkans_core::envelope::MessageType;
use woonkans_core::parties::SealedFile;
use woonkans_core::register::Step;
use woonkans_core::vocab::Dutch;
use woonkans_views::envelopes::NO_KEYS;
use woonkans_views::transfers::{
    download_failed, koppeling_first_sent, koppeling_second_button, recipient_of, recipients,
    send_offer, sent_koppeling, sent_message,
};
use yew::prelude::*;

const OUTCOME_ID: &str = "verzend-uitkomst";

#[derive(Properties, PartialEq)]
pub struct SendTransferProps {
    pub id: AttrValue,
    pub viewing: Step,
}

/// What the last press of the button came to.
#[derive(Clone, PartialEq)]
enum Outcome {
    Sent(String),
    /// The koppeling: the association's envelope is downloaded, the care provider's waits for
    /// its own click (browsers block a second download from one click).
    Pending {
        association: String,
        first: String,
        second: Rc<SealedFile>,
        to: String,
    },
    Refused(String),
}

#[function_component(SendTransfer)]
pub fn send_transfer(p: &SendTransferProps) -> Html {
    let app = use_app();
    let chosen = use_state(String::new);
    let outcome = use_state(|| None::<Outcome>);
    // Bumped on every press: the outcome then takes the focus.
    let attempt = use_state(|| 0u32);
    use_effect_with(*attempt, |attempt| {
        if *attempt > 0 {
            browser::focus(OUTCOME_ID);
        }
    });
    // Always an element: an empty fragment here, right after the step's section that is
    // swapped when another step is shown, made yew 0.23 lose its place ("failed to insert node
    // before next sibling").
    let none = html! { <div class="verzenden-plek"></div> };
    let Some(ws) = app.workspace() else {
        return none;
    };
    let Ok(case) = ws.case(&p.id) else {
        return none;
    };
    let Some(offer) = send_offer(ws, case, p.viewing) else {
        return none;
    };
    let options = recipients(ws, offer.to);
    let title_id = "verzenden-titel";
    let body = if ws.parties().keys().is_none() {
        html! {
            <div class="melding melding-fout" id="verzend-geen-sleutels">
                <p>{ NO_KEYS }</p>
                <p><KeysLink /></p>
            </div>
        }
    } else if options.is_empty() {
        html! {
            <div class="melding" id="verzend-geen-contact">
                <p>{ offer.no_contact }</p>
                <p><KeysLink /></p>
            </div>
        }
    } else {
        // The first contact until another is chosen.
        let value = options
            .iter()
            .find(|o| o.value == *chosen)
            .unwrap_or(&options[0])
            .clone();
        let on_choose = {
            let chosen = chosen.clone();
            Callback::from(move |v: String| chosen.set(v))
        };
        let send = {
            let app = app.clone();
            let outcome = outcome.clone();
            let attempt = attempt.clone();
            let case_id = p.id.to_string();
            let value = value.clone();
            Callback::from(move |_: MouseEvent| {
                let result = match recipient_of(&value.value) {
                    None => Err("Kies eerst een ontvanger.".to_string()),
                    Some(fp) => {
                        let envelope_id = browser::random_bytes::<16>();
                        let random = browser::random_bytes::<32>();
                        let today = browser::today();
                        let at = browser::now_iso();
                        try_change(&app, |ws| {
                            let files = match offer.kind {
                                MessageType::Aanmelding => vec![ws.seal_aanmelding(
                                    &case_id,
                                    fp,
                                    envelope_id,
                                    random,
                                    today,
                                    &at,
                                )?],
                                MessageType::Koppeling => ws.seal_koppeling(
                                    &case_id,
                                    Some(fp),
                                    [envelope_id, browser::random_bytes::<16>()],
                                    random,
                                    today,
                                    &at,
                                )?,
                                _ => {
                                    let salt = browser::random_bytes::<32>();
                                    vec![ws.seal_overdracht(
                                        &case_id,
                                        fp,
                                        salt,
                                        envelope_id,
                                        random,
                                        today,
                                        &at,
                                    )?]
                                }
                            };
                            // The association's name as the coordinator's offer has it.
                            let association = ws
                                .case(&case_id)
                                .ok()
                                .and_then(|c| c.accepted.as_ref())
                                .and_then(|a| ws.offer().association(&a.association_id))
                                .map(|a| a.name.clone())
                                .unwrap_or_default();
                            Ok::<_, woonkans_core::Error>((files, association))
                        })
                        .map_err(|e| e.message)
                    }
                };
                outcome.set(Some(match result {
                    Ok((files, association)) => {
                        let mut files = files.into_iter();
                        let first = files.next().expect("every sealing makes a file");
                        match browser::download(&first.file_name, &first.bytes, "application/json")
                        {
                            Err(e) => Outcome::Refused(download_failed(offer.kind, &e)),
                            Ok(()) => match files.next() {
                                Some(second) => Outcome::Pending {
                                    association,
                                    first: first.file_name,
                                    second: Rc::new(second),
                                    to: value.label.clone(),
                                },
                                None if offer.kind == MessageType::Koppeling => Outcome::Sent(
                                    sent_koppeling(&association, &value.label, &[first.file_name]),
                                ),
                                None => Outcome::Sent(sent_message(
                                    offer.kind,
                                    &value.label,
                                    &first.file_name,
                                )),
                            },
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
                <SelectField id="ontvanger" label={format!("Ontvanger: {}", offer.to.dutch())}
                    options={choices} value={value.value.clone()} onchange={on_choose} />
                <button type="button" class="knop" onclick={send}>{ offer.button }</button>
            </>
        }
    };
    let shown = match &*outcome {
        Some(Outcome::Sent(msg)) => html! {
            <div id={OUTCOME_ID} class="melding melding-goed" role="status" tabindex="-1">
                <p>{ msg.clone() }</p>
            </div>
        },
        Some(Outcome::Pending {
            association,
            first,
            second,
            to,
        }) => {
            let onclick = {
                let outcome = outcome.clone();
                let attempt = attempt.clone();
                let (association, first, second, to) = (
                    association.clone(),
                    first.clone(),
                    second.clone(),
                    to.clone(),
                );
                Callback::from(move |_: MouseEvent| {
                    outcome.set(Some(
                        match browser::download(
                            &second.file_name,
                            &second.bytes,
                            "application/json",
                        ) {
                            Ok(()) => Outcome::Sent(sent_koppeling(
                                &association,
                                &to,
                                &[first.clone(), second.file_name.clone()],
                            )),
                            Err(e) => Outcome::Refused(download_failed(MessageType::Koppeling, &e)),
                        },
                    ));
                    attempt.set(*attempt + 1);
                })
            };
            html! {
                <div id={OUTCOME_ID} class="melding melding-goed" role="status" tabindex="-1">
                    <p>{ koppeling_first_sent(association, first, to) }</p>
                    <button type="button" class="knop" {onclick}>{ koppeling_second_button(to) }</button>
                </div>
            }
        }
        Some(Outcome::Refused(msg)) => html! {
            <div id={OUTCOME_ID} class="melding melding-fout" role="alert" tabindex="-1">
                <p>{ msg.clone() }</p>
            </div>
        },
        None => html! {},
    };
    html! {
        <div class="verzenden-plek">
            <section class="kaart verzenden" aria-labelledby={title_id}>
                <h3 id={title_id}>{ offer.heading }</h3>
                <p>{ offer.intro }</p>
                { body }
                <div aria-live="polite">{ shown }</div>
            </section>
        </div>
    }
}
