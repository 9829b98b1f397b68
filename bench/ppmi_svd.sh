#!/usr/bin/env bash
# PPMI-SVD against the same pipeline in numpy + scipy.sparse + sklearn's randomized_svd
# (bench/ppmi_svd_reference.py), alternating reference and wordvec for PPMI_ROUNDS rounds
# (default 2) in this one script, with the same settings: min-count 5, window 2, cds 0.75,
# dim 300, eig 0.5, rank 300 + 10 oversamples, 5 LU-normalised power iterations, 2 threads.
# Quality (Google analogy, WordSim-353) is measured with gensim (bench/eval_gensim.py) on the
# files of the first round. Then the peak memory of ppmi, hal and hal --reduce svd.
# Usage: bench/ppmi_svd.sh [CORPUS] [EVALDIR]    (WORDVEC=path/to/wordvec to pick a build)
source "$(dirname "$0")/common.sh"
prepare_corpus "${1:-$ROOT/../shared/corpora/corpus-en-100M.zst}"
EVAL="${2:-$ROOT/../shared/evalsets}"
ROUNDS="${PPMI_ROUNDS:-2}"
SETTINGS=(--min-count 5 --window 2 --cds 0.75 --dim 300 --eig 0.5)
export OPENBLAS_NUM_THREADS=2

for r in $(seq 1 "$ROUNDS"); do
  echo "round $r, load before the reference: $(uptime | sed 's/.*load/load/')" >&2
  timed "ppmi_ref_$r" python3 "$ROOT/bench/ppmi_svd_reference.py" "$CORPUS_TXT" "$OUT/ppmi_ref_$r.bin" \
    "${SETTINGS[@]}" --oversamples 10 --n-iter 5
  echo "round $r, load before wordvec: $(uptime | sed 's/.*load/load/')" >&2
  timed "ppmi_wordvec_$r" "$WORDVEC" train --method ppmi-svd "$CORPUS_TXT" "${SETTINGS[@]}" \
    --oversampling 10 --power-iterations 5 --threads 2 -o "$OUT/ppmi_wordvec_$r.bin"
done
echo "load after the timed runs: $(uptime | sed 's/.*load/load/')" >&2

for m in ppmi hal; do
  timed "mem_$m" "$WORDVEC" train --method "$m" "$CORPUS_TXT" --min-count 5 --threads 2 -o "$OUT/mem_$m.out" --format "$([ $m = ppmi ] && echo sparse || echo vec)"
done
timed mem_hal_svd "$WORDVEC" train --method hal --reduce svd "$CORPUS_TXT" --min-count 5 --threads 2 -o "$OUT/mem_hal_svd.vec"

echo
echo "| round | reference s | wordvec s | speed-up | reference peak MiB | wordvec peak MiB |"
echo "|---|---:|---:|---:|---:|---:|"
REF_SUM=0; WV_SUM=0
for r in $(seq 1 "$ROUNDS"); do
  A=$(wall_of "ppmi_ref_$r"); B=$(wall_of "ppmi_wordvec_$r")
  REF_SUM=$(python3 -c "print($REF_SUM + $A)"); WV_SUM=$(python3 -c "print($WV_SUM + $B)")
  echo "| $r | $A | $B | $(ratio "$A" "$B")x | $(rss_mib_of "ppmi_ref_$r") | $(rss_mib_of "ppmi_wordvec_$r") |"
done
echo "| all | $REF_SUM | $WV_SUM | $(ratio "$REF_SUM" "$WV_SUM")x | | |"
echo
echo "| count method (shared corpus, defaults, 2 threads) | wall s | peak RSS MiB |"
echo "|---|---:|---:|"
for m in ppmi hal hal_svd; do echo "| $m | $(wall_of "mem_$m") | $(rss_mib_of "mem_$m") |"; done
echo
python3 "$ROOT/bench/eval_gensim.py" "$EVAL/questions-words.txt" "$EVAL/wordsim353.tsv" "$OUT/ppmi_ref_1.bin" "$OUT/ppmi_wordvec_1.bin"
