#include "ftrace_text_reader.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>

#include "test_sink.h"

namespace dmacheck::tracer {
namespace {

namespace fs = std::filesystem;
using testing::accountsForEveryUnit;
using testing::CollectingSink;
using testing::readFile;
using testing::renderRun;

const std::string kTestdata = DMACHECK_READERS_TESTDATA;
const std::string kShared = DMACHECK_SHARED_DIR;

struct ReadResult {
  CollectingSink sink;
  ReaderStats stats;
  bool ok = false;
  std::string error;
};

void readText(const std::string &name, const std::string &data, ReadResult &run) {
  auto reader = FtraceTextReader::fromMemory(name, data);
  run.ok = reader->read(run.sink, run.stats, run.error);
}

void readPath(const std::string &path, ReadResult &run) {
  FtraceTextReader reader(path);
  run.ok = reader.read(run.sink, run.stats, run.error);
}

std::map<std::string, int> countByType(const CollectingSink &sink) {
  std::map<std::string, int> counts;
  for (const TraceEvent &e : sink.events) ++counts[std::string(eventTypeName(e.type))];
  return counts;
}

// ---------------------------------------------------------------------------
// Golden files: testdata/readers/text/<name>.txt + <name>.txt.expected.
// DMACHECK_UPDATE_GOLDEN=1 rewrites the expected files (review the diff!).
// ---------------------------------------------------------------------------

class TextGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(TextGolden, MatchesExpected) {
  const std::string input = kTestdata + "/text/" + GetParam();
  ReadResult run;
  readPath(input, run);
  ASSERT_TRUE(run.ok) << run.error;
  EXPECT_TRUE(accountsForEveryUnit(run.stats));
  const std::string actual = renderRun(run.sink, run.stats);
  const std::string expectedPath = input + ".expected";
  if (std::getenv("DMACHECK_UPDATE_GOLDEN") != nullptr) {
    testing::writeFile(expectedPath, actual);
    GTEST_SKIP() << "rewrote " << expectedPath;
  }
  ASSERT_TRUE(fs::exists(expectedPath)) << "missing " << expectedPath << " (run with DMACHECK_UPDATE_GOLDEN=1)";
  EXPECT_EQ(readFile(expectedPath), actual);
}

std::vector<std::string> goldenInputs() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto &entry : fs::directory_iterator(kTestdata + "/text", ec)) {
    if (entry.path().extension() == ".txt") names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

INSTANTIATE_TEST_SUITE_P(Files, TextGolden, ::testing::ValuesIn(goldenInputs()),
                         [](const ::testing::TestParamInfo<std::string> &info) {
                           std::string name = info.param;
                           for (char &c : name) {
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

// ---------------------------------------------------------------------------
// Real data.
// ---------------------------------------------------------------------------

TEST(FtraceTextReader, SharedSampleHasNoErroredLines) {
  const std::string path = kShared + "/kernel-6.12/sample/trace.txt";
  if (!fs::exists(path)) GTEST_SKIP() << path << " not present";
  ReadResult run;
  readPath(path, run);
  ASSERT_TRUE(run.ok) << run.error;
  EXPECT_TRUE(run.stats.errored.empty()) << (run.stats.samples.empty() ? "" : run.stats.samples.front());
  EXPECT_TRUE(accountsForEveryUnit(run.stats));
  EXPECT_EQ(run.stats.inputUnits, 3978u);
  EXPECT_EQ(run.stats.parsed, 3966u);  // entries-in-buffer: every entry is a known event
  EXPECT_EQ(run.stats.overwrittenEvents, 0u);
  auto counts = countByType(run.sink);
  EXPECT_EQ(counts["iommu_map"], 2538);
  EXPECT_EQ(counts["iommu_unmap"], 244);
  EXPECT_EQ(counts["dma_map_page"], 637);
  EXPECT_EQ(counts["dma_unmap_page"], 127);
  EXPECT_EQ(counts["dma_map_sg"], 117);
  EXPECT_EQ(counts["dma_unmap_sg"], 117);
  EXPECT_EQ(counts["dma_alloc"], 32);
  EXPECT_EQ(counts["console"], 99);
  EXPECT_EQ(counts["marker"], 37);
  EXPECT_EQ(counts["iommu_add_device"], 9);
  EXPECT_EQ(counts["iommu_attach_device"], 9);
  EXPECT_EQ(run.sink.metaValue("cpus"), "2");
}

TEST(FtraceTextReader, SampleSliceHasNoErroredLines) {
  ReadResult run;
  readPath(kTestdata + "/sample-6.12-head2000.txt", run);
  ASSERT_TRUE(run.ok) << run.error;
  EXPECT_TRUE(run.stats.errored.empty()) << (run.stats.samples.empty() ? "" : run.stats.samples.front());
  EXPECT_TRUE(accountsForEveryUnit(run.stats));
  EXPECT_EQ(run.stats.inputUnits, 2000u);
  EXPECT_EQ(run.stats.parsed, 1988u);
  auto counts = countByType(run.sink);
  EXPECT_EQ(counts["dma_map_sg"], 89);
  EXPECT_EQ(counts["console"], 97);

  // The first sg map of the sample, field by field.
  const TraceEvent *sg = nullptr;
  for (const TraceEvent &e : run.sink.events) {
    if (e.type == EventType::DmaMapSg) {
      sg = &e;
      break;
    }
  }
  ASSERT_NE(sg, nullptr);
  EXPECT_EQ(sg->comm, "scsi_eh_0");
  EXPECT_EQ(sg->pid, 179);
  EXPECT_EQ(sg->tsNs, 3384848000u);
  EXPECT_EQ(sg->device, "0000:00:1f.2");
  EXPECT_EQ(sg->dir, DmaDirection::FromDevice);
  EXPECT_EQ(sg->nents, 1);
  EXPECT_EQ(sg->mappedEnts, 1);
  ASSERT_EQ(sg->sg.size(), 1u);
  EXPECT_EQ(sg->sg[0].dmaAddr, 0xfff3f8c0u);
  EXPECT_EQ(sg->sg[0].length, 0x200u);
  EXPECT_EQ(sg->sg[0].physAddr, 0x690e8c0u);
}

TEST(FtraceTextReader, ChunkBoundariesDoNotChangeTheResult) {
  // 60 copies of the slice: ~18 MB, more than two 8 MB read chunks, so lines
  // straddle chunk ends.
  const std::string slice = readFile(kTestdata + "/sample-6.12-head2000.txt");
  std::string big;
  for (int i = 0; i < 60; ++i) big += slice;
  const fs::path tmp = fs::temp_directory_path() / "dmacheck-readers-chunks.txt";
  testing::writeFile(tmp.string(), big);
  ReadResult fromFile;
  readPath(tmp.string(), fromFile);
  ReadResult fromMemory;
  readText("mem", big, fromMemory);
  fs::remove(tmp);
  ASSERT_TRUE(fromFile.ok);
  EXPECT_EQ(fromFile.stats.parsed, 60u * 1988u);
  EXPECT_TRUE(fromFile.stats.errored.empty());
  ASSERT_EQ(fromFile.sink.events.size(), fromMemory.sink.events.size());
  for (size_t i = 0; i < fromFile.sink.events.size(); i += 997) {
    EXPECT_EQ(testing::renderEvent(fromFile.sink.events[i]), testing::renderEvent(fromMemory.sink.events[i]));
  }
}

// trace-cmd report's forms of the same trace.dat give the same events.
TEST(FtraceTextReader, TraceCmdReportVariantsAgree) {
  ReadResult base;
  readPath(kTestdata + "/text/trace-cmd-report.txt", base);
  ASSERT_EQ(base.stats.parsed, 85u);
  for (const char *variant : {"trace-cmd-report-t.txt", "trace-cmd-report-l.txt", "trace-cmd-report-R.txt",
                              "trace-cmd-report-ts-diff.txt"}) {
    SCOPED_TRACE(variant);
    ReadResult other;
    readPath(kTestdata + "/text/" + variant, other);
    EXPECT_TRUE(other.stats.errored.empty());
    ASSERT_EQ(other.sink.events.size(), base.sink.events.size());
    for (size_t i = 0; i < base.sink.events.size(); ++i) {
      const TraceEvent &a = base.sink.events[i];
      const TraceEvent &b = other.sink.events[i];
      EXPECT_EQ(a.type, b.type) << i;
      EXPECT_EQ(a.device, b.device) << i;
      EXPECT_EQ(a.dmaAddr, b.dmaAddr) << i;
      EXPECT_EQ(a.physAddr, b.physAddr) << i;
      EXPECT_EQ(a.size, b.size) << i;
      EXPECT_EQ(a.dir, b.dir) << i;
      EXPECT_EQ(a.sg.size(), b.sg.size()) << i;
      EXPECT_EQ(a.text, b.text) << i;
      EXPECT_EQ(a.cpu, b.cpu) << i;
      EXPECT_EQ(a.pid, b.pid) << i;
      // -t prints ns; the others µs.
      EXPECT_LE(a.tsNs > b.tsNs ? a.tsNs - b.tsNs : b.tsNs - a.tsNs, 1000u) << i;
    }
  }
}

// ---------------------------------------------------------------------------
// Edge cases, one behaviour each.
// ---------------------------------------------------------------------------

TEST(FtraceTextReader, FailedToParseSgLinesAreDecodedFromRawFields) {
  ReadResult run;
  readPath(kTestdata + "/text/trace-cmd-report.txt", run);
  const TraceEvent *sg = nullptr;
  for (const TraceEvent &e : run.sink.events) {
    if (e.type == EventType::DmaMapSg) {
      sg = &e;
      break;
    }
  }
  ASSERT_NE(sg, nullptr);
  EXPECT_EQ(sg->device, "0000:00:01.0");
  EXPECT_EQ(sg->nents, 14);
  EXPECT_EQ(sg->mappedEnts, 1);
  EXPECT_EQ(sg->dir, DmaDirection::FromDevice);
  EXPECT_EQ(sg->attrs, 0x100u);
  ASSERT_EQ(sg->sg.size(), 14u);
  EXPECT_EQ(sg->sg[0].dmaAddr, 0xfffa0000u);
  EXPECT_EQ(sg->sg[0].length, 0x10000u);
  EXPECT_EQ(sg->sg[0].physAddr, 0x7d8c000u);
  EXPECT_EQ(sg->sg[1].dmaAddr, 0u);  // one merged dma segment for 14 pages
  EXPECT_EQ(sg->sg[13].physAddr, 0x777e000u);
}

TEST(FtraceTextReader, StackFramesAttachToThePrecedingEventWithoutGlue) {
  ReadResult run;
  readPath(kTestdata + "/text/stacktrace.txt", run);
  ASSERT_EQ(run.sink.events.size(), 4u);
  const TraceEvent &map = run.sink.events[0];
  EXPECT_EQ(map.type, EventType::IommuMap);
  ASSERT_EQ(map.stack.size(), 6u);
  EXPECT_EQ(map.stack.front(), "__iommu_map");
  EXPECT_EQ(map.stack.back(), "nvme_map_data");
  const TraceEvent &dmaMap = run.sink.events[1];
  ASSERT_EQ(dmaMap.stack.size(), 3u);
  EXPECT_EQ(dmaMap.stack[1], "nvme_map_data+0x1c3/0x800 [nvme]");
  EXPECT_TRUE(run.sink.events[2].stack.empty());
  EXPECT_EQ(run.stats.skipped.at("stack_trace_orphan"), 1u);
  EXPECT_EQ(run.stats.skipped.at("stack_trace_of_skipped_event"), 4u);
  EXPECT_EQ(run.stats.overwrittenEvents, 8u);
  EXPECT_TRUE(run.stats.errored.empty());
}

TEST(FtraceTextReader, LostMarkersComeBeforeTheNextEventOfTheirCpu) {
  ReadResult run;
  readPath(kTestdata + "/text/trace-pipe-lost-ns.txt", run);
  EXPECT_EQ(run.sink.order, "elelel");
  ASSERT_EQ(run.sink.lost.size(), 3u);
  EXPECT_EQ(run.sink.lost[0].cpu, 0);
  EXPECT_EQ(run.sink.lost[0].count, 7u);
  EXPECT_EQ(run.sink.lost[0].tsNs, 3392612001u);  // ns timestamps kept whole
  EXPECT_EQ(run.sink.lost[1].cpu, 1);
  EXPECT_EQ(run.sink.lost[1].count, 1523u);
  EXPECT_EQ(run.sink.lost[2].count, 2u);  // at the end: the last timestamp
  EXPECT_EQ(run.sink.lost[2].tsNs, 3392632999u);
  EXPECT_EQ(run.sink.metaValue("timestamp_unit"), "ns");
}

TEST(FtraceTextReader, TgidColumnCommsWithSpacesAndNoIrqFlags) {
  ReadResult run;
  readPath(kTestdata + "/text/tgid-no-irqflags.txt", run);
  EXPECT_TRUE(run.stats.errored.empty());
  ASSERT_EQ(run.sink.events.size(), 6u);
  EXPECT_EQ(run.sink.events[0].comm, "kworker/u8:0");
  EXPECT_EQ(run.sink.events[0].pid, 12);
  EXPECT_EQ(run.sink.events[1].comm, "<idle>");
  EXPECT_EQ(run.sink.events[2].comm, "my-prog name");
  EXPECT_EQ(run.sink.events[2].pid, 777);
  EXPECT_EQ(run.sink.events[2].attrs, (1u << 5) | (1u << 8));
  EXPECT_EQ(run.sink.events[3].iommuGroup, 0);
  EXPECT_EQ(run.sink.events[4].type, EventType::IommuRemoveDevice);
  EXPECT_EQ(run.sink.events[5].device, "0000:00:1f.3");
}

TEST(FtraceTextReader, GarbageUnknownAndTruncatedLinesAreCounted) {
  ReadResult run;
  readPath(kTestdata + "/text/garbage-unknown-truncated.txt", run);
  EXPECT_TRUE(run.ok);
  EXPECT_TRUE(accountsForEveryUnit(run.stats));
  EXPECT_EQ(run.stats.parsed, 1u);
  EXPECT_EQ(run.stats.errored.at("unparsable_line"), 2u);
  EXPECT_EQ(run.stats.errored.at("malformed_event"), 3u);
  EXPECT_EQ(run.stats.errored.at("truncated_line"), 1u);
  EXPECT_EQ(run.stats.skipped.at("unknown_event"), 1u);
  EXPECT_EQ(run.stats.skipped.at("non_event_line"), 1u);
  ASSERT_FALSE(run.stats.samples.empty());
  EXPECT_NE(run.stats.samples[0].find("garbage-unknown-truncated.txt:2: unparsable_line: this is garbage"),
            std::string::npos);
}

TEST(FtraceTextReader, EveryEventKindOfThePrintFormats) {
  ReadResult run;
  readPath(kTestdata + "/text/all-event-kinds.txt", run);
  EXPECT_TRUE(run.stats.errored.empty()) << (run.stats.samples.empty() ? "" : run.stats.samples.front());
  auto counts = countByType(run.sink);
  EXPECT_EQ(counts.size(), 20u);
  const auto &events = run.sink.events;
  ASSERT_EQ(events.size(), 22u);
  EXPECT_EQ(events[0].gfpFlags, 0xCC0u | 0x100u);  // GFP_KERNEL|__GFP_ZERO
  EXPECT_EQ(events[4].sg.size(), 3u);             // alloc_sgt phys array
  EXPECT_EQ(events[12].type, EventType::DmaMapSgErr);
  EXPECT_EQ(events[12].error, -12);
  EXPECT_EQ(events[12].sg[1].physAddr, 0x690f000u);  // printed as "dma_addrs" but physical
  EXPECT_TRUE(events[13].sgTruncated);
  EXPECT_EQ(events[13].nents, 130);
  EXPECT_EQ(events[14].type, EventType::DmaMapPage);   // dma_map_phys (6.18)
  EXPECT_EQ(events[15].type, EventType::DmaUnmapPage); // dma_unmap_phys
  EXPECT_EQ(events[16].dmaMask, ~0ull);
  EXPECT_FALSE(events[16].swiotlbForce);
  EXPECT_TRUE(events[17].swiotlbForce);
  EXPECT_EQ(events[18].driver, "nvme");
  EXPECT_EQ(events[18].faultFlags, 2);
  EXPECT_EQ(events[19].driver, "");
  EXPECT_EQ(events[19].device, "0000:00:05.0");
  EXPECT_EQ(events[21].text, "LAB: phase=edu-double-unmap");
}

TEST(FtraceTextReader, EmptyInputAndOnlyNewlines) {
  ReadResult empty;
  readText("empty", "", empty);
  EXPECT_TRUE(empty.ok);
  EXPECT_EQ(empty.stats.inputUnits, 0u);
  ReadResult blanks;
  readText("blanks", "\n\n\r\n", blanks);
  EXPECT_EQ(blanks.stats.inputUnits, 3u);
  EXPECT_EQ(blanks.stats.skipped.at("blank_line"), 3u);
}

TEST(FtraceTextReader, MissingFileIsAnError) {
  ReadResult run;
  readPath("/nonexistent/trace.txt", run);
  EXPECT_FALSE(run.ok);
  EXPECT_NE(run.error.find("cannot open"), std::string::npos);
}

TEST(FtraceTextReader, ProgressReachesTheTotal) {
  FtraceTextReader reader(kTestdata + "/sample-6.12-head2000.txt");
  uint64_t lastDone = 0, lastTotal = 0;
  int calls = 0;
  reader.setProgressCallback([&](uint64_t done, uint64_t total) {
    lastDone = done;
    lastTotal = total;
    ++calls;
  });
  CollectingSink sink;
  ReaderStats stats;
  std::string error;
  ASSERT_TRUE(reader.read(sink, stats, error));
  EXPECT_GE(calls, 2);
  EXPECT_EQ(lastDone, lastTotal);
  EXPECT_EQ(lastTotal, fs::file_size(kTestdata + "/sample-6.12-head2000.txt"));
}

TEST(FtraceTextReader, ErrorSamplesAreCapped) {
  std::string junk;
  for (int i = 0; i < 100; ++i) junk += "junk line " + std::to_string(i) + "\n";
  ReadResult run;
  readText("junk", junk, run);
  EXPECT_EQ(run.stats.errored.at("unparsable_line"), 100u);
  EXPECT_EQ(run.stats.samples.size(), kMaxErrorSamples);
  EXPECT_EQ(run.stats.samples[0], "junk:1: unparsable_line: junk line 0");
}

}  // namespace
}  // namespace dmacheck::tracer
