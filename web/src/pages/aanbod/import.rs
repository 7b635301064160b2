//! Importing an offer file: pick or drop it, read it (the core reports every bad row by line
//! and column), then choose how to merge. Nothing changes before the coordinator confirms, and a
//! refused merge leaves the loaded offer as it was.

use crate::browser;
use crate::components::files::{FilePick, use_file_pick};
use crate::state::{try_change, use_app};
use gloo::timers::future::TimeoutFuture;
use std::rc::Rc;
use woonkans_core::Error;
use woonkans_core::import::{self, CSV_KINDS, ImportKind, ImportReport};
use woonkans_core::offer::{MergeMode, MergeSummary};
use woonkans_core::vocab::Dutch;
use woonkans_views::offer_admin::{
    check_import_size, import_preview, merge_summary_lines, template_file,
};
use yew::prelude::*;

/// Bad rows listed on screen; the rest are counted.
const SHOWN_ERRORS: usize = 200;

#[derive(Clone, PartialEq)]
enum Stage {
    Idle,
    Reading,
    Read(Rc<ImportReport>),
    /// Waiting for the explicit confirmation of "Alles vervangen".
    ConfirmReplace(Rc<ImportReport>),
    Merged(MergeSummary),
    Failed(String),
}

/// Reads and parses a file, yielding to the browser first so the status message is painted.
async fn read(file: web_sys::File) -> Result<ImportReport, String> {
    let bytes = browser::read_file(file, import::MAX_BYTES).await?;
    TimeoutFuture::new(0).await;
    import::import_file(&bytes).map_err(|e| e.message)
}

#[function_component(Import)]
pub fn import_panel() -> Html {
    let app = use_app();
    let stage = use_state(|| Stage::Idle);
    let run = use_mut_ref(|| 0u32);

    let start = {
        let stage = stage.clone();
        Callback::from(move |file: web_sys::File| {
            let stage = stage.clone();
            // A newer file supersedes a file still being read.
            *run.borrow_mut() += 1;
            let this_run = *run.borrow();
            let run = run.clone();
            if let Err(e) = check_import_size(file.size()) {
                stage.set(Stage::Failed(e.message));
                return;
            }
            stage.set(Stage::Reading);
            wasm_bindgen_futures::spawn_local(async move {
                let result = read(file).await;
                if *run.borrow() != this_run {
                    return;
                }
                stage.set(match result {
                    Ok(report) => Stage::Read(Rc::new(report)),
                    Err(message) => Stage::Failed(message),
                });
            });
        })
    };
    let FilePick {
        onchange,
        ondragover,
        ondragleave,
        ondrop,
        dragging,
    } = use_file_pick(start.clone());

    let merge = |mode: MergeMode, report: Rc<ImportReport>| {
        let (app, stage) = (app.clone(), stage.clone());
        Callback::from(move |_: MouseEvent| {
            // Shown here in full (a locked vault included); the app's error area stays out of it.
            let merged = try_change(&app, |ws| ws.merge_offer(&report.offer_part, mode));
            match merged {
                Ok(summary) => stage.set(Stage::Merged(summary)),
                Err(e) => stage.set(Stage::Failed(format!(
                    "Er is niets gewijzigd. {}",
                    e.message
                ))),
            }
        })
    };
    let to = |next: Stage| {
        let stage = stage.clone();
        Callback::from(move |_: MouseEvent| stage.set(next.clone()))
    };

    let preview = {
        let report = match &*stage {
            Stage::Read(r) | Stage::ConfirmReplace(r) => Some(r.clone()),
            _ => None,
        };
        let session = app.open().map(|o| Rc::as_ptr(o) as usize);
        let app = app.clone();
        use_memo(
            (
                app.revision,
                session,
                report.as_ref().map(|r| Rc::as_ptr(r) as usize),
            ),
            move |_| {
                let ws = app.workspace()?;
                report.map(|r| import_preview(ws.offer(), &r))
            },
        )
    };

    let body = match &*stage {
        Stage::Idle => html! {},
        Stage::Reading => html! {
            <p class="melding" role="status">{ "Bezig met inlezen…" }</p>
        },
        Stage::Failed(message) => html! {
            <p class="melding melding-fout" role="alert">{ message.clone() }</p>
        },
        Stage::Merged(summary) => html! {
            <div class="melding melding-goed" role="status">
                <p><strong>{ "Het aanbod is bijgewerkt." }</strong></p>
                <ul class="compact">
                    { for merge_summary_lines(summary).into_iter().map(|l| html! { <li>{ l }</li> }) }
                </ul>
            </div>
        },
        Stage::Read(report) | Stage::ConfirmReplace(report) => {
            let confirming = matches!(&*stage, Stage::ConfirmReplace(_));
            let (add, replace) = match preview.as_ref() {
                Some(p) => (Some(p.add_and_update.clone()), Some(p.replace.clone())),
                None => (None, None),
            };
            html! {
                <div class="importverslag">
                    <div class={classes!("melding", if report.errors.is_empty() { "melding-goed" } else { "melding-fout" })} role="status">
                        <p>
                            <strong>{ format!("Ingelezen: {}.", report.kind.dutch()) }</strong>
                            { " " }
                            { match report.accepted_rows {
                                1 => "1 rij is goedgekeurd".to_string(),
                                n => format!("{n} rijen zijn goedgekeurd"),
                            } }
                            { match report.errors.len() {
                                0 => "; er zijn geen fouten.".to_string(),
                                1 => "; 1 rij heeft een fout en wordt niet ingelezen.".to_string(),
                                n => format!("; {n} rijen hebben een fout en worden niet ingelezen."),
                            } }
                        </p>
                        if !report.ignored_columns.is_empty() {
                            <p>{ format!("Niet gebruikte kolommen: {}.", report.ignored_columns.join(", ")) }</p>
                        }
                    </div>
                    if !report.errors.is_empty() {
                        <div class="tabel-scroll" role="region" aria-labelledby="importfouten" tabindex="0">
                            <table class="importfouten">
                                <caption id="importfouten">{ "Rijen met fouten" }</caption>
                                <thead>
                                    <tr>
                                        <th scope="col" class="getal">{ "Regel" }</th>
                                        <th scope="col">{ "Kolom" }</th>
                                        <th scope="col">{ "Melding" }</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    { for report.errors.iter().take(SHOWN_ERRORS).map(|e| html! {
                                        <tr>
                                            <th scope="row" class="getal">{ e.line }</th>
                                            <td>{ e.column.clone().unwrap_or_else(|| "–".into()) }</td>
                                            <td>{ e.message.clone() }</td>
                                        </tr>
                                    }) }
                                </tbody>
                            </table>
                        </div>
                        if report.errors.len() > SHOWN_ERRORS {
                            <p class="hint">{ format!("En nog {} rijen met een fout. Verbeter het bestand en lees het opnieuw in.", report.errors.len() - SHOWN_ERRORS) }</p>
                        }
                    }
                    if report.accepted_rows == 0 {
                        <p>{ "Er is niets om in te lezen. Het geladen aanbod is niet gewijzigd." }</p>
                        <button type="button" class="knop knop-secundair" onclick={to(Stage::Idle)}>{ "Sluiten" }</button>
                    } else if confirming {
                        <div class="melding melding-fout bevestigen" role="alert">
                            <p><strong>{ "Weet u zeker dat u alles wilt vervangen?" }</strong></p>
                            <p>{ "Wat het bestand bevat, vervangt dat deel van het aanbod helemaal. Wat niet in het bestand staat, verdwijnt." }</p>
                            { match &replace {
                                Some(Ok(s)) => html! { <ul class="compact">{ for merge_summary_lines(s).into_iter().map(|l| html! { <li>{ l }</li> }) }</ul> },
                                _ => html! {},
                            } }
                            <div class="knoppen-rij">
                                <button type="button" class="knop knop-gevaar" onclick={merge(MergeMode::Replace, report.clone())}>{ "Ja, alles vervangen" }</button>
                                <button type="button" class="knop knop-secundair" onclick={to(Stage::Read(report.clone()))}>{ "Nee, terug" }</button>
                            </div>
                        </div>
                    } else {
                        <h3>{ "Wat wilt u met de goedgekeurde rijen doen?" }</h3>
                        <p>{ "Er verandert niets tot u een keuze bevestigt." }</p>
                        <div class="samenvoeg-keuzes">
                            <div class="samenvoeg-keuze">
                                { choice_text("Toevoegen en bijwerken", "Nieuwe corporaties en woningen komen erbij; bestaande met hetzelfde id worden bijgewerkt; niets wordt verwijderd.", &add) }
                                <button type="button" class="knop" disabled={!matches!(add, Some(Ok(_)))}
                                    onclick={merge(MergeMode::AddAndUpdate, report.clone())}>{ "Toevoegen en bijwerken" }</button>
                            </div>
                            <div class="samenvoeg-keuze">
                                { choice_text("Alles vervangen", "Het deel dat het bestand bevat, vervangt het geladen deel helemaal.", &replace) }
                                <button type="button" class="knop knop-secundair" disabled={!matches!(replace, Some(Ok(_)))}
                                    onclick={to(Stage::ConfirmReplace(report.clone()))}>{ "Alles vervangen…" }</button>
                            </div>
                        </div>
                        <button type="button" class="knop knop-secundair" onclick={to(Stage::Idle)}>{ "Import annuleren" }</button>
                    }
                </div>
            }
        }
    };

    html! {
        <section aria-labelledby="importeren" class="aanbod-deel">
            <h2 id="importeren">{ "Importeren" }</h2>
            <p>{ "Lees het aanbod in als Woonkans-JSON, of als CSV uit een spreadsheet (woningen of corporaties; puntkomma of komma, decimale komma). Fouten worden per regel gemeld; het geladen aanbod blijft staan tot u bevestigt." }</p>
            <div class={classes!("sleepvak", dragging.then_some("sleepvak-actief"))}
                {ondragover} ondragenter={Callback::from(|e: DragEvent| e.prevent_default())} {ondragleave} {ondrop}>
                <label for="aanbod-bestand">{ "Kies een bestand of sleep het hierheen" }</label>
                <span class="hint" id="aanbod-bestand-hint">{ "JSON of CSV, hoogstens 50 MB." }</span>
                <input type="file" id="aanbod-bestand" accept=".json,.csv,.txt,application/json,text/csv"
                    aria-describedby="aanbod-bestand-hint" {onchange} />
            </div>
            { body }
            <CsvColumns />
        </section>
    }
}

/// The columns of each CSV file, from the core's one list, with a template to download.
#[function_component(CsvColumns)]
fn csv_columns() -> Html {
    let message = use_state(|| None::<Result<String, String>>);
    let download = |kind: ImportKind| {
        let message = message.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(file) = template_file(kind) else {
                return;
            };
            message.set(Some(
                browser::download(&file.file_name, &file.bytes, file.mime)
                    .map(|()| format!("Gedownload: {}.", file.file_name)),
            ));
        })
    };
    html! {
        <div class="csv-kolommen">
            <h3>{ "Kolommen van de CSV-bestanden" }</h3>
            <p>{ "De eerste regel van een CSV-bestand noemt de kolommen. Verplichte kolommen moeten erin staan; kolommen met een andere naam worden overgeslagen. Een sjabloon bevat de kopregel en een voorbeeldrij." }</p>
            { for CSV_KINDS.iter().map(|&kind| {
                let caption = format!("Kolommen: {}", kind.dutch());
                let id = format!("kolommen-{}", match kind {
                    ImportKind::Associations => "corporaties",
                    _ => "woningen",
                });
                html! {
                    <details class="kolommen">
                        <summary>{ caption.clone() }</summary>
                        <div class="tabel-scroll" role="region" aria-labelledby={id.clone()} tabindex="0">
                            <table class="kolommen-tabel">
                                <caption id={id}>{ caption }</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{ "Kolom" }</th>
                                        <th scope="col">{ "Verplicht" }</th>
                                        <th scope="col">{ "Betekenis" }</th>
                                        <th scope="col">{ "Notatie" }</th>
                                        <th scope="col">{ "Voorbeeld" }</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    { for import::csv_columns(kind).iter().map(|c| html! {
                                        <tr>
                                            <th scope="row">{ c.heading }</th>
                                            <td>{ c.requirement() }</td>
                                            <td>{ c.meaning }</td>
                                            <td>{ c.format }</td>
                                            <td>{ c.example }</td>
                                        </tr>
                                    }) }
                                </tbody>
                            </table>
                        </div>
                        <button type="button" class="knop knop-secundair" onclick={download(kind)}>
                            { format!("Sjabloon downloaden: {}", kind.dutch()) }
                        </button>
                    </details>
                }
            }) }
            { match &*message {
                Some(Ok(m)) => html! { <p class="melding melding-goed" role="status">{ m.clone() }</p> },
                Some(Err(m)) => html! { <p class="melding melding-fout" role="alert">{ m.clone() }</p> },
                None => html! {},
            } }
        </div>
    }
}

fn choice_text(title: &str, explain: &str, preview: &Option<Result<MergeSummary, Error>>) -> Html {
    html! {
        <>
            <p><strong>{ title.to_string() }</strong>{ ": " }{ explain.to_string() }</p>
            { match preview {
                Some(Ok(s)) => html! {
                    <ul class="compact">{ for merge_summary_lines(s).into_iter().map(|l| html! { <li>{ l }</li> }) }</ul>
                },
                Some(Err(e)) => html! { <p class="foutmelding">{ format!("Niet mogelijk: {}", e.message) }</p> },
                None => html! {},
            } }
        </>
    }
}
