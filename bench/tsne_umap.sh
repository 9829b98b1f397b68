#!/usr/bin/env bash
# wordvec plot (t-SNE, UMAP) against openTSNE, scikit-learn's TSNE and umap-learn, in alternating
# rounds (the order swaps every round), 2 threads each, on the top words of one vector file.
#   t-SNE 2,000 x 100: openTSNE defaults (Barnes-Hut below 10,000 points), sklearn Barnes-Hut
#   t-SNE 20,000 x 100: openTSNE negative_gradient_method='fft'
#   UMAP 5,000 x 100: umap-learn cold (whole process: import, numba JIT, fit) and warm (2nd fit)
# wordvec is timed as a whole process (loading, the map, the SVG and the coordinates file);
# peers' fit times come from inside python, their whole-process times from /usr/bin/time.
# Trustworthiness (sklearn, k = 10) is computed in python on the coordinates each side wrote.
# Needs: pip install openTSNE umap-learn scikit-learn.
# Usage: bench/tsne_umap.sh VECS [ROUNDS]   (VECS: a .vec file with >= 20,000 words, e.g. sgns --dim 100)
source "$(dirname "$0")/common.sh"
VECS="$1"
ROUNDS="${2:-3}"
PEERS="python3 $ROOT/bench/tsne_umap_peers.py"
export OPENBLAS_NUM_THREADS=2 NUMBA_NUM_THREADS=2 OMP_NUM_THREADS=2
for n in 2000 5000 20000; do
  { echo "$n $(head -1 "$VECS" | cut -d' ' -f2)"; sed -n "2,$((n + 1))p" "$VECS"; } > "$OUT/top$n.vec"
done
ours() { # NAME N METHOD [flags...]
  local name="$1" n="$2" method="$3"; shift 3
  timed "$name" "$WORDVEC" plot "$OUT/top$n.vec" --top "$n" --method "$method" --threads 2 \
    -o "$OUT/$name.svg" --coords "$OUT/$name.txt" "$@"
}
peer() { # NAME N PEER -> fit seconds in $OUT/NAME.fit
  local name="$1" n="$2" which="$3"
  timed "$name" $PEERS fit "$which" "$OUT/top$n.vec" "$OUT/$name.txt" | cut -d' ' -f2 > "$OUT/$name.fit"
}
trust() { $PEERS trust "$OUT/top$1.vec" "$OUT/$2.txt"; }
fit_of() { cat "$OUT/$1.fit"; }
row() { # LABEL N OURS PEER -> one table row (peer fit s, peer whole s, wordvec whole s, ratios, trustworthiness)
  local label="$1" n="$2" a="$3" b="$4"
  echo "| $r | $label | $(fit_of "$b") | $(wall_of "$b") | $(wall_of "$a") | $(ratio "$(fit_of "$b")" "$(wall_of "$a")")x | $(ratio "$(wall_of "$b")" "$(wall_of "$a")")x | $(trust "$n" "$b") | $(trust "$n" "$a") | $(rss_mib_of "$b") / $(rss_mib_of "$a") | $load |"
}
echo "| round | task | peer fit s | peer process s | wordvec process s | fit / wordvec | process / wordvec | peer T(10) | wordvec T(10) | peak RSS MiB peer / wordvec | load before |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|"
for r in $(seq "$ROUNDS"); do
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  if [ $((r % 2)) = 1 ]; then
    peer otsne2k 2000 opentsne; ours wtsne2k 2000 tsne; peer sktsne2k 2000 sklearn
    peer otsne20k 20000 opentsne-fft; ours wtsne20k 20000 tsne
    peer umapcold 5000 umap; ours wumap5k 5000 umap; peer umapwarm 5000 umap-warm
  else
    ours wtsne2k 2000 tsne; peer otsne2k 2000 opentsne; peer sktsne2k 2000 sklearn
    ours wtsne20k 20000 tsne; peer otsne20k 20000 opentsne-fft
    ours wumap5k 5000 umap; peer umapcold 5000 umap; peer umapwarm 5000 umap-warm
  fi
  row "t-SNE 2,000 vs openTSNE (BH)" 2000 wtsne2k otsne2k
  row "t-SNE 2,000 vs sklearn (BH)" 2000 wtsne2k sktsne2k
  row "t-SNE 20,000 vs openTSNE (FFT)" 20000 wtsne20k otsne20k
  row "UMAP 5,000 vs umap-learn cold" 5000 wumap5k umapcold
  row "UMAP 5,000 vs umap-learn warm" 5000 wumap5k umapwarm
done
