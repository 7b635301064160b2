//! The encrypted vault through the built app: first start, reload → unlock, wrong passphrase,
//! and what the browser's storage holds.

use woonkans_tests::Browser;

const PASS: &str = "correct paard batterij nietje";

async fn storage_snapshot(b: &Browser) -> serde_json::Value {
    b.client
        .execute(
            "const o = {}; for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i); o[k] = localStorage.getItem(k); } return o;",
            vec![],
        )
        .await
        .unwrap()
}

#[tokio::test(flavor = "current_thread")]
async fn reload_unlock_keeps_everything_and_wrong_passphrase_touches_nothing() {
    let b = Browser::start().await;
    b.open("/").await;
    b.create_vault(PASS).await;
    let select = b.wait_for("#regio-keuze").await;
    select.select_by_value("midden").await.unwrap();
    b.wait_for_text("Opgeslagen om").await;

    // Storage holds only ciphertext: no readable region, role or sample association.
    let stored = storage_snapshot(&b).await.to_string();
    assert!(stored.contains("woonkans.v1."));
    for plain in ["middenLimburg", "Procesregisseur", "Voorbeeld", "Venlo"] {
        assert!(!stored.contains(plain), "storage holds plaintext {plain}");
    }

    // Reload: locked; the wrong passphrase changes nothing.
    b.open("/").await;
    b.wait_for_text("Kluis ontgrendelen").await;
    let before = storage_snapshot(&b).await;
    b.unlock("dit is niet het wachtwoord").await;
    b.wait_for_text("Het wachtwoord klopt niet").await;
    b.screenshot("kluis-fout-wachtwoord").await;
    assert_eq!(
        storage_snapshot(&b).await,
        before,
        "a wrong passphrase touched storage"
    );

    b.unlock(PASS).await;
    b.wait_for("nav.hoofdmenu").await;
    let role = b.wait_for("#rol").await;
    assert_eq!(role.text().await.unwrap(), "Procesregisseur");

    // Locking drops back to the unlock screen.
    b.click_button("Vergrendelen").await;
    b.wait_for_text("Kluis ontgrendelen").await;
    b.close().await;
}
