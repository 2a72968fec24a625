#pragma once

#include "core/check.h"
#include "flow/flow_check_support.h"

namespace dmacheck::analyzer {

// dma-missing-sync-for-device: the CPU owned a buffer (after a for_cpu sync,
// or noncoherent memory from the start), wrote it, and handed its handle to
// the device (register write, __le descriptor field) with no
// dma_sync_*_for_device() in between, on some path.
class MissingSyncCheck : public Check, public flow::FlowObserver {
 public:
  using Check::Check;
  std::vector<std::string_view> ruleIds() const override { return {"dma-missing-sync-for-device"}; }
  flow::FlowObserver *flowObserver() override { return this; }
  void onUse(flow::FlowContext &ctx, const clang::Expr &site, flow::UseKind kind, const flow::ValueSet &values) override;
};

}  // namespace dmacheck::analyzer
