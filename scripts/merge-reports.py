#!/usr/bin/env python3
"""Merges the JSON or SARIF reports of `dmacheck --shard I/N` runs into one.

    scripts/merge-reports.py shard-*.json -o all.json
    scripts/merge-reports.py shard-*.sarif -o all.sarif

The format is taken from the inputs (all must be the same format, from the
same dmacheck version). JSON: findings and files are concatenated and sorted,
the stats recomputed (each status counted: analyzed, partial, failed, skipped); "seconds" is the longest shard's (shards run side by
side) and "shard_seconds" their sum. SARIF: one run whose results and
notifications are the shards'. A file reported by two shards is an error: the
shards were not made from the same inputs.
"""
import argparse
import json
import sys


class MergeError(Exception):
    pass


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except OSError as e:
        raise MergeError(f"{path}: {e.strerror}")
    except json.JSONDecodeError as e:
        raise MergeError(f"{path}: not JSON ({e})")
    if isinstance(doc, dict) and "runs" in doc and "version" in doc:
        return "sarif", doc
    if isinstance(doc, dict) and doc.get("tool", {}).get("name") == "dmacheck" and "files" in doc:
        return "json", doc
    raise MergeError(f"{path}: neither a dmacheck JSON report nor a SARIF log")


def merge_json(docs, paths):
    versions = {d["tool"].get("version") for d in docs}
    if len(versions) > 1:
        raise MergeError(f"reports come from different dmacheck versions: {sorted(map(str, versions))}")
    findings, files, owner = [], [], {}
    suppressed = baselined = 0
    seconds = []
    for doc, path in zip(docs, paths):
        for f in doc["files"]:
            if f["file"] in owner:
                raise MergeError(f"{f['file']} is in both {owner[f['file']]} and {path}: "
                                 "were the shards made from the same inputs?")
            owner[f["file"]] = path
            files.append(f)
        findings.extend(doc["findings"])
        stats = doc.get("stats", {})
        suppressed += stats.get("suppressed", 0)
        baselined += stats.get("baselined", 0)
        seconds.append(stats.get("seconds", 0))
    findings.sort(key=lambda f: (f["file"], f["line"], f["column"], f["rule"], f["message"]))
    files.sort(key=lambda f: f["file"])
    by_rule = {}
    for f in findings:
        by_rule[f["rule"]] = by_rule.get(f["rule"], 0) + 1
    status = lambda s: sum(1 for f in files if f["status"] == s)
    return {
        "tool": docs[0]["tool"],
        "findings": findings,
        "files": files,
        "stats": {
            "files": len(files), "analyzed": status("analyzed"), "partial": status("partial"),
            "failed": status("failed"), "skipped": status("skipped"), "findings": len(findings),
            "suppressed": suppressed, "baselined": baselined, "by_rule": dict(sorted(by_rule.items())),
            "seconds": max(seconds, default=0), "shard_seconds": sum(seconds), "shards": len(docs),
        },
    }


def merge_sarif(docs, paths):
    runs = [run for doc in docs for run in doc["runs"]]
    if not runs:
        raise MergeError("no runs in the SARIF inputs")
    drivers = {json.dumps(run["tool"]["driver"].get("version")) for run in runs}
    if len(drivers) > 1:
        raise MergeError("SARIF logs come from different dmacheck versions")
    # ruleIndex points into the driver's rules: they must be the same list.
    rules = {json.dumps([r["id"] for r in run["tool"]["driver"].get("rules", [])]) for run in runs}
    if len(rules) > 1:
        raise MergeError("SARIF logs list different rules (different dmacheck builds?)")
    merged = json.loads(json.dumps(runs[0]))
    results, notifications, ok = [], [], True
    for run in runs:
        results.extend(run.get("results", []))
        for inv in run.get("invocations", []):
            ok = ok and inv.get("executionSuccessful", True)
            notifications.extend(inv.get("toolExecutionNotifications", []))

    def key(result):
        loc = result.get("locations", [{}])[0].get("physicalLocation", {})
        return (loc.get("artifactLocation", {}).get("uri", ""), loc.get("region", {}).get("startLine", 0),
                loc.get("region", {}).get("startColumn", 0), result.get("ruleId", ""))

    results.sort(key=key)
    invocation = {"executionSuccessful": ok}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    merged["invocations"] = [invocation]
    merged["results"] = results
    return {"$schema": docs[0].get("$schema"), "version": docs[0]["version"], "runs": [merged]}


def main(argv):
    parser = argparse.ArgumentParser(description="Merge dmacheck shard reports (JSON or SARIF).")
    parser.add_argument("reports", nargs="+", help="reports of `dmacheck --shard I/N` runs")
    parser.add_argument("-o", "--output", help="write here instead of stdout")
    args = parser.parse_args(argv)
    try:
        loaded = [load(p) for p in args.reports]
        kinds = {k for k, _ in loaded}
        if len(kinds) > 1:
            raise MergeError("mixed formats: give all JSON or all SARIF reports")
        docs = [d for _, d in loaded]
        merged = merge_json(docs, args.reports) if kinds == {"json"} else merge_sarif(docs, args.reports)
    except MergeError as e:
        print(f"merge-reports: error: {e}", file=sys.stderr)
        return 2
    text = json.dumps(merged, indent=2) + "\n"
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
