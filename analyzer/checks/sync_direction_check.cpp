#include "checks/sync_direction_check.h"

#include <clang/AST/Expr.h>

#include "flow/field_summary.h"

namespace dmacheck::analyzer {

using namespace clang;
using namespace flow;

std::string SyncDirectionCheck::problem(bool forCpu, int mapped, int synced) {
  if (mapped == synced) return {};
  std::string fields = " [mapped with " + directionName(mapped) + "] [synced with " + directionName(synced) + "]";
  if (forCpu && mapped == 1 /* TO_DEVICE */) return "device driver syncs device read-only DMA memory for cpu" + fields;
  if (!forCpu && mapped == 2 /* FROM_DEVICE */) return "device driver syncs device write-only DMA memory to device" + fields;
  return "device driver syncs DMA memory with different direction" + fields;
}

void SyncDirectionCheck::onApiCall(FlowContext &ctx, const CallExpr &call, const rules::ApiFunction &api, int) {
  bool forCpu = api.kind == rules::ApiKind::SyncForCpu;
  if (!forCpu && api.kind != rules::ApiKind::SyncForDevice) return;
  auto ids = ctx.targetsOf(call, api);
  if (ids.size() != 1) return;
  const Resource &r = ctx.resources()[ids[0]];
  auto mapped = constantDirection(ctx.ast(), r.dirArg);
  const Expr *dirArg = api.args.dir >= 0 && unsigned(api.args.dir) < call.getNumArgs() ? call.getArg(api.args.dir) : nullptr;
  auto synced = constantDirection(ctx.ast(), dirArg);
  if (!mapped || !synced) return;
  std::string message = problem(forCpu, *mapped, *synced);
  if (!message.empty())
    ctx_.report("dma-sync-direction", &call, message + " [function=" + api.name + "]", &ctx.function())
        .note(r.site->getBeginLoc(), creationNote(r));
}

void SyncDirectionCheck::onEndOfTranslationUnit(ASTContext &ast) {
  FieldSummary summary = FieldSummary::collect(ast, ctx_.api());
  for (const FieldRelease &sync : summary.releases()) {
    bool forCpu = sync.api->kind == rules::ApiKind::SyncForCpu;
    if ((!forCpu && sync.api->kind != rules::ApiKind::SyncForDevice) || !sync.dir) continue;
    const auto *maps = summary.mappingsOf(sync.field);
    if (!maps || summary.mappedInSameFunction(sync)) continue;
    std::string message;
    bool anyFine = false;
    for (const auto &m : *maps) {
      if (!m.dir) {
        anyFine = true;
        break;
      }
      std::string p = problem(forCpu, *m.dir, *sync.dir);
      if (p.empty()) anyFine = true;
      else if (message.empty()) message = p;
    }
    if (anyFine || message.empty()) continue;
    const FieldMapping &first = maps->front();
    ctx_.report("dma-sync-direction", sync.call,
                message + " [field=" + sync.field->getNameAsString() + "] [function=" + sync.api->name + "]",
                sync.function)
        .note(first.site->getBeginLoc(), "mapped here with " + first.api->name + "() in " +
                                              first.function->getNameAsString() + "()");
  }
}

std::unique_ptr<Check> createSyncDirectionCheck(CheckContext &ctx) { return std::make_unique<SyncDirectionCheck>(ctx); }

}  // namespace dmacheck::analyzer
