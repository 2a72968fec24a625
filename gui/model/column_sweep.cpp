#include "column_sweep.h"

#include <algorithm>
#include <cmath>

namespace dmacheck::gui {
namespace {

// The smallest t in [lo, hi) for which pred(t) holds (pred monotone,
// false then true), or hi when none does.
template <typename Pred>
uint64_t firstTrue(uint64_t lo, uint64_t hi, Pred pred) {
  while (lo < hi) {
    uint64_t mid = lo + (hi - lo) / 2;
    if (pred(mid))
      hi = mid;
    else
      lo = mid + 1;
  }
  return lo;
}

// int(clamp(floor(v), 0, max)) and int(clamp(ceil(v), 0, max)) without
// libm calls or branches (no SSE4.1 rounding in the default build): the
// same integers for every double but NaN, which px() never gives.
int floorClamp(double v, int max) { return static_cast<int>(std::min(std::max(v, 0.0), double(max))); }
int ceilClamp(double v, int max) {
  double c = std::min(std::max(v, 0.0), double(max));
  int t = static_cast<int>(c);
  return t + (t < c);
}

}  // namespace

void ColumnSweep::build(const std::vector<LodRow> &rows) {
  size_t n = rows.size();
  unmap_.resize(n);
  id_.resize(n);
  dir_.resize(n);
  dmaLo_.resize(n);
  dmaHi_.resize(n);
  physLo_.resize(n);
  physHi_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const LodRow &r = rows[i];
    unmap_[i] = r.unmapTs > r.mapTs ? r.unmapTs : UINT64_MAX;
    id_[i] = r.id;
    dir_[i] = static_cast<uint8_t>(std::clamp<int>(r.dir + 1, 0, 4));
    dmaLo_[i] = r.dmaAddr;
    dmaHi_[i] = r.dmaAddr + r.size;
    bool phys = r.physAddr != LodRow::kNoPhys;
    physLo_[i] = phys ? r.physAddr : UINT64_MAX;  // fails both address tests
    physHi_[i] = phys ? r.physAddr + r.size : 0;
  }
}

void ColumnSweep::run(FrameBuilder &b, const std::vector<LodRow> &rows, size_t begin, size_t end) const {
  const Viewport &v = b.v_;
  const int w = v.widthPx, h = v.heightPx;
  const bool phys = b.axis_ == AddressAxis::Physical;
  const uint64_t *los = phys ? physLo_.data() : dmaLo_.data();
  const uint64_t *his = phys ? physHi_.data() : dmaHi_.data();
  auto mappedBefore = [&](size_t i, uint64_t t) { return rows[i].mapTs < t; };
  auto lowerBound = [&](size_t from, size_t to, uint64_t t) {
    while (from < to) {
      size_t mid = from + (to - from) / 2;
      if (mappedBefore(mid, t))
        from = mid + 1;
      else
        to = mid;
    }
    return from;
  };

  size_t first = lowerBound(begin, end, v.t0);
  size_t last = lowerBound(first, end, v.t1);
  for (size_t i = begin; i < first; ++i) b.add(rows[i]);  // clipped at the left edge: general path
  if (first == last) return;

  // Exactly the column arithmetic of FrameBuilder::add().
  auto firstColumn = [&](uint64_t t) {
    return static_cast<int>(std::clamp(std::floor(b.px(t, v.t0, b.sx_)), 0.0, w - 1.0));
  };
  auto endColumn = [&](uint64_t t) {
    return static_cast<int>(std::clamp(std::ceil(b.px(t, v.t0, b.sx_)), 0.0, double(w)));
  };

  // The column buffer: kNone where nothing is yet, so that keeping the
  // smallest id is one branch-free min (pixels' winners are random).
  constexpr int64_t kNone = INT64_MAX;
  // One slot more than the column: a scratch target that keeps the common
  // 1-2 pixel high rows free of a loop whose trip count mispredicts.
  std::vector<int64_t> colRepBuf(h + 1, kNone);
  std::vector<uint8_t> colDirBuf(h + 1, Frame::kEmpty);
  std::vector<uint32_t> colCountBuf(h, 0);
  // Locals, not members: the compiler cannot prove the buffers' stores
  // leave the builder's fields alone and would reload them every row.
  int64_t *colRep = colRepBuf.data();
  uint8_t *colDir = colDirBuf.data();
  uint32_t *colCount = colCountBuf.data();
  const uint64_t *unmaps = unmap_.data();
  const int64_t *ids = id_.data();
  const uint8_t *dirs = dir_.data();
  const uint64_t addrLo = v.addrLo, addrHi = v.addrHi;
  const double sy = b.sy_;
  uint64_t seen = 0;
  size_t i = first;
  uint64_t columnStart = v.t0;
  for (int x = 0; x < w && i < last; ++x) {
    // Rows of this column: mapped in [columnStart, next); they cover this
    // column only while unmapped before `crossing`; the others also cover
    // the columns up to endColumn(unmap).
    uint64_t next = x + 1 < w ? firstTrue(columnStart, v.t1, [&](uint64_t t) { return firstColumn(t) > x; }) : v.t1;
    uint64_t crossing =
        x + 1 < w ? firstTrue(columnStart, v.t1, [&](uint64_t t) { return endColumn(t) > x + 1; }) : UINT64_MAX;
    size_t columnEnd = lowerBound(i, last, next);
    int yMin = h, yMax = -1;
    for (; i < columnEnd; ++i) {
      uint64_t unmap = unmaps[i];
      if (unmap == UINT64_MAX) {
        b.add(rows[i]);  // empty in time: the general path
        continue;
      }
      uint64_t lo = los[i], hi = his[i];
      if (hi <= addrLo || lo >= addrHi) continue;
      int y0 = floorClamp(h - b.px(hi, addrLo, sy), h - 1);
      int y1 = ceilClamp(h - b.px(lo, addrLo, sy), h);
      y1 = std::max(y1, y0 + 1);
      int x1 = x + 1;
      if (unmap >= crossing) x1 = std::max(endColumn(unmap), x + 1);
      if (static_cast<int64_t>(x1 - x) * (y1 - y0) > FrameBuilder::kSmallPx) {
        b.add(rows[i]);  // a rectangle
        continue;
      }
      if (x1 > x + 1) {
        // Into the next column or two: those pixels straight into the grid.
        b.ensureGrid();
        uint8_t dir = dirs[i];
        int64_t id = ids[i];
        for (int y = y0; y < y1; ++y) {
          for (int xx = x + 1; xx < x1; ++xx) {
            size_t p = static_cast<size_t>(y) * w + xx;
            if (b.pixelDir_[p] == Frame::kEmpty || id < b.pixelMapping_[p]) {
              b.pixelMapping_[p] = id;
              b.pixelDir_[p] = dir;
            }
          }
        }
      }
      ++seen;
      int64_t id = ids[i];
      uint8_t dir = dirs[i];
      auto keep = [&](int y) {
        bool wins = id < colRep[y];
        colRep[y] = wins ? id : colRep[y];
        colDir[y] = wins ? dir : colDir[y];
      };
      if (y1 - y0 <= 2) {
        keep(y0);
        keep(y1 - y0 == 2 ? y0 + 1 : h);
      } else {
        for (int y = y0; y < y1; ++y) keep(y);
      }
      ++colCount[y0];
      yMin = std::min(yMin, y0);
      yMax = std::max(yMax, y1 - 1);
    }
    columnStart = next;
    if (yMax < 0) continue;
    b.ensureGrid();
    for (int y = yMin; y <= yMax; ++y) {
      if (colRep[y] == kNone) continue;
      size_t p = static_cast<size_t>(y) * w + x;
      if (b.pixelDir_[p] == Frame::kEmpty || colRep[y] < b.pixelMapping_[p]) {
        b.pixelMapping_[p] = colRep[y];
        b.pixelDir_[p] = colDir[y];
      }
      b.pixelCount_[p] += colCount[y];
      colRep[y] = kNone;
      colCount[y] = 0;
    }
  }
  b.seen_ += seen;
}

}  // namespace dmacheck::gui
