use crate::components::form::value_of;
use crate::components::nav::Nav;
use crate::state::{Action, AppContext, SaveStatus, change, use_app};
use woonkans_core::region::Region;
use yew::prelude::*;

/// Sets the vault's region from a region `<select>`; shared by the header and the first-start
/// prompt so both choose the same way.
pub fn choose_region(app: &AppContext) -> Callback<Event> {
    let app = app.clone();
    Callback::from(move |e: Event| {
        let Ok(region) = Region::parse(&value_of(&e)) else {
            return;
        };
        let _ = change(&app, |ws| {
            ws.set_region(Some(region));
            Ok(())
        });
    })
}

#[function_component(Header)]
pub fn header() -> Html {
    let app = use_app();
    let open = app.open().is_some();
    let onchange = choose_region(&app);
    let lock = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Lock))
    };
    let region = app.region();
    // The vault's role; a vault made before roles shows the region's coordinator, as before.
    let role = app
        .workspace()
        .and_then(|ws| ws.role_title())
        .or(region.map(|r| r.role().name()))
        .unwrap_or("kies eerst uw regio");
    let saved = match &app.save {
        SaveStatus::Idle => "Alles is opgeslagen".to_string(),
        SaveStatus::Pending => "Wijzigingen worden opgeslagen…".to_string(),
        SaveStatus::Saved(at) => format!("Opgeslagen om {at}"),
        SaveStatus::Failed(msg) => format!("Niet opgeslagen: {msg}"),
    };
    html! {
        <header class="kop">
            <div class="kop-balk">
                <p class="merk"><span class="merk-logo" aria-hidden="true"></span>{ "Woonkans" }</p>
                { if open { html! {
                <div class="regio">
                    <label for="regio-keuze">{ "Regio" }</label>
                    <select id="regio-keuze" {onchange}>
                        <option value="" selected={region.is_none()} disabled=true>{ "Kies een regio" }</option>
                        { for Region::ALL.iter().map(|r| html! {
                            <option value={r.key()} selected={region == Some(*r)}>{ r.name() }</option>
                        }) }
                    </select>
                    <p class="rol">{ "Rol: " }<strong id="rol">{ role }</strong></p>
                    <p id="opslag" class={classes!("opslag", matches!(app.save, SaveStatus::Failed(_)).then_some("opslag-fout"))} role="status">{ saved }</p>
                    <button class="knop knop-secundair knop-klein" type="button" onclick={lock}>{ "Vergrendelen" }</button>
                </div>
                } } else { html! {} } }
            </div>
            { if open { html! { <Nav /> } } else { html! {} } }
        </header>
    }
}
