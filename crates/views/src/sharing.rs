//! The "gewijzigd na delen" banner of a dossier: which associations hold an older profile,
//! what changed since, and for whom a new bundle is due. The core decides who is out of date
//! (`woonkans_core::sharing`); this arranges it as sentences.

use woonkans_core::sharing::{MARK, SharedBy, SharingState};
use woonkans_core::vocab::{self, Dutch};

/// One association holding an older version, as a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HolderLine {
    pub association_id: String,
    /// "Voorbeeld Woonstichting Maasdal heeft versie 3 (bundel van 28-11-2026)."
    pub text: String,
}

/// A new bundle the banner offers: for this association, with this button text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BundleOffer {
    pub association_id: String,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharingBanner {
    pub title: &'static str,
    pub intro: String,
    pub holders: Vec<HolderLine>,
    /// "Mobiliteit: Geen beperking → Rolstoel", one per changed field.
    pub changes: Vec<String>,
    pub bundles: Vec<BundleOffer>,
    /// Set when the hand-over is out of date: a bundle does not renew it.
    pub handover_note: Option<&'static str>,
}

/// The version as the coordinator reads it: the core counts changes from 0, a person counts
/// the first version as 1.
fn shown(version: u32) -> u32 {
    version.saturating_add(1)
}

/// The banner, or `None` while no association holds an older profile.
pub fn sharing_banner(state: &SharingState) -> Option<SharingBanner> {
    if !state.changed_after_sharing() {
        return None;
    }
    let intro = if state.profile_complete {
        format!(
            "Het bemiddelingsprofiel is veranderd nadat het is gedeeld. Het profiel is nu versie {}. Deze corporaties werken nog met een eerdere versie:",
            shown(state.version)
        )
    } else {
        format!(
            "Het bemiddelingsprofiel is veranderd nadat het is gedeeld, en het is nu niet compleet (versie {}). Maak het eerst compleet; deze corporaties werken nog met een eerdere versie:",
            shown(state.version)
        )
    };
    let holders = state
        .outdated
        .iter()
        .map(|h| HolderLine {
            association_id: h.association_id.clone(),
            text: format!(
                "{} heeft versie {} ({} van {}).",
                h.association_name,
                shown(h.version),
                h.by.dutch(),
                vocab::date(h.date)
            ),
        })
        .collect();
    let changes = state
        .changes()
        .into_iter()
        .map(|c| format!("{}: {} → {}", c.label, c.old, c.new))
        .collect();
    let bundles = if state.profile_complete {
        state
            .bundle_recipients()
            .into_iter()
            .map(|h| BundleOffer {
                association_id: h.association_id.clone(),
                label: format!("Nieuwe bundel voor {}", h.association_name),
            })
            .collect()
    } else {
        Vec::new()
    };
    let handover_note = state
        .outdated
        .iter()
        .any(|h| h.by == SharedBy::Handover)
        .then_some(
            "De overdracht (stap 6) is ook verouderd. Maak een nieuwe overdracht en stuur die naar de corporatie.",
        );
    Some(SharingBanner {
        title: MARK,
        intro,
        holders,
        changes,
        bundles,
        handover_note,
    })
}
