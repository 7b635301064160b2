//! A coordinator with forty cases at different points: the built app's dossier list puts the
//! cases over their norm first, filters to them, says by how much in words, and passes axe-core
//! at a desktop and a phone width. The cases are generated natively with known dates; each
//! case's expected waiting is worked out here from those dates, not asked of the app.

use fantoccini::Locator;
use woonkans_core::date::Date;
use woonkans_core::disclosure::{DisclosureEntry, DisclosureKind};
use woonkans_core::fixtures::{self, RESIDENTS};
use woonkans_core::keys::Role;
use woonkans_core::register::{Gate, Step};
use woonkans_core::workspace::Workspace;
use woonkans_tests::Browser;

const PASS: &str = "veertig zaken en een norm";

use woonkans_tests::today_utc as today;

/// Forty cases; returns the workspace and, per case id, the expected days past the default norm
/// of fourteen days (0 when within it or not waiting).
fn forty() -> (Workspace, Vec<(String, i64)>) {
    let today = today();
    let back = |days: i64| Date::from_days_since_epoch(today.days_since_epoch() - days);
    let mut ws = fixtures::workspace();
    ws.choose_role(Role::Regisseur).unwrap();
    let mut expected = Vec::new();
    for i in 0..40i64 {
        let id = format!("zaak{i:02}");
        let case =
            fixtures::add_coordinator_case(&mut ws, &id, &RESIDENTS[i as usize % 5], None, today);
        case.dossier.step = Step::PlacementProfile;
        let taken = (i * 17) % 40 + 1;
        for g in &mut case.dossier.gates {
            g.date = back(if g.gate == Gate::ConsentToRegister {
                taken + 5
            } else {
                taken
            });
        }
        let waits = if i % 3 == 0 {
            // A bundle half-way, unanswered: waits since the bundle.
            case.log.push(DisclosureEntry {
                at: format!("{}T09:30:00Z", back(taken / 2).iso()),
                step: 5,
                recipient_id: "vb-maasdal".into(),
                recipient_name: "Voorbeeld Woonstichting Maasdal".into(),
                categories: Vec::new(),
                grondslag: "Wmo".into(),
                bundle_id: format!("{i:032x}"),
                codes: Vec::new(),
                kind: DisclosureKind::CodedBundle,
                message: None,
            });
            taken / 2
        } else {
            taken
        };
        expected.push((id, (waits - 14).max(0)));
    }
    (ws, expected)
}

async fn column(b: &Browser, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for e in b.client.find_all(Locator::Css(css)).await.unwrap() {
        out.push(e.text().await.unwrap());
    }
    out
}

#[tokio::test(flavor = "current_thread")]
async fn forty_cases_show_the_over_norm_ones_first() {
    let (ws, expected) = forty();
    let over: Vec<&(String, i64)> = expected.iter().filter(|(_, d)| *d > 0).collect();
    assert!(over.len() > 5 && over.len() < 35, "{}", over.len());

    let b = Browser::start().await;
    b.open("/").await;
    b.create_vault(PASS).await;
    b.lock_and_seal(PASS, &ws).await;
    b.unlock(PASS).await;
    b.wait_for("table.dossier-lijst").await;
    assert_eq!(column(&b, "table.dossier-lijst tbody tr").await.len(), 40);

    b.wait_for("#dossier-volgorde")
        .await
        .select_by_value("urgent")
        .await
        .unwrap();
    b.wait_for_text("Boven de norm eerst").await;
    let ids = column(&b, "table.dossier-lijst tbody th .hint").await;
    let waits = column(&b, "td.wacht").await;
    assert_eq!(ids.len(), 40);
    // The over-norm cases first, most days over first, each saying so in words.
    let mut want: Vec<&(String, i64)> = over.clone();
    want.sort_by_key(|(_, d)| std::cmp::Reverse(*d));
    for (k, (_, days)) in want.iter().enumerate() {
        let noun = if *days == 1 { "dag" } else { "dagen" };
        assert!(
            waits[k].contains(&format!("{days} {noun} boven de norm")),
            "row {k} ({}): {}",
            ids[k],
            waits[k]
        );
    }
    let first: Vec<i64> = want.iter().map(|(_, d)| *d).collect();
    let shown: Vec<i64> = ids[..want.len()]
        .iter()
        .map(|label| {
            let id = label.trim_start_matches("Dossier ");
            expected.iter().find(|(i, _)| i == id).unwrap().1
        })
        .collect();
    assert_eq!(shown, first);
    assert!(
        waits[want.len()..]
            .iter()
            .all(|w| !w.contains("boven de norm"))
    );
    b.screenshot("veertig-zaken-urgent-1280").await;
    b.assert_accessible("veertig zaken, boven de norm eerst")
        .await;

    // Only the over-norm ones.
    b.wait_for("#alleen-boven-norm")
        .await
        .click()
        .await
        .unwrap();
    for _ in 0..100 {
        if column(&b, "table.dossier-lijst tbody tr").await.len() == want.len() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(
        column(&b, "table.dossier-lijst tbody tr").await.len(),
        want.len()
    );
    b.set_viewport(390, 844).await;
    b.screenshot("veertig-zaken-urgent-390").await;
    b.assert_accessible("veertig zaken op een telefoon").await;
    b.close().await;
}
