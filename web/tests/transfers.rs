#![cfg(target_arch = "wasm32")]
//! The aanmelding and the overdracht in a real browser: the send section of the dossier page
//! (no contact → a message with the link to the keys; a confirmed contact → the envelope is
//! downloaded; a refusal shown) and "Envelop openen" for the Wmo consultant and the
//! coordinator. Every file is checked on the other side by the core itself.

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use woonkans_core::code::CodeKey;
use woonkans_core::fixtures::{self, RESIDENTS, introduce, role_vault};
use woonkans_core::keys::Role;
use woonkans_core::register::{Gate, Step};
use woonkans_web::route::Route;

wasm_bindgen_test_configure!(run_in_browser);

mod harness;
use harness::*;

#[wasm_bindgen_test]
async fn without_a_confirmed_wmo_consultant_the_section_links_to_the_keys() {
    // Keys, but only an unconfirmed Wmo consultant and a confirmed coordinator.
    let mut zorg = role_vault(Role::Zorgaanbieder, "De Brug Zorg", 11, today());
    let mut regie = role_vault(Role::Regisseur, "Ketenregie Noord-Limburg", 13, today());
    let horst = role_vault(Role::WmoConsulent, "Wmo Horst", 14, today());
    introduce(&mut zorg, &mut regie, today());
    let (_, card) = horst.own_card_file().unwrap();
    zorg.import_card(card.as_bytes(), None, today()).unwrap();
    registered(&mut zorg, IDS[0], 0);
    zorg.add_case(IDS[1]).unwrap();

    let (root, spy) = mount(Route::Dossier(IDS[0].into()), zorg).await;
    let t = text(&root);
    assert!(t.contains("Aanmelding versturen"), "{t}");
    assert!(
        t.contains("Er staat nog geen bevestigde Wmo-consulent in uw adresboek"),
        "{t}"
    );
    assert!(!has(&root, "#ontvanger"));
    assert!(!t.contains("Aanmelding maken"));
    let link = find(&root, "section.verzenden a");
    assert_eq!(link.get_attribute("href").as_deref(), Some("/sleutels"));
    link.click();
    yew::scheduler::flush().await;
    assert_eq!(route_of(&spy), Route::Sleutels);
    root.remove();

    // The other resident has no mandate yet: no section at all.
    let mut zorg = role_vault(Role::Zorgaanbieder, "De Brug Zorg", 11, today());
    zorg.add_case(IDS[1]).unwrap();
    let (root, _) = mount(Route::Dossier(IDS[1].into()), zorg).await;
    assert!(!text(&root).contains("Aanmelding versturen"));
    root.remove();
}

#[wasm_bindgen_test]
async fn the_aanmelding_is_sealed_for_the_chosen_wmo_consultant_and_downloaded() {
    capture_downloads();
    let Parties {
        mut zorg, mut wmo, ..
    } = parties();
    registered(&mut zorg, IDS[0], 0);
    registered(&mut zorg, IDS[1], 1);
    // The second resident's aanmelding, so the first one's data cannot come along.
    let (root, spy) = mount(Route::Dossier(IDS[1].into()), zorg).await;
    // Only the confirmed Wmo consultant is offered.
    assert_eq!(texts(&root, "#ontvanger option"), ["Wmo Venlo"]);
    choose_option(&root, "#ontvanger", &fp(&wmo).to_string()).await;
    let before = download_count();
    click_button(&root, "Aanmelding maken").await;
    wait_until(|| download_count() == before + 1, "the download").await;
    let (name, bytes) = last_download().await;
    assert!(
        name.starts_with("woonkans-aanmelding-") && name.ends_with(".envelop.json"),
        "{name}"
    );
    for r in &RESIDENTS[..2] {
        assert!(!name.contains(r.surname), "{name}");
    }
    let t = text(&root);
    assert!(
        t.contains("De aanmelding is versleuteld voor Wmo Venlo"),
        "{t}"
    );
    assert!(t.contains(&name), "{t}");
    assert_eq!(focused_id(), "verzend-uitkomst");
    let outcome = find(&root, "#verzend-uitkomst");
    assert_eq!(outcome.get_attribute("role").as_deref(), Some("status"));
    let after = ws_of(&spy);
    assert_eq!(sent(&after, IDS[1]), 1);
    assert_eq!(sent(&after, IDS[0]), 0);
    root.remove();

    // The Wmo consultant's own core opens it: the second resident, and only them.
    let id = wmo.open_aanmelding(&bytes, "2026-12-01T10:00").unwrap();
    assert_eq!(id, IDS[1]);
    let d = &wmo.case(&id).unwrap().dossier;
    assert_eq!(d.name, RESIDENTS[1].name());
    assert_eq!(d.phones, vec!["06-12345671".to_string()]);
}

#[wasm_bindgen_test]
async fn the_overdracht_is_offered_after_the_gates_and_a_refusal_is_shown() {
    capture_downloads();
    let Parties {
        mut zorg,
        mut wmo,
        mut regie,
        ..
    } = parties();
    for (i, id) in IDS.iter().enumerate() {
        registered(&mut zorg, id, i);
        let f = zorg
            .seal_aanmelding(
                id,
                fp(&wmo),
                [i as u8 + 1; 16],
                [7; 32],
                today(),
                "2026-12-01T09:00",
            )
            .unwrap();
        wmo.open_aanmelding(&f.bytes, "2026-12-01T10:00").unwrap();
    }
    // The first resident is investigated; the second has the gates recorded but no facts, so
    // the core refuses its overdracht.
    investigated(&mut wmo, IDS[0], 0);
    {
        let d = &mut wmo.case_mut(IDS[1]).unwrap().dossier;
        for gate in [
            Gate::EligibilityAndSupportPlan,
            Gate::ConsentToShareWithCoordinator,
        ] {
            d.record_gate(gate, today(), "Wmo-consulent Venlo").unwrap();
        }
    }
    let expected = wmo
        .clone()
        .seal_overdracht(IDS[1], fp(&regie), [1; 32], [2; 16], [3; 32], today(), "x")
        .unwrap_err()
        .message;

    let (root, spy) = mount(Route::DossierProfile(IDS[1].into(), None), wmo.clone()).await;
    // The Wmo consultant has no step 4: the page shows step 3 with the section.
    let t = text(&root);
    assert!(t.contains("Overdracht aan de regisseur"), "{t}");
    assert_eq!(
        texts(&root, "#ontvanger option"),
        ["Ketenregie Noord-Limburg"]
    );
    let before = download_count();
    click_button(&root, "Overdracht maken").await;
    wait_until(|| has(&root, "#verzend-uitkomst"), "the outcome").await;
    let outcome = find(&root, "#verzend-uitkomst");
    assert_eq!(outcome.get_attribute("role").as_deref(), Some("alert"));
    assert!(text(&outcome).contains(&expected), "{}", text(&outcome));
    assert_eq!(focused_id(), "verzend-uitkomst");
    assert_eq!(download_count(), before);
    assert!(ws_of(&spy) == wmo, "a refusal changes nothing");
    root.remove();

    // The first resident's overdracht is made and opens at the coordinator, without identity.
    let (root, spy) = mount(Route::DossierProfile(IDS[0].into(), None), wmo).await;
    click_button(&root, "Overdracht maken").await;
    wait_until(|| download_count() == before + 1, "the download").await;
    let (name, bytes) = last_download().await;
    assert!(name.starts_with("woonkans-overdracht-"), "{name}");
    assert!(
        text(&root).contains("De overdracht is versleuteld voor Ketenregie Noord-Limburg"),
        "{}",
        text(&root)
    );
    assert_eq!(sent(&ws_of(&spy), IDS[0]), 1);
    root.remove();
    let id = regie.open_overdracht(&bytes, "2026-12-01T12:00").unwrap();
    assert_eq!(id, IDS[0]);
    let case = regie.case(&id).unwrap();
    assert!(case.dossier.name.surname.is_empty() && case.dossier.bsn.is_none());
    assert_eq!(
        case.overdracht.as_ref().unwrap().facts().living_situation,
        Some(RESIDENTS[0].living_situation)
    );
}

#[wasm_bindgen_test]
async fn the_wmo_consultant_opens_an_aanmelding_into_a_new_dossier() {
    let Parties { mut zorg, wmo, .. } = parties();
    registered(&mut zorg, IDS[0], 0);
    registered(&mut zorg, IDS[1], 1);
    let f = zorg
        .seal_aanmelding(
            IDS[1],
            fp(&wmo),
            [5; 16],
            [7; 32],
            today(),
            "2026-12-01T09:00",
        )
        .unwrap();
    let (root, spy) = mount(Route::EnvelopOpenen, wmo).await;
    assert_eq!(
        find(&root, "main h1").text_content().unwrap(),
        "Envelop openen"
    );
    assert!(texts(&root, "nav.hoofdmenu a").contains(&"Envelop openen".to_string()));
    assert!(text(&root).contains("Kies een envelop"));
    choose_file(&root, "#envelopbestand", &f.file_name, &f.bytes).await;
    wait_until(
        || route_of(&spy) == Route::Dossier(IDS[1].into()),
        "the new dossier",
    )
    .await;
    let ws = ws_of(&spy);
    assert_eq!(ws.cases().len(), 1);
    assert_eq!(ws.case(IDS[1]).unwrap().dossier.name, RESIDENTS[1].name());
    // The dossier shows the name.
    let surname = RESIDENTS[1].surname;
    wait_until(|| text(&root).contains(surname), "the name on the dossier").await;
    root.remove();

    // The same envelope again: refused, shown, nothing changes.
    let (root, spy) = mount(Route::EnvelopOpenen, ws.clone()).await;
    choose_file(&root, "#envelopbestand", &f.file_name, &f.bytes).await;
    wait_until(|| has(&root, "#envelop-fout"), "the refusal").await;
    let t = text(&find(&root, "#envelop-fout"));
    assert!(t.contains("Deze aanmelding is niet geopend"), "{t}");
    assert_eq!(focused_id(), "envelop-fout");
    assert_eq!(route_of(&spy), Route::EnvelopOpenen);
    assert!(ws_of(&spy) == ws);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_coordinator_opens_an_overdracht_into_a_case_without_identity() {
    let Parties {
        mut zorg,
        mut wmo,
        regie,
        ..
    } = parties();
    for (i, id) in IDS.iter().enumerate() {
        registered(&mut zorg, id, i);
        let f = zorg
            .seal_aanmelding(
                id,
                fp(&wmo),
                [i as u8 + 1; 16],
                [7; 32],
                today(),
                "2026-12-01T09:00",
            )
            .unwrap();
        wmo.open_aanmelding(&f.bytes, "2026-12-01T10:00").unwrap();
        investigated(&mut wmo, id, i);
    }
    let aanmelding = zorg
        .clone()
        .seal_aanmelding(IDS[0], fp(&wmo), [9; 16], [7; 32], today(), "x")
        .unwrap();
    let f = wmo
        .seal_overdracht(
            IDS[0],
            fp(&regie),
            [4; 32],
            [6; 16],
            [7; 32],
            today(),
            "2026-12-01T11:00",
        )
        .unwrap();

    // The coordinator's empty list: no "Nieuw dossier", a way to "Envelop openen".
    let (root, spy) = mount(Route::Dossiers, regie.clone()).await;
    assert!(!text(&root).contains("Nieuw dossier"));
    let link = find(&root, "#zaken-via-overdracht a");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/envelop-openen")
    );
    link.click();
    yew::scheduler::flush().await;
    assert_eq!(route_of(&spy), Route::EnvelopOpenen);
    // An aanmelding is not for the coordinator: refused, nothing changes.
    choose_file(
        &root,
        "#envelopbestand",
        &aanmelding.file_name,
        &aanmelding.bytes,
    )
    .await;
    wait_until(|| has(&root, "#envelop-fout"), "the refusal").await;
    // The heading names what the file is; the message says it is another party's.
    let t = text(&find(&root, "#envelop-fout"));
    assert!(t.contains("Deze aanmelding is niet geopend"), "{t}");
    assert!(t.contains("voor een andere partij"), "{t}");
    assert!(ws_of(&spy) == regie);
    // The overdracht opens into the case at step 4.
    choose_file(&root, "#envelopbestand", &f.file_name, &f.bytes).await;
    wait_until(
        || route_of(&spy) == Route::Dossier(IDS[0].into()),
        "the new case",
    )
    .await;
    let ws = ws_of(&spy);
    assert_eq!(
        ws.case(IDS[0]).unwrap().dossier.step,
        Step::PlacementProfile
    );
    wait_until(|| text(&root).contains("Dossiernummer"), "the case page").await;
    let t = text(&root);
    assert!(
        t.contains(&format!("Dossiernummer {}, gemeente Venlo", IDS[0])),
        "{t}"
    );
    // Its tabs are the coordinator's steps 4 and 5.
    assert_eq!(texts(&root, ".stapper .stap-nummer"), ["Stap 4", "Stap 5"]);
    for r in &RESIDENTS[..2] {
        // As a word: "Berg" is also in the gemeente "Bergen (L.)" of the search area.
        assert!(!has_word(&t, r.surname), "{}: {t}", r.surname);
        assert!(!has_word(&t, r.first_names), "{t}");
        assert!(!t.contains(r.bsn), "{t}");
    }
    assert!(
        !t.contains("Kerkstraat") && !t.contains("06-1234567"),
        "{t}"
    );
    root.remove();

    // The list names the case by its number and gemeente.
    let (root, _) = mount(Route::Dossiers, ws).await;
    let rows = texts(&root, ".dossier-lijst tbody th a");
    assert_eq!(rows, [format!("Dossiernummer {}, gemeente Venlo", IDS[0])]);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_coordinator_sends_the_koppeling_and_both_parties_open_it() {
    capture_downloads();
    let Parties {
        mut zorg,
        mut wmo,
        mut regie,
        ..
    } = parties();
    introduce(&mut zorg, &mut regie, today());
    for (i, id) in IDS.iter().enumerate() {
        registered(&mut zorg, id, i);
        let f = zorg
            .seal_aanmelding(id, fp(&wmo), [i as u8 + 1; 16], [7; 32], today(), "t")
            .unwrap();
        wmo.open_aanmelding(&f.bytes, "t").unwrap();
        investigated(&mut wmo, id, i);
        let f = wmo
            .seal_overdracht(
                id,
                fp(&regie),
                [i as u8 + 9; 32],
                [i as u8 + 30; 16],
                [9; 32],
                today(),
                "t",
            )
            .unwrap();
        regie.open_overdracht(&f.bytes, "t").unwrap();
        regie.case_mut(id).unwrap().profile = fixtures::ready_draft();
    }
    let association_id = regie.offer().associations[0].id.clone();
    let association_name = regie.offer().associations[0].name.clone();
    let mut association = fixtures::association_vault(&mut regie, &association_id, today());
    let key = CodeKey::from_bytes([7; 32]);
    let all: Vec<String> = IDS.iter().map(|s| s.to_string()).collect();
    let (bundle, _) = regie
        .seal_bundle(
            &key,
            &association_id,
            &all,
            [40; 16],
            [41; 32],
            today(),
            "t",
        )
        .unwrap();
    association.open_bundle(&bundle.bytes, "t").unwrap();
    // The second resident's match is accepted, so the first one's code cannot come along.
    woonkans_core::routeplanner::accept_match(
        &mut regie,
        IDS[1],
        &association_id,
        None,
        today(),
        "Regie",
    )
    .unwrap();
    let codes: Vec<String> = IDS
        .iter()
        .map(|id| regie.case(id).unwrap().codes[&association_id].clone())
        .collect();

    // No koppeling offered on the case without an accepted match.
    let (root, _) = mount(Route::Dossier(IDS[0].into()), regie.clone()).await;
    assert!(!text(&root).contains("Koppeling versturen"));
    root.remove();

    let (root, spy) = mount(Route::Dossier(IDS[1].into()), regie).await;
    wait_until(
        || text(&root).contains("Koppeling versturen"),
        "the koppeling section",
    )
    .await;
    assert_eq!(texts(&root, "#ontvanger option"), ["De Brug Zorg"]);
    let before = download_count();
    click_button(&root, "Koppeling maken").await;
    wait_until(
        || download_count() == before + 1,
        "the association's download",
    )
    .await;
    // A browser allows one download per click: the care provider's has its own button.
    let t = text(&find(&root, "#verzend-uitkomst"));
    assert!(
        t.contains(&format!("De envelop voor {association_name} is gedownload")),
        "{t}"
    );
    assert_eq!(focused_id(), "verzend-uitkomst");
    click_button(&root, "Envelop voor De Brug Zorg downloaden").await;
    wait_until(|| download_count() == before + 2, "two downloads").await;
    let t = text(&root);
    assert!(t.contains(&format!("voor {association_name}")), "{t}");
    assert!(t.contains("voor De Brug Zorg"), "{t}");
    let after = ws_of(&spy);
    assert_eq!(sent(&after, IDS[1]), 2);
    assert_eq!(sent(&after, IDS[0]), 0);
    root.remove();
    let names: Vec<String> = js_sys::eval("window.__woonkansDownloads.slice(-2).map(d => d[0])")
        .unwrap()
        .dyn_into::<js_sys::Array>()
        .unwrap()
        .iter()
        .map(|v| v.as_string().unwrap())
        .collect();
    let for_care = last_download().await;
    assert_eq!(for_care.0, names[1]);
    js_sys::eval("window.__woonkansDownloads.pop()").unwrap();
    let for_association = last_download().await;
    assert_eq!(for_association.0, names[0]);

    // The association opens its copy on "Envelop openen": the care provider of code 2.
    let (root, spy) = mount(Route::EnvelopOpenen, association).await;
    assert!(texts(&root, "nav.hoofdmenu a").contains(&"Envelop openen".to_string()));
    choose_file(
        &root,
        "#envelopbestand",
        &for_association.0,
        &for_association.1,
    )
    .await;
    wait_until(|| has(&root, "#envelop-geopend"), "the koppeling opened").await;
    let t = text(&find(&root, "#envelop-geopend"));
    assert!(t.contains(&codes[1]) && !t.contains(&codes[0]), "{t}");
    assert!(t.contains("De Brug Zorg"), "{t}");
    assert_eq!(focused_id(), "envelop-geopend");
    let kept = ws_of(&spy);
    assert_eq!(kept.parties().koppelingen().len(), 1);
    // The care provider's copy is not for this vault: refused by name, nothing kept.
    choose_file(&root, "#envelopbestand", &for_care.0, &for_care.1).await;
    wait_until(|| has(&root, "#envelop-fout"), "the refusal").await;
    let t = text(&find(&root, "#envelop-fout"));
    assert!(t.contains("Deze koppeling is niet geopend"), "{t}");
    assert_eq!(ws_of(&spy).parties().koppelingen().len(), 1);
    root.remove();

    // The care provider opens its own copy: it lands on the second resident's dossier.
    let (root, spy) = mount(Route::EnvelopOpenen, zorg).await;
    choose_file(&root, "#envelopbestand", &for_care.0, &for_care.1).await;
    wait_until(
        || route_of(&spy) == Route::Dossier(IDS[1].into()),
        "the matched dossier",
    )
    .await;
    let z = ws_of(&spy);
    assert!(z.case(IDS[1]).unwrap().accepted.is_some());
    assert!(z.case(IDS[0]).unwrap().accepted.is_none());
    // And the same file again is refused as already opened.
    let mut again = z.clone();
    assert!(matches!(
        again.open_received(&for_care.1, None, "t"),
        Err(e) if e.code == "ENVELOPE_ALREADY_PROCESSED"
    ));
    root.remove();
}

/// The coordinator of `parties()` with both residents' cases from overdrachten, and a second
/// coordinator that knows it.
fn two_coordinators() -> (
    woonkans_core::workspace::Workspace,
    woonkans_core::workspace::Workspace,
) {
    let mut p = parties();
    for (i, id) in IDS.iter().enumerate() {
        to_coordinator(&mut p, id, i);
    }
    let mut regie = p.regie;
    let mut other = role_vault(Role::Regisseur, "Procesregie Noord-Limburg", 15, today());
    introduce(&mut regie, &mut other, today());
    (regie, other)
}

#[wasm_bindgen_test]
async fn a_case_is_handed_to_another_coordinator_and_erased_after_the_confirmation() {
    capture_downloads();
    let (regie, mut other) = two_coordinators();
    let (root, spy) = mount(Route::Overdragen, regie).await;
    let choices = texts(&root, "#overdragen-zaken option");
    assert_eq!(choices[0], "Alle zaken van deze kluis (2)");
    assert_eq!(choices.len(), 3);
    // Only the other coordinator is offered, not the Wmo consultant.
    assert_eq!(
        texts(&root, "#overdragen-ontvanger option"),
        ["Procesregie Noord-Limburg"]
    );
    choose_option(&root, "#overdragen-zaken", IDS[1]).await;
    let before = download_count();
    click_button(&root, "Overdracht maken en downloaden").await;
    wait_until(|| download_count() == before + 1, "the download").await;
    let (name, bytes) = last_download().await;
    assert!(name.starts_with("woonkans-overdracht-regisseur-"), "{name}");
    let t = text(&root);
    assert!(
        t.contains("1 zaak is versleuteld voor Procesregie Noord-Limburg"),
        "{t}"
    );
    assert_eq!(focused_id(), "overdragen-uitkomst");
    let after = ws_of(&spy);
    assert!(after.case(IDS[1]).is_err() && after.case(IDS[0]).is_ok());
    assert_eq!(after.parties().moved_out().len(), 1);
    // The waiting envelope is shown with its case.
    assert!(t.contains("1 zaak op"), "{t}");
    assert!(t.contains(&format!("Dossiernummer {}", IDS[1])), "{t}");

    // The other coordinator's own core opens it: that case, and only that one.
    let opened = other.open_received(&bytes, None, "t").unwrap();
    assert_eq!(
        opened,
        woonkans_core::transfer::Received::Cases(vec![IDS[1].to_string()])
    );
    assert!(other.case(IDS[0]).is_err());

    // Erasing needs the tick; then the case is gone and the log keeps the sending.
    click_button(&root, "Uit deze kluis verwijderen").await;
    assert!(
        text(&root).contains("Vink eerst aan dat de andere regisseur de overdracht heeft geopend"),
        "{}",
        text(&root)
    );
    assert_eq!(ws_of(&spy).parties().moved_out().len(), 1);
    let tick: web_sys::HtmlInputElement = find(&root, ".overgedragen input[type=checkbox]")
        .dyn_into()
        .unwrap();
    tick.click();
    yew::scheduler::flush().await;
    click_button(&root, "Uit deze kluis verwijderen").await;
    let t = text(&root);
    assert!(
        t.contains("1 overgedragen zaak is uit deze kluis verwijderd"),
        "{t}"
    );
    let after = ws_of(&spy);
    assert!(after.parties().moved_out().is_empty());
    assert!(
        after
            .log()
            .iter()
            .any(|e| e.message == Some(woonkans_core::envelope::MessageType::OverdrachtRegisseur))
    );
    assert!(!has(&root, ".overgedragen"));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_lost_caseload_envelope_is_taken_back_and_the_dossiers_page_links_here() {
    let (mut regie, other) = two_coordinators();
    let all: Vec<String> = IDS.iter().map(|s| s.to_string()).collect();
    regie
        .seal_caseload(&all, fp(&other), [1; 16], [2; 32], today(), "t")
        .unwrap();
    let (root, spy) = mount(Route::Overdragen, regie).await;
    assert!(has(&root, "#geen-zaken"));
    assert!(text(&root).contains("2 zaken op"));
    click_button(&root, "Envelop niet aangekomen: terugzetten").await;
    assert!(text(&root).contains("2 zaken staan terug in uw werk."));
    assert_eq!(ws_of(&spy).cases().len(), 2);
    root.remove();

    let (regie, _) = two_coordinators();
    let (root, spy) = mount(Route::Dossiers, regie).await;
    let link = find(&root, "#zaken-overdragen a");
    link.click();
    yew::scheduler::flush().await;
    assert_eq!(route_of(&spy), Route::Overdragen);
    root.remove();
    // The Wmo consultant has no such link, and the page says it is not for this vault.
    let Parties { wmo, .. } = parties();
    let (root, _) = mount(Route::Dossiers, wmo.clone()).await;
    assert!(!has(&root, "#zaken-overdragen"));
    root.remove();
}

/// Presses the button `button` of the form that holds the element `inside`.
async fn press_in_form(root: &web_sys::Element, inside: &str, button: &str) {
    let form = find(root, inside).closest("form").unwrap().unwrap();
    let pressed: web_sys::HtmlElement = form
        .query_selector(button)
        .unwrap()
        .unwrap_or_else(|| panic!("no {button} beside {inside}"))
        .dyn_into()
        .unwrap();
    pressed.click();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn a_withdrawal_leaves_an_afmelding_per_association_on_the_dossier_list() {
    use woonkans_core::transfer::Received;
    capture_downloads();
    let (mut regie, _) = two_coordinators();
    let ids: Vec<String> = IDS.iter().map(|s| s.to_string()).collect();
    for id in &ids {
        regie.case_mut(id).unwrap().profile = fixtures::ready_draft();
    }
    let association_ids: Vec<String> = regie.offer().associations[..2]
        .iter()
        .map(|a| a.id.clone())
        .collect();
    let mut associations = Vec::new();
    for (n, a) in association_ids.iter().enumerate() {
        let mut vault = fixtures::association_vault(&mut regie, a, today());
        let (file, _) = regie
            .seal_bundle(
                &CodeKey::from_bytes([5; 32]),
                a,
                &ids,
                [70 + n as u8; 16],
                [71; 32],
                today(),
                "t",
            )
            .unwrap();
        vault.open_bundle(&file.bytes, "t").unwrap();
        associations.push(vault);
    }
    let code_at_first = regie.case(IDS[0]).unwrap().codes[&association_ids[0]].clone();
    regie
        .withdraw_consent(IDS[0], "2026-11-20T14:00:00Z")
        .unwrap();
    let names: Vec<String> = association_ids
        .iter()
        .map(|a| regie.offer().association(a).unwrap().name.clone())
        .collect();

    let (root, spy) = mount(Route::Dossiers, regie).await;
    let mut expected = names.clone();
    expected.sort();
    assert_eq!(texts(&root, ".afmelding h3"), expected);
    assert!(text(&root).contains("Voor 1 inwoner (toestemming ingetrokken), sinds 20-11-2026."));

    // "Told otherwise" needs the tick; the refusal takes the focus and changes nothing.
    let second = format!("#afmelding-anders-{}", association_ids[1]);
    press_in_form(&root, &second, "button[type=submit]").await;
    assert!(text(&root).contains("Vink eerst aan"), "{}", text(&root));
    assert_eq!(focused_id(), "afmeldingen-uitkomst");
    assert_eq!(ws_of(&spy).parties().notices().len(), 2);

    // The first association's envelope: downloaded, opened by that association's own core.
    let before = download_count();
    let first = format!("#afmelding-{}", association_ids[0]);
    press_in_form(&root, &first, "button[type=button]").await;
    wait_until(|| download_count() == before + 1, "the download").await;
    let (name, bytes) = last_download().await;
    assert!(name.starts_with("woonkans-afmelding-"), "{name}");
    assert!(text(&root).contains(&format!("De afmelding voor {} is gedownload", names[0])));
    assert_eq!(focused_id(), "afmeldingen-uitkomst");
    let left: Vec<String> = ws_of(&spy)
        .parties()
        .notices()
        .iter()
        .map(|n| n.association_id.clone())
        .collect();
    assert_eq!(left, [association_ids[1].clone()]);
    let Received::Afmelding(erasure) = associations[0].open_received(&bytes, None, "t").unwrap()
    else {
        panic!("not an afmelding")
    };
    assert_eq!(erasure.erased, [code_at_first]);

    // The second, told otherwise: ticked, then gone from the list and in the log.
    let tick: web_sys::HtmlInputElement = find(&root, &second).dyn_into().unwrap();
    tick.click();
    yew::scheduler::flush().await;
    press_in_form(&root, &second, "button[type=submit]").await;
    assert!(
        text(&root).contains("buiten de app gevraagd te wissen"),
        "{}",
        text(&root)
    );
    assert!(ws_of(&spy).parties().notices().is_empty());
    assert!(!has(&root, "form.afmelding"));
    root.remove();
}

#[wasm_bindgen_test]
async fn ending_a_match_after_its_koppeling_leaves_an_afmelding_for_that_association() {
    let (mut regie, _) = two_coordinators();
    let ids: Vec<String> = IDS.iter().map(|s| s.to_string()).collect();
    for id in &ids {
        regie.case_mut(id).unwrap().profile = fixtures::ready_draft();
    }
    let association_id = regie.offer().associations[0].id.clone();
    let name = regie.offer().associations[0].name.clone();
    let mut association = fixtures::association_vault(&mut regie, &association_id, today());
    let (file, _) = regie
        .seal_bundle(
            &CodeKey::from_bytes([5; 32]),
            &association_id,
            &ids,
            [70; 16],
            [71; 32],
            today(),
            "t",
        )
        .unwrap();
    association.open_bundle(&file.bytes, "t").unwrap();
    for id in IDS {
        woonkans_core::routeplanner::accept_match(
            &mut regie,
            id,
            &association_id,
            None,
            today(),
            "Regie",
        )
        .unwrap();
    }
    // Only the second resident's koppeling went.
    regie
        .seal_koppeling(IDS[1], None, [[72; 16], [73; 16]], [74; 32], today(), "t")
        .unwrap();

    // Ends the match of `id` on its step-5 tab; returns what the form said of an afmelding.
    async fn end(root: &web_sys::Element, spy: &Spy, id: &str) -> Option<String> {
        show_step(root, 5).await;
        let told = has(root, "#match-einde-afmelding")
            .then(|| text(&find(root, "#match-einde-afmelding")));
        choose_option(root, "#match-einde-reden", "refusedByAssociation").await;
        click_button(root, "Match beëindigen").await;
        assert!(ws_of(spy).case(id).unwrap().accepted.is_none());
        told
    }
    let (root, spy) = mount(Route::Dossier(IDS[0].into()), regie).await;
    assert_eq!(end(&root, &spy, IDS[0]).await, None);
    assert!(ws_of(&spy).parties().notices().is_empty());
    root.remove();
    let (root, spy) = mount(Route::Dossier(IDS[1].into()), ws_of(&spy)).await;
    let said = end(&root, &spy, IDS[1]).await.unwrap();
    assert!(
        said.contains("De corporatie kreeg de koppeling al"),
        "{said}"
    );
    root.remove();

    let (root, _) = mount(Route::Dossiers, ws_of(&spy)).await;
    assert_eq!(texts(&root, ".afmelding h3"), [name]);
    assert!(text(&root).contains("Voor 1 inwoner (match beëindigd)"));
    root.remove();
}
