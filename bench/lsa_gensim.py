#!/usr/bin/env python3
"""gensim's LSA on the same documents as `wordvec train --method lsa --doc-size N`.

Usage: lsa_gensim.py CORPUS.txt OUT.vec [--doc-size 1000] [--dim 300] [--min-count 5]

Documents are chunks of N whitespace tokens of the whole corpus (the shared corpus is one line),
as wordvec's DocumentReader cuts them. The vocabulary is every word seen at least --min-count
times in the corpus (gensim's Dictionary filtered on collection frequency, which is wordvec's
--min-count). TfidfModel's defaults: raw tf, idf = log2(N/df), each document scaled to unit
length (= wordvec's --tf raw --idf plain --doc-norm l2: the log base cancels in the
normalisation). LsiModel(num_topics=dim) with its defaults (chunksize 20000, power_iters 2,
extra_samples 100). Writes the word vectors U·S (.vec) and prints the top 10 singular values.
Everything from reading the file to the decomposition is timed (the process's wall time is
measured outside too).
"""
import argparse
import sys
import time

import numpy as np
from gensim.corpora import Dictionary
from gensim.models import LsiModel, TfidfModel


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--doc-size", type=int, default=1000)
    ap.add_argument("--dim", type=int, default=300)
    ap.add_argument("--min-count", type=int, default=5)
    a = ap.parse_args()
    t0 = time.time()
    with open(a.corpus, encoding="utf-8") as f:
        tokens = f.read().split()
    docs = [tokens[i:i + a.doc_size] for i in range(0, len(tokens), a.doc_size)]
    del tokens
    dictionary = Dictionary(docs)
    dictionary.filter_tokens(bad_ids=[i for i, c in dictionary.cfs.items() if c < a.min_count])
    dictionary.compactify()
    bow = [dictionary.doc2bow(d) for d in docs]
    del docs
    t1 = time.time()
    tfidf = TfidfModel(bow, id2word=dictionary)
    lsi = LsiModel(tfidf[bow], id2word=dictionary, num_topics=a.dim)
    t2 = time.time()
    s = lsi.projection.s
    u = lsi.projection.u * s
    # Rows in wordvec's vocabulary order (count descending, then bytes) so --restrict means the same.
    order = sorted(range(len(dictionary)), key=lambda i: (-dictionary.cfs[i], dictionary[i].encode()))
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(f"{len(order)} {u.shape[1]}\n")
        for i in order:
            f.write(dictionary[i] + " " + " ".join(f"{x:.6g}" for x in u[i]) + "\n")
    print(f"gensim: {len(bow)} documents, vocabulary {len(dictionary)}, reading+dictionary {t1 - t0:.1f} s, "
          f"tfidf+lsi {t2 - t1:.1f} s", file=sys.stderr)
    print(" ".join(f"{x:.6g}" for x in s[:10]))


if __name__ == "__main__":
    main()
