// Plain C++ rows of the run database, as the reader API returns them. No
// SQLite, no trace readers: the viewer and the checker include this.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dmacheck::store {

// Stored codes. The event type codes follow tracer::EventType's order (an
// importer test asserts it), names are the stable names in event_types.
struct EventTypeInfo {
  std::string_view name;
  std::string_view subsystem;
};
inline constexpr EventTypeInfo kEventTypes[] = {
    {"dma_map_page", "dma"},       {"dma_unmap_page", "dma"},
    {"dma_map_resource", "dma"},   {"dma_unmap_resource", "dma"},
    {"dma_map_sg", "dma"},         {"dma_map_sg_err", "dma"},
    {"dma_unmap_sg", "dma"},       {"dma_alloc", "dma"},
    {"dma_free", "dma"},           {"dma_alloc_pages", "dma"},
    {"dma_free_pages", "dma"},     {"dma_alloc_sgt", "dma"},
    {"dma_alloc_sgt_err", "dma"},  {"dma_free_sgt", "dma"},
    {"dma_sync_single_for_cpu", "dma"}, {"dma_sync_single_for_device", "dma"},
    {"dma_sync_sg_for_cpu", "dma"},     {"dma_sync_sg_for_device", "dma"},
    {"iommu_map", "iommu"},        {"iommu_unmap", "iommu"},
    {"iommu_io_page_fault", "iommu"}, {"iommu_add_device", "iommu"},
    {"iommu_remove_device", "iommu"}, {"iommu_attach_device", "iommu"},
    {"swiotlb_bounced", "swiotlb"}, {"console", "printk"},
    {"marker", "ftrace"},
};
inline constexpr int kEventTypeCount = sizeof(kEventTypes) / sizeof(kEventTypes[0]);
// "" for a code outside the table.
std::string_view eventTypeNameOf(int code);
// The code of a kEventTypes name; -1 when unknown.
int eventTypeCode(std::string_view name);

enum class MappingKind : uint8_t { Coherent = 0, Page = 1, SgSegment = 2, Resource = 3, Pages = 4, Sgt = 5 };
std::string_view mappingKindName(MappingKind kind);  // "coherent", "page", ...

// The kernel's enum dma_data_direction; -1 when the event has none (NULL).
std::string_view directionLabel(int dir);  // "BIDIRECTIONAL", ..., "" for -1

// mappings.flags bits.
enum MappingFlag : uint32_t {
  kCloseInconclusive = 1,  // events were lost after the map: its unmap may be missing
  kAmbiguousPair = 2,      // paired by best fit among several imperfect candidates
  kBounced = 4,            // went through a swiotlb bounce buffer
  kSgTruncated = 8,        // the sg arrays were capped; segments may be missing
};

// mappings.holds bits: the event is stored in this mappings row only (it
// has no events row; the mapping_events view gives it back as one).
enum MappingHolds : uint8_t {
  kHoldsMapEvent = 1,
  kHoldsUnmapEvent = 2,
  kHoldsIommuMap = 4,    // the row's map_iommu_* columns (no iommu_ops row)
  kHoldsIommuUnmap = 8,  // the row's unmap_iommu_* columns
};

struct RunInfo {
  int schemaVersion = 0;
  int compatibleVersion = 0;
  std::string toolVersion;
  std::string kernelRelease;  // "" when unknown
  std::string clock;          // "" when unknown
  uint64_t startNs = 0;       // first event
  uint64_t endNs = 0;         // last event
  std::vector<std::pair<std::string, std::string>> meta;  // every meta row, by key
};

struct Source {
  int64_t id = 0;
  std::string path;
  std::string format;
  std::optional<uint64_t> bytes;
  uint64_t inputUnits = 0;
  uint64_t events = 0;
  std::optional<uint64_t> firstTs, lastTs;
};

struct Device {
  int64_t id = 0;
  std::string name;    // "0000:00:01.0"
  std::string bus;     // "pci" or ""
  std::string driver;  // "" when unknown
  std::optional<int32_t> iommuGroup;
  std::optional<uint64_t> addedTs, attachedTs, removedTs, firstTs, lastTs;
  uint64_t mappings = 0;
  uint64_t bytesMapped = 0;
  uint64_t peakLive = 0;
  std::optional<uint64_t> peakLiveTs;
  uint64_t liveAtEnd = 0;
  uint64_t failedMaps = 0;
  std::optional<uint64_t> minDmaAddr, maxDmaEnd;  // y range for the viewer
  std::optional<uint64_t> minPhysAddr, maxPhysEnd;  // y range of the physical pane
  std::optional<uint64_t> lifetimeBoundNs;
};

// One mapping lifetime. Lean on purpose (the viewer holds many): the call
// site is one stack(mapStack) lookup away.
struct Mapping {
  int64_t id = 0;
  int64_t device = 0;
  MappingKind kind = MappingKind::Page;
  uint64_t dmaAddr = 0;
  std::optional<uint64_t> physAddr;
  uint64_t size = 0;
  int8_t dir = -1;  // enum dma_data_direction, -1 unknown
  uint64_t attrs = 0;
  uint64_t mapTs = 0;
  std::optional<uint64_t> unmapTs;  // nullopt: live at the end of the trace
  int64_t mapEvent = 0;
  std::optional<int64_t> unmapEvent;
  std::optional<uint64_t> unmapSize;
  int8_t unmapDir = -1;
  std::optional<int64_t> mapStack, unmapStack;
  std::optional<int64_t> sgGroup;
  std::optional<int32_t> sgIndex;
  uint32_t flags = 0;  // MappingFlag bits
  bool longLived = false;
  // Where the map and the release events ran and what the release was;
  // the row alone stands for an event it holds (MappingHolds).
  int8_t mapType = -1, unmapType = -1;  // event type codes; -1 unknown / live
  uint8_t holds = 0;                    // MappingHolds bits
  int32_t mapCpu = -1, unmapCpu = -1;   // -1 unknown
  int32_t mapSource = 0, unmapSource = 0;  // sources.id; 0 unknown
  int64_t mapTask = 0, unmapTask = 0;      // tasks.id; 0 when the format gives no pid
  uint64_t unmapAttrs = 0;                 // DMA_ATTR_* bits the release passed
  int32_t unmapNents = -1;                 // nents of the dma_unmap_sg that released it; -1 otherwise

  bool live() const { return !unmapTs.has_value(); }
  bool liveAt(uint64_t t) const { return mapTs <= t && (!unmapTs || *unmapTs > t); }
  uint64_t dmaEnd() const { return dmaAddr + size; }  // exclusive
};

struct Event {
  int64_t id = 0;
  uint64_t tsNs = 0;
  std::optional<int32_t> cpu;
  std::optional<int32_t> pid;
  std::string comm;
  int type = 0;  // kEventTypes index
  std::optional<int64_t> device;
  std::optional<uint64_t> dmaAddr, physAddr, size;
  int8_t dir = -1;
  std::optional<uint64_t> attrs, aux;
  std::optional<int64_t> stack;
  int64_t source = 0;
  std::string text;
  std::string sg;  // sg events: the array as JSON (events.sg); "" for other types

  std::string_view typeName() const { return eventTypeNameOf(type); }
};

struct Stack {
  int64_t id = 0;
  std::string callSite;  // "" when every frame is glue
  std::vector<std::string> frames;  // innermost first
};

// One iommu:map event merged into an IommuOp (see IommuOp::pieces).
struct IommuPiece {
  int64_t event = 0;
  uint64_t tsNs = 0;
  uint64_t iova = 0;
  uint64_t paddr = 0;
  uint64_t size = 0;
};

struct IommuOp {
  int64_t id = 0;
  int64_t event = 0;
  uint64_t tsNs = 0;
  std::optional<int32_t> cpu;
  std::optional<int64_t> task, stack;
  int64_t source = 0;
  bool unmap = false;
  uint64_t iova = 0;
  std::optional<uint64_t> paddr;
  uint64_t size = 0;
  std::optional<uint64_t> unmappedSize;
  std::optional<int64_t> device, mapping;
  // Empty: the row is one iommu:map/unmap event. Otherwise the contiguous
  // iommu:map events of one DMA-API call merged into this row, in order (the
  // first is the row's own event, iova and paddr; size is their sum).
  std::vector<IommuPiece> pieces;
};

struct Fault {
  int64_t id = 0;
  int64_t event = 0;
  uint64_t tsNs = 0;
  std::optional<int64_t> device;
  std::string source;  // "io_page_fault" | "dmar_console"
  uint64_t addr = 0;
  std::string access;  // "read" | "write" | ""
  std::optional<int32_t> reason;
  std::string reasonText;
  std::optional<int64_t> mapping;
};

struct LostWindow {
  int64_t id = 0;
  std::optional<int32_t> cpu;  // nullopt: whole trace (overwritten ring buffer)
  uint64_t tsNs = 0;
  std::optional<uint64_t> count;
  int64_t source = 0;
};

struct ImportStat {
  std::string reason;
  std::string origin;    // "reader" | "importer"
  std::string severity;  // "info" | "data_loss" | "error"
  uint64_t count = 0;
  std::string description;
  std::string sample;
};

struct Finding {
  int64_t id = 0;
  std::string rule;
  std::string severity;
  std::optional<uint64_t> tsNs;
  std::optional<int64_t> device, mapping, event;
  bool inconclusive = false;
  std::string message;
};

}  // namespace dmacheck::store
