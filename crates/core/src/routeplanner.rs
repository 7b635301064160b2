//! The routeplanner's rules: which step a case is in, which gates and data it needs to move on,
//! what may be changed when. The one home of these rules: the workspace, the app and the
//! facade call them and decide nothing themselves.
//!
//! Moving on is deliberate: a case goes to the next step only when that step's gates are
//! recorded AND the data the next step needs is there. Recording the last missing gate moves the
//! case on by itself when nothing else is missing; otherwise it stays and says why.

use crate::date::Date;
use crate::dossier::Dossier;
use crate::error::{Error, Result};
use crate::register::{Gate, Step, required_gates};
use crate::targetgroup::check_target_group;
use crate::vocab::Dutch;
use crate::workspace::{AcceptedMatch, Case, EndedMatch, MatchEndReason, Workspace};

/// True when every gate on the way to `step` is recorded: the step is open.
pub fn step_open(dossier: &Dossier, step: Step) -> bool {
    dossier.missing_gates(step).is_empty()
}

/// Which step's form holds the dossier field at `path` (a field path of
/// `Dossier::validate_for`), or `None` for fields no form shows.
pub fn form_step(path: &str) -> Option<Step> {
    let head = path.split(['.', '[']).next().unwrap_or_default();
    match head {
        "naam" | "adres" | "gemeente" | "contact" | "telefoon" | "email" | "zorgaanbieder" => {
            Some(Step::Orientation)
        }
        "wmoConsulent" => Some(Step::WmoReport),
        "geboortedatum" | "bsn" | "geslacht" | "opleiding" | "werk" | "inkomen"
        | "huishoudgrootte" | "sociaalNetwerk" | "woonsituatie" | "inZorgSinds" | "financien"
        | "onderBewind" | "gezondheid" | "iban" | "documenten" => Some(Step::Investigation),
        _ => None,
    }
}

/// The problems to show on the form of `step`: its own fields only, checked against what the
/// next step will need (step 3 is checked for step 4, which needs the birth date, gender,
/// living situation and income).
pub fn form_errors(dossier: &Dossier, step: Step) -> Vec<Error> {
    let against = match step {
        Step::Investigation => Step::PlacementProfile,
        other => other,
    };
    dossier
        .validate_for(against)
        .into_iter()
        .filter(|e| e.field.as_deref().and_then(form_step) == Some(step))
        .collect()
}

fn archived() -> Error {
    Error::new(
        "DOSSIER_ARCHIVED",
        "Dit dossier is gearchiveerd. Zet het eerst terug uit het archief om het te wijzigen.",
    )
}

/// Refuses changes to an archived case.
pub fn editable(case: &Case) -> Result<()> {
    if case.dossier.archived {
        Err(archived())
    } else {
        Ok(())
    }
}

/// The case with `id`, for a change; refused when archived.
pub fn case_to_edit<'a>(ws: &'a mut Workspace, id: &str) -> Result<&'a mut Case> {
    let case = ws.case_mut(id)?;
    editable(case)?;
    Ok(case)
}

/// One reason a case cannot go to its next step yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Blocker {
    /// The missing gate, or `None` when data is missing or wrong.
    pub gate: Option<Gate>,
    /// Dutch, without any value from the dossier.
    pub message: String,
}

impl Blocker {
    fn data(message: impl Into<String>) -> Blocker {
        Blocker {
            gate: None,
            message: message.into(),
        }
    }
}

/// The step after the case's current one, and every reason it cannot go there yet (empty: it
/// may). `None` in step 6.
pub fn next_step(ws: &Workspace, id: &str, today: Date) -> Result<Option<(Step, Vec<Blocker>)>> {
    let case = ws.case(id)?;
    let d = &case.dossier;
    let Some(next) = Step::ALL.into_iter().find(|s| *s > d.step) else {
        return Ok(None);
    };
    let mut reasons: Vec<Blocker> = d
        .missing_gates(next)
        .into_iter()
        .map(|g| Blocker {
            gate: Some(g),
            message: format!("De poort '{}' is nog niet vastgelegd.", g.dutch()),
        })
        .collect();
    let incomplete = |step: Step| {
        let n = form_errors(d, step).len();
        Blocker::data(format!(
            "De gegevens van stap {} ({}) zijn nog niet compleet of kloppen niet: {}.",
            step.number(),
            step.dutch(),
            crate::vocab::count(n, "punt", "punten")
        ))
    };
    match d.step {
        Step::Orientation | Step::Investigation if !form_errors(d, d.step).is_empty() => {
            reasons.push(incomplete(d.step));
        }
        _ => {}
    }
    match d.step {
        Step::WmoReport if d.wmo_consultant.is_none() => {
            reasons.push(Blocker::data(
                "Vul eerst de Wmo-consulent in die het onderzoek doet.",
            ));
        }
        Step::Investigation => match ws.region() {
            Err(e) => reasons.push(Blocker::data(e.message)),
            Ok(region) => {
                let check = check_target_group(d, today, region);
                if !check.eligible && d.target_group_override.is_none() {
                    reasons.push(Blocker::data(format!(
                        "De doelgroepcheck is nog niet rond: {} open.",
                        crate::vocab::count(check.failures.len(), "voorwaarde", "voorwaarden")
                    )));
                }
            }
        },
        Step::PlacementProfile => {
            if let Err(p) = ws.profile(id, today) {
                reasons.push(Blocker::data(format!(
                    "Het bemiddelingsprofiel is nog niet compleet: {} open.",
                    crate::vocab::count(p.missing.len() + p.findings.len(), "punt", "punten")
                )));
            }
        }
        _ => {}
    }
    Ok(Some((next, reasons)))
}

/// Moves the case to its next step, or says (in one Dutch message) why not.
pub fn advance(ws: &mut Workspace, id: &str, today: Date) -> Result<Step> {
    editable(ws.case(id)?)?;
    let Some((next, reasons)) = next_step(ws, id, today)? else {
        return Err(Error::new(
            "STEP_LAST",
            "Dit dossier is al bij de laatste stap.",
        ));
    };
    if !reasons.is_empty() {
        return Err(Error::new(
            "STEP_BLOCKED",
            format!(
                "Stap {} kan nog niet: {}",
                next.number(),
                reasons
                    .iter()
                    .map(|r| r.message.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
        )
        .at("voortgang"));
    }
    ws.case_mut(id)?.dossier.advance_to(next)?;
    Ok(next)
}

/// Records a gate, then moves the case on when that was all the next step waited for.
pub fn record_gate(
    ws: &mut Workspace,
    id: &str,
    gate: Gate,
    date: Date,
    actor: &str,
    today: Date,
) -> Result<()> {
    if gate == Gate::EligibilityAndSupportPlan {
        target_group_met(ws, id, today)?;
    }
    case_to_edit(ws, id)?
        .dossier
        .record_gate(gate, date, actor)?;
    let at_gate = ws.case(id)?.dossier.step == gate.from_step();
    if at_gate
        && let Ok(Some((_, reasons))) = next_step(ws, id, today)
        && reasons.is_empty()
    {
        ws.case_mut(id)?.dossier.advance_to(gate.to_step())?;
    }
    Ok(())
}

/// Records that resident and association accepted a match (the 5 → 6 gate) and moves the case
/// to step 6. Only an association that received the profile in a bundle can accept it.
pub fn accept_match(
    ws: &mut Workspace,
    id: &str,
    association_id: &str,
    dwelling_id: Option<&str>,
    date: Date,
    actor: &str,
) -> Result<()> {
    editable(ws.case(id)?)?;
    if ws.offer.association(association_id).is_none() {
        return Err(Error::new(
            "ASSOCIATION_NOT_FOUND",
            "Deze woningcorporatie staat niet in het aanbod.",
        ));
    }
    let case = ws.case_mut(id)?;
    if !case.codes.contains_key(association_id) {
        return Err(Error::new(
            "MATCH_WITHOUT_BUNDLE",
            "Deze corporatie heeft het profiel nog niet in een bundel ontvangen.",
        ));
    }
    let code = case.codes.get(association_id).cloned();
    if let Some(code) = code.as_deref()
        && erased_after_afmelding(case, code)
    {
        return Err(Error::new(
            "PROFILE_ERASED",
            "Deze corporatie heeft het profiel gewist na een afmelding. Stuur het eerst opnieuw \
             in een bundel.",
        ));
    }
    case.dossier.record_gate(Gate::MatchAccepted, date, actor)?;
    case.accepted = Some(AcceptedMatch {
        association_id: association_id.into(),
        dwelling_id: dwelling_id.map(String::from),
        date,
        code: None,
        association_name: None,
    });
    if case.dossier.step < Step::Agreement {
        case.dossier.advance_to(Step::Agreement)?;
    }
    // Matched again with an association that an earlier ended match left an afmelding for:
    // the afmelding would now erase what the new match needs.
    ws.drop_notices(|n| {
        n.reason == crate::transfer::NoticeReason::MatchBeeindigd
            && n.association_id == association_id
            && Some(&n.code) == code.as_ref()
    });
    Ok(())
}

/// Whether the last thing the case's log says about `code` is an afmelding: the association
/// erased the profile and no bundle shared it again since.
fn erased_after_afmelding(case: &crate::workspace::Case, code: &str) -> bool {
    case.log
        .iter()
        .rev()
        .find(|e| {
            e.codes.iter().any(|c| c == code)
                && (e.kind == crate::disclosure::DisclosureKind::CodedBundle
                    || e.message == Some(crate::envelope::MessageType::Afmelding))
        })
        .is_some_and(|e| e.message == Some(crate::envelope::MessageType::Afmelding))
}

/// The target-group check is binding: eligibility (gate 3 → 4) cannot be recorded while it is
/// not met, unless an override with its reason is recorded.
fn target_group_met(ws: &Workspace, id: &str, today: Date) -> Result<()> {
    let d = &ws.case(id)?.dossier;
    if d.target_group_override.is_some() {
        return Ok(());
    }
    let check = check_target_group(d, today, ws.region()?);
    if check.eligible {
        Ok(())
    } else {
        Err(Error::new(
            "TARGET_GROUP_NOT_MET",
            format!(
                "De doelgroepcheck is niet rond ({} open). Leg deze poort vast als de inwoner \
                 binnen de doelgroep valt, of leg eerst een afwijking met reden vast.",
                crate::vocab::count(check.failures.len(), "voorwaarde", "voorwaarden")
            ),
        )
        .at("doelgroep"))
    }
}

/// Records that the case goes on although the target-group check is not met, with a reason
/// from the fixed list, the date and who decided. Refused when the check is met (nothing to
/// override), without an actor, or for an archived case; it shows in the case's timeline.
pub fn override_target_group(
    ws: &mut Workspace,
    id: &str,
    reason: crate::targetgroup::OverrideReason,
    date: Date,
    actor: &str,
) -> Result<()> {
    editable(ws.case(id)?)?;
    if actor.trim().is_empty() {
        return Err(Error::new(
            "ACTOR_MISSING",
            "Vul in wie de afwijking vastlegt (functie of organisatie).",
        )
        .at("doelgroep-afwijking-door"));
    }
    let d = &ws.case(id)?.dossier;
    if check_target_group(d, date, ws.region()?).eligible {
        return Err(Error::new(
            "OVERRIDE_NOT_NEEDED",
            "De inwoner valt binnen de doelgroep; een afwijking is niet nodig.",
        ));
    }
    ws.case_mut(id)?.dossier.target_group_override =
        Some(crate::targetgroup::TargetGroupOverride {
            reason,
            date,
            actor: actor.trim().to_string(),
        });
    Ok(())
}

/// Ends the accepted match of case `id` on `date` for `reason`: the case goes back to step 5,
/// where it can be matched again, and keeps the ended match in its history (`Case::ended_matches`,
/// shown in its timeline). The codes stay. When the koppeling had gone to the association, an
/// afmelding for it waits (`transfer::NoticeReason::MatchBeeindigd`): it no longer needs the
/// professionals' contacts and the huurgegevens, and erases the profile too (a new bundle shares
/// it again). Refused, with nothing changed, without an accepted match, for an archived case, or
/// for a date before the acceptance.
pub fn end_match(ws: &mut Workspace, id: &str, reason: MatchEndReason, date: Date) -> Result<()> {
    let case = ws.case(id)?;
    editable(case)?;
    let Some(accepted) = case.accepted.clone() else {
        return Err(Error::new(
            "MATCH_NOT_ACCEPTED",
            "Er is geen aanvaarde match om te beëindigen.",
        ));
    };
    if date < accepted.date {
        return Err(Error::new(
            "DATE_BEFORE_MATCH",
            "De datum ligt vóór de datum waarop de match is aanvaard.",
        ));
    }
    let notices = ws.ended_match_notices(id, &date.iso())?;
    ws.push_notices(notices);
    let case = ws.case_mut(id)?;
    case.ended_matches.push(EndedMatch {
        association_id: accepted.association_id,
        dwelling_id: accepted.dwelling_id,
        accepted_on: accepted.date,
        ended_on: date,
        reason,
    });
    case.accepted = None;
    case.dossier.gates.retain(|g| g.gate != Gate::MatchAccepted);
    if case.dossier.step > Step::AssociationTalks {
        case.dossier.step = Step::AssociationTalks;
    }
    Ok(())
}

/// The gates recorded while a case is in `step` that open the step after it (none in step 6).
pub fn gates_leaving(step: Step) -> Vec<Gate> {
    match Step::ALL.into_iter().find(|s| *s > step) {
        Some(next) => required_gates(next)
            .iter()
            .copied()
            .filter(|g| g.from_step() == step)
            .collect(),
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::{Address, Contact, Income, IncomeSource, PersonName};
    use crate::profile::{
        Assessment, ContractForm, Gender, History, HousingForm, LivingSituation, Mobility, Party,
        RelapseAgreement, RelapsePlan, SCORED, SafetyPlan,
    };
    use crate::region::Region;
    use crate::sample::sample_offer;
    use crate::targetgroup::TargetGroupAnswers;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    const TODAY: &str = "2026-11-28";

    fn ws() -> Workspace {
        let mut ws = Workspace::new(sample_offer());
        ws.settings.region = Some(Region::NoordLimburg);
        ws
    }

    fn fill_step1(x: &mut Dossier) {
        x.name = PersonName {
            first_names: "Anna Maria".into(),
            tussenvoegsel: "van der".into(),
            surname: "Berg".into(),
            call_name: String::new(),
        };
        x.address = Address {
            kind: Default::default(),
            street: "Kerkstraat".into(),
            house_number: 12,
            house_number_addition: String::new(),
            postcode: "5911 AB".into(),
            place: "Venlo".into(),
        };
        x.gemeente = "Venlo".into();
        x.phones = vec!["06-12345678".into()];
    }

    fn fill_step3(x: &mut Dossier) {
        x.birth_date = Some(d("2002-03-04"));
        x.bsn = Some("999994669".into());
        x.gender = Some(Gender::Female);
        x.living_situation = Some(LivingSituation::ShelteredHousing);
        x.income = Some(Income {
            yearly_amount_euros: 16_000,
            source: IncomeSource::Benefits,
        });
        x.target_group = TargetGroupAnswers {
            status_holder: Some(false),
            labour_migrant: Some(false),
            regular_route_impossible: Some(true),
            support_need_independent_living: Some(true),
        };
    }

    fn fill_profile(case: &mut Case) {
        let p = &mut case.profile;
        for c in SCORED {
            p.assessments.insert(
                c,
                Assessment {
                    level: Some(3),
                    note: String::new(),
                },
            );
        }
        p.mobility = Some(Mobility::None);
        p.search_area = vec!["Venlo".into()];
        p.housing_form = Some(HousingForm::Independent);
        p.rent_arrears = Some(History::None);
        p.nuisance = Some(History::None);
        p.budget_management = Some(false);
        p.contract_form = Some(ContractForm::RegularLease);
        p.support_hours_per_week = Some(4.0);
        p.reachable_24_7 = Some(true);
        p.safety_plan = Some(SafetyPlan::NotNeeded);
        p.relapse_plan = RelapsePlan {
            signals: "Afspraken worden gemist.".into(),
            agreements: vec![
                RelapseAgreement {
                    party: Party::CareProvider,
                    action: "Huisbezoek binnen twee dagen.".into(),
                },
                RelapseAgreement {
                    party: Party::HousingAssociation,
                    action: "Belt bij een achterstand.".into(),
                },
            ],
        };
    }

    #[test]
    fn the_gates_leaving_a_step_are_those_recorded_in_it() {
        assert_eq!(gates_leaving(Step::Orientation), [Gate::ConsentToRegister]);
        assert!(gates_leaving(Step::WmoReport).is_empty());
        assert_eq!(
            gates_leaving(Step::Investigation),
            [
                Gate::EligibilityAndSupportPlan,
                Gate::ConsentToShareWithCoordinator
            ]
        );
        assert!(gates_leaving(Step::PlacementProfile).is_empty());
        assert_eq!(gates_leaving(Step::AssociationTalks), [Gate::MatchAccepted]);
        assert!(gates_leaving(Step::Agreement).is_empty());
    }

    #[test]
    fn form_errors_belong_to_their_own_step() {
        let x = Dossier::new("abc123");
        let fields = |s| -> Vec<String> {
            form_errors(&x, s)
                .into_iter()
                .filter_map(|e| e.field)
                .collect()
        };
        let one = fields(Step::Orientation);
        assert!(one.contains(&"naam.voornamen".to_string()));
        assert!(one.contains(&"contact".to_string()));
        assert!(!one.iter().any(|f| f == "geboortedatum"));
        let three = fields(Step::Investigation);
        // Step 3 is checked for what step 4 needs.
        for f in ["geboortedatum", "geslacht", "woonsituatie", "inkomen"] {
            assert!(three.contains(&f.to_string()), "{f} in {three:?}");
        }
        assert!(!three.iter().any(|f| f.starts_with("naam")));
        assert!(fields(Step::PlacementProfile).is_empty());
        assert_eq!(
            form_step("documenten.brpUittreksel.datum"),
            Some(Step::Investigation)
        );
        assert_eq!(form_step("telefoon[1]"), Some(Step::Orientation));
        assert_eq!(form_step("wmoConsulent.organisatie"), Some(Step::WmoReport));
        assert_eq!(form_step("id"), None);
    }

    #[test]
    fn a_case_walks_the_six_steps_only_when_gates_and_data_allow() {
        let mut ws = ws();
        let today = d(TODAY);
        ws.add_case("case1").unwrap();

        // Step 1: the gate alone is not enough while the NAW data is incomplete.
        record_gate(
            &mut ws,
            "case1",
            Gate::ConsentToRegister,
            d("2026-11-01"),
            "Zorgaanbieder",
            today,
        )
        .unwrap();
        assert_eq!(ws.case("case1").unwrap().dossier.step, Step::Orientation);
        let (next, reasons) = next_step(&ws, "case1", today).unwrap().unwrap();
        assert_eq!(next, Step::WmoReport);
        assert_eq!(reasons.len(), 1, "{reasons:?}");
        assert_eq!(reasons[0].gate, None, "the gate is there, the data is not");
        let e = advance(&mut ws, "case1", today).unwrap_err();
        assert_eq!(e.code, "STEP_BLOCKED");
        fill_step1(&mut ws.case_mut("case1").unwrap().dossier);
        assert_eq!(advance(&mut ws, "case1", today).unwrap(), Step::WmoReport);

        // Step 2 → 3 needs the Wmo consultant.
        assert!(advance(&mut ws, "case1", today).is_err());
        ws.case_mut("case1").unwrap().dossier.wmo_consultant = Some(Contact {
            organisation: "Gemeente Venlo".into(),
            person: "J. Peeters".into(),
        });
        assert_eq!(
            advance(&mut ws, "case1", today).unwrap(),
            Step::Investigation
        );

        // Step 3 → 4: both gates, complete data and the target group; the last gate moves on.
        fill_step3(&mut ws.case_mut("case1").unwrap().dossier);
        record_gate(
            &mut ws,
            "case1",
            Gate::EligibilityAndSupportPlan,
            d("2026-11-10"),
            "Wmo-consulent",
            today,
        )
        .unwrap();
        assert_eq!(ws.case("case1").unwrap().dossier.step, Step::Investigation);
        record_gate(
            &mut ws,
            "case1",
            Gate::ConsentToShareWithCoordinator,
            d("2026-11-10"),
            "Wmo-consulent",
            today,
        )
        .unwrap();
        assert_eq!(
            ws.case("case1").unwrap().dossier.step,
            Step::PlacementProfile
        );

        // Step 4 → 5 needs the complete profile.
        let (_, reasons) = next_step(&ws, "case1", today).unwrap().unwrap();
        assert_eq!(reasons.len(), 1);
        assert!(reasons[0].message.contains("bemiddelingsprofiel"));
        fill_profile(ws.case_mut("case1").unwrap());
        assert_eq!(
            advance(&mut ws, "case1", today).unwrap(),
            Step::AssociationTalks
        );
        assert!(ws.profile("case1", today).is_ok());
        let dossier = &ws.case("case1").unwrap().dossier;
        assert!(
            Gate::ALL[..3]
                .iter()
                .all(|g| dossier.gate_record(*g).is_some())
        );
        assert!(dossier.gate_record(Gate::MatchAccepted).is_none());

        // Step 5 → 6 only through an accepted match with an association that got a bundle.
        let (_, reasons) = next_step(&ws, "case1", today).unwrap().unwrap();
        assert_eq!(reasons.len(), 1);
        assert_eq!(reasons[0].gate, Some(Gate::MatchAccepted));
        assert!(advance(&mut ws, "case1", today).is_err());
        let assoc = ws.offer.associations[0].id.clone();
        assert!(accept_match(&mut ws, "case1", &assoc, None, today, "Ketenregisseur").is_err());
        ws.case_mut("case1")
            .unwrap()
            .codes
            .insert(assoc.clone(), "CODE".into());
        accept_match(&mut ws, "case1", &assoc, None, today, "Ketenregisseur").unwrap();
        assert_eq!(ws.case("case1").unwrap().dossier.step, Step::Agreement);
        assert_eq!(next_step(&ws, "case1", today).unwrap(), None);
        assert_eq!(
            advance(&mut ws, "case1", today).unwrap_err().code,
            "STEP_LAST"
        );
    }

    #[test]
    fn target_group_failures_keep_step_3_closed() {
        let mut ws = ws();
        let today = d(TODAY);
        ws.add_case("c").unwrap();
        let x = &mut ws.case_mut("c").unwrap().dossier;
        fill_step1(x);
        fill_step3(x);
        x.target_group.status_holder = Some(true);
        x.step = Step::Investigation;
        x.record_gate(Gate::ConsentToRegister, d("2026-11-01"), "Zorgaanbieder")
            .unwrap();
        let (_, reasons) = next_step(&ws, "c", today).unwrap().unwrap();
        let data: Vec<&Blocker> = reasons.iter().filter(|r| r.gate.is_none()).collect();
        assert_eq!(
            data.len(),
            1,
            "only the target group is missing: {reasons:?}"
        );
        assert!(
            reasons.iter().any(|r| r.message.contains("doelgroepcheck")),
            "{reasons:?}"
        );
    }

    #[test]
    fn a_failed_target_group_blocks_eligibility_until_an_override_is_recorded() {
        use crate::targetgroup::OverrideReason;
        let mut ws = ws();
        let today = d(TODAY);
        ws.add_case("c").unwrap();
        ws.add_case("ok").unwrap();
        for id in ["c", "ok"] {
            let x = &mut ws.case_mut(id).unwrap().dossier;
            fill_step1(x);
            fill_step3(x);
            x.step = Step::Investigation;
            x.record_gate(Gate::ConsentToRegister, d("2026-11-01"), "Zorgaanbieder")
                .unwrap();
        }
        ws.case_mut("c").unwrap().dossier.target_group.status_holder = Some(true);
        let gate = |ws: &mut Workspace, id: &str| {
            record_gate(
                ws,
                id,
                Gate::EligibilityAndSupportPlan,
                d("2026-11-10"),
                "Wmo-consulent",
                today,
            )
        };
        let before = ws.clone();
        assert_eq!(gate(&mut ws, "c").unwrap_err().code, "TARGET_GROUP_NOT_MET");
        assert_eq!(ws, before);
        // An override needs who decided; one for an eligible resident is refused.
        let reason = OverrideReason::MunicipalDecision;
        let on = d("2026-11-09");
        assert_eq!(
            override_target_group(&mut ws, "c", reason, on, " ")
                .unwrap_err()
                .code,
            "ACTOR_MISSING"
        );
        assert_eq!(
            override_target_group(&mut ws, "ok", reason, on, "Wmo Venlo")
                .unwrap_err()
                .code,
            "OVERRIDE_NOT_NEEDED"
        );
        assert_eq!(ws, before);
        override_target_group(&mut ws, "c", reason, on, "Wmo Venlo").unwrap();
        gate(&mut ws, "c").unwrap();
        let (_, reasons) = next_step(&ws, "c", today).unwrap().unwrap();
        assert!(
            !reasons.iter().any(|r| r.message.contains("doelgroepcheck")),
            "{reasons:?}"
        );
        // The override is in the case's timeline, before the gate it allowed.
        let moments: Vec<_> = crate::timeline::timeline(ws.case("c").unwrap())
            .into_iter()
            .map(|m| m.what)
            .collect();
        assert_eq!(
            moments[1..],
            [
                crate::timeline::What::TargetGroupOverride(reason),
                crate::timeline::What::Gate(Gate::EligibilityAndSupportPlan),
            ]
        );
        // The eligible resident's gate needs no override.
        gate(&mut ws, "ok").unwrap();
    }

    #[test]
    fn without_a_region_step_3_says_so_instead_of_failing() {
        let mut ws = ws();
        ws.settings.region = None;
        ws.add_case("c").unwrap();
        ws.case_mut("c").unwrap().dossier.step = Step::Investigation;
        let (_, reasons) = next_step(&ws, "c", d(TODAY)).unwrap().unwrap();
        assert!(
            reasons.iter().any(|r| r.message.contains("regio")),
            "{reasons:?}"
        );
    }

    #[test]
    fn archived_cases_refuse_changes() {
        let mut ws = ws();
        let today = d(TODAY);
        ws.add_case("open1").unwrap();
        ws.add_case("arch1").unwrap();
        ws.case_mut("arch1").unwrap().dossier.archived = true;
        assert_eq!(
            case_to_edit(&mut ws, "arch1").unwrap_err().code,
            "DOSSIER_ARCHIVED"
        );
        assert!(record_gate(&mut ws, "arch1", Gate::ConsentToRegister, today, "x", today).is_err());
        assert!(case_to_edit(&mut ws, "open1").is_ok());
    }
}
