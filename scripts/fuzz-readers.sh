#!/usr/bin/env bash
# Builds the libFuzzer targets of the trace readers with clang and runs them.
#   scripts/fuzz-readers.sh [SECONDS] [text|decode|all]     (default: 60 all)
#     text     ftrace_text_fuzzer: the ftrace text reader on whole inputs
#     decode   event_decode_fuzzer: trace.dat event decoding, one raw record
#              against one of the real 6.12 formats (tracer/readers/fuzz/formats-6.12)
#     all      both, one after the other, SECONDS each
# Seeds: testdata/readers (text), records cut out of the real trace.dat files
# by dat_record_seeds (decode). Corpora, crash files and logs go to
# build-fuzz/ (ignored by git); a run's last lines are printed.
set -euo pipefail
seconds=${1:-60}
which=${2:-all}
case "$which" in text|decode|all) ;; *) echo "usage: $0 [SECONDS] [text|decode|all]" >&2; exit 2 ;; esac
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build-fuzz
cxx=${CXX_FUZZ:-clang++-16}
cc=${CC_FUZZ:-clang-16}
command -v "$cxx" >/dev/null || { echo "fuzz-readers: $cxx not found (set CXX_FUZZ)" >&2; exit 1; }
command -v "$cc" >/dev/null || { echo "fuzz-readers: $cc not found (set CC_FUZZ)" >&2; exit 1; }
# -fsanitize=fuzzer needs compiler-rt (Debian: libclang-rt-16-dev).
rt=$("$cxx" -print-file-name=libclang_rt.fuzzer-x86_64.a 2>/dev/null || true)
if [[ -n "$rt" && "$rt" == /* && ! -e "$rt" ]]; then
  echo "fuzz-readers: $rt missing; install libclang-rt-16-dev" >&2
  exit 1
fi

cmake -S "$root/tracer/readers/fuzz" -B "$build" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_C_COMPILER="$cc" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j2 >/dev/null
mkdir -p "$build/artifacts"

run_text() {
  local corpus=$build/corpus seeds=$build/seeds status=0
  mkdir -p "$corpus" "$seeds"
  # Seeds: every golden text input, plus the real sample cut into 4 KiB pieces.
  cp "$root"/testdata/readers/text/*.txt "$seeds"/
  split -b 4096 -a 3 "$root/testdata/readers/sample-6.12-head2000.txt" "$seeds/sample-"
  echo "fuzz-readers: running ftrace_text_fuzzer for ${seconds}s"
  "$build/ftrace_text_fuzzer" "$corpus" "$seeds" \
    -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$build/artifacts/" -print_final_stats=1 >"$build/text.log" 2>&1 || status=$?
  grep -v -e '^#[0-9]*.*\(NEW\|REDUCE\|pulse\)' -e '^ *"' "$build/text.log" | tail -n 25
  return "$status"
}

run_decode() {
  local corpus=$build/corpus-decode seeds=$build/seeds-decode status=0
  mkdir -p "$corpus"
  # Seeds: up to 4 real records per event and trace.dat (the shared sample
  # and every lab capture), plus one minimal record per format.
  rm -rf "$seeds"
  local dats=("$root/testdata/readers/sample-6.12.dat")
  for f in "$root"/testdata/traces/*/trace.dat; do [[ -e "$f" ]] && dats+=("$f"); done
  "$build/dat_record_seeds" "$root/tracer/readers/fuzz/formats-6.12" "$seeds" "${dats[@]}"
  echo "fuzz-readers: running event_decode_fuzzer for ${seconds}s"
  "$build/event_decode_fuzzer" "$corpus" "$seeds" \
    -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$build/artifacts/" -print_final_stats=1 >"$build/decode.log" 2>&1 || status=$?
  grep -v -e '^#[0-9]*.*\(NEW\|REDUCE\|pulse\)' -e '^ *"' "$build/decode.log" | tail -n 25
  return "$status"
}

rc=0
if [[ "$which" == text || "$which" == all ]]; then run_text || rc=$?; fi
if [[ "$which" == decode || "$which" == all ]]; then run_decode || rc=$?; fi
exit "$rc"
