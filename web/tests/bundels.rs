#![cfg(target_arch = "wasm32")]
//! The Bundels page (write through the leak guard, download, log) and the received bundle's
//! view, in a real browser with a real (freshly made) vault.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use woonkans_core::bundle::{self, BundleInput, BundleProfileInput};
use woonkans_core::code::{self, CodeKey};
use woonkans_core::date::Date;
use woonkans_core::dossier::PersonName;
use woonkans_core::fixtures::{self, RESIDENTS};
use woonkans_core::profile::ProfileCategory;
use woonkans_core::region::Region;
use woonkans_core::sample::sample_offer;
use woonkans_core::workspace::Workspace;
use woonkans_web::pages::Page;
use woonkans_web::pages::bundel_openen::BundleView;
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

fn today() -> Date {
    woonkans_web::browser::today()
}

/// One resident with every gate to step 5 and a complete profile.
fn workspace() -> Workspace {
    let mut ws = Workspace::new(sample_offer());
    ws.set_region(Some(Region::NoordLimburg));
    add_ready_case(&mut ws, "klaar0001", ("Anna", "de", "Vries"), BSN);
    ws
}

/// Adds a case in Venlo with every gate to step 5 and a complete profile: the fixture's ready
/// case with this name and BSN, a note on the social network and 2.5 hours of support.
fn add_ready_case(ws: &mut Workspace, id: &str, name: (&str, &str, &str), bsn: &str) {
    let case = fixtures::add_ready_case(ws, id, &RESIDENTS[0]);
    case.dossier.name = PersonName {
        first_names: name.0.into(),
        tussenvoegsel: name.1.into(),
        surname: name.2.into(),
        ..PersonName::default()
    };
    case.dossier.bsn = Some(bsn.into());
    let draft = &mut case.profile;
    draft
        .assessments
        .get_mut(&ProfileCategory::SocialNetwork)
        .unwrap()
        .note = "Heeft contact met familie.".into();
    draft.support_hours_per_week = Some(2.5);
}

/// The first association with a dwelling that fits the resident.
fn fitting_association(ws: &Workspace) -> String {
    fitting_association_of(ws, "klaar0001")
}

fn fitting_association_of(ws: &Workspace, id: &str) -> String {
    let m = ws.match_case(id, today()).unwrap();
    m.associations
        .iter()
        .find(|a| a.eligible && a.best_score.is_some())
        .unwrap()
        .association_id
        .clone()
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

/// The app's context around one page, with a spy on the state.
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

fn root() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

async fn open_session(ws: Workspace) -> Open {
    vault::wipe();
    let v = vault::create(PASS).await.unwrap();
    Open {
        vault: v,
        key: CodeKey::from_bytes([5; 32]),
        ws,
        damaged: Vec::new(),
    }
}

async fn mount(
    route: Route,
    open: Option<Open>,
) -> (web_sys::Element, Rc<RefCell<Option<AppContext>>>) {
    let root = root();
    let spy = Rc::new(RefCell::new(None));
    let state = AppState {
        session: open.map_or(Session::Absent, |o| Session::Open(Rc::new(o))),
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

async fn choose(root: &web_sys::Element, css: &str, value: &str) {
    let select: web_sys::HtmlSelectElement = find(root, css).dyn_into().unwrap();
    select.set_value(value);
    let event = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_event("Event")
        .unwrap();
    event.init_event_with_bubbles_and_cancelable("change", true, false);
    select.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
}

async fn click(root: &web_sys::Element, css: &str) {
    find(root, css).click();
    yew::scheduler::flush().await;
}

fn submit_button(root: &web_sys::Element) -> web_sys::HtmlElement {
    find(root, "form button[type=submit]")
}

#[wasm_bindgen_test]
async fn a_clean_bundle_is_written_downloaded_and_logged() {
    let ws = workspace();
    let association = fitting_association(&ws);
    let key = CodeKey::from_bytes([5; 32]);
    let expected = code::derive(&key, &association, BSN).to_string();
    let (root, spy) = mount(Route::Bundels, Some(open_session(ws).await)).await;
    let t = text(&root);
    assert!(t.contains("Bundels"));
    assert!(t.contains("Anna de Vries (dossier klaar0001)"), "{t}");
    assert!(
        t.contains("past bij 1 dossier"),
        "eligibility shown per association"
    );

    // Nothing chosen: the error summary names both fields, and nothing is written.
    submit_button(&root).click();
    yew::scheduler::flush().await;
    let t = text(&root);
    assert!(t.contains("Kies een woningcorporatie."));
    assert!(t.contains("Kies minstens één dossier voor de bundel."));
    assert!(
        spy.borrow()
            .as_ref()
            .unwrap()
            .workspace()
            .unwrap()
            .log()
            .is_empty()
    );

    choose(&root, "#corporatie", &association).await;
    assert!(
        text(&root).contains(&format!("Code voor deze corporatie: {expected}")),
        "the code that will go is shown before writing"
    );
    click(&root, "#dossier-klaar0001").await;
    submit_button(&root).click();
    yew::scheduler::flush().await;

    let t = text(&root);
    assert!(t.contains("Bundel gemaakt"), "{t}");
    let file_name = bundle::file_name(&association, today());
    assert!(t.contains(&file_name), "{t}");
    assert!(t.contains(&expected));
    let state = spy.borrow().clone().unwrap();
    let ws = state.workspace().unwrap();
    assert_eq!(ws.log().len(), 1);
    assert_eq!(ws.log()[0].codes, vec![expected.clone()]);
    assert!(t.contains(&ws.log()[0].bundle_id), "bundle id shown");
    assert_eq!(ws.case("klaar0001").unwrap().codes[&association], expected);
    assert!(state.error.is_none());
}

/// Five residents, each with a valid BSN of their own.
const FIVE: [(&str, (&str, &str, &str), &str); 5] = [
    ("vijf00001", ("Lotte", "", "Hendriks"), "999994669"),
    ("vijf00002", ("Daan", "", "Janssen"), "111222333"),
    ("vijf00003", ("Femke", "van", "Gielen"), "123456782"),
    ("vijf00004", ("Gijs", "", "Coolen"), "999990019"),
    ("vijf00005", ("Sanne", "", "Peeters"), "999991917"),
];

#[wasm_bindgen_test]
async fn five_residents_in_one_bundle_each_keep_their_own_code() {
    let mut ws = Workspace::new(sample_offer());
    ws.set_region(Some(Region::NoordLimburg));
    for (id, name, bsn) in FIVE {
        add_ready_case(&mut ws, id, name, bsn);
    }
    let association = fitting_association_of(&ws, FIVE[0].0);
    let key = CodeKey::from_bytes([5; 32]);
    // Computed from each resident's own BSN, never read from what the app stored.
    let expected: BTreeMap<&str, String> = FIVE
        .iter()
        .map(|(id, _, bsn)| (*id, code::derive(&key, &association, bsn).to_string()))
        .collect();
    let label = |id: &str| {
        let (_, (first, tv, surname), _) = FIVE.iter().find(|(i, _, _)| *i == id).unwrap();
        let name = [*first, *tv, *surname]
            .iter()
            .filter(|p| !p.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        format!("{name} (dossier {id})")
    };
    // The page sends the cases in its list order, which is the workspace's: put them in the
    // reverse of their codes' order, so pairing codes sorted by text with the cases by position
    // would give every resident but the middle one another's code.
    let mut reversed = FIVE.to_vec();
    reversed.sort_by(|a, b| expected[b.0].cmp(&expected[a.0]));
    let mut ws = workspace();
    for (id, name, bsn) in reversed {
        add_ready_case(&mut ws, id, name, bsn);
    }

    let (root, spy) = mount(Route::Bundels, Some(open_session(ws).await)).await;
    choose(&root, "#corporatie", &association).await;
    for (id, _, _) in FIVE {
        let hint = find(&root, &format!("#dossier-{id}-hint"))
            .text_content()
            .unwrap_or_default();
        assert!(
            hint.contains(&format!("Code voor deze corporatie: {}.", expected[id])),
            "planned code for {id}: {hint}"
        );
        assert!(text(&root).contains(&label(id)), "{id} listed");
        click(&root, &format!("#dossier-{id}")).await;
    }
    submit_button(&root).click();
    yew::scheduler::flush().await;
    let t = text(&root);
    assert!(t.contains("Bundel gemaakt"), "{t}");

    // "Bundel gemaakt" lists each code with its own dossier's label, and nothing else.
    let items = root.query_selector_all("#bundel-uitkomst li").unwrap();
    let shown: BTreeSet<String> = (0..items.length())
        .map(|i| items.get(i).unwrap().text_content().unwrap_or_default())
        .collect();
    let wanted: BTreeSet<String> = FIVE
        .iter()
        .map(|(id, _, _)| format!("{} — {}", expected[id], label(id)))
        .collect();
    assert_eq!(items.length(), 5);
    assert_eq!(shown, wanted);
    for i in 0..items.length() {
        let li: web_sys::Element = items.get(i).unwrap().dyn_into().unwrap();
        let code = li
            .query_selector(".codelabel")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap_or_default();
        let (id, _) = expected.iter().find(|(_, c)| **c == code).unwrap();
        assert!(
            li.text_content().unwrap_or_default().ends_with(&label(id)),
            "{code} is shown with {id}"
        );
    }

    // Each case stores its own code and its own log entry; the log holds all five.
    let state = spy.borrow().clone().unwrap();
    let ws = state.workspace().unwrap();
    assert!(state.error.is_none());
    for (id, _, _) in FIVE {
        let case = ws.case(id).unwrap();
        assert_eq!(case.codes.get(&association), Some(&expected[id]), "{id}");
        assert_eq!(case.log.len(), 1);
        assert_eq!(case.log[0].codes, vec![expected[id].clone()], "{id}");
        let parsed = code::parse(&expected[id]).unwrap();
        assert_eq!(ws.resolve_code(None, &association, parsed), Some(id));
        assert_eq!(ws.resolve_code(Some(&key), &association, parsed), Some(id));
    }
    assert_eq!(ws.log().len(), 1);
    assert_eq!(
        ws.log()[0].codes.iter().cloned().collect::<BTreeSet<_>>(),
        expected.values().cloned().collect::<BTreeSet<_>>()
    );
}

#[wasm_bindgen_test]
async fn a_leak_refuses_the_bundle_and_names_the_field_not_the_value() {
    let mut ws = workspace();
    let association = fitting_association(&ws);
    // A dwelling id of the association that carries the resident's BSN: the profile's notes are
    // clean, so only the guard over the exact bytes can catch it.
    let best = ws
        .match_case("klaar0001", today())
        .unwrap()
        .eligible
        .into_iter()
        .find(|d| d.association_id == association)
        .unwrap()
        .dwelling_id;
    let mut offer = ws.offer().clone();
    let dwelling = offer.dwellings.iter_mut().find(|d| d.id == best).unwrap();
    dwelling.id = format!("W-{BSN}");
    ws.replace_offer(offer).unwrap();
    let (root, spy) = mount(Route::Bundels, Some(open_session(ws).await)).await;
    choose(&root, "#corporatie", &association).await;
    click(&root, "#dossier-klaar0001").await;
    submit_button(&root).click();
    yew::scheduler::flush().await;

    let t = text(&root);
    assert!(t.contains("Niet gedownload"), "{t}");
    assert!(t.contains("Burgerservicenummer"), "kind in Dutch");
    assert!(t.contains("matches"), "the field path is named");
    assert!(!t.contains(BSN), "the value found is never shown");
    assert!(!t.contains("Bundel gemaakt"));
    let link = find(&root, ".lekcontrole a");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/dossiers/klaar0001")
    );
    let state = spy.borrow().clone().unwrap();
    assert!(
        state.workspace().unwrap().log().is_empty(),
        "nothing logged"
    );
    assert!(
        state
            .workspace()
            .unwrap()
            .case("klaar0001")
            .unwrap()
            .codes
            .is_empty()
    );
}

#[wasm_bindgen_test]
async fn a_case_without_its_gates_is_listed_as_not_ready() {
    let mut ws = workspace();
    ws.case_mut("klaar0001").unwrap().dossier.gates.clear();
    let (root, _spy) = mount(Route::Bundels, Some(open_session(ws).await)).await;
    assert!(root.query_selector("#dossier-klaar0001").unwrap().is_none());
    let t = text(&root);
    assert!(t.contains("Nog niet klaar voor een bundel (1)"));
    assert!(t.contains("poort"), "{t}");
}

fn verified_sample() -> (woonkans_core::bundle::VerifiedBundle, Workspace, String) {
    let ws = workspace();
    let association = fitting_association(&ws);
    let key = CodeKey::from_bytes([5; 32]);
    let profile = ws.profile("klaar0001", d(2026, 11, 28)).unwrap();
    let written = bundle::write_bundle(&BundleInput {
        caseload: Vec::new(),
        bundle_id: [0xab; 16],
        date: d(2026, 11, 28),
        region: Region::NoordLimburg,
        recipient_id: association.clone(),
        recipient_name: "Corporatie Test".into(),
        profiles: vec![BundleProfileInput {
            code: code::derive(&key, &association, BSN),
            profile,
            matches: vec![bundle::MatchSummary {
                dwelling_id: "W-001".into(),
                score: 87,
            }],
            known: ws.case("klaar0001").unwrap().dossier.known(),
        }],
    })
    .unwrap();
    (
        bundle::verify_bundle(&written.bytes).unwrap(),
        ws,
        association,
    )
}

#[wasm_bindgen_test]
async fn a_verified_bundle_reads_as_dutch() {
    let (verified, _, _) = verified_sample();
    let code = verified.profiles[0].code.to_string();
    let root = root();
    yew::Renderer::<BundleView>::with_root_and_props(
        root.clone(),
        woonkans_web::pages::bundel_openen::BundleViewProps {
            bundle: Rc::new(verified.clone()),
            lookups: None,
        },
    )
    .render();
    yew::scheduler::flush().await;
    let t = text(&root);
    for needle in [
        "De bundel is echt en onveranderd.",
        "Ketenregisseur, Noord-Limburg",
        "Corporatie Test",
        "28-11-2026",
        &"ab".repeat(16),
        &verified.digest,
        &code,
        "Vrouw",
        "Beschermd wonen",
        "niveau 3 van 5: beperkt zelfredzaam",
        "Heeft contact met familie.",
        "Venlo",
        "Geen voorkeur",
        "Huurovereenkomst met gekoppelde zorgovereenkomst",
        "2,5 uur per week; 24 uur per dag bereikbaar: ja",
        "Huisbezoek binnen twee werkdagen.",
        "Niet nodig",
        "1 persoon",
        "23-27 jaar",
        "per maand (kale huur)",
        "W-001",
        "87",
    ] {
        assert!(t.contains(needle), "missing {needle}: {t}");
    }
    assert!(t.contains("€ "), "rent in euro");
    assert!(
        root.query_selector_all("th[scope=col]").unwrap().length() >= 5,
        "table headers carry scope"
    );
}

#[wasm_bindgen_test]
async fn the_open_page_works_without_a_vault_and_offers_lookup_only_to_the_coordinator() {
    let (root, _) = mount(Route::BundelOpenen, None).await;
    let t = text(&root);
    assert!(t.contains("Bundel openen"));
    assert!(!t.contains("Code opzoeken"));
    let input = find(&root, "#bundelbestand");
    assert_eq!(input.get_attribute("type").as_deref(), Some("file"));
    assert!(
        root.query_selector("label[for=bundelbestand]")
            .unwrap()
            .is_some(),
        "the file input has a label"
    );
}

#[wasm_bindgen_test]
async fn looked_up_codes_link_to_the_dossier() {
    let (verified, _, _) = verified_sample();
    let root = root();
    yew::Renderer::<BundleView>::with_root_and_props(
        root.clone(),
        woonkans_web::pages::bundel_openen::BundleViewProps {
            bundle: Rc::new(verified),
            lookups: Some(Rc::new(vec![
                woonkans_web::pages::bundel_openen::Lookup::Found {
                    id: "klaar0001".into(),
                    label: "Anna de Vries (dossier klaar0001)".into(),
                },
            ])),
        },
    )
    .render();
    yew::scheduler::flush().await;
    let link = find(&root, ".profiel a");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/dossiers/klaar0001")
    );
    assert!(text(&root).contains("Hoort bij: Anna de Vries"));
}
