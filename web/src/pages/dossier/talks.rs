//! Step 5 (Gesprek corporaties), the case's one workspace for this step: which code went to
//! which association (bundles are made on the Bundels page), which associations and dwellings fit
//! and what would help when none does (the Matching page's result for this case), and recording
//! the match that resident and association accepted.

use super::StepProps;
use super::fields::{ParsedField, date_text, read_date};
use crate::browser;
use crate::components::form::{SelectField, TextField};
use crate::pages::aanbod::CheckField;
use crate::pages::matching::profile::ProfileResult;
use crate::route::Route;
use crate::state::{navigate, try_change, use_app};
use std::rc::Rc;
use woonkans_core::routeplanner;
use woonkans_core::vocab;
use woonkans_views::envelopes::association_code_rows;
use woonkans_views::matches::dwelling_choices;
use yew::prelude::*;

#[function_component(Talks)]
pub fn talks(p: &StepProps) -> Html {
    let app = use_app();
    let association = use_state(String::new);
    let dwelling = use_state(String::new);
    let date = use_state(|| date_text(Some(browser::today())));
    let actor = use_state(String::new);
    let refusal = use_state(|| None::<String>);
    let show_ineligible = use_state(|| false);
    let today = browser::today();
    let result = {
        let session = app.open().map(|o| Rc::as_ptr(o) as usize);
        let app = app.clone();
        use_memo(
            (app.revision, session, p.id.to_string(), today),
            move |(_, _, id, today)| {
                app.workspace()
                    .and_then(|ws| ws.match_case(id, *today).ok())
            },
        )
    };
    let Some(ws) = app.workspace() else {
        return html! {};
    };
    let Ok(case) = ws.case(&p.id) else {
        return html! {};
    };
    let name_of = |id: &str| {
        ws.offer()
            .association(id)
            .map_or_else(|| id.to_string(), |a| a.name.clone())
    };
    let to_bundles = {
        let app = app.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            navigate(&app, Route::Bundels);
        })
    };
    let code_rows = association_code_rows(ws, case);
    let codes = html! {
        <div class="kaart">
            <h3>{ "Codes per woningcorporatie" }</h3>
            <p class="hint">{ "Elke corporatie kent de inwoner alleen onder haar eigen code. Bundels maakt u op de pagina Bundels; daar opent u ook de reactie van een corporatie." }</p>
            { if code_rows.is_empty() { html! {
                <p>{ "Dit profiel is nog in geen enkele bundel gedeeld." }</p>
            } } else { html! {
                <table class="codes stapel">
                    <caption class="visueel-verborgen">{ "Uitgegeven codes en het laatste antwoord van elke corporatie" }</caption>
                    <thead><tr>
                        <th scope="col">{ "Woningcorporatie" }</th>
                        <th scope="col">{ "Code" }</th>
                        <th scope="col">{ "Profiel gestuurd" }</th>
                        <th scope="col">{ "Laatste antwoord" }</th>
                        <th scope="col">{ "Gesprek" }</th>
                    </tr></thead>
                    <tbody>
                        { for code_rows.iter().map(|r| html! {
                            <tr>
                                <td data-label="Woningcorporatie">{ r.association.clone() }</td>
                                <td data-label="Code"><code>{ r.code.clone() }</code></td>
                                <td data-label="Profiel gestuurd">{ r.sent_on.clone().unwrap_or_else(|| "—".into()) }</td>
                                <td class="antwoord" data-label="Laatste antwoord">{ match (&r.answer, &r.answered_on) {
                                    (Some(a), Some(on)) => format!("{a} ({on})"),
                                    (Some(a), None) => a.clone(),
                                    _ => "Nog geen antwoord".to_string(),
                                } }</td>
                                <td class="gesprek" data-label="Gesprek">{ if r.talks.is_empty() { html! { "Nog niets vastgelegd" } } else { html! {
                                    <ul class="compact">{ for r.talks.iter().map(|t| html! { <li>{ t.clone() }</li> }) }</ul>
                                } } }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            } } }
            <p><a href={Route::Bundels.path()} onclick={to_bundles}>{ "Naar Bundels" }</a></p>
        </div>
    };
    let follow_up = if case.dossier.archived || case.codes.is_empty() {
        html! {}
    } else {
        html! {
            <>
                <super::talk_record::RecordTalk id={p.id.clone()} />
                <super::safeguards::Safeguards id={p.id.clone()} />
            </>
        }
    };
    let ended = if case.ended_matches.is_empty() {
        html! {}
    } else {
        html! {
            <section class="kaart eerdere-matches" aria-labelledby="eerdere-matches">
                <h3 id="eerdere-matches">{ woonkans_views::outcome::ENDED_MATCHES_TITLE }</h3>
                <ul>
                    { for case.ended_matches.iter().map(|m| html! {
                        <li>{ woonkans_views::outcome::ended_match_sentence(ws, m) }</li>
                    }) }
                </ul>
            </section>
        }
    };
    if let Some(acc) = &case.accepted {
        let who = case
            .dossier
            .gate_record(woonkans_core::register::Gate::MatchAccepted)
            .map(|r| r.actor.clone())
            .unwrap_or_default();
        return html! {
            <div class="stap-formulier">
                { codes }
                <div class="kaart poort poort-vastgelegd">
                    <h3 class="poort-titel">{ "Match aanvaard" }</h3>
                    <p class="geen-marge">
                        <span aria-hidden="true">{ "✓ " }</span>
                        { format!("Aanvaard met {} op {}, vastgelegd door {}.", name_of(&acc.association_id), vocab::date(acc.date), who) }
                        { for acc.dwelling_id.iter().map(|d| format!(" Woning: {d}.")) }
                    </p>
                </div>
                { ended }
                { follow_up.clone() }
                { if case.dossier.archived { html! {} } else { html! {
                    <super::end_match::EndMatch id={p.id.clone()} />
                } } }
            </div>
        };
    }
    let assoc_options: Vec<(String, String)> =
        std::iter::once((String::new(), "Kies een corporatie".to_string()))
            .chain(case.codes.keys().map(|a| (a.clone(), name_of(a))))
            .collect();
    let dwelling_options: Vec<(String, String)> =
        std::iter::once((String::new(), "Nog geen woning / niet bekend".to_string()))
            .chain(
                dwelling_choices(
                    result.as_ref().as_ref(),
                    ws.offer(),
                    &association,
                    *show_ineligible,
                    &dwelling,
                )
                .into_iter()
                .map(|c| (c.id, c.label)),
            )
            .collect();
    let on_show_ineligible = {
        let show_ineligible = show_ineligible.clone();
        Callback::from(move |v: bool| show_ineligible.set(v))
    };
    let set = |s: &UseStateHandle<String>| {
        let s = s.clone();
        Callback::from(move |v: String| s.set(v))
    };
    let on_association = {
        let association = association.clone();
        let dwelling = dwelling.clone();
        Callback::from(move |v: String| {
            association.set(v);
            dwelling.set(String::new());
        })
    };
    let apply_date = {
        let date = date.clone();
        Callback::from(move |text: String| {
            date.set(text.clone());
            read_date(&text).err()
        })
    };
    let onclick = {
        let app = app.clone();
        let id = p.id.to_string();
        let (association, dwelling, date, actor, refusal) = (
            association.clone(),
            dwelling.clone(),
            date.clone(),
            actor.clone(),
            refusal.clone(),
        );
        Callback::from(move |_| {
            if association.is_empty() {
                refusal.set(Some("Kies de woningcorporatie van de match.".into()));
                return;
            }
            let when = match read_date(&date) {
                Ok(Some(d)) => d,
                Ok(None) => {
                    refusal.set(Some("Vul de datum van de aanvaarding in.".into()));
                    return;
                }
                Err(m) => {
                    refusal.set(Some(m));
                    return;
                }
            };
            let (id, a, d, who) = (
                id.clone(),
                (*association).clone(),
                (*dwelling).clone(),
                (*actor).clone(),
            );
            let result = try_change(&app, move |ws| {
                let dwelling = (!d.is_empty()).then_some(d.as_str());
                routeplanner::accept_match(ws, &id, &a, dwelling, when, &who)
            });
            refusal.set(result.err().map(|e| e.message));
        })
    };
    html! {
        <div class="stap-formulier">
            { codes }
            { ended }
            { follow_up }
            <section class="kaart" aria-labelledby="stap5-matching">
                <h3 id="stap5-matching">{ "Passende corporaties en woningen" }</h3>
                <ProfileResult id={p.id.to_string()} />
            </section>
            <fieldset class="kaart poort" id="match" disabled={!p.open || case.codes.is_empty()}>
                <legend class="poort-titel">{ "Poort: Match aanvaard door inwoner en woningcorporatie" }</legend>
                <p class="hint">{ "Leg vast dat de inwoner en een corporatie die het profiel ontving, de match hebben aanvaard. Daarna kan de overdracht (stap 6)." }</p>
                { if case.codes.is_empty() { html! { <p>{ "Dat kan pas als het profiel in een bundel naar een corporatie is gegaan." }</p> } } else { html! {} } }
                <SelectField id="match-corporatie" label="Woningcorporatie" options={assoc_options}
                    value={(*association).clone()} onchange={on_association} />
                <SelectField id="match-woning" label="Woning (niet verplicht)" options={dwelling_options}
                    hint={result.is_some().then(|| AttrValue::from("Passende woningen eerst, de hoogste score bovenaan."))}
                    value={(*dwelling).clone()} onchange={set(&dwelling)} />
                <CheckField id="match-ook-niet-passend" label="Toon ook niet-passende woningen"
                    checked={*show_ineligible} onchange={on_show_ineligible} />
                <div class="veld-rij">
                    <ParsedField id="match-datum" label="Datum van aanvaarding" hint="Bijvoorbeeld 28-11-2026"
                        inputmode="numeric" value={(*date).clone()} apply={apply_date} />
                    <TextField id="match-door" label="Vastgelegd door" hint="Rol of organisatie"
                        value={(*actor).clone()} onchange={set(&actor)} oninput={Some(set(&actor))} />
                </div>
                { for refusal.iter().map(|m| html! { <p class="foutmelding" role="alert">{ m.clone() }</p> }) }
                <button type="button" class="knop knop-secundair" {onclick}>{ "Match vastleggen" }</button>
            </fieldset>
        </div>
    }
}
