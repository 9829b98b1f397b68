#!/usr/bin/env python3
"""The python side of bench/tsne_umap.sh: one peer run, or trustworthiness of a coordinates file.

  tsne_umap_peers.py fit PEER VECS OUT.txt [--threads 2]   PEER: opentsne | opentsne-fft | sklearn | umap | umap-warm
  tsne_umap_peers.py trust VECS COORDS.txt                  sklearn.manifold.trustworthiness, k = 10

Vectors are read from a .vec text file and scaled to unit length, as `wordvec plot` does.
Prints one line: `PEER seconds` (fit time; for umap-warm the second fit in the same process).
"""
import sys, time


def load(path):
    import numpy as np
    with open(path, encoding="utf-8") as f:
        n, d = map(int, f.readline().split())
        words, rows = [], []
        for line in f:
            parts = line.rstrip("\n").split(" ")
            words.append(parts[0])
            rows.append([float(v) for v in parts[1:d + 1]])
    x = np.asarray(rows, dtype=np.float32)
    x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
    return words, x


def fit(peer, x, threads):
    if peer in ("opentsne", "opentsne-fft"):
        from openTSNE import TSNE
        method = "fft" if peer == "opentsne-fft" else "auto"
        return TSNE(perplexity=30, n_jobs=threads, random_state=1, negative_gradient_method=method).fit(x)
    if peer == "sklearn":
        from sklearn.manifold import TSNE
        return TSNE(perplexity=30, n_jobs=threads, random_state=1, init="pca", learning_rate="auto",
                    method="barnes_hut").fit_transform(x)
    if peer in ("umap", "umap-warm"):
        import umap
        return umap.UMAP(n_neighbors=15, min_dist=0.1, n_jobs=threads).fit_transform(x)
    raise SystemExit(f"unknown peer {peer}")


def main():
    args = sys.argv[1:]
    threads = 2
    if "--threads" in args:
        i = args.index("--threads"); threads = int(args[i + 1]); del args[i:i + 2]
    if args[0] == "trust":
        import numpy as np
        from sklearn.manifold import trustworthiness
        words, x = load(args[1])
        coords = {}
        with open(args[2], encoding="utf-8") as f:
            for line in f:
                w, a, b = line.split()
                coords[w] = (float(a), float(b))
        y = np.asarray([coords[w] for w in words])
        print(f"{trustworthiness(x, y, n_neighbors=10):.4f}")
        return
    _, peer, path, out = args
    words, x = load(path)
    start = time.perf_counter()
    y = fit(peer, x, threads)
    if peer == "umap-warm":
        start = time.perf_counter()
        y = fit(peer, x, threads)
    seconds = time.perf_counter() - start
    with open(out, "w", encoding="utf-8") as f:
        for w, (a, b) in zip(words, y):
            f.write(f"{w} {a:.6g} {b:.6g}\n")
    print(f"{peer} {seconds:.2f}")


if __name__ == "__main__":
    main()
