use crate::components::nav::Nav;
use crate::state::{Action, use_app};
use wasm_bindgen::JsCast;
use woonkans_core::region::Region;
use yew::prelude::*;

fn region_key(r: Region) -> &'static str {
    match r {
        Region::NoordLimburg => "noord",
        Region::MiddenLimburg => "midden",
    }
}

#[function_component(Header)]
pub fn header() -> Html {
    let app = use_app();
    let onchange = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let Some(select) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            else {
                return;
            };
            let region = match select.value().as_str() {
                "noord" => Region::NoordLimburg,
                "midden" => Region::MiddenLimburg,
                _ => return,
            };
            app.dispatch(Action::SetRegion(region));
        })
    };
    let role = app
        .region
        .map(|r| r.role().name())
        .unwrap_or("kies eerst uw regio");
    html! {
        <header class="kop">
            <div class="kop-balk">
                <p class="merk"><span class="merk-logo" aria-hidden="true"></span>{ "Woonkans" }</p>
                <div class="regio">
                    <label for="regio-keuze">{ "Regio" }</label>
                    <select id="regio-keuze" {onchange}>
                        <option value="" selected={app.region.is_none()} disabled=true>{ "Kies een regio" }</option>
                        { for Region::ALL.iter().map(|r| html! {
                            <option value={region_key(*r)} selected={app.region == Some(*r)}>{ r.name() }</option>
                        }) }
                    </select>
                    <p class="rol" aria-live="polite">
                        { "Rol: " }<strong id="rol">{ role }</strong>
                    </p>
                </div>
            </div>
            <Nav />
        </header>
    }
}
