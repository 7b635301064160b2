#![cfg(target_arch = "wasm32")]
//! The "Sleutels en adresboek" page in a real browser: making keys, the own key card and its
//! fingerprint, renewing the keys, and the contact book (import, confirm, a changed key, link,
//! remove). Expected fingerprints are computed here from the keys' public halves, not read from
//! what the page shows.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use woonkans_core::code::CodeKey;
use woonkans_core::date::Date;
use woonkans_core::fixtures;
use woonkans_core::keys::{Fingerprint, Identity, OwnKeys, Role};
use woonkans_core::region::Region;
use woonkans_core::workspace::Workspace;
use woonkans_web::pages::Page;
use woonkans_web::route::Route;
use woonkans_web::session::Open;
use woonkans_web::state::{AppContext, AppState, Session};
use woonkans_web::vault;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const PASS: &str = "blauwe reiger vist bij Roermond";

fn today() -> Date {
    woonkans_web::browser::today()
}

fn identity(role: Role, organisation: &str, id: &str) -> Identity {
    Identity {
        role,
        organisation: organisation.into(),
        organisation_id: id.into(),
        region: Some(Region::NoordLimburg),
    }
}

/// Another organisation's keys, made here with fixed randomness.
fn other(role: Role, organisation: &str, id: &str, seed: u8) -> OwnKeys {
    OwnKeys::new(identity(role, organisation, id), today(), [seed; 64]).unwrap()
}

fn card_file(k: &OwnKeys) -> Vec<u8> {
    k.card().to_file(k).unwrap().into_bytes()
}

/// The fingerprint of a key pair from its two public keys, as the card's reader computes it.
fn fingerprint_of(k: &OwnKeys) -> Fingerprint {
    Fingerprint::of(&k.public_signing_key(), &k.public_encryption_key())
}

/// The Noord-Limburg coordinator's workspace with keys of its own.
fn workspace_with_keys() -> Workspace {
    let mut ws = fixtures::workspace();
    ws.create_keys(
        identity(Role::Regisseur, "Regie Noord-Limburg", "regie-noord"),
        today(),
        [1; 64],
    )
    .unwrap();
    ws
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

type Spy = Rc<RefCell<Option<AppContext>>>;

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn mount(ws: Workspace) -> (web_sys::Element, Spy) {
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
                route: Route::Sleutels,
                ..AppState::default()
            },
            spy: spy.clone(),
        },
    )
    .render();
    yew::scheduler::flush().await;
    (root, spy)
}

/// The workspace as the app holds it now.
fn current(spy: &Spy) -> Workspace {
    spy.borrow().as_ref().unwrap().workspace().unwrap().clone()
}

fn find(root: &web_sys::Element, css: &str) -> web_sys::HtmlElement {
    root.query_selector(css)
        .unwrap()
        .unwrap_or_else(|| panic!("no {css}"))
        .dyn_into()
        .unwrap()
}

fn all(root: &web_sys::Element, css: &str) -> Vec<web_sys::HtmlElement> {
    let list = root.query_selector_all(css).unwrap();
    (0..list.length())
        .filter_map(|i| list.get(i))
        .map(|n| n.dyn_into().unwrap())
        .collect()
}

fn text(root: &web_sys::Element) -> String {
    root.text_content().unwrap_or_default()
}

/// A button by its visible label; a label may go on with words only a screen reader hears
/// ("Verwijderen: De Brug").
fn button(root: &web_sys::Element, label: &str) -> web_sys::HtmlElement {
    all(root, "button")
        .into_iter()
        .find(|b| b.text_content().unwrap_or_default().starts_with(label))
        .unwrap_or_else(|| panic!("no button {label}: {}", text(root)))
}

async fn click(root: &web_sys::Element, label: &str) {
    button(root, label).click();
    yew::scheduler::flush().await;
}

fn bubbling(kind: &str) -> web_sys::Event {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    web_sys::Event::new_with_event_init_dict(kind, &init).unwrap()
}

async fn set_value(root: &web_sys::Element, css: &str, value: &str) {
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

fn value(root: &web_sys::Element, css: &str) -> String {
    let el = find(root, css);
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        return i.value();
    }
    el.dyn_into::<web_sys::HtmlSelectElement>().unwrap().value()
}

fn focused() -> String {
    document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

/// Puts a file with `bytes` into the card input and fires its change event.
async fn choose_card(root: &web_sys::Element, bytes: &[u8]) {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let file = web_sys::File::new_with_u8_array_sequence(&parts, "kaart.json").unwrap();
    let dt = web_sys::DataTransfer::new().unwrap();
    let items = js_sys::Reflect::get(&dt, &"items".into()).unwrap();
    let add: js_sys::Function = js_sys::Reflect::get(&items, &"add".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    add.call1(&items, &file).unwrap();
    let input: web_sys::HtmlInputElement = find(root, "#sleutelkaartbestand").dyn_into().unwrap();
    input.set_files(dt.files().as_ref());
    input.dispatch_event(&bubbling("change")).unwrap();
    yew::scheduler::flush().await;
}

/// Lets the file read run until the page shows `needle`.
async fn wait_for_text(root: &web_sys::Element, needle: &str) {
    for _ in 0..200 {
        yew::scheduler::flush().await;
        if text(root).contains(needle) {
            return;
        }
        gloo::timers::future::TimeoutFuture::new(10).await;
    }
    panic!("not shown: {needle}: {}", text(root));
}

/// The fingerprint the card shows, its groups joined as the written form joins them.
fn shown_fingerprint(root: &web_sys::Element) -> String {
    all(root, ".sleutelkaart .vingerafdruk-groep")
        .iter()
        .map(|g| g.text_content().unwrap())
        .collect::<Vec<_>>()
        .join("-")
}

fn rows(root: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    all(root, "table.adresboek-tabel tbody tr")
}

#[wasm_bindgen_test]
async fn making_keys_shows_the_card_with_the_fingerprint_of_its_public_keys() {
    let (root, spy) = mount(fixtures::workspace()).await;
    assert_eq!(
        find(&root, "h1").text_content().unwrap(),
        "Sleutels en adresboek"
    );
    assert!(text(&root).contains("Sleutels maken"));
    assert!(root.query_selector(".sleutelkaart").unwrap().is_none());
    assert_eq!(
        value(&root, "#sleutels-role"),
        "regisseur",
        "the default role"
    );
    assert_eq!(all(&root, "#sleutels-role option").len(), 4);
    for id in [
        "sleutels-role",
        "sleutels-organisation",
        "sleutels-organisationId",
    ] {
        assert!(
            root.query_selector(&format!("label[for={id}]"))
                .unwrap()
                .is_some(),
            "{id} has a label"
        );
    }

    // Nothing filled in: the core's message, linked to the field, with the focus on it.
    click(&root, "Sleutels maken").await;
    assert!(text(&root).contains("Vul de naam van uw organisatie in."));
    assert_eq!(focused(), "foutsamenvatting-sleutels");
    assert!(current(&spy).parties().keys().is_none());

    set_value(&root, "#sleutels-organisation", "Regie Noord-Limburg").await;
    assert_eq!(
        value(&root, "#sleutels-organisationId"),
        "regie-noord-limburg"
    );
    set_value(&root, "#sleutels-role", "wmo-consulent").await;
    click(&root, "Sleutels maken").await;

    let ws = current(&spy);
    let keys = ws.parties().keys().expect("keys made");
    assert_eq!(keys.identity.role, Role::WmoConsulent);
    assert_eq!(keys.identity.organisation_id, "regie-noord-limburg");
    assert_eq!(
        keys.identity.region,
        Some(Region::NoordLimburg),
        "the vault's region"
    );
    let expected = fingerprint_of(keys);
    assert_eq!(shown_fingerprint(&root), expected.to_string());
    assert_eq!(all(&root, ".vingerafdruk-groep").len(), 8);
    let card = find(&root, ".sleutelkaart").text_content().unwrap();
    for needle in [
        "Mijn sleutelkaart",
        "Wmo-consulent",
        "Regie Noord-Limburg",
        "Noord-Limburg",
    ] {
        assert!(card.contains(needle), "missing {needle}: {card}");
    }
    assert_eq!(
        focused(),
        "sleutels-melding",
        "the focus goes to what happened"
    );
    assert!(text(&root).contains("Uw sleutels zijn gemaakt."));
    assert!(
        root.query_selector("#sleutels-organisation")
            .unwrap()
            .is_none()
    );

    click(&root, "Sleutelkaart downloaden").await;
    assert!(
        text(&root).contains("sleutelkaart-wmo-consulent-regie-noord-limburg.json"),
        "{}",
        text(&root)
    );
    let print = button(&root, "Afdrukken");
    assert!(
        print.closest(".niet-printen").unwrap().is_some(),
        "the buttons are not printed"
    );
    assert!(
        find(&root, ".sleutelkaart")
            .closest(".niet-printen")
            .unwrap()
            .is_none(),
        "the card is printed"
    );
    let css = include_str!("../assets/style.css");
    let print_css = css
        .match_indices("@media print")
        .map(|(i, _)| &css[i..])
        .find(|s| s.contains(".sleutelkaart"))
        .expect("a print section for the key card");
    assert!(print_css.contains(".hoofdmenu") && print_css.contains(".kop"));
}

#[wasm_bindgen_test]
async fn an_imported_card_is_trusted_only_after_the_right_fingerprint() {
    let brug = other(Role::Zorgaanbieder, "Zorggroep De Brug", "de-brug", 3);
    let (root, spy) = mount(workspace_with_keys()).await;
    assert!(text(&root).contains("Er staan nog geen sleutelkaarten in het adresboek."));
    assert!(
        root.query_selector(".adresboek-melding[aria-live]")
            .unwrap()
            .is_some(),
        "outcomes are announced"
    );

    choose_card(&root, &card_file(&brug)).await;
    wait_for_text(&root, "staat nu in het adresboek").await;
    assert_eq!(focused(), "adresboek-uitkomst");
    let row = &rows(&root)[0];
    let t = row.text_content().unwrap();
    for needle in [
        "Zorggroep De Brug",
        "Zorgaanbieder",
        "Noord-Limburg",
        "Nog niet bevestigd",
        &fingerprint_of(&brug).to_string(),
    ] {
        assert!(t.contains(needle), "missing {needle}: {t}");
    }
    assert!(
        t.contains("Niet van toepassing"),
        "a care provider links to no association"
    );
    assert!(
        find(&root, "table.adresboek-tabel")
            .class_name()
            .contains("stapel")
    );
    assert_eq!(
        all(row, "td[data-label]").len(),
        6,
        "every cell names its column when stacked"
    );

    click(&root, "Vingerafdruk bevestigen").await;
    assert_eq!(focused(), "vingerafdruk-invoer");
    assert!(
        root.query_selector("label[for=vingerafdruk-invoer]")
            .unwrap()
            .is_some()
    );
    // A well-formed fingerprint, but this vault's own: not what the organisation read.
    let own = fingerprint_of(current(&spy).parties().keys().unwrap());
    set_value(&root, "#vingerafdruk-invoer", &own.to_string()).await;
    click(&root, "Bevestigen").await;
    let error = find(&root, "#vingerafdruk-invoer-fout");
    assert!(
        error
            .text_content()
            .unwrap()
            .starts_with("De vingerafdruk die u invulde is niet die van deze kaart."),
        "the core's message"
    );
    assert_eq!(focused(), "vingerafdruk-invoer-fout");
    assert!(!current(&spy).parties().contacts().contacts()[0].confirmed);

    // Typed as heard: lower case, spaces for dashes.
    let heard = fingerprint_of(&brug)
        .to_string()
        .to_lowercase()
        .replace('-', " ");
    set_value(&root, "#vingerafdruk-invoer", &heard).await;
    click(&root, "Bevestigen").await;
    let ws = current(&spy);
    assert!(
        ws.parties()
            .contacts()
            .trusted(fingerprint_of(&brug))
            .is_some()
    );
    assert!(text(&root).contains("De vingerafdruk van Zorggroep De Brug is bevestigd."));
    assert_eq!(focused(), "adresboek-uitkomst");
    let t = rows(&root)[0].text_content().unwrap();
    assert!(t.contains("Bevestigd") && !t.contains("Nog niet"), "{t}");
    assert!(
        root.query_selector("#vingerafdruk-invoer")
            .unwrap()
            .is_none()
    );
    assert!(
        !all(&root, "button").iter().any(|b| b
            .text_content()
            .unwrap()
            .starts_with("Vingerafdruk bevestigen")),
        "nothing left to confirm"
    );
}

#[wasm_bindgen_test]
async fn refused_cards_show_the_cores_message() {
    let ws = workspace_with_keys();
    let own = ws.own_card_file().unwrap().1;
    let (root, spy) = mount(ws).await;
    choose_card(&root, b"{\"format\":\"iets-anders\"}").await;
    wait_for_text(&root, "Dit is geen geldige sleutelkaart van Woonkans").await;
    assert!(
        find(&root, "#adresboek-uitkomst")
            .class_name()
            .contains("melding-fout")
    );
    choose_card(&root, own.as_bytes()).await;
    wait_for_text(&root, "Dit is de sleutelkaart van deze kluis zelf.").await;
    assert!(current(&spy).parties().contacts().contacts().is_empty());
}

#[wasm_bindgen_test]
async fn a_changed_key_waits_for_its_fingerprint_and_then_replaces_the_old_one() {
    let mut ws = workspace_with_keys();
    let association = ws.offer().associations[0].clone();
    let old = other(
        Role::Woningcorporatie,
        &association.name,
        &association.id,
        4,
    );
    ws.import_card(&card_file(&old), None, today()).unwrap();
    ws.confirm_contact(fingerprint_of(&old), &fingerprint_of(&old).to_string())
        .unwrap();
    let (root, spy) = mount(ws).await;
    let select = find(&root, "table.adresboek-tabel select");
    assert_eq!(
        value(&root, "table.adresboek-tabel select"),
        association.id,
        "linked to the offer's association"
    );
    assert!(
        root.query_selector(&format!("label[for={}]", select.id()))
            .unwrap()
            .is_some()
    );

    let new = other(
        Role::Woningcorporatie,
        &association.name,
        &association.id,
        5,
    );
    choose_card(&root, &card_file(&new)).await;
    wait_for_text(&root, "De sleutel van deze organisatie is veranderd.").await;
    assert!(text(&root).contains(
        "De sleutel van deze organisatie is veranderd. De oude sleutel blijft in gebruik tot u de nieuwe vingerafdruk bevestigt."
    ));
    assert_eq!(rows(&root).len(), 2);
    let ws = current(&spy);
    assert_eq!(
        ws.parties()
            .contacts()
            .for_association(&association.id)
            .map(|c| c.fingerprint()),
        Some(fingerprint_of(&old)),
        "the old key stays in use"
    );
    let new_row = rows(&root)
        .into_iter()
        .find(|r| {
            r.text_content()
                .unwrap()
                .contains(&fingerprint_of(&new).to_string())
        })
        .unwrap();
    assert!(
        new_row
            .text_content()
            .unwrap()
            .contains("Nog niet bevestigd")
    );
    assert!(new_row.text_content().unwrap().contains("Nieuwe sleutel"));

    click(&root, "Vingerafdruk bevestigen").await;
    set_value(
        &root,
        "#vingerafdruk-invoer",
        &fingerprint_of(&new).to_string(),
    )
    .await;
    click(&root, "Bevestigen").await;
    assert_eq!(rows(&root).len(), 1, "the old key is gone");
    assert_eq!(
        current(&spy)
            .parties()
            .contacts()
            .for_association(&association.id)
            .map(|c| c.fingerprint()),
        Some(fingerprint_of(&new))
    );
}

#[wasm_bindgen_test]
async fn an_association_card_is_linked_to_the_offer_by_choice() {
    let mut ws = workspace_with_keys();
    let elsewhere = other(Role::Woningcorporatie, "Wonen Anders", "wonen-anders", 6);
    ws.import_card(&card_file(&elsewhere), None, today())
        .unwrap();
    let target = ws.offer().associations[1].clone();
    let (root, spy) = mount(ws).await;
    assert_eq!(
        value(&root, "table.adresboek-tabel select"),
        "",
        "not linked yet"
    );
    set_value(&root, "table.adresboek-tabel select", &target.id).await;
    assert_eq!(
        current(&spy).parties().contacts().contacts()[0]
            .association_id
            .as_deref(),
        Some(target.id.as_str())
    );
    assert!(text(&root).contains(&format!("hoort nu bij {}", target.name)));
}

#[wasm_bindgen_test]
async fn removing_a_card_asks_first() {
    let mut ws = workspace_with_keys();
    let brug = other(Role::Zorgaanbieder, "Zorggroep De Brug", "de-brug", 3);
    ws.import_card(&card_file(&brug), None, today()).unwrap();
    let (root, spy) = mount(ws).await;

    click(&root, "Verwijderen").await;
    assert!(text(&root).contains("Sleutelkaart van Zorggroep De Brug verwijderen?"));
    assert_eq!(focused(), "kaart-verwijderen-titel");
    click(&root, "Annuleren").await;
    assert_eq!(rows(&root).len(), 1);
    assert_eq!(current(&spy).parties().contacts().contacts().len(), 1);

    click(&root, "Verwijderen").await;
    click(&root, "Definitief verwijderen").await;
    assert!(rows(&root).is_empty());
    assert!(current(&spy).parties().contacts().contacts().is_empty());
    assert!(
        text(&root)
            .contains("De sleutelkaart van Zorggroep De Brug is uit het adresboek verwijderd.")
    );
    assert_eq!(focused(), "adresboek-uitkomst");
}

#[wasm_bindgen_test]
async fn new_keys_after_a_confirmation_name_who_needs_the_new_card() {
    let mut ws = workspace_with_keys();
    let brug = other(Role::Zorgaanbieder, "Zorggroep De Brug", "de-brug", 3);
    let venlo = other(Role::WmoConsulent, "Gemeente Venlo", "venlo", 7);
    ws.import_card(&card_file(&brug), None, today()).unwrap();
    ws.import_card(&card_file(&venlo), None, today()).unwrap();
    ws.confirm_contact(fingerprint_of(&brug), &fingerprint_of(&brug).to_string())
        .unwrap();
    let before = fingerprint_of(ws.parties().keys().unwrap());
    let (root, spy) = mount(ws).await;
    assert_eq!(shown_fingerprint(&root), before.to_string());

    click(&root, "Nieuwe sleutels maken").await;
    assert_eq!(focused(), "vernieuwen-titel");
    click(&root, "Annuleren").await;
    assert_eq!(
        fingerprint_of(current(&spy).parties().keys().unwrap()),
        before
    );

    click(&root, "Nieuwe sleutels maken").await;
    click(&root, "Ja, nieuwe sleutels maken").await;
    let after = fingerprint_of(current(&spy).parties().keys().unwrap());
    assert_ne!(after, before, "new keys");
    assert_eq!(shown_fingerprint(&root), after.to_string());
    assert_eq!(focused(), "sleutels-melding");
    let notice = find(&root, "#sleutels-melding").text_content().unwrap();
    assert!(
        notice.contains("kunnen niet meer worden geopend"),
        "{notice}"
    );
    let listed: Vec<String> = all(&root, ".vernieuwd-naar li")
        .iter()
        .map(|li| li.text_content().unwrap())
        .collect();
    assert_eq!(
        listed,
        ["Zorggroep De Brug (Zorgaanbieder)"],
        "only the confirmed contact"
    );
}

/// The page as rendered, with the app's style sheet, in a frame `width` pixels wide (a frame has
/// its own viewport, so the style sheet's phone rules apply): (scroll width, client width).
async fn fit(html: &str, width: u32) -> (i32, i32) {
    let frame = document().create_element("iframe").unwrap();
    frame.set_attribute("width", &width.to_string()).unwrap();
    frame.set_attribute("height", "640").unwrap();
    let css = include_str!("../assets/style.css");
    frame
        .set_attribute(
            "srcdoc",
            &format!(
                "<!doctype html><html lang=\"nl\"><head><style>{css}</style></head>\
                 <body><main class=\"inhoud\">{html}</main></body></html>"
            ),
        )
        .unwrap();
    document().body().unwrap().append_child(&frame).unwrap();
    for _ in 0..200 {
        gloo::timers::future::TimeoutFuture::new(10).await;
        // The frame's document belongs to the frame's realm: `instanceof` in ours says no.
        let doc = js_sys::Reflect::get(&frame, &"contentDocument".into())
            .ok()
            .filter(|d| !d.is_null() && !d.is_undefined())
            .map(|d| d.unchecked_into::<web_sys::Document>());
        if let Some(doc) = doc
            && doc.query_selector(".sleutelkaart").ok().flatten().is_some()
            && doc.ready_state() == "complete"
        {
            let el = doc.document_element().unwrap();
            let measured = (el.scroll_width(), el.client_width());
            frame.remove();
            return measured;
        }
    }
    panic!("the frame did not load");
}

#[wasm_bindgen_test]
async fn the_page_fits_a_phone_without_sideways_scrolling() {
    let mut ws = workspace_with_keys();
    let association = ws.offer().associations[0].clone();
    let corporation = other(
        Role::Woningcorporatie,
        &association.name,
        &association.id,
        4,
    );
    let brug = other(
        Role::Zorgaanbieder,
        "Stichting Zorggroep De Brug voor Beschermd Wonen",
        "de-brug",
        3,
    );
    ws.import_card(&card_file(&corporation), None, today())
        .unwrap();
    ws.import_card(&card_file(&brug), None, today()).unwrap();
    let (root, _spy) = mount(ws).await;
    click(&root, "Vingerafdruk bevestigen").await;
    let html = root.inner_html();
    for width in [320, 390, 700, 1280] {
        let (scroll, client) = fit(&html, width).await;
        assert!(scroll <= client, "at {width} px: {scroll} > {client}");
    }
}
