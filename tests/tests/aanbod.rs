//! Aanbod & criteria through the built app: the sample offer on first start, paging and
//! filters, a spreadsheet CSV with bad rows (line-numbered errors, nothing changed until the
//! merge is confirmed), an empty file, an edit refused with a Dutch message, the downloads, the
//! CSV columns and templates, and no request to any other origin.

use fantoccini::Locator;
use std::path::{Path, PathBuf};
use std::time::Duration;
use woonkans_tests::{Browser, assert_same_origin};

const PASS: &str = "zeven blauwe fietsen in Weert";

/// Two good rows (lines 2 and 4), a row with an unknown gemeente (line 3), a row with a rent
/// that is no amount (line 5) and a third good row (line 6).
const CSV: &str = "Woning-id;Corporatie;Gemeente;Wijk;Woningtype;In complex;Kamers;Netto huur;Traploos;Rolstoeltoegankelijk;Leeftijdslabel;Min huishouden;Max huishouden;Beschikbaar per\r\n\
E2E-001;vb-maasdal;Venlo;Blerick;studio;ja;1;€ 455,10;ja;nee;geen;1;1;01-03-2026\r\n\
E2E-BAD1;vb-maasdal;Maastricht;Centrum;studio;ja;1;455,10;ja;nee;geen;1;1;01-03-2026\r\n\
E2E-002;Voorbeeld Woonstichting Maasdal;Venlo;Tegelen;appartement;nee;2;612,50;nee;nee;geen;1;2;15-04-2026\r\n\
E2E-BAD2;vb-maasdal;Venlo;Tegelen;appartement;nee;2;veel;nee;nee;geen;1;2;15-04-2026\r\n\
E2E-003;vb-peelrand;Venray;Oostrum;benedenwoning;nee;3;680;ja;ja;55+;1;2;01-06-2026\r\n";

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("woonkans-e2e-aanbod-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

async fn choose_file(b: &Browser, css: &str, path: &Path) {
    let input = b.wait_for(css).await;
    input
        .send_keys(path.to_str().unwrap())
        .await
        .expect("send the file path to the file input");
}

async fn caption(b: &Browser) -> String {
    b.client
        .find(Locator::Css("#woningen-tabel"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

#[tokio::test(flavor = "current_thread")]
async fn sample_offer_import_with_bad_rows_merge_and_export() {
    let b = Browser::start().await;
    b.open("/aanbod").await;
    b.create_vault(PASS).await;
    b.wait_for_text("Woningcorporaties en hun criteria").await;
    let text = b.text().await;
    assert!(text.contains("Geladen: 7 corporaties en 480 woningen."));
    assert!(text.contains("Voorbeeld Woonstichting Maasdal"));
    assert!(text.contains("voorbeeld"));
    assert!(text.contains("Terugvalplan vereist"));
    assert!(text.contains("Huur- en inkomensgrenzen 2026"));
    assert!(text.contains("€ 498,20"));
    assert_eq!(caption(&b).await, "Woningen, pagina 1 van 10");
    b.screenshot("aanbod").await;
    b.assert_accessible("Aanbod & criteria").await;

    // Paging and a filter.
    b.click_button("Volgende").await;
    assert_eq!(caption(&b).await, "Woningen, pagina 2 van 10");
    let gemeente = b.wait_for("#filter-gemeente").await;
    gemeente.select_by_value("Venray").await.unwrap();
    assert!(caption(&b).await.starts_with("Woningen, pagina 1 van "));
    let cells = b
        .client
        .find_all(Locator::Css("table.woningen tbody td:nth-child(3)"))
        .await
        .unwrap();
    assert!(!cells.is_empty());
    for c in cells {
        assert_eq!(c.text().await.unwrap(), "Venray");
    }
    gemeente.select_by_value("").await.unwrap();

    // An empty file: a clear message, nothing changed.
    choose_file(&b, "#aanbod-bestand", &temp_file("leeg.csv", b"")).await;
    b.wait_for_text("Het bestand is leeg.").await;
    assert!(b.text().await.contains("480 woningen"));

    // A CSV with two bad rows: the report names their lines and columns.
    choose_file(
        &b,
        "#aanbod-bestand",
        &temp_file("woningen.csv", CSV.as_bytes()),
    )
    .await;
    b.wait_for_text("3 rijen zijn goedgekeurd").await;
    let rows = b
        .client
        .find_all(Locator::Css("table.importfouten tbody tr"))
        .await
        .unwrap();
    assert_eq!(rows.len(), 2);
    let first = rows[0].text().await.unwrap();
    let second = rows[1].text().await.unwrap();
    assert!(first.starts_with("3 Gemeente"), "{first}");
    assert!(second.starts_with("5 Netto huur"), "{second}");
    assert!(!first.contains("Maastricht") && !second.contains("veel"));
    let text = b.text().await;
    assert!(text.contains("Woningen: 3 toegevoegd, 0 bijgewerkt, 480 ongewijzigd"));
    assert!(
        text.contains("Geladen: 7 corporaties en 480 woningen."),
        "nothing changes before the merge is confirmed"
    );
    b.screenshot("aanbod-import").await;

    // "Alles vervangen" asks first; going back changes nothing.
    b.click_button("Alles vervangen…").await;
    b.wait_for_text("Weet u zeker dat u alles wilt vervangen?")
        .await;
    b.screenshot("aanbod-vervangen-bevestigen").await;
    b.click_button("Nee, terug").await;
    assert!(b.text().await.contains("480 woningen"));

    b.click_button("Toevoegen en bijwerken").await;
    b.wait_for_text("Het aanbod is bijgewerkt.").await;
    assert!(
        b.text()
            .await
            .contains("Geladen: 7 corporaties en 483 woningen.")
    );
    b.click_button("Laatste").await;
    let text = b.text().await;
    for id in ["E2E-001", "E2E-002", "E2E-003"] {
        assert!(text.contains(id), "new dwelling {id} is listed");
    }
    assert!(!text.contains("E2E-BAD"));
    b.screenshot("aanbod-na-import").await;

    // An edit the offer's rules refuse: a Dutch message at the field, nothing saved.
    b.client
        .find(Locator::XPath(
            "//th/button[starts-with(normalize-space(.),'E2E-002')]",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    commit_field(&b, "#woning-minHousehold", "3").await;
    b.click_button("Woning opslaan").await;
    b.wait_for_text("De minimale huishoudgrootte is groter dan de maximale.")
        .await;
    b.screenshot("aanbod-woning-fout").await;
    // The form's fields commit on change (blur); a re-render while the next field is being
    // typed could reset it. Commit each field and check it holds what was typed.
    for (css, value) in [("#woning-minHousehold", "1"), ("#woning-rent", "599,95")] {
        commit_field(&b, css, value).await;
    }
    b.click_button("Woning opslaan").await;
    b.wait_for_text("Woning E2E-002 is opgeslagen.").await;
    assert!(b.text().await.contains("€ 599,95"));

    // Downloads: the offer as JSON with the new dwellings, and both CSVs.
    b.click_button("Aanbod downloaden (JSON)").await;
    let json = b.downloaded("woonkans-aanbod-").await;
    let name = json.file_name().unwrap().to_string_lossy().to_string();
    assert!(name.len() == "woonkans-aanbod-2026-11-28.json".len() && name.ends_with(".json"));
    let content = std::fs::read_to_string(&json).unwrap();
    assert!(content.contains("\"format\": \"woonkans-aanbod\""));
    assert!(content.contains("E2E-003") && content.contains("59995"));
    b.click_button("Woningen downloaden (CSV)").await;
    let csv = std::fs::read(b.downloaded("woonkans-woningen-").await).unwrap();
    assert!(String::from_utf8_lossy(&csv).contains("E2E-002;vb-maasdal;Venlo;Tegelen"));
    b.click_button("Corporaties downloaden (CSV)").await;
    b.downloaded("woonkans-corporaties-").await;

    // The import screen names each CSV's columns (14 for dwellings, 13 for associations, as in
    // docs/IMPORT.md) and offers a template of each, made in the browser.
    let summaries = b
        .client
        .find_all(Locator::Css("details.kolommen summary"))
        .await
        .unwrap();
    assert_eq!(summaries.len(), 2);
    for s in &summaries {
        s.click().await.unwrap();
    }
    let text = b.text().await;
    assert!(text.contains("Kolommen: corporaties met criteria (CSV)"));
    assert!(text.contains("Kolommen: woningen (CSV)"));
    let mut rows = Vec::new();
    for r in b
        .client
        .find_all(Locator::Css("table.kolommen-tabel tbody tr"))
        .await
        .unwrap()
    {
        rows.push(r.text().await.unwrap());
    }
    assert_eq!(rows.len(), 27);
    let row = |heading: &str| {
        rows.iter()
            .find(|r| r.starts_with(heading))
            .unwrap_or_else(|| panic!("no column {heading}"))
            .clone()
    };
    assert!(row("Beschikbaar per").contains("verplicht"));
    assert!(row("Traploos").contains("niet verplicht"));
    assert!(row("Terugvalplan vereist").contains("leeg is een fout"));
    b.click_button("Sjabloon downloaden: woningen (CSV)").await;
    let template = std::fs::read(b.downloaded("woonkans-sjabloon-woningen").await).unwrap();
    let template = String::from_utf8_lossy(&template);
    assert!(template.contains("Woning-id;Corporatie;Gemeente;Wijk;Woningtype"));
    assert_eq!(template.lines().count(), 2, "{template}");
    b.click_button("Sjabloon downloaden: corporaties met criteria (CSV)")
        .await;
    b.downloaded("woonkans-sjabloon-corporaties").await;

    assert_same_origin(&b.requested_urls().await);
    b.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn criteria_and_weights_are_validated_in_dutch() {
    let b = Browser::start().await;
    b.open("/aanbod").await;
    b.create_vault(PASS).await;
    b.wait_for_text("Woningcorporaties en hun criteria").await;

    b.click_button("Criteria bewerken van Voorbeeld Woonstichting Maasdal")
        .await;
    b.wait_for_text("Criteria bewerken: Voorbeeld Woonstichting Maasdal")
        .await;
    b.fill("#corporatie-minSupportHours", "veel").await;
    b.click_button("Criteria opslaan").await;
    b.wait_for_text("Er is iets niet in orde").await;
    assert!(
        b.text()
            .await
            .contains("Vul het minimum aantal uren ondersteuning per week in als getal")
    );
    b.screenshot("aanbod-criteria-fout").await;
    b.fill("#corporatie-minSupportHours", "4,5").await;
    b.click_button("Criteria opslaan").await;
    b.wait_for_text("De criteria van Voorbeeld Woonstichting Maasdal zijn opgeslagen.")
        .await;
    assert!(
        b.text()
            .await
            .contains("Minimaal 4,5 uur ondersteuning per week")
    );

    b.fill("#gewicht-area", "40").await;
    b.click_button("Gewichten opslaan").await;
    b.wait_for_text("De gewichten van de zes onderdelen moeten samen precies 100 zijn.")
        .await;
    assert!(b.text().await.contains("Samen: 110; dat moet 100 zijn."));
    b.screenshot("aanbod-gewichten-fout").await;
    b.click_button("Standaard herstellen").await;
    b.wait_for_text("De standaardgewichten zijn hersteld.")
        .await;
    assert!(b.text().await.contains("Samen: 100."));

    // Another year's rent limits, then a file that is no table.
    let mut table: serde_json::Value =
        serde_json::from_str(include_str!("../../crates/core/data/rent-limits-2026.json")).unwrap();
    table["year"] = 2027.into();
    table["kwaliteitskortingsgrensCents"] = 51_000.into();
    let path = temp_file("huurgrenzen-2027.json", table.to_string().as_bytes());
    choose_file(&b, "#huurgrenzen-bestand", &path).await;
    b.wait_for_text("De tabel voor 2027 is geladen.").await;
    assert!(b.text().await.contains("€ 510,00"));
    choose_file(
        &b,
        "#huurgrenzen-bestand",
        &temp_file("onzin.json", b"{\"jaar\": 1}"),
    )
    .await;
    b.wait_for_text("Dit bestand is geen geldige tabel").await;
    assert!(b.text().await.contains("Huur- en inkomensgrenzen 2027"));
    b.click_button("Meegeleverde tabel (2026) terugzetten")
        .await;
    b.wait_for_text("Huur- en inkomensgrenzen 2026").await;

    assert_same_origin(&b.requested_urls().await);
    b.close().await;
}

/// Types `value` into a form field and commits it (change on blur), retrying until the field
/// holds it: the form's fields commit on change, and a re-render while the browser is busy
/// (autosave, another field's commit) could otherwise reset what was typed before the click
/// on the form's button reads it.
async fn commit_field(b: &Browser, css: &str, value: &str) {
    for attempt in 0.. {
        b.fill(css, value).await;
        b.client
            .execute("document.activeElement.blur(); return true;", vec![])
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
        let now = b
            .client
            .execute(
                &format!("return document.querySelector('{css}').value;"),
                vec![],
            )
            .await
            .unwrap();
        if now.as_str() == Some(value) {
            return;
        }
        assert!(attempt < 5, "{css} does not keep {value}: {now}");
    }
}
