// The import driver: atomic write, clear errors, several inputs, and a round
// trip through ImportSink + RunReader with TraceEvents fed directly.
#include "importer.h"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <set>

#include "database.h"
#include "import_stats.h"
#include "run_reader.h"
#include "test_events.h"

namespace dmacheck::tracer {
namespace {

using namespace testing;

bool exists(const std::string &path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0;
}

ImportInput inputOf(std::string name, std::vector<TraceEvent> events, std::vector<std::pair<std::string, std::string>> meta = {},
                    std::vector<LostEvents> lost = {}) {
  ImportInput in;
  in.path = name;
  in.format = "test";
  in.read = [events, meta, lost](EventSink &sink, ReaderStats &stats, std::string &) {
    for (const auto &[k, v] : meta) sink.onMeta(k, v);
    for (const LostEvents &l : lost) sink.onLostEvents(l);
    for (const TraceEvent &e : events) {
      sink.onEvent(e);
      stats.parsed++;
    }
    stats.inputUnits = stats.parsed + 2;
    stats.skipped["comment"] = 1;
    stats.errored["unparsable_line"] = 1;
    stats.samples.push_back(std::string("t.txt:7: unparsable_line: garbage"));
    return true;
  };
  return in;
}

class ImporterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "importer_test_" + std::to_string(getpid());
    mkdir(dir_.c_str(), 0755);
    db_ = dir_ + "/run.db";
    std::remove(db_.c_str());
  }
  void TearDown() override {
    std::remove(db_.c_str());
    rmdir(dir_.c_str());
  }

  std::vector<TraceEvent> sample() {
    return {console(1, "nvme nvme0: pci function 0000:00:01.0"),
            iommuMap(10, 0xffffd000, 4096, 0x67db000),
            mapPage(11, 0xffffd000, 4096, 0x67db000),
            iommuUnmap(20, 0xffffd000, 4096),
            unmapPage(21, 0xffffd000, 4096),
            alloc(30, 0xfffff000, 512),
            unmapPage(40, 0xdead000, 4096),
            console(50, "DMAR: [DMA Write NO_PASID] Request device [00:01.0] fault addr 0xfffff100 [fault reason 0x05] "
                        "PTE Write access is not set")};
  }

  std::string dir_, db_;
};

TEST_F(ImporterTest, ImportsAndReadsBack) {
  ImportResult result;
  std::string error;
  ASSERT_TRUE(importRun({inputOf("a.txt", sample(), {{"kernel_release", "6.12.107+deb12-amd64"}})}, db_, {}, result,
                        error))
      << error;
  EXPECT_EQ(result.events, 8u);
  EXPECT_FALSE(exists(temporaryPathFor(db_)));
  auto reader = store::RunReader::open(db_, error);
  ASSERT_TRUE(reader) << error;
  EXPECT_EQ(reader->info().kernelRelease, "6.12.107+deb12-amd64");
  EXPECT_EQ(reader->info().startNs, 1000u);
  EXPECT_EQ(reader->info().endNs, 50000u);
  auto devices = reader->devices();
  ASSERT_EQ(devices.size(), 1u);
  EXPECT_EQ(devices[0].driver, "nvme");
  EXPECT_EQ(devices[0].mappings, 2u);
  EXPECT_EQ(devices[0].liveAtEnd, 1u);
  EXPECT_EQ(devices[0].peakLive, 1u);
  EXPECT_EQ(devices[0].minPhysAddr, 0x67db000u);  // the coherent buffer's is unknown
  EXPECT_EQ(devices[0].maxPhysEnd, 0x67db000u + 4096);
  auto live = reader->liveAt(1, 40000);
  ASSERT_EQ(live.size(), 1u);
  EXPECT_EQ(live[0].kind, store::MappingKind::Coherent);
  auto ops = reader->iommuOpsOfMapping(1);
  EXPECT_EQ(ops.size(), 2u);
  auto faults = reader->faults();
  ASSERT_EQ(faults.size(), 1u);
  EXPECT_EQ(faults[0].source, "dmar_console");
  EXPECT_EQ(faults[0].mapping, live[0].id);  // the fault hit the live coherent buffer
  std::map<std::string, store::ImportStat> stats;
  for (const auto &s : reader->importStats()) stats[s.reason] = s;
  EXPECT_EQ(stats.at("unmap_without_map").count, 1u);
  EXPECT_EQ(stats.at("unmap_without_map").severity, "error");
  EXPECT_EQ(stats.at("unparsable_line").origin, "reader");
  EXPECT_EQ(stats.at("unparsable_line").sample, "t.txt:7: unparsable_line: garbage");
  EXPECT_EQ(stats.at("comment").severity, "info");
  auto sources = reader->sources();
  ASSERT_EQ(sources.size(), 1u);
  EXPECT_EQ(sources[0].events, 8u);
  EXPECT_EQ(sources[0].inputUnits, 10u);
}

// Many batches through the background writer's bounded queue.
TEST_F(ImporterTest, ManyEventsThroughTheBackgroundWriter) {
  ImportInput in = inputOf("many.txt", {});
  in.read = [](EventSink &sink, ReaderStats &stats, std::string &) {
    for (uint64_t i = 0; i < 40000; ++i) {
      uint64_t addr = 0x100000 + (i % 512) * 0x1000;
      sink.onEvent(iommuMap(10 * i + 1, addr, 4096, 0x200000 + i * 0x1000));
      sink.onEvent(mapPage(10 * i + 2, addr, 4096, 0x200000 + i * 0x1000));
      sink.onEvent(iommuUnmap(10 * i + 3, addr, 4096));
      sink.onEvent(unmapPage(10 * i + 4, addr, 4096));
      stats.parsed += 4;
    }
    stats.inputUnits = stats.parsed;
    return true;
  };
  ImportResult result;
  std::string error;
  ASSERT_TRUE(importRun({in}, db_, {}, result, error)) << error;
  EXPECT_EQ(result.events, 160000u);
  auto reader = store::RunReader::open(db_, error);
  ASSERT_TRUE(reader) << error;
  store::Statement s = reader->database().prepare(
      "SELECT (SELECT count(*) FROM mappings WHERE unmap_ts IS NOT NULL), (SELECT count(mapping) FROM iommu_events), "
      "(SELECT count(*) FROM events), (SELECT count(*) FROM iommu_ops), (SELECT count(*) FROM mapping_events), "
      "(SELECT count(*) FROM all_events), (SELECT count(*) FROM mappings WHERE holds = 15)");
  ASSERT_TRUE(s.step());
  EXPECT_EQ(s.columnInt(0), 40000);
  EXPECT_EQ(s.columnInt(1), 80000);
  // Every event is stored once: each mapping row holds its dma_map_page,
  // dma_unmap_page and the iommu:map and iommu:unmap linked to them.
  EXPECT_EQ(s.columnInt(2), 0);
  EXPECT_EQ(s.columnInt(3), 0);
  EXPECT_EQ(s.columnInt(4), 80000);
  EXPECT_EQ(s.columnInt(5), 160000);
  EXPECT_EQ(s.columnInt(6), 40000);
}

// The synchronous writer gives the same database as the background one.
TEST_F(ImporterTest, SynchronousWriterGivesTheSameRows) {
  ImportOptions sync;
  sync.backgroundWriter = false;
  ImportResult result;
  std::string error;
  ASSERT_TRUE(importRun({inputOf("a.txt", sample())}, db_, sync, result, error)) << error;
  auto reader = store::RunReader::open(db_, error);
  ASSERT_TRUE(reader) << error;
  EXPECT_EQ(reader->devices().at(0).mappings, 2u);
  EXPECT_EQ(reader->iommuOpsOfMapping(1).size(), 2u);
  EXPECT_EQ(reader->events({}).size(), 8u);
  EXPECT_EQ(reader->faults().size(), 1u);
}

// The sink on its own thread (PipelinedSink, the default) and on the
// reader's give the same database.
TEST_F(ImporterTest, SinkThreadGivesTheSameRows) {
  auto dump = [](const std::string &path) {
    std::string error, out;
    auto reader = store::RunReader::open(path, error);
    EXPECT_TRUE(reader) << error;
    if (!reader) return out;
    for (const char *sql : {"SELECT * FROM all_events ORDER BY id", "SELECT * FROM mappings ORDER BY id",
                            "SELECT * FROM iommu_ops ORDER BY id", "SELECT * FROM lost_events ORDER BY id",
                            "SELECT * FROM faults ORDER BY id", "SELECT * FROM devices ORDER BY id"}) {
      store::Statement s = reader->database().prepare(sql);
      while (s.step()) {
        for (int c = 0; c < s.columnCount(); ++c) out += (s.isNull(c) ? "NULL" : s.columnText(c)) + "|";
        out += "\n";
      }
    }
    return out;
  };
  auto input = [this]() {
    ImportInput in = inputOf("many.txt", {});
    in.read = [this](EventSink &sink, ReaderStats &stats, std::string &) {
      for (uint64_t i = 0; i < 3000; ++i) {
        uint64_t addr = 0x100000 + (i % 64) * 0x1000;
        sink.onEvent(iommuMap(10 * i + 1, addr, 4096, 0x200000 + i * 0x1000));
        sink.onEvent(mapPage(10 * i + 2, addr, 4096, 0x200000 + i * 0x1000));
        if (i % 500 == 499) sink.onLostEvents(LostEvents{0, 10 * i + 3, 5});
        sink.onEvent(iommuUnmap(10 * i + 4, addr, 4096));
        sink.onEvent(unmapPage(10 * i + 5, addr, 4096));
        stats.parsed += 4;
      }
      for (const TraceEvent &e : sample()) sink.onEvent(e);
      stats.inputUnits = stats.parsed;
      return true;
    };
    return in;
  };
  ImportResult result;
  std::string error;
  ASSERT_TRUE(importRun({input()}, db_, {}, result, error)) << error;
  ImportOptions onReaderThread;
  onReaderThread.readerThread = false;
  std::string other = dir_ + "/other.db";
  ASSERT_TRUE(importRun({input()}, other, onReaderThread, result, error)) << error;
  std::string threaded = dump(db_);
  EXPECT_GT(threaded.size(), 10000u);
  EXPECT_EQ(threaded, dump(other));
  std::remove(other.c_str());
}

TEST_F(ImporterTest, MissingDirectoryIsAClearError) {
  ImportResult result;
  std::string error;
  EXPECT_FALSE(importRun({inputOf("a.txt", sample())}, dir_ + "/no/such/dir/run.db", {}, result, error));
  EXPECT_NE(error.find("directory '" + dir_ + "/no/such/dir' does not exist"), std::string::npos) << error;
}

TEST_F(ImporterTest, FailedReadLeavesNoDatabaseAndKeepsTheOldOne) {
  {
    std::ofstream old(db_);
    old << "previous";
  }
  ImportInput bad = inputOf("b.txt", sample());
  bad.read = [](EventSink &sink, ReaderStats &, std::string &error) {
    sink.onEvent(mapPage(1, 0x1000, 4096, 0x1000));
    error = "corrupt header";
    return false;
  };
  ImportResult result;
  std::string error;
  EXPECT_FALSE(importRun({inputOf("a.txt", sample()), bad}, db_, {}, result, error));
  EXPECT_EQ(error, "b.txt: corrupt header");
  EXPECT_FALSE(exists(temporaryPathFor(db_)));
  std::ifstream old(db_);
  std::string text;
  old >> text;
  EXPECT_EQ(text, "previous");
}

// While the import runs, only the temporary file exists.
TEST_F(ImporterTest, WritesToTemporaryThenRenames) {
  ImportInput probe = inputOf("a.txt", sample());
  bool tmpSeen = false, finalSeen = true;
  std::string tmp = temporaryPathFor(db_);
  std::string db = db_;
  probe.read = [&, tmp, db](EventSink &sink, ReaderStats &, std::string &) {
    tmpSeen = exists(tmp);
    finalSeen = exists(db);
    sink.onEvent(mapPage(1, 0x1000, 4096, 0x1000));
    return true;
  };
  ImportResult result;
  std::string error;
  ASSERT_TRUE(importRun({probe}, db_, {}, result, error)) << error;
  EXPECT_TRUE(tmpSeen);
  EXPECT_FALSE(finalSeen);
  EXPECT_TRUE(exists(db_));
  EXPECT_FALSE(exists(tmp));
}

TEST_F(ImporterTest, ConsecutiveInputsShareOneTimeline) {
  ImportResult result;
  std::string error;
  ASSERT_TRUE(importRun({inputOf("part1.txt", {mapPage(1, 0x1000, 4096, 0xa000)}),
                         inputOf("part2.txt", {unmapPage(5, 0x1000, 4096)})},
                        db_, {}, result, error))
      << error;
  auto reader = store::RunReader::open(db_, error);
  ASSERT_TRUE(reader) << error;
  auto m = reader->mapping(1);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->unmapTs, 5000u);
  EXPECT_EQ(reader->sources().size(), 2u);
}

TEST_F(ImporterTest, OverlappingInputsFailWithReason) {
  ImportResult result;
  std::string error;
  EXPECT_FALSE(importRun({inputOf("boot1.txt", {mapPage(20000000, 0x1000, 4096, 0xa000)}),
                          inputOf("boot2.txt", {mapPage(1, 0x1000, 4096, 0xa000)})},
                         db_, {}, result, error));
  EXPECT_NE(error.find("boot2.txt starts at 1000 ns, before boot1.txt ends"), std::string::npos) << error;
  EXPECT_FALSE(exists(db_));
  EXPECT_FALSE(exists(temporaryPathFor(db_)));
}

// The dma_map_page/dma_unmap_page a mappings row holds read back as events
// (by id, by window and type) with every field an events row would have.
TEST_F(ImporterTest, HeldEventsReadBackLikeEventsRows) {
  ImportResult result;
  std::string error;
  ASSERT_TRUE(importRun({inputOf("a.txt", sample())}, db_, {}, result, error)) << error;
  auto reader = store::RunReader::open(db_, error);
  ASSERT_TRUE(reader) << error;
  std::optional<store::Event> map = reader->event(3), unmap = reader->event(5);
  ASSERT_TRUE(map && unmap) << reader->lastError();
  EXPECT_EQ(map->typeName(), "dma_map_page");
  EXPECT_EQ(map->tsNs, 11000u);
  EXPECT_EQ(map->cpu, 0);
  EXPECT_EQ(map->pid, 100);
  EXPECT_EQ(map->comm, "kworker/u8:0");
  EXPECT_EQ(map->device, 1);
  EXPECT_EQ(map->dmaAddr, 0xffffd000u);
  EXPECT_EQ(map->physAddr, 0x67db000u);
  EXPECT_EQ(map->size, 4096u);
  EXPECT_EQ(map->dir, static_cast<int8_t>(DmaDirection::FromDevice));
  EXPECT_EQ(map->attrs, 0u);
  EXPECT_EQ(map->source, 1);
  EXPECT_EQ(unmap->typeName(), "dma_unmap_page");
  EXPECT_EQ(unmap->tsNs, 21000u);
  EXPECT_EQ(unmap->dmaAddr, 0xffffd000u);
  EXPECT_FALSE(unmap->physAddr.has_value());
  EXPECT_EQ(unmap->size, 4096u);
  // The unmatched unmap (event 7) is an events row; both come back in order.
  store::EventQuery unmaps;
  unmaps.type = store::eventTypeCode("dma_unmap_page");
  std::vector<int64_t> ids;
  for (const store::Event &e : reader->events(unmaps)) ids.push_back(e.id);
  EXPECT_EQ(ids, (std::vector<int64_t>{5, 7}));
  unmaps.t0 = 30000;
  ASSERT_EQ(reader->events(unmaps).size(), 1u);
  EXPECT_FALSE(reader->event(99).has_value());
  EXPECT_TRUE(reader->lastError().empty()) << reader->lastError();
}

// Consecutive trace_pipe reads may overlap by a few events of another CPU:
// the reorder window spans the input boundary and merges them.
TEST_F(ImporterTest, SlightlyOverlappingInputsAreMerged) {
  ImportResult result;
  std::string error;
  ASSERT_TRUE(importRun({inputOf("part1.txt", {mapPage(10000, 0x1000, 4096, 0xa000), mapPage(20000, 0x2000, 4096, 0xb000)}),
                         inputOf("part2.txt", {unmapPage(15000, 0x1000, 4096), unmapPage(25000, 0x2000, 4096)})},
                        db_, {}, result, error))
      << error;
  auto reader = store::RunReader::open(db_, error);
  ASSERT_TRUE(reader) << error;
  auto events = reader->events({});
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[1].tsNs, 15000000u);
  EXPECT_EQ(events[1].source, 2);
  EXPECT_EQ(reader->mapping(1)->unmapTs, 15000000u);
  for (const auto &s : reader->importStats()) EXPECT_NE(s.reason, "event_out_of_order");
}

TEST_F(ImporterTest, DifferentKernelsFail) {
  ImportResult result;
  std::string error;
  EXPECT_FALSE(importRun({inputOf("a.txt", {mapPage(1, 0x1000, 4096, 0xa000)}, {{"kernel_release", "6.12.0"}}),
                          inputOf("b.txt", {mapPage(2, 0x2000, 4096, 0xa000)}, {{"kernel_release", "6.18.1"}})},
                         db_, {}, result, error));
  EXPECT_NE(error.find("different kernels"), std::string::npos) << error;
}

TEST_F(ImporterTest, SmallReorderingIsAbsorbed) {
  ImportResult result;
  std::string error;
  // per-CPU buffers slightly out of order: the unmap is read before the map
  ASSERT_TRUE(importRun({inputOf("a.txt", {unmapPage(12, 0x1000, 4096), mapPage(10, 0x1000, 4096, 0xa000)})}, db_, {},
                        result, error))
      << error;
  auto reader = store::RunReader::open(db_, error);
  ASSERT_TRUE(reader);
  auto m = reader->mapping(1);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->unmapTs, 12000u);
  auto events = reader->events({});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].typeName(), "dma_map_page");
}

// The reorder window releases events in (ts, arrival) order whether it runs
// as a FIFO (in-order input) or as a heap (after a disorder): compared with a
// plain ordered-set model of the window on random, mostly ordered inputs.
TEST_F(ImporterTest, ReorderWindowMatchesAnOrderedSetModel) {
  TestRandom random(7);
  auto next = [&random](uint64_t mod) { return random.next(mod); };
  for (int round = 0; round < 20; ++round) {
    const size_t window = 1 + next(8);
    std::vector<TraceEvent> in;
    uint64_t ts = 1000;
    for (int i = 0; i < 200; ++i) {
      ts += next(3);  // equal timestamps too
      uint64_t t = next(10) == 0 ? ts - std::min<uint64_t>(ts, next(40)) : ts;  // some arrive late
      in.push_back(mapPage(t, 0x100000 + static_cast<uint64_t>(i) * 0x1000, 4096, 0xa000));
    }
    // Model: release the least (ts, arrival) once more than `window` wait.
    std::set<std::pair<uint64_t, size_t>> waiting;
    std::vector<uint64_t> expectedAddr;
    size_t expectedLate = 0;
    std::optional<uint64_t> lastTs;
    auto releaseOne = [&] {
      auto [t, i] = *waiting.begin();
      waiting.erase(waiting.begin());
      if (lastTs && t < *lastTs) ++expectedLate;
      else lastTs = t;
      expectedAddr.push_back(in[i].dmaAddr);
    };
    for (size_t i = 0; i < in.size(); ++i) {
      waiting.insert({in[i].tsNs, i});
      if (waiting.size() > window) releaseOne();
    }
    while (!waiting.empty()) releaseOne();

    ImportOptions options;
    options.reorderWindow = window;
    ImportResult result;
    std::string error;
    std::remove(db_.c_str());
    ASSERT_TRUE(importRun({inputOf("a.txt", in)}, db_, options, result, error)) << error;
    auto reader = store::RunReader::open(db_, error);
    ASSERT_TRUE(reader) << error;
    std::vector<uint64_t> actualAddr;
    for (const store::Event &e : reader->events({})) actualAddr.push_back(e.dmaAddr.value_or(0));
    EXPECT_EQ(actualAddr, expectedAddr) << "round " << round << ", window " << window;
    uint64_t late = 0;
    for (const auto &st : reader->importStats())
      if (st.reason == "event_out_of_order") late = st.count;
    EXPECT_EQ(late, expectedLate) << "round " << round;
  }
}

TEST_F(ImporterTest, LostEventsAreRecordedAndMakeLiveMappingsInconclusive) {
  ImportResult result;
  std::string error;
  LostEvents lost;
  lost.cpu = 1;
  lost.tsNs = 5000;
  lost.count = 42;
  ImportInput in = inputOf("a.txt", {});
  in.read = [lost](EventSink &sink, ReaderStats &, std::string &) {
    sink.onEvent(mapPage(1, 0x1000, 4096, 0xa000));
    sink.onLostEvents(lost);
    sink.onEvent(unmapPage(6, 0x9000, 4096));
    return true;
  };
  ASSERT_TRUE(importRun({in}, db_, {}, result, error)) << error;
  auto reader = store::RunReader::open(db_, error);
  ASSERT_TRUE(reader);
  auto windows = reader->lostEvents();
  ASSERT_EQ(windows.size(), 1u);
  EXPECT_EQ(windows[0].cpu, 1);
  EXPECT_EQ(windows[0].count, 42u);
  EXPECT_NE(reader->mapping(1)->flags & store::kCloseInconclusive, 0u);
  std::map<std::string, uint64_t> stats;
  for (const auto &s : reader->importStats()) stats[s.reason] = s.count;
  EXPECT_EQ(stats["lost_events"], 42u);
  EXPECT_EQ(stats["unmap_without_map_after_loss"], 1u);
  EXPECT_EQ(stats.count("unmap_without_map"), 0u);
}

// The store's event type codes are tracer::EventType's values.
TEST(EventTypeCodesTest, StoreNamesMatchTheEventInterface) {
  for (int code = 0; code < store::kEventTypeCount; ++code)
    EXPECT_EQ(store::kEventTypes[code].name, eventTypeName(static_cast<EventType>(code))) << code;
  EXPECT_EQ(store::kEventTypeCount, static_cast<int>(EventType::MarkerWrite) + 1);
}

}  // namespace
}  // namespace dmacheck::tracer
