#![cfg(target_arch = "wasm32")]
//! Releasing free texts for bundles in the profile builder, in a real browser with a real vault
//! behind the app's context: the release control is not available while the scanner finds the
//! resident's name (also the roepnaam) or a character outside the whitelist is typed (named
//! with its position); a released note lapses when edited; a bundle carries the released note
//! and not an unreleased one; "Alleen voor" keeps a note to one association.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use woonkans_core::code::CodeKey;
use woonkans_core::date::Date;
use woonkans_core::dossier::{Address, Contact, Income, IncomeSource, PersonName};
use woonkans_core::profile::{
    Assessment, ContractForm, Gender, History, HousingForm, LivingSituation, Mobility, Party,
    RelapseAgreement, RelapsePlan, SCORED, SafetyPlan,
};
use woonkans_core::region::Region;
use woonkans_core::register::{Gate, Step};
use woonkans_core::sample::sample_offer;
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
const CASE: &str = "vrijgave1";
const NOTE: &str = "notities-socialNetwork";
const RELEASE: &str = "#vrijgeven-notities-socialNetwork-keuze";
const CLEAN: &str = "Heeft wekelijks contact met familie.";
const OTHER: &str = "Doet zelf de boodschappen in de buurt.";

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
    x.gender = Some(Gender::Vrouw);
    x.living_situation = Some(LivingSituation::BeschermdWonen);
    x.income = Some(Income {
        yearly_amount_euros: 16_500,
        source: IncomeSource::Uitkering,
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

fn fill_profile(case: &mut Case) {
    let p = &mut case.profile;
    for c in SCORED {
        p.assessments.insert(
            c,
            Assessment {
                level: Some(3),
                note: String::new(),
            },
        );
    }
    p.mobility = Some(Mobility::None);
    p.search_area = vec!["Venlo".into()];
    p.housing_form = Some(HousingForm::NoPreference);
    p.rent_arrears = Some(History::None);
    p.nuisance = Some(History::None);
    p.budget_management = Some(false);
    p.contract_form = Some(ContractForm::LeaseWithCareAgreement);
    p.support_hours_per_week = Some(2.5);
    p.reachable_24_7 = Some(true);
    p.relapse_plan = RelapsePlan {
        signals: "Post blijft liggen.".into(),
        agreements: vec![
            RelapseAgreement {
                party: Party::CareProvider,
                action: "Huisbezoek binnen twee werkdagen.".into(),
            },
            RelapseAgreement {
                party: Party::HousingAssociation,
                action: "Meldt een huurachterstand na een maand.".into(),
            },
        ],
    };
    p.safety_plan = Some(SafetyPlan::NotNeeded);
}

fn workspace() -> Workspace {
    let mut ws = Workspace::new(sample_offer());
    ws.settings.region = Some(Region::NoordLimburg);
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
        ws.offer.associations.len()
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
    let association = ws.offer.associations[0].id.clone();
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
        ws.offer.associations[0].clone(),
        ws.offer.associations[1].clone(),
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
        ws.offer.associations[0].clone(),
        ws.offer.associations[1].clone(),
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
