//! Profile versions: which version of a case's placement profile each association holds, and
//! whether the profile changed after it was shared ("gewijzigd na delen").
//!
//! An association only knows the profile it received. When the coordinator changes the profile
//! afterwards, the association works with an older picture of the resident, so the case says so
//! and names what changed, until a new bundle (or hand-over) goes out. The case keeps the profile
//! exactly as it was shared with each association: that is the only reliable way to say what
//! changed, and it is no more than the association itself holds.

use crate::date::Date;
use crate::error::Result;
use crate::profile::{PlacementProfile, ProfileCategory};
use crate::vocab::{self, Dutch};
use crate::workspace::{Case, Workspace};
use serde::{Deserialize, Serialize};

/// The profile as one association received it.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SharedVersion {
    /// `Case::profile_version` when it went out.
    pub version: u32,
    pub date: Date,
    /// The profile as released for this association (a bundle) or in full (a hand-over).
    pub profile: PlacementProfile,
}

impl std::fmt::Debug for SharedVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The profile's free texts stay out of logs.
        f.debug_struct("SharedVersion")
            .field("version", &self.version)
            .field("date", &self.date)
            .finish_non_exhaustive()
    }
}

/// How an association got its version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum SharedBy {
    /// A coded profile bundle (step 5).
    Bundle,
    /// The step-6 hand-over.
    Handover,
}

impl Dutch for SharedBy {
    fn dutch(&self) -> &'static str {
        match self {
            SharedBy::Bundle => "bundel",
            SharedBy::Handover => "overdracht",
        }
    }
}

/// One field whose value differs between the shared and the current profile, in Dutch.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldChange {
    pub label: String,
    pub old: String,
    pub new: String,
}

/// An association that holds an older version than the current profile.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OutdatedHolder {
    pub association_id: String,
    pub association_name: String,
    pub by: SharedBy,
    pub version: u32,
    pub date: Date,
    /// Empty when the current profile is not complete: then it cannot be compared field by
    /// field, but it is no longer what the association holds.
    pub changes: Vec<FieldChange>,
}

/// Where a case's profile stands against what went out.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SharingState {
    pub version: u32,
    /// The profile went to at least one association.
    pub shared: bool,
    pub profile_complete: bool,
    pub outdated: Vec<OutdatedHolder>,
}

impl SharingState {
    /// "Gewijzigd na delen": an association holds a profile that is no longer the current one.
    pub fn changed_after_sharing(&self) -> bool {
        !self.outdated.is_empty()
    }

    /// The associations to send a new bundle to: those whose bundle is out of date. A stale
    /// hand-over is renewed by a new hand-over, not by a bundle.
    pub fn bundle_recipients(&self) -> Vec<&OutdatedHolder> {
        self.outdated
            .iter()
            .filter(|h| h.by == SharedBy::Bundle)
            .collect()
    }

    /// Every changed field once, over all outdated holders (first holder's old value).
    pub fn changes(&self) -> Vec<&FieldChange> {
        let mut out: Vec<&FieldChange> = Vec::new();
        for c in self.outdated.iter().flat_map(|h| &h.changes) {
            if !out.iter().any(|o| o.label == c.label) {
                out.push(c);
            }
        }
        out
    }
}

pub const MARK: &str = "Gewijzigd na delen";

fn or_empty(s: String) -> String {
    if s.trim().is_empty() {
        "(leeg)".to_string()
    } else {
        s
    }
}

/// Every field of a profile an association reads, as (Dutch label, Dutch value), in the order
/// of the profile form. Two profiles differ for an association exactly where these differ.
pub fn profile_fields(p: &PlacementProfile) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for c in ProfileCategory::ALL {
        out.push((c.dutch().to_string(), vocab::category_value(p, c)));
        out.push((
            format!("{}: notitie", c.dutch()),
            or_empty(p.notes.get(&c).cloned().unwrap_or_default()),
        ));
    }
    let plan = p.relapse_plan.as_ref();
    let rest = [
        ("Zoekgebied", p.search_area.join(", ")),
        ("Uitgesloten buurten", p.excluded_neighbourhoods.join(", ")),
        ("Woonvorm", p.housing_form.dutch().to_string()),
        ("Huurachterstand", p.rent_arrears.dutch().to_string()),
        ("Overlast", p.nuisance.dutch().to_string()),
        ("Bewindvoering", vocab::yes_no(p.budget_management).into()),
        ("Contractvorm", p.contract_form.dutch().to_string()),
        (
            "Ondersteuning (uur per week)",
            vocab::hours(p.support_hours_per_week),
        ),
        (
            "24 uur per dag bereikbaar",
            vocab::yes_no(p.reachable_24_7).into(),
        ),
        (
            "Terugvalplan: signalen",
            plan.map(|x| x.signals.trim().to_string())
                .unwrap_or_default(),
        ),
        (
            "Terugvalplan: afspraken",
            plan.map(|x| {
                x.agreements
                    .iter()
                    .map(|a| format!("{}: {}", a.party.dutch(), a.action.trim()))
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .unwrap_or_default(),
        ),
        ("Veiligheidsplan", p.safety_plan.dutch().to_string()),
        ("Huishoudgrootte", p.household_size.to_string()),
        ("Leeftijdsgroep", p.age_band.dutch().to_string()),
        ("Inkomensgroep", p.income_band.dutch().to_string()),
        ("Maximale huur", vocab::euro(p.max_rent_cents)),
    ];
    out.extend(rest.into_iter().map(|(l, v)| (l.to_string(), or_empty(v))));
    out
}

/// The fields that differ from `old` to `new`, old → new.
pub fn diff(old: &PlacementProfile, new: &PlacementProfile) -> Vec<FieldChange> {
    profile_fields(old)
        .into_iter()
        .zip(profile_fields(new))
        .filter(|((_, a), (_, b))| a != b)
        .map(|((label, old), (_, new))| FieldChange { label, old, new })
        .collect()
}

fn holders(case: &Case) -> impl Iterator<Item = (&String, &SharedVersion, SharedBy)> {
    case.shared
        .iter()
        .map(|(a, v)| (a, v, SharedBy::Bundle))
        .chain(
            case.handed_over
                .iter()
                .map(|(a, v)| (a, v, SharedBy::Handover)),
        )
}

/// Which associations hold an older profile than the current one, and what changed for each.
///
/// A holder is out of date when what it would receive now differs from what it received: the
/// profile as released for it (a bundle) or the full profile (a hand-over). An edit that was
/// undone therefore leaves it up to date. While the profile is incomplete it cannot be
/// compared, so every holder of an earlier version counts as out of date.
pub fn sharing_state(ws: &Workspace, id: &str, today: Date) -> Result<SharingState> {
    let case = ws.case(id)?;
    let current = ws.profile(id, today).ok();
    let name = |a: &str| {
        ws.offer()
            .association(a)
            .map_or_else(|| a.to_string(), |x| x.name.clone())
    };
    let mut outdated = Vec::new();
    for (association, held, by) in holders(case) {
        let changes = match &current {
            Some(p) => {
                let now = match by {
                    SharedBy::Bundle => p.released_for(&case.profile.released, association),
                    SharedBy::Handover => p.clone(),
                };
                let changes = diff(&held.profile, &now);
                if changes.is_empty() {
                    continue;
                }
                changes
            }
            None if held.version < case.profile_version => Vec::new(),
            None => continue,
        };
        outdated.push(OutdatedHolder {
            association_id: association.clone(),
            association_name: name(association),
            by,
            version: held.version,
            date: held.date,
            changes,
        });
    }
    Ok(SharingState {
        version: case.profile_version,
        shared: !case.shared.is_empty() || !case.handed_over.is_empty(),
        profile_complete: current.is_some(),
        outdated,
    })
}
