#include "checks/double_unmap_check.h"

#include <clang/AST/Expr.h>

namespace dmacheck::analyzer {

using namespace clang;
using namespace flow;

namespace {
bool released(FlowContext &ctx, uint16_t id) {
  return allStates(ctx.states(id), [](const TypeState &s) { return s.life == Life::Released; });
}
}  // namespace

void DoubleUnmapCheck::onApiCall(FlowContext &ctx, const CallExpr &call, const rules::ApiFunction &api, int) {
  bool release = api.kind == rules::ApiKind::Unmap || api.kind == rules::ApiKind::Free;
  bool sync = api.kind == rules::ApiKind::SyncForCpu || api.kind == rules::ApiKind::SyncForDevice;
  if (!release && !sync) return;
  for (uint16_t id : ctx.targetsOf(call, api)) {
    if (!released(ctx, id)) continue;
    const Resource &r = ctx.resources()[id];
    if (release)
      ctx_.report("dma-double-unmap", &call,
                  "device driver tries to free an already freed DMA mapping [function=" + api.name + "]",
                  &ctx.function())
          .note(r.site->getBeginLoc(), creationNote(r));
    else
      ctx_.report("dma-use-after-unmap", &call,
                  "DMA handle used after it was unmapped [function=" + api.name + "]", &ctx.function())
          .note(r.site->getBeginLoc(), creationNote(r));
  }
}

void DoubleUnmapCheck::onUse(FlowContext &ctx, const Expr &site, UseKind kind, const ValueSet &values) {
  if (kind != UseKind::HandToDevice) return;
  for (const ValueRef &v : values) {
    if (v.kind != ValueRef::kResource || v.role != Role::Handle || !released(ctx, v.id)) continue;
    const Resource &r = ctx.resources()[v.id];
    ctx_.report("dma-use-after-unmap", &site, "DMA handle used after it was unmapped: given to the device",
                &ctx.function())
        .note(r.site->getBeginLoc(), creationNote(r));
  }
}

std::unique_ptr<Check> createDoubleUnmapCheck(CheckContext &ctx) { return std::make_unique<DoubleUnmapCheck>(ctx); }

}  // namespace dmacheck::analyzer
