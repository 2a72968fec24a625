#!/usr/bin/env bash
# The main job on the bundled data, from a fresh machine:
#   1. install the Debian packages, 2. build,
#   3. dmacheck on the sample drivers (testdata/drivers, testdata/modules),
#   4. dmatrace import + check of real captured traces (testdata/traces:
#      strict-basic, edu-stale-iova),
#   5. a summary; the run databases stay in out/ for dmaview.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
bin="$root/build/bin"
out="$root/out"
mkdir -p "$out"

echo "== dmacheck: static check of the sample drivers"
set +e
"$bin/dmacheck" -q --format json -o "$out/dmacheck.json" "$root/testdata/drivers" "$root/testdata/modules"
static_status=$?
"$bin/dmacheck" -q "$root/testdata/drivers" "$root/testdata/modules" > "$out/dmacheck.txt"
set -e
echo "   exit status $static_status (1 = findings); report: out/dmacheck.txt, out/dmacheck.json"

echo "== dmatrace: import and check of real traces (testdata/traces)"
# A clean run of nvme/ahci/xhci/e1000e under a strict IOMMU, and the edu
# module using an IOVA after its unmap (a real DMAR fault).
for run in strict-basic edu-stale-iova; do
  "$bin/dmatrace" import --quiet "$root/testdata/traces/$run/trace.dat" -o "$out/$run.db"
  "$bin/dmatrace" stats "$out/$run.db" > "$out/$run.stats.txt"
  set +e
  "$bin/dmatrace" check "$out/$run.db" > "$out/$run.findings.txt" 2>&1
  set -e
done

echo "== summary"
python3 - "$out" <<'PY'
import json, sys, collections
out = sys.argv[1]
d = json.load(open(f"{out}/dmacheck.json"))
by_rule = collections.Counter(f["rule"] for f in d["findings"])
s = d["stats"]
print(f"dmacheck: {s['files']} files ({s['analyzed']} analysed, {s['partial']} partial, {s['failed']} failed), {s['findings']} findings")
for rule, n in sorted(by_rule.items()):
    print(f"  {n:4d}  {rule}")
PY
sed -n '1,40p' "$out/strict-basic.stats.txt"
for run in strict-basic edu-stale-iova; do
  echo "dmatrace check $run:"
  sed 's/^/  /' "$out/$run.findings.txt"
done
echo "Run database for dmaview: $out/strict-basic.db  (open it with: build/bin/dmaview $out/strict-basic.db)"
