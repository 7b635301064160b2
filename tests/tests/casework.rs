//! A coordinator's casework in the built app: step 5's talks recorded per association with a
//! reason, the agreed safeguards, the entry date into sheltered housing, the caseload whose
//! priority is explained per case, and two cases ending (closed, consent withdrawn). axe-core and screenshots at 1280 and 390 px; nothing may
//! scroll sideways on a phone.

use fantoccini::Locator;
use woonkans_core::date::Date;
use woonkans_core::disclosure::{DisclosureEntry, DisclosureKind};
use woonkans_core::fixtures::{self, RESIDENTS};
use woonkans_core::keys::Role;
use woonkans_core::register::Step;
use woonkans_core::workspace::Workspace;
use woonkans_tests::{Browser, today_utc as today};

const PASS: &str = "gesprekken en voorrang";

fn back(days: i64) -> Date {
    Date::from_days_since_epoch(today().days_since_epoch() - days)
}

/// Three ready cases; werka001's profile went to Maasdal twelve days ago (step 5); werkc003 is 40
/// years old, the others 23 to 27.
fn coordinator() -> Workspace {
    let mut ws = fixtures::workspace();
    ws.choose_role(Role::Regisseur).unwrap();
    for (i, id) in ["werka001", "werkb002", "werkc003"].iter().enumerate() {
        // A coordinator's case holds no birth date: the age band comes with the overdracht.
        let born = (i == 2).then(|| Date::new(1986, 5, 1).unwrap());
        let case = fixtures::add_coordinator_case(&mut ws, id, &RESIDENTS[i], born, today());
        case.dossier.step = Step::PlacementProfile;
        for g in &mut case.dossier.gates {
            g.date = back(30);
        }
    }
    let a = ws.case_mut("werka001").unwrap();
    a.dossier.step = Step::AssociationTalks;
    a.codes.insert("vb-maasdal".into(), "CODE-WKA".into());
    a.log.push(DisclosureEntry {
        at: format!("{}T09:30:00Z", back(12).iso()),
        step: 5,
        recipient_id: "vb-maasdal".into(),
        recipient_name: "Voorbeeld Woonstichting Maasdal".into(),
        categories: Vec::new(),
        grondslag: "Wmo".into(),
        bundle_id: "0a".into(),
        codes: vec!["CODE-WKA".into()],
        kind: DisclosureKind::CodedBundle,
        message: None,
    });
    ws
}

async fn select(b: &Browser, css: &str, value: &str) {
    b.wait_for(css).await.select_by_value(value).await.unwrap();
}

async fn click(b: &Browser, css: &str) {
    b.client
        .find(Locator::Css(css))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

/// A date field's value as the browser's date picker would set it (typing into one depends on
/// the browser's locale).
async fn set_date(b: &Browser, css: &str, iso: &str) {
    b.wait_for(css).await;
    b.client
        .execute(
            "const el = document.querySelector(arguments[0]); el.value = arguments[1];\
             el.dispatchEvent(new Event('input', { bubbles: true }));\
             el.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![css.into(), iso.into()],
        )
        .await
        .expect("set the date");
}

#[tokio::test(flavor = "current_thread")]
async fn a_coordinator_records_the_talks_and_sees_the_priority() {
    let b = Browser::start().await;
    b.open("/").await;
    b.create_vault(PASS).await;
    b.lock_and_seal(PASS, &coordinator()).await;
    b.open("/dossiers/werka001").await;
    b.unlock(PASS).await;

    // Step 5: the resident says no to Maasdal's offer, for its location.
    b.wait_for("#gesprek-corporatie").await;
    select(&b, "#gesprek-corporatie", "vb-maasdal").await;
    click(&b, "#gesprek-nee").await;
    b.click_button("Gesprek vastleggen").await;
    b.wait_for_text("Kies waarom de inwoner nee zegt.").await;
    select(&b, "#gesprek-reden", "location").await;
    b.click_button("Gesprek vastleggen").await;
    b.wait_for_text("Vastgelegd.").await;
    let row = b
        .wait_for("table.codes td.gesprek")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        row.contains("De inwoner zegt nee") && row.contains("de buurt of plaats past niet"),
        "{row}"
    );
    click(&b, "#waarborg-contactPerson").await;
    b.click_button("Waarborgen opslaan").await;
    b.wait_for_text("De waarborgen zijn opgeslagen.").await;
    // The timeline says it too.
    b.wait_for_text("De inwoner zegt nee (Voorbeeld Woonstichting Maasdal)")
        .await;
    b.check_both_widths("stap5-gesprekken").await;

    // The entry date into sheltered housing, on the same page's timeline.
    set_date(&b, "#instroom-datum", &back(400).iso()).await;
    b.click_button("Datum opslaan").await;
    b.wait_for_text("De datum van instroom is opgeslagen.")
        .await;
    b.wait_for_text("13 maanden").await;

    // The caseload: each case's priority in its parts; werka001 waited 13 months (capped at 12).
    b.click_link("Matching").await;
    b.click_button("Optimale toewijzing berekenen").await;
    b.wait_for_text("Berekend voor").await;
    let text = b.text().await;
    assert!(
        text.contains("15 (jongere 18-27) + 24 (13 maanden wachten)"),
        "{text}"
    );
    assert!(text.contains("Met voorrang:"), "{text}");
    b.check_both_widths("caseload-voorrang").await;

    // How cases end: one closed as withdrawn, one erased after the resident withdrew consent;
    // the list leaves both out and the monitor counts them.
    b.click_link("Dossiers").await;
    b.click_link("Dossiernummer werkc003, gemeente Venlo").await;
    b.click_button("Zaak afsluiten").await;
    click(&b, "#afloop-teruggetrokken").await;
    b.click_button("Afsluiten en archiveren").await;
    b.wait_for_text("teruggetrokken.").await;
    b.click_link("← Alle dossiers").await;
    b.click_link("Dossiernummer werkb002, gemeente Venlo").await;
    b.click_button("Toestemming ingetrokken").await;
    b.wait_for("#intrekken-bevestiging").await;
    click(&b, "#intrekken-bevestiging").await;
    b.click_button("Intrekken en zaak wissen").await;
    b.wait_for_text("Toestemming ingetrokken (zaak gewist): 1")
        .await;
    let monitor = b.wait_for("#monitor").await.text().await.unwrap();
    assert_eq!(
        monitor,
        "Lopend: 1. Afgesloten: 1 teruggetrokken. Toestemming ingetrokken (zaak gewist): 1."
    );
    b.check_both_widths("dossiers-monitor").await;
    b.close().await;
}
