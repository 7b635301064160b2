//! The day the resident entered beschermd wonen or the opvang: the coordinator records it (or
//! clears it) and waiting and priority count from it; `Workspace::set_in_care_since` decides.

use crate::browser;
use crate::components::form::TextField;
use crate::state::{try_change, use_app};
use woonkans_core::date::Date;
use woonkans_views::timeline as tl;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InCareProps {
    pub id: AttrValue,
    pub since: Option<Date>,
}

#[function_component(InCareSince)]
pub fn in_care_since(p: &InCareProps) -> Html {
    let app = use_app();
    let date = use_state(|| p.since.map(Date::iso).unwrap_or_default());
    let result = use_state(|| None::<Result<&'static str, String>>);
    let save = {
        let (app, date, result, id) = (app.clone(), date.clone(), result.clone(), p.id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let today = browser::today();
            let outcome = Date::parse(&date)
                .and_then(|d| try_change(&app, |ws| ws.set_in_care_since(&id, Some(d), today)));
            result.set(Some(
                outcome.map(|()| tl::IN_CARE_SAVED).map_err(|e| e.message),
            ));
        })
    };
    let clear = {
        let (app, date, result, id) = (app.clone(), date.clone(), result.clone(), p.id.clone());
        Callback::from(move |_: MouseEvent| {
            let outcome = try_change(&app, |ws| ws.set_in_care_since(&id, None, browser::today()));
            if outcome.is_ok() {
                date.set(String::new());
            }
            result.set(Some(
                outcome.map(|()| tl::IN_CARE_CLEARED).map_err(|e| e.message),
            ));
        })
    };
    let on_date = {
        let date = date.clone();
        Callback::from(move |v: String| date.set(v))
    };
    html! {
        <form class="instroom" onsubmit={save} novalidate=true aria-labelledby="instroom-titel">
            <h3 id="instroom-titel">{ tl::IN_CARE_TITLE }</h3>
            <p class="hint">{ tl::IN_CARE_HINT }</p>
            <TextField id="instroom-datum" label={tl::IN_CARE_LABEL} kind="date" value={(*date).clone()}
                onchange={on_date.clone()} oninput={Some(on_date)} />
            <div class="knoppen-rij">
                <button type="submit" class="knop knop-secundair">{ tl::IN_CARE_SAVE }</button>
                if p.since.is_some() {
                    <button type="button" class="knop knop-secundair" onclick={clear}>{ tl::IN_CARE_CLEAR }</button>
                }
            </div>
            { match &*result {
                Some(Ok(m)) => html! { <p class="melding melding-goed" role="status">{ *m }</p> },
                Some(Err(m)) => html! { <p class="melding melding-fout" role="alert">{ m.clone() }</p> },
                None => html! {},
            } }
        </form>
    }
}
