#include <nlohmann/json.hpp>
#include <ostream>

#include "output/report.h"

namespace dmacheck::analyzer {

void writeJson(std::ostream &out, const std::vector<FileResult> &results, const RunStats &stats,
               const OutputOptions &options) {
  using Json = nlohmann::ordered_json;
  Json doc;
  doc["tool"] = {{"name", "dmacheck"}, {"version", options.toolVersion}};
  Json findings = Json::array();
  Json files = Json::array();
  for (const auto &r : results) {
    for (const auto &f : r.findings) {
      Json notes = Json::array();
      for (const auto &n : f.notes)
        notes.push_back({{"file", n.file}, {"line", n.line}, {"column", n.column}, {"message", n.message}});
      findings.push_back({{"rule", f.ruleId}, {"severity", f.severity}, {"file", f.file}, {"line", f.line},
                          {"column", f.column}, {"function", f.function}, {"message", f.message},
                          {"notes", notes}});
    }
    Json file = {{"file", r.file}, {"status", fileStatusName(r.status)}, {"flags", r.flagsSource},
                 {"errors", r.errorCount}, {"unresolved_headers", r.unresolvedHeaders},
                 {"diagnostics", r.diagnostics}, {"findings", r.findings.size()},
                 {"suppressed", r.suppressed}, {"seconds", r.seconds}};
    if (r.status == FileStatus::Skipped) file["reason"] = r.diagnostics.empty() ? "" : r.diagnostics.front();
    files.push_back(file);
  }
  doc["findings"] = findings;
  doc["files"] = files;
  Json byRule = Json::object();
  for (const auto &[rule, count] : stats.byRule) byRule[rule] = count;
  doc["stats"] = {{"files", stats.files}, {"analyzed", stats.analyzed}, {"partial", stats.partial},
                  {"failed", stats.failed}, {"skipped", stats.skipped}, {"findings", stats.findings}, {"suppressed", stats.suppressed},
                  {"baselined", stats.baselined}, {"by_rule", byRule}, {"seconds", stats.seconds}};
  out << doc.dump(2) << "\n";
}

}  // namespace dmacheck::analyzer
