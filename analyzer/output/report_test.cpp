#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "output/report.h"

using namespace dmacheck::analyzer;
namespace fs = std::filesystem;

namespace {

FileResult sample() {
  FileResult r;
  r.file = "drivers/foo.c";
  r.status = FileStatus::Analyzed;
  r.findings.push_back({"dma-gfp-zone", "warning", "drivers/foo.c", 3, 5, "probe", "zone flag", {}});
  r.findings.push_back({"dma-unchecked-mapping", "warning", "drivers/foo.c", 7, 2, "xmit",
                        "device driver failed to check map error", {{"drivers/foo.c", 6, 9, "mapped here"}}});
  return r;
}

TEST(Suppressions, CommentOnTheLineOrAboveSilencesTheNamedRule) {
  FileResult r = sample();
  applySuppressions(r, "1\n2\nx = dma_alloc_coherent(); /* dmacheck-ignore: dma-gfp-zone */\n4\n5\n"
                       "// dmacheck-ignore: dma-other-rule\n7\n");
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].ruleId, "dma-unchecked-mapping");
  EXPECT_EQ(r.suppressed, 1u);

  FileResult all = sample();
  applySuppressions(all, "1\n// dmacheck-ignore: all\n3\n4\n5\n/* dmacheck-ignore: dma-gfp-zone, dma-unchecked-mapping */\n7\n");
  EXPECT_TRUE(all.findings.empty());
  EXPECT_EQ(all.suppressed, 2u);
}

TEST(Baseline, KnownFindingsAreFilteredEvenWhenLinesMove) {
  fs::path path = fs::temp_directory_path() / ("baseline-" + std::to_string(getpid()) + ".json");
  std::vector<FileResult> before = {sample()};
  std::string error;
  ASSERT_TRUE(writeBaseline(path.string(), before, error)) << error;

  std::vector<FileResult> after = {sample()};
  after[0].findings[0].line += 10;  // code moved
  after[0].findings.push_back({"dma-gfp-zone", "warning", "drivers/foo.c", 40, 1, "remove", "zone flag", {}});
  unsigned removed = 0;
  ASSERT_TRUE(applyBaseline(path.string(), after, removed, error)) << error;
  EXPECT_EQ(removed, 2u);
  ASSERT_EQ(after[0].findings.size(), 1u);
  EXPECT_EQ(after[0].findings[0].function, "remove");

  std::ofstream(path) << "not json";
  EXPECT_FALSE(applyBaseline(path.string(), after, removed, error));
}

TEST(Output, JsonHasTheDocumentedShape) {
  std::vector<FileResult> results = {sample()};
  std::stringstream out;
  writeJson(out, results, computeStats(results, 0, 0.5), {});
  auto doc = nlohmann::json::parse(out.str());
  ASSERT_EQ(doc["findings"].size(), 2u);
  const auto &f = doc["findings"][1];
  for (const char *key : {"rule", "severity", "file", "line", "column", "function", "message", "notes"})
    EXPECT_TRUE(f.contains(key)) << key;
  EXPECT_EQ(f["notes"][0]["message"], "mapped here");
  EXPECT_EQ(doc["files"][0]["status"], "analyzed");
  EXPECT_EQ(doc["stats"]["findings"], 2);
}

TEST(Output, SarifNamesRulesWithHelpAndLocations) {
  std::vector<FileResult> results = {sample()};
  std::stringstream out;
  writeSarif(out, results, computeStats(results, 0, 0.5), {"1.0", "", false});
  auto doc = nlohmann::json::parse(out.str());
  EXPECT_EQ(doc["version"], "2.1.0");
  const auto &run = doc["runs"][0];
  const auto &rules = run["tool"]["driver"]["rules"];
  ASSERT_GT(rules.size(), 0u);
  for (const auto &rule : rules) {
    EXPECT_TRUE(rule.contains("helpUri"));
    EXPECT_TRUE(rule["help"].contains("text"));
  }
  const auto &result = run["results"][1];
  EXPECT_EQ(result["ruleId"], "dma-unchecked-mapping");
  EXPECT_EQ(rules[result["ruleIndex"].get<int>()]["id"], "dma-unchecked-mapping");
  EXPECT_EQ(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "drivers/foo.c");
  EXPECT_EQ(result["locations"][0]["physicalLocation"]["region"]["startLine"], 7);
  EXPECT_EQ(result["relatedLocations"][0]["message"]["text"], "mapped here");
}

TEST(Output, TextIsClangTidyShaped) {
  std::vector<FileResult> results = {sample()};
  std::stringstream out;
  writeText(out, results, computeStats(results, 0, 0.5), {});
  EXPECT_NE(out.str().find("drivers/foo.c:7:2: warning: device driver failed to check map error [dma-unchecked-mapping]\n"
                           "drivers/foo.c:6:9: note: mapped here\n"),
            std::string::npos)
      << out.str();
}

TEST(Wire, ResultsSurviveTheWorkerPipe) {
  FileResult r = sample();
  r.unresolvedHeaders = {"linux/foo.h"};
  FileResult back;
  ASSERT_TRUE(deserializeResult(serializeResult(r), back));
  EXPECT_EQ(back.findings, r.findings);
  EXPECT_EQ(back.findings[1].notes[0].message, "mapped here");
  EXPECT_EQ(back.unresolvedHeaders, r.unresolvedHeaders);
  EXPECT_FALSE(deserializeResult("{", back));
}

}  // namespace
