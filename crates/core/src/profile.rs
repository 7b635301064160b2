//! The placement profile (bemiddelingsprofiel) of step 4: the shared vocabulary of the
//! minimiser, the matcher and the bundles.
//!
//! A profile holds no directly identifying data by construction: there is no field in which a
//! name, BSN, address, phone, e-mail, date of birth, income amount or health datum could be
//! written. Free-text notes exist, and they pass the scanner before a profile counts as complete.

use crate::error::{Error, Result};
use crate::vocab::Dutch;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Debug stand-in for typed free text: shows whether there is any, never what it says. A note
/// may hold what a coordinator typed about a resident before the scanner flagged it.
struct Text<'a>(&'a str);

impl fmt::Debug for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_empty() { "\"\"" } else { "…" })
    }
}

/// Debug stand-in for a list of typed texts: their number only.
struct Texts(usize);

impl fmt::Debug for Texts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{} × …]", self.0)
    }
}

/// Age band, the generalisation of the date of birth. 18-22 and 23-27 together are the
/// young-adult priority group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum IncomeBand {
    AtOrBelowLimit,
    AboveLimit,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Mobility {
    None,
    StepFree,
    Wheelchair,
}

/// Rent-arrears or nuisance history. Ordered: `None` < `Resolved` < `Current`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum History {
    None,
    Resolved,
    Current,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum HousingForm {
    Independent,
    InComplex,
    Cluster,
    NoPreference,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum SafetyPlan {
    NotNeeded,
    Needed,
    Present,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Gender {
    // Written in English; the Dutch values of earlier versions are still read (stored vaults,
    // backups and bundles made before).
    #[serde(alias = "man")]
    Male,
    #[serde(alias = "vrouw")]
    Female,
    #[serde(alias = "anders")]
    Other,
    #[serde(alias = "nietVermeld")]
    NotStated,
}

impl Gender {
    /// Every value, in the order a form offers them.
    pub const ALL: [Gender; 4] = [
        Gender::Female,
        Gender::Male,
        Gender::Other,
        Gender::NotStated,
    ];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum LivingSituation {
    /// Beschermd wonen (BW).
    #[serde(alias = "beschermdWonen")]
    ShelteredHousing,
    /// Maatschappelijke opvang (MO).
    #[serde(alias = "maatschappelijkeOpvang")]
    SocialShelter,
    #[serde(alias = "anders")]
    Other,
}

impl LivingSituation {
    /// Every value, in the order a form offers them.
    pub const ALL: [LivingSituation; 3] = [
        LivingSituation::ShelteredHousing,
        LivingSituation::SocialShelter,
        LivingSituation::Other,
    ];
}

/// The eight step-4 categories of the register.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
}

/// A level 1-5 in the manner of the Zelfredzaamheid-Matrix (1 acute problems … 5 fully
/// self-reliant) with an optional short note.
#[derive(Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct Assessment {
    pub level: Option<u8>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<String>", optional = nullable))]
    pub note: String,
}

/// The five self-reliance scores the matcher averages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Party {
    Resident,
    CareProvider,
    WmoConsultant,
    Coordinator,
    HousingAssociation,
    Network,
}

/// One agreement of the relapse plan: who does what when it goes wrong.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct RelapseAgreement {
    pub party: Party,
    pub action: String,
}

/// The seed's "plan wie, wat doet bij terugval": the signals that show it is going wrong, and the
/// agreements of who does what then.
#[derive(Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
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
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
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

    /// This profile as it goes to `association`: only the free texts released for it; the
    /// structured fields always. A relapse plan keeps its released parts.
    pub fn released_for(
        &self,
        released: &BTreeMap<String, Vec<String>>,
        association: &str,
    ) -> PlacementProfile {
        self.keep_texts(|t| is_released(released, t, association))
    }

    /// What every association receives: the free texts released for all of them.
    pub fn released_to_all(&self, released: &BTreeMap<String, Vec<String>>) -> PlacementProfile {
        self.keep_texts(|t| released.get(&text_digest(t)).is_some_and(Vec::is_empty))
    }

    fn keep_texts(&self, ok: impl Fn(&str) -> bool) -> PlacementProfile {
        let mut p = self.clone();
        p.notes.retain(|_, n| ok(n));
        p.excluded_neighbourhoods.retain(|n| ok(n));
        p.relapse_plan = self.relapse_plan.as_ref().and_then(|plan| {
            let signals = if ok(&plan.signals) {
                plan.signals.clone()
            } else {
                String::new()
            };
            let agreements: Vec<RelapseAgreement> = plan
                .agreements
                .iter()
                .filter(|a| ok(&a.action))
                .cloned()
                .collect();
            (!signals.trim().is_empty() || !agreements.is_empty()).then_some(RelapsePlan {
                signals,
                agreements,
            })
        });
        p
    }

    pub fn validate(&self) -> Result<()> {
        // The outgoing whitelist is not checked here: the leak guard reports a bad character
        // with the profile's code and field, like every other finding.
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

/// The Dutch name of a free-text field key of `texts` ("notities.socialNetwork" → "Notitie
/// Sociaal netwerk"), for messages.
pub fn text_label(field: &str) -> String {
    let index = |rest: &str| {
        rest.trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<usize>()
            .map_or(String::new(), |i| format!(" {}", i + 1))
    };
    if let Some(key) = field.strip_prefix("notities.") {
        return match ProfileCategory::ALL
            .iter()
            .find(|c| category_key(**c) == key)
        {
            Some(c) => format!("Notitie {}", c.dutch()),
            None => "Notitie".to_string(),
        };
    }
    if let Some(rest) = field.strip_prefix("uitgeslotenBuurten") {
        return format!("Uitgesloten buurt{}", index(rest));
    }
    if field == "terugvalplan.signalen" {
        return "Terugvalplan: signalen".to_string();
    }
    if let Some(rest) = field.strip_prefix("terugvalplan.afspraken") {
        return format!("Terugvalplan: afspraak{}", index(rest));
    }
    field.to_string()
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

/// What the minimiser derives from the dossier for step 4 (never the raw values).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct DerivedFacts {
    pub gender: Gender,
    pub living_situation: LivingSituation,
    pub age_band: AgeBand,
    pub income_band: IncomeBand,
    pub household_size: u8,
    /// Whether the rent table's young people's limit applies at the resident's age (18-20 from
    /// 2026). A yes/no, not the age: the step-4 view keeps only the band.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Option<bool>", optional = nullable))]
    pub young_rent_limit: bool,
    /// Bewindvoering as the dossier records it (step 3). Step 4 takes it over rather than ask
    /// it a second time; absent only for facts made outside a workspace, which then fall back
    /// on the draft's answer.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub budget_management: Option<bool>,
}

impl DerivedFacts {
    /// The maximum rent the rent-limit table allows this household, in cents.
    pub fn table_max_rent_cents(&self, limits: &crate::rentlimits::RentLimits) -> u32 {
        limits.max_rent_cents_young(self.household_size, self.young_rent_limit, self.income_band)
    }
}

/// The coordinator's step-4 input while the profile is being built: every part may still be
/// missing. `ProfileDraft::complete` lists what is missing or turns it into a profile.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct ProfileDraft {
    pub assessments: BTreeMap<ProfileCategory, Assessment>,
    pub mobility: Option<Mobility>,
    pub search_area: Vec<String>,
    pub excluded_neighbourhoods: Vec<String>,
    pub housing_form: Option<HousingForm>,
    pub rent_arrears: Option<History>,
    pub nuisance: Option<History>,
    pub budget_management: Option<bool>,
    pub contract_form: Option<ContractForm>,
    pub support_hours_per_week: Option<f64>,
    pub reachable_24_7: Option<bool>,
    pub relapse_plan: RelapsePlan,
    pub safety_plan: Option<SafetyPlan>,
    /// A lower maximum rent than the rent-limit table gives, in cents.
    pub max_rent_override_cents: Option<u32>,
    /// The free texts the coordinator released for bundles: the SHA-256 of the (trimmed) text →
    /// the associations it is released for (empty: every association). Keyed by the text's
    /// digest, so editing a released text withdraws its release.
    pub released: BTreeMap<String, Vec<String>>,
}

/// The digest a release is kept under.
pub fn text_digest(text: &str) -> String {
    use sha2::{Digest, Sha256};
    crate::code::hex(&Sha256::digest(text.trim().as_bytes()))
}

/// Whether a free text may go into a bundle for `association`.
pub fn is_released(
    released: &BTreeMap<String, Vec<String>>,
    text: &str,
    association: &str,
) -> bool {
    released
        .get(&text_digest(text))
        .is_some_and(|only| only.is_empty() || only.iter().any(|a| a == association))
}

// Debug of the profile types: levels and choices, never typed text (notes, neighbourhoods,
// places, relapse signals and agreements), so a profile can reach a log or a panic message.

impl fmt::Debug for Assessment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Assessment")
            .field("level", &self.level)
            .field("note", &Text(&self.note))
            .finish()
    }
}

impl fmt::Debug for RelapseAgreement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RelapseAgreement")
            .field("party", &self.party)
            .field("action", &Text(&self.action))
            .finish()
    }
}

impl fmt::Debug for RelapsePlan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RelapsePlan")
            .field("signals", &Text(&self.signals))
            .field("agreements", &self.agreements)
            .finish()
    }
}

impl fmt::Debug for PlacementProfile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let notes: Vec<_> = self.notes.keys().collect();
        f.debug_struct("PlacementProfile")
            .field("gender", &self.gender)
            .field("living_situation", &self.living_situation)
            .field("mobility", &self.mobility)
            .field("self_reliance", &self.self_reliance)
            .field("notes", &notes)
            .field("search_area", &Texts(self.search_area.len()))
            .field(
                "excluded_neighbourhoods",
                &Texts(self.excluded_neighbourhoods.len()),
            )
            .field("housing_form", &self.housing_form)
            .field("rent_arrears", &self.rent_arrears)
            .field("nuisance", &self.nuisance)
            .field("budget_management", &self.budget_management)
            .field("contract_form", &self.contract_form)
            .field("support_hours_per_week", &self.support_hours_per_week)
            .field("reachable_24_7", &self.reachable_24_7)
            .field("relapse_plan", &self.relapse_plan)
            .field("safety_plan", &self.safety_plan)
            .field("household_size", &self.household_size)
            .field("age_band", &self.age_band)
            .field("income_band", &self.income_band)
            .field("max_rent_cents", &self.max_rent_cents)
            .finish()
    }
}

impl fmt::Debug for ProfileDraft {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProfileDraft")
            .field("assessments", &self.assessments)
            .field("mobility", &self.mobility)
            .field("search_area", &Texts(self.search_area.len()))
            .field(
                "excluded_neighbourhoods",
                &Texts(self.excluded_neighbourhoods.len()),
            )
            .field("housing_form", &self.housing_form)
            .field("rent_arrears", &self.rent_arrears)
            .field("nuisance", &self.nuisance)
            .field("budget_management", &self.budget_management)
            .field("contract_form", &self.contract_form)
            .field("support_hours_per_week", &self.support_hours_per_week)
            .field("reachable_24_7", &self.reachable_24_7)
            .field("relapse_plan", &self.relapse_plan)
            .field("safety_plan", &self.safety_plan)
            .field("max_rent_override_cents", &self.max_rent_override_cents)
            .finish()
    }
}

/// One thing that keeps a draft from being complete, in Dutch, with the field it concerns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct Missing {
    pub field: String,
    pub message: String,
}

fn missing(field: &str, message: &str) -> Missing {
    Missing {
        field: field.into(),
        message: message.into(),
    }
}

/// The five categories that carry a self-reliance level.
pub const SCORED: [ProfileCategory; 5] = [
    ProfileCategory::HouseholdCare,
    ProfileCategory::WorkDayActivities,
    ProfileCategory::SocialNetwork,
    ProfileCategory::SocialSelfReliance,
    ProfileCategory::FinancesDebts,
];

/// Longest note per category: a profile note is a short remark, not a report.
pub const NOTE_MAX_CHARS: usize = 500;

impl ProfileDraft {
    fn level(&self, c: ProfileCategory) -> Option<u8> {
        self.assessments
            .get(&c)
            .and_then(|a| a.level)
            .filter(|l| (1..=5).contains(l))
    }

    /// Everything still missing, in the order of the form. Empty means `complete` will succeed
    /// (apart from the scanner's findings, which `complete` checks with the dossier's values).
    pub fn missing(
        &self,
        rent_limits: &crate::rentlimits::RentLimits,
        facts: &DerivedFacts,
    ) -> Vec<Missing> {
        let mut out = Vec::new();
        for c in SCORED {
            if self.level(c).is_none() {
                out.push(missing(
                    &format!("niveaus.{}", category_key(c)),
                    &format!("{}: kies een niveau van 1 tot 5.", c.dutch()),
                ));
            }
        }
        for (c, a) in &self.assessments {
            if a.note.chars().count() > NOTE_MAX_CHARS {
                out.push(missing(
                    &format!("notities.{}", category_key(*c)),
                    &format!(
                        "{}: de notitie is langer dan {NOTE_MAX_CHARS} tekens.",
                        c.dutch()
                    ),
                ));
            }
        }
        for (field, text) in self.texts() {
            if let Err(bad) = crate::text::outgoing_text(text) {
                out.push(missing(
                    &field,
                    &format!("{}: {}", text_label(&field), bad.dutch()),
                ));
            }
        }
        if self.mobility.is_none() {
            out.push(missing(
                "mobiliteit",
                "Mobiliteit: kies wat de inwoner nodig heeft.",
            ));
        }
        if self.search_area.is_empty() {
            out.push(missing(
                "zoekgebied",
                "Zoekgebied: kies minstens één gemeente.",
            ));
        } else if self
            .search_area
            .iter()
            .any(|g| crate::region::canonical_gemeente(g).is_none())
        {
            out.push(missing(
                "zoekgebied",
                "Zoekgebied: alleen deelnemende gemeenten zijn mogelijk.",
            ));
        }
        if self.housing_form.is_none() {
            out.push(missing(
                "woonvorm",
                "Woonvorm: kies een woonvorm of 'geen voorkeur'.",
            ));
        }
        if self.rent_arrears.is_none() {
            out.push(missing(
                "huurachterstand",
                "Huurverleden: vul de huurachterstand in.",
            ));
        }
        if self.nuisance.is_none() {
            out.push(missing("overlast", "Huurverleden: vul de overlast in."));
        }
        if facts.budget_management.is_none() && self.budget_management.is_none() {
            out.push(missing("bewindvoering", "Bewindvoering: kies ja of nee."));
        }
        if self.contract_form.is_none() {
            out.push(missing(
                "contractvorm",
                "Contractvorm: kies een contractvorm.",
            ));
        }
        match self.support_hours_per_week {
            None => out.push(missing(
                "ondersteuningUren",
                "Ondersteuning: vul het aantal uren per week in.",
            )),
            Some(h) if !(0.0..=168.0).contains(&h) || h.is_nan() => out.push(missing(
                "ondersteuningUren",
                "Ondersteuning: het aantal uren per week ligt tussen 0 en 168.",
            )),
            Some(_) => {}
        }
        if self.reachable_24_7.is_none() {
            out.push(missing(
                "bereikbaarheid",
                "Ondersteuning: geef aan of 24/7 bereikbaarheid geregeld is.",
            ));
        }
        for m in self.relapse_plan.missing() {
            out.push(missing(
                "terugvalplan",
                &format!("Terugvalplan: {}.", m.trim_start_matches("terugvalplan: ")),
            ));
        }
        if self.safety_plan.is_none() {
            out.push(missing(
                "veiligheidsplan",
                "Veiligheidsplan: kies niet nodig, nodig of aanwezig.",
            ));
        }
        if let Some(cap) = self.max_rent_override_cents {
            let table = facts.table_max_rent_cents(rent_limits);
            if cap > table {
                out.push(missing(
                    "maximaleHuur",
                    "Maximale huur: die mag alleen lager zijn dan de grens uit de huurtabel.",
                ));
            }
        }
        out
    }

    /// Every typed text of the draft with its field key, in the order the form shows them.
    pub fn texts(&self) -> Vec<(String, &str)> {
        let mut out: Vec<(String, &str)> = Vec::new();
        for (c, a) in &self.assessments {
            out.push((format!("notities.{}", category_key(*c)), a.note.as_str()));
        }
        for (i, n) in self.excluded_neighbourhoods.iter().enumerate() {
            out.push((format!("uitgeslotenBuurten[{i}]"), n.as_str()));
        }
        out.push((
            "terugvalplan.signalen".into(),
            self.relapse_plan.signals.as_str(),
        ));
        for (i, a) in self.relapse_plan.agreements.iter().enumerate() {
            out.push((format!("terugvalplan.afspraken[{i}]"), a.action.as_str()));
        }
        out
    }

    /// How many typed texts a bundle for `association` carries.
    pub fn released_count(&self, association: &str) -> usize {
        self.texts()
            .iter()
            .filter(|(_, t)| !t.trim().is_empty() && is_released(&self.released, t, association))
            .count()
    }

    /// The text of one field key of `texts`.
    pub fn text(&self, field: &str) -> Option<&str> {
        self.texts()
            .into_iter()
            .find(|(k, _)| k == field)
            .map(|(_, t)| t)
    }

    /// The associations the text of `field` is released for as it reads now: `None` when it is
    /// not released (or was edited since), an empty list when released for all associations.
    pub fn release_of(&self, field: &str) -> Option<&Vec<String>> {
        let text = self.text(field)?;
        self.released.get(&text_digest(text))
    }

    /// Releases (or, with `release` false, withdraws) the text of `field` for bundles, for the
    /// given associations (empty: all). Releasing is refused for an empty text and for one that
    /// holds a character outside the outgoing whitelist; the scanner's findings are checked by
    /// the caller, which knows the dossier (`Workspace::release_text`). Releases of texts that
    /// no longer exist are dropped.
    pub fn set_release(&mut self, field: &str, release: bool, only: Vec<String>) -> Result<()> {
        let text = self
            .text(field)
            .ok_or_else(|| Error::new("FIELD_UNKNOWN", "Dit tekstveld bestaat niet.").at(field))?
            .trim()
            .to_string();
        let digest = text_digest(&text);
        if release {
            if text.is_empty() {
                return Err(Error::new(
                    "RELEASE_EMPTY",
                    "Een leeg tekstveld hoeft niet te worden vrijgegeven.",
                )
                .at(field));
            }
            if let Err(bad) = crate::text::outgoing_text(&text) {
                return Err(Error::new("TEXT_CHARACTER", bad.dutch()).at(field));
            }
            let mut only = only;
            only.sort();
            only.dedup();
            self.released.insert(digest, only);
        } else {
            self.released.remove(&digest);
        }
        let live: Vec<String> = self.texts().iter().map(|(_, t)| text_digest(t)).collect();
        self.released.retain(|d, _| live.contains(d));
        Ok(())
    }

    /// The profile, when nothing is missing.
    pub fn complete(
        &self,
        rent_limits: &crate::rentlimits::RentLimits,
        facts: &DerivedFacts,
    ) -> std::result::Result<PlacementProfile, Vec<Missing>> {
        let missing = self.missing(rent_limits, facts);
        if !missing.is_empty() {
            return Err(missing);
        }
        let level = |c| self.level(c).unwrap_or(1);
        let table_max = facts.table_max_rent_cents(rent_limits);
        let notes = self
            .assessments
            .iter()
            .filter(|(_, a)| !a.note.trim().is_empty())
            .map(|(c, a)| (*c, a.note.trim().to_string()))
            .collect();
        let mut search_area: Vec<String> = Vec::new();
        for g in &self.search_area {
            if let Some(c) = crate::region::canonical_gemeente(g)
                && !search_area.iter().any(|s| s == c)
            {
                search_area.push(c.to_string());
            }
        }
        Ok(PlacementProfile {
            gender: facts.gender,
            living_situation: facts.living_situation,
            mobility: self.mobility.unwrap_or(Mobility::None),
            self_reliance: SelfReliance {
                household_care: level(ProfileCategory::HouseholdCare),
                work_day_activities: level(ProfileCategory::WorkDayActivities),
                social_network: level(ProfileCategory::SocialNetwork),
                social_self_reliance: level(ProfileCategory::SocialSelfReliance),
                finances_debts: level(ProfileCategory::FinancesDebts),
            },
            notes,
            search_area,
            excluded_neighbourhoods: self
                .excluded_neighbourhoods
                .iter()
                .map(|n| n.trim().to_string())
                .filter(|n| !n.is_empty())
                .collect(),
            housing_form: self.housing_form.unwrap_or(HousingForm::NoPreference),
            rent_arrears: self.rent_arrears.unwrap_or(History::None),
            nuisance: self.nuisance.unwrap_or(History::None),
            budget_management: facts
                .budget_management
                .or(self.budget_management)
                .unwrap_or(false),
            contract_form: self.contract_form.unwrap_or(ContractForm::RegularLease),
            support_hours_per_week: self.support_hours_per_week.unwrap_or(0.0),
            reachable_24_7: self.reachable_24_7.unwrap_or(false),
            relapse_plan: Some(self.relapse_plan.clone()),
            safety_plan: self.safety_plan.unwrap_or(SafetyPlan::NotNeeded),
            household_size: facts.household_size,
            age_band: facts.age_band,
            income_band: facts.income_band,
            max_rent_cents: self
                .max_rent_override_cents
                .unwrap_or(table_max)
                .min(table_max),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rentlimits;

    fn facts() -> DerivedFacts {
        DerivedFacts {
            gender: Gender::Female,
            living_situation: LivingSituation::ShelteredHousing,
            age_band: AgeBand::From23To27,
            income_band: IncomeBand::AtOrBelowLimit,
            household_size: 1,
            young_rent_limit: false,
            budget_management: None,
        }
    }

    pub(crate) fn full_draft() -> ProfileDraft {
        let mut d = ProfileDraft::default();
        for c in SCORED {
            d.assessments.insert(
                c,
                Assessment {
                    level: Some(3),
                    note: String::new(),
                },
            );
        }
        d.mobility = Some(Mobility::None);
        d.search_area = vec!["venlo".into(), "Venray".into(), "Venlo".into()];
        d.housing_form = Some(HousingForm::InComplex);
        d.rent_arrears = Some(History::Resolved);
        d.nuisance = Some(History::None);
        d.budget_management = Some(true);
        d.contract_form = Some(ContractForm::LeaseWithCareAgreement);
        d.support_hours_per_week = Some(4.0);
        d.reachable_24_7 = Some(true);
        d.relapse_plan = RelapsePlan {
            signals: "Post blijft liggen, afspraken worden gemist.".into(),
            agreements: vec![
                RelapseAgreement {
                    party: Party::CareProvider,
                    action: "Binnen twee werkdagen huisbezoek.".into(),
                },
                RelapseAgreement {
                    party: Party::HousingAssociation,
                    action: "Meldt een betalingsachterstand na één maand.".into(),
                },
            ],
        };
        d.safety_plan = Some(SafetyPlan::NotNeeded);
        d
    }

    #[test]
    fn empty_draft_lists_every_required_part() {
        let m = ProfileDraft::default().missing(&rentlimits::current(), &facts());
        let fields: Vec<&str> = m.iter().map(|m| m.field.as_str()).collect();
        for f in [
            "niveaus.householdCare",
            "mobiliteit",
            "zoekgebied",
            "woonvorm",
            "huurachterstand",
            "overlast",
            "bewindvoering",
            "contractvorm",
            "ondersteuningUren",
            "bereikbaarheid",
            "terugvalplan",
            "veiligheidsplan",
        ] {
            assert!(fields.contains(&f), "{f} missing from {fields:?}");
        }
    }

    #[test]
    fn full_draft_completes_with_table_rent_and_canonical_area() {
        let limits = rentlimits::current();
        let p = full_draft().complete(&limits, &facts()).unwrap();
        assert_eq!(
            p.search_area,
            vec!["Venlo".to_string(), "Venray".to_string()]
        );
        assert_eq!(p.max_rent_cents, limits.aftoppingsgrens_laag_cents);
        assert!(p.relapse_plan_present());
        p.validate().unwrap();
    }

    #[test]
    fn max_rent_may_only_be_lowered() {
        let limits = rentlimits::current();
        let mut d = full_draft();
        d.max_rent_override_cents = Some(50_000);
        assert_eq!(
            d.complete(&limits, &facts()).unwrap().max_rent_cents,
            50_000
        );
        d.max_rent_override_cents = Some(limits.liberalisatiegrens_cents);
        assert!(d.complete(&limits, &facts()).is_err());
    }

    #[test]
    fn relapse_plan_needs_signals_and_both_parties() {
        let mut d = full_draft();
        d.relapse_plan
            .agreements
            .retain(|a| a.party == Party::CareProvider);
        let m = d.missing(&rentlimits::current(), &facts());
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].field, "terugvalplan");
    }

    #[test]
    fn only_released_texts_leave_and_an_edit_withdraws_the_release() {
        let mut d = full_draft();
        d.assessments
            .get_mut(&ProfileCategory::SocialNetwork)
            .unwrap()
            .note = "Ziet zijn broer elke week.".into();
        d.assessments
            .get_mut(&ProfileCategory::HouseholdCare)
            .unwrap()
            .note = "Kookt zelf.".into();
        d.set_release("notities.socialNetwork", true, Vec::new())
            .unwrap();
        d.set_release("notities.householdCare", true, vec!["wonen-limburg".into()])
            .unwrap();
        d.set_release("terugvalplan.signalen", true, Vec::new())
            .unwrap();
        let p = d.complete(&rentlimits::current(), &facts()).unwrap();

        let to_other = p.released_for(&d.released, "woonwenz");
        assert_eq!(
            to_other.notes.keys().copied().collect::<Vec<_>>(),
            [ProfileCategory::SocialNetwork]
        );
        let plan = to_other.relapse_plan.as_ref().unwrap();
        assert!(!plan.signals.is_empty() && plan.agreements.is_empty());
        let to_chosen = p.released_for(&d.released, "wonen-limburg");
        assert_eq!(to_chosen.notes.len(), 2);
        assert_eq!(d.released_count("wonen-limburg"), 3);
        assert_eq!(d.released_count("woonwenz"), 2);
        assert_eq!(p.released_to_all(&d.released).notes.len(), 1);

        // Editing a released text withdraws its release: it no longer leaves.
        d.assessments
            .get_mut(&ProfileCategory::SocialNetwork)
            .unwrap()
            .note = "Ziet zijn broer elke week, soms ook zijn zus.".into();
        assert!(d.release_of("notities.socialNetwork").is_none());
        let p = d.complete(&rentlimits::current(), &facts()).unwrap();
        assert!(
            !p.released_for(&d.released, "woonwenz")
                .notes
                .contains_key(&ProfileCategory::SocialNetwork)
        );

        // An empty text or one with a character outside the whitelist is not released.
        assert_eq!(
            d.set_release("notities.workDayActivities", true, Vec::new())
                .unwrap_err()
                .code,
            "RELEASE_EMPTY"
        );
        d.assessments
            .get_mut(&ProfileCategory::FinancesDebts)
            .unwrap()
            .note = "Bewind\u{ad}voering loopt.".into();
        let e = d
            .set_release("notities.financesDebts", true, Vec::new())
            .unwrap_err();
        assert_eq!(e.code, "TEXT_CHARACTER");
        assert!(
            e.message.starts_with("teken 7 is een onzichtbaar teken"),
            "{}",
            e.message
        );
        let m = d.missing(&rentlimits::current(), &facts());
        assert!(m.iter().any(
            |m| m.field == "notities.financesDebts" && m.message.starts_with("Notitie Financi")
        ));
    }
}
