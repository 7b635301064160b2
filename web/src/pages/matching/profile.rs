//! One profile's result: what excludes dwellings and what would help, the associations, the
//! ranked dwellings with the make-up of each score, and the knocked-out dwellings with every
//! reason.

use crate::browser;
use crate::components::form::SelectField;
use crate::pages::aanbod::CheckField;
use crate::pages::matching::route_link;
use crate::route::Route;
use crate::state::use_app;
use std::rc::Rc;
use woonkans_core::matching::Reason;
use woonkans_core::offer::DwellingType;
use woonkans_core::vocab::{self, Dutch};
use woonkans_views::matches::{
    MatchFilter, association_rows, component_cells, knock_out_rows, match_rows, match_summary,
    no_suggestion_text, reason_cells, suggestion_rows,
};
use woonkans_views::offer_admin::{from_key, gemeenten_in, key};
use yew::prelude::*;

/// Rows shown at first, and added by each "meer tonen".
const STEP: usize = 50;

/// Suggestions shown: the best few say enough.
const SUGGESTIONS: usize = 5;

#[derive(Properties, PartialEq)]
pub struct ProfileResultProps {
    pub id: String,
}

fn reasons_list(reasons: &[Reason]) -> Html {
    html! {
        <ul class="compact redenen">
            { for reasons.iter().map(|r| {
                let (name, message) = reason_cells(r);
                html! { <li><span class="knockout-naam">{ name }</span>{ ": " }{ message }</li> }
            }) }
        </ul>
    }
}

/// "Wat sluit woningen uit" and "Wat zou helpen", each suggestion linked to its profile field.
fn explanation_html(
    app: &crate::state::AppContext,
    id: &str,
    explanation: Option<&woonkans_core::Result<woonkans_core::explain::Explanation>>,
) -> Html {
    let Some(Ok(e)) = explanation else {
        return html! {};
    };
    let knock_outs = knock_out_rows(e);
    let suggestions = suggestion_rows(e, SUGGESTIONS);
    html! {
        <>
            <h3 id="matching-uitsluiting">{ "Wat sluit woningen uit" }</h3>
            if knock_outs.is_empty() {
                <p>{ "Geen enkel criterium sluit een woning of corporatie uit." }</p>
            } else {
                <div class="tabel-scroll" role="region" aria-labelledby="matching-uitsluiting" tabindex="0">
                    <table class="matching-uitsluiting stapel">
                        <caption class="visueel-verborgen">{ "Criteria die woningen of corporaties uitsluiten, de meeste woningen eerst" }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ "Criterium" }</th>
                                <th scope="col" class="getal">{ "Woningen" }</th>
                                <th scope="col" class="getal">{ "Alleen hierdoor" }</th>
                                <th scope="col" class="getal">{ "Corporaties" }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for knock_outs.iter().map(|r| html! {
                                <tr>
                                    <th scope="row">{ r.criterion }</th>
                                    <td class="getal" data-label="Woningen">{ r.dwellings.clone() }</td>
                                    <td class="getal" data-label="Alleen hierdoor">{ r.only.clone() }</td>
                                    <td class="getal" data-label="Corporaties">{ r.associations.clone() }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
            <h3 id="matching-suggesties">{ "Wat zou helpen" }</h3>
            if suggestions.is_empty() {
                <p>{ no_suggestion_text(e) }</p>
            } else {
                <ul class="matching-suggesties" aria-labelledby="matching-suggesties">
                    { for suggestions.iter().map(|s| html! {
                        <li>
                            { s.sentence.clone() }{ " " }{ s.gain.clone() }
                            { for s.fields.iter().map(|f| html! {
                                <>
                                    { " " }
                                    { route_link(app, Route::DossierProfile(id.to_string(), Some(f.field)),
                                        html! { { format!("Naar {}", f.label.to_lowercase()) } }) }
                                </>
                            }) }
                        </li>
                    }) }
                </ul>
            }
        </>
    }
}

#[function_component(ProfileResult)]
pub fn profile_result(p: &ProfileResultProps) -> Html {
    let app = use_app();
    let today = browser::today();
    let gemeente = use_state(String::new);
    let dwelling_type = use_state(String::new);
    let only_eligible = use_state(|| true);
    let shown = use_state(|| STEP);
    let shown_out = use_state(|| STEP);
    let result = {
        let session = app.open().map(|o| Rc::as_ptr(o) as usize);
        let app = app.clone();
        use_memo(
            (app.revision, session, p.id.clone(), today),
            move |(_, _, id, today)| app.workspace().map(|ws| ws.match_case(id, *today)),
        )
    };
    let explanation = {
        let session = app.open().map(|o| Rc::as_ptr(o) as usize);
        let app = app.clone();
        use_memo(
            (app.revision, session, p.id.clone(), today),
            move |(_, _, id, today)| app.workspace().map(|ws| ws.explain_case(id, *today)),
        )
    };
    let Some(ws) = app.workspace() else {
        return html! {};
    };
    let m = match result.as_ref() {
        Some(Ok(m)) => m,
        Some(Err(e)) => {
            return html! { <p class="melding melding-fout" role="alert">{ e.message.clone() }</p> };
        }
        None => return html! {},
    };
    let filter = MatchFilter {
        gemeente: (*gemeente).clone(),
        dwelling_type: from_key::<DwellingType>(&dwelling_type),
        only_eligible: *only_eligible,
    };
    let rows = match_rows(m, ws.offer(), &filter);
    let reset_shown = {
        let (shown, shown_out) = (shown.clone(), shown_out.clone());
        move || {
            shown.set(STEP);
            shown_out.set(STEP);
        }
    };
    let on_gemeente = {
        let (gemeente, reset) = (gemeente.clone(), reset_shown.clone());
        Callback::from(move |v: String| {
            gemeente.set(v);
            reset();
        })
    };
    let on_type = {
        let (dwelling_type, reset) = (dwelling_type.clone(), reset_shown.clone());
        Callback::from(move |v: String| {
            dwelling_type.set(v);
            reset();
        })
    };
    let on_eligible = {
        let (only_eligible, reset) = (only_eligible.clone(), reset_shown.clone());
        Callback::from(move |v: bool| {
            only_eligible.set(v);
            reset();
        })
    };
    let more = |state: UseStateHandle<usize>| {
        Callback::from(move |_: MouseEvent| state.set(*state + STEP))
    };
    let mut gemeente_options = vec![(String::new(), "Alle gemeenten".to_string())];
    gemeente_options.extend(
        gemeenten_in(ws.offer())
            .into_iter()
            .map(|g| (g.to_string(), g.to_string())),
    );
    let mut type_options = vec![(String::new(), "Alle woningtypen".to_string())];
    type_options.extend(
        DwellingType::ALL
            .iter()
            .map(|t| (key(t), t.dutch().to_string())),
    );
    let associations = association_rows(m, ws.offer());

    html! {
        <div class="profielresultaat">
            <p class="matching-samenvatting" role="status">{ match_summary(m) }</p>
            { explanation_html(&app, &p.id, explanation.as_ref().as_ref()) }
            <h3 id="matching-corporaties">{ "Corporaties" }</h3>
            <div class="tabel-scroll" role="region" aria-labelledby="matching-corporaties" tabindex="0">
                <table class="matching-corporaties">
                    <caption class="visueel-verborgen">{ "Corporaties voor dit profiel" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Corporatie" }</th>
                            <th scope="col">{ "In aanmerking" }</th>
                            <th scope="col" class="getal">{ "Beste woningscore" }</th>
                            <th scope="col">{ "Waarom niet" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for associations.iter().map(|a| html! {
                            <tr>
                                <th scope="row">
                                    { a.name }
                                    if a.example { { " " }<span class="label">{ "voorbeeld" }</span> }
                                </th>
                                <td>{ if a.result.eligible { "ja" } else { "nee" } }</td>
                                <td class="getal">{ match a.result.best_score {
                                    Some(s) => s.to_string(),
                                    None if a.dwellings == 0 => "geen woningen in het aanbod".to_string(),
                                    None => "geen passende woning".to_string(),
                                } }</td>
                                <td>{ if a.result.reasons.is_empty() { html! { "–" } } else { reasons_list(&a.result.reasons) } }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>

            <h3 id="matching-woningen">{ "Woningen" }</h3>
            <div class="filters" role="group" aria-labelledby="matching-filters">
                <p id="matching-filters" class="filters-kop">{ "Filters" }</p>
                <SelectField id="matching-gemeente" label="Gemeente" options={gemeente_options}
                    value={(*gemeente).clone()} onchange={on_gemeente} />
                <SelectField id="matching-type" label="Woningtype" options={type_options}
                    value={(*dwelling_type).clone()} onchange={on_type} />
                <CheckField id="matching-alleen-passend" label="Alleen passende woningen"
                    checked={*only_eligible} onchange={on_eligible} />
            </div>
            if rows.eligible.is_empty() {
                <p>{ "Geen passende woningen met deze filters." }</p>
            } else {
                <div class="tabel-scroll" role="region" aria-labelledby="passende-woningen" tabindex="0">
                    <table class="passende-woningen">
                        <caption id="passende-woningen">
                            { format!("Passende woningen, hoogste score eerst ({} getoond van {})", rows.eligible.len().min(*shown), rows.eligible.len()) }
                        </caption>
                        <thead>
                            <tr>
                                <th scope="col" class="getal">{ "Rang" }</th>
                                <th scope="col">{ "Woning" }</th>
                                <th scope="col">{ "Corporatie" }</th>
                                <th scope="col">{ "Gemeente" }</th>
                                <th scope="col">{ "Wijk" }</th>
                                <th scope="col">{ "Type" }</th>
                                <th scope="col" class="getal">{ "Huur" }</th>
                                <th scope="col" class="getal">{ "Score" }</th>
                                <th scope="col">{ "Opbouw" }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for rows.eligible.iter().take(*shown).map(|r| html! {
                                <tr>
                                    <td class="getal">{ r.rank }</td>
                                    <th scope="row">{ r.dwelling.id.clone() }</th>
                                    <td>{ r.association }</td>
                                    <td>{ r.dwelling.gemeente.clone() }</td>
                                    <td>{ r.dwelling.neighbourhood.clone() }</td>
                                    <td>{ r.dwelling.dwelling_type.dutch() }</td>
                                    <td class="getal">{ vocab::euro(r.dwelling.rent_cents) }</td>
                                    <td class="getal score">{ r.scored.score }</td>
                                    <td>
                                        <details class="opbouw">
                                            <summary>{ "Toon opbouw" }<span class="visueel-verborgen">{ format!(" van woning {}", r.dwelling.id) }</span></summary>
                                            <table class="opbouw-tabel">
                                                <thead>
                                                    <tr>
                                                        <th scope="col">{ "Onderdeel" }</th>
                                                        <th scope="col" class="getal">{ "Waarde (0-1)" }</th>
                                                        <th scope="col" class="getal">{ "Gewicht" }</th>
                                                        <th scope="col" class="getal">{ "Punten" }</th>
                                                    </tr>
                                                </thead>
                                                <tbody>
                                                    { for r.scored.components.iter().map(|c| {
                                                        let [value, weight, points] = component_cells(c);
                                                        html! {
                                                            <tr>
                                                                <th scope="row">{ c.label.to_string() }</th>
                                                                <td class="getal">{ value }</td>
                                                                <td class="getal">{ weight }</td>
                                                                <td class="getal">{ points }</td>
                                                            </tr>
                                                        }
                                                    }) }
                                                </tbody>
                                            </table>
                                        </details>
                                    </td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
                if rows.eligible.len() > *shown {
                    <button type="button" class="knop knop-secundair" onclick={more(shown.clone())}>
                        { format!("Meer tonen (nog {})", rows.eligible.len() - *shown) }
                    </button>
                }
            }
            if !*only_eligible {
                <h3 id="afgevallen-woningen-kop">{ "Afgevallen woningen" }</h3>
                if rows.knocked_out.is_empty() {
                    <p>{ "Geen afgevallen woningen met deze filters." }</p>
                } else {
                    <div class="tabel-scroll" role="region" aria-labelledby="afgevallen-woningen" tabindex="0">
                        <table class="afgevallen-woningen">
                            <caption id="afgevallen-woningen">
                                { format!("Afgevallen woningen met alle redenen ({} getoond van {})", rows.knocked_out.len().min(*shown_out), rows.knocked_out.len()) }
                            </caption>
                            <thead>
                                <tr>
                                    <th scope="col">{ "Woning" }</th>
                                    <th scope="col">{ "Corporatie" }</th>
                                    <th scope="col">{ "Gemeente" }</th>
                                    <th scope="col">{ "Wijk" }</th>
                                    <th scope="col">{ "Type" }</th>
                                    <th scope="col" class="getal">{ "Huur" }</th>
                                    <th scope="col">{ "Redenen" }</th>
                                </tr>
                            </thead>
                            <tbody>
                                { for rows.knocked_out.iter().take(*shown_out).map(|r| html! {
                                    <tr>
                                        <th scope="row">{ r.dwelling.id.clone() }</th>
                                        <td>{ r.association }</td>
                                        <td>{ r.dwelling.gemeente.clone() }</td>
                                        <td>{ r.dwelling.neighbourhood.clone() }</td>
                                        <td>{ r.dwelling.dwelling_type.dutch() }</td>
                                        <td class="getal">{ vocab::euro(r.dwelling.rent_cents) }</td>
                                        <td>{ reasons_list(r.reasons) }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                    if rows.knocked_out.len() > *shown_out {
                        <button type="button" class="knop knop-secundair" onclick={more(shown_out.clone())}>
                            { format!("Meer tonen (nog {})", rows.knocked_out.len() - *shown_out) }
                        </button>
                    }
                }
            }
        </div>
    }
}
