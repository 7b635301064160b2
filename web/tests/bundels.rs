#![cfg(target_arch = "wasm32")]
//! The Bundels page (write through the leak guard, seal in an envelope, download, log; open a
//! reply), the association's page (open the envelope, answer per code) and the received
//! bundle's view, in a real browser with a real (freshly made) vault. The two sides are two
//! workspaces made here, their key cards exchanged as people do it.

mod parties;

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use woonkans_core::bundle::{self, BundleInput, BundleProfileInput};
use woonkans_core::code::{self, CodeKey};
use woonkans_core::date::Date;
use woonkans_core::dossier::PersonName;
use woonkans_core::envelope::{self, MessageType};
use woonkans_core::fixtures::{self, RESIDENTS};
use woonkans_core::profile::ProfileCategory;
use woonkans_core::region::Region;
use woonkans_core::register::Step;
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

/// The coordinator's keys, and the vault of `association` that knows them (and they it).
fn exchange_cards(ws: &mut Workspace, association: &str) -> Workspace {
    parties::coordinator_keys(ws, today());
    parties::association_vault(ws, association, today())
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
async fn a_clean_bundle_is_sealed_downloaded_and_logged() {
    let mut ws = workspace();
    let association = fitting_association(&ws);
    let _association_vault = exchange_cards(&mut ws, &association);
    capture_downloads();
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
    assert!(t.contains(&expected));
    let state = spy.borrow().clone().unwrap();
    let ws = state.workspace().unwrap();
    assert_eq!(ws.log().len(), 1);
    assert_eq!(ws.log()[0].codes, vec![expected.clone()]);
    assert!(t.contains(&ws.log()[0].bundle_id), "bundle id shown");
    // The envelope's name carries the bundle's id; the file is an envelope, not a bundle.
    let (name, bytes) = last_download().await;
    let id: [u8; 16] = std::array::from_fn(|i| {
        u8::from_str_radix(&ws.log()[0].bundle_id[2 * i..2 * i + 2], 16).unwrap()
    });
    assert_eq!(name, envelope::file_name(MessageType::Bundel, today(), &id));
    assert!(t.contains(&name), "{t}");
    assert!(
        bundle::verify_bundle(&bytes).is_err(),
        "only an envelope leaves"
    );
    let sent = String::from_utf8(bytes).unwrap();
    assert!(sent.contains("\"format\":\"woonkans-envelop\""));
    for value in ["Anna", "Vries", BSN, expected.as_str()] {
        assert!(!sent.contains(value), "the envelope shows {value}");
    }
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
    let _association_vault = exchange_cards(&mut ws, &association);
    capture_downloads();

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
    let _association_vault = exchange_cards(&mut ws, &association);
    capture_downloads();
    let downloads_before = download_count();
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
    assert_eq!(download_count(), downloads_before, "nothing downloaded");
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
        prints: Vec::new(),
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
            prints: None,
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

// ---------------------------------------------------------------------------------------------
// Envelopes: downloads caught in the page, files put into file inputs.

/// From now on a download (the app clicks a link with `download`) is kept in the page instead
/// of saved: its name and blob address, to read back with [`last_download`].
fn capture_downloads() {
    js_sys::eval(
        "if (!window.__woonkansDownloads) {\
           window.__woonkansDownloads = [];\
           const click = HTMLAnchorElement.prototype.click;\
           HTMLAnchorElement.prototype.click = function () {\
             if (this.download) { window.__woonkansDownloads.push([this.download, this.href]); return; }\
             return click.call(this);\
           };\
         }",
    )
    .unwrap();
}

fn download_count() -> u32 {
    js_sys::eval("(window.__woonkansDownloads || []).length")
        .unwrap()
        .as_f64()
        .unwrap_or(0.0) as u32
}

/// The name and bytes of the newest download.
async fn last_download() -> (String, Vec<u8>) {
    let pair =
        js_sys::eval("window.__woonkansDownloads[window.__woonkansDownloads.length - 1]").unwrap();
    let pair: js_sys::Array = pair.dyn_into().expect("a download was made");
    let name = pair.get(0).as_string().unwrap();
    let href = pair.get(1).as_string().unwrap();
    let promise: js_sys::Promise =
        js_sys::eval(&format!("fetch('{href}').then(r => r.arrayBuffer())"))
            .unwrap()
            .dyn_into()
            .unwrap();
    let buffer = wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    (name, js_sys::Uint8Array::new(&buffer).to_vec())
}

fn bubbling(kind: &str) -> web_sys::Event {
    let event = web_sys::Event::new(kind).unwrap();
    event.init_event_with_bubbles_and_cancelable(kind, true, false);
    event
}

/// Puts a file with `bytes` into the file input and fires its change event.
async fn choose_file(root: &web_sys::Element, css: &str, name: &str, bytes: &[u8]) {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let file = web_sys::File::new_with_u8_array_sequence(&parts, name).unwrap();
    let dt = web_sys::DataTransfer::new().unwrap();
    let items = js_sys::Reflect::get(&dt, &"items".into()).unwrap();
    let add: js_sys::Function = js_sys::Reflect::get(&items, &"add".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    add.call1(&items, &file).unwrap();
    let input: web_sys::HtmlInputElement = find(root, css).dyn_into().unwrap();
    input.set_files(dt.files().as_ref());
    input.dispatch_event(&bubbling("change")).unwrap();
    yew::scheduler::flush().await;
}

/// Types `value` into a text input (input and change events).
async fn type_into(root: &web_sys::Element, css: &str, value: &str) {
    let input: web_sys::HtmlInputElement = find(root, css).dyn_into().unwrap();
    input.set_value(value);
    for kind in ["input", "change"] {
        input.dispatch_event(&bubbling(kind)).unwrap();
    }
    yew::scheduler::flush().await;
}

/// Lets timers and file reads run until `root` shows `needle`.
async fn wait_for_text(root: &web_sys::Element, needle: &str) {
    for _ in 0..300 {
        yew::scheduler::flush().await;
        if text(root).contains(needle) {
            return;
        }
        gloo::timers::future::TimeoutFuture::new(10).await;
    }
    panic!("not shown: {needle}; page: {}", text(root));
}

async fn click_button(root: &web_sys::Element, label: &str) {
    let buttons = root.query_selector_all("button").unwrap();
    for i in 0..buttons.length() {
        let b: web_sys::HtmlElement = buttons.get(i).unwrap().dyn_into().unwrap();
        if b.text_content().unwrap_or_default().trim() == label {
            b.click();
            yew::scheduler::flush().await;
            return;
        }
    }
    panic!("no button {label}");
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

fn ws_of(spy: &Rc<RefCell<Option<AppContext>>>) -> Workspace {
    spy.borrow().as_ref().unwrap().workspace().unwrap().clone()
}

/// The row of the reply form whose legend shows `code`.
fn reply_row(root: &web_sys::Element, code: &str) -> String {
    let rows = root.query_selector_all("fieldset.reactie-code").unwrap();
    for i in 0..rows.length() {
        let row: web_sys::Element = rows.get(i).unwrap().dyn_into().unwrap();
        let legend = row
            .query_selector("legend .codelabel")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap_or_default();
        if legend == code {
            return row.id();
        }
    }
    panic!("no reply row for {code}");
}

// ---------------------------------------------------------------------------------------------
// The round trip: the coordinator's bundle, the association's reply, the answers on the cases.

const TWO: [(&str, (&str, &str, &str), &str); 2] = [
    ("klaar0001", ("Anna", "de", "Vries"), BSN),
    ("klaar0002", ("Daan", "", "Janssen"), "111222333"),
];

#[wasm_bindgen_test]
async fn a_bundle_goes_to_the_association_and_its_reply_lands_on_the_right_cases() {
    capture_downloads();
    let mut coordinator = Workspace::new(sample_offer());
    coordinator.set_region(Some(Region::NoordLimburg));
    for (id, name, bsn) in TWO {
        add_ready_case(&mut coordinator, id, name, bsn);
        coordinator.case_mut(id).unwrap().dossier.step = Step::AssociationTalks;
    }
    let association = fitting_association(&coordinator);
    let name = coordinator
        .offer()
        .association(&association)
        .unwrap()
        .name
        .clone();
    let association_ws = exchange_cards(&mut coordinator, &association);
    let key = CodeKey::from_bytes([5; 32]);
    // Each case's code, derived here from the key and the case, never read from the app.
    let code_of = |id: &str| {
        let case = coordinator.case(id).unwrap();
        code::derive(&key, &association, case.stable_id()).to_string()
    };
    let (code_a, code_b) = (code_of(TWO[0].0), code_of(TWO[1].0));

    // 1. The coordinator makes the bundle on the Bundels page: an envelope is downloaded.
    let (root, spy) = mount(Route::Bundels, Some(open_session(coordinator).await)).await;
    choose(&root, "#corporatie", &association).await;
    assert!(
        root.query_selector("#corporatie-sleutel")
            .unwrap()
            .is_none()
    );
    for (id, _, _) in TWO {
        click(&root, &format!("#dossier-{id}")).await;
    }
    submit_button(&root).click();
    yew::scheduler::flush().await;
    assert!(text(&root).contains("Bundel gemaakt"), "{}", text(&root));
    let (bundle_name, bundle_bytes) = last_download().await;
    assert!(bundle_name.starts_with(&format!("woonkans-bundel-{}-", today().iso())));
    let coordinator = ws_of(&spy);
    assert_eq!(coordinator.log().len(), 1);

    // 2. The association opens it on its own page, with its own vault.
    let (root, spy) = mount(
        Route::BundelOpenen,
        Some(open_session(association_ws).await),
    )
    .await;
    choose_file(&root, "#bundelbestand", &bundle_name, &bundle_bytes).await;
    wait_for_text(
        &root,
        &format!(
            "Van: {} (regisseur), ondertekening gecontroleerd",
            parties::COORDINATOR
        ),
    )
    .await;
    assert_eq!(
        focused_id(),
        "bundel-geopend",
        "the opened bundle takes the focus"
    );
    let t = text(&root);
    for needle in [
        code_a.as_str(),
        code_b.as_str(),
        "Beschermd wonen",
        "Ontvangen bundels (1)",
        "Nog geen reactie",
    ] {
        assert!(t.contains(needle), "missing {needle}: {t}");
    }
    for value in ["Anna", "Vries", "Janssen", BSN] {
        assert!(!t.contains(value), "the association sees {value}");
    }
    assert_eq!(ws_of(&spy).parties().inbox().len(), 1);

    // Nothing answered: the form says so.
    click_button(&root, "Reactie maken").await;
    wait_for_text(&root, "Geef bij minstens één code een antwoord.").await;
    assert_eq!(focused_id(), "reactie-fouten");
    let row_a = reply_row(&root, &code_a);
    let row_b = reply_row(&root, &code_b);
    // A dwelling offered without its number: the message sits at that code's row.
    click(&root, &format!("#{row_a}-dwellingOffered")).await;
    click_button(&root, "Reactie maken").await;
    let at_a = find(&root, &format!("#{row_a}")).text_content().unwrap();
    assert!(
        at_a.contains("Vul het nummer van de aangeboden woning in."),
        "{at_a}"
    );
    // A number the core refuses: its message too sits at the row of its code.
    type_into(&root, &format!("#{row_a}-woning"), "W 7!").await;
    click_button(&root, "Reactie maken").await;
    let at_a = find(&root, &format!("#{row_a}")).text_content().unwrap();
    assert!(
        at_a.contains("Vul het nummer van de aangeboden woning in zoals het in uw aanbod staat"),
        "{at_a}"
    );
    assert!(
        ws_of(&spy).parties().inbox()[0].replied.is_none(),
        "no reply yet"
    );
    type_into(&root, &format!("#{row_a}-woning"), "W-7").await;
    click(&root, &format!("#{row_b}-noOffer")).await;
    choose(&root, &format!("#{row_b}-reden"), "rentalHistory").await;
    let downloads = download_count();
    click_button(&root, "Reactie maken").await;
    wait_for_text(&root, "Reactie gemaakt").await;
    assert_eq!(focused_id(), "reactie-gemaakt");
    assert_eq!(download_count(), downloads + 1);
    let (reply_name, reply_bytes) = last_download().await;
    assert!(reply_name.starts_with(&format!("woonkans-reactie-{}-", today().iso())));
    assert!(text(&root).contains(&reply_name));
    assert!(ws_of(&spy).parties().inbox()[0].replied.is_some());

    // 3. The coordinator opens the reply: each answer lands on the case of its code.
    let (root, spy) = mount(Route::Bundels, Some(open_session(coordinator).await)).await;
    choose_file(&root, "#reactiebestand", &reply_name, &reply_bytes).await;
    wait_for_text(&root, &format!("Reactie van {name}: 2 antwoorden verwerkt")).await;
    assert_eq!(focused_id(), "reactie-uitkomst");
    let items = root.query_selector_all("#reactie-uitkomst li").unwrap();
    let shown: BTreeSet<String> = (0..items.length())
        .map(|i| items.get(i).unwrap().text_content().unwrap_or_default())
        .collect();
    let wanted: BTreeSet<String> = [
        format!("Anna de Vries (dossier klaar0001) ({code_a}): Woning aangeboden: W-7"),
        format!(
            "Daan Janssen (dossier klaar0002) ({code_b}): Geen passend aanbod: Het huurverleden staat een woning nu niet toe"
        ),
    ]
    .into();
    assert_eq!(shown, wanted);
    let ws = ws_of(&spy);
    let answer = |id: &str| ws.case(id).unwrap().replies[&association].answer.clone();
    assert_eq!(answer("klaar0001").code.to_string(), code_a);
    assert_eq!(answer("klaar0001").dwelling_id.as_deref(), Some("W-7"));
    assert_eq!(answer("klaar0002").code.to_string(), code_b);
    assert_eq!(
        answer("klaar0002").reason,
        Some(woonkans_core::reply::NoOfferReason::RentalHistory)
    );

    // The same reply again is refused as such, and nothing changes.
    let before = ws_of(&spy);
    choose_file(&root, "#reactiebestand", &reply_name, &reply_bytes).await;
    wait_for_text(&root, "Deze envelop is al verwerkt op").await;
    assert!(text(&root).contains("Deze reactie is niet verwerkt"));
    assert_eq!(focused_id(), "reactie-uitkomst");
    assert_eq!(ws_of(&spy), before);

    // 4. Step 5 of the dossier shows the latest answer beside the code.
    let (root, _) = mount(
        Route::Dossier("klaar0002".into()),
        Some(open_session(ws).await),
    )
    .await;
    let codes = find(&root, "table.codes tbody").text_content().unwrap();
    assert!(codes.contains(&code_b), "{codes}");
    assert!(
        codes.contains(&format!(
            "Geen passend aanbod: Het huurverleden staat een woning nu niet toe ({})",
            woonkans_core::vocab::date(today())
        )),
        "{codes}"
    );
}

#[wasm_bindgen_test]
async fn a_changed_envelope_and_a_bundle_for_another_association_are_refused() {
    let mut coordinator = workspace();
    let association = fitting_association(&coordinator);
    let association_ws = exchange_cards(&mut coordinator, &association);
    let key = CodeKey::from_bytes([5; 32]);
    let (sealed, _) = coordinator
        .seal_bundle(
            &key,
            &association,
            &["klaar0001".to_string()],
            [7; 16],
            [8; 32],
            today(),
            "2026-11-28T10:00:00",
        )
        .unwrap_or_else(|_| panic!("the bundle seals"));
    let mut changed = sealed.bytes.clone();
    let at = changed.len() / 2;
    changed[at] = if changed[at] == b'A' { b'B' } else { b'A' };
    // Another association's vault (its own keys) that knows the same coordinator.
    let other = coordinator
        .offer()
        .associations
        .iter()
        .find(|a| a.id != association)
        .unwrap()
        .id
        .clone();
    let mut elsewhere = coordinator.clone();
    let other_ws = parties::association_vault(&mut elsewhere, &other, today());

    let (root, spy) = mount(
        Route::BundelOpenen,
        Some(open_session(association_ws).await),
    )
    .await;
    choose_file(&root, "#bundelbestand", "gewijzigd.envelop.json", &changed).await;
    wait_for_text(&root, "Deze bundel is niet geopend").await;
    assert_eq!(focused_id(), "bundel-fout");
    assert!(ws_of(&spy).parties().inbox().is_empty(), "nothing kept");
    assert!(
        root.query_selector("fieldset.reactie-code")
            .unwrap()
            .is_none()
    );
    let (root, spy) = mount(Route::BundelOpenen, Some(open_session(other_ws).await)).await;
    choose_file(&root, "#bundelbestand", &sealed.file_name, &sealed.bytes).await;
    wait_for_text(&root, "Deze envelop is niet voor u bestemd").await;
    assert!(ws_of(&spy).parties().inbox().is_empty());
}

#[wasm_bindgen_test]
async fn without_keys_or_a_confirmed_card_the_bundels_page_says_so_first() {
    let mut ws = workspace();
    let association = fitting_association(&ws);
    let (root, _) = mount(Route::Bundels, Some(open_session(ws.clone()).await)).await;
    let notice = find(&root, "#geen-sleutels");
    assert!(
        notice
            .text_content()
            .unwrap()
            .contains("Deze kluis heeft nog geen sleutels.")
    );
    let link = find(&root, "#geen-sleutels a");
    assert_eq!(link.get_attribute("href").as_deref(), Some("/sleutels"));

    // Keys, but no card of this association yet: the core's message beside the choice.
    parties::coordinator_keys(&mut ws, today());
    let expected = ws.association_contact(&association).unwrap_err().message;
    let (root, _) = mount(Route::Bundels, Some(open_session(ws).await)).await;
    assert!(root.query_selector("#geen-sleutels").unwrap().is_none());
    assert!(!submit_button(&root).has_attribute("disabled"));
    choose(&root, "#corporatie", &association).await;
    let at = find(&root, "#corporatie-sleutel").text_content().unwrap();
    assert!(at.contains(&expected), "{at}");
    assert!(
        at.contains("Er is nog geen bevestigde sleutelkaart van"),
        "{at}"
    );
    assert_eq!(
        find(&root, "#corporatie-sleutel a")
            .get_attribute("href")
            .as_deref(),
        Some("/sleutels")
    );
    assert!(
        submit_button(&root).has_attribute("disabled"),
        "sending is off"
    );
}

#[wasm_bindgen_test]
async fn the_open_page_needs_an_association_vault() {
    // Without an open vault: the explanation and the vault's own screen.
    let (root, _) = mount(Route::BundelOpenen, None).await;
    let t = text(&root);
    assert!(t.contains("Bundel openen"));
    assert!(
        t.contains("gaat alleen open in de kluis van die corporatie"),
        "{t}"
    );
    assert!(root.query_selector("#wachtwoord").unwrap().is_some(), "{t}");
    assert!(root.query_selector("#bundelbestand").unwrap().is_none());

    // A vault without keys.
    let (root, _) = mount(Route::BundelOpenen, Some(open_session(workspace()).await)).await;
    assert!(
        find(&root, "#geen-sleutels")
            .text_content()
            .unwrap()
            .contains("Deze kluis heeft nog geen sleutels.")
    );
    assert_eq!(
        find(&root, "#geen-sleutels a")
            .get_attribute("href")
            .as_deref(),
        Some("/sleutels")
    );
    assert!(root.query_selector("#bundelbestand").unwrap().is_none());

    // The coordinator's vault: keys of another role.
    let mut ws = workspace();
    parties::coordinator_keys(&mut ws, today());
    let (root, _) = mount(Route::BundelOpenen, Some(open_session(ws).await)).await;
    let t = find(&root, "#andere-rol").text_content().unwrap();
    assert!(
        t.contains("Deze kluis heeft de sleutels van een regisseur"),
        "{t}"
    );
    assert!(root.query_selector("#bundelbestand").unwrap().is_none());

    // The association's vault: the file input, with its label.
    let mut ws = workspace();
    let association = fitting_association(&ws);
    let association_ws = exchange_cards(&mut ws, &association);
    let (root, _) = mount(
        Route::BundelOpenen,
        Some(open_session(association_ws).await),
    )
    .await;
    let input = find(&root, "#bundelbestand");
    assert_eq!(input.get_attribute("type").as_deref(), Some("file"));
    assert!(
        root.query_selector("label[for=bundelbestand]")
            .unwrap()
            .is_some(),
        "the file input has a label"
    );
}
