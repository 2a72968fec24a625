#include "checks/missing_sync_check.h"

#include <clang/AST/Expr.h>

namespace dmacheck::analyzer {

using namespace clang;
using namespace flow;

void MissingSyncCheck::onUse(FlowContext &ctx, const Expr &site, UseKind kind, const ValueSet &values) {
  if (kind != UseKind::HandToDevice) return;
  for (const ValueRef &v : values) {
    if (v.kind != ValueRef::kResource || v.role != Role::Handle) continue;
    const Resource &r = ctx.resources()[v.id];
    bool syncable = r.api->kind == rules::ApiKind::Map || r.api->family == rules::ApiFamily::NonCoherent ||
                    r.api->family == rules::ApiFamily::Pages;
    if (!syncable) continue;
    // A write to a device-owned DMA_TO_DEVICE buffer is judged here, not at
    // the write (dma-cpu-access-while-mapped leaves it): it needs a sync for
    // the device before the device reads the buffer again.
    const bool toDevice = constantDirection(ctx.ast(), r.dirArg) == std::optional<int>(1 /* DMA_TO_DEVICE */);
    if (!anyState(ctx.states(v.id), [toDevice](const TypeState &s) {
          return s.life == Life::Live && s.cpuWrote && (s.owner == Owner::Cpu || toDevice);
        }))
      continue;
    ctx_.report("dma-missing-sync-for-device", &site,
                "CPU-written buffer handed back to the device without dma_sync_*_for_device() [function=" +
                    r.api->name + "]",
                &ctx.function())
        .note(r.site->getBeginLoc(), creationNote(r));
  }
}

std::unique_ptr<Check> createMissingSyncCheck(CheckContext &ctx) { return std::make_unique<MissingSyncCheck>(ctx); }

}  // namespace dmacheck::analyzer
