#include "event_fields.h"

#include <array>
#include <charconv>

namespace dmacheck::tracer::fields {

namespace {

bool isAllocType(EventType type) {
  switch (type) {
    case EventType::DmaAlloc:
    case EventType::DmaAllocPages:
    case EventType::DmaAllocSgt:
    case EventType::DmaAllocSgtErr:
      return true;
    default:
      return false;
  }
}

struct FlagName {
  std::string_view name;
  uint64_t bits;
};

// include/trace/events/dma.h DMA_ATTR names.
constexpr std::array<FlagName, 8> kAttrNames = {{
    {"WEAK_ORDERING", 1ULL << 1},
    {"WRITE_COMBINE", 1ULL << 2},
    {"NO_KERNEL_MAPPING", 1ULL << 4},
    {"SKIP_CPU_SYNC", 1ULL << 5},
    {"FORCE_CONTIGUOUS", 1ULL << 6},
    {"ALLOC_SINGLE_PAGES", 1ULL << 7},
    {"NO_WARN", 1ULL << 8},
    {"PRIVILEGED", 1ULL << 9},
}};

// gfp names as 6.12's __def_gfpflag_names prints them; composite names first
// (the kernel prints the largest matching composite, then the rest).
constexpr std::array<FlagName, 37> kGfpNames = {{
    {"GFP_TRANSHUGE", 0x1C24CA},
    {"GFP_TRANSHUGE_LIGHT", 0x1C20CA},
    {"GFP_HIGHUSER_MOVABLE", 0x100CCA},
    {"GFP_HIGHUSER", 0x100CC2},
    {"GFP_USER", 0x100CC0},
    {"GFP_KERNEL_ACCOUNT", 0x400CC0},
    {"GFP_KERNEL", 0xCC0},
    {"GFP_NOFS", 0xC40},
    {"GFP_ATOMIC", 0x820},
    {"GFP_NOIO", 0xC00},
    {"GFP_NOWAIT", 0x2800},
    {"GFP_DMA", 0x1},
    {"__GFP_HIGHMEM", 0x2},
    {"GFP_DMA32", 0x4},
    {"__GFP_HIGH", 0x20},
    {"__GFP_IO", 0x40},
    {"__GFP_FS", 0x80},
    {"__GFP_NOWARN", 0x2000},
    {"__GFP_RETRY_MAYFAIL", 0x4000},
    {"__GFP_NOFAIL", 0x8000},
    {"__GFP_NORETRY", 0x10000},
    {"__GFP_COMP", 0x40000},
    {"__GFP_ZERO", 0x100},
    {"__GFP_NOMEMALLOC", 0x80000},
    {"__GFP_MEMALLOC", 0x20000},
    {"__GFP_HARDWALL", 0x100000},
    {"__GFP_THISNODE", 0x200000},
    {"__GFP_RECLAIMABLE", 0x10},
    {"__GFP_MOVABLE", 0x8},
    {"__GFP_ACCOUNT", 0x400000},
    {"__GFP_WRITE", 0x1000},
    {"__GFP_RECLAIM", 0xC00},
    {"__GFP_DIRECT_RECLAIM", 0x400},
    {"__GFP_KSWAPD_RECLAIM", 0x800},
    {"__GFP_ZEROTAGS", 0x800000},
    {"__GFP_SKIP_ZERO", 0x1000000},
    {"__GFP_SKIP_KASAN", 0x2000000},
}};

template <size_t N>
bool parseFlagList(std::string_view text, const std::array<FlagName, N> &names, uint64_t &out) {
  out = 0;
  if (text.empty() || text == "none" || text == "0") return true;
  bool ok = true;
  while (!text.empty()) {
    size_t bar = text.find('|');
    std::string_view part = text.substr(0, bar);
    text = bar == std::string_view::npos ? std::string_view() : text.substr(bar + 1);
    if (part.empty()) continue;
    bool found = false;
    for (const FlagName &flag : names) {
      if (flag.name == part) {
        out |= flag.bits;
        found = true;
        break;
      }
    }
    if (!found) {
      uint64_t value = 0;
      if (parseUnsigned(part, false, value)) {
        out |= value;
      } else {
        ok = false;  // an unknown name: keep the bits we know
      }
    }
  }
  return ok;
}

}  // namespace

Target targetForField(EventType type, std::string_view field) {
  if (field == "device" || field == "dev_name") return Target::Device;
  if (field == "dma_addr" || field == "iova" || field == "dev_addr") return Target::DmaAddr;
  if (field == "addr") return Target::DmaAddr;  // dma_unmap_page/resource
  if (field == "phys_addr" || field == "paddr") return Target::PhysAddr;
  if (field == "size") return Target::Size;
  if (field == "unmapped_size") return Target::UnmappedSize;
  if (field == "dir") return Target::Dir;
  if (field == "attrs") return Target::Attrs;
  if (field == "flags") {
    if (type == EventType::IommuIoPageFault) return Target::FaultFlags;
    return isAllocType(type) ? Target::GfpFlags : Target::Ignore;
  }
  if (field == "gid") return Target::IommuGroup;
  if (field == "driver") return Target::Driver;
  if (field == "force") return Target::Force;
  if (field == "dma_mask") return Target::DmaMask;
  if (field == "full_nents") return Target::FullNents;
  if (field == "full_ents") return Target::FullEnts;
  if (field == "truncated") return Target::Truncated;
  if (field == "err") return Target::Error;
  if (field == "dma_addrs") return Target::DmaAddrs;
  if (field == "phys_addrs") return Target::PhysAddrs;
  if (field == "addrs") return Target::PhysAddrs;  // dma_unmap_sg: physical
  if (field == "lengths") return Target::Lengths;
  if (field == "msg" || field == "buf") return Target::Text;
  return Target::Ignore;  // virt_addr, ip, common_*, perf_*, fields of later kernels
}

Target targetForTextKey(EventType type, std::string_view key) {
  if (key == "sizes") return Target::Lengths;
  if (key == "groupID") return Target::IommuGroup;
  if (key == "nents") return Target::FullNents;  // "nents=min(n,128)/n"
  if (key == "ents") return Target::FullEnts;
  // 6.12 prints map_sg_err's phys_addrs array under the name "dma_addrs".
  if (key == "dma_addrs" && type == EventType::DmaMapSgErr) return Target::PhysAddrs;
  // The text form of unmap_page/unmap_resource prints REC->addr as dma_addr,
  // which targetForField already maps.
  return targetForField(type, key);
}

bool printedAsHex(Target target) {
  switch (target) {
    case Target::DmaAddr:
    case Target::PhysAddr:
    case Target::DmaMask:
    case Target::DmaAddrs:
    case Target::PhysAddrs:
    case Target::Lengths:  // __print_array prints 0x%x
    case Target::Attrs:
    case Target::FaultFlags:
    case Target::GfpFlags:
      return true;
    default:
      return false;
  }
}

bool parseUnsigned(std::string_view text, bool defaultHex, uint64_t &out) {
  int base = defaultHex ? 16 : 10;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    text.remove_prefix(2);
    base = 16;
  }
  if (text.empty()) return false;
  const char *end = text.data() + text.size();
  auto result = std::from_chars(text.data(), end, out, base);
  return result.ec == std::errc() && result.ptr == end;
}

bool parseSigned(std::string_view text, int64_t &out) {
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    uint64_t value = 0;
    if (!parseUnsigned(text, true, value)) return false;
    out = static_cast<int64_t>(value);
    return true;
  }
  if (text.empty()) return false;
  const char *end = text.data() + text.size();
  auto result = std::from_chars(text.data(), end, out, 10);
  return result.ec == std::errc() && result.ptr == end;
}

bool parseAttrs(std::string_view text, uint64_t &out) { return parseFlagList(text, kAttrNames, out); }
bool parseGfpFlags(std::string_view text, uint64_t &out) { return parseFlagList(text, kGfpNames, out); }

bool setNumericValue(TraceEvent &event, Target target, uint64_t v) {
  switch (target) {
    case Target::DmaAddr: event.dmaAddr = v; return true;
    case Target::PhysAddr: event.physAddr = v; return true;
    case Target::Size: event.size = v; return true;
    case Target::UnmappedSize: event.unmappedSize = v; return true;
    case Target::Dir: event.dir = v <= 3 ? static_cast<DmaDirection>(v) : DmaDirection::Unknown; return true;
    case Target::Attrs: event.attrs = v; return true;
    case Target::GfpFlags: event.gfpFlags = v; return true;
    case Target::FaultFlags: event.faultFlags = static_cast<int32_t>(v); return true;
    case Target::IommuGroup: event.iommuGroup = static_cast<int32_t>(v); return true;
    case Target::Force: event.swiotlbForce = v != 0; return true;
    case Target::DmaMask: event.dmaMask = v; return true;
    case Target::FullNents: event.nents = static_cast<int32_t>(v); return true;
    case Target::FullEnts: event.mappedEnts = static_cast<int32_t>(v); return true;
    case Target::Truncated: event.sgTruncated = v != 0; return true;
    case Target::Error: event.error = static_cast<int32_t>(v); return true;
    default: return false;
  }
}

void setSgValue(TraceEvent &event, Target target, size_t index, uint64_t value) {
  // Arrays are capped at 128 entries by the kernel; a bogus index from a
  // corrupt input must not make us allocate gigabytes.
  if (index >= kMaxSgEntries) return;
  if (event.sg.size() <= index) event.sg.resize(index + 1);
  SgEntry &entry = event.sg[index];
  switch (target) {
    case Target::DmaAddrs: entry.dmaAddr = value; break;
    case Target::PhysAddrs: entry.physAddr = value; break;
    case Target::Lengths: entry.length = value; break;
    default: break;
  }
}

bool isTracepointGlueFrame(std::string_view frame) {
  while (!frame.empty() && (frame.front() == ' ' || frame.front() == '=' || frame.front() == '>')) {
    frame.remove_prefix(1);
  }
  auto startsWith = [&](std::string_view prefix) { return frame.substr(0, prefix.size()) == prefix; };
  return startsWith("trace_event_raw_event_") || startsWith("__traceiter_") ||
         startsWith("perf_trace_") || startsWith("__trace_stack") ||
         startsWith("ftrace_trace_stack") || startsWith("trace_event_buffer_commit") ||
         startsWith("__bpf_trace_");
}

void resetEvent(TraceEvent &event) {
  event.tsNs = 0;
  event.cpu = -1;
  event.pid = -1;
  event.comm.clear();
  event.type = EventType::Console;
  event.device.clear();
  event.dmaAddr = 0;
  event.physAddr = 0;
  event.size = 0;
  event.unmappedSize = 0;
  event.dir = DmaDirection::Unknown;
  event.attrs = 0;
  event.gfpFlags = 0;
  event.iommuGroup = -1;
  event.faultFlags = 0;
  event.driver.clear();
  event.swiotlbForce = false;
  event.dmaMask = 0;
  event.sg.clear();
  event.nents = -1;
  event.mappedEnts = -1;
  event.sgTruncated = false;
  event.error = 0;
  event.text.clear();
  event.stack.clear();
}

}  // namespace dmacheck::tracer::fields
