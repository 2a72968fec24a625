#pragma once

#include "core/check.h"
#include "flow/flow_check_support.h"

namespace dmacheck::analyzer {

// dma-double-unmap and dma-use-after-unmap: on every path to this point the
// mapping was already released, and it is released again, synced, or its
// handle is given to the device. "Every path": a release on only some paths
// is not enough to report (no path sensitivity beyond the engine's).
class DoubleUnmapCheck : public Check, public flow::FlowObserver {
 public:
  using Check::Check;
  std::vector<std::string_view> ruleIds() const override { return {"dma-double-unmap", "dma-use-after-unmap"}; }
  flow::FlowObserver *flowObserver() override { return this; }
  void onApiCall(flow::FlowContext &ctx, const clang::CallExpr &call, const rules::ApiFunction &api, int created) override;
  void onUse(flow::FlowContext &ctx, const clang::Expr &site, flow::UseKind kind, const flow::ValueSet &values) override;
};

}  // namespace dmacheck::analyzer
