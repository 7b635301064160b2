//! The link to "Sleutels en adresboek" that the envelope screens show beside a missing key or
//! card. Moves within the app (no reload, which would lock the vault).

use crate::route::Route;
use crate::state::{navigate, use_app};
use yew::prelude::*;

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
        navigate(&app, Route::Sleutels);
    });
    html! { <a href={Route::Sleutels.path()} {onclick}>{ p.label.clone() }</a> }
}
