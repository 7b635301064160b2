//! The housing offer: housing associations with their Woonkans acceptance criteria, and their
//! individual dwellings.
//!
//! An `Offer` is plain data. It is only ever replaced as a whole (see [`Offer::merge`]), so a
//! failed import or merge never damages what was loaded before.

use crate::date::Date;
use crate::error::{Error, Result};
use crate::profile::{ContractForm, History};
use crate::region::{canonical_gemeente, fold_name};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Largest household a dwelling can be listed for; matches the profile's own limit.
pub const MAX_HOUSEHOLD: u8 = 12;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum DwellingType {
    Studio,
    Apartment,
    GroundFloorApartment,
    SingleFamilyHouse,
    ClusterUnit,
}

impl DwellingType {
    pub const ALL: [DwellingType; 5] = [
        DwellingType::Studio,
        DwellingType::Apartment,
        DwellingType::GroundFloorApartment,
        DwellingType::SingleFamilyHouse,
        DwellingType::ClusterUnit,
    ];
}

/// The age label of a dwelling: reserved for young adults (18-27) or for 55+.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum AgeLabel {
    None,
    YoungAdults,
    FiftyFivePlus,
}

impl AgeLabel {
    pub const ALL: [AgeLabel; 3] = [
        AgeLabel::None,
        AgeLabel::YoungAdults,
        AgeLabel::FiftyFivePlus,
    ];
}

/// An association's Woonkans acceptance criteria (its policy, independent of any dwelling).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct Criteria {
    pub accepted_contract_forms: Vec<ContractForm>,
    /// The worst rent-arrears history the association accepts.
    pub max_rent_arrears: History,
    /// Whether any rent-arrears history other than none requires budget management.
    pub arrears_requires_budget_management: bool,
    /// The worst nuisance history the association accepts.
    pub max_nuisance: History,
    /// Whether any nuisance history other than none requires a safety plan that is present.
    pub nuisance_requires_safety_plan: bool,
    pub relapse_plan_required: bool,
    /// Minimum support per week, in hours.
    pub min_support_hours: f64,
    /// Maximum number of Woonkans placements per neighbourhood, if the association set one.
    #[serde(default)]
    pub max_placements_per_neighbourhood: Option<u32>,
    /// Current Woonkans placements per neighbourhood (names compared case- and
    /// diacritic-insensitively).
    #[serde(default)]
    pub current_placements: BTreeMap<String, u32>,
}

impl Criteria {
    /// Current placements in a neighbourhood. Keys that fold to the same name are added up, so
    /// "Kapel in 't Zand" and "kapel in t zand" count as one neighbourhood.
    pub fn placements_in(&self, neighbourhood: &str) -> u32 {
        let folded = fold_name(neighbourhood);
        self.current_placements
            .iter()
            .filter(|(k, _)| fold_name(k) == folded)
            .fold(0u32, |acc, (_, c)| acc.saturating_add(*c))
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct HousingAssociation {
    pub id: String,
    pub name: String,
    /// Gemeenten in which the association houses Woonkans residents.
    pub working_area: Vec<String>,
    pub criteria: Criteria,
    /// True for the invented associations of the embedded sample data.
    #[serde(default)]
    pub example: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct Dwelling {
    pub id: String,
    pub association_id: String,
    pub gemeente: String,
    pub neighbourhood: String,
    pub dwelling_type: DwellingType,
    pub in_complex: bool,
    pub rooms: u8,
    /// Net rent (kale huur) per month in euro cents.
    pub rent_cents: u32,
    pub step_free: bool,
    pub wheelchair: bool,
    pub age_label: AgeLabel,
    pub min_household: u8,
    pub max_household: u8,
    pub available_from: Date,
}

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct Offer {
    #[serde(default)]
    pub associations: Vec<HousingAssociation>,
    #[serde(default)]
    pub dwellings: Vec<Dwelling>,
}

/// How an incoming offer is combined with the loaded one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum MergeMode {
    /// New ids are added, known ids are replaced by the incoming version, nothing is removed.
    AddAndUpdate,
    /// Each part the incoming offer has (associations, dwellings; a part counts when it is not
    /// empty) replaces that part completely. Only after the coordinator confirmed.
    Replace,
}

impl MergeMode {
    /// `addAndUpdate` or `replace`, exactly; `INPUT_INVALID` at `mode` otherwise.
    pub fn parse(text: &str) -> Result<MergeMode> {
        match text {
            "addAndUpdate" => Ok(MergeMode::AddAndUpdate),
            "replace" => Ok(MergeMode::Replace),
            _ => Err(
                Error::new("INPUT_INVALID", "Kies toevoegen en bijwerken of vervangen.").at("mode"),
            ),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct MergeCounts {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub removed: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct MergeSummary {
    pub associations: MergeCounts,
    pub dwellings: MergeCounts,
}

/// The official spelling of a participating gemeente. Tries the exact official spelling first
/// (what imports and the sample produce), so checking a large offer stays cheap; other spellings
/// go through [`canonical_gemeente`].
pub fn official_gemeente(name: &str) -> Option<&'static str> {
    crate::region::all_gemeenten()
        .find(|g| *g == name)
        .or_else(|| canonical_gemeente(name))
}

fn invalid(message: impl Into<String>, field: String) -> Error {
    Error::new("OFFER_INVALID", message).at(field)
}

fn is_clean_text(s: &str) -> bool {
    !s.trim().is_empty() && s.trim() == s && !s.chars().any(char::is_control)
}

impl Criteria {
    fn validate(&self, at: &dyn Fn() -> String) -> Result<()> {
        if self.accepted_contract_forms.is_empty() {
            return Err(invalid(
                "Een corporatie moet minstens één contractvorm accepteren.",
                format!("{}.criteria.acceptedContractForms", at()),
            ));
        }
        if !self.min_support_hours.is_finite() || !(0.0..=168.0).contains(&self.min_support_hours) {
            return Err(invalid(
                "Het minimum aantal uren ondersteuning per week moet tussen 0 en 168 liggen.",
                format!("{}.criteria.minSupportHours", at()),
            ));
        }
        if self.max_placements_per_neighbourhood == Some(0) {
            return Err(invalid(
                "Het maximum aantal plaatsingen per wijk moet minstens 1 zijn (of leeg: geen maximum).",
                format!("{}.criteria.maxPlacementsPerNeighbourhood", at()),
            ));
        }
        for (i, name) in self.current_placements.keys().enumerate() {
            if !is_clean_text(name) || name.contains('|') {
                return Err(invalid(
                    "Een wijknaam bij de huidige plaatsingen is leeg of bevat een ongeldig teken (zoals |).",
                    format!("{}.criteria.currentPlacements[{i}]", at()),
                ));
            }
        }
        Ok(())
    }
}

impl HousingAssociation {
    fn validate(&self, at: &dyn Fn() -> String) -> Result<()> {
        if !is_clean_text(&self.id) {
            return Err(invalid(
                "Een corporatie heeft geen geldig id (leeg, spaties aan begin of eind, of stuurtekens).",
                format!("{}.id", at()),
            ));
        }
        if !is_clean_text(&self.name) {
            return Err(invalid(
                "Een corporatie heeft geen geldige naam.",
                format!("{}.name", at()),
            ));
        }
        if self.working_area.is_empty() {
            return Err(invalid(
                "Het werkgebied van een corporatie moet minstens één gemeente bevatten.",
                format!("{}.workingArea", at()),
            ));
        }
        for (i, g) in self.working_area.iter().enumerate() {
            if official_gemeente(g).is_none() {
                return Err(invalid(
                    "Een gemeente in het werkgebied is geen deelnemende gemeente van Noord- of Midden-Limburg.",
                    format!("{}.workingArea[{i}]", at()),
                ));
            }
        }
        self.criteria.validate(at)
    }
}

impl Dwelling {
    fn validate(&self, at: &dyn Fn() -> String) -> Result<()> {
        if !is_clean_text(&self.id) {
            return Err(invalid(
                "Een woning heeft geen geldig id (leeg, spaties aan begin of eind, of stuurtekens).",
                format!("{}.id", at()),
            ));
        }
        if !is_clean_text(&self.association_id) {
            return Err(invalid(
                "Een woning heeft geen geldige corporatie.",
                format!("{}.associationId", at()),
            ));
        }
        if official_gemeente(&self.gemeente).is_none() {
            return Err(invalid(
                "De gemeente van een woning is geen deelnemende gemeente van Noord- of Midden-Limburg.",
                format!("{}.gemeente", at()),
            ));
        }
        if !is_clean_text(&self.neighbourhood) || self.neighbourhood.contains('|') {
            return Err(invalid(
                "De wijk van een woning is leeg of bevat een ongeldig teken (zoals |).",
                format!("{}.neighbourhood", at()),
            ));
        }
        if self.rooms == 0 {
            return Err(invalid(
                "Een woning moet minstens één kamer hebben.",
                format!("{}.rooms", at()),
            ));
        }
        if self.min_household == 0 || self.max_household > MAX_HOUSEHOLD {
            return Err(invalid(
                "De grenzen voor de huishoudgrootte moeten tussen 1 en 12 liggen.",
                format!("{}.minHousehold", at()),
            ));
        }
        if self.min_household > self.max_household {
            return Err(invalid(
                "De minimale huishoudgrootte is groter dan de maximale.",
                format!("{}.minHousehold", at()),
            ));
        }
        Ok(())
    }
}

impl Offer {
    /// Full validation: every association and dwelling, unique ids, and every dwelling's
    /// association present.
    pub fn validate(&self) -> Result<()> {
        self.validate_parts()?;
        let ids: HashSet<&str> = self.associations.iter().map(|a| a.id.as_str()).collect();
        for (i, d) in self.dwellings.iter().enumerate() {
            if !ids.contains(d.association_id.as_str()) {
                return Err(invalid(
                    "Een woning verwijst naar een corporatie die niet in het aanbod staat.",
                    format!("woningen[{i}].associationId"),
                ));
            }
        }
        Ok(())
    }

    /// Validation of each part on its own: everything but the references from dwellings to
    /// associations (a dwellings-only import is checked against the loaded associations when it
    /// is merged).
    pub fn validate_parts(&self) -> Result<()> {
        let mut ids = HashSet::new();
        for (i, a) in self.associations.iter().enumerate() {
            let at = || format!("corporaties[{i}]");
            a.validate(&at)?;
            if !ids.insert(a.id.as_str()) {
                return Err(invalid(
                    "Twee corporaties hebben hetzelfde id.",
                    format!("{}.id", at()),
                ));
            }
        }
        let mut ids = HashSet::new();
        for (i, d) in self.dwellings.iter().enumerate() {
            let at = || format!("woningen[{i}]");
            d.validate(&at)?;
            if !ids.insert(d.id.as_str()) {
                return Err(invalid(
                    "Twee woningen hebben hetzelfde id.",
                    format!("{}.id", at()),
                ));
            }
        }
        Ok(())
    }

    /// Rewrites every gemeente to its official spelling, so that the offer compares and exports
    /// the same however it was typed, and keeps support hours to two decimals, so that every
    /// export format reads back to the identical number. Unknown names are left as they are
    /// (validation reports them).
    pub fn normalise(&mut self) {
        for a in &mut self.associations {
            let h = a.criteria.min_support_hours;
            if h.is_finite() {
                a.criteria.min_support_hours = (h * 100.0).round() / 100.0;
            }
            for g in &mut a.working_area {
                if let Some(c) = official_gemeente(g) {
                    c.clone_into(g);
                }
            }
        }
        for d in &mut self.dwellings {
            if let Some(c) = official_gemeente(&d.gemeente) {
                c.clone_into(&mut d.gemeente);
            }
        }
    }

    pub fn association(&self, id: &str) -> Option<&HousingAssociation> {
        self.associations.iter().find(|a| a.id == id)
    }

    /// Combines the loaded offer with an incoming one into a new offer; `self` is never changed.
    ///
    /// A dwelling whose association reference matches no association id but the name of exactly
    /// one association (case- and accent-insensitive) is linked to that association: spreadsheets
    /// tend to hold names rather than ids. The result is validated as a whole; on error nothing
    /// is returned but the error, so the loaded offer stays as it was.
    pub fn merge(&self, incoming: &Offer, mode: MergeMode) -> Result<(Offer, MergeSummary)> {
        let mut summary = MergeSummary::default();
        let associations = merge_part(
            &self.associations,
            &incoming.associations,
            mode,
            |a| a.id.as_str(),
            &mut summary.associations,
        );
        let mut dwellings_in = incoming.dwellings.clone();
        resolve_association_names(&associations, &mut dwellings_in);
        let dwellings = merge_part(
            &self.dwellings,
            &dwellings_in,
            mode,
            |d| d.id.as_str(),
            &mut summary.dwellings,
        );
        let mut merged = Offer {
            associations,
            dwellings,
        };
        merged.normalise();
        merged.validate()?;
        Ok((merged, summary))
    }
}

fn resolve_association_names(associations: &[HousingAssociation], dwellings: &mut [Dwelling]) {
    let ids: HashSet<&str> = associations.iter().map(|a| a.id.as_str()).collect();
    let mut by_name: HashMap<String, Option<&str>> = HashMap::new();
    for a in associations {
        by_name
            .entry(fold_name(&a.name))
            .and_modify(|v| *v = None)
            .or_insert(Some(a.id.as_str()));
    }
    for d in dwellings {
        if ids.contains(d.association_id.as_str()) {
            continue;
        }
        if let Some(Some(id)) = by_name.get(&fold_name(&d.association_id)) {
            d.association_id = (*id).to_string();
        }
    }
}

fn merge_part<T: Clone + PartialEq>(
    current: &[T],
    incoming: &[T],
    mode: MergeMode,
    id: impl Fn(&T) -> &str,
    counts: &mut MergeCounts,
) -> Vec<T> {
    // Within one incoming file the last occurrence of an id wins, like a spreadsheet read top down.
    let mut incoming_by_id: HashMap<&str, &T> = HashMap::new();
    let mut incoming_order: Vec<&str> = Vec::new();
    for item in incoming {
        if incoming_by_id.insert(id(item), item).is_none() {
            incoming_order.push(id(item));
        }
    }
    let current_by_id: HashMap<&str, &T> = current.iter().map(|t| (id(t), t)).collect();
    let replace = mode == MergeMode::Replace && !incoming.is_empty();
    let mut out: Vec<T> = Vec::with_capacity(current.len() + incoming.len());
    if !replace {
        for item in current {
            match incoming_by_id.get(id(item)) {
                Some(new) if *new != item => {
                    counts.updated += 1;
                    out.push((*new).clone());
                }
                Some(_) => {
                    counts.unchanged += 1;
                    out.push(item.clone());
                }
                None => {
                    counts.unchanged += 1;
                    out.push(item.clone());
                }
            }
        }
        for key in incoming_order {
            if !current_by_id.contains_key(key) {
                counts.added += 1;
                if let Some(new) = incoming_by_id.get(key) {
                    out.push((*new).clone());
                }
            }
        }
    } else {
        for key in &incoming_order {
            let Some(new) = incoming_by_id.get(key) else {
                continue;
            };
            match current_by_id.get(key) {
                Some(old) if *old == *new => counts.unchanged += 1,
                Some(_) => counts.updated += 1,
                None => counts.added += 1,
            }
            out.push((*new).clone());
        }
        counts.removed = current
            .iter()
            .filter(|t| !incoming_by_id.contains_key(id(t)))
            .count();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn association(id: &str) -> HousingAssociation {
        HousingAssociation {
            id: id.into(),
            name: format!("Voorbeeld {id}"),
            working_area: vec!["Venlo".into()],
            criteria: Criteria {
                accepted_contract_forms: vec![ContractForm::RegularLease],
                max_rent_arrears: History::Resolved,
                arrears_requires_budget_management: true,
                max_nuisance: History::None,
                nuisance_requires_safety_plan: false,
                relapse_plan_required: true,
                min_support_hours: 2.0,
                max_placements_per_neighbourhood: Some(3),
                current_placements: BTreeMap::from([("Blerick".to_string(), 1)]),
            },
            example: true,
        }
    }

    pub(crate) fn dwelling(id: &str, assoc: &str) -> Dwelling {
        Dwelling {
            id: id.into(),
            association_id: assoc.into(),
            gemeente: "Venlo".into(),
            neighbourhood: "Blerick".into(),
            dwelling_type: DwellingType::Apartment,
            in_complex: true,
            rooms: 2,
            rent_cents: 60_000,
            step_free: true,
            wheelchair: false,
            age_label: AgeLabel::None,
            min_household: 1,
            max_household: 2,
            available_from: Date::new(2026, 3, 1).unwrap(),
        }
    }

    fn offer() -> Offer {
        Offer {
            associations: vec![association("a1"), association("a2")],
            dwellings: vec![dwelling("d1", "a1"), dwelling("d2", "a2")],
        }
    }

    #[test]
    fn valid_offer_passes_and_serialises_camel_case() {
        let o = offer();
        o.validate().unwrap();
        let json = serde_json::to_string(&o).unwrap();
        assert!(json.contains("\"associationId\":\"a1\""));
        assert!(json.contains("\"dwellingType\":\"apartment\""));
        assert!(json.contains("\"maxRentArrears\":\"resolved\""));
        assert!(json.contains("\"availableFrom\":\"2026-03-01\""));
        let back: Offer = serde_json::from_str(&json).unwrap();
        assert_eq!(back, o);
    }

    #[test]
    fn each_rule_is_enforced_without_quoting_values() {
        type Breaker = fn(&mut Offer);
        let cases: Vec<(&str, Breaker)> = vec![
            ("corporaties[1].id", |o| o.associations[1].id = "a1".into()),
            ("woningen[1].id", |o| o.dwellings[1].id = "d1".into()),
            ("woningen[0].associationId", |o| {
                o.dwellings[0].association_id = "zz".into()
            }),
            ("woningen[0].gemeente", |o| {
                o.dwellings[0].gemeente = "Maastricht".into()
            }),
            ("woningen[0].minHousehold", |o| {
                o.dwellings[0].min_household = 3
            }),
            ("woningen[0].minHousehold", |o| {
                o.dwellings[0].min_household = 0
            }),
            ("woningen[0].rooms", |o| o.dwellings[0].rooms = 0),
            ("woningen[0].neighbourhood", |o| {
                o.dwellings[0].neighbourhood = " ".into()
            }),
            ("woningen[0].id", |o| o.dwellings[0].id = " d1".into()),
            ("corporaties[0].workingArea", |o| {
                o.associations[0].working_area.clear()
            }),
            ("corporaties[0].workingArea[0]", |o| {
                o.associations[0].working_area = vec!["Maastricht".into()]
            }),
            ("corporaties[0].criteria.minSupportHours", |o| {
                o.associations[0].criteria.min_support_hours = f64::NAN
            }),
            ("corporaties[0].criteria.acceptedContractForms", |o| {
                o.associations[0].criteria.accepted_contract_forms.clear()
            }),
            (
                "corporaties[0].criteria.maxPlacementsPerNeighbourhood",
                |o| o.associations[0].criteria.max_placements_per_neighbourhood = Some(0),
            ),
        ];
        for (field, breaker) in cases {
            let mut o = offer();
            breaker(&mut o);
            let e = o.validate().unwrap_err();
            assert_eq!(e.code, "OFFER_INVALID");
            assert_eq!(e.field.as_deref(), Some(field));
            assert!(!e.message.contains("Maastricht") && !e.message.contains("d1"));
        }
    }

    #[test]
    fn gemeente_variants_are_accepted_and_normalised() {
        let mut o = offer();
        o.dwellings[0].gemeente = "bergen l".into();
        o.associations[0].working_area = vec!["ECHT SUSTEREN".into()];
        o.validate().unwrap();
        o.normalise();
        assert_eq!(o.dwellings[0].gemeente, "Bergen (L.)");
        assert_eq!(
            o.associations[0].working_area,
            vec!["Echt-Susteren".to_string()]
        );
    }

    #[test]
    fn placements_fold_names() {
        let mut a = association("a");
        a.criteria
            .current_placements
            .insert("kapel in t zand".into(), 2);
        a.criteria
            .current_placements
            .insert("Kapel in 't Zand".into(), 1);
        assert_eq!(a.criteria.placements_in("KAPEL IN 'T ZAND"), 3);
        assert_eq!(a.criteria.placements_in("Tegelen"), 0);
    }

    #[test]
    fn merge_add_and_update_counts_and_keeps_input() {
        let current = offer();
        let before = current.clone();
        let mut changed = dwelling("d2", "a2");
        changed.rent_cents = 61_000;
        let incoming = Offer {
            associations: vec![],
            dwellings: vec![dwelling("d1", "a1"), changed.clone(), dwelling("d3", "a1")],
        };
        let (merged, s) = current.merge(&incoming, MergeMode::AddAndUpdate).unwrap();
        assert_eq!(current, before);
        assert_eq!(
            s.dwellings,
            MergeCounts {
                added: 1,
                updated: 1,
                unchanged: 1,
                removed: 0
            }
        );
        assert_eq!(
            s.associations,
            MergeCounts {
                added: 0,
                updated: 0,
                unchanged: 2,
                removed: 0
            }
        );
        assert_eq!(merged.dwellings.len(), 3);
        assert_eq!(merged.dwellings[1], changed);
    }

    #[test]
    fn merge_replace_replaces_only_present_parts() {
        let current = offer();
        let incoming = Offer {
            associations: vec![],
            dwellings: vec![dwelling("d9", "a2")],
        };
        let (merged, s) = current.merge(&incoming, MergeMode::Replace).unwrap();
        assert_eq!(merged.associations, current.associations);
        assert_eq!(merged.dwellings.len(), 1);
        assert_eq!(
            s.dwellings,
            MergeCounts {
                added: 1,
                updated: 0,
                unchanged: 0,
                removed: 2
            }
        );
    }

    #[test]
    fn merge_refuses_a_result_with_dangling_references() {
        let current = offer();
        let incoming = Offer {
            associations: vec![association("a1")],
            dwellings: vec![],
        };
        // Replacing the associations would orphan d2.
        let e = current.merge(&incoming, MergeMode::Replace).unwrap_err();
        assert_eq!(e.code, "OFFER_INVALID");
    }

    #[test]
    fn merge_links_dwellings_by_association_name() {
        let current = offer();
        let incoming = Offer {
            associations: vec![],
            dwellings: vec![dwelling("d5", "voorbeeld A2")],
        };
        let (merged, _) = current.merge(&incoming, MergeMode::AddAndUpdate).unwrap();
        assert_eq!(merged.dwellings[2].association_id, "a2");
    }
}
