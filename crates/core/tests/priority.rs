//! The caseload assignment with the seed's priority: young people (18-27) and time waiting.
//! Expected winners are worked out by hand from the weights and each pair's own score.

use woonkans_core::date::Date;
use woonkans_core::fixtures::{RESIDENTS, add_ready_case, workspace};
use woonkans_core::priority::PriorityWeights;
use woonkans_core::register::Step;
use woonkans_core::workspace::Workspace;

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

const TODAY: &str = "2026-12-07";

/// Two cases that both fit one dwelling, which is the only one on offer: "ouder" (40 years)
/// opened first, "jong" (25 years) second. Returns the workspace and both scores for it.
fn two_for_one() -> (Workspace, u32, u32) {
    let today = d(TODAY);
    let mut ws = workspace();
    let old = add_ready_case(&mut ws, "ouder", &RESIDENTS[2]);
    old.dossier.birth_date = Some(d("1986-05-01"));
    old.dossier.step = Step::PlacementProfile;
    add_ready_case(&mut ws, "jong", &RESIDENTS[0]).dossier.step = Step::PlacementProfile;
    let old = ws.match_case("ouder", today).unwrap();
    let young = ws.match_case("jong", today).unwrap();
    let (dwelling, old_score, young_score) = old
        .eligible
        .iter()
        .find_map(|a| {
            let b = young
                .eligible
                .iter()
                .find(|b| b.dwelling_id == a.dwelling_id)?;
            // Equal scores, so only the priority can tell them apart.
            (a.score == b.score).then(|| (a.dwelling_id.clone(), a.score, b.score))
        })
        .expect("a dwelling both fit equally well");
    let mut offer = ws.offer().clone();
    offer.dwellings.retain(|x| x.id == dwelling);
    ws.replace_offer(offer).unwrap();
    (ws, old_score, young_score)
}

fn winner(ws: &Workspace) -> (String, u64, u64) {
    let (ids, a) = ws.caseload(d(TODAY)).unwrap();
    assert_eq!(a.pairs.len(), 1, "one dwelling, one placed");
    (ids[a.pairs[0].profile].clone(), a.total, a.weighted_total)
}

#[test]
fn without_priority_only_the_score_counts() {
    let (mut ws, old, young) = two_for_one();
    ws.set_priority(PriorityWeights::NONE).unwrap();
    let (_, total, weighted) = winner(&ws);
    // A tie: either case is optimal, and nothing is added to the score.
    assert_eq!((total, weighted), (u64::from(old), u64::from(young)));
}

#[test]
fn the_young_resident_gets_the_scarce_dwelling_by_default() {
    let (ws, _, young) = two_for_one();
    // Default weights: 15 for 18-27, 2 per month; both cases reached step 4 on 2026-10-01
    // (the fixture's gates), so two whole months (4 points) on 2026-12-07.
    let (id, total, weighted) = winner(&ws);
    assert_eq!(id, "jong");
    assert_eq!(
        (total, weighted),
        (u64::from(young), u64::from(young) + 15 + 4)
    );
}

#[test]
fn a_long_stay_in_sheltered_housing_outweighs_youth_when_recorded() {
    let (mut ws, old, _) = two_for_one();
    let today = d(TODAY);
    // In beschermd wonen since June 2024: 30 months, capped at 12, so 24 points against the
    // young resident's 15 + 4.
    ws.set_in_care_since("ouder", Some(d("2024-06-01")), today)
        .unwrap();
    let (id, _, weighted) = winner(&ws);
    assert_eq!((id.as_str(), weighted), ("ouder", u64::from(old) + 24));
    // Clearing the date counts from the overdracht again.
    ws.set_in_care_since("ouder", None, today).unwrap();
    assert_eq!(winner(&ws).0, "jong");
}

#[test]
fn a_future_or_ancient_entry_date_is_refused_and_changes_nothing() {
    let (mut ws, _, _) = two_for_one();
    let today = d(TODAY);
    for bad in ["2026-12-08", "1949-12-31"] {
        let e = ws
            .set_in_care_since("ouder", Some(d(bad)), today)
            .unwrap_err();
        assert_eq!(e.code, "IN_CARE_SINCE_INVALID");
        assert!(ws.case("ouder").unwrap().in_care_since.is_none());
    }
    let too_much = PriorityWeights {
        young: 90,
        per_month_waiting: 1,
        max_months: 12,
    };
    assert!(ws.set_priority(too_much).is_err());
    assert_eq!(ws.settings().priority, PriorityWeights::default());
}

#[test]
fn a_case_no_longer_waits_once_a_match_is_accepted_or_it_is_closed() {
    let (mut ws, _, _) = two_for_one();
    let today = d(TODAY);
    ws.set_in_care_since("ouder", Some(d("2024-06-01")), today)
        .unwrap();
    let since = |ws: &Workspace| woonkans_core::timeline::waiting_since(ws.case("ouder").unwrap());
    assert_eq!(since(&ws), Some(d("2024-06-01")));
    // The young case, without an entry date, waits since step 4 (the fixture's 3→4 gates).
    assert_eq!(
        woonkans_core::timeline::waiting_since(ws.case("jong").unwrap()),
        Some(d("2026-10-01"))
    );
    let mut accepted = ws.clone();
    let association = accepted.offer().associations[0].id.clone();
    accepted
        .case_mut("ouder")
        .unwrap()
        .codes
        .insert(association.clone(), "CODE".into());
    accepted.case_mut("ouder").unwrap().dossier.step = Step::AssociationTalks;
    woonkans_core::routeplanner::accept_match(
        &mut accepted,
        "ouder",
        &association,
        None,
        today,
        "Regie",
    )
    .unwrap();
    assert_eq!(since(&accepted), None);
    ws.case_mut("ouder").unwrap().dossier.archived = true;
    assert_eq!(since(&ws), None);
}
