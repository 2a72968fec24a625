// The fast path of a frame from memory: short-lived rows sorted by map time
// binned column by column, giving exactly the Frame that FrameBuilder::add()
// gives for the same rows (same occupied pixels, same representative -- the
// smallest id --, same counts and rectangles), at a fraction of the cost.
//
// Why it is exact: a row's first column x0 = floor(px(map)) is monotone in
// the map time, so the rows of column x are one index range of the sorted
// rows, found by binary search on the exact time where floor(px(t)) steps to
// x (computed with FrameBuilder's own px(), so no rounding can differ). For
// each row only its two address pixels are computed (the column is known,
// and whether it reaches the next column is one comparison with the time
// where ceil(px(t)) passes x + 1); its pixels in column x go to a column
// buffer (a few hundred entries, in L1) merged into the grid once per column
// with the same min-id rule and counts. Rows too large for the grid, rows
// mapped before the window and rows with an empty lifetime take the general
// FrameBuilder::add(). The rows are read from a copy by field (33 bytes a
// row for one axis instead of a 56-byte LodRow): at a million rows the
// frame is bound by that memory stream.
//
// Why not a precomputed pyramid of coarse bins (Perfetto's mipmaps): pixel
// boundaries move with every zoom, so a bin that straddles one cannot say
// which side its mappings are on; and at this density a column's occupied
// pixels are themselves fragmented (235 644 of 528 000 pixels, ~250 runs a
// column), so merged bins of a sub-column time range hold nearly as many
// address runs as rows. Exactness with coarse bins costs as much as the rows.
// See docs/dmaview.md, "Performance".
#pragma once

#include <vector>

#include "frame.h"

namespace dmacheck::gui {

class ColumnSweep {
 public:
  // Indexes the rows (sorted by mapTs, none live): the few fields the fast
  // path reads, by field and by axis (49 bytes a row for both axes), so a
  // whole-run frame streams 33 of them instead of 56-byte LodRows.
  void build(const std::vector<LodRow> &rows);
  size_t size() const { return unmap_.size(); }

  // Bins rows [begin, end) of the indexed `rows` (each with mapTs < the
  // viewport's t1, as the caller's window lookup gives them); those mapped
  // before t0 are passed to the builder as they are.
  void run(FrameBuilder &builder, const std::vector<LodRow> &rows, size_t begin, size_t end) const;

 private:
  std::vector<uint64_t> unmap_;  // UINT64_MAX for an empty lifetime: never the fast path
  std::vector<int64_t> id_;
  std::vector<uint8_t> dir_;              // as in Frame::pixelDir
  std::vector<uint64_t> dmaLo_, dmaHi_;   // [lo, hi) on the IOVA axis
  std::vector<uint64_t> physLo_, physHi_; // lo > hi when the physical address is unknown
};
}  // namespace dmacheck::gui
