#include "unmap_mismatch_check.h"

#include "check_context.h"

namespace dmacheck::tracer::checks {

using store::Mapping;

void UnmapMismatchCheck::run(CheckContext &context, FindingList &out) {
  uint64_t compared = 0;
  for (const Mapping &m : context.mappings()) {
    if (!m.unmapEvent || !m.unmapTs) continue;
    if (m.sgIndex && *m.sgIndex != 0) continue;  // one report per sg list
    ++compared;
    store::MappingKind released = m.kind;
    if (m.unmapType >= 0) released = CheckContext::kindReleasedBy(m.unmapType).value_or(m.kind);
    const bool typeDiffers = released != m.kind && dmaTypeName(released) != dmaTypeName(m.kind);
    const bool sizeDiffers = m.unmapSize && *m.unmapSize != m.size;
    const bool dirDiffers = m.dir >= 0 && m.unmapDir >= 0 && m.dir != m.unmapDir;
    if (!typeDiffers && !sizeDiffers && !dirDiffers) continue;  // the common case: no strings built

    TraceFinding base = findingOnMapping(context, "", *m.unmapTs, m);
    base.size = m.size;
    base.event = m.unmapEvent;
    if (m.flags & store::kAmbiguousPair) {
      base.inconclusive = true;
      base.inconclusiveReason = "paired by best fit among several mappings at this address";
    }
    std::string addr = "[device address=" + hexAddr(m.dmaAddr) + "]";
    // Call sites cost a query per stack: only for findings.
    auto report = [&](TraceFinding f) {
      f.callSite = context.callSite(m.unmapStack);
      if (f.callSite.empty()) f.callSite = context.callSite(m.mapStack);
      out.add(std::move(f));
    };

    if (typeDiffers) {
      TraceFinding f = base;
      f.rule = "dma-unmap-type-mismatch";
      f.message = "device driver frees DMA memory with wrong function " + addr + " [size=" +
                  std::to_string(m.size) + " bytes] [mapped as " + std::string(dmaTypeName(m.kind)) +
                  "] [unmapped as " + std::string(dmaTypeName(released)) + "]";
      report(std::move(f));
    }
    if (sizeDiffers) {
      TraceFinding f = base;
      f.rule = "dma-unmap-size-mismatch";
      f.message = "device driver frees DMA memory with different size " + addr + " [map size=" +
                  std::to_string(m.size) + " bytes] [unmap size=" + std::to_string(*m.unmapSize) + " bytes]";
      report(std::move(f));
    }
    if (dirDiffers) {
      TraceFinding f = base;
      f.rule = "dma-unmap-direction-mismatch";
      f.message = "device driver frees DMA memory with different direction " + addr + " [size=" +
                  std::to_string(m.size) + " bytes] [mapped with " + std::string(dmaDirName(m.dir)) +
                  "] [unmapped with " + std::string(dmaDirName(m.unmapDir)) + "]";
      report(std::move(f));
    }
  }
  context.count("releases_compared", compared);
}

}  // namespace dmacheck::tracer::checks
