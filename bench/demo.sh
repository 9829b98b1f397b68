#!/usr/bin/env bash
# `make demo`: train skip-gram on the benchmark corpus and score it.
# Usage: bench/demo.sh [CORPUS] [EVALDIR]
source "$(dirname "$0")/common.sh"
SRC="${1:-$ROOT/../shared/corpora/corpus-en-100M.zst}"
EVAL="${2:-$ROOT/../shared/evalsets}"
# wordvec streams .gz/.bz2/.xz/.zst itself; text8 is only fetched when SRC is missing.
if [ -e "$SRC" ]; then CORPUS_TXT="$SRC"; else prepare_corpus "$SRC"; fi
QUESTIONS="$EVAL/questions-words.txt"; PAIRS="$EVAL/wordsim353.tsv"
if [ ! -e "$QUESTIONS" ]; then
  # gensim's wheel ships the same evaluation files.
  GD=$(python3 -c 'import gensim, os; print(os.path.join(os.path.dirname(gensim.__file__), "test", "test_data"))' 2>/dev/null || true)
  QUESTIONS="$GD/questions-words.txt"; PAIRS="$GD/wordsim353.tsv"
  [ -e "$QUESTIONS" ] || { echo "demo: no evaluation sets: put questions-words.txt and wordsim353.tsv in $EVAL (or pip install gensim)" >&2; exit 1; }
fi
"$WORDVEC" train --method sgns "$CORPUS_TXT" --sample 1e-4 -o "$OUT/demo_sgns.vec"
"$WORDVEC" analogy "$OUT/demo_sgns.vec" "$QUESTIONS"
"$WORDVEC" similarity "$OUT/demo_sgns.vec" "$PAIRS"
# Neighbours of the query words the vectors hold (else of the most frequent word).
QUERIES=(); for w in ${QUERIES_WORDS:-king film good}; do grep -q "^$w " "$OUT/demo_sgns.vec" && QUERIES+=("$w"); done
[ ${#QUERIES[@]} -gt 0 ] || QUERIES=("$(sed -n 2p "$OUT/demo_sgns.vec" | cut -d' ' -f1)")
"$WORDVEC" neighbors "$OUT/demo_sgns.vec" "${QUERIES[@]}" -k 5
