#include "ctf_reader.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "ftrace_text_reader.h"
#include "test_progress.h"
#include "test_sink.h"

namespace dmacheck::tracer {
namespace {

namespace fs = std::filesystem;
using testing::accountsForEveryUnit;
using testing::CollectingSink;
using testing::renderEvent;

const std::string kTestdata = DMACHECK_READERS_TESTDATA;

struct ReadResult {
  CollectingSink sink;
  ReaderStats stats;
  bool ok = false;
  std::string error;
};

void readCtf(const std::string &path, ReadResult &r) {
  CtfReader reader(path);
  r.ok = reader.read(r.sink, r.stats, r.error);
}

// The first `lines` lines of the real sample slice, through the text reader.
std::vector<TraceEvent> textEvents(size_t lines) {
  std::string all = testing::readFile(kTestdata + "/sample-6.12-head2000.txt");
  size_t pos = 0;
  for (size_t i = 0; i < lines && pos != std::string::npos; ++i) {
    pos = all.find('\n', pos);
    if (pos != std::string::npos) ++pos;
  }
  auto reader = FtraceTextReader::fromMemory("slice", all.substr(0, pos));
  CollectingSink sink;
  ReaderStats stats;
  std::string error;
  reader->read(sink, stats, error);
  return sink.events;
}

// text2ctf.py does not carry attrs/gfp names or comms: compare the rest.
void expectSameAsText(const std::vector<TraceEvent> &text, const std::vector<TraceEvent> &ctf) {
  ASSERT_EQ(text.size(), ctf.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const TraceEvent &a = text[i];
    const TraceEvent &b = ctf[i];
    SCOPED_TRACE("event " + std::to_string(i) + "\n text: " + renderEvent(a) + "\n ctf:  " + renderEvent(b));
    ASSERT_EQ(a.type, b.type);
    EXPECT_EQ(a.tsNs, b.tsNs);
    EXPECT_EQ(a.cpu, b.cpu);
    EXPECT_EQ(a.pid, b.pid);
    EXPECT_EQ(a.device, b.device);
    EXPECT_EQ(a.dmaAddr, b.dmaAddr);
    EXPECT_EQ(a.physAddr, b.physAddr);
    EXPECT_EQ(a.size, b.size);
    EXPECT_EQ(a.unmappedSize, b.unmappedSize);
    EXPECT_EQ(a.dir, b.dir);
    EXPECT_EQ(a.iommuGroup, b.iommuGroup);
    EXPECT_EQ(a.nents, b.nents);
    EXPECT_EQ(a.mappedEnts, b.mappedEnts);
    ASSERT_EQ(a.sg.size(), b.sg.size());
    for (size_t k = 0; k < a.sg.size(); ++k) {
      EXPECT_EQ(a.sg[k].dmaAddr, b.sg[k].dmaAddr);
      EXPECT_EQ(a.sg[k].physAddr, b.sg[k].physAddr);
      EXPECT_EQ(a.sg[k].length, b.sg[k].length);
    }
    EXPECT_EQ(a.text, b.text);
  }
}

// ctf-from-sample: text2ctf.py --names perf over the first 600 lines of the
// real sample ("dma:dma_map_page" names, common_* and perf_* fields).
TEST(CtfReader, PerfStyleFixtureMatchesTheTextItCameFrom) {
  ReadResult r;
  readCtf(kTestdata + "/ctf-from-sample", r);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_TRUE(r.stats.errored.empty());
  EXPECT_TRUE(accountsForEveryUnit(r.stats));
  EXPECT_EQ(r.stats.parsed, 588u);
  expectSameAsText(textEvents(600), r.sink.events);
}

// ctf-lttng-style: the same converter with LTTng-style names (no
// "subsystem:" prefix) and the CPU only in the packet context.
TEST(CtfReader, LttngStyleFixtureMatchesTheTextItCameFrom) {
  ReadResult r;
  readCtf(kTestdata + "/ctf-lttng-style", r);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_TRUE(r.stats.errored.empty());
  EXPECT_EQ(r.stats.parsed, 388u);
  std::vector<TraceEvent> text = textEvents(400);
  // No pid field in this style.
  for (TraceEvent &e : text) e.pid = -1;
  expectSameAsText(text, r.sink.events);
}

TEST(CtfReader, MetadataFilePathWorksToo) {
  ReadResult r;
  readCtf(kTestdata + "/ctf-lttng-style/metadata", r);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.stats.parsed, 388u);
}

TEST(CtfReader, MissingOrEmptyDirectoryIsAnError) {
  ReadResult missing;
  readCtf("/nonexistent/ctf", missing);
  EXPECT_FALSE(missing.ok);
  ReadResult noMetadata;
  readCtf(kTestdata + "/text", noMetadata);
  EXPECT_FALSE(noMetadata.ok);
  EXPECT_NE(noMetadata.error.find("no CTF metadata"), std::string::npos);
}

TEST(CtfReader, CorruptedTraceGivesAnErrorNotACrash) {
  const fs::path dir = fs::temp_directory_path() / "dmacheck-readers-bad-ctf";
  fs::remove_all(dir);
  fs::copy(kTestdata + "/ctf-lttng-style", dir);
  // Cut every stream file in the middle of a packet.
  for (const auto &entry : fs::directory_iterator(dir)) {
    if (entry.path().filename() != "metadata") fs::resize_file(entry.path(), fs::file_size(entry.path()) / 2 + 3);
  }
  ReadResult cut;
  readCtf(dir.string(), cut);
  EXPECT_FALSE(cut.ok);
  EXPECT_FALSE(cut.error.empty());
  // Garbage metadata.
  testing::writeFile((dir / "metadata").string(), "/* CTF 1.8 */\ntrace { major = 1; minor = 8; garbage");
  ReadResult bad;
  readCtf(dir.string(), bad);
  EXPECT_FALSE(bad.ok);
  EXPECT_FALSE(bad.error.empty());
  fs::remove_all(dir);
}

// The lab's ctf-perf run: `perf script` and `perf data convert --to-ctf` of
// the same perf.data (perf 6.1) give the same events.
TEST(CtfReader, PerfCtfMatchesPerfScriptOfTheSameRecording) {
  const std::string dir = kTestdata + "/../traces/ctf-perf";
  if (!fs::exists(dir + "/ctf/metadata") || !fs::exists(dir + "/perf-script.txt")) {
    GTEST_SKIP() << dir << " not present";
  }
  ReadResult ctf;
  readCtf(dir + "/ctf", ctf);
  ASSERT_TRUE(ctf.ok) << ctf.error;
  EXPECT_TRUE(ctf.stats.errored.empty());
  EXPECT_EQ(ctf.sink.metaValue("kernel_release").rfind("6.12.", 0), 0u) << ctf.sink.metaValue("kernel_release");
  EXPECT_EQ(ctf.sink.metaValue("tracer"), "perf");
  EXPECT_EQ(ctf.sink.metaValue("clock"), "perf_clock");
  FtraceTextReader textReader(dir + "/perf-script.txt");
  CollectingSink text;
  ReaderStats textStats;
  std::string error;
  ASSERT_TRUE(textReader.read(text, textStats, error)) << error;
  EXPECT_TRUE(textStats.errored.empty()) << (textStats.samples.empty() ? "" : textStats.samples[0]);
  ASSERT_EQ(text.events.size(), ctf.sink.events.size());
  ASSERT_GT(text.events.size(), 1000u);
  for (size_t i = 0; i < text.events.size(); ++i) {
    const TraceEvent &a = text.events[i];
    const TraceEvent &b = ctf.sink.events[i];
    SCOPED_TRACE("event " + std::to_string(i) + "\n script: " + renderEvent(a) + "\n ctf:    " + renderEvent(b));
    ASSERT_EQ(a.type, b.type);
    EXPECT_EQ(a.tsNs / 1000, b.tsNs / 1000);  // perf script prints µs, truncated
    EXPECT_EQ(a.cpu, b.cpu);
    EXPECT_EQ(a.pid, b.pid);
    EXPECT_EQ(a.device, b.device);
    EXPECT_EQ(a.dmaAddr, b.dmaAddr);
    EXPECT_EQ(a.physAddr, b.physAddr);
    EXPECT_EQ(a.size, b.size);
    EXPECT_EQ(a.unmappedSize, b.unmappedSize);
    EXPECT_EQ(a.dir, b.dir);
    EXPECT_EQ(a.attrs, b.attrs);
    EXPECT_EQ(a.gfpFlags, b.gfpFlags);
    EXPECT_EQ(a.dmaMask, b.dmaMask);
    EXPECT_EQ(a.swiotlbForce, b.swiotlbForce);
  }
}

// Any CTF the QEMU lab produced (perf data convert --to-ctf) parses cleanly.
TEST(CtfReader, LabCapturesParseWithoutErrors) {
  std::error_code ec;
  int seen = 0;
  for (const auto &capture : fs::directory_iterator(kTestdata + "/../traces", ec)) {
    for (const auto &entry : fs::directory_iterator(capture.path(), ec)) {
      if (!entry.is_directory() || !fs::exists(entry.path() / "metadata")) continue;
      SCOPED_TRACE(entry.path().string());
      ReadResult r;
      readCtf(entry.path().string(), r);
      EXPECT_TRUE(r.ok) << r.error;
      EXPECT_TRUE(r.stats.errored.empty()) << (r.stats.samples.empty() ? "" : r.stats.samples[0]);
      EXPECT_GT(r.stats.parsed, 0u);
      ++seen;
    }
  }
  if (seen == 0) GTEST_SKIP() << "no CTF captures under testdata/traces";
}

}  // namespace
}  // namespace dmacheck::tracer

namespace dmacheck::tracer {
namespace {

// Intermediate progress from the events' times within the trace's range
// (perf's packets carry timestamp_begin/end, so babeltrace2's index knows it).
TEST(CtfReader, ProgressIsMonotonicAndEndsAtTheTotal) {
  const std::string path = kTestdata + "/../traces/ctf-perf/ctf";
  if (!fs::exists(path)) GTEST_SKIP() << path << " not present";
  const uint64_t interval = 100;
  CtfReader reader(path);
  reader.setProgressInterval(interval);
  testing::ProgressLog log;
  reader.setProgressCallback(log.callback());
  ReadResult r;
  r.ok = reader.read(r.sink, r.stats, r.error);
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_FALSE(log.calls.empty());
  const uint64_t total = log.calls.front().second;
  EXPECT_GT(total, 0u);
  EXPECT_TRUE(testing::monotonicToTotal(log, total));
  EXPECT_EQ(log.intermediate(), r.stats.inputUnits / interval);
  ASSERT_GE(log.intermediate(), 10u);
  // Spread over the trace: the first report early, the last one late.
  EXPECT_LT(log.calls[1].first, total / 4);
  EXPECT_GT(log.calls[log.calls.size() - 2].first, total / 2);
}

// Packets without timestamps (our text2ctf fixtures): no time range, so only
// the start and the end are reported.
TEST(CtfReader, NoTimeRangeMeansStartAndEndOnly) {
  CtfReader reader(kTestdata + "/ctf-from-sample");
  reader.setProgressInterval(10);
  testing::ProgressLog log;
  reader.setProgressCallback(log.callback());
  ReadResult r;
  r.ok = reader.read(r.sink, r.stats, r.error);
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(log.calls.size(), 2u);
  EXPECT_TRUE(testing::monotonicToTotal(log, log.calls.front().second));
}

}  // namespace
}  // namespace dmacheck::tracer
