//! The optimal totals on the seeded random matrices equal those SciPy's linear_sum_assignment
//! finds for the same matrices (figures from `scripts/bench_assign.py`, SciPy 1.17.1).

use woonkans_core::assign::{assign, random_score_matrix};

const SEED: u64 = 20_260_601;

#[test]
fn totals_match_scipy() {
    for (rows, cols, ineligible, eligible_pairs, scipy_total) in [
        (300, 3_000, 70, 270_415, 30_000),
        (300, 400, 70, 36_230, 29_808),
        (1_000, 1_000, 90, 100_232, 98_763),
    ] {
        let m = random_score_matrix(rows, cols, ineligible, SEED);
        assert_eq!(
            m.eligible_pairs(),
            eligible_pairs,
            "same matrix as the script"
        );
        let a = assign(&m);
        assert_eq!(a.total, scipy_total, "{rows} x {cols}");
        assert_eq!(a.pairs.len(), rows.min(cols));
    }
}
