#![cfg(target_arch = "wasm32")]
//! Step 6 in a real browser: the care provider's huurgegevens section on the dossier page (only
//! once the koppeling came in; a refusal shown and nothing kept; the envelope downloaded) and
//! "Envelop openen" for the association, which shows what it received under the code. Every
//! file is checked on the other side by the core itself.

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use woonkans_core::code::CodeKey;
use woonkans_core::disclosure::DisclosureKind;
use woonkans_core::fixtures::{self, RESIDENTS, introduce};
use woonkans_core::handover::HandoverConfirmation;
use woonkans_core::transfer::LeaseInput;
use woonkans_core::workspace::Workspace;
use woonkans_web::route::Route;

wasm_bindgen_test_configure!(run_in_browser);

mod harness;
use harness::*;

struct Matched {
    zorg: Workspace,
    regie: Workspace,
    association: Workspace,
    association_id: String,
}

fn matched() -> Matched {
    let mut p = parties();
    introduce(&mut p.zorg, &mut p.regie, today());
    for (i, id) in IDS.iter().enumerate() {
        p.to_coordinator(id, i);
        // The care provider's step-1 dossier holds none of the step-6 values until they are
        // typed with the resident.
        let d = &mut p.zorg.case_mut(id).unwrap().dossier;
        d.birth_date = None;
        d.bsn = None;
        d.gender = None;
        p.regie.case_mut(id).unwrap().profile = fixtures::ready_draft();
    }
    let Parties {
        mut zorg,
        mut regie,
        ..
    } = p;
    let association_id = regie.offer().associations[0].id.clone();
    let mut association = fixtures::association_vault(&mut regie, &association_id, today());
    let all: Vec<String> = IDS.iter().map(|s| s.to_string()).collect();
    let (file, _) = regie
        .seal_bundle(
            &CodeKey::from_bytes([3; 32]),
            &association_id,
            &all,
            [40; 16],
            [41; 32],
            today(),
            "t",
        )
        .unwrap();
    association.open_bundle(&file.bytes, "t").unwrap();
    woonkans_core::routeplanner::accept_match(
        &mut regie,
        IDS[1],
        &association_id,
        Some("VL-0001"),
        today(),
        "Regie",
    )
    .unwrap();
    regie
        .set_safeguards(
            IDS[1],
            [woonkans_core::talks::Safeguard::RentByDirectDebit]
                .into_iter()
                .collect(),
        )
        .unwrap();
    let files = regie
        .seal_koppeling(
            IDS[1],
            Some(fp(&zorg)),
            [[50; 16], [51; 16]],
            [52; 32],
            today(),
            "t",
        )
        .unwrap();
    association.open_koppeling(&files[0].bytes, "t").unwrap();
    zorg.open_koppeling(&files[1].bytes, "t").unwrap();
    introduce(&mut zorg, &mut association, today());
    Matched {
        zorg,
        regie,
        association,
        association_id,
    }
}

async fn type_into(root: &web_sys::Element, css: &str, value: &str) {
    let input: web_sys::HtmlInputElement = find(root, css).dyn_into().unwrap();
    input.set_value(value);
    input.dispatch_event(&bubbling("input")).unwrap();
    input.dispatch_event(&bubbling("change")).unwrap();
    yew::scheduler::flush().await;
}

fn sent_at_six(ws: &Workspace, id: &str) -> usize {
    ws.case(id)
        .unwrap()
        .log
        .iter()
        .filter(|e| e.kind == DisclosureKind::TransferSent && e.step == 6)
        .count()
}

#[wasm_bindgen_test]
async fn the_care_provider_makes_the_huurgegevens_with_the_resident() {
    capture_downloads();
    let Matched {
        zorg,
        regie,
        mut association,
        association_id,
    } = matched();
    let association_name = regie
        .offer()
        .association(&association_id)
        .unwrap()
        .name
        .clone();

    // No koppeling for the first resident: no step 6.
    let (root, _) = mount(Route::Dossier(IDS[0].into()), zorg.clone()).await;
    assert!(
        !texts(&root, "nav.stapper button")
            .iter()
            .any(|t| t.starts_with("Stap 6"))
    );
    root.remove();

    let (root, spy) = mount(Route::Dossier(IDS[1].into()), zorg.clone()).await;
    show_step(&root, 6).await;
    wait_until(|| has(&root, "#huur-titel"), "the step-6 section").await;
    let t = text(&root);
    assert!(t.contains("Huurgegevens aan de corporatie"), "{t}");
    assert!(!t.contains("Deze stap is nog niet open"), "{t}");
    assert!(
        text(&find(&root, "#huur-match")).contains(&association_name),
        "{}",
        text(&find(&root, "#huur-match"))
    );
    // What was agreed at step 5 came with the koppeling.
    assert_eq!(
        text(&find(&root, "#huur-waarborgen")),
        "Afgesproken waarborgen: huur via automatische incasso of de bewindvoerder."
    );
    let r = &RESIDENTS[1];
    let (y, m, d) = r.born;
    type_into(&root, "#huur-geboortedatum", &format!("{d:02}-{m:02}-{y}")).await;
    choose_option(
        &root,
        "#huur-geslacht",
        &woonkans_views::select::key(&r.gender),
    )
    .await;
    type_into(&root, "#huur-bsn", r.bsn).await;
    find(&root, "#huur-document-brpExtract").click();
    choose_option(&root, "#huur-ontbrekend", "followsLater").await;
    type_into(&root, "#huur-bevestigd-door", "S. Verhoeven, De Brug Zorg").await;

    // Without the confirmation of the grondslag: refused, shown, nothing kept or downloaded.
    let before = download_count();
    click_button(&root, "Huurgegevens maken").await;
    wait_until(|| has(&root, "#huur-uitkomst"), "the refusal").await;
    let outcome = find(&root, "#huur-uitkomst");
    assert_eq!(outcome.get_attribute("role").as_deref(), Some("alert"));
    assert!(
        text(&outcome).contains("Bevestig eerst"),
        "{}",
        text(&outcome)
    );
    assert_eq!(focused_id(), "huur-uitkomst");
    assert_eq!(download_count(), before);
    assert!(ws_of(&spy) == zorg, "a refusal changes nothing");

    find(&root, "#huur-grondslag").click();
    yew::scheduler::flush().await;
    click_button(&root, "Huurgegevens maken").await;
    wait_until(|| download_count() == before + 1, "the download").await;
    let (name, bytes) = last_download().await;
    assert!(name.starts_with("woonkans-huurgegevens-"), "{name}");
    assert!(!name.contains(r.bsn) && !name.contains(r.surname), "{name}");
    let outcome = find(&root, "#huur-uitkomst");
    assert_eq!(outcome.get_attribute("role").as_deref(), Some("status"));
    let ws = ws_of(&spy);
    assert_eq!(sent_at_six(&ws, IDS[1]), 1);
    assert_eq!(ws.case(IDS[1]).unwrap().dossier.bsn.as_deref(), Some(r.bsn));
    root.remove();

    // The association opens it under the code the coordinator issued it for this resident.
    let code = association.open_huurgegevens(&bytes, "t").unwrap();
    assert_eq!(code, regie.case(IDS[1]).unwrap().codes[&association_id]);
    let kept = &association
        .parties()
        .huurgegevens_for(&code)
        .unwrap()
        .huurgegevens;
    assert_eq!(kept.bsn(), r.bsn);
    assert_eq!(kept.name().surname, r.surname);
    assert_eq!(kept.birth_date(), r.birth_date());
    assert_eq!(kept.documents().len(), 1);
    assert_eq!(
        kept.missing_documents(),
        Some(woonkans_core::dossier::MissingDocumentsReason::FollowsLater)
    );
}

#[wasm_bindgen_test]
async fn the_association_opens_huurgegevens_and_sees_them_under_the_code() {
    let Matched {
        mut zorg,
        regie,
        association,
        association_id,
    } = matched();
    let r = &RESIDENTS[1];
    let (y, m, d) = r.born;
    zorg.record_lease_data(
        IDS[1],
        LeaseInput {
            birth_date: format!("{d:02}-{m:02}-{y}"),
            gender: Some(r.gender),
            bsn: r.bsn.into(),
            documents: Vec::new(),
            missing_reason: Some(woonkans_core::dossier::MissingDocumentsReason::DoesNotExist),
        },
        today(),
    )
    .unwrap();
    let f = zorg
        .seal_huurgegevens(
            IDS[1],
            fp(&association),
            HandoverConfirmation {
                grondslag_confirmed: true,
                confirmed_by: "S. Verhoeven, De Brug Zorg".into(),
                date: today(),
            },
            [70; 16],
            [71; 32],
            "t",
        )
        .unwrap();
    let code = regie.case(IDS[1]).unwrap().codes[&association_id].clone();

    let (root, spy) = mount(Route::EnvelopOpenen, association.clone()).await;
    assert!(texts(&root, "nav.hoofdmenu a").contains(&"Envelop openen".to_string()));
    assert!(
        text(&root).contains("Huurgegevens van een zorgaanbieder horen bij een code"),
        "{}",
        text(&root)
    );
    choose_file(&root, "#envelopbestand", &f.file_name, &f.bytes).await;
    wait_until(|| has(&root, "#huurgegevens-ontvangen"), "the huurgegevens").await;
    let shown = text(&find(&root, "#huurgegevens-ontvangen"));
    assert!(
        shown.contains(&format!("Huurgegevens voor code {code}")),
        "{shown}"
    );
    assert!(
        shown.contains(r.bsn) && shown.contains(r.surname),
        "{shown}"
    );
    assert!(shown.contains("De Brug Zorg"), "{shown}");
    assert_eq!(focused_id(), "huurgegevens-ontvangen");
    assert_eq!(route_of(&spy), Route::EnvelopOpenen);
    let ws = ws_of(&spy);
    assert_eq!(ws.parties().huurgegevens().len(), 1);
    root.remove();

    // The same envelope again: refused, shown, nothing changes.
    let (root, spy) = mount(Route::EnvelopOpenen, ws.clone()).await;
    choose_file(&root, "#envelopbestand", &f.file_name, &f.bytes).await;
    wait_until(|| has(&root, "#envelop-fout"), "the refusal").await;
    assert_eq!(focused_id(), "envelop-fout");
    assert!(!has(&root, "#huurgegevens-ontvangen"));
    assert!(ws_of(&spy) == ws);
    root.remove();

    // Later: the list keeps them under the code, to look at again and to erase.
    let (root, spy) = mount(Route::EnvelopOpenen, ws).await;
    let koppelingen = texts(&root, "table.koppelingen tbody tr");
    assert_eq!(koppelingen.len(), 1);
    assert!(
        koppelingen[0].contains("huur via automatische incasso of de bewindvoerder"),
        "{koppelingen:?}"
    );
    let rows = texts(&root, "table.huurgegevens-lijst tbody tr");
    assert_eq!(rows.len(), 1);
    assert!(
        rows[0].contains(&code) && rows[0].contains("De Brug Zorg"),
        "{rows:?}"
    );
    assert!(
        !rows[0].contains(r.bsn),
        "the list shows no value of the resident"
    );
    // Documents of earlier mounts in this test page may still count; this one adds one.
    let before = printable_documents();
    click_button(&root, "Bekijken").await;
    assert!(text(&find(&root, "#huurgegevens-bekeken")).contains(r.bsn));
    assert_eq!(printable_documents(), before + 1);
    click_button(&root, "Wissen").await;
    assert!(text(&root).contains("Dit kan niet ongedaan worden gemaakt."));
    click_button(&root, "Ja, definitief wissen").await;
    let ws = ws_of(&spy);
    assert!(ws.parties().huurgegevens().is_empty());
    let last = ws.log().last().unwrap();
    assert_eq!(last.kind, woonkans_core::disclosure::DisclosureKind::Erased);
    assert_eq!(last.codes, std::slice::from_ref(&code));
    assert!(text(&find(&root, "#gewist")).contains(&code));
    assert!(has(&root, "#geen-huurgegevens") && !has(&root, "#huurgegevens-bekeken"));
    assert_eq!(
        printable_documents(),
        before,
        "the erased document no longer counts"
    );
    let stored = serde_json::to_string(ws.parties()).unwrap();
    assert!(!stored.contains(r.bsn) && !stored.contains(r.surname));
    root.remove();
}
