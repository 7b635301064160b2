//! "Vrijgeven voor bundels": a free text of the profile goes into a bundle only after the
//! coordinator released it, for every association or only for the ones ticked under "Alleen
//! voor". Releasing is refused while the scanner finds something, the text is empty or holds a
//! character outside the outgoing whitelist (`Workspace::release_text` decides; this component
//! shows why the choice is not available yet). A release belongs to the text as it reads: after
//! an edit it lapses (`ProfileDraft::release_of` returns `None`).

use super::field_id;
use crate::components::form::checked_of;
use crate::state::{try_change, use_app};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use woonkans_core::routeplanner::case_to_edit;
use woonkans_core::text::outgoing_text;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReleaseProps {
    pub case_id: AttrValue,
    /// Field key of `ProfileDraft::texts` ("notities.socialNetwork", "terugvalplan.signalen" …).
    pub field: AttrValue,
    /// The text as it reads in its field now (typed, perhaps not stored yet).
    pub text: AttrValue,
    /// How many findings the scanner has in `text`.
    pub findings: usize,
}

/// Why `text` cannot be released yet, in a few words; `None` when it can.
fn blocked(text: &str, findings: usize) -> Option<&'static str> {
    if text.trim().is_empty() {
        Some("Leeg: er gaat niets mee.")
    } else if findings > 0 {
        Some("Vrijgeven kan pas als de scanner niets meer vindt.")
    } else if outgoing_text(text).is_err() {
        Some("Vrijgeven kan pas als het teken dat niet mag is weggehaald.")
    } else {
        None
    }
}

#[function_component(ReleaseControl)]
pub fn release_control(p: &ReleaseProps) -> Html {
    let app = use_app();
    let refusal = use_state(|| None::<String>);
    let Some(ws) = app.workspace() else {
        return html! {};
    };
    let Ok(case) = ws.case(&p.case_id) else {
        return html! {};
    };
    let draft = &case.profile;
    let stored = draft.text(&p.field).unwrap_or_default();
    // A text typed but not stored yet is not released: storing it lapses the release.
    let release: Option<Vec<String>> = (stored.trim() == p.text.trim())
        .then(|| draft.release_of(&p.field).cloned())
        .flatten();
    let reason = blocked(&p.text, p.findings);
    let dom = format!("vrijgeven-{}", field_id(&p.field));
    let status_id = format!("{dom}-status");
    let associations = &ws.offer().associations;
    let name_of = |id: &str| {
        associations
            .iter()
            .find(|a| a.id == id)
            .map_or_else(|| id.to_string(), |a| a.name.clone())
    };

    // Asks the core to release (or withdraw) with this list; a refusal is shown here.
    let send = {
        let (app, refusal) = (app.clone(), refusal.clone());
        let (id, field) = (p.case_id.to_string(), p.field.to_string());
        move |release: bool, only: Vec<String>| -> bool {
            // The copy is taken now, so it holds a note stored by its change event a moment
            // before this click (see `state::try_change`).
            let released = try_change(&app, |ws| {
                case_to_edit(ws, &id)?;
                ws.release_text(&id, &field, release, only)
            });
            match released {
                Err(e) => {
                    refusal.set(Some(e.message));
                    false
                }
                Ok(()) => {
                    refusal.set(None);
                    true
                }
            }
        }
    };
    let send = Rc::new(send);
    let onchange = {
        let send = send.clone();
        Callback::from(move |e: Event| {
            let on = checked_of(&e);
            if !send(on, Vec::new())
                && let Some(input) = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                // Refused: the box shows what is stored.
                input.set_checked(!on);
            }
        })
    };
    let status = match &release {
        Some(only) if only.is_empty() => "Vrijgegeven voor alle corporaties.".to_string(),
        Some(only) => format!(
            "Vrijgegeven voor: {}.",
            only.iter()
                .map(|a| name_of(a))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        None => match reason {
            Some(r) => format!("Niet vrijgegeven: gaat niet mee in bundels. {r}"),
            None => "Niet vrijgegeven: gaat niet mee in bundels.".to_string(),
        },
    };
    let only = release.clone().unwrap_or_default();
    html! {
        <div class="vrijgave" id={dom.clone()}>
            <div class="keuzegroep-optie">
                <input type="checkbox" id={format!("{dom}-keuze")} checked={release.is_some()}
                    disabled={release.is_none() && reason.is_some()}
                    aria-describedby={status_id.clone()} {onchange} />
                <label for={format!("{dom}-keuze")}>{ "Vrijgeven voor bundels" }</label>
            </div>
            <p class={classes!("hint", "vrijgave-status", release.is_some().then_some("vrijgave-aan"))}
                id={status_id} aria-live="polite">{ status }</p>
            { if release.is_some() && associations.len() > 1 { html! {
                <details class="vrijgave-details" open={!only.is_empty()}>
                    <summary>{ "Alleen voor bepaalde corporaties (niet verplicht)" }</summary>
                <fieldset class="vrijgave-alleen">
                    <legend>{ "Alleen voor" }</legend>
                    <p class="hint">{ "Niets aangevinkt: voor alle corporaties." }</p>
                    { for associations.iter().map(|a| {
                        let box_id = format!("{dom}-alleen-{}", field_id(&a.id));
                        let ticked = only.contains(&a.id);
                        let onchange = {
                            let (send, a_id, only) = (send.clone(), a.id.clone(), only.clone());
                            Callback::from(move |e: Event| {
                                let mut next = only.clone();
                                if checked_of(&e) {
                                    next.push(a_id.clone());
                                } else {
                                    next.retain(|x| *x != a_id);
                                }
                                send(true, next);
                            })
                        };
                        html! {
                            <div class="keuzegroep-optie">
                                <input type="checkbox" id={box_id.clone()} checked={ticked} {onchange} />
                                <label for={box_id}>{ a.name.clone() }</label>
                            </div>
                        }
                    }) }
                </fieldset>
                </details>
            } } else { html! {} } }
            { for refusal.iter().map(|m| html! { <p class="foutmelding" role="alert">{ m.clone() }</p> }) }
        </div>
    }
}
