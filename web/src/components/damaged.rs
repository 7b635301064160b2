//! The notice shown while a part of the vault could not be read at unlock.
//!
//! `session::from_vault` opens the intact parts and lists the damaged ones; autosave leaves a
//! damaged part alone so that a backup can still restore it. Without this notice the header
//! would say "Opgeslagen" while changes to that part are never written, so the coordinator has
//! to be told which part it is, how to restore it, and how to start it anew on purpose.

use crate::session::{self, Open};
use crate::state::{Action, use_app};
use yew::prelude::*;

/// The Dutch name of a record, as the notice and its buttons use it.
fn label(record: &str) -> &'static str {
    match record {
        session::DOSSIERS => "dossiers",
        session::KEY => "sleutel voor de codes",
        session::LOG => "verwerkingslog",
        session::OFFER => "woningaanbod",
        session::SETTINGS => "instellingen",
        _ => "onbekend deel",
    }
}

#[function_component(DamagedNotice)]
pub fn damaged_notice() -> Html {
    let app = use_app();
    // The part whose "start anew" was clicked once and now waits for the confirming click.
    let confirming = use_state(|| None::<&'static str>);
    let Some(open) = app.open().cloned() else {
        return html! {};
    };
    if open.damaged.is_empty() {
        return html! {};
    }
    let parts: Vec<&str> = open.damaged.iter().map(|r| label(r)).collect();
    let lock = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::Lock))
    };
    let start_anew = |record: &'static str| {
        let (app, confirming) = (app.clone(), confirming.clone());
        Callback::from(move |_: MouseEvent| {
            if *confirming != Some(record) {
                confirming.set(Some(record));
                return;
            }
            // The session already holds this part's fresh start (empty, or the sample offer), as
            // nothing could be read; off the damaged list, the next autosave writes it.
            // From the session as it is now, not as it was at render: a part started anew
            // a moment before stays off the list.
            let Some(current) = app.open() else { return };
            let mut next: Open = (**current).clone();
            next.damaged.retain(|r| *r != record);
            confirming.set(None);
            app.dispatch(Action::Replace(Box::new(next)));
        })
    };
    html! {
        <div id="beschadigd" class="melding melding-fout" role="alert">
            <h2>{ "Een deel van de kluis is beschadigd" }</h2>
            <p>{ format!("Niet te lezen: {}. De andere delen zijn intact.", parts.join(", ")) }</p>
            <p>{ "Automatisch opslaan laat een beschadigd deel ongemoeid, zodat een back-up het nog kan herstellen. \
                  Wijzigingen in dat deel worden daarom niet opgeslagen." }</p>
            <p>{ "Herstellen: vergrendel de kluis en kies op het ontgrendelscherm 'Back-up terugzetten', met een back-up van vóór de beschadiging." }</p>
            { if let Some(record) = *confirming { html! {
                <p><strong>{ format!(
                    "Weet u het zeker? Klik nog een keer om ‘{}’ opnieuw te beginnen. Wat in dit deel stond, is daarna alleen nog in een back-up te vinden.",
                    label(record)
                ) }</strong></p>
            } } else { html! {} } }
            <div class="knoppen-rij">
                <button class="knop knop-secundair" type="button" onclick={lock}>{ "Vergrendelen om een back-up terug te zetten" }</button>
                // The key has its own repair (import on the Privacy page): a new key would not
                // recognise the codes already issued.
                { for open.damaged.iter().filter(|r| **r != session::KEY).map(|r| html! {
                    <button class="knop knop-gevaar" type="button" onclick={start_anew(r)}>
                        { if *confirming == Some(*r) {
                            format!("Ja, ‘{}’ opnieuw beginnen", label(r))
                        } else {
                            format!("‘{}’ opnieuw beginnen", label(r))
                        } }
                    </button>
                }) }
            </div>
            { if open.damaged.contains(&session::KEY) { html! {
                <p>{ "De sleutel voor de codes herstelt u ook door een geëxporteerd sleutelbestand te importeren op de pagina Privacy." }</p>
            } } else { html! {} } }
        </div>
    }
}
