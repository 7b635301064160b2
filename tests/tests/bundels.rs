//! Bundles end to end in headless Chromium: the coordinator seals a bundle in an envelope for
//! one association (and the leak guard refuses one), the association opens it in its own vault
//! and answers (and refuses a copy with one changed byte), the coordinator reads the reply on
//! the cases, the disclosure log is exported as CSV, and the resident's overview is shown.
//!
//! No dossier screens are used: the complete cases, the keys and the exchanged key cards are
//! made natively with `woonkans-core` and sealed into the vault the way the app seals records
//! (AES-256-GCM under the PBKDF2 key, the record name as associated data), through WebCrypto in
//! the page while the vault is locked. The side not in the browser is a native workspace.

use fantoccini::Locator;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use woonkans_core::bundle;
use woonkans_core::code::{self, CodeKey};
use woonkans_core::date::Date;
use woonkans_core::dossier::{Income, IncomeSource, PersonName};
use woonkans_core::fixtures::{self, RESIDENTS};
use woonkans_core::offer::Offer;
use woonkans_core::profile::ProfileCategory;
use woonkans_core::region::Region;
use woonkans_core::register::Step;
use woonkans_core::reply::{AnswerKind, CodeAnswer, NoOfferReason};
use woonkans_core::sample::sample_offer;
use woonkans_core::workspace::Workspace;
use woonkans_tests::parties::{self, COORDINATOR};
use woonkans_tests::{Browser, assert_same_origin, record_gates_to_step_4};

const PASS: &str = "blauwe reiger vist bij Venray";
const CASE_A: &str = "dossiera01";
const CASE_B: &str = "dossierb02";
const BSN_A: &str = "999994669";
const BSN_B: &str = "111222333";

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

fn add_case(ws: &mut Workspace, id: &str, surname: &str, bsn: &str, area: &str) {
    let case = ws.add_case(id).unwrap();
    case.dossier = fixtures::dossier(id, &RESIDENTS[0]);
    let dossier = &mut case.dossier;
    dossier.name = PersonName {
        first_names: "Lotte".into(),
        tussenvoegsel: String::new(),
        surname: surname.into(),
        ..PersonName::default()
    };
    dossier.gemeente = area.into();
    dossier.birth_date = Some(d(1995, 5, 17));
    dossier.bsn = Some(bsn.into());
    dossier.income = Some(Income {
        yearly_amount_euros: 17_500,
        source: IncomeSource::Benefits,
    });
    record_gates_to_step_4(dossier);
    dossier.step = Step::AssociationTalks;
    case.profile = fixtures::ready_draft();
    let draft = &mut case.profile;
    draft
        .assessments
        .get_mut(&ProfileCategory::SocialNetwork)
        .unwrap()
        .note = "Heeft wekelijks contact met familie.".into();
    draft.search_area = vec![area.into()];
    draft.support_hours_per_week = Some(4.5);
    draft.relapse_plan.signals = "Post blijft liggen en afspraken worden gemist.".into();
    // Every typed text released for all associations, as a coordinator does before sharing.
    let typed: Vec<String> = draft
        .texts()
        .into_iter()
        .filter(|(_, t)| !t.trim().is_empty())
        .map(|(f, _)| f)
        .collect();
    for field in typed {
        draft.set_release(&field, true, Vec::new()).unwrap();
    }
}

/// Resident A looks in Venlo (a clean bundle); resident B looks in Venray, where every dwelling
/// id carries B's BSN: a value only the guard over the exact bytes can catch.
fn seeded_workspace() -> Workspace {
    let mut offer: Offer = sample_offer();
    for dwelling in offer
        .dwellings
        .iter_mut()
        .filter(|d| d.gemeente == "Venray")
    {
        dwelling.id = format!("{}-{BSN_B}", dwelling.id);
    }
    let mut ws = Workspace::new(offer);
    ws.set_region(Some(Region::NoordLimburg));
    add_case(&mut ws, CASE_A, "Hendriks", BSN_A, "Venlo");
    add_case(&mut ws, CASE_B, "Janssen", BSN_B, "Venray");
    ws
}

fn fitting_association(ws: &Workspace, case: &str) -> String {
    ws.match_case(case, today())
        .unwrap()
        .associations
        .into_iter()
        .find(|a| a.eligible && a.best_score.is_some())
        .expect("the sample offer has a fitting association")
        .association_id
}

/// Waits for a finished download (Chromium writes `<name>.crdownload` first).
async fn downloaded(b: &Browser, name: &str) -> Vec<u8> {
    let path = b.downloads().join(name);
    let partial = b.downloads().join(format!("{name}.crdownload"));
    for _ in 0..300 {
        if path.exists() && !partial.exists() {
            let bytes = std::fs::read(&path).unwrap();
            if !bytes.is_empty() {
                return bytes;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no download {name} within 30 s");
}

fn download_count(b: &Browser) -> usize {
    std::fs::read_dir(b.downloads())
        .map(|r| r.count())
        .unwrap_or(0)
}

/// A folder of one test's files; one per test, as the tests of this file run side by side and
/// each removes its own at the end.
fn scratch_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "woonkans-e2e-bundels-{}-{test}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A copy of an envelope with exactly one byte of its sealed content changed (a base64 letter
/// of the ciphertext, so the file still reads as an envelope).
fn tampered(bytes: &[u8]) -> Vec<u8> {
    let start = bytes
        .windows(14)
        .position(|w| w == b"\"ciphertext\":\"")
        .expect("the envelope has a ciphertext")
        + 14;
    let mut copy = bytes.to_vec();
    copy[start + 10] = if copy[start + 10] == b'A' { b'B' } else { b'A' };
    copy
}

/// The vault of `association` among those made by `parties::every_association`.
fn vault_of(vaults: &[(String, Workspace)], association: &str) -> Workspace {
    vaults
        .iter()
        .find(|(id, _)| id == association)
        .map(|(_, ws)| ws.clone())
        .expect("a vault for every association")
}

/// The name the page shows for the file it just downloaded (in a `code` element of `css`).
async fn shown_file_name(b: &Browser, css: &str, kind: &str) -> String {
    let name = b.wait_for(css).await.text().await.unwrap();
    assert!(
        name.starts_with(&format!("woonkans-{kind}-{}-", today().iso()))
            && name.ends_with(".envelop.json"),
        "{name}"
    );
    name
}

const AT: &str = "2026-11-28T12:00:00";

async fn choose_file(b: &Browser, path: &Path) {
    let input = b.wait_for("#bundelbestand").await;
    input
        .send_keys(path.to_str().unwrap())
        .await
        .expect("choose the file");
}

async fn no_text(b: &Browser, needle: &str) {
    assert!(
        !b.text().await.contains(needle),
        "unexpected text: {needle}"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn coordinator_seals_a_bundle_the_association_opens_it_and_the_log_exports() {
    let mut ws = seeded_workspace();
    let assoc_a = fitting_association(&ws, CASE_A);
    let assoc_b = fitting_association(&ws, CASE_B);
    let vaults = parties::every_association(&mut ws, today());
    let b = Browser::start().await;
    b.open("/").await;
    b.create_vault(PASS).await;
    b.wait_for("#regio-keuze")
        .await
        .select_by_value("noord")
        .await
        .unwrap();
    b.wait_for_text("Opgeslagen om").await;
    let after_load = b.requested_urls().await;

    // Lock, seal the prepared cases, offer and keys into the vault, reload on /bundels, unlock.
    b.lock_and_seal(PASS, &ws).await;
    b.seal_parties(PASS, &ws).await;
    b.open("/bundels").await;
    b.unlock(PASS).await;
    b.wait_for("#corporatie").await;
    b.wait_for_text("Lotte Hendriks (dossier dossiera01)").await;
    b.screenshot("bundels").await;

    // A clean bundle for resident A.
    b.wait_for("#corporatie")
        .await
        .select_by_value(&assoc_a)
        .await
        .unwrap();
    b.wait_for_text("Code voor deze corporatie: WK-").await;
    b.wait_for(&format!("#dossier-{CASE_A}"))
        .await
        .click()
        .await
        .unwrap();
    b.screenshot("bundels-keuze").await;
    b.click_button("Controleren en downloaden").await;
    b.wait_for_text("Bundel gemaakt").await;
    b.screenshot("bundels-gemaakt").await;
    let file_name = shown_file_name(&b, "#bundel-uitkomst p code", "bundel").await;
    let bytes = downloaded(&b, &file_name).await;
    assert!(
        bundle::verify_bundle(&bytes).is_err(),
        "only an envelope leaves"
    );
    // The association opens it with its own keys (natively here).
    let mut vault_a = vault_of(&vaults, &assoc_a);
    let at = vault_a
        .open_bundle(&bytes, AT)
        .expect("the association opens the envelope");
    let received = vault_a.parties().inbox()[at].clone();
    assert_eq!(received.organisation, COORDINATOR);
    let verified = received.bundle().expect("the bundle in it verifies");
    assert_eq!(verified.profiles.len(), 1);
    let code_a = verified.profiles[0].code.to_string();
    let page = b.text().await;
    assert!(
        page.contains(&file_name) && page.contains(&code_a) && page.contains(&verified.bundle_id)
    );
    assert!(
        received.payload.contains("familie"),
        "the released note goes"
    );
    let sealed = String::from_utf8(bytes.clone()).unwrap();
    for (text, what) in [(&received.payload, "bundle"), (&sealed, "envelope")] {
        for value in ["Lotte", "Hendriks", BSN_A, "1995", "17-05"] {
            assert!(!text.contains(value), "the {what} holds {value}");
        }
    }
    assert!(!sealed.contains("familie"), "the envelope is sealed");

    // Resident B: the guard finds B's BSN in a dwelling id; nothing is downloaded or logged.
    b.wait_for("#corporatie")
        .await
        .select_by_value(&assoc_b)
        .await
        .unwrap();
    b.wait_for(&format!("#dossier-{CASE_B}"))
        .await
        .click()
        .await
        .unwrap();
    let files_before = download_count(&b);
    b.click_button("Controleren en downloaden").await;
    b.wait_for_text("Niet gedownload: de lekcontrole vond herleidbare gegevens")
        .await;
    b.wait_for_text("Burgerservicenummer").await;
    no_text(&b, BSN_B).await;
    b.screenshot("bundels-lek").await;
    b.assert_accessible("bundels (lekcontrole)").await;
    let link = b.wait_for(".lekcontrole a").await;
    assert_eq!(
        link.attr("href").await.unwrap().as_deref(),
        Some(format!("/dossiers/{CASE_B}").as_str())
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(download_count(&b), files_before, "nothing downloaded");

    let dir = scratch_dir("seal");

    // The disclosure log: one entry with A's code, exported as CSV without personal data.
    b.click_link("Verwerkingslog").await;
    b.wait_for("table.logtabel").await;
    b.wait_for_text(&code_a).await;
    b.screenshot("verwerkingslog").await;
    b.assert_accessible("verwerkingslog").await;
    b.click_button("Exporteren als CSV").await;
    let csv_name = format!("woonkans-verwerkingslog-{}.csv", today().iso());
    let csv = String::from_utf8(downloaded(&b, &csv_name).await).unwrap();
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.contains("Datum-tijd;Stap;Ontvanger"));
    assert!(csv.contains(&code_a) && csv.contains(&verified.bundle_id));
    for value in ["Lotte", "Hendriks", "Janssen", BSN_A, BSN_B] {
        assert!(!csv.contains(value), "the CSV holds {value}");
    }

    // Privacy: the resident's overview, and the key and backup files.
    b.click_link("Privacy").await;
    b.wait_for("#overzicht-dossier")
        .await
        .select_by_value(CASE_A)
        .await
        .unwrap();
    b.wait_for_text("Wat er met uw gegevens gebeurt in Woonkans")
        .await;
    b.wait_for_text("Uw bemiddelingsprofiel is 1 keer gedeeld")
        .await;
    b.wait_for_text("05-01-2026, door Zorgaanbieder De Brug")
        .await;
    b.screenshot("privacy-overzicht").await;
    b.assert_accessible("privacy met overzicht").await;
    let print_rules: bool = b
        .client
        .execute(
            "return [...document.styleSheets].some(s => [...s.cssRules].some(r => r.media && r.media.mediaText === 'print' && r.cssText.includes('.niet-printen') && r.cssText.includes('.kop')));",
            vec![],
        )
        .await
        .unwrap()
        .as_bool()
        .unwrap_or(false);
    assert!(print_rules, "a print stylesheet hides the navigation");
    b.click_button("Sleutel exporteren").await;
    let key_file = downloaded(&b, &format!("woonkans-sleutel-{}.json", today().iso())).await;
    let key: CodeKey = code::import_key(&String::from_utf8(key_file).unwrap()).unwrap();
    assert_eq!(
        code::derive(&key, &assoc_a, BSN_A).to_string(),
        code_a,
        "the exported key is the one that made the code"
    );
    b.click_button("Back-up downloaden").await;
    let backup = downloaded(&b, &format!("woonkans-backup-{}.json", today().iso())).await;
    let backup = String::from_utf8(backup).unwrap();
    for value in ["Lotte", "Hendriks", BSN_A] {
        assert!(
            !backup.contains(value),
            "the backup holds {value} in plain text"
        );
    }
    // Key import: the same key changes nothing; another key, after the confirmation, is used
    // for new codes and survives a reload.
    let key_path = dir.join("sleutel.json");
    std::fs::write(&key_path, code::export_key(&key)).unwrap();
    b.wait_for("#sleutelbestand")
        .await
        .send_keys(key_path.to_str().unwrap())
        .await
        .unwrap();
    b.wait_for_text("Deze sleutel is al in gebruik").await;
    let other = CodeKey::from_bytes([0x5a; 32]);
    let other_path = dir.join("andere-sleutel.json");
    std::fs::write(&other_path, code::export_key(&other)).unwrap();
    b.wait_for("#sleutelbestand")
        .await
        .send_keys(other_path.to_str().unwrap())
        .await
        .unwrap();
    b.wait_for_text("Sleutel vervangen?").await;
    let focused: bool = b
        .client
        .execute(
            "return document.activeElement.id === 'sleutel-bevestiging';",
            vec![],
        )
        .await
        .unwrap()
        .as_bool()
        .unwrap();
    assert!(focused, "the confirmation takes the focus");
    b.screenshot("privacy-sleutel").await;
    b.click_button("Sleutel vervangen").await;
    b.wait_for_text("De sleutel is vervangen").await;
    b.wait_for_text("Opgeslagen om").await;
    let new_code = code::derive(&other, &assoc_a, BSN_A).to_string();
    b.open("/bundels").await;
    b.unlock(PASS).await;
    b.wait_for("#corporatie")
        .await
        .select_by_value(&assoc_a)
        .await
        .unwrap();
    b.wait_for_text(&format!("Code voor deze corporatie: {new_code}"))
        .await;
    b.click_link("Privacy").await;
    b.wait_for("#overzicht-dossier")
        .await
        .select_by_value(CASE_A)
        .await
        .unwrap();

    b.click_button("Alles wissen").await;
    b.wait_for_text("Typ WISSEN om te bevestigen").await;
    b.screenshot("privacy-wissen").await;

    // What the printer gets: the print rules applied to the screen.
    b.client
        .execute(
            "for (const s of document.styleSheets) for (const r of s.cssRules) if (r.media && r.media.mediaText === 'print') r.media.mediaText = 'all'; window.scrollTo(0, 0);",
            vec![],
        )
        .await
        .unwrap();
    for hidden in [
        "header.kop",
        "nav.hoofdmenu",
        "table.register",
        "#wissen-bevestiging",
    ] {
        let shown: bool = b
            .client
            .execute(
                "const e = document.querySelector(arguments[0]); return !!e && e.offsetParent !== null;",
                vec![hidden.into()],
            )
            .await
            .unwrap()
            .as_bool()
            .unwrap();
        assert!(!shown, "{hidden} is printed");
    }
    b.wait_for_text("Wat er met uw gegevens gebeurt in Woonkans")
        .await;
    b.screenshot("privacy-afdruk").await;

    // Since the reload: only the app's own files, the same ones as at first load.
    let urls = b.requested_urls().await;
    assert_same_origin(&urls);
    let fetched: Vec<&String> = urls[1..]
        .iter()
        .filter(|u| !u.starts_with("blob:") && !after_load.contains(u))
        .collect();
    assert!(
        fetched.is_empty(),
        "requests besides the app's files: {fetched:?}"
    );
    let _ = std::fs::remove_dir_all(dir);
    b.close().await;
}

/// Five residents in Venlo, each with a valid BSN of their own.
const FIVE: [(&str, &str, &str); 5] = [
    ("paar00001", "Hendriks", "999994669"),
    ("paar00002", "Janssen", "111222333"),
    ("paar00003", "Peeters", "123456782"),
    ("paar00004", "Coolen", "999990019"),
    ("paar00005", "Gielen", "999991917"),
];

fn label(id: &str) -> String {
    let (_, surname, _) = FIVE.iter().find(|(i, _, _)| *i == id).unwrap();
    format!("Lotte {surname} (dossier {id})")
}

/// The text of every element matching `css`, in page order.
async fn texts_of(b: &Browser, css: &str) -> Vec<String> {
    b.client
        .execute(
            "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent);",
            vec![css.into()],
        )
        .await
        .unwrap()
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// Asserts that `shown` holds the resident's own code and no other resident's.
fn only_own_code(
    shown: &str,
    id: &str,
    expected: &std::collections::BTreeMap<&str, String>,
    at: &str,
) {
    assert!(
        shown.contains(&expected[id]),
        "{at} for {id} lacks its code {}: {shown}",
        expected[id]
    );
    for (other, code) in expected {
        if *other != id {
            assert!(
                !shown.contains(code.as_str()),
                "{at} for {id} shows {other}'s code"
            );
        }
    }
}

/// Regression: in a bundle of several residents each case once stored another's code. Five
/// ready residents go into one bundle through the Bundels page; the Verwerkingslog per dossier,
/// the resident's overview and the dossier's step 5 then each show that resident's own code,
/// computed here from the known key and the resident's BSN.
#[tokio::test(flavor = "current_thread")]
async fn five_residents_in_one_bundle_each_see_their_own_code() {
    let mut ws = Workspace::new(sample_offer());
    ws.set_region(Some(Region::NoordLimburg));
    for (id, surname, bsn) in FIVE {
        add_case(&mut ws, id, surname, bsn, "Venlo");
    }
    let association = fitting_association(&ws, FIVE[0].0);
    let association_name = ws.offer().association(&association).unwrap().name.clone();
    let key = CodeKey::from_bytes([0x42; 32]);
    let expected: std::collections::BTreeMap<&str, String> = FIVE
        .iter()
        .map(|(id, _, bsn)| (*id, code::derive(&key, &association, bsn).to_string()))
        .collect();
    // The page sends the cases in the workspace's order: the reverse of their codes' order, so
    // codes sorted by text and paired by position would give four of them another's code.
    let mut reversed = FIVE.to_vec();
    reversed.sort_by(|a, b| expected[b.0].cmp(&expected[a.0]));
    let mut ws = Workspace::new(sample_offer());
    ws.set_region(Some(Region::NoordLimburg));
    for (id, surname, bsn) in reversed {
        add_case(&mut ws, id, surname, bsn, "Venlo");
    }
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
    b.lock_and_seal(PASS, &ws).await;
    b.seal_parties(PASS, &ws).await;
    b.seal_record(PASS, "key", &code::export_key(&key)).await;
    b.open("/bundels").await;
    b.unlock(PASS).await;
    b.wait_for("#corporatie")
        .await
        .select_by_value(&association)
        .await
        .unwrap();
    for (id, _, _) in FIVE {
        b.wait_for_text(&format!("Code voor deze corporatie: {}.", expected[id]))
            .await;
        b.wait_for(&format!("#dossier-{id}"))
            .await
            .click()
            .await
            .unwrap();
    }
    b.click_button("Controleren en downloaden").await;
    b.wait_for_text("Bundel gemaakt").await;
    b.screenshot("bundels-vijf").await;

    // "Bundel gemaakt": each code with its own dossier.
    let mut shown = texts_of(&b, "#bundel-uitkomst li").await;
    shown.sort();
    let mut wanted: Vec<String> = FIVE
        .iter()
        .map(|(id, _, _)| format!("{} — {}", expected[id], label(id)))
        .collect();
    wanted.sort();
    assert_eq!(shown, wanted);
    let name = shown_file_name(&b, "#bundel-uitkomst p code", "bundel").await;
    let bytes = downloaded(&b, &name).await;
    let at = association_vault
        .open_bundle(&bytes, AT)
        .expect("the association opens the envelope");
    let envelope_id = association_vault.parties().inbox()[at].envelope_id.clone();
    let verified = association_vault.parties().inbox()[at]
        .bundle()
        .expect("the bundle in it verifies");
    let mut in_file: Vec<String> = verified
        .profiles
        .iter()
        .map(|p| p.code.to_string())
        .collect();
    in_file.sort();
    let mut all: Vec<String> = expected.values().cloned().collect();
    all.sort();
    assert_eq!(in_file, all);

    // The Verwerkingslog: all five in the bundle's entry; per dossier, only its own code.
    b.click_link("Verwerkingslog").await;
    b.wait_for("table.logtabel").await;
    for code in expected.values() {
        b.wait_for_text(code).await;
    }
    for (id, _, _) in FIVE {
        b.wait_for("#log-dossier")
            .await
            .select_by_value(id)
            .await
            .unwrap();
        b.wait_for_text(&format!("Verstrekkingen uit {} (1)", label(id)))
            .await;
        let table = b.wait_for("table.logtabel").await.text().await.unwrap();
        only_own_code(&table, id, &expected, "the Verwerkingslog");
    }
    b.screenshot("verwerkingslog-per-dossier").await;

    // The resident's overview (Privacy, "Overzicht voor de inwoner").
    b.click_link("Privacy").await;
    for (id, _, _) in FIVE {
        b.wait_for("#overzicht-dossier")
            .await
            .select_by_value(id)
            .await
            .unwrap();
        b.wait_for_text(&format!("Voor: {}", label(id))).await;
        let overview = b.wait_for(".afdruk-overzicht").await.text().await.unwrap();
        assert!(overview.contains("Uw bemiddelingsprofiel is 1 keer gedeeld"));
        only_own_code(&overview, id, &expected, "the resident's overview");
    }
    b.screenshot("privacy-overzicht-vijf").await;

    // The association answers every code with a dwelling of its own; the coordinator opens the
    // reply on the Bundels page.
    let offered = |id: &str| {
        let n = FIVE.iter().position(|(i, _, _)| *i == id).unwrap();
        format!("VBW-{n}{n}{n}")
    };
    let answers = FIVE
        .iter()
        .map(|(id, _, _)| CodeAnswer {
            code: code::parse(&expected[id]).unwrap(),
            answer: AnswerKind::DwellingOffered,
            dwelling_id: Some(offered(id)),
            reason: None,
        })
        .collect();
    let reply = association_vault
        .seal_reply(&envelope_id, answers, [9; 16], [10; 32], today(), AT)
        .expect("the reply seals");
    let dir = scratch_dir("five");
    let reply_path = dir.join(&reply.file_name);
    std::fs::write(&reply_path, &reply.bytes).unwrap();
    b.click_link("Bundels").await;
    b.wait_for("#reactiebestand")
        .await
        .send_keys(reply_path.to_str().unwrap())
        .await
        .unwrap();
    b.wait_for_text(&format!(
        "Reactie van {association_name}: 5 antwoorden verwerkt"
    ))
    .await;
    let lines = texts_of(&b, "#reactie-uitkomst li").await;
    assert_eq!(lines.len(), 5);
    for (id, _, _) in FIVE {
        let line = lines
            .iter()
            .find(|l| l.starts_with(&label(id)))
            .unwrap_or_else(|| panic!("{id} in the reply: {lines:?}"));
        only_own_code(line, id, &expected, "the reply");
        assert!(
            line.ends_with(&format!("Woning aangeboden: {}", offered(id))),
            "{line}"
        );
    }
    b.screenshot("bundels-reactie-vijf").await;

    // The dossier's step 5: the code per association and its answer.
    for (id, surname, _) in FIVE {
        b.click_link("Dossiers").await;
        b.click_link(&format!("Lotte {surname}")).await;
        let mut codes = String::new();
        for _ in 0..300 {
            let here = b.client.current_url().await.unwrap();
            codes = texts_of(&b, "table.codes tbody").await.concat();
            if here.path() == format!("/dossiers/{id}") && !codes.is_empty() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        only_own_code(&codes, id, &expected, "the dossier's codes");
        assert!(
            codes.contains(&format!("Woning aangeboden: {} (", offered(id))),
            "{id}: {codes}"
        );
        for (other, _, _) in FIVE {
            if other != id {
                assert!(
                    !codes.contains(&offered(other)),
                    "{id} shows {other}'s answer"
                );
            }
        }
    }
    assert_same_origin(&b.requested_urls().await);
    let _ = std::fs::remove_dir_all(dir);
    b.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_association_opens_the_envelope_in_its_vault_answers_and_refuses_a_changed_byte() {
    let mut coordinator = seeded_workspace();
    let association = fitting_association(&coordinator, CASE_A);
    parties::coordinator_keys(&mut coordinator, today());
    let association_vault = parties::association_vault(&mut coordinator, &association, today());
    let key = CodeKey::from_bytes([42; 32]);
    let (sealed, written) = coordinator
        .seal_bundle(
            &key,
            &association,
            &[CASE_A.to_string()],
            [7; 16],
            [8; 32],
            today(),
            AT,
        )
        .unwrap_or_else(|_| panic!("the bundle seals"));
    let code_a = written.codes[0].to_string();
    let dir = scratch_dir("association");
    let good = dir.join(&sealed.file_name);
    std::fs::write(&good, &sealed.bytes).unwrap();
    let bad = dir.join("bundel-gewijzigd.envelop.json");
    std::fs::write(&bad, tampered(&sealed.bytes)).unwrap();

    // Without a vault the page explains why it needs one, and offers to make it.
    let b = Browser::start().await;
    b.open("/bundel-openen").await;
    b.wait_for_text("gaat alleen open in de kluis van die corporatie")
        .await;
    no_text(&b, "Kies een bundel-envelop").await;
    b.create_vault(PASS).await;
    // The association's own vault: its keys and the coordinator's confirmed card.
    b.lock_and_seal(PASS, &association_vault).await;
    b.seal_parties(PASS, &association_vault).await;
    b.open("/bundel-openen").await;
    b.unlock(PASS).await;
    b.wait_for("#bundelbestand").await;
    let after_load = b.requested_urls().await;
    assert_same_origin(&after_load);

    choose_file(&b, &good).await;
    b.wait_for_text(&format!(
        "Van: {COORDINATOR} (regisseur), ondertekening gecontroleerd"
    ))
    .await;
    b.wait_for_text("De bundel is echt en onveranderd.").await;
    b.wait_for_text(&code_a).await;
    b.wait_for_text("Passende woningen van deze corporatie")
        .await;
    b.wait_for_text("Ontvangen bundels (1)").await;
    for value in ["Lotte", "Hendriks", BSN_A] {
        no_text(&b, value).await;
    }
    let rows = b
        .client
        .find_all(Locator::Css(".profiel-categorieen tbody tr"))
        .await
        .unwrap();
    assert_eq!(rows.len(), 8, "all eight categories");
    b.screenshot("bundel-openen").await;

    // The reply: no passing offer, with a reason from the list.
    b.wait_for("#reactie-0-noOffer")
        .await
        .click()
        .await
        .unwrap();
    b.wait_for("#reactie-0-reden")
        .await
        .select_by_value("quotaFull")
        .await
        .unwrap();
    b.screenshot("bundel-openen-reactie").await;
    b.assert_accessible("bundel openen (reactie)").await;
    b.click_button("Reactie maken").await;
    b.wait_for_text("Reactie gemaakt").await;
    let name = shown_file_name(&b, "#reactie-gemaakt code", "reactie").await;
    let reply = downloaded(&b, &name).await;
    let receipt = coordinator
        .open_reply(&reply, Some(&key), AT)
        .expect("the coordinator opens the reply");
    assert_eq!(receipt.association_id, association);
    assert_eq!(receipt.unknown, 0);
    assert_eq!(
        receipt.answered,
        vec![(
            CASE_A.to_string(),
            CodeAnswer {
                code: code::parse(&code_a).unwrap(),
                answer: AnswerKind::NoOffer,
                dwelling_id: None,
                reason: Some(NoOfferReason::QuotaFull),
            }
        )]
    );
    b.wait_for_text("Reactie gemaakt op").await;

    // One changed byte: refused, nothing shown of it.
    choose_file(&b, &bad).await;
    b.wait_for_text("Deze bundel is niet geopend").await;
    b.wait_for_text("De ondertekening van deze envelop klopt niet")
        .await;
    no_text(&b, "ondertekening gecontroleerd").await;
    b.screenshot("bundel-openen-gewijzigd").await;
    b.assert_accessible("bundel openen (fout)").await;

    let urls = b.requested_urls().await;
    let fetched: Vec<&String> = urls.iter().filter(|u| !u.starts_with("blob:")).collect();
    assert_eq!(
        fetched.len(),
        after_load.len(),
        "no request after load: {urls:?}"
    );
    let _ = std::fs::remove_dir_all(dir);
    b.close().await;
}
