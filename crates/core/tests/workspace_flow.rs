//! The whole routeplanner through the workspace: dossier → gates → profile → bundle → verify →
//! resolve → accept → hand-over, and what the log and the bundle must never hold.

use woonkans_core::code::{self, CodeKey};
use woonkans_core::date::Date;
use woonkans_core::dossier::Address;
use woonkans_core::fixtures::{self, RESIDENTS};
use woonkans_core::profile::{History, HousingForm, ProfileCategory};
use woonkans_core::workspace::Workspace;

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

const TODAY: (i32, u8, u8) = (2026, 11, 28);

fn today() -> Date {
    d(TODAY.0, TODAY.1, TODAY.2)
}

/// Noël Johannes van der Berg, before the gates: a full dossier (address, contact, health) and a
/// complete profile with a note, two gemeenten and a resolved arrears history.
fn workspace_with_case() -> Workspace {
    let mut ws = fixtures::workspace();
    let case = ws.add_case("k7f3q9").unwrap();
    case.dossier = fixtures::dossier("k7f3q9", &RESIDENTS[1]);
    let dossier = &mut case.dossier;
    dossier.address = Address {
        kind: Default::default(),
        street: "Kerkstraat".into(),
        house_number: 12,
        house_number_addition: "a".into(),
        postcode: "5911 AB".into(),
        place: "Venlo".into(),
    };
    dossier.phones = vec!["06-12345678".into()];
    dossier.email = Some("noel.vdberg@example.nl".into());
    dossier.birth_date = Some(d(2001, 3, 12));
    dossier.bsn = Some("999994669".into());
    dossier.health = "Schizofrenie, depotmedicatie.".into();
    case.profile = fixtures::ready_draft();
    let draft = &mut case.profile;
    for a in draft.assessments.values_mut() {
        a.level = Some(2);
    }
    draft
        .assessments
        .get_mut(&ProfileCategory::SocialNetwork)
        .unwrap()
        .note = "Heeft contact met familie, wil dicht bij het centrum wonen.".into();
    draft.search_area = vec!["Venlo".into(), "Venray".into()];
    draft.housing_form = Some(HousingForm::InComplex);
    draft.rent_arrears = Some(History::Resolved);
    case.dossier.budget_management = true;
    draft.relapse_plan.signals = "Post blijft liggen en afspraken worden gemist.".into();
    draft.relapse_plan.agreements[1].action =
        "Meldt een huurachterstand na één maand aan de zorgaanbieder.".into();
    ws
}

fn record_gates_to_step_4(ws: &mut Workspace) {
    fixtures::record_gates_to_step_4(&mut ws.case_mut("k7f3q9").unwrap().dossier);
}

fn eligible_association(ws: &Workspace) -> String {
    let m = ws.match_case("k7f3q9", today()).unwrap();
    m.associations
        .iter()
        .find(|a| a.eligible && a.best_score.is_some())
        .expect("the sample offer has an eligible association in Venlo")
        .association_id
        .clone()
}

#[test]
fn profile_waits_for_the_gates() {
    let ws = workspace_with_case();
    let problems = ws.profile("k7f3q9", today()).unwrap_err();
    assert!(problems.missing.iter().any(|m| m.message.contains("poort")));
}

#[test]
fn full_walk_from_dossier_to_handover() {
    let mut ws = workspace_with_case();
    record_gates_to_step_4(&mut ws);
    let profile = ws.profile("k7f3q9", today()).expect("complete profile");
    assert_eq!(profile.search_area, vec!["Venlo", "Venray"]);
    let association = eligible_association(&ws);
    let key = CodeKey::from_bytes([7; 32]);
    let written = ws
        .write_bundle(
            &key,
            &association,
            &["k7f3q9".into()],
            [1; 16],
            today(),
            "2026-11-28T10:00:00",
        )
        .expect("clean bundle");

    // The file holds nothing identifying.
    let text = String::from_utf8(written.bytes.clone()).unwrap();
    for needle in [
        "Noël",
        "Noel",
        "Berg",
        "999994669",
        "5911",
        "Kerkstraat",
        "0612345678",
        "12345678",
        "example.nl",
        "2001-03-12",
        "Schizofrenie",
        "depot",
    ] {
        assert!(!text.contains(needle), "bundle leaks {needle}");
    }
    assert!(!written.file_name.contains("Berg"));

    // The association's side verifies it; the coordinator resolves the code.
    let verified = woonkans_core::bundle::verify_bundle(&written.bytes).unwrap();
    assert_eq!(verified.profiles.len(), 1);
    let issued = written.codes[0];
    assert_eq!(
        ws.resolve_code(Some(&key), &association, issued),
        Some("k7f3q9")
    );
    assert_eq!(
        ws.resolve_code(None, &association, issued),
        Some("k7f3q9"),
        "kept codes resolve without the key"
    );
    assert_eq!(issued, code::derive(&key, &association, "999994669"));

    // The log holds codes, never the name or BSN.
    let log = serde_json::to_string(ws.log()).unwrap();
    assert!(log.contains(&issued.to_string()));
    assert!(!log.contains("Berg") && !log.contains("999994669"));
    assert_eq!(ws.case("k7f3q9").unwrap().log.len(), 1);

    // Step 6.
    woonkans_core::routeplanner::accept_match(
        &mut ws,
        "k7f3q9",
        &association,
        None,
        today(),
        "Inwoner en corporatie",
    )
    .unwrap();
    let refused = ws.handover(
        "k7f3q9",
        woonkans_core::handover::HandoverConfirmation {
            grondslag_confirmed: false,
            confirmed_by: "Ketenregisseur".into(),
            date: today(),
        },
        "h1",
        "2026-11-28T11:00:00",
    );
    assert_eq!(refused.unwrap_err().code, "CONFIRMATION_MISSING");
    // The documents for the lease: missing, the hand-over is refused; in, it goes.
    let confirmed = woonkans_core::handover::HandoverConfirmation {
        grondslag_confirmed: true,
        confirmed_by: "Ketenregisseur".into(),
        date: today(),
    };
    let refused = ws.handover("k7f3q9", confirmed, "h1", "2026-11-28T11:00:00");
    assert_eq!(refused.unwrap_err().code, "DOCUMENTS_INCOMPLETE");
    assert_eq!(ws.log().len(), 1);
    woonkans_core::fixtures::documents_in(&mut ws.case_mut("k7f3q9").unwrap().dossier);
    let handover = ws
        .handover(
            "k7f3q9",
            woonkans_core::handover::HandoverConfirmation {
                grondslag_confirmed: true,
                confirmed_by: "Ketenregisseur".into(),
                date: today(),
            },
            "h1",
            "2026-11-28T11:00:00",
        )
        .unwrap();
    assert!(
        handover.to_json().contains("999994669"),
        "step 6 carries the BSN"
    );
    assert_eq!(ws.log().len(), 2);
    assert!(
        !serde_json::to_string(ws.log())
            .unwrap()
            .contains("999994669")
    );
}

#[test]
fn a_note_with_a_bsn_and_phone_blocks_the_profile_until_redacted() {
    let mut ws = workspace_with_case();
    record_gates_to_step_4(&mut ws);
    let note = "Bel haar op 06 12 34 56 78, BSN 9999.94.669.";
    ws.case_mut("k7f3q9")
        .unwrap()
        .profile
        .assessments
        .get_mut(&ProfileCategory::FinancesDebts)
        .unwrap()
        .note = note.into();
    let problems = ws.profile("k7f3q9", today()).unwrap_err();
    assert!(problems.findings.len() >= 2, "{:?}", problems.findings);
    let findings: Vec<_> = problems.findings.iter().map(|f| f.finding).collect();
    let redacted = woonkans_core::scan::redact(note, &findings);
    ws.case_mut("k7f3q9")
        .unwrap()
        .profile
        .assessments
        .get_mut(&ProfileCategory::FinancesDebts)
        .unwrap()
        .note = redacted;
    ws.profile("k7f3q9", today())
        .expect("clean after redaction");
}

#[test]
fn workspace_round_trips_through_json_and_refuses_newer_versions() {
    let ws = workspace_with_case();
    let json = ws.to_json();
    assert_eq!(Workspace::from_json(&json).unwrap(), ws);
    let newer = json.replacen("\"version\":1", "\"version\":99", 1);
    assert_eq!(
        Workspace::from_json(&newer).unwrap_err().code,
        "WORKSPACE_VERSION"
    );
    assert_eq!(
        Workspace::from_json("{}").unwrap_err().code,
        "WORKSPACE_INVALID"
    );
    assert_eq!(
        Workspace::from_json("\u{1}").unwrap_err().code,
        "WORKSPACE_INVALID"
    );
}

#[test]
fn the_young_peoples_rent_limit_follows_the_exact_age_not_the_band() {
    let mut ws = workspace_with_case();
    record_gates_to_step_4(&mut ws);
    let limits = ws.settings().rent_limits.clone();
    // 19 on the reference date: the young people's limit (18-20 from 2026).
    ws.case_mut("k7f3q9").unwrap().dossier.birth_date = Some(d(2007, 1, 1));
    let facts = ws.facts("k7f3q9", today()).unwrap();
    assert!(facts.young_rent_limit);
    let p = ws.profile("k7f3q9", today()).unwrap();
    assert_eq!(p.max_rent_cents, limits.kwaliteitskortingsgrens_cents);
    // 21, same 18-22 band: no longer under the young people's limit.
    ws.case_mut("k7f3q9").unwrap().dossier.birth_date = Some(d(2005, 1, 1));
    let facts = ws.facts("k7f3q9", today()).unwrap();
    assert_eq!(facts.age_band, woonkans_core::profile::AgeBand::From18To22);
    assert!(!facts.young_rent_limit);
    let p = ws.profile("k7f3q9", today()).unwrap();
    assert_eq!(p.max_rent_cents, limits.aftoppingsgrens_laag_cents);
}

#[test]
fn deleting_a_case_erases_it_and_keeps_the_disclosure_log() {
    let mut ws = workspace_with_case();
    ws.add_case("ander01").unwrap();
    record_gates_to_step_4(&mut ws);
    let association = eligible_association(&ws);
    let key = CodeKey::from_bytes([7; 32]);
    let written = ws
        .write_bundle(
            &key,
            &association,
            &["k7f3q9".into()],
            [2; 16],
            today(),
            "2026-11-28T10:00:00",
        )
        .expect("clean bundle");
    let issued = written.codes[0].to_string();

    ws.delete_case("k7f3q9").unwrap();
    assert!(ws.case("k7f3q9").is_err());
    assert!(ws.case("ander01").is_ok(), "the other case stays");
    // Nothing of the resident is left in the cases or the log (the offer names "Bergen (L.)").
    let stored = serde_json::to_string(&(ws.cases(), ws.log())).unwrap();
    for needle in ["k7f3q9", "Noël", "Berg", "999994669", "Kerkstraat", "5911"] {
        assert!(!stored.contains(needle), "{needle} survived the deletion");
    }
    // The account of the disclosure stays, by code.
    assert_eq!(ws.log().len(), 1);
    assert_eq!(ws.log()[0].codes, vec![issued.clone()]);
    // The kept code no longer resolves to anyone.
    let code = code::parse(&issued).unwrap();
    assert_eq!(ws.resolve_code(Some(&key), &association, code), None);

    let e = ws.delete_case("k7f3q9").unwrap_err();
    assert_eq!(e.code, "CASE_NOT_FOUND");
}
