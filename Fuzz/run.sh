#!/usr/bin/env bash
# Runs every fuzz target (or those named) for FUZZ_SECONDS each, one at a time and in-process (one
# worker: no -jobs/-workers), starting from its replay corpus Tests/FuzzCorpus/<target>; new
# interesting inputs go to Fuzz/.build-fuzz/work/<target>
# (`make fuzz-merge` minimises them into the replay corpus). Crashes, timeouts and OOMs are written
# to Fuzz/findings/ and make the exit status 1. Prints executions, coverage and corpus size per target.
set -u
cd "$(dirname "$0")/.."
BIN=${FUZZ_BIN:-Fuzz/.build-fuzz/debug/wordvec-fuzz}
SECONDS_EACH=${FUZZ_SECONDS:-60}
TARGETS=${*:-$(WORDVEC_FUZZ_TARGET=list "$BIN" 2>&1 | sed -n 's/.*one of: //p')}
WORK=Fuzz/.build-fuzz/work
# A trap goes straight to libFuzzer's deadly-signal handler (the Swift backtracer's reads trip ASan).
export SWIFT_BACKTRACE=enable=no
mkdir -p "$WORK" Fuzz/findings
failed=0
printf '%-15s %8s %10s %8s %8s %9s  %s\n' target seconds executions exec/s cov corpus result
for t in $TARGETS; do
    mkdir -p "$WORK/$t"
    log="$WORK/$t.log"
    # Inputs up to 4 KiB (the seeds are smaller); 10 s per input is a hang; 2 GiB RSS (and any
    # single malloc over it) is an out-of-memory finding.
    WORDVEC_FUZZ_TARGET=$t "$BIN" "$WORK/$t" "Tests/FuzzCorpus/$t" \
        -max_total_time="$SECONDS_EACH" -max_len=4096 -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="Fuzz/findings/$t-" >"$log" 2>&1
    status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
    corp=$(grep -o 'corp: [0-9]*/[0-9]*[a-zA-Z]*' "$log" | tail -1 | cut -d' ' -f2)
    result=ok
    if [ $status -ne 0 ]; then
        result="FINDING (exit $status): $(grep -m1 -o 'ERROR: .*\|fuzz target .*\|Fatal error.*' "$log" | head -1) -- see $log"
        failed=1
    fi
    printf '%-15s %8s %10s %8s %8s %9s  %s\n' "$t" "$SECONDS_EACH" "${runs:-?}" "${speed:-?}" "${cov:-?}" "${corp:-?}" "$result"
done
exit $failed
