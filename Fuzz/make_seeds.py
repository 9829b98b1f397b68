#!/usr/bin/env python3
"""Writes the seed inputs of every fuzz target (small valid files, and a few edge cases) into
Tests/FuzzCorpus/<target>/seed-*. Deterministic. Needs: gzip, bzip2, xz, zstd, zip and the
fasttext CLI (Debian packages), and a built `wordvec` ($WORDVEC, default .build/release/wordvec)
for the files wordvec itself writes. Run by `make fuzz-seeds`; libFuzzer adds to these."""
import os, random, struct, subprocess, sys, tempfile, zipfile, io, hashlib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "FuzzCorpus")
WORDVEC = os.environ.get("WORDVEC", ".build/release/wordvec")
rng = random.Random(13)
TMP = tempfile.mkdtemp(prefix="wordvec-seeds-")


def put(target, data, name=None):
    d = os.path.join(ROOT, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    name = name or hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(d, "seed-" + name), "wb") as f:
        f.write(data)


def run(*args, **kw):
    return subprocess.run(list(args), check=True, capture_output=True, **kw)


# ---- text: the generated corpus, cut into small pieces, and edge cases ----
corpus = os.path.join(TMP, "corpus.txt")
run(WORDVEC, "generate-corpus", "-o", corpus, "--sentences", "400", "--seed", "13",
    "--questions", os.path.join(TMP, "q.txt"), "--pairs", os.path.join(TMP, "p.tsv"))
lines = open(corpus, "rb").read().split(b"\n")
pieces = []
for i in range(60):
    start = rng.randrange(len(lines))
    pieces.append(b"\n".join(lines[start:start + rng.randint(1, 12)]) + (b"\n" if i % 3 else b""))
edge = [b"", b"\n", b"\xef\xbb\xbfbom word\n", b"a\r\nb c\r\n\r\nd\n", b"x\x00y\tz\x0b\x0cw\n",
        b"caf\xc3\xa9 CAF\xc3\x89 cafe\xcc\x81 \xe2\x80\x9cq\xe2\x80\x9d\n", b"\xff\xfe bad \xc3 utf8 \xed\xa0\x80\n",
        b"long " + b"x" * 1100 + b" tail\n", "Привет, мир! 東京は、日本 l’été 2½ 😀emoji\n".encode(),
        b"para one\nstill one\n\n\npara two\n  \t \npara three", b" \t \n \n", b"a " * 300]
for i, text in enumerate(pieces + edge):
    put("tokenizer", text)
    put("tokenizer-raw", text)

# ---- compressed: the same texts through each compressor ----
# (libarchive and libzstd are not instrumented, so libFuzzer finds few new inputs of its own here:
# the seeds are many, whole and cut short.)
for i, text in enumerate(pieces + edge):
    src = os.path.join(TMP, "piece.txt")
    open(src, "wb").write(text)
    level = str(1 + i % 9)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED if i % 2 else zipfile.ZIP_STORED) as z:
        z.writestr("corpus.txt", text)
        if i % 10 == 9:
            z.writestr("second.txt", text)
    for target, data in [("gzip", run("gzip", "-c", "-" + level, src).stdout), ("bzip2", run("bzip2", "-c", "-" + level, src).stdout),
                         ("xz", run("xz", "-c", "-" + str(i % 7), src).stdout), ("zstd", run("zstd", "-q", "-c", "-" + level, src).stdout),
                         ("zip", buf.getvalue())]:
        put(target, data)
        if i < 30:
            put(target, data[:len(data) // 2 + i])
put("zstd", run("zstd", "-q", "-c", "--no-check", corpus).stdout[:3000], "truncated")
put("gzip", run("gzip", "-c", corpus).stdout[:3000], "truncated")

# ---- vector files, written here from random vectors of a few shapes ----
words = sorted({w.decode("utf-8", "replace") for l in lines[:50] for w in l.split()})
def shapes():
    for n, d in [(1, 1), (2, 3), (3, 2), (5, 4), (8, 3), (4, 8), (12, 2), (6, 5), (10, 1), (3, 16)]:
        yield n, d, [[round(rng.uniform(-1, 1), 4) for _ in range(d)] for _ in range(n)], rng.sample(words, n)

for n, d, vs, ws in shapes():
    body = "".join(w + " " + " ".join(repr(x) for x in v) + "\n" for w, v in zip(ws, vs))
    put("vec", f"{n} {d}\n" + body)
    put("glove", body)
    binary = f"{n} {d}\n".encode() + b"".join(w.encode() + b" " + struct.pack(f"<{d}f", *v) + b"\n" for w, v in zip(ws, vs))
    put("bin", binary)
    put("bin", binary.replace(b"\n", b"", n)[:-1] if n > 1 else binary, f"{n}x{d}-no-newlines")
    sparse = "".join(w + "".join(f" {j}:{x}" for j, x in enumerate(v) if x > 0) + "\n" for w, v in zip(ws, vs))
    put("sparse", f"{n} {d} sparse\n" + sparse)
    scales = [max(abs(v[j]) for v in vs) / 127 or 1.0 for j in range(d)]
    q8 = f"{n} {d} int8\n".encode() + struct.pack(f"<{d}f", *scales) + b"\n" + b"".join(
        w.encode() + b" " + bytes((round(x / s) & 0xFF) for x, s in zip(v, scales)) + b"\n" for w, v in zip(ws, vs))
    put("quantized", q8)
    bits = lambda v: bytes(sum(1 << k for k in range(8) if 8 * b + k < d and v[8 * b + k] > 0) for b in range((d + 7) // 8))
    qb = f"{n} {d} binary\n".encode() + struct.pack(f"<{d}f", *[abs(s) for s in scales]) + b"\n" + b"".join(
        w.encode() + b" " + bits(v) + b"\n" for w, v in zip(ws, vs))
    put("quantized", qb)
for target, text in [("vec", "2 2\na 1 2\nb 3 4"), ("vec", "1 3\n  0.5 1 2\n"), ("vec", "\ufeff1 1\nw 1e-3\n"),
                     ("glove", "a 1 2\r\nb 3 4\r\n"), ("glove", "a nan 1\n"), ("sparse", "2 5 sparse\na\nb 0:1 4:2\n"),
                     ("vec", "2 2\na 1 2\na 3 4\n"), ("vec", "3 2\na 1 2\n")]:
    put(target, text)

# ---- files wordvec writes itself: one trained model in every format ----
vec = os.path.join(TMP, "m.vec")
run(WORDVEC, "train", "--method", "sgns", corpus, "-o", vec, "--dim", "3", "--min-count", "40", "--epochs", "1", "--threads", "1")
for fmt, target in [("vec", "vec"), ("bin", "bin"), ("glove", "glove"), ("sparse", "sparse")]:
    out = os.path.join(TMP, "converted." + fmt)
    run(WORDVEC, "convert", vec, out, "--to", fmt)
    put(target, open(out, "rb").read(), "wordvec-" + fmt)
for scheme in ["int8", "binary"]:
    out = os.path.join(TMP, "q." + scheme)
    run(WORDVEC, "convert", vec, out, "--quantize", scheme)
    put("quantized", open(out, "rb").read(), "wordvec-" + scheme)

# ---- fastText models: from the fasttext CLI and from wordvec, small buckets and dims ----
small = os.path.join(TMP, "small.txt")
open(small, "wb").write(b"\n".join(lines[:40]) + b"\n")
for i, (dim, bucket, minn, maxn, model) in enumerate([(2, 10, 3, 4, "skipgram"), (3, 0, 0, 0, "cbow"),
                                                       (2, 20, 2, 3, "cbow"), (1, 5, 1, 2, "skipgram")]):
    prefix = os.path.join(TMP, f"ft{i}")
    run("fasttext", model, "-input", small, "-output", prefix, "-dim", str(dim), "-bucket", str(bucket),
        "-minn", str(minn), "-maxn", str(maxn), "-minCount", "30", "-epoch", "1", "-thread", "1")
    put("fasttext", open(prefix + ".bin", "rb").read(), f"fasttext-cli-{i}")
for i, (minn, maxn) in enumerate([(3, 4), (2, 3)]):
    out = os.path.join(TMP, f"wv{i}.bin")
    run(WORDVEC, "train", "--method", "fasttext", corpus, "-o", os.path.join(TMP, "wv.vec"), "--dim", "2", "--bucket", "8",
        "--minn", str(minn), "--maxn", str(maxn), "--min-count", "40", "--sample", "0", "--epochs", "1", "--threads", "1", "--save-model", out)
    put("fasttext", open(out, "rb").read(), f"wordvec-{i}")

# ---- vocabularies, analogy questions, word pairs ----
run(WORDVEC, "vocab", corpus, "--min-count", "20", "-o", os.path.join(TMP, "vocab.txt"))
vocab = open(os.path.join(TMP, "vocab.txt"), "rb").read().split(b"\n")
questions = open(os.path.join(TMP, "q.txt"), "rb").read().split(b"\n")
pairs = open(os.path.join(TMP, "p.tsv"), "rb").read().split(b"\n")
for i in range(40):
    put("vocabulary", b"\n".join(vocab[i:i + rng.randint(1, 10)]) + b"\n")
    a = rng.randrange(len(questions))
    put("analogy", b"\n".join(questions[a:a + rng.randint(1, 10)]) + b"\n")
    a = rng.randrange(len(pairs))
    put("similarity", b"\n".join(pairs[a:a + rng.randint(1, 10)]) + b"\n")
for target, text in [("vocabulary", "a 1\r\nb 2\n\n"), ("vocabulary", "\ufeffw 3\n"), ("vocabulary", "a 1\na 2\n"),
                     ("analogy", ": sec\na b c d\n: two\ne f g h\n"), ("analogy", "# c\n// c\nA B C D\n"), ("analogy", ":\n"),
                     ("similarity", "a\tb\t1.5\n"), ("similarity", "Word 1\tWord 2\tHuman (mean)\nx y 3\n"), ("similarity", "a b nan\n")]:
    put(target, text)
