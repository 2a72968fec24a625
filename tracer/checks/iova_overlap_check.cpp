#include "iova_overlap_check.h"

#include <map>
#include <set>

#include "check_context.h"
#include "database.h"

namespace dmacheck::tracer::checks {

using store::Mapping;

void IovaOverlapCheck::run(CheckContext &context, FindingList &out) {
  std::set<int64_t> translated;
  store::Statement s =
      context.database().prepare("SELECT DISTINCT device FROM iommu_ops WHERE device IS NOT NULL AND op = 0");
  if (!s.valid()) {
    context.problem("cannot read iommu_ops: " + context.database().lastError());
    return;
  }
  while (s.step()) translated.insert(s.columnInt(0));
  // iommu:maps a mappings row holds have no iommu_ops row.
  for (const Mapping &m : context.mappings())
    if (m.holds & store::kHoldsIommuMap) translated.insert(m.device);

  for (int64_t device : translated) {
    context.count("translated_devices");
    // Live set by start address; retire by unmap time.
    std::multimap<uint64_t, const Mapping *> live;
    std::multimap<uint64_t, std::multimap<uint64_t, const Mapping *>::iterator> byEnd;  // unmap_ts -> entry
    uint64_t maxSize = 0;
    for (size_t i : context.mappingsOfDevice(device)) {
      const Mapping &m = context.mappings()[i];
      while (!byEnd.empty() && byEnd.begin()->first <= m.mapTs) {
        live.erase(byEnd.begin()->second);
        byEnd.erase(byEnd.begin());
      }
      // Candidates start in [m.dmaAddr - maxSize, m.dmaEnd()).
      auto it = live.lower_bound(m.dmaAddr > maxSize ? m.dmaAddr - maxSize : 0);
      for (; it != live.end() && it->first < m.dmaEnd(); ++it) {
        const Mapping &o = *it->second;
        if (o.dmaEnd() <= m.dmaAddr) continue;
        if (m.sgGroup && o.sgGroup == m.sgGroup) continue;
        TraceFinding f;
        f.rule = "dma-iova-overlap";
        f.tsNs = m.mapTs;
        f.device = device;
        f.deviceName = context.deviceName(device);
        f.dmaAddr = m.dmaAddr;
        f.size = m.size;
        f.mapping = m.id;
        f.event = m.mapEvent;
        f.callSite = context.callSite(m.mapStack);
        f.message = "two live mappings of one device overlap in IOVA space [device address=" + hexAddr(m.dmaAddr) +
                    "] [size=" + std::to_string(m.size) + " bytes] [mapped as " + std::string(dmaTypeName(m.kind)) +
                    "] [overlaps device address=" + hexAddr(o.dmaAddr) + " size=" + std::to_string(o.size) +
                    " bytes mapped at " + formatTs(o.mapTs) + ", " +
                    (o.unmapTs ? "unmapped at " + formatTs(*o.unmapTs) : std::string("never unmapped")) + "]";
        if ((o.flags & store::kCloseInconclusive) || context.lossBetween(o.mapTs, m.mapTs)) {
          f.inconclusive = true;
          f.inconclusiveReason = "events were lost while the older mapping was live: its unmap may be among them";
        }
        out.add(std::move(f));
        context.count("overlaps");
      }
      maxSize = std::max(maxSize, m.size);
      auto entry = live.emplace(m.dmaAddr, &m);
      byEnd.emplace(m.unmapTs ? *m.unmapTs : UINT64_MAX, entry);
    }
  }
}

}  // namespace dmacheck::tracer::checks
