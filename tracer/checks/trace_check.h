// The trace-side rules: one TraceCheck per file pair, run over a run
// database by the Checker (checker.h). A check reads what it needs through
// the CheckContext (devices, mapping lifetimes, release events, loss windows,
// call sites: loaded once, shared by all checks) and reports TraceFindings.
//
// Rule identity (id, severity, dma-debug wording) comes from
// rules/catalogue.yaml; a check only fills in the bracketed fields.
//
// Errors: no exceptions. A check that cannot read something notes it in the
// context (CheckContext::problem) and goes on with what it has.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dmacheck::tracer::checks {

class CheckContext;

struct TraceFinding {
  std::string rule;      // catalogue id, e.g. "dma-unmap-size-mismatch"
  std::string severity;  // "error" | "warning" | "info" (filled from the catalogue)
  std::optional<uint64_t> tsNs;     // ns, trace clock: when it happened
  std::optional<int64_t> device;    // devices.id
  std::string deviceName;           // "0000:00:01.0"; "" when none
  std::optional<uint64_t> dmaAddr;  // device address concerned
  std::optional<uint64_t> size;     // bytes concerned
  std::string message;              // dma-debug wording with bracketed fields
  std::optional<int64_t> mapping;   // mappings.id concerned
  std::optional<int64_t> event;     // events.id concerned
  std::string callSite;             // driver call site when the trace has stacks
  bool inconclusive = false;        // lost events make it uncertain
  std::string inconclusiveReason;   // why, when inconclusive
};

class FindingList {
 public:
  void add(TraceFinding finding) { findings_.push_back(std::move(finding)); }
  const std::vector<TraceFinding> &findings() const { return findings_; }
  std::vector<TraceFinding> &findings() { return findings_; }

 private:
  std::vector<TraceFinding> findings_;
};

class TraceCheck {
 public:
  virtual ~TraceCheck() = default;
  // Stable name of the check (its file pair), e.g. "unmap-mismatch".
  virtual std::string_view name() const = 0;
  // The catalogue rule ids this check can report.
  virtual std::vector<std::string_view> ruleIds() const = 0;
  // Reports into out; may report ids that are disabled (the Checker filters).
  virtual void run(CheckContext &context, FindingList &out) = 0;
};

// Every check, in alphabetical order of name() (check_registry.cpp).
std::vector<std::unique_ptr<TraceCheck>> makeAllChecks();

}  // namespace dmacheck::tracer::checks
