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

# --- result cache (--cache-dir) ---
cache="$tmp/cache"
mkdir -p "$tmp/cached"
printf '#define BUF_FLAGS GFP_DMA\n' > "$tmp/cached/flags.h"
cat > "$tmp/cached/hdr.c" <<'C'
#include <linux/dma-mapping.h>
#include "flags.h"
void *g(struct device *dev, dma_addr_t *h) { return dma_alloc_coherent(dev, 64, h, BUF_FLAGS); }
C
cp "$tmp/bad.c" "$tmp/clean.c" "$tmp/cached/"
cached=("$tmp/cached/bad.c" "$tmp/cached/clean.c" "$tmp/cached/hdr.c")
strip_seconds() { python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
d['stats'].pop('seconds')
for f in d['files']: f.pop('seconds')
print(json.dumps(d, sort_keys=True))" "$1"; }
for fmt in text json sarif; do
  rm -rf "$cache"
  "$dmacheck" --cache-dir "$cache" --format $fmt -j2 "${cached[@]}" > "$tmp/miss.$fmt" 2> "$tmp/miss.err"; check "cache miss ($fmt)" 1 $?
  grep -q "cache: 0 hits, 3 misses" "$tmp/miss.err" || { echo "FAIL: first run ($fmt) is not all misses"; cat "$tmp/miss.err"; fail=1; }
  "$dmacheck" --cache-dir "$cache" --format $fmt -j2 "${cached[@]}" > "$tmp/hit.$fmt" 2> "$tmp/hit.err"; check "cache hit ($fmt)" 1 $?
  grep -q "cache: 3 hits, 0 misses" "$tmp/hit.err" || { echo "FAIL: second run ($fmt) is not all hits"; cat "$tmp/hit.err"; fail=1; }
done
cmp -s "$tmp/miss.text" "$tmp/hit.text" || { echo "FAIL: cache hit changes text output"; diff "$tmp/miss.text" "$tmp/hit.text"; fail=1; }
cmp -s "$tmp/miss.sarif" "$tmp/hit.sarif" || { echo "FAIL: cache hit changes sarif output"; diff "$tmp/miss.sarif" "$tmp/hit.sarif"; fail=1; }
[[ "$(strip_seconds "$tmp/miss.json")" == "$(strip_seconds "$tmp/hit.json")" ]] \
  || { echo "FAIL: cache hit changes json output (beyond timings)"; fail=1; }
"$dmacheck" -q "${cached[@]}" > "$tmp/nocache.text"
cmp -s "$tmp/nocache.text" "$tmp/hit.text" || { echo "FAIL: cached output differs from an uncached run"; diff "$tmp/nocache.text" "$tmp/hit.text"; fail=1; }
"$dmacheck" -q --cache-dir "$cache" "${cached[@]}" 2> "$tmp/err.txt" > /dev/null
[[ ! -s "$tmp/err.txt" ]] || { echo "FAIL: -q must silence the cache summary"; cat "$tmp/err.txt"; fail=1; }

printf '#define BUF_FLAGS GFP_KERNEL\n' > "$tmp/cached/flags.h"
"$dmacheck" --cache-dir "$cache" "${cached[@]}" > "$tmp/out.txt" 2> "$tmp/err.txt"; check "changed header" 1 $?
grep -q "cache: 2 hits, 1 misses" "$tmp/err.txt" || { echo "FAIL: changing an included header must miss"; cat "$tmp/err.txt"; fail=1; }
grep -q "hdr.c" "$tmp/out.txt" && { echo "FAIL: stale finding after a header change"; fail=1; }
"$dmacheck" -q "${cached[@]}" > "$tmp/nocache.text"

"$dmacheck" --cache-dir "$cache" --disable dma-gfp-zone "${cached[@]}" > /dev/null 2> "$tmp/err.txt"; check "cache with another rule set" 0 $?
grep -q "cache: 0 hits, 3 misses" "$tmp/err.txt" || { echo "FAIL: changing the rule set must miss"; cat "$tmp/err.txt"; fail=1; }
"$dmacheck" --cache-dir "$cache" --enable dma-addr-truncation "${cached[@]}" > /dev/null 2> "$tmp/err.txt"
grep -q "cache: 0 hits, 3 misses" "$tmp/err.txt" || { echo "FAIL: --enable must miss"; cat "$tmp/err.txt"; fail=1; }
printf 'options:\n  dma-unchecked-set-mask: {min-bits: 24}\n' > "$tmp/opts.yaml"
"$dmacheck" --cache-dir "$cache" --config "$tmp/opts.yaml" "${cached[@]}" > /dev/null 2> "$tmp/err.txt"
grep -q "cache: 0 hits, 3 misses" "$tmp/err.txt" || { echo "FAIL: changing the config must miss"; cat "$tmp/err.txt"; fail=1; }

# Comments are not in the preprocessor's output, but suppressions live there: the same preprocessed text must miss.
sed '2s|$| /* dmacheck-ignore: dma-gfp-zone */|' "$tmp/bad.c" > "$tmp/cached/bad.c"
"$dmacheck" --cache-dir "$cache" "${cached[@]}" > "$tmp/out.txt" 2> "$tmp/err.txt"; check "suppression comment after a hit" 0 $?
grep -q "1 suppressed" "$tmp/out.txt" || { echo "FAIL: a new dmacheck-ignore comment must apply"; cat "$tmp/out.txt"; fail=1; }
cp "$tmp/bad.c" "$tmp/cached/bad.c"
"$dmacheck" -q --cache-dir "$cache" --write-baseline "$tmp/cbase.json" "${cached[@]}" > /dev/null
"$dmacheck" -q --cache-dir "$cache" --baseline "$tmp/cbase.json" "${cached[@]}" > "$tmp/out.txt"; check "baseline applies to cache hits" 0 $?

for entry in $(find "$cache" -type f -path "$cache/??/*"); do printf 'not json' > "$entry"; done
"$dmacheck" --cache-dir "$cache" "${cached[@]}" > "$tmp/out.txt" 2> "$tmp/err.txt"; check "corrupt cache entries" 1 $?
cmp -s "$tmp/nocache.text" "$tmp/out.txt" || { echo "FAIL: corrupt entries change the output"; diff "$tmp/nocache.text" "$tmp/out.txt"; fail=1; }
grep -q "0 hits, 3 misses" "$tmp/err.txt" || { echo "FAIL: corrupt entries must be misses"; cat "$tmp/err.txt"; fail=1; }

printf 'x' > "$tmp/notadir"
"$dmacheck" --cache-dir "$tmp/notadir/cache" "${cached[@]}" > "$tmp/out.txt" 2> "$tmp/err.txt"; check "unwritable cache dir" 1 $?
grep -q "warning: cannot create the cache directory" "$tmp/err.txt" || { echo "FAIL: unwritable cache needs a warning"; cat "$tmp/err.txt"; fail=1; }
cmp -s "$tmp/nocache.text" "$tmp/out.txt" || { echo "FAIL: unwritable cache changes the output"; fail=1; }

DMACHECK_CACHE_DIR="$cache" "$dmacheck" "${cached[@]}" > /dev/null 2> "$tmp/err.txt"
grep -q "cache: 3 hits" "$tmp/err.txt" || { echo "FAIL: DMACHECK_CACHE_DIR is not used"; cat "$tmp/err.txt"; fail=1; }
DMACHECK_CACHE_DIR="$cache" "$dmacheck" --no-cache "${cached[@]}" > /dev/null 2> "$tmp/err.txt"
grep -q "cache:" "$tmp/err.txt" && { echo "FAIL: --no-cache must override DMACHECK_CACHE_DIR"; fail=1; }

# --- --kernel-tree: files kbuild does not compile are skipped (a tiny fake tree) ---
kt="$tmp/ktree"
mkdir -p "$kt/include/linux" "$kt/include/generated/uapi" "$kt/include/config" "$kt/arch/x86/include/generated/asm" \
  "$kt/drivers/foo" "$kt/drivers/bar"
touch "$kt/include/linux/kconfig.h" "$kt/include/linux/compiler-version.h" "$kt/include/linux/compiler_types.h"
printf '#define CONFIG_X86_64 1\n#define CONFIG_FOO 1\n' > "$kt/include/generated/autoconf.h"
printf 'CONFIG_X86_64=y\nCONFIG_FOO=y\n' > "$kt/include/config/auto.conf"
printf 'obj-y += foo/\nobj-$(CONFIG_BAR) += bar/\n' > "$kt/drivers/Makefile"
printf 'obj-$(CONFIG_FOO) += foo.o\nobj-$(CONFIG_OFF) += off.o\n' > "$kt/drivers/foo/Makefile"
printf 'obj-y += bar.o\n' > "$kt/drivers/bar/Makefile"
printf 'int foo;\n' > "$kt/drivers/foo/foo.c"
printf 'int off = ;\n' > "$kt/drivers/foo/off.c"         # would be partial: its config is off
printf 'static int included = ;\n' > "$kt/drivers/foo/inc.c"  # no rule: #included by another file
printf 'int bar = ;\n' > "$kt/drivers/bar/bar.c"          # its directory is off
# Default: only .c files no kbuild rule compiles are skipped; files the .config
# leaves out are analysed with a note saying why they may not parse.
"$dmacheck" --kernel-tree "$kt" --format json -o "$tmp/kt.json" "$kt/drivers" 2> "$tmp/kt.err"; check "skipped files are not errors" 0 $?
python3 - "$tmp/kt.json" <<'PY' || { echo "FAIL: default skip policy in json"; cat "$tmp/kt.json"; fail=1; }
import json, sys
d = json.load(open(sys.argv[1]))
status = {f["file"].split("/drivers/")[1]: f for f in d["files"]}
assert status["foo/foo.c"]["status"] == "analyzed", status["foo/foo.c"]
assert status["foo/inc.c"]["status"] == "skipped", status["foo/inc.c"]
assert status["foo/inc.c"]["reason"].startswith("not compiled on its own: no kbuild rule")
for name, why in (("foo/off.c", "CONFIG_OFF is not set"),
                  ("bar/bar.c", "directory drivers/bar/ is not descended into, CONFIG_BAR is not set")):
    assert status[name]["status"] == "partial", status[name]
    assert why in status[name]["diagnostics"][0] and status[name]["diagnostics"][0].startswith("note: "), status[name]
assert d["stats"]["skipped"] == 1 and d["stats"]["partial"] == 2 and d["stats"]["files"] == 4, d["stats"]
PY
grep -q "1 skipped (not compilation units, or with --built-only not built with this .config; --all-files checks them)" \
  "$tmp/kt.err" || { echo "FAIL: the run summary must count skipped files"; cat "$tmp/kt.err"; fail=1; }
# --built-only: as `make C=2` sees the tree.
"$dmacheck" --kernel-tree "$kt" --built-only --format json -o "$tmp/kt-built.json" "$kt/drivers" 2> "$tmp/kt.err"
check "--built-only" 0 $?
python3 - "$tmp/kt-built.json" <<'PY' || { echo "FAIL: --built-only in json"; cat "$tmp/kt-built.json"; fail=1; }
import json, sys
d = json.load(open(sys.argv[1]))
status = {f["file"].split("/drivers/")[1]: f for f in d["files"]}
for name in ("foo/off.c", "foo/inc.c", "bar/bar.c"):
    assert status[name]["status"] == "skipped", status[name]
assert "CONFIG_OFF is not set" in status["foo/off.c"]["reason"]
assert "directory drivers/bar/ is not descended into, CONFIG_BAR is not set" in status["bar/bar.c"]["reason"]
assert d["stats"]["skipped"] == 3 and d["stats"]["analyzed"] == 1 and d["stats"]["files"] == 4, d["stats"]
PY
"$dmacheck" --kernel-tree "$kt" --built-only "$kt/drivers" > "$tmp/kt.txt"; check "skipped files in text" 0 $?
grep -q "dmacheck: 4 files (1 analysed, 0 partial, 0 failed, 3 skipped), 0 findings" "$tmp/kt.txt" \
  && grep -q "^dmacheck: 3 skipped (not compilation units" "$tmp/kt.txt" && ! grep -q "off.c" "$tmp/kt.txt" \
  || { echo "FAIL: text output of skipped files"; cat "$tmp/kt.txt"; fail=1; }
"$dmacheck" --kernel-tree "$kt" --built-only --all-files "$kt/drivers" > /dev/null 2>&1; check "--built-only excludes --all-files" 2 $?
"$dmacheck" -q --kernel-tree "$kt" --all-files --format json -o "$tmp/kt-all.json" "$kt/drivers"; check "--all-files" 0 $?
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['stats']['skipped']==0 and d['stats']['partial']==3, d['stats']" \
  "$tmp/kt-all.json" || { echo "FAIL: --all-files must analyse every file"; fail=1; }
"$dmacheck" -q --kernel-tree "$kt" --built-only --format json -o "$tmp/kt-named.json" "$kt/drivers/foo/off.c" "$kt/drivers/bar"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); s={f['file'].split('/drivers/')[1]: f['status'] for f in d['files']}; assert s=={'foo/off.c':'partial','bar/bar.c':'skipped'}, s" \
  "$tmp/kt-named.json" || { echo "FAIL: a file named on the command line is always analysed"; cat "$tmp/kt-named.json"; fail=1; }
"$dmacheck" -q --format json -o "$tmp/kt-model.json" "$kt/drivers/foo"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['stats']['skipped']==0, d['stats']" "$tmp/kt-model.json" \
  || { echo "FAIL: without --kernel-tree nothing is skipped"; fail=1; }
"$dmacheck" -q --kernel-tree "$kt" --built-only --format sarif -o "$tmp/kt.sarif" "$kt/drivers"; check "skipped files in sarif" 0 $?
python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
inv = d['runs'][0]['invocations'][0]
assert inv['executionSuccessful'], inv
notes = [n['message']['text'] for n in inv['toolExecutionNotifications']]
assert notes == ['dmacheck: 3 skipped (not compilation units, or with --built-only not built with this .config; --all-files checks them)'], notes
" "$tmp/kt.sarif" || { echo "FAIL: sarif notification of skipped files"; cat "$tmp/kt.sarif"; fail=1; }
python3 "$root/scripts/validate-sarif.py" "$tmp/kt.sarif" > /dev/null 2>&1
case $? in 0|2) ;; *) echo "FAIL: sarif with skipped files is not valid SARIF"; python3 "$root/scripts/validate-sarif.py" "$tmp/kt.sarif"; fail=1 ;; esac
"$dmacheck" --kernel-tree "$kt" --built-only --cache-dir "$tmp/kt-cache" "$kt/drivers" > /dev/null 2> "$tmp/kt.err"
"$dmacheck" --kernel-tree "$kt" --built-only --cache-dir "$tmp/kt-cache" "$kt/drivers" > "$tmp/kt-hit.txt" 2> "$tmp/kt.err"
grep -q "cache: 1 hits, 0 misses" "$tmp/kt.err" || { echo "FAIL: skipped files never reach the cache"; cat "$tmp/kt.err"; fail=1; }
cmp -s "$tmp/kt.txt" "$tmp/kt-hit.txt" || { echo "FAIL: cache hits change the skipped report"; diff "$tmp/kt.txt" "$tmp/kt-hit.txt"; fail=1; }
exit $fail
