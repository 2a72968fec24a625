#pragma once

#include <memory>

#include "core/check.h"

namespace dmacheck::analyzer {

// dma-coherent-virt-to-page: virt_to_page()/vmalloc_to_page() of the CPU
// address of a dma_alloc_coherent()/dma_alloc_wc() allocation (the flow
// engine's Role::Cpu of a coherent/wc resource, through locals, fields the
// function wrote, casts and pointer arithmetic). The CPU address may come from
// a vmap or a remap of the DMA pool, so it has no linear-map struct page;
// dma_mmap_coherent() is the API that maps it to user space. Noncoherent and
// pool memory are not flagged: dma_alloc_pages/noncoherent return page-backed
// memory.
class CoherentVirtToPageCheck : public Check {
 public:
  explicit CoherentVirtToPageCheck(CheckContext &ctx);
  ~CoherentVirtToPageCheck() override;
  std::vector<std::string_view> ruleIds() const override { return {"dma-coherent-virt-to-page"}; }
  flow::FlowObserver *flowObserver() override;

 private:
  class Observer;
  std::unique_ptr<Observer> observer_;
};

}  // namespace dmacheck::analyzer
