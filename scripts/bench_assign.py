#!/usr/bin/env python3
"""Cross-check and time the caseload assignment against SciPy's linear_sum_assignment.

Builds the same seeded random score matrix as woonkans_core::assign::random_score_matrix
(splitmix64 over a counter; pair k, row-major and 0-based, draws x = splitmix64(seed, k + 1);
ineligible when x % 100 < ineligible_percent, else score (x >> 32) % 101), turns it into the
same min-cost problem as crates/core/src/assign.rs (one "stay unassigned" column per profile,
costs (101 - s) * K - 1 and 101 * K with K = profiles + 1, ineligible pairs forbidden) and solves
it with SciPy. Prints the time and the optimal total score.

Usage (SciPy and NumPy from PyPI, in a throw-away virtual environment):

    python3 -m venv /tmp/venv-bench
    /tmp/venv-bench/bin/pip install -r scripts/requirements-bench.txt
    /tmp/venv-bench/bin/python scripts/bench_assign.py [--rows 300] [--cols 3000]
"""

import argparse
import time

import numpy as np
from scipy.optimize import linear_sum_assignment

GOLDEN = np.uint64(0x9E3779B97F4A7C15)
MASK = (1 << 64) - 1
SEED = 20_260_601  # the same seed as the Rust benchmarks


def splitmix64(seed: int, k: np.ndarray) -> np.ndarray:
    """Output number k (1-based) of the splitmix64 stream that starts at seed (wrapping u64)."""
    with np.errstate(over="ignore"):
        z = np.uint64(seed) + k.astype(np.uint64) * GOLDEN
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def random_score_matrix(rows: int, cols: int, ineligible_percent: int, seed: int):
    """Scores as int64 with -1 for ineligible pairs."""
    k = np.arange(1, rows * cols + 1, dtype=np.uint64)
    x = splitmix64(seed, k)
    eligible = (x % np.uint64(100)) >= np.uint64(ineligible_percent)
    scores = ((x >> np.uint64(32)) % np.uint64(101)).astype(np.int64)
    scores[~eligible] = -1
    return scores.reshape(rows, cols)


def solve(scores: np.ndarray):
    rows, cols = scores.shape
    k = rows + 1
    cost = np.full((rows, cols + rows), np.inf)
    eligible = scores >= 0
    real = cost[:, :cols]
    real[eligible] = (101 - scores[eligible]) * k - 1
    cost[np.arange(rows), cols + np.arange(rows)] = 101 * k
    start = time.perf_counter()
    r, c = linear_sum_assignment(cost)
    elapsed = time.perf_counter() - start
    placed = c < cols
    total = int(scores[r[placed], c[placed]].sum())
    return total, int(placed.sum()), elapsed


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=300)
    ap.add_argument("--cols", type=int, default=3000)
    ap.add_argument("--ineligible", type=int, default=70)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()

    # Self-check against the published splitmix64 reference values (seed 0).
    ref = splitmix64(0, np.arange(1, 4, dtype=np.uint64))
    assert [int(v) for v in ref] == [0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F]

    start = time.perf_counter()
    scores = random_score_matrix(args.rows, args.cols, args.ineligible, args.seed)
    built = time.perf_counter() - start
    times = []
    for _ in range(args.repeat):
        total, placed, elapsed = solve(scores)
        times.append(elapsed)
    times.sort()
    print(
        f"matrix {args.rows} x {args.cols}, {args.ineligible}% ineligible, seed {args.seed}: "
        f"{int((scores >= 0).sum())} eligible pairs (generated in {built * 1000:.1f} ms)"
    )
    print(
        f"scipy {__import__('scipy').__version__} linear_sum_assignment: "
        f"min {times[0] * 1000:.1f} ms, median {times[len(times) // 2] * 1000:.1f} ms; "
        f"placed {placed}, optimal total {total}"
    )


if __name__ == "__main__":
    main()
