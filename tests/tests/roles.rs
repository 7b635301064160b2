//! A vault per role: the new vault asks for its party and region, and an association's vault
//! then shows only its own menu, its title and, for a typed address outside it, the way back.

use fantoccini::Locator;
use woonkans_tests::Browser;

const PASS: &str = "een kluis voor de corporatie alleen";

async fn menu(b: &Browser) -> Vec<String> {
    let mut out = Vec::new();
    for link in b
        .client
        .find_all(Locator::Css("nav.hoofdmenu a"))
        .await
        .unwrap()
    {
        out.push(link.text().await.unwrap());
    }
    out
}

#[tokio::test(flavor = "current_thread")]
async fn an_association_vault_is_made_through_the_role_question() {
    let b = Browser::start().await;
    b.open("/").await;
    b.create_vault_unanswered(PASS).await;
    b.wait_for("#rol-regio-vraag").await;
    let text = b.text().await;
    for line in [
        "Voor welke partij werkt u?",
        "Zorgaanbieder",
        "Wmo-consulent",
        "Regisseur",
        "Woningcorporatie",
        "Ontvangt gecodeerde profielen",
    ] {
        assert!(text.contains(line), "{line}");
    }
    b.assert_accessible("rol en regio").await;

    // The question from phone to desktop without sideways scrolling; screenshots at 1280 and 390.
    for (width, height, name) in [
        (1280, 800, Some("rol-en-regio-1280")),
        (390, 844, Some("rol-en-regio-390")),
        (320, 640, None),
    ] {
        assert_eq!(b.set_viewport(width, height).await, u64::from(width));
        let (scroll, client, wide) = b.sideways().await;
        assert!(scroll <= client, "{width} px: {wide:?}");
        if let Some(name) = name {
            b.screenshot(name).await;
        }
    }
    b.set_viewport(1280, 800).await;

    // Without a role the answer is refused, with a reason, and nothing is chosen.
    b.wait_for("#regio-eerste-keuze")
        .await
        .select_by_value("midden")
        .await
        .unwrap();
    b.click_button("Rol en regio vastleggen").await;
    b.wait_for_text("Kies eerst de rol van deze kluis").await;
    assert!(
        b.client
            .find(Locator::Css("#rol-regio-vraag"))
            .await
            .is_ok()
    );
    b.assert_accessible("rol en regio, geweigerd").await;

    b.choose_role("woningcorporatie", "midden").await;
    assert_eq!(
        b.wait_for("#rol").await.text().await.unwrap(),
        "Woningcorporatie"
    );
    // The association starts on opening a bundle; no dossiers, matching or bundles of its own.
    b.wait_for_text("Bundel openen").await;
    assert_eq!(
        menu(&b).await,
        [
            "Bundel openen",
            "Envelop openen",
            "Sleutels en adresboek",
            "Privacy"
        ]
    );
    assert!(
        b.client
            .current_url()
            .await
            .unwrap()
            .path()
            .ends_with("/bundel-openen")
    );
    b.assert_accessible("woningcorporatie: bundel openen").await;

    // A typed address outside the role says so and links to the start.
    b.open("/matching").await;
    b.unlock(PASS).await;
    b.wait_for_text("Deze pagina hoort niet bij de rol van deze kluis")
        .await;
    b.assert_accessible("buiten de rol").await;
    let text = b.text().await;
    assert!(!text.contains("Wat zou helpen"), "{text}");
    b.click_link("Naar de startpagina van deze kluis: Bundel openen")
        .await;
    for _ in 0..100 {
        if b.wait_for("main h1").await.text().await.unwrap() == "Bundel openen" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(
        b.wait_for("main h1").await.text().await.unwrap(),
        "Bundel openen"
    );
    b.close().await;
}
