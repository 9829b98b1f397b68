#!/usr/bin/env bash
# word2vec against gensim in one run: SGNS and CBOW, same settings as ../shared/BENCHMARKS.md
# (2 threads, dim 100, window 5, negative 5, sample 1e-4, min-count 5, 5 epochs), whole-process
# wall time and peak RSS, then analogy/WS-353 for every file scored by gensim.
# WORDVEC_BEFORE=path/to/older/wordvec also times an older build in the same run.
# Usage: bench/word2vec.sh [CORPUS] [EVALDIR]
source "$(dirname "$0")/common.sh"
prepare_corpus "${1:-$ROOT/../shared/corpora/corpus-en-100M.zst}"
EVAL="${2:-$ROOT/../shared/evalsets}"
SETTINGS=(--dim 100 --window 5 --negative 5 --sample 1e-4 --min-count 5 --epochs 5 --threads 2 --quiet)

echo "load before: $(uptime)" >&2
timed gensim_sgns python3 "$ROOT/bench/job_gensim.py" 1 "$OUT/gensim_sgns.vec" "$CORPUS_TXT"
timed wordvec_sgns "$WORDVEC" train --method sgns "$CORPUS_TXT" "${SETTINGS[@]}" -o "$OUT/wordvec_sgns.vec"
[ -n "${WORDVEC_BEFORE:-}" ] && timed wordvec_before_sgns "$WORDVEC_BEFORE" train --method sgns "$CORPUS_TXT" "${SETTINGS[@]}" -o "$OUT/wordvec_before_sgns.vec"
timed gensim_cbow python3 "$ROOT/bench/job_gensim.py" 0 "$OUT/gensim_cbow.vec" "$CORPUS_TXT"
timed wordvec_cbow "$WORDVEC" train --method cbow "$CORPUS_TXT" "${SETTINGS[@]}" -o "$OUT/wordvec_cbow.vec"
[ -n "${WORDVEC_BEFORE:-}" ] && timed wordvec_before_cbow "$WORDVEC_BEFORE" train --method cbow "$CORPUS_TXT" "${SETTINGS[@]}" -o "$OUT/wordvec_before_cbow.vec"
echo "load after: $(uptime)" >&2

echo "| job | wall s | speed vs gensim (same method) | peak RSS MiB |"
echo "|---|---:|---:|---:|"
for m in sgns cbow; do
  echo "| gensim $m | $(wall_of gensim_$m) | 1.00 | $(rss_mib_of gensim_$m) |"
  echo "| wordvec $m | $(wall_of wordvec_$m) | $(ratio "$(wall_of gensim_$m)" "$(wall_of wordvec_$m)")x | $(rss_mib_of wordvec_$m) |"
  [ -n "${WORDVEC_BEFORE:-}" ] && echo "| wordvec $m, before | $(wall_of wordvec_before_$m) | $(ratio "$(wall_of gensim_$m)" "$(wall_of wordvec_before_$m)")x | $(rss_mib_of wordvec_before_$m) |"
done
FILES=("$OUT/gensim_sgns.vec" "$OUT/wordvec_sgns.vec" "$OUT/gensim_cbow.vec" "$OUT/wordvec_cbow.vec")
[ -n "${WORDVEC_BEFORE:-}" ] && FILES+=("$OUT/wordvec_before_sgns.vec" "$OUT/wordvec_before_cbow.vec")
python3 "$ROOT/bench/eval_gensim.py" "$EVAL/questions-words.txt" "$EVAL/wordsim353.tsv" "${FILES[@]}"
