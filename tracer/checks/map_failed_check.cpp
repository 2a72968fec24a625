#include "map_failed_check.h"

#include <algorithm>

#include "check_context.h"
#include "database.h"
#include "run_reader.h"

namespace dmacheck::tracer::checks {

using store::Event;

void MapFailedCheck::run(CheckContext &context, FindingList &out) {
  // One scan of events (no index on type): the failed maps are few.
  std::vector<Event> failed;
  const int mapPage = CheckContext::typeCode("dma_map_page"), mapResource = CheckContext::typeCode("dma_map_resource");
  const int sgErr = CheckContext::typeCode("dma_map_sg_err"), sgtErr = CheckContext::typeCode("dma_alloc_sgt_err");
  store::Statement q = context.database().prepare(
      "SELECT id FROM events WHERE device IS NOT NULL AND ((type IN (?1, ?2) AND dma_addr = ?3) OR type IN (?4, ?5)) "
      "ORDER BY id");
  if (!q.valid()) {
    context.problem("cannot read failed maps: " + context.database().lastError());
    return;
  }
  q.bindInt(1, mapPage);
  q.bindInt(2, mapResource);
  q.bindU64(3, kDmaMappingError);
  q.bindInt(4, sgErr);
  q.bindInt(5, sgtErr);
  std::vector<int64_t> ids;
  while (q.step()) ids.push_back(q.columnInt(0));
  for (int64_t id : ids)
    if (auto e = context.event(id)) failed.push_back(std::move(*e));
  std::sort(failed.begin(), failed.end(), [](const Event &a, const Event &b) { return a.id < b.id; });

  std::vector<const Event *> errorReleases;  // releases of DMA_MAPPING_ERROR, by id
  for (const Event &r : context.releases())
    if (r.dmaAddr == kDmaMappingError) errorReleases.push_back(&r);

  for (const Event &e : failed) {
    context.count("failed_maps");
    std::string followed;
    for (const Event *rp : errorReleases) {
      const Event &r = *rp;
      if (r.id > e.id && r.device == e.device && r.dmaAddr == kDmaMappingError) {
        followed = "[later unmapped at " + formatTs(r.tsNs) + " by " + std::string(r.typeName()) +
                   ": dma_mapping_error() was not checked]";
        break;
      }
    }
    if (followed.empty()) {
      store::Statement s = context.database().prepare(
          "SELECT ts_ns FROM syncs WHERE device = ? AND dma_addr = ? AND event > ? ORDER BY id LIMIT 1");
      if (s.valid()) {
        s.bindInt(1, *e.device);
        s.bindU64(2, kDmaMappingError);
        s.bindInt(3, e.id);
        if (s.step())
          followed = "[later synced at " + formatTs(s.columnU64(0)) + ": dma_mapping_error() was not checked]";
      }
    }
    if (followed.empty()) followed = "[not used afterwards]";

    std::string cause;
    const std::string name = context.deviceName(e.device);
    for (const Event &t : context.textEvents()) {
      if (t.tsNs + 50'000'000 < e.tsNs) continue;
      if (t.tsNs > e.tsNs) break;
      if (cause.empty() && !name.empty() && t.text.find(name) != std::string::npos) cause = t.text;
    }

    TraceFinding f;
    f.rule = "dma-map-failed";
    f.tsNs = e.tsNs;
    f.device = e.device;
    f.deviceName = name;
    f.dmaAddr = e.dmaAddr;
    f.size = e.size;
    f.event = e.id;
    f.callSite = context.callSite(e.stack);
    f.message = "DMA mapping failed [" + std::string(e.typeName()) + "]";
    if (e.dmaAddr) f.message += " [device address=" + hexAddr(*e.dmaAddr) + "]";
    if (e.size) f.message += " [size=" + std::to_string(*e.size) + " bytes]";
    if (e.dir >= 0) f.message += " [" + std::string(dmaDirName(e.dir)) + "]";
    if (!cause.empty()) f.message += " [kernel: \"" + cause + "\"]";
    f.message += " " + followed;
    out.add(std::move(f));
  }
}

}  // namespace dmacheck::tracer::checks
