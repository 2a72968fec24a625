#include <fmt/format.h>
#include <fmt/ostream.h>

#include <ostream>

#include "output/report.h"

namespace dmacheck::analyzer {

std::string skippedSummary(const RunStats &stats) {
  return fmt::format("{} skipped (not compilation units, or with --built-only not built with this .config; "
                     "--all-files checks them)",
                     stats.skipped);
}

// clang-tidy's shape: `file:line:col: warning: message [rule-id]`, notes
// below, then a per-file status line for every file that did not analyse
// cleanly, then one summary line on stderr-friendly terms. Skipped files get
// no line each: a tree run skips dozens, and they are not problems; the JSON
// report lists them with their reasons.
void writeText(std::ostream &out, const std::vector<FileResult> &results, const RunStats &stats,
               const OutputOptions &options) {
  const char *bold = options.color ? "\033[1m" : "";
  const char *reset = options.color ? "\033[0m" : "";
  auto severityColor = [&](const std::string &severity) {
    if (!options.color) return "";
    return severity == "error" ? "\033[1;31m" : severity == "warning" ? "\033[1;35m" : "\033[1;36m";
  };
  for (const auto &r : results) {
    for (const auto &f : r.findings) {
      fmt::print(out, "{}{}:{}:{}:{} {}{}:{} {}{} [{}]{}\n", bold, f.file, f.line, f.column, reset,
                 severityColor(f.severity), f.severity, reset, bold, f.message, f.ruleId, reset);
      for (const auto &n : f.notes) fmt::print(out, "{}:{}:{}: note: {}\n", n.file, n.line, n.column, n.message);
    }
  }
  for (const auto &r : results) {
    if (r.status == FileStatus::Analyzed || r.status == FileStatus::Skipped) continue;
    fmt::print(out, "{}: {}: {}", r.file, fileStatusName(r.status), r.status == FileStatus::Failed ? "not analysed" : "analysed with errors");
    if (r.errorCount) fmt::print(out, " ({} parse errors)", r.errorCount);
    if (!r.unresolvedHeaders.empty()) fmt::print(out, " ({} headers not found, replaced by empty ones)", r.unresolvedHeaders.size());
    fmt::print(out, "\n");
    for (const auto &d : r.diagnostics) fmt::print(out, "  {}\n", d);
  }
  fmt::print(out, "dmacheck: {} files ({} analysed, {} partial, {} failed{}), {} findings", stats.files,
             stats.analyzed, stats.partial, stats.failed,
             stats.skipped ? fmt::format(", {} skipped", stats.skipped) : "", stats.findings);
  if (stats.suppressed) fmt::print(out, ", {} suppressed", stats.suppressed);
  if (stats.baselined) fmt::print(out, ", {} in baseline", stats.baselined);
  fmt::print(out, "\n");
  if (stats.skipped) fmt::print(out, "dmacheck: {}\n", skippedSummary(stats));
}

}  // namespace dmacheck::analyzer
