// What every trace check reads, loaded once from the run database through
// the store library (RunReader plus a few raw queries of the tables the
// reader API has no call for: syncs, bounces, sg arrays).
//
// Loss model (the inconclusive verdicts of every check come from here):
//   * `CPU:N [LOST M EVENTS]` markers are lost_events rows at the first
//     event after the gap: events of (t_prev, ts] on that CPU are missing.
//   * an overwritten ring buffer (entries-in-buffer < entries-written) is a
//     row with cpu NULL and ts 0: the start of the run is gone. Per-CPU
//     buffers wrap independently, so the trace is complete only from the
//     latest per-CPU first event on (completeFromNs()); before that, and for
//     anything whose beginning may lie before the trace, it is incomplete.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "run_types.h"
#include "trace_check.h"

namespace dmacheck::store {
class Database;
class RunReader;
}  // namespace dmacheck::store

namespace dmacheck::tracer::checks {

inline constexpr uint64_t kDmaMappingError = ~uint64_t{0};

// A run of indexes into CheckContext::mappings(), held by the context.
class IndexRange {
 public:
  IndexRange() = default;
  IndexRange(const size_t *first, const size_t *last) : first_(first), last_(last) {}
  const size_t *begin() const { return first_; }
  const size_t *end() const { return last_; }
  bool empty() const { return first_ == last_; }
  size_t size() const { return static_cast<size_t>(last_ - first_); }

 private:
  const size_t *first_ = nullptr, *last_ = nullptr;
};

class CheckContext {
 public:
  // Loads devices, mappings, release and text events, loss windows. Null and
  // error set when the database cannot be read at all.
  static std::unique_ptr<CheckContext> load(store::RunReader &reader, std::string &error);

  store::RunReader &reader() { return reader_; }
  store::Database &database();
  const store::RunInfo &info() const;

  // ---- devices
  const std::vector<store::Device> &devices() const { return devices_; }
  const store::Device *device(int64_t id) const;
  std::string deviceName(std::optional<int64_t> id) const;

  // ---- mappings: every lifetime, ordered by (map_ts, id)
  const std::vector<store::Mapping> &mappings() const { return mappings_; }
  // Indexes into mappings() of one device, in (map_ts, id) order.
  const std::vector<size_t> &mappingsOfDevice(int64_t device) const;
  const store::Mapping *mapping(int64_t id) const;
  // Indexes of the device's mappings that start exactly at dmaAddr, in map
  // order (dma-debug's hash key: device + address).
  IndexRange mappingsStartingAt(int64_t device, uint64_t dmaAddr) const;
  // Indexes of the first segment of every sg list of the device, in map order.
  const std::vector<size_t> &sgListsOfDevice(int64_t device) const;
  // Mappings whose unmap/free is this event (several for dma_unmap_sg).
  std::vector<const store::Mapping *> mappingsClosedBy(int64_t event) const;

  // ---- events
  // The unmap/free events the checks read in full, by id: every dma_unmap_sg
  // (nents) and every release that closed no mapping. The others are
  // already in their mapping's row (unmap_ts, unmap_size, ...), so holding
  // them too would double the memory of a 10 M-event check for nothing.
  // pid/comm/text not filled.
  const std::vector<store::Event> &releases() const { return releases_; }
  // Unmap/free events in the run (with those a mappings row holds).
  uint64_t releaseCount() const { return releaseCount_; }
  // nents of a dma_map_sg event (its aux), by event id.
  std::optional<uint64_t> sgMapNents(int64_t mapEvent) const;
  // Console lines and trace markers, by id.
  const std::vector<store::Event> &textEvents() const { return textEvents_; }
  std::optional<store::Event> event(int64_t id);
  static int typeCode(std::string_view name);  // kEventTypes index, -1 when unknown
  // For a release event type: the mapping kind it releases.
  static std::optional<store::MappingKind> kindReleasedBy(int eventType);

  // ---- stacks
  std::string callSite(std::optional<int64_t> stack);
  bool hasStacks() const { return hasStacks_; }

  // ---- loss
  bool anyLoss() const { return !lost_.empty(); }
  bool overwritten() const { return overwritten_; }
  uint64_t completeFromNs() const { return completeFromNs_; }
  // Events may be missing at or before t (a map older than t may be lost).
  bool lossAtOrBefore(uint64_t t) const;
  // Events may be missing between t0 and t1 (an unmap or re-map in between).
  bool lossBetween(uint64_t t0, uint64_t t1) const;
  // One sentence for inconclusive findings: what was lost.
  std::string lossDescription() const;

  // ---- bookkeeping
  void problem(const std::string &what) { problems_.push_back(what); }
  const std::vector<std::string> &problems() const { return problems_; }
  void count(const std::string &key, uint64_t n = 1) { stats_[key] += n; }
  const std::map<std::string, uint64_t> &stats() const { return stats_; }

 private:
  explicit CheckContext(store::RunReader &reader) : reader_(reader) {}
  bool loadAll(std::string &error);
  bool loadMappings(std::string &error);
  bool loadReleases(std::string &error);

  store::RunReader &reader_;
  std::vector<store::Device> devices_;
  std::unordered_map<int64_t, size_t> deviceIndex_;
  std::vector<store::Mapping> mappings_;
  // Lookup tables as sorted vectors, not hash maps: 1.5 M mappings in hash
  // nodes cost more to build than every check together (bench/check_bench.sh).
  std::vector<std::pair<int64_t, size_t>> byId_;          // (mapping id, index)
  std::unordered_map<int64_t, std::vector<size_t>> byDevice_;
  std::vector<std::pair<int64_t, size_t>> byUnmapEvent_;  // (unmap event, index), by event then mapping id
  std::vector<size_t> byAddress_;                         // indexes by (device, dma_addr), map order within
  using ClosedByIterator = std::vector<std::pair<int64_t, size_t>>::const_iterator;
  ClosedByIterator firstClosedBy(int64_t releaseEvent) const;  // first byUnmapEvent_ entry of the event
  bool closesSomething(int64_t releaseEvent) const;
  std::unordered_map<int64_t, std::vector<size_t>> sgLists_;
  std::vector<store::Event> releases_;
  uint64_t releaseCount_ = 0;
  std::vector<std::pair<int64_t, uint64_t>> sgMapNents_;  // (dma_map_sg event id, nents), by id
  std::vector<store::Event> textEvents_;
  std::unordered_map<int64_t, std::string> callSites_;
  bool hasStacks_ = false;
  std::vector<store::LostWindow> lost_;
  bool overwritten_ = false;
  uint64_t overwrittenCount_ = 0;
  uint64_t completeFromNs_ = 0;
  std::vector<std::string> problems_;
  std::map<std::string, uint64_t> stats_;
};

// A finding about mapping m at tsNs: rule, time, device (id and name), the
// mapping and its device address filled in; the caller adds the message and
// whatever else it knows (event, size, call site).
TraceFinding findingOnMapping(const CheckContext &context, std::string rule, uint64_t tsNs, const store::Mapping &m);

// ---- message pieces, worded like kernel/dma/debug.c

// "0xffff800" (dma-debug prints %016llx; the short form reads better and the
// value is the same).
std::string hexAddr(uint64_t value);
// "DMA_TO_DEVICE" ... as dma-debug's dir2name; "DMA_NONE" for -1.
std::string_view dmaDirName(int dir);
// dma-debug's type2name for a mapping kind: "single" (dma_map_page/single:
// the trace cannot tell them apart), "scatter-gather", "coherent",
// "resource", "noncoherent" (dma_alloc_pages / dma_alloc_sgt).
std::string_view dmaTypeName(store::MappingKind kind);
// Seconds with µs, as ftrace prints them: "12.345678".
std::string formatTs(uint64_t ns);
// A duration for humans: "832 ns", "12.3 us", "100.312 ms", "2.5 s".
std::string formatDuration(uint64_t ns);

}  // namespace dmacheck::tracer::checks
