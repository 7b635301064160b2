//! The first thing a new vault needs: the party it acts for (its role) and the region. Shown
//! above every page until chosen, so it is not a small line in the header. A vault made before
//! roles that already holds cases is asked only for a region it lacks, and shows a notice instead.

use crate::components::form::{checked_of, value_of};
use crate::route::Route;
use crate::state::{change, navigate, use_app};
use woonkans_core::region::Region;
use woonkans_core::role::Role;
use woonkans_core::vocab::Dutch;
use woonkans_views::nav::{self, Missing};
use yew::prelude::*;

/// The id of the prompt; the app puts the focus on its first control.
pub const PROMPT_ID: &str = "rol-regio-vraag";

#[function_component(RolePrompt)]
pub fn role_prompt() -> Html {
    let app = use_app();
    let role = use_state(String::new);
    let region = use_state(|| {
        app.region()
            .map(|r| r.key().to_string())
            .unwrap_or_default()
    });
    let refused = use_state(|| None::<Missing>);
    {
        // A refused answer moves the focus to the question it is about.
        let field = refused.as_ref().map(|m| m.field);
        use_effect_with(field, |field| match field {
            Some("rol") => crate::browser::focus(&nav::role_input_id(Role::ALL[0])),
            Some(_) => crate::browser::focus("regio-eerste-keuze"),
            None => {}
        });
    }
    let Some(ws) = app.workspace() else {
        return html! {};
    };
    let Some(prompt) = nav::prompt(ws) else {
        return html! {};
    };
    let on_role = {
        let role = role.clone();
        Callback::from(move |e: Event| {
            if checked_of(&e) {
                role.set(value_of(&e));
            }
        })
    };
    let on_region = {
        let region = region.clone();
        Callback::from(move |e: Event| region.set(value_of(&e)))
    };
    let onsubmit = {
        let app = app.clone();
        let role = role.clone();
        let region = region.clone();
        let refused = refused.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match nav::parse_choice(prompt, &role, &region) {
                Err(missing) => refused.set(Some(missing)),
                Ok((chosen_role, chosen_region)) => {
                    refused.set(None);
                    let done = change(&app, |ws| {
                        if let Some(r) = chosen_role {
                            ws.choose_role(r)?;
                        }
                        if let Some(r) = chosen_region {
                            ws.set_region(Some(r));
                        }
                        Ok(())
                    });
                    // A page that is not for the role chosen gives way to the role's start.
                    if done.is_ok() && !app.route.allowed(chosen_role) {
                        navigate(&app, Route::start(chosen_role));
                    }
                }
            }
        })
    };
    let error_for = |field: &str| refused.as_ref().filter(|m| m.field == field);
    let role_error = error_for("rol");
    let region_error = error_for("regio");
    let core_error = app
        .error
        .as_ref()
        .filter(|e| e.field.as_deref() == Some("rol"));
    let title = if prompt.role {
        "Kies eerst de rol en de regio van deze kluis"
    } else {
        "Kies eerst uw regio"
    };
    let button = if prompt.role {
        "Rol en regio vastleggen"
    } else {
        "Regio vastleggen"
    };
    html! {
        <section id={PROMPT_ID} class="melding rol-regio-vraag" aria-labelledby="rol-regio-titel">
            <p id="rol-regio-titel"><strong>{ title }</strong></p>
            <form {onsubmit}>
                { if prompt.role { html! {
                    <fieldset id="rol-keuze" class={classes!("keuzegroep", role_error.is_some().then_some("veld-fout"))}
                        aria-describedby="rol-uitleg">
                        <legend>{ "Voor welke partij werkt u?" }</legend>
                        <span id="rol-uitleg" class="hint">{ "Een kluis hoort bij één partij. De rol bepaalt welke gegevens deze kluis bewaart en welke pagina's u ziet; daarna ligt hij vast." }</span>
                        { for role_error.map(|m| html! {
                            <p id="rol-fout" class="foutmelding" role="alert">{ m.message }</p>
                        }) }
                        { for Role::ALL.iter().map(|&r| {
                            let key = nav::role_key(r);
                            let id = nav::role_input_id(r);
                            let hint = format!("{id}-uitleg");
                            html! {
                                <div class="rol-optie">
                                    <input type="radio" name="rol" id={id.clone()} value={key.clone()}
                                        checked={*role == key} onchange={on_role.clone()}
                                        aria-describedby={hint.clone()} />
                                    <label for={id}>{ r.dutch() }</label>
                                    <span id={hint} class="hint">{ r.description() }</span>
                                </div>
                            }
                        }) }
                    </fieldset>
                } } else { html! {} } }
                { if prompt.region { html! {
                    <div class={classes!("veld", region_error.is_some().then_some("veld-fout"))}>
                        <label for="regio-eerste-keuze">{ "Uw regio" }</label>
                        <span id="regio-eerste-keuze-uitleg" class="hint">
                            { "De regio bepaalt welke corporaties en gemeenten u ziet, en of de regisseur " }
                            { Region::ALL.iter().map(|r| format!("{} ({})", r.role().name(), r.name())).collect::<Vec<_>>().join(" of ") }
                            { " heet." }
                        </span>
                        { for region_error.map(|m| html! {
                            <p id="regio-fout" class="foutmelding" role="alert">{ m.message }</p>
                        }) }
                        <select id="regio-eerste-keuze" onchange={on_region}
                            aria-describedby="regio-eerste-keuze-uitleg">
                            <option value="" selected={region.is_empty()} disabled=true>{ "Kies een regio" }</option>
                            { for Region::ALL.iter().map(|r| html! {
                                <option value={r.key()} selected={*region == r.key()}>{ r.name() }</option>
                            }) }
                        </select>
                    </div>
                } } else { html! {} } }
                { for core_error.map(|e| html! {
                    <p class="foutmelding" role="alert">{ e.message.clone() }</p>
                }) }
                <button type="submit" class="knop">{ button }</button>
            </form>
        </section>
    }
}

/// The notice of a vault made before roles that still holds every step's data.
#[function_component(RoleNotice)]
pub fn role_notice() -> Html {
    let app = use_app();
    let to_split = {
        let app = app.clone();
        Callback::from(move |e: MouseEvent| {
            if !(e.ctrl_key() || e.meta_key() || e.shift_key()) {
                e.prevent_default();
                crate::state::navigate(&app, crate::route::Route::Splitsen);
            }
        })
    };
    match app.workspace().and_then(nav::notice) {
        Some(text) => html! {
            <p class="melding rol-melding">{ text }{ " " }
                <a href={crate::route::Route::Splitsen.path()} onclick={to_split}>{ "Kluis splitsen" }</a></p>
        },
        None => html! {},
    }
}
