// dma-stale-iova-fault and dma-fault-unknown-iova: a device fault (the
// faults table: iommu:io_page_fault events and the Intel IOMMU's "DMAR: ...
// fault addr" console lines) explained by the device's mapping history.
//
// IOMMU page tables work in pages, so a mapping [dma_addr, dma_addr + size)
// covers the pages [page_down(dma_addr), page_up(dma_addr + size)); the
// fault address is the page the device touched.
//
//   fault of device D at page P, time t
//     ├─ a mapping of D covering P is live at t ───► not a stale-IOVA fault;
//     │    a write into a DMA_TO_DEVICE mapping or a read of a DMA_FROM_DEVICE
//     │    one ───► dma-fault-wrong-direction (the IOMMU maps them read-only /
//     │    write-only); other faults in live mappings are counted
//     ├─ the last mapping of D covering P was unmapped before t
//     │    ───► dma-stale-iova-fault: names the mapping, its unmap, Δt and
//     │         the call sites; inconclusive when events were lost between
//     │         the unmap and the fault (a lost re-map would make P live)
//     └─ no mapping of D ever covered P ───► dma-fault-unknown-iova
//          (a CPU physical or virtual address given to the device, the
//          static rule dma-virt-to-phys; when P is the physical page of one
//          of D's mappings the message says so); inconclusive when events
//          were lost before t (the map may be among them)
//
// A fault that names no device is counted and not reported.
#pragma once

#include "trace_check.h"

namespace dmacheck::tracer::checks {

class StaleIovaFaultCheck : public TraceCheck {
 public:
  std::string_view name() const override { return "stale-iova-fault"; }
  std::vector<std::string_view> ruleIds() const override {
    return {"dma-stale-iova-fault", "dma-fault-unknown-iova", "dma-fault-wrong-direction"};
  }
  void run(CheckContext &context, FindingList &out) override;
};

}  // namespace dmacheck::tracer::checks
