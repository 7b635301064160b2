//! A coordinator walks one resident through the six steps in the built app (headless Chromium,
//! 1280×800): a new dossier, NAW and contact, the Wmo report, the investigation with documents
//! and the target-group check, every gate, the placement profile, a coded bundle, the accepted
//! match and the hand-over, each file an envelope for the association (the keys and the
//! associations' cards are made natively and put in the vault). The "wat wordt gedeeld" panel
//! holds nothing identifying; a note with a BSN and a phone number is marked as typed and
//! cleaned with "Alles vervangen", then released: the bundle carries it and not the unreleased
//! note. No request leaves the origin, none happens after load.
use fantoccini::Locator;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use woonkans_core::date::Date;
use woonkans_tests::{Browser, assert_same_origin, parties};

const PASS: &str = "lange zin voor de proef 2026";

/// Today as the browser sees it (the test machine runs in UTC, like its browser).
fn today() -> Date {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    Date::from_days_since_epoch(i64::try_from(secs / 86_400).unwrap())
}

async fn js(b: &Browser, script: &str) -> serde_json::Value {
    b.client
        .execute(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("script failed: {e}"))
}

/// Leaves the focused field, so its change event fires (the app saves on change).
async fn blur(b: &Browser) {
    js(
        b,
        "if (document.activeElement) document.activeElement.blur();",
    )
    .await;
}

async fn select(b: &Browser, css: &str, value: &str) {
    b.wait_for(css)
        .await
        .select_by_value(value)
        .await
        .unwrap_or_else(|e| panic!("select {value} in {css}: {e}"));
}

async fn click(b: &Browser, css: &str) {
    b.wait_for(css)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("click {css}: {e}"));
}

async fn text_of(b: &Browser, css: &str) -> String {
    b.wait_for(css).await.text().await.unwrap_or_default()
}

/// Waits until the shown step's heading is `heading`.
async fn wait_step(b: &Browser, heading: &str) {
    for _ in 0..300 {
        if text_of(b, "#stap-titel").await == heading {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("step {heading} not shown; page: {}", b.text().await);
}

async fn count(b: &Browser, css: &str) -> usize {
    b.client
        .find_all(Locator::Css(css))
        .await
        .map(|v| v.len())
        .unwrap_or(0)
}

async fn wait_count(b: &Browser, css: &str, n: usize) {
    for _ in 0..300 {
        if count(b, css).await == n {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("expected {n} × {css}, found {}", count(b, css).await);
}

/// Waits until the field's value is `expected` (the app stores canonical forms).
async fn wait_value(b: &Browser, css: &str, expected: &str) {
    let mut last = String::new();
    for _ in 0..300 {
        last = b
            .wait_for(css)
            .await
            .prop("value")
            .await
            .ok()
            .flatten()
            .unwrap_or_default();
        if last == expected {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{css} holds '{last}', not '{expected}'");
}

/// Waits for a finished download (Chromium writes `<name>.crdownload` first).
async fn downloaded(b: &Browser, name: &str) -> Vec<u8> {
    let path = b.downloads().join(name);
    let partial = b.downloads().join(format!("{name}.crdownload"));
    for _ in 0..300 {
        if path.exists() && !partial.exists() {
            let bytes = std::fs::read(&path).unwrap_or_default();
            if !bytes.is_empty() {
                return bytes;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no download {name} within 30 s");
}

async fn top(b: &Browser) {
    js(b, "window.scrollTo(0, 0);").await;
}

async fn scroll_to(b: &Browser, id: &str) {
    js(
        b,
        &format!("document.getElementById('{id}').scrollIntoView({{block: 'center'}});"),
    )
    .await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_resident_walks_the_six_steps_and_nothing_identifying_is_shared() {
    let b = Browser::start().await;
    b.open("/").await;
    // The six steps in one vault: one whose role is not chosen, as vaults made before roles
    // (a new vault of one role holds only its own steps; four_roles.rs walks those).
    b.create_vault_unanswered(PASS).await;
    select(&b, "#regio-keuze", "noord").await;
    b.wait_for_text("Opgeslagen om").await;
    // The vault's keys and the confirmed key cards of every association of the offer (made
    // natively): bundles and the hand-over go as envelopes.
    let mut coordinator = woonkans_core::fixtures::workspace();
    let vaults = parties::every_association(&mut coordinator, today());
    b.give_keys(PASS, &coordinator).await;
    let after_load = b.requested_urls().await;
    assert_same_origin(&after_load);

    // A new dossier: addressed by its random id only.
    b.click_button("Nieuw dossier").await;
    b.wait_for_text("Stap 1 Oriëntatie").await;
    let path = b.client.current_url().await.unwrap().path().to_string();
    let id = path
        .strip_prefix("/dossiers/")
        .expect("dossier path")
        .to_string();
    assert_eq!(id.len(), 10);
    assert!(
        id.bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    );
    assert_eq!(text_of(&b, "h1").await, format!("Dossier {id}"));

    // Step 1: NAW and contact, the care provider, the consent gate.
    for (css, value) in [
        ("#naam-voornamen", "Anna Maria"),
        ("#naam-tussenvoegsel", "van der"),
        ("#naam-achternaam", "Berg"),
        ("#adres-straat", "Kaldenkerkerweg"),
        ("#adres-huisnummer", "20"),
        ("#adres-huisnummertoevoeging", "B"),
        ("#adres-postcode", "5913ae"),
        ("#adres-woonplaats", "Venlo"),
        ("#telefoon-0", "06-12345678"),
        ("#email", "a.vanderberg@example.nl"),
        ("#zorgaanbieder-organisatie", "Zorgaanbieder De Brug"),
        ("#zorgaanbieder-persoon", "P. Hendriks"),
    ] {
        b.fill(css, value).await;
    }
    select(&b, "#gemeente", "Venlo").await;
    blur(&b).await;
    wait_value(&b, "#adres-postcode", "5913 AE").await;
    assert_eq!(
        count(&b, ".foutsamenvatting").await,
        0,
        "{}",
        b.text().await
    );
    top(&b).await;
    b.screenshot("dossier-stap-1").await;
    scroll_to(&b, "contact").await;
    b.screenshot("dossier-stap-1-formulier").await;
    b.fill("#poort-consentToRegister-door", "Zorgaanbieder De Brug")
        .await;
    b.click_button("Poort vastleggen").await;
    wait_step(&b, "Stap 2 Melding Wmo").await;

    // Step 2: the Wmo report shows only NAW and contact; the consultant takes it up.
    let report = text_of(&b, "#stap-inhoud").await;
    assert!(report.contains("Anna Maria van der Berg"));
    assert!(report.contains("Kaldenkerkerweg 20 B"));
    assert!(report.contains("vastgelegd op"));
    b.fill("#wmoConsulent-organisatie", "Gemeente Venlo, Wmo-loket")
        .await;
    b.fill("#wmoConsulent-persoon", "J. Peeters").await;
    blur(&b).await;
    top(&b).await;
    b.screenshot("dossier-stap-2").await;
    b.click_button("Verder naar stap 3 Onderzoek").await;
    wait_step(&b, "Stap 3 Onderzoek").await;

    // Step 3: the investigation, documents, target group and the two gates.
    for (css, value) in [
        ("#geboortedatum", "14-05-2002"),
        ("#bsn", "999994669"),
        ("#opleiding", "Mbo niveau 2, niet afgerond."),
        ("#werk", "Dagbesteding drie dagen per week."),
        ("#inkomen-bedrag", "16500"),
        ("#huishoudgrootte", "1"),
        ("#sociaalNetwerk", "Goed contact met moeder en zus."),
        ("#financien", "Schuldhulpverlening loopt sinds vorig jaar."),
        ("#gezondheid", "Gebruikt medicatie; behandeling loopt."),
        ("#iban", "NL91 ABNA 0417 1643 00"),
    ] {
        b.fill(css, value).await;
    }
    select(&b, "#geslacht", "female").await;
    select(&b, "#inkomen-bron", "benefits").await;
    select(&b, "#woonsituatie", "shelteredHousing").await;
    click(&b, "#schulden").await;
    for (doc, status) in [
        ("verhuurdersverklaring", "received"),
        ("brpUittreksel", "received"),
        ("inkomensverklaring", "received"),
        ("beschikkingBewindvoering", "notApplicable"),
    ] {
        select(&b, &format!("#documenten-{doc}-status"), status).await;
    }
    for radio in [
        "#doelgroep-statushouder-nee",
        "#doelgroep-arbeidsmigrant-nee",
        // "Kan de inwoner zelf een woning vinden?" Nee: part of the target group.
        "#doelgroep-regulier-nee",
        "#doelgroep-ondersteuning-ja",
    ] {
        click(&b, radio).await;
    }
    b.wait_for_text("Valt binnen de doelgroep van Woonkans.")
        .await;
    let page = b.text().await;
    assert!(page.contains("Jongvolwassene (18 tot en met 27 jaar)"));
    assert!(page.contains("16.500"), "income shown in Dutch notation");
    assert!(page.contains("Bijzonder persoonsgegeven, art. 9 AVG — komt nooit in het profiel."));
    assert_eq!(count(&b, ".foutsamenvatting").await, 0, "{page}");
    top(&b).await;
    b.screenshot("dossier-stap-3").await;
    b.assert_accessible("dossier, stap 3").await;
    scroll_to(&b, "doelgroep-ondersteuning").await;
    b.screenshot("dossier-stap-3-doelgroep").await;
    b.fill(
        "#poort-eligibilityAndSupportPlan-door",
        "Wmo-consulent gemeente Venlo",
    )
    .await;
    b.click_button("Poort vastleggen").await;
    b.fill(
        "#poort-consentToShareWithCoordinator-door",
        "Wmo-consulent gemeente Venlo",
    )
    .await;
    b.click_button("Poort vastleggen").await;
    wait_step(&b, "Stap 4 Bemiddelingsprofiel").await;

    // Step 4: the placement profile.
    for (category, level) in [
        ("householdCare", 3),
        ("workDayActivities", 2),
        ("socialNetwork", 4),
        ("socialSelfReliance", 3),
        ("financesDebts", 2),
    ] {
        click(&b, &format!("#niveaus-{category}-{level}")).await;
    }
    b.fill(
        "#notities-financesDebts",
        "Schuldhulpverlening loopt; vaste lasten worden automatisch betaald.",
    )
    .await;
    select(&b, "#mobiliteit", "none").await;
    for (n, gemeente) in ["Venlo", "Venray"].into_iter().enumerate() {
        select(&b, "#zoekgebied-kies", gemeente).await;
        b.click_button("Toevoegen").await;
        wait_count(&b, ".zoekgebied-lijst li", n + 1).await;
    }
    select(&b, "#woonvorm", "inComplex").await;
    select(&b, "#huurachterstand", "none").await;
    select(&b, "#overlast", "none").await;
    // Bewindvoering is not asked again: step 4 shows what step 3 recorded.
    assert!(
        text_of(&b, "#bewindvoering")
            .await
            .contains("Nee: de inwoner staat niet onder bewind."),
        "bewindvoering is taken over from the dossier"
    );
    select(&b, "#contractvorm", "leaseWithCareAgreement").await;
    b.fill("#ondersteuningUren", "4,5").await;
    click(&b, "#bereikbaarheid-ja").await;
    b.fill(
        "#terugvalplan-signalen",
        "Post blijft liggen en afspraken worden gemist.",
    )
    .await;
    b.click_button("Afspraak toevoegen").await;
    b.fill(
        "#terugvalplan-afspraken-0",
        "Binnen twee werkdagen een huisbezoek.",
    )
    .await;
    b.click_button("Afspraak toevoegen").await;
    b.fill(
        "#terugvalplan-afspraken-1",
        "Meldt een huurachterstand na één maand bij de zorgaanbieder.",
    )
    .await;
    select(&b, "#veiligheidsplan", "notNeeded").await;
    blur(&b).await;
    b.wait_for_text("Het bemiddelingsprofiel is compleet").await;

    let shared = text_of(&b, "#wat-wordt-gedeeld").await;
    assert!(shared.contains("Venlo, Venray"), "{shared}");
    assert!(
        shared.contains("23-27 jaar") || shared.contains("18-22 jaar"),
        "{shared}"
    );
    assert!(shared.contains("4,5 uur per week"), "{shared}");
    assert!(
        shared.contains("Huishoudgrootte\n1 persoon")
            || shared.contains("Huishoudgrootte 1 persoon"),
        "{shared}"
    );
    for secret in [
        "Anna",
        "Berg",
        "999994669",
        "06-12345678",
        "0612345678",
        "+31612345678",
        "example.nl",
        "Kaldenkerkerweg",
        "5913",
        "14-05-2002",
        "2002",
        "16.500",
        "NL91",
        "medicatie",
    ] {
        assert!(
            !shared.contains(secret),
            "'wat wordt gedeeld' holds {secret}: {shared}"
        );
    }
    top(&b).await;
    b.screenshot("dossier-stap-4").await;
    b.assert_accessible("dossier, stap 4").await;
    scroll_to(&b, "wat-wordt-gedeeld").await;
    b.screenshot("dossier-stap-4-gedeeld").await;

    // The scanner runs as you type: a BSN and a phone number in a note are marked…
    b.fill(
        "#notities-socialNetwork",
        "Moeder belt via 06-12345678; BSN 999994669 staat op de brief.",
    )
    .await;
    wait_count(&b, "mark.vondst", 2).await;
    let marks: Vec<String> = {
        let mut out = Vec::new();
        for m in b
            .client
            .find_all(Locator::Css("mark.vondst"))
            .await
            .unwrap()
        {
            out.push(m.text().await.unwrap());
        }
        out
    };
    assert!(
        marks[0].contains("06-12345678") && marks[0].contains("telefoon"),
        "{marks:?}"
    );
    assert!(
        marks[1].contains("999994669") && marks[1].contains("BSN"),
        "{marks:?}"
    );
    let page = b.text().await;
    assert!(page.contains("Vervang door [TELEFOON]") && page.contains("Vervang door [BSN]"));
    scroll_to(&b, "notities-socialNetwork").await;
    b.screenshot("dossier-stap-4-scanner").await;
    b.assert_accessible("dossier, stap 4 met vondsten").await;

    // …and "Alles vervangen" leaves a clean note and a shareable profile.
    b.click_button("Alles vervangen").await;
    wait_count(&b, "mark.vondst", 0).await;
    let note = b
        .wait_for("#notities-socialNetwork")
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    assert_eq!(
        note,
        "Moeder belt via [TELEFOON]; BSN [BSN] staat op de brief."
    );
    b.wait_for_text("Het bemiddelingsprofiel is compleet").await;
    // A note goes out only once released; the other note stays unreleased.
    let shared = text_of(&b, "#wat-wordt-gedeeld").await;
    assert!(!shared.contains("Moeder belt via [TELEFOON]"), "{shared}");
    click(&b, "#vrijgeven-notities-socialNetwork-keuze").await;
    b.wait_for_text("Vrijgegeven voor alle corporaties.").await;
    let shared = text_of(&b, "#wat-wordt-gedeeld").await;
    assert!(shared.contains("Moeder belt via [TELEFOON]"), "{shared}");
    assert!(
        !shared.contains("Schuldhulpverlening loopt; vaste lasten"),
        "{shared}"
    );
    assert!(!shared.contains("999994669") && !shared.contains("06-12345678"));

    // Step 5, and step 6 before a match: viewable, not open.
    b.click_button("Verder naar stap 5 Gesprek corporaties")
        .await;
    wait_step(&b, "Stap 5 Gesprek corporaties").await;
    assert!(
        b.text()
            .await
            .contains("Dit profiel is nog in geen enkele bundel gedeeld.")
    );
    b.click_button("Stap 6 Overeenkomst nog niet open").await;
    wait_step(&b, "Stap 6 Overeenkomst").await;
    assert!(b.text().await.contains("Deze stap is nog niet open"));
    top(&b).await;
    b.screenshot("dossier-stap-6-dicht").await;

    // A coded bundle for an association the profile fits (made on the Bundels page).
    b.click_link("Bundels").await;
    b.wait_for("#corporatie").await;
    let association = js(
        &b,
        "return [...document.querySelectorAll('#corporatie option')]\
           .filter(o => o.textContent.includes('past bij 1 dossier')).map(o => o.value)[0] || '';",
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string();
    assert!(!association.is_empty(), "an association fits the profile");
    select(&b, "#corporatie", &association).await;
    click(&b, &format!("#dossier-{id}")).await;
    b.click_button("Controleren en downloaden").await;
    b.wait_for_text("Bundel gemaakt").await;
    let name = text_of(&b, "#bundel-uitkomst p code").await;
    let envelope = downloaded(&b, &name).await;
    let mut association_vault = vaults
        .iter()
        .find(|(a, _)| *a == association)
        .map(|(_, v)| v.clone())
        .expect("a vault for every association");
    let at = association_vault
        .open_bundle(&envelope, "2026-11-28T12:00:00")
        .expect("the association opens the envelope");
    let bundle = association_vault.parties().inbox()[at].payload.clone();
    assert!(
        bundle.contains("Moeder belt via [TELEFOON]"),
        "the released note goes"
    );
    assert!(
        !bundle.contains("Schuldhulpverlening loopt; vaste lasten"),
        "an unreleased note stays"
    );

    // Step 5: the code per association, and the accepted match.
    b.click_link("Dossiers").await;
    b.click_link("Anna Maria van der Berg").await;
    wait_step(&b, "Stap 5 Gesprek corporaties").await;
    let talks = text_of(&b, "#stap-inhoud").await;
    assert!(talks.contains("Codes per woningcorporatie"), "{talks}");
    assert_eq!(count(&b, "table.codes tbody tr").await, 1);
    select(&b, "#match-corporatie", &association).await;
    // Fitting dwellings are listed first; the others only on request.
    b.wait_for("#match-ook-niet-passend").await;
    b.fill("#match-door", "Ketenregisseur Noord-Limburg").await;
    blur(&b).await;
    scroll_to(&b, "match").await;
    b.screenshot("dossier-stap-5").await;
    b.click_button("Match vastleggen").await;
    wait_step(&b, "Stap 6 Overeenkomst").await;

    // Step 6: the hand-over only after the explicit confirmation of the grondslag.
    let handover = text_of(&b, "#stap-inhoud").await;
    assert!(
        !handover.contains("Gewijzigd na delen"),
        "the associations hold the current profile"
    );
    assert!(
        handover.contains("Documenten om over te dragen"),
        "{handover}"
    );
    assert!(
        handover.contains("Verhuurdersverklaring (laatste 5 jaar): ontvangen"),
        "{handover}"
    );
    assert!(
        !handover.contains("Beschikking bewindvoering (indien aanwezig):"),
        "not applicable is not handed over"
    );
    b.fill("#overdracht-door", "M. Janssen, ketenregisseur")
        .await;
    b.click_button("Overdracht downloaden").await;
    b.wait_for_text("Bevestig eerst").await;
    click(&b, "#overdracht-bevestiging").await;
    scroll_to(&b, "overdracht-bevestiging").await;
    b.screenshot("dossier-stap-6").await;
    b.click_button("Overdracht downloaden").await;
    b.wait_for_text("De overdracht is versleuteld voor").await;
    let name = text_of(&b, "#overdracht-bestand").await;
    assert!(name.starts_with("woonkans-huurgegevens-"), "{name}");
    let envelope = downloaded(&b, &name).await;
    // Sealed to the association of the match: it opens with that association's keys.
    let parties = association_vault.parties();
    let opened = woonkans_core::envelope::open(
        &envelope,
        parties.keys().expect("the association's keys"),
        parties.contacts(),
    )
    .expect("the association opens the hand-over");
    let file = opened.payload;
    let json: serde_json::Value = serde_json::from_slice(&file).expect("the hand-over is JSON");
    assert_eq!(json["bsn"], "999994669");
    assert_eq!(json["name"]["surname"], "Berg");
    let text = String::from_utf8_lossy(&file);
    assert!(!text.contains("medicatie"), "health never goes along");
    assert!(
        !text.contains("Schuldhulpverlening loopt sinds"),
        "investigation notes stay"
    );
    assert!(text.contains("art. 6 lid 1 sub b AVG"));

    // The list shows the case with its step, gates and a complete profile.
    b.click_link("← Alle dossiers").await;
    b.wait_for("table.dossier-lijst").await;
    let row = text_of(&b, "table.dossier-lijst tbody tr").await;
    assert!(row.contains("Anna Maria van der Berg"), "{row}");
    assert!(row.contains("6 Overeenkomst"), "{row}");
    assert!(row.contains("✓ Match aanvaard"), "{row}");
    assert!(
        !row.contains("Gewijzigd na delen"),
        "the profile did not change after it was shared: {row}"
    );
    // Profile complete, and with the hand-over gone nothing waits against a norm.
    assert!(row.ends_with("Ja Wacht niet"), "{row}");
    b.screenshot("dossiers-lijst").await;
    b.assert_accessible("dossierlijst").await;

    // The log of the hand-over names the documents that went, not the one marked not applicable.
    b.click_link("Verwerkingslog").await;
    b.wait_for("table.logtabel").await;
    let handed_over = text_of(&b, "table.logtabel tbody tr").await;
    assert!(handed_over.contains("Overdracht"), "{handed_over}");
    assert!(
        handed_over.contains("Verklaring geregistreerd inkomen (IB60)"),
        "{handed_over}"
    );
    assert!(
        !handed_over.contains("Beschikking bewindvoering"),
        "a ruling marked not applicable was not handed over: {handed_over}"
    );

    // Everything happened in the browser: nothing left the origin, nothing after load.
    // (Downloads are blob: URLs made in the page, not requests.)
    let after_walk = b.requested_urls().await;
    assert_same_origin(&after_walk);
    let fetched: Vec<&String> = after_walk
        .iter()
        .filter(|u| !u.starts_with("blob:"))
        .collect();
    assert_eq!(
        after_load.len(),
        fetched.len(),
        "requests after load: {after_walk:?}"
    );
    b.close().await;
}
