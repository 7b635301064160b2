//! Every page at a desktop, a phone and the narrowest supported width: nothing scrolls
//! sideways (`scrollWidth <= clientWidth` of the document, which also keeps it within
//! `innerWidth`), with screenshots at 1280 and 390 pixels for a person to look at, and axe-core
//! at the phone width, where stacked layouts can break what the desktop passes.
//!
//! The vault is seeded natively (as `tests/matching.rs` does) with a new case and ready cases,
//! so the long pages — the dossier list, each of the six steps, matching, the offer — carry
//! real content rather than empty states.

use fantoccini::Locator;
use woonkans_core::fixtures::{self, RESIDENTS};
use woonkans_core::workspace::Workspace;
use woonkans_tests::Browser;

const PASS: &str = "brede tafel smalle deur";

fn seeded_workspace() -> Workspace {
    let mut ws = fixtures::workspace();
    for (k, resident) in RESIDENTS.iter().enumerate() {
        fixtures::add_ready_case(&mut ws, &format!("klaar{k}"), resident);
    }
    ws.add_case("nieuw0").unwrap();
    ws
}

/// Records a sideways scroll at the current width, and takes a screenshot when `shoot`. The test
/// fails at the end with every page that overflowed, so one run shows all there is to fix.
async fn check(b: &Browser, page: &str, width: u32, shoot: bool, failures: &mut Vec<String>) {
    let (scroll, client, wide) = b.sideways().await;
    if shoot {
        b.screenshot(&format!("breedte-{width}-{page}")).await;
    }
    if scroll > client {
        failures.push(format!(
            "{page} at {width} px scrolls sideways: {scroll} > {client}; past the edge: {wide:#?}"
        ));
    }
}

async fn menu(b: &Browser, label: &str) {
    b.click_link(label).await;
    let h1 = b.wait_for("main h1").await;
    assert_eq!(h1.text().await.unwrap(), label);
}

#[tokio::test(flavor = "current_thread")]
async fn no_page_scrolls_sideways_from_phone_to_desktop() {
    let ws = seeded_workspace();
    let b = Browser::start().await;
    b.open("/").await;
    b.create_vault(PASS).await;
    b.lock_and_seal(PASS, &ws).await;
    b.unlock(PASS).await;
    b.wait_for("nav.hoofdmenu").await;

    let mut failures = Vec::new();
    for (width, height, shoot) in [(1280, 800, true), (390, 844, true), (320, 640, false)] {
        let inner = b.set_viewport(width, height).await;
        assert_eq!(inner, u64::from(width), "the viewport is {width} px wide");
        for label in [
            "Dossiers",
            "Aanbod & criteria",
            "Matching",
            "Bundels",
            "Verwerkingslog",
            "Sleutels en adresboek",
            "Privacy",
        ] {
            menu(&b, label).await;
            let page = label.split_whitespace().next().unwrap().to_lowercase();
            check(&b, &page, width, shoot, &mut failures).await;
            if width == 390 {
                b.assert_accessible(&format!("{label} at {width} px")).await;
            }
        }

        // One ready dossier, each of its six steps (closed ones too: they show why).
        menu(&b, "Dossiers").await;
        b.wait_for("a[href='/dossiers/klaar0']")
            .await
            .click()
            .await
            .unwrap();
        b.wait_for(".stappen").await;
        for step in 1..=6 {
            let buttons = b
                .client
                .find_all(Locator::Css(".stapper-stap button"))
                .await
                .unwrap();
            assert_eq!(buttons.len(), 6, "six steps on the dossier page");
            buttons[step - 1].click().await.unwrap();
            b.wait_for(".stap-inhoud h2").await;
            check(
                &b,
                &format!("dossier-stap-{step}"),
                width,
                shoot,
                &mut failures,
            )
            .await;
            if width == 390 {
                b.assert_accessible(&format!("dossier step {step} at {width} px"))
                    .await;
            }
        }
    }

    // The association's side, which a person opens without a vault.
    b.set_viewport(390, 844).await;
    b.open("/bundel-openen").await;
    b.wait_for("main h1").await;
    check(&b, "bundel-openen", 390, true, &mut failures).await;
    assert!(
        b.client.find(Locator::Css("#regio-keuze")).await.is_err(),
        "without a vault there is no region to choose"
    );
    b.close().await;
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
