#include "sg_nents_mismatch_check.h"

#include <algorithm>

#include "check_context.h"
#include "database.h"

namespace dmacheck::tracer::checks {

using store::Event;
using store::Mapping;

namespace {

std::vector<uint64_t> physList(CheckContext &context, int64_t event) {
  std::vector<uint64_t> out;
  store::Statement s =
      context.database().prepare("SELECT json_extract(j.value, '$[1]') AS phys FROM events e, json_each(e.sg) j "
                                 "WHERE e.id = ? AND phys IS NOT NULL ORDER BY j.key");
  if (!s.valid()) return out;
  s.bindInt(1, event);
  while (s.step()) out.push_back(s.columnU64(0));
  return out;
}

// dma_sync_sg_* whose nents differ from their list's map nents.
void checkSyncs(CheckContext &context, FindingList &out) {
  store::Statement s = context.database().prepare(
      "SELECT e.id, e.ts_ns, e.type, e.aux, e.stack, MIN(y.mapping) FROM events e JOIN syncs y ON y.event = e.id "
      "WHERE e.type IN (?, ?) AND e.aux IS NOT NULL GROUP BY e.id ORDER BY e.id");
  if (!s.valid()) {
    context.problem("cannot read sg syncs: " + context.database().lastError());
    return;
  }
  s.bindInt(1, CheckContext::typeCode("dma_sync_sg_for_cpu"));
  s.bindInt(2, CheckContext::typeCode("dma_sync_sg_for_device"));
  uint64_t compared = 0;
  while (s.step()) {
    std::optional<int64_t> mappingId = s.columnOptionalInt(5);
    const Mapping *segment = mappingId ? context.mapping(*mappingId) : nullptr;
    if (!segment || !segment->sgGroup) continue;  // dma-sync-unknown's business
    std::optional<uint64_t> mapNents = context.sgMapNents(*segment->sgGroup);
    const uint64_t syncNents = s.columnU64(3);
    ++compared;
    if (!mapNents || *mapNents == syncNents) continue;
    // The list's first segment names it, as for unmaps.
    const Mapping *first = segment;
    for (size_t i : context.sgListsOfDevice(segment->device))
      if (context.mappings()[i].sgGroup == segment->sgGroup) first = &context.mappings()[i];
    TraceFinding f = findingOnMapping(context, "dma-sg-nents-mismatch", s.columnU64(1), *first);
    f.event = s.columnInt(0);
    f.callSite = context.callSite(s.columnOptionalInt(4));
    if (f.callSite.empty()) f.callSite = context.callSite(first->mapStack);
    f.message = "device driver syncs DMA sg list with different entry count [map count=" +
                std::to_string(*mapNents) + "] [sync count=" + std::to_string(syncNents) +
                "] [device address=" + hexAddr(first->dmaAddr) + "] [mapped at " + formatTs(first->mapTs) + "] [" +
                (store::eventTypeNameOf(static_cast<int>(s.columnInt(2))) == "dma_sync_sg_for_cpu" ? "for_cpu"
                                                                                                 : "for_device") +
                "]";
    out.add(std::move(f));
  }
  context.count("sg_syncs", compared);
}

TraceFinding makeFinding(CheckContext &context, const Mapping &first, const Event &unmap, uint64_t mapCount,
                         uint64_t unmapCount) {
  TraceFinding f = findingOnMapping(context, "dma-sg-nents-mismatch", unmap.tsNs, first);
  f.event = unmap.id;
  f.callSite = context.callSite(unmap.stack);
  if (f.callSite.empty()) f.callSite = context.callSite(first.mapStack);
  f.message = "device driver frees DMA sg list with different entry count [map count=" + std::to_string(mapCount) +
              "] [unmap count=" + std::to_string(unmapCount) + "] [device address=" + hexAddr(first.dmaAddr) +
              "] [mapped at " + formatTs(first.mapTs) + "]";
  return f;
}

}  // namespace

const Mapping *matchShortenedSgUnmap(CheckContext &context, const Event &unmap) {
  if (!unmap.device) return nullptr;
  std::vector<uint64_t> phys = physList(context, unmap.id);
  if (phys.empty()) return nullptr;
  for (size_t i : context.sgListsOfDevice(*unmap.device)) {
    const Mapping &m = context.mappings()[i];
    if (m.mapTs > unmap.tsNs) break;
    if (!m.liveAt(unmap.tsNs)) continue;
    std::vector<uint64_t> mapped = physList(context, *m.sgGroup);
    if (mapped.size() > phys.size() && std::equal(phys.begin(), phys.end(), mapped.begin())) return &m;
  }
  return nullptr;
}

void SgNentsMismatchCheck::run(CheckContext &context, FindingList &out) {
  const int unmapSg = CheckContext::typeCode("dma_unmap_sg");
  uint64_t sgUnmaps = 0;
  for (const Event &e : context.releases()) {
    if (e.type != unmapSg) continue;
    ++sgUnmaps;
    std::vector<const Mapping *> closed = context.mappingsClosedBy(e.id);
    if (closed.empty()) {
      if (const Mapping *first = matchShortenedSgUnmap(context, e)) {
        out.add(makeFinding(context, *first, e, context.sgMapNents(*first->sgGroup).value_or(0), e.aux.value_or(0)));
      }
      continue;
    }
    const Mapping *first = closed.front();
    if (!first->sgGroup) continue;
    std::optional<uint64_t> mapNents = context.sgMapNents(*first->sgGroup);
    if (!mapNents || !e.aux || *mapNents == *e.aux) continue;
    out.add(makeFinding(context, *first, e, *mapNents, *e.aux));
  }
  context.count("sg_unmaps", sgUnmaps);
  checkSyncs(context, out);
}

}  // namespace dmacheck::tracer::checks
