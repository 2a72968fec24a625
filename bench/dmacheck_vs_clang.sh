#!/usr/bin/env bash
# dmacheck against clang's own parse, per file, with the same flags.
#   bench/dmacheck_vs_clang.sh [FILES or DIRS...]   (default: testdata/drivers testdata/modules)
# For each file prints: clang-16 -fsyntax-only (external process, same flags as
# dmacheck uses, model headers from analyzer/kernel_model/include), dmacheck
# with every rule disabled (its own parse: in-process front end + VFS), dmacheck
# with the default rules, and the ratio default/parse. Best of REPEAT runs
# (default 3) to damp noise on a shared machine. Needs build/bin/dmacheck.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dmacheck=${DMACHECK:-$root/build/bin/dmacheck}
clang=${CLANG:-clang-16}
repeat=${REPEAT:-3}
[[ $# -gt 0 ]] || set -- "$root/testdata/drivers" "$root/testdata/modules"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

best() {  # best wall seconds of $repeat runs of "$@"
  local b=""
  for ((i = 0; i < repeat; i++)); do
    local s e
    s=$(date +%s.%N); "$@" > /dev/null 2>&1 || true; e=$(date +%s.%N)
    b=$(python3 -c "a=$e-$s; b='$b'; print(a if b=='' else min(a, float(b)))")
  done
  printf '%.3f' "$b"
}

"$dmacheck" --show-flags "$@" > "$tmp/flags.jsonl"
printf '%-58s %9s %9s %9s %7s\n' file clang-16 dmck-parse dmacheck ratio
python3 - "$tmp/flags.jsonl" "$root" "$tmp" > "$tmp/commands.txt" <<'PY'
import json, os, shlex, sys
flags, root, tmp = sys.argv[1:]
model = os.path.join(root, "analyzer/kernel_model/include")
for n, line in enumerate(open(flags)):
    d = json.loads(line)
    args = d["arguments"]
    unresolved = os.path.join(tmp, f"unresolved{n}")
    for h in d["unresolved_headers"]:
        os.makedirs(os.path.dirname(os.path.join(unresolved, h)), exist_ok=True)
        open(os.path.join(unresolved, h), "w").close()
    os.makedirs(unresolved, exist_ok=True)
    args = [a.replace("/__dmacheck__/model", model).replace("/__dmacheck__/unresolved", unresolved) for a in args]
    args[0] = os.environ.get("CLANG", "clang-16")
    if "-fsyntax-only" not in args:
        args.insert(1, "-fsyntax-only")
    print(d["file"] + "\t" + d["directory"] + "\t" + " ".join(shlex.quote(a) for a in args))
PY
total_clang=0; total_parse=0; total_check=0
while IFS=$'\t' read -r file dir cmd; do
  c=$(cd "$dir" && best bash -c "$cmd -w")
  p=$(best "$dmacheck" -q -j1 --disable all "$file")
  d=$(best "$dmacheck" -q -j1 "$file")
  r=$(python3 -c "print(f'{$d/$p:.2f}')")
  name=$file; (( ${#name} > 58 )) && name="...${name: -55}"
  printf '%-58s %9s %9s %9s %7s\n' "$name" "$c" "$p" "$d" "$r"
  total_clang=$(python3 -c "print($total_clang+$c)"); total_parse=$(python3 -c "print($total_parse+$p)"); total_check=$(python3 -c "print($total_check+$d)")
done < "$tmp/commands.txt"
printf '%-58s %9.3f %9.3f %9.3f %7s\n' TOTAL "$total_clang" "$total_parse" "$total_check" "$(python3 -c "print(f'{$total_check/$total_parse:.2f}')")"
echo "(seconds, best of $repeat; dmck-parse = dmacheck --disable all; ratio = dmacheck / dmck-parse)"
