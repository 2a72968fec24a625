// dma-swiotlb-bounce (info): per device, how many mappings went through a
// swiotlb bounce buffer (swiotlb_bounced events, the bounces table) and how
// many bytes that copied; "forced" when the kernel ran with swiotlb=force.
// Not a bug, a cost: a DMA mask or an IOMMU setup that avoids it saves a
// copy per transfer. One finding per device, at its first bounce.
#pragma once

#include "trace_check.h"

namespace dmacheck::tracer::checks {

class SwiotlbBounceCheck : public TraceCheck {
 public:
  std::string_view name() const override { return "swiotlb-bounce"; }
  std::vector<std::string_view> ruleIds() const override { return {"dma-swiotlb-bounce"}; }
  void run(CheckContext &context, FindingList &out) override;
};

}  // namespace dmacheck::tracer::checks
