#include "view_transform.h"

#include <algorithm>
#include <cmath>

namespace dmacheck::gui {
namespace {

using LD = long double;
constexpr LD kMaxLD = static_cast<LD>(UINT64_C(0x7fffffffffffffff));

uint64_t toU64(LD v) {
  if (!(v > 0)) return 0;
  if (v >= kMaxLD) return UINT64_C(0x7fffffffffffffff);
  return static_cast<uint64_t>(v);
}

// Places a window of `span` whose point `anchorVal` sits at fraction `f` of
// it, then slides it back inside [lo, hi] where the span fits.
void placeSpan(LD anchorVal, LD f, LD span, uint64_t lo, uint64_t hi, uint64_t minSpan, uint64_t &outLo,
               uint64_t &outHi) {
  LD bound = static_cast<LD>(hi) - static_cast<LD>(lo);
  span = std::max<LD>(span, static_cast<LD>(minSpan));
  if (span > bound) span = bound;
  uint64_t width = std::max<uint64_t>(1, toU64(std::round(span)));
  LD a = std::floor(anchorVal - f * span);
  if (a < static_cast<LD>(lo)) a = static_cast<LD>(lo);
  if (a + static_cast<LD>(width) > static_cast<LD>(hi)) a = static_cast<LD>(hi) - static_cast<LD>(width);
  outLo = toU64(a);
  outHi = outLo + width;
}

}  // namespace

double timeToX(const Viewport &v, uint64_t t) {
  LD span = static_cast<LD>(v.t1) - static_cast<LD>(v.t0);
  if (span <= 0) return 0;
  return static_cast<double>((static_cast<LD>(t) - static_cast<LD>(v.t0)) * v.widthPx / span);
}

double addrToY(const Viewport &v, uint64_t addr) {
  LD span = static_cast<LD>(v.addrHi) - static_cast<LD>(v.addrLo);
  if (span <= 0) return 0;
  return static_cast<double>(v.heightPx - (static_cast<LD>(addr) - static_cast<LD>(v.addrLo)) * v.heightPx / span);
}

uint64_t xToTime(const Viewport &v, double x) {
  LD span = static_cast<LD>(v.t1) - static_cast<LD>(v.t0);
  return toU64(static_cast<LD>(v.t0) + static_cast<LD>(x) / std::max(1, v.widthPx) * span);
}

uint64_t yToAddr(const Viewport &v, double y) {
  LD span = static_cast<LD>(v.addrHi) - static_cast<LD>(v.addrLo);
  return toU64(static_cast<LD>(v.addrLo) + (v.heightPx - static_cast<LD>(y)) / std::max(1, v.heightPx) * span);
}

Viewport zoomTime(const Viewport &v, double factor, double anchorX, const ViewBounds &b) {
  Viewport out = v;
  LD span = (static_cast<LD>(v.t1) - static_cast<LD>(v.t0)) * factor;
  LD f = std::clamp<LD>(anchorX / std::max(1, v.widthPx), 0, 1);
  LD anchor = static_cast<LD>(v.t0) + f * (static_cast<LD>(v.t1) - static_cast<LD>(v.t0));
  placeSpan(anchor, f, span, b.t0, b.t1, kMinTimeSpan, out.t0, out.t1);
  return out;
}

Viewport zoomAddr(const Viewport &v, double factor, double anchorY, const ViewBounds &b) {
  Viewport out = v;
  LD span = (static_cast<LD>(v.addrHi) - static_cast<LD>(v.addrLo)) * factor;
  // Fraction from the bottom (addrLo), as y grows downward from addrHi.
  LD f = std::clamp<LD>(1 - anchorY / std::max(1, v.heightPx), 0, 1);
  LD anchor = static_cast<LD>(v.addrLo) + f * (static_cast<LD>(v.addrHi) - static_cast<LD>(v.addrLo));
  placeSpan(anchor, f, span, b.addrLo, b.addrHi, kMinAddrSpan, out.addrLo, out.addrHi);
  return out;
}

Viewport zoomToRect(const Viewport &v, double x0, double y0, double x1, double y1, const ViewBounds &b) {
  Viewport out = v;
  if (x0 > x1) std::swap(x0, x1);
  if (y0 > y1) std::swap(y0, y1);
  if (x1 - x0 >= 3) {
    uint64_t t0 = xToTime(v, x0), t1 = xToTime(v, x1);
    placeSpan(static_cast<LD>(t0), 0, static_cast<LD>(t1) - static_cast<LD>(t0), b.t0, b.t1, kMinTimeSpan, out.t0,
              out.t1);
  }
  if (y1 - y0 >= 3) {
    uint64_t lo = yToAddr(v, y1), hi = yToAddr(v, y0);
    placeSpan(static_cast<LD>(lo), 0, static_cast<LD>(hi) - static_cast<LD>(lo), b.addrLo, b.addrHi, kMinAddrSpan,
              out.addrLo, out.addrHi);
  }
  return out;
}

Viewport pan(const Viewport &v, double dx, double dy, const ViewBounds &b) {
  Viewport out = v;
  LD tSpan = static_cast<LD>(v.t1) - static_cast<LD>(v.t0);
  LD aSpan = static_cast<LD>(v.addrHi) - static_cast<LD>(v.addrLo);
  LD t0 = static_cast<LD>(v.t0) + dx * tSpan / std::max(1, v.widthPx);
  // dy > 0 moves the window down the screen: towards lower addresses.
  LD a0 = static_cast<LD>(v.addrLo) - dy * aSpan / std::max(1, v.heightPx);
  placeSpan(t0, 0, tSpan, b.t0, b.t1, 1, out.t0, out.t1);
  placeSpan(a0, 0, aSpan, b.addrLo, b.addrHi, 1, out.addrLo, out.addrHi);
  return out;
}

Viewport fit(uint64_t t0, uint64_t t1, uint64_t addrLo, uint64_t addrHi, int widthPx, int heightPx) {
  Viewport v;
  v.widthPx = std::max(1, widthPx);
  v.heightPx = std::max(1, heightPx);
  if (t1 <= t0) t1 = t0 + 1;
  if (addrHi <= addrLo) addrHi = addrLo + 1;
  LD tPad = (static_cast<LD>(t1) - static_cast<LD>(t0)) * 0.02L;
  LD aSpan = std::max<LD>(static_cast<LD>(addrHi) - static_cast<LD>(addrLo), 4096);
  LD aMid = (static_cast<LD>(addrLo) + static_cast<LD>(addrHi)) / 2;
  aSpan *= 1.08L;
  v.t0 = toU64(static_cast<LD>(t0) - tPad);
  v.t1 = std::max(v.t0 + 1, toU64(std::ceil(static_cast<LD>(t1) + tPad)));
  v.addrLo = toU64(std::floor(aMid - aSpan / 2));
  v.addrHi = std::max(v.addrLo + 1, toU64(std::ceil(aMid + aSpan / 2)));
  return v;
}

Viewport clampTo(const Viewport &v, const ViewBounds &b) {
  Viewport out = v;
  placeSpan(static_cast<LD>(v.t0), 0, static_cast<LD>(v.t1) - static_cast<LD>(v.t0), b.t0, b.t1, 1, out.t0, out.t1);
  placeSpan(static_cast<LD>(v.addrLo), 0, static_cast<LD>(v.addrHi) - static_cast<LD>(v.addrLo), b.addrLo, b.addrHi, 1,
            out.addrLo, out.addrHi);
  return out;
}

Viewport centreOn(const Viewport &v, uint64_t t, uint64_t addr, const ViewBounds &b) {
  Viewport out = v;
  placeSpan(static_cast<LD>(t), 0.5L, static_cast<LD>(v.t1) - static_cast<LD>(v.t0), b.t0, b.t1, 1, out.t0, out.t1);
  placeSpan(static_cast<LD>(addr), 0.5L, static_cast<LD>(v.addrHi) - static_cast<LD>(v.addrLo), b.addrLo, b.addrHi, 1,
            out.addrLo, out.addrHi);
  return out;
}

}  // namespace dmacheck::gui
