//! The dossier list: every case with its step in the routeplanner, its gates and whether its
//! profile is complete; a search over name and dossier number (in this browser only), and
//! "Nieuw dossier". The list itself comes from `woonkans_views::caselist::filtered`; a vault that
//! tracks waiting (the coordinator's) also sorts and filters by the norms.

use crate::browser;
use crate::components::form::{checked_of, value_of};
use crate::route::Route;
use crate::state::{AppContext, change, navigate, use_app};
use std::rc::Rc;
use woonkans_core::vocab::Dutch;
use woonkans_views::caselist::{self, CaseProgress, Filter, Order, filtered};
use woonkans_views::nav;
use woonkans_views::timeline as tl;
use yew::prelude::*;

fn open_case(app: &AppContext, id: &str) -> Callback<MouseEvent> {
    let app = app.clone();
    let route = Route::Dossier(id.to_string());
    Callback::from(move |e: MouseEvent| {
        if !(e.ctrl_key() || e.meta_key() || e.shift_key()) {
            e.prevent_default();
            navigate(&app, route.clone());
        }
    })
}

#[function_component(DossiersPage)]
pub fn dossiers_page() -> Html {
    let app = use_app();
    let query = use_state(String::new);
    let archived = use_state(|| false);
    let order = use_state(Order::default);
    let only_over = use_state(|| false);
    // Making a row checks the case's whole profile (scanner included): do it once per change
    // of the workspace, not on every keystroke in the search box.
    let all_rows = {
        let app = app.clone();
        use_memo(
            (
                app.revision,
                *archived,
                *order,
                *only_over,
                app.open().map(Rc::as_ptr),
            ),
            move |(_, include_archived, order, only_over_norm, _)| {
                let filter = Filter {
                    include_archived: *include_archived,
                    only_over_norm: *only_over_norm,
                    order: *order,
                };
                app.workspace()
                    .map(|ws| filtered(ws, browser::today(), filter, ""))
                    .unwrap_or_default()
            },
        )
    };
    let Some(ws) = app.workspace() else {
        return html! {};
    };
    let rows: Vec<&CaseProgress> = all_rows.iter().filter(|r| r.matches(&query)).collect();
    let total = ws
        .cases()
        .iter()
        .filter(|c| *archived || !c.dossier.archived)
        .count();
    let new_case = {
        let app = app.clone();
        Callback::from(move |_| {
            let id = browser::random_id();
            // Only a case that was made is opened; a refusal is shown on this page.
            if change(&app, |ws| ws.add_case(&id).map(|_| ())).is_ok() {
                navigate(&app, Route::Dossier(id));
            }
        })
    };
    let makes_cases = nav::makes_cases(app.role());
    let tracks_waiting = woonkans_core::timeline::tracks_waiting(app.role());
    let on_order = {
        let order = order.clone();
        Callback::from(move |e: Event| order.set(Order::from_value(&value_of(&e))))
    };
    let on_only_over = {
        let only_over = only_over.clone();
        Callback::from(move |e: Event| only_over.set(checked_of(&e)))
    };
    let to_typed = {
        let app = app.clone();
        Callback::from(move |e: MouseEvent| {
            if !(e.ctrl_key() || e.meta_key() || e.shift_key()) {
                e.prevent_default();
                navigate(&app, Route::Stap4Typen);
            }
        })
    };
    let to_open = {
        let app = app.clone();
        Callback::from(move |e: MouseEvent| {
            if !(e.ctrl_key() || e.meta_key() || e.shift_key()) {
                e.prevent_default();
                navigate(&app, Route::EnvelopOpenen);
            }
        })
    };
    let to_transfer = {
        let app = app.clone();
        Callback::from(move |e: MouseEvent| {
            if !(e.ctrl_key() || e.meta_key() || e.shift_key()) {
                e.prevent_default();
                navigate(&app, Route::Overdragen);
            }
        })
    };
    let hands_over = woonkans_views::caseload::page(ws).is_some();
    let on_query = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let e: Event = e.into();
            query.set(value_of(&e));
        })
    };
    let on_archived = {
        let archived = archived.clone();
        Callback::from(move |e: Event| archived.set(checked_of(&e)))
    };
    html! {
        <section aria-labelledby="pagina-titel" class="dossiers">
            <div class="dossier-kop">
                <div>
                    <h1 id="pagina-titel">{ "Dossiers" }</h1>
                    <p class="inleiding">{ "Dossiers van inwoners, met de voortgang door de zes stappen van de routeplanner. Alles staat versleuteld in deze browser." }</p>
                    <p class="hint" id="monitor">{ woonkans_views::outcome::monitor_sentence(&ws.monitor()) }</p>
                </div>
                { if makes_cases { html! {
                    <button type="button" class="knop" onclick={new_case}>{ "Nieuw dossier" }</button>
                } } else { html! {} } }
            </div>
            // A legal duty waiting (art. 19 AVG) comes before the page's hints.
            <super::afmeldingen::Afmeldingen />
            { if makes_cases { html! {} } else { html! { <>
                <p class="melding" id="zaken-via-overdracht">
                    { nav::CASES_FROM_OVERDRACHT }{ " " }
                    <a href={Route::EnvelopOpenen.path()} onclick={to_open}>{ "Naar Envelop openen" }</a>
                </p>
                <p class="melding" id="zaken-getypt">
                    { nav::CASES_TYPED }{ " " }
                    <a href={Route::Stap4Typen.path()} onclick={to_typed}>{ "Stap-4-gegevens typen" }</a>
                </p>
                if hands_over {
                    <p class="melding" id="zaken-overdragen">
                        { woonkans_views::nav::CASES_HANDED_ON }{ " " }
                        <a href={Route::Overdragen.path()} onclick={to_transfer}>{ Route::Overdragen.title() }</a>
                    </p>
                }
            </> } } }
            <div class="zoekbalk">
                <div class="veld">
                    <label for="dossier-zoeken">{ "Zoeken op naam of dossiernummer" }</label>
                    <input id="dossier-zoeken" type="search" value={(*query).clone()} oninput={on_query} autocomplete="off" />
                </div>
                <div class="veld vinkje">
                    <div class="vinkje-regel">
                        <input type="checkbox" id="toon-archief" checked={*archived} onchange={on_archived} />
                        <label for="toon-archief">{ "Gearchiveerde dossiers tonen" }</label>
                    </div>
                </div>
                { if tracks_waiting { html! { <>
                    <div class="veld">
                        <label for="dossier-volgorde">{ caselist::ORDER_LABEL }</label>
                        <select id="dossier-volgorde" onchange={on_order}>
                            { for caselist::ORDER_OPTIONS.iter().map(|(o, value, label)| html! {
                                <option value={*value} selected={*o == *order}>{ *label }</option>
                            }) }
                        </select>
                    </div>
                    <div class="veld vinkje">
                        <div class="vinkje-regel">
                            <input type="checkbox" id="alleen-boven-norm" checked={*only_over} onchange={on_only_over} />
                            <label for="alleen-boven-norm">{ caselist::ONLY_OVER_NORM_LABEL }</label>
                        </div>
                    </div>
                </> } } else { html! {} } }
            </div>
            <p class="visueel-verborgen" role="status">{ format!("{} van {} dossiers getoond.", rows.len(), total) }</p>
            { if rows.is_empty() {
                html! {
                    <p class="melding">
                        { if total == 0 {
                            if makes_cases { "Er zijn nog geen dossiers. Begin met 'Nieuw dossier'." } else { "Er zijn nog geen zaken." }
                        } else if *only_over {
                            caselist::NONE_OVER_NORM
                        } else {
                            "Geen dossiers gevonden bij deze zoekopdracht."
                        } }
                    </p>
                }
            } else { html! {
                <table class="dossier-lijst stapel">
                    <caption>{ format!("Dossiers ({} van {})", rows.len(), total) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Dossier" }</th>
                            <th scope="col">{ "Stap" }</th>
                            <th scope="col">{ "Poorten" }</th>
                            <th scope="col">{ "Profiel compleet" }</th>
                            { if tracks_waiting { html! { <th scope="col">{ caselist::WAITING_COLUMN }</th> } } else { html! {} } }
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().map(|r| html! {
                            <tr class={classes!(r.archived.then_some("gearchiveerd"))}>
                                <th scope="row">
                                    <a href={Route::Dossier(r.id.clone()).path()} onclick={open_case(&app, &r.id)}>
                                        { r.label.clone() }
                                    </a>
                                    <br />
                                    <span class="hint">{ format!("Dossier {}", r.id) }</span>
                                    { if r.archived { html! { <>{ " " }<span class="label">{ "gearchiveerd" }</span></> } } else { html! {} } }
                                    { if r.changed_after_sharing { html! { <>{ " " }<span class="label label-let-op">{ woonkans_core::sharing::MARK }</span></> } } else { html! {} } }
                                </th>
                                <td data-label="Stap">{ format!("{} {}", r.step.number(), r.step.dutch()) }</td>
                                <td data-label="Poorten">
                                    <ul class="poorten-lijst">
                                        { for r.gates.iter().map(|g| html! {
                                            <li class={classes!(g.recorded.is_some().then_some("poort-ja"))}>
                                                <span aria-hidden="true">{ if g.recorded.is_some() { "✓ " } else { "— " } }</span>
                                                { caselist::gate_short(g.gate) }
                                                <span class="visueel-verborgen">{ if g.recorded.is_some() { ": vastgelegd" } else { ": nog niet" } }</span>
                                            </li>
                                        }) }
                                    </ul>
                                </td>
                                <td data-label="Profiel compleet">{ if r.profile_complete { "Ja" } else { "Nee" } }</td>
                                { if tracks_waiting { html! {
                                    <td data-label={caselist::WAITING_COLUMN} class="wacht">
                                        { match &r.waiting {
                                            Some(w) => html! { <>
                                                { for tl::over_norm_marker(w).map(|m| html! {
                                                    <><span class="label label-let-op boven-norm"><span aria-hidden="true">{ "⚠ " }</span>{ m }</span><br /></>
                                                }) }
                                                { tl::waiting_sentence(w) }
                                            </> },
                                            None => html! { { caselist::NOT_WAITING } },
                                        } }
                                        { for r.waiting_since_text.clone().map(|t| html! {
                                            <><br /><span class="hint wacht-sinds">{ t }</span></>
                                        }) }
                                    </td>
                                } } else { html! {} } }
                            </tr>
                        }) }
                    </tbody>
                </table>
            } } }
        </section>
    }
}
