// The fast path of a frame from memory: short-lived rows sorted by map time
// binned column by column, giving exactly the Frame that FrameBuilder::add()
// gives for the same rows (same occupied pixels, same representative -- the
// smallest id --, same counts and rectangles), at a fraction of the cost.
//
// Why it is exact: a row's first column x0 = floor(px(map)) is monotone in
// the map time, so the rows of column x are one index range of the sorted
// rows, found by search on the exact time where floor(px(t)) steps to x
// (computed with FrameBuilder::px(), so no rounding can differ). For each
// row only its two address pixels are computed (the column is known, and
// whether it reaches the next column is one comparison with the time where
// ceil(px(t)) passes x + 1); its pixels go to a buffer of 8 columns (a few
// thousand entries, in L1) merged into the grid once per 8 columns with the
// same min-id rule and counts -- stores only when the grid was empty, as
// nothing else writes it meanwhile. Rows too large for the grid, rows
// mapped before the window, live rows and rows with an empty lifetime take
// the general FrameBuilder::add(), after the sweep (the frame does not
// depend on the order). The two address pixels of a row are computed in
// the two lanes of SSE2 registers, with the same IEEE operations as px().
//
// The column buffer keeps one 32-bit key per pixel, (rank of the id) << 3
// | direction: the smallest key is the smallest id with its direction, so
// keeping a pixel's representative is one branch-free min (comparing ids
// and then choosing the direction was a conditional load the CPU
// mispredicted on every other row: the winners are random).
//
// Why it may use two threads: pixel columns are independent. A large frame
// is cut into chunks of columns holding about the same number of rows;
// the calling thread and one helper thread claim chunks until none is
// left. Each chunk writes only its own columns of the grid; what reaches
// past its last column (a lifetime spilling into the next chunk) and the
// rows for the general path are kept per chunk and applied by the caller
// afterwards. Pixel writes keep the minimum id and counts add up, so the
// result does not depend on which thread ran which chunk or in which
// order: it is the single-threaded frame. If the helper is busy (another
// frame is being swept) or slow to wake (a loaded machine), the caller
// simply runs the remaining chunks itself; it only ever waits for a chunk
// the helper has already started.
//
// Why not a precomputed pyramid of coarse bins (Perfetto's mipmaps): pixel
// boundaries move with every zoom, so a bin that straddles one cannot say
// which side its mappings are on; and at this density a column's occupied
// pixels are themselves fragmented (235 644 of 528 000 pixels, ~250 runs a
// column), so merged bins of a sub-column time range hold nearly as many
// address runs as rows. Exactness with coarse bins costs as much as the rows.
// See docs/dmaview.md, "Performance".
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "frame.h"

namespace dmacheck::gui {

class ColumnSweep {
 public:
  // Frames with at least this many rows in the window are swept on two
  // threads (about 0.5 ms of work on one core; waking the helper costs
  // tens of µs). Smaller frames never touch the helper.
  static constexpr size_t kParallelRows = 50000;

  // Indexes the rows (sorted by mapTs; the live ones and empty lifetimes
  // will take FrameBuilder::add()): the few fields the fast path reads, by
  // field and axis (52 bytes a row for both axes, plus 8 for the id by
  // rank), so that a whole-run frame streams 36 of them.
  void build(const std::vector<LodRow> &rows);
  size_t size() const { return unmap_.size(); }

  // Bins rows [begin, end) of the indexed `rows` (each with mapTs < the
  // viewport's t1, as the caller's window lookup gives them); those mapped
  // before t0 are passed to the builder as they are. On two threads when
  // end - begin >= parallelRows (tests lower it to check that path).
  void run(FrameBuilder &builder, const std::vector<LodRow> &rows, size_t begin, size_t end,
           size_t parallelRows = kParallelRows) const;

  // A row's address range on one axis: [lo, hi); {UINT64_MAX, 0} (outside
  // every viewport) when unknown or when the row is not for the fast path.
  struct Span {
    uint64_t lo, hi;
  };

 private:
  std::vector<uint64_t> map_, unmap_;    // ns
  std::vector<uint32_t> key_;            // rank of the id << 3 | direction (as in Frame::pixelDir)
  std::vector<int64_t> idByRank_;        // key >> 3 -> id
  std::vector<Span> dma_, phys_;         // per axis
  std::vector<size_t> general_;          // rows with an empty lifetime: always FrameBuilder::add()
  uint64_t maxSize_ = 0;                 // of the other rows, bytes
};
}  // namespace dmacheck::gui
