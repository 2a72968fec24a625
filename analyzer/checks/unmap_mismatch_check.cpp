#include "checks/unmap_mismatch_check.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Expr.h>

#include "core/ast_helpers.h"
#include "flow/field_summary.h"

namespace dmacheck::analyzer {

using namespace clang;
using namespace flow;

namespace {

const Expr *argAt(const CallExpr &call, int index) {
  return index >= 0 && unsigned(index) < call.getNumArgs() ? call.getArg(index) : nullptr;
}

std::string sizeText(int64_t size) { return std::to_string(size) + " bytes"; }

}  // namespace

void UnmapMismatchCheck::onApiCall(FlowContext &ctx, const CallExpr &call, const rules::ApiFunction &api, int) {
  if (api.kind != rules::ApiKind::Unmap && api.kind != rules::ApiKind::Free) return;
  auto ids = ctx.targetsOf(call, api);
  if (ids.size() != 1) return;  // ambiguous: the handle may come from several calls
  const Resource &r = ctx.resources()[ids[0]];
  std::string where = " [function=" + api.name + "]";
  if (!rules::familiesMatch(r.api->family, api.family)) {
    ctx_.report("dma-unmap-type-mismatch", &call,
                "device driver frees DMA memory with wrong function [mapped as " + mappingTypeName(r.api->family) +
                    "] [unmapped as " + mappingTypeName(api.family) + "]" + where,
                &ctx.function())
        .note(r.site->getBeginLoc(), creationNote(r));
    return;
  }
  auto mapSize = evaluateInt(r.sizeArg, ctx.ast());
  auto unmapSize = evaluateInt(argAt(call, api.args.size), ctx.ast());
  if (mapSize && unmapSize && *mapSize != *unmapSize)
    ctx_.report("dma-unmap-size-mismatch", &call,
                "device driver frees DMA memory with different size [map size=" + sizeText(*mapSize) +
                    "] [unmap size=" + sizeText(*unmapSize) + "]" + where,
                &ctx.function())
        .note(r.site->getBeginLoc(), creationNote(r));
  auto mapDir = constantDirection(ctx.ast(), r.dirArg);
  auto unmapDir = constantDirection(ctx.ast(), argAt(call, api.args.dir));
  if (mapDir && unmapDir && *mapDir != *unmapDir)
    ctx_.report("dma-unmap-direction-mismatch", &call,
                "device driver frees DMA memory with different direction [mapped with " + directionName(*mapDir) +
                    "] [unmapped with " + directionName(*unmapDir) + "]" + where,
                &ctx.function())
        .note(r.site->getBeginLoc(), creationNote(r));
}

void UnmapMismatchCheck::onStmt(FlowContext &ctx, const Stmt &stmt) {
  const auto *call = dyn_cast<CallExpr>(&stmt);
  if (!call || call->getNumArgs() < 1) return;
  std::string_view name = calleeName(*call);
  if (name != "kfree" && name != "vfree" && name != "kvfree" && name != "kfree_sensitive" && name != "free_pages" &&
      name != "__free_pages")
    return;
  for (const ValueRef &v : ctx.valuesOf(call->getArg(0))) {
    if (v.kind != ValueRef::kResource || v.role != Role::Cpu) continue;
    const Resource &r = ctx.resources()[v.id];
    if (r.api->kind != rules::ApiKind::Alloc) continue;
    ctx_.report("dma-unmap-type-mismatch", call,
                "device driver frees DMA memory with wrong function [allocated as " + mappingTypeName(r.api->family) +
                    "] [freed with " + std::string(name) + "]",
                &ctx.function())
        .note(r.site->getBeginLoc(), creationNote(r));
  }
}

void UnmapMismatchCheck::onEndOfTranslationUnit(ASTContext &ast) {
  FieldSummary summary = FieldSummary::collect(ast, ctx_.api());
  for (const FieldRelease &release : summary.releases()) {
    if (release.api->kind != rules::ApiKind::Unmap && release.api->kind != rules::ApiKind::Free) continue;
    const auto *maps = summary.mappingsOf(release.field);
    if (!maps || summary.mappedInSameFunction(release)) continue;
    bool familyMatch = false, sizeKnown = true, sizeMatch = false, dirKnown = true, dirMatch = false;
    for (const auto &m : *maps) {
      familyMatch |= rules::familiesMatch(m.api->family, release.api->family);
      sizeKnown &= m.size.has_value();
      sizeMatch |= m.size && release.size && *m.size == *release.size;
      dirKnown &= m.dir.has_value();
      dirMatch |= m.dir && release.dir && *m.dir == *release.dir;
    }
    const FieldMapping &first = maps->front();
    std::string field = " [field=" + release.field->getNameAsString() + "] [function=" + release.api->name + "]";
    auto note = [&](CheckContext::FindingRef ref) {
      ref.note(first.site->getBeginLoc(), (first.api->kind == rules::ApiKind::Map ? "mapped here with " : "allocated here with ") +
                                             first.api->name + "() in " + first.function->getNameAsString() + "()");
    };
    // nvme's iod->first_dma holds a dma_map_bvec() handle or a pool handle
    // stored through a local: the kinds are not all known, so no verdict.
    if (!familyMatch && !summary.hasOtherStores(release.field)) {
      note(ctx_.report("dma-unmap-type-mismatch", release.call,
                       "device driver frees DMA memory with wrong function [mapped as " +
                           mappingTypeName(first.api->family) + "] [unmapped as " +
                           mappingTypeName(release.api->family) + "]" + field,
                       release.function));
      continue;
    }
    if (sizeKnown && release.size && !sizeMatch)
      note(ctx_.report("dma-unmap-size-mismatch", release.call,
                       "device driver frees DMA memory with different size [map size=" + sizeText(*first.size) +
                           "] [unmap size=" + sizeText(*release.size) + "]" + field,
                       release.function));
    if (dirKnown && release.dir && !dirMatch)
      note(ctx_.report("dma-unmap-direction-mismatch", release.call,
                       "device driver frees DMA memory with different direction [mapped with " +
                           directionName(*first.dir) + "] [unmapped with " + directionName(*release.dir) + "]" + field,
                       release.function));
  }
}

std::unique_ptr<Check> createUnmapMismatchCheck(CheckContext &ctx) { return std::make_unique<UnmapMismatchCheck>(ctx); }

}  // namespace dmacheck::analyzer
