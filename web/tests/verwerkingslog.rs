#![cfg(target_arch = "wasm32")]
//! The Verwerkingslog page (table, per-dossier filter, CSV export) and the Privacy page (the
//! register, the resident's overview, lock, wipe, key export) in a real browser.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use woonkans_core::code::{self, CodeKey};
use woonkans_core::date::Date;
use woonkans_core::dossier::{Income, IncomeSource, PersonName};
use woonkans_core::fixtures::{self, RESIDENTS};
use woonkans_core::profile::{ContractForm, LivingSituation};
use woonkans_core::region::Region;
use woonkans_core::register::{Gate, Step};
use woonkans_core::sample::sample_offer;
use woonkans_core::workspace::Workspace;
use woonkans_web::pages::Page;
use woonkans_web::route::Route;
use woonkans_web::session::Open;
use woonkans_web::state::{AppContext, AppState, Session};
use woonkans_web::vault::{self, VaultState};
use yew::prelude::*;

mod harness;
use harness::printable_documents;

wasm_bindgen_test_configure!(run_in_browser);

const PASS: &str = "groene kikker zwemt in de Maas";

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

/// A fixture resident renamed "Sam <surname>", with gates of its own (their dates and actors
/// show in the log) and a profile at level 4 with a regular lease.
fn add_case(ws: &mut Workspace, id: &str, surname: &str, bsn: &str) {
    let case = ws.add_case(id).unwrap();
    case.dossier = fixtures::dossier(id, &RESIDENTS[1]);
    let dossier = &mut case.dossier;
    dossier.name = PersonName {
        first_names: "Sam".into(),
        tussenvoegsel: String::new(),
        surname: surname.into(),
        ..PersonName::default()
    };
    dossier.birth_date = Some(d(1990, 6, 1));
    dossier.bsn = Some(bsn.into());
    dossier.living_situation = Some(LivingSituation::SocialShelter);
    dossier.income = Some(Income {
        yearly_amount_euros: 16_000,
        source: IncomeSource::Benefits,
    });
    dossier
        .record_gate(
            Gate::ConsentToRegister,
            d(2026, 2, 3),
            "Zorgaanbieder De Brug",
        )
        .unwrap();
    for g in [
        Gate::EligibilityAndSupportPlan,
        Gate::ConsentToShareWithCoordinator,
    ] {
        dossier
            .record_gate(g, d(2026, 3, 4), "Wmo-consulent Venlo")
            .unwrap();
    }
    dossier.step = Step::AssociationTalks;
    case.profile = fixtures::ready_draft();
    let draft = &mut case.profile;
    for a in draft.assessments.values_mut() {
        a.level = Some(4);
    }
    draft.contract_form = Some(ContractForm::RegularLease);
    draft.support_hours_per_week = Some(3.0);
    draft.relapse_plan.signals = "Afspraken worden gemist.".into();
    draft.relapse_plan.agreements[0].action = "Belt dezelfde dag.".into();
    draft.relapse_plan.agreements[1].action = "Meldt achterstand direct.".into();
}

/// Two residents, one bundle with both to a fitting association: one overall log entry with two
/// codes, one entry with one code in each case. The codes are returned per resident (first
/// `eerst0001`, then `tweede002`), derived from each one's BSN, not read from what was written.
fn workspace_with_log() -> (Workspace, String, Vec<String>) {
    let mut ws = Workspace::new(sample_offer());
    ws.set_region(Some(Region::NoordLimburg));
    add_case(&mut ws, "eerst0001", "Peeters", "999994669");
    add_case(&mut ws, "tweede002", "Claessens", "111222333");
    let today = d(2026, 11, 28);
    let association = ws
        .match_case("eerst0001", today)
        .unwrap()
        .associations
        .into_iter()
        .find(|a| a.eligible && a.best_score.is_some())
        .unwrap()
        .association_id;
    let key = CodeKey::from_bytes([5; 32]);
    let codes: Vec<String> = ["999994669", "111222333"]
        .iter()
        .map(|bsn| code::derive(&key, &association, bsn).to_string())
        .collect();
    // Requested in the reverse of the codes' sort order, so a pairing by position with a sorted
    // list would give each resident the other's code.
    let mut ids = vec!["eerst0001".to_string(), "tweede002".to_string()];
    if codes[0] < codes[1] {
        ids.reverse();
    }
    ws.write_bundle(
        &key,
        &association,
        &ids,
        [0xcd; 16],
        today,
        "2026-11-28T14:05:09",
    )
    .unwrap();
    for (id, code) in ["eerst0001", "tweede002"].iter().zip(&codes) {
        assert_eq!(ws.case(id).unwrap().codes.get(&association), Some(code));
    }
    (ws, association, codes)
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

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn mount(route: Route, ws: Workspace) -> (web_sys::Element, Rc<RefCell<Option<AppContext>>>) {
    vault::wipe();
    let v = vault::create(PASS).await.unwrap();
    let open = Open {
        vault: v,
        key: CodeKey::from_bytes([5; 32]),
        ws,
        damaged: Vec::new(),
    };
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let spy = Rc::new(RefCell::new(None));
    yew::Renderer::<Host>::with_root_and_props(
        root.clone(),
        HostProps {
            state: AppState {
                session: Session::Open(Rc::new(open)),
                route,
                ..AppState::default()
            },
            spy: spy.clone(),
        },
    )
    .render();
    yew::scheduler::flush().await;
    (root, spy)
}

fn find(root: &web_sys::Element, css: &str) -> web_sys::HtmlElement {
    root.query_selector(css)
        .unwrap()
        .unwrap_or_else(|| panic!("no {css}"))
        .dyn_into()
        .unwrap()
}

fn text(root: &web_sys::Element) -> String {
    root.text_content().unwrap_or_default()
}

fn button(root: &web_sys::Element, label: &str) -> web_sys::HtmlElement {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.get(i))
        .map(|n| n.dyn_into::<web_sys::HtmlElement>().unwrap())
        .find(|b| b.text_content().unwrap_or_default().trim() == label)
        .unwrap_or_else(|| panic!("no button {label}"))
}

async fn fire(el: &web_sys::HtmlElement, kind: &str) {
    let event = document().create_event("Event").unwrap();
    event.init_event_with_bubbles_and_cancelable(kind, true, false);
    el.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
}

async fn choose(root: &web_sys::Element, css: &str, value: &str) {
    let el = find(root, css);
    el.clone()
        .dyn_into::<web_sys::HtmlSelectElement>()
        .unwrap()
        .set_value(value);
    fire(&el, "change").await;
}

async fn type_into(root: &web_sys::Element, css: &str, value: &str) {
    let el = find(root, css);
    el.clone()
        .dyn_into::<web_sys::HtmlInputElement>()
        .unwrap()
        .set_value(value);
    fire(&el, "input").await;
}

fn body_rows(root: &web_sys::Element, table: &str) -> u32 {
    root.query_selector_all(&format!("{table} tbody tr"))
        .unwrap()
        .length()
}

#[wasm_bindgen_test]
async fn the_log_shows_every_disclosure_filters_per_dossier_and_exports() {
    let (ws, _association, codes) = workspace_with_log();
    let (root, _spy) = mount(Route::Verwerkingslog, ws).await;
    let t = text(&root);
    assert!(t.contains("Verwerkingslog"));
    assert_eq!(body_rows(&root, "table.logtabel"), 1);
    for needle in [
        "28-11-2026 14:05",
        "Gecodeerde profielbundel",
        "Wmo",
        &"cd".repeat(16),
        &codes[0],
        &codes[1],
        "Alle verstrekkingen (1)",
    ] {
        assert!(t.contains(needle), "missing {needle}: {t}");
    }
    for name in ["Peeters", "Claessens", "999994669"] {
        let table = find(&root, "table.logtabel").text_content().unwrap();
        assert!(!table.contains(name), "the log table names no one");
    }
    assert_eq!(
        root.query_selector_all("table.logtabel th[scope=col]")
            .unwrap()
            .length(),
        8
    );

    choose(&root, "#log-dossier", "tweede002").await;
    let table = find(&root, "table.logtabel").text_content().unwrap();
    assert!(table.contains(&codes[1]));
    assert!(!table.contains(&codes[0]), "only this dossier's code");
    assert!(text(&root).contains("Verstrekkingen uit Sam Claessens"));

    button(&root, "Exporteren als CSV").click();
    yew::scheduler::flush().await;
    let expected = format!(
        "woonkans-verwerkingslog-{}.csv",
        woonkans_web::browser::today().iso()
    );
    assert!(text(&root).contains(&expected), "{}", text(&root));
}

#[wasm_bindgen_test]
async fn an_empty_log_says_so() {
    let ws = Workspace::new(sample_offer());
    let (root, _spy) = mount(Route::Verwerkingslog, ws).await;
    assert!(text(&root).contains("Er is nog niets gedeeld."));
    assert!(root.query_selector("table.logtabel").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn privacy_keeps_the_register_and_prints_the_residents_overview() {
    let (ws, _association, codes) = workspace_with_log();
    let (root, _spy) = mount(Route::Privacy, ws).await;
    assert_eq!(body_rows(&root, "table.register"), 6, "register kept");
    // The roles: four, none of them this vault's (it was made before roles).
    assert_eq!(body_rows(&root, "table.rollentabel"), 4);
    assert!(root.query_selector("tr.eigen-rol").unwrap().is_none());
    assert!(
        find(&root, "table.register")
            .closest(".niet-printen")
            .unwrap()
            .is_some(),
        "the register is left out of the print"
    );
    assert!(root.query_selector(".afdruk-overzicht").unwrap().is_none());

    let before = printable_documents();
    choose(&root, "#overzicht-dossier", "eerst0001").await;
    let overview = find(&root, ".afdruk-overzicht");
    let t = overview.text_content().unwrap();
    assert_eq!(
        overview
            .query_selector_all("article.stap-overzicht")
            .unwrap()
            .length(),
        6
    );
    for needle in [
        "Stap 1: Oriëntatie",
        "Stap 5: Gesprek corporaties",
        "Huidige stap",
        "Afgerond",
        "03-02-2026, door Zorgaanbieder De Brug",
        "04-03-2026, door Wmo-consulent Venlo",
        "28-11-2026 14:05",
        &codes[0],
        "Gezondheid",
        "alleen onder een code",
        "art. 6 lid 1 sub e AVG",
        "1 keer gedeeld",
    ] {
        assert!(t.contains(needle), "missing {needle}: {t}");
    }
    assert!(!t.contains(&codes[1]), "only this resident's code");
    assert!(
        overview.query_selector(".niet-printen").unwrap().is_none(),
        "the printable part hides nothing of itself"
    );
    let print = button(&root, "Afdrukken");
    assert!(print.class_name().contains("knop"));
    // While the document is shown, printing the page prints it alone.
    assert_eq!(printable_documents(), before + 1);
    assert!(overview.closest(".afdruk-doel").unwrap().is_some());
    assert_eq!(
        print.get_attribute("aria-controls").as_deref(),
        Some("overzicht-document")
    );
    choose(&root, "#overzicht-dossier", "").await;
    assert_eq!(printable_documents(), before, "no document, the whole page");
    // The print stylesheet hides navigation and everything marked niet-printen.
    let css = include_str!("../assets/style.css");
    let print_css = &css[css.find("@media print").unwrap()..];
    assert!(print_css.contains(".niet-printen") && print_css.contains(".kop"));
}

#[wasm_bindgen_test]
async fn wiping_needs_the_typed_word_and_then_removes_everything() {
    let (ws, _, _) = workspace_with_log();
    let (root, spy) = mount(Route::Privacy, ws).await;
    assert_eq!(vault::state(), VaultState::Locked, "a vault is stored");
    button(&root, "Alles wissen").click();
    yew::scheduler::flush().await;
    assert!(text(&root).contains("Dit kan niet ongedaan worden gemaakt"));

    type_into(&root, "#wissen-bevestiging", "wissen").await;
    button(&root, "Definitief wissen").click();
    yew::scheduler::flush().await;
    assert!(text(&root).contains("Typ WISSEN in hoofdletters om te bevestigen."));
    assert_eq!(vault::state(), VaultState::Locked, "nothing wiped yet");
    assert!(matches!(
        spy.borrow().as_ref().unwrap().session,
        Session::Open(_)
    ));

    type_into(&root, "#wissen-bevestiging", "WISSEN").await;
    button(&root, "Definitief wissen").click();
    yew::scheduler::flush().await;
    assert_eq!(vault::state(), VaultState::Absent);
    assert!(matches!(
        spy.borrow().as_ref().unwrap().session,
        Session::Absent
    ));
}

#[wasm_bindgen_test]
async fn lock_and_key_export_act_on_the_session() {
    let (ws, _, _) = workspace_with_log();
    let (root, spy) = mount(Route::Privacy, ws).await;
    button(&root, "Sleutel exporteren").click();
    yew::scheduler::flush().await;
    let expected = format!(
        "woonkans-sleutel-{}.json",
        woonkans_web::browser::today().iso()
    );
    assert!(text(&root).contains(&expected));
    assert!(
        root.query_selector("label[for=sleutelbestand]")
            .unwrap()
            .is_some()
    );

    button(&root, "Vergrendelen").click();
    yew::scheduler::flush().await;
    assert!(matches!(
        spy.borrow().as_ref().unwrap().session,
        Session::Locked
    ));
}
