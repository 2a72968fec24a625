// Every real capture under testdata/traces/<run>/ is imported (trace.txt,
// and trace.dat where the run has one: the same ring buffer read by
// libtracecmd; other inputs — strict-basic's trace_pipe.txt, ctf-perf's
// perf-script.txt and ctf/ — against their own expected-findings-<name>.txt)
// and checked; the findings must be exactly the run's expected-findings.txt:
//
//   # comment
//   <rule> <device> <dma_addr|-> [inconclusive]
//
// one line per finding (a rule reported twice for the same key is listed
// twice). docs/trace-checks.md explains every line of the clean captures.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "finding_output.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace dmacheck::tracer::checks {
namespace {

fs::path tracesRoot() { return fs::path(DMACHECK_SOURCE_ROOT) / "testdata" / "traces"; }

// "<run>/trace.txt", "<run>/trace.dat"
std::vector<std::string> captureInputs() {
  std::vector<std::string> inputs;
  for (const auto &entry : fs::directory_iterator(tracesRoot())) {
    if (!entry.is_directory()) continue;
    for (const char *file : {"trace.txt", "trace.dat", "trace_pipe.txt", "perf-script.txt", "ctf"})
      if (fs::exists(entry.path() / file)) inputs.push_back(entry.path().filename().string() + "/" + file);
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

std::vector<std::string> readExpected(const fs::path &path) {
  std::vector<std::string> keys;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    auto hash = line.find('#');
    if (hash != std::string::npos) line.erase(hash);
    std::istringstream words(line);
    std::string word, key;
    while (words >> word) key += (key.empty() ? "" : " ") + word;
    if (!key.empty()) keys.push_back(key);
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

class CaptureTest : public ::testing::TestWithParam<std::string> {};

TEST_P(CaptureTest, FindsExactlyTheExpectedFindings) {
  fs::path input = tracesRoot() / GetParam();
  // trace.txt and trace.dat are the same ring buffer: one list. Another
  // input of the run (trace_pipe.txt, perf-script.txt, ctf/) has its own list.
  std::string name = input.filename().string();
  fs::path expectedPath = input.parent_path() / (name == "trace.txt" || name == "trace.dat"
                                                      ? std::string("expected-findings.txt")
                                                      : "expected-findings-" + input.stem().string() + ".txt");
  ASSERT_TRUE(fs::exists(expectedPath)) << "no " << expectedPath;
  std::string error;
  std::string db = testing::importTraceFile(input.string(), error);
  ASSERT_FALSE(db.empty()) << error;
  CheckResult result = testing::checkDatabase(db);
  std::vector<std::string> actual = testing::findingKeys(result.findings);
  std::string lines;
  for (const auto &f : result.findings) lines += "  " + formatFindingLine(f) + "\n";
  EXPECT_EQ(actual, readExpected(expectedPath)) << "findings of " << GetParam() << ":\n" << lines;
  EXPECT_TRUE(result.stats.problems.empty()) << result.stats.problems.front();
}

INSTANTIATE_TEST_SUITE_P(Runs, CaptureTest, ::testing::ValuesIn(captureInputs()),
                         [](const ::testing::TestParamInfo<std::string> &info) {
                           std::string name = info.param;
                           for (char &c : name)
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

}  // namespace
}  // namespace dmacheck::tracer::checks
