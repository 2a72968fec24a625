#include "mapping_cache.h"

#include <algorithm>

#include "column_sweep.h"
#include "database.h"
#include "run_reader.h"

namespace dmacheck::gui {

bool MappingCache::load(store::RunReader &reader, int64_t device, const std::atomic<bool> *cancel, std::string &error) {
  // Plain SQL on the documented mappings columns rather than
  // forEachMappingInWindow(): the cache needs 9 of the 20 columns and no
  // order (assign() sorts), and the viewport query's UNION ... ORDER BY
  // sorts every row of the device first. Measured 2-3x faster on 1 M rows.
  std::vector<LodRow> rows;
  if (auto d = reader.device(device)) rows.reserve(std::min<size_t>(d->mappings, kMaxRows));
  //
  // `+device` keeps SQLite off the indexes: with the (device, dma_addr)
  // index it chose in schema 3 it visited the rows in address order, one
  // random page read each (3.9 s for 1 M rows, against 0.3 s for a plain
  // scan of the table, which is in id order). A scan also reads the other
  // devices' rows, but the device worth caching is usually most of the run.
  store::Statement s = reader.database().prepare(
      "SELECT id, map_ts, unmap_ts, dma_addr, phys_addr, size, flags, dir, kind FROM mappings WHERE +device = ?");
  if (!s.valid()) {
    error = reader.database().lastError();
    return false;
  }
  s.bindInt(1, device);
  while (s.step()) {
    if ((cancel && cancel->load(std::memory_order_relaxed)) || rows.size() >= kMaxRows) {
      error = rows.size() >= kMaxRows ? "too many mappings to cache" : "cancelled";
      return false;
    }
    LodRow r;
    r.id = s.columnInt(0);
    r.mapTs = s.columnU64(1);
    r.unmapTs = s.isNull(2) ? LodRow::kLive : s.columnU64(2);
    r.dmaAddr = s.columnU64(3);
    r.physAddr = s.isNull(4) ? LodRow::kNoPhys : s.columnU64(4);
    r.size = s.columnU64(5);
    r.flags = static_cast<uint32_t>(s.columnInt(6));
    r.dir = s.isNull(7) ? int8_t(-1) : static_cast<int8_t>(s.columnInt(7));
    r.kind = static_cast<store::MappingKind>(s.columnInt(8));
    rows.push_back(r);
  }
  if (!s.succeeded()) {
    error = reader.database().lastError();
    return false;
  }
  assign(device, std::move(rows));
  return true;
}

void MappingCache::assign(int64_t device, std::vector<LodRow> rows) {
  device_ = device;
  std::stable_sort(rows.begin(), rows.end(), [](const LodRow &a, const LodRow &b) { return a.mapTs < b.mapTs; });
  std::vector<uint64_t> lifetimes;
  lifetimes.reserve(rows.size());
  for (const LodRow &r : rows)
    if (r.unmapTs != LodRow::kLive) lifetimes.push_back(r.unmapTs - r.mapTs);
  bound_ = 0;
  if (!lifetimes.empty()) {
    auto p99 = lifetimes.begin() + static_cast<std::ptrdiff_t>(lifetimes.size() * 99 / 100);
    std::nth_element(lifetimes.begin(), p99, lifetimes.end());
    bound_ = *p99;
  }
  short_.clear();
  long_.clear();
  for (LodRow &r : rows) {
    if (r.unmapTs == LodRow::kLive || r.unmapTs - r.mapTs > bound_)
      long_.push_back(r);
    else
      short_.push_back(r);
  }
  short_.shrink_to_fit();
  sweep_.build(short_);
  longSweep_.build(long_);
}

Frame MappingCache::frame(const Viewport &viewport, AddressAxis axis, size_t parallelRows) const {
  FrameBuilder builder(viewport, axis);
  // The short rows that may overlap the window, in map order, column by
  // column; the long-lived ones too (any of them may overlap it: those
  // mapped before the window and the live ones go through
  // FrameBuilder::add(), the others are ~1% of the rows mapped in it, cut
  // at the 99th percentile, so mostly ordinary rows just over the bound:
  // 10 000 at a million rows, 1 ms one by one).
  uint64_t from = viewport.t0 > bound_ ? viewport.t0 - bound_ : 0;
  auto byMap = [](const LodRow &r, uint64_t t) { return r.mapTs < t; };
  auto lo = std::lower_bound(short_.begin(), short_.end(), from, byMap);
  auto hi = std::lower_bound(lo, short_.end(), viewport.t1, byMap);
  sweep_.run(builder, short_, lo - short_.begin(), hi - short_.begin(), parallelRows);
  auto longHi = std::lower_bound(long_.begin(), long_.end(), viewport.t1, byMap);
  longSweep_.run(builder, long_, 0, longHi - long_.begin(), parallelRows);
  Frame f = builder.take();
  f.device = device_;
  return f;
}

}  // namespace dmacheck::gui
