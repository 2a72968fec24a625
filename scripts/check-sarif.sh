#!/usr/bin/env bash
# Validates the SARIF of both engines against the SARIF 2.1.0 JSON schema.
#   scripts/check-sarif.sh DMACHECK DMATRACE
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
dmacheck=$1 dmatrace=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$dmacheck" -q --format sarif -o "$tmp/dmacheck.sarif" "$root/testdata/drivers" "$root/testdata/modules"
"$dmacheck" -q --format sarif -o "$tmp/dmacheck-failed.sarif" /nonexistent.c "$root/testdata/drivers/gfp_zone"
"$dmatrace" import -q "$root/testdata/traces/edu-stale-iova/trace.txt" -o "$tmp/run.db"
"$dmatrace" check --format sarif -o "$tmp/dmatrace.sarif" "$tmp/run.db"
python3 "$root/scripts/validate-sarif.py" "$tmp"/*.sarif
