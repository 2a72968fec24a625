#include <fmt/format.h>
#include <fmt/ostream.h>

#include <ostream>

#include "output/report.h"

namespace dmacheck::analyzer {

// clang-tidy's shape: `file:line:col: warning: message [rule-id]`, notes
// below, then a per-file status line for every file that did not analyse
// cleanly, then one summary line on stderr-friendly terms.
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
    if (r.status == FileStatus::Analyzed) continue;
    fmt::print(out, "{}: {}: {}", r.file, fileStatusName(r.status), r.status == FileStatus::Failed ? "not analysed" : "analysed with errors");
    if (r.errorCount) fmt::print(out, " ({} parse errors)", r.errorCount);
    if (!r.unresolvedHeaders.empty()) fmt::print(out, " ({} headers not found, replaced by empty ones)", r.unresolvedHeaders.size());
    fmt::print(out, "\n");
    for (const auto &d : r.diagnostics) fmt::print(out, "  {}\n", d);
  }
  fmt::print(out, "dmacheck: {} files ({} analysed, {} partial, {} failed), {} findings", stats.files,
             stats.analyzed, stats.partial, stats.failed, stats.findings);
  if (stats.suppressed) fmt::print(out, ", {} suppressed", stats.suppressed);
  if (stats.baselined) fmt::print(out, ", {} in baseline", stats.baselined);
  fmt::print(out, "\n");
}

}  // namespace dmacheck::analyzer
