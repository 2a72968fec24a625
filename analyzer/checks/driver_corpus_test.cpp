// Runs dmacheck on every file under testdata/drivers and testdata/modules and
// compares with the file's own annotations:
//   // expect: rule-id[, rule-id]     a finding of that rule on this line
//   // expect@+2: rule-id              ... on the line 2 below (or @-1 above)
//   // no-finding: rule-id             this line must not get that rule
// Any finding not expected fails the test. A new case is a new file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "dmacheck/rules/catalogue.h"
#include "driver/analyze_file.h"

namespace fs = std::filesystem;
using namespace dmacheck::analyzer;

namespace {

struct Expectation {
  unsigned line;
  std::string rule;
  bool operator<(const Expectation &o) const { return std::tie(line, rule) < std::tie(o.line, o.rule); }
};

void parseAnnotations(const fs::path &file, std::multiset<Expectation> &expected, std::set<Expectation> &forbidden) {
  static const std::regex kAnnotation(R"((expect|no-finding)(?:@([+-]?\d+))?:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*))");
  std::ifstream in(file);
  unsigned lineNo = 0;
  for (std::string line; std::getline(in, line);) {
    ++lineNo;
    for (std::sregex_iterator it(line.begin(), line.end(), kAnnotation), end; it != end; ++it) {
      int offset = (*it)[2].matched ? std::stoi((*it)[2].str()) : 0;
      std::stringstream ids((*it)[3].str());
      for (std::string id; std::getline(ids, id, ',');) {
        id.erase(0, id.find_first_not_of(' '));
        id.erase(id.find_last_not_of(' ') + 1);
        Expectation e{unsigned(int(lineNo) + offset), id};
        if ((*it)[1] == "expect") expected.insert(e);
        else forbidden.insert(e);
      }
    }
  }
}

std::vector<std::string> corpusFiles() {
  std::vector<std::string> files;
  for (const char *dir : {"testdata/drivers", "testdata/modules"}) {
    fs::path root = fs::path(DMACHECK_SOURCE_ROOT) / dir;
    if (!fs::exists(root)) continue;
    for (const auto &entry : fs::recursive_directory_iterator(root))
      if (entry.path().extension() == ".c") files.push_back(fs::relative(entry.path(), DMACHECK_SOURCE_ROOT).string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

class DriverCorpus : public ::testing::TestWithParam<std::string> {};

TEST_P(DriverCorpus, FindingsMatchAnnotations) {
  fs::path file = fs::path(DMACHECK_SOURCE_ROOT) / GetParam();
  Config config;
  AnalysisOptions options;
  for (const auto *rule : dmacheck::rules::Catalogue::builtin().forEngine(dmacheck::rules::kEngineStatic))
    options.enabledRules.insert(rule->id);
  FlagsProvider flags;
  FileResult result = analyzeFile(file.string(), flags, config, options);
  ASSERT_NE(result.status, FileStatus::Failed) << (result.diagnostics.empty() ? "" : result.diagnostics.front());
  // Test inputs are written against the built-in model: they must parse cleanly.
  EXPECT_EQ(result.errorCount, 0u) << [&] {
    std::string all;
    for (const auto &d : result.diagnostics) all += d + "\n";
    return all;
  }();

  std::multiset<Expectation> expected;
  std::set<Expectation> forbidden;
  parseAnnotations(file, expected, forbidden);
  std::multiset<Expectation> actual;
  for (const auto &f : result.findings) actual.insert({f.line, f.ruleId});

  for (const auto &e : expected)
    if (actual.count(e) < expected.count(e))
      ADD_FAILURE() << GetParam() << ":" << e.line << ": expected finding " << e.rule << " is missing";
  for (const auto &f : result.findings) {
    Expectation e{f.line, f.ruleId};
    if (forbidden.count(e)) ADD_FAILURE() << GetParam() << ":" << f.line << ": " << f.ruleId << " must not fire here: " << f.message;
    else if (actual.count(e) > expected.count(e))
      ADD_FAILURE() << GetParam() << ":" << f.line << ":" << f.column << ": unexpected finding [" << f.ruleId << "] " << f.message;
  }
}

INSTANTIATE_TEST_SUITE_P(Testdata, DriverCorpus, ::testing::ValuesIn(corpusFiles()),
                         [](const ::testing::TestParamInfo<std::string> &info) {
                           std::string name = info.param;
                           for (char &c : name)
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

}  // namespace
