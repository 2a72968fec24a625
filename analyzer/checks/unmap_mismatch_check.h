#pragma once

#include "core/check.h"
#include "flow/flow_check_support.h"

namespace dmacheck::analyzer {

// dma-unmap-type-mismatch, dma-unmap-size-mismatch, dma-unmap-direction-mismatch
// (the dma-unmap-mismatch group): the release does not match the mapping.
//  * within a function: the flow engine knows which call made the handle;
//  * across functions: through the struct field that carries the handle
//    (map in xmit, unmap in the completion) — reported only when no mapping
//    of that field anywhere in the file matches the release;
//  * kfree()/vfree() of DMA-allocated memory is a type mismatch.
// Sizes and directions are compared only when both are compile-time constants.
class UnmapMismatchCheck : public Check, public flow::FlowObserver {
 public:
  using Check::Check;
  std::vector<std::string_view> ruleIds() const override {
    return {"dma-unmap-type-mismatch", "dma-unmap-size-mismatch", "dma-unmap-direction-mismatch"};
  }
  flow::FlowObserver *flowObserver() override { return this; }
  void onApiCall(flow::FlowContext &ctx, const clang::CallExpr &call, const rules::ApiFunction &api, int created) override;
  void onStmt(flow::FlowContext &ctx, const clang::Stmt &stmt) override;
  void onEndOfTranslationUnit(clang::ASTContext &ast) override;
};

}  // namespace dmacheck::analyzer
