//! The leak guard over 10,000 random dossiers: every planted identifying value is refused, at the
//! field it was planted in; every accepted bundle holds none of its dossiers' values in any
//! normalised form (checked by an independent, simpler search).

#[path = "bundle_fixtures.rs"]
mod fixtures;

use fixtures::{Rng, input, mobile8, planted_value};
use proptest::prelude::*;
use serde_json::Value;
use woonkans_core::bundle::{self, WriteError};
use woonkans_core::code;
use woonkans_core::known::Known;
use woonkans_core::leakguard;
use woonkans_core::profile::{ProfileCategory, category_key};
use woonkans_core::text::{fold, squash};

const DOSSIERS: usize = 10_000;
const PER_BUNDLE: usize = 20;

fn name_words(k: &Known) -> Vec<String> {
    let tv = ["van", "der", "den", "ter", "het"];
    let mut out = Vec::new();
    for part in &k.name_parts {
        for w in fold(part).split(|c: char| !c.is_alphanumeric()) {
            if w.chars().count() >= 3 && !tv.contains(&w) {
                out.push(w.to_string());
            }
        }
    }
    out
}

/// Plants `value` into a free-text field of `profile`; returns the field's path below `profile`.
fn plant(rng: &mut Rng, p: &mut woonkans_core::profile::PlacementProfile, value: &str) -> String {
    let sentence = format!("Afspraak met {value} over de verhuizing.");
    match rng.below(4) {
        0 | 1 => {
            let cat = *rng.pick(&ProfileCategory::ALL);
            p.notes.insert(cat, sentence);
            format!("notes.{}", category_key(cat))
        }
        2 => {
            p.excluded_neighbourhoods.push(sentence);
            format!(
                "excludedNeighbourhoods[{}]",
                p.excluded_neighbourhoods.len() - 1
            )
        }
        _ => match &mut p.relapse_plan {
            Some(plan) => {
                plan.signals = sentence;
                "relapsePlan.signals".into()
            }
            None => {
                p.search_area.push(sentence);
                format!("searchArea[{}]", p.search_area.len() - 1)
            }
        },
    }
}

/// Every string, key and number of a file with its path, squashed and folded once.
struct Texts(Vec<(String, String, String)>);

impl Texts {
    fn of(bytes: &[u8]) -> Texts {
        let v: Value = serde_json::from_slice(bytes).unwrap();
        let mut raw = Vec::new();
        collect(&v, "", &mut raw);
        Texts(
            raw.into_iter()
                .map(|(p, t)| (p, squash(&t), fold(&t)))
                .collect(),
        )
    }
}

/// The independent check: a plain search of every string, key and number of the file.
fn contains_identifying_value(texts: &Texts, k: &Known) -> Option<&'static str> {
    let mut needles: Vec<(String, &'static str)> = Vec::new();
    needles.push((squash(k.bsn.as_deref().unwrap()), "BSN"));
    needles.push((format!("6{}", mobile8(k)), "PHONE"));
    needles.push((squash(&k.postcodes[0]), "POSTCODE"));
    needles.push((squash(&k.emails[0]), "EMAIL"));
    needles.push((squash(&k.ibans[0]), "IBAN"));
    needles.push((squash(&k.street_addresses[0]), "ADDRESS"));
    for f in k.birth_date.unwrap().written_forms() {
        needles.push((squash(&f), "BIRTH_DATE"));
    }
    let names = name_words(k);
    for (path, sq, folded) in &texts.0 {
        if let Some((_, kind)) = needles.iter().find(|(n, _)| sq.contains(n.as_str())) {
            return Some(kind);
        }
        // Enum values and the structured search area are vocabulary, not names.
        let vocabulary = path.ends_with(".gender")
            || path.ends_with(".livingSituation")
            || path.contains("searchArea");
        if !vocabulary
            && folded
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| names.iter().any(|n| n == w))
        {
            return Some("NAME");
        }
    }
    None
}

fn collect(v: &Value, path: &str, out: &mut Vec<(String, String)>) {
    match v {
        Value::String(s) => out.push((path.to_string(), s.clone())),
        Value::Number(n) => out.push((path.to_string(), n.to_string())),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| collect(x, &format!("{path}[{i}]"), out)),
        Value::Object(m) => {
            for (key, x) in m {
                let child = format!("{path}.{key}");
                out.push((child.clone(), key.clone()));
                collect(x, &child, out);
            }
        }
        _ => {}
    }
}

#[test]
fn ten_thousand_dossiers_planted_values_refused_accepted_bundles_clean() {
    let mut rng = Rng(0x5EED_2026);
    let (mut planted_total, mut refused_bundles, mut accepted_bundles) = (0usize, 0usize, 0usize);
    let mut kinds_seen = std::collections::BTreeSet::new();
    for bundle_no in 0..DOSSIERS / PER_BUNDLE {
        let mut inp = input(&mut rng, PER_BUNDLE);
        // (profile code, field below `profile`, kind, the fictitious value) of every planted value.
        let mut planted: Vec<(String, String, &'static str, String)> = Vec::new();
        if rng.chance(60) {
            for i in 0..PER_BUNDLE {
                if !rng.chance(15) {
                    continue;
                }
                // Mostly the resident's own value, sometimes another resident's in the bundle.
                let source = if rng.chance(80) {
                    i
                } else {
                    rng.below(PER_BUNDLE)
                };
                let (value, kind) = planted_value(&mut rng, &inp.profiles[source].known.clone());
                let field = plant(&mut rng, &mut inp.profiles[i].profile, &value);
                planted.push((inp.profiles[i].code.to_string(), field, kind, value));
                kinds_seen.insert(kind);
            }
        }
        planted_total += planted.len();
        match bundle::write_bundle(&inp) {
            Ok(w) => {
                assert!(
                    planted.is_empty(),
                    "bundle {bundle_no}: planted values were accepted: {planted:?}"
                );
                accepted_bundles += 1;
                let texts = Texts::of(&w.bytes);
                for p in &inp.profiles {
                    assert_eq!(
                        contains_identifying_value(&texts, &p.known),
                        None,
                        "bundle {bundle_no}: an accepted bundle holds an identifying value"
                    );
                }
            }
            Err(WriteError::Leak(report)) => {
                assert!(
                    !planted.is_empty(),
                    "bundle {bundle_no}: refused without a planted value: {report:?}"
                );
                refused_bundles += 1;
                for (code, field, kind, value) in &planted {
                    assert!(
                        report
                            .findings
                            .iter()
                            .any(|f| &f.code == code
                                && f.field.ends_with(&format!("].profile.{field}"))),
                        "bundle {bundle_no}: planted {kind} ({value}) at {code} {field} not reported: {report:?}"
                    );
                }
                for f in &report.findings {
                    assert!(!f.message.is_empty() && f.message.contains(&f.code));
                }
            }
            Err(WriteError::Invalid(e)) => panic!("bundle {bundle_no}: {e}"),
        }
    }
    assert!(planted_total > 500, "{planted_total}");
    assert!(
        refused_bundles > 100 && accepted_bundles > 100,
        "{refused_bundles} / {accepted_bundles}"
    );
    assert_eq!(kinds_seen.len(), 8, "{kinds_seen:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Arbitrary text in a note never panics the guard, and a note that is exactly a dossier's
    /// BSN is always refused.
    #[test]
    fn guard_is_total_and_refuses_the_bare_bsn(note in "\\PC{0,200}", seed in any::<u64>()) {
        let mut rng = Rng(seed);
        let mut inp = input(&mut rng, 2);
        inp.profiles[0].profile.notes.insert(ProfileCategory::Mobility, note);
        let _ = bundle::write_bundle(&inp);
        let bsn = inp.profiles[1].known.bsn.clone().unwrap();
        inp.profiles[1].profile.notes.insert(ProfileCategory::Mobility, bsn);
        prop_assert!(matches!(bundle::write_bundle(&inp), Err(WriteError::Leak(_))));
        let code = code::parse("WK-W68Q9-NRZH0-6").unwrap();
        let _ = leakguard::guard(b"\xff\xfe", &[(code, &inp.profiles[0].known)], &[]);
    }
}
