#include "tracedat_reader.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "ftrace_text_reader.h"
#include "test_progress.h"
#include "test_sink.h"

namespace dmacheck::tracer {
namespace {

namespace fs = std::filesystem;
using testing::accountsForEveryUnit;
using testing::CollectingSink;
using testing::readFile;
using testing::renderEvent;

const std::string kTestdata = DMACHECK_READERS_TESTDATA;
const std::string kSampleDat = kTestdata + "/sample-6.12.dat";
// Captures of the QEMU lab (tracer/lab), each with trace.txt and trace.dat
// of the same run.
const std::string kLabTraces = kTestdata + "/../traces";

struct ReadResult {
  CollectingSink sink;
  ReaderStats stats;
  bool ok = false;
  std::string error;
};

void readDat(const std::string &path, ReadResult &r) {
  TraceDatReader reader(path);
  r.ok = reader.read(r.sink, r.stats, r.error);
}

void readTextFile(const std::string &path, ReadResult &r) {
  FtraceTextReader reader(path);
  r.ok = reader.read(r.sink, r.stats, r.error);
}

// The µs text form rounds; the dat form has ns.
uint64_t roundToUs(uint64_t ns) { return (ns + 500) / 1000; }

// "func+0x87" (trace.dat, resolved by us) and "func" (this kernel's text)
// name the same frame.
std::string frameName(const std::string &frame) { return frame.substr(0, frame.find('+')); }

void expectSameEvents(const std::vector<TraceEvent> &text, const std::vector<TraceEvent> &dat, bool textIsNs) {
  ASSERT_EQ(text.size(), dat.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const TraceEvent &a = text[i];
    const TraceEvent &b = dat[i];
    SCOPED_TRACE("event " + std::to_string(i) + "\n text: " + renderEvent(a) + "\n dat:  " + renderEvent(b));
    ASSERT_EQ(a.type, b.type);
    if (textIsNs) {
      EXPECT_EQ(a.tsNs, b.tsNs);
    } else {
      EXPECT_EQ(a.tsNs / 1000, roundToUs(b.tsNs));
    }
    EXPECT_EQ(a.cpu, b.cpu);
    EXPECT_EQ(a.pid, b.pid);
    EXPECT_EQ(a.comm, b.comm);
    EXPECT_EQ(a.device, b.device);
    EXPECT_EQ(a.dmaAddr, b.dmaAddr);
    EXPECT_EQ(a.physAddr, b.physAddr);
    EXPECT_EQ(a.size, b.size);
    EXPECT_EQ(a.unmappedSize, b.unmappedSize);
    EXPECT_EQ(a.dir, b.dir);
    EXPECT_EQ(a.attrs, b.attrs);
    EXPECT_EQ(a.gfpFlags, b.gfpFlags);
    EXPECT_EQ(a.iommuGroup, b.iommuGroup);
    EXPECT_EQ(a.nents, b.nents);
    EXPECT_EQ(a.mappedEnts, b.mappedEnts);
    EXPECT_EQ(a.sgTruncated, b.sgTruncated);
    ASSERT_EQ(a.sg.size(), b.sg.size());
    for (size_t k = 0; k < a.sg.size(); ++k) {
      EXPECT_EQ(a.sg[k].dmaAddr, b.sg[k].dmaAddr);
      EXPECT_EQ(a.sg[k].physAddr, b.sg[k].physAddr);
      EXPECT_EQ(a.sg[k].length, b.sg[k].length);
    }
    EXPECT_EQ(a.text, b.text);
    ASSERT_EQ(a.stack.size(), b.stack.size());
    for (size_t k = 0; k < a.stack.size(); ++k) EXPECT_EQ(frameName(a.stack[k]), frameName(b.stack[k]));
  }
}

TEST(TraceDatReader, SampleMatchesTraceCmdReportOfTheSameFile) {
  // text/trace-cmd-report-t.txt is `trace-cmd report -t` of sample-6.12.dat:
  // ns timestamps, and the sg events as [FAILED TO PARSE] raw fields.
  ReadResult dat;
  readDat(kSampleDat, dat);
  ASSERT_TRUE(dat.ok) << dat.error;
  EXPECT_TRUE(accountsForEveryUnit(dat.stats));
  EXPECT_TRUE(dat.stats.errored.empty());
  EXPECT_EQ(dat.stats.parsed, 85u);
  ReadResult text;
  readTextFile(kTestdata + "/text/trace-cmd-report-t.txt", text);
  expectSameEvents(text.sink.events, dat.sink.events, /*textIsNs=*/true);
}

TEST(TraceDatReader, MetaFromTheFileHeaders) {
  ReadResult dat;
  readDat(kSampleDat, dat);
  ASSERT_TRUE(dat.ok);
  EXPECT_EQ(dat.sink.metaValue("kernel_release"), "6.12.107+deb12-amd64");
  EXPECT_EQ(dat.sink.metaValue("clock"), "local");
  EXPECT_EQ(dat.sink.metaValue("cpus"), "2");
  EXPECT_EQ(dat.sink.metaValue("source_format"), "trace-dat");
}

TEST(TraceDatReader, SgArraysDecodedFromDataLoc) {
  ReadResult dat;
  readDat(kSampleDat, dat);
  const TraceEvent *sg = nullptr;
  for (const TraceEvent &e : dat.sink.events) {
    if (e.type == EventType::DmaMapSg) {
      sg = &e;
      break;
    }
  }
  ASSERT_NE(sg, nullptr);
  EXPECT_EQ(sg->nents, 14);
  EXPECT_EQ(sg->mappedEnts, 1);
  ASSERT_EQ(sg->sg.size(), 14u);
  EXPECT_EQ(sg->sg[0].dmaAddr, 0xfffa0000u);
  EXPECT_EQ(sg->sg[0].length, 0x10000u);
  EXPECT_EQ(sg->sg[0].physAddr, 0x7d8c000u);
  EXPECT_EQ(sg->attrs, 0x100u);
}

// Every lab capture: trace.txt and trace.dat of the same run give the same
// dma/iommu/console events (types, devices, addresses, sizes, stacks).
TEST(TraceDatReader, LabCapturesTextAndDatAgree) {
  std::error_code ec;
  int compared = 0;
  for (const auto &dir : fs::directory_iterator(kLabTraces, ec)) {
    const fs::path txt = dir.path() / "trace.txt";
    const fs::path dat = dir.path() / "trace.dat";
    if (!fs::exists(txt) || !fs::exists(dat)) continue;
    SCOPED_TRACE(dir.path().filename().string());
    ReadResult a;
    readTextFile(txt.string(), a);
    ReadResult b;
    readDat(dat.string(), b);
    ASSERT_TRUE(a.ok) << a.error;
    ASSERT_TRUE(b.ok) << b.error;
    EXPECT_TRUE(a.stats.errored.empty()) << (a.stats.samples.empty() ? "" : a.stats.samples[0]);
    EXPECT_TRUE(b.stats.errored.empty()) << (b.stats.samples.empty() ? "" : b.stats.samples[0]);
    EXPECT_TRUE(accountsForEveryUnit(b.stats));
    expectSameEvents(a.sink.events, b.sink.events, /*textIsNs=*/false);
    ++compared;
  }
  if (compared == 0) GTEST_SKIP() << "no lab captures under " << kLabTraces;
}

TEST(TraceDatReader, TruncatedFilesGiveAnErrorNotACrash) {
  const std::string whole = readFile(kSampleDat);
  const fs::path tmp = fs::temp_directory_path() / "dmacheck-readers-truncated.dat";
  for (size_t size : {size_t{0}, size_t{12}, size_t{100}, size_t{4096}, size_t{100000}, whole.size() / 2,
                      whole.size() - 8192}) {
    SCOPED_TRACE(size);
    testing::writeFile(tmp.string(), whole.substr(0, size));
    ReadResult r;
    readDat(tmp.string(), r);
    EXPECT_FALSE(r.ok);
    EXPECT_FALSE(r.error.empty());
  }
  fs::remove(tmp);
}

TEST(TraceDatReader, CorruptedHeadersGiveAnErrorNotACrash) {
  // Five flipped bytes in the first 4 KiB (found by mutation testing) make
  // libtracecmd 3.1.6 crash inside tracecmd_open; the reader probes the
  // file in a child process first.
  std::string data = readFile(kSampleDat);
  const std::pair<size_t, unsigned char> patch[] = {{214, 064}, {685, 0270}, {1240, 0204}, {2280, 0270}, {2289, 0131}};
  for (const auto &p : patch) data[p.first] = static_cast<char>(p.second);
  const fs::path tmp = fs::temp_directory_path() / "dmacheck-readers-corrupt.dat";
  testing::writeFile(tmp.string(), data);
  ReadResult r;
  readDat(tmp.string(), r);
  fs::remove(tmp);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("corrupt"), std::string::npos) << r.error;
}

TEST(TraceDatReader, FlippedBytesNeverCrash) {
  // Deterministic mutations all over the file (headers, compressed sections,
  // ring-buffer pages): each read either fails cleanly or accounts for every
  // record it delivered.
  const std::string original = readFile(kSampleDat);
  const fs::path tmp = fs::temp_directory_path() / "dmacheck-readers-mutated.dat";
  uint64_t state = 0x9e3779b97f4a7c15ULL;
  auto next = [&state] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  for (int round = 0; round < 24; ++round) {
    std::string data = original;
    const size_t flips = 1 + next() % 8;
    for (size_t i = 0; i < flips; ++i) {
      // Half of the rounds hit the first 16 KiB, where the headers are.
      const size_t span = round % 2 == 0 ? 16384 : data.size();
      data[next() % span] = static_cast<char>(next());
    }
    testing::writeFile(tmp.string(), data);
    ReadResult r;
    readDat(tmp.string(), r);
    SCOPED_TRACE(round);
    if (r.ok) {
      EXPECT_TRUE(accountsForEveryUnit(r.stats));
    } else {
      EXPECT_FALSE(r.error.empty());
    }
  }
  fs::remove(tmp);
}

TEST(TraceDatReader, NotATraceDat) {
  ReadResult r;
  readDat(kTestdata + "/sample-6.12-head2000.txt", r);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("bad magic"), std::string::npos);
  ReadResult missing;
  readDat("/nonexistent/trace.dat", missing);
  EXPECT_FALSE(missing.ok);
}

// `trace-cmd report -t` of the same file, through the text reader: the two
// readers agree on every event, stack frames included (both resolve the same
// kallsyms; unresolved module addresses are "0x..." in both).
TEST(TraceDatReader, MatchesTraceCmdReportOfLabCaptures) {
  if (std::system("command -v trace-cmd > /dev/null 2>&1") != 0) GTEST_SKIP() << "trace-cmd not installed";
  std::error_code ec;
  int compared = 0;
  for (const char *run : {"strict-stacks", "strict-basic", "swiotlb-basic"}) {
    const std::string dat = kLabTraces + "/" + run + "/trace.dat";
    if (!fs::exists(dat)) continue;
    SCOPED_TRACE(run);
    const fs::path report = fs::temp_directory_path() / "dmacheck-readers-report.txt";
    const std::string command = "trace-cmd report -t '" + dat + "' > '" + report.string() + "' 2>/dev/null";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    ReadResult text;
    readTextFile(report.string(), text);
    fs::remove(report, ec);
    ReadResult binary;
    readDat(dat, binary);
    ASSERT_TRUE(binary.ok) << binary.error;
    EXPECT_TRUE(text.stats.errored.empty()) << (text.stats.samples.empty() ? "" : text.stats.samples[0]);
    expectSameEvents(text.sink.events, binary.sink.events, /*textIsNs=*/true);
    ++compared;
  }
  if (compared == 0) GTEST_SKIP() << "no lab captures under " << kLabTraces;
}

TEST(TraceDatReader, KernelStackRecordsAttachToTheirEvent) {
  const std::string path = kLabTraces + "/strict-stacks/trace.dat";
  if (!fs::exists(path)) GTEST_SKIP() << path << " not present";
  ReadResult r;
  readDat(path, r);
  ASSERT_TRUE(r.ok) << r.error;
  size_t withStack = 0;
  for (const TraceEvent &e : r.sink.events) {
    if (e.stack.empty()) continue;
    ++withStack;
    EXPECT_FALSE(e.stack.front().rfind("trace_event_raw_event_", 0) == 0) << e.stack.front();
  }
  EXPECT_GT(withStack, r.sink.events.size() / 2);
  EXPECT_EQ(r.stats.skipped.count("stack_trace_orphan"), 0u);
}

}  // namespace
}  // namespace dmacheck::tracer

namespace dmacheck::tracer {
namespace {

// Intermediate progress from the records' positions in their CPU's data:
// reported every progressInterval records, never decreasing, below the
// total until the end.
TEST(TraceDatReader, ProgressIsMonotonicAndEndsAtTheTotal) {
  struct Case {
    std::string path;
    uint64_t interval;
  };
  int read = 0;
  for (const Case &c : {Case{kSampleDat, 8}, Case{kLabTraces + "/strict-stacks/trace.dat", 256}}) {
    if (!fs::exists(c.path)) continue;
    SCOPED_TRACE(c.path);
    TraceDatReader reader(c.path);
    reader.setProgressInterval(c.interval);
    testing::ProgressLog log;
    reader.setProgressCallback(log.callback());
    ReadResult r;
    r.ok = reader.read(r.sink, r.stats, r.error);
    ASSERT_TRUE(r.ok) << r.error;
    const uint64_t total = fs::file_size(c.path);
    EXPECT_TRUE(testing::monotonicToTotal(log, total));
    EXPECT_EQ(log.intermediate(), r.stats.inputUnits / c.interval);
    ASSERT_GE(log.intermediate(), 4u);
    // The estimate moves. In a file of a few pages per CPU the unused tail
    // of each CPU's last page weighs (the sample: 85 records in two 4 KiB
    // pages end at 54 %); in the lab capture (150 pages) it does not.
    EXPECT_LT(log.calls[1].first, log.calls[log.calls.size() - 2].first);
    if (c.path != kSampleDat) {
      EXPECT_LT(log.calls[1].first, total / 10);
      EXPECT_GT(log.calls[log.calls.size() - 2].first, total * 8 / 10);
    }
    ++read;
  }
  EXPECT_GT(read, 0);
}

TEST(TraceDatReader, DefaultProgressIntervalOnlyReportsStartAndEndOfASmallFile) {
  TraceDatReader reader(kSampleDat);
  testing::ProgressLog log;
  reader.setProgressCallback(log.callback());
  ReadResult r;
  r.ok = reader.read(r.sink, r.stats, r.error);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(log.calls.size(), 2u);
  EXPECT_TRUE(testing::monotonicToTotal(log, fs::file_size(kSampleDat)));
}

}  // namespace
}  // namespace dmacheck::tracer
