//! Matching, caseload assignment and offer import (see BENCHMARKS.md for the figures).
//!
//! (a) one profile against 100,000 dwellings with full results and explanations;
//! (b) 300 profiles × 3,000 dwellings: score matrix plus optimal assignment, and the assignment
//!     alone on the seeded random 300 × 3,000 matrix with 70% of the pairs ineligible (the same
//!     matrix `scripts/bench_assign.py` hands to SciPy);
//! (c) import of a 10,000-row dwellings CSV.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;
use woonkans_core::assign::{assign, random_score_matrix};
use woonkans_core::date::Date;
use woonkans_core::import::{export_dwellings_csv, import_csv};
use woonkans_core::matching::{Weights, match_profile, score_matrix};
use woonkans_core::sample::{synthetic_offer, synthetic_profiles};

/// Seed of the random assignment matrix; scripts/bench_assign.py uses the same.
pub const MATRIX_SEED: u64 = 20_260_601;

fn reference() -> Date {
    Date::new(2026, 9, 1).unwrap_or_else(|_| Date::from_days_since_epoch(20_697))
}

fn bench_match_one(c: &mut Criterion) {
    let offer = synthetic_offer(100_000, 1);
    // A profile with three gemeenten and an excluded neighbourhood, the usual shape.
    let profile = synthetic_profiles(200, 2)
        .into_iter()
        .find(|p| p.search_area.len() == 3 && !p.excluded_neighbourhoods.is_empty())
        .unwrap_or_else(|| synthetic_profiles(1, 2).remove(0));
    let w = Weights::default();
    let r = match_profile(&profile, &offer, &w, reference()).unwrap();
    eprintln!(
        "(a) 1 profile × 100,000 dwellings: {} eligible, {} knocked out",
        r.eligible.len(),
        r.knocked_out.len()
    );
    let mut g = c.benchmark_group("a_match_one_profile");
    g.sample_size(30).measurement_time(Duration::from_secs(8));
    g.bench_function("100k_dwellings_full_results", |b| {
        b.iter(|| match_profile(black_box(&profile), black_box(&offer), &w, reference()))
    });
    g.finish();
}

fn bench_caseload(c: &mut Criterion) {
    let offer = synthetic_offer(3_000, 3);
    let profiles = synthetic_profiles(300, 4);
    let w = Weights::default();
    let m = score_matrix(&profiles, &offer, &w, reference()).unwrap();
    let a = assign(&m);
    eprintln!(
        "(b) caseload 300 × 3,000: {} eligible pairs, {} placed, total {}",
        m.eligible_pairs(),
        a.pairs.len(),
        a.total
    );
    let random = random_score_matrix(300, 3_000, 70, MATRIX_SEED);
    let ra = assign(&random);
    eprintln!(
        "(b) random 300 × 3,000 (70% ineligible, seed {MATRIX_SEED}): {} eligible pairs, {} placed, optimal total {}",
        random.eligible_pairs(),
        ra.pairs.len(),
        ra.total
    );
    let mut g = c.benchmark_group("b_caseload");
    g.sample_size(20).measurement_time(Duration::from_secs(8));
    g.bench_function("score_matrix_300x3000", |b| {
        b.iter(|| score_matrix(black_box(&profiles), black_box(&offer), &w, reference()))
    });
    g.bench_function("score_matrix_plus_assignment_300x3000", |b| {
        b.iter(|| {
            let m = score_matrix(black_box(&profiles), black_box(&offer), &w, reference());
            m.map(|m| assign(&m))
        })
    });
    g.bench_function("assignment_only_random_300x3000", |b| {
        b.iter(|| assign(black_box(&random)))
    });
    g.finish();
}

fn bench_import(c: &mut Criterion) {
    let csv = export_dwellings_csv(&synthetic_offer(10_000, 5));
    let r = import_csv(&csv).unwrap();
    eprintln!(
        "(c) import: {} bytes, {} rows accepted, {} errors",
        csv.len(),
        r.accepted_rows,
        r.errors.len()
    );
    let mut g = c.benchmark_group("c_import");
    g.sample_size(20).measurement_time(Duration::from_secs(8));
    g.bench_function("csv_10000_rows", |b| b.iter(|| import_csv(black_box(&csv))));
    g.finish();
}

criterion_group!(benches, bench_match_one, bench_caseload, bench_import);
criterion_main!(benches);
