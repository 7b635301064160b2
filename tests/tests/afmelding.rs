//! A resident withdraws consent in the coordinator's browser; the association that received
//! the resident's coded profile erases it in its own browser from the afmelding alone (AVG art.
//! 19). The vaults start from natively prepared keys, cases and a bundle the association already
//! opened; nothing but the downloaded afmelding passes between the browsers. The other
//! resident's profile stays at the association. axe-core and screenshots at 1280 and 390 px.

use fantoccini::Locator;
use woonkans_core::code::{self, CodeKey};
use woonkans_core::fixtures::{self, role_vault};
use woonkans_core::keys::Role;
use woonkans_core::profile::AgeBand;
use woonkans_core::workspace::Workspace;
use woonkans_tests::{Browser, today_utc as today};

const PASS: &str = "alleen de code gaat mee";
const IDS: [&str; 2] = ["afma0001", "afmb0002"];
const KEY: [u8; 32] = [6; 32];

/// (the coordinator with two cases in a bundle, the association that opened it, its id).
fn vaults() -> (Workspace, Workspace, String) {
    let mut regie = role_vault(Role::Regisseur, "Ketenregie Noord-Limburg", 23, today());
    for (id, gemeente) in [(IDS[0], "Venlo"), (IDS[1], "Venray")] {
        regie
            .add_typed_case(
                id,
                fixtures::typed_intake(gemeente, AgeBand::From28To54, today()),
                "2026-11-20T09:00:00Z",
            )
            .unwrap();
        regie.case_mut(id).unwrap().profile = fixtures::ready_draft();
    }
    let association_id = regie.offer().associations[0].id.clone();
    let mut association = fixtures::association_vault(&mut regie, &association_id, today());
    let ids: Vec<String> = IDS.iter().map(|s| s.to_string()).collect();
    let (file, _) = regie
        .seal_bundle(
            &CodeKey::from_bytes(KEY),
            &association_id,
            &ids,
            [30; 16],
            [31; 32],
            today(),
            "2026-11-21T09:00:00Z",
        )
        .unwrap();
    association
        .open_bundle(&file.bytes, "2026-11-21T10:00:00Z")
        .unwrap();
    (regie, association, association_id)
}

#[tokio::test(flavor = "current_thread")]
async fn the_association_erases_a_withdrawn_resident_from_the_afmelding_alone() {
    let (regie_ws, association_ws, association_id) = vaults();
    let name = regie_ws
        .offer()
        .association(&association_id)
        .unwrap()
        .name
        .clone();
    // The codes the association knows, recomputed with the key that made them.
    let code_of = |id: &str| {
        code::derive(
            &CodeKey::from_bytes(KEY),
            &association_id,
            regie_ws.case(id).unwrap().stable_id(),
        )
        .to_string()
    };
    let (withdrawn, stays) = (code_of(IDS[0]), code_of(IDS[1]));

    let regie = Browser::start().await;
    regie.open("/").await;
    regie.create_vault(PASS).await;
    regie.lock_and_seal_all(PASS, &regie_ws).await;
    regie.open(&format!("/dossiers/{}", IDS[0])).await;
    regie.unlock(PASS).await;
    regie.click_button("Toestemming ingetrokken").await;
    let said = regie
        .wait_for("#intrekken-afmelding")
        .await
        .text()
        .await
        .unwrap();
    assert!(said.contains("afmelding"), "{said}");
    regie
        .wait_for("#intrekken-bevestiging")
        .await
        .click()
        .await
        .unwrap();
    regie.click_button("Intrekken en zaak wissen").await;
    // Back on the dossier list, where the afmelding waits.
    regie.wait_for("#afmeldingen-titel").await;
    let waiting = regie.wait_for(".afmeldingen").await.text().await.unwrap();
    assert!(
        waiting.contains(&name) && waiting.contains("Voor 1 inwoner"),
        "{waiting}"
    );
    assert!(
        !waiting.contains(&withdrawn),
        "the list names no code: {waiting}"
    );
    regie.check_both_widths("afmeldingen").await;
    regie.click_button("Afmelding maken en downloaden").await;
    let file = regie.downloaded("woonkans-afmelding-").await;
    regie
        .wait_for_text(&format!("De afmelding voor {name} is gedownload"))
        .await;
    assert!(
        regie
            .client
            .find(Locator::Css("form.afmelding"))
            .await
            .is_err(),
        "nothing waits any more"
    );
    regie.click_link("Verwerkingslog").await;
    regie.wait_for_text("Codes van inwoners (afmelding)").await;

    let association = Browser::start().await;
    association.open("/").await;
    association.create_vault(PASS).await;
    association.lock_and_seal_all(PASS, &association_ws).await;
    association.open("/bundel-openen").await;
    association.unlock(PASS).await;
    association.click_button("Tonen").await;
    association.wait_for_text(&withdrawn).await;
    association.click_link("Envelop openen").await;
    association
        .wait_for("#envelopbestand")
        .await
        .send_keys(file.to_str().unwrap())
        .await
        .unwrap();
    association
        .wait_for_text(&format!("Gewist: alles onder code {withdrawn}"))
        .await;
    association.check_both_widths("afmelding-geopend").await;
    association.click_link("Bundel openen").await;
    association.click_button("Tonen").await;
    association.wait_for_text(&stays).await;
    let page = association.text().await;
    assert!(
        !page.contains(&withdrawn),
        "the withdrawn resident's profile is gone"
    );
    association.close().await;
    // The download lives in the coordinator's browser profile until it closes.
    regie.close().await;
}
