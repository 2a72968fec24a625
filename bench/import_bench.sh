#!/usr/bin/env bash
# dmatrace import next to the baseline readers, on the same inputs:
#   bench/import_bench.sh TRACE.txt [TRACE.dat]
#   DMATRACE=build-lead/bin/dmatrace OUT=/var/tmp/dmabench bench/import_bench.sh \
#       /var/tmp/dmabench/trace-10M.txt /var/tmp/dmabench/trace-10M.dat
# (make the inputs with bench/trace_gen.py). Per input, wall seconds and peak RSS
# (/usr/bin/time -v) of
#   text:      wc -l TRACE.txt                    (the floor: reading the file once)
#              dmatrace import TRACE.txt -o OUT/bench-text.db
#              dmacheck-read-trace TRACE.txt   (the reader alone, no SQLite; if it is
#                                               next to dmatrace)
#   trace.dat: trace-cmd report TRACE.dat > /dev/null   (libtracecmd's own reader + printer)
#              dmatrace import TRACE.dat -o OUT/bench-dat.db
#              dmacheck-read-trace TRACE.dat
# events/s = events in the database / wall seconds; cpu = user + sys seconds
# (the import uses a second thread for SQLite, so cpu can exceed wall). The 1-minute load average
# before each run is printed next to it: the machines are shared and everything
# runs under nice -n ${NICE:-5}, so the figures are upper bounds for an idle machine.
# Then the targets of the issue: text import >= 1 M events/s; trace.dat import
# >= 2x faster than trace-cmd report; peak RSS < 500 MB (the issue's figure is
# for 10 M events). And the import accounting (dmatrace stats): the reader's
# input units (events + skipped + errored) must be the text's lines.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dmatrace=${DMATRACE:-$root/build/bin/dmatrace}
read_trace=$(dirname "$dmatrace")/dmacheck-read-trace
out=${OUT:-/var/tmp/dmabench}
nice_level=${NICE:-5}
[[ $# -ge 1 && $# -le 2 ]] || { sed -n '2,5p' "$0" >&2; exit 2; }
text=$1
dat=${2:-}
[[ -x $dmatrace ]] || { echo "import_bench: no dmatrace at $dmatrace (set DMATRACE)" >&2; exit 2; }
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

load1() { cut -d' ' -f1 /proc/loadavg; }

# run NAME CMD... : sets wall (s), rss (MB), load; stdout of CMD -> $tmp/NAME.out (or $STDOUT),
# time -v -> $tmp/NAME.time
run() {
  local name=$1; shift
  local to=${STDOUT:-$tmp/$name.out}
  sync
  load=$(load1)
  /usr/bin/time -v -o "$tmp/$name.time" nice -n "$nice_level" "$@" > "$to" 2> "$tmp/$name.err" || {
    echo "import_bench: $name failed: $*" >&2; tail -5 "$tmp/$name.err" >&2; }
  local e
  e=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tmp/$name.time")
  wall=$(awk -v t="$e" 'BEGIN { n = split(t, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }')
  rss=$(awk '/Maximum resident set size/ { printf "%.0f", $NF / 1024 }' "$tmp/$name.time")
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$tmp/$name.time")
}

row() {  # tool wall rss load events (and $cpu of the last run)
  local rate="-"
  [[ -n ${5:-} ]] && rate=$(awk -v n="$5" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print "-" }')
  printf '  %-40s %8s s wall %8s s cpu %10s ev/s %6s MB   load %s\n' "$1" "$2" "$cpu" "$rate" "$3" "$4"
}

events_of() { "$dmatrace" stats "$1" | awk '/^events: / { print $2; exit }'; }

echo "dmatrace: $dmatrace ($("$dmatrace" --version 2>/dev/null || echo '?'))"
echo "host: $(nproc) CPUs, $(uname -r); nice -n $nice_level; $(date -u '+%Y-%m-%d %H:%M UTC')"

verdict() { if awk "BEGIN { exit !($1) }"; then echo "met"; else echo "NOT met"; fi; }

# ---- ftrace text ----
echo
echo "== ftrace text: $text ($(du -m "$text" | cut -f1) MB)"
run wc wc -l "$text"
lines=$(awk '{ print $1 }' "$tmp/wc.out")
wc_wall=$wall wc_rss=$rss wc_load=$load wc_cpu=$cpu
run text "$dmatrace" import "$text" -o "$out/bench-text.db"
t_wall=$wall t_rss=$rss t_load=$load t_cpu=$cpu
t_events=$(events_of "$out/bench-text.db")
cpu=$wc_cpu row "wc -l ($lines lines)" "$wc_wall" "$wc_rss" "$wc_load" "$lines"
cpu=$t_cpu row "dmatrace import ($t_events events)" "$t_wall" "$t_rss" "$t_load" "$t_events"
cat "$tmp/text.out" "$tmp/text.err" | tail -3 | sed "s/^/    | /"
if [[ -x $read_trace ]]; then
  run rtext "$read_trace" "$text"
  row "dmacheck-read-trace (reader only)" "$wall" "$rss" "$load" "$t_events"
fi
echo "  import accounting (dmatrace stats):"
"$dmatrace" stats "$out/bench-text.db" | grep -E 'source |^events:' | sed 's/^/    /'
"$dmatrace" stats "$out/bench-text.db" | sed -n '/import_stats/,$p' | sed 's/^/    /'
units=$("$dmatrace" stats "$out/bench-text.db" | sed -n 's/.* events from \([0-9]*\) input units.*/\1/p' | head -1)
all_lines=$lines
[[ -s $text && $(tail -c1 "$text" | od -An -c | tr -d ' ') != '\n' ]] && all_lines=$((lines + 1))  # a last line without newline
echo "  every line accounted for: $units input units vs $all_lines lines -> $([[ $units == "$all_lines" ]] && echo yes || echo NO)"
t_rate=$(awk -v n="$t_events" -v s="$t_wall" 'BEGIN { printf "%.0f", n / s }')
echo "  target text import >= 1000000 events/s: $t_rate -> $(verdict "$t_rate >= 1000000")"
echo "  target peak RSS < 500 MB: $t_rss MB -> $(verdict "$t_rss < 500")"

# ---- trace.dat ----
if [[ -n $dat ]]; then
  echo
  echo "== trace.dat: $dat ($(du -m "$dat" | cut -f1) MB)"
  STDOUT=/dev/null run report trace-cmd report "$dat"
  r_wall=$wall r_rss=$rss r_load=$load r_cpu=$cpu
  run datimp "$dmatrace" import "$dat" -o "$out/bench-dat.db"
  d_wall=$wall d_rss=$rss d_load=$load d_cpu=$cpu
  d_events=$(events_of "$out/bench-dat.db")
  cpu=$r_cpu row "trace-cmd report > /dev/null" "$r_wall" "$r_rss" "$r_load" "$d_events"
  cpu=$d_cpu row "dmatrace import ($d_events events)" "$d_wall" "$d_rss" "$d_load" "$d_events"
  cat "$tmp/datimp.out" "$tmp/datimp.err" | tail -3 | sed "s/^/    | /"
  if [[ -x $read_trace ]]; then
    run rdat "$read_trace" "$dat"
    row "dmacheck-read-trace (reader only)" "$wall" "$rss" "$load" "$d_events"
  fi
  echo "  import accounting (dmatrace stats):"
  "$dmatrace" stats "$out/bench-dat.db" | grep -E 'source |^events:' | sed 's/^/    /'
  "$dmatrace" stats "$out/bench-dat.db" | sed -n '/import_stats/,$p' | sed 's/^/    /'
  speedup=$(awk -v a="$r_wall" -v b="$d_wall" 'BEGIN { printf "%.2f", a / b }')
  echo "  target trace.dat import >= 2x faster than trace-cmd report: ${speedup}x -> $(verdict "$speedup >= 2")"
  echo "  target peak RSS < 500 MB: $d_rss MB -> $(verdict "$d_rss < 500")"
fi
