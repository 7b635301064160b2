//! The assignment is checked against exhaustive search on many small random instances.

use woonkans_core::assign::{
    UnassignedReason, assign, assign_prioritised, random_score_matrix, splitmix64,
};
use woonkans_core::matching::ScoreMatrix;

/// Best (total value, placed) over every valid assignment, by exhaustive search; a pair's value
/// is its score plus its profile's priority (none when `priority` is empty).
fn brute_force(m: &ScoreMatrix, priority: &[u32]) -> (u64, usize) {
    fn go(
        m: &ScoreMatrix,
        priority: &[u32],
        row: usize,
        used: &mut Vec<bool>,
        total: u64,
        placed: usize,
        best: &mut (u64, usize),
    ) {
        if row == m.profiles {
            if (total, placed) > *best {
                *best = (total, placed);
            }
            return;
        }
        go(m, priority, row + 1, used, total, placed, best);
        let bonus = u64::from(priority.get(row).copied().unwrap_or(0));
        for (j, s) in m.row(row) {
            if !used[j] {
                used[j] = true;
                let value = total + u64::from(s) + bonus;
                go(m, priority, row + 1, used, value, placed + 1, best);
                used[j] = false;
            }
        }
    }
    let mut best = (0, 0);
    go(
        m,
        priority,
        0,
        &mut vec![false; m.dwellings],
        0,
        0,
        &mut best,
    );
    best
}

/// Checks the assignment's validity and returns its (total value, placed).
fn check_valid(m: &ScoreMatrix, priority: &[u32]) -> (u64, usize) {
    let a = assign_prioritised(m, priority);
    if priority.is_empty() {
        assert_eq!(a, assign(m));
    }
    let mut used_rows = vec![false; m.profiles];
    let mut used_cols = vec![false; m.dwellings];
    let mut total = 0u64;
    let mut value = 0u64;
    for p in &a.pairs {
        assert_eq!(
            m.get(p.profile, p.dwelling),
            Some(p.score),
            "only eligible pairs"
        );
        assert!(
            !used_rows[p.profile] && !used_cols[p.dwelling],
            "each at most once"
        );
        used_rows[p.profile] = true;
        used_cols[p.dwelling] = true;
        total += u64::from(p.score);
        value += u64::from(p.score) + u64::from(priority.get(p.profile).copied().unwrap_or(0));
    }
    assert_eq!(total, a.total);
    assert_eq!(value, a.weighted_total);
    for u in &a.unassigned {
        assert!(!used_rows[u.profile]);
        used_rows[u.profile] = true;
        let has = m.row(u.profile).next().is_some();
        assert_eq!(u.reason == UnassignedReason::Outcompeted, has);
    }
    assert!(
        used_rows.iter().all(|x| *x),
        "every profile is either placed or listed"
    );
    assert!(a.pairs.windows(2).all(|w| w[0].profile < w[1].profile));
    (a.weighted_total, a.pairs.len())
}

/// A random matrix of fewer than `max_rows` × `max_cols`: any density from all-ineligible to
/// all-eligible, and few distinct scores, so many ties (the hard case for tie handling).
fn small_random_matrix(
    next: &mut impl FnMut() -> u64,
    max_rows: u64,
    max_cols: u64,
) -> ScoreMatrix {
    let rows = (next() % max_rows) as usize;
    let cols = (next() % max_cols) as usize;
    let density = next() % 101;
    let distinct = 1 + next() % 101;
    let mut m = ScoreMatrix::new(rows, cols);
    for i in 0..rows {
        for j in 0..cols {
            if next() % 100 < density {
                m.set(i, j, Some((next() % distinct) as u32));
            }
        }
    }
    m
}

#[test]
fn optimal_on_600_random_small_instances() {
    let mut k = 0u64;
    let mut next = || {
        k += 1;
        splitmix64(0x5EED, k)
    };
    for case in 0..600 {
        // Up to 5 profiles and 6 dwellings, so more profiles than dwellings occurs.
        let m = small_random_matrix(&mut next, 6, 7);
        let (rows, cols) = (m.profiles, m.dwellings);
        let ours = check_valid(&m, &[]);
        assert_eq!(ours, brute_force(&m, &[]), "case {case}: {rows}x{cols}");
        // Deterministic: the same input gives the same output.
        assert_eq!(assign(&m), assign(&m));
    }
}

#[test]
fn all_ineligible_leaves_everyone_unassigned() {
    let m = ScoreMatrix::new(4, 5);
    let a = assign(&m);
    assert!(a.pairs.is_empty());
    assert_eq!(a.total, 0);
    assert_eq!(a.unassigned.len(), 4);
}

#[test]
fn more_profiles_than_dwellings() {
    let mut m = ScoreMatrix::new(5, 2);
    for i in 0..5 {
        m.set(i, 0, Some(10 + i as u32));
        m.set(i, 1, Some(50 - i as u32));
    }
    let a = assign(&m);
    // Best: profile 0 takes dwelling 1 (50), profile 4 takes dwelling 0 (14).
    assert_eq!(a.total, 64);
    assert_eq!(a.pairs.len(), 2);
    assert_eq!(a.unassigned.len(), 3);
}

#[test]
fn larger_random_instance_is_valid_and_beats_greedy() {
    let m = random_score_matrix(60, 200, 70, 7);
    let (total, _) = check_valid(&m, &[]);
    // Greedy by row order is a lower bound on the optimum.
    let mut used = vec![false; m.dwellings];
    let mut greedy = 0u64;
    for i in 0..m.profiles {
        if let Some((j, s)) = m
            .row(i)
            .filter(|(j, _)| !used[*j])
            .max_by_key(|(j, s)| (*s, std::cmp::Reverse(*j)))
        {
            used[j] = true;
            greedy += u64::from(s);
        }
    }
    assert!(total >= greedy);
}

#[test]
fn optimal_with_priority_on_600_random_small_instances() {
    let mut k = 0u64;
    let mut next = || {
        k += 1;
        splitmix64(0x9A10, k)
    };
    for case in 0..600 {
        let m = small_random_matrix(&mut next, 6, 6);
        let (rows, cols) = (m.profiles, m.dwellings);
        // Priorities up to the allowed maximum, with many ties; sometimes fewer than the rows
        // (the missing ones count as 0).
        let n = (next() % (rows as u64 + 1)) as usize;
        let priority: Vec<u32> = (0..n).map(|_| (next() % 4 * 33) as u32).collect();
        let ours = check_valid(&m, &priority);
        assert_eq!(
            ours,
            brute_force(&m, &priority),
            "case {case}: {rows}x{cols} {priority:?}"
        );
        assert_eq!(
            assign_prioritised(&m, &priority),
            assign_prioritised(&m, &priority)
        );
    }
}

#[test]
fn priority_gives_the_scarce_dwelling_to_the_prioritised_profile() {
    // One dwelling; profile 0 fits it better (70 against 60), profile 1 is young and has waited.
    let mut m = ScoreMatrix::new(2, 1);
    m.set(0, 0, Some(70));
    m.set(1, 0, Some(60));
    assert_eq!(assign(&m).pairs[0].profile, 0);
    let a = assign_prioritised(&m, &[0, 11]);
    assert_eq!((a.pairs[0].profile, a.total, a.weighted_total), (1, 60, 71));
    // Ten points only equal a ten-point difference in fit: a tie, both totals are 70.
    let a = assign_prioritised(&m, &[0, 10]);
    assert_eq!(a.weighted_total, 70);
    // Priority never makes an ineligible pair eligible.
    let mut m = ScoreMatrix::new(2, 1);
    m.set(0, 0, Some(5));
    let a = assign_prioritised(&m, &[0, 100]);
    assert_eq!(a.pairs[0].profile, 0);
    assert_eq!(a.unassigned[0].reason, UnassignedReason::NoEligibleDwelling);
}
