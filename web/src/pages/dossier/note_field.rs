//! A profile note with the scanner running as you type: every finding (the resident's name, a
//! BSN, a phone number, a health term…) is marked in a copy of the text under the field, with a
//! one-click replacement by its placeholder ("[BSN]") and "Alles vervangen". The scanner and
//! the replacement are the core's (`Workspace::scan_text`, `scan::redact`). A character outside
//! the outgoing whitelist is named with its position while typing (`text::outgoing_text`), and
//! with a `release` key the field carries its "Vrijgeven voor bundels" control.

use super::release::ReleaseControl;
use crate::components::form::value_of;
use crate::state::use_app;
use woonkans_core::scan::{Finding, redact};
use woonkans_core::text::outgoing_text;
use woonkans_core::vocab::{self, Dutch};
use woonkans_views::dossier_form::segments;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MarkedProps {
    pub text: AttrValue,
    pub findings: Vec<Finding>,
}

/// The text with `<mark>` around each finding and its kind.
#[function_component(Marked)]
pub fn marked(p: &MarkedProps) -> Html {
    html! {
        <>
            { for segments(&p.text, &p.findings).into_iter().map(|s| match s.finding {
                None => html! { { s.text.to_string() } },
                Some(f) => html! {
                    <mark class="vondst">{ s.text.to_string() }<span class="vondst-soort">{ vocab::finding_tag(f.kind) }</span></mark>
                },
            }) }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct NoteFieldProps {
    /// Element id of the text field (error links point here).
    pub id: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub case_id: AttrValue,
    /// The stored text.
    pub value: AttrValue,
    /// Stores a new text.
    pub onchange: Callback<String>,
    #[prop_or(4)]
    pub rows: u32,
    /// The field key of `ProfileDraft::texts`: shows the release control for bundles.
    #[prop_or_default]
    pub release: Option<AttrValue>,
}

#[function_component(NoteField)]
pub fn note_field(p: &NoteFieldProps) -> Html {
    let app = use_app();
    let text = use_state(|| p.value.to_string());
    {
        let text = text.clone();
        use_effect_with(p.value.clone(), move |v| text.set(v.to_string()));
    }
    let findings: Vec<Finding> = app
        .workspace()
        .and_then(|ws| ws.scan_text(&p.case_id, &text).ok())
        .unwrap_or_default();
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let e: Event = e.into();
            text.set(value_of(&e));
        })
    };
    let onchange = {
        let cb = p.onchange.clone();
        let text = text.clone();
        Callback::from(move |e: Event| {
            let value = value_of(&e);
            text.set(value.clone());
            cb.emit(value)
        })
    };
    let replace = |chosen: Vec<Finding>| {
        let text = text.clone();
        let cb = p.onchange.clone();
        Callback::from(move |_: MouseEvent| {
            let clean = redact(&text, &chosen);
            text.set(clean.clone());
            cb.emit(clean);
        })
    };
    let bad = outgoing_text(&text).err();
    let hint_id = format!("{}-hint", p.id);
    let found_id = format!("{}-vondsten", p.id);
    let bad_id = format!("{}-teken", p.id);
    let described: Vec<&str> = [
        p.hint.as_ref().map(|_| hint_id.as_str()),
        (!findings.is_empty()).then_some(found_id.as_str()),
        bad.is_some().then_some(bad_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let described = (!described.is_empty()).then(|| described.join(" "));
    let invalid = !findings.is_empty() || bad.is_some();
    html! {
        <div class={classes!("veld", "notitie", invalid.then_some("veld-fout"))}>
            <label for={p.id.clone()}>{ p.label.clone() }</label>
            { for p.hint.iter().map(|h| html! { <span id={hint_id.clone()} class="hint">{ h.clone() }</span> }) }
            <textarea id={p.id.clone()} name={p.id.clone()} rows={p.rows.to_string()} value={(*text).clone()}
                aria-describedby={described} aria-invalid={invalid.then_some("true")}
                {oninput} {onchange} />
            <div id={bad_id} class="teken-melding" role="alert">
                { for bad.iter().map(|b| html! { <p class="foutmelding">{ format!("Dit teken mag niet mee: {}", b.dutch()) }</p> }) }
            </div>
            <p class="visueel-verborgen" role="status">
                { match findings.len() {
                    0 => String::new(),
                    1 => "De scanner vond 1 gegeven dat niet gedeeld mag worden.".to_string(),
                    n => format!("De scanner vond {n} gegevens die niet gedeeld mogen worden."),
                } }
            </p>
            { if findings.is_empty() { html! {} } else { html! {
                <div class="vondsten" id={found_id}>
                    <p class="foutmelding">
                        { match findings.len() {
                            1 => "Hierin staat 1 gegeven dat niet in het profiel mag:".to_string(),
                            n => format!("Hierin staan {n} gegevens die niet in het profiel mogen:"),
                        } }
                    </p>
                    <p class="notitie-voorbeeld"><Marked text={(*text).clone()} findings={findings.clone()} /></p>
                    <ul class="vondsten-lijst">
                        { for findings.iter().enumerate().map(|(i, f)| html! {
                            <li>
                                { format!("{}. {}: ", i + 1, f.kind.dutch()) }
                                <button type="button" class="knop knop-secundair knop-klein" onclick={replace(vec![*f])}>
                                    { format!("Vervang door {}", f.kind.placeholder()) }
                                </button>
                            </li>
                        }) }
                    </ul>
                    <button type="button" class="knop knop-secundair knop-klein" onclick={replace(findings.clone())}>{ "Alles vervangen" }</button>
                </div>
            } } }
            { for p.release.iter().map(|field| html! {
                <ReleaseControl case_id={p.case_id.clone()} field={field.clone()} text={(*text).clone()} findings={findings.len()} />
            }) }
        </div>
    }
}
