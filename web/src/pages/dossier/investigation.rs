//! Step 3 (Onderzoek): the Wmo consultant's investigation — birth date, BSN, gender, education,
//! work, income, household, social network, living situation, finances, health (special
//! category, never in the profile) and IBAN — with the document checklist, the target-group
//! check and the two gates to step 4.

use super::check::CheckButton;
use super::documents::Documents;
use super::fields::{Checkbox, ParsedField, date_text, read_date};
use super::gates::GateRecorder;
use super::targetgroup::TargetGroup;
use super::{FieldErrors, StepProps, edit, from_key, gates_leaving, key, options};
use crate::components::form::{ErrorSummary, SelectField, TextField};
use crate::state::use_app;
use woonkans_core::dossier::{Dossier, Income, IncomeSource};
use woonkans_core::explain::ProfileField;
use woonkans_core::profile::{Gender, LivingSituation};
use woonkans_core::register::{Gate, Step};
use woonkans_core::routeplanner::form_errors;
use woonkans_core::validate;
use woonkans_core::vocab;
use woonkans_views::dossier_form::parse_whole_euros;
use woonkans_views::intake_form::income_check_sentence;
use yew::prelude::*;

fn gate_hint(g: Gate) -> &'static str {
    match g {
        Gate::EligibilityAndSupportPlan => {
            "De inwoner komt in aanmerking voor Woonkans en heeft het ondersteuningsplan ondertekend: daarmee stemt de inwoner in met bemiddeling."
        }
        Gate::ConsentToShareWithCoordinator => {
            "De inwoner stemt ermee in dat de Wmo-consulent de noodzakelijke gegevens overdraagt aan de ketenregisseur of procesregisseur."
        }
        _ => "",
    }
}

#[function_component(Investigation)]
pub fn investigation(p: &StepProps) -> Html {
    let app = use_app();
    let Some(case) = app.workspace().and_then(|ws| ws.case(&p.id).ok()) else {
        return html! {};
    };
    let d = &case.dossier;
    let income_check = app.workspace().and_then(|ws| {
        let today = crate::browser::today();
        woonkans_core::minimise::income_check(d, today, &ws.settings().rent_limits_on(today))
    });
    let errors = FieldErrors::visible(form_errors(d, Step::Investigation), &p.touched, p.show_all);
    let id = p.id.as_str();
    let t = &p.touched;
    let text = |field: &'static str, f: fn(&mut Dossier, String)| -> Callback<String> {
        edit(&app, id, t, &[field], move |c, v: String| {
            f(&mut c.dossier, v);
            Ok(())
        })
    };
    let flag = |field: &'static str, f: fn(&mut Dossier, bool)| -> Callback<bool> {
        edit(&app, id, t, &[field], move |c, v: bool| {
            f(&mut c.dossier, v);
            Ok(())
        })
    };
    let birth = {
        let cb = edit(&app, id, t, &["geboortedatum"], |c, v| {
            c.dossier.birth_date = v;
            Ok(())
        });
        Callback::from(move |text: String| match read_date(&text) {
            Ok(v) => {
                cb.emit(v);
                None
            }
            Err(msg) => Some(msg),
        })
    };
    let in_care = {
        let cb = edit(&app, id, t, &["inZorgSinds"], |c, v| {
            c.dossier.in_care_since = v;
            Ok(())
        });
        Callback::from(move |text: String| {
            let checked = read_date(&text).and_then(|v| match v {
                Some(d) => woonkans_core::timeline::check_in_care_since(d, crate::browser::today())
                    .map(|()| Some(d))
                    .map_err(|e| e.message),
                None => Ok(None),
            });
            match checked {
                Ok(v) => {
                    cb.emit(v);
                    None
                }
                Err(msg) => Some(msg),
            }
        })
    };
    let amount = {
        let cb = edit(
            &app,
            id,
            t,
            &["inkomen.bedrag", "inkomen"],
            |c, v: Option<u32>| {
                c.dossier.income = v.map(|euros| Income {
                    yearly_amount_euros: euros,
                    source: c.dossier.income.map_or(IncomeSource::Other, |i| i.source),
                });
                Ok(())
            },
        );
        Callback::from(move |text: String| {
            if text.trim().is_empty() {
                cb.emit(None);
                return None;
            }
            match parse_whole_euros(&text) {
                Ok(e) => {
                    cb.emit(Some(e));
                    None
                }
                Err(e) => Some(e.message),
            }
        })
    };
    let source = edit(&app, id, t, &["inkomen"], |c, v: String| {
        if let Some(s) = from_key::<IncomeSource>(&v) {
            let amount = c.dossier.income.map_or(0, |i| i.yearly_amount_euros);
            c.dossier.income = Some(Income {
                yearly_amount_euros: amount,
                source: s,
            });
        }
        Ok(())
    });
    let household = {
        let cb = edit(&app, id, t, &["huishoudgrootte"], |c, n: u8| {
            c.dossier.household_size = n;
            Ok(())
        });
        Callback::from(move |text: String| match text.trim().parse::<u8>() {
            Ok(n) => {
                cb.emit(n);
                None
            }
            Err(_) => Some("Vul het aantal personen in cijfers in (1 tot en met 12).".to_string()),
        })
    };
    let living_hint = "Komt als woonsituatie in het bemiddelingsprofiel.";

    html! {
        <div class="stap-formulier">
            <ErrorSummary errors={errors.summary()} />
            <fieldset class="kaal" disabled={!p.open}>
                <fieldset class="groep">
                    <legend>{ "Persoon" }</legend>
                    <ParsedField id="geboortedatum" label="Geboortedatum" hint="Bijvoorbeeld 14-05-2002. In het profiel komt alleen de leeftijdscategorie."
                        inputmode="numeric" value={date_text(d.birth_date)} error={errors.at("geboortedatum")} apply={birth} />
                    <TextField id="bsn" label="BSN" hint="Burgerservicenummer, 9 cijfers. Gaat alleen mee bij de overdracht in stap 6."
                        autocomplete="off" value={d.bsn.clone().unwrap_or_default()} error={errors.at("bsn")}
                        onchange={text("bsn", |d, v| {
                            let v = v.trim().to_string();
                            d.bsn = (!v.is_empty()).then(|| validate::bsn(&v).unwrap_or(v));
                        })} />
                    <SelectField id="geslacht" label="Geslacht"
                        options={options(&Gender::ALL, "Kies")}
                        value={d.gender.map(|g| key(&g)).unwrap_or_default()} error={errors.at("geslacht")}
                        onchange={text("geslacht", |d, v| d.gender = from_key(&v))} />
                </fieldset>
                <fieldset class="groep">
                    <legend>{ "Opleiding, werk en inkomen" }</legend>
                    <TextField id="opleiding" label="Opleiding" multiline=true
                        value={d.education.clone()} error={errors.at("opleiding")}
                        onchange={text("opleiding", |d, v| d.education = v)} />
                    <TextField id="werk" label="Werk en daginvulling" multiline=true
                        value={d.work.clone()} error={errors.at("werk")}
                        onchange={text("werk", |d, v| d.work = v)} />
                    <fieldset class="groep-binnen" id="inkomen">
                        <legend>{ "Inkomen" }</legend>
                        <p class="hint">{ "In het profiel komt alleen de inkomensklasse (op of boven de grens voor passend toewijzen), nooit het bedrag." }</p>
                        { for errors.at("inkomen").map(|e| html! { <p class="foutmelding">{ e }</p> }) }
                        <div class="veld-rij">
                            <ParsedField id="inkomen-bedrag" label="Bruto jaarinkomen in euro's" hint="Bijvoorbeeld 16.500"
                                inputmode="decimal" value={d.income.map(|i| vocab::thousands(u64::from(i.yearly_amount_euros))).unwrap_or_default()}
                                error={errors.at("inkomen.bedrag")} apply={amount} />
                            <SelectField id="inkomen-bron" label="Bron van het inkomen"
                                options={options(&IncomeSource::ALL, "Kies")}
                                value={d.income.map(|i| key(&i.source)).unwrap_or_default()}
                                onchange={source} />
                        </div>
                        { for income_check.map(|c| html! {
                            <p class="hint" id="inkomen-toets" aria-live="polite">{ income_check_sentence(&c) }</p>
                        }) }
                    </fieldset>
                </fieldset>
                <fieldset class="groep">
                    <legend>{ "Huishouden, netwerk en woonsituatie" }</legend>
                    <ParsedField id="huishoudgrootte" label="Huishoudgrootte (aantal personen)" inputmode="numeric" class="veld-smal"
                        value={d.household_size.to_string()} error={errors.at("huishoudgrootte")} apply={household} />
                    <TextField id="sociaalNetwerk" label="Sociaal netwerk" multiline=true
                        value={d.social_network.clone()} error={errors.at("sociaalNetwerk")}
                        onchange={text("sociaalNetwerk", |d, v| d.social_network = v)} />
                    <SelectField id="woonsituatie" label="Woonsituatie" hint={living_hint}
                        options={options(&LivingSituation::ALL, "Kies")}
                        value={d.living_situation.map(|l| key(&l)).unwrap_or_default()} error={errors.at("woonsituatie")}
                        onchange={text("woonsituatie", |d, v| d.living_situation = from_key(&v))} />
                    <ParsedField id="inZorgSinds" label="In beschermd wonen of de opvang sinds (niet verplicht)"
                        hint="Bijvoorbeeld 03-03-2025. Gaat mee in de overdracht: de regisseur telt de wachttijd en de voorrang vanaf deze datum."
                        inputmode="numeric" value={date_text(d.in_care_since)} apply={in_care} />
                </fieldset>
                <fieldset class="groep">
                    <legend>{ "Financiën en schulden" }</legend>
                    <TextField id="financien" label="Financiën" multiline=true
                        value={d.finances.clone()} error={errors.at("financien")}
                        onchange={text("financien", |d, v| d.finances = v)} />
                    <Checkbox id="schulden" label="Er zijn schulden" checked={d.has_debts}
                        onchange={flag("schulden", |d, v| d.has_debts = v)} />
                    <Checkbox id={ProfileField::BudgetManagement.element_id()} label="Onder bewind (bewindvoering)" checked={d.budget_management}
                        error={errors.at("onderBewind")}
                        hint="Dan is de beschikking bewindvoering een van de documenten. Het bemiddelingsprofiel (stap 4) neemt dit antwoord over."
                        onchange={flag("onderBewind", |d, v| d.budget_management = v)} />
                    <TextField id="iban" label="IBAN (niet verplicht)" autocomplete="off"
                        value={d.iban.clone().unwrap_or_default()} error={errors.at("iban")}
                        onchange={text("iban", |d, v| {
                            let v = v.trim().to_string();
                            d.iban = (!v.is_empty()).then(|| validate::iban(&v).unwrap_or(v));
                        })} />
                </fieldset>
                <fieldset class="groep bijzonder">
                    <legend>{ "Gezondheid" }</legend>
                    <p class="waarschuwing">
                        <strong>{ "Bijzonder persoonsgegeven, art. 9 AVG — komt nooit in het profiel." }</strong>
                        { " Alleen voor het onderzoek van de Wmo-consulent. Deze tekst gaat niet mee naar de regisseur, de corporaties of de overdracht." }
                    </p>
                    <TextField id="gezondheid" label="Gezondheid" multiline=true
                        value={d.health.clone()} error={errors.at("gezondheid")}
                        onchange={text("gezondheid", |d, v| d.health = v)} />
                </fieldset>
                <CheckButton on_check={p.on_check.clone()} show_all={p.show_all} problems={errors.count()} />
            </fieldset>
            <Documents id={p.id.clone()} open={p.open} errors={errors.summary()} />
            <TargetGroup id={p.id.clone()} open={p.open} touched={p.touched.clone()} />
            { for gates_leaving(Step::Investigation).into_iter().map(|g| html! {
                <GateRecorder id={p.id.clone()} gate={g} enabled={p.open} hint={gate_hint(g)} />
            }) }
        </div>
    }
}
