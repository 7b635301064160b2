//! The link to "Sleutels en adresboek" that the envelope screens show beside a missing key or
//! card. Moves within the app (no reload, which would lock the vault) and records the address.

use crate::route::Route;
use crate::state::{Action, use_app};
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// The address of the page with the own keys and the contact book.
pub const SLEUTELS: &str = "/sleutels";

#[derive(Properties, PartialEq)]
pub struct KeysLinkProps {
    #[prop_or(AttrValue::Static("Naar Sleutels en adresboek"))]
    pub label: AttrValue,
}

#[function_component(KeysLink)]
pub fn keys_link(p: &KeysLinkProps) -> Html {
    let app = use_app();
    let onclick = Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(SLEUTELS));
        }
        app.dispatch(Action::Navigate(Route::from_path(SLEUTELS)));
    });
    html! { <a href={SLEUTELS} {onclick}>{ p.label.clone() }</a> }
}
