//! Recall and false positives of the free-text scanner on an annotated corpus of Dutch
//! coordinator notes (tests/corpus/scanner.txt), plus property tests: no panic on any input,
//! well-formed findings, redaction that sticks, and no BSN without a passing 11-test.
//!
//! Run with `-- --nocapture` to see the table; docs/SCANNER.md quotes it.

// The table is the point of this test; printing it is deliberate.
#![allow(clippy::print_stdout)]

use proptest::prelude::*;
use std::collections::BTreeMap;
use woonkans_core::date::Date;
use woonkans_core::known::Known;
use woonkans_core::scan::{Finding, FindingKind, redact, scan};
use woonkans_core::validate::bsn_passes_11_test;

#[path = "common/markup.rs"]
mod markup;
#[path = "common/residents.rs"]
mod residents;
use residents::corpus_resident as resident;

const CORPUS: &str = include_str!("corpus/scanner.txt");

struct Sentence {
    batch: &'static str,
    text: String,
    expected: Vec<Finding>,
}

fn parse_line(batch: &'static str, line: &str) -> Sentence {
    let (text, expected) = markup::parse_markup(line);
    Sentence {
        batch,
        text,
        expected,
    }
}

fn corpus() -> Vec<Sentence> {
    let mut batch = "";
    let mut out = Vec::new();
    for line in CORPUS.lines().map(str::trim) {
        if let Some(name) = line.strip_prefix("#batch ") {
            batch = name.trim();
        } else if !line.is_empty() && !line.starts_with('#') {
            out.push(parse_line(batch, line));
        }
    }
    out
}

/// Every byte of `want` lies in some finding of the same kind.
fn covered(want: &Finding, found: &[Finding]) -> bool {
    (want.start..want.end).all(|b| {
        found
            .iter()
            .any(|f| f.kind == want.kind && f.start <= b && b < f.end)
    })
}

fn overlaps(a: &Finding, b: &Finding) -> bool {
    a.start < b.end && b.start < a.end
}

#[derive(Default)]
struct Tally {
    expected: usize,
    found: usize,
}

#[test]
fn corpus_recall_and_false_positives() {
    let known = resident();
    let sentences = corpus();
    let mut per_kind: BTreeMap<&'static str, (FindingKind, Tally)> = BTreeMap::new();
    for k in FindingKind::ALL {
        per_kind.insert(k.placeholder(), (k, Tally::default()));
    }
    let (mut clean, mut clean_fp, mut annotated, mut spurious) = (0usize, 0usize, 0usize, 0usize);
    // Per batch: expected, found, clean sentences, false positives.
    let mut batches: BTreeMap<&str, [usize; 4]> = BTreeMap::new();
    let mut misses: Vec<String> = Vec::new();
    let mut false_alarms: Vec<String> = Vec::new();

    for s in &sentences {
        let found = scan(&s.text, &known);
        let b = batches.entry(s.batch).or_default();
        if s.expected.is_empty() {
            clean += 1;
            clean_fp += found.len();
            b[2] += 1;
            b[3] += found.len();
            for f in &found {
                false_alarms.push(format!(
                    "{:?} «{}» in: {}",
                    f.kind,
                    &s.text[f.start..f.end],
                    s.text
                ));
            }
            continue;
        }
        annotated += 1;
        for want in &s.expected {
            let tally = &mut per_kind.get_mut(want.kind.placeholder()).unwrap().1;
            tally.expected += 1;
            b[0] += 1;
            if covered(want, &found) {
                tally.found += 1;
                b[1] += 1;
            } else {
                let got: Vec<String> = found
                    .iter()
                    .filter(|f| overlaps(f, want))
                    .map(|f| format!("{:?} «{}»", f.kind, &s.text[f.start..f.end]))
                    .collect();
                misses.push(format!(
                    "{:?} «{}» (got {:?}) in: {}",
                    want.kind,
                    &s.text[want.start..want.end],
                    got,
                    s.text
                ));
            }
        }
        for f in &found {
            if !s.expected.iter().any(|w| overlaps(w, f)) {
                spurious += 1;
                false_alarms.push(format!(
                    "{:?} «{}» in: {}",
                    f.kind,
                    &s.text[f.start..f.end],
                    s.text
                ));
            }
        }
    }

    println!(
        "\nScanner corpus: {} sentences ({annotated} annotated, {clean} clean)",
        sentences.len()
    );
    println!(
        "{:<16} {:>8} {:>6} {:>8}",
        "kind", "expected", "found", "recall"
    );
    let mut failures = Vec::new();
    for (kind, tally) in per_kind.values() {
        if tally.expected == 0 {
            continue;
        }
        let recall = 100.0 * tally.found as f64 / tally.expected as f64;
        println!(
            "{:<16} {:>8} {:>6} {:>7.1}%",
            format!("{kind:?}"),
            tally.expected,
            tally.found,
            recall
        );
        let target = match kind {
            FindingKind::Name
            | FindingKind::Bsn
            | FindingKind::Phone
            | FindingKind::Email
            | FindingKind::Postcode
            | FindingKind::Iban => 98.0,
            _ => 90.0,
        };
        if recall < target {
            failures.push(format!("{kind:?}: recall {recall:.1}% < {target}%"));
        }
    }
    let fp_per_50 = 50.0 * clean_fp as f64 / clean as f64;
    let spurious_per_50 = 50.0 * spurious as f64 / annotated as f64;
    println!("false positives in clean sentences: {clean_fp} in {clean} ({fp_per_50:.2} per 50)");
    println!(
        "unannotated findings in annotated sentences: {spurious} in {annotated} ({spurious_per_50:.2} per 50)"
    );
    for (name, [expected, found, clean, fp]) in &batches {
        println!(
            "batch {name}: recall {found}/{expected} ({:.1}%), false positives {fp} in {clean} clean",
            100.0 * *found as f64 / *expected as f64
        );
    }
    for m in &misses {
        println!("miss: {m}");
    }
    for f in &false_alarms {
        println!("false alarm: {f}");
    }
    if fp_per_50 > 1.0 {
        failures.push(format!(
            "{fp_per_50:.2} false positives per 50 clean sentences > 1"
        ));
    }
    if spurious_per_50 > 1.0 {
        failures.push(format!(
            "{spurious_per_50:.2} unannotated findings per 50 sentences > 1"
        ));
    }
    assert!(clean >= 60, "the corpus needs at least 60 clean sentences");
    assert!(
        sentences.len() >= 150,
        "the corpus needs at least 150 sentences"
    );
    assert!(failures.is_empty(), "targets missed: {failures:#?}");
}

const PUBLIC_TEST_BSNS: [&str; 14] = [
    "999994669",
    "999992740",
    "999990019",
    "999990925",
    "999993276",
    "999993252",
    "999991176",
    "999993136",
    "999993215",
    "999990317",
    "999994281",
    "999990743",
    "999993070",
    "999991334",
];

fn groupings(bsn: &str) -> [String; 4] {
    let b = bsn;
    [
        b.to_string(),
        format!("{}.{}.{}", &b[..4], &b[4..6], &b[6..]),
        format!("{} {} {}", &b[..3], &b[3..6], &b[6..]),
        format!("{} {} {} {}", &b[..2], &b[2..4], &b[4..6], &b[6..]),
    ]
}

#[test]
fn every_public_test_bsn_is_found_in_every_grouping() {
    let templates = [
        "BSN: {}.",
        "Het burgerservicenummer {} staat in de beschikking.",
        "Partner (bsn {}) woont in Venlo.",
        "{}",
    ];
    for bsn in PUBLIC_TEST_BSNS {
        for written in groupings(bsn) {
            for template in templates {
                let text = template.replace("{}", &written);
                let start = text.find(&written).unwrap();
                let found = scan(&text, &Known::default());
                let want = Finding {
                    kind: FindingKind::Bsn,
                    start,
                    end: start + written.len(),
                };
                assert_eq!(found, [want], "{text}");
            }
        }
    }
}

fn digits9(n: u32) -> [u8; 9] {
    let s = format!("{n:09}");
    let mut out = [0u8; 9];
    for (o, b) in out.iter_mut().zip(s.bytes()) {
        *o = b - b'0';
    }
    out
}

fn arbitrary_known() -> impl Strategy<Value = Known> {
    let s = || proptest::collection::vec(".{0,20}", 0..4);
    (
        s(),
        s(),
        proptest::option::of("[0-9 .]{0,12}"),
        s(),
        s(),
        s(),
        s(),
        s(),
    )
        .prop_map(
            |(
                name_parts,
                tussenvoegsels,
                bsn,
                street_addresses,
                postcodes,
                phones,
                emails,
                ibans,
            )| {
                Known {
                    name_parts,
                    tussenvoegsels,
                    bsn,
                    birth_date: Date::new(1998, 3, 12).ok(),
                    street_addresses,
                    postcodes,
                    phones,
                    emails,
                    ibans,
                    contact_names: Vec::new(),
                }
            },
        )
}

fn well_formed(text: &str, found: &[Finding]) -> Result<(), TestCaseError> {
    let mut prev_end = 0;
    for f in found {
        prop_assert!(f.start < f.end && f.end <= text.len());
        prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        prop_assert!(f.start >= prev_end, "sorted and not overlapping");
        prev_end = f.end;
    }
    Ok(())
}

/// Text assembled from pieces that look like notes, so the matchers are actually exercised.
fn noteish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Noël".to_string()),
        Just("van der Berg".to_string()),
        Just("zus".to_string()),
        Just("Dhr.".to_string()),
        Just("Kerkstraat".to_string()),
        Just("06-12345678".to_string()),
        Just("+31(0)6".to_string()),
        Just("NL91 ABNA".to_string()),
        Just("@".to_string()),
        Just("5911 AB".to_string()),
        Just("12 maart".to_string()),
        "[0-9]{1,10}",
        "[A-Za-zëöüÖ]{1,8}",
        "[ .,:;/()\\-\n€%'’+]{1,3}",
        ".{0,4}",
    ];
    proptest::collection::vec(piece, 0..30).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn never_panics_and_findings_are_well_formed(text in ".{0,300}", known in arbitrary_known()) {
        let found = scan(&text, &known);
        well_formed(&text, &found)?;
        let _ = redact(&text, &found);
    }

    #[test]
    fn note_like_text_is_handled(text in noteish(), known in arbitrary_known()) {
        let found = scan(&text, &known);
        well_formed(&text, &found)?;
        let again = scan(&text, &resident());
        well_formed(&text, &again)?;
    }

    #[test]
    fn redacted_text_holds_no_own_name(
        name in "[A-Z][a-z]{2,8}",
        before in "[a-z ,.]{0,20}",
        after in "[a-z ,.]{0,20}",
        upper in any::<bool>(),
    ) {
        // Tussenvoegsels are never searched on their own.
        prop_assume!(!["Van", "Der", "Den", "Het", "Ter", "Ten"].contains(&name.as_str()));
        let known = Known { name_parts: vec![name.clone()], ..Known::default() };
        let written = if upper { name.to_uppercase() } else { name.to_lowercase() };
        let text = format!("{before} {written} {after} {name}.");
        let found = scan(&text, &known);
        prop_assert!(found.iter().any(|f| f.kind == FindingKind::Name));
        let redacted = redact(&text, &found);
        let whole_word = redacted
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case(&name));
        prop_assert!(!whole_word, "{redacted}");
        prop_assert!(scan(&redacted, &known).iter().all(|f| f.kind != FindingKind::Name));
    }

    #[test]
    fn nine_digits_failing_the_11_test_are_no_bsn(n in 0u32..1_000_000_000, grouped in any::<bool>()) {
        prop_assume!(!bsn_passes_11_test(&digits9(n)));
        let s = format!("{n:09}");
        let written = if grouped { format!("{} {} {}", &s[..3], &s[3..6], &s[6..]) } else { s };
        let text = format!("Het nummer {written} staat op de brief.");
        let found = scan(&text, &Known::default());
        prop_assert!(found.iter().all(|f| f.kind != FindingKind::Bsn), "{text}");
    }

    #[test]
    fn nine_digits_passing_the_11_test_are_a_bsn(first8 in 0u32..100_000_000) {
        // The check digit that makes the 11-test pass; 10 means no BSN starts this way.
        let d = digits9(first8 * 10);
        let weighted: u32 = (0..8).map(|i| (9 - i as u32) * u32::from(d[i])).sum();
        let check = weighted % 11;
        prop_assume!(check <= 9 && first8 != 0);
        let n = first8 * 10 + check;
        prop_assert!(bsn_passes_11_test(&digits9(n)));
        let text = format!("Het nummer {n:09} staat op de brief.");
        let found = scan(&text, &Known::default());
        prop_assert!(found.iter().any(|f| f.kind == FindingKind::Bsn), "{text}");
    }
}
