#!/usr/bin/env bash
# dmacheck next to the reference tools on real drivers of a prepared kernel tree:
#   bench/real_tree_bench.sh [FILES...]      (paths relative to $KTREE, or absolute)
#   KTREE=/tmp/ktree DMACHECK=build/bin/dmacheck TIDY_FILES=3 bench/real_tree_bench.sh
# Per file, wall seconds and peak RSS (/usr/bin/time -v) of:
#   clang-16 -fsyntax-only  with exactly the flags dmacheck --kernel-tree synthesizes (--show-flags),
#   dmacheck               default rules, one file, -j1,
#   spatch                 Coccinelle with a small semantic patch (dma_map_single results never
#                          passed to dma_mapping_error on some path), default include handling,
#   clang-tidy-16          clang-analyzer-* only (the Clang Static Analyzer), same flags, on the
#                          first TIDY_FILES files (default 3) because it is slow.
# Tools that are not installed are shown as "-" (apt-get install coccinelle clang-tidy-16).
# Runs under nice -n 10: the machines are shared, so numbers are upper bounds.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
ktree=${KTREE:-/tmp/ktree}
dmacheck=${DMACHECK:-$root/build/bin/dmacheck}
tidy_files=${TIDY_FILES:-3}
[[ $# -gt 0 ]] || set -- drivers/net/ethernet/intel/e100.c drivers/dma/nbpfaxi.c drivers/nvme/host/pci.c \
  drivers/net/ethernet/realtek/8139cp.c drivers/usb/host/xhci-ring.c drivers/net/ethernet/intel/e1000e/netdev.c
[[ -f $ktree/include/generated/autoconf.h ]] || { echo "real_tree_bench: $ktree is not a prepared kernel tree" >&2; exit 2; }
[[ -x $dmacheck ]] || { echo "real_tree_bench: no dmacheck at $dmacheck (set DMACHECK)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat > "$tmp/unchecked_map.cocci" <<'COCCI'
// dma_map_single() whose result reaches the end of the function on some path
// without dma_mapping_error() (dmacheck's dma-unchecked-mapping, simplified).
@r exists@
expression E;
position p;
@@
E = dma_map_single@p(...);
... when != dma_mapping_error(..., E)

@script:python depends on r@
p << r.p;
@@
print("%s:%s: dma_map_single() result not checked" % (p[0].file, p[0].line))
COCCI

# "seconds peak_MB" of a command (its output goes to $tmp/out).
measure() {
  if ! command -v "$1" > /dev/null; then echo "- -"; return; fi
  nice -n 10 /usr/bin/time -v -o "$tmp/time" "$@" > "$tmp/out" 2>&1 || true
  python3 - "$tmp/time" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", t)
secs = (int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))) if wall else float("nan")
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
print(f"{secs:.2f} {rss:.0f}")
PY
}

printf '%-44s %16s %16s %16s %16s\n' "file (s / peak MB)" clang-16 dmacheck spatch clang-tidy
declare -A sum
n=0
for f in "$@"; do
  [[ $f = /* ]] || f=$ktree/$f
  [[ -f $f ]] || { echo "real_tree_bench: no such file $f" >&2; continue; }
  "$dmacheck" --kernel-tree "$ktree" --show-flags "$f" > "$tmp/flags.json"
  mapfile -t args < <(python3 -c "import json,sys; print('\n'.join(json.load(open(sys.argv[1]))['arguments'][1:-1]))" "$tmp/flags.json")
  read -r cs cm < <(cd "$ktree" && measure clang-16 "${args[@]}" "$f")
  read -r ds dm < <(measure "$dmacheck" -q -j1 --kernel-tree "$ktree" "$f")
  dfind=$(grep -c "warning:\|error:" "$tmp/out" || true)
  read -r ss sm < <(measure spatch --very-quiet --sp-file "$tmp/unchecked_map.cocci" "$f")
  sfind=$(grep -c "not checked" "$tmp/out" || true)
  ts=-; tm=-
  if ((n < tidy_files)); then
    read -r ts tm < <(cd "$ktree" && measure clang-tidy-16 --quiet --checks='-*,clang-analyzer-*' "$f" -- "${args[@]}")
  fi
  name=${f#"$ktree"/}; (( ${#name} > 44 )) && name="...${name: -41}"
  printf '%-44s %16s %16s %16s %16s\n' "$name" "$cs / $cm" "$ds / $dm ($dfind)" "$ss / $sm ($sfind)" "$ts / $tm"
  for k in cs ds ss ts; do [[ ${!k} = - ]] || sum[$k]=$(python3 -c "print(${sum[$k]:-0} + ${!k})"); done
  sum[tn]=$(( ${sum[tn]:-0} + (n < tidy_files ? 1 : 0) ))
  n=$((n + 1))
done
avg() { [[ -n ${sum[$1]:-} ]] && python3 -c "print(f'{${sum[$1]} / $2:.2f}')" || echo -; }
printf '%-44s %16s %16s %16s %16s\n' "mean s/file ($n files)" "$(avg cs $n)" "$(avg ds $n)" "$(avg ss $n)" \
  "$(avg ts "${sum[tn]:-1}")"
echo "(wall seconds / peak RSS MB; dmacheck (k) = k diagnostics lines, spatch (k) = k unchecked maps reported)"
