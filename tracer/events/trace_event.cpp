#include "trace_event.h"

#include <array>
#include <utility>

namespace dmacheck::tracer {

namespace {

struct TypeRow {
  EventType type;
  std::string_view name;        // stable database name
  std::string_view system;      // kernel tracepoint system
  std::string_view tracepoint;  // kernel tracepoint name
};

// One row per EventType, in enum order (eventTypeName indexes it).
constexpr std::array<TypeRow, 27> kTypes = {{
    {EventType::DmaMapPage, "dma_map_page", "dma", "dma_map_page"},
    {EventType::DmaUnmapPage, "dma_unmap_page", "dma", "dma_unmap_page"},
    {EventType::DmaMapResource, "dma_map_resource", "dma", "dma_map_resource"},
    {EventType::DmaUnmapResource, "dma_unmap_resource", "dma", "dma_unmap_resource"},
    {EventType::DmaMapSg, "dma_map_sg", "dma", "dma_map_sg"},
    {EventType::DmaMapSgErr, "dma_map_sg_err", "dma", "dma_map_sg_err"},
    {EventType::DmaUnmapSg, "dma_unmap_sg", "dma", "dma_unmap_sg"},
    {EventType::DmaAlloc, "dma_alloc", "dma", "dma_alloc"},
    {EventType::DmaFree, "dma_free", "dma", "dma_free"},
    {EventType::DmaAllocPages, "dma_alloc_pages", "dma", "dma_alloc_pages"},
    {EventType::DmaFreePages, "dma_free_pages", "dma", "dma_free_pages"},
    {EventType::DmaAllocSgt, "dma_alloc_sgt", "dma", "dma_alloc_sgt"},
    {EventType::DmaAllocSgtErr, "dma_alloc_sgt_err", "dma", "dma_alloc_sgt_err"},
    {EventType::DmaFreeSgt, "dma_free_sgt", "dma", "dma_free_sgt"},
    {EventType::DmaSyncSingleForCpu, "dma_sync_single_for_cpu", "dma", "dma_sync_single_for_cpu"},
    {EventType::DmaSyncSingleForDevice, "dma_sync_single_for_device", "dma", "dma_sync_single_for_device"},
    {EventType::DmaSyncSgForCpu, "dma_sync_sg_for_cpu", "dma", "dma_sync_sg_for_cpu"},
    {EventType::DmaSyncSgForDevice, "dma_sync_sg_for_device", "dma", "dma_sync_sg_for_device"},
    {EventType::IommuMap, "iommu_map", "iommu", "map"},
    {EventType::IommuUnmap, "iommu_unmap", "iommu", "unmap"},
    {EventType::IommuIoPageFault, "iommu_io_page_fault", "iommu", "io_page_fault"},
    {EventType::IommuAddDevice, "iommu_add_device", "iommu", "add_device_to_group"},
    {EventType::IommuRemoveDevice, "iommu_remove_device", "iommu", "remove_device_from_group"},
    {EventType::IommuAttachDevice, "iommu_attach_device", "iommu", "attach_device_to_domain"},
    {EventType::SwiotlbBounced, "swiotlb_bounced", "swiotlb", "swiotlb_bounced"},
    {EventType::Console, "console", "printk", "console"},
    {EventType::MarkerWrite, "marker", "ftrace", "print"},
}};

// Tracepoint names that are not the row's own: renames across kernels and the
// way ftrace text prints trace_marker writes.
struct Alias {
  std::string_view system;
  std::string_view tracepoint;
  EventType type;
};
constexpr std::array<Alias, 3> kAliases = {{
    {"dma", "dma_map_phys", EventType::DmaMapPage},      // 6.18+
    {"dma", "dma_unmap_phys", EventType::DmaUnmapPage},  // 6.18+
    {"ftrace", "tracing_mark_write", EventType::MarkerWrite},  // tracefs text prints the ip symbol
}};

}  // namespace

std::string_view eventTypeName(EventType type) {
  auto index = static_cast<size_t>(type);
  if (index < kTypes.size() && kTypes[index].type == type) return kTypes[index].name;
  return "unknown";
}

bool eventTypeFromTracepoint(std::string_view system, std::string_view name, EventType &out) {
  // "dma:dma_map_page" in one string (perf, CTF from perf).
  if (system.empty()) {
    if (auto colon = name.find(':'); colon != std::string_view::npos) {
      system = name.substr(0, colon);
      name = name.substr(colon + 1);
    }
  }
  auto systemMatches = [&](std::string_view expected) {
    return system.empty() || system == expected;
  };
  for (const TypeRow &row : kTypes) {
    if (row.tracepoint == name && systemMatches(row.system)) {
      out = row.type;
      return true;
    }
  }
  for (const Alias &alias : kAliases) {
    if (alias.tracepoint == name && systemMatches(alias.system)) {
      out = alias.type;
      return true;
    }
  }
  return false;
}

std::string_view directionName(DmaDirection dir) {
  switch (dir) {
    case DmaDirection::Bidirectional: return "BIDIRECTIONAL";
    case DmaDirection::ToDevice: return "TO_DEVICE";
    case DmaDirection::FromDevice: return "FROM_DEVICE";
    case DmaDirection::None: return "NONE";
    case DmaDirection::Unknown: break;
  }
  return "UNKNOWN";
}

DmaDirection directionFromName(std::string_view name) {
  if (name == "BIDIRECTIONAL") return DmaDirection::Bidirectional;
  if (name == "TO_DEVICE") return DmaDirection::ToDevice;
  if (name == "FROM_DEVICE") return DmaDirection::FromDevice;
  if (name == "NONE") return DmaDirection::None;
  // Raw forms (trace-cmd report -R, perf CTF) print the enum value.
  if (name == "0") return DmaDirection::Bidirectional;
  if (name == "1") return DmaDirection::ToDevice;
  if (name == "2") return DmaDirection::FromDevice;
  if (name == "3") return DmaDirection::None;
  return DmaDirection::Unknown;
}

}  // namespace dmacheck::tracer
