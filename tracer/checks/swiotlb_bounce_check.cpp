#include "swiotlb_bounce_check.h"

#include "check_context.h"
#include "database.h"

namespace dmacheck::tracer::checks {

void SwiotlbBounceCheck::run(CheckContext &context, FindingList &out) {
  store::Statement s = context.database().prepare(
      "SELECT device, COUNT(*), SUM(size), SUM(forced), MIN(ts_ns), MIN(event), COUNT(mapping) FROM bounces "
      "GROUP BY device ORDER BY MIN(ts_ns)");
  if (!s.valid()) {
    context.problem("cannot read bounces: " + context.database().lastError());
    return;
  }
  while (s.step()) {
    int64_t device = s.columnInt(0);
    uint64_t count = s.columnU64(1), bytes = s.columnU64(2), forced = s.columnU64(3);
    uint64_t mapped = s.columnU64(6);
    context.count("bounces", count);
    TraceFinding f;
    f.rule = "dma-swiotlb-bounce";
    f.tsNs = s.columnU64(4);
    f.device = device;
    f.deviceName = context.deviceName(device);
    f.size = bytes;
    f.event = s.columnInt(5);
    f.message = "DMA bounced through swiotlb [count=" + std::to_string(count) + "] [bytes=" + std::to_string(bytes) +
                "]" + (forced == count ? " [forced: swiotlb=force]" : forced ? " [partly forced]" : "");
    if (mapped < count) f.message += " [" + std::to_string(count - mapped) + " without a successful map]";
    out.add(std::move(f));
  }
}

}  // namespace dmacheck::tracer::checks
