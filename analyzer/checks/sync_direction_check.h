#pragma once

#include "core/check.h"
#include "flow/flow_check_support.h"

namespace dmacheck::analyzer {

// dma-sync-direction: a dma_sync_* whose direction differs from the mapping's
// (kernel/dma/debug.c check_sync), within a function or through the struct
// field that carries the handle. dma-debug's two refinements are kept as its
// message variants: for_cpu of a DMA_TO_DEVICE mapping with another direction
// ("read-only DMA memory for cpu") and for_device of a DMA_FROM_DEVICE one
// ("write-only DMA memory to device"). A for_device sync of a FROM_DEVICE
// mapping with DMA_FROM_DEVICE is the documented way to hand an rx buffer
// back (dma-api-howto.rst) and is not reported.
class SyncDirectionCheck : public Check, public flow::FlowObserver {
 public:
  using Check::Check;
  std::vector<std::string_view> ruleIds() const override { return {"dma-sync-direction"}; }
  flow::FlowObserver *flowObserver() override { return this; }
  void onApiCall(flow::FlowContext &ctx, const clang::CallExpr &call, const rules::ApiFunction &api, int created) override;
  void onEndOfTranslationUnit(clang::ASTContext &ast) override;

  // dma-debug's wording for a sync of a `mapped` mapping with `synced`; empty when fine.
  static std::string problem(bool forCpu, int mapped, int synced);
};

}  // namespace dmacheck::analyzer
