// dma-sg-nents-mismatch: dma_unmap_sg() and dma_sync_sg_for_{cpu,device}()
// must get the nents passed to dma_map_sg(), not the count it returned
// (kernel/dma/debug.c: check_unmap() "frees DMA sg list with different entry
// count", check_sync() "syncs DMA sg list with different entry count").
//
// The sg events carry nents (events.aux) and the list's physical addresses
// (events.sg). The importer pairs a dma_unmap_sg with the live sg list of
// the same physical address list, or with the one live list its shorter
// list is a prefix of (the driver passed the mapped segment count), so:
//   * a paired list whose map and unmap nents differ is compared directly;
//   * an unpaired dma_unmap_sg whose physical list is a proper prefix of a
//     live sg list of the device (several candidates: the importer left it)
//     is this rule, not dma-unmap-unknown: the unmatched-release check asks
//     matchShortenedSgUnmap() first;
//   * a dma_sync_sg_* is compared with the list its first entry's sync row
//     is linked to (syncs.mapping). These events exist only where the device
//     needs syncs (swiotlb, non-coherent, a CONFIG_DMA_API_DEBUG kernel).
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
