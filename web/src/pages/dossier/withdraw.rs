//! The resident withdraws consent: the case is erased by `Workspace::withdraw_consent`, which
//! keeps only the log the law requires. Before confirming, the form names whom to inform.

use crate::browser;
use crate::route::Route;
use crate::state::{navigate, try_change, use_app};
use woonkans_views::outcome as oc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WithdrawProps {
    pub id: AttrValue,
    pub on_cancel: Callback<()>,
}

#[function_component(Withdraw)]
pub fn withdraw(p: &WithdrawProps) -> Html {
    let app = use_app();
    let confirmed = use_state(|| false);
    let error = use_state(|| None::<String>);
    use_effect_with((), |()| browser::focus("intrekken-titel"));
    let case = app.workspace().and_then(|ws| ws.case(&p.id).ok());
    let inform = case
        .map(woonkans_core::withdrawal::to_inform)
        .unwrap_or_default();
    let notice = case.and_then(woonkans_views::notices::withdraw_sentence);
    let confirm = {
        let (app, confirmed, error, id) =
            (app.clone(), confirmed.clone(), error.clone(), p.id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !*confirmed {
                error.set(Some(oc::WITHDRAW_NOT_CONFIRMED.into()));
                return;
            }
            let at = browser::now_iso();
            match try_change(&app, |ws| ws.withdraw_consent(&id, &at)) {
                Ok(_) => navigate(&app, Route::Dossiers),
                Err(e) => error.set(Some(e.message)),
            }
        })
    };
    let on_check = {
        let confirmed = confirmed.clone();
        Callback::from(move |e: Event| confirmed.set(crate::components::form::checked_of(&e)))
    };
    let cancel = {
        let on_cancel = p.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };
    html! {
        <form class="kaart gevaar intrekken" onsubmit={confirm} novalidate=true aria-labelledby="intrekken-titel">
            <h2 id="intrekken-titel" tabindex="-1">{ oc::WITHDRAW_TITLE }</h2>
            <p>{ oc::WITHDRAW_INTRO }</p>
            <p>{ oc::WITHDRAW_KEEPS }</p>
            <p id="intrekken-informeren">{ oc::inform_sentence(&inform) }</p>
            { for notice.map(|n| html! { <p id="intrekken-afmelding">{ n }</p> }) }
            <div class="vinkje-regel">
                <input type="checkbox" id="intrekken-bevestiging" checked={*confirmed} onchange={on_check} />
                <label for="intrekken-bevestiging">{ oc::WITHDRAW_CONFIRM_LABEL }</label>
            </div>
            { for (*error).clone().map(|m| html! {
                <p class="melding melding-fout" role="alert">{ m }</p>
            }) }
            <div class="knoppen-rij">
                <button class="knop knop-gevaar" type="submit">{ oc::WITHDRAW_CONFIRM }</button>
                <button class="knop knop-secundair" type="button" onclick={cancel}>{ oc::CANCEL }</button>
            </div>
        </form>
    }
}
