#!/usr/bin/env bash
# Adds to Tests/FuzzCorpus/<target> the inputs of Fuzz/.build-fuzz/work/<target> that reach new
# coverage (libFuzzer's -merge=1 keeps the fewest, smallest inputs that do), then empties the work
# directory. Run after `make fuzz`; commit the new files (they are replayed by the test suite).
set -eu
export SWIFT_BACKTRACE=enable=no
cd "$(dirname "$0")/.."
BIN=${FUZZ_BIN:-Fuzz/.build-fuzz/debug/wordvec-fuzz}
TARGETS=${*:-$(WORDVEC_FUZZ_TARGET=list "$BIN" 2>&1 | sed -n 's/.*one of: //p')}
for t in $TARGETS; do
    work=Fuzz/.build-fuzz/work/$t
    [ -d "$work" ] || continue
    before=$(ls "Tests/FuzzCorpus/$t" | wc -l)
    WORDVEC_FUZZ_TARGET=$t "$BIN" -merge=1 -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
        "Tests/FuzzCorpus/$t" "$work" >"Fuzz/.build-fuzz/work/$t.merge.log" 2>&1
    rm -rf "$work"
    echo "$t: $before -> $(ls "Tests/FuzzCorpus/$t" | wc -l) inputs"
done
