#!/usr/bin/env bash
# Builds the libFuzzer target of the ftrace text reader with clang and runs it.
#   scripts/fuzz-readers.sh [SECONDS]      (default 60)
# Seeds come from testdata/readers (real traces and edge cases); new corpus
# entries and crash files go to build-fuzz/ (ignored by git).
set -euo pipefail
seconds=${1:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build-fuzz
cxx=${CXX_FUZZ:-clang++-16}
command -v "$cxx" >/dev/null || { echo "fuzz-readers: $cxx not found (set CXX_FUZZ)" >&2; exit 1; }
# -fsanitize=fuzzer needs compiler-rt (Debian: libclang-rt-16-dev).
rt=$("$cxx" -print-file-name=libclang_rt.fuzzer-x86_64.a 2>/dev/null || true)
if [[ -n "$rt" && "$rt" == /* && ! -e "$rt" ]]; then
  echo "fuzz-readers: $rt missing; install libclang-rt-16-dev" >&2
  exit 1
fi

cmake -S "$root/tracer/readers/fuzz" -B "$build" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j2 >/dev/null

corpus=$build/corpus
seeds=$build/seeds
mkdir -p "$corpus" "$seeds" "$build/artifacts"
# Seeds: every golden text input, plus the real sample cut into 4 KiB pieces.
cp "$root"/testdata/readers/text/*.txt "$seeds"/
split -b 4096 -a 3 "$root/testdata/readers/sample-6.12-head2000.txt" "$seeds/sample-"

echo "fuzz-readers: running ftrace_text_fuzzer for ${seconds}s"
"$build/ftrace_text_fuzzer" "$corpus" "$seeds" \
  -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$build/artifacts/" -print_final_stats=1 2>&1 | tail -n 25
