//! The extra safeguards agreed for a placement (step 5), as a checklist;
//! `Workspace::set_safeguards` stores them.

use crate::state::{try_change, use_app};
use std::collections::BTreeSet;
use woonkans_core::talks::Safeguard;
use woonkans_views::talks as tk;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SafeguardsProps {
    pub id: AttrValue,
}

#[function_component(Safeguards)]
pub fn safeguards(p: &SafeguardsProps) -> Html {
    let app = use_app();
    let stored: BTreeSet<Safeguard> = app
        .workspace()
        .and_then(|ws| ws.case(&p.id).ok())
        .map(|c| c.safeguards.clone())
        .unwrap_or_default();
    let chosen = use_state(|| stored.clone());
    let result = use_state(|| None::<Result<(), String>>);
    let onsubmit = {
        let (app, chosen, result, id) = (app.clone(), chosen.clone(), result.clone(), p.id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let outcome = try_change(&app, |ws| ws.set_safeguards(&id, (*chosen).clone()));
            result.set(Some(outcome.map_err(|e| e.message)));
        })
    };
    html! {
        <form class="kaart waarborgen" {onsubmit} novalidate=true aria-labelledby="waarborgen-titel">
            <h3 id="waarborgen-titel">{ tk::SAFEGUARDS_TITLE }</h3>
            <fieldset class="keuzelijst">
                <legend>{ tk::SAFEGUARDS_INTRO }</legend>
                { for tk::safeguard_choices().into_iter().map(|(s, input_id, label)| {
                    let onchange = {
                        let chosen = chosen.clone();
                        Callback::from(move |_: Event| {
                            let mut next = (*chosen).clone();
                            if !next.remove(&s) {
                                next.insert(s);
                            }
                            chosen.set(next);
                        })
                    };
                    html! {
                        <div class="vinkje-regel">
                            <input type="checkbox" id={input_id.clone()} checked={chosen.contains(&s)} {onchange} />
                            <label for={input_id}>{ label }</label>
                        </div>
                    }
                }) }
            </fieldset>
            <div class="knoppen-rij">
                <button type="submit" class="knop knop-secundair">{ tk::SAFEGUARDS_SAVE }</button>
            </div>
            { match &*result {
                Some(Ok(())) => html! { <p class="melding melding-goed" role="status">{ tk::SAFEGUARDS_SAVED }</p> },
                Some(Err(m)) => html! { <p class="melding melding-fout" role="alert">{ m.clone() }</p> },
                None => html! {},
            } }
        </form>
    }
}
