#!/usr/bin/env bash
# fastText: wordvec against the fasttext CLI (Debian package) in one run, the two alternating
# (ROUNDS rounds, default 1): skip-gram, dim 100, minn 3, maxn 6, bucket 2M, epochs 5, neg 5,
# ws 5, t 1e-4, minCount 5, lr 0.05, 2 threads. Whole-process wall time (reading, training and
# writing the .vec and the .bin) and peak RSS; raw words/s = corpus tokens x epochs / wall.
# Then, on the files those runs wrote: analogy (3CosAdd, restrict 30,000, case-insensitive) and
# WS-353 with `wordvec analogy`/`similarity`; WS-353 with --oov compose on each .bin; wordvec's
# composed OOV vectors against `fasttext print-word-vectors` (both models); gensim's
# load_facebook_model/load_facebook_vectors on wordvec's .bin against wordvec's vectors.
# TIMING_ONLY=1 stops after the timing table (for extra rounds on a machine whose load changes).
# Usage: bench/fasttext.sh [CORPUS] [EVALDIR]
source "$(dirname "$0")/common.sh"
prepare_corpus "${1:-$ROOT/../shared/corpora/corpus-en-100M.zst}"
EVAL="${2:-$ROOT/../shared/evalsets}"
FASTTEXT="${FASTTEXT:-fasttext}"
ROUNDS="${ROUNDS:-1}"
CLI_SETTINGS=(-dim 100 -ws 5 -epoch 5 -neg 5 -minn 3 -maxn 6 -bucket 2000000 -t 1e-4 -minCount 5 -lr 0.05 -thread 2 -verbose 1)
WV_SETTINGS=(--dim 100 --window 5 --epochs 5 --negative 5 --minn 3 --maxn 6 --bucket 2000000 --sample 1e-4 --min-count 5 --alpha 0.05 --threads 2 --quiet)
TOKENS=$(wc -w < "$CORPUS_TXT")

echo "load before: $(uptime)" >&2
for r in $(seq 1 "$ROUNDS"); do
  timed ft_cli_$r "$FASTTEXT" skipgram -input "$CORPUS_TXT" -output "$OUT/ft_cli_$r" "${CLI_SETTINGS[@]}" > "$OUT/ft_cli_$r.log"
  timed ft_wordvec_$r "$WORDVEC" train --method fasttext "$CORPUS_TXT" "${WV_SETTINGS[@]}" \
    -o "$OUT/ft_wordvec_$r.vec" --save-model "$OUT/ft_wordvec_$r.bin"
  echo "load after round $r: $(uptime)" >&2
done

words_per_s() { python3 -c "print(f'{$TOKENS * 5 / float($1) / 1000:.0f}k')"; }
echo "corpus: $CORPUS_TXT, $TOKENS tokens"
echo
echo "| round | job | wall s | raw words/s | speed vs CLI | peak RSS MiB |"
echo "|---|---|---:|---:|---:|---:|"
for r in $(seq 1 "$ROUNDS"); do
  echo "| $r | fasttext CLI | $(wall_of ft_cli_$r) | $(words_per_s "$(wall_of ft_cli_$r)") | 1.00 | $(rss_mib_of ft_cli_$r) |"
  echo "| $r | wordvec | $(wall_of ft_wordvec_$r) | $(words_per_s "$(wall_of ft_wordvec_$r)") | $(ratio "$(wall_of ft_cli_$r)" "$(wall_of ft_wordvec_$r)")x | $(rss_mib_of ft_wordvec_$r) |"
done

[ -n "${TIMING_ONLY:-}" ] && exit 0

# Quality of round 1's files.
CLI="$OUT/ft_cli_1" WV="$OUT/ft_wordvec_1"
echo
echo "| model | analogy total | semantic | syntactic | WS-353 ρ | WS-353 ρ, --oov compose (pairs scored) |"
echo "|---|---:|---:|---:|---:|---:|"
for m in "fasttext CLI:$CLI" "wordvec:$WV"; do
  name="${m%%:*}" base="${m#*:}"
  a=$("$WORDVEC" analogy "$base.vec" "$EVAL/questions-words.txt" --json --quiet)
  s=$("$WORDVEC" similarity "$base.vec" "$EVAL/wordsim353.tsv" --json)
  c=$("$WORDVEC" similarity "$base.bin" "$EVAL/wordsim353.tsv" --json --oov compose)
  python3 - "$name" "$a" "$s" "$c" <<'PY'
import json, sys
name, a, s, c = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3]), json.loads(sys.argv[4])
pct = lambda x: f"{100 * x['accuracy']:.2f}%"
print(f"| {name} | {pct(a['total'])} | {pct(a['semantic'])} | {pct(a['syntactic'])} | {s['spearman']:.4f} | "
      f"{c['spearman']:.4f} ({c['scored']}/{c['pairs']}, {c['composed']} composed) |")
PY
done

# Composed OOV vectors: the WS-353 words outside each model's vocabulary, plus a few unseen words.
echo
for m in "fasttext CLI:$CLI" "wordvec:$WV"; do
  name="${m%%:*}" base="${m#*:}"
  python3 - "$EVAL/wordsim353.tsv" "$base.vec" > "$OUT/oov_words.txt" <<'PY'
import sys
vocab = set()
with open(sys.argv[2], encoding="utf-8", errors="replace") as f:
    next(f)
    for line in f: vocab.add(line.split(" ", 1)[0])
words = set()
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("#") or not line.strip(): continue
    for w in line.split("\t")[:2]:
        for v in (w, w.lower()):
            if v not in vocab: words.add(v)
words |= {"unseenwordish", "naïvetés", "преступлениями", "antidisestablishmentarianisms"}
print("\n".join(sorted(words)))
PY
  "$FASTTEXT" print-word-vectors "$base.bin" < "$OUT/oov_words.txt" > "$OUT/oov_fasttext.txt"
  "$WORDVEC" vectors "$base.bin" < "$OUT/oov_words.txt" > "$OUT/oov_wordvec.txt" 2>/dev/null
  python3 - "$name" "$OUT/oov_fasttext.txt" "$OUT/oov_wordvec.txt" <<'PY'
import sys
def rows(p): return [l.split(" ") for l in open(p, encoding="utf-8").read().splitlines()]
a, b = rows(sys.argv[2]), rows(sys.argv[3])
assert [r[0] for r in a] == [r[0] for r in b], "word lists differ"
worst = max(abs(float(x) - float(y)) for ra, rb in zip(a, b) for x, y in zip(ra[1:], rb[1:]))
print(f"{sys.argv[1]} model: {len(a)} OOV words composed by wordvec vs fasttext print-word-vectors: max |diff| {worst:.2e}")
PY
done

# fastText and gensim read wordvec's model: every vocabulary word (fastText: its first 2,000) and the OOV words.
head -2000 <(tail -n +2 "$WV.vec" | cut -d' ' -f1) | cat - "$OUT/oov_words.txt" > "$OUT/probe_words.txt"
"$FASTTEXT" print-word-vectors "$WV.bin" < "$OUT/probe_words.txt" > "$OUT/probe_fasttext.txt"
"$WORDVEC" vectors "$WV.bin" < "$OUT/probe_words.txt" > "$OUT/probe_wordvec.txt" 2>/dev/null
python3 - "$WV.bin" "$OUT/probe_words.txt" "$OUT/probe_fasttext.txt" "$OUT/probe_wordvec.txt" <<'PY'
import sys, logging
import numpy as np
logging.disable(logging.CRITICAL)
from gensim.models.fasttext import load_facebook_model, load_facebook_vectors
def rows(p): return {l.split()[0]: np.array(l.split()[1:], dtype=np.float64) for l in open(p, encoding="utf-8").read().splitlines()}
ours, ft = rows(sys.argv[4]), rows(sys.argv[3])
print(f"fasttext print-word-vectors on wordvec's .bin: {len(ft)} words, max |diff| {max(np.abs(ft[w] - ours[w]).max() for w in ft):.2e}")
words = [w for w in open(sys.argv[2], encoding="utf-8").read().split()]
for name, load in [("load_facebook_model", lambda p: load_facebook_model(p).wv), ("load_facebook_vectors", load_facebook_vectors)]:
    kv = load(sys.argv[1])
    print(f"gensim {name} on wordvec's .bin: {len(words)} words, max |diff| {max(np.abs(kv[w] - ours[w]).max() for w in words):.2e}")
PY
echo "load after: $(uptime)" >&2
