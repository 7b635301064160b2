#!/usr/bin/env bash
# Runs every fuzz target of woonkans-core, one after the other, each for a set time.
#
#   crates/fuzz/run.sh [seconds] [target ...]
#
# seconds defaults to 600 (the hardening issue's minimum per target); without targets all are
# run. One target at a time on purpose: each libFuzzer run uses one core. Needs the nightly
# toolchain and cargo-fuzz (`cargo install cargo-fuzz`). The growing corpus is kept in
# crates/fuzz/corpus/<target> (not committed), crashes in crates/fuzz/artifacts/<target>, the
# full libFuzzer output in crates/fuzz/logs/<target>.log. Prints one summary line per target and
# exits non-zero when any target failed.
set -u
cd "$(dirname "$0")/../.."

seconds="${1:-600}"
shift || true
if [ "$#" -gt 0 ]; then
    targets=("$@")
else
    targets=(verify_bundle verify_bundle_resealed import_csv scan import_file import_json workspace code_parse
        import_key rent_limits date_parse validate vault_file envelope key_card reply transfer prints)
fi

mkdir -p crates/fuzz/logs
if ! cargo +nightly fuzz build --fuzz-dir crates/fuzz >crates/fuzz/logs/build.log 2>&1; then
    tail -n 30 crates/fuzz/logs/build.log
    exit 1
fi

status=0
printf '%-24s %8s %12s %9s  %s\n' target seconds executions exec/s result
for t in "${targets[@]}"; do
    mkdir -p "crates/fuzz/corpus/$t"
    log="crates/fuzz/logs/$t.log"
    cargo +nightly fuzz run --fuzz-dir crates/fuzz "$t" \
        "crates/fuzz/corpus/$t" "crates/fuzz/seeds/$t" -- \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 >"$log" 2>&1
    rc=$?
    # libFuzzer ends a clean run with "Done N runs in S second(s)".
    done_line=$(grep -E '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -n 1)
    if [ "$rc" -eq 0 ] && [ -n "$done_line" ]; then
        runs=$(echo "$done_line" | awk '{print $2}')
        secs=$(echo "$done_line" | awk '{print $5}')
        rate=$((runs / (secs > 0 ? secs : 1)))
        printf '%-24s %8s %12s %9s  %s\n' "$t" "$secs" "$runs" "$rate" "ok"
    else
        status=1
        artifact=$(grep -oE '[^ ]*artifacts/[^ ]+' "$log" | tail -n 1)
        printf '%-24s %8s %12s %9s  %s\n' "$t" - - - "FAILED (exit $rc) ${artifact:-see $log}"
    fi
done
exit "$status"
