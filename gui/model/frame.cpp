#include "frame.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "run_reader.h"

namespace dmacheck::gui {
namespace {

uint64_t packExtent(int x0, int x1, int y0, int y1) {
  auto u = [](int v) { return static_cast<uint64_t>(static_cast<uint16_t>(std::clamp(v, 0, 0xffff))); };
  return u(x0) | u(x1) << 16 | u(y0) << 32 | u(y1) << 48;
}

}  // namespace

LodRow LodRow::of(const store::Mapping &m) {
  LodRow r;
  r.id = m.id;
  r.mapTs = m.mapTs;
  r.unmapTs = m.unmapTs.value_or(kLive);
  r.dmaAddr = m.dmaAddr;
  r.physAddr = m.physAddr.value_or(kNoPhys);
  r.size = m.size;
  r.flags = m.flags;
  r.dir = m.dir;
  r.kind = m.kind;
  return r;
}

size_t Frame::occupiedPixels() const {
  return static_cast<size_t>(std::count_if(pixelDir.begin(), pixelDir.end(), [](uint8_t d) { return d != kEmpty; }));
}

FrameBuilder::FrameBuilder(const Viewport &viewport, AddressAxis axis) : v_(viewport), axis_(axis) {
  v_.widthPx = std::max(1, std::min(v_.widthPx, 0xfffe));
  v_.heightPx = std::max(1, std::min(v_.heightPx, 0xfffe));
  if (v_.t1 <= v_.t0) v_.t1 = v_.t0 + 1;
  if (v_.addrHi <= v_.addrLo) v_.addrHi = v_.addrLo + 1;
  sx_ = v_.widthPx / static_cast<double>(v_.t1 - v_.t0);
  sy_ = v_.heightPx / static_cast<double>(v_.addrHi - v_.addrLo);
}

void FrameBuilder::add(const LodRow &row) {
  uint64_t lo = row.dmaAddr;
  if (axis_ == AddressAxis::Physical) {
    if (row.physAddr == LodRow::kNoPhys) return;
    lo = row.physAddr;
  }
  uint64_t hi = lo + row.size;
  bool live = row.unmapTs == LodRow::kLive;
  // Half-open lifetimes [map, unmap): a live one runs to the right edge.
  if (row.unmapTs <= v_.t0 || row.mapTs >= v_.t1 || hi <= v_.addrLo || lo >= v_.addrHi) return;
  ++seen_;
  const int w = v_.widthPx, h = v_.heightPx;
  int x0 = static_cast<int>(std::clamp(std::floor(px(row.mapTs, v_.t0, sx_)), 0.0, w - 1.0));
  int x1 = live ? w : static_cast<int>(std::clamp(std::ceil(px(row.unmapTs, v_.t0, sx_)), 0.0, double(w)));
  int y0 = static_cast<int>(std::clamp(std::floor(h - px(hi, v_.addrLo, sy_)), 0.0, h - 1.0));
  int y1 = static_cast<int>(std::clamp(std::ceil(h - px(lo, v_.addrLo, sy_)), 0.0, double(h)));
  x1 = std::max(x1, x0 + 1);
  y1 = std::max(y1, y0 + 1);

  if (static_cast<int64_t>(x1 - x0) * (y1 - y0) <= kSmallPx) {
    ensureGrid();
    uint8_t dir = static_cast<uint8_t>(std::clamp<int>(row.dir + 1, 0, 4));
    for (int y = y0; y < y1; ++y) {
      size_t base = static_cast<size_t>(y) * w;
      for (int x = x0; x < x1; ++x) {
        size_t i = base + x;
        // The smallest id represents the pixel: the first mapped.
        if (pixelDir_[i] == Frame::kEmpty || row.id < pixelMapping_[i]) {
          pixelMapping_[i] = row.id;
          pixelDir_[i] = dir;
        }
      }
    }
    ++pixelCount_[static_cast<size_t>(y0) * w + x0];
    return;
  }

  MapRect r;
  r.x0 = x0;
  r.x1 = x1;
  r.y0 = y0;
  r.y1 = y1;
  r.mapping = row.id;
  r.dir = row.dir;
  r.live = live;
  r.flags = row.flags;
  auto [it, inserted] = cells_.emplace(packExtent(x0, x1, y0, y1), rects_.size());
  if (inserted) {
    rects_.push_back(r);
    kinds_.push_back(row.kind);
    return;
  }
  MapRect &cell = rects_[it->second];
  uint32_t count = cell.count + 1;
  if (r.mapping < cell.mapping) {
    cell = r;
    kinds_[it->second] = row.kind;
  }
  cell.count = count;
}

void FrameBuilder::ensureGrid() {
  if (!pixelDir_.empty()) return;
  size_t n = static_cast<size_t>(v_.widthPx) * v_.heightPx;
  pixelMapping_.assign(n, 0);
  pixelDir_.assign(n, Frame::kEmpty);
  pixelCount_.assign(n, 0);
}

Frame FrameBuilder::take() {
  Frame f;
  f.viewport = v_;
  f.axis = axis_;
  f.mappings = seen_;
  std::vector<size_t> order(rects_.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return rects_[a].mapping < rects_[b].mapping; });
  f.rects.reserve(order.size());
  f.kinds.reserve(order.size());
  for (size_t i : order) {
    f.rects.push_back(rects_[i]);
    f.kinds.push_back(kinds_[i]);
  }
  f.pixelMapping = std::move(pixelMapping_);
  f.pixelDir = std::move(pixelDir_);
  f.pixelCount = std::move(pixelCount_);
  rects_.clear();
  kinds_.clear();
  cells_.clear();
  seen_ = 0;
  return f;
}

Frame buildFrame(store::RunReader &reader, int64_t device, const Viewport &viewport, AddressAxis axis,
                 const std::atomic<bool> *cancel) {
  FrameBuilder builder(viewport, axis);
  store::MappingWindow w;
  w.device = device;
  w.t0 = viewport.t0;
  w.t1 = viewport.t1;
  if (axis == AddressAxis::Device) {
    w.addrLo = viewport.addrLo;
    w.addrHi = viewport.addrHi;
  }  // physical: every device address; the builder filters on phys
  bool cancelled = false;
  bool ok = reader.forEachMappingInWindow(w, [&](const store::Mapping &m) {
    if (cancel && cancel->load(std::memory_order_relaxed)) {
      cancelled = true;
      return false;
    }
    builder.add(m);
    return true;
  });
  Frame f = builder.take();
  f.device = device;
  if (cancelled) {
    f.ok = false;
    f.error = "cancelled";
  } else if (!ok) {  // false only on a query error (an early stop is true)
    f.ok = false;
    f.error = reader.lastError();
  }
  return f;
}

PxRect reproject(const PxRect &r, const Viewport &from, const Viewport &to) {
  // Pixel -> value in `from`, value -> pixel in `to`: linear per axis.
  using LD = long double;
  auto mapX = [&](double x) {
    LD t = from.t0 + static_cast<LD>(x) / std::max(1, from.widthPx) * (static_cast<LD>(from.t1) - from.t0);
    return static_cast<double>((t - to.t0) * to.widthPx / (static_cast<LD>(to.t1) - to.t0));
  };
  auto mapY = [&](double y) {
    LD a = from.addrLo + (from.heightPx - static_cast<LD>(y)) / std::max(1, from.heightPx) *
                             (static_cast<LD>(from.addrHi) - from.addrLo);
    return static_cast<double>(to.heightPx - (a - to.addrLo) * to.heightPx / (static_cast<LD>(to.addrHi) - to.addrLo));
  };
  return {mapX(r.x0), mapY(r.y0), mapX(r.x1), mapY(r.y1)};
}

std::optional<size_t> hitTest(const std::vector<MapRect> &rects, double x, double y, int tolerancePx) {
  for (size_t i = rects.size(); i-- > 0;) {
    const auto &r = rects[i];
    if (x >= r.x0 && x < r.x1 && y >= r.y0 && y < r.y1) return i;
  }
  std::optional<size_t> best;
  double bestD = static_cast<double>(tolerancePx) + 0.5;
  for (size_t i = rects.size(); i-- > 0;) {
    const auto &r = rects[i];
    double dx = x < r.x0 ? r.x0 - x : (x >= r.x1 ? x - (r.x1 - 1) : 0);
    double dy = y < r.y0 ? r.y0 - y : (y >= r.y1 ? y - (r.y1 - 1) : 0);
    double d = std::max(dx, dy);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

namespace {

std::optional<int64_t> gridAt(const Frame &f, int x, int y) {
  const Viewport &v = f.viewport;
  if (f.pixelDir.empty() || x < 0 || y < 0 || x >= v.widthPx || y >= v.heightPx) return std::nullopt;
  size_t i = static_cast<size_t>(y) * v.widthPx + x;
  if (f.pixelDir[i] == Frame::kEmpty) return std::nullopt;
  return f.pixelMapping[i];
}

}  // namespace

std::optional<int64_t> hitTest(const Frame &f, double x, double y, int tolerancePx) {
  int px = static_cast<int>(std::floor(x)), py = static_cast<int>(std::floor(y));
  if (auto g = gridAt(f, px, py)) return g;
  if (auto i = hitTest(f.rects, x, y, 0)) return f.rects[*i].mapping;
  // Nearest grid pixel by rings of growing distance, then rectangles.
  for (int d = 1; d <= tolerancePx; ++d) {
    for (int dy = -d; dy <= d; ++dy) {
      for (int dx = -d; dx <= d; ++dx) {
        if (std::max(std::abs(dx), std::abs(dy)) != d) continue;
        if (auto g = gridAt(f, px + dx, py + dy)) return g;
      }
    }
  }
  if (auto i = hitTest(f.rects, x, y, tolerancePx)) return f.rects[*i].mapping;
  return std::nullopt;
}

uint32_t countAt(const Frame &f, double x, double y) {
  int px = static_cast<int>(std::floor(x)), py = static_cast<int>(std::floor(y));
  if (gridAt(f, px, py)) return std::max<uint32_t>(1, f.pixelCount[static_cast<size_t>(py) * f.viewport.widthPx + px]);
  if (auto i = hitTest(f.rects, x, y, 0)) return f.rects[*i].count;
  return 0;
}

}  // namespace dmacheck::gui
