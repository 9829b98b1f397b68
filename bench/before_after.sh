#!/usr/bin/env bash
# Before/after timing of two wordvec builds in ABBA order (so drift of the host hits both alike):
# sgns (5 epochs) twice over, then glove (3 epochs), on the shared corpus.
# Usage: WORDVEC_BEFORE=path/to/older/wordvec bench/before_after.sh [CORPUS]
source "$(dirname "$0")/common.sh"
prepare_corpus "${1:-$ROOT/../shared/corpora/corpus-en-100M.zst}"
OLD="${WORDVEC_BEFORE:?set WORDVEC_BEFORE to the older build}"; NEW="$WORDVEC"
S=(--dim 100 --window 5 --negative 5 --sample 1e-4 --min-count 5 --epochs 5 --threads 2 --quiet)
G=(--min-count 5 --window 10 --dim 100 --x-max 100 --epochs 3 --threads 2 --quiet)
run() { local name="$1"; shift; timed "$name" "$@" -o "$OUT/before_after.vec" 2>/dev/null; echo "$name $(wall_of "$name") s, load $(cut -d' ' -f1 /proc/loadavg)"; }
for r in 1 2; do for b in OLD NEW NEW OLD; do run "sgns_$b" "${!b}" train --method sgns "$CORPUS_TXT" "${S[@]}"; done; done
for b in OLD NEW NEW OLD; do run "glove_$b" "${!b}" train --method glove "$CORPUS_TXT" "${G[@]}"; done
