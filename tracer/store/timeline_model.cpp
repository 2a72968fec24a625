#include "timeline_model.h"

#include <algorithm>
#include <limits>
#include <map>
#include <tuple>

#include "run_reader.h"

namespace dmacheck::store {
namespace {

constexpr uint64_t kMax = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());

// The pixel arithmetic, written so that SQLite computes exactly the same
// doubles (rectsSql below): clamp in integers, then (v - lo) * 1.0 * px /
// (hi - lo) in IEEE double, floor/ceil by truncation.
double frac(uint64_t v, uint64_t lo, uint64_t hi, int px) {
  uint64_t c = std::max(lo, std::min(hi, v));
  return static_cast<double>(static_cast<int64_t>(c - lo)) * 1.0 * px / static_cast<double>(static_cast<int64_t>(hi - lo));
}
int floorPx(double f) { return static_cast<int>(static_cast<int64_t>(f)); }
int ceilPx(double f) {
  int64_t i = static_cast<int64_t>(f);
  return static_cast<int>(i + (f > static_cast<double>(i) ? 1 : 0));
}

Viewport clamped(Viewport v) {
  v.widthPx = std::max(1, v.widthPx);
  v.heightPx = std::max(1, v.heightPx);
  v.t0 = std::min(v.t0, kMax - 1);
  v.t1 = std::min(std::max(v.t1, v.t0 + 1), kMax);
  v.addrLo = std::min(v.addrLo, kMax - 1);
  v.addrHi = std::min(std::max(v.addrHi, v.addrLo + 1), kMax);
  return v;
}

// One rectangle in pixels (see the header for the axes).
TimelineRect rectOf(const Viewport &v, uint64_t mapTs, uint64_t endTs, uint64_t dmaAddr, uint64_t dmaEnd) {
  TimelineRect r;
  r.x0 = std::min(v.widthPx - 1, floorPx(frac(mapTs, v.t0, v.t1, v.widthPx)));
  r.x1 = std::max(r.x0 + 1, ceilPx(frac(endTs, v.t0, v.t1, v.widthPx)));
  r.y0 = v.heightPx - ceilPx(frac(dmaEnd, v.addrLo, v.addrHi, v.heightPx));
  r.y1 = std::max(r.y0 + 1, v.heightPx - floorPx(frac(dmaAddr, v.addrLo, v.addrHi, v.heightPx)));
  return r;
}

bool tiny(const TimelineRect &r) {
  return r.x1 - r.x0 < TimelineModel::kMinPx && r.y1 - r.y0 < TimelineModel::kMinPx;
}

// Accumulates the rectangles of a stream of mappings (see layout()).
class LayoutBuilder {
 public:
  explicit LayoutBuilder(const Viewport &v) : v_(clamped(v)) {}

  void add(const Mapping &m) {
    uint64_t end = m.unmapTs.value_or(v_.t1);
    if (end <= v_.t0 || m.mapTs > v_.t1 || m.dmaEnd() <= v_.addrLo || m.dmaAddr >= v_.addrHi) return;
    TimelineRect r = rectOf(v_, m.mapTs, end, m.dmaAddr, m.dmaEnd());
    r.mapping = m.id;
    r.dir = m.dir;
    r.live = m.live();
    r.flags = m.flags;
    auto key = tiny(r) ? std::make_tuple(r.x0, r.y0, -1, -1) : std::make_tuple(r.x0, r.y0, r.x1, r.y1);
    auto [it, inserted] = cells_.emplace(key, out_.size());
    if (inserted) {
      out_.push_back(r);
      return;
    }
    // The smallest id represents the cell: the first mapped, as ids follow map time.
    TimelineRect &cell = out_[it->second];
    uint32_t count = cell.count + 1;
    if (r.mapping < cell.mapping) cell = r;
    cell.count = count;
  }

  std::vector<TimelineRect> take() {
    std::sort(out_.begin(), out_.end(), [](const TimelineRect &a, const TimelineRect &b) { return a.mapping < b.mapping; });
    return std::move(out_);
  }

 private:
  Viewport v_;
  std::vector<TimelineRect> out_;
  // (x0, y0, x1, y1) of a cell (x1 = y1 = -1 for merged tiny ones) -> index in out_.
  std::map<std::tuple<int, int, int, int>, size_t> cells_;
};

}  // namespace

void TimelineModel::setDevice(int64_t device) {
  device_ = device;
  dirty_ = true;
}

void TimelineModel::setViewport(const Viewport &viewport) {
  viewport_ = viewport;
  viewport_.widthPx = std::max(1, viewport_.widthPx);
  viewport_.heightPx = std::max(1, viewport_.heightPx);
  if (viewport_.t1 <= viewport_.t0) viewport_.t1 = viewport_.t0 + 1;
  if (viewport_.addrHi <= viewport_.addrLo) viewport_.addrHi = viewport_.addrLo + 1;
  dirty_ = true;
}

Viewport TimelineModel::fitDevice(const Device &device, int widthPx, int heightPx) const {
  Viewport v;
  const RunInfo &info = reader_.info();
  v.t0 = info.startNs;
  v.t1 = std::max(info.endNs, info.startNs + 1);
  v.addrLo = device.minDmaAddr.value_or(0) & ~uint64_t(0xfff);
  v.addrHi = std::max(device.maxDmaEnd.value_or(0x1000), v.addrLo + 0x1000);
  v.widthPx = widthPx;
  v.heightPx = heightPx;
  return v;
}

void TimelineModel::zoomTime(double factor, int anchorX) {
  uint64_t anchor = xToTime(anchorX);
  long double span = static_cast<long double>(viewport_.t1 - viewport_.t0) * factor;
  if (span < 1) span = 1;
  long double left = static_cast<long double>(anchorX) / viewport_.widthPx * span;
  Viewport v = viewport_;
  v.t0 = anchor > left ? anchor - static_cast<uint64_t>(left) : 0;
  v.t1 = v.t0 + static_cast<uint64_t>(span);
  setViewport(v);
}

void TimelineModel::panTime(int dx) {
  long double perPx = static_cast<long double>(viewport_.t1 - viewport_.t0) / viewport_.widthPx;
  long double shift = perPx * dx;
  Viewport v = viewport_;
  uint64_t span = v.t1 - v.t0;
  if (shift < 0) {
    uint64_t s = static_cast<uint64_t>(-shift);
    v.t0 = v.t0 > s ? v.t0 - s : 0;
  } else {
    v.t0 += static_cast<uint64_t>(shift);
  }
  v.t1 = v.t0 + span;
  setViewport(v);
}

int TimelineModel::timeToX(uint64_t t) const {
  Viewport v = clamped(viewport_);
  return floorPx(frac(t, v.t0, v.t1, v.widthPx));
}

uint64_t TimelineModel::xToTime(int x) const {
  long double f = static_cast<long double>(x) / viewport_.widthPx;
  return viewport_.t0 + static_cast<uint64_t>(f * static_cast<long double>(viewport_.t1 - viewport_.t0));
}

int TimelineModel::addrToY(uint64_t addr) const {
  Viewport v = clamped(viewport_);
  return v.heightPx - floorPx(frac(addr, v.addrLo, v.addrHi, v.heightPx));
}

uint64_t TimelineModel::yToAddr(int y) const {
  long double f = static_cast<long double>(viewport_.heightPx - y) / viewport_.heightPx;
  return viewport_.addrLo + static_cast<uint64_t>(f * static_cast<long double>(viewport_.addrHi - viewport_.addrLo));
}

std::vector<TimelineRect> TimelineModel::layout(const Viewport &viewport, const std::vector<Mapping> &mappings) {
  LayoutBuilder builder(viewport);
  for (const Mapping &m : mappings) builder.add(m);
  return builder.take();
}

const std::vector<TimelineRect> &TimelineModel::rects() {
  if (!dirty_) return rects_;
  dirty_ = false;
  Viewport v = clamped(viewport_);
  MappingWindow w;
  w.device = device_;
  w.t0 = v.t0;
  w.t1 = v.t1;
  w.addrLo = v.addrLo;
  w.addrHi = v.addrHi;
  w.ordered = false;  // the builder's result does not depend on row order
  w.extentOnly = true;
  // Streamed: the rows are binned as they come, never held.
  LayoutBuilder builder(v);
  bool ok = reader_.forEachMappingInWindow(w, [&](const Mapping &m) {
    builder.add(m);
    return true;
  });
  rects_ = ok ? builder.take() : std::vector<TimelineRect>();
  return rects_;
}

std::optional<int64_t> TimelineModel::hitTest(int x, int y) {
  const auto &all = rects();
  for (auto it = all.rbegin(); it != all.rend(); ++it) {
    if (x >= it->x0 && x < it->x1 && y >= it->y0 && y < it->y1) return it->mapping;
  }
  return std::nullopt;
}

}  // namespace dmacheck::store
