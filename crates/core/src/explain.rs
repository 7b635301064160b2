//! Matching that explains itself: which criteria exclude the most dwellings for one profile,
//! and which change the coordinator can agree on would make dwellings fit.
//!
//! A suggestion is found by trying it: every candidate edit is applied to a copy of the
//! profile and the matcher's own knock-outs run again (`matching::eligible_positions`), so a
//! suggestion can never promise what the matcher would not do. Only what can be agreed is
//! tried (search area, excluded neighbourhoods, budget management, contract form, support
//! hours, a safety plan, the maximum rent up to the rent limit); the resident's history of
//! arrears or nuisance, age, household and mobility are facts and are never "suggested" away.

use crate::date::Date;
use crate::error::Result;
use crate::matching::{
    KnockOut, PreparedOffer, ProfileMatch, Weights, eligible_positions, match_prepared,
};
use crate::offer::Offer;
use crate::profile::{ContractForm, History, PlacementProfile, SafetyPlan};
use crate::region::{Region, canonical_gemeente, fold_name};
use crate::register::Step;
use crate::vocab::{self, Dutch};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// At most this many suggestions of two edits: beyond the first few, pairs only repeat one
/// another with a different gemeente.
pub const MAX_PAIRS: usize = 10;

/// How far a suggestion may go: what the coordinator can set on the profile form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Bounds {
    /// The highest maximum rent the rent-limit table allows this household
    /// (`DerivedFacts::table_max_rent_cents`).
    pub rent_ceiling_cents: u32,
    /// The coordinator's region: the form offers only its gemeenten for the search area. `None`:
    /// every participating gemeente in an association's working area.
    pub region: Option<Region>,
}

/// How much one criterion excludes for one profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KnockOutCount {
    pub knock_out: KnockOut,
    /// Dwellings that fail this criterion, whatever else they fail.
    pub dwellings: usize,
    /// Dwellings for which this is the only failing criterion: meeting it alone admits them.
    pub only: usize,
    /// Associations whose policy excludes the profile on this criterion (the reasons of
    /// `AssociationResult`; only the area and the five policy criteria exclude an association).
    pub associations: usize,
}

/// The form field a suggestion changes, on the dossier's step-4 page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ProfileField {
    SearchArea,
    ExcludedNeighbourhoods,
    BudgetManagement,
    ContractForm,
    SupportHours,
    MaxRent,
    SafetyPlan,
}

impl ProfileField {
    pub const ALL: [ProfileField; 7] = [
        ProfileField::SearchArea,
        ProfileField::ExcludedNeighbourhoods,
        ProfileField::BudgetManagement,
        ProfileField::ContractForm,
        ProfileField::SupportHours,
        ProfileField::MaxRent,
        ProfileField::SafetyPlan,
    ];

    /// The element id of the field on its step's form; the forms use these same ids, so a link
    /// to `#id` lands on the field.
    pub fn element_id(self) -> &'static str {
        match self {
            ProfileField::SearchArea => "zoekgebied",
            ProfileField::ExcludedNeighbourhoods => "uitgeslotenBuurten",
            ProfileField::BudgetManagement => "onderBewind",
            ProfileField::ContractForm => "contractvorm",
            ProfileField::SupportHours => "ondersteuningUren",
            ProfileField::MaxRent => "maximaleHuur",
            ProfileField::SafetyPlan => "veiligheidsplan",
        }
    }

    /// The step whose form holds the field: the profile takes budget management over from the
    /// dossier (step 3); everything else is set on the profile (step 4).
    pub fn step(self) -> Step {
        match self {
            ProfileField::BudgetManagement => Step::Investigation,
            _ => Step::PlacementProfile,
        }
    }

    pub fn from_element_id(id: &str) -> Option<ProfileField> {
        ProfileField::ALL.into_iter().find(|f| f.element_id() == id)
    }
}

/// One concrete change to a placement profile that the coordinator can agree on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind", content = "value")]
pub enum Edit {
    /// Add this (canonical) gemeente at the end of the search area.
    AddGemeente(String),
    /// No longer exclude this neighbourhood (every spelling that folds to it).
    RemoveNeighbourhood(String),
    /// Agree on budget management (bewindvoering).
    BudgetManagement,
    ContractForm(ContractForm),
    /// Agree on this many hours of support a week.
    SupportHours(f64),
    /// Raise the maximum rent to this many cents, the rent limit of the household.
    MaxRent(u32),
    /// Draw up a safety plan and record it as present.
    SafetyPlanPresent,
}

impl Edit {
    pub fn field(&self) -> ProfileField {
        match self {
            Edit::AddGemeente(_) => ProfileField::SearchArea,
            Edit::RemoveNeighbourhood(_) => ProfileField::ExcludedNeighbourhoods,
            Edit::BudgetManagement => ProfileField::BudgetManagement,
            Edit::ContractForm(_) => ProfileField::ContractForm,
            Edit::SupportHours(_) => ProfileField::SupportHours,
            Edit::MaxRent(_) => ProfileField::MaxRent,
            Edit::SafetyPlanPresent => ProfileField::SafetyPlan,
        }
    }

    pub fn apply(&self, p: &mut PlacementProfile) {
        match self {
            Edit::AddGemeente(g) => p.search_area.push(g.clone()),
            Edit::RemoveNeighbourhood(n) => {
                let folded = fold_name(n);
                p.excluded_neighbourhoods.retain(|x| fold_name(x) != folded);
            }
            Edit::BudgetManagement => p.budget_management = true,
            Edit::ContractForm(c) => p.contract_form = *c,
            Edit::SupportHours(h) => p.support_hours_per_week = *h,
            Edit::MaxRent(c) => p.max_rent_cents = *c,
            Edit::SafetyPlanPresent => p.safety_plan = SafetyPlan::Present,
        }
    }

    /// What to do, as one Dutch sentence. It names a gemeente or a neighbourhood the profile
    /// already holds, so it is for the coordinator's own screen, never for a log or an error.
    pub fn sentence(&self) -> String {
        match self {
            Edit::AddGemeente(g) => format!("Neem {g} op in het zoekgebied."),
            Edit::RemoveNeighbourhood(n) => format!("Sluit de wijk {n} niet langer uit."),
            Edit::BudgetManagement => "Spreek bewindvoering af.".into(),
            Edit::ContractForm(c) => {
                format!("Kies als contractvorm: {}.", c.dutch().to_lowercase())
            }
            Edit::SupportHours(h) => {
                format!("Spreek {} uur ondersteuning per week af.", vocab::hours(*h))
            }
            Edit::MaxRent(c) => format!(
                "Verhoog de maximale huur naar {}, de huurgrens voor dit huishouden.",
                vocab::euro(*c)
            ),
            Edit::SafetyPlanPresent => {
                "Stel een veiligheidsplan op en leg het vast als aanwezig.".into()
            }
        }
    }

    /// Two edits conflict when they set the same single value.
    fn conflicts(&self, other: &Edit) -> bool {
        matches!(
            (self, other),
            (Edit::ContractForm(_), Edit::ContractForm(_))
                | (Edit::SupportHours(_), Edit::SupportHours(_))
                | (Edit::MaxRent(_), Edit::MaxRent(_))
        )
    }
}

/// One or two edits that make dwellings fit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    pub edits: Vec<Edit>,
    /// The edits' sentences in order.
    pub sentence: String,
    /// Dwellings that pass every knock-out with the edits and do not without them.
    pub dwellings: usize,
    /// The associations of those dwellings.
    pub associations: usize,
}

/// Why one profile gets what it gets, and what would help.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Explanation {
    /// Dwellings in the offer.
    pub dwellings: usize,
    /// Dwellings that pass every knock-out now.
    pub eligible: usize,
    /// Every criterion that excludes a dwelling or an association, most dwellings first (then
    /// most associations, then the order of the knock-outs).
    pub knock_outs: Vec<KnockOutCount>,
    /// Single edits that make at least one dwelling fit, most dwellings first; only when no
    /// single edit does, pairs of edits (at most [`MAX_PAIRS`]).
    pub suggestions: Vec<Suggestion>,
}

/// The criteria that exclude dwellings or associations in a match result, most dwellings first.
pub fn knock_out_summary(m: &ProfileMatch) -> Vec<KnockOutCount> {
    let mut counts: Vec<KnockOutCount> = KnockOut::ALL
        .iter()
        .map(|&k| KnockOutCount {
            knock_out: k,
            dwellings: 0,
            only: 0,
            associations: 0,
        })
        .collect();
    for d in &m.knocked_out {
        for r in d.reasons.iter() {
            counts[r.code as usize].dwellings += 1;
        }
        if let [only] = &d.reasons[..] {
            counts[only.code as usize].only += 1;
        }
    }
    for a in &m.associations {
        for r in &a.reasons {
            counts[r.code as usize].associations += 1;
        }
    }
    counts.retain(|c| c.dwellings > 0 || c.associations > 0);
    // Stable: equal counts keep the knock-out order.
    counts.sort_by(|a, b| {
        b.dwellings
            .cmp(&a.dwellings)
            .then(b.associations.cmp(&a.associations))
    });
    counts
}

/// The edits worth trying for this profile, in a fixed order.
fn candidates(profile: &PlacementProfile, offer: &Offer, bounds: &Bounds) -> Vec<Edit> {
    let mut out = Vec::new();
    let mut seen: BTreeSet<&str> = profile
        .search_area
        .iter()
        .filter_map(|g| canonical_gemeente(g))
        .collect();
    for a in &offer.associations {
        for g in &a.working_area {
            if let Some(c) = canonical_gemeente(g)
                && bounds.region.is_none_or(|r| r.gemeenten().contains(&c))
                && seen.insert(c)
            {
                out.push(Edit::AddGemeente(c.to_string()));
            }
        }
    }
    let mut folded = BTreeSet::new();
    for n in &profile.excluded_neighbourhoods {
        if folded.insert(fold_name(n)) {
            out.push(Edit::RemoveNeighbourhood(n.clone()));
        }
    }
    if profile.rent_arrears != History::None && !profile.budget_management {
        out.push(Edit::BudgetManagement);
    }
    for c in [
        ContractForm::RegularLease,
        ContractForm::LeaseWithCareAgreement,
        ContractForm::LeaseInCareProviderName,
    ] {
        if c != profile.contract_form {
            out.push(Edit::ContractForm(c));
        }
    }
    let mut minimums: Vec<f64> = offer
        .associations
        .iter()
        .map(|a| a.criteria.min_support_hours)
        .filter(|h| h.is_finite() && *h > profile.support_hours_per_week && *h <= 168.0)
        .collect();
    minimums.sort_by(f64::total_cmp);
    minimums.dedup();
    out.extend(minimums.into_iter().map(Edit::SupportHours));
    if bounds.rent_ceiling_cents > profile.max_rent_cents {
        out.push(Edit::MaxRent(bounds.rent_ceiling_cents));
    }
    if profile.nuisance != History::None && profile.safety_plan != SafetyPlan::Present {
        out.push(Edit::SafetyPlanPresent);
    }
    out
}

/// The explanation of one profile against the offer on the reference date; suggestions stay
/// within `bounds`. Fails only on invalid weights.
pub fn explain(
    profile: &PlacementProfile,
    offer: &Offer,
    weights: &Weights,
    reference: Date,
    bounds: &Bounds,
) -> Result<Explanation> {
    weights.validate()?;
    let po = PreparedOffer::new(offer);
    let m = match_prepared(profile, &po, weights, reference);
    let mut now = vec![false; offer.dwellings.len()];
    for i in eligible_positions(profile, &po, reference) {
        now[i] = true;
    }
    let gain = |edits: &[&Edit]| -> (usize, usize) {
        let mut edited = profile.clone();
        for e in edits {
            e.apply(&mut edited);
        }
        let mut associations = BTreeSet::new();
        let mut dwellings = 0;
        for i in eligible_positions(&edited, &po, reference) {
            if !now[i] {
                dwellings += 1;
                associations.insert(offer.dwellings[i].association_id.as_str());
            }
        }
        (dwellings, associations.len())
    };
    let suggestion = |edits: Vec<Edit>, (dwellings, associations): (usize, usize)| Suggestion {
        sentence: edits
            .iter()
            .map(Edit::sentence)
            .collect::<Vec<_>>()
            .join(" "),
        edits,
        dwellings,
        associations,
    };
    let edits = candidates(profile, offer, bounds);
    let mut suggestions: Vec<Suggestion> = edits
        .iter()
        .filter_map(|e| {
            let g = gain(&[e]);
            (g.0 > 0).then(|| suggestion(vec![e.clone()], g))
        })
        .collect();
    if suggestions.is_empty() {
        for (i, a) in edits.iter().enumerate() {
            for b in &edits[i + 1..] {
                if a.conflicts(b) {
                    continue;
                }
                let g = gain(&[a, b]);
                if g.0 > 0 {
                    suggestions.push(suggestion(vec![a.clone(), b.clone()], g));
                }
            }
        }
    }
    // Stable: equal gains keep the candidates' order.
    suggestions.sort_by(|a, b| {
        b.dwellings
            .cmp(&a.dwellings)
            .then(b.associations.cmp(&a.associations))
    });
    if suggestions.first().is_some_and(|s| s.edits.len() > 1) {
        suggestions.truncate(MAX_PAIRS);
    }
    Ok(Explanation {
        dwellings: offer.dwellings.len(),
        eligible: m.eligible.len(),
        knock_outs: knock_out_summary(&m),
        suggestions,
    })
}
