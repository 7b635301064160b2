//! What the matching page shows: which cases have a complete profile, one profile's result
//! joined with the offer (filtered, with Dutch explanations), and the caseload assignment as a
//! job that runs in small steps, so the browser can paint a progress bar between them.
//!
//! Case labels are for the coordinator's own screen only; nothing here goes into a URL, a file
//! or a message.

use std::collections::HashMap;
use woonkans_core::assign::{self, Assignment};
use woonkans_core::date::Date;
use woonkans_core::error::Result;
use woonkans_core::explain::{Explanation, ProfileField};
use woonkans_core::matching::{
    AssociationResult, Component, ProfileMatch, Reason, ScoreMatrix, ScoredDwelling, score_matrix,
};
use woonkans_core::offer::{Dwelling, DwellingType, Offer};
use woonkans_core::priority::{Priority, PriorityWeights};
use woonkans_core::profile::PlacementProfile;
use woonkans_core::vocab::{self, Dutch};
use woonkans_core::workspace::{Case, Workspace};

/// Profiles scored per step of the caseload job: small enough to keep each step short.
pub const PROFILES_PER_STEP: usize = 10;

/// "k7f3q9 – N. van der Berg": the dossier id with initials and surname, or the id alone while
/// no name is filled in.
pub fn case_label(case: &Case) -> String {
    let n = &case.dossier.name;
    let initials: String = n
        .first_names
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .flat_map(|c| [c, '.'])
        .collect();
    let name = [initials.as_str(), n.tussenvoegsel.trim(), n.surname.trim()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if name.is_empty() {
        format!("Dossier {}", case.dossier.id)
    } else {
        format!("Dossier {} – {name}", case.dossier.id)
    }
}

/// A case that can be matched: its id and label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseChoice {
    pub id: String,
    pub label: String,
}

/// The cases whose placement profile is complete on the reference date (archived ones left out).
pub fn complete_cases(ws: &Workspace, reference: Date) -> Vec<CaseChoice> {
    ws.cases()
        .iter()
        .filter(|c| !c.dossier.archived && ws.profile(&c.dossier.id, reference).is_ok())
        .map(|c| CaseChoice {
            id: c.dossier.id.clone(),
            label: case_label(c),
        })
        .collect()
}

/// The filters of the dwellings list; empty text and `None` mean "all".
#[derive(Clone, Debug, PartialEq, Default)]
pub struct MatchFilter {
    pub gemeente: String,
    pub dwelling_type: Option<DwellingType>,
    /// Leave the knocked-out dwellings out.
    pub only_eligible: bool,
}

impl MatchFilter {
    fn admits(&self, d: &Dwelling) -> bool {
        (self.gemeente.is_empty() || d.gemeente == self.gemeente)
            && self.dwelling_type.is_none_or(|t| d.dwelling_type == t)
    }
}

/// An eligible dwelling with its rank in the whole ranking (1-based).
#[derive(Clone, Debug, PartialEq)]
pub struct EligibleRow<'a> {
    pub rank: usize,
    pub scored: &'a ScoredDwelling,
    pub dwelling: &'a Dwelling,
    pub association: &'a str,
}

#[derive(Clone, Debug, PartialEq)]
pub struct KnockedRow<'a> {
    pub dwelling: &'a Dwelling,
    pub association: &'a str,
    pub reasons: &'a [Reason],
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct MatchRows<'a> {
    pub eligible: Vec<EligibleRow<'a>>,
    pub knocked_out: Vec<KnockedRow<'a>>,
}

/// One profile's result joined with the offer and filtered: eligible dwellings by score, then
/// (unless only eligible ones are asked for) the knocked-out ones by id.
pub fn match_rows<'a>(
    m: &'a ProfileMatch,
    offer: &'a Offer,
    filter: &MatchFilter,
) -> MatchRows<'a> {
    let dwellings: HashMap<&str, &Dwelling> =
        offer.dwellings.iter().map(|d| (d.id.as_str(), d)).collect();
    let name = |d: &'a Dwelling| crate::offer_admin::association_name(offer, &d.association_id);
    let eligible = m
        .eligible
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let d = *dwellings.get(s.dwelling_id.as_str())?;
            filter.admits(d).then(|| EligibleRow {
                rank: i + 1,
                scored: s,
                dwelling: d,
                association: name(d),
            })
        })
        .collect();
    let knocked_out = if filter.only_eligible {
        Vec::new()
    } else {
        m.knocked_out
            .iter()
            .filter_map(|k| {
                let d = *dwellings.get(k.dwelling_id.as_str())?;
                filter.admits(d).then(|| KnockedRow {
                    dwelling: d,
                    association: name(d),
                    reasons: &k.reasons,
                })
            })
            .collect()
    };
    MatchRows {
        eligible,
        knocked_out,
    }
}

/// An association's step-4 result with its name.
#[derive(Clone, Debug, PartialEq)]
pub struct AssociationRow<'a> {
    pub name: &'a str,
    pub example: bool,
    pub dwellings: usize,
    pub result: &'a AssociationResult,
}

/// The associations in the result's order (eligible first, then by best score).
pub fn association_rows<'a>(m: &'a ProfileMatch, offer: &'a Offer) -> Vec<AssociationRow<'a>> {
    let counts = crate::offer_admin::dwelling_counts(offer);
    m.associations
        .iter()
        .map(|r| {
            let a = offer.association(&r.association_id);
            AssociationRow {
                name: a.map_or(r.association_id.as_str(), |a| a.name.as_str()),
                example: a.is_some_and(|a| a.example),
                dwellings: counts.get(r.association_id.as_str()).copied().unwrap_or(0),
                result: r,
            }
        })
        .collect()
}

/// "3 van de 480 woningen passen; 1 van de 7 corporaties komt in aanmerking." The verb agrees
/// with the count that fits.
pub fn match_summary(m: &ProfileMatch) -> String {
    let dwellings = m.eligible.len();
    let associations = m.associations.iter().filter(|a| a.eligible).count();
    format!(
        "{} van de {} {}; {} van de {} {} in aanmerking.",
        vocab::thousands(dwellings as u64),
        vocab::count(dwellings + m.knocked_out.len(), "woning", "woningen"),
        if dwellings == 1 { "past" } else { "passen" },
        vocab::thousands(associations as u64),
        vocab::count(m.associations.len(), "corporatie", "corporaties"),
        if associations == 1 { "komt" } else { "komen" },
    )
}

/// A knock-out as shown beside a dwelling or an association: its short Dutch name, then the
/// sentence that says what fails.
pub fn reason_cells(r: &Reason) -> (&'static str, String) {
    (r.code.dutch(), r.message.to_string())
}

/// The short names of a dwelling's failing criteria, for one line: "Huurachterstand, Zoekgebied".
pub fn reason_names(reasons: &[Reason]) -> String {
    reasons
        .iter()
        .map(|r| r.code.dutch())
        .collect::<Vec<_>>()
        .join(", ")
}

/// One row of "Wat sluit woningen uit".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnockOutRow {
    pub criterion: &'static str,
    pub dwellings: String,
    /// Dwellings that fail on this criterion alone.
    pub only: String,
    pub associations: String,
}

/// The criteria that exclude the most first, as table rows.
pub fn knock_out_rows(e: &Explanation) -> Vec<KnockOutRow> {
    e.knock_outs
        .iter()
        .map(|c| KnockOutRow {
            criterion: c.knock_out.dutch(),
            dwellings: vocab::thousands(c.dwellings as u64),
            only: vocab::thousands(c.only as u64),
            associations: vocab::thousands(c.associations as u64),
        })
        .collect()
}

/// A form field a suggestion points to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldLink {
    pub field: ProfileField,
    /// The field's name: "Bewindvoering in stap 3".
    pub label: &'static str,
    /// The element id on the profile form, for the link's fragment.
    pub element_id: &'static str,
}

/// One row of "Wat zou helpen".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SuggestionRow {
    /// What to do.
    pub sentence: String,
    /// "Daarmee passen 21 woningen van 1 corporatie."
    pub gain: String,
    /// The fields to change, each once, in the order of the edits.
    pub fields: Vec<FieldLink>,
}

/// The suggestions, best first, at most `limit`.
pub fn suggestion_rows(e: &Explanation, limit: usize) -> Vec<SuggestionRow> {
    e.suggestions
        .iter()
        .take(limit)
        .map(|s| {
            let mut fields: Vec<FieldLink> = Vec::new();
            for edit in &s.edits {
                let field = edit.field();
                if !fields.iter().any(|f| f.field == field) {
                    fields.push(FieldLink {
                        field,
                        label: field.dutch(),
                        element_id: field.element_id(),
                    });
                }
            }
            let verb = if s.dwellings == 1 { "past" } else { "passen" };
            SuggestionRow {
                sentence: s.sentence.clone(),
                gain: format!(
                    "Daarmee {verb} {} van {}.",
                    vocab::count(s.dwellings, "woning", "woningen"),
                    vocab::count(s.associations, "corporatie", "corporaties")
                ),
                fields,
            }
        })
        .collect()
}

/// What the explanation says when nothing is suggested.
pub fn no_suggestion_text(e: &Explanation) -> &'static str {
    if e.eligible == e.dwellings {
        "Alle woningen passen al."
    } else {
        "Geen wijziging die de coördinator kan afspreken (zoekgebied, uitgesloten wijken, bewindvoering, contractvorm, ondersteuning, veiligheidsplan of maximale huur) maakt meer woningen passend, ook niet twee tegelijk."
    }
}

/// A dwelling as one line in a list: "VB-00012 — Venlo, Centrum, 2 kamers, € 612,00".
pub fn dwelling_label(d: &Dwelling) -> String {
    format!(
        "{} — {}, {}, {}, {}",
        d.id,
        d.gemeente,
        d.neighbourhood,
        vocab::count(usize::from(d.rooms), "kamer", "kamers"),
        vocab::euro(d.rent_cents)
    )
}

/// A dwelling of one association to choose from when a match is recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DwellingChoice {
    pub id: String,
    pub label: String,
    /// Passes every knock-out for the case's profile (true when no result is known).
    pub eligible: bool,
}

/// The dwellings of `association` to record a match with: with a match result, the eligible
/// ones by score (highest first), then, only when asked, the others by id with the names of
/// their failing criteria; without a result (no complete profile), every dwelling in offer
/// order. `keep` (the chosen dwelling) is always listed, so a choice never silently disappears.
pub fn dwelling_choices(
    m: Option<&ProfileMatch>,
    offer: &Offer,
    association: &str,
    show_ineligible: bool,
    keep: &str,
) -> Vec<DwellingChoice> {
    let dwellings: HashMap<&str, &Dwelling> = offer
        .dwellings
        .iter()
        .filter(|d| !association.is_empty() && d.association_id == association)
        .map(|d| (d.id.as_str(), d))
        .collect();
    let Some(m) = m else {
        return offer
            .dwellings
            .iter()
            .filter(|d| dwellings.contains_key(d.id.as_str()))
            .map(|d| DwellingChoice {
                id: d.id.clone(),
                label: dwelling_label(d),
                eligible: true,
            })
            .collect();
    };
    let mut out: Vec<DwellingChoice> = m
        .eligible
        .iter()
        .filter_map(|s| {
            let d = dwellings.get(s.dwelling_id.as_str())?;
            Some(DwellingChoice {
                id: d.id.clone(),
                label: format!("{}, score {}", dwelling_label(d), s.score),
                eligible: true,
            })
        })
        .collect();
    out.extend(m.knocked_out.iter().filter_map(|k| {
        let d = dwellings.get(k.dwelling_id.as_str())?;
        (show_ineligible || d.id == keep).then(|| DwellingChoice {
            id: d.id.clone(),
            label: format!(
                "{} — past niet: {}",
                dwelling_label(d),
                reason_names(&k.reasons)
            ),
            eligible: false,
        })
    }));
    out
}

/// A score component as shown: value (0-1, two decimals), weight, points (one decimal).
pub fn component_cells(c: &Component) -> [String; 3] {
    [
        vocab::decimal(c.value, 2),
        c.weight.to_string(),
        vocab::decimal(c.points, 1),
    ]
}

// ---------------------------------------------------------------------------------------------
// Caseload

/// One assigned case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseloadRow {
    pub case_id: String,
    pub label: String,
    pub dwelling_id: String,
    pub association: String,
    pub gemeente: String,
    pub neighbourhood: String,
    pub dwelling_type: DwellingType,
    pub rent_cents: u32,
    pub score: u32,
    pub priority: Priority,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnassignedRow {
    pub case_id: String,
    pub label: String,
    pub reason: &'static str,
    pub priority: Priority,
}

/// A profile's priority in words, as the caseload table explains it: "15 (jongere) + 8 (4
/// maanden wachten)", or "geen".
pub fn priority_text(p: &Priority) -> String {
    let mut parts = Vec::new();
    if p.young_points > 0 {
        parts.push(format!("{} (jongere 18-27)", p.young_points));
    }
    if p.waiting_points > 0 {
        parts.push(format!(
            "{} ({} wachten)",
            p.waiting_points,
            vocab::count(p.months_waiting as usize, "maand", "maanden")
        ));
    }
    if parts.is_empty() {
        "geen".into()
    } else {
        parts.join(" + ")
    }
}

pub const CASELOAD_INTRO: &str = "Verdeelt alle open dossiers met een volledig profiel over de woningen, zodat de totale score plus de voorrang (jongeren van 18 tot en met 27 jaar, wachttijd; in te stellen bij Aanbod → Instellingen) zo hoog mogelijk is. Dit is een voorstel: er wordt niets vastgelegd of gedeeld.";

/// The footer's priority cell: "+ 39 voorrang = 214", or "geen" when no placed case has any.
pub fn priority_total_text(view: &CaseloadView) -> String {
    if view.weighted_total > view.total {
        format!(
            "+ {} voorrang = {}",
            view.weighted_total - view.total,
            view.weighted_total
        )
    } else {
        "geen".into()
    }
}

pub const PRIORITY_TITLE: &str = "Voorrang in de caseload";
pub const PRIORITY_INTRO: &str = "De optimale toewijzing telt bij de score van elke woning die een dossier kan krijgen punten voorrang op: voor jongeren van 18 tot en met 27 jaar, en per maand wachten sinds de instroom in beschermd wonen of de opvang (of, als die datum niet is vastgelegd, sinds de overdracht). Zo gaat een schaarse woning eerder naar wie voorrang heeft; een woning die niet past, gaat nooit door voorrang mee. Met alle punten op 0 telt alleen de score.";
pub const PRIORITY_SAVE: &str = "Voorrang opslaan";
pub const PRIORITY_SAVED: &str = "De voorrang is opgeslagen.";

/// One field of the priority form: its input id, label and the current value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PriorityField {
    pub id: &'static str,
    pub label: &'static str,
    pub value: u32,
}

pub fn priority_fields(w: &PriorityWeights) -> [PriorityField; 3] {
    [
        PriorityField {
            id: "voorrang-jongeren",
            label: "Punten voor jongeren van 18 tot en met 27 jaar",
            value: w.young,
        },
        PriorityField {
            id: "voorrang-per-maand",
            label: "Punten per maand wachten",
            value: w.per_month_waiting,
        },
        PriorityField {
            id: "voorrang-maanden",
            label: "Hoogstens zoveel maanden tellen mee",
            value: w.max_months,
        },
    ]
}

/// The weights as typed in the three fields (in [`priority_fields`]'s order); a field that is not
/// a whole number is refused with the core's message.
pub fn priority_from_fields(values: [&str; 3]) -> Result<PriorityWeights> {
    let parse = |s: &str| s.trim().parse::<u32>().map_err(|_| ());
    match (parse(values[0]), parse(values[1]), parse(values[2])) {
        (Ok(young), Ok(per_month_waiting), Ok(max_months)) => {
            let w = PriorityWeights {
                young,
                per_month_waiting,
                max_months,
            };
            w.validate()?;
            Ok(w)
        }
        _ => Err(woonkans_core::error::Error::new(
            "PRIORITY_INVALID",
            "Vul bij de voorrang overal een heel aantal punten of maanden in (0 mag).",
        )),
    }
}

/// The caseload assignment joined with the cases and the offer.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct CaseloadView {
    pub rows: Vec<CaseloadRow>,
    pub unassigned: Vec<UnassignedRow>,
    pub total: u64,
    /// The total with priority: what the assignment maximised.
    pub weighted_total: u64,
    /// Complete profiles considered.
    pub profiles: usize,
    pub dwellings: usize,
}

/// The caseload's outcome in one sentence, with every noun in the right number.
pub fn caseload_summary(view: &CaseloadView) -> String {
    if view.profiles == 0 {
        return "Er zijn geen dossiers met een volledig bemiddelingsprofiel die nog op een woning wachten.".into();
    }
    let with_priority = if view.weighted_total > view.total {
        format!(
            " Met voorrang: {}; die som is zo hoog mogelijk gemaakt.",
            view.weighted_total
        )
    } else {
        String::new()
    };
    format!(
        "Berekend voor {} en {}: {} toegewezen, {} zonder woning. Totale score: {}.{}",
        vocab::count(view.profiles, "profiel", "profielen"),
        vocab::count(view.dwellings, "woning", "woningen"),
        view.rows.len(),
        view.unassigned.len(),
        view.total,
        with_priority
    )
}

/// "3 dossiers met een volledig profiel."
pub fn complete_cases_hint(n: usize) -> String {
    format!(
        "{} met een volledig profiel.",
        vocab::count(n, "dossier", "dossiers")
    )
}

/// Joins an assignment over the profiles of `ids` (in that order, with their `priorities`) with
/// the cases and the offer.
pub fn caseload_view(
    ws: &Workspace,
    ids: &[String],
    priorities: &[Priority],
    a: &Assignment,
) -> CaseloadView {
    let priority = |i: usize| priorities.get(i).copied().unwrap_or_default();
    let label = |i: usize| {
        ids.get(i)
            .and_then(|id| ws.case(id).ok())
            .map(case_label)
            .unwrap_or_default()
    };
    let rows = a
        .pairs
        .iter()
        .filter_map(|p| {
            let d = ws.offer().dwellings.get(p.dwelling)?;
            Some(CaseloadRow {
                case_id: ids.get(p.profile)?.clone(),
                label: label(p.profile),
                dwelling_id: d.id.clone(),
                association: crate::offer_admin::association_name(ws.offer(), &d.association_id)
                    .to_string(),
                gemeente: d.gemeente.clone(),
                neighbourhood: d.neighbourhood.clone(),
                dwelling_type: d.dwelling_type,
                rent_cents: d.rent_cents,
                score: p.score,
                priority: priority(p.profile),
            })
        })
        .collect();
    let unassigned = a
        .unassigned
        .iter()
        .filter_map(|u| {
            Some(UnassignedRow {
                case_id: ids.get(u.profile)?.clone(),
                label: label(u.profile),
                reason: u.reason.dutch(),
                priority: priority(u.profile),
            })
        })
        .collect();
    CaseloadView {
        rows,
        unassigned,
        total: a.total,
        weighted_total: a.weighted_total,
        profiles: ids.len(),
        dwellings: ws.offer().dwellings.len(),
    }
}

/// The caseload assignment of [`Workspace::caseload`], cut into short steps: first each open
/// case's profile is checked, then the complete profiles are scored a few at a time, then the
/// optimal assignment is made. Works on a snapshot of the workspace taken at the start, and
/// gives exactly what `Workspace::caseload` gives.
pub struct CaseloadJob {
    ws: Workspace,
    reference: Date,
    candidates: Vec<String>,
    checked: usize,
    ids: Vec<String>,
    profiles: Vec<PlacementProfile>,
    matrix: ScoreMatrix,
    scored: usize,
}

impl CaseloadJob {
    /// Fails at once (before any work) when the weights are invalid.
    pub fn new(ws: &Workspace, reference: Date) -> Result<CaseloadJob> {
        ws.settings().weights.validate()?;
        let candidates = ws
            .cases()
            .iter()
            .filter(|c| !c.dossier.archived && c.accepted.is_none())
            .map(|c| c.dossier.id.clone())
            .collect();
        Ok(CaseloadJob {
            ws: ws.clone(),
            reference,
            candidates,
            checked: 0,
            ids: Vec::new(),
            profiles: Vec::new(),
            matrix: ScoreMatrix::new(0, 0),
            scored: 0,
        })
    }

    fn checking(&self) -> bool {
        self.checked < self.candidates.len()
    }

    /// Units done and units in all: one per case checked and one per profile scored (while the
    /// check runs, every case is assumed to have a complete profile).
    pub fn progress(&self) -> (usize, usize) {
        let to_score = if self.checking() {
            self.candidates.len()
        } else {
            self.profiles.len()
        };
        (self.checked + self.scored, self.candidates.len() + to_score)
    }

    /// What the job is doing now, in Dutch.
    pub fn phase(&self) -> &'static str {
        if self.checking() {
            "Profielen nagaan"
        } else {
            "Scores berekenen"
        }
    }

    /// Does up to `budget` units of work. True when only the assignment is left.
    pub fn step(&mut self, budget: usize) -> Result<bool> {
        let budget = budget.max(1);
        if self.checking() {
            let end = (self.checked + budget).min(self.candidates.len());
            for id in &self.candidates[self.checked..end] {
                if let Ok(p) = self.ws.profile(id, self.reference) {
                    self.ids.push(id.clone());
                    self.profiles.push(p);
                }
            }
            self.checked = end;
            if !self.checking() {
                self.matrix =
                    ScoreMatrix::new(self.profiles.len(), self.ws.offer().dwellings.len());
            }
            return Ok(false);
        }
        let end = (self.scored + budget).min(self.profiles.len());
        let part = score_matrix(
            &self.profiles[self.scored..end],
            self.ws.offer(),
            &self.ws.settings().weights,
            self.reference,
        )?;
        for i in 0..part.profiles {
            for (j, s) in part.row(i) {
                self.matrix.set(self.scored + i, j, Some(s));
            }
        }
        self.scored = end;
        Ok(self.scored == self.profiles.len())
    }

    /// Finishes any work left and makes the optimal assignment.
    pub fn finish(mut self) -> Result<(Vec<String>, Assignment, CaseloadView)> {
        while !self.step(PROFILES_PER_STEP)? {}
        let priorities = self
            .ws
            .priorities(&self.ids, &self.profiles, self.reference);
        let points: Vec<u32> = priorities.iter().map(Priority::points).collect();
        let assignment = assign::assign_prioritised(&self.matrix, &points);
        let view = caseload_view(&self.ws, &self.ids, &priorities, &assignment);
        Ok((self.ids, assignment, view))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use woonkans_core::dossier::PersonName;
    use woonkans_core::profile::ProfileDraft;
    use woonkans_core::sample::sample_offer;

    #[test]
    fn labels_hold_id_initials_and_surname() {
        let mut ws = Workspace::new(sample_offer());
        let c = ws.add_case("abcd1234").unwrap();
        assert_eq!(case_label(c), "Dossier abcd1234");
        c.dossier.name = PersonName {
            first_names: "Noël  Johannes".into(),
            tussenvoegsel: "van der".into(),
            surname: "Berg".into(),
            call_name: String::new(),
        };
        assert_eq!(case_label(c), "Dossier abcd1234 – N.J. van der Berg");
        c.profile = ProfileDraft::default();
    }

    #[test]
    fn an_empty_workspace_has_no_complete_cases_and_an_empty_caseload() {
        let mut ws = Workspace::new(sample_offer());
        ws.add_case("abcd1234").unwrap();
        let today = Date::new(2026, 11, 28).unwrap();
        assert!(complete_cases(&ws, today).is_empty());
        let mut job = CaseloadJob::new(&ws, today).unwrap();
        assert_eq!(job.progress(), (0, 2));
        assert_eq!(job.phase(), "Profielen nagaan");
        let (ids, a, view) = job.finish().unwrap();
        assert!(ids.is_empty() && a.pairs.is_empty());
        assert_eq!(view.profiles, 0);
        assert_eq!(view.dwellings, sample_offer().dwellings.len());
        let (ws_ids, ws_a) = ws.caseload(today).unwrap();
        assert_eq!((ws_ids, ws_a), (ids, a));
        job = CaseloadJob::new(&ws, today).unwrap();
        assert!(!job.step(5).unwrap());
        assert_eq!(job.progress(), (1, 1));
    }

    #[test]
    fn invalid_weights_stop_the_job_before_it_starts() {
        // Only a stored workspace can carry weights that do not add up: set_weights refuses them.
        let mut stored = serde_json::to_value(Workspace::new(sample_offer())).unwrap();
        stored["settings"]["weights"]["area"] = 99.into();
        let ws: Workspace = serde_json::from_value(stored).unwrap();
        let e = CaseloadJob::new(&ws, Date::new(2026, 11, 28).unwrap())
            .err()
            .unwrap();
        assert_eq!(e.code, "WEIGHTS_INVALID");
    }

    fn issue_case() -> (Workspace, Date) {
        use woonkans_core::fixtures::{RESIDENTS, add_ready_case, workspace};
        use woonkans_core::profile::History;
        let mut ws = workspace();
        add_ready_case(&mut ws, "fixture0", &RESIDENTS[0])
            .profile
            .rent_arrears = Some(History::Resolved);
        add_ready_case(&mut ws, "fixture1", &RESIDENTS[1]);
        (ws, Date::new(2026, 11, 28).unwrap())
    }

    #[test]
    fn priority_reads_as_its_parts_and_the_form_refuses_nonsense() {
        let p = Priority {
            young: true,
            months_waiting: 1,
            young_points: 15,
            waiting_points: 2,
        };
        assert_eq!(
            priority_text(&p),
            "15 (jongere 18-27) + 2 (1 maand wachten)"
        );
        assert_eq!(priority_text(&Priority::default()), "geen");
        assert_eq!(
            priority_from_fields(["10", " 3 ", "6"]).unwrap(),
            PriorityWeights {
                young: 10,
                per_month_waiting: 3,
                max_months: 6
            }
        );
        for bad in [["x", "2", "12"], ["-1", "2", "12"], ["90", "1", "12"]] {
            assert_eq!(
                priority_from_fields(bad).unwrap_err().code,
                "PRIORITY_INVALID"
            );
        }
    }

    #[test]
    fn the_summary_agrees_in_number() {
        let (ws, today) = issue_case();
        let m = ws.match_case("fixture0", today).unwrap();
        let eligible = m.associations.iter().filter(|a| a.eligible).count();
        let verb = if eligible == 1 { "komt" } else { "komen" };
        assert_eq!(
            match_summary(&m),
            format!(
                "0 van de 480 woningen passen; {eligible} van de 7 corporaties {verb} in aanmerking."
            )
        );
        let mut one = m.clone();
        one.knocked_out.clear();
        one.eligible = ws.match_case("fixture1", today).unwrap().eligible;
        one.eligible.truncate(1);
        one.associations.truncate(1);
        one.associations[0].eligible = true;
        assert_eq!(
            match_summary(&one),
            "1 van de 1 woning past; 1 van de 1 corporatie komt in aanmerking."
        );
    }

    #[test]
    fn explanation_rows_use_dutch_names_and_plurals() {
        let (ws, today) = issue_case();
        let e = ws.explain_case("fixture0", today).unwrap();
        let rows = knock_out_rows(&e);
        assert_eq!(rows.len(), e.knock_outs.len());
        assert_eq!(rows[0].criterion, "Zoekgebied");
        assert!(rows.iter().any(|r| r.criterion == "Huurachterstand"));
        for r in &rows {
            assert!(r.criterion.chars().any(|c| c.is_lowercase()), "no code");
        }
        let s = suggestion_rows(&e, 5);
        assert!(!s.is_empty() && s.len() <= 5);
        assert_eq!(s[0].sentence, "Spreek bewindvoering af.");
        assert_eq!(s[0].fields[0].element_id, "onderBewind");
        assert_eq!(s[0].fields[0].label, "Bewindvoering in stap 3");
        assert_eq!(
            s[0].gain,
            format!(
                "Daarmee passen {} woningen van 1 corporatie.",
                e.suggestions[0].dwellings
            )
        );

        let mut e = e;
        e.suggestions.truncate(1);
        e.suggestions[0].dwellings = 1;
        e.suggestions[0].associations = 1;
        assert_eq!(
            suggestion_rows(&e, 5)[0].gain,
            "Daarmee past 1 woning van 1 corporatie."
        );
        e.suggestions[0].dwellings = 2;
        e.suggestions[0].associations = 2;
        assert_eq!(
            suggestion_rows(&e, 5)[0].gain,
            "Daarmee passen 2 woningen van 2 corporaties."
        );
        e.suggestions.clear();
        assert!(no_suggestion_text(&e).starts_with("Geen wijziging"));
    }

    #[test]
    fn dwelling_labels_count_rooms() {
        let offer = sample_offer();
        let mut d = offer.dwellings[0].clone();
        d.rooms = 1;
        assert!(dwelling_label(&d).contains(", 1 kamer, "));
        d.rooms = 3;
        assert!(dwelling_label(&d).contains(", 3 kamers, "));
    }

    #[test]
    fn match_choices_list_fitting_dwellings_by_score_and_others_on_request() {
        let (ws, today) = issue_case();
        let m = ws.match_case("fixture1", today).unwrap();
        let association = m.eligible[0].association_id.clone();
        let of_association = ws
            .offer()
            .dwellings
            .iter()
            .filter(|d| d.association_id == association)
            .count();
        let fitting = dwelling_choices(Some(&m), ws.offer(), &association, false, "");
        assert!(!fitting.is_empty() && fitting.iter().all(|c| c.eligible));
        let scores: Vec<u32> = fitting
            .iter()
            .map(|c| {
                m.eligible
                    .iter()
                    .find(|s| s.dwelling_id == c.id)
                    .unwrap()
                    .score
            })
            .collect();
        assert!(scores.windows(2).all(|w| w[0] >= w[1]), "highest first");
        let all = dwelling_choices(Some(&m), ws.offer(), &association, true, "");
        assert_eq!(all.len(), of_association);
        assert_eq!(&all[..fitting.len()], &fitting[..]);
        for c in &all[fitting.len()..] {
            assert!(!c.eligible);
            assert!(c.label.contains(" — past niet: "), "{}", c.label);
            assert!(!c.label.contains("AREA") && !c.label.contains("AVAILABLE"));
        }
        if let Some(other) = all.get(fitting.len()) {
            let kept = dwelling_choices(Some(&m), ws.offer(), &association, false, &other.id);
            assert_eq!(kept.len(), fitting.len() + 1);
        }
        let plain = dwelling_choices(None, ws.offer(), &association, false, "");
        assert_eq!(plain.len(), of_association);
        assert!(dwelling_choices(Some(&m), ws.offer(), "", true, "").is_empty());
    }

    #[test]
    fn caseload_sentences_count_in_dutch() {
        let mut view = CaseloadView {
            rows: Vec::new(),
            unassigned: Vec::new(),
            total: 0,
            weighted_total: 0,
            profiles: 0,
            dwellings: 480,
        };
        assert!(caseload_summary(&view).starts_with("Er zijn geen dossiers"));
        view.profiles = 1;
        assert_eq!(
            caseload_summary(&view),
            "Berekend voor 1 profiel en 480 woningen: 0 toegewezen, 0 zonder woning. Totale score: 0."
        );
        view.profiles = 24;
        view.dwellings = 1;
        assert!(caseload_summary(&view).starts_with("Berekend voor 24 profielen en 1 woning:"));
        (view.total, view.weighted_total) = (150, 189);
        assert!(caseload_summary(&view).ends_with(
            "Totale score: 150. Met voorrang: 189; die som is zo hoog mogelijk gemaakt."
        ));
        assert_eq!(priority_total_text(&view), "+ 39 voorrang = 189");
        assert_eq!(
            complete_cases_hint(1),
            "1 dossier met een volledig profiel."
        );
        assert_eq!(
            complete_cases_hint(3),
            "3 dossiers met een volledig profiel."
        );
    }
}
