//! The first screens: make the vault on first start, unlock it later, restore a backup, or wipe.

use crate::components::form::{ErrorSummary, TextField};
use crate::route::Route;
use crate::session;
use crate::state::{Action, Session, navigate, use_app, wiped};
use crate::vault::{self, passphrase_strength};
use std::rc::Rc;
use woonkans_core::vaultfile;
use yew::prelude::*;

#[function_component(VaultGate)]
pub fn vault_gate() -> Html {
    let app = use_app();
    match app.session {
        Session::Absent => html! { <CreateVault /> },
        _ => html! { <UnlockVault /> },
    }
}

#[function_component(CreateVault)]
fn create_vault() -> Html {
    let app = use_app();
    let pass = use_state(String::new);
    let confirm = use_state(String::new);
    let errors = use_state(Vec::<(String, String)>::new);
    let busy = use_state(|| false);
    let strength = passphrase_strength(&pass);
    let onsubmit = {
        let (pass, confirm, errors, busy, app) = (
            pass.clone(),
            confirm.clone(),
            errors.clone(),
            busy.clone(),
            app.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut found = Vec::new();
            if !passphrase_strength(&pass).acceptable {
                found.push((
                    "wachtwoord".to_string(),
                    "Kies een sterker wachtwoord: minstens 12 tekens, geen bekend woord."
                        .to_string(),
                ));
            }
            if *pass != *confirm {
                found.push((
                    "wachtwoord-herhaal".to_string(),
                    "De twee wachtwoorden zijn niet gelijk.".to_string(),
                ));
            }
            errors.set(found.clone());
            if !found.is_empty() || *busy {
                return;
            }
            busy.set(true);
            let (pass, errors, busy, app) =
                ((*pass).clone(), errors.clone(), busy.clone(), app.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match session::create(&pass).await {
                    Ok(open) => app.dispatch(Action::Opened(Box::new(open))),
                    Err(e) => {
                        errors.set(vec![("wachtwoord".into(), e.to_string())]);
                        busy.set(false);
                    }
                }
            });
        })
    };
    let field_error = |id: &str| errors.iter().find(|(f, _)| f == id).map(|(_, m)| m.clone());
    html! {
        <section aria-labelledby="pagina-titel" class="smal">
            <h1 id="pagina-titel">{ "Welkom bij Woonkans" }</h1>
            <p class="inleiding">{ "Woonkans bewaart alle gegevens alleen in deze browser, versleuteld met een wachtwoord dat u nu kiest. \
                Zonder dit wachtwoord kan niemand de gegevens lezen, ook u niet: bewaar het goed en maak regelmatig een back-up." }</p>
            <ErrorSummary errors={(*errors).clone()} />
            <form {onsubmit} novalidate=true>
                <TextField id="wachtwoord" label="Wachtwoord voor de kluis" kind="password" autocomplete="new-password"
                    hint={AttrValue::from(format!("Sterkte {} van 4: {}", strength.score, strength.hint))}
                    value={(*pass).clone()} error={field_error("wachtwoord")}
                    oninput={{ let pass = pass.clone(); Callback::from(move |v| pass.set(v)) }} />
                <TextField id="wachtwoord-herhaal" label="Herhaal het wachtwoord" kind="password" autocomplete="new-password"
                    value={(*confirm).clone()} error={field_error("wachtwoord-herhaal")}
                    oninput={{ let confirm = confirm.clone(); Callback::from(move |v| confirm.set(v)) }} />
                <button class="knop" type="submit" disabled={*busy}>
                    { if *busy { "Kluis wordt gemaakt…" } else { "Kluis aanmaken" } }
                </button>
            </form>
            <OtherActions />
        </section>
    }
}

#[function_component(UnlockVault)]
fn unlock_vault() -> Html {
    let app = use_app();
    let pass = use_state(String::new);
    let error = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let onsubmit = {
        let (pass, error, busy, app) = (pass.clone(), error.clone(), busy.clone(), app.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            busy.set(true);
            let (p, error, busy, app) = ((*pass).clone(), error.clone(), busy.clone(), app.clone());
            pass.set(String::new());
            wasm_bindgen_futures::spawn_local(async move {
                match session::unlock(&p).await {
                    Ok(open) => app.dispatch(Action::Opened(Box::new(open))),
                    Err(e) => {
                        error.set(Some(e.to_string()));
                        busy.set(false);
                    }
                }
            });
        })
    };
    let errors: Vec<(String, String)> = error
        .iter()
        .map(|m| ("wachtwoord".to_string(), m.clone()))
        .collect();
    html! {
        <section aria-labelledby="pagina-titel" class="smal">
            <h1 id="pagina-titel">{ "Kluis ontgrendelen" }</h1>
            <p class="inleiding">{ "De gegevens in deze browser zijn versleuteld. Vul uw wachtwoord in om verder te werken." }</p>
            <ErrorSummary {errors} />
            <form {onsubmit}>
                <TextField id="wachtwoord" label="Wachtwoord" kind="password" autocomplete="current-password"
                    value={(*pass).clone()} error={(*error).clone()}
                    oninput={{ let pass = pass.clone(); Callback::from(move |v| pass.set(v)) }} />
                <button class="knop" type="submit" disabled={*busy}>
                    { if *busy { "Bezig met ontgrendelen…" } else { "Ontgrendelen" } }
                </button>
            </form>
            <OtherActions />
        </section>
    }
}

/// Restore a backup, wipe everything, or open a received bundle without a vault.
#[function_component(OtherActions)]
fn other_actions() -> Html {
    let app = use_app();
    let message = use_state(|| None::<(bool, String)>);
    let backup = use_state(|| None::<Rc<Vec<u8>>>);
    let pass = use_state(String::new);
    let confirm_wipe = use_state(|| false);
    let onfile = {
        let (backup, message) = (backup.clone(), message.clone());
        Callback::from(move |e: Event| {
            let Some(file) = crate::components::files::first_file(&e) else {
                return;
            };
            let (backup, message) = (backup.clone(), message.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match crate::browser::read_file(file, vaultfile::MAX_BACKUP_BYTES).await {
                    Ok(bytes) => backup.set(Some(Rc::new(bytes))),
                    Err(e) => message.set(Some((false, e))),
                }
            });
        })
    };
    let restore = {
        let (backup, pass, message, app) =
            (backup.clone(), pass.clone(), message.clone(), app.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(file) = (*backup).clone() else {
                message.set(Some((false, "Kies eerst een back-upbestand.".into())));
                return;
            };
            let (p, message, app) = ((*pass).clone(), message.clone(), app.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match vault::import_backup(&file, &p).await {
                    Ok(v) => match session::from_vault(v).await {
                        Ok(open) => app.dispatch(Action::Opened(Box::new(open))),
                        Err(e) => message.set(Some((false, e.to_string()))),
                    },
                    Err(e) => message.set(Some((false, e.to_string()))),
                }
            });
        })
    };
    let wipe = {
        let (confirm_wipe, app) = (confirm_wipe.clone(), app.clone());
        Callback::from(move |_| {
            if *confirm_wipe {
                vault::wipe();
                wiped(&app);
                confirm_wipe.set(false);
            } else {
                confirm_wipe.set(true);
            }
        })
    };
    let open_bundle = {
        let app = app.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            navigate(&app, Route::BundelOpenen);
        })
    };
    html! {
        <>
            <h2>{ "Back-up terugzetten" }</h2>
            <p>{ "Een back-up is versleuteld met het wachtwoord van toen hij gemaakt werd. Terugzetten vervangt wat nu in deze browser staat." }</p>
            { for message.iter().map(|(ok, m)| html! {
                <p class={classes!("melding", if *ok { "melding-goed" } else { "melding-fout" })} role="status">{ m.clone() }</p>
            }) }
            <form onsubmit={restore}>
                <div class="veld">
                    <label for="backup-bestand">{ "Back-upbestand" }</label>
                    <input id="backup-bestand" type="file" accept=".json,application/json" onchange={onfile} />
                </div>
                <TextField id="backup-wachtwoord" label="Wachtwoord van de back-up" kind="password" autocomplete="off"
                    value={(*pass).clone()} oninput={{ let pass = pass.clone(); Callback::from(move |v| pass.set(v)) }} />
                <button class="knop knop-secundair" type="submit">{ "Back-up terugzetten" }</button>
            </form>
            <h2>{ "Een ontvangen bundel openen" }</h2>
            <p>{ "Voor woningcorporaties: een bundel van de regisseur opent u in uw eigen kluis, met de sleutels van uw corporatie. Maak of ontgrendel eerst uw kluis." }</p>
            <p><a href={Route::BundelOpenen.path()} onclick={open_bundle}>{ "Bundel openen" }</a></p>
            { if matches!(app.session, Session::Locked) { html! {
                <>
                    <h2>{ "Alles wissen" }</h2>
                    <p>{ "Wist de kluis met alle dossiers, de sleutel en het logboek uit deze browser. Dit kan niet ongedaan worden gemaakt." }</p>
                    { if *confirm_wipe { html! { <p class="melding melding-fout" role="alert">{ "Weet u het zeker? Klik nog een keer om alles definitief te wissen." }</p> } } else { html! {} } }
                    <button class="knop knop-gevaar" type="button" onclick={wipe}>
                        { if *confirm_wipe { "Ja, wis alles definitief" } else { "Alles wissen" } }
                    </button>
                </>
            } } else { html! {} } }
        </>
    }
}
