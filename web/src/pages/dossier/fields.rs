//! Form fields of the dossier pages beyond the shared `TextField`/`SelectField`: a text field
//! whose value must be read first (a date, an amount, a number), radio groups, a checkbox and
//! the gemeente select. Same manner as `components::form`: label above, hint, error, input.

use crate::components::form::{checked_of, value_of};
use woonkans_core::date::Date;
use woonkans_core::region::Region;
use woonkans_core::vocab;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ParsedFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// The stored value as text.
    pub value: AttrValue,
    /// A validation message about the stored value.
    #[prop_or_default]
    pub error: Option<String>,
    /// Reads and stores the typed text; returns a Dutch message when it cannot be read.
    pub apply: Callback<String, Option<String>>,
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    #[prop_or_default]
    pub class: Classes,
}

/// A text field for a value that must be read before it is stored. Text that cannot be read
/// stays in the field with its message; nothing is stored then.
#[function_component(ParsedField)]
pub fn parsed_field(p: &ParsedFieldProps) -> Html {
    let text = use_state(|| p.value.to_string());
    let unreadable = use_state(|| None::<String>);
    {
        // Follow the stored value when it changes (canonical form, another screen).
        let text = text.clone();
        let unreadable = unreadable.clone();
        use_effect_with(p.value.clone(), move |v| {
            text.set(v.to_string());
            unreadable.set(None);
        });
    }
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let e: Event = e.into();
            text.set(value_of(&e));
        })
    };
    let onchange = {
        let apply = p.apply.clone();
        let unreadable = unreadable.clone();
        let text = text.clone();
        Callback::from(move |e: Event| {
            // The field may have changed without input events (autofill, a cleared field).
            let value = value_of(&e);
            text.set(value.clone());
            unreadable.set(apply.emit(value));
        })
    };
    let error = (*unreadable).clone().or_else(|| p.error.clone());
    let hint_id = format!("{}-hint", p.id);
    let error_id = format!("{}-fout", p.id);
    let described: Vec<&str> = [
        p.hint.as_ref().map(|_| hint_id.as_str()),
        error.as_ref().map(|_| error_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let described = (!described.is_empty()).then(|| described.join(" "));
    html! {
        <div class={classes!("veld", error.is_some().then_some("veld-fout"), p.class.clone())}>
            <label for={p.id.clone()}>{ p.label.clone() }</label>
            { for p.hint.iter().map(|h| html! { <span id={hint_id.clone()} class="hint">{ h.clone() }</span> }) }
            { for error.iter().map(|e| html! { <span id={error_id.clone()} class="foutmelding">{ e.clone() }</span> }) }
            <input id={p.id.clone()} name={p.id.clone()} type="text" value={(*text).clone()}
                inputmode={p.inputmode.clone()} autocomplete={p.autocomplete.clone()}
                aria-describedby={described} aria-invalid={error.is_some().then_some("true")}
                {oninput} {onchange} />
        </div>
    }
}

/// "28-11-2026", or "" for no date.
pub fn date_text(d: Option<Date>) -> String {
    d.map(vocab::date).unwrap_or_default()
}

/// Reads a typed date: empty is no date.
pub fn read_date(text: &str) -> Result<Option<Date>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    Date::parse(text).map(Some).map_err(|e| e.message)
}

#[derive(Properties, PartialEq)]
pub struct ChoiceProps {
    /// The fieldset id (error links point here) and the radios' name.
    pub id: AttrValue,
    pub legend: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// (value, label) pairs.
    pub options: Vec<(String, String)>,
    pub value: String,
    #[prop_or_default]
    pub error: Option<String>,
    pub onchange: Callback<String>,
    /// Options side by side (short answers such as ja/nee).
    #[prop_or_default]
    pub inline: bool,
}

/// A radio group in a fieldset.
#[function_component(Choice)]
pub fn choice(p: &ChoiceProps) -> Html {
    let hint_id = format!("{}-hint", p.id);
    html! {
        <fieldset id={p.id.clone()} class={classes!("keuzegroep", p.inline.then_some("keuzegroep-naast"), p.error.is_some().then_some("veld-fout"))}
            aria-describedby={p.hint.as_ref().map(|_| hint_id.clone())}>
            <legend>{ p.legend.clone() }</legend>
            { for p.hint.iter().map(|h| html! { <span id={hint_id.clone()} class="hint">{ h.clone() }</span> }) }
            { for p.error.iter().map(|e| html! { <span class="foutmelding">{ e.clone() }</span> }) }
            { for p.options.iter().map(|(value, label)| {
                let input_id = format!("{}-{}", p.id, value);
                let onchange = {
                    let cb = p.onchange.clone();
                    let value = value.clone();
                    Callback::from(move |e: Event| if checked_of(&e) { cb.emit(value.clone()) })
                };
                html! {
                    <div class="keuzegroep-optie">
                        <input type="radio" id={input_id.clone()} name={p.id.clone()} value={value.clone()}
                            checked={*value == p.value} {onchange} />
                        <label for={input_id}>{ label.clone() }</label>
                    </div>
                }
            }) }
        </fieldset>
    }
}

/// "ja" / "nee" / "" for a yes-no question that may be unanswered.
pub fn yes_no_key(v: Option<bool>) -> String {
    match v {
        Some(true) => "ja".into(),
        Some(false) => "nee".into(),
        None => "onbekend".into(),
    }
}

pub fn read_yes_no(key: &str) -> Option<bool> {
    match key {
        "ja" => Some(true),
        "nee" => Some(false),
        _ => None,
    }
}

pub fn yes_no_options(with_unknown: bool) -> Vec<(String, String)> {
    let mut o = vec![
        ("ja".to_string(), "Ja".to_string()),
        ("nee".to_string(), "Nee".to_string()),
    ];
    if with_unknown {
        o.push(("onbekend".to_string(), "Nog niet bekend".to_string()));
    }
    o
}

#[derive(Properties, PartialEq)]
pub struct CheckboxProps {
    pub id: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub checked: bool,
    #[prop_or_default]
    pub error: Option<String>,
    pub onchange: Callback<bool>,
}

#[function_component(Checkbox)]
pub fn checkbox(p: &CheckboxProps) -> Html {
    let onchange = {
        let cb = p.onchange.clone();
        Callback::from(move |e: Event| cb.emit(checked_of(&e)))
    };
    let hint_id = format!("{}-hint", p.id);
    html! {
        <div class={classes!("veld", "vinkje", p.error.is_some().then_some("veld-fout"))}>
            { for p.error.iter().map(|e| html! { <span class="foutmelding">{ e.clone() }</span> }) }
            <div class="vinkje-regel">
                <input type="checkbox" id={p.id.clone()} name={p.id.clone()} checked={p.checked} {onchange}
                    aria-describedby={p.hint.as_ref().map(|_| hint_id.clone())} />
                <label for={p.id.clone()}>{ p.label.clone() }</label>
            </div>
            { for p.hint.iter().map(|h| html! { <span id={hint_id.clone()} class="hint">{ h.clone() }</span> }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct GemeenteSelectProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: String,
    #[prop_or_default]
    pub error: Option<String>,
    pub onchange: Callback<String>,
}

/// The fifteen participating gemeenten, grouped by region.
#[function_component(GemeenteSelect)]
pub fn gemeente_select(p: &GemeenteSelectProps) -> Html {
    let onchange = {
        let cb = p.onchange.clone();
        Callback::from(move |e: Event| cb.emit(value_of(&e)))
    };
    let known = woonkans_core::region::canonical_gemeente(&p.value);
    html! {
        <div class={classes!("veld", p.error.is_some().then_some("veld-fout"))}>
            <label for={p.id.clone()}>{ p.label.clone() }</label>
            { for p.error.iter().map(|e| html! { <span class="foutmelding">{ e.clone() }</span> }) }
            <select id={p.id.clone()} name={p.id.clone()} {onchange}>
                <option value="" selected={p.value.trim().is_empty()}>{ "Kies een gemeente" }</option>
                { for Region::ALL.iter().map(|r| html! {
                    <optgroup label={r.name()}>
                        { for r.gemeenten().iter().map(|g| html! {
                            <option value={*g} selected={known == Some(*g)}>{ *g }</option>
                        }) }
                    </optgroup>
                }) }
                { if known.is_none() && !p.value.trim().is_empty() { html! {
                    <option value={p.value.clone()} selected=true>{ format!("{} (neemt niet deel)", p.value) }</option>
                } } else { html! {} } }
            </select>
        </div>
    }
}
