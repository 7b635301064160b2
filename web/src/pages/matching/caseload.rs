//! The caseload: every open case with a complete profile assigned optimally to the dwellings.
//! The core's job runs in short steps with a yield to the browser between them, so the progress
//! bar paints and the page stays responsive.

use super::route_link;
use crate::browser;
use crate::route::Route;
use crate::state::use_app;
use gloo::timers::future::TimeoutFuture;
use std::rc::Rc;
use woonkans_core::vocab::{self, Dutch};
use woonkans_views::matches::{
    CASELOAD_INTRO, CaseloadJob, CaseloadView, PROFILES_PER_STEP, caseload_summary, priority_text,
    priority_total_text,
};
use yew::prelude::*;

#[derive(Clone, PartialEq)]
enum Stage {
    Idle,
    Running {
        done: usize,
        total: usize,
        phase: &'static str,
    },
    /// The result, and the revision of the workspace it was computed from.
    Done(Rc<CaseloadView>, u64),
    Failed(String),
}

#[function_component(Caseload)]
pub fn caseload() -> Html {
    let app = use_app();
    let stage = use_state(|| Stage::Idle);
    let run = use_mut_ref(|| 0u32);
    {
        // Leaving the page stops a running job at its next step.
        let run = run.clone();
        use_effect_with((), move |_| move || *run.borrow_mut() += 1);
    }

    let start = {
        let (app, stage) = (app.clone(), stage.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(ws) = app.workspace() else { return };
            let revision = app.revision;
            let mut job = match CaseloadJob::new(ws, browser::today()) {
                Ok(job) => job,
                Err(e) => {
                    stage.set(Stage::Failed(e.message));
                    return;
                }
            };
            *run.borrow_mut() += 1;
            let this_run = *run.borrow();
            let run = run.clone();
            let (done, total) = job.progress();
            stage.set(Stage::Running {
                done,
                total,
                phase: job.phase(),
            });
            let stage = stage.clone();
            wasm_bindgen_futures::spawn_local(async move {
                // Let the progress indicator paint before any work.
                TimeoutFuture::new(0).await;
                loop {
                    if *run.borrow() != this_run {
                        return;
                    }
                    match job.step(PROFILES_PER_STEP) {
                        Ok(finished) => {
                            let (done, total) = job.progress();
                            stage.set(Stage::Running {
                                done,
                                total,
                                phase: if finished {
                                    "Toewijzing berekenen"
                                } else {
                                    job.phase()
                                },
                            });
                            TimeoutFuture::new(0).await;
                            if finished {
                                break;
                            }
                        }
                        Err(e) => {
                            stage.set(Stage::Failed(e.message));
                            return;
                        }
                    }
                }
                if *run.borrow() != this_run {
                    return;
                }
                stage.set(match job.finish() {
                    Ok((_, _, view)) => Stage::Done(Rc::new(view), revision),
                    Err(e) => Stage::Failed(e.message),
                });
            });
        })
    };
    let running = matches!(&*stage, Stage::Running { .. });

    let body = match &*stage {
        Stage::Idle => html! {},
        Stage::Running { done, total, phase } => html! {
            <div class="voortgang">
                // Only this line is announced; the changing count would be read out at every step.
                <p role="status">{ "Bezig met berekenen…" }</p>
                <label for="caseload-voortgang">{ format!("{phase}: {done} van {total} stappen") }</label>
                <progress id="caseload-voortgang" max={(*total).max(1).to_string()} value={done.to_string()}>
                    { format!("{done} van {total}") }
                </progress>
            </div>
        },
        Stage::Failed(message) => html! {
            <p class="melding melding-fout" role="alert">{ message.clone() }</p>
        },
        Stage::Done(view, revision) => {
            let stale = *revision != app.revision;
            html! {
                <div class="caseload-resultaat">
                    <p class="melding melding-goed" role="status">
                        { caseload_summary(view) }
                    </p>
                    if stale {
                        <p class="melding">{ "De dossiers, het aanbod of de instellingen zijn na deze berekening gewijzigd. Bereken opnieuw voor een actuele toewijzing." }</p>
                    }
                    if !view.rows.is_empty() {
                        <div class="tabel-scroll" role="region" aria-labelledby="toewijzing" tabindex="0">
                            <table class="toewijzing">
                                <caption id="toewijzing">{ "Optimale toewijzing: elk dossier hoogstens één woning, elke woning hoogstens één dossier" }</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{ "Dossier" }</th>
                                        <th scope="col">{ "Woning" }</th>
                                        <th scope="col">{ "Corporatie" }</th>
                                        <th scope="col">{ "Gemeente" }</th>
                                        <th scope="col">{ "Wijk" }</th>
                                        <th scope="col">{ "Type" }</th>
                                        <th scope="col" class="getal">{ "Huur" }</th>
                                        <th scope="col" class="getal">{ "Score" }</th>
                                        <th scope="col">{ "Voorrang" }</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    { for view.rows.iter().map(|r| html! {
                                        <tr>
                                            <th scope="row">{ route_link(&app, Route::Dossier(r.case_id.clone()), html! { r.label.clone() }) }</th>
                                            <td>{ r.dwelling_id.clone() }</td>
                                            <td>{ r.association.clone() }</td>
                                            <td>{ r.gemeente.clone() }</td>
                                            <td>{ r.neighbourhood.clone() }</td>
                                            <td>{ r.dwelling_type.dutch() }</td>
                                            <td class="getal">{ vocab::euro(r.rent_cents) }</td>
                                            <td class="getal">{ r.score }</td>
                                            <td>{ priority_text(&r.priority) }</td>
                                        </tr>
                                    }) }
                                </tbody>
                                <tfoot>
                                    <tr>
                                        <th scope="row" colspan="7">{ "Totale score" }</th>
                                        <td class="getal">{ view.total }</td>
                                        <td>{ priority_total_text(view) }</td>
                                    </tr>
                                </tfoot>
                            </table>
                        </div>
                    }
                    if !view.unassigned.is_empty() {
                        <table class="zonder-woning">
                            <caption>{ "Dossiers zonder woning" }</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{ "Dossier" }</th>
                                    <th scope="col">{ "Reden" }</th>
                                    <th scope="col">{ "Voorrang" }</th>
                                </tr>
                            </thead>
                            <tbody>
                                { for view.unassigned.iter().map(|u| html! {
                                    <tr>
                                        <th scope="row">{ route_link(&app, Route::Dossier(u.case_id.clone()), html! { u.label.clone() }) }</th>
                                        <td>{ u.reason }</td>
                                        <td>{ priority_text(&u.priority) }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    }
                </div>
            }
        }
    };

    html! {
        <section aria-labelledby="caseload" class="matching-deel">
            <h2 id="caseload">{ "Caseload: optimale toewijzing" }</h2>
            <p>{ CASELOAD_INTRO }</p>
            <button type="button" class="knop" onclick={start} disabled={running}>{ "Optimale toewijzing berekenen" }</button>
            { body }
        </section>
    }
}
