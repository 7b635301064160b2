//! Opening a received bundle: the housing association's side. A bundle comes as an envelope
//! sealed to one association's key, so it opens only in that association's vault, with keys of
//! the role "woningcorporatie" (made on "Sleutels en adresboek"). The core checks the envelope
//! (sealed to this vault, signed by a confirmed coordinator, unchanged) and keeps the bundle, so
//! it can be answered later; the page lists every bundle received and, for the one shown, makes
//! the reply: per code one answer from a fixed list, sealed to the coordinator who sent it.

use crate::browser;
use crate::components::files::{FilePick, use_file_pick};
use crate::components::form::{ErrorSummary, SelectField, TextField};
use crate::components::vault_gate::VaultGate;
use crate::pages::bundels::keys_link::KeysLink;
use crate::state::{Session, try_change, use_app};
use std::rc::Rc;
use woonkans_core::bundle::VerifiedBundle;
use woonkans_core::envelope;
use woonkans_core::vocab;
use woonkans_views::bundles::readable_profile;
use woonkans_views::envelopes::{
    NO_KEYS, REPLY_FORM, ReplyRow, answer_options, association_side_blocker, inbox_rows,
    reason_options, reply_answers, sender_line,
};
use yew::prelude::*;

#[function_component(BundelOpenenPage)]
pub fn bundel_openen_page() -> Html {
    let app = use_app();
    let body = match &app.session {
        Session::Checking => html! { <p class="melding">{ "Bezig met laden…" }</p> },
        // The vault's own screen, with its own heading, after a word on why it is needed.
        Session::Absent | Session::Locked => {
            return html! {
                <>
                    <div class="melding smal" id="kluis-nodig">
                        <p><strong>{ "Bundel openen. " }</strong>
                            { "Een bundel is versleuteld voor één woningcorporatie en gaat alleen open in de kluis van die corporatie, met haar sleutels. \
                               Maak of ontgrendel hieronder uw kluis. Heeft de kluis nog geen sleutels, maak die dan bij ‘Sleutels en adresboek’ en stuur uw sleutelkaart naar de regisseur." }</p>
                    </div>
                    <VaultGate />
                </>
            };
        }
        Session::Open(open) => {
            let parties = open.ws.parties();
            match (parties.keys(), association_side_blocker(parties)) {
                (None, _) => html! {
                    <div class="melding melding-fout" id="geen-sleutels">
                        <p>{ NO_KEYS }</p>
                        <p>{ "Een woningcorporatie maakt sleutels met de rol ‘Woningcorporatie’ en stuurt haar sleutelkaart naar de regisseur; daarna kan de regisseur bundels voor haar versleutelen." }</p>
                        <p><KeysLink /></p>
                    </div>
                },
                (Some(_), Some(msg)) => html! {
                    <div class="melding" id="andere-rol">
                        <p>{ msg }</p>
                        <p>{ "Als regisseur ziet u op de pagina Bundels en in het verwerkingslog wat u stuurde." }</p>
                        <p><KeysLink /></p>
                    </div>
                },
                (Some(_), None) => html! { <Received /> },
            }
        }
    };
    html! {
        <section aria-labelledby="pagina-titel">
            <h1 id="pagina-titel">{ "Bundel openen" }</h1>
            <p class="inleiding">
                { "Open een gecodeerde profielbundel die u van de ketenregisseur of procesregisseur hebt ontvangen, en geef per profiel uw reactie. \
                   De envelop wordt hier geopend en gecontroleerd, niet verstuurd: de bundel blijft in uw kluis op dit apparaat." }
            </p>
            { body }
        </section>
    }
}

/// The bundle shown: who signed it, its contents, when it was answered.
type Shown = Option<(String, Rc<VerifiedBundle>, Option<String>)>;

const FAILED_ID: &str = "bundel-fout";
const OPENED_ID: &str = "bundel-geopend";

/// The association's bundles: open a new envelope, the list of those received, the one shown.
#[function_component(Received)]
fn received() -> Html {
    let app = use_app();
    let selected = use_state(|| None::<String>);
    let failure = use_state(|| None::<String>);
    let reading = use_state(|| false);
    // Bumped when an opened file's outcome is known: the outcome takes the focus.
    let attempt = use_state(|| 0u32);
    {
        let failed = failure.is_some();
        use_effect_with(*attempt, move |attempt| {
            if *attempt > 0 {
                browser::focus(if failed { FAILED_ID } else { OPENED_ID });
            }
        });
    }
    // The bundle shown, parsed again only when the envelope or the vault changes (an afmelding
    // takes profiles out of a kept bundle).
    let shown: Rc<Shown> = {
        let app = app.clone();
        use_memo(((*selected).clone(), app.revision), move |(id, _)| {
            let ws = app.workspace()?;
            let b = ws
                .parties()
                .inbox()
                .iter()
                .find(|b| Some(&b.envelope_id) == id.as_ref())?;
            let verified = b.bundle().ok()?;
            Some((sender_line(b), Rc::new(verified), b.replied.clone()))
        })
    };

    let open_file = {
        let (app, selected, failure, reading, attempt) = (
            app.clone(),
            selected.clone(),
            failure.clone(),
            reading.clone(),
            attempt.clone(),
        );
        Callback::from(move |file: web_sys::File| {
            reading.set(true);
            let (app, selected, failure, reading, attempt) = (
                app.clone(),
                selected.clone(),
                failure.clone(),
                reading.clone(),
                attempt.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let opened = match browser::read_file(file, envelope::MAX_BYTES).await {
                    Err(msg) => Err(msg),
                    Ok(bytes) => {
                        let at = browser::now_iso();
                        try_change(&app, |ws| {
                            let i = ws.open_bundle(&bytes, &at)?;
                            Ok::<_, woonkans_core::Error>(
                                ws.parties().inbox()[i].envelope_id.clone(),
                            )
                        })
                        .map_err(|e| e.message)
                    }
                };
                reading.set(false);
                match opened {
                    Ok(id) => {
                        failure.set(None);
                        selected.set(Some(id));
                    }
                    Err(msg) => {
                        selected.set(None);
                        failure.set(Some(msg));
                    }
                }
                attempt.set(*attempt + 1);
            });
        })
    };
    let FilePick {
        onchange,
        ondragover,
        ondragleave,
        ondrop,
        dragging,
    } = use_file_pick(open_file.clone());
    let Some(ws) = app.workspace() else {
        return html! {};
    };
    let rows = inbox_rows(ws.parties());

    let status = if *reading {
        html! { <p class="melding" role="status">{ "Envelop wordt geopend en gecontroleerd…" }</p> }
    } else if let Some(msg) = &*failure {
        html! {
            <div id={FAILED_ID} class="melding melding-fout" role="alert" tabindex="-1">
                <h2>{ "Deze bundel is niet geopend" }</h2>
                <p>{ msg.clone() }</p>
            </div>
        }
    } else {
        html! {}
    };

    let current = match &*shown {
        Some((sender, bundle, replied)) => {
            let envelope_id = (*selected).clone().unwrap_or_default();
            let form_key = envelope_id.clone();
            html! {
                <div id={OPENED_ID} tabindex="-1">
                    <p class="melding melding-goed afzender" role="status"><strong>{ sender.clone() }</strong></p>
                    <BundleView bundle={bundle.clone()} />
                    <ReplyForm key={form_key} {envelope_id} bundle={bundle.clone()} replied={replied.clone()} />
                </div>
            }
        }
        None => html! {},
    };

    html! {
        <>
            <div class={classes!("sleepvak", "niet-printen", dragging.then_some("sleepvak-actief"))}
                {ondragover} {ondragleave} {ondrop}>
                <div class="veld">
                    <label for="bundelbestand">{ "Kies een bundel-envelop (.envelop.json)" }</label>
                    <span id="bundelbestand-hint" class="hint">{ "Of sleep het bestand naar dit vak." }</span>
                    <input id="bundelbestand" type="file" accept=".json,application/json"
                        aria-describedby="bundelbestand-hint" {onchange} />
                </div>
            </div>
            <div aria-live="polite">{ status }</div>
            { if rows.is_empty() { html! {} } else { html! {
                <section class="kaart niet-printen" aria-labelledby="ontvangen-titel">
                    <h2 id="ontvangen-titel">{ format!("Ontvangen bundels ({})", rows.len()) }</h2>
                    <table class="ontvangen-bundels">
                        <caption class="visueel-verborgen">{ "Bundels die deze kluis opende, de nieuwste eerst" }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ "Van" }</th>
                                <th scope="col">{ "Geopend op" }</th>
                                <th scope="col">{ "Profielen" }</th>
                                <th scope="col">{ "Reactie" }</th>
                                <th scope="col"><span class="visueel-verborgen">{ "Tonen" }</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            { for rows.iter().map(|r| {
                                let is_shown = selected.as_deref() == Some(r.envelope_id.as_str());
                                let onclick = {
                                    let (selected, failure, id) = (selected.clone(), failure.clone(), r.envelope_id.clone());
                                    Callback::from(move |_: MouseEvent| {
                                        failure.set(None);
                                        selected.set(Some(id.clone()));
                                    })
                                };
                                html! {
                                    <tr>
                                        <td>{ r.organisation.clone() }</td>
                                        <td>{ r.received.clone() }</td>
                                        <td>{ r.profiles }</td>
                                        <td>{ r.reply.clone() }</td>
                                        <td>
                                            { if is_shown { html! { <span>{ "Wordt getoond" }</span> } } else { html! {
                                                <button type="button" class="knop-link" {onclick}
                                                    aria-label={format!("Bundel van {} geopend op {} tonen", r.organisation, r.received)}>{ "Tonen" }</button>
                                            } } }
                                        </td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </section>
            } } }
            { current }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ReplyFormProps {
    envelope_id: String,
    bundle: Rc<VerifiedBundle>,
    /// When a reply to this bundle was made before.
    replied: Option<String>,
}

const MADE_ID: &str = "reactie-gemaakt";
const ERRORS_ID: &str = "reactie-fouten";

/// The association's reply: per code one choice, a dwelling with an offer, a reason without.
#[function_component(ReplyForm)]
fn reply_form(p: &ReplyFormProps) -> Html {
    let app = use_app();
    let rows = {
        let bundle = p.bundle.clone();
        use_state(move || {
            bundle
                .profiles
                .iter()
                .map(|bp| ReplyRow {
                    code: bp.code.to_string(),
                    ..ReplyRow::default()
                })
                .collect::<Vec<_>>()
        })
    };
    let errors = use_state(Vec::<(String, String)>::new);
    // Ok((file name, download error)) or a refusal that belongs to no one code.
    let outcome = use_state(|| None::<Result<(String, Option<String>), String>>);
    let attempt = use_state(|| 0u32);
    {
        let has_errors = !errors.is_empty();
        use_effect_with(*attempt, move |attempt| {
            if *attempt > 0 {
                browser::focus(if has_errors { ERRORS_ID } else { MADE_ID });
            }
        });
    }
    // Element id of a code's row: the codes hold characters an id selector would need escaped.
    let row_id = |code: &str| {
        rows.iter()
            .position(|r| r.code == code)
            .map_or_else(|| "reactie-0".to_string(), |i| format!("reactie-{i}"))
    };
    let summary: Vec<(String, String)> = errors
        .iter()
        .map(|(field, msg)| {
            let at = if field == REPLY_FORM {
                "reactie-0".to_string()
            } else {
                row_id(field)
            };
            (at, msg.clone())
        })
        .collect();
    let update = |i: usize, f: fn(&mut ReplyRow, String)| {
        let (rows, errors, outcome) = (rows.clone(), errors.clone(), outcome.clone());
        Callback::from(move |v: String| {
            let mut next = (*rows).clone();
            let Some(row) = next.get_mut(i) else {
                return;
            };
            f(row, v);
            let code = row.code.clone();
            // A message goes as soon as its row changes.
            errors.set(
                errors
                    .iter()
                    .filter(|(field, _)| *field != code && field != REPLY_FORM)
                    .cloned()
                    .collect(),
            );
            outcome.set(None);
            rows.set(next);
        })
    };
    let onsubmit = {
        let (app, rows, errors, outcome, attempt) = (
            app.clone(),
            rows.clone(),
            errors.clone(),
            outcome.clone(),
            attempt.clone(),
        );
        let envelope_id = p.envelope_id.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            attempt.set(*attempt + 1);
            let answers = match reply_answers(&rows) {
                Ok(a) => a,
                Err(found) => {
                    errors.set(found);
                    outcome.set(None);
                    return;
                }
            };
            let reply_id = browser::random_bytes::<16>();
            let random = browser::random_bytes::<32>();
            let today = browser::today();
            let at = browser::now_iso();
            match try_change(&app, |ws| {
                ws.seal_reply(&envelope_id, answers, reply_id, random, today, &at)
            }) {
                Ok(file) => {
                    let download_error =
                        browser::download(&file.file_name, &file.bytes, "application/json").err();
                    errors.set(Vec::new());
                    outcome.set(Some(Ok((file.file_name, download_error))));
                }
                Err(e) => match e.field.filter(|f| rows.iter().any(|r| r.code == *f)) {
                    Some(code) => {
                        errors.set(vec![(code, e.message)]);
                        outcome.set(None);
                    }
                    None => {
                        errors.set(Vec::new());
                        outcome.set(Some(Err(e.message)));
                    }
                },
            }
        })
    };

    let made = match &*outcome {
        None => html! {},
        Some(Ok((name, None))) => html! {
            <div id={MADE_ID} class="melding melding-goed" role="status" tabindex="-1">
                <h3>{ "Reactie gemaakt" }</h3>
                <p>{ "De reactie is versleuteld voor de regisseur, door u ondertekend en gedownload als " }<code>{ name.clone() }</code>
                    { ". Stuur dit bestand zelf naar de regisseur." }</p>
            </div>
        },
        Some(Ok((_, Some(e)))) => html! {
            <div id={MADE_ID} class="melding melding-fout" role="alert" tabindex="-1">
                <p>{ format!("De reactie is gemaakt, maar: {e} Maak de reactie opnieuw om hem te downloaden.") }</p>
            </div>
        },
        Some(Err(msg)) => html! {
            <div id={MADE_ID} class="melding melding-fout" role="alert" tabindex="-1">
                <h3>{ "Geen reactie gemaakt" }</h3>
                <p>{ msg.clone() }</p>
            </div>
        },
    };
    let reasons = reason_options();

    html! {
        <form class="kaart reactie-formulier niet-printen" aria-labelledby="reactie-titel" {onsubmit} novalidate=true>
            <h2 id="reactie-titel">{ "Reactie aan de regisseur" }</h2>
            <p>{ "Geef per code uw antwoord: interesse, een aangeboden woning of geen passend aanbod met de reden. \
                  De reactie bevat alleen de codes en deze keuzes, geen vrije tekst, en gaat versleuteld naar de regisseur die de bundel stuurde. \
                  Een code zonder antwoord blijft buiten de reactie." }</p>
            { for p.replied.iter().map(|at| html! {
                <p class="melding">{ format!("U maakte al een reactie op deze bundel op {}. Een nieuwe reactie vervangt voor de regisseur de antwoorden per code.", vocab::datetime(at)) }</p>
            }) }
            <ErrorSummary id={ERRORS_ID} errors={summary} />
            { for rows.iter().enumerate().map(|(i, row)| {
                let id = format!("reactie-{i}");
                let error = errors.iter().find(|(f, _)| *f == row.code).map(|(_, m)| m.clone());
                let error_id = format!("{id}-fout");
                let matches: Vec<String> = p.bundle.profiles.get(i)
                    .map(|bp| bp.matches.iter().map(|m| m.dwelling_id.clone()).collect())
                    .unwrap_or_default();
                let choose = update(i, |r, v| r.choice = v);
                html! {
                    <fieldset id={id.clone()} class={classes!("keuzegroep", "reactie-code", error.is_some().then_some("veld-fout"))}
                        aria-describedby={error.as_ref().map(|_| error_id.clone())}>
                        <legend>{ "Antwoord voor profiel " }<span class="codelabel">{ row.code.clone() }</span></legend>
                        { for error.iter().map(|e| html! { <p id={error_id.clone()} class="foutmelding">{ e.clone() }</p> }) }
                        { for answer_options().into_iter().map(|(value, label)| {
                            let input_id = format!("{id}-{}", if value.is_empty() { "geen" } else { value.as_str() });
                            let checked = row.choice == value;
                            let onchange = {
                                let (choose, value) = (choose.clone(), value.clone());
                                Callback::from(move |_: Event| choose.emit(value.clone()))
                            };
                            html! {
                                <div class="keuzegroep-optie">
                                    <input type="radio" id={input_id.clone()} name={format!("{id}-keuze")} value={value.clone()} {checked} {onchange} />
                                    <label for={input_id}>{ label }</label>
                                </div>
                            }
                        }) }
                        { if row.choice == "dwellingOffered" { html! {
                            <TextField id={format!("{id}-woning")} label="Nummer van de aangeboden woning"
                                hint={Some(AttrValue::from(if matches.is_empty() {
                                    "Zoals het in uw aanbod staat.".to_string()
                                } else {
                                    format!("Zoals het in uw aanbod staat. Passend volgens de bundel: {}.", matches.join(", "))
                                }))}
                                value={row.dwelling.clone()}
                                onchange={update(i, |r, v| r.dwelling = v)} oninput={Some(update(i, |r, v| r.dwelling = v))} />
                        } } else { html! {} } }
                        { if row.choice == "noOffer" { html! {
                            <SelectField id={format!("{id}-reden")} label="Reden" options={reasons.clone()}
                                value={row.reason.clone()} onchange={update(i, |r, v| r.reason = v)} />
                        } } else { html! {} } }
                    </fieldset>
                }
            }) }
            <div aria-live="polite">{ made }</div>
            <button class="knop" type="submit">{ "Reactie maken" }</button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
pub struct BundleViewProps {
    pub bundle: Rc<VerifiedBundle>,
}

/// A verified bundle in readable Dutch.
#[function_component(BundleView)]
pub fn bundle_view(p: &BundleViewProps) -> Html {
    let b = &p.bundle;
    let count = b.profiles.len();
    html! {
        <div class="bundel">
            <div class="melding melding-goed" role="status">
                <p><strong>{ "De bundel is echt en onveranderd." }</strong>
                    { " De envelop is met de sleutel van uw kluis geopend; het formaat, de versie en de controle (SHA-256) kloppen." }</p>
            </div>
            <h2>{ "Over deze bundel" }</h2>
            <dl class="feiten">
                <dt>{ "Afzender" }</dt>
                <dd>{ format!("{}, {}", b.sender.role, b.sender.region_name) }</dd>
                <dt>{ "Ontvanger" }</dt>
                <dd>{ format!("{} ({})", b.recipient.name, b.recipient.id) }</dd>
                <dt>{ "Datum" }</dt>
                <dd>{ vocab::date(b.date) }</dd>
                <dt>{ "Bundel-id" }</dt>
                <dd><code class="hexcode">{ b.bundle_id.clone() }</code></dd>
                <dt>{ "Controle (SHA-256)" }</dt>
                <dd>{ "Klopt " }<code class="hexcode">{ b.digest.clone() }</code></dd>
                <dt>{ "Profielen" }</dt>
                <dd>{ count }</dd>
            </dl>
            { for b.profiles.iter().enumerate().map(|(i, bp)| {
                let readable = readable_profile(&bp.profile);
                let code = bp.code.to_string();
                let heading_id = format!("profiel-{i}");
                html! {
                    <article class="kaart profiel" aria-labelledby={heading_id.clone()}>
                        <h3 id={heading_id}>{ "Profiel " }<span class="codelabel">{ code.clone() }</span></h3>
                        <table class="profiel-categorieen">
                            <caption>{ format!("Categorieën van profiel {code}") }</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{ "Categorie" }</th>
                                    <th scope="col">{ "Niveau of waarde" }</th>
                                    <th scope="col">{ "Toelichting" }</th>
                                </tr>
                            </thead>
                            <tbody>
                                { for readable.categories.iter().map(|c| html! {
                                    <tr>
                                        <th scope="row">{ c.category }</th>
                                        <td>{ c.value.clone() }</td>
                                        <td>{ c.note.clone().unwrap_or_default() }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                        <h4>{ "Wensen en afspraken" }</h4>
                        <dl class="feiten">
                            { for readable.facts.iter().map(|l| html! {
                                <>
                                    <dt>{ l.label }</dt>
                                    <dd>{ l.value.clone() }</dd>
                                </>
                            }) }
                        </dl>
                        { match &readable.relapse_plan {
                            None => html! {},
                            Some(plan) => html! {
                                <>
                                    <h4>{ "Terugvalplan: wie doet wat als het misgaat" }</h4>
                                    <p><strong>{ "Signalen: " }</strong>{ plan.signals.clone() }</p>
                                    <ul class="compact">
                                        { for plan.agreements.iter().map(|(party, action)| html! {
                                            <li><strong>{ format!("{party}: ") }</strong>{ action.clone() }</li>
                                        }) }
                                    </ul>
                                </>
                            },
                        } }
                        <h4>{ "Passende woningen van deze corporatie" }</h4>
                        { if bp.matches.is_empty() {
                            html! { <p>{ "Geen passende woning in het aanbod op de datum van de bundel." }</p> }
                        } else {
                            html! {
                                <table class="profiel-matches">
                                    <caption class="visueel-verborgen">{ format!("Passende woningen voor profiel {code}") }</caption>
                                    <thead>
                                        <tr>
                                            <th scope="col">{ "Woning" }</th>
                                            <th scope="col">{ "Score (0-100)" }</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        { for bp.matches.iter().map(|m| html! {
                                            <tr><td>{ m.dwelling_id.clone() }</td><td>{ m.score }</td></tr>
                                        }) }
                                    </tbody>
                                </table>
                            }
                        } }
                    </article>
                }
            }) }
        </div>
    }
}
