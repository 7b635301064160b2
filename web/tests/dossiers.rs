#![cfg(target_arch = "wasm32")]
//! The dossier list and the dossier page (stepper, register panel, inline validation, gates,
//! profile builder with the note scanner, "wat wordt gedeeld", match and hand-over) in a real
//! browser, with a real (freshly made) vault behind the app's context.

mod parties;

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use woonkans_core::code::CodeKey;
use woonkans_core::date::Date;
use woonkans_core::dossier::{Address, Contact, Income, IncomeSource, PersonName};
use woonkans_core::fixtures;
use woonkans_core::profile::{Gender, LivingSituation, ProfileCategory};
use woonkans_core::register::{Gate, Step};
use woonkans_core::targetgroup::TargetGroupAnswers;
use woonkans_core::workspace::{Case, Workspace};
use woonkans_web::pages::Page;
use woonkans_web::route::Route;
use woonkans_web::session::Open;
use woonkans_web::state::{AppContext, AppState, Session};
use woonkans_web::vault;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const PASS: &str = "paarse olifant fietst door Venlo";
const BSN: &str = "999994669";

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

fn fill_step1(case: &mut Case) {
    let x = &mut case.dossier;
    x.name = PersonName {
        first_names: "Anna Maria".into(),
        tussenvoegsel: "van der".into(),
        surname: "Berg".into(),
        call_name: String::new(),
    };
    x.address = Address {
        kind: Default::default(),
        street: "Kaldenkerkerweg".into(),
        house_number: 20,
        house_number_addition: String::new(),
        postcode: "5913 AE".into(),
        place: "Venlo".into(),
    };
    x.gemeente = "Venlo".into();
    x.phones = vec!["06-87654321".into()];
    x.care_provider = Some(Contact {
        organisation: "Zorgaanbieder De Brug".into(),
        person: String::new(),
    });
}

fn fill_step3(case: &mut Case) {
    let x = &mut case.dossier;
    x.wmo_consultant = Some(Contact {
        organisation: "Gemeente Venlo".into(),
        person: String::new(),
    });
    x.birth_date = Some(d(2002, 5, 14));
    x.bsn = Some(BSN.into());
    x.gender = Some(Gender::Female);
    x.living_situation = Some(LivingSituation::ShelteredHousing);
    x.income = Some(Income {
        yearly_amount_euros: 16_500,
        source: IncomeSource::Benefits,
    });
    x.target_group = TargetGroupAnswers {
        status_holder: Some(false),
        labour_migrant: Some(false),
        regular_route_impossible: Some(true),
        support_need_independent_living: Some(true),
    };
    for (g, day) in [
        (Gate::ConsentToRegister, 1),
        (Gate::EligibilityAndSupportPlan, 2),
        (Gate::ConsentToShareWithCoordinator, 2),
    ] {
        x.record_gate(g, d(2026, 1, day), "Wmo-consulent").unwrap();
    }
    x.step = Step::PlacementProfile;
}

/// The fixture's complete profile, with 2.5 hours of support.
fn fill_profile(case: &mut Case) {
    case.profile = fixtures::ready_draft();
    case.profile.support_hours_per_week = Some(2.5);
}

fn workspace() -> Workspace {
    fixtures::workspace()
}

#[derive(Properties)]
struct HostProps {
    state: AppState,
    spy: Rc<RefCell<Option<AppContext>>>,
}

impl PartialEq for HostProps {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// The app's context around the routed page, with a spy on the state.
#[function_component(Host)]
fn host(p: &HostProps) -> Html {
    let state = use_reducer(|| p.state.clone());
    *p.spy.borrow_mut() = Some(state.clone());
    html! {
        <ContextProvider<AppContext> context={state.clone()}>
            <Page route={state.route.clone()} />
        </ContextProvider<AppContext>>
    }
}

type Spy = Rc<RefCell<Option<AppContext>>>;

async fn mount(route: Route, ws: Workspace) -> (web_sys::Element, Spy) {
    vault::wipe();
    let v = vault::create(PASS).await.unwrap();
    let open = Open {
        vault: v,
        key: CodeKey::from_bytes([7; 32]),
        ws,
        damaged: Vec::new(),
    };
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let spy = Rc::new(RefCell::new(None));
    let state = AppState {
        session: Session::Open(Rc::new(open)),
        route,
        ..AppState::default()
    };
    yew::Renderer::<Host>::with_root_and_props(
        root.clone(),
        HostProps {
            state,
            spy: spy.clone(),
        },
    )
    .render();
    yew::scheduler::flush().await;
    (root, spy)
}

fn ws_of(spy: &Spy) -> Workspace {
    spy.borrow().as_ref().unwrap().workspace().unwrap().clone()
}

fn find(root: &web_sys::Element, css: &str) -> web_sys::HtmlElement {
    root.query_selector(css)
        .unwrap()
        .unwrap_or_else(|| panic!("no {css}"))
        .dyn_into()
        .unwrap()
}

fn all(root: &web_sys::Element, css: &str) -> Vec<web_sys::Element> {
    let list = root.query_selector_all(css).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into().ok())
        .collect()
}

fn text(root: &web_sys::Element) -> String {
    root.text_content().unwrap_or_default()
}

fn fire(target: &web_sys::EventTarget, kind: &str) {
    let event = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_event("Event")
        .unwrap();
    event.init_event_with_bubbles_and_cancelable(kind, true, false);
    target.dispatch_event(&event).unwrap();
}

/// Types `value` into an input or textarea: an input event, then a change event.
async fn type_into(root: &web_sys::Element, css: &str, value: &str) {
    let el = find(root, css);
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        i.set_value(value);
    } else if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        t.set_value(value);
    } else {
        panic!("{css} is not a text field");
    }
    fire(&el, "input");
    yew::scheduler::flush().await;
    fire(&el, "change");
    yew::scheduler::flush().await;
}

async fn choose(root: &web_sys::Element, css: &str, value: &str) {
    let select: web_sys::HtmlSelectElement = find(root, css).dyn_into().unwrap();
    select.set_value(value);
    fire(&select, "change");
    yew::scheduler::flush().await;
}

async fn click(root: &web_sys::Element, css: &str) {
    find(root, css).click();
    yew::scheduler::flush().await;
}

/// Clicks the first button whose text is exactly `label`.
async fn click_button(root: &web_sys::Element, label: &str) {
    let button = all(root, "button")
        .into_iter()
        .find(|b| b.text_content().unwrap_or_default().trim() == label)
        .unwrap_or_else(|| panic!("no button {label}"));
    button.dyn_into::<web_sys::HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn list_shows_step_gates_and_profile_and_filters_client_side() {
    let mut ws = workspace();
    fill_step1(ws.add_case("anna0001").unwrap());
    let anna = ws.case_mut("anna0001").unwrap();
    anna.dossier
        .record_gate(Gate::ConsentToRegister, d(2026, 1, 1), "Zorgaanbieder")
        .unwrap();
    anna.dossier.step = Step::WmoReport;
    let bram = ws.add_case("bram0002").unwrap();
    bram.dossier.name.first_names = "Bram".into();
    bram.dossier.name.surname = "Jansen".into();
    bram.dossier.archived = true;
    let klaar = ws.add_case("klaar003").unwrap();
    fill_step1(klaar);
    klaar.dossier.name.first_names = "Chantal".into();
    klaar.dossier.name.tussenvoegsel = String::new();
    klaar.dossier.name.surname = "Peeters".into();
    fill_step3(klaar);
    fill_profile(klaar);

    let (root, _spy) = mount(Route::Dossiers, ws).await;
    let rows = all(&root, "table.dossier-lijst tbody tr");
    assert_eq!(rows.len(), 2, "archived dossiers are hidden by default");
    let anna = rows[0].text_content().unwrap();
    assert!(anna.contains("Anna Maria van der Berg"), "{anna}");
    assert!(anna.contains("Dossier anna0001"));
    assert!(anna.contains("2 Melding Wmo"));
    assert!(
        anna.contains("✓ Toestemming aanmelding: vastgelegd"),
        "{anna}"
    );
    assert!(anna.contains("— Match aanvaard: nog niet"), "{anna}");
    let profile_cell = |row: &web_sys::Element| {
        find(row, "td[data-label='Profiel compleet']")
            .text_content()
            .unwrap()
    };
    assert_eq!(
        profile_cell(&rows[0]),
        "Nee",
        "profile not complete: {anna}"
    );
    // Not at step 4 yet: nothing the norms cover.
    assert_eq!(
        find(&rows[0], "td.wacht").text_content().unwrap(),
        "Wacht niet"
    );
    let klaar = rows[1].text_content().unwrap();
    assert!(klaar.contains("4 Bemiddelingsprofiel"), "{klaar}");
    assert_eq!(profile_cell(&rows[1]), "Ja", "profile complete: {klaar}");
    // The link goes by the random id only.
    let link = find(&rows[0], "a");
    assert_eq!(link.get_attribute("href").unwrap(), "/dossiers/anna0001");

    type_into(&root, "#dossier-zoeken", "berg ANNA").await;
    let rows = all(&root, "table.dossier-lijst tbody tr");
    assert_eq!(rows.len(), 1);
    assert!(rows[0].text_content().unwrap().contains("anna0001"));
    type_into(&root, "#dossier-zoeken", "klaar").await;
    assert_eq!(all(&root, "table.dossier-lijst tbody tr").len(), 1);
    type_into(&root, "#dossier-zoeken", "jansen").await;
    assert!(text(&root).contains("Geen dossiers gevonden"));

    let archive: web_sys::HtmlInputElement = find(&root, "#toon-archief").dyn_into().unwrap();
    archive.set_checked(true);
    fire(&archive, "change");
    yew::scheduler::flush().await;
    let rows = all(&root, "table.dossier-lijst tbody tr");
    assert_eq!(rows.len(), 1);
    let bram = rows[0].text_content().unwrap();
    assert!(
        bram.contains("Bram Jansen") && bram.contains("gearchiveerd"),
        "{bram}"
    );
}

#[wasm_bindgen_test]
async fn new_dossier_is_made_and_opened_by_its_random_id() {
    let (root, spy) = mount(Route::Dossiers, workspace()).await;
    assert!(text(&root).contains("Er zijn nog geen dossiers"));
    click_button(&root, "Nieuw dossier").await;
    let ws = ws_of(&spy);
    assert_eq!(ws.cases().len(), 1);
    let id = ws.cases()[0].dossier.id.clone();
    assert_eq!(id.len(), 10);
    assert_eq!(
        spy.borrow().as_ref().unwrap().route,
        Route::Dossier(id.clone())
    );
    assert_eq!(
        find(&root, "h1").text_content().unwrap(),
        format!("Dossier {id}")
    );
    let steps = all(&root, "ol.stappen > li");
    assert_eq!(steps.len(), 6);
    let current = all(&root, "ol.stappen [aria-current=step]");
    assert_eq!(current.len(), 1);
    assert!(
        current[0]
            .text_content()
            .unwrap()
            .starts_with("Stap 1 Oriëntatie")
    );
    assert!(
        steps[5]
            .text_content()
            .unwrap()
            .contains("Stap 6 Overeenkomst")
    );
    assert!(steps[1].text_content().unwrap().contains("nog niet open"));
}

#[wasm_bindgen_test]
async fn step_sections_show_the_register_and_validate_inline() {
    let mut ws = workspace();
    ws.add_case("leeg0001").unwrap();
    let (root, spy) = mount(Route::Dossier("leeg0001".into()), ws).await;
    let section = find(&root, "#stap-inhoud");
    let t = section.text_content().unwrap();
    assert!(t.contains("Stap 1 Oriëntatie"));
    assert!(t.contains("Inwoner, eventueel samen met de zorgaanbieder"));
    assert!(t.contains("NAW-gegevens") && t.contains("Contactgegevens"));
    assert!(t.contains("Toestemming (art. 6 lid 1 sub a AVG)"), "{t}");
    assert!(t.contains("Het maken van een keuze om Inwoner wel of niet aan te melden"));
    // Untouched empty fields are not flagged yet.
    assert!(root.query_selector(".foutsamenvatting").unwrap().is_none());

    type_into(&root, "#adres-postcode", "12345").await;
    let summary = find(&root, ".foutsamenvatting");
    let link = find(&summary, "a");
    assert_eq!(link.get_attribute("href").unwrap(), "#adres-postcode");
    assert!(
        find(&root, "#adres-postcode")
            .get_attribute("aria-invalid")
            .is_some()
    );
    assert!(
        !summary.text_content().unwrap().contains("12345"),
        "no value in a message"
    );
    assert_eq!(
        ws_of(&spy)
            .case("leeg0001")
            .unwrap()
            .dossier
            .address
            .postcode,
        "12345",
        "the field is saved even while invalid"
    );
    type_into(&root, "#adres-postcode", "5913ae").await;
    assert!(root.query_selector(".foutsamenvatting").unwrap().is_none());
    assert_eq!(
        ws_of(&spy)
            .case("leeg0001")
            .unwrap()
            .dossier
            .address
            .postcode,
        "5913 AE",
        "stored in its canonical form"
    );

    // "Gegevens controleren" shows every missing field, each linked.
    click_button(&root, "Gegevens controleren").await;
    let said = find(&root, "#controle-uitkomst").text_content().unwrap();
    assert!(
        said.contains("gegevens moeten nog worden ingevuld of verbeterd"),
        "the check says in words what it found: {said}"
    );
    let links: Vec<String> = all(&root, ".foutsamenvatting a")
        .iter()
        .map(|a| a.get_attribute("href").unwrap())
        .collect();
    for target in [
        "#naam-voornamen",
        "#naam-achternaam",
        "#adres-straat",
        "#contact",
    ] {
        assert!(links.iter().any(|l| l == target), "{target} in {links:?}");
    }
    for l in &links {
        assert!(
            root.query_selector(l).unwrap().is_some(),
            "summary link {l} points to an element"
        );
    }

    // Step 3 can be viewed but not filled in before its gate.
    click_button(&root, "Stap 3 Onderzoek nog niet open").await;
    let section = find(&root, "#stap-inhoud");
    let t = section.text_content().unwrap();
    assert!(t.contains("Deze stap is nog niet open"));
    assert!(t.contains("Wmo-consulent"));
    assert!(t.contains("bijzonder persoonsgegeven, art. 9 AVG"));
    assert!(t.contains("komt nooit in het profiel"));
    let bsn: web_sys::HtmlInputElement = find(&root, "#bsn").dyn_into().unwrap();
    assert!(
        bsn.matches(":disabled").unwrap(),
        "closed step is read-only"
    );
    assert_eq!(
        find(&root, "ol.stappen [aria-pressed=true]")
            .text_content()
            .unwrap(),
        "Stap 3 Onderzoek nog niet open"
    );
}

#[wasm_bindgen_test]
async fn recording_the_consent_gate_opens_step_2() {
    let mut ws = workspace();
    fill_step1(ws.add_case("poort001").unwrap());
    let (root, spy) = mount(Route::Dossier("poort001".into()), ws).await;
    // Without an actor the core refuses, next to the button.
    click_button(&root, "Poort vastleggen").await;
    assert!(text(&root).contains("Vul in wie de poort vastlegt"));
    type_into(
        &root,
        "#poort-consentToRegister-door",
        "Zorgaanbieder De Brug",
    )
    .await;
    click_button(&root, "Poort vastleggen").await;
    let ws = ws_of(&spy);
    let dossier = &ws.case("poort001").unwrap().dossier;
    assert!(dossier.has_gate(Gate::ConsentToRegister));
    assert_eq!(dossier.step, Step::WmoReport, "the gate moved the case on");
    let current = find(&root, "ol.stappen [aria-current=step]");
    assert!(
        current
            .text_content()
            .unwrap()
            .starts_with("Stap 2 Melding Wmo")
    );
    // The page follows the case to step 2, whose register panel shows the recorded gate.
    let section = find(&root, "#stap-inhoud").text_content().unwrap();
    assert!(section.starts_with("Stap 2 Melding Wmo"), "{section}");
    assert!(
        section.contains("Toestemming/machtiging om aan te melden: vastgelegd op"),
        "{section}"
    );
    assert!(section.contains("door Zorgaanbieder De Brug"));
}

#[wasm_bindgen_test]
async fn the_note_scanner_marks_findings_as_you_type_and_redacts_them() {
    let mut ws = workspace();
    let case = ws.add_case("profiel1").unwrap();
    fill_step1(case);
    fill_step3(case);
    fill_profile(case);
    let (root, spy) = mount(Route::Dossier("profiel1".into()), ws).await;
    assert!(text(&root).contains("Het bemiddelingsprofiel is compleet"));
    let shared = find(&root, "#wat-wordt-gedeeld").text_content().unwrap();
    assert!(shared.contains("Huishouden / persoonlijke verzorging"));
    assert!(shared.contains("2,5 uur per week"), "{shared}");
    for secret in [
        "Berg",
        "Anna",
        BSN,
        "06-87654321",
        "Kaldenkerkerweg",
        "5913",
        "2002",
        "16.500",
    ] {
        assert!(
            !shared.contains(secret),
            "the shared panel holds no {secret}"
        );
    }
    assert!(shared.contains("Niet in het profiel"));

    // Typing only: the marks appear before anything is stored.
    let note = find(&root, "#notities-householdCare");
    note.dyn_ref::<web_sys::HtmlTextAreaElement>()
        .unwrap()
        .set_value("Bel 06-12345678 of noem BSN 999994669 bij de intake.");
    fire(&note, "input");
    yew::scheduler::flush().await;
    let marks = all(&root, "mark.vondst");
    assert_eq!(marks.len(), 2, "phone and BSN are marked");
    let labels: Vec<String> = marks.iter().map(|m| m.text_content().unwrap()).collect();
    assert_eq!(labels, ["06-12345678telefoon", "999994669BSN"]);
    assert!(text(&root).contains("Vervang door [BSN]"));
    assert!(text(&root).contains("Vervang door [TELEFOON]"));

    // Stored: the profile is no longer shareable and the open points link to the note.
    fire(&note, "change");
    yew::scheduler::flush().await;
    let open = find(&root, "#nog-niet-compleet");
    assert!(open.text_content().unwrap().contains("burgerservicenummer"));
    assert!(
        all(&open, "a")
            .iter()
            .all(|a| a.get_attribute("href").unwrap() == "#notities-householdCare")
    );
    assert!(
        find(&root, "#wat-wordt-gedeeld")
            .text_content()
            .unwrap()
            .contains("nog niet compleet")
    );

    click_button(&root, "Vervang door [BSN]").await;
    assert_eq!(all(&root, "mark.vondst").len(), 1);
    click_button(&root, "Alles vervangen").await;
    assert!(all(&root, "mark.vondst").is_empty());
    let ws = ws_of(&spy);
    let stored =
        &ws.case("profiel1").unwrap().profile.assessments[&ProfileCategory::HouseholdCare].note;
    assert_eq!(stored, "Bel [TELEFOON] of noem BSN [BSN] bij de intake.");
    assert!(text(&root).contains("Het bemiddelingsprofiel is compleet"));
    // A note is shared only once released.
    assert!(
        !find(&root, "#wat-wordt-gedeeld")
            .text_content()
            .unwrap()
            .contains("Bel [TELEFOON]")
    );
    click(&root, "#vrijgeven-notities-householdCare-keuze").await;
    assert!(
        find(&root, "#wat-wordt-gedeeld")
            .text_content()
            .unwrap()
            .contains("Bel [TELEFOON]")
    );
}

#[wasm_bindgen_test]
async fn match_acceptance_and_handover_download_are_logged() {
    let mut ws = workspace();
    let association = ws.offer().associations[0].id.clone();
    let case = ws.add_case("overdr01").unwrap();
    fill_step1(case);
    fill_step3(case);
    fill_profile(case);
    case.dossier.step = Step::AssociationTalks;
    case.codes.insert(association.clone(), "K7F3-Q9AB-X".into());
    let today = woonkans_web::browser::today();
    parties::coordinator_keys(&mut ws, today);
    let _association_vault = parties::association_vault(&mut ws, &association, today);
    let (root, spy) = mount(Route::Dossier("overdr01".into()), ws).await;
    assert!(text(&root).contains("K7F3-Q9AB-X"));
    choose(&root, "#match-corporatie", &association).await;
    type_into(&root, "#match-door", "Ketenregisseur").await;
    click_button(&root, "Match vastleggen").await;
    let ws = ws_of(&spy);
    let case = ws.case("overdr01").unwrap();
    assert_eq!(case.dossier.step, Step::Agreement);
    assert_eq!(case.accepted.as_ref().unwrap().association_id, association);

    // Step 6 follows: nothing is handed over without the explicit confirmation.
    let t = text(&root);
    assert!(t.contains("Documenten om over te dragen"));
    assert!(t.contains("Verhuurdersverklaring (laatste 5 jaar)"));
    type_into(&root, "#overdracht-door", "M. Janssen, ketenregisseur").await;
    click_button(&root, "Overdracht downloaden").await;
    assert!(text(&root).contains("Bevestig eerst"));
    assert!(ws_of(&spy).log().is_empty());

    click(&root, "#overdracht-bevestiging").await;
    // The documents for the lease are not in: refused until a reason is chosen.
    click_button(&root, "Overdracht downloaden").await;
    assert!(
        text(&root).contains("Er ontbreken nog") && text(&root).contains("voor het huurcontract"),
        "{}",
        text(&root)
    );
    assert!(ws_of(&spy).log().is_empty());
    choose(&root, "#overdracht-ontbrekend", "followsLater").await;
    click_button(&root, "Overdracht downloaden").await;
    let t = text(&root);
    assert!(
        root.query_selector("#overdracht-sleutel")
            .unwrap()
            .is_none()
    );
    assert!(
        t.contains(&format!(
            "gedownload als woonkans-huurgegevens-{}-",
            d_of_today()
        )),
        "the hand-over goes as an envelope: {t}"
    );
    assert!(!t.contains("Anna.envelop"));
    let ws = ws_of(&spy);
    assert_eq!(ws.log().len(), 1);
    assert_eq!(ws.log()[0].step, 6);
    assert_eq!(
        ws.log()[0].categories.last().map(String::as_str),
        Some("Documenten niet compleet: wordt nagestuurd, afgesproken met de corporatie")
    );
    assert_eq!(ws.case("overdr01").unwrap().log.len(), 1);
}

fn d_of_today() -> String {
    woonkans_web::browser::today().iso()
}

#[wasm_bindgen_test]
async fn without_the_associations_card_the_handover_says_where_to_get_it() {
    let mut ws = workspace();
    let association = ws.offer().associations[0].id.clone();
    let case = ws.add_case("overdr02").unwrap();
    fill_step1(case);
    fill_step3(case);
    fill_profile(case);
    case.dossier.step = Step::AssociationTalks;
    case.codes.insert(association.clone(), "K7F3-Q9AB-X".into());
    parties::coordinator_keys(&mut ws, woonkans_web::browser::today());
    let expected = ws.association_contact(&association).unwrap_err().message;
    let (root, spy) = mount(Route::Dossier("overdr02".into()), ws).await;
    choose(&root, "#match-corporatie", &association).await;
    type_into(&root, "#match-door", "Ketenregisseur").await;
    click_button(&root, "Match vastleggen").await;
    let notice = find(&root, "#overdracht-sleutel");
    assert!(notice.text_content().unwrap().contains(&expected));
    assert_eq!(
        find(&root, "#overdracht-sleutel a")
            .get_attribute("href")
            .as_deref(),
        Some("/sleutels")
    );
    // Pressing anyway: the core refuses, nothing is handed over or logged.
    click(&root, "#overdracht-bevestiging").await;
    type_into(&root, "#overdracht-door", "M. Janssen, ketenregisseur").await;
    click_button(&root, "Overdracht downloaden").await;
    assert!(
        all(&root, "#stap-inhoud [role=status]").iter().any(|e| e
            .text_content()
            .unwrap_or_default()
            .contains("Er is nog geen bevestigde sleutelkaart van")),
        "the refusal is said beside the button"
    );
    assert!(ws_of(&spy).log().is_empty());
}

#[wasm_bindgen_test]
async fn text_that_cannot_be_read_stays_in_its_field_with_a_message() {
    let mut ws = workspace();
    let case = ws.add_case("lezen001").unwrap();
    fill_step1(case);
    case.dossier
        .record_gate(Gate::ConsentToRegister, d(2026, 1, 1), "Zorgaanbieder")
        .unwrap();
    let (root, spy) = mount(Route::Dossier("lezen001".into()), ws).await;
    click_button(&root, "Stap 3 Onderzoek open").await;
    let field =
        || -> web_sys::HtmlInputElement { find(&root, "#huishoudgrootte").dyn_into().unwrap() };
    assert_eq!(field().value(), "1");

    // Emptied without an input event (as a browser's "clear" does): the field stays empty.
    field().set_value("");
    fire(&field(), "change");
    yew::scheduler::flush().await;
    assert_eq!(field().value(), "");
    assert!(text(&root).contains("Vul het aantal personen in cijfers in"));
    assert_eq!(
        ws_of(&spy).case("lezen001").unwrap().dossier.household_size,
        1
    );

    type_into(&root, "#huishoudgrootte", "twee").await;
    assert_eq!(
        field().value(),
        "twee",
        "unreadable text is kept for correction"
    );
    assert_eq!(
        ws_of(&spy).case("lezen001").unwrap().dossier.household_size,
        1
    );

    type_into(&root, "#huishoudgrootte", "2").await;
    assert!(!text(&root).contains("Vul het aantal personen in cijfers in"));
    assert_eq!(
        ws_of(&spy).case("lezen001").unwrap().dossier.household_size,
        2
    );

    type_into(&root, "#geboortedatum", "31-02-2002").await;
    assert!(text(&root).contains("Deze datum bestaat niet."));
    assert_eq!(
        ws_of(&spy).case("lezen001").unwrap().dossier.birth_date,
        None
    );
    type_into(&root, "#geboortedatum", "2002-05-14").await;
    assert_eq!(
        find(&root, "#geboortedatum")
            .dyn_into::<web_sys::HtmlInputElement>()
            .unwrap()
            .value(),
        "14-05-2002",
        "shown in the Dutch form once read"
    );

    // The entry date into sheltered housing: not in the future; read in either form.
    type_into(&root, "#inZorgSinds", "01-01-2099").await;
    assert!(text(&root).contains("De datum van instroom ligt in de toekomst"));
    assert_eq!(
        ws_of(&spy).case("lezen001").unwrap().dossier.in_care_since,
        None
    );
    type_into(&root, "#inZorgSinds", "2025-03-03").await;
    assert_eq!(
        ws_of(&spy).case("lezen001").unwrap().dossier.in_care_since,
        Some(woonkans_core::date::Date::new(2025, 3, 3).unwrap())
    );
    assert!(!text(&root).contains("De datum van instroom ligt in de toekomst"));
}

#[wasm_bindgen_test]
async fn an_archived_dossier_can_be_read_but_not_changed_until_restored() {
    let mut ws = workspace();
    fill_step1(ws.add_case("archief1").unwrap());
    let (root, spy) = mount(Route::Dossier("archief1".into()), ws).await;
    click_button(&root, "Zaak afsluiten").await;
    find(&root, "#afloop-anders").click();
    yew::scheduler::flush().await;
    click_button(&root, "Afsluiten en archiveren").await;
    assert!(ws_of(&spy).case("archief1").unwrap().dossier.archived);
    assert!(
        text(&root).contains("anders beëindigd. U kunt het dossier bekijken, maar niets wijzigen")
    );
    let first: web_sys::HtmlInputElement = find(&root, "#naam-voornamen").dyn_into().unwrap();
    assert!(first.matches(":disabled").unwrap());
    let gate: web_sys::HtmlInputElement = find(&root, "#poort-consentToRegister-door")
        .dyn_into()
        .unwrap();
    assert!(gate.matches(":disabled").unwrap());
    assert!(
        !text(&root).contains("Nog nodig voor"),
        "no way on from the archive"
    );

    click_button(&root, "Terugzetten uit archief").await;
    assert!(!ws_of(&spy).case("archief1").unwrap().dossier.archived);
    let first: web_sys::HtmlInputElement = find(&root, "#naam-voornamen").dyn_into().unwrap();
    assert!(!first.matches(":disabled").unwrap());
    type_into(&root, "#naam-voornamen", "Anna").await;
    assert_eq!(
        ws_of(&spy)
            .case("archief1")
            .unwrap()
            .dossier
            .name
            .first_names,
        "Anna"
    );
}

#[wasm_bindgen_test]
async fn every_open_point_of_an_empty_profile_links_to_its_field() {
    let mut ws = workspace();
    let case = ws.add_case("leegprof").unwrap();
    fill_step1(case);
    fill_step3(case);
    case.profile.excluded_neighbourhoods = vec!["Bij Anna thuis".into()];
    let (root, _spy) = mount(Route::Dossier("leegprof".into()), ws).await;
    let open = find(&root, "#nog-niet-compleet");
    let links: Vec<String> = all(&open, "a")
        .iter()
        .map(|a| a.get_attribute("href").unwrap())
        .collect();
    assert!(links.len() >= 12, "{links:?}");
    assert!(
        links.iter().any(|l| l == "#uitgeslotenBuurten-0"),
        "the name in a neighbourhood: {links:?}"
    );
    for l in &links {
        assert!(
            root.query_selector(l).unwrap().is_some(),
            "{l} points to a field"
        );
    }
    assert!(
        find(&root, "#wat-wordt-gedeeld")
            .text_content()
            .unwrap()
            .contains("nog niet compleet"),
        "nothing is shown as shared before the profile is complete"
    );
}

#[wasm_bindgen_test]
async fn a_dossier_is_deleted_only_after_the_typed_confirmation() {
    let mut ws = workspace();
    fill_step1(ws.add_case("weg00001").unwrap());
    let blijft = ws.add_case("blijft02").unwrap();
    blijft.dossier.name.first_names = "Bram".into();
    blijft.dossier.name.surname = "Jansen".into();
    let (root, spy) = mount(Route::Dossier("weg00001".into()), ws).await;

    // Cancelling changes nothing.
    click_button(&root, "Verwijderen").await;
    assert!(text(&root).contains("Dit dossier verwijderen?"));
    let active = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .map(|e| e.id());
    assert_eq!(active.as_deref(), Some("verwijderen-bevestiging"));
    click_button(&root, "Annuleren").await;
    assert!(!text(&root).contains("Dit dossier verwijderen?"));

    // A wrong word is refused with a message, the dossier stays.
    click_button(&root, "Verwijderen").await;
    type_into(&root, "#verwijderen-bevestiging", "verwijder").await;
    click_button(&root, "Dossier definitief verwijderen").await;
    assert!(text(&root).contains("Typ VERWIJDEREN in hoofdletters om te bevestigen."));
    assert!(ws_of(&spy).case("weg00001").is_ok());

    type_into(&root, "#verwijderen-bevestiging", "VERWIJDEREN").await;
    click_button(&root, "Dossier definitief verwijderen").await;
    let ws = ws_of(&spy);
    assert!(ws.case("weg00001").is_err(), "deleted");
    assert!(ws.case("blijft02").is_ok(), "the other dossier stays");
    assert_eq!(spy.borrow().as_ref().unwrap().route, Route::Dossiers);
    let rows = all(&root, "table.dossier-lijst tbody tr");
    assert_eq!(rows.len(), 1);
    assert!(!text(&root).contains("weg00001"));
}

// ---------------------------------------------------------------- releasing free texts
//
// Releasing free texts for bundles in the profile builder: the release control is not
// available while the scanner finds the resident's name (also the roepnaam) or a character
// outside the whitelist is typed (named with its position); a released note lapses when
// edited; a bundle carries the released note and not an unreleased one; "Alleen voor" keeps a
// note to one association.

const CASE: &str = "vrijgave1";
const NOTE: &str = "notities-socialNetwork";
const RELEASE: &str = "#vrijgeven-notities-socialNetwork-keuze";
const CLEAN: &str = "Heeft wekelijks contact met familie.";
const OTHER: &str = "Doet zelf de boodschappen in de buurt.";

fn prepared() -> Workspace {
    let mut ws = workspace();
    let case = ws.add_case(CASE).unwrap();
    fill_step1(case);
    fill_step3(case);
    fill_profile(case);
    case.dossier.name.call_name = "Mieke".into();
    ws
}

fn release_box(root: &web_sys::Element) -> web_sys::HtmlInputElement {
    find(root, RELEASE).dyn_into().unwrap()
}

fn status(root: &web_sys::Element) -> String {
    find(root, "#vrijgeven-notities-socialNetwork-status")
        .text_content()
        .unwrap_or_default()
}

fn bundle_text(ws: &Workspace, association: &str) -> String {
    let mut ws = ws.clone();
    let written = ws
        .write_bundle(
            &CodeKey::from_bytes([7; 32]),
            association,
            &[CASE.to_string()],
            [1; 16],
            woonkans_web::browser::today(),
            "2026-03-01T10:00:00Z",
        )
        .unwrap_or_else(|e| panic!("bundle refused: {}", e.to_error().message));
    String::from_utf8(written.bytes).unwrap()
}

#[wasm_bindgen_test]
async fn release_waits_while_a_note_names_the_resident() {
    let (root, spy) = mount(Route::Dossier(CASE.into()), prepared()).await;
    // An empty note: nothing to release.
    assert!(release_box(&root).disabled());
    assert!(status(&root).contains("Leeg"), "{}", status(&root));

    for named in [
        "Anna belt zelf de zorgaanbieder.",
        "Mieke belt zelf de zorgaanbieder.",
    ] {
        type_into(&root, &format!("#{NOTE}"), named).await;
        assert!(release_box(&root).disabled(), "{named}");
        assert!(!release_box(&root).checked());
        let s = status(&root);
        assert!(
            s.contains("Niet vrijgegeven: gaat niet mee in bundels.") && s.contains("scanner"),
            "{s}"
        );
        assert!(
            ws_of(&spy)
                .case(CASE)
                .unwrap()
                .profile
                .release_of("notities.socialNetwork")
                .is_none()
        );
    }
}

#[wasm_bindgen_test]
async fn a_released_note_lapses_when_it_is_edited() {
    let (root, spy) = mount(Route::Dossier(CASE.into()), prepared()).await;
    type_into(&root, &format!("#{NOTE}"), CLEAN).await;
    assert!(!release_box(&root).disabled());
    assert!(status(&root).contains("Niet vrijgegeven"));
    click(&root, RELEASE).await;
    let ws = ws_of(&spy);
    assert_eq!(
        ws.case(CASE)
            .unwrap()
            .profile
            .release_of("notities.socialNetwork"),
        Some(&Vec::new())
    );
    assert!(release_box(&root).checked());
    assert_eq!(status(&root), "Vrijgegeven voor alle corporaties.");
    // "Alleen voor" offers the offer's associations.
    assert_eq!(
        all(
            &root,
            "#vrijgeven-notities-socialNetwork .vrijgave-alleen input"
        )
        .len(),
        ws.offer().associations.len()
    );

    type_into(
        &root,
        &format!("#{NOTE}"),
        "Heeft elke week contact met familie.",
    )
    .await;
    assert!(
        ws_of(&spy)
            .case(CASE)
            .unwrap()
            .profile
            .release_of("notities.socialNetwork")
            .is_none(),
        "an edited text is no longer released"
    );
    assert!(!release_box(&root).checked());
    assert!(
        status(&root).starts_with("Niet vrijgegeven"),
        "{}",
        status(&root)
    );

    // Withdrawing works too.
    click(&root, RELEASE).await;
    assert!(release_box(&root).checked());
    click(&root, RELEASE).await;
    assert!(
        ws_of(&spy)
            .case(CASE)
            .unwrap()
            .profile
            .release_of("notities.socialNetwork")
            .is_none()
    );
}

#[wasm_bindgen_test]
async fn a_bundle_carries_the_released_note_only() {
    let (root, spy) = mount(Route::Dossier(CASE.into()), prepared()).await;
    type_into(&root, &format!("#{NOTE}"), CLEAN).await;
    type_into(&root, "#notities-householdCare", OTHER).await;
    click(&root, RELEASE).await;
    // The relapse signals carry their own control.
    click(&root, "#vrijgeven-terugvalplan-signalen-keuze").await;
    let ws = ws_of(&spy);
    let association = ws.offer().associations[0].id.clone();
    let bundle = bundle_text(&ws, &association);
    assert!(bundle.contains(CLEAN), "the released note goes");
    assert!(
        bundle.contains("Post blijft liggen."),
        "released signals go"
    );
    assert!(!bundle.contains(OTHER), "the unreleased note stays");
    assert!(
        !bundle.contains("Huisbezoek binnen twee werkdagen."),
        "an unreleased agreement stays"
    );
}

#[wasm_bindgen_test]
async fn alleen_voor_keeps_a_note_to_one_association() {
    let (root, spy) = mount(Route::Dossier(CASE.into()), prepared()).await;
    type_into(&root, &format!("#{NOTE}"), CLEAN).await;
    click(&root, RELEASE).await;
    let ws = ws_of(&spy);
    let (a, b) = (
        ws.offer().associations[0].clone(),
        ws.offer().associations[1].clone(),
    );
    click(
        &root,
        &format!("#vrijgeven-notities-socialNetwork-alleen-{}", a.id),
    )
    .await;
    let ws = ws_of(&spy);
    assert_eq!(
        ws.case(CASE)
            .unwrap()
            .profile
            .release_of("notities.socialNetwork"),
        Some(&vec![a.id.clone()])
    );
    assert_eq!(status(&root), format!("Vrijgegeven voor: {}.", a.name));
    assert!(bundle_text(&ws, &a.id).contains(CLEAN));
    assert!(!bundle_text(&ws, &b.id).contains(CLEAN));

    // Unticking the last one: for every association again.
    click(
        &root,
        &format!("#vrijgeven-notities-socialNetwork-alleen-{}", a.id),
    )
    .await;
    assert_eq!(status(&root), "Vrijgegeven voor alle corporaties.");
}

#[wasm_bindgen_test]
async fn a_character_outside_the_whitelist_is_named_where_it_is_typed() {
    let (root, spy) = mount(Route::Dossier(CASE.into()), prepared()).await;
    // While typing, before anything is stored.
    let note = find(&root, &format!("#{NOTE}"));
    note.dyn_ref::<web_sys::HtmlTextAreaElement>()
        .unwrap()
        .set_value("Heeft wekelijks con\u{ad}tact met familie.");
    fire(&note, "input");
    yew::scheduler::flush().await;
    let alert = find(&root, &format!("#{NOTE}-teken"));
    assert_eq!(alert.get_attribute("role").as_deref(), Some("alert"));
    let message = alert.text_content().unwrap();
    assert!(
        message.contains("teken 20 is een onzichtbaar teken")
            && message.contains("zacht afbreekstreepje"),
        "{message}"
    );
    assert_eq!(note.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(
        note.get_attribute("aria-describedby")
            .unwrap()
            .contains(&format!("{NOTE}-teken"))
    );
    assert!(release_box(&root).disabled());
    assert!(status(&root).contains("teken"), "{}", status(&root));

    // Retyped without it: the message goes and the note can be released.
    type_into(&root, &format!("#{NOTE}"), CLEAN).await;
    assert_eq!(
        find(&root, &format!("#{NOTE}-teken"))
            .text_content()
            .unwrap(),
        ""
    );
    assert!(!release_box(&root).disabled());

    // A neighbourhood with such a character is not added.
    type_into(&root, "#uitgeslotenBuurten-nieuw", "Bloem\u{200b}wijk").await;
    assert!(
        find(&root, "#uitgeslotenBuurten-nieuw-teken")
            .text_content()
            .unwrap()
            .contains("teken 6 is een onzichtbaar teken")
    );
    click_button(&root, "Buurt toevoegen").await;
    assert!(
        ws_of(&spy)
            .case(CASE)
            .unwrap()
            .profile
            .excluded_neighbourhoods
            .is_empty()
    );
    type_into(&root, "#uitgeslotenBuurten-nieuw", "Bloemwijk").await;
    click_button(&root, "Buurt toevoegen").await;
    click(&root, "#vrijgeven-uitgeslotenBuurten-0-keuze").await;
    let ws = ws_of(&spy);
    assert_eq!(
        ws.case(CASE)
            .unwrap()
            .profile
            .release_of("uitgeslotenBuurten[0]"),
        Some(&Vec::new())
    );
}

#[wasm_bindgen_test]
async fn the_roepnaam_is_typed_in_step_1() {
    let mut ws = workspace();
    fill_step1(ws.add_case("roepnaam1").unwrap());
    let (root, spy) = mount(Route::Dossier("roepnaam1".into()), ws).await;
    let label = find(&root, "label[for='naam-roepnaam']");
    assert_eq!(label.text_content().unwrap(), "Roepnaam (niet verplicht)");
    type_into(&root, "#naam-roepnaam", " Mo ").await;
    assert_eq!(
        ws_of(&spy)
            .case("roepnaam1")
            .unwrap()
            .dossier
            .name
            .call_name,
        "Mo"
    );
}

#[wasm_bindgen_test]
async fn the_bundels_page_warns_before_a_text_links_two_associations() {
    let mut ws = prepared();
    let (a, b) = (
        ws.offer().associations[0].clone(),
        ws.offer().associations[1].clone(),
    );
    {
        let case = ws.case_mut(CASE).unwrap();
        case.dossier.step = Step::AssociationTalks;
        case.profile
            .assessments
            .get_mut(&woonkans_core::profile::ProfileCategory::SocialNetwork)
            .unwrap()
            .note = CLEAN.into();
    }
    ws.release_text(CASE, "notities.socialNetwork", true, Vec::new())
        .unwrap();
    ws.release_text(CASE, "terugvalplan.signalen", true, Vec::new())
        .unwrap();
    // The note already went to association A.
    let mut sent = ws.clone();
    sent.write_bundle(
        &CodeKey::from_bytes([7; 32]),
        &a.id,
        &[CASE.to_string()],
        [2; 16],
        woonkans_web::browser::today(),
        "2026-03-01T10:00:00Z",
    )
    .unwrap_or_else(|e| panic!("bundle refused: {}", e.to_error().message));
    let (root, _spy) = mount(Route::Bundels, sent).await;
    let page = find(&root, "#koppelen").text_content().unwrap();
    assert!(page.contains("eigen code"), "{page}");
    assert!(page.contains("zeldzame combinatie"), "{page}");
    assert!(
        root.query_selector("#koppel-waarschuwing")
            .unwrap()
            .is_none()
    );

    let select: web_sys::HtmlSelectElement = find(&root, "#corporatie").dyn_into().unwrap();
    select.set_value(&b.id);
    fire(&select, "change");
    yew::scheduler::flush().await;
    let hint = find(&root, &format!("#dossier-{CASE}-hint"))
        .text_content()
        .unwrap();
    assert!(
        hint.contains("2 vrijgegeven vrije teksten gaan mee."),
        "{hint}"
    );
    assert!(
        root.query_selector("#koppel-waarschuwing")
            .unwrap()
            .is_none()
    );
    click(&root, &format!("#dossier-{CASE}")).await;
    let warning = find(&root, "#koppel-waarschuwing").text_content().unwrap();
    assert!(warning.contains("Notitie Sociaal netwerk"), "{warning}");
    assert!(
        warning.contains(&format!("al gestuurd naar {}", a.name)),
        "{warning}"
    );
    assert!(warning.contains("(dossier vrijgave1)"), "{warning}");
}

/// A profile changed after a bundle: the step-4 page says "Gewijzigd na delen" with the change,
/// and its button opens the Bundels page with the association and the case chosen.
#[wasm_bindgen_test]
async fn a_change_after_sharing_is_shown_and_offers_a_new_bundle() {
    let mut ws = workspace();
    let association = ws.offer().associations[0].clone();
    let case = ws.add_case("gewijz01").unwrap();
    fill_step1(case);
    fill_step3(case);
    fill_profile(case);
    case.dossier.step = Step::PlacementProfile;
    ws.write_bundle(
        &CodeKey::from_bytes([7; 32]),
        &association.id,
        &["gewijz01".to_string()],
        [1; 16],
        woonkans_web::browser::today(),
        "2026-03-01T10:00:00Z",
    )
    .unwrap_or_else(|e| panic!("bundle refused: {}", e.to_error().message));
    let (root, spy) = mount(Route::Dossier("gewijz01".into()), ws).await;
    assert!(!text(&root).contains("Gewijzigd na delen"));

    choose(&root, "#woonvorm", "inComplex").await;
    assert_eq!(ws_of(&spy).case("gewijz01").unwrap().profile_version, 1);
    let banner = find(&root, ".gewijzigd-na-delen")
        .text_content()
        .unwrap_or_default();
    assert!(banner.contains("Gewijzigd na delen"), "{banner}");
    assert!(
        banner.contains("Woonvorm: Geen voorkeur → In een complex"),
        "{banner}"
    );
    assert!(banner.contains(&association.name), "{banner}");

    click_button(&root, &format!("Nieuwe bundel voor {}", association.name)).await;
    let state = spy.borrow().as_ref().unwrap().route.clone();
    assert_eq!(state, Route::Bundels);
    let chosen: web_sys::HtmlSelectElement = find(&root, "#corporatie").dyn_into().unwrap();
    assert_eq!(chosen.value(), association.id);
    let tick: web_sys::HtmlInputElement = find(&root, "#dossier-gewijz01").dyn_into().unwrap();
    assert!(tick.checked(), "the case is chosen");
}

#[wasm_bindgen_test]
async fn a_failed_target_group_blocks_the_gate_until_an_override_is_recorded() {
    let mut ws = workspace();
    let case = ws.add_case("doel0001").unwrap();
    fill_step1(case);
    fill_step3(case);
    let x = &mut case.dossier;
    x.gates.retain(|g| g.gate == Gate::ConsentToRegister);
    x.step = Step::Investigation;
    x.target_group.status_holder = Some(true);
    let (root, spy) = mount(Route::Dossier("doel0001".into()), ws).await;
    assert!(text(&root).contains("Valt (nog) niet binnen de doelgroep"));

    // The gate is refused while the check is not met.
    type_into(&root, "#poort-eligibilityAndSupportPlan-door", "Wmo Venlo").await;
    click_button(&root, "Poort vastleggen").await;
    assert!(text(&root).contains("De doelgroepcheck is niet rond (1 voorwaarde open)."));
    let gates = |spy: &Spy| ws_of(spy).case("doel0001").unwrap().dossier.gates.len();
    assert_eq!(gates(&spy), 1);

    // The override: a reason from the list, who and when.
    click_button(&root, "Afwijking vastleggen").await;
    assert!(text(&root).contains("Kies de reden van de afwijking."));
    choose(&root, "#doelgroep-afwijking-reden", "hardshipClause").await;
    type_into(&root, "#doelgroep-afwijking-door", "Wmo-consulent Venlo").await;
    click_button(&root, "Afwijking vastleggen").await;
    let o = ws_of(&spy)
        .case("doel0001")
        .unwrap()
        .dossier
        .target_group_override
        .clone()
        .unwrap();
    assert_eq!(
        o.reason,
        woonkans_core::targetgroup::OverrideReason::HardshipClause
    );
    let said = find(&root, "#doelgroep-afwijking").text_content().unwrap();
    assert!(
        said.contains("door Wmo-consulent Venlo: hardheidsclausule toegepast."),
        "{said}"
    );
    assert!(
        root.query_selector("#doelgroep-afwijking-formulier")
            .unwrap()
            .is_none()
    );

    // Now the gate is recorded.
    type_into(&root, "#poort-eligibilityAndSupportPlan-door", "Wmo Venlo").await;
    click_button(&root, "Poort vastleggen").await;
    assert_eq!(gates(&spy), 2);
}

#[wasm_bindgen_test]
async fn the_income_is_checked_against_passend_toewijzen_and_daeb_as_it_is_typed() {
    let mut ws = workspace();
    let case = ws.add_case("inkomen01").unwrap();
    fill_step1(case);
    fill_step3(case);
    let x = &mut case.dossier;
    x.gates.retain(|g| g.gate == Gate::ConsentToRegister);
    x.step = Step::Investigation;
    let (root, spy) = mount(Route::Dossier("inkomen01".into()), ws).await;
    let check = || find(&root, "#inkomen-toets").text_content().unwrap();
    // 16.500 a year, alone: within both limits of every shipped year.
    assert!(
        check().contains("op of onder de inkomensgrens voor passend toewijzen"),
        "{}",
        check()
    );
    assert!(check().contains("binnen de inkomensgrens voor een sociale huurwoning (DAEB"));
    // 60.000 is above the DAEB limit of 2025 (49.669) and 2026 (51.537).
    type_into(&root, "#inkomen-bedrag", "60.000").await;
    assert_eq!(
        ws_of(&spy)
            .case("inkomen01")
            .unwrap()
            .dossier
            .income
            .unwrap()
            .yearly_amount_euros,
        60_000
    );
    assert!(check().contains("boven de inkomensgrens voor een sociale huurwoning (DAEB"));
    assert!(check().contains("vrije toewijzingsruimte"));
}

#[wasm_bindgen_test]
async fn a_briefadres_is_marked_in_step_1() {
    let mut ws = workspace();
    let case = ws.add_case("brief001").unwrap();
    fill_step1(case);
    case.dossier.gates.clear();
    case.dossier.step = Step::Orientation;
    let (root, spy) = mount(Route::Dossier("brief001".into()), ws).await;
    let kind = |spy: &Spy| ws_of(spy).case("brief001").unwrap().dossier.address.kind;
    assert_eq!(kind(&spy), woonkans_core::dossier::AddressKind::Home);
    find(&root, "#adres-briefadres").click();
    yew::scheduler::flush().await;
    assert_eq!(kind(&spy), woonkans_core::dossier::AddressKind::Briefadres);
    assert!(text(&root).contains("Dit is een briefadres (geen vaste woonplek)"));
    find(&root, "#adres-briefadres").click();
    yew::scheduler::flush().await;
    assert_eq!(kind(&spy), woonkans_core::dossier::AddressKind::Home);
}
