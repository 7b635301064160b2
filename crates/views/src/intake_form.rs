//! The coordinator's form for the step-4 row typed from a Wmo consultant's report (no Wmo
//! consultant in the app): the options of its selects, its labels, and reading the typed text
//! into the core's `TypedIntake`, with a Dutch message per field. The core checks the rest.

use crate::select;
use woonkans_core::date::Date;
use woonkans_core::dossier::Contact;
use woonkans_core::profile::{AgeBand, Gender, IncomeBand, LivingSituation};
use woonkans_core::region::Region;
use woonkans_core::rentlimits::RentLimits;
use woonkans_core::transfer::TypedIntake;
use woonkans_core::vocab;

pub const INTRO: &str = "Gebruikt de Wmo-consulent de app niet, dan typt u hier de gegevens van \
     stap 4 over uit het rapport van de consulent. Meer vraagt de app niet: geen naam, BSN, adres, \
     geboortedatum, inkomen of gezondheid.";

/// Whether this vault types the step-4 row itself: only the coordinator's.
pub fn available(ws: &woonkans_core::workspace::Workspace) -> bool {
    ws.role() == Some(woonkans_core::role::Role::Regisseur)
}

pub const NOT_HERE: &str = "Stap-4-gegevens typen hoort bij de kluis van de regisseur.";

/// The form as typed: every field as text or a tick.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IntakeForm {
    pub gender: String,
    pub living_situation: String,
    pub age_band: String,
    pub gemeente: String,
    pub household_size: String,
    pub income_band: String,
    pub has_debts: bool,
    pub budget_management: bool,
    pub young_rent_limit: bool,
    pub wmo_organisation: String,
    pub wmo_person: String,
    pub care_organisation: String,
    pub care_person: String,
    pub mandate_date: String,
    pub support_plan_date: String,
    pub recorded_by: String,
}

/// A field's id and its message, for the error summary and the field itself.
pub type FieldError = (&'static str, String);

pub fn gender_options() -> Vec<(String, String)> {
    select::options(&Gender::ALL, "Kies")
}
pub fn living_situation_options() -> Vec<(String, String)> {
    select::options(&LivingSituation::ALL, "Kies")
}
pub fn age_band_options() -> Vec<(String, String)> {
    select::options(&AgeBand::ALL, "Kies")
}
pub fn income_band_options() -> Vec<(String, String)> {
    select::options(
        &[IncomeBand::AtOrBelowLimit, IncomeBand::AboveLimit],
        "Kies",
    )
}

/// The participating gemeenten of the vault's region.
pub fn gemeente_options(region: Option<Region>) -> Vec<(String, String)> {
    std::iter::once((String::new(), "Kies".to_string()))
        .chain(
            region
                .map(|r| r.gemeenten().to_vec())
                .unwrap_or_default()
                .into_iter()
                .map(|g| (g.to_string(), g.to_string())),
        )
        .collect()
}

/// The income checks of this year's table in a sentence, for the Wmo consultant typing the
/// income: passend toewijzen, and the DAEB limit with what it means when the income is above it.
pub fn income_check_sentence(c: &woonkans_core::rentlimits::IncomeCheck) -> String {
    let passend = format!(
        "Toets {}: {} de inkomensgrens voor passend toewijzen ({})",
        c.year,
        if c.within_passend {
            "op of onder"
        } else {
            "boven"
        },
        vocab::whole_euros(c.passend_limit)
    );
    match (c.daeb_limit, c.within_daeb) {
        (Some(limit), Some(true)) => format!(
            "{passend}; binnen de inkomensgrens voor een sociale huurwoning (DAEB, {}).",
            vocab::whole_euros(limit)
        ),
        (Some(limit), Some(false)) => format!(
            "{passend}; boven de inkomensgrens voor een sociale huurwoning (DAEB, {}). Een corporatie kan deze inwoner dan alleen binnen haar vrije toewijzingsruimte een sociale huurwoning geven.",
            vocab::whole_euros(limit)
        ),
        _ => format!("{passend}."),
    }
}

/// The label of the young people's rent limit, with the age of this year's table.
pub fn young_limit_label(limits: &RentLimits) -> String {
    format!(
        "Jonger dan {} jaar: de huurgrens voor jongeren geldt",
        u32::from(limits.young_max_age) + 1
    )
}

fn contact(organisation: &str, person: &str) -> Option<Contact> {
    let (o, p) = (organisation.trim(), person.trim());
    (!o.is_empty() || !p.is_empty()).then(|| Contact {
        organisation: o.to_string(),
        person: p.to_string(),
    })
}

impl IntakeForm {
    /// The typed row, or every field that could not be read.
    pub fn read(&self) -> Result<TypedIntake, Vec<FieldError>> {
        let mut errors: Vec<FieldError> = Vec::new();
        let mut choose = |id: &'static str, what: &str| {
            errors.push((id, format!("Kies {what}.")));
        };
        let gender = if self.gender.is_empty() {
            None
        } else {
            select::from_key::<Gender>(&self.gender)
        };
        let living = select::from_key::<LivingSituation>(&self.living_situation);
        if living.is_none() {
            choose("stap4-woonsituatie", "de woonsituatie");
        }
        let age = select::from_key::<AgeBand>(&self.age_band);
        if age.is_none() {
            choose("stap4-leeftijd", "de leeftijdsgroep");
        }
        let income = select::from_key::<IncomeBand>(&self.income_band);
        if income.is_none() {
            choose("stap4-inkomen", "de inkomensgroep");
        }
        if self.gemeente.trim().is_empty() {
            choose("stap4-gemeente", "de woongemeente");
        }
        let household = self.household_size.trim().parse::<u8>().ok();
        if household.is_none() {
            errors.push((
                "stap4-huishouden",
                "Vul de huishoudgrootte in als een heel getal (1 tot en met 12).".into(),
            ));
        }
        let mut date = |id: &'static str, text: &str, what: &str| match Date::parse(text.trim()) {
            Ok(d) => Some(d),
            Err(_) => {
                errors.push((id, format!("Vul de datum van {what} in als dd-mm-jjjj.")));
                None
            }
        };
        let mandate = date(
            "stap4-datum-aanmelding",
            &self.mandate_date,
            "de aanmelding (mandaat)",
        );
        let plan = date(
            "stap4-datum-plan",
            &self.support_plan_date,
            "het getekende ondersteuningsplan en de toestemming",
        );
        if self.recorded_by.trim().is_empty() {
            errors.push((
                "stap4-rapport",
                "Vul in uit wiens rapport de gegevens komen.".into(),
            ));
        }
        match (living, age, income, household, mandate, plan) {
            (
                Some(living_situation),
                Some(age_band),
                Some(income_band),
                Some(household_size),
                Some(mandate_date),
                Some(support_plan_date),
            ) if errors.is_empty() => Ok(TypedIntake {
                gender,
                living_situation,
                age_band,
                gemeente: self.gemeente.trim().to_string(),
                household_size,
                income_band,
                has_debts: self.has_debts,
                budget_management: self.budget_management,
                young_rent_limit: self.young_rent_limit,
                care_provider: contact(&self.care_organisation, &self.care_person),
                wmo_consultant: contact(&self.wmo_organisation, &self.wmo_person),
                mandate_date,
                support_plan_date,
                recorded_by: self.recorded_by.trim().to_string(),
            }),
            _ => Err(errors),
        }
    }
}

/// The form field a core refusal belongs to (the core names its fields in Dutch).
pub fn field_of(core_field: Option<&str>) -> &'static str {
    match core_field {
        Some("gemeente") => "stap4-gemeente",
        Some("huishoudgrootte") => "stap4-huishouden",
        Some("jongerengrens") => "stap4-jongerengrens",
        Some("vastgelegdDoor") => "stap4-rapport",
        Some("datumOndersteuningsplan") => "stap4-datum-plan",
        _ => "stap4-woonsituatie",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> IntakeForm {
        IntakeForm {
            gender: "female".into(),
            living_situation: select::key(&LivingSituation::SocialShelter),
            age_band: "18-22".into(),
            gemeente: "Venray".into(),
            household_size: " 2 ".into(),
            income_band: select::key(&IncomeBand::AtOrBelowLimit),
            has_debts: true,
            budget_management: false,
            young_rent_limit: true,
            wmo_organisation: "Wmo Venray".into(),
            wmo_person: String::new(),
            care_organisation: String::new(),
            care_person: String::new(),
            mandate_date: "01-09-2026".into(),
            support_plan_date: "2026-10-01".into(),
            recorded_by: "Wmo-consulent Venray, rapport".into(),
        }
    }

    #[test]
    fn a_filled_form_reads_into_the_row() {
        let t = filled().read().unwrap();
        assert_eq!(t.household_size, 2);
        assert_eq!(t.age_band, AgeBand::From18To22);
        assert_eq!(t.gender, Some(Gender::Female));
        assert_eq!(t.care_provider, None);
        assert_eq!(t.wmo_consultant.unwrap().organisation, "Wmo Venray");
        assert_eq!(t.mandate_date, Date::new(2026, 9, 1).unwrap());
    }

    #[test]
    fn every_missing_field_is_named_once() {
        let errors = IntakeForm::default().read().unwrap_err();
        let ids: Vec<&str> = errors.iter().map(|(id, _)| *id).collect();
        assert_eq!(
            ids,
            [
                "stap4-woonsituatie",
                "stap4-leeftijd",
                "stap4-inkomen",
                "stap4-gemeente",
                "stap4-huishouden",
                "stap4-datum-aanmelding",
                "stap4-datum-plan",
                "stap4-rapport"
            ]
        );
        let mut f = filled();
        f.household_size = "twee".into();
        assert_eq!(f.read().unwrap_err()[0].0, "stap4-huishouden");
    }

    #[test]
    fn options_and_labels_come_from_the_core() {
        assert_eq!(gemeente_options(Some(Region::NoordLimburg)).len(), 9);
        assert_eq!(gemeente_options(None).len(), 1);
        assert_eq!(age_band_options().len(), 6);
        let limits = woonkans_core::rentlimits::current();
        assert!(
            young_limit_label(&limits)
                .starts_with(&format!("Jonger dan {}", limits.young_max_age + 1))
        );
    }
}
