//! Releasing free texts end to end in headless Chromium: in the profile builder a note that
//! names the resident (by roepnaam) cannot be released, a clean note is released, and the bundle
//! sealed on the Bundels page for one association carries the released note and not the
//! unreleased one. Screenshots of the profile builder with a release control at 1280 and 390
//! px wide; at 390 px the page does not scroll sideways.
//!
//! The complete case is made natively with `woonkans-core` and sealed into the vault the way
//! the app seals records (see `tests/bundels.rs`).

use std::time::{Duration, SystemTime, UNIX_EPOCH};
use woonkans_core::date::Date;
use woonkans_core::dossier::{Income, IncomeSource, PersonName};
use woonkans_core::fixtures::{self, RESIDENTS};
use woonkans_core::register::Step;
use woonkans_core::workspace::Workspace;
use woonkans_tests::{Browser, assert_same_origin, parties, record_gates_to_step_4};

const PASS: &str = "groene specht klopt in Horst";
const CASE: &str = "vrijgave01";
const CLEAN: &str = "Heeft wekelijks contact met familie en gaat graag naar de markt.";
const OTHER: &str = "Doet zelf de boodschappen en kookt twee keer per week.";
const RELEASE: &str = "#vrijgeven-notities-socialNetwork-keuze";

/// Today as the browser sees it (the test machine runs in UTC, like its browser).
fn today() -> Date {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    Date::from_days_since_epoch(i64::try_from(secs / 86_400).unwrap())
}

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

/// One resident with a complete profile at step 4, whose notes are still empty.
fn seeded_workspace() -> Workspace {
    let mut ws = fixtures::workspace();
    let case = ws.add_case(CASE).unwrap();
    case.dossier = fixtures::dossier(CASE, &RESIDENTS[0]);
    let dossier = &mut case.dossier;
    dossier.name = PersonName {
        first_names: "Wilhelmina".into(),
        tussenvoegsel: String::new(),
        surname: "Hendriks".into(),
        call_name: "Mieke".into(),
    };
    dossier.birth_date = Some(d(1995, 5, 17));
    dossier.income = Some(Income {
        yearly_amount_euros: 17_500,
        source: IncomeSource::Benefits,
    });
    record_gates_to_step_4(dossier);
    dossier.step = Step::PlacementProfile;
    case.profile = fixtures::ready_draft();
    case.profile.support_hours_per_week = Some(4.5);
    case.profile.relapse_plan.signals = "Post blijft liggen en afspraken worden gemist.".into();
    ws
}

fn fitting_association(ws: &Workspace) -> String {
    ws.match_case(CASE, today())
        .unwrap()
        .associations
        .into_iter()
        .find(|a| a.eligible && a.best_score.is_some())
        .expect("the sample offer has a fitting association")
        .association_id
}

async fn js(b: &Browser, script: &str) -> serde_json::Value {
    b.client
        .execute(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("script failed: {e}"))
}

/// Leaves the focused field, so its change event fires (the app saves on change).
async fn blur(b: &Browser) {
    js(
        b,
        "if (document.activeElement) document.activeElement.blur();",
    )
    .await;
}

async fn click(b: &Browser, css: &str) {
    b.wait_for(css)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("click {css}: {e}"));
}

async fn text_of(b: &Browser, css: &str) -> String {
    b.wait_for(css).await.text().await.unwrap_or_default()
}

async fn wait_text_in(b: &Browser, css: &str, needle: &str) -> String {
    let mut last = String::new();
    for _ in 0..300 {
        last = text_of(b, css).await;
        if last.contains(needle) {
            return last;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{css} does not show '{needle}': {last}");
}

async fn disabled(b: &Browser, css: &str) -> bool {
    js(
        b,
        &format!("return document.querySelector(\"{css}\").disabled;"),
    )
    .await
    .as_bool()
    .unwrap_or(false)
}

async fn scroll_to(b: &Browser, id: &str) {
    js(
        b,
        &format!("document.getElementById('{id}').scrollIntoView({{block: 'center'}});"),
    )
    .await;
}

/// Makes the viewport (not the window) `width` × 800, as far as the window can; returns the
/// viewport's width.
async fn viewport(b: &Browser, width: u32) -> u64 {
    let v = js(
        b,
        "return [outerWidth - innerWidth, outerHeight - innerHeight];",
    )
    .await;
    let dx = v[0].as_u64().unwrap_or(0) as u32;
    let dy = v[1].as_u64().unwrap_or(0) as u32;
    b.client
        .set_window_size(width + dx, 800 + dy)
        .await
        .expect("resize the window");
    let mut inner = 0;
    for _ in 0..30 {
        inner = js(b, "return innerWidth;").await.as_u64().unwrap_or(0);
        if inner == u64::from(width) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    inner
}

/// Waits for a finished download (Chromium writes `<name>.crdownload` first).
async fn downloaded(b: &Browser, name: &str) -> Vec<u8> {
    let path = b.downloads().join(name);
    let partial = b.downloads().join(format!("{name}.crdownload"));
    for _ in 0..300 {
        if path.exists() && !partial.exists() {
            let bytes = std::fs::read(&path).unwrap_or_default();
            if !bytes.is_empty() {
                return bytes;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no download {name} within 30 s");
}

#[tokio::test(flavor = "current_thread")]
async fn only_a_released_note_goes_into_the_bundle() {
    let mut ws = seeded_workspace();
    let association = fitting_association(&ws);
    parties::coordinator_keys(&mut ws, today());
    let mut association_vault = parties::association_vault(&mut ws, &association, today());
    let b = Browser::start().await;
    b.open("/").await;
    b.create_vault(PASS).await;
    b.wait_for("#regio-keuze")
        .await
        .select_by_value("noord")
        .await
        .unwrap();
    b.wait_for_text("Opgeslagen om").await;

    // Lock, seal the prepared case, offer and keys into the vault, reload on the dossier and
    // unlock.
    b.lock_and_seal(PASS, &ws).await;
    b.seal_parties(PASS, &ws).await;
    b.open(&format!("/dossiers/{CASE}")).await;
    b.unlock(PASS).await;
    b.wait_for("#notities-socialNetwork").await;
    b.wait_for_text("Het bemiddelingsprofiel is compleet").await;
    let after_load = b.requested_urls().await;
    assert_same_origin(&after_load);

    // A note naming the resident by roepnaam cannot be released.
    b.fill("#notities-householdCare", "Mieke kookt zelf.").await;
    blur(&b).await;
    wait_text_in(&b, "#vrijgeven-notities-householdCare-status", "scanner").await;
    assert!(disabled(&b, "#vrijgeven-notities-householdCare-keuze").await);
    b.click_button("Alles vervangen").await;
    b.wait_for_text("Het bemiddelingsprofiel is compleet").await;

    // A clean note is released; another stays unreleased.
    b.fill("#notities-workDayActivities", OTHER).await;
    b.fill("#notities-socialNetwork", CLEAN).await;
    blur(&b).await;
    wait_text_in(
        &b,
        "#vrijgeven-notities-socialNetwork-status",
        "Niet vrijgegeven: gaat niet mee in bundels.",
    )
    .await;
    assert!(!disabled(&b, RELEASE).await);
    click(&b, RELEASE).await;
    wait_text_in(
        &b,
        "#vrijgeven-notities-socialNetwork-status",
        "Vrijgegeven voor alle corporaties.",
    )
    .await;
    assert!(
        text_of(&b, "#vrijgeven-notities-workDayActivities-status")
            .await
            .starts_with("Niet vrijgegeven")
    );
    b.assert_accessible("dossier, stap 4 met vrijgave").await;
    scroll_to(&b, "vrijgeven-notities-socialNetwork").await;
    b.screenshot("vrijgave-1280").await;

    // Narrow: nothing sticks out sideways.
    assert_eq!(viewport(&b, 390).await, 390);
    scroll_to(&b, "vrijgeven-notities-socialNetwork").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let width = js(&b, "return document.documentElement.scrollWidth;")
        .await
        .as_u64()
        .unwrap_or(u64::MAX);
    if width > 390 {
        let wide = js(
            &b,
            "return [...document.querySelectorAll('body *')]\
               .filter(e => e.getBoundingClientRect().right > 391)\
               .slice(0, 12)\
               .map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));",
        )
        .await;
        panic!("the page is {width} px wide at 390; sticking out: {wide}");
    }
    b.screenshot("vrijgave-390").await;
    viewport(&b, 1280).await;

    // The Bundels page: one released text goes to this association.
    b.click_link("Bundels").await;
    b.wait_for("#corporatie")
        .await
        .select_by_value(&association)
        .await
        .unwrap();
    let hint = wait_text_in(
        &b,
        &format!("#dossier-{CASE}-hint"),
        "1 vrijgegeven vrije tekst gaat mee.",
    )
    .await;
    assert!(hint.contains("Code voor deze corporatie: WK-"), "{hint}");
    let honest = text_of(&b, "#koppelen").await;
    assert!(honest.contains("zeldzame combinatie"), "{honest}");
    click(&b, &format!("#dossier-{CASE}")).await;
    b.screenshot("vrijgave-bundels").await;
    b.click_button("Controleren en downloaden").await;
    b.wait_for_text("Bundel gemaakt").await;
    let name = text_of(&b, "#bundel-uitkomst p code").await;
    let bytes = downloaded(&b, &name).await;
    // The envelope opens with the association's keys; what it holds is the bundle.
    let at = association_vault
        .open_bundle(&bytes, "2026-11-28T12:00:00")
        .expect("the association opens the envelope");
    let received = association_vault.parties().inbox()[at].clone();
    received.bundle().expect("the bundle in it verifies");
    let text = received.payload;
    assert!(text.contains(CLEAN), "the released note goes along");
    assert!(!text.contains(OTHER), "the unreleased note stays");
    assert!(!text.contains("kookt zelf"), "the unreleased note stays");
    assert!(
        !text.contains("Huisbezoek binnen twee werkdagen."),
        "unreleased relapse agreements stay"
    );

    let after = b.requested_urls().await;
    assert_same_origin(&after);
    let fetched: Vec<&String> = after.iter().filter(|u| !u.starts_with("blob:")).collect();
    assert_eq!(
        fetched.len(),
        after_load.len(),
        "requests after load: {after:?}"
    );
    b.close().await;
}
