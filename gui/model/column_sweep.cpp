#include "column_sweep.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <numeric>
#include <system_error>
#include <thread>

#include <time.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dmacheck::gui {
namespace {

constexpr uint32_t kNoKey = UINT32_MAX;
// Keys are rank << 3 | dir in 32 bits: up to 2^29 rows (the cache holds at
// most MappingCache::kMaxRows = 4 M); beyond, every row takes the general path.
constexpr size_t kMaxKeyedRows = size_t(1) << 29;
// Chunks of a two-thread frame: enough that a helper waking late, or a
// burst of rows in a few columns, still leaves both threads busy to the end.
constexpr int kChunks = 32;
// Large frames swept alone after one where the two threads shared a core:
// on a loaded machine (with autogroup scheduling, one busy session
// elsewhere leaves this process a single core) the helper gains nothing,
// and preempted in a chunk it holds the frame for a timeslice. One frame
// in 17 tries again.
constexpr int kHelperBackoff = 16;

// CPU time of the calling thread, ns.
int64_t threadCpuNs() {
  timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec;
}

// ---------------------------------------------------------------------------
// Searches

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

// The same, galloping out from a guess: a column boundary computed in
// double is within a few ns of the exact one, so this takes ~5 evaluations
// of pred where bisecting the whole window took 64 (0.7 ms a frame).
template <typename Pred>
uint64_t firstTrueNear(uint64_t lo, uint64_t hi, uint64_t guess, Pred pred) {
  if (lo >= hi) return hi;
  guess = std::clamp(guess, lo, hi - 1);
  uint64_t a = lo, b = hi;  // the answer is in [a, b]; pred(b) when b < hi
  if (pred(guess)) {
    b = guess;
    for (uint64_t step = 1;; step *= 2) {
      if (b - lo <= step) break;  // a = lo
      uint64_t t = b - step;
      if (!pred(t)) {
        a = t + 1;
        break;
      }
      b = t;
    }
  } else {
    a = guess + 1;
    for (uint64_t step = 1;; step *= 2) {
      if (hi - a <= step) break;  // b = hi
      uint64_t t = a + step;
      if (pred(t)) {
        b = t;
        break;
      }
      a = t + 1;
    }
  }
  return firstTrue(a, b, pred);
}

// ---------------------------------------------------------------------------
// Pixel arithmetic, branch-free

// clamp(v, 0, max) with minsd/maxsd: std::clamp compiled to two
// conditional jumps here.
double clampD(double v, double max) {
#if defined(__SSE2__)
  return _mm_cvtsd_f64(_mm_min_sd(_mm_max_sd(_mm_set_sd(v), _mm_setzero_pd()), _mm_set_sd(max)));
#else
  return std::min(std::max(v, 0.0), max);
#endif
}
// int(clamp(floor(v), 0, max)) and int(clamp(ceil(v), 0, max)) without
// libm calls (no SSE4.1 rounding in the default build): the same integers
// for every double but NaN, which px() never gives.
int floorClamp(double v, int max) { return static_cast<int>(clampD(v, max)); }
int ceilClamp(double v, int max) {
  double c = clampD(v, max);
  int t = static_cast<int>(c);
  return t + (t < c);
}

// A row's pixel rows [y0, y1) (before y1 = max(y1, y0 + 1)) from its
// address span: y0 = floorClamp(h - px(hi)), y1 = ceilClamp(h - px(lo)),
// both at once in the two lanes of SSE2 registers (half the instructions
// of the row loop were these two conversions). The same IEEE operations
// as FrameBuilder::px() and the scalar helpers, lane by lane; only the
// int64 -> double conversion differs in form: adding the bits of 1.5 *
// 2^52 and subtracting 1.5 * 2^52 is exact for |d| < 2^51, as cvtsi2sd
// is, so the caller checks that every difference is in that range.
struct RowPixels {
  int h = 0;
  double sy = 1;
  uint64_t origin = 0;
#if defined(__SSE2__)
  __m128i originV, magicI, ceilLane;
  __m128d magicD, scaleV, hV, maxV;
  void init() {
    originV = _mm_set1_epi64x(static_cast<long long>(origin));
    magicI = _mm_set1_epi64x(0x4338000000000000LL);
    magicD = _mm_set1_pd(0x1.8p52);
    scaleV = _mm_set1_pd(sy);
    hV = _mm_set1_pd(h);
    maxV = _mm_set_pd(h - 1.0, h);        // lanes: {lo, hi}
    ceilLane = _mm_set_epi32(0, 0, 0, -1);  // int32 lane 0 (lo) rounds up
  }
  void operator()(const ColumnSweep::Span &span, int &y0, int &y1) const {
    static_assert(sizeof(ColumnSweep::Span) == 16 && offsetof(ColumnSweep::Span, hi) == 8, "lanes {lo, hi}");
    __m128i d = _mm_sub_epi64(_mm_loadu_si128(reinterpret_cast<const __m128i *>(&span)), originV);
    __m128d dd = _mm_sub_pd(_mm_castsi128_pd(_mm_add_epi64(d, magicI)), magicD);
    __m128d v = _mm_sub_pd(hV, _mm_mul_pd(dd, scaleV));
    v = _mm_min_pd(_mm_max_pd(v, _mm_setzero_pd()), maxV);
    __m128i t = _mm_cvttpd_epi32(v);  // int32 lanes {trunc lo, trunc hi, 0, 0}
    __m128i up = _mm_castpd_si128(_mm_cmplt_pd(_mm_cvtepi32_pd(t), v));
    up = _mm_and_si128(_mm_shuffle_epi32(up, _MM_SHUFFLE(3, 3, 2, 0)), ceilLane);
    t = _mm_sub_epi32(t, up);  // + 1 where lo's value was above its truncation
    y1 = _mm_cvtsi128_si32(t);
    y0 = _mm_cvtsi128_si32(_mm_srli_si128(t, 4));
  }
#else
  void init() {}
  void operator()(const ColumnSweep::Span &span, int &y0, int &y1) const {
    y0 = floorClamp(h - FrameBuilder::px(span.hi, origin, sy), h - 1);
    y1 = ceilClamp(h - FrameBuilder::px(span.lo, origin, sy), h);
  }
#endif
};

// ---------------------------------------------------------------------------
// One frame's sweep, shared by the threads

struct Chunk {
  int x0 = 0, x1 = 0;        // columns [x0, x1)
  uint64_t tStart = 0;       // the first time whose column is >= x0
  size_t row0 = 0, row1 = 0; // its rows, by map time
};

// A row's pixels past its column's block (or chunk), written into the grid
// after the chunks.
struct Spill {
  int x0, x1, y0, y1;
  uint32_t key;
};

struct ChunkOut {
  std::vector<size_t> general;  // rows for FrameBuilder::add()
  std::vector<Spill> spills;
  uint64_t seen = 0;
  bool gridUsed = false;
};

// A thread's column buffers, for a block of kBlock columns, [y][column]:
// the block is merged into the (row-major) grid row by row, kBlock pixels
// at a time, rather than one pixel per grid row and column (a cache line
// of each of the three grid arrays per pixel: a quarter of the sweep).
constexpr int kBlock = 8;
struct Scratch {
  std::vector<uint32_t> key;    // kNoKey where nothing is yet
  std::vector<uint32_t> count;  // mappings whose top-left pixel it is
  void reset(int h) {
    key.assign(static_cast<size_t>(h) * kBlock, kNoKey);
    count.assign(static_cast<size_t>(h) * kBlock, 0);
  }
};

struct Pass {
  // Viewport, as FrameBuilder normalised it.
  int w = 0, h = 0;
  uint64_t t0 = 0, t1 = 0, addrLo = 0, addrHi = 0;
  double sx = 1, sy = 1;
  bool fastPixels = false;  // RowPixels' conversion is exact for every row of the window
  // The grid was empty when the chunks started and nothing but them writes
  // it until they are done: a block's merge stores without comparing.
  bool fresh = false;
  // Rows.
  const uint64_t *mapTs = nullptr;
  const uint64_t *unmap = nullptr;
  const uint32_t *keys = nullptr;
  const int64_t *idByRank = nullptr;
  const ColumnSweep::Span *spans = nullptr;  // of the frame's axis
  // The grid: allocated before the chunks run when there are several (never
  // by two threads); for a single one, by its first merged block, as
  // FrameBuilder only allocates it for a small mapping (7 MB to clear at
  // 1100x480 px, a third of a small frame's time).
  int64_t *gridMapping = nullptr;
  uint8_t *gridDir = nullptr;
  uint32_t *gridCount = nullptr;
  std::function<void()> allocateGrid;

  // Exactly the column arithmetic of FrameBuilder::add().
  int firstColumn(uint64_t t) const {
    return static_cast<int>(std::clamp(std::floor(FrameBuilder::px(t, t0, sx)), 0.0, w - 1.0));
  }
  int endColumn(uint64_t t) const {
    return static_cast<int>(std::clamp(std::ceil(FrameBuilder::px(t, t0, sx)), 0.0, double(w)));
  }
  // About where column x begins (a guess for firstTrueNear).
  uint64_t columnGuess(int x) const {
    double d = std::min(x / sx, static_cast<double>(t1 - t0));
    return t0 + static_cast<uint64_t>(d);
  }
  // The first time >= from whose column is > x (t1 when none).
  uint64_t columnAfter(uint64_t from, int x) const {
    return firstTrueNear(from, t1, columnGuess(x + 1), [&](uint64_t t) { return firstColumn(t) > x; });
  }
  // The first row in [from, to) mapped at or after t.
  size_t lowerBound(size_t from, size_t to, uint64_t t) const {
    return std::lower_bound(mapTs + from, mapTs + to, t) - mapTs;
  }
  // The same, galloping out from a guess (a column's end is near the
  // previous column's row count further): a few probes in one or two
  // cache lines where bisecting the chunk missed the cache ~15 times.
  size_t lowerBoundNear(size_t from, size_t to, size_t guess, uint64_t t) const {
    return firstTrueNear(from, to, guess, [&](uint64_t r) { return mapTs[r] >= t; });
  }
  // The smallest id wins the pixel (FrameBuilder::add()'s rule).
  void writePixel(size_t p, uint32_t cell) const {
    int64_t id = idByRank[cell >> 3];
    if (gridDir[p] == Frame::kEmpty || id < gridMapping[p]) {
      gridMapping[p] = id;
      gridDir[p] = static_cast<uint8_t>(cell & 7);
    }
  }
  void writeSpill(const Spill &s) const {
    for (int y = s.y0; y < s.y1; ++y)
      for (int x = s.x0; x < s.x1; ++x) writePixel(static_cast<size_t>(y) * w + x, s.key);
  }

  void sweep(const Chunk &c, Scratch &scratch, ChunkOut &out) const;
};

// The rows of one chunk, column by column. Kept free of calls and of
// branches the CPU cannot predict on the common row (one or two pixels
// high, inside its column); the others take rowSlow().
void Pass::sweep(const Chunk &c, Scratch &scratch, ChunkOut &out) const {
  // Locals, not members: the compiler cannot prove the buffers' stores
  // leave *this alone and would reload them every row.
  uint32_t *const blockKey = scratch.key.data();
  uint32_t *const blockCount = scratch.count.data();
  const ColumnSweep::Span *spans = this->spans;
  const uint64_t *unmaps = unmap;
  const uint32_t *keys = this->keys;
  const uint64_t lo0 = addrLo, hi0 = addrHi;
  const double ysc = sy;
  RowPixels pixels;
  pixels.h = h;
  pixels.sy = sy;
  pixels.origin = addrLo;
  pixels.init();
  const int hh = h;
  uint64_t seen = 0;
  bool gridUsed = false;

  // Pixel (x, y) of the block starting at column bx is blockKey[y * kBlock
  // + x - bx]. The helpers take and return what they change, so that the
  // row loop's counters stay in registers.
  //
  // A row that reaches past its column, or is more than two pixels high:
  // false for a rectangle (left for the general path).
  auto rowSlow = [&](size_t i, int x, int bx, uint32_t *colKey, uint32_t *colCount, int y0, int y1,
                     uint64_t crossing) {
    int x1 = x + 1;
    if (unmaps[i] >= crossing) x1 = std::max(endColumn(unmaps[i]), x + 1);
    if (static_cast<int64_t>(x1 - x) * (y1 - y0) > FrameBuilder::kSmallPx) {
      out.general.push_back(i);
      return false;
    }
    uint32_t k = keys[i];
    if (x1 > x + 1) {
      // Into the next column or two: into the block's buffer where they
      // are this block's (and chunk's) columns, else into the grid after
      // the chunks.
      int own = std::min({x1, bx + kBlock, c.x1});
      for (int y = y0; y < y1; ++y)
        for (int xx = x + 1; xx < own; ++xx) {
          uint32_t &cell = colKey[y * kBlock + xx - x];
          cell = std::min(cell, k);
        }
      if (x1 > own) out.spills.push_back(Spill{own, x1, y0, y1, k});
    }
    for (int y = y0; y < y1; ++y) colKey[y * kBlock] = std::min(colKey[y * kBlock], k);
    ++colCount[y0 * kBlock];
    return true;
  };
  // The block's pixels (rows yMin..yMax) into the grid, kBlock columns of
  // a grid row at once.
  auto mergeBlock = [&](int bx, int nx, int yMin, int yMax) {
    if (!gridMapping) allocateGrid();
    for (int y = yMin; y <= yMax; ++y) {
      uint32_t *k = blockKey + static_cast<size_t>(y) * kBlock;
      uint32_t *n = blockCount + static_cast<size_t>(y) * kBlock;
      size_t p = static_cast<size_t>(y) * w + bx;
      if (fresh) {
        // Nothing else has written these pixels: stores only, no reads of
        // the grid (which missed the cache: a fifth of the sweep).
        for (int dx = 0; dx < nx; ++dx) {
          uint32_t cell = k[dx];
          bool any = cell != kNoKey;
          gridMapping[p + dx] = any ? idByRank[cell >> 3] : 0;
          gridDir[p + dx] = any ? static_cast<uint8_t>(cell & 7) : Frame::kEmpty;
          gridCount[p + dx] = n[dx];
          k[dx] = kNoKey;
          n[dx] = 0;
        }
        continue;
      }
      // Branch-free: a block's pixels are occupied at random (45-80% at
      // a million rows), which the CPU mispredicts. An empty one writes
      // the grid's own values back.
      for (int dx = 0; dx < nx; ++dx) {
        uint32_t cell = k[dx];
        bool any = cell != kNoKey;
        int64_t id = idByRank[any ? cell >> 3 : 0];
        int64_t was = gridMapping[p + dx];
        uint8_t dir = gridDir[p + dx];
        bool wins = any & ((dir == Frame::kEmpty) | (id < was));
        gridMapping[p + dx] = wins ? id : was;
        gridDir[p + dx] = wins ? static_cast<uint8_t>(cell & 7) : dir;
        gridCount[p + dx] += n[dx];
        k[dx] = kNoKey;
        n[dx] = 0;
      }
    }
  };

  size_t i = c.row0;
  uint64_t columnStart = c.tStart;
  size_t lastColumnRows = 0;
  int bx = c.x0;             // the block's first column
  int yMin = hh, yMax = -1;  // rows of the block with something
  for (int x = c.x0; x < c.x1 && i < c.row1; ++x) {
    if (x - bx == kBlock) {
      if (yMax >= 0) mergeBlock(bx, kBlock, yMin, yMax), gridUsed = true;
      bx = x;
      yMin = hh;
      yMax = -1;
    }
    uint32_t *colKey = blockKey + (x - bx);
    uint32_t *colCount = blockCount + (x - bx);
    // Rows of this column: mapped in [columnStart, next); they cover this
    // column only while unmapped before `crossing`; the others also cover
    // the columns up to endColumn(unmap).
    uint64_t next = x + 1 < w ? columnAfter(columnStart, x) : t1;
    uint64_t crossing = x + 1 < w ? firstTrueNear(columnStart, t1, columnGuess(x + 1),
                                                  [&](uint64_t t) { return endColumn(t) > x + 1; })
                                  : UINT64_MAX;
    // Columns hold about as many rows as the one before.
    size_t columnEnd = x + 1 == c.x1 ? c.row1 : lowerBoundNear(i, c.row1, i + lastColumnRows, next);
    lastColumnRows = columnEnd - i;
    // The ids the block's merge will look up: with ids in map order (as
    // the store numbers them) a rank is a row index, so these are the ids
    // of this column's rows. Fetched while the rows are binned: the merge
    // looks them up in pixel order, a cache miss each otherwise.
    for (size_t r = i; r < columnEnd; r += 64 / sizeof(int64_t)) __builtin_prefetch(idByRank + r);
    for (; i < columnEnd; ++i) {
      const uint64_t lo = spans[i].lo, hi = spans[i].hi;
      if (hi <= lo0 || lo >= hi0) continue;
      int y0, y1;
      if (fastPixels) {
        pixels(spans[i], y0, y1);
      } else {
        y0 = floorClamp(hh - FrameBuilder::px(hi, lo0, ysc), hh - 1);
        y1 = ceilClamp(hh - FrameBuilder::px(lo, lo0, ysc), hh);
      }
      y1 = std::max(y1, y0 + 1);
      if (unmaps[i] >= crossing || y1 - y0 > 2) {
        if (!rowSlow(i, x, bx, colKey, colCount, y0, y1, crossing)) continue;
        ++seen;
        yMin = std::min(yMin, y0);
        yMax = std::max(yMax, y1 - 1);
        continue;
      }
      // One or two pixels, without a branch on the height: y2 is y0 again
      // for a one-pixel row. Both loads before both stores, so that the
      // second load never waits for the first store.
      uint32_t k = keys[i];
      int y2 = y1 - y0 == 2 ? y0 + 1 : y0;
      uint32_t a = colKey[y0 * kBlock], b = colKey[y2 * kBlock];
      colKey[y0 * kBlock] = std::min(a, k);
      colKey[y2 * kBlock] = std::min(b, k);
      ++colCount[y0 * kBlock];
      yMin = std::min(yMin, y0);
      yMax = std::max(yMax, y2);
      ++seen;
    }
    columnStart = next;
  }
  if (yMax >= 0) mergeBlock(bx, std::min(kBlock, c.x1 - bx), yMin, yMax), gridUsed = true;
  out.seen += seen;
  out.gridUsed = out.gridUsed || gridUsed;
}

// ---------------------------------------------------------------------------
// The helper thread

// One thread for every sweep of the process, started on the first large
// frame and parked on a condition variable between frames. It runs one
// job at a time; post() refuses a job while it is busy and the caller
// then does all the work itself.
class Helper {
 public:
  static Helper &instance() {
    static Helper helper;
    return helper;
  }
  ~Helper() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    wake_.notify_one();
    if (thread_.joinable()) thread_.join();
  }

  bool post(std::function<void()> job) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (busy_ || stop_) return false;
    if (!thread_.joinable()) {
      try {
        thread_ = std::thread([this] { loop(); });
      } catch (const std::system_error &) {  // no thread to be had: one thread it is
        stop_ = true;
        return false;
      }
    }
    job_ = std::move(job);
    busy_ = true;
    wake_.notify_one();
    return true;
  }

 private:
  Helper() = default;
  void loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      wake_.wait(lock, [&] { return stop_ || job_; });
      if (stop_) return;
      std::function<void()> job = std::move(job_);
      job_ = nullptr;
      lock.unlock();
      job();
      job = nullptr;  // drops the job's state outside the lock
      lock.lock();
      busy_ = false;
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;

 public:
  // Large frames still to sweep without the helper: set after it made a
  // frame wait (see ColumnSweep::run()).
  std::atomic<int> skip{0};

 private:
  std::function<void()> job_;
  bool busy_ = false, stop_ = false;
  std::thread thread_;
};

// The chunks of one frame and who has claimed and finished them. Shared
// with the helper by shared_ptr: it may look at `next` after the caller
// has returned (finding nothing left), never at the frame itself.
struct Work {
  const Pass *pass = nullptr;
  std::vector<Chunk> chunks;
  std::vector<ChunkOut> outs;
  std::atomic<size_t> next{0}, done{0};
  std::mutex mutex;
  std::condition_variable finished;

  // Claims chunks until none is left; how many it swept.
  size_t drain(Scratch &scratch) {
    size_t swept = 0;
    for (size_t k; (k = next.fetch_add(1)) < chunks.size(); ++swept) {
      pass->sweep(chunks[k], scratch, outs[k]);
      if (done.fetch_add(1) + 1 == chunks.size()) {
        std::lock_guard<std::mutex> lock(mutex);
        finished.notify_all();
      }
    }
    return swept;
  }
};

}  // namespace

void ColumnSweep::build(const std::vector<LodRow> &rows) {
  size_t n = rows.size();
  map_.resize(n);
  unmap_.resize(n);
  key_.resize(n);
  dma_.resize(n);
  phys_.resize(n);
  general_.clear();
  // Ids by rank: the rows' ids sorted (usually they already are: ids are
  // given in map order).
  idByRank_.resize(n);
  for (size_t i = 0; i < n; ++i) idByRank_[i] = rows[i].id;
  std::vector<uint32_t> rank;
  if (!std::is_sorted(idByRank_.begin(), idByRank_.end())) {
    std::vector<uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return rows[a].id < rows[b].id; });
    rank.resize(n);
    for (size_t r = 0; r < n; ++r) {
      rank[order[r]] = static_cast<uint32_t>(r);
      idByRank_[r] = rows[order[r]].id;
    }
  }
  bool keyed = n < kMaxKeyedRows;
  maxSize_ = 0;
  for (size_t i = 0; i < n; ++i) {
    const LodRow &r = rows[i];
    map_[i] = r.mapTs;
    unmap_[i] = r.unmapTs;
    uint32_t dir = static_cast<uint32_t>(std::clamp<int>(r.dir + 1, 0, 4));
    key_[i] = keyed ? static_cast<uint32_t>(rank.empty() ? i : rank[i]) << 3 | dir : kNoKey;
    // An empty (or inverted) lifetime is outside the window when mapped at
    // its start, which the sweep does not test; a live one runs to the
    // right edge, whatever its unmap column would be: the general path.
    if (!keyed || r.unmapTs <= r.mapTs || r.unmapTs == LodRow::kLive) {
      general_.push_back(i);
      dma_[i] = phys_[i] = Span{UINT64_MAX, 0};  // fails the address test
      continue;
    }
    maxSize_ = std::max(maxSize_, r.size);
    dma_[i] = Span{r.dmaAddr, r.dmaAddr + r.size};
    phys_[i] = r.physAddr != LodRow::kNoPhys ? Span{r.physAddr, r.physAddr + r.size} : Span{UINT64_MAX, 0};
  }
}

void ColumnSweep::run(FrameBuilder &b, const std::vector<LodRow> &rows, size_t begin, size_t end,
                      size_t parallelRows) const {
  Pass pass;
  const Viewport &v = b.v_;
  pass.w = v.widthPx;
  pass.h = v.heightPx;
  pass.t0 = v.t0;
  pass.t1 = v.t1;
  pass.addrLo = v.addrLo;
  pass.addrHi = v.addrHi;
  pass.sx = b.sx_;
  pass.sy = b.sy_;
  pass.mapTs = map_.data();
  pass.unmap = unmap_.data();
  pass.keys = key_.data();
  pass.idByRank = idByRank_.data();
  pass.spans = b.axis_ == AddressAxis::Physical ? phys_.data() : dma_.data();
  // Rows passing the address test have hi - addrLo in (0, span + size]
  // and lo - addrLo in [-size, span).
  constexpr uint64_t kExact = uint64_t(1) << 51;
  pass.fastPixels = maxSize_ < kExact && v.addrHi - v.addrLo < kExact - maxSize_;

  size_t first = pass.lowerBound(begin, end, v.t0);
  size_t last = pass.lowerBound(first, end, v.t1);
  // The general path, after the chunks (any order gives the same frame,
  // and then the chunks find the grid as they allocated it).
  auto addGeneral = [&] {
    for (size_t i = begin; i < first; ++i) b.add(rows[i]);  // clipped at the left edge
    // Empty lifetimes, wherever they are in the window.
    for (auto it = std::lower_bound(general_.begin(), general_.end(), first); it != general_.end() && *it < last;
         ++it)
      b.add(rows[*it]);
  };
  if (first == last) {
    addGeneral();
    return;
  }

  // The grid is written by the chunks in place (see Pass::allocateGrid);
  // given back below if nothing was small enough for it.
  bool hadGrid = !b.pixelDir_.empty();
  pass.fresh = !hadGrid;
  size_t n = last - first;
  int chunks = n >= parallelRows ? std::min(kChunks, pass.w) : 1;
  pass.allocateGrid = [&b, &pass] {
    b.ensureGrid();
    pass.gridMapping = b.pixelMapping_.data();
    pass.gridDir = b.pixelDir_.data();
    pass.gridCount = b.pixelCount_.data();
  };
  if (hadGrid || chunks > 1) pass.allocateGrid();

  auto work = std::make_shared<Work>();
  work->pass = &pass;
  // Column boundaries at equal numbers of rows (the rows, not the columns,
  // are the work).
  int x0 = 0;
  size_t row0 = first;
  uint64_t tStart = v.t0;
  for (int k = 1; k <= chunks; ++k) {
    int x1 = pass.w;
    if (k < chunks) {
      x1 = std::max(x0 + 1, pass.firstColumn(rows[first + n * k / chunks].mapTs));
      if (x1 >= pass.w) continue;
    }
    uint64_t tEnd = x1 < pass.w ? pass.columnAfter(tStart, x1 - 1) : v.t1;
    size_t row1 = x1 < pass.w ? pass.lowerBound(row0, last, tEnd) : last;
    if (row1 > row0) work->chunks.push_back(Chunk{x0, x1, tStart, row0, row1});
    x0 = x1;
    row0 = row1;
    tStart = tEnd;
    if (x0 >= pass.w) break;
  }
  work->outs.resize(work->chunks.size());

  Scratch scratch;
  scratch.reset(pass.h);
  Helper &helper = Helper::instance();
  bool helped = false;
  if (work->chunks.size() > 1) {
    if (helper.skip.load() > 0)
      helper.skip.fetch_sub(1);
    else
      helped = helper.post([work, h = pass.h] {
        // Nothing of the frame is touched unless a chunk is still unclaimed.
        if (work->next.load() >= work->chunks.size()) return;
        Scratch mine;
        mine.reset(h);
        work->drain(mine);
      });
  }
  auto start = std::chrono::steady_clock::now();
  int64_t cpuStart = threadCpuNs();
  size_t mine = work->drain(scratch);
  auto drained = std::chrono::steady_clock::now();
  int64_t cpu = threadCpuNs() - cpuStart;
  {
    std::unique_lock<std::mutex> lock(work->mutex);
    work->finished.wait(lock, [&] { return work->done.load() == work->chunks.size(); });
  }
  if (helped && mine > 0) {
    // This thread ran less than 80% of the time it swept, or waited for
    // the helper's last chunk longer than two of its own chunks take: the
    // two threads shared a core. Sweep the next frames alone.
    auto swept = drained - start;
    auto waited = std::chrono::steady_clock::now() - drained;
    int64_t sweptNs = std::chrono::duration_cast<std::chrono::nanoseconds>(swept).count();
    if (cpu < sweptNs * 8 / 10 || waited > 2 * swept / mine) helper.skip.store(kHelperBackoff);
  }

  // In chunk order (any order gives the same frame).
  bool gridUsed = false;
  for (const ChunkOut &out : work->outs) {
    for (const Spill &s : out.spills) pass.writeSpill(s);
    b.seen_ += out.seen;
    gridUsed = gridUsed || out.gridUsed;
  }
  if (!gridUsed && !hadGrid) {
    b.pixelMapping_.clear();
    b.pixelDir_.clear();
    b.pixelCount_.clear();
  }
  addGeneral();
  for (const ChunkOut &out : work->outs)
    for (size_t i : out.general) b.add(rows[i]);
}

}  // namespace dmacheck::gui
