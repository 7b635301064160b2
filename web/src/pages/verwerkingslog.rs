//! The disclosure log: every disclosure across cases, or one case's, and its CSV export. The
//! log names codes and categories only, so the table and the file are safe to show and send.

use crate::browser;
use crate::components::form::SelectField;
use crate::state::use_app;
use woonkans_core::disclosure::{DisclosureEntry, to_csv};
use woonkans_core::vocab::{self, Dutch};
use woonkans_views::bundles::case_label;
use yew::prelude::*;

#[function_component(VerwerkingslogPage)]
pub fn verwerkingslog_page() -> Html {
    let app = use_app();
    let filter = use_state(String::new);
    let status = use_state(|| None::<Result<String, String>>);
    let Some(ws) = app.workspace() else {
        return html! {};
    };
    // A filter on a case that no longer exists falls back to the whole log.
    let case = (!filter.is_empty())
        .then(|| ws.case(&filter).ok())
        .flatten();
    let entries: &[DisclosureEntry] = match case {
        Some(c) => &c.log,
        None => ws.log(),
    };
    let mut options = vec![(String::new(), "Alle dossiers".to_string())];
    options.extend(ws.cases().iter().map(|c| {
        (
            c.dossier.id.clone(),
            format!(
                "{} — {}",
                case_label(c),
                woonkans_core::vocab::count(c.log.len(), "verstrekking", "verstrekkingen")
            ),
        )
    }));
    let onfilter = {
        let (filter, status) = (filter.clone(), status.clone());
        Callback::from(move |v: String| {
            filter.set(v);
            status.set(None);
        })
    };
    let export = {
        let status = status.clone();
        let csv = to_csv(entries);
        Callback::from(move |_: MouseEvent| {
            // No personal data in the name: the log holds codes, not people, and so does the file.
            let name = format!("woonkans-verwerkingslog-{}.csv", browser::today().iso());
            status.set(Some(
                browser::download(&name, csv.as_bytes(), "text/csv;charset=utf-8").map(|()| name),
            ));
        })
    };
    let caption = match case {
        Some(c) => format!("Verstrekkingen uit {} ({})", case_label(c), entries.len()),
        None => format!("Alle verstrekkingen ({})", entries.len()),
    };

    html! {
        <section aria-labelledby="pagina-titel">
            <h1 id="pagina-titel">{ "Verwerkingslog" }</h1>
            <p class="inleiding">
                { "Wat is wanneer met wie gedeeld, op welke grondslag. Het log bevat codes en categorieën, nooit namen of een BSN; \
                   elk dossier bewaart ook zijn eigen deel." }
            </p>
            <SelectField id="log-dossier" label="Dossier" options={options} value={(*filter).clone()}
                hint={Some(AttrValue::from("Toon het hele log of alleen de verstrekkingen uit één dossier."))}
                onchange={onfilter} />
            { if entries.is_empty() {
                html! { <p class="melding">{ "Er is nog niets gedeeld." }</p> }
            } else { html! {
                <div class="tabel-schuif">
                    <table class="logtabel">
                        <caption>{ caption }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ "Datum en tijd" }</th>
                                <th scope="col">{ "Stap" }</th>
                                <th scope="col">{ "Ontvanger" }</th>
                                <th scope="col">{ "Categorieën" }</th>
                                <th scope="col">{ "Grondslag" }</th>
                                <th scope="col">{ "Bundel-id" }</th>
                                <th scope="col">{ "Codes" }</th>
                                <th scope="col">{ "Soort" }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for entries.iter().rev().map(|e| html! {
                                <tr>
                                    <td>{ vocab::datetime(&e.at) }</td>
                                    <td>{ e.step }</td>
                                    <td>{ if e.recipient_name.is_empty() { e.recipient_id.clone() } else { e.recipient_name.clone() } }</td>
                                    <td>{ e.categories.join(", ") }</td>
                                    <td>{ e.grondslag.clone() }</td>
                                    <td><code class="hexcode">{ e.bundle_id.clone() }</code></td>
                                    <td>
                                        <ul class="compact kaal">
                                            { for e.codes.iter().map(|c| html! { <li><span class="codelabel">{ c.clone() }</span></li> }) }
                                        </ul>
                                    </td>
                                    <td>{ e.kind.dutch() }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            } } }
            <button class="knop" type="button" onclick={export}>{ "Exporteren als CSV" }</button>
            { match &*status {
                None => html! {},
                Some(Ok(name)) => html! {
                    <p class="melding melding-goed" role="status">{ "Het log is gedownload als " }<code>{ name.clone() }</code>{ "." }</p>
                },
                Some(Err(msg)) => html! { <p class="melding melding-fout" role="alert">{ msg.clone() }</p> },
            } }
        </section>
    }
}
