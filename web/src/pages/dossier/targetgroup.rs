//! The target-group check (doelgroep) of step 3: the consultant's answers, and the core's
//! verdict with the reason for every condition that is not met, plus the young-adult flag.

use super::fields::{Choice, read_yes_no, yes_no_key, yes_no_options};
use super::{Touched, edit};
use crate::browser;
use crate::state::use_app;
use woonkans_core::targetgroup::{Condition, TargetGroupAnswers, check_target_group};
use woonkans_core::vocab::Dutch;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TargetGroupProps {
    pub id: AttrValue,
    pub open: bool,
    pub touched: Touched,
}

type Setter = fn(&mut TargetGroupAnswers, Option<bool>);

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
    let questions: [(&str, &str, Option<bool>, Setter); 4] = [
        (
            "doelgroep-statushouder",
            "Is de inwoner statushouder?",
            a.status_holder,
            |t, v| t.status_holder = v,
        ),
        (
            "doelgroep-arbeidsmigrant",
            "Is de inwoner arbeidsmigrant?",
            a.labour_migrant,
            |t, v| t.labour_migrant = v,
        ),
        (
            "doelgroep-regulier",
            "Lukt het de inwoner níet om op de reguliere manier aan een woning te komen?",
            a.regular_route_impossible,
            |t, v| t.regular_route_impossible = v,
        ),
        (
            "doelgroep-ondersteuning",
            "Heeft de inwoner een ondersteuningsvraag die samenhangt met het zelfstandig (leren) wonen?",
            a.support_need_independent_living,
            |t, v| t.support_need_independent_living = v,
        ),
    ];
    let result = ws
        .region()
        .ok()
        .map(|region| check_target_group(d, browser::today(), region));
    html! {
        <section class="kaart doelgroep" aria-labelledby="doelgroep-titel">
            <h3 id="doelgroep-titel">{ "Doelgroepcheck" }</h3>
            <p class="hint">{ "Volwassenen van 18 jaar en ouder uit een deelnemende gemeente, geen statushouder of arbeidsmigrant, die niet op reguliere wijze aan een woning kunnen komen en een ondersteuningsvraag hebben rond het zelfstandig (leren) wonen." }</p>
            <fieldset class="kaal" disabled={!p.open}>
                { for questions.into_iter().map(|(fid, question, value, set)| {
                    let onchange = edit(&app, &p.id, &p.touched, &[], move |c, v: String| {
                        set(&mut c.dossier.target_group, read_yes_no(&v));
                        Ok(())
                    });
                    html! {
                        <Choice id={fid} legend={question} options={yes_no_options(true)}
                            value={yes_no_key(value)} {onchange} inline=true />
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
                                html! { <p class="melding melding-fout"><strong>{ format!("Valt (nog) niet binnen de doelgroep: {} voorwaarde(n) niet vervuld.", r.failures.len()) }</strong></p> }
                            } }
                            <ul class="voorwaarden">
                                { for Condition::ALL.iter().map(|c| {
                                    let failure = r.failures.iter().find(|f| f.condition == *c);
                                    html! {
                                        <li class={classes!(failure.is_some().then_some("voorwaarde-niet"))}>
                                            { match failure {
                                                None => html! { <><span aria-hidden="true">{ "✓ " }</span>{ c.dutch() }{ ": voldaan" }</> },
                                                Some(f) => html! {
                                                    <>
                                                        <span aria-hidden="true">{ "✗ " }</span>
                                                        { c.dutch() }{ ": niet voldaan. " }
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
        </section>
    }
}
