# wordvec: build, test, demo, bench. `make deps` installs what the build and tests need (Debian + pip).
PREFIX ?= /usr/local
SWIFT ?= swift
BIN := .build/release/wordvec
SHARED ?= ../shared
CORPUS ?= $(SHARED)/corpora/corpus-en-100M.zst
EVAL ?= $(SHARED)/evalsets

.PHONY: all deps build test demo bench install clean

all: build

deps:
	@if ! pkg-config --exists openblas lapacke libzstd 2>/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq liblapacke-dev libopenblas-dev libzstd-dev pkg-config zstd; fi
	@python3 -c 'import gensim' 2>/dev/null || python3 -m pip install -q gensim

build:
	$(SWIFT) build -c release

test: deps
	$(SWIFT) test -c release --disable-swift-testing

# Train SGNS on the benchmark corpus and score it (analogy + similarity).
demo: build
	@bash bench/demo.sh "$(CORPUS)" "$(EVAL)"

# Speed and quality against peers, each in one run (see docs/benchmarks.md).
bench: build
	@bash bench/run_all.sh "$(CORPUS)" "$(EVAL)"

install: build
	install -d $(PREFIX)/bin
	install -m 755 $(BIN) $(PREFIX)/bin/wordvec

clean:
	rm -rf .build
