#!/usr/bin/env bash
# CBOW against gensim CBOW in alternating rounds (the order swaps every round, so neither side always
# runs on a warmer or colder host), whole-process wall times, settings of ../shared/BENCHMARKS.md.
# Usage: bench/cbow_rounds.sh [CORPUS] [ROUNDS]
source "$(dirname "$0")/common.sh"
prepare_corpus "${1:-$ROOT/../shared/corpora/corpus-en-100M.zst}"
ROUNDS="${2:-3}"
SETTINGS=(--dim 100 --window 5 --negative 5 --sample 1e-4 --min-count 5 --epochs 5 --threads 2 --quiet)
gensim() { timed gensim_cbow python3 "$ROOT/bench/job_gensim.py" 0 "$OUT/gensim_cbow.vec" "$CORPUS_TXT" >/dev/null; }
ours() { timed wordvec_cbow "$WORDVEC" train --method cbow "$CORPUS_TXT" "${SETTINGS[@]}" -o "$OUT/wordvec_cbow.vec"; }
echo "| round | gensim CBOW s | wordvec cbow s | ratio | load before |"
echo "|---|---:|---:|---:|---|"
for r in $(seq "$ROUNDS"); do
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  if [ $((r % 2)) = 1 ]; then gensim; ours; else ours; gensim; fi
  echo "| $r | $(wall_of gensim_cbow) | $(wall_of wordvec_cbow) | $(ratio "$(wall_of gensim_cbow)" "$(wall_of wordvec_cbow)")x | $load |"
done
