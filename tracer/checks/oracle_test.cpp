// The oracle: every error the kernel's own checker printed during a capture
// must be a `dmatrace check` finding of the same capture.
//
// testdata/traces/oracle-<misuse>/ were made by tracer/lab/run-oracle.sh with
// a kernel built with CONFIG_DMA_API_DEBUG=y (tracer/lab/build-debug-kernel.sh)
// and /sys/kernel/debug/dma-api/all_errors=1, so dmesg.txt holds every
// kernel/dma/debug.c error of the run:
//
//   DMA-API: <driver> <device>: device driver <what> [device address=0x...] ...
//
// For each such line the test takes the rules whose catalogue `dma_debug:`
// wording starts the same way (rules/catalogue.yaml; "tries to free DMA memory
// it has not allocated" is both dma-unmap-unknown and dma-double-unmap — which
// of the two dmatrace reports depends on whether the handle was mapped before)
// and expects, among the findings of trace.txt and of trace.dat, one of those
// rules on the same device and, when the line names a device address, at that
// address. Findings dma-debug has no check for (stale-IOVA faults, virt_to_phys)
// are listed, not required.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <regex>
#include <set>

#include "dmacheck/rules/catalogue.h"
#include "finding_output.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace dmacheck::tracer::checks {
namespace {

fs::path tracesRoot() { return fs::path(DMACHECK_SOURCE_ROOT) / "testdata" / "traces"; }

std::vector<std::string> oracleRuns() {
  std::vector<std::string> runs;
  for (const auto &entry : fs::directory_iterator(tracesRoot()))
    if (entry.is_directory() && entry.path().filename().string().rfind("oracle-", 0) == 0 &&
        fs::exists(entry.path() / "dmesg.txt"))
      runs.push_back(entry.path().filename().string());
  std::sort(runs.begin(), runs.end());
  return runs;
}

struct DmaDebugError {
  std::string device;                // "0000:00:01.0"
  std::string text;                  // "device driver frees DMA memory with different size [...]"
  std::optional<uint64_t> dmaAddr;   // [device address=0x...] when printed
  std::string line;
};

std::vector<DmaDebugError> readDmaDebugErrors(const fs::path &dmesg) {
  static const std::regex kLine(R"(DMA-API: (\S+) (\S+): (device driver .*)$)");
  static const std::regex kAddr(R"(\[device address=(0x[0-9a-fA-F]+)\])");
  std::vector<DmaDebugError> errors;
  std::ifstream in(dmesg);
  std::string line;
  std::smatch m;
  while (std::getline(in, line)) {
    // The leak report names its address on a second line:
    // "One of leaked entries details: [device address=0x...] ...".
    if (!errors.empty() && !errors.back().dmaAddr && line.find("One of leaked entries details:") != std::string::npos) {
      std::smatch a;
      if (std::regex_search(line, a, kAddr)) errors.back().dmaAddr = std::stoull(a[1].str(), nullptr, 16);
      continue;
    }
    if (!std::regex_search(line, m, kLine)) continue;
    DmaDebugError e;
    e.device = m[2];
    e.text = m[3];
    e.line = line;
    std::smatch a;
    if (std::regex_search(e.text, a, kAddr)) e.dmaAddr = std::stoull(a[1].str(), nullptr, 16);
    errors.push_back(std::move(e));
  }
  return errors;
}

// The fixed start of a dma-debug format: up to the first '[' or '%'.
std::string fixedPrefix(const std::string &format) {
  std::string p = format.substr(0, format.find_first_of("[%"));
  while (!p.empty() && p.back() == ' ') p.pop_back();
  return p;
}

// Catalogue rules whose dma_debug wording the message starts with.
std::set<std::string> rulesFor(const std::string &text) {
  std::set<std::string> ids;
  for (const auto &rule : rules::Catalogue::builtin().rules()) {
    std::vector<std::string> wordings = rule.dmaDebugAlso;
    wordings.push_back(rule.dmaDebug);
    for (const std::string &wording : wordings) {
      std::string prefix = fixedPrefix(wording);
      if (!prefix.empty() && text.rfind(prefix, 0) == 0) ids.insert(rule.id);
    }
  }
  return ids;
}

std::vector<TraceFinding> checkInput(const fs::path &input) {
  std::string error;
  std::string db = testing::importTraceFile(input.string(), error);
  EXPECT_FALSE(db.empty()) << input << ": " << error;
  if (db.empty()) return {};
  return testing::checkDatabase(db).findings;
}

TEST(OracleTest, CatalogueMapsEveryDmaDebugCheckOfTheRuns) {
  // Sanity of the mapping itself: the wordings the misuses trigger.
  EXPECT_EQ(rulesFor("device driver frees DMA memory with different size [device address=0x1]"),
            std::set<std::string>{"dma-unmap-size-mismatch"});
  EXPECT_EQ(rulesFor("device driver tries to free DMA memory it has not allocated [device address=0x1]"),
            (std::set<std::string>{"dma-double-unmap", "dma-unmap-unknown"}));
  EXPECT_EQ(rulesFor("device driver has pending DMA allocations while released from device [count=1]"),
            std::set<std::string>{"dma-leak"});
}

TEST(OracleTest, RunsArePresent) { EXPECT_FALSE(oracleRuns().empty()) << "no testdata/traces/oracle-*"; }

class OracleRunTest : public ::testing::TestWithParam<std::string> {};

// run-info.txt's dma_api_error_count (/sys/kernel/debug/dma-api/error_count).
std::optional<int> dmaApiErrorCount(const fs::path &runInfo) {
  std::ifstream in(runInfo);
  std::string line;
  const std::string key = "dma_api_error_count=";
  while (std::getline(in, line))
    if (line.rfind(key, 0) == 0) return std::stoi(line.substr(key.size()));
  return std::nullopt;
}

TEST_P(OracleRunTest, EveryDmaDebugErrorIsADmatraceFinding) {
  fs::path dir = tracesRoot() / GetParam();
  std::vector<DmaDebugError> errors = readDmaDebugErrors(dir / "dmesg.txt");
  // With all_errors=1 every counted error was printed: dmesg.txt is complete.
  std::optional<int> count = dmaApiErrorCount(dir / "run-info.txt");
  ASSERT_TRUE(count.has_value()) << "no dma_api_error_count in run-info.txt: not a dma-debug run";
  EXPECT_EQ(static_cast<int>(errors.size()), *count) << "dma-debug error lines in dmesg.txt vs error_count";
  for (const char *file : {"trace.txt", "trace.dat"}) {
    if (!fs::exists(dir / file)) continue;
    SCOPED_TRACE(GetParam() + "/" + file);
    std::vector<TraceFinding> findings = checkInput(dir / file);
    std::string listing;
    for (const auto &f : findings) listing += "  " + formatFindingLine(f) + "\n";
    std::set<const TraceFinding *> matched;
    for (const auto &e : errors) {
      std::set<std::string> rules = rulesFor(e.text);
      EXPECT_FALSE(rules.empty()) << "no catalogue rule has the dma-debug wording of: " << e.line;
      const TraceFinding *hit = nullptr;
      for (const auto &f : findings) {
        if (f.deviceName != e.device || !rules.count(f.rule)) continue;
        if (e.dmaAddr && f.dmaAddr && *f.dmaAddr != *e.dmaAddr) continue;
        hit = &f;
        break;
      }
      EXPECT_NE(hit, nullptr) << "dma-debug reported\n  " << e.line << "\nbut dmatrace has no "
                              << [&] {
                                   std::string s;
                                   for (const auto &r : rules) s += (s.empty() ? "" : " or ") + r;
                                   return s;
                                 }()
                              << " on " << e.device << "; its findings:\n"
                              << listing;
      if (hit) matched.insert(hit);
    }
    for (const auto &f : findings)
      if (!matched.count(&f))
        std::cout << "[ oracle   ] " << GetParam() << "/" << file
                  << ": dmatrace only (no dma-debug line): " << formatFindingLine(f) << "\n";
  }
}

INSTANTIATE_TEST_SUITE_P(Runs, OracleRunTest, ::testing::ValuesIn(oracleRuns()),
                         [](const ::testing::TestParamInfo<std::string> &info) {
                           std::string name = info.param;
                           for (char &c : name)
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(OracleRunTest);

}  // namespace
}  // namespace dmacheck::tracer::checks
