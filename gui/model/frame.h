// One frame of a map pane: the mappings of one device in one viewport, on
// the device-address axis (IOVA) or the physical one, reduced to what can
// be seen.
//
// Level of detail (as KernelShark's bins and Perfetto's mipmaps): a mapping
// whose rectangle covers at most kSmallPx pixels is not kept as a rectangle
// but rasterized into a per-pixel grid, each pixel keeping a representative
// (the smallest id: the first mapped) and its direction/kind; a count goes
// to the pixel of its top-left corner. Larger rectangles are kept, merged
// when their pixel extents are equal. So a frame holds at most one entry
// per pixel plus the few large rectangles, however many mappings the window
// covers, and the painter blits the grid as one image.
//
// Why not exact rectangles merged only under 2x2 px (the layout of the old
// store-side timeline model, since removed): over 1 M synthetic mappings a
// whole-run frame of 1100x480 px kept 479 021 rectangles (and 0.5 s in
// std::map), where the grid keeps one entry per pixel. The pixel arithmetic
// is view_transform.h's; from the in-memory cache, column_sweep.h computes
// the same frame column by column.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "run_types.h"
#include "view_transform.h"

namespace dmacheck::store {
class RunReader;
}

namespace dmacheck::gui {

enum class AddressAxis { Device, Physical };

// The few fields of a mapping the map needs (56 bytes, vs ~200 for
// store::Mapping): what the in-memory cache of a device holds.
struct LodRow {
  int64_t id = 0;
  uint64_t mapTs = 0;
  uint64_t unmapTs = kLive;  // kLive: still live at the end
  uint64_t dmaAddr = 0;
  uint64_t physAddr = kNoPhys;
  uint64_t size = 0;
  uint32_t flags = 0;
  int8_t dir = -1;
  store::MappingKind kind = store::MappingKind::Page;

  static constexpr uint64_t kLive = UINT64_MAX;
  static constexpr uint64_t kNoPhys = UINT64_MAX;
  static LodRow of(const store::Mapping &m);
};

// A mapping's rectangle in pixels (or several merged: same pixel extent).
struct MapRect {
  int x0 = 0, x1 = 0, y0 = 0, y1 = 0;  // pixels, half-open, clipped to the viewport
  int64_t mapping = 0;                  // representative: the smallest id
  uint32_t count = 1;                   // mappings merged into this rectangle
  int8_t dir = -1;                      // the representative's direction (colour)
  bool live = false;                    // representative still live at the end
  uint32_t flags = 0;                   // MappingFlag bits of the representative
};

struct Frame {
  static constexpr uint8_t kEmpty = 0xff;

  Viewport viewport;
  AddressAxis axis = AddressAxis::Device;
  int64_t device = 0;
  // Large rectangles, by representative id (draw order), and their kinds.
  std::vector<MapRect> rects;
  std::vector<store::MappingKind> kinds;
  // The pixel grid (widthPx x heightPx, row-major) of small mappings; empty
  // vectors when there were none. pixelDir is kEmpty where nothing is.
  std::vector<int64_t> pixelMapping;
  std::vector<uint8_t> pixelDir;  // dir + 1 (0..4)
  std::vector<uint32_t> pixelCount;
  uint64_t mappings = 0;  // rows in the window
  bool ok = true;
  std::string error;

  size_t occupiedPixels() const;
};

class FrameBuilder {
 public:
  static constexpr int kSmallPx = 16;  // area in pixels at or under which a mapping goes to the grid

  FrameBuilder(const Viewport &viewport, AddressAxis axis);
  // Rows outside the viewport are ignored; on the physical axis rows
  // without a known physical address are too.
  void add(const LodRow &row);
  void add(const store::Mapping &m) { add(LodRow::of(m)); }
  Frame take();

  // Pixel = (value - origin) * scale in double: per-row long double
  // division costed half the whole-run frame; doubles keep far more than
  // the 16 bits a pixel position needs. The difference goes through int64
  // (one instruction; unsigned 64 -> double is a branchy sequence): times
  // and addresses are below 2^63 (SQLite integers), so it is exact. Public
  // (and static) so that column_sweep.cpp computes with this very function.
  static double px(uint64_t v, uint64_t origin, double scale) {
    return static_cast<double>(static_cast<int64_t>(v - origin)) * scale;
  }

 private:
  friend class ColumnSweep;  // column_sweep.h: the same arithmetic, by column

  void ensureGrid();

  Viewport v_;
  AddressAxis axis_;
  double sx_ = 1, sy_ = 1;
  uint64_t seen_ = 0;
  std::vector<MapRect> rects_;
  std::vector<store::MappingKind> kinds_;
  std::unordered_map<uint64_t, size_t> cells_;  // packed pixel extent -> index in rects_
  std::vector<int64_t> pixelMapping_;
  std::vector<uint8_t> pixelDir_;
  std::vector<uint32_t> pixelCount_;
};

// Streams the device's mappings overlapping the viewport from the reader.
// `cancel` (may be null) is polled per row: a newer request makes the
// frame moot, and a whole-run scan should not finish for nothing.
Frame buildFrame(store::RunReader &reader, int64_t device, const Viewport &viewport, AddressAxis axis,
                 const std::atomic<bool> *cancel = nullptr);

// A frame's rectangle moved to another viewport (sub-pixel doubles): while
// the query of the new viewport runs, the pane shows the old frame
// stretched, so zoom and pan respond at once.
struct PxRect {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};
PxRect reproject(const PxRect &r, const Viewport &from, const Viewport &to);
inline PxRect reproject(const MapRect &r, const Viewport &from, const Viewport &to) {
  return reproject(PxRect{double(r.x0), double(r.y0), double(r.x1), double(r.y1)}, from, to);
}

// Index of the rectangle under (x, y): the topmost (last drawn) that
// contains it, else the nearest within tolerancePx (1-pixel slivers of a
// zoomed-out frame are hard to hit exactly).
std::optional<size_t> hitTest(const std::vector<MapRect> &rects, double x, double y, int tolerancePx = 3);
// The mapping under (x, y) in a frame: a grid pixel (small mappings are
// drawn on top) or a large rectangle, exactly, then within tolerancePx.
std::optional<int64_t> hitTest(const Frame &frame, double x, double y, int tolerancePx = 3);
// How many mappings the hit stands for (a pixel's or a rectangle's count).
uint32_t countAt(const Frame &frame, double x, double y);

}  // namespace dmacheck::gui
