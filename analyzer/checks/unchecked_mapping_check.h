#pragma once

#include "core/check.h"
#include "flow/flow_check_support.h"

namespace dmacheck::analyzer {

// dma-unchecked-mapping: a streaming mapping's handle used before
// dma_mapping_error() on some path — given to the device, passed on,
// returned, unmapped/synced (dma-debug then says "failed to check map error"),
// or stored and never checked before the function returns.
class UncheckedMappingCheck : public Check, public flow::FlowObserver {
 public:
  using Check::Check;
  std::vector<std::string_view> ruleIds() const override { return {"dma-unchecked-mapping"}; }
  flow::FlowObserver *flowObserver() override { return this; }

  void onUse(flow::FlowContext &ctx, const clang::Expr &site, flow::UseKind kind, const flow::ValueSet &values) override;
  void onApiCall(flow::FlowContext &ctx, const clang::CallExpr &call, const rules::ApiFunction &api, int created) override;
  void onExit(flow::FlowContext &ctx) override;

 private:
  bool uncheckedHandle(flow::FlowContext &ctx, uint16_t id) const;
  void report(flow::FlowContext &ctx, uint16_t id, const clang::Stmt &site, const std::string &how);
  flow::ReportedOnce reported_;
};

}  // namespace dmacheck::analyzer
