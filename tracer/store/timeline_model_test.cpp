#include "timeline_model.h"

#include <gtest/gtest.h>

namespace dmacheck::store {
namespace {

Mapping mapping(int64_t id, uint64_t addr, uint64_t size, uint64_t t0, std::optional<uint64_t> t1) {
  Mapping m;
  m.id = id;
  m.dmaAddr = addr;
  m.size = size;
  m.mapTs = t0;
  m.unmapTs = t1;
  m.dir = 1;
  return m;
}

TEST(TimelineModelTest, LayoutMapsTimeToXAndHighAddressesUp) {
  Viewport v{0, 1000, 0, 0x10000, 100, 64};
  auto rects = TimelineModel::layout(v, {mapping(1, 0xf000, 0x1000, 0, 500)});
  ASSERT_EQ(rects.size(), 1u);
  EXPECT_EQ(rects[0].x0, 0);
  EXPECT_EQ(rects[0].x1, 50);
  EXPECT_EQ(rects[0].y0, 0);  // top of the address space is the top row
  EXPECT_EQ(rects[0].y1, 4);
  EXPECT_EQ(rects[0].dir, 1);
}

TEST(TimelineModelTest, LiveMappingsExtendToTheRightEdge) {
  Viewport v{0, 1000, 0, 0x10000, 100, 64};
  auto rects = TimelineModel::layout(v, {mapping(1, 0, 0x1000, 900, std::nullopt)});
  ASSERT_EQ(rects.size(), 1u);
  EXPECT_EQ(rects[0].x1, 100);
  EXPECT_TRUE(rects[0].live);
}

TEST(TimelineModelTest, TinyMappingsMergeIntoOnePixelCell) {
  Viewport v{0, 1000000, 0, 0x100000000ull, 100, 100};
  std::vector<Mapping> many;
  for (int i = 0; i < 1000; ++i) many.push_back(mapping(i + 1, 0x1000, 0x1000, 10 + i, 11 + i));
  auto rects = TimelineModel::layout(v, many);
  ASSERT_EQ(rects.size(), 1u);
  EXPECT_EQ(rects[0].count, 1000u);
  EXPECT_EQ(rects[0].mapping, 1);  // first by map time represents the cell
}

TEST(TimelineModelTest, OutsideTheViewportIsDropped) {
  Viewport v{1000, 2000, 0x1000, 0x2000, 10, 10};
  auto rects = TimelineModel::layout(v, {mapping(1, 0x5000, 0x1000, 1100, 1200), mapping(2, 0x1000, 0x10, 0, 10)});
  EXPECT_TRUE(rects.empty());
}

}  // namespace
}  // namespace dmacheck::store
