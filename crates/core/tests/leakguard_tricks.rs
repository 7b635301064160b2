//! The leak guard against the tricks that once walked around it: a resident's surname, BSN or
//! phone number planted in a note with invisible characters inside, control characters or a
//! tab, Cyrillic and Greek look-alike letters, full-width or mathematical letters, other
//! Unicode digits, split by a space, or split across two notes; a contact person's name; and
//! another resident of the caseload who is not in the bundle. Every trick must be refused *as
//! the value it hides* (not only for the odd character), and a bundle without a planted value
//! must pass with none of the values in it under an independent, simpler fold.
//!
//! The tricks are written out here from the Unicode charts, not taken from the code under test.

#[path = "bundle_fixtures.rs"]
mod fixtures;

use fixtures::{Rng, input, known};
use proptest::prelude::*;
use serde_json::Value;
use woonkans_core::bundle::{self, BundleInput, WriteError};
use woonkans_core::known::Known;
use woonkans_core::profile::ProfileCategory;

const INVISIBLE: &[char] = &[
    '\u{ad}',    // soft hyphen, as Word and PDF paste it
    '\u{200b}',  // zero-width space
    '\u{200c}',  // zero-width non-joiner
    '\u{200d}',  // zero-width joiner
    '\u{2060}',  // word joiner
    '\u{feff}',  // BOM / zero-width no-break space
    '\u{fe0f}',  // variation selector 16
    '\u{e0101}', // variation selector 18
    '\u{180e}',  // Mongolian vowel separator
    '\u{2062}',  // invisible times
    '\u{202e}',  // right-to-left override
];

const CONTROLS: &[char] = &['\u{1}', '\u{7}', '\u{1b}', '\u{7f}', '\u{9f}', '\t'];

/// Cyrillic and Greek letters drawn like Latin ones.
fn look_alike(c: char) -> Option<char> {
    Some(match c {
        'a' => 'а',
        'c' => 'с',
        'e' => 'е',
        'i' => 'і',
        'j' => 'ј',
        'o' => 'о',
        'p' => 'р',
        's' => 'ѕ',
        'x' => 'х',
        'y' => 'у',
        'A' => 'А',
        'B' => 'В',
        'C' => 'С',
        'E' => 'Е',
        'H' => 'Н',
        'I' => 'І',
        'J' => 'Ј',
        'K' => 'К',
        'M' => 'М',
        'O' => 'О',
        'P' => 'Р',
        'S' => 'Ѕ',
        'T' => 'Т',
        'X' => 'Х',
        'Z' => 'Ζ', // Greek capital zeta
        'N' => 'Ν', // Greek capital nu
        'v' => 'ν', // Greek small nu
        _ => return None,
    })
}

fn full_width(c: char) -> char {
    if ('!'..='~').contains(&c) {
        char::from_u32(c as u32 - 0x21 + 0xff01).unwrap()
    } else {
        c
    }
}

/// Mathematical bold letters and digits (U+1D400 …, U+1D7CE …).
fn math_bold(c: char) -> char {
    let base = match c {
        'A'..='Z' => 0x1d400 + (c as u32 - 'A' as u32),
        'a'..='z' => 0x1d41a + (c as u32 - 'a' as u32),
        '0'..='9' => 0x1d7ce + (c as u32 - '0' as u32),
        _ => return c,
    };
    char::from_u32(base).unwrap()
}

/// Zeros of other digit scripts: Arabic-Indic, extended Arabic-Indic, Devanagari, Bengali,
/// Thai, full-width, mathematical double-struck.
const DIGIT_ZEROS: &[u32] = &[0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0xff10, 0x1d7d8];

#[derive(Clone, Copy, Debug)]
enum Trick {
    Invisible,
    Control,
    LookAlike,
    FullWidth,
    MathBold,
    OtherDigits,
    SpaceSplit,
    FieldSplit,
    /// Digits for letters in a name ("B4kk3r"), letters for digits in a number ("l23456782").
    Leet,
    /// One character as an HTML entity (`&#101;`, `&#x65;`) or a web escape (`%65`).
    Escape,
    /// A number's digits spelled out in Dutch words ("negen negen vier ..."), as read aloud.
    Spelled,
}

const TRICKS: [Trick; 11] = [
    Trick::Invisible,
    Trick::Control,
    Trick::LookAlike,
    Trick::FullWidth,
    Trick::MathBold,
    Trick::OtherDigits,
    Trick::SpaceSplit,
    Trick::FieldSplit,
    Trick::Leet,
    Trick::Escape,
    Trick::Spelled,
];

#[derive(Clone, Copy, Debug, PartialEq)]
enum What {
    Surname,
    Bsn,
    Phone,
}

/// The value as the resident's dossier holds it, and the guard's kind code for it.
fn value(k: &Known, what: What) -> (String, &'static str) {
    match what {
        // The longest name part without a space: a surname or first name of 3+ letters.
        What::Surname => {
            let w = k
                .name_parts
                .iter()
                .filter(|p| !p.contains(' ') && p.chars().count() >= 4)
                .max_by_key(|p| p.chars().count())
                .cloned()
                .unwrap_or_else(|| k.name_parts[0].clone());
            (w, "NAME")
        }
        What::Bsn => (k.bsn.clone().unwrap(), "BSN"),
        What::Phone => {
            let d: String = k.phones[0].chars().filter(char::is_ascii_digit).collect();
            (format!("06{}", &d[d.len() - 8..]), "PHONE")
        }
    }
}

/// Applies `trick` to `v`; a split gives two pieces.
fn disguise(rng: &mut Rng, v: &str, trick: Trick) -> Vec<String> {
    let chars: Vec<char> = v.chars().collect();
    let middle = 1 + rng.below(chars.len().saturating_sub(1).max(1));
    let insert = |rng: &mut Rng, pool: &[char]| {
        let mut out: Vec<char> = chars.clone();
        for _ in 0..1 + rng.below(3) {
            let at = 1 + rng.below(out.len() - 1);
            out.insert(at, *rng.pick(pool));
        }
        out.into_iter().collect::<String>()
    };
    match trick {
        Trick::Invisible => vec![insert(rng, INVISIBLE)],
        Trick::Control => vec![insert(rng, CONTROLS)],
        Trick::LookAlike => {
            let mut out = String::new();
            let mut changed = false;
            for &c in &chars {
                match look_alike(c) {
                    Some(l) if !changed || rng.chance(50) => {
                        out.push(l);
                        changed = true;
                    }
                    _ => out.push(c),
                }
            }
            vec![out]
        }
        Trick::FullWidth => vec![chars.iter().map(|&c| full_width(c)).collect()],
        Trick::MathBold => vec![chars.iter().map(|&c| math_bold(c)).collect()],
        Trick::OtherDigits => {
            let zero = *rng.pick(DIGIT_ZEROS);
            vec![
                chars
                    .iter()
                    .map(|&c| match c.to_digit(10) {
                        Some(d) => char::from_u32(zero + d).unwrap(),
                        None => c,
                    })
                    .collect(),
            ]
        }
        Trick::SpaceSplit => {
            let (a, b) = chars.split_at(middle);
            vec![format!(
                "{} {}",
                a.iter().collect::<String>(),
                b.iter().collect::<String>()
            )]
        }
        Trick::FieldSplit => {
            let (a, b) = chars.split_at(middle);
            vec![a.iter().collect(), b.iter().collect()]
        }
        Trick::Leet => {
            let has_l = chars.iter().any(|c| c.eq_ignore_ascii_case(&'l'));
            let mut out = String::new();
            let mut changed = false;
            for &c in &chars {
                let swap = match c.to_ascii_lowercase() {
                    'a' => Some('4'),
                    'e' => Some('3'),
                    'o' => Some('0'),
                    's' => Some('5'),
                    't' => Some('7'),
                    'b' => Some('8'),
                    // One way of writing 1 per word: the reader cannot know which letter it was.
                    'i' if !has_l => Some('1'),
                    '0' => Some('O'),
                    '1' => Some('l'),
                    '2' => Some('Z'),
                    '5' => Some('S'),
                    '8' => Some('B'),
                    _ => None,
                };
                match swap {
                    Some(d) if !changed || rng.chance(50) => {
                        out.push(d);
                        changed = true;
                    }
                    _ => out.push(c),
                }
            }
            vec![out]
        }
        Trick::Escape => {
            let at = rng.below(chars.len());
            let code = chars[at] as u32;
            let escaped = match rng.below(3) {
                0 => format!("&#{code};"),
                1 => format!("&#x{code:x};"),
                // The web escapes a character as its UTF-8 bytes.
                _ => chars[at]
                    .encode_utf8(&mut [0; 4])
                    .bytes()
                    .map(|b| format!("%{b:02X}"))
                    .collect(),
            };
            let mut out: String = chars[..at].iter().collect();
            out.push_str(&escaped);
            out.extend(&chars[at + 1..]);
            vec![out]
        }
        Trick::Spelled => {
            const WORDS: [&[&str]; 10] = [
                &["nul", "Nul"],
                &["een", "één", "Eén"],
                &["twee"],
                &["drie"],
                &["vier"],
                &["vijf"],
                &["zes", "ZES"],
                &["zeven"],
                &["acht"],
                &["negen", "Negen"],
            ];
            // A name has no digits to spell: it is planted as it is.
            if !chars.iter().any(char::is_ascii_digit) {
                return vec![v.to_string()];
            }
            let separator = *rng.pick(&[" ", "-", ", ", " - "]);
            let words: Vec<String> = chars
                .iter()
                .map(|&c| match c.to_digit(10) {
                    Some(d) => rng.pick(WORDS[d as usize]).to_string(),
                    None => c.to_string(),
                })
                .collect();
            vec![words.join(separator)]
        }
    }
}

/// Plants the pieces into notes of one profile: one piece at the end of the financial note, a
/// second one at the start of the gender note (the next note in the file's sorted order).
fn plant(inp: &mut BundleInput, profile: usize, pieces: &[String]) {
    let notes = &mut inp.profiles[profile].profile.notes;
    notes.insert(
        ProfileCategory::FinancesDebts,
        format!("Heeft een budgetplan. Zie {}", pieces[0]),
    );
    if let Some(second) = pieces.get(1) {
        notes.insert(
            ProfileCategory::Gender,
            format!("{second} is de rest van de aantekening."),
        );
    }
}

/// Lowercase, Latin diacritics off, letters and digits only: enough for text that passed the
/// outgoing whitelist, and independent of `woonkans_core::text`.
fn simple_squash(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        let base = match c {
            'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'è'..='ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
            'ì'..='ï' | 'ı' | 'ī' => 'i',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò'..='ö' | 'ø' | 'ō' | 'ő' => 'o',
            'ù'..='ü' | 'ū' | 'ů' | 'ű' => 'u',
            'ş' | 'š' | 'ś' => 's',
            'ğ' => 'g',
            'ž' | 'ź' | 'ż' => 'z',
            'ý' | 'ÿ' => 'y',
            'ł' => 'l',
            _ => c,
        };
        if base.is_alphanumeric() {
            out.push(base);
        }
    }
    out
}

fn strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(m) => m.iter().for_each(|(k, x)| {
            out.push(k.clone());
            strings(x, out);
        }),
        _ => {}
    }
}

/// Notes with words that mix letters and digits, percentages and ampersands, none of them a
/// resident's value: read as letters or as digits, they still name nobody.
const ORDINARY: &[&str] = &[
    "een woning op de 3e verdieping met lift, A4-formaat plattegrond bijgevoegd",
    "2x per week begeleiding, 24/7 bereikbaar via de dienst",
    "taalniveau B1, wil graag een 3-kamerwoning",
    "50% van de huur gaat via de bewindvoerder, 100% zeker vóór de 1e van de maand",
    "Wmo 2015 en de zorg & welzijn van de wijk, een mp3-speler als hobby",
];

/// Whose value to plant: a resident in the bundle, another resident of the caseload, or a
/// contact person of a dossier in the bundle.
#[derive(Clone, Copy, Debug)]
enum Whose {
    InBundle,
    Caseload,
    Contact,
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn every_trick_is_refused_as_the_value_it_hides(
        seed in any::<u64>(),
        trick in 0..TRICKS.len(),
        what in prop_oneof![Just(What::Surname), Just(What::Bsn), Just(What::Phone)],
        whose in prop_oneof![Just(Whose::InBundle), Just(Whose::Caseload), Just(Whose::Contact)],
    ) {
        let trick = TRICKS[trick];
        let mut rng = Rng(seed);
        let n = 2 + rng.below(4);
        let mut inp = input(&mut rng, n);
        inp.caseload = (0..3).map(|_| known(&mut rng)).collect();

        // A bundle with nothing planted passes, and holds none of anyone's values.
        let clean = bundle::write_bundle(&inp);
        prop_assert!(clean.is_ok(), "{:?}", clean.err());
        let file: Value = serde_json::from_slice(&clean.unwrap().bytes).unwrap();
        let mut texts = Vec::new();
        strings(&file, &mut texts);
        let squashed: Vec<String> = texts.iter().map(|t| simple_squash(t)).collect();
        for k in inp.profiles.iter().map(|p| &p.known).chain(&inp.caseload) {
            let bsn = simple_squash(k.bsn.as_deref().unwrap());
            let (phone, _) = value(k, What::Phone);
            prop_assert!(!squashed.iter().any(|s| s.contains(&bsn) || s.contains(&phone[2..])));
        }

        // Ordinary notes with words of letters and digits, percentages and ampersands pass.
        let mut ordinary = inp.clone();
        plant(&mut ordinary, rng.below(n), &[ORDINARY[rng.below(ORDINARY.len())].to_string()]);
        let passed = bundle::write_bundle(&ordinary);
        prop_assert!(passed.is_ok(), "{:?}", passed.err());

        let target = rng.below(n);
        let (v, kind) = match whose {
            Whose::InBundle => value(&inp.profiles[rng.below(n)].known, what),
            Whose::Caseload => value(&inp.caseload[rng.below(3)], what),
            Whose::Contact => {
                let name = if what == What::Surname { "Pietersma" } else { "Vandermeulen" };
                inp.profiles[target].known.contact_names.push(name.to_string());
                (name.to_string(), "CONTACT_NAME")
            }
        };
        let kind = if matches!(whose, Whose::Contact) { "CONTACT_NAME" } else { kind };
        let pieces = disguise(&mut rng, &v, trick);
        plant(&mut inp, target, &pieces);
        match bundle::write_bundle(&inp) {
            Ok(_) => prop_assert!(false, "{trick:?} of a {what:?} ({whose:?}) passed the guard"),
            Err(WriteError::Invalid(e)) => prop_assert!(false, "{e}"),
            Err(WriteError::Leak(report)) => {
                let code = inp.profiles[target].code.to_string();
                prop_assert!(
                    report.findings.iter().any(|f| f.kind == kind && f.code == code),
                    "{trick:?} of a {what:?} ({whose:?}) not found as {kind}: {:?}",
                    report.findings.iter().map(|f| (&f.kind, &f.field)).collect::<Vec<_>>()
                );
                for f in &report.findings {
                    prop_assert!(!f.message.contains(&v), "a message repeats the value");
                }
            }
        }
    }
}
