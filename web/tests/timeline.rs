#![cfg(target_arch = "wasm32")]
//! A case over time in the browser: the coordinator's list sorted and filtered by the norms,
//! the timeline on the dossier page, and the norms in the settings. Dates are set relative to the
//! browser's today, so the expected days are known here without asking the app.

mod harness;

use harness::*;
use wasm_bindgen_test::*;
use woonkans_core::date::Date;
use woonkans_core::disclosure::{DisclosureEntry, DisclosureKind};
use woonkans_core::fixtures::{self, RESIDENTS, role_vault};
use woonkans_core::keys::Role;
use woonkans_core::register::Gate;
use woonkans_core::workspace::Workspace;
use woonkans_web::route::Route;

wasm_bindgen_test_configure!(run_in_browser);

fn back(days: i64) -> Date {
    Date::from_days_since_epoch(today().days_since_epoch() - days)
}

/// A ready case taken over (gates 3 → 4) `taken` days ago, with a bundle `bundle` days ago.
fn case(ws: &mut Workspace, id: &str, i: usize, taken: i64, bundle: Option<i64>) {
    let c = fixtures::add_ready_case(ws, id, &RESIDENTS[i]);
    c.dossier.step = woonkans_core::register::Step::PlacementProfile;
    for g in &mut c.dossier.gates {
        g.date = back(if g.gate == Gate::ConsentToRegister {
            taken + 10
        } else {
            taken
        });
    }
    if let Some(days) = bundle {
        c.log.push(DisclosureEntry {
            at: format!("{}T09:30:00Z", back(days).iso()),
            step: 5,
            recipient_id: "vb-maasdal".into(),
            recipient_name: "Voorbeeld Woonstichting Maasdal".into(),
            categories: Vec::new(),
            grondslag: "Wmo".into(),
            bundle_id: "00".into(),
            codes: Vec::new(),
            kind: DisclosureKind::CodedBundle,
            message: None,
        });
    }
}

fn ids_shown(root: &web_sys::Element) -> Vec<String> {
    texts(root, "table.dossier-lijst tbody th .hint")
}

/// Opened in the order B, C, A: A waits 30 days for a first bundle (16 over the norm of 14),
/// C 20 days for a reply (6 over), B 5 days (within).
fn coordinator() -> Workspace {
    let mut ws = role_vault(Role::Regisseur, "Ketenregie Noord-Limburg", 13, today());
    case(&mut ws, "zaak-b", 1, 5, None);
    case(&mut ws, "zaak-c", 2, 40, Some(20));
    case(&mut ws, "zaak-a", 0, 30, None);
    ws
}

#[wasm_bindgen_test]
async fn the_list_puts_the_over_norm_cases_first_and_filters_them() {
    let (root, _spy) = mount(Route::Dossiers, coordinator()).await;
    assert_eq!(
        ids_shown(&root),
        ["Dossier zaak-b", "Dossier zaak-c", "Dossier zaak-a"]
    );
    let cells = texts(&root, "td.wacht");
    assert_eq!(cells.len(), 3);
    assert!(cells[0].contains("Wacht 5 dagen") && !cells[0].contains("boven de norm"));
    assert!(cells[1].contains("6 dagen boven de norm"), "{}", cells[1]);
    assert!(cells[1].contains("op de reactie van een corporatie"));
    // The marker is words and a sign, not a colour only.
    assert!(cells[2].contains("⚠") && cells[2].contains("16 dagen boven de norm"));

    choose_option(&root, "#dossier-volgorde", "urgent").await;
    assert_eq!(
        ids_shown(&root),
        ["Dossier zaak-a", "Dossier zaak-c", "Dossier zaak-b"]
    );
    find(&root, "#alleen-boven-norm").click();
    yew::scheduler::flush().await;
    assert_eq!(ids_shown(&root), ["Dossier zaak-a", "Dossier zaak-c"]);
    root.remove();

    // A care provider's list: no norms, no column, no choice of order.
    let mut zorg = role_vault(Role::Zorgaanbieder, "De Brug Zorg", 11, today());
    registered(&mut zorg, IDS[0], 0);
    let (root, _spy) = mount(Route::Dossiers, zorg).await;
    assert_eq!(ids_shown(&root).len(), 1);
    assert!(!has(&root, "td.wacht") && !has(&root, "#dossier-volgorde"));
    root.remove();
}

#[wasm_bindgen_test]
async fn the_dossier_page_shows_the_timeline_and_the_waiting() {
    let (root, _spy) = mount(Route::Dossier("zaak-c".into()), coordinator()).await;
    let section = find(&root, "section.tijdlijn");
    let rows = texts(&section, "ol.tijdlijn-lijst li");
    let date = |days| woonkans_core::vocab::date(back(days));
    assert_eq!(rows.len(), 4, "{rows:?}");
    assert!(rows[0].starts_with(&date(50)) && rows[0].contains("Toestemming/machtiging"));
    assert!(rows[1].starts_with(&date(40)) && rows[1].contains("Stap 3"));
    assert!(rows[2].starts_with(&date(40)));
    assert!(rows[3].starts_with(&date(20)));
    assert!(
        rows[3]
            .contains("Gecodeerd profiel (bundel) verstuurd aan Voorbeeld Woonstichting Maasdal."),
        "{}",
        rows[3]
    );
    let wait = find(&section, "#tijdlijn-wacht").text_content().unwrap();
    assert!(wait.contains("6 dagen boven de norm"), "{wait}");
    assert!(wait.contains("Wacht 20 dagen op de reactie van een corporatie (norm: 14 dagen)."));
    // Machine-readable dates for assistive technology and copying.
    let time = find(&section, "ol.tijdlijn-lijst li time");
    assert_eq!(time.get_attribute("datetime"), Some(back(50).iso()));
    root.remove();
}

#[wasm_bindgen_test]
async fn norms_are_set_in_the_settings_and_nonsense_changes_nothing() {
    let (root, spy) = mount(Route::Aanbod, coordinator()).await;
    set_value(&root, "#norm-reactie", "0").await;
    click_button(&root, "Normen opslaan").await;
    assert!(text(&root).contains("Een norm is een aantal dagen van 1 tot en met 365."));
    assert_eq!(ws_of(&spy).settings().norms.days_to_reply, 14);
    set_value(&root, "#norm-reactie", "30").await;
    click_button(&root, "Normen opslaan").await;
    assert!(text(&root).contains("De normen zijn opgeslagen."));
    assert_eq!(ws_of(&spy).settings().norms.days_to_reply, 30);
    // With thirty days for a reply, zaak-c (20 days) is no longer over the norm.
    let ws = ws_of(&spy);
    assert!(!ws.waiting("zaak-c", today()).unwrap().over_norm());
    root.remove();
}

#[wasm_bindgen_test]
async fn a_case_is_closed_with_how_it_ended_and_the_monitor_counts_it() {
    use woonkans_core::outcome::OutcomeKind;
    // Zaak-b's profile went to one association in a bundle.
    let mut ws = coordinator();
    let _association = fixtures::association_vault(&mut ws, "vb-maasdal", today());
    ws.seal_bundle(
        &woonkans_core::code::CodeKey::from_bytes([5; 32]),
        "vb-maasdal",
        &["zaak-b".to_string()],
        [9; 16],
        [9; 32],
        today(),
        &format!("{}T09:00:00Z", today().iso()),
    )
    .unwrap();
    let (root, spy) = mount(Route::Dossier("zaak-b".into()), ws).await;
    click_button(&root, "Zaak afsluiten").await;
    assert!(has(&root, "form.afsluiten"));
    // The form says the association will be asked to erase.
    assert!(has(&root, "#afsluiten-afmelding"));
    // No choice: a word, nothing changes.
    click_button(&root, "Afsluiten en archiveren").await;
    assert!(text(&root).contains("Kies hoe de zaak is geëindigd."));
    // Placed without an accepted match: the core's refusal, in the form.
    find(&root, "#afloop-geplaatst").click();
    yew::scheduler::flush().await;
    click_button(&root, "Afsluiten en archiveren").await;
    assert!(text(&root).contains("‘Geplaatst’ kan pas na een aanvaarde match"));
    assert!(!ws_of(&spy).case("zaak-b").unwrap().dossier.archived);

    find(&root, "#afloop-teruggetrokken").click();
    yew::scheduler::flush().await;
    click_button(&root, "Afsluiten en archiveren").await;
    let ws = ws_of(&spy);
    let case = ws.case("zaak-b").unwrap();
    assert!(case.dossier.archived);
    let outcome = case.outcome.clone().unwrap();
    assert_eq!(
        (outcome.kind, outcome.date),
        (OutcomeKind::Withdrawn, today())
    );
    assert!(!has(&root, "form.afsluiten"));
    // Withdrawn from the process: the association that got the profile is asked to erase.
    let waiting: Vec<(String, String)> = ws
        .parties()
        .notices()
        .iter()
        .map(|n| (n.association_id.clone(), n.code.clone()))
        .collect();
    assert_eq!(
        waiting,
        [("vb-maasdal".to_string(), case.codes["vb-maasdal"].clone())]
    );
    let said = find(&root, "#afgesloten").text_content().unwrap();
    let day = woonkans_core::vocab::date(today());
    assert!(
        said.contains(&format!("Afgesloten op {day}: teruggetrokken.")),
        "{said}"
    );
    let rows = texts(&root, "ol.tijdlijn-lijst li");
    assert!(
        rows.last()
            .unwrap()
            .contains("Zaak afgesloten: teruggetrokken.")
    );
    root.remove();

    // The list leaves it out; the monitor still counts it.
    let (root, _spy) = mount(Route::Dossiers, ws.clone()).await;
    assert_eq!(ids_shown(&root), ["Dossier zaak-c", "Dossier zaak-a"]);
    assert_eq!(
        find(&root, "#monitor").text_content().unwrap(),
        "Lopend: 2. Afgesloten: 1 teruggetrokken."
    );
    root.remove();

    // Back from the archive: open again, the outcome dropped, its history kept.
    let (root, spy) = mount(Route::Dossier("zaak-b".into()), ws).await;
    click_button(&root, "Terugzetten uit archief").await;
    let ws = ws_of(&spy);
    let case = ws.case("zaak-b").unwrap();
    assert!(!case.dossier.archived && case.outcome.is_none());
    // Reopened before it went: the afmelding is no longer due.
    assert!(ws.parties().notices().is_empty());
    assert_eq!(case.dossier.gates.len(), 3);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_withdrawal_names_whom_to_inform_and_erases_the_case() {
    let (root, spy) = mount(Route::Dossier("zaak-c".into()), coordinator()).await;
    click_button(&root, "Toestemming ingetrokken").await;
    let inform = find(&root, "#intrekken-informeren").text_content().unwrap();
    assert!(
        inform.contains("Laat het daarna weten aan: Voorbeeld Woonstichting Maasdal."),
        "{inform}"
    );
    // Not confirmed: a word, nothing erased.
    click_button(&root, "Intrekken en zaak wissen").await;
    assert!(text(&root).contains("Vink eerst aan"));
    assert!(ws_of(&spy).case("zaak-c").is_ok());

    find(&root, "#intrekken-bevestiging").click();
    yew::scheduler::flush().await;
    click_button(&root, "Intrekken en zaak wissen").await;
    assert_eq!(route_of(&spy), Route::Dossiers);
    let ws = ws_of(&spy);
    assert!(ws.case("zaak-c").is_err());
    assert_eq!(
        ws.log().last().unwrap().kind,
        DisclosureKind::ConsentWithdrawn
    );
    let stored = serde_json::to_string(&ws).unwrap();
    assert!(!stored.contains("zaak-c") && !stored.contains(RESIDENTS[2].bsn));
    root.remove();

    let (root, _spy) = mount(Route::Dossiers, ws).await;
    assert_eq!(ids_shown(&root), ["Dossier zaak-b", "Dossier zaak-a"]);
    assert_eq!(
        find(&root, "#monitor").text_content().unwrap(),
        "Lopend: 2. Nog geen zaak afgesloten. Toestemming ingetrokken (zaak gewist): 1."
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn an_accepted_match_that_fails_sends_the_case_back_to_step_5() {
    use woonkans_core::register::Step;
    use woonkans_core::workspace::MatchEndReason;
    let mut ws = fixtures::workspace();
    let association = ws.offer().associations[0].id.clone();
    let name = ws.offer().associations[0].name.clone();
    let c = fixtures::add_ready_case(&mut ws, "zaak-m", &RESIDENTS[0]);
    c.dossier.step = Step::AssociationTalks;
    c.codes.insert(association.clone(), "K7F3-Q9AB-X".into());
    let (root, spy) = mount(Route::Dossier("zaak-m".into()), ws).await;
    choose_option(&root, "#match-corporatie", &association).await;
    set_value(&root, "#match-door", "Ketenregisseur").await;
    click_button(&root, "Match vastleggen").await;
    assert_eq!(
        ws_of(&spy).case("zaak-m").unwrap().dossier.step,
        Step::Agreement
    );

    // Back to the step-5 tab, where the accepted match can be ended.
    show_step(&root, 5).await;
    // No koppeling went, so no afmelding is announced.
    assert!(!has(&root, "#match-einde-afmelding"));
    click_button(&root, "Match beëindigen").await;
    assert!(text(&root).contains("Kies waarom de match niet doorgaat."));
    assert!(ws_of(&spy).case("zaak-m").unwrap().accepted.is_some());

    choose_option(&root, "#match-einde-reden", "refusedByResident").await;
    click_button(&root, "Match beëindigen").await;
    let ws = ws_of(&spy);
    let case = ws.case("zaak-m").unwrap();
    assert_eq!(case.dossier.step, Step::AssociationTalks);
    assert!(case.accepted.is_none());
    assert_eq!(case.ended_matches.len(), 1);
    assert_eq!(
        case.ended_matches[0].reason,
        MatchEndReason::RefusedByResident
    );
    let history = texts(&root, ".eerdere-matches li");
    let day = woonkans_core::vocab::date(today());
    assert_eq!(
        history,
        [format!(
            "{name}: aanvaard {day}, beëindigd {day} — de inwoner heeft de woning afgewezen."
        )]
    );
    // The match form is there again, and the timeline tells both days.
    assert!(has(&root, "#match-corporatie"));
    let rows = texts(&root, "ol.tijdlijn-lijst li");
    assert!(
        rows.iter()
            .any(|r| r.contains("Poort vastgelegd: Match aanvaard"))
    );
    assert!(rows.last().unwrap().contains(&format!(
        "Match met {name} beëindigd: de inwoner heeft de woning afgewezen."
    )));
    root.remove();
}

#[wasm_bindgen_test]
async fn the_entry_date_is_recorded_on_the_dossier_and_orders_the_list() {
    let (root, spy) = mount(Route::Dossier("zaak-b".into()), coordinator()).await;
    // Without a date, waiting counts from the overdracht (5 days: no whole month).
    let since = find(&root, "#tijdlijn-wacht-sinds").text_content().unwrap();
    assert!(
        since.contains("sinds de overdracht") && since.contains("0 maanden"),
        "{since}"
    );
    set_value(&root, "#instroom-datum", &back(-3).iso()).await;
    click_button(&root, "Datum opslaan").await;
    assert!(text(&root).contains("De datum van instroom ligt in de toekomst"));
    assert_eq!(ws_of(&spy).case("zaak-b").unwrap().in_care_since, None);
    // 400 days ago is 13 whole months ago on any day (13 months are at most 397 days).
    set_value(&root, "#instroom-datum", &back(400).iso()).await;
    click_button(&root, "Datum opslaan").await;
    assert!(text(&root).contains("De datum van instroom is opgeslagen."));
    let ws = ws_of(&spy);
    assert_eq!(ws.case("zaak-b").unwrap().in_care_since, Some(back(400)));
    let since = find(&root, "#tijdlijn-wacht-sinds").text_content().unwrap();
    assert!(
        since.contains("sinds de instroom") && since.contains("13 maanden"),
        "{since}"
    );
    root.remove();

    // The list, longest waiting first: zaak-b (400 days), zaak-c (40), zaak-a (30).
    let (root, _spy) = mount(Route::Dossiers, ws).await;
    choose_option(&root, "#dossier-volgorde", "wachttijd").await;
    assert_eq!(
        ids_shown(&root),
        ["Dossier zaak-b", "Dossier zaak-c", "Dossier zaak-a"]
    );
    assert!(texts(&root, "td.wacht")[0].contains("13 maanden"));
    root.remove();
}

#[wasm_bindgen_test]
async fn priority_is_set_in_the_settings_and_explained_in_the_caseload() {
    let (root, spy) = mount(Route::Aanbod, coordinator()).await;
    set_value(&root, "#voorrang-jongeren", "90").await;
    click_button(&root, "Voorrang opslaan").await;
    assert!(text(&root).contains("De voorrang is te groot"));
    assert_eq!(ws_of(&spy).settings().priority.young, 15);
    set_value(&root, "#voorrang-jongeren", "20").await;
    click_button(&root, "Voorrang opslaan").await;
    assert!(text(&root).contains("De voorrang is opgeslagen."));
    let ws = ws_of(&spy);
    assert_eq!(ws.settings().priority.young, 20);
    root.remove();

    // Every fixture resident is 23 to 27: each placed case shows the 20 points for youth, and
    // zaak-c (taken over 40 days ago: one whole month) also 2 for waiting.
    let (root, _spy) = mount(Route::Matching, ws).await;
    click_button(&root, "Optimale toewijzing berekenen").await;
    wait_until(|| has(&root, "table.toewijzing"), "the assignment").await;
    let rows = texts(&root, "table.toewijzing tbody tr");
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert!(
        rows.iter().all(|r| r.contains("20 (jongere 18-27)")),
        "{rows:?}"
    );
    let c = rows.iter().find(|r| r.contains("zaak-c")).unwrap();
    assert!(
        c.contains("20 (jongere 18-27) + 2 (1 maand wachten)"),
        "{c}"
    );
    // zaak-a waited 30 days, a whole month or not depending on the month: the footer adds up
    // what the rows say.
    let a = rows.iter().find(|r| r.contains("zaak-a")).unwrap();
    let expected = 60 + 2 + if a.contains("1 maand wachten") { 2 } else { 0 };
    let foot = texts(&root, "table.toewijzing tfoot tr")[0].clone();
    assert!(foot.contains(&format!("+ {expected} voorrang")), "{foot}");
    root.remove();
}

#[wasm_bindgen_test]
async fn the_talks_with_an_association_are_recorded_with_a_reason_and_shown() {
    let mut ws = coordinator();
    let c = ws.case_mut("zaak-c").unwrap();
    c.codes.insert("vb-maasdal".into(), "CODE-C".into());
    c.dossier.step = woonkans_core::register::Step::AssociationTalks;
    let (root, spy) = mount(Route::Dossier("zaak-c".into()), ws).await;
    // The profile went to Maasdal 20 days ago; nothing recorded yet.
    let row = texts(&root, "table.codes tbody tr")[0].clone();
    assert!(row.contains(&woonkans_core::vocab::date(back(20))), "{row}");
    assert!(row.contains("Nog niets vastgelegd"), "{row}");

    choose_option(&root, "#gesprek-corporatie", "vb-maasdal").await;
    find(&root, "#gesprek-nee").click();
    yew::scheduler::flush().await;
    click_button(&root, "Gesprek vastleggen").await;
    assert!(text(&root).contains("Kies waarom de inwoner nee zegt."));
    assert!(ws_of(&spy).case("zaak-c").unwrap().talks.is_empty());
    choose_option(&root, "#gesprek-reden", "location").await;
    click_button(&root, "Gesprek vastleggen").await;
    let talks = ws_of(&spy).case("zaak-c").unwrap().talks.clone();
    assert_eq!(talks.len(), 1);
    assert_eq!(
        talks[0].reason,
        Some(woonkans_core::talks::RefusalReason::Location)
    );
    assert_eq!(talks[0].date, today());
    let row = texts(&root, "table.codes tbody tr")[0].clone();
    assert!(
        row.contains("De inwoner zegt nee") && row.contains("de buurt of plaats past niet"),
        "{row}"
    );
    let timeline = texts(&root, "ol.tijdlijn-lijst li");
    assert!(
        timeline
            .last()
            .unwrap()
            .contains("De inwoner zegt nee (Voorbeeld Woonstichting Maasdal)"),
        "{timeline:?}"
    );

    // The safeguards as a list.
    find(&root, "#waarborg-rentByDirectDebit").click();
    find(&root, "#waarborg-contactPerson").click();
    yew::scheduler::flush().await;
    click_button(&root, "Waarborgen opslaan").await;
    assert!(text(&root).contains("De waarborgen zijn opgeslagen."));
    let saved = ws_of(&spy).case("zaak-c").unwrap().safeguards.clone();
    use woonkans_core::talks::Safeguard;
    assert_eq!(
        saved.into_iter().collect::<Vec<_>>(),
        [Safeguard::RentByDirectDebit, Safeguard::ContactPerson]
    );
    root.remove();
}
