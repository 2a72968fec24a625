// Read access to a run database for the viewer and the checker.
//
// Viewport queries: a mapping is a rectangle [mapTs, unmapTs) x [dmaAddr,
// dmaAddr + size). Mappings whose lifetime is at most the device's
// lifetime_bound_ns (long_lived = 0) are found through the B-tree on
// (device, long_lived, map_ts) with map_ts in [t0 - bound, t1]; the few
// long-lived ones (live at the end, rings, coherent buffers) are a second,
// small range of the same index. Both halves are bounded, so a viewport costs
// O(log n + hits) however long the run.
//
// Errors: no exceptions. Queries return an empty result and set lastError();
// every query clears it first.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "run_types.h"

namespace dmacheck::store {

class Database;
class Statement;

// The `mappings` column list and its row reader, for callers running their
// own SQL through RunReader::database() (the checker's bulk scan).
extern const char *const kMappingColumns;
Mapping readMapping(const Statement &s);

struct MappingWindow {
  int64_t device = 0;
  uint64_t t0 = 0;  // ns; lifetimes overlapping [t0, t1] (live ones extend to +inf)
  uint64_t t1 = std::numeric_limits<uint64_t>::max();
  uint64_t addrLo = 0;  // device address range [addrLo, addrHi)
  uint64_t addrHi = std::numeric_limits<uint64_t>::max();
  size_t limit = 0;  // 0: no limit
  // Speed knobs for drawing many rows (together ~4x faster on a whole-run
  // frame): skip the (map_ts, id) sort, and fill only id, device, kind,
  // dmaAddr, physAddr, size, dir, mapTs, unmapTs, flags and longLived (the
  // rest stays default).
  bool ordered = true;
  bool extentOnly = false;
};

struct EventQuery {
  std::optional<int64_t> device;
  std::optional<int> type;  // kEventTypes code
  uint64_t t0 = 0;
  uint64_t t1 = std::numeric_limits<uint64_t>::max();
  size_t limit = 0;  // 0: no limit
};

class RunReader {
 public:
  // Opens read-only and refuses databases this build cannot read.
  static std::unique_ptr<RunReader> open(const std::string &path, std::string &error);
  ~RunReader();
  RunReader(const RunReader &) = delete;
  RunReader &operator=(const RunReader &) = delete;

  const RunInfo &info() const { return info_; }
  const std::string &lastError() const { return error_; }

  std::vector<Source> sources();
  std::vector<Device> devices();  // ordered by id
  std::optional<Device> device(int64_t id);
  std::optional<Device> deviceByName(const std::string &name);

  // Mappings overlapping the window, ordered by (map_ts, id).
  std::vector<Mapping> mappingsInWindow(const MappingWindow &window);
  // Same without materializing: fn returns false to stop early.
  bool forEachMappingInWindow(const MappingWindow &window, const std::function<bool(const Mapping &)> &fn);
  // "The map at t": every mapping of the device live at t (mapTs <= t < unmapTs).
  std::vector<Mapping> liveAt(int64_t device, uint64_t t);
  std::optional<Mapping> mapping(int64_t id);
  // Every lifetime of the device that ever covered dmaAddr, by map time.
  std::vector<Mapping> mappingsAtAddress(int64_t device, uint64_t dmaAddr);
  std::vector<Mapping> sgGroup(int64_t sgGroup);  // segments of one dma_map_sg, by index
  // Mappings of any device whose first physical byte lies in [physLo, physHi)
  // and whose lifetime overlaps [t0, t1], by (map_ts, id): a table scan (no
  // phys_addr index; the viewer's physical pane draws from its own cache).
  // Mappings with unknown physical address (coherent, merged sg) are not
  // included: their pages are in iommuOpsOfMapping().
  std::vector<Mapping> mappingsInPhysWindow(uint64_t physLo, uint64_t physHi, uint64_t t0, uint64_t t1,
                                            size_t limit = 0);

  // Any event, wherever it is stored (events, mapping_events, iommu_events);
  // one that is not an events row costs a scan of its table.
  std::optional<Event> event(int64_t id);
  // Every event of the window, by id (time order): events rows by id range,
  // iommu ops by id range, the map/unmap events mappings rows hold by a scan.
  std::vector<Event> events(const EventQuery &query);
  std::optional<Stack> stack(int64_t id);
  // iommu_ops rows (merged maps carry their pieces) and the ops mappings rows
  // hold (id 0), by event id. iommuOpsOfMapping is a table scan (no index on
  // iommu_ops.mapping, schema.cpp); iommuOps selects rows by their first
  // event's time (the held ones by a scan of mappings).
  std::vector<IommuOp> iommuOpsOfMapping(int64_t mapping);
  std::vector<IommuOp> iommuOps(uint64_t t0, uint64_t t1, size_t limit = 0);
  std::vector<Fault> faults(std::optional<int64_t> device = std::nullopt);
  std::vector<LostWindow> lostEvents();
  std::vector<ImportStat> importStats();  // by origin, reason
  std::vector<Finding> findings(std::optional<int64_t> device = std::nullopt);

  // For the checker's own queries.
  Database &database() { return *db_; }

 private:
  RunReader();
  bool loadInfo(std::string &error);
  std::vector<Mapping> mappingsWhere(const std::string &where, const std::vector<int64_t> &args);
  // events and iommu_ops have no ts_ns index: their ids follow time, so a
  // time window is the id range [first, last) found by binary search.
  // nullopt when the query failed (error_ is set).
  std::optional<std::pair<int64_t, int64_t>> idRangeOfWindow(const char *table, uint64_t t0, uint64_t t1);
  void fail(const std::string &what);

  std::unique_ptr<Database> db_;
  // event(id) is called per finding and per sg list by the checks: prepared once.
  std::unique_ptr<Statement> eventById_;
  RunInfo info_;
  std::string error_;
};

// Parses iommu_ops.piece_list (iommuPiecesJson) of the row whose own event,
// ts_ns and iova are `first`; false (and no pieces) when it is not that.
bool parseIommuPieces(std::string_view json, const IommuPiece &first, std::vector<IommuPiece> &pieces);

}  // namespace dmacheck::store
