//! Two coordinators in two browser profiles: the first hands her whole caseload to the second
//! (ziekte, een andere baan) on "Zaken overdragen", the second opens the envelope on "Envelop
//! openen" and works on, and only then does the first erase her copies. The vaults start from
//! natively prepared keys and confirmed cards (the exchange itself is `two_parties.rs`); nothing
//! but the downloaded file passes between the browsers. axe-core and screenshots at 1280 and
//! 390 px.

use fantoccini::Locator;
use woonkans_core::fixtures::{self, introduce, role_vault};
use woonkans_core::keys::Role;
use woonkans_core::profile::AgeBand;
use woonkans_core::transfer::TypedIntake;
use woonkans_core::workspace::Workspace;
use woonkans_tests::{Browser, today_utc as today};

const PASS: &str = "de zaken gaan over";
const IDS: [&str; 3] = ["ovra0001", "ovrb0002", "ovrc0003"];

fn typed(gemeente: &str, young: bool) -> TypedIntake {
    let age = if young {
        AgeBand::From18To22
    } else {
        AgeBand::From28To54
    };
    TypedIntake {
        budget_management: young,
        ..fixtures::typed_intake(gemeente, age, today())
    }
}

/// (the first coordinator with three cases, the second with none); they know each other.
fn coordinators() -> (Workspace, Workspace) {
    let mut first = role_vault(Role::Regisseur, "Ketenregie Noord-Limburg", 21, today());
    let mut second = role_vault(Role::Regisseur, "Procesregie Noord-Limburg", 22, today());
    introduce(&mut first, &mut second, today());
    for (id, gemeente, young) in [
        (IDS[0], "Venlo", true),
        (IDS[1], "Horst aan de Maas", false),
        (IDS[2], "Venray", false),
    ] {
        first
            .add_typed_case(id, typed(gemeente, young), "2026-11-20T09:00:00Z")
            .unwrap();
    }
    (first, second)
}

async fn link_present(b: &Browser, href: &str) -> bool {
    b.client
        .find(Locator::Css(&format!("a[href='{href}']")))
        .await
        .is_ok()
}

#[tokio::test(flavor = "current_thread")]
async fn a_caseload_moves_to_another_coordinator_in_another_browser() {
    let (first_ws, second_ws) = coordinators();
    let first = Browser::start().await;
    first.open("/").await;
    first.create_vault(PASS).await;
    first.lock_and_seal_all(PASS, &first_ws).await;
    first.open("/dossiers").await;
    first.unlock(PASS).await;
    first.wait_for("a[href='/dossiers/ovra0001']").await;

    // From the dossier list to the page.
    first
        .wait_for("#zaken-overdragen a")
        .await
        .click()
        .await
        .unwrap();
    let h1 = first.wait_for("main h1").await;
    assert_eq!(
        h1.text().await.unwrap(),
        "Zaken overdragen aan een andere regisseur"
    );
    first.check_both_widths("zaken-overdragen").await;
    first
        .wait_for("#overdragen-zaken")
        .await
        .select_by_value("alle")
        .await
        .unwrap();
    let to = first
        .wait_for("#overdragen-ontvanger")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(to.trim(), "Procesregie Noord-Limburg");
    first.click_button("Overdracht maken en downloaden").await;
    let file = first.downloaded("woonkans-overdracht-regisseur-").await;
    first
        .wait_for_text("3 zaken zijn versleuteld voor Procesregie Noord-Limburg")
        .await;
    first
        .wait_for_text("Overgedragen, wacht op bevestiging")
        .await;
    first.check_both_widths("zaken-overgedragen").await;
    // Out of the first coordinator's work at once.
    first.click_link("Dossiers").await;
    first.wait_for("main h1").await;
    for id in IDS {
        assert!(
            !link_present(&first, &format!("/dossiers/{id}")).await,
            "{id}"
        );
    }

    // The second coordinator opens it in her own browser.
    let second = Browser::start().await;
    second.open("/").await;
    second.create_vault(PASS).await;
    second.lock_and_seal_all(PASS, &second_ws).await;
    second.open("/envelop-openen").await;
    second.unlock(PASS).await;
    second
        .wait_for("#envelopbestand")
        .await
        .send_keys(file.to_str().unwrap())
        .await
        .unwrap();
    second.wait_for("a[href='/dossiers/ovra0001']").await;
    for id in IDS {
        assert!(
            link_present(&second, &format!("/dossiers/{id}")).await,
            "{id}"
        );
    }
    let list = second.text().await;
    assert!(list.contains("gemeente Horst aan de Maas"), "{list}");
    second.click_link("Verwerkingslog").await;
    second
        .wait_for_text("Ketenregie Noord-Limburg (regisseur)")
        .await;
    second.close().await;

    // Back at the first: erased only after the confirmation.
    first.open("/overdragen").await;
    first.unlock(PASS).await;
    first.wait_for(".overgedragen").await;
    first
        .wait_for(".overgedragen input[type=checkbox]")
        .await
        .click()
        .await
        .unwrap();
    first.click_button("Uit deze kluis verwijderen").await;
    first
        .wait_for_text("3 overgedragen zaken zijn uit deze kluis verwijderd")
        .await;
    assert!(
        first
            .client
            .find(Locator::Css(".overgedragen"))
            .await
            .is_err()
    );
    first.close().await;
}
