#![cfg(target_arch = "wasm32")]
//! A role per vault in a real browser: the "rol en regio" question of a new vault, the menu of
//! each role, a page outside the role, the dossier's step tabs and the notice of a vault made
//! before roles.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use woonkans_core::code::CodeKey;
use woonkans_core::fixtures;
use woonkans_core::region::Region;
use woonkans_core::role::Role;
use woonkans_core::workspace::Workspace;
use woonkans_web::components::nav::Nav;
use woonkans_web::components::role_prompt::{RoleNotice, RolePrompt};
use woonkans_web::pages::Page;
use woonkans_web::route::Route;
use woonkans_web::session::Open;
use woonkans_web::state::{AppContext, AppState, Session};
use woonkans_web::vault;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const PASS: &str = "rollen in de kluis van Roermond";

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

/// The app's context around the prompt, the notice, the menu and the routed page.
#[function_component(Host)]
fn host(p: &HostProps) -> Html {
    let state = use_reducer(|| p.state.clone());
    *p.spy.borrow_mut() = Some(state.clone());
    html! {
        <ContextProvider<AppContext> context={state.clone()}>
            <Nav />
            <main>
                <RolePrompt />
                <RoleNotice />
                <Page route={state.route.clone()} />
            </main>
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

fn route_of(spy: &Spy) -> Route {
    spy.borrow().as_ref().unwrap().route.clone()
}

fn find(root: &web_sys::Element, css: &str) -> web_sys::HtmlElement {
    root.query_selector(css)
        .unwrap()
        .unwrap_or_else(|| panic!("no {css}"))
        .dyn_into()
        .unwrap()
}

fn texts(root: &web_sys::Element, css: &str) -> Vec<String> {
    let list = root.query_selector_all(css).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default())
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
    event.init_event_with_bubbles_and_cancelable(kind, true, true);
    target.dispatch_event(&event).unwrap();
}

async fn pick_role(root: &web_sys::Element, role: &str) {
    let radio: web_sys::HtmlInputElement = find(root, &format!("#rol-{role}")).dyn_into().unwrap();
    radio.set_checked(true);
    fire(&radio, "change");
    yew::scheduler::flush().await;
}

async fn pick_region(root: &web_sys::Element, region: &str) {
    let select: web_sys::HtmlSelectElement = find(root, "#regio-eerste-keuze").dyn_into().unwrap();
    select.set_value(region);
    fire(&select, "change");
    yew::scheduler::flush().await;
}

async fn submit(root: &web_sys::Element) {
    find(root, "#rol-regio-vraag button[type=submit]").click();
    yew::scheduler::flush().await;
}

fn focused_id() -> String {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

/// A new vault: the coordinator's fixture without a region, no cases, no role.
fn new_vault() -> Workspace {
    let mut ws = fixtures::workspace();
    ws.set_region(None);
    ws
}

#[wasm_bindgen_test]
async fn the_question_chooses_role_and_region_and_moves_to_the_role_start() {
    let (root, spy) = mount(Route::Dossiers, new_vault()).await;
    let t = text(&root);
    assert!(
        t.contains("Kies eerst de rol en de regio van deze kluis"),
        "{t}"
    );
    for role in Role::ALL {
        assert!(t.contains(role.description()), "{role:?}");
    }
    // The app puts the focus on the question's first control.
    // (The test runner's address has a fragment, which would mean a field: drop it.)
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/"))
        .unwrap();
    woonkans_web::browser::focus_heading();
    assert_eq!(focused_id(), "rol-zorgaanbieder");

    pick_role(&root, "woningcorporatie").await;
    pick_region(&root, "midden").await;
    submit(&root).await;
    let ws = ws_of(&spy);
    assert_eq!(ws.role(), Some(Role::Woningcorporatie));
    assert_eq!(ws.settings().region, Some(Region::MiddenLimburg));
    assert_eq!(ws.role_title(), Some("Woningcorporatie"));
    // The question is gone, and an association has no dossiers: its start page instead.
    assert!(root.query_selector("#rol-regio-vraag").unwrap().is_none());
    assert_eq!(route_of(&spy), Route::BundelOpenen);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_question_refuses_an_answer_without_a_role_and_says_why() {
    let (root, spy) = mount(Route::Dossiers, new_vault()).await;
    pick_region(&root, "noord").await;
    submit(&root).await;
    let t = text(&root);
    assert!(
        t.contains("Kies eerst de rol van deze kluis: voor welke partij werkt u?"),
        "{t}"
    );
    assert!(find(&root, "#rol-keuze").class_name().contains("veld-fout"));
    assert_eq!(focused_id(), "rol-zorgaanbieder");
    let ws = ws_of(&spy);
    assert_eq!(ws.role(), None);
    assert_eq!(ws.settings().region, None);

    // A role without a region is refused too; then both are kept.
    pick_region(&root, "").await;
    pick_role(&root, "wmo-consulent").await;
    submit(&root).await;
    assert!(text(&root).contains("Kies uw regio: Noord-Limburg of Midden-Limburg."));
    assert_eq!(focused_id(), "regio-eerste-keuze");
    assert_eq!(ws_of(&spy).role(), None);
    pick_region(&root, "noord").await;
    submit(&root).await;
    let ws = ws_of(&spy);
    assert_eq!(ws.role(), Some(Role::WmoConsulent));
    assert_eq!(ws.settings().region, Some(Region::NoordLimburg));
    // A Wmo consultant keeps dossiers: it stays where it was.
    assert_eq!(route_of(&spy), Route::Dossiers);
    root.remove();
}

fn with_role(role: Role) -> Workspace {
    let mut ws = fixtures::workspace();
    ws.choose_role(role).unwrap();
    ws
}

#[wasm_bindgen_test]
async fn each_role_gets_its_own_menu() {
    let all = [
        "Dossiers",
        "Aanbod & criteria",
        "Matching",
        "Bundels",
        "Verwerkingslog",
        "Sleutels en adresboek",
        "Privacy",
    ];
    for (role, menu) in [
        (
            Role::Woningcorporatie,
            &[
                "Bundel openen",
                "Envelop openen",
                "Sleutels en adresboek",
                "Privacy",
            ][..],
        ),
        (
            Role::Zorgaanbieder,
            &[
                "Dossiers",
                "Envelop openen",
                "Sleutels en adresboek",
                "Privacy",
            ][..],
        ),
        (
            Role::WmoConsulent,
            &[
                "Dossiers",
                "Envelop openen",
                "Sleutels en adresboek",
                "Privacy",
            ][..],
        ),
        (
            Role::Regisseur,
            &[
                "Dossiers",
                "Envelop openen",
                "Aanbod & criteria",
                "Matching",
                "Bundels",
                "Verwerkingslog",
                "Sleutels en adresboek",
                "Privacy",
            ][..],
        ),
    ] {
        let (root, _) = mount(Route::Privacy, with_role(role)).await;
        assert_eq!(texts(&root, "nav.hoofdmenu a"), menu, "{role:?}");
        // A vault with a role is asked nothing and shows no notice.
        assert!(root.query_selector("#rol-regio-vraag").unwrap().is_none());
        assert!(!text(&root).contains("voordat er rollen waren"));
        root.remove();
    }
    // A vault made before roles, with a case: today's menu, no question, the notice.
    let mut old = fixtures::workspace();
    old.add_case("k7f3q9ab").unwrap();
    let (root, _) = mount(Route::Privacy, old).await;
    assert_eq!(texts(&root, "nav.hoofdmenu a"), all);
    assert!(root.query_selector("#rol-regio-vraag").unwrap().is_none());
    assert!(text(&root).contains(
        "Deze kluis is gemaakt voordat er rollen waren; hij bevat nog gegevens van alle stappen"
    ));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_page_outside_the_role_links_to_the_start_instead() {
    for (role, route, start) in [
        (Role::Woningcorporatie, Route::Matching, "Bundel openen"),
        (Role::Woningcorporatie, Route::Dossiers, "Bundel openen"),
        (Role::Zorgaanbieder, Route::Bundels, "Dossiers"),
        (Role::WmoConsulent, Route::BundelOpenen, "Dossiers"),
    ] {
        let (root, spy) = mount(route.clone(), with_role(role)).await;
        assert_eq!(
            find(&root, "main h1").text_content().unwrap(),
            "Deze pagina hoort niet bij de rol van deze kluis",
            "{role:?} {route:?}"
        );
        let link = find(&root, "main h1 + p a");
        assert!(link.text_content().unwrap().ends_with(start));
        link.click();
        yew::scheduler::flush().await;
        assert!(route_of(&spy).allowed(Some(role)), "{role:?}");
        assert!(!text(&root).contains("hoort niet bij de rol"));
        root.remove();
    }
}

#[wasm_bindgen_test]
async fn the_dossier_offers_only_the_steps_of_the_role() {
    for (role, tabs, first) in [
        (Some(Role::Zorgaanbieder), 1, "Stap 1"),
        (Some(Role::WmoConsulent), 3, "Stap 1"),
        (Some(Role::Regisseur), 2, "Stap 4"),
        (None, 6, "Stap 1"),
    ] {
        let mut ws = fixtures::workspace();
        if let Some(r) = role {
            ws.choose_role(r).unwrap();
        }
        ws.add_case("k7f3q9ab").unwrap();
        let (root, _) = mount(Route::Dossier("k7f3q9ab".into()), ws).await;
        let steps = texts(&root, ".stapper .stap-nummer");
        assert_eq!(steps.len(), tabs, "{role:?}: {steps:?}");
        assert_eq!(steps[0], first);
        root.remove();
    }
}

/// The notice of a vault made before roles leads to the split: the plan, the teruggave for the
/// confirmed Wmo consultant, a refusal without the confirmation, and the split itself, after
/// which the vault is the coordinator's and holds no name or BSN.
#[wasm_bindgen_test]
async fn an_old_vault_is_split_from_its_notice() {
    let today = woonkans_core::date::Date::new(2026, 11, 2).unwrap();
    let mut old = fixtures::workspace();
    fixtures::add_ready_case(&mut old, "oud1aaaa", &fixtures::RESIDENTS[0]);
    fixtures::add_ready_case(&mut old, "oud2bbbb", &fixtures::RESIDENTS[1]);
    old.add_case("oud3cccc").unwrap();
    fixtures::coordinator_keys(&mut old, today);
    let mut wmo = fixtures::role_vault(Role::WmoConsulent, "Wmo Venlo", 12, today);
    fixtures::introduce(&mut old, &mut wmo, today);
    let (root, spy) = mount(Route::Privacy, old).await;
    find(&root, ".rol-melding a").click();
    yew::scheduler::flush().await;
    assert_eq!(route_of(&spy), Route::Splitsen);
    let page = text(&root);
    assert!(page.contains("Blijven als regisseursdossier (2)"), "{page}");
    assert!(page.contains("Gaan helemaal naar de Wmo-consulent (1)"));
    assert!(page.contains("Anna de Vries"));
    // Before the teruggave the split cannot even be asked for.
    let split = find(&root, "#splitsen-titel ~ button");
    assert!(split.has_attribute("disabled"));
    let select: web_sys::HtmlSelectElement =
        find(&root, "#teruggave-ontvanger").dyn_into().unwrap();
    assert_eq!(
        select
            .selected_options()
            .item(0)
            .unwrap()
            .text_content()
            .unwrap(),
        "Wmo Venlo"
    );
    find(&root, "#teruggave-titel ~ button").click();
    yew::scheduler::flush().await;
    assert!(
        find(&root, "#splitsen-uitkomst")
            .text_content()
            .unwrap()
            .contains("De teruggave is versleuteld")
    );
    // The outcome takes the focus, so a screen reader reads it.
    assert_eq!(focused_id(), "splitsen-uitkomst");
    assert!(ws_of(&spy).settings().split_export.is_some());
    // Without the confirmation: refused in words, nothing changes.
    let split = find(&root, "#splitsen-titel ~ button");
    assert!(!split.has_attribute("disabled"));
    split.click();
    yew::scheduler::flush().await;
    assert!(
        find(&root, "#splitsen-uitkomst")
            .text_content()
            .unwrap()
            .contains("Bevestig eerst")
    );
    assert_eq!(ws_of(&spy).cases().len(), 3);
    let check: web_sys::HtmlInputElement = find(&root, "#splitsen-bevestiging").dyn_into().unwrap();
    check.set_checked(true);
    fire(&check, "change");
    yew::scheduler::flush().await;
    find(&root, "#splitsen-titel ~ button").click();
    yew::scheduler::flush().await;
    let ws = ws_of(&spy);
    assert_eq!(ws.role(), Some(Role::Regisseur));
    assert_eq!(ws.cases().len(), 2);
    assert_eq!(route_of(&spy), Route::Dossiers);
    let stored = serde_json::to_string(ws.cases()).unwrap();
    for r in &fixtures::RESIDENTS[..3] {
        assert!(
            !stored.contains(r.bsn) && !stored.contains(r.surname),
            "{}",
            r.surname
        );
    }
    assert!(!text(&root).contains("voordat er rollen waren"));
    root.remove();
}

async fn set_value(root: &web_sys::Element, css: &str, value: &str) {
    let el = find(root, css);
    if let Ok(s) = el.clone().dyn_into::<web_sys::HtmlSelectElement>() {
        s.set_value(value);
    } else {
        let i: web_sys::HtmlInputElement = el.clone().dyn_into().unwrap();
        i.set_value(value);
    }
    fire(&el, "change");
    yew::scheduler::flush().await;
}

/// A coordinator without a Wmo consultant in the app types the step-4 row: an empty form names
/// every field it needs, a filled one makes a case at step 4 and opens it; nothing else is asked.
#[wasm_bindgen_test]
async fn the_coordinator_types_the_step_four_row() {
    let today = woonkans_core::date::Date::new(2026, 11, 2).unwrap();
    let regie = fixtures::role_vault(Role::Regisseur, "Ketenregie", 13, today);
    // Reached from the coordinator's Dossiers page.
    let (root, spy) = mount(Route::Dossiers, regie).await;
    let link = find(&root, "#zaken-getypt a");
    assert_eq!(link.get_attribute("href").as_deref(), Some("/stap-4-typen"));
    link.click();
    yew::scheduler::flush().await;
    assert_eq!(spy.borrow().as_ref().unwrap().route, Route::Stap4Typen);
    find(&root, "main form button[type=submit]").click();
    yew::scheduler::flush().await;
    assert_eq!(texts(&root, "#stap4-fouten li").len(), 8);
    // Only the step-4 row: no field for a name, BSN, address, birth date, income or health.
    let labels = texts(&root, "main form label").join(" | ").to_lowercase();
    for word in [
        "naam",
        "bsn",
        "adres",
        "geboortedatum",
        "inkomen (",
        "gezondheid",
    ] {
        assert!(!labels.contains(word), "{word} in {labels}");
    }
    set_value(&root, "#stap4-woonsituatie", "socialShelter").await;
    set_value(&root, "#stap4-leeftijd", "23-27").await;
    set_value(&root, "#stap4-gemeente", "Venray").await;
    set_value(&root, "#stap4-huishouden", "1").await;
    set_value(&root, "#stap4-inkomen", "atOrBelowLimit").await;
    set_value(&root, "#stap4-datum-aanmelding", "01-09-2026").await;
    set_value(&root, "#stap4-datum-plan", "01-10-2026").await;
    set_value(&root, "#stap4-rapport", "Wmo-consulent Venray, rapport").await;
    find(&root, "main form button[type=submit]").click();
    yew::scheduler::flush().await;
    let ws = ws_of(&spy);
    assert_eq!(ws.cases().len(), 1);
    let case = &ws.cases()[0];
    assert_eq!(route_of(&spy), Route::Dossier(case.dossier.id.clone()));
    assert_eq!(case.dossier.gemeente, "Venray");
    assert!(case.overdracht.is_some());
    root.remove();
    // Another role is told where this belongs.
    let (root, _) = mount(
        Route::Stap4Typen,
        fixtures::role_vault(Role::WmoConsulent, "Wmo", 12, today),
    )
    .await;
    assert!(text(&root).contains("hoort bij de kluis van de regisseur"));
    root.remove();
}

/// Noord-Limburg's coordinator is a Ketenregisseur until the region gets a Procesregisseur: the
/// title changes on the Privacy page, and only in a coordinator's vault.
#[wasm_bindgen_test]
async fn the_coordinator_changes_the_title_on_the_privacy_page() {
    let mut regie = with_role(Role::Regisseur);
    regie.set_region(Some(woonkans_core::region::Region::NoordLimburg));
    let (root, spy) = mount(Route::Privacy, regie).await;
    let select: web_sys::HtmlSelectElement = find(&root, "#regisseur-titel").dyn_into().unwrap();
    assert_eq!(select.value(), "");
    assert!(text(&root).contains("Volgens de regio: Ketenregisseur"));
    assert_eq!(ws_of(&spy).role_title(), Some("Ketenregisseur"));
    select.set_value("procesregisseur");
    fire(&select, "change");
    yew::scheduler::flush().await;
    assert_eq!(ws_of(&spy).role_title(), Some("Procesregisseur"));
    let select: web_sys::HtmlSelectElement = find(&root, "#regisseur-titel").dyn_into().unwrap();
    assert_eq!(select.value(), "procesregisseur");
    select.set_value("");
    fire(&select, "change");
    yew::scheduler::flush().await;
    assert_eq!(ws_of(&spy).role_title(), Some("Ketenregisseur"));
    root.remove();

    let (root, _) = mount(Route::Privacy, with_role(Role::WmoConsulent)).await;
    assert!(root.query_selector("#regisseur-titel").unwrap().is_none());
    root.remove();
}
