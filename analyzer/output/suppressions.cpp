#include <algorithm>
#include <fstream>
#include <sstream>

#include "output/report.h"

namespace dmacheck::analyzer {

namespace {

// True when `line` carries a dmacheck-ignore comment naming `ruleId` or "all".
bool lineSuppresses(const std::string &line, const std::string &ruleId) {
  static const std::string kMarker = "dmacheck-ignore:";
  size_t at = line.find(kMarker);
  if (at == std::string::npos) return false;
  std::string rest = line.substr(at + kMarker.size());
  size_t end = rest.find("*/");
  if (end != std::string::npos) rest.resize(end);
  std::replace(rest.begin(), rest.end(), ',', ' ');
  std::istringstream words(rest);
  std::string word;
  while (words >> word)
    if (word == ruleId || word == "all") return true;
  return false;
}

}  // namespace

void applySuppressions(FileResult &result, const std::string &sourceText) {
  std::vector<std::string> lines;
  std::istringstream in(sourceText);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  auto suppressed = [&](const Finding &f) {
    for (unsigned l : {f.line, f.line - 1}) {
      if (l >= 1 && l <= lines.size() && lineSuppresses(lines[l - 1], f.ruleId)) return true;
    }
    return false;
  };
  auto &findings = result.findings;
  auto firstRemoved = std::remove_if(findings.begin(), findings.end(), [&](const Finding &f) {
    // Only findings in the analysed file itself: notes and header findings keep their own text.
    return f.file == result.file && suppressed(f);
  });
  result.suppressed += std::distance(firstRemoved, findings.end());
  findings.erase(firstRemoved, findings.end());
}

void applySuppressions(FileResult &result) {
  if (result.findings.empty()) return;
  std::ifstream in(result.file);
  if (!in) return;
  std::stringstream text;
  text << in.rdbuf();
  applySuppressions(result, text.str());
}

}  // namespace dmacheck::analyzer
