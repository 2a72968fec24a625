#include "finding_output.h"

#include <nlohmann/json.hpp>

#include "check_context.h"
#include "dmacheck/rules/catalogue.h"

namespace dmacheck::tracer::checks {

using Json = nlohmann::ordered_json;

bool outputFormatFromName(std::string_view name, OutputFormat &format) {
  if (name == "text") format = OutputFormat::Text;
  else if (name == "json") format = OutputFormat::Json;
  else if (name == "sarif") format = OutputFormat::Sarif;
  else return false;
  return true;
}

std::string formatFindingLine(const TraceFinding &f) {
  std::string line = f.deviceName.empty() ? "-" : f.deviceName;
  if (f.tsNs) line += " @" + formatTs(*f.tsNs);
  line += ": " + f.message;
  if (!f.callSite.empty()) line += " [call site=" + f.callSite + "]";
  if (f.inconclusive) line += " [inconclusive: " + f.inconclusiveReason + "]";
  line += " [" + f.rule + "]";
  return line;
}

std::string formatSummary(const CheckRunStats &s) {
  std::string out = std::to_string(s.findings) + (s.findings == 1 ? " finding" : " findings");
  out += " (" + std::to_string(s.errors) + " errors, " + std::to_string(s.warnings) + " warnings, " +
         std::to_string(s.infos) + " info, " + std::to_string(s.inconclusive) + " inconclusive)";
  out += " in " + std::to_string(s.mappings) + " mappings of " + std::to_string(s.devices) + " devices";
  if (!s.lossDescription.empty()) out += "; " + s.lossDescription;
  return out;
}

void writeText(std::ostream &out, const CheckResult &result) {
  for (const auto &f : result.findings) out << formatFindingLine(f) << '\n';
}

namespace {

Json optionalU64(const std::optional<uint64_t> &v) { return v ? Json(*v) : Json(nullptr); }
Json optionalI64(const std::optional<int64_t> &v) { return v ? Json(*v) : Json(nullptr); }

Json statsJson(const CheckRunStats &s) {
  Json by = Json::object();
  for (const auto &[rule, n] : s.findingsByRule) by[rule] = n;
  Json counters = Json::object();
  for (const auto &[k, n] : s.counters) counters[k] = n;
  return {{"findings", s.findings},
          {"errors", s.errors},
          {"warnings", s.warnings},
          {"info", s.infos},
          {"inconclusive", s.inconclusive},
          {"by_rule", by},
          {"rules", s.rules},
          {"devices", s.devices},
          {"mappings", s.mappings},
          {"live_at_end", s.liveAtEnd},
          {"releases", s.releases},
          {"lost_event_windows", s.lostWindows},
          {"overwritten", s.overwritten},
          {"loss", s.lossDescription},
          {"examined", counters},
          {"problems", s.problems},
          {"seconds", s.seconds}};
}

}  // namespace

void writeJson(std::ostream &out, const CheckResult &result) {
  Json findings = Json::array();
  for (const auto &f : result.findings) {
    findings.push_back({{"rule", f.rule},
                        {"severity", f.severity},
                        {"device", f.deviceName.empty() ? Json(nullptr) : Json(f.deviceName)},
                        {"ts_ns", optionalU64(f.tsNs)},
                        {"dma_addr", f.dmaAddr ? Json(hexAddr(*f.dmaAddr)) : Json(nullptr)},
                        {"size", optionalU64(f.size)},
                        {"message", f.message},
                        {"mapping_id", optionalI64(f.mapping)},
                        {"event_id", optionalI64(f.event)},
                        {"call_site", f.callSite.empty() ? Json(nullptr) : Json(f.callSite)},
                        {"inconclusive", f.inconclusive},
                        {"inconclusive_reason", f.inconclusive ? Json(f.inconclusiveReason) : Json(nullptr)}});
  }
  Json doc = {{"findings", findings}, {"stats", statsJson(result.stats)}};
  out << doc.dump(2) << '\n';
}

void writeSarif(std::ostream &out, const CheckResult &result, const std::string &databasePath) {
  const auto &catalogue = rules::Catalogue::builtin();
  Json ruleDescriptors = Json::array();
  std::map<std::string, size_t> ruleIndex;
  for (const auto &id : traceRuleIds()) {
    const rules::Rule *rule = catalogue.find(id);
    if (!rule) continue;
    std::string level = rule->severity == rules::Severity::Error     ? "error"
                        : rule->severity == rules::Severity::Warning ? "warning"
                                                                     : "note";
    ruleIndex[id] = ruleDescriptors.size();
    ruleDescriptors.push_back({{"id", id},
                               {"shortDescription", {{"text", rule->message}}},
                               {"fullDescription", {{"text", rule->summary}}},
                               {"helpUri", rule->docUrl},
                               {"defaultConfiguration", {{"level", level}}}});
  }
  Json results = Json::array();
  for (const auto &f : result.findings) {
    std::string level = f.severity == "error" ? "error" : f.severity == "info" ? "note" : "warning";
    if (f.inconclusive) level = "note";
    std::string text = f.message;
    if (!f.callSite.empty()) text += " [call site=" + f.callSite + "]";
    if (f.inconclusive) text += " [inconclusive: " + f.inconclusiveReason + "]";
    std::string logical = (f.deviceName.empty() ? std::string("-") : f.deviceName) +
                          (f.tsNs ? "@" + formatTs(*f.tsNs) : std::string());
    Json r = {{"ruleId", f.rule},
              {"level", level},
              {"message", {{"text", text}}},
              {"locations",
               Json::array({{{"physicalLocation", {{"artifactLocation", {{"uri", databasePath}}}}},
                             {"logicalLocations", Json::array({{{"name", logical}, {"kind", "device"}}})}}})},
              {"properties",
               {{"device", f.deviceName},
                {"ts_ns", optionalU64(f.tsNs)},
                {"dma_addr", f.dmaAddr ? Json(hexAddr(*f.dmaAddr)) : Json(nullptr)},
                {"size", optionalU64(f.size)},
                {"mapping_id", optionalI64(f.mapping)},
                {"call_site", f.callSite},
                {"inconclusive", f.inconclusive}}}};
    if (ruleIndex.count(f.rule)) r["ruleIndex"] = ruleIndex[f.rule];
    results.push_back(r);
  }
  Json doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", Json::array({{{"tool",
                                      {{"driver",
                                        {{"name", "dmatrace"},
                                         {"informationUri", "https://github.com/dmacheck/dmacheck"},
                                         {"rules", ruleDescriptors}}}}},
                                     {"results", results},
                                     {"properties", {{"stats", statsJson(result.stats)}}}}})}};
  out << doc.dump(2) << '\n';
}

}  // namespace dmacheck::tracer::checks
