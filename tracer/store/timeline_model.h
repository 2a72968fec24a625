// The viewer's visual model without Qt (as KernelShark splits it): a
// viewport over (time x device address) of one device, the mapping
// rectangles in pixels with level of detail, and hit-testing.
//
// Level of detail: a mapping narrower and lower than kMinPx pixels is merged
// into the pixel cell of its top-left corner; the cell keeps one
// representative (the smallest id: the first mapped) and a count, so a frame
// never holds more rectangles than pixels however many mappings the window
// covers. Larger rectangles with the same pixel extent are merged the same
// way. rects() bins the rows as RunReader streams them (binning inside
// SQLite with GROUP BY measured 5x slower); layout() does the same for rows
// at hand.
//
// Times and addresses beyond 2^63 - 1 are clamped (SQLite integers are
// signed); no real mapping lives there.
//
// Axes: x grows with time; y grows downward from addrHi (higher addresses
// are drawn higher up, as in an address-space diagram).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "run_types.h"

namespace dmacheck::store {

class RunReader;

struct Viewport {
  uint64_t t0 = 0, t1 = 1;          // ns, [t0, t1)
  uint64_t addrLo = 0, addrHi = 1;  // device addresses, [addrLo, addrHi)
  int widthPx = 1, heightPx = 1;
};

struct TimelineRect {
  int x0 = 0, x1 = 0, y0 = 0, y1 = 0;  // pixels, half-open, clipped to the viewport
  int64_t mapping = 0;                  // representative mapping id
  uint32_t count = 1;                   // mappings merged into this rectangle
  int8_t dir = -1;                      // the representative's direction (colour)
  bool live = false;                    // representative still live at the end
  uint32_t flags = 0;                   // MappingFlag bits of the representative
};

class TimelineModel {
 public:
  static constexpr int kMinPx = 2;

  explicit TimelineModel(RunReader &reader) : reader_(reader) {}

  void setDevice(int64_t device);
  void setViewport(const Viewport &viewport);
  const Viewport &viewport() const { return viewport_; }
  // A viewport showing the whole run for the device (its address range,
  // padded to at least one page; the run's time range).
  Viewport fitDevice(const Device &device, int widthPx, int heightPx) const;
  // Zoom by factor (< 1 zooms in) keeping the time at pixel x in place.
  void zoomTime(double factor, int anchorX);
  void panTime(int dx);

  // Recomputed when the device or viewport changed. Empty on a query error
  // (reader.lastError() says why).
  const std::vector<TimelineRect> &rects();
  // The mapping drawn at pixel (x, y), the topmost (last drawn) first.
  std::optional<int64_t> hitTest(int x, int y);

  int timeToX(uint64_t t) const;
  uint64_t xToTime(int x) const;
  int addrToY(uint64_t addr) const;
  uint64_t yToAddr(int y) const;

  // The pure part, for tests and for callers that fetch rows themselves.
  static std::vector<TimelineRect> layout(const Viewport &viewport, const std::vector<Mapping> &mappings);

 private:
  RunReader &reader_;
  int64_t device_ = 0;
  Viewport viewport_;
  std::vector<TimelineRect> rects_;
  bool dirty_ = true;
};

}  // namespace dmacheck::store
