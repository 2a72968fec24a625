// Round trip: RunWriter -> file -> RunReader, and the viewport queries.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

#include "database.h"
#include "run_reader.h"
#include "run_writer.h"

namespace dmacheck::store {
namespace {

class RunStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = ::testing::TempDir() + "run_store_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db";
    std::remove(path_.c_str());
  }
  void TearDown() override { std::remove(path_.c_str()); }

  static Mapping makeMapping(int64_t id, uint64_t addr, uint64_t size, uint64_t mapTs,
                             std::optional<uint64_t> unmapTs) {
    Mapping m;
    m.id = id;
    m.device = 1;
    m.kind = MappingKind::Page;
    m.dmaAddr = addr;
    m.physAddr = addr + 0x100000;
    m.size = size;
    m.dir = 2;
    m.mapTs = mapTs;
    m.unmapTs = unmapTs;
    m.mapEvent = id * 10;
    if (unmapTs) {
      m.unmapEvent = id * 10 + 1;
      m.unmapSize = size;
      m.unmapDir = 2;
    }
    return m;
  }

  // Five mappings of device 1 with a lifetime bound of 300 ns.
  void writeSample() {
    Database db;
    std::string error;
    ASSERT_TRUE(db.open(path_, Database::Mode::Create, error)) << error;
    RunWriter writer;
    ASSERT_TRUE(writer.begin(db, error)) << error;
    writer.setMeta("kernel_release", "6.12.107");
    writer.setMeta("trace_start_ns", "10");
    writer.setMeta("trace_end_ns", "5000");
    Source src;
    src.id = 1;
    src.path = "trace.txt";
    src.format = "ftrace-text";
    src.inputUnits = 7;
    src.events = 5;
    writer.addSource(src);
    Device dev;
    dev.id = 1;
    dev.name = "0000:00:01.0";
    dev.bus = "pci";
    dev.driver = "nvme";
    dev.iommuGroup = 1;
    dev.mappings = 5;
    dev.lifetimeBoundNs = 300;
    writer.addDevice(dev);
    int64_t stack = writer.internStack({"dma_map_page_attrs", "nvme_map_data", "nvme_queue_rq"}, "nvme_map_data");
    EXPECT_EQ(writer.internStack({"dma_map_page_attrs", "nvme_map_data", "nvme_queue_rq"}, "nvme_map_data"), stack);
    Event e;
    e.id = 10;
    e.tsNs = 100;
    e.cpu = 0;
    e.pid = 12;
    e.comm = "kworker/u8:0";
    e.type = 0;
    e.device = 1;
    e.dmaAddr = 0x1000;
    e.physAddr = 0x101000;
    e.size = 0x1000;
    e.dir = 2;
    e.attrs = 0;
    e.stack = stack;
    e.source = 1;
    writer.addEvent(e);
    Mapping m1 = makeMapping(1, 0x1000, 0x1000, 100, 200);
    m1.mapStack = stack;
    writer.addMapping(m1);
    writer.addMapping(makeMapping(2, 0x3000, 0x1000, 150, 400));
    writer.addMapping(makeMapping(3, 0x5000, 0x2000, 50, std::nullopt));
    writer.addMapping(makeMapping(4, 0x1000, 0x1000, 1000, 1100));
    writer.addMapping(makeMapping(5, 0x8000, 0x1000, 10, 5000));
    ImportStat stat{"unmap_without_map", "importer", "error", 3, "an unmap matched no live mapping", "t:1: x"};
    writer.setImportStat(stat);
    ASSERT_TRUE(writer.finish(error)) << error;
  }

  static std::vector<int64_t> ids(const std::vector<Mapping> &ms) {
    std::vector<int64_t> out;
    for (const Mapping &m : ms) out.push_back(m.id);
    return out;
  }

  std::string path_;
};

TEST_F(RunStoreTest, RoundTrip) {
  writeSample();
  std::string error;
  auto reader = RunReader::open(path_, error);
  ASSERT_TRUE(reader) << error;
  EXPECT_EQ(reader->info().kernelRelease, "6.12.107");
  EXPECT_EQ(reader->info().endNs, 5000u);
  auto devices = reader->devices();
  ASSERT_EQ(devices.size(), 1u);
  EXPECT_EQ(devices[0].driver, "nvme");
  EXPECT_EQ(devices[0].iommuGroup, 1);
  ASSERT_TRUE(reader->deviceByName("0000:00:01.0"));

  auto m1 = reader->mapping(1);
  ASSERT_TRUE(m1);
  EXPECT_EQ(m1->physAddr, 0x101000u);
  EXPECT_EQ(m1->unmapTs, 200u);
  EXPECT_FALSE(m1->longLived);
  auto st = reader->stack(*m1->mapStack);
  ASSERT_TRUE(st);
  EXPECT_EQ(st->callSite, "nvme_map_data");
  EXPECT_EQ(st->frames.size(), 3u);
  EXPECT_TRUE(reader->mapping(3)->longLived);  // live at the end
  EXPECT_TRUE(reader->mapping(5)->longLived);  // longer than the bound

  auto ev = reader->event(10);
  ASSERT_TRUE(ev);
  EXPECT_EQ(ev->comm, "kworker/u8:0");
  EXPECT_EQ(ev->pid, 12);
  EXPECT_EQ(ev->typeName(), "dma_map_page");

  auto stats = reader->importStats();
  ASSERT_EQ(stats.size(), 1u);
  EXPECT_EQ(stats[0].count, 3u);
  EXPECT_EQ(stats[0].sample, "t:1: x");
  EXPECT_TRUE(reader->lastError().empty()) << reader->lastError();
}

TEST_F(RunStoreTest, ViewportFindsShortAndLongLivedMappings) {
  writeSample();
  std::string error;
  auto reader = RunReader::open(path_, error);
  ASSERT_TRUE(reader) << error;
  MappingWindow w;
  w.device = 1;
  w.t0 = 300;
  w.t1 = 350;
  EXPECT_EQ(ids(reader->mappingsInWindow(w)), (std::vector<int64_t>{5, 3, 2}));
  w.t0 = 0;
  w.t1 = 10000;
  EXPECT_EQ(ids(reader->mappingsInWindow(w)), (std::vector<int64_t>{5, 3, 1, 2, 4}));
  w.addrLo = 0x3000;
  w.addrHi = 0x6000;
  EXPECT_EQ(ids(reader->mappingsInWindow(w)), (std::vector<int64_t>{3, 2}));
  w.limit = 1;
  EXPECT_EQ(ids(reader->mappingsInWindow(w)), (std::vector<int64_t>{3}));
  w.limit = 0;
  w.extentOnly = true;
  auto extents = reader->mappingsInWindow(w);
  ASSERT_EQ(ids(extents), (std::vector<int64_t>{3, 2}));
  EXPECT_EQ(extents[1].unmapTs, 400u);
  EXPECT_EQ(extents[1].size, 0x1000u);
  EXPECT_EQ(extents[1].physAddr, 0x103000u);
  EXPECT_FALSE(extents[1].unmapEvent.has_value());  // not filled by extentOnly
}

TEST_F(RunStoreTest, LiveAtIsHalfOpen) {
  writeSample();
  std::string error;
  auto reader = RunReader::open(path_, error);
  ASSERT_TRUE(reader) << error;
  EXPECT_EQ(ids(reader->liveAt(1, 100)), (std::vector<int64_t>{5, 3, 1}));
  EXPECT_EQ(ids(reader->liveAt(1, 200)), (std::vector<int64_t>{5, 3, 2}));  // m1 unmapped at 200
  EXPECT_EQ(ids(reader->liveAt(1, 6000)), (std::vector<int64_t>{3}));
  EXPECT_EQ(ids(reader->mappingsAtAddress(1, 0x1800)), (std::vector<int64_t>{1, 4}));
}

TEST_F(RunStoreTest, RefusesNonRunDatabase) {
  {
    Database db;
    std::string error;
    ASSERT_TRUE(db.open(path_, Database::Mode::Create, error));
    ASSERT_TRUE(db.execute("CREATE TABLE x (y)", error));
  }
  std::string error;
  EXPECT_FALSE(RunReader::open(path_, error));
  EXPECT_NE(error.find("not a dmatrace run database"), std::string::npos) << error;
}

}  // namespace
}  // namespace dmacheck::store

namespace dmacheck::store {
namespace {

TEST_F(RunStoreTest, PhysicalWindowAndEarlyStop) {
  writeSample();
  std::string error;
  auto reader = RunReader::open(path_, error);
  ASSERT_TRUE(reader) << error;
  // physAddr = dmaAddr + 0x100000 in the sample
  auto phys = reader->mappingsInPhysWindow(0x101000, 0x104000, 0, 10000);
  EXPECT_EQ(ids(phys), (std::vector<int64_t>{1, 2, 4}));
  EXPECT_EQ(ids(reader->mappingsInPhysWindow(0x101000, 0x104000, 300, 350)), (std::vector<int64_t>{2}));
  MappingWindow w;
  w.device = 1;
  int seen = 0;
  EXPECT_TRUE(reader->forEachMappingInWindow(w, [&](const Mapping &) { return ++seen < 2; }));
  EXPECT_EQ(seen, 2);
}

}  // namespace
}  // namespace dmacheck::store

namespace dmacheck::store {
namespace {

// The viewport query (two bounded halves: short lifetimes by the device's
// lifetime bound, long-lived rows apart) against the plain overlap
// definition, on random data and random windows: lifetimes [map, unmap)
// overlapping [t0, t1], device ranges overlapping [addrLo, addrHi).
// iommu_ops has no time index: iommuOps(t0, t1) binary-searches the id range
// (ids follow time). Every window must give exactly the ops inside it.
TEST_F(RunStoreTest, IommuOpsTimeWindowIsAnIdRange) {
  {
    Database db;
    std::string error;
    ASSERT_TRUE(db.open(path_, Database::Mode::Create, error)) << error;
    RunWriter writer;
    ASSERT_TRUE(writer.begin(db, error)) << error;
    for (int64_t id = 1; id <= 1000; ++id) {
      IommuOp op;
      op.id = id;
      op.event = id * 2;
      op.tsNs = 1000 + static_cast<uint64_t>(id / 3) * 10;  // runs of equal timestamps
      op.iova = 0xfff00000 + static_cast<uint64_t>(id) * 0x1000;
      op.size = 4096;
      writer.addIommuOp(op);
    }
    ASSERT_TRUE(writer.finish(error)) << error;
  }
  std::string error;
  auto reader = RunReader::open(path_, error);
  ASSERT_TRUE(reader) << error;
  const std::vector<std::pair<uint64_t, uint64_t>> windows = {
      {0, 999}, {0, 1000}, {1000, 1000}, {1005, 1015}, {1010, 1010}, {2000, 2500}, {4330, 4330},
      {4331, 9999}, {0, UINT64_MAX}, {5000, 6000}};
  for (auto [t0, t1] : windows) {
    std::vector<int64_t> expected;
    for (int64_t id = 1; id <= 1000; ++id) {
      uint64_t ts = 1000 + static_cast<uint64_t>(id / 3) * 10;
      if (ts >= t0 && ts <= t1) expected.push_back(id);
    }
    std::vector<int64_t> actual;
    for (const IommuOp &op : reader->iommuOps(t0, t1)) actual.push_back(op.id);
    EXPECT_EQ(actual, expected) << "[" << t0 << ", " << t1 << "]";
  }
}

// A merged row keeps every iommu:map event: RunReader gives the pieces back,
// the iommu_events view and RunReader::events() one row per event.
TEST_F(RunStoreTest, MergedIommuMapsKeepEveryEvent) {
  {
    Database db;
    std::string error;
    ASSERT_TRUE(db.open(path_, Database::Mode::Create, error)) << error;
    RunWriter writer;
    ASSERT_TRUE(writer.begin(db, error)) << error;
    IommuOp merged;
    merged.id = 1;
    merged.event = 5;
    merged.tsNs = 100;
    merged.cpu = 1;
    merged.iova = 0xfffa0000;
    merged.paddr = 0x7789000;
    merged.size = 0x3000;
    merged.mapping = 7;
    merged.pieces = {{5, 100, 0xfffa0000, 0x7789000, 0x1000}, {6, 110, 0xfffa1000, 0xffffffff80000000, 0x2000}};
    writer.addIommuOp(merged);
    IommuOp unmap;
    unmap.id = 3;
    unmap.event = 9;
    unmap.tsNs = 200;
    unmap.unmap = true;
    unmap.iova = 0xfffa0000;
    unmap.size = 0x3000;
    unmap.unmappedSize = 0x3000;
    unmap.mapping = 7;
    writer.addIommuOp(unmap);
    ASSERT_TRUE(writer.finish(error)) << error;
  }
  std::string error;
  auto reader = RunReader::open(path_, error);
  ASSERT_TRUE(reader) << error;
  std::vector<IommuOp> ops = reader->iommuOpsOfMapping(7);
  ASSERT_EQ(ops.size(), 2u);
  ASSERT_EQ(ops[0].pieces.size(), 2u);
  EXPECT_EQ(ops[0].pieces[1].event, 6);
  EXPECT_EQ(ops[0].pieces[1].tsNs, 110u);
  EXPECT_EQ(ops[0].pieces[1].iova, 0xfffa1000u);
  EXPECT_EQ(ops[0].pieces[1].paddr, 0xffffffff80000000u);  // u64 above 2^63 survives
  EXPECT_EQ(ops[0].pieces[1].size, 0x2000u);
  EXPECT_TRUE(ops[1].pieces.empty());
  Statement pieces = reader->database().prepare("SELECT pieces FROM iommu_ops ORDER BY id");
  ASSERT_TRUE(pieces.step());
  EXPECT_EQ(pieces.columnInt(0), 2);
  ASSERT_TRUE(pieces.step());
  EXPECT_EQ(pieces.columnInt(0), 1);
  Statement view = reader->database().prepare("SELECT event, ts_ns, iova, paddr, size, op_id FROM iommu_events ORDER BY event");
  std::vector<std::vector<int64_t>> rows;
  while (view.step())
    rows.push_back({view.columnInt(0), view.columnInt(1), view.columnInt(2), view.isNull(3) ? -1 : view.columnInt(3),
                    view.columnInt(4), view.columnInt(5)});
  std::vector<std::vector<int64_t>> expected = {{5, 100, 0xfffa0000, 0x7789000, 0x1000, 1},
                                                {6, 110, 0xfffa1000, static_cast<int64_t>(0xffffffff80000000), 0x2000, 1},
                                                {9, 200, 0xfffa0000, -1, 0x3000, 3}};
  EXPECT_EQ(rows, expected);
  EventQuery all;
  std::vector<int64_t> eventIds;
  for (const Event &e : reader->events(all)) eventIds.push_back(e.id);
  EXPECT_EQ(eventIds, (std::vector<int64_t>{5, 6, 9}));
  ASSERT_TRUE(reader->event(6).has_value());
  EXPECT_EQ(reader->event(6)->tsNs, 110u);
}

// A mappings row that holds its map and unmap events and its iommu ops:
// every column survives (values >= 2^63 included), the views give the
// events back as their own rows, and the reader lists the held ops.
TEST_F(RunStoreTest, HeldEventsAndIommuOpsRoundTrip) {
  {
    Database db;
    std::string error;
    ASSERT_TRUE(db.open(path_, Database::Mode::Create, error)) << error;
    RunWriter writer;
    ASSERT_TRUE(writer.begin(db, error)) << error;
    Mapping m = makeMapping(7, 0xfffa0000, 0x1000, 100, 300);
    m.mapEvent = 2;
    m.unmapEvent = 4;
    m.mapType = static_cast<int8_t>(eventTypeCode("dma_map_page"));
    m.mapCpu = 1;
    m.mapTask = 3;
    m.mapSource = 1;
    m.unmapType = static_cast<int8_t>(eventTypeCode("dma_unmap_page"));
    m.unmapCpu = 0;
    m.unmapTask = 4;
    m.unmapSource = 2;
    m.unmapAttrs = 0x8000000000000020ull;
    m.holds = kHoldsMapEvent | kHoldsUnmapEvent | kHoldsIommuMap | kHoldsIommuUnmap;
    IommuOp map;
    map.event = 1;
    map.tsNs = 90;
    map.iova = 0xfffa0000;
    map.paddr = 0xffffffff80000000;
    map.size = 0x1000;
    map.stack = 5;
    IommuOp unmap;
    unmap.unmap = true;
    unmap.event = 3;
    unmap.tsNs = 290;
    unmap.iova = 0xfffa0000;
    unmap.size = 0x1000;
    unmap.unmappedSize = 0x1000;
    writer.addMapping(m, map, unmap);
    ASSERT_TRUE(writer.finish(error)) << error;
  }
  std::string error;
  auto reader = RunReader::open(path_, error);
  ASSERT_TRUE(reader) << error;
  std::optional<Mapping> m = reader->mapping(7);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->mapCpu, 1);
  EXPECT_EQ(m->mapTask, 3);
  EXPECT_EQ(m->unmapSource, 2);
  EXPECT_EQ(m->unmapAttrs, 0x8000000000000020ull);
  EXPECT_EQ(m->holds, 15);
  std::vector<IommuOp> ops = reader->iommuOpsOfMapping(7);
  ASSERT_EQ(ops.size(), 2u);
  EXPECT_EQ(ops[0].event, 1);
  EXPECT_EQ(ops[0].paddr, 0xffffffff80000000u);
  EXPECT_EQ(ops[0].cpu, 1);  // the map's
  EXPECT_EQ(ops[0].task, 3);
  EXPECT_EQ(ops[0].stack, 5);
  EXPECT_EQ(ops[0].mapping, 7);
  EXPECT_TRUE(ops[1].unmap);
  EXPECT_EQ(ops[1].cpu, 0);  // the release's
  EXPECT_EQ(ops[1].unmappedSize, 0x1000u);
  EXPECT_EQ(reader->iommuOps(250, 300).size(), 1u);
  std::vector<std::pair<int64_t, std::string>> all;
  for (const Event &e : reader->events({})) all.emplace_back(e.id, std::string(e.typeName()));
  EXPECT_EQ(all, (std::vector<std::pair<int64_t, std::string>>{
                     {1, "iommu_map"}, {2, "dma_map_page"}, {3, "iommu_unmap"}, {4, "dma_unmap_page"}}));
  std::optional<Event> release = reader->event(4);
  ASSERT_TRUE(release);
  EXPECT_EQ(release->attrs, 0x8000000000000020ull);
  EXPECT_EQ(release->source, 2);
  Statement count = reader->database().prepare("SELECT count(*) FROM events");
  ASSERT_TRUE(count.step());
  EXPECT_EQ(count.columnInt(0), 0);
}

TEST(IommuPiecesTest, ParsesWhatTheWriterWritesAndRejectsTheRest) {
  std::vector<IommuPiece> in = {{100, 2000, 0xfffff000, 4, 0x1000}, {107, 1999, UINT64_MAX, 0x8000000000000000, 0}};
  EXPECT_EQ(iommuPiecesJson(in), "[[0,0,0,4,4096],[7,-1,-4294963201,-9223372036854775808,0]]");
  std::vector<IommuPiece> out;
  ASSERT_TRUE(parseIommuPieces(iommuPiecesJson(in), in[0], out));
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].event, 100);
  EXPECT_EQ(out[1].event, 107);
  EXPECT_EQ(out[1].tsNs, 1999u);
  EXPECT_EQ(out[1].iova, UINT64_MAX);
  EXPECT_EQ(out[1].paddr, 0x8000000000000000u);
  EXPECT_TRUE(parseIommuPieces("[]", in[0], out));
  EXPECT_TRUE(out.empty());
  for (const char *bad : {"", "[", "[[1,2,3,4]]", "[[1,2,3,4,5]", "[[1,2,3,4,5]]x", "[[1,2,3,4,x]]", "[[1,2,3,4,5],]"}) {
    out = {{1, 1, 1, 1, 1}};
    EXPECT_FALSE(parseIommuPieces(bad, in[0], out)) << bad;
    EXPECT_TRUE(out.empty()) << bad;
  }
}

TEST_F(RunStoreTest, ViewportQueryMatchesThePlainOverlapDefinition) {
  std::vector<Mapping> all;
  {
    Database db;
    std::string error;
    ASSERT_TRUE(db.open(path_, Database::Mode::Create, error)) << error;
    RunWriter writer;
    ASSERT_TRUE(writer.begin(db, error)) << error;
    Device dev;
    dev.id = 1;
    dev.name = "0000:00:03.0";
    dev.lifetimeBoundNs = 50000;
    writer.addDevice(dev);
    uint64_t seed = 12345;
    auto next = [&seed](uint64_t mod) {
      seed = seed * 6364136223846793005ull + 1442695040888963407ull;
      return (seed >> 33) % mod;
    };
    uint64_t t = 1000;
    for (int64_t id = 1; id <= 20000; ++id) {
      t += next(100);
      uint64_t life = next(10) == 0 ? next(5000000) : next(60000);
      std::optional<uint64_t> unmap = next(50) == 0 ? std::nullopt : std::optional<uint64_t>(t + life);
      Mapping m = makeMapping(id, 0xfff00000 - next(4096) * 0x1000 + next(4) * 0x200, 0x200 + next(0x4000), t, unmap);
      m.dir = static_cast<int8_t>(next(3));
      writer.addMapping(m);
      all.push_back(m);
    }
    ASSERT_TRUE(writer.finish(error)) << error;
  }
  std::string error;
  auto reader = RunReader::open(path_, error);
  ASSERT_TRUE(reader) << error;
  uint64_t seed = 99;
  auto next = [&seed](uint64_t mod) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return (seed >> 33) % mod;
  };
  size_t found = 0;
  for (int round = 0; round < 40; ++round) {
    MappingWindow w;
    w.device = 1;
    w.t0 = next(1100000);
    w.t1 = w.t0 + 1 + next(round < 5 ? 2000000 : 50000);
    w.addrLo = 0xfef00000 + next(0x800000);
    w.addrHi = w.addrLo + 0x1000 + next(round % 2 ? 0x10000 : 0x1000000);
    std::vector<int64_t> expected;
    for (const Mapping &m : all)
      if (m.mapTs <= w.t1 && (!m.unmapTs || *m.unmapTs > w.t0) && m.dmaAddr < w.addrHi && m.dmaEnd() > w.addrLo)
        expected.push_back(m.id);
    std::vector<int64_t> actual;
    for (const Mapping &m : reader->mappingsInWindow(w)) actual.push_back(m.id);
    std::sort(actual.begin(), actual.end());
    ASSERT_EQ(actual, expected) << "round " << round;
    // The drawing knobs change the order and the filled fields, not the rows.
    w.ordered = false;
    w.extentOnly = true;
    std::vector<int64_t> streamed;
    ASSERT_TRUE(reader->forEachMappingInWindow(w, [&](const Mapping &m) {
      streamed.push_back(m.id);
      return true;
    }));
    std::sort(streamed.begin(), streamed.end());
    ASSERT_EQ(streamed, expected) << "round " << round;
    found += expected.size();
  }
  EXPECT_GT(found, 1000u);  // the windows did hit data
}

}  // namespace
}  // namespace dmacheck::store
