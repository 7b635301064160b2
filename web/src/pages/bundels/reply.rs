//! "Reactie openen": the coordinator opens an association's reply envelope. The core checks the
//! envelope (signature of a confirmed association, sealed to this vault, not processed before)
//! and puts each answer on its case; a refused file changes nothing and its reason takes the
//! focus.

use crate::browser;
use crate::components::files::{FilePick, use_file_pick};
use crate::route::Route;
use crate::state::{navigate, try_change, use_app};
use std::rc::Rc;
use woonkans_core::envelope;
use woonkans_views::envelopes::{ReplySummary, reply_summary};
use yew::prelude::*;

#[derive(Clone, PartialEq)]
enum Opened {
    Nothing,
    Reading,
    Done(Rc<ReplySummary>),
    Failed(String),
}

pub const OUTCOME_ID: &str = "reactie-uitkomst";

#[function_component(ReplyOpen)]
pub fn reply_open() -> Html {
    let app = use_app();
    let opened = use_state(|| Opened::Nothing);
    // Bumped when a file's outcome is known; the outcome then takes the focus.
    let attempt = use_state(|| 0u32);
    use_effect_with(*attempt, |attempt| {
        if *attempt > 0 {
            browser::focus(OUTCOME_ID);
        }
    });

    let open_file = {
        let (app, opened, attempt) = (app.clone(), opened.clone(), attempt.clone());
        Callback::from(move |file: web_sys::File| {
            opened.set(Opened::Reading);
            let (app, opened, attempt) = (app.clone(), opened.clone(), attempt.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let next = match browser::read_file(file, envelope::MAX_BYTES).await {
                    Err(msg) => Opened::Failed(msg),
                    Ok(bytes) => {
                        // The copy is taken now, after the read (see `try_change`).
                        let key = app.open().map(|o| o.key.clone());
                        let at = browser::now_iso();
                        match try_change(&app, |ws| {
                            let receipt = ws.open_reply(&bytes, key.as_ref(), &at)?;
                            Ok::<_, woonkans_core::Error>(reply_summary(ws, &receipt))
                        }) {
                            Ok(summary) => Opened::Done(Rc::new(summary)),
                            Err(e) => Opened::Failed(e.message),
                        }
                    }
                };
                opened.set(next);
                attempt.set(*attempt + 1);
            });
        })
    };
    let FilePick {
        onchange,
        ondragover,
        ondragleave,
        ondrop,
        dragging,
    } = use_file_pick(open_file.clone());
    let to_case = |id: &str| {
        let app = app.clone();
        let route = Route::Dossier(id.to_string());
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            navigate(&app, route.clone());
        })
    };

    let result = match &*opened {
        Opened::Nothing => html! {},
        Opened::Reading => {
            html! { <p class="melding" role="status">{ "Reactie wordt gecontroleerd…" }</p> }
        }
        Opened::Failed(msg) => html! {
            <div id={OUTCOME_ID} class="melding melding-fout" role="alert" tabindex="-1">
                <h3>{ "Deze reactie is niet verwerkt" }</h3>
                <p>{ msg.clone() }</p>
            </div>
        },
        Opened::Done(s) => html! {
            <div id={OUTCOME_ID} class="melding melding-goed" role="status" tabindex="-1">
                <h3>{ s.heading.clone() }</h3>
                { if s.lines.is_empty() { html! {} } else { html! {
                    <ul class="compact reactie-antwoorden">
                        { for s.lines.iter().map(|l| html! {
                            <li>
                                <a href={Route::Dossier(l.case_id.clone()).path()} onclick={to_case(&l.case_id)}>{ l.case_label.clone() }</a>
                                { " (" }<span class="codelabel">{ l.code.clone() }</span>{ "): " }
                                { l.answer.clone() }
                            </li>
                        }) }
                    </ul>
                } } }
                { for s.unknown.iter().map(|u| html! { <p>{ u.clone() }</p> }) }
                <p>{ "De antwoorden staan bij de dossiers (stap 5) en in het verwerkingslog." }</p>
            </div>
        },
    };

    html! {
        <section class="kaart niet-printen" id="reactie-openen" aria-labelledby="reactie-titel">
            <h2 id="reactie-titel">{ "Reactie openen" }</h2>
            <p>{ "Een corporatie antwoordt op een bundel met een reactie-envelop: per code interesse, een aangeboden woning of geen passend aanbod. \
                  Open die hier; elk antwoord komt bij het dossier waar de code bij hoort." }</p>
            <div class={classes!("sleepvak", dragging.then_some("sleepvak-actief"))}
                {ondragover} {ondragleave} {ondrop}>
                <div class="veld">
                    <label for="reactiebestand">{ "Kies een reactie van een corporatie (.envelop.json)" }</label>
                    <span id="reactiebestand-hint" class="hint">{ "Of sleep het bestand naar dit vak." }</span>
                    <input id="reactiebestand" type="file" accept=".json,application/json"
                        aria-describedby="reactiebestand-hint" {onchange} />
                </div>
            </div>
            <div aria-live="polite">{ result }</div>
        </section>
    }
}
