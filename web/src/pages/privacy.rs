//! Privacy: the processing register (rendered from the core's data, never retyped here), the
//! resident's printable overview, the vault (backup, lock, wipe) and the code key.

use crate::browser;
use crate::components::files::first_file;
use crate::components::form::{SelectField, TextField};
use crate::components::print::Printable;
use crate::session::{self, Open};
use crate::state::{Action, try_change, use_app, wiped};
use crate::vault;
use std::rc::Rc;
use woonkans_core::code::{self, CodeKey};
use woonkans_core::register::{register, required_gates};
use woonkans_core::vocab::{self, Dutch};
use woonkans_views::bundles::case_label;
use woonkans_views::overview::{StepStatus, resident_overview};
use yew::prelude::*;

#[function_component(PrivacyPage)]
pub fn privacy_page() -> Html {
    let app = use_app();
    let open = app.open().is_some();
    html! {
        <section aria-labelledby="pagina-titel">
            <h1 id="pagina-titel" class="niet-printen">{ "Privacy" }</h1>
            <p class="inleiding niet-printen">
                { "Woonkans verwerkt per stap alleen de gegevens die die stap nodig heeft (dosering en fasering, AVG). \
                   Dit overzicht komt rechtstreeks uit het verwerkingsregister van de app: wat hier staat, dwingt de app ook af." }
            </p>
            <Register />
            <Roles />
            { if open { html! { <CoordinatorTitle /> } } else { html! {} } }
            { if open { html! {
                <>
                    <ResidentOverviewSection />
                    <VaultSection />
                    <KeySection />
                </>
            } } else { html! {} } }
        </section>
    }
}

/// Who holds which steps: the roles of the parties, this vault's own marked.
#[function_component(Roles)]
fn roles_table() -> Html {
    let app = use_app();
    let rows = woonkans_views::nav::role_rows(app.role());
    html! {
        <div class="niet-printen">
            <table class="rollentabel stapel">
                <caption>{ "Rollen: elke partij houdt alleen de gegevens van haar eigen stappen" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Rol" }</th>
                        <th scope="col">{ "Stappen" }</th>
                        <th scope="col">{ "Maakt" }</th>
                        <th scope="col">{ "Opent" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().map(|r| html! {
                        <tr class={classes!(r.own.then_some("eigen-rol"))}>
                            <th scope="row">{ r.role }
                                { if r.own { html! { <span class="label">{ " deze kluis" }</span> } } else { html! {} } }
                                <br/><span class="hint">{ r.description }</span></th>
                            <td data-label="Stappen">{ r.steps.clone() }</td>
                            <td data-label="Maakt">{ r.sends.clone() }</td>
                            <td data-label="Opent">{ r.receives.clone() }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// A coordinator's vault in Noord-Limburg says "Ketenregisseur" until the region has a
/// Procesregisseur; then the title can change here (the work stays the same role).
#[function_component(CoordinatorTitle)]
fn coordinator_title() -> Html {
    let app = use_app();
    let Some(ws) = app.workspace() else {
        return html! {};
    };
    if ws.role() != Some(woonkans_core::role::Role::Regisseur) {
        return html! {};
    }
    let onchange = {
        let app = app.clone();
        Callback::from(move |value: String| {
            let _ = try_change(&app, |ws| {
                ws.set_coordinator_title(woonkans_views::nav::title_of(&value));
                Ok::<_, woonkans_core::Error>(())
            });
        })
    };
    html! {
        <section class="kaart niet-printen" aria-labelledby="titel-regisseur">
            <h2 id="titel-regisseur">{ "Uw titel als regisseur" }</h2>
            <p>{ "In Noord-Limburg doet de Ketenregisseur voorlopig ook het werk van de Procesregisseur. \
                  Krijgt de regio een Procesregisseur, kies die titel dan hier; de kop van de app volgt." }</p>
            <SelectField id="regisseur-titel" label="Titel in deze kluis"
                options={woonkans_views::nav::title_options(ws.region().ok())}
                value={woonkans_views::nav::title_value(ws.coordinator_title()).to_string()}
                {onchange} />
        </section>
    }
}

#[function_component(Register)]
fn register_table() -> Html {
    html! {
        <div class="niet-printen">
            <table class="register stapel">
                <caption>{ "Verwerkingsregister per stap van de routeplanner" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Stap" }</th>
                        <th scope="col">{ "Wie verwerkt" }</th>
                        <th scope="col">{ "Persoonsgegevens" }</th>
                        <th scope="col">{ "Grondslag" }</th>
                        <th scope="col">{ "Doel" }</th>
                        <th scope="col">{ "Poort vooraf" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for register().iter().map(|row| html! {
                        <tr>
                            <th scope="row">{ format!("{} {}", row.step.number(), row.step.dutch()) }</th>
                            <td data-label="Wie verwerkt">{ row.processor }<br/><span class="hint">{ format!("ontvanger: {}", row.recipient.dutch()) }</span></td>
                            <td data-label="Persoonsgegevens">
                                <ul class="compact">
                                    { for row.categories.iter().map(|c| html! {
                                        <li>
                                            { c.dutch() }
                                            { if c.special_category() { html! { <span class="label">{ " bijzonder (art. 9)" }</span> } } else { html! {} } }
                                        </li>
                                    }) }
                                </ul>
                                { if row.coded { html! { <p class="label">{ "onder een unieke code, zonder direct herleidbare gegevens" }</p> } } else { html! {} } }
                            </td>
                            <td data-label="Grondslag">
                                { row.grondslag_text }
                                <ul class="compact">
                                    { for row.grondslagen.iter().map(|g| html! { <li>{ format!("{} ({})", g.dutch(), g.article()) }</li> }) }
                                </ul>
                            </td>
                            <td data-label="Doel">{ row.doel }</td>
                            <td data-label="Poort vooraf">
                                <ul class="compact">
                                    { for required_gates(row.step).iter().map(|g| html! { <li>{ g.dutch() }</li> }) }
                                </ul>
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

fn status_class(s: StepStatus) -> &'static str {
    match s {
        StepStatus::Done => "stap-afgerond",
        StepStatus::Current => "stap-huidig",
        StepStatus::NotYet => "stap-nog-niet",
    }
}

/// The resident's overview of one case, printable (regie-beginsel).
#[function_component(ResidentOverviewSection)]
fn resident_overview_section() -> Html {
    let app = use_app();
    let chosen = use_state(String::new);
    let Some(ws) = app.workspace() else {
        return html! {};
    };
    let mut options = vec![(String::new(), "Kies een dossier".to_string())];
    options.extend(
        ws.cases()
            .iter()
            .map(|c| (c.dossier.id.clone(), case_label(c))),
    );
    let onchange = {
        let chosen = chosen.clone();
        Callback::from(move |v: String| chosen.set(v))
    };
    let case = ws.case(&chosen).ok();
    let sender = woonkans_views::nav::made_by(ws);
    html! {
        <div class="overzicht-inwoner">
            <h2 id="overzicht" class="niet-printen">{ "Overzicht voor de inwoner" }</h2>
            <p class="niet-printen">
                { "Per stap: welke gegevens naar wie gaan, wanneer en waarom. Print het en geef het aan de inwoner: \
                   zo houdt de inwoner de regie over wat er met de gegevens gebeurt." }
            </p>
            <div class="niet-printen">
                <SelectField id="overzicht-dossier" label="Dossier" options={options} value={(*chosen).clone()} {onchange} />
            </div>
            { match case {
                None => html! {},
                Some(case) => {
                    let overview = resident_overview(case);
                    html! {
                        <Printable id="overzicht-document" button="Afdrukken">
                        <div class="afdruk-overzicht">
                            <h2>{ "Wat er met uw gegevens gebeurt in Woonkans" }</h2>
                            <p>{ format!("Voor: {}", case_label(case)) }<br/>
                               { format!("Gemaakt op {} door de {sender}.", vocab::date(browser::today())) }</p>
                            <p>{ "Woonkans deelt per stap alleen wat die stap nodig heeft. Woningcorporaties zien uw profiel eerst alleen onder een code, zonder uw naam, adres, geboortedatum of BSN. \
                                  Pas als u en een corporatie een match aanvaarden, krijgt die ene corporatie uw gegevens voor de huurovereenkomst." }</p>
                            { for overview.steps.iter().map(|s| html! {
                                <article class={classes!("stap-overzicht", status_class(s.status))}>
                                    <h3>{ format!("Stap {}: {}", s.number, s.name) }
                                        <span class="label">{ s.status.dutch() }</span></h3>
                                    <p>{ s.summary.clone() }</p>
                                    <dl class="feiten">
                                        <dt>{ "Wie" }</dt><dd>{ s.processor }</dd>
                                        <dt>{ "Ontvanger" }</dt><dd>{ s.recipient }</dd>
                                        <dt>{ "Welke gegevens" }</dt>
                                        <dd>
                                            { s.categories.join(", ") }
                                            { if s.coded { html! { <><br/><span class="label">{ "alleen onder een code" }</span></> } } else { html! {} } }
                                        </dd>
                                        <dt>{ "Waarom (doel)" }</dt><dd>{ s.doel }</dd>
                                        <dt>{ "Grondslag" }</dt><dd>{ s.grondslag.clone() }</dd>
                                        { if s.gates.is_empty() { html! {} } else { html! {
                                            <>
                                                <dt>{ "Eerst nodig" }</dt>
                                                <dd><ul class="compact">
                                                    { for s.gates.iter().map(|g| html! {
                                                        <li>{ g.gate }{ ": " }{ g.recorded.clone().unwrap_or_else(|| "nog niet vastgelegd".into()) }</li>
                                                    }) }
                                                </ul></dd>
                                            </>
                                        } } }
                                    </dl>
                                    { if s.disclosures.is_empty() { html! {} } else { html! {
                                        <table>
                                            <caption>{ format!("Gedeeld in stap {}", s.number) }</caption>
                                            <thead><tr>
                                                <th scope="col">{ "Wanneer" }</th>
                                                <th scope="col">{ "Aan wie" }</th>
                                                <th scope="col">{ "Wat" }</th>
                                                <th scope="col">{ "Grondslag" }</th>
                                                <th scope="col">{ "Uw code daar" }</th>
                                            </tr></thead>
                                            <tbody>
                                                { for s.disclosures.iter().map(|d| html! {
                                                    <tr>
                                                        <td>{ d.at.clone() }</td>
                                                        <td>{ d.recipient.clone() }<br/><span class="hint">{ d.kind }</span></td>
                                                        <td>{ d.categories.clone() }</td>
                                                        <td>{ d.grondslag.clone() }</td>
                                                        <td><span class="codelabel">{ d.code.clone() }</span></td>
                                                    </tr>
                                                }) }
                                            </tbody>
                                        </table>
                                    } } }
                                </article>
                            }) }
                            <p>{ "Hebt u vragen, of wilt u iets laten inzien, verbeteren of verwijderen? Neem contact op met uw Wmo-consulent of de regisseur." }</p>
                        </div>
                        </Printable>
                    }
                }
            } }
        </div>
    }
}

/// Backup, lock and wipe of the encrypted vault.
#[function_component(VaultSection)]
fn vault_section() -> Html {
    let app = use_app();
    let status = use_state(|| None::<Result<String, String>>);
    let wiping = use_state(|| false);
    let typed = use_state(String::new);
    let wipe_error = use_state(|| None::<String>);
    use_effect_with(*wiping, |open| {
        if *open {
            browser::focus("wissen-bevestiging");
        }
    });
    let Some(open) = app.open().cloned() else {
        return html! {};
    };
    let backup = {
        let (status, open) = (status.clone(), open.clone());
        Callback::from(move |_: MouseEvent| {
            let (status, open) = (status.clone(), open.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = match open.vault.export_backup().await {
                    Ok(text) => {
                        let name = format!("woonkans-backup-{}.json", browser::today().iso());
                        browser::download(&name, text.as_bytes(), "application/json")
                            .map(|()| format!("De versleutelde back-up is gedownload als {name}. U opent hem alleen met uw wachtwoord."))
                    }
                    Err(e) => Err(e.to_string()),
                };
                status.set(Some(result));
            });
        })
    };
    let lock = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::Lock))
    };
    let start_wipe = {
        let (wiping, typed, wipe_error) = (wiping.clone(), typed.clone(), wipe_error.clone());
        Callback::from(move |_: MouseEvent| {
            wiping.set(true);
            typed.set(String::new());
            wipe_error.set(None);
        })
    };
    let cancel_wipe = {
        let wiping = wiping.clone();
        Callback::from(move |_: MouseEvent| wiping.set(false))
    };
    let on_typed = {
        let typed = typed.clone();
        Callback::from(move |v: String| typed.set(v))
    };
    let confirm_wipe = {
        let (app, typed, wipe_error) = (app.clone(), typed.clone(), wipe_error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if typed.trim() != "WISSEN" {
                wipe_error.set(Some("Typ WISSEN in hoofdletters om te bevestigen.".into()));
                return;
            }
            vault::wipe();
            wiped(&app);
        })
    };
    html! {
        <div class="niet-printen">
            <h2 id="kluis">{ "Kluis" }</h2>
            <p>{ "Alle gegevens staan versleuteld in deze browser. Maak regelmatig een back-up: het bestand blijft versleuteld en opent alleen met uw wachtwoord." }</p>
            <div class="knoppen-rij">
                <button class="knop knop-secundair" type="button" onclick={backup}>{ "Back-up downloaden" }</button>
                <button class="knop knop-secundair" type="button" onclick={lock}>{ "Vergrendelen" }</button>
                <button class="knop knop-gevaar" type="button" onclick={start_wipe} aria-expanded={(*wiping).to_string()}>{ "Alles wissen" }</button>
            </div>
            { match &*status {
                None => html! {},
                Some(Ok(msg)) => html! { <p class="melding melding-goed" role="status">{ msg.clone() }</p> },
                Some(Err(msg)) => html! { <p class="melding melding-fout" role="alert">{ msg.clone() }</p> },
            } }
            { if *wiping { html! {
                <form class="kaart gevaar" onsubmit={confirm_wipe}>
                    <h3>{ "Alles wissen?" }</h3>
                    <p>{ "Dit verwijdert alle dossiers, het aanbod, het verwerkingslog en de codesleutel uit deze browser. Dit kan niet ongedaan worden gemaakt; \
                          alleen een back-up met het wachtwoord brengt de gegevens terug." }</p>
                    <TextField id="wissen-bevestiging" label="Typ WISSEN om te bevestigen" value={(*typed).clone()}
                        error={(*wipe_error).clone()} oninput={Some(on_typed)} />
                    <div class="knoppen-rij">
                        <button class="knop knop-gevaar" type="submit">{ "Definitief wissen" }</button>
                        <button class="knop knop-secundair" type="button" onclick={cancel_wipe}>{ "Annuleren" }</button>
                    </div>
                </form>
            } } else { html! {} } }
        </div>
    }
}

/// A key file read from disk, waiting for the coordinator's confirmation.
struct PendingKey(CodeKey);

/// Export and import of the code key.
#[function_component(KeySection)]
fn key_section() -> Html {
    let app = use_app();
    let status = use_state(|| None::<Result<String, String>>);
    let pending = use_state(|| None::<Rc<PendingKey>>);
    use_effect_with(pending.is_some(), |open| {
        if *open {
            browser::focus("sleutel-bevestiging");
        }
    });
    let Some(open) = app.open().cloned() else {
        return html! {};
    };
    let export = {
        let (status, open) = (status.clone(), open.clone());
        Callback::from(move |_: MouseEvent| {
            let name = format!("woonkans-sleutel-{}.json", browser::today().iso());
            let text = code::export_key(&open.key);
            status.set(Some(
                browser::download(&name, text.as_bytes(), "application/json")
                    .map(|()| format!("De sleutel is gedownload als {name}. Bewaar dit bestand even zorgvuldig als uw wachtwoord, los van de back-up.")),
            ));
        })
    };
    let onchange = {
        let (status, pending, open) = (status.clone(), pending.clone(), open.clone());
        Callback::from(move |e: Event| {
            let Some(file) = first_file(&e) else {
                return;
            };
            let (status, pending, open) = (status.clone(), pending.clone(), open.clone());
            wasm_bindgen_futures::spawn_local(async move {
                pending.set(None);
                let bytes = match browser::read_file(file, code::MAX_KEY_FILE_BYTES).await {
                    Ok(b) => b,
                    Err(msg) => return status.set(Some(Err(msg))),
                };
                match code::import_key(&String::from_utf8_lossy(&bytes)) {
                    Err(e) => status.set(Some(Err(e.message))),
                    Ok(key) if key == open.key => status.set(Some(Ok(
                        "Deze sleutel is al in gebruik; er verandert niets.".into(),
                    ))),
                    Ok(key) => {
                        status.set(None);
                        pending.set(Some(Rc::new(PendingKey(key))));
                    }
                }
            });
        })
    };
    let cancel = {
        let pending = pending.clone();
        Callback::from(move |_: MouseEvent| pending.set(None))
    };
    let confirm = {
        let (app, status, pending, open) =
            (app.clone(), status.clone(), pending.clone(), open.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(new) = (*pending).clone() else {
                return;
            };
            let (app, status, pending, open) =
                (app.clone(), status.clone(), pending.clone(), open.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let text = code::export_key(&new.0);
                match open.vault.save(session::KEY, text.as_bytes()).await {
                    Ok(()) => {
                        // From the session as it is after the save, with the changes made
                        // meanwhile (the one at render would undo them).
                        if let Some(current) = app.open() {
                            let mut next: Open = (**current).clone();
                            next.key = new.0.clone();
                            // A damaged key record is healed by this save.
                            next.damaged.retain(|r| *r != session::KEY);
                            app.dispatch(Action::Replace(Box::new(next)));
                        }
                        pending.set(None);
                        status.set(Some(Ok(
                            "De sleutel is vervangen en versleuteld opgeslagen.".into(),
                        )));
                    }
                    Err(e) => status.set(Some(Err(e.to_string()))),
                }
            });
        })
    };
    html! {
        <div class="niet-printen">
            <h2 id="sleutel">{ "Codesleutel" }</h2>
            <p>{ "Met de codesleutel maakt de app per inwoner en per corporatie een unieke code, en herkent ze die codes weer. \
                  Zonder de sleutel kan niemand een code naar een inwoner herleiden." }</p>
            <div class="knoppen-rij">
                <button class="knop knop-secundair" type="button" onclick={export}>{ "Sleutel exporteren" }</button>
            </div>
            <div class="veld">
                <label for="sleutelbestand">{ "Sleutel importeren" }</label>
                <span id="sleutelbestand-hint" class="hint">{ "Kies een eerder geëxporteerd sleutelbestand (.json). U bevestigt daarna." }</span>
                <input id="sleutelbestand" type="file" accept=".json,application/json" aria-describedby="sleutelbestand-hint" {onchange} />
            </div>
            { match &*status {
                None => html! {},
                Some(Ok(msg)) => html! { <p class="melding melding-goed" role="status">{ msg.clone() }</p> },
                Some(Err(msg)) => html! { <p class="melding melding-fout" role="alert">{ msg.clone() }</p> },
            } }
            { if pending.is_some() { html! {
                <div id="sleutel-bevestiging" class="kaart gevaar" role="alert" tabindex="-1">
                    <h3>{ "Sleutel vervangen?" }</h3>
                    <p>{ "Met een andere sleutel krijgen inwoners voortaan andere codes. Codes die al in een bundel zijn uitgegeven, blijven bij de dossiers bewaard en worden nog herkend; \
                          nieuwe bundels dragen nieuwe codes, die corporaties niet aan de oude kunnen koppelen. Doe dit alleen om uw eigen sleutel terug te zetten." }</p>
                    <div class="knoppen-rij">
                        <button class="knop knop-gevaar" type="button" onclick={confirm}>{ "Sleutel vervangen" }</button>
                        <button class="knop knop-secundair" type="button" onclick={cancel}>{ "Annuleren" }</button>
                    </div>
                </div>
            } } else { html! {} } }
        </div>
    }
}
