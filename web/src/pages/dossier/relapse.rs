//! The relapse plan (terugvalplan) of the profile: the signals, and who does what when it goes
//! wrong. The care provider and the housing association each need an agreement.

use super::note_field::NoteField;
use super::{Touched, edit, from_key, key};
use crate::components::form::value_of;
use crate::state::use_app;
use woonkans_core::profile::{Party, RelapseAgreement};
use woonkans_core::vocab::Dutch;
use yew::prelude::*;

const PARTIES: [Party; 6] = [
    Party::CareProvider,
    Party::HousingAssociation,
    Party::Resident,
    Party::WmoConsultant,
    Party::Coordinator,
    Party::Network,
];

#[derive(Clone, PartialEq)]
enum Change {
    Signals(String),
    Party(usize, Party),
    Action(usize, String),
    Remove(usize),
    Add,
}

#[derive(Properties, PartialEq)]
pub struct RelapseProps {
    pub id: AttrValue,
    pub touched: Touched,
    pub error: Option<String>,
}

#[function_component(RelapsePlanFields)]
pub fn relapse_plan_fields(p: &RelapseProps) -> Html {
    let app = use_app();
    let Some(case) = app.workspace().and_then(|ws| ws.case(&p.id).ok()) else {
        return html! {};
    };
    let plan = &case.profile.relapse_plan;
    let change = edit(
        &app,
        &p.id,
        &p.touched,
        &["terugvalplan"],
        |c, ch: Change| {
            let plan = &mut c.profile.relapse_plan;
            match ch {
                Change::Signals(s) => plan.signals = s,
                Change::Party(i, party) => {
                    if let Some(a) = plan.agreements.get_mut(i) {
                        a.party = party;
                    }
                }
                Change::Action(i, text) => {
                    if let Some(a) = plan.agreements.get_mut(i) {
                        a.action = text;
                    }
                }
                Change::Remove(i) => {
                    if i < plan.agreements.len() {
                        plan.agreements.remove(i);
                    }
                }
                Change::Add => {
                    // Suggest the party that is still missing first.
                    let has = |p: Party| plan.agreements.iter().any(|a| a.party == p);
                    let party = [Party::CareProvider, Party::HousingAssociation]
                        .into_iter()
                        .find(|p| !has(*p))
                        .unwrap_or(Party::Resident);
                    plan.agreements.push(RelapseAgreement {
                        party,
                        action: String::new(),
                    });
                }
            }
            Ok(())
        },
    );
    let add = change.reform(|_: MouseEvent| Change::Add);
    html! {
        <fieldset class={classes!("groep", p.error.is_some().then_some("veld-fout"))} id="terugvalplan">
            <legend>{ "Terugvalplan: afspraken als het niet goed gaat" }</legend>
            <p class="hint">{ "Wie doet wat als het wonen niet lukt of de ondersteuning onvoldoende blijkt. Nodig: signalen, een afspraak van de zorgaanbieder en een van de woningcorporatie." }</p>
            { for p.error.iter().map(|e| html! { <p class="foutmelding">{ e.clone() }</p> }) }
            <NoteField id="terugvalplan-signalen" label="Signalen van terugval" case_id={p.id.clone()}
                value={plan.signals.clone()} onchange={change.reform(Change::Signals)} rows={3}
                release={AttrValue::from("terugvalplan.signalen")} />
            <ol class="afspraken">
                { for plan.agreements.iter().enumerate().map(|(i, a)| {
                    let party_id = format!("terugvalplan-afspraken-{i}-partij");
                    let on_party = change.reform(move |e: Event| {
                        Change::Party(i, from_key(&value_of(&e)).unwrap_or(Party::Resident))
                    });
                    html! {
                        <li class="afspraak">
                            <div class="veld">
                                <label for={party_id.clone()}>{ format!("Afspraak {}: partij", i + 1) }</label>
                                <select id={party_id} onchange={on_party}>
                                    { for PARTIES.iter().map(|party| html! {
                                        <option value={key(party)} selected={*party == a.party}>{ party.dutch() }</option>
                                    }) }
                                </select>
                            </div>
                            <NoteField id={format!("terugvalplan-afspraken-{i}")} label={format!("Afspraak {}: wat doet deze partij", i + 1)}
                                case_id={p.id.clone()} value={a.action.clone()} rows={2}
                                onchange={change.reform(move |t: String| Change::Action(i, t))}
                                release={AttrValue::from(format!("terugvalplan.afspraken[{i}]"))} />
                            <button type="button" class="knop knop-secundair knop-klein"
                                onclick={change.reform(move |_: MouseEvent| Change::Remove(i))}>
                                { format!("Afspraak {} verwijderen", i + 1) }
                            </button>
                        </li>
                    }
                }) }
            </ol>
            <button type="button" class="knop knop-secundair" onclick={add}>{ "Afspraak toevoegen" }</button>
        </fieldset>
    }
}
