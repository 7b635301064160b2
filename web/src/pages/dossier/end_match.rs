//! Ending an accepted match that does not lead to a lease: `routeplanner::end_match` sends the
//! case back to step 5 and keeps the match in its history.

use crate::browser;
use crate::components::form::{SelectField, TextField};
use crate::state::{try_change, use_app};
use woonkans_core::date::Date;
use woonkans_core::routeplanner;
use woonkans_core::workspace::MatchEndReason;
use woonkans_views::notices;
use woonkans_views::outcome as oc;
use woonkans_views::select;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EndMatchProps {
    pub id: AttrValue,
}

#[function_component(EndMatch)]
pub fn end_match(p: &EndMatchProps) -> Html {
    let app = use_app();
    let notice = app
        .workspace()
        .and_then(|ws| notices::end_match_sentence(ws, &p.id));
    let reason = use_state(String::new);
    let date = use_state(|| browser::today().iso());
    let error = use_state(|| None::<String>);
    let on_reason = {
        let reason = reason.clone();
        Callback::from(move |v: String| reason.set(v))
    };
    let on_date = {
        let date = date.clone();
        Callback::from(move |v: String| date.set(v))
    };
    let confirm = {
        let (app, reason, date, error, id) = (
            app.clone(),
            reason.clone(),
            date.clone(),
            error.clone(),
            p.id.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(r) = select::from_key::<MatchEndReason>(&reason) else {
                error.set(Some(oc::END_MATCH_NO_REASON.into()));
                return;
            };
            let result = Date::parse(&date)
                .and_then(|d| try_change(&app, |ws| routeplanner::end_match(ws, &id, r, d)));
            error.set(result.err().map(|e| e.message));
        })
    };
    html! {
        <form class="kaart match-beeindigen" onsubmit={confirm} novalidate=true aria-labelledby="match-beeindigen-titel">
            <h3 id="match-beeindigen-titel">{ oc::END_MATCH_TITLE }</h3>
            <p>{ oc::END_MATCH_INTRO }</p>
            { for notice.map(|s| html! { <p id="match-einde-afmelding">{ s }</p> }) }
            <SelectField id="match-einde-reden" label={oc::END_MATCH_REASON}
                options={select::options(&MatchEndReason::ALL, oc::END_MATCH_REASON_PLACEHOLDER)}
                value={(*reason).clone()} onchange={on_reason} />
            <TextField id="match-einde-datum" label={oc::END_MATCH_DATE} kind="date" value={(*date).clone()}
                onchange={on_date.clone()} oninput={Some(on_date)} />
            { for (*error).clone().map(|m| html! {
                <p class="melding melding-fout" role="alert">{ m }</p>
            }) }
            <button type="submit" class="knop knop-secundair">{ oc::END_MATCH_CONFIRM }</button>
        </form>
    }
}
