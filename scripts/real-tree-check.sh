#!/usr/bin/env bash
# dmacheck on real kernel drivers, from a fresh Debian bookworm machine:
#   1. install linux-source-6.12 and the kernel build dependencies (as root),
#   2. extract it to $KTREE (default /tmp/ktree), `make defconfig && make prepare`,
#   3. dmacheck --kernel-tree over a fixed set of driver directories, JSON out,
#   4. a summary: files, analysed/partial/failed/skipped, parse errors, crashes, wall time,
#      findings by rule. Exit status 1 when any file crashed or timed out.
#
# dmacheck skips the .c files no kbuild rule compiles (#included by another
# .c) and analyses the drivers defconfig leaves out, with a note; ALL_FILES=1
# passes --all-files (check everything), BUILT_ONLY=1 --built-only (as
# `make C=2`: only what the .config builds).
#
#   scripts/real-tree-check.sh                 # everything
#   KTREE=/tmp/ktree JOBS=2 DMACHECK=build-x/bin/dmacheck scripts/real-tree-check.sh
#
# Each step is skipped when its output is already there (extracted tree,
# autoconf.h, dmacheck binary), so reruns only repeat the check. Long steps run
# under `nice -n 10` because the machines this runs on are shared.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
ktree=${KTREE:-/tmp/ktree}
jobs=${JOBS:-2}
out=${OUT:-$root/out/real-tree}
dmacheck=${DMACHECK:-$root/build/bin/dmacheck}
tarball=/usr/src/linux-source-6.12.tar.xz
dirs=(drivers/nvme drivers/net/ethernet/intel drivers/net/ethernet/realtek drivers/usb/host drivers/dma)
mkdir -p "$out"

now() { date +%s.%N; }
since() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$(now)"; }

need=()
[[ -f $tarball ]] || need+=(linux-source-6.12)
for tool in make gcc flex bison bc xz perl python3; do command -v $tool >/dev/null || need+=($tool); done
[[ -f /usr/include/libelf.h ]] || need+=(libelf-dev)
[[ -f /usr/include/openssl/ssl.h ]] || need+=(libssl-dev)
if ((${#need[@]})); then
  echo "== installing: ${need[*]}"
  if [[ $(id -u) != 0 ]]; then echo "real-tree-check: run as root to install ${need[*]}" >&2; exit 2; fi
  apt-get update -qq
  # Debian 12 ships linux-source-6.12 through bookworm-security only; a
  # minimal install (debootstrap, some containers) has no security source.
  if [[ " ${need[*]} " == *" linux-source-6.12 "* ]] && ! apt-cache show linux-source-6.12 >/dev/null 2>&1; then
    echo "== linux-source-6.12 is in bookworm-security, which apt does not list: adding it"
    echo "deb http://deb.debian.org/debian-security bookworm-security main" > /etc/apt/sources.list.d/dmacheck-bookworm-security.list
    apt-get update -qq
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]/xz/xz-utils}"
fi

if [[ ! -f $ktree/Makefile || ! -d $ktree/drivers/usb/host ]]; then
  echo "== extracting $tarball to $ktree"
  mkdir -p "$ktree"
  t=$(now)
  nice -n 10 tar -xJf "$tarball" -C "$ktree" --strip-components=1
  echo "   extract: $(since "$t") s"
fi
if [[ ! -f $ktree/include/generated/autoconf.h || ! -d $ktree/arch/x86/include/generated/asm ]]; then
  echo "== make defconfig && make prepare in $ktree"
  t=$(now)
  nice -n 10 make -C "$ktree" -s defconfig
  echo "   defconfig: $(since "$t") s"
  t=$(now)
  nice -n 10 make -C "$ktree" -s -j"$jobs" prepare
  echo "   prepare: $(since "$t") s"
fi

if [[ ! -x $dmacheck ]]; then
  echo "== installing dmacheck's build dependencies and building it"
  "$root/scripts/install-deps.sh"
  "$root/scripts/build.sh"
fi

echo "== dmacheck --kernel-tree $ktree -j$jobs over ${dirs[*]}"
paths=()
for d in "${dirs[@]}"; do paths+=("$ktree/$d"); done
report=$out/real-tree.json
t=$(now)
set +e
extra=()
[[ ${ALL_FILES:-0} == 1 ]] && extra+=(--all-files)
[[ ${BUILT_ONLY:-0} == 1 ]] && extra+=(--built-only)
nice -n 10 "$dmacheck" -q --kernel-tree "$ktree" -j "$jobs" "${extra[@]}" --format json -o "$report" "${paths[@]}"
status=$?
set -e
wall=$(since "$t")
if [[ $status -ne 0 && $status -ne 1 && ! -s $report ]]; then
  echo "real-tree-check: dmacheck exited with $status and wrote no report" >&2
  exit 2
fi

python3 - "$report" "$wall" "$ktree" <<'EOF'
import json, sys
report, wall, tree = sys.argv[1], float(sys.argv[2]), sys.argv[3].rstrip("/") + "/"
doc = json.load(open(report))
files, stats = doc["files"], doc["stats"]
crashed = [f for f in files if any("crashed" in d or "longer than" in d or "no result" in d
                                   for d in f["diagnostics"])]
with_errors = [f for f in files if f["errors"]]
print(f"files:        {stats['files']}")
skipped = [f for f in files if f["status"] == "skipped"]
print(f"analysed:     {stats['analyzed']}   partial: {stats['partial']}   failed: {stats['failed']}   "
      f"skipped: {len(skipped)}")
if skipped:
    not_built = sum(1 for f in skipped if f.get("reason", "").startswith("not built"))
    print(f"  skipped:    {not_built} not built with this .config, {len(skipped) - not_built} not compilation units")
print(f"parse errors: {sum(f['errors'] for f in files)} in {len(with_errors)} files")
print(f"crashes:      {len(crashed)}")
checked = max(len(files) - len(skipped), 1)
print(f"wall time:    {wall:.1f} s ({wall / checked:.2f} s/checked file at the given -j; "
      f"{sum(f['seconds'] for f in files):.1f} s of per-file analysis)")
print(f"findings:     {stats['findings']}")
for rule, count in sorted(stats["by_rule"].items(), key=lambda kv: (-kv[1], kv[0])):
    print(f"  {count:5d}  {rule}")
for f in with_errors[:10]:
    print(f"  partial: {f['file'].replace(tree, '')}: {f['diagnostics'][0] if f['diagnostics'] else ''}")
for f in crashed:
    print(f"  CRASH: {f['file'].replace(tree, '')}: {f['diagnostics'][0]}")
sys.exit(1 if crashed else 0)
EOF
echo "report: $report"
