#include "unmatched_release_check.h"

#include <map>
#include <tuple>

#include "check_context.h"
#include "database.h"
#include "sg_nents_mismatch_check.h"

namespace dmacheck::tracer::checks {

using store::Event;
using store::Mapping;

namespace {

// A kernel WARNING on the same CPU within 50 ms of the release: dma-iommu
// warns on an unmap of an IOVA that has no page table entry (the double
// unmap of the edu lab run). Corroboration only, never required.
std::string nearbyWarning(const CheckContext &context, const Event &release) {
  constexpr uint64_t kWindowNs = 50'000'000;
  for (const Event &t : context.textEvents()) {
    if (t.tsNs + kWindowNs < release.tsNs) continue;
    if (t.tsNs > release.tsNs + kWindowNs) break;
    if (t.cpu != release.cpu) continue;
    if (t.text.rfind("WARNING: ", 0) != 0) continue;
    auto at = t.text.find(" at ");
    return at == std::string::npos ? t.text : t.text.substr(at + 4);
  }
  return "";
}

std::optional<uint64_t> firstSgPhys(CheckContext &context, int64_t event) {
  store::Statement s = context.database().prepare(
      "SELECT json_extract(j.value, '$[1]') FROM events e, json_each(e.sg) j WHERE e.id = ? ORDER BY j.key LIMIT 1");
  if (!s.valid()) return std::nullopt;
  s.bindInt(1, event);
  if (s.step()) return s.columnOptionalU64(0);
  return std::nullopt;
}

struct Aggregate {
  TraceFinding first;
  uint64_t count = 0;
  uint64_t bytes = 0;
};

}  // namespace

void UnmatchedReleaseCheck::run(CheckContext &context, FindingList &out) {
  const int unmapSgType = CheckContext::typeCode("dma_unmap_sg");
  // (device, type) -> inconclusive unknown releases, reported as one finding.
  std::map<std::pair<int64_t, int>, Aggregate> unknownAfterLoss;

  for (const Event &e : context.releases()) {
    if (!e.device) continue;
    if (!context.mappingsClosedBy(e.id).empty()) continue;
    if (e.dmaAddr && *e.dmaAddr == kDmaMappingError) continue;  // dma-map-failed's
    context.count("unmatched_releases");

    bool sg = e.type == unmapSgType;
    if (sg && matchShortenedSgUnmap(context, e)) continue;  // dma-sg-nents-mismatch's
    std::optional<uint64_t> addr = e.dmaAddr;
    std::optional<uint64_t> phys;
    if (sg) phys = firstSgPhys(context, e.id);

    // The last mapping of this device at this address that was closed before e.
    const Mapping *previous = nullptr;
    auto consider = [&](const Mapping &m) {
      if (m.mapTs > e.tsNs || !m.unmapTs || *m.unmapTs > e.tsNs) return;
      if (!previous || *m.unmapTs >= *previous->unmapTs) previous = &m;
    };
    if (!sg && addr) {
      for (size_t i : context.mappingsStartingAt(*e.device, *addr)) consider(context.mappings()[i]);
    } else if (sg && phys) {
      for (size_t i : context.sgListsOfDevice(*e.device))
        if (context.mappings()[i].physAddr == phys) consider(context.mappings()[i]);
    }

    TraceFinding f;
    f.tsNs = e.tsNs;
    f.device = e.device;
    f.deviceName = context.deviceName(e.device);
    f.dmaAddr = addr;
    f.size = e.size;
    f.event = e.id;
    f.callSite = context.callSite(e.stack);
    std::string where = addr ? "[device address=" + hexAddr(*addr) + "]"
                             : "[physical address=" + (phys ? hexAddr(*phys) : std::string("?")) + "]";
    std::string size = e.size ? " [size=" + std::to_string(*e.size) + " bytes]" : "";

    if (previous) {
      f.rule = "dma-double-unmap";
      f.mapping = previous->id;
      if (f.callSite.empty()) f.callSite = context.callSite(previous->unmapStack);
      f.message = "device driver tries to free an already freed DMA mapping " + where + size + " [mapped at " +
                  formatTs(previous->mapTs) + " with size=" + std::to_string(previous->size) + " bytes, " +
                  std::string(dmaDirName(previous->dir)) + "] [first freed at " + formatTs(*previous->unmapTs) +
                  ", " + formatDuration(e.tsNs - *previous->unmapTs) + " earlier]";
      std::string warning = nearbyWarning(context, e);
      if (!warning.empty()) f.message += " [kernel warning at " + warning + "]";
      if (context.lossBetween(*previous->unmapTs, e.tsNs)) {
        f.inconclusive = true;
        f.inconclusiveReason = "events were lost after the first free: a lost re-map may make this free legal";
      }
      out.add(std::move(f));
      continue;
    }

    f.rule = "dma-unmap-unknown";
    f.message = "device driver tries to free DMA memory it has not allocated " + where + size;
    if (!context.lossAtOrBefore(e.tsNs)) {
      out.add(std::move(f));
      continue;
    }
    context.count("unmatched_releases_after_loss");
    Aggregate &agg = unknownAfterLoss[{*e.device, e.type}];
    if (agg.count == 0) agg.first = f;
    agg.count++;
    agg.bytes += e.size.value_or(0);
  }

  for (auto &[key, agg] : unknownAfterLoss) {
    TraceFinding f = agg.first;
    f.inconclusive = true;
    f.inconclusiveReason = "their maps are probably among the lost events: " + context.lossDescription();
    f.message = "device driver tries to free DMA memory it has not allocated [count=" + std::to_string(agg.count) +
                "] [bytes=" + std::to_string(agg.bytes) + "] [released by " +
                std::string(store::eventTypeNameOf(key.second)) + "] [first: " +
                (agg.first.dmaAddr ? "device address=" + hexAddr(*agg.first.dmaAddr) : std::string("sg list")) +
                " at " + formatTs(*agg.first.tsNs) + "]";
    out.add(std::move(f));
  }
}

}  // namespace dmacheck::tracer::checks
