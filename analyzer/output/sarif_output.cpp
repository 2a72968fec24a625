#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

#include "dmacheck/rules/catalogue.h"
#include "output/report.h"

namespace dmacheck::analyzer {

namespace {

using Json = nlohmann::ordered_json;
namespace fs = std::filesystem;

const char *sarifLevel(const std::string &severity) {
  return severity == "error" ? "error" : severity == "info" ? "note" : "warning";
}

// GitHub code scanning wants paths relative to the checkout: files under the
// working directory get a relative URI against %SRCROOT%, others a file:// URI.
Json artifactLocation(const std::string &file) {
  std::error_code ec;
  fs::path abs = fs::weakly_canonical(fs::absolute(file), ec);
  fs::path cwd = fs::current_path(ec);
  fs::path rel = abs.lexically_relative(cwd);
  if (!rel.empty() && *rel.begin() != "..") return {{"uri", rel.generic_string()}, {"uriBaseId", "%SRCROOT%"}};
  return {{"uri", "file://" + abs.generic_string()}};
}

Json physicalLocation(const std::string &file, unsigned line, unsigned column) {
  Json region = {{"startLine", std::max(line, 1u)}};
  if (column) region["startColumn"] = column;
  return {{"artifactLocation", artifactLocation(file)}, {"region", region}};
}

std::string ruleName(const std::string &id) {  // dma-unchecked-mapping -> DmaUncheckedMapping
  std::string name;
  bool upper = true;
  for (char c : id) {
    if (c == '-') {
      upper = true;
      continue;
    }
    name += upper ? char(toupper(c)) : c;
    upper = false;
  }
  return name;
}

}  // namespace

void writeSarif(std::ostream &out, const std::vector<FileResult> &results, const RunStats &stats,
                const OutputOptions &options) {
  const auto &catalogue = rules::Catalogue::builtin();
  std::string docBase = options.docUrlBase.empty() ? catalogue.docBaseUrl() : options.docUrlBase;

  Json ruleDescriptors = Json::array();
  std::map<std::string, size_t> ruleIndex;
  for (const auto *rule : catalogue.forEngine(rules::kEngineStatic)) {
    ruleIndex[rule->id] = ruleDescriptors.size();
    std::string helpUri = docBase + rule->id + ".md";
    ruleDescriptors.push_back(
        {{"id", rule->id},
         {"name", ruleName(rule->id)},
         {"shortDescription", {{"text", rule->message}}},
         {"fullDescription", {{"text", rule->summary}}},
         {"helpUri", helpUri},
         {"help", {{"text", rule->summary + " See " + helpUri},
                   {"markdown", rule->summary + "\n\n[Rule documentation](" + helpUri + ")"}}},
         {"defaultConfiguration", {{"level", sarifLevel(std::string(rules::severityName(rule->severity)))}}},
         {"properties", {{"tags", {"dma", "linux-kernel"}}, {"precision", "medium"}}}});
  }

  Json sarifResults = Json::array();
  Json notifications = Json::array();
  for (const auto &r : results) {
    for (const auto &f : r.findings) {
      Json result = {{"ruleId", f.ruleId}};
      if (ruleIndex.count(f.ruleId)) result["ruleIndex"] = ruleIndex[f.ruleId];
      result["level"] = sarifLevel(f.severity);
      result["message"] = {{"text", f.message}};
      Json location = {{"physicalLocation", physicalLocation(f.file, f.line, f.column)}};
      if (!f.function.empty()) location["logicalLocations"] = Json::array({{{"name", f.function}, {"kind", "function"}}});
      result["locations"] = Json::array({location});
      if (!f.notes.empty()) {
        Json related = Json::array();
        int id = 1;
        for (const auto &n : f.notes)
          related.push_back({{"id", id++}, {"physicalLocation", physicalLocation(n.file, n.line, n.column)},
                             {"message", {{"text", n.message}}}});
        result["relatedLocations"] = related;
      }
      // Stable across line shifts, like the baseline key.
      result["partialFingerprints"] = {{"dmacheck/v1", f.ruleId + ":" + f.function + ":" + f.message}};
      sarifResults.push_back(result);
    }
    if (r.status != FileStatus::Analyzed && r.status != FileStatus::Skipped) {
      std::string text = r.file + ": " + fileStatusName(r.status);
      if (r.errorCount) text += " (" + std::to_string(r.errorCount) + " parse errors)";
      if (!r.diagnostics.empty()) text += ": " + r.diagnostics.front();
      notifications.push_back({{"level", r.status == FileStatus::Failed ? "error" : "warning"},
                               {"message", {{"text", text}}},
                               {"locations", Json::array({{{"physicalLocation", {{"artifactLocation", artifactLocation(r.file)}}}}})}});
    }
  }

  // Skipped files are not problems to show per file in code scanning: one
  // note says how many and how to check them.
  if (stats.skipped)
    notifications.push_back({{"level", "note"}, {"message", {{"text", "dmacheck: " + skippedSummary(stats)}}}});
  Json invocation = {{"executionSuccessful", stats.failed == 0}};
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = notifications;
  Json doc = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", Json::array({{{"tool", {{"driver", {{"name", "dmacheck"},
                                                    {"version", options.toolVersion},
                                                    {"informationUri", docBase + "../../README.md"},
                                                    {"rules", ruleDescriptors}}}}},
                              {"invocations", Json::array({invocation})},
                              {"originalUriBaseIds", {{"%SRCROOT%", {{"uri", "file://" + fs::current_path().generic_string() + "/"}}}}},
                              {"results", sarifResults}}})}};
  out << doc.dump(2) << "\n";
}

}  // namespace dmacheck::analyzer
