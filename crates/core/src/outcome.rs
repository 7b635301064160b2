//! How a case ended: placed (with which association), withdrawn, moved out of the region, or
//! otherwise — with its date. Closing a case archives it: it leaves the caseload and refuses
//! changes, but stays in the vault and is counted by the monitor, which is what the gemeenten ask
//! for. The outcome is a fixed choice, never free text, so closing a case adds no personal data.

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::error::{Error, Result};
use crate::workspace::Workspace;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum OutcomeKind {
    /// Housed by the association of the accepted match.
    Placed,
    /// The resident withdrew from Woonkans (the consent itself is a separate matter).
    Withdrawn,
    /// The resident moved out of the region.
    MovedAway,
    /// Ended otherwise.
    Other,
}

impl OutcomeKind {
    pub const ALL: [OutcomeKind; 4] = [
        OutcomeKind::Placed,
        OutcomeKind::Withdrawn,
        OutcomeKind::MovedAway,
        OutcomeKind::Other,
    ];
}

impl crate::vocab::Dutch for OutcomeKind {
    fn dutch(&self) -> &'static str {
        match self {
            OutcomeKind::Placed => "Geplaatst",
            OutcomeKind::Withdrawn => "Teruggetrokken",
            OutcomeKind::MovedAway => "Verhuisd buiten de regio",
            OutcomeKind::Other => "Anders beëindigd",
        }
    }
}

/// The end of a case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct Outcome {
    pub kind: OutcomeKind,
    pub date: Date,
    /// For a placement: the association of the accepted match (from the case, never typed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub association_id: Option<String>,
}

/// The monitor: how many cases are open and how the closed ones ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Monitor {
    pub open: usize,
    /// Per outcome, in [`OutcomeKind::ALL`]'s order.
    pub closed: [(OutcomeKind, usize); 4],
    /// Archived before outcomes were recorded: counted, with no outcome to tell.
    pub archived_without_outcome: usize,
    /// Cases erased because the resident withdrew consent (`withdrawal`), from the log.
    pub consent_withdrawn: usize,
}

fn not_placed() -> Error {
    Error::new(
        "OUTCOME_NOT_PLACED",
        "‘Geplaatst’ kan pas na een aanvaarde match: leg die eerst vast bij stap 5.",
    )
}

impl Workspace {
    /// Closes the case `id` with how it ended on `date`: it is archived and keeps its outcome.
    /// A placement needs an accepted match and takes its association from it. Refused, with
    /// nothing changed, for a case already closed or a date before the case's last gate.
    pub fn close_case(&mut self, id: &str, kind: OutcomeKind, date: Date) -> Result<()> {
        let case = self.case(id)?;
        if case.dossier.archived {
            return Err(crate::dossier::archived_error());
        }
        let association_id = match (kind, &case.accepted) {
            (OutcomeKind::Placed, Some(accepted)) => Some(accepted.association_id.clone()),
            (OutcomeKind::Placed, None) => return Err(not_placed()),
            _ => None,
        };
        if case.dossier.gates.iter().any(|g| g.date > date) {
            return Err(Error::new(
                "OUTCOME_DATE_TOO_EARLY",
                "De datum van afsluiten ligt vóór een vastgelegde poort van deze zaak.",
            ));
        }
        let case = self.case_mut(id)?;
        case.dossier.archived = true;
        case.outcome = Some(Outcome {
            kind,
            date,
            association_id,
        });
        // The associations that got the profile and do not house the resident are asked to
        // erase it (`transfer::afmelding`).
        let notices = crate::transfer::notices_for(
            self.case(id)?,
            crate::transfer::NoticeReason::ZaakAfgesloten,
            &date.to_string(),
        );
        self.push_notices(notices);
        Ok(())
    }

    /// Takes a closed case back into the caseload: the outcome is dropped, everything else
    /// (its log, its gates, its codes) stays as it was.
    pub fn reopen_case(&mut self, id: &str) -> Result<()> {
        let case = self.case_mut(id)?;
        case.dossier.archived = false;
        case.outcome = None;
        // Afmeldingen of the closing not yet sent are no longer due.
        let issued: Vec<(String, String)> = case
            .codes
            .iter()
            .map(|(a, c)| (a.clone(), c.clone()))
            .collect();
        self.drop_notices(|n| {
            n.reason == crate::transfer::NoticeReason::ZaakAfgesloten
                && issued
                    .iter()
                    .any(|(a, c)| *a == n.association_id && *c == n.code)
        });
        Ok(())
    }

    /// The monitor over every case of this vault, archived ones included.
    pub fn monitor(&self) -> Monitor {
        let mut m = Monitor {
            open: 0,
            closed: OutcomeKind::ALL.map(|k| (k, 0)),
            archived_without_outcome: 0,
            consent_withdrawn: self.withdrawals(),
        };
        for case in self.cases() {
            match (&case.outcome, case.dossier.archived) {
                (Some(o), _) => {
                    if let Some(slot) = m.closed.iter_mut().find(|(k, _)| *k == o.kind) {
                        slot.1 += 1;
                    }
                }
                (None, true) => m.archived_without_outcome += 1,
                (None, false) => m.open += 1,
            }
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{self, RESIDENTS};

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn three() -> Workspace {
        let mut ws = fixtures::workspace();
        for (i, id) in ["z0", "z1", "z2"].iter().enumerate() {
            fixtures::add_ready_case(&mut ws, id, &RESIDENTS[i]);
        }
        ws
    }

    #[test]
    fn a_placement_needs_the_accepted_match_and_names_its_association() {
        let mut ws = three();
        let before = ws.clone();
        assert_eq!(
            ws.close_case("z1", OutcomeKind::Placed, d("2026-11-01"))
                .unwrap_err()
                .code,
            "OUTCOME_NOT_PLACED"
        );
        assert_eq!(ws, before);
        let association = ws.offer().associations[1].id.clone();
        // As if its bundle went out: a match needs the code the association knows.
        ws.case_mut("z1")
            .unwrap()
            .codes
            .insert(association.clone(), "K7F3-Q9AB".into());
        crate::routeplanner::accept_match(
            &mut ws,
            "z1",
            &association,
            None,
            d("2026-10-20"),
            "Regie",
        )
        .unwrap();
        ws.close_case("z1", OutcomeKind::Placed, d("2026-11-01"))
            .unwrap();
        let case = ws.case("z1").unwrap();
        assert!(case.dossier.archived);
        assert_eq!(
            case.outcome,
            Some(Outcome {
                kind: OutcomeKind::Placed,
                date: d("2026-11-01"),
                association_id: Some(association),
            })
        );
        // The other cases are untouched.
        assert!(ws.case("z0").unwrap().outcome.is_none());
        assert!(!ws.case("z2").unwrap().dossier.archived);
    }

    #[test]
    fn closed_cases_leave_the_caseload_but_the_monitor_counts_them() {
        let mut ws = three();
        fixtures::add_ready_case(&mut ws, "z3", &RESIDENTS[3]);
        ws.close_case("z0", OutcomeKind::Withdrawn, d("2026-11-02"))
            .unwrap();
        ws.close_case("z2", OutcomeKind::MovedAway, d("2026-11-03"))
            .unwrap();
        ws.case_mut("z3").unwrap().dossier.archived = true; // archived before outcomes existed
        let m = ws.monitor();
        assert_eq!(m.open, 1);
        assert_eq!(
            m.closed,
            [
                (OutcomeKind::Placed, 0),
                (OutcomeKind::Withdrawn, 1),
                (OutcomeKind::MovedAway, 1),
                (OutcomeKind::Other, 0),
            ]
        );
        assert_eq!(m.archived_without_outcome, 1);
        // A closed case refuses a second closing and any change, until it is reopened.
        assert_eq!(
            ws.close_case("z0", OutcomeKind::Other, d("2026-11-04"))
                .unwrap_err()
                .code,
            "DOSSIER_ARCHIVED"
        );
        ws.reopen_case("z0").unwrap();
        let case = ws.case("z0").unwrap();
        assert!(!case.dossier.archived && case.outcome.is_none());
        assert_eq!(ws.monitor().open, 2);
    }

    #[test]
    fn a_closing_date_before_a_gate_is_refused() {
        let mut ws = three();
        // The fixture's gates are of 1 September and 1 October 2026.
        let err = ws
            .close_case("z0", OutcomeKind::Other, d("2026-09-30"))
            .unwrap_err();
        assert_eq!(err.code, "OUTCOME_DATE_TOO_EARLY");
        assert!(!ws.case("z0").unwrap().dossier.archived);
        ws.close_case("z0", OutcomeKind::Other, d("2026-10-01"))
            .unwrap();
    }
}
