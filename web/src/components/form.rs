//! Form building blocks in the NL Design System manner: a label above every field, the hint
//! under the label, the error above the input (announced), and an error summary at the top of the
//! form with links to the fields.

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The value of the input, select or textarea that fired `e`.
pub fn value_of(e: &Event) -> String {
    let Some(target) = e.target() else {
        return String::new();
    };
    if let Some(i) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        return i.value();
    }
    if let Some(s) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        return s.value();
    }
    if let Some(t) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return t.value();
    }
    String::new()
}

pub fn checked_of(e: &Event) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|i| i.checked())
}

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub value: AttrValue,
    #[prop_or_default]
    pub error: Option<String>,
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    #[prop_or_default]
    pub required: bool,
    /// Called with the new value when the field is left or Enter is pressed.
    #[prop_or_default]
    pub onchange: Callback<String>,
    /// Called on every keystroke, for fields that react while typing.
    #[prop_or_default]
    pub oninput: Option<Callback<String>>,
    #[prop_or_default]
    pub multiline: bool,
}

#[function_component(TextField)]
pub fn text_field(p: &TextFieldProps) -> Html {
    let hint_id = format!("{}-hint", p.id);
    let error_id = format!("{}-fout", p.id);
    let described = match (&p.hint, &p.error) {
        (Some(_), Some(_)) => Some(format!("{hint_id} {error_id}")),
        (Some(_), None) => Some(hint_id.clone()),
        (None, Some(_)) => Some(error_id.clone()),
        (None, None) => None,
    };
    let onchange = {
        let cb = p.onchange.clone();
        Callback::from(move |e: Event| cb.emit(value_of(&e)))
    };
    let oninput = p.oninput.clone().map(|cb| {
        Callback::from(move |e: InputEvent| {
            let e: Event = e.into();
            cb.emit(value_of(&e))
        })
    });
    let invalid = p.error.is_some().then_some("true");
    let input = if p.multiline {
        html! {
            <textarea id={p.id.clone()} name={p.id.clone()} rows="4" value={p.value.clone()}
                aria-describedby={described.clone()} aria-invalid={invalid}
                required={p.required} {onchange} {oninput} />
        }
    } else {
        html! {
            <input id={p.id.clone()} name={p.id.clone()} type={p.kind.clone()} value={p.value.clone()}
                autocomplete={p.autocomplete.clone()}
                aria-describedby={described} aria-invalid={invalid}
                required={p.required} {onchange} {oninput} />
        }
    };
    html! {
        <div class={classes!("veld", p.error.is_some().then_some("veld-fout"))}>
            <label for={p.id.clone()}>{ p.label.clone() }</label>
            { for p.hint.iter().map(|h| html! { <span id={hint_id.clone()} class="hint">{ h.clone() }</span> }) }
            { for p.error.iter().map(|e| html! { <span id={error_id.clone()} class="foutmelding">{ e.clone() }</span> }) }
            { input }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    /// (value, label) pairs; an empty value is the "kies" placeholder.
    pub options: Vec<(String, String)>,
    #[prop_or_default]
    pub value: String,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub error: Option<String>,
    #[prop_or_default]
    pub onchange: Callback<String>,
}

#[function_component(SelectField)]
pub fn select_field(p: &SelectFieldProps) -> Html {
    let onchange = {
        let cb = p.onchange.clone();
        Callback::from(move |e: Event| cb.emit(value_of(&e)))
    };
    let hint_id = format!("{}-hint", p.id);
    html! {
        <div class={classes!("veld", p.error.is_some().then_some("veld-fout"))}>
            <label for={p.id.clone()}>{ p.label.clone() }</label>
            { for p.hint.iter().map(|h| html! { <span id={hint_id.clone()} class="hint">{ h.clone() }</span> }) }
            { for p.error.iter().map(|e| html! { <span class="foutmelding">{ e.clone() }</span> }) }
            <select id={p.id.clone()} name={p.id.clone()} {onchange}
                aria-describedby={p.hint.as_ref().map(|_| hint_id.clone())}>
                { for p.options.iter().map(|(v, l)| html! {
                    <option value={v.clone()} selected={*v == p.value}>{ l.clone() }</option>
                }) }
            </select>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ErrorSummaryProps {
    /// (field id, message) pairs.
    pub errors: Vec<(String, String)>,
    /// Unique per page: two forms with errors at once must not share element ids.
    #[prop_or(AttrValue::Static("foutsamenvatting"))]
    pub id: AttrValue,
}

/// The error summary at the top of a form; each message links to its field.
#[function_component(ErrorSummary)]
pub fn error_summary(p: &ErrorSummaryProps) -> Html {
    if p.errors.is_empty() {
        return html! {};
    }
    let title_id = format!("{}-titel", p.id);
    html! {
        <div id={p.id.clone()} class="foutsamenvatting" role="alert" aria-labelledby={title_id.clone()} tabindex="-1">
            <h2 id={title_id}>{ "Er is iets niet in orde" }</h2>
            <ul>
                { for p.errors.iter().map(|(field, msg)| html! {
                    <li><a href={format!("#{field}")}>{ msg.clone() }</a></li>
                }) }
            </ul>
        </div>
    }
}
