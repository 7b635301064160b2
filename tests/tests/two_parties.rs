//! Two organisations, two browser profiles (separate storage): the coordinator and a housing
//! association each make their keys on the Sleutels page, exchange key cards as files, confirm
//! each other's fingerprint as read from the other's screen, and then exchange a sealed bundle
//! and a sealed reply. Nothing but the downloaded files passes between the two browsers.

use std::path::Path;
use std::time::Duration;
use woonkans_core::fixtures::{self, RESIDENTS};
use woonkans_core::keys::KeyCard;
use woonkans_core::region::Region;
use woonkans_core::sample::sample_offer;
use woonkans_core::workspace::Workspace;
use woonkans_tests::{Browser, assert_same_origin};

const PASS: &str = "Twee kluizen, twee organisaties 2026";
const ASSOCIATION: &str = "vb-maasdal";
const ASSOCIATION_NAME: &str = "Voorbeeld Woonstichting Maasdal";

/// The fingerprint as the page shows it, group by group (the groups wrap onto lines).
async fn shown_fingerprint(b: &Browser) -> String {
    let text = b.wait_for(".vingerafdruk").await.text().await.unwrap();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

async fn make_keys(b: &Browser, role: &str, organisation: &str, id: &str) {
    b.wait_for("#sleutels-role")
        .await
        .select_by_value(role)
        .await
        .unwrap();
    b.fill("#sleutels-organisation", organisation).await;
    b.fill("#sleutels-organisationId", id).await;
    b.click_button("Sleutels maken").await;
    b.wait_for_text("Mijn sleutelkaart").await;
}

async fn import_and_confirm(b: &Browser, card: &Path, fingerprint: &str) {
    b.wait_for("#sleutelkaartbestand")
        .await
        .send_keys(card.to_str().unwrap())
        .await
        .unwrap();
    b.wait_for_text("Nog niet bevestigd").await;
    // The row's first button; its accessible name also names the organisation.
    b.wait_for("tr.onbevestigd button")
        .await
        .click()
        .await
        .unwrap();
    // First what a careless user types: one group wrong. Refused.
    let wrong = format!("0000{}", &fingerprint[4..]);
    b.fill("#vingerafdruk-invoer", &wrong).await;
    b.click_button("Bevestigen").await;
    b.wait_for("#vingerafdruk-invoer-fout").await;
    // The refusal takes the focus; typing before it has would lose keys to the message.
    for _ in 0..100 {
        let focused = b
            .client
            .execute(
                "return document.activeElement && document.activeElement.id;",
                vec![],
            )
            .await
            .unwrap();
        if focused == "vingerafdruk-invoer-fout" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // On a loaded machine WebDriver's clear-and-type into this re-rendering field has lost
    // keys (noted on issue 15); type again until the field holds what was read out.
    let want = fingerprint.to_lowercase();
    let mut typed = None;
    for _ in 0..5 {
        b.fill("#vingerafdruk-invoer", &want).await;
        typed = b
            .wait_for("#vingerafdruk-invoer")
            .await
            .prop("value")
            .await
            .unwrap();
        if typed.as_deref() == Some(want.as_str()) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(typed.as_deref(), Some(want.as_str()));
    b.click_button("Bevestigen").await;
    b.wait_for_text("Bevestigd").await;
}

#[tokio::test(flavor = "current_thread")]
async fn coordinator_and_association_exchange_cards_bundle_and_reply_in_two_profiles() {
    // The coordinator's cases, prepared (typing dossiers is other tests' work).
    let mut coordinator_ws = fixtures::workspace();
    fixtures::add_ready_case(&mut coordinator_ws, "dossiera01", &RESIDENTS[0]);
    fixtures::add_ready_case(&mut coordinator_ws, "dossierb02", &RESIDENTS[1]);
    let mut association_ws = Workspace::new(sample_offer());
    association_ws.set_region(Some(Region::NoordLimburg));

    let coordinator = Browser::start().await;
    let association = Browser::start().await;
    for (b, ws) in [
        (&coordinator, &coordinator_ws),
        (&association, &association_ws),
    ] {
        b.open("/").await;
        b.create_vault(PASS).await;
        b.lock_and_seal(PASS, ws).await;
        b.open("/sleutels").await;
        b.unlock(PASS).await;
        b.wait_for_text("Sleutels maken").await;
    }
    let after_load = coordinator.requested_urls().await;

    // Each makes its keys and downloads its card.
    make_keys(
        &coordinator,
        "regisseur",
        "Ketenregie Noord-Limburg",
        "ketenregie-noord",
    )
    .await;
    make_keys(
        &association,
        "woningcorporatie",
        ASSOCIATION_NAME,
        ASSOCIATION,
    )
    .await;
    coordinator
        .assert_accessible("sleutels (eigen kaart)")
        .await;
    coordinator.screenshot("sleutels-regisseur").await;
    let mut cards = Vec::new();
    for b in [&coordinator, &association] {
        b.click_button("Sleutelkaart downloaden").await;
        let path = b.downloaded("sleutelkaart-").await;
        let card = KeyCard::parse(&std::fs::read(&path).unwrap(), None).unwrap();
        // The screen shows the fingerprint of the keys on the card it downloads.
        let shown = shown_fingerprint(b).await;
        assert_eq!(shown.replace(' ', "-"), card.fingerprint().to_string());
        cards.push((path, shown));
    }
    assert!(
        cards[0]
            .0
            .file_name()
            .unwrap()
            .to_string_lossy()
            .contains("regisseur")
    );

    // The card files cross over; each reads the other's fingerprint "over the phone".
    import_and_confirm(&coordinator, &cards[1].0, &cards[1].1).await;
    coordinator.wait_for_text(ASSOCIATION_NAME).await;
    coordinator.assert_accessible("sleutels (adresboek)").await;
    coordinator.screenshot("sleutels-adresboek").await;
    import_and_confirm(&association, &cards[0].0, &cards[0].1).await;

    // The coordinator seals a bundle of two residents for the association.
    coordinator.click_link("Bundels").await;
    coordinator
        .wait_for("#corporatie")
        .await
        .select_by_value(ASSOCIATION)
        .await
        .unwrap();
    let mut code_of = Vec::new();
    for id in ["dossiera01", "dossierb02"] {
        coordinator
            .wait_for(&format!("#dossier-{id}"))
            .await
            .click()
            .await
            .unwrap();
        let hint = coordinator
            .wait_for(&format!("#dossier-{id}-hint"))
            .await
            .text()
            .await
            .unwrap();
        let code = hint
            .split("Code voor deze corporatie: ")
            .nth(1)
            .and_then(|r| r.split('.').next())
            .expect("the planned code is shown")
            .to_string();
        code_of.push((id, code));
    }
    coordinator.click_button("Controleren en downloaden").await;
    coordinator.wait_for_text("Bundel gemaakt").await;
    let bundle = coordinator.downloaded("woonkans-bundel-").await;
    let sealed = std::fs::read_to_string(&bundle).unwrap();
    for value in [
        RESIDENTS[0].surname,
        RESIDENTS[1].surname,
        RESIDENTS[0].bsn,
        &code_of[0].1,
    ] {
        assert!(!sealed.contains(value), "the envelope shows {value}");
    }

    // The association opens it in its own vault and answers each code differently.
    // Bundel openen is not in the menu; an association reaches it from Bundels (a reload
    // instead would lock the vault, and could outrun the autosave of the confirmation).
    association.click_link("Bundels").await;
    association.click_link("Een bundel openen").await;
    association
        .wait_for("#bundelbestand")
        .await
        .send_keys(bundle.to_str().unwrap())
        .await
        .unwrap();
    association
        .wait_for_text("Van: Ketenregie Noord-Limburg (regisseur), ondertekening gecontroleerd")
        .await;
    for i in 0..2 {
        let legend = association
            .wait_for(&format!("#reactie-{i} legend .codelabel"))
            .await
            .text()
            .await
            .unwrap();
        let case = code_of
            .iter()
            .find(|(_, c)| *c == legend)
            .map(|(id, _)| *id)
            .expect("every code in the bundle is one the coordinator planned");
        if case == "dossiera01" {
            association
                .wait_for(&format!("#reactie-{i}-interest"))
                .await
                .click()
                .await
                .unwrap();
        } else {
            association
                .wait_for(&format!("#reactie-{i}-noOffer"))
                .await
                .click()
                .await
                .unwrap();
            association
                .wait_for(&format!("#reactie-{i}-reden"))
                .await
                .select_by_value("rentalHistory")
                .await
                .unwrap();
        }
    }
    association
        .assert_accessible("bundel openen (reactie)")
        .await;
    association.screenshot("twee-partijen-reactie").await;
    association.click_button("Reactie maken").await;
    association.wait_for_text("Reactie gemaakt").await;
    let reply = association.downloaded("woonkans-reactie-").await;

    // The coordinator opens the reply: each answer on the case whose code it is.
    coordinator
        .wait_for("#reactiebestand")
        .await
        .send_keys(reply.to_str().unwrap())
        .await
        .unwrap();
    coordinator
        .wait_for_text(&format!(
            "Reactie van {ASSOCIATION_NAME}: 2 antwoorden verwerkt"
        ))
        .await;
    let items: Vec<String> = {
        let els = coordinator
            .client
            .find_all(fantoccini::Locator::Css(".reactie-antwoorden li"))
            .await
            .unwrap();
        let mut out = Vec::new();
        for e in els {
            out.push(e.text().await.unwrap());
        }
        out
    };
    let line = |id: &str| {
        let code = &code_of.iter().find(|(i, _)| *i == id).unwrap().1;
        items
            .iter()
            .find(|l| l.contains(code.as_str()))
            .unwrap_or_else(|| panic!("a line for {id}: {items:?}"))
            .clone()
    };
    assert!(line("dossiera01").contains(RESIDENTS[0].surname));
    assert!(line("dossiera01").ends_with("Interesse"), "{items:?}");
    assert!(line("dossierb02").contains(RESIDENTS[1].surname));
    assert!(
        line("dossierb02").contains("Geen passend aanbod"),
        "{items:?}"
    );
    coordinator
        .screenshot("twee-partijen-reactie-verwerkt")
        .await;

    // The same reply again (a fresh page: picking the same file twice fires no change):
    // already processed, nothing changes.
    coordinator.click_link("Dossiers").await;
    coordinator.click_link("Bundels").await;
    coordinator
        .wait_for("#reactiebestand")
        .await
        .send_keys(reply.to_str().unwrap())
        .await
        .unwrap();
    coordinator
        .wait_for_text("Deze reactie is niet verwerkt")
        .await;
    coordinator.wait_for_text("al verwerkt").await;

    // Neither browser asked anything of the network after loading.
    let urls = coordinator.requested_urls().await;
    assert_same_origin(&urls);
    let fetched: Vec<&String> = urls.iter().filter(|u| !u.starts_with("blob:")).collect();
    assert_eq!(
        fetched.len(),
        after_load.len(),
        "no request after load: {urls:?}"
    );
    assert_same_origin(&association.requested_urls().await);
    coordinator.close().await;
    association.close().await;
}
