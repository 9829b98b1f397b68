#!/usr/bin/env bash
# Loading a 55k x 300 .vec and answering one nearest-neighbour query: `wordvec neighbors` against
# gensim's KeyedVectors.load_word2vec_format + most_similar, in one run. Both are timed as whole
# processes (start-up included); gensim's own load and query seconds are printed as well.
# Bar: wordvec at least as fast (ratio gensim / wordvec >= 1). Also checks both give the same top 10.
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

echo "vectors: $VECS ($(head -1 "$VECS")), query '$QUERY'; $(nproc) cores; load before: $(uptime | sed 's/.*load/load/')"
cat "$VECS" > /dev/null
for i in $(seq 1 "$REPS"); do
  timed "gensim_neighbors_$i" python3 "$OUT/gensim_neighbors.py" "$VECS" "$QUERY" > "$OUT/gensim_neighbors.out" 2> "$OUT/gensim_neighbors.err"
  timed "wordvec_neighbors_$i" "$WORDVEC" neighbors "$VECS" "$QUERY" -k 10 > "$OUT/wordvec_neighbors.out" 2>/dev/null
  cat "$OUT/gensim_neighbors.err" | grep '^gensim:'
done
echo "load after: $(uptime | sed 's/.*load/load/')"

best() { for i in $(seq 1 "$REPS"); do wall_of "$1_$i"; done | sort -g | head -1; }
peak() { for i in $(seq 1 "$REPS"); do rss_mib_of "$1_$i"; done | sort -g | tail -1; }
all() { for i in $(seq 1 "$REPS"); do wall_of "$1_$i"; done | tr '\n' ' '; }
G=$(best gensim_neighbors); W=$(best wordvec_neighbors)
echo "| tool | wall s (best of $REPS) | all runs | peak RSS MiB |"
echo "|---|---:|---|---:|"
echo "| gensim load_word2vec_format + most_similar | $G | $(all gensim_neighbors) | $(peak gensim_neighbors) |"
echo "| wordvec neighbors | $W | $(all wordvec_neighbors) | $(peak wordvec_neighbors) |"
echo
STATUS=0
if diff -q <(grep '^  ' "$OUT/wordvec_neighbors.out" | awk '{print $1}') "$OUT/gensim_neighbors.out" > /dev/null; then
  echo "top 10: identical"
else echo "top 10: DIFFER"; STATUS=1; fi
R=$(ratio "$G" "$W")
if python3 -c "import sys; sys.exit(0 if $R >= 1.0 else 1)"; then echo "speed: gensim / wordvec = ${R}x (bar >= 1x): met"
else echo "speed: gensim / wordvec = ${R}x (bar >= 1x): NOT met"; STATUS=1; fi
exit $STATUS
