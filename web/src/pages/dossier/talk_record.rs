//! Recording a step of the talks with one association (step 5): a viewing planned, the
//! resident's yes, or the resident's no with a reason from the list. `Workspace::record_talk`
//! decides; its refusal is shown here.

use super::fields::{date_text, read_date};
use crate::browser;
use crate::components::form::{SelectField, TextField};
use crate::state::{try_change, use_app};
use woonkans_core::talks::{RefusalReason, TalkKind};
use woonkans_views::select::from_key;
use woonkans_views::talks as tk;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RecordTalkProps {
    pub id: AttrValue,
}

#[function_component(RecordTalk)]
pub fn record_talk(p: &RecordTalkProps) -> Html {
    let app = use_app();
    let association = use_state(String::new);
    let kind = use_state(|| None::<TalkKind>);
    let date = use_state(|| date_text(Some(browser::today())));
    let reason = use_state(String::new);
    let result = use_state(|| None::<Result<(), String>>);
    let Some(ws) = app.workspace() else {
        return html! {};
    };
    let Ok(case) = ws.case(&p.id) else {
        return html! {};
    };
    let options: Vec<(String, String)> =
        std::iter::once((String::new(), "Kies een corporatie".to_string()))
            .chain(case.codes.keys().map(|a| {
                let name = ws
                    .offer()
                    .association(a)
                    .map_or_else(|| a.clone(), |x| x.name.clone());
                (a.clone(), name)
            }))
            .collect();
    let onsubmit = {
        let (app, association, kind, date, reason, result, id) = (
            app.clone(),
            association.clone(),
            kind.clone(),
            date.clone(),
            reason.clone(),
            result.clone(),
            p.id.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if association.is_empty() {
                result.set(Some(Err(tk::NO_ASSOCIATION.into())));
                return;
            }
            let Some(k) = *kind else {
                result.set(Some(Err(tk::NO_KIND.into())));
                return;
            };
            let why: Option<RefusalReason> = from_key(&reason);
            let today = browser::today();
            let why = if k == TalkKind::ResidentRefused {
                why
            } else {
                None
            };
            let outcome = match read_date(&date) {
                Ok(Some(d)) => try_change(&app, |ws| {
                    ws.record_talk(&id, &association, k, d, why, today)
                })
                .map_err(|e| e.message),
                Ok(None) => Err(tk::NO_DATE.to_string()),
                Err(m) => Err(m),
            };
            result.set(Some(outcome));
        })
    };
    let on = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |v: String| state.set(v))
    };
    html! {
        <form class="kaart gesprek-vastleggen" {onsubmit} novalidate=true aria-labelledby="gesprek-titel">
            <h3 id="gesprek-titel">{ tk::TITLE }</h3>
            <p class="hint">{ tk::INTRO }</p>
            <SelectField id="gesprek-corporatie" label={tk::ASSOCIATION_LABEL} {options}
                value={(*association).clone()} onchange={on(&association)} />
            <fieldset class="keuzelijst">
                <legend>{ tk::KIND_LEGEND }</legend>
                { for tk::kind_choices().into_iter().map(|(k, value, label)| {
                    let input_id = format!("gesprek-{value}");
                    let onchange = {
                        let kind = kind.clone();
                        Callback::from(move |_: Event| kind.set(Some(k)))
                    };
                    html! {
                        <div class="vinkje-regel">
                            <input type="radio" name="gesprek-soort" id={input_id.clone()} {value} checked={*kind == Some(k)} {onchange} />
                            <label for={input_id}>{ label }</label>
                        </div>
                    }
                }) }
            </fieldset>
            <TextField id="gesprek-datum" label={tk::DATE_LABEL} value={(*date).clone()}
                onchange={on(&date)} oninput={Some(on(&date))} />
            if *kind == Some(TalkKind::ResidentRefused) {
                <SelectField id="gesprek-reden" label={tk::REASON_LABEL} options={tk::reason_options()}
                    value={(*reason).clone()} onchange={on(&reason)} />
            }
            <div class="knoppen-rij">
                <button type="submit" class="knop knop-secundair">{ tk::SAVE }</button>
            </div>
            { match &*result {
                Some(Ok(())) => html! { <p class="melding melding-goed" role="status">{ tk::SAVED }</p> },
                Some(Err(m)) => html! { <p class="melding melding-fout" role="alert">{ m.clone() }</p> },
                None => html! {},
            } }
        </form>
    }
}
