//! The free-text scanner on about 1 MB of Dutch coordinator notes (see docs/SCANNER.md).
//!
//! The text repeats the sentences of the scanner corpus (markup stripped), with the numbers of
//! each copy varied so that the phone, BSN, postcode and date matchers do real work instead of
//! meeting the same few values, and the resident of the corpus as `Known`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use woonkans_core::date::Date;
use woonkans_core::known::Known;
use woonkans_core::scan::{redact, scan};

const CORPUS: &str = include_str!("../tests/corpus/scanner.txt");

fn strip_markup(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut in_tag = false;
    for c in line.chars() {
        match c {
            '{' => in_tag = true,
            ':' if in_tag => in_tag = false,
            '}' => {}
            _ if in_tag => {}
            _ => out.push(c),
        }
    }
    out
}

/// About `target` bytes of notes: corpus sentences in order, copy after copy, with every digit
/// of copy `n` shifted by `n` so that numbers differ between copies.
fn notes(target: usize) -> String {
    let sentences: Vec<String> = CORPUS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(strip_markup)
        .collect();
    let mut text = String::with_capacity(target + 4096);
    let mut copy: u32 = 0;
    while text.len() < target {
        for (i, s) in sentences.iter().enumerate() {
            let shift = (copy + i as u32) % 10;
            text.extend(s.chars().map(|c| match c.to_digit(10) {
                // Keep leading zeros of phone numbers: only shift non-zero digits.
                Some(d) if d != 0 => char::from_digit((d + shift - 1) % 9 + 1, 10).unwrap_or(c),
                _ => c,
            }));
            text.push(if i % 7 == 6 { '\n' } else { ' ' });
        }
        copy += 1;
    }
    text
}

fn resident() -> Known {
    Known {
        name_parts: [
            "Noël",
            "Maria",
            "Berg-Öztürk",
            "Berg",
            "Öztürk",
            "van der Berg-Öztürk",
        ]
        .map(String::from)
        .to_vec(),
        tussenvoegsels: vec!["van der".into()],
        bsn: Some("999994669".into()),
        birth_date: Date::new(1998, 3, 12).ok(),
        street_addresses: vec!["Kerkstraat 12 a".into(), "Kerkstraat 12".into()],
        postcodes: vec!["5911 AB".into()],
        phones: vec!["06-12345678".into(), "+31612345678".into()],
        emails: vec!["noel.vdberg@example.nl".into()],
        ibans: vec!["NL91ABNA0417164300".into()],
        contact_names: Vec::new(),
    }
}

fn bench_scan(c: &mut Criterion) {
    let text = notes(1 << 20);
    let known = resident();
    let findings = scan(&text, &known);
    eprintln!(
        "scanner bench: {} bytes, {} findings",
        text.len(),
        findings.len()
    );
    let mut g = c.benchmark_group("scanner");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("scan_1mb_notes", |b| {
        b.iter(|| scan(black_box(&text), black_box(&known)))
    });
    g.bench_function("redact_1mb_notes", |b| {
        b.iter(|| redact(black_box(&text), black_box(&findings)))
    });
    g.finish();
}

criterion_group!(benches, bench_scan);
criterion_main!(benches);
