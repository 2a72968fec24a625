// The rule catalogue (rules/catalogue.yaml), loaded once and shared by every engine.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dmacheck::rules {

enum class Severity { Error, Warning, Info };
std::string_view severityName(Severity severity);  // "error", "warning", "info"

// Bit set of engines.
enum Engine : unsigned { kEngineStatic = 1u << 0, kEngineTrace = 1u << 1 };

struct Rule {
  std::string id;        // "dma-unchecked-mapping"
  Severity severity = Severity::Warning;
  unsigned engines = 0;  // implemented now
  unsigned planned = 0;  // to come
  std::string message;   // one line, dma-debug wording where it has the check
  std::string dmaDebug;  // kernel/dma/debug.c's own format string, may be empty
  // Further debug.c messages of the same misuse (e.g. the sync-side
  // wording of an unmap rule): `dma_debug_also:` in the catalogue.
  std::vector<std::string> dmaDebugAlso;
  std::string group;     // rule group ("dma-unmap-mismatch"), may be empty
  std::string summary;   // help paragraph
  bool enabledByDefault = true;  // false: opt-in (`default: false`), noisy on some code bases
  std::string docUrl;    // doc_base_url + id + ".md"
  std::string docPath() const { return "docs/rules/" + id + ".md"; }
};

class Catalogue {
 public:
  // The catalogue compiled into the binary from rules/catalogue.yaml.
  static const Catalogue &builtin();
  // Parses catalogue YAML; false and a message naming the rule on error.
  static bool parse(std::string_view yamlText, Catalogue &out, std::string &error);

  const std::vector<Rule> &rules() const { return rules_; }
  const Rule *find(std::string_view id) const;
  // Rule ids for an id, a group name or "all"; empty when unknown.
  std::vector<std::string> expand(std::string_view idOrGroup) const;
  bool isGroup(std::string_view name) const;
  const std::string &docBaseUrl() const { return docBaseUrl_; }
  // Rules an engine implements, in catalogue order.
  std::vector<const Rule *> forEngine(unsigned engine) const;

 private:
  std::vector<Rule> rules_;
  std::vector<std::pair<std::string, std::string>> groups_;  // name, description
  std::string docBaseUrl_;
};

}  // namespace dmacheck::rules
