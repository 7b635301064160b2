//! Shared fixtures for the bundle and leak-guard tests, native and wasm (included with `#[path]`),
//! and a check that the fixtures themselves are what the other tests assume.
#![allow(dead_code)]

use std::collections::BTreeMap;
use woonkans_core::bundle::{BundleInput, BundleProfileInput, MatchSummary};
use woonkans_core::code::{self, CodeKey};
use woonkans_core::date::{DUTCH_MONTHS, Date};
use woonkans_core::known::Known;
use woonkans_core::profile::*;
use woonkans_core::region::Region;
use woonkans_core::text::{fold, squash};

/// SplitMix64: a small deterministic generator, so a failing case can be replayed by its seed.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

pub const FIRST_NAMES: &[&str] = &[
    "Jan",
    "Piet",
    "Kees",
    "Anouk",
    "Sanne",
    "Daan",
    "Fleur",
    "Mohammed",
    "Fatima",
    "Yusuf",
    "Ayşe",
    "Zoë",
    "Chloé",
    "René",
    "Björn",
    "Noëlle",
    "Thijs",
    "Esmée",
    "Kevin",
    "Priscilla",
    "Dewi",
    "Wouter",
    "Ingrid",
    "Rutger",
    "Ilse",
    "Bram",
    "Lotte",
    "Niels",
    "Joëlle",
    "Hüseyin",
    "Özlem",
    "Agnieszka",
    "Łukasz",
    "Tomás",
    "Inês",
    "François",
    "Sébastien",
    "Marloes",
    "Gijs",
    "Femke",
];
pub const TUSSENVOEGSELS: &[&str] = &["van", "de", "van der", "van den", "ter", "van de", "in 't"];
pub const SURNAMES: &[&str] = &[
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "Mulder",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Dekker",
    "Brouwer",
    "Dijkstra",
    "Öztürk",
    "Yılmaz",
    "El Amrani",
    "Kowalski",
    "Nowak",
    "Gonçalves",
    "Lefèvre",
    "Müller",
    "Schröder",
    "Berg",
    "Velde",
    "Heuvel",
    "Brink",
    "Haar",
    "Coolen",
    "Janssen",
    "Hermans",
    "Verstappen",
    "Gielen",
    "Schreurs",
    "Peeters",
    "Hendrikx",
];
pub const STREETS: &[&str] = &[
    "Kerkstraat",
    "Molenweg",
    "Schoolstraat",
    "Parklaan",
    "Julianastraat",
    "Maasboulevard",
    "Sint Jozefstraat",
    "Burgemeester Gubbelsstraat",
    "Kloosterhof",
    "Eikenlaan",
];

pub fn bsn(rng: &mut Rng) -> String {
    // A random number passing the 11-test (the last digit weighs -1).
    loop {
        let d: Vec<u32> = (0..9).map(|_| rng.below(10) as u32).collect();
        if d[0] == 0 {
            continue;
        }
        let sum: i64 = d[..8]
            .iter()
            .zip((2..=9).rev())
            .map(|(&x, w)| i64::from(x) * w)
            .sum::<i64>()
            - i64::from(d[8]);
        if sum % 11 == 0 {
            return d.iter().map(|x| char::from(b'0' + *x as u8)).collect();
        }
    }
}

fn iban(rng: &mut Rng) -> String {
    let bank = *rng.pick(&["ABNA", "RABO", "INGB", "SNSB", "TRIO"]);
    let account: String = (0..10)
        .map(|_| char::from(b'0' + rng.below(10) as u8))
        .collect();
    format!("NL{:02}{bank}{account}", 10 + rng.below(89))
}

pub fn known(rng: &mut Rng) -> Known {
    let first = rng.pick(FIRST_NAMES).to_string();
    let second = rng.pick(FIRST_NAMES).to_string();
    let surname = rng.pick(SURNAMES).to_string();
    let tv = rng.chance(40).then(|| rng.pick(TUSSENVOEGSELS).to_string());
    let mut name_parts = vec![first, surname.clone()];
    if rng.chance(30) {
        name_parts.insert(1, second);
    }
    let mut tussenvoegsels = Vec::new();
    if let Some(tv) = tv {
        name_parts.push(format!("{tv} {surname}"));
        tussenvoegsels.push(tv);
    }
    let number = 1 + rng.below(180);
    let addition = *rng.pick(&["", "", "", "a", "b", "-2", " bis"]);
    let street = format!("{} {number}{addition}", rng.pick(STREETS));
    let postcode = format!(
        "{}{}{}",
        5800 + rng.below(400),
        if rng.chance(50) { " " } else { "" },
        ["AB", "CD", "XK", "RT", "PZ", "HG"][rng.below(6)]
    );
    let mobile: String = (0..8)
        .map(|_| char::from(b'0' + rng.below(10) as u8))
        .collect();
    let phone = match rng.below(4) {
        0 => format!("06{mobile}"),
        1 => format!("06-{mobile}"),
        2 => format!("+31 6 {}", &mobile),
        _ => format!("0031 6 {mobile}"),
    };
    let born = Date::new(
        1950 + rng.below(56) as i32,
        1 + rng.below(12) as u8,
        1 + rng.below(28) as u8,
    )
    .expect("valid date");
    let local = woonkans_core::text::squash(&name_parts[0]);
    Known {
        name_parts,
        tussenvoegsels,
        bsn: Some(bsn(rng)),
        birth_date: Some(born),
        street_addresses: vec![street],
        postcodes: vec![postcode],
        phones: vec![phone],
        emails: vec![format!("{local}{}@example.nl", rng.below(1000))],
        ibans: vec![iban(rng)],
        contact_names: Vec::new(),
    }
}

/// Notes built from phrases that hold no name, number or special-category word.
pub const NOTE_PHRASES: &[&str] = &[
    "Kookt zelf en houdt het huis schoon met wekelijkse begeleiding.",
    "Werkt drie dagen per week bij een fietsenmaker.",
    "Heeft contact met een broer en twee vrienden.",
    "Doet boodschappen zelfstandig; post openen gaat met hulp.",
    "Wil graag een rustige buurt met een supermarkt in de buurt.",
    "Bewindvoering loopt; vaste lasten worden automatisch betaald.",
    "Gaat naar de dagbesteding op dinsdag en donderdag.",
    "Sport graag in de buitenlucht en wandelt veel.",
    "Heeft moeite met drukte en lawaai van buren.",
    "Kan goed plannen met een weekoverzicht op papier.",
    "Vrijwilligerswerk in de kringloopwinkel, twee ochtenden.",
    "Budgetplan is in januari opgesteld en wordt gevolgd.",
];

pub fn note(rng: &mut Rng) -> String {
    let n = 1 + rng.below(3);
    (0..n)
        .map(|_| *rng.pick(NOTE_PHRASES))
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn profile(rng: &mut Rng) -> PlacementProfile {
    let mut notes = BTreeMap::new();
    for cat in ProfileCategory::ALL {
        if rng.chance(60) {
            notes.insert(cat, note(rng));
        }
    }
    let gemeenten: Vec<&str> = woonkans_core::region::all_gemeenten().collect();
    let mut search_area = vec![rng.pick(&gemeenten).to_string()];
    if rng.chance(50) {
        search_area.push(rng.pick(&gemeenten).to_string());
    }
    PlacementProfile {
        gender: *rng.pick(&[
            Gender::Male,
            Gender::Female,
            Gender::Other,
            Gender::NotStated,
        ]),
        living_situation: *rng.pick(&[
            LivingSituation::ShelteredHousing,
            LivingSituation::SocialShelter,
            LivingSituation::Other,
        ]),
        mobility: *rng.pick(&[Mobility::None, Mobility::StepFree, Mobility::Wheelchair]),
        self_reliance: SelfReliance {
            household_care: 1 + rng.below(5) as u8,
            work_day_activities: 1 + rng.below(5) as u8,
            social_network: 1 + rng.below(5) as u8,
            social_self_reliance: 1 + rng.below(5) as u8,
            finances_debts: 1 + rng.below(5) as u8,
        },
        notes,
        search_area,
        excluded_neighbourhoods: if rng.chance(30) {
            vec![
                rng.pick(&["Blerick", "Tegelen", "Stadsdeel Oost", "Centrum"])
                    .to_string(),
            ]
        } else {
            vec![]
        },
        housing_form: *rng.pick(&[
            HousingForm::Independent,
            HousingForm::InComplex,
            HousingForm::Cluster,
            HousingForm::NoPreference,
        ]),
        rent_arrears: *rng.pick(&[History::None, History::Resolved, History::Current]),
        nuisance: *rng.pick(&[History::None, History::Resolved]),
        budget_management: rng.chance(40),
        contract_form: *rng.pick(&[
            ContractForm::RegularLease,
            ContractForm::LeaseWithCareAgreement,
            ContractForm::LeaseInCareProviderName,
        ]),
        support_hours_per_week: *rng.pick(&[0.0, 1.5, 2.0, 4.0, 6.5, 12.25]),
        reachable_24_7: rng.chance(30),
        relapse_plan: rng.chance(70).then(|| RelapsePlan {
            signals: "Huur niet betaald of geen contact meer met de begeleider.".into(),
            agreements: vec![
                RelapseAgreement {
                    party: Party::CareProvider,
                    action: "Neemt binnen twee werkdagen contact op en zoekt de bewoner op.".into(),
                },
                RelapseAgreement {
                    party: Party::HousingAssociation,
                    action: "Meldt een huurachterstand na één maand aan de begeleider.".into(),
                },
            ],
        }),
        safety_plan: *rng.pick(&[
            SafetyPlan::NotNeeded,
            SafetyPlan::Needed,
            SafetyPlan::Present,
        ]),
        household_size: 1 + rng.below(3) as u8,
        age_band: *rng.pick(&AgeBand::ALL),
        income_band: *rng.pick(&[IncomeBand::AtOrBelowLimit, IncomeBand::AboveLimit]),
        max_rent_cents: 45_000 + rng.below(45_000) as u32,
    }
}

pub fn key() -> CodeKey {
    let mut b = [0u8; 32];
    for (i, x) in b.iter_mut().enumerate() {
        *x = i as u8;
    }
    CodeKey::from_bytes(b)
}

pub const RECIPIENT: &str = "wonen-limburg";

pub fn input(rng: &mut Rng, n: usize) -> BundleInput {
    let key = key();
    let mut profiles = Vec::with_capacity(n);
    for i in 0..n {
        let known = known(rng);
        let stable = known.bsn.clone().unwrap_or_else(|| format!("d-{i}"));
        let matches = (0..rng.below(4))
            .map(|j| MatchSummary {
                dwelling_id: format!("WL-{:04}", rng.below(9000) + j),
                score: rng.below(101) as u8,
            })
            .collect();
        profiles.push(BundleProfileInput {
            code: code::derive(&key, RECIPIENT, &stable),
            profile: profile(rng),
            matches,
            known,
            prints: None,
        });
    }
    let mut bundle_id = [0u8; 16];
    for b in &mut bundle_id {
        *b = rng.below(256) as u8;
    }
    BundleInput {
        caseload: Vec::new(),
        prints: Vec::new(),
        bundle_id,
        date: Date::new(2026, 11, 28).expect("valid date"),
        region: Region::NoordLimburg,
        recipient_id: RECIPIENT.into(),
        recipient_name: "Wonen Limburg".into(),
        profiles,
    }
}

// Also included by the wasm tests, where plain `#[test]` functions do not run.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn fixture_profiles_validate_and_bsns_pass_the_11_test() {
    let mut rng = Rng(7);
    for _ in 0..200 {
        profile(&mut rng).validate().unwrap();
        let b = bsn(&mut rng);
        assert_eq!(b.len(), 9);
        let d: Vec<i64> = b.bytes().map(|c| i64::from(c - b'0')).collect();
        let s: i64 = (0..8).map(|i| d[i] * (9 - i as i64)).sum::<i64>() - d[8];
        assert_eq!(s % 11, 0, "{b}");
    }
}

/// The raw name word as typed (with diacritics), for planting.
pub fn typed_name_words(k: &Known) -> Vec<String> {
    let tv = ["van", "der", "den", "ter", "het"];
    k.name_parts
        .iter()
        .flat_map(|p| p.split([' ', '-']).map(str::to_string).collect::<Vec<_>>())
        .filter(|w| w.chars().count() >= 3 && !tv.contains(&w.to_lowercase().as_str()))
        .collect()
}

pub fn mobile8(k: &Known) -> String {
    let d: String = k.phones[0].chars().filter(char::is_ascii_digit).collect();
    d[d.len() - 8..].to_string()
}

/// One identifying value of `k` in a varied notation, with its kind.
/// The digits as Dutch words, written here from the language, not from the code under test.
const DUTCH_DIGITS: [&str; 10] = [
    "nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen",
];

pub fn planted_value(rng: &mut Rng, k: &Known) -> (String, &'static str) {
    match rng.below(8) {
        0 => {
            let words = typed_name_words(k);
            let w = rng.pick(&words).clone();
            let v = match rng.below(9) {
                // Two of the resident's name words glued, as in an e-mail handle.
                6 => format!("{}{}", words[0], rng.pick(&words)).to_lowercase(),
                // Glued in camel case to the word before it.
                7 => format!("mevrouw{w}"),
                // Glued to a year.
                8 => format!("{w}{}", 1960 + rng.below(60)),
                0 => w.to_uppercase(),
                1 => w.to_lowercase(),
                2 => fold(&w),
                // Digits for some letters ("B4kk3r").
                3 => w
                    .chars()
                    .map(|c| match c {
                        'a' => '4',
                        'e' => '3',
                        'o' => '0',
                        _ => c,
                    })
                    .collect(),
                // One letter as an HTML entity ("Bakk&#101;r").
                4 => w
                    .chars()
                    .enumerate()
                    .map(|(i, c)| {
                        if i == 1 {
                            format!("&#{};", c as u32)
                        } else {
                            c.to_string()
                        }
                    })
                    .collect(),
                _ => format!("{w}'s"),
            };
            (v, "NAME")
        }
        1 => {
            let b = k.bsn.clone().unwrap();
            let v = match rng.below(7) {
                0 => b,
                1 => format!("{} {} {}", &b[..3], &b[3..6], &b[6..]),
                2 => format!("{}.{}.{}.{}", &b[..3], &b[3..5], &b[5..7], &b[7..]),
                // Letters for the digits they look like ("l23456782").
                3 => b
                    .chars()
                    .map(|c| match c {
                        '0' => 'O',
                        '1' => 'l',
                        '5' => 'S',
                        '8' => 'B',
                        _ => c,
                    })
                    .collect(),
                // One digit as a web escape ("1234%35678 2").
                4 => format!("{}%{:02X}{}", &b[..4], b.as_bytes()[4], &b[5..]),
                // Spelled out as read aloud ("een twee drie ...").
                5 => b
                    .chars()
                    .map(|c| DUTCH_DIGITS[c.to_digit(10).unwrap() as usize])
                    .collect::<Vec<_>>()
                    .join(" "),
                _ => format!("{}-{}", &b[..4], &b[4..]),
            };
            (v, "BSN")
        }
        2 => {
            let d = k.birth_date.unwrap();
            let (y, m, day) = (d.year(), d.month(), d.day());
            let month = DUTCH_MONTHS[usize::from(m) - 1];
            let v = match rng.below(7) {
                0 => format!("{day} {month} {y}"),
                1 => format!("{day:02}-{m:02}-{y}"),
                2 => d.iso(),
                3 => format!("{day}/{m}/{y}"),
                4 => format!("{day:02}.{m:02}.{:02}", y % 100),
                5 => format!("{day} {} {y}", if m == 3 { "mrt" } else { &month[..3] }),
                _ => format!("{day:02}{m:02}{y}"),
            };
            (v, "BIRTH_DATE")
        }
        3 => {
            let a = k.street_addresses[0].clone();
            let v = match rng.below(3) {
                0 => a,
                1 => a.to_uppercase(),
                _ => a.replace(' ', ""),
            };
            (v, "ADDRESS")
        }
        4 => {
            let p = squash(&k.postcodes[0]).to_uppercase();
            let v = match rng.below(3) {
                0 => format!("{} {}", &p[..4], &p[4..]),
                1 => p.to_lowercase(),
                _ => format!("{}-{}", &p[..4], &p[4..]),
            };
            (v, "POSTCODE")
        }
        5 => {
            let m = mobile8(k);
            let v = match rng.below(6) {
                0 => format!("06-{m}"),
                1 => format!("+31 6 {m}"),
                2 => format!("00316{m}"),
                3 => format!("06 {} {} {} {}", &m[..2], &m[2..4], &m[4..6], &m[6..]),
                4 => format!("+31 (0)6 {} {}", &m[..4], &m[4..]),
                _ => format!("(06) {}", m),
            };
            (v, "PHONE")
        }
        6 => {
            let e = k.emails[0].clone();
            let v = if rng.chance(50) { e.to_uppercase() } else { e };
            (v, "EMAIL")
        }
        _ => {
            let i = squash(&k.ibans[0]).to_uppercase();
            let v = if rng.chance(50) {
                i.as_bytes()
                    .chunks(4)
                    .map(|c| std::str::from_utf8(c).unwrap())
                    .collect::<Vec<_>>()
                    .join(" ")
            } else {
                i.to_lowercase()
            };
            (v, "IBAN")
        }
    }
}
