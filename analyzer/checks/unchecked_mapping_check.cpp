#include "checks/unchecked_mapping_check.h"

#include <clang/AST/Expr.h>
#include <clang/AST/Decl.h>
#include <clang/AST/Stmt.h>

#include "core/ast_helpers.h"

namespace dmacheck::analyzer {

using namespace clang;
using namespace flow;

bool UncheckedMappingCheck::uncheckedHandle(FlowContext &ctx, uint16_t id) const {
  const Resource &r = ctx.resources()[id];
  if (r.api->kind != rules::ApiKind::Map || r.api->returns != rules::ApiReturns::Handle) return false;
  return anyState(ctx.states(id), [](const TypeState &s) { return s.life == Life::Live && !s.checked; });
}

void UncheckedMappingCheck::report(FlowContext &ctx, uint16_t id, const Stmt &site, const std::string &how) {
  if (!reported_.first(&ctx.function(), ctx.resources()[id].site)) return;
  const Resource &r = ctx.resources()[id];
  ctx_.report("dma-unchecked-mapping", &site,
              "device driver failed to check map error [function=" + r.api->name + "]: the handle is " + how +
                  " on a path where dma_mapping_error() was not called",
              &ctx.function())
      .note(r.site->getBeginLoc(), creationNote(r));
}

void UncheckedMappingCheck::onUse(FlowContext &ctx, const Expr &site, UseKind kind, const ValueSet &values) {
  const char *how = nullptr;
  switch (kind) {
    case UseKind::HandToDevice: how = "given to the device"; break;
    case UseKind::PassedToCall: how = "passed to another function"; break;
    case UseKind::Returned:
      // A function returning dma_addr_t is a wrapper: its callers check.
      if (isTypedefNamed(ctx.function().getReturnType(), "dma_addr_t")) return;
      how = "returned";
      break;
    // Stored (bookkeeping) before the check is fine; stored and never
    // checked is reported at the exit.
    default: return;
  }
  for (const ValueRef &v : values)
    if (v.kind == ValueRef::kResource && v.role == Role::Handle && uncheckedHandle(ctx, v.id)) report(ctx, v.id, site, how);
}

void UncheckedMappingCheck::onApiCall(FlowContext &ctx, const CallExpr &call, const rules::ApiFunction &api, int) {
  if (api.kind != rules::ApiKind::Unmap && api.kind != rules::ApiKind::SyncForCpu &&
      api.kind != rules::ApiKind::SyncForDevice)
    return;
  for (uint16_t id : ctx.targetsOf(call, api))
    if (uncheckedHandle(ctx, id)) report(ctx, id, call, "given to " + api.name + "()");
}

void UncheckedMappingCheck::onExit(FlowContext &ctx) {
  if (isTypedefNamed(ctx.function().getReturnType(), "dma_addr_t")) return;  // a wrapper: callers check
  // Stored away (a ring entry, a private struct) and never checked here.
  for (uint16_t id = 0; id < ctx.resources().size(); ++id) {
    const Resource &r = ctx.resources()[id];
    if (r.api->kind != rules::ApiKind::Map || r.api->returns != rules::ApiReturns::Handle) continue;
    if (anyState(ctx.states(id), [](const TypeState &s) { return s.life == Life::Live && !s.checked && s.escaped; }))
      report(ctx, id, *r.site, "stored and the function returns");
  }
}

std::unique_ptr<Check> createUncheckedMappingCheck(CheckContext &ctx) { return std::make_unique<UncheckedMappingCheck>(ctx); }

}  // namespace dmacheck::analyzer
