//! The core functions a caller outside the app uses (the JS facade in `crates/wasm`): each one
//! holds the rule the app uses, so the two cannot drift apart. Checked for several residents
//! against the workspace (the app's path) and against values worked out by hand.

use woonkans_core::code::{self, CodeKey};
use woonkans_core::date::Date;
use woonkans_core::dossier::{Dossier, Income, IncomeSource};
use woonkans_core::known::Known;
use woonkans_core::minimise::{self, View};
use woonkans_core::offer::MergeMode;
use woonkans_core::profile::{
    AgeBand, Assessment, ContractForm, DerivedFacts, Gender, History, HousingForm, IncomeBand,
    LivingSituation, Mobility, Party, ProfileCategory, ProfileDraft, RelapseAgreement, RelapsePlan,
    SCORED, SafetyPlan,
};
use woonkans_core::region::Region;
use woonkans_core::register::Gate;
use woonkans_core::rentlimits;
use woonkans_core::sample::sample_offer;
use woonkans_core::scan::{self, FindingKind};
use woonkans_core::workspace::{self, BuildError, ProfileOptions, Workspace};

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

fn today() -> Date {
    d(2026, 11, 28)
}

#[test]
fn a_region_parses_by_any_spelling_of_its_name_or_key() {
    for (text, region) in [
        ("Noord-Limburg", Region::NoordLimburg),
        ("noordLimburg", Region::NoordLimburg),
        ("noord limburg", Region::NoordLimburg),
        ("NOORD-LIMBURG", Region::NoordLimburg),
        ("noord", Region::NoordLimburg),
        ("Midden-Limburg", Region::MiddenLimburg),
        ("middenLimburg", Region::MiddenLimburg),
        (" midden  limburg ", Region::MiddenLimburg),
        ("midden", Region::MiddenLimburg),
    ] {
        assert_eq!(Region::parse(text).unwrap(), region, "{text}");
    }
    for text in ["", "Limburg", "Zuid-Limburg", "noordmidden", "Venlo"] {
        let e = Region::parse(text).unwrap_err();
        assert_eq!(
            (e.code, e.field.as_deref()),
            ("REGION_INVALID", Some("regio")),
            "{text}"
        );
    }
    for r in Region::ALL {
        assert_eq!(Region::parse(r.key()).unwrap(), r);
        assert_eq!(Region::parse(r.name()).unwrap(), r);
    }
}

/// One resident: the dossier, the draft, and the facts worked out by hand for `today()`.
struct Resident {
    dossier: Dossier,
    draft: ProfileDraft,
    facts: DerivedFacts,
}

#[allow(clippy::too_many_arguments)] // one resident's facts, listed where they are compared
fn resident(
    id: &str,
    first: &str,
    surname: &str,
    birth: Date,
    gemeente: &str,
    income: u32,
    household: u8,
    note: &str,
    facts: DerivedFacts,
) -> Resident {
    let mut dossier = Dossier::new(id);
    dossier.name.first_names = first.into();
    dossier.name.surname = surname.into();
    dossier.address.street = "Kerkstraat".into();
    dossier.address.house_number = 12;
    dossier.address.postcode = "5911 AB".into();
    dossier.address.place = gemeente.into();
    dossier.gemeente = gemeente.into();
    dossier.birth_date = Some(birth);
    dossier.gender = Some(facts.gender);
    dossier.household_size = household;
    dossier.living_situation = Some(facts.living_situation);
    dossier.income = Some(Income {
        yearly_amount_euros: income,
        source: IncomeSource::Benefits,
    });
    for (gate, date) in [
        (Gate::ConsentToRegister, d(2026, 9, 1)),
        (Gate::EligibilityAndSupportPlan, d(2026, 10, 1)),
        (Gate::ConsentToShareWithCoordinator, d(2026, 10, 1)),
    ] {
        dossier.record_gate(gate, date, "Wmo-consulent").unwrap();
    }
    let mut draft = ProfileDraft::default();
    for c in SCORED {
        draft.assessments.insert(
            c,
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
        .note = note.into();
    draft.mobility = Some(Mobility::None);
    draft.search_area = vec![gemeente.into()];
    draft.housing_form = Some(HousingForm::NoPreference);
    draft.rent_arrears = Some(History::None);
    draft.nuisance = Some(History::None);
    draft.budget_management = Some(false);
    draft.contract_form = Some(ContractForm::RegularLease);
    draft.support_hours_per_week = Some(4.0);
    draft.reachable_24_7 = Some(true);
    draft.relapse_plan = RelapsePlan {
        signals: "Post blijft liggen.".into(),
        agreements: vec![
            RelapseAgreement {
                party: Party::CareProvider,
                action: "Huisbezoek binnen twee dagen.".into(),
            },
            RelapseAgreement {
                party: Party::HousingAssociation,
                action: "Meldt een achterstand na een maand.".into(),
            },
        ],
    };
    draft.safety_plan = Some(SafetyPlan::NotNeeded);
    Resident {
        dossier,
        draft,
        facts,
    }
}

/// Three residents: a young woman whose note names her, a man of 40 with a clean note, a
/// resident of 19 (the young people's rent limit) whose note holds a phone number.
fn residents() -> Vec<Resident> {
    vec![
        resident(
            "a1",
            "Noëlle",
            "Jansen",
            d(2001, 3, 12),
            "Venlo",
            18_000,
            1,
            "Noëlle heeft contact met familie.",
            DerivedFacts {
                gender: Gender::Female,
                living_situation: LivingSituation::ShelteredHousing,
                age_band: AgeBand::From23To27,
                income_band: IncomeBand::AtOrBelowLimit,
                household_size: 1,
                young_rent_limit: false,
                budget_management: Some(false),
            },
        ),
        resident(
            "b2",
            "Pieter",
            "Smeets",
            d(1986, 6, 30),
            "Venray",
            90_000,
            2,
            "Wil dicht bij het centrum wonen.",
            DerivedFacts {
                gender: Gender::Male,
                living_situation: LivingSituation::SocialShelter,
                age_band: AgeBand::From28To54,
                income_band: IncomeBand::AboveLimit,
                household_size: 2,
                young_rent_limit: false,
                budget_management: Some(false),
            },
        ),
        resident(
            "c3",
            "Sam",
            "Hendriks",
            d(2007, 1, 5),
            "Gennep",
            12_000,
            1,
            "Bereikbaar op 06-12345678.",
            DerivedFacts {
                gender: Gender::Other,
                living_situation: LivingSituation::ShelteredHousing,
                age_band: AgeBand::From18To22,
                income_band: IncomeBand::AtOrBelowLimit,
                household_size: 1,
                young_rent_limit: true,
                budget_management: Some(false),
            },
        ),
    ]
}

fn workspace(residents: &[Resident]) -> Workspace {
    let mut ws = Workspace::new(sample_offer());
    ws.set_region(Some(Region::NoordLimburg));
    for r in residents {
        let case = ws.add_case(&r.dossier.id).unwrap();
        case.dossier = r.dossier.clone();
        case.profile = r.draft.clone();
    }
    ws
}

#[test]
fn derived_facts_are_the_hand_worked_ones_and_the_workspaces() {
    let rs = residents();
    let ws = workspace(&rs);
    let limits = rentlimits::current();
    for r in &rs {
        let facts =
            minimise::derived_facts(&r.dossier, today(), Region::NoordLimburg, &limits).unwrap();
        assert_eq!(facts, r.facts, "{}", r.dossier.id);
        assert_eq!(ws.facts(&r.dossier.id, today()).unwrap(), facts);
    }
    // The living situation and the income are needed; each is refused at its field.
    let mut no_income = rs[0].dossier.clone();
    no_income.income = None;
    let e =
        minimise::derived_facts(&no_income, today(), Region::NoordLimburg, &limits).unwrap_err();
    assert_eq!(
        (e.code, e.field.as_deref()),
        ("DOSSIER_INCOMPLETE", Some("inkomen"))
    );
    let mut no_situation = rs[1].dossier.clone();
    no_situation.living_situation = None;
    let e =
        minimise::derived_facts(&no_situation, today(), Region::NoordLimburg, &limits).unwrap_err();
    assert_eq!(
        (e.code, e.field.as_deref()),
        ("DOSSIER_INCOMPLETE", Some("woonsituatie"))
    );
}

#[test]
fn note_findings_are_the_workspaces_with_the_field_of_each_note() {
    let rs = residents();
    let ws = workspace(&rs);
    let expected: [&[(&str, FindingKind)]; 3] = [
        &[("notities.socialNetwork", FindingKind::Name)],
        &[],
        &[("notities.socialNetwork", FindingKind::Phone)],
    ];
    for (r, want) in rs.iter().zip(expected) {
        let found = workspace::note_findings(&r.draft, &r.dossier.known());
        let got: Vec<(&str, FindingKind)> = found
            .iter()
            .map(|f| (f.field.as_str(), f.finding.kind))
            .collect();
        assert_eq!(got, want, "{}", r.dossier.id);
        assert_eq!(ws.note_findings(&r.dossier.id).unwrap(), found);
    }
    // Every free text is scanned, each under its own field path.
    let mut draft = rs[1].draft.clone();
    draft.excluded_neighbourhoods = vec!["Centrum".into(), "Bel 06-87654321".into()];
    draft.relapse_plan.signals = "Mail jan@example.nl".into();
    draft.relapse_plan.agreements[1].action = "IBAN NL91ABNA0417164300".into();
    let fields: Vec<String> = workspace::note_findings(&draft, &Known::default())
        .into_iter()
        .map(|f| f.field)
        .collect();
    assert_eq!(
        fields,
        [
            "uitgeslotenBuurten[1]",
            "terugvalplan.signalen",
            "terugvalplan.afspraken[1]"
        ]
    );
}

#[test]
fn a_profile_outside_the_workspace_follows_the_workspaces_rule() {
    let rs = residents();
    let ws = workspace(&rs);
    for r in &rs {
        let options = ProfileOptions {
            known: Some(r.dossier.known()),
            ..ProfileOptions::default()
        };
        let problems = workspace::profile_problems(&r.draft, &r.facts, &options).unwrap();
        let built = workspace::build_profile(&r.draft, &r.facts, &options);
        match (ws.profile(&r.dossier.id, today()), built) {
            (Ok(a), Ok(b)) => {
                assert!(problems.missing.is_empty() && problems.findings.is_empty());
                assert_eq!(a, b);
                assert_eq!(b.household_size, r.facts.household_size);
            }
            (Err(a), Err(BuildError::Incomplete(b))) => {
                assert_eq!(a, b);
                assert_eq!(problems.findings, b.findings);
            }
            (a, b) => panic!(
                "{}: workspace {:?}, outside {:?}",
                r.dossier.id,
                a.is_ok(),
                b
            ),
        }
    }
    // Only the resident without a finding is ready.
    let ready: Vec<bool> = rs
        .iter()
        .map(|r| {
            let options = ProfileOptions {
                known: Some(r.dossier.known()),
                ..ProfileOptions::default()
            };
            workspace::build_profile(&r.draft, &r.facts, &options).is_ok()
        })
        .collect();
    assert_eq!(ready, [false, true, false]);
    // Without the resident's own values the name is not found, the phone number still is.
    let ready: Vec<bool> = rs
        .iter()
        .map(|r| workspace::build_profile(&r.draft, &r.facts, &ProfileOptions::default()).is_ok())
        .collect();
    assert_eq!(ready, [true, true, false]);
    // Facts out of range are refused after the draft is complete.
    let mut zero = rs[1].facts;
    zero.household_size = 0;
    match workspace::build_profile(&rs[1].draft, &zero, &ProfileOptions::default()) {
        Err(BuildError::Invalid(e)) => assert_eq!(e.code, "PROFILE_INVALID"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn profile_options_refuse_an_unknown_key_and_a_bad_table() {
    let ok: ProfileOptions = serde_json::from_str(r#"{"known":{"nameParts":["Sam"]}}"#).unwrap();
    let draft = residents().remove(0).draft;
    let facts = residents().remove(0).facts;
    assert!(workspace::profile_problems(&draft, &facts, &ok).is_ok());
    let misspelt: ProfileOptions = serde_json::from_str(r#"{"rentLimit":null}"#).unwrap();
    let e = workspace::profile_problems(&draft, &facts, &misspelt).unwrap_err();
    assert_eq!(
        (e.code, e.field.as_deref()),
        ("INPUT_INVALID", Some("opties"))
    );
    let mut table = rentlimits::current();
    table.year = 1999;
    let bad = ProfileOptions {
        rent_limits: Some(table),
        ..ProfileOptions::default()
    };
    assert!(workspace::profile_problems(&draft, &facts, &bad).is_err());
    assert!(rentlimits::or_current(Some(rentlimits::current())).is_ok());
    assert_eq!(rentlimits::or_current(None).unwrap(), rentlimits::current());
}

#[test]
fn a_step_is_a_number_from_one_to_five_and_step_five_needs_code_and_profile() {
    let rs = residents();
    let limits = rentlimits::current();
    let view = |n: i64, r: &Resident, code: Option<&str>| {
        minimise::view_of_step(
            n,
            &r.dossier,
            today(),
            Region::NoordLimburg,
            &limits,
            code,
            None,
        )
    };
    for n in [-1, 0, 7, 256, 300, i64::MAX] {
        let e = view(n, &rs[0], None).unwrap_err();
        assert_eq!(
            (e.code, e.field.as_deref()),
            ("STEP_INVALID", Some("step")),
            "{n}"
        );
    }
    for r in &rs {
        assert!(matches!(view(1, r, None).unwrap(), View::Step1(_)));
        assert!(matches!(
            view(3, r, Some("not parsed")).unwrap(),
            View::Step3(_)
        ));
        match view(4, r, None).unwrap() {
            View::Step4(v) => assert_eq!(v.household_size, r.facts.household_size),
            _ => panic!("step 4"),
        }
        // Gates first: step 6 waits for the accepted match.
        assert_eq!(view(6, r, None).unwrap_err().code, "GATE_MISSING");
    }
    // Step 5: the code is parsed (at `code`), and the profile is needed.
    let r = residents().remove(1);
    let e = view(5, &r, Some("WK-nonsense")).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("code"));
}

#[test]
fn described_findings_count_utf16_units() {
    let text = "😀 Noël belt 06-12345678";
    let known = Known {
        name_parts: vec!["Noël".into()],
        ..Known::default()
    };
    let found = scan::scan_described(text, &known);
    assert_eq!(found.len(), 2);
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let slice = |a: usize, b: usize| String::from_utf16(&utf16[a..b]).unwrap();
    assert_eq!(slice(found[0].start_utf16, found[0].end_utf16), "Noël");
    assert_eq!((found[0].start, found[0].start_utf16), (5, 3));
    assert_eq!(found[0].end - found[0].start, "Noël".len());
    assert_eq!(
        slice(found[1].start_utf16, found[1].end_utf16),
        "06-12345678"
    );
    assert_eq!(found[1].kind, FindingKind::Phone);
    assert_eq!(found[1].placeholder, FindingKind::Phone.placeholder());
    // Plain ASCII: both offsets agree.
    for f in scan::scan_described("Bel 06-12345678 of mail a@b.nl", &Known::default()) {
        assert_eq!((f.start, f.end), (f.start_utf16, f.end_utf16));
    }
}

#[test]
fn merge_modes_and_checked_codes() {
    assert_eq!(
        MergeMode::parse("addAndUpdate").unwrap(),
        MergeMode::AddAndUpdate
    );
    assert_eq!(MergeMode::parse("replace").unwrap(), MergeMode::Replace);
    for bad in ["", "Replace", "add", "vervangen"] {
        let e = MergeMode::parse(bad).unwrap_err();
        assert_eq!(
            (e.code, e.field.as_deref()),
            ("INPUT_INVALID", Some("mode"))
        );
    }
    let key = CodeKey::from_bytes([7; 32]);
    for (recipient, stable) in [("wc-venlo", "999994669"), ("wc-venray", "k7f3q9")] {
        assert_eq!(
            code::derive_checked(&key, recipient, stable).unwrap(),
            code::derive(&key, recipient, stable)
        );
    }
    for (recipient, stable, field) in [
        ("", "999994669", "recipientId"),
        ("wc-venlo", " ", "stableId"),
    ] {
        let e = code::derive_checked(&key, recipient, stable).unwrap_err();
        assert_eq!((e.code, e.field.as_deref()), ("CODE_INPUT", Some(field)));
    }
    assert_eq!(code::key_export(&key).text, code::export_key(&key));
}

#[test]
fn key_files_round_trip_and_offer_csv_comes_in_two_files() {
    for seed in [0u8, 7, 255] {
        let text = code::new_key_file([seed; 32]);
        assert_eq!(text, code::export_key(&CodeKey::from_bytes([seed; 32])));
        assert_eq!(code::normalise_key_file(&text).unwrap(), text);
    }
    assert!(code::normalise_key_file("geen sleutel").is_err());
    let offer = sample_offer();
    let files = woonkans_core::import::export_csv(&offer);
    assert_eq!(
        files.associations,
        woonkans_core::import::export_associations_csv(&offer)
    );
    assert_eq!(
        files.dwellings,
        woonkans_core::import::export_dwellings_csv(&offer)
    );
}
