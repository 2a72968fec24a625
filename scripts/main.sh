#!/usr/bin/env bash
# The main job on the bundled data, from a fresh machine:
#   1. install the Debian packages, 2. build,
#   3. dmacheck on the sample drivers (testdata/drivers, testdata/modules),
#   4. dmatrace import of a real captured trace (testdata/traces/strict-basic),
#   5. a summary; the run database stays in out/ for dmaview.
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

trace="$root/testdata/traces/strict-basic/trace.dat"
echo "== dmatrace: import of a real trace ($trace)"
"$bin/dmatrace" import --quiet "$trace" -o "$out/strict-basic.db"
"$bin/dmatrace" stats "$out/strict-basic.db" > "$out/strict-basic.stats.txt"
if "$bin/dmatrace" --help 2>&1 | grep -q "^ *check"; then
  set +e
  "$bin/dmatrace" check "$out/strict-basic.db" > "$out/strict-basic.findings.txt"
  set -e
fi

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
[[ -f "$out/strict-basic.findings.txt" ]] && { echo "dmatrace check:"; tail -n 20 "$out/strict-basic.findings.txt"; }
echo "Run database for dmaview: $out/strict-basic.db  (open it with: build/bin/dmaview $out/strict-basic.db)"
