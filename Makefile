# wordvec: build, test, demo, bench. Every target installs what it needs first, so each works on
# a fresh machine: `build` the Debian -dev packages (deps-build), `test` and `demo` also gensim and
# chromium (deps; the report test renders a page in headless Chromium).
PREFIX ?= /usr/local
SWIFT ?= $(shell command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)
BIN := .build/release/wordvec
SHARED ?= ../shared
CORPUS ?= $(SHARED)/corpora/corpus-en-100M.zst
EVAL ?= $(SHARED)/evalsets

SMOKE ?= .build/demo-smoke

.PHONY: all deps deps-build build test test-asan test-tsan demo demo-smoke bench kill-resume install clean fuzz fuzz-build fuzz-merge fuzz-seeds

all: build

# The C libraries the build links (Package.swift's system-library targets), each only if missing.
deps-build:
	@if ! pkg-config --exists openblas lapacke libzstd libarchive fftw3 libxxhash 2>/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    liblapacke-dev libopenblas-dev libzstd-dev libarchive-dev libfftw3-dev libxxhash-dev pkg-config zstd; fi

# Also gensim (with numpy), for the interoperability tests, the numpy cross-checks and the
# evaluation sets its wheel ships; and from Debian rsvg-convert (plot's PNG test), chromium (the
# report's rendering test) and the fasttext CLI (the fastText interoperability tests and bench).
deps: deps-build
	@python3 -c 'import gensim' 2>/dev/null || python3 -m pip install -q gensim
	@command -v rsvg-convert >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq librsvg2-bin)   # plot's PNG test
	@command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)
	@command -v fasttext >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fasttext)

build: deps-build
	$(SWIFT) build -c release

test: deps
	$(SWIFT) test -c release --disable-swift-testing

# The whole suite under AddressSanitizer or ThreadSanitizer (docs/reliability.md, "Sanitizers"):
# the package and its tests built in release mode (the -Ounchecked code that ships) with the
# sanitizer, in a scratch path of its own (.build-asan, .build-tsan: the release build in .build
# is kept), then every XCTest test run under it, including the `wordvec` runs the CLI tests
# start. A report fails the run (ASan stops at the first; TSan reports all, then exits 66).
# TSan: sanitizers/tsan.supp names the Hogwild kernels whose races are intended. ASan: leaks are
# checked at every exit; sanitizers/lsan.supp names the library leaks (XCTest, Foundation,
# swift-argument-parser) that are not wordvec's. SANITIZER_FILTER=Regex runs only matching tests,
# SANITIZER_SKIP=Regex all but those.
SYMBOLIZER ?= $(or $(wildcard $(dir $(SWIFT))llvm-symbolizer),$(shell command -v llvm-symbolizer 2>/dev/null))
SANITIZER_FILTER ?=
SANITIZER_SKIP ?=
SANITIZER_TEST = $(SWIFT) test -c release --disable-swift-testing --skip-build $(if $(SANITIZER_FILTER),--filter '$(SANITIZER_FILTER)') $(if $(SANITIZER_SKIP),--skip '$(SANITIZER_SKIP)')
ASAN_RUN_OPTIONS = detect_leaks=1:external_symbolizer_path=$(SYMBOLIZER)
LSAN_RUN_OPTIONS = suppressions=$(CURDIR)/sanitizers/lsan.supp:print_suppressions=0
TSAN_RUN_OPTIONS = suppressions=$(CURDIR)/sanitizers/tsan.supp:external_symbolizer_path=$(SYMBOLIZER)

test-asan: deps
	$(SWIFT) build -c release --build-tests --sanitize=address --scratch-path .build-asan
	ASAN_OPTIONS='$(ASAN_RUN_OPTIONS)' LSAN_OPTIONS='$(LSAN_RUN_OPTIONS)' $(SANITIZER_TEST) --sanitize=address --scratch-path .build-asan

test-tsan: deps
	$(SWIFT) build -c release --build-tests --sanitize=thread --scratch-path .build-tsan
	TSAN_OPTIONS='$(TSAN_RUN_OPTIONS)' $(SANITIZER_TEST) --sanitize=thread --scratch-path .build-tsan

# Train SGNS on the benchmark corpus and score it (analogy + similarity). The first run on a new
# machine installs the packages and builds in release mode: allow several minutes.
demo: deps build
	@bash bench/demo.sh "$(CORPUS)" "$(EVAL)"

# `make demo` on a small generated corpus, gzip-compressed (what CI runs after the tests).
demo-smoke: build
	@mkdir -p $(SMOKE)
	$(BIN) generate-corpus -o $(SMOKE)/corpus.txt --sentences 20000 \
	  --questions $(SMOKE)/questions-words.txt --pairs $(SMOKE)/wordsim353.tsv
	gzip -f $(SMOKE)/corpus.txt
	$(MAKE) demo CORPUS=$(SMOKE)/corpus.txt.gz EVAL=$(SMOKE)

# Speed and quality against peers, each in one run (see docs/benchmarks.md).
bench: deps build
	@python3 -c 'import sklearn, scipy' 2>/dev/null || python3 -m pip install -q scikit-learn scipy
	@bash bench/run_all.sh "$(CORPUS)" "$(EVAL)"

# Kill training runs of sgns, cbow, fasttext and glove at random points and resume them
# (see docs/reliability.md#checkpoint-and-resume); KILL_POINTS per method.
KILL_POINTS ?= 20
kill-resume: build
	@bash bench/kill_resume.sh $(KILL_POINTS) 1

# Fuzzing (docs/reliability.md, "Fuzzing"): every reader under libFuzzer + AddressSanitizer, one
# target at a time for FUZZ_SECONDS each; non-zero exit on any crash, hang (10 s) or OOM (2 GiB).
# `make fuzz-merge` then minimises the new interesting inputs into Tests/FuzzCorpus (replayed by
# `make test`); `make fuzz-seeds` rewrites the seeds from valid files. FUZZ_TARGETS picks targets.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=
FUZZ_SCRATCH := .build-fuzz
fuzz-build: deps-build
	cd Fuzz && $(SWIFT) build --scratch-path $(FUZZ_SCRATCH) -Xswiftc -sanitize=fuzzer,address \
	  -Xswiftc -parse-as-library -Xswiftc -O -Xswiftc -use-ld=lld

fuzz: fuzz-build
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash Fuzz/run.sh $(FUZZ_TARGETS)

fuzz-merge: fuzz-build
	bash Fuzz/merge.sh $(FUZZ_TARGETS)

fuzz-seeds: build
	@command -v fasttext >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fasttext)
	python3 Fuzz/make_seeds.py

install: build
	install -d $(PREFIX)/bin
	install -m 755 $(BIN) $(PREFIX)/bin/wordvec

clean:
	rm -rf .build .build-asan .build-tsan
