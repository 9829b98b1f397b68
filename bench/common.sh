# Shared pieces of the bench scripts: locating the corpus, timing a command.
# Usage: source bench/common.sh CORPUS EVALDIR
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORDVEC="${WORDVEC:-$ROOT/.build/release/wordvec}"
OUT="${BENCH_OUT:-$ROOT/bench/out}"
mkdir -p "$OUT"

# prepare_corpus CORPUS -> sets $CORPUS_TXT (a decompressed plain-text copy, made once)
prepare_corpus() {
  local src="$1"
  if [ ! -e "$src" ]; then
    if [ -e "$OUT/text8" ]; then CORPUS_TXT="$OUT/text8"; return; fi
    echo "bench: corpus $src not found; fetching text8 from its public home (http://mattmahoney.net/dc/text8.zip)" >&2
    if ! (curl -fsSL -o "$OUT/text8.zip" http://mattmahoney.net/dc/text8.zip && (cd "$OUT" && unzip -q text8.zip)); then
      echo "bench: no corpus: put corpus-en-100M.zst in ../shared/corpora/ or text8 in $OUT/text8" >&2
      exit 1
    fi
    CORPUS_TXT="$OUT/text8"; return
  fi
  case "$src" in
    *.zst) CORPUS_TXT="$OUT/$(basename "${src%.zst}").txt"
           [ -s "$CORPUS_TXT" ] || zstd -q -d -c "$src" > "$CORPUS_TXT" ;;
    *) CORPUS_TXT="$src" ;;
  esac
}

# timed NAME CMD... -> runs CMD, records wall seconds and peak RSS (MiB) in $OUT/NAME.time
timed() {
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$OUT/$name.time" "$@"
  read -r WALL RSS_KB < "$OUT/$name.time"
  printf '%s: wall %.1f s, peak RSS %d MiB\n' "$name" "$WALL" "$((RSS_KB / 1024))" >&2
}

wall_of() { cut -d' ' -f1 "$OUT/$1.time"; }
rss_mib_of() { echo $(( $(cut -d' ' -f2 "$OUT/$1.time") / 1024 )); }
ratio() { python3 -c "print(f'{float($1)/float($2):.2f}')"; }
