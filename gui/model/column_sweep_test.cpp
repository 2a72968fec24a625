// The column sweep (MappingCache::frame's fast path) against the reference:
// every row through FrameBuilder::add(). On random rows and random
// viewports, both axes, from the whole run down to a few pixels' worth of
// mappings, the frames must be identical: same occupied pixels, same
// representative and direction per pixel, same counts, same rectangles.
#include "column_sweep.h"

#include <gtest/gtest.h>

#include <thread>

#include "mapping_cache.h"

namespace dmacheck::gui {
namespace {

struct Rng {
  uint64_t s;
  uint64_t operator()(uint64_t mod) {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    return mod ? (s >> 33) % mod : 0;
  }
};

std::vector<LodRow> randomRows(Rng &rng, int n) {
  std::vector<LodRow> rows;
  uint64_t t = 1000;
  for (int i = 0; i < n; ++i) {
    LodRow r;
    r.id = i + 1;
    t += rng(200);
    r.mapTs = t;
    uint64_t pick = rng(1000);
    if (pick < 5)
      r.unmapTs = LodRow::kLive;
    else if (pick < 15)
      r.unmapTs = t + rng(5000000);  // long-lived
    else if (pick < 25)
      r.unmapTs = t;  // zero lifetime
    else
      r.unmapTs = t + 1 + rng(20000);
    r.size = rng(50) == 0 ? 0 : (rng(20) == 0 ? 0x100000 + rng(0x400000) : 0x200 + rng(0x10000));
    r.dmaAddr = 0xff000000 + rng(0x1000000);
    if (rng(10) != 0) r.physAddr = 0x100000000 + rng(0x4000000);
    r.dir = static_cast<int8_t>(static_cast<int>(rng(5)) - 1);
    r.kind = static_cast<store::MappingKind>(rng(4));
    r.flags = static_cast<uint32_t>(rng(3));
    rows.push_back(r);
  }
  // Unique ids, but not in map order (a reader may number them otherwise).
  for (size_t i = rows.size(); i > 1; --i) std::swap(rows[i - 1].id, rows[rng(i)].id);
  return rows;
}

void expectSameFrame(const Frame &got, const Frame &want, const std::string &where) {
  EXPECT_EQ(got.mappings, want.mappings) << where;
  ASSERT_EQ(got.rects.size(), want.rects.size()) << where;
  for (size_t i = 0; i < got.rects.size(); ++i) {
    const auto &a = got.rects[i], &b = want.rects[i];
    EXPECT_TRUE(a.x0 == b.x0 && a.x1 == b.x1 && a.y0 == b.y0 && a.y1 == b.y1 && a.mapping == b.mapping &&
                a.count == b.count && a.dir == b.dir && a.live == b.live && a.flags == b.flags)
        << where << " rect " << i;
  }
  EXPECT_EQ(got.kinds, want.kinds) << where;
  ASSERT_EQ(got.pixelDir.size(), want.pixelDir.size()) << where;
  size_t occupiedDiff = 0, repDiff = 0;
  for (size_t i = 0; i < got.pixelDir.size(); ++i) {
    bool a = got.pixelDir[i] != Frame::kEmpty, b = want.pixelDir[i] != Frame::kEmpty;
    occupiedDiff += a != b;
    repDiff += a && b && (got.pixelMapping[i] != want.pixelMapping[i] || got.pixelDir[i] != want.pixelDir[i]);
  }
  EXPECT_EQ(occupiedDiff, 0u) << where << ": pixels coloured by one and not the other";
  EXPECT_EQ(repDiff, 0u) << where << ": pixels with another representative";
  EXPECT_EQ(got.pixelCount, want.pixelCount) << where;
}

TEST(ColumnSweepTest, SameFrameAsTheReferenceOnRandomRowsAndViewports) {
  Rng rng{42};
  std::vector<LodRow> rows = randomRows(rng, 30000);
  MappingCache cache;
  cache.assign(1, rows);
  uint64_t runEnd = rows.back().mapTs;
  size_t occupied = 0, rects = 0;
  for (int round = 0; round < 120; ++round) {
    Viewport v;
    // From the whole run (and beyond it) down to a few µs.
    uint64_t span = round < 10 ? runEnd + rng(runEnd) : 1 + rng(runEnd >> rng(16));
    v.t0 = rng(runEnd);
    if (round % 7 == 0) v.t0 = 0;
    v.t1 = v.t0 + span;
    AddressAxis axis = round % 2 ? AddressAxis::Physical : AddressAxis::Device;
    uint64_t base = axis == AddressAxis::Device ? 0xff000000 : 0x100000000;
    uint64_t aspan = 0x100 + rng(0x2000000 >> rng(12));
    v.addrLo = base - 0x100000 + rng(0x1200000);
    v.addrHi = v.addrLo + aspan;
    if (round % 11 == 5) {
      // Address spans past 2^51 take the sweep's scalar conversions.
      v.addrLo = rng(2) ? 0 : base - 0x1000;
      v.addrHi = (uint64_t(1) << 51) + rng(uint64_t(1) << 60);
    }
    v.widthPx = 1 + static_cast<int>(rng(1200));
    v.heightPx = 1 + static_cast<int>(rng(600));
    FrameBuilder reference(v, axis);
    for (const LodRow &r : rows) reference.add(r);
    Frame want = reference.take();
    Frame got = cache.frame(v, axis);
    expectSameFrame(got, want, "round " + std::to_string(round));
    // The same viewport on two threads, however few rows it holds: chunks
    // of columns, rows spilling into the next chunk, rectangles and empty
    // lifetimes merged after the chunks.
    expectSameFrame(cache.frame(v, axis, 0), want, "round " + std::to_string(round) + ", two threads");
    occupied += want.occupiedPixels();
    rects += want.rects.size();
  }
  EXPECT_GT(occupied, 100000u);  // the viewports did hit data
  EXPECT_GT(rects, 1000u);       // and large mappings
}

TEST(ColumnSweepTest, DenseWholeRunFrameMatchesPixelForPixel) {
  // The benchmark's shape at a small scale: far more rows than columns,
  // every lifetime inside one column.
  Rng rng{7};
  std::vector<LodRow> rows;
  for (int64_t i = 1; i <= 200000; ++i) {
    LodRow r;
    r.id = i;
    r.mapTs = 1000000 + static_cast<uint64_t>(i) * 2000;
    r.unmapTs = r.mapTs + 5000 + rng(195000);
    r.size = 4096ull << rng(5);
    r.dmaAddr = 0xff000000 + rng(4096) * 4096;
    r.physAddr = 0x100000000 + rng(1 << 18) * 4096;
    r.dir = static_cast<int8_t>(1 + rng(2));
    rows.push_back(r);
  }
  MappingCache cache;
  cache.assign(1, rows);
  for (AddressAxis axis : {AddressAxis::Device, AddressAxis::Physical}) {
    Viewport v;
    v.t0 = 900000;
    v.t1 = 1000000 + 200000ull * 2000 + 300000;
    v.addrLo = axis == AddressAxis::Device ? 0xfef00000 : 0xfff00000;
    v.addrHi = axis == AddressAxis::Device ? 0x100100000 : 0x140100000;
    v.widthPx = 1100;
    v.heightPx = 480;
    FrameBuilder reference(v, axis);
    for (const LodRow &r : rows) reference.add(r);
    Frame want = reference.take();
    expectSameFrame(cache.frame(v, axis), want, axis == AddressAxis::Device ? "IOVA" : "phys");
    EXPECT_GT(want.occupiedPixels(), 10000u);
  }
}

TEST(ColumnSweepTest, ConcurrentFramesShareTheHelperAndStayExact) {
  // The query thread may sweep while another caller does (tests, the
  // bench): the second finds the helper busy and sweeps alone.
  Rng rng{99};
  std::vector<LodRow> rows = randomRows(rng, 20000);
  MappingCache cache;
  cache.assign(1, rows);
  uint64_t runEnd = rows.back().mapTs;
  std::vector<Viewport> viewports;
  std::vector<Frame> want;
  for (int k = 0; k < 8; ++k) {
    Viewport v;
    v.t0 = k % 2 ? 0 : rng(runEnd / 2);
    v.t1 = v.t0 + runEnd / (1 + k);
    v.addrLo = 0xff000000 - rng(0x100000);
    v.addrHi = v.addrLo + 0x1200000;
    v.widthPx = 200 + static_cast<int>(rng(1000));
    v.heightPx = 100 + static_cast<int>(rng(500));
    FrameBuilder reference(v, AddressAxis::Device);
    for (const LodRow &r : rows) reference.add(r);
    viewports.push_back(v);
    want.push_back(reference.take());
  }
  std::vector<Frame> got[2];
  auto sweep = [&](int t) {
    for (int round = 0; round < 5; ++round)
      for (const Viewport &v : viewports) got[t].push_back(cache.frame(v, AddressAxis::Device, 0));
  };
  std::thread other(sweep, 1);
  sweep(0);
  other.join();
  for (int t = 0; t < 2; ++t)
    for (size_t k = 0; k < got[t].size(); ++k)
      expectSameFrame(got[t][k], want[k % want.size()], "thread " + std::to_string(t) + " frame " + std::to_string(k));
}

}  // namespace
}  // namespace dmacheck::gui
