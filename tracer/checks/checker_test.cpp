#include "checker.h"

#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "check_command.h"
#include "database.h"
#include "dmacheck/rules/catalogue.h"
#include "finding_output.h"
#include "run_reader.h"
#include "test_support.h"

namespace dmacheck::tracer::checks {
namespace {

using testing::line;
using testing::traceHeader;

const std::string kSizeMismatch =
    traceHeader() +
    line(1.0, "dma_map_page", "0000:00:03.0 dir=TO_DEVICE dma_addr=fffe000 size=4096 phys_addr=1000 attrs=") +
    line(12.345678, "dma_unmap_page", "0000:00:03.0 dir=TO_DEVICE dma_addr=fffe000 size=2048 attrs=");

TEST(Checker, EveryCheckRuleIsATraceRuleOfTheCatalogue) {
  const auto &catalogue = rules::Catalogue::builtin();
  for (const auto &check : makeAllChecks())
    for (std::string_view id : check->ruleIds()) {
      const rules::Rule *rule = catalogue.find(id);
      ASSERT_NE(rule, nullptr) << id;
      EXPECT_TRUE(rule->engines & rules::kEngineTrace) << id << ": move trace from planned: to engines:";
    }
  // ...and every catalogue rule of the trace engine has a check.
  std::vector<std::string> ids = traceRuleIds();
  std::set<std::string> implemented(ids.begin(), ids.end());
  for (const auto *rule : catalogue.forEngine(rules::kEngineTrace)) EXPECT_TRUE(implemented.count(rule->id)) << rule->id;
}

TEST(Checker, ChecksAreRegisteredAlphabetically) {
  std::vector<std::string> names;
  for (const auto &check : makeAllChecks()) names.emplace_back(check->name());
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
}

TEST(Checker, ResolvesEnableAndDisable) {
  std::vector<std::string> ids, notes;
  std::string error;
  CheckOptions options;
  options.enable = {"dma-unmap-mismatch"};
  options.disable = {"dma-unmap-type-mismatch"};
  ASSERT_TRUE(resolveRules(options, ids, notes, error)) << error;
  EXPECT_EQ(ids, (std::vector<std::string>{"dma-unmap-size-mismatch", "dma-unmap-direction-mismatch"}));

  options = {};
  options.enable = {"dma-map-stack"};  // static only
  ASSERT_TRUE(resolveRules(options, ids, notes, error));
  EXPECT_TRUE(ids.empty());
  EXPECT_FALSE(notes.empty());

  options = {};
  options.disable = {"dma-no-such-rule"};
  EXPECT_FALSE(resolveRules(options, ids, notes, error));
  EXPECT_NE(error.find("dma-no-such-rule"), std::string::npos);
}

TEST(Checker, DisabledRulesAreNotReported) {
  CheckOptions options;
  options.disable = {"dma-unmap-size-mismatch"};
  EXPECT_TRUE(testing::checkText(kSizeMismatch, options).findings.empty());
}

TEST(CheckCommand, TextOutputExitStatusAndStoredFindings) {
  std::string error;
  std::string db = testing::importTraceText(kSizeMismatch, error);
  ASSERT_FALSE(db.empty()) << error;
  CheckCommand command;
  command.database = db;
  std::ostringstream out, err;
  EXPECT_EQ(runCheck(command, out, err), 1) << err.str();
  EXPECT_EQ(out.str(),
            "0000:00:03.0 @12.345678: device driver frees DMA memory with different size [device address=0xfffe000] "
            "[map size=4096 bytes] [unmap size=2048 bytes] [dma-unmap-size-mismatch]\n");

  auto reader = store::RunReader::open(db, error);
  ASSERT_TRUE(reader) << error;
  auto stored = reader->findings();
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].rule, "dma-unmap-size-mismatch");
  EXPECT_EQ(stored[0].severity, "error");
  EXPECT_EQ(stored[0].tsNs, 12345678000u);
  EXPECT_TRUE(stored[0].mapping.has_value());
  reader.reset();

  // Re-running replaces, never duplicates.
  std::ostringstream out2, err2;
  EXPECT_EQ(runCheck(command, out2, err2), 1);
  reader = store::RunReader::open(db, error);
  EXPECT_EQ(reader->findings().size(), 1u);
}

TEST(CheckCommand, JsonAndSarif) {
  std::string error;
  std::string db = testing::importTraceText(kSizeMismatch, error);
  ASSERT_FALSE(db.empty()) << error;
  CheckCommand command;
  command.database = db;
  command.format = "json";
  command.storeFindings = false;
  std::ostringstream out, err;
  EXPECT_EQ(runCheck(command, out, err), 1);
  EXPECT_NE(out.str().find("\"rule\": \"dma-unmap-size-mismatch\""), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("\"dma_addr\": \"0xfffe000\""), std::string::npos);
  EXPECT_NE(out.str().find("\"ts_ns\": 12345678000"), std::string::npos);
  EXPECT_NE(out.str().find("\"stats\""), std::string::npos);

  command.format = "sarif";
  std::ostringstream sarif, err2;
  EXPECT_EQ(runCheck(command, sarif, err2), 1);
  EXPECT_NE(sarif.str().find("\"version\": \"2.1.0\""), std::string::npos);
  EXPECT_NE(sarif.str().find("\"ruleId\": \"dma-unmap-size-mismatch\""), std::string::npos);
}

TEST(CheckCommand, FailingToStoreFindingsIsOnlyAWarning) {
  std::string error;
  std::string db = testing::importTraceText(kSizeMismatch, error);
  ASSERT_FALSE(db.empty()) << error;
  {
    // A database the checker can read but not write findings into (as root,
    // a read-only file would still be writable).
    store::Database raw;
    ASSERT_TRUE(raw.open(db, store::Database::Mode::ReadWrite, error)) << error;
    ASSERT_TRUE(raw.execute("DROP TABLE findings", error)) << error;
  }
  CheckCommand command;
  command.database = db;
  std::ostringstream out, err;
  EXPECT_EQ(runCheck(command, out, err), 1);
  EXPECT_NE(out.str().find("[dma-unmap-size-mismatch]"), std::string::npos);
  EXPECT_NE(err.str().find("findings not stored"), std::string::npos) << err.str();
}

TEST(CheckCommand, ErrorsExitTwo) {
  std::ostringstream out, err;
  CheckCommand command;
  command.database = "/nonexistent/run.db";
  EXPECT_EQ(runCheck(command, out, err), 2);
  EXPECT_NE(err.str().find("cannot open"), std::string::npos);

  std::string error;
  command.database = testing::importTraceText(kSizeMismatch, error);
  command.enable = {"dma-bogus"};
  EXPECT_EQ(runCheck(command, out, err), 2);
  command.enable = {};
  command.format = "xml";
  EXPECT_EQ(runCheck(command, out, err), 2);
}

TEST(CheckCommand, CleanRunExitsZero) {
  std::string text = traceHeader() +
                     line(1.0, "dma_map_page", "0000:00:03.0 dir=TO_DEVICE dma_addr=fffe000 size=4096 phys_addr=1000 attrs=") +
                     line(2.0, "dma_unmap_page", "0000:00:03.0 dir=TO_DEVICE dma_addr=fffe000 size=4096 attrs=");
  std::string error;
  CheckCommand command;
  command.database = testing::importTraceText(text, error);
  std::ostringstream out, err;
  EXPECT_EQ(runCheck(command, out, err), 0) << out.str();
  EXPECT_EQ(out.str(), "");
}

}  // namespace
}  // namespace dmacheck::tracer::checks
