#include "view_transform.h"

#include <gtest/gtest.h>

#include "axis_ticks.h"

namespace dmacheck::gui {
namespace {

Viewport vp(uint64_t t0, uint64_t t1, uint64_t lo, uint64_t hi, int w = 1000, int h = 500) {
  Viewport v;
  v.t0 = t0;
  v.t1 = t1;
  v.addrLo = lo;
  v.addrHi = hi;
  v.widthPx = w;
  v.heightPx = h;
  return v;
}

TEST(ViewTransformTest, PixelsAndValuesRoundTrip) {
  Viewport v = vp(1000, 2000, 0x10000, 0x20000);
  EXPECT_DOUBLE_EQ(timeToX(v, 1500), 500);
  EXPECT_EQ(xToTime(v, 500), 1500u);
  // Higher addresses are drawn higher up: addrHi at y = 0.
  EXPECT_DOUBLE_EQ(addrToY(v, 0x20000), 0);
  EXPECT_DOUBLE_EQ(addrToY(v, 0x10000), 500);
  EXPECT_EQ(yToAddr(v, 250), 0x18000u);
}

TEST(ViewTransformTest, ZoomKeepsTheAnchor) {
  ViewBounds b;
  Viewport v = vp(0, 1000000, 0, 0x100000);
  Viewport z = zoomTime(v, 0.5, 250, b);
  EXPECT_EQ(z.t1 - z.t0, 500000u);
  EXPECT_EQ(xToTime(z, 250), xToTime(v, 250));
  Viewport a = zoomAddr(v, 0.25, 100, b);
  EXPECT_EQ(a.addrHi - a.addrLo, 0x40000u);
  EXPECT_NEAR(static_cast<double>(yToAddr(a, 100)), static_cast<double>(yToAddr(v, 100)), 2);
}

TEST(ViewTransformTest, ZoomStopsAtTheMinimumAndTheBounds) {
  ViewBounds b;
  b.t0 = 0;
  b.t1 = 1000;
  Viewport v = vp(0, 1000, 0, 0x1000);
  Viewport in = zoomTime(v, 1e-9, 500, b);
  EXPECT_EQ(in.t1 - in.t0, kMinTimeSpan);
  Viewport out = zoomTime(v, 10, 500, b);
  EXPECT_EQ(out.t0, 0u);
  EXPECT_EQ(out.t1, 1000u);  // cannot zoom out past the run
}

TEST(ViewTransformTest, RubberBandBecomesTheViewport) {
  ViewBounds b;
  Viewport v = vp(0, 1000, 0, 1000, 1000, 1000);
  Viewport r = zoomToRect(v, 600, 700, 200, 100, b);  // corners in any order
  EXPECT_EQ(r.t0, 200u);
  EXPECT_EQ(r.t1, 600u);
  EXPECT_EQ(r.addrLo, 300u);
  EXPECT_EQ(r.addrHi, 900u);
  Viewport flat = zoomToRect(v, 100, 500, 300, 501, b);  // a horizontal drag
  EXPECT_EQ(flat.addrLo, 0u);
  EXPECT_EQ(flat.addrHi, 1000u);
  EXPECT_EQ(flat.t0, 100u);
}

TEST(ViewTransformTest, PanMovesBothAxesAndStaysInBounds) {
  ViewBounds b;
  b.t0 = 0;
  b.t1 = 10000;
  Viewport v = vp(1000, 2000, 0x1000, 0x2000, 1000, 1000);
  Viewport p = pan(v, 100, -500, b);
  EXPECT_EQ(p.t0, 1100u);
  EXPECT_EQ(p.t1, 2100u);
  EXPECT_EQ(p.addrLo, 0x1800u);
  Viewport left = pan(v, -5000, 0, b);
  EXPECT_EQ(left.t0, 0u);
  EXPECT_EQ(left.t1, 1000u);  // the span is kept
}

TEST(ViewTransformTest, FitPadsAndKeepsAPage) {
  Viewport f = fit(1000, 2000, 0x5000, 0x5010, 800, 400);
  EXPECT_LT(f.t0, 1000u);
  EXPECT_GT(f.t1, 2000u);
  EXPECT_GE(f.addrHi - f.addrLo, 4096u);
  EXPECT_LE(f.addrLo, 0x5000u);
  EXPECT_GE(f.addrHi, 0x5010u);
  EXPECT_EQ(f.widthPx, 800);
}

TEST(ViewTransformTest, HugeAddressesKeepLowBits) {
  // A window of 4 KiB near the top of a 47-bit IOVA space.
  Viewport v = vp(0, 10, 0x7ffffffff000, 0x800000000000, 100, 4096);
  EXPECT_EQ(yToAddr(v, 4095), 0x7ffffffff001u);
  EXPECT_DOUBLE_EQ(addrToY(v, 0x7ffffffff800), 2048);
}

TEST(AxisTicksTest, TimeTicksUseUnitsAndNiceSteps) {
  Viewport v = vp(5000000000, 5010000000, 0, 1, 1000, 100);  // 10 ms, origin 5 s
  auto ticks = timeTicks(v, 5000000000, 90);
  ASSERT_GE(ticks.size(), 5u);
  EXPECT_EQ(ticks[0].label, "0");
  EXPECT_EQ(ticks[1].label, "1 ms");
  EXPECT_DOUBLE_EQ(ticks[1].px, 100);
}

TEST(AxisTicksTest, FormatsDurations) {
  EXPECT_EQ(formatDuration(0), "0");
  EXPECT_EQ(formatDuration(250), "250 ns");
  EXPECT_EQ(formatDuration(1500), "1.5 µs");
  EXPECT_EQ(formatDuration(12e6L), "12 ms");
  EXPECT_EQ(formatDuration(3.25e9L), "3.25 s");
  EXPECT_EQ(formatDuration(-2e3L), "-2 µs");
}

TEST(AxisTicksTest, AddressTicksArePowersOfTwoInHex) {
  Viewport v = vp(0, 1, 0x100000, 0x200000, 10, 400);  // 1 MiB over 400 px
  auto ticks = addressTicks(v, 40);
  ASSERT_FALSE(ticks.empty());
  EXPECT_EQ(ticks.front().label, "0x100000");
  EXPECT_DOUBLE_EQ(ticks.front().px, 400);
  EXPECT_EQ(ticks[1].label, "0x120000");  // 128 KiB steps: 51 px apart
}

TEST(AxisTicksTest, ParsesAddressesAsHex) {
  uint64_t a = 0;
  EXPECT_TRUE(parseAddress("0xfffff000", a));
  EXPECT_EQ(a, 0xfffff000u);
  EXPECT_TRUE(parseAddress(" fee0_0000 ", a));
  EXPECT_EQ(a, 0xfee00000u);
  EXPECT_TRUE(parseAddress("1000", a));
  EXPECT_EQ(a, 0x1000u);
  EXPECT_FALSE(parseAddress("0xg", a));
  EXPECT_FALSE(parseAddress("", a));
  EXPECT_FALSE(parseAddress("0x10000000000000000", a));
  EXPECT_EQ(formatBytes(4096), "4 KiB");
  EXPECT_EQ(formatBytes(1536 * 1024), "1.5 MiB");
}

TEST(AxisTicksTest, ParsesDurationsWithUnits) {
  uint64_t ns = 0;
  EXPECT_TRUE(parseDuration("1.5ms", ns));
  EXPECT_EQ(ns, 1500000u);
  EXPECT_TRUE(parseDuration("200 us", ns));
  EXPECT_EQ(ns, 200000u);
  EXPECT_TRUE(parseDuration("3s", ns));
  EXPECT_EQ(ns, 3000000000u);
  EXPECT_TRUE(parseDuration("1200", ns));
  EXPECT_EQ(ns, 1200u);
  EXPECT_FALSE(parseDuration("5 min", ns));
  EXPECT_FALSE(parseDuration("ms", ns));
}

}  // namespace
}  // namespace dmacheck::gui
