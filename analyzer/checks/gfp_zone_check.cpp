#include "checks/gfp_zone_check.h"

#include "core/ast_helpers.h"

namespace dmacheck::analyzer {

using namespace clang;
using namespace clang::ast_matchers;

void GfpZoneCheck::registerMatchers(MatchFinder &finder) {
  auto allocators = apiNames(ctx_.api(), [](const rules::ApiFunction &fn) {
    return fn.kind == rules::ApiKind::Alloc && fn.args.gfp >= 0;
  });
  finder.addMatcher(callExpr(callee(functionDecl(hasAnyName(allocators)))).bind("call"), this);
}

void GfpZoneCheck::check(const MatchFinder::MatchResult &result) {
  const auto *call = result.Nodes.getNodeAs<CallExpr>("call");
  const rules::ApiFunction *fn = apiRowForCall(ctx_.api(), result.Context, *call);
  if (!fn || fn->args.gfp < 0 || unsigned(fn->args.gfp) >= call->getNumArgs()) return;
  const Expr *gfp = call->getArg(fn->args.gfp);
  static const char *const kZoneFlags[] = {"GFP_DMA", "GFP_DMA32", "__GFP_DMA", "__GFP_DMA32", "__GFP_HIGHMEM",
                                           "__GFP_COMP", "GFP_HIGHUSER", "GFP_HIGHUSER_MOVABLE"};
  for (const char *flag : kZoneFlags) {
    if (!spellsIdentifier(*result.Context, gfp, flag)) continue;
    std::string why = std::string(flag).find("COMP") != std::string::npos
                          ? "compound pages are not supported by the DMA allocators"
                          : "the zone is chosen from the device's coherent DMA mask";
    ctx_.report("dma-gfp-zone", gfp,
                "zone or compound GFP flag passed to a DMA allocator [flag=" + std::string(flag) + "] [function=" +
                    fn->name + "]: " + why);
    return;
  }
}

std::unique_ptr<Check> createGfpZoneCheck(CheckContext &ctx) { return std::make_unique<GfpZoneCheck>(ctx); }

}  // namespace dmacheck::analyzer
