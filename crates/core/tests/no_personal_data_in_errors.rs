//! No error the core can give repeats what was typed: a dossier full of unique marker values
//! goes through every error path the public API offers (validators, dossier validation, gates,
//! views, the hand-over, workspace operations, the bundle writer and its leak guard, the offer
//! import, codes, dates, key files), and each error is formatted with `Display` and `Debug`
//! together with the `Debug` of the types that hold the data. No marker may appear anywhere.

use woonkans_core::bundle::{BundleInput, BundleProfileInput, MatchSummary, write_bundle};
use woonkans_core::code::{self, Code, CodeKey};
use woonkans_core::date::Date;
use woonkans_core::dossier::{
    Address, Contact, DocumentStatus, Dossier, Income, IncomeSource, PersonName,
};
use woonkans_core::error::Error;
use woonkans_core::handover::{HandoverConfirmation, handover};
use woonkans_core::import::{import_csv, import_file, import_json};
use woonkans_core::leakguard;
use woonkans_core::minimise::{self, Coded, ViewContext};
use woonkans_core::profile::{
    AgeBand, Assessment, ContractForm, Gender, History, HousingForm, IncomeBand, LivingSituation,
    Mobility, Party, PlacementProfile, ProfileCategory, RelapseAgreement, RelapsePlan, SCORED,
    SafetyPlan, SelfReliance,
};
use woonkans_core::region::Region;
use woonkans_core::register::{Gate, Step};
use woonkans_core::rentlimits;
use woonkans_core::sample::sample_offer;
use woonkans_core::targetgroup::TargetGroupAnswers;
use woonkans_core::validate;
use woonkans_core::workspace::Workspace;

// Every marker occurs nowhere in the app's own texts.
const FIRST: &str = "Quirijnmrk";
const SURNAME: &str = "Zwaluwmrk";
const STREET: &str = "Mrkstraatweg";
const PLACE: &str = "Mrkwoonplaats";
const EMAIL: &str = "mrk.inwoner@voorbeeld.nl";
const BSN: &str = "999994669";
const IBAN: &str = "NL91ABNA0417164300";
const PHONE: &str = "0687654321";
const POSTCODE: &str = "5913 XY";
const BIRTH: &str = "1987-11-23";
const ACTOR: &str = "Mrkactorrol";
const ID: &str = "mrkdossier7q";
/// A marker with digits and hyphens, for fields that refuse it.
const ODD: &str = "MRK-surname-7Q";

/// Texts that must not appear, compared case-insensitively.
const MARKERS: [&str; 26] = [
    FIRST,
    SURNAME,
    STREET,
    PLACE,
    EMAIL,
    BSN,
    IBAN,
    PHONE,
    POSTCODE,
    "5913XY",
    BIRTH,
    "23-11-1987",
    "23 november 1987",
    ACTOR,
    ODD,
    "mrk-surname",
    "Mrkopleiding",
    "Mrkwerkplek",
    "Mrknetwerk",
    "Mrkfinancien",
    "Mrkgezondheid",
    "Mrkzorgorg",
    "Mrkzorgpersoon",
    "Mrkwmoorg",
    "Mrkwmopersoon",
    "Mrknotitie",
];

/// Digit runs of the numbers above (and of their invalid variants), in any grouping.
const DIGIT_RUNS: [&str; 6] = [
    "99999466", "68765432", "04171643", "19871123", "23111987", "41716430",
];

struct Checker {
    checked: usize,
}

impl Checker {
    fn text(&mut self, what: &str, text: &str) {
        self.checked += 1;
        let lower = text.to_lowercase();
        for m in MARKERS {
            assert!(
                !lower.contains(&m.to_lowercase()),
                "{what} shows the marker {m}: {text}"
            );
        }
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        for run in DIGIT_RUNS {
            assert!(
                !digits.contains(run),
                "{what} shows the digits {run}: {text}"
            );
        }
    }

    fn error(&mut self, what: &str, e: &Error) {
        self.text(what, &format!("{e}"));
        self.text(what, &format!("{e:?}"));
        self.text(what, &format!("{e:#?}"));
        self.text(what, &serde_json::to_string(e).unwrap());
    }

    fn errors(&mut self, what: &str, errors: &[Error]) {
        assert!(!errors.is_empty(), "{what}: no error to check");
        for e in errors {
            self.error(what, e);
        }
    }

    fn debug(&mut self, what: &str, value: &impl std::fmt::Debug) {
        self.text(what, &format!("{value:?}"));
        self.text(what, &format!("{value:#?}"));
    }
}

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn today() -> Date {
    d("2026-11-28")
}

fn marker_dossier() -> Dossier {
    let mut x = Dossier::new(ID);
    x.name = PersonName {
        first_names: FIRST.into(),
        tussenvoegsel: "van".into(),
        surname: SURNAME.into(),
        call_name: String::new(),
    };
    x.address = Address {
        kind: Default::default(),
        street: STREET.into(),
        house_number: 8123,
        house_number_addition: "b".into(),
        postcode: POSTCODE.into(),
        place: PLACE.into(),
    };
    x.gemeente = "Venlo".into();
    x.phones = vec![PHONE.into()];
    x.email = Some(EMAIL.into());
    x.birth_date = Some(d(BIRTH));
    x.bsn = Some(BSN.into());
    x.gender = Some(Gender::Female);
    x.education = "Mrkopleiding".into();
    x.work = "Mrkwerkplek".into();
    x.income = Some(Income {
        yearly_amount_euros: 19_000,
        source: IncomeSource::Benefits,
    });
    x.household_size = 1;
    x.social_network = "Mrknetwerk".into();
    x.living_situation = Some(LivingSituation::ShelteredHousing);
    x.finances = "Mrkfinancien".into();
    x.health = "Mrkgezondheid".into();
    x.iban = Some(IBAN.into());
    x.care_provider = Some(Contact {
        organisation: "Mrkzorgorg".into(),
        person: "Mrkzorgpersoon".into(),
    });
    x.wmo_consultant = Some(Contact {
        organisation: "Mrkwmoorg".into(),
        person: "Mrkwmopersoon".into(),
    });
    x.target_group = TargetGroupAnswers {
        status_holder: Some(false),
        labour_migrant: Some(false),
        regular_route_impossible: Some(true),
        support_need_independent_living: Some(true),
    };
    x
}

fn record_gates(x: &mut Dossier, gates: &[Gate]) {
    for g in gates {
        x.record_gate(*g, d("2026-10-01"), ACTOR).unwrap();
    }
}

/// A profile whose notes hold the resident's own values, as if typed there by mistake.
fn leaky_profile() -> PlacementProfile {
    let mut notes = std::collections::BTreeMap::new();
    notes.insert(
        ProfileCategory::SocialNetwork,
        format!("Mrknotitie: broer van {FIRST} {SURNAME}, belt {PHONE}."),
    );
    notes.insert(
        ProfileCategory::FinancesDebts,
        format!("BSN {BSN}, rekening {IBAN}, mail {EMAIL}."),
    );
    notes.insert(
        ProfileCategory::HouseholdCare,
        format!("Woont {STREET} 8123b, {POSTCODE}, geboren {BIRTH}."),
    );
    PlacementProfile {
        gender: Gender::Female,
        living_situation: LivingSituation::ShelteredHousing,
        mobility: Mobility::None,
        self_reliance: SelfReliance {
            household_care: 3,
            work_day_activities: 3,
            social_network: 3,
            social_self_reliance: 3,
            finances_debts: 3,
        },
        notes,
        search_area: vec!["Venlo".into()],
        excluded_neighbourhoods: vec![format!("Buurt bij {SURNAME}")],
        housing_form: HousingForm::Independent,
        rent_arrears: History::None,
        nuisance: History::None,
        budget_management: false,
        contract_form: ContractForm::RegularLease,
        support_hours_per_week: 2.0,
        reachable_24_7: false,
        relapse_plan: Some(RelapsePlan {
            signals: format!("{SURNAME} mist afspraken."),
            agreements: vec![RelapseAgreement {
                party: Party::CareProvider,
                action: format!("Bel {PHONE}."),
            }],
        }),
        safety_plan: SafetyPlan::NotNeeded,
        household_size: 1,
        age_band: AgeBand::From28To54,
        income_band: IncomeBand::AtOrBelowLimit,
        max_rent_cents: 68_296,
    }
}

#[test]
fn the_markers_are_really_in_the_inputs() {
    // Guards the test: the serialised dossier and profile hold the markers, so their absence
    // from errors and Debug output means something.
    let json = serde_json::to_string(&(marker_dossier(), leaky_profile())).unwrap();
    for m in [
        FIRST, SURNAME, STREET, PLACE, EMAIL, BSN, IBAN, PHONE, POSTCODE,
    ] {
        assert!(json.contains(m), "{m}");
    }
}

#[test]
fn validators_do_not_repeat_the_input() {
    let mut c = Checker { checked: 0 };
    for s in ["999994668", "9999 94 668", ODD, "999994669999", "99999466a"] {
        c.error("validate::bsn", &validate::bsn(s).unwrap_err());
    }
    for s in ["5913 XYZ", "0913 XY", "5913 SS", ODD, "5913-XY"] {
        c.error("validate::postcode", &validate::postcode(s).unwrap_err());
    }
    for s in [
        "0687654321x",
        "+44 687654321",
        "0044687654321",
        "06876543210000",
        ODD,
    ] {
        c.error("validate::phone", &validate::phone(s).unwrap_err());
    }
    for s in [
        "mrk.inwoner@@voorbeeld.nl",
        "mrk-surname",
        ODD,
        "a@mrk-surname",
    ] {
        c.error("validate::email", &validate::email(s).unwrap_err());
    }
    for s in [
        "NL91ABNA0417164301",
        "NL91 ABNA 0417 1643 00 99",
        ODD,
        "NL91ABNA04171643",
    ] {
        c.error("validate::iban", &validate::iban(s).unwrap_err());
    }
    for s in [
        "1987-11-32",
        "23-13-1987",
        "31-02-1987",
        ODD,
        "23 november 1987",
    ] {
        c.error("validate::date", &validate::date(s).unwrap_err());
        c.error("Date::parse", &Date::parse(s).unwrap_err());
    }
    c.error("Date::new", &Date::new(1987, 2, 31).unwrap_err());
    for s in [ODD, "WK-99999-46690-Q", SURNAME, "999994669"] {
        c.error("code::parse", &code::parse(s).unwrap_err());
        c.error("Code::from_str", &s.parse::<Code>().unwrap_err());
    }
    for s in [
        ODD.to_string(),
        format!("{{\"format\":\"{SURNAME}\"}}"),
        format!(
            "{{\"format\":\"woonkans-sleutel\",\"version\":1,\"key\":\"{BSN}\",\"checksum\":\"{PHONE}\"}}"
        ),
        format!(
            "{{\"format\":\"woonkans-sleutel\",\"version\":1,\"key\":\"{}\",\"checksum\":\"{PHONE}\"}}",
            "ab".repeat(32)
        ),
    ] {
        c.error("code::import_key", &code::import_key(&s).unwrap_err());
    }
    for s in [
        ODD.to_string(),
        format!("{{\"format\":\"woonkans-werkruimte\",\"version\":1,\"cases\":\"{SURNAME}\"}}"),
        format!("{{\"format\":\"{SURNAME}\",\"version\":1}}"),
    ] {
        c.error(
            "Workspace::from_json",
            &Workspace::from_json(&s).unwrap_err(),
        );
    }
    assert!(c.checked >= 150, "{}", c.checked);
}

#[test]
fn dossier_validation_names_fields_not_values() {
    let mut c = Checker { checked: 0 };
    let good = marker_dossier();
    assert!(good.validate().is_empty(), "{:?}", good.validate());
    c.debug("Dossier", &good);
    c.debug("Known", &good.known());
    c.debug("PersonName", &good.name);
    c.debug("Address", &good.address);
    c.debug("Contact", &good.care_provider);

    let mut bad = marker_dossier();
    bad.name.first_names = format!("{FIRST}7");
    bad.name.surname = ODD.into();
    bad.name.tussenvoegsel = format!("{SURNAME}{SURNAME}{SURNAME}");
    bad.address.street = STREET.repeat(20);
    bad.address.house_number = 123_456;
    bad.address.house_number_addition = format!("{ODD}!");
    bad.address.postcode = "5913 XYZ".into();
    bad.address.place = PLACE.repeat(20);
    bad.gemeente = PLACE.repeat(20);
    bad.phones = vec!["0687654321x".into(), "  ".into()];
    bad.email = Some("mrk.inwoner@@voorbeeld.nl".into());
    bad.bsn = Some("999994668".into());
    bad.iban = Some("NL91ABNA0417164301".into());
    bad.income = Some(Income {
        yearly_amount_euros: 99_999_466,
        source: IncomeSource::Work,
    });
    bad.household_size = 0;
    bad.health = "Mrkgezondheid ".repeat(400);
    bad.budget_management = true;
    bad.documents.bewindvoering_ruling.status = DocumentStatus::NotApplicable;
    bad.documents.brp_extract.status = DocumentStatus::Received;
    bad.care_provider = Some(Contact {
        organisation: " ".into(),
        person: "Mrkzorgpersoon".repeat(10),
    });
    c.debug("invalid Dossier", &bad);
    // Ids are random and shown by Debug on purpose (dossier_debug.rs); one made of personal
    // data is refused without repeating it.
    bad.id = format!("{ODD} {SURNAME}");
    for step in Step::ALL {
        let errors = bad.validate_for(step);
        assert!(errors.len() >= 15, "{step:?}: {}", errors.len());
        c.errors(&format!("validate_for({step:?})"), &errors);
    }
    c.errors("validate", &bad.validate());

    // Empty dossier for the last step: every "missing" message.
    let mut empty = Dossier::new(ID);
    empty.household_size = 1;
    c.errors("empty dossier", &empty.validate_for(Step::Agreement));
    assert!(c.checked >= 200, "{}", c.checked);
}

#[test]
fn gates_views_and_handover_refusals_name_no_value() {
    let mut c = Checker { checked: 0 };
    let mut x = marker_dossier();

    // Gates: an actor far too long, made of markers; out of order; before an earlier date.
    let long_actor = format!("{ACTOR} {SURNAME} {BSN} ").repeat(20);
    c.error(
        "record_gate actor",
        &x.record_gate(Gate::ConsentToRegister, d("2026-10-01"), &long_actor)
            .unwrap_err(),
    );
    c.error(
        "record_gate empty actor",
        &x.record_gate(Gate::ConsentToRegister, d("2026-10-01"), "  ")
            .unwrap_err(),
    );
    c.error(
        "record_gate order",
        &x.record_gate(Gate::MatchAccepted, d("2026-10-01"), ACTOR)
            .unwrap_err(),
    );
    record_gates(&mut x, &[Gate::ConsentToRegister]);
    c.error(
        "record_gate date",
        &x.record_gate(Gate::EligibilityAndSupportPlan, d("2026-01-01"), ACTOR)
            .unwrap_err(),
    );
    c.error("advance_to", &x.advance_to(Step::Agreement).unwrap_err());
    c.error("check_gates", &x.check_gates(Step::Agreement).unwrap_err());
    c.debug("gates", &x.gates);

    // Views before their gates, and views of an incomplete dossier.
    let limits = rentlimits::current();
    let profile = leaky_profile();
    let ctx = ViewContext {
        reference_date: today(),
        region: Region::MiddenLimburg,
        rent_limits: &limits,
        coded: Some(Coded {
            code: Code::from_value(7),
            profile: &profile,
        }),
    };
    let fresh = marker_dossier();
    for step in Step::ALL {
        if let Err(e) = minimise::view(step, &fresh, &ctx) {
            c.error(&format!("view({step:?}) before gates"), &e);
        }
    }
    c.error(
        "view(Agreement)",
        &minimise::view(Step::Agreement, &fresh, &ctx).unwrap_err(),
    );
    let mut all = marker_dossier();
    record_gates(&mut all, &Gate::ALL);
    // Step 4 in the wrong region names the regions only.
    c.error(
        "step4_view region",
        &minimise::step4_view(&all, today(), Region::MiddenLimburg, &limits).unwrap_err(),
    );
    let mut incomplete = all.clone();
    incomplete.gemeente = PLACE.into();
    incomplete.birth_date = None;
    c.error(
        "step4_view gemeente",
        &minimise::step4_view(&incomplete, today(), Region::NoordLimburg, &limits).unwrap_err(),
    );
    incomplete.gemeente = "Venlo".into();
    c.error(
        "age_band",
        &minimise::age_band(&incomplete, today()).unwrap_err(),
    );

    // The hand-over: each refusal.
    let good_profile = PlacementProfile {
        notes: Default::default(),
        excluded_neighbourhoods: Vec::new(),
        relapse_plan: None,
        ..leaky_profile()
    };
    let confirm = |ok: bool, by: &str, date: &str| HandoverConfirmation {
        grondslag_confirmed: ok,
        confirmed_by: by.into(),
        date: d(date),
    };
    let refusals = [
        handover(
            &fresh,
            &good_profile,
            "woonwaard",
            "Woonwaard",
            confirm(true, ACTOR, "2026-11-28"),
        ),
        handover(
            &all,
            &good_profile,
            "woonwaard",
            "Woonwaard",
            confirm(false, ACTOR, "2026-11-28"),
        ),
        handover(
            &all,
            &good_profile,
            "woonwaard",
            "Woonwaard",
            confirm(true, " ", "2026-11-28"),
        ),
        handover(
            &all,
            &good_profile,
            "woonwaard",
            "Woonwaard",
            confirm(true, ACTOR, "2026-01-01"),
        ),
        handover(
            &all,
            &good_profile,
            &format!("{SURNAME} {BSN}!"),
            "Woonwaard",
            confirm(true, ACTOR, "2026-11-28"),
        ),
        handover(
            &all,
            &good_profile,
            "woonwaard",
            " ",
            confirm(true, ACTOR, "2026-11-28"),
        ),
        handover(
            &all,
            &PlacementProfile {
                support_hours_per_week: -1.0,
                ..good_profile.clone()
            },
            "woonwaard",
            "Woonwaard",
            confirm(true, ACTOR, "2026-11-28"),
        ),
        {
            let mut broken = all.clone();
            broken.bsn = Some("999994668".into());
            broken.address.postcode = "5913 XYZ".into();
            broken.phones = vec!["0687654321x".into()];
            broken.email = Some("mrk.inwoner@@voorbeeld.nl".into());
            broken.name.surname = ODD.into();
            handover(
                &broken,
                &good_profile,
                "woonwaard",
                "Woonwaard",
                confirm(true, ACTOR, "2026-11-28"),
            )
        },
        {
            let mut archived = all.clone();
            archived.archived = true;
            handover(
                &archived,
                &good_profile,
                "woonwaard",
                "Woonwaard",
                confirm(true, ACTOR, "2026-11-28"),
            )
        },
        // Documents for the lease still missing, no reason chosen.
        handover(
            &all,
            &good_profile,
            "woonwaard",
            "Woonwaard",
            confirm(true, ACTOR, "2026-11-28"),
        ),
    ];
    for (i, r) in refusals.iter().enumerate() {
        c.error(&format!("handover refusal {i}"), r.as_ref().unwrap_err());
    }
    c.debug("HandoverConfirmation", &confirm(true, ACTOR, "2026-11-28"));
    let mut ready = all.clone();
    woonkans_core::fixtures::documents_in(&mut ready);
    let made = handover(
        &ready,
        &good_profile,
        "woonwaard",
        "Woonwaard",
        confirm(true, ACTOR, "2026-11-28"),
    )
    .unwrap();
    c.debug("Handover", &made);
    c.text("Handover::file_name", &made.file_name());
    assert!(c.checked >= 60, "{}", c.checked);
}

fn marker_workspace() -> Workspace {
    let mut ws = Workspace::new(sample_offer());
    ws.set_region(Some(Region::NoordLimburg));
    let case = ws.add_case(ID).unwrap();
    case.dossier = marker_dossier();
    let draft = &mut case.profile;
    for cat in SCORED {
        draft.assessments.insert(
            cat,
            Assessment {
                level: Some(3),
                note: String::new(),
            },
        );
    }
    draft
        .assessments
        .get_mut(&ProfileCategory::SocialNetwork)
        .unwrap()
        .note = format!("Mrknotitie: broer van {FIRST} {SURNAME}, belt {PHONE}, BSN {BSN}.");
    draft.excluded_neighbourhoods = vec![format!("{STREET} en omgeving")];
    draft.search_area = vec!["Venlo".into(), PLACE.into()];
    draft.relapse_plan.signals = format!("{SURNAME} mist afspraken.");
    ws
}

#[test]
fn workspace_operations_with_marker_ids_and_notes_name_no_value() {
    let mut c = Checker { checked: 0 };
    let mut ws = marker_workspace();
    c.debug("Workspace", &ws);
    c.debug("Case", ws.case(ID).unwrap());
    c.debug("ProfileDraft", &ws.case(ID).unwrap().profile);

    let unknown = [ODD, SURNAME, BSN, EMAIL];
    for id in unknown {
        c.error("case", &ws.case(id).unwrap_err());
        c.error("case_mut", &ws.case_mut(id).unwrap_err());
        c.error("facts", &ws.facts(id, today()).unwrap_err());
        c.error("scan_text", &ws.scan_text(id, SURNAME).unwrap_err());
        c.error("note_findings", &ws.note_findings(id).unwrap_err());
        let problems = ws.profile(id, today()).unwrap_err();
        c.debug("ProfileProblems", &problems);
        c.error("ProfileProblems::to_error", &problems.to_error());
        c.error("match_case", &ws.match_case(id, today()).unwrap_err());
        c.error(
            "accept_match",
            &woonkans_core::routeplanner::accept_match(
                &mut ws,
                id,
                "vb-woonwenz",
                None,
                today(),
                ACTOR,
            )
            .unwrap_err(),
        );
        c.error(
            "handover",
            &ws.handover(
                id,
                HandoverConfirmation {
                    grondslag_confirmed: true,
                    confirmed_by: ACTOR.into(),
                    date: today(),
                },
                "h1",
                "2026-11-28T10:00:00",
            )
            .unwrap_err(),
        );
    }
    c.error("add_case taken", &ws.add_case(ID).unwrap_err().clone());
    c.error("add_case empty", &ws.add_case("").unwrap_err().clone());

    // The case itself: gates missing, then notes that name the resident.
    let problems = ws.profile(ID, today()).unwrap_err();
    c.debug("ProfileProblems (gates)", &problems);
    record_gates(
        &mut ws.case_mut(ID).unwrap().dossier,
        &[
            Gate::ConsentToRegister,
            Gate::EligibilityAndSupportPlan,
            Gate::ConsentToShareWithCoordinator,
        ],
    );
    let problems = ws.profile(ID, today()).unwrap_err();
    assert!(!problems.findings.is_empty(), "{problems:?}");
    c.debug("ProfileProblems (notes)", &problems);
    c.error("ProfileProblems::to_error", &problems.to_error());
    c.debug(
        "scan findings",
        &ws.scan_text(ID, &format!("{SURNAME} {BSN}")).unwrap(),
    );
    c.error("match_case", &ws.match_case(ID, today()).unwrap_err());

    // Bundles: unknown association, no cases, unknown cases, a case not ready.
    let key = CodeKey::from_bytes([9; 32]);
    c.debug("CodeKey", &key);
    let write = |ws: &mut Workspace, assoc: &str, ids: &[String]| {
        ws.write_bundle(&key, assoc, ids, [3; 16], today(), "2026-11-28T10:00:00")
            .unwrap_err()
    };
    let assoc = ws.offer().associations[0].id.clone();
    for (what, assoc, ids) in [
        (
            "unknown association",
            SURNAME.to_string(),
            vec![ID.to_string()],
        ),
        ("no cases", assoc.clone(), vec![]),
        (
            "unknown case",
            assoc.clone(),
            vec![ODD.to_string(), BSN.to_string()],
        ),
        ("case not ready", assoc.clone(), vec![ID.to_string()]),
    ] {
        let e = write(&mut ws, &assoc, &ids);
        c.debug(what, &e);
        c.error(what, &e.to_error());
    }
    c.error("region missing", &{
        let mut no_region = ws.clone();
        no_region.set_region(None);
        write(&mut no_region, &assoc, &[ID.to_string()]).to_error()
    });
    c.error(
        "accept without bundle",
        &woonkans_core::routeplanner::accept_match(&mut ws, ID, &assoc, Some(ODD), today(), ACTOR)
            .unwrap_err(),
    );
    c.error(
        "accept unknown association",
        &woonkans_core::routeplanner::accept_match(&mut ws, ID, SURNAME, None, today(), ACTOR)
            .unwrap_err(),
    );
    assert!(
        ws.resolve_code(None, SURNAME, Code::from_value(1))
            .is_none()
    );
    assert!(c.checked >= 150, "{}", c.checked);
}

#[test]
fn bundle_writer_and_leak_guard_report_fields_not_values() {
    let mut c = Checker { checked: 0 };
    let known = marker_dossier().known();
    let input = BundleInput {
        caseload: Vec::new(),
        prints: Vec::new(),
        bundle_id: [5; 16],
        date: today(),
        region: Region::NoordLimburg,
        recipient_id: "woonwaard".into(),
        recipient_name: "Woonwaard".into(),
        profiles: vec![BundleProfileInput {
            code: Code::from_value(42),
            profile: leaky_profile(),
            matches: vec![MatchSummary {
                dwelling_id: format!("{STREET}-1"),
                score: 80,
            }],
            known: known.clone(),
            prints: None,
        }],
    };
    let err = write_bundle(&input).unwrap_err();
    let woonkans_core::bundle::WriteError::Leak(report) = &err else {
        panic!("expected a leak, got {:?}", err.to_error().code);
    };
    assert!(report.findings.len() >= 5, "{}", report.findings.len());
    c.debug("WriteError", &err);
    c.error("WriteError::to_error", &err.to_error());
    for f in &report.findings {
        c.text("LeakFinding.message", &f.message);
        c.text("LeakFinding.field", &f.field);
        c.debug("LeakFinding", f);
    }
    c.text("LeakReport JSON", &serde_json::to_string(report).unwrap());

    // Invalid input to the writer: the recipient and duplicate codes.
    for (what, change) in [
        ("recipient id", 0),
        ("recipient name", 1),
        ("duplicate code", 2),
        ("bad profile", 3),
        ("bad match", 4),
    ] {
        let mut bad = input.clone();
        match change {
            0 => bad.recipient_id = "!!!".into(),
            1 => bad.recipient_name = " ".into(),
            2 => bad.profiles.push(bad.profiles[0].clone()),
            3 => bad.profiles[0].profile.support_hours_per_week = f64::NAN,
            _ => bad.profiles[0].matches[0].score = 101,
        }
        let e = write_bundle(&bad).unwrap_err();
        c.debug(what, &e);
        c.error(what, &e.to_error());
    }

    // The guard on its own, over text whose keys and values are the resident's.
    let code = Code::from_value(42);
    for text in [
        format!(
            "{{\"profiles\":[{{\"code\":\"{code}\",\"profile\":{{\"notes\":{{\"{SURNAME}\":\"{BSN}\"}}}}}}]}}"
        ),
        format!("{{\"{SURNAME} {PHONE}\":{{\"{EMAIL}\":[\"{IBAN}\"]}}}}"),
        format!("{{\"recipient\":{{\"name\":\"{FIRST} {SURNAME}\"}}}}"),
        format!("[\"{ODD}\" {BSN}"),
    ] {
        let report = leakguard::guard(text.as_bytes(), &[(code, &known)], &[]).unwrap_err();
        assert!(!report.findings.is_empty());
        // A key that identifies someone is named by its position, so the finding still says
        // where to look.
        if text.contains(&format!("\"{SURNAME}")) {
            assert!(
                report
                    .findings
                    .iter()
                    .any(|f| f.field.contains("<veldnaam ")),
                "{report:?}"
            );
        }
        c.debug("guard report", &report);
        c.error("guard report", &report.to_error());
    }
    assert!(c.checked >= 40, "{}", c.checked);
}

#[test]
fn offer_import_reports_rows_and_columns_not_cells() {
    let mut c = Checker { checked: 0 };
    let csv = format!(
        "Woning-id;Corporatie;Gemeente;Wijk;Type;Kamers;Netto huur;Traploos;Rolstoel;Label;Min huishouden;Max huishouden;Beschikbaar per\r\n\
         R-1;{SURNAME};{PLACE};{STREET}|;{FIRST};{BSN};{PHONE};{EMAIL};{IBAN};{ODD};{BSN};{PHONE};{BIRTH}x\r\n\
         R-1;vb-woonwenz;Venlo;Centrum;Appartement;2;612,50;ja;nee;geen;1;2;32-11-1987\r\n\
         ;vb-woonwenz;Venlo;Centrum;{SURNAME};x{BSN};{IBAN};ja;nee;geen;1;2;{BIRTH}\r\n"
    );
    for bytes in [csv.as_bytes().to_vec(), csv.replace(';', ",").into_bytes()] {
        match import_csv(&bytes) {
            Ok(report) => {
                assert!(report.errors.len() >= 5, "{:?}", report.errors.len());
                for e in &report.errors {
                    c.text("RowError.message", &e.message);
                    c.debug("RowError", e);
                }
                c.debug("ImportReport.errors", &report.errors);
            }
            Err(e) => c.error("import_csv", &e),
        }
    }
    let associations = format!(
        "Id;Naam;Werkgebied;Contractvormen;Max huurachterstand\r\n\
         {SURNAME};{FIRST};{PLACE};{STREET};{BSN}\r\n"
    );
    match import_csv(associations.as_bytes()) {
        Ok(report) => {
            assert!(!report.errors.is_empty());
            for e in &report.errors {
                c.text("RowError.message", &e.message);
                c.debug("RowError", e);
            }
        }
        Err(e) => c.error("import_csv associations", &e),
    }
    for text in [
        format!(
            "{{\"format\":\"woonkans-aanbod\",\"version\":1,\"associations\":[],\"dwellings\":[{{\"id\":\"{SURNAME}\",\"rooms\":\"{BSN}\"}}]}}"
        ),
        format!("{{\"format\":\"{SURNAME}\",\"version\":1}}"),
        format!("{{\"format\":\"woonkans-aanbod\",\"version\":\"{PHONE}\"}}"),
        format!(
            "{{\"format\":\"woonkans-aanbod\",\"version\":1,\"associations\":[{{\"id\":\" {SURNAME}\"}}]}}"
        ),
        format!("{{\"format\":\"woonkans-aanbod\" \"{EMAIL}\""),
        format!("{SURNAME};{BSN}\n{PHONE};{EMAIL}\n"),
    ] {
        if let Err(e) = import_json(&text) {
            c.error("import_json", &e);
        }
        match import_file(text.as_bytes()) {
            Err(e) => c.error("import_file", &e),
            Ok(report) => {
                for e in &report.errors {
                    c.text("RowError.message", &e.message);
                }
            }
        }
    }
    assert!(c.checked >= 30, "{}", c.checked);
}
