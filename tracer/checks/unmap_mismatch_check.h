// dma-unmap-size-mismatch, dma-unmap-direction-mismatch,
// dma-unmap-type-mismatch: a release that does not match the mapping it
// closes (kernel/dma/debug.c, check_unmap()).
//
// The importer paired every release with its mapping by dma-debug's best fit
// (mappings.unmap_size/unmap_dir, unmap_event). Here the pair is compared:
//   size  mappings.size vs unmap_size (dma_unmap_sg carries no size)
//   dir   mappings.dir vs unmap_dir (both known)
//   type  the mapping's kind vs the kind the release event releases
//         (dma_unmap_page of a dma_alloc, dma_free of a dma_map_page, ...)
// A pair flagged ambiguous_pair (several imperfect candidates at one
// address) is reported inconclusive: another candidate may be the real one.
// An sg list is reported once (its first segment), not per segment.
#pragma once

#include "trace_check.h"

namespace dmacheck::tracer::checks {

class UnmapMismatchCheck : public TraceCheck {
 public:
  std::string_view name() const override { return "unmap-mismatch"; }
  std::vector<std::string_view> ruleIds() const override {
    return {"dma-unmap-size-mismatch", "dma-unmap-direction-mismatch", "dma-unmap-type-mismatch"};
  }
  void run(CheckContext &context, FindingList &out) override;
};

}  // namespace dmacheck::tracer::checks
