//! A printable document on a page: while it is shown, printing the page (its button or the
//! browser's own Ctrl+P) prints this document alone, without the rest of the page. The style
//! sheet's print rules hide every element that neither is the document, lies in it, nor holds
//! it (`body[data-afdruk]` in `style.css`).

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PrintableProps {
    /// The document's id, for its print button's `aria-controls` and for tests.
    pub id: AttrValue,
    /// The print button's text.
    pub button: AttrValue,
    pub children: Html,
}

/// Counts the printable documents on the page in the body's `data-afdruk`, so the print rule
/// stays on until the last one goes (two can be shown at once, e.g. a just-opened hand-over
/// and one looked at again).
fn count_documents(delta: i32) {
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    let now = body
        .get_attribute("data-afdruk")
        .and_then(|v| v.parse::<i32>().ok())
        .unwrap_or(0)
        + delta;
    let _ = if now > 0 {
        body.set_attribute("data-afdruk", &now.to_string())
    } else {
        body.remove_attribute("data-afdruk")
    };
}

#[function_component(Printable)]
pub fn printable(p: &PrintableProps) -> Html {
    use_effect_with((), |()| {
        count_documents(1);
        || count_documents(-1)
    });
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    html! {
        <div class="afdruk-doel" id={p.id.clone()}>
            { p.children.clone() }
            <button type="button" class="knop knop-secundair" aria-controls={p.id.clone()} onclick={print}>
                { p.button.clone() }
            </button>
        </div>
    }
}
