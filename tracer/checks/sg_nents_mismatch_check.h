// dma-sg-nents-mismatch: dma_unmap_sg() must get the nents passed to
// dma_map_sg(), not the count it returned (kernel/dma/debug.c,
// check_unmap(): "frees DMA sg list with different entry count").
//
// The sg events carry nents (events.aux) and the list's physical addresses
// (events.sg). The importer pairs a dma_unmap_sg with the live sg list of
// the same physical address list, so:
//   * a paired list whose map and unmap nents differ (only possible when
//     the arrays were capped at 128 entries) is compared directly;
//   * an unpaired dma_unmap_sg whose physical list is a proper prefix of a
//     live sg list of the device (the driver passed the mapped segment count,
//     smaller than nents) is this rule, not dma-unmap-unknown: the
//     unmatched-release check asks matchShortenedSgUnmap() first.
#pragma once

#include <cstdint>

#include "run_types.h"
#include "trace_check.h"

namespace dmacheck::tracer::checks {

class SgNentsMismatchCheck : public TraceCheck {
 public:
  std::string_view name() const override { return "sg-nents-mismatch"; }
  std::vector<std::string_view> ruleIds() const override { return {"dma-sg-nents-mismatch"}; }
  void run(CheckContext &context, FindingList &out) override;
};

// For an unpaired dma_unmap_sg: the first segment of the live sg list whose
// physical address list it is a proper prefix of; null when none.
const store::Mapping *matchShortenedSgUnmap(CheckContext &context, const store::Event &unmap);

}  // namespace dmacheck::tracer::checks
