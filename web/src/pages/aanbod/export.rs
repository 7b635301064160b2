//! Downloading the offer as JSON and as spreadsheet CSV. The offer holds no personal data;
//! file names carry only the date.

use crate::browser;
use crate::state::use_app;
use woonkans_views::offer_admin::{ExportKind, export};
use yew::prelude::*;

#[function_component(Export)]
pub fn export_panel() -> Html {
    let app = use_app();
    let message = use_state(|| None::<Result<String, String>>);
    let download = |kind: ExportKind| {
        let (app, message) = (app.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(ws) = app.workspace() else { return };
            let file = export(ws.offer(), kind, browser::today());
            message.set(Some(
                browser::download(&file.file_name, &file.bytes, file.mime)
                    .map(|()| format!("Gedownload: {}.", file.file_name)),
            ));
        })
    };
    html! {
        <section aria-labelledby="exporteren" class="aanbod-deel">
            <h2 id="exporteren">{ "Exporteren" }</h2>
            <p>{ "Download het geladen aanbod, bijvoorbeeld om het in een spreadsheet bij te werken en weer in te lezen. Het aanbod bevat geen persoonsgegevens." }</p>
            <div class="knoppen-rij">
                <button type="button" class="knop knop-secundair" onclick={download(ExportKind::Json)}>{ "Aanbod downloaden (JSON)" }</button>
                <button type="button" class="knop knop-secundair" onclick={download(ExportKind::DwellingsCsv)}>{ "Woningen downloaden (CSV)" }</button>
                <button type="button" class="knop knop-secundair" onclick={download(ExportKind::AssociationsCsv)}>{ "Corporaties downloaden (CSV)" }</button>
            </div>
            { match &*message {
                Some(Ok(m)) => html! { <p class="melding melding-goed" role="status">{ m.clone() }</p> },
                Some(Err(m)) => html! { <p class="melding melding-fout" role="alert">{ m.clone() }</p> },
                None => html! {},
            } }
        </section>
    }
}
