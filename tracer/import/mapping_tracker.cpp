#include "mapping_tracker.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>

#include "import_stats.h"

namespace dmacheck::tracer {
namespace {

using store::Mapping;
using store::MappingKind;

constexpr uint64_t kDmaMappingError = ~uint64_t(0);
constexpr uint64_t kPage = 0x1000;
// Pending IOMMU ops per (cpu, pid) beyond which the oldest are given up.
constexpr size_t kMaxPendingOps = 1024;

int8_t dirOf(const TraceEvent &e) { return static_cast<int8_t>(e.dir); }

// The IOVA pages a mapping covers: iommu:map works in whole pages while
// dma_addr may carry a sub-page offset.
std::pair<uint64_t, uint64_t> pageRange(uint64_t addr, uint64_t size) {
  uint64_t lo = addr & ~(kPage - 1);
  uint64_t hi = (addr + std::max<uint64_t>(size, 1) + kPage - 1) & ~(kPage - 1);
  return {lo, hi};
}

bool overlaps(uint64_t lo, uint64_t hi, uint64_t lo2, uint64_t hi2) { return lo < hi2 && lo2 < hi; }

// Direction equality, where an event without direction (6.12.0 alloc/free)
// agrees with anything, as there is nothing to disagree with.
bool sameDir(int8_t a, int8_t b) { return a < 0 || b < 0 || a == b; }

uint64_t hashSg(int64_t device, const std::vector<uint64_t> &phys) {
  uint64_t h = 1469598103934665603ull ^ static_cast<uint64_t>(device);
  for (uint64_t p : phys) {
    h ^= p;
    h *= 1099511628211ull;
  }
  return h;
}

int bitWidth(uint64_t v) {
  int w = 0;
  while (v) {
    ++w;
    v >>= 1;
  }
  return w;
}

// The op ran where the mapping's own event did: a mappings row that holds
// it keeps only its map_/unmap_ CPU, task and source.
bool ranWith(const store::IommuOp &op, int32_t cpu, const MappingTracker::EventOrigin &origin) {
  return op.cpu.value_or(-1) == cpu && op.task == origin.task && op.source == origin.source;
}

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

uint64_t DeviceCounters::lifetimeBound() const {
  uint64_t allowed = closed / 100;
  uint64_t longer = closed;
  for (int w = 0; w <= 64; ++w) {
    longer -= lifetimeLog2[w];
    // every lifetime of bit width <= w is < 2^w
    if (longer <= allowed) return w >= 63 ? ~uint64_t(0) >> 1 : (uint64_t(1) << w);
  }
  return ~uint64_t(0) >> 1;
}

std::string callSiteOf(const std::vector<std::string> &frames) {
  static constexpr std::string_view kGlue[] = {
      "dma_",         "__dma_",       "dmam_",        "iommu_",      "__iommu_",    "intel_iommu",
      "debug_dma_",   "swiotlb_",     "trace_",       "__trace",     "perf_trace_", "__traceiter_",
      "ftrace_",      "dma_direct_",  "dma_pool_",    "__domain_mapping", "domain_",  "do_trace_",
  };
  for (const std::string &frame : frames) {
    std::string_view name = frame;
    bool glue = false;
    for (std::string_view prefix : kGlue) glue = glue || startsWith(name, prefix);
    if (!glue) return frame.substr(0, frame.find_first_of("+ "));
  }
  return {};
}

std::string MappingTracker::describe(int64_t eventId, const TraceEvent &e) const {
  char buf[256];
  std::snprintf(buf, sizeof buf, "event %" PRId64 " @%" PRIu64 ".%06" PRIu64 ": %.*s %s dma_addr=0x%" PRIx64
                " size=%" PRIu64,
                eventId, e.tsNs / 1000000000, (e.tsNs / 1000) % 1000000,
                static_cast<int>(eventTypeName(e.type).size()), eventTypeName(e.type).data(), e.device.c_str(),
                e.dmaAddr, e.size);
  return buf;
}

bool MappingTracker::process(int64_t eventId, int64_t device, std::optional<int64_t> stack, const TraceEvent &e,
                             const EventOrigin &origin) {
  const Call call{eventId, device, stack, origin};
  switch (e.type) {
    case EventType::DmaMapPage: return map(call, e, MappingKind::Page);
    case EventType::DmaMapResource: return map(call, e, MappingKind::Resource);
    case EventType::DmaAlloc: return map(call, e, MappingKind::Coherent);
    case EventType::DmaAllocPages: return map(call, e, MappingKind::Pages);
    case EventType::DmaAllocSgt: return map(call, e, MappingKind::Sgt);
    case EventType::DmaMapSg: mapSg(call, e); return false;
    case EventType::DmaUnmapPage: return unmap(call, e, MappingKind::Page);
    case EventType::DmaUnmapResource: return unmap(call, e, MappingKind::Resource);
    case EventType::DmaFree: return unmap(call, e, MappingKind::Coherent);
    case EventType::DmaFreePages: return unmap(call, e, MappingKind::Pages);
    case EventType::DmaFreeSgt: return unmap(call, e, MappingKind::Sgt);
    case EventType::DmaUnmapSg: return unmapSg(call, e);
    case EventType::DmaMapSgErr:
    case EventType::DmaAllocSgtErr:
      if (device) devices_[device].failedMaps++;
      out_.count(stats::kMapSgFailed, describe(eventId, e));
      return false;
    case EventType::DmaSyncSingleForCpu:
    case EventType::DmaSyncSingleForDevice:
    case EventType::DmaSyncSgForCpu:
    case EventType::DmaSyncSgForDevice: sync(eventId, device, e); return false;
    case EventType::IommuMap:
    case EventType::IommuUnmap: iommu(eventId, stack, origin, e); return true;
    case EventType::SwiotlbBounced: bounce(eventId, device, e); return false;
    case EventType::IommuIoPageFault: fault(eventId, device, e); return false;
    default: return false;  // device bookkeeping, console and markers: the sink's business
  }
}

// ------------------------------------------------------------ maps and unmaps

int64_t MappingTracker::addLive(Mapping mapping) {
  mapping.id = nextMapping_++;
  DeviceCounters &c = devices_[mapping.device];
  c.mappings++;
  c.bytesMapped += mapping.size;
  if (++c.live > c.peakLive) {
    c.peakLive = c.live;
    c.peakLiveTs = mapping.mapTs;
  }
  c.minDmaAddr = std::min(c.minDmaAddr.value_or(mapping.dmaAddr), mapping.dmaAddr);
  c.maxDmaEnd = std::max(c.maxDmaEnd.value_or(0), mapping.dmaEnd());
  if (mapping.physAddr) {
    c.minPhysAddr = std::min(c.minPhysAddr.value_or(*mapping.physAddr), *mapping.physAddr);
    c.maxPhysEnd = std::max(c.maxPhysEnd.value_or(0), *mapping.physAddr + mapping.size);
  }
  DeviceLive &dl = live_[mapping.device];
  dl.maxSize = std::max(dl.maxSize, mapping.size);
  auto &entries = dl.byAddr[mapping.dmaAddr];
  if (!entries.empty())
    out_.count(stats::kMapAtLiveAddress, "mapping " + std::to_string(mapping.id) + " made by event " +
                                             std::to_string(mapping.mapEvent));
  int64_t id = mapping.id;
  entries.push_back(std::move(mapping));
  ++liveCount_;
  return id;
}

bool MappingTracker::map(const Call &call, const TraceEvent &e, MappingKind kind) {
  const auto &[eventId, device, stack, origin] = call;
  TaskState &task = tasks_[{e.cpu, e.pid}];
  task.lastRelease.reset();
  if (!device) {
    out_.count(stats::kEventWithoutDevice, describe(eventId, e));
    return false;
  }
  const bool single = kind == MappingKind::Page || kind == MappingKind::Resource;
  if (e.dmaAddr == kDmaMappingError) {
    devices_[device].failedMaps++;
    out_.count(single ? stats::kMapFailed : stats::kAllocFailed, describe(eventId, e));
    return false;
  }
  Mapping m;
  setMapOrigin(m, call, e);
  // dma_map_page/_resource carry nothing the row lacks: it holds the event.
  if (single) m.holds |= store::kHoldsMapEvent;
  m.device = device;
  m.kind = kind;
  m.dmaAddr = e.dmaAddr;
  if (kind == MappingKind::Page || kind == MappingKind::Resource) m.physAddr = e.physAddr;
  if (kind == MappingKind::Sgt && !e.sg.empty()) m.physAddr = e.sg.front().physAddr;
  m.size = e.size;
  m.dir = dirOf(e);
  m.attrs = e.attrs;
  m.mapTs = e.tsNs;
  m.mapEvent = eventId;
  m.mapStack = stack;
  int64_t id = addLive(std::move(m));
  linkBounces(task, device, {{e.physAddr, id, e.dmaAddr}});
  auto [lo, hi] = pageRange(e.dmaAddr, e.size);
  linkPendingMaps(task, device, {{id, lo, hi}}, call, e.cpu);
  return single;
}

void MappingTracker::mapSg(const Call &call, const TraceEvent &e) {
  const auto &[eventId, device, stack, origin] = call;
  TaskState &task = tasks_[{e.cpu, e.pid}];
  task.lastRelease.reset();
  if (!device) {
    out_.count(stats::kEventWithoutDevice, describe(eventId, e));
    return;
  }
  // dma_addrs/sizes hold the mapped segments (ents), phys_addrs the list
  // passed in (nents); the IOMMU may merge entries, so phys maps 1:1 to a
  // segment only when nothing was merged.
  size_t segments = 0;
  while (segments < e.sg.size() && e.sg[segments].length > 0) ++segments;
  if (e.mappedEnts >= 0) segments = std::min(segments, static_cast<size_t>(e.mappedEnts));
  if (segments == 0) {
    out_.count(stats::kSgEventWithoutEntries, describe(eventId, e));
    return;
  }
  if (e.sgTruncated) out_.count(stats::kSgTruncated, describe(eventId, e));
  bool oneToOne = e.nents < 0 || e.mappedEnts < 0 || e.nents == e.mappedEnts;
  SgList list;
  list.group = eventId;
  list.device = device;
  list.dir = dirOf(e);
  for (const SgEntry &entry : e.sg) list.phys.push_back(entry.physAddr);
  std::vector<std::tuple<int64_t, uint64_t, uint64_t>> made;
  for (size_t i = 0; i < segments; ++i) {
    Mapping m;
    m.device = device;
    m.kind = MappingKind::SgSegment;
    m.dmaAddr = e.sg[i].dmaAddr;
    if (oneToOne && e.sg[i].physAddr) m.physAddr = e.sg[i].physAddr;
    m.size = e.sg[i].length;
    m.dir = dirOf(e);
    m.attrs = e.attrs;
    m.mapTs = e.tsNs;
    m.mapEvent = eventId;
    m.mapStack = stack;
    m.sgGroup = eventId;
    m.sgIndex = static_cast<int32_t>(i);
    setMapOrigin(m, call, e);
    if (e.sgTruncated) m.flags |= store::kSgTruncated;
    int64_t id = addLive(std::move(m));
    list.segments.emplace_back(e.sg[i].dmaAddr, id);
    auto [lo, hi] = pageRange(e.sg[i].dmaAddr, e.sg[i].length);
    made.emplace_back(id, lo, hi);
  }
  std::vector<std::tuple<uint64_t, int64_t, uint64_t>> buffers;
  for (size_t i = 0; i < e.sg.size(); ++i) {
    const auto &[dma, id] = list.segments[oneToOne && i < segments ? i : 0];
    buffers.emplace_back(e.sg[i].physAddr, id, dma);
  }
  sgLists_[hashSg(device, list.phys)].push_back(std::move(list));
  linkBounces(task, device, buffers);
  linkPendingMaps(task, device, made, call, e.cpu);
}

std::optional<Mapping> MappingTracker::takeBestFit(int64_t device, uint64_t dmaAddr, const TraceEvent &e,
                                                   MappingKind kind, bool &ambiguous) {
  ambiguous = false;
  auto dl = live_.find(device);
  if (dl == live_.end()) return std::nullopt;
  auto it = dl->second.byAddr.find(dmaAddr);
  if (it == dl->second.byAddr.end()) return std::nullopt;
  std::vector<Mapping> &entries = it->second;
  size_t best = 0;
  int bestScore = -1;
  for (size_t i = 0; i < entries.size(); ++i) {
    const Mapping &m = entries[i];
    int score = (m.size == e.size) + (m.kind == kind) + sameDir(m.dir, dirOf(e));
    if (score == 3) {
      best = i;
      bestScore = score;
      break;
    }
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  ambiguous = bestScore < 3 && entries.size() > 1;
  Mapping taken = std::move(entries[best]);
  entries.erase(entries.begin() + static_cast<std::ptrdiff_t>(best));
  if (entries.empty()) dl->second.byAddr.erase(it);
  --liveCount_;
  return taken;
}

std::optional<Mapping> MappingTracker::takeById(int64_t device, uint64_t dmaAddr, int64_t id) {
  auto dl = live_.find(device);
  if (dl == live_.end()) return std::nullopt;
  auto it = dl->second.byAddr.find(dmaAddr);
  if (it == dl->second.byAddr.end()) return std::nullopt;
  auto &entries = it->second;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].id != id) continue;
    Mapping taken = std::move(entries[i]);
    entries.erase(entries.begin() + static_cast<std::ptrdiff_t>(i));
    if (entries.empty()) dl->second.byAddr.erase(it);
    --liveCount_;
    return taken;
  }
  return std::nullopt;
}

void MappingTracker::setMapOrigin(Mapping &m, const Call &call, const TraceEvent &e) {
  m.mapType = static_cast<int8_t>(e.type);
  m.mapCpu = e.cpu;
  m.mapTask = call.origin.task.value_or(0);
  m.mapSource = static_cast<int32_t>(call.origin.source);
}

void MappingTracker::close(Mapping &m, const Call &call, const TraceEvent &e, bool hasSize) {
  m.unmapTs = e.tsNs;
  m.unmapEvent = call.eventId;
  if (hasSize) m.unmapSize = e.size;
  m.unmapDir = dirOf(e);
  m.unmapStack = call.stack;
  m.unmapType = static_cast<int8_t>(e.type);
  m.unmapCpu = e.cpu;
  m.unmapTask = call.origin.task.value_or(0);
  m.unmapSource = static_cast<int32_t>(call.origin.source);
  m.unmapAttrs = e.attrs;
  DeviceCounters &c = devices_[m.device];
  c.live--;
  c.closed++;
  c.lifetimeLog2[bitWidth(e.tsNs >= m.mapTs ? e.tsNs - m.mapTs : 0)]++;
}

bool MappingTracker::unmap(const Call &call, const TraceEvent &e, MappingKind kind) {
  const auto &[eventId, device, stack, origin] = call;
  TaskState &task = tasks_[{e.cpu, e.pid}];
  task.lastRelease.reset();
  if (!device) {
    out_.count(stats::kEventWithoutDevice, describe(eventId, e));
    return false;
  }
  bool ambiguous = false;
  std::optional<Mapping> m = takeBestFit(device, e.dmaAddr, e, kind, ambiguous);
  if (!m) {
    out_.count(lastLossTs_ ? stats::kUnmapWithoutMapAfterLoss : stats::kUnmapWithoutMap, describe(eventId, e));
    // The IOMMU still unmapped the range for this device (its map was lost,
    // e.g. overwritten): keep the device link, with no mapping.
    auto [lo, hi] = pageRange(e.dmaAddr, e.size);
    std::vector<store::IommuOp> rest;
    for (store::IommuOp &op : task.pendingUnmaps) {
      if (overlaps(op.iova, op.iova + std::max<uint64_t>(op.size, 1), lo, hi)) {
        op.device = device;
        emitOp(std::move(op));
      } else {
        rest.push_back(std::move(op));
      }
    }
    task.pendingUnmaps.clear();
    flushOps(rest, stats::kIommuUnmapUnlinked);
    return false;
  }
  if (ambiguous) {
    m->flags |= store::kAmbiguousPair;
    out_.count(stats::kAmbiguousPair, describe(eventId, e));
  }
  close(*m, call, e, true);
  // dma_unmap_page/_resource release exactly this address (takeBestFit) and
  // carry no physical address (6.18's dma_unmap_phys may: then it keeps its
  // events row): the row holds the event.
  const bool held = (kind == MappingKind::Page || kind == MappingKind::Resource) && e.physAddr == 0;
  if (held) m->holds |= store::kHoldsUnmapEvent;
  // iommu:unmap precedes dma_unmap_page (and follows dma_free): link what is
  // pending now, remember the release for what comes after. The first one
  // on the release's CPU, task and source is held by the mapping's row.
  auto [lo, hi] = pageRange(m->dmaAddr, m->size);
  bool linked = false;
  std::optional<store::IommuOp> heldUnmap;
  std::vector<store::IommuOp> rest;
  for (store::IommuOp &op : task.pendingUnmaps) {
    if (overlaps(op.iova, op.iova + std::max<uint64_t>(op.size, 1), lo, hi)) {
      op.device = device;
      op.mapping = m->id;
      if (!heldUnmap && ranWith(op, e.cpu, origin)) {
        heldUnmap = std::move(op);
      } else {
        emitOp(std::move(op));
      }
      linked = true;
    } else {
      rest.push_back(std::move(op));
    }
  }
  task.pendingUnmaps.clear();
  flushOps(rest, stats::kIommuUnmapUnlinked);
  if (!linked) task.lastRelease = Release{device, {{lo, hi}}, {m->id}};
  emitMapping(*m, std::move(heldUnmap));
  return held;
}

bool MappingTracker::unmapSg(const Call &call, const TraceEvent &e) {
  const auto &[eventId, device, stack, origin] = call;
  TaskState &task = tasks_[{e.cpu, e.pid}];
  task.lastRelease.reset();
  if (!device) {
    out_.count(stats::kEventWithoutDevice, describe(eventId, e));
    return false;
  }
  std::vector<uint64_t> phys;
  for (const SgEntry &entry : e.sg) phys.push_back(entry.physAddr);
  auto bucket = sgLists_.find(hashSg(device, phys));
  std::optional<size_t> chosen;
  size_t candidates = 0;
  if (bucket != sgLists_.end()) {
    for (size_t i = 0; i < bucket->second.size(); ++i) {
      const SgList &list = bucket->second[i];
      if (list.device != device || list.phys != phys) continue;
      ++candidates;
      if (!chosen) chosen = i;  // oldest
      if (sameDir(list.dir, dirOf(e))) {
        chosen = i;
        candidates = 1;
        break;
      }
    }
  }
  if (!chosen && !phys.empty()) {
    // A shortened list (nents = the count dma_map_sg returned): the kernel
    // unmaps the IOVA of the listed segments, which with merged segments is
    // all of it, and dma-debug removes its entries (one per mapped segment)
    // with "different entry count". Pair it when exactly one live list of the
    // device starts with these physical addresses.
    for (auto it = sgLists_.begin(); it != sgLists_.end(); ++it) {
      for (size_t i = 0; i < it->second.size(); ++i) {
        const SgList &list = it->second[i];
        if (list.device != device || list.phys.size() <= phys.size() ||
            !std::equal(phys.begin(), phys.end(), list.phys.begin()))
          continue;
        if (++candidates > 1) break;
        bucket = it;
        chosen = i;
      }
      if (candidates > 1) break;
    }
    if (candidates != 1) {
      chosen.reset();
    } else {
      out_.count(stats::kUnmapSgShortened, describe(eventId, e));
    }
  }
  if (!chosen) {
    out_.count(lastLossTs_ ? stats::kUnmapWithoutMapAfterLoss : stats::kUnmapSgWithoutMap, describe(eventId, e));
    return false;
  }
  SgList list = std::move(bucket->second[*chosen]);
  bucket->second.erase(bucket->second.begin() + static_cast<std::ptrdiff_t>(*chosen));
  if (bucket->second.empty()) sgLists_.erase(bucket);
  if (candidates > 1) out_.count(stats::kAmbiguousPair, describe(eventId, e));
  // Its array is the first entries of the list's dma_map_sg array (pairing
  // compares them), physical addresses only: rebuilt from that event, the
  // first segment row it closes holds it (mapping_events). Not when the
  // arrays were capped (6.18) or the event has more than the kernel's
  // 6.12 fields.
  const int32_t nents = e.nents >= 0 ? e.nents : static_cast<int32_t>(e.sg.size());
  bool holdable = !e.sgTruncated && e.size == 0 && e.physAddr == 0 && e.dmaAddr == 0 &&
                  static_cast<size_t>(nents) == e.sg.size();
  for (const SgEntry &entry : e.sg) holdable = holdable && entry.dmaAddr == 0 && entry.length == 0;
  bool held = false;
  Release release{device, {}, {}};
  for (const auto &[dmaAddr, id] : list.segments) {
    std::optional<Mapping> m = takeById(device, dmaAddr, id);
    // Already released by a dma_unmap_page/dma_free of its address (the wrong
    // release function): that mapping row tells it.
    if (!m) continue;
    if (candidates > 1) m->flags |= store::kAmbiguousPair;
    close(*m, call, e, false);
    m->unmapNents = nents;
    if (holdable && !held) {
      m->holds |= store::kHoldsUnmapEvent;
      held = true;
    }
    release.ranges.push_back(pageRange(m->dmaAddr, m->size));
    release.mappings.push_back(m->id);
    emitMapping(*m);
  }
  task.lastRelease = std::move(release);
  return held;
}

// ------------------------------------------------------------------- syncs

const Mapping *MappingTracker::findContaining(int64_t device, uint64_t addr, uint64_t size) const {
  auto dl = live_.find(device);
  if (dl == live_.end()) return nullptr;
  const auto &byAddr = dl->second.byAddr;
  uint64_t end = addr + std::max<uint64_t>(size, 1);
  for (auto it = byAddr.upper_bound(addr); it != byAddr.begin();) {
    --it;
    if (it->first + dl->second.maxSize <= addr) break;  // nothing further left can reach addr
    for (auto e = it->second.rbegin(); e != it->second.rend(); ++e) {
      if (e->dmaAddr <= addr && end <= e->dmaEnd()) return &*e;
    }
  }
  return nullptr;
}

void MappingTracker::sync(int64_t eventId, int64_t device, const TraceEvent &e) {
  if (!device) {
    out_.count(stats::kEventWithoutDevice, describe(eventId, e));
    return;
  }
  bool forDevice = e.type == EventType::DmaSyncSingleForDevice || e.type == EventType::DmaSyncSgForDevice;
  auto emit = [&](uint64_t addr, uint64_t size) {
    store::SyncRow row;
    row.id = nextSync_++;
    row.event = eventId;
    row.tsNs = e.tsNs;
    row.device = device;
    row.forDevice = forDevice;
    row.dmaAddr = addr;
    row.size = size;
    row.dir = dirOf(e);
    if (const Mapping *m = findContaining(device, addr, size)) row.mapping = m->id;
    else out_.count(stats::kSyncWithoutMapping, describe(eventId, e));
    out_.onSync(row);
  };
  if (e.type == EventType::DmaSyncSingleForCpu || e.type == EventType::DmaSyncSingleForDevice) {
    emit(e.dmaAddr, e.size);
    return;
  }
  for (const SgEntry &entry : e.sg) {
    if (entry.length) emit(entry.dmaAddr, entry.length);
  }
}

// ------------------------------------------------------- IOMMU adjacency

namespace {

store::IommuPiece pieceOf(const store::IommuOp &op) {
  return {op.event, op.tsNs, op.iova, op.paddr.value_or(0), op.size};
}

// Both are pending iommu:maps: same call (CPU, task, stack, mapping) and op
// starts where run ends.
bool continuesRun(const store::IommuOp &run, const store::IommuOp &op) {
  return op.mapping == run.mapping && op.cpu == run.cpu && op.task == run.task && op.stack == run.stack &&
         op.source == run.source && op.iova == run.iova + run.size;
}

void appendPiece(store::IommuOp &run, const store::IommuOp &op) {
  if (run.pieces.empty()) run.pieces.push_back(pieceOf(run));
  run.pieces.push_back(pieceOf(op));
  run.size += op.size;
}

}  // namespace

void MappingTracker::emitOp(store::IommuOp op) { out_.onIommuOp(op); }

void MappingTracker::emitLinkedMap(store::IommuOp op, const Call &call, int32_t cpu) {
  if (op.pieces.empty() && ranWith(op, cpu, call.origin) && !heldMapOps_.count(*op.mapping)) {
    heldMapOps_.emplace(*op.mapping, std::move(op));
    return;
  }
  emitOp(std::move(op));
}

void MappingTracker::emitMapping(Mapping &m, std::optional<store::IommuOp> unmapOp) {
  std::optional<store::IommuOp> mapOp;
  if (auto it = heldMapOps_.find(m.id); it != heldMapOps_.end()) {
    mapOp = std::move(it->second);
    heldMapOps_.erase(it);
    m.holds |= store::kHoldsIommuMap;
  }
  if (unmapOp) m.holds |= store::kHoldsIommuUnmap;
  out_.onMapping(m, mapOp, unmapOp);
}

void MappingTracker::flushOps(std::vector<store::IommuOp> &ops, std::string_view reason) {
  for (store::IommuOp &op : ops) {
    char sample[160];
    std::snprintf(sample, sizeof sample, "event %" PRId64 " @%" PRIu64 ".%06" PRIu64 ": iommu_%s iova=0x%" PRIx64
                  " size=%" PRIu64 " cpu=%d",
                  op.event, op.tsNs / 1000000000, (op.tsNs / 1000) % 1000000, op.unmap ? "unmap" : "map", op.iova,
                  op.size, op.cpu.value_or(-1));
    out_.count(reason, sample);
    emitOp(std::move(op));
  }
  ops.clear();
}

void MappingTracker::linkPendingMaps(TaskState &task, int64_t device,
                                     const std::vector<std::tuple<int64_t, uint64_t, uint64_t>> &made,
                                     const Call &call, int32_t cpu) {
  std::vector<store::IommuOp> unlinked;
  // Linked maps that continue each other in IOVA (dma_map_sg maps one piece
  // per physically contiguous run) become one row: the previous row is held
  // until an op that does not continue it.
  std::optional<store::IommuOp> run;
  for (store::IommuOp &op : task.pendingMaps) {
    uint64_t opEnd = op.iova + std::max<uint64_t>(op.size, 1);
    bool linked = false;
    for (const auto &[id, lo, hi] : made) {
      if (overlaps(op.iova, opEnd, lo, hi)) {
        op.device = device;
        op.mapping = id;
        linked = true;
        break;
      }
    }
    if (!linked) {
      unlinked.push_back(std::move(op));
      continue;
    }
    if (run && continuesRun(*run, op)) {
      appendPiece(*run, op);
      continue;
    }
    if (run) emitLinkedMap(std::move(*run), call, cpu);
    run = std::move(op);
  }
  if (run) emitLinkedMap(std::move(*run), call, cpu);
  task.pendingMaps.clear();
  flushOps(unlinked, stats::kIommuMapUnlinked);
}

void MappingTracker::iommu(int64_t eventId, std::optional<int64_t> stack, const EventOrigin &origin,
                           const TraceEvent &e) {
  TaskState &task = tasks_[{e.cpu, e.pid}];
  store::IommuOp op;
  op.id = nextIommuOp_++;
  op.event = eventId;
  op.tsNs = e.tsNs;
  if (e.cpu >= 0) op.cpu = e.cpu;
  op.task = origin.task;
  op.stack = stack;
  op.source = origin.source;
  op.unmap = e.type == EventType::IommuUnmap;
  op.iova = e.dmaAddr;
  op.size = e.size;
  if (op.unmap) {
    op.unmappedSize = e.unmappedSize;
    if (task.lastRelease) {
      const Release &r = *task.lastRelease;
      for (size_t i = 0; i < r.ranges.size(); ++i) {
        if (overlaps(op.iova, op.iova + std::max<uint64_t>(op.size, 1), r.ranges[i].first, r.ranges[i].second)) {
          op.device = r.device;
          op.mapping = r.mappings[i];
          emitOp(std::move(op));
          return;
        }
      }
    }
    if (task.pendingUnmaps.size() >= kMaxPendingOps) {
      std::vector<store::IommuOp> oldest{std::move(task.pendingUnmaps.front())};
      task.pendingUnmaps.erase(task.pendingUnmaps.begin());
      flushOps(oldest, stats::kIommuUnmapUnlinked);
    }
    task.pendingUnmaps.push_back(std::move(op));
  } else {
    op.paddr = e.physAddr;
    if (task.pendingMaps.size() >= kMaxPendingOps) {
      std::vector<store::IommuOp> oldest{std::move(task.pendingMaps.front())};
      task.pendingMaps.erase(task.pendingMaps.begin());
      flushOps(oldest, stats::kIommuMapUnlinked);
    }
    task.pendingMaps.push_back(std::move(op));
  }
}

// ------------------------------------------------------- swiotlb bounces

void MappingTracker::emitBounce(store::BounceRow bounce, std::string_view reasonIfUnlinked) {
  if (!bounce.mapping) {
    char sample[160];
    std::snprintf(sample, sizeof sample, "event %" PRId64 " @%" PRIu64 ".%06" PRIu64 ": swiotlb_bounced dev_addr=0x%" PRIx64
                  " size=%" PRIu64,
                  bounce.event, bounce.tsNs / 1000000000, (bounce.tsNs / 1000) % 1000000, bounce.origAddr, bounce.size);
    out_.count(reasonIfUnlinked, sample);
  }
  out_.onBounce(bounce);
}

void MappingTracker::linkBounces(TaskState &task, int64_t device,
                                 const std::vector<std::tuple<uint64_t, int64_t, uint64_t>> &made) {
  // swiotlb_bounced fires in swiotlb_tbl_map_single, before the dma: map
  // event of the same buffer (one per sg entry for dma_map_sg).
  for (store::BounceRow &b : task.pendingBounces) {
    for (const auto &[phys, id, dma] : made) {
      if (b.device != device || b.origAddr != phys || b.mapping) continue;
      b.mapping = id;
      markBounced(device, id, dma);
      break;
    }
    emitBounce(std::move(b), stats::kBounceUnlinked);
  }
  task.pendingBounces.clear();
}

void MappingTracker::markBounced(int64_t device, int64_t id, uint64_t dmaAddr) {
  auto dl = live_.find(device);
  if (dl == live_.end()) return;
  auto it = dl->second.byAddr.find(dmaAddr);
  if (it == dl->second.byAddr.end()) return;
  for (Mapping &m : it->second) {
    if (m.id == id) m.flags |= store::kBounced;
  }
}

void MappingTracker::bounce(int64_t eventId, int64_t device, const TraceEvent &e) {
  if (!device) {
    out_.count(stats::kEventWithoutDevice, describe(eventId, e));
    return;
  }
  TaskState &task = tasks_[{e.cpu, e.pid}];
  if (task.pendingBounces.size() >= kMaxPendingOps) {
    emitBounce(std::move(task.pendingBounces.front()), stats::kBounceUnlinked);
    task.pendingBounces.erase(task.pendingBounces.begin());
  }
  store::BounceRow b;
  b.id = nextBounce_++;
  b.event = eventId;
  b.tsNs = e.tsNs;
  b.device = device;
  b.origAddr = e.dmaAddr;
  b.size = e.size;
  b.forced = e.swiotlbForce;
  task.pendingBounces.push_back(b);
}

// ------------------------------------------------------------------ faults

void MappingTracker::fault(int64_t eventId, int64_t device, const TraceEvent &e) {
  store::Fault f;
  f.id = nextFault_++;
  f.event = eventId;
  f.tsNs = e.tsNs;
  if (device) f.device = device;
  f.source = "io_page_fault";
  f.addr = e.dmaAddr;
  f.access = (e.faultFlags & 1) ? "write" : "read";  // IOMMU_FAULT_WRITE
  f.reasonText = "flags=0x" + [&] {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%x", static_cast<unsigned>(e.faultFlags));
    return std::string(buf);
  }();
  if (device) {
    if (const Mapping *m = findContaining(device, f.addr, 1)) f.mapping = m->id;
  }
  out_.onFault(f);
}

void MappingTracker::consoleFault(int64_t eventId, uint64_t tsNs, int64_t device, uint64_t addr, bool write,
                                  int reason, const std::string &reasonText) {
  store::Fault f;
  f.id = nextFault_++;
  f.event = eventId;
  f.tsNs = tsNs;
  if (device) f.device = device;
  f.source = "dmar_console";
  f.addr = addr;
  f.access = write ? "write" : "read";
  f.reason = reason;
  f.reasonText = reasonText;
  if (device) {
    if (const Mapping *m = findContaining(device, addr, 1)) f.mapping = m->id;
  }
  out_.onFault(f);
}

// ------------------------------------------------------- losses and the end

void MappingTracker::noteLoss(uint64_t tsNs) { lastLossTs_ = std::max(lastLossTs_.value_or(0), tsNs); }

void MappingTracker::finish() {
  for (auto &[key, task] : tasks_) {
    flushOps(task.pendingMaps, stats::kIommuMapUnlinked);
    flushOps(task.pendingUnmaps, stats::kIommuUnmapUnlinked);
    for (store::BounceRow &b : task.pendingBounces) emitBounce(std::move(b), stats::kBounceUnlinked);
    task.pendingBounces.clear();
  }
  // Live mappings, in id order for a deterministic database.
  std::vector<Mapping> live;
  for (auto &[device, dl] : live_) {
    for (auto &[addr, entries] : dl.byAddr) {
      for (Mapping &m : entries) live.push_back(std::move(m));
    }
  }
  std::sort(live.begin(), live.end(), [](const Mapping &a, const Mapping &b) { return a.id < b.id; });
  for (Mapping &m : live) {
    if (lastLossTs_ && *lastLossTs_ >= m.mapTs) {
      m.flags |= store::kCloseInconclusive;
      out_.count(stats::kCloseInconclusive, "mapping " + std::to_string(m.id) + " made by event " +
                                                std::to_string(m.mapEvent));
    }
    m.longLived = true;
    emitMapping(m);
  }
  live_.clear();
  heldMapOps_.clear();
  sgLists_.clear();
  liveCount_ = 0;
}

}  // namespace dmacheck::tracer
