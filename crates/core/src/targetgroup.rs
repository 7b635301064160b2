//! The target-group check (doelgroep): who may be mediated through Woonkans.
//!
//! The seed: adults of 18 and over from a participating gemeente, not status holders or labour
//! migrants, who cannot get housing the regular way and whose support need is related to
//! (learning to) live independently. Young adults 18-27 are a named priority group. The check
//! reports every condition that fails, each with a Dutch reason, so the consultant sees at once
//! what is missing; an answer not yet recorded counts as failed ("nog niet vastgesteld").

use crate::date::Date;
use crate::dossier::Dossier;
use crate::region::{Region, canonical_gemeente};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The consultant's answers for the conditions that cannot be derived from other data.
/// `None` means not established yet.
#[derive(Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct TargetGroupAnswers {
    pub status_holder: Option<bool>,
    pub labour_migrant: Option<bool>,
    /// True when the resident cannot get a home the regular way (waiting list, own search).
    pub regular_route_impossible: Option<bool>,
    /// True when the support need is related to (learning to) live independently.
    pub support_need_independent_living: Option<bool>,
}

impl fmt::Debug for TargetGroupAnswers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::dossier::redacted(
            f,
            "TargetGroupAnswers",
            &[
                "status_holder",
                "labour_migrant",
                "regular_route_impossible",
                "support_need_independent_living",
            ],
        )
    }
}

/// Who belongs to the target group, in one sentence for the form.
pub const DESCRIPTION: &str = "Volwassenen van 18 jaar en ouder uit een deelnemende gemeente, geen statushouder of arbeidsmigrant, die hulp nodig hebben om een woning te vinden en een ondersteuningsvraag hebben rond het zelfstandig (leren) wonen.";

/// The questions the consultant answers, as the form asks them. Each is asked positively
/// (plain language, no double negative), which for the regular route is the opposite of what
/// is stored: "Kan de inwoner … een woning vinden?" Ja means `regular_route_impossible` false.
/// Reading and writing through here keeps that turn in one place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Question {
    StatusHolder,
    LabourMigrant,
    RegularRoute,
    SupportNeed,
}

impl Question {
    pub const ALL: [Question; 4] = [
        Question::StatusHolder,
        Question::LabourMigrant,
        Question::RegularRoute,
        Question::SupportNeed,
    ];

    /// The form field's id.
    pub fn key(self) -> &'static str {
        match self {
            Question::StatusHolder => "doelgroep-statushouder",
            Question::LabourMigrant => "doelgroep-arbeidsmigrant",
            Question::RegularRoute => "doelgroep-regulier",
            Question::SupportNeed => "doelgroep-ondersteuning",
        }
    }

    /// The answer to the question as asked (`None`: not established yet).
    pub fn answer(self, a: &TargetGroupAnswers) -> Option<bool> {
        match self {
            Question::StatusHolder => a.status_holder,
            Question::LabourMigrant => a.labour_migrant,
            Question::RegularRoute => a.regular_route_impossible.map(|x| !x),
            Question::SupportNeed => a.support_need_independent_living,
        }
    }

    /// Records the answer to the question as asked.
    pub fn set_answer(self, a: &mut TargetGroupAnswers, answer: Option<bool>) {
        match self {
            Question::StatusHolder => a.status_holder = answer,
            Question::LabourMigrant => a.labour_migrant = answer,
            Question::RegularRoute => a.regular_route_impossible = answer.map(|x| !x),
            Question::SupportNeed => a.support_need_independent_living = answer,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Condition {
    /// 18 or older on the reference date.
    Age,
    /// Lives in a participating gemeente of the coordinator's region.
    Gemeente,
    /// Not a status holder or labour migrant.
    StatusHolderOrLabourMigrant,
    /// Cannot get housing the regular way.
    RegularRoute,
    /// Support need related to (learning to) live independently.
    SupportNeed,
}

impl Condition {
    pub const ALL: [Condition; 5] = [
        Condition::Age,
        Condition::Gemeente,
        Condition::StatusHolderOrLabourMigrant,
        Condition::RegularRoute,
        Condition::SupportNeed,
    ];
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct TargetGroupFailure {
    pub condition: Condition,
    /// Dutch; names the condition, never a value from the dossier.
    pub reason: String,
    /// True when the condition fails because data is missing, not because it is not met.
    pub missing_data: bool,
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct TargetGroupResult {
    pub eligible: bool,
    /// 18-27 on the reference date: the priority group of the seed.
    pub young_adult: bool,
    pub failures: Vec<TargetGroupFailure>,
}

// Which condition a resident fails (statushouder, under 18) is about the resident: hidden.
impl fmt::Debug for TargetGroupFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::dossier::redacted(
            f,
            "TargetGroupFailure",
            &["condition", "reason", "missing_data"],
        )
    }
}

impl fmt::Debug for TargetGroupResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::dossier::redacted(
            f,
            "TargetGroupResult",
            &["eligible", "young_adult", "failures"],
        )
    }
}

fn fail(condition: Condition, reason: &str, missing_data: bool) -> TargetGroupFailure {
    TargetGroupFailure {
        condition,
        reason: reason.to_string(),
        missing_data,
    }
}

/// Checks every target-group condition for `dossier` on `reference` (the date of the check),
/// with `region` the coordinator's region whose participating gemeenten count.
pub fn check_target_group(dossier: &Dossier, reference: Date, region: Region) -> TargetGroupResult {
    let mut failures = Vec::new();
    let mut young_adult = false;

    match dossier.birth_date {
        None => failures.push(fail(
            Condition::Age,
            "De geboortedatum ontbreekt, dus de leeftijd is niet vast te stellen.",
            true,
        )),
        Some(born) if born > reference => failures.push(fail(
            Condition::Age,
            "De geboortedatum ligt na de peildatum; controleer de geboortedatum.",
            false,
        )),
        Some(born) => {
            let age = born.age_on(reference);
            if age < 18 {
                failures.push(fail(
                    Condition::Age,
                    "De inwoner is op de peildatum jonger dan 18 jaar.",
                    false,
                ));
            }
            young_adult = (18..=27).contains(&age);
        }
    }

    if dossier.gemeente.trim().is_empty() {
        failures.push(fail(
            Condition::Gemeente,
            "De woongemeente ontbreekt.",
            true,
        ));
    } else {
        match canonical_gemeente(&dossier.gemeente) {
            Some(g) if region.gemeenten().contains(&g) => {}
            Some(_) => {
                let other = Region::ALL
                    .into_iter()
                    .find(|r| *r != region)
                    .unwrap_or(region);
                failures.push(TargetGroupFailure {
                    condition: Condition::Gemeente,
                    reason: format!(
                        "De woongemeente hoort bij {}, niet bij {}: de inwoner valt onder de andere regio.",
                        other.name(),
                        region.name()
                    ),
                    missing_data: false,
                });
            }
            None => failures.push(fail(
                Condition::Gemeente,
                "De woongemeente neemt niet deel aan Woonkans (of is niet herkend).",
                false,
            )),
        }
    }

    let t = &dossier.target_group;
    match (t.status_holder, t.labour_migrant) {
        (Some(true), _) => failures.push(fail(
            Condition::StatusHolderOrLabourMigrant,
            "De inwoner is statushouder; statushouders vallen niet onder de doelgroep.",
            false,
        )),
        (_, Some(true)) => failures.push(fail(
            Condition::StatusHolderOrLabourMigrant,
            "De inwoner is arbeidsmigrant; arbeidsmigranten vallen niet onder de doelgroep.",
            false,
        )),
        (Some(false), Some(false)) => {}
        _ => failures.push(fail(
            Condition::StatusHolderOrLabourMigrant,
            "Nog niet vastgesteld of de inwoner statushouder of arbeidsmigrant is.",
            true,
        )),
    }

    match t.regular_route_impossible {
        Some(true) => {}
        Some(false) => failures.push(fail(
            Condition::RegularRoute,
            "De inwoner kan zelf op de gewone manier een woning vinden.",
            false,
        )),
        None => failures.push(fail(
            Condition::RegularRoute,
            "Nog niet vastgesteld of de inwoner zelf op de gewone manier een woning kan vinden.",
            true,
        )),
    }

    match t.support_need_independent_living {
        Some(true) => {}
        Some(false) => failures.push(fail(
            Condition::SupportNeed,
            "De ondersteuningsvraag hangt niet samen met het zelfstandig (leren) wonen.",
            false,
        )),
        None => failures.push(fail(
            Condition::SupportNeed,
            "Nog niet vastgesteld of er een ondersteuningsvraag is rond het zelfstandig (leren) wonen.",
            true,
        )),
    }

    TargetGroupResult {
        eligible: failures.is_empty(),
        young_adult,
        failures,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn eligible_dossier() -> Dossier {
        let mut x = Dossier::new("t1");
        x.birth_date = Some(d("2004-06-15"));
        x.gemeente = "venray".into();
        x.target_group = TargetGroupAnswers {
            status_holder: Some(false),
            labour_migrant: Some(false),
            regular_route_impossible: Some(true),
            support_need_independent_living: Some(true),
        };
        x
    }

    fn conditions(r: &TargetGroupResult) -> Vec<Condition> {
        r.failures.iter().map(|f| f.condition).collect()
    }

    #[test]
    fn eligible_young_adult() {
        let r = check_target_group(&eligible_dossier(), d("2026-06-15"), Region::NoordLimburg);
        assert!(r.eligible, "{r:?}");
        assert!(r.young_adult);
        assert!(r.failures.is_empty());
        // Turned 28 the day before.
        let mut x = eligible_dossier();
        x.birth_date = Some(d("1998-06-14"));
        let r = check_target_group(&x, d("2026-06-15"), Region::NoordLimburg);
        assert!(r.eligible && !r.young_adult);
    }

    #[test]
    fn age_boundary_on_the_birthday() {
        let x = eligible_dossier();
        let r = check_target_group(&x, d("2022-06-14"), Region::NoordLimburg);
        assert_eq!(conditions(&r), vec![Condition::Age]);
        assert!(!r.young_adult && !r.eligible);
        let r = check_target_group(&x, d("2022-06-15"), Region::NoordLimburg);
        assert!(r.eligible && r.young_adult);
        let r = check_target_group(&x, d("2000-01-01"), Region::NoordLimburg);
        assert_eq!(conditions(&r), vec![Condition::Age]);
    }

    #[test]
    fn every_failure_is_reported() {
        let mut x = Dossier::new("t2");
        let r = check_target_group(&x, d("2026-01-01"), Region::MiddenLimburg);
        assert_eq!(conditions(&r), Condition::ALL.to_vec());
        assert!(r.failures.iter().all(|f| f.missing_data));
        assert!(r.failures[0].reason.contains("geboortedatum ontbreekt"));

        x.birth_date = Some(d("2015-01-01"));
        x.gemeente = "Maastricht".into();
        x.target_group = TargetGroupAnswers {
            status_holder: Some(false),
            labour_migrant: Some(true),
            regular_route_impossible: Some(false),
            support_need_independent_living: Some(false),
        };
        let r = check_target_group(&x, d("2026-01-01"), Region::MiddenLimburg);
        assert_eq!(conditions(&r), Condition::ALL.to_vec());
        assert!(r.failures.iter().all(|f| !f.missing_data));
        assert!(r.failures[2].reason.contains("arbeidsmigrant"));
        for f in &r.failures {
            assert!(!f.reason.contains("Maastricht"));
        }
    }

    #[test]
    fn gemeente_of_the_other_region() {
        let x = eligible_dossier();
        let r = check_target_group(&x, d("2026-06-15"), Region::MiddenLimburg);
        assert_eq!(conditions(&r), vec![Condition::Gemeente]);
        assert!(r.failures[0].reason.contains("Noord-Limburg"));
        assert!(!r.failures[0].reason.contains("enray"));
    }

    #[test]
    fn status_holder_named_and_half_answers_count_as_missing() {
        let mut x = eligible_dossier();
        x.target_group.status_holder = Some(true);
        let r = check_target_group(&x, d("2026-06-15"), Region::NoordLimburg);
        assert!(r.failures[0].reason.contains("statushouder"));
        x.target_group.status_holder = Some(false);
        x.target_group.labour_migrant = None;
        let r = check_target_group(&x, d("2026-06-15"), Region::NoordLimburg);
        assert_eq!(conditions(&r), vec![Condition::StatusHolderOrLabourMigrant]);
        assert!(r.failures[0].missing_data);
    }

    #[test]
    fn the_regular_route_is_asked_positively_and_stored_as_before() {
        let mut a = TargetGroupAnswers::default();
        // "Kan de inwoner zelf een woning vinden?" Nee: the regular route is impossible, which
        // is what makes the resident part of the target group.
        Question::RegularRoute.set_answer(&mut a, Some(false));
        assert_eq!(a.regular_route_impossible, Some(true));
        assert_eq!(Question::RegularRoute.answer(&a), Some(false));
        Question::RegularRoute.set_answer(&mut a, Some(true));
        assert_eq!(a.regular_route_impossible, Some(false));
        Question::RegularRoute.set_answer(&mut a, None);
        assert_eq!(a.regular_route_impossible, None);
        for q in Question::ALL {
            for v in [Some(true), Some(false), None] {
                let mut a = TargetGroupAnswers::default();
                q.set_answer(&mut a, v);
                assert_eq!(q.answer(&a), v, "{q:?}");
            }
            // No question is phrased with a negation: that is what made it hard to answer.
            let text = crate::vocab::Dutch::dutch(&q).to_lowercase();
            assert!(!text.contains("niet") && !text.contains("níet"), "{text}");
        }
    }
}

/// Why a resident goes on although the target-group check is not met: a fixed choice, so the
/// dossier holds no free text about it. Recorded with date and actor by
/// `routeplanner::override_target_group`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum OverrideReason {
    /// The gemeente decided on maatwerk for this resident.
    MunicipalDecision,
    /// The hardship clause (hardheidsclausule) of the local rules applies.
    HardshipClause,
    /// Another reason, recorded in the gemeente's own file.
    Other,
}

impl OverrideReason {
    pub const ALL: [OverrideReason; 3] = [
        OverrideReason::MunicipalDecision,
        OverrideReason::HardshipClause,
        OverrideReason::Other,
    ];
}

/// Going on although the target-group check is not met: why, when and by whom.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TargetGroupOverride {
    pub reason: OverrideReason,
    pub date: Date,
    pub actor: String,
}

impl fmt::Debug for TargetGroupOverride {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TargetGroupOverride")
            .field("reason", &self.reason)
            .finish_non_exhaustive()
    }
}
