#include "dmacheck/rules/catalogue.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using dmacheck::rules::Catalogue;

namespace {

std::string readFile(const fs::path &path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Rule ids named by `// expect: id` / `// no-finding: id` annotations in the
// static test inputs under testdata/drivers (and testdata/modules).
void collectAnnotations(std::set<std::string> &positive, std::set<std::string> &negative) {
  static const std::regex kAnnotation(R"((expect|no-finding)(?:@[+-]?\d+)?:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*))");
  for (const char *dir : {"testdata/drivers", "testdata/modules"}) {
    fs::path root = fs::path(DMACHECK_SOURCE_ROOT) / dir;
    if (!fs::exists(root)) continue;
    for (const auto &entry : fs::recursive_directory_iterator(root)) {
      if (entry.path().extension() != ".c") continue;
      std::string text = readFile(entry.path());
      for (std::sregex_iterator it(text.begin(), text.end(), kAnnotation), end; it != end; ++it) {
        std::stringstream ids((*it)[2].str());
        std::string id;
        while (std::getline(ids, id, ',')) {
          id.erase(0, id.find_first_not_of(' '));
          id.erase(id.find_last_not_of(' ') + 1);
          ((*it)[1] == "expect" ? positive : negative).insert(id);
        }
      }
    }
  }
}

}  // namespace

TEST(Catalogue, EmbeddedCatalogueParses) {
  const auto &c = Catalogue::builtin();
  EXPECT_GE(c.rules().size(), 30u);
  ASSERT_NE(c.find("dma-unchecked-mapping"), nullptr);
  EXPECT_EQ(c.find("dma-unchecked-mapping")->message, "device driver failed to check map error");
  EXPECT_EQ(c.find("no-such-rule"), nullptr);
}

TEST(Catalogue, GroupsExpandToTheirRules) {
  const auto &c = Catalogue::builtin();
  auto ids = c.expand("dma-unmap-mismatch");
  EXPECT_EQ(ids, (std::vector<std::string>{"dma-unmap-size-mismatch", "dma-unmap-direction-mismatch",
                                           "dma-unmap-type-mismatch"}));
  EXPECT_EQ(c.expand("dma-map-stack"), std::vector<std::string>{"dma-map-stack"});
  EXPECT_TRUE(c.expand("dma-nonexistent").empty());
  EXPECT_EQ(c.expand("all").size(), c.rules().size());
}

// A rule may carry several of debug.c's messages (the unmap and the sync
// wording of one misuse): the oracle test matches dmesg lines against all.
TEST(Catalogue, RulesCarryFurtherDmaDebugWordings) {
  const auto *rule = Catalogue::builtin().find("dma-sg-nents-mismatch");
  ASSERT_NE(rule, nullptr);
  ASSERT_EQ(rule->dmaDebugAlso.size(), 1u);
  EXPECT_EQ(rule->dmaDebugAlso[0].rfind("device driver syncs DMA sg list with different entry count", 0), 0u);
}

TEST(Catalogue, RejectsMalformedCatalogues) {
  Catalogue c;
  std::string error;
  EXPECT_FALSE(Catalogue::parse("rules:\n  - {id: foo, severity: error, message: m, summary: s}\n", c, error));
  EXPECT_NE(error.find("dma-"), std::string::npos);
  EXPECT_FALSE(Catalogue::parse("rules:\n  - {id: dma-x, severity: fatal, message: m, summary: s}\n", c, error));
  EXPECT_NE(error.find("severity"), std::string::npos);
  EXPECT_FALSE(Catalogue::parse("rules:\n  - {id: dma-x, severity: error, engines: [gpu], message: m, summary: s}\n", c, error));
  EXPECT_NE(error.find("gpu"), std::string::npos);
  EXPECT_FALSE(Catalogue::parse("rules: [", c, error));
  EXPECT_FALSE(Catalogue::parse("rules:\n  - {id: dma-x, severity: info, message: m, summary: s, dma_debug_also: x}\n",
                                c, error));
  EXPECT_NE(error.find("dma_debug_also"), std::string::npos);
  EXPECT_TRUE(Catalogue::parse("rules:\n  - {id: dma-x, severity: info, message: m, summary: s}\n", c, error)) << error;
}

// Every rule an engine implements has a doc page; every static rule has at
// least one positive (`expect:`) and one negative (`no-finding:`) test input.
TEST(Catalogue, EveryImplementedRuleHasDocsAndTests) {
  std::set<std::string> positive, negative;
  collectAnnotations(positive, negative);
  for (const auto &rule : Catalogue::builtin().rules()) {
    if (rule.engines == 0) continue;
    EXPECT_TRUE(fs::exists(fs::path(DMACHECK_SOURCE_ROOT) / rule.docPath())) << rule.id << ": no " << rule.docPath();
    if (rule.engines & dmacheck::rules::kEngineStatic) {
      EXPECT_TRUE(positive.count(rule.id)) << rule.id << ": no `expect: " << rule.id << "` in testdata/drivers";
      EXPECT_TRUE(negative.count(rule.id)) << rule.id << ": no `no-finding: " << rule.id << "` in testdata/drivers";
    }
  }
}

TEST(Catalogue, AnnotationsNameKnownRules) {
  std::set<std::string> positive, negative;
  collectAnnotations(positive, negative);
  for (const auto *set : {&positive, &negative})
    for (const auto &id : *set) EXPECT_NE(Catalogue::builtin().find(id), nullptr) << "annotation names unknown rule " << id;
}
