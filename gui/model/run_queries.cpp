#include "run_queries.h"

#include <algorithm>
#include <map>

#include "axis_ticks.h"
#include "database.h"
#include "run_reader.h"

namespace dmacheck::gui {

std::vector<DeviceRow> deviceRows(store::RunReader &reader) {
  std::vector<DeviceRow> rows;
  std::map<int64_t, uint64_t> findings;
  for (const store::Finding &f : reader.findings()) {
    if (f.device) ++findings[*f.device];
  }
  for (store::Device &d : reader.devices()) {
    DeviceRow r;
    r.findings = findings[d.id];
    r.device = std::move(d);
    rows.push_back(std::move(r));
  }
  return rows;
}

std::optional<int64_t> busiestDevice(const std::vector<DeviceRow> &rows) {
  std::optional<int64_t> best;
  uint64_t most = 0;
  for (const DeviceRow &r : rows) {
    if (!best || r.device.mappings > most) {
      best = r.device.id;
      most = r.device.mappings;
    }
  }
  return best;
}

std::vector<Translation> translationTable(std::vector<store::Mapping> live) {
  std::sort(live.begin(), live.end(), [](const store::Mapping &a, const store::Mapping &b) {
    return a.dmaAddr != b.dmaAddr ? a.dmaAddr < b.dmaAddr : a.id < b.id;
  });
  std::vector<Translation> out;
  out.reserve(live.size());
  uint64_t maxEnd = 0;
  size_t maxEndIndex = 0;
  for (const store::Mapping &m : live) {
    Translation t;
    t.mapping = m.id;
    t.iova = m.dmaAddr;
    t.size = m.size;
    t.phys = m.physAddr;
    t.dir = m.dir;
    t.kind = m.kind;
    t.mapTs = m.mapTs;
    // Sorted by start: a range overlaps an earlier one iff it starts before
    // the furthest end seen so far.
    if (!out.empty() && m.dmaAddr < maxEnd) {
      t.overlaps = true;
      out[maxEndIndex].overlaps = true;
    }
    if (m.dmaEnd() > maxEnd) {
      maxEnd = m.dmaEnd();
      maxEndIndex = out.size();
    }
    out.push_back(t);
  }
  return out;
}

std::vector<AddressHit> searchAddress(store::RunReader &reader, uint64_t addr, size_t limit) {
  std::vector<AddressHit> hits;
  for (const store::Device &d : reader.devices()) {
    for (store::Mapping &m : reader.mappingsAtAddress(d.id, addr)) hits.push_back({std::move(m), false});
  }
  // No index on phys_addr: a scan, but searches are rare and run off the
  // GUI thread.
  store::Statement s = reader.database().prepare(
      "SELECT id FROM mappings WHERE phys_addr IS NOT NULL AND phys_addr <= ?1 AND phys_addr + size > ?1 "
      "ORDER BY map_ts, id LIMIT ?2");
  if (s.valid()) {
    s.bindU64(1, addr);
    s.bindInt(2, static_cast<int64_t>(limit));
    std::vector<int64_t> ids;
    while (s.step()) ids.push_back(s.columnInt(0));
    for (int64_t id : ids) {
      if (auto m = reader.mapping(id)) hits.push_back({std::move(*m), true});
    }
  }
  std::stable_sort(hits.begin(), hits.end(), [](const AddressHit &a, const AddressHit &b) {
    return a.mapping.mapTs != b.mapping.mapTs ? a.mapping.mapTs < b.mapping.mapTs : a.mapping.id < b.mapping.id;
  });
  if (hits.size() > limit) hits.resize(limit);
  return hits;
}

bool writeMappingsCsv(store::RunReader &reader, int64_t device, const Viewport &viewport, std::ostream &out,
                      std::string &error) {
  out << "id,device,kind,dma_addr,phys_addr,size,dir,attrs,map_ts_ns,unmap_ts_ns,flags\n";
  store::MappingWindow w;
  w.device = device;
  w.t0 = viewport.t0;
  w.t1 = viewport.t1;
  w.addrLo = viewport.addrLo;
  w.addrHi = viewport.addrHi;
  bool ok = reader.forEachMappingInWindow(w, [&](const store::Mapping &m) {
    out << m.id << ',' << device << ',' << store::mappingKindName(m.kind) << ',' << formatHex(m.dmaAddr) << ','
        << (m.physAddr ? formatHex(*m.physAddr) : std::string()) << ',' << m.size << ',' << store::directionLabel(m.dir)
        << ',' << formatHex(m.attrs) << ',' << m.mapTs << ','
        << (m.unmapTs ? std::to_string(*m.unmapTs) : std::string()) << ',' << m.flags << '\n';
    return static_cast<bool>(out);
  });
  if (!ok)
    error = reader.lastError();
  else if (!out)
    error = "cannot write the CSV file";
  return ok && static_cast<bool>(out);
}

DeviceExtent deviceExtent(store::RunReader &reader, const store::Device &device, bool physical) {
  DeviceExtent e;
  const store::RunInfo &info = reader.info();
  e.t0 = info.startNs;
  e.t1 = std::max(info.endNs, info.startNs + 1);
  if (physical) {
    if (device.minPhysAddr && device.maxPhysEnd) {
      e.addrLo = *device.minPhysAddr;
      e.addrHi = *device.maxPhysEnd;
      e.empty = false;
    }
  } else if (device.minDmaAddr && device.maxDmaEnd && device.mappings > 0) {
    e.addrLo = *device.minDmaAddr;
    e.addrHi = *device.maxDmaEnd;
    e.empty = false;
  }
  return e;
}

namespace {

// The latest event before t on cpu (on any CPU when cpu is nullopt); nullopt
// when there is none. Event ids follow time, so the stored events, iommu ops
// and held map events (mappings ids follow map order; the iommu:map a row
// holds ran just before its map, on its CPU) are backward walks by id; the
// unmaps (and the iommu:unmaps just before them) that mappings rows hold are
// searched among each device's mappings live between that event and t, a
// short window in a busy trace.
std::optional<uint64_t> previousEventTs(store::RunReader &reader, store::Statement &walk,
                                        store::Statement &heldIommuUnmap, uint64_t t, std::optional<int32_t> cpu) {
  std::optional<uint64_t> found;
  if (walk.valid()) {
    walk.reset();
    walk.bindU64(1, t);
    cpu ? walk.bindInt(2, *cpu) : walk.bindNull(2);
    if (walk.step() && !walk.isNull(0)) found = walk.columnU64(0);
    walk.reset();
  }
  for (const store::Device &d : reader.devices()) {
    store::MappingWindow w;
    w.device = d.id;
    w.t0 = found.value_or(0);
    w.t1 = t;
    w.ordered = false;
    reader.forEachMappingInWindow(w, [&](const store::Mapping &m) {
      if (!m.unmapTs || (cpu && m.unmapCpu != *cpu)) return true;
      if ((m.holds & store::kHoldsUnmapEvent) && *m.unmapTs < t) found = std::max(found.value_or(0), *m.unmapTs);
      if ((m.holds & store::kHoldsIommuUnmap) && heldIommuUnmap.valid()) {
        heldIommuUnmap.reset();
        heldIommuUnmap.bindInt(1, m.id);
        if (heldIommuUnmap.step() && !heldIommuUnmap.isNull(0) && heldIommuUnmap.columnU64(0) < t)
          found = std::max(found.value_or(0), heldIommuUnmap.columnU64(0));
        heldIommuUnmap.reset();
      }
      return true;
    });
  }
  return found;
}

}  // namespace

std::vector<LostSpan> lostSpans(store::RunReader &reader, size_t limit) {
  std::vector<LostSpan> out;
  store::Statement walk = reader.database().prepare(
      "SELECT MAX(ts) FROM (SELECT (SELECT ts_ns FROM events WHERE ts_ns < ?1 AND (?2 IS NULL OR cpu = ?2) "
      "ORDER BY id DESC LIMIT 1) AS ts UNION ALL SELECT (SELECT ts_ns FROM iommu_ops WHERE ts_ns < ?1 AND "
      "(?2 IS NULL OR cpu = ?2) ORDER BY id DESC LIMIT 1) UNION ALL SELECT (SELECT map_ts FROM mappings WHERE "
      "map_ts < ?1 AND holds & 1 AND (?2 IS NULL OR map_cpu = ?2) ORDER BY id DESC LIMIT 1) UNION ALL SELECT "
      "(SELECT map_iommu_ts FROM mappings WHERE map_iommu_ts < ?1 AND holds & 4 AND (?2 IS NULL OR map_cpu = ?2) "
      "ORDER BY id DESC LIMIT 1))");
  store::Statement heldIommuUnmap = reader.database().prepare("SELECT unmap_iommu_ts FROM mappings WHERE id = ?");
  for (const store::LostWindow &w : reader.lostEvents()) {
    if (out.size() >= limit) break;
    LostSpan span;
    span.to = std::max(w.tsNs, reader.info().startNs);
    span.from = reader.info().startNs;
    span.cpu = w.cpu;
    span.count = w.count;
    if (w.tsNs > reader.info().startNs) {
      if (auto previous = previousEventTs(reader, walk, heldIommuUnmap, w.tsNs, w.cpu)) span.from = *previous;
    }
    out.push_back(span);
  }
  return out;
}

}  // namespace dmacheck::gui
