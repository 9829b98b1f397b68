#!/usr/bin/env bash
# GloVe against the reference GloVe C tools, both run in this script, one after the other, on the
# same corpus and settings (min-count 5, window 10, dim 100, x-max 100, GLOVE_EPOCHS iterations
# (default 3, as the same-run figures in ../shared/BENCHMARKS.md), 2 threads). GloVe C is built
# from ../shared/peers/glove-c into bench/out/peers. WORDVEC_BEFORE=path/to/older/wordvec also
# times an older build in the same run. Then: quality of every file (gensim scoring), and a
# one-thread identity check (in memory vs --memory 0.25, same seed).
# Usage: bench/glove.sh [CORPUS] [EVALDIR]    (WORDVEC=path/to/wordvec to pick a build)
source "$(dirname "$0")/common.sh"
prepare_corpus "${1:-$ROOT/../shared/corpora/corpus-en-100M.zst}"
EVAL="${2:-$ROOT/../shared/evalsets}"
EPOCHS="${GLOVE_EPOCHS:-3}"
SETTINGS=(--min-count 5 --window 10 --dim 100 --x-max 100 --epochs "$EPOCHS" --threads 2 --quiet)
PEERS="$OUT/peers/glove-c"
if [ ! -x "$PEERS/glove" ]; then
  mkdir -p "$PEERS"
  make -s -C "$ROOT/../shared/peers/glove-c" BUILDDIR="$PEERS" >/dev/null
fi

glove_c() {   # the four reference stages, as ../shared/BENCHMARKS.md runs them
  "$PEERS/vocab_count" -min-count 5 -verbose 0 < "$CORPUS_TXT" > "$OUT/glovec_vocab.txt"
  "$PEERS/cooccur" -memory 8 -vocab-file "$OUT/glovec_vocab.txt" -verbose 0 -window-size 10 < "$CORPUS_TXT" > "$OUT/glovec_cooc.bin"
  "$PEERS/shuffle" -memory 8 -verbose 0 < "$OUT/glovec_cooc.bin" > "$OUT/glovec_cooc.shuf.bin"
  "$PEERS/glove" -save-file "$OUT/glovec" -threads 2 -input-file "$OUT/glovec_cooc.shuf.bin" -x-max 100 -eta 0.05 \
    -iter "$EPOCHS" -vector-size 100 -binary 0 -write-header 1 -model 2 -vocab-file "$OUT/glovec_vocab.txt" -verbose 0
  rm -f "$OUT/glovec_cooc.bin" "$OUT/glovec_cooc.shuf.bin"
}
export -f glove_c; export PEERS OUT CORPUS_TXT EPOCHS

echo "load before: $(uptime)" >&2
timed glove_c bash -c glove_c
timed wordvec_glove "$WORDVEC" train --method glove "$CORPUS_TXT" "${SETTINGS[@]}" -o "$OUT/wordvec_glove.vec"
[ -n "${WORDVEC_BEFORE:-}" ] && timed wordvec_before_glove "$WORDVEC_BEFORE" train --method glove "$CORPUS_TXT" "${SETTINGS[@]}" -o "$OUT/wordvec_before_glove.vec"
echo "load after the timed runs: $(uptime)" >&2

# Same seed, one thread: the spilling run must write byte-identical vectors.
"$WORDVEC" train --method glove "$CORPUS_TXT" "${SETTINGS[@]}" --threads 1 --epochs 1 -o "$OUT/glove_t1_mem.vec"
"$WORDVEC" train --method glove "$CORPUS_TXT" "${SETTINGS[@]}" --threads 1 --epochs 1 --memory 0.25 -o "$OUT/glove_t1_m025.vec"
if cmp -s "$OUT/glove_t1_mem.vec" "$OUT/glove_t1_m025.vec"; then IDENTICAL=yes; else IDENTICAL=NO; fi

C=$(wall_of glove_c)
echo
echo "| job ($EPOCHS iterations) | wall s | speed vs GloVe C | peak RSS MiB |"
echo "|---|---:|---:|---:|"
echo "| GloVe C (vocab_count + cooccur + shuffle + glove) | $C | 1.00 | $(rss_mib_of glove_c) (largest stage) |"
echo "| wordvec glove | $(wall_of wordvec_glove) | $(ratio "$C" "$(wall_of wordvec_glove)")x | $(rss_mib_of wordvec_glove) |"
[ -n "${WORDVEC_BEFORE:-}" ] && echo "| wordvec glove, before | $(wall_of wordvec_before_glove) | $(ratio "$C" "$(wall_of wordvec_before_glove)")x | $(rss_mib_of wordvec_before_glove) |"
echo "spilling run, one thread, 1 epoch: vectors identical to the in-memory run: $IDENTICAL"
echo
FILES=("$OUT/glovec.txt" "$OUT/wordvec_glove.vec")
[ -n "${WORDVEC_BEFORE:-}" ] && FILES+=("$OUT/wordvec_before_glove.vec")
python3 "$ROOT/bench/eval_gensim.py" "$EVAL/questions-words.txt" "$EVAL/wordsim353.tsv" "${FILES[@]}"
