#include "frame.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "mapping_cache.h"
#include "run_queries.h"

namespace dmacheck::gui {
namespace {

store::Mapping mapping(int64_t id, uint64_t t0, std::optional<uint64_t> t1, uint64_t addr, uint64_t size,
                       store::MappingKind kind = store::MappingKind::Page, int8_t dir = 1) {
  store::Mapping m;
  m.id = id;
  m.mapTs = t0;
  m.unmapTs = t1;
  m.dmaAddr = addr;
  m.size = size;
  m.kind = kind;
  m.dir = dir;
  return m;
}

Viewport vp(uint64_t t0, uint64_t t1, uint64_t lo, uint64_t hi, int w, int h) {
  Viewport v;
  v.t0 = t0;
  v.t1 = t1;
  v.addrLo = lo;
  v.addrHi = hi;
  v.widthPx = w;
  v.heightPx = h;
  return v;
}

TEST(FrameTest, SmallMappingsCollapseToOneEntryPerPixel) {
  // Far more mappings than pixels, plus one large live coherent buffer.
  Viewport v = vp(0, 1000000, 0, 1 << 24, 100, 50);
  std::vector<store::Mapping> all;
  for (int64_t i = 1; i <= 50000; ++i)
    all.push_back(mapping(i, (i * 7919) % 1000000, (i * 7919) % 1000000 + 10, (i * 4096) % (1 << 24), 4096));
  all.push_back(mapping(50001, 0, std::nullopt, 0, 1 << 22, store::MappingKind::Coherent, -1));
  FrameBuilder b(v, AddressAxis::Device);
  for (const auto &m : all) b.add(m);
  Frame f = b.take();
  EXPECT_EQ(f.mappings, all.size());
  ASSERT_EQ(f.rects.size(), 1u);  // only the large one stays a rectangle
  EXPECT_EQ(f.rects[0].mapping, 50001);
  EXPECT_EQ(f.kinds[0], store::MappingKind::Coherent);
  EXPECT_TRUE(f.rects[0].live);
  EXPECT_EQ(f.rects[0].x1, 100);  // live: runs to the right edge
  ASSERT_EQ(f.pixelDir.size(), 100u * 50u);
  uint64_t counted = f.rects[0].count;
  for (uint32_t c : f.pixelCount) counted += c;
  EXPECT_EQ(counted, all.size());  // every mapping counted exactly once
  EXPECT_GT(f.occupiedPixels(), 1000u);
  EXPECT_LE(f.occupiedPixels(), 100u * 50u);
}

TEST(FrameTest, ThePixelKeepsTheFirstMapped) {
  Viewport v = vp(0, 100, 0, 0x10000, 10, 16);
  FrameBuilder b(v, AddressAxis::Device);
  b.add(mapping(7, 50, 55, 0x8000, 0x100, store::MappingKind::Page, 2));
  b.add(mapping(3, 51, 54, 0x8010, 0x10, store::MappingKind::Page, 1));
  b.add(mapping(9, 52, 53, 0x8020, 0x10, store::MappingKind::Page, 0));
  Frame f = b.take();
  EXPECT_TRUE(f.rects.empty());
  double y = addrToY(v, 0x8010);
  auto hit = hitTest(f, 5.5, y - 0.5, 0);
  ASSERT_TRUE(hit);
  EXPECT_EQ(*hit, 3);
  EXPECT_EQ(countAt(f, 5.5, y - 0.5), 3u);
  EXPECT_EQ(hitTest(f, 0.5, 0.5, 0), std::nullopt);
  EXPECT_EQ(hitTest(f, 5.5, y + 2.5, 3), std::optional<int64_t>(3));  // near enough
}

TEST(MappingCacheTest, WindowLookupFindsExactlyTheOverlappingRows) {
  std::vector<LodRow> rows;
  for (int64_t i = 1; i <= 20000; ++i) {
    store::Mapping m = mapping(i, i * 100, std::nullopt, 0x1000 * (i % 300), 0x1000);
    if (i % 97 != 0) m.unmapTs = m.mapTs + 50 + (i * 31) % 5000;
    if (i % 1013 == 0) m.unmapTs = m.mapTs + 900000;  // a long one
    rows.push_back(LodRow::of(m));
  }
  MappingCache cache;
  cache.assign(1, rows);
  EXPECT_EQ(cache.size(), rows.size());
  EXPECT_LE(cache.longLived(), rows.size() / 40);  // ~1% plus the live ones
  for (uint64_t t0 : {0ull, 12345ull, 500000ull, 1999999ull}) {
    for (uint64_t span : {1ull, 1000ull, 100000ull, 5000000ull}) {
      std::vector<int64_t> got, want;
      cache.forEachInWindow(t0, t0 + span, [&](const LodRow &r) { got.push_back(r.id); });
      for (const LodRow &r : rows)
        if (r.mapTs < t0 + span && r.unmapTs > t0) want.push_back(r.id);
      std::sort(got.begin(), got.end());
      EXPECT_EQ(got, want) << "t0=" << t0 << " span=" << span;
    }
  }
  // A frame from the cache is the frame of the same rows streamed.
  Viewport v = vp(100000, 900000, 0, 0x12c000, 200, 100);
  Frame a = cache.frame(v, AddressAxis::Device);
  FrameBuilder b(v, AddressAxis::Device);
  for (const LodRow &r : rows) b.add(r);
  Frame e = b.take();
  EXPECT_EQ(a.mappings, e.mappings);
  EXPECT_EQ(a.rects.size(), e.rects.size());
  EXPECT_EQ(a.pixelMapping, e.pixelMapping);
  EXPECT_EQ(a.pixelCount, e.pixelCount);
}

TEST(FrameTest, PhysicalAxisUsesPhysAddressAndSkipsUnknown) {
  Viewport v = vp(0, 100, 0x80000000, 0x80010000, 100, 64);
  store::Mapping a = mapping(1, 10, 20, 0xfff00000, 0x1000);
  a.physAddr = 0x80008000;
  store::Mapping b = mapping(2, 10, 20, 0xfff01000, 0x1000, store::MappingKind::Coherent);  // phys unknown
  FrameBuilder fb(v, AddressAxis::Physical);
  fb.add(a);
  fb.add(b);
  Frame f = fb.take();
  ASSERT_EQ(f.rects.size(), 1u);
  EXPECT_EQ(f.rects[0].mapping, 1);
  EXPECT_EQ(f.rects[0].y1, 32);  // 0x80008000 is halfway up
  EXPECT_EQ(f.rects[0].y0, 28);
  EXPECT_EQ(f.rects[0].x0, 10);
  EXPECT_EQ(f.rects[0].x1, 20);
}

TEST(FrameTest, HitTestPrefersTopmostThenNearest) {
  std::vector<MapRect> rects(3);
  rects[0] = {0, 50, 0, 50, 1};
  rects[1] = {10, 20, 10, 20, 2};
  rects[2] = {80, 81, 80, 81, 3};
  EXPECT_EQ(hitTest(rects, 15, 15), std::optional<size_t>(1));  // on top of 0
  EXPECT_EQ(hitTest(rects, 5, 5), std::optional<size_t>(0));
  EXPECT_EQ(hitTest(rects, 82, 80), std::optional<size_t>(2));  // within tolerance
  EXPECT_EQ(hitTest(rects, 90, 90), std::nullopt);
}

TEST(FrameTest, ReprojectStretchesToTheNewViewport) {
  Viewport from = vp(0, 1000, 0, 1000, 100, 100);
  Viewport to = vp(0, 500, 0, 1000, 100, 100);  // zoomed in 2x in time
  MapRect r{10, 20, 30, 40, 1};
  PxRect p = reproject(r, from, to);
  EXPECT_DOUBLE_EQ(p.x0, 20);
  EXPECT_DOUBLE_EQ(p.x1, 40);
  EXPECT_DOUBLE_EQ(p.y0, 30);
  EXPECT_DOUBLE_EQ(p.y1, 40);
}

TEST(TranslationTableTest, SortsByIovaAndMarksOverlaps) {
  std::vector<store::Mapping> live = {mapping(1, 0, {}, 0x3000, 0x1000), mapping(2, 0, {}, 0x1000, 0x2000),
                                      mapping(3, 0, {}, 0x2000, 0x1000), mapping(4, 0, {}, 0x8000, 0x1000)};
  auto t = translationTable(live);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].mapping, 2);
  EXPECT_EQ(t[1].mapping, 3);
  EXPECT_TRUE(t[0].overlaps);  // 0x1000-0x3000 and 0x2000-0x3000
  EXPECT_TRUE(t[1].overlaps);
  EXPECT_FALSE(t[2].overlaps);  // 0x3000 starts where 2 ends
  EXPECT_FALSE(t[3].overlaps);
}

}  // namespace
}  // namespace dmacheck::gui
