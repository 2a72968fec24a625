#include "core/finding.h"

#include <tuple>

namespace dmacheck::analyzer {

bool operator<(const Finding &a, const Finding &b) {
  return std::tie(a.file, a.line, a.column, a.ruleId, a.message) <
         std::tie(b.file, b.line, b.column, b.ruleId, b.message);
}

bool operator==(const Finding &a, const Finding &b) {
  return std::tie(a.file, a.line, a.column, a.ruleId, a.message) ==
         std::tie(b.file, b.line, b.column, b.ruleId, b.message);
}

const char *fileStatusName(FileStatus status) {
  switch (status) {
    case FileStatus::Analyzed: return "analyzed";
    case FileStatus::Partial: return "partial";
    case FileStatus::Failed: return "failed";
    case FileStatus::Skipped: return "skipped";
  }
  return "failed";
}

RunStats computeStats(const std::vector<FileResult> &results, unsigned baselined, double seconds) {
  RunStats stats;
  stats.files = results.size();
  stats.baselined = baselined;
  stats.seconds = seconds;
  for (const auto &r : results) {
    switch (r.status) {
      case FileStatus::Analyzed: ++stats.analyzed; break;
      case FileStatus::Partial: ++stats.partial; break;
      case FileStatus::Failed: ++stats.failed; break;
      case FileStatus::Skipped: ++stats.skipped; break;
    }
    stats.suppressed += r.suppressed;
    stats.cacheHits += r.cache == CacheUse::Hit;
    stats.cacheMisses += r.cache == CacheUse::Miss || r.cache == CacheUse::NotStored;
    stats.cacheNotStored += r.cache == CacheUse::NotStored;
    for (const auto &f : r.findings) {
      ++stats.findings;
      ++stats.byRule[f.ruleId];
    }
  }
  return stats;
}

}  // namespace dmacheck::analyzer

#include <nlohmann/json.hpp>

namespace dmacheck::analyzer {

std::string serializeResult(const FileResult &r) {
  nlohmann::json j;
  j["file"] = r.file;
  j["status"] = int(r.status);
  j["diagnostics"] = r.diagnostics;
  j["errors"] = r.errorCount;
  j["unresolved"] = r.unresolvedHeaders;
  j["flags"] = r.flagsSource;
  j["suppressed"] = r.suppressed;
  j["seconds"] = r.seconds;
  j["cache"] = int(r.cache);
  j["findings"] = nlohmann::json::array();
  for (const auto &f : r.findings) {
    nlohmann::json notes = nlohmann::json::array();
    for (const auto &n : f.notes) notes.push_back({n.file, n.line, n.column, n.message});
    j["findings"].push_back({f.ruleId, f.severity, f.file, f.line, f.column, f.function, f.message, notes});
  }
  return j.dump();
}

bool deserializeResult(const std::string &text, FileResult &r) {
  auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return false;
  try {
    r.file = j.at("file");
    int status = j.at("status").get<int>();
    // Skipped files never reach a worker or the cache: not a status on the wire.
    if (status < int(FileStatus::Analyzed) || status > int(FileStatus::Failed)) return false;
    r.status = FileStatus(status);
    r.diagnostics = j.at("diagnostics").get<std::vector<std::string>>();
    r.errorCount = j.at("errors");
    r.unresolvedHeaders = j.at("unresolved").get<std::vector<std::string>>();
    r.flagsSource = j.at("flags");
    r.suppressed = j.at("suppressed");
    r.seconds = j.at("seconds");
    r.cache = CacheUse(j.value("cache", 0));
    for (const auto &f : j.at("findings")) {
      Finding finding{f[0], f[1], f[2], f[3], f[4], f[5], f[6], {}};
      for (const auto &n : f[7]) finding.notes.push_back(Note{n[0], n[1], n[2], n[3]});
      r.findings.push_back(std::move(finding));
    }
  } catch (const nlohmann::json::exception &) {
    return false;
  }
  return true;
}

}  // namespace dmacheck::analyzer
