// The neutral event every trace reader produces and the importer consumes.
//
// One reader per format (ftrace text, trace.dat, CTF) turns its input into
// TraceEvents and pushes them into an EventSink, in the order the format gives
// them (ftrace/trace-cmd/babeltrace's muxer already merge the per-CPU buffers
// by time; the importer still tolerates small reorderings). Readers never
// abort on bad input: they count it in ReaderStats and go on.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace dmacheck::tracer {

// The kernel's enum dma_data_direction values, as the tracepoints record them.
enum class DmaDirection : int8_t {
  Bidirectional = 0,
  ToDevice = 1,
  FromDevice = 2,
  None = 3,
  Unknown = -1,  // the event has no direction (6.12.0 alloc/free)
};

enum class EventType : uint8_t {
  // dma: subsystem
  DmaMapPage,  // also 6.18+ dma_map_phys
  DmaUnmapPage,  // also 6.18+ dma_unmap_phys
  DmaMapResource,
  DmaUnmapResource,
  DmaMapSg,
  DmaMapSgErr,
  DmaUnmapSg,
  DmaAlloc,
  DmaFree,
  DmaAllocPages,
  DmaFreePages,
  DmaAllocSgt,
  DmaAllocSgtErr,
  DmaFreeSgt,
  DmaSyncSingleForCpu,
  DmaSyncSingleForDevice,
  DmaSyncSgForCpu,
  DmaSyncSgForDevice,
  // iommu: subsystem
  IommuMap,
  IommuUnmap,
  IommuIoPageFault,
  IommuAddDevice,     // add_device_to_group
  IommuRemoveDevice,  // remove_device_from_group
  IommuAttachDevice,  // attach_device_to_domain
  // swiotlb:
  SwiotlbBounced,
  // others the importer uses
  Console,      // printk:console (DMAR fault lines, dma-debug errors)
  MarkerWrite,  // ftrace:print / tracing_mark_write (lab phase markers)
};

// Stable lower-case name ("dma_map_page", "iommu_map", ...) used in the
// database and in stats; eventTypeFromTracepoint maps "dma_map_phys",
// "dma:dma_map_page", "map" (iommu) etc. to the type.
std::string_view eventTypeName(EventType type);
bool eventTypeFromTracepoint(std::string_view system, std::string_view name, EventType &out);
std::string_view directionName(DmaDirection dir);  // "TO_DEVICE", ...
DmaDirection directionFromName(std::string_view name);

// One entry of a dma_map_sg / dma_unmap_sg / sync_sg / alloc_sgt array.
struct SgEntry {
  uint64_t dmaAddr = 0;   // 0 when the event carries none (dma_unmap_sg)
  uint64_t physAddr = 0;  // 0 when the event carries none (sync_sg)
  uint64_t length = 0;
};

struct TraceEvent {
  uint64_t tsNs = 0;  // ns, in the trace's own clock
  int32_t cpu = -1;
  int32_t pid = -1;
  std::string comm;  // empty when the format does not give it
  EventType type = EventType::Console;

  std::string device;  // "0000:00:01.0"; empty for iommu:map/unmap
  uint64_t dmaAddr = 0;   // dma_addr / addr / iova / dev_addr (swiotlb)
  uint64_t physAddr = 0;  // phys_addr / paddr
  uint64_t size = 0;      // size; iommu:unmap: requested size
  uint64_t unmappedSize = 0;  // iommu:unmap only
  DmaDirection dir = DmaDirection::Unknown;
  uint64_t attrs = 0;
  uint64_t gfpFlags = 0;  // dma_alloc*: flags (raw gfp_t); 0 when unknown
  int32_t iommuGroup = -1;  // add/remove_device_to_group: gid
  int32_t faultFlags = 0;   // io_page_fault: flags
  std::string driver;       // io_page_fault: driver
  bool swiotlbForce = false;
  uint64_t dmaMask = 0;     // swiotlb_bounced

  // sg events: map_sg has all three arrays; unmap_sg only phys; sync_sg
  // dma+length; map_sg_err phys; alloc_sgt/free_sgt phys.
  std::vector<SgEntry> sg;
  int32_t nents = -1;      // dma_map_sg: full_nents (the nents passed in)
  int32_t mappedEnts = -1; // dma_map_sg: full_ents (what dma_map_sg returned)
  bool sgTruncated = false;  // 6.18+: arrays capped at 128 entries
  int32_t error = 0;       // dma_map_sg_err: err

  std::string text;  // Console / MarkerWrite: the message
  std::vector<std::string> stack;  // frames, innermost first, without the tracepoint glue frame
};

// Why something in the input was not turned into an event. Keys are stable
// snake_case reasons ("unparsable_line", "unknown_event", "lost_events", ...);
// every input line/record ends up in exactly one bucket of parsed/skipped/errored.
struct ReaderStats {
  uint64_t inputUnits = 0;  // lines for text, records for binary formats
  uint64_t parsed = 0;      // turned into a TraceEvent
  std::map<std::string, uint64_t> skipped;  // recognised and deliberately ignored (headers, comments, other subsystems)
  std::map<std::string, uint64_t> errored;  // could not be understood
  std::vector<std::string> samples;  // first few errored inputs, "file:line: reason: text"
  uint64_t overwrittenEvents = 0;  // "entries-in-buffer/entries-written" difference
};

// Lost events as the format reports them (in-stream markers or callbacks).
struct LostEvents {
  int32_t cpu = -1;
  uint64_t tsNs = 0;  // ns; the time of the first event after the gap
  uint64_t count = 0;  // 0 when the format does not say how many
};

class EventSink {
 public:
  virtual ~EventSink() = default;
  virtual void onEvent(const TraceEvent &event) = 0;
  virtual void onLostEvents(const LostEvents &lost) = 0;
  // Facts about the trace as a whole: "kernel_release", "clock", "cpus", ...
  virtual void onMeta(const std::string &key, const std::string &value) = 0;
};

}  // namespace dmacheck::tracer
