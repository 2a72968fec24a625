// dma-iova-overlap: two live mappings of one device overlapping in IOVA
// space. An IOMMU's IOVA allocator hands a range out once, so an overlap
// means a release the trace did not show (lost events, an unmap the
// importer could not pair) or an IOVA handed out twice.
//
// Only devices whose mappings the IOMMU translates are checked (an
// iommu:map op linked to the device). Without translation (iommu=pt,
// swiotlb or no IOMMU) dma_addr is the physical address (or a swiotlb slot
// for a physical address), and two live mappings of the same memory are
// legal (dma-debug only limits overlapping mappings of one cacheline).
// Byte ranges [dma_addr, dma_addr + size) are compared: the IOVA allocator
// allocates whole pages per mapping, so sub-page neighbours never overlap.
// Segments of one sg list are not compared with each other.
//
// Sweep in map order over the device's live set, keyed by start address:
// O(n log n) plus the overlaps found.
#pragma once

#include "trace_check.h"

namespace dmacheck::tracer::checks {

class IovaOverlapCheck : public TraceCheck {
 public:
  std::string_view name() const override { return "iova-overlap"; }
  std::vector<std::string_view> ruleIds() const override { return {"dma-iova-overlap"}; }
  void run(CheckContext &context, FindingList &out) override;
};

}  // namespace dmacheck::tracer::checks
