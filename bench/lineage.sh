#!/usr/bin/env bash
# The lineage of issue 11 on one benchmark: every method wordvec has (tfidf, lsa, hal, ppmi,
# ppmi-svd, random-indexing, sgns, cbow, glove, and fasttext once it exists; a method this build
# does not know is skipped with a note) trained on the shared corpus with sensible defaults,
# 2 threads, min-count 5, each timed with its peak RSS; then one `wordvec compare` table and one
# SVG chart. Also a tf-idf over 20-token documents (about 920,000 dimensions) to show that
# compare evaluates sparse files with ~1M-dimensional rows as they are.
# Usage: bench/lineage.sh [CORPUS]   (the chart goes to bench/out/lineage.svg; copy it to docs/)
source "$(dirname "$0")/common.sh"
prepare_corpus "${1:-$ROOT/../shared/corpora/corpus-en-100M.zst}"
EVAL="${EVAL:-$ROOT/../shared/evalsets}"
COMMON=(--min-count 5 --threads 2 --quiet)
# name | method | flags | output extension
RUNS=(
  "tfidf|tfidf|--doc-size 1000|sparse"
  "tfidf-doc20|tfidf|--doc-size 20|sparse"
  "lsa|lsa|--doc-size 1000 --dim 300|vec"
  "hal|hal||vec"
  "ppmi|ppmi||sparse"
  "ppmi-svd|ppmi-svd|--window 2 --cds 0.75 --dim 300 --eig 0.5|vec"
  "random-indexing|random-indexing||vec"
  "sgns|sgns||vec"
  "cbow|cbow||vec"
  "glove|glove||vec"
  "fasttext|fasttext||vec"
)
files=(); names=()
echo "| method | flags | wall s | peak RSS MiB | vectors |"
echo "|---|---|---:|---:|---|"
for run in "${RUNS[@]}"; do
  IFS='|' read -r name method flags ext <<< "$run"
  if ! "$WORDVEC" train --method "$method" --help >/dev/null 2>&1; then
    echo "lineage: $method is not in this build; skipped" >&2; continue
  fi
  out="$OUT/lineage_$name.$ext"
  # shellcheck disable=SC2086
  if ! timed "lineage_$name" "$WORDVEC" train --method "$method" "$CORPUS_TXT" $flags "${COMMON[@]}" -o "$out"; then
    echo "lineage: $name failed (flags: $flags); left out of the table" >&2; continue
  fi
  echo "| $name | \`$flags\` | $(wall_of "lineage_$name") | $(rss_mib_of "lineage_$name") | $(head -c 60 "$out" | head -1) |"
  files+=("$out"); names+=(--name "$name")
done
echo "load after training: $(cut -d' ' -f1-3 /proc/loadavg)"
timed lineage_compare "$WORDVEC" compare "${files[@]}" "${names[@]}" --analogy "$EVAL/questions-words.txt" \
  --similarity "$EVAL/wordsim353.tsv" --svg "$OUT/lineage.svg" --quiet > "$OUT/lineage.md"
cat "$OUT/lineage.md"
