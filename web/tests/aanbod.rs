#![cfg(target_arch = "wasm32")]
//! The Aanbod & criteria page in a real browser, with an open session (a fresh vault holding the
//! sample offer): tables, filters and paging, import with per-row errors and a confirmed merge,
//! refused files, criteria and weights validation.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use woonkans_web::pages::aanbod::AanbodPage;
use woonkans_web::route::Route;
use woonkans_web::session::{self, Open};
use woonkans_web::state::{AppContext, AppState, Session};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const PASS: &str = "paarse olifant fietst door Venlo";

thread_local! {
    static OPEN: RefCell<Option<Open>> = const { RefCell::new(None) };
    static STATE: RefCell<Option<AppContext>> = const { RefCell::new(None) };
}

/// Provides the app context around the page, with the session made by the test.
#[function_component(Wrapper)]
fn wrapper() -> Html {
    let state = use_reducer(|| AppState {
        session: Session::Open(Rc::new(
            OPEN.with(|o| o.borrow_mut().take())
                .expect("session prepared"),
        )),
        route: Route::Aanbod,
        ..AppState::default()
    });
    STATE.with(|s| *s.borrow_mut() = Some(state.clone()));
    html! {
        <ContextProvider<AppContext> context={state}>
            <AanbodPage />
        </ContextProvider<AppContext>>
    }
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn render() -> web_sys::Element {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
    let open = session::create(PASS).await.unwrap();
    OPEN.with(|o| *o.borrow_mut() = Some(open));
    let body = document().body().unwrap();
    // Earlier tests' pages go; the test runner's own output stays.
    for old in all(&body, ".testwortel") {
        old.remove();
    }
    let root = document().create_element("div").unwrap();
    root.set_class_name("testwortel");
    body.append_child(&root).unwrap();
    yew::Renderer::<Wrapper>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

fn state() -> AppContext {
    STATE.with(|s| s.borrow().clone().unwrap())
}

fn text(root: &web_sys::Element) -> String {
    root.text_content().unwrap_or_default()
}

fn all(root: &web_sys::Element, css: &str) -> Vec<web_sys::Element> {
    let list = root.query_selector_all(css).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .collect()
}

fn one(root: &web_sys::Element, css: &str) -> web_sys::Element {
    root.query_selector(css)
        .unwrap()
        .unwrap_or_else(|| panic!("no {css}"))
}

async fn click_button(root: &web_sys::Element, label: &str) {
    let button = all(root, "button")
        .into_iter()
        .find(|b| b.text_content().unwrap_or_default().trim() == label)
        .unwrap_or_else(|| panic!("no button {label}"));
    button.dyn_into::<web_sys::HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
}

fn bubbling(kind: &str) -> web_sys::Event {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    web_sys::Event::new_with_event_init_dict(kind, &init).unwrap()
}

async fn set_value(root: &web_sys::Element, css: &str, value: &str) {
    let el = one(root, css);
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        i.set_value(value);
    } else if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        s.set_value(value);
    } else if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        t.set_value(value);
    }
    for kind in ["input", "change"] {
        el.dispatch_event(&bubbling(kind)).unwrap();
    }
    yew::scheduler::flush().await;
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
    let input: web_sys::HtmlInputElement = one(root, css).dyn_into().unwrap();
    input.set_files(dt.files().as_ref());
    input.dispatch_event(&bubbling("change")).unwrap();
    yew::scheduler::flush().await;
}

/// Lets timers and file reads run until the page shows `needle`.
async fn wait_for_text(root: &web_sys::Element, needle: &str) {
    for _ in 0..200 {
        yew::scheduler::flush().await;
        if text(root).contains(needle) {
            return;
        }
        gloo::timers::future::TimeoutFuture::new(10).await;
    }
    panic!("not shown: {needle}");
}

#[wasm_bindgen_test]
async fn sample_offer_tables_filters_and_paging() {
    let root = render().await;
    let t = text(&root);
    assert!(t.contains("Geladen: 7 corporaties en 480 woningen."));
    assert_eq!(all(&root, "table.corporaties tbody tr").len(), 7);
    assert_eq!(
        all(&root, "table.corporaties .label").len(),
        7,
        "every sample association is labelled"
    );
    assert!(t.contains("Contractvormen: Gewone huurovereenkomst"));
    assert!(t.contains("Maximaal 3 Woonkans-plaatsingen per wijk"));
    assert_eq!(
        one(&root, "#woningen-tabel").text_content().unwrap(),
        "Woningen, pagina 1 van 10"
    );
    assert_eq!(all(&root, "table.woningen tbody tr").len(), 50);
    // The import names every CSV column: 13 for associations, 14 for dwellings.
    assert_eq!(all(&root, "table.kolommen-tabel tbody tr").len(), 27);

    click_button(&root, "Volgende").await;
    assert_eq!(
        one(&root, "#woningen-tabel").text_content().unwrap(),
        "Woningen, pagina 2 van 10"
    );
    let first = one(&root, "table.woningen tbody th")
        .text_content()
        .unwrap();
    assert_eq!(first, "VB-00051 bewerken");

    set_value(&root, "#filter-type", "studio").await;
    assert!(
        one(&root, "#woningen-tabel")
            .text_content()
            .unwrap()
            .starts_with("Woningen, pagina 1 van ")
    );
    let types = all(&root, "table.woningen tbody td:nth-child(5)");
    assert!(!types.is_empty());
    assert!(
        types
            .iter()
            .all(|c| c.text_content().unwrap().starts_with("studio"))
    );

    set_value(&root, "#filter-gemeente", "Gennep").await;
    set_value(&root, "#filter-type", "").await;
    let gemeenten = all(&root, "table.woningen tbody td:nth-child(3)");
    assert!(!gemeenten.is_empty() && gemeenten.len() < 50);
    assert!(
        gemeenten
            .iter()
            .all(|c| c.text_content().unwrap() == "Gennep")
    );
    assert!(
        all(&root, "nav.paginering").is_empty(),
        "one page needs no pager"
    );

    // Rent limits in euro with a decimal comma, and the weights.
    assert!(text(&root).contains("€ 713,07"));
    assert!(text(&root).contains("Samen: 100."));
}

#[wasm_bindgen_test]
async fn csv_import_reports_bad_rows_and_merges_only_when_confirmed() {
    let root = render().await;
    let csv = "Woning-id;Corporatie;Gemeente;Wijk;Woningtype;In complex;Kamers;Netto huur;Traploos;Rolstoeltoegankelijk;Leeftijdslabel;Min huishouden;Max huishouden;Beschikbaar per\n\
        T-1;vb-maasdal;Venlo;Blerick;studio;ja;1;455,10;ja;nee;geen;1;1;01-03-2026\n\
        T-2;vb-maasdal;Venlo;Blerick;studio;ja;nul;455,10;ja;nee;geen;1;1;01-03-2026\n";
    choose_file(&root, "#aanbod-bestand", "woningen.csv", csv.as_bytes()).await;
    let status = one(&root, "[role=status]");
    assert_eq!(status.text_content().unwrap(), "Bezig met inlezen…");
    wait_for_text(&root, "1 rij is goedgekeurd").await;
    let errors = all(&root, "table.importfouten tbody tr");
    assert_eq!(errors.len(), 1);
    let cells = errors[0].text_content().unwrap();
    assert!(cells.starts_with("3Kamers"), "{cells}");
    assert!(!cells.contains("nul"));
    // Nothing changed yet.
    assert_eq!(state().workspace().unwrap().offer().dwellings.len(), 480);
    assert!(text(&root).contains("Woningen: 1 toegevoegd, 0 bijgewerkt, 480 ongewijzigd"));

    // "Alles vervangen" needs a second, explicit confirmation.
    click_button(&root, "Alles vervangen…").await;
    assert!(text(&root).contains("Weet u zeker dat u alles wilt vervangen?"));
    assert_eq!(state().workspace().unwrap().offer().dwellings.len(), 480);
    click_button(&root, "Nee, terug").await;

    click_button(&root, "Toevoegen en bijwerken").await;
    assert!(text(&root).contains("Het aanbod is bijgewerkt."));
    let app = state();
    let offer = &app.workspace().unwrap().offer();
    assert_eq!(offer.dwellings.len(), 481);
    assert!(offer.dwellings.iter().any(|d| d.id == "T-1"));
    assert!(text(&root).contains("Geladen: 7 corporaties en 481 woningen."));
}

#[wasm_bindgen_test]
async fn replace_after_confirmation_and_refused_files() {
    let root = render().await;
    choose_file(&root, "#aanbod-bestand", "leeg.csv", b"").await;
    wait_for_text(&root, "Het bestand is leeg.").await;
    choose_file(
        &root,
        "#aanbod-bestand",
        "foto.png",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    )
    .await;
    wait_for_text(&root, "Dit is geen tekstbestand.").await;
    assert_eq!(state().workspace().unwrap().offer().dwellings.len(), 480);

    // A JSON offer with the sample's associations and two dwellings replaces the dwellings.
    let mut offer = state().workspace().unwrap().offer().clone();
    offer.dwellings.truncate(2);
    let json = woonkans_core::import::export_json(&offer);
    choose_file(&root, "#aanbod-bestand", "aanbod.json", json.as_bytes()).await;
    wait_for_text(&root, "Ingelezen: aanbod (JSON).").await;
    click_button(&root, "Alles vervangen…").await;
    click_button(&root, "Ja, alles vervangen").await;
    assert!(
        text(&root).contains("Woningen: 0 toegevoegd, 0 bijgewerkt, 2 ongewijzigd, 478 verwijderd")
    );
    assert_eq!(state().workspace().unwrap().offer().dwellings.len(), 2);
}

#[wasm_bindgen_test]
async fn criteria_weights_and_dwelling_edits_are_validated() {
    let root = render().await;
    let edit = all(&root, "table.corporaties button")[0]
        .clone()
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap();
    edit.click();
    yew::scheduler::flush().await;
    assert_eq!(
        document().active_element().unwrap().id(),
        "corporatie-bewerken-titel",
        "focus moves to the editor"
    );
    set_value(&root, "#corporatie-minSupportHours", "veel").await;
    set_value(&root, "#corporatie-maxPlacementsPerNeighbourhood", "0").await;
    click_button(&root, "Criteria opslaan").await;
    let summary = one(&root, ".foutsamenvatting").text_content().unwrap();
    assert!(summary.contains("Vul het minimum aantal uren ondersteuning per week in als getal"));
    let link = one(&root, ".foutsamenvatting a")
        .get_attribute("href")
        .unwrap();
    assert_eq!(link, "#corporatie-minSupportHours");
    set_value(&root, "#corporatie-minSupportHours", "2,5").await;
    click_button(&root, "Criteria opslaan").await;
    assert!(text(&root).contains("Het maximum aantal plaatsingen per wijk moet minstens 1 zijn"));
    set_value(&root, "#corporatie-maxPlacementsPerNeighbourhood", "").await;
    click_button(&root, "Criteria opslaan").await;
    assert!(text(&root).contains("zijn opgeslagen."));
    let app = state();
    let a = &app.workspace().unwrap().offer().associations[0];
    assert_eq!(a.criteria.min_support_hours, 2.5);
    assert_eq!(a.criteria.max_placements_per_neighbourhood, None);

    // Weights must add up to 100.
    set_value(&root, "#gewicht-area", "31").await;
    assert!(text(&root).contains("Samen: 101; dat moet 100 zijn."));
    click_button(&root, "Gewichten opslaan").await;
    assert!(
        text(&root).contains("De gewichten van de zes onderdelen moeten samen precies 100 zijn.")
    );
    assert_eq!(state().workspace().unwrap().settings().weights.area, 30);
    set_value(&root, "#gewicht-sizeFit", "4").await;
    click_button(&root, "Gewichten opslaan").await;
    assert!(text(&root).contains("De gewichten zijn opgeslagen."));
    assert_eq!(state().workspace().unwrap().settings().weights.area, 31);
    click_button(&root, "Standaard herstellen").await;
    assert_eq!(state().workspace().unwrap().settings().weights.area, 30);

    // A dwelling edit with a rent that is no amount.
    let edit = all(&root, "table.woningen button")[0]
        .clone()
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap();
    edit.click();
    yew::scheduler::flush().await;
    set_value(&root, "#woning-rent", "duur").await;
    click_button(&root, "Woning opslaan").await;
    assert!(text(&root).contains("Vul de netto huur per maand in euro in"));
    set_value(&root, "#woning-rent", "499,99").await;
    click_button(&root, "Woning opslaan").await;
    assert_eq!(
        state().workspace().unwrap().offer().dwellings[0].rent_cents,
        49_999
    );
}
