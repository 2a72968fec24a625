// dma-unmap-unknown and dma-double-unmap: an unmap/free that closed no
// mapping (the importer found no live mapping of that device at that
// address; import_stats.unmap_without_map).
//
// dma-debug prints "tries to free DMA memory it has not allocated" for both;
// the trace has the history to tell them apart:
//
//   release R of (device D, address A) closed nothing
//     ├─ an earlier mapping of D at A was closed before R ──► dma-double-unmap
//     │     (names that mapping and its first release; inconclusive when
//     │      events were lost in between: a lost re-map would make R legal)
//     └─ no mapping of D at A in the trace ───────────────► dma-unmap-unknown
//           conclusive only when nothing was lost before R; otherwise its
//           map is probably among the lost events (an overwritten ring
//           buffer drops the start of the run): those are reported as one
//           inconclusive finding per device and release type with a count.
//
// A release of DMA_MAPPING_ERROR is left to dma-map-failed. dma_unmap_sg
// carries physical addresses only: it is matched on the first entry's
// physical address.
#pragma once

#include "trace_check.h"

namespace dmacheck::tracer::checks {

class UnmatchedReleaseCheck : public TraceCheck {
 public:
  std::string_view name() const override { return "unmatched-release"; }
  std::vector<std::string_view> ruleIds() const override { return {"dma-double-unmap", "dma-unmap-unknown"}; }
  void run(CheckContext &context, FindingList &out) override;
};

}  // namespace dmacheck::tracer::checks
