#include "cli/config.h"

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace dmacheck::analyzer {

namespace fs = std::filesystem;

bool Config::load(const std::string &file, std::string &error) {
  std::ifstream in(file);
  if (!in) {
    error = file + ": cannot read config";
    return false;
  }
  std::stringstream text;
  text << in.rdbuf();
  path = file;
  this->text = text.str();
  std::string apiError;
  if (!api.addYaml(text.str(), apiError, /*userDefined=*/true)) {
    error = file + ": " + apiError;
    return false;
  }
  try {
    YAML::Node root = YAML::Load(text.str());
    for (const auto &n : root["enable"]) enable.push_back(n.as<std::string>());
    for (const auto &n : root["disable"]) disable.push_back(n.as<std::string>());
    for (const auto &rule : root["options"]) {
      for (const auto &kv : rule.second) {
        auto &values = options[rule.first.as<std::string>()][kv.first.as<std::string>()];
        if (kv.second.IsSequence())
          for (const auto &v : kv.second) values.push_back(v.as<std::string>());
        else
          values.push_back(kv.second.as<std::string>());
      }
    }
  } catch (const YAML::Exception &e) {
    error = file + ": " + e.what();
    return false;
  }
  return true;
}

std::string Config::discover(const std::string &dir) {
  std::error_code ec;
  for (fs::path p = fs::absolute(dir, ec); !p.empty(); p = p.parent_path()) {
    if (fs::exists(p / ".dmacheck.yaml", ec)) return (p / ".dmacheck.yaml").string();
    if (p == p.parent_path()) break;
  }
  return {};
}

std::vector<std::string> Config::option(const std::string &rule, const std::string &key,
                                        std::vector<std::string> fallback) const {
  auto r = options.find(rule);
  if (r == options.end()) return fallback;
  auto k = r->second.find(key);
  return k == r->second.end() ? fallback : k->second;
}

}  // namespace dmacheck::analyzer
