//! The placement profile (bemiddelingsprofiel) of step 4: the shared vocabulary of the
//! minimiser, the matcher and the bundles.
//!
//! A profile holds no directly identifying data by construction: there is no field in which a
//! name, BSN, address, phone, e-mail, date of birth, income amount or health datum could be
//! written. Free-text notes exist, and they pass the scanner before a profile counts as complete.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Age band, the generalisation of the date of birth. 18-22 and 23-27 together are the
/// young-adult priority group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum AgeBand {
    #[serde(rename = "18-22")]
    From18To22,
    #[serde(rename = "23-27")]
    From23To27,
    #[serde(rename = "28-54")]
    From28To54,
    #[serde(rename = "55-66")]
    From55To66,
    #[serde(rename = "67+")]
    From67,
}

impl AgeBand {
    pub const ALL: [AgeBand; 5] = [
        AgeBand::From18To22,
        AgeBand::From23To27,
        AgeBand::From28To54,
        AgeBand::From55To66,
        AgeBand::From67,
    ];

    /// `None` under 18: a minor is outside the target group and has no band.
    pub fn of_age(age: i32) -> Option<AgeBand> {
        Some(match age {
            i32::MIN..=17 => return None,
            18..=22 => AgeBand::From18To22,
            23..=27 => AgeBand::From23To27,
            28..=54 => AgeBand::From28To54,
            55..=66 => AgeBand::From55To66,
            _ => AgeBand::From67,
        })
    }

    pub fn is_young_adult(self) -> bool {
        matches!(self, AgeBand::From18To22 | AgeBand::From23To27)
    }

    pub fn is_55_plus(self) -> bool {
        matches!(self, AgeBand::From55To66 | AgeBand::From67)
    }

    pub fn label(self) -> &'static str {
        match self {
            AgeBand::From18To22 => "18-22",
            AgeBand::From23To27 => "23-27",
            AgeBand::From28To54 => "28-54",
            AgeBand::From55To66 => "55-66",
            AgeBand::From67 => "67+",
        }
    }
}

/// Income relative to the passend-toewijzen income limit for the household.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum IncomeBand {
    AtOrBelowLimit,
    AboveLimit,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Mobility {
    None,
    StepFree,
    Wheelchair,
}

/// Rent-arrears or nuisance history. Ordered: `None` < `Resolved` < `Current`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum History {
    None,
    Resolved,
    Current,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ContractForm {
    /// Gewone huurovereenkomst.
    RegularLease,
    /// Huurovereenkomst met gekoppelde zorgovereenkomst.
    LeaseWithCareAgreement,
    /// Huurovereenkomst op naam van de zorgaanbieder.
    LeaseInCareProviderName,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum HousingForm {
    Independent,
    InComplex,
    Cluster,
    NoPreference,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SafetyPlan {
    NotNeeded,
    Needed,
    Present,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Gender {
    Man,
    Vrouw,
    Anders,
    NietVermeld,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum LivingSituation {
    BeschermdWonen,
    MaatschappelijkeOpvang,
    Anders,
}

/// The eight step-4 categories of the register.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ProfileCategory {
    Gender,
    LivingSituation,
    HouseholdCare,
    WorkDayActivities,
    Mobility,
    SocialNetwork,
    SocialSelfReliance,
    FinancesDebts,
}

impl ProfileCategory {
    pub const ALL: [ProfileCategory; 8] = [
        ProfileCategory::Gender,
        ProfileCategory::LivingSituation,
        ProfileCategory::HouseholdCare,
        ProfileCategory::WorkDayActivities,
        ProfileCategory::Mobility,
        ProfileCategory::SocialNetwork,
        ProfileCategory::SocialSelfReliance,
        ProfileCategory::FinancesDebts,
    ];

    pub fn dutch(self) -> &'static str {
        match self {
            ProfileCategory::Gender => "Geslacht",
            ProfileCategory::LivingSituation => "Woonsituatie",
            ProfileCategory::HouseholdCare => "Huishouden / persoonlijke verzorging",
            ProfileCategory::WorkDayActivities => "Werk / daginvulling",
            ProfileCategory::Mobility => "Mobiliteit",
            ProfileCategory::SocialNetwork => "Sociaal netwerk",
            ProfileCategory::SocialSelfReliance => "Sociale redzaamheid",
            ProfileCategory::FinancesDebts => "Financiën / schulden",
        }
    }
}

/// A level 1-5 in the manner of the Zelfredzaamheid-Matrix (1 acute problems … 5 fully
/// self-reliant) with an optional short note.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Assessment {
    pub level: Option<u8>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The five self-reliance scores the matcher averages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SelfReliance {
    pub household_care: u8,
    pub work_day_activities: u8,
    pub social_network: u8,
    pub social_self_reliance: u8,
    pub finances_debts: u8,
}

impl SelfReliance {
    pub fn mean(self) -> f64 {
        f64::from(
            u16::from(self.household_care)
                + u16::from(self.work_day_activities)
                + u16::from(self.social_network)
                + u16::from(self.social_self_reliance)
                + u16::from(self.finances_debts),
        ) / 5.0
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Party {
    Resident,
    CareProvider,
    WmoConsultant,
    Coordinator,
    HousingAssociation,
    Network,
}

impl Party {
    pub fn dutch(self) -> &'static str {
        match self {
            Party::Resident => "Inwoner",
            Party::CareProvider => "Zorgaanbieder",
            Party::WmoConsultant => "Wmo-consulent",
            Party::Coordinator => "Ketenregisseur / Procesregisseur",
            Party::HousingAssociation => "Woningcorporatie",
            Party::Network => "Netwerk",
        }
    }
}

/// One agreement of the relapse plan: who does what when it goes wrong.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RelapseAgreement {
    pub party: Party,
    pub action: String,
}

/// The seed's "plan wie, wat doet bij terugval": the signals that show it is going wrong, and the
/// agreements of who does what then.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RelapsePlan {
    pub signals: String,
    pub agreements: Vec<RelapseAgreement>,
}

impl RelapsePlan {
    /// Required content: at least one signal, and an agreement for the care provider and for the
    /// housing association (the two who act first when rent or nuisance problems start).
    pub fn missing(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        if self.signals.trim().is_empty() {
            missing.push("terugvalplan: signalen");
        }
        let has = |p: Party| {
            self.agreements
                .iter()
                .any(|a| a.party == p && !a.action.trim().is_empty())
        };
        if !has(Party::CareProvider) {
            missing.push("terugvalplan: afspraak zorgaanbieder");
        }
        if !has(Party::HousingAssociation) {
            missing.push("terugvalplan: afspraak woningcorporatie");
        }
        missing
    }
}

/// The complete placement profile, as the matcher and an association see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlacementProfile {
    pub gender: Gender,
    pub living_situation: LivingSituation,
    pub mobility: Mobility,
    pub self_reliance: SelfReliance,
    /// Optional short notes per step-4 category; each passed the scanner.
    #[serde(default)]
    pub notes: BTreeMap<ProfileCategory, String>,
    /// Gemeenten in order of preference, at least one.
    pub search_area: Vec<String>,
    #[serde(default)]
    pub excluded_neighbourhoods: Vec<String>,
    pub housing_form: HousingForm,
    pub rent_arrears: History,
    pub nuisance: History,
    pub budget_management: bool,
    pub contract_form: ContractForm,
    /// Support per week in hours.
    pub support_hours_per_week: f64,
    pub reachable_24_7: bool,
    pub relapse_plan: Option<RelapsePlan>,
    pub safety_plan: SafetyPlan,
    pub household_size: u8,
    pub age_band: AgeBand,
    pub income_band: IncomeBand,
    /// Maximum net rent in euro cents.
    pub max_rent_cents: u32,
}

impl PlacementProfile {
    pub fn relapse_plan_present(&self) -> bool {
        self.relapse_plan
            .as_ref()
            .is_some_and(|p| p.missing().is_empty())
    }

    /// Every free-text string in the profile, with the field path; for the scanner and leak guard.
    pub fn texts(&self) -> Vec<(String, &str)> {
        let mut out: Vec<(String, &str)> = Vec::new();
        for (cat, note) in &self.notes {
            out.push((format!("notities.{}", category_key(*cat)), note.as_str()));
        }
        for (i, n) in self.excluded_neighbourhoods.iter().enumerate() {
            out.push((format!("uitgeslotenBuurten[{i}]"), n.as_str()));
        }
        if let Some(plan) = &self.relapse_plan {
            out.push(("terugvalplan.signalen".into(), plan.signals.as_str()));
            for (i, a) in plan.agreements.iter().enumerate() {
                out.push((format!("terugvalplan.afspraken[{i}]"), a.action.as_str()));
            }
        }
        out
    }

    pub fn validate(&self) -> Result<()> {
        let level_ok = |l: u8| (1..=5).contains(&l);
        let s = self.self_reliance;
        if ![
            s.household_care,
            s.work_day_activities,
            s.social_network,
            s.social_self_reliance,
            s.finances_debts,
        ]
        .into_iter()
        .all(level_ok)
        {
            return Err(Error::new(
                "PROFILE_INVALID",
                "Een zelfredzaamheidsscore moet tussen 1 en 5 liggen.",
            ));
        }
        if self.search_area.is_empty() {
            return Err(Error::new(
                "PROFILE_INVALID",
                "Het zoekgebied moet minstens één gemeente bevatten.",
            )
            .at("zoekgebied"));
        }
        if self.household_size == 0 || self.household_size > 12 {
            return Err(Error::new(
                "PROFILE_INVALID",
                "De huishoudgrootte moet tussen 1 en 12 liggen.",
            )
            .at("huishoudgrootte"));
        }
        if !(0.0..=168.0).contains(&self.support_hours_per_week) {
            return Err(Error::new(
                "PROFILE_INVALID",
                "Het aantal uren ondersteuning per week moet tussen 0 en 168 liggen.",
            )
            .at("ondersteuningUren"));
        }
        Ok(())
    }
}

pub fn category_key(c: ProfileCategory) -> &'static str {
    match c {
        ProfileCategory::Gender => "gender",
        ProfileCategory::LivingSituation => "livingSituation",
        ProfileCategory::HouseholdCare => "householdCare",
        ProfileCategory::WorkDayActivities => "workDayActivities",
        ProfileCategory::Mobility => "mobility",
        ProfileCategory::SocialNetwork => "socialNetwork",
        ProfileCategory::SocialSelfReliance => "socialSelfReliance",
        ProfileCategory::FinancesDebts => "financesDebts",
    }
}
