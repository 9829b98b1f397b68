#!/usr/bin/env bash
# Loading a 55k x 300 .vec, and the same file gzipped (.vec.gz, as fastText publishes), and
# answering one nearest-neighbour query: `wordvec neighbors` against gensim's
# KeyedVectors.load_word2vec_format + most_similar on the same file, in one run. Both are timed as
# whole processes (start-up included); gensim's own load and query seconds are printed as well.
# Bars: wordvec at least as fast on each (ratio gensim / wordvec >= 1); both give the same top 10.
# The vectors: $VECS, else /tmp/eval300.vec when it exists, else random values for the shared
# corpus vocabulary (55,161 words at min-count 5), written once by gensim's own writer.
# Usage: bench/neighbors.sh [CORPUS] [EVALDIR]
source "$(dirname "$0")/common.sh"
REPS="${REPS:-3}"
[ -x "$WORDVEC" ] || { echo "bench: $WORDVEC not built (make build)" >&2; exit 1; }
VECS="${VECS:-/tmp/eval300.vec}"
if [ ! -s "$VECS" ]; then
  VECS="$OUT/random300.vec"
  if [ ! -s "$VECS" ]; then
    prepare_corpus "${1:-$ROOT/../shared/corpora/corpus-en-100M.zst}"
    "$WORDVEC" vocab "$CORPUS_TXT" --min-count 5 --quiet -o "$OUT/vocab.txt" > /dev/null
    python3 - "$OUT/vocab.txt" "$VECS" <<'PY'
import sys, numpy as np
from gensim.models import KeyedVectors
words = [line.split(" ")[0] for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
rng = np.random.default_rng(1)
kv = KeyedVectors(300)
kv.add_vectors(words, (rng.standard_normal((len(words), 300)) * 0.1).astype(np.float32))
kv.save_word2vec_format(sys.argv[2], binary=False)
PY
  fi
fi
# The query: $QUERY, else "king" when present, else the most frequent word.
if [ -z "${QUERY:-}" ]; then
  if grep -q '^king ' "$VECS"; then QUERY=king; else QUERY=$(sed -n '2p' "$VECS" | cut -d' ' -f1); fi
fi

cat > "$OUT/gensim_neighbors.py" <<'PY'
import sys, time
t0 = time.time()
from gensim.models import KeyedVectors
t1 = time.time()
kv = KeyedVectors.load_word2vec_format(sys.argv[1], binary=False)
t2 = time.time()
hits = kv.most_similar(sys.argv[2], topn=10)
t3 = time.time()
for w, s in hits: print(w)
print(f"gensim: import {t1-t0:.2f} s, load {t2-t1:.2f} s, most_similar {t3-t2:.3f} s", file=sys.stderr)
PY

gzip -c "$VECS" > "$OUT/vecs.vec.gz"
echo "vectors: $VECS ($(head -1 "$VECS")), query '$QUERY'; $(nproc) cores; load before: $(uptime | sed 's/.*load/load/')"
cat "$VECS" "$OUT/vecs.vec.gz" > /dev/null

# run_pair TAG FILE: REPS alternating runs of gensim and wordvec on FILE.
run_pair() {
  for i in $(seq 1 "$REPS"); do
    timed "gensim_$1_$i" python3 "$OUT/gensim_neighbors.py" "$2" "$QUERY" > "$OUT/gensim_$1.out" 2> "$OUT/gensim_$1.err"
    timed "wordvec_$1_$i" "$WORDVEC" neighbors "$2" "$QUERY" -k 10 > "$OUT/wordvec_$1.out" 2>/dev/null
    grep '^gensim:' "$OUT/gensim_$1.err"
  done
}
run_pair vec "$VECS"
run_pair gz "$OUT/vecs.vec.gz"
echo "load after: $(uptime | sed 's/.*load/load/')"

best() { for i in $(seq 1 "$REPS"); do wall_of "$1_$i"; done | sort -g | head -1; }
peak() { for i in $(seq 1 "$REPS"); do rss_mib_of "$1_$i"; done | sort -g | tail -1; }
all() { for i in $(seq 1 "$REPS"); do wall_of "$1_$i"; done | tr '\n' ' '; }
echo "| input | tool | wall s (best of $REPS) | all runs | peak RSS MiB |"
echo "|---|---|---:|---|---:|"
for tag in vec gz; do
  echo "| .$tag | gensim load_word2vec_format + most_similar | $(best gensim_$tag) | $(all gensim_$tag) | $(peak gensim_$tag) |"
  echo "| .$tag | wordvec neighbors | $(best wordvec_$tag) | $(all wordvec_$tag) | $(peak wordvec_$tag) |"
done
echo
STATUS=0
for tag in vec gz; do
  if diff -q <(grep '^  ' "$OUT/wordvec_$tag.out" | awk '{print $1}') "$OUT/gensim_$tag.out" > /dev/null; then
    echo "top 10 (.$tag): identical"
  else echo "top 10 (.$tag): DIFFER"; STATUS=1; fi
  R=$(ratio "$(best gensim_$tag)" "$(best wordvec_$tag)")
  if python3 -c "import sys; sys.exit(0 if $R >= 1.0 else 1)"; then echo "speed (.$tag): gensim / wordvec = ${R}x (bar >= 1x): met"
  else echo "speed (.$tag): gensim / wordvec = ${R}x (bar >= 1x): NOT met"; STATUS=1; fi
done
exit $STATUS
