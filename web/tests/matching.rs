#![cfg(target_arch = "wasm32")]
//! The Matching page in a real browser with an open session: the empty state, one profile's
//! associations and ranked dwellings with their explanations and knock-outs, and the caseload
//! computed in steps behind a progress indicator.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use woonkans_core::date::Date;
use woonkans_core::dossier::{Income, IncomeSource, PersonName};
use woonkans_core::fixtures::{self, RESIDENTS};
use woonkans_core::region::Region;
use woonkans_core::workspace::Workspace;
use woonkans_web::pages::matching::MatchingPage;
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

#[function_component(Wrapper)]
fn wrapper() -> Html {
    let state = use_reducer(|| AppState {
        session: Session::Open(Rc::new(
            OPEN.with(|o| o.borrow_mut().take())
                .expect("session prepared"),
        )),
        route: Route::Matching,
        ..AppState::default()
    });
    STATE.with(|s| *s.borrow_mut() = Some(state.clone()));
    html! {
        <ContextProvider<AppContext> context={state}>
            <MatchingPage />
        </ContextProvider<AppContext>>
    }
}

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

const AREAS: [&[&str]; 3] = [
    &["Venlo", "Venray"],
    &["Venlo"],
    &["Horst aan de Maas", "Venray", "Venlo"],
];

/// A case whose placement profile is complete (gates recorded, every part filled in): a fixture
/// resident without a BSN, named "Test Persoon{k}"; `k` varies age, level and search area.
fn add_complete_case(ws: &mut Workspace, id: &str, k: usize) {
    let case = fixtures::add_ready_case(ws, id, &RESIDENTS[k % RESIDENTS.len()]);
    let dossier = &mut case.dossier;
    dossier.name = PersonName {
        first_names: "Test".into(),
        tussenvoegsel: String::new(),
        surname: format!("Persoon{k}"),
        call_name: String::new(),
    };
    dossier.bsn = None;
    dossier.birth_date = Some(d(1985 + k as i32, 3, 12));
    dossier.income = Some(Income {
        yearly_amount_euros: 18_000,
        source: IncomeSource::Benefits,
    });
    let draft = &mut case.profile;
    for a in draft.assessments.values_mut() {
        a.level = Some(2 + (k % 3) as u8);
    }
    draft.search_area = AREAS[k % AREAS.len()]
        .iter()
        .map(|s| s.to_string())
        .collect();
    draft.relapse_plan.agreements[1].action = "Belt de zorgaanbieder bij een achterstand.".into();
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Renders the page over a fresh vault's workspace with `complete` complete cases and one
/// case that is not complete.
async fn render(complete: usize) -> web_sys::Element {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
    let mut open = session::create(PASS).await.unwrap();
    open.ws.set_region(Some(Region::NoordLimburg));
    for k in 0..complete {
        add_complete_case(&mut open.ws, &format!("case{k:04}"), k);
    }
    open.ws.add_case("leeg0001").unwrap();
    OPEN.with(|o| *o.borrow_mut() = Some(open));
    let body = document().body().unwrap();
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

async fn click_button_starting(root: &web_sys::Element, start: &str) {
    let button = all(root, "button")
        .into_iter()
        .filter(|b| b.text_content().unwrap_or_default().starts_with(start))
        .last()
        .unwrap_or_else(|| panic!("no button {start}"));
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
    if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        s.set_value(value);
    }
    el.dispatch_event(&bubbling("change")).unwrap();
    yew::scheduler::flush().await;
}

async fn toggle(root: &web_sys::Element, css: &str) {
    one(root, css)
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .click();
    yew::scheduler::flush().await;
}

async fn wait_for_text(root: &web_sys::Element, needle: &str) {
    for _ in 0..500 {
        yew::scheduler::flush().await;
        if text(root).contains(needle) {
            return;
        }
        gloo::timers::future::TimeoutFuture::new(10).await;
    }
    panic!("not shown: {needle}");
}

#[wasm_bindgen_test]
async fn without_a_complete_profile_the_page_says_so_and_the_caseload_is_empty() {
    let root = render(0).await;
    let t = text(&root);
    assert!(t.contains("Er is nog geen dossier met een volledig bemiddelingsprofiel."));
    let link = one(&root, ".matching-deel .melding a");
    assert_eq!(link.get_attribute("href").unwrap(), "/dossiers");
    assert!(all(&root, "#matching-dossier").is_empty());

    click_button(&root, "Optimale toewijzing berekenen").await;
    let status = one(&root, ".voortgang [role=status]");
    assert!(
        status
            .text_content()
            .unwrap()
            .contains("Bezig met berekenen…")
    );
    assert!(all(&root, "progress").len() == 1);
    wait_for_text(
        &root,
        "Er zijn geen dossiers met een volledig bemiddelingsprofiel die nog op een woning wachten.",
    )
    .await;
    assert!(all(&root, "table.toewijzing").is_empty());
}

#[wasm_bindgen_test]
async fn one_profile_associations_ranked_dwellings_and_knock_outs() {
    let root = render(3).await;
    let options = all(&root, "#matching-dossier option");
    assert_eq!(options.len(), 3, "only complete profiles are offered");
    assert_eq!(
        options[0].text_content().unwrap(),
        "Dossier case0000 – T. Persoon0"
    );

    // Associations: eligible ones with a score, the others with their reasons.
    let rows = all(&root, "table.matching-corporaties tbody tr");
    assert_eq!(rows.len(), 7);
    let first = rows[0].text_content().unwrap();
    assert!(first.contains("ja"), "{first}");
    let refused: Vec<String> = rows
        .iter()
        .map(|r| r.text_content().unwrap())
        .filter(|t| t.contains("nee"))
        .collect();
    assert!(!refused.is_empty());
    // An association is refused only by its area or its policy, named in Dutch, never by code.
    assert!(refused.iter().all(|t| {
        [
            "Zoekgebied",
            "Contractvorm",
            "Begeleiding",
            "Terugvalplan",
            "Huurachterstand",
            "Overlast",
        ]
        .iter()
        .any(|name| t.contains(name))
    }));
    assert!(
        refused.iter().all(|t| !["AREA", "CONTRACT", "ARREARS"]
            .iter()
            .any(|c| t.contains(c))),
        "{refused:?}"
    );

    // Ranked dwellings, 50 at a time, with the make-up of each score.
    let ranked = all(&root, "table.passende-woningen > tbody > tr");
    assert!(!ranked.is_empty() && ranked.len() <= 50);
    let scores: Vec<u32> = all(&root, "table.passende-woningen td.score")
        .iter()
        .map(|c| c.text_content().unwrap().parse().unwrap())
        .collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "highest score first"
    );
    let parts = all(&ranked[0], "table.opbouw-tabel tbody tr");
    assert_eq!(parts.len(), 6);
    assert!(
        parts[0]
            .text_content()
            .unwrap()
            .starts_with("Voorkeursgemeente")
    );
    let points: f64 = parts
        .iter()
        .map(|p| {
            all(p, "td")[2]
                .text_content()
                .unwrap()
                .replace(',', ".")
                .parse::<f64>()
                .unwrap()
        })
        .sum();
    assert!(
        (points - f64::from(scores[0])).abs() <= 0.5,
        "the points add up to the score"
    );
    let caption = one(&root, "#passende-woningen").text_content().unwrap();
    assert!(
        caption.contains(&format!("({} getoond van ", ranked.len())),
        "{caption}"
    );

    // Knocked-out dwellings with every reason, filtered to one gemeente.
    assert!(all(&root, "table.afgevallen-woningen").is_empty());
    toggle(&root, "#matching-alleen-passend").await;
    assert_eq!(
        all(&root, "table.afgevallen-woningen > tbody > tr").len(),
        50,
        "fifty at a time"
    );
    click_button_starting(&root, "Meer tonen").await;
    assert_eq!(
        all(&root, "table.afgevallen-woningen > tbody > tr").len(),
        100
    );
    set_value(&root, "#matching-gemeente", "Weert").await;
    assert!(
        all(&root, "table.passende-woningen").is_empty(),
        "no eligible home in Weert"
    );
    let out = all(&root, "table.afgevallen-woningen > tbody > tr");
    assert!(!out.is_empty());
    for r in &out {
        let t = r.text_content().unwrap();
        assert!(t.contains("Weert"));
        assert!(
            t.contains("Zoekgebied:") && !t.contains("AREA"),
            "Weert lies outside the search area, named in Dutch: {t}"
        );
        assert!(t.contains("De gemeente van deze woning ligt niet in het zoekgebied"));
    }

    // Choosing another case shows its own result.
    set_value(&root, "#matching-dossier", "case0001").await;
    assert_eq!(
        one(&root, "#matching-dossier")
            .dyn_into::<web_sys::HtmlSelectElement>()
            .unwrap()
            .value(),
        "case0001"
    );
    assert!(
        all(&root, "table.afgevallen-woningen").is_empty(),
        "filters start afresh"
    );
}

#[wasm_bindgen_test]
async fn caseload_assigns_each_dwelling_once_behind_a_progress_bar() {
    let root = render(12).await;
    click_button(&root, "Optimale toewijzing berekenen").await;
    assert!(
        one(&root, ".voortgang [role=status]")
            .text_content()
            .unwrap()
            .contains("Bezig met berekenen…")
    );
    let button = all(&root, "button")
        .into_iter()
        .find(|b| b.text_content().unwrap() == "Optimale toewijzing berekenen")
        .unwrap();
    assert!(
        button.has_attribute("disabled"),
        "no second run while one is busy"
    );
    wait_for_text(&root, "Berekend voor 12 profielen").await;
    let rows = all(&root, "table.toewijzing tbody tr");
    let unassigned = all(&root, "table.zonder-woning tbody tr");
    assert_eq!(rows.len() + unassigned.len(), 12);
    assert!(!rows.is_empty());
    let mut dwellings: Vec<String> = rows
        .iter()
        .map(|r| all(r, "td")[0].text_content().unwrap())
        .collect();
    dwellings.sort();
    dwellings.dedup();
    assert_eq!(dwellings.len(), rows.len(), "each dwelling at most once");
    let total: u32 = rows
        .iter()
        .map(|r| {
            all(r, "td")[6]
                .text_content()
                .unwrap()
                .parse::<u32>()
                .unwrap()
        })
        .sum();
    assert!(text(&root).contains(&format!("Totale score: {total}.")));
    let link = one(&root, "table.toewijzing tbody th a");
    assert!(
        link.get_attribute("href")
            .unwrap()
            .starts_with("/dossiers/case")
    );
    assert!(
        !text(&root).contains("leeg0001"),
        "an incomplete case is not in the caseload"
    );
}
