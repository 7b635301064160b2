//! The resident's overview (regie-beginsel): for each step of the route, what data is processed
//! by whom, on which grondslag and for which purpose, which gates were recorded and when, and
//! what actually went to whom and when.
//!
//! It is built from the register (what the law and the seed allow), the dossier's gates (what
//! the resident agreed to) and the case's disclosure log (what the app did), so the printed page
//! can never say less than what happened.

use serde::Serialize;
use woonkans_core::register::{Step, register, required_gates};
use woonkans_core::vocab::{self, Dutch};
use woonkans_core::workspace::Case;

/// Where the resident's case stands relative to a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum StepStatus {
    Done,
    Current,
    NotYet,
}

impl StepStatus {
    pub fn dutch(self) -> &'static str {
        match self {
            StepStatus::Done => "Afgerond",
            StepStatus::Current => "Huidige stap",
            StepStatus::NotYet => "Nog niet",
        }
    }
}

/// A gate on the way to a step, with when and by whom it was recorded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GateLine {
    pub gate: &'static str,
    /// `28-11-2026, door Wmo-consulent Venlo`, or `None` when not recorded.
    pub recorded: Option<String>,
}

/// One disclosure of this resident's data, as the log holds it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DisclosureLine {
    pub at: String,
    pub recipient: String,
    pub kind: &'static str,
    pub categories: String,
    pub grondslag: String,
    /// The code the recipient knows the resident by (empty for none).
    pub code: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StepOverview {
    pub number: u8,
    pub name: &'static str,
    pub status: StepStatus,
    pub processor: &'static str,
    pub recipient: &'static str,
    pub categories: Vec<&'static str>,
    /// Only under a code, without directly identifying data.
    pub coded: bool,
    /// The seed's wording plus the articles of the AVG.
    pub grondslag: String,
    pub doel: &'static str,
    /// Every gate that must be recorded before this step's data may be processed.
    pub gates: Vec<GateLine>,
    pub disclosures: Vec<DisclosureLine>,
    /// One plain sentence for the resident about this step.
    pub summary: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResidentOverview {
    pub steps: Vec<StepOverview>,
}

pub fn resident_overview(case: &Case) -> ResidentOverview {
    let dossier = &case.dossier;
    let steps = register()
        .iter()
        .map(|row| {
            let status = match row.step.cmp(&dossier.step) {
                std::cmp::Ordering::Less => StepStatus::Done,
                std::cmp::Ordering::Equal => StepStatus::Current,
                std::cmp::Ordering::Greater => StepStatus::NotYet,
            };
            // A step whose gates are all recorded has been reached, whatever the step field
            // says; a step past the current one is never "done".
            let gates: Vec<GateLine> = required_gates(row.step)
                .iter()
                .map(|&g| GateLine {
                    gate: g.dutch(),
                    recorded: dossier
                        .gate_record(g)
                        .map(|r| format!("{}, door {}", vocab::date(r.date), r.actor)),
                })
                .collect();
            let open = gates.iter().all(|g| g.recorded.is_some());
            let disclosures: Vec<DisclosureLine> = case
                .log
                .iter()
                .filter(|e| e.step == row.step.number())
                .map(|e| DisclosureLine {
                    at: vocab::datetime(&e.at),
                    recipient: if e.recipient_name.is_empty() {
                        e.recipient_id.clone()
                    } else {
                        e.recipient_name.clone()
                    },
                    kind: e.kind.dutch(),
                    categories: e.categories.join(", "),
                    grondslag: e.grondslag.clone(),
                    code: e.codes.join(", "),
                })
                .collect();
            let grondslag = format!(
                "{} ({})",
                row.grondslag_text.trim_end_matches('.'),
                row.grondslagen
                    .iter()
                    .map(|g| g.article())
                    .collect::<Vec<_>>()
                    .join("; ")
            );
            // A reply that came in is on the list, but it shared nothing of the resident.
            let shared = case
                .log
                .iter()
                .filter(|e| e.step == row.step.number() && e.kind.discloses())
                .count();
            // Step 6 has two envelopes: the koppeling names no one, the huurgegevens do.
            let lease_data_sent = case.log.iter().any(|e| {
                e.kind == woonkans_core::disclosure::DisclosureKind::Handover
                    || (e.kind == woonkans_core::disclosure::DisclosureKind::TransferSent
                        && e.message == Some(woonkans_core::envelope::MessageType::Huurgegevens))
            });
            let summary = summary(row.step, status, open, shared, lease_data_sent);
            StepOverview {
                number: row.step.number(),
                name: row.step.dutch(),
                status,
                processor: row.processor,
                recipient: row.recipient.dutch(),
                categories: row.categories.iter().map(|c| c.dutch()).collect(),
                coded: row.coded,
                grondslag,
                doel: row.doel,
                gates,
                disclosures,
                summary,
            }
        })
        .collect();
    ResidentOverview { steps }
}

fn summary(
    step: Step,
    status: StepStatus,
    gates_open: bool,
    disclosures: usize,
    lease_data_sent: bool,
) -> String {
    if !gates_open {
        return "Nog niet: uw gegevens worden in deze stap pas verwerkt als de poorten hieronder zijn vastgelegd.".into();
    }
    match step {
        Step::AssociationTalks if disclosures == 0 => {
            "Er is nog niets met woningcorporaties gedeeld.".into()
        }
        Step::AssociationTalks => format!(
            "Uw bemiddelingsprofiel is {disclosures} keer gedeeld, alleen onder een code: zonder uw naam, adres, geboortedatum of BSN."
        ),
        Step::Agreement if disclosures == 0 => {
            "Uw gegevens zijn nog niet aan een woningcorporatie overgedragen.".into()
        }
        Step::Agreement if lease_data_sent => {
            "Uw gegevens zijn overgedragen aan de woningcorporatie van de aanvaarde match, voor de huurovereenkomst.".into()
        }
        Step::Agreement => {
            "De woningcorporatie van de aanvaarde match en uw zorgaanbieder weten van elkaar, onder uw code en nog zonder uw naam. Uw gegevens voor de huurovereenkomst geeft u samen met uw zorgaanbieder aan die ene corporatie.".into()
        }
        _ => match status {
            StepStatus::NotYet => "De poorten zijn vastgelegd; deze stap is nog niet begonnen.".into(),
            StepStatus::Current => "In deze stap worden de gegevens hieronder verwerkt.".into(),
            StepStatus::Done => "In deze stap zijn de gegevens hieronder verwerkt.".into(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use woonkans_core::date::Date;
    use woonkans_core::disclosure::{DisclosureEntry, DisclosureKind};
    use woonkans_core::dossier::Dossier;
    use woonkans_core::register::Gate;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    fn case() -> Case {
        Case {
            dossier: Dossier::new("k7f3q9ab"),
            profile: Default::default(),
            codes: BTreeMap::new(),
            accepted: None,
            log: Vec::new(),
            sent_texts: Default::default(),
            profile_version: 0,
            shared: Default::default(),
            handed_over: Default::default(),
            replies: Default::default(),
            outcome: None,
            in_care_since: None,
            talks: Vec::new(),
            safeguards: Default::default(),
            ended_matches: Vec::new(),
            overdracht: None,
        }
    }

    fn entry(step: u8, at: &str, code: &str) -> DisclosureEntry {
        DisclosureEntry {
            at: at.into(),
            step,
            recipient_id: "wonen-venlo".into(),
            recipient_name: "Wonen Venlo".into(),
            categories: vec!["Geslacht".into(), "Woonsituatie".into()],
            grondslag: "Wmo".into(),
            bundle_id: "00".repeat(16),
            codes: vec![code.into()],
            kind: if step == 5 {
                DisclosureKind::CodedBundle
            } else {
                DisclosureKind::Handover
            },
            message: None,
        }
    }

    #[test]
    fn a_new_case_has_six_steps_from_the_register_and_nothing_shared() {
        let o = resident_overview(&case());
        assert_eq!(o.steps.len(), 6);
        assert_eq!(
            o.steps.iter().map(|s| s.number).collect::<Vec<_>>(),
            [1, 2, 3, 4, 5, 6]
        );
        assert_eq!(o.steps[0].status, StepStatus::Current);
        assert!(o.steps[1..].iter().all(|s| s.status == StepStatus::NotYet));
        assert!(o.steps.iter().all(|s| s.disclosures.is_empty()));
        // Step 1 needs no gate; every later step waits for its gates.
        assert!(o.steps[0].gates.is_empty());
        assert!(o.steps[1].summary.starts_with("Nog niet"));
        assert_eq!(o.steps[5].gates.len(), 4);
        // Register content is carried over, e.g. health only in step 3 and coded only in step 5.
        let has = |i: usize, c: &str| o.steps[i].categories.contains(&c);
        assert!(
            o.steps[2]
                .categories
                .iter()
                .any(|c| c.contains("Gezondheid"))
        );
        assert!(
            !o.steps[3]
                .categories
                .iter()
                .any(|c| c.contains("Gezondheid"))
        );
        assert!(!has(4, "BSN") && has(2, "BSN"));
        assert_eq!(
            o.steps
                .iter()
                .filter(|s| s.coded)
                .map(|s| s.number)
                .collect::<Vec<_>>(),
            [5]
        );
        assert!(o.steps[5].grondslag.contains("art. 6 lid 1 sub b AVG"));
    }

    #[test]
    fn recorded_gates_show_date_and_actor_and_open_their_steps() {
        let mut c = case();
        c.dossier
            .record_gate(
                Gate::ConsentToRegister,
                d(2026, 9, 1),
                "Zorgaanbieder De Brug",
            )
            .unwrap();
        c.dossier.step = Step::WmoReport;
        let o = resident_overview(&c);
        assert_eq!(o.steps[0].status, StepStatus::Done);
        assert_eq!(o.steps[1].status, StepStatus::Current);
        assert_eq!(
            o.steps[1].gates[0].recorded.as_deref(),
            Some("01-09-2026, door Zorgaanbieder De Brug")
        );
        assert_eq!(
            o.steps[0].summary,
            "In deze stap zijn de gegevens hieronder verwerkt."
        );
        assert_eq!(
            o.steps[1].summary,
            "In deze stap worden de gegevens hieronder verwerkt."
        );
        // Step 4 still waits for the two gates of 3 → 4.
        assert!(o.steps[3].gates[1].recorded.is_none());
        assert!(o.steps[3].summary.starts_with("Nog niet"));
    }

    #[test]
    fn disclosures_land_in_their_own_step_with_code_and_dutch_time() {
        let mut c = case();
        for (g, day) in [
            (Gate::ConsentToRegister, 1),
            (Gate::EligibilityAndSupportPlan, 2),
            (Gate::ConsentToShareWithCoordinator, 2),
        ] {
            c.dossier
                .record_gate(g, d(2026, 9, day), "Wmo-consulent")
                .unwrap();
        }
        c.dossier.step = Step::AssociationTalks;
        c.log
            .push(entry(5, "2026-11-28T14:05:09", "WK-7QF3M-9XA2K-U"));
        c.log
            .push(entry(5, "2026-11-29T09:00:00", "WK-AAAAA-BBBBB-C"));
        let o = resident_overview(&c);
        let step5 = &o.steps[4];
        assert_eq!(step5.status, StepStatus::Current);
        assert_eq!(step5.disclosures.len(), 2);
        assert_eq!(step5.disclosures[0].at, "28-11-2026 14:05");
        assert_eq!(step5.disclosures[0].recipient, "Wonen Venlo");
        assert_eq!(step5.disclosures[0].code, "WK-7QF3M-9XA2K-U");
        assert_eq!(step5.disclosures[0].kind, "Gecodeerde profielbundel");
        assert!(step5.summary.contains("2 keer"));
        assert!(o.steps[5].disclosures.is_empty());
        assert!(o.steps[3].disclosures.is_empty());
        // An association's reply coming in is listed, but shares nothing: still two.
        let mut reply = entry(5, "2026-11-30T09:00:00", "WK-7QF3M-9XA2K-U");
        reply.kind = DisclosureKind::ReplyReceived;
        c.log.push(reply);
        let o = resident_overview(&c);
        assert_eq!(o.steps[4].disclosures.len(), 3);
        assert!(
            o.steps[4].summary.contains("2 keer"),
            "{}",
            o.steps[4].summary
        );
    }

    #[test]
    fn step_6_tells_a_koppeling_from_the_lease_data() {
        use woonkans_core::envelope::MessageType;
        let mut c = case();
        for (g, day) in [
            (Gate::ConsentToRegister, 1),
            (Gate::EligibilityAndSupportPlan, 2),
            (Gate::ConsentToShareWithCoordinator, 2),
            (Gate::MatchAccepted, 20),
        ] {
            c.dossier.record_gate(g, d(2026, 9, day), "Regie").unwrap();
        }
        c.dossier.step = Step::Agreement;
        let mut koppeling = entry(6, "2026-09-21T10:00:00", "WK-7QF3M-9XA2K-U");
        koppeling.kind = DisclosureKind::TransferSent;
        koppeling.message = Some(MessageType::Koppeling);
        c.log.push(koppeling);
        let said = resident_overview(&c).steps[5].summary.clone();
        assert!(said.contains("nog zonder uw naam"), "{said}");
        let mut huur = entry(6, "2026-09-25T10:00:00", "WK-7QF3M-9XA2K-U");
        huur.kind = DisclosureKind::TransferSent;
        huur.message = Some(MessageType::Huurgegevens);
        c.log.push(huur);
        let said = resident_overview(&c).steps[5].summary.clone();
        assert!(said.contains("voor de huurovereenkomst"), "{said}");
    }

    #[test]
    fn the_overview_carries_no_identifying_value_of_the_dossier() {
        let mut c = case();
        c.dossier.name.surname = "Jansenius".into();
        c.dossier.bsn = Some("999994669".into());
        c.dossier.birth_date = Some(d(2001, 3, 12));
        c.log
            .push(entry(5, "2026-11-28T14:05:09", "WK-7QF3M-9XA2K-U"));
        let json = serde_json::to_string(&resident_overview(&c)).unwrap();
        for value in ["Jansenius", "999994669", "2001", "12-03"] {
            assert!(!json.contains(value), "{value}");
        }
    }
}
