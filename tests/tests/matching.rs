//! Matching end to end in headless Chromium: the empty state (no complete profile yet, a link to
//! Dossiers, an empty caseload), then a caseload of complete profiles: one profile's
//! associations, ranked dwellings with the make-up of each score and the knocked-out dwellings,
//! and the optimal assignment, whose total must equal the core's own `Workspace::caseload`.
//!
//! The complete cases are made natively with `woonkans-core` and sealed into the locked vault
//! the way the app seals records (as `tests/bundels.rs` does), so this test does not depend on
//! the dossier screens.

use fantoccini::Locator;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use woonkans_core::date::Date;
use woonkans_core::dossier::{Income, IncomeSource, PersonName};
use woonkans_core::fixtures::{self, RESIDENTS};
use woonkans_core::profile::HousingForm;
use woonkans_core::register::Gate;
use woonkans_core::workspace::Workspace;
use woonkans_tests::{Browser, assert_same_origin};

const PASS: &str = "groene kikker zwemt in de Maas";
const CASES: usize = 24;

/// Today as the browser sees it (the test machine runs in UTC, like its browser).
fn today() -> Date {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    Date::from_days_since_epoch(i64::try_from(secs / 86_400).unwrap())
}

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

const AREAS: [&[&str]; 4] = [
    &["Venlo", "Venray"],
    &["Venlo"],
    &["Horst aan de Maas", "Venray", "Venlo"],
    &["Peel en Maas", "Beesel", "Venlo"],
];

fn add_case(ws: &mut Workspace, id: &str, k: usize) {
    let case = ws.add_case(id).unwrap();
    case.dossier = fixtures::dossier(id, &RESIDENTS[2]);
    let dossier = &mut case.dossier;
    dossier.name = PersonName {
        first_names: "Sam".into(),
        tussenvoegsel: String::new(),
        surname: format!("Proef{k}"),
        call_name: String::new(),
    };
    dossier.bsn = None;
    dossier.birth_date = Some(d(1970 + (k as i32 % 30), 6, 1));
    dossier.income = Some(Income {
        yearly_amount_euros: 16_000,
        source: IncomeSource::Benefits,
    });
    for (g, date, actor) in [
        (Gate::ConsentToRegister, d(2026, 1, 5), "Zorgaanbieder"),
        (
            Gate::EligibilityAndSupportPlan,
            d(2026, 2, 9),
            "Wmo-consulent",
        ),
        (
            Gate::ConsentToShareWithCoordinator,
            d(2026, 2, 9),
            "Wmo-consulent",
        ),
    ] {
        dossier.record_gate(g, date, actor).unwrap();
    }
    case.profile = fixtures::ready_draft();
    let draft = &mut case.profile;
    for a in draft.assessments.values_mut() {
        a.level = Some(1 + (k % 5) as u8);
    }
    draft.search_area = AREAS[k % AREAS.len()]
        .iter()
        .map(|s| s.to_string())
        .collect();
    draft.housing_form = Some([HousingForm::NoPreference, HousingForm::InComplex][k % 2]);
    draft.relapse_plan.signals = "Afspraken worden gemist.".into();
    draft.relapse_plan.agreements[1].action = "Meldt een achterstand na een maand.".into();
}

fn seeded_workspace() -> Workspace {
    let mut ws = fixtures::workspace();
    for k in 0..CASES {
        add_case(&mut ws, &format!("proef{k:04}"), k);
    }
    ws
}

async fn count(b: &Browser, css: &str) -> usize {
    b.client.find_all(Locator::Css(css)).await.unwrap().len()
}

#[tokio::test(flavor = "current_thread")]
async fn empty_state_then_profile_results_and_the_optimal_caseload() {
    let b = Browser::start().await;
    b.open("/matching").await;
    b.create_vault(PASS).await;

    // No complete profile yet: say so, link to Dossiers, and an empty caseload.
    b.wait_for_text("Er is nog geen dossier met een volledig bemiddelingsprofiel.")
        .await;
    let link = b.wait_for(".matching-deel .melding a").await;
    assert_eq!(
        link.attr("href").await.unwrap().as_deref(),
        Some("/dossiers")
    );
    b.click_button("Optimale toewijzing berekenen").await;
    b.wait_for_text("die nog op een woning wachten.").await;
    b.screenshot("matching-leeg").await;

    // Seal a caseload of complete profiles into the locked vault and open it again.
    let ws = seeded_workspace();
    let (ids, expected) = ws.caseload(today()).unwrap();
    assert_eq!(ids.len(), CASES, "every seeded profile is complete");
    b.lock_and_seal(PASS, &ws).await;
    b.unlock(PASS).await;
    let select = b.wait_for("#matching-dossier").await;
    assert_eq!(count(&b, "#matching-dossier option").await, CASES);
    assert_eq!(
        select.text().await.unwrap().lines().next().unwrap().trim(),
        "Dossier proef0000 – S. Proef0"
    );

    // One profile: what excludes dwellings and what would help, as the core explains it, each
    // suggestion linked to its field on the dossier's profile page.
    let explained = ws.explain_case("proef0000", today()).unwrap();
    b.wait_for_text("Wat sluit woningen uit").await;
    b.wait_for_text("Wat zou helpen").await;
    assert_eq!(
        count(&b, "table.matching-uitsluiting tbody tr").await,
        explained.knock_outs.len()
    );
    assert_eq!(
        count(&b, "ul.matching-suggesties > li").await,
        explained.suggestions.len().min(5)
    );
    if let Some(first) = explained.suggestions.first() {
        let link = b.wait_for("ul.matching-suggesties > li a").await;
        assert_eq!(
            link.attr("href").await.unwrap(),
            Some(format!(
                "/dossiers/proef0000/profiel#{}",
                first.edits[0].field().element_id()
            ))
        );
    }
    assert!(!b.text().await.contains("selectie voor stap 4"));

    // Associations with reasons, dwellings by score with their make-up.
    assert_eq!(count(&b, "table.matching-corporaties tbody tr").await, 7);
    let first = b.wait_for("table.passende-woningen > tbody > tr").await;
    first
        .find(Locator::Css("summary"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let parts = first
        .find_all(Locator::Css("table.opbouw-tabel tbody tr"))
        .await
        .unwrap();
    assert_eq!(parts.len(), 6);
    assert!(
        parts[2]
            .text()
            .await
            .unwrap()
            .starts_with("Ruimte onder de maximale huur")
    );
    b.screenshot("matching-profiel").await;
    b.assert_accessible("Matching").await;

    b.wait_for("#matching-alleen-passend")
        .await
        .click()
        .await
        .unwrap();
    b.wait_for("table.afgevallen-woningen").await;
    let text = b.text().await;
    // Criteria by their Dutch name, never by their code.
    assert!(text.contains("Beschikbaarheid: ") || text.contains("Zoekgebied: "));
    assert!(!text.contains("AVAILABLE") && !text.contains("AREA"));
    assert!(text.contains("De gemeente van deze woning ligt niet in het zoekgebied"));
    b.client
        .execute(
            "document.getElementById('afgevallen-woningen').scrollIntoView();",
            vec![],
        )
        .await
        .unwrap();
    b.screenshot("matching-afgevallen").await;

    // The caseload: a progress indicator, then the same optimum as the core computes natively.
    b.click_button("Optimale toewijzing berekenen").await;
    b.wait_for_text(&format!("Berekend voor {CASES} profielen"))
        .await;
    let text = b.text().await;
    assert!(
        text.contains(&format!("Totale score: {}.", expected.total)),
        "the browser's optimum equals the native one ({})",
        expected.total
    );
    assert_eq!(
        count(&b, "table.toewijzing tbody tr").await,
        expected.pairs.len()
    );
    assert_eq!(
        count(&b, "table.zonder-woning tbody tr").await,
        expected.unassigned.len()
    );
    b.client
        .execute(
            "document.getElementById('caseload').scrollIntoView();",
            vec![],
        )
        .await
        .unwrap();
    b.screenshot("matching-caseload").await;
    b.assert_accessible("Matching met caseload").await;

    // Wait a moment for any late request, then check every request stayed on the origin.
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_same_origin(&b.requested_urls().await);
    b.close().await;
}
