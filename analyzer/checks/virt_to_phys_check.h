#pragma once

#include <memory>

#include "core/check.h"

namespace dmacheck::analyzer {

// dma-virt-to-phys: a CPU physical address where the device needs a DMA
// address.
//  (a) a value with the flow engine's Origin::PhysAddr (virt_to_phys, __pa,
//      virt_to_bus, page_to_phys, sg_phys) handed to the device — register
//      write, store into an __le/__be descriptor field — or given as the handle
//      of a dma_sync_* call;
//  (b) virt_to_phys()/__pa()/virt_to_bus() of memory that has a DMA mapping
//      or allocation (Role::Cpu / Role::CpuBuf), whatever is done with it next
//      (typically remap_pfn_range of coherent memory).
// Behind an IOMMU, or with a DMA offset, the device does not see physical
// addresses. Physical addresses kept for the CPU's own use (printing,
// comparisons) are not flagged.
class VirtToPhysCheck : public Check {
 public:
  explicit VirtToPhysCheck(CheckContext &ctx);
  ~VirtToPhysCheck() override;
  std::vector<std::string_view> ruleIds() const override { return {"dma-virt-to-phys"}; }
  flow::FlowObserver *flowObserver() override;

 private:
  class Observer;
  std::unique_ptr<Observer> observer_;
};

}  // namespace dmacheck::analyzer
