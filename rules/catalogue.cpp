#include "dmacheck/rules/catalogue.h"

#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <cstdlib>

#include "embedded_rules.h"

namespace dmacheck::rules {

std::string_view severityName(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "info";
  }
  return "warning";
}

namespace {

bool parseEngines(const YAML::Node &node, unsigned &out, std::string &error) {
  out = 0;
  if (!node) return true;
  for (const auto &item : node) {
    auto name = item.as<std::string>();
    if (name == "static") out |= kEngineStatic;
    else if (name == "trace") out |= kEngineTrace;
    else {
      error = "unknown engine '" + name + "'";
      return false;
    }
  }
  return true;
}

bool parseSeverity(const std::string &text, Severity &out) {
  if (text == "error") out = Severity::Error;
  else if (text == "warning") out = Severity::Warning;
  else if (text == "info") out = Severity::Info;
  else return false;
  return true;
}

}  // namespace

const Catalogue &Catalogue::builtin() {
  static const Catalogue catalogue = [] {
    Catalogue c;
    std::string error;
    // The embedded text is tested by rules_test; a failure here is a build bug.
    if (!parse(kEmbeddedCatalogueYaml, c, error)) {
      fprintf(stderr, "dmacheck: internal error in the embedded rule catalogue: %s\n", error.c_str());
      abort();
    }
    return c;
  }();
  return catalogue;
}

bool Catalogue::parse(std::string_view yamlText, Catalogue &out, std::string &error) {
  try {
    YAML::Node root = YAML::Load(std::string(yamlText));
    out = Catalogue();
    out.docBaseUrl_ = root["doc_base_url"].as<std::string>("");
    if (auto groups = root["groups"]) {
      for (const auto &g : groups) out.groups_.emplace_back(g.first.as<std::string>(), g.second.as<std::string>());
    }
    for (const auto &node : root["rules"]) {
      Rule rule;
      rule.id = node["id"].as<std::string>("");
      if (rule.id.rfind("dma-", 0) != 0) {
        error = "rule id '" + rule.id + "' does not start with 'dma-'";
        return false;
      }
      if (out.find(rule.id)) {
        error = "rule '" + rule.id + "' is defined twice";
        return false;
      }
      if (!parseSeverity(node["severity"].as<std::string>(""), rule.severity)) {
        error = "rule '" + rule.id + "': severity must be error, warning or info";
        return false;
      }
      std::string engineError;
      if (!parseEngines(node["engines"], rule.engines, engineError) ||
          !parseEngines(node["planned"], rule.planned, engineError)) {
        error = "rule '" + rule.id + "': " + engineError;
        return false;
      }
      rule.message = node["message"].as<std::string>("");
      rule.dmaDebug = node["dma_debug"].as<std::string>("");
      if (const YAML::Node also = node["dma_debug_also"]) {
        if (!also.IsSequence()) {
          error = "rule '" + rule.id + "': dma_debug_also must be a list of strings";
          return false;
        }
        for (const auto &text : also) rule.dmaDebugAlso.push_back(text.as<std::string>());
      }
      rule.group = node["group"].as<std::string>("");
      rule.summary = node["summary"].as<std::string>("");
      rule.enabledByDefault = node["default"].as<bool>(true);
      if (rule.message.empty() || rule.summary.empty()) {
        error = "rule '" + rule.id + "' needs a message and a summary";
        return false;
      }
      if (!rule.group.empty() && !out.isGroup(rule.group)) {
        error = "rule '" + rule.id + "' names unknown group '" + rule.group + "'";
        return false;
      }
      rule.docUrl = out.docBaseUrl_ + rule.id + ".md";
      out.rules_.push_back(std::move(rule));
    }
  } catch (const YAML::Exception &e) {
    error = e.what();
    return false;
  }
  return true;
}

const Rule *Catalogue::find(std::string_view id) const {
  for (const auto &rule : rules_)
    if (rule.id == id) return &rule;
  return nullptr;
}

bool Catalogue::isGroup(std::string_view name) const {
  for (const auto &g : groups_)
    if (g.first == name) return true;
  return false;
}

std::vector<std::string> Catalogue::expand(std::string_view idOrGroup) const {
  std::vector<std::string> ids;
  for (const auto &rule : rules_) {
    if (idOrGroup == "all" || idOrGroup == "*" || rule.id == idOrGroup || rule.group == idOrGroup)
      ids.push_back(rule.id);
  }
  return ids;
}

std::vector<const Rule *> Catalogue::forEngine(unsigned engine) const {
  std::vector<const Rule *> out;
  for (const auto &rule : rules_)
    if (rule.engines & engine) out.push_back(&rule);
  return out;
}

}  // namespace dmacheck::rules
