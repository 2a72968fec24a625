#pragma once

#include <memory>

#include "core/check.h"

namespace dmacheck::analyzer {

// dma-map-stack, dma-map-vmalloc, dma-map-iomem: the CPU buffer given to a
// streaming map (dma_map_single/_attrs; dma_map_page of virt_to_page(x))
// comes from the stack, from vmalloc/kvmalloc, or from ioremap. The flow
// engine's pointer origins tell where the buffer came from, through locals
// and casts: `&cmd`, a local array, `p = vmalloc(...)`, `regs = pci_iomap()`.
// Static locals are not stack memory; kvmalloc is reported since it may
// return vmalloc memory.
class MapOriginCheck : public Check {
 public:
  explicit MapOriginCheck(CheckContext &ctx);
  ~MapOriginCheck() override;
  std::vector<std::string_view> ruleIds() const override {
    return {"dma-map-stack", "dma-map-vmalloc", "dma-map-iomem"};
  }
  flow::FlowObserver *flowObserver() override;

 private:
  class Observer;
  std::unique_ptr<Observer> observer_;
};

}  // namespace dmacheck::analyzer
