#include "import_sink.h"

#include <algorithm>
#include <ctime>

#include "console_parser.h"
#include "import_stats.h"

namespace dmacheck::tracer {
namespace {

// Which TraceEvent members an event type really carries (others stay NULL
// in the events table: 0 is a valid IOVA and physical address).
enum Field : uint8_t { kDma = 1, kPhys = 2, kSize = 4, kDir = 8, kAttrs = 16 };

uint8_t fieldsOf(EventType type) {
  switch (type) {
    case EventType::DmaMapPage:
    case EventType::DmaMapResource: return kDma | kPhys | kSize | kDir | kAttrs;
    case EventType::DmaUnmapPage:
    case EventType::DmaUnmapResource:
    case EventType::DmaAlloc:
    case EventType::DmaFree:
    case EventType::DmaAllocPages:
    case EventType::DmaFreePages:
    case EventType::DmaAllocSgt:
    case EventType::DmaFreeSgt: return kDma | kSize | kDir | kAttrs;
    case EventType::DmaMapSg:
    case EventType::DmaUnmapSg:
    case EventType::DmaMapSgErr:
    case EventType::DmaAllocSgtErr: return kDir | kAttrs | kSize;
    case EventType::DmaSyncSingleForCpu:
    case EventType::DmaSyncSingleForDevice: return kDma | kSize | kDir;
    case EventType::DmaSyncSgForCpu:
    case EventType::DmaSyncSgForDevice: return kDir | kSize;
    case EventType::IommuMap: return kDma | kPhys | kSize;
    case EventType::IommuUnmap: return kDma | kSize;
    case EventType::IommuIoPageFault: return kDma;
    case EventType::SwiotlbBounced: return kDma | kSize;
    default: return 0;
  }
}

bool isSgType(EventType type) {
  switch (type) {
    case EventType::DmaMapSg:
    case EventType::DmaUnmapSg:
    case EventType::DmaMapSgErr:
    case EventType::DmaAllocSgt:
    case EventType::DmaAllocSgtErr:
    case EventType::DmaFreeSgt:
    case EventType::DmaSyncSgForCpu:
    case EventType::DmaSyncSgForDevice: return true;
    default: return false;
  }
}

std::optional<uint64_t> auxOf(const TraceEvent &e) {
  switch (e.type) {
    case EventType::DmaAlloc:
    case EventType::DmaAllocPages:
    case EventType::DmaAllocSgt:
    case EventType::DmaAllocSgtErr: return e.gfpFlags;
    case EventType::DmaMapSgErr: return static_cast<uint64_t>(static_cast<int64_t>(e.error));
    case EventType::IommuUnmap: return e.unmappedSize;
    case EventType::IommuIoPageFault: return static_cast<uint64_t>(e.faultFlags);
    case EventType::IommuAddDevice:
    case EventType::IommuRemoveDevice:
      if (e.iommuGroup >= 0) return static_cast<uint64_t>(e.iommuGroup);
      return std::nullopt;
    case EventType::SwiotlbBounced: return e.swiotlbForce ? 1 : 0;
    case EventType::DmaMapSg:
    case EventType::DmaUnmapSg:
    case EventType::DmaSyncSgForCpu:
    case EventType::DmaSyncSgForDevice:
      if (e.nents >= 0) return static_cast<uint64_t>(e.nents);
      return static_cast<uint64_t>(e.sg.size());
    default: return std::nullopt;
  }
}

// Events whose mappings or iommu_ops rows record the event's task.
bool rowsCarryOrigin(EventType type) {
  switch (type) {
    case EventType::DmaMapPage:
    case EventType::DmaUnmapPage:
    case EventType::DmaMapResource:
    case EventType::DmaUnmapResource:
    case EventType::DmaMapSg:
    case EventType::DmaUnmapSg:
    case EventType::DmaAlloc:
    case EventType::DmaFree:
    case EventType::DmaAllocPages:
    case EventType::DmaFreePages:
    case EventType::DmaAllocSgt:
    case EventType::DmaFreeSgt:
    case EventType::IommuMap:
    case EventType::IommuUnmap: return true;
    default: return false;
  }
}

// Strict "later first" for the min-heap.
template <typename T>
bool later(const T &a, const T &b) { return a.ts != b.ts ? a.ts > b.ts : a.seq > b.seq; }

std::string utcNow() {
  std::time_t now = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  return buf;
}

}  // namespace

ImportSink::ImportSink(store::RunWriter &writer, ImportOptions options)
    : writer_(writer), options_(options), tracker_(*this) {}

ImportSink::~ImportSink() = default;

void ImportSink::beginSource(int64_t sourceId, const std::string &path) {
  source_ = sourceId;
  sourcePath_ = path;
  sourceEvents_ = 0;
  sourceFirstTs_.reset();
  sourceLastTs_.reset();
  sourceMeta_.clear();
}

void ImportSink::onEvent(const TraceEvent &event) {
  if (failed()) return;
  ++sourceEvents_;
  if (!sourceFirstTs_) {
    sourceFirstTs_ = event.tsNs;
    // Inputs are imported one after the other: the only sound way to merge
    // them into one timeline is when they follow each other in time.
    if (previousSourceLastTs_ && event.tsNs + options_.sourceOverlapToleranceNs < *previousSourceLastTs_) {
      fatal_ = sourcePath_ + " starts at " + std::to_string(event.tsNs) + " ns, before " + previousSourcePath_ +
               " ends (" + std::to_string(*previousSourceLastTs_) +
               " ns): inputs must be consecutive pieces of one trace; import overlapping traces or "
               "different boots into separate databases";
      return;
    }
  }
  sourceFirstTs_ = std::min(*sourceFirstTs_, event.tsNs);
  sourceLastTs_ = std::max(sourceLastTs_.value_or(0), event.tsNs);
  size_t slot;
  if (freeSlots_.empty()) {
    slot = slots_.size();
    slots_.push_back(event);
  } else {
    slot = freeSlots_.back();
    freeSlots_.pop_back();
    slots_[slot] = event;
  }
  Pending pending{event.tsNs, seq_++, slot, source_};
  if (heap_.empty() && (inOrder_.empty() || inOrder_.back().ts <= pending.ts)) {
    inOrder_.push_back(pending);
  } else {
    // An ascending sequence is already a valid min-heap.
    heap_.insert(heap_.end(), inOrder_.begin(), inOrder_.end());
    inOrder_.clear();
    heap_.push_back(pending);
    std::push_heap(heap_.begin(), heap_.end(), later<Pending>);
  }
  if (bufferedEvents() > options_.reorderWindow) release(options_.reorderWindow);
}

void ImportSink::release(size_t keep) {
  while (bufferedEvents() > keep) {
    Pending p;
    if (heap_.empty()) {
      p = inOrder_.front();
      inOrder_.pop_front();
    } else {
      std::pop_heap(heap_.begin(), heap_.end(), later<Pending>);
      p = heap_.back();
      heap_.pop_back();
    }
    if (lastReleasedTs_ && p.ts < *lastReleasedTs_) {
      count(stats::kEventOutOfOrder, sourcePath_ + ": event at " + std::to_string(p.ts) + " ns after one at " +
                                         std::to_string(*lastReleasedTs_) + " ns");
    } else {
      lastReleasedTs_ = p.ts;
    }
    process(slots_[p.slot], p.source);
    freeSlots_.push_back(p.slot);
  }
}

void ImportSink::onLostEvents(const LostEvents &lost) {
  if (failed()) return;
  // Everything before the gap is processed first so that only what follows
  // it counts as "after a loss".
  release(0);
  store::LostWindow w;
  w.id = nextLost_++;
  if (lost.cpu >= 0) w.cpu = lost.cpu;
  w.tsNs = lost.tsNs;
  if (lost.count) w.count = lost.count;
  w.source = source_;
  writer_.addLostWindow(w);
  tracker_.noteLoss(lost.tsNs);
  addStat(stats::kLostEvents, "reader", "data_loss", std::max<uint64_t>(lost.count, 1),
          sourcePath_ + ": CPU " + std::to_string(lost.cpu) + " lost " +
              (lost.count ? std::to_string(lost.count) : std::string("some")) + " events before " +
              std::to_string(lost.tsNs) + " ns");
}

void ImportSink::noteOverwritten(uint64_t n) {
  if (n == 0) return;
  store::LostWindow w;
  w.id = nextLost_++;
  w.tsNs = 0;
  w.count = n;
  w.source = source_;
  writer_.addLostWindow(w);
  tracker_.noteLoss(0);
  addStat(stats::kOverwrittenEvents, "reader", "data_loss", n,
          sourcePath_ + ": " + std::to_string(n) + " events overwritten before the trace was read");
}

void ImportSink::onMeta(const std::string &key, const std::string &value) {
  if (failed()) return;
  sourceMeta_[key] = value;
  auto it = meta_.find(key);
  if (it == meta_.end()) {
    meta_[key] = value;
  } else if (it->second != value) {
    if (key == "kernel_release") {
      fatal_ = sourcePath_ + " comes from kernel " + value + " but an earlier input from " + it->second +
               ": import traces of different kernels into separate databases";
      return;
    }
    count(stats::kMetaConflict, sourcePath_ + ": " + key + "=" + value + " (kept " + it->second + ")");
  }
  // The ring buffer overwrote its oldest events: known from the header, so
  // unmaps without a map are classified as data loss from the first event.
  if (key == "entries_written" && sourceMeta_.count("entries_in_buffer")) {
    uint64_t inBuffer = std::strtoull(sourceMeta_["entries_in_buffer"].c_str(), nullptr, 10);
    uint64_t written = std::strtoull(value.c_str(), nullptr, 10);
    if (written > inBuffer) tracker_.noteLoss(0);
  }
}

int64_t ImportSink::deviceId(const std::string &name, uint64_t tsNs) {
  auto [it, inserted] = deviceIds_.emplace(name, static_cast<int64_t>(devices_.size() + 1));
  if (inserted) {
    store::Device d;
    d.id = it->second;
    d.name = name;
    if (isPciAddress(name)) d.bus = "pci";
    devices_.push_back(std::move(d));
  }
  store::Device &d = devices_[it->second - 1];
  d.firstTs = std::min(d.firstTs.value_or(tsNs), tsNs);
  d.lastTs = std::max(d.lastTs.value_or(0), tsNs);
  return it->second;
}

void ImportSink::process(const TraceEvent &e, int64_t source) {
  int64_t id = nextEvent_++;
  runFirstTs_ = std::min(runFirstTs_.value_or(e.tsNs), e.tsNs);
  runLastTs_ = std::max(runLastTs_.value_or(0), e.tsNs);
  maxCpu_ = std::max(maxCpu_, e.cpu);
  int64_t device = e.device.empty() ? 0 : deviceId(e.device, e.tsNs);
  if (device) {
    store::Device &d = devices_[device - 1];
    switch (e.type) {
      case EventType::IommuAddDevice:
        if (e.iommuGroup >= 0) d.iommuGroup = e.iommuGroup;
        d.addedTs = e.tsNs;
        break;
      case EventType::IommuRemoveDevice: d.removedTs = e.tsNs; break;
      case EventType::IommuAttachDevice: d.attachedTs = e.tsNs; break;
      case EventType::IommuIoPageFault:
        if (!e.driver.empty()) d.driver = e.driver;
        break;
      default: break;
    }
  }
  std::optional<int64_t> stack;
  if (!e.stack.empty()) stack = writer_.internStack(e.stack, callSiteOf(e.stack));
  MappingTracker::EventOrigin origin{std::nullopt, source};
  if (e.pid >= 0 && rowsCarryOrigin(e.type)) origin.task = writer_.internTask(e.pid, e.comm);
  // Stored once: an event the tracker's rows hold gets no events row
  // (schema.cpp, events).
  if (tracker_.process(id, device, stack, e, origin)) return;
  writeEvent(id, device, stack, e, source);
  if (e.type == EventType::Console) console(id, e);
}

void ImportSink::writeEvent(int64_t id, int64_t device, std::optional<int64_t> stack, const TraceEvent &e,
                            int64_t source) {
  uint8_t f = fieldsOf(e.type);
  store::Event row;
  row.id = id;
  row.tsNs = e.tsNs;
  if (e.cpu >= 0) row.cpu = e.cpu;
  if (e.pid >= 0) row.pid = e.pid;
  row.comm = e.comm;
  row.type = static_cast<int>(e.type);
  if (device) row.device = device;
  if (f & kDma) row.dmaAddr = e.dmaAddr;
  if ((f & kPhys) || (e.physAddr && e.type != EventType::Console)) row.physAddr = e.physAddr;
  if (f & kDir && e.dir != DmaDirection::Unknown) row.dir = static_cast<int8_t>(e.dir);
  if (f & kAttrs) row.attrs = e.attrs;
  row.aux = auxOf(e);
  row.stack = stack;
  row.source = source;
  row.text = e.text;
  if (isSgType(e.type)) {
    uint64_t total = 0;
    std::vector<store::SgEntryRow> entries;
    entries.reserve(e.sg.size());
    for (const SgEntry &s : e.sg) {
      total += s.length;
      store::SgEntryRow r;
      if (s.dmaAddr || s.length) r.dmaAddr = s.dmaAddr;
      if (s.physAddr) r.physAddr = s.physAddr;
      if (s.length) r.length = s.length;
      entries.push_back(r);
    }
    row.size = total ? total : e.size;
    if (!entries.empty()) row.sg = store::sgEntriesJson(entries);
    writer_.addEvent(row);
    return;
  }
  if (f & kSize) row.size = e.size;
  writer_.addEvent(row);
}

void ImportSink::console(int64_t id, const TraceEvent &e) {
  std::string driver, deviceName;
  if (parseDriverPrefix(e.text, driver, deviceName)) consoleDrivers_[deviceName] = driver;
  DmarFault fault;
  switch (parseDmarFault(e.text, fault)) {
    case DmarParse::NotAFault: return;
    case DmarParse::Malformed:
      count(stats::kDmarFaultUnparsed, sourcePath_ + ": " + e.text);
      return;
    case DmarParse::Parsed:
      tracker_.consoleFault(id, e.tsNs, deviceId(fault.device, e.tsNs), fault.addr, fault.write, fault.reason,
                            fault.reasonText);
      return;
  }
}

bool ImportSink::endSource(const ReaderStats &stats, store::Source &source, std::string &error) {
  // The reorder window is not flushed here: the next input may overlap this
  // one by a little (see sourceOverlapToleranceNs).
  if (failed()) {
    error = fatal_;
    return false;
  }
  for (const auto &[reason, n] : stats.skipped) {
    std::string sample;
    for (const std::string &s : stats.samples) {
      if (s.find(": " + reason + ":") != std::string::npos) sample = s;
    }
    addStat(reason, "reader", stats::describeReason(reason, "info").severity, n, sample);
  }
  for (const auto &[reason, n] : stats.errored) {
    std::string sample;
    for (const std::string &s : stats.samples) {
      if (sample.empty() && s.find(": " + reason + ":") != std::string::npos) sample = s;
    }
    if (sample.empty() && !stats.samples.empty() && stats.errored.size() == 1) sample = stats.samples.front();
    addStat(reason, "reader", stats::describeReason(reason, "error").severity, n, sample);
  }
  noteOverwritten(stats.overwrittenEvents);
  source.inputUnits = stats.inputUnits;
  source.events = sourceEvents_;
  source.firstTs = sourceFirstTs_;
  source.lastTs = sourceLastTs_;
  if (sourceLastTs_) {
    previousSourceLastTs_ = std::max(previousSourceLastTs_.value_or(0), *sourceLastTs_);
    previousSourcePath_ = sourcePath_;
  }
  return true;
}

void ImportSink::addStat(std::string_view reason, std::string_view origin, std::string_view severity, uint64_t n,
                         const std::string &sample) {
  Stat &s = stats_[std::string(reason)];
  if (s.origin.empty()) {
    s.origin = std::string(origin);
    s.severity = std::string(severity);
  }
  s.count += n;
  if (s.sample.empty()) s.sample = sample;
}

void ImportSink::count(std::string_view reason, const std::string &sample) {
  addStat(reason, "importer", stats::describeReason(reason, "error").severity, 1, sample);
}

void ImportSink::onMapping(const store::Mapping &mapping, const std::optional<store::IommuOp> &mapOp,
                           const std::optional<store::IommuOp> &unmapOp) {
  writer_.addMapping(mapping, mapOp, unmapOp);
}
void ImportSink::onIommuOp(const store::IommuOp &op) { writer_.addIommuOp(op); }
void ImportSink::onSync(const store::SyncRow &sync) { writer_.addSync(sync); }
void ImportSink::onBounce(const store::BounceRow &bounce) { writer_.addBounce(bounce); }
void ImportSink::onFault(const store::Fault &fault) { writer_.addFault(fault); }

bool ImportSink::finish(std::string &error) {
  if (failed()) {
    error = fatal_;
    return false;
  }
  release(0);
  tracker_.finish();
  const auto &counters = tracker_.devices();
  for (store::Device &d : devices_) {
    auto driver = consoleDrivers_.find(d.name);
    if (d.driver.empty() && driver != consoleDrivers_.end()) d.driver = driver->second;
    auto c = counters.find(d.id);
    if (c != counters.end()) {
      d.mappings = c->second.mappings;
      d.bytesMapped = c->second.bytesMapped;
      d.peakLive = c->second.peakLive;
      d.peakLiveTs = c->second.peakLiveTs;
      d.liveAtEnd = c->second.live;
      d.failedMaps = c->second.failedMaps;
      d.minDmaAddr = c->second.minDmaAddr;
      d.maxDmaEnd = c->second.maxDmaEnd;
      d.minPhysAddr = c->second.minPhysAddr;
      d.maxPhysEnd = c->second.maxPhysEnd;
      d.lifetimeBoundNs = c->second.lifetimeBound();
    }
    writer_.addDevice(d);
  }
  for (const auto &[reason, s] : stats_) {
    store::ImportStat row;
    row.reason = reason;
    row.origin = s.origin;
    row.severity = s.severity;
    row.count = s.count;
    row.description = std::string(stats::describeReason(reason, s.severity).description);
    row.sample = s.sample;
    writer_.setImportStat(row);
  }
  for (const auto &[key, value] : meta_) writer_.setMeta(key, value);
  if (!meta_.count("cpus") && maxCpu_ >= 0) writer_.setMeta("cpus", std::to_string(maxCpu_ + 1));
  writer_.setMeta("created_utc", utcNow());
  writer_.setMeta("trace_start_ns", std::to_string(runFirstTs_.value_or(0)));
  writer_.setMeta("trace_end_ns", std::to_string(runLastTs_.value_or(0)));
  writer_.setMeta("events", std::to_string(eventsImported()));
  if (!writer_.ok()) {
    error = writer_.error();
    return false;
  }
  return true;
}

}  // namespace dmacheck::tracer
