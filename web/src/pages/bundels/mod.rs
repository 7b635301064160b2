//! Coded profile bundles: choose an association and the cases, see the codes that will go, and
//! let the core write the bundle through the leak guard and seal it in an envelope for that
//! association (encrypted to its confirmed key card, signed with this vault's key). Only an
//! envelope whose bundle passed the guard is downloaded; a refusal lists the fields to change,
//! never the values found. Sending needs this vault's keys and the association's confirmed card
//! (both on "Sleutels en adresboek"); the page says so before anything is composed.
//!
//! "Reactie openen" ([`reply`]) takes an association's answer back in.
//!
//! Before writing, the page says what the codes do and do not prevent (identical free text can
//! still link two associations' profiles of one resident), how many released free texts each
//! profile carries for the chosen association, and which of them already went to another one
//! (`Workspace::link_warnings`; a warning, not a refusal).

mod findings;
pub mod keys_link;
pub mod reply;

use crate::browser;
use crate::components::form::{ErrorSummary, SelectField, checked_of};
use crate::route::Route;
use crate::state::{navigate, try_change, use_app};
use findings::{Findings, FoundCase};
use keys_link::KeysLink;
use reply::ReplyOpen;
use std::collections::BTreeSet;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use woonkans_core::bundle::WriteError;
use woonkans_core::code;
use woonkans_core::vocab;
use woonkans_core::workspace::Workspace;
use woonkans_views::bundles::{
    BundleCandidate, bundle_candidates, chosen_ids, form_errors, planned_codes,
};
use woonkans_views::envelopes::NO_KEYS;
use yew::prelude::*;

/// What the last press of the primary button gave.
#[derive(Clone, PartialEq)]
enum Outcome {
    None,
    Written(Rc<Written>),
    Refused(Rc<Vec<FoundCase>>, String),
    Failed(String),
}

/// What the success message shows: file name, bundle id and the codes with their cases.
#[derive(PartialEq)]
struct Written {
    file_name: String,
    bundle_id: String,
    recipient: String,
    codes: Vec<(String, String)>,
    download_error: Option<String>,
}

fn refusal(
    ws: &Workspace,
    key: &code::CodeKey,
    association_id: &str,
    report: &woonkans_core::leakguard::LeakReport,
) -> Vec<FoundCase> {
    report
        .findings
        .iter()
        .map(|f| FoundCase {
            finding: f.clone(),
            case_id: code::parse(&f.code)
                .ok()
                .and_then(|c| ws.resolve_code(Some(key), association_id, c))
                .map(String::from),
        })
        .collect()
}

/// "2 vrijgegeven teksten gaan mee." for a candidate's hint.
fn released_text(n: usize) -> String {
    match n {
        0 => "Geen vrije tekst vrijgegeven voor deze corporatie: alleen de vaste velden gaan mee."
            .to_string(),
        1 => "1 vrijgegeven vrije tekst gaat mee.".to_string(),
        n => format!("{n} vrijgegeven vrije teksten gaan mee."),
    }
}

#[function_component(BundelsPage)]
pub fn bundels_page() -> Html {
    let app = use_app();
    // A new bundle asked for from a dossier starts with its association and case chosen.
    let request = app.bundle_request.clone();
    let association = use_state(|| {
        request
            .as_ref()
            .map(|r| r.association_id.clone())
            .unwrap_or_default()
    });
    let chosen = use_state(|| {
        request
            .iter()
            .map(|r| r.case_id.clone())
            .collect::<BTreeSet<String>>()
    });
    let errors = use_state(Vec::<(String, String)>::new);
    let outcome = use_state(|| Outcome::None);
    let today = browser::today();
    let candidates = {
        // Keyed on the session's identity too: every change and every unlock makes a new one.
        let session = app.open().map(|o| Rc::as_ptr(o) as usize);
        let app = app.clone();
        use_memo((app.revision, session, today), move |_| {
            app.workspace()
                .map(|ws| bundle_candidates(ws, today))
                .unwrap_or_default()
        })
    };
    // Bumped on every press of the primary button; the outcome then gets the focus, so
    // keyboard and screen-reader users land on it.
    let attempt = use_state(|| 0u32);
    use_effect_with(*attempt, |attempt| {
        if *attempt > 0
            && let Some(el) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("bundel-uitkomst"))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
    let Some(open) = app.open().cloned() else {
        return html! {};
    };
    let ws = &open.ws;

    // A message goes as soon as its field is fixed: one left standing after the fix reads as a
    // new problem.
    let on_association = {
        let (association, outcome, errors) = (association.clone(), outcome.clone(), errors.clone());
        Callback::from(move |v: String| {
            if !v.is_empty() {
                errors.set(without(&errors, |f| f == "corporatie"));
            }
            association.set(v);
            outcome.set(Outcome::None);
        })
    };

    let onsubmit = {
        let (app, association, chosen, errors, outcome, candidates, attempt) = (
            app.clone(),
            association.clone(),
            chosen.clone(),
            errors.clone(),
            outcome.clone(),
            candidates.clone(),
            attempt.clone(),
        );
        let open = open.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let ids = chosen_ids(&chosen, &candidates);
            let found = form_errors(&association, &ids, &candidates);
            errors.set(found.clone());
            if !found.is_empty() {
                outcome.set(Outcome::None);
                return;
            }
            let association_id = (*association).clone();
            let key = open.key.clone();
            let envelope_id = browser::random_bytes::<16>();
            let random = browser::random_bytes::<32>();
            let at = browser::now_iso();
            // The disclosure is logged in the committed workspace; the envelope and the bundle
            // in it come back here.
            let sealed = try_change(&app, |ws| {
                ws.seal_bundle(&key, &association_id, &ids, envelope_id, random, today, &at)
            });
            attempt.set(*attempt + 1);
            match sealed {
                Ok((file, written)) => {
                    let download_error =
                        browser::download(&file.file_name, &file.bytes, "application/json").err();
                    let labels: Vec<(String, String)> = ids
                        .iter()
                        .zip(&written.codes)
                        .map(|(id, c)| {
                            let label = candidates
                                .iter()
                                .find(|x| &x.id == id)
                                .map(|x| x.label.clone())
                                .unwrap_or_default();
                            (c.to_string(), label)
                        })
                        .collect();
                    outcome.set(Outcome::Written(Rc::new(Written {
                        file_name: file.file_name.clone(),
                        bundle_id: written.bundle_id_hex.clone(),
                        recipient: written.recipient_name.clone(),
                        codes: labels,
                        download_error,
                    })));
                    chosen.set(BTreeSet::new());
                }
                Err(WriteError::Leak(report)) => {
                    // The page shows the refusal in full, not in the app's error area.
                    let list = refusal(&open.ws, &open.key, &association_id, &report);
                    outcome.set(Outcome::Refused(Rc::new(list), report.to_error().message));
                }
                Err(WriteError::Invalid(e)) => outcome.set(Outcome::Failed(e.message)),
            }
        })
    };

    let fits: Vec<usize> = ws
        .offer()
        .associations
        .iter()
        .map(|a| {
            candidates
                .iter()
                .filter(|c| c.eligible_associations.contains(&a.id))
                .count()
        })
        .collect();
    let mut options = vec![(String::new(), "Kies een woningcorporatie".to_string())];
    options.extend(ws.offer().associations.iter().zip(&fits).map(|(a, n)| {
        let fit = match n {
            0 => "geen passend dossier".to_string(),
            1 => "past bij 1 dossier".to_string(),
            n => format!("past bij {n} dossiers"),
        };
        (a.id.clone(), format!("{} ({fit})", a.name))
    }));
    let ready: Vec<&BundleCandidate> = candidates.iter().filter(|c| c.ready).collect();
    let waiting: Vec<&BundleCandidate> = candidates.iter().filter(|c| !c.ready).collect();
    let planned = if association.is_empty() {
        Vec::new()
    } else {
        let ids: Vec<String> = ready.iter().map(|c| c.id.clone()).collect();
        planned_codes(ws, &open.key, &association, &ids)
    };
    // Released free texts per case for the chosen association, and those that already went to
    // another association.
    let released_count = |case_id: &str| -> usize {
        ws.case(case_id)
            .map_or(0, |c| c.profile.released_count(&association))
    };
    let ticked = chosen_ids(&chosen, &candidates);
    let link_warnings = if association.is_empty() {
        Vec::new()
    } else {
        ws.link_warnings(&association, &ticked)
    };
    let association_name = |id: &str| {
        ws.offer()
            .association(id)
            .map_or_else(|| id.to_string(), |a| a.name.clone())
    };
    let label_of = |id: &str| {
        candidates
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.label.clone())
            .unwrap_or_default()
    };
    // Sending needs this vault's keys and the chosen association's confirmed key card.
    let no_keys = ws.parties().keys().is_none();
    let contact_error = if association.is_empty() {
        None
    } else {
        ws.association_contact(&association)
            .err()
            .map(|e| e.message)
    };
    let field_error = |id: &str| errors.iter().find(|(f, _)| f == id).map(|(_, m)| m.clone());
    let dossier_error = errors
        .iter()
        .find(|(f, _)| f.starts_with("dossier"))
        .map(|(_, m)| m.clone());
    let nav = |route: Route| {
        let app = app.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            navigate(&app, route.clone());
        })
    };

    let message = match &*outcome {
        Outcome::None => html! {},
        Outcome::Written(w) => html! {
            <div id="bundel-uitkomst" class="melding melding-goed" role="status" tabindex="-1">
                <h2>{ "Bundel gemaakt" }</h2>
                { match &w.download_error {
                    None => html! { <p>{ format!("De bundel voor {} is gecontroleerd, versleuteld voor {} en door u ondertekend, en gedownload als ", w.recipient, w.recipient) }<code>{ w.file_name.clone() }</code>{ ". Stuur deze envelop zelf naar de corporatie: alleen zij kan hem openen." }</p> },
                    Some(e) => html! { <p>{ format!("De bundel is gecontroleerd, versleuteld en vastgelegd in het verwerkingslog, maar: {e} Maak de bundel opnieuw om hem te downloaden.") }</p> },
                } }
                <dl class="feiten">
                    <dt>{ "Bundel-id" }</dt><dd><code class="hexcode">{ w.bundle_id.clone() }</code></dd>
                    <dt>{ "Codes" }</dt>
                    <dd><ul class="compact">
                        { for w.codes.iter().map(|(c, label)| html! { <li><span class="codelabel">{ c.clone() }</span>{ format!(" — {label}") }</li> }) }
                    </ul></dd>
                </dl>
                <p>{ "Het verwerkingslog heeft deze verstrekking vastgelegd. " }
                    <a href={Route::Verwerkingslog.path()} onclick={nav(Route::Verwerkingslog)}>{ "Naar het verwerkingslog" }</a></p>
            </div>
        },
        Outcome::Refused(list, summary) => html! {
            <Findings findings={list.clone()} summary={summary.clone()} />
        },
        Outcome::Failed(msg) => html! {
            <div id="bundel-uitkomst" class="melding melding-fout" role="alert" tabindex="-1"><p>{ msg.clone() }</p></div>
        },
    };

    html! {
        <section aria-labelledby="pagina-titel">
            <h1 id="pagina-titel">{ "Bundels" }</h1>
            <p class="inleiding">
                { "Een bundel is het enige dat Woonkans deelt: per woningcorporatie één bestand met de bemiddelingsprofielen onder een eigen code, \
                   zonder naam, adres, geboortedatum of BSN. Voor het downloaden controleert de app elk veld op herleidbare gegevens. \
                   De bundel gaat als envelop: versleuteld voor die ene corporatie en door u ondertekend." }
            </p>
            <p class="niet-printen">
                { "Antwoord van een corporatie ontvangen? " }
                <a href="#reactie-openen">{ "Een reactie openen" }</a>
                { ". Werkt u bij een woningcorporatie? " }
                <a href={Route::BundelOpenen.path()} onclick={nav(Route::BundelOpenen)}>{ "Een bundel openen" }</a>
            </p>
            { if no_keys { html! {
                <div class="melding melding-fout" id="geen-sleutels">
                    <p>{ NO_KEYS }</p>
                    <p><KeysLink /></p>
                </div>
            } } else { html! {} } }
            <ErrorSummary errors={(*errors).clone()} />
            { message }
            { if app.region().is_none() { html! {
                <p class="melding melding-fout">{ "Kies eerst uw regio (Noord- of Midden-Limburg) bovenaan de pagina: de bundel vermeldt de afzender." }</p>
            } } else { html! {} } }
            <form {onsubmit} novalidate=true>
                <SelectField id="corporatie" label="Woningcorporatie" options={options} value={(*association).clone()}
                    hint={Some(AttrValue::from("Tussen haakjes: bij hoeveel dossiers met een volledig profiel een woning van deze corporatie past."))}
                    error={field_error("corporatie")} onchange={on_association} />
                { for contact_error.iter().map(|m| html! {
                    <div class="melding melding-fout" id="corporatie-sleutel" role="status">
                        <p>{ m.clone() }</p>
                        <p><KeysLink /></p>
                    </div>
                }) }
                <fieldset id="dossiers" class={classes!("keuzelijst", dossier_error.is_some().then_some("veld-fout"))}>
                    <legend>{ "Dossiers in deze bundel" }</legend>
                    { for dossier_error.iter().map(|e| html! { <p class="foutmelding">{ e.clone() }</p> }) }
                    { if ready.is_empty() { html! {
                        <p>{ "Er is nog geen dossier met een volledig bemiddelingsprofiel en alle poorten tot en met stap 5." }</p>
                    } } else { html! {} } }
                    { for ready.iter().map(|c| {
                        let id = format!("dossier-{}", c.id);
                        let checked = chosen.contains(&c.id);
                        let onchange = {
                            let (chosen, case_id, errors) = (chosen.clone(), c.id.clone(), errors.clone());
                            Callback::from(move |e: Event| {
                                let mut next = (*chosen).clone();
                                if checked_of(&e) { next.insert(case_id.clone()); } else { next.remove(&case_id); }
                                if !next.is_empty() {
                                    errors.set(without(&errors, |f| f == "dossiers" || f.starts_with("dossier-")));
                                }
                                chosen.set(next);
                            })
                        };
                        let fits_here = !association.is_empty() && c.eligible_associations.contains(&association);
                        let code = planned.iter().find(|(id, _)| *id == c.id).map(|(_, code)| code.clone());
                        let hint_id = format!("{id}-hint");
                        html! {
                            <div class="keuze">
                                <input type="checkbox" id={id.clone()} {checked} {onchange} aria-describedby={hint_id.clone()} />
                                <label for={id.clone()}>{ c.label.clone() }</label>
                                <span id={hint_id} class="hint">
                                    { match (&code, association.is_empty()) {
                                        (_, true) => "Kies eerst een corporatie om de code te zien.".to_string(),
                                        (Some(code), false) => format!(
                                            "Code voor deze corporatie: {code}. {} {}",
                                            if fits_here { "Er is een passende woning bij deze corporatie." } else { "Geen passende woning bij deze corporatie." },
                                            released_text(released_count(&c.id)),
                                        ),
                                        (None, false) => String::new(),
                                    } }
                                </span>
                            </div>
                        }
                    }) }
                </fieldset>
                { if waiting.is_empty() { html! {} } else { html! {
                    <details class="kaart">
                        <summary>{ format!("Nog niet klaar voor een bundel ({})", waiting.len()) }</summary>
                        <ul>
                            { for waiting.iter().map(|c| html! {
                                <li>
                                    <a href={Route::Dossier(c.id.clone()).path()} onclick={nav(Route::Dossier(c.id.clone()))}>{ c.label.clone() }</a>
                                    <ul class="compact">
                                        { for c.blockers.iter().map(|b| html! { <li>{ b.clone() }</li> }) }
                                    </ul>
                                </li>
                            }) }
                        </ul>
                    </details>
                } } }
                <div class="kaart koppelen" id="koppelen">
                    <h2>{ "Kunnen corporaties profielen aan elkaar koppelen?" }</h2>
                    <p>{ "Elke corporatie krijgt voor hetzelfde dossier een eigen code. Daardoor kunnen corporaties profielen niet aan elkaar koppelen door hun codes te vergelijken. \
                          Dat is geen volledige bescherming: een vrije tekst die letterlijk in twee bundels staat, of een zeldzame combinatie van gegevens (leeftijdsgroep, zoekgebied, woonvorm), \
                          laat twee corporaties toch zien dat het om dezelfde inwoner gaat." }</p>
                    <p>{ "Daarom gaat een vrije tekst alleen mee als u hem in het bemiddelingsprofiel hebt vrijgegeven, voor alle corporaties of alleen voor de corporaties die u aanvinkt. \
                          Geef elke corporatie alleen de tekst die zij nodig heeft. De vaste velden van het profiel gaan altijd mee." }</p>
                    { if link_warnings.is_empty() { html! {} } else { html! {
                        <div class="melding" id="koppel-waarschuwing" role="status">
                            <p><strong>{ "Let op: deze vrije teksten gingen al naar een andere corporatie." }</strong>
                                { " Als u ze ook naar deze corporatie stuurt, kunnen de twee corporaties hun profielen van deze inwoner aan elkaar koppelen. \
                                   U kunt de bundel toch maken, of eerst in het profiel de vrijgave beperken met 'Alleen voor'." }</p>
                            <ul>
                                { for link_warnings.iter().map(|w| html! {
                                    <li>{ format!("{}: {}, al gestuurd naar {}.",
                                        label_of(&w.case_id), w.label,
                                        w.already_sent_to.iter().map(|a| association_name(a)).collect::<Vec<_>>().join(", ")) }</li>
                                }) }
                            </ul>
                        </div>
                    } } }
                </div>
                <div class="kaart">
                    <h2>{ "Wat gaat er in de bundel" }</h2>
                    <p>{ format!("Per dossier: de acht categorieën van het bemiddelingsprofiel met niveau (en de toelichting als u die hebt vrijgegeven), zoekgebied, woonvorm, huurverleden, contractvorm, ondersteuning, terugvalplan, veiligheidsplan, huishoudgrootte, leeftijdsgroep, inkomensgroep, maximale huur en de passende woningen van de corporatie. Datum: {}.", vocab::date(today)) }</p>
                    <p>{ "Grondslag: Wet maatschappelijke ondersteuning (stap 5 van het verwerkingsregister). De verstrekking wordt vastgelegd in het verwerkingslog." }</p>
                </div>
                <button class="knop" type="submit" disabled={contact_error.is_some()}
                    aria-describedby={contact_error.is_some().then_some("corporatie-sleutel")}>{ "Controleren en downloaden" }</button>
            </form>
            <ReplyOpen />
        </section>
    }
}

/// The form's messages without those of the fields `fixed` names.
fn without(errors: &[(String, String)], fixed: impl Fn(&str) -> bool) -> Vec<(String, String)> {
    errors.iter().filter(|(f, _)| !fixed(f)).cloned().collect()
}
