#!/usr/bin/env bash
# Kill-and-resume check of the iterative trainers (sgns, cbow, fasttext, glove).
#
# For each method: one uninterrupted reference run (1 thread, fixed seed, no checkpoint flags),
# then POINTS runs with `--checkpoint-every`, each killed after a random delay (0 to 1.1x the
# reference's wall time) by a random signal (SIGINT, SIGTERM or SIGKILL). After each kill:
#   - nothing truncated under a target name (an output that exists equals the reference's bytes),
#   - SIGINT/SIGTERM: exit status 130 (or 143), one "interrupted …; no output was written" line
#     that names --resume when a checkpoint exists, and no temporary file left (output folder
#     and a private TMPDIR);
#   - then `--resume` finishes (exit 0) with every output byte-identical to the reference, the
#     checkpoint deleted and no temporary file anywhere (a SIGKILLed run's stale temporaries
#     are removed by the resumed run).
# The phase each kill landed in is read just before the signal (from the run's stderr notes
# and the temporary files present).
#
# Usage: bench/kill_resume.sh [POINTS] [SEED] [METHODS...]     (defaults: 20, 1, all four)
# Needs a release build (swift build -c release). Prints one line per kill and a summary per
# method; exits non-zero when any check fails.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORDVEC="${WORDVEC:-$ROOT/.build/release/wordvec}"
POINTS="${1:-20}"
SEED="${2:-1}"
shift $(( $# > 2 ? 2 : $# ))
METHODS=("$@")
[ ${#METHODS[@]} -gt 0 ] || METHODS=(sgns cbow fasttext glove)
RANDOM=$SEED

WORK="$(mktemp -d "${TMPDIR:-/tmp}/wordvec-kill-resume-XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
CORPUS="$WORK/corpus.txt"
"$WORDVEC" generate-corpus -o "$CORPUS" --sentences 100000 --seed 7
export TMPDIR="$WORK/tmp"   # private, so leftover temporary files can be seen
mkdir -p "$TMPDIR"

# The flags of each method (besides -o and the checkpoint flags), sized for a few seconds.
method_args() {
  case "$1" in
    sgns|cbow) echo "--method $1 --epochs 4" ;;
    fasttext)  echo "--method fasttext --epochs 4 --bucket 200000" ;;
    glove)     echo "--method glove --epochs 600" ;;
  esac
}
checkpoint_every() { [ "$1" = glove ] && echo 25 || echo 1; }
# The files a run writes, relative to its folder.
outputs() {
  echo "out.vec out.vec.config.json"
  [ "$1" = fasttext ] && echo "out.bin"
}
extra_outputs() { [ "$1" = fasttext ] && echo "--save-model out.bin"; }

now_ms() { date +%s%3N; }

# argv METHOD: the command line of a run into ARGV (started as `(cd DIR && exec "${ARGV[@]}" ...)`,
# so the PID the script signals is wordvec's own, not a shell's).
argv() {
  # shellcheck disable=SC2046
  ARGV=("$WORDVEC" train $(method_args "$1") "$CORPUS" -o out.vec $(extra_outputs "$1") --threads 1 --seed 11)
}

temporaries() {   # temporary files in a run folder and in TMPDIR
  { find "$1" -maxdepth 1 -name '.*.tmp-*'; find "$TMPDIR" -mindepth 1 -maxdepth 1; } 2>/dev/null
}

phase() {   # where a run stands: METHOD DIR LOG
  local m="$1" dir="$2" log="$3" done
  if find "$dir" -maxdepth 1 -name '.out.vec.checkpoint.tmp-*' | grep -q .; then echo "writing checkpoint"; return; fi
  if find "$dir" -maxdepth 1 -name '.*.tmp-*' | grep -q .; then echo "writing output"; return; fi
  if grep -q "^train $m: " "$log"; then echo "writing output"; return; fi
  # Epochs done: the last checkpoint written, or the one resumed from.
  done=$(grep -o -e "checkpoint after epoch [0-9]*" -e "resuming from [^:]*: [0-9]* of" "$log" | tail -n 1 | grep -o "[0-9]*" | head -n 1)
  done=${done:-0}
  if [ "$m" = glove ]; then
    if ! grep -q "glove: counted" "$log"; then echo "vocabulary/counting"; return; fi
    if ! grep -q "shuffled buckets" "$log"; then echo "making records"; return; fi
    echo "training epochs $((done / 100 * 100 + 1))-$((done / 100 * 100 + 100))"; return
  fi
  if [ "$done" -eq 0 ]; then echo "vocabulary or epoch 1"; return; fi
  echo "training epoch $((done + 1))"
}

FAILED=0
fail() { echo "  FAIL: $*"; BAD=1; }

# kill_run METHOD REF RUN LOG FLAGS...: starts a run, signals it after a random delay, checks
# what it left. Sets DELAY, SIG, PHASE, STATUS, LEFTOVERS.
kill_run() {
  local m="$1" ref="$2" run="$3" log="$4" pid f last span; shift 4
  : > "$log"
  span=$(( T * 11 / 10 ))
  [ "$log" = "$run/log2" ] && span=$(( T / 2 ))   # a resumed run has fewer epochs left
  DELAY=$(( (RANDOM * 32768 + RANDOM) % (span + 1) ))
  SIG=$(echo INT TERM KILL | cut -d' ' -f$(( RANDOM % 3 + 1 )))
  (cd "$run" && exec "${ARGV[@]}" "$@") 2>>"$log" &
  pid=$!
  sleep "$(printf '%d.%03d' $((DELAY / 1000)) $((DELAY % 1000)))"
  PHASE=$(phase "$m" "$run" "$log")
  kill -s "$SIG" "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null; STATUS=$?
  kill -0 "$pid" 2>/dev/null && fail "the run still runs after wait"
  [ "$STATUS" -eq 0 ] && PHASE="finished before the signal"
  PHASES["$PHASE"]=$(( ${PHASES["$PHASE"]:-0} + 1 ))
  # 1. Nothing partial under a target name.
  for f in $(outputs "$m"); do
    if [ -e "$run/$f" ] && ! cmp -s "$run/$f" "$ref/$f"; then fail "$f exists after the kill and differs from the reference"; fi
  done
  [ "$STATUS" -eq 0 ] && [ ! -e "$run/out.vec" ] && fail "exit 0 without out.vec"
  LEFTOVERS=$(temporaries "$run" | wc -l)
  if [ "$SIG" != KILL ] && [ "$STATUS" -ne 0 ]; then
    # 2. The status, the one line, no temporary file.
    case "$STATUS" in 130|143) ;; *) fail "exit status $STATUS after SIG$SIG" ;; esac
    last=$(tail -n 1 "$log")
    if [ -s "$log" ] && [[ "$last" != *interrupted*"no output was written"* ]]; then fail "last line: $last"; fi
    if [ -e "$run/out.vec.checkpoint" ] && [[ "$last" != *"--resume"* ]]; then fail "a checkpoint exists but the line does not name --resume: $last"; fi
    [ "$LEFTOVERS" -eq 0 ] || fail "temporary files left: $(temporaries "$run" | tr '\n' ' ')"
  fi
}

describe() { printf 'SIG%-4s at %5d ms, %-26s exit %3d, %d temporaries' "$SIG" "$DELAY" "$PHASE" "$STATUS" "$LEFTOVERS"; }

for m in "${METHODS[@]}"; do
  ref="$WORK/ref-$m"; mkdir -p "$ref"
  argv "$m"
  every=$(checkpoint_every "$m")
  t0=$(now_ms); (cd "$ref" && exec "${ARGV[@]}") 2>"$ref/log" || { echo "$m: reference run failed"; cat "$ref/log"; exit 1; }
  T=$(( $(now_ms) - t0 ))
  # A run with checkpoints takes longer (it writes them): the kills are spread over its time.
  mkdir -p "$WORK/time-$m"; t0=$(now_ms)
  (cd "$WORK/time-$m" && exec "${ARGV[@]}" --checkpoint-every "$every") 2>/dev/null
  T2=$(( $(now_ms) - t0 )); [ "$T2" -gt "$T" ] && T=$T2
  echo "== $m: run with checkpoints $T ms; $POINTS runs killed at random points in 0..$((T * 11 / 10)) ms (and every other resumed run again, in 0..$((T / 2)) ms)"
  declare -A PHASES=()
  passed=0 kills=0
  for i in $(seq 1 "$POINTS"); do
    run="$WORK/run-$m"; rm -rf "$run" "$TMPDIR"; mkdir -p "$run" "$TMPDIR"
    BAD=0
    kill_run "$m" "$ref" "$run" "$run/log" --checkpoint-every "$every"
    line="$(describe)"; kills=$((kills + 1))
    if [ $(( RANDOM % 2 )) -eq 0 ]; then
      kill_run "$m" "$ref" "$run" "$run/log2" --checkpoint-every "$every" --resume
      line="$line; resumed: $(describe)"; kills=$((kills + 1))
    fi
    # 3. Resume to the end: the reference's bytes, no checkpoint, no temporary file.
    (cd "$run" && exec "${ARGV[@]}" --checkpoint-every "$every" --resume) 2>"$run/resume.log" \
      || fail "resume failed: $(tail -n 1 "$run/resume.log")"
    for f in $(outputs "$m"); do cmp -s "$run/$f" "$ref/$f" || fail "resumed $f differs from the reference"; done
    [ -e "$run/out.vec.checkpoint" ] && fail "checkpoint left after the resumed run finished"
    [ "$(temporaries "$run" | wc -l)" -eq 0 ] || fail "temporary files after resume: $(temporaries "$run" | tr '\n' ' ')"
    from=$(grep -o "resuming from [^:]*: [0-9]* of [0-9]* epochs done" "$run/resume.log" | sed 's/.*: //')
    printf '%-8s %2d  %s; final resume from %s: %s\n' "$m" "$i" "$line" "${from:-the start}" "$([ $BAD -eq 0 ] && echo pass || echo FAIL)"
    [ $BAD -eq 0 ] && passed=$((passed + 1)) || FAILED=1
  done
  echo "-- $m: $passed/$POINTS runs passed every check ($kills kills); where the kills landed:"
  for p in "${!PHASES[@]}"; do printf '     %3d  %s\n' "${PHASES[$p]}" "$p"; done | sort -k2
  unset PHASES
done
exit $FAILED
