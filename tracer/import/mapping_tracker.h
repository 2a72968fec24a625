// MappingTracker: turns the ordered dma:/iommu:/swiotlb: event stream into
// mapping lifetimes, linked IOMMU operations, syncs, bounces and faults.
//
// Pairing (kernel/dma/debug.c's rules):
//   map/alloc ──► live[(device, dma_addr)] ──unmap/free──► closed mapping row
//   * Several live entries at one (device, dma_addr): best fit as dma-debug's
//     __hash_bucket_find: score +1 each for equal size, matching kind, equal
//     direction; a perfect score wins at once (oldest first, as dma-debug's
//     list_add_tail order); else the single candidate; else the best scorer,
//     flagged ambiguous_pair (dma-debug gives up there; we keep the lifetime).
//   * dma_unmap_sg carries physical addresses only: pair with the live sg
//     list of the device with the same physical address list (direction as
//     tie-break, oldest first); all its segments close together.
//   * An unmap that matches nothing is counted (unmap_without_map, or
//     ..._after_loss once events were lost) and leaves no row but its event.
//   * A map that returned DMA_MAPPING_ERROR makes no mapping (map_failed).
//
// IOMMU adjacency (iommu:map/unmap carry no device): per (cpu, pid)
//   iommu:map ... iommu:map, dma_map_page|dma_alloc|dma_map_sg  → link the
//     pending maps whose IOVA range overlaps the new mapping's pages;
//   iommu:unmap ..., dma_unmap_page|dma_unmap_resource → link the pending
//     unmaps overlapping the released mapping;
//   dma_unmap_sg|dma_free, iommu:unmap ... → the dma: event comes first: link
//     to the release just seen on that (cpu, pid) when the range overlaps.
// Interrupts run with the interrupted task's pid, so the range test (not
// just adjacency) decides; what cannot be linked is kept with device NULL.
//
// Memory: live mappings, live sg lists and a few pending ops per (cpu, pid)
// — never the event history.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "run_types.h"
#include "run_writer.h"
#include "trace_event.h"

namespace dmacheck::tracer {

class TrackerOutput {
 public:
  virtual ~TrackerOutput() = default;
  // At close, or at finish() while live; with the iommu ops the row holds
  // (mapping.holds 4/8), which get no onIommuOp.
  virtual void onMapping(const store::Mapping &mapping, const std::optional<store::IommuOp> &mapOp,
                         const std::optional<store::IommuOp> &unmapOp) = 0;
  virtual void onIommuOp(const store::IommuOp &op) = 0;
  virtual void onSync(const store::SyncRow &sync) = 0;
  virtual void onBounce(const store::BounceRow &bounce) = 0;
  virtual void onFault(const store::Fault &fault) = 0;
  // An importer stat (see import_stats.h for the reasons).
  virtual void count(std::string_view reason, const std::string &sample) = 0;
};

// Per-device figures the tracker maintains for the devices table.
struct DeviceCounters {
  uint64_t live = 0;
  uint64_t peakLive = 0;
  std::optional<uint64_t> peakLiveTs;
  uint64_t mappings = 0;
  uint64_t bytesMapped = 0;
  uint64_t failedMaps = 0;
  std::optional<uint64_t> minDmaAddr, maxDmaEnd;
  std::optional<uint64_t> minPhysAddr, maxPhysEnd;
  uint64_t closed = 0;
  uint64_t lifetimeLog2[65] = {};  // closed mappings by bit width of their lifetime (ns)

  // Smallest power of two such that at most 1% of the closed mappings live
  // longer: those (and the live ones) become long_lived rows, fetched by the
  // viewport query's unbounded half.
  uint64_t lifetimeBound() const;
};

class MappingTracker {
 public:
  explicit MappingTracker(TrackerOutput &out) : out_(out) {}

  // Where an event came from: an iommu:map/unmap has no events row (nor
  // has a dma_map_page that a mapping row holds), so its row carries these.
  struct EventOrigin {
    std::optional<int64_t> task;  // tasks.id
    int64_t source = 0;           // sources.id
  };
  // device: devices.id of event.device (0 when the event has none);
  // stack: stacks.id of the event's stack. True when a row the tracker
  // emits holds the event (an iommu_ops row, or a mappings row with
  // store::MappingHolds): the caller then writes no events row for it.
  bool process(int64_t eventId, int64_t device, std::optional<int64_t> stack, const TraceEvent &event,
               const EventOrigin &origin);
  bool process(int64_t eventId, int64_t device, std::optional<int64_t> stack, const TraceEvent &event) {
    return process(eventId, device, stack, event, EventOrigin{});
  }
  // A DMAR console fault (the sink parses the console line).
  void consoleFault(int64_t eventId, uint64_t tsNs, int64_t device, uint64_t addr, bool write, int reason,
                    const std::string &reasonText);
  // Events were lost (or overwritten) up to tsNs: later unmaps without a map
  // and mappings live at the end are inconclusive, not errors.
  void noteLoss(uint64_t tsNs);
  // Flushes pending IOMMU ops and bounces, emits the live mappings.
  void finish();

  const std::unordered_map<int64_t, DeviceCounters> &devices() const { return devices_; }
  size_t liveMappings() const { return liveCount_; }

 private:
  struct DeviceLive {
    std::map<uint64_t, std::vector<store::Mapping>> byAddr;  // dma_addr -> live entries, oldest first
    uint64_t maxSize = 0;  // largest size ever live: bounds the containment search
  };
  struct SgList {
    int64_t group = 0;  // map event id
    int64_t device = 0;
    std::vector<uint64_t> phys;
    std::vector<std::pair<uint64_t, int64_t>> segments;  // (dma_addr, mapping id)
    int8_t dir = -1;
  };
  struct TaskKey {
    int32_t cpu, pid;
    bool operator==(const TaskKey &o) const { return cpu == o.cpu && pid == o.pid; }
  };
  struct TaskKeyHash {
    size_t operator()(const TaskKey &k) const { return std::hash<int64_t>()((int64_t(k.cpu) << 32) ^ uint32_t(k.pid)); }
  };
  struct Release {  // the last dma_unmap_sg / dma_free on a (cpu, pid)
    int64_t device = 0;
    std::vector<std::pair<uint64_t, uint64_t>> ranges;  // [lo, hi) IOVA pages
    std::vector<int64_t> mappings;                       // parallel to ranges
  };
  struct TaskState {
    std::vector<store::IommuOp> pendingMaps, pendingUnmaps;
    std::vector<store::BounceRow> pendingBounces;  // swiotlb_bounced events awaiting their map
    std::optional<Release> lastRelease;
  };

  // One dma: event as process() got it.
  struct Call {
    int64_t eventId;
    int64_t device;
    std::optional<int64_t> stack;
    EventOrigin origin;
  };
  // map and unmap return whether the mappings row holds the event.
  bool map(const Call &call, const TraceEvent &e, store::MappingKind kind);
  void mapSg(const Call &call, const TraceEvent &e);
  bool unmap(const Call &call, const TraceEvent &e, store::MappingKind kind);
  bool unmapSg(const Call &call, const TraceEvent &e);
  void sync(int64_t eventId, int64_t device, const TraceEvent &e);
  void iommu(int64_t eventId, std::optional<int64_t> stack, const EventOrigin &origin, const TraceEvent &e);
  void bounce(int64_t eventId, int64_t device, const TraceEvent &e);
  void fault(int64_t eventId, int64_t device, const TraceEvent &e);

  int64_t addLive(store::Mapping mapping);
  // Removes the best-fit live entry; nullopt when none matches.
  std::optional<store::Mapping> takeBestFit(int64_t device, uint64_t dmaAddr, const TraceEvent &e,
                                            store::MappingKind kind, bool &ambiguous);
  std::optional<store::Mapping> takeById(int64_t device, uint64_t dmaAddr, int64_t id);
  static void setMapOrigin(store::Mapping &mapping, const Call &call, const TraceEvent &e);
  void close(store::Mapping &mapping, const Call &call, const TraceEvent &e, bool hasSize);
  const store::Mapping *findContaining(int64_t device, uint64_t addr, uint64_t size) const;
  // made: (mapping id, first IOVA page, end of last page) of the new
  // mapping(s), made by call (on e.cpu).
  void linkPendingMaps(TaskState &task, int64_t device,
                       const std::vector<std::tuple<int64_t, uint64_t, uint64_t>> &made, const Call &call,
                       int32_t cpu);
  // A linked iommu:map: held by its mapping's row when it is the first
  // single one on the mapping's CPU, task and source; else an iommu_ops row.
  void emitLinkedMap(store::IommuOp op, const Call &call, int32_t cpu);
  // Emits a closed (or live at the end) mapping with the ops it holds.
  void emitMapping(store::Mapping &mapping, std::optional<store::IommuOp> unmapOp = std::nullopt);
  void flushOps(std::vector<store::IommuOp> &ops, std::string_view reason);
  void emitOp(store::IommuOp op);
  void emitBounce(store::BounceRow bounce, std::string_view reasonIfUnlinked);
  void markBounced(int64_t device, int64_t mappingId, uint64_t dmaAddr);
  // Links the task's pending bounces to the mapping(s) just made: made holds
  // (original physical address, mapping id, dma address) per mapped buffer.
  void linkBounces(TaskState &task, int64_t device,
                   const std::vector<std::tuple<uint64_t, int64_t, uint64_t>> &made);
  std::string describe(int64_t eventId, const TraceEvent &e) const;

  TrackerOutput &out_;
  std::unordered_map<int64_t, DeviceLive> live_;
  std::unordered_map<int64_t, DeviceCounters> devices_;
  std::unordered_map<uint64_t, std::vector<SgList>> sgLists_;  // hash(device, phys list) -> lists
  std::unordered_map<TaskKey, TaskState, TaskKeyHash> tasks_;
  std::unordered_map<int64_t, store::IommuOp> heldMapOps_;  // live mapping id -> the iommu:map its row holds
  int64_t nextMapping_ = 1;
  int64_t nextIommuOp_ = 1;
  int64_t nextSync_ = 1;
  int64_t nextBounce_ = 1;
  int64_t nextFault_ = 1;
  size_t liveCount_ = 0;
  std::optional<uint64_t> lastLossTs_;
};

// Call site of a stack: the first frame that is not DMA-API, IOMMU, swiotlb
// or tracing glue ("" when every frame is).
std::string callSiteOf(const std::vector<std::string> &frames);

}  // namespace dmacheck::tracer
