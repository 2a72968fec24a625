// dma-leak: mappings still live when their device was released — left its
// IOMMU group (iommu:remove_device_from_group, devices.removed_ts) or had its
// driver unbound (a trace marker or console line "rmmod <driver>",
// "modprobe -r <driver>", or "unbind" naming the device) — and never
// released before the trace ends. dma-debug reports the same at unbind
// ("device driver has pending DMA allocations while released from device").
//
// Why not every mapping live at the end of the trace: a bound driver keeps
// its queues, rings and rx buffers mapped for as long as it is bound (nvme
// and ahci queues, xhci rings, e1000e descriptor rings). On the clean lab
// captures 8–126 mappings per bound device are live at the end and none is a
// leak; without a release point there is nothing to hold them against.
//
//   device D released at R (first release point)
//     mapping M of D with M.map_ts < R and no unmap until the trace ends
//       ──► leak; grouped by (D, call site of the map) with count and bytes
//   inconclusive when the mapping is flagged close_inconclusive or events
//   were lost after it was made (its unmap may be among them).
#pragma once

#include "trace_check.h"

namespace dmacheck::tracer::checks {

class LeakCheck : public TraceCheck {
 public:
  std::string_view name() const override { return "leak"; }
  std::vector<std::string_view> ruleIds() const override { return {"dma-leak"}; }
  void run(CheckContext &context, FindingList &out) override;
};

}  // namespace dmacheck::tracer::checks
