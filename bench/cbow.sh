#!/usr/bin/env bash
# CBOW speed in one run: an older wordvec binary, this checkout's binary and gensim CBOW, one after
# another, same settings as ../shared/BENCHMARKS.md (2 threads, dim 100, window 5, negative 5,
# sample 1e-4, min-count 5, 5 epochs). Prints whole-process wall times with the load average before
# each job, the ratios to gensim, and analogy (Google, restrict 30000, case-insensitive, 3CosAdd)
# and WordSim-353 Spearman of all three files, scored by `wordvec analogy` / `wordvec similarity`.
# Usage: bench/cbow.sh [CORPUS] [EVALDIR]    (env: OLD=path of the older binary, REPEAT=n runs of each)
source "$(dirname "$0")/common.sh"
prepare_corpus "${1:-$ROOT/../shared/corpora/corpus-en-100M.zst}"
EVAL="${2:-$ROOT/../shared/evalsets}"
OLD="${OLD:-$ROOT/../wordvec-old}"
REPEAT="${REPEAT:-1}"
SETTINGS=(--dim 100 --window 5 --negative 5 --sample 1e-4 --min-count 5 --epochs 5 --threads 2 --quiet)

load() { cut -d' ' -f1-3 /proc/loadavg; }
declare -A WALLS LOADS
job() {   # job NAME CMD...: times CMD, remembers its wall time and the load before it
  local name="$1"; shift
  local l; l="$(load)"
  timed "$name" "$@"
  WALLS[$name]+="$(wall_of "$name") "
  LOADS[$name]+="[$l] "
}
for r in $(seq "$REPEAT"); do
  job old "$OLD" train --method cbow "$CORPUS_TXT" "${SETTINGS[@]}" -o "$OUT/cbow_old.vec"
  job new "$WORDVEC" train --method cbow "$CORPUS_TXT" "${SETTINGS[@]}" -o "$OUT/cbow_new.vec"
  job gensim python3 "$ROOT/bench/job_gensim.py" 0 "$OUT/cbow_gensim.vec" "$CORPUS_TXT"
done

best() { tr ' ' '\n' <<<"$1" | grep . | sort -g | head -1; }
echo "| job | wall s (each run) | best | gensim / job (best) | load avg before each run |"
echo "|---|---|---:|---:|---|"
G="$(best "${WALLS[gensim]}")"
for name in old new gensim; do
  b="$(best "${WALLS[$name]}")"
  echo "| $name | ${WALLS[$name]} | $b | $(ratio "$G" "$b")x | ${LOADS[$name]} |"
done
echo "new vs old: $(ratio "$(best "${WALLS[old]}")" "$(best "${WALLS[new]}")")x faster (best of each)"

echo
echo "| file | analogy total | semantic | syntactic | WS-353 Spearman |"
echo "|---|---:|---:|---:|---:|"
for name in old new gensim; do
  a="$("$WORDVEC" analogy "$OUT/cbow_$name.vec" "$EVAL/questions-words.txt" --json --quiet)"
  s="$("$WORDVEC" similarity "$OUT/cbow_$name.vec" "$EVAL/wordsim353.tsv" --json)"
  python3 - "$name" "$a" "$s" <<'EOF'
import json, sys
name, a, s = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
print(f"| {name} | {a['total']['accuracy'] * 100:.2f}% | {a['semantic']['accuracy'] * 100:.2f}% | "
      f"{a['syntactic']['accuracy'] * 100:.2f}% | {s['spearman']:.4f} |")
EOF
done
