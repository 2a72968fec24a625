#include "sync_check.h"

#include "check_context.h"
#include "database.h"

namespace dmacheck::tracer::checks {

using store::Mapping;

namespace {

struct SyncRow {
  int64_t id = 0, event = 0, device = 0;
  uint64_t tsNs = 0, dmaAddr = 0, size = 0;
  bool forDevice = false;
  int dir = -1;
  std::optional<int64_t> mapping;
};

}  // namespace

void SyncCheck::run(CheckContext &context, FindingList &out) {
  store::Statement s = context.database().prepare(
      "SELECT id, event, ts_ns, device, for_device, dma_addr, size, dir, mapping FROM syncs ORDER BY id");
  if (!s.valid()) {
    context.problem("cannot read syncs: " + context.database().lastError());
    return;
  }
  std::vector<SyncRow> syncs;
  while (s.step()) {
    SyncRow r;
    r.id = s.columnInt(0);
    r.event = s.columnInt(1);
    r.tsNs = s.columnU64(2);
    r.device = s.columnInt(3);
    r.forDevice = s.columnInt(4) != 0;
    r.dmaAddr = s.columnU64(5);
    r.size = s.columnU64(6);
    r.dir = s.isNull(7) ? -1 : static_cast<int>(s.columnInt(7));
    r.mapping = s.columnOptionalInt(8);
    syncs.push_back(r);
  }

  context.count("syncs", syncs.size());
  for (const SyncRow &r : syncs) {
    // The live mapping containing the first byte (the importer's link needs
    // the whole range inside; dma-debug looks the start up).
    const Mapping *m = r.mapping ? context.mapping(*r.mapping) : nullptr;
    if (!m) {
      for (size_t i : context.mappingsOfDevice(r.device)) {
        const Mapping &c = context.mappings()[i];
        if (c.mapTs > r.tsNs) break;
        if (c.liveAt(r.tsNs) && c.dmaAddr <= r.dmaAddr && r.dmaAddr < c.dmaEnd()) m = &c;
      }
    }
    TraceFinding f;
    f.tsNs = r.tsNs;
    f.device = r.device;
    f.deviceName = context.deviceName(r.device);
    f.dmaAddr = r.dmaAddr;
    f.size = r.size;
    f.event = r.event;
    std::string addr = "[device address=" + hexAddr(r.dmaAddr) + "]";
    // The sync event's stack (a query): only for findings.
    auto report = [&](TraceFinding g) {
      if (auto e = context.event(r.event)) g.callSite = context.callSite(e->stack);
      if (g.callSite.empty() && m) g.callSite = context.callSite(m->mapStack);
      out.add(std::move(g));
    };

    if (!m) {
      f.rule = "dma-sync-unknown";
      f.message = "device driver tries to sync DMA memory it has not allocated " + addr + " [size=" +
                  std::to_string(r.size) + " bytes]";
      if (context.lossAtOrBefore(r.tsNs)) {
        f.inconclusive = true;
        f.inconclusiveReason = "events were lost before the sync: its mapping may be among them";
      }
      report(std::move(f));
      continue;
    }
    f.mapping = m->id;
    if (r.dmaAddr + r.size > m->dmaEnd()) {
      TraceFinding g = f;
      g.rule = "dma-sync-out-of-range";
      g.message = "device driver syncs DMA memory outside allocated range [device address=" + hexAddr(m->dmaAddr) +
                  "] [allocation size=" + std::to_string(m->size) + " bytes] [sync offset+size=" +
                  std::to_string(r.dmaAddr - m->dmaAddr + r.size) + "]";
      report(std::move(g));
    }
    if (m->dir < 0 || m->dir == 0 /* BIDIRECTIONAL */ || r.dir < 0 || r.dir == m->dir) continue;
    const int kToDevice = 1, kFromDevice = 2;
    std::string what = "device driver syncs DMA memory with different direction";
    if (!r.forDevice && m->dir != kFromDevice && r.dir != kToDevice)
      what = "device driver syncs device read-only DMA memory for cpu";
    else if (r.forDevice && m->dir != kToDevice && r.dir != kFromDevice)
      what = "device driver syncs device write-only DMA memory to device";
    f.rule = "dma-sync-direction";
    f.message = what + " " + addr + " [size=" + std::to_string(r.size) + " bytes] [mapped with " +
                std::string(dmaDirName(m->dir)) + "] [synced with " + std::string(dmaDirName(r.dir)) + "] [" +
                (r.forDevice ? "for_device" : "for_cpu") + "]";
    report(std::move(f));
  }
}

}  // namespace dmacheck::tracer::checks
