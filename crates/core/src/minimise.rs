//! The data minimiser: for each step, the projection of the dossier that its recipient may see.
//!
//! Each step has its own view type holding exactly the categories of that step's register row
//! (`register::row`), so a field that is not allowed cannot even be written; every view declares
//! its categories and a test holds them against the register. The coordinator's step-4 view
//! replaces the quasi-identifiers with generalised forms (age band, gemeente, income band).
//! Every view is produced only after the gates on the way to its step are recorded.
//! Step 6 is not a view but the hand-over (`handover`), a type of its own.

use crate::code::Code;
use crate::date::Date;
use crate::dossier::{Address, DocumentChecklist, Dossier, Income, PersonName, archived_error};
use crate::error::{Error, Result};
use crate::profile::{
    AgeBand, DerivedFacts, Gender, IncomeBand, LivingSituation, PlacementProfile,
};
use crate::region::{Region, canonical_gemeente};
use crate::register::{Category, Derived, Step};
use crate::rentlimits::RentLimits;
use serde::{Deserialize, Serialize};
use std::fmt;

pub use crate::register::Recipient;

/// What the views of steps 4 and 5 need besides the dossier.
#[derive(Clone, Copy, Debug)]
pub struct ViewContext<'a> {
    /// The date the view is made; ages are computed on it.
    pub reference_date: Date,
    /// The coordinator's region; a step-4 view is refused for a resident of the other region.
    pub region: Region,
    pub rent_limits: &'a RentLimits,
    /// Step 5 only: this recipient's code and the finished placement profile.
    pub coded: Option<Coded<'a>>,
}

/// The input of a step-5 view.
#[derive(Clone, Copy, Debug)]
pub struct Coded<'a> {
    pub code: Code,
    pub profile: &'a PlacementProfile,
}

/// A view's declaration of what it holds, checked against the register in the tests.
pub trait StepView {
    const STEP: Step;
    /// The register categories the view holds.
    const CATEGORIES: &'static [Category];
    /// The generalised forms it holds.
    const DERIVED: &'static [Derived] = &[];
}

/// Step 1, for the care provider: NAW and contact.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct Step1View {
    pub name: PersonName,
    pub address: Address,
    pub gemeente: String,
    pub phones: Vec<String>,
    pub email: Option<String>,
}

/// Step 2, for the Wmo access team of the resident's gemeente: NAW and contact only. Read back
/// from an aanmelding (`transfer`), so it refuses fields it does not have.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct Step2View {
    pub name: PersonName,
    pub address: Address,
    pub gemeente: String,
    pub phones: Vec<String>,
    pub email: Option<String>,
}

/// Step 3, for the Wmo consultant: everything the investigation needs, including health
/// (special category) and the four documents.
#[derive(Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct Step3View {
    pub name: PersonName,
    pub address: Address,
    pub gemeente: String,
    pub birth_date: Option<Date>,
    pub bsn: Option<String>,
    pub phones: Vec<String>,
    pub email: Option<String>,
    pub gender: Option<Gender>,
    pub education: String,
    pub work: String,
    pub income: Option<Income>,
    pub social_network: String,
    pub living_situation: Option<LivingSituation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_care_since: Option<Date>,
    pub household_size: u8,
    pub finances: String,
    pub has_debts: bool,
    pub budget_management: bool,
    pub iban: Option<String>,
    pub health: String,
    pub documents: DocumentChecklist,
}

/// Step 4, the coordinator's input for the placement profile: gender and living situation, and
/// generalised quasi-identifiers instead of birth date, address and income. No name, BSN,
/// address, phone, e-mail, birth date, income amount, education or health.
#[derive(Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct Step4View {
    pub gender: Option<Gender>,
    pub living_situation: Option<LivingSituation>,
    /// Since when the resident lives in beschermd wonen or the opvang (living situation): the
    /// coordinator's waiting time counts from it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_care_since: Option<Date>,
    pub age_band: AgeBand,
    /// 18-27: the seed's priority group, kept visible on purpose.
    pub young_adult: bool,
    /// The canonical name of the participating gemeente of residence.
    pub gemeente: &'static str,
    pub region: Region,
    pub household_size: u8,
    /// Relative to the passend-toewijzen income limit; `None` while the income is not recorded.
    pub income_band: Option<IncomeBand>,
    pub has_debts: bool,
    pub budget_management: bool,
}

/// Step 5, what a housing association gets: its own code and the placement profile.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct Step5View {
    pub code: Code,
    pub profile: PlacementProfile,
}

const NAW_CONTACT: &[Category] = &[Category::Naw, Category::Contact];

impl StepView for Step1View {
    const STEP: Step = Step::Orientation;
    const CATEGORIES: &'static [Category] = NAW_CONTACT;
}

impl StepView for Step2View {
    const STEP: Step = Step::WmoReport;
    const CATEGORIES: &'static [Category] = NAW_CONTACT;
}

impl StepView for Step3View {
    const STEP: Step = Step::Investigation;
    const CATEGORIES: &'static [Category] = &[
        Category::Naw,
        Category::BirthDate,
        Category::Bsn,
        Category::Contact,
        Category::Gender,
        Category::Education,
        Category::Work,
        Category::Income,
        Category::SocialNetwork,
        Category::LivingSituation,
        Category::Finances,
        Category::Health,
        Category::LandlordStatement,
        Category::BrpExtract,
        Category::IncomeStatement,
        Category::BewindvoeringRuling,
    ];
}

impl StepView for Step4View {
    const STEP: Step = Step::PlacementProfile;
    const CATEGORIES: &'static [Category] = &[
        Category::Gender,
        Category::LivingSituation,
        Category::FinancesDebts,
    ];
    const DERIVED: &'static [Derived] = &Derived::ALL;
}

impl StepView for Step5View {
    const STEP: Step = Step::AssociationTalks;
    const CATEGORIES: &'static [Category] = &[
        Category::Gender,
        Category::LivingSituation,
        Category::HouseholdCare,
        Category::WorkDayActivities,
        Category::Mobility,
        Category::SocialNetwork,
        Category::SocialSelfReliance,
        Category::FinancesDebts,
        Category::RelapseAgreements,
    ];
    const DERIVED: &'static [Derived] = &Derived::ALL;
}

macro_rules! redacted_debug {
    ($ty:ident { $($field:ident),* $(,)? }) => {
        impl fmt::Debug for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                crate::dossier::redacted(f, stringify!($ty), &[$(stringify!($field)),*])
            }
        }
    };
}

redacted_debug!(Step1View {
    name,
    address,
    gemeente,
    phones,
    email
});
redacted_debug!(Step2View {
    name,
    address,
    gemeente,
    phones,
    email
});
redacted_debug!(Step4View {
    gender,
    living_situation,
    in_care_since,
    age_band,
    young_adult,
    gemeente,
    region,
    household_size,
    income_band,
    has_debts,
    budget_management,
});
redacted_debug!(Step3View {
    name,
    address,
    gemeente,
    birth_date,
    bsn,
    phones,
    email,
    gender,
    education,
    work,
    income,
    social_network,
    living_situation,
    in_care_since,
    household_size,
    finances,
    has_debts,
    budget_management,
    iban,
    health,
    documents,
});

/// Any one of the step views, tagged with its step for the UI (`"view": "step4"`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "view", rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum View {
    Step1(Step1View),
    Step2(Step2View),
    /// Boxed: by far the largest view.
    Step3(Box<Step3View>),
    Step4(Step4View),
    Step5(Step5View),
}

impl View {
    pub fn step(&self) -> Step {
        match self {
            View::Step1(_) => Step::Orientation,
            View::Step2(_) => Step::WmoReport,
            View::Step3(_) => Step::Investigation,
            View::Step4(_) => Step::PlacementProfile,
            View::Step5(_) => Step::AssociationTalks,
        }
    }

    pub fn recipient(&self) -> Recipient {
        crate::register::row(self.step()).recipient
    }
}

/// Archived dossiers share nothing; then every gate on the way to `step` must be recorded.
fn open(dossier: &Dossier, step: Step) -> Result<()> {
    if dossier.archived {
        return Err(archived_error());
    }
    dossier.check_gates(step)
}

/// The view of `step` for its recipient. Checks the gates first (`GATE_MISSING`). Step 6 is
/// refused here: it is the hand-over to one association and needs an explicit confirmation of
/// the grondslag (`handover::handover`).
pub fn view(step: Step, dossier: &Dossier, ctx: &ViewContext<'_>) -> Result<View> {
    open(dossier, step)?;
    Ok(match step {
        Step::Orientation => View::Step1(step1_view(dossier)?),
        Step::WmoReport => View::Step2(step2_view(dossier)?),
        Step::Investigation => View::Step3(Box::new(step3_view(dossier)?)),
        Step::PlacementProfile => View::Step4(step4_view(
            dossier,
            ctx.reference_date,
            ctx.region,
            ctx.rent_limits,
        )?),
        Step::AssociationTalks => {
            let coded = ctx.coded.ok_or_else(|| {
                Error::new(
                    "PROFILE_MISSING",
                    "Voor stap 5 zijn een code en een afgerond bemiddelingsprofiel nodig.",
                )
                .at("bemiddelingsprofiel")
            })?;
            View::Step5(step5_view(dossier, coded.code, coded.profile)?)
        }
        Step::Agreement => {
            return Err(Error::new(
                "HANDOVER_ONLY",
                "Stap 6 is de overdracht aan één woningcorporatie; maak die via de overdracht, met een bevestiging van de grondslag.",
            ));
        }
    })
}

pub fn step1_view(dossier: &Dossier) -> Result<Step1View> {
    open(dossier, Step::Orientation)?;
    Ok(Step1View {
        name: dossier.name.clone(),
        address: dossier.address.clone(),
        gemeente: dossier.gemeente.clone(),
        phones: dossier.phones.clone(),
        email: dossier.email.clone(),
    })
}

pub fn step2_view(dossier: &Dossier) -> Result<Step2View> {
    open(dossier, Step::WmoReport)?;
    Ok(Step2View {
        name: dossier.name.clone(),
        address: dossier.address.clone(),
        gemeente: dossier.gemeente.clone(),
        phones: dossier.phones.clone(),
        email: dossier.email.clone(),
    })
}

pub fn step3_view(dossier: &Dossier) -> Result<Step3View> {
    open(dossier, Step::Investigation)?;
    let d = dossier;
    Ok(Step3View {
        name: d.name.clone(),
        address: d.address.clone(),
        gemeente: d.gemeente.clone(),
        birth_date: d.birth_date,
        bsn: d.bsn.clone(),
        phones: d.phones.clone(),
        email: d.email.clone(),
        gender: d.gender,
        education: d.education.clone(),
        work: d.work.clone(),
        income: d.income,
        social_network: d.social_network.clone(),
        living_situation: d.living_situation,
        in_care_since: d.in_care_since,
        household_size: d.household_size,
        finances: d.finances.clone(),
        has_debts: d.has_debts,
        budget_management: d.budget_management,
        iban: d.iban.clone(),
        health: d.health.clone(),
        documents: d.documents.clone(),
    })
}

/// The income checks of `limits` for the dossier's household (`RentLimits::income_check`), once
/// the income is typed. Without a birth date the household counts as below AOW age.
pub fn income_check(
    dossier: &Dossier,
    reference: Date,
    limits: &RentLimits,
) -> Option<crate::rentlimits::IncomeCheck> {
    let income = dossier.income?;
    let band = age_band(dossier, reference).unwrap_or(AgeBand::From28To54);
    Some(limits.income_check(
        income.yearly_amount_euros,
        dossier.household_size.max(1),
        band,
    ))
}

/// The age band on `reference`; an error when the birth date is missing or the resident is
/// under 18 then.
pub fn age_band(dossier: &Dossier, reference: Date) -> Result<AgeBand> {
    let born = dossier.birth_date.ok_or_else(|| {
        Error::new(
            "REQUIRED",
            "De geboortedatum ontbreekt; die is nodig voor de leeftijdscategorie.",
        )
        .at("geboortedatum")
    })?;
    AgeBand::of_age(born.age_on(reference)).ok_or_else(|| {
        Error::new(
            "AGE_BELOW_18",
            "De inwoner is op de peildatum jonger dan 18 jaar en valt buiten de doelgroep.",
        )
        .at("geboortedatum")
    })
}

pub fn step4_view(
    dossier: &Dossier,
    reference: Date,
    region: Region,
    rent_limits: &RentLimits,
) -> Result<Step4View> {
    open(dossier, Step::PlacementProfile)?;
    let age_band = age_band(dossier, reference)?;
    let gemeente = canonical_gemeente(&dossier.gemeente).ok_or_else(|| {
        Error::new(
            "GEMEENTE_UNKNOWN",
            "De woongemeente is geen deelnemende gemeente van Woonkans.",
        )
        .at("gemeente")
    })?;
    let home_region = Region::of_gemeente(gemeente).unwrap_or(region);
    if home_region != region {
        return Err(Error::new(
            "REGION_MISMATCH",
            format!(
                "De inwoner woont in {}; de bemiddeling hoort bij de {} van die regio.",
                home_region.name(),
                home_region.role().name().to_lowercase()
            ),
        )
        .at("gemeente"));
    }
    let household_size = dossier.household_size;
    if household_size == 0 || household_size > crate::dossier::MAX_HOUSEHOLD_SIZE {
        return Err(Error::new(
            "HOUSEHOLD_SIZE_INVALID",
            "De huishoudgrootte moet tussen 1 en 12 personen liggen.",
        )
        .at("huishoudgrootte"));
    }
    let income_band = dossier
        .income
        .map(|i| rent_limits.income_band(i.yearly_amount_euros, household_size, age_band));
    Ok(Step4View {
        gender: dossier.gender,
        living_situation: dossier.living_situation,
        in_care_since: dossier.in_care_since,
        age_band,
        young_adult: age_band.is_young_adult(),
        gemeente,
        region: home_region,
        household_size,
        income_band,
        has_debts: dossier.has_debts,
        budget_management: dossier.budget_management,
    })
}

pub fn step5_view(dossier: &Dossier, code: Code, profile: &PlacementProfile) -> Result<Step5View> {
    open(dossier, Step::AssociationTalks)?;
    profile.validate()?;
    Ok(Step5View {
        code,
        profile: profile.clone(),
    })
}

/// The view of step `number` (1-5) as a caller outside the app asks for it: the number as
/// given (anything but 1-6 is `STEP_INVALID` at `step`), and for step 5 this recipient's code
/// as typed (parsed here, `code`) and the finished profile; both are ignored before step 5.
pub fn view_of_step(
    number: i64,
    dossier: &Dossier,
    reference_date: Date,
    region: Region,
    rent_limits: &RentLimits,
    code: Option<&str>,
    profile: Option<&PlacementProfile>,
) -> Result<View> {
    // A whole number outside 0..=255 is as much no step as 7 is: 0 gives the same STEP_INVALID.
    let step = Step::from_number(u8::try_from(number).unwrap_or(0)).map_err(|e| e.at("step"))?;
    let code = match (step, code) {
        (Step::AssociationTalks, Some(text)) => {
            Some(crate::code::parse(text).map_err(|e| e.at("code"))?)
        }
        _ => None,
    };
    let coded = match (code, profile) {
        (Some(code), Some(profile)) if step == Step::AssociationTalks => {
            Some(Coded { code, profile })
        }
        _ => None,
    };
    let ctx = ViewContext {
        reference_date,
        region,
        rent_limits,
        coded,
    };
    view(step, dossier, &ctx)
}

/// A step-4 view as read from an overdracht, before its gemeente is checked.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Step4Read {
    gender: Option<Gender>,
    living_situation: Option<LivingSituation>,
    #[serde(default)]
    in_care_since: Option<Date>,
    age_band: AgeBand,
    young_adult: bool,
    gemeente: String,
    region: Region,
    household_size: u8,
    income_band: Option<IncomeBand>,
    has_debts: bool,
    budget_management: bool,
}

// By hand: derived, serde would tie the `&'static str` of the gemeente to the input's lifetime.
impl<'de> Deserialize<'de> for Step4View {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Step4View, D::Error> {
        let read = Step4Read::deserialize(d)?;
        Step4View::try_from(read).map_err(|e| serde::de::Error::custom(e.message))
    }
}

impl TryFrom<Step4Read> for Step4View {
    type Error = Error;

    /// Only a participating gemeente of the stated region, a household of 1 to 12 and the
    /// young-adult flag that belongs to the age band: a view this module could have made.
    fn try_from(r: Step4Read) -> Result<Step4View> {
        let invalid = || {
            Error::new(
                "TRANSFER_INVALID",
                "De stap-4-gegevens in dit bestand kloppen niet.",
            )
        };
        let gemeente = canonical_gemeente(&r.gemeente).ok_or_else(invalid)?;
        if Region::of_gemeente(gemeente) != Some(r.region)
            || r.household_size == 0
            || r.household_size > crate::dossier::MAX_HOUSEHOLD_SIZE
            || r.young_adult != r.age_band.is_young_adult()
            || r.in_care_since.is_some_and(|d| d.year() < 1950)
        {
            return Err(invalid());
        }
        Ok(Step4View {
            gender: r.gender,
            living_situation: r.living_situation,
            in_care_since: r.in_care_since,
            age_band: r.age_band,
            young_adult: r.young_adult,
            gemeente,
            region: r.region,
            household_size: r.household_size,
            income_band: r.income_band,
            has_debts: r.has_debts,
            budget_management: r.budget_management,
        })
    }
}

/// The facts the placement profile is built on, from a step-4 view (made here from a dossier, or
/// received in an overdracht). `DOSSIER_INCOMPLETE` while the living situation or the income was
/// not filled in.
pub fn facts_of_view(view: &Step4View, young_rent_limit: bool) -> Result<DerivedFacts> {
    Ok(DerivedFacts {
        gender: view.gender.unwrap_or(Gender::NotStated),
        living_situation: view.living_situation.ok_or_else(|| {
            Error::new(
                "DOSSIER_INCOMPLETE",
                "Vul eerst de woonsituatie in (stap 3).",
            )
            .at("woonsituatie")
        })?,
        age_band: view.age_band,
        income_band: view.income_band.ok_or_else(|| {
            Error::new("DOSSIER_INCOMPLETE", "Vul eerst het inkomen in (stap 3).").at("inkomen")
        })?,
        household_size: view.household_size,
        young_rent_limit,
        budget_management: Some(view.budget_management),
    })
}

/// The facts of the step-4 view that the placement profile is built on (never the raw values).
/// `DOSSIER_INCOMPLETE` while the living situation or the income is not filled in.
pub fn derived_facts(
    dossier: &Dossier,
    reference: Date,
    region: Region,
    rent_limits: &RentLimits,
) -> Result<DerivedFacts> {
    let view = step4_view(dossier, reference, region, rent_limits)?;
    let young = dossier
        .birth_date
        .is_some_and(|b| rent_limits.young_limit_applies(b.age_on(reference)));
    facts_of_view(&view, young)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::{Income, IncomeSource};
    use crate::profile::{ContractForm, History, HousingForm, Mobility, SafetyPlan, SelfReliance};
    use crate::register::{Gate, row};
    use crate::rentlimits;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn dossier() -> Dossier {
        let mut x = Dossier::new("m1");
        x.name.first_names = "Piet".into();
        x.name.surname = "Jansen".into();
        x.gemeente = "Roermond".into();
        x.birth_date = Some(d("2003-02-01"));
        x.gender = Some(Gender::Male);
        x.living_situation = Some(LivingSituation::SocialShelter);
        x.income = Some(Income {
            yearly_amount_euros: 15_000,
            source: IncomeSource::Benefits,
        });
        x.health = "diabetes".into();
        x
    }

    fn open_all(x: &mut Dossier) {
        for g in Gate::ALL {
            x.record_gate(g, d("2026-01-01"), "Wmo Roermond").unwrap();
        }
    }

    pub(crate) fn profile() -> PlacementProfile {
        PlacementProfile {
            gender: Gender::Male,
            living_situation: LivingSituation::SocialShelter,
            mobility: Mobility::None,
            self_reliance: SelfReliance {
                household_care: 3,
                work_day_activities: 3,
                social_network: 2,
                social_self_reliance: 3,
                finances_debts: 2,
            },
            notes: Default::default(),
            search_area: vec!["Roermond".into()],
            excluded_neighbourhoods: vec![],
            housing_form: HousingForm::Independent,
            rent_arrears: History::None,
            nuisance: History::Resolved,
            budget_management: false,
            contract_form: ContractForm::LeaseWithCareAgreement,
            support_hours_per_week: 4.0,
            reachable_24_7: false,
            relapse_plan: None,
            safety_plan: SafetyPlan::NotNeeded,
            household_size: 1,
            age_band: AgeBand::From23To27,
            income_band: IncomeBand::AtOrBelowLimit,
            max_rent_cents: 68_296,
        }
    }

    #[test]
    fn every_view_holds_only_its_register_row() {
        fn check<V: StepView>() {
            let r = row(V::STEP);
            for c in V::CATEGORIES {
                assert!(r.allows(*c), "{:?} holds {c:?}", V::STEP);
            }
            for g in V::DERIVED {
                assert!(r.allows_derived(*g), "{:?} holds {g:?}", V::STEP);
            }
        }
        check::<Step1View>();
        check::<Step2View>();
        check::<Step3View>();
        check::<Step4View>();
        check::<Step5View>();
        // Step 3 holds the whole row: the consultant needs all of it.
        assert_eq!(Step3View::CATEGORIES, row(Step::Investigation).categories);
    }

    #[test]
    fn gates_come_first() {
        let mut x = dossier();
        let limits = rentlimits::current();
        let p = profile();
        let ctx = ViewContext {
            reference_date: d("2026-03-01"),
            region: Region::MiddenLimburg,
            rent_limits: &limits,
            coded: Some(Coded {
                code: Code::from_value(42),
                profile: &p,
            }),
        };
        assert!(matches!(
            view(Step::Orientation, &x, &ctx).unwrap(),
            View::Step1(_)
        ));
        for step in &Step::ALL[1..] {
            let e = view(*step, &x, &ctx).unwrap_err();
            assert_eq!(e.code, "GATE_MISSING", "{step:?}");
            assert!(
                e.message
                    .starts_with(&format!("Stap {} kan pas na", step.number()))
            );
        }
        assert_eq!(step3_view(&x).unwrap_err().code, "GATE_MISSING");
        open_all(&mut x);
        for step in &Step::ALL[..5] {
            let v = view(*step, &x, &ctx).unwrap();
            assert_eq!(v.step(), *step);
        }
        assert_eq!(
            view(Step::Agreement, &x, &ctx).unwrap_err().code,
            "HANDOVER_ONLY"
        );
        x.archived = true;
        assert_eq!(
            view(Step::Orientation, &x, &ctx).unwrap_err().code,
            "DOSSIER_ARCHIVED"
        );
    }

    #[test]
    fn step4_generalises() {
        let mut x = dossier();
        open_all(&mut x);
        let limits = rentlimits::current();
        let v = step4_view(&x, d("2026-03-01"), Region::MiddenLimburg, &limits).unwrap();
        assert_eq!(v.age_band, AgeBand::From23To27);
        assert!(v.young_adult);
        assert_eq!(v.gemeente, "Roermond");
        assert_eq!(v.region, Region::MiddenLimburg);
        assert_eq!(v.income_band, Some(IncomeBand::AtOrBelowLimit));
        x.income = Some(Income {
            yearly_amount_euros: limits.income_limit_single + 1,
            source: IncomeSource::Work,
        });
        let v = step4_view(&x, d("2026-03-01"), Region::MiddenLimburg, &limits).unwrap();
        assert_eq!(v.income_band, Some(IncomeBand::AboveLimit));
        let json = serde_json::to_string(&v).unwrap();
        assert!(!json.contains("Jansen") && !json.contains("2003") && !json.contains("diabetes"));
        assert!(json.contains("\"ageBand\":\"23-27\""));

        assert_eq!(
            step4_view(&x, d("2026-03-01"), Region::NoordLimburg, &limits)
                .unwrap_err()
                .code,
            "REGION_MISMATCH"
        );
        assert_eq!(
            step4_view(&x, d("2020-03-01"), Region::MiddenLimburg, &limits)
                .unwrap_err()
                .code,
            "AGE_BELOW_18"
        );
        x.gemeente = "Utrecht".into();
        assert_eq!(
            step4_view(&x, d("2026-03-01"), Region::MiddenLimburg, &limits)
                .unwrap_err()
                .code,
            "GEMEENTE_UNKNOWN"
        );
        x.gemeente = "Roermond".into();
        x.birth_date = None;
        let e = step4_view(&x, d("2026-03-01"), Region::MiddenLimburg, &limits).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("geboortedatum"));
    }

    #[test]
    fn step5_needs_code_and_a_valid_profile() {
        let mut x = dossier();
        open_all(&mut x);
        let limits = rentlimits::current();
        let ctx = ViewContext {
            reference_date: d("2026-03-01"),
            region: Region::MiddenLimburg,
            rent_limits: &limits,
            coded: None,
        };
        assert_eq!(
            view(Step::AssociationTalks, &x, &ctx).unwrap_err().code,
            "PROFILE_MISSING"
        );
        let mut p = profile();
        p.search_area.clear();
        assert_eq!(
            step5_view(&x, Code::from_value(7), &p).unwrap_err().code,
            "PROFILE_INVALID"
        );
        let v = step5_view(&x, Code::from_value(7), &profile()).unwrap();
        let json = serde_json::to_value(View::Step5(v)).unwrap();
        assert_eq!(json["view"], "step5");
        assert!(json["code"].as_str().unwrap().starts_with("WK-"));
    }

    #[test]
    fn debug_of_views_hides_values() {
        let mut x = dossier();
        open_all(&mut x);
        let out = format!(
            "{:?} {:?}",
            step3_view(&x).unwrap(),
            step1_view(&x).unwrap()
        );
        assert!(!out.contains("Jansen") && !out.contains("diabetes") && !out.contains("Piet"));
        assert!(out.contains("health"));
    }
}
