//! The document checklist of step 3: the four documents the Wmo consultant collects, each
//! requested, received or not applicable, with a date.

use super::fields::{ParsedField, date_text, read_date};
use super::{field_id, key};
use crate::browser;
use crate::components::form::value_of;
use crate::state::{change, use_app};
use woonkans_core::dossier::{DocumentKind, DocumentStatus};
use woonkans_core::routeplanner::case_to_edit;
use woonkans_core::vocab::Dutch;
use yew::prelude::*;

const STATUSES: [DocumentStatus; 3] = [
    DocumentStatus::Requested,
    DocumentStatus::Received,
    DocumentStatus::NotApplicable,
];

/// The field-path segment the core's validation uses for a document.
pub fn path_key(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::LandlordStatement => "verhuurdersverklaring",
        DocumentKind::BrpExtract => "brpUittreksel",
        DocumentKind::IncomeStatement => "inkomensverklaring",
        DocumentKind::BewindvoeringRuling => "beschikkingBewindvoering",
    }
}

#[derive(Properties, PartialEq)]
pub struct DocumentsProps {
    pub id: AttrValue,
    pub open: bool,
    /// (element id, message) of the step's visible errors.
    pub errors: Vec<(String, String)>,
}

#[function_component(Documents)]
pub fn documents(p: &DocumentsProps) -> Html {
    let app = use_app();
    let Some(case) = app.workspace().and_then(|ws| ws.case(&p.id).ok()) else {
        return html! {};
    };
    let checklist = &case.dossier.documents;
    let error_at = |path: String| {
        let id = field_id(&path);
        p.errors
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, m)| m.clone())
    };
    html! {
        <fieldset class="kaal" disabled={!p.open}>
            <table class="documenten stapel">
                <caption>{ "Documenten die de inwoner bij de Wmo-consulent inlevert" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Document" }</th>
                        <th scope="col">{ "Status" }</th>
                        <th scope="col">{ "Datum (opgevraagd of ontvangen)" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for DocumentKind::ALL.iter().map(|&kind| {
                        let entry = *checklist.get(kind);
                        let base = format!("documenten.{}", path_key(kind));
                        let status_id = field_id(&format!("{base}.status"));
                        let date_id = field_id(&format!("{base}.datum"));
                        let on_status = {
                            let app = app.clone();
                            let id = p.id.to_string();
                            Callback::from(move |e: Event| {
                                let Some(status) = super::from_key::<DocumentStatus>(&value_of(&e)) else { return };
                                let today = browser::today();
                                let _ = change(&app, |ws| {
                                    let doc = case_to_edit(ws, &id)?.dossier.documents.get_mut(kind);
                                    doc.status = status;
                                    // A status change is dated today unless a date was given.
                                    if doc.date.is_none() && status != DocumentStatus::NotApplicable {
                                        doc.date = Some(today);
                                    }
                                    Ok(())
                                });
                            })
                        };
                        let on_date = {
                            let app = app.clone();
                            let id = p.id.to_string();
                            Callback::from(move |text: String| match read_date(&text) {
                                Ok(date) => {
                                    let _ = change(&app, |ws| {
                                        case_to_edit(ws, &id)?.dossier.documents.get_mut(kind).date = date;
                                        Ok(())
                                    });
                                    None
                                }
                                Err(msg) => Some(msg),
                            })
                        };
                        let status_error = error_at(format!("{base}.status"));
                        html! {
                            <tr>
                                <th scope="row">{ kind.dutch() }</th>
                                <td data-label="Status">
                                    <div class={classes!("veld", "veld-tabel", status_error.is_some().then_some("veld-fout"))}>
                                        <label for={status_id.clone()} class="visueel-verborgen">{ format!("Status van {}", kind.dutch()) }</label>
                                        { for status_error.iter().map(|m| html! { <span class="foutmelding">{ m.clone() }</span> }) }
                                        <select id={status_id} onchange={on_status}>
                                            { for STATUSES.iter().map(|s| html! {
                                                <option value={key(s)} selected={*s == entry.status}>{ s.dutch() }</option>
                                            }) }
                                        </select>
                                    </div>
                                </td>
                                <td data-label="Datum">
                                    <ParsedField id={date_id} label={format!("Datum bij {}", kind.dutch())} class="veld-tabel label-verborgen"
                                        inputmode="numeric" value={date_text(entry.date)}
                                        error={error_at(format!("{base}.datum"))} apply={on_date} />
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </fieldset>
    }
}
