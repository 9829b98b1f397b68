#!/usr/bin/env bash
# LSA against gensim's TfidfModel + LsiModel on the same documents (1,000-token chunks of the
# corpus), the same vocabulary (min-count 5) and dimension (300), in alternating rounds (the order
# swaps every round). Whole-process wall times and peak RSS; then the top 10 singular values of
# both (wordvec's are the column lengths of U·Σ, its --eig 1 output) and both files scored.
# Usage: bench/lsa.sh [CORPUS] [ROUNDS]
source "$(dirname "$0")/common.sh"
prepare_corpus "${1:-$ROOT/../shared/corpora/corpus-en-100M.zst}"
ROUNDS="${2:-2}"
EVAL="${EVAL:-$ROOT/../shared/evalsets}"
# gensim's TfidfModel defaults: raw tf, idf log2(N/df) (log base cancels in the document normalisation).
SETTINGS=(--doc-size 1000 --dim 300 --tf raw --idf plain --doc-norm l2 --min-count 5 --threads 2 --quiet)
gensim() { timed gensim_lsa python3 "$ROOT/bench/lsa_gensim.py" "$CORPUS_TXT" "$OUT/gensim_lsa.vec" --doc-size 1000 --dim 300 > "$OUT/gensim_lsa.sv"; }
ours() { timed wordvec_lsa "$WORDVEC" train --method lsa "$CORPUS_TXT" "${SETTINGS[@]}" -o "$OUT/wordvec_lsa.vec"; }
echo "| round | gensim TfidfModel+LsiModel s | wordvec lsa s | ratio | gensim peak MiB | wordvec peak MiB | load before |"
echo "|---|---:|---:|---:|---:|---:|---|"
for r in $(seq "$ROUNDS"); do
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  if [ $((r % 2)) = 1 ]; then gensim; ours; else ours; gensim; fi
  echo "| $r | $(wall_of gensim_lsa) | $(wall_of wordvec_lsa) | $(ratio "$(wall_of gensim_lsa)" "$(wall_of wordvec_lsa)")x | $(rss_mib_of gensim_lsa) | $(rss_mib_of wordvec_lsa) | $load |"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$OUT/wordvec_lsa.vec" "$OUT/gensim_lsa.sv" <<'PY'
import sys
import numpy as np
with open(sys.argv[1]) as f:
    n, d = map(int, f.readline().split())
    m = np.loadtxt(f, usecols=range(1, d + 1), dtype=np.float64, comments=None, quotechar=None)
ours = np.sqrt((m * m).sum(axis=0))[:10]
theirs = np.array([float(x) for x in open(sys.argv[2]).read().split()])
print("| σ | gensim | wordvec | relative difference |")
print("|---|---:|---:|---:|")
for j, (g, w) in enumerate(zip(theirs, ours)):
    print(f"| {j + 1} | {g:.5f} | {w:.5f} | {abs(w / g - 1):.2e} |")
print(f"largest relative difference of the top 10: {np.max(np.abs(ours / theirs - 1)):.2e}")
PY
if [ -e "$EVAL/questions-words.txt" ]; then
  "$WORDVEC" compare "$OUT/gensim_lsa.vec" "$OUT/wordvec_lsa.vec" --name "gensim LsiModel" --name "wordvec lsa" \
    --analogy "$EVAL/questions-words.txt" --similarity "$EVAL/wordsim353.tsv" --quiet
fi
