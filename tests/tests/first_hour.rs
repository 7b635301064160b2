//! A new coordinator's first minutes, as a keyboard or screen-reader user meets them: where the
//! focus lands after "Kluis aanmaken" and "Nieuw dossier" (WCAG 2.4.3), the region asked for
//! where the work starts, "Gegevens controleren" answering also when all is well, a message that
//! goes once its field is fixed, and the association's page without a vault asking for no region.

use fantoccini::Locator;
use woonkans_tests::Browser;

const PASS: &str = "eerste uur zonder doodlopende weg";

/// `id`, tag and class of the focused element, e.g. "input#rol-zorgaanbieder".
async fn focused(b: &Browser) -> String {
    b.client
        .execute(
            "const e = document.activeElement; return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '');",
            vec![],
        )
        .await
        .unwrap()
        .as_str()
        .unwrap_or_default()
        .to_string()
}

async fn text_of(b: &Browser, css: &str) -> String {
    b.wait_for(css).await.text().await.unwrap()
}

#[tokio::test(flavor = "current_thread")]
async fn focus_prompts_and_feedback_lead_the_way() {
    let b = Browser::start().await;
    b.open("/bundel-openen").await;
    b.wait_for("main h1").await;
    assert!(
        b.client.find(Locator::Css("#regio-keuze")).await.is_err()
            && !b.text().await.contains("kies eerst uw regio"),
        "opening a bundle without a vault asks for no region"
    );

    b.open("/").await;
    b.create_vault_unanswered(PASS).await;
    // The new vault has no role nor region: the page asks for both and the focus is on the
    // first role.
    b.wait_for("#rol-regio-vraag").await;
    assert_eq!(focused(&b).await, "input#rol-zorgaanbieder");
    assert!(
        b.text()
            .await
            .contains("Kies eerst de rol en de regio van deze kluis")
    );
    b.screenshot("eerste-uur-regio").await;
    b.assert_accessible("role and region prompt").await;
    // The care provider makes the dossiers (the coordinator's cases come from an overdracht).
    b.choose_role("zorgaanbieder", "noord").await;
    assert!(
        b.client
            .find(Locator::Css("#regio-eerste-keuze"))
            .await
            .is_err(),
        "the prompt goes once the role and region are chosen"
    );
    assert_eq!(text_of(&b, "#rol").await, "Zorgaanbieder");
    assert_eq!(
        focused(&b).await,
        "h1#pagina-titel",
        "the focus moves on from the prompt that went"
    );

    // A new dossier: the focus moves to its heading, not back to the page body.
    b.click_button("Nieuw dossier").await;
    b.wait_for_text("Stap 1 Oriëntatie").await;
    assert_eq!(focused(&b).await, "h1#pagina-titel");

    // "Gegevens controleren" on an empty step 1 counts what is missing and takes the focus …
    b.click_button("Gegevens controleren").await;
    let outcome = b.wait_for("#controle-uitkomst").await;
    let said = outcome.text().await.unwrap();
    assert!(
        said.contains("gegevens moeten nog worden ingevuld of verbeterd"),
        "{said}"
    );
    assert_eq!(focused(&b).await, "p#controle-uitkomst");
    b.screenshot("eerste-uur-controle").await;
    b.close().await;
}

/// The bundle page's "Kies minstens één dossier" goes as soon as a dossier is ticked.
#[tokio::test(flavor = "current_thread")]
async fn a_fixed_field_loses_its_message() {
    use woonkans_core::fixtures::{self, RESIDENTS};
    let mut ws = fixtures::workspace();
    for (id, resident) in [("klaar0", &RESIDENTS[0]), ("klaar1", &RESIDENTS[1])] {
        fixtures::add_ready_case(&mut ws, id, resident).dossier.step =
            woonkans_core::register::Step::AssociationTalks;
    }
    let b = Browser::start().await;
    b.open("/").await;
    b.create_vault(PASS).await;
    b.lock_and_seal(PASS, &ws).await;
    b.unlock(PASS).await;
    b.click_link("Bundels").await;
    b.wait_for("main h1").await;
    b.click_button("Controleren en downloaden").await;
    b.wait_for_text("Kies minstens één dossier voor de bundel.")
        .await;
    let boxes = b
        .client
        .find_all(Locator::Css("#dossiers input[type=checkbox]"))
        .await
        .unwrap();
    assert!(!boxes.is_empty(), "a ready dossier to tick");
    boxes[0].click().await.unwrap();
    for _ in 0..50 {
        if !b.text().await.contains("Kies minstens één dossier") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        !b.text().await.contains("Kies minstens één dossier"),
        "the message went when a dossier was ticked"
    );

    // … and on a complete profile it says that all is well, where it used to say nothing.
    b.click_link("Dossiers").await;
    b.wait_for("a[href='/dossiers/klaar0']")
        .await
        .click()
        .await
        .unwrap();
    let steps = b
        .client
        .find_all(Locator::Css(".stapper-stap button"))
        .await
        .unwrap();
    steps[3].click().await.unwrap();
    b.wait_for_text("Stap 4").await;
    b.click_button("Gegevens controleren").await;
    let said = b.wait_for("#controle-uitkomst").await.text().await.unwrap();
    assert!(said.starts_with("Alles is ingevuld"), "{said}");
    b.close().await;
}

/// The dead end: resolved rent arrears, no dwelling anywhere. Matching names what excludes
/// and suggests what would help; the suggestion's link lands on the very field, and making the
/// change there makes dwellings fit.
#[tokio::test(flavor = "current_thread")]
async fn a_dead_end_match_says_what_would_help_and_the_link_leads_there() {
    use woonkans_core::fixtures::{self, RESIDENTS};
    use woonkans_core::profile::History;
    let mut ws = fixtures::workspace();
    fixtures::add_ready_case(&mut ws, "achter0", &RESIDENTS[0])
        .profile
        .rent_arrears = Some(History::Resolved);
    let b = Browser::start().await;
    b.open("/").await;
    b.create_vault(PASS).await;
    b.lock_and_seal(PASS, &ws).await;
    b.open("/matching").await;
    b.unlock(PASS).await;
    b.wait_for_text("Wat zou helpen").await;
    let text = b.text().await;
    assert!(
        text.contains("0 van de 480 woningen"),
        "a dead end to start from"
    );
    assert!(
        text.contains("Huurachterstand"),
        "the criterion is named in Dutch"
    );
    let suggestion = b.wait_for("ul.matching-suggesties > li").await;
    let said = suggestion.text().await.unwrap();
    assert!(said.contains("Daarmee passen"), "{said}");
    b.screenshot("eerste-uur-wat-zou-helpen").await;
    b.assert_accessible("matching with suggestions").await;

    // The link opens the dossier on the field's step, with the focus on the field.
    suggestion
        .find(Locator::Css("a"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    b.wait_for(".stap-inhoud h2").await;
    let target = b
        .client
        .current_url()
        .await
        .unwrap()
        .fragment()
        .unwrap_or_default()
        .to_string();
    assert!(!target.is_empty(), "the link names its field");
    let mut on_field = String::new();
    for _ in 0..50 {
        on_field = focused(&b).await;
        if on_field.ends_with(&format!("#{target}")) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        on_field.ends_with(&format!("#{target}")),
        "focus on {target}, not {on_field}"
    );

    // For this resident the core's one suggestion is bewindvoering (crates/core/tests/explain.rs
    // derives it natively); agreeing it where the link landed makes dwellings fit.
    assert_eq!(target, "onderBewind");
    b.wait_for("#onderBewind").await.click().await.unwrap();
    b.wait_for_text("Opgeslagen om").await;
    b.click_link("Matching").await;
    b.wait_for(".matching-samenvatting").await;
    let summary = b
        .wait_for(".matching-samenvatting")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !summary.starts_with("0 van de"),
        "after the change dwellings fit: {summary}"
    );
    b.close().await;
}
