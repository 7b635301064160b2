//! The app shell in headless Chromium: Dutch shell, region → role, navigation, no foreign
//! requests, a strict policy in the built page.

use fantoccini::Locator;
use woonkans_tests::{Browser, assert_same_origin, dist};

const PASS: &str = "lange zin voor de proef 2026";

#[tokio::test(flavor = "current_thread")]
async fn shell_region_role_and_navigation_without_foreign_requests() {
    let b = Browser::start().await;
    b.open("/").await;
    assert_eq!(b.client.title().await.unwrap(), "Woonkans");
    b.wait_for_text("Welkom bij Woonkans").await;
    b.screenshot("kluis-aanmaken").await;
    b.assert_accessible("kluis aanmaken").await;
    b.create_vault(PASS).await;

    // The vault was made for the coordinator in Noord-Limburg (`create_vault`).
    let role = b.client.find(Locator::Css("#rol")).await.unwrap();
    assert_eq!(role.text().await.unwrap(), "Ketenregisseur");
    let after_load = b.requested_urls().await;
    assert_same_origin(&after_load);
    assert!(
        after_load.iter().any(|u| u.ends_with(".wasm")),
        "the app loaded its wasm"
    );

    let select = b.client.find(Locator::Css("#regio-keuze")).await.unwrap();
    select.select_by_value("midden").await.unwrap();
    assert_eq!(role.text().await.unwrap(), "Procesregisseur");
    select.select_by_value("noord").await.unwrap();
    assert_eq!(role.text().await.unwrap(), "Ketenregisseur");

    for (label, path) in [
        ("Aanbod & criteria", "/aanbod"),
        ("Matching", "/matching"),
        ("Bundels", "/bundels"),
        ("Verwerkingslog", "/verwerkingslog"),
        ("Sleutels en adresboek", "/sleutels"),
        ("Privacy", "/privacy"),
        ("Dossiers", "/dossiers"),
    ] {
        b.click_link(label).await;
        let h1 = b.wait_for("h1").await;
        assert_eq!(h1.text().await.unwrap(), label);
        assert_eq!(b.client.current_url().await.unwrap().path(), path);
        b.screenshot(&format!("shell{}", path.replace('/', "-")))
            .await;
        b.assert_accessible(label).await;
    }

    // Navigating inside the app made no request at all.
    let after_clicks = b.requested_urls().await;
    assert_eq!(
        after_load.len(),
        after_clicks.len(),
        "requests after load: {after_clicks:?}"
    );
    b.close().await;
}

#[test]
fn built_index_html_carries_a_strict_policy() {
    let html = std::fs::read_to_string(dist().join("index.html")).unwrap();
    let policy = xtask::csp::policy_of(&html).expect("a CSP meta tag");
    assert!(policy.contains("default-src 'none'"));
    assert!(policy.contains("connect-src 'self'"));
    assert!(!policy.contains("unsafe-inline"));
    assert!(
        !policy
            .replace("'wasm-unsafe-eval'", "")
            .contains("unsafe-eval")
    );
    assert!(
        !policy.contains("inline-script-hashes"),
        "policy was sealed"
    );
    assert!(
        policy.contains("'sha256-"),
        "the loader script is allowed by hash"
    );
    assert!(html.contains("name=\"referrer\" content=\"no-referrer\""));
}
