//! "Envelop openen": any transfer this vault's role receives (an aanmelding, an overdracht, a
//! teruggave, a koppeling, huurgegevens; the last shown here, under the code the association
//! knows the resident by). The core reads the header's type and checks the
//! envelope (sealed to this vault, signed by a confirmed contact of the right role, not opened
//! before) before anything is kept; the page then shows where it landed. A refusal is shown and
//! changes nothing. Which envelopes a vault opens here is `woonkans_views::transfers::opens`.

use crate::browser;
use crate::components::files::{FilePick, use_file_pick};
use crate::components::print::Printable;
use crate::pages::bundels::keys_link::KeysLink;
use crate::route::Route;
use crate::state::{navigate, try_change, use_app};
use woonkans_core::envelope;
use woonkans_core::transfer::Received;
use woonkans_views::envelopes::NO_KEYS;
use woonkans_views::huur;
use woonkans_views::transfers::{
    OPEN_INTRO, OPEN_LABEL, OPENS_NOTHING, koppeling_opened, open_failed, open_sentence, opens,
};
use yew::prelude::*;

const FAILED_ID: &str = "envelop-fout";
const OPENED_ID: &str = "envelop-geopend";
const RECEIVED_ID: &str = "huurgegevens-ontvangen";

#[function_component(EnvelopOpenenPage)]
pub fn envelop_openen_page() -> Html {
    let app = use_app();
    let kinds = opens(app.role());
    let has_keys = app
        .workspace()
        .is_some_and(|ws| ws.parties().keys().is_some());
    let body = if kinds.is_empty() {
        html! { <p class="melding" id="opent-niets">{ OPENS_NOTHING }</p> }
    } else if !has_keys {
        html! {
            <div class="melding melding-fout" id="geen-sleutels">
                <p>{ NO_KEYS }</p>
                <p><KeysLink /></p>
            </div>
        }
    } else {
        html! { <OpenForm /> }
    };
    let intro = (!kinds.is_empty()).then(|| {
        html! {
            <>
                <p class="inleiding">{ OPEN_INTRO }</p>
                <ul class="opent">
                    { for kinds.iter().map(|&k| html! { <li>{ open_sentence(k) }</li> }) }
                </ul>
            </>
        }
    });
    let association = app.role() == Some(woonkans_core::role::Role::Woningcorporatie);
    html! {
        <section aria-labelledby="pagina-titel">
            <h1 id="pagina-titel">{ "Envelop openen" }</h1>
            { intro }
            { body }
            if association && has_keys {
                <Kept />
            }
        </section>
    }
}

/// What an association keeps from step 6: the koppelingen (which care provider supports the
/// resident of a code) and the huurgegevens, each to look at again and to erase once the lease
/// is made.
#[function_component(Kept)]
fn kept() -> Html {
    let app = use_app();
    let shown = use_state(|| None::<String>);
    let asking = use_state(|| None::<String>);
    let message = use_state(|| None::<Result<String, String>>);
    let Some(ws) = app.workspace() else {
        return html! {};
    };
    let koppelingen = huur::koppeling_rows(ws);
    let kept = huur::kept_rows(ws);
    let erase = {
        let (app, asking, shown, message) =
            (app.clone(), asking.clone(), shown.clone(), message.clone());
        Callback::from(move |code: String| {
            let at = browser::now_iso();
            let outcome = try_change(&app, |ws| ws.erase_huurgegevens(&code, &at));
            asking.set(None);
            if *shown == Some(code.clone()) {
                shown.set(None);
            }
            message.set(Some(
                outcome
                    .map(|()| huur::erased_message(&code))
                    .map_err(|e| e.message),
            ));
        })
    };
    html! {
        <section class="kaart ontvangen-stap-6" aria-labelledby="ontvangen-titel">
            <h2 id="ontvangen-titel">{ huur::RECEIVED_TITLE }</h2>
            if !koppelingen.is_empty() {
                <table class="koppelingen stapel">
                    <caption>{ huur::KOPPELINGEN_CAPTION }</caption>
                    <thead><tr>
                        <th scope="col">{ "Code" }</th>
                        <th scope="col">{ "Zorgaanbieder" }</th>
                        <th scope="col">{ "Match aanvaard" }</th>
                        <th scope="col">{ "Ontvangen" }</th>
                        <th scope="col">{ "Waarborgen" }</th>
                    </tr></thead>
                    <tbody>
                        { for koppelingen.iter().map(|k| html! {
                            <tr>
                                <td data-label="Code"><code>{ k.code.clone() }</code></td>
                                <td data-label="Zorgaanbieder">{ k.care_provider.clone() }</td>
                                <td data-label="Match aanvaard">{ k.accepted.clone() }</td>
                                <td data-label="Ontvangen">{ k.received.clone() }</td>
                                <td data-label="Waarborgen">{ k.safeguards.clone() }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
            <h3>{ huur::KEPT_CAPTION }</h3>
            <p class="hint">{ huur::ERASE_INTRO }</p>
            if kept.is_empty() {
                <p id="geen-huurgegevens">{ huur::KEPT_EMPTY }</p>
            } else {
                <table class="huurgegevens-lijst stapel">
                    <caption class="visueel-verborgen">{ huur::KEPT_CAPTION }</caption>
                    <thead><tr>
                        <th scope="col">{ "Code" }</th>
                        <th scope="col">{ "Van" }</th>
                        <th scope="col">{ "Ontvangen" }</th>
                        <th scope="col">{ "Acties" }</th>
                    </tr></thead>
                    <tbody>
                        { for kept.iter().map(|r| {
                            let code = r.code.clone();
                            let show = {
                                let (shown, code) = (shown.clone(), code.clone());
                                Callback::from(move |_: MouseEvent| shown.set(Some(code.clone())))
                            };
                            let ask = {
                                let (asking, code) = (asking.clone(), code.clone());
                                Callback::from(move |_: MouseEvent| asking.set(Some(code.clone())))
                            };
                            let confirm = {
                                let (erase, code) = (erase.clone(), code.clone());
                                Callback::from(move |_: MouseEvent| erase.emit(code.clone()))
                            };
                            let cancel = {
                                let asking = asking.clone();
                                Callback::from(move |_: MouseEvent| asking.set(None))
                            };
                            html! {
                                <tr>
                                    <td data-label="Code"><code>{ code.clone() }</code></td>
                                    <td data-label="Van">{ r.from.clone() }</td>
                                    <td data-label="Ontvangen">{ r.received.clone() }</td>
                                    <td data-label="Acties">
                                        if *asking == Some(code.clone()) {
                                            <p role="alert">{ huur::erase_question(&code) }</p>
                                            <div class="knoppen-rij">
                                                <button type="button" class="knop knop-gevaar" onclick={confirm}>{ huur::ERASE_CONFIRM }</button>
                                                <button type="button" class="knop knop-secundair" onclick={cancel}>{ huur::ERASE_CANCEL }</button>
                                            </div>
                                        } else {
                                            <div class="knoppen-rij">
                                                <button type="button" class="knop knop-secundair" onclick={show}>{ huur::SHOW }</button>
                                                <button type="button" class="knop knop-secundair" onclick={ask}>{ huur::ERASE }</button>
                                            </div>
                                        }
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            }
            { match &*message {
                Some(Ok(m)) => html! { <p class="melding melding-goed" role="status" id="gewist">{ m.clone() }</p> },
                Some(Err(m)) => html! { <p class="melding melding-fout" role="alert">{ m.clone() }</p> },
                None => html! {},
            } }
            { for (*shown).clone().map(|code| html! { <HuurgegevensOntvangen {code} id="huurgegevens-bekeken" /> }) }
        </section>
    }
}

/// What opening came to when it does not move to another page.
#[derive(Clone, PartialEq)]
enum Outcome {
    Opened(String),
    /// Huurgegevens kept under this code: an association has no dossier page to go to.
    Huurgegevens(String),
    /// The heading (naming the type the header states) and the core's message.
    Failed(String, String),
}

#[function_component(OpenForm)]
fn open_form() -> Html {
    let app = use_app();
    let outcome = use_state(|| None::<Outcome>);
    let reading = use_state(|| false);
    // Bumped when an outcome shown on this page is known: the message takes the focus.
    let attempt = use_state(|| 0u32);
    use_effect_with(*attempt, |attempt| {
        if *attempt > 0 {
            // Only one of the three is on the page.
            browser::focus(FAILED_ID);
            browser::focus(OPENED_ID);
            browser::focus(RECEIVED_ID);
        }
    });
    let open_file = {
        let (app, outcome, reading, attempt) = (
            app.clone(),
            outcome.clone(),
            reading.clone(),
            attempt.clone(),
        );
        Callback::from(move |file: web_sys::File| {
            reading.set(true);
            let (app, outcome, reading, attempt) = (
                app.clone(),
                outcome.clone(),
                reading.clone(),
                attempt.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let opened = match browser::read_file(file, envelope::MAX_BYTES).await {
                    Err(msg) => Err((open_failed(None), msg)),
                    Ok(bytes) => {
                        let heading = open_failed(envelope::kind_of(&bytes));
                        // The copy is taken now, after the read (see `try_change`).
                        let key = app.open().map(|o| o.key.clone());
                        let at = browser::now_iso();
                        try_change(&app, |ws| {
                            let received = ws.open_received(&bytes, key.as_ref(), &at)?;
                            let said = match &received {
                                Received::Koppeling(code) => Some(koppeling_opened(
                                    code,
                                    ws.parties()
                                        .koppelingen()
                                        .iter()
                                        .rev()
                                        .find(|k| &k.koppeling.code == code)
                                        .and_then(|k| k.koppeling.care_provider.as_ref())
                                        .map(|c| c.organisation.as_str()),
                                )),
                                _ => None,
                            };
                            Ok::<_, woonkans_core::Error>((received, said))
                        })
                        .map_err(|e| (heading, e.message))
                    }
                };
                reading.set(false);
                match opened {
                    // The new dossier's page takes the focus on its heading.
                    Ok((Received::Case(id), _)) => navigate(&app, Route::Dossier(id)),
                    Ok((Received::Cases(_), _)) => navigate(&app, Route::Dossiers),
                    Ok((Received::Bundle(_), _)) => navigate(&app, Route::BundelOpenen),
                    Ok((Received::Reply(_), _)) => navigate(&app, Route::Bundels),
                    Ok((Received::Huurgegevens(code), _)) => {
                        outcome.set(Some(Outcome::Huurgegevens(code)));
                        attempt.set(*attempt + 1);
                    }
                    Ok((Received::Afmelding(erasure), _)) => {
                        outcome.set(Some(Outcome::Opened(
                            woonkans_views::notices::opened_message(&erasure),
                        )));
                        attempt.set(*attempt + 1);
                    }
                    Ok((Received::Koppeling(_), said)) => {
                        outcome.set(said.map(Outcome::Opened));
                        attempt.set(*attempt + 1);
                    }
                    Err((heading, msg)) => {
                        outcome.set(Some(Outcome::Failed(heading, msg)));
                        attempt.set(*attempt + 1);
                    }
                }
            });
        })
    };
    let FilePick {
        onchange,
        ondragover,
        ondragleave,
        ondrop,
        dragging,
    } = use_file_pick(open_file);
    let status = if *reading {
        html! { <p class="melding" role="status">{ "Envelop wordt geopend en gecontroleerd…" }</p> }
    } else if let Some(Outcome::Failed(heading, msg)) = &*outcome {
        html! {
            <div id={FAILED_ID} class="melding melding-fout" role="alert" tabindex="-1">
                <h2>{ heading.clone() }</h2>
                <p>{ msg.clone() }</p>
            </div>
        }
    } else if let Some(Outcome::Huurgegevens(code)) = &*outcome {
        html! { <HuurgegevensOntvangen code={code.clone()} /> }
    } else if let Some(Outcome::Opened(msg)) = &*outcome {
        html! {
            <div id={OPENED_ID} class="melding melding-goed" role="status" tabindex="-1">
                <p>{ msg.clone() }</p>
            </div>
        }
    } else {
        html! {}
    };
    html! {
        <>
            <div class={classes!("sleepvak", "niet-printen", dragging.then_some("sleepvak-actief"))}
                {ondragover} {ondragleave} {ondrop}>
                <div class="veld">
                    <label for="envelopbestand">{ OPEN_LABEL }</label>
                    <span id="envelopbestand-hint" class="hint">{ "Of sleep het bestand naar dit vak." }</span>
                    <input id="envelopbestand" type="file" accept=".json,application/json"
                        aria-describedby="envelopbestand-hint" {onchange} />
                </div>
            </div>
            <div aria-live="polite">{ status }</div>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct HuurgegevensOntvangenProps {
    code: AttrValue,
    /// Its element id: the just-opened one keeps the id the form focuses.
    #[prop_or(AttrValue::from(RECEIVED_ID))]
    id: AttrValue,
}

/// The huurgegevens this vault keeps for one code (the latest, if a correction came in).
#[function_component(HuurgegevensOntvangen)]
fn huurgegevens_ontvangen(p: &HuurgegevensOntvangenProps) -> Html {
    let app = use_app();
    let Some(kept) = app
        .workspace()
        .and_then(|ws| ws.parties().huurgegevens_for(&p.code))
    else {
        return html! {};
    };
    html! {
        <div id={p.id.clone()} class="melding melding-goed" role="status" tabindex="-1">
            <Printable id={format!("{}-document", p.id)} button={huur::PRINT_BUTTON}>
                <h2>{ huur::received_heading(&p.code) }</h2>
                <p>{ format!("Van {}.", kept.organisation) }</p>
                <p class="alleen-printen">{ huur::PRINT_INTRO }</p>
                <dl class="gegevens">
                    { for huur::received_rows(&kept.huurgegevens).into_iter().map(|(label, value)| html! {
                        <><dt>{ label }</dt><dd>{ value }</dd></>
                    }) }
                </dl>
            </Printable>
        </div>
    }
}
