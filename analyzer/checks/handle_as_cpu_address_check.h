#pragma once

#include "core/check.h"

namespace dmacheck::analyzer {

// dma-handle-as-cpu-address: a dma_addr_t (by type spelling) turned into a CPU
// address or a page frame number:
//  * given to phys_to_virt/bus_to_virt/__va/pfn_to_page/virt_to_page,
//  * cast to a pointer type,
//  * `handle >> PAGE_SHIFT` (or >> 12) given to remap_pfn_range/vmf_insert_pfn/
//    pfn_to_page as the pfn.
// Behind an IOMMU (or with an offset bus) the DMA address is an IOVA, not a
// physical address. `(unsigned long long)handle` for printing is not a
// pointer cast and is left alone.
class HandleAsCpuAddressCheck : public Check {
 public:
  using Check::Check;
  std::vector<std::string_view> ruleIds() const override { return {"dma-handle-as-cpu-address"}; }
  void registerMatchers(clang::ast_matchers::MatchFinder &finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &result) override;
};

}  // namespace dmacheck::analyzer
