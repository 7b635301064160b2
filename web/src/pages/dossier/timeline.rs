//! The case's timeline under its steps: every gate and exchange with its date, and what the case
//! waits for against the vault's norms. Rows and sentences come from `woonkans_views::timeline`.

use super::in_care::InCareSince;
use crate::browser;
use crate::state::use_app;
use woonkans_views::timeline as tl;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub id: AttrValue,
}

#[function_component(Timeline)]
pub fn timeline(p: &TimelineProps) -> Html {
    let app = use_app();
    let Some(ws) = app.workspace() else {
        return html! {};
    };
    let Ok(case) = ws.case(&p.id) else {
        return html! {};
    };
    let rows = tl::rows(ws, case);
    let today = browser::today();
    let waiting = ws.waiting(&p.id, today);
    let tracks = woonkans_core::timeline::tracks_waiting(ws.role());
    let since = tracks
        .then(|| tl::waiting_since_sentence(case, today))
        .flatten();
    html! {
        <section class="kaart tijdlijn" aria-labelledby="tijdlijn-titel">
            <h2 id="tijdlijn-titel">{ tl::TIMELINE_TITLE }</h2>
            <p class="hint">{ tl::TIMELINE_INTRO }</p>
            { for waiting.map(|w| html! {
                <p class="wacht" id="tijdlijn-wacht">
                    { for tl::over_norm_marker(&w).map(|m| html! {
                        <><span class="label label-let-op boven-norm"><span aria-hidden="true">{ "⚠ " }</span>{ m }</span>{ " " }</>
                    }) }
                    { tl::waiting_sentence(&w) }
                </p>
            }) }
            { for since.map(|t| html! { <p class="wacht-sinds" id="tijdlijn-wacht-sinds">{ t }</p> }) }
            if tracks && !case.dossier.archived {
                <InCareSince id={p.id.clone()} since={case.in_care_since} />
            }
            { if rows.is_empty() { html! {
                <p>{ tl::TIMELINE_EMPTY }</p>
            } } else { html! {
                <ol class="tijdlijn-lijst">
                    { for rows.iter().map(|r| html! {
                        <li>
                            <time datetime={r.iso.clone()}>{ r.date.clone() }</time>
                            { " · " }<span class="hint">{ r.step.clone() }</span>
                            { " — " }{ r.text.clone() }
                        </li>
                    }) }
                </ol>
            } } }
        </section>
    }
}
