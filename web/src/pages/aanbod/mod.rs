//! Aanbod & criteria: the housing associations with their Woonkans criteria, their dwellings,
//! import (JSON and spreadsheet CSV, with a merge the coordinator confirms), export, and the
//! settings the matcher uses (rent limits, score weights).
//!
//! Every decision (validation, merging, formatting) is made in `woonkans_views::offer_admin`;
//! these components render it and dispatch the change.

mod associations;
mod dwellings;
mod export;
mod import;
mod settings;

use crate::state::use_app;
use woonkans_views::offer_admin::FieldError;
use yew::prelude::*;

#[function_component(AanbodPage)]
pub fn aanbod_page() -> Html {
    let app = use_app();
    let Some(ws) = app.workspace() else {
        return html! {};
    };
    let examples = ws.offer().associations.iter().filter(|a| a.example).count();
    html! {
        <section aria-labelledby="pagina-titel" class="aanbod">
            <h1 id="pagina-titel">{ "Aanbod & criteria" }</h1>
            <p class="inleiding">
                { "De woningcorporaties met hun Woonkans-criteria en hun woningen. De matching leest alleen dit aanbod en het gecodeerde profiel." }
            </p>
            <nav class="paginamenu" aria-label="Op deze pagina">
                <ul>
                    <li><a href="#corporaties">{ "Corporaties" }</a></li>
                    <li><a href="#woningen">{ "Woningen" }</a></li>
                    <li><a href="#importeren">{ "Importeren" }</a></li>
                    <li><a href="#exporteren">{ "Exporteren" }</a></li>
                    <li><a href="#instellingen">{ "Instellingen" }</a></li>
                </ul>
            </nav>
            <p>
                { format!("Geladen: {} corporaties en {} woningen.", ws.offer().associations.len(), ws.offer().dwellings.len()) }
            </p>
            if examples > 0 {
                <p class="melding">
                    { format!("{} het label ‘voorbeeld’: die en hun woningen zijn verzonnen, zodat de app meteen werkt. Importeer het echte aanbod onder ‘Importeren’.", if examples == 1 { "1 corporatie draagt".to_string() } else { format!("{examples} corporaties dragen") }) }
                </p>
            }
            <associations::Associations />
            <dwellings::Dwellings />
            <import::Import />
            <export::Export />
            <settings::Settings />
        </section>
    }
}

/// Error-summary entries for form errors: each links to its field (`{prefix}-{key}`), or to
/// `first` when the error names no field.
pub(crate) fn summary(errors: &[FieldError], prefix: &str, first: &str) -> Vec<(String, String)> {
    errors
        .iter()
        .map(|e| {
            let id = if e.field.is_empty() {
                first.to_string()
            } else {
                format!("{prefix}-{}", e.field)
            };
            (id, e.message.clone())
        })
        .collect()
}

/// The message for one field, if any.
pub(crate) fn error_for(errors: &[FieldError], key: &str) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == key)
        .map(|e| e.message.clone())
}

#[derive(Properties, PartialEq)]
pub struct CheckFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub checked: bool,
    #[prop_or_default]
    pub onchange: Callback<bool>,
}

/// A checkbox with its label after it.
#[function_component(CheckField)]
pub fn check_field(p: &CheckFieldProps) -> Html {
    let onchange = {
        let cb = p.onchange.clone();
        Callback::from(move |e: Event| cb.emit(crate::components::form::checked_of(&e)))
    };
    html! {
        <div class="veld-vink">
            <input type="checkbox" id={p.id.clone()} name={p.id.clone()} checked={p.checked} {onchange} />
            <label for={p.id.clone()}>{ p.label.clone() }</label>
        </div>
    }
}
