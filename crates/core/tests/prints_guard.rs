//! Identifier prints (PARTIES.md): a vault that holds only the prints of a resident refuses the
//! resident's values in its notes and in its outgoing files, in every notation the plain guard
//! knows, and refuses nothing in the clean sentences of the scanner corpora.

#[path = "bundle_fixtures.rs"]
mod fixtures;
#[path = "common/markup.rs"]
mod markup;
#[path = "common/residents.rs"]
mod residents;

use fixtures::{Rng, planted_value};
use proptest::prelude::*;
use woonkans_core::code;
use woonkans_core::known::Known;
use woonkans_core::leakguard;
use woonkans_core::prints::IdentifierPrints;
use woonkans_core::profile::{ProfileCategory, ProfileDraft};
use woonkans_core::workspace::note_findings_with_prints;

const CORPORA: [&str; 3] = [
    include_str!("corpus/scanner.txt"),
    include_str!("corpus/peer-tuning.txt"),
    include_str!("corpus/peer-holdout.txt"),
];

/// The sentences of a corpus without any marked finding.
fn clean_sentences(corpus: &str) -> Vec<String> {
    corpus
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(markup::parse_markup)
        .filter(|(_, expected)| expected.is_empty())
        .map(|(text, _)| text)
        .collect()
}

fn salt(rng: &mut Rng) -> [u8; 32] {
    let mut s = [0u8; 32];
    for chunk in s.chunks_mut(8) {
        chunk.copy_from_slice(&rng.next_u64().to_le_bytes());
    }
    s
}

/// A bundle of one profile whose social-network note is `note`, as the writer lays it out.
fn bundle_with_note(note: &str) -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({
        "format": "woonkans-bundel",
        "profiles": [{"code": "WK-W68Q9-NRZH0-6", "profile": {
            "notes": {"socialNetwork": note},
            "searchArea": ["Venlo"]
        }}]
    }))
    .unwrap()
}

fn guard_kinds(bytes: &[u8], prints: &IdentifierPrints) -> Vec<String> {
    let code = code::parse("WK-W68Q9-NRZH0-6").unwrap();
    // The sender holds no value of this resident: an empty `Known`, only the prints.
    let nothing = Known::default();
    match leakguard::guard_with_prints(bytes, &[(code, &nothing)], &[], &[prints]) {
        Ok(()) => Vec::new(),
        Err(report) => report.findings.into_iter().map(|f| f.kind).collect(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Planted in a note in any notation, a value is refused by the note check and by the guard
    /// of a vault that holds only the prints, and the refusal names the planted kind.
    #[test]
    fn planted_identifiers_are_refused_by_prints_alone(seed in any::<u64>()) {
        let mut rng = Rng(seed);
        let known = fixtures::known(&mut rng);
        let prints = IdentifierPrints::new(&known, salt(&mut rng));
        let (value, kind) = planted_value(&mut rng, &known);
        let note = format!("Afspraak met {value} over de verhuizing.");

        let kinds = guard_kinds(&bundle_with_note(&note), &prints);
        prop_assert!(kinds.iter().any(|k| k == kind), "{kind} not among {kinds:?}");

        let mut draft = ProfileDraft::default();
        let cat = *rng.pick(&ProfileCategory::ALL);
        draft.assessments.entry(cat).or_default().note = note.clone();
        let found = note_findings_with_prints(&draft, &Known::default(), Some(&prints));
        prop_assert!(!found.is_empty(), "the note check found nothing");
        // Each finding points into the note on character boundaries.
        for f in &found {
            prop_assert!(note.is_char_boundary(f.finding.start) && note.is_char_boundary(f.finding.end));
        }
    }

    /// Another resident's prints never refuse this resident's values: a hit is about the one
    /// resident whose prints they are.
    #[test]
    fn prints_of_one_resident_do_not_hit_another(seed in any::<u64>()) {
        let mut rng = Rng(seed);
        let one = fixtures::known(&mut rng);
        let other = fixtures::known(&mut rng);
        let prints = IdentifierPrints::new(&one, salt(&mut rng));
        let (value, kind) = planted_value(&mut rng, &other);
        // Two residents on one street: "Kerkstraat 9" is inside "Kerkstraat 99", and the guard
        // searches squashed text, so that is refused on purpose.
        let street = |k: &Known| k.street_addresses[0].split(' ').next().map(str::to_string);
        prop_assume!(kind != "ADDRESS" || street(&one) != street(&other));
        // As typed, and as the guard also reads it ("An0uk" is "Anouk", "&#97;" is "a").
        let shared_word = |v: &str| {
            use woonkans_core::text::{escapes_decoded, fold, mixed_readings};
            let decoded = escapes_decoded(v).unwrap_or_else(|| v.to_string());
            let mut readings = mixed_readings(&decoded);
            readings.push(fold(&decoded));
            one.name_parts.iter().any(|p| {
                fold(p).split(' ').any(|w| readings.iter().any(|r| r.contains(w)))
            })
        };
        // Random names repeat across residents; those collisions are right to refuse.
        prop_assume!(!shared_word(&value));
        let kinds = guard_kinds(&bundle_with_note(&format!("Afspraak met {value}.")), &prints);
        // The scanner's own findings (any date, any BSN-shaped number) are not the prints'.
        let from_prints: Vec<&String> = kinds.iter().filter(|k| !k.starts_with("SCAN_")).collect();
        prop_assert!(from_prints.is_empty(), "{value:?} gave {kinds:?}");
    }
}

/// No clean sentence of any corpus is refused by the prints of the residents the corpora are
/// written about; and no number or date in them is refused by the prints of 200 random
/// residents (whose surnames may be Dutch words: "ter Haar" is rightly refused in "haar broer",
/// as the plain guard refuses it).
#[test]
fn no_clean_sentence_is_refused() {
    let mut rng = Rng(20261207);
    let own: Vec<IdentifierPrints> = [residents::corpus_resident(), residents::peer_resident()]
        .iter()
        .map(|k| IdentifierPrints::new(k, salt(&mut rng)))
        .collect();
    let random: Vec<IdentifierPrints> = (0..200)
        .map(|_| IdentifierPrints::new(&fixtures::known(&mut rng), salt(&mut rng)))
        .collect();
    let mut checked = 0;
    for corpus in CORPORA {
        for sentence in clean_sentences(corpus) {
            for p in &own {
                let hits = p.find(&sentence);
                assert!(hits.is_empty(), "{sentence:?}: {hits:?}");
            }
            for p in &random {
                let hits: Vec<_> = p
                    .find(&sentence)
                    .into_iter()
                    .filter(|h| h.kind != woonkans_core::prints::PrintKind::Name)
                    .collect();
                assert!(hits.is_empty(), "{sentence:?}: {hits:?}");
            }
            checked += 1;
        }
    }
    assert!(checked >= 100, "only {checked} clean sentences");
}

/// The corpus resident's marked names, numbers and addresses are found by the prints alone, as the
/// plain scanner finds them with the values in hand.
#[test]
fn the_corpus_residents_own_values_are_found() {
    let prints = IdentifierPrints::new(&residents::corpus_resident(), [3; 32]);
    use woonkans_core::scan::FindingKind as F;
    let mut expected = 0;
    let mut found = 0;
    for line in CORPORA[0].lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (text, marks) = markup::parse_markup(line);
        let hits = prints.find(&text);
        for m in marks.iter().filter(|m| {
            matches!(
                m.kind,
                F::Name | F::Bsn | F::Phone | F::Postcode | F::Iban | F::Email
            )
        }) {
            // Marked values of the corpus resident; the corpus also marks other people's
            // numbers, which no print can know.
            let squash = woonkans_core::text::squash;
            let marked = squash(&text[m.start..m.end]);
            let resident = residents::corpus_resident();
            let values: Vec<String> = match m.kind {
                F::Name => vec![marked.clone()],
                F::Phone => resident
                    .phones
                    .iter()
                    .map(|p| squash(p)[squash(p).len() - 8..].to_string())
                    .collect(),
                _ => resident
                    .bsn
                    .iter()
                    .chain(&resident.postcodes)
                    .chain(&resident.emails)
                    .chain(&resident.ibans)
                    .map(|v| squash(v))
                    .collect(),
            };
            let own = values.iter().any(|v| marked.contains(v.as_str()));
            if !own {
                continue;
            }
            expected += 1;
            if hits
                .iter()
                .any(|h| h.kind.finding_kind() == m.kind && h.start < m.end && m.start < h.end)
            {
                found += 1;
            }
        }
    }
    assert!(expected >= 20, "only {expected} marked values");
    assert_eq!(
        found, expected,
        "prints found {found} of {expected} marked own values"
    );
}
