//! The coordinator's afmeldingen after a withdrawal or a closing (`core::transfer::afmelding`):
//! per association still to be told, the envelope to download or the note that it was told
//! otherwise. Shown on the dossier list, where a withdrawal returns the user. The core decides;
//! this component shows `views::notices` and sends intents.

use crate::browser;
use crate::components::form::checked_of;
use crate::components::outcome::{OutcomeMessage, use_outcome};
use crate::state::{try_change, use_app};
use woonkans_views::notices::{self, NoticeLine};
use yew::prelude::*;

const OUTCOME_ID: &str = "afmeldingen-uitkomst";

#[function_component(Afmeldingen)]
pub fn afmeldingen() -> Html {
    let app = use_app();
    let (outcome, say) = use_outcome(OUTCOME_ID);
    let lines = app.workspace().map(notices::lines).unwrap_or_default();
    if lines.is_empty() && outcome.is_none() {
        return html! {};
    }
    html! {
        <section class="kaart afmeldingen" aria-labelledby="afmeldingen-titel">
            <h2 id="afmeldingen-titel">{ notices::TITLE }</h2>
            <OutcomeMessage id={OUTCOME_ID} outcome={outcome.clone()} />
            { if lines.is_empty() { html! {} } else { html! {
                <p>{ notices::INTRO }</p>
            } } }
            { for lines.into_iter().map(|line| {
                let key = line.association_id.clone();
                html! { <Notice {key} {line} say={say.clone()} /> }
            }) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct NoticeProps {
    line: NoticeLine,
    say: Callback<(bool, String)>,
}

/// One association: the envelope, or the note that it was told otherwise.
#[function_component(Notice)]
fn notice(props: &NoticeProps) -> Html {
    let app = use_app();
    let confirmed = use_state(|| false);
    let line = &props.line;
    let check_id = format!("afmelding-anders-{}", line.association_id);
    let title_id = format!("afmelding-{}", line.association_id);
    let on_send = {
        let (app, say) = (app.clone(), props.say.clone());
        let (id, name) = (line.association_id.clone(), line.association_name.clone());
        Callback::from(move |_: MouseEvent| {
            let (envelope, random) = (browser::random_bytes::<16>(), browser::random_bytes::<32>());
            let at = browser::now_iso();
            match try_change(&app, |ws| {
                ws.seal_afmelding(&id, envelope, random, browser::today(), &at)
            }) {
                Ok(file) => say.emit(
                    match browser::download(&file.file_name, &file.bytes, "application/json") {
                        Ok(()) => (true, notices::sent_message(&name, &file.file_name)),
                        Err(e) => (
                            false,
                            woonkans_views::transfers::download_failed(
                                woonkans_core::envelope::MessageType::Afmelding,
                                &e,
                            ),
                        ),
                    },
                ),
                Err(e) => say.emit((false, e.message)),
            }
        })
    };
    let on_otherwise = {
        let (app, say, confirmed) = (app.clone(), props.say.clone(), confirmed.clone());
        let (id, name) = (line.association_id.clone(), line.association_name.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let at = browser::now_iso();
            match try_change(&app, |ws| ws.notice_given_otherwise(&id, *confirmed, &at)) {
                Ok(()) => say.emit((true, notices::otherwise_message(&name))),
                Err(e) => say.emit((false, e.message)),
            }
        })
    };
    let on_confirm = {
        let confirmed = confirmed.clone();
        Callback::from(move |e: Event| confirmed.set(checked_of(&e)))
    };
    html! {
        <form class="afmelding" onsubmit={on_otherwise} aria-labelledby={title_id.clone()}>
            <h3 id={title_id}>{ line.association_name.clone() }</h3>
            <p>{ line.sentence.clone() }</p>
            <div class="knoppen-rij">
                <button class="knop" type="button" onclick={on_send}>{ notices::BUTTON }</button>
            </div>
            <div class="veld keuze">
                <input type="checkbox" id={check_id.clone()} checked={*confirmed} onchange={on_confirm} />
                <label for={check_id}>{ notices::OTHERWISE_LABEL }</label>
            </div>
            <button class="knop knop-secundair" type="submit">{ notices::OTHERWISE_BUTTON }</button>
        </form>
    }
}
