"""Scores vector files the way ../shared/BENCHMARKS.md does, with gensim 4.4:
evaluate_word_analogies(restrict_vocab=30000, case_insensitive=True) (3CosAdd) and evaluate_word_pairs.
argv: questions-words.txt wordsim353.tsv file.vec [file.vec ...]. One line per file."""
import sys, logging
logging.disable(logging.CRITICAL)
from gensim.models import KeyedVectors
questions, pairs = sys.argv[1], sys.argv[2]
for path in sys.argv[3:]:
    kv = KeyedVectors.load_word2vec_format(path, binary=path.endswith(".bin"))
    total, sections = kv.evaluate_word_analogies(questions, restrict_vocab=30000, case_insensitive=True)
    sem = [s for s in sections if not s["section"].startswith("gram") and s["section"] != "Total accuracy"]
    syn = [s for s in sections if s["section"].startswith("gram")]
    def acc(ss):
        c = sum(len(s["correct"]) for s in ss); n = c + sum(len(s["incorrect"]) for s in ss)
        return 100.0 * c / max(n, 1), n
    (sem_acc, sem_n), (syn_acc, syn_n) = acc(sem), acc(syn)
    pearson, spearman, oov = kv.evaluate_word_pairs(pairs)
    print(f"{path}: analogy {100*total:.2f}% (sem {sem_acc:.2f}% of {sem_n}, syn {syn_acc:.2f}% of {syn_n}) "
          f"ws353 rho {spearman.statistic:.4f} oov {oov:.1f}%", flush=True)
