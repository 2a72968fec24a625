// The map rows of one device held in memory (LodRow, 56 bytes each), so
// that zooming and panning a run of a million mappings never goes back to
// SQLite: a whole-run frame streamed from the store's viewport query costs
// ~1 s on this machine, binned from memory (column_sweep.h) ~10 ms of CPU,
// on two threads when the machine has a core to spare (docs/dmaview.md,
// "Performance").
//
// Window lookup works as the store's viewport query does: rows live at most
// `bound` ns are kept sorted by map time and found by binary search on
// [t0 - bound, t1]; the longer-lived and still-live ones (rings, coherent
// buffers, leaks) sit in a second, small list scanned whole (for a frame:
// swept as the first from the window's start, the live ones and those
// mapped before it one by one). The bound is the 99th percentile of the
// device's lifetimes, so the second list stays around 1% of the rows
// whatever the workload.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "column_sweep.h"
#include "frame.h"

namespace dmacheck::gui {

class MappingCache {
 public:
  // A device with more rows than this is drawn straight from SQLite (224 MB
  // of rows, 464 MB with column_sweep's index, is the most the viewer
  // allows itself).
  static constexpr size_t kMaxRows = 4000000;

  // Loads every mapping of the device. False when cancelled, on a query
  // error (error says why) or past kMaxRows.
  bool load(store::RunReader &reader, int64_t device, const std::atomic<bool> *cancel, std::string &error);
  // Rows as they would come from the store, for tests and the bench.
  void assign(int64_t device, std::vector<LodRow> rows);

  int64_t device() const { return device_; }
  size_t size() const { return short_.size() + long_.size(); }
  size_t longLived() const { return long_.size(); }
  uint64_t bound() const { return bound_; }

  // Every row whose lifetime overlaps [t0, t1).
  template <typename Fn>
  void forEachInWindow(uint64_t t0, uint64_t t1, Fn &&fn) const {
    uint64_t from = t0 > bound_ ? t0 - bound_ : 0;
    auto it =
        std::lower_bound(short_.begin(), short_.end(), from, [](const LodRow &r, uint64_t t) { return r.mapTs < t; });
    for (; it != short_.end() && it->mapTs < t1; ++it)
      if (it->unmapTs > t0) fn(*it);
    for (const LodRow &r : long_)
      if (r.mapTs < t1 && r.unmapTs > t0) fn(r);
  }
  // The frame of a viewport; on two threads from ColumnSweep::kParallelRows
  // rows in the window (tests lower the threshold to check that path).
  Frame frame(const Viewport &viewport, AddressAxis axis, size_t parallelRows = ColumnSweep::kParallelRows) const;

 private:
  int64_t device_ = -1;
  uint64_t bound_ = 0;
  std::vector<LodRow> short_;  // by map time
  std::vector<LodRow> long_;  // by map time too
  ColumnSweep sweep_, longSweep_;  // short_ and long_ by field, for frames
};

}  // namespace dmacheck::gui
