#include "checks/cpu_access_check.h"

#include <clang/AST/Expr.h>

namespace dmacheck::analyzer {

using namespace clang;
using namespace flow;

void CpuAccessCheck::onUse(FlowContext &ctx, const Expr &site, UseKind kind, const ValueSet &values) {
  if (kind != UseKind::CpuRead && kind != UseKind::CpuWrite) return;
  for (const ValueRef &v : values) {
    if (v.kind != ValueRef::kResource) continue;
    const Resource &r = ctx.resources()[v.id];
    bool streaming = v.role == Role::CpuBuf && r.api->kind == rules::ApiKind::Map;
    bool noncoherent = v.role == Role::Cpu && (r.api->family == rules::ApiFamily::NonCoherent ||
                                               r.api->family == rules::ApiFamily::Pages);
    if (!streaming && !noncoherent) continue;
    auto dir = constantDirection(ctx.ast(), r.dirArg);
    // DMA_TO_DEVICE: reading is harmless, and a write is fine when a
    // dma_sync_*_for_device() follows before the device gets the handle
    // (k3-udma fills descriptors that way): dma-missing-sync-for-device
    // judges the write when the handle reaches the device.
    if (dir == std::optional<int>(1 /* DMA_TO_DEVICE */)) continue;
    if (!allStates(ctx.states(v.id), [](const TypeState &s) { return s.life == Life::Live && s.owner == Owner::Device; }))
      continue;
    if (!reported_.first(&ctx.function(), &site)) continue;
    std::string access = kind == UseKind::CpuWrite ? "writes" : "reads";
    ctx_.report("dma-cpu-access-while-mapped", &site,
                "CPU " + access + " a buffer the device owns (mapped for DMA, not synced for the CPU) [function=" +
                    r.api->name + "]" + (dir ? " [direction=" + directionName(*dir) + "]" : ""),
                &ctx.function())
        .note(r.site->getBeginLoc(), creationNote(r));
  }
}

std::unique_ptr<Check> createCpuAccessCheck(CheckContext &ctx) { return std::make_unique<CpuAccessCheck>(ctx); }

}  // namespace dmacheck::analyzer
