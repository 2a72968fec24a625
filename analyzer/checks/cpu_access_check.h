#pragma once

#include "core/check.h"
#include "flow/flow_check_support.h"

namespace dmacheck::analyzer {

// dma-cpu-access-while-mapped: the CPU touches a streaming buffer the device
// owns (between its map and its unmap or dma_sync_*_for_cpu), or
// dma_alloc_noncoherent() memory it handed to the device without a for_cpu
// sync. Reported only when the device owns the buffer on every path. Reads
// of a DMA_TO_DEVICE buffer are not reported: the device never writes it.
class CpuAccessCheck : public Check, public flow::FlowObserver {
 public:
  using Check::Check;
  std::vector<std::string_view> ruleIds() const override { return {"dma-cpu-access-while-mapped"}; }
  flow::FlowObserver *flowObserver() override { return this; }
  void onUse(flow::FlowContext &ctx, const clang::Expr &site, flow::UseKind kind, const flow::ValueSet &values) override;

 private:
  flow::ReportedOnce reported_;
};

}  // namespace dmacheck::analyzer
