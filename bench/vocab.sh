#!/usr/bin/env bash
# `wordvec vocab` against `wc -w` on the same plain-text corpus, in one run.
# Checks the token counts are equal, prints the wall-time ratio (bar: wordvec <= 2x wc -w; goal 1x)
# and wordvec's peak RSS (bar: < 300 MB). Each command runs REPS times, alternating, after one
# untimed read that puts the file in the page cache; the best wall time of each is compared.
# wc runs with LC_ALL=C (byte-oriented, its fastest mode; the UTF-8 locale is several times slower).
# Usage: bench/vocab.sh [CORPUS] [EVALDIR]   (CORPUS: plain text or .zst; default the shared corpus)
source "$(dirname "$0")/common.sh"
prepare_corpus "${1:-$ROOT/../shared/corpora/corpus-en-100M.zst}"
REPS="${REPS:-3}"
[ -x "$WORDVEC" ] || { echo "bench: $WORDVEC not built (make build)" >&2; exit 1; }

echo "corpus: $CORPUS_TXT ($(stat -c %s "$CORPUS_TXT") bytes); $(nproc) cores; load before: $(uptime | sed 's/.*load/load/')"
cat "$CORPUS_TXT" > /dev/null
for i in $(seq 1 "$REPS"); do
  timed "wc_w_$i" sh -c "LC_ALL=C wc -w < '$CORPUS_TXT' > '$OUT/wc_w.out'" 2>/dev/null
  timed "wordvec_vocab_$i" "$WORDVEC" vocab "$CORPUS_TXT" --min-count 5 --json --quiet -o "$OUT/vocab.txt" \
    > "$OUT/wordvec_vocab.json" 2>/dev/null
done
echo "load after: $(uptime | sed 's/.*load/load/')"

best() { for i in $(seq 1 "$REPS"); do wall_of "$1_$i"; done | sort -g | head -1; }
peak() { for i in $(seq 1 "$REPS"); do rss_mib_of "$1_$i"; done | sort -g | tail -1; }
WC_TOKENS=$(tr -d ' ' < "$OUT/wc_w.out")
WV_TOKENS=$(python3 -c "import json; print(json.load(open('$OUT/wordvec_vocab.json'))['tokens'])")
KEPT=$(python3 -c "import json; print(json.load(open('$OUT/wordvec_vocab.json'))['kept_types'])")
WC_WALL=$(best wc_w); WV_WALL=$(best wordvec_vocab)
WV_RSS=$(peak wordvec_vocab)
WV_ALL=$(for i in $(seq 1 "$REPS"); do wall_of "wordvec_vocab_$i"; done | tr '\n' ' ')
WC_ALL=$(for i in $(seq 1 "$REPS"); do wall_of "wc_w_$i"; done | tr '\n' ' ')

echo "| tool | tokens | wall s (best of $REPS) | all runs | peak RSS MiB |"
echo "|---|---:|---:|---|---:|"
echo "| wc -w (LC_ALL=C) | $WC_TOKENS | $WC_WALL | $WC_ALL | $(peak wc_w) |"
echo "| wordvec vocab --min-count 5 | $WV_TOKENS | $WV_WALL | $WV_ALL | $WV_RSS |"
echo
STATUS=0
if [ "$WC_TOKENS" = "$WV_TOKENS" ]; then echo "tokens: equal ($WV_TOKENS); kept types at min-count 5: $KEPT"
else echo "tokens: DIFFER (wc -w $WC_TOKENS, wordvec $WV_TOKENS)"; STATUS=1; fi
R=$(ratio "$WV_WALL" "$WC_WALL")
if python3 -c "import sys; sys.exit(0 if $R <= 2.0 else 1)"; then echo "wall: wordvec / wc -w = ${R}x (bar <= 2x): met"
else echo "wall: wordvec / wc -w = ${R}x (bar <= 2x): NOT met"; STATUS=1; fi
if [ "$WV_RSS" -lt 286 ]; then echo "peak RSS: $WV_RSS MiB (bar < 300 MB = 286 MiB): met"
else echo "peak RSS: $WV_RSS MiB (bar < 300 MB = 286 MiB): NOT met"; STATUS=1; fi
exit $STATUS
