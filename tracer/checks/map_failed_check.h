// dma-map-failed: a map that returned DMA_MAPPING_ERROR (dma_map_page /
// dma_map_resource with dma_addr all ones — the tracepoint fires even when
// the map failed), dma_map_sg_err, dma_alloc_sgt_err. The importer makes no
// mapping of them (devices.failed_maps); here each is reported with what
// followed:
//   * "later unmapped" / "later synced": a release or sync of the error
//     address by the same device afterwards — the driver did not check
//     dma_mapping_error() (the static rule dma-unchecked-mapping);
//   * otherwise "not used afterwards": the driver handled the failure.
// The kernel's reason, when a console line naming the device came within
// 50 ms before (swiotlb: "swiotlb addr ... overflow"), is quoted.
#pragma once

#include "trace_check.h"

namespace dmacheck::tracer::checks {

class MapFailedCheck : public TraceCheck {
 public:
  std::string_view name() const override { return "map-failed"; }
  std::vector<std::string_view> ruleIds() const override { return {"dma-map-failed"}; }
  void run(CheckContext &context, FindingList &out) override;
};

}  // namespace dmacheck::tracer::checks
