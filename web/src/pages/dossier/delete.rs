//! Erasing one resident's dossier (right to erasure, end of the retention period), behind a
//! typed confirmation. What is erased and what stays is decided by `Workspace::delete_case`.

use crate::browser;
use crate::components::form::TextField;
use crate::route::Route;
use crate::state::{change, navigate, use_app};
use yew::prelude::*;

/// The word to type, in capitals like "WISSEN" for the whole vault.
const CONFIRMATION: &str = "VERWIJDEREN";

#[derive(Properties, PartialEq)]
pub struct DeleteCaseProps {
    pub id: AttrValue,
    pub on_cancel: Callback<()>,
}

#[function_component(DeleteCase)]
pub fn delete_case(p: &DeleteCaseProps) -> Html {
    let app = use_app();
    let typed = use_state(String::new);
    let error = use_state(|| None::<String>);
    use_effect_with((), |()| browser::focus("verwijderen-bevestiging"));
    let on_typed = {
        let typed = typed.clone();
        Callback::from(move |v: String| typed.set(v))
    };
    let confirm = {
        let (app, typed, error, id) = (app.clone(), typed.clone(), error.clone(), p.id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if typed.trim() != CONFIRMATION {
                error.set(Some(format!(
                    "Typ {CONFIRMATION} in hoofdletters om te bevestigen."
                )));
                return;
            }
            // Refused only when the case is gone already: the list is the place to go either
            // way (navigating clears the message).
            let _ = change(&app, |ws| ws.delete_case(&id));
            navigate(&app, Route::Dossiers);
        })
    };
    let cancel = {
        let on_cancel = p.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };
    html! {
        <form class="kaart gevaar" onsubmit={confirm} aria-labelledby="verwijderen-titel">
            <h2 id="verwijderen-titel">{ "Dit dossier verwijderen?" }</h2>
            <p>{ "Alles van deze inwoner verdwijnt uit deze browser: het dossier, het bemiddelingsprofiel en de codes die aan corporaties zijn gegeven. Dit kan niet ongedaan worden gemaakt." }</p>
            <ul>
                <li>{ "Het verwerkingslog blijft bewaard: het bevat alleen codes, geen namen of BSN, en legt vast wat aan wie is verstrekt. Na het verwijderen hoort geen code meer bij deze inwoner." }</li>
                <li>{ "Back-ups die eerder zijn gemaakt, bevatten het dossier nog. Maak na het verwijderen een nieuwe back-up en verwijder de oude." }</li>
                <li>{ "Bundels en overdrachten die al zijn verstuurd, worden niet teruggehaald. Vraag de ontvanger ze te verwijderen als dat nodig is." }</li>
            </ul>
            <TextField id="verwijderen-bevestiging" label={format!("Typ {CONFIRMATION} om te bevestigen")}
                value={(*typed).clone()} error={(*error).clone()} oninput={Some(on_typed)} />
            <div class="knoppen-rij">
                <button class="knop knop-gevaar" type="submit">{ "Dossier definitief verwijderen" }</button>
                <button class="knop knop-secundair" type="button" onclick={cancel}>{ "Annuleren" }</button>
            </div>
        </form>
    }
}
