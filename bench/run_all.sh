#!/usr/bin/env bash
# `make bench`: every peer comparison, one after another (each prints its own table).
# Usage: bench/run_all.sh [CORPUS] [EVALDIR]
set -euo pipefail
DIR="$(dirname "$0")"
for b in vocab neighbors word2vec analogy glove lsa ppmi_svd fasttext lineage; do
  if [ -x "$DIR/$b.sh" ]; then echo "## $b"; bash "$DIR/$b.sh" "$@"; echo; fi
done
