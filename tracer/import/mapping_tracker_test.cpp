#include "mapping_tracker.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "import_stats.h"
#include "test_events.h"

namespace dmacheck::tracer {
namespace {

using namespace testing;
using store::Mapping;

class Collect : public TrackerOutput {
 public:
  void onMapping(const Mapping &m, const std::optional<store::IommuOp> &mapOp,
                 const std::optional<store::IommuOp> &unmapOp) override {
    mappings.push_back(m);
    // Held ops are ops all the same: the tests look for them in ops.
    for (const auto *op : {&mapOp, &unmapOp}) {
      if (!*op) continue;
      ops.push_back(**op);
      heldOps.push_back((*op)->event);
    }
  }
  void onIommuOp(const store::IommuOp &op) override { ops.push_back(op); }
  void onSync(const store::SyncRow &s) override { syncs.push_back(s); }
  void onBounce(const store::BounceRow &b) override { bounces.push_back(b); }
  void onFault(const store::Fault &f) override { faults.push_back(f); }
  void count(std::string_view reason, const std::string &) override { counts[std::string(reason)]++; }

  const Mapping *byMapEvent(int64_t event) const {
    for (const Mapping &m : mappings) {
      if (m.mapEvent == event) return &m;
    }
    return nullptr;
  }

  std::vector<Mapping> mappings;
  std::vector<store::IommuOp> ops;
  std::vector<int64_t> heldOps;  // events of the ops a mappings row holds
  std::vector<store::SyncRow> syncs;
  std::vector<store::BounceRow> bounces;
  std::vector<store::Fault> faults;
  std::map<std::string, int> counts;
};

class MappingTrackerTest : public ::testing::Test {
 protected:
  // Feeds events with ids 1, 2, ...; every device name is device 1.
  void feed(const std::vector<TraceEvent> &events) {
    for (const TraceEvent &e : events) {
      int64_t device = 0;
      if (!e.device.empty()) {
        auto [it, inserted] = devices_.emplace(e.device, static_cast<int64_t>(devices_.size() + 1));
        device = it->second;
      }
      tracker_.process(++id_, device, std::nullopt, e);
    }
  }

  Collect out_;
  MappingTracker tracker_{out_};
  std::map<std::string, int64_t> devices_;
  int64_t id_ = 0;
};

TEST_F(MappingTrackerTest, PairsMapAndUnmap) {
  feed({mapPage(10, 0xffffd000, 4096, 0x67db000), unmapPage(12, 0xffffd000, 4096)});
  ASSERT_EQ(out_.mappings.size(), 1u);
  const Mapping &m = out_.mappings[0];
  EXPECT_EQ(m.kind, store::MappingKind::Page);
  EXPECT_EQ(m.dmaAddr, 0xffffd000u);
  EXPECT_EQ(m.physAddr, 0x67db000u);
  EXPECT_EQ(m.mapTs, 10000u);
  EXPECT_EQ(m.unmapTs, 12000u);
  EXPECT_EQ(m.mapEvent, 1);
  EXPECT_EQ(m.unmapEvent, 2);
  EXPECT_EQ(m.unmapSize, 4096u);
  EXPECT_EQ(tracker_.liveMappings(), 0u);
  EXPECT_TRUE(out_.counts.empty());
}

// dma-debug's best fit: of several live entries at one address the one with
// equal size, kind and direction is released, not the oldest.
TEST_F(MappingTrackerTest, BestFitPicksMatchingSizeAndDirection) {
  feed({mapPage(1, 0x1000, 512, 0xa000, DmaDirection::ToDevice),
        mapPage(2, 0x1000, 4096, 0xa000, DmaDirection::FromDevice),
        mapPage(3, 0x1000, 512, 0xa000, DmaDirection::FromDevice),
        unmapPage(4, 0x1000, 512, DmaDirection::FromDevice)});
  ASSERT_EQ(out_.mappings.size(), 1u);
  EXPECT_EQ(out_.mappings[0].mapEvent, 3);
  EXPECT_EQ(out_.mappings[0].flags & store::kAmbiguousPair, 0u);
  EXPECT_EQ(tracker_.liveMappings(), 2u);
}

TEST_F(MappingTrackerTest, PerfectFitsReleaseOldestFirst) {
  feed({mapPage(1, 0x1000, 512, 0xa000), mapPage(2, 0x1000, 512, 0xb000), unmapPage(3, 0x1000, 512)});
  ASSERT_EQ(out_.mappings.size(), 1u);
  EXPECT_EQ(out_.mappings[0].mapEvent, 1);
}

TEST_F(MappingTrackerTest, ImperfectAmongSeveralIsFlaggedAmbiguous) {
  feed({mapPage(1, 0x1000, 512, 0xa000, DmaDirection::ToDevice),
        mapPage(2, 0x1000, 1024, 0xa000, DmaDirection::ToDevice), unmapPage(3, 0x1000, 256, DmaDirection::ToDevice)});
  ASSERT_EQ(out_.mappings.size(), 1u);
  EXPECT_EQ(out_.mappings[0].mapEvent, 1);
  EXPECT_NE(out_.mappings[0].flags & store::kAmbiguousPair, 0u);
  EXPECT_EQ(out_.counts[std::string(stats::kAmbiguousPair)], 1);
}

// A single imperfect candidate is paired (dma-debug then reports the size
// mismatch; the checker does it from unmap_size).
TEST_F(MappingTrackerTest, SingleCandidateWithWrongSizeIsPaired) {
  feed({mapPage(1, 0x1000, 4096, 0xa000), unmapPage(2, 0x1000, 2048)});
  ASSERT_EQ(out_.mappings.size(), 1u);
  EXPECT_EQ(out_.mappings[0].size, 4096u);
  EXPECT_EQ(out_.mappings[0].unmapSize, 2048u);
  EXPECT_EQ(out_.mappings[0].flags, 0u);
}

TEST_F(MappingTrackerTest, DoubleUnmapIsCounted) {
  feed({mapPage(1, 0x1000, 4096, 0xa000), unmapPage(2, 0x1000, 4096), unmapPage(3, 0x1000, 4096)});
  EXPECT_EQ(out_.mappings.size(), 1u);
  EXPECT_EQ(out_.counts[std::string(stats::kUnmapWithoutMap)], 1);
}

TEST_F(MappingTrackerTest, UnmapOfUnknownIsCountedAndAfterLossIsDataLoss) {
  feed({unmapPage(1, 0x5000, 4096)});
  EXPECT_EQ(out_.counts[std::string(stats::kUnmapWithoutMap)], 1);
  tracker_.noteLoss(1500);
  feed({unmapPage(2, 0x6000, 4096)});
  EXPECT_EQ(out_.counts[std::string(stats::kUnmapWithoutMapAfterLoss)], 1);
  EXPECT_TRUE(out_.mappings.empty());
}

// Its map was overwritten: the iommu:unmap before the unmatched unmap still
// belongs to the device.
TEST_F(MappingTrackerTest, IommuUnmapBeforeUnmatchedUnmapKeepsTheDevice) {
  tracker_.noteLoss(0);
  feed({iommuUnmap(1, 0xffffd000, 4096), unmapPage(2, 0xffffd400, 512)});
  ASSERT_EQ(out_.ops.size(), 1u);
  EXPECT_EQ(out_.ops[0].device, 1);
  EXPECT_FALSE(out_.ops[0].mapping.has_value());
  EXPECT_EQ(out_.counts[std::string(stats::kUnmapWithoutMapAfterLoss)], 1);
  EXPECT_EQ(out_.counts.count(std::string(stats::kIommuUnmapUnlinked)), 0u);
}

TEST_F(MappingTrackerTest, FailedMapMakesNoMapping) {
  feed({mapPage(1, 0xffffffffffffffffull, 4096, 0xa000)});
  tracker_.finish();
  EXPECT_TRUE(out_.mappings.empty());
  EXPECT_EQ(out_.counts[std::string(stats::kMapFailed)], 1);
  EXPECT_EQ(tracker_.devices().at(1).failedMaps, 1u);
}

TEST_F(MappingTrackerTest, UnmapDoesNotCrossDevices) {
  feed({mapPage(1, 0x1000, 4096, 0xa000, DmaDirection::FromDevice, "0000:00:03.0"),
        unmapPage(2, 0x1000, 4096, DmaDirection::FromDevice, "0000:00:04.0")});
  EXPECT_TRUE(out_.mappings.empty());
  EXPECT_EQ(out_.counts[std::string(stats::kUnmapWithoutMap)], 1);
}

TEST_F(MappingTrackerTest, CoherentFreedWithUnmapPageIsPairedWithKindMismatchVisible) {
  feed({alloc(1, 0x2000, 512), unmapPage(2, 0x2000, 512, DmaDirection::Bidirectional)});
  ASSERT_EQ(out_.mappings.size(), 1u);
  EXPECT_EQ(out_.mappings[0].kind, store::MappingKind::Coherent);
  EXPECT_EQ(out_.mappings[0].unmapEvent, 2);
}

// A paired dma_map_page/dma_unmap_page is stored only in its mapping row
// (schema 5): process() says so, and the row carries what the events rows
// carried besides (CPU, task, source, the release's type and attrs).
TEST_F(MappingTrackerTest, PairedPageEventsAreHeldByTheirMappingRow) {
  TraceEvent map = mapPage(1, 0x1000, 4096, 0xa000);
  map.cpu = 1;
  TraceEvent unmap = unmapPage(2, 0x1000, 4096);
  unmap.cpu = 0;
  unmap.attrs = 0x20;
  EXPECT_TRUE(tracker_.process(1, 1, std::nullopt, map, MappingTracker::EventOrigin{7, 2}));
  EXPECT_TRUE(tracker_.process(2, 1, std::nullopt, unmap, MappingTracker::EventOrigin{8, 3}));
  ASSERT_EQ(out_.mappings.size(), 1u);
  const Mapping &m = out_.mappings[0];
  EXPECT_EQ(m.holds, store::kHoldsMapEvent | store::kHoldsUnmapEvent);
  EXPECT_EQ(m.mapType, static_cast<int>(EventType::DmaMapPage));
  EXPECT_EQ(m.mapCpu, 1);
  EXPECT_EQ(m.mapTask, 7);
  EXPECT_EQ(m.mapSource, 2);
  EXPECT_EQ(m.unmapType, static_cast<int>(EventType::DmaUnmapPage));
  EXPECT_EQ(m.unmapCpu, 0);
  EXPECT_EQ(m.unmapTask, 8);
  EXPECT_EQ(m.unmapSource, 3);
  EXPECT_EQ(m.unmapAttrs, 0x20u);
}

// What a mapping row cannot hold keeps its events row: a failed map, an
// unmatched unmap, alloc/free (gfp flags), dma_map_sg (its array), and a
// release with a physical address of its own (6.18's dma_unmap_phys).
TEST_F(MappingTrackerTest, EventsTheRowCannotHoldAreNotHeld) {
  const MappingTracker::EventOrigin origin{1, 1};
  EXPECT_FALSE(tracker_.process(1, 1, std::nullopt, mapPage(1, 0xffffffffffffffffull, 4096, 0xa000), origin));
  EXPECT_FALSE(tracker_.process(2, 1, std::nullopt, unmapPage(2, 0x5000, 4096), origin));
  EXPECT_FALSE(tracker_.process(3, 1, std::nullopt, alloc(3, 0x2000, 4096), origin));
  EXPECT_FALSE(tracker_.process(4, 1, std::nullopt, freeCoherent(4, 0x2000, 4096), origin));
  std::vector<uint64_t> phys = {0x7000};
  EXPECT_FALSE(tracker_.process(5, 1, std::nullopt, mapSg(5, {{0x9000, 0x1000}}, phys), origin));
  EXPECT_TRUE(tracker_.process(6, 1, std::nullopt, unmapSg(6, phys), origin));  // see below
  EXPECT_TRUE(tracker_.process(7, 1, std::nullopt, mapPage(7, 0x3000, 4096, 0xb000), origin));
  TraceEvent unmapPhys = unmapPage(8, 0x3000, 4096);
  unmapPhys.physAddr = 0xb000;
  EXPECT_FALSE(tracker_.process(8, 1, std::nullopt, unmapPhys, origin));
  ASSERT_EQ(out_.mappings.size(), 3u);
  EXPECT_EQ(out_.mappings[0].holds, 0);  // the coherent one
  EXPECT_EQ(out_.mappings[0].mapType, static_cast<int>(EventType::DmaAlloc));
  EXPECT_EQ(out_.mappings[0].unmapType, static_cast<int>(EventType::DmaFree));
  EXPECT_EQ(out_.mappings[1].holds, store::kHoldsUnmapEvent);  // the sg segment: its unmap only
  EXPECT_EQ(out_.mappings[1].unmapType, static_cast<int>(EventType::DmaUnmapSg));
  EXPECT_EQ(out_.mappings[2].holds, store::kHoldsMapEvent);
}

// A paired dma_unmap_sg is held by the first segment row it closes, with
// its nents; one with a capped array (6.18) or an entry the map's array
// cannot give back keeps its events row.
TEST_F(MappingTrackerTest, PairedUnmapSgIsHeldByItsFirstClosedSegment) {
  const MappingTracker::EventOrigin origin{1, 1};
  std::vector<uint64_t> phys = {0x7000, 0x9000, 0xb000};
  tracker_.process(1, 1, std::nullopt, mapSg(1, {{0x1000, 0x1000}, {0x2000, 0x1000}, {0x3000, 0x1000}}, phys), origin);
  EXPECT_TRUE(tracker_.process(2, 1, std::nullopt, unmapSg(2, phys), origin));
  ASSERT_EQ(out_.mappings.size(), 3u);
  for (const Mapping &m : out_.mappings) EXPECT_EQ(m.unmapNents, 3);
  EXPECT_EQ(out_.mappings[0].holds, store::kHoldsUnmapEvent);
  EXPECT_EQ(out_.mappings[1].holds, 0);
  EXPECT_EQ(out_.mappings[2].holds, 0);

  tracker_.process(3, 1, std::nullopt, mapSg(3, {{0x1000, 0x1000}}, {0x7000}), origin);
  TraceEvent capped = unmapSg(4, {0x7000});
  capped.sgTruncated = true;
  EXPECT_FALSE(tracker_.process(4, 1, std::nullopt, capped, origin));
  tracker_.process(5, 1, std::nullopt, mapSg(5, {{0x1000, 0x1000}}, {0x7000}), origin);
  TraceEvent withLength = unmapSg(6, {0x7000});
  withLength.sg[0].length = 0x1000;
  EXPECT_FALSE(tracker_.process(6, 1, std::nullopt, withLength, origin));
  EXPECT_EQ(out_.mappings.size(), 5u);
}

// The wrong release is held too: unmap_type tells which one it was.
TEST_F(MappingTrackerTest, UnmapPageOfACoherentMappingIsHeldWithItsType) {
  const MappingTracker::EventOrigin origin{1, 1};
  EXPECT_FALSE(tracker_.process(1, 1, std::nullopt, alloc(1, 0x2000, 512), origin));
  EXPECT_TRUE(tracker_.process(2, 1, std::nullopt, unmapPage(2, 0x2000, 512), origin));
  ASSERT_EQ(out_.mappings.size(), 1u);
  EXPECT_EQ(out_.mappings[0].holds, store::kHoldsUnmapEvent);
  EXPECT_EQ(out_.mappings[0].unmapType, static_cast<int>(EventType::DmaUnmapPage));
}

// The real sample's shape: 15 physical pages merged into one IOVA segment,
// unmapped by physical addresses on another CPU in an interrupt.
TEST_F(MappingTrackerTest, SgPairsByPhysicalAddresses) {
  std::vector<uint64_t> phys = {0x7789000, 0x7361000, 0x7345000};
  feed({mapSg(1, {{0xfffa0000, 0x3000}}, phys), mapSg(2, {{0xfff90000, 0x1000}, {0xfff91000, 0x2000}},
                                                         {0x1000, 0x2000}),
        unmapSg(3, phys, DmaDirection::ToDevice, "0000:00:01.0", 1, 0)});
  ASSERT_EQ(out_.mappings.size(), 1u);
  const Mapping &m = out_.mappings[0];
  EXPECT_EQ(m.kind, store::MappingKind::SgSegment);
  EXPECT_EQ(m.dmaAddr, 0xfffa0000u);
  EXPECT_EQ(m.size, 0x3000u);
  EXPECT_FALSE(m.physAddr.has_value());  // merged: no 1:1 physical address
  EXPECT_EQ(m.sgGroup, 1);
  EXPECT_EQ(m.sgIndex, 0);
  EXPECT_FALSE(m.unmapSize.has_value());
  feed({unmapSg(4, {0x1000, 0x2000})});
  ASSERT_EQ(out_.mappings.size(), 3u);
  EXPECT_EQ(out_.mappings[1].physAddr, 0x1000u);  // unmerged: 1:1
  EXPECT_EQ(out_.mappings[2].sgIndex, 1);
  EXPECT_EQ(tracker_.liveMappings(), 0u);
}

// dma_unmap_sg given the count dma_map_sg returned (edu-sg-nents): its list
// is a proper prefix of the live one; the one such list is closed (no leak),
// two such lists are ambiguous and nothing is paired.
TEST_F(MappingTrackerTest, ShortenedUnmapSgPairsWithTheOneListItPrefixes) {
  feed({mapSg(1, {{0xfff8000, 0x3000}}, {0x195b8000, 0x195bb000, 0x195bc000}), unmapSg(2, {0x195b8000})});
  ASSERT_EQ(out_.mappings.size(), 1u);
  EXPECT_EQ(out_.mappings[0].unmapEvent, 2);
  EXPECT_EQ(out_.counts[std::string(stats::kUnmapSgShortened)], 1);
  EXPECT_EQ(tracker_.liveMappings(), 0u);

  feed({mapSg(3, {{0xfff0000, 0x2000}}, {0x1000, 0x2000}), mapSg(4, {{0xffe0000, 0x2000}}, {0x1000, 0x3000}),
        unmapSg(5, {0x1000})});
  EXPECT_EQ(out_.mappings.size(), 1u);
  EXPECT_EQ(out_.counts[std::string(stats::kUnmapSgWithoutMap)], 1);
  EXPECT_EQ(tracker_.liveMappings(), 2u);
}

TEST_F(MappingTrackerTest, UnmapSgWithUnknownListIsCounted) {
  feed({mapSg(1, {{0xfffa0000, 0x1000}}, {0x5000}), unmapSg(2, {0x6000})});
  EXPECT_TRUE(out_.mappings.empty());
  EXPECT_EQ(out_.counts[std::string(stats::kUnmapSgWithoutMap)], 1);
}

// iommu:map precedes dma_map_page, iommu:unmap precedes dma_unmap_page.
TEST_F(MappingTrackerTest, IommuOpsLinkToAdjacentPageEvents) {
  feed({iommuMap(1, 0xffffd000, 4096, 0x5da6000), mapPage(2, 0xffffd400, 512, 0x5da6400),
        iommuUnmap(3, 0xffffd000, 4096), unmapPage(4, 0xffffd400, 512)});
  ASSERT_EQ(out_.ops.size(), 2u);
  int64_t mapping = out_.mappings.at(0).id;
  for (const store::IommuOp &op : out_.ops) {
    EXPECT_EQ(op.device, 1);
    EXPECT_EQ(op.mapping, mapping);
  }
  EXPECT_FALSE(out_.ops[0].unmap);
  EXPECT_TRUE(out_.ops[1].unmap);
}

// dma_unmap_sg and dma_free come before their iommu:unmap.
TEST_F(MappingTrackerTest, IommuUnmapAfterUnmapSgAndFreeLinks) {
  feed({iommuMap(1, 0xfff3f000, 4096, 0x690e000), mapSg(2, {{0xfff3f8c0, 0x200}}, {0x690e8c0}),
        unmapSg(3, {0x690e8c0}, DmaDirection::ToDevice, "0000:00:01.0", 1, 0), iommuUnmap(4, 0xfff3f000, 4096, 1, 0),
        iommuMap(5, 0xffff8000, 0x4000, 0x3ddc7000), alloc(6, 0xffff8000, 16384), freeCoherent(7, 0xffff8000, 16384),
        iommuUnmap(8, 0xffff8000, 0x4000)});
  ASSERT_EQ(out_.ops.size(), 4u);
  for (const store::IommuOp &op : out_.ops) EXPECT_TRUE(op.mapping.has_value()) << op.event;
  EXPECT_EQ(out_.ops[1].mapping, out_.ops[0].mapping);
  EXPECT_EQ(out_.ops[3].mapping, out_.ops[2].mapping);
  EXPECT_EQ(out_.counts.count(std::string(stats::kIommuUnmapUnlinked)), 0u);
}

// dma_map_sg maps one IOMMU piece per physically contiguous run into one
// IOVA segment (the real strict-basic capture: up to 63): one row whose
// pieces keep every event.
TEST_F(MappingTrackerTest, ContiguousIommuMapsOfOneSgAreOneRow) {
  feed({iommuMap(1, 0xfffa0000, 0x1000, 0x7789000), iommuMap(2, 0xfffa1000, 0x2000, 0x7361000),
        iommuMap(3, 0xfffa3000, 0x1000, 0x7345000),
        mapSg(4, {{0xfffa0000, 0x4000}}, {0x7789000, 0x7361000, 0x7362000, 0x7345000})});
  ASSERT_EQ(out_.ops.size(), 1u);
  const store::IommuOp &op = out_.ops[0];
  EXPECT_EQ(op.event, 1);
  EXPECT_EQ(op.iova, 0xfffa0000u);
  EXPECT_EQ(op.paddr, 0x7789000u);
  EXPECT_EQ(op.size, 0x4000u);
  EXPECT_TRUE(op.mapping.has_value());
  ASSERT_EQ(op.pieces.size(), 3u);
  EXPECT_EQ(op.pieces[1].event, 2);
  EXPECT_EQ(op.pieces[1].tsNs, 2000u);
  EXPECT_EQ(op.pieces[1].iova, 0xfffa1000u);
  EXPECT_EQ(op.pieces[1].paddr, 0x7361000u);
  EXPECT_EQ(op.pieces[1].size, 0x2000u);
  EXPECT_EQ(op.pieces[2].event, 3);
  EXPECT_TRUE(out_.counts.empty());
}

// Not merged: a gap in IOVA, two segments (two mappings), another task.
TEST_F(MappingTrackerTest, IommuMapsThatDoNotContinueEachOtherStaySeparate) {
  feed({iommuMap(1, 0xfffa0000, 0x1000, 0x1000), iommuMap(2, 0xfffa2000, 0x1000, 0x2000),
        mapSg(3, {{0xfffa0000, 0x1000}, {0xfffa2000, 0x1000}}, {0x1000, 0x2000})});
  tracker_.finish();  // the segments' rows hold their ops: emitted with them
  ASSERT_EQ(out_.ops.size(), 2u);
  EXPECT_TRUE(out_.ops[0].pieces.empty());
  EXPECT_TRUE(out_.ops[1].pieces.empty());
  EXPECT_NE(out_.ops[0].mapping, out_.ops[1].mapping);

  out_.ops.clear();
  feed({iommuMap(4, 0xfff00000, 0x1000, 0x5000), iommuMap(5, 0xfff01000, 0x1000, 0x6000, 0, 101),
        mapSg(6, {{0xfff00000, 0x1000}}, {0x5000})});
  // The other task's map is not this call's: it stays pending, unlinked.
  tracker_.finish();
  ASSERT_EQ(out_.ops.size(), 2u);
  EXPECT_TRUE(out_.ops[0].pieces.empty());
  EXPECT_TRUE(out_.ops[1].pieces.empty());
  EXPECT_EQ(out_.counts[std::string(stats::kIommuMapUnlinked)], 1);
}

// The first single iommu:map and iommu:unmap linked to a mapping on its own
// event's CPU, task and source are held by the mapping row; a second one, a
// merged one or one from elsewhere is an iommu_ops row of its own.
TEST_F(MappingTrackerTest, LinkedIommuOpsAreHeldByTheirMappingRow) {
  const MappingTracker::EventOrigin origin{5, 1};
  auto process = [&](int64_t id, const TraceEvent &e, MappingTracker::EventOrigin o) {
    return tracker_.process(id, e.device.empty() ? 0 : 1, std::nullopt, e, o);
  };
  process(1, iommuMap(1, 0xffffd000, 4096, 0x5000), origin);
  process(2, mapPage(2, 0xffffd000, 4096, 0x5000), origin);
  process(3, iommuUnmap(3, 0xffffd000, 4096), origin);
  process(4, iommuUnmap(4, 0xffffd000, 4096), origin);  // a second one: a row of its own
  process(5, unmapPage(5, 0xffffd000, 4096), origin);
  ASSERT_EQ(out_.mappings.size(), 1u);
  EXPECT_EQ(out_.mappings[0].holds, store::kHoldsMapEvent | store::kHoldsUnmapEvent | store::kHoldsIommuMap |
                                        store::kHoldsIommuUnmap);
  EXPECT_EQ(out_.heldOps, (std::vector<int64_t>{1, 3}));
  ASSERT_EQ(out_.ops.size(), 3u);
  EXPECT_EQ(out_.ops[0].event, 4);
  EXPECT_EQ(out_.ops[0].mapping, out_.mappings[0].id);

  // Another source (or task) than the map's: not held.
  process(6, iommuMap(6, 0xffffe000, 4096, 0x6000), MappingTracker::EventOrigin{5, 2});
  process(7, mapPage(7, 0xffffe000, 4096, 0x6000), origin);
  // Merged pieces: not held.
  process(8, iommuMap(8, 0xfff00000, 4096, 0x7000), origin);
  process(9, iommuMap(9, 0xfff01000, 4096, 0x9000), origin);
  process(10, mapSg(10, {{0xfff00000, 0x2000}}, {0x7000, 0x9000}), origin);
  tracker_.finish();
  ASSERT_EQ(out_.mappings.size(), 3u);
  EXPECT_EQ(out_.mappings[1].holds & store::kHoldsIommuMap, 0);
  EXPECT_EQ(out_.mappings[2].holds & store::kHoldsIommuMap, 0);
  EXPECT_EQ(out_.heldOps.size(), 2u);
  EXPECT_EQ(out_.ops.size(), 5u);  // every op once
}

// An interrupt on the same CPU runs with the interrupted task's pid: its
// release must not capture the task's pending iommu:map.
TEST_F(MappingTrackerTest, InterruptBetweenIommuMapAndDmaMapDoesNotMislink) {
  feed({mapPage(1, 0x9000, 4096, 0x1000), iommuMap(2, 0xffffd000, 4096, 0x5da6000), unmapPage(3, 0x9000, 4096),
        mapPage(4, 0xffffd000, 4096, 0x5da6000)});
  tracker_.finish();
  ASSERT_EQ(out_.ops.size(), 1u);
  EXPECT_EQ(out_.ops[0].mapping, out_.byMapEvent(4) ? out_.byMapEvent(4)->id : 2);
}

TEST_F(MappingTrackerTest, UnlinkedIommuOpsAreKeptWithoutDevice) {
  feed({iommuMap(1, 0, 16777216, 0)});
  tracker_.finish();
  ASSERT_EQ(out_.ops.size(), 1u);
  EXPECT_FALSE(out_.ops[0].device.has_value());
  EXPECT_EQ(out_.counts[std::string(stats::kIommuMapUnlinked)], 1);
}

TEST_F(MappingTrackerTest, LiveAtEndAfterLossIsInconclusive) {
  feed({mapPage(1, 0x1000, 4096, 0xa000), mapPage(5, 0x3000, 4096, 0xa000)});
  tracker_.noteLoss(3000);
  tracker_.finish();
  ASSERT_EQ(out_.mappings.size(), 2u);
  EXPECT_NE(out_.mappings[0].flags & store::kCloseInconclusive, 0u);
  EXPECT_EQ(out_.mappings[1].flags & store::kCloseInconclusive, 0u);
  EXPECT_TRUE(out_.mappings[0].live());
  EXPECT_TRUE(out_.mappings[0].longLived);
}

TEST_F(MappingTrackerTest, SyncFindsContainingMapping) {
  TraceEvent sync = ev(EventType::DmaSyncSingleForCpu, 3);
  sync.dmaAddr = 0x1800;
  sync.size = 0x100;
  sync.dir = DmaDirection::FromDevice;
  TraceEvent stray = sync;
  stray.dmaAddr = 0x9000;
  feed({mapPage(1, 0x1000, 4096, 0xa000), mapPage(2, 0x4000, 4096, 0xb000), sync, stray});
  ASSERT_EQ(out_.syncs.size(), 2u);
  EXPECT_EQ(out_.syncs[0].mapping, 1);
  EXPECT_FALSE(out_.syncs[1].mapping.has_value());
  EXPECT_EQ(out_.counts[std::string(stats::kSyncWithoutMapping)], 1);
}

TEST_F(MappingTrackerTest, SwiotlbBounceLinksToTheFollowingMap) {
  TraceEvent bounce = ev(EventType::SwiotlbBounced, 1);
  bounce.dmaAddr = 0x7000123;  // dev_addr: the original physical address
  bounce.size = 512;
  feed({bounce, mapPage(2, 0xbb000, 512, 0x7000123)});
  ASSERT_EQ(out_.bounces.size(), 1u);
  EXPECT_EQ(out_.bounces[0].mapping, 1);
  tracker_.finish();
  EXPECT_NE(out_.mappings.at(0).flags & store::kBounced, 0u);
}

TEST_F(MappingTrackerTest, FaultsFindTheLiveMapping) {
  TraceEvent fault = ev(EventType::IommuIoPageFault, 2);
  fault.dmaAddr = 0x1234;
  fault.faultFlags = 1;
  feed({mapPage(1, 0x1000, 4096, 0xa000), fault});
  tracker_.consoleFault(10, 3000, 1, 0x9000, true, 5, "PTE Write access is not set");
  ASSERT_EQ(out_.faults.size(), 2u);
  EXPECT_EQ(out_.faults[0].mapping, 1);
  EXPECT_EQ(out_.faults[0].access, "write");
  EXPECT_FALSE(out_.faults[1].mapping.has_value());
  EXPECT_EQ(out_.faults[1].reason, 5);
}

TEST_F(MappingTrackerTest, DeviceCountersAndLifetimeBound) {
  feed({alloc(0, 0x100000, 65536)});
  for (int i = 0; i < 100; ++i) feed({mapPage(10 * i + 1, 0x1000, 4096, 0xa000), unmapPage(10 * i + 2, 0x1000, 4096)});
  tracker_.finish();
  const DeviceCounters &c = tracker_.devices().at(1);
  EXPECT_EQ(c.mappings, 101u);
  EXPECT_EQ(c.peakLive, 2u);
  EXPECT_EQ(c.live, 1u);
  EXPECT_EQ(c.closed, 100u);
  EXPECT_EQ(c.minDmaAddr, 0x1000u);
  EXPECT_EQ(c.maxDmaEnd, 0x110000u);
  // every closed mapping lived 1000 ns (< 1024)
  EXPECT_EQ(c.lifetimeBound(), 1024u);
}

TEST(CallSiteTest, SkipsDmaAndTracingGlue) {
  EXPECT_EQ(callSiteOf({"dma_map_page_attrs", "nvme_map_data+0x1a/0x200", "nvme_queue_rq"}), "nvme_map_data");
  EXPECT_EQ(callSiteOf({"__dma_map_sg_attrs", "dma_map_sg_attrs", "scsi_dma_map"}), "scsi_dma_map");
  EXPECT_EQ(callSiteOf({"dma_alloc_attrs"}), "");
}

}  // namespace
}  // namespace dmacheck::tracer

namespace dmacheck::tracer {
namespace {

using namespace testing;

// Random streams of maps, unmaps (right, wrong and double), sg lists, iommu
// ops and losses: the tracker never loses or duplicates a mapping, and its
// counters agree with what it emitted.
TEST(MappingTrackerPropertyTest, RandomStreamsKeepTheInvariants) {
  TestRandom random(7);
  auto next = [&random](uint64_t mod) { return random.next(mod); };
  for (int round = 0; round < 20; ++round) {
    Collect out;
    MappingTracker tracker(out);
    const char *devices[] = {"0000:00:01.0", "0000:00:02.0"};
    std::vector<std::vector<uint64_t>> sgPhys;
    uint64_t made = 0;
    int64_t id = 0;
    std::set<int64_t> eventRows;  // events process() left to the caller
    for (int i = 0; i < 3000; ++i) {
      uint64_t ts = 1000 + i;
      int devIndex = static_cast<int>(next(2));
      std::string dev = devices[devIndex];
      uint64_t addr = 0x10000 + next(32) * 0x1000 + (next(4) == 0 ? 0x800 : 0);
      uint64_t size = next(3) == 0 ? 512 : 4096;
      auto dir = static_cast<DmaDirection>(next(3));
      TraceEvent e;
      switch (next(9)) {
        case 0:
        case 1: e = mapPage(ts, addr, size, addr + 0x100000, dir, dev); break;
        case 2: e = mapPage(ts, next(20) == 0 ? ~uint64_t(0) : addr, size, addr, dir, dev); break;
        case 3:
        case 4: e = unmapPage(ts, addr, size, dir, dev); break;
        case 5: {
          std::vector<uint64_t> phys = {0x500000 + next(8) * 0x1000, 0x600000 + next(8) * 0x1000};
          sgPhys.push_back(phys);
          e = mapSg(ts, {{addr, 0x1000}, {addr + 0x40000, 0x1000}}, phys, dir, dev);
          break;
        }
        case 6:
          if (sgPhys.empty()) continue;
          e = unmapSg(ts, sgPhys[next(sgPhys.size())], dir, dev, static_cast<int32_t>(next(2)), 0);
          break;
        case 7: e = iommuMap(ts, addr & ~uint64_t(0xfff), 4096, addr, static_cast<int32_t>(next(2))); break;
        default: e = iommuUnmap(ts, addr & ~uint64_t(0xfff), 4096, static_cast<int32_t>(next(2))); break;
      }
      if (e.type == EventType::DmaMapPage && e.dmaAddr != ~uint64_t(0)) ++made;
      if (e.type == EventType::DmaMapSg) made += 2;
      if (next(200) == 0) tracker.noteLoss(ts);
      // Two sources, so that some ops do not run where their mapping's event did.
      const MappingTracker::EventOrigin origin{std::nullopt, 1 + static_cast<int64_t>(next(8) == 0)};
      if (!tracker.process(++id, e.device.empty() ? 0 : devIndex + 1, std::nullopt, e, origin)) eventRows.insert(id);
    }
    size_t liveBefore = tracker.liveMappings();
    uint64_t liveCounted = 0;
    for (const auto &[device, c] : tracker.devices()) liveCounted += c.live;
    EXPECT_EQ(liveCounted, liveBefore);
    tracker.finish();
    ASSERT_EQ(out.mappings.size(), made) << "round " << round;
    std::set<int64_t> ids;
    size_t live = 0;
    for (const store::Mapping &m : out.mappings) {
      EXPECT_TRUE(ids.insert(m.id).second) << "mapping " << m.id << " emitted twice";
      if (m.live()) {
        ++live;
      } else {
        EXPECT_GE(*m.unmapTs, m.mapTs);
      }
    }
    EXPECT_EQ(live, liveBefore);
    for (const store::IommuOp &op : out.ops) {
      if (op.mapping) {
        EXPECT_TRUE(ids.count(*op.mapping)) << "op links to unknown mapping";
      }
    }
    // Every event is stored exactly once: an events row, a mappings row that
    // holds it, or an iommu op (its own row or held, merged pieces included).
    std::map<int64_t, int> stored;
    for (int64_t e : eventRows) stored[e]++;
    for (const store::Mapping &m : out.mappings) {
      if (m.holds & store::kHoldsMapEvent) stored[m.mapEvent]++;
      if (m.holds & store::kHoldsUnmapEvent) stored[*m.unmapEvent]++;
    }
    for (const store::IommuOp &op : out.ops) {
      if (op.pieces.empty()) stored[op.event]++;
      for (const store::IommuPiece &p : op.pieces) stored[p.event]++;
    }
    ASSERT_EQ(stored.size(), static_cast<size_t>(id)) << "round " << round;
    for (const auto &[event, times] : stored) EXPECT_EQ(times, 1) << "event " << event << ", round " << round;
    EXPECT_FALSE(out.heldOps.empty());
  }
}

}  // namespace
}  // namespace dmacheck::tracer
