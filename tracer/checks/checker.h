// The checker: resolves --enable/--disable against the catalogue, loads the
// CheckContext once, runs every check whose rules are enabled, fills
// severities from the catalogue and orders the findings by time.
//
//   store::RunReader  ──►  CheckContext  ──►  TraceCheck::run × N  ──►  CheckResult
//                                                                        │
//                       storeFindings(RUN.db) ◄──────────────────────────┘
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "trace_check.h"

namespace dmacheck::store {
class RunReader;
}

namespace dmacheck::tracer::checks {

struct CheckOptions {
  // Rule ids, group names (dma-unmap-mismatch) or "all". Empty enable: every
  // trace rule enabled by default (catalogue `default:`). Disable wins.
  std::vector<std::string> enable;
  std::vector<std::string> disable;
};

struct CheckRunStats {
  std::vector<std::string> rules;        // rule ids that ran, in catalogue order
  std::map<std::string, uint64_t> findingsByRule;
  uint64_t findings = 0;
  uint64_t inconclusive = 0;
  uint64_t errors = 0, warnings = 0, infos = 0;  // conclusive findings by severity
  uint64_t devices = 0;
  uint64_t mappings = 0;
  uint64_t liveAtEnd = 0;
  uint64_t releases = 0;
  uint64_t lostWindows = 0;
  bool overwritten = false;
  std::string lossDescription;           // "" when nothing was lost
  std::map<std::string, uint64_t> counters;  // per-check counters (what was examined)
  std::vector<std::string> problems;     // things the checks could not read
  double seconds = 0;
};

struct CheckResult {
  std::vector<TraceFinding> findings;  // by (ts, device, rule)
  CheckRunStats stats;
};

// The rule ids dmatrace implements (the union of the checks' ruleIds()), in
// catalogue order.
std::vector<std::string> traceRuleIds();

// Expands enable/disable into rule ids. False with a message for a name that
// is neither a rule nor a group; a known rule that only the static engine
// implements is ignored with a note.
bool resolveRules(const CheckOptions &options, std::vector<std::string> &ruleIds, std::vector<std::string> &notes,
                  std::string &error);

bool runChecks(store::RunReader &reader, const CheckOptions &options, CheckResult &result, std::string &error);

// Replaces the findings table of the run database with these findings
// (one transaction), so the viewer shows them.
bool storeFindings(const std::string &databasePath, const std::vector<TraceFinding> &findings, std::string &error);

// Exit status of `dmatrace check`: 1 when a conclusive finding of severity
// error or warning remains, else 0 (info findings and inconclusive ones are
// reported but do not fail a run).
int exitStatusFor(const std::vector<TraceFinding> &findings);

}  // namespace dmacheck::tracer::checks
