#include "test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <unistd.h>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "importer.h"
#include "run_reader.h"
#include "trace_reader.h"

namespace fs = std::filesystem;

namespace dmacheck::tracer::checks::testing {

namespace {

std::string freshPath(const std::string &suffix) {
  static std::atomic<int> counter{0};
  fs::path dir = fs::temp_directory_path() / ("trace_checks_test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return (dir / (std::to_string(counter++) + suffix)).string();
}

}  // namespace

std::string importTraceFile(const std::string &tracePath, std::string &error) {
  std::string db = freshPath(".db");
  ImportInput input;
  input.path = tracePath;
  TraceFormat format = detectFormat(tracePath, error);
  if (format == TraceFormat::Unknown) return "";
  input.format = std::string(traceFormatName(format));
  input.read = [tracePath, format](EventSink &sink, ReaderStats &stats, std::string &err) {
    std::unique_ptr<TraceReader> reader = makeReader(format, tracePath, err);
    if (!reader) return false;
    return reader->read(sink, stats, err);
  };
  ImportOptions options;
  options.backgroundWriter = false;
  ImportResult result;
  if (!importRun({input}, db, options, result, error)) return "";
  return db;
}

std::string importTraceText(const std::string &text, std::string &error) {
  std::string path = freshPath(".txt");
  std::ofstream(path) << text;
  return importTraceFile(path, error);
}

CheckResult checkDatabase(const std::string &databasePath, const CheckOptions &options) {
  CheckResult result;
  std::string error;
  auto reader = store::RunReader::open(databasePath, error);
  EXPECT_TRUE(reader) << error;
  if (!reader) return result;
  EXPECT_TRUE(runChecks(*reader, options, result, error)) << error;
  return result;
}

CheckResult checkText(const std::string &text, const CheckOptions &options) {
  std::string error;
  std::string db = importTraceText(text, error);
  EXPECT_FALSE(db.empty()) << error;
  if (db.empty()) return {};
  return checkDatabase(db, options);
}

std::string findingKey(const TraceFinding &f) {
  std::string key = f.rule + " " + (f.deviceName.empty() ? "-" : f.deviceName) + " " +
                    (f.dmaAddr ? hexAddr(*f.dmaAddr) : std::string("-"));
  if (f.inconclusive) key += " inconclusive";
  return key;
}

std::vector<std::string> findingKeys(const std::vector<TraceFinding> &findings) {
  std::vector<std::string> keys;
  for (const auto &f : findings) keys.push_back(findingKey(f));
  std::sort(keys.begin(), keys.end());
  return keys;
}

std::string line(double ts, const std::string &event, const std::string &body, int cpu, const std::string &task) {
  char buf[512];
  std::snprintf(buf, sizeof buf, "%16s [%03d] .....  %11.6f: %s: %s\n", task.c_str(), cpu, ts, event.c_str(),
                body.c_str());
  return buf;
}

std::string stackTrace(double ts, const std::vector<std::string> &frames, int cpu, const std::string &task) {
  char buf[128];
  std::snprintf(buf, sizeof buf, "%16s [%03d] .....  %11.6f: <stack trace>\n", task.c_str(), cpu, ts);
  std::string out = buf;
  for (const auto &f : frames) out += " => " + f + "\n";
  return out;
}

std::string traceHeader(int entries, int written) {
  std::string h = "# tracer: nop\n#\n";
  if (written) {
    h += "# entries-in-buffer/entries-written: " + std::to_string(entries) + "/" + std::to_string(written) +
         "   #P:2\n";
  }
  h += "#\n";
  return h;
}

}  // namespace dmacheck::tracer::checks::testing
