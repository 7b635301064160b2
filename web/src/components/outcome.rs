//! The message after a button press on a page that makes something (an envelope, a split): it
//! takes the focus once rendered, so a screen reader reads it, and says success as a status and
//! a refusal as an alert.

use crate::browser;
use yew::prelude::*;

/// Whether the press succeeded, and what to say.
pub type Said = (bool, String);

/// The last outcome and the callback that sets it and moves the focus to the element `id`.
#[hook]
pub fn use_outcome(id: &'static str) -> (Option<Said>, Callback<Said>) {
    let outcome = use_state(|| None::<Said>);
    // Bumped on every press: the focus moves after the render that shows the message.
    let attempt = use_state(|| 0u32);
    use_effect_with(*attempt, move |attempt| {
        if *attempt > 0 {
            browser::focus(id);
        }
    });
    let say = {
        let outcome = outcome.clone();
        let attempt = attempt.clone();
        Callback::from(move |o: Said| {
            outcome.set(Some(o));
            attempt.set(*attempt + 1);
        })
    };
    ((*outcome).clone(), say)
}

#[derive(Properties, PartialEq)]
pub struct OutcomeProps {
    pub id: &'static str,
    pub outcome: Option<Said>,
}

#[function_component(OutcomeMessage)]
pub fn outcome_message(p: &OutcomeProps) -> Html {
    match &p.outcome {
        Some((true, m)) => html! {
            <div id={p.id} class="melding melding-goed" role="status" tabindex="-1"><p>{ m.clone() }</p></div>
        },
        Some((false, m)) => html! {
            <div id={p.id} class="melding melding-fout" role="alert" tabindex="-1"><p>{ m.clone() }</p></div>
        },
        None => html! {},
    }
}
