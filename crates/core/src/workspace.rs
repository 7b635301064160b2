//! The coordinator's workspace (werkruimte): every case, the housing offer, the settings and the
//! disclosure log, with the operations the app offers on them.
//!
//! This is the one place where the app's actions are decided, so the Yew components stay thin:
//! they call these methods and render what comes back. It is also what the vault stores (as
//! JSON, encrypted), except the code key, which has a record of its own.

use crate::assign::Assignment;
use crate::bundle::{
    self, BundleInput, BundleProfileInput, MatchSummary, WriteError, WrittenBundle,
};
use crate::code::{self, Code, CodeKey};
use crate::date::Date;
use crate::disclosure::{self, DisclosureEntry};
use crate::dossier::Dossier;
use crate::error::{Error, Result};
use crate::handover::{self, AssociationRef, Handover, HandoverConfirmation};
use crate::known::Known;
use crate::matching::{self, ProfileMatch, Weights};
use crate::minimise;
use crate::offer::{MergeMode, MergeSummary, Offer};
use crate::profile::{DerivedFacts, Missing, PlacementProfile, ProfileCategory, ProfileDraft};
use crate::region::Region;
use crate::register::Step;
use crate::rentlimits::RentLimits;
use crate::scan::{self, Finding};
use crate::sharing::SharedVersion;
use crate::vocab::Dutch;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

pub const FORMAT: &str = "woonkans-werkruimte";
pub const VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    /// The party this vault acts for, chosen when the vault is made. `None` only in a vault made
    /// before roles existed: it held every step's data and must be split (see `role`).
    #[serde(default)]
    pub role: Option<crate::role::Role>,
    /// Set when a region's coordinator carries the other title than its region's default.
    #[serde(default)]
    pub coordinator_title: Option<crate::region::CoordinatorRole>,
    /// In a vault made before roles: the teruggave sent to the Wmo consultant, until the split
    /// is finished (`split`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub split_export: Option<crate::split::SplitExport>,
    pub region: Option<Region>,
    pub weights: Weights,
    pub rent_limits: RentLimits,
    /// How long a case may wait at each point (`timeline::waiting`).
    #[serde(default)]
    pub norms: crate::timeline::Norms,
    /// The priority of young people and of waiting in the caseload assignment.
    #[serde(default)]
    pub priority: crate::priority::PriorityWeights,
}

impl Settings {
    /// The rent-limit table for a reference date: the table this vault loaded when it is of that
    /// year and differs from the shipped one, else the shipped table of the year
    /// (`rentlimits::for_year`). So a case judged in 2025 uses the 2025 limits, in 2026 the 2026
    /// ones, and a coordinator's own table for a year still counts for that year.
    pub fn rent_limits_on(&self, reference: Date) -> RentLimits {
        self.rent_limits_for_year(reference.year())
    }

    /// The table that applies to a reference date in `year` (see [`Settings::rent_limits_on`]).
    pub fn rent_limits_for_year(&self, year: i32) -> RentLimits {
        let shipped = crate::rentlimits::for_year(year);
        let own = &self.rent_limits;
        let own_counts = own.year == year && (shipped.year != year || !own.same_figures(&shipped));
        if own_counts { own.clone() } else { shipped }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            role: None,
            coordinator_title: None,
            split_export: None,
            region: None,
            weights: Weights::default(),
            rent_limits: crate::rentlimits::current(),
            norms: crate::timeline::Norms::default(),
            priority: crate::priority::PriorityWeights::default(),
        }
    }
}

/// The match that resident and association accepted (the 5 → 6 gate).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AcceptedMatch {
    pub association_id: String,
    pub dwelling_id: Option<String>,
    pub date: Date,
    /// On the care provider's side, from the koppeling: the association knows the resident only
    /// by this code, so the huurgegevens must carry it. Absent in the coordinator's own record
    /// (its codes are in `Case::codes`) and in vaults stored before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The association's name as the koppeling gave it (the care provider holds no offer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub association_name: Option<String>,
}

/// Why an accepted match did not end in a lease: a fixed choice, so the history holds no free
/// text about the resident.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum MatchEndReason {
    /// The resident turned the dwelling down (after the viewing, for example).
    RefusedByResident,
    /// The association withdrew (the dwelling went to someone else, the committee said no).
    RefusedByAssociation,
    /// The dwelling is no longer available.
    DwellingUnavailable,
    /// Ended otherwise.
    Other,
}

impl MatchEndReason {
    pub const ALL: [MatchEndReason; 4] = [
        MatchEndReason::RefusedByResident,
        MatchEndReason::RefusedByAssociation,
        MatchEndReason::DwellingUnavailable,
        MatchEndReason::Other,
    ];
}

/// An accepted match that ended without a lease; the case went back to step 5 and keeps this.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EndedMatch {
    pub association_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dwelling_id: Option<String>,
    pub accepted_on: Date,
    pub ended_on: Date,
    pub reason: MatchEndReason,
}

/// One resident's case: the dossier, the profile being built, the codes issued, the log.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Case {
    pub dossier: Dossier,
    #[serde(default)]
    pub profile: ProfileDraft,
    /// Recipient id → the code issued to it. Kept, so losing the key loses no issued code.
    #[serde(default)]
    pub codes: BTreeMap<String, String>,
    #[serde(default)]
    pub accepted: Option<AcceptedMatch>,
    #[serde(default)]
    pub log: Vec<DisclosureEntry>,
    /// Recipient id → digests (`profile::text_digest`) of the free texts sent to it, so the
    /// coordinator can be warned before the same text reaches a second association.
    #[serde(default)]
    pub sent_texts: BTreeMap<String, BTreeSet<String>>,
    /// Goes up by one with every saved change of the profile (`Workspace::record_profile_versions`),
    /// so a shared version can be named.
    #[serde(default)]
    pub profile_version: u32,
    /// Association id → the profile as its last bundle carried it.
    #[serde(default)]
    pub shared: BTreeMap<String, SharedVersion>,
    /// Association id → the profile as the step-6 hand-over carried it.
    #[serde(default)]
    pub handed_over: BTreeMap<String, SharedVersion>,
    /// The overdracht this case came from, in a coordinator's vault: the step-4 facts the
    /// profile is built on, and the identifier prints the guard refuses in every outgoing text
    /// of this vault without holding the values. `None` for a case typed in this vault.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overdracht: Option<crate::transfer::Overdracht>,
    /// Association id → its latest answer about this case (from a reply envelope).
    #[serde(default)]
    pub replies: BTreeMap<String, crate::parties::ReceivedAnswer>,
    /// Accepted matches that ended without a lease, oldest first (`routeplanner::end_match`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ended_matches: Vec<EndedMatch>,
    /// How the case ended, once it is closed (`outcome`); `None` while open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<crate::outcome::Outcome>,
    /// The day the resident entered beschermd wonen or the maatschappelijke opvang, when the
    /// coordinator recorded it: waiting counts from here (`timeline::waiting_since`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_care_since: Option<Date>,
    /// What the coordinator recorded of the talks per association (`talks`), oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub talks: Vec<crate::talks::TalkRecord>,
    /// The extra safeguards agreed for the placement (`talks::Safeguard`).
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub safeguards: BTreeSet<crate::talks::Safeguard>,
}

/// The same free text of one profile going to more than one association: the associations
/// could link their differently coded profiles by comparing it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LinkWarning {
    pub case_id: String,
    /// Field key of the draft (`notities.socialNetwork`, `terugvalplan.signalen` …).
    pub field: String,
    /// Dutch name of the field.
    pub label: String,
    /// The associations (ids) that already received this exact text.
    pub already_sent_to: Vec<String>,
}

impl fmt::Debug for Case {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Case")
            .field("dossier", &self.dossier)
            .field("codes", &self.codes.len())
            .field("log", &self.log.len())
            .field("profile_version", &self.profile_version)
            .finish_non_exhaustive()
    }
}

impl Case {
    /// The resident's stable identifier for codes: the BSN where there is one, otherwise the
    /// random dossier id.
    /// The identifier prints of a case received through an overdracht.
    pub fn prints(&self) -> Option<&crate::prints::IdentifierPrints> {
        self.overdracht.as_ref().map(|o| o.prints())
    }

    pub fn stable_id(&self) -> &str {
        self.dossier
            .bsn
            .as_deref()
            .filter(|b| !b.is_empty())
            .unwrap_or(&self.dossier.id)
    }
}

/// Everything one coordinator holds.
///
/// The fields are the core's: the app and the facade read them through the accessors and change
/// them only through methods here and in `routeplanner`, which keep the offer, weights and rent
/// limits valid and log every disclosure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Workspace {
    pub(crate) format: String,
    pub(crate) version: u32,
    pub(crate) settings: Settings,
    pub(crate) cases: Vec<Case>,
    pub(crate) offer: Offer,
    /// Every disclosure, across cases (each case keeps its own entries too).
    pub(crate) log: Vec<DisclosureEntry>,
    /// Own keys, contact book, envelopes taken in (`parties`).
    #[serde(default)]
    pub(crate) parties: crate::parties::Parties,
}

/// Why a profile is not ready to share: parts missing, or notes that identify.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct ProfileProblems {
    pub missing: Vec<Missing>,
    /// Scanner findings per note field.
    pub findings: Vec<NoteFinding>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct NoteFinding {
    pub field: String,
    pub finding: Finding,
}

impl ProfileProblems {
    pub fn to_error(&self) -> Error {
        let count = self.missing.len() + self.findings.len();
        Error::new(
            "PROFILE_INCOMPLETE",
            format!(
                "Het bemiddelingsprofiel is nog niet klaar: {} open.",
                crate::vocab::count(count, "punt", "punten")
            ),
        )
    }
}

/// Scanner findings in every free text of the draft (`ProfileDraft::texts`, with their field
/// paths: `notities.<categorie>`, `uitgeslotenBuurten[i]`, `terugvalplan.…`), searching for the
/// resident's own values too.
pub fn note_findings(draft: &ProfileDraft, known: &Known) -> Vec<NoteFinding> {
    note_findings_with_prints(draft, known, None)
}

/// `note_findings`, and also the resident's values of which this vault holds only the
/// identifier prints (a coordinator's case from an overdracht): a note with the resident's
/// surname, BSN or phone number in any form the guard normalises is refused all the same.
pub fn note_findings_with_prints(
    draft: &ProfileDraft,
    known: &Known,
    prints: Option<&crate::prints::IdentifierPrints>,
) -> Vec<NoteFinding> {
    let scanner = scan::Prepared::new(known);
    let mut out = Vec::new();
    for (field, text) in draft.texts() {
        let mut found = scanner.scan(text);
        for hit in prints.map(|p| p.find(text)).unwrap_or_default() {
            let kind = hit.kind.finding_kind();
            let covered = found
                .iter()
                .any(|f| f.kind == kind && f.start <= hit.start && hit.end <= f.end);
            if !covered {
                found.push(Finding {
                    kind,
                    start: hit.start,
                    end: hit.end,
                });
            }
        }
        // A value written with escapes, glued in camel case, or with digits for letters or
        // letters for digits, is found as the guard finds it (`text::readings`); a reading has
        // other positions, so the finding spans the whole text.
        for reading in crate::text::readings(text) {
            let kinds = scanner.scan(&reading).into_iter().map(|f| f.kind).chain(
                prints
                    .map(|p| p.find(&reading))
                    .unwrap_or_default()
                    .into_iter()
                    .map(|h| h.kind.finding_kind()),
            );
            for kind in kinds {
                if !found.iter().any(|f| f.kind == kind) {
                    found.push(Finding {
                        kind,
                        start: 0,
                        end: text.len(),
                    });
                }
            }
        }
        found.sort_by_key(|f| (f.start, f.end));
        out.extend(found.into_iter().map(|finding| NoteFinding {
            field: field.clone(),
            finding,
        }));
    }
    out
}

/// The profile from the draft, ready only when nothing is missing and the scanner found nothing
/// in its notes (`findings`, from `note_findings`).
fn complete(
    draft: &ProfileDraft,
    facts: &DerivedFacts,
    rent_limits: &RentLimits,
    findings: Vec<NoteFinding>,
) -> std::result::Result<PlacementProfile, ProfileProblems> {
    match draft.complete(rent_limits, facts) {
        Ok(p) if findings.is_empty() => Ok(p),
        Ok(_) => Err(ProfileProblems {
            missing: Vec::new(),
            findings,
        }),
        Err(missing) => Err(ProfileProblems { missing, findings }),
    }
}

/// The optional settings of a profile built outside a workspace (the JS API's `options`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct ProfileOptions {
    /// Another year's table; the shipped one when absent.
    #[serde(default)]
    pub rent_limits: Option<RentLimits>,
    /// The resident's own values (from `Dossier::known`), so the scanner also finds their names
    /// and address in the notes. Without them it still finds BSNs, phones, e-mail, IBANs, dates
    /// and health or justice terms.
    #[serde(default)]
    pub known: Option<Known>,
    /// Any other key: a misspelt option is refused rather than silently ignored.
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub unknown: BTreeMap<String, serde::de::IgnoredAny>,
}

impl ProfileOptions {
    /// The table and the values to use: `INPUT_INVALID` at `opties` for an unknown key, the
    /// table's own error for a table out of order.
    fn resolve(&self) -> Result<(RentLimits, Known)> {
        if !self.unknown.is_empty() {
            return Err(Error::new(
                "INPUT_INVALID",
                "De opties kennen alleen rentLimits en known.",
            )
            .at("opties"));
        }
        let limits = crate::rentlimits::or_current(self.rent_limits.clone())?;
        Ok((limits, self.known.clone().unwrap_or_default()))
    }
}

/// What keeps a draft from being a finished profile, outside a workspace: the facts come from
/// `minimise::derived_facts`. Both lists empty when it is ready.
pub fn profile_problems(
    draft: &ProfileDraft,
    facts: &DerivedFacts,
    options: &ProfileOptions,
) -> Result<ProfileProblems> {
    let (limits, known) = options.resolve()?;
    Ok(ProfileProblems {
        missing: draft.missing(&limits, facts),
        findings: note_findings(draft, &known),
    })
}

/// Why `build_profile` gave no profile.
#[derive(Debug)]
pub enum BuildError {
    /// Parts missing or notes that identify: `PROFILE_INCOMPLETE` with both lists.
    Incomplete(ProfileProblems),
    /// Options or facts out of range (`PROFILE_INVALID` for a household of 0).
    Invalid(Error),
}

impl From<Error> for BuildError {
    fn from(e: Error) -> Self {
        BuildError::Invalid(e)
    }
}

/// The finished placement profile from a draft outside a workspace, under the same rule as
/// `Workspace::profile`, and checked (`PlacementProfile::validate`) because the facts come from
/// outside.
pub fn build_profile(
    draft: &ProfileDraft,
    facts: &DerivedFacts,
    options: &ProfileOptions,
) -> std::result::Result<PlacementProfile, BuildError> {
    let (limits, known) = options.resolve()?;
    let profile = complete(draft, facts, &limits, note_findings(draft, &known))
        .map_err(BuildError::Incomplete)?;
    profile.validate()?;
    Ok(profile)
}

fn not_found() -> Error {
    Error::new("CASE_NOT_FOUND", "Dit dossier bestaat niet (meer).")
}

impl Workspace {
    /// A workspace from its stored records, each already read on its own (a missing or damaged
    /// record is passed as its default, so the rest stays usable).
    pub fn from_records(
        settings: Settings,
        cases: Vec<Case>,
        offer: Offer,
        log: Vec<DisclosureEntry>,
        parties: crate::parties::Parties,
    ) -> Workspace {
        Workspace {
            settings,
            cases,
            log,
            parties,
            ..Workspace::new(offer)
        }
    }

    pub(crate) fn settings_mut(&mut self) -> &mut Settings {
        &mut self.settings
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Every case, archived ones included, in the order they were opened.
    pub fn cases(&self) -> &[Case] {
        &self.cases
    }

    pub fn offer(&self) -> &Offer {
        &self.offer
    }

    /// Every disclosure, across cases.
    pub fn log(&self) -> &[DisclosureEntry] {
        &self.log
    }

    /// The role this vault acts for; `None` in a vault made before roles (PARTIES.md).
    pub fn role(&self) -> Option<crate::role::Role> {
        self.settings.role
    }

    /// Chooses the role of a new vault. A role is fixed once chosen: another role's data would
    /// otherwise stay behind in a vault that may no longer hold it. A vault made before roles
    /// that already holds cases is not given one here either; it first has to be split.
    pub fn choose_role(&mut self, role: crate::role::Role) -> Result<()> {
        if self.settings.role.is_some() {
            return Err(Error::new(
                "ROLE_FIXED",
                "De rol van deze kluis ligt vast. Maak voor een andere rol een nieuwe kluis.",
            )
            .at("rol"));
        }
        if !self.cases.is_empty() {
            return Err(Error::new(
                "ROLE_NEEDS_SPLIT",
                "Deze kluis is gemaakt voor er rollen waren en bevat al dossiers. Die moeten \
                 eerst worden gesplitst; een rol kiezen kan dan nog niet.",
            )
            .at("rol"));
        }
        self.settings.role = Some(role);
        Ok(())
    }

    /// The coordinator's title when it differs from the region's default.
    /// The coordinator's title chosen in this vault; `None` follows the region.
    pub fn coordinator_title(&self) -> Option<crate::region::CoordinatorRole> {
        self.settings.coordinator_title
    }

    pub fn set_coordinator_title(&mut self, title: Option<crate::region::CoordinatorRole>) {
        self.settings.coordinator_title = title;
    }

    /// The title in the header: the role, and for a coordinator Ketenregisseur or
    /// Procesregisseur.
    pub fn role_title(&self) -> Option<&'static str> {
        let s = &self.settings;
        s.role
            .map(|r| crate::role::title(r, s.region, s.coordinator_title))
    }

    pub fn set_region(&mut self, region: Option<Region>) {
        self.settings.region = region;
    }

    /// New score weights; refused (nothing changed) when they do not add up.
    pub fn set_weights(&mut self, weights: Weights) -> Result<()> {
        weights.validate()?;
        self.settings.weights = weights;
        Ok(())
    }

    /// A new rent-limit table; refused (nothing changed) when it is not a valid table.
    pub fn set_rent_limits(&mut self, limits: RentLimits) -> Result<()> {
        limits.validate()?;
        self.settings.rent_limits = limits;
        Ok(())
    }

    /// New norms for waiting cases; refused (nothing changed) when one is out of range.
    pub fn set_norms(&mut self, norms: crate::timeline::Norms) -> Result<()> {
        norms.validate()?;
        self.settings.norms = norms;
        Ok(())
    }

    /// New priority weights for the caseload assignment; refused (nothing changed) when too large.
    pub fn set_priority(&mut self, weights: crate::priority::PriorityWeights) -> Result<()> {
        weights.validate()?;
        self.settings.priority = weights;
        Ok(())
    }

    /// Records (or clears) the day the resident of case `id` entered beschermd wonen or the
    /// maatschappelijke opvang. Refused for a day after `today` or before 1950.
    pub fn set_in_care_since(&mut self, id: &str, since: Option<Date>, today: Date) -> Result<()> {
        if let Some(d) = since {
            crate::timeline::check_in_care_since(d, today)?;
        }
        self.case_mut(id)?.in_care_since = since;
        Ok(())
    }

    /// Replaces the offer with an edited one; refused (nothing changed) when it is not valid.
    pub fn replace_offer(&mut self, offer: Offer) -> Result<()> {
        offer.validate()?;
        self.offer = offer;
        Ok(())
    }

    /// Merges an imported part into the offer (see [`Offer::merge`]).
    pub fn merge_offer(&mut self, part: &Offer, mode: MergeMode) -> Result<MergeSummary> {
        let (offer, summary) = self.offer.merge(part, mode)?;
        self.offer = offer;
        Ok(summary)
    }

    pub fn new(offer: Offer) -> Workspace {
        Workspace {
            format: FORMAT.into(),
            version: VERSION,
            settings: Settings::default(),
            cases: Vec::new(),
            offer,
            log: Vec::new(),
            parties: Default::default(),
        }
    }

    pub fn from_json(text: &str) -> Result<Workspace> {
        #[derive(Deserialize)]
        struct Head {
            format: String,
            version: u32,
        }
        let bad = || {
            Error::new(
                "WORKSPACE_INVALID",
                "De opgeslagen gegevens zijn onleesbaar. Zet een back-up terug.",
            )
        };
        let head: Head = serde_json::from_str(text).map_err(|_| bad())?;
        if head.format != FORMAT {
            return Err(bad());
        }
        if head.version > VERSION {
            return Err(Error::new(
                "WORKSPACE_VERSION",
                "Deze gegevens zijn gemaakt met een nieuwere versie van Woonkans. Werk de app bij.",
            ));
        }
        serde_json::from_str(text).map_err(|_| bad())
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn region(&self) -> Result<Region> {
        self.settings.region.ok_or_else(|| {
            Error::new(
                "REGION_MISSING",
                "Kies eerst uw regio (Noord- of Midden-Limburg).",
            )
        })
    }

    /// Opens a new case under a random local id (from the caller).
    pub fn add_case(&mut self, id: &str) -> Result<&mut Case> {
        if id.is_empty() || self.cases.iter().any(|c| c.dossier.id == id) {
            return Err(Error::new("CASE_ID_TAKEN", "Dit dossiernummer bestaat al."));
        }
        self.cases.push(Case {
            dossier: Dossier::new(id),
            profile: ProfileDraft::default(),
            codes: BTreeMap::new(),
            accepted: None,
            log: Vec::new(),
            sent_texts: Default::default(),
            profile_version: 0,
            shared: BTreeMap::new(),
            handed_over: BTreeMap::new(),
            replies: BTreeMap::new(),
            outcome: None,
            ended_matches: Vec::new(),
            overdracht: None,
            in_care_since: None,
            talks: Vec::new(),
            safeguards: BTreeSet::new(),
        });
        Ok(self.cases.last_mut().expect("just pushed"))
    }

    /// Erases one resident's case from the workspace (AVG art. 17, and the end of the retention
    /// period): the dossier, the profile, the codes issued to associations and the case's own log
    /// entries. Archived or not, at any step. The workspace-wide disclosure log keeps its entries:
    /// they hold codes, never a name or BSN, and are the coordinator's account of what was
    /// disclosed to whom (AVG art. 5(2)); once the case is gone, nobody can resolve those codes
    /// back to the resident without the key and the BSN.
    pub fn delete_case(&mut self, id: &str) -> Result<()> {
        let before = self.cases.len();
        self.cases.retain(|c| c.dossier.id != id);
        if self.cases.len() == before {
            return Err(not_found());
        }
        Ok(())
    }

    pub fn case(&self, id: &str) -> Result<&Case> {
        self.cases
            .iter()
            .find(|c| c.dossier.id == id)
            .ok_or_else(not_found)
    }

    pub fn case_mut(&mut self, id: &str) -> Result<&mut Case> {
        self.cases
            .iter_mut()
            .find(|c| c.dossier.id == id)
            .ok_or_else(not_found)
    }

    /// What the minimiser derives from the dossier for step 4.
    pub fn facts(&self, id: &str, reference: Date) -> Result<DerivedFacts> {
        let case = self.case(id)?;
        if let Some(o) = &case.overdracht {
            // The Wmo consultant generalised them on the day of the overdracht; this vault
            // never had the birth date or the income to do it again.
            let region = self.region()?;
            if o.facts().region != region {
                return Err(Error::new(
                    "REGION_MISMATCH",
                    format!(
                        "Deze overdracht hoort bij {}; deze kluis werkt voor {}.",
                        o.facts().region.name(),
                        region.name()
                    ),
                ));
            }
            return o.derived_facts();
        }
        minimise::derived_facts(
            &case.dossier,
            reference,
            self.region()?,
            &self.settings.rent_limits_on(reference),
        )
    }

    /// The scanner over one note, with the resident's own values.
    pub fn scan_text(&self, id: &str, text: &str) -> Result<Vec<Finding>> {
        let case = self.case(id)?;
        let mut found = scan::scan(text, &case.dossier.known());
        for hit in case.prints().map(|p| p.find(text)).unwrap_or_default() {
            let kind = hit.kind.finding_kind();
            if !found
                .iter()
                .any(|f| f.kind == kind && f.start <= hit.start && hit.end <= f.end)
            {
                found.push(Finding {
                    kind,
                    start: hit.start,
                    end: hit.end,
                });
            }
        }
        found.sort_by_key(|f| (f.start, f.end));
        Ok(found)
    }

    /// Scanner findings in every free text of the draft.
    pub fn note_findings(&self, id: &str) -> Result<Vec<NoteFinding>> {
        let case = self.case(id)?;
        Ok(note_findings_with_prints(
            &case.profile,
            &case.dossier.known(),
            case.prints(),
        ))
    }

    /// The complete placement profile, or every reason why it is not ready: gates, missing
    /// parts, and identifying data in its notes.
    pub fn profile(
        &self,
        id: &str,
        reference: Date,
    ) -> std::result::Result<PlacementProfile, ProfileProblems> {
        let problems = |missing: Vec<Missing>, findings| ProfileProblems { missing, findings };
        let as_missing = |e: Error| {
            vec![Missing {
                field: e.field.clone().unwrap_or_default(),
                message: e.message,
            }]
        };
        let facts = self
            .facts(id, reference)
            .map_err(|e| problems(as_missing(e), Vec::new()))?;
        let findings = self
            .note_findings(id)
            .map_err(|e| problems(as_missing(e), Vec::new()))?;
        let case = self
            .case(id)
            .map_err(|e| problems(as_missing(e), Vec::new()))?;
        complete(
            &case.profile,
            &facts,
            &self.settings.rent_limits_on(reference),
            findings,
        )
    }

    pub fn match_case(&self, id: &str, reference: Date) -> Result<ProfileMatch> {
        let profile = self.profile(id, reference).map_err(|p| p.to_error())?;
        matching::match_profile(&profile, &self.offer, &self.settings.weights, reference)
    }

    /// Why the case's profile gets the dwellings it gets, and which agreed change would make
    /// more fit; the maximum rent is never suggested above the household's rent limit.
    pub fn explain_case(&self, id: &str, reference: Date) -> Result<crate::explain::Explanation> {
        let profile = self.profile(id, reference).map_err(|p| p.to_error())?;
        let bounds = crate::explain::Bounds {
            rent_ceiling_cents: self
                .facts(id, reference)?
                .table_max_rent_cents(&self.settings.rent_limits_on(reference)),
            region: self.settings.region,
        };
        crate::explain::explain(
            &profile,
            &self.offer,
            &self.settings.weights,
            reference,
            &bounds,
        )
    }

    /// The caseload: every case with a complete profile that is not yet placed, and the
    /// optimal assignment of them to dwellings.
    pub fn caseload(&self, reference: Date) -> Result<(Vec<String>, Assignment)> {
        let mut ids = Vec::new();
        let mut profiles = Vec::new();
        for c in self
            .cases
            .iter()
            .filter(|c| !c.dossier.archived && c.accepted.is_none())
        {
            if let Ok(p) = self.profile(&c.dossier.id, reference) {
                ids.push(c.dossier.id.clone());
                profiles.push(p);
            }
        }
        let priority: Vec<u32> = self
            .priorities(&ids, &profiles, reference)
            .iter()
            .map(crate::priority::Priority::points)
            .collect();
        let matrix = crate::matching::score_matrix(
            &profiles,
            &self.offer,
            &self.settings.weights,
            reference,
        )?;
        Ok((ids, crate::assign::assign_prioritised(&matrix, &priority)))
    }

    /// The priority of each profile of the caseload (`ids[i]` is the case of `profiles[i]`) under
    /// this vault's weights: its age band, and its waiting since `timeline::waiting_since`.
    pub fn priorities(
        &self,
        ids: &[String],
        profiles: &[PlacementProfile],
        reference: Date,
    ) -> Vec<crate::priority::Priority> {
        ids.iter()
            .zip(profiles)
            .map(|(id, p)| {
                let since = self.case(id).ok().and_then(crate::timeline::waiting_since);
                self.settings
                    .priority
                    .priority(p.age_band, since, reference)
            })
            .collect()
    }

    /// Releases (or withdraws) one free text of a case's draft for bundles, for the given
    /// associations (empty: all). A text the scanner still finds something in, or that holds a
    /// character outside the outgoing whitelist, is not released.
    pub fn release_text(
        &mut self,
        id: &str,
        field: &str,
        release: bool,
        only: Vec<String>,
    ) -> Result<()> {
        let case = self.case(id)?;
        if release {
            let text = case.profile.text(field).ok_or_else(|| {
                Error::new("FIELD_UNKNOWN", "Dit tekstveld bestaat niet.").at(field)
            })?;
            let found = self.scan_text(id, text)?.len();
            if found > 0 {
                return Err(Error::new(
                    "RELEASE_FINDINGS",
                    format!(
                        "Deze tekst kan nog niet worden vrijgegeven: de tekstscanner vond er {} in die naar iemand herleidbaar kunnen zijn. Pas de gemarkeerde delen aan.",
                        crate::vocab::count(found, "gegeven", "gegevens")
                    ),
                )
                .at(field));
            }
        }
        self.case_mut(id)?.profile.set_release(field, release, only)
    }

    /// For a bundle about to be written: the released free texts of these cases that already
    /// went to another association. Sending them again lets the two associations link their
    /// differently coded profiles of one resident by comparing the text.
    pub fn link_warnings(&self, association_id: &str, case_ids: &[String]) -> Vec<LinkWarning> {
        let mut out = Vec::new();
        for id in case_ids {
            let Ok(case) = self.case(id) else { continue };
            for (field, text) in case.profile.texts() {
                if text.trim().is_empty()
                    || !crate::profile::is_released(&case.profile.released, text, association_id)
                {
                    continue;
                }
                let digest = crate::profile::text_digest(text);
                let already: Vec<String> = case
                    .sent_texts
                    .iter()
                    .filter(|(a, d)| a.as_str() != association_id && d.contains(&digest))
                    .map(|(a, _)| a.clone())
                    .collect();
                if !already.is_empty() {
                    out.push(LinkWarning {
                        case_id: id.clone(),
                        label: crate::profile::text_label(&field),
                        field,
                        already_sent_to: already,
                    });
                }
            }
        }
        out
    }

    /// Writes the coded bundle for one association with the given cases, through the leak
    /// guard. On success the codes are kept with each case and the disclosure is logged;
    /// on refusal nothing changes.
    pub fn write_bundle(
        &mut self,
        key: &CodeKey,
        association_id: &str,
        case_ids: &[String],
        bundle_id: [u8; 16],
        today: Date,
        at: &str,
    ) -> std::result::Result<WrittenBundle, WriteError> {
        let region = self.region()?;
        let association = self
            .offer
            .association(association_id)
            .ok_or_else(|| {
                Error::new(
                    "ASSOCIATION_NOT_FOUND",
                    "Deze woningcorporatie staat niet in het aanbod.",
                )
            })?
            .clone();
        if case_ids.is_empty() {
            return Err(
                Error::new("BUNDLE_EMPTY", "Kies minstens één dossier voor de bundel.").into(),
            );
        }
        let mut profiles = Vec::new();
        let mut issued: Vec<(&String, Code, BTreeSet<String>, PlacementProfile)> =
            Vec::with_capacity(case_ids.len());
        for id in case_ids {
            let case = self.case(id)?;
            case.dossier.check_gates(Step::AssociationTalks)?;
            let profile = self.profile(id, today).map_err(|p| p.to_error())?;
            // A code issued before stays the resident's code with this association: after a
            // new code key, and for a case taken over from another coordinator (whose key made
            // it), the association must still recognise the resident it already knows.
            let code = case
                .codes
                .get(&association.id)
                .and_then(|c| code::parse(c).ok())
                .unwrap_or_else(|| code::derive(key, &association.id, case.stable_id()));
            let result =
                matching::match_profile(&profile, &self.offer, &self.settings.weights, today)?;
            let matches = result
                .eligible
                .iter()
                .filter(|d| d.association_id == association.id)
                .map(|d| MatchSummary {
                    dwelling_id: d.dwelling_id.clone(),
                    score: u8::try_from(d.score.min(100)).unwrap_or(100),
                })
                .collect();
            // Typed text leaves only where the coordinator released it for this association.
            let profile = profile.released_for(&case.profile.released, &association.id);
            let sent = profile
                .texts()
                .iter()
                .map(|(_, t)| crate::profile::text_digest(t))
                .collect();
            issued.push((id, code, sent, profile.clone()));
            profiles.push(BundleProfileInput {
                code,
                profile,
                matches,
                known: case.dossier.known(),
                prints: case.prints().cloned(),
            });
        }
        let written = bundle::write_bundle(&BundleInput {
            bundle_id,
            date: today,
            region,
            recipient_id: association.id.clone(),
            recipient_name: association.name.clone(),
            profiles,
            caseload: self
                .cases
                .iter()
                .filter(|c| !case_ids.contains(&c.dossier.id))
                .map(|c| c.dossier.known())
                .collect(),
            prints: self
                .cases
                .iter()
                .filter(|c| !case_ids.contains(&c.dossier.id))
                .filter_map(|c| c.prints().cloned())
                .collect(),
        })?;
        let entry = disclosure::entries_for_bundle(&written, at);
        // A profile shared again must not be erased by an afmelding of an ended match that has
        // not gone yet.
        let again: Vec<String> = issued
            .iter()
            .map(|(_, code, _, _)| code.to_string())
            .collect();
        self.drop_notices(|n| {
            n.reason == crate::transfer::NoticeReason::MatchBeeindigd
                && n.association_id == association.id
                && again.contains(&n.code)
        });
        // Each case stores the code derived from its own stable id, never one taken by position
        // from the written file.
        for (id, code, sent, profile) in issued {
            if let Ok(case) = self.case_mut(id) {
                case.codes.insert(association.id.clone(), code.to_string());
                case.shared.insert(
                    association.id.clone(),
                    SharedVersion {
                        version: case.profile_version,
                        date: today,
                        profile,
                    },
                );
                case.sent_texts
                    .entry(association.id.clone())
                    .or_default()
                    .extend(sent);
                let mut own = entry.clone();
                own.codes = vec![code.to_string()];
                case.log.push(own);
            }
        }
        self.log.push(entry);
        Ok(written)
    }

    /// Finds the case a code was issued for, by recomputing (the key) or from the issued codes
    /// kept with the cases (no key needed).
    pub fn resolve_code(
        &self,
        key: Option<&CodeKey>,
        recipient_id: &str,
        code: Code,
    ) -> Option<&str> {
        let text = code.to_string();
        if let Some(c) = self
            .cases
            .iter()
            .find(|c| c.codes.get(recipient_id).is_some_and(|k| *k == text))
        {
            return Some(&c.dossier.id);
        }
        let key = key?;
        code::resolve(
            key,
            recipient_id,
            code,
            self.cases
                .iter()
                .map(|c| (c.dossier.id.as_str(), c.stable_id())),
        )
    }

    /// Records on case `id` why its step-6 hand-over goes without a document the lease needs
    /// (`DocumentChecklist::choose_missing_reason`).
    pub fn choose_missing_reason(
        &mut self,
        id: &str,
        reason: Option<crate::dossier::MissingDocumentsReason>,
    ) -> Result<()> {
        let d = &mut self.case_mut(id)?.dossier;
        d.documents
            .choose_missing_reason(d.budget_management, reason);
        Ok(())
    }

    /// The step-6 hand-over for the accepted association, after the explicit confirmation;
    /// logged with the case and overall.
    pub fn handover(
        &mut self,
        id: &str,
        confirmation: HandoverConfirmation,
        handover_id: &str,
        at: &str,
    ) -> Result<Handover> {
        let date = confirmation.date;
        let profile = self.profile(id, date).map_err(|p| p.to_error())?;
        let case = self.case(id)?;
        let accepted = case.accepted.clone().ok_or_else(|| {
            Error::new("GATE_MISSING", "Leg eerst vast dat de match is aanvaard.")
        })?;
        let association = self
            .offer
            .association(&accepted.association_id)
            .map(|a| AssociationRef {
                id: a.id.clone(),
                name: a.name.clone(),
            })
            .ok_or_else(|| {
                Error::new(
                    "ASSOCIATION_NOT_FOUND",
                    "Deze woningcorporatie staat niet in het aanbod.",
                )
            })?;
        let made = handover::handover(
            &case.dossier,
            &profile,
            &association.id,
            &association.name,
            confirmation,
        )?;
        let entry = DisclosureEntry {
            at: at.into(),
            step: 6,
            recipient_id: association.id.clone(),
            recipient_name: association.name.clone(),
            categories: handover::handed_over_categories(&case.dossier)
                .iter()
                .map(|c| c.dutch().to_string())
                .chain(made.missing_documents.map(|r| r.log_label()))
                .collect(),
            grondslag: handover::GRONDSLAG.into(),
            bundle_id: handover_id.into(),
            codes: case
                .codes
                .get(&association.id)
                .cloned()
                .into_iter()
                .collect(),
            kind: disclosure::DisclosureKind::Handover,
            message: None,
        };
        let case = self.case_mut(id)?;
        case.handed_over.insert(
            association.id.clone(),
            SharedVersion {
                version: case.profile_version,
                date,
                profile,
            },
        );
        case.log.push(entry.clone());
        self.log.push(entry);
        Ok(made)
    }

    /// Counts a saved change of each case's profile against `before`, the workspace as it was
    /// before the change. The profile changes when its draft does or when what step 4 derives
    /// from the dossier does (household size, bewindvoering …); a change elsewhere in the
    /// dossier leaves the version as it is. Called once per saved change, so that a shared
    /// version can be told apart from the current one.
    pub fn record_profile_versions(&mut self, before: &Workspace, today: Date) {
        let region = self.settings.region;
        let limits = &self.settings.rent_limits_on(today);
        let facts =
            |c: &Case| region.map(|r| minimise::derived_facts(&c.dossier, today, r, limits).ok());
        for case in &mut self.cases {
            let Some(old) = before
                .cases
                .iter()
                .find(|c| c.dossier.id == case.dossier.id)
            else {
                continue;
            };
            // Facts are derived only when the dossier changed: this runs on every commit.
            if old.profile != case.profile
                || (old.dossier != case.dossier && facts(old) != facts(case))
            {
                case.profile_version = old.profile_version.max(case.profile_version) + 1;
            }
        }
    }

    /// The categories a bundle discloses, for the "wat wordt gedeeld" panel.
    pub fn shared_categories() -> &'static [ProfileCategory; 8] {
        &ProfileCategory::ALL
    }
}
