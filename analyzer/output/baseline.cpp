#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "output/report.h"

namespace dmacheck::analyzer {

namespace {

using Key = std::tuple<std::string, std::string, std::string, std::string>;

Key keyOf(const Finding &f) { return {f.ruleId, f.file, f.function, f.message}; }

}  // namespace

bool writeBaseline(const std::string &path, const std::vector<FileResult> &results, std::string &error) {
  std::map<Key, unsigned> counts;
  for (const auto &r : results)
    for (const auto &f : r.findings) ++counts[keyOf(f)];
  nlohmann::ordered_json doc;
  doc["version"] = 1;
  doc["tool"] = "dmacheck";
  doc["findings"] = nlohmann::json::array();
  for (const auto &[key, count] : counts) {
    doc["findings"].push_back({{"rule", std::get<0>(key)}, {"file", std::get<1>(key)},
                               {"function", std::get<2>(key)}, {"message", std::get<3>(key)},
                               {"count", count}});
  }
  std::ofstream out(path);
  if (!out) {
    error = "cannot write baseline '" + path + "'";
    return false;
  }
  out << doc.dump(2) << "\n";
  return true;
}

bool applyBaseline(const std::string &path, std::vector<FileResult> &results, unsigned &removed,
                   std::string &error) {
  removed = 0;
  std::ifstream in(path);
  if (!in) {
    error = "cannot read baseline '" + path + "'";
    return false;
  }
  std::map<Key, unsigned> budget;
  try {
    auto doc = nlohmann::json::parse(in);
    if (doc.value("version", 0) != 1) {
      error = "baseline '" + path + "': unsupported version";
      return false;
    }
    for (const auto &f : doc.at("findings")) {
      budget[{f.at("rule").get<std::string>(), f.at("file").get<std::string>(),
              f.value("function", std::string()), f.at("message").get<std::string>()}] +=
          f.value("count", 1u);
    }
  } catch (const nlohmann::json::exception &e) {
    error = "baseline '" + path + "' is not a dmacheck baseline: " + e.what();
    return false;
  }
  for (auto &r : results) {
    std::vector<Finding> kept;
    for (auto &f : r.findings) {
      auto it = budget.find(keyOf(f));
      if (it != budget.end() && it->second > 0) {
        --it->second;
        ++removed;
      } else {
        kept.push_back(std::move(f));
      }
    }
    r.findings = std::move(kept);
  }
  return true;
}

}  // namespace dmacheck::analyzer
