#include "check_context.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>

#include "database.h"
#include "run_reader.h"

namespace dmacheck::tracer::checks {

using store::Event;
using store::Mapping;
using store::MappingKind;

namespace {

const std::vector<size_t> kNoIndexes;

// Release event types and the kind each releases (mapping_kinds.released_by).
struct ReleaseType {
  std::string_view event;
  MappingKind kind;
};
constexpr ReleaseType kReleaseTypes[] = {
    {"dma_unmap_page", MappingKind::Page},       {"dma_unmap_resource", MappingKind::Resource},
    {"dma_unmap_sg", MappingKind::SgSegment},    {"dma_free", MappingKind::Coherent},
    {"dma_free_pages", MappingKind::Pages},      {"dma_free_sgt", MappingKind::Sgt},
};

}  // namespace

int CheckContext::typeCode(std::string_view name) {
  for (int i = 0; i < store::kEventTypeCount; ++i)
    if (store::kEventTypes[i].name == name) return i;
  return -1;
}

std::optional<MappingKind> CheckContext::kindReleasedBy(int eventType) {
  // By type code, built once: the unmap checks ask once per mapping.
  static const auto byCode = [] {
    std::vector<std::optional<MappingKind>> table(store::kEventTypeCount);
    for (const auto &r : kReleaseTypes) table[static_cast<size_t>(typeCode(r.event))] = r.kind;
    return table;
  }();
  if (eventType < 0 || eventType >= store::kEventTypeCount) return std::nullopt;
  return byCode[static_cast<size_t>(eventType)];
}

std::unique_ptr<CheckContext> CheckContext::load(store::RunReader &reader, std::string &error) {
  std::unique_ptr<CheckContext> context(new CheckContext(reader));
  if (!context->loadAll(error)) return nullptr;
  return context;
}

store::Database &CheckContext::database() { return reader_.database(); }
const store::RunInfo &CheckContext::info() const { return reader_.info(); }

bool CheckContext::loadAll(std::string &error) {
  devices_ = reader_.devices();
  if (!reader_.lastError().empty()) {
    error = "cannot read devices: " + reader_.lastError();
    return false;
  }
  for (size_t i = 0; i < devices_.size(); ++i) deviceIndex_[devices_[i].id] = i;

  // Bulk reads by table scan (raw SQL): the reader's viewport and event
  // queries go through indexes and fetch rows one by one, ~10x slower for
  // "everything" (docs/trace-checks.md, Speed).
  if (!loadMappings(error)) return false;
  std::sort(mappings_.begin(), mappings_.end(), [](const Mapping &a, const Mapping &b) {
    return a.mapTs != b.mapTs ? a.mapTs < b.mapTs : a.id < b.id;
  });
  byId_.reserve(mappings_.size());
  byAddress_.resize(mappings_.size());
  for (size_t i = 0; i < mappings_.size(); ++i) {
    const Mapping &m = mappings_[i];
    byId_.emplace_back(m.id, i);
    byDevice_[m.device].push_back(i);
    if (m.unmapEvent) byUnmapEvent_.emplace_back(*m.unmapEvent, i);
    if (m.kind == MappingKind::SgSegment && m.sgGroup && m.sgIndex.value_or(0) == 0) sgLists_[m.device].push_back(i);
    if (m.mapStack) hasStacks_ = true;
  }
  std::sort(byId_.begin(), byId_.end());
  std::sort(byUnmapEvent_.begin(), byUnmapEvent_.end(), [this](const auto &a, const auto &b) {
    return a.first != b.first ? a.first < b.first : mappings_[a.second].id < mappings_[b.second].id;
  });
  {
    // Sorted on copied keys: comparing through mappings_ misses the cache.
    struct AddressKey {
      int64_t device;
      uint64_t addr;
      size_t index;  // map order breaks ties
      bool operator<(const AddressKey &o) const {
        return device != o.device ? device < o.device : addr != o.addr ? addr < o.addr : index < o.index;
      }
    };
    std::vector<AddressKey> keys(mappings_.size());
    for (size_t i = 0; i < mappings_.size(); ++i) keys[i] = {mappings_[i].device, mappings_[i].dmaAddr, i};
    std::sort(keys.begin(), keys.end());
    for (size_t i = 0; i < keys.size(); ++i) byAddress_[i] = keys[i].index;
  }

  if (!loadReleases(error)) return false;
  {
    store::Statement t = database().prepare(
        "SELECT id, ts_ns, cpu, type, device, text FROM events WHERE type IN (?, ?) ORDER BY id");
    if (!t.valid()) {
      error = "cannot read events: " + database().lastError();
      return false;
    }
    t.bindInt(1, typeCode("console"));
    t.bindInt(2, typeCode("marker"));
    while (t.step()) {
      Event e;
      e.id = t.columnInt(0);
      e.tsNs = t.columnU64(1);
      if (!t.isNull(2)) e.cpu = static_cast<int32_t>(t.columnInt(2));
      e.type = static_cast<int>(t.columnInt(3));
      e.device = t.columnOptionalInt(4);
      e.text = t.columnText(5);
      textEvents_.push_back(std::move(e));
    }
  }
  lost_ = reader_.lostEvents();
  for (const auto &w : lost_) {
    if (!w.cpu) {
      overwritten_ = true;
      overwrittenCount_ += w.count.value_or(0);
    }
  }
  if (overwritten_) {
    // The latest per-CPU first event: before it some CPU's buffer had already
    // wrapped, so the trace is incomplete there.
    store::Statement s = database().prepare(
        "SELECT MAX(first_ts) FROM (SELECT cpu, MIN(ts_ns) AS first_ts FROM (SELECT cpu, ts_ns FROM events WHERE cpu "
        "IS NOT NULL UNION ALL SELECT cpu, ts_ns FROM iommu_ops WHERE cpu IS NOT NULL UNION ALL SELECT map_cpu, "
        "map_ts FROM mappings WHERE holds & 1 AND map_cpu IS NOT NULL UNION ALL SELECT unmap_cpu, unmap_ts FROM "
        "mappings WHERE holds & 2 AND unmap_cpu IS NOT NULL UNION ALL SELECT map_cpu, map_iommu_ts FROM mappings "
        "WHERE holds & 4 AND map_cpu IS NOT NULL UNION ALL SELECT unmap_cpu, unmap_iommu_ts FROM mappings WHERE "
        "holds & 8 AND unmap_cpu IS NOT NULL) GROUP BY cpu)");
    if (s.valid() && s.step() && !s.isNull(0)) completeFromNs_ = s.columnU64(0);
    if (completeFromNs_ == 0) completeFromNs_ = info().startNs;
  }
  if (!hasStacks_) {
    store::Statement s = database().prepare("SELECT 1 FROM stacks LIMIT 1");
    hasStacks_ = s.valid() && s.step();
  }
  return true;
}

bool CheckContext::loadMappings(std::string &error) {
  store::Statement s = database().prepare(std::string("SELECT ") + store::kMappingColumns + " FROM mappings");
  if (!s.valid()) {
    error = "cannot read mappings: " + database().lastError();
    return false;
  }
  uint64_t expected = 0;
  for (const auto &d : devices_) expected += d.mappings;
  mappings_.reserve(expected);
  while (s.step()) mappings_.push_back(store::readMapping(s));
  if (!s.succeeded()) {
    error = "cannot read mappings: " + database().lastError();
    return false;
  }
  return true;
}

namespace {

// A dma_unmap_sg as its events row had it (mapping_events), without the
// array: the checks need its nents, not its addresses.
Event heldUnmapSg(const Mapping &m) {
  Event e;
  e.id = m.unmapEvent.value_or(0);
  e.tsNs = m.unmapTs.value_or(0);
  if (m.unmapCpu >= 0) e.cpu = m.unmapCpu;
  e.type = m.unmapType;
  e.device = m.device;
  e.size = 0;
  e.dir = m.unmapDir;
  e.attrs = m.unmapAttrs;
  e.aux = static_cast<uint64_t>(m.unmapNents);
  e.stack = m.unmapStack;
  e.source = m.unmapSource;
  return e;
}

}  // namespace

bool CheckContext::loadReleases(std::string &error) {
  std::string types;
  for (const auto &r : kReleaseTypes) types += (types.empty() ? "" : ", ") + std::to_string(typeCode(r.event));
  store::Statement s = database().prepare(
      "SELECT id, ts_ns, cpu, type, device, dma_addr, phys_addr, size, dir, attrs, aux, stack, source FROM events "
      "WHERE type IN (" + types + ") ORDER BY id");
  if (!s.valid()) {
    error = "cannot read events: " + database().lastError();
    return false;
  }
  const int unmapSg = typeCode("dma_unmap_sg");
  // The releases a mappings row holds closed that row: only a dma_unmap_sg
  // is kept (the sg checks compare its nents), rebuilt from the row.
  releaseCount_ = 0;
  for (const Mapping &m : mappings_) {
    if (!(m.holds & store::kHoldsUnmapEvent)) continue;
    ++releaseCount_;
    if (m.unmapType == unmapSg) releases_.push_back(heldUnmapSg(m));
  }
  const size_t heldReleases = releases_.size();
  while (s.step()) {
    const int64_t id = s.columnInt(0);
    const int type = static_cast<int>(s.columnInt(3));
    ++releaseCount_;
    if (type != unmapSg && closesSomething(id)) continue;
    Event e;
    e.id = id;
    e.tsNs = s.columnU64(1);
    if (!s.isNull(2)) e.cpu = static_cast<int32_t>(s.columnInt(2));
    e.type = type;
    e.device = s.columnOptionalInt(4);
    e.dmaAddr = s.columnOptionalU64(5);
    e.physAddr = s.columnOptionalU64(6);
    e.size = s.columnOptionalU64(7);
    e.dir = s.isNull(8) ? -1 : static_cast<int8_t>(s.columnInt(8));
    e.attrs = s.columnOptionalU64(9);
    e.aux = s.columnOptionalU64(10);
    e.stack = s.columnOptionalInt(11);
    e.source = s.columnInt(12);
    releases_.push_back(std::move(e));
  }
  if (!s.succeeded()) {
    error = "cannot read events: " + database().lastError();
    return false;
  }
  std::inplace_merge(releases_.begin(), releases_.begin() + static_cast<std::ptrdiff_t>(heldReleases),
                     releases_.end(), [](const Event &a, const Event &b) { return a.id < b.id; });
  // The sg-nents check compares every sg unmap's nents with its map's: one
  // scan here instead of a lookup per list.
  store::Statement n = database().prepare("SELECT id, aux FROM events WHERE type = ? AND aux IS NOT NULL ORDER BY id");
  n.bindInt(1, typeCode("dma_map_sg"));
  while (n.step()) sgMapNents_.emplace_back(n.columnInt(0), n.columnU64(1));
  if (!n.succeeded()) {
    error = "cannot read events: " + database().lastError();
    return false;
  }
  return true;
}

const store::Device *CheckContext::device(int64_t id) const {
  auto it = deviceIndex_.find(id);
  return it == deviceIndex_.end() ? nullptr : &devices_[it->second];
}

std::string CheckContext::deviceName(std::optional<int64_t> id) const {
  if (!id) return "";
  const store::Device *d = device(*id);
  return d ? d->name : "";
}

const std::vector<size_t> &CheckContext::mappingsOfDevice(int64_t device) const {
  auto it = byDevice_.find(device);
  return it == byDevice_.end() ? kNoIndexes : it->second;
}

IndexRange CheckContext::mappingsStartingAt(int64_t device, uint64_t dmaAddr) const {
  auto key = [this](size_t i) { return std::make_pair(mappings_[i].device, mappings_[i].dmaAddr); };
  const std::pair<int64_t, uint64_t> wanted{device, dmaAddr};
  auto first = std::lower_bound(byAddress_.begin(), byAddress_.end(), wanted,
                                [&](size_t i, const auto &k) { return key(i) < k; });
  auto last = std::upper_bound(first, byAddress_.end(), wanted, [&](const auto &k, size_t i) { return k < key(i); });
  if (first == last) return {};
  return {&*first, &*first + (last - first)};
}

CheckContext::ClosedByIterator CheckContext::firstClosedBy(int64_t releaseEvent) const {
  return std::lower_bound(byUnmapEvent_.begin(), byUnmapEvent_.end(), releaseEvent,
                          [](const auto &entry, int64_t wanted) { return entry.first < wanted; });
}

bool CheckContext::closesSomething(int64_t releaseEvent) const {
  auto it = firstClosedBy(releaseEvent);
  return it != byUnmapEvent_.end() && it->first == releaseEvent;
}

std::optional<uint64_t> CheckContext::sgMapNents(int64_t mapEvent) const {
  auto it = std::lower_bound(sgMapNents_.begin(), sgMapNents_.end(), std::make_pair(mapEvent, uint64_t{0}));
  if (it == sgMapNents_.end() || it->first != mapEvent) return std::nullopt;
  return it->second;
}

const std::vector<size_t> &CheckContext::sgListsOfDevice(int64_t device) const {
  auto it = sgLists_.find(device);
  return it == sgLists_.end() ? kNoIndexes : it->second;
}

const Mapping *CheckContext::mapping(int64_t id) const {
  auto it = std::lower_bound(byId_.begin(), byId_.end(), std::make_pair(id, size_t{0}));
  return it != byId_.end() && it->first == id ? &mappings_[it->second] : nullptr;
}

std::vector<const Mapping *> CheckContext::mappingsClosedBy(int64_t event) const {
  std::vector<const Mapping *> out;
  for (auto it = firstClosedBy(event); it != byUnmapEvent_.end() && it->first == event; ++it) out.push_back(&mappings_[it->second]);
  return out;
}

std::optional<Event> CheckContext::event(int64_t id) { return reader_.event(id); }

std::string CheckContext::callSite(std::optional<int64_t> stack) {
  if (!stack) return "";
  auto it = callSites_.find(*stack);
  if (it != callSites_.end()) return it->second;
  std::string site;
  if (auto s = reader_.stack(*stack)) site = s->callSite;
  callSites_.emplace(*stack, site);
  return site;
}

bool CheckContext::lossAtOrBefore(uint64_t t) const {
  for (const auto &w : lost_)
    if (!w.cpu || w.tsNs <= t) return true;
  return false;
}

bool CheckContext::lossBetween(uint64_t t0, uint64_t t1) const {
  if (overwritten_ && t0 < completeFromNs_) return true;
  for (const auto &w : lost_)
    if (w.cpu && w.tsNs > t0 && w.tsNs <= t1) return true;
  return false;
}

std::string CheckContext::lossDescription() const {
  uint64_t windows = 0, counted = 0;
  for (const auto &w : lost_)
    if (w.cpu) {
      ++windows;
      counted += w.count.value_or(0);
    }
  std::string out;
  if (overwritten_)
    out = "the ring buffer was overwritten (" + std::to_string(overwrittenCount_) +
          " events lost before the trace starts; complete from " + formatTs(completeFromNs_) + ")";
  if (windows) {
    if (!out.empty()) out += "; ";
    out += std::to_string(windows) + " windows of lost events (" + std::to_string(counted) + " events)";
  }
  return out;
}

TraceFinding findingOnMapping(const CheckContext &context, std::string rule, uint64_t tsNs, const Mapping &m) {
  TraceFinding f;
  f.rule = std::move(rule);
  f.tsNs = tsNs;
  f.device = m.device;
  f.deviceName = context.deviceName(m.device);
  f.dmaAddr = m.dmaAddr;
  f.mapping = m.id;
  return f;
}

// ---- message pieces

std::string hexAddr(uint64_t value) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%" PRIx64, value);
  return buf;
}

std::string_view dmaDirName(int dir) {
  switch (dir) {
    case 0: return "DMA_BIDIRECTIONAL";
    case 1: return "DMA_TO_DEVICE";
    case 2: return "DMA_FROM_DEVICE";
    default: return "DMA_NONE";
  }
}

std::string_view dmaTypeName(MappingKind kind) {
  switch (kind) {
    case MappingKind::Coherent: return "coherent";
    case MappingKind::Page: return "single";
    case MappingKind::SgSegment: return "scatter-gather";
    case MappingKind::Resource: return "resource";
    case MappingKind::Pages:
    case MappingKind::Sgt: return "noncoherent";
  }
  return "unknown";
}

std::string formatTs(uint64_t ns) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%" PRIu64 ".%06" PRIu64, ns / 1000000000, (ns % 1000000000) / 1000);
  return buf;
}

std::string formatDuration(uint64_t ns) {
  char buf[32];
  if (ns < 1000)
    std::snprintf(buf, sizeof buf, "%" PRIu64 " ns", ns);
  else if (ns < 1000000)
    std::snprintf(buf, sizeof buf, "%.1f us", ns / 1e3);
  else if (ns < 1000000000)
    std::snprintf(buf, sizeof buf, "%.3f ms", ns / 1e6);
  else
    std::snprintf(buf, sizeof buf, "%.3f s", ns / 1e9);
  return buf;
}

}  // namespace dmacheck::tracer::checks
