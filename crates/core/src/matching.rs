//! Matching one placement profile against the housing offer, as `docs/MATCHING.md` describes it:
//! thirteen knock-outs, all of them checked and reported; a 0-100 score from six weighted
//! components for every dwelling that passes; and per association whether its policy admits the
//! profile.
//!
//! Reasons and labels are fixed Dutch texts: they name the criterion, never a value from the
//! profile or the offer, so a result can be shown or shared without leaking anything.
//!
//! The total score is `round(Σ weight × component)` with halves rounded up. It is computed in
//! floating point and, when the sum lies within 1e-9 of a half, recomputed exactly with integer
//! fractions, so the rounding never depends on floating-point noise.

use crate::date::Date;
use crate::error::{Error, Result};
use crate::offer::{AgeLabel, DwellingType, HousingAssociation, Offer};
use crate::profile::{History, HousingForm, Mobility, PlacementProfile, SafetyPlan};
use crate::region::{all_gemeenten, canonical_gemeente, fold_name};
use crate::vocab::Dutch;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

/// The six component weights. They are settings; they must add up to 100.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct Weights {
    pub area: u32,
    pub housing_form: u32,
    pub rent_headroom: u32,
    pub support_fit: u32,
    pub spreading: u32,
    pub size_fit: u32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            area: 30,
            housing_form: 20,
            rent_headroom: 20,
            support_fit: 15,
            spreading: 10,
            size_fit: 5,
        }
    }
}

impl Weights {
    /// The weights to use: the given ones after their check (`validate`), or the defaults.
    pub fn or_default(weights: Option<Weights>) -> Result<Weights> {
        let w = weights.unwrap_or_default();
        w.validate()?;
        Ok(w)
    }

    pub fn validate(&self) -> Result<()> {
        let sum = [
            self.area,
            self.housing_form,
            self.rent_headroom,
            self.support_fit,
            self.spreading,
            self.size_fit,
        ]
        .iter()
        .try_fold(0u32, |acc, w| acc.checked_add(*w));
        if sum != Some(100) {
            return Err(Error::new(
                "WEIGHTS_INVALID",
                "De gewichten van de zes onderdelen moeten samen precies 100 zijn.",
            )
            .at("gewichten"));
        }
        Ok(())
    }

    fn of(&self, kind: ComponentKind) -> u32 {
        match kind {
            ComponentKind::AreaPreference => self.area,
            ComponentKind::HousingForm => self.housing_form,
            ComponentKind::RentHeadroom => self.rent_headroom,
            ComponentKind::SupportFit => self.support_fit,
            ComponentKind::Spreading => self.spreading,
            ComponentKind::SizeFit => self.size_fit,
        }
    }
}

/// The knock-out criteria, in the order of `docs/MATCHING.md` § "Knock-outs".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum KnockOut {
    Area,
    Neighbourhood,
    Contract,
    Arrears,
    Nuisance,
    RelapsePlan,
    Support,
    AgeLabel,
    Household,
    Access,
    Rent,
    Capacity,
    Available,
}

impl KnockOut {
    pub const ALL: [KnockOut; 13] = [
        KnockOut::Area,
        KnockOut::Neighbourhood,
        KnockOut::Contract,
        KnockOut::Arrears,
        KnockOut::Nuisance,
        KnockOut::RelapsePlan,
        KnockOut::Support,
        KnockOut::AgeLabel,
        KnockOut::Household,
        KnockOut::Access,
        KnockOut::Rent,
        KnockOut::Capacity,
        KnockOut::Available,
    ];

    pub fn code(self) -> &'static str {
        match self {
            KnockOut::Area => "AREA",
            KnockOut::Neighbourhood => "NEIGHBOURHOOD",
            KnockOut::Contract => "CONTRACT",
            KnockOut::Arrears => "ARREARS",
            KnockOut::Nuisance => "NUISANCE",
            KnockOut::RelapsePlan => "RELAPSE_PLAN",
            KnockOut::Support => "SUPPORT",
            KnockOut::AgeLabel => "AGE_LABEL",
            KnockOut::Household => "HOUSEHOLD",
            KnockOut::Access => "ACCESS",
            KnockOut::Rent => "RENT",
            KnockOut::Capacity => "CAPACITY",
            KnockOut::Available => "AVAILABLE",
        }
    }

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// One failing knock-out with a Dutch explanation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct Reason {
    pub code: KnockOut,
    pub message: Cow<'static, str>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum ComponentKind {
    AreaPreference,
    HousingForm,
    RentHeadroom,
    SupportFit,
    Spreading,
    SizeFit,
}

impl ComponentKind {
    pub const ALL: [ComponentKind; 6] = [
        ComponentKind::AreaPreference,
        ComponentKind::HousingForm,
        ComponentKind::RentHeadroom,
        ComponentKind::SupportFit,
        ComponentKind::Spreading,
        ComponentKind::SizeFit,
    ];
}

/// One score component of one dwelling: its value (0..1) and points (weight × value).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(rename = "ScoreComponent", optional_fields = nullable)
)]
pub struct Component {
    pub kind: ComponentKind,
    pub label: Cow<'static, str>,
    pub weight: u32,
    pub value: f64,
    pub points: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct ScoredDwelling {
    pub dwelling_id: String,
    pub association_id: String,
    pub score: u32,
    pub components: [Component; 6],
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct KnockedOutDwelling {
    pub dwelling_id: String,
    /// Every failing knock-out, in code order. Shared: dwellings that fail in the same way share
    /// one list, so knocking out 100,000 dwellings does not allocate 100,000 lists.
    #[serde(serialize_with = "ser_reasons", deserialize_with = "de_reasons")]
    pub reasons: Arc<[Reason]>,
}

fn ser_reasons<S: serde::Serializer>(
    r: &Arc<[Reason]>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    s.collect_seq(r.iter())
}

fn de_reasons<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Arc<[Reason]>, D::Error> {
    Vec::<Reason>::deserialize(d).map(Arc::from)
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct AssociationResult {
    pub association_id: String,
    pub eligible: bool,
    /// The policy knock-outs (AREA when no gemeente of the search area lies in the working area,
    /// and CONTRACT, ARREARS, NUISANCE, RELAPSE_PLAN, SUPPORT).
    pub reasons: Vec<Reason>,
    /// The best score among the association's eligible dwellings.
    pub best_score: Option<u32>,
}

/// The complete result for one profile.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct ProfileMatch {
    /// By score, highest first; equal scores by dwelling id.
    pub eligible: Vec<ScoredDwelling>,
    /// By dwelling id.
    pub knocked_out: Vec<KnockedOutDwelling>,
    /// Eligible associations first, then by best score (highest first, none last), then by id.
    pub associations: Vec<AssociationResult>,
}

// ---------------------------------------------------------------------------------------------
// Reason texts. Fixed, so a result never carries a value from the input.

const AREA_SEARCH: &str = "De gemeente van deze woning ligt niet in het zoekgebied.";
const AREA_WORKING: &str =
    "De gemeente van deze woning ligt niet in het werkgebied van de corporatie.";
const AREA_BOTH: &str = "De gemeente van deze woning ligt niet in het zoekgebied en niet in het werkgebied van de corporatie.";
const AREA_NO_ASSOCIATION: &str = "De corporatie van deze woning staat niet in het aanbod.";
const AREA_ASSOCIATION: &str =
    "Geen gemeente uit het zoekgebied ligt in het werkgebied van deze corporatie.";
const NEIGHBOURHOOD: &str = "De wijk van deze woning is in het profiel uitgesloten.";
const CONTRACT: &str = "De corporatie accepteert de contractvorm van het profiel niet.";
const ARREARS_WORSE: &str =
    "De huurachterstand in het verleden of nu is zwaarder dan de corporatie accepteert.";
const ARREARS_BUDGET: &str =
    "De corporatie vraagt bij een huurachterstand om bewindvoering; die is er niet.";
const ARREARS_BOTH: &str = "De huurachterstand is zwaarder dan de corporatie accepteert, en de bewindvoering die zij dan vraagt is er niet.";
const NUISANCE_WORSE: &str =
    "De overlast in het verleden of nu is zwaarder dan de corporatie accepteert.";
const NUISANCE_PLAN: &str =
    "De corporatie vraagt bij overlast om een veiligheidsplan; dat is er niet.";
const NUISANCE_BOTH: &str = "De overlast is zwaarder dan de corporatie accepteert, en het veiligheidsplan dat zij dan vraagt is er niet.";
const RELAPSE_PLAN: &str = "De corporatie vraagt een volledig terugvalplan; dat is er niet.";
const SUPPORT: &str =
    "Het aantal uren ondersteuning per week ligt onder het minimum van de corporatie.";
const AGE_YOUNG: &str =
    "Dit is een jongerenwoning (18-27 jaar); de leeftijdscategorie van het profiel valt erbuiten.";
const AGE_55: &str = "Dit is een 55+-woning; de leeftijdscategorie van het profiel ligt daaronder.";
const HOUSEHOLD_SMALL: &str = "Het huishouden is kleiner dan het minimum voor deze woning.";
const HOUSEHOLD_LARGE: &str = "Het huishouden is groter dan het maximum voor deze woning.";
const ACCESS_STEP_FREE: &str =
    "Er is een traploze woning nodig; deze woning is niet traploos of rolstoeltoegankelijk.";
const ACCESS_WHEELCHAIR: &str =
    "Er is een rolstoeltoegankelijke woning nodig; deze woning is dat niet.";
const RENT: &str = "De huur ligt boven de maximale huur van het profiel.";
const CAPACITY: &str =
    "De corporatie heeft het maximum aantal Woonkans-plaatsingen in deze wijk bereikt.";
const AVAILABLE: &str = "De woning is op de peildatum nog niet beschikbaar.";

fn reason(code: KnockOut, message: &'static str) -> Reason {
    Reason {
        code,
        message: Cow::Borrowed(message),
    }
}

// ---------------------------------------------------------------------------------------------
// A small, fast, deterministic hasher for the short name keys used while preparing an offer.
// (std's SipHash is built to resist flooding attacks, which do not apply to a local data set.)

#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }
    fn write_usize(&mut self, i: usize) {
        self.write(&(i as u64).to_le_bytes());
    }
    fn write_u32(&mut self, i: u32) {
        // Mixed in one step: the keys here are small integers.
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Name → value for the names an offer repeats on every dwelling (association ids, gemeenten,
/// neighbourhoods). An offer has a handful of associations and at most a few dozen gemeente
/// spellings: for those a scan of the names seen so far is several times cheaper than hashing
/// (and the opt-level "z" wasm build does not inline the hash map). Past `SMALL` names it is a
/// hash map.
struct NameMemo<'a, V> {
    small: Vec<(&'a str, V)>,
    map: FxMap<&'a str, V>,
}

impl<'a, V: Copy> NameMemo<'a, V> {
    const SMALL: usize = 16;

    fn new() -> Self {
        NameMemo {
            small: Vec::new(),
            map: FxMap::default(),
        }
    }

    fn get(&self, name: &str) -> Option<V> {
        if self.map.is_empty() {
            self.small.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
        } else {
            self.map.get(name).copied()
        }
    }

    /// The value of `name`, computing and keeping it the first time. The first of equal names
    /// wins.
    fn get_or_insert_with(&mut self, name: &'a str, make: impl FnOnce() -> V) -> V {
        if let Some(v) = self.get(name) {
            return v;
        }
        let v = make();
        if self.map.is_empty() && self.small.len() < Self::SMALL {
            self.small.push((name, v));
        } else {
            self.map.extend(self.small.drain(..));
            self.map.insert(name, v);
        }
        v
    }
}

const NO_GEMEENTE: u8 = u8::MAX;
const NO_ASSOCIATION: u32 = u32::MAX;

/// Index 0..15 of a participating gemeente, via the exact official spelling first (the common
/// case after import normalisation) and the folding comparison otherwise.
fn gemeente_index(name: &str) -> u8 {
    if let Some(i) = all_gemeenten().position(|g| g == name) {
        return i as u8;
    }
    canonical_gemeente(name)
        .and_then(|c| all_gemeenten().position(|g| g == c))
        .map_or(NO_GEMEENTE, |i| i as u8)
}

/// What the matcher needs of one dwelling, computed once per offer.
#[derive(Clone, Copy)]
struct Facts {
    association: u32,
    gemeente: u8,
    neighbourhood: u32,
    rooms: u8,
    min_household: u8,
    max_household: u8,
    age_label: AgeLabel,
    step_free: bool,
    wheelchair: bool,
    in_complex: bool,
    cluster: bool,
    rent_cents: u32,
    available_from: Date,
    /// (current count c, maximum m) when the association set a placement maximum.
    capacity: Option<(u32, u32)>,
}

/// An offer prepared for matching many profiles: names folded once, references resolved once.
pub struct PreparedOffer<'a> {
    offer: &'a Offer,
    facts: Vec<Facts>,
    /// Folded neighbourhood name per neighbourhood number.
    neighbourhoods: Vec<String>,
    /// Bit g set when gemeente g is in the working area.
    working_area: Vec<u16>,
}

impl<'a> PreparedOffer<'a> {
    pub fn new(offer: &'a Offer) -> Self {
        let mut assoc_index: NameMemo<u32> = NameMemo::new();
        for (i, a) in offer.associations.iter().enumerate() {
            // The first of duplicate ids wins; a validated offer has none.
            assoc_index.get_or_insert_with(a.id.as_str(), || i as u32);
        }
        let working_area = offer
            .associations
            .iter()
            .map(|a| {
                a.working_area
                    .iter()
                    .fold(0u16, |m, g| match gemeente_index(g) {
                        NO_GEMEENTE => m,
                        i => m | (1 << i),
                    })
            })
            .collect();
        let placement_counts: Vec<Option<FxMap<String, u32>>> = offer
            .associations
            .iter()
            .map(|a| {
                a.criteria.max_placements_per_neighbourhood.map(|_| {
                    let mut m: FxMap<String, u32> = FxMap::default();
                    for (k, c) in &a.criteria.current_placements {
                        let e = m.entry(fold_name(k)).or_insert(0);
                        *e = e.saturating_add(*c);
                    }
                    m
                })
            })
            .collect();
        let mut raw_neighbourhoods: NameMemo<u32> = NameMemo::new();
        let mut neighbourhoods: Vec<String> = Vec::new();
        let mut gemeente_cache: NameMemo<u8> = NameMemo::new();
        let mut capacity_cache: FxMap<(u32, u32), u32> = FxMap::default();
        let mut facts = Vec::with_capacity(offer.dwellings.len());
        for d in &offer.dwellings {
            let association = assoc_index
                .get(d.association_id.as_str())
                .unwrap_or(NO_ASSOCIATION);
            let gemeente = gemeente_cache
                .get_or_insert_with(d.gemeente.as_str(), || gemeente_index(&d.gemeente));
            let neighbourhood =
                raw_neighbourhoods.get_or_insert_with(d.neighbourhood.as_str(), || {
                    neighbourhoods.push(fold_name(&d.neighbourhood));
                    (neighbourhoods.len() - 1) as u32
                });
            let capacity = offer
                .associations
                .get(association as usize)
                .and_then(|a| a.criteria.max_placements_per_neighbourhood)
                .map(|m| {
                    // One folded-name lookup per (association, neighbourhood), not per dwelling.
                    let c = *capacity_cache
                        .entry((association, neighbourhood))
                        .or_insert_with(|| {
                            placement_counts[association as usize]
                                .as_ref()
                                .and_then(|counts| {
                                    counts.get(&neighbourhoods[neighbourhood as usize])
                                })
                                .copied()
                                .unwrap_or(0)
                        });
                    (c, m)
                });
            facts.push(Facts {
                association,
                gemeente,
                neighbourhood,
                rooms: d.rooms,
                min_household: d.min_household,
                max_household: d.max_household,
                age_label: d.age_label,
                step_free: d.step_free,
                wheelchair: d.wheelchair,
                in_complex: d.in_complex,
                cluster: d.dwelling_type == DwellingType::ClusterUnit,
                rent_cents: d.rent_cents,
                available_from: d.available_from,
                capacity,
            });
        }
        PreparedOffer {
            offer,
            facts,
            neighbourhoods,
            working_area,
        }
    }

    pub fn offer(&self) -> &'a Offer {
        self.offer
    }
}

/// Policy outcome of one association for one profile.
struct Policy {
    /// CONTRACT, ARREARS, NUISANCE, RELAPSE_PLAN, SUPPORT bits.
    failed: u16,
    arrears: &'static str,
    nuisance: &'static str,
    /// Which of the three arrears and nuisance texts applies (0 worse, 1 condition unmet, 2
    /// both), part of the key that shares reason lists between dwellings.
    variants: u32,
}

fn policy(profile: &PlacementProfile, a: &HousingAssociation, relapse_present: bool) -> Policy {
    let c = &a.criteria;
    let mut failed = 0u16;
    if !c.accepted_contract_forms.contains(&profile.contract_form) {
        failed |= KnockOut::Contract.bit();
    }
    let arrears_worse = profile.rent_arrears > c.max_rent_arrears;
    let arrears_budget = profile.rent_arrears != History::None
        && c.arrears_requires_budget_management
        && !profile.budget_management;
    if arrears_worse || arrears_budget {
        failed |= KnockOut::Arrears.bit();
    }
    let nuisance_worse = profile.nuisance > c.max_nuisance;
    let nuisance_plan = profile.nuisance != History::None
        && c.nuisance_requires_safety_plan
        && profile.safety_plan != SafetyPlan::Present;
    if nuisance_worse || nuisance_plan {
        failed |= KnockOut::Nuisance.bit();
    }
    if c.relapse_plan_required && !relapse_present {
        failed |= KnockOut::RelapsePlan.bit();
    }
    // NaN minimum (only possible in an unvalidated offer) must not admit anyone.
    if profile.support_hours_per_week < c.min_support_hours || c.min_support_hours.is_nan() {
        failed |= KnockOut::Support.bit();
    }
    let variant = |worse: bool, unmet: bool| match (worse, unmet) {
        (true, true) => 2u32,
        (true, false) => 0,
        _ => 1,
    };
    let arrears = variant(arrears_worse, arrears_budget);
    let nuisance = variant(nuisance_worse, nuisance_plan);
    Policy {
        failed,
        arrears: [ARREARS_WORSE, ARREARS_BUDGET, ARREARS_BOTH][arrears as usize],
        nuisance: [NUISANCE_WORSE, NUISANCE_PLAN, NUISANCE_BOTH][nuisance as usize],
        variants: arrears | (nuisance << 2),
    }
}

/// A profile prepared against one prepared offer.
struct PreparedProfile<'p> {
    profile: &'p PlacementProfile,
    /// 0-based rank per gemeente index, `NOT_IN_SEARCH` when outside the search area.
    rank: [u32; 16],
    search_len: u64,
    search_mask: u16,
    /// Per neighbourhood number: excluded by the profile.
    excluded: Vec<bool>,
    policies: Vec<Policy>,
    low_self_reliance: bool,
}

const NOT_IN_SEARCH: u32 = u32::MAX;

impl<'p> PreparedProfile<'p> {
    fn new(profile: &'p PlacementProfile, po: &PreparedOffer<'_>) -> Self {
        let mut rank = [NOT_IN_SEARCH; 16];
        let mut search_mask = 0u16;
        for (r, g) in profile.search_area.iter().enumerate() {
            let i = gemeente_index(g);
            if i != NO_GEMEENTE && rank[usize::from(i)] == NOT_IN_SEARCH {
                rank[usize::from(i)] = r as u32;
                search_mask |= 1 << i;
            }
        }
        let excluded = if profile.excluded_neighbourhoods.is_empty() {
            Vec::new()
        } else {
            let set: HashSet<String> = profile
                .excluded_neighbourhoods
                .iter()
                .map(|n| fold_name(n))
                .filter(|n| !n.is_empty())
                .collect();
            po.neighbourhoods.iter().map(|n| set.contains(n)).collect()
        };
        let relapse_present = profile.relapse_plan_present();
        let policies = po
            .offer
            .associations
            .iter()
            .map(|a| policy(profile, a, relapse_present))
            .collect();
        PreparedProfile {
            profile,
            rank,
            search_len: profile.search_area.len() as u64,
            search_mask,
            excluded,
            policies,
            low_self_reliance: profile.self_reliance.mean() <= 2.5,
        }
    }

    /// The failing knock-outs as a bit set (bit = `KnockOut as u16`).
    fn knock_outs(&self, po: &PreparedOffer<'_>, f: &Facts, reference: Date) -> u16 {
        let p = self.profile;
        let mut failed = 0u16;
        let in_search =
            f.gemeente != NO_GEMEENTE && self.rank[usize::from(f.gemeente)] != NOT_IN_SEARCH;
        let assoc = po.working_area.get(f.association as usize);
        let in_working =
            f.gemeente != NO_GEMEENTE && assoc.is_some_and(|m| m & (1 << f.gemeente) != 0);
        if !in_search || !in_working {
            failed |= KnockOut::Area.bit();
        }
        if self.excluded.get(f.neighbourhood as usize) == Some(&true) {
            failed |= KnockOut::Neighbourhood.bit();
        }
        if let Some(policy) = self.policies.get(f.association as usize) {
            failed |= policy.failed;
        }
        let age_ok = match f.age_label {
            AgeLabel::None => true,
            AgeLabel::YoungAdults => p.age_band.is_young_adult(),
            AgeLabel::FiftyFivePlus => p.age_band.is_55_plus(),
        };
        if !age_ok {
            failed |= KnockOut::AgeLabel.bit();
        }
        if p.household_size < f.min_household || p.household_size > f.max_household {
            failed |= KnockOut::Household.bit();
        }
        let access_ok = match p.mobility {
            Mobility::None => true,
            Mobility::StepFree => f.step_free || f.wheelchair,
            Mobility::Wheelchair => f.wheelchair,
        };
        if !access_ok {
            failed |= KnockOut::Access.bit();
        }
        if f.rent_cents > p.max_rent_cents {
            failed |= KnockOut::Rent.bit();
        }
        if let Some((c, m)) = f.capacity
            && c >= m
        {
            failed |= KnockOut::Capacity.bit();
        }
        if f.available_from > reference {
            failed |= KnockOut::Available.bit();
        }
        failed
    }

    /// A key that, with the failing codes, fixes every explanation text: dwellings with equal
    /// keys get equal reason lists.
    fn detail(&self, po: &PreparedOffer<'_>, f: &Facts, failed: u16) -> u32 {
        let p = self.profile;
        let mut key = u32::from(failed);
        if failed & KnockOut::Area.bit() != 0 {
            let in_search =
                f.gemeente != NO_GEMEENTE && self.rank[usize::from(f.gemeente)] != NOT_IN_SEARCH;
            let variant: u32 = match po.working_area.get(f.association as usize) {
                None => 3,
                Some(_) if in_search => 1,
                Some(m) if f.gemeente == NO_GEMEENTE || m & (1 << f.gemeente) == 0 => 2,
                Some(_) => 0,
            };
            key |= variant << 16;
        }
        if let Some(policy) = self.policies.get(f.association as usize) {
            key |= policy.variants << 18;
        }
        key |= u32::from(f.age_label == AgeLabel::YoungAdults) << 22;
        key |= u32::from(p.household_size < f.min_household) << 23;
        key |= u32::from(p.mobility == Mobility::Wheelchair) << 24;
        key
    }

    fn reasons(&self, po: &PreparedOffer<'_>, f: &Facts, failed: u16) -> Vec<Reason> {
        let p = self.profile;
        let mut out = Vec::with_capacity(failed.count_ones() as usize);
        for code in KnockOut::ALL {
            if failed & code.bit() == 0 {
                continue;
            }
            let policy = self.policies.get(f.association as usize);
            let text = match code {
                KnockOut::Area => {
                    let in_search = f.gemeente != NO_GEMEENTE
                        && self.rank[usize::from(f.gemeente)] != NOT_IN_SEARCH;
                    match po.working_area.get(f.association as usize) {
                        None => AREA_NO_ASSOCIATION,
                        Some(_) if !in_search && f.gemeente == NO_GEMEENTE => AREA_BOTH,
                        Some(m) if !in_search && m & (1 << f.gemeente) == 0 => AREA_BOTH,
                        Some(_) if !in_search => AREA_SEARCH,
                        Some(_) => AREA_WORKING,
                    }
                }
                KnockOut::Neighbourhood => NEIGHBOURHOOD,
                KnockOut::Contract => CONTRACT,
                KnockOut::Arrears => policy.map_or(ARREARS_WORSE, |p| p.arrears),
                KnockOut::Nuisance => policy.map_or(NUISANCE_WORSE, |p| p.nuisance),
                KnockOut::RelapsePlan => RELAPSE_PLAN,
                KnockOut::Support => SUPPORT,
                KnockOut::AgeLabel if f.age_label == AgeLabel::YoungAdults => AGE_YOUNG,
                KnockOut::AgeLabel => AGE_55,
                KnockOut::Household if p.household_size < f.min_household => HOUSEHOLD_SMALL,
                KnockOut::Household => HOUSEHOLD_LARGE,
                KnockOut::Access if p.mobility == Mobility::Wheelchair => ACCESS_WHEELCHAIR,
                KnockOut::Access => ACCESS_STEP_FREE,
                KnockOut::Rent => RENT,
                KnockOut::Capacity => CAPACITY,
                KnockOut::Available => AVAILABLE,
            };
            out.push(reason(code, text));
        }
        out
    }

    /// The six component values as exact fractions (numerator, denominator), in
    /// `ComponentKind::ALL` order. Only for dwellings that pass every knock-out.
    fn fractions(&self, f: &Facts) -> [(u64, u64); 6] {
        let p = self.profile;
        let r = u64::from(self.rank[usize::from(f.gemeente)]);
        let n = self.search_len.max(1);
        let area = (n.saturating_sub(r), n);
        let housing = match p.housing_form {
            HousingForm::NoPreference => (10, 10),
            HousingForm::Independent if f.in_complex => (5, 10),
            HousingForm::Independent => (10, 10),
            HousingForm::InComplex if f.in_complex => (10, 10),
            HousingForm::InComplex => (3, 10),
            HousingForm::Cluster if f.cluster => (10, 10),
            HousingForm::Cluster => (2, 10),
        };
        let max = u64::from(p.max_rent_cents);
        let rent = u64::from(f.rent_cents);
        // (max − rent) / (0.25 × max), capped at 1. A maximum of 0 admits only rent 0, which
        // leaves no room to compare with: counted as full headroom.
        let headroom = if max == 0 || 4 * max.saturating_sub(rent) >= max {
            (1, 1)
        } else {
            (4 * (max - rent), max)
        };
        let support = if !self.low_self_reliance || f.in_complex || f.cluster {
            (10, 10)
        } else {
            (4, 10)
        };
        let spreading = match f.capacity {
            Some((c, m)) if m > 0 => (u64::from(m.saturating_sub(c)), u64::from(m)),
            _ => (1, 1),
        };
        let size = if u16::from(f.rooms) <= u16::from(p.household_size) + 1 {
            (10, 10)
        } else {
            (7, 10)
        };
        [area, housing, headroom, support, spreading, size]
    }
}

fn weight_array(w: &Weights) -> [u32; 6] {
    ComponentKind::ALL.map(|k| w.of(k))
}

/// round(Σ w·a/b), halves up, exactly.
fn total(weights: &[u32; 6], fr: &[(u64, u64); 6]) -> u32 {
    let approx: f64 = weights
        .iter()
        .zip(fr)
        .map(|(w, (a, b))| f64::from(*w) * (*a as f64 / *b as f64))
        .sum();
    let frac = approx - approx.floor();
    if (frac - 0.5).abs() > 1e-9 {
        return approx.round() as u32;
    }
    // Near a half: exact rational sum over the product of the denominators.
    let den: u128 = fr.iter().map(|(_, b)| u128::from(*b)).product();
    let num: u128 = weights
        .iter()
        .zip(fr)
        .map(|(w, (a, b))| u128::from(*w) * u128::from(*a) * (den / u128::from(*b)))
        .sum();
    ((2 * num + den) / (2 * den)) as u32
}

fn components(weights: &[u32; 6], fr: &[(u64, u64); 6]) -> [Component; 6] {
    std::array::from_fn(|i| {
        let kind = ComponentKind::ALL[i];
        let (a, b) = fr[i];
        let value = a as f64 / b as f64;
        Component {
            kind,
            label: Cow::Borrowed(kind.dutch()),
            weight: weights[i],
            value,
            points: f64::from(weights[i]) * value,
        }
    })
}

/// Matches one profile against the offer on the reference date. Fails only on invalid weights.
pub fn match_profile(
    profile: &PlacementProfile,
    offer: &Offer,
    weights: &Weights,
    reference: Date,
) -> Result<ProfileMatch> {
    weights.validate()?;
    let po = PreparedOffer::new(offer);
    Ok(match_prepared(profile, &po, weights, reference))
}

/// As [`match_profile`] on an offer prepared once for many profiles. Weights must be valid.
pub fn match_prepared(
    profile: &PlacementProfile,
    po: &PreparedOffer<'_>,
    weights: &Weights,
    reference: Date,
) -> ProfileMatch {
    let pp = PreparedProfile::new(profile, po);
    let w = weight_array(weights);
    let offer = po.offer;
    let mut eligible = Vec::new();
    // Most dwellings are knocked out (other gemeenten); reserving once avoids regrowing a
    // 100,000-entry vector.
    let mut knocked_out = Vec::with_capacity(offer.dwellings.len());
    let mut best: Vec<Option<u32>> = vec![None; offer.associations.len()];
    let mut shared: FxMap<u32, Arc<[Reason]>> = FxMap::default();
    for (d, f) in offer.dwellings.iter().zip(&po.facts) {
        let failed = pp.knock_outs(po, f, reference);
        if failed == 0 {
            let fr = pp.fractions(f);
            let score = total(&w, &fr);
            if let Some(b) = best.get_mut(f.association as usize) {
                *b = Some(b.map_or(score, |x| x.max(score)));
            }
            eligible.push(ScoredDwelling {
                dwelling_id: d.id.clone(),
                association_id: d.association_id.clone(),
                score,
                components: components(&w, &fr),
            });
        } else {
            let reasons = shared
                .entry(pp.detail(po, f, failed))
                .or_insert_with(|| Arc::from(pp.reasons(po, f, failed)))
                .clone();
            knocked_out.push(KnockedOutDwelling {
                dwelling_id: d.id.clone(),
                reasons,
            });
        }
    }
    eligible.sort_unstable_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then_with(|| a.dwelling_id.cmp(&b.dwelling_id))
    });
    // Offers usually list dwellings (nearly) in id order; the stable sort runs in about linear
    // time on such input, where an unstable sort would compare ids a million times.
    knocked_out.sort_by(|a, b| a.dwelling_id.cmp(&b.dwelling_id));

    let mut associations: Vec<AssociationResult> = offer
        .associations
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let mut reasons = Vec::new();
            if po.working_area[i] & pp.search_mask == 0 {
                reasons.push(reason(KnockOut::Area, AREA_ASSOCIATION));
            }
            let policy = &pp.policies[i];
            for code in [
                KnockOut::Contract,
                KnockOut::Arrears,
                KnockOut::Nuisance,
                KnockOut::RelapsePlan,
                KnockOut::Support,
            ] {
                if policy.failed & code.bit() != 0 {
                    let text = match code {
                        KnockOut::Contract => CONTRACT,
                        KnockOut::Arrears => policy.arrears,
                        KnockOut::Nuisance => policy.nuisance,
                        KnockOut::RelapsePlan => RELAPSE_PLAN,
                        _ => SUPPORT,
                    };
                    reasons.push(reason(code, text));
                }
            }
            AssociationResult {
                association_id: a.id.clone(),
                eligible: reasons.is_empty(),
                reasons,
                best_score: best[i],
            }
        })
        .collect();
    associations.sort_by(|a, b| {
        b.eligible
            .cmp(&a.eligible)
            .then_with(|| b.best_score.cmp(&a.best_score))
            .then_with(|| a.association_id.cmp(&b.association_id))
    });
    ProfileMatch {
        eligible,
        knocked_out,
        associations,
    }
}

/// The offer positions of the dwellings that pass every knock-out, in offer order: the same
/// test as [`match_prepared`] without reason lists and scores, so the explanation can try many
/// edited profiles on a large offer without building a full result for each.
pub(crate) fn eligible_positions(
    profile: &PlacementProfile,
    po: &PreparedOffer<'_>,
    reference: Date,
) -> Vec<usize> {
    let pp = PreparedProfile::new(profile, po);
    po.facts
        .iter()
        .enumerate()
        .filter(|(_, f)| pp.knock_outs(po, f, reference) == 0)
        .map(|(i, _)| i)
        .collect()
}

/// Scores of every (profile, dwelling) pair; ineligible pairs have none. Row-major, one byte a
/// pair (scores are 0..=100).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScoreMatrix {
    pub profiles: usize,
    pub dwellings: usize,
    scores: Vec<u8>,
}

const INELIGIBLE: u8 = u8::MAX;

impl ScoreMatrix {
    /// An all-ineligible matrix.
    pub fn new(profiles: usize, dwellings: usize) -> Self {
        ScoreMatrix {
            profiles,
            dwellings,
            scores: vec![INELIGIBLE; profiles * dwellings],
        }
    }

    pub fn get(&self, profile: usize, dwelling: usize) -> Option<u32> {
        if profile >= self.profiles || dwelling >= self.dwellings {
            return None;
        }
        match self.scores[profile * self.dwellings + dwelling] {
            INELIGIBLE => None,
            s => Some(u32::from(s)),
        }
    }

    /// Sets a pair's score (0..=100) or makes it ineligible (`None`). Scores above 100 are
    /// clamped; out-of-range indices are ignored.
    pub fn set(&mut self, profile: usize, dwelling: usize, score: Option<u32>) {
        if profile < self.profiles && dwelling < self.dwellings {
            self.scores[profile * self.dwellings + dwelling] =
                score.map_or(INELIGIBLE, |s| s.min(100) as u8);
        }
    }

    /// The eligible dwellings of one profile with their scores, in dwelling order.
    pub fn row(&self, profile: usize) -> impl Iterator<Item = (usize, u32)> + '_ {
        let start = profile.min(self.profiles) * self.dwellings;
        let end = if profile < self.profiles {
            start + self.dwellings
        } else {
            start
        };
        self.scores[start..end]
            .iter()
            .enumerate()
            .filter(|(_, s)| **s != INELIGIBLE)
            .map(|(j, s)| (j, u32::from(*s)))
    }

    pub fn eligible_pairs(&self) -> usize {
        self.scores.iter().filter(|s| **s != INELIGIBLE).count()
    }
}

/// The score of every profile against every dwelling (eligible pairs only), for the caseload
/// assignment. The offer is prepared once; each profile is prepared once.
pub fn score_matrix(
    profiles: &[PlacementProfile],
    offer: &Offer,
    weights: &Weights,
    reference: Date,
) -> Result<ScoreMatrix> {
    weights.validate()?;
    let po = PreparedOffer::new(offer);
    let w = weight_array(weights);
    let mut m = ScoreMatrix::new(profiles.len(), offer.dwellings.len());
    for (i, p) in profiles.iter().enumerate() {
        let pp = PreparedProfile::new(p, &po);
        let row = &mut m.scores[i * po.facts.len()..(i + 1) * po.facts.len()];
        for (cell, f) in row.iter_mut().zip(&po.facts) {
            // Cheapest decisive test first: most pairs fail on area.
            if f.gemeente == NO_GEMEENTE || pp.rank[usize::from(f.gemeente)] == NOT_IN_SEARCH {
                continue;
            }
            if pp.knock_outs(&po, f, reference) == 0 {
                *cell = total(&w, &pp.fractions(f)).min(100) as u8;
            }
        }
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_weights_add_up() {
        Weights::default().validate().unwrap();
        let mut w = Weights {
            area: 31,
            ..Weights::default()
        };
        assert_eq!(w.validate().unwrap_err().code, "WEIGHTS_INVALID");
        w.area = u32::MAX;
        assert!(w.validate().is_err());
    }

    #[test]
    fn codes_serialise_screaming() {
        for k in KnockOut::ALL {
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.code())
            );
        }
    }

    #[test]
    fn exact_rounding_of_halves() {
        let w = [30, 20, 20, 15, 10, 5];
        // 30 + 20 + 20 + 15 + 10 + 3.5 = 98.5 → 99
        let fr = [(1, 1), (1, 1), (1, 1), (1, 1), (1, 1), (7, 10)];
        assert_eq!(total(&w, &fr), 99);
        // 30·(1/3) = 10: 10 + 20·0.3 + ... exact sums stay integral.
        let fr = [(1, 3), (3, 10), (0, 1), (4, 10), (0, 1), (7, 10)];
        // 10 + 6 + 0 + 6 + 0 + 3.5 = 25.5 → 26
        assert_eq!(total(&w, &fr), 26);
    }

    #[test]
    fn matrix_accessors_are_bounded() {
        let mut m = ScoreMatrix::new(2, 3);
        m.set(1, 2, Some(140));
        m.set(5, 5, Some(1));
        assert_eq!(m.get(1, 2), Some(100));
        assert_eq!(m.get(0, 0), None);
        assert_eq!(m.get(9, 9), None);
        assert_eq!(m.row(1).collect::<Vec<_>>(), vec![(2, 100)]);
        assert_eq!(m.row(7).count(), 0);
        assert_eq!(m.eligible_pairs(), 1);
    }
}
