//! The harness of the component tests of transfers between roles (`transfers.rs`,
//! `huurgegevens.rs`): the app mounted on a vault, the DOM helpers, downloads caught in the
//! page, and the residents' dossiers in the vaults of three parties who know each other.
// Each test file uses a part of it.
#![allow(dead_code)]

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use woonkans_core::code::CodeKey;
use woonkans_core::date::Date;
use woonkans_core::disclosure::DisclosureKind;

use woonkans_core::fixtures::{self, role_vault};
use woonkans_core::keys::{Fingerprint, Role};

use woonkans_core::workspace::Workspace;
use woonkans_web::components::nav::Nav;
use woonkans_web::pages::Page;
use woonkans_web::route::Route;
use woonkans_web::session::Open;
use woonkans_web::state::{AppContext, AppState, Session};
use woonkans_web::vault;
use yew::prelude::*;

pub const PASS: &str = "enveloppen tussen drie partijen";
pub const IDS: [&str; 2] = ["zkaa0101", "zkbb0202"];

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
            <Nav />
            <main><Page route={state.route.clone()} /></main>
        </ContextProvider<AppContext>>
    }
}

pub type Spy = Rc<RefCell<Option<AppContext>>>;

pub async fn mount(route: Route, ws: Workspace) -> (web_sys::Element, Spy) {
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

pub fn ws_of(spy: &Spy) -> Workspace {
    spy.borrow().as_ref().unwrap().workspace().unwrap().clone()
}

pub fn route_of(spy: &Spy) -> Route {
    spy.borrow().as_ref().unwrap().route.clone()
}

pub fn find(root: &web_sys::Element, css: &str) -> web_sys::HtmlElement {
    root.query_selector(css)
        .unwrap()
        .unwrap_or_else(|| panic!("no {css}"))
        .dyn_into()
        .unwrap()
}

pub fn has(root: &web_sys::Element, css: &str) -> bool {
    root.query_selector(css).unwrap().is_some()
}

pub fn text(root: &web_sys::Element) -> String {
    root.text_content().unwrap_or_default()
}

pub fn texts(root: &web_sys::Element, css: &str) -> Vec<String> {
    let list = root.query_selector_all(css).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

/// Whether `word` occurs in `text` with no letter right before or after it.
pub fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphabetic) && !after.is_some_and(char::is_alphabetic)
    })
}

pub fn focused_id() -> String {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

pub fn today() -> Date {
    woonkans_web::browser::today()
}

pub fn fp(ws: &Workspace) -> Fingerprint {
    ws.parties().keys().unwrap().card().fingerprint()
}

/// The care provider's dossier of resident `i`: step-1 data and the mandate
/// (`fixtures::registered`, dated today).
pub fn registered(zorg: &mut Workspace, id: &str, i: usize) {
    fixtures::registered(zorg, id, i, today());
}

/// What the Wmo consultant adds at step 3, and the gates into step 4
/// (`fixtures::investigated`, dated today).
pub fn investigated(wmo: &mut Workspace, id: &str, i: usize) {
    fixtures::investigated(wmo, id, i, today());
}

/// Resident `i` through the aanmelding, the investigation and the overdracht: the coordinator
/// holds the case at step 4.
pub fn to_coordinator(p: &mut Parties, id: &str, i: usize) {
    p.to_coordinator(id, i);
}

pub type Parties = fixtures::Chain;

/// The chain of vaults (`fixtures::Chain`), dated today; a second Wmo consultant's card is
/// imported at the care provider but not confirmed.
pub fn parties() -> Parties {
    let mut p = fixtures::Chain::new(today());
    let horst = role_vault(Role::WmoConsulent, "Wmo Horst", 14, today());
    let (_, card) = horst.own_card_file().unwrap();
    p.zorg.import_card(card.as_bytes(), None, today()).unwrap();
    p
}

// Downloads caught in the page, files put into file inputs (as in bundels.rs).

pub fn capture_downloads() {
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

pub fn download_count() -> u32 {
    js_sys::eval("(window.__woonkansDownloads || []).length")
        .unwrap()
        .as_f64()
        .unwrap_or(0.0) as u32
}

pub async fn last_download() -> (String, Vec<u8>) {
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

pub fn bubbling(kind: &str) -> web_sys::Event {
    let event = web_sys::Event::new(kind).unwrap();
    event.init_event_with_bubbles_and_cancelable(kind, true, false);
    event
}

pub async fn choose_file(root: &web_sys::Element, css: &str, name: &str, bytes: &[u8]) {
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

pub async fn wait_until(mut done: impl FnMut() -> bool, what: &str) {
    for _ in 0..300 {
        yew::scheduler::flush().await;
        if done() {
            return;
        }
        gloo::timers::future::TimeoutFuture::new(10).await;
    }
    panic!("never happened: {what}");
}

pub async fn click_button(root: &web_sys::Element, label: &str) {
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

pub async fn choose_option(root: &web_sys::Element, css: &str, value: &str) {
    let select: web_sys::HtmlSelectElement = find(root, css).dyn_into().unwrap();
    select.set_value(value);
    select.dispatch_event(&bubbling("change")).unwrap();
    yew::scheduler::flush().await;
}

pub fn sent(ws: &Workspace, id: &str) -> usize {
    ws.case(id)
        .unwrap()
        .log
        .iter()
        .filter(|e| e.kind == DisclosureKind::TransferSent)
        .count()
}

/// Types `value` into the input or select at `css`, as input and change events.
pub async fn set_value(root: &web_sys::Element, css: &str, value: &str) {
    let el = find(root, css);
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        i.set_value(value);
    } else if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        s.set_value(value);
    }
    for kind in ["input", "change"] {
        el.dispatch_event(&bubbling(kind)).unwrap();
    }
    yew::scheduler::flush().await;
}

/// How many printable documents the page shows (`components::print::Printable` counts them on
/// the body), so printing keeps to the document while any is shown.
pub fn printable_documents() -> u32 {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .body()
        .unwrap()
        .get_attribute("data-afdruk")
        .and_then(|v| v.parse::<u32>().ok())
        .unwrap_or(0)
}

/// Opens the dossier page's tab of step `number`.
pub async fn show_step(root: &web_sys::Element, number: u8) {
    let buttons = root.query_selector_all("nav.stapper button").unwrap();
    for i in 0..buttons.length() {
        let b: web_sys::HtmlElement = buttons.get(i).unwrap().dyn_into().unwrap();
        if b.text_content()
            .unwrap_or_default()
            .starts_with(&format!("Stap {number} "))
        {
            b.click();
            yew::scheduler::flush().await;
            return;
        }
    }
    panic!("no tab for step {number}");
}
