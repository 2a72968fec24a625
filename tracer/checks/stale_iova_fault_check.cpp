#include "stale_iova_fault_check.h"

#include <cinttypes>
#include <cstdio>

#include "check_context.h"
#include "run_reader.h"

namespace dmacheck::tracer::checks {

using store::Fault;
using store::Mapping;

namespace {

constexpr uint64_t kPageSize = 4096;  // x86; the IOMMU's smallest page
uint64_t pageDown(uint64_t a) { return a & ~(kPageSize - 1); }
uint64_t pageUp(uint64_t a) { return (a + kPageSize - 1) & ~(kPageSize - 1); }

bool coversPage(const Mapping &m, uint64_t page) {
  return pageDown(m.dmaAddr) <= page && page < pageUp(m.dmaEnd());
}

std::string describeFault(const Fault &f) {
  std::string access = f.access == "read" ? "DMA Read" : f.access == "write" ? "DMA Write" : "DMA";
  std::string out = "[" + access;
  if (f.reason) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%02x", static_cast<unsigned>(*f.reason));
    out += std::string(", fault reason ") + buf;
  }
  if (!f.reasonText.empty()) out += ": " + f.reasonText;
  return out + "]";
}

std::string describeMapping(const Mapping &m) {
  return "[mapping: device address=" + hexAddr(m.dmaAddr) + " size=" + std::to_string(m.size) + " bytes " +
         std::string(dmaDirName(m.dir)) + " (" + std::string(dmaTypeName(m.kind)) + "), mapped at " +
         formatTs(m.mapTs) + "]";
}

// dma-iommu maps DMA_TO_DEVICE read-only and DMA_FROM_DEVICE write-only for
// the device (dma_info_to_prot): the opposite access faults in a live mapping.
void reportWrongDirection(CheckContext &context, const Fault &fault, const Mapping &m, FindingList &out) {
  const bool wroteToDevice = fault.access == "write" && m.dir == 1 /* DMA_TO_DEVICE */;
  const bool readFromDevice = fault.access == "read" && m.dir == 2 /* DMA_FROM_DEVICE */;
  if (!wroteToDevice && !readFromDevice) return;
  TraceFinding f = findingOnMapping(context, "dma-fault-wrong-direction", fault.tsNs, m);
  f.dmaAddr = fault.addr;  // the page the device touched
  f.size = m.size;
  f.event = fault.event;
  f.callSite = context.callSite(m.mapStack);
  f.message = std::string(wroteToDevice ? "device wrote into a DMA_TO_DEVICE mapping"
                                        : "device read a DMA_FROM_DEVICE mapping") +
              ": IOMMU fault in a live mapping [device address=" + hexAddr(fault.addr) + "] " + describeFault(fault) +
              " " + describeMapping(m);
  out.add(std::move(f));
}

}  // namespace

void StaleIovaFaultCheck::run(CheckContext &context, FindingList &out) {
  for (const Fault &fault : context.reader().faults()) {
    context.count("faults");
    if (!fault.device) {
      context.count("faults_without_device");
      continue;
    }
    const uint64_t page = pageDown(fault.addr);
    const Mapping *live = nullptr, *stale = nullptr, *physMatch = nullptr;
    for (size_t i : context.mappingsOfDevice(*fault.device)) {
      const Mapping &m = context.mappings()[i];
      if (m.mapTs > fault.tsNs) break;
      if (m.physAddr && pageDown(*m.physAddr) == page && !physMatch) physMatch = &m;
      if (!coversPage(m, page)) continue;
      if (m.liveAt(fault.tsNs))
        live = &m;
      else if (!stale || *m.unmapTs >= *stale->unmapTs)
        stale = &m;
    }
    if (live || fault.mapping) {
      const Mapping *m = fault.mapping ? context.mapping(*fault.mapping) : live;
      if (m) reportWrongDirection(context, fault, *m, out);
      context.count("faults_in_live_mapping");
      continue;
    }

    TraceFinding f;
    f.tsNs = fault.tsNs;
    f.device = fault.device;
    f.deviceName = context.deviceName(fault.device);
    f.dmaAddr = fault.addr;
    f.event = fault.event;
    std::string where = "[device address=" + hexAddr(fault.addr) + "] " + describeFault(fault);

    if (stale) {
      f.rule = "dma-stale-iova-fault";
      f.mapping = stale->id;
      f.size = stale->size;
      f.message = "IOMMU fault at an IOVA whose mapping was already unmapped " + where + " " +
                  describeMapping(*stale) + " [unmapped at " + formatTs(*stale->unmapTs) + ", " +
                  formatDuration(fault.tsNs - *stale->unmapTs) + " before the fault]";
      std::string mapSite = context.callSite(stale->mapStack), unmapSite = context.callSite(stale->unmapStack);
      if (!mapSite.empty() || !unmapSite.empty())
        f.message += " [mapped at " + (mapSite.empty() ? "?" : mapSite) + ", unmapped at " +
                     (unmapSite.empty() ? "?" : unmapSite) + "]";
      f.callSite = unmapSite.empty() ? mapSite : unmapSite;
      if (context.lossBetween(*stale->unmapTs, fault.tsNs)) {
        f.inconclusive = true;
        f.inconclusiveReason = "events were lost after the unmap: a lost re-map may have made the IOVA live";
      }
    } else {
      f.rule = "dma-fault-unknown-iova";
      f.message = "IOMMU fault at an IOVA the device never mapped " + where;
      if (physMatch)
        f.message += " [it is the physical page of mapping device address=" + hexAddr(physMatch->dmaAddr) +
                     " mapped at " + formatTs(physMatch->mapTs) +
                     ": the CPU physical address was given to the device instead of the DMA address]";
      else
        f.message += " [no mapping of this device covered this page in the trace: a CPU physical or virtual "
                     "address given to the device? see dma-virt-to-phys]";
      if (context.lossAtOrBefore(fault.tsNs)) {
        f.inconclusive = true;
        f.inconclusiveReason = "events were lost before the fault: its mapping may be among them";
      }
    }
    out.add(std::move(f));
  }
}

}  // namespace dmacheck::tracer::checks
