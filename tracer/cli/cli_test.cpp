// End-to-end tests of dmatrace with the real ftrace text reader:
//  * golden importer tests: testdata/import/NAME.sql names its input trace
//    ("-- input: PATH", relative to testdata/import) and holds one or more
//    queries; NAME.csv is the expected output (one CSV block per query,
//    blank line between). DMATRACE_UPDATE_GOLDEN=1 rewrites the .csv files.
//  * the real 6.12 sample: mapping counts per device against counts taken
//    independently from the text with grep/awk (stated below);
//  * the dmatrace binary: exit codes and messages.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <dirent.h>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.h"
#include "cli/progress.h"
#include "database.h"
#include "run_reader.h"

namespace dmacheck::tracer::cli {
namespace {

const std::string kRoot = DMACHECK_SOURCE_ROOT;
const std::string kGoldenDir = kRoot + "/testdata/import";

bool exists(const std::string &path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0;
}

std::string readFile(const std::string &path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string readFirstLineOf(const std::string &path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

std::string tempPath(const std::string &name) {
  return ::testing::TempDir() + "dmatrace_cli_test_" + std::to_string(getpid()) + "_" + name;
}

// Imports traces quietly into a fresh database; returns its path.
std::string importQuiet(const std::vector<std::string> &inputs, const std::string &name) {
  ImportCommand command;
  command.inputs = inputs;
  command.output = tempPath(name + ".db");
  command.quiet = true;
  std::remove(command.output.c_str());
  std::ostringstream out, err;
  EXPECT_EQ(runImport(command, out, err), kExitOk) << err.str();
  return command.output;
}

std::string csvField(store::Statement &s, int column) {
  if (s.isNull(column)) return "";
  std::string text = s.columnText(column);
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

// Runs each ';'-terminated statement of sql (comment lines dropped) and
// renders the results as CSV blocks.
std::string runQueries(store::Database &db, const std::string &sql) {
  std::string out, statement;
  std::istringstream lines(sql);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("--", 0) == 0) continue;
    statement += line + "\n";
    if (line.empty() || line.back() != ';') continue;
    store::Statement s = db.prepare(statement);
    if (!s.valid()) return "SQL error: " + db.lastError() + "\n" + statement;
    if (!out.empty()) out += "\n";
    for (int c = 0; c < s.columnCount(); ++c) out += (c ? "," : "") + s.columnName(c);
    out += "\n";
    while (s.step()) {
      for (int c = 0; c < s.columnCount(); ++c) out += (c ? "," : "") + csvField(s, c);
      out += "\n";
    }
    if (!s.succeeded()) return "SQL error: " + db.lastError() + "\n" + statement;
    statement.clear();
  }
  return out;
}

std::vector<std::string> goldenCases() {
  std::vector<std::string> names;
  if (DIR *dir = opendir(kGoldenDir.c_str())) {
    while (dirent *entry = readdir(dir)) {
      std::string name = entry->d_name;
      if (name.size() > 4 && name.substr(name.size() - 4) == ".sql") names.push_back(name.substr(0, name.size() - 4));
    }
    closedir(dir);
  }
  std::sort(names.begin(), names.end());
  return names;
}

class GoldenImportTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenImportTest, QueryGivesExpectedCsv) {
  const std::string name = GetParam();
  std::string sql = readFile(kGoldenDir + "/" + name + ".sql");
  const std::string marker = "-- input: ";
  ASSERT_EQ(sql.rfind(marker, 0), 0u) << name << ".sql must start with '" << marker << "PATH'";
  std::string input = kGoldenDir + "/" + sql.substr(marker.size(), sql.find('\n') - marker.size());
  if (!exists(input)) GTEST_SKIP() << "input missing: " << input;
  std::string db = importQuiet({input}, name);
  store::Database database;
  std::string error;
  ASSERT_TRUE(database.open(db, store::Database::Mode::ReadOnly, error)) << error;
  std::string actual = runQueries(database, sql);
  std::string expectedPath = kGoldenDir + "/" + name + ".csv";
  const char *update = std::getenv("DMATRACE_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::ofstream(expectedPath) << actual;
  }
  EXPECT_EQ(actual, readFile(expectedPath)) << "golden " << expectedPath
                                            << " differs (DMATRACE_UPDATE_GOLDEN=1 rewrites it)";
  std::remove(db.c_str());
}

INSTANTIATE_TEST_SUITE_P(Import, GoldenImportTest, ::testing::ValuesIn(goldenCases()),
                         [](const ::testing::TestParamInfo<std::string> &info) { return info.param; });

// The real capture of ../shared (Debian 6.12.107 in QEMU, strict Intel IOMMU),
// or the project's copy of its first 2000 lines when ../shared is absent.
// Expected counts were taken from the text itself, independently of dmatrace:
//   grep -oE '(dma_[a-z_]+): [0-9a-f:.]+' trace.txt | sort | uniq -c
//   grep ' dma_map_sg: ' trace.txt | awk '{for(i=1;i<=NF;i++) if($i~/^dma_addrs=/){n=split($i,a,",");
//       d=$0; sub(/.*dma_map_sg: /,"",d); sub(/ .*/,"",d); c[d]+=n}} END{for(d in c) print d, c[d]}'
// mappings per device = dma_alloc + dma_map_page + sg segments (dma_addrs entries).
TEST(SampleImportTest, MappingCountsPerDeviceMatchTheText) {
  std::string full = kRoot + "/../shared/kernel-6.12/sample/trace.txt";
  std::string head = kRoot + "/testdata/readers/sample-6.12-head2000.txt";
  bool useFull = exists(full);
  if (!useFull && !exists(head)) GTEST_SKIP() << "no sample trace";
  // device -> {mappings, live at the end}; live = maps - unmaps (no frees in the sample).
  std::map<std::string, std::pair<uint64_t, uint64_t>> expected;
  uint64_t events;
  if (useFull) {
    expected = {{"0000:00:01.0", {8 + 14 + 34, 8}},   {"0000:00:02.0", {14 + 23 + 45, 14}},
                {"0000:00:03.0", {2 + 300, 2 + 255}}, {"0000:00:04.0", {2 + 300, 2 + 255}},
                {"0000:00:1f.2", {6 + 42, 6}}};
    events = 3966;  // entries-in-buffer of the header
  } else {
    expected = {{"0000:00:01.0", {8 + 14 + 34, 8}}, {"0000:00:02.0", {14 + 23 + 17, 14}},
                {"0000:00:1f.2", {6 + 42, 6}}};
    events = 2000 - 12;  // lines minus the 12 header lines
  }
  std::string db = importQuiet({useFull ? full : head}, "sample");
  std::string error;
  auto reader = store::RunReader::open(db, error);
  ASSERT_TRUE(reader) << error;
  std::map<std::string, std::pair<uint64_t, uint64_t>> actual;
  for (const store::Device &d : reader->devices()) {
    if (d.mappings) actual[d.name] = {d.mappings, d.liveAtEnd};
  }
  EXPECT_EQ(actual, expected);
  EXPECT_EQ(reader->sources().at(0).events, events);
  // Every iommu:map/unmap but the boot-time identity map links to a mapping;
  // the 2000-line cut also ends with an iommu:map whose dma_map_sg is cut off.
  store::Statement s = reader->database().prepare("SELECT count(*) - count(mapping) FROM iommu_ops");
  ASSERT_TRUE(s.step());
  EXPECT_EQ(s.columnInt(0), useFull ? 1 : 2);
  for (const store::ImportStat &stat : reader->importStats()) EXPECT_NE(stat.severity, "error") << stat.reason;
  // Drivers come from console lines.
  EXPECT_EQ(reader->deviceByName("0000:00:01.0")->driver, "nvme");
  EXPECT_EQ(reader->deviceByName("0000:00:1f.2")->driver, "ahci");
  std::remove(db.c_str());
}

// ------------------------------------------------------------- the binary

struct CommandRun {
  int status;
  std::string out, err;
};

CommandRun dmatrace(const std::string &args) {
  std::string out = tempPath("stdout"), err = tempPath("stderr");
  std::string command = std::string(DMATRACE_BINARY) + " " + args + " >" + out + " 2>" + err;
  int raw = std::system(command.c_str());
  CommandRun r{WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, readFile(out), readFile(err)};
  std::remove(out.c_str());
  std::remove(err.c_str());
  return r;
}

// The same run captured as ftrace text and as trace.dat (the lab writes both
// from one ring buffer) must give the same mapping table, row for row. The
// text has microseconds, rounded by the kernel's ns2usecs (ns + 500) / 1000.
std::vector<std::string> mappingRows(const std::string &db, bool nanoseconds) {
  std::string error;
  auto reader = store::RunReader::open(db, error);
  EXPECT_TRUE(reader) << error;
  if (!reader) return {};
  std::string ts = nanoseconds ? "(%s + 500) / 1000" : "%s / 1000";
  auto usec = [&](const char *column) {
    std::string out = ts;
    out.replace(out.find("%s"), 2, column);
    return out;
  };
  store::Statement s = reader->database().prepare(
      "SELECT d.name, m.kind, m.dma_addr, m.phys_addr, m.size, m.dir, m.attrs, " + usec("m.map_ts") + ", " +
      usec("m.unmap_ts") + ", m.unmap_size, m.unmap_dir, m.sg_index, m.flags "
      "FROM mappings m JOIN devices d ON d.id = m.device ORDER BY m.id");
  std::vector<std::string> rows;
  while (s.step()) {
    std::string row;
    for (int c = 0; c < s.columnCount(); ++c) row += (c ? "," : "") + (s.isNull(c) ? std::string("NULL") : std::string(s.columnText(c)));
    rows.push_back(row);
  }
  EXPECT_TRUE(s.succeeded()) << reader->database().lastError();
  return rows;
}

class TextVsTraceDat : public ::testing::TestWithParam<std::string> {};

TEST_P(TextVsTraceDat, SameMappingTable) {
  std::string dir = kRoot + "/testdata/traces/" + GetParam();
  auto text = mappingRows(importQuiet({dir + "/trace.txt"}, GetParam() + "-txt"), false);
  auto dat = mappingRows(importQuiet({dir + "/trace.dat"}, GetParam() + "-dat"), true);
  ASSERT_FALSE(text.empty());
  ASSERT_EQ(text.size(), dat.size());
  for (size_t i = 0; i < text.size(); ++i) ASSERT_EQ(text[i], dat[i]) << "mapping row " << i + 1;
}

std::vector<std::string> runsWithBothForms() {
  std::vector<std::string> runs;
  std::string root = kRoot + "/testdata/traces";
  if (DIR *d = opendir(root.c_str())) {
    while (dirent *e = readdir(d)) {
      std::string name = e->d_name;
      if (name[0] != '.' && exists(root + "/" + name + "/trace.txt") && exists(root + "/" + name + "/trace.dat"))
        runs.push_back(name);
    }
    closedir(d);
  }
  std::sort(runs.begin(), runs.end());
  return runs;
}

INSTANTIATE_TEST_SUITE_P(LabRuns, TextVsTraceDat, ::testing::ValuesIn(runsWithBothForms()),
                         [](const ::testing::TestParamInfo<std::string> &info) {
                           std::string n = info.param;
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

TEST(DmatraceBinaryTest, ImportThenStatsTextAndJson) {
  std::string db = tempPath("bin.db");
  std::remove(db.c_str());
  CommandRun imported = dmatrace("import " + kGoldenDir + "/pairing_no_iommu.txt -o " + db);
  ASSERT_EQ(imported.status, 0) << imported.err;
  EXPECT_NE(imported.out.find("imported 9 events from 1 input"), std::string::npos) << imported.out;
  EXPECT_EQ(imported.err, "");  // stderr is not a terminal: no progress bar
  CommandRun text = dmatrace("stats " + db);
  ASSERT_EQ(text.status, 0) << text.err;
  EXPECT_NE(text.out.find("unmap_without_map"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("lost events: 12 in 1 windows"), std::string::npos) << text.out;
  CommandRun json = dmatrace("stats --format json " + db);
  ASSERT_EQ(json.status, 0) << json.err;
  auto j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["events_by_type"]["dma_map_page"], 5);
  EXPECT_EQ(j["devices"][0]["failed_maps"], 1);
  EXPECT_EQ(j["lost_events"]["events"], 12);
  std::remove(db.c_str());
}

TEST(DmatraceBinaryTest, SeveralInputsInOrderShareADatabase) {
  std::string db = tempPath("two.db");
  std::remove(db.c_str());
  CommandRun r = dmatrace("import -q " + kGoldenDir + "/iommu_adjacency.txt " + kGoldenDir + "/sg_merged.txt -o " + db);
  ASSERT_EQ(r.status, 0) << r.err;
  std::string error;
  auto reader = store::RunReader::open(db, error);
  ASSERT_TRUE(reader) << error;
  EXPECT_EQ(reader->sources().size(), 2u);
  std::remove(db.c_str());
}

TEST(DmatraceBinaryTest, ExplicitFormat) {
  std::string db = tempPath("fmt.db");
  std::remove(db.c_str());
  CommandRun ok = dmatrace("import -q --format ftrace " + kGoldenDir + "/sg_merged.txt -o " + db);
  EXPECT_EQ(ok.status, 0) << ok.err;
  CommandRun bad = dmatrace("import -q --format pcap " + kGoldenDir + "/sg_merged.txt -o " + db);
  EXPECT_EQ(bad.status, 2);
  std::remove(db.c_str());
}

TEST(DmatraceBinaryTest, OverlappingInputsFailWithReason) {
  std::string db = tempPath("overlap.db");
  CommandRun r = dmatrace("import -q " + kGoldenDir + "/sg_merged.txt " + kGoldenDir + "/iommu_adjacency.txt -o " + db);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("inputs must be consecutive pieces of one trace"), std::string::npos) << r.err;
  EXPECT_FALSE(exists(db));
}

TEST(DmatraceBinaryTest, MissingDirectoryAndMissingInputAreErrors) {
  CommandRun r = dmatrace("import " + kGoldenDir + "/sg_merged.txt -o /nonexistent-dmatrace-dir/run.db");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("directory '/nonexistent-dmatrace-dir' does not exist"), std::string::npos) << r.err;
  CommandRun missing = dmatrace("import /nonexistent-trace.txt -o " + tempPath("x.db"));
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("/nonexistent-trace.txt"), std::string::npos) << missing.err;
  CommandRun stats = dmatrace("stats /nonexistent.db");
  EXPECT_EQ(stats.status, 2);
  CommandRun usage = dmatrace("import");
  EXPECT_EQ(usage.status, 2);
}

// dmatrace record against a fake tracefs (DMATRACE_TRACEFS): the events it
// enables are on while the command runs and off afterwards, and the `trace`
// file is what it saves.
std::string makeFakeTracefs(const std::string &name, bool withDma) {
  std::string root = tempPath(name);
  std::system(("rm -rf '" + root + "'").c_str());
  std::vector<std::string> dirs = {"/events/iommu", "/events/printk/console", "/options"};
  if (withDma) dirs.push_back("/events/dma");
  for (const auto &d : dirs) std::system(("mkdir -p '" + root + d + "'").c_str());
  for (const char *f : {"/events/dma/enable", "/events/iommu/enable", "/events/printk/console/enable", "/tracing_on",
                        "/options/stacktrace", "/buffer_size_kb"})
    std::ofstream(root + f) << "0\n";
  return root;
}

TEST(RecordTest, FakeTracefsIsDrivenAndRestored) {
  std::string root = makeFakeTracefs("tracefs", true);
  setenv("DMATRACE_TRACEFS", root.c_str(), 1);
  RecordCommand command;
  command.output = tempPath("record.txt");
  command.stacks = true;
  // The command sees the events enabled, then writes the "ring buffer".
  command.command = {"sh", "-c", "grep -q 1 '" + root + "/events/dma/enable' && grep -q 1 '" + root +
                                     "/options/stacktrace' && echo '  dd-1 [000] .....  1.000000: dma_map_page: x' > '" +
                                     root + "/trace'"};
  std::ostringstream out, err;
  EXPECT_EQ(runRecord(command, out, err), kExitOk) << err.str();
  unsetenv("DMATRACE_TRACEFS");
  EXPECT_NE(readFile(command.output).find("dma_map_page"), std::string::npos);
  for (const char *f : {"/events/dma/enable", "/events/iommu/enable", "/events/printk/console/enable", "/tracing_on",
                        "/options/stacktrace"})
    EXPECT_EQ(readFile(root + f), "0\n") << f << " was not turned off again";
}

TEST(RecordTest, MissingTracefsOrDmaEventsAreClearErrors) {
  setenv("DMATRACE_TRACEFS", "/nonexistent/tracefs", 1);
  RecordCommand command;
  command.output = tempPath("never.txt");
  std::ostringstream out, err;
  EXPECT_EQ(runRecord(command, out, err), kExitError);
  EXPECT_NE(err.str().find("tracefs is not mounted"), std::string::npos) << err.str();

  std::string old = makeFakeTracefs("oldkernel", false);
  setenv("DMATRACE_TRACEFS", old.c_str(), 1);
  std::ostringstream out2, err2;
  EXPECT_EQ(runRecord(command, out2, err2), kExitError);
  EXPECT_NE(err2.str().find("no dma: tracepoints"), std::string::npos) << err2.str();
  unsetenv("DMATRACE_TRACEFS");
}

// The real thing, where this machine allows it (root, tracefs, a 6.12+ kernel).
TEST(RecordTest, RecordsOnThisMachineAndImports) {
  if (access("/sys/kernel/tracing/events/dma/enable", W_OK) != 0) GTEST_SKIP() << "no writable tracefs with dma: events";
  std::string text = tempPath("real.txt");
  int status = std::system((std::string(DMATRACE_BINARY) + " record --text -o '" + text + "' -- sh -c 'sleep 0.2' > /dev/null").c_str());
  ASSERT_EQ(status, 0);
  EXPECT_NE(readFile(text).find("# tracer:"), std::string::npos);
  EXPECT_EQ(readFirstLineOf("/sys/kernel/tracing/events/dma/enable"), "0");
  std::string db = tempPath("real.db");
  EXPECT_EQ(std::system((std::string(DMATRACE_BINARY) + " import -q '" + text + "' -o '" + db + "'").c_str()), 0);
}

TEST(ProgressBarTest, RendersBytesAndRate) {
  std::string frame = ProgressBar::render(512 * 1024, 1024 * 1024, 100000, 0.5, 80);
  EXPECT_NE(frame.find(" 50% 512.0 KiB/1.0 MiB 100000 events 200k ev/s"), std::string::npos) << frame;
}

}  // namespace
}  // namespace dmacheck::tracer::cli
