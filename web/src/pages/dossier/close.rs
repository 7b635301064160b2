//! Closing a case with how it ended: a fixed choice and a date, decided and recorded by
//! `Workspace::close_case` (a placement only after an accepted match).

use crate::browser;
use crate::components::form::TextField;
use crate::state::{try_change, use_app};
use woonkans_core::date::Date;
use woonkans_core::outcome::OutcomeKind;
use woonkans_views::outcome as oc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CloseCaseProps {
    pub id: AttrValue,
    pub on_done: Callback<()>,
}

#[function_component(CloseCase)]
pub fn close_case(p: &CloseCaseProps) -> Html {
    let app = use_app();
    let notice = app
        .workspace()
        .and_then(|ws| ws.case(&p.id).ok())
        .and_then(woonkans_views::notices::close_sentence);
    let kind = use_state(|| None::<OutcomeKind>);
    let date = use_state(|| browser::today().iso());
    let error = use_state(|| None::<String>);
    use_effect_with((), |()| browser::focus("afsluiten-titel"));
    let confirm = {
        let (app, kind, date, error, id, done) = (
            app.clone(),
            kind.clone(),
            date.clone(),
            error.clone(),
            p.id.clone(),
            p.on_done.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(k) = *kind else {
                error.set(Some("Kies hoe de zaak is geëindigd.".into()));
                return;
            };
            // The refusal is shown in this form, next to the choice it is about.
            let outcome =
                Date::parse(&date).and_then(|d| try_change(&app, |ws| ws.close_case(&id, k, d)));
            match outcome {
                Ok(()) => done.emit(()),
                Err(e) => error.set(Some(e.message)),
            }
        })
    };
    let cancel = {
        let done = p.on_done.clone();
        Callback::from(move |_: MouseEvent| done.emit(()))
    };
    let on_date = {
        let date = date.clone();
        Callback::from(move |v: String| date.set(v))
    };
    html! {
        <form class="kaart afsluiten" onsubmit={confirm} novalidate=true aria-labelledby="afsluiten-titel">
            <h2 id="afsluiten-titel" tabindex="-1">{ oc::CLOSE_TITLE }</h2>
            <p>{ oc::CLOSE_INTRO }</p>
            { for notice.map(|n| html! { <p id="afsluiten-afmelding">{ n }</p> }) }
            <fieldset>
                <legend>{ oc::OUTCOME_LEGEND }</legend>
                { for oc::choices().into_iter().map(|(k, value, label)| {
                    let id = format!("afloop-{value}");
                    let onchange = {
                        let kind = kind.clone();
                        Callback::from(move |_: Event| kind.set(Some(k)))
                    };
                    html! {
                        <div class="vinkje-regel">
                            <input type="radio" name="afloop" id={id.clone()} {value} checked={*kind == Some(k)} {onchange} />
                            <label for={id}>{ label }</label>
                        </div>
                    }
                }) }
            </fieldset>
            <TextField id="afsluiten-datum" label={oc::DATE_LABEL} kind="date" value={(*date).clone()}
                onchange={on_date.clone()} oninput={Some(on_date)} />
            { for (*error).clone().map(|m| html! {
                <p class="melding melding-fout" role="alert">{ m }</p>
            }) }
            <div class="knoppen-rij">
                <button type="submit" class="knop">{ oc::CONFIRM }</button>
                <button type="button" class="knop knop-secundair" onclick={cancel}>{ oc::CANCEL }</button>
            </div>
        </form>
    }
}
