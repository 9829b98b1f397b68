#!/usr/bin/env bash
# `wordvec analogy` against gensim 4.4's KeyedVectors.evaluate_word_analogies on the same vector
# file, full questions-words.txt, restrict_vocab=30000, case-insensitive: speed (one run, both
# tools back to back) and parity (total accuracy, per-section counts, WordSim-353 Spearman).
#
# Speed bar (issue 4): wordvec at least 5x faster. The ratio that counts is conservative:
# gensim's evaluate_word_analogies call alone (its file loading and Python start-up excluded)
# against the whole `wordvec analogy` process (start-up, reading the file, evaluating, printing).
# Parity bar: equal to 1e-3.
#
# The vectors: $VECS, else /tmp/eval300.vec, else trained once here (300-d SGNS, one epoch) from
# the shared corpus.
# Usage: bench/analogy.sh [CORPUS] [EVALDIR]    (WORDVEC=path/to/wordvec to use another build)
source "$(dirname "$0")/common.sh"
EVALDIR="${2:-$ROOT/../shared/evalsets}"
QUESTIONS="$EVALDIR/questions-words.txt"
PAIRS="$EVALDIR/wordsim353.tsv"
[ -x "$WORDVEC" ] || { echo "bench: $WORDVEC not built (make build)" >&2; exit 1; }
[ -s "$QUESTIONS" ] && [ -s "$PAIRS" ] || { echo "bench: put questions-words.txt and wordsim353.tsv in $EVALDIR" >&2; exit 1; }
VECS="${VECS:-/tmp/eval300.vec}"
if [ ! -s "$VECS" ]; then
  prepare_corpus "${1:-$ROOT/../shared/corpora/corpus-en-100M.zst}"
  echo "bench: training $VECS (300-d SGNS, 1 epoch, sample 1e-4): a few minutes, once" >&2
  "$WORDVEC" train "$CORPUS_TXT" --dim 300 --epochs 1 --sample 1e-4 --quiet -o "$VECS"
fi

cat > "$OUT/gensim_analogy.py" <<'PY'
import sys, time, json, logging
logging.disable(logging.CRITICAL)
from gensim.models import KeyedVectors
vecs, questions, pairs = sys.argv[1:4]
t0 = time.time()
kv = KeyedVectors.load_word2vec_format(vecs, binary=False)
t1 = time.time()
score, sections = kv.evaluate_word_analogies(questions, restrict_vocab=30000, case_insensitive=True)
t2 = time.time()
pearson, spearman, oov = kv.evaluate_word_pairs(pairs)
print(json.dumps({"load_s": t1 - t0, "eval_s": t2 - t1, "score": score, "spearman": float(spearman[0]),
                  "sections": [[s["section"], len(s["correct"]), len(s["correct"]) + len(s["incorrect"])] for s in sections]}))
PY

echo "vectors: $VECS ($(head -1 "$VECS")), questions: $QUESTIONS; $(nproc) cores"
echo "load before: $(uptime | sed 's/.*load/load/')"
cat "$VECS" > /dev/null     # both tools read it from the page cache
timed gensim_analogy python3 "$OUT/gensim_analogy.py" "$VECS" "$QUESTIONS" "$PAIRS" > "$OUT/gensim_analogy.json"
timed wordvec_analogy "$WORDVEC" analogy "$VECS" "$QUESTIONS" --json --quiet > "$OUT/wordvec_analogy.json"
timed wordvec_analogy_mul "$WORDVEC" analogy "$VECS" "$QUESTIONS" --method mul --json --quiet > "$OUT/wordvec_analogy_mul.json"
"$WORDVEC" similarity "$VECS" "$PAIRS" --json > "$OUT/wordvec_similarity.json"
echo "load after: $(uptime | sed 's/.*load/load/')"

python3 - "$OUT" "$(wall_of gensim_analogy)" "$(wall_of wordvec_analogy)" "$(wall_of wordvec_analogy_mul)" <<'PY'
import json, sys
out, g_wall, w_wall, m_wall = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
g = json.load(open(f"{out}/gensim_analogy.json"))
w = json.load(open(f"{out}/wordvec_analogy.json"))
m = json.load(open(f"{out}/wordvec_analogy_mul.json"))
s = json.load(open(f"{out}/wordvec_similarity.json"))
t = w["total"]
print()
print("| | gensim evaluate_word_analogies | wordvec analogy (3CosAdd) | wordvec analogy --method mul |")
print("|---|---:|---:|---:|")
print(f"| whole process, wall s | {g_wall:.2f} | {w_wall:.2f} | {m_wall:.2f} |")
print(f"| loading the file, s | {g['load_s']:.2f} | | |")
print(f"| evaluation alone, s | {g['eval_s']:.2f} | {w['seconds']:.2f} | {m['seconds']:.2f} |")
print(f"| covered / questions | {g['sections'][-1][2]} / 19544 | {t['covered']} / {t['questions']} | {m['total']['covered']} / {m['total']['questions']} |")
print(f"| total accuracy | {100*g['score']:.3f}% | {100*t['accuracy']:.3f}% | {100*m['total']['accuracy']:.3f}% |")
print(f"| semantic / syntactic | | {100*w['semantic']['accuracy']:.2f}% / {100*w['syntactic']['accuracy']:.2f}% | {100*m['semantic']['accuracy']:.2f}% / {100*m['syntactic']['accuracy']:.2f}% |")
print(f"| inputs kept / NN is input | | {100*t['accuracyKept']:.2f}% / {100*t['nearestIsInputRate']:.2f}% | {100*m['total']['accuracyKept']:.2f}% / {100*m['total']['nearestIsInputRate']:.2f}% |")
print()
ours = [[x["name"], x["correct"], x["covered"]] for x in w["sections"]] + [["Total accuracy", t["correct"], t["covered"]]]
same = all(a[1:] == b[1:] for a, b in zip(g["sections"], ours)) and len(ours) == len(g["sections"])
d_acc = abs(g["score"] - t["accuracy"])
d_rho = abs(g["spearman"] - s["spearman"])
status = 0
print(f"parity: per-section counts {'identical' if same else 'DIFFER'}; total accuracy |diff| = {d_acc:.2e}; "
      f"WordSim-353 Spearman gensim {g['spearman']:.6f} wordvec {s['spearman']:.6f} |diff| = {d_rho:.2e} (bar 1e-3): "
      f"{'met' if d_acc <= 1e-3 and d_rho <= 1e-3 else 'NOT met'}")
if d_acc > 1e-3 or d_rho > 1e-3: status = 1
r_bar = g["eval_s"] / w_wall
r_proc = g_wall / w_wall
print(f"speed: gensim evaluate_word_analogies {g['eval_s']:.2f} s / wordvec analogy whole process {w_wall:.2f} s = {r_bar:.1f}x "
      f"(bar >= 5x): {'met' if r_bar >= 5 else 'NOT met'}; process against process {r_proc:.1f}x; "
      f"evaluation against evaluation {g['eval_s'] / max(w['seconds'], 1e-9):.1f}x")
if r_bar < 5: status = 1
sys.exit(status)
PY
