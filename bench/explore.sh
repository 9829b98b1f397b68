#!/usr/bin/env bash
# The figures of docs/explore.md: sgns, cbow and glove trained on the benchmark corpus (defaults),
# then stats, bias, convert (--dims K, --quantize, --abtt) scored by compare (with sizes), and the
# HTML report with its Chromium screenshot (written to docs/report/).
# Usage: bench/explore.sh [CORPUS] [EVALDIR]
source "$(dirname "$0")/common.sh"
SRC="${1:-$ROOT/../shared/corpora/corpus-en-100M.zst}"
EVAL="${2:-$ROOT/../shared/evalsets}"
Q="$EVAL/questions-words.txt"; P="$EVAL/wordsim353.tsv"
cd "$OUT"
for m in sgns cbow glove; do
  [ -e $m.vec ] || /usr/bin/time -v "$WORDVEC" train --method $m "$SRC" -o $m.vec 2> $m.train.log
  "$WORDVEC" stats $m.vec --positive-similarity "$P" > stats-$m.txt
  "$WORDVEC" bias $m.vec > bias-$m.txt
done
for k in 25 50 75; do "$WORDVEC" convert sgns.vec sgns.dims$k.vec --dims $k; done
"$WORDVEC" convert sgns.vec sgns.bin
"$WORDVEC" convert sgns.vec sgns.int8 --quantize int8
"$WORDVEC" convert sgns.vec sgns.binary --quantize binary
"$WORDVEC" convert sgns.vec sgns.center.binary --center --quantize binary
"$WORDVEC" convert sgns.vec sgns.abtt1.vec --abtt 1
"$WORDVEC" convert sgns.vec sgns.debias.vec --debias
"$WORDVEC" compare sgns.vec sgns.bin sgns.dims75.vec sgns.dims50.vec sgns.dims25.vec sgns.int8 sgns.binary \
  sgns.center.binary sgns.abtt1.vec sgns.debias.vec --analogy "$Q" --similarity "$P" --quiet | tee compress.md
"$WORDVEC" report sgns.vec cbow.vec glove.vec --name sgns --name cbow --name glove --analogy "$Q" --similarity "$P" \
  --title "wordvec report: sgns, cbow, glove on corpus-en-100M (18.4M words)" -o "$ROOT/docs/report/shared-corpus.html"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,8700 \
  --screenshot="$ROOT/docs/report/shared-corpus.png" "file://$ROOT/docs/report/shared-corpus.html"
