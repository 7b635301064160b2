//! The matching page's view over a workspace with real cases: complete cases, rows joined with
//! the offer, and the stepwise caseload job giving exactly what `Workspace::caseload` gives.

use woonkans_core::date::Date;
use woonkans_core::dossier::{Income, IncomeSource, PersonName};
use woonkans_core::fixtures::{self, RESIDENTS};
use woonkans_core::offer::DwellingType;
use woonkans_core::profile::{ContractForm, HousingForm};
use woonkans_core::workspace::Workspace;
use woonkans_views::matches::{
    CaseloadJob, MatchFilter, association_rows, complete_cases, component_cells, match_rows,
};

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

fn today() -> Date {
    d(2026, 11, 28)
}

const AREAS: [&[&str]; 4] = [
    &["Venlo", "Venray"],
    &["Venlo"],
    &["Horst aan de Maas", "Venray", "Venlo"],
    &["Peel en Maas", "Beesel"],
];

/// A case with a complete profile of one of the fixture residents, without a BSN, named
/// "Test Persoon{k}"; `k` varies age, search area, level and contract form.
fn add_complete_case(ws: &mut Workspace, id: &str, k: usize) {
    let case = fixtures::add_ready_case(ws, id, &RESIDENTS[k % RESIDENTS.len()]);
    let dossier = &mut case.dossier;
    dossier.name = PersonName {
        first_names: "Test".into(),
        tussenvoegsel: String::new(),
        surname: format!("Persoon{k}"),
        call_name: String::new(),
    };
    dossier.bsn = None;
    dossier.birth_date = Some(d(1990 - (k as i32 % 20), 3, 12));
    dossier.income = Some(Income {
        yearly_amount_euros: 18_000,
        source: IncomeSource::Benefits,
    });
    let draft = &mut case.profile;
    for a in draft.assessments.values_mut() {
        a.level = Some(1 + (k % 5) as u8);
    }
    draft.search_area = AREAS[k % AREAS.len()]
        .iter()
        .map(|s| s.to_string())
        .collect();
    draft.housing_form = Some(if k.is_multiple_of(2) {
        HousingForm::InComplex
    } else {
        HousingForm::NoPreference
    });
    draft.contract_form = Some(if k.is_multiple_of(3) {
        ContractForm::RegularLease
    } else {
        ContractForm::LeaseWithCareAgreement
    });
    draft.relapse_plan.agreements[1].action = "Belt de zorgaanbieder bij een achterstand.".into();
}

fn workspace(n: usize) -> Workspace {
    let mut ws = fixtures::workspace();
    for k in 0..n {
        add_complete_case(&mut ws, &format!("case{k:04}"), k);
    }
    // One incomplete case, which every list leaves out.
    ws.add_case("leeg0001").unwrap();
    ws
}

#[test]
fn complete_cases_are_listed_with_labels() {
    let ws = workspace(3);
    let cases = complete_cases(&ws, today());
    let ids: Vec<&str> = cases.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["case0000", "case0001", "case0002"]);
    assert_eq!(cases[1].label, "Dossier case0001 – T. Persoon1");
}

#[test]
fn rows_follow_the_result_and_the_filters() {
    let ws = workspace(1);
    let m = ws.match_case("case0000", today()).unwrap();
    let all = match_rows(&m, ws.offer(), &MatchFilter::default());
    assert_eq!(all.eligible.len(), m.eligible.len());
    assert_eq!(all.knocked_out.len(), m.knocked_out.len());
    assert!(!all.eligible.is_empty(), "the sample has homes in Venlo");
    for (i, r) in all.eligible.iter().enumerate() {
        assert_eq!(r.rank, i + 1);
        assert_eq!(r.dwelling.id, r.scored.dwelling_id);
        assert!(r.association.starts_with("Voorbeeld "));
    }
    for r in &all.knocked_out {
        assert!(!r.reasons.is_empty());
    }
    let venray_studios = MatchFilter {
        gemeente: "Venray".into(),
        dwelling_type: Some(DwellingType::Studio),
        only_eligible: true,
    };
    let rows = match_rows(&m, ws.offer(), &venray_studios);
    assert!(rows.knocked_out.is_empty());
    assert!(rows.eligible.iter().all(
        |r| r.dwelling.gemeente == "Venray" && r.dwelling.dwelling_type == DwellingType::Studio
    ));
    // Ranks stay those of the whole ranking, so they only increase.
    assert!(rows.eligible.windows(2).all(|w| w[0].rank < w[1].rank));

    let cells = component_cells(&all.eligible[0].scored.components[0]);
    assert!(!cells[0].contains('.') && !cells[2].contains('.'));

    let assocs = association_rows(&m, ws.offer());
    assert_eq!(assocs.len(), ws.offer().associations.len());
    assert!(assocs.iter().any(|a| a.result.eligible));
    assert!(
        assocs
            .iter()
            .filter(|a| !a.result.eligible)
            .all(|a| !a.result.reasons.is_empty())
    );
}

#[test]
fn the_stepwise_caseload_equals_the_workspace_caseload() {
    let ws = workspace(37);
    let (ws_ids, ws_assignment) = ws.caseload(today()).unwrap();
    assert_eq!(ws_ids.len(), 37);
    assert!(!ws_assignment.pairs.is_empty());

    let mut job = CaseloadJob::new(&ws, today()).unwrap();
    let mut last = job.progress();
    assert_eq!(last, (0, 76));
    let mut steps = 0;
    while !job.step(7).unwrap() {
        let now = job.progress();
        assert!(now.0 > last.0, "every step makes progress");
        assert!(now.0 <= now.1);
        last = now;
        steps += 1;
    }
    assert_eq!(job.progress(), (75, 75));
    assert!(steps > 5);
    let (ids, assignment, view) = job.finish().unwrap();
    assert_eq!(ids, ws_ids);
    assert_eq!(assignment, ws_assignment);

    assert_eq!(view.profiles, 37);
    assert_eq!(view.total, assignment.total);
    assert_eq!(view.rows.len(), assignment.pairs.len());
    assert_eq!(view.rows.len() + view.unassigned.len(), 37);
    let mut seen = std::collections::HashSet::new();
    for r in &view.rows {
        assert!(
            seen.insert(r.dwelling_id.clone()),
            "each dwelling at most once"
        );
        assert!(r.label.starts_with(&format!("Dossier {}", r.case_id)));
    }
    for u in &view.unassigned {
        assert!(!u.reason.is_empty());
    }
}
