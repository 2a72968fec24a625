// dma-sync-unknown, dma-sync-out-of-range, dma-sync-direction: every
// dma_sync_* (the syncs table, one row per sg entry) against the device's
// live mappings, in the order of kernel/dma/debug.c's check_sync():
//
//   sync of [A, A + n) by device D at t, direction S, for_cpu|for_device
//     ├─ no live mapping of D contains A ──► dma-sync-unknown
//     │     (inconclusive when events were lost before t)
//     ├─ the mapping M containing A ends before A + n ──► dma-sync-out-of-range
//     └─ M.dir != BIDIRECTIONAL and S != M.dir ──► dma-sync-direction, with
//          dma-debug's more specific wording when it applies:
//          for_cpu and M.dir != FROM_DEVICE and S != TO_DEVICE
//              "syncs device read-only DMA memory for cpu"
//          for_device and M.dir != TO_DEVICE and S != FROM_DEVICE
//              "syncs device write-only DMA memory to device"
//
// A for_device sync of a FROM_DEVICE mapping with FROM_DEVICE (handing an
// rx buffer back to the device) has S == M.dir: no finding, as in dma-debug
// and the static engine.
//
// On coherent x86 the kernel skips the sync tracepoints unless swiotlb
// bounced for the device (design.md): no sync events is not evidence.
#pragma once

#include "trace_check.h"

namespace dmacheck::tracer::checks {

class SyncCheck : public TraceCheck {
 public:
  std::string_view name() const override { return "sync"; }
  std::vector<std::string_view> ruleIds() const override {
    return {"dma-sync-unknown", "dma-sync-out-of-range", "dma-sync-direction"};
  }
  void run(CheckContext &context, FindingList &out) override;
};

}  // namespace dmacheck::tracer::checks
