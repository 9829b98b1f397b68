#!/usr/bin/env python3
"""TruncatedSVD (wordvec, Swift) against sklearn's randomized_svd on the same random sparse matrix,
with the same rank, oversampling, power iterations and normaliser, in one run.

    python3 bench/svd.py [--rows 50000] [--cols 50000] [--nnz 20000000] [--rank 300]
                         [--oversampling 10] [--iterations 5] [--threads 2] [--normalizer lu]

Needs a release build with tests (`swift build -c release --build-tests`) and scikit-learn.
The matrix (uniform positions, values in [0, 1), float32, CSR) is written once to --workdir;
each side then runs in a process of its own (the Swift side is LinalgBenchmarkTests, which is
skipped unless WORDVEC_SVD_BENCH is set) and reports its own time, without loading. Prints the
load average, both times, the ratio and the agreement of the top 10 singular values.
"""
import argparse, json, os, resource, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def make_matrix(a):
    import numpy as np, scipy.sparse as sp
    os.makedirs(a.workdir, exist_ok=True)
    tag = f"{a.rows} {a.cols} {a.nnz} {a.seed}"
    stamp = os.path.join(a.workdir, "made.txt")
    if os.path.exists(stamp) and open(stamp).read() == tag:
        return
    rng = np.random.default_rng(a.seed)
    r = rng.integers(0, a.rows, a.nnz, dtype=np.int64)
    c = rng.integers(0, a.cols, a.nnz, dtype=np.int32)
    v = rng.random(a.nnz, dtype=np.float32)
    m = sp.csr_matrix((v, (r, c)), shape=(a.rows, a.cols), dtype=np.float32)
    m.sum_duplicates(); m.sort_indices()
    m.indptr.astype(np.int64).tofile(os.path.join(a.workdir, "indptr.i64"))
    m.indices.astype(np.int32).tofile(os.path.join(a.workdir, "indices.i32"))
    m.data.astype(np.float32).tofile(os.path.join(a.workdir, "data.f32"))
    open(os.path.join(a.workdir, "shape.txt"), "w").write(f"{a.rows} {a.cols}\n")
    open(stamp, "w").write(tag)


def run_sklearn(a):
    """In its own process: load, time randomized_svd, write sklearn.json."""
    import numpy as np, scipy.sparse as sp
    from sklearn.utils.extmath import randomized_svd
    d = a.workdir
    rows, cols = map(int, open(os.path.join(d, "shape.txt")).read().split())
    m = sp.csr_matrix((np.fromfile(os.path.join(d, "data.f32"), dtype=np.float32),
                       np.fromfile(os.path.join(d, "indices.i32"), dtype=np.int32),
                       np.fromfile(os.path.join(d, "indptr.i64"), dtype=np.int64)), shape=(rows, cols))
    t = time.perf_counter()
    _, s, _ = randomized_svd(m, a.rank, n_oversamples=a.oversampling, n_iter=a.iterations,
                             power_iteration_normalizer=a.normalizer.upper() if a.normalizer == "qr" else "LU",
                             transpose=False, random_state=a.seed)
    secs = time.perf_counter() - t
    json.dump({"seconds": secs, "singular_values": [float(x) for x in s], "nnz": int(m.nnz)},
              open(os.path.join(d, "sklearn.json"), "w"))


def child_rss_mib():
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rows", type=int, default=50000)
    p.add_argument("--cols", type=int, default=50000)
    p.add_argument("--nnz", type=int, default=20_000_000)
    p.add_argument("--rank", type=int, default=300)
    p.add_argument("--oversampling", type=int, default=10)
    p.add_argument("--iterations", type=int, default=5)
    p.add_argument("--threads", type=int, default=2, help="threads of wordvec's sparse products")
    p.add_argument("--normalizer", choices=["lu", "qr"], default="lu")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--workdir", default=os.path.join(ROOT, "bench", "out", "svd"))
    p.add_argument("--reference-iterations", type=int, default=0,
                   help="also run wordvec with this many QR power iterations, as a converged reference for the top 10")
    p.add_argument("--sklearn-only", action="store_true", help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.sklearn_only:
        return run_sklearn(a)

    make_matrix(a)
    print("load before:", open("/proc/loadavg").read().strip(), "| cores:", os.cpu_count(), flush=True)
    args = [f"--{k}={v}" for k, v in [("rank", a.rank), ("oversampling", a.oversampling), ("iterations", a.iterations),
                                     ("normalizer", a.normalizer), ("seed", a.seed), ("workdir", a.workdir)]]
    subprocess.run([sys.executable, os.path.abspath(__file__), "--sklearn-only"] + args, check=True)
    sk_rss = child_rss_mib()
    sw = run_swift(a, a.iterations, a.normalizer)
    print("load after: ", open("/proc/loadavg").read().strip(), flush=True)
    sk = json.load(open(os.path.join(a.workdir, "sklearn.json")))
    os.remove(os.path.join(a.workdir, "sklearn.json"))
    print(f"matrix {a.rows} x {a.cols}, {sw['nnz']:,} non-zeros; rank {a.rank}, oversampling {a.oversampling}, "
          f"{a.iterations} power iterations ({a.normalizer.upper()}), float32")
    print(f"sklearn randomized_svd: {sk['seconds']:.2f} s (peak RSS of its process {sk_rss:.0f} MiB)")
    print(f"wordvec TruncatedSVD:   {sw['seconds']:.2f} s with {sw['threads']} threads (peak RSS of its process "
          f"{sw['peak_rss_mib']:.0f} MiB)")
    print(f"  separately: one A·X {sw['multiply_seconds']:.2f} s, one Aᵀ·X without transposing "
          f"{sw['transposed_multiply_seconds']:.2f} s, transpose {sw['transpose_seconds']:.2f} s, on {a.rows} x "
          f"{a.rank + a.oversampling}: LU {sw['lu_seconds']:.2f} s, QR {sw['qr_seconds']:.2f} s, SVD {sw['small_svd_seconds']:.2f} s")
    print(f"ratio sklearn / wordvec: {sk['seconds'] / sw['seconds']:.2f}x")
    worst = 0.0
    print(" j   sklearn      wordvec      rel. diff")
    for j, (x, y) in enumerate(zip(sk["singular_values"][:10], sw["singular_values"][:10])):
        rel = abs(x - y) / x
        worst = max(worst, rel)
        print(f"{j + 1:2d}  {x:11.5f}  {y:11.5f}  {rel:.2e}")
    print(f"top-10 singular values: largest relative difference {worst:.2e}")
    allrel = max(abs(x - y) / x for x, y in zip(sk["singular_values"], sw["singular_values"]))
    print(f"all {a.rank}: largest relative difference {allrel:.2e}")
    if a.reference_iterations:
        ref = run_swift(a, a.reference_iterations, "qr")["singular_values"][:10]
        for name, got in [("sklearn", sk["singular_values"][:10]), ("wordvec", sw["singular_values"][:10])]:
            err = max(abs(x - r) / r for x, r in zip(got, ref))
            print(f"top 10 vs wordvec with {a.reference_iterations} QR iterations: {name} largest relative error {err:.2e}")


def run_swift(a, iterations, normalizer):
    """The Swift side (LinalgBenchmarkTests) in its own process; returns its swift.json."""
    env = dict(os.environ, WORDVEC_SVD_BENCH=a.workdir, WORDVEC_SVD_RANK=str(a.rank),
               WORDVEC_SVD_OVERSAMPLING=str(a.oversampling), WORDVEC_SVD_ITERATIONS=str(iterations),
               WORDVEC_SVD_THREADS=str(a.threads), WORDVEC_SVD_SEED=str(a.seed), WORDVEC_SVD_NORMALIZER=normalizer)
    out = subprocess.run(["swift", "test", "-c", "release", "--disable-swift-testing", "--skip-build",
                          "--filter", "LinalgBenchmarkTests"], cwd=ROOT, env=env, capture_output=True, text=True)
    path = os.path.join(a.workdir, "swift.json")
    if out.returncode != 0 or not os.path.exists(path):
        sys.exit("svd bench: the Swift side failed:\n" + out.stdout[-3000:] + out.stderr[-3000:])
    result = json.load(open(path))
    os.remove(path)
    return result


if __name__ == "__main__":
    main()
