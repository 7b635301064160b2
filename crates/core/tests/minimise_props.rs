//! Property tests of the minimiser: for random dossiers whose every field holds a unique marker
//! value, the JSON of each step's view holds no value of a category outside that step's register
//! row, and the step-4/5 views hold none of the resident's identifying values in any notation.

use proptest::prelude::*;
use std::collections::BTreeSet;
use woonkans_core::code::Code;
use woonkans_core::date::Date;
use woonkans_core::dossier::{
    Address, Contact, DocumentStatus, Dossier, GateRecord, Income, IncomeSource, PersonName,
};
use woonkans_core::minimise::{Coded, View, ViewContext, view};
use woonkans_core::profile::{
    AgeBand, ContractForm, Gender, History, HousingForm, IncomeBand, LivingSituation, Mobility,
    PlacementProfile, ProfileCategory, SafetyPlan, SelfReliance,
};
use woonkans_core::region::{Region, all_gemeenten};
use woonkans_core::register::{Category, Gate, Step, required_gates, row};
use woonkans_core::rentlimits::{self, RentLimits};
use woonkans_core::targetgroup::TargetGroupAnswers;
use woonkans_core::text::squash;
use woonkans_core::vocab::Dutch;

const CASES: u32 = 1000;

/// A value to look for in a view's JSON.
#[derive(Clone, Debug)]
enum Needle {
    /// Case-insensitive substring.
    Text(String),
    /// A number, not as part of a longer digit run.
    Number(u32),
    /// Compared with letters and digits only, so any notation (spaces, hyphens, +31) is found.
    Squashed(String),
}

impl Needle {
    fn found_in(&self, json: &str) -> bool {
        match self {
            Needle::Text(t) => json.to_lowercase().contains(&t.to_lowercase()),
            Needle::Number(n) => {
                let s = n.to_string();
                let b = json.as_bytes();
                json.match_indices(&s).any(|(i, _)| {
                    let before = i == 0 || !b[i - 1].is_ascii_digit();
                    let after = i + s.len() >= b.len() || !b[i + s.len()].is_ascii_digit();
                    before && after
                })
            }
            // Per value: squashing the whole document would join neighbouring fields
            // ("ageBand":"18-22","youngAdult" holds "1822yo", which is no postcode).
            Needle::Squashed(t) => leaves(json).iter().any(|v| squash(v).contains(&squash(t))),
        }
    }
}

/// Every string, number and key of a JSON document, each on its own.
fn leaves(json: &str) -> Vec<String> {
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, x) in m {
                    out.push(k.clone());
                    walk(x, out);
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            serde_json::Value::String(s) => out.push(s.clone()),
            other => out.push(other.to_string()),
        }
    }
    let mut out = Vec::new();
    match serde_json::from_str::<serde_json::Value>(json) {
        Ok(v) => walk(&v, &mut out),
        // Not JSON: the whole text is one value.
        Err(_) => out.push(json.to_string()),
    }
    out
}

/// A dossier and, per category, the needles of its values.
#[derive(Clone, Debug)]
struct Fixture {
    dossier: Dossier,
    by_category: Vec<(Category, Vec<Needle>)>,
    /// Values that are in no view at all: the dossier id, the professionals' contacts, the
    /// actors of the gates.
    never: Vec<Needle>,
    profile: PlacementProfile,
    code: Code,
    region: Region,
}

/// A BSN passing the 11-test, from any 8-digit base.
fn bsn_from(mut base: u32) -> String {
    loop {
        let digits: Vec<u32> = format!("{:08}", base % 100_000_000)
            .bytes()
            .map(|b| u32::from(b - b'0'))
            .collect();
        let sum: u32 = digits
            .iter()
            .enumerate()
            .map(|(i, d)| (9 - i as u32) * d)
            .sum();
        let check = sum % 11;
        if check < 10 && digits.iter().any(|d| *d != 0) {
            return format!("{:08}{check}", base % 100_000_000);
        }
        base = base.wrapping_add(1);
    }
}

/// A Dutch IBAN with correct check digits for bank code `bank` (4 letters) and a 10-digit account.
fn iban_from(bank: &str, account: u64) -> String {
    let bban = format!("{bank}{:010}", account % 10_000_000_000);
    let mut rem: u64 = 0;
    for c in format!("{bban}NL00").chars() {
        let v = c.to_digit(36).unwrap_or(0) as u64;
        rem = if v >= 10 {
            (rem * 100 + v) % 97
        } else {
            (rem * 10 + v) % 97
        };
    }
    format!("NL{:02}{bban}", 98 - rem)
}

fn date_from(days: i64) -> Date {
    Date::from_days_since_epoch(days)
}

const DOC_STATUSES: [DocumentStatus; 3] = [
    DocumentStatus::Requested,
    DocumentStatus::Received,
    DocumentStatus::NotApplicable,
];

fn reference() -> Date {
    Date::new(2026, 6, 1).unwrap()
}

prop_compose! {
    fn profile_strategy()(
        gender in 0usize..4,
        situation in 0usize..3,
        levels in prop::collection::vec(1u8..=5, 5),
        note in "[a-z]{12}",
        household in 1u8..=12,
        age in 0usize..5,
        above in any::<bool>(),
        max_rent in 40_000u32..=90_007,
        hours in 0u32..=40,
        gemeente in 0usize..15,
    ) -> PlacementProfile {
        let mut notes = std::collections::BTreeMap::new();
        notes.insert(ProfileCategory::WorkDayActivities, format!("notitie {note}"));
        PlacementProfile {
            gender: Gender::ALL[gender],
            living_situation: LivingSituation::ALL[situation],
            mobility: Mobility::None,
            self_reliance: SelfReliance {
                household_care: levels[0],
                work_day_activities: levels[1],
                social_network: levels[2],
                social_self_reliance: levels[3],
                finances_debts: levels[4],
            },
            notes,
            search_area: vec![all_gemeenten().nth(gemeente).unwrap_or("Venlo").to_string()],
            excluded_neighbourhoods: vec![],
            housing_form: HousingForm::NoPreference,
            rent_arrears: History::None,
            nuisance: History::Resolved,
            budget_management: false,
            contract_form: ContractForm::RegularLease,
            support_hours_per_week: f64::from(hours),
            reachable_24_7: false,
            relapse_plan: None,
            safety_plan: SafetyPlan::NotNeeded,
            household_size: household,
            age_band: AgeBand::ALL[age],
            income_band: if above { IncomeBand::AboveLimit } else { IncomeBand::AtOrBelowLimit },
            max_rent_cents: max_rent,
        }
    }
}

prop_compose! {
    fn fixture()(
        // Distinct, so that shrinking cannot make two markers equal.
        m in prop::collection::btree_set("[a-z]{10}", 20).prop_map(|s| s.into_iter().collect::<Vec<_>>()),
        house in 1u32..=99_999,
        income in 10_000u32..=60_000,
        bsn_base in 10_000_000u32..=99_999_999,
        phone in prop::collection::vec(10_000_000u32..=99_999_999, 1..=2),
        phone_format in 0usize..3,
        postcode_num in 1000u32..=9999,
        postcode_letters in "[A-RT-Z][A-Z]",
        bank in "[A-Z]{4}",
        account in 0u64..10_000_000_000,
        // Born between 1940 and 2007-12-31, so 18 or older on the reference date.
        birth_days in -10_957i64..=13_878,
        doc_days in prop::collection::vec(19_000i64..=20_600, 4),
        doc_status in prop::collection::vec(0usize..3, 4),
        enums in (0usize..4, 0usize..3, 0usize..7, 0usize..15, 1u8..=12),
        flags in (any::<bool>(), any::<bool>(), any::<bool>()),
        profile in profile_strategy(),
        code in 0u64..(1 << 50),
    ) -> Fixture {
        let (gender, situation, source, gemeente, household) = enums;
        let (has_debts, budget_management, with_email) = flags;
        let mk = |tag: &str, i: usize| format!("{tag}{}", m[i]);
        let gemeente_name = all_gemeenten().nth(gemeente).unwrap_or("Venlo");
        let region = Region::of_gemeente(gemeente_name).unwrap_or(Region::NoordLimburg);

        let mut d = Dossier::new(mk("id", 0));
        d.name = PersonName {
            first_names: format!("{} {}", mk("Vn", 1), mk("Tn", 2)),
            tussenvoegsel: "van der".into(),
            surname: mk("An", 3),
            call_name: String::new(),
        };
        d.address = Address {
        kind: Default::default(),
            street: format!("{}straat", mk("St", 4)),
            house_number: house,
            house_number_addition: mk("T", 5)[..8].to_string(),
            postcode: format!("{postcode_num} {postcode_letters}"),
            place: mk("Wp", 6),
        };
        d.gemeente = gemeente_name.to_string();
        d.phones = phone
            .iter()
            .map(|p| match phone_format {
                0 => format!("06-{p}"),
                1 => format!("+31 6 {} {:04}", p / 10_000, p % 10_000),
                _ => format!("06{p}"),
            })
            .collect();
        d.email = with_email.then(|| format!("{}@example.org", mk("em", 7)));
        d.birth_date = Some(date_from(birth_days));
        d.bsn = Some(bsn_from(bsn_base));
        d.gender = Some(Gender::ALL[gender]);
        d.education = mk("Opl", 8);
        d.work = mk("Wrk", 9);
        d.income = Some(Income { yearly_amount_euros: income, source: IncomeSource::ALL[source] });
        d.household_size = household;
        d.social_network = mk("Snw", 10);
        d.living_situation = Some(LivingSituation::ALL[situation]);
        // Outside every other date range here (birth, documents, gates), so finding it means it.
        d.in_care_since = Some(date_from(17_500));
        d.finances = mk("Fin", 11);
        d.has_debts = has_debts;
        d.budget_management = budget_management;
        d.health = mk("Gez", 12);
        d.iban = Some(iban_from(&bank, account));
        for (i, kind) in woonkans_core::dossier::DocumentKind::ALL.into_iter().enumerate() {
            let e = d.documents.get_mut(kind);
            e.status = DOC_STATUSES[doc_status[i]];
            e.date = Some(date_from(doc_days[i]));
        }
        d.care_provider = Some(Contact { organisation: mk("Zorg", 13), person: mk("Zp", 14) });
        d.wmo_consultant = Some(Contact { organisation: mk("Wmo", 15), person: mk("Wc", 16) });
        d.target_group = TargetGroupAnswers {
            status_holder: Some(false),
            labour_migrant: Some(false),
            regular_route_impossible: Some(true),
            support_need_independent_living: Some(true),
        };
        d.gates = Gate::ALL
            .iter()
            .enumerate()
            .map(|(i, g)| GateRecord {
                gate: *g,
                date: date_from(20_000 + i as i64),
                actor: mk("Act", 17 + i.min(2)),
            })
            .collect();

        let text = |s: &str| Needle::Text(s.to_string());
        let mut naw = vec![
            text(&mk("Vn", 1)),
            text(&mk("Tn", 2)),
            text(&mk("An", 3)),
            text(&mk("St", 4)),
            text(&mk("T", 5)[..8]),
            text(&mk("Wp", 6)),
            Needle::Squashed(format!("{postcode_num}{postcode_letters}")),
        ];
        // Short house numbers occur everywhere (household size, scores); long ones are telling.
        if house >= 1000 {
            naw.push(Needle::Number(house));
        }
        let mut contact: Vec<Needle> = phone.iter().map(|p| Needle::Squashed(format!("6{p}"))).collect();
        if let Some(e) = &d.email {
            contact.push(text(e));
        }
        let birth = date_from(birth_days);
        let doc = |i: usize| vec![text(&date_from(doc_days[i]).iso())];
        let by_category = vec![
            (Category::Naw, naw),
            (Category::Contact, contact),
            (Category::BirthDate, birth.written_forms().iter().map(|f| text(f)).collect()),
            (Category::Bsn, vec![Needle::Squashed(bsn_from(bsn_base))]),
            (Category::Education, vec![text(&mk("Opl", 8))]),
            (Category::Work, vec![text(&mk("Wrk", 9))]),
            (Category::Income, vec![Needle::Number(income)]),
            (Category::SocialNetwork, vec![text(&mk("Snw", 10))]),
            (
                Category::Finances,
                vec![text(&mk("Fin", 11)), Needle::Squashed(iban_from(&bank, account))],
            ),
            (Category::Health, vec![text(&mk("Gez", 12))]),
            (Category::LivingSituation, vec![text(&date_from(17_500).iso())]),
            (Category::LandlordStatement, doc(0)),
            (Category::BrpExtract, doc(1)),
            (Category::IncomeStatement, doc(2)),
            (Category::BewindvoeringRuling, doc(3)),
        ];
        let never = [("id", 0usize), ("Zorg", 13), ("Zp", 14), ("Wmo", 15), ("Wc", 16), ("Act", 17), ("Act", 18), ("Act", 19)]
            .iter()
            .map(|&(tag, i)| Needle::Text(mk(tag, i)))
            .collect();
        Fixture {
            dossier: d,
            by_category,
            never,
            profile,
            code: Code::from_value(code),
            region,
        }
    }
}

fn views(f: &Fixture, limits: &RentLimits) -> Vec<(Step, String)> {
    let ctx = ViewContext {
        reference_date: reference(),
        region: f.region,
        rent_limits: limits,
        coded: Some(Coded {
            code: f.code,
            profile: &f.profile,
        }),
    };
    Step::ALL[..5]
        .iter()
        .map(|s| {
            let v = view(*s, &f.dossier, &ctx).expect("every gate is recorded");
            assert_eq!(v.step(), *s);
            (*s, serde_json::to_string(&v).expect("serialisable"))
        })
        .collect()
}

fn keys(json: &str) -> BTreeSet<String> {
    let v: serde_json::Value = serde_json::from_str(json).expect("valid JSON");
    v.as_object().expect("an object").keys().cloned().collect()
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|s| (*s).to_string()).collect()
}

/// The exact top-level fields of each view: a new field must be added here on purpose.
fn expected_keys(step: Step) -> BTreeSet<String> {
    match step {
        Step::Orientation | Step::WmoReport => {
            set(&["view", "name", "address", "gemeente", "phones", "email"])
        }
        Step::Investigation => set(&[
            "view",
            "name",
            "address",
            "gemeente",
            "birthDate",
            "bsn",
            "phones",
            "email",
            "gender",
            "education",
            "work",
            "income",
            "socialNetwork",
            "livingSituation",
            "inCareSince",
            "householdSize",
            "finances",
            "hasDebts",
            "budgetManagement",
            "iban",
            "health",
            "documents",
        ]),
        Step::PlacementProfile => set(&[
            "view",
            "gender",
            "livingSituation",
            "inCareSince",
            "ageBand",
            "youngAdult",
            "gemeente",
            "region",
            "householdSize",
            "incomeBand",
            "hasDebts",
            "budgetManagement",
        ]),
        Step::AssociationTalks => set(&["view", "code", "profile"]),
        Step::Agreement => BTreeSet::new(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn no_view_holds_a_category_outside_its_row(f in fixture()) {
        prop_assume!(f.dossier.address.house_number != f.dossier.income.map_or(0, |i| i.yearly_amount_euros));
        prop_assume!(f.dossier.address.house_number != f.profile.max_rent_cents);
        prop_assume!(f.dossier.income.map_or(0, |i| i.yearly_amount_euros) != f.profile.max_rent_cents);
        let limits = rentlimits::current();
        for (step, json) in views(&f, &limits) {
            // The code is meant to be in coded views; its digits are no dossier value.
            let json = json.replace(&f.code.to_string(), "WK-CODE");
            let r = row(step);
            for (category, needles) in &f.by_category {
                let allowed = r.allows(*category);
                for n in needles {
                    if !allowed {
                        prop_assert!(!n.found_in(&json), "step {:?} holds {:?}: {:?}", step, category, n);
                    }
                }
            }
            for n in &f.never {
                prop_assert!(!n.found_in(&json), "step {:?} holds {:?}", step, n);
            }
            prop_assert_eq!(keys(&json), expected_keys(step), "fields of step {:?}", step);
        }
    }

    #[test]
    fn allowed_values_do_arrive(f in fixture()) {
        // The other half of "exactly the categories": what a step may see is really there.
        let limits = rentlimits::current();
        for (step, json) in views(&f, &limits) {
            if step > Step::Investigation {
                continue;
            }
            for (category, needles) in &f.by_category {
                if row(step).allows(*category) && *category != Category::BirthDate {
                    for n in needles {
                        prop_assert!(n.found_in(&json), "step {:?} lacks {:?}: {:?}", step, category, n);
                    }
                }
            }
        }
    }

    #[test]
    fn coded_views_hold_no_identifying_value(f in fixture()) {
        let limits = rentlimits::current();
        let known = f.dossier.known();
        let mut needles: Vec<Needle> = Vec::new();
        needles.extend(known.name_parts.iter().map(|s| Needle::Text(s.clone())));
        needles.extend(known.street_addresses.iter().map(|s| Needle::Text(s.clone())));
        needles.extend(known.emails.iter().map(|s| Needle::Text(s.clone())));
        needles.extend(known.postcodes.iter().map(|s| Needle::Text(s.clone())));
        needles.extend(known.phones.iter().map(|s| Needle::Squashed(s.clone())));
        needles.extend(known.ibans.iter().map(|s| Needle::Squashed(s.clone())));
        needles.extend(known.bsn.iter().map(|s| Needle::Squashed(s.clone())));
        if let Some(b) = known.birth_date {
            needles.extend(b.written_forms().into_iter().map(Needle::Text));
            // The birth year next to its month is as telling as the whole date.
            needles.push(Needle::Text(format!("{:04}-{:02}", b.year(), b.month())));
        }
        if let Some(i) = f.dossier.income
            && i.yearly_amount_euros != f.profile.max_rent_cents
        {
            needles.push(Needle::Number(i.yearly_amount_euros));
        }
        needles.push(Needle::Text(f.dossier.health.clone()));
        needles.push(Needle::Text(f.dossier.education.clone()));
        needles.push(Needle::Text(f.dossier.finances.clone()));
        needles.push(Needle::Text(f.dossier.id.clone()));
        for (step, json) in views(&f, &limits) {
            if step < Step::PlacementProfile {
                continue;
            }
            // The code's own digits may read like a number of the dossier ("WK-43037-…" and an
            // income of 43,037): the code is the one value that is meant to be there.
            let json = json.replace(&f.code.to_string(), "WK-CODE");
            prop_assert!(!json.contains("\"name\"") && !json.contains("\"bsn\"") && !json.contains("\"birthDate\""));
            for n in &needles {
                prop_assert!(!n.found_in(&json), "step {:?} holds {:?}", step, n);
            }
        }
    }

    #[test]
    fn a_view_exists_exactly_when_its_gates_are_recorded(
        f in fixture(),
        mask in 0u8..16,
    ) {
        let limits = rentlimits::current();
        let mut d = f.dossier.clone();
        d.gates.retain(|r| {
            let i = Gate::ALL.iter().position(|g| *g == r.gate).unwrap_or(0);
            mask & (1 << i) != 0
        });
        let ctx = ViewContext {
            reference_date: reference(),
            region: f.region,
            rent_limits: &limits,
            coded: Some(Coded { code: f.code, profile: &f.profile }),
        };
        for step in Step::ALL {
            let open = required_gates(step).iter().all(|g| d.has_gate(*g));
            match view(step, &d, &ctx) {
                Ok(v) => {
                    prop_assert!(open, "step {:?} made without its gates", step);
                    prop_assert!(!matches!(v, View::Step1(_)) || step == Step::Orientation);
                }
                Err(e) if !open => {
                    prop_assert_eq!(e.code, "GATE_MISSING");
                    for g in required_gates(step).iter().filter(|g| !d.has_gate(**g)) {
                        prop_assert!(e.message.contains(g.dutch()), "{} names {:?}", e.message, g);
                    }
                }
                Err(e) => prop_assert_eq!(e.code, "HANDOVER_ONLY"),
            }
        }
    }
}

/// `json` with what travels on purpose blanked (the case reference, the professionals, the
/// gates' actors and dates), so a shrunk marker ("aaaaaaaaaa") cannot be found inside them.
fn blank_what_travels(json: &str, d: &Dossier, reference: &str) -> String {
    let mut json = json.replace(reference, "REF");
    for c in d.care_provider.iter().chain(&d.wmo_consultant) {
        json = json
            .replace(&c.organisation, "ORG")
            .replace(&c.person, "PERSOON");
    }
    for g in &d.gates {
        json = json
            .replace(&g.actor, "ACTOR")
            .replace(&g.date.iso(), "GATE-DATE");
    }
    json
}

/// The transfers' payloads as the sender seals them: (step of their row, JSON).
fn transfers(f: &Fixture, limits: &RentLimits, salt: [u8; 32]) -> Vec<(Step, String)> {
    use woonkans_core::transfer::{Aanmelding, Overdracht};
    let a = Aanmelding::of(&f.dossier).expect("the mandate is recorded");
    let o = Overdracht::of(&f.dossier, reference(), f.region, limits, salt)
        .expect("the gates into step 4 are recorded");
    vec![
        (Step::WmoReport, String::from_utf8(a.to_bytes()).unwrap()),
        (
            Step::PlacementProfile,
            String::from_utf8(o.to_bytes()).unwrap(),
        ),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES / 2))]

    /// Each transfer holds exactly its row's categories: none outside it in any notation, and
    /// every one of them (the aanmelding's NAW and contact) really there. The overdracht is
    /// what the coordinator stores, so this is also "the coordinator never holds an identity
    /// field's value".
    #[test]
    fn transfers_hold_exactly_their_rows_categories(f in fixture(), salt in any::<[u8; 32]>()) {
        prop_assume!(f.dossier.address.house_number != f.dossier.income.map_or(0, |i| i.yearly_amount_euros));
        let limits = rentlimits::current();
        for (step, json) in transfers(&f, &limits, salt) {
            let json = blank_what_travels(&json, &f.dossier, &f.dossier.id);
            let r = row(step);
            for (category, needles) in &f.by_category {
                for n in needles {
                    // Step 4's row allows categories in generalised form or typed anew by the
                    // coordinator (the social network as a score); only the aanmelding carries
                    // its row's values as they are.
                    if r.allows(*category) {
                        if step <= Step::Investigation {
                            prop_assert!(n.found_in(&json), "{:?} lacks {:?}: {:?}", step, category, n);
                        }
                    } else {
                        prop_assert!(!n.found_in(&json), "{:?} holds {:?}: {:?}", step, category, n);
                    }
                }
            }
        }
    }

    /// The overdracht also holds none of the identifying values the guard knows of, in any
    /// notation (names, BSN, birth date forms, address, phones, IBAN), though its prints
    /// find each of them.
    #[test]
    fn the_overdracht_holds_no_identifying_value(f in fixture(), salt in any::<[u8; 32]>()) {
        let limits = rentlimits::current();
        let (_, json) = transfers(&f, &limits, salt).pop().unwrap();
        let known = f.dossier.known();
        let squashed = squash(&json);
        for v in known.bsn.iter().chain(&known.phones).chain(&known.ibans).chain(&known.postcodes) {
            prop_assert!(!squashed.contains(&squash(v)), "a value in any notation");
        }
        for form in known.birth_date.unwrap().written_forms() {
            prop_assert!(!json.contains(&form));
        }
        for part in &known.name_parts {
            prop_assert!(!json.to_lowercase().contains(&part.to_lowercase()));
        }
        let o = woonkans_core::transfer::Overdracht::parse(json.as_bytes()).unwrap();
        let note = format!("gesprek met {}", f.dossier.name.surname);
        let hits = o.prints().find(&note);
        prop_assert!(!hits.is_empty());
        let note = format!("bsn {}", known.bsn.as_ref().unwrap());
        let hits = o.prints().find(&note);
        prop_assert!(!hits.is_empty());
    }
}

proptest! {
    // Each case makes two vaults with keys and seals and opens one envelope.
    #![proptest_config(ProptestConfig::with_cases(CASES / 8))]

    /// The whole chain as the vaults run it: the Wmo consultant seals the overdracht of a
    /// random dossier, the coordinator's vault opens it and writes its stored form (the
    /// decrypted workspace JSON, as the vault keeps it). That stored form holds no value of
    /// the resident's identity fields (name parts, BSN, birth date in every written form,
    /// street and postcode, phones, e-mail, IBAN) in any notation, and its case nothing else
    /// outside step 4's row.
    #[test]
    fn the_coordinators_stored_vault_holds_no_identity_value(f in fixture(), salt in any::<[u8; 32]>()) {
        use woonkans_core::fixtures::{introduce, role_vault};
        use woonkans_core::role::Role;
        prop_assume!(f.dossier.address.house_number != f.dossier.income.map_or(0, |i| i.yearly_amount_euros));
        let today = reference();
        let mut wmo = role_vault(Role::WmoConsulent, "Wmo Venlo", 21, today);
        let mut regie = role_vault(Role::Regisseur, "Ketenregie Noord", 22, today);
        // Both work for the resident's region: an overdracht for another region is refused.
        wmo.set_region(Some(f.region));
        regie.set_region(Some(f.region));
        introduce(&mut wmo, &mut regie, today);
        let before = regie.to_json();
        let d = &f.dossier;
        wmo.add_case(&d.id).unwrap();
        wmo.case_mut(&d.id).unwrap().dossier = d.clone();
        let to = regie.parties().keys().unwrap().card().fingerprint();
        let file = wmo.seal_overdracht(&d.id, to, salt, [5; 16], [6; 32], today, "t").unwrap();
        let id = regie.open_overdracht(&file.bytes, "t").unwrap();
        let stored = regie.to_json();
        prop_assert!(stored.len() > before.len());
        // Today's date is on the keys, the contacts and the log.
        let json = blank_what_travels(&stored, d, &id).replace(&today.iso(), "TODAY");
        let known = d.known();
        for v in known.bsn.iter().chain(&known.phones).chain(&known.ibans).chain(&known.postcodes).chain(&known.emails) {
            prop_assert!(!Needle::Squashed(v.clone()).found_in(&json), "a value in some notation");
        }
        for street in &known.street_addresses {
            prop_assert!(!Needle::Text(street.clone()).found_in(&json));
        }
        for form in known.birth_date.unwrap().written_forms() {
            prop_assert!(!json.contains(&form));
        }
        for part in &known.name_parts {
            prop_assert!(!Needle::Text(part.clone()).found_in(&json), "a name part");
        }
        // The other categories outside step 4's row, in the stored case itself (the whole vault
        // also holds the offer, whose dwellings' dates a document date can equal).
        let case = serde_json::to_string(regie.case(&id).unwrap()).unwrap();
        let case = blank_what_travels(&case, d, &id).replace(&today.iso(), "TODAY");
        let r = row(Step::PlacementProfile);
        for (category, needles) in &f.by_category {
            if !r.allows(*category) {
                for n in needles {
                    prop_assert!(!n.found_in(&case), "the case holds {:?}: {:?}", category, n);
                }
            }
        }
    }
}
