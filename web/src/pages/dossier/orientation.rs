//! Step 1 (Oriëntatie): NAW and contact details, and the care provider; the gate "toestemming
//! of machtiging om aan te melden". Only the data of the register's step-1 row.

use super::check::CheckButton;
use super::fields::{Checkbox, GemeenteSelect, ParsedField};
use super::gates::GateRecorder;
use super::{FieldErrors, StepProps, edit, gates_leaving};
use crate::components::form::{ErrorSummary, TextField};
use crate::state::use_app;
use woonkans_core::dossier::{AddressKind, Contact};
use woonkans_core::register::Step;
use woonkans_core::routeplanner::form_errors;
use woonkans_core::validate;
use woonkans_views::dossier_form::{BRIEFADRES_HINT, BRIEFADRES_LABEL};
use yew::prelude::*;

/// Sets phone `index` (0 or 1); empty numbers are dropped.
fn set_phone(phones: &mut Vec<String>, index: usize, value: &str) {
    let mut two = [
        phones.first().cloned().unwrap_or_default(),
        phones.get(1).cloned().unwrap_or_default(),
    ];
    if let Some(slot) = two.get_mut(index) {
        *slot = value.trim().to_string();
    }
    let extra: Vec<String> = phones.iter().skip(2).cloned().collect();
    *phones = two
        .into_iter()
        .chain(extra)
        .filter(|p| !p.is_empty())
        .collect();
}

fn set_contact(contact: &mut Option<Contact>, f: impl FnOnce(&mut Contact)) {
    let mut c = contact.clone().unwrap_or_default();
    f(&mut c);
    *contact = if c.organisation.trim().is_empty() && c.person.trim().is_empty() {
        None
    } else {
        Some(c)
    };
}

#[function_component(Orientation)]
pub fn orientation(p: &StepProps) -> Html {
    let app = use_app();
    let Some(case) = app.workspace().and_then(|ws| ws.case(&p.id).ok()) else {
        return html! {};
    };
    let d = &case.dossier;
    let errors = FieldErrors::visible(form_errors(d, Step::Orientation), &p.touched, p.show_all);
    let id = p.id.as_str();
    let t = &p.touched;
    let text = |field: &'static str,
                f: fn(&mut woonkans_core::dossier::Dossier, String)|
     -> Callback<String> {
        edit(&app, id, t, &[field], move |c, v: String| {
            f(&mut c.dossier, v);
            Ok(())
        })
    };
    let briefadres = edit(&app, id, t, &["adres.soort"], |c, v: bool| {
        c.dossier.address.kind = if v {
            AddressKind::Briefadres
        } else {
            AddressKind::Home
        };
        Ok(())
    });
    let house_number = {
        let cb = edit(&app, id, t, &["adres.huisnummer"], |c, n: u32| {
            c.dossier.address.house_number = n;
            Ok(())
        });
        Callback::from(move |v: String| {
            let v = v.trim();
            if v.is_empty() {
                cb.emit(0);
                return None;
            }
            match v.parse::<u32>() {
                Ok(n) => {
                    cb.emit(n);
                    None
                }
                Err(_) => Some(
                    "Vul alleen het huisnummer in cijfers in; een letter of toevoeging gaat in het veld Toevoeging."
                        .to_string(),
                ),
            }
        })
    };
    let phone = |i: usize| {
        edit(&app, id, t, &[], move |c, v: String| {
            set_phone(&mut c.dossier.phones, i, &v);
            Ok(())
        })
    };
    // The phone paths shift when a number is removed; mark both and the contact rule.
    let mark_phones = {
        let t = t.clone();
        move |cb: Callback<String>| {
            let t = t.clone();
            Callback::from(move |v: String| {
                t.mark(&["telefoon[0]".into(), "telefoon[1]".into(), "contact".into()]);
                cb.emit(v)
            })
        }
    };
    let care = |person: bool| {
        edit(
            &app,
            id,
            t,
            &["zorgaanbieder.organisatie", "zorgaanbieder"],
            move |c, v: String| {
                set_contact(&mut c.dossier.care_provider, |k| {
                    if person {
                        k.person = v.trim().to_string();
                    } else {
                        k.organisation = v.trim().to_string();
                    }
                });
                Ok(())
            },
        )
    };
    let care_provider = d.care_provider.clone().unwrap_or_default();
    let house = if d.address.house_number == 0 {
        String::new()
    } else {
        d.address.house_number.to_string()
    };

    html! {
        <div class="stap-formulier">
            <ErrorSummary errors={errors.summary()} />
            <fieldset class="kaal" disabled={!p.open}>
                <fieldset class="groep">
                    <legend>{ "Naam" }</legend>
                    <TextField id="naam-voornamen" label="Voornamen" autocomplete="off"
                        hint="Alle voornamen, zoals in de BRP"
                        value={d.name.first_names.clone()} error={errors.at("naam.voornamen")}
                        onchange={text("naam.voornamen", |d, v| d.name.first_names = v.trim().to_string())} />
                    <TextField id="naam-tussenvoegsel" label="Tussenvoegsel (niet verplicht)" autocomplete="off"
                        hint="Bijvoorbeeld 'van der'"
                        value={d.name.tussenvoegsel.clone()} error={errors.at("naam.tussenvoegsel")}
                        onchange={text("naam.tussenvoegsel", |d, v| d.name.tussenvoegsel = v.trim().to_string())} />
                    <TextField id="naam-achternaam" label="Achternaam" autocomplete="off"
                        value={d.name.surname.clone()} error={errors.at("naam.achternaam")}
                        onchange={text("naam.achternaam", |d, v| d.name.surname = v.trim().to_string())} />
                    <TextField id="naam-roepnaam" label="Roepnaam (niet verplicht)" autocomplete="off"
                        hint="Als de inwoner anders genoemd wordt dan de voornamen, bijvoorbeeld 'Mo'. De tekstscanner zoekt er ook naar in de notities."
                        value={d.name.call_name.clone()} error={errors.at("naam.roepnaam")}
                        onchange={text("naam.roepnaam", |d, v| d.name.call_name = v.trim().to_string())} />
                </fieldset>
                <fieldset class="groep">
                    <legend>{ "Adres" }</legend>
                    <Checkbox id="adres-briefadres" label={BRIEFADRES_LABEL} hint={BRIEFADRES_HINT}
                        checked={!d.address.kind.is_home()} onchange={briefadres} />
                    <TextField id="adres-straat" label="Straat" autocomplete="off"
                        value={d.address.street.clone()} error={errors.at("adres.straat")}
                        onchange={text("adres.straat", |d, v| d.address.street = v.trim().to_string())} />
                    <div class="veld-rij">
                        <ParsedField id="adres-huisnummer" label="Huisnummer" inputmode="numeric" class="veld-smal"
                            value={house} error={errors.at("adres.huisnummer")} apply={house_number} />
                        <TextField id="adres-huisnummertoevoeging" label="Toevoeging (niet verplicht)"
                            value={d.address.house_number_addition.clone()} error={errors.at("adres.huisnummertoevoeging")}
                            onchange={text("adres.huisnummertoevoeging", |d, v| d.address.house_number_addition = v.trim().to_string())} />
                    </div>
                    <TextField id="adres-postcode" label="Postcode" hint="Bijvoorbeeld 5911 AB" autocomplete="off"
                        value={d.address.postcode.clone()} error={errors.at("adres.postcode")}
                        onchange={text("adres.postcode", |d, v| d.address.postcode = validate::postcode(&v).unwrap_or_else(|_| v.trim().to_string()))} />
                    <TextField id="adres-woonplaats" label="Woonplaats" autocomplete="off"
                        value={d.address.place.clone()} error={errors.at("adres.woonplaats")}
                        onchange={text("adres.woonplaats", |d, v| d.address.place = v.trim().to_string())} />
                    <GemeenteSelect id="gemeente" label="Woongemeente"
                        value={d.gemeente.clone()} error={errors.at("gemeente")}
                        onchange={text("gemeente", |d, v| d.gemeente = v)} />
                </fieldset>
                <fieldset class="groep" id="contact">
                    <legend>{ "Contactgegevens" }</legend>
                    <p class="hint">{ "Minstens één telefoonnummer of een e-mailadres." }</p>
                    { for errors.at("contact").map(|e| html! { <p class="foutmelding">{ e }</p> }) }
                    <TextField id="telefoon-0" label="Telefoonnummer" kind="tel" autocomplete="off"
                        value={d.phones.first().cloned().unwrap_or_default()} error={errors.at("telefoon[0]")}
                        onchange={mark_phones(phone(0))} />
                    <TextField id="telefoon-1" label="Tweede telefoonnummer (niet verplicht)" kind="tel" autocomplete="off"
                        value={d.phones.get(1).cloned().unwrap_or_default()} error={errors.at("telefoon[1]")}
                        onchange={mark_phones(phone(1))} />
                    <TextField id="email" label="E-mailadres (niet verplicht)" kind="email" autocomplete="off"
                        value={d.email.clone().unwrap_or_default()} error={errors.at("email")}
                        onchange={edit(&app, id, t, &["email", "contact"], |c, v: String| {
                            let v = v.trim().to_string();
                            c.dossier.email = (!v.is_empty()).then_some(v);
                            Ok(())
                        })} />
                </fieldset>
                <fieldset class="groep" id="zorgaanbieder">
                    <legend>{ "Zorgaanbieder" }</legend>
                    <p class="hint">{ "De zorg- of welzijnspartner die met de inwoner de aanmelding bespreekt." }</p>
                    { for errors.at("zorgaanbieder").map(|e| html! { <p class="foutmelding">{ e }</p> }) }
                    <TextField id="zorgaanbieder-organisatie" label="Organisatie"
                        value={care_provider.organisation.clone()} error={errors.at("zorgaanbieder.organisatie")}
                        onchange={care(false)} />
                    <TextField id="zorgaanbieder-persoon" label="Contactpersoon (niet verplicht)"
                        value={care_provider.person.clone()} onchange={care(true)} />
                </fieldset>
                <CheckButton on_check={p.on_check.clone()} show_all={p.show_all} problems={errors.count()} />
            </fieldset>
            { for gates_leaving(Step::Orientation).into_iter().map(|g| html! {
                <GateRecorder id={p.id.clone()} gate={g} enabled={p.open}
                    hint="De inwoner wil aangemeld worden en geeft de zorgaanbieder toestemming of een machtiging om de melding bij de Wmo te doen." />
            }) }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_keep_order_and_drop_empty_ones() {
        let mut p = vec![];
        set_phone(&mut p, 0, " 0612345678 ");
        assert_eq!(p, ["0612345678"]);
        set_phone(&mut p, 1, "077-1234567");
        assert_eq!(p, ["0612345678", "077-1234567"]);
        set_phone(&mut p, 0, "");
        assert_eq!(p, ["077-1234567"]);
    }
}
