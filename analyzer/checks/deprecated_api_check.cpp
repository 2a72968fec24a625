#include "checks/deprecated_api_check.h"

#include <clang/Lex/Lexer.h>

#include "core/ast_helpers.h"

namespace dmacheck::analyzer {

using namespace clang;
using namespace clang::ast_matchers;

namespace {

struct RemovedHelper {
  const char *name;
  const char *replacement;
};
// Not DMA API rows (they neither map nor free), so not in the table.
constexpr RemovedHelper kRemovedHelpers[] = {
    {"dma_cache_sync", "dma_alloc_noncoherent() with dma_sync_single_for_{cpu,device}()"},
    {"virt_to_bus", "a dma_addr_t from dma_map_single() or dma_alloc_coherent()"},
    {"bus_to_virt", "the CPU address returned with the mapping or allocation"},
};

// Where, walking out from `loc` through nested macro expansions, a macro
// named `name` was used; invalid when none.
SourceLocation macroUseOf(ASTContext &ast, SourceLocation loc, llvm::StringRef name) {
  const SourceManager &sm = ast.getSourceManager();
  while (loc.isMacroID()) {
    if (Lexer::getImmediateMacroName(loc, sm, ast.getLangOpts()) == name)
      return sm.getExpansionRange(loc).getBegin();
    loc = sm.getImmediateMacroCallerLoc(loc);
  }
  return {};
}

}  // namespace

void DeprecatedApiCheck::registerMatchers(MatchFinder &finder) {
  std::vector<llvm::StringRef> names =
      apiNames(ctx_.api(), [](const rules::ApiFunction &fn) { return !fn.deprecatedBy.empty(); });
  for (const auto &helper : kRemovedHelpers) names.push_back(helper.name);
  finder.addMatcher(callExpr(callee(functionDecl(hasAnyName(names)))).bind("call"), this);
  // DMA_ATTR_NON_CONSISTENT expands to (1UL << 3): find its literals.
  finder.addMatcher(integerLiteral(isExpansionInMainFile()).bind("literal"), this);
}

void DeprecatedApiCheck::check(const MatchFinder::MatchResult &result) {
  if (const auto *literal = result.Nodes.getNodeAs<IntegerLiteral>("literal")) {
    SourceLocation use = macroUseOf(*result.Context, literal->getBeginLoc(), "DMA_ATTR_NON_CONSISTENT");
    if (use.isValid())
      ctx_.report("dma-deprecated-api", use,
                  "removed or deprecated DMA API [macro=DMA_ATTR_NON_CONSISTENT] [removed in Linux 5.10]: use "
                  "dma_alloc_noncoherent() for memory the CPU syncs explicitly",
                  enclosingFunction(*result.Context, *literal));
    return;
  }
  const auto *call = result.Nodes.getNodeAs<CallExpr>("call");
  std::string name(calleeName(*call));
  std::string replacement;
  if (const rules::ApiFunction *fn = ctx_.api().find(name); fn && !fn->deprecatedBy.empty())
    replacement = fn->deprecatedBy + "()";
  for (const auto &helper : kRemovedHelpers)
    if (name == helper.name) replacement = helper.replacement;
  if (replacement.empty()) return;
  ctx_.report("dma-deprecated-api", call,
              "removed or deprecated DMA API [function=" + name + "] [replacement=" + replacement + "]");
}

std::unique_ptr<Check> createDeprecatedApiCheck(CheckContext &ctx) { return std::make_unique<DeprecatedApiCheck>(ctx); }

}  // namespace dmacheck::analyzer
