//! The target-group check (doelgroep) of step 3: the consultant's answers, and the core's
//! verdict with the reason for every condition that is not met, plus the young-adult flag.

use super::fields::{Choice, read_yes_no, yes_no_key, yes_no_options};
use super::{Touched, edit};
use crate::browser;
use crate::components::form::{SelectField, TextField};
use crate::state::{try_change, use_app};
use woonkans_core::date::Date;
use woonkans_core::routeplanner;
use woonkans_core::targetgroup::OverrideReason;
use woonkans_core::targetgroup::{Condition, DESCRIPTION, Question, check_target_group};
use woonkans_core::vocab::{self, Dutch};
use woonkans_views::outcome as oc;
use woonkans_views::select;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TargetGroupProps {
    pub id: AttrValue,
    pub open: bool,
    pub touched: Touched,
}

#[function_component(TargetGroup)]
pub fn target_group(p: &TargetGroupProps) -> Html {
    let app = use_app();
    let Some(ws) = app.workspace() else {
        return html! {};
    };
    let Ok(case) = ws.case(&p.id) else {
        return html! {};
    };
    let d = &case.dossier;
    let a = d.target_group;
    let result = ws
        .region()
        .ok()
        .map(|region| check_target_group(d, browser::today(), region));
    html! {
        <section class="kaart doelgroep" aria-labelledby="doelgroep-titel">
            <h3 id="doelgroep-titel">{ "Doelgroepcheck" }</h3>
            <p class="hint">{ DESCRIPTION }</p>
            <fieldset class="kaal" disabled={!p.open}>
                { for Question::ALL.into_iter().map(|q| {
                    let onchange = edit(&app, &p.id, &p.touched, &[], move |c, v: String| {
                        q.set_answer(&mut c.dossier.target_group, read_yes_no(&v));
                        Ok(())
                    });
                    html! {
                        <Choice id={q.key()} legend={q.dutch()} options={yes_no_options(true)}
                            value={yes_no_key(q.answer(&a))} {onchange} inline=true />
                    }
                }) }
            </fieldset>
            <div role="status" class="doelgroep-uitkomst">
                { match &result {
                    None => html! { <p class="melding">{ "Kies eerst uw regio bovenaan de pagina; de check kijkt of de woongemeente bij uw regio hoort." }</p> },
                    Some(r) => html! {
                        <>
                            { if r.eligible {
                                html! { <p class="melding melding-goed"><strong>{ "Valt binnen de doelgroep van Woonkans." }</strong></p> }
                            } else {
                                html! { <p class="melding melding-fout"><strong>{ format!("Valt (nog) niet binnen de doelgroep: {} nog open.", vocab::count(r.failures.len(), "voorwaarde", "voorwaarden")) }</strong></p> }
                            } }
                            <ul class="voorwaarden">
                                { for Condition::ALL.iter().map(|c| {
                                    let failure = r.failures.iter().find(|f| f.condition == *c);
                                    html! {
                                        <li class={classes!(failure.is_some().then_some("voorwaarde-niet"))}>
                                            { match failure {
                                                None => html! { <><span aria-hidden="true">{ "✓ " }</span>{ c.dutch() }{ ": " }{ vocab::condition_status(true) }</> },
                                                Some(f) => html! {
                                                    <>
                                                        <span aria-hidden="true">{ "✗ " }</span>
                                                        { c.dutch() }{ ": " }{ vocab::condition_status(false) }{ ". " }
                                                        { f.reason.clone() }
                                                        { if f.missing_data { html! { <>{ " " }<span class="label">{ "gegevens ontbreken" }</span></> } } else { html! {} } }
                                                    </>
                                                },
                                            } }
                                        </li>
                                    }
                                }) }
                            </ul>
                            { if r.young_adult {
                                html! { <p class="label jongvolwassene">{ "Jongvolwassene (18 tot en met 27 jaar): voorrangsgroep" }</p> }
                            } else { html! {} } }
                        </>
                    },
                } }
            </div>
            { match (&d.target_group_override, &result) {
                (Some(o), _) => html! {
                    <p class="melding" id="doelgroep-afwijking">{ oc::override_sentence(o) }</p>
                },
                (None, Some(r)) if !r.eligible && p.open && !d.archived => html! {
                    <OverrideForm id={p.id.clone()} />
                },
                _ => html! {},
            } }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct OverrideFormProps {
    id: AttrValue,
}

/// Going on although the check is not met: a reason from the list, who decided and when,
/// recorded by `routeplanner::override_target_group`.
#[function_component(OverrideForm)]
fn override_form(p: &OverrideFormProps) -> Html {
    let app = use_app();
    let reason = use_state(String::new);
    let actor = use_state(String::new);
    let date = use_state(|| browser::today().iso());
    let error = use_state(|| None::<String>);
    let setter = |s: &UseStateHandle<String>| {
        let s = s.clone();
        Callback::from(move |v: String| s.set(v))
    };
    let onclick = {
        let (app, reason, actor, date, error, id) = (
            app.clone(),
            reason.clone(),
            actor.clone(),
            date.clone(),
            error.clone(),
            p.id.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some(r) = select::from_key::<OverrideReason>(&reason) else {
                error.set(Some(oc::OVERRIDE_NO_REASON.into()));
                return;
            };
            let result = Date::parse(&date).and_then(|d| {
                try_change(&app, |ws| {
                    routeplanner::override_target_group(ws, &id, r, d, &actor)
                })
            });
            error.set(result.err().map(|e| e.message));
        })
    };
    html! {
        <div class="kaart afwijking" id="doelgroep-afwijking-formulier">
            <h4>{ oc::OVERRIDE_TITLE }</h4>
            <p class="hint">{ oc::OVERRIDE_INTRO }</p>
            <SelectField id="doelgroep-afwijking-reden" label={oc::OVERRIDE_REASON}
                options={select::options(&OverrideReason::ALL, oc::OVERRIDE_REASON_PLACEHOLDER)}
                value={(*reason).clone()} onchange={setter(&reason)} />
            <TextField id="doelgroep-afwijking-door" label={oc::OVERRIDE_ACTOR} value={(*actor).clone()}
                onchange={setter(&actor)} oninput={Some(setter(&actor))} />
            <TextField id="doelgroep-afwijking-datum" label={oc::OVERRIDE_DATE} kind="date" value={(*date).clone()}
                onchange={setter(&date)} oninput={Some(setter(&date))} />
            { for (*error).clone().map(|m| html! { <p class="melding melding-fout" role="alert">{ m }</p> }) }
            <button type="button" class="knop knop-secundair" {onclick}>{ oc::OVERRIDE_CONFIRM }</button>
        </div>
    }
}
