#!/usr/bin/env python3
"""PPMI + truncated SVD (Levy, Goldberg & Dagan 2015) with numpy, scipy.sparse and sklearn's
randomized_svd: the reference pipeline that `wordvec train --method ppmi-svd` is measured against
(bench/ppmi_svd.sh). Same semantics as wordvec, step by step:

1. tokens split on whitespace, one window per line; vocabulary: words seen >= min-count times,
   out-of-vocabulary tokens dropped before windowing (as GloVe's cooccur.c and wordvec);
2. X[w, c] = number of times c is within `window` tokens of w on either side (symmetric; with
   --dynamic-window a pair at distance d counts (window - d + 1) / window, the expectation of
   word2vec's sampled window, Levy et al. 2015 section 3.2);
3. PMI(w, c) = log(X_wc * sum_c' #c'^cds / (#w * #c^cds)) with #w, #c the row and column sums,
   PPMI = max(PMI - log(shift), 0), zeros dropped (hyperwords' counts2pmi + PositiveExplicit);
4. U, S, Vt = randomized_svd(PPMI, dim, n_oversamples, n_iter, LU normaliser); W = U * S^eig
   (hyperwords' SVDEmbedding); written in word2vec binary format (the fastest for numpy).

Usage: ppmi_svd_reference.py CORPUS OUTPUT.bin [--window 2] [--cds 0.75] [--dim 300] [--eig 0.5]
       [--min-count 5] [--shift 1] [--oversamples 10] [--n-iter 5] [--dynamic-window]
Needs numpy, scipy and scikit-learn (pip install numpy scipy scikit-learn). Prints its stage
times on stderr.
"""
import argparse
import collections
import sys
import time

import numpy as np
import scipy.sparse as sp
from sklearn.utils.extmath import randomized_svd


def log(start, what):
    print(f"reference: {what} ({time.time() - start:.1f} s)", file=sys.stderr, flush=True)


def read_ids(path, min_count):
    """Token ids (in-vocabulary only, by decreasing count) and, per token, its line number."""
    with open(path, "rb") as f:
        lines = f.read().split(b"\n")
    counts = collections.Counter()
    tokenized = [line.split() for line in lines]
    for tokens in tokenized:
        counts.update(tokens)
    vocab = [w for w, c in sorted(counts.items(), key=lambda wc: (-wc[1], wc[0])) if c >= min_count]
    index = {w: i for i, w in enumerate(vocab)}
    ids, line_of = [], []
    for n, tokens in enumerate(tokenized):
        kept = [index[t] for t in tokens if t in index]
        ids.append(np.array(kept, dtype=np.int32))
        line_of.append(np.full(len(kept), n, dtype=np.int32))
    return vocab, np.concatenate(ids), np.concatenate(line_of)


def count(ids, line_of, vocab_size, window, dynamic):
    """The symmetric window co-occurrence matrix X (CSR, float32)."""
    rows, cols, vals = [], [], []
    for d in range(1, window + 1):
        same = line_of[:-d] == line_of[d:]
        a, b = ids[:-d][same], ids[d:][same]
        w = np.float32((window - d + 1) / window if dynamic else 1.0)
        rows += [a, b]
        cols += [b, a]
        vals += [np.full(len(a), w, dtype=np.float32)] * 2
    x = sp.coo_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
                      shape=(vocab_size, vocab_size), dtype=np.float32)
    return x.tocsr()  # sums duplicates


def ppmi(x, cds, shift):
    sum_w = np.asarray(x.sum(axis=1), dtype=np.float64).ravel()
    sum_c = np.asarray(x.sum(axis=0), dtype=np.float64).ravel() ** cds
    total = sum_c.sum()
    m = x.tocoo()
    pmi = np.log(m.data.astype(np.float64) * total / (sum_w[m.row] * sum_c[m.col])) - np.log(shift)
    keep = pmi > 0
    return sp.csr_matrix((pmi[keep].astype(np.float32), (m.row[keep], m.col[keep])), shape=x.shape)


def write_bin(path, words, vectors):
    with open(path, "wb") as f:
        f.write(f"{len(words)} {vectors.shape[1]}\n".encode())
        vectors = np.ascontiguousarray(vectors, dtype="<f4")
        for w, v in zip(words, vectors):
            f.write(w + b" " + v.tobytes() + b"\n")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("corpus")
    p.add_argument("output")
    p.add_argument("--window", type=int, default=2)
    p.add_argument("--dynamic-window", action="store_true")
    p.add_argument("--cds", type=float, default=0.75)
    p.add_argument("--shift", type=float, default=1.0)
    p.add_argument("--dim", type=int, default=300)
    p.add_argument("--eig", type=float, default=0.5)
    p.add_argument("--min-count", type=int, default=5)
    p.add_argument("--oversamples", type=int, default=10)
    p.add_argument("--n-iter", type=int, default=5)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()

    start = time.time()
    vocab, ids, line_of = read_ids(args.corpus, args.min_count)
    log(start, f"{len(ids)} tokens, {len(vocab)} words")
    x = count(ids, line_of, len(vocab), args.window, args.dynamic_window)
    del ids, line_of
    log(start, f"counted: {x.nnz} non-zero co-occurrences")
    m = ppmi(x, args.cds, args.shift)
    del x
    log(start, f"PPMI: {m.nnz} positive entries")
    u, s, _ = randomized_svd(m, args.dim, n_oversamples=args.oversamples, n_iter=args.n_iter,
                             power_iteration_normalizer="LU", transpose=False, random_state=args.seed)
    log(start, f"SVD: sigma_1 = {s[0]:.4f}, sigma_{args.dim} = {s[-1]:.4f}")
    write_bin(args.output, vocab, u * s ** args.eig)
    log(start, f"wrote {args.output}")
    np.save(args.output + ".sigma.npy", s)


if __name__ == "__main__":
    main()
