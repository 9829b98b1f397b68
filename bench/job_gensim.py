"""gensim Word2Vec job of ../shared/BENCHMARKS.md (job 1: sg=1, job 3: sg=0), used as the yardstick.
argv: sg output corpus [epochs]. Prints one TIMING line."""
import sys, time, logging
logging.basicConfig(format='%(asctime)s %(levelname)s %(message)s', level=logging.WARNING)
from gensim.models import Word2Vec
from gensim.models.word2vec import LineSentence
sg = int(sys.argv[1]); out = sys.argv[2]
epochs = int(sys.argv[4]) if len(sys.argv) > 4 else 5
t0 = time.time()
sents = LineSentence(sys.argv[3])
m = Word2Vec(vector_size=100, window=5, min_count=5, sg=sg, hs=0, negative=5, sample=1e-4, workers=2)
m.build_vocab(sents)
t1 = time.time()
m.train(sents, total_examples=m.corpus_count, epochs=epochs)
t2 = time.time()
m.wv.save_word2vec_format(out, binary=False)
t3 = time.time()
words = sum(m.wv.get_vecattr(w, "count") for w in m.wv.index_to_key)
print(f"TIMING vocab_s={t1-t0:.2f} train_s={t2-t1:.2f} save_s={t3-t2:.2f} total_s={t3-t0:.2f} vocab={len(m.wv)} "
      f"raw_words_per_s={epochs*words/(t2-t1):.0f}", flush=True)
