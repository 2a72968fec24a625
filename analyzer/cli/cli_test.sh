#!/usr/bin/env bash
# End-to-end checks of the dmacheck command line: exit codes, formats, bad input.
set -u
dmacheck=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() {  # check NAME EXPECTED_STATUS ACTUAL_STATUS
  if [[ "$2" != "$3" ]]; then echo "FAIL: $1: exit status $3, expected $2"; fail=1; else echo "ok: $1"; fi
}

cat > "$tmp/clean.c" <<'C'
#include <linux/dma-mapping.h>
void *f(struct device *dev, dma_addr_t *h) { return dma_alloc_coherent(dev, 64, h, GFP_KERNEL); }
C
cat > "$tmp/bad.c" <<'C'
#include <linux/dma-mapping.h>
void *f(struct device *dev, dma_addr_t *h) { return dma_alloc_coherent(dev, 64, h, GFP_DMA); }
C
"$dmacheck" -q "$tmp/clean.c" > "$tmp/out.txt"; check "clean file exits 0" 0 $?
"$dmacheck" -q "$tmp/bad.c" > "$tmp/out.txt"; check "finding exits 1" 1 $?
grep -q "bad.c:2:.*\[dma-gfp-zone\]" "$tmp/out.txt" || { echo "FAIL: text output lacks file:line [rule]"; cat "$tmp/out.txt"; fail=1; }
"$dmacheck" -q "$tmp/bad.c" /nonexistent.c > "$tmp/out.txt"; check "missing file exits 2" 2 $?
grep -q "bad.c:2:" "$tmp/out.txt" || { echo "FAIL: other files must still be reported"; fail=1; }
"$dmacheck" -q --disable dma-gfp-zone "$tmp/bad.c" > /dev/null; check "--disable" 0 $?
"$dmacheck" -q --disable all --enable dma-gfp-zone "$tmp/bad.c" "$tmp/clean.c" > /dev/null; check "--enable takes one value, then paths" 1 $?
"$dmacheck" -q --enable dma-no-such-rule "$tmp/bad.c" > /dev/null 2>&1; check "unknown rule is a usage error" 2 $?
"$dmacheck" -q --format json "$tmp/bad.c" > "$tmp/out.json"; check "json" 1 $?
python3 -c "import json,sys; d=json.load(open('$tmp/out.json')); assert d['findings'][0]['rule']=='dma-gfp-zone'; assert d['files'][0]['status']=='analyzed'" \
  || { echo "FAIL: json shape"; fail=1; }
"$dmacheck" -q --format sarif -o "$tmp/out.sarif" "$tmp/bad.c"; check "sarif -o" 1 $?
python3 -c "import json; d=json.load(open('$tmp/out.sarif')); assert d['version']=='2.1.0'; assert d['runs'][0]['results'][0]['ruleId']=='dma-gfp-zone'" \
  || { echo "FAIL: sarif shape"; fail=1; }
mkdir -p "$tmp/empty"; "$dmacheck" -q "$tmp/empty" > /dev/null; check "empty directory exits 2" 2 $?
mkdir -p "$tmp/db"; echo '[{"directory": ' > "$tmp/db/compile_commands.json"
"$dmacheck" -q -p "$tmp/db" "$tmp/bad.c" > /dev/null 2> "$tmp/err.txt"; check "broken compile db exits 2" 2 $?
grep -q "compile_commands.json" "$tmp/err.txt" || { echo "FAIL: broken db message"; cat "$tmp/err.txt"; fail=1; }
"$dmacheck" -q --write-baseline "$tmp/base.json" "$tmp/bad.c" > /dev/null
"$dmacheck" -q --baseline "$tmp/base.json" "$tmp/bad.c" > /dev/null; check "baselined findings exit 0" 0 $?
printf 'disable: [dma-gfp-zone]\n' > "$tmp/cfg.yaml"
"$dmacheck" -q --config "$tmp/cfg.yaml" "$tmp/bad.c" > /dev/null; check "config disables a rule" 0 $?
printf 'functions: [{name: x, kind: nonsense}]\n' > "$tmp/badcfg.yaml"
"$dmacheck" -q --config "$tmp/badcfg.yaml" "$tmp/bad.c" > /dev/null 2>&1; check "bad config exits 2" 2 $?
"$dmacheck" --list-rules | grep -q "^dma-gfp-zone" || { echo "FAIL: --list-rules"; fail=1; }
exit $fail
