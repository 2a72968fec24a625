#pragma once

#include "core/check.h"
#include "flow/flow_check_support.h"

namespace dmacheck::analyzer {

// dma-sg-nents-mismatch, both directions of the same confusion:
//  * dma_unmap_sg()/dma_sync_sg_*() given the count dma_map_sg() returned
//    (they need the nents passed to dma_map_sg);
//  * the device programmed by walking the ORIGINAL nents (for_each_sg(sgl, sg,
//    nents, i) reading sg_dma_address/sg_dma_len) instead of the count
//    dma_map_sg() returned: an IOMMU may merge entries.
class SgNentsMismatchCheck : public Check, public flow::FlowObserver {
 public:
  using Check::Check;
  std::vector<std::string_view> ruleIds() const override { return {"dma-sg-nents-mismatch"}; }
  flow::FlowObserver *flowObserver() override { return this; }
  void onApiCall(flow::FlowContext &ctx, const clang::CallExpr &call, const rules::ApiFunction &api, int created) override;
  void onStmt(flow::FlowContext &ctx, const clang::Stmt &stmt) override;
};

}  // namespace dmacheck::analyzer
