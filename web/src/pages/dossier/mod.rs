//! One dossier: the six steps of the routeplanner as a stepper, and for the chosen step what the
//! processing register says about it (who, which data, grondslag, doel, gates), its form, and
//! the gate(s) that lead on. A step whose gates are missing can be viewed but not filled in:
//! its data may not be processed yet.
//!
//! Components only render and dispatch; what a step needs, what blocks the next one and how a
//! case moves on is decided in `woonkans_core::routeplanner`.

mod check;
mod close;
mod delete;
mod documents;
mod end_match;
mod fields;
mod gates;
mod handover;
mod huur;
mod in_care;
mod investigation;
mod next_step;
mod note_field;
mod orientation;
mod profile_builder;
mod register_panel;
mod relapse;
mod release;
mod safeguards;
mod search_area;
mod shared_panel;
mod sharing_banner;
mod talk_record;
mod talks;
mod targetgroup;
mod timeline;
mod transfer;
mod withdraw;
mod wmo;

use crate::route::Route;
use crate::state::{Action, AppContext, change, navigate, use_app};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;
use woonkans_core::Error;
use woonkans_core::register::Step;
pub use woonkans_core::routeplanner::gates_leaving;
use woonkans_core::routeplanner::{case_to_edit, step_open};
use woonkans_core::vocab::Dutch;
use woonkans_core::workspace::Case;
use woonkans_views::caselist;
use yew::prelude::*;

/// The element id of a dossier field path: "adres.postcode" → "adres-postcode",
/// "telefoon[0]" → "telefoon-0". Error summaries link to these.
pub fn field_id(path: &str) -> String {
    path.replace(['.', '['], "-").replace(']', "")
}

pub use woonkans_views::select::{from_key, key, options};

/// Which fields the coordinator has changed in this visit: their "missing" messages are shown
/// right away, those of untouched fields only when asked ("Gegevens controleren").
///
/// UI-local state of the dossier page, not a way to pass results: `edit` callbacks mark a field
/// and the page reads the set when it renders. It is a shared cell (`use_mut_ref`) rather than
/// a `use_state` value because each callback holds the set of its own render: with a value,
/// two fields changed before a re-render would each write their own copy and the second would
/// drop the first's mark. Marking needs no render of its own; the change it comes with causes
/// one.
#[derive(Clone, Default)]
pub struct Touched(Rc<RefCell<BTreeSet<String>>>);

impl PartialEq for Touched {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Touched {
    pub fn mark(&self, paths: &[String]) {
        self.0.borrow_mut().extend(paths.iter().cloned());
    }

    pub fn has(&self, path: &str) -> bool {
        self.0.borrow().contains(path)
    }
}

/// The validation messages to show on a form, by field path (first message per field).
pub struct FieldErrors(BTreeMap<String, String>);

impl FieldErrors {
    /// Keeps format errors always, and "missing" errors of touched fields or when `show_all`.
    pub fn visible(errors: Vec<Error>, touched: &Touched, show_all: bool) -> FieldErrors {
        let mut map = BTreeMap::new();
        for e in errors {
            let Some(field) = e.field.clone() else {
                continue;
            };
            let about_emptiness = e.code.ends_with("REQUIRED") || e.code == "HOUSE_NUMBER_INVALID";
            if show_all || !about_emptiness || touched.has(&field) {
                map.entry(field).or_insert(e.message);
            }
        }
        FieldErrors(map)
    }

    pub fn count(&self) -> usize {
        self.0.len()
    }

    pub fn at(&self, path: &str) -> Option<String> {
        self.0.get(path).cloned()
    }

    /// (element id, message) pairs for the error summary.
    pub fn summary(&self) -> Vec<(String, String)> {
        self.0
            .iter()
            .map(|(path, msg)| (field_id(path), msg.clone()))
            .collect()
    }
}

/// A callback that applies `f` to the case `id` for each value (refused while archived), and
/// marks `paths` as touched.
pub fn edit<T: Clone + 'static>(
    app: &AppContext,
    id: &str,
    touched: &Touched,
    paths: &[&str],
    f: impl Fn(&mut Case, T) -> Result<(), Error> + 'static,
) -> Callback<T> {
    let app = app.clone();
    let id = id.to_string();
    let touched = touched.clone();
    let paths: Vec<String> = paths.iter().map(|p| p.to_string()).collect();
    Callback::from(move |value: T| {
        touched.mark(&paths);
        let _ = change(&app, |ws| f(case_to_edit(ws, &id)?, value));
    })
}

/// Props of every step section.
#[derive(Properties, PartialEq, Clone)]
pub struct StepProps {
    pub id: AttrValue,
    /// Show every validation message, also for untouched fields.
    pub show_all: bool,
    pub touched: Touched,
    /// Asks to show every validation message.
    pub on_check: Callback<()>,
    /// Shows another step's section.
    pub on_show: Callback<Step>,
    /// False while the step's gates are missing: then the form is read-only.
    pub open: bool,
}

#[derive(Properties, PartialEq)]
pub struct DossierPageProps {
    pub id: AttrValue,
    /// The step to show first instead of the case's current one.
    #[prop_or_default]
    pub step: Option<Step>,
    /// The element id of a field to put the focus on once the step is shown.
    #[prop_or_default]
    pub focus: Option<&'static str>,
}

fn go(app: &AppContext, route: Route) -> Callback<MouseEvent> {
    let app = app.clone();
    Callback::from(move |e: MouseEvent| {
        if !(e.ctrl_key() || e.meta_key() || e.shift_key()) {
            e.prevent_default();
            navigate(&app, route.clone());
        }
    })
}

#[function_component(DossierPage)]
pub fn dossier_page(p: &DossierPageProps) -> Html {
    let app = use_app();
    // None: follow the case's current step.
    let chosen = use_state(|| p.step);
    let show_all = use_state(|| false);
    let deleting = use_state(|| false);
    let closing = use_state(|| false);
    let withdrawing = use_state(|| false);
    let touched = use_mut_ref(BTreeSet::<String>::new);
    let touched = Touched(touched);
    let heading = use_node_ref();
    let focus_heading = use_mut_ref(|| false);
    {
        // When the case moves to another step (a gate, "verder"), show that step and put the
        // focus on its heading: the button that was pressed is gone.
        let current = app
            .workspace()
            .and_then(|ws| ws.case(&p.id).ok())
            .map(|c| c.dossier.step);
        let chosen = chosen.clone();
        let heading = heading.clone();
        let seen = use_mut_ref(|| None::<Option<Step>>);
        use_effect_with(current, move |current| {
            let first = seen.borrow().is_none();
            let moved = seen.borrow().is_some_and(|before| before != *current);
            *seen.borrow_mut() = Some(*current);
            // The first render keeps the step asked for in the route.
            if !first {
                chosen.set(None);
            }
            if moved && let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    {
        let focus = p.focus;
        use_effect_with(focus, move |focus| {
            if let Some(id) = *focus {
                crate::browser::focus_field_soon(id);
            }
        });
    }
    {
        let heading = heading.clone();
        let focus_heading = focus_heading.clone();
        use_effect_with(*chosen, move |_| {
            // Only after a click on the stepper: the first render keeps the page's focus.
            if std::mem::take(&mut *focus_heading.borrow_mut())
                && let Some(h) = heading.cast::<web_sys::HtmlElement>()
            {
                let _ = h.focus();
            }
        });
    }

    {
        // A refused change (WCAG 2.4.3): the focus goes to the message that says why, which
        // appears above the form, out of sight of the control that was used.
        let refused = app.error.as_ref().map(|e| e.message.clone());
        use_effect_with(refused, |refused| {
            if refused.is_some() {
                crate::browser::focus("weigering");
            }
        });
    }
    let Some(ws) = app.workspace() else {
        return html! {};
    };
    let back = html! {
        <p class="terug"><a href={Route::Dossiers.path()} onclick={go(&app, Route::Dossiers)}>{ "← Alle dossiers" }</a></p>
    };
    let Ok(case) = ws.case(&p.id) else {
        return html! {
            <section aria-labelledby="pagina-titel">
                { back }
                <h1 id="pagina-titel">{ "Dossier niet gevonden" }</h1>
                <p class="inleiding">{ "Dit dossier bestaat niet (meer) in deze kluis." }</p>
            </section>
        };
    };
    let d = &case.dossier;
    // Only the steps of this vault's role are offered; another step shows the role's own.
    let steps = woonkans_views::nav::case_steps(ws, case);
    let viewing = woonkans_views::nav::case_step(ws, case, chosen.unwrap_or(d.step));
    // The care provider's step 6 opens with the koppeling, not with gates in its own dossier:
    // those were recorded in the other parties' vaults.
    let lease = viewing == Step::Agreement && woonkans_views::huur::lease_step(ws, case);
    let on_show = {
        let chosen = chosen.clone();
        let focus_heading = focus_heading.clone();
        Callback::from(move |s: Step| {
            *focus_heading.borrow_mut() = true;
            chosen.set(Some(s));
        })
    };
    let on_check = {
        let show_all = show_all.clone();
        Callback::from(move |()| show_all.set(true))
    };
    let archive = {
        let app = app.clone();
        let id = p.id.to_string();
        let archived = d.archived;
        let closing = closing.clone();
        Callback::from(move |_| {
            if archived {
                let _ = change(&app, |ws| ws.reopen_case(&id));
            } else {
                closing.set(!*closing);
            }
        })
    };
    let start_withdraw = {
        let withdrawing = withdrawing.clone();
        Callback::from(move |_| withdrawing.set(!*withdrawing))
    };
    let cancel_withdraw = {
        let withdrawing = withdrawing.clone();
        Callback::from(move |()| withdrawing.set(false))
    };
    let close_done = {
        let closing = closing.clone();
        Callback::from(move |()| closing.set(false))
    };
    let dismiss = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::DismissError))
    };
    let start_delete = {
        let deleting = deleting.clone();
        Callback::from(move |_: MouseEvent| deleting.set(true))
    };
    let cancel_delete = {
        let deleting = deleting.clone();
        Callback::from(move |()| deleting.set(false))
    };
    let open = step_open(d, viewing) && !d.archived;
    let props = StepProps {
        id: p.id.clone(),
        show_all: *show_all,
        touched,
        on_check,
        on_show: on_show.clone(),
        open,
    };
    let section = match viewing {
        Step::Orientation => html! { <orientation::Orientation ..props.clone() /> },
        Step::WmoReport => html! { <wmo::WmoReport ..props.clone() /> },
        Step::Investigation => html! { <investigation::Investigation ..props.clone() /> },
        Step::PlacementProfile => html! { <profile_builder::ProfileBuilder ..props.clone() /> },
        Step::AssociationTalks => html! { <talks::Talks ..props.clone() /> },
        Step::Agreement if lease => html! { <huur::LeaseStep id={p.id.clone()} /> },
        Step::Agreement => html! { <handover::HandoverStep ..props.clone() /> },
    };
    let missing = if lease {
        Vec::new()
    } else {
        d.missing_gates(viewing)
    };
    let mut opened = Step::ALL.map(|s| step_open(d, s));
    if woonkans_views::huur::lease_step(ws, case) {
        opened[usize::from(Step::Agreement.number() - 1)] = true;
    }

    html! {
        <section aria-labelledby="pagina-titel" class="dossier">
            { back }
            <div class="dossier-kop">
                <div>
                    <h1 id="pagina-titel">{ format!("Dossier {}", d.id) }</h1>
                    <p class="inleiding dossier-naam">
                        { caselist::case_label(case) }
                        { if d.archived { html! { <> { " " }<span class="label">{ "gearchiveerd" }</span></> } } else { html! {} } }
                    </p>
                </div>
                <div class="knoppen-rij">
                    <button type="button" class="knop knop-secundair knop-klein" onclick={archive}
                        aria-expanded={(!d.archived).then(|| (*closing).to_string())}>
                        { if d.archived { woonkans_views::outcome::REOPEN_BUTTON } else { woonkans_views::outcome::CLOSE_BUTTON } }
                    </button>
                    <button type="button" class="knop knop-secundair knop-klein" onclick={start_withdraw}
                        aria-expanded={(*withdrawing).to_string()}>{ woonkans_views::outcome::WITHDRAW_BUTTON }</button>
                    <button type="button" class="knop knop-secundair knop-klein" onclick={start_delete}
                        aria-expanded={(*deleting).to_string()}>{ "Verwijderen" }</button>
                </div>
            </div>
            { if *closing && !d.archived { html! {
                <close::CloseCase id={p.id.clone()} on_done={close_done} />
            } } else { html! {} } }
            { if *withdrawing { html! {
                <withdraw::Withdraw id={p.id.clone()} on_cancel={cancel_withdraw} />
            } } else { html! {} } }
            { if *deleting { html! {
                <delete::DeleteCase id={p.id.clone()} on_cancel={cancel_delete} />
            } } else { html! {} } }
            { for app.error.iter().map(|e| html! {
                <div id="weigering" class="melding melding-fout" role="alert" tabindex="-1">
                    <p>{ e.message.clone() }</p>
                    <button type="button" class="knop knop-secundair knop-klein" onclick={dismiss.clone()}>{ "Melding sluiten" }</button>
                </div>
            }) }
            { if d.archived { html! {
                <p class="melding" role="status" id="afgesloten">
                    { woonkans_views::outcome::closed_sentence(ws, case).unwrap_or_default() }{ " " }
                    { "U kunt het dossier bekijken, maar niets wijzigen of vastleggen. Zet het terug uit het archief om verder te werken." }
                </p>
            } } else { html! {} } }
            <Stepper current={d.step} viewing={viewing} steps={steps} open={opened} on_show={on_show.clone()} />
            <section id="stap-inhoud" class="stap-inhoud" aria-labelledby="stap-titel">
                <h2 id="stap-titel" tabindex="-1" ref={heading}>{ format!("Stap {} {}", viewing.number(), viewing.dutch()) }</h2>
                { if missing.is_empty() { html! {} } else { html! {
                    <p class="melding stap-dicht-melding">
                        { "Deze stap is nog niet open: eerst moet " }
                        { if missing.len() > 1 { "de volgende poorten worden vastgelegd: " } else { "de volgende poort worden vastgelegd: " } }
                        { missing.iter().map(|g| format!("'{}'", g.dutch())).collect::<Vec<_>>().join(", ") }
                        { ". U kunt de stap wel bekijken." }
                    </p>
                } } }
                <register_panel::RegisterPanel id={p.id.clone()} step={viewing} />
                // Where the shared profile is made, discussed and handed over: there an older
                // version at an association matters.
                { if viewing >= Step::PlacementProfile { html! {
                    <sharing_banner::SharingBanner id={p.id.clone()} />
                } } else { html! {} } }
                { section }
                <transfer::SendTransfer id={p.id.clone()} {viewing} />
                { if viewing == d.step && !d.archived { html! {
                    <next_step::NextStep id={p.id.clone()} on_check={props.on_check.clone()} on_show={on_show.clone()} />
                } } else { html! {} } }
            </section>
            <timeline::Timeline id={p.id.clone()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct StepperProps {
    current: Step,
    viewing: Step,
    /// The steps offered as tabs (those of the vault's role).
    steps: Vec<Step>,
    open: [bool; 6],
    on_show: Callback<Step>,
}

#[function_component(Stepper)]
fn stepper(p: &StepperProps) -> Html {
    html! {
        <nav aria-label="Stappen van de routeplanner" class="stapper">
            <ol class="stappen">
                { for p.steps.iter().map(|&step| {
                    let i = step.number() as usize - 1;
                    let status = if step < p.current {
                        "afgerond"
                    } else if step == p.current {
                        "huidige stap"
                    } else if p.open[i] {
                        "open"
                    } else {
                        "nog niet open"
                    };
                    let onclick = {
                        let cb = p.on_show.clone();
                        Callback::from(move |_| cb.emit(step))
                    };
                    let class = classes!(
                        "stapper-stap",
                        (step < p.current).then_some("stapper-afgerond"),
                        (step == p.current).then_some("stapper-huidig"),
                        (!p.open[i]).then_some("stapper-dicht"),
                        (step == p.viewing).then_some("stapper-getoond"),
                    );
                    html! {
                        <li {class}>
                            <button type="button" {onclick}
                                aria-current={(step == p.current).then_some("step")}
                                aria-pressed={if step == p.viewing { "true" } else { "false" }}
                                aria-controls="stap-inhoud">
                                <span class="stap-nummer">{ format!("Stap {}", step.number()) }</span>
                                { " " }
                                <span class="stap-naam">{ step.dutch() }</span>
                                { " " }
                                <span class="stap-status">{ status }</span>
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}
